//! The prose mask: the original text in, a copy of the same byte length out, in which
//! everything that is not prose is blanked with spaces.
//!
//! Markdown files (`.md`, `.markdown`) are parsed once with pulldown-cmark; its byte-range
//! events give code (fenced, indented, inline), HTML (blocks, inline, comments), link
//! destinations, autolinks, reference definitions and YAML front matter. Every file, Markdown
//! or not, also gets its bare URLs blanked. The same pass collects what later stages need from
//! the Markdown structure: the HTML ranges (where directives live) and the headings.

use std::path::Path;

use aho_corasick::AhoCorasick;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::Span;

/// The masked text and what the Markdown pass learned on the way.
#[derive(Debug, Default)]
pub(crate) struct Masked {
    pub text: String,
    /// HTML blocks and inline HTML (comments included), in document order. Empty for files
    /// that are not Markdown.
    pub html: Vec<Span>,
    /// Markdown headings (ATX and setext), in document order.
    pub headings: Vec<MarkdownHeading>,
    /// The blanked ranges, sorted, disjoint and not touching (so a lookup by binary search
    /// finds the only one that can hold a byte).
    pub blanked: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MarkdownHeading {
    pub level: u8,
    pub title: String,
    /// The heading's lines, underline of a setext heading included.
    pub span: Span,
}

/// Whether `path` names a Markdown file, by extension (case-insensitive).
pub(crate) fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Masks `text`: Markdown constructs when `markdown` is set, bare URLs always.
pub(crate) fn mask(text: &str, markdown: bool) -> Masked {
    let mut masked = Masked::default();
    let mut spans = Vec::new();
    if markdown {
        let found = scan_plain_markdown(text).unwrap_or_else(|| scan_markdown(text));
        spans = found.blank;
        masked.html = found.html;
        masked.headings = found.headings;
    }
    spans.extend(bare_urls(text));
    (masked.text, masked.blanked) = blank(text, spans);
    masked
}

/// `text` with every byte of `spans` replaced by a space, except line endings. Built from
/// slices of the original, so the result is valid UTF-8 by construction: spans start and
/// end on character boundaries (pulldown-cmark ranges, ASCII URL runs), and a character
/// inside a span becomes as many spaces as it has bytes.
fn blank(text: &str, mut spans: Vec<Span>) -> (String, Vec<Span>) {
    spans.sort_unstable_by_key(|s| s.start);
    let mut out = String::with_capacity(text.len());
    let mut blanked: Vec<Span> = Vec::new();
    let mut done = 0;
    for span in spans {
        let end = span.end.min(text.len());
        if end <= done {
            continue;
        }
        let start = span.start.max(done);
        let (Some(kept), Some(masked)) = (text.get(done..start), text.get(start..end)) else {
            debug_assert!(false, "span {span:?} is not on character boundaries");
            continue;
        };
        out.push_str(kept);
        match blanked.last_mut() {
            Some(last) if last.end >= start => last.end = end,
            _ => blanked.push(Span::new(start, end)),
        }
        for piece in masked.split_inclusive(['\n', '\r']) {
            let body = piece.strip_suffix(['\n', '\r']).unwrap_or(piece);
            out.extend(std::iter::repeat_n(' ', body.len()));
            out.push_str(&piece[body.len()..]);
        }
        done = end;
    }
    out.push_str(&text[done..]);
    (out, blanked)
}

#[derive(Debug, PartialEq)]
struct MarkdownScan {
    blank: Vec<Span>,
    html: Vec<Span>,
    headings: Vec<MarkdownHeading>,
}

fn scan_markdown(text: &str) -> MarkdownScan {
    let mut scan = MarkdownScan {
        blank: Vec::new(),
        html: Vec::new(),
        headings: Vec::new(),
    };
    // Footnotes are parsed so that their markers (`[^1]`) are not read as numbers. Math is
    // not: `$189.2 billion and $3.8B` would become a formula.
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS | Options::ENABLE_FOOTNOTES;
    let parser = Parser::new_ext(text, options);
    let iter = parser.into_offset_iter();
    for (_, def) in iter.reference_definitions().iter() {
        scan.blank.push(def.span.clone().into());
    }
    // For each open link or image, where its text ends so far.
    let mut links: Vec<usize> = Vec::new();
    let mut heading: Option<(u8, String)> = None;
    for (event, range) in iter {
        let span = Span::from(range.clone());
        if let Some(text_end) = links.last_mut()
            && !matches!(event, Event::End(TagEnd::Link | TagEnd::Image))
        {
            *text_end = (*text_end).max(span.end);
        }
        match event {
            Event::Start(Tag::CodeBlock(_)) => scan.blank.push(span),
            // pulldown-cmark accepts a metadata block anywhere; front matter is only at the
            // very top, and a `---` pair further down is prose between thematic breaks.
            Event::Start(Tag::MetadataBlock(_)) if span.start == 0 => scan.blank.push(span),
            Event::Code(ref code) => {
                scan.blank.push(span);
                if let Some((_, title)) = heading.as_mut() {
                    title.push_str(code);
                }
            }
            // A block is searched for directives as a whole, so a comment may span lines.
            Event::Start(Tag::HtmlBlock) => scan.html.push(span),
            Event::Html(_) => scan.blank.push(span),
            Event::InlineHtml(_) => {
                scan.blank.push(span);
                scan.html.push(span);
            }
            Event::FootnoteReference(_) => scan.blank.push(span),
            Event::Start(Tag::FootnoteDefinition(_)) => {
                // Only the label `[^1]:`; the note itself is prose.
                let label = text[span.range()].find("]:").map_or(0, |i| i + 2);
                scan.blank.push(Span::new(span.start, span.start + label));
            }
            Event::Start(Tag::Link { link_type, .. } | Tag::Image { link_type, .. }) => {
                if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    scan.blank.push(span);
                }
                // `[` (or `![`) opens the text; an empty text ends right after it.
                let open = if text[span.start..].starts_with('!') {
                    2
                } else {
                    1
                };
                links.push(span.start + open);
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some(text_end) = links.pop() {
                    // Everything after the `]` that closes the link text is destination,
                    // title or reference label: not prose.
                    let close = text[text_end.min(span.end)..span.end]
                        .find(']')
                        .map_or(span.end, |i| text_end + i + 1);
                    scan.blank.push(Span::new(close.min(span.end), span.end));
                    if let Some(outer) = links.last_mut() {
                        *outer = (*outer).max(span.end);
                    }
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, String::new()))
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, title)) = heading.take() {
                    // pulldown-cmark's range takes the line ending; the heading is the text.
                    let line = text[span.range()].trim_end_matches(['\n', '\r']);
                    scan.headings.push(MarkdownHeading {
                        level,
                        title: title.trim().to_string(),
                        span: Span::new(span.start, span.start + line.len()),
                    });
                }
            }
            Event::Text(ref t) => {
                if let Some((_, title)) = heading.as_mut() {
                    title.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, title)) = heading.as_mut() {
                    title.push(' ');
                }
            }
            _ => {}
        }
    }
    scan
}

/// What `scan_markdown` finds in a text whose only Markdown is ATX headings (`# 标题`) with
/// plain titles, found line by line without the parser, which costs more than all the rest
/// of loading a file; `None` when the text may hold anything else (the caller parses it
/// then). Conservative by design: a byte or a line opening that could start code, HTML,
/// a link, a footnote, front matter, a list, a quote, a setext heading or a title with
/// inline markup sends the text to the parser, so the two agree wherever this answers
/// (a property test compares them).
fn scan_plain_markdown(text: &str) -> Option<MarkdownScan> {
    let bytes = text.as_bytes();
    // Anywhere: code spans and fences, HTML and autolinks, links, references and
    // footnotes; tabs, CR, VT and FF change how indentation and line ends read.
    if memchr::memchr3(b'`', b'<', b'[', bytes).is_some()
        || memchr::memchr3(b'\t', b'\r', 0x0C, bytes).is_some()
        || memchr::memchr(0x0B, bytes).is_some()
    {
        return None;
    }
    let mut headings = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let line = &text[start..end];
        let rest = line.trim_start_matches(' ');
        let indent = line.len() - rest.len();
        match rest.as_bytes().first() {
            None => {}
            // Indented code, or a paragraph's continuation: only the parser tells.
            Some(_) if indent >= 4 => return None,
            Some(b'-' | b'*' | b'+' | b'>' | b'=' | b'~' | b'_') => return None,
            Some(b'0'..=b'9') => {
                let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
                if digits.starts_with(['.', ')']) {
                    return None;
                }
            }
            Some(b'#') => {
                let title = rest.trim_start_matches('#');
                let level = rest.len() - title.len();
                if level <= 6 && (title.is_empty() || title.starts_with(' ')) {
                    // A closing `#` run, emphasis, an escape or an entity: the parser's
                    // title differs from the raw text.
                    if indent > 0 || title.contains(['#', '*', '_', '\\', '&']) {
                        return None;
                    }
                    headings.push(MarkdownHeading {
                        level: level as u8,
                        title: title.trim().to_string(),
                        span: Span::new(start, end),
                    });
                }
            }
            Some(_) => {}
        }
        start = end + 1;
    }
    Some(MarkdownScan {
        blank: Vec::new(),
        html: Vec::new(),
        headings,
    })
}

/// Where a URL may start: a scheme separator or a `www.` host.
fn url_anchors() -> &'static AhoCorasick {
    static ANCHORS: std::sync::OnceLock<AhoCorasick> = std::sync::OnceLock::new();
    ANCHORS.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["://", "www."])
            .expect("two literal patterns always build")
    })
}

/// Bare URLs (`https://…`, `ftp://…`, `www.…`) in any text. A URL is a run of printable
/// ASCII without spaces or `<>"'` and ends before the first non-ASCII character, so a link
/// followed directly by Chinese text stops where the Chinese starts. Trailing sentence
/// punctuation and an unbalanced `)` are left out, as GFM's extended autolinks do. One
/// left-to-right pass: linear in the text.
fn bare_urls(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut urls = Vec::new();
    let mut covered = 0;
    for m in url_anchors().find_iter(bytes) {
        if m.start() < covered {
            continue;
        }
        let start = if m.pattern().as_usize() == 0 {
            // A scheme: 1–16 ASCII letters, digits, `+ . -` starting with a letter.
            let mut s = m.start();
            while s > covered && m.start() - s < 16 && is_scheme_byte(bytes[s - 1]) {
                s -= 1;
            }
            while s < m.start() && !bytes[s].is_ascii_alphabetic() {
                s += 1;
            }
            if s == m.start() {
                continue;
            }
            s
        } else {
            // `www.` inside a longer word (`awww.`) is not a host.
            if m.start() > 0 && bytes[m.start() - 1].is_ascii_alphanumeric() {
                continue;
            }
            m.start()
        };
        let mut end = m.end();
        while end < bytes.len() && is_url_byte(bytes[end]) {
            end += 1;
        }
        end = trim_url_end(&bytes[start..end]) + start;
        if end <= m.end() {
            continue;
        }
        urls.push(Span::new(start, end));
        covered = end;
    }
    urls
}

fn is_scheme_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-')
}

fn is_url_byte(b: u8) -> bool {
    b.is_ascii_graphic() && !matches!(b, b'<' | b'>' | b'"' | b'\'' | b'`')
}

/// Length of `url` without trailing punctuation and without a `)` that closes nothing.
fn trim_url_end(url: &[u8]) -> usize {
    let mut open = url.iter().filter(|&&b| b == b'(').count();
    let mut close = url.iter().filter(|&&b| b == b')').count();
    let mut end = url.len();
    while let Some(&last) = url[..end].last() {
        match last {
            b'.' | b',' | b':' | b';' | b'!' | b'?' | b'*' | b'_' | b'~' | b']' => {}
            b')' if close > open => close -= 1,
            b'(' => open -= 1,
            _ => break,
        }
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_with_plain_headings_is_not_parsed() {
        let text = "# 标题\n\n正文 3.5% 的增长。\n\n## 第二节 \n2023 年，1.5 倍。\n#没有空格\n";
        let fast = scan_plain_markdown(text).expect("only plain headings");
        assert_eq!(fast, scan_markdown(text));
        assert_eq!(fast.headings.len(), 2);
        for other in [
            "a `code`", "- item", "    code", "> quote", "# a *b*", "1. one", "a\n===", "[x](y)",
        ] {
            assert!(scan_plain_markdown(other).is_none(), "{other:?}");
        }
    }

    proptest::proptest! {
        /// Wherever the line-by-line scan answers, it finds what the parser finds.
        #[test]
        fn plain_scan_agrees_with_the_parser(
            lines in proptest::collection::vec(
                "( {0,5})(#{0,8})( {0,2})([甲a1.)*_#&\\!=~+> \u{3000}-]{0,6})", 0..8),
        ) {
            let text = lines.join("\n");
            if let Some(fast) = scan_plain_markdown(&text) {
                proptest::prop_assert_eq!(fast, scan_markdown(&text));
            }
        }
    }
}
