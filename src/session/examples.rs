//! Rule examples are tests: a compiled `RuleFile` in, one `ExampleResult` per example out.
//!
//! Each example text becomes a `Document` of its own (a term example may carry its heading:
//! `"训练成本\n\n…推理成本…"`), is extracted, and is run through its rule alone, ignoring
//! `applies_to` and the unmatched check, with the session's check options (its tolerance). A
//! fail example must be flagged, a pass example must not be. `factlint test` and `cargo test`
//! both call `run_examples`.
//!
//! It lives above `rules` and `check` because it drives both: rules never import the engine.

use std::path::Path;

use crate::check::{CheckOptions, Context, claim, term};
use crate::extract::extract;
use crate::rules::{Examples, RuleFile};
use crate::source::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExampleOutcome {
    Passed,
    /// A fail example the rule did not flag.
    Missing,
    /// A pass example the rule flagged.
    Noisy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    Claim,
    Term,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExampleResult {
    pub rule: String,
    pub kind: RuleKind,
    /// 1-based line of the rule's id in its file.
    pub line: usize,
    /// Whether this is a `fail` example (one the rule must flag).
    pub should_flag: bool,
    pub text: String,
    pub outcome: ExampleOutcome,
    /// The messages of what the rule reported on the example.
    pub messages: Vec<String>,
    /// For a claim, how often its template or pattern matched the example; for a term, how
    /// many findings it made.
    pub matches: usize,
}

/// Runs every example of every rule in `file`, in file order (claims, then terms).
pub fn run_examples(file: &RuleFile, options: &CheckOptions) -> Vec<ExampleResult> {
    let mut out = Vec::new();
    for (i, c) in file.claims.iter().enumerate() {
        for_each(&c.examples, |text, should_flag| {
            let (messages, matches) = on_document(text, options, |ctx| {
                let run = claim::run_one(ctx, file, i);
                let messages = run.findings.iter().map(|f| f.message.clone()).collect();
                (messages, run.held + run.failed)
            });
            out.push(result(
                &c.id,
                RuleKind::Claim,
                c.line,
                text,
                should_flag,
                messages,
                matches,
            ));
        });
    }
    for (i, t) in file.terms.iter().enumerate() {
        for_each(&t.examples, |text, should_flag| {
            let (messages, matches) = on_document(text, options, |ctx| {
                let found = term::run_one(ctx, file, i);
                let n = found.len();
                (found.into_iter().map(|f| f.message).collect(), n)
            });
            out.push(result(
                &t.id,
                RuleKind::Term,
                t.line,
                text,
                should_flag,
                messages,
                matches,
            ));
        });
    }
    out
}

fn for_each(examples: &Examples, mut f: impl FnMut(&str, bool)) {
    for text in &examples.pass {
        f(text, false);
    }
    for text in &examples.fail {
        f(text, true);
    }
}

fn on_document<T>(text: &str, options: &CheckOptions, f: impl FnOnce(&Context<'_>) -> T) -> T {
    let doc = Document::from_text(Path::new("<example>"), text);
    let mentions = extract(&doc.masked, &options.extract_options());
    let ctx = Context::new(&doc, &mentions, options);
    f(&ctx)
}

fn result(
    rule: &str,
    kind: RuleKind,
    line: usize,
    text: &str,
    should_flag: bool,
    messages: Vec<String>,
    matches: usize,
) -> ExampleResult {
    let flagged = !messages.is_empty();
    let outcome = match (should_flag, flagged) {
        (true, false) => ExampleOutcome::Missing,
        (false, true) => ExampleOutcome::Noisy,
        _ => ExampleOutcome::Passed,
    };
    ExampleResult {
        rule: rule.to_string(),
        kind,
        line,
        should_flag,
        text: text.to_string(),
        outcome,
        messages,
        matches,
    }
}
