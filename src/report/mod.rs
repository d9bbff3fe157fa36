//! Reports: one `Report` over a run, one printer per format.
//!
//! The engine's findings, the documents they point into and what `--fix` did come in; text
//! goes out to a `&mut dyn Write`. Line and column are computed here and nowhere earlier.
//!
//! A run can be printed whole ([`print`]) or one file at a time through a [`Printer`], so
//! that the command line keeps only the file being checked in memory.

mod diff;
mod github;
mod html;
mod json;
mod line;
mod sarif;
mod statistics;
pub(crate) mod text;

use std::io::{self, Write};
use std::path::Path;

pub use html::{Number, Status, numbers};

use crate::check::{Coverage, Finding, MentionStatus, Severity, Stats};
use crate::extract::Mention;
use crate::fix::{FixError, Fixed};
use crate::source::{Document, SourceError, Span};

/// A source that could not be used (the run exits 2), or a fix that could not be written.
/// The message names the file; `location` gives the line and column where one is known.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{error}")]
    Source {
        error: SourceError,
        /// 1-based line and column (in characters) of the offending byte, for a file that
        /// is not UTF-8 or holds a NUL byte.
        at: Option<(usize, usize)>,
    },
    #[error(transparent)]
    Fix(#[from] FixError),
}

impl From<SourceError> for FileError {
    fn from(error: SourceError) -> FileError {
        FileError::Source { error, at: None }
    }
}

impl FileError {
    pub fn path(&self) -> &Path {
        match self {
            FileError::Source { error, .. } => error.path(),
            FileError::Fix(FixError::Changed { path } | FixError::Write { path, .. }) => path,
        }
    }

    /// 1-based line and column of the problem, where it has one.
    pub fn location(&self) -> Option<(usize, usize)> {
        match self {
            FileError::Source { at, .. } => *at,
            FileError::Fix(_) => None,
        }
    }
}

/// One checked document and what was found in it.
#[derive(Debug)]
pub struct FileReport {
    pub doc: Document,
    pub findings: Vec<Finding>,
    pub stats: Stats,
    /// What `--fix` did to this file before `findings` were computed (the findings are then
    /// those that remain in the fixed text, and `doc` is the fixed text).
    pub fixes: Vec<Fixed>,
    /// Problems that did not stop the file being checked (a fix that could not be written:
    /// the report is then of the file as it stands).
    pub errors: Vec<FileError>,
    /// Every mention of `doc`, and what examined each (`coverage.statuses` is indexed like
    /// `mentions`); for the formats that show every number (html). Empty when the report
    /// was made by hand.
    pub mentions: Vec<Mention>,
    pub coverage: Coverage,
}

impl FileReport {
    /// Every quantity mention with what examined it, in order (years, dates, names left
    /// out).
    pub fn covered(&self) -> impl Iterator<Item = (Span, &MentionStatus)> {
        self.mentions
            .iter()
            .zip(&self.coverage.statuses)
            .filter(|(_, s)| **s != MentionStatus::NotQuantity)
            .map(|(m, s)| (m.span, s))
    }

    pub fn new(doc: Document, findings: Vec<Finding>, stats: Stats) -> FileReport {
        FileReport {
            doc,
            findings,
            stats,
            fixes: Vec::new(),
            errors: Vec::new(),
            mentions: Vec::new(),
            coverage: Coverage::default(),
        }
    }
}

/// Everything one `factlint check` run has to say.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<FileReport>,
    /// Sources that could not be used and fixes that could not be written (the run exits 2).
    pub errors: Vec<FileError>,
}

impl Report {
    /// The sum of every file's counts.
    pub fn summary(&self) -> Stats {
        let mut totals = Totals::default();
        for f in &self.files {
            totals.add(f);
        }
        totals.stats
    }

    pub fn findings(&self) -> impl Iterator<Item = (&FileReport, &Finding)> {
        self.files
            .iter()
            .flat_map(|f| f.findings.iter().map(move |x| (f, x)))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: explanation, citation and the corrected sentence (default).
    Diff,
    /// One stable line per finding: `path:line:col: severity[rule]: message`.
    Line,
    /// Everything, versioned (`"version": 1`); see docs/json.md.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
    /// One self-contained HTML page: each article with every number marked by its status.
    Html,
}

/// Running counts over the files printed so far; what the summaries print.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    pub stats: Stats,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub fixed: usize,
}

impl Totals {
    pub fn add(&mut self, file: &FileReport) {
        self.files += 1;
        let (s, t) = (&mut self.stats, &file.stats);
        s.claims_held += t.claims_held;
        s.claims_failed += t.claims_failed;
        s.claims_unmatched += t.claims_unmatched;
        s.term_findings += t.term_findings;
        s.builtin_findings += t.builtin_findings;
        s.numbers_found += t.numbers_found;
        s.numbers_checked += t.numbers_checked;
        s.relations_checked += t.relations_checked;
        s.sentences_skipped += t.sentences_skipped;
        for f in &file.findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
        self.fixed += file.fixes.iter().filter(|f| f.applied).count();
    }

    /// Share of the quantities found that some check examined, in percent.
    pub fn coverage(&self) -> f64 {
        if self.stats.numbers_found == 0 {
            0.0
        } else {
            100.0 * self.stats.numbers_checked as f64 / self.stats.numbers_found as f64
        }
    }
}

/// One format's output, fed one file at a time: `begin`, then `fixes` and `file` for each
/// file, then `end` and `summary`. The parts a flag can leave out (`--quiet`,
/// `--no-summary`, `--statistics`) are methods of their own, so each format only says how
/// it writes them.
trait Sink {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// What `--fix` did to the file, for the formats that list it.
    fn fixes(&mut self, _out: &mut dyn Write, _file: &FileReport) -> io::Result<()> {
        Ok(())
    }
    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()>;
    /// Closes the output (a JSON document, the sources that could not be used).
    fn end(
        &mut self,
        _out: &mut dyn Write,
        _totals: &Totals,
        _errors: &[FileError],
    ) -> io::Result<()> {
        Ok(())
    }
    /// The closing counts, for the formats that print them.
    fn summary(
        &mut self,
        _out: &mut dyn Write,
        _totals: &Totals,
        _errors: &[FileError],
    ) -> io::Result<()> {
        Ok(())
    }
}

/// What a run prints besides the findings (`--quiet`, `--no-summary`, `--statistics`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrintOptions {
    /// The closing summary of the formats that have one (diff, line, github).
    pub summary: bool,
    /// The `fixed …` lines that record what `--fix` did.
    pub fixes: bool,
    /// One line per rule with its count instead of each finding (diff and line only).
    pub statistics: bool,
    /// After each file, every quantity with what checked it (`--coverage`; diff and line
    /// only: `json` always carries it).
    pub coverage: bool,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            summary: true,
            fixes: true,
            statistics: false,
            coverage: false,
        }
    }
}

impl Format {
    /// Whether `--statistics` can stand in for this format's findings: only the text
    /// formats; the others are read by programs that expect findings.
    pub fn has_statistics(self) -> bool {
        matches!(self, Format::Diff | Format::Line)
    }
}

/// Prints a run as it goes: `new`, then `file` for each checked file, then `finish`.
pub struct Printer<'w> {
    out: &'w mut dyn Write,
    sink: Box<dyn Sink>,
    totals: Totals,
    options: PrintOptions,
    /// Counts per rule when `--statistics` stands in for the findings.
    statistics: Option<statistics::Statistics>,
    format: Format,
}

impl<'w> Printer<'w> {
    /// Starts a report; `color` adds ANSI styles to the formats for people (the caller's
    /// stream strips them where the terminal or the user does not want them).
    pub fn new(format: Format, out: &'w mut dyn Write, color: bool) -> io::Result<Printer<'w>> {
        Printer::with_options(format, out, color, PrintOptions::default())
    }

    /// As [`Printer::new`], leaving out what `options` say. `--statistics` with a format
    /// that has none ([`Format::has_statistics`]) prints the findings as usual.
    pub fn with_options(
        format: Format,
        out: &'w mut dyn Write,
        color: bool,
        options: PrintOptions,
    ) -> io::Result<Printer<'w>> {
        let mut sink: Box<dyn Sink> = match format {
            Format::Diff => Box::new(diff::Diff::new(color)),
            Format::Line => Box::new(line::Line),
            Format::Json => Box::new(json::Json::default()),
            Format::Sarif => Box::new(sarif::Sarif::default()),
            Format::Github => Box::new(github::Github),
            Format::Html => Box::new(html::Html::default()),
        };
        sink.begin(out)?;
        let statistics = (options.statistics && format.has_statistics())
            .then(|| statistics::Statistics::new(color));
        Ok(Printer {
            out,
            sink,
            totals: Totals::default(),
            options,
            statistics,
            format,
        })
    }

    pub fn file(&mut self, file: &FileReport) -> io::Result<()> {
        self.totals.add(file);
        if let Some(counts) = &mut self.statistics {
            counts.add(file);
            return Ok(());
        }
        if self.options.fixes {
            self.sink.fixes(self.out, file)?;
        }
        self.sink.file(self.out, file)?;
        if self.options.coverage && matches!(self.format, Format::Diff | Format::Line) {
            coverage_listing(self.out, file)?;
        }
        // A file's report reaches the reader whole and in time (a long run, a progress
        // bar, errors on stderr between files), with one write for all its lines.
        self.out.flush()
    }

    /// Ends the report with the summary and the sources that could not be used; returns
    /// the totals (the exit status depends on them).
    pub fn finish(mut self, errors: &[FileError]) -> io::Result<Totals> {
        if let Some(counts) = &self.statistics {
            counts.print(self.out)?;
        }
        self.sink.end(self.out, &self.totals, errors)?;
        if self.options.summary {
            self.sink.summary(self.out, &self.totals, errors)?;
        }
        self.out.flush()?;
        Ok(self.totals)
    }
}

/// One line per quantity: `path:line:col: checked by claim `id`: `2.5倍``, `unchecked`, or
/// `not counted (duration)`.
fn coverage_listing(out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
    let path = display_path(&file.doc);
    for (span, status) in file.covered() {
        let at = Location::of(&file.doc, span);
        let text = file.doc.slice(span).replace('\n', " ");
        let status = match coverage_status(status) {
            ("claim", Some(id)) => format!("checked by claim `{id}`"),
            ("builtin", Some(id)) => format!("checked by built-in `{id}`"),
            ("not_a_claim", Some(why)) => format!("not counted ({why})"),
            _ => "unchecked".to_string(),
        };
        writeln!(out, "{path}:{}:{}: {status}: `{text}`", at.line, at.column)?;
    }
    Ok(())
}

/// `unchecked`, `claim`, `builtin` or `not_a_claim`, and what: the claim or built-in id, or
/// why the number is not a claim.
pub fn coverage_status(status: &MentionStatus) -> (&'static str, Option<String>) {
    match status {
        MentionStatus::Claim(id) => ("claim", Some(id.clone())),
        MentionStatus::Builtin(b) => ("builtin", Some(b.id().to_string())),
        MentionStatus::NotAClaim(why) => ("not_a_claim", Some((*why).to_string())),
        MentionStatus::Unchecked | MentionStatus::NotQuantity => ("unchecked", None),
    }
}

/// Writes `report` in `format`; `color` only matters to formats for people.
pub fn print(report: &Report, format: Format, out: &mut dyn Write, color: bool) -> io::Result<()> {
    let mut printer = Printer::new(format, out, color)?;
    for file in &report.files {
        printer.file(file)?;
    }
    printer.finish(&report.errors).map(|_| ())
}

/// 1-based start and end (exclusive) of a span, columns in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Location {
    pub fn of(doc: &Document, span: Span) -> Location {
        let start = char_floor(&doc.text, span.start);
        let end = char_floor(&doc.text, span.end.max(start));
        let (line, column) = doc.lines.line_col(&doc.text, start);
        let (end_line, end_column) = doc.lines.line_col(&doc.text, end);
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// `offset` clamped into `text` and moved back to a character boundary, so that a finding
/// with a bad span prints somewhere sensible instead of panicking.
pub(crate) fn char_floor(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The path as every format prints it: as given on the command line or found in a folder.
pub(crate) fn display_path(doc: &Document) -> String {
    doc.path.display().to_string()
}
