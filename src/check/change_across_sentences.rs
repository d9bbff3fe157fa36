//! The `change_across_sentences` built-in check: the article's facts in, findings out.
//!
//! A year-on-year change stated in one sentence (`前 11 个月…进出口总值 39.79 万亿元，同比增长
//! 4.9%`) and the levels it is a change between, stated in other sentences
//! (`去年前 11 个月，…进出口总值为 37.37 万亿元`), tied by their keys: the same measure, the
//! rate's period and the same part of the year before. Levels are indexed by measure and
//! period first, so the check is linear. Its documentation is
//! `docs/change_across_sentences.md`.

use std::collections::{HashMap, HashSet};

use super::sentence::input;
use crate::eval::{brief as format_number, brief_interval as format_interval};
use super::{BuiltinMeta, Context, Explanation, Finding, Origin, Related, Severity};
use crate::analysis::facts::{self as whole, Fact, Need, Period, Probe, Role, basis};
use crate::eval::Interval;
use crate::source::Span;

pub const META: BuiltinMeta = BuiltinMeta {
    id: "change_across_sentences",
    doc: include_str!("docs/change_across_sentences.md"),
    default_severity: Severity::Warning,
};

const ID: &str = META.id;

/// A fact with a key states a period: a sentence that states none gives this check nothing.
pub(super) fn need(p: &Probe<'_>) -> Need {
    if p.may_state_period() {
        Need::This
    } else {
        Need::Nothing
    }
}

pub(super) fn check(
    ctx: &Context<'_>,
    severity: Severity,
    examined: &mut Vec<Span>,
) -> Vec<Finding> {
    let model = ctx.whole();
    let ms = ctx.mentions;
    // Levels by (measure, period).
    let mut levels: HashMap<(&str, Period), Vec<&Fact>> = HashMap::new();
    for f in &model.facts {
        if f.role == Role::Level
            && f.is_comparable()
            && f.basis & basis::AVERAGE == 0
            && ms[f.mention].kind.is_quantity()
        {
            levels
                .entry((f.measure.as_str(), f.period))
                .or_default()
                .push(f);
        }
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for f in &model.facts {
        let Role::Change(sign) = f.role else {
            continue;
        };
        let m = &ms[f.mention];
        if m.kind != crate::extract::Kind::Percent || f.basis & basis::YOY == 0 {
            continue;
        }
        // Only the first statement of a change is checked here; a later one that differs
        // is `repeated_figure`'s.
        let Some(key) = whole::key(f, m) else {
            continue;
        };
        if !seen.insert(key) {
            continue;
        }
        let Some(prev) = f.period.previous() else {
            continue;
        };
        let find = |p: Period| -> Option<&Fact> {
            let list = levels.get(&(f.measure.as_str(), p))?;
            let first = *list.first()?;
            let a = &ms[first.mention];
            // Several levels that disagree leave the change undecided.
            list.iter()
                .all(|g| {
                    let b = &ms[g.mention];
                    b.kind == a.kind && b.unit == a.unit && b.interval.meets(&a.interval)
                })
                .then_some(first)
        };
        let (Some(now), Some(then)) = (find(f.period), find(prev)) else {
            continue;
        };
        let (a, b) = (&ms[now.mention], &ms[then.mention]);
        if a.kind != b.kind || a.unit != b.unit {
            continue;
        }
        // All three in one sentence is `change_in_sentence`'s.
        if now.sentence == f.sentence && then.sentence == f.sentence {
            continue;
        }
        let Some(ratio) = a.interval.checked_div(b.interval) else {
            continue;
        };
        let computed = Interval::new(ratio.low - 1.0, ratio.high - 1.0);
        let stated = if sign < 0 {
            Interval::new(-m.interval.high, -m.interval.low)
        } else {
            m.interval
        };
        examined.extend([m.span, a.span, b.span]);
        if computed.meets(&stated) {
            continue;
        }
        let doc = ctx.doc;
        let (rate, new, old) = (doc.slice(m.span), doc.slice(a.span), doc.slice(b.span));
        let central = a.value / b.value - 1.0;
        let mut finding = Finding::new(
            ID,
            Origin::Builtin(&META),
            severity,
            m.span,
            rate,
            format!(
                "`{rate}` does not match the levels `{new}` and `{old}` of the year before: (B − A) / A = {}%",
                format_number(central * 100.0)
            ),
        );
        finding.explanation = Some(Explanation {
            inputs: vec![
                input("rate", doc, m),
                input("B", doc, a),
                input("A", doc, b),
            ],
            formula: format!("{}rate ~ (B - A) / A", if sign < 0 { "-" } else { "" }),
            computed: central,
            computed_interval: computed,
            claimed: stated,
            tolerance: ctx.options.tolerance,
        });
        finding.notes.push(format!(
            "the levels allow {}, the rate {}",
            format_interval(computed),
            format_interval(stated)
        ));
        finding.related = vec![
            Related {
                span: a.span,
                message: format!("`{new}`: {}, {}", f.measure, f.period),
            },
            Related {
                span: b.span,
                message: format!("`{old}`: {}, {}", f.measure, prev),
            },
        ];
        out.push(finding);
    }
    out
}
