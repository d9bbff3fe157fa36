//! One article as it reads: each line with its numbers marked by status and its findings
//! underlined, the marks cut at line ends and nested per stretch of text.

use std::fmt::Write as _;

use super::{Number, escape};
use crate::check::Origin;
use crate::report::{FileReport, char_floor, display_path};
use crate::source::{Document, Span};

/// One file's part of the page.
pub(super) struct Page<'a> {
    pub(super) file_index: usize,
    /// The run-wide index of the file's first finding (finding ids are `f{index}`).
    pub(super) first_finding: usize,
    pub(super) file: &'a FileReport,
    pub(super) numbers: &'a [Number<'a>],
}

/// What covers a stretch of text: at most one mention, any number of findings.
#[derive(Clone, Copy)]
enum Mark {
    Mention(usize),
    Finding(usize),
}

impl Page<'_> {
    pub(super) fn doc(&self) -> &Document {
        &self.file.doc
    }

    pub(super) fn finding_id(&self, i: usize) -> String {
        format!("f{}", self.first_finding + i)
    }

    pub(super) fn mention_id(&self, i: usize) -> String {
        format!("m{}-{i}", self.file_index)
    }

    /// The finding that made mention `i` fail, if any (its mark opens it).
    pub(super) fn failing(&self, i: usize) -> Option<usize> {
        let m = self.numbers[i].mention;
        self.file.findings.iter().position(|f| {
            f.explanation.is_some() && (f.span.overlaps(m.span) || m.span.contains(f.span))
        })
    }

    pub(super) fn section(&self) -> String {
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
}
