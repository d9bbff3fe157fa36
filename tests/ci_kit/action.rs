//! The GitHub Action (`action.yml`) run as the runner runs it: each step's `run:` script is
//! read from the file, its `env:` filled from the inputs (defaults from `inputs:`, then the
//! values a workflow's `with:` gives), `GITHUB_ACTION_PATH` and `GITHUB_OUTPUT` set, and
//! the script run with `bash --noprofile --norc -eo pipefail`, as `shell: bash` does.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

use super::{bundled_repo, factlint_bin};

#[derive(Debug, Deserialize)]
struct Action {
    inputs: BTreeMap<String, ActionInput>,
    runs: Runs,
}

#[derive(Debug, Deserialize)]
struct ActionInput {
    #[serde(default)]
    default: String,
}

#[derive(Debug, Deserialize)]
struct Runs {
    using: String,
    steps: Vec<Step>,
}

#[derive(Debug, Deserialize)]
struct Step {
    name: String,
    shell: Option<String>,
    run: Option<String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    #[serde(rename = "working-directory")]
    working_directory: Option<String>,
}

fn action() -> Action {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml"))
        .expect("action.yml at the repository root");
    serde_saphyr::from_str(&text).expect("action.yml parses")
}

/// `${{ inputs.NAME }}` with the inputs' values; any other expression is a test failure,
/// since the test could not say what the runner would put there.
fn expand(value: &str, inputs: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(start) = rest.find("${{") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("}}").expect("closed expression") + start;
        let expr = rest[start + 3..end].trim();
        let name = expr
            .strip_prefix("inputs.")
            .unwrap_or_else(|| panic!("unexpected expression `{expr}` in a step"));
        out.push_str(
            inputs
                .get(name)
                .unwrap_or_else(|| panic!("`{name}` is not an input")),
        );
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

/// What one step did.
struct Ran {
    status: i32,
    stdout: String,
    stderr: String,
    /// `GITHUB_OUTPUT` after the step.
    outputs: String,
}

/// A workflow's view of the action: the inputs it sets and the PATH its job has.
struct Runner {
    with: BTreeMap<String, String>,
    path: String,
    workspace: PathBuf,
    _dir: tempfile::TempDir,
    /// Where the fake `cargo` writes the arguments it was called with.
    cargo_log: PathBuf,
}

impl Runner {
    /// A job whose PATH has the system tools, a `cargo` that only records its arguments, and
    /// factlint when `with_factlint`; its workspace is a copy of the bundled article and
    /// rules.
    fn new(with_factlint: bool) -> Runner {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        std::fs::create_dir(&bin).unwrap();
        let cargo_log = dir.path().join("cargo-args");
        let fake = format!(
            "#!/bin/sh\necho \"$@\" >> '{}'\n",
            cargo_log.to_str().unwrap()
        );
        std::fs::write(bin.join("cargo"), fake).unwrap();
        make_executable(&bin.join("cargo"));
        if with_factlint {
            std::os::unix::fs::symlink(factlint_bin(), bin.join("factlint")).unwrap();
        }
        let workspace = dir.path().join("workspace");
        bundled_repo(&workspace);
        Runner {
            with: BTreeMap::new(),
            path: format!("{}:/usr/local/bin:/usr/bin:/bin", bin.display()),
            workspace,
            _dir: dir,
            cargo_log,
        }
    }

    fn with(mut self, input: &str, value: &str) -> Runner {
        self.with.insert(input.to_string(), value.to_string());
        self
    }

    fn cargo_calls(&self) -> String {
        std::fs::read_to_string(&self.cargo_log).unwrap_or_default()
    }

    fn run(&self, step_name: &str) -> Ran {
        let action = action();
        assert_eq!(action.runs.using, "composite");
        let mut inputs: BTreeMap<String, String> = action
            .inputs
            .iter()
            .map(|(k, v)| (k.clone(), v.default.clone()))
            .collect();
        for (k, v) in &self.with {
            assert!(
                inputs.contains_key(k),
                "`{k}` is not an input of the action"
            );
            inputs.insert(k.clone(), v.clone());
        }
        let step = action
            .runs
            .steps
            .iter()
            .find(|s| s.name == step_name)
            .unwrap_or_else(|| panic!("no step `{step_name}`"));
        assert_eq!(step.shell.as_deref(), Some("bash"));
        let script = step.run.as_deref().expect("a run step");
        let output_file = self._dir.path().join("github-output");
        std::fs::write(&output_file, "").unwrap();
        let cwd = match &step.working_directory {
            Some(w) => self.workspace.join(expand(w, &inputs)),
            None => self.workspace.clone(),
        };
        let mut cmd = Command::new("/bin/bash");
        cmd.args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
            .current_dir(cwd)
            .env_clear()
            .env("PATH", &self.path)
            .env("HOME", self._dir.path())
            .env("GITHUB_ACTION_PATH", env!("CARGO_MANIFEST_DIR"))
            .env("GITHUB_OUTPUT", &output_file)
            .env("GITHUB_ACTIONS", "true");
        for (k, v) in &step.env {
            cmd.env(k, expand(v, &inputs));
        }
        let out = cmd.output().expect("bash runs");
        Ran {
            status: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            outputs: std::fs::read_to_string(&output_file).unwrap(),
        }
    }
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mut perms = std::fs::metadata(path).unwrap().permissions();
    perms.set_mode(0o755);
    std::fs::set_permissions(path, perms).unwrap();
}

#[test]
fn scripts_read_inputs_from_the_environment_only() {
    // An input spliced into a script is shell code; through `env:` it is data.
    for step in action().runs.steps {
        if let Some(run) = &step.run {
            assert!(
                !run.contains("${{"),
                "step `{}` splices an expression",
                step.name
            );
        }
    }
}

#[test]
fn install_skips_a_factlint_of_the_wanted_version() {
    let runner = Runner::new(true);
    let ran = runner.run("Install factlint");
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    let want = concat!("factlint ", env!("CARGO_PKG_VERSION"), " is installed");
    assert!(ran.stdout.contains(want), "{}", ran.stdout);
    assert_eq!(runner.cargo_calls(), "");
}

#[test]
fn install_builds_the_actions_own_checkout_by_default() {
    let runner = Runner::new(false);
    let ran = runner.run("Install factlint");
    // The fake cargo installs nothing, so the closing `factlint --version` fails: what
    // matters is what cargo was asked to do.
    assert_ne!(ran.status, 0);
    assert_eq!(
        runner.cargo_calls().trim(),
        format!(
            "install --locked --force --path {}",
            env!("CARGO_MANIFEST_DIR")
        )
    );
}

#[test]
fn install_of_a_version_takes_its_tag_from_the_repository_in_cargo_toml() {
    let runner = Runner::new(true).with("version", "v9.9.9");
    runner.run("Install factlint");
    assert_eq!(
        runner.cargo_calls().trim(),
        format!(
            "install --locked --force --git {} --tag v9.9.9",
            env!("CARGO_PKG_REPOSITORY")
        )
    );
}

#[test]
fn check_annotates_and_fails_on_errors() {
    let ran = Runner::new(true).run("Check");
    assert_eq!(ran.status, 1, "{}", ran.stderr);
    assert!(
        ran.stdout
            .lines()
            .any(|l| l.starts_with("::error file=source/ai-index-2024.md,line=1,col=30,")),
        "{}",
        ran.stdout
    );
    assert!(ran.stdout.contains("::warning file="), "{}", ran.stdout);
    assert_eq!(ran.outputs.trim(), "exit-code=1");
}

#[test]
fn check_writes_sarif_for_code_scanning() {
    let runner = Runner::new(true)
        .with("format", "sarif")
        .with("output", "factlint.sarif")
        .with("fail-on", "never");
    let ran = runner.run("Check");
    assert_eq!(ran.status, 0, "{}", ran.stderr);
    assert_eq!(ran.outputs.trim(), "exit-code=0");
    let sarif: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(runner.workspace.join("factlint.sarif")).unwrap(),
    )
    .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 9);
    assert_eq!(
        sarif["runs"][0]["tool"]["driver"]["informationUri"],
        env!("CARGO_PKG_REPOSITORY")
    );
}

#[test]
fn check_takes_lists_of_paths_and_claims_and_fails_on_warnings() {
    let runner = Runner::new(true)
        .with("paths", "source/ai-index-2024.md\n")
        .with("claims", "/dev/null\n")
        .with("format", "line")
        .with("fail-on", "warning");
    let ran = runner.run("Check");
    // Only the built-ins' two wording warnings, and they fail the step.
    assert_eq!(ran.status, 1, "{}", ran.stderr);
    assert_eq!(
        ran.stdout
            .lines()
            .filter(|l| l.contains("warning[multiple_wording]"))
            .count(),
        2,
        "{}",
        ran.stdout
    );
    assert!(!ran.stdout.contains("error["), "{}", ran.stdout);
    // The article's text is printed between stop-commands and its token.
    let lines: Vec<&str> = ran.stdout.lines().collect();
    let token = lines[0]
        .strip_prefix("::stop-commands::")
        .unwrap_or_else(|| panic!("{}", ran.stdout));
    assert_eq!(*lines.last().unwrap(), format!("::{token}::"));
}

#[test]
fn input_values_are_never_run_as_code() {
    let runner = Runner::new(true)
        .with(
            "paths",
            "\"; touch pwned; \" $(touch pwned) `touch pwned` *",
        )
        .with("working-directory", ".");
    let ran = runner.run("Check");
    assert!(!runner.workspace.join("pwned").exists());
    // Each word is a path that does not exist: an input error, exit 2.
    assert_eq!(ran.status, 2, "{}", ran.stdout);
    assert!(ran.stderr.contains("$(touch"), "{}", ran.stderr);
    assert!(
        ran.stderr.contains("`*`") || ran.stderr.contains(" *"),
        "{}",
        ran.stderr
    );
}
