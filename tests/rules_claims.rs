//! The claim engine over whole documents, with mentions made by hand so that these tests
//! pin the engine (matching, arithmetic, findings, unmatched claims) and not the extractor.

use std::path::Path;

use factlint::check::{CheckOptions, Finding, Origin, Outcome, Severity, check_document};
use factlint::eval::Interval;
use factlint::extract::{Hedge, Kind, Mention, Numeral, Style};
use factlint::rules::RuleSet;
use factlint::source::{Document, Span};

/// A mention of `whole` (first occurrence) whose numeral is `number`, worth `value` and
/// asserting `[low, high]`.
fn mention(
    text: &str,
    whole: &str,
    number: &str,
    kind: Kind,
    value: f64,
    low: f64,
    high: f64,
) -> Mention {
    let start = text.find(whole).expect("whole in text");
    let n = start + whole.find(number).expect("number in whole");
    Mention {
        span: Span::new(start, start + whole.len()),
        number: Span::new(n, n + number.len()),
        kind,
        value,
        interval: Interval::new(low, high),
        unit: None,
        hedge: None::<Hedge>,
        hedge_span: None,
        style: Style {
            numeral: Numeral::Arabic,
            decimals: 1,
            grouped: false,
            factor: 1.0,
        },
    }
}

fn check(yaml: &str, text: &str, mentions: &[Mention]) -> Outcome {
    let file = RuleSet::from_text(Path::new("rules.yaml"), yaml).expect("rules compile");
    let rules = RuleSet {
        files: vec![file],
        root: ".".into(),
    };
    let doc = Document::from_text(Path::new("article.md"), text);
    let options = CheckOptions {
        builtins: Vec::new(),
        ..CheckOptions::default()
    };
    check_document(&doc, mentions, &rules, &options)
}

const HEADLINE: &str = r#"
facts:
  gpt4_training_cost: { value: 78352034, unit: USD, source: "AI Index 2024, Fig. 1.3.21" }
  gemini_ultra_training_cost: { value: 191400000, unit: USD, source: "AI Index 2024, Fig. 1.3.21 (Gemini)" }
claims:
  - id: headline_cost_ratio
    text: "Gemini Ultra是GPT-4的{ratio}倍"
    check: ratio ~ gemini_ultra_training_cost / gpt4_training_cost
    severity: warning
    why: "compute costs from the report"
"#;

fn headline(text: &str, number: &str, low: f64, high: f64) -> Outcome {
    let whole = format!("{number}倍");
    let v = number.parse().unwrap();
    let m = [mention(text, &whole, number, Kind::Multiple, v, low, high)];
    check(HEADLINE, text, &m)
}

#[test]
fn a_wrong_ratio_is_reported_with_its_explanation() {
    let text = "揭底大模型训练成本:Gemini Ultra是GPT-4的2.5倍\n";
    let out = headline(text, "2.5", 2.45, 2.55);
    assert_eq!(out.findings.len(), 1, "{:#?}", out.findings);
    let f: &Finding = &out.findings[0];
    assert_eq!(f.rule, "headline_cost_ratio");
    assert_eq!(f.origin, Origin::Claim);
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.found, "2.5倍");
    assert_eq!(&text[f.span.range()], "2.5倍");
    assert!(
        f.message.starts_with(
            "`2.5倍` does not match gemini_ultra_training_cost / gpt4_training_cost = 2.443"
        ),
        "{}",
        f.message
    );
    let e = f.explanation.as_ref().expect("explained");
    assert_eq!(
        e.formula,
        "ratio ~ gemini_ultra_training_cost / gpt4_training_cost"
    );
    assert!((e.computed - 2.442_8).abs() < 1e-3);
    assert_eq!(e.claimed, Interval::new(2.45, 2.55));
    let names: Vec<&str> = e.inputs.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["ratio", "gemini_ultra_training_cost", "gpt4_training_cost"]
    );
    assert_eq!(e.inputs[0].text, "2.5倍");
    assert_eq!(
        e.inputs[1].source.as_deref(),
        Some("AI Index 2024, Fig. 1.3.21 (Gemini)")
    );
    assert_eq!(
        f.source,
        [
            "AI Index 2024, Fig. 1.3.21 (Gemini)",
            "AI Index 2024, Fig. 1.3.21"
        ]
    );
    assert_eq!(f.notes, vec!["compute costs from the report".to_string()]);
    assert_eq!((out.stats.claims_failed, out.stats.claims_held), (1, 0));
    assert_eq!(out.stats.numbers_checked, 1);
}

#[test]
fn a_ratio_within_its_rounding_holds() {
    let out = headline("Gemini Ultra 是 GPT-4 的 2.4倍", "2.4", 2.35, 2.45);
    assert!(out.findings.is_empty(), "{:#?}", out.findings);
    assert_eq!((out.stats.claims_held, out.stats.claims_failed), (1, 0));
}

#[test]
fn a_claim_that_matches_nowhere_is_reported_once_at_the_top() {
    let yaml = format!("applies_to: [\"article.md\"]\n{HEADLINE}");
    let text = "This article no longer mentions the ratio.\n";
    let out = check(&yaml, text, &[]);
    assert_eq!(out.findings.len(), 1, "{:#?}", out.findings);
    let f = &out.findings[0];
    assert_eq!(f.origin, Origin::Unmatched);
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.span, Span::new(0, 0));
    assert!(
        f.message.contains("`headline_cost_ratio` matches nowhere"),
        "{}",
        f.message
    );
    assert_eq!(out.stats.claims_unmatched, 1);
}

#[test]
fn without_applies_to_an_absent_claim_is_not_reported() {
    let out = check(HEADLINE, "Nothing here.", &[]);
    assert!(out.findings.is_empty());
    assert_eq!(out.stats.claims_unmatched, 0);
}

#[test]
fn division_by_zero_is_a_finding_not_a_crash() {
    let yaml = r#"
facts:
  zero: { value: 0, unit: USD, source: "nowhere" }
claims:
  - id: ratio_by_zero
    text: "增长了 {r}"
    check: r ~ 1 / zero
"#;
    let text = "增长了 3 倍";
    let m = [mention(text, "3 倍", "3", Kind::Multiple, 3.0, 2.5, 3.5)];
    let out = check(yaml, text, &m);
    assert_eq!(out.findings.len(), 1, "{:#?}", out.findings);
    assert!(
        out.findings[0]
            .message
            .starts_with("cannot evaluate `r ~ 1 / zero`")
    );
    assert_eq!(out.stats.claims_failed, 1);
}

#[test]
fn every_check_of_a_claim_runs_and_only_the_failing_ones_report() {
    let yaml = r#"
facts:
  total_2023: { value: 189.2e9, precision: 0.1e9, unit: USD, source: "Fig. 4.3.1" }
  total_2022: { value: 234e9, precision: 1e9, unit: USD, source: "Fig. 4.3.1 (2022)" }
claims:
  - id: decline
    text: "总投资下降至 {total},较 2022 年下降约 {decline}"
    check:
      - total ~ total_2023
      - decline ~ 1 - total_2023 / total_2022
"#;
    let text = "总投资下降至 1892 亿美元,较 2022 年下降约 30%。";
    let m = [
        mention(
            text,
            "1892 亿美元",
            "1892",
            Kind::Money,
            189.2e9,
            189.15e9,
            189.25e9,
        ),
        mention(text, "约 30%", "30", Kind::Percent, 0.30, 0.285, 0.315),
    ];
    let out = check(yaml, text, &m);
    assert_eq!(out.findings.len(), 1, "{:#?}", out.findings);
    assert_eq!(out.findings[0].found, "约 30%");
    assert!(
        out.findings[0].message.contains("= 0.1915"),
        "{}",
        out.findings[0].message
    );
    assert_eq!(out.findings[0].source, ["Fig. 4.3.1", "Fig. 4.3.1 (2022)"]);
    // With the right figure both checks hold.
    let text = "总投资下降至 1892 亿美元,较 2022 年下降约 20%。";
    let m = [
        mention(
            text,
            "1892 亿美元",
            "1892",
            Kind::Money,
            189.2e9,
            189.15e9,
            189.25e9,
        ),
        mention(text, "约 20%", "20", Kind::Percent, 0.20, 0.185, 0.215),
    ];
    assert!(check(yaml, text, &m).findings.is_empty());
}

#[test]
fn a_fact_with_precision_allows_its_rounding() {
    let yaml = r#"
facts:
  share: { value: 0.20, precision: 0.01, unit: share, source: "s" }
claims:
  - id: share
    text: "比例为 {p}"
    check: p ~ share
"#;
    let text = "比例为 20.4%";
    let m = [mention(
        text,
        "20.4%",
        "20.4",
        Kind::Percent,
        0.204,
        0.2035,
        0.2045,
    )];
    assert!(check(yaml, text, &m).findings.is_empty());
    let text = "比例为 20.6%";
    let m = [mention(
        text,
        "20.6%",
        "20.6",
        Kind::Percent,
        0.206,
        0.2055,
        0.2065,
    )];
    assert_eq!(check(yaml, text, &m).findings.len(), 1);
}

#[test]
fn a_pattern_claim_binds_each_group_to_one_mention() {
    let yaml = r#"
facts:
  countries: { value: 32, unit: countries, source: "ch. 7" }
claims:
  - id: law_countries
    pattern: '有\s*(?P<n>\d+\s*个)国家'
    check: n ~ countries
"#;
    let text = "有 33 个国家通过了法律;有 32 个国家通过。";
    let first = text.find("33 个").unwrap();
    let mut a = mention(text, "33 个", "33", Kind::Count, 33.0, 33.0, 33.0);
    a.span = Span::new(first, first + "33 个".len());
    let b = mention(text, "32 个", "32", Kind::Count, 32.0, 32.0, 32.0);
    let out = check(yaml, text, &[a, b]);
    assert_eq!(out.findings.len(), 1, "{:#?}", out.findings);
    assert_eq!(out.findings[0].found, "33 个");
    assert_eq!((out.stats.claims_held, out.stats.claims_failed), (1, 1));
}

#[test]
fn a_comparison_that_is_not_approximate_names_both_sides() {
    let yaml = r#"
facts:
  llama: { value: 291.2, unit: t, source: "Fig. 2.13.1" }
claims:
  - id: lower_than_gpt3
    text: "GPT-3 的 {gpt3} 排放量"
    check: llama < gpt3
"#;
    let text = "GPT-3 的 202 吨排放量";
    let m = [mention(
        text,
        "202 吨",
        "202",
        Kind::Quantity,
        202.0,
        201.5,
        202.5,
    )];
    let out = check(yaml, text, &m);
    assert_eq!(out.findings.len(), 1);
    let f = &out.findings[0];
    assert_eq!(f.found, "202 吨");
    assert!(
        f.message.contains("`llama < gpt3` does not hold"),
        "{}",
        f.message
    );
    assert!(f.edit().is_none() && f.suggestion.is_none());
}
