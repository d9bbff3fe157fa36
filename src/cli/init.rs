//! `factlint init [ARTICLE] [--facts FACTS]`: scaffold `factlint.yaml`, a commented
//! `claims/example.yaml` and, given an article, `claims/<article>.yaml` with a draft of its
//! rules (from FACTS when given; else the list of its numbers to write rules for). Never
//! overwrites a file: each is reported as written or kept.

use std::io::Write;
use std::path::PathBuf;

use crate::draft::read_facts;
use crate::init::{Created, plan, write_new};
use crate::session::{Session, Settings};

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// An article to draft rules for.
    pub article: Option<PathBuf>,
    /// The facts for the draft: a rule file (its `facts:`) or a CSV
    /// `id,value,unit,source[,precision]`.
    #[arg(long, value_name = "FILE", requires = "article")]
    pub facts: Option<PathBuf>,
}

pub fn run(args: InitArgs) -> u8 {
    // A configuration above (another repository's) may set the tolerance; rules are not
    // needed.
    let settings = Settings {
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
    let facts = match &args.facts {
        None => Vec::new(),
        Some(path) => match read_facts(path) {
            Ok(f) => f,
            Err(errors) => {
                for e in errors {
                    eprintln!("error: {e}");
                }
                return super::EXIT_ERROR;
            }
        },
    };
    let draft = match &args.article {
        None => None,
        Some(article) => match session.draft_path(article, &facts) {
            Ok(d) => Some((article.as_path(), d.to_yaml())),
            Err(e) => {
                eprintln!("error: {e}");
                return super::EXIT_ERROR;
            }
        },
    };
    let sources = args
        .article
        .as_deref()
        .and_then(|a| a.parent())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "source".to_string());
    let files = plan(std::path::Path::new(""), &sources, draft);
    let done = match write_new(&files) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: cannot write: {e}");
            return super::EXIT_ERROR;
        }
    };
    let mut out = std::io::stdout().lock();
    for d in done {
        let line = match d {
            Created::Written(p) => format!("wrote {}", p.display()),
            Created::Kept(p) => format!("kept {} (it exists; init never overwrites)", p.display()),
        };
        if writeln!(out, "{line}").is_err() {
            return super::EXIT_ERROR;
        }
    }
    super::EXIT_OK
}
