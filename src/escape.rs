//! Text that factlint echoes (paths, rule ids, words and expressions from rule files,
//! article text) in, text safe for one line of a terminal or a CI log out.
//!
//! A newline in a file name must not start a line of its own: GitHub Actions reads
//! `::error …` on any line of a job's output as a workflow command, and a terminal acts on
//! escape sequences. Control characters (C0, DEL, C1), the line and paragraph separators and
//! the bidirectional overrides are written as Rust-style escapes (`\n`, `\u{1b}`); a
//! backslash is left alone, so ordinary Windows-style paths read as they are.

use std::borrow::Cow;
use std::fmt::Write;

/// `s` with every control character escaped (see the module doc).
pub fn control(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A path for a message: lossy UTF-8, control characters escaped.
pub fn path(p: &std::path::Path) -> String {
    control(&p.to_string_lossy()).into_owned()
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// At most `max` characters of `s`, with `…` in place of the rest: an 800 KB expression
/// in a rule file is named in an error, not echoed whole.
pub fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A value from a rule file or an article quoted inside a message: cut to `ECHO_CHARS`
/// characters, control characters escaped.
pub fn echo(s: &str) -> String {
    control(&truncate(s, ECHO_CHARS)).into_owned()
}

/// The most characters of a quoted value a message repeats.
pub const ECHO_CHARS: usize = 80;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_the_rest_kept() {
        assert_eq!(control("a.md"), "a.md");
        assert!(matches!(control("训练成本"), Cow::Borrowed(_)));
        assert_eq!(
            control("x\n::error file=README.md::INJECTED"),
            "x\\n::error file=README.md::INJECTED"
        );
        assert_eq!(control("a\u{1b}[31mb\r\t"), "a\\u{1b}[31mb\\r\\t");
        assert_eq!(control("\u{202e}txt"), "\\u{202e}txt");
        assert_eq!(control("C:\\dir\\a.md"), "C:\\dir\\a.md");
    }

    #[test]
    fn long_values_are_cut_with_an_ellipsis() {
        assert_eq!(truncate("abcdef", 3), "abc…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("训练成本", 2), "训练…");
        let long = "1 + ".repeat(200_000);
        assert_eq!(echo(&long).chars().count(), ECHO_CHARS + 1);
    }
}
