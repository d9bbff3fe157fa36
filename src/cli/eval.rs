//! `factlint eval 'EXPR' [--claims PATH]...`: an expression's value and interval over the
//! facts of the rule files, for trying a check before writing it.
//!
//! Prints each fact used (value, precision, unit, source) and then `= value [low, high]`;
//! exits 2 on a syntax error or an unknown name.

use std::io::Write;
use std::path::PathBuf;

use crate::eval::human;
use crate::session::{Session, Settings};

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// The expression, e.g. `gemini_cost / gpt4_cost` or `1 - 189.2亿 / 234亿`.
    pub expression: String,
    /// Rule files or folders whose facts the expression may name (default: the config's
    /// `claims`, else `claims/`).
    #[arg(long = "claims", value_name = "PATH")]
    pub claims: Vec<PathBuf>,
    /// Configuration file (default: the nearest `factlint.yaml` from here up).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(args: EvalArgs) -> u8 {
    let settings = Settings {
        config: args.config,
        claims: args.claims,
        ..Settings::from_current_dir()
    };
    let session = match Session::load(&settings) {
        Ok(s) => s,
        Err(e) => {
            super::print_load_error(&e);
            return super::EXIT_ERROR;
        }
    };
    let evaluation = match session.eval(&args.expression) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("error: `{}`: {e}", args.expression);
            return super::EXIT_ERROR;
        }
    };
    let mut out = std::io::stdout().lock();
    let mut lines = Vec::new();
    for f in &evaluation.inputs {
        let precision = match f.precision {
            Some(p) => format!(" ± {}", human(p / 2.0)),
            None => String::new(),
        };
        lines.push(format!(
            "{} = {}{precision} {} ({})",
            f.id,
            human(f.value),
            f.unit,
            f.source
        ));
    }
    let v = evaluation.value;
    lines.push(format!("= {} {}", human(v.point), v.interval));
    for l in lines {
        if writeln!(out, "{l}").is_err() {
            return super::EXIT_ERROR;
        }
    }
    super::EXIT_OK
}
