//! Where users run factlint: the GitHub Action, the pre-commit hook, the HTML report in a
//! real browser, and the files a newcomer copies from (README, Cargo.toml's URLs).
//!
//! The pre-commit and browser tests need tools that a plain `cargo test` machine may lack;
//! they are `#[ignore]`d and `.ci/run` installs the tools and runs them with `--ignored`.

mod action;
mod browser;
mod precommit;
mod repository;

use std::path::{Path, PathBuf};

/// The factlint binary cargo built for these tests.
pub fn factlint_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_factlint"))
}

/// The repository's own root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Makes `dir` a repository with the bundled article and its rules, as a user's would be.
pub fn bundled_repo(dir: &Path) {
    for sub in ["source", "claims"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for entry in std::fs::read_dir(root().join(sub)).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                std::fs::copy(entry.path(), dir.join(sub).join(entry.file_name())).unwrap();
            }
        }
    }
}

/// The first program of `names` found on PATH.
pub fn which(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}
