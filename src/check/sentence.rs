//! Helpers shared by the built-in checks: word stripping on the text between mentions, the
//! test for two mentions of one measure, and the small pieces of interval arithmetic and
//! explanation the checks have in common. Sentences and clauses come from the analysis
//! stage (`crate::analysis`).

use crate::eval::Interval;
use crate::extract::{Kind, Mention};
use crate::source::Document;

use super::{Input, Related};
use crate::lexicon::{CONNECTIVES, HEDGE_WORDS, LOOSENING_WORDS};

pub(super) use crate::analysis::{clause_breaks, has_clause_break, last_clause_break};
pub(super) use crate::lexicon::{strip_suffix, strip_words};

/// `s` with trailing white space and any trailing hedge words (the extractor's) removed.
pub(super) fn strip_hedges(s: &str) -> &str {
    static HEDGES: std::sync::LazyLock<crate::lexicon::Suffixes> =
        std::sync::LazyLock::new(|| crate::lexicon::Suffixes::new(&HEDGE_WORDS));
    crate::lexicon::strip_suffixes(s, &HEDGES)
}

/// `s` without leading white space, connectives and loosening hedges: what may open a clause
/// that carries the previous clause's subject on (`，大约是…`, `，这是…`, `, which is…`).
pub(super) fn strip_continuations(s: &str) -> &str {
    let mut s = s.trim_start();
    'again: loop {
        for w in CONNECTIVES.iter().chain(LOOSENING_WORDS.iter()) {
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

/// Whether two mentions measure the same thing, or one leaves out the noun the other carries,
/// as reporters do the second time (`500,508 vehicles in 2024 from 376,030`, `67.7 million
/// passengers, 14.8% more than the 58.9 million`): a count or quantity beside a bare number
/// written large (100 or more, or with a scale word), never a length of time (`113 年`) nor a
/// bare year. Read only where the words of a relation (`from`, `than the`, `较`) already join
/// the two figures.
pub(super) fn same_or_elided(a: &Mention, b: &Mention) -> bool {
    same_measure(a, b) || elided(a, b) || elided(b, a) || both_bare(a, b)
}

/// Two bare numbers both written large (100 or more, or with a scale word), neither a bare
/// year: `53.1 million in 2024, 11.3% more than the 47.7 million`, `28,450 a game, up 6% on
/// last season's 26,830`. Read, as `elided`, only where the words of a relation join them.
fn both_bare(a: &Mention, b: &Mention) -> bool {
    let large = |m: &Mention| {
        m.kind == Kind::Number
            && m.unit.is_none()
            && (m.value >= 100.0 || m.style.factor >= 1000.0)
            && !(m.value.fract() == 0.0
                && (1900.0..=2100.0).contains(&m.value)
                && !m.style.grouped
                && m.style.factor <= 1.0)
    };
    large(a) && large(b)
}

fn elided(full: &Mention, bare: &Mention) -> bool {
    let year_like = bare.value.fract() == 0.0
        && (1900.0..=2100.0).contains(&bare.value)
        && !bare.style.grouped
        && bare.style.factor <= 1.0;
    matches!(full.kind, Kind::Count | Kind::Quantity)
        && full
            .unit
            .as_deref()
            .is_some_and(|u| !super::DURATIONS.contains(&u))
        && bare.kind == Kind::Number
        && bare.unit.is_none()
        && (bare.value >= 100.0 || bare.style.factor >= 1000.0)
        && !year_like
}

/// `qs` without the years the extractor reads as lengths of time (`較 113 年的 4,750.7
/// 億美元` in Taiwan's calendar, `比疫情前 2019 年的 3,188 万人次`): a date between a
/// comparison's marker and its figure, not a figure of the relation. Borrowed as is when the
/// sentence has none, as most have.
pub(super) fn without_dates<'a, 'm>(
    masked: &str,
    qs: &'a [&'m Mention],
) -> std::borrow::Cow<'a, [&'m Mention]> {
    // The kind first, inline: most figures are not a quantity of years.
    if !qs
        .iter()
        .any(|m| m.kind == Kind::Quantity && calendar_year(masked, m))
    {
        return std::borrow::Cow::Borrowed(qs);
    }
    std::borrow::Cow::Owned(
        qs.iter()
            .copied()
            .filter(|m| !calendar_year(masked, m))
            .collect(),
    )
}

/// A year of Taiwan's calendar (60 to 200, 1971 to 2111) or of the common era (1900 to
/// 2100) written as `N 年` right after a comparison's or a change's marker (`較`, `比`, `由`,
/// `至`) or right before `的`, `底`, `末`: a date, which a length of time never is there.
fn calendar_year(masked: &str, m: &Mention) -> bool {
    if m.kind != Kind::Quantity
        || m.unit.as_deref() != Some("year")
        || m.value.fract() != 0.0
        || !((60.0..=200.0).contains(&m.value) || (1900.0..=2100.0).contains(&m.value))
        || !masked[m.span.range()].ends_with('年')
    {
        return false;
    }
    let after = masked[m.span.end..].trim_start();
    let before = masked[..m.span.start].trim_end();
    after.starts_with(['的', '底', '末'])
        || before.ends_with(['較', '较', '比', '由', '從', '从', '至', '到'])
}

/// A mention as an input of an explanation.
/// `a / b` over intervals, `None` when `b` may be zero (the arithmetic lives in `eval`).
pub(super) fn divide(a: Interval, b: Interval) -> Option<Interval> {
    a.checked_div(b)
}

/// `a - b` over intervals.
pub(super) fn subtract(a: Interval, b: Interval) -> Interval {
    a - b
}

/// A computed value for a message, as `eval` writes it.
pub(super) fn format_number(v: f64) -> String {
    crate::eval::brief(v)
}

/// An interval for a message, `[low, high]`, as `eval` writes it.
pub(super) fn format_interval(i: Interval) -> String {
    crate::eval::brief_interval(i)
}

pub(super) fn input(name: &str, doc: &Document, m: &Mention) -> Input {
    Input {
        name: name.to_string(),
        text: doc.slice(m.span).to_string(),
        value: m.value,
        interval: m.interval,
        source: None,
    }
}

/// The other places a finding names, each with the figure written there: `part `3.6 万亿元``.
pub(super) fn related(doc: &Document, figures: &[&Mention], what: &str) -> Vec<Related> {
    figures
        .iter()
        .map(|m| Related {
            span: m.span,
            message: format!("{what} `{}`", doc.slice(m.span)),
        })
        .collect()
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
                    reason: None,
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

    use super::testing::{build, spec};

    #[test]
    fn a_noun_left_out_the_second_time_is_the_same_measure() {
        let text = "sold 500,508 vehicles in 2024 from 376,030 in 2023 and 12 in 2022.";
        let (_, ms) = build(
            text,
            &[
                spec("500,508 vehicles", Kind::Count, 500_508.0, 0.5, "vehicles"),
                spec("376,030", Kind::Number, 376_030.0, 0.5, ""),
                spec("12", Kind::Number, 12.0, 0.5, ""),
            ],
        );
        assert!(same_or_elided(&ms[0], &ms[1]));
        assert!(same_or_elided(&ms[1], &ms[0]));
        assert!(!same_or_elided(&ms[0], &ms[2]));
        assert!(!same_measure(&ms[0], &ms[1]));
    }

    #[test]
    fn years_read_as_lengths_of_time_are_dropped() {
        let text = "較 113 年的 4,750.7 億美元，已有 120 年歷史，為期 3 年。";
        let (doc, ms) = build(
            text,
            &[
                spec("113 年", Kind::Quantity, 113.0, 0.5, "year"),
                spec("4,750.7 億美元", Kind::Money, 4.7507e11, 5e6, "USD"),
                spec("120 年", Kind::Quantity, 120.0, 0.5, "year"),
                spec("3 年", Kind::Quantity, 3.0, 0.5, "year"),
            ],
        );
        let qs: Vec<&Mention> = ms.iter().collect();
        let kept = without_dates(&doc.masked, &qs);
        assert_eq!(kept.len(), 3);
        assert!(kept.iter().all(|m| m.value != 113.0));
    }

    #[test]
    fn strips_hedges_at_word_boundaries() {
        assert_eq!(strip_hedges("高出近 "), "高出");
        assert_eq!(strip_hedges("是的约"), "是的");
        assert_eq!(strip_hedges("moreover "), "moreover");
        assert_eq!(strip_hedges("is about"), "is");
    }
}

/// The name a Chinese title opens with (`台新電子 2024 年稅後純益年增 18.7%` → `台新電子`): the
/// company or place the article is about, so that its name at the head of a measure
/// (`台新電子合併營收`) names nothing more than the measure (`合併營收`). Two to six ideographs
/// on the first line, followed by a space, a digit or a mark.
pub(super) fn title_subject(text: &str) -> Option<&str> {
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())?
        .trim_start_matches(['#', ' ', '\t'])
        .trim_end();
    let end = first
        .char_indices()
        .find(|&(_, c)| !('\u{4e00}'..='\u{9fff}').contains(&c))
        .map_or(first.len(), |(k, _)| k);
    let mut name = &first[..end];
    // `# 泰豐人壽前三季稅後純益 182.6 億元`: a headline opens with the name and then the
    // period; the name ends where a period word begins (two to six characters in).
    if name.chars().count() > 6
        && let Some((k, _)) = name
            .char_indices()
            .skip(2)
            .take(5)
            .find(|&(k, _)| HEADLINE_PERIODS.iter().any(|w| name[k..].starts_with(w)))
    {
        name = &name[..k];
    }
    (end < first.len() && (2..=6).contains(&name.chars().count())).then_some(name)
}

/// Period words that follow a company's name at the head of a Chinese headline.
const HEADLINE_PERIODS: &[&str] = &[
    "前三季",
    "前三季度",
    "第一季",
    "第二季",
    "第三季",
    "第四季",
    "一季度",
    "二季度",
    "三季度",
    "四季度",
    "上半年",
    "下半年",
    "全年",
    "今年",
    "去年",
    "首季",
    "前三個",
    "前三个",
];

/// `measure` without the title's subject at its head, when two characters or more remain.
pub(super) fn without_title_subject<'m>(measure: &'m str, subject: Option<&str>) -> &'m str {
    subject
        .and_then(|s| measure.strip_prefix(s))
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(measure)
}

/// `measure` without the title's subject at its head, or without the first two characters
/// or more of it (`聯晶合併營收` under `# 聯晶半導體 10 月營收…`: a company is called by the
/// head of its name), when two characters or more remain.
pub(super) fn without_title_name<'m>(measure: &'m str, subject: Option<&str>) -> &'m str {
    let whole = without_title_subject(measure, subject);
    if whole.len() < measure.len() {
        return whole;
    }
    let Some(subject) = subject.filter(|s| s.chars().count() >= 3) else {
        return measure;
    };
    let common = measure
        .char_indices()
        .zip(subject.chars())
        .take_while(|((_, a), b)| a == b)
        .last()
        .map_or(0, |((k, c), _)| k + c.len_utf8());
    let rest = &measure[common..];
    if measure[..common].chars().count() >= 2 && rest.chars().count() >= 2 {
        rest
    } else {
        measure
    }
}

/// The article's lead: its first sentence that is not a heading. A lead that names its
/// source (`Fairmart said …`, `The fund said on Tuesday that …`, `据市统计局统计，…`) names
/// the source of the whole report, so its figures are the article's own, not someone's
/// statement set against it; a lead with a quotation still quotes someone.
pub(super) fn lead_sentence(text: &str, model: &crate::analysis::facts::Whole) -> Option<usize> {
    let k = model
        .sentences
        .iter()
        .position(|s| !text[s.span.range()].trim_start().starts_with('#'))?;
    let body = &text[model.sentences[k].span.range()];
    (!body.contains(['"', '“', '”', '「', '」'])).then_some(k)
}
