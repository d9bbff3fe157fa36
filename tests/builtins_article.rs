//! The built-in checks over the bundled article with no rule files: exactly the two
//! `multiple_wording` findings (lines 29 and 57), nothing about the ratios that hold.

use std::path::Path;

use factlint::check::{CheckOptions, Finding, check_document};
use factlint::extract::{ExtractOptions, extract};
use factlint::rules::RuleSet;
use factlint::source::Document;

fn findings() -> (Document, Vec<Finding>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("source/ai-index-2024.md");
    let doc = Document::load(&path).expect("the bundled article loads");
    let options = CheckOptions::default();
    let mentions = extract(
        &doc.masked,
        &ExtractOptions {
            tolerance: options.tolerance,
        },
    );
    let outcome = check_document(&doc, &mentions, &RuleSet::default(), &options);
    (doc, outcome.findings)
}

/// One stable line per finding: `line:col severity[rule]: message`, then the edit.
fn render(doc: &Document, findings: &[Finding]) -> String {
    let mut s = String::new();
    for f in findings {
        let (line, col) = doc.lines.line_col(&doc.text, f.span.start);
        s.push_str(&format!(
            "{line}:{col}: {}[{}]: {}\n",
            f.severity, f.rule, f.message
        ));
        s.push_str(&format!("  found: {}\n", f.found));
        if let Some(e) = f.edit() {
            s.push_str(&format!("  fix:   {}\n", e.replacement));
        }
        for n in &f.notes {
            s.push_str(&format!("  note:  {n}\n"));
        }
    }
    s
}

#[test]
fn exactly_the_two_multiple_wording_findings() {
    let (doc, findings) = findings();
    let summary: Vec<(usize, &str, &str)> = findings
        .iter()
        .map(|f| {
            (
                doc.lines.line_col(&doc.text, f.span.start).0,
                f.rule.as_str(),
                f.found.as_str(),
            )
        })
        .collect();
    assert_eq!(summary.len(), 2, "{summary:?}");
    assert_eq!(summary[0].0, 29);
    assert_eq!(summary[0].1, "multiple_wording");
    assert!(summary[0].2.contains("增加了十三倍"), "{summary:?}");
    assert_eq!(summary[1].0, 57);
    assert_eq!(summary[1].1, "multiple_wording");
    assert!(summary[1].2.contains("高出近 291 倍"), "{summary:?}");
}

#[test]
fn the_fixes_keep_the_authors_numbers() {
    let (_, findings) = findings();
    let fixes: Vec<&str> = findings
        .iter()
        .filter_map(|f| f.edit().map(|e| e.replacement.as_str()))
        .collect();
    assert_eq!(
        fixes,
        [
            "增加到十三倍",
            "是一位旅客从纽约到旧金山的往返航班所释放的碳排放量的近 291 倍"
        ]
    );
}

#[test]
fn report_snapshot() {
    let (doc, findings) = findings();
    insta::assert_snapshot!(render(&doc, &findings));
}
