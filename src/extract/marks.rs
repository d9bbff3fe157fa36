//! Numerals that are marks on the text rather than figures: a numeral's offsets in, the span
//! of the marker (`[41]`, `^12`, `〔2〕`, `（注1）`), section number (`4.`, `一、`, `（二）`),
//! title (`《2018年…报告》`) or known name (`21世纪经济报道`, `3M`) that holds it out.
//!
//! These come before every other reading of a numeral: `[3]` after a figure is never a
//! count, and `一、` opening a list item never counts anything.

use std::sync::LazyLock;

use super::lexicon::{char_at, char_before};
use crate::source::Span;

/// Opening and closing brackets around a footnote or citation marker.
const MARKER_BRACKETS: &[(char, char)] = &[('[', ']'), ('［', '］'), ('〔', '〕'), ('【', '】')];

/// A footnote or citation marker around the digits `text[s..e]`: `[41]`, `[1-3]`, `[^12]`,
/// `^12`, `〔2〕`, `（注1）`, `注1`. Returns the marker's span.
pub(crate) fn marker(text: &str, s: usize, e: usize) -> Option<Span> {
    let before = char_before(text, s)?;
    // `[1-3]`, `[1,2]`: more digits inside the brackets.
    let close_at = |mut k: usize| -> usize {
        let b = text.as_bytes();
        loop {
            if k < b.len() && (b[k].is_ascii_digit() || matches!(b[k], b'-' | b',' | b' ')) {
                k += 1;
            } else if text[k..].starts_with('–') {
                k += '–'.len_utf8();
            } else {
                break;
            }
        }
        k
    };
    if before == '^' {
        let open = s - 1;
        // `10^6` is a power, not a marker.
        if char_before(text, open).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        if char_before(text, open) == Some('[') && char_at(text, e) == Some(']') {
            return Some(Span::new(open - 1, e + 1));
        }
        return Some(Span::new(open, e));
    }
    if before == '注' || before == '註' {
        let start = s - before.len_utf8();
        let open = match char_before(text, start) {
            Some(c @ ('（' | '(' | '[' | '［' | '〔')) => c.len_utf8(),
            _ => 0,
        };
        let close = match char_at(text, e) {
            Some(c @ ('）' | ')' | ']' | '］' | '〕')) if open > 0 => c.len_utf8(),
            _ => 0,
        };
        return Some(Span::new(start - open, e + close));
    }
    let &(_, closing) = MARKER_BRACKETS.iter().find(|(o, _)| *o == before)?;
    let k = close_at(e);
    (char_at(text, k) == Some(closing))
        .then(|| Span::new(s - before.len_utf8(), k + closing.len_utf8()))
}

/// Exchange suffixes after a stock code (`01211.HK`, `600519.SH`, `2330.TW`).
const EXCHANGES: &[&str] = &[
    "HK", "SH", "SZ", "SS", "BJ", "TW", "TWO", "T", "KS", "KQ", "L", "N", "O", "OQ", "US", "SI",
    "AX", "TO", "DE", "PA",
];

/// Words right before a code (`股票代码：600519`, `股份代號 00066`, `ticker 2330`).
const CODE_WORDS: &[&str] = &[
    "代码", "代碼", "代号", "代號", "编号", "編號", "ticker", "code",
];

/// Words right before a telephone number.
const PHONE_WORDS: &[&str] = &[
    "电话", "電話", "热线", "熱線", "专线", "專線", "客服", "传真", "傳真", "Tel", "tel", "Tel.",
    "phone", "Phone", "hotline", "Hotline", "Fax", "fax", // Dialling a number: `拨打12369`.
    "拨打", "撥打", "致电", "致電", "dial", "Dial", "call", "Call",
];

/// The end of a telephone number whose first group ends at `e`: later groups of three or
/// more digits joined by a hyphen (or a space, where `spaces`).
fn phone_end(b: &[u8], e: usize, spaces: bool) -> usize {
    let mut end = e;
    while b.get(end) == Some(&b'-') || (spaces && b.get(end) == Some(&b' ')) {
        let digits = b[end + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits < 3 {
            break;
        }
        end += 1 + digits;
    }
    end
}

/// A stock or other code at the integer `text[s..e]` (`int_digits` digits, no decimals):
/// digits with an exchange suffix (`01211.HK`, `600519.SH`), a run of four or more digits
/// that opens with a nought (`00066`: no amount is written so), digits after a code word
/// (`股票代码：600519`), or six digits (or four that are no year) alone in brackets after a
/// name (`贵州茅台（600519）`, `台積電（2330）`: the shapes of share codes). Returns the span with the suffix.
pub(crate) fn code(text: &str, s: usize, e: usize, int_digits: usize) -> Option<Span> {
    let b = text.as_bytes();
    if e - s != int_digits || b.get(e).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if b.get(e) == Some(&b'.') {
        let mut k = e + 1;
        while b.get(k).is_some_and(u8::is_ascii_uppercase) {
            k += 1;
        }
        let suffix = &text[e + 1..k];
        if EXCHANGES.contains(&suffix) && !b.get(k).is_some_and(u8::is_ascii_alphanumeric) {
            return Some(Span::new(s, k));
        }
    }
    // `(02)2380-3600`, `（0571）8695 2318`: an area code in brackets, then the number.
    if (2..=4).contains(&int_digits) && b[s] == b'0' {
        let open = match char_before(text, s) {
            Some(c @ ('(' | '（')) => c.len_utf8(),
            _ => 0,
        };
        let close = match char_at(text, e) {
            Some(c @ (')' | '）')) => c.len_utf8(),
            _ => 0,
        };
        let mut k = e + close;
        if b.get(k) == Some(&b' ') {
            k += 1;
        }
        let digits = b[k.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if open > 0 && close > 0 && digits >= 3 {
            return Some(Span::new(s - open, phone_end(b, k + digits, true)));
        }
    }
    // `020 7946 0018`, `02-2380-3600`: a trunk code opening with a nought, then groups.
    if (2..=3).contains(&int_digits) && b[s] == b'0' {
        let end = phone_end(b, e, true);
        if text[s..end].matches([' ', '-']).count() >= 2 {
            return Some(Span::new(s, end));
        }
    }
    if int_digits >= 4 && b[s] == b'0' {
        return Some(Span::new(s, phone_end(b, e, true)));
    }
    // `400-820-8820`, `800-555-0199`: three groups of digits joined by hyphens, the shape of
    // a telephone number.
    // (`1-800-273-8255`: the country's `1` opens one too.)
    if (3..=4).contains(&int_digits) || (int_digits == 1 && b[s] == b'1') {
        let end = phone_end(b, e, false);
        let groups = text[s..end].matches('-').count() + 1;
        if groups >= 3 {
            return Some(Span::new(s, end));
        }
    }
    // After a word of the telephone (`热线：12345`, `Tel 2345 6789`, `拨打12369`), unless a
    // word of the line's name follows (`拨打12328服务热线` is named by it).
    // (`the bureau's hotline, 1300 135 070`: the number in apposition after the word.)
    if int_digits >= 3 && super::nonquant::numbered_name_end(text, e).is_none() {
        let head = text[..s].trim_end_matches([' ', '\t', '：', ':', '+', ',', '，']);
        let last = head.as_bytes().last().copied().unwrap_or(0);
        if PHONE_WORDS.iter().any(|w| {
            super::lexicon::may_end_with(w, last)
                && super::lexicon::ends_with_word(text, head.len(), w).is_some()
        }) {
            return Some(Span::new(s, phone_end(b, e, true)));
        }
    }
    // `12369环保举报热线`, `12355青少年服务台`, `95598供电服务热线`: a short service number
    // that the name of a line a few words on names (the line right after it is a name,
    // `nonquant::numbered_name_end`).
    if (3..=6).contains(&int_digits)
        && matches!(b[s], b'1' | b'9')
        && super::nonquant::numbered_name_end(text, e).is_none()
        && service_line(text, e)
    {
        return Some(Span::new(s, e));
    }
    // `the 988 Suicide and Crisis Lifeline`, `a 116 123 helpline`: a number the line that
    // follows is named by.
    if (3..=6).contains(&int_digits) && b.get(e) == Some(&b' ') && english_line(text, e + 1) {
        return Some(Span::new(s, e));
    }
    if (4..=6).contains(&int_digits) {
        let head = text[..s].trim_end_matches([' ', '\t', '：', ':', '#']);
        // One byte turns most numbers away before the table (years are four digits too).
        let last = head.as_bytes().last().copied().unwrap_or(0);
        if CODE_WORDS.iter().any(|w| {
            super::lexicon::may_end_with(w, last)
                && super::lexicon::ends_with_word(text, head.len(), w).is_some()
        }) {
            return Some(Span::new(s, e));
        }
    }
    let bracketed = matches!(char_before(text, s), Some('（' | '('))
        && matches!(char_at(text, e), Some('）' | ')'));
    // Six digits (a mainland share), or four that are no year (`台積電（2330）`, a Taiwan
    // share).
    let value: u32 = text[s..e].parse().unwrap_or(0);
    let shape = int_digits == 6 || (int_digits == 4 && !(1900..=2100).contains(&value));
    if bracketed
        && shape
        && char_before(text, s - char_before(text, s).map_or(0, char::len_utf8))
            .is_some_and(super::nonquant::is_cjk)
    {
        return Some(Span::new(s, e));
    }
    None
}

/// Whether the words at `j` name a telephone line: up to four capitalised words (or `and`)
/// and then `Lifeline`, `Helpline`, `Hotline` in any case.
fn english_line(text: &str, j: usize) -> bool {
    for (n, w) in text[j..].split(' ').take(5).enumerate() {
        let w = w.trim_end_matches(|c: char| !c.is_ascii_alphabetic());
        if ["lifeline", "helpline", "hotline"]
            .iter()
            .any(|l| w.eq_ignore_ascii_case(l))
        {
            return true;
        }
        // `the NHS 111 line`: a line named right after its number.
        if n == 0 && w == "line" {
            return true;
        }
        let capital = w.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
        if n == 4 || !(capital || w == "and" || w == "&") {
            return false;
        }
    }
    false
}

/// Words that name a telephone line or desk (`热线`, `服务台`).
const LINE_WORDS: &[&str] = &[
    "热线",
    "熱線",
    "服务台",
    "服務台",
    "专线",
    "專線",
    "客服",
    "服务电话",
    "服務電話",
    "咨询电话",
    "諮詢電話",
    "举报电话",
    "舉報電話",
    "求助电话",
    "求助電話",
    // `12309检察服务中心`, `12345政务服务便民热线`: a service centre or platform.
    "服务中心",
    "服務中心",
    "服务平台",
    "服務平台",
    "服务窗口",
    "服務窗口",
];

/// Whether a line's word (`LINE_WORDS`) follows `e` within eight Chinese characters that
/// are no counter or unit (`12369环保举报热线`, not `300家服务台`).
fn service_line(text: &str, e: usize) -> bool {
    let Some(first) = char_at(text, e) else {
        return false;
    };
    if !super::nonquant::is_cjk(first)
        || matches!(
            first,
            '万' | '萬' | '亿' | '億' | '千' | '百' | '兆' | '多' | '余' | '餘'
        )
        || super::lexicon::counter(first).is_some()
        || super::lexicon::unit_zh_at(text, e).is_some()
    {
        return false;
    }
    let mut k = e;
    for _ in 0..8 {
        if LINE_WORDS.iter().any(|w| text[k..].starts_with(w)) {
            return true;
        }
        match char_at(text, k) {
            Some(c) if super::nonquant::is_cjk(c) => k += c.len_utf8(),
            _ => return false,
        }
    }
    false
}

/// Where the line holding `s` starts, when only list or heading marks stand between
/// (`# `, `- `, `* `, `> `, spaces): the numeral opens a heading or list item.
fn opens_line(text: &str, s: usize) -> bool {
    let b = text.as_bytes();
    let mut k = s;
    while k > 0 && matches!(b[k - 1], b' ' | b'\t' | b'#' | b'>' | b'*' | b'-' | b'+') {
        k -= 1;
    }
    k == 0 || matches!(b[k - 1], b'\n' | b'\r')
}

/// A section or list number at the start of a heading or list item: `4.散热设计`, `1. `,
/// `2、`, `一、`, `（二）`, `(3)`, `3.2 方法` in a heading. `e` is the end of the numeral;
/// `dots` the points inside it. Returns the span with its punctuation.
pub(crate) fn section(text: &str, s: usize, e: usize, dots: u8) -> Option<Span> {
    let paren = if text[..s].ends_with('（') {
        '（'.len_utf8()
    } else if text[..s].ends_with('(') {
        1
    } else {
        0
    };
    if !opens_line(text, s - paren) {
        // `；（2）加强…`: an item number in parentheses inside a paragraph, after clause
        // punctuation; not `今（9）日` nor `(78 亿美元)`.
        let after_punct = paren > 0
            && matches!(
                char_before(text, s - paren),
                Some('；' | '，' | '。' | '：' | '、' | ';' | ':' | ' ')
            );
        if !after_punct {
            return None;
        }
        let close = match char_at(text, e) {
            Some(c @ ('）' | ')')) => c.len_utf8(),
            _ => 0,
        };
        let next = char_at(text, e + close);
        if after_punct
            && close > 0
            && dots == 0
            && e - s <= 2
            && next.is_some_and(|c| !matches!(c, '日' | '月' | '年' | '号'))
        {
            return Some(Span::new(s - paren, e + close));
        }
        return None;
    }
    if paren > 0 {
        let close = match char_at(text, e) {
            Some(c @ ('）' | ')')) => c.len_utf8(),
            _ => return None,
        };
        return Some(Span::new(s - paren, e + close));
    }
    match char_at(text, e) {
        Some(c @ ('.' | '．' | '、' | ')' | '）')) => {
            // `1.5 亿` opens no section: a digit after the point makes it a decimal, which
            // the numeral already took; anything else after the point is the heading.
            let after = char_at(text, e + c.len_utf8());
            if after.is_some_and(|a| a.is_ascii_digit()) {
                return None;
            }
            Some(Span::new(s, e + c.len_utf8()))
        }
        // `3.2 研究方法`, `2.1.3 数据` in a heading.
        Some(' ') if dots >= 1 && text[..s].trim_end_matches([' ', '\t']).ends_with('#') => {
            Some(Span::new(s, e))
        }
        _ => None,
    }
}

/// A number in parentheses that fills a Markdown table cell (`| (4.0) |`): the accounting
/// way to write a negative figure. Returns the span with the parentheses, and whether the
/// column holds percentages (its header says `%`, or another cell of it, above, ends with
/// `%`), for `(41.7)` in a column of percentage changes.
pub(crate) fn table_negative(text: &str, s: usize, e: usize) -> Option<(Span, bool)> {
    let b = text.as_bytes();
    let open = s.checked_sub(1).filter(|&k| b[k] == b'(')?;
    let close = e;
    if b.get(close) != Some(&b')') {
        return None;
    }
    // `(1.4)%`: the sign of percent after the parentheses.
    if b.get(close + 1) == Some(&b'%') && fills_cell(text, open, close + 2) {
        return Some((Span::new(open, close + 2), true));
    }
    if !fills_cell(text, open, close + 1) {
        return None;
    }
    let (header, above) = percent_column(text, open);
    Some((Span::new(open, close + 1), header || above))
}

/// A bare number that fills a Markdown table cell of a column whose header says `%`
/// (`| Change (%) |`, `| 同比（%） |`): a percentage. Returns the number's span.
pub(crate) fn percent_cell(text: &str, s: usize, e: usize) -> Option<Span> {
    // Most numbers stand in prose: one byte before them turns them away.
    let b = text.as_bytes();
    let k = s.checked_sub(1)?;
    if !matches!(b[k], b'|' | b' ' | b'\t') || !fills_cell(text, s, e) {
        return None;
    }
    (percent_column(text, s).0 || percent_row(text, s)).then(|| Span::new(s, e))
}

/// Header words of a table column that ranks or numbers its rows (`| Rank |`, `| 排名 |`).
const RANK_HEADERS: &[&str] = &[
    "rank", "ranking", "no.", "no", "#", "pos", "pos.", "position", "place", "排名", "名次",
    "排行", "排序", "序号", "序號", "位次",
];

/// A whole number alone in a Markdown table cell whose column header is a word of rank
/// (`| Rank |`, `| 排名 |`): an ordinal (`| 1 | United States |`). Returns its span.
pub(crate) fn rank_cell(text: &str, s: usize, e: usize) -> Option<Span> {
    let b = text.as_bytes();
    let k = s.checked_sub(1)?;
    if !matches!(b[k], b'|' | b' ' | b'\t') || !fills_cell(text, s, e) {
        return None;
    }
    let header = column_header(text, s)?;
    let header = header.trim().trim_matches('*').trim();
    RANK_HEADERS
        .iter()
        .any(|w| header.eq_ignore_ascii_case(w))
        .then(|| Span::new(s, e))
}

/// The header cell of the table column holding the cell at `at`: the row above the
/// separator row (`|---|`), at most 100 rows up.
fn column_header(text: &str, at: usize) -> Option<&str> {
    let line_start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let column = text[line_start..at].matches('|').count();
    let mut end = line_start;
    for _ in 0..100 {
        if end == 0 {
            return None;
        }
        let start = text[..end - 1].rfind('\n').map_or(0, |k| k + 1);
        let row = text[start..end - 1].trim();
        if !row.starts_with('|') {
            return None;
        }
        let cell = row.split('|').nth(column).map(str::trim);
        if cell.is_some_and(|c| !c.is_empty() && c.bytes().all(|b| matches!(b, b'-' | b':'))) {
            let header_start = text[..start.saturating_sub(1)]
                .rfind('\n')
                .map_or(0, |k| k + 1);
            let header = text.get(header_start..start.saturating_sub(1))?;
            return header.split('|').nth(column);
        }
        end = start;
    }
    None
}

/// Whether the cell at `at` is in a table row whose label (its first cell) says `%`
/// (`| Weight change (%) | -9.39 | -0.88 |`), and is not that label.
fn percent_row(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let before = &text[line_start..at];
    let mut cells = before.split('|');
    // `|` opens the row, so the first piece is empty and the second the label.
    if cells.next().is_none_or(|c| !c.trim().is_empty()) {
        return false;
    }
    let Some(label) = cells.next() else {
        return false;
    };
    // The cell at `at` is a later one: the label is closed before it.
    before.matches('|').count() >= 2 && label.contains(['%', '％'])
}

/// Whether `text[a..b]` alone fills a table cell: `|` on either side, spaces between.
fn fills_cell(text: &str, a: usize, b: usize) -> bool {
    let before = text[..a].trim_end_matches([' ', '\t']);
    let after = text[b..].trim_start_matches([' ', '\t']);
    before.ends_with('|') && after.starts_with('|')
}

/// Whether the table column of the cell at `at` is one of percentages: (its header cell
/// holds `%` or `％`, a cell above ends with `%`).
fn percent_column(text: &str, at: usize) -> (bool, bool) {
    let line_start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let column = text[line_start..at].matches('|').count();
    let mut above = false;
    let mut end = line_start;
    // Rows above, up to the header, at most 100 of them.
    for _ in 0..100 {
        if end == 0 {
            break;
        }
        let start = text[..end - 1].rfind('\n').map_or(0, |k| k + 1);
        let row = text[start..end - 1].trim();
        if !row.starts_with('|') {
            break;
        }
        let cell = row.split('|').nth(column).map(str::trim);
        // The separator row `|---|---|`: the row above it is the header.
        if cell.is_some_and(|c| !c.is_empty() && c.bytes().all(|b| matches!(b, b'-' | b':'))) {
            let header_start = text[..start.saturating_sub(1)]
                .rfind('\n')
                .map_or(0, |k| k + 1);
            let header = text
                .get(header_start..start.saturating_sub(1))
                .unwrap_or("");
            let percent = header
                .split('|')
                .nth(column)
                .is_some_and(|c| c.contains(['%', '％']));
            return (percent, above);
        }
        if cell.is_some_and(|c| c.ends_with('%')) {
            above = true;
        }
        end = start;
    }
    (false, above)
}

/// A generation named by the decade of birth: `90后`, `00后`, `95後` (two digits glued to
/// `后`). Returns its span.
pub(crate) fn generation(
    text: &str,
    s: usize,
    e: usize,
    int_digits: usize,
    decimals: u8,
) -> Option<Span> {
    let b = text.as_bytes();
    // `后` is E5 90 8E, `後` E5 BE 8C.
    if e - s != 2 || int_digits != 2 || decimals != 0 || b.get(e) != Some(&0xE5) {
        return None;
    }
    if !(text[e..].starts_with('后') || text[e..].starts_with('後')) {
        return None;
    }
    // `90后`, `95后`: a decade or its half; `08后`, `03後`: a year of birth written with its
    // nought (no count is written so); any two digits in quotes (`“12后”`).
    let quoted = matches!(char_before(text, s), Some('“' | '"' | '「' | '『' | '‘'));
    if b[s] != b'0' && b[s + 1] != b'0' && b[s + 1] != b'5' && !quoted {
        return None;
    }
    if s > 0 && b[s - 1].is_ascii_alphanumeric() {
        return None;
    }
    Some(Span::new(s, e + 3))
}

/// How far a title mark may stand from a numeral inside the title, in bytes.
const TITLE_WITHIN: usize = 200;

/// Whether numerals lie inside a title `《…》` on their line. The scanner reports the title
/// marks and line breaks it passes (`mark`), so a numeral outside any title costs one
/// comparison, and one inside a title one search for its `》`.
#[derive(Debug, Default)]
pub(crate) struct Titles {
    /// The last `《` passed with no `》` or line break after it.
    open: Option<usize>,
    /// The `》` that closes it, once searched for: (searched from, found at).
    close: Option<(usize, Option<usize>)>,
}

impl Titles {
    /// The scanner passed byte `i` of a line break (`third` = `None`) or of a character
    /// `E3 80 third` (`《` is `8A`, `》` `8B`).
    #[inline]
    pub fn mark(&mut self, third: Option<u8>, i: usize) {
        match third {
            Some(0x8A) => {
                self.open = Some(i);
                self.close = None;
            }
            Some(0x8B) | None => {
                self.open = None;
                self.close = None;
            }
            _ => {}
        }
    }

    /// Whether the numeral at `s` lies inside a title, with both marks on its line and at
    /// most 200 bytes away.
    pub fn holds(&mut self, text: &str, s: usize) -> bool {
        if !self.open.is_some_and(|o| o < s && s - o <= TITLE_WITHIN) {
            return false;
        }
        let close = match self.close {
            Some((from, close)) if from <= s && close.is_none_or(|c| c >= s) => close,
            _ => {
                let mut b = (s + TITLE_WITHIN).min(text.len());
                while !text.is_char_boundary(b) {
                    b -= 1;
                }
                let close = text[s..b]
                    .find(['《', '》', '\n'])
                    .map(|k| s + k)
                    .filter(|&k| text[k..].starts_with('》'));
                self.close = Some((s, close));
                close
            }
        };
        close.is_some_and(|c| c - s <= TITLE_WITHIN)
    }
}

/// Whether `s` lies inside a title `《…》` (one question, as the scanner would ask it).
#[cfg(test)]
fn in_title(text: &str, s: usize) -> bool {
    let mut titles = Titles::default();
    for (i, c) in text[..s].char_indices() {
        match c {
            '《' => titles.mark(Some(0x8A), i),
            '》' => titles.mark(Some(0x8B), i),
            '\n' => titles.mark(None, i),
            _ => {}
        }
    }
    titles.holds(text, s)
}

/// Names that hold a numeral and are written the same way every time: newspapers, companies
/// and brands. The numeral is read where it starts inside the name.
const NAMES: &[&str] = &[
    "21世纪经济报道",
    "21世紀經濟報導",
    "第一财经",
    "第一財經",
    "36氪",
    "58同城",
    "360集团",
    "三六零",
    "3M",
    "7-Eleven",
    "7-ELEVEN",
    "24/7",
];

/// A name of `NAMES` that holds the numeral starting at `s`: its span. ASCII names stand as
/// whole words.
pub(crate) fn known_name(text: &str, s: usize) -> Option<Span> {
    // Each name with the offset of its numeral (its first digit or Chinese numeral), by the
    // numeral's first byte.
    static BY_FIRST: LazyLock<Vec<Vec<(&'static str, usize)>>> = LazyLock::new(|| {
        let mut parts = vec![Vec::new(); 256];
        for name in NAMES {
            let off = name.char_indices().find_map(|(k, c)| {
                (c.is_ascii_digit() || super::numeral::zh_starts(c)).then_some(k)
            });
            if let Some(off) = off {
                parts[usize::from(name.as_bytes()[off])].push((*name, off));
            }
        }
        parts
    });
    let b = text.as_bytes();
    let first = *b.get(s)?;
    let second = b.get(s + 1).copied();
    for &(name, off) in &BY_FIRST[usize::from(first)] {
        // Two bytes turn almost every name away before the full comparison.
        let n = name.as_bytes();
        if n[off] != first || n.get(off + 1).copied() != second {
            continue;
        }
        let Some(start) = s.checked_sub(off) else {
            continue;
        };
        if !text.is_char_boundary(start) || !text[start..].starts_with(name) {
            continue;
        }
        let end = start + name.len();
        if name.is_ascii()
            && (start > 0 && b[start - 1].is_ascii_alphanumeric()
                || b.get(end).is_some_and(u8::is_ascii_alphanumeric))
        {
            continue;
        }
        return Some(Span::new(start, end));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, digits: &str) -> (usize, usize) {
        let s = text.find(digits).expect("digits");
        (s, s + digits.len())
    }

    #[test]
    fn markers() {
        for (text, digits, want) in [
            ("增长超过 8 倍[41]。", "41", "[41]"),
            ("的报告[1-3]。", "1-3", "[1-3]"),
            ("since 2010.[^12] Meta", "12", "[^12]"),
            ("as shown^12 here", "12", "^12"),
            ("零售额〔2〕显示", "2", "〔2〕"),
            ("规模（注1）。", "1", "（注1）"),
        ] {
            let (s, e) = at(text, digits);
            let e = if digits == "1-3" { s + 1 } else { e };
            let span = marker(text, s, e).unwrap_or_else(|| panic!("`{text}`"));
            assert_eq!(&text[span.range()], want);
        }
        let (s, e) = at("10^6 次", "6");
        assert_eq!(marker("10^6 次", s, e), None);
        let (s, e) = at("增长 [a] 5 倍", "5");
        assert_eq!(marker("增长 [a] 5 倍", s, e), None);
    }

    #[test]
    fn sections() {
        for (text, digits, want) in [
            ("4.散热设计", "4", Some("4.")),
            ("## 1. 概述", "1", Some("1.")),
            ("- 2、产能", "2", Some("2、")),
            ("（二）政策", "二", Some("（二）")),
            ("## 3.2 研究方法", "3.2", Some("3.2")),
            ("增长 4.", "4", None),
            ("1.5 亿元", "1", None),
        ] {
            let (s, e) = at(text, digits);
            let dots = u8::from(digits.contains('.'));
            let got = section(text, s, e, dots).map(|sp| &text[sp.range()]);
            assert_eq!(got, want, "`{text}`");
        }
    }

    #[test]
    fn titles_and_names() {
        let t = "据《2018年人工智能发展报告》显示";
        assert!(in_title(t, t.find("2018").expect("year")));
        let t = "《报告》称 2018 年";
        assert!(!in_title(t, t.find("2018").expect("year")));
        let t = "据21世纪经济报道，";
        let span = known_name(t, t.find("21").expect("21")).expect("name");
        assert_eq!(&t[span.range()], "21世纪经济报道");
        let t = "第一财经报道";
        let span = known_name(t, t.find('一').expect("一")).expect("name");
        assert_eq!(&t[span.range()], "第一财经");
        let t = "3M said";
        assert!(known_name(t, 0).is_some());
        let t = "13M said";
        assert!(known_name(t, 1).is_none());
    }
}
