//! Claims: find each claim's template in the document, evaluate its checks over the matched
//! mentions and the facts, and report failures (with explanation and suggestion) and claims
//! that matched nowhere.
//!
//! Takes a `Context` (document, mentions, options) and one compiled `RuleFile`; produces a
//! `ClaimRun`: findings plus the counts the summary needs.

use super::rewrite::rewrite_number;
use super::{Context, Explanation, Finding, Input, Origin};
use crate::eval::{CmpOp, EvalError, Expr, Value, Verdict, human};
use crate::extract::Kind;
use crate::rules::{Binding, Check, Claim, Matcher, RuleFile};
use crate::source::Span;

/// What running one rule file's claims over one document found.
#[derive(Debug, Default)]
pub struct ClaimRun {
    pub findings: Vec<Finding>,
    /// Claim matches whose every check held.
    pub held: usize,
    /// Claim matches with a failing check.
    pub failed: usize,
    /// Claims that matched nowhere.
    pub unmatched: usize,
    /// The mentions that filled a placeholder: (index into `Context::mentions`, index of
    /// the claim in the file).
    pub checked: Vec<(usize, usize)>,
}

/// One place a claim's template or pattern matched.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimMatch {
    /// The matched text in the original document.
    pub span: Span,
    /// Per placeholder (or pattern group), in order, the index of the mention it binds.
    pub mentions: Vec<usize>,
}

/// Runs every claim of `file`. A claim that matches nowhere is reported as unmatched when
/// the file names the articles it applies to (a file without `applies_to` applies to every
/// article, and most articles will not contain its sentences).
pub fn run(ctx: &Context<'_>, file: &RuleFile) -> ClaimRun {
    run_claims(ctx, file, &|_| true, file.applies_to.is_some())
}

/// Runs the claim at `index` alone and never reports it unmatched (rule examples).
pub fn run_one(ctx: &Context<'_>, file: &RuleFile, index: usize) -> ClaimRun {
    run_claims(ctx, file, &|i| i == index, false)
}

fn run_claims(
    ctx: &Context<'_>,
    file: &RuleFile,
    select: &dyn Fn(usize) -> bool,
    report_unmatched: bool,
) -> ClaimRun {
    let matches = find_matches(ctx, file, select);
    let mut run = ClaimRun::default();
    for (i, claim) in file.claims.iter().enumerate() {
        if !select(i) {
            continue;
        }
        if matches[i].is_empty() {
            if report_unmatched {
                run.unmatched += 1;
                run.findings.push(unmatched(claim));
            }
            continue;
        }
        for m in &matches[i] {
            run.checked.extend(m.mentions.iter().map(|&k| (k, i)));
            let before = run.findings.len();
            for check in &claim.checks {
                if let Some(f) = evaluate(ctx, file, claim, check, m) {
                    run.findings.push(f);
                }
            }
            if run.findings.len() > before {
                run.failed += 1;
            } else {
                run.held += 1;
            }
        }
    }
    run.checked.sort_unstable();
    run.checked.dedup();
    run
}

/// Every match of every selected claim, indexed like `file.claims`.
pub fn find_matches(
    ctx: &Context<'_>,
    file: &RuleFile,
    select: &dyn Fn(usize) -> bool,
) -> Vec<Vec<ClaimMatch>> {
    let mut out: Vec<Vec<ClaimMatch>> = vec![Vec::new(); file.claims.len()];
    if let Some(ac) = &file.claim_anchors {
        let norm = ctx.normalized();
        for hit in ac.occurrences(&norm.text) {
            for &ci in &file.anchor_claims[hit.pattern().as_usize()] {
                if !select(ci) {
                    continue;
                }
                let Matcher::Template(t) = &file.claims[ci].matcher else {
                    continue;
                };
                if let Some((span, mentions)) = t.match_at(norm, hit.start())
                    && !out[ci].iter().any(|m| m.mentions == mentions)
                {
                    out[ci].push(ClaimMatch { span, mentions });
                }
            }
        }
    }
    for (ci, claim) in file.claims.iter().enumerate() {
        if let Matcher::Pattern { regex, groups } = &claim.matcher
            && select(ci)
        {
            out[ci] = pattern_matches(ctx, regex, groups);
        }
    }
    for list in &mut out {
        list.sort_by_key(|m| m.span.start);
    }
    out
}

/// Matches of a raw regex whose every named group covers exactly one quantity mention.
fn pattern_matches(ctx: &Context<'_>, regex: &regex::Regex, groups: &[String]) -> Vec<ClaimMatch> {
    let mut out = Vec::new();
    'matches: for caps in regex.captures_iter(&ctx.doc.masked) {
        let mut mentions = Vec::with_capacity(groups.len());
        for g in groups {
            let Some(group) = caps.name(g) else {
                continue 'matches;
            };
            // Mentions come sorted by position: look only at those that start near the group.
            let first = ctx
                .mentions
                .partition_point(|m| m.span.end <= group.start());
            let mut inside = ctx.mentions[first..]
                .iter()
                .enumerate()
                .take_while(|(_, m)| m.span.start < group.end())
                .map(|(k, m)| (first + k, m))
                .filter(|(_, m)| {
                    m.kind.is_quantity()
                        && group.start() <= m.number.start
                        && m.number.end <= group.end()
                });
            match (inside.next(), inside.next()) {
                (Some((k, _)), None) => mentions.push(k),
                _ => continue 'matches,
            }
        }
        let whole = caps
            .get(0)
            .map_or(Span::default(), |m| Span::new(m.start(), m.end()));
        out.push(ClaimMatch {
            span: whole,
            mentions,
        });
    }
    out
}

fn unmatched(claim: &Claim) -> Finding {
    let mut f = Finding::new(
        &claim.id,
        Origin::Unmatched,
        super::Severity::Warning,
        Span::new(0, 0),
        "",
        format!(
            "claim `{}` matches nowhere in this article: the text changed or the rule went \
             stale; update its template `{}`",
            claim.id,
            claim.matcher.text()
        ),
    );
    f.source = claim.source.iter().cloned().collect();
    f
}

/// The value a check's name stands for in this match.
fn value_of(ctx: &Context<'_>, file: &RuleFile, m: &ClaimMatch, binding: Binding) -> Value {
    match binding {
        Binding::Fact(i) => file.facts[i].as_value(),
        Binding::Placeholder(i) => {
            let mention = &ctx.mentions[m.mentions[i]];
            Value {
                point: mention.value,
                interval: mention.interval,
            }
        }
    }
}

/// The finding for a check that fails (or cannot be computed) on this match; `None` when it
/// holds.
fn evaluate(
    ctx: &Context<'_>,
    file: &RuleFile,
    claim: &Claim,
    check: &Check,
    m: &ClaimMatch,
) -> Option<Finding> {
    // Slot `i` of the comparison is `check.inputs[i]`, bound when the rules loaded.
    let values: Vec<Value> = check
        .inputs
        .iter()
        .map(|(_, b)| value_of(ctx, file, m, *b))
        .collect();
    let verdict = match check.comparison.evaluate_slots(&values) {
        Ok(v) if v.holds => return None,
        Ok(v) => v,
        Err(e) => return Some(cannot_evaluate(ctx, claim, check, m, &e)),
    };
    let cmp = &check.comparison;
    let lhs = check.text[..cmp.op_offset].trim();
    let rhs = check.text[cmp.op_offset + cmp.op.symbol().len()..].trim();
    let left_placeholder = match &cmp.left {
        Expr::Name(name) => match check.inputs.get(name.slot) {
            Some((_, Binding::Placeholder(i))) => Some(*i),
            _ => None,
        },
        _ => None,
    };
    // The mention the finding points at: the one compared, else the first one used.
    let primary = left_placeholder.or_else(|| {
        check.inputs.iter().find_map(|(_, b)| match b {
            Binding::Placeholder(i) => Some(*i),
            Binding::Fact(_) => None,
        })
    });
    let mention = primary.map(|i| (m.mentions[i], &ctx.mentions[m.mentions[i]]));
    let span = mention.map_or(m.span, |(_, x)| x.span);
    let found = ctx.doc.slice(span).to_string();
    let computed = verdict.right.point;
    // The whole mention as it should read (`2.4倍`), for the message and the report; never
    // in another kind of figure than the fact it is compared with (`25%` for 32 countries).
    let rewrite = match (left_placeholder, cmp.op, mention) {
        (Some(_), CmpOp::Approx, Some((_, x)))
            if compared_fact_unit(file, check).is_none_or(|u| fits_unit(x.kind, u)) =>
        {
            rewrite_number(ctx, x, computed, verdict.right.interval)
        }
        _ => None,
    };
    let suggested_text = rewrite.as_ref().map(|r| r.text.clone());
    let message = match (&left_placeholder, &suggested_text) {
        (Some(_), Some(s)) => format!("`{found}` does not match {rhs} = {} ({s})", human(computed)),
        (Some(_), None) => format!("`{found}` does not match {rhs} = {}", human(computed)),
        (None, _) => format!(
            "`{}` does not hold: {lhs} is {}, {rhs} is {}",
            check.text,
            format_value(&verdict.left),
            format_value(&verdict.right)
        ),
    };
    let mut f = Finding::new(
        &claim.id,
        Origin::Claim,
        claim.severity,
        span,
        found,
        message,
    );
    f.explanation = Some(explain(ctx, file, check, m, &verdict));
    f.source = sources(file, check);
    if let Some(why) = &claim.why {
        f.notes.push(why.clone());
    }
    f.fix = rewrite.and_then(|r| r.fix);
    f.suggestion = suggested_text;
    Some(f)
}

/// The unit of the fact a check compares with directly (`n ~ fact`), if it does.
fn compared_fact_unit<'f>(file: &'f RuleFile, check: &Check) -> Option<&'f str> {
    let Expr::Name(name) = &check.comparison.right else {
        return None;
    };
    match check.inputs.get(name.slot) {
        Some((_, Binding::Fact(i))) => file.facts.get(*i).map(|f| f.unit.as_str()),
        _ => None,
    }
}

/// Whether a mention of `kind` can state a value in a fact's `unit`: a share is written as
/// a percent or a fraction, a multiple in times, points in points, anything else (money,
/// counts, tonnes) as neither of those.
fn fits_unit(kind: Kind, unit: &str) -> bool {
    let unit = unit.trim().to_ascii_lowercase();
    let share = matches!(
        unit.as_str(),
        "share" | "%" | "percent" | "fraction" | "ratio" | "rate" | "pct"
    );
    let times = matches!(unit.as_str(), "times" | "x" | "×" | "multiple");
    let points = matches!(unit.as_str(), "pp" | "points" | "percentage points");
    match kind {
        Kind::Percent | Kind::Fraction => share,
        Kind::Points => points,
        Kind::Multiple => times,
        _ => !(share || times || points),
    }
}

fn cannot_evaluate(
    ctx: &Context<'_>,
    claim: &Claim,
    check: &Check,
    m: &ClaimMatch,
    e: &EvalError,
) -> Finding {
    let mut f = Finding::new(
        &claim.id,
        Origin::Claim,
        claim.severity,
        m.span,
        ctx.doc.slice(m.span),
        format!("cannot evaluate `{}`: {e}", check.text),
    );
    if let Some(why) = &claim.why {
        f.notes.push(why.clone());
    }
    f
}

fn explain(
    ctx: &Context<'_>,
    file: &RuleFile,
    check: &Check,
    m: &ClaimMatch,
    verdict: &Verdict,
) -> Explanation {
    let inputs = check
        .inputs
        .iter()
        .map(|(name, b)| {
            let value = value_of(ctx, file, m, *b);
            let (text, source) = match b {
                Binding::Fact(i) => {
                    let fact = &file.facts[*i];
                    (
                        format!("{} {}", human(fact.value), fact.unit),
                        Some(fact.source.clone()),
                    )
                }
                Binding::Placeholder(i) => (
                    ctx.doc.slice(ctx.mentions[m.mentions[*i]].span).to_string(),
                    None,
                ),
            };
            Input {
                name: name.clone(),
                text,
                value: value.point,
                interval: value.interval,
                source,
            }
        })
        .collect();
    Explanation {
        inputs,
        formula: check.text.clone(),
        computed: verdict.right.point,
        computed_interval: verdict.right.interval,
        claimed: verdict.left.interval,
        tolerance: ctx.options.tolerance,
    }
}

/// The citations of the facts a check uses, each once.
fn sources(file: &RuleFile, check: &Check) -> Vec<String> {
    let mut list: Vec<String> = Vec::new();
    for (_, b) in &check.inputs {
        if let Binding::Fact(i) = b {
            let s = &file.facts[*i].source;
            if !list.contains(s) {
                list.push(s.clone());
            }
        }
    }
    list
}

fn format_value(v: &Value) -> String {
    let i = v.interval;
    if i.low == i.high {
        human(v.point)
    } else {
        format!("{} [{}, {}]", human(v.point), human(i.low), human(i.high))
    }
}
