//! What a newcomer copies from: the repository URL (one constant, `repository` in
//! Cargo.toml) wherever it is written, the licences Cargo.toml names, the changelog, and the
//! completions and manual page generated from the current flags.

use std::process::Command;

use super::{factlint_bin, root};

const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

fn read(name: &str) -> String {
    std::fs::read_to_string(root().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn factlint(args: &[&str]) -> String {
    let out = Command::new(factlint_bin()).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_repository_url_is_written_once_and_copied_right() {
    assert_eq!(env!("CARGO_PKG_HOMEPAGE"), REPOSITORY);
    let slug = REPOSITORY
        .strip_prefix("https://github.com/")
        .expect("a GitHub repository");
    let readme = read("README.md");
    assert!(readme.contains(&format!("cargo install --git {REPOSITORY} --locked")));
    // Every action, hook and link in the README and the changelog names this repository.
    for (name, text) in [
        ("README.md", &readme),
        ("CHANGELOG.md", &read("CHANGELOG.md")),
    ] {
        for (i, _) in text.match_indices("github.com/") {
            let rest = &text[i + "github.com/".len()..];
            let part = |c: char| c.is_ascii_alphanumeric() || "-_.".contains(c);
            let owner: String = rest.chars().take_while(|&c| part(c)).collect();
            let repo: String = rest[owner.len()..]
                .strip_prefix('/')
                .map(|r| r.chars().take_while(|&c| part(c)).collect())
                .unwrap_or_default();
            let owner_repo = format!("{owner}/{repo}");
            if owner_repo.starts_with(slug.split('/').next().unwrap()) {
                assert_eq!(owner_repo, slug, "{name}: {}", &rest[..40.min(rest.len())]);
            }
        }
        for (i, _) in text.match_indices("uses: ") {
            let target = text[i + 6..].split(['@', '\n']).next().unwrap();
            if !target.starts_with("actions/") && !target.starts_with("github/") {
                assert_eq!(target, slug, "{name}: uses: {target}");
            }
        }
        for (i, _) in text.match_indices("repo: ") {
            let target = text[i + 6..].split('\n').next().unwrap().trim();
            assert_eq!(target, REPOSITORY, "{name}: repo: {target}");
        }
    }
}

#[test]
fn the_licences_cargo_toml_names_are_there() {
    assert_eq!(env!("CARGO_PKG_LICENSE"), "MIT OR Apache-2.0");
    assert!(read("LICENSE-MIT").starts_with("MIT License"));
    let apache = read("LICENSE-APACHE");
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0, January 2004"));
    assert!(apache.contains("END OF TERMS AND CONDITIONS"));
}

#[test]
fn the_changelog_keeps_a_changelog() {
    let log = read("CHANGELOG.md");
    assert!(log.starts_with("# Changelog"));
    assert!(log.contains("keepachangelog.com"));
    assert!(log.contains("## [Unreleased]"));
    assert!(log.contains(&format!("[Unreleased]: {REPOSITORY}/compare/")));
}

#[test]
fn completions_follow_the_current_flags() {
    let bash = factlint(&["completions", "bash"]);
    assert!(bash.contains("_factlint()"));
    for flag in [
        "--statistics",
        "--no-summary",
        "--quiet",
        "--fail-on",
        "html",
    ] {
        assert!(bash.contains(flag), "bash completions lack {flag}");
    }
    assert!(factlint(&["completions", "zsh"]).starts_with("#compdef factlint"));
    assert!(factlint(&["completions", "fish"]).contains("complete -c factlint"));
}

#[test]
fn man_pages_cover_every_subcommand() {
    let page = factlint(&["man"]);
    assert!(page.contains(".TH factlint 1"), "{}", &page[..200]);
    assert!(page.contains("Fact\\-check the numbers in articles"));
    let dir = tempfile::tempdir().unwrap();
    factlint(&["man", "--output", dir.path().to_str().unwrap()]);
    let check = std::fs::read_to_string(dir.path().join("factlint-check.1")).unwrap();
    assert!(check.contains(".TH factlint\\-check 1") || check.contains(".TH factlint-check 1"));
    assert!(check.contains("\\-\\-statistics"));
    for sub in ["extract", "test", "explain", "completions", "man"] {
        assert!(
            dir.path().join(format!("factlint-{sub}.1")).is_file(),
            "{sub}"
        );
    }
}
