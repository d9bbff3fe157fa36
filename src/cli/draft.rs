//! `factlint draft ARTICLE --facts FACTS [-o FILE]`: draft the claims of an article from a
//! list of facts (a rule file's `facts:` or a CSV `id,value,unit,source[,precision]`).
//!
//! Writes the draft rule file to `-o` (never over an existing file) or to stdout, and prints
//! a summary to stderr: near misses first, then the counts. Exits 0 when the draft is
//! written, 2 on an unreadable input or an existing output file.

use std::io::Write;
use std::path::PathBuf;

use crate::draft::{Outcome, read_facts};
use crate::session::{Session, Settings};

#[derive(Debug, clap::Args)]
pub struct DraftArgs {
    /// The article to draft rules for.
    pub article: PathBuf,
    /// The facts: a rule file (its `facts:` section is read) or a CSV file.
    #[arg(long, value_name = "FILE")]
    pub facts: PathBuf,
    /// Where to write the draft (default: stdout). An existing file is never overwritten.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Configuration file (default: the nearest `factlint.yaml` from here up).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(args: DraftArgs) -> u8 {
    let settings = Settings {
        config: args.config,
        load_rules: false,
        ..Settings::from_current_dir()
    };
    let session = match Session::load(&settings) {
        Ok(s) => s,
        Err(e) => {
            super::print_load_error(&e);
            return super::EXIT_ERROR;
        }
    };
    let facts = match read_facts(&args.facts) {
        Ok(f) => f,
        Err(errors) => {
            for e in errors {
                eprintln!("error: {e}");
            }
            return super::EXIT_ERROR;
        }
    };
    if let Some(out) = &args.output
        && out.exists()
    {
        eprintln!(
            "error: {}: already exists; draft never overwrites a file (remove it or give another -o)",
            out.display()
        );
        return super::EXIT_ERROR;
    }
    let draft = match session.draft_path(&args.article, &facts) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return super::EXIT_ERROR;
        }
    };
    let yaml = draft.to_yaml();
    let mut err = std::io::stderr().lock();
    for (e, c) in draft.near_misses() {
        let _ = writeln!(
            err,
            "near miss: {}:{}: `{}`: {}",
            draft.article.display(),
            e.line,
            e.text,
            c.why.trim_start_matches("drafted: ")
        );
    }
    let count =
        |f: &dyn Fn(&Outcome) -> bool| draft.entries.iter().filter(|e| f(&e.outcome)).count();
    let _ = writeln!(
        err,
        "{} quantities: {} tied to facts ({} claims, {} near misses, {} not written), {} ambiguous, {} tied to no fact; {} durations, counts of one and list counts left out",
        draft.quantities(),
        draft.tied(),
        count(&|o| matches!(o, Outcome::Claim(_))),
        count(&|o| matches!(o, Outcome::NearMiss(_))),
        count(&|o| matches!(o, Outcome::Unwritten(..))),
        count(&|o| matches!(o, Outcome::Ambiguous(_))),
        count(&|o| matches!(o, Outcome::Untied)),
        count(&|o| matches!(o, Outcome::NotAClaim)),
    );
    match &args.output {
        Some(path) => {
            let written = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .and_then(|mut f| f.write_all(yaml.as_bytes()));
            if let Err(e) = written {
                eprintln!("error: {}: cannot write: {e}", path.display());
                return super::EXIT_ERROR;
            }
            let _ = writeln!(err, "wrote {}", path.display());
        }
        None => {
            if std::io::stdout().lock().write_all(yaml.as_bytes()).is_err() {
                return super::EXIT_ERROR;
            }
        }
    }
    super::EXIT_OK
}
