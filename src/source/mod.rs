//! Loading articles: a path (or bytes, or text) in, a `Document` out.
//!
//! A `Document` holds the original text (BOM removed, line endings kept), a masked copy of
//! the same byte length in which code, URLs, HTML comments and front matter are blanked, a
//! line index, the section tree and the inline suppression directives. Every step is one
//! linear pass, so a 200 MB file without a newline loads in proportion to its size.

mod directives;
mod discover;
mod lines;
mod mask;
mod position;
mod sections;
mod span;

use std::path::{Path, PathBuf};

pub use discover::discover;
pub use lines::LineIndex;
pub use position::{Position, PositionEncoding};
pub use span::Span;

/// An article ready for extraction and checking.
#[derive(Debug, Clone)]
pub struct Document {
    /// As given on the command line or found by walking a directory.
    pub path: PathBuf,
    /// The original text without its BOM; every `Span` points into this.
    pub text: String,
    /// `text` with code, URLs, comments and front matter replaced by spaces (multi-byte
    /// characters by as many spaces as they have bytes); `\n` and `\r` are kept, so byte
    /// offsets and lines agree with `text`. Markdown constructs are masked only in `.md` and
    /// `.markdown` files; bare URLs in every file.
    pub masked: String,
    /// Whether the file began with a UTF-8 BOM (written back by `--fix`).
    pub bom: bool,
    pub lines: LineIndex,
    /// Headings in document order, each with the byte range it governs.
    pub sections: Vec<Section>,
    /// `<!-- factlint-disable… -->` comments, in order.
    pub directives: Vec<Directive>,
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

/// An inline suppression comment, read from the original text (see `directives.rs`).
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
    /// `factlint-disable-next-line`: the next non-blank line.
    DisableNextLine,
    /// `factlint-disable`: from here to a matching `factlint-enable` or the end.
    Disable,
    /// `factlint-enable`: ends a `factlint-disable`.
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
    #[error(
        "{path}: not valid UTF-8 at byte {offset}; factlint reads UTF-8 text (save the file as UTF-8)"
    )]
    Utf8 { path: PathBuf, offset: usize },
    #[error("{path}: binary file (NUL byte at byte {offset}); factlint reads text articles only")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: no such file or directory")]
    Missing { path: PathBuf },
}

impl SourceError {
    /// The path the error is about.
    pub fn path(&self) -> &Path {
        match self {
            SourceError::Read { path, .. }
            | SourceError::Utf8 { path, .. }
            | SourceError::Binary { path, .. }
            | SourceError::Missing { path } => path,
        }
    }
}

impl Document {
    /// Reads and prepares one file.
    pub fn load(path: &Path) -> Result<Document, SourceError> {
        let bytes = std::fs::read(path).map_err(|error| discover::not_usable(path, error))?;
        Document::from_bytes(path, &bytes)
    }

    /// Prepares the bytes of a file. A NUL byte means a binary file, not an article; offsets
    /// in errors count from the first byte of the file, BOM included.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Document, SourceError> {
        if bytes.contains(&0) {
            let offset = bytes.iter().position(|&b| b == 0).unwrap_or_default();
            return Err(SourceError::Binary {
                path: path.to_path_buf(),
                offset,
            });
        }
        let text = std::str::from_utf8(bytes).map_err(|e| SourceError::Utf8 {
            path: path.to_path_buf(),
            offset: e.valid_up_to(),
        })?;
        Ok(Document::from_text(path, text))
    }

    /// Prepares text already in memory (rule examples, tests). The path decides whether the
    /// text is read as Markdown (`.md`, `.markdown`) or as plain text.
    pub fn from_text(path: &Path, text: &str) -> Document {
        let (bom, text) = match text.strip_prefix('\u{feff}') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let markdown = mask::is_markdown(path);
        let masked = mask::mask(text, markdown);
        let sections = sections::sections(text, &masked.text, &masked.headings);
        let directives = if markdown {
            directives::directives(text, Some(&masked.html))
        } else {
            directives::directives(text, None)
        };
        Document {
            path: path.to_path_buf(),
            text: text.to_string(),
            masked: masked.text,
            bom,
            lines: LineIndex::new(text),
            sections,
            directives,
        }
    }

    /// The original text of a span.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or_default()
    }

    /// The innermost section holding `offset`, if any.
    pub fn section_at(&self, offset: usize) -> Option<&Section> {
        self.sections
            .iter()
            .filter(|s| s.range.start <= offset && offset < s.range.end)
            .max_by_key(|s| (s.level, s.range.start))
    }
}
