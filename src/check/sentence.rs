//! Helpers shared by the built-in checks: word stripping on the text between mentions, the
//! test for two mentions of one measure, and the small pieces of interval arithmetic and
//! explanation the checks have in common. Sentences and clauses come from the analysis
//! stage (`crate::analysis`).

use crate::eval::Interval;
use crate::extract::{Kind, Mention};
use crate::source::Document;

use super::Input;

pub(super) use crate::analysis::{clause_breaks, has_clause_break, last_clause_break};

/// Hedge and filler words that may stand between a relation word and its number.
const HEDGES: &[&str] = &[
    "大约",
    "大概",
    "将近",
    "接近",
    "几乎",
    "近乎",
    "超过",
    "不到",
    "不足",
    "至少",
    "约",
    "近",
    "逾",
    "approximately",
    "roughly",
    "around",
    "about",
    "nearly",
    "almost",
    "some",
    "over",
    "~",
    "≈",
];

/// `s` without the suffix `w`, if it ends so. The last byte is compared first: the word
/// lists are scanned for every figure, and most words fail there without a call to compare.
pub(super) fn strip_suffix<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    if s.as_bytes().last() != w.as_bytes().last() {
        return None;
    }
    s.strip_suffix(w)
}

/// `s` with trailing white space and any trailing hedge words removed.
pub(super) fn strip_hedges(s: &str) -> &str {
    strip_words(s, HEDGES)
}

/// `s` with trailing white space and any of `words` removed from its end, repeatedly. A
/// Latin word is stripped only at a word boundary (`moreover` does not end in `over`).
pub(super) fn strip_words<'a>(s: &'a str, words: &[&str]) -> &'a str {
    let mut s = s.trim_end();
    // Most texts end in no word of the list: one byte compare per word turns them away.
    let last = s.as_bytes().last();
    if !words.iter().any(|w| w.as_bytes().last() == last) {
        return s;
    }
    'again: loop {
        for w in words {
            if let Some(rest) = strip_suffix(s, w) {
                let latin = w.chars().all(|c| c.is_ascii_alphabetic());
                if latin && rest.chars().last().is_some_and(|c| c.is_ascii_alphabetic()) {
                    continue;
                }
                s = rest.trim_end();
                continue 'again;
            }
        }
        return s;
    }
}

/// Openings of a clause that continue the previous clause's subject: `，大约是…`, `，这是…`,
/// `, which is…`, `, or…`. A clause that names a new subject (`，中国是…`) does not.
const CONTINUATIONS: &[&str] = &[
    "大约",
    "大概",
    "将近",
    "接近",
    "几乎",
    "约",
    "近",
    "仅",
    "只",
    "也",
    "则",
    "更",
    "还",
    "即",
    "这一数字",
    "这一数额",
    "该数字",
    "这",
    "此",
    "其",
    "which",
    "that",
    "and",
    "or",
    "making it",
    "about",
    "roughly",
    "nearly",
    "almost",
    "some",
];

/// `s` without leading white space and continuation words.
pub(super) fn strip_continuations(s: &str) -> &str {
    let mut s = s.trim_start();
    'again: loop {
        for w in CONTINUATIONS {
            if s.as_bytes().first() != w.as_bytes().first() {
                continue;
            }
            if let Some(rest) = s.strip_prefix(w) {
                s = rest.trim_start();
                continue 'again;
            }
        }
        return s;
    }
}

/// Whether two mentions measure the same thing in the same unit, so that their ratio or
/// difference means something. Bare numbers are left out: nothing says what they count.
pub(super) fn same_measure(a: &Mention, b: &Mention) -> bool {
    a.kind == b.kind && a.unit == b.unit && !matches!(a.kind, Kind::Number | Kind::Multiple)
}

/// `a / b` over every pair of values the two intervals allow; `None` when `b` may be zero
/// or the quotient is undefined (both ends infinite), since then nothing can be concluded.
pub(super) fn divide(a: Interval, b: Interval) -> Option<Interval> {
    if b.low <= 0.0 && b.high >= 0.0 {
        return None;
    }
    let q = [
        a.low / b.low,
        a.low / b.high,
        a.high / b.low,
        a.high / b.high,
    ];
    if q.iter().any(|v| v.is_nan()) {
        return None;
    }
    let low = q.iter().copied().fold(f64::INFINITY, f64::min);
    let high = q.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Some(Interval::new(low, high))
}

/// `a - b` over intervals.
pub(super) fn subtract(a: Interval, b: Interval) -> Interval {
    Interval::new(a.low - b.high, a.high - b.low)
}

/// A computed value for a message: enough digits to compare with what was written.
pub(super) fn format_number(v: f64) -> String {
    if !v.is_finite() {
        return if v > 0.0 { "∞".into() } else { "-∞".into() };
    }
    let a = v.abs();
    let s = if a >= 100.0 {
        format!("{v:.1}")
    } else if a >= 0.01 {
        format!("{v:.2}")
    } else {
        format!("{v:.4}")
    };
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// An interval for a message, `[low, high]`.
pub(super) fn format_interval(i: Interval) -> String {
    let (low, high) = (format_number(i.low), format_number(i.high));
    if low == high && i.low != i.high {
        // Too narrow for the usual digits: show enough to tell the ends apart.
        return format!("[{:.4}, {:.4}]", i.low, i.high);
    }
    format!("[{low}, {high}]")
}

/// A mention as an input of an explanation.
pub(super) fn input(name: &str, doc: &Document, m: &Mention) -> Input {
    Input {
        name: name.to_string(),
        text: doc.slice(m.span).to_string(),
        value: m.value,
        interval: m.interval,
        source: None,
    }
}

#[cfg(test)]
pub(super) mod testing {
    //! Hand-built documents and mentions, so that the checks can be tested without the
    //! extractor.

    use std::path::Path;

    use crate::check::{CheckOptions, Context, Finding};
    use crate::eval::Interval;
    use crate::extract::{Hedge, Kind, Mention, Numeral, Style};
    use crate::source::{Document, Span};

    /// One mention to place: the text to find (the `nth` occurrence, 0-based), its kind,
    /// value, the half-width of its written precision, unit and hedge.
    pub struct Spec<'a> {
        pub text: &'a str,
        pub nth: usize,
        pub kind: Kind,
        pub value: f64,
        pub half: f64,
        pub unit: Option<&'a str>,
        pub hedge: Option<Hedge>,
    }

    pub fn spec<'a>(text: &'a str, kind: Kind, value: f64, half: f64, unit: &'a str) -> Spec<'a> {
        Spec {
            text,
            nth: 0,
            kind,
            value,
            half,
            unit: (!unit.is_empty()).then_some(unit),
            hedge: None,
        }
    }

    pub fn build(text: &str, specs: &[Spec<'_>]) -> (Document, Vec<Mention>) {
        let doc = Document::from_text(Path::new("t.md"), text);
        let mut mentions: Vec<Mention> = specs
            .iter()
            .map(|s| {
                let start = text
                    .match_indices(s.text)
                    .nth(s.nth)
                    .map(|(i, _)| i)
                    .expect("spec text occurs in the test sentence");
                let span = Span::new(start, start + s.text.len());
                let base = Interval::around(s.value, s.half);
                let interval = match s.hedge {
                    Some(Hedge::Approximately) => base.widen(0.05),
                    Some(Hedge::Nearly) => base.widen_low(0.05),
                    Some(Hedge::Over | Hedge::AtLeast) => Interval::at_least(s.value),
                    Some(Hedge::Under | Hedge::AtMost) => Interval::at_most(s.value),
                    _ => base,
                };
                Mention {
                    span,
                    number: span,
                    kind: s.kind,
                    value: s.value,
                    interval,
                    unit: s.unit.map(|u| u.to_string().into()),
                    hedge: s.hedge,
                    hedge_span: None,
                    style: Style {
                        numeral: Numeral::Arabic,
                        decimals: 0,
                        grouped: false,
                        factor: 1.0,
                    },
                }
            })
            .collect();
        mentions.sort_by_key(|m| m.span.start);
        (doc, mentions)
    }

    pub fn run(
        check: fn(
            &Context<'_>,
            crate::check::Severity,
            &mut Vec<crate::source::Span>,
        ) -> Vec<Finding>,
        text: &str,
        specs: &[Spec<'_>],
    ) -> Vec<Finding> {
        let (doc, mentions) = build(text, specs);
        let options = CheckOptions::default();
        let ctx = Context::new(&doc, &mentions, &options);
        check(&ctx, crate::check::Severity::Warning, &mut Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_hedges_at_word_boundaries() {
        assert_eq!(strip_hedges("高出近 "), "高出");
        assert_eq!(strip_hedges("是的约"), "是的");
        assert_eq!(strip_hedges("moreover "), "moreover");
        assert_eq!(strip_hedges("is about"), "is");
    }

    #[test]
    fn divides_intervals_and_refuses_zero() {
        let q = divide(Interval::new(671.5, 672.5), Interval::new(77.5, 78.5)).expect("positive");
        assert!((q.low - 671.5 / 78.5).abs() < 1e-12 && (q.high - 672.5 / 77.5).abs() < 1e-12);
        assert!(divide(Interval::point(1.0), Interval::new(-1.0, 1.0)).is_none());
        let open = divide(Interval::at_least(10.0), Interval::point(2.0)).expect("defined");
        assert_eq!((open.low, open.high), (5.0, f64::INFINITY));
        assert!(divide(Interval::at_least(1.0), Interval::at_least(1.0)).is_none());
    }

    #[test]
    fn formats_numbers_for_messages() {
        assert_eq!(format_number(672.0 / 78.0), "8.62");
        assert_eq!(format_number(291.2 / 0.99), "294.1");
        assert_eq!(format_number(-0.2), "-0.2");
        assert_eq!(format_number(3.0), "3");
    }
}
