//! `factlint explain [ID]`: print a built-in check's documentation.

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A built-in check id; all of them when omitted.
    pub id: Option<String>,
}

pub fn run(_args: ExplainArgs) -> u8 {
    super::EXIT_OK
}
