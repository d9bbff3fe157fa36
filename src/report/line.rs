//! `line`: one stable line per finding, `path:line:col: severity[rule]: message` (and an
//! indented `also path:line:col: message` line per other place involved), then a
//! one-line summary. For grep and tests. Fixes made by `--fix` come first, one line each.

use std::io::{self, Write};

use super::{FileError, FileReport, Location, Sink, Totals, display_path};
use crate::escape;

pub struct Line;

impl Sink for Line {
    fn fixes(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        // A newline or escape sequence in a file name, rule id or message must not start a
        // line of its own or act on the terminal (issue 12, item 13).
        let path = escape::control(&display_path(&file.doc)).into_owned();
        for fix in &file.fixes {
            let what = if fix.applied { "fixed" } else { "not fixed" };
            writeln!(
                out,
                "{what} {path}:{}:{} {}: `{}` → `{}`",
                fix.line,
                fix.column,
                escape::control(&fix.rule),
                one_line(&fix.old),
                one_line(&fix.new)
            )?;
        }
        Ok(())
    }

    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let path = escape::control(&display_path(&file.doc)).into_owned();
        for f in &file.findings {
            let loc = Location::of(&file.doc, f.span);
            writeln!(
                out,
                "{path}:{}:{}: {}[{}]: {}",
                loc.line,
                loc.column,
                f.severity,
                escape::control(&f.rule),
                one_line(&f.message)
            )?;
            for r in &f.related {
                let at = Location::of(&file.doc, r.span);
                writeln!(
                    out,
                    "    also {path}:{}:{}: {}",
                    at.line,
                    at.column,
                    one_line(&r.message)
                )?;
            }
        }
        Ok(())
    }

    fn summary(
        &mut self,
        out: &mut dyn Write,
        t: &Totals,
        _errors: &[FileError],
    ) -> io::Result<()> {
        let s = &t.stats;
        writeln!(
            out,
            "{} file{}: claims {} held, {} failed, {} unmatched; {} term, {} built-in findings; {} of {} numbers checked",
            t.files,
            if t.files == 1 { "" } else { "s" },
            s.claims_held,
            s.claims_failed,
            s.claims_unmatched,
            s.term_findings,
            s.builtin_findings,
            s.numbers_checked,
            s.numbers_found
        )?;
        if s.sentences_skipped > 0 {
            writeln!(
                out,
                "{} sentence{} too long for the sentence checks (over 8 KB or 64 figures)",
                s.sentences_skipped,
                if s.sentences_skipped == 1 { "" } else { "s" }
            )?;
        }
        Ok(())
    }
}

/// Keeps one finding on one line whatever its message holds: line breaks become spaces,
/// other control characters escapes.
fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    // Most messages hold no line break: one byte search, and no copy.
    if memchr::memchr2(b'\r', b'\n', s.as_bytes()).is_none() {
        return escape::control(s);
    }
    escape::control(&s.replace(['\r', '\n'], " "))
        .into_owned()
        .into()
}
