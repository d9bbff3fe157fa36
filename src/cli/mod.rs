//! The command line: clap argument types and one file per subcommand.
//!
//! This is the binary's front end; it lives in the library so that tests can drive it. It
//! parses arguments, asks a `Session` for typed results and prints them; it is the one place
//! besides `report` that writes to the terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod check;
mod completions;
mod draft;
mod eval;
mod explain;
mod extract;
mod init;
mod lsp;
mod progress;
pub mod schema;
mod test;

use clap::{Parser, Subcommand};

use crate::session::LoadError;

/// Exit status: nothing at or above the failing severity.
pub const EXIT_OK: u8 = 0;
/// Exit status: findings at or above the failing severity (or failing rule examples).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: usage, configuration, rule-file or input error.
pub const EXIT_ERROR: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "factlint",
    version,
    about = "Fact-check the numbers in articles"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check articles against the rule files and the built-in checks.
    Check(check::CheckArgs),
    /// List the numbers factlint reads in articles.
    Extract(extract::ExtractArgs),
    /// Run every rule's pass and fail examples.
    Test(test::TestArgs),
    /// Scaffold factlint.yaml, claims/ and, given an article, a draft of its rules.
    Init(init::InitArgs),
    /// Draft the claims of an article from a list of facts.
    Draft(draft::DraftArgs),
    /// Print an expression's value and interval over the rule files' facts.
    Eval(eval::EvalArgs),
    /// Print the JSON Schema of rule files or of factlint.yaml.
    Schema(schema::SchemaArgs),
    /// Print the documentation of a built-in check or of a rule.
    Explain(explain::ExplainArgs),
    /// Run the Language Server on stdin and stdout, for editors (docs/editors.md).
    Lsp(lsp::LspArgs),
    /// Print shell completions (bash, zsh, fish, elvish, powershell).
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff), or write one page per subcommand into a folder.
    Man(completions::ManArgs),
}

/// Parses the process arguments, runs the subcommand and returns the exit status.
pub fn run() -> u8 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
        }
    };
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Test(args) => test::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Draft(args) => draft::run(args),
        Command::Init(args) => init::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Lsp(args) => lsp::run(args),
        Command::Completions(args) => completions::completions(args),
        Command::Man(args) => completions::man(args),
    }
}

/// Prints why the session could not start, one `error:` line per problem.
fn print_load_error(e: &LoadError) {
    match e {
        LoadError::Config(e) => eprintln!("error: {e}"),
        LoadError::Exclude(e) => eprintln!("error: {}", crate::escape::control(e)),
        LoadError::Rules(errors) => {
            for e in errors {
                eprintln!("error: {e}");
            }
        }
    }
}
