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
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: unknown check `ratio`, expected one of `ratio_in_sentence`, \
         `change_in_sentence`, `multiple_wording`, `points_in_sentence`, \
         `share_in_sentence`\n"
    );
}
