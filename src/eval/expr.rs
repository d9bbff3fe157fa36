//! The expression tree a `check:` line parses into, and its canonical printing: one space
//! around binary operators and comparisons, `, ` between arguments, and parentheses only
//! where the tree needs them, so that parsing the printed text gives back the same tree.

use std::fmt;

use super::{CmpOp, Comparison};

/// One side of a comparison. Evaluation lives in `arith`; where names sit in the text is
/// kept in `Comparison::names`, so two trees compare equal whatever their spacing.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// Never negative: `-2` is `Neg(Number(2))`.
    Number(f64),
    /// A fact id or a placeholder.
    Name(Name),
    Neg(Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Call(Func, Vec<Expr>),
}

/// A name and its slot: the index of its first use among the comparison's distinct names
/// (`Comparison::distinct_names`). The rules loader binds each slot to a fact or a
/// placeholder once, so evaluation reads values by slot, never by comparing strings.
#[derive(Debug, Clone)]
pub struct Name {
    pub text: String,
    pub slot: usize,
}

impl Name {
    pub fn new(text: impl Into<String>, slot: usize) -> Name {
        Name {
            text: text.into(),
            slot,
        }
    }
}

/// Names are equal when they read the same: the slot follows from where the name first
/// appears in its comparison, not from what it is.
impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        self.text == other.text
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Abs,
    Min,
    Max,
    Round,
    Sum,
    Avg,
    PctChange,
    Ratio,
}

impl Func {
    /// In the order error messages list them.
    pub const ALL: [Func; 8] = [
        Func::Abs,
        Func::Min,
        Func::Max,
        Func::Round,
        Func::Sum,
        Func::Avg,
        Func::PctChange,
        Func::Ratio,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Func::Abs => "abs",
            Func::Min => "min",
            Func::Max => "max",
            Func::Round => "round",
            Func::Sum => "sum",
            Func::Avg => "avg",
            Func::PctChange => "pct_change",
            Func::Ratio => "ratio",
        }
    }

    /// Fewest and most arguments; `None` for any number.
    pub(super) fn arity(self) -> (usize, Option<usize>) {
        match self {
            Func::Abs => (1, Some(1)),
            Func::Round => (1, Some(2)),
            Func::PctChange | Func::Ratio => (2, Some(2)),
            Func::Min | Func::Max | Func::Sum | Func::Avg => (1, None),
        }
    }

    pub(super) fn arity_message(self, found: usize) -> String {
        let name = self.name();
        let wanted = match self.arity() {
            (1, Some(1)) => "1 argument".to_string(),
            (n, Some(m)) if n == m => format!("{n} arguments"),
            (n, Some(m)) => format!("{n} or {m} arguments"),
            (1, None) => "at least 1 argument".to_string(),
            (n, None) => format!("at least {n} arguments"),
        };
        format!("`{name}` takes {wanted}, found {found}")
    }
}

impl BinOp {
    fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Pow => "^",
        }
    }
}

/// The second argument of `round`: a literal whole number, so the rounding step is known
/// when the rules load.
pub(super) fn round_digits(e: &Expr) -> Option<i32> {
    let v = match e {
        Expr::Number(v) => *v,
        Expr::Neg(inner) => match **inner {
            Expr::Number(v) => -v,
            _ => return None,
        },
        _ => return None,
    };
    (v.fract() == 0.0 && v.abs() <= 15.0).then_some(v as i32)
}

impl Expr {
    /// Binding strength, used to print the fewest parentheses that read back the same tree.
    fn precedence(&self) -> u8 {
        match self {
            Expr::Binary(BinOp::Add | BinOp::Sub, ..) => 1,
            Expr::Binary(BinOp::Mul | BinOp::Div, ..) => 2,
            Expr::Neg(_) => 3,
            Expr::Binary(BinOp::Pow, ..) => 4,
            Expr::Number(_) | Expr::Name(_) | Expr::Call(..) => 5,
        }
    }

    fn fmt_at_least(&self, min: u8, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.precedence() < min {
            write!(f, "({self})")
        } else {
            write!(f, "{self}")
        }
    }
}

/// Canonical form: one space around binary operators and comparisons, `, ` between
/// arguments, and parentheses only where the tree needs them. Parsing it gives the same tree.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Number(v) => write_number(*v, f),
            Expr::Name(name) => f.write_str(&name.text),
            Expr::Neg(inner) => {
                f.write_str("-")?;
                inner.fmt_at_least(3, f)
            }
            Expr::Binary(op, left, right) => {
                // Left-associative `+ - * /` need a parenthesis on an equal right operand;
                // `^` needs one on any base that is not an atom and none on its exponent.
                let (l, r) = match op {
                    BinOp::Add | BinOp::Sub => (1, 2),
                    BinOp::Mul | BinOp::Div => (2, 3),
                    BinOp::Pow => (5, 3),
                };
                left.fmt_at_least(l, f)?;
                write!(f, " {} ", op.symbol())?;
                right.fmt_at_least(r, f)
            }
            Expr::Call(func, args) => {
                write!(f, "{}(", func.name())?;
                for (k, arg) in args.iter().enumerate() {
                    if k > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{arg}")?;
                }
                f.write_str(")")
            }
        }
    }
}

/// Plain decimals where they are short, `e` notation for the very large and very small, in
/// both cases the shortest text that reads back as the same `f64`.
fn write_number(v: f64, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let a = v.abs();
    if a == 0.0 || (1e-6..1e15).contains(&a) {
        write!(f, "{v}")
    } else {
        write!(f, "{v:e}")
    }
}

impl fmt::Display for CmpOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.left, self.op, self.right)
    }
}
