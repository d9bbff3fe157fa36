//! A large file checked in pieces (`session::chunked`) against the same text checked whole:
//! the same findings at the same bytes, lines and columns, the same counts and numbers, the
//! headings that govern a piece's first paragraph seen by its terms, suppressions spanning
//! pieces, `--fix` over every piece, and the same output on one thread and on two.

use std::path::{Path, PathBuf};

use factlint::check::{CheckOptions, Finding};
use factlint::report::FileReport;
use factlint::rules::RuleSet;
use factlint::session::Session;
use factlint::session::chunked::pieces;

const ARTICLE: &str = include_str!("../source/ai-index-2024.md");
const ARTICLE_PATH: &str = "source/ai-index-2024.md";

fn bundled_rules() -> RuleSet {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut set = RuleSet::load(&[root.join("claims")], root).expect("bundled rules load");
    // Reports name the article by the path it is checked under.
    set.root = PathBuf::from(".");
    set
}

fn term_rules(yaml: &str) -> RuleSet {
    RuleSet {
        files: vec![RuleSet::from_text(Path::new("t.yaml"), yaml).expect("compiles")],
        root: PathBuf::from("."),
    }
}

/// What a reader sees of a finding: rule, place (line and column too), message, fix,
/// related places.
fn seen(report: &FileReport) -> Vec<String> {
    let doc = &report.doc;
    report
        .findings
        .iter()
        .map(|f: &Finding| {
            let (line, column) = doc.lines.line_col(&doc.text, f.span.start);
            format!(
                "{line}:{column} {}..{} [{}] {} | fix {:?} | related {:?}",
                f.span.start, f.span.end, f.rule, f.message, f.fix, f.related
            )
        })
        .collect()
}

fn assert_same(whole: &FileReport, chunked: &FileReport) {
    assert_eq!(seen(whole), seen(chunked));
    assert_eq!(whole.stats, chunked.stats);
    assert!(whole.mentions == chunked.mentions, "mentions differ");
    assert_eq!(whole.coverage, chunked.coverage);
}

/// Six copies of the bundled article, each under a `#` heading of its own: a file made of
/// articles, as large files are.
fn articles() -> String {
    (1..=6)
        .map(|i| format!("# 文章 {i}\n\n{ARTICLE}\n"))
        .collect()
}

#[test]
fn pieces_give_the_findings_of_the_whole_file() {
    let text = articles();
    let rules = || bundled_rules();
    let whole = Session::new(rules(), CheckOptions::default());
    let chunked = Session::new(rules(), CheckOptions::default()).with_chunk_bytes(4000);
    let cut = pieces(&text, 4000);
    assert!(cut.len() > 10, "{} pieces", cut.len());
    let path = Path::new(ARTICLE_PATH);
    let a = whole.check_text(path, &text);
    let b = chunked.check_text(path, &text);
    assert!(a.findings.len() > 20, "{} findings", a.findings.len());
    assert!(a.stats.claims_held > 0 && a.stats.numbers_checked > 0);
    assert_same(&a, &b);
}

#[test]
fn a_file_on_disk_is_checked_the_same_in_pieces_and_on_two_threads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("source/ai-index-2024.md");
    std::fs::create_dir_all(path.parent().unwrap()).expect("mkdir");
    // A BOM and a disabled region spanning pieces.
    let text = format!(
        "\u{feff}<!-- factlint-disable -->\n\n{}<!-- factlint-enable -->\n\n{}",
        articles(),
        articles()
    );
    std::fs::write(&path, &text).expect("write");
    let rules = || {
        let mut set = bundled_rules();
        // The rules apply to the article wherever the test put it.
        set.root = dir.path().to_path_buf();
        set
    };
    let whole = Session::new(rules(), CheckOptions::default())
        .check_path(&path)
        .expect("checks");
    let chunked = Session::new(rules(), CheckOptions::default()).with_chunk_bytes(5000);
    let one = chunked.check_path(&path).expect("checks");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("pool");
    let two = pool.install(|| chunked.check_path(&path).expect("checks"));
    assert!(
        one.doc.masked.is_empty(),
        "the whole masked copy is not kept"
    );
    assert!(one.doc.bom);
    assert_eq!(whole.doc.text, one.doc.text);
    assert_eq!(whole.doc.sections, one.doc.sections);
    assert_eq!(whole.doc.directives, one.doc.directives);
    assert!(!whole.findings.is_empty());
    // Nothing before the enable comment is reported, and the directive is used.
    let enable = text.find("<!-- factlint-enable").unwrap() - '\u{feff}'.len_utf8();
    let early: Vec<&Finding> = whole
        .findings
        .iter()
        .filter(|f| f.span.start < enable)
        .collect();
    assert!(early.is_empty(), "{early:?}");
    assert_same(&whole, &one);
    assert_same(&one, &two);
}

/// A term scoped by heading, with the heading in one piece and the word in a later one.
#[test]
fn a_piece_sees_the_heading_that_governs_it() {
    let rules = || {
        term_rules(
            "terms:\n  - id: t\n    use: 训练成本\n    instead_of: [推理成本]\n    within: {heading: 训练成本}\n",
        )
    };
    let filler: String = (0..60)
        .map(|i| format!("第 {i} 段没有要改的词，只有 {i} 个数字。\n\n"))
        .collect();
    let text = format!(
        "# 训练成本\n\n推理成本一。\n\n## 细节\n\n{filler}推理成本二。\n\n# 其他\n\n{filler}推理成本三。\n\n# 训练成本\n\n{filler}推理成本四。\n"
    );
    let size = 600;
    let cut = pieces(&text, size);
    let second = text.find("推理成本二").unwrap();
    let holding = cut.iter().position(|p| p.start <= second && second < p.end);
    assert!(
        holding.is_some_and(|k| cut[k].start > text.find("## 细节").unwrap()),
        "the word and its headings must lie in different pieces: {cut:?}"
    );
    let path = Path::new("a.md");
    let whole = Session::new(rules(), CheckOptions::default()).check_text(path, &text);
    let chunked = Session::new(rules(), CheckOptions::default())
        .with_chunk_bytes(size)
        .check_text(path, &text);
    assert_same(&whole, &chunked);
    let lines: Vec<usize> = chunked
        .findings
        .iter()
        .map(|f| {
            chunked
                .doc
                .lines
                .line_col(&chunked.doc.text, f.span.start)
                .0
        })
        .collect();
    let line_of = |w: &str| text[..text.find(w).unwrap()].matches('\n').count() + 1;
    assert_eq!(
        lines,
        vec![
            line_of("推理成本一"),
            line_of("推理成本二"),
            line_of("推理成本四")
        ]
    );
}

/// Plain-text headings (a `.txt` file): the title and a section heading carried over.
#[test]
fn plain_text_headings_carry_over_too() {
    let rules = || {
        term_rules(
            "terms:\n  - id: t\n    use: 训练成本\n    instead_of: [推理成本]\n    within: {heading: 训练开销}\n",
        )
    };
    let filler: String = (0..40)
        .map(|i| format!("这是第 {i} 段，说了一些话，有 {i} 个数字。\n\n"))
        .collect();
    let text = format!(
        "标题\n\n训练开销\n\n{filler}推理成本在这里。\n\n其他部分\n\n{filler}推理成本不算。\n"
    );
    let path = Path::new("a.txt");
    let whole = Session::new(rules(), CheckOptions::default()).check_text(path, &text);
    let chunked = Session::new(rules(), CheckOptions::default())
        .with_chunk_bytes(500)
        .check_text(path, &text);
    assert!(pieces(&text, 500).len() > 4);
    assert_eq!(whole.findings.len(), 1, "{:?}", seen(&whole));
    assert_same(&whole, &chunked);
}

#[test]
fn fix_rewrites_every_piece_of_a_file_atomically() {
    let rules = || term_rules("terms:\n  - id: t\n    use: 训练成本\n    instead_of: [推理成本]\n");
    let paragraph = "模型的推理成本很高，`推理成本` 在代码里不改。\n\n";
    let text = format!("# 一\n\n{}", paragraph.repeat(200));
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
    std::fs::write(&a, &text).expect("write");
    std::fs::write(&b, &text).expect("write");
    let whole = Session::new(rules(), CheckOptions::default())
        .fix_path(&a)
        .expect("fixes");
    let chunked = Session::new(rules(), CheckOptions::default()).with_chunk_bytes(1000);
    assert!(pieces(&text, 1000).len() > 5);
    let fixed = chunked.fix_path(&b).expect("fixes");
    let after = std::fs::read_to_string(&b).expect("read");
    assert_eq!(after, std::fs::read_to_string(&a).expect("read"));
    assert_eq!(
        after,
        format!(
            "# 一\n\n{}",
            "模型的训练成本很高，`推理成本` 在代码里不改。\n\n".repeat(200)
        )
    );
    assert_eq!(fixed.fixes.iter().filter(|f| f.applied).count(), 200);
    assert_eq!(fixed.fixes, whole.fixes);
    assert!(fixed.findings.is_empty(), "{:?}", seen(&fixed));
    // No temporary file is left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 2);
}

#[test]
fn cuts_never_fall_inside_a_fence_or_a_comment() {
    let block =
        "段落，有 3 个数字。\n\n```\n代码\n\n更多代码\n```\n\n<!-- 注释\n\n还是注释 -->\n\n";
    let text = block.repeat(100);
    let cut = pieces(&text, 200);
    assert!(cut.len() > 10);
    assert_eq!(cut[0].start, 0);
    assert_eq!(cut.last().map(|p| p.end), Some(text.len()));
    for w in cut.windows(2) {
        assert_eq!(w[0].end, w[1].start);
        let before = &text[..w[0].end];
        assert!(before.ends_with("\n\n"), "{w:?}");
        assert_eq!(
            before.matches("```").count() % 2,
            0,
            "inside a fence: {w:?}"
        );
        assert_eq!(
            before.matches("<!--").count(),
            before.matches("-->").count(),
            "inside a comment: {w:?}"
        );
    }
    // A heading within reach is preferred.
    let text = format!(
        "{}# 标题\n\n{}",
        "一段话。\n\n".repeat(25),
        "一段话。\n\n".repeat(30)
    );
    let cut = pieces(&text, 200);
    assert!(
        cut.iter().any(|p| text[p.start..].starts_with("# 标题")),
        "{cut:?}"
    );
}

#[test]
fn pieces_of_a_crlf_file_give_the_findings_of_the_whole_file() {
    // Windows line endings: the cuts, the line numbers and the fixes' bytes must all count
    // the `\r` the way the whole-file check does.
    let text = articles().replace('\n', "\r\n");
    let whole = Session::new(bundled_rules(), CheckOptions::default());
    let chunked = Session::new(bundled_rules(), CheckOptions::default()).with_chunk_bytes(3000);
    assert!(pieces(&text, 3000).len() > 10);
    let path = Path::new(ARTICLE_PATH);
    let a = whole.check_text(path, &text);
    let b = chunked.check_text(path, &text);
    assert!(a.findings.len() > 20, "{} findings", a.findings.len());
    assert_same(&a, &b);
}
