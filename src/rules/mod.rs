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

impl RuleSet {
    /// The rule files whose `applies_to` matches `path`.
    pub fn for_path(&self, _path: &Path) -> Vec<&RuleFile> {
        Vec::new()
    }
}
