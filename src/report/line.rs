//! `line`: one stable line per finding, `path:line:col: severity[rule]: message`, then a
//! one-line summary. For grep and tests. Fixes made by `--fix` come first, one line each.

use std::io::{self, Write};

use super::{FileError, FileReport, Location, Sink, Totals, display_path};

pub struct Line;

impl Sink for Line {
    fn fixes(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let path = display_path(&file.doc);
        for fix in &file.fixes {
            let what = if fix.applied { "fixed" } else { "not fixed" };
            writeln!(
                out,
                "{what} {path}:{}:{} {}: `{}` → `{}`",
                fix.line,
                fix.column,
                fix.rule,
                one_line(&fix.old),
                one_line(&fix.new)
            )?;
        }
        Ok(())
    }

    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let path = display_path(&file.doc);
        for f in &file.findings {
            let loc = Location::of(&file.doc, f.span);
            writeln!(
                out,
                "{path}:{}:{}: {}[{}]: {}",
                loc.line,
                loc.column,
                f.severity,
                f.rule,
                one_line(&f.message)
            )?;
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

/// Keeps one finding on one line whatever its message holds.
fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}
