//! `json`: every field of every finding, the fixes, per-file counts, the summary and the
//! sources that could not be used, under `"version": 1`. The schema is in `docs/json.md`;
//! add fields freely, but rename or remove one only with a new version.
//!
//! Findings are written as each file is checked, so the whole run is never held in memory.

use std::io::{self, Write};

use serde::Serialize;

use super::{FileError, FileReport, Location, Sink, Totals, display_path};
use crate::check::{Explanation, Finding};
use crate::eval::Interval;
use crate::source::Document;

pub const VERSION: u32 = 1;

#[derive(Default)]
pub struct Json {
    wrote_finding: bool,
    files: Vec<JsonFile>,
    fixes: Vec<JsonFix>,
}

#[derive(Serialize)]
struct JsonFix {
    file: String,
    rule: String,
    line: usize,
    column: usize,
    old: String,
    new: String,
    applied: bool,
}

#[derive(Serialize)]
struct JsonFile {
    file: String,
    findings: usize,
    numbers_found: usize,
    numbers_checked: usize,
    sentences_skipped: usize,
    /// Every quantity with what checked it.
    coverage: Vec<JsonCovered>,
}

#[derive(Serialize)]
struct JsonCovered {
    line: usize,
    column: usize,
    text: String,
    /// `claim`, `builtin`, `unchecked` or `not_a_claim` (not counted: a duration, a count of
    /// one, a list count).
    status: &'static str,
    /// The claim or built-in id, or why the number is not a claim.
    by: Option<String>,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    claims_held: usize,
    claims_failed: usize,
    claims_unmatched: usize,
    term_findings: usize,
    builtin_findings: usize,
    numbers_found: usize,
    numbers_checked: usize,
    /// `numbers_checked / numbers_found`, 0 when nothing was found.
    coverage: f64,
    /// Sentences with figures too long for the sentence checks to read.
    sentences_skipped: usize,
    fixed: usize,
}

impl Sink for Json {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(out, "{{\n  \"version\": {VERSION},\n  \"findings\": [")
    }

    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let doc = &file.doc;
        let path = display_path(doc);
        for f in &file.findings {
            let sep = if self.wrote_finding { "," } else { "" };
            write!(out, "{sep}\n    {}", indent(&finding(doc, f), 4))?;
            self.wrote_finding = true;
        }
        for fix in &file.fixes {
            self.fixes.push(JsonFix {
                file: path.clone(),
                rule: fix.rule.clone(),
                line: fix.line,
                column: fix.column,
                old: fix.old.clone(),
                new: fix.new.clone(),
                applied: fix.applied,
            });
        }
        let s = &file.stats;
        let coverage = file
            .covered()
            .map(|(span, s)| {
                let at = Location::of(doc, span);
                let (status, by) = super::coverage_status(s);
                JsonCovered {
                    line: at.line,
                    column: at.column,
                    text: doc.slice(span).to_string(),
                    status,
                    by,
                }
            })
            .collect();
        self.files.push(JsonFile {
            file: path,
            findings: file.findings.len(),
            numbers_found: s.numbers_found,
            numbers_checked: s.numbers_checked,
            sentences_skipped: s.sentences_skipped,
            coverage,
        });
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write, t: &Totals, errors: &[FileError]) -> io::Result<()> {
        let close = if self.wrote_finding { "\n  ]" } else { "]" };
        let s = &t.stats;
        let summary = JsonSummary {
            files: t.files,
            errors: t.errors,
            warnings: t.warnings,
            infos: t.infos,
            claims_held: s.claims_held,
            claims_failed: s.claims_failed,
            claims_unmatched: s.claims_unmatched,
            term_findings: s.term_findings,
            builtin_findings: s.builtin_findings,
            numbers_found: s.numbers_found,
            numbers_checked: s.numbers_checked,
            coverage: t.coverage() / 100.0,
            sentences_skipped: s.sentences_skipped,
            fixed: t.fixed,
        };
        writeln!(
            out,
            "{close},\n  \"fixes\": {},\n  \"files\": {},\n  \"summary\": {},\n  \"errors\": {}\n}}",
            indent(&self.fixes, 2),
            indent(&self.files, 2),
            indent(&summary, 2),
            indent(
                &errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
                2
            ),
        )
    }
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    origin: &'static str,
    severity: &'static str,
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    offset: usize,
    end_offset: usize,
    message: &'a str,
    found: &'a str,
    suggestion: Option<&'a str>,
    explanation: Option<JsonExplanation<'a>>,
    notes: &'a [String],
    source: Option<String>,
    edit: Option<JsonEdit<'a>>,
    /// Every other place the finding rests on.
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    offset: usize,
    end_offset: usize,
    text: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    offset: usize,
    end_offset: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonExplanation<'a> {
    inputs: Vec<JsonInput<'a>>,
    formula: &'a str,
    computed: Option<f64>,
    computed_interval: JsonInterval,
    claimed: JsonInterval,
    tolerance: Option<f64>,
}

#[derive(Serialize)]
struct JsonInput<'a> {
    name: &'a str,
    text: &'a str,
    value: Option<f64>,
    interval: JsonInterval,
    source: Option<&'a str>,
}

/// JSON has no infinity: an open end is `null`.
#[derive(Serialize)]
struct JsonInterval {
    low: Option<f64>,
    high: Option<f64>,
}

fn number(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

fn interval(i: Interval) -> JsonInterval {
    JsonInterval {
        low: number(i.low),
        high: number(i.high),
    }
}

/// One finding as JSON: positions 1-based, columns in characters, ends exclusive; offsets
/// are bytes into the text without its BOM.
fn finding<'a>(doc: &'a Document, f: &'a Finding) -> JsonFinding<'a> {
    let loc = Location::of(doc, f.span);
    let edit = f.edit().map(|e| {
        let at = Location::of(doc, e.span);
        JsonEdit {
            line: at.line,
            column: at.column,
            end_line: at.end_line,
            end_column: at.end_column,
            offset: e.span.start,
            end_offset: e.span.end,
            replacement: &e.replacement,
        }
    });
    JsonFinding {
        rule: &f.rule,
        origin: f.origin.as_str(),
        severity: f.severity.as_str(),
        file: display_path(doc),
        line: loc.line,
        column: loc.column,
        end_line: loc.end_line,
        end_column: loc.end_column,
        offset: f.span.start,
        end_offset: f.span.end,
        message: &f.message,
        found: &f.found,
        suggestion: f.suggestion.as_deref(),
        explanation: f.explanation.as_ref().map(explanation),
        notes: &f.notes,
        source: (!f.source.is_empty()).then(|| f.source.join("; ")),
        edit,
        related: f
            .related
            .iter()
            .map(|r| {
                let at = Location::of(doc, r.span);
                JsonRelated {
                    line: at.line,
                    column: at.column,
                    end_line: at.end_line,
                    end_column: at.end_column,
                    offset: r.span.start,
                    end_offset: r.span.end,
                    text: doc.text.get(r.span.range()).unwrap_or_default(),
                    message: &r.message,
                }
            })
            .collect(),
    }
}

fn explanation(e: &Explanation) -> JsonExplanation<'_> {
    JsonExplanation {
        inputs: e
            .inputs
            .iter()
            .map(|i| JsonInput {
                name: &i.name,
                text: &i.text,
                value: number(i.value),
                interval: interval(i.interval),
                source: i.source.as_deref(),
            })
            .collect(),
        formula: &e.formula,
        computed: number(e.computed),
        computed_interval: interval(e.computed_interval),
        claimed: interval(e.claimed),
        tolerance: number(e.tolerance),
    }
}

/// Pretty JSON nested `level` spaces deep. JSON strings never hold a raw newline, so
/// indenting after each newline cannot change a value.
fn indent<T: Serialize + ?Sized>(v: &T, level: usize) -> String {
    let pretty = serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".into());
    pretty.replace('\n', &format!("\n{}", " ".repeat(level)))
}
