//! Interval arithmetic: `Interval`s and `Value`s in, the interval of every result the
//! inputs allow out; and the evaluation of an `Expr` against the values of its names.
//!
//! Every operation computes the best value (`Value::point`, the arithmetic on the inputs'
//! points) and the interval (`Value::interval`, the exact range of the operation when each
//! input ranges over its own interval) side by side.
//!
//! Infinities come from open mentions (`超过 X` is `[X, +∞)`). Two cases would give NaN in
//! IEEE arithmetic and are settled here instead:
//! - `0 × ±∞` at an end is `0`: the infinite end stands for "arbitrarily large but finite",
//!   and zero times any finite number is zero (the rule of IEEE 1788 interval arithmetic).
//! - `∞ − ∞` (only possible for a degenerate `[∞, ∞]` input) opens that end: the low end
//!   becomes `−∞` and the high end `+∞`, so the result allows everything on that side.
//!
//! A divisor whose interval contains zero is an error, never an infinity: a check that
//! divides by a value which may be 0 cannot say anything.

use std::ops::{Add, Mul, Neg, Sub};

use super::expr::{BinOp, Expr, Func, Name, round_digits};
use super::{EvalError, EvalErrorKind, Interval, Value};

/// An interval from two computed ends, with NaN ends opened (see the module doc).
fn ends(low: f64, high: f64) -> Interval {
    let low = if low.is_nan() { f64::NEG_INFINITY } else { low };
    let high = if high.is_nan() { f64::INFINITY } else { high };
    Interval::new(low, high)
}

/// `x × y` for interval ends, with `0 × ±∞ = 0`.
fn times(x: f64, y: f64) -> f64 {
    if x == 0.0 || y == 0.0 { 0.0 } else { x * y }
}

/// `x / y` for interval ends and a non-zero `y`. An infinite divisor end gives 0 even over
/// an infinite dividend, the limit of `x × (1/y)` under the `0 × ∞ = 0` rule.
fn quotient(x: f64, y: f64) -> f64 {
    if y.is_infinite() { 0.0 } else { x / y }
}

impl Add for Interval {
    type Output = Interval;
    fn add(self, o: Interval) -> Interval {
        ends(self.low + o.low, self.high + o.high)
    }
}

impl Sub for Interval {
    type Output = Interval;
    fn sub(self, o: Interval) -> Interval {
        ends(self.low - o.high, self.high - o.low)
    }
}

impl Neg for Interval {
    type Output = Interval;
    fn neg(self) -> Interval {
        Interval::new(-self.high, -self.low)
    }
}

impl Mul for Interval {
    type Output = Interval;
    fn mul(self, o: Interval) -> Interval {
        let p = [
            times(self.low, o.low),
            times(self.low, o.high),
            times(self.high, o.low),
            times(self.high, o.high),
        ];
        let low = p.iter().copied().fold(f64::INFINITY, f64::min);
        let high = p.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        ends(low, high)
    }
}

impl Interval {
    /// `self / o`, or `None` when `o` contains zero.
    pub fn checked_div(self, o: Interval) -> Option<Interval> {
        if o.contains(0.0) || o.low.is_nan() || o.high.is_nan() {
            return None;
        }
        // Quotients of the corners, as for a product; dividing directly (rather than
        // multiplying by 1/o) keeps `x / x` exactly 1 for an exact `x`.
        let q = [
            quotient(self.low, o.low),
            quotient(self.low, o.high),
            quotient(self.high, o.low),
            quotient(self.high, o.high),
        ];
        let low = q.iter().copied().fold(f64::INFINITY, f64::min);
        let high = q.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Some(ends(low, high))
    }

    /// `self ^ n` for a whole `n`, exact for negative bases; `None` when `n < 0` and `self`
    /// contains zero.
    pub fn powi(self, n: i32) -> Option<Interval> {
        if n < 0 {
            return Interval::point(1.0).checked_div(self.powi(-n)?);
        }
        let (a, b) = (self.low.powi(n), self.high.powi(n));
        Some(if n % 2 == 1 || self.low >= 0.0 {
            Interval::new(a, b)
        } else if self.high <= 0.0 {
            Interval::new(b, a)
        } else if n == 0 {
            Interval::point(1.0)
        } else {
            Interval::new(0.0, a.max(b))
        })
    }

    /// `self ^ e` for a base that is never negative. `x^y` is monotone in each argument
    /// separately, so the extremes lie at the corners. `None` when the base may be 0 and the
    /// exponent may be negative.
    fn powf_nonnegative(self, e: Interval) -> Option<Interval> {
        if self.low <= 0.0 && e.low < 0.0 {
            return None;
        }
        let c = [
            self.low.powf(e.low),
            self.low.powf(e.high),
            self.high.powf(e.low),
            self.high.powf(e.high),
        ];
        let low = c.iter().copied().fold(f64::INFINITY, f64::min);
        let high = c.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Some(ends(low, high))
    }

    pub fn abs(self) -> Interval {
        if self.low >= 0.0 {
            self
        } else if self.high <= 0.0 {
            -self
        } else {
            Interval::new(0.0, (-self.low).max(self.high))
        }
    }

    pub fn min(self, o: Interval) -> Interval {
        Interval::new(self.low.min(o.low), self.high.min(o.high))
    }

    pub fn max(self, o: Interval) -> Interval {
        Interval::new(self.low.max(o.low), self.high.max(o.high))
    }

    /// Rounding to `digits` decimals is monotone, so the ends round on their own.
    pub fn round(self, digits: i32) -> Interval {
        Interval::new(round_to(self.low, digits), round_to(self.high, digits))
    }
}

/// `x` rounded half away from zero at `10^-digits`; a value too large to carry that many
/// decimals in an `f64` (or infinite) is already as round as it can be.
pub fn round_to(x: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    let scaled = x * scale;
    if !scaled.is_finite() || scaled.abs() >= 9.0e15 {
        x
    } else {
        scaled.round() / scale
    }
}

impl Value {
    /// An exact number: a fact given without precision.
    pub fn exact(v: f64) -> Value {
        Value {
            point: v,
            interval: Interval::point(v),
        }
    }

    pub fn new(point: f64, interval: Interval) -> Value {
        Value { point, interval }
    }

    /// `self / o`, or `None` when `o`'s interval contains zero.
    pub fn checked_div(self, o: Value) -> Option<Value> {
        Some(Value::new(
            self.point / o.point,
            self.interval.checked_div(o.interval)?,
        ))
    }
}

impl Add for Value {
    type Output = Value;
    fn add(self, o: Value) -> Value {
        Value::new(self.point + o.point, self.interval + o.interval)
    }
}

impl Sub for Value {
    type Output = Value;
    fn sub(self, o: Value) -> Value {
        Value::new(self.point - o.point, self.interval - o.interval)
    }
}

impl Mul for Value {
    type Output = Value;
    fn mul(self, o: Value) -> Value {
        Value::new(self.point * o.point, self.interval * o.interval)
    }
}

impl Neg for Value {
    type Output = Value;
    fn neg(self) -> Value {
        Value::new(-self.point, -self.interval)
    }
}

fn divide(a: Value, b: Value, divisor: &Expr) -> Result<Value, EvalError> {
    a.checked_div(b).ok_or_else(|| {
        let how = if b.interval == Interval::point(0.0) {
            "is"
        } else {
            "may be"
        };
        EvalError::new(
            EvalErrorKind::DivisionByZero,
            format!("division by zero: `{divisor}` {how} 0"),
        )
    })
}

fn power(base: Value, exp: Value, expr: &Expr) -> Result<Value, EvalError> {
    let e = exp.interval;
    let whole = e.low == e.high && e.low.fract() == 0.0 && e.low.abs() <= f64::from(i32::MAX);
    let interval = if whole {
        base.interval.powi(e.low as i32)
    } else if base.interval.low < 0.0 {
        return Err(EvalError::new(
            EvalErrorKind::Undefined,
            format!("`{expr}`: a base that may be negative needs a whole, exact exponent"),
        ));
    } else {
        base.interval.powf_nonnegative(e)
    };
    let interval = interval.ok_or_else(|| {
        EvalError::new(
            EvalErrorKind::DivisionByZero,
            format!("division by zero: `{expr}` divides by a base that may be 0"),
        )
    })?;
    Ok(Value::new(base.point.powf(exp.point), interval))
}

impl Expr {
    /// The value of the expression when each name has the value `lookup` gives it.
    pub fn evaluate(&self, lookup: &dyn Fn(&Name) -> Option<Value>) -> Result<Value, EvalError> {
        let v = match self {
            Expr::Number(v) => Value::exact(*v),
            Expr::Name(name) => lookup(name).ok_or_else(|| {
                EvalError::new(
                    EvalErrorKind::UnknownName,
                    format!(
                        "unknown name `{}`: no fact or placeholder has this name",
                        name.text
                    ),
                )
            })?,
            Expr::Neg(inner) => -inner.evaluate(lookup)?,
            Expr::Binary(op, l, r) => {
                let (a, b) = (l.evaluate(lookup)?, r.evaluate(lookup)?);
                match op {
                    BinOp::Add => a + b,
                    BinOp::Sub => a - b,
                    BinOp::Mul => a * b,
                    BinOp::Div => divide(a, b, r)?,
                    BinOp::Pow => power(a, b, self)?,
                }
            }
            Expr::Call(func, args) => call(*func, args, lookup)?,
        };
        if v.point.is_nan() {
            return Err(EvalError::new(
                EvalErrorKind::Undefined,
                format!("`{self}` is undefined for these values"),
            ));
        }
        Ok(v)
    }
}

fn call(
    func: Func,
    args: &[Expr],
    lookup: &dyn Fn(&Name) -> Option<Value>,
) -> Result<Value, EvalError> {
    let values = args
        .iter()
        .map(|a| a.evaluate(lookup))
        .collect::<Result<Vec<Value>, EvalError>>()?;
    // The parser checked the arity, so these indexings and the non-empty folds hold.
    let fold = |f: fn(Value, Value) -> Value| values.iter().copied().reduce(f);
    let v = match func {
        Func::Abs => Value::new(values[0].point.abs(), values[0].interval.abs()),
        Func::Min => fold(|a, b| Value::new(a.point.min(b.point), a.interval.min(b.interval)))
            .expect("arity checked: at least one argument"),
        Func::Max => fold(|a, b| Value::new(a.point.max(b.point), a.interval.max(b.interval)))
            .expect("arity checked: at least one argument"),
        Func::Round => {
            let digits = args.get(1).and_then(round_digits).unwrap_or(0);
            let x = values[0];
            Value::new(round_to(x.point, digits), x.interval.round(digits))
        }
        Func::Sum => fold(|a, b| a + b).expect("arity checked: at least one argument"),
        Func::Avg => {
            let total = fold(|a, b| a + b).expect("arity checked: at least one argument");
            let n = Value::exact(values.len() as f64);
            total
                .checked_div(n)
                .expect("arity checked: a count of at least 1 is not 0")
        }
        Func::Ratio => divide(values[0], values[1], &args[1])?,
        Func::PctChange => {
            // new/old − 1 rather than (new − old)/old: `old` then occurs once, so the
            // interval is exact instead of widened by counting `old`'s range twice.
            divide(values[1], values[0], &args[0])? - Value::exact(1.0)
        }
    };
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(low: f64, high: f64) -> Interval {
        Interval::new(low, high)
    }

    fn ends_of(i: Interval) -> (f64, f64) {
        (i.low, i.high)
    }

    #[test]
    fn sums_differences_and_products() {
        assert_eq!(ends_of(iv(1.0, 2.0) + iv(10.0, 20.0)), (11.0, 22.0));
        assert_eq!(ends_of(iv(1.0, 2.0) - iv(10.0, 20.0)), (-19.0, -8.0));
        assert_eq!(ends_of(iv(-2.0, 3.0) * iv(-5.0, 4.0)), (-15.0, 12.0));
        assert_eq!(ends_of(iv(-3.0, -2.0) * iv(4.0, 5.0)), (-15.0, -8.0));
        assert_eq!(ends_of(-iv(1.0, 2.0)), (-2.0, -1.0));
    }

    #[test]
    fn division_refuses_a_divisor_that_may_be_zero() {
        assert_eq!(
            iv(1.0, 2.0).checked_div(iv(2.0, 4.0)).map(ends_of),
            Some((0.25, 1.0))
        );
        assert_eq!(
            iv(1.0, 2.0).checked_div(iv(-4.0, -2.0)).map(ends_of),
            Some((-1.0, -0.25))
        );
        assert_eq!(iv(1.0, 2.0).checked_div(iv(-1.0, 1.0)), None);
        assert_eq!(iv(1.0, 2.0).checked_div(iv(0.0, 1.0)), None);
        assert_eq!(iv(1.0, 2.0).checked_div(Interval::point(0.0)), None);
        let x = Interval::point(49.0);
        assert_eq!(x.checked_div(x), Some(Interval::point(1.0)));
    }

    #[test]
    fn infinities_propagate_without_nan() {
        // 0 × ∞ is 0 at an end.
        let p = iv(0.0, 1.0) * Interval::at_least(1.0);
        assert_eq!(ends_of(p), (0.0, f64::INFINITY));
        let p = Interval::point(0.0) * Interval::EVERYTHING;
        assert_eq!(ends_of(p), (0.0, 0.0));
        // More than 5 plus less than 3: anything.
        let s = Interval::at_least(5.0) + Interval::at_most(3.0);
        assert_eq!(s, Interval::EVERYTHING);
        let d = Interval::at_least(5.0) - Interval::at_least(3.0);
        assert_eq!(d, Interval::EVERYTHING);
        // ∞ − ∞ on a degenerate input opens the end instead of giving NaN.
        let inf = Interval::point(f64::INFINITY);
        assert_eq!(inf - inf, Interval::EVERYTHING);
        // An open divisor pulls the quotient toward zero.
        let q = Interval::point(1.0).checked_div(Interval::at_least(2.0));
        assert_eq!(q.map(ends_of), Some((0.0, 0.5)));
        let q = Interval::at_least(1.0).checked_div(Interval::at_least(1.0));
        assert_eq!(q.map(ends_of), Some((0.0, f64::INFINITY)));
        let q = Interval::at_least(1.0).checked_div(Interval::at_most(-1.0));
        assert_eq!(
            q.map(|i| (i.low, i.high == 0.0)),
            Some((f64::NEG_INFINITY, true))
        );
    }

    #[test]
    fn whole_powers_handle_negative_bases() {
        assert_eq!(iv(-2.0, 3.0).powi(2).map(ends_of), Some((0.0, 9.0)));
        assert_eq!(iv(-3.0, -2.0).powi(2).map(ends_of), Some((4.0, 9.0)));
        assert_eq!(iv(-2.0, 3.0).powi(3).map(ends_of), Some((-8.0, 27.0)));
        assert_eq!(iv(-2.0, 3.0).powi(0).map(ends_of), Some((1.0, 1.0)));
        assert_eq!(iv(2.0, 4.0).powi(-1).map(ends_of), Some((0.25, 0.5)));
        assert_eq!(iv(-1.0, 1.0).powi(-1), None);
        assert_eq!(
            Interval::at_most(-2.0).powi(2).map(ends_of),
            Some((4.0, f64::INFINITY))
        );
    }

    #[test]
    fn real_powers_take_the_corners() {
        assert_eq!(
            iv(4.0, 9.0).powf_nonnegative(iv(0.5, 0.5)).map(ends_of),
            Some((2.0, 3.0))
        );
        assert_eq!(
            iv(0.5, 2.0).powf_nonnegative(iv(-1.0, 1.0)).map(ends_of),
            Some((0.5, 2.0))
        );
        assert_eq!(iv(0.0, 2.0).powf_nonnegative(iv(-0.5, 1.0)), None);
    }

    #[test]
    fn monotone_functions() {
        assert_eq!(ends_of(iv(-3.0, 2.0).abs()), (0.0, 3.0));
        assert_eq!(ends_of(iv(-3.0, -2.0).abs()), (2.0, 3.0));
        assert_eq!(ends_of(iv(1.0, 5.0).min(iv(2.0, 3.0))), (1.0, 3.0));
        assert_eq!(ends_of(iv(1.0, 5.0).max(iv(2.0, 3.0))), (2.0, 5.0));
        assert_eq!(ends_of(iv(0.123, 0.456).round(1)), (0.1, 0.5));
        assert_eq!(ends_of(iv(1234.0, 1256.0).round(-2)), (1200.0, 1300.0));
        assert_eq!(round_to(2.5, 0), 3.0);
        assert_eq!(round_to(-2.5, 0), -3.0);
        assert_eq!(round_to(1e300, 15), 1e300);
        assert_eq!(Interval::at_least(1.26).round(1).high, f64::INFINITY);
    }
}
