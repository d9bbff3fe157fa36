//! The per-file indexes that make many rules cost one pass: compiled claims and terms in,
//! Aho-Corasick automata out (one over the claims' template anchors, one over the terms'
//! wrong words, each searched by a SIMD key search first), each with the table from pattern
//! id back to the rules that own it.

use std::collections::BTreeMap;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, Match, MatchKind, Span, packed,
};

use super::{Claim, Matcher, Term};

/// Every occurrence of a set of literals, overlapping ones included.
///
/// A plain overlapping DFA search reads every byte through a chain of dependent table
/// lookups (about 700 MB/s here), and the library's rare-byte prefilter misjudges Chinese
/// text (see `build`). Where the CPU has it, a SIMD Teddy search looks instead for a
/// *key* of each literal: the rest of the literal from its first character that is not one
/// of the most common (`COMMON`), since Teddy tells candidates apart by a key's first
/// three bytes and `的` or `，` would stop it every few characters. The DFA then reads only
/// the stretch around each key found: from the farthest a literal can start before its key
/// to the end of the longest literal that could begin there. Every occurrence lies inside
/// one stretch, and a stretch's occurrences come out as the whole-text search gives them,
/// so the result is the same whatever keys are chosen.
#[derive(Debug, Clone)]
pub(crate) struct Literals {
    automaton: AhoCorasick,
    keys: Option<packed::Searcher>,
    /// The largest offset of a key inside its literal.
    back: usize,
    longest: usize,
}

/// Characters too frequent in Chinese and English prose to make a good key.
const COMMON: &[char] = &[
    '的', '了', '是', '在', '和', '有', '一', '个', '人', '年', '国', '为', '与', '中', '占', '以',
    '及', '等', '而', '也', '这', '其', '之', '上', '下', '大', '，', '。', '、', '（', '）', '：',
    '；', '“', '”',
];

/// Teddy takes fewer keys than this.
const KEY_LIMIT: usize = 128;

/// The most ASCII letters a case-folded key keeps: each doubles the key's spellings, and
/// Teddy takes fewer than `KEY_LIMIT` keys in all.
const FOLDED_LETTERS: usize = 4;

impl Literals {
    /// `fold`: the automaton ignores ASCII case, so each key is given in every spelling of
    /// its first few letters. Any prefix of a key is a key too (the stretch around it still
    /// holds the whole literal), so keys may be cut short.
    fn new(patterns: &[String], fold: bool) -> Option<Literals> {
        let offsets: Vec<usize> = patterns
            .iter()
            .map(|p| {
                p.char_indices()
                    .find(|&(_, c)| {
                        !(c.is_ascii_punctuation() || c.is_whitespace() || COMMON.contains(&c))
                    })
                    .map_or(0, |(i, _)| i)
            })
            .collect();
        let mut keys: Vec<Vec<u8>> = Vec::new();
        for (p, &k) in patterns.iter().zip(&offsets) {
            let key = &p.as_bytes()[k..];
            if fold && key.iter().any(u8::is_ascii_alphabetic) {
                keys.extend(spellings(key));
            } else {
                keys.push(key.to_vec());
            }
        }
        keys.sort_unstable();
        keys.dedup();
        // Past Teddy's limit, keys cut to the bytes Teddy tells them apart by may merge
        // (a thousand words sharing a few first characters); the DFA then reads more
        // stretches, but far less than the whole text.
        for cut in [4, 3] {
            if keys.len() < KEY_LIMIT {
                break;
            }
            for key in &mut keys {
                key.truncate(cut);
            }
            keys.dedup();
        }
        let keys = (keys.len() < KEY_LIMIT)
            .then(|| {
                packed::Config::new()
                    .match_kind(packed::MatchKind::LeftmostFirst)
                    .builder()
                    .extend(&keys)
                    .build()
            })
            .flatten();
        Some(Literals {
            automaton: build(patterns, fold, keys.is_some())?,
            keys,
            back: offsets.iter().copied().max().unwrap_or(0),
            longest: patterns.iter().map(String::len).max().unwrap_or(0),
        })
    }

    /// Every occurrence in `haystack`, ordered by end as an overlapping search gives them.
    pub(crate) fn occurrences(&self, haystack: &str) -> Vec<Match> {
        let Some(keys) = &self.keys else {
            return self.automaton.find_overlapping_iter(haystack).collect();
        };
        let len = haystack.len();
        let next_key = |from: usize| {
            (from < len)
                .then(|| keys.find_in(haystack, Span::from(from..len)))
                .flatten()
                .map(|m| m.start())
        };
        let mut out = Vec::new();
        let mut scan = |from: usize, to: usize| {
            let input = Input::new(haystack).span(from..to.min(len));
            out.extend(self.automaton.find_overlapping_iter(input));
        };
        // The stretch being grown, emitted once the next key lies beyond it.
        let mut open: Option<(usize, usize)> = None;
        let mut key = next_key(0);
        while let Some(k) = key {
            let (from, to) = (k.saturating_sub(self.back), k + self.longest);
            open = match open {
                Some((start, end)) if from < end => Some((start, end.max(to))),
                Some((start, end)) => {
                    scan(start, end);
                    Some((from, to))
                }
                None => Some((from, to)),
            };
            key = next_key(k + 1);
        }
        if let Some((start, end)) = open {
            scan(start, end);
        }
        out
    }
}

/// Every ASCII-case spelling of the start of `key`, cut after its `FOLDED_LETTERS`th letter.
fn spellings(key: &[u8]) -> Vec<Vec<u8>> {
    let mut letters = 0;
    let end = key
        .iter()
        .position(|b| {
            letters += usize::from(b.is_ascii_alphabetic());
            letters > FOLDED_LETTERS
        })
        .unwrap_or(key.len());
    let mut out: Vec<Vec<u8>> = vec![Vec::with_capacity(end)];
    for &b in &key[..end] {
        if b.is_ascii_alphabetic() {
            let upper: Vec<Vec<u8>> = out
                .iter()
                .map(|s| {
                    let mut s = s.clone();
                    s.push(b.to_ascii_uppercase());
                    s
                })
                .collect();
            for s in &mut out {
                s.push(b.to_ascii_lowercase());
            }
            out.extend(upper);
        } else {
            for s in &mut out {
                s.push(b);
            }
        }
    }
    out
}

/// One automaton over the distinct anchors of all template claims.
pub(super) fn claim_index(claims: &[Claim]) -> (Option<Literals>, Vec<Vec<usize>>) {
    let mut anchors: Vec<String> = Vec::new();
    let mut owners: Vec<Vec<usize>> = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        if let Matcher::Template(t) = &claim.matcher {
            let a = t.anchor_text();
            match anchors.iter().position(|x| x == a) {
                Some(k) => owners[k].push(i),
                None => {
                    anchors.push(a.to_string());
                    owners.push(vec![i]);
                }
            }
        }
    }
    if anchors.is_empty() {
        return (None, owners);
    }
    let literals = Literals::new(&anchors, false);
    (literals, owners)
}

/// One automaton over every term's words, ASCII case folded (case-sensitive terms are
/// re-checked on each hit).
pub(super) fn term_index(terms: &[Term]) -> (Option<Literals>, Vec<Vec<(usize, usize)>>) {
    let mut words: Vec<String> = Vec::new();
    let mut owners: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (t, term) in terms.iter().enumerate() {
        for (w, word) in term.instead_of.iter().enumerate() {
            let key = word.to_ascii_lowercase();
            match seen.get(&key) {
                Some(&k) => owners[k].push((t, w)),
                None => {
                    seen.insert(key.clone(), words.len());
                    words.push(key);
                    owners.push(vec![(t, w)]);
                }
            }
        }
    }
    if words.is_empty() {
        return (None, owners);
    }
    let literals = Literals::new(&words, true);
    (literals, owners)
}

/// A full DFA (one table lookup per byte whatever the number of patterns, which is what keeps
/// 1,000 terms close to the cost of 10), or the library's own choice if the DFA would be too
/// large. Overlapping search needs `MatchKind::Standard`.
///
/// With `keyed` (a Teddy searcher finds the keys and the automaton reads only the short
/// stretches around them) the contiguous NFA is built instead: it builds in a fraction of
/// the time, which was a fifth of the start-up of checking one article with its rule file
/// (the bundled claims: 13 of 64 million instructions for the DFAs), and on the short
/// stretches it reads as fast (1,000 random terms over the benchmark corpus: the same CPU
/// as with the DFA).
///
/// The library's prefilter jumps between occurrences of a few bytes it ranks as rare, by a
/// frequency table made for English and code. In Chinese text the UTF-8 bytes of CJK
/// characters are everywhere, so with CJK patterns its jumps land every few bytes and the
/// search runs at half the speed of the plain DFA (measured: 1,000 mixed terms 237 → 447
/// MB/s, the bundled claims' anchors 94 → 137 MB/s without it). It is kept for all-ASCII
/// pattern sets, where its table holds.
fn build(patterns: &[String], ascii_case_insensitive: bool, keyed: bool) -> Option<AhoCorasick> {
    let mut builder = AhoCorasickBuilder::new();
    builder
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(ascii_case_insensitive)
        .prefilter(patterns.iter().all(|p| p.is_ascii()));
    // A DFA's build time grows with states × byte classes, and a single term with tens of
    // thousands of long words took seconds to load (issue 12, item 4). Past `DFA_BYTES` of
    // patterns the contiguous NFA is built instead, in time linear in the patterns.
    let total: usize = patterns.iter().map(String::len).sum();
    let kind = if total <= DFA_BYTES && !keyed {
        AhoCorasickKind::DFA
    } else {
        AhoCorasickKind::ContiguousNFA
    };
    builder
        .clone()
        .kind(Some(kind))
        .build(patterns)
        .or_else(|_| builder.build(patterns))
        .ok()
}

/// The most pattern bytes given to a DFA (1,000 terms of 20 words each fit).
const DFA_BYTES: usize = 256 * 1024;

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const PIECES: &[&str] = &[
        "，", "较", "2022", "年", "的", "约", "a", "b", " ", "ab", "B", "aBcDeF",
    ];

    fn text(tokens: &[usize]) -> String {
        tokens.iter().map(|&t| PIECES[t % PIECES.len()]).collect()
    }

    fn literals(patterns: &[String]) -> Option<Literals> {
        Literals::new(patterns, false)
    }

    fn folded(patterns: &[String]) -> Option<Literals> {
        let lower: Vec<String> = patterns.iter().map(|p| p.to_ascii_lowercase()).collect();
        Literals::new(&lower, true)
    }

    fn triples(ms: &[Match]) -> Vec<(usize, usize, usize)> {
        ms.iter()
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// The stretch search gives exactly what one overlapping pass over the whole text
        /// gives, in the same order, including literals that overlap or contain each other.
        #[test]
        fn stretches_find_what_the_whole_text_search_finds(
            words in prop::collection::vec(prop::collection::vec(0usize..10, 1..4), 1..8),
            hay in prop::collection::vec(0usize..10, 0..400),
        ) {
            let mut patterns: Vec<String> = words.iter().map(|w| text(w)).collect();
            patterns.sort();
            patterns.dedup();
            let hay = text(&hay);
            let lit = literals(&patterns).expect("builds");
            let whole: Vec<Match> = lit.automaton.find_overlapping_iter(hay.as_str()).collect();
            prop_assert_eq!(triples(&lit.occurrences(&hay)), triples(&whole));
        }

        /// The same with ASCII case ignored: the keys' spellings find every occurrence.
        #[test]
        fn folded_stretches_find_what_the_whole_text_search_finds(
            words in prop::collection::vec(prop::collection::vec(0usize..12, 1..4), 1..8),
            hay in prop::collection::vec(0usize..12, 0..400),
        ) {
            let patterns: Vec<String> = words.iter().map(|w| text(w)).collect();
            let mut lower: Vec<String> = patterns.iter().map(|p| p.to_ascii_lowercase()).collect();
            lower.sort();
            lower.dedup();
            let hay = text(&hay);
            let lit = folded(&lower).expect("builds");
            let whole: Vec<Match> = lit.automaton.find_overlapping_iter(hay.as_str()).collect();
            prop_assert_eq!(triples(&lit.occurrences(&hay)), triples(&whole));
        }
    }

    #[test]
    fn folded_keys_spell_every_case_of_their_first_letters() {
        let s = spellings(b"ab-cdef");
        assert_eq!(s.len(), 16);
        assert!(s.contains(&b"Ab-cD".to_vec()));
        let lit = folded(&["LPSOS".to_string()]).expect("builds");
        if cfg!(target_arch = "x86_64") {
            assert!(
                lit.keys.is_some(),
                "a folded key set stays small enough for Teddy"
            );
        }
        let found = triples(&lit.occurrences("helpsos lPsOs LPSOS"));
        assert_eq!(found, vec![(0, 2, 7), (0, 8, 13), (0, 14, 19)]);
    }

    #[test]
    fn many_keys_are_cut_to_fit_teddy_and_find_the_same() {
        let words: Vec<String> = (0..400)
            .map(|i| {
                if i % 2 == 0 {
                    format!("word{i}x")
                } else {
                    format!("指标{i}乙")
                }
            })
            .collect();
        let lit = folded(&words).expect("builds");
        if cfg!(target_arch = "x86_64") {
            assert!(lit.keys.is_some(), "shared first bytes leave few keys");
        }
        let hay: String = (0..300)
            .map(|i| format!("WORD{i}X 的指标{i}乙，word{i} 指标{i}甲 "))
            .collect();
        let found = triples(&lit.occurrences(&hay));
        let whole: Vec<Match> = lit.automaton.find_overlapping_iter(hay.as_str()).collect();
        assert_eq!(found, triples(&whole));
        assert!(found.len() >= 300, "{}", found.len());
    }

    #[test]
    fn anchors_that_overlap_are_all_found() {
        let patterns = vec![
            "，较".to_string(),
            "的较2022年".to_string(),
            "年".to_string(),
        ];
        let lit = literals(&patterns).expect("builds");
        if cfg!(target_arch = "x86_64") {
            assert!(lit.keys.is_some(), "Teddy is used where the CPU has it");
        }
        let hay = format!(
            "{}，较，的较2022年下降约 20%{}",
            "x".repeat(70),
            "y".repeat(70)
        );
        let found = triples(&lit.occurrences(&hay));
        let whole: Vec<Match> = lit.automaton.find_overlapping_iter(hay.as_str()).collect();
        assert_eq!(found, triples(&whole));
        assert_eq!(found.len(), 3, "{found:?}");
    }
}
