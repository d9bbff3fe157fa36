//! The last check before `--fix` writes an edit: a document and an edit's span in, whether
//! the edit may be applied out.
//!
//! Checks read the masked text, in which code, URLs, comments and front matter are blanked
//! with spaces. A match found there that touches a blanked byte is not prose, and applying
//! its edit would rewrite code or a link (issue 12, item 8: a term word with leading spaces
//! matched the blanked `` `code` `` and the fix wrote `` `cod费用 ``). Every checker is meant
//! to avoid such matches itself; this guard makes the promise hold whatever a checker does.

use crate::source::{Document, Span};

/// Whether an edit of `span` may be applied to `doc`: the span lies in the text on character
/// boundaries, touches no masked byte, and the text the checks read there (the masked copy)
/// is the original text byte for byte.
pub(crate) fn allows(doc: &Document, span: Span) -> bool {
    span.start <= span.end
        && span.end <= doc.text.len()
        && doc.text.is_char_boundary(span.start)
        && doc.text.is_char_boundary(span.end)
        && !doc.touches_masked(span)
        && doc.masked.get(span.range()) == doc.text.get(span.range())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn doc(text: &str) -> Document {
        Document::from_text(Path::new("a.md"), text)
    }

    #[test]
    fn prose_is_editable() {
        let d = doc("训练成本很高。");
        assert!(allows(&d, Span::new(0, 12)));
    }

    #[test]
    fn code_urls_and_comments_are_not() {
        let t = "`code`  成本 https://x.org/a <!-- c --> 尾";
        let d = doc(t);
        let code = t.find("code").unwrap();
        assert!(!allows(&d, Span::new(code, code + 4)));
        // Two blanked bytes (the closing backtick and nothing else is masked: the spaces
        // after it are prose) — a span reaching back into the code is refused.
        let tick = t.find("`  ").unwrap();
        assert!(!allows(&d, Span::new(tick, tick + 3)));
        assert!(allows(&d, Span::new(tick + 1, tick + 3)));
        let url = t.find("https").unwrap();
        assert!(!allows(&d, Span::new(url + 8, url + 9)));
        let comment = t.find("<!--").unwrap();
        assert!(!allows(&d, Span::new(comment, comment + 1)));
        let tail = t.find("尾").unwrap();
        assert!(allows(&d, Span::new(tail, tail + 3)));
    }

    #[test]
    fn out_of_range_and_split_characters_are_not() {
        let d = doc("成本");
        assert!(!allows(&d, Span::new(0, 7)));
        assert!(!allows(&d, Span::new(1, 3)));
        assert!(allows(&d, Span::new(3, 3)));
    }
}
