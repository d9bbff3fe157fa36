//! `factlint.yaml`: a path in (or found by walking up from the working directory), a
//! `Config` out: which sources and rule files, built-in severities, the approximation
//! tolerance and the fail-on level. Command-line flags override it; paths in it are
//! relative to its folder. Unknown keys and bad values are errors with line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::check::{Builtin, CheckOptions, Severity};

pub const FILE_NAME: &str = "factlint.yaml";

/// The lowest severity that makes `factlint check` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

impl FailOn {
    /// Whether a finding of `severity` fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Never => false,
        }
    }
}

/// A built-in check's severity in the config (read by `Severity`'s own serde derive, as rule
/// files read theirs), or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Level(Option<Severity>);

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if text == "off" {
            return Ok(Level(None));
        }
        Severity::parse(&text)
            .map(|s| Level(Some(s)))
            .ok_or_else(|| {
                serde::de::Error::unknown_variant(&text, &["error", "warning", "info", "off"])
            })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    claims: Vec<String>,
    #[serde(default)]
    builtins: BTreeMap<String, Spanned<Level>>,
    tolerance: Option<Spanned<f64>>,
    fail_on: Option<FailOn>,
}

/// A loaded `factlint.yaml`, paths made relative to the working directory.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The file itself.
    pub path: PathBuf,
    /// Its folder: the repository root that rule globs are relative to.
    pub root: PathBuf,
    pub sources: Vec<PathBuf>,
    pub claims: Vec<PathBuf>,
    /// Built-ins whose severity the config sets; `None` turns the check off.
    pub builtins: Vec<(Builtin, Option<Severity>)>,
    pub tolerance: Option<f64>,
    pub fail_on: Option<FailOn>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {error}", path = path.display())]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}", path = path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

/// The nearest `factlint.yaml` in `start` or a folder above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Reads and validates a config file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|error| ConfigError::Read {
        path: path.to_path_buf(),
        error,
    })?;
    parse(path, &text)
}

/// Validates config text read from `path`.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let invalid = |line: u64, column: u64, message: String| ConfigError::Invalid {
        path: path.to_path_buf(),
        line: line as usize,
        column: column as usize,
        message,
    };
    let raw: RawConfig = if text.trim().is_empty() {
        RawConfig {
            sources: Vec::new(),
            claims: Vec::new(),
            builtins: BTreeMap::new(),
            tolerance: None,
            fail_on: None,
        }
    } else {
        serde_saphyr::from_str(text).map_err(|e| {
            let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
            invalid(line, column, plain_message(&e))
        })?
    };
    let root = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut builtins = Vec::new();
    for (id, level) in &raw.builtins {
        let Some(builtin) = Builtin::from_id(id) else {
            let valid: Vec<String> = Builtin::ALL
                .iter()
                .map(|b| format!("`{}`", b.id()))
                .collect();
            let at = &level.referenced;
            return Err(invalid(
                at.line(),
                at.column(),
                format!(
                    "unknown built-in check `{id}`, expected one of {}",
                    valid.join(", ")
                ),
            ));
        };
        let severity = level.value.0;
        builtins.push((builtin, severity));
    }
    if let Some(t) = &raw.tolerance
        && !(t.value.is_finite() && (0.0..1.0).contains(&t.value))
    {
        return Err(invalid(
            t.referenced.line(),
            t.referenced.column(),
            format!(
                "tolerance `{}` is out of range; give a fraction from 0 up to 1, such as `0.05`",
                t.value
            ),
        ));
    }
    Ok(Config {
        path: path.to_path_buf(),
        sources: raw.sources.iter().map(|s| root.join(s)).collect(),
        claims: raw.claims.iter().map(|s| root.join(s)).collect(),
        root,
        builtins,
        tolerance: raw.tolerance.map(|t| t.value),
        fail_on: raw.fail_on,
    })
}

/// serde-saphyr's error message without the `error: line L column C:` it puts in front
/// (we print our own `path:line:col:`), with the valid choices in backticks.
fn plain_message(e: &serde_saphyr::Error) -> String {
    let full = e.to_string();
    let mut m = full
        .lines()
        .next()
        .unwrap_or("invalid configuration")
        .trim();
    m = m.strip_prefix("error:").unwrap_or(m).trim_start();
    if m.starts_with("line ")
        && let Some((_, rest)) = m.split_once(": ")
    {
        m = rest;
    }
    match m.split_once("expected one of ") {
        Some((head, choices)) => {
            let quoted: Vec<String> = choices
                .split(", ")
                .map(|c| format!("`{}`", c.trim_matches('`')))
                .collect();
            format!("{head}expected one of {}", quoted.join(", "))
        }
        None => m.to_string(),
    }
}

impl Config {
    /// Sets the check options the config speaks about.
    pub fn apply(&self, options: &mut CheckOptions) {
        if let Some(t) = self.tolerance {
            options.tolerance = t;
        }
        for &(builtin, severity) in &self.builtins {
            options.builtins.retain(|(b, _)| *b != builtin);
            if let Some(s) = severity {
                options.builtins.push((builtin, s));
            }
        }
        options.builtins.sort_by_key(|(b, _)| *b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Config, ConfigError> {
        parse(Path::new("repo/factlint.yaml"), text)
    }

    #[test]
    fn reads_every_key_relative_to_its_folder() {
        let c = parse_str(
            "sources: [source, extra/a.md]\nclaims: [claims]\nbuiltins:\n  ratio_in_sentence: warning\n  multiple_wording: off\ntolerance: 0.1\nfail_on: warning\n",
        )
        .unwrap();
        assert_eq!(c.root, PathBuf::from("repo"));
        assert_eq!(
            c.sources,
            vec![
                PathBuf::from("repo/source"),
                PathBuf::from("repo/extra/a.md")
            ]
        );
        assert_eq!(c.claims, vec![PathBuf::from("repo/claims")]);
        assert_eq!(c.tolerance, Some(0.1));
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        let mut o = CheckOptions::default();
        c.apply(&mut o);
        assert_eq!(o.tolerance, 0.1);
        assert!(
            o.builtins
                .contains(&(Builtin::RatioInSentence, Severity::Warning))
        );
        assert!(
            !o.builtins
                .iter()
                .any(|(b, _)| *b == Builtin::MultipleWording)
        );
    }

    #[test]
    fn empty_file_is_an_empty_config() {
        let c = parse_str("  \n").unwrap();
        assert!(c.sources.is_empty() && c.builtins.is_empty() && c.fail_on.is_none());
    }

    #[test]
    fn unknown_key_is_located_and_lists_the_valid_ones() {
        let e = parse_str("sources: [a]\nfail-on: error\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("repo/factlint.yaml:2:1: "), "{e}");
        assert!(
            e.contains("`fail-on`") && e.contains("`fail_on`") && e.contains("`tolerance`"),
            "{e}"
        );
    }

    #[test]
    fn bad_values_are_located() {
        let e = parse_str("builtins:\n  ratio_in_sentense: off\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("repo/factlint.yaml:2:"), "{e}");
        assert!(
            e.contains("`ratio_in_sentense`") && e.contains("`ratio_in_sentence`"),
            "{e}"
        );
        let e = parse_str("builtins:\n  ratio_in_sentence: loud\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("2:") && e.contains("`loud`") && e.contains("`off`"),
            "{e}"
        );
        let e = parse_str("tolerance: 5\n").unwrap_err().to_string();
        assert!(
            e.starts_with("repo/factlint.yaml:1:12: tolerance `5`"),
            "{e}"
        );
        let e = parse_str("fail_on: sometimes\n").unwrap_err().to_string();
        assert!(e.contains("`never`"), "{e}");
    }

    #[test]
    fn discovery_walks_up() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(discover(&deep), None);
        std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
        assert_eq!(discover(&deep), Some(dir.path().join(FILE_NAME)));
    }
}
