//! `html`: one self-contained page per run. Each article as it reads, every numeric mention
//! marked by its status (held by a claim, failed, checked by a built-in, unchecked), term
//! and wording findings underlined; clicking a mark opens the finding's explanation and the
//! sentence as it should read. A summary with the coverage and the counts, a filter by status
//! and keyboard navigation between findings (`j`/`k`, `n`/`p`) sit at the top.
//!
//! The page needs no network: the CSS and the script are inline (`html.css`, `html.js`), and
//! a Content-Security-Policy forbids loading anything. Every piece of text from an article, a
//! rule or a path goes through [`escape`], so an article holding `<script>` shows it as text.
//!
//! The page is written at the end of the run, because the summary comes first; each file's
//! section is rendered as the file comes and kept as a string until then.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::text;
use super::{FileError, FileReport, Location, Sink, Totals, char_floor, display_path};
use crate::check::MentionStatus;
use crate::check::{Explanation, Finding, Origin};
use crate::extract::Mention;
use crate::source::{Document, Span};

const CSS: &str = include_str!("html.css");
const SCRIPT: &str = include_str!("html.js");

/// What became of one numeric mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// A claim checked it and it holds.
    Held,
    /// A claim or a built-in check found it wrong.
    Failed,
    /// A built-in check examined it (and found nothing wrong with the figure).
    Builtin,
    /// Nothing checked it.
    Unchecked,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Held,
        Status::Failed,
        Status::Builtin,
        Status::Unchecked,
    ];

    /// The class and `data-status` value the page uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Failed => "failed",
            Status::Builtin => "builtin",
            Status::Unchecked => "unchecked",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Status::Held => "held by a claim",
            Status::Failed => "failed",
            Status::Builtin => "checked by a built-in",
            Status::Unchecked => "unchecked",
        }
    }
}

/// One quantity mention with what became of it.
pub struct Number<'a> {
    pub mention: &'a Mention,
    pub status: Status,
    /// The claim or built-in check that examined it.
    pub by: Option<&'a str>,
}

/// The quantity mentions of `file` with their statuses, in order: what the engine's
/// coverage says examined each (a claim, a built-in, nothing), and failed where a finding
/// that carries a computation (a failed claim, a built-in's failed relation) covers a
/// number that was checked. A wording finding (no computation) leaves its number's status
/// as it was.
pub fn numbers(file: &FileReport) -> Vec<Number<'_>> {
    file.mentions
        .iter()
        .zip(&file.coverage.statuses)
        .filter_map(|(m, status)| {
            let (status, by) = match status {
                MentionStatus::NotQuantity => return None,
                MentionStatus::Unchecked => (Status::Unchecked, None),
                MentionStatus::Claim(id) => (Status::Held, Some(id.as_str())),
                MentionStatus::Builtin(b) => (Status::Builtin, Some(b.id())),
            };
            let failed = status != Status::Unchecked
                && file.findings.iter().any(|f| {
                    f.explanation.is_some()
                        && matches!(f.origin, Origin::Claim | Origin::Builtin(_))
                        && (f.span.overlaps(m.span) || m.span.contains(f.span))
                });
            let status = if failed { Status::Failed } else { status };
            Some(Number {
                mention: m,
                status,
                by,
            })
        })
        .collect()
}

#[derive(Default)]
pub struct Html {
    /// Each file's section, rendered as it came.
    sections: Vec<String>,
    /// The hidden explanations the marks open, for every file.
    details: String,
    counts: [usize; 4],
    findings: usize,
    /// Each file's path and its number of findings, for the list of articles.
    toc: Vec<(String, usize)>,
}

impl Sink for Html {
    fn file(&mut self, _out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let numbers = numbers(file);
        for n in &numbers {
            self.counts[n.status as usize] += 1;
        }
        let page = Page {
            file_index: self.sections.len(),
            first_finding: self.findings,
            file,
            numbers: &numbers,
        };
        self.sections.push(page.section());
        self.toc
            .push((display_path(&file.doc), file.findings.len()));
        page.details(&mut self.details);
        self.findings += file.findings.len();
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write, t: &Totals, errors: &[FileError]) -> io::Result<()> {
        let mut html = String::with_capacity(
            CSS.len()
                + SCRIPT.len()
                + self.details.len()
                + self.sections.iter().map(String::len).sum::<usize>()
                + 8192,
        );
        html.push_str(
            "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n",
        );
        html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // Nothing may be fetched: the page is one file that works offline and leaks nothing.
        html.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        html.push_str("<meta name=\"generator\" content=\"factlint ");
        html.push_str(env!("CARGO_PKG_VERSION"));
        html.push_str("\">\n<title>factlint report</title>\n<style>\n");
        html.push_str(CSS);
        html.push_str("</style>\n</head>\n<body>\n");
        self.header(&mut html, t, errors);
        html.push_str("<main>\n");
        for s in &self.sections {
            html.push_str(s);
        }
        if self.sections.is_empty() {
            html.push_str("<p class=\"empty\">No article was checked.</p>\n");
        }
        html.push_str("</main>\n<aside id=\"panel\" hidden aria-live=\"polite\"><button type=\"button\" class=\"close\" aria-label=\"close\">×</button><div id=\"panel-body\"></div></aside>\n");
        html.push_str("<div id=\"details\" hidden>\n");
        html.push_str(&self.details);
        html.push_str("</div>\n<script>\n");
        html.push_str(SCRIPT);
        html.push_str("</script>\n</body>\n</html>\n");
        out.write_all(html.as_bytes())
    }
}

impl Html {
    fn header(&self, html: &mut String, t: &Totals, errors: &[FileError]) {
        let s = &t.stats;
        let _ = write!(
            html,
            "<header>\n<h1>factlint report</h1>\n<p class=\"meta\">{} {} checked · {} {} · factlint {} · <a href=\"{}\">{}</a></p>\n",
            t.files,
            plural(t.files, "article", "articles"),
            t.errors + t.warnings + t.infos,
            plural(t.errors + t.warnings + t.infos, "finding", "findings"),
            env!("CARGO_PKG_VERSION"),
            escape(env!("CARGO_PKG_REPOSITORY")),
            escape(env!("CARGO_PKG_REPOSITORY")),
        );
        let coverage = t.coverage();
        let _ = write!(
            html,
            "<div class=\"cards\">\n<div class=\"card\" id=\"coverage\"><div class=\"big\">{coverage:.1}%</div><div class=\"what\">{} of {} numbers checked</div><div class=\"bar\"><span style=\"width:{coverage:.1}%\"></span></div></div>\n",
            s.numbers_checked, s.numbers_found
        );
        let _ = writeln!(
            html,
            "<div class=\"card\"><div class=\"big\"><span class=\"sev error\">{}</span> <span class=\"sev warning\">{}</span> <span class=\"sev info\">{}</span></div><div class=\"what\">errors · warnings · info</div></div>",
            t.errors, t.warnings, t.infos
        );
        let _ = write!(
            html,
            "<div class=\"card claims\"><div class=\"big\">{} <small>held</small> {} <small>failed</small> {} <small>unmatched</small></div><div class=\"what\">claims · {} term, {} built-in {}</div></div>\n</div>\n",
            s.claims_held,
            s.claims_failed,
            s.claims_unmatched,
            s.term_findings,
            s.builtin_findings,
            plural(s.builtin_findings, "finding", "findings")
        );
        if !errors.is_empty() {
            html.push_str("<ul class=\"errors\">\n");
            for e in errors {
                let _ = writeln!(html, "<li>{}</li>", escape(&e.to_string()));
            }
            html.push_str("</ul>\n");
        }
        html.push_str("<form class=\"filters\" aria-label=\"show numbers by status\">\n");
        for status in Status::ALL {
            let _ = writeln!(
                html,
                "<label><input type=\"checkbox\" value=\"{0}\" checked> <span class=\"n {0}\">{1}</span> <b class=\"count\" data-count=\"{0}\">{2}</b></label>",
                status.as_str(),
                status.label(),
                self.counts[status as usize]
            );
        }
        let _ = writeln!(
            html,
            "<label><input type=\"checkbox\" value=\"wording\" checked> <span class=\"u warning\">terms and wording</span> <b class=\"count\" data-count=\"wording\">{}</b></label>",
            s.term_findings
        );
        html.push_str("</form>\n");
        if self.toc.len() > 1 {
            html.push_str("<nav class=\"toc\"><ol>\n");
            for (i, (path, findings)) in self.toc.iter().enumerate() {
                let _ = writeln!(
                    html,
                    "<li><a href=\"#file-{i}\">{}</a> <span class=\"count\">{findings} {}</span></li>",
                    escape(path),
                    plural(*findings, "finding", "findings")
                );
            }
            html.push_str("</ol></nav>\n");
        }
        html.push_str("<p class=\"keys\"><kbd>j</kbd>/<kbd>n</kbd> next finding · <kbd>k</kbd>/<kbd>p</kbd> previous · <kbd>Esc</kbd> close · click any number for how it reads</p>\n</header>\n");
    }
}

/// One file's part of the page.
struct Page<'a> {
    file_index: usize,
    /// The run-wide index of the file's first finding (finding ids are `f{index}`).
    first_finding: usize,
    file: &'a FileReport,
    numbers: &'a [Number<'a>],
}

/// What covers a stretch of text: at most one mention, any number of findings.
#[derive(Clone, Copy)]
enum Mark {
    Mention(usize),
    Finding(usize),
}

impl Page<'_> {
    fn doc(&self) -> &Document {
        &self.file.doc
    }

    fn finding_id(&self, i: usize) -> String {
        format!("f{}", self.first_finding + i)
    }

    fn mention_id(&self, i: usize) -> String {
        format!("m{}-{i}", self.file_index)
    }

    /// The finding that made mention `i` fail, if any (its mark opens it).
    fn failing(&self, i: usize) -> Option<usize> {
        let m = self.numbers[i].mention;
        self.file.findings.iter().position(|f| {
            f.explanation.is_some() && (f.span.overlaps(m.span) || m.span.contains(f.span))
        })
    }

    fn section(&self) -> String {
        let doc = self.doc();
        let t = &doc.text;
        let mut html = String::with_capacity(t.len() * 2);
        let _ = writeln!(
            html,
            "<section class=\"file\" id=\"file-{}\">\n<h2 class=\"path\">{}</h2>",
            self.file_index,
            escape(&display_path(doc))
        );
        // Findings with no place in the text (a claim that matched nowhere).
        let loose: Vec<usize> = (0..self.file.findings.len())
            .filter(|&i| self.file.findings[i].origin == Origin::Unmatched)
            .collect();
        if !loose.is_empty() {
            html.push_str("<ul class=\"loose\">\n");
            for i in loose {
                let f = &self.file.findings[i];
                let _ = writeln!(
                    html,
                    "<li><span class=\"u {}\" data-f=\"{}\" tabindex=\"0\">{}</span> {}</li>",
                    f.severity,
                    self.finding_id(i),
                    escape(&f.rule),
                    escape(&f.message)
                );
            }
            html.push_str("</ul>\n");
        }
        // Each mark filed under the lines it touches, so a line looks at its own marks only.
        let lines = &doc.lines;
        let mut by_line: Vec<Vec<(Span, Mark)>> = vec![Vec::new(); lines.line_of(t.len()) + 1];
        for (span, mark) in self.marks() {
            let last = lines.line_of(span.end.saturating_sub(1).max(span.start));
            for marks in by_line
                .iter_mut()
                .take(last + 1)
                .skip(lines.line_of(span.start))
            {
                marks.push((span, mark));
            }
        }
        html.push_str("<div class=\"article\">\n");
        let mut start = 0;
        let mut line_no = 0;
        // The empty line after a final newline is not a line of the article.
        while start < t.len() || (start == 0 && t.is_empty()) {
            let end = t[start..].find('\n').map_or(t.len(), |i| start + i);
            line_no += 1;
            let content_end = if t[start..end].ends_with('\r') {
                end - 1
            } else {
                end
            };
            let marks = by_line.get(line_no - 1).map_or(&[][..], Vec::as_slice);
            self.line(&mut html, marks, Span::new(start, content_end), line_no);
            if end == t.len() {
                break;
            }
            start = end + 1;
        }
        html.push_str("</div>\n</section>\n");
        html
    }

    /// Spans with what marks them, mentions and findings, clamped to char boundaries.
    fn marks(&self) -> Vec<(Span, Mark)> {
        let t = &self.doc().text;
        let clamp = |s: Span| {
            let start = char_floor(t, s.start);
            Span::new(start, char_floor(t, s.end).max(start))
        };
        let mut marks: Vec<(Span, Mark)> = self
            .numbers
            .iter()
            .enumerate()
            .map(|(i, n)| (clamp(n.mention.span), Mark::Mention(i)))
            .collect();
        for (i, f) in self.file.findings.iter().enumerate() {
            if f.origin != Origin::Unmatched {
                let mut span = clamp(f.span);
                if span.is_empty() {
                    // An empty span still needs something to click: the character after it.
                    let next = t[span.start..].chars().next().map_or(0, char::len_utf8);
                    span = Span::new(span.start, span.start + next);
                }
                marks.push((span, Mark::Finding(i)));
            }
        }
        marks
    }

    /// One line of the article, its marks cut at the line's ends and nested per stretch.
    fn line(&self, html: &mut String, marks: &[(Span, Mark)], line: Span, line_no: usize) {
        let t = &self.doc().text;
        let raw = &t[line.range()];
        if raw.trim().is_empty() {
            html.push_str("<div class=\"gap\"></div>\n");
            return;
        }
        let on_line: Vec<(Span, Mark)> = marks
            .iter()
            .filter(|(s, _)| s.start < line.end && s.end > line.start)
            .map(|&(s, m)| (Span::new(s.start.max(line.start), s.end.min(line.end)), m))
            .collect();
        // A Markdown heading reads as a heading: its `#`s are left out unless marked.
        let hashes = raw.bytes().take_while(|&b| b == b'#').count();
        let heading = (1..=6).contains(&hashes) && raw[hashes..].starts_with(' ');
        let mut from = line.start;
        if heading && on_line.iter().all(|(s, _)| s.start > line.start + hashes) {
            from = line.start + hashes + 1;
        }
        let class = if heading {
            format!("l h{hashes}")
        } else {
            "l".to_string()
        };
        let _ = write!(
            html,
            "<div class=\"{class}\"><span class=\"ln\" aria-hidden=\"true\">{line_no}</span><span class=\"tx\">"
        );
        let mut cuts: Vec<usize> = vec![from, line.end];
        for (s, _) in &on_line {
            cuts.push(s.start.max(from));
            cuts.push(s.end.max(from));
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let piece = Span::new(pair[0], pair[1]);
            if piece.is_empty() {
                continue;
            }
            let covering: Vec<Mark> = on_line
                .iter()
                .filter(|(s, _)| s.start <= piece.start && s.end >= piece.end)
                .map(|&(_, m)| m)
                .collect();
            let mut close = String::new();
            for m in covering.iter().filter(|m| matches!(m, Mark::Finding(_))) {
                let Mark::Finding(i) = *m else { continue };
                let f = &self.file.findings[i];
                // Failed figures are marked red on the number itself; the rest underlined.
                let class = if f.explanation.is_some() { "x" } else { "u" };
                let _ = write!(
                    html,
                    "<span class=\"{class} {}\" data-f=\"{}\" tabindex=\"0\">",
                    f.severity,
                    self.finding_id(i)
                );
                close.push_str("</span>");
            }
            if let Some(Mark::Mention(i)) = covering.iter().find(|m| matches!(m, Mark::Mention(_)))
            {
                let status = self.numbers[*i].status;
                let failing = self
                    .failing(*i)
                    .map(|f| format!(" data-f=\"{}\"", self.finding_id(f)))
                    .unwrap_or_default();
                let _ = write!(
                    html,
                    "<mark class=\"n {0}\" data-status=\"{0}\" data-m=\"{1}\"{failing}>{2}</mark>",
                    status.as_str(),
                    self.mention_id(*i),
                    escape(&t[piece.range()])
                );
            } else {
                html.push_str(&escape(&t[piece.range()]));
            }
            html.push_str(&close);
        }
        html.push_str("</span></div>\n");
    }

    /// The hidden explanations: one per finding, one per mention.
    fn details(&self, html: &mut String) {
        for (i, f) in self.file.findings.iter().enumerate() {
            self.finding_detail(html, i, f);
        }
        for (i, n) in self.numbers.iter().enumerate() {
            let (m, status) = (n.mention, n.status);
            let _ = write!(
                html,
                "<div class=\"detail mention\" id=\"{}\"><h3><mark class=\"n {}\">{}</mark> <span class=\"status\">{}</span></h3><dl>",
                self.mention_id(i),
                status.as_str(),
                escape(&self.doc().text[m.span.range()]),
                status.label()
            );
            if let Some(by) = n.by {
                dl(html, "checked by", &format!("<code>{}</code>", escape(by)));
            }
            dl(html, "kind", &escape(m.kind.as_str()));
            let unit = m
                .unit
                .as_deref()
                .map(|u| format!(" {}", escape(u)))
                .unwrap_or_default();
            dl(html, "value", &format!("{}{unit}", text::number(m.value)));
            dl(html, "asserts", &escape(&text::interval(m.interval)));
            if let Some(h) = m.hedge {
                dl(html, "hedge", h.as_str());
            }
            html.push_str("</dl></div>\n");
        }
    }

    fn finding_detail(&self, html: &mut String, i: usize, f: &Finding) {
        let doc = self.doc();
        let loc = Location::of(doc, f.span);
        let _ = write!(
            html,
            "<div class=\"detail finding\" id=\"{}\"><h3><span class=\"sev {}\">{}</span> <code>{}</code></h3><p class=\"where\">{}:{}:{}</p><p class=\"msg\">{}</p>",
            self.finding_id(i),
            f.severity,
            f.severity,
            escape(&f.rule),
            escape(&display_path(doc)),
            loc.line,
            loc.column,
            escape(&f.message)
        );
        if let Some(e) = &f.explanation {
            explanation(html, e);
        }
        for note in &f.notes {
            let _ = write!(html, "<p class=\"note\">{}</p>", escape(note));
        }
        for source in &f.source {
            let _ = write!(html, "<p class=\"cite\">source: {}</p>", escape(source));
        }
        if f.origin != Origin::Unmatched {
            self.sentence(html, f);
        }
        html.push_str("</div>\n");
    }

    /// The sentence as written and, when the finding has a fix or a suggestion, as it
    /// should read.
    fn sentence(&self, html: &mut String, f: &Finding) {
        let t = &self.doc().text;
        let clamp = |s: Span| {
            let start = char_floor(t, s.start);
            Span::new(start, char_floor(t, s.end).max(start))
        };
        let span = clamp(f.span);
        // Any suggested rewrite is shown, also one `--fix` would not apply on its own.
        let edit = f
            .fix
            .as_ref()
            .and_then(|x| x.edits.first())
            .map(|e| (clamp(e.span), e.replacement.as_str()));
        let focus = edit.map_or(span, |(s, _)| span.cover(s));
        let ex = text::excerpt(t, focus).span;
        let (cut, tag) = edit.map_or((span, "mark"), |(s, _)| (s, "del"));
        let _ = write!(
            html,
            "<div class=\"sentence\"><div class=\"old\"><span class=\"tag\">as written</span>{}<{tag}>{}</{tag}>{}</div>",
            escape(&t[ex.start..cut.start]),
            escape(&t[cut.range()]),
            escape(&t[cut.end..ex.end])
        );
        match (edit, &f.suggestion) {
            (Some((s, replacement)), _) => {
                let _ = write!(
                    html,
                    "<div class=\"new\"><span class=\"tag\">should read</span>{}<ins>{}</ins>{}</div>",
                    escape(&t[ex.start..s.start]),
                    escape(replacement),
                    escape(&t[s.end..ex.end])
                );
            }
            (None, Some(suggestion)) => {
                let _ = write!(
                    html,
                    "<div class=\"new\"><span class=\"tag\">suggestion</span><ins>{}</ins></div>",
                    escape(suggestion)
                );
            }
            (None, None) => {}
        }
        html.push_str("</div>");
    }
}

fn explanation(html: &mut String, e: &Explanation) {
    html.push_str("<dl class=\"why\">");
    let mut inputs = String::from("<ul>");
    for input in &e.inputs {
        let mut line = format!(
            "<code>{}</code> = {}",
            escape(&input.name),
            escape(&input.text)
        );
        let value = text::number(input.value);
        if !input.text.replace(',', "").contains(&value) {
            let _ = write!(line, " = {value}");
        }
        if input.interval.low != input.interval.high {
            let _ = write!(line, " ∈ {}", text::interval(input.interval));
        }
        if let Some(source) = &input.source {
            let _ = write!(line, " <cite>{}</cite>", escape(source));
        }
        let _ = write!(inputs, "<li>{line}</li>");
    }
    inputs.push_str("</ul>");
    dl(html, "inputs", &inputs);
    dl(
        html,
        "formula",
        &format!("<code>{}</code>", escape(&e.formula)),
    );
    let mut computed = text::number(e.computed);
    if e.computed_interval.low != e.computed_interval.high {
        let _ = write!(computed, " ∈ {}", text::interval(e.computed_interval));
    }
    dl(html, "computed", &escape(&computed));
    dl(
        html,
        "claimed",
        &format!(
            "{} (tolerance {})",
            escape(&text::interval(e.claimed)),
            text::percent(e.tolerance)
        ),
    );
    html.push_str("</dl>");
}

/// A term and its description; `value` is HTML already.
fn dl(html: &mut String, term: &str, value: &str) {
    let _ = write!(html, "<dt>{term}</dt><dd>{value}</dd>");
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// `s` as HTML text or attribute value: `&`, `<`, `>`, `"` and `'` escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Edit, Severity, Stats};
    use crate::finding::{Applicability, Fix};
    use std::path::Path;

    const TEXT: &str = "# 标题 <b>\n\n收入增长了 20%,比去年增加了三倍,达到 <i>3.8 亿美元</i>。\n";

    fn span(needle: &str) -> Span {
        let i = TEXT.find(needle).unwrap();
        Span::new(i, i + needle.len())
    }

    fn page() -> String {
        let doc = Document::from_text(Path::new("a<b>.md"), TEXT);
        let mut wrong = Finding::new(
            "claim_x",
            Origin::Claim,
            Severity::Error,
            span("20%"),
            "20%",
            "`20%` does not match",
        );
        wrong.explanation = Some(Explanation {
            inputs: Vec::new(),
            formula: "x ~ a < b".into(),
            computed: 0.3,
            computed_interval: crate::eval::Interval::point(0.3),
            claimed: crate::eval::Interval::new(0.195, 0.205),
            tolerance: 0.05,
        });
        wrong.fix = Some(Fix::new(
            Edit {
                span: span("20"),
                replacement: "30".into(),
            },
            Applicability::Safe,
        ));
        let term = Finding::new(
            "wording",
            Origin::Term,
            Severity::Warning,
            span("增加了三倍"),
            "增加了三倍",
            "say <it> plainly",
        );
        let mentions = crate::extract::extract(&doc.masked, &Default::default());
        let statuses = mentions
            .iter()
            .map(|m| match &TEXT[m.span.range()] {
                _ if !m.kind.is_quantity() => MentionStatus::NotQuantity,
                "20%" => MentionStatus::Claim("claim_x".into()),
                _ => MentionStatus::Unchecked,
            })
            .collect();
        let mut file = FileReport::new(doc, vec![wrong, term], Stats::default());
        file.mentions = mentions;
        file.coverage.statuses = statuses;
        let mut out = Vec::new();
        let mut html = Html::default();
        html.file(&mut out, &file).unwrap();
        html.end(&mut out, &Totals::default(), &[]).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn marks_nest_inside_findings_and_text_stays_text() {
        let page = page();
        let main = &page[page.find("<main>").unwrap()..page.find("</main>").unwrap()];
        // The heading's `#` is gone, its markup is text.
        assert!(main.contains("<div class=\"l h1\">"), "{main}");
        assert!(main.contains("标题 &lt;b&gt;"), "{main}");
        assert!(main.contains("&lt;i&gt;"), "{main}");
        assert!(!main.contains("<b>") && !main.contains("<i>"), "{main}");
        // The failed figure is red and opens its finding; the wording is underlined, and
        // the multiple inside it is still marked as a number.
        assert!(
            main.contains("data-status=\"failed\" data-m=\"m0-0\" data-f=\"f0\">20%</mark>"),
            "{main}"
        );
        let wording = main
            .find("<span class=\"u warning\" data-f=\"f1\"")
            .unwrap();
        assert!(
            main[wording..].starts_with(
                "<span class=\"u warning\" data-f=\"f1\" tabindex=\"0\">增加了</span>"
            ),
            "{}",
            &main[wording..]
        );
        assert!(
            main.contains(
                "<mark class=\"n unchecked\" data-status=\"unchecked\" data-m=\"m0-1\">三倍</mark>"
            ),
            "{main}"
        );
        // The path and the messages are escaped wherever they go.
        assert!(page.contains("a&lt;b&gt;.md") && !page.contains("a<b>.md"));
        assert!(page.contains("say &lt;it&gt; plainly"));
        assert!(page.contains("<code>x ~ a &lt; b</code>"));
        // The sentence as it should read.
        assert!(
            page.contains("<del>20</del>%") && page.contains("<ins>30</ins>%"),
            "{page}"
        );
    }

    #[test]
    fn counts_and_the_script_are_there() {
        let page = page();
        assert!(page.contains("data-count=\"failed\">1</b>"));
        assert!(page.contains("data-count=\"unchecked\">2</b>"));
        assert!(page.contains("data-count=\"held\">0</b>"));
        assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
        assert!(page.contains("default-src 'none'"));
        assert!(page.contains("data-ready"));
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
    }
}
