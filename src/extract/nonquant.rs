//! Numbers that are not quantities: a numeral and its context in, a year, date, ordinal,
//! figure reference or name out (or `None` when the numeral is none of these).
//!
//! Recognising them is what keeps `2023 年`, `图 4.3.1`, `第七个` and `GPT-4` out of the
//! quantities.

use std::sync::LazyLock;

use super::context::{Pre, Tail, TailKind};
use super::lexicon::{
    self, LastChars, char_at, char_before, ends_with_word, skip_space, skip_space_back,
};
use super::mention::{Kind, Numeral, Reason};
use super::numeral::{self, Parsed, word_at};
use super::scan::Raw;
use crate::source::Span;

fn raw(kind: Kind, span: Span, number: Span, p: &Parsed) -> Raw {
    Raw::non_quantity(kind, span, number, p.value, p.numeral)
}

/// Digits glued to letters before them: `GPT-4`, `COVID-19`, `H100`, `almosthuman2014`.
pub(crate) fn glued_name(text: &str, s: usize, e: usize) -> Option<Span> {
    let bytes = text.as_bytes();
    let glued = match char_before(text, s) {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => true,
        // `18-to-34`: the second end of a range written as a compound, not a name.
        Some('-') => {
            char_before(text, s - 1).is_some_and(|c| c.is_ascii_alphabetic())
                && !(text[..s].ends_with("-to-")
                    && text[..s - 4].ends_with(|c: char| c.is_ascii_digit()))
        }
        // `ID.4`, `EX.30`: a model named by capitals, a dot and its number (two capitals
        // at least, and not `NO.1`, a rank).
        Some('.') => {
            let caps = text[..s - 1]
                .bytes()
                .rev()
                .take_while(u8::is_ascii_uppercase)
                .count();
            caps >= 2
                && !text[..s - 1].ends_with("NO")
                && !char_before(text, s - 1 - caps)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.')
        }
        // `T+2`, `D+1`: a settlement or release day named by a capital and an offset.
        Some('+') => {
            char_before(text, s - 1).is_some_and(|c| c.is_ascii_uppercase())
                && !char_before(text, s - 2).is_some_and(|c| c.is_ascii_alphanumeric())
        }
        _ => false,
    };
    if !glued {
        return None;
    }
    let mut a = s;
    if bytes[s - 1] == b'+' {
        a = s - 2;
    }
    if bytes[s - 1] == b'.' {
        a = s - 1;
    }
    while a > 0 && (bytes[a - 1].is_ascii_alphanumeric() || matches!(bytes[a - 1], b'-' | b'_')) {
        a -= 1;
    }
    while a < s && !bytes[a].is_ascii_alphanumeric() {
        a += 1;
    }
    Some(Span::new(a, name_end(text, e)))
}

/// The end of a name's tail of letters, digits and inner hyphens or dots (`-3.5-turbo`).
fn name_end(text: &str, mut b: usize) -> usize {
    let bytes = text.as_bytes();
    while b < bytes.len() {
        let c = bytes[b];
        let inner = matches!(c, b'-' | b'.' | b'_')
            && bytes.get(b + 1).is_some_and(u8::is_ascii_alphanumeric);
        if c.is_ascii_alphanumeric() || inner {
            b += 1;
        } else {
            break;
        }
    }
    b
}

/// A name from the numeral's start to the end of its glued letters.
pub(crate) fn name_span(text: &str, s: usize, end: usize) -> Span {
    Span::new(s, name_end(text, end))
}

/// Words that introduce a figure or table reference.
const REFERENCE_WORDS: &[&str] = &[
    "Figure", "figure", "Fig.", "Fig", "Table", "table", "Chart", "Exhibit", "Section", "Chapter",
    "Appendix", "Eq.", "Page", "page", "p.", "pp.", "图表", "圖表", "附图", "附圖", "附表", "图",
    "圖", "表",
];

/// Characters that may stand right before `图` / `表` in a reference (`如图`, `和图`);
/// other CJK characters make them part of a word (`代表`, `地图`).
const BEFORE_FIGURE: &[char] = &[
    '如', '见', '和', '与', '及', '、', '在', '从', '由', '下', '上', '見', '與', '從',
];

/// `图 4.3.1`, `Figure 1.3.21`, `表 3`, `1.3.21` alone, and the second of
/// `图 2.11.4 和 2.11.5`.
pub(crate) fn reference(text: &str, s: usize, p: &Parsed, last: Option<&Raw>) -> Option<Raw> {
    static LAST: LazyLock<LastChars> =
        LazyLock::new(|| LastChars::of(REFERENCE_WORDS.iter().copied()));
    let number = Span::new(s, p.end);
    let k = skip_space_back(text, s);
    let words = if LAST.may_end_at(text, k) {
        REFERENCE_WORDS
    } else {
        &[]
    };
    // Most words of the table end in another byte than the text does: one comparison each.
    let last_byte = k.checked_sub(1).map_or(0, |e| text.as_bytes()[e]);
    for w in words.iter().filter(|w| lexicon::may_end_with(w, last_byte)) {
        let Some(st) = ends_with_word(text, k, w) else {
            continue;
        };
        if !w.is_ascii() {
            let before = char_before(text, st);
            let in_word = before.is_some_and(|c| is_cjk(c) && !BEFORE_FIGURE.contains(&c));
            if in_word {
                continue;
            }
        }
        return Some(raw(Kind::Reference, Span::new(st, p.end), number, p));
    }
    if let Some(last) = last.filter(|l| l.kind == Kind::Reference) {
        let between = text.get(last.span.end..s).unwrap_or("").trim();
        if matches!(
            between,
            "和" | "与" | "及" | "、" | "," | "，" | "and" | "&" | "or" | "至" | "到" | "-" | "–"
        ) {
            return Some(raw(Kind::Reference, number, number, p));
        }
    }
    if p.dots >= 2 {
        return Some(raw(Kind::Reference, number, number, p));
    }
    None
}

pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// `第七个`, `第二高`, `7th`; `第 3 章` is a reference.
pub(crate) fn ordinal(text: &str, s: usize, p: &Parsed) -> Option<Raw> {
    let number = Span::new(s, p.end);
    let k = skip_space_back(text, s);
    let marked = k > 0 && matches!(text.as_bytes()[k - 1], b'.' | b'#');
    if marked && matches!(p.numeral, Numeral::Arabic) && p.decimals == 0 {
        // `No. 1`, `no.3`, `#1`: a rank.
        let head = &text[..k];
        let mark = ["No.", "no.", "NO."]
            .iter()
            .find(|m| head.ends_with(*m))
            .map(|m| k - m.len())
            .or_else(|| (k == s && head.ends_with('#')).then(|| s - 1));
        if let Some(start) = mark {
            let before = char_before(text, start);
            if before.is_none_or(|c| !c.is_ascii_alphanumeric()) {
                return Some(raw(Kind::Ordinal, Span::new(start, p.end), number, p));
            }
        }
    }
    if let Some(span) = streak(text, s, p) {
        return Some(raw(Kind::Ordinal, span, number, p));
    }
    if matches!(p.numeral, Numeral::Arabic) {
        let (w, we) = word_at(text, p.end);
        if matches!(w, "st" | "nd" | "rd" | "th") {
            return Some(raw(Kind::Ordinal, Span::new(s, we), number, p));
        }
    }
    let k = skip_space_back(text, s);
    if let Some(r) = rank_cut(text, s, k, p) {
        return Some(r);
    }
    // `the top 10 exporters`, `the top five`: the cut-off of a ranking, as `前10` (not
    // `the top 1%` of earners, a share).
    if k < s
        && (1.0..=1000.0).contains(&p.value)
        && p.decimals == 0
        && let Some(st) = ends_with_word(text, k, "top")
        && !text[p.end..].starts_with(['%', '％'])
        && !text[p.end..].starts_with(" percent")
        && !text[p.end..].starts_with(" per cent")
    {
        return Some(raw(Kind::Ordinal, Span::new(st, p.end), number, p));
    }
    let start = if char_before(text, k) == Some('第') {
        k - '第'.len_utf8()
    } else if ordinal_list(text, k) {
        // `第二、三位`: the second ordinal of a list shares the first one's `第`.
        s
    } else {
        return session(text, s, p);
    };
    let j = skip_space(text, p.end);
    let next = char_at(text, j);
    if matches!(
        next,
        Some(
            '章' | '节'
                | '卷'
                | '篇'
                | '册'
                | '页'
                | '条'
                | '款'
                | '部'
                | '條'
                | '節'
                | '冊'
                | '頁'
        )
    ) {
        let end = j + next.map_or(0, char::len_utf8);
        return Some(
            raw(Kind::Reference, Span::new(start, end), number, p).because(Reason::Section),
        );
    }
    let end = match next {
        Some(c @ ('个' | '名' | '位' | '次' | '届' | '期' | '轮' | '家' | '大')) => {
            j + c.len_utf8()
        }
        _ => p.end,
    };
    Some(raw(Kind::Ordinal, Span::new(start, end), number, p))
}

/// Verbs of a streak in headlines: a rate frozen, a market up or down, a team winning.
const STREAK_VERBS: &[char] = &[
    '凍', '冻', '涨', '漲', '跌', '升', '降', '胜', '勝', '败', '敗', '增', '减', '減', '平', '冠',
    '霸', '红', '紅', '阳', '陽', '阴', '陰', '板', '扬', '揚', '贬', '貶', '黑', '停',
];

/// A place in a streak: `連8凍` (the eighth freeze in a row), `连3跌`, and `5连胜`, `三連霸`
/// (the fifth win in a row): `连` and a small number glued to a verb of the streak. Not
/// `连续8个月` (a span of time) nor `连8个`.
fn streak(text: &str, s: usize, p: &Parsed) -> Option<Span> {
    if p.decimals != 0 || !(1.0..=99.0).contains(&p.value) {
        return None;
    }
    let verb = |at: usize| char_at(text, at).is_some_and(|c| STREAK_VERBS.contains(&c));
    if matches!(char_before(text, s), Some('连' | '連')) && verb(p.end) {
        return Some(Span::new(s - 3, p.end + 3));
    }
    if matches!(char_at(text, p.end), Some('连' | '連')) && verb(p.end + 3) {
        return Some(Span::new(s, p.end + 6));
    }
    None
}

/// Whether `text[..k]` ends with an ordinal written with `第` and a list connector
/// (`第二、`, `第3和`): what follows is an ordinal too (`第二、三位`).
fn ordinal_list(text: &str, k: usize) -> bool {
    let Some(c @ ('、' | '和' | '及' | '至' | '到' | '或')) = char_before(text, k) else {
        return false;
    };
    let mut m = k - c.len_utf8();
    let end = m;
    while let Some(d) = char_before(text, m)
        && (d.is_ascii_digit() || numeral::zh_digit(d).is_some() || matches!(d, '十' | '百'))
    {
        m -= d.len_utf8();
    }
    m < end && char_before(text, m) == Some('第')
}

/// The cut-off of a ranking: `排名前10`, `最暖的前十个年份`, `分列首三位`, `前20强`. `前` or
/// `首` after a word of rank (`排名`, `位列`, `的`) or at the start of a clause, before a
/// numeral not followed by a unit of time (`前10个月` is a period, `date` reads it).
fn rank_cut(text: &str, s: usize, k: usize, p: &Parsed) -> Option<Raw> {
    if p.decimals > 0 || !(1.0..=1000.0).contains(&p.value) {
        return None;
    }
    let head = char_before(text, k)?;
    // `后20位`, `末3名`: the cut-off from the bottom, only with a counter of places.
    let bottom = matches!(head, '后' | '後' | '末');
    if !matches!(head, '前' | '首' | '头' | '頭') && !bottom {
        return None;
    }
    if bottom
        && !matches!(
            char_at(text, skip_space(text, p.end)),
            Some('位' | '名' | '强' | '強')
        )
    {
        return None;
    }
    let start = k - head.len_utf8();
    let before = char_before(text, start);
    // `票房前10名`, `前20强`: `前` with a counter of places ranks whatever comes before it.
    let places = head == '前'
        && matches!(
            char_at(text, skip_space(text, p.end)),
            Some('名' | '位' | '强' | '強')
        );
    let after_rank_word = places
        || before.is_none_or(|c| {
            matches!(
                c,
                '名' | '列'
                    | '居'
                    | '入'
                    | '身'
                    | '的'
                    | '在'
                    | '进'
                    | '進'
                    | '为'
                    | '為'
                    | '占'
                    | '佔'
                    | '是'
                    | '，'
                    | '；'
                    | '。'
                    | '、'
                    | '：'
                    | '\n'
                    | ' '
            )
        });
    if !after_rank_word {
        return None;
    }
    let mut end = skip_space(text, p.end);
    // `前十个`, `首三位`, `前20强`, `前5名`, `前三大`: a counter of places.
    if let Some(c @ ('个' | '個' | '位' | '名' | '强' | '強' | '大' | '家' | '甲')) =
        char_at(text, end)
    {
        // `前3个月`: months, a period.
        if matches!(c, '个' | '個')
            && matches!(
                char_at(text, end + 3),
                Some('月' | '季' | '星' | '小' | '工' | '交')
            )
        {
            return None;
        }
        end += c.len_utf8();
    } else if let Some(c) = char_at(text, end)
        && matches!(
            c,
            '年' | '月'
                | '季'
                | '天'
                | '日'
                | '周'
                | '週'
                | '小'
                | '分'
                | '秒'
                | '次'
                | '轮'
                | '輪'
        )
    {
        return None;
    }
    if end == skip_space(text, p.end) {
        end = p.end;
    }
    Some(raw(
        Kind::Ordinal,
        Span::new(start, end),
        Span::new(s, p.end),
        p,
    ))
}

/// Bodies numbered by term and session: `十四届全国人大`, `人大三次会议`.
const BODIES: &[&str] = &[
    "全国",
    "全國",
    "人大",
    "政协",
    "政協",
    "中央",
    "全会",
    "全會",
    "常委会",
    "常委會",
    "董事会",
    "董事會",
    "监事会",
    "監事會",
    "委员会",
    "委員會",
    "代表大会",
    "代表大會",
    "大会",
    "大會",
];

/// Numbers of a term or session written without `第`: `十四届全国人大` (the 14th National
/// People's Congress), `人大三次会议` (its third session), `二十届三中全会`.
fn session(text: &str, s: usize, p: &Parsed) -> Option<Raw> {
    if p.decimals > 0 || !(1.0..=200.0).contains(&p.value) {
        return None;
    }
    let number = Span::new(s, p.end);
    let rest = &text[p.end..];
    let ordinal = |len: usize| Some(raw(Kind::Ordinal, Span::new(s, p.end + len), number, p));
    // `十四届全国人大`: a term, then the body it numbers.
    if let Some(after) = rest.strip_prefix('届').or_else(|| rest.strip_prefix('屆'))
        && BODIES.iter().any(|b| after.starts_with(b))
    {
        return ordinal(3);
    }
    // `三中全会`: the plenary session of a central committee.
    if rest.starts_with("中全会") || rest.starts_with("中全會") {
        return ordinal(3);
    }
    // `人大三次会议`: a session right after the body it belongs to.
    let session_word = ["次会议", "次會議", "次全体会议", "次全體會議"]
        .iter()
        .any(|w| rest.starts_with(w));
    if session_word && BODIES.iter().any(|b| ends_with_word(text, s, b).is_some()) {
        return ordinal(3);
    }
    None
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

fn small_int(p: &Parsed) -> Option<u32> {
    (p.decimals == 0 && !p.grouped && p.dots == 0 && p.value.fract() == 0.0 && p.value < 1e4)
        .then_some(p.value as u32)
}

/// `4 月`, `4 月 5 日`, `5 日`, `April 5`, `5 April`, `April 2024`.
pub(crate) fn date(text: &str, s: usize, p: &Parsed) -> Option<Raw> {
    let v = small_int(p)?;
    let number = Span::new(s, p.end);
    if let Some(end) = clock_time(text, p.end).filter(|_| v <= 24) {
        return Some(raw(Kind::Date, Span::new(s, end), number, p));
    }
    if v <= 24
        && let Some(end) = zh_clock(text, s, p.end)
    {
        return Some(raw(Kind::Date, Span::new(s, end), number, p));
    }
    // `12 p.m.`, `9am`, `10 AM`: an hour of the clock.
    if (1..=12).contains(&v)
        && p.numeral == Numeral::Arabic
        && let Some(end) = meridiem(text, p.end)
    {
        return Some(raw(Kind::Date, Span::new(s, end), number, p));
    }
    if let Some(end) = numeric_date(text, p).filter(|_| (1000..=2100).contains(&v)) {
        return Some(raw(Kind::Date, Span::new(s, end), number, p));
    }
    if let Some(end) = month_range(text, p.end).filter(|_| (1..=12).contains(&v)) {
        return Some(raw(Kind::Date, Span::new(s, end), number, p).because(Reason::Period));
    }
    let j = skip_space(text, p.end);
    // `on 67 minutes`, `on 90+3 minutes`: the moment on a match's clock, a time like a time
    // of day (`after 20 minutes` is a span).
    if p.decimals == 0
        && v <= 130
        && p.numeral != Numeral::Words
        && ends_with_word(text, skip_space_back(text, s), "on").is_some()
        && skip_space_back(text, s) < s
        && text.as_bytes().get(p.end) == Some(&b' ')
    {
        let (w, we) = word_at(text, p.end + 1);
        if matches!(w, "minutes" | "mins" | "minute") {
            return Some(raw(Kind::Date, Span::new(s, we), number, p));
        }
    }
    // `the first nine months`, `first 10 weeks`: the opening part of a year or a span, a
    // period like `前三季度`.
    if p.decimals == 0
        && let Some(st) = ends_with_word(text, skip_space_back(text, s), "first")
        && skip_space_back(text, s) < s
        && text.as_bytes().get(p.end) == Some(&b' ')
    {
        let (w, we) = word_at(text, p.end + 1);
        if matches!(
            w,
            "months" | "quarters" | "weeks" | "days" | "years" | "hours" | "minutes"
        ) {
            return Some(raw(Kind::Date, Span::new(st, we), number, p).because(Reason::Period));
        }
    }
    // `前10个月`, `前10月`: the first months of the year, a period like `前三季度`.
    if (1..=12).contains(&v)
        && matches!(
            char_before(text, skip_space_back(text, s)),
            Some('前' | '首')
        )
    {
        let month = ["个月", "個月", "月"]
            .iter()
            .find(|w| text[j..].starts_with(*w));
        if let Some(w) = month {
            let start = skip_space_back(text, s) - 3;
            let span = Span::new(start, j + w.len());
            return Some(raw(Kind::Date, span, number, p).because(Reason::Period));
        }
    }
    // `115學年度`, `2025学年`: a school year, of the Minguo calendar or the common one.
    if p.numeral == Numeral::Arabic
        && p.decimals == 0
        && ((80..=200).contains(&v) || (1900..=2100).contains(&v))
        && let Some(w) = ["學年度", "学年度", "學年", "学年"]
            .iter()
            .find(|w| text[j..].starts_with(*w))
    {
        return Some(raw(Kind::Year, Span::new(s, j + w.len()), number, p));
    }
    // `113年10月`: a year written short (the Minguo calendar of Taiwan) with its month; and
    // `民國113年`.
    if (1..=200).contains(&v) && p.numeral != Numeral::Words && text[j..].starts_with('年') {
        if let Some(e) = month_after(text, j + 3) {
            return Some(raw(Kind::Date, Span::new(s, e), number, p));
        }
        let k = skip_space_back(text, s);
        if ["民國", "民国"]
            .iter()
            .any(|w| ends_with_word(text, k, w).is_some())
        {
            let mut end = j + 3;
            if text[end..].starts_with('度') {
                end += 3;
            }
            return Some(raw(Kind::Year, Span::new(k - 6, end), number, p));
        }
        // `114年度總預算`, `113年底`, `112年全年`: a Minguo year (three digits, from 100) with
        // a word that only a year takes, unless a word of duration comes before (`近100年`).
        let k = skip_space_back(text, s);
        // `央行預估115年經濟成長率`: before the noun of a statistic, too; a span of a hundred
        // years and more takes `來`, `間`, `的`, `歷史` after it or a word of founding before
        // it (`成立110年來`, `建校120年校慶`).
        let after = char_at(text, j + 3);
        let year_word = matches!(
            after,
            Some('度' | '底' | '初' | '中' | '全' | '上' | '下' | '第' | '起' | '以' | '前')
        );
        // `114年來台旅客`: `來台` (come to Taiwan) is a verb after the year, not the `來` of a
        // span (`成立110年來`).
        let come_to = matches!(after, Some('來' | '来'))
            && matches!(
                char_at(text, j + 6),
                Some('台' | '臺' | '港' | '澳' | '華' | '华')
            );
        // `疫情前108年（1,186.4萬人次）`: the year's own figure in brackets after it.
        let figure_after = matches!(after, Some('（' | '('))
            && text[j + 3..]
                .trim_start_matches(['（', '('])
                .starts_with(|c: char| c.is_ascii_digit());
        let before_noun = (come_to
            || figure_after
            || after.is_some_and(|c| {
                is_cjk(c)
                    && !matches!(
                        c,
                        '来' | '來'
                            | '间'
                            | '間'
                            | '内'
                            | '內'
                            | '之'
                            | '的'
                            | '历'
                            | '歷'
                            | '多'
                            | '余'
                            | '餘'
                            | '后'
                            | '後'
                            | '里'
                            | '裡'
                            | '了'
                            | '才'
                            | '就'
                            | '都'
                            | '也'
                            | '还'
                            | '還'
                            | '时'
                            | '時'
                            | '左'
                            | '老'
                            | '校'
                            | '庆'
                            | '慶'
                            | '大'
                            | '一'
                            | '遇'
                    )
            }))
            && !FOUNDED_BEFORE
                .iter()
                .any(|w| ends_with_word(text, k, w).is_some());
        let minguo = (100..=130).contains(&v)
            && p.numeral == Numeral::Arabic
            && (year_word || before_noun)
            && !DURATION_BEFORE
                .iter()
                .filter_map(|w| ends_with_word(text, k, w).map(|st| (w, st)))
                .any(|(w, st)| *w != "前" || !before_event(text, st));
        if minguo {
            let end = if text[j + 3..].starts_with('度') {
                j + 6
            } else {
                j + 3
            };
            return Some(raw(Kind::Year, Span::new(s, end), number, p));
        }
    }
    if (1..=4).contains(&v) && text[j..].starts_with('季') {
        let len = if text[j..].starts_with("季度") {
            6
        } else {
            3
        };
        let span = Span::new(s, j + len);
        return Some(raw(Kind::Date, span, number, p).because(Reason::Period));
    }
    // `今（9）日`: the day of the month in parentheses after 今 (today) or 昨 (yesterday).
    let open = if text[..s].ends_with('（') {
        3
    } else if text[..s].ends_with('(') {
        1
    } else {
        0
    };
    if open > 0
        && ((1..=200).contains(&v) || (1900..=2100).contains(&v))
        && matches!(
            char_before(text, s - open),
            Some('今' | '昨' | '明' | '去' | '前' | '本')
        )
    {
        let close = match char_at(text, p.end) {
            Some('）') => 3,
            Some(')') => 1,
            _ => 0,
        };
        let after = char_at(text, p.end + close);
        if close > 0 && after == Some('日') && v <= 31 {
            let span = Span::new(s - open - 3, p.end + close + 3);
            return Some(raw(Kind::Date, span, number, p));
        }
        // `今（113）年`, `去（112）年`: this or last year of the Minguo calendar, in the
        // parentheses of Taiwan's official releases.
        if close > 0 && after == Some('年') {
            let span = Span::new(s - open - 3, p.end + close + 3);
            return Some(raw(Kind::Year, span, number, p));
        }
    }
    match char_at(text, j) {
        Some('月') if (1..=12).contains(&v) => {
            let mut end = day_after(text, j + 3).unwrap_or(j + 3);
            if text[end..].starts_with('份') {
                end += 3;
            }
            return Some(raw(Kind::Date, Span::new(s, end), number, p));
        }
        // `神舟十九号`, `长征二号`: a craft or a thing numbered after its name, not a day.
        // `8號烈風或暴風信號`, `3号强风信号`, `8號風球`: Hong Kong's signals are named by
        // their number wherever they stand.
        Some('号' | '號')
            if p.numeral != Numeral::Words
                && (char_before(text, s)
                    .is_some_and(|c| is_cjk(c) && !BEFORE_DAY.contains(&c))
                    || signal_after(text, j + 3)) =>
        {
            let end = numbered_name_end(text, j).unwrap_or(j + 3);
            return Some(raw(Kind::Name, Span::new(s, end), number, p));
        }
        Some('日' | '号' | '號')
            if (1..=31).contains(&v)
                && p.numeral != Numeral::Words
                && numbered_name_end(text, j).is_none()
                && !super::context::days_within(text, j) =>
        {
            return Some(raw(Kind::Date, Span::new(s, j + 3), number, p));
        }
        _ => {}
    }
    if p.numeral == Numeral::Words {
        return None;
    }
    let mut k = skip_space_back(text, s);
    // `Jan. 5`, `Sept. 30`: an abbreviated month with its point.
    if k < s && text[..k].ends_with('.') {
        k -= 1;
    }
    if k < s
        && k > 0
        && text.as_bytes()[k - 1].is_ascii_alphabetic()
        && (v <= 31 || (1000..=2100).contains(&v))
        && let Some(st) = MONTHS
            .iter()
            .filter(|m| lexicon::may_end_with(m, text.as_bytes()[k - 1]))
            .find_map(|m| ends_with_word(text, k, m))
    {
        return Some(raw(Kind::Date, Span::new(st, p.end), number, p));
    }
    if j == p.end + 1 && v <= 31 {
        let (w, we) = word_at(text, j);
        if MONTHS.contains(&w) {
            return Some(raw(Kind::Date, Span::new(s, we), number, p));
        }
    }
    // `between 14 and 18 March`, `3-5 May`: the first day of a range of days.
    if v <= 31 && first_day(text, p.end) {
        return Some(raw(Kind::Date, number, number, p));
    }
    // `between February 7 and 11`, `March 3-5`: the second day of a range of days.
    let after_connector = s > 0 && matches!(text.as_bytes()[s - 1], b' ' | b'-' | 0x93);
    if v <= 31 && after_connector && second_day(text, s) {
        return Some(raw(Kind::Date, number, number, p));
    }
    None
}

/// `a.m.`, `p.m.`, `am`, `PM` after an hour ending at `e` (one space allowed): the end.
fn meridiem(text: &str, e: usize) -> Option<usize> {
    let k = if text.as_bytes().get(e) == Some(&b' ') {
        e + 1
    } else {
        e
    };
    if !matches!(text.as_bytes().get(k), Some(b'a' | b'p' | b'A' | b'P')) {
        return None;
    }
    [
        "a.m.", "p.m.", "a.m", "p.m", "am", "pm", "AM", "PM", "A.M.", "P.M.",
    ]
    .iter()
    .find_map(|w| {
        let end = k + w.len();
        let ok = text.get(k..end) == Some(*w)
            && !text
                .as_bytes()
                .get(end)
                .is_some_and(u8::is_ascii_alphanumeric);
        ok.then_some(end)
    })
}

/// Characters that may stand before a day written with `号` (`10月19号`, `截至31号`, `今天是5号`);
/// after other Chinese characters `号` numbers a thing (`神舟十九号`).
const BEFORE_DAY: &[char] = &[
    '月', '至', '到', '和', '及', '与', '與', '、', '的', '在', '于', '於', '从', '從', '是', '为',
    '為', '起', '止', '每', '前', '后', '後', '今', '明', '昨', '本', '该', '該', '当', '當', '逢',
    '初', '旬', '自', '由', '或', '~', '～', '－', '—',
];

/// Whether a connector, a day and a month follow `e`: ` and 18 March`, `-5 May`.
fn first_day(text: &str, e: usize) -> bool {
    let rest = &text[e..];
    let Some(after) = [" and ", " to ", " through ", "–", "-", " - "]
        .iter()
        .find_map(|c| rest.strip_prefix(c))
    else {
        return false;
    };
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) || after.as_bytes().get(digits) != Some(&b' ') {
        return false;
    }
    let (w, _) = word_at(after, digits + 1);
    MONTHS.contains(&w)
}

/// Whether `text[..s]` ends with a month, a day and a connector: `February 7 and `,
/// `March 3–`, `May 1 to `.
fn second_day(text: &str, s: usize) -> bool {
    let mut k = s;
    for c in [" and ", " to ", " through ", "–", "-", " - "] {
        if text[..k].ends_with(c) {
            k -= c.len();
            break;
        }
    }
    if k == s {
        return false;
    }
    let b = text.as_bytes();
    let digits_end = k;
    while k > 0 && b[k - 1].is_ascii_digit() {
        k -= 1;
    }
    if k == digits_end || digits_end - k > 2 || k == 0 || b[k - 1] != b' ' {
        return false;
    }
    let mut m = k - 1;
    // `Jan. 5 to 9`: an abbreviated month with its point.
    if m > 0 && b[m - 1] == b'.' {
        m -= 1;
    }
    m > 0
        && MONTHS
            .iter()
            .filter(|w| lexicon::may_end_with(w, b[m - 1]))
            .any(|w| ends_with_word(text, m, w).is_some())
}

/// The connector of a range (`1-8月`, `1～9月`, `1至8月`, `2024至25年度`) at `i`: its end.
fn range_connector(text: &str, i: usize) -> Option<usize> {
    let k = skip_space(text, i);
    // Every connector starts with one of these bytes; most numerals are followed by others.
    if !matches!(
        text.as_bytes().get(k),
        Some(b'-' | b'~' | b'/' | 0xE2 | 0xEF | 0xE8 | 0xE5)
    ) {
        return None;
    }
    let c = char_at(text, k)?;
    matches!(c, '-' | '–' | '—' | '~' | '～' | '至' | '到' | '/')
        .then(|| skip_space(text, k + c.len_utf8()))
}

/// `-8月`, `—6月份`, `至8月` after the first month of a range ending at `i`: its end.
fn month_range(text: &str, i: usize) -> Option<usize> {
    let k = range_connector(text, i)?;
    let q = numeral::arabic(text, k).or_else(|| numeral::chinese(text, k))?;
    let w = small_int(&q)?;
    let j = skip_space(text, q.end);
    if !(1..=12).contains(&w) || char_at(text, j) != Some('月') {
        return None;
    }
    let mut end = j + 3;
    if text[end..].starts_with('份') {
        end += 3;
    }
    Some(end)
}

/// `-04-17` or `/4/17` after a four-digit year (`2024-04-17`): its end.
fn numeric_date(text: &str, p: &Parsed) -> Option<usize> {
    let b = text.as_bytes();
    if p.int_digits != 4 || p.decimals != 0 || p.grouped {
        return None;
    }
    let sep = *b.get(p.end).filter(|c| matches!(c, b'-' | b'/' | b'.'))?;
    let mut i = p.end;
    for limit in [12, 31] {
        if b.get(i) != Some(&sep) {
            return None;
        }
        let start = i + 1;
        let mut j = start;
        while j < b.len() && j - start < 3 && b[j].is_ascii_digit() {
            j += 1;
        }
        let n: u32 = text.get(start..j)?.parse().ok()?;
        if j - start == 0 || j - start > 2 || n == 0 || n > limit {
            return None;
        }
        i = j;
    }
    (!b.get(i).is_some_and(u8::is_ascii_alphanumeric)).then_some(i)
}

/// `2024.04.17`: a date written with points, which the numeral reads as a reference.
pub(crate) fn dotted_date(text: &str, s: usize, p: &Parsed) -> Option<Raw> {
    if p.dots != 2 || p.numeral != Numeral::Arabic {
        return None;
    }
    let mut parts = text[s..p.end].split('.');
    let y: u32 = parts.next()?.parse().ok()?;
    let (m, d) = (parts.next()?, parts.next()?);
    let ok = (1000..=2100).contains(&y)
        && (1..=2).contains(&m.len())
        && (1..=2).contains(&d.len())
        && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        && d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    let number = Span::new(s, p.end);
    ok.then(|| Raw::non_quantity(Kind::Date, number, number, f64::from(y), p.numeral))
}

/// Words for a part of the day before an hour (`下午2时`, `晚上8点`).
const DAY_PARTS: &[&str] = &[
    "上午", "下午", "中午", "凌晨", "早上", "晚上", "傍晚", "晚间", "晚間", "清晨", "早晨", "夜间",
    "夜間", "深夜", "午夜", "半夜", "早间", "早間", "午间", "午間", "当晚", "當晚", "当天", "當天",
    "次日", "翌日",
];

/// A time of day written in Chinese after the hour ending at `e` (`2时11分`, `2時11分`,
/// `10点30分`, `下午3点`, `8点半`): its end.
fn zh_clock(text: &str, s: usize, e: usize) -> Option<usize> {
    let c = char_at(text, e)?;
    if !matches!(c, '时' | '時' | '点' | '點') {
        return None;
    }
    let h = e + c.len_utf8();
    // `时` alone is also the hour of `小时`-less durations (`5时`): only with minutes, or
    // after a part of the day.
    let minutes = numeral::arabic(text, h)
        .or_else(|| numeral::chinese(text, h))
        .filter(|m| m.decimals == 0 && m.value < 60.0)
        .and_then(|m| matches!(char_at(text, m.end), Some('分')).then_some(m.end + 3));
    if let Some(end) = minutes {
        return Some(end);
    }
    // `今天06时`, `6日08时`: an hour written with a leading nought, or after a day.
    // (`截至10时`, `于9时`: a time of day that a count runs to or an event is at.)
    let part = DAY_PARTS
        .iter()
        .chain(&["截至", "截止", "于", "於"])
        .any(|w| ends_with_word(text, skip_space_back(text, s), w).is_some())
        || (e - s == 2 && text.as_bytes()[s] == b'0')
        || matches!(
            char_before(text, skip_space_back(text, s)),
            Some('日' | '天' | '晚' | '晨' | '夜')
        );
    if part || text[h..].starts_with('半') || text[h..].starts_with('钟') {
        let mut end = h;
        if text[h..].starts_with('半') || text[h..].starts_with('钟') {
            end += 3;
        }
        return Some(end);
    }
    None
}

/// `:39` or `:39:05` after the hour of a time of day (`16:39`): its end.
fn clock_time(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let two = |k: usize| {
        b.get(k) == Some(&b':')
            && b.get(k + 1).is_some_and(|d| (b'0'..=b'5').contains(d))
            && b.get(k + 2).is_some_and(u8::is_ascii_digit)
            && !b.get(k + 3).is_some_and(u8::is_ascii_digit)
    };
    if !two(i) {
        return None;
    }
    Some(if two(i + 3) { i + 6 } else { i + 3 })
}

/// A day (`5 日`, `五日`) starting at `i` (after spaces): its end.
fn day_after(text: &str, i: usize) -> Option<usize> {
    let k = skip_space(text, i);
    let p = numeral::arabic(text, k).or_else(|| numeral::chinese(text, k))?;
    let v = small_int(&p)?;
    let j = skip_space(text, p.end);
    match char_at(text, j) {
        Some('日' | '号') if (1..=31).contains(&v) => Some(j + 3),
        _ => None,
    }
}

/// Words before a number of years that make it a duration (`过去 2000 年`), not a year.
const DURATION_BEFORE: &[&str] = &[
    "过去", "最近", "近", "长达", "历时", "未来", "前", "这", "逾", "约", "超过", "将近", "达",
    "有", "過去", "長達", "歷時", "這", "約", "超過", "將近", "達",
];

/// Whether the `前` at `st` closes "before an event" (`疫情前108年`, `戰前`), so that a year
/// follows it, rather than opening "the first" or "the last" of a span (`前100年`, `在前`).
fn before_event(text: &str, st: usize) -> bool {
    char_before(text, st).is_some_and(|c| {
        is_cjk(c)
            && !matches!(
                c,
                '在' | '的' | '其' | '最' | '之' | '提' | '目' | '此' | '以' | '從' | '从' | '年'
            )
    })
}

/// Whether the words of a weather signal start at `k` (`烈風`, `强风`, `風球`, `信號`).
fn signal_after(text: &str, k: usize) -> bool {
    [
        "烈風", "烈风", "強風", "强风", "颶風", "飓风", "戒備", "戒备", "風球", "风球", "暴風",
        "暴风", "信號", "信号",
    ]
    .iter()
    .any(|w| text[k..].starts_with(w))
}

/// Words before a span of a hundred years and more (`成立110年`, `建校120年`): the span,
/// not a year of the Minguo calendar.
const FOUNDED_BEFORE: &[&str] = &[
    "成立", "建校", "建党", "建黨", "建国", "建國", "建城", "创立", "創立", "创办", "創辦", "创建",
    "創建", "历经", "歷經", "走过", "走過", "已", "共", "满", "滿", "逾", "超", "近", "诞辰",
    "誕辰", "开业", "開業", "营运", "營運",
];

/// English words before a number that make a four-digit number a year (`in 2023`).
const YEAR_PREPOSITIONS: &[&str] = &[
    "in", "since", "by", "from", "until", "till", "during", "of", "before", "after", "to", "In",
    "Since", "By", "From", "Until", "During", "Before", "After",
];

/// Words before a year that stands before the noun it dates (`the 2027 edition`).
const YEAR_DETERMINERS: &[&str] = &[
    "the", "The", "its", "Its", "their", "Their", "this", "This", "that", "next", "last", "his",
    "her", "our", "whose",
];

/// `2023 年`, `2023 年 4 月`, `二〇二三年`, `in 2023`, `2023` alone.
pub(crate) fn year(text: &str, s: usize, p: &Parsed, tail: &Tail, pre: &Pre) -> Option<Raw> {
    let v = small_int(p)?;
    let number = Span::new(s, p.end);
    let plausible = if p.numeral == Numeral::Chinese {
        p.digit_sequence && (1000..=2100).contains(&v)
    } else {
        p.numeral != Numeral::Words && p.int_digits == 4 && (1000..=2100).contains(&v)
    };
    if !plausible || tail.scale != 1.0 || pre.currency.is_some() {
        return None;
    }
    let k = skip_space_back(text, s);
    let j = skip_space(text, p.end);
    // `2024至25年度`, `2023-24财年`, `2016 年至 2023 年` stays two years.
    if let Some(c) = range_connector(text, p.end)
        && let Some(q) = numeral::arabic(text, c)
        && matches!(q.int_digits, 2 | 4)
        && q.decimals == 0
        && q.dots == 0
    {
        let e = skip_space(text, q.end);
        let word = ["年度", "财年", "財年", "年"]
            .iter()
            .find(|w| text[e..].starts_with(*w));
        if let Some(w) = word
            && (q.int_digits == 2 || *w != "年")
        {
            let span = Span::new(s, e + w.len());
            return Some(raw(Kind::Year, span, number, p).because(Reason::Period));
        }
        // `2023/24`, `2024-25`: a fiscal or school year, the second year written short.
        let next_year = q.int_digits == 2 && q.value == f64::from((v + 1) % 100);
        if next_year
            && !text
                .as_bytes()
                .get(q.end)
                .is_some_and(u8::is_ascii_alphanumeric)
        {
            let span = Span::new(s, q.end);
            return Some(raw(Kind::Year, span, number, p).because(Reason::Period));
        }
    }
    if tail.kind == TailKind::Unit("year") && char_at(text, j) == Some('年') {
        if DURATION_BEFORE
            .iter()
            .any(|w| ends_with_word(text, k, w).is_some())
            || tail.hedge.is_some()
        {
            return None;
        }
        let mut end = j + 3;
        if let Some(e) = month_after(text, end) {
            return Some(raw(Kind::Date, Span::new(s, e), number, p));
        }
        if matches!(char_at(text, end), Some('度' | '代')) {
            end += 3;
        }
        return Some(raw(Kind::Year, Span::new(s, end), number, p));
    }
    if matches!(char_at(text, j), Some('财')) && text[j..].starts_with("财年") {
        return Some(raw(Kind::Year, Span::new(s, j + 6), number, p));
    }
    let bare = matches!(tail.kind, TailKind::None) && tail.hedge.is_none();
    let after_preposition = k < s
        && k > 0
        && text.as_bytes()[k - 1].is_ascii_alphabetic()
        && YEAR_PREPOSITIONS
            .iter()
            .any(|w| ends_with_word(text, k, w).is_some());
    // `Q3 2024 shipments`, `H1 2025`, `FY 2024`: the year of a quarter, half or fiscal
    // year, even before a noun.
    let after_part = k < s && {
        let head = &text[..k];
        let token = head
            .rsplit(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("");
        matches!(
            token,
            "Q1" | "Q2"
                | "Q3"
                | "Q4"
                | "H1"
                | "H2"
                | "1Q"
                | "2Q"
                | "3Q"
                | "4Q"
                | "1H"
                | "2H"
                | "FY"
        )
    };
    // `Canada's 2026 wildfire season ends`, `the 2027 edition opens`: a year between a
    // determiner and a noun in the singular, whatever word in `-s` comes later.
    let determined = k < s
        && (text[..k].ends_with("'s")
            || text[..k].ends_with("’s")
            || YEAR_DETERMINERS
                .iter()
                .any(|w| ends_with_word(text, k, w).is_some()));
    if determined
        && (1900..=2100).contains(&v)
        && p.numeral == Numeral::Arabic
        && let TailKind::Count(noun) = &tail.kind
        && text.as_bytes().get(p.end) == Some(&b' ')
        && !text[p.end + 1..].starts_with(noun.as_ref())
    {
        return Some(raw(Kind::Year, number, number, p));
    }
    let decade = text[p.end..].starts_with('s')
        && !text
            .as_bytes()
            .get(p.end + 1)
            .is_some_and(u8::is_ascii_alphabetic);
    if decade {
        return Some(raw(Kind::Year, Span::new(s, p.end + 1), number, p));
    }
    if (bare && (1800..=2100).contains(&v) && p.numeral != Numeral::Chinese)
        || ((after_preposition || after_part)
            && matches!(tail.kind, TailKind::None | TailKind::Count(_)))
    {
        return Some(raw(Kind::Year, number, number, p));
    }
    None
}

/// A span of the calendar named by a number: `20年代`, `七八十年代` (decades, also in
/// `zh_approximate`), `21世纪` (a century).
pub(crate) fn period(text: &str, s: usize, p: &Parsed) -> Option<Raw> {
    let j = skip_space(text, p.end);
    // `年` starts with E5, `世` with E4: most numerals are followed by neither.
    if !matches!(text.as_bytes().get(j), Some(0xE4 | 0xE5)) {
        return None;
    }
    let v = small_int(p)?;
    let rest = &text[j..];
    let word = if rest.starts_with("年代") && v <= 90 && v % 10 == 0 {
        "年代"
    } else if (rest.starts_with("世纪") || rest.starts_with("世紀")) && (1..=30).contains(&v) {
        "世纪"
    } else {
        return None;
    };
    let span = Span::new(s, j + word.len());
    Some(raw(Kind::Year, span, Span::new(s, p.end), p).because(Reason::Period))
}

/// A month (`4 月`, `4 月 5 日`) after a year ending at `i`: its end.
fn month_after(text: &str, i: usize) -> Option<usize> {
    let k = skip_space(text, i);
    let p = numeral::arabic(text, k).or_else(|| numeral::chinese(text, k))?;
    let v = small_int(&p)?;
    let j = skip_space(text, p.end);
    if char_at(text, j) == Some('月') && (1..=12).contains(&v) {
        let end = day_after(text, j + 3).unwrap_or(j + 3);
        return Some(if text[end..].starts_with('份') {
            end + 3
        } else {
            end
        });
    }
    if (1..=12).contains(&v) {
        return month_range(text, p.end);
    }
    None
}

/// Brands and lists whose names contain a number: `Fortune 500`, `财富 500 强`.
const NAME_BEFORE: &[&str] = &[
    "Fortune", "Global", "S&P", "Forbes", "FTSE", "Russell", "Nasdaq", "Inc.", "财富",
    // Stock indices named by the number of their members (`Nikkei 225`, `ASX 200`).
    "Nikkei", "ASX", "S&P/ASX", "Stoxx", "STOXX", "CAC", "DAX", "KOSPI", "Nifty", "Sensex", "NZX",
    "TSX", "TOPIX", "MSCI", "Wilshire",
];

/// Capitalised words that do not name anything when a number follows them (months are
/// in `MONTHS`).
const NOT_NAMES: &[&str] = &[
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "To",
    "Since",
    "Of",
    "And",
    "Or",
    "But",
    "With",
    "The",
    "A",
    "An",
    "About",
    "Around",
    "Over",
    "Under",
    "Nearly",
    "Almost",
    "Some",
    "Only",
    "Just",
    "All",
    "Top",
    "Page",
    "No",
    "Vol",
    "Than",
    "Until",
    "During",
    "Before",
    "After",
    "Between",
    "Among",
    "Amongst",
    "Across",
    "Above",
    "Below",
    "Within",
    "Against",
    "Per",
    "Via",
    "Every",
    "Each",
    "Another",
    "Those",
    "These",
    "Their",
    "Its",
    "Our",
    "Exactly",
    "More",
    "Less",
    "Fewer",
    "Like",
    "Unlike",
    "Plus",
    "Minus",
    "Roughly",
    "Approximately",
    "Of",
    "Up",
    "Is",
    "Was",
    "Were",
    "Are",
    "Has",
    "Had",
    "Have",
    "Figure",
    "Fig",
    "Table",
    "Chart",
    "Section",
    "Chapter",
    "Appendix",
    "Step",
    "Part",
    "US",
    "USD",
    "RMB",
    "CNY",
    "EUR",
    "GBP",
    "JPY",
    "HKD",
    // Statistics of a trial: `95% CI 0.65-0.91`, `HR 0.77`, `OR 1.5`.
    "CI",
    "HR",
    "OR",
    "RR",
    "SD",
    "IQR",
];

/// What a number names when one of these follows it: a unit of a plant (`8號機`), a metro
/// line (`2号线`), a building, a document (`1号文件`), a version (`2.0版`, `3.5版本`), a
/// class of drugs or devices (`1类新药`, `三类医疗器械`), a website or hotline known by its
/// number (`12306网站`).
const NUMBERED_NAMES: &[&str] = &[
    "号机",
    "號機",
    "号线",
    "號線",
    "号楼",
    "號樓",
    "号馆",
    "號館",
    "号店",
    "号站",
    "號站",
    "号航站楼",
    "號航廈",
    "号文件",
    "號文件",
    "号令",
    "號令",
    "号井",
    "号舱",
    "號艙",
    "号院",
    "号库",
    "號庫",
    "号炉",
    "號爐",
    "号门",
    "號門",
    "号厅",
    "號廳",
    "号台风",
    "號颱風",
    "号口",
    "号车",
    "號車",
    "号船",
    "号卫星",
    "號衛星",
    "号窗口",
    "号公告",
    "號公告",
    "号球员",
    "號球員",
    "版本",
    "类新药",
    "類新藥",
    "类创新药",
    "類創新藥",
    "类疫苗",
    "類疫苗",
    "类医疗器械",
    "類醫療器械",
    "类器械",
    "類器械",
    "网站",
    "網站",
    "热线",
    "熱線",
    "客服",
    "专线",
    "專線",
    "小程序",
    "服务热线",
    "服務熱線",
    "大楼",
    "大樓",
    "大厦",
    "大廈",
    "服务专线",
    "服務專線",
    // `3奈米製程`, `7纳米工艺`: a chip process named by its node.
    "奈米製程",
    "奈米制程",
    "纳米制程",
    "納米製程",
    "纳米工艺",
    "納米工藝",
    "奈米工藝",
    // `沪深300指数`, `科创50指数`, `中證500指數`: an index named by its number.
    "指数",
    "指數",
    // `92無鉛汽油`, `95号汽油`, `0号柴油`: the grade of a fuel names the product.
    "無鉛",
    "无铅",
    "号汽油",
    "號汽油",
    "号柴油",
    "號柴油",
];

/// The end of a word of `NUMBERED_NAMES` at `j` (or of `版` that is no word of its own:
/// `2.0版`, not `3版块`).
pub(crate) fn numbered_name_end(text: &str, j: usize) -> Option<usize> {
    // All start with one of `号 號 版 类 類 网 網 热 熱 客 专 專 小 服`.
    let c = char_at(text, j)?;
    if !matches!(
        c,
        '号' | '號'
            | '版'
            | '类'
            | '類'
            | '网'
            | '網'
            | '热'
            | '熱'
            | '客'
            | '专'
            | '專'
            | '小'
            | '服'
            | '大'
            | '無'
            | '无'
            | '指'
            | '奈'
            | '纳'
            | '納'
    ) {
        return None;
    }
    if let Some(w) = NUMBERED_NAMES.iter().find(|w| text[j..].starts_with(*w)) {
        // An index is named by digits (`沪深300指数`), not by `一` (`统一指数`).
        if c == '指' && !text.as_bytes()[..j].last().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        return Some(j + w.len());
    }
    let e = j + c.len_utf8();
    (c == '版'
        && !matches!(
            char_at(text, e),
            Some('块' | '塊' | '图' | '圖' | '面' | '权' | '權' | '税' | '稅' | '画' | '畫')
        ))
    .then_some(e)
}

/// Whether a capitalised word is one that names nothing before a number (`In`, `About`,
/// a month).
pub(crate) fn is_common_capital(w: &str) -> bool {
    NOT_NAMES.contains(&w) || MONTHS.contains(&w)
}

/// Names written with a space before their number: `Claude 3`, `Llama 2 70B`,
/// `Fortune 500`, `财富 500 强`.
pub(crate) fn named_number(
    text: &str,
    s: usize,
    p: &Parsed,
    tail: &Tail,
    pre: &Pre,
) -> Option<Raw> {
    if !matches!(p.numeral, Numeral::Arabic) {
        return None;
    }
    let number = Span::new(s, p.end);
    let k = skip_space_back(text, s);
    let j = skip_space(text, p.end);
    let strong = matches!(char_at(text, j), Some('强' | '強'));
    static LAST: LazyLock<LastChars> = LazyLock::new(|| LastChars::of(NAME_BEFORE.iter().copied()));
    let brand = if LAST.may_end_at(text, k) {
        let last_byte = text.as_bytes()[k - 1];
        NAME_BEFORE
            .iter()
            .filter(|w| lexicon::may_end_with(w, last_byte))
            .find_map(|w| ends_with_word(text, k, w))
    } else {
        None
    };
    if strong || (brand.is_some() && p.int_digits >= 2) {
        let start = brand.unwrap_or(s);
        let end = if strong { j + '强'.len_utf8() } else { p.end };
        if strong || tail.kind == TailKind::None || matches!(tail.kind, TailKind::Count(_)) {
            return Some(raw(Kind::Name, Span::new(start, end), number, p));
        }
    }
    let noun = matches!(tail.kind, TailKind::Count(ref u) if u.is_ascii());
    let bare = (tail.kind == TailKind::None || noun)
        && tail.scale == 1.0
        && tail.hedge.is_none()
        && pre.currency.is_none()
        && pre.hedge.is_none()
        && !p.grouped;
    if !bare || k == s || s - k > 1 {
        return None;
    }
    let bytes = text.as_bytes();
    let mut ws = k;
    // (`GB/T 19001`: a slash inside the code of a standard.)
    while ws > 0 && (bytes[ws - 1].is_ascii_alphanumeric() || matches!(bytes[ws - 1], b'-' | b'/'))
    {
        ws -= 1;
    }
    let word = &text[ws..k];
    // `Real Madrid 4-0`: a score after a team's name, not a product's number (but
    // `GB 2760-2014`, a standard and its year).
    let rest = text[p.end..].trim_start_matches(['-', '–']);
    if rest.len() < text.len() - p.end
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && !PRODUCTS.contains(&word)
    {
        return None;
    }
    // `Windows 11`, and `iPhone 15`, `macOS 14`: a capital in the first two letters.
    let capital = word.bytes().take(2).any(|b| b.is_ascii_uppercase());
    if word.is_empty() || !capital {
        return None;
    }
    // Larger numbers name only a known product (`Boeing 737`, `Xbox 360`, `ISO 14001`).
    if (p.value >= 100.0 && !PRODUCTS.contains(&word)) || p.value >= 100_000.0 {
        return None;
    }
    if NOT_NAMES.contains(&word) || MONTHS.contains(&word) {
        return None;
    }
    // `Windows 11 users`: a name even with a noun after it, unless the capital only marks
    // the start of a sentence (`These 5 companies`) of a word that names no product.
    if noun && sentence_start(text, ws) && !PRODUCTS.contains(&word) {
        return None;
    }
    // `Labour won 24 seats, the Greens 26 and the Liberals 11`: a figure of a list whose
    // word is said once, not a product's number.
    if !PRODUCTS.contains(&word) && elided_list_item(text, ws, p.end) {
        return None;
    }
    // `Llama 2 70B`: the name ends at `2`; `70B` (the parameter count) is a quantity.
    Some(raw(Kind::Name, Span::new(ws, p.end), number, p))
}

/// Whether the number ending at `end` after the capitalised word at `ws` is an item of a
/// list of figures with its noun left out (`…24 seats, the Greens 26, the Centre Party 6
/// and independents 4`): the name (at most three capitalised words, perhaps after `the`)
/// follows `,`, `;` or `and`, the number ends the item (a list mark or the sentence's end
/// follows), and a figure stands earlier in the sentence.
fn elided_list_item(text: &str, ws: usize, end: usize) -> bool {
    let rest = &text[end..];
    let ends_item = rest.is_empty()
        || rest.starts_with([',', ';', '.', ')', '\n'])
        || [" and ", " while ", " but ", " or "]
            .iter()
            .any(|w| rest.starts_with(w));
    if !ends_item {
        return false;
    }
    // Back over the name's other capitalised words and `the`.
    let mut start = ws;
    for _ in 0..3 {
        let before = text[..start].trim_end_matches(' ');
        let word_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-' || c == '\''))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let w = &before[word_start..];
        if w.starts_with(|c: char| c.is_ascii_uppercase()) && before.len() < start {
            start = word_start;
        } else {
            break;
        }
    }
    let mut before = text[..start].trim_end_matches(' ');
    if let Some(r) = before.strip_suffix("the") {
        before = r.trim_end_matches(' ');
    }
    let opened = before.ends_with([',', ';'])
        || ["and", "while"]
            .iter()
            .any(|w| before.strip_suffix(w).is_some_and(|r| r.ends_with(' ')));
    if !opened {
        return false;
    }
    // A figure in the 200 bytes before, within the sentence: the look back is bounded, so
    // a text of many names stays linear.
    let mut from = before.len().saturating_sub(200);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let window = &before[from..];
    let sentence_start = window.rfind(['.', '!', '?', '\n']).map_or(0, |k| k + 1);
    window[sentence_start..].bytes().any(|b| b.is_ascii_digit())
}

/// Products whose names end in a number, named even at the start of a sentence.
const PRODUCTS: &[&str] = &[
    "Windows",
    "Boeing",
    "iPhone",
    "iPad",
    "Galaxy",
    "Pixel",
    "Llama",
    "Claude",
    "Gemini",
    "Qwen",
    "Xbox",
    "PlayStation",
    "Android",
    "iOS",
    "macOS",
    "Office",
    "Model",
    "Series",
    // Standards known by their number (`ISO 14001`, `IEC 61850`, `GB 2760-2014`,
    // `GB/T 19001`).
    "ISO",
    "IEC",
    "GB",
    "GB/T",
    "EN",
    "ASTM",
    "JIS",
    "DIN",
    "IEEE",
    "ANSI",
    // Grades, stages and numbered things of public life (`Year 6 pupils`, `Phase 3
    // trials`, `Flight 370`, `Route 66`, `Article 50`).
    "Year",
    "Grade",
    "Phase",
    "Stage",
    "Level",
    "Tier",
    "Category",
    "Flight",
    "Route",
    "Interstate",
    "Highway",
    "Form",
    "Article",
    "Rule",
    "Clause",
    "Schedule",
    // Ballot measures and bills (`Proposition 50`, `Measure 110`, `Question 1`).
    "Proposition",
    "Prop",
    "Measure",
    "Question",
    "Amendment",
    "Initiative",
    "Referendum",
    "Title",
    "Division",
    "Gate",
    "Terminal",
    "Platform",
    "Pier",
    "Runway",
    "Unit",
    "Block",
    "Lot",
    "District",
    "Ward",
    "Precinct",
    "Zone",
    "Region",
];

/// Whether the word at `ws` opens a sentence.
fn sentence_start(text: &str, ws: usize) -> bool {
    let k = skip_space_back(text, ws);
    match char_before(text, k) {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | '\n' | '\r' | '。' | '！' | '？' | '"' | '“' | '#' | '*' | '>'
        ),
    }
}
