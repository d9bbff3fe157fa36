//! The word tables that the analysis stage and the checks share: data only, no logic but the
//! small matchers that read them.
//!
//! The extractor's own tables (units, currencies, hedges written next to a number) stay in
//! `extract/lexicon.rs`; the tables here are read by the stages after it. Each table is
//! kept normalised by the tests below: sorted where the order carries no meaning, free of
//! duplicates, no entry with surrounding space. Matching never depends on a table's order
//! (leftmost-longest, see `Matcher`), so every table can stay sorted.

mod period;
mod words;

pub use period::{BASES, COMPARISONS, MEASURES, MONTH_SPANS, PREDICATES, RELATIVE_YEARS};
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_normalised("PREDICATES", PREDICATES, |e| e.0);
        assert_normalised("COMPARISONS", COMPARISONS, |e| e.0);
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
            .chain(PREDICATES.iter().map(|e| e.0))
            .chain(COMPARISONS.iter().map(|e| e.0))
        {
            assert_eq!(w, w.to_ascii_lowercase(), "`{w}`");
        }
    }
}
