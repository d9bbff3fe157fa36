//! The rule loader over any text: no panic, errors are located inside the file, and a file
//! that compiles can be run over an article.
#![no_main]

use std::path::Path;

use factlint::check::{CheckOptions, check_document};
use factlint::extract::{ExtractOptions, extract};
use factlint::rules::RuleSet;
use factlint::source::Document;
use libfuzzer_sys::fuzz_target;

const ARTICLE: &str = "# 训练成本\n\nGPT-4 的训练成本估计为 7800 万美元，约是 Gemini 的 40%。\n\n推理成本上升了 3 倍。\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match RuleSet::from_text(Path::new("r.yaml"), text) {
        Ok(file) => {
            let rules = RuleSet {
                files: vec![file],
                root: ".".into(),
            };
            let doc = Document::from_text(Path::new("a.md"), ARTICLE);
            let mentions = extract(&doc.masked, &ExtractOptions::default());
            let _ = check_document(&doc, &mentions, &rules, &CheckOptions::default());
        }
        Err(errors) => {
            // Lines as YAML counts them: a CR alone ends a line too (the fuzzer found a
            // located error "past the end" of a file whose breaks were lone CRs).
            let lines = yaml_lines(text);
            for e in errors {
                assert!(e.line <= lines + 1, "{e} (file has {lines} lines)");
                let shown = e.to_string();
                assert!(!shown.contains('\n') && !shown.contains('\r'), "{shown:?}");
            }
        }
    }
});

/// Lines as YAML counts them: `\n`, `\r\n` and a lone `\r` each end one.
fn yaml_lines(text: &str) -> usize {
    let bytes = text.as_bytes();
    let breaks = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count();
    breaks + 1
}
