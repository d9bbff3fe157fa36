//! Every report format over the one shared sample report (tests/common): a snapshot each,
//! plus the properties a snapshot cannot show (valid JSON and SARIF, injection-proof
//! GitHub annotations, colour only when asked for).

mod common;

use std::path::Path;

use common::{SAMPLE, render, sample_report, span_of};
use factlint::check::{Finding, Origin, Severity};
use factlint::report::{FileError, FileReport, Format, Report};
use factlint::source::{Document, SourceError};

#[test]
fn diff_snapshot() {
    insta::assert_snapshot!(render(&sample_report(), Format::Diff, false));
}

#[test]
fn line_snapshot() {
    insta::assert_snapshot!(render(&sample_report(), Format::Line, false));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!(render(&sample_report(), Format::Json, false));
}

/// The built-in checks' docs (SARIF `help`) belong to their own files; they are replaced
/// here so that editing a doc does not change this snapshot.
#[test]
fn sarif_snapshot() {
    let out = render(&sample_report(), Format::Sarif, false);
    let mut kept: Vec<String> = Vec::new();
    let mut in_help = false;
    for line in out.lines() {
        let t = line.trim_start();
        let prefix = &line[..line.len() - t.len()];
        if in_help && (t.starts_with("\"text\": ") || t.starts_with("\"markdown\": ")) {
            let key = &t[..t.find(':').unwrap()];
            let comma = if t.ends_with(',') { "," } else { "" };
            kept.push(format!("{prefix}{key}: \"<the check's doc>\"{comma}"));
            continue;
        }
        in_help = t == "\"help\": {" || (in_help && t != "}" && t != "},");
        kept.push(line.to_string());
    }
    insta::assert_snapshot!(kept.join("\n"));
}

#[test]
fn github_snapshot() {
    insta::assert_snapshot!(render(&sample_report(), Format::Github, false));
}

#[test]
fn json_is_versioned_and_complete() {
    let out = render(&sample_report(), Format::Json, false);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["version"], 1);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 5);
    let claim = findings
        .iter()
        .find(|f| f["rule"] == "headline_cost_ratio")
        .unwrap();
    assert_eq!(claim["origin"], "claim");
    assert_eq!(claim["severity"], "error");
    assert_eq!(
        (claim["line"].as_u64(), claim["column"].as_u64()),
        (Some(5), Some(42))
    );
    assert_eq!(claim["end_column"].as_u64(), Some(47));
    assert_eq!(claim["found"], "2.5 倍");
    assert_eq!(claim["suggestion"], "2.4 倍");
    assert_eq!(claim["edit"]["replacement"], "2.4 倍");
    assert_eq!(claim["source"], "AI Index 2024, Figure 1.3.21");
    let e = &claim["explanation"];
    assert_eq!(e["inputs"].as_array().unwrap().len(), 3);
    assert_eq!(e["claimed"]["low"], 2.45);
    assert_eq!(e["tolerance"], 0.05);
    assert_eq!(v["summary"]["numbers_found"], 13);
    assert_eq!(v["summary"]["errors"], 2);
    assert_eq!(
        v["errors"][0],
        "source/missing.md: no such file or directory"
    );
    let s = &v["summary"];
    assert!((s["coverage"].as_f64().unwrap() - 7.0 / 13.0).abs() < 1e-9);
}

#[test]
fn json_open_intervals_are_null() {
    let mut report = sample_report();
    let f = &mut report.files[0].findings[2];
    f.explanation.as_mut().unwrap().claimed = factlint::eval::Interval::at_least(2.0);
    let v: serde_json::Value = serde_json::from_str(&render(&report, Format::Json, false)).unwrap();
    let claimed = &v["findings"][2]["explanation"]["claimed"];
    assert_eq!(
        (claimed["low"].as_f64(), claimed["high"].is_null()),
        (Some(2.0), true)
    );
}

#[test]
fn sarif_is_valid_against_the_2_1_0_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sarif-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let out = render(&sample_report(), Format::Sarif, false);
    let sarif: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator must be able to fail, or the test above proves nothing.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));

    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["results"].as_array().unwrap().len(), 5);
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 5);
    let claim = &run["results"][2];
    assert_eq!(claim["ruleId"], "headline_cost_ratio");
    assert_eq!(
        rules[claim["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "headline_cost_ratio"
    );
    let region = &claim["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(5), Some(42))
    );
    let change = &claim["fixes"][0]["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], "source/sample.md");
    assert_eq!(
        change["replacements"][0]["insertedContent"]["text"],
        "2.4 倍"
    );
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
}

#[test]
fn sarif_with_no_findings_is_valid_too() {
    let out = render(&Report::default(), Format::Sarif, false);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["runs"][0]["results"].as_array().unwrap().len(), 0);
    assert_eq!(v["runs"][0]["invocations"][0]["executionSuccessful"], true);
}

/// A file name, rule and message full of `%`, CR, LF, `::` and commas must not start a
/// workflow command of their own or break out of a property.
#[test]
fn github_annotations_cannot_be_injected() {
    let text = "bad 100%,\r\n::error::owned\n";
    let doc = Document::from_text(Path::new("we%ird,na::me\r\n::warning::x.md"), text);
    let mut f = Finding::new(
        "rule::x,y%",
        Origin::Term,
        Severity::Error,
        span_of(text, "100%", 0),
        "100%",
        "50% off,\r\n::error file=x::injected\n::set-output name=a::b",
    );
    f.suggestion = Some("ok\n::notice::nope".into());
    let mut g = f.clone();
    g.severity = Severity::Info;
    let report = Report {
        files: vec![FileReport::new(doc, vec![f, g], Default::default())],
        errors: vec![FileError::from(SourceError::Missing {
            path: "x.md\n::error::bad, 5%".into(),
        })],
    };
    let out = render(&report, Format::Github, false);
    assert!(!out.contains('\r'), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    // Two findings, one input error, one summary: one line each.
    assert_eq!(lines.len(), 4, "{out}");
    assert!(
        lines[0].starts_with(
            "::error file=we%25ird%2Cna%3A%3Ame%0D%0A%3A%3Awarning%3A%3Ax.md,line=1,col=5,"
        ),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("::notice file="), "{}", lines[1]);
    assert!(
        lines[2].starts_with("::error title=factlint::x.md%0A::error::bad, 5%25"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].starts_with("::notice title=factlint::"),
        "{}",
        lines[3]
    );
    for line in &lines[..2] {
        // The properties end at the first `::`; nothing before it may hold a raw `:`
        // or `,` from the data, and the title keeps its escaped separators.
        let (props, message) = line[2..].split_once("::").unwrap();
        assert!(props.ends_with("[rule%3A%3Ax%2Cy%25]"), "{props}");
        assert_eq!(props.matches(',').count(), 5, "{props}");
        assert!(message.starts_with("50%25 off,%0D%0A::error"), "{message}");
        assert!(
            message.ends_with("(suggestion: `ok%0A::notice::nope`)"),
            "{message}"
        );
        assert!(
            message.contains("%0D%0A::error file=x::injected%0A::set-output"),
            "{message}"
        );
    }
}

#[test]
fn diff_colour_only_when_asked() {
    let plain = render(&sample_report(), Format::Diff, false);
    assert!(!plain.contains('\x1b'));
    let coloured = render(&sample_report(), Format::Diff, true);
    assert!(coloured.contains('\x1b'));
    // The changed word is highlighted (bold, inverse green), the rest of the line is not.
    assert!(
        coloured.contains("\x1b[1;7;32m2.4\x1b[0m") || coloured.contains("2.4\x1b[0m"),
        "{coloured}"
    );
    // Stripping the styles gives the plain report minus the caret lines.
    let stripped = anstream::adapter::strip_str(&coloured).to_string();
    let plain_without_marks: Vec<&str> = plain
        .lines()
        .filter(|l| !(l.trim_start().starts_with('|') && l.contains('^') && !l.contains(" | ")))
        .collect();
    assert!(stripped.lines().count() <= plain.lines().count());
    assert!(stripped.contains("- Gemini Ultra 的训练成本约为 1.914 亿美元,是 GPT-4 的 2.5 倍。"));
    let _ = plain_without_marks;
}

#[test]
fn diff_cuts_a_long_paragraph_to_the_sentence() {
    let out = render(&sample_report(), Format::Diff, false);
    assert!(out.contains("| …例如,Meta 发布的 Llama 2 70B 模型释放了约 291.2 吨碳,这比一位旅客从纽约到旧金山的往返航班所释放的碳排放量高出近 291 倍,大约是普通美国人一年碳排放量的 16 倍。…"), "{out}");
    assert!(!out.contains("这些数字来自报告的估计"));
    assert!(SAMPLE.contains("这些数字来自报告的估计"));
}
