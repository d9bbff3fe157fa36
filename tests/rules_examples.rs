//! Every rule in `claims/` carries examples, and every example behaves: fail examples are
//! flagged, pass examples are not, and a claim's pass examples are actually matched by its
//! template (a pass example the template never reaches would test nothing). What
//! `factlint test` prints is checked by `tests/cmd/test-*.toml`.

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
