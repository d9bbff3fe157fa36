//! The HTML report in a real browser: headless Chromium loads the page as a person would
//! (scripts on), and the test reads the DOM it ends with (`--dump-dom`): the number of marks
//! of each status, that the page's own script ran, and that a `<script>` written in an
//! article did not. A screenshot is left at `target/html-report.png` for people to look at.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{factlint_bin, root, which};

fn chromium() -> PathBuf {
    which(&[
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ])
    .expect("chromium on PATH (Debian: `apt-get install chromium`)")
}

/// Runs headless Chromium on `page` with `args`; returns stdout.
fn browse(page: &Path, args: &[&str]) -> String {
    browse_at(page, "", args)
}

/// As [`browse`], with `fragment` (`#f3`) after the page's address.
fn browse_at(page: &Path, fragment: &str, args: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}{fragment}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the DOM is UTF-8")
}

/// `factlint check --format html ARGS` in the repository root, written to `target/NAME`.
fn report(name: &str, args: &[&str]) -> PathBuf {
    let out = Command::new(factlint_bin())
        .args(["check", "--format", "html"])
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = root().join("target").join(name);
    std::fs::write(&path, &out.stdout).unwrap();
    path
}

/// The marks of numbers in the article text: (status, mention id, text), one per mention
/// (a mark cut by a finding's edge comes in pieces that share an id).
fn number_marks(dom: &str) -> Vec<(String, String, String)> {
    let main = &dom[dom.find("<main>").expect("<main>")..dom.find("</main>").expect("</main>")];
    let re = regex::Regex::new(
        r#"<mark class="n (\w+)" data-status="(\w+)" data-m="([^"]+)"[^>]*>([^<]*)</mark>"#,
    )
    .unwrap();
    let mut seen = BTreeSet::new();
    let mut out: Vec<(String, String, String)> = Vec::new();
    for c in re.captures_iter(main) {
        assert_eq!(&c[1], &c[2], "class and data-status agree");
        if seen.insert(c[3].to_string()) {
            out.push((c[2].to_string(), c[3].to_string(), c[4].to_string()));
        } else if let Some(last) = out.iter_mut().find(|m| m.1 == c[3]) {
            last.2.push_str(&c[4]);
        }
    }
    out
}

/// The count the page's filter shows for `status`.
fn shown_count(dom: &str, status: &str) -> usize {
    let key = format!("data-count=\"{status}\">");
    let at = dom
        .find(&key)
        .unwrap_or_else(|| panic!("no count for {status}"))
        + key.len();
    dom[at..dom[at..].find('<').unwrap() + at].parse().unwrap()
}

fn json_summary() -> serde_json::Value {
    let out = Command::new(factlint_bin())
        .args(["check", "--format", "json"])
        .current_dir(root())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["summary"].clone()
}

#[test]
#[ignore = "needs chromium (Debian: `apt-get install chromium`); .ci/run installs it and runs this"]
fn bundled_article_in_chromium() {
    let page = report("html-report.html", &[]);
    let dom = browse(&page, &["--dump-dom"]);
    let summary = json_summary();

    // The page's script ran and found every finding with a place in the text.
    let ready = regex::Regex::new(r#"<html [^>]*data-ready="(\d+)""#).unwrap();
    let ready: usize = ready.captures(&dom).expect("the page's script ran")[1]
        .parse()
        .unwrap();
    assert_eq!(ready, 9);

    let marks = number_marks(&dom);
    let count = |s: &str| marks.iter().filter(|m| m.0 == s).count();
    assert_eq!(
        marks.len() as u64,
        summary["numbers_found"].as_u64().unwrap()
    );
    for status in ["held", "failed", "builtin", "unchecked"] {
        assert_eq!(count(status), shown_count(&dom, status), "{status}");
    }
    let failed: Vec<&str> = marks
        .iter()
        .filter(|m| m.0 == "failed")
        .map(|m| m.2.as_str())
        .collect();
    assert_eq!(failed, ["2.5倍", "33 个"]);
    // Each number checked by a claim or a built-in is green, red or blue; the rest grey.
    let checked = summary["numbers_checked"].as_u64().unwrap() as usize;
    assert_eq!(count("held") + count("failed") + count("builtin"), checked);
    assert_eq!(count("unchecked"), marks.len() - checked);
    assert!(count("held") > 0 && count("unchecked") > 0);
    // Every failed figure opens its finding: the explanation is in the page.
    assert!(dom.contains("<dt>formula</dt><dd><code>ratio ~ gemini_ultra_training_cost / gpt4_training_cost</code></dd>"));
    assert!(dom.contains("<del>2.5</del>倍") && dom.contains("<ins>2.4</ins>倍"));

    // A link to a finding opens it, as `j`/`k` and a click do: the panel shows its
    // explanation and the sentence as it should read, and the mark is the current one.
    let opened = browse_at(&page, "#f7", &["--dump-dom"]);
    let panel = &opened[opened.find("<aside id=\"panel\"").expect("the panel")..];
    let panel = &panel[..panel.find("</aside>").unwrap()];
    assert!(
        !panel[..panel.find('>').unwrap()].contains("hidden"),
        "{panel}"
    );
    assert!(
        panel.contains("<code>countries_with_ai_law</code>"),
        "{panel}"
    );
    assert!(
        panel.contains("<del>33</del> 个") && panel.contains("<ins>32</ins> 个"),
        "{panel}"
    );
    assert!(
        opened.contains("<span class=\"x error current\" data-f=\"f7\""),
        "the mark is current"
    );

    // With no rule files, the numbers the built-ins compared are blue.
    let builtins = report("html-report-builtins.html", &["--claims", "/dev/null"]);
    let dom = browse(&builtins, &["--dump-dom"]);
    let plain = number_marks(&dom);
    let blue: Vec<&str> = plain
        .iter()
        .filter(|m| m.0 == "builtin")
        .map(|m| m.2.as_str())
        .collect();
    assert_eq!(blue.len(), 5, "{blue:?}");
    assert!(
        blue.contains(&"8.7 倍") && blue.contains(&"78 亿美元"),
        "{blue:?}"
    );
    assert_eq!(plain.iter().filter(|m| m.0 == "held").count(), 0);
    assert_eq!(shown_count(&dom, "builtin"), 5);

    let png = root().join("target/html-report.png");
    let _ = std::fs::remove_file(&png);
    // Opened at the first finding, so the picture shows its explanation too.
    browse_at(
        &page,
        "#f0",
        &[
            &format!("--screenshot={}", png.display()),
            "--window-size=1280,2000",
            "--hide-scrollbars",
        ],
    );
    let size = std::fs::metadata(&png).expect("a screenshot").len();
    assert!(size > 10_000, "{size} bytes");
}

#[test]
#[ignore = "needs chromium (Debian: `apt-get install chromium`); .ci/run installs it and runs this"]
fn article_markup_stays_text_in_chromium() {
    let fixture = root().join("tests/fixtures/html/injection.md");
    let page = report(
        "html-injection.html",
        &["--claims", "/dev/null", fixture.to_str().unwrap()],
    );
    let dom = browse(&page, &["--dump-dom"]);
    assert!(
        dom.contains("data-ready=\"0\""),
        "the page's own script ran"
    );
    assert!(
        dom.contains("<title>factlint report</title>"),
        "the title is untouched"
    );
    // The article's markup is text: no element it describes exists.
    assert!(!dom.contains("<p id=\"pwned\""), "{dom}");
    let html_tag = &dom[dom.find("<html").unwrap()..];
    let html_tag = &html_tag[..html_tag.find('>').unwrap()];
    assert!(!html_tag.contains("data-pwned"), "{html_tag}");
    // The markup is on the page as text, numbers still marked inside it.
    assert!(dom.contains("&lt;script&gt;document.title = \"pwned\""));
    assert!(dom.contains("&lt;img src=\"x\" onerror="));
    assert!(dom.contains("&lt;b&gt;bold&lt;/b&gt;"));
    let marks = number_marks(&dom);
    let texts: Vec<&str> = marks.iter().map(|m| m.2.as_str()).collect();
    assert!(
        texts.contains(&"20%") && texts.contains(&"3.8 亿美元"),
        "{texts:?}"
    );
}
