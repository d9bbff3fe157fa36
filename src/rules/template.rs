//! Claim templates: `Gemini Ultra是GPT-4的{ratio}倍` in, matches over a document out.
//!
//! A template is literal text with `{name}` / `{name:kind}` placeholders; each placeholder
//! binds exactly one quantity mention. Both the template and the document are normalised the
//! same way before matching, so that a template written once survives copy-editing: spacing
//! is dropped except between two ASCII letters or digits (`Ultra 是 GPT-4` reads as
//! `Ultra是GPT-4`), and full-width forms fold to half-width (`，（：；！？` → `,(:;!?`).
//!
//! Matching starts at a hit of the template's longest literal piece (the anchor, found for
//! all templates of a file by one Aho-Corasick pass) and verifies the other pieces outward
//! from it in a small window. A literal next to a placeholder may overlap the mention's own
//! hedge or unit: `下降约 {decline}` matches `下降约 20%` whose mention is `约 20%`, and
//! `{ratio}倍` matches `2.5倍` whose mention is all of `2.5倍`.

use super::normalize::{Normalized, normalize_literal};
use crate::extract::Kind;
use crate::source::Span;

#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Normalised literal text.
    Literal(String),
    Placeholder {
        name: String,
        kind: Option<Kind>,
    },
}

#[derive(Debug, Clone)]
pub struct Template {
    pub text: String,
    pub pieces: Vec<Piece>,
    /// Index of the longest literal piece.
    pub anchor: usize,
}

/// Why a template cannot be used; `offset` is a byte offset into the template text.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateError {
    pub offset: usize,
    pub message: String,
}

/// The kinds a placeholder may ask for: the quantities.
pub fn placeholder_kinds() -> impl Iterator<Item = Kind> {
    Kind::ALL.into_iter().filter(|k| k.is_quantity())
}

impl Template {
    pub fn parse(text: &str) -> Result<Template, TemplateError> {
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut rest = text.char_indices().peekable();
        while let Some((i, c)) = rest.next() {
            match c {
                '{' if rest.peek().map(|p| p.1) == Some('{') => {
                    rest.next();
                    literal.push('{');
                }
                '}' if rest.peek().map(|p| p.1) == Some('}') => {
                    rest.next();
                    literal.push('}');
                }
                '}' => {
                    return Err(TemplateError {
                        offset: i,
                        message: "`}` without `{`: write `}}` for a literal brace".into(),
                    });
                }
                '{' => {
                    let Some(close) = text[i..].find('}') else {
                        return Err(TemplateError {
                            offset: i,
                            message: "`{` is never closed: write `{name}`, or `{{` for a \
                                      literal brace"
                                .into(),
                        });
                    };
                    let inner = &text[i + 1..i + close];
                    pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                    pieces.push(parse_placeholder(inner, i + 1)?);
                    while rest.peek().is_some_and(|p| p.0 <= i + close) {
                        rest.next();
                    }
                }
                _ => literal.push(c),
            }
        }
        pieces.push(Piece::Literal(literal));
        let names: Vec<&str> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Placeholder { name, .. } => Some(name.as_str()),
                Piece::Literal(_) => None,
            })
            .collect();
        if names.is_empty() {
            return Err(TemplateError {
                offset: 0,
                message: "template has no placeholder: mark the number to check with \
                          `{name}`, e.g. `投资额为 {total}`"
                    .into(),
            });
        }
        for (k, name) in names.iter().enumerate() {
            if names[..k].contains(name) {
                return Err(TemplateError {
                    offset: text.find(&format!("{{{name}")).unwrap_or(0),
                    message: format!("placeholder `{name}` appears twice: give each its own name"),
                });
            }
        }
        // Spacing at a placeholder's edge is optional in the text, so it is dropped here and
        // allowed by the matcher.
        let mut pieces: Vec<Piece> = pieces
            .into_iter()
            .map(|p| match p {
                Piece::Literal(l) => Piece::Literal(normalize_literal(&l).trim().to_string()),
                p => p,
            })
            .filter(|p| !matches!(p, Piece::Literal(l) if l.is_empty()))
            .collect();
        pieces.shrink_to_fit();
        let anchor = pieces
            .iter()
            .enumerate()
            .filter_map(|(k, p)| match p {
                Piece::Literal(l) => Some((l.chars().count(), std::cmp::Reverse(k))),
                Piece::Placeholder { .. } => None,
            })
            .max()
            .map(|(_, std::cmp::Reverse(k))| k);
        let Some(anchor) = anchor else {
            return Err(TemplateError {
                offset: 0,
                message: "template is only placeholders: add the words around the number \
                          so that factlint can find the sentence"
                    .into(),
            });
        };
        Ok(Template {
            text: text.to_string(),
            pieces,
            anchor,
        })
    }

    pub fn anchor_text(&self) -> &str {
        match &self.pieces[self.anchor] {
            Piece::Literal(l) => l,
            Piece::Placeholder { .. } => "",
        }
    }

    /// Placeholder names in order.
    pub fn names(&self) -> Vec<&str> {
        self.pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Placeholder { name, .. } => Some(name.as_str()),
                Piece::Literal(_) => None,
            })
            .collect()
    }

    /// The match that has the anchor at byte `hit` of `doc`'s normalised text, if any.
    /// Returns the span in the original text and, per placeholder in order, the index of
    /// the mention it binds.
    pub fn match_at(&self, doc: &Normalized, hit: usize) -> Option<(Span, Vec<usize>)> {
        let anchor = self.anchor_text();
        if !doc.text[hit..].starts_with(anchor) {
            return None;
        }
        let mut binds = Vec::new();
        let end = self.forward(doc, self.anchor + 1, hit + anchor.len(), &mut binds)?;
        let mut before = Vec::new();
        let start = self.backward(doc, self.anchor, hit, &mut before, &binds)?;
        before.reverse();
        before.extend(binds);
        let mentions = before.iter().map(|&m| doc.marks[m].mention).collect();
        Some((Span::new(doc.map.orig(start), doc.map.orig(end)), mentions))
    }

    fn forward(
        &self,
        doc: &Normalized,
        i: usize,
        p: usize,
        binds: &mut Vec<usize>,
    ) -> Option<usize> {
        let Some(piece) = self.pieces.get(i) else {
            return Some(p);
        };
        let text = &doc.text;
        match piece {
            Piece::Literal(l) => {
                let after_placeholder = i > 0;
                if text[p..].starts_with(l.as_str()) {
                    self.forward(doc, i + 1, p + l.len(), binds)
                } else if after_placeholder
                    && text[p..].starts_with(' ')
                    && text[p + 1..].starts_with(l.as_str())
                {
                    self.forward(doc, i + 1, p + 1 + l.len(), binds)
                } else {
                    None
                }
            }
            Piece::Placeholder { kind, .. } => {
                let q = if text[p..].starts_with(' ') { p + 1 } else { p };
                let m = doc.mark_starting_before(q + 1)?;
                let mark = &doc.marks[m];
                if q > mark.number_start || binds.contains(&m) || !doc.kind_ok(mark, *kind) {
                    return None;
                }
                binds.push(m);
                // The next literal may begin inside the mention's unit: try every boundary
                // from the mention's end back to the number's end.
                let mut e = mark.end;
                loop {
                    if let Some(end) = self.forward(doc, i + 1, e, binds) {
                        return Some(end);
                    }
                    if e <= mark.number_end {
                        break;
                    }
                    e = prev_boundary(text, e);
                }
                binds.pop();
                None
            }
        }
    }

    fn backward(
        &self,
        doc: &Normalized,
        i: usize,
        p: usize,
        binds: &mut Vec<usize>,
        taken: &[usize],
    ) -> Option<usize> {
        if i == 0 {
            return Some(p);
        }
        let text = &doc.text;
        match &self.pieces[i - 1] {
            Piece::Literal(l) => {
                let before_placeholder = i < self.pieces.len();
                if text[..p].ends_with(l.as_str()) {
                    self.backward(doc, i - 1, p - l.len(), binds, taken)
                } else if before_placeholder
                    && text[..p].ends_with(' ')
                    && text[..p - 1].ends_with(l.as_str())
                {
                    self.backward(doc, i - 1, p - 1 - l.len(), binds, taken)
                } else {
                    None
                }
            }
            Piece::Placeholder { kind, .. } => {
                let q = if text[..p].ends_with(' ') { p - 1 } else { p };
                let m = doc.mark_starting_before(q)?;
                let mark = &doc.marks[m];
                if q < mark.number_end
                    || q > mark.end
                    || binds.contains(&m)
                    || taken.contains(&m)
                    || !doc.kind_ok(mark, *kind)
                {
                    return None;
                }
                binds.push(m);
                // The previous literal may end inside the mention's hedge.
                let mut s = mark.start;
                loop {
                    if let Some(start) = self.backward(doc, i - 1, s, binds, taken) {
                        return Some(start);
                    }
                    if s >= mark.number_start {
                        break;
                    }
                    s = next_boundary(text, s);
                }
                binds.pop();
                None
            }
        }
    }
}

fn parse_placeholder(inner: &str, offset: usize) -> Result<Piece, TemplateError> {
    let (name, kind) = match inner.split_once(':') {
        Some((n, k)) => (n.trim(), Some(k.trim())),
        None => (inner.trim(), None),
    };
    let valid = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        return Err(TemplateError {
            offset,
            message: format!(
                "placeholder name `{name}` is not a name: use letters, digits and `_`, \
                 starting with a letter"
            ),
        });
    }
    let kind = match kind {
        None => None,
        Some(k) => match Kind::parse(k).filter(|k| k.is_quantity()) {
            Some(kind) => Some(kind),
            None => {
                let kinds: Vec<String> = placeholder_kinds().map(|k| format!("`{k}`")).collect();
                return Err(TemplateError {
                    offset: offset + name.len() + 1,
                    message: format!(
                        "unknown placeholder kind `{k}`, expected one of {}",
                        kinds.join(", ")
                    ),
                });
            }
        },
    };
    Ok(Piece::Placeholder {
        name: name.to_string(),
        kind,
    })
}

fn prev_boundary(text: &str, mut p: usize) -> usize {
    p -= 1;
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

fn next_boundary(text: &str, mut p: usize) -> usize {
    p += 1;
    while !text.is_char_boundary(p) {
        p += 1;
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Mention;

    #[test]
    fn templates_parse_placeholders_and_pick_the_longest_literal() {
        let t = Template::parse("总投资下降至 {total},较 2022 年下降约 {decline:percent}").unwrap();
        assert_eq!(t.names(), vec!["total", "decline"]);
        assert_eq!(t.anchor_text(), ",较2022年下降约");
        assert_eq!(
            t.pieces[3],
            Piece::Placeholder {
                name: "decline".into(),
                kind: Some(Kind::Percent)
            }
        );
        assert_eq!(
            Template::parse("{{x}} {y}").unwrap().pieces[0],
            Piece::Literal("{x}".into())
        );
    }

    #[test]
    fn template_errors_point_into_the_text() {
        let e = Template::parse("没有占位符").unwrap_err();
        assert!(e.message.contains("no placeholder"), "{}", e.message);
        let e = Template::parse("约 {x:percnt}").unwrap_err();
        assert!(e.message.contains("`percnt`") && e.message.contains("`percent`"));
        assert_eq!(e.offset, "约 {x:".len());
        let e = Template::parse("a {x").unwrap_err();
        assert_eq!(e.offset, 2);
        assert!(
            Template::parse("{x}")
                .unwrap_err()
                .message
                .contains("only placeholders")
        );
        assert!(
            Template::parse("a {x} b {x}")
                .unwrap_err()
                .message
                .contains("twice")
        );
        assert!(
            Template::parse("a {1x}")
                .unwrap_err()
                .message
                .contains("not a name")
        );
    }

    use crate::eval::Interval;
    use crate::extract::{Numeral, Style};

    /// A mention of `whole` (the first occurrence at or after `from`) whose numeral is
    /// `number`, as the extractor would give it.
    fn mention(text: &str, from: usize, whole: &str, number: &str, kind: Kind) -> Mention {
        let start = from + text[from..].find(whole).expect("whole in text");
        let n = start + whole.find(number).expect("number in whole");
        Mention {
            span: Span::new(start, start + whole.len()),
            number: Span::new(n, n + number.len()),
            kind,
            value: 1.0,
            interval: Interval::point(1.0),
            unit: None,
            hedge: None,
            hedge_span: None,
            style: Style {
                numeral: Numeral::Arabic,
                decimals: 0,
                grouped: false,
                factor: 1.0,
            },
            reason: None,
        }
    }

    /// Every match of `template` in `text`, as the texts each placeholder bound.
    fn matches<'t>(template: &str, text: &'t str, mentions: &[Mention]) -> Vec<Vec<&'t str>> {
        let t = Template::parse(template).unwrap();
        let doc = Normalized::new(text, mentions);
        let anchor = t.anchor_text().to_string();
        let mut out = Vec::new();
        for (hit, _) in doc.text.match_indices(anchor.as_str()) {
            if let Some((span, bound)) = t.match_at(&doc, hit) {
                assert!(span.end <= text.len());
                out.push(
                    bound
                        .iter()
                        .map(|&m| &text[mentions[m].span.range()])
                        .collect(),
                );
            }
        }
        out
    }

    #[test]
    fn a_literal_may_overlap_the_unit_after_a_placeholder() {
        let text = "揭底:Gemini Ultra 是 GPT-4 的 2.5倍。";
        let m = [mention(text, 0, "2.5倍", "2.5", Kind::Multiple)];
        assert_eq!(
            matches("Gemini Ultra是GPT-4的{ratio}倍", text, &m),
            vec![vec!["2.5倍"]]
        );
        assert_eq!(matches("GPT-4的{ratio}", text, &m), vec![vec!["2.5倍"]]);
    }

    #[test]
    fn a_literal_may_overlap_the_hedge_before_a_placeholder() {
        let text = "总投资下降至 1892 亿美元，较 2022 年下降约 20%。";
        let m = [
            mention(text, 0, "1892 亿美元", "1892", Kind::Money),
            mention(text, 0, "约 20%", "20", Kind::Percent),
        ];
        let found = matches("总投资下降至 {total},较 2022 年下降约 {decline}", text, &m);
        assert_eq!(found, vec![vec!["1892 亿美元", "约 20%"]]);
        // The placeholder's kind must agree.
        assert!(matches("下降约 {d:money}", text, &m).is_empty());
        assert_eq!(
            matches("下降约 {d:percent}", text, &m),
            vec![vec!["约 20%"]]
        );
    }

    #[test]
    fn a_placeholder_binds_only_a_whole_quantity_mention() {
        let text = "美国投资额为 672 亿美元，是英国投资额(38 亿美元)的 17.8 倍";
        let m = [
            mention(text, 0, "672 亿美元", "672", Kind::Money),
            mention(text, 0, "38 亿美元", "38", Kind::Money),
            mention(text, 0, "17.8 倍", "17.8", Kind::Multiple),
        ];
        assert_eq!(
            matches("英国投资额({uk})的 {ratio}", text, &m),
            vec![vec!["38 亿美元", "17.8 倍"]]
        );
        // Text where a placeholder stands but no mention: no match.
        assert!(matches("美国投资额为 {us},是法国", text, &m).is_empty());
        // A year is not a quantity and never fills a placeholder.
        let text = "到 2022 年,比例为 5%";
        let y = [
            mention(text, 0, "2022 年", "2022", Kind::Year),
            mention(text, 0, "5%", "5", Kind::Percent),
        ];
        assert!(matches("到 {y},比例", text, &y).is_empty());
        assert_eq!(matches("比例为 {p}", text, &y), vec![vec!["5%"]]);
    }

    #[test]
    fn placeholders_at_both_ends_and_latin_spacing() {
        let text = "Revenue rose to $3.8B, about 20% more.";
        let m = [
            mention(text, 0, "$3.8B", "3.8", Kind::Money),
            mention(text, 0, "about 20%", "20", Kind::Percent),
        ];
        assert_eq!(
            matches("{total}, {rise} more", text, &m),
            vec![vec!["$3.8B", "about 20%"]]
        );
        assert_eq!(matches("rose to {total}", text, &m), vec![vec!["$3.8B"]]);
        // Latin words keep their spaces: `roseto` is not `rose to`.
        assert!(matches("roseto {total}", text, &m).is_empty());
    }

    #[test]
    fn full_width_and_half_width_punctuation_match() {
        let text = "中国投资额（78 亿美元）的 8.7 倍";
        let m = [
            mention(text, 0, "78 亿美元", "78", Kind::Money),
            mention(text, 0, "8.7 倍", "8.7", Kind::Multiple),
        ];
        assert_eq!(
            matches("中国投资额({china})的 {ratio}", text, &m),
            vec![vec!["78 亿美元", "8.7 倍"]]
        );
    }
}
