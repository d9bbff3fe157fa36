//! Text normalised for template matching: masked text and mentions in, normalised text with
//! its quantity mentions' boundaries and a map back to original offsets out.
//!
//! Spacing is dropped except a single space between two ASCII letters or digits, and
//! full-width ASCII forms fold to half-width, so that `Gemini Ultra 是 GPT-4 的（2.5倍）` and
//! `Gemini Ultra是GPT-4的(2.5倍)` read the same. Templates, headings and the document all go
//! through the same function.

use crate::extract::{Kind, Mention};

/// Half-width form of full-width ASCII (`，` → `,`, `（` → `(`, `２` → `2`).
fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        _ => c,
    }
}

/// Where normalised bytes came from: breakpoints `(normalised, original)` between which
/// the two advance together. Only dropped or folded text adds one, so the map stays small
/// next to the text (a byte-for-byte table would cost eight bytes per byte of article).
#[derive(Debug, Default)]
pub(super) struct OffsetMap {
    breaks: Vec<(usize, usize)>,
}

impl OffsetMap {
    fn note(&mut self, norm: usize, orig: usize) {
        match self.breaks.last() {
            Some(&(n, o)) if o + (norm - n) == orig => {}
            Some(&(n, _)) if n == norm => {
                if let Some(last) = self.breaks.last_mut() {
                    last.1 = orig;
                }
            }
            _ => self.breaks.push((norm, orig)),
        }
    }

    /// The original offset of normalised offset `norm`.
    pub(super) fn orig(&self, norm: usize) -> usize {
        match self.breaks.partition_point(|b| b.0 <= norm).checked_sub(1) {
            Some(k) => self.breaks[k].1 + (norm - self.breaks[k].0),
            None => 0,
        }
    }

    /// The first normalised offset whose original offset is at or after `orig`.
    fn norm(&self, orig: usize) -> usize {
        let k = self.breaks.partition_point(|b| b.1 <= orig);
        match k.checked_sub(1) {
            Some(k) => {
                let n = self.breaks[k].0 + (orig - self.breaks[k].1);
                self.breaks.get(k + 1).map_or(n, |next| n.min(next.0))
            }
            None => 0,
        }
    }
}

/// Normalised text and the map back to `text`.
fn normalize(text: &str) -> (String, OffsetMap) {
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::default();
    let mut space_at = None;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            space_at.get_or_insert(i);
            continue;
        }
        let folded = fold(c);
        if let Some(s) = space_at.take()
            && folded.is_ascii_alphanumeric()
            && out
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_alphanumeric())
        {
            map.note(out.len(), s);
            out.push(' ');
        }
        map.note(out.len(), i);
        out.push(folded);
        end = i + c.len_utf8();
        map.note(out.len(), end);
    }
    map.note(out.len(), end);
    (out, map)
}

/// A quantity mention's boundaries in the normalised text.
#[derive(Debug, Clone)]
pub struct Mark {
    /// Index into the document's mentions.
    pub mention: usize,
    pub kind: Kind,
    pub start: usize,
    pub number_start: usize,
    pub number_end: usize,
    pub end: usize,
}

/// A document's masked text normalised for template matching, with its quantity mentions.
#[derive(Debug)]
pub struct Normalized {
    pub text: String,
    pub(super) map: OffsetMap,
    pub(super) marks: Vec<Mark>,
}

impl Normalized {
    pub fn new(masked: &str, mentions: &[Mention]) -> Normalized {
        let (text, map) = normalize(masked);
        let to_norm = |o: usize| map.norm(o);
        let mut marks: Vec<Mark> = Vec::new();
        for (k, m) in mentions.iter().enumerate() {
            if !m.kind.is_quantity() || m.span.end > masked.len() {
                continue;
            }
            if marks
                .last()
                .is_some_and(|last| last.end > to_norm(m.span.start))
            {
                continue;
            }
            let start = to_norm(m.span.start);
            let end = to_norm(m.span.end).max(start);
            let number_start = to_norm(m.number.start).clamp(start, end);
            let number_end = to_norm(m.number.end).clamp(number_start, end);
            marks.push(Mark {
                mention: k,
                kind: m.kind,
                start,
                number_start,
                number_end,
                end,
            });
        }
        Normalized { text, map, marks }
    }

    /// The last mark that starts before byte `p`.
    pub(super) fn mark_starting_before(&self, p: usize) -> Option<usize> {
        self.marks.partition_point(|m| m.start < p).checked_sub(1)
    }

    pub(super) fn kind_ok(&self, mark: &Mark, kind: Option<Kind>) -> bool {
        kind.is_none_or(|k| k == mark.kind)
    }
}

/// Normalised form of a template's or a term's literal text.
pub fn normalize_literal(text: &str) -> String {
    normalize(text).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_drops_cjk_spacing_and_folds_full_width() {
        assert_eq!(
            normalize_literal("Gemini Ultra 是 GPT-4 的"),
            "Gemini Ultra是GPT-4的"
        );
        assert_eq!(
            normalize_literal("下降至 1892，较（2022）"),
            "下降至1892,较(2022)"
        );
        assert_eq!(
            normalize_literal("is   about\n 2.5 times"),
            "is about 2.5 times"
        );
        let (norm, map) = normalize("a 是 （x）  y");
        assert_eq!(norm, "a是(x)y");
        let orig: Vec<usize> = (0..=norm.len()).map(|n| map.orig(n)).collect();
        assert_eq!(orig, vec![0, 2, 3, 4, 6, 9, 10, 15, 16]);
        // An original offset in dropped spacing maps to the next kept character.
        let norms: Vec<usize> = [0, 1, 2, 5, 6, 9, 10, 13, 14, 15, 16]
            .iter()
            .map(|&o| map.norm(o))
            .collect();
        assert_eq!(norms, vec![0, 1, 1, 4, 4, 5, 6, 7, 7, 7, 8]);
    }
}
