//! The bundled rule file over the bundled article: the findings issue 3 asks for, and
//! nothing on the statements the report's figures support.

use std::path::Path;

use factlint::check::{Applicability, CheckOptions, Finding, Origin, Outcome, check_document};
use factlint::extract::{ExtractOptions, extract};
use factlint::fix;
use factlint::rules::RuleSet;
use factlint::source::Document;

/// Every rule finding on the bundled article (built-ins off), with the run's counts.
fn run() -> (Document, Outcome, usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = RuleSet::load(&[root.join("claims")], root).expect("claims/ loads");
    let claims = rules.files.iter().map(|f| f.claims.len()).sum();
    let text = std::fs::read_to_string(root.join("source/ai-index-2024.md")).expect("article");
    // The path as `factlint check` gives it from the repository root.
    let doc = Document::from_text(Path::new("source/ai-index-2024.md"), &text);
    let mentions = extract(&doc.masked, &ExtractOptions::default());
    let options = CheckOptions {
        builtins: Vec::new(),
        ..CheckOptions::default()
    };
    let out = check_document(&doc, &mentions, &rules, &options);
    (doc, out, claims)
}

fn line(doc: &Document, f: &Finding) -> usize {
    doc.lines.line_col(&doc.text, f.span.start).0
}

#[test]
fn the_wrong_figures_and_words_are_found_and_nothing_else() {
    let (doc, out, _) = run();
    let got: Vec<(usize, &str)> = out
        .findings
        .iter()
        .map(|f| (line(&doc, f), f.rule.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (1, "headline_cost_ratio"),
            (13, "dozens_of_languages"),
            (23, "training_compute_not_development_cost"),
            (31, "genai_not_all_ai"),
            (47, "training_not_inference_cost"),
            (107, "countries_with_ai_law"),
            (115, "ipsos_spelling"),
        ],
        "{:#?}",
        out.findings
    );
}

#[test]
fn every_claim_matches_the_article_once() {
    let (_, out, claims) = run();
    assert_eq!(out.stats.claims_unmatched, 0);
    assert_eq!(out.stats.claims_failed, 2);
    assert_eq!(out.stats.claims_held + out.stats.claims_failed, claims);
    assert!(out.stats.numbers_checked >= 60, "{:?}", out.stats);
}

#[test]
fn the_headline_ratio_is_explained_and_fixed() {
    let (doc, out, _) = run();
    let f = out
        .findings
        .iter()
        .find(|f| f.rule == "headline_cost_ratio")
        .expect("headline finding");
    assert_eq!(f.origin, Origin::Claim);
    assert_eq!(
        f.message,
        "`2.5倍` does not match gemini_ultra_training_cost / gpt4_training_cost = 2.443 (2.4倍)"
    );
    assert_eq!(f.suggestion.as_deref(), Some("2.4倍"));
    let edit = f.edit().expect("an edit");
    assert_eq!(doc.slice(edit.span), "2.5");
    assert_eq!(edit.replacement, "2.4");
    assert_eq!(f.source, ["AI Index 2024, Fig. 1.3.21"]);
    let e = f.explanation.as_ref().expect("explained");
    assert!(e.computed_interval.contains(191_400_000.0 / 78_352_034.0));
}

#[test]
fn the_countries_count_is_corrected_to_the_report() {
    let (doc, out, _) = run();
    let f = out
        .findings
        .iter()
        .find(|f| f.rule == "countries_with_ai_law")
        .expect("countries finding");
    assert_eq!(f.found, "33 个");
    assert_eq!(f.suggestion.as_deref(), Some("32 个"));
    assert_eq!(doc.slice(f.edit().expect("an edit").span), "33");
    assert!(f.source.iter().any(|s| s.contains("ch. 7")));
}

/// Every finding with its explanation, as a reviewer reads it; blessed after reading each
/// line against the article and the report's figures.
#[test]
fn findings_snapshot() {
    let (doc, out, _) = run();
    let mut text = String::new();
    for f in &out.findings {
        let (line, col) = doc.lines.line_col(&doc.text, f.span.start);
        text.push_str(&format!(
            "{line}:{col}: {}[{}] {}\n",
            f.severity, f.rule, f.message
        ));
        if let Some(e) = &f.explanation {
            for i in &e.inputs {
                text.push_str(&format!(
                    "    input {} = {} [{}, {}]\n",
                    i.name, i.text, i.interval.low, i.interval.high
                ));
            }
            text.push_str(&format!(
                "    computed {} in [{}, {}]; claimed [{}, {}]\n",
                e.computed,
                e.computed_interval.low,
                e.computed_interval.high,
                e.claimed.low,
                e.claimed.high
            ));
        }
        if !f.source.is_empty() {
            text.push_str(&format!("    source {}\n", f.source.join("; ")));
        }
        if let Some(edit) = f.edit() {
            text.push_str(&format!(
                "    edit `{}` -> `{}`\n",
                doc.slice(edit.span),
                edit.replacement
            ));
        }
    }
    text.push_str(&format!("{:?}\n", out.stats));
    insta::assert_snapshot!(text);
}

/// `text` as the bundled article's path, checked with the bundled rules (built-ins off)
/// and fixed with `fix_passes` at `allowed`: the findings and the fixed text.
fn fixed(text: &str, allowed: Applicability) -> (Vec<Finding>, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = RuleSet::load(&[root.join("claims")], root).expect("claims/ loads");
    let options = CheckOptions {
        builtins: Vec::new(),
        ..CheckOptions::default()
    };
    let check = |doc: &Document| {
        let mentions = extract(&doc.masked, &ExtractOptions::default());
        check_document(doc, &mentions, &rules, &options).findings
    };
    let doc = Document::from_text(Path::new("source/ai-index-2024.md"), text);
    let findings = check(&doc);
    let fixing = fix::fix_passes(&doc, findings.clone(), allowed, check);
    (findings, fixing.text)
}

#[test]
fn a_number_with_malformed_grouping_is_not_edited() {
    // Issue 12, reproduction 9: `044` is read out of `6915,044`; writing `16` over it would
    // leave `6915,16`, read again as another number.
    let text = "这大约是普通美国人一年碳排放量的 6915,044 倍。";
    let (findings, after) = fixed(text, Applicability::Unsafe);
    let f = findings
        .iter()
        .find(|f| f.rule == "llama2_vs_american_year")
        .expect("the claim fails");
    assert!(f.edit().is_none(), "{f:#?}");
    assert_eq!(after, text);
}

#[test]
fn a_fix_never_changes_the_kind_of_a_figure() {
    // Issue 12, reproduction 11: the untyped placeholder binds `25%`; 32 countries is not
    // `3200%`.
    let text = "有 25%国家至少通过了一项与人工智能有关的法律。";
    let (findings, after) = fixed(text, Applicability::Unsafe);
    let f = findings
        .iter()
        .find(|f| f.rule == "countries_with_ai_law")
        .expect("the claim fails");
    assert!(f.fix.is_none() && f.suggestion.is_none(), "{f:#?}");
    assert!(!f.message.contains("3200"), "{}", f.message);
    assert_eq!(after, text);
}

#[test]
fn a_confirmed_rewrite_is_applied_and_a_second_pass_finds_nothing() {
    let text = "揭底大模型训练成本:Gemini Ultra是GPT-4的2.5倍\n";
    let headline = |fs: &[Finding]| fs.iter().find(|f| f.rule == "headline_cost_ratio").cloned();
    let (findings, after) = fixed(text, Applicability::Safe);
    let f = headline(&findings).expect("the claim fails");
    let fix = f.fix.as_ref().expect("a fix");
    assert_eq!(fix.applicability, Applicability::Safe);
    assert_eq!(after, "揭底大模型训练成本:Gemini Ultra是GPT-4的2.4倍\n");
    let (again, after_again) = fixed(&after, Applicability::Safe);
    assert_eq!(headline(&again), None);
    assert_eq!(after_again, after);
}

#[test]
fn coverage_names_what_checked_each_mention() {
    use factlint::check::{Builtin, MentionStatus};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = RuleSet::load(&[root.join("claims")], root).expect("claims/ loads");
    let text = "揭底大模型训练成本:Gemini Ultra是GPT-4的2.5倍\n\n\
                2023 年，甲地投资额为 100 亿美元，是乙地(20 亿美元)的 5 倍。其余 5 个。\n";
    let doc = Document::from_text(Path::new("source/ai-index-2024.md"), text);
    let mentions = extract(&doc.masked, &ExtractOptions::default());
    let out = check_document(&doc, &mentions, &rules, &CheckOptions::default());
    let status = |needle: &str| {
        let i = mentions
            .iter()
            .position(|m| doc.slice(m.span) == needle)
            .unwrap_or_else(|| panic!("no mention `{needle}`"));
        out.coverage.statuses[i].clone()
    };
    assert_eq!(
        status("2.5倍"),
        MentionStatus::Claim("headline_cost_ratio".into())
    );
    for needle in ["100 亿美元", "20 亿美元", "5 倍"] {
        let s = status(needle);
        assert_eq!(
            s,
            MentionStatus::Builtin(Builtin::RatioInSentence),
            "{needle}"
        );
    }
    assert_eq!(status("5 个"), MentionStatus::Unchecked);
    assert_eq!(status("2023 年"), MentionStatus::NotQuantity);
    assert_eq!(out.coverage.statuses.len(), mentions.len());
    assert_eq!(out.stats.numbers_checked, out.coverage.checked());
    assert_eq!(out.coverage.sentences_skipped, 0);
}
