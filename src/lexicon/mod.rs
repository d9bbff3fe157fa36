//! The word tables that the analysis stage and the checks share: data only, no logic but the
//! small matchers that read them.
//!
//! The extractor's own tables (units, currencies, hedges written next to a number) stay in
//! `extract/lexicon.rs`; the tables here are read by the stages after it, and the hedge words
//! they need are the extractor's, read through `HEDGE_WORDS` (one list, not a copy). Each table is
//! kept normalised by the tests below: sorted where the order carries no meaning, free of
//! duplicates, no entry with surrounding space. Matching never depends on a table's order
//! (leftmost-longest, see `Matcher`), so every table can stay sorted.

mod checks;
mod period;
mod words;

pub use checks::{
    CHANGE_WORDS, COMPARATIVES, COMPARISON_MARKERS, CONNECTIVES, Change, Comparative, Direction,
    FILLERS, HEDGE_WORDS, LOOSENING_WORDS, MORE_CHANGE_WORDS, RELATION_STARTS,
    is_comparison_marker,
};
pub use period::{BASES, COMPARISONS, COPULAS, MEASURES, MONTH_SPANS, RELATIVE_YEARS};
pub use words::Matcher;

/// What a basis word says about how a figure is computed (`同比`, `nominal`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Basis {
    /// 同比, year-on-year: against the same period a year before.
    YearOnYear,
    /// 环比, quarter-on-quarter, month-on-month: against the period just before.
    Sequential,
    /// 累计, cumulative, year-to-date: summed since the start of the year.
    Cumulative,
    /// 两年平均: the average yearly rate over two years.
    TwoYearAverage,
    /// 年化, annualised.
    Annualized,
    /// 名义, nominal: in current prices.
    Nominal,
    /// 实际, real: in constant prices.
    Real,
}

impl Basis {
    pub const ALL: [Basis; 7] = [
        Basis::YearOnYear,
        Basis::Sequential,
        Basis::Cumulative,
        Basis::TwoYearAverage,
        Basis::Annualized,
        Basis::Nominal,
        Basis::Real,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Basis::YearOnYear => "year_on_year",
            Basis::Sequential => "sequential",
            Basis::Cumulative => "cumulative",
            Basis::TwoYearAverage => "two_year_average",
            Basis::Annualized => "annualized",
            Basis::Nominal => "nominal",
            Basis::Real => "real",
        }
    }

    /// Whether the basis qualifies a rate only (a growth rate is year-on-year; a level is
    /// not), as opposed to any figure (a cumulative level, a nominal amount).
    pub fn rates_only(self) -> bool {
        matches!(
            self,
            Basis::YearOnYear | Basis::Sequential | Basis::TwoYearAverage | Basis::Annualized
        )
    }
}

/// `s` without the suffix `w`, if it ends so. The last byte is compared first: the word
/// lists are scanned for every figure, and most words fail there without a call to compare.
pub fn strip_suffix<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    if s.as_bytes().last() != w.as_bytes().last() {
        return None;
    }
    s.strip_suffix(w)
}

/// `s` with trailing white space and any of `words` removed from its end, repeatedly. A
/// Latin word is stripped only at a word boundary (`moreover` does not end in `over`).
pub fn strip_words<'a>(s: &'a str, words: &[&str]) -> &'a str {
    let s = s.trim_end();
    // Most texts end in no word of the list: one byte compare per word turns them away.
    let last = s.as_bytes().last();
    if !words.iter().any(|w| w.as_bytes().last() == last) {
        return s;
    }
    strip_each(s, |_| words)
}

/// A word list indexed by each word's last byte, for `strip_words` on a hot path: only the
/// words that may end the text are tried, in the list's order.
pub struct Suffixes {
    buckets: Vec<Vec<&'static str>>,
}

impl Suffixes {
    pub fn new(words: &[&'static str]) -> Suffixes {
        let mut buckets = vec![Vec::new(); 256];
        for w in words {
            if let Some(&b) = w.as_bytes().last() {
                buckets[usize::from(b)].push(*w);
            }
        }
        Suffixes { buckets }
    }
}

/// `strip_words` with an indexed list: the same result, without a pass over the whole
/// list for every word stripped.
pub fn strip_suffixes<'a>(s: &'a str, words: &Suffixes) -> &'a str {
    strip_each(s.trim_end(), |last| &words.buckets[usize::from(last)])
}

/// Strips from the end of `s` (trimmed) the first of `candidates(last byte)` that ends it,
/// again and again. A Latin word is stripped only at a word boundary.
fn strip_each<'a, 'w>(mut s: &'a str, candidates: impl Fn(u8) -> &'w [&'w str]) -> &'a str {
    'again: loop {
        let Some(&last) = s.as_bytes().last() else {
            return s;
        };
        for w in candidates(last) {
            if let Some(rest) = strip_suffix(s, w) {
                let latin = w.chars().all(|c| c.is_ascii_alphabetic());
                if latin && rest.chars().last().is_some_and(|c| c.is_ascii_alphabetic()) {
                    continue;
                }
                s = rest.trim_end();
                continue 'again;
            }
        }
        return s;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn strip_suffixes_is_strip_words(
            s in "[ a-zA-Z约近超过逾多余左右上下以至少about nearly over的了]{0,24}"
        ) {
            let set = Suffixes::new(&HEDGE_WORDS);
            proptest::prop_assert_eq!(strip_suffixes(&s, &set), strip_words(&s, &HEDGE_WORDS));
        }
    }

    #[test]
    fn strip_suffixes_is_strip_words_on_every_hedge() {
        let set = Suffixes::new(&HEDGE_WORDS);
        for w in HEDGE_WORDS.iter() {
            for s in [
                format!("增长{w}"),
                format!("增长 {w} {w}"),
                format!("rose{w}"),
                format!("rose {w}"),
                w.to_string(),
            ] {
                assert_eq!(
                    strip_suffixes(&s, &set),
                    strip_words(&s, &HEDGE_WORDS),
                    "{s:?}"
                );
            }
        }
    }

    /// Sorted, no duplicates, no surrounding space, not empty.
    pub(crate) fn assert_normalised<T>(name: &str, table: &[T], word: impl Fn(&T) -> &str) {
        for pair in table.windows(2) {
            let (a, b) = (word(&pair[0]), word(&pair[1]));
            assert!(
                a < b,
                "{name}: `{a}` and `{b}` are out of order or repeated"
            );
        }
        for entry in table {
            let w = word(entry);
            assert!(!w.is_empty(), "{name}: an empty entry");
            assert_eq!(w, w.trim(), "{name}: `{w}` has surrounding space");
        }
    }

    #[test]
    fn analysis_tables_are_normalised() {
        assert_normalised("BASES", BASES, |e| e.0);
        assert_normalised("MEASURES", MEASURES, |e| e.0);
        assert_normalised("MONTH_SPANS", MONTH_SPANS, |e| e.0);
        assert_normalised("RELATIVE_YEARS", RELATIVE_YEARS, |e| e.0);
        assert_normalised("COPULAS", COPULAS, |e| e);
        assert_normalised("COMPARISONS", COMPARISONS, |e| e.0);
    }

    #[test]
    fn check_tables_are_normalised() {
        assert_normalised("CHANGE_WORDS", CHANGE_WORDS, |e| e.0);
        assert_normalised("MORE_CHANGE_WORDS", MORE_CHANGE_WORDS, |e| e.0);
        for (w, _) in MORE_CHANGE_WORDS {
            assert!(
                !CHANGE_WORDS.iter().any(|c| c.0 == *w),
                "`{w}` is in CHANGE_WORDS already"
            );
        }
        assert_normalised("COMPARATIVES", COMPARATIVES, |e| e.0);
        assert_normalised("FILLERS", FILLERS, |e| e);
        assert_normalised("CONNECTIVES", CONNECTIVES, |e| e);
        assert_normalised("RELATION_STARTS", RELATION_STARTS, |e| e);
        for (c, before, after) in COMPARISON_MARKERS {
            for set in [before, after] {
                let chars: Vec<char> = set.chars().collect();
                assert!(chars.windows(2).all(|w| w[0] < w[1]), "{c}: `{set}`");
            }
        }
    }

    #[test]
    fn no_word_is_in_two_tables_that_are_stripped_together() {
        // A connective or filler that is also a hedge would be listed twice.
        for w in CONNECTIVES.iter().chain(FILLERS) {
            assert!(!HEDGE_WORDS.contains(w), "`{w}` is a hedge word already");
        }
        for w in COMPARATIVES
            .iter()
            .map(|e| e.0)
            .chain(COPULAS.iter().copied())
        {
            assert!(
                !CHANGE_WORDS.iter().any(|c| c.0 == w),
                "`{w}` is a change word already"
            );
        }
    }

    #[test]
    fn comparison_markers_skip_words_that_contain_them() {
        let at = |s: &str, c: char| is_comparison_marker(s, s.find(c).unwrap());
        assert!(!at("这一比例", '比'));
        assert!(!at("与去年相比", '比'));
        assert!(!at("较为明显", '较'));
        assert!(!at("较高", '较'));
        assert!(at("比去年", '比'));
        assert!(at("较 2022 年", '较'));
    }

    #[test]
    fn english_entries_are_lower_case() {
        // The matchers compare ASCII without regard to case, against lower-case entries.
        for w in BASES
            .iter()
            .map(|e| e.0)
            .chain(MEASURES.iter().map(|e| e.0))
            .chain(MONTH_SPANS.iter().map(|e| e.0))
            .chain(RELATIVE_YEARS.iter().map(|e| e.0))
            .chain(COPULAS.iter().copied())
            .chain(COMPARISONS.iter().map(|e| e.0))
            .chain(CHANGE_WORDS.iter().map(|e| e.0))
            .chain(FILLERS.iter().copied())
            .chain(CONNECTIVES.iter().copied())
            .chain(RELATION_STARTS.iter().copied())
        {
            assert_eq!(w, w.to_ascii_lowercase(), "`{w}`");
        }
    }
}
