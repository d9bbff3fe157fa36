//! `factlint check [PATH...]`: load rules, load sources, extract, check, report, exit.

use std::path::PathBuf;

use crate::check::{CheckOptions, check_document};
use crate::extract::{ExtractOptions, extract};
use crate::report::{FileReport, Format, Report};
use crate::rules::RuleSet;
use crate::source::{Document, discover};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Articles or folders to check (default `source/`).
    pub paths: Vec<PathBuf>,
    /// Rule files or folders (default `claims/`); may be repeated.
    #[arg(long = "claims", value_name = "PATH")]
    pub claims: Vec<PathBuf>,
    /// Report format (default: diff).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

pub fn run(args: CheckArgs) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("source")]
    } else {
        args.paths.clone()
    };
    let _claims = super::claims_paths(&args.claims);
    let rules = RuleSet::default();
    let options = CheckOptions::default();
    let extract_options = ExtractOptions {
        tolerance: options.tolerance,
    };
    let (files, errors) = discover(&paths);
    let mut report = Report {
        errors: errors.iter().map(ToString::to_string).collect(),
        ..Report::default()
    };
    for path in files {
        match Document::load(&path) {
            Ok(doc) => {
                let mentions = extract(&doc.masked, &extract_options);
                let outcome = check_document(&doc, &mentions, &rules, &options);
                report.files.push(FileReport {
                    doc,
                    findings: outcome.findings,
                    stats: outcome.stats,
                });
            }
            Err(e) => report.errors.push(e.to_string()),
        }
    }
    let mut out = std::io::stdout().lock();
    for e in &report.errors {
        eprintln!("error: {e}");
    }
    let format = args.format.unwrap_or(Format::Line);
    if let Err(e) = crate::report::print(&report, format, &mut out, false) {
        eprintln!("error: cannot write the report: {e}");
        return super::EXIT_ERROR;
    }
    if !report.errors.is_empty() {
        super::EXIT_ERROR
    } else if report
        .findings()
        .any(|(_, f)| f.severity >= crate::check::Severity::Error)
    {
        super::EXIT_FINDINGS
    } else {
        super::EXIT_OK
    }
}
