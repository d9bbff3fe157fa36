//! Splits the text of a `check:` expression into tokens, each with its byte offset and
//! source text, so that every later error can point at the token it is about.

use super::{CmpOp, ParseError};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Tok<'a> {
    Number(f64),
    Name(&'a str),
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    LParen,
    RParen,
    Comma,
    Cmp(CmpOp),
    End,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'a> {
    pub tok: Tok<'a>,
    pub offset: usize,
    /// The token as written; empty for `End`.
    pub text: &'a str,
}

impl Token<'_> {
    /// How an error message names this token: in backticks, or as the end of the check.
    pub fn describe(&self) -> String {
        match self.tok {
            Tok::End => "the end of the check".to_string(),
            _ => format!("`{}`", self.text),
        }
    }
}

/// Every token of `text`, ending with one `End` token at `text.len()`.
pub(super) fn tokenize(text: &str) -> Result<Vec<Token<'_>>, ParseError> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let (tok, len) = match c {
            '0'..='9' => {
                let len = number_len(bytes, i);
                let v = number_value(&text[i..i + len], i)?;
                let (factor, unit) = unit_suffix(&text[i + len..]);
                (Tok::Number(v * factor), len + unit)
            }
            '$' if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                let len = number_len(bytes, i + 1);
                let v = number_value(&text[i + 1..i + 1 + len], i + 1)?;
                let (factor, unit) = unit_suffix(&text[i + 1 + len..]);
                (Tok::Number(v * factor), 1 + len + unit)
            }
            'a'..='z' | 'A'..='Z' | '_' => {
                let len = bytes[i..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                    .count();
                (Tok::Name(&text[i..i + len]), len)
            }
            '+' => (Tok::Plus, 1),
            '-' => (Tok::Minus, 1),
            '*' => (Tok::Star, 1),
            '/' => (Tok::Slash, 1),
            '^' => (Tok::Caret, 1),
            '(' => (Tok::LParen, 1),
            ')' => (Tok::RParen, 1),
            ',' => (Tok::Comma, 1),
            '~' => (Tok::Cmp(CmpOp::Approx), 1),
            '<' | '>' | '=' | '!' => comparison(bytes, i)?,
            other => {
                return Err(ParseError {
                    offset: i,
                    message: format!(
                        "unexpected character `{other}`, expected a number (with a unit: \
                         `9.8%`, `0.1pp`, `25bp`, `2.5x`, `78亿`, `$1.2B`), a name, \
                         an operator (`+ - * / ^`), a comparison or a parenthesis"
                    ),
                });
            }
        };
        i += len;
        tokens.push(Token {
            tok,
            offset: start,
            text: &text[start..i],
        });
    }
    tokens.push(Token {
        tok: Tok::End,
        offset: text.len(),
        text: "",
    });
    Ok(tokens)
}

/// Units written right after a number in an expression, and what one of them is worth in
/// the values factlint holds (percents and points as fractions, money in units, multiples
/// as factors). Longer spellings first where one begins another. Latin ones must end the
/// word (`2x` is a multiple, `2xy` is not a number).
const UNIT_SUFFIXES: &[(&str, f64)] = &[
    ("%", 0.01),
    ("％", 0.01),
    ("pp", 0.01),
    ("bp", 0.0001),
    ("x", 1.0),
    ("×", 1.0),
    ("倍", 1.0),
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("十亿", 1e9),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("十万", 1e5),
    ("万", 1e4),
    ("千", 1e3),
    ("bn", 1e9),
    ("B", 1e9),
    ("M", 1e6),
    ("K", 1e3),
    ("k", 1e3),
    ("T", 1e12),
];

/// The factor and byte length of a unit written at the start of `rest`; (1, 0) for none.
fn unit_suffix(rest: &str) -> (f64, usize) {
    for (unit, factor) in UNIT_SUFFIXES {
        if let Some(after) = rest.strip_prefix(unit) {
            let glued = unit.is_ascii()
                && after
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
            if !glued {
                return (*factor, unit.len());
            }
        }
    }
    (1.0, 0)
}

fn comparison(bytes: &[u8], i: usize) -> Result<(Tok<'static>, usize), ParseError> {
    let next_is_eq = bytes.get(i + 1) == Some(&b'=');
    let op = match (bytes[i], next_is_eq) {
        (b'<', true) => CmpOp::Le,
        (b'<', false) => CmpOp::Lt,
        (b'>', true) => CmpOp::Ge,
        (b'>', false) => CmpOp::Gt,
        (b'=', true) => CmpOp::Eq,
        (b'!', true) => CmpOp::Ne,
        (b'=', false) => {
            return Err(ParseError {
                offset: i,
                message: "unexpected `=`, expected a comparison: `==` or `~`".into(),
            });
        }
        _ => {
            return Err(ParseError {
                offset: i,
                message: "unexpected `!`, expected a comparison: `!=`".into(),
            });
        }
    };
    Ok((Tok::Cmp(op), if next_is_eq { 2 } else { 1 }))
}

/// Length of the number starting at `i`: digits with `_` separators, an optional fraction,
/// an optional exponent. A `.` or `e` not followed by a digit is left for the parser to
/// reject as a stray token.
fn number_len(bytes: &[u8], i: usize) -> usize {
    let digits = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b'_')
            .count()
    };
    let is_digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    let mut end = i + digits(i);
    if bytes.get(end) == Some(&b'.') && is_digit(end + 1) {
        end += 1 + digits(end + 1);
    }
    if matches!(bytes.get(end), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(bytes.get(end + 1), Some(b'+' | b'-')));
        if is_digit(end + 1 + sign) {
            end += 1 + sign + digits(end + 1 + sign);
        }
    }
    end - i
}

fn number_value(text: &str, offset: usize) -> Result<f64, ParseError> {
    let bytes = text.as_bytes();
    let misplaced = bytes.iter().enumerate().any(|(k, b)| {
        *b == b'_'
            && !(k > 0
                && bytes[k - 1].is_ascii_digit()
                && bytes.get(k + 1).is_some_and(u8::is_ascii_digit))
    });
    if misplaced {
        return Err(ParseError {
            offset,
            message: format!("misplaced `_` in the number `{text}`: `_` goes between digits"),
        });
    }
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    match clean.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(ParseError {
            offset,
            message: format!("the number `{text}` is too large"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok<'_>> {
        tokenize(text).unwrap().into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn numbers_in_every_written_form() {
        assert_eq!(toks("0.2"), [Tok::Number(0.2), Tok::End]);
        assert_eq!(toks("1e9"), [Tok::Number(1e9), Tok::End]);
        assert_eq!(toks("2.5E-3"), [Tok::Number(2.5e-3), Tok::End]);
        assert_eq!(toks("1_000"), [Tok::Number(1000.0), Tok::End]);
        assert_eq!(toks("78352034"), [Tok::Number(78352034.0), Tok::End]);
    }

    #[test]
    fn operators_comparisons_and_offsets() {
        let t = tokenize("a_1 <= (b*2)^3 != x").unwrap();
        let offsets: Vec<usize> = t.iter().map(|t| t.offset).collect();
        assert_eq!(offsets, [0, 4, 7, 8, 9, 10, 11, 12, 13, 15, 18, 19]);
        assert_eq!(t[0].tok, Tok::Name("a_1"));
        assert_eq!(t[1].tok, Tok::Cmp(CmpOp::Le));
        assert_eq!(t[9].tok, Tok::Cmp(CmpOp::Ne));
        assert_eq!(t[9].text, "!=");
    }

    #[test]
    fn offsets_are_bytes_after_wide_whitespace() {
        let t = tokenize("\u{3000}x").unwrap();
        assert_eq!(t[0].offset, 3);
    }

    #[test]
    fn bad_characters_and_numbers_are_located() {
        let e = tokenize("a # b").unwrap_err();
        assert_eq!(e.offset, 2);
        assert!(e.message.contains("`#`"), "{}", e.message);
        let e = tokenize("x ~ 1__0").unwrap_err();
        assert_eq!(e.offset, 4);
        assert!(e.message.contains("`1__0`"), "{}", e.message);
        assert!(tokenize("1_").is_err());
        let e = tokenize("x ~ 1e999").unwrap_err();
        assert!(e.message.contains("too large"), "{}", e.message);
        let e = tokenize("a = b").unwrap_err();
        assert_eq!((e.offset, e.message.contains("`==`")), (2, true));
        assert!(tokenize("增长 ~ 1").is_err());
    }

    #[test]
    fn dot_or_e_without_digits_is_not_swallowed() {
        assert_eq!(
            toks("2e"),
            [Tok::Number(2.0), Tok::Name("e"), Tok::End],
            "`2e` is 2 followed by the name e"
        );
        let t = tokenize("1.").unwrap_err();
        assert_eq!(t.offset, 1);
    }
}
