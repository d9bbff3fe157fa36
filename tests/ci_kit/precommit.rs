//! The pre-commit hook (`.pre-commit-hooks.yaml`) on a fixture repository, through
//! `pre-commit try-repo`, which installs the hook from this repository as a user's
//! `.pre-commit-config.yaml` would (building factlint with cargo).

use std::path::Path;
use std::process::{Command, Output};

use super::{bundled_repo, root, which};

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A committed repository with the bundled article and rules; `edit` changes it after.
fn fixture(edit: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    bundled_repo(dir.path());
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["config", "user.email", "test@example.com"]);
    git(dir.path(), &["config", "user.name", "test"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "articles"]);
    edit(dir.path());
    dir
}

fn try_repo(dir: &Path, home: &Path) -> Output {
    let pre_commit = which(&["pre-commit"]).expect("pre-commit on PATH");
    Command::new(pre_commit)
        .args([
            "try-repo",
            root().to_str().unwrap(),
            "factlint",
            "--all-files",
        ])
        .current_dir(dir)
        .env("PRE_COMMIT_HOME", home)
        // cargo builds the hook in this project's target folder, so that the dependencies
        // built for the tests are reused instead of rebuilt for each run.
        .env("CARGO_TARGET_DIR", root().join("target"))
        .env("PRE_COMMIT_COLOR", "never")
        .output()
        .expect("pre-commit runs")
}

#[test]
#[ignore = "needs pre-commit (`pip install pre-commit`); .ci/run installs it and runs this"]
fn hook_fails_on_the_bundled_articles_errors_and_passes_once_fixed() {
    let home = tempfile::tempdir().unwrap();
    let repo = fixture(|_| {});
    let out = try_repo(repo.path(), home.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("factlint"), "{stdout}");
    assert!(stdout.contains("Failed"), "{stdout}");
    assert!(
        stdout.contains("source/ai-index-2024.md:1:30: error[headline_cost_ratio]"),
        "{stdout}"
    );

    // The same repository with the two wrong figures corrected: the hook passes (the
    // remaining findings are warnings, below the default `--fail-on error`).
    let fixed = fixture(|dir| {
        let path = dir.join("source/ai-index-2024.md");
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text.replacen("GPT-4的2.5倍", "GPT-4的2.4倍", 1).replacen(
            "有 33 个国家",
            "有 32 个国家",
            1,
        );
        std::fs::write(&path, text).unwrap();
        git(dir, &["commit", "-qam", "fix the figures"]);
    });
    let out = try_repo(fixed.path(), home.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Passed"), "{stdout}");
}
