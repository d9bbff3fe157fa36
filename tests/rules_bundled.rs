//! The bundled rule file over the bundled article: the findings issue 3 asks for, and
//! nothing on the statements the report's figures support.

use std::path::Path;

use factlint::check::{CheckOptions, Finding, Origin, Outcome, check_document};
use factlint::extract::{ExtractOptions, extract};
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
    let edit = f.edit.as_ref().expect("an edit");
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
    assert_eq!(doc.slice(f.edit.as_ref().expect("an edit").span), "33");
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
        if let Some(edit) = &f.edit {
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
