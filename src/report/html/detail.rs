//! The explanations the marks open, kept hidden in the page until a click or a key copies
//! them into the panel: per finding its message, computation, notes, citation and the
//! sentence as it should read; per number how factlint read it.

use std::fmt::Write as _;

use super::article::Page;
use super::escape;
use crate::check::{Explanation, Finding, Origin};
use crate::report::{Location, char_floor, display_path, text};
use crate::source::Span;

impl Page<'_> {
    /// The hidden explanations: one per finding, one per mention.
    pub(super) fn details(&self, html: &mut String) {
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
