//! The `change_in_sentence` built-in check: mentions and masked text in, findings out.
//!
//! Finds a stated change `N%` (or `N 个百分点`) whose start A and end B are written in the
//! same sentence (`从 A 下降到 B，降幅 N%`, `B，较 A 下降 N%`, `fell N% from A to B`,
//! `B, down N% from A`) and checks N against (B − A) / A, the sign taken from the verb. Its
//! documentation is `docs/change_in_sentence.md`.

use std::sync::LazyLock;

use regex::Regex;

use super::rewrite::rewrite_number;
use super::sentence::{
    clause_breaks, has_clause_break, input, last_clause_break, same_measure, strip_continuations,
    strip_hedges, strip_suffix, strip_words,
};
use super::{BuiltinMeta, Context, Explanation, Finding, Origin, Severity};
use crate::eval::{Interval, brief};
use crate::extract::{Kind, Mention};
use crate::lexicon::{CHANGE_WORDS, FILLERS, is_comparison_marker};
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
        r"^\s*(?:in\s+\d{4}\s*|\d{4}\s*年\s*)?[，,]\s*(?:即|同比|环比|累计|总共|共|整体|an?|or|which\s+is|for)?\s*$",
    )
        .expect("static regex")
});

/// After the number: the start of the change (`from $236 billion`).
static FROM_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:from|compared\s+(?:with|to))\s+(?:[\w'’]+\s+){0,2}$").expect("static regex")
});

/// After the rate, the start of the clause that gives its end points: `，从`.
static ZH_FROM_NEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[，,]\s*(?:从|由)\s*$").expect("static regex"));

/// Before A: `从`, `由`, `from`, with a few words allowed after it.
static FROM_BEFORE_EN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bfrom\s+(?:[\w'’]+\s+){0,2}$").expect("static regex"));

/// Between the number and a following end point (`下降 20% 至 B`).
static TO_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:到|至|to)\s*$").expect("static regex"));

/// Between A and B.
static TO_BETWEEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:到|至|\bto\b)").expect("static regex"));

/// `fell 20% to B from A` / `fell 20% from A to B`: the first connector after the number.
static EN_CONNECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?P<w>from|to)\s+(?:[\w'’]+\s+){0,2}$").expect("static regex")
});

/// The figures a change runs between: its start A and its end B.
struct Change<'m> {
    a: &'m Mention,
    b: &'m Mention,
}

pub fn check(ctx: &Context<'_>, severity: Severity, examined: &mut Vec<Span>) -> Vec<Finding> {
    let masked = &ctx.doc.masked;
    let mut findings = Vec::new();
    for s in ctx.analysis().checked_sentences() {
        let (sentence, qs) = (s.span, s.quantities);
        for (i, n) in qs.iter().enumerate() {
            if !matches!(n.kind, Kind::Percent | Kind::Points) {
                continue;
            }
            let lead_start = i.checked_sub(1).map_or(sentence.start, |k| qs[k].span.end);
            let lead = &masked[lead_start..n.span.start];
            let Some((sign, word, residual)) = direction(lead) else {
                continue;
            };
            let Some(change) = reading(ctx, sentence, qs, i, residual) else {
                continue;
            };
            examined.extend([n.span, change.a.span, change.b.span]);
            if let Some(f) = judge(ctx, n, (sign, word), &change, severity) {
                findings.push(f);
            }
        }
    }
    findings
}

/// The direction named at the end of `lead` (fillers and hedges aside), its word, and the
/// text before it. The longest change word that ends the text wins (`增长率`, not `增长`).
fn direction(lead: &str) -> Option<(f64, &'static str, &str)> {
    let mut core = lead;
    loop {
        let next = strip_hedges(strip_words(core, FILLERS));
        if next == core {
            break;
        }
        core = next;
    }
    let &(word, change) = CHANGE_WORDS
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
        .rfind(['从', '由'])
        .is_some_and(|at| !text[at..].contains(['到', '至']));
    zh || FROM_BEFORE_EN.is_match(text)
}

/// The start and end of the change stated by `qs[i]`, if the words around it say which they
/// are; `residual` is what stands before its direction word.
fn reading<'m>(
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
        && same_measure(x, y)
        && !has_clause_break(gap(x, y))
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
    let blank = residual.trim().is_empty();
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
            .rfind(['较', '比'])
            .filter(|&at| is_comparison_marker(words, at))?;
        // B is the figure right before, and the clause of `较` opens with it: a clause with a
        // subject of its own (`，利润较…`) is about something else.
        let marker = start + at;
        let b = qs[i.checked_sub(2)?];
        return if same_measure(b, p) && continues(&masked[b.span.end..marker]) {
            change(p, b)
        } else {
            None
        };
    }
    if !AFTER_B.is_match(residual) {
        return None;
    }
    if let Some(x) = next.filter(|x| FROM_NEXT.is_match(gap(n, x))) {
        // `B, down 20% from A`.
        return if same_measure(p, x) {
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
fn computed(n: &Mention, a: &Mention, b: &Mention) -> Option<(f64, Interval, &'static str)> {
    match n.kind {
        Kind::Points if a.kind == Kind::Percent => {
            Some((b.value - a.value, b.interval - a.interval, "N ~ B - A"))
        }
        Kind::Percent => {
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
    (sign, word): (f64, &str),
    r: &Change<'_>,
    severity: Severity,
) -> Option<Finding> {
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
    let same_direction = value * sign > 0.0;
    if points {
        message.push_str(&format!(
            "; {n_text} is the difference in percentage points, so write `个百分点` / \
             `percentage points`, or give the relative change {}",
            as_text(value)
        ));
    } else if !same_direction {
        message.push_str("; the figures move the other way");
    }
    let mut finding = Finding::new(ID, Origin::Builtin(&META), severity, n.span, n_text, message);
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
    let direction = if sign > 0.0 { "a rise" } else { "a fall" };
    finding
        .notes
        .push(format!("N is read as {direction} because of `{word}`"));
    // The figure as it should read: its magnitude, since the verb carries the sign.
    let target = if sign > 0.0 { q } else { -q };
    if !points
        && same_direction
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
    fn percentage_points_against_percent() {
        let s = "支持率从 40% 下降到 30%，下降了 10 个百分点。";
        let points = spec("10 个百分点", Kind::Points, 0.10, 0.005, "pp");
        assert!(run(check, s, &[pct("40%", 0.4), pct("30%", 0.3), points]).is_empty());
        let s = "支持率从 40% 下降到 30%，下降了 10%。";
        let f = run(
            check,
            s,
            &[pct("40%", 0.4), pct("30%", 0.3), pct("10%", 0.1)],
        );
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("percentage points"));
        assert!(f[0].fix.is_none());
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
