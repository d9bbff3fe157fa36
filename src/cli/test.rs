//! `factlint test [--claims PATH]...`: run every rule's examples, with the configuration's
//! tolerance and its rule paths (`applies_to` resolved against the configuration's folder).
//!
//! Prints `PASS id (n examples)` per rule whose examples all behave, each Missing or Noisy
//! example otherwise, and `N passed, M failed`; exits 1 on any failure, 2 on a rule-file
//! error.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::session::{ExampleOutcome, ExampleResult, Session, Settings};

#[derive(Debug, clap::Args)]
pub struct TestArgs {
    /// Rule files or folders (default: the config's `claims`, else `claims/`).
    #[arg(long = "claims", value_name = "PATH")]
    pub claims: Vec<PathBuf>,
    /// Configuration file (default: the nearest `factlint.yaml` from here up).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(args: TestArgs) -> u8 {
    let settings = Settings {
        config: args.config,
        claims: args.claims,
        require_claims: true,
        ..Settings::from_current_dir()
    };
    let session = match Session::load(&settings) {
        Ok(session) => session,
        Err(e) => {
            super::print_load_error(&e);
            return super::EXIT_ERROR;
        }
    };
    let mut out = std::io::stdout().lock();
    let (mut passed, mut failed) = (0, 0);
    for tested in session.test_examples() {
        let (file, results) = (tested.file, tested.results);
        let mut start = 0;
        while start < results.len() {
            let rule = &results[start].rule;
            let end = start
                + results[start..]
                    .iter()
                    .take_while(|r| &r.rule == rule)
                    .count();
            if print_rule(&mut out, &file.path, &results[start..end]).is_err() {
                return super::EXIT_ERROR;
            }
            if results[start..end]
                .iter()
                .all(|r| r.outcome == ExampleOutcome::Passed)
            {
                passed += 1;
            } else {
                failed += 1;
            }
            start = end;
        }
    }
    if writeln!(out, "{passed} passed, {failed} failed").is_err() {
        return super::EXIT_ERROR;
    }
    if failed > 0 {
        super::EXIT_FINDINGS
    } else {
        super::EXIT_OK
    }
}

/// One rule's examples, all from the same rule.
fn print_rule(out: &mut dyn Write, path: &Path, results: &[ExampleResult]) -> std::io::Result<()> {
    let first = &results[0];
    if results.iter().all(|r| r.outcome == ExampleOutcome::Passed) {
        let n = results.len();
        let s = if n == 1 { "" } else { "s" };
        return writeln!(out, "PASS {} ({n} example{s})", first.rule);
    }
    for r in results
        .iter()
        .filter(|r| r.outcome != ExampleOutcome::Passed)
    {
        let text = r.text.replace('\n', "\\n");
        match r.outcome {
            ExampleOutcome::Missing => writeln!(
                out,
                "FAIL {} ({}:{}): missing: fail example not flagged: {text}",
                r.rule,
                path.display(),
                r.line
            )?,
            ExampleOutcome::Noisy => {
                writeln!(
                    out,
                    "FAIL {} ({}:{}): noisy: pass example flagged: {text}",
                    r.rule,
                    path.display(),
                    r.line
                )?;
                for m in &r.messages {
                    writeln!(out, "    {m}")?;
                }
            }
            ExampleOutcome::Passed => {}
        }
    }
    Ok(())
}
