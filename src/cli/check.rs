//! `factlint check [PATH...]`: the flags in, a `Session` loaded from them, then each
//! source's `FileReport` printed as it comes; exit 0, 1 or 2 (docs/check.md).
//!
//! The session validates every rule file before any article is read and hands back one file
//! at a time, so memory is bounded by the largest file.

use std::io::Write;
use std::path::PathBuf;

use crate::config::FailOn;
use crate::report::{Format, Printer};
use crate::session::{Session, Settings};

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
    let settings = Settings {
        config: args.config.clone(),
        claims: args.claims.clone(),
        tolerance: args.tolerance,
        fail_on: args.fail_on,
        ..Settings::from_current_dir()
    };
    let session = match Session::load(&settings) {
        Ok(session) => session,
        Err(e) => {
            super::print_load_error(&e);
            return EXIT_ERROR;
        }
    };
    let paths = if args.paths.is_empty() {
        session.default_paths().to_vec()
    } else {
        args.paths.clone()
    };
    let format = args.format.unwrap_or(Format::Diff);
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
    match report(&session, &paths, args.fix, format, &mut *out, color) {
        Ok(code) => code,
        // The reader went away (`| head`): nothing is left to tell it, as with ripgrep.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("error: cannot write the report: {e}");
            EXIT_ERROR
        }
    }
}

/// Checks (or fixes) each file in turn and prints it as it comes; the errors go to stderr
/// as they happen and into the report's end.
fn report(
    session: &Session,
    paths: &[PathBuf],
    fix: bool,
    format: Format,
    out: &mut dyn Write,
    color: bool,
) -> std::io::Result<u8> {
    let fail_on = session.fail_on();
    let mut errors = Vec::new();
    let mut fails = false;
    let mut printer = Printer::new(format, out, color)?;
    for result in session.check_paths(paths, fix) {
        match result {
            Ok(mut file) => {
                for e in file.errors.drain(..) {
                    eprintln!("error: {e}");
                    errors.push(e);
                }
                fails |= file.findings.iter().any(|f| fail_on.fails(f.severity));
                printer.file(&file)?;
            }
            Err(e) => {
                eprintln!("error: {e}");
                errors.push(e);
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerance_flag_is_a_fraction() {
        assert_eq!(parse_tolerance("0.1"), Ok(0.1));
        assert!(parse_tolerance("5").unwrap_err().contains("`5`"));
        assert!(parse_tolerance("nan").is_err());
    }
}
