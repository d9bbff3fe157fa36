//! Terms: a word used where another is meant (`推理成本` in a section about training cost).
//!
//! Takes a `Context` and one compiled `RuleFile`; produces one finding, with an edit, per
//! wrong word. All the file's words are found in one Aho-Corasick pass over the masked text
//! (a SIMD search for a key of each word, then the automaton only around the keys found),
//! so a thousand term rules cost about what ten do; each hit is then checked for case, word
//! boundaries (Latin words only: `helpsos` is not `lpsos`; Chinese needs none) and the
//! section it sits in.

use super::{Context, Edit, Finding, Fix, Origin};
use crate::rules::normalize::normalize_literal;
use crate::rules::{RuleFile, Scope, Term};
use crate::source::{Document, Span};

pub fn run(ctx: &Context<'_>, file: &RuleFile) -> Vec<Finding> {
    run_terms(ctx, file, &|_| true)
}

/// Runs the term at `index` alone (rule examples).
pub fn run_one(ctx: &Context<'_>, file: &RuleFile, index: usize) -> Vec<Finding> {
    run_terms(ctx, file, &|i| i == index)
}

fn run_terms(ctx: &Context<'_>, file: &RuleFile, select: &dyn Fn(usize) -> bool) -> Vec<Finding> {
    let Some(ac) = &file.term_words else {
        return Vec::new();
    };
    let text = &ctx.doc.masked;
    let mut findings = Vec::new();
    for hit in ac.occurrences(text) {
        let span = Span::new(hit.start(), hit.end());
        for &(ti, wi) in &file.word_terms[hit.pattern().as_usize()] {
            if !select(ti) {
                continue;
            }
            let term = &file.terms[ti];
            let word = &term.instead_of[wi];
            let found = &text[span.range()];
            if (term.case_sensitive && found != word)
                || !at_word_boundaries(text, span, word)
                || !in_scope(ctx.doc, span, &term.scope)
                || inside_right_word(text, span, term)
            {
                continue;
            }
            findings.push(finding(ctx.doc, term, span));
        }
    }
    findings.sort_by_key(|f| f.span.start);
    findings.dedup_by(|a, b| a.span == b.span && a.rule == b.rule);
    findings
}

fn finding(doc: &Document, term: &Term, span: Span) -> Finding {
    let found = doc.slice(span);
    let message = match &term.why {
        Some(why) => format!("`{found}` should be `{}`: {}", term.use_word, why.trim()),
        None => format!("`{found}` should be `{}`", term.use_word),
    };
    let mut f = Finding::new(&term.id, Origin::Term, term.severity, span, found, message);
    f.suggestion = Some(term.use_word.clone());
    // The rule names the replacement, and a term is a word, not a figure: nothing to
    // read back.
    f.fix = Some(Fix::safe(Edit {
        span,
        replacement: term.use_word.clone(),
    }));
    f
}

/// A Latin or digit edge of the word must not continue into a longer Latin word.
fn at_word_boundaries(text: &str, span: Span, word: &str) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let starts_latin = alnum(word.chars().next());
    let ends_latin = alnum(word.chars().next_back());
    let glued_before = starts_latin && alnum(text[..span.start].chars().next_back());
    let glued_after = ends_latin && alnum(text[span.end..].chars().next());
    !glued_before && !glued_after
}

fn heading_matches(title: &str, heading: &str) -> bool {
    normalize_literal(title.trim()).eq_ignore_ascii_case(&normalize_literal(heading))
}

fn in_scope(doc: &Document, span: Span, scope: &Scope) -> bool {
    let in_section = |heading: &str| {
        doc.sections
            .iter()
            .any(|s| heading_matches(&s.title, heading) && s.range.contains(span))
    };
    match scope {
        Scope::Anywhere => true,
        Scope::Within(h) => in_section(h),
        Scope::Outside(h) => !in_section(h),
    }
}

/// Whether the hit is part of an occurrence of the right word itself (`instead_of: [AI 行业]`
/// must not fire inside `生成式 AI 行业` when that is what `use` says).
fn inside_right_word(text: &str, span: Span, term: &Term) -> bool {
    let right = term.use_word.as_str();
    if right.is_empty() {
        return false;
    }
    let mut lo = span.end.saturating_sub(right.len());
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (span.start + right.len()).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let window = &text[lo..hi];
    let same = |a: &str| {
        if term.case_sensitive {
            a == right
        } else {
            a.eq_ignore_ascii_case(right)
        }
    };
    window.char_indices().any(|(i, _)| {
        let start = lo + i;
        let end = start + right.len();
        end <= text.len()
            && text.is_char_boundary(end)
            && start <= span.start
            && span.end <= end
            && same(&text[start..end])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_words_need_boundaries_and_chinese_does_not() {
        let t = "helpsos lpsos 的推理成本";
        assert!(!at_word_boundaries(t, Span::new(2, 7), "lpsos"));
        assert!(at_word_boundaries(t, Span::new(8, 13), "lpsos"));
        let i = t.find("推理").unwrap();
        assert!(at_word_boundaries(t, Span::new(i, i + 12), "推理成本"));
        assert!(at_word_boundaries("a2023年", Span::new(5, 8), "年"));
    }

    #[test]
    fn headings_match_as_text() {
        assert!(heading_matches(" 训练成本 ", "训练成本"));
        assert!(heading_matches("Training  Cost", "training cost"));
        assert!(!heading_matches("训练成本高", "训练成本"));
    }
}
