//! Change frames shared by the relation checks: a sentence's quantities in, the pairs of
//! figures a change runs between and the results attached to them out.
//!
//! A frame is two adjacent figures of one measure joined by the words of a change:
//! `从 A 增至 B`, `由 A 降到 B`, `from A to B`, `to B from A`, `A → B`. A result (a rate, a
//! number of points, a multiple, a fraction) belongs to a frame when it is the next figure
//! after it, or the figure right before it, with at most one clause break between. The
//! level-and-change frame of statistics releases (`L，比上年增加 C，增长 N%`,
//! `up $C or N%`, `rose $C to $L`) is found here too. Checks use these frames only where
//! the older, narrower frames found nothing.

use std::sync::LazyLock;

use regex::Regex;

use super::sentence::{
    clause_breaks, has_clause_break, same_measure, same_or_elided, strip_suffix, strip_words,
};
use crate::extract::{Kind, Mention};
use crate::source::Span;

/// `to B from A`: what stands between B and A.
static EN_FROM_AFTER_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:in|a|at|per|the|this|last|during)\s+(?:[A-Za-z0-9_'’\-]+\s+){1,4})?from\s+(?:[A-Za-z0-9_'’]+\s+){0,2}$")
        .expect("static regex")
});

/// `to B`: the end of the text before B in `to B from A`, hedges allowed.
static EN_TO_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bto\s+(?:(?:the|about|around|roughly|nearly|some)\s+)*$").expect("static regex")
});

/// `from A to B`: between A and B; after `to`, an article, a hedge or a record's words
/// (`to a record`, `to a new high of`).
static EN_TO_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[A-Za-z0-9_'’]+\s+){0,3}(?:to|→|->)\s+(?:(?:the|a|an|record|new|all-time|high|low|of|about|around|roughly|nearly|almost|some)\s+){0,4}$").expect("static regex")
});

/// `from A`: the end of the text before A, hedges allowed.
static EN_FROM_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bfrom\s+(?:(?:the|its|their|a|an|about|around|roughly|nearly|some)\s+)*(?:(?:[A-Za-z0-9\-]+\s+){0,3}(?:high|low|peak|level|record|total|average|close)\s+of\s+(?:(?:about|around|roughly|nearly|some)\s+)?)?$").expect("static regex")
});

/// `从 A … 增至 B`: whether `gap` (between A and B, with no clause break) holds `到` or `至`
/// after at most a few words (a verb of change, a year), with a few words allowed after it: a year (`至 2023 年的`), a short
/// phrase ending in `的`, or a unit of reference (`至每瓦`). Written by hand: a regex with
/// counted Unicode classes costs more to build than the whole check costs to run.
fn zh_to_between(gap: &str) -> bool {
    let g = gap.trim();
    let Some(at) = g.rfind(['到', '至']) else {
        return false;
    };
    let head = &g[..at];
    let tail = g[at + '到'.len_utf8()..].trim();
    let head_ok = head.chars().count() <= 20;
    let tail_ok = tail.is_empty()
        || is_year_of(tail)
        || (tail.ends_with('的')
            && tail.chars().count() <= 7
            && !tail.chars().any(|c| c.is_ascii_digit()))
        || (tail.starts_with('每') && (2..=4).contains(&tail.chars().count()));
    head_ok && tail_ok
}

/// `2023 年的`, `2022 年底`, `2021年末的`: a year and the words that make it a date.
fn is_year_of(tail: &str) -> bool {
    let t = tail.strip_suffix('的').unwrap_or(tail).trim_end();
    let t = t.strip_suffix(['底', '末']).unwrap_or(t).trim_end();
    let Some(t) = t.strip_suffix('年') else {
        return false;
    };
    let t = t.trim();
    t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && (t.starts_with("19") || t.starts_with("20"))
}

/// Words before a rate that make it a rate of something else than the frame's change: an
/// annual average, a real or constant-currency rate, an organic rate, a forecast.
const OTHER_RATES: &[&str] = &[
    "年均",
    "平均每年",
    "年复合",
    "复合",
    "每年",
    "实际",
    "可比",
    "扣除",
    "不变价",
    "预计",
    "compound",
    "annual",
    "annually",
    "per year",
    "real",
    "constant",
    "organic",
    "adjusted",
    "expects",
    "forecast",
];

/// Whether the words right before a result (back to its clause start) make it a rate of
/// something else.
pub(super) fn other_rate(lead: &str) -> bool {
    let clause = lead
        .rfind(['，', '；', ',', ';', '：', ':'])
        .map_or(lead, |at| &lead[at..]);
    OTHER_RATES.iter().any(|w| clause.contains(w))
}

/// Whether the words right after a rate make it a yearly rate (`8% a year`, `每年`), not
/// the change between two figures; `a year earlier` and `a year ago` name a base instead.
pub(super) fn per_year_after(masked: &str, n: &Mention) -> bool {
    let after = masked[n.span.end..].trim_start();
    let yearly = [
        "a year",
        "per year",
        "annually",
        "each year",
        "every year",
        "每年",
    ]
    .iter()
    .any(|w| after.starts_with(w));
    yearly
        && ![
            "a year earlier",
            "a year ago",
            "a year before",
            "a year prior",
        ]
        .iter()
        .any(|w| after.starts_with(w))
}

/// Words right after a rate that make it a rate of something else than the change between
/// two stated levels: a real (inflation-adjusted), constant-price or constant-currency rate,
/// a like-for-like or organic rate, a volume rate (`pay rose 4.1% in real terms, to £37,430
/// from £34,960`: the levels are nominal, so the rate says nothing checkable about them).
const OTHER_RATES_AFTER: &[&str] = &[
    "in real terms",
    "in real term",
    "after inflation",
    "adjusted for inflation",
    "once inflation",
    "inflation-adjusted",
    "in inflation-adjusted terms",
    "at constant prices",
    "in constant prices",
    "at constant currency",
    "at constant exchange rates",
    "in constant currency",
    "on a constant-currency basis",
    "on a constant currency basis",
    "on a like-for-like basis",
    "like-for-like",
    "on an organic basis",
    "organically",
    "on a comparable basis",
    "in volume terms",
    "by volume",
];

/// Whether the words right after a rate (past a comma) make it a rate of something else.
pub(super) fn other_rate_after(masked: &str, n: &Mention) -> bool {
    let after = masked[n.span.end..].trim_start();
    let after = after
        .strip_prefix([',', '，'])
        .map_or(after, str::trim_start);
    let head: String = after.chars().take(40).collect::<String>().to_lowercase();
    OTHER_RATES_AFTER.iter().any(|w| head.starts_with(w))
}

/// The quoted stretches of a sentence, from an opening mark (`“`, `「`, `『`, `"`) to its
/// closing one or the sentence's end, found in one pass over its bytes. A quoted figure
/// belongs to the person quoted, and is not checked.
pub(super) fn quotations(masked: &str, sentence: Span) -> Vec<Span> {
    let bytes = &masked.as_bytes()[sentence.range()];
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut k = 0;
    while k < bytes.len() {
        let b = bytes[k];
        let (opens, closes, len) = match b {
            b'"' => (open.is_none(), open.is_some(), 1),
            0xE2 | 0xE3 if bytes.get(k + 1) == Some(&0x80) => match (b, bytes.get(k + 2)) {
                (0xE2, Some(0x9C)) | (0xE3, Some(0x8C | 0x8E)) => (open.is_none(), false, 3),
                (0xE2, Some(0x9D)) | (0xE3, Some(0x8D | 0x8F)) => (false, open.is_some(), 3),
                _ => (false, false, 1),
            },
            _ => (false, false, 1),
        };
        if opens {
            open = Some(sentence.start + k);
        } else if closes && let Some(start) = open.take() {
            out.push(Span::new(start, sentence.start + k + len));
        }
        k += len;
    }
    if let Some(start) = open {
        out.push(Span::new(start, sentence.end));
    }
    out
}

/// Whether byte `pos` lies in one of `quotes`.
pub(super) fn quoted(quotes: &[Span], pos: usize) -> bool {
    quotes.iter().any(|q| q.start <= pos && pos < q.end)
}

/// A change between two figures of one measure: its start `a` and end `b`, as indices into
/// the sentence's quantities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FromTo {
    pub a: usize,
    pub b: usize,
}

impl FromTo {
    fn first(self) -> usize {
        self.a.min(self.b)
    }

    fn last(self) -> usize {
        self.a.max(self.b)
    }
}

/// The from–to frames of a sentence, in order.
pub(super) fn from_to(masked: &str, sentence: Span, qs: &[&Mention]) -> Vec<FromTo> {
    let mut out = Vec::new();
    for i in 0..qs.len().saturating_sub(1) {
        let (x, y) = (qs[i], qs[i + 1]);
        let gap = &masked[x.span.end..y.span.start];
        let bare_up_from = x.kind == Kind::Number
            && y.kind == Kind::Number
            && x.unit.is_none()
            && y.unit.is_none()
            && up_from(gap);
        if !same_or_elided(x, y) && !bare_pair(x, y) && !dated_bare_pair(x, y, gap) && !bare_up_from
        {
            continue;
        }
        let floor = i.checked_sub(1).map_or(sentence.start, |p| qs[p].span.end);
        let before = &masked[floor..x.span.start];
        if gap.contains('→') || gap.contains("->") {
            if !has_clause_break(gap) {
                out.push(FromTo { a: i, b: i + 1 });
            }
            continue;
        }
        // `B this season, up from A`: B's clause, then `up from` naming its start.
        if up_from(gap) {
            out.push(FromTo { a: i + 1, b: i });
            continue;
        }
        if has_clause_break(gap) {
            continue;
        }
        // `从 A 增至 B`, `from A to B`.
        let zh_from = before
            .rfind(['从', '從', '由'])
            .is_some_and(|at| !has_clause_break(&before[at..]));
        if zh_from && zh_to_between(gap) {
            out.push(FromTo { a: i, b: i + 1 });
            continue;
        }
        if !before.ends_with(' ') {
            continue;
        }
        if EN_FROM_BEFORE.is_match(before) && EN_TO_BETWEEN.is_match(gap) {
            out.push(FromTo { a: i, b: i + 1 });
            continue;
        }
        // `to B from A`.
        if EN_TO_BEFORE.is_match(before) && EN_FROM_AFTER_TO.is_match(gap) {
            out.push(FromTo { a: i + 1, b: i });
        }
    }
    out
}

/// `B, up from A`, `B this season, down from A`: between B and A, at most a short phrase of
/// time closing B's clause, a comma, and `up from` or `down from`. Written by hand: it is
/// asked of every pair of figures.
fn up_from(gap: &str) -> bool {
    let g = gap.trim();
    let Some(head) = ["up from", "down from"]
        .iter()
        .find_map(|w| g.strip_suffix(w))
    else {
        return false;
    };
    let Some(head) = head.trim_end().strip_suffix(',') else {
        return false;
    };
    head.split_whitespace().count() <= 3
        && head
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-')
}

/// Two bare counts in a from–to frame (`from 262,000 to 231,000`): the frame says they
/// measure the same thing.
fn bare_pair(x: &Mention, y: &Mention) -> bool {
    x.kind == Kind::Number && y.kind == Kind::Number && x.value >= 100.0 && y.value >= 100.0
}

/// Two bare counts of any size with a year after the first (`from 20 in 2023 to 59`): the
/// year makes them the figures of two dates, not the ends of a range (`from 18 to 65`).
fn dated_bare_pair(x: &Mention, y: &Mention, gap: &str) -> bool {
    if x.kind != Kind::Number || y.kind != Kind::Number || x.unit.is_some() || y.unit.is_some() {
        return false;
    }
    let Some(rest) = gap.trim_start().strip_prefix("in ") else {
        return false;
    };
    let rest = rest.trim_start();
    rest.len() > 4
        && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && (rest.starts_with("19") || rest.starts_with("20"))
        && rest[4..].trim() == "to"
}

/// What may stand between a frame and a result after it, once the direction word is
/// removed: `，增幅`, `, up`, `，同比`, `, a`, ` (`.
static AFTER_FRAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:in\s+[0-9]{4}\s*|[0-9]{4}\s*年\s*|(?:last|this|the\s+previous|the\s+prior)\s+(?:year|quarter|month|week|season)\s*|a\s+year\s+(?:earlier|ago|before)\s*)?[，,(（|]?\s*(?:即|同比|环比|累计|总共|共|整体|相对|实现|名义|仅|只|则|也|an?|or|which\s+is|for|or\s+an?)?\s*$",
    )
    .expect("static regex")
});

/// Words that may close a frame before the clause break: `in June,`, `a year earlier,`.
static TIME_PHRASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[A-Za-z0-9]+\s*){0,6}[,，]$").expect("static regex"));

/// Whether `head` (up to and with a clause break) is a short phrase closing a frame: a few
/// English words, or up to four characters with no digit (`（上年同期）`).
fn time_phrase(head: &str) -> bool {
    if TIME_PHRASE.is_match(head) {
        return true;
    }
    let Some(body) = head.trim_start().strip_suffix([',', '，']) else {
        return false;
    };
    body.chars().count() <= 4
        && !body
            .chars()
            .any(|c| c.is_ascii_digit() || "，,。；;".contains(c))
}

/// Whether `m` is a length of time (`four years`, `八年`): a figure of a time phrase, not a
/// figure of the relation.
pub(super) fn is_duration(m: &Mention) -> bool {
    m.kind == Kind::Quantity
        && m.unit
            .as_deref()
            .is_some_and(|u| super::DURATIONS.contains(&u))
}

/// `tail` without a span of time at its head (`，八年间`, `，五年来`, `，此间`), which says
/// over how long the frame's change ran and leaves the result with the frame.
fn after_time_span(tail: &str) -> &str {
    let t = tail
        .trim_start()
        .trim_start_matches([',', '，'])
        .trim_start();
    for w in ["期间", "期間", "此间", "此間", "同期"] {
        if let Some(rest) = t.strip_prefix(w) {
            return rest;
        }
    }
    let count = t
        .find(|c: char| {
            !(c.is_ascii_digit() || c == ' ' || "一二两兩三四五六七八九十几幾".contains(c))
        })
        .unwrap_or(t.len());
    if count == 0 {
        return tail;
    }
    let rest = &t[count..];
    let Some(rest) = ["年", "个月", "個月", "季度", "个季度"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
    else {
        return tail;
    };
    ["间", "間", "来", "來", "中", "里", "內", "内"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(tail)
}

/// Whether `head` (up to and with a clause break) is empty or a short phrase of time or of
/// the base's period (`of a year earlier,`, `（上年同期）`).
pub(super) fn time_phrase_words(head: &str) -> bool {
    let h = head.trim();
    h.len() <= 1 || time_phrase(head)
}

/// What may stand between a result and the frame after it: `，由`, `, from`, ` to`,
/// ` drop to`.
static BEFORE_FRAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:(?:gain|increase|rise|jump|drop|decline|fall|decrease|reduction|cut|slide)s?\s+)?(?:(?:in|over|within)\s+(?:[A-Za-z0-9\-]+\s+){0,2}[A-Za-z0-9\-]+\s*)?[，,]?\s*(?:从|從|由|from|to|至|到)?\s*(?:the\s+)?$",
    )
    .expect("static regex")
});

/// The frame that the result `qs[k]` states the change of, if any: the result is the next
/// figure after the frame with nothing but a clause break and a direction between
/// (`residual` is the text before the direction word, `None` when the direction follows
/// the number), or the figure right before the frame (`同比增长 41%，由 A 增至 B`).
pub(super) fn attached(
    masked: &str,
    qs: &[&Mention],
    frames: &[FromTo],
    k: usize,
    residual: Option<&str>,
) -> Option<FromTo> {
    let n = qs[k];
    frames.iter().copied().find(|f| {
        if f.a == k || f.b == k {
            return false;
        }
        // Another result of the same frame may stand between: `降幅 75%，仅为原来的四分之一`;
        // so may a duration of a time phrase (`from 41.0% four years earlier, a drop of`).
        let results_between = f.last() < k
            && qs[f.last() + 1..k].iter().all(|q| {
                matches!(
                    q.kind,
                    Kind::Percent | Kind::Points | Kind::Multiple | Kind::Fraction
                ) || is_duration(q)
            })
            && k - f.last() <= 3;
        if f.last() + 1 == k || results_between {
            let durations = qs[f.last() + 1..k].iter().any(|q| is_duration(q));
            let gap = match residual {
                // Read the time phrase whole: from the frame to the direction word.
                Some(r) if durations => {
                    let end = r.as_ptr() as usize - masked.as_ptr() as usize + r.len();
                    masked.get(qs[f.last()].span.end..end).unwrap_or(r)
                }
                Some(r) => r,
                None => &masked[qs[f.last()].span.end..n.span.start],
            };
            let gap = gap.trim_end().trim_end_matches(['+', '-', '−']);
            // A short time phrase may close the frame before the break: `in June`,
            // `a year earlier`.
            let tail = match clause_breaks(gap).collect::<Vec<_>>().as_slice() {
                [] => gap,
                [at] if time_phrase(&gap[..*at]) => &gap[*at..],
                _ => return false,
            };
            return AFTER_FRAME.is_match(tail) || AFTER_FRAME.is_match(after_time_span(tail));
        }
        // A span of time may stand between: `halved in seven years, from A to B`.
        if k + 1 == f.first() || (k + 2 == f.first() && is_duration(qs[k + 1])) {
            let gap = &masked[n.span.end..qs[f.first()].span.start];
            // `rose 1.2% in real terms to B from A`: a rate of something else.
            return BEFORE_FRAME.is_match(gap) && !other_rate(gap);
        }
        false
    })
}

/// Which earlier period a base or a rate refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
// `PeriodBefore` is the name the checks have always used for the period just before.
#[allow(clippy::enum_variant_names)]
pub(super) enum Period {
    /// The same period a year before: `上年同期`, `去年`, `同比`, `年增`.
    YearBefore,
    /// The period just before: `上季度`, `上月`, `环比`, `季增`.
    PeriodBefore,
    /// The end of the year before, the base of a stock (`较上年末`, `上年末为 A`): neither a
    /// year-on-year nor a sequential rate is of it.
    YearEnd,
}

/// Words that name the earlier period a figure belongs to, without a figure of their own
/// (`上年同期为 A`, `是上一财年的 N 倍`), longest first where one holds another.
pub(super) const BASE_PERIODS: &[(&str, Period)] = &[
    ("上年同期", Period::YearBefore),
    ("去年同期", Period::YearBefore),
    ("上年同月", Period::YearBefore),
    ("去年同月", Period::YearBefore),
    ("上年同季", Period::YearBefore),
    ("去年同季", Period::YearBefore),
    ("上一财年", Period::YearBefore),
    ("上一財年", Period::YearBefore),
    ("上个财年", Period::YearBefore),
    ("上個財年", Period::YearBefore),
    ("上财年", Period::YearBefore),
    ("上財年", Period::YearBefore),
    ("上年度", Period::YearBefore),
    ("上年年末", Period::YearEnd),
    ("上年末", Period::YearEnd),
    ("上年底", Period::YearEnd),
    ("去年年末", Period::YearEnd),
    ("去年末", Period::YearEnd),
    ("去年底", Period::YearEnd),
    ("上一年", Period::YearBefore),
    ("前一年", Period::YearBefore),
    ("上年", Period::YearBefore),
    ("去年", Period::YearBefore),
    ("上一季度", Period::PeriodBefore),
    ("上一季", Period::PeriodBefore),
    ("前一季", Period::PeriodBefore),
    ("上季度", Period::PeriodBefore),
    ("上季", Period::PeriodBefore),
    ("上个月", Period::PeriodBefore),
    ("上個月", Period::PeriodBefore),
    ("前一月", Period::PeriodBefore),
    ("上月", Period::PeriodBefore),
    ("上期", Period::PeriodBefore),
];

/// English phrases after a figure that make it the figure of an earlier period.
pub(super) const EN_EARLIER_AFTER: &[(&str, Period)] = &[
    ("a year ago", Period::YearBefore),
    ("a year earlier", Period::YearBefore),
    ("in the previous quarter", Period::PeriodBefore),
    ("in the prior quarter", Period::PeriodBefore),
    ("in the previous year", Period::YearBefore),
    ("in the prior year", Period::YearBefore),
    ("last quarter", Period::PeriodBefore),
    ("last year", Period::YearBefore),
    ("the quarter before", Period::PeriodBefore),
    ("the year before", Period::YearBefore),
];

/// The base period `text` opens with, and the text after it.
pub(super) fn base_period_prefix(text: &str) -> Option<(Period, &str)> {
    BASE_PERIODS
        .iter()
        .find_map(|&(w, p)| text.strip_prefix(w).map(|rest| (p, rest)))
}

/// The base period `text` ends with, and the text before it.
pub(super) fn base_period_suffix(text: &str) -> Option<(Period, &str)> {
    BASE_PERIODS
        .iter()
        .find_map(|&(w, p)| text.strip_suffix(w).map(|rest| (p, rest)))
}

/// The period a rate is measured against, from the words before it (`同比`, `环比`) or its own
/// word (`年增`, `季減`); `None` when they do not say.
pub(super) fn period_of_rate(lead: &str, word: &str) -> Option<Period> {
    const YEAR: &[&str] = &[
        "同比",
        "年增",
        "年减",
        "年減",
        "year-on-year",
        "year over year",
    ];
    const PREVIOUS: &[&str] = &[
        "环比",
        "環比",
        "季增",
        "季减",
        "季減",
        "月增",
        "月减",
        "月減",
        "sequential",
    ];
    let says = |ws: &[&str]| ws.iter().any(|w| lead.contains(w) || word.starts_with(w));
    match (says(YEAR), says(PREVIOUS)) {
        (true, false) => Some(Period::YearBefore),
        (false, true) => Some(Period::PeriodBefore),
        _ => None,
    }
}

/// Words that make a sentence a plan, a target or a forecast: its figures are not a change
/// that happened, and a rate in it may be of something else.
const HYPOTHETICAL: &[&str] = &[
    "计划", "规划", "目标", "力争", "预计", "预期", "将从", "plans", "plan to", "target",
    "forecast", "expects", "expected", "guided", "guidance",
];

/// Whether the sentence text is a plan or a forecast.
pub(super) fn hypothetical(sentence: &str) -> bool {
    HYPOTHETICAL.iter().any(|w| sentence.contains(w))
}

/// Words after a number that name the direction of its change: `a 13 percent gain`.
const AFTER_DIRECTIONS: &[(&str, f64)] = &[
    ("gain", 1.0),
    ("increase", 1.0),
    ("rise", 1.0),
    ("jump", 1.0),
    ("growth", 1.0),
    ("climb", 1.0),
    ("surge", 1.0),
    ("drop", -1.0),
    ("decline", -1.0),
    ("fall", -1.0),
    ("decrease", -1.0),
    ("reduction", -1.0),
    ("cut", -1.0),
    ("slide", -1.0),
];

/// The direction of a result named after it (`a 13 percent gain`) or by its sign (`+8.1%`).
pub(super) fn direction_after(masked: &str, n: &Mention) -> Option<(f64, &'static str)> {
    // `(−5.6%)`: a minus read into the figure, whose value is negative already; the sign
    // of the change is the figure's own.
    if n.value < 0.0 && masked[n.span.range()].starts_with(['-', '−', '–']) {
        return Some((1.0, "−"));
    }
    let before = masked[..n.span.start].trim_end();
    if before.ends_with('+') {
        return Some((1.0, "+"));
    }
    if before.ends_with(['-', '−', '–']) && !before.ends_with("--") {
        return Some((-1.0, "−"));
    }
    let after = masked[n.span.end..].trim_start();
    let word: String = after
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let word = word.to_ascii_lowercase();
    AFTER_DIRECTIONS
        .iter()
        .find(|(w, _)| word == *w || word.strip_suffix('s') == Some(w))
        .map(|&(w, s)| (s, w))
}

/// Verbs that introduce the amount of a change (`增加 0.4 亿吨`, `up $0.6 billion`), with
/// the sign they give it.
const AMOUNT_VERBS: &[(&str, f64)] = &[
    ("增加了", 1.0),
    ("增加", 1.0),
    ("多增", 1.0),
    ("增长", 1.0),
    ("增長", 1.0),
    ("上升", 1.0),
    ("提高", 1.0),
    // A rise or fall of output or income, in one word: `增产 221.8 亿斤`, `减收 3 亿元`.
    ("增产", 1.0),
    ("增產", 1.0),
    ("增收", 1.0),
    ("年增", 1.0),
    ("成长", 1.0),
    ("成長", 1.0),
    ("减少了", -1.0),
    ("减少", -1.0),
    ("減少了", -1.0),
    ("減少", -1.0),
    ("下降", -1.0),
    ("降低", -1.0),
    ("减产", -1.0),
    ("減產", -1.0),
    ("减收", -1.0),
    ("減收", -1.0),
    ("年减", -1.0),
    ("年減", -1.0),
    ("少", -1.0),
    ("多", 1.0),
    // The nouns after an article: `an increase of $17.17 billion`, `a decline of $45 million`.
    ("an increase", 1.0),
    ("a rise", 1.0),
    ("a gain", 1.0),
    ("a decrease", -1.0),
    ("a decline", -1.0),
    ("a drop", -1.0),
    ("increased", 1.0),
    ("rose", 1.0),
    ("grew", 1.0),
    ("gained", 1.0),
    ("added", 1.0),
    ("jumped", 1.0),
    ("climbed", 1.0),
    ("up", 1.0),
    ("decreased", -1.0),
    ("declined", -1.0),
    ("fell", -1.0),
    ("dropped", -1.0),
    ("lost", -1.0),
    ("down", -1.0),
];

/// The sign of the change amount `m` from the verb right before it, if one stands there.
pub(super) fn amount_sign(masked: &str, floor: usize, m: &Mention) -> Option<f64> {
    let lead = strip_words(
        &masked[floor..m.span.start],
        &[
            "by", "of", "达", "了", "约", "近", "about", "roughly", "nearly", "some",
        ],
    );
    AMOUNT_VERBS
        .iter()
        .find(|(w, _)| {
            strip_suffix(lead, w).is_some_and(|rest| {
                if !w.is_ascii() {
                    return true;
                }
                // `up` and `down` open an apposition (`, up $0.6 billion`); after a verb they
                // are a particle (`made up $0.9 trillion`).
                if rest.chars().last().is_some_and(|c| c.is_ascii_alphabetic()) {
                    return false;
                }
                let rest = rest.trim_end();
                !matches!(*w, "up" | "down") || rest.is_empty() || rest.ends_with([',', '，'])
            })
        })
        .map(|&(_, s)| s)
}

/// `L，同比增长 5.2%，增加 3.6 亿元`: the rate first, then the amount of the same change in
/// the next clause, the level right before the rate. `named` is the rate's direction.
pub(super) fn rate_then_amount(
    masked: &str,
    sentence: Span,
    qs: &[&Mention],
    k: usize,
    named: f64,
) -> Option<LevelChange> {
    let (l, c) = (qs[k.checked_sub(1)?], *qs.get(k + 1)?);
    if named == 0.0
        || !matches!(l.kind, Kind::Money | Kind::Quantity | Kind::Count)
        || !same_measure(l, c)
    {
        return None;
    }
    // Nothing but a clause break and the verb between the rate and the amount.
    let lead = strip_words(
        &masked[qs[k].span.end..c.span.start],
        &["了", "达", "達", "约", "約", "近"],
    );
    let rest = AMOUNT_VERBS
        .iter()
        .filter(|(w, _)| !w.is_ascii())
        .find_map(|(w, _)| strip_suffix(lead, w))?;
    if !matches!(rest.trim(), "，" | "," | "，即") {
        return None;
    }
    let sign = amount_sign(masked, qs[k].span.end, c)?;
    // The amount ends its clause: a level after it (`增加 3.6 亿元，至 …`) is another frame.
    let end = qs.get(k + 2).map_or(sentence.end, |q| q.span.start);
    let tail = masked[c.span.end..end].trim_start();
    let ends =
        tail.is_empty() || tail.starts_with(['，', ',', '。', '；', ';', '.', '|', ')', '）']);
    let to_level = tail
        .trim_start_matches(['，', ','])
        .trim_start()
        .starts_with(['至', '到']);
    (ends && !to_level).then_some(LevelChange {
        level: k - 1,
        change: k + 1,
        sign,
    })
}

/// `fell 1.7% to L, a drop of C`, `下降 1.7% 至 L，减少 C`: the rate first, the level it led
/// to right after `to`, then the amount of the same change in the next clause, with nothing
/// but the amount's verb or noun (`a drop of`, `减少`) after the break. The amount's direction
/// must be the rate's: `up 3% to L, down C on the quarter` is two changes.
pub(super) fn rate_to_level_then_amount(
    masked: &str,
    sentence: Span,
    qs: &[&Mention],
    k: usize,
    named: f64,
) -> Option<LevelChange> {
    let (l, c) = (*qs.get(k + 1)?, *qs.get(k + 2)?);
    if named == 0.0
        || !matches!(l.kind, Kind::Money | Kind::Quantity | Kind::Count)
        || !same_measure(l, c)
        || !matches!(
            masked[qs[k].span.end..l.span.start].trim(),
            "to" | "至" | "到"
        )
    {
        return None;
    }
    let between = &masked[l.span.end..c.span.start];
    let breaks: Vec<usize> = clause_breaks(between).collect();
    let [at] = breaks.as_slice() else {
        return None;
    };
    if !between[..*at]
        .trim()
        .trim_end_matches([',', '，'])
        .is_empty()
    {
        return None;
    }
    let lead = strip_words(
        &between[*at..],
        &[
            "by", "of", "了", "达", "達", "约", "約", "近", "about", "some",
        ],
    )
    .trim();
    let (_, sign) = *AMOUNT_VERBS.iter().find(|(w, _)| lead == *w)?;
    if sign != named {
        return None;
    }
    let end = qs.get(k + 3).map_or(sentence.end, |q| q.span.start);
    let tail = masked[c.span.end..end].trim_start();
    let ends =
        tail.is_empty() || tail.starts_with(['，', ',', '。', '；', ';', '.', '|', ')', '）']);
    ends.then_some(LevelChange {
        level: k + 1,
        change: k + 2,
        sign,
    })
}

/// Whether the words between a frame and its result, once the direction word is removed,
/// leave the result with the frame's subject (`，增长`, `, or`), not a new one
/// (`，出口额增长`).
pub(super) fn bare_residual(residual: &str) -> bool {
    let clause = clause_breaks(residual)
        .next_back()
        .map_or(residual, |at| &residual[at..]);
    AFTER_FRAME.is_match(clause.trim_end().trim_end_matches(['+', '-', '−']))
        || AFTER_FRAME.is_match(residual)
}

/// A level and the change that led to it: `L，比上年增加 C`, `rose C to L`.
#[derive(Debug, Clone, Copy)]
pub(super) struct LevelChange {
    pub level: usize,
    pub change: usize,
    /// +1 for a rise, −1 for a fall, from the verb before the change.
    pub sign: f64,
}

/// The level-and-change pair that the rate `qs[k]` belongs to: the change amount is the
/// figure right before the rate (`增加 0.4 亿吨，增长 3.0%`, `up $0.6 billion or 16.7%`),
/// or the figure two before with the level between (`rose $312 million to $1.85 billion,
/// an increase of 20.3%`); the level is the figure of the same measure before the change
/// (the subject of the sentence) or right after the rate (`fell $45 million, or 8.2%, to
/// $504 million`).
pub(super) fn level_change(
    masked: &str,
    sentence: Span,
    qs: &[&Mention],
    k: usize,
) -> Option<LevelChange> {
    let floor = |i: usize| i.checked_sub(1).map_or(sentence.start, |p| qs[p].span.end);
    let n = qs[k];
    // `rose C to L, an increase of N%`.
    if k >= 2 {
        let (c, l) = (qs[k - 2], qs[k - 1]);
        let between = &masked[c.span.end..l.span.start];
        if same_measure(c, l)
            && !has_clause_break(between)
            && (between.trim() == "to" || between.trim() == "至" || between.trim() == "到")
            && let Some(sign) = amount_sign(masked, floor(k - 2), c)
        {
            let gap = &masked[l.span.end..n.span.start];
            if clause_breaks(gap).count() <= 1 {
                return Some(LevelChange {
                    level: k - 1,
                    change: k - 2,
                    sign,
                });
            }
        }
    }
    let ci = k.checked_sub(1)?;
    let c = qs[ci];
    if matches!(
        c.kind,
        Kind::Percent | Kind::Points | Kind::Multiple | Kind::Number
    ) {
        return None;
    }
    let sign = amount_sign(masked, floor(ci), c)?;
    let gap = &masked[c.span.end..n.span.start];
    if clause_breaks(gap).count() > 1 || gap.contains(['。', '；', ';']) {
        return None;
    }
    // `fell C, or N%, to L`.
    if let Some(&l) = qs.get(k + 1)
        && same_measure(c, l)
    {
        let tail = masked[n.span.end..l.span.start].trim_start_matches([',', '，', ' ', ')', '）']);
        if tail.trim() == "to" || tail.trim() == "至" {
            return Some(LevelChange {
                level: k + 1,
                change: ci,
                sign,
            });
        }
    }
    // `L，比上年增加 C，增长 N%`: L is the figure of C's measure before C, and no other
    // figure of that measure stands between them.
    let li = ci.checked_sub(1)?;
    let l = qs[li];
    if !same_measure(l, c) {
        return None;
    }
    let between = &masked[l.span.end..c.span.start];
    if clause_breaks(between).count() > 1 {
        return None;
    }
    Some(LevelChange {
        level: li,
        change: ci,
        sign,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_frames_step_over_time_phrases_and_records() {
        assert!(EN_TO_BETWEEN.is_match(" in 2023 to a record "));
        assert!(EN_TO_BETWEEN.is_match(" to a new high of "));
        assert!(!EN_TO_BETWEEN.is_match(" in the year to June 2023 to "));
        assert!(EN_FROM_AFTER_TO.is_match(" in the December quarter from "));
        assert!(BEFORE_FRAME.is_match(" in seven years, from "));
        assert!(!BEFORE_FRAME.is_match(" and then, from "));
    }

    #[test]
    fn quotations_are_found() {
        let s = "他说：“收入从 10 亿元增长到 15 亿元。”";
        let q = quotations(s, Span::new(0, s.len()));
        assert!(quoted(&q, s.find("10").expect("figure")));
        assert!(!quoted(&q, s.find('说').expect("verb")));
        let s = "\"We went from 200 stores,\" he said, and sales rose 3%.";
        let q = quotations(s, Span::new(0, s.len()));
        assert!(quoted(&q, s.find("200").expect("figure")));
        assert!(!quoted(&q, s.find("3%").expect("figure")));
    }

    #[test]
    fn chinese_from_to_gaps() {
        assert!(zh_to_between("增至 "));
        assert!(zh_to_between("下降到 "));
        assert!(zh_to_between("增至 2023 年的 "));
        assert!(zh_to_between("降至每瓦 "));
        assert!(zh_to_between("提高到 2022 年的 "));
        assert!(!zh_to_between("和 "));
        assert!(!zh_to_between("增至美国和日本等十几个国家的 "));
    }

    #[test]
    fn spans_of_time_are_stepped_over() {
        assert_eq!(after_time_span("，八年间"), "");
        assert_eq!(after_time_span("八年间"), "");
        assert_eq!(after_time_span("，5 年来 "), " ");
        assert_eq!(after_time_span("，期间"), "");
        assert_eq!(after_time_span("，出口"), "，出口");
        assert_eq!(after_time_span("，8 年"), "，8 年");
    }

    #[test]
    fn other_rates_are_recognised() {
        assert!(other_rate("，年均"));
        assert!(other_rate("，扣除价格因素实际"));
        assert!(other_rate(", a compound annual growth rate of "));
        assert!(!other_rate("，同比"));
        assert!(!other_rate(", up "));
    }
}
