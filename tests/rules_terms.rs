//! Term rules over whole documents: sections, boundaries, case, and many rules at once.

use std::path::Path;

use factlint::check::{CheckOptions, Finding, Origin, check_document};
use factlint::extract::{ExtractOptions, extract};
use factlint::rules::{RuleSet, normalize::normalize_literal};
use factlint::source::Document;

fn run(rules_yaml: &str, article: &str) -> Vec<Finding> {
    let file = RuleSet::from_text(Path::new("terms.yaml"), rules_yaml).expect("rules compile");
    let rules = RuleSet {
        files: vec![file],
        root: ".".into(),
    };
    let doc = Document::from_text(Path::new("article.md"), article);
    let mentions = extract(&doc.masked, &ExtractOptions::default());
    let options = CheckOptions {
        builtins: Vec::new(),
        ..CheckOptions::default()
    };
    check_document(&doc, &mentions, &rules, &options).findings
}

const TRAINING: &str = r#"
terms:
  - id: training_not_inference_cost
    use: 训练成本
    instead_of: [推理成本]
    within: { heading: 训练成本 }
    why: "this section is about training"
"#;

#[test]
fn within_a_heading_only_that_section_is_checked() {
    let article = "# 模型\n\n推理成本很低。\n\n## 训练成本\n\n一个话题是推理成本。\n\n## 碳足迹\n\n推理成本也有碳排放。\n";
    let found = run(TRAINING, article);
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(f.origin, Origin::Term);
    assert_eq!(f.rule, "training_not_inference_cost");
    assert_eq!(&article[f.span.range()], "推理成本");
    assert_eq!(
        f.span.start,
        article.find("一个话题是").unwrap() + "一个话题是".len()
    );
    assert_eq!(
        f.message,
        "`推理成本` should be `训练成本`: this section is about training"
    );
    let edit = f.edit().expect("a term finding carries its fix");
    assert_eq!(edit.span, f.span);
    assert_eq!(edit.replacement, "训练成本");
}

#[test]
fn plain_text_headings_count_as_sections() {
    let article =
        "标题:成本\n\n训练成本\n\n一个话题是推理成本。\n\n碳足迹\n\n推理成本也有碳排放。\n";
    let found = run(TRAINING, article);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].span.start < article.find("碳足迹").unwrap());
}

#[test]
fn outside_a_heading_everything_else_is_checked() {
    let rules = r#"
terms:
  - id: no_inference_outside
    use: 训练成本
    instead_of: [推理成本]
    outside: { heading: 推理 }
"#;
    let article = "# 推理\n\n推理成本。\n\n# 训练\n\n推理成本。\n";
    let found = run(rules, article);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].span.start > article.find("# 训练").unwrap());
}

const IPSOS: &str = r#"
terms:
  - id: ipsos
    use: Ipsos
    instead_of: [lpsos]
"#;

#[test]
fn latin_words_match_whole_words_only() {
    assert!(run(IPSOS, "helpsos and lpsosx are other words.").is_empty());
    let found = run(IPSOS, "在lpsos的一项调查中, LPSOS again, (lpsos).");
    let texts: Vec<&str> = found.iter().map(|f| f.found.as_str()).collect();
    assert_eq!(texts, vec!["lpsos", "LPSOS", "lpsos"]);
}

#[test]
fn case_sensitive_terms_match_exact_case_only() {
    let rules = r#"
terms:
  - id: ipsos
    use: Ipsos
    instead_of: [lpsos]
    case_sensitive: true
"#;
    let found = run(rules, "lpsos, LPSOS, Lpsos");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].found, "lpsos");
}

#[test]
fn the_right_word_containing_the_wrong_one_is_not_flagged() {
    let rules = r#"
terms:
  - id: genai
    use: 生成式 AI 行业
    instead_of: [AI 行业]
"#;
    let found = run(rules, "生成式 AI 行业增长,AI 行业也增长。");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].span.start, "生成式 AI 行业增长,".len());
}

#[test]
fn code_and_urls_are_not_checked() {
    let article =
        "Use `lpsos` in code.\n\n```\nlpsos\n```\n\nSee https://example.com/lpsos here.\n";
    assert!(run(IPSOS, article).is_empty());
}

#[test]
fn a_thousand_term_rules_find_exactly_their_words() {
    let mut yaml = String::from("terms:\n");
    for i in 0..1000 {
        yaml.push_str(&format!(
            "  - id: t{i}\n    use: right{i}\n    instead_of: [wrong{i}]\n"
        ));
    }
    let article = "wrong7 and wrong999, but not wrong10000 nor xwrong5; right3.";
    let found = run(&yaml, article);
    let rules: Vec<&str> = found.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, vec!["t7", "t999"]);
}

#[test]
fn headings_and_words_normalise_alike() {
    assert_eq!(
        normalize_literal("企业对生成式 AI 投资猛增"),
        "企业对生成式AI投资猛增"
    );
}
