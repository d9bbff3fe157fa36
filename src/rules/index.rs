//! The per-file indexes that make many rules cost one pass: compiled claims and terms in,
//! Aho-Corasick automata out (one over the claims' template anchors, one over the terms'
//! wrong words), each with the table from pattern id back to the rules that own it.

use std::collections::BTreeMap;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, Match, MatchKind, Span, packed,
};

use super::{Claim, Matcher, Term};

/// Every occurrence of a set of literals, overlapping ones included.
///
/// A plain overlapping DFA search reads every byte through a chain of dependent table
/// lookups (about 700 MB/s here), and the library's rare-byte prefilter misjudges Chinese
/// text (see `build`). Where the CPU has it, a SIMD Teddy search finds where any literal
/// starts (it looks at a literal's first three bytes: a whole CJK character); the DFA then
/// reads only the stretch from such a start to the end of the longest literal that could
/// begin inside it. Every occurrence lies inside one stretch, and a stretch's occurrences
/// come out as the whole-text search gives them, so the result is the same.
#[derive(Debug, Clone)]
pub(crate) struct Literals {
    dfa: AhoCorasick,
    starts: Option<packed::Searcher>,
    longest: usize,
}

impl Literals {
    /// Every occurrence in `haystack`, ordered by end as an overlapping search gives them.
    pub(crate) fn occurrences(&self, haystack: &str) -> Vec<Match> {
        let Some(starts) = &self.starts else {
            return self.dfa.find_overlapping_iter(haystack).collect();
        };
        let len = haystack.len();
        let first_start = |from: usize| {
            (from < len)
                .then(|| starts.find_in(haystack, Span::from(from..len)))
                .flatten()
                .map(|m| m.start())
        };
        let mut out = Vec::new();
        let mut next = first_start(0);
        while let Some(start) = next {
            // Grow the stretch while another literal starts before its end.
            let mut end = start + self.longest;
            next = first_start(start + 1);
            while let Some(s) = next.filter(|&s| s < end) {
                end = end.max(s + self.longest);
                next = first_start(s + 1);
            }
            let input = Input::new(haystack).span(start..end.min(len));
            out.extend(self.dfa.find_overlapping_iter(input));
        }
        out
    }
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
    let literals = build(&anchors, false).map(|dfa| Literals {
        dfa,
        starts: packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostFirst)
            .builder()
            .extend(&anchors)
            .build(),
        longest: anchors.iter().map(String::len).max().unwrap_or(0),
    });
    (literals, owners)
}

/// One automaton over every term's words, ASCII case folded (case-sensitive terms are
/// re-checked on each hit).
pub(super) fn term_index(terms: &[Term]) -> (Option<AhoCorasick>, Vec<Vec<(usize, usize)>>) {
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
    (build(&words, true), owners)
}

/// A full DFA (one table lookup per byte whatever the number of patterns, which is what keeps
/// 1,000 terms close to the cost of 10), or the library's own choice if the DFA would be too
/// large. Overlapping search needs `MatchKind::Standard`.
///
/// The library's prefilter jumps between occurrences of a few bytes it ranks as rare, by a
/// frequency table made for English and code. In Chinese text the UTF-8 bytes of CJK
/// characters are everywhere, so with CJK patterns its jumps land every few bytes and the
/// search runs at half the speed of the plain DFA (measured: 1,000 mixed terms 237 → 447
/// MB/s, the bundled claims' anchors 94 → 137 MB/s without it). It is kept for all-ASCII
/// pattern sets, where its table holds.
fn build(patterns: &[String], ascii_case_insensitive: bool) -> Option<AhoCorasick> {
    let mut builder = AhoCorasickBuilder::new();
    builder
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(ascii_case_insensitive)
        .prefilter(patterns.iter().all(|p| p.is_ascii()));
    builder
        .clone()
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .or_else(|_| builder.build(patterns))
        .ok()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const PIECES: &[&str] = &["，", "较", "2022", "年", "下降", "约", "a", "b", " ", "ab"];

    fn text(tokens: &[usize]) -> String {
        tokens.iter().map(|&t| PIECES[t % PIECES.len()]).collect()
    }

    fn literals(patterns: &[String]) -> Option<Literals> {
        let dfa = build(patterns, false)?;
        let starts = packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostFirst)
            .builder()
            .extend(patterns)
            .build();
        let longest = patterns.iter().map(String::len).max().unwrap_or(0);
        Some(Literals {
            dfa,
            starts,
            longest,
        })
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
            let whole: Vec<Match> = lit.dfa.find_overlapping_iter(hay.as_str()).collect();
            prop_assert_eq!(triples(&lit.occurrences(&hay)), triples(&whole));
        }
    }

    #[test]
    fn anchors_that_overlap_are_all_found() {
        let patterns = vec!["，较".to_string(), "较2022年".to_string(), "年".to_string()];
        let lit = literals(&patterns).expect("builds");
        if cfg!(target_arch = "x86_64") {
            assert!(lit.starts.is_some(), "Teddy is used where the CPU has it");
        }
        let hay = format!("{}，较2022年下降约 20%{}", "x".repeat(70), "y".repeat(70));
        let found = triples(&lit.occurrences(&hay));
        let whole: Vec<Match> = lit.dfa.find_overlapping_iter(hay.as_str()).collect();
        assert_eq!(found, triples(&whole));
        assert_eq!(found.len(), 3);
    }
}
