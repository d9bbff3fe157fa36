//! One pass over a sentence's characters before its facts are worked out: the set of its
//! characters (for cheap "may it hold this word" tests), whether it is English, and whether
//! it may hold a period or basis word. Sentence text in, `Scan` out.

use super::blocks::is_clause_break;
use super::tokens::{Cues, english_cue_stands, english_cues};
use crate::source::Span;

/// The characters of a piece of text: the ASCII ones exactly (a 128-bit set), the others as a
/// 512-bit Bloom filter with one hash. A character not in the set is certainly not in the
/// text; an ASCII character in it certainly is.
#[derive(Debug, Clone, Copy, Default)]
pub struct CharSet {
    ascii: u128,
    bloom: [u64; 8],
}

impl CharSet {
    fn bit(c: char) -> usize {
        ((c as u32).wrapping_mul(0x9E37_79B1) >> 23) as usize
    }

    pub fn insert(&mut self, c: char) {
        if c.is_ascii() {
            self.ascii |= 1 << (c as u32);
        } else {
            let b = Self::bit(c);
            self.bloom[b / 64] |= 1 << (b % 64);
        }
    }

    /// Inserts a character beyond ASCII by its code.
    fn insert_wide(&mut self, code: u32) {
        let b = (code.wrapping_mul(0x9E37_79B1) >> 23) as usize;
        self.bloom[b / 64] |= 1 << (b % 64);
    }

    pub fn may_contain(&self, c: char) -> bool {
        if c.is_ascii() {
            return self.ascii & (1 << (c as u32)) != 0;
        }
        let b = Self::bit(c);
        self.bloom[b / 64] & (1 << (b % 64)) != 0
    }

    /// The set of `word`'s characters.
    pub fn of(word: &str) -> CharSet {
        let mut set = CharSet::default();
        word.chars().for_each(|c| set.insert(c));
        set
    }

    /// Whether every character of `word` may be in the set.
    pub fn may_hold(&self, word: &str) -> bool {
        word.chars().all(|c| self.may_contain(c))
    }

    /// Whether every character of `word`'s set (`CharSet::of`) may be in this set: as
    /// `may_hold(word)`, without decoding the word again.
    pub fn covers(&self, word: &CharSet) -> bool {
        self.ascii & word.ascii == word.ascii && self.covers_bloom(word)
    }

    fn covers_bloom(&self, word: &CharSet) -> bool {
        (0..8).all(|k| self.bloom[k] & word.bloom[k] == word.bloom[k])
    }

    /// Whether every character of `word`'s set may be in this set in some ASCII case: as
    /// `may_hold_ci(word)`, without decoding the word again.
    pub fn covers_ci(&self, word: &CharSet) -> bool {
        // Each ASCII letter of the set in both cases: `a` is 32 above `A`.
        word.ascii & !self.ascii_folded() == 0 && self.covers_bloom(word)
    }

    /// The set's ASCII characters with each letter in both cases: a word of ASCII
    /// characters is `covers_ci` exactly when its `ascii_bits` are all in it.
    pub fn ascii_folded(&self) -> u128 {
        self.ascii | (self.ascii & ASCII_UPPER) << 32 | (self.ascii & ASCII_LOWER) >> 32
    }

    /// The set's ASCII characters, as bits by code.
    pub fn ascii_bits(&self) -> u128 {
        self.ascii
    }

    /// Whether every character of `word` may be in the set in some ASCII case.
    pub fn may_hold_ci(&self, word: &str) -> bool {
        word.chars().all(|c| {
            self.may_contain(c)
                || self.may_contain(c.to_ascii_lowercase())
                || self.may_contain(c.to_ascii_uppercase())
        })
    }
}

/// A word's set of characters, with the part of its Bloom filter a test looks at first:
/// most words of a list are ruled out there.
#[derive(Debug, Clone, Copy)]
pub struct WordSet {
    set: CharSet,
    first: usize,
}

impl WordSet {
    pub fn of(word: &str) -> WordSet {
        let set = CharSet::of(word);
        let first = set.bloom.iter().position(|&b| b != 0).unwrap_or(0);
        WordSet { set, first }
    }
}

impl CharSet {
    /// `covers(&CharSet::of(word))`, sooner.
    #[inline]
    pub fn covers_word(&self, word: &WordSet) -> bool {
        let need = word.set.bloom[word.first];
        self.bloom[word.first] & need == need && self.covers(&word.set)
    }
}

/// The ASCII letters, as bits of `CharSet::ascii`.
const ASCII_UPPER: u128 = ((1u128 << 26) - 1) << b'A';
const ASCII_LOWER: u128 = ((1u128 << 26) - 1) << b'a';
const ASCII_LETTERS: u128 = ASCII_UPPER | ASCII_LOWER;

/// The characters `scan` looks at beyond ASCII. Every character of an arm of the scan's
/// `match` must be listed here (a test checks the scan against one without this filter).
const TRIGGER_CHARS: [char; 24] = [
    '\u{212A}', '\u{17F}', '比', '较', '較', '均', '環', '每', '产', '產', '增', '減', '名', '现',
    '現', '实', '實', '扣', '不', '季', '届', '屆', '年', '月',
];

/// Words (or anything named by a word) beyond ASCII by the low 12 bits of the code of
/// their first character, for the look-ups at `Marks::starts`: the items of the place are
/// those whose first character shares the bits of the one there; the caller compares the
/// whole word, so a character with the same bits only costs a comparison.
pub(super) struct ByFirstLow<T> {
    /// For each value of the bits, 1 + the index of its list, or 0 when none.
    index: Vec<u16>,
    lists: Vec<Vec<T>>,
    /// The first characters, in no particular order.
    firsts: Vec<char>,
}

impl<T> ByFirstLow<T> {
    /// The items with their first characters, each list in the order given.
    pub fn new(items: impl IntoIterator<Item = (char, T)>) -> ByFirstLow<T> {
        let mut out = ByFirstLow {
            index: vec![0; 4096],
            lists: Vec::new(),
            firsts: Vec::new(),
        };
        for (c, item) in items {
            let low = (c as u32 & 0xFFF) as usize;
            if out.index[low] == 0 {
                out.lists.push(Vec::new());
                out.index[low] = u16::try_from(out.lists.len()).expect("fewer than 4096 lists");
            }
            out.lists[usize::from(out.index[low]) - 1].push(item);
            if !out.firsts.contains(&c) {
                out.firsts.push(c);
            }
        }
        out
    }

    /// The items that may begin at byte `at` of `s`, the first byte of a character beyond
    /// ASCII.
    #[inline]
    pub fn at(&self, s: &str, at: usize) -> &[T] {
        let (code, _) = decode(s.as_bytes(), at);
        match self.index[(code & 0xFFF) as usize] {
            0 => &[],
            k => &self.lists[usize::from(k) - 1],
        }
    }

    pub fn firsts(&self) -> &[char] {
        &self.firsts
    }
}

/// A character's class, by the low 12 bits of its code: `TRIGGER` when a character of
/// `TRIGGER_CHARS` has them (a character without it matches no arm of the scan's `match`,
/// so most ideographs pass with one test), `WORD_START` when a flag word or a period word
/// beyond ASCII begins with one that has them (`Marks::starts`).
const TRIGGER: u8 = 1;
const WORD_START: u8 = 2;

static CLASSES: std::sync::LazyLock<[u8; 4096]> = std::sync::LazyLock::new(|| {
    let mut classes = [0u8; 4096];
    let low = |c: char| (c as u32 & 0xFFF) as usize;
    for c in TRIGGER_CHARS {
        classes[low(c)] |= TRIGGER;
    }
    for c in super::words::flag_word_firsts().chain(super::tokens::literal_firsts()) {
        classes[low(c)] |= WORD_START;
    }
    classes
});

/// What one pass over a sentence found.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scan {
    pub chars: CharSet,
    /// A CJK ideograph stands in it (else it is English to the facts).
    pub cjk: bool,
    /// An ASCII letter, or a character Unicode case folding turns into one, stands in it.
    pub letters: bool,
    pub cues: Cues,
    /// Whether an English period or basis word may stand in it: false only where the
    /// English cues (`tokens::CUE_WORDS`) were looked for and none stands, so that only
    /// the words beyond ASCII can.
    pub english_words: bool,
}

/// One pass over `s`. The cues are those of the period words (`tokens::find_words`): every
/// Chinese one holds one of the characters matched here (`年` and `月` only after the
/// characters that make them a period or basis word), and the English ones are looked for
/// only in a sentence with letters.
pub fn scan(s: &str) -> Scan {
    scan_marking::<false>(s, &mut Marks::default())
}

/// The clause breaks and quotation marks of a sentence, as `facts_of_sentence` reads
/// them: each break's span, each quotation mark's offset and character (offsets from
/// `base`), and where the first `，据` ends (an offset into the sentence).
#[derive(Default)]
pub(super) struct Marks<'m> {
    pub base: usize,
    pub breaks: Option<&'m mut Vec<Span>>,
    pub quotes: Option<&'m mut Vec<(usize, char)>>,
    pub comma_ju: Option<usize>,
    /// The offsets (into the sentence) of the characters beyond ASCII that may begin a
    /// flag word or a period word (`words::flags_at`, `tokens::tokens_into_at`): every place
    /// such a word stands is among them.
    pub starts: Option<&'m mut Vec<usize>>,
}

impl Marks<'_> {
    /// The character `c` at byte `i` of sentence `s`, if it is a break or a quotation mark.
    #[inline]
    pub(super) fn mark(&mut self, s: &str, i: usize, c: char) {
        if is_clause_break(s, i, c) {
            if c == '，' && self.comma_ju.is_none() && s[i + c.len_utf8()..].starts_with('据') {
                self.comma_ju = Some(i + "，据".len());
            }
            if let Some(breaks) = self.breaks.as_deref_mut() {
                breaks.push(Span::new(self.base + i, self.base + i + c.len_utf8()));
            }
        } else if matches!(c, '“' | '”' | '"')
            && let Some(quotes) = self.quotes.as_deref_mut()
        {
            quotes.push((self.base + i, c));
        }
    }
}

/// The ASCII characters that may be a clause break or a quotation mark, as bits.
const ASCII_MARKS: u128 = 1 << b',' | 1 << b';' | 1 << b':' | 1 << b'(' | 1 << b')' | 1 << b'"';

/// `scan`, and with `MARKS` the sentence's clause breaks and quotation marks into `marks`
/// in the same pass (one pass over the characters instead of two). With `MARKS`,
/// `cues.period` is not worked out from English words (`facts_of_sentence` never reads it;
/// `Probe` does, from `scan`).
pub(super) fn scan_marking<const MARKS: bool>(s: &str, marks: &mut Marks<'_>) -> Scan {
    let mut out = Scan::default();
    let (mut token, mut period) = (false, false);
    // The codes of the two characters before the current one; 0 (a NUL, which no arm
    // matches) before the first.
    let (mut prev, mut prev2) = (0u32, 0u32);
    let bytes = s.as_bytes();
    // The ASCII characters, as the low and high halves of `CharSet::ascii`.
    let mut halves = [0u64; 2];
    let classes = &*CLASSES;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII needs no decoding, and no arm of the match below is ASCII.
        if b < 0x80 {
            halves[usize::from(b >> 6)] |= 1 << (b & 63);
            if MARKS && ASCII_MARKS & (1 << b) != 0 {
                marks.mark(s, i, char::from(b));
            }
            prev2 = prev;
            prev = u32::from(b);
            i += 1;
            continue;
        }
        let (code, width) = decode(bytes, i);
        out.chars.insert_wide(code);
        if (0x4e00..=0x9fff).contains(&code) {
            out.cjk = true;
        } else if MARKS
            && matches!(
                code,
                0x201C | 0x201D | 0x3001 | 0xFF08 | 0xFF09 | 0xFF0C | 0xFF1A | 0xFF1B
            )
        {
            // Breaks and quotation marks beyond ASCII: `“”` (U+201C, U+201D), `、` (U+3001)
            // and fullwidth punctuation, none of them an ideograph.
            marks.mark(s, i, char::from_u32(code).unwrap_or(' '));
        }
        let class = classes[(code & 0xFFF) as usize];
        if MARKS
            && class & WORD_START != 0
            && let Some(starts) = marks.starts.as_deref_mut()
        {
            starts.push(i);
        }
        if class & TRIGGER != 0 {
            let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
            let (prev, prev2) = (char::from_u32(prev), char::from_u32(prev2));
            match c {
                // Kelvin sign and long s: `(?i)` folds them into `k` and `s`.
                '\u{212A}' | '\u{17F}' => out.letters = true,
                // `每亩`: a figure per unit.
                '比' | '较' | '較' | '均' | '環' | '每' => token = true,
                // `单产`, `亩产`: a yield per unit of land.
                '产' | '產' if matches!(prev, Some('单' | '單' | '亩' | '畝')) => {
                    token = true
                }
                // `年增`, `年減`, `月增`, `季減`: a basis.
                '增' | '減' if matches!(prev, Some('年' | '月' | '季')) => token = true,
                // `名义`, `按现价`, `实际`, `扣除价格因素`, `按不变价格`.
                '名' | '现' | '現' | '实' | '實' | '扣' | '不' => {
                    let next: &[char] = match c {
                        '名' => &['义', '目'],
                        '现' => &['价'],
                        '現' => &['價'],
                        '实' => &['际'],
                        '實' => &['際'],
                        '扣' => &['除'],
                        _ => &['变', '變'],
                    };
                    token |= s[i + width..].starts_with(next);
                }
                '季' | '届' | '屆' => (token, period) = (true, true),
                // `去年`, `上年`, `上一年`, `前一年`, `上半年`, `下半年`, `全年`: a period;
                // `今年`, `本年`: this year; `两年平均`: a basis.
                '年' => match (prev2, prev) {
                    (_, Some('上' | '去' | '半' | '全')) | (Some('上' | '前'), Some('一')) => {
                        (token, period) = (true, true)
                    }
                    (_, Some('今' | '本' | '两' | '兩')) => token = true,
                    _ => {}
                },
                // `10 月`, `十一月`, `前 11 个月`, `当月`.
                '月' if month_after_count(&s[..i]) => (token, period) = (true, true),
                _ => {}
            }
        }
        prev2 = prev;
        prev = code;
        i += width;
    }
    out.chars.ascii = u128::from(halves[0]) | u128::from(halves[1]) << 64;
    out.letters |= out.chars.ascii & ASCII_LETTERS != 0;
    let may_cue = out.letters && english_may_cue(&out.chars);
    // Unknown (so perhaps) unless looked for below.
    out.english_words = may_cue;
    if MARKS && may_cue {
        // The facts read only whether a cue stands (`tokens_into`), never `period`: a
        // search that stops at the first cue says it, and says whether the English words
        // need looking for apart from the others.
        out.english_words = english_cue_stands(s, &out.chars);
        token |= out.english_words;
    } else if may_cue && !period {
        let en = english_cues(s);
        token |= en.token;
        period |= en.period;
        out.english_words = en.token;
    }
    out.cues = Cues { token, period };
    out
}

/// The code of the character that starts at byte `i` of valid UTF-8 (not ASCII), and its
/// width.
#[inline(always)]
pub(super) fn decode(bytes: &[u8], i: usize) -> (u32, usize) {
    let cont = |b: u8| u32::from(b & 0x3F);
    match bytes[i..] {
        [b0 @ 0xE0..=0xEF, b1, b2, ..] => {
            (u32::from(b0 & 0x0F) << 12 | cont(b1) << 6 | cont(b2), 3)
        }
        [b0 @ 0xC0..=0xDF, b1, ..] => (u32::from(b0 & 0x1F) << 6 | cont(b1), 2),
        [b0, b1, b2, b3, ..] => (
            u32::from(b0 & 0x07) << 18 | cont(b1) << 12 | cont(b2) << 6 | cont(b3),
            4,
        ),
        // Not reached in valid UTF-8.
        _ => (u32::from(char::REPLACEMENT_CHARACTER), 1),
    }
}

/// Whether `before` (the text before a `月`) ends, past white space, in a numeral, `个` or
/// `当`: the `月` is then a month or months.
fn month_after_count(before: &str) -> bool {
    before.trim_end().chars().next_back().is_some_and(|p| {
        p.is_numeric()
            || matches!(
                p,
                '一' | '二'
                    | '三'
                    | '四'
                    | '五'
                    | '六'
                    | '七'
                    | '八'
                    | '九'
                    | '十'
                    | '个'
                    | '個'
                    | '当'
            )
    })
}

/// The stretches of `s` of ASCII characters that hold an ASCII letter, as byte ranges: a
/// word of ASCII characters with a letter stands inside one of them or nowhere. In Chinese
/// text they are a few short names (`AI`, `GDP`), and a search of them is much shorter
/// than one of the sentence.
pub(super) fn ascii_stretches(s: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            // A character at a time: `i` stays on a character's first byte.
            while i < bytes.len() && bytes[i] >= 0x80 {
                i += utf8_width(bytes[i]);
            }
            let start = i;
            let mut letter = false;
            while i < bytes.len() && bytes[i] < 0x80 {
                letter |= bytes[i].is_ascii_alphabetic();
                i += 1;
            }
            if letter {
                return Some(start..i);
            }
        }
        None
    })
}

/// The width of the UTF-8 character that starts with byte `b`.
fn utf8_width(b: u8) -> usize {
    match b {
        0..0x80 => 1,
        0x80..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// The set of characters of each English cue word of `tokens`.
static CUE_SETS: std::sync::LazyLock<Vec<CharSet>> = std::sync::LazyLock::new(|| {
    super::tokens::CUE_WORDS
        .iter()
        .map(|(w, _)| CharSet::of(w))
        .collect()
});

/// Whether an English cue word of `tokens` may stand in a text with these characters.
fn english_may_cue(chars: &CharSet) -> bool {
    CUE_SETS.iter().any(|w| chars.covers_ci(w))
}

/// Whether `hay` holds `needle`, ASCII case folded (as a search after
/// `to_ascii_lowercase` would find a lower-case needle).
pub fn contains_ci(hay: &str, needle: &str) -> bool {
    hay.len() >= needle.len()
        && hay
            .as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::{Cues, Token, tokens};
    use super::*;
    use crate::source::Span;

    /// Every sentence of the fixture articles and passages.
    fn sentences() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut out = Vec::new();
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p
                    .extension()
                    .is_some_and(|x| x == "md" || x == "txt" || x == "yaml")
                    && let Ok(text) = std::fs::read_to_string(&p)
                {
                    out.extend(
                        text.split(['。', '！', '？', '.', '\n'])
                            .map(str::to_string),
                    );
                }
            }
        }
        out
    }

    fn forced(s: &str) -> Vec<Token> {
        let all = Cues {
            token: true,
            period: true,
        };
        tokens(s, Span::new(0, s.len()), all)
            .into_iter()
            .map(|(_, t)| t)
            .collect()
    }

    /// The scan as it was before its ASCII fast path and trigger filter: one `char` at a
    /// time, every character through the match.
    fn scan_reference(s: &str) -> Scan {
        let mut out = Scan::default();
        let (mut token, mut period) = (false, false);
        // The two characters before the current one.
        let (mut prev, mut prev2): (Option<char>, Option<char>) = (None, None);
        for (i, c) in s.char_indices() {
            out.chars.insert(c);
            out.cjk |= ('\u{4e00}'..='\u{9fff}').contains(&c);
            match c {
                'a'..='z' | 'A'..='Z' => out.letters = true,
                // Kelvin sign and long s: `(?i)` folds them into `k` and `s`.
                '\u{212A}' | '\u{17F}' => out.letters = true,
                // `每亩`: a figure per unit.
                '比' | '较' | '較' | '均' | '環' | '每' => token = true,
                // `单产`, `亩产`: a yield per unit of land.
                '产' | '產' if matches!(prev, Some('单' | '單' | '亩' | '畝')) => {
                    token = true
                }
                // `年增`, `年減`, `月增`, `季減`: a basis.
                '增' | '減' if matches!(prev, Some('年' | '月' | '季')) => token = true,
                // `名义`, `按现价`, `实际`, `扣除价格因素`, `按不变价格`.
                '名' | '现' | '現' | '实' | '實' | '扣' | '不' => {
                    let next: &[char] = match c {
                        '名' => &['义', '目'],
                        '现' => &['价'],
                        '現' => &['價'],
                        '实' => &['际'],
                        '實' => &['際'],
                        '扣' => &['除'],
                        _ => &['变', '變'],
                    };
                    token |= s[i + c.len_utf8()..].starts_with(next);
                }
                '季' | '届' | '屆' => (token, period) = (true, true),
                // `去年`, `上年`, `上一年`, `前一年`, `上半年`, `下半年`, `全年`: a period;
                // `今年`, `本年`: this year; `两年平均`: a basis.
                '年' => match (prev2, prev) {
                    (_, Some('上' | '去' | '半' | '全')) | (Some('上' | '前'), Some('一')) => {
                        (token, period) = (true, true)
                    }
                    (_, Some('今' | '本' | '两' | '兩')) => token = true,
                    _ => {}
                },
                // `10 月`, `十一月`, `前 11 个月`, `当月`.
                '月' => {
                    let before = s[..i].trim_end().chars().next_back();
                    if before.is_some_and(|p| {
                        p.is_numeric()
                            || matches!(
                                p,
                                '一' | '二'
                                    | '三'
                                    | '四'
                                    | '五'
                                    | '六'
                                    | '七'
                                    | '八'
                                    | '九'
                                    | '十'
                                    | '个'
                                    | '個'
                                    | '当'
                            )
                    }) {
                        (token, period) = (true, true);
                    }
                }
                _ => {}
            }
            prev2 = prev;
            prev = Some(c);
        }
        if out.letters && !period && english_may_cue(&out.chars) {
            let en = english_cues(s);
            token |= en.token;
            period |= en.period;
        }
        out.cues = Cues { token, period };
        out
    }

    fn same_scan(s: &str) -> Result<(), String> {
        let (new, old) = (scan(s), scan_reference(s));
        let same = (new.cjk, new.letters, new.cues) == (old.cjk, old.letters, old.cues)
            && s.chars().all(|c| new.chars.may_contain(c));
        if same {
            Ok(())
        } else {
            Err(format!("scan differs on `{s}`"))
        }
    }

    #[test]
    fn the_scan_agrees_with_the_char_by_char_scan_on_every_fixture_sentence() {
        for s in sentences() {
            same_scan(&s).unwrap();
        }
    }

    /// Pieces that hit every arm of the scan's match, and their neighbours.
    const PIECES: &[&str] = &[
        "比", "较", "較", "均", "環", "每", "产", "產", "单", "單", "亩", "畝", "增", "減", "年",
        "月", "季", "名", "义", "目", "现", "价", "現", "價", "实", "际", "實", "際", "扣", "除",
        "不", "变", "變", "届", "屆", "上", "去", "半", "全", "一", "前", "今", "本", "两", "兩",
        "十", "个", "個", "当", "3", " ", "\u{3000}", "\u{212A}", "\u{17F}", "a", "Q", "year",
        "month", "per", "share", "é", "😀", "，", "中", "国",
    ];

    proptest::proptest! {
        #[test]
        fn the_scan_agrees_with_the_char_by_char_scan(
            picks in proptest::collection::vec(0usize..66, 0..30),
        ) {
            let s: String = picks.iter().map(|&k| PIECES[k % PIECES.len()]).collect();
            proptest::prop_assert!(same_scan(&s).is_ok(), "{}", s);
        }

        #[test]
        fn the_scan_agrees_on_any_text(s in "\\PC{0,40}") {
            proptest::prop_assert!(same_scan(&s).is_ok(), "{}", s);
        }
    }

    /// The clause breaks, quotation marks and first `，据` as `facts_of_sentence` found them
    /// in a pass of its own before the scan found them: the reference.
    fn marks_reference(s: &str) -> (Vec<Span>, Vec<(usize, char)>, Option<usize>) {
        let (mut breaks, mut quotes, mut comma_ju) = (Vec::new(), Vec::new(), None);
        for (i, c) in s.char_indices() {
            if is_clause_break(s, i, c) {
                if c == '，' && comma_ju.is_none() && s[i + c.len_utf8()..].starts_with('据') {
                    comma_ju = Some(i + "，据".len());
                }
                breaks.push(Span::new(7 + i, 7 + i + c.len_utf8()));
            } else if matches!(c, '“' | '”' | '"') {
                quotes.push((7 + i, c));
            }
        }
        (breaks, quotes, comma_ju)
    }

    fn same_marks(s: &str) -> Result<(), String> {
        let (mut breaks, mut quotes) = (Vec::new(), Vec::new());
        let mut marks = Marks {
            base: 7,
            breaks: Some(&mut breaks),
            quotes: Some(&mut quotes),
            comma_ju: None,
            starts: None,
        };
        let marked = scan_marking::<true>(s, &mut marks);
        let comma_ju = marks.comma_ju;
        let plain = scan(s);
        let same = (breaks, quotes, comma_ju) == marks_reference(s)
            && (marked.cjk, marked.letters, marked.cues.token)
                == (plain.cjk, plain.letters, plain.cues.token)
            && (plain.english_words || !marked.english_words)
            && (marked.chars.ascii, marked.chars.bloom) == (plain.chars.ascii, plain.chars.bloom);
        if same {
            Ok(())
        } else {
            Err(format!("marks differ on `{s}`"))
        }
    }

    #[test]
    fn the_marks_agree_with_their_own_pass_on_every_fixture_sentence() {
        for s in sentences() {
            same_marks(&s).unwrap();
        }
    }

    const MARK_PIECES: &[&str] = &[
        "，", "，据", "据", "；", "：", "、", "（", "）", "(", ")", ",", "1", "2", ";", ":", "\"",
        "“", "”", "’", "—", "。", "增长", "GDP", " ", "é", "😀", "\u{3000}", "．", "＂",
    ];

    proptest::proptest! {
        #[test]
        fn the_marks_agree_with_their_own_pass(
            picks in proptest::collection::vec(0usize..100, 0..30),
        ) {
            let s: String = picks.iter().map(|&k| MARK_PIECES[k % MARK_PIECES.len()]).collect();
            proptest::prop_assert!(same_marks(&s).is_ok(), "{}", s);
        }

        #[test]
        fn the_marks_agree_on_any_text(s in "\\PC{0,40}") {
            proptest::prop_assert!(same_marks(&s).is_ok(), "{}", s);
        }
    }

    #[test]
    fn the_cues_never_hide_a_period_or_basis_word() {
        let mut extra: Vec<String> = [
            "比上年同期增长 5%",
            "环比下降 3%",
            "按现价计算",
            "扣除价格因素实际增长 4.1%",
            "按不变价格计算",
            "两年平均增长 6%",
            "人均收入",
            "较 2019 年同期",
            "去年全年",
            "上一年",
            "前一年的 12 亿元",
            "上届",
            "上赛季",
            "本赛季",
            "今年",
            "前 11 个月",
            "前十一个月",
            "1 至 10 月份",
            "前三季度",
            "上半年",
            "下半年",
            "第三季度",
            "当月",
            "十二月",
            "7 月",
            "up 4% year over year",
            "from the prior fiscal year",
            "sequentially",
            "in real terms",
            "per capita",
            "like-for-like",
            "last season",
            "the first nine months",
            "the second half",
            "for the year",
            "in Q3",
            "in the third quarter",
            "in September",
            "\u{17F}eason",
        ]
        .map(String::from)
        .to_vec();
        extra.extend(sentences());
        let mut seen = 0;
        for s in &extra {
            let found = forced(s);
            if found.is_empty() {
                continue;
            }
            seen += 1;
            let cues = scan(s).cues;
            assert!(cues.token, "no cue for the words of `{s}`: {found:?}");
            let period = found
                .iter()
                .any(|t| matches!(t, Token::Previous | Token::Part(_)));
            assert!(!period || cues.period, "no period cue for `{s}`: {found:?}");
        }
        assert!(
            seen > 100,
            "only {seen} sentences with period or basis words"
        );
    }

    proptest::proptest! {
        #[test]
        fn covering_a_words_set_is_holding_the_word(text in "\\PC{0,30}", word in "[a-zA-Z年月\\u{212A} ]{0,6}") {
            let set = scan(&text).chars;
            let of = CharSet::of(&word);
            proptest::prop_assert_eq!(set.covers(&of), set.may_hold(&word));
            proptest::prop_assert_eq!(set.covers_word(&WordSet::of(&word)), set.may_hold(&word));
            proptest::prop_assert_eq!(set.covers_ci(&of), set.may_hold_ci(&word));
        }
    }

    /// `ascii_stretches` as it was, a byte at a time over the bytes beyond ASCII.
    fn ascii_stretches_reference(s: &str) -> Vec<std::ops::Range<usize>> {
        let bytes = s.as_bytes();
        let (mut i, mut out) = (0, Vec::new());
        while i < bytes.len() {
            while i < bytes.len() && bytes[i] >= 0x80 {
                i += 1;
            }
            let start = i;
            let mut letter = false;
            while i < bytes.len() && bytes[i] < 0x80 {
                letter |= bytes[i].is_ascii_alphabetic();
                i += 1;
            }
            if letter {
                out.push(start..i);
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_stretches_agree_with_the_byte_by_byte_walk(
            picks in proptest::collection::vec(0usize..66, 0..30),
            any in "\\PC{0,40}",
        ) {
            let s: String = picks.iter().map(|&k| PIECES[k % PIECES.len()]).collect();
            for t in [s.as_str(), any.as_str()] {
                let found: Vec<_> = ascii_stretches(t).collect();
                proptest::prop_assert_eq!(found, ascii_stretches_reference(t));
            }
        }
    }

    #[test]
    fn the_set_holds_every_character() {
        let s = "全市地区生产总值 4,126 亿元, net sales";
        let set = scan(s).chars;
        assert!(s.chars().all(|c| set.may_contain(c)));
        assert!(set.may_hold("总值") && set.may_hold_ci("NET"));
        assert!(contains_ci(s, "Net Sales") && !contains_ci(s, "revenue"));
    }
}
