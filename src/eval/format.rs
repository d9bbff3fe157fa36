//! Every number factlint writes for people or tables, in one place, at three precisions:
//! - `human`, for explanations: `189,200,000,000`, `0.1915`, `[0.1805, 0.2205]`, `[5, ∞)`;
//! - `brief`, for the one-line messages of the built-in checks: enough digits to compare with
//!   what was written (`8.62`, `294.1`), and `brief_interval`;
//! - `full`, for `factlint extract`: up to 12 significant digits, no grouping.
//!
//! All three write an infinity as `∞` / `-∞` and drop trailing zeros.

use std::fmt;

use super::{Interval, Value};

/// Significant digits kept for a number with a fractional part.
const SIGNIFICANT: i32 = 4;

/// A number for people: whole numbers in full with thousands grouping; others to four
/// significant digits (but never rounding away a digit before the point); `e` notation only
/// at 1e15 and above or below 1e-6.
pub fn human(x: f64) -> String {
    if let Some(s) = not_finite(x) {
        return s;
    }
    if x == 0.0 {
        return "0".into();
    }
    let a = x.abs();
    if !(1e-6..1e15).contains(&a) {
        let s = format!("{:.*e}", (SIGNIFICANT - 1) as usize, x);
        return match s.split_once('e') {
            Some((mantissa, exp)) => format!("{}e{exp}", trim_zeros(mantissa)),
            None => s,
        };
    }
    let before_point = a.log10().floor() as i32 + 1;
    let decimals = if x.fract() == 0.0 {
        0
    } else {
        (SIGNIFICANT - before_point).max(0)
    };
    let s = format!("{:.*}", decimals as usize, a);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, trim_zeros_frac(f)),
        None => (s.as_str(), ""),
    };
    let mut out = String::new();
    if x < 0.0 && (int.bytes().any(|b| b != b'0') || !frac.is_empty()) {
        out.push('-');
    }
    out.push_str(&group_thousands(int));
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// `∞`, `-∞` or `NaN`, or `None` for a finite number.
fn not_finite(x: f64) -> Option<String> {
    if x.is_nan() {
        Some("NaN".into())
    } else if x.is_infinite() {
        Some(if x > 0.0 { "∞".into() } else { "-∞".into() })
    } else {
        None
    }
}

/// A computed value for a message: one decimal from 100 up, two from 0.01, four below, and
/// no trailing zeros.
pub fn brief(x: f64) -> String {
    if let Some(s) = not_finite(x) {
        return s;
    }
    let a = x.abs();
    let decimals = if a >= 100.0 {
        1
    } else if a >= 0.01 {
        2
    } else {
        4
    };
    trim_zeros(&fixed(x, decimals)).to_string()
}

/// `format!("{x:.decimals$}")` for a few decimals, by integer arithmetic when the scaled
/// value is clearly away from a rounding tie (nearly always): exact-mode float formatting
/// costs thousands of instructions, and every finding's message writes several numbers.
/// Near a tie, or for huge values, the standard formatting decides.
fn fixed(x: f64, decimals: usize) -> String {
    let scale = 10u64.pow(decimals as u32);
    let scaled = x.abs() * scale as f64;
    let rounded = scaled.round();
    // The product is off the exact decimal value by at most an ulp or two: a margin far wider
    // than that keeps the rounding direction certain.
    let clear_of_tie = ((scaled - rounded).abs() - 0.5).abs() > 1e-9 * scaled.max(1.0);
    if !(clear_of_tie && rounded < 1e15) {
        return format!("{x:.decimals$}");
    }
    let n = rounded as u64;
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if decimals == 0 {
        return format!("{sign}{n}");
    }
    format!(
        "{sign}{}.{:0decimals$}",
        n / scale,
        n % scale,
        decimals = decimals
    )
}

/// An interval for a message, `[low, high]`, with enough digits to tell the ends apart.
pub fn brief_interval(i: Interval) -> String {
    let (low, high) = (brief(i.low), brief(i.high));
    if low == high && i.low != i.high {
        return format!("[{:.4}, {:.4}]", i.low, i.high);
    }
    format!("[{low}, {high}]")
}

/// A number for a table: at most 12 significant digits, no exponent for ordinary
/// magnitudes, no grouping.
pub fn full(x: f64) -> String {
    if x.is_infinite() {
        return not_finite(x).unwrap_or_default();
    }
    // The shortest form already within 12 significant digits is what rounding to 12 gives
    // back (a double's error is far below half the 12th digit): no exact-mode formatting,
    // which is slow, for most values.
    let shortest = format!("{x}");
    if significant_digits(&shortest) <= 12 {
        return shortest;
    }
    let tidy: f64 = format!("{x:.11e}").parse().unwrap_or(x);
    format!("{tidy}")
}

/// The significant digits of a number written in plain decimal (`0.0337`: 3; `1200`: 2).
fn significant_digits(s: &str) -> usize {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').trim_end_matches('0').len()
}

fn trim_zeros(mantissa: &str) -> &str {
    if mantissa.contains('.') {
        mantissa.trim_end_matches('0').trim_end_matches('.')
    } else {
        mantissa
    }
}

fn trim_zeros_frac(frac: &str) -> &str {
    frac.trim_end_matches('0')
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `[0.1805, 0.2205]`; an infinite end is open: `[5, ∞)`, `(-∞, 5]`.
impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let open = if self.low.is_finite() { '[' } else { '(' };
        let close = if self.high.is_finite() { ']' } else { ')' };
        write!(f, "{open}{}, {}{close}", human(self.low), human(self.high))
    }
}

/// `2.4` for an exact value, `2.453 in [2.41, 2.5]` otherwise.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.interval == Interval::point(self.point) {
            f.write_str(&human(self.point))
        } else {
            write!(f, "{} in {}", human(self.point), self.interval)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_numbers() {
        let cases: &[(f64, &str)] = &[
            (1.892e11, "189,200,000,000"),
            (0.19145, "0.1915"),
            (78352034.0, "78,352,034"),
            (2.0, "2"),
            (2.5, "2.5"),
            (0.1 + 0.2, "0.3"),
            (2.44278, "2.443"),
            (24.567, "24.57"),
            (1234.5678, "1,235"),
            (12345.678, "12,346"),
            (0.000123456, "0.0001235"),
            (-1234.0, "-1,234"),
            (-0.5, "-0.5"),
            (-0.0, "0"),
            (-0.00001, "-0.00001"),
            (999.0, "999"),
            (1000.0, "1,000"),
            (100.0, "100"),
            (999_999_999_999_999.0, "999,999,999,999,999"),
            (1e15, "1e15"),
            (1.8923e20, "1.892e20"),
            (1.5e-9, "1.5e-9"),
            (f64::INFINITY, "∞"),
            (f64::NEG_INFINITY, "-∞"),
        ];
        for (x, want) in cases {
            assert_eq!(human(*x), *want, "human({x})");
        }
    }

    #[test]
    fn brief_and_full_numbers() {
        assert_eq!(brief(672.0 / 78.0), "8.62");
        assert_eq!(brief(291.2 / 0.99), "294.1");
        assert_eq!(brief(-0.2), "-0.2");
        assert_eq!(brief(3.0), "3");
        assert_eq!(brief(0.001234), "0.0012");
        assert_eq!(brief(f64::NEG_INFINITY), "-∞");
        assert_eq!(brief_interval(Interval::new(8.55, 8.68)), "[8.55, 8.68]");
        assert_eq!(
            brief_interval(Interval::new(1.0, 1.00001)),
            "[1.0000, 1.0000]"
        );
        assert_eq!(full(0.1 + 0.2), "0.3");
        assert_eq!(full(1.892e11), "189200000000");
        assert_eq!(full(f64::INFINITY), "∞");
    }

    #[test]
    fn rounding_up_across_a_power_of_ten() {
        assert_eq!(human(9.99996), "10");
        assert_eq!(human(0.99999), "1");
    }

    #[test]
    fn intervals_and_values() {
        assert_eq!(
            Interval::new(0.1805, 0.2205).to_string(),
            "[0.1805, 0.2205]"
        );
        assert_eq!(Interval::at_most(5.0).to_string(), "(-∞, 5]");
        assert_eq!(Interval::at_least(1e8).to_string(), "[100,000,000, ∞)");
        assert_eq!(Interval::EVERYTHING.to_string(), "(-∞, ∞)");
        assert_eq!(Value::exact(2.4).to_string(), "2.4");
        let v = Value::new(2.45, Interval::new(2.4, 2.5));
        assert_eq!(v.to_string(), "2.45 in [2.4, 2.5]");
    }

    /// `full` as first written: rounding to 12 significant digits by exact formatting.
    fn full_by_rounding(x: f64) -> String {
        if x.is_infinite() {
            return not_finite(x).unwrap_or_default();
        }
        let tidy: f64 = format!("{x:.11e}").parse().unwrap_or(x);
        format!("{tidy}")
    }

    #[test]
    fn full_takes_the_shortest_form_only_when_rounding_keeps_it() {
        for x in [
            0.0,
            -0.0,
            1.0,
            0.0337,
            0.03365,
            0.1 + 0.2,
            1.0 / 3.0,
            2.0 / 3.0,
            6_058_000.0,
            1e21,
            1e-7,
            123_456_789_012.5,
            0.000_295_000_000_000_01,
            52_085_000.0,
            -3.5,
            f64::MAX,
            f64::MIN_POSITIVE,
            0.333_333_333_333_3,
        ] {
            assert_eq!(full(x), full_by_rounding(x), "{x:?}");
        }
    }

    #[test]
    fn fixed_matches_the_standard_formatting_at_ties_signs_and_extremes() {
        for v in [
            0.125, 2.675, 0.005, 1.005, -0.001, -0.0, 0.0, 99.995, 1e15, 1e20, -2.5, 0.5, 123.45,
        ] {
            for d in 0..5 {
                assert_eq!(fixed(v, d), format!("{v:.d$}"), "{v} with {d} decimals");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn fixed_is_the_standard_formatting(
            x in proptest::num::f64::NORMAL | proptest::num::f64::ZERO,
            k in 0i32..6,
            d in 0usize..5,
        ) {
            // Scaled so that many values sit on or near ties (0.125, 2.5, 0.005).
            for v in [x, x / 10f64.powi(k), (x * 8.0).round() / 8.0 / 10f64.powi(k)] {
                proptest::prop_assert_eq!(fixed(v, d), format!("{v:.d$}"));
            }
        }

        #[test]
        fn full_is_rounding_to_twelve_digits(x in proptest::num::f64::NORMAL, k in 0u32..12) {
            // Also values with few digits, as the extractor makes them.
            let short = (x * 10f64.powi(k as i32)).round() / 10f64.powi(k as i32);
            proptest::prop_assert_eq!(full(x), full_by_rounding(x));
            proptest::prop_assert_eq!(full(short), full_by_rounding(short));
        }
    }
}
