//! The fuzz targets' properties (fuzz/fuzz_targets), run briefly on stable in CI: the rule
//! loader's errors stay on one line inside the file, the expression parser's names lie in
//! the text, and `--fix` changes only the bytes of its edits, never masked text, and
//! reaches a fixed point.

use std::path::Path;

use factlint::check::{CheckOptions, check_document};
use factlint::eval::Comparison;
use factlint::extract::{ExtractOptions, extract};
use factlint::finding::Applicability;
use factlint::fix;
use factlint::rules::RuleSet;
use factlint::source::{Document, Span};
use proptest::prelude::*;

const TERMS: &str = "terms:
  - id: training_cost
    use: 训练成本
    instead_of: [推理成本]
  - id: ipsos
    use: Ipsos
    instead_of: [lpsos]
  - id: spaced
    use: 费用
    instead_of: [\"  成本\"]
";

fn rules() -> RuleSet {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut set = RuleSet::load(&[root.join("claims")], root).expect("claims/ loads");
    set.files
        .push(RuleSet::from_text(Path::new("t.yaml"), TERMS).expect("terms compile"));
    set
}

/// Prose with the bundled article's figures, term words, and the Markdown that masking
/// blanks (code, comments, URLs), so edits often land next to masked bytes.
const PIECES: &[&str] = &[
    "Gemini Ultra是GPT-4的",
    "2.5倍",
    "约 20%",
    "推理成本",
    "lpsos",
    "  成本",
    "成本",
    "`code`",
    "`推理成本`",
    "<!-- 推理成本 -->",
    "https://x.org/lpsos",
    "[链接](https://x.org/推理成本)",
    "78 亿美元",
    "有 33 个国家",
    "，",
    "。",
    " ",
    "\n",
    "\r\n",
    "\n\n# 训练成本\n\n",
    "```\n推理成本\n```\n",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => any::<char>().prop_map(|c| c.to_string()),
        ],
        0..30,
    )
    .prop_map(|v| v.concat())
}

fn findings(doc: &Document, rules: &RuleSet) -> Vec<factlint::check::Finding> {
    let mentions = extract(&doc.masked, &ExtractOptions::default());
    check_document(doc, &mentions, rules, &CheckOptions::default()).findings
}

fn fixing(doc: &Document, rules: &RuleSet) -> fix::Fixing {
    fix::apply(doc, &findings(doc, rules))
}

/// The byte offset of a 1-based line and column (in characters).
fn offset(doc: &Document, line: usize, column: usize) -> usize {
    let start = doc.lines.line_start(line - 1).expect("the line exists");
    let rest = &doc.text[start..];
    start
        + rest
            .char_indices()
            .nth(column - 1)
            .map_or(rest.len(), |(i, _)| i)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn fix_changes_only_its_edits_never_masked_text_and_is_a_fixed_point(text in article()) {
        let rules = rules();
        let doc = Document::from_text(Path::new("source/ai-index-2024.md"), &text);
        let first = fixing(&doc, &rules);
        let crlf = doc.text.contains("\r\n");
        let (mut out, mut from) = (0, 0);
        for f in first.fixes.iter().filter(|f| f.applied) {
            let at = offset(&doc, f.line, f.column);
            let kept = &doc.text[from..at];
            prop_assert_eq!(&first.text[out..out + kept.len()], kept);
            prop_assert!(doc.text[at..].starts_with(&f.old));
            let span = Span::new(at, at + f.old.len());
            prop_assert!(!doc.touches_masked(span), "edit on masked text: {:?}", f);
            let written = if crlf {
                f.new.replace("\r\n", "\n").replace('\n', "\r\n")
            } else {
                f.new.clone()
            };
            prop_assert_eq!(&first.text[out + kept.len()..][..written.len()], written.as_str());
            out += kept.len() + written.len();
            from = span.end;
        }
        prop_assert_eq!(&first.text[out..], &doc.text[from..]);
    }

    /// What `--fix` does (`fix::fix_passes`, fixing until the text is stable) reaches a
    /// fixed point: `--fix` on the fixed text changes nothing. (A single `fix::apply` does
    /// not: found by this property, `…GPT-4的2.5倍` was fixed to `2.4倍` by the bundled
    /// claim, then to `1.0倍` by `ratio_in_sentence`; the passes hold that edit back.)
    #[test]
    fn fix_is_a_fixed_point(text in article()) {
        let rules = rules();
        let doc = Document::from_text(Path::new("source/ai-index-2024.md"), &text);
        let fixed = fix::fix_passes(&doc, findings(&doc, &rules), Applicability::Safe, |d| {
            findings(d, &rules)
        });
        let again = Document::from_text(Path::new("source/ai-index-2024.md"), &fixed.text);
        let second = fix::fix_passes(&again, findings(&again, &rules), Applicability::Safe, |d| {
            findings(d, &rules)
        });
        prop_assert!(
            !second.changed(),
            "fixed again: {:?} in {:?}",
            second.fixes,
            fixed.text
        );
    }

    #[test]
    fn rule_errors_stay_on_one_line_inside_the_file(
        body in prop::collection::vec(
            prop_oneof![
                prop::sample::select(&[
                    "terms:\n", "claims:\n", "facts:\n", "  - id: ", "a\n", "x\n",
                    "    use: ", "    instead_of: [", "]\n", "    check: ", "    text: ",
                    "\"{a} 是 {b}\"\n", "a ~ b\n", "&x ", "*x", "---\n", ": ", "\\n", "\"",
                ][..]).prop_map(str::to_string),
                any::<char>().prop_map(|c| c.to_string()),
            ],
            0..30,
        ).prop_map(|v| v.concat())
    ) {
        if let Err(errors) = RuleSet::from_text(Path::new("r.yaml"), &body) {
            let lines = yaml_lines(&body);
            for e in errors {
                prop_assert!(e.line <= lines + 1, "{} (file has {} lines)", e, lines);
                let shown = e.to_string();
                prop_assert!(!shown.contains(['\n', '\r']), "{:?}", shown);
            }
        }
    }

    #[test]
    fn expression_names_lie_in_the_text(text in "[a-z_ ~<>=!0-9()+*/^.,-]{0,40}") {
        if let Ok(c) = Comparison::parse(&text) {
            for (name, offset) in c.names() {
                prop_assert!(text[offset..].starts_with(name));
            }
        }
    }
}

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
