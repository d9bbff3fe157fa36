//! `factlint extract` end to end: the table over the bundled article (a snapshot read line
//! by line against the article), the JSON fields, and bad input.

use std::path::Path;
use std::process::{Command, Output};

fn factlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run factlint")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

#[test]
fn table_over_the_bundled_article() {
    let o = factlint(&["extract", "--format", "table", "source/ai-index-2024.md"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    insta::assert_snapshot!("extract_table_ai_index_2024", stdout(&o));
}

#[test]
fn table_columns_line_up_by_display_width() {
    let o = factlint(&["extract", "source/ai-index-2024.md"]);
    let out = stdout(&o);
    let header = out.lines().next().expect("header");
    let kind_col =
        unicode_width::UnicodeWidthStr::width(&header[..header.find("kind").expect("kind")]);
    let text_col =
        unicode_width::UnicodeWidthStr::width(&header[..header.find("text").expect("text")]);
    let value_col =
        unicode_width::UnicodeWidthStr::width(&header[..header.find("value").expect("value")]);
    for line in out.lines().skip(1) {
        let cells: Vec<&str> = line.split("  ").filter(|c| !c.trim().is_empty()).collect();
        assert!(cells.len() >= 6, "{line}");
        let at = |cell: &str| {
            let byte = line.find(cell.trim()).expect("cell");
            unicode_width::UnicodeWidthStr::width(&line[..byte])
        };
        assert_eq!(at(cells[1]), kind_col, "{line}");
        assert_eq!(at(cells[2]), text_col, "{line}");
        // the value column starts where the header says, whatever the CJK width of the text
        let value_start = line[..]
            .match_indices(cells[3].trim())
            .map(|(b, _)| unicode_width::UnicodeWidthStr::width(&line[..b]))
            .find(|&w| w >= value_col);
        assert_eq!(value_start, Some(value_col), "{line}");
    }
}

#[test]
fn json_fields() {
    let o = factlint(&["extract", "--format", "json", "source/ai-index-2024.md"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let items = v.as_array().expect("array");
    let find = |text: &str| {
        items
            .iter()
            .find(|m| m["text"] == text)
            .unwrap_or_else(|| panic!("no `{text}`"))
    };
    let m = find("约 20%");
    assert_eq!(m["file"], "source/ai-index-2024.md");
    assert_eq!(
        (m["line"].as_u64(), m["column"].as_u64()),
        (Some(29), Some(34))
    );
    assert_eq!(
        (m["end_line"].as_u64(), m["end_column"].as_u64()),
        (Some(29), Some(39))
    );
    assert_eq!(m["kind"], "percent");
    assert_eq!(m["value"].as_f64(), Some(0.2));
    assert_eq!(m["unit"], "%");
    assert_eq!(m["hedge"], "approximately");
    assert!((m["low"].as_f64().expect("low") - 0.18525).abs() < 1e-12);
    let m = find("超过 1 亿美元");
    assert_eq!(m["value"].as_f64(), Some(1e8));
    assert_eq!(m["unit"], "USD");
    assert!(m["high"].is_null(), "an open end is null");
    // a detached hedge: the text is the number and unit, the hedge is named apart
    let m = items
        .iter()
        .find(|m| m["text"] == "8.7 倍")
        .expect("8.7 倍");
    assert_eq!(m["hedge"], "approximately");
    assert_eq!(m["hedge_text"], "大约");
    // no years, references, ordinals or names without --all
    assert!(items.iter().all(|m| !matches!(
        m["kind"].as_str(),
        Some("year" | "date" | "ordinal" | "reference" | "name")
    )));
}

#[test]
fn all_adds_the_non_quantities() {
    let o = factlint(&[
        "extract",
        "--all",
        "--format",
        "json",
        "source/ai-index-2024.md",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let kinds_of = |text: &str| -> Vec<String> {
        v.as_array()
            .expect("array")
            .iter()
            .filter(|m| m["text"] == text)
            .map(|m| m["kind"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert!(kinds_of("GPT-4").iter().all(|k| k == "name") && !kinds_of("GPT-4").is_empty());
    assert_eq!(kinds_of("Llama 2 70B"), ["name"]);
    assert_eq!(kinds_of("图 4.3.1"), ["reference"]);
    assert_eq!(kinds_of("第七个"), ["ordinal"]);
    assert_eq!(kinds_of("第九章"), ["reference"]);
    assert!(kinds_of("2023 年").iter().all(|k| k == "year"));
    assert_eq!(kinds_of("财富 500 强").len(), 3);
}

#[test]
fn bad_input_is_reported_and_the_rest_processed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.md");
    std::fs::write(&bad, b"ok 5%\n\xff\xfe broken").expect("write");
    let good = dir.path().join("good.md");
    std::fs::write(&good, "收入增加了 42%。\n").expect("write");
    let empty = dir.path().join("empty.md");
    std::fs::write(&empty, "").expect("write");
    let missing = dir.path().join("missing.md");
    let paths =
        [&bad, &missing, &empty, &good].map(|p| p.to_str().expect("utf-8 path").to_string());
    let mut args = vec!["extract", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let o = factlint(&args);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.lines()
            .any(|l| l.starts_with("error: ") && l.contains("bad.md")),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l.starts_with("error: ") && l.contains("missing.md")),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json even after errors");
    let items = v.as_array().expect("array");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["text"], "42%");
    assert!(Path::new(items[0]["file"].as_str().expect("file")).ends_with("good.md"));
}

#[test]
fn nul_bytes_and_long_lines_do_not_hang() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("long.txt");
    let mut text = String::new();
    for k in 0..20_000 {
        text.push_str(&format!("约 {k}% 的 \u{0} 数据，"));
    }
    std::fs::write(&path, &text).expect("write");
    let o = factlint(&["extract", "--format", "json", path.to_str().expect("path")]);
    // Whether NUL makes a file binary is the loader's call; either way no panic and no hang.
    assert!(matches!(o.status.code(), Some(0 | 2)));
}

/// Each prose quantity carries the key the consistency checks group it by
/// (docs/consistency.md); a table cell has none.
#[test]
fn json_gives_each_mentions_key() {
    let dir = std::env::temp_dir().join(format!("factlint-key-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("k.md");
    std::fs::write(
        &path,
        "2024 年公司实现营业收入 186.4 亿元，同比增长 12.6%。\n\n\
         公司董事长表示，2024 年公司营业收入同比增长 15.4%。\n\n\
         | 业务 | 收入 |\n|---|---|\n| 云 | 51.3 |\n",
    )
    .expect("write");
    let o = factlint(&["extract", "--format", "json", path.to_str().expect("path")]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let key = |k: usize| &v[k]["key"];
    assert_eq!(key(0)["measure"], "公司营业收入");
    assert_eq!(key(0)["period"], "2024");
    assert_eq!(key(0)["role"], "level");
    assert_eq!(key(1)["measure"], "公司营业收入");
    assert_eq!(key(1)["basis"], serde_json::json!(["year_on_year"]));
    assert_eq!(key(1)["role"], "change");
    assert_eq!(key(1)["attributed"], false);
    assert_eq!(key(2)["attributed"], true);
    assert_eq!(v[3]["text"], "51.3");
    assert!(key(3).is_null());
    let _ = std::fs::remove_dir_all(&dir);
}
