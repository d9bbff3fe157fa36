//! The `change_in_sentence` built-in check: mentions and masked text in, findings out.
//!
//! Finds a stated change `N%` (or `N 个百分点`) whose start A and end B are written in the
//! same sentence (`从 A 下降到 B，降幅 N%`, `B，较 A 下降 N%`, `fell N% from A to B`,
//! `B, down N% from A`) and checks N against (B − A) / A, the sign taken from the verb. Its
//! documentation is `docs/change_in_sentence.md`.

use std::sync::LazyLock;

use regex::Regex;

use super::frames;
use super::rewrite::rewrite_number;
use super::sentence::{
    clause_breaks, divide, format_number, has_clause_break, input, last_clause_break,
    same_measure, same_or_elided, strip_continuations, strip_hedges, strip_suffix, strip_words, subtract,
};
use super::{BuiltinMeta, Context, Explanation, Finding, Origin, Severity};
use crate::eval::{Interval, brief};
use crate::extract::{Kind, Mention};
use crate::lexicon::{CHANGE_WORDS, FILLERS, HEDGE_WORDS, MORE_CHANGE_WORDS, is_comparison_marker};
use crate::source::Span;

pub const META: BuiltinMeta = BuiltinMeta {
    id: "change_in_sentence",
    doc: include_str!("docs/change_in_sentence.md"),
    default_severity: Severity::Error,
};

const ID: &str = META.id;

/// What may stand between B and the clause that states the change: `，降幅`, `, a decline`.
static AFTER_B: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:(?:(?:in|during|for)\s+(?:[A-Za-z0-9\-]+\s+){0,3}[A-Za-z0-9\-]+\s*|(?:last|this)\s+(?:year|quarter|month|week|season)\s*|(?:a|an|per|each)\s+[A-Za-z\-]+\s*|[0-9]{4}\s*年\s*)?[，,|]\s*(?:即|同比|环比|累计|总共|共|整体|名义|an?|or|which\s+is|for)?|was|were|is|are|has\s+been)\s*$",
    )
        .expect("static regex")
});

/// After the number: the start of the change (`from $236 billion`, `versus`, `on the`).
static FROM_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:from|compared\s+(?:with|to)|versus|vs\.?|against|over|on)\s+(?:[A-Za-z0-9_'’]+\s+){0,3}$")
        .expect("static regex")
});

/// After the rate, the start of the clause that gives its end points: `，从`.
static ZH_FROM_NEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[，,]\s*(?:从|從|由)\s*$").expect("static regex"));

/// Before A: `从`, `由`, `from`, with a few words allowed after it.
static FROM_BEFORE_EN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bfrom\s+(?:[A-Za-z0-9_'’]+\s+){0,2}$").expect("static regex"));

/// Between the number and a following end point (`下降 20% 至 B`).
static TO_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:到|至|to)\s*$").expect("static regex"));

/// Between A and B.
static TO_BETWEEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:到|至|\bto\b)").expect("static regex"));

/// `fell 20% to B from A` / `fell 20% from A to B`: the first connector after the number,
/// after a qualifier of the rate (`rose 5.3% in nominal terms to B`).
static EN_CONNECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:in|on)\s+(?:[a-z]+\s+){1,2}|year[- ](?:over|on)[- ]year\s+|sequentially\s+)?(?P<w>from|to)\s+(?:[A-Za-z0-9_'’]+\s+){0,2}$")
        .expect("static regex")
});

/// The figures a change runs between: its start A and its end B.
pub(super) struct Change<'m> {
    pub a: &'m Mention,
    pub b: &'m Mention,
}

/// The words every frame of a change amount names its start with (below), as prebuilt
/// searchers: building one per sentence and word cost more than the searches.
static COMPARE_CUES: LazyLock<[memchr::memmem::Finder<'static>; 7]> = LazyLock::new(|| {
    ["较", "較", "比", "从", "從", "由", "from"].map(|w| memchr::memmem::Finder::new(w.as_bytes()))
});

pub fn check(ctx: &Context<'_>, severity: Severity, examined: &mut Vec<Span>) -> Vec<Finding> {
    let masked = &ctx.doc.masked;
    let mut findings = Vec::new();
    for s in ctx.analysis().checked_sentences() {
        // Fewer than three figures before the dates are set aside are fewer after.
        if s.quantities.len() < 3 {
            continue;
        }
        let (sentence, qs) = (s.span, s.quantities);
        let qs = &*super::sentence::without_dates(&ctx.doc.masked, qs);
        // Every relation read here holds three different figures of the sentence (a rate,
        // points or an amount of change with the two ends it joins, or with a level and
        // the level before it): a sentence with fewer states none.
        if qs.len() < 3 {
            continue;
        }
        // Worked out on first need: most sentences have no rate and no change amount.
        let mut frames = None;
        let mut quotes = None;
        let mut compares = None;
        let mut quoted = |at: usize| {
            frames::quoted(
                quotes.get_or_insert_with(|| frames::quotations(masked, sentence)),
                at,
            )
        };
        for (i, n) in qs.iter().enumerate() {
            match n.kind {
                Kind::Percent | Kind::Fraction => {
                    let frames =
                        frames.get_or_insert_with(|| frames::from_to(masked, sentence, qs));
                    if let Some(op) = operands(ctx, sentence, qs, frames, i) {
                        if quoted(n.span.start) {
                            continue;
                        }
                        ctx.count_relation();
                        examined.extend([n.span, op.a.span, op.b.span]);
                        // A rate in percent equal to the difference in points is ambiguous:
                        // `points_in_sentence` reports it.
                        if n.kind == Kind::Fraction || !points_reading_holds(n, &op) {
                            findings.extend(judge(
                                ctx,
                                n,
                                (op.sign, op.word),
                                &op.change(),
                                (severity, op.fixable),
                            ));
                        }
                    } else if n.kind == Kind::Percent
                        && let Some((lc, named)) = triad(ctx, sentence, qs, i)
                        && !quoted(n.span.start)
                    {
                        ctx.count_relation();
                        examined.extend([n.span, qs[lc.level].span, qs[lc.change].span]);
                        findings.extend(judge_triad(ctx, n, qs, (lc, named), severity));
                    }
                }
                Kind::Money | Kind::Quantity | Kind::Count => {
                    // Every frame of a change amount names its start with `较`, `比`, `从`,
                    // `由` or `from`: most sentences have none, and are passed over.
                    let compares = *compares
                        .get_or_insert_with(|| COMPARE_CUES
                        .iter()
                        .any(|f| f.find(masked[sentence.range()].as_bytes()).is_some()));
                    if compares
                        && let Some(op) = amount_operands(ctx, sentence, qs, i)
                        && !quoted(n.span.start)
                    {
                        ctx.count_relation();
                        examined.extend([n.span, op.a.span, op.b.span]);
                        findings.extend(judge_amount(ctx, n, &op, severity));
                    }
                }
                _ => {}
            }
        }
    }
    findings
}

/// The start and end of the change a rate or a number of points states, with the sign and
/// the word that gave it.
pub(super) struct Operands<'m> {
    pub a: &'m Mention,
    pub b: &'m Mention,
    pub sign: f64,
    pub word: &'static str,
    /// Whether a rewrite of the result may be offered: only in the frames this check has
    /// always read, where the rate sits next to both figures; elsewhere any of the three
    /// figures may be the wrong one.
    pub fixable: bool,
}

impl<'m> Operands<'m> {
    fn change(&self) -> Change<'m> {
        Change {
            a: self.a,
            b: self.b,
        }
    }
}

/// The end points of the change `qs[i]` (a rate, points or a fraction) states, if the words
/// make them certain: first the frames of this file, then the shared from–to frames.
pub(super) fn operands<'m>(
    ctx: &Context<'_>,
    sentence: Span,
    qs: &[&'m Mention],
    frames: &[frames::FromTo],
    i: usize,
) -> Option<Operands<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let lead_start = i.checked_sub(1).map_or(sentence.start, |k| qs[k].span.end);
    let lead = &masked[lead_start..n.span.start];
    let found = frame_operands(ctx, sentence, qs, frames, i, lead)
        .or_else(|| base_after(ctx, sentence, qs, i))
        .or_else(|| base_between(ctx, qs, i))
        .or_else(|| ratio_then_rate(ctx, qs, i))
        .or_else(|| rate_then_ratio(ctx, qs, i))
        .or_else(|| base_later(ctx, sentence, qs, i))?;
    // A yearly, real or constant-currency rate is a rate of something else than the change
    // between the figures; asked only once a frame is found, since most rates have none.
    if frames::other_rate(&masked[sentence.start..n.span.start])
        || frames::per_year_after(masked, n)
        || frames::other_rate_after(masked, n)
    {
        return None;
    }
    Some(found)
}

fn frame_operands<'m>(
    ctx: &Context<'_>,
    sentence: Span,
    qs: &[&'m Mention],
    frames: &[frames::FromTo],
    i: usize,
    lead: &str,
) -> Option<Operands<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let before = direction(lead).or_else(|| comparative(lead));
    if n.kind != Kind::Fraction
        && let Some((sign, word, residual)) = before
        && let Some(change) = reading(ctx, sentence, qs, i, residual)
    {
        return Some(Operands {
            a: change.a,
            b: change.b,
            sign,
            word,
            fixable: true,
        });
    }
    // `B, N percentage point below the A of January`, `B in 2024, 14.8% more than the A of
    // 2023`, and a later clause of the same comparison (`… than the A1 of a year earlier and
    // 7.1% more than the A2`).
    if before.is_none()
        && let (Some(k), Some(&x)) = (i.checked_sub(1), qs.get(i + 1))
        && let Some(c) = BELOW_ABOVE.captures(&masked[n.span.end..x.span.start])
        && let Some(b) = compared_subject(ctx, sentence, qs, frames, k, x, n)
    {
        let sign = if c.name("below").is_some() { -1.0 } else { 1.0 };
        return Some(Operands {
            a: x,
            b,
            sign,
            word: if sign < 0.0 { "below" } else { "above" },
            fixable: false,
        });
    }
    let (sign, word, residual) = match before {
        Some((s, w, r)) => (s, w, Some(r)),
        None => {
            let (s, w) = frames::direction_after(masked, n)?;
            (s, w, None)
        }
    };
    let f = frames::attached(masked, qs, frames, i, residual)?;
    if frames::hypothetical(&masked[sentence.range()]) {
        return None;
    }
    Some(Operands {
        a: qs[f.a],
        b: qs[f.b],
        sign,
        word,
        fixable: false,
    })
}

/// The subject B a comparison after `qs[k]` is made for (`B, N% more than the A`): `qs[k]`
/// itself when only a comma or a copula (after a short phrase of time) stands between, or
/// the subject of the comparison `qs[k]` is the start of, when the next comparison is joined
/// to it by `and` (`up 31% from A1 a year earlier and 1.4% above the A2`).
fn compared_subject<'m>(
    ctx: &Context<'_>,
    sentence: Span,
    qs: &[&'m Mention],
    frames: &[frames::FromTo],
    k: usize,
    x: &Mention,
    n: &Mention,
) -> Option<&'m Mention> {
    let masked = &ctx.doc.masked;
    let gap = &masked[qs[k].span.end..n.span.start];
    if APPOSITION.is_match(gap) {
        return same_or_elided(qs[k], x).then_some(qs[k]);
    }
    let r = k.checked_sub(1)?;
    if !CHAINED_EN.is_match(gap) || !matches!(qs[r].kind, Kind::Percent | Kind::Points) {
        return None;
    }
    let op = operands(ctx, sentence, qs, frames, r)?;
    (std::ptr::eq(op.a, qs[k]) && same_or_elided(op.b, x)).then_some(op.b)
}

/// A bare comparative right before a rate (`较 A 低 28.9%`, `比 A 多出约 15%`): read only
/// where `较` or `比` names the start, as `reading` asks.
fn comparative(lead: &str) -> Option<(f64, &'static str, &str)> {
    const RATE_COMPARATIVES: &[(&str, f64)] = &[
        ("多", 1.0),
        ("多出", 1.0),
        ("多了", 1.0),
        ("高", 1.0),
        ("高出", 1.0),
        ("高了", 1.0),
        ("少", -1.0),
        ("少了", -1.0),
        ("低", -1.0),
        ("低了", -1.0),
    ];
    let core = strip_hedges(lead).trim();
    RATE_COMPARATIVES
        .iter()
        .find(|(w, _)| core == *w)
        .map(|&(w, sign)| (sign, w, ""))
}

/// `B，同比增长 N%，上年同期为 A`, `B，同比下降 N%，仅为上年同期 A 的 M%`: the start of the
/// change named after the rate by its period, in the next clause. The rate's own period
/// (`同比`, `环比`, `年增`), when it names one, must be the base's: a year-on-year rate is
/// never read against the previous quarter's level.
fn base_after<'m>(
    ctx: &Context<'_>,
    sentence: Span,
    qs: &[&'m Mention],
    i: usize,
) -> Option<Operands<'m>> {
    let masked = &ctx.doc.masked;
    let (n, b, a) = (qs[i], qs[i.checked_sub(1)?], *qs.get(i + 1)?);
    if !matches!(n.kind, Kind::Percent | Kind::Points) || !same_measure(a, b) {
        return None;
    }
    // `上年同期为 2%` after a rate in percent of a percentage may be last year's rate.
    if b.kind == Kind::Percent && n.kind != Kind::Points {
        return None;
    }
    // Cheap test first: the clause after the rate opens with a period's word.
    let after = masked[n.span.end..a.span.start].trim_start();
    let after = after.strip_prefix(['，', ',', '（', '('])?.trim_start();
    // `B, up 8%, compared with A a year earlier`: the period named after A.
    let en = ["compared with", "compared to", "versus", "against"]
        .iter()
        .find_map(|w| after.strip_prefix(w));
    let (period, a_end) = if let Some(rest) = en {
        if !rest.trim().is_empty() {
            return None;
        }
        let words = masked[a.span.end..].trim_start();
        let &(w, p) = frames::EN_EARLIER_AFTER
            .iter()
            .find(|(w, _)| words.starts_with(w))?;
        (p, masked.len() - words.len() + w.len())
    } else {
        let after = strip_continuations(after);
        // `，仅为上年同期 A 的 62%`: a relation word may open the clause.
        let after = ["为", "為", "是"]
            .iter()
            .find_map(|w| after.strip_prefix(w))
            .unwrap_or(after);
        let (period, rest) = frames::base_period_prefix(after)?;
        let rest = rest.trim();
        if !matches!(rest, "" | "为" | "為" | "是" | "的" | "则为" | "則為" | "达" | "達") {
            return None;
        }
        (period, a.span.end)
    };
    let (sign, word, residual) = direction(&masked[b.span.end..n.span.start])?;
    // `B，较上年末收窄 N 个基点（上年末为 A）`: the rate's own comparison names the base's
    // period, and so makes it certain.
    let compared = compared_with_period(residual) == Some(Some(period));
    if clause_breaks(residual).count() > 1 || !(compared || frames::bare_residual(residual)) {
        return None;
    }
    if !compared && !rate_fits_period(masked, n, residual, word, period) {
        return None;
    }
    // A ends its clause, or is the base of a ratio that follows (`A 的 62%`).
    let tail_end = qs.get(i + 2).map_or(sentence.end, |q| q.span.start);
    let tail = masked.get(a_end..tail_end).unwrap_or("x").trim();
    let ends = tail.is_empty()
        || tail.starts_with(['，', ',', '。', '；', ';', '.', '|', ')', '）'])
        || (tail == "的" && qs.get(i + 2).is_some_and(|q| q.kind == Kind::Percent));
    ends.then_some(Operands {
        a,
        b,
        sign,
        word,
        fixable: false,
    })
}

/// Whether a rate may be read against a base of `period`: the period its own words name
/// (`同比`, `季減`, `up 20% from a year earlier`) must be the base's, and a rate that names
/// none reads as year-on-year, as releases and earnings news write it, so a base of the
/// period just before (`上月为 A`, `in the previous quarter`) is left alone.
fn rate_fits_period(
    masked: &str,
    n: &Mention,
    residual: &str,
    word: &str,
    period: frames::Period,
) -> bool {
    let own = frames::period_of_rate(residual, word);
    let after = period_after_rate(masked, n);
    match (own, after) {
        (Some(p), _) if p != period => false,
        (_, Some(q)) if q != Some(period) => false,
        (None, None) => period == frames::Period::YearBefore,
        _ => true,
    }
}

/// The period of `，比上年`, `，较上年同期`, `，同比`: a residual that only compares the
/// subject with its own earlier period.
fn compared_with_period(residual: &str) -> Option<Option<frames::Period>> {
    let at = clause_breaks(residual).next_back()?;
    if !residual[..at].trim().trim_end_matches([',', '，']).is_empty() {
        return None;
    }
    let clause = strip_continuations(&residual[at..]).trim();
    if matches!(clause, "同比" | "环比" | "環比") {
        return Some(frames::period_of_rate(clause, ""));
    }
    let rest = ["比", "较", "較"].iter().find_map(|w| clause.strip_prefix(w))?;
    let (period, rest) = frames::base_period_prefix(rest)?;
    rest.trim().is_empty().then_some(Some(period))
}

/// The period the words right after a rate name as its base (`up 20% from a year earlier`,
/// `year over year`, `sequentially`): `Some(None)` when they compare with something but name
/// no period, `None` when nothing follows.
fn period_after_rate(masked: &str, n: &Mention) -> Option<Option<frames::Period>> {
    let after = masked[n.span.end..].trim_start();
    let mut end = after.len().min(48);
    while !after.is_char_boundary(end) {
        end -= 1;
    }
    let after = &after[..end];
    let opens = [
        "from", "over", "compared", "versus", "vs", "year", "sequential", "quarter", "on a",
    ]
    .iter()
    .any(|w| after.starts_with(w));
    if !opens {
        return None;
    }
    let clause = after.split([',', ';', '.']).next().unwrap_or(after);
    let year = clause.contains("year");
    let previous = ["quarter", "sequential", "month"]
        .iter()
        .any(|w| clause.contains(w));
    Some(match (year, previous) {
        (true, false) => Some(frames::Period::YearBefore),
        (false, true) => Some(frames::Period::PeriodBefore),
        _ => None,
    })
}

/// `B，上年为 A，增长 N%`, `B，上年同期為 A，年增 N%`, `B, compared with A a year earlier, up
/// N%`: the start named by its period between the level and the rate. As after the rate, the
/// rate's own period must be the base's (`前一季為 A，年增 N%` is left alone).
fn base_between<'m>(ctx: &Context<'_>, qs: &[&'m Mention], i: usize) -> Option<Operands<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let (b, a) = (qs[i.checked_sub(2)?], qs[i - 1]);
    if !matches!(n.kind, Kind::Percent | Kind::Points)
        || !same_measure(a, b)
        || (b.kind == Kind::Percent && n.kind != Kind::Points)
    {
        return None;
    }
    let gap = masked[b.span.end..a.span.start].trim();
    let period = if let Some(en) = [", compared with", ", compared to", ", versus", ", against"]
        .iter()
        .find_map(|w| gap.strip_suffix(w))
    {
        if !en.trim().is_empty() {
            return None;
        }
        // The earlier period is named after A: `A a year earlier,`.
        let after = masked[a.span.end..n.span.start].trim_start();
        frames::EN_EARLIER_AFTER
            .iter()
            .find_map(|&(w, p)| after.starts_with(w).then_some(p))?
    } else {
        let g = gap.strip_prefix(['，', ','])?;
        let (period, rest) = frames::base_period_prefix(strip_continuations(g))?;
        if !matches!(rest.trim(), "为" | "為" | "是" | "则为" | "則為" | "达" | "達") {
            return None;
        }
        period
    };
    let (sign, word, residual) = direction(&masked[a.span.end..n.span.start])?;
    if clause_breaks(residual).count() != 1 {
        return None;
    }
    // After the break, the rate's words only; a comparison with the same period may be
    // repeated (`，比上年增长`).
    let at = clause_breaks(residual).next().unwrap_or(0);
    let head = residual[..at].trim();
    let head_ok = head.len() <= 3
        || frames::EN_EARLIER_AFTER
            .iter()
            .any(|&(w, p)| p == period && head.trim_end_matches(',').trim() == w);
    let clause = strip_continuations(&residual[at..]);
    let clause = ["同比", "环比", "環比"]
        .iter()
        .find_map(|w| clause.strip_prefix(w))
        .unwrap_or(clause);
    let compared = ["比", "较", "較"]
        .iter()
        .find_map(|w| clause.strip_prefix(w))
        .and_then(frames::base_period_prefix);
    let bare = match compared {
        Some((p, rest)) => p == period && rest.trim().is_empty(),
        None => frames::bare_residual(&residual[at..]),
    };
    if !head_ok || !bare || !rate_fits_period(masked, n, residual, word, period) {
        return None;
    }
    Some(Operands {
        a,
        b,
        sign,
        word,
        fixable: false,
    })
}

/// `B was 1.62 times the A of a year earlier, an increase of 62%`, `B 是 A 的 1.62 倍，增长
/// 62%`: a rate in the clause after a ratio states the change from its base to its subject.
fn ratio_then_rate<'m>(ctx: &Context<'_>, qs: &[&'m Mention], i: usize) -> Option<Operands<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    if n.kind != Kind::Percent || i < 3 {
        return None;
    }
    let (x, y, z) = (qs[i - 3], qs[i - 2], qs[i - 1]);
    let gap = |p: &Mention, q: &Mention| strip_hedges(&masked[p.span.end..q.span.start]).trim();
    // English: B, the multiple, A; Chinese: B, A, the multiple.
    // The base must be the subject's own earlier figure (`the A of a year earlier`, `是上年同期
    // A 的`): the ratio of two subjects says nothing of either's growth.
    let (b, a, last, earlier) = if y.kind == Kind::Multiple
        && !masked[y.span.range()].contains('倍')
        && matches!(gap(x, y), "was" | "is" | "were" | "are" | "," | "，")
        && gap(y, z) == "the"
    {
        (x, z, z, None)
    } else if z.kind == Kind::Multiple
        && masked[z.span.range()].contains('倍')
        && matches!(gap(y, z), "的" | "）的" | ")的")
    {
        let g = gap(x, y).trim_start_matches('，');
        let g = ["相当于", "相當於", "是", "为", "為"]
            .iter()
            .find_map(|w| g.strip_prefix(w))?
            .trim_start();
        // `是上年的 A 的`, or the base's period and A in brackets: `是 2022 年（A）的`,
        // `是上年同期（A）的`.
        let bracketed = gap(y, z) != "的";
        let period = if bracketed {
            let g = g.trim_end().strip_suffix(['（', '('])?.trim_end();
            frames::base_period_prefix(g).is_some_and(|(_, rest)| rest.trim().is_empty())
                || year_words(g)
        } else {
            frames::base_period_prefix(g)
                .is_some_and(|(_, rest)| rest.trim().is_empty() || rest.trim() == "的")
        };
        if !period {
            return None;
        }
        (x, y, z, Some(()))
    } else {
        return None;
    };
    if !same_measure(a, b) {
        return None;
    }
    let (sign, word, residual) = direction(&masked[last.span.end..n.span.start])?;
    // One clause break, and after it nothing but the rate's words (`, an`, `，`).
    if clause_breaks(residual).count() != 1 || !frames::bare_residual(residual) {
        return None;
    }
    let head = &residual[..clause_breaks(residual).next().unwrap_or(0)];
    if !frames::time_phrase_words(head) {
        return None;
    }
    // The words after the base name its period and nothing else (`of a year earlier`), so
    // that a base of another subject (`of Alphabet in the prior year`) is left alone.
    let named = head.trim().trim_end_matches(',').trim();
    let named = ["of ", "in "]
        .iter()
        .find_map(|w| named.strip_prefix(w))
        .unwrap_or(named);
    let named = named.strip_prefix("the ").unwrap_or(named);
    let period_words = frames::EN_EARLIER_AFTER.iter().any(|&(w, _)| {
        let w = w.strip_prefix("in ").unwrap_or(w);
        named == w || named == w.strip_prefix("the ").unwrap_or(w)
    });
    if earlier.is_none() && !period_words {
        return None;
    }
    Some(Operands {
        a,
        b,
        sign,
        word,
        fixable: false,
    })
}

/// `rose 150% to B, 2.5 times the A sold a year earlier`, `B, up 260% — 3.6 times the A of
/// 2022`: a ratio in apposition after the rate gives the start of its change, when the words
/// after A name an earlier period of the same subject (a year, `a year earlier`), so that
/// the ratio is of the subject's own figures.
fn rate_then_ratio<'m>(ctx: &Context<'_>, qs: &[&'m Mention], i: usize) -> Option<Operands<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    if n.kind != Kind::Percent {
        return None;
    }
    let gap = |p: &Mention, q: &Mention| strip_hedges(&masked[p.span.end..q.span.start]).trim();
    let lead_start = i.checked_sub(1).map_or(0, |k| qs[k].span.end);
    let (sign, word, residual) = direction(&masked[lead_start..n.span.start])?;
    // `rose N% to B, M times the A` or `B, up N% — M times the A`.
    let (b, m_at) = if let Some(&b) = qs.get(i + 1)
        && gap(n, b) == "to"
    {
        (b, i + 2)
    } else {
        let b = qs[i.checked_sub(1)?];
        if !matches!(residual.trim(), "," | "，") {
            return None;
        }
        (b, i + 1)
    };
    let (m, a) = (*qs.get(m_at)?, *qs.get(m_at + 1)?);
    let joined = if m_at == i + 2 { gap(b, m) } else { gap(n, m) };
    if m.kind != Kind::Multiple
        || masked[m.span.range()].contains('倍')
        || !matches!(joined, "," | "—" | "–" | "--" | ", or" | "— or")
        || gap(m, a) != "the"
        || !same_or_elided(a, b)
    {
        return None;
    }
    // After A: at most one word (`sold`, `recorded`), then an earlier period.
    let end = qs.get(m_at + 2).map_or(masked.len(), |q| q.span.start);
    let after = masked[a.span.end..end].trim_start();
    let after = after.split(['.', ',', ';']).next().unwrap_or(after).trim();
    let period = |t: &str| {
        frames::EN_EARLIER_AFTER.iter().any(|&(w, _)| t == w)
            || ["of ", "in "].iter().any(|p| {
                t.strip_prefix(p).is_some_and(|y| {
                    y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit())
                })
            })
    };
    let named = period(after)
        || after
            .split_once(' ')
            .is_some_and(|(w, rest)| w.bytes().all(|c| c.is_ascii_lowercase()) && period(rest));
    named.then_some(Operands {
        a,
        b,
        sign,
        word,
        fixable: false,
    })
}

/// `B，季增 x%，年增 N%；第二季為 A1，去年同期為 A2`: rates that name their own period
/// (`年增`, `同比`, `季增`, `环比`), with the bases given later in the sentence, each in a
/// clause that opens with its period's name and `为`. A rate is read against the base of
/// its own period only; B is the figure before the run of rates; every figure between the
/// rate and its base is itself a base named by a period (`第二季為`), so that no other
/// subject comes between.
fn base_later<'m>(
    ctx: &Context<'_>,
    sentence: Span,
    qs: &[&'m Mention],
    i: usize,
) -> Option<Operands<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    if n.kind != Kind::Percent {
        return None;
    }
    // Back over the run of rates, each after a clause break and its own verb.
    let mut k = i;
    let mut found = None;
    loop {
        let lead = &masked[qs[k.checked_sub(1)?].span.end..qs[k].span.start];
        let (s, w, residual) = direction(lead)?;
        let r = residual.trim();
        let r = r.strip_prefix(['，', ',']).map(str::trim)?;
        if !matches!(r, "" | "同比" | "环比" | "環比") {
            return None;
        }
        if k == i {
            found = Some((s, w, frames::period_of_rate(residual, w)?));
        }
        k -= 1;
        if qs[k].kind != Kind::Percent {
            break;
        }
    }
    let (sign, word, own) = found?;
    let b = qs[k];
    if !matches!(b.kind, Kind::Money | Kind::Quantity | Kind::Count) {
        return None;
    }
    for j in i + 1..qs.len() {
        let a = qs[j];
        let before = &masked[qs[j - 1].span.end..a.span.start];
        let clause = before[last_clause_break(before)?..].trim();
        let named = ["为", "為", "是"]
            .iter()
            .find_map(|w| clause.strip_suffix(w))?
            .trim_end();
        match frames::base_period_prefix(named) {
            Some((p, rest)) if rest.trim().is_empty() => {
                if p != own {
                    continue;
                }
            }
            _ if period_name(named) => continue,
            _ => return None,
        }
        if !same_measure(a, b) {
            return None;
        }
        let end = qs.get(j + 1).map_or(sentence.end, |q| q.span.start);
        let tail = masked[a.span.end..end].trim_start();
        let ends = tail.is_empty()
            || tail.starts_with(['，', ',', '。', '；', ';', '.', ')', '）']);
        return ends.then_some(Operands {
            a,
            b,
            sign,
            word,
            fixable: false,
        });
    }
    None
}

/// A short name of a period with no subject in it: `第二季`, `上半年`, `前三季度`, `5 月`.
fn period_name(words: &str) -> bool {
    let w = words.trim();
    let opens = w.starts_with(['第', '上', '下', '前', '去', '今', '本', '同', '一', '二', '三', '四', '全'])
        || w.starts_with(|c: char| c.is_ascii_digit());
    let closes = ["季度", "季", "月", "半年", "年", "月份"]
        .iter()
        .any(|e| w.ends_with(e));
    opens && closes && w.chars().count() <= 5
}

/// `2022 年`, `2022年同期`, `113 年`: a year alone (with the words that make it a period),
/// naming the period of a base.
fn year_words(g: &str) -> bool {
    let g = ["同期", "全年", "底", "末"]
        .iter()
        .find_map(|w| g.strip_suffix(w))
        .unwrap_or(g)
        .trim_end();
    let Some(y) = g.strip_suffix('年') else {
        return false;
    };
    let y = y.trim();
    (3..=4).contains(&y.len()) && y.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a rate written in percent between two percentages equals their difference in
/// points (and not their relative change).
pub(super) fn points_reading_holds(n: &Mention, op: &Operands<'_>) -> bool {
    if op.a.kind != Kind::Percent || op.b.kind != Kind::Percent {
        return false;
    }
    let claimed = signed(n.interval, op.sign);
    let relative = computed(n, op.a, op.b).is_some_and(|(_, q, _)| q.meets(&claimed));
    !relative && subtract(op.b.interval, op.a.interval).meets(&claimed)
}

fn signed(i: Interval, sign: f64) -> Interval {
    if sign > 0.0 {
        i
    } else {
        Interval::new(-i.high, -i.low)
    }
}

/// The end points of the change an amount states (`比上年末的 A 减少 C`, `up $C from $A`):
/// the frames of a rate, with a change of the figures' own measure.
fn amount_operands<'m>(
    ctx: &Context<'_>,
    sentence: Span,
    qs: &[&'m Mention],
    i: usize,
) -> Option<Operands<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let lead_start = i.checked_sub(1).map_or(sentence.start, |k| qs[k].span.end);
    let lead = &masked[lead_start..n.span.start];
    let (sign, word, residual) = direction(lead).or_else(|| {
        // `B 比 A 多 C`, `比 A 少 C`: a comparative right before the amount, with nothing
        // else (`多达` is a hedge, not a comparison).
        let &(w, sign) = AMOUNT_COMPARATIVES.iter().find(|(w, _)| lead.trim() == *w)?;
        Some((sign, w, ""))
    })?;
    let change = reading(ctx, sentence, qs, i, residual)?;
    (same_measure(n, change.a) && same_measure(n, change.b)).then_some(Operands {
        a: change.a,
        b: change.b,
        sign,
        word,
        fixable: false,
    })
}

/// Comparatives that state the difference of two figures right before it: `比 A 多 C`.
const AMOUNT_COMPARATIVES: &[(&str, f64)] = &[
    ("多", 1.0),
    ("多出", 1.0),
    ("少", -1.0),
    ("高出", 1.0),
    ("低", -1.0),
];

/// The level-and-change frame of the rate `qs[i]`, when no other frame claimed it.
fn triad(
    ctx: &Context<'_>,
    sentence: Span,
    qs: &[&Mention],
    i: usize,
) -> Option<(frames::LevelChange, f64)> {
    let masked = &ctx.doc.masked;
    let lead_start = i.checked_sub(1).map_or(sentence.start, |k| qs[k].span.end);
    // `Crude steel output fell 1.7% to L, a drop of C`: the level and the amount follow the
    // rate, so the subject may stand before its verb.
    if let Some((s, _, _)) = direction(&masked[lead_start..qs[i].span.start])
        && let Some(lc) = frames::rate_to_level_then_amount(masked, sentence, qs, i, s)
    {
        if frames::other_rate(&masked[sentence.start..qs[i].span.start])
            || frames::per_year_after(masked, qs[i])
            || frames::other_rate_after(masked, qs[i])
        {
            return None;
        }
        return Some((lc, s));
    }
    let named = direction(&masked[lead_start..qs[i].span.start])
        .filter(|(_, _, residual)| {
            frames::bare_residual(residual) || compared_with_period(residual).is_some()
        })
        .map(|(s, _, _)| s)
        .or_else(|| {
            let gap = masked[lead_start..qs[i].span.start].trim();
            matches!(gap, "or" | "，" | "," | ", or" | "，或" | "(" | "（").then_some(0.0)
        })?;
    let lc = frames::level_change(masked, sentence, qs, i)
        .or_else(|| frames::rate_then_amount(masked, sentence, qs, i, named))?;
    if frames::other_rate(&masked[sentence.start..qs[i].span.start])
        || frames::per_year_after(masked, qs[i])
        || frames::other_rate_after(masked, qs[i])
    {
        return None;
    }
    Some((lc, named))
}

/// `L`, changed by `C`, and the rate `N` of that change: N ~ C / (L − C) for a rise,
/// C / (L + C) for a fall.
fn judge_triad(
    ctx: &Context<'_>,
    n: &Mention,
    qs: &[&Mention],
    (lc, named): (frames::LevelChange, f64),
    severity: Severity,
) -> Option<Finding> {
    let (l, c) = (qs[lc.level], qs[lc.change]);
    // `减少 1.1 亿吨，增长 2.4%`: the rate names the other direction than the amount.
    let opposite = named != 0.0 && named != lc.sign;
    let before = if lc.sign > 0.0 {
        subtract(l.interval, c.interval)
    } else {
        Interval::new(
            l.interval.low + c.interval.low,
            l.interval.high + c.interval.high,
        )
    };
    let q = divide(c.interval, before)?;
    let value = c.value / (l.value - lc.sign * c.value);
    if !value.is_finite() || (!opposite && q.meets(&n.interval)) {
        return None;
    }
    let doc = ctx.doc;
    let n_text = doc.slice(n.span);
    let mut message = format!(
        "`{n_text}` does not match the change `{}` from the level before `{}`: {}% (the \
         figures allow {}% to {}%)",
        doc.slice(c.span),
        doc.slice(l.span),
        format_number(value * 100.0),
        format_number(q.low * 100.0),
        format_number(q.high * 100.0),
    );
    if opposite {
        message.push_str("; the rate is named in the other direction than the amount");
    }
    let mut finding = Finding::new(ID, Origin::Builtin(&META), severity, n.span, n_text, message);
    finding.explanation = Some(Explanation {
        inputs: vec![input("L", doc, l), input("C", doc, c), input("N", doc, n)],
        formula: if lc.sign > 0.0 {
            "N ~ C / (L - C)".into()
        } else {
            "N ~ C / (L + C)".into()
        },
        computed: value,
        computed_interval: q,
        claimed: n.interval,
        tolerance: ctx.options.tolerance,
    });
    finding
        .notes
        .push("any of the three figures may be the wrong one, so no rewrite is offered".into());
    Some(finding)
}

/// `B，比 A 减少 C`: C ~ |B − A|, in the direction of the verb.
fn judge_amount(
    ctx: &Context<'_>,
    n: &Mention,
    op: &Operands<'_>,
    severity: Severity,
) -> Option<Finding> {
    let claimed = signed(n.interval, op.sign);
    let q = subtract(op.b.interval, op.a.interval);
    let value = op.b.value - op.a.value;
    if q.meets(&claimed) {
        return None;
    }
    let doc = ctx.doc;
    let n_text = doc.slice(n.span);
    let message = format!(
        "`{n_text}` does not match the change from `{}` to `{}`: {} (the figures allow {} to {})",
        doc.slice(op.a.span),
        doc.slice(op.b.span),
        format_number(value),
        format_number(q.low),
        format_number(q.high),
    );
    let mut finding = Finding::new(ID, Origin::Builtin(&META), severity, n.span, n_text, message);
    finding.explanation = Some(Explanation {
        inputs: vec![
            input("A", doc, op.a),
            input("B", doc, op.b),
            input("C", doc, n),
        ],
        formula: "C ~ B - A".into(),
        computed: value,
        computed_interval: q,
        claimed,
        tolerance: ctx.options.tolerance,
    });
    finding.notes.push(format!(
        "C is read as {} because of `{}`",
        if op.sign > 0.0 { "a rise" } else { "a fall" },
        op.word
    ));
    Some(finding)
}

/// The direction named at the end of `lead` (fillers and hedges aside), its word, and the
/// text before it. The longest change word that ends the text wins (`增长率`, not `增长`).
fn direction(lead: &str) -> Option<(f64, &'static str, &str)> {
    // Most figures are not preceded by a change word: turn them away by the last character
    // before stripping fillers and hedges word by word.
    let last = lead.trim_end().chars().next_back()?;
    if !last.is_ascii_alphabetic() && !ENDINGS.contains(&last) {
        return None;
    }
    let mut core = lead;
    loop {
        let next = strip_hedges(strip_words(core, FILLERS));
        if next == core {
            break;
        }
        core = next;
    }
    let &last = core.as_bytes().last()?;
    let &(word, change) = CHANGE_WORDS_BY_LAST[usize::from(last)]
        .iter()
        .filter(|(w, _)| {
            strip_suffix(core, w).is_some_and(|rest| {
                let latin = w.is_ascii();
                !(latin && rest.chars().last().is_some_and(|c| c.is_ascii_alphabetic()))
            })
        })
        .max_by_key(|(w, _)| w.len())?;
    Some((
        change.direction.sign(),
        word,
        &core[..core.len() - word.len()],
    ))
}

/// The change words of `direction`, bucketed by their last byte in the tables' order (so
/// that ties of length fall as in one pass over the tables): a lead is compared with the
/// few words that can end it, not with every word.
static CHANGE_WORDS_BY_LAST: LazyLock<Vec<Vec<(&'static str, crate::lexicon::Change)>>> =
    LazyLock::new(|| {
    let mut buckets = vec![Vec::new(); 256];
    for &(w, c) in CHANGE_WORDS.iter().chain(MORE_CHANGE_WORDS) {
        if let Some(&b) = w.as_bytes().last() {
            buckets[usize::from(b)].push((w, c));
        }
    }
    buckets
});

/// The last characters of the change, filler and hedge words, derived from the tables so
/// that they cannot drift apart; Latin words end in a letter and are always let through.
static ENDINGS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut ends: Vec<char> = CHANGE_WORDS
        .iter()
        .chain(MORE_CHANGE_WORDS)
        .map(|(w, _)| *w)
        .chain(FILLERS.iter().copied())
        .chain(HEDGE_WORDS.iter().copied())
        .filter_map(|w| w.chars().next_back())
        .filter(|c| !c.is_ascii_alphabetic())
        .collect();
    ends.sort_unstable();
    ends.dedup();
    ends
});

/// The text before `qs[k]` back to the previous quantity or the start of its clause.
fn before<'t>(masked: &'t str, sentence: Span, qs: &[&Mention], k: usize) -> (usize, &'t str) {
    let floor = k.checked_sub(1).map_or(sentence.start, |p| qs[p].span.end);
    let text = &masked[floor..qs[k].span.start];
    let start = floor + last_clause_break(text).unwrap_or(0);
    (start, &masked[start..qs[k].span.start])
}

/// Whether `text` (the words before a quantity) introduces the start of a change.
fn says_from(text: &str) -> bool {
    let zh = text
        .rfind(['从', '從', '由'])
        .is_some_and(|at| !text[at..].contains(['到', '至']));
    zh || FROM_BEFORE_EN.is_match(text)
}

/// The start and end of the change stated by `qs[i]`, if the words around it say which they
/// are; `residual` is what stands before its direction word.
pub(super) fn reading<'m>(
    ctx: &Context<'_>,
    sentence: Span,
    qs: &[&'m Mention],
    i: usize,
    residual: &str,
) -> Option<Change<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let prev = i.checked_sub(1).map(|k| qs[k]);
    let next = qs.get(i + 1).copied();
    let gap = |x: &Mention, y: &Mention| &masked[x.span.end..y.span.start];
    let change = |a, b| Some(Change { a, b });
    // `fell 20% from A to B`, `fell 20% to B from A`.
    if let (Some(x), Some(&y)) = (next, qs.get(i + 2))
        && let Some(c) = EN_CONNECT.captures(gap(n, x))
        // `rose 5.1% in real terms to B from A`: a rate of something else than B / A.
        && !frames::other_rate(gap(n, x))
        && same_or_elided(x, y)
        // `surged 24% to B, from A before the results`: the start may follow a comma.
        && (!has_clause_break(gap(x, y))
            || (&c["w"] == "to" && matches!(gap(x, y).trim(), ", from" | "，from")))
    {
        let other = if &c["w"] == "from" { "to" } else { "from" };
        if gap(x, y).split_whitespace().any(|w| w == other) {
            let (a, b) = if other == "to" { (x, y) } else { (y, x) };
            return change(a, b);
        }
    }
    // `同比增长 25%，从 A 增至 B`: the rate first, its end points in the next clause.
    if let (Some(x), Some(&y)) = (next, qs.get(i + 2))
        && ZH_FROM_NEXT.is_match(gap(n, x))
        && same_measure(x, y)
        && !has_clause_break(gap(x, y))
        && TO_BETWEEN.is_match(gap(x, y))
    {
        return change(x, y);
    }
    let p = prev?;
    // `B（上年同期 A），同比增长 N%`: the earlier figure in brackets after B.
    if i >= 2
        && let Some(after) = residual.trim_start().strip_prefix([')', '）'])
        && (after.trim().is_empty() || AFTER_B.is_match(after))
        && BRACKET_BASE.is_match(gap(qs[i - 2], p))
        && same_measure(qs[i - 2], p)
    {
        return change(p, qs[i - 2]);
    }
    // The rest of A's unit may stand before the verb: `0.84 吨标准煤下降 15.5% 至 0.71 吨`.
    let blank = residual.trim().is_empty()
        || (residual.len() <= 12
            && !has_clause_break(residual)
            && !residual.contains(['比', '较', '較'])
            && residual.trim().chars().all(|c| !c.is_ascii()));
    if blank && let Some(x) = next.filter(|x| TO_ONLY.is_match(gap(n, x))) {
        // `从 A 下降 20% 至 B`.
        let from = says_from(before(masked, sentence, qs, i - 1).1);
        return if same_measure(p, x) && from {
            change(p, x)
        } else {
            None
        };
    }
    if blank {
        // `B，较 A 下降 N%`: A right before the verb, after `较` or `比`.
        let (start, words) = before(masked, sentence, qs, i - 1);
        let at = words
            .rfind(['较', '較', '比'])
            .filter(|&at| is_comparison_marker(words, at))?;
        // B is the figure right before, and the clause of `较` opens with it: a clause with a
        // subject of its own (`，利润较…`) is about something else.
        let marker = start + at;
        let b = qs[i.checked_sub(2)?];
        if same_measure(b, p) && continues(&masked[b.span.end..marker]) {
            return change(p, b);
        }
        // `B，较上年同期的 A1 增长 x%，较上一季度的 A2 下降 N%`: B is the subject of every
        // `较` clause.
        let b = subject_before(masked, sentence, qs, i - 1, p)?;
        return if chained(&masked[b.span.end..marker]) {
            change(p, b)
        } else {
            None
        };
    }
    if !AFTER_B.is_match(residual) {
        // `B, up x% from A1 a year ago, and down N% from A2`: a later clause of the same
        // subject.
        if let Some(x) = next.filter(|x| FROM_NEXT.is_match(gap(n, x)))
            && CHAINED_EN.is_match(residual)
            && let Some(b) = subject_before(masked, sentence, qs, i, x)
            && chained(&masked[b.span.end..n.span.start])
        {
            return change(x, b);
        }
        return None;
    }
    if let Some(x) = next.filter(|x| FROM_NEXT.is_match(gap(n, x))) {
        // `B, down 20% from A`, `B vehicles, up 38.7% from A`.
        return if same_or_elided(p, x) {
            change(x, p)
        } else {
            None
        };
    }
    // `从 A 下降到 B，降幅 N%`: B right before the clause, A before it after `从`.
    let k = (0..i - 1).rev().find(|&k| same_measure(qs[k], p))?;
    let a = qs[k];
    let between = gap(a, p);
    if !has_clause_break(between)
        && TO_BETWEEN.is_match(between)
        && says_from(before(masked, sentence, qs, k).1)
    {
        change(a, p)
    } else {
        None
    }
}

/// After a difference: `below the`, `above`, `higher than`, `more than the`, `increase over the`.
static BELOW_ABOVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?P<below>below|lower\s+than|under|less\s+than|fewer\s+than|smaller\s+than|(?:decrease|decline|drop|fall|reduction)\s+(?:from|on))|above|higher\s+than|over|more\s+than|greater\s+than|larger\s+than|bigger\s+than|(?:increase|rise|gain|jump|growth)\s+(?:over|from|on))\s+(?:the\s+|that\s+of\s+)?(?:(?:[A-Za-z0-9\-]+\s+){0,3}[A-Za-z\-]+['’]s\s+|(?:[A-Za-z0-9\-]+\s+){0,2}(?:peak|high|low|level|record|total|average|figure)\s+of\s+)?$")
        .expect("static regex")
});

/// Between B and the difference that follows it: `, ` or `was`, after a short phrase of
/// time (`in 2024, `, `in the fourth quarter, `).
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:(?:in|during|for)\s+(?:[A-Za-z0-9\-]+\s+){0,3}[A-Za-z0-9\-]+|(?:last|this)\s+(?:year|quarter|month|week|season)|(?:a|an|per|each)\s+[A-Za-z\-]+)\s*)?(?:,|，|was|is|were|are)\s*(?:an?\s+)?$")
        .expect("static regex")
});

/// Whether `words` (before a figure) end in a comparison's `than` (`more than the`, `above
/// the`): the figure is the start the comparison is made from.
fn than_before(words: &str) -> bool {
    let w = words.trim_end();
    let w = w.strip_suffix("the").map_or(w, str::trim_end);
    ["than", "above", "below"].iter().any(|c| {
        w.strip_suffix(c)
            .is_some_and(|rest| !rest.ends_with(|ch: char| ch.is_ascii_alphabetic()))
    })
}

/// Between the earlier figure of a clause and the next clause's direction word: a short
/// time phrase, then `and` or `but` (`a year ago, and`).
static CHAINED_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*[A-Za-z'’]+){0,5}\s*,?\s*(?:and|but|while|yet)(?:\s+(?:still|also|was|were|is|remained|stood))?\s*$").expect("static regex")
});

/// An earlier figure in brackets right after B: `（上年同期 `, ` (a year earlier: `.
static BRACKET_BASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*[（(]\s*(?:上年同期|去年同期|上年末|上年|去年|上期|上月|上季度|上一季度|prior\s+year|a\s+year\s+earlier|a\s+year\s+ago|last\s+year)\s*[:：为]?\s*$",
    )
    .expect("static regex")
});

/// The subject figure of a sentence whose later clauses compare it with earlier figures:
/// walking back from `qs[upto]`, past rates and past figures that are themselves the start
/// of a comparison (after `from`, `较`, `比`), the first figure of `like`'s measure.
fn subject_before<'m>(
    masked: &str,
    sentence: Span,
    qs: &[&'m Mention],
    upto: usize,
    like: &Mention,
) -> Option<&'m Mention> {
    for j in (0..upto).rev() {
        let q = qs[j];
        if same_or_elided(q, like) {
            let words = before(masked, sentence, qs, j).1;
            let compared = FROM_BEFORE_EN.is_match(words)
                || than_before(words)
                || words
                    .rfind(['较', '較', '比'])
                    .is_some_and(|at| is_comparison_marker(words, at));
            if !compared {
                return Some(q);
            }
        } else if !matches!(q.kind, Kind::Percent | Kind::Points) {
            return None;
        }
    }
    None
}

/// Whether every clause after the first in `gap` opens as a comparison or a change of the
/// same subject (`较…`, `同比…`, `up…`, `and down…`), so that no new subject comes between.
fn chained(gap: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "较", "較", "比", "同比", "环比", "增长", "增長", "成长", "成長", "下降", "上涨", "上漲",
        "下跌", "提高", "降低", "增加", "减少", "減少",
        "up", "down", "and", "but", "rose", "fell", "compared",
    ];
    let starts: Vec<usize> = clause_breaks(gap).collect();
    starts.iter().all(|&at| {
        let clause = strip_continuations(&gap[at..]);
        // `，但仍较…`, `，而较…`: a contrast keeps the subject.
        let clause = ["但仍", "但", "而", "仍", "卻", "却", "亦"]
            .iter()
            .find_map(|w| clause.strip_prefix(w))
            .map_or(clause, str::trim_start);
        clause.is_empty() || OPENINGS.iter().any(|w| clause.starts_with(w))
    })
}

/// Whether `gap` (from B to the `较` that introduces A) keeps B's clause going: at most one
/// clause break, and nothing but continuation words after it.
fn continues(gap: &str) -> bool {
    let breaks: Vec<usize> = clause_breaks(gap).collect();
    match breaks.as_slice() {
        [] => true,
        [after] => strip_continuations(&gap[*after..]).is_empty(),
        _ => false,
    }
}

/// The change A → B allows (`computed`, interval) and the formula used, for the kind of N.
pub(super) fn computed(
    n: &Mention,
    a: &Mention,
    b: &Mention,
) -> Option<(f64, Interval, &'static str)> {
    match n.kind {
        Kind::Points if a.kind == Kind::Percent => {
            Some((b.value - a.value, b.interval - a.interval, "N ~ B - A"))
        }
        Kind::Percent | Kind::Fraction => {
            let q = b.interval.checked_div(a.interval)?;
            Some((
                b.value / a.value - 1.0,
                q - Interval::point(1.0),
                "N ~ (B - A) / A",
            ))
        }
        _ => None,
    }
}

fn judge(
    ctx: &Context<'_>,
    n: &Mention,
    direction: (f64, &str),
    r: &Change<'_>,
    how: (Severity, bool),
) -> Option<Finding> {
    judge_as(&META, ctx, n, direction, (r.a, r.b), how)
}

/// The span of a figure with the sign written right before it (`+13.8%`, `−5.6%`) when that
/// sign gives the direction: the sign is part of the figure as written, so a finding quotes
/// it; a sign set apart by a space is a word of its own.
fn with_its_sign(masked: &str, span: Span, word: &str) -> Span {
    if !matches!(word, "+" | "−") {
        return span;
    }
    let before = &masked[..span.start];
    ['+', '−', '-', '–']
        .iter()
        .find(|c| before.ends_with(**c))
        .map_or(span, |c| Span::new(span.start - c.len_utf8(), span.end))
}

/// The finding, under the check `meta`, when `n` does not match the change from `a` to `b`.
pub(super) fn judge_as(
    meta: &'static BuiltinMeta,
    ctx: &Context<'_>,
    n: &Mention,
    (sign, word): (f64, &str),
    (a, b): (&Mention, &Mention),
    (severity, fixable): (Severity, bool),
) -> Option<Finding> {
    let r = Change { a, b };
    let claimed = if sign > 0.0 {
        n.interval
    } else {
        Interval::new(-n.interval.high, -n.interval.low)
    };
    let (value, q, formula) = computed(n, r.a, r.b)?;
    if !value.is_finite() || q.meets(&claimed) {
        return None;
    }
    let doc = ctx.doc;
    let (a_text, b_text, n_text) = (doc.slice(r.a.span), doc.slice(r.b.span), doc.slice(n.span));
    let as_text = |v: f64| match n.kind {
        Kind::Points => format!("{} points", brief(v * 100.0)),
        _ => format!("{}%", brief(v * 100.0)),
    };
    let mut message = format!(
        "`{n_text}` does not match the change from `{a_text}` to `{b_text}`: {} (the figures \
         allow {} to {}, the text says {} to {})",
        as_text(value),
        as_text(q.low),
        as_text(q.high),
        as_text(claimed.low),
        as_text(claimed.high),
    );
    let points = n.kind == Kind::Percent
        && r.a.kind == Kind::Percent
        && (r.b.interval - r.a.interval).meets(&claimed);
    // `(−5.6%)`: the figure carries its own minus, and its value is negative already.
    let own_sign = word == "−" && n.value < 0.0;
    let same_direction = value * sign * if own_sign { -1.0 } else { 1.0 } > 0.0;
    if points {
        message.push_str(&format!(
            "; {n_text} is the difference in percentage points, so write `个百分点` / \
             `percentage points`, or give the relative change {}",
            as_text(value)
        ));
    } else if !same_direction {
        message.push_str("; the figures move the other way");
    }
    let quoted = with_its_sign(&doc.masked, n.span, word);
    let mut finding = Finding::new(
        meta.id,
        Origin::Builtin(meta),
        severity,
        quoted,
        doc.slice(quoted),
        message,
    );
    finding.explanation = Some(Explanation {
        inputs: vec![
            input("A", doc, r.a),
            input("B", doc, r.b),
            input("N", doc, n),
        ],
        formula: formula.to_string(),
        computed: value,
        computed_interval: q,
        claimed,
        tolerance: ctx.options.tolerance,
    });
    let direction = if sign > 0.0 && !own_sign {
        "a rise"
    } else {
        "a fall"
    };
    finding
        .notes
        .push(format!("N is read as {direction} because of `{word}`"));
    // The figure as it should read: its magnitude, since the verb carries the sign.
    let target = if sign > 0.0 { q } else { -q };
    if fixable
        && !points
        && !own_sign
        && same_direction
        && n.kind != Kind::Fraction
        && let Some(rewrite) = rewrite_number(ctx, n, value.abs(), target)
    {
        finding.suggestion = Some(rewrite.text);
        finding.fix = rewrite.fix;
    }
    Some(finding)
}

#[cfg(test)]
mod tests {
    use super::super::sentence::testing::{Spec, run, spec};
    use super::*;

    #[test]
    fn a_sign_that_gives_the_direction_is_quoted_with_its_figure() {
        let t = "31.2m → 36.9m (+13.8%), $412m → $389m (−5.6%), up 4% and + 3%";
        let at = |w: &str| {
            let k = t.find(w).unwrap_or_default();
            Span::new(k, k + w.len())
        };
        let plus = with_its_sign(t, at("13.8%"), "+");
        assert_eq!(&t[plus.range()], "+13.8%");
        let minus = with_its_sign(t, at("5.6%"), "−");
        assert_eq!(&t[minus.range()], "−5.6%");
        // A direction given by a word, or a sign set apart, leaves the figure alone.
        assert_eq!(&t[with_its_sign(t, at("4%"), "up").range()], "4%");
        assert_eq!(&t[with_its_sign(t, at("3%"), "+").range()], "3%");
    }

    #[test]
    fn comparisons_after_a_rate_name_their_start() {
        assert!(than_before("14.8% more than the "));
        assert!(than_before(", 1.4% above the "));
        assert!(!than_before("rather "));
        assert!(BELOW_ABOVE.is_match(" fewer than the "));
        assert!(BELOW_ABOVE.is_match(" more than the "));
        assert!(BELOW_ABOVE.is_match(" increase over the "));
        assert!(BELOW_ABOVE.is_match(" drop from the "));
        assert!(APPOSITION.is_match(" in 2024, a "));
        assert!(FROM_NEXT.is_match(" versus "));
        assert!(APPOSITION.is_match(" in the fourth quarter, "));
        assert!(APPOSITION.is_match(" last year, "));
        assert!(!APPOSITION.is_match(", while Asia's sales rose, "));
        assert!(AFTER_B.is_match(" in the fourth quarter, "));
    }

    #[test]
    fn bare_comparatives_and_years_of_a_base() {
        assert_eq!(comparative("低 ").map(|c| c.0), Some(-1.0));
        assert_eq!(comparative("多出约").map(|c| c.0), Some(1.0));
        assert_eq!(comparative("最高 "), None);
        assert!(year_words("2022 年"));
        assert!(year_words("113 年同期"));
        assert!(!year_words("上年"));
        assert!(!year_words("20 万辆"));
    }

    use crate::extract::Hedge;

    fn usd(text: &str, value: f64) -> Spec<'_> {
        spec(text, Kind::Money, value, 0.5e8, "USD")
    }

    fn pct(text: &str, value: f64) -> Spec<'_> {
        spec(text, Kind::Percent, value, 0.005, "%")
    }

    #[test]
    fn reads_direction_words_and_fillers() {
        assert_eq!(direction("，降幅达 ").map(|d| d.0), Some(-1.0));
        assert_eq!(
            direction("，较 2022 年下降约").map(|d| (d.1, d.2)),
            Some(("下降", "，较 2022 年"))
        );
        assert_eq!(
            direction(", a decline of ").map(|d| (d.0, d.2)),
            Some((-1.0, ", a "))
        );
        assert_eq!(direction(" markup ").map(|d| d.0), None);
        assert_eq!(direction("，占").map(|d| d.0), None);
    }

    #[test]
    fn from_a_to_b_with_the_rate_after() {
        let s = "投资从 2340 亿美元下降到 1892 亿美元，降幅约 19%。";
        let mut n = pct("19%", 0.19);
        n.hedge = Some(Hedge::Approximately);
        let ok = [usd("2340 亿美元", 2340e8), usd("1892 亿美元", 1892e8), n];
        assert!(run(check, s, &ok).is_empty());
        let s = "投资从 2340 亿美元下降到 1892 亿美元，降幅 30%。";
        let bad = [
            usd("2340 亿美元", 2340e8),
            usd("1892 亿美元", 1892e8),
            pct("30%", 0.30),
        ];
        let f = run(check, s, &bad);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("-19.15%"), "{}", f[0].message);
    }

    #[test]
    fn compared_with_a_and_an_implied_base_year() {
        let s = "总投资为 1892 亿美元，较 2022 年的 2340 亿美元增长 19%。";
        let f = run(
            check,
            s,
            &[
                usd("1892 亿美元", 1892e8),
                usd("2340 亿美元", 2340e8),
                pct("19%", 0.19),
            ],
        );
        assert_eq!(f.len(), 1, "a rise stated for a fall");
        assert!(f[0].message.contains("other way"));
        let s = "总投资下降至 1892 亿美元，较 2022 年下降约 20%。";
        assert!(run(check, s, &[usd("1892 亿美元", 1892e8), pct("20%", 0.20)]).is_empty());
    }

    #[test]
    fn percentage_points_are_left_to_points_in_sentence() {
        let s = "支持率从 40% 下降到 30%，下降了 12 个百分点。";
        let points = spec("12 个百分点", Kind::Points, 0.12, 0.005, "pp");
        assert!(run(check, s, &[pct("40%", 0.4), pct("30%", 0.3), points]).is_empty());
        // Percent for points is ambiguous, not wrong: `points_in_sentence` warns.
        let s = "支持率从 40% 下降到 30%，下降了 10%。";
        let specs = [pct("40%", 0.4), pct("30%", 0.3), pct("10%", 0.1)];
        assert!(run(check, s, &specs).is_empty());
        // Wrong under both readings: an error here.
        let s = "支持率从 40% 下降到 30%，下降了 40%。";
        let specs = [pct("40%", 0.4), pct("30%", 0.3), pct("40%", 0.4)];
        let mut specs = specs;
        specs[2].nth = 1;
        let f = run(check, s, &specs);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("-25%"), "{}", f[0].message);
    }

    #[test]
    fn a_triad_of_level_change_and_rate() {
        let s = "全年钢材产量 13.6 亿吨，比上年增加 0.4 亿吨，增长 3.0%。";
        let t = |text, v| spec(text, Kind::Quantity, v, 0.05e8, "t");
        let ok = [
            t("13.6 亿吨", 13.6e8),
            t("0.4 亿吨", 0.4e8),
            pct("3.0%", 0.03),
        ];
        assert!(run(check, s, &ok).is_empty());
        let s = "全年钢材产量 13.6 亿吨，比上年增加 0.4 亿吨，增长 4.5%。";
        let bad = [
            t("13.6 亿吨", 13.6e8),
            t("0.4 亿吨", 0.4e8),
            pct("4.5%", 0.045),
        ];
        let f = run(check, s, &bad);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].fix.is_none(), "any of the three figures may be wrong");
        let s = "全年钢材产量 13.6 亿吨，比上年增加 0.4 亿吨，粗钢产量增长 9.0%。";
        let other = [
            t("13.6 亿吨", 13.6e8),
            t("0.4 亿吨", 0.4e8),
            pct("9.0%", 0.09),
        ];
        assert!(
            run(check, s, &other).is_empty(),
            "the rate of another product"
        );
    }

    #[test]
    fn english_orders() {
        let s = "Investment fell 21% from $240 billion to $189.2 billion.";
        let specs = [
            pct("21%", 0.21),
            spec("$240 billion", Kind::Money, 240e9, 0.5e9, "USD"),
            spec("$189.2 billion", Kind::Money, 189.2e9, 0.05e9, "USD"),
        ];
        assert!(run(check, s, &specs).is_empty());
        let s = "Investment reached $189.2 billion, down 25% from $234 billion.";
        let specs = [
            spec("$189.2 billion", Kind::Money, 189.2e9, 0.05e9, "USD"),
            pct("25%", 0.25),
            spec("$234 billion", Kind::Money, 234e9, 0.5e9, "USD"),
        ];
        assert_eq!(run(check, s, &specs).len(), 1);
    }

    #[test]
    fn the_words_after_a_rate_are_cut_at_a_character() {
        // The 48th byte after the rate falls inside the second `，`.
        let s = "净利润 14.2 亿元，同比下降 21.5%，主要受年末寒潮和冰冻灾害赔付ab，上年为 87.7 亿元。";
        let specs = [
            spec("14.2 亿元", Kind::Money, 14.2e8, 0.05e8, "CNY"),
            pct("21.5%", 0.215),
        ];
        let (doc, mentions) = super::super::sentence::testing::build(s, &specs);
        assert_eq!(period_after_rate(&doc.masked, &mentions[1]), None);
    }

    #[test]
    fn traditional_and_one_character_base_words() {
        assert_eq!(direction("，成長 ").map(|d| d.0), Some(1.0));
        assert_eq!(direction("，減少了 ").map(|d| d.0), Some(-1.0));
        assert_eq!(direction("，年增 ").map(|d| (d.0, d.1)), Some((1.0, "年增")));
        assert_eq!(direction("，衰退 ").map(|d| d.0), Some(-1.0));
        assert_eq!(
            frames::period_of_rate("，", "季減"),
            Some(frames::Period::PeriodBefore)
        );
        assert_eq!(
            frames::period_of_rate("，同比", "增长"),
            Some(frames::Period::YearBefore)
        );
    }

    #[test]
    fn the_start_named_after_the_rate_by_its_period() {
        let cny = |t, v| spec(t, Kind::Money, v, 0.005e12, "CNY");
        let s = "住户存款余额 8.92 万亿元，同比增长 9.6%，上年同期为 8.14 万亿元。";
        let ok = [
            cny("8.92 万亿元", 8.92e12),
            pct("9.6%", 0.096),
            cny("8.14 万亿元", 8.14e12),
        ];
        assert!(run(check, s, &ok).is_empty());
        let s = "住户存款余额 8.92 万亿元，同比增长 9.6%，上年同期为 8.41 万亿元。";
        let bad = [
            cny("8.92 万亿元", 8.92e12),
            pct("9.6%", 0.096),
            cny("8.41 万亿元", 8.41e12),
        ];
        assert_eq!(run(check, s, &bad).len(), 1);
        // A month-on-month rate is never read against the year-earlier level.
        let s = "住户存款余额 8.92 万亿元，环比增长 9.6%，上年同期为 8.41 万亿元。";
        assert!(run(check, s, &bad).is_empty());
    }

    #[test]
    fn the_start_named_between_the_level_and_the_rate() {
        let cny = |t, v| spec(t, Kind::Money, v, 0.5e8, "CNY");
        let s = "利润 74311 亿元，上年为 79634 亿元，比上年下降 7.6%。";
        let specs = [
            cny("74311 亿元", 74311e8),
            cny("79634 亿元", 79634e8),
            pct("7.6%", 0.076),
        ];
        assert_eq!(run(check, s, &specs).len(), 1);
        let s = "营收 74311 亿元，前一季为 79634 亿元，年增 7.6%。";
        assert!(run(check, s, &specs).is_empty(), "a quarter's base, a yearly rate");
        let s = "利润 74311 亿元，上年为 79634 亿元，扣除价格因素实际下降 7.6%。";
        assert!(run(check, s, &specs).is_empty(), "a real rate");
    }

    #[test]
    fn a_rate_after_a_ratio_to_the_subjects_own_earlier_figure() {
        let u = |t, v| spec(t, Kind::Money, v, 0.05e9, "USD");
        let times = |t, v| spec(t, Kind::Multiple, v, 0.005, "x");
        let s = "Revenue of $9.6 billion was 1.45 times the $6.6 billion of a year earlier, a \
                 rise of 54%.";
        let specs = [
            u("$9.6 billion", 9.6e9),
            times("1.45 times", 1.45),
            u("$6.6 billion", 6.6e9),
            pct("54%", 0.54),
        ];
        assert_eq!(run(check, s, &specs).len(), 1);
        let s = "Revenue of $9.6 billion was 1.45 times the $6.6 billion of its rival, a rise \
                 of 54%.";
        assert!(run(check, s, &specs).is_empty(), "another subject's figure");
    }

    #[test]
    fn the_rate_first_then_the_amount() {
        let cny = |t, v| spec(t, Kind::Money, v, 0.5e8, "CNY");
        let s = "零售总额 487895 亿元，比上年增长 5.3%，增加 16504 亿元。";
        let specs = [
            cny("487895 亿元", 487895e8),
            pct("5.3%", 0.053),
            cny("16504 亿元", 16504e8),
        ];
        assert_eq!(run(check, s, &specs).len(), 1);
        let s = "零售总额 487895 亿元，比上年增长 5.3%，其中网上零售增加 16504 亿元。";
        assert!(run(check, s, &specs).is_empty(), "a part's amount");
    }

    #[test]
    fn an_unrelated_rate_after_a_change_is_silent() {
        let s = "营收从 100 亿元增长到 150 亿元，其中利润增长 20%。";
        let cny = |t| spec(t, Kind::Money, 0.0, 0.5e8, "CNY");
        let mut a = cny("100 亿元");
        a.value = 100e8;
        let mut b = cny("150 亿元");
        b.value = 150e8;
        assert!(run(check, s, &[a, b, pct("20%", 0.2)]).is_empty());
    }
}
