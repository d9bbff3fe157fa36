//! Properties: rule files and articles that are nonsense never make factlint panic.

use std::path::Path;

use factlint::check::{CheckOptions, check_document};
use factlint::extract::{ExtractOptions, extract};
use factlint::rules::RuleSet;
use factlint::source::Document;
use proptest::prelude::*;

fn bundled() -> RuleSet {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    RuleSet::load(&[root.join("claims")], root).expect("claims/ loads")
}

/// Pieces of the bundled article and of rule syntax, so that random text often comes close
/// to matching a template.
const PIECES: &[&str] = &[
    "Gemini Ultra是GPT-4的",
    "2.5倍",
    "九倍",
    "约 20%",
    " ",
    "，",
    "(",
    "（",
    ")",
    "个",
    "有 33 个国家",
    "至少通过了一项与人工智能有关的法律",
    "训练成本\n\n",
    "推理成本",
    "lpsos",
    "中国投资额(",
    "78 亿美元",
    ")的 ",
    "8.7 倍",
    "\n",
    "`",
    "0",
    "亿",
    "%",
    "{",
    "}",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(PIECES).prop_map(str::to_string),
            any::<char>().prop_map(|c| c.to_string()),
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn checking_any_text_never_panics(text in article()) {
        let rules = bundled();
        let doc = Document::from_text(Path::new("source/ai-index-2024.md"), &text);
        let mentions = extract(&doc.masked, &ExtractOptions::default());
        let out = check_document(&doc, &mentions, &rules, &CheckOptions::default());
        for f in &out.findings {
            prop_assert!(f.span.end <= doc.text.len());
            if let Some(e) = f.edit() {
                prop_assert!(doc.text.is_char_boundary(e.span.start));
                prop_assert!(doc.text.is_char_boundary(e.span.end));
            }
        }
    }

    #[test]
    fn compiling_any_rule_text_never_panics(
        template in article(),
        check in "[a-z_~<>=!0-9 ()+*/^.-]{0,30}",
        word in "\\PC{0,8}",
    ) {
        let yaml = format!(
            "facts:\n  f: {{ value: 1, unit: x, source: s }}\nclaims:\n  - id: c\n    text: {template:?}\n    check: {check:?}\nterms:\n  - id: t\n    use: u\n    instead_of: [{word:?}]\n"
        );
        let _ = RuleSet::from_text(Path::new("p.yaml"), &yaml);
    }
}
