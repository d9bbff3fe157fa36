//! Issue 12 end to end through the binary: inputs that must not hang, `--fix` that keeps
//! files whole, and messages that cannot forge a line. Each case runs in its own folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RULES: &str = "\
terms:
  - id: training_cost
    use: 训练成本
    instead_of: [推理成本]
    severity: error
";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn factlint(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .arg("check")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn write(root: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "claims/terms.yaml", RULES.as_bytes());
    dir
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

fn leftovers(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with(".factlint") || name.starts_with(".tmp") {
            out.push(name);
        }
    }
    out
}

#[cfg(unix)]
#[test]
fn fifos_are_skipped_in_walks_and_refused_by_name_and_the_rest_is_checked() {
    let dir = repo();
    write(dir.path(), "source/a.md", "推理成本。\n".as_bytes());
    write(dir.path(), "source/z.md", "推理成本。\n".as_bytes());
    if !mkfifo(&dir.path().join("source/m.md")) {
        return;
    }
    mkfifo(&dir.path().join("rules.yaml"));
    mkfifo(&dir.path().join("cfg.yaml"));
    let start = Instant::now();
    let r = factlint(dir.path(), &["--format", "line", "source"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.stdout.matches("[training_cost]").count(),
        2,
        "{}",
        r.stdout
    );
    assert!(
        r.stderr
            .contains("note: source/m.md: skipped, not a regular file (a FIFO)"),
        "{}",
        r.stderr
    );
    // Given by name: an error naming it, exit 2, the other files still checked.
    let r = factlint(
        dir.path(),
        &["--format", "line", "source/m.md", "source/a.md"],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("source/m.md: not a regular file (a FIFO)"),
        "{}",
        r.stderr
    );
    assert_eq!(
        r.stdout.matches("[training_cost]").count(),
        1,
        "{}",
        r.stdout
    );
    let r = factlint(dir.path(), &["--claims", "rules.yaml", "source/a.md"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("rules.yaml:0:0: not a regular file (a FIFO)"),
        "{}",
        r.stderr
    );
    let r = factlint(dir.path(), &["--config", "cfg.yaml", "source/a.md"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("cfg.yaml:0:0: not a regular file (a FIFO)"),
        "{}",
        r.stderr
    );
    assert!(start.elapsed() < Duration::from_secs(60), "nothing blocks");
}

#[cfg(unix)]
#[test]
fn dev_zero_and_oversized_files_are_refused_without_reading_them() {
    let dir = repo();
    let r = factlint(dir.path(), &["--claims", "/dev/null", "/dev/zero"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("/dev/zero: not a regular file (a character device)")
    );
    let r = factlint(dir.path(), &["--claims", "/dev/zero", "/dev/null"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    // A sparse 1 GB file: refused from its metadata, in no time.
    let big = dir.path().join("big.md");
    let f = fs::File::create(&big).unwrap();
    f.set_len(1 << 30).unwrap();
    drop(f);
    let r = factlint(dir.path(), &["--claims", "/dev/null", "big.md"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("big.md: 1073741824 bytes, over the size limit of 104857600"),
        "{}",
        r.stderr
    );
    // With the limit raised, reading stops at the first NUL.
    let r = factlint(
        dir.path(),
        &["--claims", "/dev/null", "--max-filesize", "2G", "big.md"],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("binary file (NUL byte at byte 0)"),
        "{}",
        r.stderr
    );
    let small = write(dir.path(), "s.md", "推理成本。\n".as_bytes());
    let r = factlint(
        dir.path(),
        &["--max-filesize", "4", small.to_str().unwrap()],
    );
    assert_eq!(r.code, 2);
    let r = factlint(dir.path(), &["--max-filesize", "lots", "s.md"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("`lots` is not a size"), "{}", r.stderr);
}

#[test]
fn fix_never_edits_code_a_comment_or_a_url() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "claims/t.yaml",
        "terms:\n  - id: cost\n    use: 费用\n    instead_of: [\"  成本\"]\n".as_bytes(),
    );
    let text = "看 `code`成本 与 <!-- c -->成本，见 https://x.org/a成本。\n";
    let a = write(dir.path(), "a.md", text.as_bytes());
    let r = factlint(dir.path(), &["--fix", "a.md"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(fs::read_to_string(&a).unwrap(), text);
}

#[test]
fn claims_named_twice_are_loaded_once() {
    let dir = repo();
    write(dir.path(), "a.md", "推理成本。\n".as_bytes());
    let r = factlint(
        dir.path(),
        &[
            "--format",
            "line",
            "--claims",
            "claims",
            "--claims",
            "claims/terms.yaml",
            "a.md",
        ],
    );
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout.matches("[training_cost]").count(),
        1,
        "{}",
        r.stdout
    );
}

#[cfg(unix)]
#[test]
fn a_newline_in_a_file_name_cannot_forge_a_line() {
    let dir = repo();
    let name = "x\n::error file=README.md,line=1::INJECTED.md";
    write(
        dir.path(),
        &format!("source/{name}"),
        "推理成本。\n".as_bytes(),
    );
    write(dir.path(), "source/bad\n::warning::X.md", &[0xff, 0xfe, 0]);
    let r = factlint(dir.path(), &["--format", "line", "source"]);
    for line in r.stdout.lines().chain(r.stderr.lines()) {
        assert!(!line.starts_with("::"), "forged line: {line:?}");
    }
    assert!(
        r.stdout.contains("x\\n::error file=README.md"),
        "{}",
        r.stdout
    );
    let r = factlint(dir.path(), &["source"]);
    for line in r.stdout.lines().chain(r.stderr.lines()) {
        assert!(!line.starts_with("::"), "forged line: {line:?}");
    }
}

#[test]
fn rule_ids_must_be_snake_case_and_errors_stay_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "r.yaml",
        b"terms:\n  - id: \"a\\n::error::X\"\n    use: x\n    instead_of: [y]\n",
    );
    write(dir.path(), "a.md", b"y\n");
    let r = factlint(dir.path(), &["--claims", "r.yaml", "a.md"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("r.yaml:2:9: id `a\\n::error::X` is not snake_case"),
        "{}",
        r.stderr
    );
}

#[test]
fn yaml_messages_are_located_and_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", b"x\n");
    let term = "  - id: a\n    use: x\n    instead_of: [y]\n";
    write(
        dir.path(),
        "dup.yaml",
        format!("terms:\n{term}terms:\n{term}").as_bytes(),
    );
    let r = factlint(dir.path(), &["--claims", "dup.yaml", "a.md"]);
    assert!(
        r.stderr.contains("dup.yaml:5:1: duplicate key `terms`"),
        "{}",
        r.stderr
    );
    write(
        dir.path(),
        "multi.yaml",
        format!("terms:\n{term}---\nterms: []\n").as_bytes(),
    );
    let r = factlint(dir.path(), &["--claims", "multi.yaml", "a.md"]);
    assert!(
        r.stderr.contains("more than one YAML document"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("from_str"), "{}", r.stderr);
    write(
        dir.path(),
        "cfg.yaml",
        b"fail_on: error\nfail_on: warning\n",
    );
    let r = factlint(
        dir.path(),
        &["--config", "cfg.yaml", "--claims", "/dev/null", "a.md"],
    );
    assert!(
        r.stderr.contains("cfg.yaml:2:1: duplicate key `fail_on`"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("DuplicateKeyPolicy"), "{}", r.stderr);
    let long = format!("a ~ 1{}", " + 1".repeat(200_000));
    let claim = format!(
        "claims:\n  - id: c\n    text: \"x {{a}}\"\n    check: \"{} +\"\n",
        long
    );
    write(dir.path(), "expr.yaml", claim.as_bytes());
    let r = factlint(dir.path(), &["--claims", "expr.yaml", "a.md"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.len() < 2000, "echo cut: {} bytes", r.stderr.len());
    assert!(r.stderr.contains('…'), "{}", r.stderr);
    // UTF-16 articles are named as such.
    write(dir.path(), "u.md", &[0xFF, 0xFE, b'a', 0]);
    let r = factlint(dir.path(), &["--claims", "/dev/null", "u.md"]);
    assert!(
        r.stderr.contains("UTF-16") && r.stderr.contains("iconv"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_hundred_thousand_facts_load_and_an_alias_bomb_does_not() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", b"x\n");
    let mut yaml = String::from("facts:\n");
    for i in 0..100_000 {
        yaml.push_str(&format!("  f{i}: {{value: {i}, unit: USD, source: s}}\n"));
    }
    write(dir.path(), "facts.yaml", yaml.as_bytes());
    let r = factlint(dir.path(), &["--claims", "facts.yaml", "a.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut bomb = String::from("facts:\n  x: &a0 [q, q, q, q, q, q, q, q, q, q]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 20].join(", ");
        bomb.push_str(&format!("  y{i}: &a{i} [{refs}]\n"));
    }
    write(dir.path(), "bomb.yaml", bomb.as_bytes());
    let r = factlint(dir.path(), &["--claims", "bomb.yaml", "a.md"]);
    assert_eq!(r.code, 2);
    assert!(!r.stderr.contains('{'), "no debug output: {}", r.stderr);
}

#[cfg(unix)]
#[test]
fn fix_keeps_hard_links_and_leaves_no_temporary_file_on_sigint() {
    let dir = repo();
    let a = write(dir.path(), "a.md", "推理成本。\n".as_bytes());
    let b = dir.path().join("b.md");
    fs::hard_link(&a, &b).unwrap();
    let r = factlint(dir.path(), &["--fix", "a.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(fs::read_to_string(&b).unwrap(), "训练成本。\n");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );

    // Interrupted while the temporary file (or the backup) exists: nothing is left, and
    // the article is whole.
    for linked in [false, true] {
        let dir = repo();
        let c = write(dir.path(), "c.md", "推理成本。\n".as_bytes());
        if linked {
            fs::hard_link(&c, dir.path().join("d.md")).unwrap();
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(["check", "--fix", "c.md"])
            .current_dir(dir.path())
            .env("FACTLINT_TEST_PAUSE_MS", "4000")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the writer holds its temporary or backup file.
        let start = Instant::now();
        while leftovers(dir.path()).is_empty() && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            !leftovers(dir.path()).is_empty(),
            "the writer never started"
        );
        std::thread::sleep(Duration::from_millis(200));
        let killed = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(130));
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
        assert_eq!(fs::read_to_string(&c).unwrap(), "推理成本。\n");
    }
}
