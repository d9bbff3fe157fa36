//! `diff`: the report for people. Per finding, the location line, the explanation (inputs,
//! formula, computed and claimed values, tolerance), notes and citation, then the sentence
//! as written and as it should read, with the changed words highlighted; a summary closes
//! the report.
//!
//! Without colour the changed words are underlined with carets instead, so that CI logs and
//! snapshots still show them. Control characters from the article are shown as `�`, so an
//! article cannot send escape sequences to the reader's terminal.

use std::io::{self, Write};

use anstyle::{AnsiColor, Effects, Style};
use similar::{ChangeTag, TextDiff};

use super::text::{self, Excerpt};
use super::{FileError, FileReport, Location, Sink, Totals, char_floor, display_path};
use crate::check::{Explanation, Finding, Origin, Severity};
use crate::source::{Document, Span};

const BOLD: Style = Style::new().effects(Effects::BOLD);
const GUTTER: Style = AnsiColor::Blue.on_default().effects(Effects::BOLD);
const OLD: Style = AnsiColor::Red.on_default();
const OLD_CHANGED: Style = AnsiColor::Red
    .on_default()
    .effects(Effects::BOLD.insert(Effects::INVERT));
const NEW: Style = AnsiColor::Green.on_default();
const NEW_CHANGED: Style = AnsiColor::Green
    .on_default()
    .effects(Effects::BOLD.insert(Effects::INVERT));

pub struct Diff {
    color: bool,
}

impl Diff {
    pub fn new(color: bool) -> Diff {
        Diff { color }
    }

    fn paint(&self, style: Style, s: &str) -> String {
        if self.color && !s.is_empty() {
            format!("{}{s}{}", style.render(), style.render_reset())
        } else {
            s.to_string()
        }
    }

    fn severity(&self, s: Severity) -> String {
        let style = match s {
            Severity::Error => AnsiColor::Red,
            Severity::Warning => AnsiColor::Yellow,
            Severity::Info => AnsiColor::Cyan,
        }
        .on_default()
        .effects(Effects::BOLD);
        self.paint(style, s.as_str())
    }

    fn finding(&self, out: &mut dyn Write, doc: &Document, f: &Finding) -> io::Result<()> {
        let loc = Location::of(doc, f.span);
        let head = format!(
            "{}:{}:{}:",
            crate::escape::control(&display_path(doc)),
            loc.line,
            loc.column
        );
        writeln!(
            out,
            "{} {}{}: {}",
            self.paint(BOLD, &head),
            self.severity(f.severity),
            self.paint(BOLD, &format!("[{}]", f.rule)),
            clean(&f.message)
        )?;
        let label = |name: &str| self.paint(GUTTER, &format!("  = {name:<9}"));
        if let Some(e) = &f.explanation {
            self.explanation(out, e, &label)?;
        }
        for note in &f.notes {
            writeln!(out, "{}{}", label("note"), clean(note))?;
        }
        if f.edit().is_none()
            && let Some(s) = &f.suggestion
        {
            writeln!(out, "{}`{}`", label("suggest"), clean(s))?;
        }
        if !f.source.is_empty() {
            writeln!(out, "{}{}", label("source"), clean(&f.source.join("; ")))?;
        }
        // A claim that matched nowhere has no place in the text to show.
        if f.origin != Origin::Unmatched {
            self.excerpt(out, doc, f)?;
        }
        self.related(out, doc, f)?;
        writeln!(out)
    }

    fn explanation(
        &self,
        out: &mut dyn Write,
        e: &Explanation,
        label: &dyn Fn(&str) -> String,
    ) -> io::Result<()> {
        for (i, input) in e.inputs.iter().enumerate() {
            let mut line = format!("{} = {}", input.name, clean(&input.text));
            let value = text::number(input.value);
            if !input.text.replace(',', "").contains(&value) {
                line.push_str(&format!(" = {value}"));
            }
            if input.interval.low != input.interval.high {
                line.push_str(&format!(" ∈ {}", text::interval(input.interval)));
            }
            if let Some(source) = &input.source {
                line.push_str(&format!("  ({})", clean(source)));
            }
            let head = if i == 0 {
                label("inputs")
            } else {
                " ".repeat(14)
            };
            writeln!(out, "{head}{line}")?;
        }
        writeln!(out, "{}{}", label("formula"), clean(&e.formula))?;
        let mut computed = text::number(e.computed);
        if e.computed_interval.low != e.computed_interval.high {
            computed.push_str(&format!(" ∈ {}", text::interval(e.computed_interval)));
        }
        writeln!(out, "{}{computed}", label("computed"))?;
        writeln!(
            out,
            "{}{} (tolerance {})",
            label("claimed"),
            text::interval(e.claimed),
            text::percent(e.tolerance)
        )
    }

    /// The sentence as written and, when there is an edit, as it should read.
    fn excerpt(&self, out: &mut dyn Write, doc: &Document, f: &Finding) -> io::Result<()> {
        let t = &doc.text;
        let span = clamp(t, f.span);
        let edit = f.edit().map(|e| (clamp(t, e.span), e.replacement.as_str()));
        let focus = edit.map_or(span, |(s, _)| span.cover(s));
        let ex = text::excerpt(t, focus);
        let line = doc.lines.line_of(ex.span.start) + 1;
        let gutter = " ".repeat(digits(doc.lines.line_of(ex.span.end) + 1));
        let bar = self.paint(GUTTER, &format!("  {gutter} |"));
        let (before, after) = marks(ex);
        let old = &t[ex.span.range()];
        let Some((edit_span, replacement)) = edit else {
            return self.underline(out, doc, span);
        };
        let new = format!(
            "{}{replacement}{}",
            &t[ex.span.start..edit_span.start],
            &t[edit_span.end..ex.span.end]
        );
        let (old, new) = (clean(old), clean(&new));
        let diff = TextDiff::from_unicode_words(old.as_str(), new.as_str());
        let (mut minus, mut plus) = (Painted::default(), Painted::default());
        let (mut del_marks, mut ins_marks) = (String::new(), String::new());
        for change in diff.iter_all_changes() {
            let v = change.value();
            let w = text::width(v);
            match change.tag() {
                ChangeTag::Equal => {
                    minus.push(OLD, v);
                    plus.push(NEW, v);
                    del_marks += &" ".repeat(w);
                    ins_marks += &" ".repeat(w);
                }
                ChangeTag::Delete => {
                    minus.push(OLD_CHANGED, v);
                    del_marks += &"^".repeat(w);
                }
                ChangeTag::Insert => {
                    plus.push(NEW_CHANGED, v);
                    ins_marks += &"^".repeat(w);
                }
            }
        }
        let (minus, plus) = (minus.finish(self), plus.finish(self));
        let w = gutter.len();
        writeln!(out, "{bar}")?;
        let sign = |s: &str, style| self.paint(style, &format!("  {line:>w$} {s}"));
        writeln!(out, "{} {before}{minus}{after}", sign("-", OLD))?;
        writeln!(out, "{} {before}{plus}{after}", sign("+", NEW))?;
        if !self.color {
            // Show the change where colour cannot: under the new text, or under the old
            // when the edit only deletes.
            let marks = if ins_marks.contains('^') {
                ins_marks
            } else {
                del_marks
            };
            let marks = " ".repeat(text::width(before)) + marks.trim_end();
            writeln!(out, "{bar} {marks}")?;
        }
        Ok(())
    }

    /// The sentence around `span` with the span underlined by carets.
    fn underline(&self, out: &mut dyn Write, doc: &Document, span: Span) -> io::Result<()> {
        let t = &doc.text;
        let span = clamp(t, span);
        let ex = text::excerpt(t, span);
        let line = doc.lines.line_of(ex.span.start) + 1;
        let gutter = " ".repeat(digits(doc.lines.line_of(ex.span.end) + 1));
        let bar = self.paint(GUTTER, &format!("  {gutter} |"));
        let (before, after) = marks(ex);
        writeln!(out, "{bar}")?;
        let num = self.paint(GUTTER, &format!("  {line:>w$} |", w = gutter.len()));
        writeln!(out, "{num} {before}{}{after}", clean(&t[ex.span.range()]))?;
        let lead = text::width(&clean(&t[ex.span.start..span.start]));
        let len = text::width(&clean(&t[span.range()])).max(1);
        let carets = " ".repeat(text::width(before) + lead) + &"^".repeat(len);
        writeln!(out, "{bar} {}", self.paint(BOLD, &carets))
    }

    /// The other places a finding rests on, each with its line: "first stated here".
    fn related(&self, out: &mut dyn Write, doc: &Document, f: &Finding) -> io::Result<()> {
        for r in &f.related {
            let at = Location::of(doc, r.span);
            let head = self.paint(GUTTER, &format!("  = {:<9}", "also"));
            writeln!(
                out,
                "{head}{}:{}: {}",
                at.line,
                at.column,
                clean(&r.message)
            )?;
            self.underline(out, doc, r.span)?;
        }
        Ok(())
    }
}

impl Sink for Diff {
    fn fixes(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let path = crate::escape::control(&display_path(&file.doc)).into_owned();
        for fix in &file.fixes {
            let what = if fix.applied { "fixed" } else { "not fixed" };
            let why = if fix.applied {
                ""
            } else {
                " (overlaps another fix)"
            };
            writeln!(
                out,
                "{} {path}:{}:{} {}: `{}` → `{}`{why}",
                self.paint(BOLD, what),
                fix.line,
                fix.column,
                fix.rule,
                clean(&fix.old),
                clean(&fix.new)
            )?;
        }
        if !file.fixes.is_empty() {
            writeln!(out)?;
        }
        Ok(())
    }

    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        for f in &file.findings {
            self.finding(out, &file.doc, f)?;
        }
        Ok(())
    }

    fn summary(&mut self, out: &mut dyn Write, t: &Totals, errors: &[FileError]) -> io::Result<()> {
        let s = &t.stats;
        let findings = t.errors + t.warnings + t.infos;
        writeln!(
            out,
            "{} {} {}, {} {} ({} {}, {} {}, {} info)",
            self.paint(BOLD, "summary:"),
            t.files,
            plural(t.files, "file", "files"),
            findings,
            plural(findings, "finding", "findings"),
            t.errors,
            plural(t.errors, "error", "errors"),
            t.warnings,
            plural(t.warnings, "warning", "warnings"),
            t.infos,
        )?;
        let label = |name: &str| self.paint(GUTTER, &format!("  {name:<9}"));
        writeln!(
            out,
            "{}{} held, {} failed, {} unmatched",
            label("claims"),
            s.claims_held,
            s.claims_failed,
            s.claims_unmatched
        )?;
        let (terms, builtins) = (s.term_findings, s.builtin_findings);
        let findings = |n| plural(n, "finding", "findings");
        writeln!(out, "{}{terms} {}", label("terms"), findings(terms))?;
        writeln!(
            out,
            "{}{builtins} {}",
            label("built-in"),
            findings(builtins)
        )?;
        writeln!(
            out,
            "{}{} found, {} checked ({:.1}% coverage)",
            label("numbers"),
            s.numbers_found,
            s.numbers_checked,
            t.coverage()
        )?;
        if s.sentences_skipped > 0 {
            writeln!(
                out,
                "{}{} {} too long for the sentence checks (over 8 KB or 64 figures)",
                label("skipped"),
                s.sentences_skipped,
                plural(s.sentences_skipped, "sentence", "sentences")
            )?;
        }
        if t.fixed > 0 {
            let edits = plural(t.fixed, "edit", "edits");
            writeln!(out, "{}{} {edits} applied", label("fixed"), t.fixed)?;
        }
        if !errors.is_empty() {
            let style = AnsiColor::Red.on_default().effects(Effects::BOLD);
            writeln!(
                out,
                "{}{} {} could not be used (see the errors above)",
                self.paint(style, &format!("  {:<9}", "errors")),
                errors.len(),
                plural(errors.len(), "source", "sources")
            )?;
        }
        Ok(())
    }
}

/// Text in runs of one style each, so that a line is styled once per run rather than
/// once per word.
#[derive(Default)]
struct Painted {
    runs: Vec<(Style, String)>,
}

impl Painted {
    fn push(&mut self, style: Style, s: &str) {
        match self.runs.last_mut() {
            Some((last, run)) if *last == style => run.push_str(s),
            _ => self.runs.push((style, s.to_string())),
        }
    }

    fn finish(self, diff: &Diff) -> String {
        self.runs
            .iter()
            .map(|(style, s)| diff.paint(*style, s))
            .collect()
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

fn digits(n: usize) -> usize {
    n.to_string().len()
}

/// `span` moved inside `text` onto character boundaries.
fn clamp(text: &str, span: Span) -> Span {
    let start = char_floor(text, span.start);
    Span::new(start, char_floor(text, span.end).max(start))
}

fn marks(ex: Excerpt) -> (&'static str, &'static str) {
    (
        if ex.cut_before { "…" } else { "" },
        if ex.cut_after { "…" } else { "" },
    )
}

/// Text from the article made safe to print: control characters (escape sequences, stray
/// carriage returns) become `�`, tabs a space, so columns and the terminal stay intact.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' => ' ',
            '\n' => '⏎',
            c if c.is_control() => '�',
            c => c,
        })
        .collect()
}
