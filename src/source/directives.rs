//! Inline suppression comments: the original text in, `Directive`s with their spans out.
//!
//! `<!-- factlint-disable-next-line RULE[, RULE…] -->`, `<!-- factlint-disable RULE… -->` and
//! `<!-- factlint-enable [RULE…] -->`; no rule named means every rule. They are read from the
//! original text, because the masked text blanks comments. In Markdown only real HTML (what
//! the parser reports as HTML, never code) is searched, so a directive quoted in a code block
//! is documentation, not a suppression.

use std::sync::OnceLock;

use regex::Regex;

use super::{Directive, DirectiveKind, Span};

fn pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        // The rule list stops at the first `-->`: `[^>]*?` cannot run past a `>`, and the
        // lazy match leaves the trailing spaces to `\s*`.
        Regex::new(r"<!--\s*factlint-(disable-next-line|disable|enable)(?:\s+([^>]*?))?\s*-->")
            .expect("the directive pattern is valid")
    })
}

/// Directives in `text`, restricted to `within` when given (the HTML ranges of a Markdown
/// file), in document order.
pub(crate) fn directives(text: &str, within: Option<&[Span]>) -> Vec<Directive> {
    match within {
        None => parse(text, 0),
        Some(ranges) => ranges
            .iter()
            .flat_map(|r| parse(&text[r.range()], r.start))
            .collect(),
    }
}

fn parse(text: &str, base: usize) -> Vec<Directive> {
    if !text.contains("factlint-") {
        return Vec::new();
    }
    pattern()
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let kind = match caps.get(1)?.as_str() {
                "disable-next-line" => DirectiveKind::DisableNextLine,
                "disable" => DirectiveKind::Disable,
                _ => DirectiveKind::Enable,
            };
            let rules = caps.get(2).map_or_else(Vec::new, |list| {
                list.as_str()
                    .split(|c: char| c == ',' || c.is_whitespace())
                    .filter(|r| !r.is_empty())
                    .map(str::to_string)
                    .collect()
            });
            Some(Directive {
                kind,
                rules,
                span: Span::new(base + whole.start(), base + whole.end()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_kind_with_rules_and_spans() {
        let text = "a\n<!-- factlint-disable-next-line multiple_wording, ratio_in_sentence -->\nb <!--factlint-disable term_x-->c\n<!-- factlint-enable -->\n";
        let d = directives(text, None);
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].kind, DirectiveKind::DisableNextLine);
        assert_eq!(d[0].rules, ["multiple_wording", "ratio_in_sentence"]);
        assert_eq!(
            &text[d[0].span.range()],
            "<!-- factlint-disable-next-line multiple_wording, ratio_in_sentence -->"
        );
        assert_eq!(d[1].kind, DirectiveKind::Disable);
        assert_eq!(d[1].rules, ["term_x"]);
        assert_eq!(&text[d[1].span.range()], "<!--factlint-disable term_x-->");
        assert_eq!(d[2].kind, DirectiveKind::Enable);
        assert!(d[2].rules.is_empty());
    }

    #[test]
    fn no_rule_named_means_all() {
        let d = directives("<!-- factlint-disable -->", None);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, DirectiveKind::Disable);
        assert!(d[0].rules.is_empty());
    }

    #[test]
    fn ignores_other_comments_and_misspellings() {
        let text = "<!-- note --> <!-- factlint-disabled x --> <!-- factlint-enablex -->";
        assert!(directives(text, None).is_empty());
    }

    #[test]
    fn restricted_to_the_given_ranges_with_absolute_spans() {
        let text = "`<!-- factlint-disable -->` <!-- factlint-enable a -->";
        let html_start = text.rfind("<!--").unwrap();
        let d = directives(text, Some(&[Span::new(html_start, text.len())]));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, DirectiveKind::Enable);
        assert_eq!(d[0].span, Span::new(html_start, text.len()));
        assert_eq!(d[0].rules, ["a"]);
    }
}
