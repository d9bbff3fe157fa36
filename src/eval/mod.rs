//! Expressions over facts and mentions, evaluated in interval arithmetic.

mod interval;

pub use interval::Interval;
