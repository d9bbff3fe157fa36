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

use crate::escape;
use crate::read::{self, DEFAULT_MAX_FILESIZE, ReadError};

pub use discover::{Discovered, Excludes, discover, discover_with};
pub use lines::LineIndex;
pub use position::{Position, PositionEncoding};
pub use sections::Headings;
pub use span::Span;

/// What a piece of a file contributes to the file's own `Document` when the file is
/// checked in pieces: its headings, suppression directives and blanked ranges, with spans
/// in the piece's bytes until `shift`ed. Computing it masks the piece and drops the masked
/// copy, so that a whole file's outline costs no more than its headings and directives.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// (level, title, heading span) of each heading, in order.
    pub headings: Vec<(u8, String, Span)>,
    /// Whether the headings are Markdown headings (else plain-text ones, see `Headings`).
    pub markdown: bool,
    pub directives: Vec<Directive>,
    pub blanked: Vec<Span>,
}

impl Outline {
    /// The outline of `text`, a piece of a file named `path`. `title`: whether the piece
    /// begins the file (only there may a plain-text heading be the title). Plain-text
    /// headings are looked for only when the piece has no Markdown heading.
    pub fn of(path: &Path, text: &str, title: bool) -> Outline {
        let markdown = mask::is_markdown(path);
        let masked = mask::mask(text, markdown);
        let directives = if markdown {
            directives::directives(text, Some(&masked.html))
        } else {
            directives::directives(text, None)
        };
        let has_markdown = !masked.headings.is_empty();
        let headings = if has_markdown {
            masked
                .headings
                .into_iter()
                .map(|h| (h.level, h.title, h.span))
                .collect()
        } else {
            sections::plain_headings(text, &masked.text, title)
        };
        Outline {
            headings,
            markdown: has_markdown,
            directives,
            blanked: masked.blanked,
        }
    }

    /// The spans moved `by` bytes later (a piece's outline in the file's offsets).
    pub fn shift(&mut self, by: usize) {
        let moved = |s: &mut Span| *s = Span::new(s.start + by, s.end + by);
        self.headings.iter_mut().for_each(|h| moved(&mut h.2));
        self.directives.iter_mut().for_each(|d| moved(&mut d.span));
        self.blanked.iter_mut().for_each(moved);
    }

    /// Appends a later piece's outline (already shifted).
    pub fn append(&mut self, later: Outline) {
        self.markdown |= later.markdown;
        self.headings.extend(later.headings);
        self.directives.extend(later.directives);
        self.blanked.extend(later.blanked);
    }
}

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
    /// The ranges blanked in `masked`, sorted and disjoint. No edit may touch them: a word
    /// found in the blanked copy of code is not in the code.
    pub blanked: Vec<Span>,
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
/// Paths are printed with control characters escaped (a newline in a file name must not
/// start a line of its own on stderr).
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{}: cannot read: {error}", escape::path(path))]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error(
        "{}: not valid UTF-8 at byte {offset}; factlint reads UTF-8 text (save the file as UTF-8)",
        escape::path(path)
    )]
    Utf8 { path: PathBuf, offset: usize },
    #[error(
        "{}: binary file (NUL byte at byte {offset}); factlint reads text articles only",
        escape::path(path)
    )]
    Binary { path: PathBuf, offset: usize },
    #[error(
        "{}: UTF-16 text; factlint reads UTF-8: convert with `iconv -f UTF-16 -t UTF-8`",
        escape::path(path)
    )]
    Utf16 { path: PathBuf },
    #[error("{}: no such file or directory", escape::path(path))]
    Missing { path: PathBuf },
    #[error("{}: not a regular file ({kind}); not read", escape::path(path))]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error(
        "{}: {size} bytes, over the size limit of {limit}; not read (raise it with `--max-filesize`)",
        escape::path(path)
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
}

impl SourceError {
    /// The path the error is about.
    pub fn path(&self) -> &Path {
        match self {
            SourceError::Read { path, .. }
            | SourceError::Utf8 { path, .. }
            | SourceError::Binary { path, .. }
            | SourceError::Utf16 { path }
            | SourceError::Missing { path }
            | SourceError::NotRegular { path, .. }
            | SourceError::TooLarge { path, .. } => path,
        }
    }

    fn from_read(path: &Path, e: ReadError) -> SourceError {
        let path = path.to_path_buf();
        match e {
            ReadError::Missing => SourceError::Missing { path },
            ReadError::NotRegular(kind) => SourceError::NotRegular { path, kind },
            ReadError::TooLarge { size, limit } => SourceError::TooLarge { path, size, limit },
            ReadError::Binary { offset } => SourceError::Binary {
                path,
                offset: offset as usize,
            },
            ReadError::Utf16 => SourceError::Utf16 { path },
            ReadError::Io(error) => SourceError::Read { path, error },
        }
    }
}

/// Reads the text of one file of at most `max_filesize` bytes, BOM included, refusing what
/// is not UTF-8 text (see `Document::from_bytes`).
pub fn read_text(path: &Path, max_filesize: u64) -> Result<String, SourceError> {
    // `read::read` has refused UTF-16 and NUL bytes already: only UTF-8 is left to check.
    let bytes = read::read(path, max_filesize).map_err(|e| SourceError::from_read(path, e))?;
    // One validation, by the fast validator; the copy costs a small fraction of what
    // `String::from_utf8`'s own validation of CJK text would.
    Ok(utf8(path, &bytes)?.to_owned())
}

/// The bytes as text, validated once; the error names the offset of the first byte that
/// is not UTF-8.
fn utf8<'b>(path: &Path, bytes: &'b [u8]) -> Result<&'b str, SourceError> {
    simdutf8::basic::from_utf8(bytes).map_err(|_| {
        // The fast validator does not say where; the slow one does, on this rare path.
        let offset = std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        SourceError::Utf8 {
            path: path.to_path_buf(),
            offset,
        }
    })
}

/// Refuses UTF-16, binary (a NUL byte) and bytes that are not UTF-8.
fn validate<'b>(path: &Path, bytes: &'b [u8]) -> Result<&'b str, SourceError> {
    not_binary(path, bytes)?;
    utf8(path, bytes)
}

/// Refuses UTF-16 and binary (a NUL byte).
fn not_binary(path: &Path, bytes: &[u8]) -> Result<(), SourceError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(SourceError::Utf16 {
            path: path.to_path_buf(),
        });
    }
    if let Some(offset) = bytes
        .contains(&0)
        .then(|| bytes.iter().position(|&b| b == 0))
        .flatten()
    {
        return Err(SourceError::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    Ok(())
}

impl Document {
    /// Reads and prepares one file.
    pub fn load(path: &Path) -> Result<Document, SourceError> {
        Document::load_limited(path, DEFAULT_MAX_FILESIZE)
    }

    /// Reads and prepares one file of at most `max_filesize` bytes. Only regular files are
    /// read, and reading stops at the first NUL byte (see `crate::read`).
    pub fn load_limited(path: &Path, max_filesize: u64) -> Result<Document, SourceError> {
        Ok(Document::from_string(path, read_text(path, max_filesize)?))
    }

    /// Prepares the bytes of a file. A NUL byte means a binary file, not an article; offsets
    /// in errors count from the first byte of the file, BOM included.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Document, SourceError> {
        Ok(Document::from_text(path, validate(path, bytes)?))
    }

    /// Prepares text already in memory (rule examples, tests). The path decides whether the
    /// text is read as Markdown (`.md`, `.markdown`) or as plain text.
    pub fn from_text(path: &Path, text: &str) -> Document {
        Document::from_string(path, text.to_string())
    }

    /// `from_text` for a text the caller gives away: the document keeps it, uncopied.
    pub fn from_string(path: &Path, text: String) -> Document {
        Document::piece(path, text, Headings::Auto, 0)
    }

    /// Prepares a piece of a larger file checked on its own: `headings` says which
    /// headings the whole file has, and lines are numbered from the file's 0-based line
    /// `first_line` (byte offsets stay the piece's own).
    pub fn piece(path: &Path, mut text: String, headings: Headings, first_line: usize) -> Document {
        let bom = text.starts_with('\u{feff}');
        if bom {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let markdown = mask::is_markdown(path);
        let masked = mask::mask(&text, markdown);
        let sections = sections::sections_with(&text, &masked.text, &masked.headings, headings);
        let directives = if markdown {
            directives::directives(&text, Some(&masked.html))
        } else {
            directives::directives(&text, None)
        };
        Document {
            path: path.to_path_buf(),
            lines: LineIndex::starting_at(&text, first_line),
            text,
            masked: masked.text,
            blanked: masked.blanked,
            bom,
            sections,
            directives,
        }
    }

    /// A document assembled from its parts, without the masked copy (`masked` is empty):
    /// what a file checked in pieces keeps for its report (see `Outline`). Fixing refuses
    /// every edit to such a document, since no masked byte can be compared.
    pub fn assembled(
        path: &Path,
        text: String,
        bom: bool,
        lines: LineIndex,
        outline: Outline,
    ) -> Document {
        let sections = sections::ranges(outline.headings, text.len());
        Document {
            path: path.to_path_buf(),
            lines,
            text,
            masked: String::new(),
            blanked: outline.blanked,
            bom,
            sections,
            directives: outline.directives,
        }
    }

    /// The original text of a span.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or_default()
    }

    /// Whether `span` shares a byte with a blanked range (code, URL, comment, front matter);
    /// an empty span counts when it lies strictly inside one.
    pub fn touches_masked(&self, span: Span) -> bool {
        // The last blanked range starting before the span's end is the only candidate that
        // is not wholly after it; ranges are disjoint, so it is enough to look at it.
        let end = span.end.max(span.start);
        let i = self.blanked.partition_point(|b| b.start < end);
        i > 0 && self.blanked[i - 1].end > span.start
    }

    /// The innermost section holding `offset`, if any.
    pub fn section_at(&self, offset: usize) -> Option<&Section> {
        self.sections
            .iter()
            .filter(|s| s.range.start <= offset && offset < s.range.end)
            .max_by_key(|s| (s.level, s.range.start))
    }
}
