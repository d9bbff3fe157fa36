//! `factlint check [PATH...]`: load the config and the rules, then each source in turn:
//! extract, check, fix if asked, report; exit 0, 1 or 2 (design.md §5).
//!
//! Every rule file is validated before any article is read. Sources are handled one at a
//! time and dropped once printed, so memory is bounded by the largest file.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::check::{Applicability, CheckOptions, Finding, Stats, check_document};
use crate::config::{self, Config, FailOn};
use crate::extract::{ExtractOptions, extract};
use crate::fix;
use crate::report::{FileReport, Format, Printer};
use crate::rules::RuleSet;
use crate::source::{Document, discover};

use super::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Articles or folders to check (default: the config's `sources`, else `source/`).
    pub paths: Vec<PathBuf>,
    /// Rule files or folders (default: the config's `claims`, else `claims/`); may be
    /// repeated. `--claims /dev/null` checks with the built-in checks only.
    #[arg(long = "claims", value_name = "PATH")]
    pub claims: Vec<PathBuf>,
    /// Report format [default: diff].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Lowest severity that makes the run exit 1 [default: error].
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,
    #[command(flatten)]
    pub color: colorchoice_clap::Color,
    /// Apply every unambiguous suggestion to the files, then report what remains.
    #[arg(long)]
    pub fix: bool,
    /// With --fix, also apply the fixes that may change what the text means.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Configuration file (default: the nearest `factlint.yaml` from here up).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Approximation tolerance for hedged numbers (约, about), as a fraction [default: 0.05].
    #[arg(long, value_name = "R", value_parser = parse_tolerance)]
    pub tolerance: Option<f64>,
}

fn parse_tolerance(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(r) if r.is_finite() && (0.0..1.0).contains(&r) => Ok(r),
        _ => Err(format!(
            "`{s}` is not a tolerance; give a fraction from 0 up to 1, such as `0.05`"
        )),
    }
}

pub fn run(args: CheckArgs) -> u8 {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let found = args.config.clone().or_else(|| config::discover(&cwd));
    let config = match found.map(|p| config::load(&p)).transpose() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    let mut options = CheckOptions::default();
    if let Some(c) = &config {
        c.apply(&mut options);
    }
    if let Some(t) = args.tolerance {
        options.tolerance = t;
    }
    let fail_on = args
        .fail_on
        .or(config.as_ref().and_then(|c| c.fail_on))
        .unwrap_or(FailOn::Error);
    let root = config
        .as_ref()
        .map_or_else(|| PathBuf::from("."), |c| relative(&c.root, &cwd));

    let claims = claims_paths(&args.claims, config.as_ref(), &cwd);
    let rules = match RuleSet::load(&claims, &root) {
        Ok(rules) => rules,
        Err(errors) => {
            for e in errors {
                eprintln!("error: {e}");
            }
            return EXIT_ERROR;
        }
    };

    let paths = match (&args.paths, &config) {
        (p, _) if !p.is_empty() => p.clone(),
        (_, Some(c)) if !c.sources.is_empty() => {
            c.sources.iter().map(|p| relative(p, &cwd)).collect()
        }
        _ => vec![PathBuf::from("source")],
    };
    let format = args.format.unwrap_or(Format::Diff);
    let run = Run {
        rules: &rules,
        options: &options,
        fix: args.fix || args.unsafe_fixes,
        allowed: if args.unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        },
    };
    // The formats for people get colour when `--color`, `NO_COLOR`, `CLICOLOR`, `TERM` and
    // whether stdout is a terminal allow it; without colour the diff marks changes with
    // carets instead. The formats for machines are written as they are.
    let stdout = std::io::stdout();
    args.color.write_global();
    let choice = anstream::AutoStream::choice(&stdout);
    let for_people = matches!(format, Format::Diff);
    let color = for_people && choice != anstream::ColorChoice::Never;
    let mut out: Box<dyn Write> = if for_people {
        Box::new(anstream::AutoStream::new(stdout.lock(), choice))
    } else {
        Box::new(stdout.lock())
    };
    match run.all(&paths, format, &mut *out, color, fail_on) {
        Ok(code) => code,
        // The reader went away (`| head`): nothing is left to tell it, as with ripgrep.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("error: cannot write the report: {e}");
            EXIT_ERROR
        }
    }
}

struct Run<'a> {
    rules: &'a RuleSet,
    options: &'a CheckOptions,
    fix: bool,
    /// The least safe fixes that `fix` applies.
    allowed: Applicability,
}

impl Run<'_> {
    fn all(
        &self,
        paths: &[PathBuf],
        format: Format,
        out: &mut dyn Write,
        color: bool,
        fail_on: FailOn,
    ) -> std::io::Result<u8> {
        let mut errors = Vec::new();
        let mut fails = false;
        let mut printer = Printer::new(format, out, color)?;
        let (files, missing) = discover(paths);
        for e in missing {
            eprintln!("error: {e}");
            errors.push(e.to_string());
        }
        for path in files {
            let (file, error) = self.one(&path);
            if let Some(e) = error {
                eprintln!("error: {e}");
                errors.push(e);
            }
            if let Some(file) = file {
                fails |= file.findings.iter().any(|f| fail_on.fails(f.severity));
                printer.file(&file)?;
            }
        }
        printer.finish(&errors)?;
        Ok(if !errors.is_empty() {
            EXIT_ERROR
        } else if fails {
            EXIT_FINDINGS
        } else {
            EXIT_OK
        })
    }

    /// Checks one source, fixing it first when asked. The error is a message for the user;
    /// a file that could not be fixed is still reported as it stands.
    fn one(&self, path: &Path) -> (Option<FileReport>, Option<String>) {
        let doc = match Document::load(path) {
            Ok(doc) => doc,
            Err(e) => return (None, Some(e.to_string())),
        };
        let (findings, stats) = self.check(&doc);
        if !self.fix {
            return (Some(FileReport::new(doc, findings, stats)), None);
        }
        let fixing = fix::fix_passes(&doc, findings.clone(), self.allowed, |d| self.check(d).0);
        if !fixing.changed() {
            let mut file = FileReport::new(doc, findings, stats);
            file.fixes = fixing.fixes;
            return (Some(file), None);
        }
        if let Err(e) = fix::write(&doc, &fixing.text) {
            return (
                Some(FileReport::new(doc, findings, stats)),
                Some(e.to_string()),
            );
        }
        let fixed = match Document::load(path) {
            Ok(fixed) => fixed,
            Err(e) => return (None, Some(e.to_string())),
        };
        let (findings, stats) = self.check(&fixed);
        let mut file = FileReport::new(fixed, findings, stats);
        file.fixes = fixing.fixes;
        (Some(file), None)
    }

    fn check(&self, doc: &Document) -> (Vec<Finding>, Stats) {
        let extract_options = ExtractOptions {
            tolerance: self.options.tolerance,
        };
        let mentions = extract(&doc.masked, &extract_options);
        let outcome = check_document(doc, &mentions, self.rules, self.options);
        (outcome.findings, outcome.stats)
    }
}

/// The rule paths to load: the flags', else the config's, else `claims/` when it exists.
/// `/dev/null` stands for "no rules", as it does for other tools.
fn claims_paths(given: &[PathBuf], config: Option<&Config>, cwd: &Path) -> Vec<PathBuf> {
    let chosen: Vec<PathBuf> = if !given.is_empty() {
        given.to_vec()
    } else if let Some(c) = config.filter(|c| !c.claims.is_empty()) {
        c.claims.iter().map(|p| relative(p, cwd)).collect()
    } else {
        let default = config.map_or_else(
            || PathBuf::from("claims"),
            |c| relative(&c.root.join("claims"), cwd),
        );
        if default.exists() {
            vec![default]
        } else {
            Vec::new()
        }
    };
    chosen
        .into_iter()
        .filter(|p| p != Path::new("/dev/null"))
        .collect()
}

/// `path` relative to `cwd` where both are absolute (`../source` from a subfolder), so
/// that reports print the short paths people type; otherwise `path` unchanged.
fn relative(path: &Path, cwd: &Path) -> PathBuf {
    if !path.is_absolute() || !cwd.is_absolute() {
        return path.to_path_buf();
    }
    let p: Vec<Component> = path.components().collect();
    let c: Vec<Component> = cwd.components().collect();
    let common = p.iter().zip(&c).take_while(|(a, b)| a == b).count();
    let mut rel = PathBuf::new();
    for _ in common..c.len() {
        rel.push("..");
    }
    for part in &p[common..] {
        rel.push(part);
    }
    if rel.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        rel
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_walk_up_and_down() {
        let cwd = Path::new("/repo/sub");
        assert_eq!(
            relative(Path::new("/repo/source"), cwd),
            PathBuf::from("../source")
        );
        assert_eq!(
            relative(Path::new("/repo/sub/a.md"), cwd),
            PathBuf::from("a.md")
        );
        assert_eq!(relative(Path::new("/repo/sub"), cwd), PathBuf::from("."));
        assert_eq!(relative(Path::new("x/y"), cwd), PathBuf::from("x/y"));
    }

    #[test]
    fn tolerance_flag_is_a_fraction() {
        assert_eq!(parse_tolerance("0.1"), Ok(0.1));
        assert!(parse_tolerance("5").unwrap_err().contains("`5`"));
        assert!(parse_tolerance("nan").is_err());
    }
}
