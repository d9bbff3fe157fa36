//! `factlint schema rules|config`: the JSON Schema (draft-07) of rule files or of
//! `factlint.yaml`, derived from the loader's own types, for editors
//! (yaml-language-server). The same text is committed under `docs/schemas/`.

use std::io::Write;

use crate::config;
use crate::rules::RuleSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Which {
    /// A rule file (`claims/*.yaml`).
    Rules,
    /// `factlint.yaml`.
    Config,
}

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Which schema to print.
    #[arg(value_enum)]
    pub which: Which,
}

/// The schema's text as committed under `docs/schemas/`.
pub fn text(which: Which) -> String {
    let value = match which {
        Which::Rules => RuleSet::schema(),
        Which::Config => config::schema(),
    };
    let mut s = serde_json::to_string_pretty(&value).expect("a JSON value always serialises");
    s.push('\n');
    s
}

pub fn run(args: SchemaArgs) -> u8 {
    match std::io::stdout()
        .lock()
        .write_all(text(args.which).as_bytes())
    {
        Ok(()) => super::EXIT_OK,
        Err(_) => super::EXIT_ERROR,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed schemas are what the loader's types derive: regenerate them with
    /// `factlint schema rules > docs/schemas/rules.schema.json` (and `config`).
    #[test]
    fn the_committed_schemas_match_the_types() {
        assert_eq!(
            text(Which::Rules),
            include_str!("../../docs/schemas/rules.schema.json")
        );
        assert_eq!(
            text(Which::Config),
            include_str!("../../docs/schemas/config.schema.json")
        );
    }
}
