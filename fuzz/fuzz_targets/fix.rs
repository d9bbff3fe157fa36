//! `--fix` over any article, with the bundled rules and the built-in checks. Properties:
//! every byte outside the applied edits of a pass is unchanged, no edit touches masked text
//! (code, URLs, comments), and `--fix` run on its own output changes nothing.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use factlint::check::{CheckOptions, Finding, check_document};
use factlint::extract::{ExtractOptions, extract};
use factlint::finding::Applicability;
use factlint::fix;
use factlint::rules::RuleSet;
use factlint::source::Document;
use libfuzzer_sys::fuzz_target;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        RuleSet::load(&[root.join("claims")], &root).expect("bundled rules load")
    })
}

fn findings(doc: &Document) -> Vec<Finding> {
    let mentions = extract(&doc.masked, &ExtractOptions::default());
    check_document(doc, &mentions, rules(), &CheckOptions::default()).findings
}

fn fixing(doc: &Document) -> fix::Fixing {
    fix::apply(doc, &findings(doc))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = Document::from_text(Path::new("a.md"), text);
    let first = fixing(&doc);
    if !first.changed() {
        return;
    }
    // Outside the edits, the bytes are the original ones, in order.
    let mut out = 0;
    let mut from = 0;
    let mut applied: Vec<_> = first.fixes.iter().filter(|f| f.applied).collect();
    applied.sort_by_key(|f| (f.line, f.column));
    let crlf = doc.text.contains("\r\n");
    for f in &applied {
        let start = doc.lines.line_start(f.line - 1).unwrap();
        let rest = &doc.text[start..];
        let at = start
            + rest
                .char_indices()
                .nth(f.column - 1)
                .map_or(rest.len(), |(i, _)| i);
        let kept = &doc.text[from..at];
        assert_eq!(
            &first.text[out..out + kept.len()],
            kept,
            "bytes before an edit changed"
        );
        assert!(
            doc.text[at..].starts_with(&f.old),
            "edit's old text is not the original"
        );
        // `--fix` writes a multi-line replacement with the document's line endings.
        let written = if crlf {
            f.new.replace("\r\n", "\n").replace('\n', "\r\n")
        } else {
            f.new.clone()
        };
        assert_eq!(&first.text[out + kept.len()..][..written.len()], written);
        out += kept.len() + written.len();
        from = at + f.old.len();
        let span = factlint::source::Span::new(at, from);
        assert!(
            !doc.touches_masked(span),
            "an edit touches masked text: {f:?}"
        );
    }
    assert_eq!(
        &first.text[out..],
        &doc.text[from..],
        "bytes after the last edit changed"
    );
    // A fixed point: `--fix` (fixing in passes until the text is stable) run on its own
    // output changes nothing.
    let passes =
        |d: &Document| fix::fix_passes(d, findings(d), Applicability::Safe, |next| findings(next));
    let fixed = passes(&doc);
    let again = Document::from_text(Path::new("a.md"), &fixed.text);
    let second = passes(&again);
    assert!(
        !second.changed(),
        "the fixed text would be fixed again: {:?}\nfixed text: {:?}",
        second
            .fixes
            .iter()
            .filter(|f| f.applied)
            .collect::<Vec<_>>(),
        fixed.text
    );
});
