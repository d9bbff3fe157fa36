//! Rule files: YAML in (`claims/*.yaml`), a compiled `RuleSet` out.
//!
//! Every file is parsed into typed `Raw*` structs (unknown keys rejected), then compiled:
//! expressions parsed and resolved, templates turned into matchers, globs built. Any error
//! names the file, line and column.

use std::path::{Path, PathBuf};

/// All rule files of a run.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub files: Vec<RuleFile>,
}

/// One compiled rule file.
#[derive(Debug)]
pub struct RuleFile {
    pub path: PathBuf,
}

/// A rule file that cannot be used: where, and what to do about it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}:{line}:{column}: {message}", path.display())]
pub struct RuleError {
    pub path: PathBuf,
    /// 1-based; 0 when the error is about the whole file.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
}

impl RuleSet {
    /// Loads every `*.yaml`/`*.yml` file named or found in the folders named, and compiles
    /// them. `root` is the repository root that `applies_to` globs are relative to. Every
    /// file is validated; all errors are returned together.
    pub fn load(_paths: &[PathBuf], _root: &Path) -> Result<RuleSet, Vec<RuleError>> {
        Ok(RuleSet::default())
    }

    /// The rule files whose `applies_to` matches `path`.
    pub fn for_path(&self, _path: &Path) -> Vec<&RuleFile> {
        Vec::new()
    }
}
