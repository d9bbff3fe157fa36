//! What the extractor produces: one `Mention` per number in the prose.

use std::borrow::Cow;

use crate::eval::Interval;
use crate::source::Span;

/// Declares `Kind` from one line per kind, `Variant = "name"`; `ALL` (in this order, the
/// order of tables and error messages) and `as_str` are derived from the same list.
macro_rules! kinds {
    ($(#[$doc:meta])* $($variant:ident = $name:literal,)+) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind {
            $($variant,)+
        }

        impl Kind {
            /// Every kind, in the order used by tables and error messages.
            pub const ALL: [Kind; [$($name),+].len()] = [$(Kind::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Kind::$variant => $name,)+
                }
            }
        }
    };
}

kinds! {
    /// What a number is. The first eight are quantities; the rest are recognised so that they
    /// are never mistaken for one, and never fill a claim placeholder or count toward coverage.
    Money = "money",
    Percent = "percent",
    Points = "points",
    Multiple = "multiple",
    Fraction = "fraction",
    Count = "count",
    Quantity = "quantity",
    Number = "number",
    Year = "year",
    Date = "date",
    Ordinal = "ordinal",
    Reference = "reference",
    Name = "name",
}

impl Kind {
    pub fn is_quantity(self) -> bool {
        !matches!(
            self,
            Kind::Year | Kind::Date | Kind::Ordinal | Kind::Reference | Kind::Name
        )
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a numeral is not a quantity: what `extract --all` shows beside a year, date, ordinal,
/// reference or name, so that a reader sees which sign the grammar went by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    /// A footnote or citation marker: `[41]`, `^12`, `〔2〕`, `（注1）`.
    Marker,
    /// A calendar year: `2023 年`, `in 2023`, `the 1990s`.
    Year,
    /// A date, a month, a quarter, a time of day or a range of months: `4 月 17 日`,
    /// `2024-04-17`, `1-8月`, `Q1`, `16:39`.
    Date,
    /// A span of the calendar named by its numbers: `七八十年代`, `21世纪`.
    Period,
    /// A rank: `第七个`, `7th`.
    Ordinal,
    /// The number of a heading, chapter or list item: `4.散热设计`, `一、`, `（二）`, `第三章`.
    Section,
    /// A figure, table or page reference: `图 4.3.1`, `Table 2`.
    Reference,
    /// A name that contains digits: `GPT-4`, `Windows 11`, `第一财经`.
    Name,
    /// A number inside the title of a work: `《2018年人工智能发展报告》`.
    Title,
    /// A stock or other code: `01211.HK`, `600519.SH`, `00066`, `股票代码：600519`.
    Code,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Marker => "marker",
            Reason::Year => "year",
            Reason::Date => "date",
            Reason::Period => "period",
            Reason::Ordinal => "ordinal",
            Reason::Section => "section",
            Reason::Reference => "reference",
            Reason::Name => "name",
            Reason::Title => "title",
            Reason::Code => "code",
        }
    }

    /// The reason a kind stands for when nothing more specific is known.
    pub fn of_kind(kind: Kind) -> Option<Reason> {
        Some(match kind {
            Kind::Year => Reason::Year,
            Kind::Date => Reason::Date,
            Kind::Ordinal => Reason::Ordinal,
            Kind::Reference => Reason::Reference,
            Kind::Name => Reason::Name,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A word that loosens what a number asserts (docs/numbers.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hedge {
    /// 约 大约 左右 about around roughly ~ ≈: `[low·(1−r), high·(1+r)]`
    Approximately,
    /// 近 将近 几乎 nearly almost: `[low·(1−r), high]`
    Nearly,
    /// 超过 逾 以上 多 余 over more than: `(stated, +∞)`
    Over,
    /// 至少 不少于 at least: `[stated, +∞)`
    AtLeast,
    /// 不到 不足 低于 less than under: `(−∞, stated)`
    Under,
    /// 至多 最多 不超过 up to at most: `(−∞, stated]`
    AtMost,
    /// `a–b`, `16 岁至 74 岁`: `[a, b]`
    Range,
}

impl Hedge {
    pub fn as_str(self) -> &'static str {
        match self {
            Hedge::Approximately => "approximately",
            Hedge::Nearly => "nearly",
            Hedge::Over => "over",
            Hedge::AtLeast => "at_least",
            Hedge::Under => "under",
            Hedge::AtMost => "at_most",
            Hedge::Range => "range",
        }
    }
}

/// How the numeral was written, so that a suggestion can be written the same way
/// (`九倍` → `八倍`, `2.5倍` → `2.4倍`, `1892 亿美元` → `1900 亿美元`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numeral {
    /// ASCII digits, maybe with a decimal point.
    Arabic,
    /// Full-width digits `２０`.
    FullWidth,
    /// Chinese numerals `十三`, `两千三百万`, `三点五`.
    Chinese,
    /// English number words `nine`, `thirteen`.
    Words,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub numeral: Numeral,
    /// Digits after the decimal point as written.
    pub decimals: u8,
    /// Thousands separators as written (`22,816`).
    pub grouped: bool,
    /// What one unit of the written numeral is worth in `Mention::value`'s units:
    /// `1892 亿美元` → 1e8, `20%` → 0.01, `2.5倍` → 1. 0 for a form that cannot be
    /// rewritten digit for digit (`三分之二`, `翻了一番`, a range): `write_like` gives `None`.
    pub factor: f64,
}

/// One number in the text with everything that qualifies it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The mention's text: hedge (when adjacent), numeral, scale word and unit.
    pub span: Span,
    /// The numeral alone (with its scale word when the scale is part of the numeral, as in
    /// `两千三百万`); what a suggestion rewrites.
    pub number: Span,
    pub kind: Kind,
    /// Normalised value: money in currency units, percent and points as fractions.
    pub value: f64,
    /// The true values the writing asserts (written precision, then hedge).
    pub interval: Interval,
    /// Normalised unit or currency: `USD`, `CNY`, `%`, `x`, `t`, a counter such as `个`, or
    /// the counted noun (`companies`). Borrowed from the word tables but for counted nouns,
    /// so that most mentions allocate nothing for their unit.
    pub unit: Option<Cow<'static, str>>,
    pub hedge: Option<Hedge>,
    /// Where the hedge is written; it may stand apart from the number in the same clause.
    pub hedge_span: Option<Span>,
    pub style: Style,
    /// Why a non-quantity is not a quantity; `None` for quantities.
    pub reason: Option<Reason>,
}
