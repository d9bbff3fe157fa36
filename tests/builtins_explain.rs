//! `factlint explain` as a user runs it: the list, one check's doc, and an unknown id.

use std::process::{Command, Output};

fn explain(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .arg("explain")
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn lists_every_check_with_a_summary() {
    let out = explain(&[]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn prints_the_doc_of_each_check() {
    for (id, doc) in [
        (
            "ratio_in_sentence",
            include_str!("../src/check/docs/ratio_in_sentence.md"),
        ),
        (
            "change_in_sentence",
            include_str!("../src/check/docs/change_in_sentence.md"),
        ),
        (
            "multiple_wording",
            include_str!("../src/check/docs/multiple_wording.md"),
        ),
        (
            "points_in_sentence",
            include_str!("../src/check/docs/points_in_sentence.md"),
        ),
        (
            "share_in_sentence",
            include_str!("../src/check/docs/share_in_sentence.md"),
        ),
        (
            "repeated_figure",
            include_str!("../src/check/docs/repeated_figure.md"),
        ),
        (
            "parts_total",
            include_str!("../src/check/docs/parts_total.md"),
        ),
        (
            "shares_total",
            include_str!("../src/check/docs/shares_total.md"),
        ),
        ("ranking", include_str!("../src/check/docs/ranking.md")),
        (
            "change_across_sentences",
            include_str!("../src/check/docs/change_across_sentences.md"),
        ),
        (
            "table_consistency",
            include_str!("../src/check/docs/table_consistency.md"),
        ),
    ] {
        let out = explain(&[id]);
        assert_eq!(out.status.code(), Some(0), "{id}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), doc, "{id}");
        assert!(out.stderr.is_empty());
    }
}

#[test]
fn an_unknown_id_is_a_usage_error_naming_the_valid_ones() {
    let out = explain(&["ratio"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    // The built-ins first, in registry order; then the user's rules were searched too
    // (their count is the bundled rule file's).
    let ids: Vec<String> = factlint::check::Builtin::ALL
        .iter()
        .map(|b| format!("`{}`", b.meta().id))
        .collect();
    let expected = format!(
        "error: unknown check or rule `ratio`, expected one of {}\n       and no claim or term of the \
         rule files (",
        ids.join(", ")
    );
    assert!(ids.len() >= 9, "{ids:?}");
    assert!(err.starts_with(&expected), "{err}");
    assert!(err.ends_with(" rules) has the id `ratio`\n"), "{err}");
}
