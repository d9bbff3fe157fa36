//! `factlint lsp`: starts the Language Server on stdin and stdout (`crate::lsp`); editors
//! run it as a child process. docs/editors.md shows the setup for each editor.

use std::path::PathBuf;

use crate::session::Settings;

#[derive(Debug, clap::Args)]
pub struct LspArgs {
    /// Configuration file (default: the nearest `factlint.yaml` from the workspace root up).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Rule files or folders (default: the configuration's, else `claims/`).
    #[arg(long, value_name = "PATH")]
    pub claims: Vec<PathBuf>,
    /// Accepted for clients that pass it; stdio is the only transport.
    #[arg(long, hide = true)]
    pub stdio: bool,
}

pub fn run(args: LspArgs) -> u8 {
    let settings = Settings {
        config: args.config,
        claims: args.claims,
        ..Settings::from_current_dir()
    };
    match crate::lsp::serve_stdio(settings) {
        Ok(()) => super::EXIT_OK,
        Err(crate::lsp::LspError::ExitWithoutShutdown) => super::EXIT_FINDINGS,
        Err(e) => {
            eprintln!("error: {e}");
            super::EXIT_ERROR
        }
    }
}
