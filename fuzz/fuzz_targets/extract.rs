//! The extractor over any text, read as Markdown or as plain text: no panic, and every
//! mention's spans lie inside the text on character boundaries.
#![no_main]

use std::path::Path;

use factlint::extract::{ExtractOptions, extract};
use factlint::source::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let name = if first & 1 == 0 { "a.md" } else { "a.txt" };
    let Ok(doc) = Document::from_bytes(Path::new(name), rest) else {
        return;
    };
    assert_eq!(doc.masked.len(), doc.text.len());
    for m in extract(&doc.masked, &ExtractOptions::default()) {
        for span in [m.span, m.number] {
            assert!(
                span.start <= span.end && span.end <= doc.text.len(),
                "{m:?}"
            );
            assert!(doc.text.is_char_boundary(span.start), "{m:?}");
            assert!(doc.text.is_char_boundary(span.end), "{m:?}");
        }
    }
});
