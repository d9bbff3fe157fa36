//! `github`: GitHub Actions workflow commands, one annotation per finding:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
//!
//! Everything taken from the article, the rules or the paths is escaped, so that no text
//! can end the annotation early or start a workflow command of its own: in the message
//! `%`, CR and LF; in properties also `:` and `,`.

use std::io::{self, Write};

use super::{FileError, FileReport, Location, Sink, Totals, display_path};
use crate::check::Severity;

pub struct Github;

impl Sink for Github {
    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let path = display_path(&file.doc);
        for f in &file.findings {
            let loc = Location::of(&file.doc, f.span);
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = f.message.clone();
            if let Some(s) = &f.suggestion {
                message.push_str(&format!(" (suggestion: `{s}`)"));
            }
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&path),
                loc.line,
                loc.column,
                loc.end_line,
                loc.end_column,
                property(&format!("factlint {}[{}]", f.severity, f.rule)),
                data(&message)
            )?;
        }
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write, _t: &Totals, errors: &[FileError]) -> io::Result<()> {
        for e in errors {
            writeln!(out, "::error title=factlint::{}", data(&e.to_string()))?;
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
        let summary = format!(
            "{} files: {} errors, {} warnings; claims {} held, {} failed, {} unmatched; {} of {} numbers checked",
            t.files,
            t.errors,
            t.warnings,
            s.claims_held,
            s.claims_failed,
            s.claims_unmatched,
            s.numbers_checked,
            s.numbers_found
        );
        writeln!(out, "::notice title=factlint::{}", data(&summary))
    }
}

/// Escapes a command's message.
pub fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_in_the_right_order() {
        assert_eq!(data("50%\r\n::x"), "50%25%0D%0A::x");
        assert_eq!(property("a,b:%0A"), "a%2Cb%3A%250A");
    }
}
