//! Facts for the whole-article consistency checks: the masked text and its mentions in;
//! paragraphs, sentences, Markdown tables and one `Fact` per prose quantity out.
//!
//! A fact is a quantity with what governs it in its clause: the measure it is a figure of
//! (`全市地区生产总值`, `net sales`), its period (`上半年`, `2024 年`, `third quarter`), its basis
//! (`同比`, `环比`, `名义`, `real`, `人均`), its role (a level, a change, a share) and flags that
//! make a figure unfit for comparison (attributed to someone, a forecast, a revised figure, an
//! answer to a multiple-choice question). The key of a fact is its measure, period, basis and
//! role: two facts are the same figure only when all of them are present and agree. Built in
//! one pass over the sentences; the checks group facts by key, never compare all pairs.
//!
//! Finer than `MentionKey` (`key.rs`), on purpose: the measure keeps every word of the
//! figure's label (`新能源汽车销量排名前三的企业销量`), where the mention key keeps the subject and
//! the canonical measure words (`新能源汽车|销量`) and so takes the top three makers' sales for
//! the whole market's; grouped by the mention key, the checks gave two false alarms on the
//! consistent articles of `tests/fixtures/consistency/dev/`. Sentences here end only at
//! 。！？.!? (not at `；`), because a list of parts often runs across semicolons.

mod blocks;
mod scan;
mod sentence;
mod tokens;
mod words;

use std::ops::Range;

use crate::extract::{Kind, Mention};
use crate::source::Span;

use blocks::{Block, advance, blocks, sentence_spans, table};
use scan::Scan;
use sentence::{Scratch, facts_of_sentence};

pub use blocks::{is_clause_break, is_list_item};
pub use words::is_connector;

/// When a figure is for: a year (absolute, or relative to the article's own) and a part of
/// it. The first `n` months of a year (`前三季度`, `1 至 10 月`, `first half`) are `Months(n)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Period {
    pub year: Year,
    pub part: Part,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Year {
    /// Not stated (or `今年`, `this year`).
    #[default]
    Unstated,
    Abs(i32),
    /// `去年`, `last year`, `a year earlier`: one before the article's own.
    Previous,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Part {
    #[default]
    Unstated,
    /// `全年`, `full year`.
    FullYear,
    Quarter(u8),
    Month(u8),
    /// The first n months: `前 11 个月`, `前三季度` (9), `上半年` (6).
    Months(u8),
    SecondHalf,
    /// `当月`: this month, unnamed.
    ThisMonth,
    /// `本赛季`, `this season`, `本届`.
    Season,
    /// `the six weeks to January 4`, `the three months ended September 30`: a span of
    /// `count` weeks (or months) named by its last day.
    Through {
        count: u8,
        months: bool,
        month: u8,
        day: u8,
    },
}

impl Period {
    /// Whether the words state a period at all; a figure without one is never compared.
    pub fn is_stated(self) -> bool {
        self.year != Year::Unstated || self.part != Part::Unstated
    }

    /// The same part of the year before, when the words allow it.
    pub fn previous(self) -> Option<Period> {
        let year = match self.year {
            Year::Unstated => Year::Previous,
            Year::Abs(y) => Year::Abs(y - 1),
            Year::Previous => return None,
        };
        Some(Period { year, ..self })
    }
}

impl std::fmt::Display for Period {
    /// `2024`, `previous year`, `Q3`, `first 11 months`, `2024 Q3`; empty when unstated.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let year = match self.year {
            Year::Unstated => String::new(),
            Year::Abs(y) => y.to_string(),
            Year::Previous => "previous year".into(),
        };
        let part = match self.part {
            Part::Unstated => String::new(),
            Part::FullYear => "full year".into(),
            Part::Quarter(q) => format!("Q{q}"),
            Part::Month(m) => format!("month {m}"),
            Part::Months(n) => format!("first {n} months"),
            Part::SecondHalf => "second half".into(),
            Part::ThisMonth => "this month".into(),
            Part::Season => "season".into(),
            Part::Through {
                count,
                months,
                month,
                day,
            } => format!(
                "{count} {} to {month}-{day}",
                if months { "months" } else { "weeks" }
            ),
        };
        let sep = if year.is_empty() || part.is_empty() {
            ""
        } else {
            " "
        };
        write!(f, "{year}{sep}{part}")
    }
}

/// Basis words, as bits.
pub mod basis {
    /// 同比, year on year, 比上年
    pub const YOY: u16 = 1;
    /// 环比, quarter on quarter, sequentially
    pub const POP: u16 = 2;
    pub const NOMINAL: u16 = 4;
    pub const REAL: u16 = 8;
    /// 两年平均, two-year average
    pub const TWO_YEAR: u16 = 16;
    /// 按可比口径, comparable
    pub const COMPARABLE: u16 = 32;
    /// 人均, 平均, 日均, average, per capita: not additive.
    pub const AVERAGE: u16 = 64;
    /// Against a named base year (`较 2019 年同期`).
    pub const BASE_YEAR: u16 = 128;

    /// The names of the bits, in order.
    pub const NAMES: [(u16, &str); 8] = [
        (YOY, "year_on_year"),
        (POP, "period_on_period"),
        (NOMINAL, "nominal"),
        (REAL, "real"),
        (TWO_YEAR, "two_year_average"),
        (COMPARABLE, "comparable"),
        (AVERAGE, "average"),
        (BASE_YEAR, "base_year"),
    ];

    pub fn names(bits: u16) -> Vec<&'static str> {
        NAMES
            .iter()
            .filter(|(b, _)| bits & b != 0)
            .map(|&(_, n)| n)
            .collect()
    }
}

/// What a figure is in its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// An amount, a count, a rate stated as a level (`参选率 90.5%`, `rose to 58%`).
    Level,
    /// A change in percent or points, signed by its verb (`增长`: +1, `下降`: −1).
    Change(i8),
    /// A share of a whole (`占 27.5%`, `41% of respondents`, `38% said`).
    Share,
    /// Multiples and fractions: not compared here.
    Other,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Level => "level",
            Role::Change(_) => "change",
            Role::Share => "share",
            Role::Other => "other",
        }
    }
}

/// One quantity in the prose, with what governs it.
#[derive(Debug, Clone)]
pub struct Fact {
    /// Index into the document's mentions.
    pub mention: usize,
    pub sentence: usize,
    /// The clause holding the figure.
    pub clause: Span,
    /// The words before the figure that name it: from the clause start, or from the end of
    /// the figure before it in the same clause.
    pub label: Span,
    /// The normalised measure (`全市地区生产总值`, `net sales`); empty when the words name
    /// none. A change or share with no words of its own takes the measure of the figure
    /// before it in the sentence (`营业收入 186.4 亿元，同比增长 12.6%`).
    pub measure: String,
    /// The fact whose label named the measure (itself, or the figure it took it from).
    pub head: usize,
    pub period: Period,
    pub basis: u16,
    pub role: Role,
    /// Said by someone (`表示`, `according to`, `said`) or inside quotation marks.
    pub attributed: bool,
    /// A forecast, target or expectation (`预计`, `expected`).
    pub forecast: bool,
    /// In a sentence that says a figure was revised.
    pub revised: bool,
    /// In a sentence about a question that allows several answers.
    pub multiple_answers: bool,
    /// `分别`, `respectively`: the figure's measure is given by position, not by its words.
    pub respectively: bool,
}

impl Fact {
    /// Whether the fact can be compared with another statement of the same measure.
    pub fn is_comparable(&self) -> bool {
        !self.measure.is_empty()
            && self.period.is_stated()
            && !self.forecast
            && !self.revised
            && !self.respectively
            && self.role != Role::Other
    }
}

/// A sentence of the prose (tables and code left out).
#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    /// Its facts, as a range into `Whole::facts`.
    pub facts: Range<usize>,
    /// The mentions that start in it, as a range into the document's mentions.
    pub mentions: Range<usize>,
}

/// A Markdown table: its header cells and body rows, each cell with its quantity if it
/// holds exactly one.
#[derive(Debug, Clone)]
pub struct Table {
    pub header: Vec<Cell>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone)]
pub struct Cell {
    pub span: Span,
    /// Index into the document's mentions.
    pub mention: Option<usize>,
}

/// The model of one article.
#[derive(Debug, Default)]
pub struct Whole {
    pub sentences: Vec<Sentence>,
    pub facts: Vec<Fact>,
    pub tables: Vec<Table>,
}

/// What a sentence shows before its facts are worked out: enough for a check to say
/// whether it could read them (see `Whole::build_where`).
pub struct Probe<'t> {
    /// The sentence's text.
    pub text: &'t str,
    pub span: Span,
    /// The mentions that start in the sentence, quantities or not.
    pub mentions: &'t [Mention],
    /// Whether the article has a Markdown table.
    pub tables: bool,
    /// The sentence's scan, made when first asked for: a reader that needs no words of the
    /// sentence does without it.
    scan: std::cell::OnceCell<Scan>,
}

impl Probe<'_> {
    fn scan(&self) -> &Scan {
        self.scan.get_or_init(|| scan::scan(self.text))
    }

    /// How many quantities start in the sentence: it has at most that many facts.
    pub fn quantities(&self) -> usize {
        self.mentions
            .iter()
            .filter(|m| m.kind.is_quantity())
            .count()
    }

    /// Whether a fact of the sentence may state a period (`Period::is_stated`): a year
    /// or a period word stands in it. Without one, no fact of it has a key.
    pub fn may_state_period(&self) -> bool {
        self.scan().cues.period || self.mentions.iter().any(|m| m.kind == Kind::Year)
    }

    /// Whether a fact of the sentence may be a share (`Role::Share`): a percentage, and a
    /// share word or English words (`41% of`, `38% said`).
    pub fn may_hold_shares(&self) -> bool {
        self.mentions.iter().any(|m| m.kind == Kind::Percent)
            && (!self.scan().cjk || self.may_hold(words::SHARE_WORDS))
    }

    /// Whether the sentence holds one of `words` as written. Most words are ruled out by
    /// the sentence's set of characters without a search.
    pub fn may_hold(&self, words: &[&str]) -> bool {
        words
            .iter()
            .any(|w| self.scan().chars.may_hold(w) && self.text.contains(w))
    }

    /// Whether the sentence holds one of `words` in any ASCII case.
    pub fn may_hold_ci(&self, words: &[&str]) -> bool {
        words
            .iter()
            .any(|w| self.scan().chars.may_hold_ci(w) && scan::contains_ci(self.text, w))
    }
}

/// Which facts a reader of one sentence needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// None: the sentence can take part in no comparison of the reader.
    Nothing,
    /// The sentence's own.
    This,
    /// The sentence's and the sentence's before it (a list in one, its total or its
    /// superlative in the next).
    WithPrevious,
    /// Every sentence's up to this one.
    AllBefore,
}

impl Whole {
    /// The whole model: every prose quantity's fact.
    pub fn build(text: &str, mentions: &[Mention]) -> Whole {
        Whole::build_where(text, mentions, |_| Need::This)
    }

    /// The model with the facts of only the sentences `need` asks for: the sentences, their
    /// paragraphs and the tables are all there, and a fact is the same as in the whole
    /// model (a sentence's facts depend on that sentence alone), but a sentence no reader
    /// can use keeps an empty list. Most sentences of an article take part in no
    /// consistency check, and working out their facts was most of the checks' cost.
    pub fn build_where(
        text: &str,
        mentions: &[Mention],
        mut need: impl FnMut(&Probe<'_>) -> Need,
    ) -> Whole {
        let mut whole = Whole::default();
        // A fact per quantity at most: the list is not grown (and copied) again and again.
        whole
            .facts
            .reserve(mentions.iter().filter(|m| m.kind.is_quantity()).count());
        let mut scratch = Scratch::default();
        // The sentences of the block at hand, kept from one block to the next.
        let mut spans = Vec::new();
        let mut cursor = 0usize;
        let blocks = blocks(text);
        let tables = blocks.iter().any(|b| matches!(b, Block::Table(_)));
        // Whether the last sentence pushed has its facts, and whether it has a quantity.
        let (mut last_built, mut last_quantities) = (false, false);
        for block in blocks {
            match block {
                Block::Table(lines) => {
                    whole
                        .tables
                        .push(table(text, &lines, mentions, &mut cursor));
                }
                Block::Prose { span, paragraph } => {
                    sentence_spans(text, span, &mut spans);
                    for &s in &spans {
                        let lo = advance(mentions, &mut cursor, s.start);
                        let hi = advance(mentions, &mut cursor, s.end);
                        let quantities = mentions[lo..hi].iter().any(|m| m.kind.is_quantity());
                        // Without a quantity in it or in the sentence before, a sentence
                        // has no facts and gives a reader none before it.
                        let mut needed = Need::Nothing;
                        let mut scanned = None;
                        if quantities || last_quantities {
                            let probe = Probe {
                                text: &text[s.range()],
                                span: s,
                                mentions: &mentions[lo..hi],
                                tables,
                                scan: std::cell::OnceCell::new(),
                            };
                            needed = need(&probe);
                            scanned = probe.scan.into_inner();
                        }
                        if needed == Need::AllBefore {
                            return Whole::build(text, mentions);
                        }
                        if needed == Need::WithPrevious && !last_built {
                            // The sentence before has no facts yet and is the last one
                            // pushed: its facts go at the end of the list.
                            whole.fill_last(text, mentions, &mut scratch);
                        }
                        last_built = needed != Need::Nothing;
                        last_quantities = quantities;
                        let first = whole.facts.len();
                        if last_built {
                            facts_of_sentence(
                                text,
                                s,
                                mentions,
                                lo..hi,
                                whole.sentences.len(),
                                scanned,
                                &mut scratch,
                                &mut whole.facts,
                            );
                        }
                        whole.sentences.push(Sentence {
                            span: s,
                            paragraph,
                            facts: first..whole.facts.len(),
                            mentions: lo..hi,
                        });
                    }
                }
            }
        }
        whole
    }

    /// Works out the facts of the last sentence, left without them.
    fn fill_last(&mut self, text: &str, mentions: &[Mention], scratch: &mut Scratch) {
        let Some(index) = self.sentences.len().checked_sub(1) else {
            return;
        };
        let s = &self.sentences[index];
        debug_assert_eq!(s.facts.end, self.facts.len());
        let (span, range, first) = (s.span, s.mentions.clone(), self.facts.len());
        facts_of_sentence(
            text,
            span,
            mentions,
            range,
            index,
            None,
            scratch,
            &mut self.facts,
        );
        self.sentences[index].facts = first..self.facts.len();
    }

    /// The facts of one sentence.
    pub fn facts_of(&self, sentence: usize) -> &[Fact] {
        &self.facts[self.sentences[sentence].facts.clone()]
    }
}

/// The interval a fact asserts, a fall as a negative change.
pub fn signed(f: &Fact, m: &Mention) -> crate::eval::Interval {
    match f.role {
        Role::Change(-1) => crate::eval::Interval::new(-m.interval.high, -m.interval.low),
        _ => m.interval,
    }
}

/// The sum of intervals.
pub fn sum<'a>(parts: impl IntoIterator<Item = &'a Mention>) -> crate::eval::Interval {
    let (mut low, mut high) = (0.0, 0.0);
    for m in parts {
        low += m.interval.low;
        high += m.interval.high;
    }
    crate::eval::Interval::new(low, high)
}

/// The facts as `(key, index)` for grouping: measure, period, basis and role must all be
/// present and equal for two facts to be the same figure.
pub fn key(f: &Fact, m: &Mention) -> Option<(String, Period, u16, Role, Kind, Option<String>)> {
    if !f.is_comparable() {
        return None;
    }
    // Two characters of a Chinese measure, or one English word, at the least.
    if f.measure.chars().count() < 2 {
        return None;
    }
    let role = match f.role {
        Role::Change(_) => Role::Change(1),
        r => r,
    };
    Some((
        f.measure.clone(),
        f.period,
        f.basis,
        role,
        m.kind,
        m.unit.as_deref().map(str::to_string),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{ExtractOptions, extract};

    fn build(text: &str) -> (Whole, Vec<Mention>) {
        let mentions = extract(text, &ExtractOptions::default());
        (Whole::build(text, &mentions), mentions)
    }

    fn fact<'a>(w: &'a Whole, text: &str, ms: &[Mention], figure: &str) -> &'a Fact {
        w.facts
            .iter()
            .find(|f| &text[ms[f.mention].span.range()] == figure)
            .unwrap_or_else(|| panic!("no fact `{figure}`"))
    }

    #[test]
    fn a_change_takes_the_measure_and_period_of_the_level_before_it() {
        let t = "2024 年公司实现营业收入 186.4 亿元，同比增长 12.6%；净利润 15.2 亿元。";
        let (w, ms) = build(t);
        let level = fact(&w, t, &ms, "186.4 亿元");
        assert_eq!(level.measure, "公司营业收入");
        assert_eq!(level.period.year, Year::Abs(2024));
        let rate = fact(&w, t, &ms, "12.6%");
        assert_eq!(rate.measure, "公司营业收入");
        assert_eq!(rate.role, Role::Change(1));
        assert_eq!(rate.basis, basis::YOY);
        assert_eq!(fact(&w, t, &ms, "15.2 亿元").measure, "净利润");
    }

    #[test]
    fn a_bracket_right_after_a_figure_is_an_aside_about_it() {
        let t = "净利润 31.2 亿元（上年同期 32.7 亿元），同比下降 4.6%。";
        let (w, ms) = build(t);
        let aside = fact(&w, t, &ms, "32.7 亿元");
        assert_eq!(aside.measure, "净利润");
        assert_eq!(aside.period.year, Year::Previous);
        let rate = fact(&w, t, &ms, "4.6%");
        assert_eq!(rate.measure, "净利润");
        assert_eq!(rate.period.year, Year::Unstated);
        // After a noun, the bracket holds that noun's own figure.
        let t = "美国投资额为 672 亿美元，中国投资额(78 亿美元)居第二。";
        let (w, ms) = build(t);
        assert_eq!(fact(&w, t, &ms, "78 亿美元").measure, "");
    }

    #[test]
    fn periods_previous_year_and_cumulative_months() {
        let t = "去年前 11 个月，我国货物贸易进出口总值为 37.37 万亿元。三季度增长 4.8%。";
        let (w, ms) = build(t);
        let f = fact(&w, t, &ms, "37.37 万亿元");
        assert_eq!(
            f.period,
            Period {
                year: Year::Previous,
                part: Part::Months(11)
            }
        );
        assert_eq!(f.measure, "我国货物贸易进出口总值");
        assert_eq!(fact(&w, t, &ms, "4.8%").period.part, Part::Quarter(3));
    }

    #[test]
    fn english_measure_and_period_after_the_figure() {
        let t = "Halcyon said that net sales were $8.62 billion in fiscal 2025, up 6.1% from the prior year. In fiscal 2024, net sales were $8.02 billion.";
        let (w, ms) = build(t);
        let a = fact(&w, t, &ms, "$8.62 billion");
        assert_eq!(a.measure, "net sales");
        assert_eq!(a.period.year, Year::Abs(2025));
        let r = fact(&w, t, &ms, "6.1%");
        assert_eq!(
            (r.measure.as_str(), r.basis, r.period.year),
            ("net sales", basis::YOY, Year::Abs(2025))
        );
        assert_eq!(
            fact(&w, t, &ms, "$8.02 billion").period.year,
            Year::Abs(2024)
        );
    }

    #[test]
    fn dates_are_not_periods_and_tables_are_cut_out() {
        let t = "统计局 7 月 18 日发布数据，上半年全市地区生产总值 4,126 亿元。\n\n| 项目 | 金额 |\n|---|---|\n| 税收 | 181 |\n";
        let (w, ms) = build(t);
        let f = fact(&w, t, &ms, "4,126 亿元");
        assert_eq!(f.period.part, Part::Months(6));
        assert_eq!(w.tables.len(), 1);
        assert_eq!(w.tables[0].rows.len(), 1);
        assert!(w.tables[0].rows[0][1].mention.is_some());
    }

    #[test]
    fn a_partial_model_has_the_whole_models_facts_where_it_has_any() {
        let t = "2024 年公司实现营业收入 186.4 亿元，同比增长 12.6%。其余 3 项。\n\n净利润 31.2 亿元（上年同期 32.7 亿元），同比下降 4.6%。其中，东城区收入最高。";
        let ms = extract(t, &ExtractOptions::default());
        let full = Whole::build(t, &ms);
        // Only the last sentence, with the one before it.
        let part = Whole::build_where(t, &ms, |p| {
            if p.text.contains("最高") {
                Need::WithPrevious
            } else {
                Need::Nothing
            }
        });
        assert_eq!(part.sentences.len(), full.sentences.len());
        let n = full.sentences.len();
        for si in 0..n {
            let (a, b) = (full.facts_of(si), part.facts_of(si));
            if si + 2 < n {
                assert!(b.is_empty(), "sentence {si} built");
                continue;
            }
            assert_eq!(a.len(), b.len());
            for (x, y) in a.iter().zip(b) {
                assert_eq!(
                    (
                        x.mention, &x.measure, x.period, x.basis, x.role, x.label, x.clause
                    ),
                    (
                        y.mention, &y.measure, y.period, y.basis, y.role, y.label, y.clause
                    )
                );
            }
        }
        assert!(!part.facts_of(n - 2).is_empty());
        // `Of the …` reads back through the article: everything is built.
        let all = Whole::build_where(t, &ms, |p| {
            if p.text.contains("最高") {
                Need::AllBefore
            } else {
                Need::Nothing
            }
        });
        assert_eq!(all.facts.len(), full.facts.len());
    }

    #[test]
    fn a_forecast_word_is_found_once_per_sentence_in_the_case_it_is_written() {
        let t = "公司预计全年营业收入 200 亿元。Revenue Will be $8 billion next year, the company said.";
        let (w, ms) = build(t);
        let f = fact(&w, t, &ms, "200 亿元");
        assert!(f.forecast);
        let g = fact(&w, t, &ms, "$8 billion");
        assert!(g.forecast && !g.attributed);
    }
}
