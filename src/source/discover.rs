//! Finding the articles: the paths given on the command line in, the files to load, the
//! paths that could not be used and the entries skipped out.
//!
//! A file is taken as given, whatever its extension (a FIFO or device given by name is
//! refused when it is read). A directory is walked with ripgrep's walker (the `ignore`
//! crate), depth-first in byte order of the names (deterministic output), for `*.md`,
//! `*.markdown` and `*.txt`: hidden entries, `target`, what `.gitignore` and `.ignore` files
//! list (inside a Git repository or not) and the `exclude` globs are left out; symbolic links
//! to directories are not followed (no cycles); entries that are not regular files (a FIFO
//! named `x.md` would block the run for ever) are skipped and listed, so that the caller can
//! say so. An entry that cannot be read is an error for that entry only; the walk goes on.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use ignore::gitignore::{Gitignore, GitignoreBuilder};

use super::SourceError;
use crate::read::irregular_kind;

/// Extensions of the files a directory walk picks up (compared ignoring case).
const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// Globs that leave paths out of folder walks, each set with the folder it is relative to.
#[derive(Debug, Default, Clone)]
pub struct Excludes {
    sets: Vec<Gitignore>,
}

impl Excludes {
    /// Adds `globs` (gitignore syntax: `drafts/`, `*.txt`, `/notes/**`) relative to `root`
    /// (the config file's folder for `exclude:`, the working directory for `--exclude`).
    /// A glob that does not parse is returned as an error message.
    pub fn add(&mut self, root: &Path, globs: &[String]) -> Result<(), String> {
        if globs.is_empty() {
            return Ok(());
        }
        let mut builder = GitignoreBuilder::new(root);
        for g in globs {
            builder
                .add_line(None, g)
                .map_err(|e| format!("invalid exclude glob `{}`: {e}", crate::escape::echo(g)))?;
        }
        let set = builder
            .build()
            .map_err(|e| format!("invalid exclude globs: {e}"))?;
        self.sets.push(set);
        Ok(())
    }

    fn excludes(&self, path: &Path, is_dir: bool) -> bool {
        self.sets
            .iter()
            .any(|s| s.matched_path_or_any_parents(path, is_dir).is_ignore())
    }
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    pub errors: Vec<SourceError>,
    /// Entries named like articles that are not regular files, with their kind.
    pub skipped: Vec<(PathBuf, &'static str)>,
}

/// Expands the paths given on the command line: files as they are, directories walked for
/// `*.md`, `*.markdown` and `*.txt` in sorted order.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<SourceError>) {
    let found = discover_with(paths, &Excludes::default());
    (found.files, found.errors)
}

/// `discover`, leaving out what `excludes` matches in folder walks, and listing what was
/// skipped as not a regular file.
pub fn discover_with(paths: &[PathBuf], excludes: &Excludes) -> Discovered {
    let mut found = Discovered::default();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, excludes, &mut found),
            Ok(_) => found.files.push(path.clone()),
            Err(error) => found.errors.push(not_usable(path, error)),
        }
    }
    found
}

/// A missing path is `Missing`; anything else that stops reading is `Read`.
pub(super) fn not_usable(path: &Path, error: io::Error) -> SourceError {
    if error.kind() == io::ErrorKind::NotFound {
        SourceError::Missing {
            path: path.to_path_buf(),
        }
    } else {
        SourceError::Read {
            path: path.to_path_buf(),
            error,
        }
    }
}

fn walk(dir: &Path, excludes: &Excludes, found: &mut Discovered) {
    let filter = excludes.clone();
    let walker = WalkBuilder::new(dir)
        .standard_filters(true)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |e| {
            let is_dir = e.file_type().is_some_and(|t| t.is_dir());
            let build_output = is_dir && e.depth() > 0 && e.file_name() == "target";
            !build_output && !filter.excludes(e.path(), is_dir)
        })
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error_path(&error).unwrap_or(dir).to_path_buf();
                let error = match error.into_io_error() {
                    Some(e) => e,
                    None => io::Error::other("cannot walk the folder"),
                };
                found.errors.push(not_usable(&path, error));
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let path = entry.path();
        let Some(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() || !has_article_extension(path) {
            continue;
        }
        if kind.is_symlink() {
            match fs::metadata(path) {
                Ok(meta) if meta.is_file() => found.files.push(path.to_path_buf()),
                Ok(meta) => {
                    if let Some(k) = irregular_kind(meta.file_type()).filter(|_| !meta.is_dir()) {
                        found.skipped.push((path.to_path_buf(), k));
                    }
                }
                // A dangling link named like an article is an article we cannot read.
                Err(error) => {
                    let error = if error.kind() == io::ErrorKind::NotFound {
                        io::Error::new(io::ErrorKind::NotFound, "broken symbolic link")
                    } else {
                        error
                    };
                    found.errors.push(SourceError::Read {
                        path: path.to_path_buf(),
                        error,
                    });
                }
            }
        } else if let Some(k) = irregular_kind(kind) {
            found.skipped.push((path.to_path_buf(), k));
        } else {
            found.files.push(path.to_path_buf());
        }
    }
}

fn error_path(error: &ignore::Error) -> Option<&Path> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}
