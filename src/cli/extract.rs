//! `factlint extract PATH... [--format table|json] [--all]`

use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Files or directories (walked for *.md, *.markdown, *.txt).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ExtractFormat,
    /// Also list years, dates, ordinals, figure references and names with digits.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExtractFormat {
    Table,
    Json,
}

pub fn run(_args: ExtractArgs) -> u8 {
    super::EXIT_OK
}
