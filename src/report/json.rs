//! `json`: every field of every finding, the fixes, per-file counts, the summary and the
//! sources that could not be used, under `"version": 1`. The schema is in `docs/json.md`;
//! add fields freely, but rename or remove one only with a new version.
//!
//! Findings are written as each file is checked, so the whole run is never held in memory.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{FileReport, Location, Sink, Totals, display_path};
use crate::check::{Explanation, Finding};
use crate::eval::Interval;
use crate::source::Document;

pub const VERSION: u32 = 1;

#[derive(Default)]
pub struct Json {
    wrote_finding: bool,
    files: Vec<Value>,
    fixes: Vec<Value>,
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
            self.fixes.push(json!({
                "file": path,
                "rule": fix.rule,
                "line": fix.line,
                "column": fix.column,
                "old": fix.old,
                "new": fix.new,
                "applied": fix.applied,
            }));
        }
        let s = &file.stats;
        self.files.push(json!({
            "file": path,
            "findings": file.findings.len(),
            "numbers_found": s.numbers_found,
            "numbers_checked": s.numbers_checked,
        }));
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write, t: &Totals, errors: &[String]) -> io::Result<()> {
        let close = if self.wrote_finding { "\n  ]" } else { "]" };
        let s = &t.stats;
        let summary = json!({
            "files": t.files,
            "errors": t.errors,
            "warnings": t.warnings,
            "infos": t.infos,
            "claims_held": s.claims_held,
            "claims_failed": s.claims_failed,
            "claims_unmatched": s.claims_unmatched,
            "term_findings": s.term_findings,
            "builtin_findings": s.builtin_findings,
            "numbers_found": s.numbers_found,
            "numbers_checked": s.numbers_checked,
            "coverage": t.coverage() / 100.0,
            "fixed": t.fixed,
        });
        writeln!(
            out,
            "{close},\n  \"fixes\": {},\n  \"files\": {},\n  \"summary\": {},\n  \"errors\": {}\n}}",
            indent(&Value::from(std::mem::take(&mut self.fixes)), 2),
            indent(&Value::from(std::mem::take(&mut self.files)), 2),
            indent(&summary, 2),
            indent(&json!(errors), 2),
        )
    }
}

/// One finding as JSON: positions 1-based, columns in characters, ends exclusive.
pub fn finding(doc: &Document, f: &Finding) -> Value {
    let loc = Location::of(doc, f.span);
    json!({
        "rule": f.rule,
        "origin": f.origin.as_str(),
        "severity": f.severity.as_str(),
        "file": display_path(doc),
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "offset": f.span.start,
        "end_offset": f.span.end,
        "message": f.message,
        "found": f.found,
        "suggestion": f.suggestion,
        "explanation": f.explanation.as_ref().map(explanation),
        "notes": f.notes,
        "source": f.source,
        "edit": f.edit.as_ref().map(|e| {
            let at = Location::of(doc, e.span);
            json!({
                "line": at.line,
                "column": at.column,
                "end_line": at.end_line,
                "end_column": at.end_column,
                "offset": e.span.start,
                "end_offset": e.span.end,
                "replacement": e.replacement,
            })
        }),
    })
}

fn explanation(e: &Explanation) -> Value {
    let inputs: Vec<Value> = e
        .inputs
        .iter()
        .map(|i| {
            json!({
                "name": i.name,
                "text": i.text,
                "value": number(i.value),
                "interval": interval(i.interval),
                "source": i.source,
            })
        })
        .collect();
    json!({
        "inputs": inputs,
        "formula": e.formula,
        "computed": number(e.computed),
        "computed_interval": interval(e.computed_interval),
        "claimed": interval(e.claimed),
        "tolerance": number(e.tolerance),
    })
}

/// JSON has no infinity: an open end is `null`.
fn number(v: f64) -> Value {
    if v.is_finite() { json!(v) } else { Value::Null }
}

fn interval(i: Interval) -> Value {
    json!({ "low": number(i.low), "high": number(i.high) })
}

/// Pretty JSON nested `level` spaces deep. JSON strings never hold a raw newline, so
/// indenting after each newline cannot change a value.
fn indent(v: &Value, level: usize) -> String {
    let pretty = serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".into());
    pretty.replace('\n', &format!("\n{}", " ".repeat(level)))
}
