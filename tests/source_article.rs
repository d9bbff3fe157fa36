//! The bundled article (a plain-text article saved as `.md`) loads with the sections a
//! careful reader sees: the title, then one section per short standalone line.

use std::path::Path;

use factlint::source::Document;

const ARTICLE: &str = include_str!("fixtures/source/ai-index-2024.md");

fn article() -> Document {
    Document::from_text(Path::new("source/ai-index-2024.md"), ARTICLE)
}

/// (first line, last line, level, title) of every section, 1-based and inclusive.
fn outline(doc: &Document) -> Vec<(usize, usize, u8, String)> {
    doc.sections
        .iter()
        .map(|s| {
            let first = doc.lines.line_of(s.range.start) + 1;
            let last = doc.lines.line_of(s.range.end.saturating_sub(1)) + 1;
            (first, last, s.level, s.title.clone())
        })
        .collect()
}

#[test]
fn every_section_of_the_article() {
    let expected: &[(usize, usize, u8, &str)] = &[
        (1, 127, 1, "揭底大模型训练成本:Gemini Ultra是GPT-4的2.5倍"),
        (25, 34, 2, "企业对生成式 AI 投资猛增"),
        (35, 40, 2, "谷歌在基础模型竞赛中占据主导地位"),
        (41, 44, 2, "闭源模型优于开源模型"),
        (45, 54, 2, "训练成本"),
        (55, 58, 2, "碳足迹"),
        (59, 62, 2, "美国在基础模型方面处于领先位置"),
        (63, 68, 2, "CS 博士毕业生"),
        (69, 72, 2, "考生类别增加"),
        (73, 78, 2, "财报电话会议"),
        (79, 84, 2, "成本下降,收入上升"),
        (85, 92, 2, "企业确实感知到了风险"),
        (93, 98, 2, "人工智能还不能在所有事情上击败人类……"),
        (99, 104, 2, "制定人工智能责任规范"),
        (105, 110, 2, "法律对人工智能的促进和限制"),
        (111, 127, 2, "AI 正让人们变得紧张"),
    ];
    let got = outline(&article());
    let got: Vec<_> = got
        .iter()
        .map(|(a, b, l, t)| (*a, *b, *l, t.as_str()))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn inference_cost_on_line_47_lies_in_the_training_cost_section() {
    let doc = article();
    let offset = doc
        .text
        .find("推理成本")
        .expect("the article says 推理成本");
    assert_eq!(doc.lines.line_col(&doc.text, offset).0, 47);
    let section = doc.section_at(offset).expect("line 47 has a section");
    assert_eq!(section.title, "训练成本");
}

#[test]
fn the_reference_links_are_masked_and_nothing_else_is() {
    let doc = article();
    assert_eq!(doc.masked.len(), doc.text.len());
    assert!(!doc.bom);
    let changed: Vec<usize> = doc
        .text
        .bytes()
        .zip(doc.masked.bytes())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, _)| doc.lines.line_of(i) + 1)
        .collect();
    let mut lines = changed.clone();
    lines.dedup();
    assert_eq!(lines, [123, 125]);
    let masked_123 = doc.lines.line_span(&doc.masked, 122);
    assert_eq!(doc.masked[masked_123.range()].trim_end(), "参考链接:");
    // The article's numbers are all still there.
    assert!(doc.masked.contains("1892 亿美元"));
    assert!(doc.directives.is_empty());
}
