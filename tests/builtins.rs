//! The built-in checks over the fixture corpus `tests/fixtures/builtins/cases.md`: every case
//! runs alone through `Document::from_text`, `extract` and `check_document` with no rule
//! files, and must give exactly the findings it states, and the fix it states.

use std::path::Path;

use factlint::check::{CheckOptions, Finding, Origin, check_document};
use factlint::extract::{ExtractOptions, extract};
use factlint::rules::RuleSet;
use factlint::source::Document;

const CASES: &str = include_str!("fixtures/builtins/cases.md");

#[derive(Debug)]
struct Case {
    title: String,
    text: String,
    /// (rule id, text the finding's `found` must contain)
    expected: Vec<(String, String)>,
    fix: Option<String>,
}

fn parse(corpus: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for block in corpus.split("\n## ").skip(1) {
        let mut lines = block.lines();
        let title = lines.next().unwrap_or_default().trim().to_string();
        let mut text = Vec::new();
        let mut expected = Vec::new();
        let mut fix = None;
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
            } else if !line.trim().is_empty() {
                text.push(line);
            }
        }
        cases.push(Case {
            title,
            text: text.join("\n"),
            expected,
            fix,
        });
    }
    cases
}

fn run(text: &str) -> (Document, Vec<Finding>) {
    let doc = Document::from_text(Path::new("case.md"), text);
    let options = CheckOptions::default();
    let mentions = extract(
        &doc.masked,
        &ExtractOptions {
            tolerance: options.tolerance,
        },
    );
    let outcome = check_document(&doc, &mentions, &RuleSet::default(), &options);
    (doc, outcome.findings)
}

/// The text with every edit applied; `None` if two edits overlap.
fn apply_edits(text: &str, findings: &[Finding]) -> Option<String> {
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

/// What is wrong with one case, if anything.
fn problems(case: &Case) -> Vec<String> {
    let (doc, findings) = run(&case.text);
    let mut problems = Vec::new();
    let mut unmatched: Vec<&Finding> = findings.iter().collect();
    for (rule, found) in &case.expected {
        match unmatched
            .iter()
            .position(|f| &f.rule == rule && f.found.contains(found.as_str()))
        {
            Some(k) => {
                unmatched.remove(k);
            }
            None => problems.push(format!("missing {rule} `{found}`")),
        }
    }
    for f in unmatched {
        problems.push(format!(
            "unexpected {} `{}`: {}",
            f.rule, f.found, f.message
        ));
    }
    for f in &findings {
        if !matches!(f.origin, Origin::Builtin(_)) || doc.slice(f.span) != f.found {
            problems.push(format!("malformed finding {f:?}"));
        }
        if f.explanation.is_none() && f.rule != "multiple_wording" {
            problems.push(format!("{} `{}` has no explanation", f.rule, f.found));
        }
    }
    if let Some(fix) = &case.fix {
        match apply_edits(&doc.text, &findings) {
            Some(fixed) if &fixed == fix => {}
            Some(fixed) => problems.push(format!("fix gives `{fixed}`, expected `{fix}`")),
            None => problems.push("overlapping edits".into()),
        }
    }
    problems
}

#[test]
fn the_corpus_is_large_and_balanced() {
    let cases = parse(CASES);
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let wrong = cases.iter().filter(|c| !c.expected.is_empty()).count();
    let right = cases.len() - wrong;
    assert!(
        wrong * 3 >= cases.len() && right * 3 >= cases.len(),
        "{right} right, {wrong} wrong"
    );
    let english = cases.iter().filter(|c| c.text.is_ascii()).count();
    assert!(english >= 10, "{english} English cases");
    for c in &cases {
        assert!(!c.text.is_empty(), "case `{}` has no text", c.title);
        for (rule, found) in &c.expected {
            assert!(
                factlint::check::Builtin::from_id(rule).is_some(),
                "case `{}` expects unknown rule `{rule}`",
                c.title
            );
            assert!(
                c.text.contains(found.as_str()),
                "case `{}`: `{found}` not in text",
                c.title
            );
        }
    }
}

#[test]
fn every_case_gives_exactly_its_findings() {
    let failures: Vec<String> = parse(CASES)
        .iter()
        .filter_map(|case| {
            let p = problems(case);
            (!p.is_empty())
                .then(|| format!("## {}\n{}\n  {}", case.title, case.text, p.join("\n  ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn a_second_run_over_the_fixed_text_finds_nothing_to_fix() {
    for case in parse(CASES).iter().filter(|c| c.fix.is_some()) {
        let (doc, findings) = run(&case.text);
        let fixed = apply_edits(&doc.text, &findings).expect("edits do not overlap");
        let (_, again) = run(&fixed);
        let fixable: Vec<_> = again.iter().filter(|f| f.edit().is_some()).collect();
        assert!(fixable.is_empty(), "`{fixed}` still has fixes: {fixable:?}");
    }
}

/// `text` fixed by `fix_passes` with every built-in and no rules.
fn fix_all(text: &str, allowed: factlint::check::Applicability) -> String {
    let (doc, findings) = run(text);
    let fixing = factlint::fix::fix_passes(&doc, findings, allowed, |d| run(&d.text).1);
    fixing.text
}

#[test]
fn fixing_reaches_a_fixed_point() {
    // Issue 12, reproduction 10: the wording fix writes `是上年的 40 亿元的 5 倍`, which the
    // ratio check would rewrite again; it is held back, so one run leaves what a second run
    // leaves.
    use factlint::check::Applicability;
    let text = "今年营收为 120 亿元，较上年的 40 亿元增加了 5 倍。";
    for allowed in [Applicability::Safe, Applicability::Unsafe] {
        let once = fix_all(text, allowed);
        assert_eq!(fix_all(&once, allowed), once, "{allowed:?}");
        let (_, left) = run(&once);
        assert!(
            left.iter().any(|f| f.rule == "multiple_wording"),
            "the held-back finding stays in the report: {left:#?}"
        );
    }
    // A fix that nothing redoes is made, in as many passes as it takes.
    let text = "企业对人工智能相关投资增加了十三倍。";
    assert_eq!(
        fix_all(text, Applicability::Unsafe),
        "企业对人工智能相关投资增加到十三倍。"
    );
    assert_eq!(
        fix_all(text, Applicability::Safe),
        text,
        "the wording fix is unsafe"
    );
}
