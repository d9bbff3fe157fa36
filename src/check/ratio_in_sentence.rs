//! The `ratio_in_sentence` built-in check: mentions and masked text in, findings out.
//!
//! Finds `A … 是 B 的 N 倍` and `A is N times (as much as) B` inside one sentence, where A
//! and B are quantities of the same kind and unit, and checks N against A / B in interval
//! arithmetic. Its documentation is `docs/ratio_in_sentence.md`.

use std::sync::LazyLock;

use regex::Regex;

use super::frames;
use super::named_base as named;
use super::rewrite::rewrite_number;
use super::sentence::{
    clause_breaks, has_clause_break, input, last_clause_break, same_measure, same_or_elided,
    strip_continuations,
    strip_hedges,
};
use super::{BuiltinMeta, Context, Explanation, Finding, Origin, Severity};
use crate::eval::{Interval, brief, brief_interval};
use crate::extract::{Hedge, Kind, Mention};
use crate::lexicon::{RELATION_STARTS, is_comparison_marker};
use crate::source::Span;

pub const META: BuiltinMeta = BuiltinMeta {
    id: "ratio_in_sentence",
    doc: include_str!("docs/ratio_in_sentence.md"),
    default_severity: Severity::Error,
};

const ID: &str = META.id;

/// What follows an English multiple up to its base B: a connector, then a few words naming
/// the base (`China's`, `the UK (`), never a clause break or another number.
static EN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^\s*(?:
            (?P<as>as\s+(?:much|many|large|big|high|great|expensive|costly|long|heavy|fast)\s+as
              |that\s+of|those\s+of
              |the\s+(?:size|amount|level|value|number|cost|total)\s+of)
              \s*[^,;:.!?0-9０-９]{0,40}
          | (?P<than>(?:more|larger|bigger|higher|greater|costlier|heavier)\s+than)
              \s*[^,;:.!?0-9０-９]{0,40}
          | (?:the\s+|[A-Z][\w'’]*\s*|\(\s*)*
        )$",
    )
    .expect("static regex")
});

/// What must stand right before an English multiple for the quantity before it to be A:
/// a copula or an apposition.
static EN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\b(?:is|was|are|were|be|been|being)|['’]s|,|\(|—|–)$").expect("static regex")
});

/// One `N` with its base `B`, found before A is looked for.
pub(super) struct Frame<'m> {
    pub n: &'m Mention,
    pub b: &'m Mention,
    /// A must come before this offset.
    pub a_before: usize,
    /// `N times more than B`: read as N or N+1 times, since usage is split.
    pub either: bool,
    /// A, when the words name it (`甲省是乙省的 4 倍`) instead of leaving it to the chain of
    /// clauses before the comparison.
    pub a: Option<&'m Mention>,
    /// `增幅 N 倍`: the increase is N times the base, so A / B is N + 1.
    pub strict: bool,
    /// Whether the rewrite of N may be offered as an edit: only where A and B sit next to
    /// the multiple in the frames this check has always read.
    pub fixable: bool,
}

impl<'m> Frame<'m> {
    /// `N … B` with A anywhere before N, read strictly as N times, with no edit offered: the
    /// shape of every frame but the few this check has always fixed.
    pub(super) fn before_n(n: &'m Mention, b: &'m Mention) -> Frame<'m> {
        Frame {
            n,
            b,
            a_before: n.span.start,
            either: false,
            a: None,
            strict: false,
            fixable: false,
        }
    }
}

pub fn check(ctx: &Context<'_>, severity: Severity, examined: &mut Vec<Span>) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Every frame starts from a multiple, a percent or a fraction: the other sentences are
    // passed over by the analysis' summary of each.
    for s in ctx
        .analysis()
        .checked_sentences_holding(&[Kind::Multiple, Kind::Percent, Kind::Fraction])
    {
        let (sentence, qs) = (s.span, s.quantities);
        let qs = &*super::sentence::without_dates(&ctx.doc.masked, qs);
        let masked = &ctx.doc.masked;
        if !qs
            .iter()
            .any(|q| matches!(q.kind, Kind::Multiple | Kind::Percent | Kind::Fraction))
        {
            continue;
        }
        // The sentence's from–to frames, read on first need: most figures cannot be read
        // against one (`may_change_frame`).
        let mut changes = None;
        let mut frames: Vec<Frame<'_>> = (0..qs.len())
            .filter_map(|i| {
                frame(ctx, sentence, qs, i).or_else(|| {
                    if !may_change_frame(masked, sentence, qs, i) {
                        return None;
                    }
                    let changes =
                        changes.get_or_insert_with(|| frames::from_to(masked, sentence, qs));
                    change_frame(ctx, sentence, qs, changes, i)
                })
            })
            .collect();
        if !frames.is_empty() {
            let quotes = frames::quotations(masked, sentence);
            frames.retain(|f| !frames::quoted(&quotes, f.n.span.start));
        }
        for f in &frames {
            let candidates: Vec<&Mention> = match f.a {
                Some(a) => vec![a],
                None => qs
                    .iter()
                    .copied()
                    .filter(|a| {
                        a.span.end <= f.a_before
                            && same_or_elided(a, f.b)
                            && !std::ptr::eq(*a, f.b)
                            && !frames.iter().any(|g| std::ptr::eq(g.b, *a))
                            && (keeps_subject(ctx, qs, a.span.end, f.a_before)
                                || opens_at(masked, sentence, a, f.a_before))
                    })
                    .collect(),
            };
            if !candidates.is_empty() {
                ctx.count_relation();
                examined.extend([f.n.span, f.b.span]);
                examined.extend(candidates.iter().map(|a| a.span));
            }
            if let Some(finding) = judge(ctx, f, &candidates, severity) {
                findings.push(finding);
            }
        }
    }
    findings
}

/// The frame whose multiple is `qs[i]`, if the words around it make one.
fn frame<'m>(ctx: &Context<'m>, sentence: Span, qs: &[&'m Mention], i: usize) -> Option<Frame<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    if matches!(n.kind, Kind::Percent | Kind::Fraction) {
        // `仅为全国平均水平（2,100 立方米）的 22%`: a ratio written as a percentage.
        return zh_of(ctx, sentence, qs, i)
            .or_else(|| named::zh_named(ctx, sentence, qs, i))
            .or_else(|| en_percent_of(ctx, sentence, qs, i));
    }
    if n.kind != Kind::Multiple {
        return None;
    }
    if masked[n.span.range()].contains('倍') {
        return zh_of(ctx, sentence, qs, i)
            .or_else(|| zh_than(ctx, sentence, qs, i))
            .or_else(|| zh_times_over(ctx, qs, i))
            .or_else(|| named::zh_named(ctx, sentence, qs, i));
    }
    en_times(ctx, sentence, qs, i)
        .or_else(|| named::en_named(ctx, sentence, qs, i))
        .or_else(|| en_outpacing(ctx, qs, i))
        .or_else(|| en_fold_from(ctx, qs, i))
        .or_else(|| en_period_named(ctx, sentence, qs, i))
}

/// Names of the subject's own earlier figure after an English multiple: `three times the
/// prior-year figure`, `twice the year-earlier level`.
const EN_EARLIER: &[(&str, frames::Period)] = &[
    ("last year's", frames::Period::YearBefore),
    ("previous year's", frames::Period::YearBefore),
    ("previous-quarter", frames::Period::PeriodBefore),
    ("previous-year", frames::Period::YearBefore),
    ("prior year's", frames::Period::YearBefore),
    ("prior-quarter", frames::Period::PeriodBefore),
    ("prior-year", frames::Period::YearBefore),
    ("year-ago", frames::Period::YearBefore),
    ("year-earlier", frames::Period::YearBefore),
];

/// `B was up N% from A a year earlier, roughly three times the prior-year figure`.
fn en_period_named<'m>(
    ctx: &Context<'_>,
    sentence: Span,
    qs: &[&'m Mention],
    i: usize,
) -> Option<Frame<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let end = qs.get(i + 1).map_or(sentence.end, |q| q.span.start);
    let after = masked[n.span.end..end].trim_start().strip_prefix("the ")?;
    let (period, rest) = EN_EARLIER
        .iter()
        .find_map(|&(w, p)| after.strip_prefix(w).map(|rest| (p, rest)))?;
    // One noun at most, then the clause ends: `figure.`, `level,`.
    let rest = rest.trim_start();
    let word_end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    if !rest[word_end..].trim_start().is_empty()
        && !rest[word_end..].trim_start().starts_with(['.', ',', ';'])
    {
        return None;
    }
    let before = strip_hedges(&masked[sentence.start..n.span.start]);
    // `, or 3.6 times the previous year's total`: the same change said again.
    let or_again = before
        .strip_suffix("or")
        .is_some_and(|r| r.trim_end().ends_with(','));
    if !before.ends_with(',') && !or_again && !EN_BEFORE.is_match(before) {
        return None;
    }
    let (a, b) = earlier_and_subject(masked, sentence, qs, i, period)?;
    (!frames::hypothetical(&masked[sentence.range()])).then_some(Frame {
        a: Some(a),
        ..Frame::before_n(n, b)
    })
}

/// `B, a threefold increase from A`, `B, up fourfold from A`: a multiple that carries its
/// verb, its subject right before it and its start after `from`.
fn en_fold_from<'m>(ctx: &Context<'_>, qs: &[&'m Mention], i: usize) -> Option<Frame<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let (b, a) = (*qs.get(i.checked_sub(1)?)?, *qs.get(i + 1)?);
    if !carries_verb(&masked[n.span.range()]) || !same_measure(a, b) {
        return None;
    }
    // `B in fiscal 2024, a threefold increase`: a short phrase of time may close B's clause.
    let (head, before) = masked[b.span.end..n.span.start].rsplit_once(',')?;
    if !frames::time_phrase_words(&format!("{head},")) || !matches!(before.trim(), "" | "a" | "an" | "up" | "down") {
        return None;
    }
    let after = masked[n.span.end..a.span.start].trim();
    let after = ["increase", "rise", "jump", "gain", "drop", "decline", "fall"]
        .iter()
        .find_map(|w| after.strip_prefix(w))
        .unwrap_or(after)
        .trim();
    if !matches!(after, "from" | "over" | "from the" | "over the") {
        return None;
    }
    Some(Frame {
        n,
        b: a,
        a_before: n.span.start,
        either: false,
        a: Some(b),
        strict: false,
        fixable: false,
    })
}

/// `A 是 B 的 N 倍`, `A 为 B 的 N%`: B is the quantity right before, joined to N by `的`.
fn zh_of<'m>(ctx: &Context<'_>, sentence: Span, qs: &[&'m Mention], i: usize) -> Option<Frame<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let b = *qs.get(i.checked_sub(1)?)?;
    let gap = &masked[b.span.end..n.span.start];
    if has_clause_break(gap) || !strip_hedges(gap).ends_with('的') {
        return None;
    }
    let before_b = &masked[sentence.start..b.span.start];
    let clause = sentence.start + last_clause_break(before_b).unwrap_or(0);
    let previous_multiple = qs[..i - 1]
        .iter()
        .rev()
        .find(|m| m.kind == Kind::Multiple)
        .map(|m| m.span.end)
        .unwrap_or(0);
    let from = clause.max(previous_multiple);
    let relation = relation_word(&masked[from..b.span.start])?;
    Some(Frame {
        n,
        b,
        a_before: from + relation,
        either: false,
        a: None,
        strict: false,
        fixable: true,
    })
}

/// Comparatives of `A 比 B 多 N 倍`: strictly N+1 times, commonly N, so either is accepted
/// (and `multiple_wording` asks for the clearer wording).
const ZH_MORE: &[&str] = &[
    "高出了",
    "多出了",
    "高出",
    "多出",
    "高了",
    "多了",
    "大了",
    "快了",
    "高",
    "多",
    "大",
    "快",
];

/// `A 比 B 多 N 倍`: B right before the comparative, `比` before B in its clause, A the
/// figure before `比`.
fn zh_than<'m>(
    ctx: &Context<'_>,
    sentence: Span,
    qs: &[&'m Mention],
    i: usize,
) -> Option<Frame<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let b = *qs.get(i.checked_sub(1)?)?;
    let gap = strip_hedges(&masked[b.span.end..n.span.start]).trim();
    if !ZH_MORE.contains(&gap) {
        return None;
    }
    let floor = i.checked_sub(2).map_or(sentence.start, |k| qs[k].span.end);
    let before_b = &masked[floor..b.span.start];
    let at = before_b.rfind('比')?;
    if has_clause_break(&before_b[at..]) {
        return None;
    }
    Some(Frame {
        n,
        b,
        a_before: floor + at,
        either: true,
        a: None,
        strict: false,
        fixable: false,
    })
}

/// `A，N 倍于 B`: B right after `于`.
fn zh_times_over<'m>(ctx: &Context<'_>, qs: &[&'m Mention], i: usize) -> Option<Frame<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let mut b = *qs.get(i + 1)?;
    let mut gap = &masked[n.span.end..b.span.start];
    // `三倍于五年前的 B`: a span of time ago names B's period, and is not B.
    if frames::is_duration(b)
        && let Some(&next) = qs.get(i + 2)
        && matches!(masked[b.span.end..next.span.start].trim(), "前的" | "前")
    {
        gap = &masked[n.span.end..b.span.start];
        b = next;
    }
    if !gap.trim_start().starts_with('于') || has_clause_break(gap) {
        return None;
    }
    Some(Frame::before_n(n, b))
}

/// `A was N% of B`: a ratio written as a percentage of a figure after it.
fn en_percent_of<'m>(
    ctx: &Context<'_>,
    sentence: Span,
    qs: &[&'m Mention],
    i: usize,
) -> Option<Frame<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let b = *qs.get(i + 1)?;
    let gap = &masked[n.span.end..b.span.start];
    // `EN_PERCENT_OF` opens with `of` after white space: other gaps never run it.
    if !gap.trim_start().starts_with("of") || !EN_PERCENT_OF.is_match(gap) {
        return None;
    }
    let before = strip_hedges(&masked[sentence.start..n.span.start]);
    if !EN_BEFORE.is_match(before) {
        return None;
    }
    Some(Frame::before_n(n, b))
}

/// Between a percentage and its base: `of Apple's`, `of the`.
static EN_PERCENT_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*of\s+(?:the\s+|[A-Z][A-Za-z0-9_'’]*\s+){0,3}$").expect("static regex")
});

/// `A, outpacing B ($X) by N times`: A exceeds B N times over, commonly meaning N times B,
/// so either reading is accepted.
fn en_outpacing<'m>(ctx: &Context<'_>, qs: &[&'m Mention], i: usize) -> Option<Frame<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let b = *qs.get(i.checked_sub(1)?)?;
    let a = *qs.get(i.checked_sub(2)?)?;
    if !EN_BY.is_match(&masked[b.span.end..n.span.start])
        || !EN_OUTPACING.is_match(&masked[a.span.end..b.span.start])
        || !same_measure(a, b)
    {
        return None;
    }
    Some(Frame {
        n,
        b,
        a_before: n.span.start,
        either: true,
        a: Some(a),
        strict: false,
        fixable: false,
    })
}

/// Between A and B: `, outpacing China (`.
static EN_OUTPACING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*,?\s*(?:outpacing|outstripping|exceeding|surpassing|topping|beating)\s+(?:the\s+)?(?:[A-Z][A-Za-z0-9_'’]*\s*){1,3}\(\s*$",
    )
    .expect("static regex")
});

/// Between B and N: `) by almost`.
static EN_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\)\s*by\s+(?:almost|nearly|about|roughly|some|over|more\s+than)?\s*$")
        .expect("static regex")
});

/// How a multiple next to a change reads B / A.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// `是原来的 N 倍`, `翻了一番`, `doubled`, `12-fold`: B / A = N.
    Plain,
    /// `增长了 N 倍`: strictly N + 1, commonly N; either is accepted.
    Either,
    /// `增幅 N 倍`: the increase is N times A, so B / A = N + 1.
    Strict,
}

/// Words before a multiple that say how it reads, longest first (`降为原来的` before
/// `为原来的`).
const MULTIPLE_WORDS: &[(&str, Reading)] = &[
    ("增长到原来的", Reading::Plain),
    ("增加到原来的", Reading::Plain),
    ("减少到原来的", Reading::Plain),
    ("下降到原来的", Reading::Plain),
    ("相当于原来的", Reading::Plain),
    ("达到原来的", Reading::Plain),
    ("增至原来的", Reading::Plain),
    ("降为原来的", Reading::Plain),
    ("降至原来的", Reading::Plain),
    ("降到原来的", Reading::Plain),
    ("是原来的", Reading::Plain),
    ("为原来的", Reading::Plain),
    ("增加到", Reading::Plain),
    ("增长到", Reading::Plain),
    ("增幅达", Reading::Strict),
    ("增幅为", Reading::Strict),
    ("增长了", Reading::Either),
    ("增加了", Reading::Either),
    ("提高了", Reading::Either),
    ("上升了", Reading::Either),
    ("扩大了", Reading::Either),
    ("增幅", Reading::Strict),
    ("涨幅", Reading::Strict),
    ("增长", Reading::Either),
    ("增加", Reading::Either),
    ("提高", Reading::Either),
    ("扩大", Reading::Either),
];

/// Whether `change_frame` can give a frame for `qs[i]`: only a multiple, or a percent or a
/// fraction whose words before it end in `的` (`为原来的 40%`, `为上年同期的 62%`), can be
/// read against a change; checked before the sentence's from–to frames are read.
fn may_change_frame(masked: &str, sentence: Span, qs: &[&Mention], i: usize) -> bool {
    let n = qs[i];
    match n.kind {
        Kind::Multiple => true,
        Kind::Percent | Kind::Fraction => {
            let floor = i.checked_sub(1).map_or(sentence.start, |k| qs[k].span.end);
            strip_hedges(&masked[floor..n.span.start]).ends_with('的')
        }
        _ => false,
    }
}

/// A multiple (or a share of the start, `降为原来的四成`) stated next to a from–to change:
/// B / A against N, read as the words say.
fn change_frame<'m>(
    ctx: &Context<'m>,
    sentence: Span,
    qs: &[&'m Mention],
    changes: &[frames::FromTo],
    i: usize,
) -> Option<Frame<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let floor = i.checked_sub(1).map_or(sentence.start, |k| qs[k].span.end);
    let lead = strip_hedges(&masked[floor..n.span.start]);
    // `B，较 A 翻了一番`, `B, doubled from A`: a multiple that carries its verb, right after the
    // start of a comparison, reads as a change from it.
    if n.kind == Kind::Multiple
        && lead.trim().is_empty()
        && carries_verb(&masked[n.span.range()])
        && let Some(c) = super::change_in_sentence::reading(ctx, sentence, qs, i, "")
        && !frames::hypothetical(&masked[sentence.range()])
    {
        return Some(Frame {
            a: Some(c.b),
            ..Frame::before_n(n, c.a)
        });
    }
    if changes.is_empty() {
        // `B，比上年的 A 增长 1.3 倍，是上年的 2.3 倍`: the start marked by `比`, not by a
        // from–to frame.
        if !matches!(n.kind, Kind::Multiple) {
            return None;
        }
        let (period, _) = period_named(lead)?;
        let (a, b) = earlier_and_subject(masked, sentence, qs, i, period)?;
        return (!frames::hypothetical(&masked[sentence.range()])).then_some(Frame {
            a: Some(a),
            ..Frame::before_n(n, b)
        });
    }
    let worded = MULTIPLE_WORDS
        .iter()
        .find_map(|&(w, r)| lead.strip_suffix(w).map(|rest| (r, rest)));
    let n_text = &masked[n.span.range()];
    let (reading, residual) = match (n.kind, worded) {
        (Kind::Multiple, Some(found)) => found,
        (Kind::Percent | Kind::Fraction, Some((Reading::Plain, rest)))
            if lead.ends_with("原来的") =>
        {
            (Reading::Plain, rest)
        }
        // The multiple carries its verb: `翻了一番`, `doubled`, `12-fold`, `a fourfold
        // increase`.
        (Kind::Multiple, None) if carries_verb(n_text) => (Reading::Plain, lead),
        // The start named by its period: `是上一财年的 2.26 倍`, `为上年同期的 62%`.
        (Kind::Multiple | Kind::Percent | Kind::Fraction, None) => {
            (Reading::Plain, period_named(lead)?.1)
        }
        _ => return None,
    };
    let f = frames::attached(masked, qs, changes, i, Some(residual))?;
    if frames::hypothetical(&masked[sentence.range()]) {
        return None;
    }
    Some(Frame {
        n,
        b: qs[f.a],
        a_before: n.span.start,
        either: reading == Reading::Either,
        a: Some(qs[f.b]),
        strict: reading == Reading::Strict,
        fixable: false,
    })
}

/// `是上一财年的`, `为上年同期的`: a relation word, the period of the start of a change and
/// `的` end `lead`; the text before the relation word.
fn period_named(lead: &str) -> Option<(frames::Period, &str)> {
    let rest = lead.trim_end().strip_suffix('的')?;
    let (period, rest) = frames::base_period_suffix(rest.trim_end())?;
    let rest = rest.trim_end();
    ["相当于", "相當於", "是", "为", "為"]
        .iter()
        .find_map(|w| rest.strip_suffix(w))
        .map(|rest| (period, rest))
}


/// The subject's earlier figure of the sentence before `qs[upto]` and the subject itself,
/// when the words mark exactly one figure as the start of a comparison (`from A`, `较上年的
/// A`, `比上年同期 A`) and a figure of its measure stands before it unmarked: what a
/// multiple named by its period (`是上年的 2 倍`, `three times the prior-year figure`)
/// compares.
fn earlier_and_subject<'m>(
    masked: &str,
    sentence: Span,
    qs: &[&'m Mention],
    upto: usize,
    period: frames::Period,
) -> Option<(&'m Mention, &'m Mention)> {
    // The figure must be marked as a start, and its words must name the multiple's period:
    // `比乙公司的 A` is the start of another comparison.
    let marked = |j: usize| {
        let floor = j.checked_sub(1).map_or(sentence.start, |p| qs[p].span.end);
        let before = &masked[floor..qs[j].span.start];
        let clause = &before[last_clause_break(before).unwrap_or(0)..];
        let en = strip_hedges(clause.trim_end());
        let en = en.strip_suffix("the").unwrap_or(en).trim_end();
        if en.ends_with(" from") || en == "from" {
            let end = qs.get(j + 1).map_or(sentence.end, |q| q.span.start);
            let after = masked[qs[j].span.end..end].trim_start();
            // `from A a year earlier`, or `from A in 2020` in a sentence about 2021.
            return frames::EN_EARLIER_AFTER
                .iter()
                .any(|&(w, p)| p == period && after.starts_with(w))
                || (period == frames::Period::YearBefore
                    && year_in(after).is_some_and(|y| {
                        masked[sentence.start..qs[j].span.start]
                            .contains(&format!("in {}", y + 1))
                    }));
        }
        let names_period = frames::BASE_PERIODS
            .iter()
            .any(|&(w, p)| p == period && clause.contains(w));
        names_period
            && clause
            .char_indices()
            .rev()
            .take(12)
            .find(|&(_, c)| matches!(c, '较' | '較' | '比' | '从' | '從' | '由'))
            .is_some_and(|(at, c)| {
                let rest = &clause[at..];
                !rest.chars().any(|d| d.is_ascii_digit())
                    && (!matches!(c, '较' | '較' | '比') || is_comparison_marker(clause, at))
            })
    };
    let mut earlier = None;
    for (j, q) in qs[..upto].iter().enumerate() {
        if matches!(
            q.kind,
            Kind::Money | Kind::Quantity | Kind::Count | Kind::Number
        ) && marked(j)
        {
            if earlier.is_some() {
                return None;
            }
            earlier = Some(j);
        }
    }
    let j = earlier?;
    let b = qs[j];
    let a = qs[..j]
        .iter()
        .rev()
        .find(|q| same_or_elided(q, b))
        .copied()?;
    Some((a, b))
}

/// The year of `in 2020` opening `text`.
fn year_in(text: &str) -> Option<u32> {
    let rest = text.strip_prefix("in ")?.trim_start();
    let digits = rest.get(..4)?;
    let after = rest[4..].chars().next();
    (digits.bytes().all(|b| b.is_ascii_digit())
        && !after.is_some_and(|c| c.is_ascii_alphanumeric()))
    .then(|| digits.parse().ok())
    .flatten()
}

/// Whether a multiple's own words make it a change: `翻了一番`, `翻番`, `doubled`,
/// `tripled`, `halved`, `12-fold`, `fourfold`.
fn carries_verb(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    text.contains('番')
        || [
            "doubled",
            "tripled",
            "trebled",
            "quadrupled",
            "halved",
            "fold",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// `A is N times as much as B`.
fn en_times<'m>(
    ctx: &Context<'_>,
    sentence: Span,
    qs: &[&'m Mention],
    i: usize,
) -> Option<Frame<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let b = *qs.get(i + 1)?;
    let gap = &masked[n.span.end..b.span.start];
    // Every branch of `EN_AFTER` opens with an ASCII letter or `(` after white space, or
    // is white space alone: other gaps (most in Chinese) never compile or run it.
    if !gap
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| c.is_ascii_alphabetic() || c == '(')
    {
        return None;
    }
    let after = EN_AFTER.captures(gap)?;
    let before = strip_hedges(&masked[sentence.start..n.span.start]);
    // `…, 8.7 times as much as China ($7.7 billion) and 17.7 times as much as the UK`:
    // a second multiple of the same subject.
    let another = before.ends_with(" and") && qs[..i].iter().any(|m| m.kind == Kind::Multiple);
    if !EN_BEFORE.is_match(before) && !another {
        return None;
    }
    Some(Frame {
        n,
        b,
        a_before: n.span.start,
        either: after.name("than").is_some(),
        a: None,
        strict: false,
        fixable: true,
    })
}

/// Whether every clause between `from` (the end of A) and `to` (the relation word) carries
/// A's subject on: each opens with a relation word after optional continuation words, or
/// with a multiple (an earlier ratio of the same subject), or is empty.
fn keeps_subject(ctx: &Context<'_>, qs: &[&Mention], from: usize, to: usize) -> bool {
    let masked = &ctx.doc.masked;
    let text = &masked[from..to];
    let starts: Vec<usize> = clause_breaks(text).collect();
    starts.iter().enumerate().all(|(k, &start)| {
        let end = starts.get(k + 1).map_or(text.len(), |&next| next);
        let clause = strip_continuations(&text[start..end]);
        let opens_at = from + end - clause.len();
        let clause = clause.trim_end_matches(['，', ',', '；', ';', '：', ':', '、']);
        clause.trim().is_empty()
            || RELATION_STARTS.iter().any(|r| starts_with_word(clause, r))
            || qs
                .iter()
                .any(|m| m.kind == Kind::Multiple && m.span.start == opens_at)
    })
}

/// `At $130.5 billion, revenue was more than twice …`: a sentence that opens with `At A,`
/// gives its subject's figure there, and the clause after the comma is the subject's own
/// (one clause, ending in a copula before the multiple).
fn opens_at(masked: &str, sentence: Span, a: &Mention, to: usize) -> bool {
    let head = strip_hedges(masked[sentence.start..a.span.start].trim_end());
    if !head.trim().eq_ignore_ascii_case("at") {
        return false;
    }
    let rest = &masked[a.span.end..to];
    let copula = strip_hedges(rest.trim_end());
    rest.trim_start().starts_with(',')
        && clause_breaks(rest).count() == 1
        && [" was", " is", " were", " are"]
            .iter()
            .any(|w| copula.ends_with(w))
}

/// Whether `s` opens with `w`; a Latin `w` must end at a word boundary (`up`, not `upper`).
fn starts_with_word(s: &str, w: &str) -> bool {
    s.strip_prefix(w).is_some_and(|rest| {
        !(w.ends_with(|c: char| c.is_ascii_alphabetic())
            && rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
    })
}

/// Offset of the last `是`, `为` or `相当于` in `text` that links A to `B 的 N 倍`, skipping
/// words that merely contain the character (`但是`, `因为`, `作为`).
fn relation_word(text: &str) -> Option<usize> {
    // Read back one character at a time, the neighbours from the text: no vector of the
    // characters per figure.
    let mut next = None;
    let found = text.char_indices().rev().find(|&(k, c)| {
        let before = || text[..k].chars().rev();
        let prev = before().next();
        let found = match c {
            '是' => {
                !matches!(
                    prev,
                    Some(
                        '但' | '可'
                            | '还'
                            | '就'
                            | '只'
                            | '总'
                            | '于'
                            | '凡'
                            | '要'
                            | '若'
                            | '或'
                            | '倒'
                            | '真'
                            | '正'
                            | '硬'
                    )
                ) && next != Some('否')
            }
            '为' | '為' => !matches!(
                prev,
                Some(
                    '因' | '作'
                        | '认'
                        | '認'
                        | '以'
                        | '称'
                        | '稱'
                        | '行'
                        | '视'
                        | '視'
                        | '较'
                        | '較'
                        | '更'
                )
            ),
            '于' => prev == Some('当') && before().nth(1) == Some('相'),
            '於' => prev == Some('當') && before().nth(1) == Some('相'),
            // `接近上年的两倍`: nearly, and a relation word of its own.
            '近' => prev == Some('接'),
            _ => false,
        };
        next = Some(c);
        found
    })?;
    // `相当于` starts two characters before its `于`, `接近` one before its `近`.
    let (at, c) = found;
    let back = match c {
        '于' | '於' => 2,
        '近' => 1,
        _ => 0,
    };
    Some(at - text[..at].chars().rev().take(back).map(char::len_utf8).sum::<usize>())
}

/// `relation_word` as it was, over a vector of the characters: the reference the tests
/// compare it with.
#[cfg(test)]
fn relation_word_by_vec(text: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let found = (0..chars.len()).rev().find(|&k| {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|&(_, c)| c);
        match chars[k].1 {
            '是' => {
                !matches!(
                    prev,
                    Some(
                        '但' | '可'
                            | '还'
                            | '就'
                            | '只'
                            | '总'
                            | '于'
                            | '凡'
                            | '要'
                            | '若'
                            | '或'
                            | '倒'
                            | '真'
                            | '正'
                            | '硬'
                    )
                ) && next != Some('否')
            }
            '为' | '為' => !matches!(
                prev,
                Some(
                    '因' | '作'
                        | '认'
                        | '認'
                        | '以'
                        | '称'
                        | '稱'
                        | '行'
                        | '视'
                        | '視'
                        | '较'
                        | '較'
                        | '更'
                )
            ),
            '于' => prev == Some('当') && k >= 2 && chars[k - 2].1 == '相',
            '於' => prev == Some('當') && k >= 2 && chars[k - 2].1 == '相',
            // `接近上年的两倍`: nearly, and a relation word of its own.
            '近' => prev == Some('接'),
            _ => false,
        }
    })?;
    // `相当于` starts two characters before its `于`, `接近` one before its `近`.
    let start = match chars[found].1 {
        '于' | '於' => found - 2,
        '近' => found - 1,
        _ => found,
    };
    Some(chars[start].0)
}

fn judge(
    ctx: &Context<'_>,
    f: &Frame<'_>,
    candidates: &[&Mention],
    severity: Severity,
) -> Option<Finding> {
    // The nearest candidate is the likely A, but any candidate whose ratio holds is a
    // reading under which the sentence is right: then stay silent.
    let mut verdicts = Vec::new();
    let r = ctx.options.tolerance;
    for &a in candidates {
        let q = operand(a, f.n, r).checked_div(operand(f.b, f.n, r))?;
        if holds(q, f) {
            return None;
        }
        verdicts.push((a, q));
    }
    let &(a, q) = verdicts.last()?;
    let doc = ctx.doc;
    let computed = a.value / f.b.value;
    if !computed.is_finite() {
        return None;
    }
    let n_text = doc.slice(f.n.span);
    let message = format!(
        "`{n_text}` does not match `{}` / `{}` = {} (the figures allow {}{})",
        doc.slice(a.span),
        doc.slice(f.b.span),
        brief(computed),
        brief_interval(q),
        if f.either {
            "; the wording was also read as N+1 times"
        } else {
            ""
        }
    );
    let mut finding = Finding::new(ID, Origin::Builtin(&META), severity, f.n.span, n_text, message);
    finding.explanation = Some(Explanation {
        inputs: vec![
            input("A", doc, a),
            input("B", doc, f.b),
            input("N", doc, f.n),
        ],
        formula: "N ~ A / B".into(),
        computed,
        computed_interval: q,
        claimed: f.n.interval,
        tolerance: ctx.options.tolerance,
    });
    if candidates.len() > 1 {
        finding.notes.push(format!(
            "A was read as the nearest `{}` before the comparison; the other {} figure(s) of \
             the same unit in the sentence do not match either",
            doc.slice(a.span),
            candidates.len() - 1
        ));
    }
    if f.fixable
        && let Some(rewrite) = rewrite_number(ctx, f.n, computed, q)
    {
        finding.suggestion = Some(rewrite.text);
        finding.fix = rewrite.fix;
    }
    Some(finding)
}

fn holds(q: Interval, f: &Frame<'_>) -> bool {
    let n = f.n.interval;
    let plus_one = Interval::new(n.low + 1.0, n.high + 1.0);
    if f.strict {
        return q.meets(&plus_one);
    }
    q.meets(&n) || (f.either && q.meets(&plus_one))
}

/// A figure's interval as an operand of a multiple: `超过 17 万件` read as 17 万 to 5% more
/// when the multiple itself is open-ended (`增幅超过两倍`), so that an open figure does not
/// make every open multiple hold.
fn operand(m: &Mention, n: &Mention, tolerance: f64) -> Interval {
    if n.interval.high.is_infinite() && matches!(m.hedge, Some(Hedge::Over | Hedge::AtLeast)) {
        Interval::new(m.value, m.value * (1.0 + tolerance))
    } else {
        m.interval
    }
}

#[cfg(test)]
mod tests {
    use super::super::sentence::testing::{Spec, run, spec};
    use super::*;
    use crate::extract::Hedge;

    fn usd(text: &str, value: f64, half: f64) -> Spec<'_> {
        spec(text, Kind::Money, value, half, "USD")
    }

    fn times(text: &str, value: f64, half: f64) -> Spec<'_> {
        spec(text, Kind::Multiple, value, half, "x")
    }

    const TWO_RATIOS: &str = "2023 年，美国投资额为 672 亿美元，大约是第二高国家中国投资额(78 亿美元)的 \
                              8.7 倍，是英国投资额(38 亿美元)的 17.8 倍(图 4.3.8)";

    fn two_ratios(first: f64, second: f64) -> Vec<Finding> {
        let mut n1 = times("8.7 倍", first, 0.05);
        n1.hedge = Some(Hedge::Approximately);
        run(
            check,
            TWO_RATIOS,
            &[
                usd("672 亿美元", 672e8, 0.5e8),
                usd("78 亿美元", 78e8, 0.5e8),
                n1,
                usd("38 亿美元", 38e8, 0.5e8),
                times("17.8 倍", second, 0.05),
            ],
        )
    }

    #[test]
    fn a_multiple_named_by_its_period() {
        assert_eq!(period_named("，是上一财年的").map(|p| p.1), Some("，"));
        assert_eq!(period_named("，約為上年同期的").map(|p| p.1), Some("，約"));
        assert!(period_named("，是乙公司的").is_none());
        let t = |text, v| spec(text, Kind::Quantity, v, 0.005e8, "t");
        let s = "粮食进口 1.58 亿吨，比上年的 1.46 亿吨增加 0.12 亿吨，是上年的 1.8 倍。";
        let specs = [
            t("1.58 亿吨", 1.58e8),
            t("1.46 亿吨", 1.46e8),
            t("0.12 亿吨", 0.12e8),
            times("1.8 倍", 1.8, 0.05),
        ];
        assert_eq!(run(check, s, &specs).len(), 1);
        let s = "粮食进口 1.58 亿吨，比乙省的 1.46 亿吨增加 0.12 亿吨，是上年的 1.8 倍。";
        assert!(run(check, s, &specs).is_empty(), "a comparison with another subject");
    }

    #[test]
    fn a_fold_increase_from_a() {
        let gw = |text, v| spec(text, Kind::Quantity, v, 0.05e9, "W");
        let s = "Storage reached 26.0 GW in 2024, a fourfold increase from 8.4 GW in 2022.";
        let specs = [
            gw("26.0 GW", 26e9),
            times("fourfold", 4.0, 0.2),
            gw("8.4 GW", 8.4e9),
        ];
        assert_eq!(run(check, s, &specs).len(), 1);
    }

    #[test]
    fn an_opening_at_gives_the_subject() {
        let s = "At $130.5 billion, revenue was twice the $40.9 billion of the year before.";
        let specs = [
            usd("$130.5 billion", 130.5e9, 0.05e9),
            times("twice", 2.0, 0.05),
            usd("$40.9 billion", 40.9e9, 0.05e9),
        ];
        assert_eq!(run(check, s, &specs).len(), 1);
    }

    #[test]
    fn two_ratios_with_one_subject_hold() {
        assert!(two_ratios(8.7, 17.8).is_empty());
    }

    #[test]
    fn a_wrong_second_ratio_is_reported_against_the_subject() {
        let f = two_ratios(8.7, 15.0);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("`672 亿美元` / `38 亿美元` = 17.68"),
            "{}",
            f[0].message
        );
        let e = f[0].explanation.as_ref().expect("explained");
        assert_eq!(e.formula, "N ~ A / B");
        assert_eq!(e.inputs.len(), 3);
    }

    #[test]
    fn a_base_of_another_unit_or_missing_is_silent() {
        let s = "释放了约 291.2 吨碳，大约是普通美国人一年碳排放量的 16 倍。";
        let f = run(
            check,
            s,
            &[
                spec("291.2 吨", Kind::Quantity, 291.2, 0.05, "t"),
                spec("一年", Kind::Quantity, 1.0, 0.5, "year"),
                times("16 倍", 16.0, 0.5),
            ],
        );
        assert!(f.is_empty());
        let s = "吸引了 252 亿美元的投资，几乎是 2022 年投资的九倍。";
        assert!(
            run(
                check,
                s,
                &[usd("252 亿美元", 252e8, 0.5e8), times("九倍", 9.0, 0.5)]
            )
            .is_empty()
        );
    }

    #[test]
    fn english_times_as_much_as() {
        let s = "The US invested $67.2 billion, 9.7 times as much as China ($7.8 billion).";
        let specs = [
            usd("$67.2 billion", 67.2e9, 0.05e9),
            times("9.7 times", 9.7, 0.05),
            usd("$7.8 billion", 7.8e9, 0.05e9),
        ];
        let f = run(check, s, &specs);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].found, "9.7 times");
    }

    #[test]
    fn times_more_than_accepts_either_reading() {
        let s = "Costs were $40 million, 3 times more than the $10 million of 2020.";
        let specs = [
            usd("$40 million", 40e6, 0.5e6),
            times("3 times", 3.0, 0.5),
            usd("$10 million", 10e6, 0.5e6),
        ];
        assert!(run(check, s, &specs).is_empty());
    }

    #[test]
    fn a_clause_with_a_new_subject_breaks_the_chain() {
        let s = "美国投资 672 亿美元，英国为 38 亿美元，中国是英国(38 亿美元)的 2 倍。";
        let mut b = usd("38 亿美元", 38e8, 0.5e8);
        b.nth = 1;
        let specs = [
            usd("672 亿美元", 672e8, 0.5e8),
            usd("38 亿美元", 38e8, 0.5e8),
            b,
            times("2 倍", 2.0, 0.5),
        ];
        assert!(run(check, s, &specs).is_empty());
        let s = "美国投资 672 亿美元，这是英国(38 亿美元)的 2 倍。";
        let specs = [
            usd("672 亿美元", 672e8, 0.5e8),
            usd("38 亿美元", 38e8, 0.5e8),
            times("2 倍", 2.0, 0.5),
        ];
        assert_eq!(run(check, s, &specs).len(), 1, "这 carries the subject on");
    }

    proptest::proptest! {
        /// Reading back character by character finds the relation word the vector of
        /// characters found, on Chinese and English words, digits and punctuation.
        #[test]
        fn relation_word_is_that_of_the_vector(
            text in "([0-9]{1,3}|相当于|相當於|接近|是否|但是|[ ，,的相当于當於接近是为為但可还因作认较否中国 isthe]){0,40}"
        ) {
            proptest::prop_assert_eq!(relation_word(&text), relation_word_by_vec(&text));
        }
    }

    #[test]
    fn relation_words_skip_lookalikes() {
        assert_eq!(relation_word("但是中国"), None);
        assert_eq!(relation_word("因为中国"), None);
        assert_eq!(relation_word("大约是中国"), Some("大约".len()));
        assert_eq!(relation_word("相当于中国"), Some(0));
    }
}
