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

use super::{FileError, FileReport, Sink, Totals, display_path};
use crate::check::{MentionStatus, Origin};
use crate::extract::Mention;

mod article;
mod detail;

use article::Page;

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
    use crate::check::{Edit, Explanation, Finding, Severity, Stats};
    use crate::finding::{Applicability, Fix};
    use crate::source::{Document, Span};
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
