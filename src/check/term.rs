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
    let mut scopes = Scopes::new(ctx.doc);
    for hit in ac.occurrences(text) {
        let span = Span::new(hit.start(), hit.end());
        // A word may begin or end with spaces, and the blanked copy of code is spaces: such
        // a hit is not in the prose, and editing it would rewrite the code (issue 12, item 8).
        if ctx.doc.touches_masked(span) {
            continue;
        }
        for &(ti, wi) in &file.word_terms[hit.pattern().as_usize()] {
            if !select(ti) {
                continue;
            }
            let term = &file.terms[ti];
            let word = &term.instead_of[wi];
            let found = &text[span.range()];
            if (term.case_sensitive && found != word)
                || !at_word_boundaries(text, span, word)
                || !scopes.in_scope(span, &term.scope)
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

/// What a heading is compared by: normalised, trimmed, ASCII case folded.
fn heading_key(heading: &str) -> String {
    normalize_literal(heading.trim()).to_ascii_lowercase()
}

/// The document's sections by heading, for scope tests in logarithmic time. Each section
/// title is normalised once; for each heading a term names, the ranges of the sections so
/// titled are reduced to the outermost ones, which are disjoint and sorted, so the only
/// candidate holding a span is found by binary search (issue 12, item 2: 5,000 sections by
/// 5,000 hits must not cost 25 million heading comparisons).
struct Scopes<'a> {
    doc: &'a Document,
    /// (title key, section range), sorted.
    titles: Option<Vec<(String, Span)>>,
    /// Heading as written in a rule → outermost ranges of the sections it names.
    cache: Vec<(String, Vec<Span>)>,
}

impl<'a> Scopes<'a> {
    fn new(doc: &'a Document) -> Scopes<'a> {
        Scopes {
            doc,
            titles: None,
            cache: Vec::new(),
        }
    }

    fn in_scope(&mut self, span: Span, scope: &Scope) -> bool {
        match scope {
            Scope::Anywhere => true,
            Scope::Within(h) => self.in_section(h, span),
            Scope::Outside(h) => !self.in_section(h, span),
        }
    }

    fn in_section(&mut self, heading: &str, span: Span) -> bool {
        let k = match self.cache.iter().position(|(h, _)| h == heading) {
            Some(k) => k,
            None => {
                let ranges = self.ranges(heading);
                self.cache.push((heading.to_string(), ranges));
                self.cache.len() - 1
            }
        };
        let ranges = &self.cache[k].1;
        let i = ranges.partition_point(|r| r.start <= span.start);
        i > 0 && ranges[i - 1].contains(span)
    }

    fn ranges(&mut self, heading: &str) -> Vec<Span> {
        let doc = self.doc;
        let titles = self.titles.get_or_insert_with(|| {
            let mut t: Vec<(String, Span)> = doc
                .sections
                .iter()
                .map(|s| (heading_key(&s.title), s.range))
                .collect();
            t.sort();
            t
        });
        let key = heading_key(heading);
        let first = titles.partition_point(|(t, _)| *t < key);
        let mut outermost: Vec<Span> = Vec::new();
        // Sorted by start (then end): a range ending no later than the last kept one is
        // inside it; what remains has increasing starts and ends, so the last range starting
        // at or before a span is the one that reaches furthest.
        for (_, range) in titles[first..].iter().take_while(|(t, _)| *t == key) {
            match outermost.last_mut() {
                Some(last) if range.end <= last.end => {}
                Some(last) if range.start == last.start => *last = *range,
                _ => outermost.push(*range),
            }
        }
        outermost
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

    fn heading_matches(title: &str, heading: &str) -> bool {
        heading_key(title) == heading_key(heading)
    }

    #[test]
    fn headings_match_as_text() {
        assert!(heading_matches(" 训练成本 ", "训练成本"));
        assert!(heading_matches("Training  Cost", "training cost"));
        assert!(!heading_matches("训练成本高", "训练成本"));
    }
}
