//! `factlint check` end to end: exit codes, `--fail-on`, configuration, suppressions,
//! `--fix` and bad input. Each case runs the binary in its own temporary folder with term
//! rules, which need no numbers and so give findings with edits in any article.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const RULES: &str = "\
terms:
  - id: training_cost
    use: 训练成本
    instead_of: [推理成本]
    severity: error
    why: The article is about training.
  - id: ipsos
    use: Ipsos
    instead_of: [lpsos]
    severity: warning
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
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A repository with `claims/terms.yaml` and the given sources under `source/`.
fn repo(sources: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "claims/terms.yaml", RULES.as_bytes());
    for (name, text) in sources {
        write(dir.path(), &format!("source/{name}"), text);
    }
    dir
}

fn write(root: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

const ERROR_TEXT: &[u8] = "# 成本\n\n模型的推理成本很高。\n".as_bytes();
const WARNING_TEXT: &[u8] = "# 调查\n\n在 lpsos 的一项调查中。\n".as_bytes();
const CLEAN_TEXT: &[u8] = "# 成本\n\n模型的训练成本很高。\n".as_bytes();

#[test]
fn exit_codes_follow_fail_on() {
    let clean = repo(&[("a.md", CLEAN_TEXT)]);
    let r = factlint(clean.path(), &["--format", "line"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("1 file: "), "{}", r.stdout);

    let error = repo(&[("a.md", ERROR_TEXT)]);
    let r = factlint(error.path(), &["--format", "line"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .starts_with("source/a.md:3:4: error[training_cost]: "),
        "{}",
        r.stdout
    );
    assert_eq!(factlint(error.path(), &["--fail-on", "never"]).code, 0);

    let warning = repo(&[("a.md", WARNING_TEXT)]);
    let r = factlint(warning.path(), &["--format", "line"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains("source/a.md:3:3: warning[ipsos]: "),
        "{}",
        r.stdout
    );
    assert_eq!(factlint(warning.path(), &["--fail-on", "warning"]).code, 1);
    assert_eq!(
        factlint(warning.path(), &["--fail-on", "sometimes"]).code,
        2
    );
}

#[test]
fn diff_is_the_default_and_every_format_runs() {
    let dir = repo(&[("a.md", ERROR_TEXT)]);
    let r = factlint(dir.path(), &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("  3 - 模型的推理成本很高。\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("  3 + 模型的训练成本很高。\n    |       ^^^^\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("summary: 1 file, 1 finding (1 error"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains('\x1b'), "NO_COLOR is set");
    let r = factlint(dir.path(), &["--color", "always"]);
    assert!(
        r.stdout.contains('\x1b'),
        "--color always wins over NO_COLOR"
    );

    let json = factlint(dir.path(), &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(v["findings"][0]["rule"], "training_cost");
    assert_eq!(v["findings"][0]["edit"]["replacement"], "训练成本");
    let sarif = factlint(dir.path(), &["--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_str(&sarif.stdout).expect("SARIF");
    assert_eq!(v["runs"][0]["results"][0]["ruleId"], "training_cost");
    let gh = factlint(dir.path(), &["--format", "github"]);
    assert!(
        gh.stdout
            .starts_with("::error file=source/a.md,line=3,col=4,"),
        "{}",
        gh.stdout
    );
}

#[test]
fn config_is_found_in_a_parent_folder_and_flags_override_it() {
    let dir = repo(&[]);
    write(dir.path(), "docs/a.md", WARNING_TEXT);
    write(
        dir.path(),
        "factlint.yaml",
        b"sources: [docs]\nclaims: [claims]\nfail_on: warning\n",
    );
    let sub = dir.path().join("deep/er");
    fs::create_dir_all(&sub).unwrap();
    let r = factlint(&sub, &["--format", "line"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("../../docs/a.md:3:3: warning[ipsos]"),
        "{}",
        r.stdout
    );
    assert_eq!(factlint(&sub, &["--fail-on", "error"]).code, 0);

    // An explicit --config wins over discovery.
    write(
        dir.path(),
        "other.yaml",
        b"sources: [docs]\nclaims: [claims]\n",
    );
    let r = factlint(dir.path(), &["--config", "other.yaml", "--format", "line"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("docs/a.md:3:3: warning[ipsos]"),
        "{}",
        r.stdout
    );
}

#[test]
fn unknown_config_key_is_a_located_error() {
    let dir = repo(&[("a.md", ERROR_TEXT)]);
    write(
        dir.path(),
        "factlint.yaml",
        b"sources: [source]\nfail-on: error\n",
    );
    let r = factlint(dir.path(), &[]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty(), "nothing is checked: {}", r.stdout);
    assert!(
        r.stderr.contains("factlint.yaml:2:1: unknown field `fail-on`, expected one of `sources`, `claims`, `exclude`, `builtins`, `tolerance`, `fail_on`"),
        "{}",
        r.stderr
    );
}

#[test]
fn rule_errors_stop_the_run_before_any_article() {
    let dir = repo(&[("a.md", ERROR_TEXT)]);
    write(
        dir.path(),
        "claims/bad.yaml",
        b"terms:\n  - id: x\n    uze: a\n",
    );
    let r = factlint(dir.path(), &[]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(
        r.stderr.starts_with("error: claims/bad.yaml:3:"),
        "{}",
        r.stderr
    );
}

#[test]
fn no_rules_with_dev_null_or_an_empty_folder() {
    let dir = repo(&[("a.md", ERROR_TEXT)]);
    for claims in ["/dev/null", "empty"] {
        fs::create_dir_all(dir.path().join("empty")).unwrap();
        let r = factlint(dir.path(), &["--claims", claims, "--format", "line"]);
        assert_eq!(r.code, 0, "{claims}: {}{}", r.stdout, r.stderr);
        assert!(!r.stdout.contains("training_cost"), "{}", r.stdout);
    }
}

#[test]
fn missing_and_invalid_files_exit_2_but_the_rest_is_checked() {
    let dir = repo(&[("bad.md", b"ok \xff\xfe\n"), ("good.md", ERROR_TEXT)]);
    let r = factlint(dir.path(), &["source", "nowhere.md", "--format", "line"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("source/good.md:3:4: error[training_cost]"),
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("error: nowhere.md"), "{}", r.stderr);
    assert!(
        r.stderr.contains("bad.md") && r.stderr.contains("UTF-8"),
        "{}",
        r.stderr
    );
}

#[test]
fn suppressions_silence_findings_and_unused_ones_are_reported() {
    let text = "# 成本\n\n<!-- factlint-disable-next-line training_cost -->\n模型的推理成本很高。\n\n<!-- factlint-disable ipsos -->\n在 lpsos 的调查中。\n<!-- factlint-enable -->\n\n<!-- factlint-disable-next-line ipsos -->\n没有问题。\n";
    let dir = repo(&[("a.md", text.as_bytes())]);
    let r = factlint(dir.path(), &["--format", "line"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let findings: Vec<&str> = r.stdout.lines().filter(|l| l.contains("]: ")).collect();
    assert_eq!(findings.len(), 1, "{}", r.stdout);
    assert!(
        findings[0].starts_with("source/a.md:10:1: warning[unused_suppression]: "),
        "{}",
        findings[0]
    );
    assert!(
        r.stdout.contains("; 0 term, 0 built-in findings;"),
        "suppressed findings are not counted: {}",
        r.stdout
    );
}

#[test]
fn fix_keeps_bom_and_crlf_and_a_second_run_has_nothing_to_fix() {
    let crlf = "# 成本\r\n\r\n模型的推理成本很高,推理成本。\r\n在 lpsos 的调查中。\r\n";
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice("# 成本\n\n推理成本\n".as_bytes());
    let dir = repo(&[("crlf.md", crlf.as_bytes()), ("bom.md", &bom)]);
    let r = factlint(dir.path(), &["--fix", "--format", "line"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("fixed source/crlf.md:3:4 training_cost: `推理成本` → `训练成本`"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("fixed source/crlf.md:3:11 training_cost"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("fixed source/crlf.md:4:3 ipsos: `lpsos` → `Ipsos`"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("fixed source/bom.md:3:1 training_cost"),
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains("]: "),
        "no finding remains: {}",
        r.stdout
    );
    assert_eq!(
        fs::read(dir.path().join("source/crlf.md")).unwrap(),
        "# 成本\r\n\r\n模型的训练成本很高,训练成本。\r\n在 Ipsos 的调查中。\r\n".as_bytes()
    );
    let mut fixed_bom = "\u{feff}".as_bytes().to_vec();
    fixed_bom.extend_from_slice("# 成本\n\n训练成本\n".as_bytes());
    assert_eq!(
        fs::read(dir.path().join("source/bom.md")).unwrap(),
        fixed_bom
    );

    let again = factlint(dir.path(), &["--fix", "--format", "line"]);
    assert_eq!(again.code, 0);
    assert!(!again.stdout.contains("fixed"), "{}", again.stdout);
}

#[test]
fn fix_is_reported_in_the_diff_and_json_reports() {
    let dir = repo(&[("a.md", ERROR_TEXT)]);
    let r = factlint(dir.path(), &["--fix", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["fixes"][0]["new"], "训练成本");
    assert_eq!(v["fixes"][0]["applied"], true);
    assert_eq!(v["summary"]["fixed"], 1);
    assert_eq!(v["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn bad_tolerance_is_a_usage_error() {
    let dir = repo(&[("a.md", CLEAN_TEXT)]);
    let r = factlint(dir.path(), &["--tolerance", "5"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("`5`"), "{}", r.stderr);
}
