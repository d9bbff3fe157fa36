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

    /// `norm(orig)` for queries that mostly come in increasing order: walks on from the
    /// breakpoint `cursor` instead of searching from scratch.
    fn norm_from(&self, orig: usize, cursor: &mut usize) -> usize {
        if self.breaks.get(*cursor).is_none_or(|b| b.1 > orig) {
            return self.norm(orig);
        }
        while self.breaks.get(*cursor + 1).is_some_and(|b| b.1 <= orig) {
            *cursor += 1;
        }
        let (n, o) = self.breaks[*cursor];
        let n = n + (orig - o);
        self.breaks.get(*cursor + 1).map_or(n, |next| n.min(next.0))
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
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::default();
    // Text kept as it is is copied a run at a time: most of an article is such a run, and
    // only the bytes that can start a space or a full-width form are looked at closely.
    let mut run_from = 0;
    let copy = |out: &mut String, map: &mut OffsetMap, from: usize, to: usize| {
        if from < to {
            map.note(out.len(), from);
            out.push_str(&text[from..to]);
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        if !SPECIAL[bytes[i] as usize] {
            i += 1;
            continue;
        }
        // One space between two ASCII letters or digits, both in the run being copied, is
        // kept as it is: the run goes on (the common case in English text).
        if bytes[i] == b' '
            && i > run_from
            && bytes[i - 1].is_ascii_alphanumeric()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            i += 1;
            continue;
        }
        // A special byte is ASCII or a lead byte, so `i` is a char boundary.
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            copy(&mut out, &mut map, run_from, i);
            let mut j = i;
            while let Some(w) = text[j..].chars().next().filter(|w| w.is_whitespace()) {
                j += w.len_utf8();
            }
            if let Some(next) = text[j..].chars().next()
                && fold(next).is_ascii_alphanumeric()
                && out
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_alphanumeric())
            {
                map.note(out.len(), i);
                out.push(' ');
            }
            run_from = j;
            i = j;
            continue;
        }
        let folded = fold(c);
        if folded != c {
            copy(&mut out, &mut map, run_from, i);
            map.note(out.len(), i);
            out.push(folded);
            map.note(out.len(), i + c.len_utf8());
            run_from = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    copy(&mut out, &mut map, run_from, bytes.len());
    let end = text.trim_end_matches(char::is_whitespace).len();
    map.note(out.len(), end);
    (out, map)
}

/// Bytes that may begin a whitespace character or a full-width form: ASCII whitespace and
/// the UTF-8 lead bytes of U+0085/U+00A0 (`C2`), U+1680 (`E1`), U+2000–U+205F (`E2`),
/// U+3000 (`E3`) and U+FF01–U+FF5E (`EF`).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = [
        b'\t', b'\n', 0x0B, 0x0C, b'\r', b' ', 0xC2, 0xE1, 0xE2, 0xE3, 0xEF,
    ];
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

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
        let mut cursor = 0;
        let mut to_norm = |o: usize| map.norm_from(o, &mut cursor);
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
        let mut cursor = 0;
        let walked: Vec<usize> = [0, 1, 2, 5, 6, 9, 10, 13, 14, 15, 16, 2, 9]
            .iter()
            .map(|&o| map.norm_from(o, &mut cursor))
            .collect();
        assert_eq!(walked, vec![0, 1, 1, 4, 4, 5, 6, 7, 7, 7, 8, 1, 5]);
    }

    /// The obvious char-by-char definition, to compare the run-copying one with.
    fn reference(text: &str) -> (String, Vec<usize>) {
        let mut out = String::new();
        let mut origin = Vec::new();
        let mut space_at = None;
        let mut end = 0;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                space_at.get_or_insert(i);
                continue;
            }
            let f = fold(c);
            if let Some(s) = space_at.take()
                && f.is_ascii_alphanumeric()
                && out
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_alphanumeric())
            {
                out.push(' ');
                origin.push(s);
            }
            out.push(f);
            origin.extend(std::iter::repeat_n(i, f.len_utf8()));
            end = i + c.len_utf8();
        }
        origin.push(end);
        (out, origin)
    }

    #[test]
    fn run_copying_agrees_with_the_char_by_char_definition() {
        for text in [
            "",
            "   ",
            " a b  c ",
            "Gemini Ultra 是 GPT-4 的 2.5 倍。\n\n下一段",
            "（１２）：ｘ　y\u{3000}z",
            "x\u{a0}y 中 文 z",
            "尾部 ",
            "a\u{2003}b\u{1680}c\u{85}d\u{205f}e\u{202f}\u{3000}",
            " ，x",
        ] {
            let (norm, map) = normalize(text);
            let (want, origin) = reference(text);
            assert_eq!(norm, want, "{text:?}");
            for (n, &o) in origin.iter().enumerate() {
                if norm.is_char_boundary(n) {
                    assert_eq!(map.orig(n), o, "{text:?} at {n}");
                }
            }
        }
    }
}
