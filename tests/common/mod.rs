//! The one sample report every format test prints: a CJK line, a long paragraph, a claim
//! finding with explanation, source and edit, a term finding, a warning without an edit,
//! a claim that matched nowhere,
//! an English finding, a clean second file and an input error. Built by hand so that the
//! printers are tested apart from the checks.

#![allow(dead_code)]

use std::path::Path;

use factlint::check::{Builtin, Edit, Explanation, Finding, Fix, Input, Origin, Severity, Stats};
use factlint::eval::Interval;
use factlint::report::{FileError, FileReport, Report};
use factlint::source::{Document, SourceError, Span};

pub const SAMPLE: &str = "# 训练成本\n\
\n\
关于基础模型,一个绕不开的话题是推理成本。\n\
\n\
Gemini Ultra 的训练成本约为 1.914 亿美元,是 GPT-4 的 2.5 倍。\n\
\n\
图 2.13.1 显示了选定 LLM 在训练期间释放的碳(以吨为单位)的比较。例如,Meta 发布的 Llama 2 70B 模型释放了约 291.2 吨碳,这比一位旅客从纽约到旧金山的往返航班所释放的碳排放量高出近 291 倍,大约是普通美国人一年碳排放量的 16 倍。这些数字来自报告的估计。\n\
\n\
The market grew 50% to $3.8B in 2023, up from $2.5B a year before.\n";

/// The span of the `nth` (0-based) occurrence of `needle` in `text`.
pub fn span_of(text: &str, needle: &str, nth: usize) -> Span {
    let (i, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` not in the sample"));
    Span::new(i, i + needle.len())
}

fn with_edit(mut f: Finding, replacement: &str) -> Finding {
    f.suggestion = Some(replacement.to_string());
    f.fix = Some(Fix::safe(Edit {
        span: f.span,
        replacement: replacement.to_string(),
    }));
    f
}

pub fn sample_findings(text: &str) -> Vec<Finding> {
    let term = span_of(text, "推理成本", 0);
    let mut term = with_edit(
        Finding::new(
            "training_not_inference_cost",
            Origin::Term,
            Severity::Warning,
            term,
            "推理成本",
            "`推理成本` in the section `训练成本`: use `训练成本`",
        ),
        "训练成本",
    );
    term.notes
        .push("This section is about what it costs to train a model.".into());

    let ratio = span_of(text, "2.5 倍", 0);
    let mut claim = with_edit(
        Finding::new(
            "headline_cost_ratio",
            Origin::Claim,
            Severity::Error,
            ratio,
            "2.5 倍",
            "`2.5 倍` does not hold: the figures give 2.44",
        ),
        "2.4 倍",
    );
    let source = "AI Index 2024, Figure 1.3.21";
    claim.source = vec![source.into()];
    claim.explanation = Some(Explanation {
        inputs: vec![
            Input {
                name: "ratio".into(),
                text: "2.5 倍".into(),
                value: 2.5,
                interval: Interval::new(2.45, 2.55),
                source: None,
            },
            Input {
                name: "gemini_ultra_training_cost".into(),
                text: "191400000 USD".into(),
                value: 191_400_000.0,
                interval: Interval::point(191_400_000.0),
                source: Some(source.into()),
            },
            Input {
                name: "gpt4_training_cost".into(),
                text: "78352034 USD".into(),
                value: 78_352_034.0,
                interval: Interval::point(78_352_034.0),
                source: Some(source.into()),
            },
        ],
        formula: "ratio ~ gemini_ultra_training_cost / gpt4_training_cost".into(),
        computed: 191_400_000.0 / 78_352_034.0,
        computed_interval: Interval::point(191_400_000.0 / 78_352_034.0),
        claimed: Interval::new(2.45, 2.55),
        tolerance: 0.05,
    });

    let wording = span_of(text, "高出近 291 倍", 0);
    let mut wording = Finding::new(
        "multiple_wording",
        Origin::Builtin(Builtin::MultipleWording.meta()),
        Severity::Warning,
        wording,
        "高出近 291 倍",
        "`高出近 291 倍` is ambiguous: strictly it means 292 times",
    );
    wording.suggestion = Some("是…的近 292 倍".into());
    wording
        .notes
        .push("比…高出 N 倍 means N+1 times; say 是…的 N 倍 or give the difference.".into());

    let change = span_of(text, "50%", 0);
    let change = with_edit(
        Finding::new(
            "change_in_sentence",
            Origin::Builtin(Builtin::ChangeInSentence.meta()),
            Severity::Error,
            change,
            "50%",
            "`50%` does not match the change from $2.5B to $3.8B (52%)",
        ),
        "52%",
    );
    let mut unmatched = Finding::new(
        "us_investment_2023",
        Origin::Unmatched,
        Severity::Warning,
        Span::new(0, 0),
        "",
        "claim `us_investment_2023` matches nowhere in this article: update its template",
    );
    unmatched.source = vec!["AI Index 2024, Figure 4.3.8".into()];
    vec![unmatched, term, claim, wording, change]
}

pub fn sample_report() -> Report {
    let doc = Document::from_text(Path::new("source/sample.md"), SAMPLE);
    let findings = sample_findings(&doc.text);
    let stats = Stats {
        claims_held: 5,
        claims_failed: 1,
        claims_unmatched: 1,
        term_findings: 1,
        builtin_findings: 2,
        numbers_found: 12,
        numbers_checked: 7,
        ..Stats::default()
    };
    let clean = Document::from_text(Path::new("source/clean.md"), "A clean file: 3 apples.\n");
    let clean_stats = Stats {
        numbers_found: 1,
        ..Stats::default()
    };
    Report {
        files: vec![
            FileReport::new(doc, findings, stats),
            FileReport::new(clean, Vec::new(), clean_stats),
        ],
        errors: vec![FileError::from(SourceError::Missing {
            path: "source/missing.md".into(),
        })],
    }
}

/// The report printed in `format`, as text.
pub fn render(report: &Report, format: factlint::report::Format, color: bool) -> String {
    let mut out = Vec::new();
    factlint::report::print(report, format, &mut out, color).expect("writing to a Vec");
    String::from_utf8(out).expect("reports are UTF-8")
}
