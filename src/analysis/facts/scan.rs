//! One pass over a sentence's characters before its facts are worked out: the set of its
//! characters (for cheap "may it hold this word" tests), whether it is English, and whether
//! it may hold a period or basis word. Sentence text in, `Scan` out.

use super::tokens::{Cues, english_cues};

/// The characters of a piece of text as a 512-bit Bloom filter with one hash: a character
/// not in the set is certainly not in the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct CharSet([u64; 8]);

impl CharSet {
    fn bit(c: char) -> usize {
        ((c as u32).wrapping_mul(0x9E37_79B1) >> 23) as usize
    }

    pub fn insert(&mut self, c: char) {
        let b = Self::bit(c);
        self.0[b / 64] |= 1 << (b % 64);
    }

    pub fn may_contain(&self, c: char) -> bool {
        let b = Self::bit(c);
        self.0[b / 64] & (1 << (b % 64)) != 0
    }

    /// Whether every character of `word` may be in the set.
    pub fn may_hold(&self, word: &str) -> bool {
        word.chars().all(|c| self.may_contain(c))
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

/// What one pass over a sentence found.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scan {
    pub chars: CharSet,
    /// A CJK ideograph stands in it (else it is English to the facts).
    pub cjk: bool,
    /// An ASCII letter, or a character Unicode case folding turns into one, stands in it.
    pub letters: bool,
    pub cues: Cues,
}

/// One pass over `s`. The cues are those of the period words (`tokens::find_words`): every
/// Chinese one holds one of the characters matched here (`年` and `月` only after the
/// characters that make them a period or basis word), and the English ones are looked for
/// only in a sentence with letters.
pub fn scan(s: &str) -> Scan {
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
            '产' | '產' if matches!(prev, Some('单' | '單' | '亩' | '畝')) => token = true,
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

/// Whether an English cue word of `tokens` may stand in a text with these characters.
fn english_may_cue(chars: &CharSet) -> bool {
    super::tokens::CUE_WORDS
        .iter()
        .any(|(w, _)| chars.may_hold_ci(w))
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

    #[test]
    fn the_set_holds_every_character() {
        let s = "全市地区生产总值 4,126 亿元, net sales";
        let set = scan(s).chars;
        assert!(s.chars().all(|c| set.may_contain(c)));
        assert!(set.may_hold("总值") && set.may_hold_ci("NET"));
        assert!(contains_ci(s, "Net Sales") && !contains_ci(s, "revenue"));
    }
}
