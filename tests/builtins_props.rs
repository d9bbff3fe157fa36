//! Properties of the built-in checks over generated sentences: they never panic, and every
//! finding and edit they make points at whole characters of the text, with edits that do
//! not overlap and keep the author's number.

use std::path::Path;

use factlint::check::{CheckOptions, check_document};
use factlint::extract::{ExtractOptions, extract};
use factlint::rules::RuleSet;
use factlint::source::Document;
use proptest::prelude::*;

/// Pieces the three checks react to, and the punctuation that splits sentences and
/// clauses, so that generated text lands on the checks' paths far more often than random
/// characters would.
const PIECES: &[&str] = &[
    "672 亿美元",
    "78 亿美元",
    "(38 亿美元)",
    "1892 亿美元",
    "约",
    "大约",
    "近",
    "是",
    "为",
    "相当于",
    "的",
    "8.7 倍",
    "十三倍",
    "一倍",
    "2.5倍",
    "比",
    "较",
    "高出",
    "多",
    "增加了",
    "下降",
    "减少了",
    "降幅",
    "增长",
    "从",
    "到",
    "至",
    "20%",
    "8 个百分点",
    "46%",
    "，",
    "。",
    ",",
    ". ",
    ";",
    "\n\n",
    "2022 年",
    "291.2 吨",
    "一年",
    "中国",
    "times",
    " 8.7 times ",
    "as much as",
    " the ",
    "$67.2 billion",
    "$7.8 billion",
    " fell ",
    " rose ",
    " from ",
    " to ",
    " up ",
    " down ",
    "by",
    "翻了一番",
    "`code 3 倍`",
    "<!-- 比 2 倍 -->",
    "🙂",
    "é",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn findings_and_edits_are_well_formed(text in sentence()) {
        let doc = Document::from_text(Path::new("p.md"), &text);
        let options = CheckOptions::default();
        let mentions = extract(&doc.masked, &ExtractOptions { tolerance: options.tolerance });
        let outcome = check_document(&doc, &mentions, &RuleSet::default(), &options);
        let mut edits = Vec::new();
        for f in &outcome.findings {
            prop_assert!(f.span.end <= doc.text.len());
            prop_assert!(doc.text.is_char_boundary(f.span.start));
            prop_assert!(doc.text.is_char_boundary(f.span.end));
            prop_assert_eq!(doc.slice(f.span), f.found.as_str());
            prop_assert!(!f.message.is_empty());
            if let Some(e) = f.edit() {
                prop_assert!(e.span.end <= doc.text.len());
                prop_assert!(doc.text.is_char_boundary(e.span.start));
                prop_assert!(doc.text.is_char_boundary(e.span.end));
                prop_assert!(e.span.overlaps(f.span) || e.span.is_empty());
                edits.push(e.span);
            }
        }
        edits.sort();
        for pair in edits.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start, "overlapping edits {:?}", pair);
        }
    }
}
