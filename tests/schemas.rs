//! The JSON Schemas of rule files and `factlint.yaml` (docs/schemas/) agree with the loader:
//! every file the loader accepts validates, and files it rejects for an unknown key, a
//! wrong type or a bad severity do not.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn validator(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("docs/schemas").join(name)).expect("schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .build(&schema)
        .expect("the schema compiles")
}

fn yaml(text: &str) -> serde_json::Value {
    serde_saphyr::from_str::<serde_json::Value>(text).expect("YAML")
}

fn errors(v: &jsonschema::Validator, text: &str) -> Vec<String> {
    v.iter_errors(&yaml(text))
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn rule_files_the_loader_accepts_validate() {
    let v = validator("rules.schema.json");
    let bundled = std::fs::read_to_string(root().join("claims/ai-index-2024.yaml")).expect("rules");
    assert_eq!(errors(&v, &bundled), Vec::<String>::new());
    let with_schema_key = "$schema: ../docs/schemas/rules.schema.json\nterms:\n  - id: t\n    use: a\n    instead_of: [b]\n    within: { heading_starts: 训练 }\n";
    assert_eq!(errors(&v, with_schema_key), Vec::<String>::new());
    factlint::rules::RuleSet::from_text(Path::new("r.yaml"), with_schema_key)
        .expect("the loader takes `$schema` too");
}

#[test]
fn rule_files_the_loader_rejects_for_their_keys_do_not_validate() {
    let v = validator("rules.schema.json");
    for name in [
        "bad-unknown-key.yaml",
        "bad-wrong-type.yaml",
        "bad-severity.yaml",
        "bad-parse-many.yaml",
    ] {
        let text = std::fs::read_to_string(root().join("tests/fixtures/rules").join(name))
            .expect("fixture");
        assert!(
            factlint::rules::RuleSet::from_text(Path::new(name), &text).is_err(),
            "{name} loads"
        );
        assert!(!errors(&v, &text).is_empty(), "{name} validates");
    }
}

#[test]
fn configs_validate_like_the_loader_reads_them() {
    let v = validator("config.schema.json");
    // `off` quoted: this test's YAML-to-JSON reading takes a bare `off` for `false` (YAML
    // 1.1); editors read YAML 1.2, where it is a string, and so does the loader.
    let good = "$schema: docs/schemas/config.schema.json\nsources: [source]\nclaims: [claims]\nbuiltins: { multiple_wording: \"off\", ratio_in_sentence: warning }\ntolerance: 0.1\nfail_on: warning\n";
    assert_eq!(errors(&v, good), Vec::<String>::new());
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("factlint.yaml");
    std::fs::write(&path, good).expect("write");
    factlint::config::load(&path).expect("the loader takes the same file");
    for bad in [
        "sourcs: [source]\n",
        "builtins: { ratio: off }\n",
        "builtins: { multiple_wording: loud }\n",
        "fail_on: sometimes\n",
        "tolerance: 2\n",
    ] {
        assert!(!errors(&v, bad).is_empty(), "{bad}");
        std::fs::write(&path, bad).expect("write");
        assert!(
            factlint::config::load(&path).is_err(),
            "the loader takes {bad}"
        );
    }
}
