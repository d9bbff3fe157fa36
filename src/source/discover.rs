//! Finding the articles: the paths given on the command line in, the files to load and the
//! paths that could not be used out.
//!
//! A file is taken as given, whatever its extension. A directory is walked depth-first in
//! byte order of the names (deterministic output) for `*.md`, `*.markdown` and `*.txt`,
//! skipping hidden entries and `target`; symbolic links to directories are not followed (no
//! cycles). An entry that cannot be read is an error for that entry only; the walk goes on.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::SourceError;

/// Extensions of the files a directory walk picks up (compared ignoring case).
const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// Expands the paths given on the command line: files as they are, directories walked for
/// `*.md`, `*.markdown` and `*.txt` in sorted order.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<SourceError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut files, &mut errors),
            Ok(_) => files.push(path.clone()),
            Err(error) => errors.push(not_usable(path, error)),
        }
    }
    (files, errors)
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

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<SourceError>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            errors.push(not_usable(dir, error));
            return;
        }
    };
    let mut names = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => names.push(entry.file_name()),
            Err(error) => errors.push(not_usable(dir, error)),
        }
    }
    names.sort();
    for name in names {
        if name.as_encoded_bytes().first() == Some(&b'.') || name == "target" {
            continue;
        }
        let path = dir.join(&name);
        let link = match fs::symlink_metadata(&path) {
            Ok(meta) => meta.file_type().is_symlink(),
            Err(error) => {
                errors.push(not_usable(&path, error));
                continue;
            }
        };
        let wanted = has_article_extension(&path);
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                if !link {
                    walk(&path, files, errors);
                }
            }
            Ok(_) if wanted => files.push(path),
            Ok(_) => {}
            // A dangling link named like an article is an article we cannot read.
            Err(error) if wanted => {
                let error = if link && error.kind() == io::ErrorKind::NotFound {
                    io::Error::new(io::ErrorKind::NotFound, "broken symbolic link")
                } else {
                    error
                };
                errors.push(SourceError::Read { path, error });
            }
            Err(_) => {}
        }
    }
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}
