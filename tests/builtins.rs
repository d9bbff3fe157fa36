//! The built-in checks over the fixture corpus `tests/fixtures/builtins/cases.md`: every case
//! runs alone through `Document::from_text`, `extract` and `check_document` with no rule
//! files, and must give exactly the findings it states, and the fix it states.

mod cases;

use cases::{apply_edits, judge, parse, run};

const CASES: &str = include_str!("fixtures/builtins/cases.md");

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
            let p = judge(case).problems();
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
        let (doc, outcome) = run(&case.text);
        let fixed = apply_edits(&doc.text, &outcome.findings).expect("edits do not overlap");
        let (_, again) = run(&fixed);
        let fixable: Vec<_> = again.findings.iter().filter(|f| f.edit.is_some()).collect();
        assert!(fixable.is_empty(), "`{fixed}` still has fixes: {fixable:?}");
    }
}
