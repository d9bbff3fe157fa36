//! Rule-file errors: a position in a YAML file and a message that says what to do.
//!
//! Takes serde-saphyr's locations (1-based line and column of a value) and turns them, and
//! offsets inside a value (the column of a name inside an expression), into `RuleError`s.

use std::path::{Path, PathBuf};

use serde_saphyr::Location;

/// A rule file that cannot be used: where, and what to do about it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "{}:{line}:{column}: {}",
    crate::escape::path(path),
    crate::escape::control(message)
)]
pub struct RuleError {
    pub path: PathBuf,
    /// 1-based; 0 when the error is about the whole file.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
}

/// One rule file's text, for locating errors in it.
pub(crate) struct Located<'a> {
    pub path: &'a Path,
    pub text: &'a str,
}

impl Located<'_> {
    pub fn error(&self, line: usize, column: usize, message: impl Into<String>) -> RuleError {
        RuleError {
            path: self.path.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }

    pub fn at(&self, loc: &Location, message: impl Into<String>) -> RuleError {
        self.error(loc.line() as usize, loc.column() as usize, message)
    }

    /// An error at byte `offset` inside the string `value` whose YAML node starts at `loc`.
    ///
    /// Exact for plain and quoted one-line scalars whose text before `offset` is written
    /// as is (no escapes); otherwise the error points at the value's own start, which is
    /// still the right line for the rule.
    pub fn inside(
        &self,
        loc: &Location,
        value: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> RuleError {
        let (line, column) = (loc.line() as usize, loc.column() as usize);
        let prefix = value.get(..offset).unwrap_or("");
        let Some(source_line) = self.text.lines().nth(line.saturating_sub(1)) else {
            return self.error(line, column, message);
        };
        let rest: String = source_line.chars().skip(column.saturating_sub(1)).collect();
        let (quote, inner) = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => (1, &rest[q.len_utf8()..]),
            _ => (0, rest.as_str()),
        };
        if inner.starts_with(prefix) {
            self.error(line, column + quote + prefix.chars().count(), message)
        } else {
            self.error(line, column, message)
        }
    }

    /// serde-saphyr's error, at its location, with its message (which already lists the
    /// valid keys for an unknown one) made to read like ours.
    pub fn yaml_error(&self, err: &serde_saphyr::Error) -> RuleError {
        let (line, column, mut message) = crate::yaml::describe(err, self.text);
        if message.starts_with("expected ") || message.starts_with("invalid ") {
            message = format!("wrong type: {message}");
        }
        self.error(line, column, message)
    }
}
