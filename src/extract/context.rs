//! What qualifies a numeral on either side: a numeral's offsets in, the currency and hedge
//! before it (`Pre`) and the scale word, unit and hedge after it (`Tail`) out.

pub(crate) use super::forms::{
    elapsed_time, en_fraction, en_special, slash_fraction, zh_approximate, zh_fraction, zh_one_in,
    zh_special,
};
pub(crate) use super::nonquant::{
    date, dotted_date, glued_name, name_span, named_number, ordinal, period, reference, year,
};

use std::borrow::Cow;

use super::lexicon::{
    self, CURRENCY_AFTER_EN, CURRENCY_AFTER_FIRST, CURRENCY_BEFORE, HEDGE_AFTER, PERCENT_AFTER,
    SCALE_EN, SCALE_LETTER, SCALE_ZH, SUBUNIT_AFTER, UNIT_EN, char_at, char_before, ends_with_word,
    latin_unit, match_after, skip_space, skip_space_back, starts_with_word, unit_zh_at,
};
use super::mention::{Hedge, Kind, Numeral};
use super::numeral::{Parsed, word_at};
use crate::source::Span;

/// What stands before a numeral.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Pre {
    pub currency: Option<(&'static str, Span)>,
    pub hedge: Option<(Hedge, Span)>,
}

impl Pre {
    /// Where the mention starts: at its hedge or currency sign when there is one.
    pub fn start(&self, s: usize) -> usize {
        let mut start = s;
        if let Some((_, span)) = self.currency {
            start = start.min(span.start);
        }
        if let Some((_, span)) = self.hedge {
            start = start.min(span.start);
        }
        start
    }
}

/// The currency and hedge written right before offset `s` (spaces allowed between).
pub(crate) fn pre(text: &str, s: usize) -> Pre {
    let mut k = skip_space_back(text, s);
    let mut out = Pre::default();
    if !lexicon::BEFORE_NUMBER.may_end_at(text, k) {
        out.hedge = paid_most(text, k);
        return out;
    }
    let Some(&last) = k.checked_sub(1).and_then(|i| text.as_bytes().get(i)) else {
        return out;
    };
    if let Some((span, code)) = CURRENCY_BEFORE
        .iter()
        .filter(|(w, _)| lexicon::may_end_with(w, last))
        .find_map(|&(w, code)| {
            let st = ends_with_word(text, k, w)?;
            // An ISO code in capitals is one only in capitals (`TRY 5bn`, not `try 5`).
            let capitals = w.bytes().any(|b| b.is_ascii_uppercase());
            (!capitals || text.as_bytes()[st..k] == *w.as_bytes()).then(|| (Span::new(st, k), code))
        })
    {
        out.currency = Some((code, span));
        k = skip_space_back(text, span.start);
    }
    out.hedge = hedge_before(text, k).filter(|_| !is_tally(text, s));
    out
}

/// Whether a tally or a score starts at `s` (`312-110`, `3-2`, `50-50`): two whole numbers
/// under 1,000 joined by a hyphen or dash, the second no larger. The word before it is then
/// no hedge: `the bill passed 312-110` is a vote, not "more than 312".
fn is_tally(text: &str, s: usize) -> bool {
    let whole = |t: &str| -> Option<(u32, usize)> {
        let len = t.bytes().take_while(u8::is_ascii_digit).count();
        let n = t.get(..len)?.parse().ok()?;
        Some((n, len))
    };
    let Some(rest) = text.get(s..) else {
        return false;
    };
    let Some((first, len)) = whole(rest) else {
        return false;
    };
    let Some(after) = rest[len..]
        .strip_prefix('-')
        .or_else(|| rest[len..].strip_prefix('–'))
    else {
        return false;
    };
    let Some((second, len2)) = whole(after) else {
        return false;
    };
    let next = after[len2..].chars().next();
    first < 1000
        && second <= first
        && !next.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | '-'))
}

/// `補助最高3萬5,000元`, `罚款最高100万元`: `最高` after a verb of paying or penalising is the
/// most paid or imposed, at most (a price `最高3218元` is the highest reached, no bound).
fn paid_most(text: &str, k: usize) -> Option<(Hedge, Span)> {
    if !text.as_bytes()[..k].ends_with("最高".as_bytes()) {
        return None;
    }
    let st = k - "最高".len();
    let head = &text[..st];
    super::attach::PAYING_VERBS
        .iter()
        .any(|v| v.chars().count() > 1 && head.ends_with(v))
        .then_some((Hedge::AtMost, Span::new(st, k)))
}

/// A hedge ending at byte `k`.
pub(crate) fn hedge_before(text: &str, k: usize) -> Option<(Hedge, Span)> {
    if let Some(h) = paid_most(text, k) {
        return Some(h);
    }
    if !lexicon::BEFORE_NUMBER.may_end_at(text, k) {
        return None;
    }
    let last = *k.checked_sub(1).and_then(|i| text.as_bytes().get(i))?;
    for &(w, h) in &lexicon::HEDGE_BEFORE_BY_LAST[usize::from(last.to_ascii_lowercase())] {
        let Some(st) = ends_with_word(text, k, w) else {
            continue;
        };
        let before = char_before(text, st);
        // `最近`, `附近` are "recently", "nearby".
        if w == "近" && matches!(before, Some('最' | '附' | '邻' | '靠' | '将' | '接')) {
            continue;
        }
        // `賣超6,651億元`, `买超`, `出超`: net selling or buying, a trade surplus; the
        // amount itself, no hedge.
        if w == "超" && matches!(before, Some('买' | '卖' | '買' | '賣' | '出' | '入')) {
            continue;
        }
        // `edged up to 3.3%`: a verb of motion with `up`, then `to` the level; no limit.
        if w == "up to" {
            let head = text[..st].trim_end();
            let verb = head
                .rsplit(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            if UP_VERBS.contains(&verb) {
                continue;
            }
        }
        // `two-thirds more than two years ago`, `5% less than 3 million`: a comparison after
        // a figure, whose base is the second figure; no hedge on it.
        if matches!(w, "more than" | "less than" | "fewer than" | "longer than")
            && after_figure(text, st)
        {
            continue;
        }
        // `5~10`: a range, not a hedge.
        if matches!(w, "~" | "～") && before.is_some_and(|c| c.is_ascii_digit() || is_fw_digit(c))
        {
            continue;
        }
        // `> 5 things` opening a line quotes it (Markdown); `<` and `>` right after a letter
        // or digit are no comparison either (`a<b`, `x>5` in prose about code).
        if matches!(w, ">" | "<") {
            let head = text[..st].trim_end_matches([' ', '\t', '>']);
            if head.is_empty() || head.ends_with(['\n', '\r']) {
                continue;
            }
        }
        return Some((h, Span::new(st, k)));
    }
    None
}

/// Whether the hedge `word` at `span` compares figures stated before it in the sentence,
/// all of them, with a benchmark (`核心CPI為1.55%，均低於2%`, `充足率为204.5%…均远高于100%`,
/// `both below 2%`): the benchmark is then the figure written, no bound on it. `unit` is
/// what the figure is written with after its digits (`%`, `元`); a figure of it must stand
/// earlier in the sentence (`减幅都不足3%` with none bounds the declines).
pub(crate) fn benchmark(text: &str, word: &str, span: Span, unit: &str) -> bool {
    if unit.is_empty() || !COMPARISON_WORDS.contains(&word) || !compares_all(text, span.start) {
        return false;
    }
    let mut from = span.start.saturating_sub(240);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..span.start];
    let sentence = head.rfind(['。', '\n', '；']).map_or(head, |k| &head[k..]);
    sentence.match_indices(unit).any(|(k, _)| {
        sentence[..k]
            .trim_end_matches([' ', '万', '萬', '亿', '億'])
            .ends_with(|c: char| c.is_ascii_digit())
    })
}

/// Nouns of a benchmark: a figure that names one through `的` (`低于7天的安全警戒线`,
/// `低于50%的荣枯线`, `高于2%的目标`) is the benchmark's own value, and the comparison
/// before it bounds the subject, not the figure.
const BENCHMARK_NOUNS: &[&str] = &[
    "警戒线",
    "警戒線",
    "安全线",
    "安全線",
    "荣枯线",
    "榮枯線",
    "及格线",
    "及格線",
    "红线",
    "紅線",
    "标准",
    "標準",
    "目标",
    "目標",
    "门槛",
    "門檻",
    "上限",
    "下限",
    "阈值",
    "閾值",
    "基准",
    "基準",
    "预期",
    "預期",
    "预警线",
    "預警線",
    "水平线",
    "水平線",
    "关口",
    "關口",
    "大关",
    "大關",
    "均值",
];

/// Whether the figure ending at `end`, after the comparison `word`, names a benchmark through
/// `的` and a noun of `BENCHMARK_NOUNS` at most four characters on.
pub(crate) fn names_benchmark(text: &str, word: &str, end: usize) -> bool {
    if !COMPARISON_WORDS.contains(&word) || !text[end..].starts_with('的') {
        return false;
    }
    let mut k = end + '的'.len_utf8();
    for _ in 0..5 {
        if BENCHMARK_NOUNS.iter().any(|w| text[k..].starts_with(w)) {
            return true;
        }
        match char_at(text, k) {
            Some(c) if super::nonquant::is_cjk(c) => k += c.len_utf8(),
            _ => return false,
        }
    }
    false
}

/// Hedges that compare with a benchmark (`低于`, `above`), which `compares_all` may make
/// the benchmark itself.
const COMPARISON_WORDS: &[&str] = &[
    "低于", "低於", "高于", "高於", "超过", "超過", "不足", "不到", "多于", "多於", "少于", "少於",
    "below", "above", "under", "over",
];

/// Whether the words before a comparison at `st` say that all the figures of the subject
/// stand in it (`均`, `都`, `皆`, `both`, `all`), maybe with an adverb of degree between
/// (`均远高于`, `都明显低于`, `both well below`).
fn compares_all(text: &str, st: usize) -> bool {
    let mut k = skip_space_back(text, st);
    for adverb in [
        "远",
        "遠",
        "明显",
        "明顯",
        "大幅",
        "略",
        "稍",
        "仍",
        "依然",
        "已",
        "well",
        "far",
        "still",
        "comfortably",
    ] {
        if let Some(a) = ends_with_word(text, k, adverb) {
            k = skip_space_back(text, a);
            break;
        }
    }
    ["均", "都", "皆", "全", "both", "all", "Both", "All"]
        .iter()
        .any(|w| ends_with_word(text, k, w).is_some())
}

/// Whether a figure ends right before `st` (spaces between): `%`, or a word that closes a
/// figure (`two-thirds`, `20 percent`, `three times`). Not bare digits: `In 2024 more than
/// 300 firms` is a year before the hedge.
fn after_figure(text: &str, st: usize) -> bool {
    let k = skip_space_back(text, st);
    if k == st {
        return false;
    }
    let head = &text[..k];
    if head.ends_with(['%', '％']) {
        return true;
    }
    let word = head
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    if matches!(word, "percent" | "thirds" | "fifths" | "times" | "points")
        || super::numeral::en_word(word).is_some()
    {
        return true;
    }
    let before_word = head[..head.len() - word.len()].trim_end_matches(' ');
    // `nearly a third more than a year before`, `twice more than`: a share or a multiple in
    // words.
    if word == "twice"
        || (matches!(word, "third" | "quarter" | "fifth" | "tenth" | "half")
            && ["a", "one"]
                .iter()
                .any(|w| ends_with_word(before_word, before_word.len(), w).is_some()))
    {
        return true;
    }
    // `£29 a week more than a year earlier`: a figure and the span it is reckoned per.
    if !word.is_empty()
        && let Some(st) = ["a", "an", "per", "each"]
            .iter()
            .find_map(|w| ends_with_word(before_word, before_word.len(), w))
        && st < before_word.len()
        && before_word[..st]
            .trim_end_matches(' ')
            .ends_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    // `49 cents less than a year ago`, `1,000 jobs more than`: a figure and its unit.
    !word.is_empty()
        && before_word.len() < head.len() - word.len()
        && before_word.ends_with(|c: char| c.is_ascii_digit())
}

/// Verbs whose `up` goes with them, so that `up to` after them is no hedge (`edged up to`).
const UP_VERBS: &[&str] = &[
    "edged", "edges", "edge", "inched", "crept", "ticked", "moved", "went", "shot", "jumped",
    "climbed", "rose", "revised", "marked", "pushed", "bumped", "nudged", "picked", "sped",
    "speeded", "stepped", "ramped", "scaled", "went", "go", "goes", "going", "gone",
];

fn is_fw_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// What a numeral is followed by.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TailKind {
    None,
    Percent,
    Points,
    /// `七成`: tenths, a percentage written in 成; `四成一` adds a digit of hundredths (1).
    Tenths(u8),
    Multiple,
    Money(&'static str),
    /// A hundredth of a currency: `64 cents`, `50 美分`.
    Subunit(&'static str),
    /// `25 bps`, `25 basis points`: hundredths of a percentage point.
    BasisPoints,
    /// `3.5碼`, `升息1码`: quarters of a percentage point, as Taiwan and Hong Kong count
    /// moves of a policy rate.
    QuarterPoints,
    /// `6.77‰`: per mille, a tenth of a percent.
    PerMille,
    /// A counter (`个`) or a counted noun (`companies`).
    Count(Cow<'static, str>),
    Unit(&'static str),
    /// One unit per another: `300Wh/kg`, `8TB/s`.
    Rate(&'static str, &'static str),
    /// Letters glued to the digits that are no unit (`5G`, `1e999`): a name.
    Name,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tail {
    pub end: usize,
    pub kind: TailKind,
    /// The scale word's value (`亿` → 1e8), 1 without one.
    pub scale: f64,
    pub hedge: Option<(Hedge, Span)>,
    /// An interval fixed by vague wording (`数百万`), in numeral units × scale.
    pub vague: Option<(f64, f64)>,
}

impl Tail {
    pub fn bare(end: usize) -> Tail {
        Tail {
            end,
            kind: TailKind::None,
            scale: 1.0,
            hedge: None,
            vague: None,
        }
    }
}

/// `多` / `余` right after a numeral or scale word: `10多个`, `300余家`, `1万多人`; `来`
/// (`十来个`, `20来岁`): about.
fn more_than(text: &str, pos: usize) -> Option<(Hedge, Span)> {
    let j = skip_space(text, pos);
    match char_at(text, j) {
        Some('来' | '來') => {
            // Only before what is counted or measured: `一来` is "for one thing".
            let k = j + 3;
            let counted = char_at(text, k).is_some_and(|c| lexicon::counter(c).is_some())
                || unit_zh_at(text, k).is_some()
                || match_after(text, k, SCALE_ZH).is_some();
            counted.then(|| (Hedge::Approximately, Span::new(j, k)))
        }
        Some('多' | '余' | '餘') => {
            // `多数`, `余下` are words of their own.
            let next = char_at(text, j + 3);
            if matches!(next, Some('数' | '下' | '额' | '种')) || next.is_none_or(|c| c.is_ascii())
            {
                return None;
            }
            Some((Hedge::Over, Span::new(j, j + 3)))
        }
        _ => None,
    }
}

/// `多` after a unit (`3 倍多`, `5 年多来`): more than the stated number.
fn more_after_unit(text: &str, end: usize) -> Option<(Hedge, Span)> {
    if char_at(text, end) != Some('多') {
        return None;
    }
    let next = char_at(text, end + 3);
    let ends_phrase = next.is_none_or(|c| {
        !super::nonquant::is_cjk(c) || matches!(c, '来' | '的' | '前' | '后' | '了' | '以')
    });
    ends_phrase.then(|| (Hedge::Over, Span::new(end, end + 3)))
}

/// Everything after the numeral `p`: scale word, unit, hedge.
pub(crate) fn tail(text: &str, p: &Parsed, has_currency: bool) -> Tail {
    let bytes = text.as_bytes();
    let mut pos = p.end;
    let mut scale = 1.0;
    let mut hedge = None;
    let arabic = matches!(p.numeral, Numeral::Arabic | Numeral::FullWidth);
    // `52 m³`, `6μg/m³`: a unit written with a superscript or a micro sign.
    if arabic && let Some((u, e)) = lexicon::unit_sign_at(text, skip_space(text, pos)) {
        return finish(text, e, TailKind::Unit(u), 1.0, None);
    }
    // Letters glued to digits: a magnitude, a unit, `x`, or else part of a name.
    if arabic && bytes.get(pos).is_some_and(u8::is_ascii_alphabetic) {
        let (w, we) = word_at(text, pos);
        if w == "x" || w == "X" {
            return finish(text, we, TailKind::Multiple, 1.0, None);
        }
        // `4K`, `8K`: a display resolution, not four thousand (`$4K` is).
        if w == "K" && !has_currency && p.int_digits == 1 && p.decimals == 0 {
            return Tail {
                kind: TailKind::Name,
                ..Tail::bare(we)
            };
        }
        if let Some(&(_, f, _)) = SCALE_LETTER
            .iter()
            .find(|&&(l, _, currency_only)| l == w && (!currency_only || has_currency))
        {
            scale = f;
            pos = we;
        } else if let Some(&(_, f)) = SCALE_EN.iter().find(|&&(l, _)| l.eq_ignore_ascii_case(w)) {
            scale = f;
            pos = we;
        } else if w == "m" && counted_after(text, we) {
            // `1.2m users`: millions before a counted noun, metres elsewhere.
            scale = 1e6;
            pos = we;
        } else if w == "p" && !has_currency && (p.decimals > 0 || p.value < 100.0) {
            // `4.45p`: pence (not `1080p`, a video resolution).
            return finish(text, we, TailKind::Subunit("GBP"), 1.0, None);
        } else if w == "c" && !has_currency && (p.decimals > 0 || p.value < 100.0) {
            // `11.5c per share`: cents, as Australian and New Zealand reports write them.
            return finish(text, we, TailKind::Subunit("USD"), 1.0, None);
        } else if matches!(w, "bps" | "bp") {
            return finish(text, we, TailKind::BasisPoints, 1.0, None);
        } else if matches!(w, "pp" | "ppt" | "ppts" | "pts") {
            return finish(text, we, TailKind::Points, 1.0, None);
        } else if matches!(w, "pct" | "pcts" | "pc") {
            // `rose 5.2pct`; after a Chinese verb (`提升5.2pct`) `scan` reads points.
            return finish(text, we, TailKind::Percent, 1.0, None);
        } else if (w == "C" || w == "F")
            && !has_currency
            && !char_at(text, we).is_some_and(super::nonquant::is_cjk)
        {
            // `1.45C above the pre-industrial baseline`: degrees (not `3C产品`, a name).
            let u = if w == "C" { "°C" } else { "°F" };
            return finish(text, we, TailKind::Unit(u), 1.0, None);
        } else if w == "s" && p.decimals == 0 && p.value >= 10.0 && p.int_digits <= 2 {
            // `over-65s`, `under-18s`, `in their 20s`: people of an age, not seconds.
            return Tail {
                kind: TailKind::Name,
                ..Tail::bare(we)
            };
        } else if let Some(u) = lexicon::counted_latin(w) {
            return finish(text, we, TailKind::Count(Cow::Borrowed(u)), 1.0, None);
        } else if let Some(u) = latin_unit(w) {
            return finish(text, we, TailKind::Unit(u), 1.0, None);
        } else if let Some(u) = acronym_unit(text, w, we) {
            return finish(text, u.1, TailKind::Unit(u.0), 1.0, None);
        } else {
            return Tail {
                kind: TailKind::Name,
                ..Tail::bare(we)
            };
        }
    }
    if p.numeral != Numeral::Words {
        hedge = more_than(text, pos);
        if let Some((_, span)) = hedge {
            pos = span.end;
        }
    }
    // `两个亿`: a counter between a numeral and its scale word.
    let mut open_scale = p.open_scale;
    let rest = &text.as_bytes()[pos.min(text.len())..];
    if scale == 1.0
        && hedge.is_none()
        && (rest.starts_with("个".as_bytes()) || rest.starts_with("個".as_bytes()))
        && matches!(char_at(text, pos + 3), Some('亿' | '億' | '万' | '萬'))
    {
        pos += 3;
        open_scale = true;
    }
    if scale == 1.0 {
        let j = skip_space(text, pos);
        let next = bytes.get(j).copied().unwrap_or(0);
        // After `多`, `余` (`二十多万人次`) the Chinese numeral stopped before its scale word.
        if next >= 0x80
            && (p.numeral != Numeral::Chinese || open_scale || hedge.is_some())
            && let Some((w, f, e)) = match_after(text, j, SCALE_ZH)
            && w != "十"
            && match_after(text, j, PERCENT_AFTER).is_none()
            && unit_zh_at(text, j).is_none_or(|(u, _, _)| u.len() <= w.len())
        {
            scale = f;
            pos = e;
        } else if j > pos
            && next.is_ascii_alphabetic()
            && let Some((_, f, e)) = match_after(text, j, SCALE_EN)
        {
            scale = f;
            pos = e;
        }
    }
    if hedge.is_none() {
        hedge = more_than(text, pos);
        if let Some((_, span)) = hedge {
            pos = span.end;
        }
    }
    // `3个多百分点`: more than three percentage points.
    if hedge.is_none() {
        let r = &text.as_bytes()[pos.min(text.len())..];
        if (r.starts_with("个多".as_bytes()) || r.starts_with("個多".as_bytes()))
            && let Some((_, Kind::Points, e)) = match_after(text, pos + 6, PERCENT_AFTER)
        {
            let t = Tail {
                end: e,
                kind: TailKind::Points,
                scale,
                hedge: Some((Hedge::Over, Span::new(pos + 3, pos + 6))),
                vague: None,
            };
            return t;
        }
    }
    // `65+`: that age and older.
    if arabic
        && hedge.is_none()
        && text.as_bytes().get(pos) == Some(&b'+')
        && !text
            .as_bytes()
            .get(pos + 1)
            .is_some_and(u8::is_ascii_alphanumeric)
    {
        hedge = Some((Hedge::AtLeast, Span::new(pos, pos + 1)));
        pos += 1;
    }
    let (mut kind, mut end) = unit(text, pos, p.numeral == Numeral::Words);
    // `三大标志性战役`, `四大银行`, `十大新闻`: the big ones of a kind, counted (`第三大` is an
    // ordinal, read before; `一大早`, `三大于二` are none).
    if kind == TailKind::None
        && scale == 1.0
        && hedge.is_none()
        && p.numeral == Numeral::Chinese
        && p.decimals == 0
        && (2.0..=10.0).contains(&p.value)
        && char_at(text, pos) == Some('大')
        && list_before(text, p.end)
        && char_at(text, pos + 3).is_some_and(|c| {
            super::nonquant::is_cjk(c)
                && !matches!(
                    c,
                    '于' | '於'
                        | '概'
                        | '约'
                        | '約'
                        | '幅'
                        | '量'
                        | '多'
                        | '的'
                        | '致'
                        | '小'
                        | '大'
                )
        })
    {
        kind = TailKind::Count(Cow::Borrowed("大"));
        end = Some(pos + 3);
    }
    if arabic && scale == 1.0 {
        (kind, end) = index_points(text, p, pos, kind, end);
    }
    // `64 points from 28 matches`, `three points clear`: points of a league or a game are
    // counted, not percentage points.
    if kind == TailKind::Points
        && scale == 1.0
        && text[skip_space(text, pos)..].starts_with("point")
        && names_sport(text, pos)
    {
        kind = TailKind::Count(Cow::Borrowed("points"));
    }
    // `1,187.5億度`: degrees by the hundred million are kilowatt-hours of electricity.
    // `90度电池包`, `每度电`: `度` before `电` is the kilowatt-hour too.
    if kind == TailKind::Unit("°")
        && (scale >= 1e4 || matches!(end.and_then(|e| char_at(text, e)), Some('电' | '電')))
    {
        kind = TailKind::Unit("kWh");
    }
    let mut t = finish(text, end.unwrap_or(pos), kind, scale, hedge);
    if t.hedge.is_none() {
        t.hedge = hedge;
    }
    t
}

/// Whether the clause before `end` enumerates things with `、` (`黄河…、科尔沁…、河西走廊…三大
/// 标志性战役`): a `三大` after the list sums it, a count; alone (`A股三大指数`) it names a set.
fn list_before(text: &str, end: usize) -> bool {
    let mut from = end.saturating_sub(300);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..end];
    let clause = head
        .rfind(['，', '。', '；', '：', '\n'])
        .map_or(head, |k| &head[k..]);
    clause.contains('、')
}

/// Points of a stock index (`rose 440.06 points` on the Dow, `报3338.19点`): a quantity in
/// index points, not percentage points. `points` after a figure are index points when the
/// figure is 100 or more or an index is named earlier in the sentence; `点` after digits when
/// the figure has decimals, is 1,000 or more, or an index (`指数`, `沪指`) is named.
fn index_points(
    text: &str,
    p: &Parsed,
    pos: usize,
    kind: TailKind,
    end: Option<usize>,
) -> (TailKind, Option<usize>) {
    let j = skip_space(text, pos);
    let rest = &text.as_bytes()[j.min(text.len())..];
    if kind == TailKind::Points && (rest.starts_with(b"point") || rest.starts_with(b"pts")) {
        if p.value >= 100.0 || names_index(text, pos) {
            return (TailKind::Unit("pt"), end);
        }
    } else if kind == TailKind::None
        && (rest.starts_with("点".as_bytes()) || rest.starts_with("點".as_bytes()))
        && (p.decimals > 0 || p.value >= 1000.0 || names_index(text, pos))
    {
        return (TailKind::Unit("pt"), Some(j + 3));
    }
    (kind, end)
}

/// Words that name a stock index.
const INDEX_WORDS: &[&str] = &[
    "指",
    "盘",
    "盤",
    "Dow",
    "S&P",
    "Nasdaq",
    "index",
    "Index",
    "FTSE",
    "Nikkei",
    "Hang Seng",
    "DAX",
    "CAC",
    "Stoxx",
    "STOXX",
    "KOSPI",
    "Sensex",
    "Nifty",
    "ASX",
    "TSX",
];

/// Whether the sentence before `pos` (at most 200 bytes back) names a stock index.
fn names_index(text: &str, pos: usize) -> bool {
    let mut from = pos.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..pos];
    // The sentence: after the last `。`, line break or `. `.
    let start = [
        head.rfind('。').map(|k| k + 3),
        head.rfind('\n').map(|k| k + 1),
        head.rfind(". ").map(|k| k + 2),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(0);
    let sentence = &head[start..];
    INDEX_WORDS.iter().any(|w| sentence.contains(w))
}

/// Words of a game or a league.
const SPORT_WORDS: &[&str] = &[
    "match",
    "matches",
    "game",
    "games",
    "league",
    "League",
    "season",
    "goals",
    "draw",
    "drew",
    "defeat",
    "defeats",
    "victory",
    "fixture",
    "fixtures",
    "standings",
    "tournament",
    "scored",
    "rebounds",
    "assists",
    "innings",
    "touchdowns",
    // Rugby, cricket and the titles and trophies of a championship.
    "tries",
    "beaten",
    "title",
    "titles",
    "trophy",
    "championship",
    "Championship",
    "medals",
    "wickets",
    "playoff",
    "playoffs",
];

/// Whether the sentence around `pos` (200 bytes either way, cut at sentence ends) speaks of
/// a game or a league.
fn names_sport(text: &str, pos: usize) -> bool {
    let mut from = pos.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (pos + 200).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let head = &text[from..pos];
    let start = [
        head.rfind(". ").map(|k| k + 1),
        head.rfind('\n').map(|k| k + 1),
        head.rfind('。').map(|k| k + '。'.len_utf8()),
    ]
    .into_iter()
    .flatten()
    .max()
    .map_or(from, |k| from + k);
    let tail = &text[pos..to];
    let end = [tail.find(". "), tail.find('\n'), tail.find('。')]
        .into_iter()
        .flatten()
        .min()
        .map_or(to, |k| pos + k);
    let sentence = &text[start..end];
    sentence
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 4 && SPORT_WORDS.contains(&w))
        || (!sentence.is_ascii() && SPORT_WORDS_ZH.iter().any(|w| sentence.contains(w)))
}

/// Chinese words of a game or a league.
const SPORT_WORDS_ZH: &[&str] = &[
    "比赛", "比賽", "赛季", "賽季", "得分", "砍下", "全场", "全場", "积分", "積分", "战胜", "戰勝",
    "击败", "擊敗", "夺冠", "奪冠", "联赛", "聯賽", "决赛", "決賽", "场均", "場均", "进球", "進球",
    "球队", "球隊",
];

/// `砍下27分`, `积分74分`: points of a game, in a sentence about one.
fn game_points(text: &str, j: usize) -> Option<usize> {
    score_point(text, j).filter(|_| names_sport(text, j))
}

/// Words of a test or a rating: a score in `分` in a sentence with one of them measures
/// (`最低錄取分數…達76.61分`, `满意度评分为85.6分`), it counts nothing.
const SCORE_WORDS_ZH: &[&str] = &[
    "分数",
    "分數",
    "成绩",
    "成績",
    "考生",
    "考试",
    "考試",
    "录取",
    "錄取",
    "评分",
    "評分",
    "总分",
    "總分",
    "满分",
    "滿分",
    "均分",
    "分数线",
    "分數線",
    "学测",
    "學測",
    "指考",
    "会考",
    "會考",
    "测验",
    "測驗",
    "测评",
    "測評",
    "评估",
    "評估",
    "满意度",
    "滿意度",
    "指数",
    "指數",
    "评价",
    "評價",
    "打分",
    "得分",
];

/// `達76.61分`, `满分100分`: a score of a test or a rating, in a sentence that names one
/// (`SCORE_WORDS_ZH`), and not of a game (`game_points`).
fn test_score(text: &str, j: usize) -> Option<usize> {
    let e = score_point(text, j)?;
    let (from, to) = sentence_around(text, j);
    let sentence = &text[from..to];
    SCORE_WORDS_ZH
        .iter()
        .any(|w| sentence.contains(w))
        .then_some(e)
}

/// The sentence around `pos` (up to 200 bytes either way, cut at `。`, `！`, `？`, `；` and
/// line ends).
fn sentence_around(text: &str, pos: usize) -> (usize, usize) {
    let mut from = pos.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (pos + 200).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let ends = ['。', '！', '？', '；', '\n'];
    let start = text[from..pos].rfind(ends).map_or(from, |k| {
        from + k + text[from + k..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[pos..to].find(ends).map_or(to, |k| pos + k);
    (start, end)
}

/// `61.4万单位`, `10至20个单位`: units of blood (a measure of volume, 200 mL of whole blood),
/// in a sentence about blood; elsewhere `100个单位` are bodies or firms. Returns the end.
fn blood_units(text: &str, j: usize) -> Option<usize> {
    let rest = &text.as_bytes()[j.min(text.len())..];
    let k = if rest.starts_with("个".as_bytes()) || rest.starts_with("個".as_bytes()) {
        3
    } else {
        0
    };
    if !(rest[k..].starts_with("单位".as_bytes()) || rest[k..].starts_with("單位".as_bytes())) {
        return None;
    }
    let (from, to) = sentence_around(text, j);
    text[from..to].contains('血').then_some(j + k + 6)
}

/// `分` at `j` that opens no word of its own (not `分钟`, `分别`, `分析`): its end.
fn score_point(text: &str, j: usize) -> Option<usize> {
    if char_at(text, j) != Some('分') {
        return None;
    }
    let e = j + '分'.len_utf8();
    // The words `分` opens: minutes, `分别`, `分析`, `分之`, branches and shares.
    let word = char_at(text, e).is_some_and(|c| {
        matches!(
            c,
            '钟' | '鐘'
                | '别'
                | '別'
                | '析'
                | '布'
                | '佈'
                | '配'
                | '类'
                | '類'
                | '行'
                | '红'
                | '紅'
                | '享'
                | '化'
                | '散'
                | '成'
                | '公'
                | '批'
                | '期'
                | '段'
                | '摊'
                | '攤'
                | '管'
                | '拆'
                | '支'
                | '裂'
                | '工'
                | '子'
                | '钱'
                | '錢'
                | '秒'
                | '之'
                | '区'
                | '區'
                | '会'
                | '會'
                | '局'
                | '店'
                | '部'
                | '组'
                | '組'
                | '校'
                | '院'
                | '队'
                | '隊'
                | '数'
                | '數'
                | '母'
                | '贝'
                | '貝'
                | '辨'
                | '解'
                | '离'
                | '離'
                | '开'
                | '開'
                | '手'
        )
    });
    (!word).then_some(e)
}

/// Whether `日` at `j` counts days, within a span (`7日内`, `30日以內`), rather than
/// naming the day of a month (`7日起`).
pub(crate) fn days_within(text: &str, j: usize) -> bool {
    let rest = &text.as_bytes()[j.min(text.len())..];
    rest.starts_with("日".as_bytes())
        && (within_at(text, j + 3).is_some()
            || rest[3..].starts_with("以内".as_bytes())
            || rest[3..].starts_with("以內".as_bytes()))
}

/// `内` after a span of time (`3天内`, `3个月内`, `7日內`): within it, at most. Returns the
/// end of `内` (not `内地`, `内部`, `内容`, `日内瓦`: words of their own).
fn within_at(text: &str, end: usize) -> Option<usize> {
    let c = char_at(text, end)?;
    if !matches!(c, '内' | '內') {
        return None;
    }
    let e = end + c.len_utf8();
    let word = matches!(
        char_at(text, e),
        Some(
            '部' | '容'
                | '地'
                | '外'
                | '涵'
                | '需'
                | '销'
                | '銷'
                | '阁'
                | '閣'
                | '科'
                | '环'
                | '環'
                | '陆'
                | '陸'
                | '河'
                | '蒙'
                | '江'
                | '务'
                | '務'
                | '政'
                | '线'
                | '線'
                | '网'
                | '網'
                | '衣'
                | '心'
                | '侧'
                | '側'
                | '核'
                | '幕'
                | '战'
                | '戰'
                | '乱'
                | '亂'
                | '瓦'
                | '在'
                | '存'
                | '资'
                | '資'
        )
    );
    (!word).then_some(e)
}

/// Closes a tail: a hedge written after the unit (`0.7% 左右`, `5 亿美元以上`).
fn finish(
    text: &str,
    end: usize,
    kind: TailKind,
    scale: f64,
    hedge: Option<(Hedge, Span)>,
) -> Tail {
    let mut t = Tail {
        end,
        kind,
        scale,
        hedge,
        vague: None,
    };
    // `300Wh/kg`, `10万元/吨`, `8TB/s`, `瓦时/千克`: a rate, one unit per another.
    if matches!(
        t.kind,
        TailKind::Unit(_) | TailKind::Money(_) | TailKind::Count(_)
    ) && matches!(text.as_bytes().get(end), Some(b'/'))
        && let Some((per, e)) = per_unit(text, end + 1)
    {
        if let TailKind::Unit(u) = t.kind {
            t.kind = TailKind::Rate(u, per);
        }
        t.end = e;
    }
    // `183.6 bushels per acre`, `120 kilometres per hour`: a rate written with `per`.
    if let TailKind::Unit(u) = t.kind
        && let Some(rest) = text.get(t.end..).and_then(|r| r.strip_prefix(" per "))
        && let Some((_, per, e)) = match_after(text, text.len() - rest.len(), PER_EN)
    {
        t.kind = TailKind::Rate(u, per);
        t.end = e;
    }
    let end = t.end;
    // `两成多`: more than two tenths (`成多` is no word).
    if t.hedge.is_none()
        && matches!(t.kind, TailKind::Tenths(0))
        && char_at(text, end) == Some('多')
    {
        t.hedge = Some((Hedge::Over, Span::new(end, end + 3)));
        t.end = end + 3;
    }
    let end = t.end;
    if t.hedge.is_none()
        && t.kind != TailKind::None
        && let Some((h, span)) = more_after_unit(text, end)
    {
        t.hedge = Some((h, span));
        t.end = span.end;
    }
    // `7日内`, `3个月内`: within a span of time, at most it.
    if t.hedge.is_none()
        && matches!(
            t.kind,
            TailKind::Unit("day" | "week" | "month" | "quarter" | "year" | "h" | "min" | "s")
        )
        && let Some(e) = within_at(text, end)
    {
        t.hedge = Some((Hedge::AtMost, Span::new(end, e)));
        t.end = e;
    }
    if t.hedge.is_none() {
        let k = skip_space(text, end);
        if let Some((w, h, e)) = match_after(text, k, HEDGE_AFTER) {
            // English ones need the space (`10 or more`), Chinese ones may go without.
            if !w.is_ascii() || k > end {
                t.hedge = Some((h, Span::new(k, e)));
                t.end = e;
                // `two or more conditions`: the counted noun after the hedge.
                if w.is_ascii()
                    && t.kind == TailKind::None
                    && text.as_bytes().get(e) == Some(&b' ')
                    && let Some((noun, ne)) = counted_noun(text, e + 1, 2)
                {
                    t.kind = TailKind::Count(Cow::Owned(noun.to_string()));
                    t.end = ne;
                }
            }
        }
    }
    t
}

/// What a unit is reckoned per, written after `per` (`bushels per acre`).
const PER_EN: &[(&str, &str)] = &[
    ("acre", "acre"),
    ("hectare", "ha"),
    ("hour", "h"),
    ("day", "day"),
    ("week", "week"),
    ("month", "month"),
    ("year", "year"),
    ("gallon", "gal"),
    ("litre", "l"),
    ("liter", "l"),
    ("barrel", "bbl"),
    ("tonne", "t"),
    ("ton", "t"),
    ("kilogram", "kg"),
    ("kg", "kg"),
    ("mile", "mi"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("km", "km"),
    ("second", "s"),
    ("person", "person"),
    ("capita", "person"),
    ("head", "head"),
    ("household", "household"),
    ("square metre", "m2"),
    ("square meter", "m2"),
    ("square foot", "ft2"),
    ("kWh", "kWh"),
];

/// The unit after the `/` of a rate, at `j`: a Latin unit (`kg`, `s`, `Wh`), a Chinese unit
/// (`吨`, `千克`, `平方米`) or a counter (`元/人`). Returns it and its end.
fn per_unit(text: &str, j: usize) -> Option<(&'static str, usize)> {
    let first = *text.as_bytes().get(j)?;
    if first.is_ascii_alphabetic() {
        let (w, we) = word_at(text, j);
        return latin_unit(w).map(|u| (u, we));
    }
    if first < 0x80 {
        return None;
    }
    if let Some((_, u, e)) = unit_zh_at(text, j) {
        return Some((u, e));
    }
    let c = char_at(text, j)?;
    lexicon::counter(c).map(|u| (u, j + c.len_utf8()))
}

/// Whether a counted English noun follows `end` after one space (`1.2m users`).
fn counted_after(text: &str, end: usize) -> bool {
    if text.as_bytes().get(end) != Some(&b' ') {
        return false;
    }
    let (w, _) = word_at(text, end + 1);
    // `1m sq km`: millions of a unit.
    w == "of"
        || counted_noun(text, end + 1, 3).is_some()
        || match_after(text, end + 1, UNIT_EN).is_some()
}

/// The noun after `one` that a hedge claims (`at least one chronic condition`): up to two
/// lowercase words after a space, the last of them the noun. Returns it and its end.
pub(crate) fn singular_noun(text: &str, end: usize) -> Option<(&str, usize)> {
    let b = text.as_bytes();
    let mut noun = None;
    let mut at = end;
    for _ in 0..2 {
        if b.get(at) != Some(&b' ') {
            break;
        }
        let (w, e) = word_at(text, at + 1);
        let word = w.len() >= 3
            && w.bytes().all(|c| c.is_ascii_lowercase())
            && !NOT_MODIFIERS.contains(&w)
            && !NOT_NOUNS.contains(&w)
            && !b
                .get(e)
                .is_some_and(|&c| c == b'-' || c.is_ascii_alphanumeric());
        if !word {
            break;
        }
        noun = Some((w, e));
        at = e;
    }
    noun
}

/// Words that end an English count noun's claim to be one (`is`, `was`).
const NOT_NOUNS: &[&str] = &[
    "is", "was", "has", "this", "its", "us", "as", "plus", "less", "thus", "does", "always",
    "perhaps", "across", "versus", "whereas", "his", "yes", "times", "percent", "points", "bps",
    "pts", "ppts",
];

/// The unit at `pos` (after optional spaces): kind and end. Dispatches on the first byte so
/// that a number followed by punctuation or prose costs no table lookups.
fn unit(text: &str, pos: usize, words: bool) -> (TailKind, Option<usize>) {
    let j = skip_space(text, pos);
    let next = text.as_bytes().get(j).copied().unwrap_or(0);
    if next.is_ascii_alphabetic() {
        return unit_en(text, pos, j, words);
    }
    if next == b'%' {
        return (TailKind::Percent, Some(j + 1));
    }
    if let Some(e) = starts_with_word(text, j, "‰") {
        return (TailKind::PerMille, Some(e));
    }
    if next == b'-' {
        if let Some(e) = starts_with_word(text, pos, "-fold") {
            return (TailKind::Multiple, Some(e));
        }
        // `two-year` names a kind of thing (a two-year bond) more often than it counts;
        // `two-bedroom` counts bedrooms, as `650-seat` counts seats.
        let (kind, end) = hyphenated(text, j);
        if words {
            return match kind {
                TailKind::Count(ref noun) if !WORD_COMPOUNDS.contains(&noun.as_ref()) => {
                    (kind, end)
                }
                // `the previous three-month period`, `a two-week strike`: a span of time (a
                // bond's tenor, `two-year note`, is a name: `hyphenated`).
                TailKind::Unit("year" | "month" | "week" | "day" | "h" | "min" | "decade") => {
                    (kind, end)
                }
                _ => (TailKind::None, None),
            };
        }
        return (kind, end);
    }
    if next < 0x80 {
        return (TailKind::None, None);
    }
    // `8號機`, `2.0版`, `1类新药`, `12306网站`: the number names something.
    if let Some(e) = super::nonquant::numbered_name_end(text, j) {
        return (TailKind::Name, Some(e));
    }
    if let Some((_, (), e)) = match_after(text, j, lexicon::BASIS_POINTS_ZH) {
        return (TailKind::BasisPoints, Some(e));
    }
    if let Some(e) = quarter_points(text, j) {
        return (TailKind::QuarterPoints, Some(e));
    }
    if let Some((_, k, e)) = match_after(text, j, PERCENT_AFTER) {
        let kind = if k == Kind::Points {
            TailKind::Points
        } else {
            TailKind::Percent
        };
        return (kind, Some(e));
    }
    if let Some(e) = starts_with_word(text, j, "倍") {
        return (TailKind::Multiple, Some(e));
    }
    if let Some(e) = tenths(text, j) {
        return match hundredths(text, e) {
            Some(d) => (
                TailKind::Tenths(d),
                Some(e + char_at(text, e).map_or(3, char::len_utf8)),
            ),
            None => (TailKind::Tenths(0), Some(e)),
        };
    }
    if let Some(e) = starts_with_word(text, pos, "×") {
        return (TailKind::Multiple, Some(e));
    }
    if CURRENCY_AFTER_FIRST.may_start_at(text, j) {
        // `美分` before `美元`: the subunits start as the currencies do.
        if let Some((_, code, e)) = match_after(text, j, SUBUNIT_AFTER) {
            return (TailKind::Subunit(code), Some(e));
        }
        if let Some((_, code, e)) = lexicon::currency_after_at(text, j) {
            return (TailKind::Money(code), Some(e));
        }
    }
    if days_within(text, j) {
        return (TailKind::Unit("day"), Some(j + '日'.len_utf8()));
    }
    if let Some((w, u, e)) = unit_zh_at(text, j) {
        // `三年期`, `10年期国债`, `6个月期`: the term of a bond or loan names it, as `the
        // 10-year Treasury` does (not `三年期间`, during three years).
        if matches!(u, "year" | "month")
            && char_at(text, e) == Some('期')
            && !matches!(
                char_at(text, e + 3),
                Some('间' | '間' | '内' | '內' | '中' | '满' | '滿')
            )
        {
            return (TailKind::Name, Some(e + 3));
        }
        // `兩度發出`, `三度夺冠`: a small Chinese numeral, `度` and a verb count times (not
        // `五度电`, `零下五度`).
        // `晚上`, `晚间`, `晚会`: evening words, not nights.
        if u == "night"
            && matches!(
                char_at(text, e),
                Some('上' | '间' | '間' | '会' | '會' | '报' | '報' | '餐' | '宴' | '霞' | '期')
            )
        {
            return (TailKind::None, None);
        }
        // `夜间`, `夜里`, `夜市`, `夜以继日`: night words, not nights of a stay.
        if w == "夜"
            && char_at(text, e).is_some_and(|c| {
                super::nonquant::is_cjk(c)
                    && !matches!(
                        c,
                        '的' | '左' | '以' | '至' | '到' | '和' | '及' | '或' | '多' | '余' | '餘'
                    )
            })
        {
            return (TailKind::None, None);
        }
        if u == "°"
            && words_before_verb(text, pos, e)
            && !matches!(
                char_at(text, e),
                Some(
                    '电' | '電'
                        | '的'
                        | '左'
                        | '以'
                        | '至'
                        | '到'
                        | '和'
                        | '及'
                        | '或'
                        | '上'
                        | '下'
                        | '多'
                        | '余'
                        | '餘'
                )
            )
        {
            return (TailKind::Count(Cow::Borrowed("度")), Some(e));
        }
        return (TailKind::Unit(u), Some(e));
    }
    // `17级以上`, `6.8级地震`, `8级大风`: a grade on a scale of wind or earthquake (not
    // `三级医院`, a class of hospital).
    if let Some(c @ ('级' | '級')) = char_at(text, j) {
        let e = j + c.len_utf8();
        let grade = char_at(text, e).is_none_or(|n| {
            !super::nonquant::is_cjk(n)
                || matches!(
                    n,
                    '风' | '風'
                        | '阵'
                        | '陣'
                        | '大'
                        | '以'
                        | '左'
                        | '上'
                        | '地'
                        | '台'
                        | '颱'
                        | '强'
                        | '強'
                        | '暴'
                        | '狂'
                        | '烈'
                        | '余'
                        | '餘'
                )
        });
        if grade {
            return (TailKind::Unit("级"), Some(e));
        }
    }
    if let Some((medal, e)) = medal(text, pos, j) {
        return (TailKind::Count(Cow::Borrowed(medal)), Some(e));
    }
    if let Some(e) = game_points(text, j) {
        return (TailKind::Count(Cow::Borrowed("分")), Some(e));
    }
    if let Some(e) = test_score(text, j) {
        return (TailKind::Unit("分"), Some(e));
    }
    if let Some(e) = blood_units(text, j) {
        return (TailKind::Unit("单位"), Some(e));
    }
    if let Some(c) = char_at(text, j)
        && let Some(counter) = lexicon::counter(c)
        && !lexicon::counter_word(c, char_at(text, j + c.len_utf8()))
    {
        let mut e = j + c.len_utf8();
        // `人次`, `架次`, `车次`: times of what the counter counts (trips, flights).
        if c != '次' && char_at(text, e) == Some('次') {
            e += '次'.len_utf8();
        }
        return (TailKind::Count(Cow::Borrowed(counter)), Some(e));
    }
    if let Some((_, noun, e)) = match_after(text, j, lexicon::COUNTED_ZH) {
        return (TailKind::Count(Cow::Borrowed(noun)), Some(e));
    }
    (TailKind::None, None)
}

/// `7金5银4铜`: medals counted by their metal in a tally of them (gold, then silver, then
/// bronze): `金` before another figure, `银` or `铜` after a figure of the metal before it.
/// `pos` is the numeral's end, `j` the metal's start. Returns the medal and its end.
fn medal(text: &str, pos: usize, j: usize) -> Option<(&'static str, usize)> {
    let c = char_at(text, j)?;
    let (name, before): (&'static str, &[char]) = match c {
        '金' => ("金牌", &[]),
        '银' => ("银牌", &['金']),
        '銀' => ("銀牌", &['金']),
        '铜' => ("铜牌", &['银', '銀']),
        '銅' => ("銅牌", &['银', '銀']),
        _ => return None,
    };
    let e = j + c.len_utf8();
    let figure = |c: char| c.is_ascii_digit() || super::numeral::zh_digit(c).is_some();
    if before.is_empty() {
        return char_at(text, e).is_some_and(figure).then_some((name, e));
    }
    // Back over the figure to the metal before it.
    let mut k = pos;
    while let Some(d) = char_before(text, k)
        && (figure(d) || d == '十')
    {
        k -= d.len_utf8();
    }
    (k < pos && char_before(text, k).is_some_and(|m| before.contains(&m))).then_some((name, e))
}

/// `碼` (`码`) at `j` as a quarter of a percentage point (`累计升息3.5碼`, `降息半码`): in a
/// clause that speaks of interest (`息`, `利率`), and not the word it opens (`碼頭`, a
/// wharf; `码数`, a size). Returns its end.
pub(crate) fn quarter_points(text: &str, j: usize) -> Option<usize> {
    let c = char_at(text, j).filter(|&c| matches!(c, '碼' | '码'))?;
    let e = j + c.len_utf8();
    if matches!(
        char_at(text, e),
        Some('头' | '頭' | '数' | '數' | '字' | '表' | '率' | '农' | '農' | '洋' | '子')
    ) {
        return None;
    }
    let mut from = j.saturating_sub(90);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..j];
    let clause = head
        .rfind(['。', '；', '\n', '！', '？', '，', ','])
        .map_or(head, |k| &head[k..]);
    (clause.contains('息') || clause.contains("利率")).then_some(e)
}

/// Whether the numeral ending at `pos` is one Chinese digit (`两`, `三`) and a Chinese
/// character follows the word ending at `e`: the shape of `兩度發出` (twice).
fn words_before_verb(text: &str, pos: usize, e: usize) -> bool {
    char_before(text, pos).is_some_and(|c| super::numeral::zh_digit(c).is_some_and(|d| d >= 2))
        && char_before(text, pos.saturating_sub(3)).is_none_or(|c| {
            super::numeral::zh_digit(c).is_none() && !matches!(c, '十' | '百' | '零')
        })
        && char_at(text, e).is_some_and(super::nonquant::is_cjk)
}

/// `GPU小时` after a number (`278.8万GPU小时`): an acronym `w` (ending at `we`) before a
/// Chinese unit measures in that unit (GPU-hours). Returns the unit and its end.
fn acronym_unit(text: &str, w: &str, we: usize) -> Option<(&'static str, usize)> {
    if !(2..=5).contains(&w.len()) || !w.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    unit_zh_at(text, we).map(|(_, u, e)| (u, e))
}

/// The digit of hundredths after `成` (`四成一` is 41%): a Chinese digit that ends the
/// phrase, not the start of a word (`七成一线城市` is 70% of first-tier cities).
fn hundredths(text: &str, e: usize) -> Option<u8> {
    // `三成半`: and a half (35%).
    let c = char_at(text, e)?;
    let d = if c == '半' {
        5
    } else if let Some(d) = c.to_digit(10).filter(|&d| d > 0) {
        // `約1成5`: a digit written in Arabic, alone (not `1成50`, `3成5G`).
        if text
            .as_bytes()
            .get(e + 1)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'%'))
        {
            return None;
        }
        d as u8
    } else {
        super::numeral::zh_digit(c).filter(|&d| d > 0)?
    };
    let next = char_at(text, e + c.len_utf8());
    let ends = next.is_none_or(|c| {
        !super::nonquant::is_cjk(c) || matches!(c, '的' | '左' | '以' | '上' | '下' | '多')
    });
    // `七成半患者`: `半` closes the figure before a noun too, unless it opens a word of its
    // own (`三成半年`, `半数`, `半导体`); a digit there (`四成一线城市`) may open the noun.
    let half_closes = c == '半'
        && !next.is_some_and(|n| {
            matches!(
                n,
                '年' | '月'
                    | '天'
                    | '日'
                    | '小'
                    | '个'
                    | '個'
                    | '数'
                    | '數'
                    | '价'
                    | '價'
                    | '岛'
                    | '島'
                    | '导'
                    | '導'
                    | '径'
                    | '徑'
                    | '场'
                    | '場'
                    | '夜'
                    | '身'
                    | '边'
                    | '邊'
                    | '程'
                    | '期'
                    | '成'
                    | '自'
                    | '决'
                    | '決'
            )
        });
    (ends || half_closes).then_some(d)
}

/// Nouns after a number word and a hyphen that make an idiom, not a count (`one-off`,
/// `two-way`, `one-time`, `double-digit` is no numeral at all).
const WORD_COMPOUNDS: &[&str] = &[
    "way",
    "time",
    "off",
    "sided",
    "tier",
    "digit",
    "faced",
    "dimensional",
    "horse",
    "handed",
    "liner",
    "thirds",
    "quarters",
    "halves",
    "fifths",
    "tenths",
];

/// What a bond's tenor names (`10-year Treasury yield`, `the 10-year gilt`): the tenor is
/// part of the instrument's name, not a span of time the prose measures.
const TENOR_OF: &[&str] = &[
    "Treasury",
    "Treasuries",
    "treasury",
    "bond",
    "bonds",
    "yield",
    "yields",
    "note",
    "notes",
    "gilt",
    "gilts",
    "bund",
    "bunds",
    "Bund",
    "JGB",
    "JGBs",
    "swap",
    "swaps",
    "government",
    "sovereign",
    "benchmark",
    "T-note",
    "paper",
    "bill",
    "bills",
];

/// A number joined to its noun by a hyphen (`650-seat`, `30-year`, `0.5-point`): a unit,
/// points, or the counted noun. `j` is at the hyphen.
fn hyphenated(text: &str, j: usize) -> (TailKind, Option<usize>) {
    // `787-9s`, `737-800s`: digits, a hyphen, digits and letters glued make a model's name.
    // (Not `100-200MW`, `1-2x`, `5-10s`: a range with its unit; nor `1990-2000s`.)
    let b = text.as_bytes();
    let digits = b[j + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    let first = b[..j]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if b.get(j) == Some(&b'-')
        && digits > 0
        && first == 3
        && b.get(j + 1 + digits).is_some_and(u8::is_ascii_alphabetic)
    {
        let (w, e) = word_at(text, j + 1 + digits);
        let unit = w != "s"
            && (latin_unit(w).is_some()
                || matches!(
                    w,
                    "x" | "X" | "k" | "K" | "m" | "M" | "bn" | "B" | "b" | "am" | "pm"
                )
                || match_after(text, j + 1 + digits, SCALE_EN).is_some());
        if !unit {
            return (TailKind::Name, Some(e));
        }
    }
    let (w, e) = word_at(text, j + 1);
    if text.as_bytes().get(j) == Some(&b'-') && w.len() >= 2 {
        if let Some((_, u, e)) = match_after(text, j + 1, UNIT_EN) {
            // `a 34-year-old man`, `18-year-olds`: an age, the years with `-old`.
            if u == "year" && text[e..].starts_with("-old") {
                let e = e + 4 + usize::from(text[e + 4..].starts_with('s'));
                return (TailKind::Unit(u), Some(e));
            }
            // `10-year Treasury yield`: the tenor of a bond names it.
            if matches!(u, "year" | "month" | "week") && text.as_bytes().get(e) == Some(&b' ') {
                let (next, _) = word_at(text, e + 1);
                if TENOR_OF.contains(&next) {
                    return (TailKind::Name, Some(e));
                }
            }
            return (TailKind::Unit(u), Some(e));
        }
        match w {
            "point" => return (TailKind::Points, Some(e)),
            "percent" => return (TailKind::Percent, Some(e)),
            // `a 0.25-percentage-point cut`
            "percentage" => {
                return match starts_with_word(text, e, "-point") {
                    Some(e) => (TailKind::Points, Some(e)),
                    None => (TailKind::Percent, Some(e)),
                };
            }
            _ => {}
        }
        let noun = w.len() >= 3
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && !NOT_MODIFIERS.contains(&w)
            && super::numeral::en_word(w).is_none()
            && !matches!(w, "odd" | "year" | "old" | "plus" | "ish");
        if noun {
            return (TailKind::Count(Cow::Owned(w.to_string())), Some(e));
        }
    }
    (TailKind::None, None)
}

/// `成` as tenths (`七成`, `近八成`), not the verb or the word it starts (`成为`, `一成不变`).
fn tenths(text: &str, j: usize) -> Option<usize> {
    if char_at(text, j) != Some('成') {
        return None;
    }
    let e = j + '成'.len_utf8();
    let word = char_at(text, e).is_some_and(|c| {
        matches!(
            c,
            '为' | '立'
                | '功'
                | '本'
                | '员'
                | '果'
                | '绩'
                | '就'
                | '长'
                | '熟'
                | '都'
                | '市'
                | '交'
                | '品'
                | '型'
                | '效'
                | '份'
                | '分'
                | '像'
                | '年'
                | '不'
                | '了'
                | '批'
                | '套'
                | '群'
        )
    });
    (!word).then_some(e)
}

/// The English unit at `j` (a letter): percent, points, times, fold, currency, unit, or a
/// counted noun.
fn unit_en(text: &str, pos: usize, j: usize, words: bool) -> (TailKind, Option<usize>) {
    let spaced = j > pos;
    for (w, k) in [
        ("percentage points", TailKind::Points),
        ("percentage point", TailKind::Points),
        ("per cent", TailKind::Percent),
        ("percent", TailKind::Percent),
        ("pct", TailKind::Percent),
        ("pp", TailKind::Points),
        // In prose about percentages, `points` are percentage points (`fell 1.6 points`).
        ("points", TailKind::Points),
        ("point", TailKind::Points),
        ("ppts", TailKind::Points),
        ("ppt", TailKind::Points),
        ("pts", TailKind::Points),
        ("basis points", TailKind::BasisPoints),
        ("basis point", TailKind::BasisPoints),
        ("bps", TailKind::BasisPoints),
        ("bp", TailKind::BasisPoints),
    ] {
        if let Some(e) = starts_with_word(text, j, w) {
            return (k, Some(e));
        }
    }
    if let Some(e) = starts_with_word(text, pos, "fold") {
        return (TailKind::Multiple, Some(e));
    }
    if !spaced {
        // `数十GWh`, `2万kW`: a Latin unit glued to a Chinese numeral or scale word.
        if pos > 0 && text.as_bytes()[pos - 1] >= 0x80 {
            let (w, we) = word_at(text, j);
            if let Some(u) = lexicon::counted_latin(w) {
                return (TailKind::Count(Cow::Borrowed(u)), Some(we));
            }
            if let Some(u) = latin_unit(w) {
                return (TailKind::Unit(u), Some(we));
            }
            if let Some((u, e)) = acronym_unit(text, w, we) {
                return (TailKind::Unit(u), Some(e));
            }
        }
        return (TailKind::None, None);
    }
    if let Some(e) = starts_with_word(text, j, "times") {
        return (TailKind::Multiple, Some(e));
    }
    if let Some((_, code, e)) = match_after(text, j, CURRENCY_AFTER_EN) {
        return (TailKind::Money(code), Some(e));
    }
    if let Some((_, code, e)) = match_after(text, j, SUBUNIT_AFTER) {
        return (TailKind::Subunit(code), Some(e));
    }
    if let Some((_, u, e)) = match_after(text, j, UNIT_EN) {
        return (TailKind::Unit(u), Some(e));
    }
    let (w, we) = word_at(text, j);
    if let Some(u) = lexicon::counted_latin(w) {
        return (TailKind::Count(Cow::Borrowed(u)), Some(we));
    }
    // `two more years`, `three additional months`: a unit after a word that adds to it.
    let (w, we) = word_at(text, j);
    if matches!(w, "more" | "additional" | "extra" | "further")
        && text.as_bytes().get(we) == Some(&b' ')
        && let Some((_, u, e)) = match_after(text, we + 1, UNIT_EN)
    {
        return (TailKind::Unit(u), Some(e));
    }
    // `5 GW`, `100 Mbps`: a unit of the Latin table after a space (two letters or more, so
    // that `5 m` and `5 s` stay words of prose). Lowercase units are short (`km`, `ms`), so
    // longer lowercase words, most words of prose, skip the table.
    let (w, we) = word_at(text, j);
    if w.len() >= 2
        && (w.len() <= 3 || w.bytes().any(|b| b.is_ascii_uppercase()))
        && let Some(u) = latin_unit(w)
    {
        return (TailKind::Unit(u), Some(we));
    }
    // `1.62 g/t`, `5 m/s`: a one-letter unit is one when a rate's `/` makes it so; grams
    // are one alone too (`weighs 232 g`), as no word of prose is a lone `g`.
    if w.len() == 1
        && (w == "g"
            || (text.as_bytes().get(we) == Some(&b'/') && per_unit(text, we + 1).is_some()))
        && let Some(u) = latin_unit(w)
    {
        return (TailKind::Unit(u), Some(we));
    }
    // `411 of the 650 seats`: a part of a counted whole counts the same things, and so
    // does `one of its three processing lines`. (Not `one of the 10 largest`: one of the
    // best or biggest is a rank, no count.)
    let one = words && (text[..pos].ends_with("one") || text[..pos].ends_with("One"));
    if j == pos + 1
        && let Some(noun) = part_of_whole(text, j)
        && !(one && superlative_whole(text, j))
    {
        return (TailKind::Count(Cow::Owned(noun.to_string())), Some(pos));
    }
    // `16 more jobs`, `two additional plants`: more of the things counted.
    let one_space = j == pos + 1;
    let (w, we) = word_at(text, j);
    let j = if matches!(w, "more" | "additional" | "extra" | "further")
        && text.as_bytes().get(we) == Some(&b' ')
    {
        we + 1
    } else {
        j
    };
    // A counted English noun right after the number (`1,000 companies`, `2,048 GPUs`), or
    // after one or two modifiers (`149 foundation models`).
    if one_space
        // After a number word, fewer modifiers: `One public web crawl holds` is no count.
        && let Some((noun, e)) = counted_noun(text, j, if words { 2 } else { 3 })
    {
        // `the 430,000 analysts had expected`: the noun is the subject of a clause that
        // says whose figure it is, not what it counts.
        if relative_subject(text, e) {
            return (TailKind::None, None);
        }
        return (TailKind::Count(Cow::Owned(noun.to_string())), Some(e));
    }
    // `16,930 were stand-alone houses`, `12 are women`: the figure is the subject of a
    // copula whose complement names what it counts.
    if one_space
        && !words
        && matches!(w, "were" | "are")
        && text.as_bytes().get(we) == Some(&b' ')
        && let Some((noun, _)) = counted_noun(text, we + 1, 2)
    {
        return (TailKind::Count(Cow::Owned(noun.to_string())), Some(pos));
    }
    (TailKind::None, None)
}

/// Verbs of expecting that close a relative clause after its subject (`the 430,000 analysts
/// had expected`, `the 2.1% economists forecast`).
const EXPECTING_VERBS: &[&str] = &[
    "expected",
    "forecast",
    "forecasted",
    "predicted",
    "anticipated",
    "estimated",
    "projected",
    "expect",
    "predict",
    "anticipate",
    "estimate",
    "project",
];

/// Whether the words from `e` on are an auxiliary (maybe) and a verb of expecting that ends
/// its clause: then the noun before `e` is the subject of a relative clause.
fn relative_subject(text: &str, e: usize) -> bool {
    let Some(mut rest) = text[e..].strip_prefix(' ') else {
        return false;
    };
    for aux in [
        "had ",
        "have ",
        "has ",
        "were ",
        "are ",
        "had been ",
        "had widely ",
    ] {
        if let Some(r) = rest.strip_prefix(aux) {
            rest = r;
            break;
        }
    }
    for adv in ["widely ", "on average ", "collectively ", "broadly "] {
        if let Some(r) = rest.strip_prefix(adv) {
            rest = r;
            break;
        }
    }
    let (verb, ve) = word_at(rest, 0);
    if !EXPECTING_VERBS.contains(&verb) {
        return false;
    }
    let after = &rest[ve..];
    after.is_empty()
        || after.starts_with([',', '.', ';', ')', ':', '\n'])
        || [
            " and ",
            " but ",
            " while ",
            " as ",
            " for ",
            " in ",
            " on ",
            " according ",
        ]
        .iter()
        .any(|w| after.starts_with(w))
}

/// `of the 650 seats` at `j`: `of`, maybe a determiner, a figure in digits and the noun it
/// counts. Returns the noun.
fn part_of_whole(text: &str, j: usize) -> Option<&str> {
    let mut at = starts_with_word(text, j, "of ")?;
    for det in [
        "the ", "its ", "their ", "all ", "her ", "his ", "our ", "these ", "those ", "my ",
        "your ",
    ] {
        if let Some(e) = starts_with_word(text, at, det) {
            at = e;
            break;
        }
    }
    // `8 of their last 10 games`: the last or first of them.
    for adj in ["last ", "first ", "past ", "next "] {
        if let Some(e) = starts_with_word(text, at, adj) {
            at = e;
            break;
        }
    }
    let q = super::numeral::arabic(text, at).or_else(|| super::numeral::english(text, at))?;
    if text.as_bytes().get(q.end) != Some(&b' ') {
        return None;
    }
    counted_noun(text, q.end + 1, 1).map(|(noun, _)| noun)
}

/// Whether the whole after `of` at `j` is picked by a superlative (`of the 10 largest
/// banks`, `of the most visited`, `of the top 20`): within its first five words.
fn superlative_whole(text: &str, j: usize) -> bool {
    text[j..]
        .split(' ')
        .take(5)
        .map(|w| w.trim_end_matches(|c: char| !c.is_ascii_alphabetic()))
        .any(|w| {
            matches!(w, "most" | "top" | "least" | "leading" | "best" | "worst")
                || (w.len() >= 5 && w.ends_with("est") && !w.ends_with("interest"))
        })
}

/// A figure and the things it counts after a number word (`fewer than two 25 bps cuts`,
/// `three $1bn deals`): the number word counts the same things. `end` is the word's end;
/// returns the noun.
pub(crate) fn counted_past_figure(text: &str, end: usize) -> Option<&str> {
    let b = text.as_bytes();
    if b.get(end) != Some(&b' ') {
        return None;
    }
    let mut k = end + 1;
    if !b
        .get(k)
        .is_some_and(|&c| c.is_ascii_digit() || matches!(c, b'$'))
        && !text[k..].starts_with(['£', '€'])
    {
        return None;
    }
    while k < b.len()
        && (b[k].is_ascii_alphanumeric()
            || matches!(b[k], b'.' | b',' | b'%' | b'$' | b'-')
            || text[k..].starts_with(['£', '€']))
    {
        k += char_at(text, k).map_or(1, char::len_utf8);
    }
    if b.get(k) != Some(&b' ') {
        return None;
    }
    counted_noun(text, k + 1, 1).map(|(noun, _)| noun)
}

/// A counted English noun at `j`, maybe after up to `modifiers` modifiers (`149 foundation
/// models`, `16,384 H100 GPUs`, `51 notable machine learning models`): the noun and its end.
fn counted_noun(text: &str, j: usize, modifiers: usize) -> Option<(&str, usize)> {
    let b = text.as_bytes();
    let mut at = j;
    let mut plain = 0;
    // A brand and its model (`14 Boeing 737 MAX 9 jets`) modify the noun too; they take no
    // share of the `modifiers` of prose, but a phrase of more than six words is no count.
    let mut after_brand = false;
    let mut prev_word = "";
    for _ in 0..6 {
        let (w, e) = word_at(text, at);
        if is_plural_noun(w) || capital_plural(w) {
            return Some((w, e));
        }
        // `14 break points`, `three match points`: points of a game, counted (not the
        // percentage points that `points` alone is).
        if w == "points" && matches!(prev_word, "break" | "match" | "set" | "game" | "bonus") {
            return Some((w, e));
        }
        prev_word = w;
        // `roughly 2.2 million two years ago`: a number word starts a figure of its own.
        if super::numeral::en_word(w).is_some() {
            return None;
        }
        // `737` after `Boeing`, `9` after `MAX`: the digits of a model's name.
        if w.is_empty() && after_brand && b.get(at).is_some_and(u8::is_ascii_digit) {
            let mut t = at;
            while b
                .get(t)
                .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'-')
            {
                t += 1;
            }
            if b.get(t) != Some(&b' ') {
                return None;
            }
            at = t + 1;
            continue;
        }
        // `787-9s`, `A350s`: a model's name in the plural counts aircraft or machines.
        if w.is_empty() || w.bytes().next().is_some_and(|c| c.is_ascii_uppercase()) {
            let mut t = at;
            while b
                .get(t)
                .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'-')
            {
                t += 1;
            }
            let token = &text[at..t];
            if token.len() >= 3
                && token.ends_with('s')
                && token.bytes().any(|c| c.is_ascii_digit())
                && !token.ends_with("0s")
            {
                return Some((token, t));
            }
        }
        // A model or product name (`H100`, `A100`) or an acronym (`AI`) modifies the noun.
        let mut t = e;
        while b.get(t).is_some_and(u8::is_ascii_alphanumeric) {
            t += 1;
        }
        // `first-time voters`, `low-income households`: a hyphenated modifier.
        let mut hyphenated = false;
        while t == e && b.get(t) == Some(&b'-') && b.get(t + 1).is_some_and(u8::is_ascii_lowercase)
        {
            let (_, e2) = word_at(text, t + 1);
            t = e2;
            hyphenated = true;
        }
        // `S&P` of `S&P 500`.
        while b.get(t) == Some(&b'&') && b.get(t + 1).is_some_and(u8::is_ascii_uppercase) {
            t += 2;
            while b.get(t).is_some_and(u8::is_ascii_alphanumeric) {
                t += 1;
            }
        }
        let token = &text[at..t];
        let capital = token.bytes().next().is_some_and(|c| c.is_ascii_uppercase());
        // An acronym (`AI`, `S&P`) or a model (`H100`, `A321neo`).
        let named = token.len() >= 2
            && capital
            && (token
                .bytes()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'&')
                || token.bytes().any(|c| c.is_ascii_digit()));
        // A brand before its model number (`Boeing 737`, `Airbus A350`).
        let brand = capital
            && !named
            && t == e
            && b.get(t) == Some(&b' ')
            && b.get(t + 1)
                .is_some_and(|&c| c.is_ascii_digit() || c.is_ascii_uppercase())
            && !super::nonquant::is_common_capital(w);
        // `11 S&P 500 sectors`, `the FTSE 100 companies`: an index name with its number.
        if named && b.get(t) == Some(&b' ') && b.get(t + 1).is_some_and(u8::is_ascii_digit) {
            let mut d = t + 1;
            while b.get(d).is_some_and(u8::is_ascii_digit) {
                d += 1;
            }
            if b.get(d) == Some(&b' ') {
                t = d;
            }
        }
        let prose = w.len() >= 3
            && (t == e || hyphenated)
            && w.bytes().all(|c| c.is_ascii_lowercase())
            && !NOT_MODIFIERS.contains(&w);
        // `19 Test matches`, `5 Chinese carmakers`: a capitalised word of prose modifies the
        // noun as a lowercase one does.
        let capitalised = w.len() >= 3
            && t == e
            && !brand
            && w.as_bytes()[0].is_ascii_uppercase()
            && w.bytes().skip(1).all(|c| c.is_ascii_lowercase())
            && !super::nonquant::is_common_capital(w);
        let prose = prose || capitalised;
        if prose {
            plain += 1;
        }
        let modifier = (prose && plain <= modifiers) || named || brand;
        if !modifier || b.get(t) != Some(&b' ') {
            return None;
        }
        after_brand = named || brand;
        at = t + 1;
    }
    None
}

/// Verbs between a subject that names a count and its figure (`the number of rigs rose
/// to 510`).
const SUBJECT_VERBS: &[&str] = &[
    "rose",
    "fell",
    "dropped",
    "increased",
    "decreased",
    "declined",
    "climbed",
    "jumped",
    "grew",
    "slipped",
    "surged",
    "plunged",
    "tumbled",
    "slumped",
    "soared",
    "shrank",
    "dipped",
    "reached",
    "totalled",
    "totaled",
    "numbered",
    "hit",
    "was",
    "were",
    "stood",
    "came",
    "added",
    "lost",
    "shed",
    "gained",
    "changed",
    "unchanged",
    "held",
    "remained",
    "steady",
    "hovered",
    "edged",
];

/// Adjectives that name people after `the number of` (`the number of long-term unemployed`).
const PEOPLE_ADJECTIVES: &[&str] = &[
    "unemployed",
    "employed",
    "jobless",
    "homeless",
    "insured",
    "uninsured",
    "elderly",
    "dead",
    "injured",
    "missing",
    "displaced",
    "wounded",
    "poor",
];

/// Plural nouns that name a measure rather than things counted (`prices rose by 3`).
const NOT_COUNTED: &[&str] = &[
    "prices",
    "shares",
    "yields",
    "rates",
    "sales",
    "exports",
    "imports",
    "earnings",
    "revenues",
    "profits",
    "costs",
    "stocks",
    "futures",
    "bonds",
    "markets",
    "wages",
    "rents",
    "assets",
    "reserves",
    "deposits",
    "loans",
    "savings",
    "returns",
    "volumes",
    "margins",
    "points",
    "temperatures",
    "levels",
    "readings",
    "scores",
    "ratings",
    "odds",
    "spreads",
    "premiums",
    "values",
    "numbers",
    "figures",
    "estimates",
    "totals",
    "emissions",
    "balances",
    "bills",
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "times",
    "terms",
];

/// The things a bare figure counts when its clause names their number as the subject of a
/// verb of change or level before it (`the number of payrolled employees fell by an
/// estimated 41,000`), as `人数为` does in Chinese. A plural subject alone names the things,
/// not their number (`vacancies fell to 889,000` stays a number). `k` is where the figure
/// (with its hedge) starts.
pub(crate) fn counted_subject(text: &str, k: usize) -> Option<&str> {
    let b = text.as_bytes();
    if k < 2 || b[k - 1] != b' ' || !b[k - 2].is_ascii_alphabetic() {
        return None;
    }
    let mut h = &text[..k - 1];
    for filler in [
        "an estimated",
        "a further",
        "an additional",
        "another",
        "a net",
    ] {
        if let Some(st) = ends_with_word(text, h.len(), filler) {
            h = text[..st].trim_end_matches(' ');
            break;
        }
    }
    for prep in ["by", "to", "at"] {
        if let Some(st) = ends_with_word(text, h.len(), prep) {
            h = text[..st].trim_end_matches(' ');
            break;
        }
    }
    let verb = h.rsplit(' ').next().unwrap_or("");
    if !SUBJECT_VERBS.contains(&verb) {
        return None;
    }
    h = h[..h.len() - verb.len()].trim_end_matches(' ');
    // `the number of X …`: in the same clause, at most 120 bytes back.
    let mut from = h.len().saturating_sub(120);
    while !h.is_char_boundary(from) {
        from += 1;
    }
    let clause = &h[from..];
    // A sentence ends at `. ` before a capital (not the dot of `U.S.`).
    let sentence = clause
        .rmatch_indices(". ")
        .filter(|(c, _)| {
            clause
                .as_bytes()
                .get(c + 2)
                .is_some_and(u8::is_ascii_uppercase)
        })
        .map(|(c, _)| c + 2)
        .next();
    let clause_at = clause
        .rfind([',', ';', ':', '(', '\n'])
        .map(|c| c + 1)
        .max(sentence)
        .map_or(from, |c| from + c);
    let clause = &h[clause_at..];
    let at = clause.find("umber of ")?;
    if at == 0 || !matches!(clause.as_bytes()[at - 1], b'n' | b'N') {
        return None;
    }
    let mut j = clause_at + at + "umber of ".len();
    for _ in 0..4 {
        let (w, e) = word_at(text, j);
        if w.is_empty() {
            return None;
        }
        if is_plural_noun(w) && !NOT_COUNTED.contains(&w) {
            return Some(w);
        }
        // `the number of long-term unemployed`: an adjective naming people, as the noun
        // (not `the number of unemployed people`, whose noun follows).
        let noun_next = b.get(e) == Some(&b' ') && is_plural_noun(word_at(text, e + 1).0);
        if PEOPLE_ADJECTIVES.contains(&w) && !noun_next {
            return Some(w);
        }
        // `AI-related regulations`: past a hyphenated modifier.
        let mut t = e;
        while matches!(b.get(t), Some(b'-')) {
            t = word_at(text, t + 1).1;
        }
        if b.get(t) != Some(&b' ') {
            return None;
        }
        j = t + 1;
    }
    None
}

/// Words that end the search for a counted noun: the number is not theirs to count.
const NOT_MODIFIERS: &[&str] = &[
    "the", "and", "for", "from", "with", "than", "more", "less", "into", "over", "under", "was",
    "were", "are", "had", "has", "have", "not", "but", "that", "this", "which", "who", "per",
    "out", "off", "all", "its", "their", "our", "your", "his", "her", "year", "years", "such",
    "while", "since", "when", "where", "after", "before", "during",
];

/// Plural nouns without a final s, or the same in both numbers (`two A321neo aircraft`).
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "staff",
    "aircraft",
    "spacecraft",
    "personnel",
    "cattle",
    "sheep",
    "livestock",
    "women",
    "men",
    "crew",
    "police",
];

/// A capitalised plural noun after a number (`four other Oscars`, `two Americans`): not
/// the words of a company's name or a common capital.
fn capital_plural(w: &str) -> bool {
    w.len() >= 4
        && w.as_bytes()[0].is_ascii_uppercase()
        && w.bytes().skip(1).all(|c| c.is_ascii_lowercase())
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !super::nonquant::is_common_capital(w)
        && !matches!(
            w,
            "Series"
                | "News"
                | "Times"
                | "Games"
                | "Nations"
                | "States"
                | "Airlines"
                | "Motors"
                | "Industries"
                | "Holdings"
                | "Systems"
                | "Resources"
                | "Communications"
                | "Sports"
                | "Sciences"
                | "Works"
                | "Olympics"
                | "Paralympics"
                | "Islands"
                | "Emirates"
                | "Philippines"
                | "Netherlands"
                | "Wales"
                | "Kings"
                | "Jets"
        )
}

pub(crate) fn is_plural_noun(w: &str) -> bool {
    let lower = w.len() >= 3
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && (w.ends_with('s') || IRREGULAR_PLURALS.contains(&w))
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !NOT_NOUNS.contains(&w);
    // `GPUs`, `LLMs`: capitals and a plural s.
    let acronym = w.len() >= 3
        && w.ends_with('s')
        && w[..w.len() - 1].bytes().all(|b| b.is_ascii_uppercase());
    lower || acronym
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::numeral::arabic;

    fn tail_of(s: &str) -> Tail {
        let p = arabic(s, 0).expect("digits");
        tail(s, &p, false)
    }

    #[test]
    fn tails() {
        assert_eq!(tail_of("1892 亿美元").kind, TailKind::Money("USD"));
        assert_eq!(tail_of("1892 亿美元").scale, 1e8);
        assert_eq!(tail_of("5 千米").kind, TailKind::Unit("km"));
        assert_eq!(tail_of("5 千米").scale, 1.0);
        assert_eq!(tail_of("3 个百分点").kind, TailKind::Points);
        assert_eq!(tail_of("10多个").kind, TailKind::Count("个".into()));
        assert_eq!(tail_of("10多个").hedge.map(|h| h.0), Some(Hedge::Over));
        assert_eq!(tail_of("5G").kind, TailKind::Name);
        assert_eq!(tail_of("2.5x").kind, TailKind::Multiple);
        assert_eq!(tail_of("12 models").kind, TailKind::Count("models".into()));
        assert_eq!(tail_of("12 is").kind, TailKind::None);
    }

    #[test]
    fn hedges_before() {
        let t = "大约 5";
        assert_eq!(
            pre(t, t.len() - 1).hedge.map(|h| h.0),
            Some(Hedge::Approximately)
        );
        let t = "最近 5";
        assert_eq!(pre(t, t.len() - 1).hedge, None);
        let t = "handsome 5";
        assert_eq!(pre(t, t.len() - 1).hedge, None);
        let t = "US$ 5";
        assert_eq!(pre(t, t.len() - 1).currency.map(|c| c.0), Some("USD"));
    }
}
