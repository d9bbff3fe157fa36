//! The `points_in_sentence` built-in check: mentions and masked text in, findings out.
//!
//! Finds a change in percentage points between two percentages written in the same sentence
//! (`从 5.5% 降至 5.2%，下降 0.3 个百分点`, `fell to 61.2% from 66.8%, a drop of 5.6
//! percentage points`, `为 29.8%，比上年的 30.5% 下降 0.7 个百分点`) and checks it against
//! B − A. A change written in percent that equals the difference in points but not the
//! relative change (`从 20% 升至 25%，增长 5%`) is reported as ambiguous, with both
//! readings. Its documentation is `docs/points_in_sentence.md`.

use super::change_in_sentence::{Operands, computed, judge_as, operands, points_reading_holds};
use super::frames;
use super::sentence::{format_number, input, subtract};
use super::{BuiltinMeta, Context, Explanation, Finding, Origin, Severity};
use crate::extract::{Kind, Mention};
use crate::source::Span;

pub const META: BuiltinMeta = BuiltinMeta {
    id: "points_in_sentence",
    doc: include_str!("docs/points_in_sentence.md"),
    default_severity: Severity::Error,
};

const ID: &str = META.id;

pub fn check(ctx: &Context<'_>, severity: Severity, examined: &mut Vec<Span>) -> Vec<Finding> {
    let masked = &ctx.doc.masked;
    let mut findings = Vec::new();
    // The test below, asked first of the analysis' summary of each sentence and before its
    // dates (neither points nor percents) are set aside.
    for s in ctx
        .analysis()
        .checked_sentences_holding(&[Kind::Points, Kind::Percent])
    {
        if !s.quantities.iter().any(|m| m.kind == Kind::Points)
            && s.quantities
                .iter()
                .filter(|m| m.kind == Kind::Percent)
                .count()
                < 3
        {
            continue;
        }
        let (sentence, qs) = (s.span, s.quantities);
        let qs = &*super::sentence::without_dates(&ctx.doc.masked, qs);
        if !qs.iter().any(|m| matches!(m.kind, Kind::Points))
            && qs.iter().filter(|m| m.kind == Kind::Percent).count() < 3
        {
            continue;
        }
        let frames = frames::from_to(masked, sentence, qs);
        let mut quotes = None;
        for (i, n) in qs.iter().enumerate() {
            if !matches!(n.kind, Kind::Points | Kind::Percent) {
                continue;
            }
            let Some(op) = operands(ctx, sentence, qs, &frames, i) else {
                continue;
            };
            let quotes = quotes.get_or_insert_with(|| frames::quotations(masked, sentence));
            if op.a.kind != Kind::Percent
                || op.b.kind != Kind::Percent
                || frames::quoted(quotes, n.span.start)
            {
                continue;
            }
            if n.kind == Kind::Points {
                ctx.count_relation();
                examined.extend([n.span, op.a.span, op.b.span]);
                findings.extend(judge_as(
                    &META,
                    ctx,
                    n,
                    (op.sign, op.word),
                    (op.a, op.b),
                    (severity, op.fixable),
                ));
            } else if points_reading_holds(n, &op) {
                findings.push(ambiguous(ctx, n, &op, severity));
            }
        }
    }
    findings
}

/// `从 20% 升至 25%，增长 5%`: 5 is the difference in points, but a change in percent reads
/// as relative (25%). Either the unit or the figure is wrong; a warning at most, since the
/// writer's meaning is plain to most readers.
fn ambiguous(ctx: &Context<'_>, n: &Mention, op: &Operands<'_>, severity: Severity) -> Finding {
    let doc = ctx.doc;
    let (a_text, b_text, n_text) = (
        doc.slice(op.a.span),
        doc.slice(op.b.span),
        doc.slice(n.span),
    );
    let (relative, q, formula) =
        computed(n, op.a, op.b).unwrap_or((f64::NAN, n.interval, "N ~ (B - A) / A"));
    let points = op.b.value - op.a.value;
    let message = format!(
        "`{n_text}` is ambiguous: from `{a_text}` to `{b_text}` is a change of {} percentage \
         points, or {}% relative to `{a_text}`; write `{} 个百分点` / `{} percentage points`, \
         or give the relative change",
        format_number(points.abs() * 100.0),
        format_number(relative * 100.0),
        format_number(points.abs() * 100.0),
        format_number(points.abs() * 100.0),
    );
    let severity = severity.min(Severity::Warning);
    let mut finding = Finding::new(ID, Origin::Builtin(&META), severity, n.span, n_text, message);
    finding.explanation = Some(Explanation {
        inputs: vec![
            input("A", doc, op.a),
            input("B", doc, op.b),
            input("N", doc, n),
        ],
        formula: formula.into(),
        computed: relative,
        computed_interval: q,
        claimed: n.interval,
        tolerance: ctx.options.tolerance,
    });
    finding.notes.push(format!(
        "read as points, `{n_text}` matches B − A = {}",
        format_interval_points(subtract(op.b.interval, op.a.interval))
    ));
    finding
}

fn format_interval_points(i: crate::eval::Interval) -> String {
    format!(
        "{} to {} points",
        format_number(i.low * 100.0),
        format_number(i.high * 100.0)
    )
}

#[cfg(test)]
mod tests {
    use super::super::sentence::testing::{Spec, run, spec};
    use super::*;

    fn pct(text: &str, value: f64) -> Spec<'_> {
        spec(text, Kind::Percent, value, 0.005, "%")
    }

    #[test]
    fn points_between_percentages() {
        let s = "支持率从 40% 下降到 30%，下降了 10 个百分点。";
        let points = spec("10 个百分点", Kind::Points, 0.10, 0.005, "pp");
        assert!(run(check, s, &[pct("40%", 0.4), pct("30%", 0.3), points]).is_empty());
        let s = "支持率从 40% 下降到 30%，下降了 12 个百分点。";
        let points = spec("12 个百分点", Kind::Points, 0.12, 0.005, "pp");
        let f = run(check, s, &[pct("40%", 0.4), pct("30%", 0.3), points]);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("-10 points"), "{}", f[0].message);
    }

    #[test]
    fn percent_for_points_is_a_warning_with_both_readings() {
        let s = "支持率从 40% 下降到 30%，下降了 10%。";
        let f = run(
            check,
            s,
            &[pct("40%", 0.4), pct("30%", 0.3), pct("10%", 0.1)],
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(
            f[0].message.contains("10 percentage points"),
            "{}",
            f[0].message
        );
        assert!(f[0].message.contains("-25%"), "{}", f[0].message);
        assert!(f[0].fix.is_none());
        let s = "支持率从 40% 下降到 30%，下降了 25%。";
        assert!(
            run(
                check,
                s,
                &[pct("40%", 0.4), pct("30%", 0.3), pct("25%", 0.25)]
            )
            .is_empty()
        );
    }
}
