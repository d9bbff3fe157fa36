//! The printers and `fix::apply` never panic, whatever the text and wherever a finding's span and edit
//! point (even past the end or inside a character), and JSON and SARIF stay valid JSON.

use std::path::Path;

use factlint::check::{Edit, Finding, Fix, Origin, Severity};
use factlint::report::{FileReport, Format, Report};
use factlint::source::{Document, Span};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("推理成本".to_string()),
            Just("。".to_string()),
            Just(". ".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\t\x1b[31m".to_string()),
            Just("%,::".to_string()),
            "[a-z0-9 ]{0,12}",
            "[\\u{4e00}-\\u{4e20}]{0,30}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn printers_never_panic(
        text in text(),
        spans in proptest::collection::vec((0usize..400, 0usize..40, any::<bool>(), "[a-z倍]{0,5}"), 0..4),
    ) {
        let doc = Document::from_text(Path::new("a.md"), &text);
        let findings: Vec<Finding> = spans
            .iter()
            .map(|&(start, len, with_edit, ref new)| {
                let span = Span::new(start, start + len);
                let mut f = Finding::new("r", Origin::Term, Severity::Warning, span, "x", "m");
                if with_edit {
                    f.fix = Some(Fix::safe(Edit { span, replacement: new.clone() }));
                }
                f
            })
            .collect();
        let fixing = factlint::fix::apply(&doc, &findings);
        prop_assert!(fixing.fixes.iter().all(|f| f.line >= 1));
        let report = Report {
            files: vec![FileReport::new(doc, findings, Default::default())],
            errors: Vec::new(),
        };
        for format in [Format::Diff, Format::Line, Format::Json, Format::Sarif, Format::Github] {
            for color in [false, true] {
                let mut out = Vec::new();
                factlint::report::print(&report, format, &mut out, color).unwrap();
                let s = String::from_utf8(out).unwrap();
                if matches!(format, Format::Json | Format::Sarif) {
                    prop_assert!(serde_json::from_str::<serde_json::Value>(&s).is_ok(), "{s}");
                }
            }
        }
    }
}
