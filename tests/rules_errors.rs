//! A broken rule file gives a located, actionable error and exit status 2: one case per
//! error class, each over a fixture in `tests/fixtures/rules/`.

use std::process::Command;

/// Runs `factlint SUBCOMMAND --claims FIXTURE` from the crate root; returns (status, stderr).
fn load(subcommand: &str, fixture: &str) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([subcommand, "--claims"])
        .arg(format!("tests/fixtures/rules/{fixture}"))
        .output()
        .expect("the factlint binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts, for both `check` (before any article is read) and `test`, exit 2 and one error
/// line at `line:column` containing every `needle`.
fn assert_error(fixture: &str, line: usize, column: usize, needles: &[&str]) {
    for subcommand in ["check", "test"] {
        let (status, stderr) = load(subcommand, fixture);
        assert_eq!(
            status, 2,
            "{subcommand} {fixture}: exit status; stderr:\n{stderr}"
        );
        let prefix = format!("error: tests/fixtures/rules/{fixture}:{line}:{column}: ");
        let Some(msg) = stderr.lines().find(|l| l.starts_with(&prefix)) else {
            panic!("{subcommand} {fixture}: no error at {line}:{column}; stderr:\n{stderr}");
        };
        for n in needles {
            assert!(
                msg.contains(n),
                "{subcommand} {fixture}: `{n}` missing from `{msg}`"
            );
        }
    }
}

#[test]
fn unknown_key_lists_the_valid_keys() {
    assert_error(
        "bad-unknown-key.yaml",
        6,
        5,
        &["unknown field `chek`", "check", "text", "pattern"],
    );
}

#[test]
fn wrong_type_names_what_was_expected() {
    assert_error("bad-wrong-type.yaml", 8, 13, &["wrong type", "sequence"]);
}

#[test]
fn duplicate_id_names_the_first_definition() {
    assert_error(
        "bad-duplicate-id.yaml",
        8,
        9,
        &["duplicate id `training_cost`", "first defined on line 4"],
    );
}

#[test]
fn duplicate_fact_names_the_first_definition() {
    assert_error(
        "bad-duplicate-fact.yaml",
        3,
        3,
        &["duplicate fact id `gpt4_cost`", "line 2"],
    );
}

#[test]
fn unknown_name_points_inside_the_expression() {
    // `    check: ratio ~ gemini_cost / gpt4_cots`: the misspelt name starts at column 34.
    assert_error(
        "bad-unknown-name.yaml",
        7,
        34,
        &["unknown name `gpt4_cots`", "`gpt4_cost`", "`ratio`"],
    );
}

#[test]
fn syntax_error_points_inside_a_quoted_expression() {
    // The expression ends without `)`: column of the closing quote.
    assert_error("bad-syntax.yaml", 8, 42, &["`)`", "ratio ~ (gemini_cost"]);
}

#[test]
fn invalid_regex() {
    assert_error(
        "bad-regex.yaml",
        5,
        14,
        &["invalid regex", "unclosed character class"],
    );
}

#[test]
fn template_without_placeholder() {
    assert_error(
        "bad-no-placeholder.yaml",
        5,
        11,
        &["no placeholder", "{name}"],
    );
}

#[test]
fn placeholder_no_check_uses() {
    assert_error(
        "bad-unused-placeholder.yaml",
        5,
        53,
        &["placeholder `gemini` is not used by any check"],
    );
}

#[test]
fn unknown_placeholder_kind_lists_the_kinds() {
    assert_error(
        "bad-unknown-kind.yaml",
        5,
        26,
        &["unknown placeholder kind `percnt`", "`percent`", "`money`"],
    );
}

#[test]
fn unknown_severity_lists_the_severities() {
    assert_error(
        "bad-severity.yaml",
        5,
        15,
        &["unknown severity `warn`", "`info`", "`warning`", "`error`"],
    );
}

#[test]
fn applies_to_that_matches_nothing() {
    assert_error(
        "bad-applies-to.yaml",
        1,
        29,
        &["`articles/ai-index-2024.md` matches no file"],
    );
    // The glob that does match a file is not reported.
    let (_, stderr) = load("check", "bad-applies-to.yaml");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn yaml_syntax_error() {
    assert_error("bad-yaml-syntax.yaml", 3, 10, &["unclosed quote"]);
}

#[test]
fn every_error_in_a_file_is_reported_in_line_order() {
    let (status, stderr) = load("check", "bad-many.yaml");
    assert_eq!(status, 2);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].contains(":3:11: template has no placeholder"),
        "{stderr}"
    );
    assert!(
        lines[1].contains(":5:15: unknown severity `fatal`"),
        "{stderr}"
    );
    assert!(lines[2].contains(":6:9: duplicate id `a`"), "{stderr}");
}

#[test]
fn a_missing_rule_file_is_an_error() {
    let (status, stderr) = load("check", "no-such-file.yaml");
    assert_eq!(status, 2);
    assert!(
        stderr.contains("no-such-file.yaml:0:0: no such file"),
        "{stderr}"
    );
}

#[test]
fn a_claim_needs_exactly_one_of_text_and_pattern() {
    assert_error(
        "bad-text-and-pattern.yaml",
        6,
        14,
        &["both `text` and `pattern`: keep one"],
    );
    assert_error(
        "bad-text-and-pattern.yaml",
        8,
        9,
        &["neither `text`", "nor `pattern`"],
    );
}
