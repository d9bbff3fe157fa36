//! Between factlint's world and the protocol's: byte offsets and LSP positions (in the
//! negotiated encoding), `file:` URIs and paths, findings and diagnostics, fixes and code
//! actions. Pure functions over an open buffer; the message loop owns the state.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{
    CodeAction, CodeActionKind, CodeDescription, Diagnostic, DiagnosticSeverity, NumberOrString,
    Position as LspPosition, Range, TextEdit, Uri, WorkspaceEdit,
};

use crate::check::{Applicability, Finding, Origin, Severity};
use crate::finding::Explanation;
use crate::report::text;
use crate::source::{LineIndex, Position, PositionEncoding, Span};

/// The `source` every diagnostic carries, so that editors can tell factlint's apart.
pub const SOURCE: &str = "factlint";

/// An editor's buffer as the client sent it, with the index its positions are counted in.
#[derive(Debug)]
pub struct Buffer {
    pub text: String,
    pub lines: LineIndex,
    /// Bytes before the checked text: a BOM the buffer holds is stripped before checking,
    /// so report offsets are this much short of buffer offsets.
    pub shift: usize,
}

impl Buffer {
    pub fn new(text: String) -> Buffer {
        let lines = LineIndex::new(&text);
        let shift = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Buffer { text, lines, shift }
    }

    /// The LSP position of report offset `offset`.
    pub fn position(&self, offset: usize, encoding: PositionEncoding) -> LspPosition {
        let p = self
            .lines
            .position(&self.text, offset + self.shift, encoding);
        LspPosition::new(to_u32(p.line), to_u32(p.column))
    }

    pub fn range(&self, span: Span, encoding: PositionEncoding) -> Range {
        Range::new(
            self.position(span.start, encoding),
            self.position(span.end, encoding),
        )
    }

    /// The buffer offset of an LSP position; a line past the end gives the end of the text.
    pub fn buffer_offset(&self, p: LspPosition, encoding: PositionEncoding) -> usize {
        let position = Position {
            line: p.line as usize,
            column: p.character as usize,
        };
        self.lines
            .offset(&self.text, position, encoding)
            .unwrap_or(self.text.len())
    }

    /// The report offset of an LSP position (`None` inside the BOM).
    pub fn offset(&self, p: LspPosition, encoding: PositionEncoding) -> Option<usize> {
        self.buffer_offset(p, encoding).checked_sub(self.shift)
    }

    /// Applies one `didChange` content change: a range replaced, or the whole text.
    pub fn apply(&mut self, range: Option<Range>, new_text: &str, encoding: PositionEncoding) {
        match range {
            Some(range) => {
                let start = self.buffer_offset(range.start, encoding);
                let end = self.buffer_offset(range.end, encoding).max(start);
                self.text.replace_range(start..end, new_text);
            }
            None => self.text = new_text.to_string(),
        }
        *self = Buffer::new(std::mem::take(&mut self.text));
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The encoding to speak: UTF-8 when the client offers it (no conversion needed), else
/// UTF-16, which every client must support.
pub fn negotiate(offered: Option<&[lsp_types::PositionEncodingKind]>) -> PositionEncoding {
    let offered = offered.unwrap_or_default();
    if offered.contains(&lsp_types::PositionEncodingKind::UTF8) {
        PositionEncoding::Utf8
    } else {
        PositionEncoding::Utf16
    }
}

pub fn encoding_kind(encoding: PositionEncoding) -> lsp_types::PositionEncodingKind {
    match encoding {
        PositionEncoding::Utf8 => lsp_types::PositionEncodingKind::UTF8,
        PositionEncoding::Utf16 => lsp_types::PositionEncodingKind::UTF16,
        PositionEncoding::Utf32 => lsp_types::PositionEncodingKind::UTF32,
    }
}

/// The path of a `file:` URI (percent-decoded), or `None` for any other scheme.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file:///p` and `file://localhost/p` name the local `/p`; another host is not ours.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                let value = hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0);
                decoded.push(u8::try_from(value).unwrap_or(b'?'));
                i += 3;
            }
            (b, _, _) => {
                decoded.push(b);
                i += 1;
            }
        }
    }
    let text = String::from_utf8(decoded).ok()?;
    // `file:///C:/x` on Windows: the drive letter follows the slash.
    if cfg!(windows) && text.as_bytes().get(2) == Some(&b':') {
        return Some(PathBuf::from(&text[1..]));
    }
    Some(PathBuf::from(text))
}

/// The `file:` URI of an absolute path, percent-encoding all but unreserved characters.
pub fn uri_of(path: &Path) -> Option<Uri> {
    let text = path.to_str()?.replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            uri.push(b as char);
        } else {
            let _ = write!(uri, "%{b:02X}");
        }
    }
    Uri::from_str(&uri).ok()
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// Where a finding's rule is documented: a built-in's own page, otherwise the rule-file
/// reference (the rule itself lives in the user's rule file).
fn doc_link(f: &Finding) -> Option<Uri> {
    let repo = env!("CARGO_PKG_REPOSITORY");
    Uri::from_str(&format!("{repo}/blob/main/{}", doc_page(f.origin))).ok()
}

/// The page (and heading) in the repository that documents findings of `origin`.
fn doc_page(origin: Origin) -> String {
    match origin {
        Origin::Builtin(meta) => format!("src/check/docs/{}.md", meta.id),
        Origin::Claim => "docs/rules.md#checks".into(),
        Origin::Unmatched => "docs/rules.md#unmatched-claims".into(),
        // No rule file's `applies_to` names the article: the key that decides it.
        Origin::Unreached => "docs/rules.md#keys".into(),
        Origin::Term => "docs/rules.md#terms".into(),
        Origin::Suppression => "docs/check.md#suppressions".into(),
    }
}

/// The diagnostic of one finding: the rule id as its code, the message followed by the
/// explanation (inputs, formula, computed, claimed), the notes and the source, one per line,
/// as the text report shows them.
pub fn diagnostic(buffer: &Buffer, f: &Finding, encoding: PositionEncoding) -> Diagnostic {
    let mut message = f.message.clone();
    if let Some(e) = &f.explanation {
        explanation(&mut message, e);
    }
    for note in &f.notes {
        let _ = write!(message, "\nnote: {note}");
    }
    if !f.source.is_empty() {
        let _ = write!(message, "\nsource: {}", f.source.join("; "));
    }
    if let Origin::Builtin(meta) = f.origin {
        let _ = write!(message, "\n(`factlint explain {}` says more)", meta.id);
    }
    Diagnostic {
        range: buffer.range(f.span, encoding),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.rule.clone())),
        code_description: doc_link(f).map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message,
        ..Diagnostic::default()
    }
}

fn explanation(out: &mut String, e: &Explanation) {
    for input in &e.inputs {
        let _ = write!(out, "\ninput: {} = {}", input.name, input.text);
        let value = text::number(input.value);
        if !input.text.replace(',', "").contains(&value) {
            let _ = write!(out, " = {value}");
        }
        if input.interval.low != input.interval.high {
            let _ = write!(out, " ∈ {}", text::interval(input.interval));
        }
        if let Some(source) = &input.source {
            let _ = write!(out, " ({source})");
        }
    }
    let _ = write!(out, "\nformula: {}", e.formula);
    let _ = write!(out, "\ncomputed: {}", text::number(e.computed));
    if e.computed_interval.low != e.computed_interval.high {
        let _ = write!(out, " ∈ {}", text::interval(e.computed_interval));
    }
    let _ = write!(
        out,
        "\nclaimed: {} (tolerance {})",
        text::interval(e.claimed),
        text::percent(e.tolerance)
    );
}

/// The quick fix of one finding, if it has one that may be applied: safe fixes are the
/// preferred action, unsafe ones are offered but not preferred, display-only ones are not
/// offered at all.
pub fn code_action(
    uri: &Uri,
    buffer: &Buffer,
    f: &Finding,
    encoding: PositionEncoding,
) -> Option<CodeAction> {
    let fix = f
        .fix
        .as_ref()
        .filter(|fix| fix.applicability != Applicability::DisplayOnly)?;
    let edits: Vec<TextEdit> = fix
        .edits
        .iter()
        .map(|e| TextEdit::new(buffer.range(e.span, encoding), e.replacement.clone()))
        .collect();
    let safe = fix.applicability == Applicability::Safe;
    let title = match (f.edit(), safe) {
        (Some(e), true) => format!("Replace with `{}` ({})", e.replacement, f.rule),
        (Some(e), false) => format!("Replace with `{}` ({}, unsafe)", e.replacement, f.rule),
        (None, _) => format!("Fix {}", f.rule),
    };
    Some(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic(buffer, f, encoding)]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }),
        is_preferred: Some(safe),
        ..CodeAction::default()
    })
}

/// Whether two LSP ranges share a position (touching counts: a cursor at either end of a
/// finding asks for its fix).
pub fn touches(a: Range, b: Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_and_paths_round_trip() {
        let path = Path::new("/tmp/报告 1/a#b.md");
        let uri = uri_of(path).expect("encodes");
        assert_eq!(uri.as_str(), "file:///tmp/%E6%8A%A5%E5%91%8A%201/a%23b.md");
        assert_eq!(path_of(&uri).as_deref(), Some(path));
        let other = Uri::from_str("untitled:Untitled-1").expect("parses");
        assert_eq!(path_of(&other), None);
        let host = Uri::from_str("file://localhost/x.md").expect("parses");
        assert_eq!(path_of(&host), Some(PathBuf::from("/x.md")));
    }

    #[test]
    fn a_bom_shifts_buffer_positions_on_the_first_line_only() {
        let buffer = Buffer::new("\u{feff}训练 2.5倍\n3%\n".to_string());
        let at = buffer.position(7, PositionEncoding::Utf16);
        assert_eq!(at, LspPosition::new(0, 4));
        assert_eq!(buffer.offset(at, PositionEncoding::Utf16), Some(7));
        let second = buffer.position(14, PositionEncoding::Utf16);
        assert_eq!(second, LspPosition::new(1, 0));
    }

    #[test]
    fn changes_apply_by_range_or_whole() {
        let mut buffer = Buffer::new("是 GPT-4 的 2.5倍\n".to_string());
        let enc = PositionEncoding::Utf16;
        let range = Range::new(LspPosition::new(0, 10), LspPosition::new(0, 13));
        buffer.apply(Some(range), "2.4", enc);
        assert_eq!(buffer.text, "是 GPT-4 的 2.4倍\n");
        // Ranges past the end or backwards, from a confused client, clamp instead of panicking.
        let past = Range::new(LspPosition::new(0, 99), LspPosition::new(9, 0));
        buffer.apply(Some(past), "!", enc);
        assert_eq!(buffer.text, "是 GPT-4 的 2.4倍!");
        let backwards = Range::new(LspPosition::new(0, 3), LspPosition::new(0, 1));
        buffer.apply(Some(backwards), "", enc);
        assert_eq!(buffer.text, "是 GPT-4 的 2.4倍!");
        buffer.apply(None, "新\n", enc);
        assert_eq!(buffer.text, "新\n");
        assert_eq!(buffer.lines.line_of(4), 1);
    }

    #[test]
    fn every_documentation_link_names_a_page_and_heading_that_exist() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let builtins = crate::check::Builtin::ALL
            .iter()
            .map(|b| Origin::Builtin(b.meta()));
        let origins = [
            Origin::Claim,
            Origin::Unmatched,
            Origin::Term,
            Origin::Unreached,
            Origin::Suppression,
        ];
        for origin in origins.into_iter().chain(builtins) {
            let page = doc_page(origin);
            let (file, anchor) = page.split_once('#').unwrap_or((&page, ""));
            let text = std::fs::read_to_string(root.join(file)).expect(file);
            if anchor.is_empty() {
                continue;
            }
            // GitHub's heading anchors: lowercase, spaces to `-`, other punctuation dropped.
            let found = text.lines().filter(|l| l.starts_with('#')).any(|l| {
                let slug: String = l
                    .trim_start_matches('#')
                    .trim()
                    .to_lowercase()
                    .chars()
                    .filter_map(|c| match c {
                        ' ' => Some('-'),
                        c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                        _ => None,
                    })
                    .collect();
                slug == anchor
            });
            assert!(found, "no heading for #{anchor} in {file}");
        }
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        use lsp_types::PositionEncodingKind as K;
        assert_eq!(negotiate(None), PositionEncoding::Utf16);
        assert_eq!(negotiate(Some(&[K::UTF16])), PositionEncoding::Utf16);
        assert_eq!(
            negotiate(Some(&[K::UTF16, K::UTF8])),
            PositionEncoding::Utf8
        );
    }
}
