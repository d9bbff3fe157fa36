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
        let fixable: Vec<_> = again
            .findings
            .iter()
            .filter(|f| f.edit().is_some())
            .collect();
        assert!(fixable.is_empty(), "`{fixed}` still has fixes: {fixable:?}");
    }
}

/// `text` fixed by `fix_passes` with every built-in and no rules.
fn fix_all(text: &str, allowed: factlint::check::Applicability) -> String {
    let (doc, outcome) = run(text);
    let fixing =
        factlint::fix::fix_passes(&doc, outcome.findings, allowed, |d| run(&d.text).1.findings);
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
            left.findings.iter().any(|f| f.rule == "multiple_wording"),
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
