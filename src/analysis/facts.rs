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

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::{Kind, Mention};
use crate::source::Span;

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

impl Whole {
    pub fn build(text: &str, mentions: &[Mention]) -> Whole {
        let mut whole = Whole::default();
        let mut cursor = 0usize;
        for block in blocks(text) {
            match block {
                Block::Table(lines) => {
                    whole
                        .tables
                        .push(table(text, &lines, mentions, &mut cursor));
                }
                Block::Prose { span, paragraph } => {
                    for s in sentence_spans(text, span) {
                        let lo = advance(mentions, &mut cursor, s.start);
                        let hi = advance(mentions, &mut cursor, s.end);
                        let first = whole.facts.len();
                        facts_of_sentence(
                            text,
                            s,
                            mentions,
                            lo..hi,
                            whole.sentences.len(),
                            &mut whole.facts,
                        );
                        whole.sentences.push(Sentence {
                            span: s,
                            paragraph,
                            facts: first..whole.facts.len(),
                        });
                    }
                }
            }
        }
        whole
    }

    /// The facts of one sentence.
    pub fn facts_of(&self, sentence: usize) -> &[Fact] {
        &self.facts[self.sentences[sentence].facts.clone()]
    }
}

/// Moves `cursor` past the mentions that start before `offset`; returns the new cursor.
fn advance(mentions: &[Mention], cursor: &mut usize, offset: usize) -> usize {
    while mentions.get(*cursor).is_some_and(|m| m.span.start < offset) {
        *cursor += 1;
    }
    *cursor
}

enum Block {
    /// The spans of the table's lines, trimmed.
    Table(Vec<Span>),
    Prose {
        span: Span,
        paragraph: usize,
    },
}

/// Paragraphs, headings, list items and tables, in order. A paragraph ends at a blank line;
/// a heading, a list item, a quote or a table line starts a new block.
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut prose: Option<Span> = None;
    let mut table: Vec<Span> = Vec::new();
    let mut at = 0;
    let flush_prose = |prose: &mut Option<Span>, out: &mut Vec<Block>, paragraph: &mut usize| {
        if let Some(span) = prose.take() {
            out.push(Block::Prose {
                span,
                paragraph: *paragraph,
            });
            *paragraph += 1;
        }
    };
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim();
        let lead = body.len() - body.trim_start().len();
        let span = Span::new(start + lead, start + lead + trimmed.len());
        if trimmed.starts_with('|') {
            flush_prose(&mut prose, &mut out, &mut paragraph);
            table.push(span);
            continue;
        }
        if !table.is_empty() {
            out.push(Block::Table(std::mem::take(&mut table)));
        }
        if trimmed.is_empty() {
            flush_prose(&mut prose, &mut out, &mut paragraph);
            continue;
        }
        if starts_block(trimmed) {
            flush_prose(&mut prose, &mut out, &mut paragraph);
        }
        prose = Some(match prose {
            Some(p) => p.cover(span),
            None => span,
        });
    }
    flush_prose(&mut prose, &mut out, &mut paragraph);
    if !table.is_empty() {
        out.push(Block::Table(table));
    }
    out
}

fn starts_block(line: &str) -> bool {
    match line.chars().next() {
        Some('#' | '>' | '-' | '*' | '+' | '•') => true,
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

/// The sentences of one block: they end at 。！？!? and at `.` before white space and a
/// capital or the end. `；` and `;` do not end a sentence here: a list of parts often runs
/// across them.
fn sentence_spans(text: &str, block: Span) -> Vec<Span> {
    let s = &text[block.range()];
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = s.as_bytes();
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        let stop = match c {
            '。' | '！' | '？' | '!' | '?' => true,
            '.' => {
                let rest = &s[end..];
                let next = rest.trim_start();
                (rest.is_empty() || rest.starts_with(char::is_whitespace))
                    && !next.starts_with(|c: char| c.is_ascii_lowercase())
                    && !(i > 0 && bytes[i - 1].is_ascii_uppercase() && i + 1 < s.len() && {
                        // `U.S. invested`: a single capital before the stop.
                        i < 2 || !bytes[i - 2].is_ascii_alphabetic()
                    })
            }
            _ => false,
        };
        if stop {
            push_trimmed(&mut out, block.start, &s[start..end], start);
            start = end;
        }
    }
    if start < s.len() {
        push_trimmed(&mut out, block.start, &s[start..], start);
    }
    out
}

fn push_trimmed(out: &mut Vec<Span>, base: usize, piece: &str, at: usize) {
    let lead = piece.len() - piece.trim_start().len();
    let t = piece.trim();
    if !t.is_empty() {
        let s = base + at + lead;
        out.push(Span::new(s, s + t.len()));
    }
}

/// A Markdown table from its lines: the first is the header, a `|---|` line is skipped.
fn table(text: &str, lines: &[Span], mentions: &[Mention], cursor: &mut usize) -> Table {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for &line in lines {
        let row = &text[line.range()];
        if row
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
        {
            continue;
        }
        let mut cells = Vec::new();
        let mut at = line.start;
        for (k, piece) in row.split('|').enumerate() {
            let start = at;
            at += piece.len() + 1;
            if k == 0 && piece.trim().is_empty() {
                continue;
            }
            let lead = piece.len() - piece.trim_start().len();
            let t = piece.trim();
            if t.is_empty() && at > line.end {
                continue;
            }
            let span = Span::new(start + lead, start + lead + t.len());
            let lo = advance(mentions, cursor, span.start);
            let hi = advance(mentions, cursor, span.end);
            let quantities: Vec<usize> = (lo..hi)
                .filter(|&i| mentions[i].kind.is_quantity())
                .collect();
            cells.push(Cell {
                span,
                mention: (quantities.len() == 1).then(|| quantities[0]),
            });
        }
        advance(mentions, cursor, line.end);
        rows.push(cells);
    }
    let header = if rows.is_empty() {
        Vec::new()
    } else {
        rows.remove(0)
    };
    Table { header, rows }
}

/// Characters that end a clause: the figure's governing words never reach across them.
pub fn is_clause_break(text: &str, i: usize, c: char) -> bool {
    match c {
        '，' | '；' | '：' | ';' | ':' | '、' | '（' | '）' | '(' | ')' => true,
        ',' => {
            let b = text.as_bytes();
            let before = i > 0 && b[i - 1].is_ascii_digit();
            let after = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            !(before && after)
        }
        _ => false,
    }
}

/// The clause of `sentence` around byte `at`.
fn clause_around(text: &str, sentence: Span, at: usize, end: usize) -> Span {
    let s = &text[sentence.start..at];
    let start = s
        .char_indices()
        .rev()
        .find(|&(i, c)| is_clause_break(s, i, c))
        .map_or(sentence.start, |(i, c)| sentence.start + i + c.len_utf8());
    let rest = &text[end..sentence.end];
    let stop = rest
        .char_indices()
        .find(|&(i, c)| is_clause_break(rest, i, c))
        .map_or(sentence.end, |(i, _)| end + i);
    Span::new(start, stop)
}

/// Period and basis words, found once per sentence.
static TOKENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<yoy>同比|比上年同期|比去年同期|较上年同期|较去年同期|比上年|较上年|比去年|较去年|比上届|较上届
            |(?i:year[-\ ]on[-\ ]year|year[-\ ]over[-\ ]year|from\ a\ year\ (?:earlier|ago)
            |from\ (?:the\ )?(?:prior|previous|last)\ (?:fiscal\ )?year|over\ the\ year
            |from\ the\ same\ (?:quarter|period|month)\ (?:of\ |a\ )?(?:last\ )?year))
        |(?P<pop>环比|比上月|较上月|比上季度|较上季度|比一季度|比二季度|比三季度
            |(?i:sequentially|quarter[-\ ]on[-\ ]quarter|month[-\ ]on[-\ ]month
            |from\ the\ (?:first|second|third|previous|prior)\ quarter))
        |(?P<nominal>名义|按现价|(?i:\bnominal\b|current\ prices))
        |(?P<real>实际|扣除价格因素|按不变价格|按可比价格|(?i:\breal\b|inflation[-\ ]adjusted|constant\ prices))
        |(?P<two>两年平均|(?i:two[-\ ]year\ average))
        |(?P<cmp>按可比口径|(?i:like[-\ ]for[-\ ]like|comparable))
        |(?P<avg>人均|平均|日均|场均|户均|(?i:\baverage\b|per\ capita|on\ average))
        |(?P<base>[较比]\s*\d{4}\s*年同期)
        |(?P<prev>去年|上年|上一年|前一年|上届|上赛季|(?i:last\ year|a\ year\ (?:earlier|ago)|the\ (?:prior|previous)\ (?:fiscal\ )?year|last\ season))
        |(?P<this>今年|本年|本届|本赛季|(?i:this\ year|this\ season))
        |(?P<months>前\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*个?月|1\s*(?:至|到|-|—|～|~)\s*\d{1,2}\s*月份?
            |(?i:first\ (?:two|three|four|five|six|seven|eight|nine|ten|eleven)\ months))
        |(?P<quarters>前\s*[一二三两]\s*(?:个)?季度|上半年|(?i:first\ half|first\ nine\ months|first\ six\ months))
        |(?P<second_half>下半年|(?i:second\ half))
        |(?P<full>全年|(?i:full[-\ ]year|for\ the\ year))
        |(?P<quarter>第?\s*[一二三四1-4]\s*季度|(?i:\b(?:first|second|third|fourth)[-\ ]quarter\b|\bQ[1-4]\b))
        |(?P<this_month>当月)
        |(?P<month>(?:\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?
            |(?i:\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b))
        ",
    )
    .expect("static regex")
});

#[derive(Debug, Clone, Copy)]
enum Token {
    Basis(u16),
    Year(i32),
    Previous,
    This,
    Part(Part),
}

fn cn_digit(s: &str) -> Option<u8> {
    let mut n: u8 = 0;
    let mut seen_ten = false;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => {
                let digits: String = s
                    .chars()
                    .skip_while(|c| !c.is_ascii_digit())
                    .take_while(char::is_ascii_digit)
                    .collect();
                return digits.parse().ok();
            }
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            '十' => {
                seen_ten = true;
                n = n.max(1) * 10;
                continue;
            }
            _ => continue,
        };
        n = if seen_ten { n + d } else { n * 10 + d };
    }
    (n > 0).then_some(n)
}

fn english_number(s: &str) -> Option<u8> {
    const WORDS: [(&str, u8); 11] = [
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("first", 1),
    ];
    let s = s.to_ascii_lowercase();
    WORDS.iter().find(|(w, _)| s.contains(w)).map(|&(_, n)| n)
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The period and basis words of a sentence, with their spans.
fn tokens(text: &str, sentence: Span) -> Vec<(Span, Token)> {
    let s = &text[sentence.range()];
    let mut out = Vec::new();
    for caps in TOKENS.captures_iter(s) {
        let whole = caps.get(0).expect("group 0");
        let span = Span::new(sentence.start + whole.start(), sentence.start + whole.end());
        let m = whole.as_str();
        let after = &s[whole.end()..];
        let token = if caps.name("yoy").is_some() {
            Token::Basis(basis::YOY)
        } else if caps.name("pop").is_some() {
            Token::Basis(basis::POP)
        } else if caps.name("nominal").is_some() {
            Token::Basis(basis::NOMINAL)
        } else if caps.name("real").is_some() {
            Token::Basis(basis::REAL)
        } else if caps.name("two").is_some() {
            Token::Basis(basis::TWO_YEAR)
        } else if caps.name("cmp").is_some() {
            Token::Basis(basis::COMPARABLE)
        } else if caps.name("avg").is_some() {
            Token::Basis(basis::AVERAGE)
        } else if caps.name("base").is_some() {
            Token::Basis(basis::BASE_YEAR)
        } else if caps.name("prev").is_some() {
            Token::Previous
        } else if caps.name("this").is_some() {
            Token::This
        } else if caps.name("months").is_some() {
            let n = if m.starts_with('前') {
                cn_digit(m.trim_start_matches('前'))
            } else if m.is_ascii() && m.contains(' ') {
                english_number(m)
            } else {
                // `1 至 10 月`
                m.rsplit(|c: char| !c.is_ascii_digit())
                    .find(|p| !p.is_empty())
                    .and_then(|p| p.parse().ok())
            };
            match n {
                Some(n) if (1..=12).contains(&n) => Token::Part(Part::Months(n)),
                _ => continue,
            }
        } else if caps.name("quarters").is_some() {
            let months = if m.contains("半年") || m.to_ascii_lowercase().contains("half") {
                6
            } else if m.to_ascii_lowercase().contains("nine") {
                9
            } else if m.to_ascii_lowercase().contains("six") {
                6
            } else {
                match cn_digit(m.trim_start_matches('前')) {
                    Some(n) if n <= 4 => n * 3,
                    _ => continue,
                }
            };
            Token::Part(Part::Months(months))
        } else if caps.name("second_half").is_some() {
            Token::Part(Part::SecondHalf)
        } else if caps.name("full").is_some() {
            Token::Part(Part::FullYear)
        } else if caps.name("quarter").is_some() {
            let lower = m.to_ascii_lowercase();
            let q = if lower.contains("first") {
                Some(1)
            } else if lower.contains("second") {
                Some(2)
            } else if lower.contains("third") {
                Some(3)
            } else if lower.contains("fourth") {
                Some(4)
            } else if let Some(d) = m.chars().find(|c| c.is_ascii_digit()) {
                d.to_digit(10).map(|d| d as u8)
            } else {
                cn_digit(m.trim_start_matches('第'))
            };
            match q {
                Some(q @ 1..=4) => Token::Part(Part::Quarter(q)),
                _ => continue,
            }
        } else if caps.name("this_month").is_some() {
            Token::Part(Part::ThisMonth)
        } else if caps.name("month").is_some() {
            // A day after the month makes it a date, not a period: `7 月 18 日`, `January 31`.
            let rest = after.trim_start();
            let day = rest.starts_with(|c: char| c.is_ascii_digit())
                && (m.is_ascii() || {
                    let r = rest
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .trim_start();
                    r.starts_with('日') || r.starts_with('号')
                });
            if day || after.starts_with('日') {
                continue;
            }
            let n = if m.is_ascii() && m.chars().any(|c| c.is_ascii_alphabetic()) {
                let lower = m.to_ascii_lowercase();
                MONTHS
                    .iter()
                    .position(|p| lower.starts_with(p))
                    .map(|k| k as u8 + 1)
            } else {
                cn_digit(m.trim_end_matches('份').trim_end_matches('月'))
            };
            match n {
                Some(n @ 1..=12) => Token::Part(Part::Month(n)),
                _ => continue,
            }
        } else {
            continue;
        };
        out.push((span, token));
    }
    out
}

/// Words that say a figure is someone's statement, not the article's own.
const ATTRIBUTION: &[&str] = &[
    "表示",
    "指出",
    "介绍",
    "透露",
    "援引",
    "说，",
    "说：",
    "称，",
    "称：",
    "据悉",
    "据测算",
    "据统计",
    "据介绍",
    "据了解",
    "according to",
    " said",
    " says",
    " told",
    "quoted",
];

const FORECAST: &[&str] = &[
    "预计",
    "预期",
    "预测",
    "有望",
    "目标",
    "计划",
    "力争",
    "expect",
    "forecast",
    "projected",
    "projection",
    "target",
    "guidance",
    "outlook",
    "estimate",
    "would ",
    "will ",
    "could ",
];

const REVISED: &[&str] = &[
    "修订",
    "修正",
    "调整为",
    "上修",
    "下修",
    "更正",
    "revised",
    "restated",
    "revision",
    "restatement",
];

const MULTIPLE_ANSWERS: &[&str] = &[
    "可多选",
    "多选",
    "多项选择",
    "more than one answer",
    "more than one option",
    "multiple answers",
    "several answers",
    "select all",
];

fn contains_any_ci(s: &str, words: &[&str]) -> bool {
    if s.is_ascii() {
        let lower = s.to_ascii_lowercase();
        words.iter().any(|w| lower.contains(w))
    } else {
        words.iter().any(|w| s.contains(w))
    }
}

/// Change verbs right before a percentage, with their sign. Longest first where one ends
/// another.
const CHANGE_WORDS: &[(&str, i8)] = &[
    ("增长率", 1),
    ("增幅", 1),
    ("涨幅", 1),
    ("增速", 1),
    ("增长", 1),
    ("增加", 1),
    ("上升", 1),
    ("提高", 1),
    ("提升", 1),
    ("上涨", 1),
    ("加快", 1),
    ("扩大", 1),
    ("降幅", -1),
    ("跌幅", -1),
    ("下降", -1),
    ("下滑", -1),
    ("减少", -1),
    ("降低", -1),
    ("下跌", -1),
    ("回落", -1),
    ("收窄", -1),
    ("increased", 1),
    ("increase", 1),
    ("rose", 1),
    ("rise", 1),
    ("risen", 1),
    ("grew", 1),
    ("growth", 1),
    ("gained", 1),
    ("gain", 1),
    ("jumped", 1),
    ("climbed", 1),
    ("added", 1),
    ("up", 1),
    ("decreased", -1),
    ("decrease", -1),
    ("declined", -1),
    ("decline", -1),
    ("fell", -1),
    ("fall", -1),
    ("dropped", -1),
    ("drop", -1),
    ("slipped", -1),
    ("shrank", -1),
    ("down", -1),
];

/// Words between a change verb and its figure.
const CHANGE_FILLERS: &[&str] = &[
    "约为", "达到", "为", "达", "了", "约", "近", "超过", "逾", "分别", "by", "of", "about",
    "around", "nearly", "almost", "roughly", "some", "a",
];

/// Hedge words that end a label without naming anything.
const HEDGE_WORDS: &[&str] = &[
    "大约",
    "大概",
    "将近",
    "接近",
    "几乎",
    "超过",
    "不到",
    "不足",
    "至少",
    "约",
    "近",
    "逾",
    "approximately",
    "roughly",
    "around",
    "about",
    "nearly",
    "almost",
    "over",
    "some",
    "~",
    "≈",
];

fn strip_end_words<'a>(s: &'a str, words: &[&str]) -> &'a str {
    let mut s = s.trim_end();
    'again: loop {
        for w in words {
            if let Some(rest) = s.strip_suffix(w) {
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

/// The sign of the change verb that ends `label`, if one does.
fn change_sign(label: &str) -> Option<i8> {
    let s = strip_end_words(label, CHANGE_FILLERS);
    let s = strip_end_words(s, HEDGE_WORDS);
    for &(w, sign) in CHANGE_WORDS {
        if let Some(rest) = s.strip_suffix(w) {
            let latin = w.is_ascii();
            if latin && rest.chars().last().is_some_and(|c| c.is_ascii_alphabetic()) {
                continue;
            }
            return Some(sign);
        }
    }
    None
}

const SHARE_WORDS: &[&str] = &[
    "占",
    "比重",
    "占比",
    "份额",
    "比例",
    "share",
    "accounted for",
    "account for",
    "made up",
    "make up",
];

/// Words removed from a Chinese label to leave the measure.
const ZH_NOISE: &[&str] = &[
    "实现",
    "完成",
    "达到",
    "合计",
    "总计",
    "共计",
    "累计",
    "分别",
    "其中",
    "此外",
    "另外",
    "同时",
    "增长",
    "下降",
    "增加",
    "减少",
    "上涨",
    "下跌",
    "提高",
    "回落",
    "上升",
    "降低",
    "增速",
    "增幅",
    "降幅",
    "录得",
    "约为",
    "约",
    "近",
    "逾",
    "超过",
    "为",
    "是",
    "达",
    "了",
    "的",
    "共",
    "有",
    "在",
    "仍",
    "已",
    "继续",
    "以",
    "其",
    "全国的",
    "占",
    "比重",
    "计算",
    "按",
    "看",
    "从",
    "和",
    "及",
    "与",
    "年",
    "月",
    "份",
    "度",
];

/// Terms that hold a noise word but name a measure: `增加值` is value added.
const ZH_KEEP: &[&str] = &["增加值", "增长点", "比重"];

/// English words skipped at the end of a label before the measure's words.
const EN_SKIP: &[&str] = &[
    "of",
    "was",
    "were",
    "is",
    "are",
    "at",
    "to",
    "reached",
    "totalled",
    "totaled",
    "hit",
    "stood",
    "came",
    "in",
    "rose",
    "fell",
    "grew",
    "up",
    "down",
    "by",
    "about",
    "around",
    "nearly",
    "roughly",
    "some",
    "approximately",
    "almost",
    "over",
    "be",
    "been",
    "had",
    "has",
    "have",
    "a",
    "an",
    "contributed",
    "generated",
    "produced",
    "posted",
    "recorded",
    "made",
    "added",
    "lost",
    "gained",
    "shipped",
    "sold",
    "earned",
    "spent",
    "took",
    "won",
    "received",
    "accounted",
    "supplied",
    "rise",
    "increase",
    "decline",
    "growth",
    "and",
    "for",
    "the",
    "quarter",
    "year",
    "period",
    "month",
    "season",
    "narrowed",
    "widened",
    "improved",
    "climbed",
    "slipped",
    "jumped",
    "stayed",
    "remained",
    "held",
    "edged",
];

/// English words that end the measure's words (reading backwards).
const EN_STOP: &[&str] = &[
    "said",
    "says",
    "reported",
    "that",
    "which",
    "and",
    "or",
    "but",
    "while",
    "with",
    "from",
    "its",
    "their",
    "his",
    "her",
    "on",
    "as",
    "than",
    "when",
    "after",
    "before",
    "said,",
    "announced",
    "the",
    "this",
    "these",
    "those",
    "it",
    "they",
    "we",
];

/// The measure named by `label`, normalised; `tokens` are the period and basis words to
/// leave out.
fn measure(text: &str, label: Span, tokens: &[(Span, Token)], mentions_inside: &[Span]) -> String {
    // The label with period, basis words and non-quantity figures (years) blanked.
    let mut s = String::with_capacity(label.len());
    let mut at = label.start;
    let mut cuts: Vec<Span> = tokens
        .iter()
        .map(|(sp, _)| *sp)
        .chain(mentions_inside.iter().copied())
        .filter(|sp| sp.start >= label.start && sp.end <= label.end)
        .collect();
    cuts.sort_by_key(|sp| sp.start);
    for c in cuts {
        if c.start >= at {
            s.push_str(&text[at..c.start]);
            s.push(' ');
            at = c.end;
        }
    }
    s.push_str(&text[at..label.end]);
    let english = s.is_ascii();
    if english {
        let lower = s.to_ascii_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        let mut k = words.len();
        while k > 0 && EN_SKIP.contains(&words[k - 1]) {
            k -= 1;
        }
        let mut picked: Vec<&str> = Vec::new();
        while k > 0 && picked.len() < 4 {
            let w = words[k - 1];
            if EN_STOP.contains(&w) || w.chars().all(|c| c.is_ascii_digit()) {
                break;
            }
            picked.push(w);
            k -= 1;
        }
        picked.reverse();
        let mut m: Vec<&str> = picked
            .into_iter()
            .filter(|w| !EN_SKIP.contains(w))
            .collect();
        // A plural and its singular are one measure (`starts`, `sales` stay as written).
        m.dedup();
        return m.join(" ");
    }
    // Chinese: the text after the last attribution word, without noise words, spaces,
    // digits and punctuation.
    let mut t: &str = &s;
    for w in ["表示", "指出", "介绍", "认为", "显示", "称"] {
        if let Some(k) = t.rfind(w) {
            t = &t[k + w.len()..];
        }
    }
    let mut out = String::new();
    let mut rest = t;
    'outer: while let Some(c) = rest.chars().next() {
        for w in ZH_KEEP {
            if rest.starts_with(w) {
                out.push_str(w);
                rest = &rest[w.len()..];
                continue 'outer;
            }
        }
        for w in ZH_NOISE {
            if rest.starts_with(w) {
                rest = &rest[w.len()..];
                continue 'outer;
            }
        }
        if c.is_alphabetic() && !c.is_ascii_digit() {
            out.extend(c.to_lowercase());
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// One sentence's facts.
fn facts_of_sentence(
    text: &str,
    sentence: Span,
    mentions: &[Mention],
    range: Range<usize>,
    index: usize,
    out: &mut Vec<Fact>,
) {
    // Mentions are sorted and never overlap; one that runs past the sentence's end (a
    // stop inside it) is left out.
    let quantities: Vec<usize> = range
        .clone()
        .filter(|&i| mentions[i].kind.is_quantity() && mentions[i].span.end <= sentence.end)
        .collect();
    if quantities.is_empty() {
        return;
    }
    let first_fact = out.len();
    let s = &text[sentence.range()];
    let english = !s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut toks = tokens(text, sentence);
    // Years from the extractor: `2024 年`, `in 2023`, `fiscal 2025`.
    let years: Vec<(Span, i32)> = range
        .clone()
        .filter(|&i| mentions[i].kind == Kind::Year)
        .map(|i| (mentions[i].span, mentions[i].value as i32))
        .collect();
    let year_spans: Vec<Span> = years.iter().map(|&(sp, _)| sp).collect();
    toks.extend(years.iter().map(|&(sp, y)| (sp, Token::Year(y))));
    toks.sort_by_key(|(sp, _)| sp.start);
    // A quantity inside a period (`前 11 个月`, `1 至 10 月`) is part of the period, not a
    // figure.
    let quantities: Vec<usize> = quantities
        .into_iter()
        .filter(|&i| {
            !toks
                .iter()
                .any(|(sp, t)| matches!(t, Token::Part(_)) && sp.contains(mentions[i].span))
        })
        .collect();
    let revised = contains_any_ci(s, REVISED);
    let multiple = contains_any_ci(s, MULTIPLE_ANSWERS);
    let mut prev_end = sentence.start;
    for (k, &i) in quantities.iter().enumerate() {
        let m = &mentions[i];
        let clause = clause_around(text, sentence, m.span.start, m.span.end);
        let label_start = clause.start.max(prev_end).min(m.span.start);
        let label = Span::new(label_start, hedge_start(m).max(label_start));
        let next_start = quantities
            .get(k + 1)
            .map_or(sentence.end, |&j| mentions[j].span.start);
        let after = Span::new(m.span.end, clause.end.min(next_start).max(m.span.end));
        let label_text = &text[label.range()];
        let after_text = &text[after.range()];
        // Period: the nearest year and part words before the figure in the sentence; in
        // English also those after it in its clause (`$8.62 billion in fiscal 2025`), which
        // are read last and so win. Basis: the words since the figure before.
        let scope_start = if k == 0 {
            sentence.start
        } else {
            mentions[quantities[k - 1]].span.end
        };
        let role = role(m, label_text, after_text, english);
        let in_after = |sp: Span| english && sp.start >= after.start && sp.end <= after.end;
        let mut period = Period::default();
        let mut basis_bits = 0u16;
        // In English a period after an earlier figure is that figure's (`up from 16,750
        // last year, and 17,460 of them finished`): only words of the figure's own clause,
        // or before the sentence's first figure, count.
        let first_start = mentions[quantities[0]].span.start;
        let before = toks.iter().filter(|(sp, _)| {
            sp.end <= m.span.start
                && (!english || sp.start >= clause.start || sp.end <= first_start)
        });
        let later = toks.iter().filter(|(sp, _)| in_after(*sp));
        // In English a basis right after the figure before is that figure's
        // (`up 14% year over year and 3% from the second quarter`).
        let prev_tail = |sp: Span| {
            english
                && k > 0
                && text[scope_start..sp.start.max(scope_start)]
                    .chars()
                    .all(|c| c.is_whitespace() || c == ',')
        };
        for &(sp, tok) in before.chain(later) {
            let own = sp.start >= scope_start && !prev_tail(sp);
            match tok {
                Token::Basis(b) if own => basis_bits |= b,
                Token::Basis(_) => {}
                // `比上年`, `a year earlier` after a change is its basis, not its period.
                Token::Previous if own && matches!(role, Role::Change(_)) => {
                    basis_bits |= basis::YOY
                }
                Token::Previous => period.year = Year::Previous,
                Token::This => period.year = Year::Unstated,
                Token::Year(y) => period.year = Year::Abs(y),
                Token::Part(p) => period.part = p,
            }
        }
        let mut measure = measure(text, label, &toks, &year_spans);
        let mut role = role;
        if role == Role::Level
            && matches!(m.kind, Kind::Percent | Kind::Points)
            && is_connector(label_text)
            && let Some(prev) = out
                .last()
                .filter(|p| p.sentence == index && out.len() > first_fact)
            && let Role::Change(sign) = prev.role
        {
            // `up 14% year over year and 3% from the second quarter`
            role = Role::Change(sign);
        }
        let respectively =
            label_text.contains("分别") || after_text.to_ascii_lowercase().contains("respectively");
        let mut head = out.len();
        if measure.is_empty() && matches!(role, Role::Change(_) | Role::Share) && k > 0 {
            // `营业收入 186.4 亿元，同比增长 12.6%`: the change is of the figure before.
            let prev = out.len() - 1;
            if out[prev].sentence == index && out.len() > first_fact {
                measure = out[prev].measure.clone();
                head = out[prev].head;
                // `$8.62 billion in fiscal 2025, up 6.1%`: and its period.
                if !period.is_stated() {
                    period = out[prev].period;
                }
            }
        }
        let before_text = &text[sentence.start..m.span.start];
        let attributed = contains_any_ci(before_text, ATTRIBUTION)
            || before_text.starts_with('据')
            || before_text.contains("，据")
            || quoted(text, sentence, m.span);
        let forecast =
            contains_any_ci(&text[clause.start.min(label.start)..m.span.start], FORECAST)
                || contains_any_ci(
                    before_text,
                    &["预计", "预期", "expected", "expects", "forecast"],
                );
        out.push(Fact {
            mention: i,
            sentence: index,
            clause,
            label,
            measure,
            head,
            period,
            basis: basis_bits,
            role,
            attributed,
            forecast,
            revised,
            multiple_answers: multiple,
            respectively,
        });
        prev_end = m.span.end;
    }
}

/// Whether a label only joins a figure to the one before (`、`, `和`, `and`).
pub fn is_connector(label: &str) -> bool {
    let t = label
        .trim()
        .trim_matches(|c: char| matches!(c, '、' | ',' | '，'));
    matches!(t, "" | "和" | "及" | "与" | "以及" | "and" | "or" | "、")
}

/// Where the figure's words begin: its hedge, when the hedge stands before it.
fn hedge_start(m: &Mention) -> usize {
    match m.hedge_span {
        Some(h) if h.start < m.span.start => h.start,
        _ => m.span.start,
    }
}

/// Whether `span` sits inside quotation marks within its sentence.
fn quoted(text: &str, sentence: Span, span: Span) -> bool {
    let before = &text[sentence.start..span.start];
    let open = before.matches('“').count();
    let close = before.matches('”').count();
    let straight = before.matches('"').count();
    open > close || straight % 2 == 1
}

fn role(m: &Mention, label: &str, after: &str, english: bool) -> Role {
    match m.kind {
        Kind::Percent | Kind::Points => {}
        Kind::Multiple | Kind::Fraction => return Role::Other,
        _ => return Role::Level,
    }
    let trimmed = strip_end_words(label, HEDGE_WORDS);
    let ends_with_to = trimmed.ends_with("至")
        || trimmed.ends_with("到")
        || trimmed.to_ascii_lowercase().ends_with(" to")
        || trimmed.ends_with("为");
    if !ends_with_to && let Some(sign) = change_sign(label) {
        return Role::Change(sign);
    }
    if m.kind == Kind::Points {
        return Role::Other;
    }
    let lower_after = after.trim_start().to_ascii_lowercase();
    let share_after = english
        && (lower_after.starts_with("of ")
            || lower_after.starts_with("said")
            || lower_after.starts_with("say "));
    if share_after || SHARE_WORDS.iter().any(|w| label.contains(w)) {
        return Role::Share;
    }
    Role::Level
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
}
