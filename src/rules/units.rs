//! What a fact's `unit` says about its value: a unit in, the factor from the written value to
//! the held one and the kinds of mention it can be compared with out.
//!
//! Values are held as the mentions hold them (docs/numbers.md): percents and percentage
//! points as fractions, so a fact written `value: 9.8, unit: "%"` holds 0.098, and one in
//! `pp` holds 9.8 points as 0.098 too. A fact in `share` is already a fraction.

use crate::extract::Kind;

/// Units whose written value is a percentage (or percentage points) and is held as a
/// fraction.
const PERCENT_UNITS: &[&str] = &["%", "％", "percent", "pp", "percentage_points"];

/// What one written unit of the fact's value is worth as held: 0.01 for `%` and `pp`.
pub fn unit_scale(unit: &str) -> f64 {
    if PERCENT_UNITS.contains(&unit.trim()) {
        0.01
    } else {
        1.0
    }
}

/// Currencies a money fact may be written in.
const CURRENCIES: &[&str] = &[
    "USD",
    "CNY",
    "RMB",
    "EUR",
    "GBP",
    "JPY",
    "HKD",
    "KRW",
    "INR",
    "CAD",
    "AUD",
    "$",
    "美元",
    "元",
    "人民币",
];

/// Units of measure and time (a fact in one of these is a quantity).
const MEASURES: &[&str] = &[
    "t", "kg", "g", "km", "m", "km2", "m2", "ha", "h", "kwh", "kw", "mw", "gw", "l", "ml",
    "tonnes", "tons", "year", "years", "month", "months", "day", "days",
];

/// The kinds of mention a fact in `unit` can be compared with, or `None` when the unit says
/// nothing (`score`, an empty unit, a bare number).
pub fn comparable_kinds(unit: &str) -> Option<&'static [Kind]> {
    let u = unit.trim();
    let lower = u.to_ascii_lowercase();
    if CURRENCIES.iter().any(|c| c.eq_ignore_ascii_case(u)) {
        return Some(&[Kind::Money]);
    }
    match lower.as_str() {
        "%" | "％" | "percent" | "share" | "fraction" => {
            Some(&[Kind::Percent, Kind::Fraction, Kind::Number])
        }
        "pp" | "percentage_points" | "points" => Some(&[Kind::Points, Kind::Number]),
        "x" | "times" | "multiple" | "倍" => Some(&[Kind::Multiple, Kind::Number]),
        "" | "score" | "number" | "index" => None,
        _ if MEASURES.contains(&lower.as_str()) => Some(&[Kind::Quantity, Kind::Number]),
        // Any other unit names what is counted (`models`, `countries`, `人`).
        _ => Some(&[Kind::Count, Kind::Number]),
    }
}

/// A message when a mention of `kind` cannot be compared with a fact in `unit`.
pub fn mismatch(kind: Kind, unit: &str) -> Option<String> {
    let kinds = comparable_kinds(unit)?;
    if kinds.contains(&kind) {
        return None;
    }
    let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    Some(format!(
        "a {kind} cannot be compared with a fact in `{unit}` (which compares with a {})",
        names.join(" or ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_facts_are_held_as_fractions() {
        assert_eq!(unit_scale("%"), 0.01);
        assert_eq!(unit_scale("pp"), 0.01);
        assert_eq!(unit_scale("share"), 1.0);
        assert_eq!(unit_scale("USD"), 1.0);
    }

    #[test]
    fn units_say_what_they_compare_with() {
        assert!(mismatch(Kind::Count, "%").is_some());
        assert!(mismatch(Kind::Percent, "%").is_none());
        assert!(mismatch(Kind::Percent, "models").is_some());
        assert!(mismatch(Kind::Money, "USD").is_none());
        assert!(mismatch(Kind::Count, "score").is_none());
        assert!(mismatch(Kind::Multiple, "times").is_none());
        assert!(mismatch(Kind::Quantity, "t").is_none());
    }
}
