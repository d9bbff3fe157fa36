//! Masking: every construct that is not prose is blanked, byte for byte, and nothing else.

use std::path::Path;

use factlint::source::Document;
use proptest::prelude::*;

fn md(text: &str) -> Document {
    Document::from_text(Path::new("a.md"), text)
}

fn txt(text: &str) -> Document {
    Document::from_text(Path::new("a.txt"), text)
}

/// The invariants of every mask: same length, line endings kept, blanks are spaces.
fn assert_mask_shape(doc: &Document) {
    assert_eq!(doc.masked.len(), doc.text.len());
    for (i, (a, b)) in doc.text.bytes().zip(doc.masked.bytes()).enumerate() {
        if a == b'\n' || a == b'\r' {
            assert_eq!(a, b, "line ending changed at byte {i}");
        } else if a != b {
            assert_eq!(b, b' ', "byte {i} masked to something other than a space");
        }
    }
}

/// Whether `needle`, found in the original text, is entirely blank in the masked text.
fn blanked(doc: &Document, needle: &str) -> bool {
    let at = doc.text.find(needle).expect("needle in text");
    doc.masked[at..at + needle.len()]
        .bytes()
        .all(|b| b == b' ' || b == b'\n' || b == b'\r')
}

fn kept(doc: &Document, needle: &str) -> bool {
    let at = doc.text.find(needle).expect("needle in text");
    &doc.masked[at..at + needle.len()] == needle
}

#[test]
fn fenced_code_with_cjk_is_blanked() {
    let doc = md("前文 12 个\n\n```rust\nlet 价格 = 1892; // 亿美元\n```\n\n后文 3 个\n");
    assert_mask_shape(&doc);
    assert!(blanked(&doc, "```rust\nlet 价格 = 1892; // 亿美元\n```"));
    assert!(kept(&doc, "前文 12 个"));
    assert!(kept(&doc, "后文 3 个"));
}

#[test]
fn indented_code_is_blanked() {
    let doc = md("Text with 5 apples.\n\n    code 42\n    more 43\n\nAfter 6.\n");
    assert_mask_shape(&doc);
    assert!(blanked(&doc, "code 42\n    more 43"));
    assert!(kept(&doc, "After 6."));
}

#[test]
fn inline_code_is_blanked() {
    let doc = md("设置 `max = 500` 后，速度提升 20%。\n");
    assert_mask_shape(&doc);
    assert!(blanked(&doc, "`max = 500`"));
    assert!(kept(&doc, "速度提升 20%。"));
}

#[test]
fn unclosed_fence_masks_to_the_end() {
    let doc = md("Before 1.\n\n```\ncode 2\n\nstill code 3\n");
    assert_mask_shape(&doc);
    assert!(blanked(&doc, "```\ncode 2\n\nstill code 3\n"));
    assert!(kept(&doc, "Before 1."));
}

#[test]
fn links_keep_their_text_and_lose_their_destination() {
    let doc = md(
        "见[报告 2024](https://example.com/a-1?x=2 \"标题 3\")和![图 4](img/5.png)。\n\
         See [the 7 charts][ref] and <https://auto.link/8>.\n\n[ref]: https://ref.example/9 \"t 10\"\n",
    );
    assert_mask_shape(&doc);
    assert!(kept(&doc, "[报告 2024]"));
    assert!(blanked(&doc, "(https://example.com/a-1?x=2 \"标题 3\")"));
    assert!(kept(&doc, "![图 4]"));
    assert!(blanked(&doc, "(img/5.png)"));
    assert!(kept(&doc, "[the 7 charts]"));
    assert!(blanked(&doc, "[ref] "));
    assert!(blanked(&doc, "<https://auto.link/8>"));
    assert!(blanked(&doc, "[ref]: https://ref.example/9 \"t 10\""));
}

#[test]
fn nested_image_inside_link() {
    let doc = md("[![badge 1](https://img/2.svg)](https://target/3) tail 4\n");
    assert_mask_shape(&doc);
    assert!(kept(&doc, "badge 1"));
    assert!(blanked(&doc, "(https://img/2.svg)"));
    assert!(blanked(&doc, "(https://target/3)"));
    assert!(kept(&doc, "tail 4"));
}

#[test]
fn html_comments_and_blocks_are_blanked() {
    let doc = md(
        "Intro 1.\n\n<!-- hidden 2 -->\n\n<div class=\"x\">\nblock 3\n</div>\n\nText <span>4</span> <!-- inline 5 --> end 6.\n",
    );
    assert_mask_shape(&doc);
    assert!(blanked(&doc, "<!-- hidden 2 -->"));
    assert!(blanked(&doc, "<div class=\"x\">\nblock 3\n</div>"));
    assert!(blanked(&doc, "<span>"));
    assert!(kept(&doc, "4"));
    assert!(blanked(&doc, "<!-- inline 5 -->"));
    assert!(kept(&doc, "end 6."));
}

#[test]
fn front_matter_is_blanked_only_at_the_very_top() {
    let doc = md("---\ntitle: 第 1 篇\ncount: 2\n---\n\n正文 3 个\n");
    assert_mask_shape(&doc);
    assert!(blanked(&doc, "---\ntitle: 第 1 篇\ncount: 2\n---"));
    assert!(kept(&doc, "正文 3 个"));
    let late = md("Text 1.\n\n---\ntitle: 2\n---\n");
    assert!(kept(&late, "title: 2"));
}

#[test]
fn bare_urls_are_blanked_in_every_file() {
    for doc in [
        md("参考链接:https://spectrum.ieee.org/ai-index-2024报告 3 页。\n"),
        txt("参考链接:https://spectrum.ieee.org/ai-index-2024报告 3 页。\n"),
    ] {
        assert_mask_shape(&doc);
        assert!(blanked(&doc, "https://spectrum.ieee.org/ai-index-2024"));
        assert!(kept(&doc, "参考链接:"));
        assert!(kept(&doc, "报告 3 页。"));
    }
    let doc = txt("Visit www.example.com/1, then (see http://a.b/c_(d)) now 2.\n");
    assert!(blanked(&doc, "www.example.com/1"));
    assert!(kept(&doc, ", then (see "));
    assert!(blanked(&doc, "http://a.b/c_(d)"));
    assert!(kept(&doc, ") now 2."));
}

#[test]
fn plain_text_keeps_markdown_syntax() {
    let doc = txt("`code 1` and <!-- c 2 -->\n\n    indented 3\n");
    assert_eq!(doc.masked, doc.text);
}

#[test]
fn crlf_is_kept_and_code_between_is_blanked() {
    let doc = md("a 1\r\n\r\n```\r\nx 2\r\n```\r\n\r\nb 3\r\n");
    assert_mask_shape(&doc);
    assert_eq!(doc.masked, "a 1\r\n\r\n   \r\n   \r\n   \r\n\r\nb 3\r\n");
}

#[test]
fn bom_is_stripped_and_flagged() {
    let doc = md("\u{feff}# 标题\n\n正文 `x` 1\n");
    assert!(doc.bom);
    assert!(doc.text.starts_with('#'));
    assert_eq!(doc.masked, "# 标题\n\n正文     1\n");
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(doc.sections[0].title, "标题");
    let plain = md("正文\n");
    assert!(!plain.bom);
}

fn arbitrary_text() -> impl Strategy<Value = String> {
    // Weighted towards the characters that drive the Markdown and URL grammar.
    let pieces = prop_oneof![
        Just("`".to_string()),
        Just("```".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("    ".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("---\n".to_string()),
        Just("https://".to_string()),
        Just("www.".to_string()),
        Just("[".to_string()),
        Just("](".to_string()),
        Just(")".to_string()),
        Just("<".to_string()),
        Just("# ".to_string()),
        Just("训练成本".to_string()),
        Just("\u{feff}".to_string()),
        any::<String>(),
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn mask_keeps_length_and_newlines(text in arbitrary_text(), markdown in any::<bool>()) {
        let path = if markdown { "p.md" } else { "p.txt" };
        let doc = Document::from_text(Path::new(path), &text);
        prop_assert_eq!(doc.masked.len(), doc.text.len());
        for (a, b) in doc.text.bytes().zip(doc.masked.bytes()) {
            prop_assert!(a == b || b == b' ');
            prop_assert_eq!(a == b'\n', b == b'\n');
            prop_assert_eq!(a == b'\r', b == b'\r');
        }
        for s in &doc.sections {
            prop_assert!(s.range.contains(s.heading));
            prop_assert!(s.range.end <= doc.text.len());
        }
        for d in &doc.directives {
            prop_assert!(doc.text[d.span.range()].starts_with("<!--"));
        }
        let _ = doc.lines.line_col(&doc.text, doc.text.len());
    }
}

#[test]
fn footnote_markers_are_blanked_but_notes_are_prose() {
    let doc = md("Revenue grew 12%.[^3]\n\n[^3]: Source: 2024 filing, 45 pages.\n");
    assert_mask_shape(&doc);
    assert!(blanked(&doc, "[^3]\n"));
    assert!(blanked(&doc, "[^3]:"));
    assert!(kept(&doc, "Source: 2024 filing, 45 pages."));
    assert!(kept(&doc, "Revenue grew 12%."));
}

#[test]
fn dollar_amounts_are_not_math() {
    let doc = md("It cost $189.2 billion and $3.8B later.\n");
    assert_eq!(doc.masked, doc.text);
}

#[test]
fn a_directive_in_a_multi_line_comment_counts() {
    let doc = md("Text 1.\n\n<!--\n  factlint-disable ratio_in_sentence\n-->\n\nMore 2.\n");
    assert_eq!(doc.directives.len(), 1);
    assert_eq!(doc.directives[0].rules, ["ratio_in_sentence"]);
    assert!(doc.text[doc.directives[0].span.range()].starts_with("<!--\n"));
}

#[test]
fn markdown_sections_from_atx_and_setext_headings() {
    let text = "# Report 2024\n\nIntro 1.\n\nCosts\n-----\n\nText 2.\n\n### Detail `x`\n\nText 3.\n\n## Revenue ##\r\n\r\nText 4.\n";
    let doc = md(text);
    let got: Vec<_> = doc
        .sections
        .iter()
        .map(|s| (s.level, s.title.as_str(), doc.slice(s.heading)))
        .collect();
    assert_eq!(
        got,
        [
            (1, "Report 2024", "# Report 2024"),
            (2, "Costs", "Costs\n-----"),
            (3, "Detail x", "### Detail `x`"),
            (2, "Revenue", "## Revenue ##"),
        ]
    );
    let costs = &doc.sections[1];
    assert_eq!(costs.range.start, text.find("Costs").unwrap());
    assert_eq!(costs.range.end, text.find("## Revenue").unwrap());
    assert_eq!(doc.sections[0].range.end, text.len());
    assert_eq!(doc.sections[3].range.end, text.len());
    // A Markdown file with real headings gets no plain-text headings.
    assert!(doc.sections.iter().all(|s| s.title != "Intro 1."));
}

/// Line and column the slow way: count lines and characters up to `offset`, not counting a
/// `\r` that ends the line.
fn naive_line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let content_end = if text[..line_end].ends_with('\r') && line_end > line_start {
        line_end - 1
    } else {
        line_end
    };
    let col = text[line_start..offset.min(content_end)].chars().count() + 1;
    (line, col)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn line_col_agrees_with_counting(text in arbitrary_text(), pick in any::<prop::sample::Index>()) {
        let doc = Document::from_text(Path::new("p.txt"), &text);
        let boundaries: Vec<usize> = (0..=doc.text.len())
            .filter(|&i| doc.text.is_char_boundary(i))
            .collect();
        let offset = boundaries[pick.index(boundaries.len())];
        prop_assert_eq!(
            doc.lines.line_col(&doc.text, offset),
            naive_line_col(&doc.text, offset)
        );
    }
}
