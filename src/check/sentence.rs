//! Sentence and clause helpers shared by the built-in checks.
//!
//! Takes a document's masked text and its mentions; produces sentence spans, the quantity
//! mentions inside a span, clause tests on the text between mentions, and the small pieces
//! of interval arithmetic and explanation the checks have in common.

use crate::eval::Interval;
use crate::extract::{Kind, Mention};
use crate::source::{Document, Span};

use super::Input;

/// The sentences of `text`, trimmed of surrounding white space, empty ones left out.
///
/// A sentence ends at 。！？!?；; at `.` followed by white space (so `2.5` and `U.S. invested`
/// stay whole: a lower-case word after the stop continues the sentence), and at a line
/// break that starts a new block (a blank line, a heading, a list item or a quote), because
/// headings and list items carry no closing punctuation.
#[cfg(test)]
pub(super) fn sentences(text: &str) -> Vec<Span> {
    pieces(text)
        .filter_map(|(start, end)| trimmed(text, start, end))
        .collect()
}

/// The untrimmed pieces of `text` between one sentence end and the next, in order.
fn pieces(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut cuts = Cuts { text, pos: 0 };
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let end = cuts.next().unwrap_or_else(|| {
            done = true;
            text.len()
        });
        let piece = (start, end);
        start = end;
        Some(piece)
    })
}

/// Bytes that may begin a sentence end: the ASCII stops and line feed, and the UTF-8 lead
/// bytes of 。 (`E3`) and of ！？； (`EF`). Lead bytes are never continuation bytes, so a hit
/// is always a character boundary, and the rest of the text (most of it) is skipped a byte
/// at a time without decoding.
const STOP_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    let bytes = [b'!', b'?', b';', b'.', b'\n', 0xE3, 0xEF];
    let mut k = 0;
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

/// The byte offsets just after each sentence end of `text`, in order.
struct Cuts<'t> {
    text: &'t str,
    pos: usize,
}

impl Iterator for Cuts<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() {
            let i = self.pos;
            if !STOP_LEAD[bytes[i] as usize] {
                self.pos += 1;
                continue;
            }
            let c = self.text[i..].chars().next()?;
            let end = i + c.len_utf8();
            self.pos = end;
            if ends_sentence(self.text, c, end) {
                return Some(end);
            }
        }
        None
    }
}

/// Whether `c`, which ends at byte `end` of `text`, ends a sentence.
fn ends_sentence(text: &str, c: char, end: usize) -> bool {
    match c {
        '。' | '！' | '？' | '!' | '?' | '；' | ';' => true,
        '.' => ends_english_sentence(&text[end..]),
        '\n' => starts_block(&text[end..]),
        _ => false,
    }
}

fn ends_english_sentence(rest: &str) -> bool {
    let Some(next) = rest.chars().next() else {
        return true;
    };
    if !next.is_whitespace() {
        return false;
    }
    match rest.trim_start().chars().next() {
        Some(c) => !c.is_ascii_lowercase(),
        None => true,
    }
}

fn starts_block(rest: &str) -> bool {
    let line = rest.split('\n').next().unwrap_or("");
    let line = line.trim();
    if line.is_empty() {
        return true;
    }
    let mut chars = line.chars();
    match chars.next() {
        Some('#' | '>' | '-' | '*' | '+' | '•' | '|') => true,
        Some(c) if c.is_ascii_digit() => {
            let digits = line.trim_start_matches(|c: char| c.is_ascii_digit());
            digits.starts_with(". ") || digits.starts_with(") ")
        }
        _ => false,
    }
}

fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    (lead + trail < piece.len()).then(|| Span::new(start + lead, end - trail))
}

/// Whether `s` holds a clause break: Chinese or English comma, semicolon or colon. A comma
/// between two digits is a thousands separator, not a break.
pub(super) fn has_clause_break(s: &str) -> bool {
    last_clause_break(s).is_some()
}

/// Byte offset just after the last clause break in `s`, found from the end, so that the
/// cost is the distance to the break, not the length of `s`.
pub(super) fn last_clause_break(s: &str) -> Option<usize> {
    clause_breaks(s).next_back()
}

/// Byte offsets just after each clause break in `s`, in order.
pub(super) fn clause_breaks(s: &str) -> impl DoubleEndedIterator<Item = usize> + '_ {
    let bytes = s.as_bytes();
    s.char_indices()
        .filter(move |&(i, c)| match c {
            '，' | '；' | '：' | ';' | ':' | '、' => true,
            ',' => {
                let before = i > 0 && bytes[i - 1].is_ascii_digit();
                let after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                !(before && after)
            }
            _ => false,
        })
        .map(|(i, c)| i + c.len_utf8())
}

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

/// Longer "sentences" are lists, tables or text without punctuation; no check reads them.
const MAX_SENTENCE_BYTES: usize = 8 * 1024;

/// A sentence with more figures than this is a table in disguise.
const MAX_QUANTITIES: usize = 64;

/// A sentence and the quantity mentions inside it.
pub(super) struct Sentence<'m> {
    pub span: Span,
    pub quantities: Vec<&'m Mention>,
}

/// The sentences of `text` that hold at least one quantity, each with its quantities; see
/// `sentences_with`.
#[cfg(test)]
pub(super) fn sentences_with_quantities<'m>(
    text: &str,
    mentions: &'m [Mention],
) -> Vec<Sentence<'m>> {
    sentences_with(text, mentions, |_| true).0
}

/// The sentences of `text` that hold a quantity for which `wanted` is true, each with all
/// its quantities. `mentions` are sorted by position: one walk over the sentence ends and
/// the mentions together keeps the pass linear, and a sentence without a wanted quantity
/// costs no allocation. Overlong sentences (see the limits above) are left out and counted:
/// the count is the second value.
pub(super) fn sentences_with<'m>(
    text: &str,
    mentions: &'m [Mention],
    wanted: impl Fn(&Mention) -> bool,
) -> (Vec<Sentence<'m>>, usize) {
    let mut out = Vec::new();
    let mut skipped = 0;
    let mut next = 0;
    for (start, end) in pieces(text) {
        if next >= mentions.len() {
            break;
        }
        if mentions[next].span.start >= end {
            continue;
        }
        let Some(span) = trimmed(text, start, end) else {
            continue;
        };
        // A sequential walk, not a binary search: sentences come in order, and the walk
        // reads each mention once, in memory order.
        let mut lo = next;
        while mentions.get(lo).is_some_and(|m| m.span.start < span.start) {
            lo += 1;
        }
        let mut hi = lo;
        while mentions.get(hi).is_some_and(|m| m.span.start < span.end) {
            hi += 1;
        }
        next = hi;
        let inside = |m: &&Mention| m.kind.is_quantity() && span.contains(m.span);
        let here = &mentions[lo..hi];
        if !here.iter().any(|m| inside(&m) && wanted(m)) {
            continue;
        }
        if span.len() > MAX_SENTENCE_BYTES {
            skipped += 1;
            continue;
        }
        let quantities: Vec<&Mention> = here.iter().filter(inside).collect();
        if quantities.len() <= MAX_QUANTITIES {
            out.push(Sentence { span, quantities });
        } else {
            skipped += 1;
        }
    }
    (out, skipped)
}

/// The quantities that a built-in check can start from: a multiple (`ratio_in_sentence`,
/// `multiple_wording`) or a change in percent or points (`change_in_sentence`). A sentence
/// without one gives no finding, so no check needs to look at it.
pub(super) fn is_trigger(m: &Mention) -> bool {
    matches!(
        m.kind,
        Kind::Multiple | Kind::Percent | Kind::Points | Kind::Fraction
    )
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

    fn texts(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn splits_chinese_and_english_sentences() {
        assert_eq!(
            texts("甲为 1 吨。乙为 2 吨！丙?丁"),
            ["甲为 1 吨。", "乙为 2 吨！", "丙?", "丁"]
        );
        assert_eq!(
            texts("It rose 2.5 times. Then it fell.\nNext one."),
            ["It rose 2.5 times.", "Then it fell.", "Next one."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_soft_wraps_inside_a_sentence() {
        assert_eq!(
            texts("The U.S. invested\nmore."),
            ["The U.S. invested\nmore."]
        );
        assert_eq!(texts("标题\n\n正文，续"), ["标题", "正文，续"]);
        assert_eq!(texts("a\n- item\n# head"), ["a", "- item", "# head"]);
    }

    #[test]
    fn sentences_find_their_quantities_and_skip_tables() {
        use super::testing::{build, spec};
        let text = format!("甲为 1 吨。{}。乙为 2 吨", "3 吨，".repeat(65));
        let specs: Vec<_> = (0..67)
            .map(|k| {
                let (t, nth) = match k {
                    0 => ("1 吨", 0),
                    66 => ("2 吨", 0),
                    k => ("3 吨", k - 1),
                };
                let mut s = spec(t, Kind::Quantity, 1.0, 0.5, "t");
                s.nth = nth;
                s
            })
            .collect();
        let (doc, mentions) = build(&text, &specs);
        let found: Vec<Vec<&str>> = sentences_with_quantities(&doc.masked, &mentions)
            .iter()
            .map(|s| s.quantities.iter().map(|m| doc.slice(m.span)).collect())
            .collect();
        assert_eq!(found, [vec!["1 吨"], vec!["2 吨"]]);
    }

    #[test]
    fn thousands_separators_are_not_clause_breaks() {
        assert!(!has_clause_break("22,816 人"));
        assert!(has_clause_break("人, 又"));
        assert!(has_clause_break("亿美元，大约是"));
        assert_eq!(last_clause_break("a，b，c"), Some("a，b，".len()));
    }

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
