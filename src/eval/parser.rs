//! Text of a `check:` line in, a `Comparison` (two `Expr` trees and the names they use, with
//! byte offsets) out. Hand-written recursive descent:
//!
//! ```text
//! comparison := sum CMP sum                 CMP is one of ~ == != < <= > >=
//! sum        := product (("+" | "-") product)*
//! product    := unary (("*" | "/") unary)*
//! unary      := "-" unary | power
//! power      := atom ("^" unary)?           right-associative; binds tighter than unary minus
//! atom       := number | name | name "(" sum ("," sum)* ")" | "(" sum ")"
//! ```
//!
//! A name followed by `(` is a function call; any other name is a fact or a placeholder, so
//! a placeholder may be called `ratio` or `sum`. Function arity is checked here, so a wrong
//! count is a load error, not a run-time surprise.

use super::expr::{BinOp, Expr, Func, Name, round_digits};
use super::lexer::{Tok, Token, tokenize};
use super::{Comparison, NameRef, ParseError, Side};

/// Longer checks are certainly a mistake; the limit also bounds the recursion of evaluation.
pub const MAX_LEN: usize = 1024;
/// Nesting of parentheses, calls, unary minus and `^`.
pub const MAX_DEPTH: usize = 64;

pub(super) fn parse(text: &str) -> Result<Comparison, ParseError> {
    if text.len() > MAX_LEN {
        // Point at the first byte past the limit, on a character boundary so that the
        // offset can become a column.
        let offset = (0..=MAX_LEN).rev().find(|&i| text.is_char_boundary(i));
        return Err(ParseError {
            offset: offset.unwrap_or(0),
            message: format!(
                "check is too long ({} bytes, at most {MAX_LEN}): split it into several checks",
                text.len()
            ),
        });
    }
    let mut p = Parser::new(text, Side::Left)?;
    if p.peek().tok == Tok::End {
        return Err(p.error_here("empty check: a check is `left ~ right`".into()));
    }
    let left = p.sum()?;
    let op_token = p.peek();
    let op = match op_token.tok {
        Tok::Cmp(op) => op,
        Tok::End => {
            return Err(p.error_here("missing comparison: a check is `left ~ right`".into()));
        }
        _ => return Err(p.unexpected_after_operand("a comparison (`~`, `==`, `<`, …)")),
    };
    p.pos += 1;
    p.side = Side::Right;
    let right = p.sum()?;
    match p.peek().tok {
        Tok::End => {}
        Tok::Cmp(_) => {
            return Err(p.error_here(format!(
                "only one comparison per check, found a second one, {}",
                p.peek().describe()
            )));
        }
        _ => return Err(p.unexpected_after_operand("the end of the check")),
    }
    Ok(Comparison {
        text: text.to_string(),
        left,
        op,
        op_offset: op_token.offset,
        right,
        names: p.names,
    })
}

/// A bare expression (one side of a check), for `factlint eval`.
pub(super) fn parse_expression(text: &str) -> Result<(Expr, Vec<NameRef>), ParseError> {
    if text.len() > MAX_LEN {
        return Err(ParseError {
            offset: 0,
            message: format!(
                "expression is too long ({} bytes, at most {MAX_LEN})",
                text.len()
            ),
        });
    }
    let mut p = Parser::new(text, Side::Right)?;
    if p.peek().tok == Tok::End {
        return Err(p.error_here("empty expression".into()));
    }
    let expr = p.sum()?;
    match p.peek().tok {
        Tok::End => Ok((expr, p.names)),
        Tok::Cmp(_) => Err(
            p.error_here("a comparison is for `check:` lines; `eval` takes one expression".into())
        ),
        _ => Err(p.unexpected_after_operand("the end of the expression")),
    }
}

struct Parser<'a> {
    text: &'a str,
    tokens: Vec<Token<'a>>,
    pos: usize,
    depth: usize,
    side: Side,
    names: Vec<NameRef>,
    /// Each distinct name once, in order of first use: a name's slot is its index here.
    distinct: Vec<&'a str>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, side: Side) -> Result<Parser<'a>, ParseError> {
        Ok(Parser {
            text,
            tokens: tokenize(text)?,
            pos: 0,
            depth: 0,
            side,
            names: Vec::new(),
            distinct: Vec::new(),
        })
    }

    fn peek(&self) -> Token<'a> {
        // The token list always ends with `End` and `pos` never moves past it.
        self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    fn next(&mut self) -> Token<'a> {
        let t = self.peek();
        if t.tok != Tok::End {
            self.pos += 1;
        }
        t
    }

    fn error_here(&self, message: String) -> ParseError {
        ParseError {
            offset: self.peek().offset,
            message,
        }
    }

    /// An operand was complete and what follows can neither extend it nor close it.
    fn unexpected_after_operand(&self, closer: &str) -> ParseError {
        let prev = self.tokens[self.pos.saturating_sub(1)];
        self.error_here(format!(
            "expected an operator or {closer} after `{}`, found {}",
            prev.text,
            self.peek().describe()
        ))
    }

    fn enter(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_here(format!(
                "expression nested too deeply (more than {MAX_DEPTH} levels)"
            )));
        }
        Ok(())
    }

    fn sum(&mut self) -> Result<Expr, ParseError> {
        self.enter()?;
        let mut left = self.product()?;
        loop {
            let op = match self.peek().tok {
                Tok::Plus => BinOp::Add,
                Tok::Minus => BinOp::Sub,
                _ => break,
            };
            self.pos += 1;
            let right = self.product()?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        self.depth -= 1;
        Ok(left)
    }

    fn product(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek().tok {
                Tok::Star => BinOp::Mul,
                Tok::Slash => BinOp::Div,
                _ => break,
            };
            self.pos += 1;
            let right = self.unary()?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        if self.peek().tok == Tok::Minus {
            self.pos += 1;
            self.enter()?;
            let e = Expr::Neg(Box::new(self.unary()?));
            self.depth -= 1;
            return Ok(e);
        }
        let base = self.atom()?;
        if self.peek().tok != Tok::Caret {
            return Ok(base);
        }
        self.pos += 1;
        self.enter()?;
        let exponent = self.unary()?;
        self.depth -= 1;
        Ok(Expr::Binary(BinOp::Pow, Box::new(base), Box::new(exponent)))
    }

    fn atom(&mut self) -> Result<Expr, ParseError> {
        let at = self.pos;
        let t = self.next();
        match t.tok {
            Tok::Number(v) => Ok(Expr::Number(v)),
            Tok::Name(name) if self.peek().tok == Tok::LParen => self.call(name, t.offset),
            Tok::Name(name) => {
                let slot = match self.distinct.iter().position(|n| *n == name) {
                    Some(slot) => slot,
                    None => {
                        self.distinct.push(name);
                        self.distinct.len() - 1
                    }
                };
                self.names.push(NameRef {
                    name: name.to_string(),
                    offset: t.offset,
                    side: self.side,
                });
                Ok(Expr::Name(Name::new(name, slot)))
            }
            Tok::LParen => {
                let e = self.sum()?;
                if self.peek().tok != Tok::RParen {
                    return Err(self.unexpected_after_operand("`)`"));
                }
                self.pos += 1;
                Ok(e)
            }
            _ => {
                let after = match at.checked_sub(1).map(|k| self.tokens[k]) {
                    Some(prev) => format!(" after `{}`", prev.text),
                    None => String::new(),
                };
                Err(ParseError {
                    offset: t.offset,
                    message: format!(
                        "expected a number, a name or `(`{after}, found {}",
                        t.describe()
                    ),
                })
            }
        }
    }

    fn call(&mut self, name: &str, offset: usize) -> Result<Expr, ParseError> {
        let Some(func) = Func::ALL.into_iter().find(|f| f.name() == name) else {
            let known: Vec<String> = Func::ALL
                .iter()
                .map(|f| format!("`{}`", f.name()))
                .collect();
            return Err(ParseError {
                offset,
                message: format!(
                    "unknown function `{name}`, expected one of {}",
                    known.join(", ")
                ),
            });
        };
        self.pos += 1; // the `(`
        let mut args = Vec::new();
        let mut digits_at = None;
        if self.peek().tok == Tok::RParen {
            self.pos += 1;
        } else {
            loop {
                let start = self.peek().offset;
                args.push(self.sum()?);
                if args.len() == 2 {
                    digits_at = Some((start, self.peek().offset));
                }
                match self.peek().tok {
                    Tok::Comma => self.pos += 1,
                    Tok::RParen => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.unexpected_after_operand("`,` or `)`")),
                }
            }
        }
        let (least, most) = func.arity();
        if args.len() < least || most.is_some_and(|m| args.len() > m) {
            return Err(ParseError {
                offset,
                message: func.arity_message(args.len()),
            });
        }
        if let (Func::Round, Some((start, end))) = (func, digits_at)
            && round_digits(&args[1]).is_none()
        {
            return Err(ParseError {
                offset: start,
                message: format!(
                    "the digits of `round` must be a whole number from -15 to 15, found `{}`",
                    self.text[start..end].trim_end()
                ),
            });
        }
        Ok(Expr::Call(func, args))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(text: &str) -> String {
        match parse(text) {
            Ok(c) => c.to_string(),
            Err(e) => panic!("{text}: {e}"),
        }
    }

    fn err(text: &str) -> (usize, String) {
        match parse(text) {
            Ok(c) => panic!("{text} parsed as {c}"),
            Err(e) => (e.offset, e.message),
        }
    }

    fn name(n: &str) -> Box<Expr> {
        Box::new(Expr::Name(Name::new(n, 0)))
    }

    #[test]
    fn precedence_and_associativity() {
        let cases = [
            ("a+b*c~1", "a + b * c ~ 1"),
            ("(a+b)*c ~ 1", "(a + b) * c ~ 1"),
            ("a-(b-c) ~ a-b-c", "a - (b - c) ~ a - b - c"),
            ("a/(b*c) == a/b*c", "a / (b * c) == a / b * c"),
            ("-a^2 < (-a)^2", "-a ^ 2 < (-a) ^ 2"),
            ("a^b^c >= (a^b)^c", "a ^ b ^ c >= (a ^ b) ^ c"),
            ("2^-1 <= -(a*b)", "2 ^ -1 <= -(a * b)"),
            ("a - -b != --a", "a - -b != --a"),
            (
                "x~1_000+0.25+1e9+2.5e-9",
                "x ~ 1000 + 0.25 + 1000000000 + 2.5e-9",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(canon(text), want, "{text}");
        }
    }

    #[test]
    fn power_binds_tighter_than_unary_minus_and_is_right_associative() {
        let c = parse("-a^b^c ~ 0").unwrap();
        let inner = Expr::Binary(BinOp::Pow, name("b"), name("c"));
        let pow = Expr::Binary(BinOp::Pow, name("a"), Box::new(inner));
        assert_eq!(c.left, Expr::Neg(Box::new(pow)));
    }

    #[test]
    fn function_calls() {
        let c = parse("pct_change(old, new) ~ round(ratio(a, b), -1) + sum(a,b,c)").unwrap();
        assert_eq!(
            c.to_string(),
            "pct_change(old, new) ~ round(ratio(a, b), -1) + sum(a, b, c)"
        );
        assert!(matches!(c.left, Expr::Call(Func::PctChange, ref args) if args.len() == 2));
        // A name not followed by `(` is a name, even when a function has that name.
        let c = parse("ratio ~ ratio(a, b)").unwrap();
        assert_eq!(c.left, Expr::Name(Name::new("ratio", 0)));
    }

    #[test]
    fn names_with_offsets_and_sides() {
        let c = parse("ratio ~ gemini / gpt4 + abs(gemini)").unwrap();
        assert_eq!(
            c.names(),
            [("ratio", 0), ("gemini", 8), ("gpt4", 17), ("gemini", 28)]
        );
        assert_eq!(c.left_names(), [("ratio", 0)]);
        assert_eq!(c.right_names().len(), 3);
        assert_eq!(c.op_offset, 6);
    }

    #[test]
    fn operand_errors_name_the_token_and_what_was_expected() {
        let (at, msg) = err("total foo ~ 1");
        assert_eq!(at, 6);
        assert_eq!(
            msg,
            "expected an operator or a comparison (`~`, `==`, `<`, …) after `total`, found `foo`"
        );
        let (at, msg) = err("(total foo) ~ 1");
        assert_eq!(at, 7);
        assert_eq!(
            msg,
            "expected an operator or `)` after `total`, found `foo`"
        );
        let (at, msg) = err("x ~ max(a b)");
        assert_eq!(at, 10);
        assert!(msg.contains("`,` or `)` after `a`, found `b`"), "{msg}");
        let (at, msg) = err("a ~ ");
        assert_eq!(at, 4);
        assert_eq!(
            msg,
            "expected a number, a name or `(` after `~`, found the end of the check"
        );
        let (at, msg) = err(") ~ a");
        assert_eq!(
            (at, msg.as_str()),
            (0, "expected a number, a name or `(`, found `)`")
        );
        let (at, msg) = err("a ~ b)");
        assert_eq!(at, 5);
        assert!(
            msg.contains("the end of the check after `b`, found `)`"),
            "{msg}"
        );
        let (at, msg) = err("(a ~ b)");
        assert_eq!(
            (at, msg.contains("`)` after `a`, found `~`")),
            (3, true),
            "{msg}"
        );
        let (at, _) = err("x ~ min(a,");
        assert_eq!(at, 10);
    }

    #[test]
    fn comparison_errors() {
        assert_eq!(
            err("a + b"),
            (
                5,
                "missing comparison: a check is `left ~ right`".to_string()
            )
        );
        let (at, msg) = err("a < b < c");
        assert_eq!(at, 6);
        assert!(msg.starts_with("only one comparison per check"), "{msg}");
        assert!(msg.contains("`<`"), "{msg}");
        assert_eq!(err("  ").1, "empty check: a check is `left ~ right`");
    }

    #[test]
    fn function_errors_are_parse_errors() {
        let (at, msg) = err("x ~ sqr(a)");
        assert_eq!(at, 4);
        assert!(
            msg.starts_with("unknown function `sqr`, expected one of `abs`, `min`, `max`, `round`"),
            "{msg}"
        );
        assert!(msg.ends_with("`pct_change`, `ratio`"), "{msg}");
        assert_eq!(
            err("x ~ pct_change(a)"),
            (4, "`pct_change` takes 2 arguments, found 1".to_string())
        );
        assert_eq!(err("abs(a, b) ~ 1").1, "`abs` takes 1 argument, found 2");
        assert_eq!(
            err("sum() ~ 1").1,
            "`sum` takes at least 1 argument, found 0"
        );
        assert_eq!(
            err("round(a, 1, 2) ~ 1").1,
            "`round` takes 1 or 2 arguments, found 3"
        );
        let (at, msg) = err("round(a, b + 1) ~ 1");
        assert_eq!(at, 9);
        assert!(msg.contains("found `b + 1`"), "{msg}");
        assert!(err("round(a, 1.5) ~ 1").1.contains("`1.5`"));
        assert!(err("round(a, 99) ~ 1").1.contains("-15 to 15"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        for text in [
            format!("{}a{} ~ 1", "(".repeat(200), ")".repeat(200)),
            format!("{}a ~ 1", "-".repeat(300)),
            format!("a{} ~ 1", "^a".repeat(300)),
            format!("{}a{} ~ 1", "abs(".repeat(100), ")".repeat(100)),
        ] {
            let (_, msg) = err(&text);
            assert!(msg.contains("nested too deeply"), "{msg}");
        }
        let ok = format!("{}a{} ~ 1", "(".repeat(60), ")".repeat(60));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn absurd_length_is_refused_but_long_flat_sums_are_fine() {
        let (at, msg) = err(&format!("x ~ {}", "a + ".repeat(1000)));
        assert_eq!(at, MAX_LEN);
        assert!(msg.contains("too long"), "{msg}");
        let (at, _) = err(&format!("x ~ 1{}", "增".repeat(400)));
        assert_eq!(at, 1022, "the last character boundary within the limit");
        let long = format!("x ~ a{}", " + a".repeat(250));
        let c = parse(&long).unwrap();
        assert_eq!(c.names().len(), 252);
    }
}
