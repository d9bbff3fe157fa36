//! The case format of the built-in fixture corpora (`tests/fixtures/builtins/`), read by
//! `builtins.rs` and `builtins_relations.rs`: `## title`, the text, `=> RULE \`found\`` or
//! `=> none`, an optional `fix:` line and an optional `relations: N` line.

#![allow(dead_code)]

use std::path::Path;

use factlint::check::{CheckOptions, Finding, Origin, Outcome, check_document};
use factlint::extract::{ExtractOptions, extract};
use factlint::rules::RuleSet;
use factlint::source::Document;

#[derive(Debug)]
pub struct Case {
    pub title: String,
    pub text: String,
    /// (rule id, text the finding's `found` must contain)
    pub expected: Vec<(String, String)>,
    pub fix: Option<String>,
    /// How many in-sentence relations a correct text states, when it says.
    pub relations: Option<usize>,
}

pub fn parse(corpus: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for block in corpus.split("\n## ").skip(1) {
        let mut lines = block.lines();
        let title = lines.next().unwrap_or_default().trim().to_string();
        let mut text = Vec::new();
        let mut expected = Vec::new();
        let mut fix = None;
        let mut relations = None;
        for line in lines {
            if let Some(rest) = line.strip_prefix("=> ") {
                let rest = rest.trim();
                if rest == "none" {
                    continue;
                }
                let (rule, quoted) = rest.split_once(' ').unwrap_or((rest, ""));
                let quoted = quoted.trim().trim_matches('`');
                expected.push((rule.to_string(), quoted.to_string()));
            } else if let Some(rest) = line.strip_prefix("fix: ") {
                fix = Some(rest.to_string());
            } else if let Some(rest) = line.strip_prefix("relations: ") {
                relations = Some(rest.trim().parse().expect("`relations:` takes a count"));
            } else if !line.trim().is_empty() {
                text.push(line);
            }
        }
        cases.push(Case {
            title,
            text: text.join("\n"),
            expected,
            fix,
            relations,
        });
    }
    cases
}

/// Runs one case alone through the extractor and every built-in check, with no rule files.
pub fn run(text: &str) -> (Document, Outcome) {
    let doc = Document::from_text(Path::new("case.md"), text);
    let options = CheckOptions::default();
    let mentions = extract(
        &doc.masked,
        &ExtractOptions {
            tolerance: options.tolerance,
        },
    );
    let outcome = check_document(&doc, &mentions, &RuleSet::default(), &options);
    (doc, outcome)
}

/// The text with every edit applied; `None` if two edits overlap.
pub fn apply_edits(text: &str, findings: &[Finding]) -> Option<String> {
    let mut edits: Vec<_> = findings.iter().filter_map(|f| f.edit()).collect();
    edits.sort_by_key(|e| e.span.start);
    let mut out = String::new();
    let mut at = 0;
    for e in edits {
        if e.span.start < at {
            return None;
        }
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// How one case came out.
pub struct Verdict {
    /// Expected findings that did not come.
    pub missing: Vec<String>,
    /// Findings nobody expected.
    pub unexpected: Vec<String>,
    /// Findings that break the finding contract, and a wrong fix.
    pub malformed: Vec<String>,
    pub relations_checked: usize,
}

impl Verdict {
    pub fn problems(&self) -> Vec<String> {
        let mut all = self.missing.clone();
        all.extend(self.unexpected.iter().cloned());
        all.extend(self.malformed.iter().cloned());
        all
    }
}

pub fn judge(case: &Case) -> Verdict {
    let (doc, outcome) = run(&case.text);
    let findings = &outcome.findings;
    let mut missing = Vec::new();
    let mut unexpected = Vec::new();
    let mut malformed = Vec::new();
    let mut unmatched: Vec<&Finding> = findings.iter().collect();
    for (rule, found) in &case.expected {
        match unmatched
            .iter()
            .position(|f| &f.rule == rule && f.found.contains(found.as_str()))
        {
            Some(k) => {
                unmatched.remove(k);
            }
            None => missing.push(format!("missing {rule} `{found}`")),
        }
    }
    for f in unmatched {
        unexpected.push(format!(
            "unexpected {} `{}`: {}",
            f.rule, f.found, f.message
        ));
    }
    for f in findings {
        if !matches!(f.origin, Origin::Builtin(_)) || doc.slice(f.span) != f.found {
            malformed.push(format!("malformed finding {f:?}"));
        }
        if f.explanation.is_none() && f.rule != "multiple_wording" {
            malformed.push(format!("{} `{}` has no explanation", f.rule, f.found));
        }
    }
    if let Some(fix) = &case.fix {
        match apply_edits(&doc.text, findings) {
            Some(fixed) if &fixed == fix => {}
            Some(fixed) => malformed.push(format!("fix gives `{fixed}`, expected `{fix}`")),
            None => malformed.push("overlapping edits".into()),
        }
    }
    Verdict {
        missing,
        unexpected,
        malformed,
        relations_checked: outcome.stats.relations_checked,
    }
}
