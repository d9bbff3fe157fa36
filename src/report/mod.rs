//! Reports: one `Report` over a run, one printer per format.
//!
//! The engine's findings and the documents they point into come in; text goes out to a
//! `&mut dyn Write`. Line and column are computed here and nowhere earlier.

mod line;

use std::io::{self, Write};

use crate::check::{Finding, Stats};
use crate::source::Document;

/// One checked document and what was found in it.
#[derive(Debug)]
pub struct FileReport {
    pub doc: Document,
    pub findings: Vec<Finding>,
    pub stats: Stats,
}

/// Everything one `factlint check` run has to say.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<FileReport>,
    /// Sources that could not be used, one message each (the run exits 2).
    pub errors: Vec<String>,
}

impl Report {
    /// The sum of every file's counts.
    pub fn summary(&self) -> Stats {
        let mut s = Stats::default();
        for f in &self.files {
            let t = &f.stats;
            s.claims_held += t.claims_held;
            s.claims_failed += t.claims_failed;
            s.claims_unmatched += t.claims_unmatched;
            s.term_findings += t.term_findings;
            s.builtin_findings += t.builtin_findings;
            s.numbers_found += t.numbers_found;
            s.numbers_checked += t.numbers_checked;
        }
        s
    }

    pub fn findings(&self) -> impl Iterator<Item = (&FileReport, &Finding)> {
        self.files
            .iter()
            .flat_map(|f| f.findings.iter().map(move |x| (f, x)))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Diff,
    Line,
    Json,
    Sarif,
    Github,
}

/// Writes `report` in `format`; `color` only matters to formats for people.
pub fn print(report: &Report, format: Format, out: &mut dyn Write, _color: bool) -> io::Result<()> {
    match format {
        Format::Line | Format::Diff | Format::Json | Format::Sarif | Format::Github => {
            line::print(report, out)
        }
    }
}
