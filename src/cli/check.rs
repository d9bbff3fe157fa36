//! `factlint check [PATH...]`: the flags in, a `Session` loaded from them, then each
//! source's `FileReport` printed as it comes; exit 0, 1 or 2 (docs/check.md).
//!
//! The session validates every rule file before any article is read and hands back one file
//! at a time, so memory is bounded by the largest file.

use std::io::Write;
use std::path::PathBuf;

use crate::config::FailOn;
use crate::report::{FileError, FileReport, Format, PrintOptions, Printer};
use crate::session::stream::{self, StreamOptions};
use crate::session::{Session, Settings};

use super::progress::Progress;
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
    /// Apply every safe fix to the files, then report what remains.
    #[arg(long)]
    pub fix: bool,
    /// With --fix, also apply the fixes that may change what the text means.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Configuration file (default: the nearest `factlint.yaml` from here up).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// After each file, list every number with what checked it (a claim, a built-in) or
    /// `unchecked`; durations and counts of one are listed as not counted.
    #[arg(long)]
    pub coverage: bool,
    /// Leave paths matching GLOB out of folder walks (gitignore syntax, relative to the
    /// working directory); may be repeated. Adds to the config's `exclude`.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Skip articles larger than this many bytes (suffixes K, M, G) [default: 100M].
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_filesize: Option<u64>,
    /// Approximation tolerance for hedged numbers (约, about), as a fraction [default: 0.05].
    #[arg(long, value_name = "R", value_parser = parse_tolerance)]
    pub tolerance: Option<f64>,
    /// Findings only: no summary, no lines about what `--fix` changed.
    #[arg(short, long)]
    pub quiet: bool,
    /// One line per rule with its number of findings, instead of each finding (formats
    /// `diff` and `line`).
    #[arg(long)]
    pub statistics: bool,
    /// Leave out the closing summary (formats `diff`, `line` and `github`).
    #[arg(long)]
    pub no_summary: bool,
    /// Threads to check on [default: one per core]; reports come in the same order whatever
    /// the number.
    #[arg(short = 'j', long = "threads", value_name = "N")]
    pub threads: Option<usize>,
    /// Read JSON Lines from standard input (`{"id": …, "path": …, "text": …}`, one article a
    /// line) and write one JSON report per line, in input order (docs/check.md).
    #[arg(long, conflicts_with_all = ["paths", "fix", "unsafe_fixes", "format", "statistics"])]
    pub stream: bool,
    /// The path an article read from standard input (`-`) stands for: it decides Markdown
    /// or plain text, which rule files apply, and what reports print [default: stdin.md].
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
}

/// `4096`, `512K`, `100M`, `2G` (powers of 1024, as ripgrep reads them).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'K' | 'k')) => (&t[..i], 10),
        Some((i, 'M' | 'm')) => (&t[..i], 20),
        Some((i, 'G' | 'g')) => (&t[..i], 30),
        _ => (t, 0),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1u64 << shift))
        .ok_or_else(|| format!("`{s}` is not a size; give bytes such as `4096`, `512K` or `100M`"))
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
        exclude: args.exclude.clone(),
        max_filesize: args.max_filesize,
        unsafe_fixes: args.unsafe_fixes,
        // Only these outputs list every number; a large file need not hold them otherwise.
        keep_numbers: args.stream
            || args.coverage
            || matches!(args.format, Some(Format::Json | Format::Html)),
        keep_details: args.stream
            || args.statistics
            || args.fix
            || args.unsafe_fixes
            || args.format != Some(Format::Line),
        ..Settings::from_current_dir()
    };
    let session = match Session::load(&settings) {
        Ok(session) => session,
        Err(e) => {
            super::print_load_error(&e);
            return EXIT_ERROR;
        }
    };
    let threads = args.threads.unwrap_or(0);
    let stdin_name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| PathBuf::from("stdin.md"));
    if args.stream {
        return stream(&session, threads, stdin_name);
    }
    let from_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    let fix = args.fix || args.unsafe_fixes;
    if from_stdin && (args.paths.len() > 1 || fix) {
        eprintln!(
            "error: `-` (standard input) must be the only path, without --fix; name it with --stdin-filename"
        );
        return EXIT_ERROR;
    }
    let paths = if args.paths.is_empty() {
        session.default_paths().to_vec()
    } else {
        args.paths.clone()
    };
    let format = args.format.unwrap_or(Format::Diff);
    if args.statistics && !format.has_statistics() {
        eprintln!(
            "error: `--statistics` replaces the findings with counts; use it with `--format diff` or `--format line`"
        );
        return EXIT_ERROR;
    }
    let print = PrintOptions {
        summary: !args.quiet && !args.no_summary,
        fixes: !args.quiet,
        statistics: args.statistics,
        coverage: args.coverage,
    };
    // The formats for people get colour when `--color`, `NO_COLOR`, `CLICOLOR`, `TERM` and
    // whether stdout is a terminal allow it; without colour the diff marks changes with
    // carets instead. The formats for machines are written as they are.
    let stdout = std::io::stdout();
    args.color.write_global();
    let choice = anstream::AutoStream::choice(&stdout);
    let for_people = matches!(format, Format::Diff);
    let color = for_people && choice != anstream::ColorChoice::Never;
    // Buffered: a locked stdout writes each line with its own system call, and a corpus
    // gives thousands of lines. The printer flushes after each file.
    let mut out: Box<dyn Write> = if for_people {
        Box::new(std::io::BufWriter::with_capacity(
            1 << 16,
            anstream::AutoStream::new(stdout.lock(), choice),
        ))
    } else {
        Box::new(std::io::BufWriter::with_capacity(1 << 16, stdout.lock()))
    };
    let input = if from_stdin {
        Input::Stdin(stdin_name)
    } else {
        Input::Paths(&paths)
    };
    let run = Run {
        fix,
        threads,
        format,
        print,
        color,
    };
    match report(&session, input, &run, &mut *out) {
        Ok(code) => code,
        // The reader went away (`| head`): nothing is left to tell it, as with ripgrep.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("error: cannot write the report: {e}");
            EXIT_ERROR
        }
    }
}

/// What to check: files and folders, or one article on standard input.
enum Input<'a> {
    Paths(&'a [PathBuf]),
    Stdin(PathBuf),
}

/// How to check and print.
struct Run {
    fix: bool,
    threads: usize,
    format: Format,
    print: PrintOptions,
    color: bool,
}

/// Checks (or fixes) each file, on every core, and prints each as it comes in sorted order;
/// the errors go to stderr as they happen and into the report's end.
fn report(
    session: &Session,
    input: Input<'_>,
    run: &Run,
    out: &mut dyn Write,
) -> std::io::Result<u8> {
    let fail_on = session.fail_on();
    let mut errors = Vec::new();
    let mut fails = false;
    let mut printer = Printer::with_options(run.format, out, run.color, run.print)?;
    let mut progress = Progress::new();
    let mut each = |result: Result<FileReport, FileError>| -> std::io::Result<()> {
        match result {
            Ok(mut file) => {
                progress.suspend(|| {
                    for e in file.errors.drain(..) {
                        eprintln!("error: {e}");
                        errors.push(e);
                    }
                });
                fails |= file.findings.iter().any(|f| fail_on.fails(f.severity));
                progress.file(&file);
                progress.suspend(|| printer.file(&file))?;
            }
            Err(e) => {
                progress.suspend(|| eprintln!("error: {e}"));
                errors.push(e);
            }
        }
        Ok(())
    };
    match input {
        Input::Paths(paths) => {
            let walked = session.walk(paths);
            for (path, kind) in &walked.skipped {
                eprintln!(
                    "note: {}: skipped, not a regular file ({kind})",
                    crate::escape::path(path)
                );
            }
            session.check_each(walked, run.fix, run.threads, &mut each)?;
        }
        Input::Stdin(name) => {
            let mut bytes = Vec::new();
            let read = std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes);
            match read {
                Ok(_) => each(session.check_bytes(&name, &bytes))?,
                Err(e) => {
                    eprintln!("error: cannot read standard input: {e}");
                    return Ok(EXIT_ERROR);
                }
            }
        }
    }
    progress.finish();
    printer.finish(&errors)?;
    Ok(if !errors.is_empty() {
        EXIT_ERROR
    } else if fails {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// `--stream`: JSON Lines from stdin to stdout. Findings and malformed lines are data in
/// the output, not failures, so the exit status is 0 unless the session could not load or
/// the streams could not be read or written (2): a pipeline stage (Spark's `RDD.pipe`)
/// fails its task on any other status.
fn stream(session: &Session, threads: usize, default_path: PathBuf) -> u8 {
    let options = StreamOptions {
        threads,
        default_path,
    };
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    match stream::run(session, stdin.lock(), &mut out, &options) {
        Ok(_) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("error: stream stopped: {e}");
            EXIT_ERROR
        }
    }
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
