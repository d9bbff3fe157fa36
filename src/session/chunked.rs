//! Checking one large file in pieces: a file's text in, the findings, counts and numbers of
//! the whole file out, with memory bounded by the text and a piece per thread.
//!
//! A text of `chunk_bytes` or more (1 MiB by default) is cut into pieces of about
//! `piece_bytes` (256 KiB by default), each ending just after a blank line that is followed by a line starting a new block at
//! the left margin (never inside a fenced code block, an HTML comment or raw HTML block, or
//! front matter; a table has no blank line, so it is never cut). A cut just before a `#`
//! heading is preferred when one lies within another piece's size, so that pieces follow
//! the articles of a file made of many.
//!
//! Each piece is checked as a document of its own (masking, extraction, claims, terms and
//! the built-ins) on the threads of the current rayon pool, a batch of eight pieces per
//! thread at a time, whose results are added to the file's before the next batch starts
//! (one piece after the other outside a pool). What spans pieces is joined here:
//!
//! - **Headings.** A first pass reads every piece's headings (and the whole file decides
//!   between Markdown and plain-text headings, as `source::sections` does for one text);
//!   each piece is then checked with the headings that govern its first paragraph written
//!   before it, copied from the file (`# 训练成本`, then `## 推理`), so that terms scoped by
//!   heading and section-scoped checks see the same section as in the whole file. What the
//!   checks find in those copied lines is dropped (the piece that holds the heading reports
//!   it), and lines are numbered in the file's terms.
//! - **Suppressions** (`factlint-disable` … `factlint-enable` may span pieces) are applied
//!   once, over the whole file's directives.
//! - **Claims that match nowhere**: a claim is unmatched when no piece matched it.
//! - **Counts and numbers**: summed, and each piece's mentions shifted to the file's bytes.
//!
//! Article-wide checks (consistency of a figure stated twice, a change across sentences)
//! compare figures within a piece only: a file this large is not one article but many, and
//! comparing one article's figures with another's would raise false alarms.

use rayon::prelude::*;

use crate::check::{
    CheckOptions, Coverage, Finding, MentionStatus, Origin, Stats, apply_suppressions,
    check_document,
};
use crate::extract::{Mention, extract};
use crate::rules::RuleSet;
use crate::source::{Document, Headings, LineIndex, Outline, Span};

/// Texts from this size on are checked in pieces: larger than any real article (2–100 KB).
pub const CHUNK_BYTES: usize = 1 << 20;

/// The size of a piece: a few articles. Smaller pieces hold less at a time (a piece's
/// analysis is the working set of a thread) and share the threads more evenly.
pub const PIECE_BYTES: usize = 1 << 18;

/// What checking a file in pieces found, in the file's bytes.
#[derive(Debug, Default)]
pub struct Checked {
    /// Sorted by position, then rule id, as `check::check_document` sorts them.
    pub findings: Vec<Finding>,
    pub stats: Stats,
    /// Every mention and its status, when asked for (else empty).
    pub mentions: Vec<Mention>,
    pub coverage: Coverage,
    /// The file's headings, directives and blanked ranges, for its `Document`.
    pub outline: Outline,
}

/// A piece of the file: the bytes `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
}

/// The rules and options a check needs, and how to cut.
pub struct Checker<'a> {
    pub rules: &'a RuleSet,
    pub options: &'a CheckOptions,
    /// Texts from this size on are cut (`CHUNK_BYTES` unless a test asks for less).
    pub chunk_bytes: usize,
    /// The size of a piece (`PIECE_BYTES`, never more than `chunk_bytes`).
    pub piece_bytes: usize,
    /// Whether to keep every mention and its status (html, json, `--coverage`).
    pub keep_numbers: bool,
    /// Whether to keep what only some formats print of a finding: its explanation, notes,
    /// citations, suggestion, found text and fix (`--format line` prints none of them).
    pub keep_details: bool,
}

impl Checker<'_> {
    /// Whether a text of `len` bytes is checked in pieces.
    pub fn splits(&self, len: usize) -> bool {
        len >= self.chunk_bytes.max(1)
    }

    /// Checks `text`, the whole of the file at `path`, in pieces; `lines` is its line index.
    pub fn check(&self, path: &std::path::Path, text: &str, lines: &LineIndex) -> Checked {
        let pieces = pieces(text, self.piece_bytes.clamp(1, self.chunk_bytes.max(1)));
        // First pass: each piece's headings, directives and blanked ranges.
        let indexed: Vec<(usize, Piece)> = pieces.iter().copied().enumerate().collect();
        let outlines: Vec<Outline> = on_pool(&indexed, |&(i, p)| {
            let mut o = Outline::of(path, &text[p.start..p.end], i == 0);
            o.shift(p.start);
            o
        });
        let markdown = outlines.iter().any(|o| o.markdown);
        let mut outline = Outline {
            markdown,
            ..Outline::default()
        };
        for o in outlines {
            // A piece without Markdown headings looked for plain-text ones, which a file
            // with Markdown headings does not have.
            let keep = o.markdown == markdown;
            let Outline {
                headings,
                directives,
                blanked,
                ..
            } = o;
            if keep {
                outline.headings.extend(headings);
            }
            outline.directives.extend(directives);
            outline.blanked.extend(blanked);
        }
        let governing = governing(&outline.headings, &pieces);
        // Second pass: each piece checked with its governing headings written before it.
        // Eight pieces per thread at a time, each added to the file's results as soon as
        // its batch is done, so that at most a batch of pieces' results is held twice
        // (small: a piece's findings), and threads wait for each other once a batch.
        let mut joined = Joined::default();
        // (Outside a pool, asking rayon for its size would start its global pool.)
        let threads = match rayon::current_thread_index() {
            Some(_) => rayon::current_num_threads(),
            None => 1,
        };
        let batch = 8 * threads.max(1);
        let indexed: Vec<(usize, Piece)> = pieces.iter().copied().enumerate().collect();
        for group in indexed.chunks(batch) {
            let parts: Vec<Part> = on_pool(group, |&(i, p)| {
                let first_line = lines.line_of(p.start);
                self.check_piece(path, text, p, &governing[i], markdown, first_line)
            });
            for part in parts {
                joined.add(part);
            }
        }
        self.join(&mut joined, outline, pieces.len())
    }

    fn check_piece(
        &self,
        path: &std::path::Path,
        text: &str,
        piece: Piece,
        governing: &[(u8, Span)],
        markdown: bool,
        first_line: usize,
    ) -> Part {
        let prefix = Prefix::new(text, governing, markdown);
        let mut own = String::with_capacity(prefix.text.len() + piece.end - piece.start);
        own.push_str(&prefix.text);
        own.push_str(&text[piece.start..piece.end]);
        let headings = if markdown {
            Headings::Markdown
        } else {
            Headings::Plain {
                title: piece.start == 0 || governing.first().is_some_and(|h| h.0 == 1),
            }
        };
        let lines_before = prefix.text.bytes().filter(|&b| b == b'\n').count();
        let mut doc = Document::piece(path, own, headings, first_line.saturating_sub(lines_before));
        // Suppressions are applied once over the whole file (a disabled region may span
        // pieces).
        doc.directives.clear();
        let mentions = extract(&doc.masked, &self.options.extract_options());
        let outcome = check_document(&doc, &mentions, self.rules, self.options);
        let at = |o: usize| prefix.to_file(o, piece.start);
        let own_start = prefix.text.len();
        let mut part = Part {
            stats: outcome.stats,
            sentences_skipped: outcome.coverage.sentences_skipped,
            ..Part::default()
        };
        for mut f in outcome.findings {
            match f.origin {
                Origin::Unmatched => part.unmatched.push(f),
                Origin::Unreached => part.unreached.push(f),
                _ if f.span.start < own_start => {}
                _ => {
                    f.span = shift_span(f.span, &at);
                    if let Some(fix) = &mut f.fix {
                        fix.edits
                            .iter_mut()
                            .for_each(|e| e.span = shift_span(e.span, &at));
                    }
                    f.related
                        .iter_mut()
                        .for_each(|r| r.span = shift_span(r.span, &at));
                    if !self.keep_details {
                        f.explanation = None;
                        f.notes = Vec::new();
                        f.source = Vec::new();
                        f.suggestion = None;
                        f.found = String::new();
                        f.fix = None;
                    }
                    // Kept to the end of the file: without the slack `format!` leaves.
                    f.message.shrink_to_fit();
                    f.found.shrink_to_fit();
                    part.findings.push(f);
                }
            }
        }
        part.findings.shrink_to_fit();
        for (mut m, status) in mentions.into_iter().zip(outcome.coverage.statuses) {
            if m.span.start < own_start {
                continue;
            }
            if status != MentionStatus::NotQuantity
                && !matches!(status, MentionStatus::NotAClaim(_))
            {
                part.found += 1;
                part.checked += usize::from(status.is_checked());
            }
            if self.keep_numbers {
                m.span = shift_span(m.span, &at);
                m.number = shift_span(m.number, &at);
                m.hedge_span = m.hedge_span.map(|s| shift_span(s, &at));
                part.mentions.push(m);
                part.statuses.push(status);
            }
        }
        part
    }

    /// The pieces' results as one file's.
    fn join(&self, parts: &mut Joined, outline: Outline, pieces: usize) -> Checked {
        let mut stats = std::mem::take(&mut parts.stats);
        let mut findings = std::mem::take(&mut parts.findings);
        // A claim is unmatched in the file when it is unmatched in every piece; such
        // findings (and `unreached`) are about the file and come first, at its start.
        let mut front: Vec<Finding> = parts.unreached.take().into_iter().collect();
        for (f, n) in std::mem::take(&mut parts.unmatched) {
            if n == pieces {
                stats.claims_unmatched += 1;
                front.push(f);
            }
        }
        findings.reserve_exact(front.len());
        findings.splice(0..0, front);
        let mentions = std::mem::take(&mut parts.mentions);
        let coverage = std::mem::take(&mut parts.coverage);
        // Pieces come in order, each sorted: a sort (and its buffer of half the findings) is
        // needed only when a piece's order differs.
        if !findings.is_sorted_by(|a, b| (a.span.start, &a.rule) <= (b.span.start, &b.rule)) {
            findings.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
        }
        stats.term_findings = findings.iter().filter(|f| f.origin == Origin::Term).count();
        stats.builtin_findings = findings
            .iter()
            .filter(|f| matches!(f.origin, Origin::Builtin(_)))
            .count();
        Checked {
            findings,
            stats,
            mentions,
            coverage,
            outline,
        }
    }
}

/// Applies the file's suppression directives to the joined findings of `doc` (a document
/// whose text, line index and directives are the file's) and counts what remains.
pub fn suppress(doc: &Document, checked: &mut Checked) {
    if doc.directives.is_empty() {
        return;
    }
    checked.findings = apply_suppressions(doc, std::mem::take(&mut checked.findings));
    checked.stats.term_findings = checked
        .findings
        .iter()
        .filter(|f| f.origin == Origin::Term)
        .count();
    checked.stats.builtin_findings = checked
        .findings
        .iter()
        .filter(|f| matches!(f.origin, Origin::Builtin(_)))
        .count();
}

/// What one piece found, in the file's bytes.
#[derive(Debug, Default)]
struct Part {
    findings: Vec<Finding>,
    unmatched: Vec<Finding>,
    unreached: Vec<Finding>,
    stats: Stats,
    found: usize,
    checked: usize,
    sentences_skipped: usize,
    mentions: Vec<Mention>,
    statuses: Vec<MentionStatus>,
}

/// The lines written before a piece: the headings that govern its first paragraph, each
/// copied from the file, then a blank line.
struct Prefix {
    text: String,
    /// (start in `text`, end in `text`, start in the file) of each copied heading.
    copied: Vec<(usize, usize, usize)>,
}

impl Prefix {
    fn new(text: &str, governing: &[(u8, Span)], markdown: bool) -> Prefix {
        let mut prefix = Prefix {
            text: String::new(),
            copied: Vec::new(),
        };
        for &(_, span) in governing {
            let line = text
                .get(span.range())
                .unwrap_or_default()
                .trim_end_matches(['\n', '\r']);
            let at = prefix.text.len();
            prefix.text.push_str(line);
            prefix.copied.push((at, prefix.text.len(), span.start));
            // A plain-text heading is a paragraph of one line: blank lines around it.
            prefix.text.push_str(if markdown { "\n" } else { "\n\n" });
        }
        if markdown && !governing.is_empty() {
            prefix.text.push('\n');
        }
        prefix
    }

    /// The file offset of offset `o` of a piece's own text (prefix then piece), the piece
    /// starting at `start` in the file.
    fn to_file(&self, o: usize, start: usize) -> usize {
        if o >= self.text.len() {
            return o - self.text.len() + start;
        }
        // In a copied heading: where it stands in the file (the line breaks after it map to
        // its end).
        let k = self.copied.partition_point(|c| c.0 <= o).saturating_sub(1);
        match self.copied.get(k) {
            Some(&(from, to, file)) => file + o.min(to) - from.min(o),
            None => start,
        }
    }
}

fn shift_span(s: Span, at: &impl Fn(usize) -> usize) -> Span {
    let start = at(s.start);
    Span::new(start, at(s.end).max(start))
}

/// For each piece, the headings open at its start (level and heading span, outermost
/// first): the headings before it, each closing those of its level or below.
fn governing(headings: &[(u8, String, Span)], pieces: &[Piece]) -> Vec<Vec<(u8, Span)>> {
    let mut open: Vec<(u8, Span)> = Vec::new();
    let mut next = 0;
    pieces
        .iter()
        .map(|p| {
            while let Some((level, _, span)) = headings.get(next).filter(|h| h.2.start < p.start) {
                while open.last().is_some_and(|o| o.0 >= *level) {
                    open.pop();
                }
                open.push((*level, *span));
                next += 1;
            }
            open.clone()
        })
        .collect()
}

/// `f` over `items`, in order: on the current rayon pool when there is one of two threads
/// or more, else on this thread one item at a time.
fn on_pool<I: Sync, T: Send>(items: &[I], f: impl Fn(&I) -> T + Sync) -> Vec<T> {
    if rayon::current_thread_index().is_some() && rayon::current_num_threads() > 1 {
        items.par_iter().map(&f).collect()
    } else {
        items.iter().map(f).collect()
    }
}

/// The pieces' results added up so far, in order.
#[derive(Debug, Default)]
struct Joined {
    findings: Vec<Finding>,
    /// Each claim unmatched in some piece, with the number of pieces it is unmatched in.
    unmatched: Vec<(Finding, usize)>,
    unreached: Option<Finding>,
    stats: Stats,
    mentions: Vec<Mention>,
    coverage: Coverage,
}

impl Joined {
    fn add(&mut self, part: Part) {
        let s = &mut self.stats;
        s.claims_held += part.stats.claims_held;
        s.claims_failed += part.stats.claims_failed;
        s.relations_checked += part.stats.relations_checked;
        s.sentences_skipped += part.stats.sentences_skipped;
        s.numbers_found += part.found;
        s.numbers_checked += part.checked;
        self.coverage.sentences_skipped += part.sentences_skipped;
        for f in part.unmatched {
            match self
                .unmatched
                .iter_mut()
                .find(|(u, _)| u.rule == f.rule && u.message == f.message)
            {
                Some((_, n)) => *n += 1,
                None => self.unmatched.push((f, 1)),
            }
        }
        if self.unreached.is_none() {
            self.unreached = part.unreached.into_iter().next();
        }
        self.findings.extend(part.findings);
        self.mentions.extend(part.mentions);
        self.coverage.statuses.extend(part.statuses);
    }
}

/// Cuts `text` into consecutive pieces of about `size` bytes (see the module doc). A text
/// with no place to cut stays one piece.
pub fn pieces(text: &str, size: usize) -> Vec<Piece> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut scan = Scan::at_file_start(bytes);
    while text.len() - start > size + size / 2 {
        match scan.cut(bytes, start, size) {
            Some(cut) => {
                out.push(Piece { start, end: cut });
                start = cut;
                scan = Scan::default();
            }
            None => break,
        }
    }
    out.push(Piece {
        start,
        end: text.len(),
    });
    out
}

/// The Markdown blocks that may hold a blank line, as a line-by-line scan sees them.
#[derive(Debug, Default)]
struct Scan {
    /// An open fence: its character and length.
    fence: Option<(u8, usize)>,
    /// Inside `<!--` … `-->`.
    comment: bool,
    /// Inside raw HTML (`<pre>`, `<script>`, `<style>`, `<textarea>`): its closing tag.
    raw: Option<&'static [u8]>,
    /// Inside front matter, closed by `---` or `...`.
    front_matter: bool,
}

impl Scan {
    fn at_file_start(bytes: &[u8]) -> Scan {
        Scan {
            front_matter: bytes.starts_with(b"---\n") || bytes.starts_with(b"---\r\n"),
            ..Scan::default()
        }
    }

    fn open(&self) -> bool {
        self.fence.is_some() || self.comment || self.raw.is_some() || self.front_matter
    }

    /// The first place to cut at or after `from + size`: preferably before a `#` heading
    /// within another `size` bytes, else the first place found. The scan's state is that
    /// of the text at `from`.
    fn cut(&mut self, bytes: &[u8], from: usize, size: usize) -> Option<usize> {
        let mut first = None;
        let mut at = from;
        let mut blank_before = false;
        let mut first_line = true;
        while at < bytes.len() {
            let end = bytes[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |k| at + k + 1);
            let line = &bytes[at..end];
            if !self.open() && blank_before && at >= from + size && starts_block(line) {
                if line.starts_with(b"#") {
                    return Some(at);
                }
                first.get_or_insert(at);
            }
            if first.is_some_and(|f| at >= f + size) {
                break;
            }
            blank_before = is_blank(line);
            self.read(line, first_line && from == 0);
            first_line = false;
            at = end;
        }
        first
    }

    /// Updates the state with one line.
    fn read(&mut self, line: &[u8], file_start: bool) {
        let content = trim_end(line);
        if self.front_matter {
            if !file_start && (content == b"---" || content == b"...") {
                self.front_matter = false;
            }
            return;
        }
        let indent = content.iter().take_while(|&&b| b == b' ').count();
        let body = &content[indent.min(content.len())..];
        if let Some((c, n)) = self.fence {
            let run = body.iter().take_while(|&&b| b == c).count();
            if indent < 4 && run >= n && body[run..].iter().all(|b| b.is_ascii_whitespace()) {
                self.fence = None;
            }
            return;
        }
        if let Some(close) = self.raw {
            if contains_ignore_case(content, close) {
                self.raw = None;
            }
            return;
        }
        if !self.comment && indent < 4 {
            for (c, tick) in [(b'`', b"```"), (b'~', b"~~~")] {
                if body.starts_with(tick) {
                    let n = body.iter().take_while(|&&b| b == c).count();
                    self.fence = Some((c, n));
                    return;
                }
            }
            for (open, close) in RAW {
                if body.len() > open.len()
                    && body[..open.len()].eq_ignore_ascii_case(open)
                    && matches!(body[open.len()], b' ' | b'>' | b'\t')
                    && !contains_ignore_case(body, close)
                {
                    self.raw = Some(close);
                    return;
                }
            }
        }
        // Comments: the state after the last `<!--` or `-->` of the line.
        if !self.comment && !content.contains(&b'<') {
            return;
        }
        let mut rest = content;
        loop {
            if self.comment {
                match find(rest, b"-->") {
                    Some(k) => {
                        self.comment = false;
                        rest = &rest[k + 3..];
                    }
                    None => return,
                }
            } else {
                match find(rest, b"<!--") {
                    Some(k) => {
                        self.comment = true;
                        rest = &rest[k + 4..];
                    }
                    None => return,
                }
            }
        }
    }
}

/// Raw HTML blocks that run to their closing tag, blank lines included (CommonMark's first
/// kind of HTML block).
const RAW: [(&[u8], &[u8]); 4] = [
    (b"<pre", b"</pre>"),
    (b"<script", b"</script>"),
    (b"<style", b"</style>"),
    (b"<textarea", b"</textarea>"),
];

/// Whether a line, after a blank line, starts a block of its own whatever came before: it
/// starts at the left margin with a character (an indented line may continue a list item).
fn starts_block(line: &[u8]) -> bool {
    line.first()
        .is_some_and(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

fn is_blank(line: &[u8]) -> bool {
    line.iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

fn trim_end(line: &[u8]) -> &[u8] {
    let n = line
        .iter()
        .rposition(|b| !matches!(b, b'\n' | b'\r' | b' ' | b'\t'))
        .map_or(0, |k| k + 1);
    &line[..n]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}
