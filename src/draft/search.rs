//! The computations a number may state: a mention and the facts in, every fact and simple
//! derivation of two facts whose value lies near the mention's interval out.
//!
//! Derivations: ratio `a / b` (a multiple), share `a / b` with `a < b` (a percentage or
//! fraction), difference `a - b` (same unit; percentage points between two shares), percent
//! change `(b - a) / a` or `(a - b) / a`, and sum `a + b`. Both facts must be of one unit
//! family (money in one currency, counts, one physical unit, shares, multiples).
//!
//! # The bound
//!
//! Pairs are never enumerated. The facts of each family are sorted by value once; for a
//! mention, each fact `a` of a family gives the one range of `b` that can bring the
//! derivation within the search window (`b ∈ [a / hi, a / lo]` for a ratio, `[lo − a,
//! hi − a]` for a sum, …), found by binary search. A mention costs O(F log F + K) for F
//! facts and K candidates found, not O(F²); K is cut to `MAX_CANDIDATES` per mention. A
//! mention whose interval is open (`超过 1 亿`) is searched only up to half again its stated
//! value.

use crate::check::DURATIONS;
use crate::eval::{Comparison, Interval, Value};
use crate::extract::{Kind, Mention};
use crate::rules::Fact;

/// How far outside a computed interval a number may fall and still be a near miss,
/// relative to the computed value.
pub const NEAR: f64 = 0.05;

/// The smaller term of a sum or difference must be at least this share of the larger.
pub const SMALLEST_TERM: f64 = 0.05;

/// Candidates kept per mention, closest first.
pub const MAX_CANDIDATES: usize = 64;

/// What a value measures, for telling which facts a number may state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Family {
    Money(String),
    /// A percentage or a fraction, held as a fraction.
    Share,
    /// Percentage points, held as a fraction.
    Points,
    Multiple,
    /// Things counted.
    Count,
    /// A physical or time unit.
    Measure(String),
    /// A bare number (a score, an index).
    Number,
}

const CURRENCIES: &[&str] = &[
    "USD", "CNY", "EUR", "GBP", "JPY", "HKD", "KRW", "INR", "CAD", "AUD",
];

/// The family of a fact's unit.
pub fn fact_family(unit: &str) -> Family {
    let u = unit.trim();
    let lower = u.to_ascii_lowercase();
    if let Some(c) = CURRENCIES.iter().find(|c| c.eq_ignore_ascii_case(u)) {
        return Family::Money((*c).to_string());
    }
    match lower.as_str() {
        "rmb" | "元" | "人民币" => Family::Money("CNY".into()),
        "$" | "美元" => Family::Money("USD".into()),
        "%" | "share" | "percent" | "fraction" | "ratio_share" => Family::Share,
        "pp" | "points" | "percentage_points" => Family::Points,
        "x" | "times" | "multiple" | "倍" => Family::Multiple,
        "" | "score" | "number" | "index" => Family::Number,
        "t" | "tonnes" | "tons" | "tonne" | "吨" => Family::Measure("t".into()),
        "kg" | "km" | "m" | "g" | "h" | "kwh" | "mw" | "gw" | "kw" | "km2" | "ha" => {
            Family::Measure(lower)
        }
        _ => Family::Count,
    }
}

/// The family of a mention, or `None` when it can never be a claim (a non-quantity, a
/// duration).
pub fn mention_family(m: &Mention) -> Option<Family> {
    let unit = m.unit.as_deref().unwrap_or("");
    Some(match m.kind {
        Kind::Money => Family::Money(unit.to_string()),
        Kind::Percent | Kind::Fraction => Family::Share,
        Kind::Points => Family::Points,
        Kind::Multiple => Family::Multiple,
        Kind::Count => Family::Count,
        Kind::Quantity if DURATIONS.contains(&unit) => return None,
        Kind::Quantity => Family::Measure(unit.to_ascii_lowercase()),
        Kind::Number => Family::Number,
        _ => return None,
    })
}

/// Whether a mention of family `m` may state a value of family `f`.
fn states(m: &Family, f: &Family) -> bool {
    m == f || (*m == Family::Number && *f == Family::Count)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Op {
    Fact,
    Ratio,
    Share,
    Difference,
    PointsDifference,
    Increase,
    Decrease,
    Sum,
}

impl Op {
    /// The expression over fact ids `a` and `b`.
    pub fn expr(self, a: &str, b: &str) -> String {
        match self {
            Op::Fact => a.to_string(),
            Op::Ratio | Op::Share => format!("{a} / {b}"),
            Op::Difference | Op::PointsDifference => format!("{a} - {b}"),
            Op::Increase => format!("({b} - {a}) / {a}"),
            Op::Decrease => format!("({a} - {b}) / {a}"),
            Op::Sum => format!("{a} + {b}"),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Op::Fact => "fact",
            Op::Ratio => "ratio",
            Op::Share => "share",
            Op::Difference => "difference",
            Op::PointsDifference => "percentage-point difference",
            Op::Increase => "percent increase",
            Op::Decrease => "percent decrease",
            Op::Sum => "sum",
        }
    }
}

/// A fact or derivation near a mention.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub op: Op,
    /// Indices into the facts; `b` is `a` for a fact alone.
    pub a: usize,
    pub b: usize,
    /// The computed value, from the expression engine.
    pub value: Value,
    /// Whether the mention's interval meets the computed one.
    pub hit: bool,
    /// Distance from the mention's interval to the computed value, relative to it (0 for a
    /// hit).
    pub gap: f64,
}

impl Candidate {
    pub fn expr(&self, facts: &[Fact]) -> String {
        self.op.expr(&facts[self.a].id, &facts[self.b].id)
    }

    pub fn facts(&self) -> Vec<usize> {
        if self.op == Op::Fact {
            vec![self.a]
        } else {
            vec![self.a, self.b]
        }
    }
}

/// The facts grouped by family, each group sorted by value (built once per draft).
pub struct FactIndex<'f> {
    facts: &'f [Fact],
    groups: Vec<(Family, Vec<usize>)>,
}

impl<'f> FactIndex<'f> {
    pub fn new(facts: &'f [Fact]) -> FactIndex<'f> {
        let mut groups: Vec<(Family, Vec<usize>)> = Vec::new();
        for (i, f) in facts.iter().enumerate() {
            let fam = fact_family(&f.unit);
            match groups.iter_mut().find(|(g, _)| *g == fam) {
                Some((_, list)) => list.push(i),
                None => groups.push((fam, vec![i])),
            }
        }
        for (_, list) in &mut groups {
            list.sort_by(|&x, &y| facts[x].value.total_cmp(&facts[y].value));
        }
        FactIndex { facts, groups }
    }

    /// Facts of `list` whose value lies in `[lo, hi]`.
    fn between<'l>(&self, list: &'l [usize], lo: f64, hi: f64) -> impl Iterator<Item = usize> + 'l {
        let facts = self.facts;
        let first = list.partition_point(|&i| facts[i].value < lo);
        let last = list.partition_point(|&i| facts[i].value <= hi);
        list[first..last.max(first)].iter().copied()
    }

    /// Every candidate for the mention, closest first, at most `MAX_CANDIDATES`.
    pub fn candidates(&self, m: &Mention, family: &Family) -> Vec<Candidate> {
        let Some((lo, hi)) = window(&m.interval) else {
            return Vec::new();
        };
        let mut pairs: Vec<(Op, usize, usize)> = Vec::new();
        for (fam, list) in &self.groups {
            if states(family, fam) {
                // A fact the number states directly, with the fact's own precision.
                for &i in list {
                    let v = self.facts[i].as_value().interval;
                    if v.high >= lo && v.low <= hi {
                        pairs.push((Op::Fact, i, i));
                    }
                }
                if matches!(fam, Family::Money(_) | Family::Count | Family::Measure(_)) {
                    for &a in list {
                        let va = self.facts[a].value;
                        // sum: b ∈ [lo − a, hi − a], each pair once
                        for b in self.between(list, lo - va, hi - va) {
                            if b > a {
                                pairs.push((Op::Sum, a, b));
                            }
                        }
                        // difference: a − b ∈ [lo, hi] → b ∈ [a − hi, a − lo]
                        for b in self.between(list, va - hi, va - lo) {
                            if b != a {
                                pairs.push((Op::Difference, a, b));
                            }
                        }
                    }
                }
            }
            if *family == Family::Points && *fam == Family::Share {
                for &a in list {
                    let va = self.facts[a].value;
                    for b in self.between(list, va - hi, va - lo) {
                        if b != a {
                            pairs.push((Op::PointsDifference, a, b));
                        }
                    }
                }
            }
            let ratio_family = matches!(
                fam,
                Family::Money(_) | Family::Count | Family::Measure(_) | Family::Number
            ) || (*fam == Family::Share && *family == Family::Multiple);
            if ratio_family && lo > 0.0 {
                for &a in list {
                    let va = self.facts[a].value;
                    if va <= 0.0 {
                        continue;
                    }
                    let (blo, bhi) = (va / hi, va / lo);
                    for b in self.between(list, blo, bhi) {
                        if b == a {
                            continue;
                        }
                        match family {
                            Family::Multiple => pairs.push((Op::Ratio, a, b)),
                            Family::Share if self.facts[b].value > va => {
                                pairs.push((Op::Share, a, b))
                            }
                            _ => {}
                        }
                    }
                    if *family == Family::Share && *fam != Family::Share {
                        // (b − a) / a ∈ [lo, hi] → b ∈ a·[1 + lo, 1 + hi]; decrease mirrored.
                        for b in self.between(list, va * (1.0 + lo), va * (1.0 + hi)) {
                            pairs.push((Op::Increase, a, b));
                        }
                        for b in self.between(list, va * (1.0 - hi), va * (1.0 - lo)) {
                            if b != a {
                                pairs.push((Op::Decrease, a, b));
                            }
                        }
                    }
                }
            }
        }
        let facts = self.facts;
        // A sum or difference with a term too small to show is the larger fact restated.
        pairs.retain(|&(op, a, b)| {
            !matches!(op, Op::Sum | Op::Difference)
                || facts[a].value.abs().min(facts[b].value.abs())
                    >= SMALLEST_TERM * facts[a].value.abs().max(facts[b].value.abs())
        });
        let mut out: Vec<Candidate> = pairs
            .into_iter()
            .filter_map(|(op, a, b)| self.evaluate(m, op, a, b))
            .collect();
        out.sort_by(|x, y| x.gap.total_cmp(&y.gap).then(x.op.cmp(&y.op)));
        out.truncate(MAX_CANDIDATES);
        out
    }

    /// The candidate as the engine computes it: the claim's own check, evaluated.
    fn evaluate(&self, m: &Mention, op: Op, a: usize, b: usize) -> Option<Candidate> {
        let expr = op.expr(&self.facts[a].id, &self.facts[b].id);
        let cmp = Comparison::parse(&format!("x ~ {expr}")).ok()?;
        let mention = Value {
            point: m.value,
            interval: m.interval,
        };
        let lookup = |name: &str| -> Option<Value> {
            if name == "x" {
                return Some(mention);
            }
            self.facts
                .iter()
                .find(|f| f.id == name)
                .map(|f| f.as_value())
        };
        let verdict = cmp.evaluate(&lookup).ok()?;
        let gap = verdict.gap.abs();
        if !verdict.holds && (gap.is_nan() || gap > NEAR) {
            return None;
        }
        Some(Candidate {
            op,
            a,
            b,
            value: verdict.right,
            hit: verdict.holds,
            gap: if verdict.holds { 0.0 } else { gap },
        })
    }
}

/// The values searched for a mention: its interval widened by `NEAR`; an open end is
/// closed at half again the stated end. `None` when nothing can be searched.
fn window(i: &Interval) -> Option<(f64, f64)> {
    let (mut lo, mut hi) = (i.low, i.high);
    if !lo.is_finite() && !hi.is_finite() {
        return None;
    }
    if !hi.is_finite() {
        hi = lo * 1.5;
    }
    if !lo.is_finite() {
        lo = hi / 1.5;
    }
    if lo < 0.0 || hi <= 0.0 {
        return None;
    }
    Some((lo * (1.0 - NEAR), hi * (1.0 + NEAR)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{ExtractOptions, extract};

    fn fact(id: &str, value: f64, unit: &str) -> Fact {
        Fact {
            id: id.into(),
            value,
            unit: unit.into(),
            source: String::new(),
            precision: None,
            line: 1,
        }
    }

    fn mention(text: &str) -> Mention {
        extract(text, &ExtractOptions::default())
            .into_iter()
            .find(|m| m.kind.is_quantity())
            .expect("a quantity")
    }

    #[test]
    fn a_ratio_just_outside_is_a_near_miss_and_inside_is_a_hit() {
        let facts = [
            fact("gemini", 191_400_000.0, "USD"),
            fact("gpt4", 78_352_034.0, "USD"),
        ];
        let index = FactIndex::new(&facts);
        let near = index.candidates(&mention("是 2.5倍"), &Family::Multiple);
        let ratio = near
            .iter()
            .find(|c| c.op == Op::Ratio)
            .expect("ratio found");
        assert!(!ratio.hit && ratio.gap < 0.01, "{ratio:?}");
        let hit = index.candidates(&mention("是 2.4倍"), &Family::Multiple);
        assert!(hit.iter().any(|c| c.op == Op::Ratio && c.hit));
    }

    #[test]
    fn percent_changes_and_shares_are_found_by_magnitude() {
        let facts = [
            fact("y2022", 234e9, "USD"),
            fact("y2023", 189.2e9, "USD"),
            fact("other", 5e9, "USD"),
        ];
        let index = FactIndex::new(&facts);
        let c = index.candidates(&mention("下降约 20%"), &Family::Share);
        assert!(
            c.iter()
                .any(|c| c.op == Op::Decrease && c.a == 0 && c.b == 1 && c.hit)
        );
        assert!(!c.iter().any(|c| c.facts().contains(&2)));
    }

    #[test]
    fn durations_and_years_are_never_claims() {
        assert_eq!(mention_family(&mention("过去十年")), None);
        assert_eq!(mention_family(&mention("51 个模型")), Some(Family::Count));
        assert_eq!(fact_family("countries"), Family::Count);
        assert_eq!(fact_family("usd"), Family::Money("USD".into()));
    }
}
