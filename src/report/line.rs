//! `line`: one stable line per finding, `path:line:col: severity[rule]: message`, then a
//! one-line summary. For grep and tests.

use std::io::{self, Write};

use super::Report;

pub fn print(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for (file, f) in report.findings() {
        let (line, col) = file.doc.lines.line_col(&file.doc.text, f.span.start);
        writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            file.doc.path.display(),
            line,
            col,
            f.severity,
            f.rule,
            f.message
        )?;
    }
    let s = report.summary();
    writeln!(
        out,
        "{} files: claims {} held, {} failed, {} unmatched; {} term, {} built-in findings; {} of {} numbers checked",
        report.files.len(),
        s.claims_held,
        s.claims_failed,
        s.claims_unmatched,
        s.term_findings,
        s.builtin_findings,
        s.numbers_checked,
        s.numbers_found
    )
}
