//! Every rule in `claims/` carries examples, and every example behaves: fail examples are
//! flagged, pass examples are not, and a claim's pass examples are actually matched by its
//! template (a pass example the template never reaches would test nothing).

use std::path::{Path, PathBuf};

use factlint::check::CheckOptions;
use factlint::rules::RuleSet;
use factlint::session::{ExampleOutcome, RuleKind, run_examples};

fn claims_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("claims")
}

fn load() -> RuleSet {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match RuleSet::load(&[claims_dir()], root) {
        Ok(rules) => rules,
        Err(errors) => panic!(
            "claims/ does not load:\n{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

#[test]
fn every_rule_file_in_claims_loads_and_has_rules() {
    let rules = load();
    assert!(!rules.files.is_empty(), "no rule file in claims/");
    for file in &rules.files {
        assert!(
            !file.claims.is_empty() || !file.terms.is_empty(),
            "{} has no rules",
            file.path.display()
        );
    }
}

#[test]
fn every_rule_has_pass_and_fail_examples() {
    for file in &load().files {
        for c in &file.claims {
            assert!(
                !c.examples.pass.is_empty() && !c.examples.fail.is_empty(),
                "{}: claim `{}` needs pass and fail examples",
                file.path.display(),
                c.id
            );
        }
        for t in &file.terms {
            assert!(
                !t.examples.pass.is_empty() && !t.examples.fail.is_empty(),
                "{}: term `{}` needs pass and fail examples",
                file.path.display(),
                t.id
            );
        }
    }
}

#[test]
fn every_example_passes() {
    let mut failures = Vec::new();
    for file in &load().files {
        for r in run_examples(file, &CheckOptions::default()) {
            if r.outcome != ExampleOutcome::Passed {
                failures.push(format!(
                    "{}: {} `{}`: {:?}: {}{}",
                    file.path.display(),
                    if r.should_flag {
                        "fail example"
                    } else {
                        "pass example"
                    },
                    r.rule,
                    r.outcome,
                    r.text.replace('\n', "\\n"),
                    r.messages
                        .iter()
                        .map(|m| format!("\n    {m}"))
                        .collect::<String>()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn claim_pass_examples_are_matched_by_their_template() {
    let mut unmatched = Vec::new();
    for file in &load().files {
        for r in run_examples(file, &CheckOptions::default()) {
            if r.kind == RuleKind::Claim && !r.should_flag && r.matches == 0 {
                unmatched.push(format!("`{}`: {}", r.rule, r.text));
            }
        }
    }
    assert!(
        unmatched.is_empty(),
        "pass examples their claim never matches:\n{}",
        unmatched.join("\n")
    );
}

fn factlint_test(claims: &str) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["test", "--claims", claims])
        .output()
        .expect("the factlint binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn factlint_test_passes_on_the_bundled_rules() {
    let (status, stdout) = factlint_test("claims");
    assert_eq!(status, 0, "{stdout}");
    assert!(
        stdout.contains("PASS headline_cost_ratio (4 examples)"),
        "{stdout}"
    );
    assert!(stdout.trim_end().ends_with(" passed, 0 failed"), "{stdout}");
}

#[test]
fn factlint_test_reports_missing_and_noisy_examples() {
    let (status, stdout) = factlint_test("tests/fixtures/rules/examples-failing.yaml");
    assert_eq!(status, 1, "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "PASS countries_ok (2 examples)");
    assert_eq!(
        lines[1],
        "FAIL countries_missing (tests/fixtures/rules/examples-failing.yaml:11): missing: \
         fail example not flagged: 有 32 个国家至少通过了一项法律"
    );
    assert_eq!(
        lines[2],
        "FAIL ipsos_noisy (tests/fixtures/rules/examples-failing.yaml:17): noisy: \
         pass example flagged: 在 lpsos 的调查中"
    );
    assert_eq!(lines[3], "    `lpsos` should be `Ipsos`");
    assert_eq!(lines.last().copied(), Some("1 passed, 2 failed"));
}

#[test]
fn factlint_test_output_snapshot() {
    let (_, stdout) = factlint_test("claims");
    insta::assert_snapshot!(stdout);
}
