//! Period and basis words in a sentence: masked text in, each word's span and meaning out,
//! found by one linear-time regex pass per sentence.

use std::sync::LazyLock;

use regex::Regex;

use super::{Part, basis};
use crate::source::Span;

/// Period and basis words, found once per sentence.
static TOKENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<fy>(?i-u:(?-u:\b)FY\s?'?(?:[0-9]{4}|[0-9]{2})(?-u:\b)))
        |(?P<yoy>同比|比上年同期|比去年同期|较上年同期|较去年同期|比上年|较上年|比去年|较去年|比上届|较上届
            |[与與同和跟](?:上年|去年)(?:同期)?相比|較上年同期|較去年同期|較上年|較去年|比上屆|較上屆|年增|年減
            |(?i-u:year[-\ ]on[-\ ]year|year[-\ ]over[-\ ]year|from\ a\ year\ (?:earlier|ago)
            |from\ (?:the\ )?(?:prior|previous|last)\ (?:fiscal\ )?year|over\ the\ year
            |from\ the\ same\ (?:quarter|period|month)\ (?:of\ |a\ )?(?:last\ )?year))
        |(?P<pop>环比|比上月|较上月|比上季度|较上季度|比一季度|比二季度|比三季度
            |環比|較上月|較上季|月增|月減|季增|季減
            |(?i-u:sequentially|quarter[-\ ]on[-\ ]quarter|month[-\ ]on[-\ ]month
            |from\ the\ (?:first|second|third|previous|prior)\ quarter))
        |(?P<nominal>名义|名目|按现价|按現價|(?i-u:(?-u:\b)nominal(?-u:\b)|current\ prices))
        |(?P<real>实际|實際|扣除价格因素|扣除價格因素|按不变价格|按不變價格|按可比价格|(?i-u:(?-u:\b)real(?-u:\b)|inflation[-\ ]adjusted|constant\ prices))
        |(?P<two>两年平均|兩年平均|(?i-u:two[-\ ]year\ average))
        |(?P<cmp>按可比口径|(?i-u:like[-\ ]for[-\ ]like|comparable))
        |(?P<avg>人均|平均|日均|场均|場均|户均|戶均|(?i-u:(?-u:\b)average(?-u:\b)|per\ capita|on\ average))
        |(?P<base>[较比]\s*[0-9０-９]{4}\s*年同期)
        |(?P<prev>去年|上年|上一年|前一年|上届|上屆|上赛季|上賽季|(?i-u:last\ year|a\ year\ (?:earlier|ago)|the\ (?:prior|previous)\ (?:fiscal\ )?year|last\ season))
        |(?P<this>今年|本年|本届|本屆|本赛季|本賽季|(?i-u:this\ year|this\ season))
        |(?P<months>前\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[个個]?月|1\s*(?:至|到|-|—|～|~)\s*[0-9０-９]{1,2}\s*月份?
            |(?i-u:first\ (?:two|three|four|five|six|seven|eight|nine|ten|eleven)\ months))
        |(?P<quarters>前\s*[一二三两兩]\s*(?:[个個])?季度?|上半年|(?i-u:first[-\ ]half|first\ nine\ months|first\ six\ months))
        |(?P<second_half>下半年|(?i-u:second[-\ ]half))
        |(?P<full>全年|(?i-u:full[-\ ]year|for\ the\ year))
        |(?P<quarter>第\s*[一二三四1-4]\s*季度?|[一二三四1-4]\s*季度|(?i-u:(?-u:\b)(?:first|second|third|fourth)[-\ ]quarter(?-u:\b)|(?-u:\b)Q[1-4](?-u:\b)))
        |(?P<this_month>当月)
        |(?P<month>(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?
            |(?i-u:(?-u:\b)(?:January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)))
        ",
    )
    .expect("static regex")
});

#[derive(Debug, Clone, Copy)]
pub(super) enum Token {
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
            '二' | '两' | '兩' => 2,
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

/// What a piece of text may hold, from `cues`: any period or basis word at all, and a word
/// that states a period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Cues {
    pub token: bool,
    pub period: bool,
}

/// A word every English alternative of `TOKENS` holds (ASCII case folded, as `(?i)` folds
/// it) and what it shows: `Basis` only a basis, `Period` perhaps a period. The Chinese
/// alternatives are looked for by `scan::scan`.
#[derive(Clone, Copy)]
pub(super) enum Cue {
    Basis,
    Period,
}

pub(super) const CUE_WORDS: &[(&str, Cue)] = &[
    ("nominal", Cue::Basis),
    ("real", Cue::Basis),
    ("inflation", Cue::Basis),
    ("constant", Cue::Basis),
    ("average", Cue::Basis),
    ("capita", Cue::Basis),
    ("like", Cue::Basis),
    ("comparable", Cue::Basis),
    ("sequentially", Cue::Basis),
    ("current", Cue::Basis),
    ("year", Cue::Period),
    ("fy", Cue::Period),
    ("month", Cue::Period),
    ("quarter", Cue::Period),
    ("season", Cue::Period),
    ("half", Cue::Period),
    ("q1", Cue::Period),
    ("q2", Cue::Period),
    ("q3", Cue::Period),
    ("q4", Cue::Period),
    ("january", Cue::Period),
    ("february", Cue::Period),
    ("march", Cue::Period),
    ("april", Cue::Period),
    ("may", Cue::Period),
    ("june", Cue::Period),
    ("july", Cue::Period),
    ("august", Cue::Period),
    ("september", Cue::Period),
    ("october", Cue::Period),
    ("november", Cue::Period),
    ("december", Cue::Period),
    // The two characters Unicode case folding turns into ASCII letters (Kelvin sign, long
    // s): with one, an English word may hide in any case.
    ("\u{212A}", Cue::Period),
    ("\u{17F}", Cue::Period),
];

static CUE_SEARCH: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(CUE_WORDS.iter().map(|(w, _)| w))
        .expect("static word list")
});

/// The English cues of `s`: where none stands, no English alternative of `TOKENS` matches.
pub(super) fn english_cues(s: &str) -> Cues {
    let mut out = Cues::default();
    for m in CUE_SEARCH.find_overlapping_iter(s) {
        match CUE_WORDS[m.pattern().as_usize()].1 {
            Cue::Basis => out.token = true,
            Cue::Period => {
                return Cues {
                    token: true,
                    period: true,
                };
            }
        }
    }
    out
}

/// The period and basis words of a sentence, with their spans; `cues` are the sentence's
/// (`scan::scan`): without a cue the regex is not run, as it would find nothing.
pub(super) fn tokens(text: &str, sentence: Span, cues: Cues) -> Vec<(Span, Token)> {
    let s = &text[sentence.range()];
    let mut out = Vec::new();
    if !cues.token {
        return out;
    }
    for caps in TOKENS.captures_iter(s) {
        let whole = caps.get(0).expect("group 0");
        let span = Span::new(sentence.start + whole.start(), sentence.start + whole.end());
        let m = whole.as_str();
        let after = &s[whole.end()..];
        // `年增 8.2%` (Taiwan: year on year) opens a phrase; in `2024 年增长`, `10 月增加`,
        // `三季增长` the 年/月/季 ends a period and the change has no basis word.
        if matches!(m, "年增" | "年減" | "月增" | "月減" | "季增" | "季減")
            && s[..whole.start()].chars().next_back().is_some_and(|c| {
                c.is_ascii_digit()
                    || c.is_whitespace()
                    || "０１２３４５６７８９一二三四五六七八九十全今去上本前同个個当當".contains(c)
            })
        {
            continue;
        }
        let token = if caps.name("fy").is_some() {
            // `FY2025`, `FY25`: the fiscal year named by the year it ends in, as
            // `2024-25` is (`sentence.rs`).
            let digits: String = m.chars().filter(char::is_ascii_digit).collect();
            match digits.parse::<i32>() {
                Ok(y) if digits.len() == 2 => Token::Year(2000 + y),
                Ok(y) => Token::Year(y),
                Err(_) => continue,
            }
        } else if caps.name("yoy").is_some() {
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
