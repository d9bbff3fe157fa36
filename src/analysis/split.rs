//! Sentence and clause ends: masked text in, byte offsets out.
//!
//! A sentence ends at 。！？!?；; at `.` followed by white space (so `2.5` and `U.S. invested`
//! stay whole: a lower-case word after the stop continues the sentence), and at a line break
//! that starts a new block (a blank line, a heading, a list item, a table row or a quote),
//! because headings, list items and table cells carry no closing punctuation. A clause ends
//! at a Chinese or English comma, semicolon or colon, or `、`; a comma between two digits is a
//! thousands separator, not a break.

use crate::source::Span;

/// The untrimmed pieces of `text` between one sentence end and the next, in order.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn pieces(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut cuts = Cuts {
        text,
        pos: 0,
        leads: StopLeads::new(text.as_bytes()),
    };
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let end = cuts.next().unwrap_or_else(|| {
            done = true;
            text.len()
        });
        let piece = (start, end);
        start = end;
        Some(piece)
    })
}

/// The pieces of `text` (as `pieces` cuts them) that hold given offsets, for a walk that
/// needs only the sentences with a number in them. The sentence ends between two such
/// pieces are not read one by one: the piece holding an offset starts at the last sentence
/// end before it, found by reading back from the offset, which costs the distance to that
/// end, not the length of the stretch skipped. Whether a stop ends a sentence depends only
/// on the stop and the text after it, so reading back finds the same ends as reading on.
pub(crate) struct Pieces<'t> {
    cuts: Cuts<'t>,
    /// Where the next piece starts.
    start: usize,
    done: bool,
}

impl<'t> Pieces<'t> {
    pub(crate) fn new(text: &'t str) -> Pieces<'t> {
        Pieces {
            cuts: Cuts {
                text,
                pos: 0,
                leads: StopLeads::new(text.as_bytes()),
            },
            start: 0,
            done: false,
        }
    }

    /// The first piece not yet given that ends after `offset` (a character boundary): the
    /// pieces before it, which end at or before `offset`, are passed over. `None` once the
    /// last piece has been given.
    pub(crate) fn holding(&mut self, offset: usize) -> Option<(usize, usize)> {
        if self.done {
            return None;
        }
        let text = self.cuts.text;
        let offset = offset.min(text.len());
        // Across a stretch of a block or two, reading on costs no more than reading back
        // (which reads the block at the offset twice).
        if offset >= self.cuts.pos + 2 * BLOCK {
            if let Some(cut) = last_cut(text, self.cuts.pos, offset) {
                self.start = cut;
            }
            // No sentence ends in `cut..=offset`: reading on starts at the offset.
            self.cuts.pos = offset;
        }
        let end = self.cuts.next().unwrap_or_else(|| {
            self.done = true;
            text.len()
        });
        let piece = (self.start, end);
        self.start = end;
        Some(piece)
    }
}

/// The last sentence end in `from + 1..=to`, read backwards from `to` over the stops whose
/// first byte is at `from` or later (`from` and `to` are character boundaries).
fn last_cut(text: &str, from: usize, to: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut hi = to;
    while hi > from {
        let lo = hi.saturating_sub(BLOCK).max(from);
        let mut mask = block_mask(&bytes[lo..hi]);
        while mask != 0 {
            let j = 63 - mask.leading_zeros() as usize;
            mask &= !(1u64 << j);
            let i = lo + j;
            if let Some(c) = stop_at(bytes, i) {
                let end = i + c.len_utf8();
                if end <= to && ends_sentence(text, c, end) {
                    return Some(end);
                }
            }
        }
        hi = lo;
    }
    None
}

/// The offsets of the bytes that may begin a sentence end, in order: the ASCII stops and
/// line feed, and the UTF-8 lead bytes of 。 (`E3`) and of ！？； (`EF`). Lead bytes are never
/// continuation bytes, so a hit is always a character boundary. The text is read 64 bytes at
/// a time into a bit mask of hits (a loop of plain comparisons the compiler turns into SIMD),
/// and the hits are taken from the mask: stops come every few dozen bytes in prose, too often
/// for a restarted byte search to pay for its start-up at each one.
pub(crate) struct StopLeads<'t> {
    bytes: &'t [u8],
    /// Where the block of `mask` starts.
    block: usize,
    /// The hits of the current block not yet taken, bit `j` for byte `block + j`.
    mask: u64,
}

const BLOCK: usize = 64;

fn is_lead(b: u8) -> bool {
    // Bitwise `|`, not `||`: no branch per byte, so the loop over a block vectorises.
    (b == b'.') | (b == b'\n') | (b == b'!') | (b == b'?') | (b == b';') | (b == 0xE3) | (b == 0xEF)
}

/// The hits of up to a block of bytes; a short tail is padded with zero bytes (no stop) so
/// that it too is read by the vectorised whole-block loop.
fn block_mask(bytes: &[u8]) -> u64 {
    match bytes.try_into() {
        Ok(full) => block_mask_full(full),
        Err(_) => {
            let mut padded = [0u8; BLOCK];
            padded[..bytes.len()].copy_from_slice(bytes);
            block_mask_full(&padded)
        }
    }
}

impl<'t> StopLeads<'t> {
    pub(crate) fn new(bytes: &'t [u8]) -> StopLeads<'t> {
        let end = bytes.len().min(BLOCK);
        StopLeads {
            bytes,
            block: 0,
            mask: block_mask(&bytes[..end]),
        }
    }

    /// The first hit at or after byte `from`.
    pub(crate) fn next_from(&mut self, from: usize) -> Option<usize> {
        loop {
            if from >= self.block + BLOCK {
                self.mask = 0;
            } else if from > self.block {
                self.mask &= u64::MAX << (from - self.block);
            }
            if self.mask != 0 {
                let at = self.block + self.mask.trailing_zeros() as usize;
                self.mask &= self.mask - 1;
                return Some(at);
            }
            self.block += BLOCK;
            // Skip whole blocks before `from` without reading them.
            if from >= self.block + BLOCK {
                self.block = from - (from - self.block) % BLOCK;
            }
            if self.block >= self.bytes.len() {
                self.block = self.bytes.len();
                return None;
            }
            let end = self.bytes.len().min(self.block + BLOCK);
            self.mask = block_mask(&self.bytes[self.block..end]);
        }
    }
}

/// `block_mask` of a whole block, in two vectorisable steps: one flag byte per byte (plain
/// comparisons over a fixed length), then eight flag bytes gathered into eight bits by one
/// multiplication each (bit `j` of the product's top byte is flag byte `j`; no two terms
/// meet, so nothing carries).
fn block_mask_full(bytes: &[u8; BLOCK]) -> u64 {
    let mut flags = [0u8; BLOCK];
    for (f, &b) in flags.iter_mut().zip(bytes) {
        *f = u8::from(is_lead(b));
    }
    gather(&flags)
}

/// Flag bytes (0 or 1) gathered into a mask, bit `j` for flag `j`.
#[inline]
fn gather(flags: &[u8; BLOCK]) -> u64 {
    let mut mask = 0u64;
    for (k, eight) in flags.chunks_exact(8).enumerate() {
        let mut word = [0u8; 8];
        word.copy_from_slice(eight);
        let gathered = u64::from_le_bytes(word).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        mask |= gathered << (8 * k);
    }
    mask
}

/// The byte offsets just after each sentence end of `text`, in order.
struct Cuts<'t> {
    text: &'t str,
    pos: usize,
    leads: StopLeads<'t>,
}

impl Iterator for Cuts<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let bytes = self.text.as_bytes();
        loop {
            let Some(i) = self.leads.next_from(self.pos) else {
                self.pos = bytes.len();
                return None;
            };
            let Some(c) = stop_at(bytes, i) else {
                self.pos = i + 3;
                continue;
            };
            let end = i + c.len_utf8();
            self.pos = end;
            if ends_sentence(self.text, c, end) {
                return Some(end);
            }
        }
    }
}

/// The character at byte `i`, a hit of a stop table (an ASCII byte, or `E3` or `EF`),
/// read without decoding: `E3` and `EF` lead three-byte characters, most of them not stops
/// (`、`, `，`, `（`), and their last two bytes tell. `None` for those others.
pub(crate) fn stop_at(bytes: &[u8], i: usize) -> Option<char> {
    match (bytes[i], bytes.get(i + 1..i + 3)) {
        (0xE3, Some([0x80, 0x82])) => Some('。'),
        (0xEF, Some([0xBC, 0x81])) => Some('！'),
        (0xEF, Some([0xBC, 0x9F])) => Some('？'),
        (0xEF, Some([0xBC, 0x9B])) => Some('；'),
        (0xE3 | 0xEF, _) => None,
        (b, _) => Some(char::from(b)),
    }
}

/// Whether `c`, which ends at byte `end` of `text`, ends a sentence.
fn ends_sentence(text: &str, c: char, end: usize) -> bool {
    match c {
        '。' | '！' | '？' | '!' | '?' | '；' | ';' => true,
        '.' => ends_english_sentence(&text[end..]),
        '\n' => starts_block(&text[end..]),
        _ => false,
    }
}

fn ends_english_sentence(rest: &str) -> bool {
    let Some(next) = rest.chars().next() else {
        return true;
    };
    if !next.is_whitespace() {
        return false;
    }
    match rest.trim_start().chars().next() {
        Some(c) => !c.is_ascii_lowercase(),
        None => true,
    }
}

/// Whether the line that opens `rest` starts a block: it is blank, or a heading, a quote, a
/// list item or a table row.
pub(crate) fn starts_block(rest: &str) -> bool {
    // `block_of_line` of the line's opening only: most lines are long, and where one ends
    // does not matter except for a list number with nothing after it.
    let line = rest.trim_start_matches(|c: char| c != '\n' && c.is_whitespace());
    match line.as_bytes().first() {
        None | Some(b'\n') => true,
        Some(b'0'..=b'9') => {
            let digits = line.trim_start_matches(|c: char| c.is_ascii_digit());
            (digits.starts_with(". ") || digits.starts_with(") "))
                && digits[2..]
                    .split('\n')
                    .next()
                    .is_some_and(|after| !after.trim().is_empty())
        }
        Some(b'#' | b'>' | b'|' | b'-' | b'*' | b'+') => true,
        Some(_) => line.starts_with('•'),
    }
}

/// How a line opens, for sentence ends and for the units of `units.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    Blank,
    Heading,
    Quote,
    ListItem,
    TableRow,
    /// Anything else: a paragraph's first or continuing line.
    Text,
}

pub(crate) fn block_of_line(line: &str) -> LineKind {
    let line = line.trim();
    let mut chars = line.chars();
    match chars.next() {
        None => LineKind::Blank,
        Some('#') => LineKind::Heading,
        Some('>') => LineKind::Quote,
        Some('|') => LineKind::TableRow,
        Some('-' | '*' | '+' | '•') => LineKind::ListItem,
        Some(c) if c.is_ascii_digit() => {
            let digits = line.trim_start_matches(|c: char| c.is_ascii_digit());
            if digits.starts_with(". ") || digits.starts_with(") ") {
                LineKind::ListItem
            } else {
                LineKind::Text
            }
        }
        _ => LineKind::Text,
    }
}

/// `text[start..end]` without surrounding white space, or `None` when nothing is left.
pub(crate) fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    (lead + trail < piece.len()).then(|| Span::new(start + lead, end - trail))
}

/// Byte offsets just after each clause break in `s`, in order.
pub fn clause_breaks(s: &str) -> impl DoubleEndedIterator<Item = usize> + '_ {
    let bytes = s.as_bytes();
    s.char_indices()
        .filter(move |&(i, c)| match c {
            '，' | '；' | '：' | ';' | ':' | '、' => true,
            ',' => {
                let before = i > 0 && bytes[i - 1].is_ascii_digit();
                let after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                !(before && after)
            }
            _ => false,
        })
        .map(|(i, c)| i + c.len_utf8())
}

/// Whether `s` holds a clause break.
pub fn has_clause_break(s: &str) -> bool {
    last_clause_break(s).is_some()
}

/// Byte offset just after the last clause break in `s`, found from the end, so that the
/// cost is the distance to the break, not the length of `s`. The text is read a block at a
/// time backwards into a mask of the bytes that may end a break (`,;:` and the last bytes
/// of `，；：、`), as `StopLeads` reads stops: the checks call this on every figure, and
/// decoding characters one by one backwards cost more than the rest of their reading.
pub fn last_clause_break(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut hi = bytes.len();
    while hi > 0 {
        let lo = hi.saturating_sub(BLOCK);
        let mut mask = break_mask(&bytes[lo..hi]);
        while mask != 0 {
            let j = 63 - mask.leading_zeros() as usize;
            mask &= !(1u64 << j);
            if let Some(end) = break_ending_at(bytes, lo + j) {
                return Some(end);
            }
        }
        hi = lo;
    }
    None
}

/// `last_clause_break` as it was, decoding characters backwards: the reference the tests
/// compare it with.
#[cfg(test)]
pub(crate) fn last_clause_break_by_chars(s: &str) -> Option<usize> {
    clause_breaks(s).next_back()
}

/// Whether `b` may be the last byte of a clause break: an ASCII `,;:`, or the last byte of
/// `，` (`EF BC 8C`), `；` (`EF BC 9B`), `：` (`EF BC 9A`) or `、` (`E3 80 81`).
fn is_break_end(b: u8) -> bool {
    // Bitwise `|`, not `||`: no branch per byte, so the loop over a block vectorises.
    (b == b',') | (b == b';') | (b == b':') | (b == 0x8C) | (b == 0x9B) | (b == 0x9A) | (b == 0x81)
}

/// The hits of `is_break_end` in up to a block of bytes, bit `j` for byte `j`; a short
/// block is padded with zero bytes (no hit).
fn break_mask(bytes: &[u8]) -> u64 {
    let mut padded = [0u8; BLOCK];
    padded[..bytes.len()].copy_from_slice(bytes);
    let mut flags = [0u8; BLOCK];
    for (f, &b) in flags.iter_mut().zip(&padded) {
        *f = u8::from(is_break_end(b));
    }
    gather(&flags)
}

/// The offset just after the clause break whose last byte is `bytes[i]` (a hit of
/// `is_break_end`), if it is one: the same breaks as `clause_breaks`. A multi-byte break is
/// told by the two bytes before its last; `EF` and `E3` are lead bytes, so a match is a
/// whole character.
fn break_ending_at(bytes: &[u8], i: usize) -> Option<usize> {
    let lead = |a: u8, b: u8| i >= 2 && bytes[i - 2] == a && bytes[i - 1] == b;
    let is_break = match bytes[i] {
        b';' | b':' => true,
        b',' => {
            let before = i > 0 && bytes[i - 1].is_ascii_digit();
            let after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            !(before && after)
        }
        0x8C | 0x9B | 0x9A => lead(0xEF, 0xBC),
        0x81 => lead(0xE3, 0x80),
        _ => false,
    };
    is_break.then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        pieces(text)
            .filter_map(|(a, b)| trimmed(text, a, b))
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn splits_chinese_and_english_sentences() {
        assert_eq!(
            texts("甲为 1 吨。乙为 2 吨！丙?丁"),
            ["甲为 1 吨。", "乙为 2 吨！", "丙?", "丁"]
        );
        assert_eq!(
            texts("It rose 2.5 times. Then it fell.\nNext one."),
            ["It rose 2.5 times.", "Then it fell.", "Next one."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_soft_wraps_inside_a_sentence() {
        assert_eq!(
            texts("The U.S. invested\nmore."),
            ["The U.S. invested\nmore."]
        );
        assert_eq!(texts("标题\n\n正文，续"), ["标题", "正文，续"]);
        assert_eq!(texts("a\n- item\n# head"), ["a", "- item", "# head"]);
        assert_eq!(texts("| a | 1 |\n| b | 2 |"), ["| a | 1 |", "| b | 2 |"]);
    }

    #[test]
    fn thousands_separators_are_not_clause_breaks() {
        assert!(!has_clause_break("22,816 人"));
        assert!(has_clause_break("人, 又"));
        assert!(has_clause_break("亿美元，大约是"));
        assert_eq!(last_clause_break("a，b，c"), Some("a，b，".len()));
    }

    /// The line kind `block_of_line` gives the first line, the slow way `starts_block`
    /// replaced.
    fn starts_block_by_line(rest: &str) -> bool {
        block_of_line(rest.split('\n').next().unwrap_or("")) != LineKind::Text
    }

    #[test]
    fn starts_block_reads_only_the_opening_of_the_line() {
        for rest in [
            "",
            "\n",
            "  \n x",
            "\u{3000}\r\nx",
            "# 标题",
            " > quote",
            "| a | b |",
            "- item",
            "* item",
            "+ item",
            "• item",
            "1. item",
            "12) item",
            "1. ",
            "1.  \nnext",
            "1.\tx",
            "2024年",
            "1.5 倍",
            "text",
            "—— 破折号",
            "\u{3000}正文",
            "3)x",
            "7. 甲\n",
            "42",
        ] {
            assert_eq!(starts_block(rest), starts_block_by_line(rest), "{rest:?}");
        }
    }

    /// The pieces a walk over `offsets` (sorted character boundaries) reads, as
    /// `Analysis::new` walks them: a piece holding the next offset is read, and takes the
    /// offsets before its end unless it is blank.
    fn walked(
        text: &str,
        offsets: &[usize],
        mut piece: impl FnMut(usize) -> Option<(usize, usize)>,
    ) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut next = 0;
        while let Some(&o) = offsets.get(next) {
            let Some((start, end)) = piece(o) else {
                break;
            };
            if o >= end {
                continue;
            }
            out.push((start, end));
            if trimmed(text, start, end).is_some() {
                while offsets.get(next).is_some_and(|&o| o < end) {
                    next += 1;
                }
            }
        }
        out
    }

    proptest::proptest! {
        /// Reading back to the piece that holds an offset finds the pieces that reading
        /// every piece in order finds.
        #[test]
        fn pieces_holding_offsets_are_the_pieces_read_in_order(
            text in "[a.\n!?;。！？；，、甲 #|1-]{0,200}",
            picks in proptest::collection::vec(0usize..400, 0..12),
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let mut offsets: Vec<usize> = picks
                .iter()
                .filter(|_| !bounds.is_empty())
                .map(|&p| bounds[p % bounds.len()])
                .collect();
            offsets.sort_unstable();
            let mut all = pieces(&text);
            let expected = walked(&text, &offsets, |_| all.next());
            let mut holding = Pieces::new(&text);
            let got = walked(&text, &offsets, |o| holding.holding(o));
            proptest::prop_assert_eq!(got, expected);
        }

        #[test]
        fn starts_block_agrees_with_block_of_line(
            rest in "[ \t\r\n\u{3000}#>|*+•0-9.)a甲-]{0,12}"
        ) {
            proptest::prop_assert_eq!(starts_block(&rest), starts_block_by_line(&rest));
        }

        /// The block masks give every lead byte, in order, whatever the text's length and
        /// wherever the searches start: the same as reading byte by byte.
        #[test]
        fn stop_leads_are_every_lead_byte(
            text in "[a.\n!?;。！？；，、甲 ]{0,300}",
            steps in proptest::collection::vec(0usize..90, 0..12),
        ) {
            let bytes = text.as_bytes();
            let mut leads = StopLeads::new(bytes);
            let mut from = 0;
            for step in steps.into_iter().chain(std::iter::repeat_n(1, bytes.len() + 2)) {
                let expected = (from..bytes.len()).find(|&i| is_lead(bytes[i]));
                let got = leads.next_from(from);
                proptest::prop_assert_eq!(got, expected);
                from = got.map_or(bytes.len() + 1, |at| at + 1) + step;
            }
        }

        /// The block-mask reading finds the last clause break that decoding characters
        /// backwards found, on Chinese and English words, digits and every punctuation
        /// whose bytes look like a break's (`，` against `（`, `、` against `〇`).
        #[test]
        fn last_clause_break_is_that_of_the_characters(
            text in "([0-9]{1,3}|[ ，,；;：:、。（）〇「」甲乙增长的倍%亿元 revenuofthe.!?\n]){0,120}"
        ) {
            proptest::prop_assert_eq!(last_clause_break(&text), last_clause_break_by_chars(&text));
            for (k, _) in text.char_indices() {
                proptest::prop_assert_eq!(
                    last_clause_break(&text[..k]),
                    last_clause_break_by_chars(&text[..k])
                );
            }
        }
    }
}
