//! Closed intervals of real numbers, the values a written number or a computation asserts.
//!
//! An open end is an infinity. Whether an end is strict (`超过 1 亿` is `> 1 亿`) is not
//! tracked: treating it as closed can only make factlint more lenient, never raise a false
//! alarm.

/// `[low, high]`; `low` may be `-inf`, `high` may be `+inf`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl Interval {
    pub const EVERYTHING: Interval = Interval {
        low: f64::NEG_INFINITY,
        high: f64::INFINITY,
    };

    /// `[low, high]`, swapping the ends if they come reversed.
    pub fn new(low: f64, high: f64) -> Self {
        if low <= high {
            Interval { low, high }
        } else {
            Interval {
                low: high,
                high: low,
            }
        }
    }

    pub fn point(v: f64) -> Self {
        Interval { low: v, high: v }
    }

    /// `[v - h, v + h]` for a half-width `h >= 0`.
    pub fn around(v: f64, h: f64) -> Self {
        Interval::new(v - h, v + h)
    }

    pub fn at_least(v: f64) -> Self {
        Interval {
            low: v,
            high: f64::INFINITY,
        }
    }

    pub fn at_most(v: f64) -> Self {
        Interval {
            low: f64::NEG_INFINITY,
            high: v,
        }
    }

    pub fn is_closed(&self) -> bool {
        self.low.is_finite() && self.high.is_finite()
    }

    pub fn contains(&self, v: f64) -> bool {
        self.low <= v && v <= self.high
    }

    /// Whether the two intervals share at least one value: the `~` of the rule language.
    pub fn meets(&self, other: &Interval) -> bool {
        self.low <= other.high && other.low <= self.high
    }

    pub fn midpoint(&self) -> f64 {
        match (self.low.is_finite(), self.high.is_finite()) {
            (true, true) => (self.low + self.high) / 2.0,
            (true, false) => self.low,
            (false, true) => self.high,
            (false, false) => 0.0,
        }
    }

    /// Widen by a relative tolerance `r` on both sides, measured on magnitudes so that
    /// negative intervals widen outward too.
    pub fn widen(&self, r: f64) -> Self {
        Interval::new(self.low - self.low.abs() * r, self.high + self.high.abs() * r)
    }

    /// Widen only the low end (`近`, `nearly`: the true value may be a little below).
    pub fn widen_low(&self, r: f64) -> Self {
        Interval::new(self.low - self.low.abs() * r, self.high)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meets_is_symmetric_and_touching_counts() {
        let a = Interval::new(1.0, 2.0);
        let b = Interval::new(2.0, 3.0);
        assert!(a.meets(&b) && b.meets(&a));
        assert!(!a.meets(&Interval::new(2.01, 3.0)));
        assert!(Interval::at_least(5.0).meets(&Interval::point(100.0)));
    }

    #[test]
    fn widen_moves_both_ends_outward() {
        let w = Interval::new(-2.0, 4.0).widen(0.5);
        assert_eq!((w.low, w.high), (-3.0, 6.0));
        let n = Interval::new(10.0, 20.0).widen_low(0.1);
        assert_eq!((n.low, n.high), (9.0, 20.0));
    }
}
