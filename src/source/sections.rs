//! The section tree: headings in, each heading with the byte range it governs out.
//!
//! Markdown headings (ATX `#` and setext) come from the Markdown pass. Many real articles
//! are plain text saved as `.md` or `.txt` and mark sections with a short line standing
//! alone; when a document has no Markdown heading, such lines are its headings:
//!
//! - a paragraph of exactly one line: a blank line or the start of the file before it, a
//!   blank line or the end of the file after it;
//! - at most `MAX_HEADING_CHARS` characters once trimmed, with at least one letter (any
//!   script), read from the masked text so a URL or code never makes a heading;
//! - not a list item or bullet (`•` `·` `-` `*` `+` `>` or `1.` `1)` `(1)` first);
//! - not ending in sentence or clause punctuation (`。，,.;；:：!！?？、`) and not ending in a
//!   closing bracket, except that a trailing ellipsis (`…`, `……`, `...`) is allowed: a
//!   teaser heading such as `人工智能还不能在所有事情上击败人类……` is common.
//!
//! The first such line is the title (level 1) when it is also the first non-blank line of
//! the document; every other one is level 2. A section runs from its heading to the next
//! heading of the same or a higher level, or to the end of the text.

use super::mask::MarkdownHeading;
use super::{Section, Span};

/// The longest line, in characters, taken for a plain-text heading.
const MAX_HEADING_CHARS: usize = 40;

/// Sections from Markdown headings, or from plain-text headings when there are none.
#[cfg(test)]
pub(crate) fn sections(text: &str, masked: &str, markdown: &[MarkdownHeading]) -> Vec<Section> {
    sections_with(text, masked, markdown, Headings::Auto)
}

/// Which headings a text has: decided by the text itself (`Auto`), or, for a piece of a
/// larger file, by the whole file, whose choice a piece cannot see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Headings {
    /// Markdown headings, or plain-text headings when there are none.
    Auto,
    /// Markdown headings only (the file has some, though this piece may not).
    Markdown,
    /// Plain-text headings only; `title`: whether the first may be the title (level 1),
    /// which only the start of the file may hold.
    Plain { title: bool },
}

/// `sections` with the choice of headings made by the caller.
pub(crate) fn sections_with(
    text: &str,
    masked: &str,
    markdown: &[MarkdownHeading],
    choice: Headings,
) -> Vec<Section> {
    let headings: Vec<(u8, String, Span)> = match choice {
        Headings::Auto if markdown.is_empty() => plain_headings(text, masked, true),
        Headings::Plain { title } => plain_headings(text, masked, title),
        Headings::Auto | Headings::Markdown => markdown
            .iter()
            .map(|h| (h.level, h.title.clone(), h.span))
            .collect(),
    };
    ranges(headings, text.len())
}

/// Each heading with the range it governs: up to the next heading of the same or a higher
/// level, or `len`.
pub(crate) fn ranges(headings: Vec<(u8, String, Span)>, len: usize) -> Vec<Section> {
    let mut sections = Vec::with_capacity(headings.len());
    for (i, (level, _, heading)) in headings.iter().enumerate() {
        let end = headings[i + 1..]
            .iter()
            .find(|(next, _, _)| next <= level)
            .map_or(len, |(_, _, next)| next.start);
        sections.push(Section {
            level: *level,
            title: String::new(),
            heading: *heading,
            range: Span::new(heading.start, end.max(heading.end)),
        });
    }
    for (s, (_, title, _)) in sections.iter_mut().zip(headings) {
        s.title = title;
    }
    sections
}

/// One line of the text: its span without the line ending.
struct Line {
    span: Span,
    blank: bool,
}

fn lines(masked: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in masked.split_inclusive('\n') {
        let content = piece.trim_end_matches(['\n', '\r']);
        lines.push(Line {
            span: Span::new(start, start + content.len()),
            blank: content.trim().is_empty(),
        });
        start += piece.len();
    }
    lines
}

/// Plain-text headings; `title`: whether the first may be the title (level 1).
pub(crate) fn plain_headings(text: &str, masked: &str, title: bool) -> Vec<(u8, String, Span)> {
    let lines = lines(masked);
    let first_content = lines.iter().position(|l| !l.blank);
    let mut headings = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let alone = !line.blank
            && (i == 0 || lines[i - 1].blank)
            && lines.get(i + 1).is_none_or(|next| next.blank);
        if !alone || !is_heading_line(masked[line.span.range()].trim()) {
            continue;
        }
        let level = if title && headings.is_empty() && first_content == Some(i) {
            1
        } else {
            2
        };
        let title = text[line.span.range()].trim().to_string();
        headings.push((level, title, line.span));
    }
    headings
}

/// Whether a trimmed line that stands alone reads as a heading (see the module doc).
pub(crate) fn is_heading_line(line: &str) -> bool {
    let count = line.chars().take(MAX_HEADING_CHARS + 1).count();
    if count == 0 || count > MAX_HEADING_CHARS || !line.chars().any(char::is_alphabetic) {
        return false;
    }
    if is_list_item(line) {
        return false;
    }
    let without_ellipsis = line.trim_end_matches(['…', '⋯']);
    let without_ellipsis = if without_ellipsis.len() == line.len() {
        line.strip_suffix("...").unwrap_or(line)
    } else {
        without_ellipsis
    };
    if without_ellipsis.len() < line.len() {
        // An ellipsis ends a teaser heading; what precedes it must not end a sentence.
        return without_ellipsis
            .chars()
            .last()
            .is_some_and(|c| !is_closing_punctuation(c));
    }
    line.chars()
        .last()
        .is_some_and(|c| !is_closing_punctuation(c))
}

fn is_closing_punctuation(c: char) -> bool {
    matches!(
        c,
        '。' | '，'
            | ','
            | '.'
            | ';'
            | '；'
            | ':'
            | '：'
            | '!'
            | '！'
            | '?'
            | '？'
            | '、'
            | ')'
            | '）'
            | ']'
            | '】'
            | '…'
            | '"'
            | '”'
            | '」'
            | '』'
    )
}

/// Bullets and numbered items: `• x`, `- x`, `* x`, `1. x`, `1) x`, `(1) x`, `（1）x`.
fn is_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('•' | '·' | '‧' | '●' | '○' | '▪' | '■' | '◆' | '>' | '-' | '*' | '+' | '–' | '—') =>
        {
            return true;
        }
        Some('(' | '（') => {
            let rest = chars.as_str();
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            return digits > 0 && rest[digits..].starts_with([')', '）']);
        }
        _ => {}
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && line[digits..].starts_with(['.', ')', '、', '．'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Vec<Section> {
        sections(text, text, &[])
    }

    #[test]
    fn heading_lines() {
        for yes in [
            "训练成本",
            "企业对生成式 AI 投资猛增",
            "成本下降,收入上升",
            "人工智能还不能在所有事情上击败人类……",
            "Training costs",
            "Why it matters...",
            "揭底大模型训练成本:Gemini Ultra是GPT-4的2.5倍",
        ] {
            assert!(is_heading_line(yes), "{yes}");
        }
        for no in [
            "",
            "以下是报告的重点内容:",
            "参考链接:",
            "他走了。",
            "It rose.",
            "• 2023 年的进展",
            "- item",
            "1. first",
            "2、第二",
            "(3) third",
            "2023",
            "——",
            "他说……。",
            "这是一段很长的文字，超过了四十个字符的限制，所以它不是标题而是一个普通的段落而已，真的很长",
        ] {
            assert!(!is_heading_line(no), "{no}");
        }
    }

    #[test]
    fn plain_text_sections_and_title() {
        let text = "Title line\n\nIntro paragraph that is long enough to be prose, really it is.\n\nCosts\n\nBody one.\nBody two.\n\nRevenue\n\nMore body.\n";
        let s = plain(text);
        let titles: Vec<_> = s.iter().map(|s| (s.level, s.title.as_str())).collect();
        assert_eq!(titles, [(1, "Title line"), (2, "Costs"), (2, "Revenue")]);
        assert_eq!(s[0].range, Span::new(0, text.len()));
        let costs = text.find("Costs").unwrap();
        let revenue = text.find("Revenue").unwrap();
        assert_eq!(s[1].range, Span::new(costs, revenue));
        assert_eq!(s[1].heading, Span::new(costs, costs + 5));
        assert_eq!(s[2].range, Span::new(revenue, text.len()));
    }

    #[test]
    fn a_line_inside_a_paragraph_is_not_a_heading() {
        let text = "Long opening paragraph, with a sentence that ends.\nShort line\nMore text.\n";
        assert!(plain(text).is_empty());
    }

    #[test]
    fn first_heading_after_prose_is_not_the_title() {
        let text = "An opening sentence that ends properly.\n\nSection\n\nText.\n";
        let s = plain(text);
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].level, s[0].title.as_str()), (2, "Section"));
    }

    #[test]
    fn crlf_heading_span_excludes_line_ending() {
        let text = "Title\r\n\r\nBody text goes here.\r\n\r\nPart\r\n\r\nEnd.\r\n";
        let s = plain(text);
        assert_eq!(s.len(), 2);
        assert_eq!(&text[s[1].heading.range()], "Part");
        assert_eq!(s[1].range.end, text.len());
    }

    #[test]
    fn markdown_headings_nest_by_level() {
        let headings = vec![
            MarkdownHeading {
                level: 1,
                title: "A".into(),
                span: Span::new(0, 3),
            },
            MarkdownHeading {
                level: 2,
                title: "B".into(),
                span: Span::new(10, 14),
            },
            MarkdownHeading {
                level: 3,
                title: "C".into(),
                span: Span::new(20, 25),
            },
            MarkdownHeading {
                level: 2,
                title: "D".into(),
                span: Span::new(30, 34),
            },
        ];
        let text = "x".repeat(40);
        let s = sections(&text, &text, &headings);
        let ranges: Vec<_> = s.iter().map(|s| s.range).collect();
        assert_eq!(
            ranges,
            [
                Span::new(0, 40),
                Span::new(10, 30),
                Span::new(20, 30),
                Span::new(30, 40)
            ]
        );
    }
}
