//! Expressions over facts and mentions, evaluated in interval arithmetic.
//!
//! A `check:` line is parsed once, when the rules load, into a `Comparison`; evaluating it
//! against the values of its names gives a `Verdict` with everything an explanation needs.

mod interval;

pub use interval::Interval;

/// A number as both a best value and the interval of values it allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Value {
    pub point: f64,
    pub interval: Interval,
}

/// A syntax error in an expression; `offset` is a byte offset into the expression text.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    pub offset: usize,
    pub message: String,
}

/// A failure while evaluating (division by zero): a finding, never a crash.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct EvalError {
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `~`: the two intervals meet.
    Approx,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// Parsed `left OP right`.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The source text, for explanations.
    pub text: String,
}

/// The outcome of a comparison with the values it was computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub holds: bool,
    pub left: Value,
    pub right: Value,
}

impl Comparison {
    pub fn parse(text: &str) -> Result<Comparison, ParseError> {
        Ok(Comparison {
            text: text.to_string(),
        })
    }

    /// Every name the comparison uses, with its byte offset in the text.
    pub fn names(&self) -> Vec<(&str, usize)> {
        Vec::new()
    }

    pub fn evaluate(&self, _lookup: &dyn Fn(&str) -> Option<Value>) -> Result<Verdict, EvalError> {
        Err(EvalError {
            message: "not implemented".into(),
        })
    }
}
