//! `--fix`: a document and its findings in, the fixed text and a record of each edit out;
//! then the fixed text written back atomically (temporary file in the same folder, fsync,
//! rename), keeping permissions, line endings and the BOM.
//!
//! Edits come from `Finding::fix`; a run applies the fixes its `Applicability` allows (`--fix`
//! the safe ones, `--unsafe-fixes` the unsafe ones too, display-only ones never), each fix's
//! edits all together or not at all. Where two fixes overlap, the first (by position) wins
//! and the other is reported as not applied: guessing how to merge them could write
//! something nobody asked for.
//!
//! `fix_passes` then checks the fixed text again and applies what that finds, up to
//! `MAX_PASSES` times, so that one run reaches the text a second run would leave alone; an
//! edit whose result the next pass would change again is held back (the finding stays in
//! the report), so a fix never feeds another fix's guess.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use crate::check::Finding;
use crate::finding::Applicability;
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

/// Applies the safe fixes of `findings` to `doc.text` (see `apply_at`).
pub fn apply(doc: &Document, findings: &[Finding]) -> Fixing {
    apply_at(doc, findings, Applicability::Safe)
}

/// Applies the fixes of `findings` that `allowed` admits to `doc.text`. Edits that do
/// nothing are dropped; a fix with an edit outside the text is not applied; a fix that
/// overlaps one applied before it is recorded as not applied.
pub fn apply_at(doc: &Document, findings: &[Finding], allowed: Applicability) -> Fixing {
    apply_some(doc, findings, allowed, &[]).0
}

/// The most passes `fix_passes` makes over one document.
pub const MAX_PASSES: usize = 4;

/// Fixes `doc` until a check of the fixed text finds nothing more to apply, at most
/// `MAX_PASSES` times. `findings` are `doc`'s; `check` gives the findings of a text. An edit
/// whose replaced text the next pass would edit again is held back and the pass redone
/// without it. Each record is located in the text its pass started from.
pub fn fix_passes(
    doc: &Document,
    findings: Vec<Finding>,
    allowed: Applicability,
    mut check: impl FnMut(&Document) -> Vec<Finding>,
) -> Fixing {
    let mut current: Option<Document> = None;
    let mut findings = findings;
    let mut fixes = Vec::new();
    'passes: for _ in 0..MAX_PASSES {
        let here = current.as_ref().unwrap_or(doc);
        let mut held: Vec<usize> = Vec::new();
        // Each retry holds back at least one more fix, so this ends; it is bounded anyway,
        // since each retry costs a check of the whole text.
        for _ in 0..MAX_PASSES {
            let (fixing, placed) = apply_some(here, &findings, allowed, &held);
            if !fixing.changed() {
                break 'passes;
            }
            let next = Document::from_text(&here.path, &fixing.text);
            let again = check(&next);
            let redone: Vec<usize> = placed
                .iter()
                .filter(|(_, at)| {
                    again
                        .iter()
                        .filter_map(|f| f.fix.as_ref())
                        .filter(|x| x.applies_at(allowed))
                        .flat_map(|x| &x.edits)
                        .any(|e| touches(*at, e.span))
                })
                .map(|&(i, _)| i)
                .collect();
            if redone.is_empty() {
                fixes.extend(fixing.fixes);
                findings = again;
                current = Some(next);
                continue 'passes;
            }
            held.extend(redone);
        }
        break;
    }
    let text = current.map_or_else(|| doc.text.clone(), |d| d.text);
    Fixing { text, fixes }
}

/// Whether an edit at `b` would change the text at `a` (an insertion right at its edge
/// counts).
fn touches(a: Span, b: Span) -> bool {
    a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1)
}

/// `apply_at` without the fixes of the findings at the indices in `held`; also gives, for
/// each applied fix's edits, the finding's index and where the replacement lies in the new
/// text.
fn apply_some(
    doc: &Document,
    findings: &[Finding],
    allowed: Applicability,
    held: &[usize],
) -> (Fixing, Vec<(usize, Span)>) {
    let text = &doc.text;
    let valid = |span: Span| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    // Each fix as its finding's index and its edits that change something.
    let mut groups: Vec<(usize, Vec<(Span, &str)>)> = findings
        .iter()
        .enumerate()
        .filter(|(i, _)| !held.contains(i))
        .filter_map(|(i, f)| {
            let fix = f.fix.as_ref().filter(|x| x.applies_at(allowed))?;
            if !fix.edits.iter().all(|e| valid(e.span)) {
                return None;
            }
            let mut edits: Vec<(Span, &str)> = fix
                .edits
                .iter()
                .filter(|e| text[e.span.range()] != *e.replacement)
                .map(|e| (e.span, e.replacement.as_str()))
                .collect();
            edits.sort_by_key(|(span, _)| (span.start, span.end));
            (!edits.is_empty()).then_some((i, edits))
        })
        .collect();
    groups.sort_by(|(i, a), (j, b)| {
        (a[0].0.start, a[0].0.end, &findings[*i].rule).cmp(&(
            b[0].0.start,
            b[0].0.end,
            &findings[*j].rule,
        ))
    });
    // The same edit from two findings is made once.
    groups.dedup_by(|a, b| a.1 == b.1);

    // Applied spans by start, to find overlaps whatever order multi-edit fixes come in.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let overlaps = |taken: &BTreeMap<usize, usize>, span: Span| {
        let before = taken.range(..=span.start).next_back();
        let after = taken.range(span.start..).next();
        before.is_some_and(|(_, &e)| e > span.start) || after.is_some_and(|(&s, _)| s < span.end)
    };
    let mut records: Vec<(usize, Span, &str, bool)> = Vec::new();
    for (i, edits) in &groups {
        let free = edits.iter().all(|(span, _)| !overlaps(&taken, *span))
            && edits.windows(2).all(|w| w[0].0.end <= w[1].0.start);
        if free {
            for (span, _) in edits {
                taken.insert(span.start, span.end);
            }
        }
        records.extend(edits.iter().map(|&(span, new)| (*i, span, new, free)));
    }
    records.sort_by_key(|&(_, span, _, _)| (span.start, span.end));

    let crlf = text.contains("\r\n");
    let mut out = String::with_capacity(text.len());
    let mut fixes = Vec::with_capacity(records.len());
    let mut placed = Vec::new();
    let mut done = 0;
    for (i, span, new, applied) in records {
        let (line, column) = doc.lines.line_col(text, span.start);
        if applied {
            out.push_str(&text[done..span.start]);
            let at = out.len();
            push_with_line_endings(&mut out, new, crlf);
            placed.push((i, Span::new(at, out.len())));
            done = span.end;
        }
        fixes.push(Fixed {
            rule: findings[i].rule.clone(),
            line,
            column,
            old: text[span.range()].to_string(),
            new: new.to_string(),
            applied,
        });
    }
    out.push_str(&text[done..]);
    (Fixing { text: out, fixes }, placed)
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
    use crate::check::{Edit, Fix, Origin, Severity};

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
        f.fix = Some(Fix::safe(Edit {
            span,
            replacement: new.to_string(),
        }));
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
        bad.fix = Some(Fix::safe(Edit {
            span: Span::new(2, 10),
            replacement: "q".into(),
        }));
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
