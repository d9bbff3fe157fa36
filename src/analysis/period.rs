//! Periods: the words that date a figure in a stretch of masked text, read into a `Period`
//! (a year, absolute or relative, and the months of the year it covers).
//!
//! A year is the extractor's `year` mention (`2023年`, `in 2023`); a part of a year comes
//! from `lexicon::MONTH_SPANS` (`三季度`, `上半年`, `Q3`, `first half`) or is read from a month
//! range (`1-8月`, `1至8月`, `前8个月`, `8月`); a relative year from `lexicon::RELATIVE_YEARS`
//! (`上年`, `a year earlier`). A year and a part written next to each other (`2023年三季度`,
//! `Q3 2023`) make one period.

use std::sync::LazyLock;

use crate::extract::{Kind, Mention};
use crate::lexicon::{COMPARISONS, MONTH_SPANS, Matcher, RELATIVE_YEARS};
use crate::source::Span;

/// The year of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum YearRef {
    /// `2023年`, `in 2023`.
    Absolute(i32),
    /// Relative to the article's own year: 0 for `今年`, -1 for `上年`/`a year earlier`.
    Relative(i8),
}

/// When a figure holds: a year, a part of a year, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub year: Option<YearRef>,
    /// The months covered, first and last, both counted: (7, 9) for the third quarter,
    /// (1, 8) for `1-8月`, (1, 12) for `全年`.
    pub months: Option<(u8, u8)>,
}

/// A period as written in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub span: Span,
    pub period: Period,
    /// Written right after a comparison word (`较上年`, `from a year earlier`): the period of
    /// a change's base, not of the figures around it.
    pub base: bool,
}

static PARTS: LazyLock<Matcher<(u8, u8)>> = LazyLock::new(|| Matcher::new(MONTH_SPANS));
static RELATIVE: LazyLock<Matcher<i8>> = LazyLock::new(|| Matcher::new(RELATIVE_YEARS));

/// The periods written in `text[span]`, in order, given the mentions that start inside it.
pub(crate) fn periods(text: &str, span: Span, mentions: &[Mention]) -> Vec<Dated> {
    let mut found: Vec<Dated> = Vec::new();
    let mut push = |span: Span, year: Option<YearRef>, months: Option<(u8, u8)>| {
        found.push(Dated {
            span,
            period: Period { year, months },
            base: false,
        });
    };
    for m in mentions {
        if m.kind == Kind::Year && span.contains(m.span) && (1000.0..3000.0).contains(&m.value) {
            push(m.span, Some(YearRef::Absolute(m.value as i32)), None);
        }
    }
    for (at, _, months) in PARTS.find(text, span) {
        push(at, None, Some(months));
    }
    for (at, _, year) in RELATIVE.find(text, span) {
        push(at, Some(YearRef::Relative(year)), None);
    }
    for (at, months) in month_ranges(text, span) {
        push(at, None, Some(months));
    }
    found.sort_by_key(|d| (d.span.start, std::cmp::Reverse(d.span.end)));
    // Overlaps (a month range inside a part word): the first, longest one stands.
    let mut kept: Vec<Dated> = Vec::with_capacity(found.len());
    for d in found {
        match kept.last_mut() {
            Some(last) if d.span.start < last.span.end => {}
            Some(last) if joins(text, last, &d) => {
                last.span = last.span.cover(d.span);
                last.period.year = last.period.year.or(d.period.year);
                last.period.months = last.period.months.or(d.period.months);
            }
            _ => kept.push(d),
        }
    }
    for d in &mut kept {
        d.base = after_comparison(&text[span.start..d.span.start]);
    }
    kept
}

/// Whether `b` completes `a` (a year and a part of a year, next to each other).
fn joins(text: &str, a: &Dated, b: &Dated) -> bool {
    let complementary =
        (a.period.year.is_some() && a.period.months.is_none() && b.period.year.is_none())
            || (a.period.year.is_none() && b.period.year.is_some() && b.period.months.is_none());
    let gap = &text[a.span.end..b.span.start];
    complementary && gap.trim().trim_start_matches('年').trim().is_empty()
}

/// Whether `before` ends with a comparison word (white space aside).
fn after_comparison(before: &str) -> bool {
    let before = before.trim_end();
    COMPARISONS.iter().any(|(w, ())| {
        let n = w.len();
        before.len() >= n
            && before.is_char_boundary(before.len() - n)
            && before[before.len() - n..].eq_ignore_ascii_case(w)
            && !(w.is_ascii()
                && before[..before.len() - n]
                    .bytes()
                    .last()
                    .is_some_and(|b| b.is_ascii_alphanumeric()))
    })
}

/// Month ranges and single months in `text[span]`: `1-8月`, `1 至 8 月`, `一至八月`, `前8个月`,
/// `8月` (but not the month of a date, `8月5日`).
fn month_ranges(text: &str, span: Span) -> Vec<(Span, (u8, u8))> {
    let body = &text[span.range()];
    let mut out = Vec::new();
    for (at, _) in body.match_indices('月') {
        let after = &body[at + '月'.len_utf8()..];
        if after.starts_with(|c: char| c.is_ascii_digit() || zh_digit(c).is_some()) {
            continue;
        }
        let mut head = body[..at].trim_end();
        let counted = head.ends_with('个');
        if counted {
            head = head[..head.len() - '个'.len_utf8()].trim_end();
        }
        let Some((b, b_len)) = month_number(head) else {
            continue;
        };
        head = head[..head.len() - b_len].trim_end();
        let (a, start) = if let Some(rest) = head.strip_suffix('前') {
            (1, rest.len())
        } else if counted {
            continue;
        } else if let Some(rest) = ['-', '–', '—', '~', '～', '至', '到']
            .iter()
            .find_map(|&c| head.strip_suffix(c))
            .map(str::trim_end)
            && let Some((a, a_len)) = month_number(rest)
        {
            (a, rest.len() - a_len)
        } else {
            (b, head.len())
        };
        if (1..=b).contains(&a) && b <= 12 {
            let end = at + '月'.len_utf8();
            let start = body[start..end]
                .find(|c: char| !c.is_whitespace())
                .map_or(start, |k| start + k);
            out.push((Span::new(span.start + start, span.start + end), (a, b)));
        }
    }
    out
}

/// The month number (1 to 12) that ends `s`, and its length in bytes.
fn month_number(s: &str) -> Option<(u8, usize)> {
    let digits = s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let n: u8 = s[s.len() - digits..].parse().ok()?;
        return (digits <= 2 && (1..=12).contains(&n)).then_some((n, digits));
    }
    // 一 … 九, 十, 十一, 十二.
    let chars: Vec<char> = s.chars().rev().take(2).collect();
    match chars.as_slice() {
        [u, '十', ..] if zh_digit(*u).is_some_and(|d| d <= 2) => {
            Some((10 + zh_digit(*u)?, 2 * '十'.len_utf8()))
        }
        ['十', ..] => Some((10, '十'.len_utf8())),
        [c, ..] => zh_digit(*c).filter(|&d| d > 0).map(|d| (d, c.len_utf8())),
        [] => None,
    }
}

fn zh_digit(c: char) -> Option<u8> {
    "零一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|k| k as u8)
        .or((c == '两').then_some(2))
}
