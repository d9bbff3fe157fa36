//! Expressions over facts and mentions, evaluated in interval arithmetic.
//!
//! A `check:` line (`ratio ~ gemini_cost / gpt4_cost`) is parsed once, when the rules load,
//! into a `Comparison` (syntax errors carry a byte offset; see `parser` for the grammar).
//! Evaluating it against the values of its names gives a `Verdict` with everything an
//! explanation needs. Arithmetic runs twice in step (see `arith`): on the best values, and
//! on intervals holding every value the inputs allow.
//!
//! # When a comparison holds
//!
//! A false alarm costs more trust than a missed nit, so every comparison is lenient: it holds
//! when SOME value the left side allows and SOME value the right side allows stand in the
//! relation.
//!
//! | op   | holds when                                            |
//! |------|-------------------------------------------------------|
//! | `~`  | the intervals meet                                    |
//! | `==` | the intervals meet: the same as `~`, for rules that read better with it; exact equality of rounded numbers would be a false alarm waiting to happen |
//! | `!=` | the intervals do not meet                             |
//! | `<`  | `left.low < right.high`                               |
//! | `<=` | `left.low <= right.high`                              |
//! | `>`  | `left.high > right.low`                               |
//! | `>=` | `left.high >= right.low`                              |

mod arith;
mod expr;
mod format;
mod interval;
mod lexer;
mod parser;

pub use arith::round_to;
pub use expr::{BinOp, Expr, Func, Name};
pub use format::{brief, brief_interval, full, human};
pub use interval::Interval;
pub use parser::{MAX_DEPTH, MAX_LEN};

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
    pub kind: EvalErrorKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvalErrorKind {
    /// A divisor (or the base of a negative power) may be 0.
    DivisionByZero,
    /// A name the lookup does not know; the rules loader should have refused it.
    UnknownName,
    /// No real result: a fractional power of a negative number.
    Undefined,
}

impl EvalError {
    fn new(kind: EvalErrorKind, message: String) -> EvalError {
        EvalError { kind, message }
    }
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

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Approx => "~",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    /// Whether `left OP right` holds for some value of each side (see the module doc).
    pub fn holds(self, left: &Interval, right: &Interval) -> bool {
        match self {
            CmpOp::Approx | CmpOp::Eq => left.meets(right),
            CmpOp::Ne => !left.meets(right),
            CmpOp::Lt => left.low < right.high,
            CmpOp::Le => left.low <= right.high,
            CmpOp::Gt => left.high > right.low,
            CmpOp::Ge => left.high >= right.low,
        }
    }
}

/// Which side of the comparison a name is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// One use of a name in the text of a comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct NameRef {
    pub name: String,
    /// Byte offset of the name in `Comparison::text`.
    pub offset: usize,
    pub side: Side,
}

/// Parsed `left OP right`. `Display` prints it canonically; parsing that text gives back
/// the same `left`, `op` and `right`.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The source text, for explanations.
    pub text: String,
    pub left: Expr,
    pub op: CmpOp,
    /// Byte offset of the comparison operator in `text`.
    pub op_offset: usize,
    pub right: Expr,
    /// Every use of a name, in the order they appear.
    pub names: Vec<NameRef>,
}

/// The outcome of a comparison with the values it was computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub holds: bool,
    pub op: CmpOp,
    pub left: Value,
    pub right: Value,
    /// Every distinct name with the value it had, in order of first use.
    pub inputs: Vec<(String, Value)>,
    /// How far the left interval lies from the right one: positive when above, negative
    /// when below, 0 when they meet.
    pub distance: f64,
    /// `distance` relative to the magnitude of the right side's best value (the computed
    /// value in a claim): `0.04` means the left side is 4% of it above. Infinite when that
    /// value is 0 and the intervals do not meet.
    pub gap: f64,
}

impl Comparison {
    pub fn parse(text: &str) -> Result<Comparison, ParseError> {
        parser::parse(text)
    }

    /// Every name the comparison uses, with its byte offset in the text.
    pub fn names(&self) -> Vec<(&str, usize)> {
        self.names_where(|_| true)
    }

    /// The names on the left of the comparison (in a claim, usually the placeholders).
    pub fn left_names(&self) -> Vec<(&str, usize)> {
        self.names_where(|s| s == Side::Left)
    }

    /// The names on the right of the comparison (in a claim, usually the facts).
    pub fn right_names(&self) -> Vec<(&str, usize)> {
        self.names_where(|s| s == Side::Right)
    }

    fn names_where(&self, keep: impl Fn(Side) -> bool) -> Vec<(&str, usize)> {
        self.names
            .iter()
            .filter(|n| keep(n.side))
            .map(|n| (n.name.as_str(), n.offset))
            .collect()
    }

    /// Each distinct name once, in order of first use: index `i` is the name of slot `i`.
    pub fn distinct_names(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for n in &self.names {
            if !out.contains(&n.name.as_str()) {
                out.push(&n.name);
            }
        }
        out
    }

    /// Evaluates with each name's value looked up by its text (tests, tools).
    pub fn evaluate(&self, lookup: &dyn Fn(&str) -> Option<Value>) -> Result<Verdict, EvalError> {
        self.evaluate_with(&|n: &Name| lookup(&n.text))
    }

    /// Evaluates with `values[i]` as the value of slot `i` (see `distinct_names`): what the
    /// rules loader's bindings give, with no name compared at evaluation.
    pub fn evaluate_slots(&self, values: &[Value]) -> Result<Verdict, EvalError> {
        self.evaluate_with(&|n: &Name| values.get(n.slot).copied())
    }

    fn evaluate_with(&self, lookup: &dyn Fn(&Name) -> Option<Value>) -> Result<Verdict, EvalError> {
        let left = self.left.evaluate(lookup)?;
        let right = self.right.evaluate(lookup)?;
        let mut inputs: Vec<(String, Value)> = Vec::new();
        for (slot, name) in self.distinct_names().into_iter().enumerate() {
            // Evaluation above succeeded, so every name resolves.
            if let Some(v) = lookup(&Name::new(name, slot)) {
                inputs.push((name.to_string(), v));
            }
        }
        let (l, r) = (left.interval, right.interval);
        let distance = if l.low > r.high {
            l.low - r.high
        } else if l.high < r.low {
            l.high - r.low
        } else {
            0.0
        };
        let gap = if distance == 0.0 {
            0.0
        } else {
            distance / right.point.abs()
        };
        Ok(Verdict {
            holds: self.op.holds(&l, &r),
            op: self.op,
            left,
            right,
            inputs,
            distance,
            gap,
        })
    }
}

#[cfg(test)]
mod tests;
