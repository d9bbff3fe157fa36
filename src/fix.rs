//! `--fix`: a document and its findings in, the fixed text and a record of each edit out;
//! then the fixed text written back atomically (temporary file in the same folder, fsync,
//! rename), keeping permissions, line endings and the BOM.
//!
//! Edits come from `Finding::edit`, which checks only set when the fix is unambiguous.
//! Where two edits overlap, the first (by position) wins and the other is reported as not
//! applied: guessing how to merge them could write something nobody asked for.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::check::Finding;
use crate::source::{Document, Span};

/// One edit `--fix` applied or declined, located in the text as it was before fixing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub rule: String,
    pub line: usize,
    pub column: usize,
    pub old: String,
    pub new: String,
    /// False when the edit overlapped one already applied and was left out.
    pub applied: bool,
}

/// The text with every non-overlapping edit applied, and what was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixing {
    pub text: String,
    pub fixes: Vec<Fixed>,
}

impl Fixing {
    pub fn changed(&self) -> bool {
        self.fixes.iter().any(|f| f.applied)
    }
}

/// Why a fixed file could not be written. The file is then left as it was.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    #[error("{path}: changed on disk since it was read; not fixed (run factlint again)", path = path.display())]
    Changed { path: PathBuf },
    #[error("{path}: cannot write the fix: {error}", path = path.display())]
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// Applies the edits of `findings` to `doc.text`. Edits that do nothing, fall outside the
/// text or overlap an earlier edit are not applied; overlapping ones are recorded as such.
pub fn apply(doc: &Document, findings: &[Finding]) -> Fixing {
    let mut edits: Vec<(&Finding, Span, &str)> = findings
        .iter()
        .filter_map(|f| f.edit.as_ref().map(|e| (f, e.span, e.replacement.as_str())))
        .filter(|(_, span, new)| {
            span.end <= doc.text.len()
                && doc.text.is_char_boundary(span.start)
                && doc.text.is_char_boundary(span.end)
                && doc.text[span.range()] != **new
        })
        .collect();
    edits.sort_by_key(|(f, span, _)| (span.start, span.end, f.rule.clone()));
    edits.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2);

    let crlf = doc.text.contains("\r\n");
    let mut text = String::with_capacity(doc.text.len());
    let mut fixes = Vec::with_capacity(edits.len());
    let mut done = 0;
    for (finding, span, new) in edits {
        let (line, column) = doc.lines.line_col(&doc.text, span.start);
        let applied = span.start >= done;
        if applied {
            text.push_str(&doc.text[done..span.start]);
            push_with_line_endings(&mut text, new, crlf);
            done = span.end;
        }
        fixes.push(Fixed {
            rule: finding.rule.clone(),
            line,
            column,
            old: doc.text[span.range()].to_string(),
            new: new.to_string(),
            applied,
        });
    }
    text.push_str(&doc.text[done..]);
    Fixing { text, fixes }
}

/// A replacement that spans lines gets the document's own line ending.
fn push_with_line_endings(out: &mut String, new: &str, crlf: bool) {
    if crlf {
        out.push_str(&new.replace("\r\n", "\n").replace('\n', "\r\n"));
    } else {
        out.push_str(new);
    }
}

/// The bytes of a document's file: its text with the BOM put back.
fn file_bytes(bom: bool, text: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(text.len() + 3);
    if bom {
        bytes.extend_from_slice("\u{feff}".as_bytes());
    }
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

/// Writes `new_text` over `doc`'s file, unless the file no longer holds what `doc` was read
/// from. The write is atomic: readers see the old file or the new one, never half of each.
pub fn write(doc: &Document, new_text: &str) -> Result<(), FixError> {
    let write_err = |error| FixError::Write {
        path: doc.path.clone(),
        error,
    };
    // Write next to the real file, so that a symlink stays a symlink and the rename
    // stays on one filesystem.
    let target = fs::canonicalize(&doc.path).map_err(write_err)?;
    let expected = file_bytes(doc.bom, &doc.text);
    let unchanged = |path: &Path| fs::read(path).is_ok_and(|now| now == expected);
    if !unchanged(&target) {
        return Err(FixError::Changed {
            path: doc.path.clone(),
        });
    }
    let permissions = fs::metadata(&target).map_err(write_err)?.permissions();
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(write_err)?;
    tmp.write_all(&file_bytes(doc.bom, new_text))
        .map_err(write_err)?;
    tmp.as_file().sync_all().map_err(write_err)?;
    fs::set_permissions(tmp.path(), permissions).map_err(write_err)?;
    // Check again just before the rename: the window in which an editor's save could be
    // lost is now the rename itself.
    if !unchanged(&target) {
        return Err(FixError::Changed {
            path: doc.path.clone(),
        });
    }
    tmp.persist(&target).map_err(|e| write_err(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Edit, Origin, Severity};

    fn finding(rule: &str, text: &str, start: usize, end: usize, new: &str) -> Finding {
        let span = Span::new(start, end);
        let mut f = Finding::new(
            rule,
            Origin::Builtin(crate::check::Builtin::MultipleWording.meta()),
            Severity::Error,
            span,
            &text[start..end],
            "m",
        );
        f.edit = Some(Edit {
            span,
            replacement: new.to_string(),
        });
        f
    }

    fn doc(text: &str) -> Document {
        Document::from_text(Path::new("a.md"), text)
    }

    #[test]
    fn applies_edits_in_order_whatever_the_findings_order() {
        let t = "是 2.5倍，约 20%。";
        let d = doc(t);
        let a = t.find("2.5").unwrap();
        let b = t.find("20").unwrap();
        let fs = [
            finding("b", t, b, b + 2, "19"),
            finding("a", t, a, a + 3, "2.4"),
        ];
        let fixing = apply(&d, &fs);
        assert_eq!(fixing.text, "是 2.4倍，约 19%。");
        assert_eq!(fixing.fixes.len(), 2);
        assert_eq!(fixing.fixes[0].rule, "a");
        assert_eq!((fixing.fixes[1].line, fixing.fixes[1].column), (1, 10));
        assert!(fixing.changed());
    }

    #[test]
    fn overlapping_edit_is_recorded_not_applied() {
        let t = "推理成本很高";
        let d = doc(t);
        let fs = [
            finding("x", t, 0, 12, "训练成本"),
            finding("y", t, 6, 15, "花费很"),
        ];
        let fixing = apply(&d, &fs);
        assert_eq!(fixing.text, "训练成本很高");
        assert!(fixing.fixes[0].applied);
        assert!(!fixing.fixes[1].applied);
    }

    #[test]
    fn no_op_and_out_of_range_edits_are_ignored() {
        let t = "abc";
        let d = doc(t);
        let mut bad = finding("x", t, 0, 1, "z");
        bad.edit = Some(Edit {
            span: Span::new(2, 10),
            replacement: "q".into(),
        });
        let fixing = apply(&d, &[finding("same", t, 0, 1, "a"), bad]);
        assert_eq!(fixing.text, "abc");
        assert!(fixing.fixes.is_empty());
        assert!(!fixing.changed());
    }

    #[test]
    fn multi_line_replacement_follows_crlf() {
        let t = "a\r\nb\r\n";
        let d = doc(t);
        let fixing = apply(&d, &[finding("x", t, 0, 1, "x\ny")]);
        assert_eq!(fixing.text, "x\r\ny\r\nb\r\n");
    }

    #[test]
    fn write_keeps_bom_and_refuses_a_file_changed_since_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "\u{feff}约 20%\r\n").unwrap();
        let d = Document::load(&path).unwrap();
        assert!(d.bom);
        write(&d, "约 19%\r\n").unwrap();
        assert_eq!(fs::read(&path).unwrap(), "\u{feff}约 19%\r\n".as_bytes());
        // `d` still holds the old text: the file has changed since.
        let err = write(&d, "约 18%\r\n").unwrap_err();
        assert!(matches!(err, FixError::Changed { .. }), "{err}");
        assert_eq!(fs::read(&path).unwrap(), "\u{feff}约 19%\r\n".as_bytes());
    }

    #[cfg(unix)]
    #[test]
    fn write_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "x").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        let d = Document::load(&path).unwrap();
        write(&d, "y").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert_eq!(fs::read_to_string(&path).unwrap(), "y");
    }
}
