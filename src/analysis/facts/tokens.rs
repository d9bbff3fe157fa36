//! Period and basis words in a sentence: masked text in, each word's span and meaning out,
//! found by one linear-time regex pass per sentence.

use std::sync::LazyLock;

use regex::Regex;

use super::scan::{ByFirstLow, CharSet, Scan, WordSet};
use super::{Part, basis};
use crate::source::Span;

/// The alternatives of the period and basis words, in the order a leftmost-first regex
/// alternation would try them at one position: the group that comes first wins a tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Fy,
    Yoy,
    Pop,
    Nominal,
    Real,
    Two,
    Cmp,
    Avg,
    Base,
    Prev,
    This,
    Months,
    Quarters,
    SecondHalf,
    Full,
    Quarter,
    ThisMonth,
    Weeks,
    Half,
    Month,
}

/// The words of each group that are plain literals, in the order they are tried: Chinese
/// as written, English in any ASCII case, `~` standing for a hyphen or a space. Words
/// marked `true` must stand as whole ASCII words (`real` is not in `really`).
///
/// Literals go to one Aho-Corasick automaton; the few forms built from numerals go to
/// `PATTERNED_ZH` and `PATTERNED_EN`, two small regexes. One regex of all of them took a tenth of the start-up of
/// checking an article (compiled, then its lazy DFA filled, for a few sentences).
const LITERAL_WORDS: &[(Group, &[(&str, bool)])] = &[
    (
        Group::Yoy,
        &[
            ("同比", false),
            ("比上年同期", false),
            ("比去年同期", false),
            ("较上年同期", false),
            ("较去年同期", false),
            ("比上年", false),
            ("较上年", false),
            ("比去年", false),
            ("较去年", false),
            ("比上届", false),
            ("较上届", false),
            // `与上年同期相比`, `與去年相比`: a basis of the sentence, not a period.
            ("与上年同期相比", false),
            ("与上年相比", false),
            ("与去年同期相比", false),
            ("与去年相比", false),
            ("與上年同期相比", false),
            ("與上年相比", false),
            ("與去年同期相比", false),
            ("與去年相比", false),
            ("同上年同期相比", false),
            ("同上年相比", false),
            ("同去年同期相比", false),
            ("同去年相比", false),
            ("和上年同期相比", false),
            ("和上年相比", false),
            ("和去年同期相比", false),
            ("和去年相比", false),
            ("跟上年同期相比", false),
            ("跟上年相比", false),
            ("跟去年同期相比", false),
            ("跟去年相比", false),
            ("較上年同期", false),
            ("較去年同期", false),
            ("較上年", false),
            ("較去年", false),
            ("比上屆", false),
            ("較上屆", false),
            ("年增", false),
            ("年減", false),
            ("year~on~year", false),
            ("year~over~year", false),
            ("from a year earlier", false),
            ("from a year ago", false),
            ("from the prior fiscal year", false),
            ("from the prior year", false),
            ("from the previous fiscal year", false),
            ("from the previous year", false),
            ("from the last fiscal year", false),
            ("from the last year", false),
            ("from prior fiscal year", false),
            ("from prior year", false),
            ("from previous fiscal year", false),
            ("from previous year", false),
            ("from last fiscal year", false),
            ("from last year", false),
            ("over the year", false),
            ("on the year", false),
            ("y/y", true),
            ("yoy", true),
            ("from the same quarter of last year", false),
            ("from the same quarter of year", false),
            ("from the same quarter a last year", false),
            ("from the same quarter a year", false),
            ("from the same quarter last year", false),
            ("from the same quarter year", false),
            ("from the same period of last year", false),
            ("from the same period of year", false),
            ("from the same period a last year", false),
            ("from the same period a year", false),
            ("from the same period last year", false),
            ("from the same period year", false),
            ("from the same month of last year", false),
            ("from the same month of year", false),
            ("from the same month a last year", false),
            ("from the same month a year", false),
            ("from the same month last year", false),
            ("from the same month year", false),
        ],
    ),
    (
        Group::Pop,
        &[
            ("环比", false),
            ("比上月", false),
            ("较上月", false),
            ("比上季度", false),
            ("较上季度", false),
            ("比一季度", false),
            ("比二季度", false),
            ("比三季度", false),
            ("環比", false),
            ("較上月", false),
            ("較上季", false),
            ("月增", false),
            ("月減", false),
            ("季增", false),
            ("季減", false),
            ("sequentially", false),
            ("quarter~on~quarter", false),
            ("month~on~month", false),
            ("from the first quarter", false),
            ("from the second quarter", false),
            ("from the third quarter", false),
            ("from the previous quarter", false),
            ("from the prior quarter", false),
        ],
    ),
    (
        Group::Nominal,
        &[
            ("名义", false),
            ("名目", false),
            ("按现价", false),
            ("按現價", false),
            ("nominal", true),
            ("current prices", false),
        ],
    ),
    (
        Group::Real,
        &[
            ("实际", false),
            ("實際", false),
            ("扣除价格因素", false),
            ("扣除價格因素", false),
            ("按不变价格", false),
            ("按不變價格", false),
            ("按可比价格", false),
            ("real", true),
            ("inflation~adjusted", false),
            ("constant prices", false),
        ],
    ),
    (
        Group::Two,
        &[
            ("两年平均", false),
            ("兩年平均", false),
            ("two~year average", false),
        ],
    ),
    (
        Group::Cmp,
        &[
            ("按可比口径", false),
            ("like~for~like", false),
            ("comparable", false),
        ],
    ),
    (
        Group::Avg,
        &[
            ("人均", false),
            ("平均", false),
            ("日均", false),
            ("场均", false),
            ("場均", false),
            ("户均", false),
            ("戶均", false),
            // Per student, per school, per mu, per vehicle, per shop (`生均校舍面积`).
            ("生均", false),
            ("校均", false),
            ("亩均", false),
            ("畝均", false),
            ("车均", false),
            ("車均", false),
            ("店均", false),
            ("average", true),
            ("per capita", false),
            ("on average", false),
            // A figure per unit (`每亩 350.8 公斤`, `$4.20 per share`) is never added up.
            ("每亩", false),
            ("每公顷", false),
            ("每人", false),
            ("每户", false),
            ("每戶", false),
            ("每千人", false),
            ("每万人", false),
            ("每萬人", false),
            ("每百户", false),
            ("每吨", false),
            ("每噸", false),
            ("每股", false),
            ("每平方米", false),
            ("单产", false),
            ("單產", false),
            ("亩产", false),
            ("畝產", false),
            ("per share", false),
            ("per head", false),
            ("per acre", false),
            ("per hectare", false),
            ("per tonne", false),
            ("per person", false),
            ("per household", false),
        ],
    ),
    (
        Group::Prev,
        &[
            ("去年", false),
            ("上年", false),
            ("上一年", false),
            ("前一年", false),
            ("上届", false),
            ("上屆", false),
            ("上赛季", false),
            ("上賽季", false),
            ("last year", false),
            ("a year earlier", false),
            ("a year ago", false),
            ("the prior fiscal year", false),
            ("the prior year", false),
            ("the previous fiscal year", false),
            ("the previous year", false),
            ("last season", false),
        ],
    ),
    (
        Group::This,
        &[
            ("今年", false),
            ("本年", false),
            ("本届", false),
            ("本屆", false),
            ("本赛季", false),
            ("本賽季", false),
            ("this year", false),
            ("this season", false),
        ],
    ),
    (
        Group::Months,
        &[
            ("first two months", false),
            ("first three months", false),
            ("first four months", false),
            ("first five months", false),
            ("first six months", false),
            ("first seven months", false),
            ("first eight months", false),
            ("first nine months", false),
            ("first ten months", false),
            ("first eleven months", false),
        ],
    ),
    (
        Group::Quarters,
        &[
            ("上半年", false),
            ("first~half", false),
            ("first nine months", false),
            ("first six months", false),
        ],
    ),
    (
        Group::SecondHalf,
        &[("下半年", false), ("second~half", false)],
    ),
    (
        Group::Full,
        &[
            ("全年", false),
            ("full~year", false),
            ("for the year", false),
        ],
    ),
    (
        Group::Quarter,
        &[
            ("first~quarter", true),
            ("second~quarter", true),
            ("third~quarter", true),
            ("fourth~quarter", true),
            ("q1", true),
            ("q2", true),
            ("q3", true),
            ("q4", true),
        ],
    ),
    (Group::ThisMonth, &[("当月", false)]),
    (
        Group::Month,
        &[
            ("january", true),
            ("february", true),
            ("march", true),
            ("april", true),
            ("may", true),
            ("june", true),
            ("july", true),
            ("august", true),
            ("september", true),
            ("october", true),
            ("november", true),
            ("december", true),
        ],
    ),
];

/// The literal words, each spelling of `~` apart, and for each pattern its group, whether
/// it must stand as a whole word, and its rank among the patterns (the order tried). The
/// spellings beyond ASCII are looked for each on its own where a sentence's characters
/// allow them; the ASCII ones, by one search of the stretches of ASCII with a letter (every
/// ASCII spelling holds a letter).
struct Literals {
    /// Every spelling, in the order tried (for the reference search of all of them).
    #[cfg(test)]
    patterns: Vec<String>,
    info: Vec<(Group, bool)>,
    /// The ASCII spellings, and each one's number among all (searched by `ASCII_LITERALS`).
    ascii: Vec<String>,
    ascii_ranks: Vec<usize>,
    /// The spellings beyond ASCII (none holds an ASCII character), each with its pattern
    /// number and its set of characters.
    cjk: Vec<(usize, String, WordSet)>,
    /// The spellings of `cjk` that begin beyond ASCII, as indices into it, by their first
    /// character: those compared at one place (`cjk_literals`).
    cjk_by_first: ByFirstLow<usize>,
    /// The other spellings of `cjk` (none yet), looked for as `cjk_literals` does.
    cjk_rest: Vec<usize>,
}

static LITERALS: LazyLock<Literals> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut info = Vec::new();
    for &(group, words) in LITERAL_WORDS {
        for &(word, bounded) in words {
            let mut spellings = vec![String::new()];
            for c in word.chars() {
                let options: &[char] = if c == '~' { &['-', ' '] } else { &[c] };
                spellings = spellings
                    .iter()
                    .flat_map(|s| {
                        options.iter().map(move |&o| {
                            let mut t = s.clone();
                            t.push(o);
                            t
                        })
                    })
                    .collect();
            }
            for spelling in spellings {
                patterns.push(spelling);
                info.push((group, bounded));
            }
        }
    }
    let ascii_ranks: Vec<usize> = (0..patterns.len())
        .filter(|&k| patterns[k].is_ascii())
        .collect();
    let ascii = ascii_ranks.iter().map(|&k| patterns[k].clone()).collect();
    let cjk = patterns
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.is_ascii())
        .map(|(k, p)| (k, p.clone(), WordSet::of(p)))
        .collect::<Vec<_>>();
    let mut by_first = Vec::new();
    let mut cjk_rest = Vec::new();
    for (j, (_, p, _)) in cjk.iter().enumerate() {
        match p.chars().next() {
            Some(c) if !c.is_ascii() => by_first.push((c, j)),
            _ => cjk_rest.push(j),
        }
    }
    let cjk_by_first = ByFirstLow::new(by_first);
    Literals {
        #[cfg(test)]
        patterns,
        info,
        ascii,
        ascii_ranks,
        cjk,
        cjk_by_first,
        cjk_rest,
    }
});

/// The automaton of the ASCII spellings (`Literals::ascii`), built apart from `LITERALS`:
/// only a sentence where an English cue stands is searched with it, and an article without
/// one never builds it (a third of the start-up of the literals). A contiguous NFA: a DFA
/// of these spellings takes longer to build than a sentence takes to search.
static ASCII_LITERALS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(&LITERALS.ascii)
        .expect("static word list")
});

/// The first characters of the literal spellings beyond ASCII (`scan::Marks::starts`).
pub(super) fn literal_firsts() -> impl Iterator<Item = char> {
    LITERALS.cjk_by_first.firsts().iter().copied()
}

/// The forms built from numerals (`FY2025`, `较 2019 年同期`, `前 8 个月`, `1-8月`, `前三季度`,
/// `第二季度`, `7月份`), one named group each, in the order of `Group`: the Chinese ones
/// here, the English ones in `PATTERNED_EN`. Two regexes, each compiled only when a
/// sentence may hold one of its forms (`Patterned`): a Chinese article seldom needs the
/// English one, and the Chinese one alone compiles in half the time of both in one.
/// Searched from one place, the leftmost match of the two, and at one start the one of the
/// earlier group, is the match of one alternation of all the forms in the order of `Group`.
static PATTERNED_ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<base>[较比]\s*[0-9０-９]{4}\s*年同期)
        |(?P<months>前\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[个個]?月|1\s*(?:至|到|-|—|～|~)\s*[0-9０-９]{1,2}\s*月份?)
        |(?P<quarters>前\s*[一二三两兩]\s*(?:[个個])?季度?)
        |(?P<quarter>第\s*[一二三四1-4]\s*季度?|[一二三四1-4]\s*季度)
        |(?P<month>(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?)
        ",
    )
    .expect("static regex")
});

/// The English forms of `PATTERNED_ZH` (`FY2025`, `six weeks to January 4`, `H1 2025`).
static PATTERNED_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<fy>(?i-u:(?-u:\b)FY\s?'?(?:[0-9]{4}|[0-9]{2})(?-u:\b)))
        |(?P<weeks>(?i-u:(?-u:\b)(?:[0-9]{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)[-\ ](?:weeks?|months?)\ (?:to|ended|ending|through)\ (?:January|February|March|April|May|June|July|August|September|October|November|December)\ [0-9]{1,2}(?-u:\b)))
        |(?P<half>(?-u:\b)H[12]\ (?:20[0-9]{2}|FY\ ?'?[0-9]{2,4})(?-u:\b))
        ",
    )
    .expect("static regex")
});

/// Which of `PATTERNED_ZH` and `PATTERNED_EN` may match in a text (`may_be_patterned`).
#[derive(Clone, Copy)]
struct Patterned {
    zh: bool,
    en: bool,
}

#[cfg(test)]
impl Patterned {
    const ALL: Patterned = Patterned { zh: true, en: true };
}

/// The next match of one of the two regexes from some place on: the regex, whether it may
/// still match, and its match when one was found.
struct NextPatterned {
    regex: &'static LazyLock<Regex>,
    done: bool,
    next: Option<(usize, usize, Group)>,
}

impl NextPatterned {
    fn new(regex: &'static LazyLock<Regex>, may_match: bool) -> Self {
        NextPatterned {
            regex,
            done: !may_match,
            next: None,
        }
    }

    /// The leftmost match at or after `pos`. Once the regex finds nothing from some place
    /// on, it finds nothing further on either: it is not run again (a long sentence of
    /// literals stays linear). A match found from an earlier place that starts at or after
    /// `pos` is the one a search from `pos` finds.
    fn at(&mut self, s: &str, pos: usize) -> Option<(usize, usize, Group)> {
        if !self.done && self.next.is_none_or(|p| p.0 < pos) {
            self.next = self.regex.captures_at(s, pos).map(|caps| {
                let whole = caps.get(0).expect("group 0");
                (whole.start(), whole.end(), patterned_group(&caps))
            });
            self.done = self.next.is_none();
        }
        self.next
    }
}

fn patterned_group(caps: &regex::Captures<'_>) -> Group {
    if caps.name("fy").is_some() {
        Group::Fy
    } else if caps.name("base").is_some() {
        Group::Base
    } else if caps.name("months").is_some() {
        Group::Months
    } else if caps.name("quarters").is_some() {
        Group::Quarters
    } else if caps.name("quarter").is_some() {
        Group::Quarter
    } else if caps.name("weeks").is_some() {
        Group::Weeks
    } else if caps.name("half").is_some() {
        Group::Half
    } else {
        Group::Month
    }
}

fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The period and basis words of `s`, left to right, as one leftmost-first regex of all the
/// alternatives would find them: at the leftmost place any alternative matches, the first
/// alternative tried there wins (a numeral form before a literal of its own group), and the
/// search goes on after it.
#[cfg(test)]
fn find_words(s: &str) -> Vec<(usize, usize, Group)> {
    static ALL: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&LITERALS.patterns)
            .expect("static word list")
    });
    let bytes = s.as_bytes();
    let literals = &*LITERALS;
    // (start, end, group, rank): every literal match at every place, in the order tried.
    let found: Vec<(usize, usize, Group, usize)> = ALL
        .find_overlapping_iter(s)
        .filter_map(|m| {
            let k = m.pattern().as_usize();
            let (group, bounded) = literals.info[k];
            let whole = !bounded
                || (m.start() == 0 || !is_ascii_word(bytes[m.start() - 1]))
                    && bytes.get(m.end()).is_none_or(|&b| !is_ascii_word(b));
            whole.then_some((m.start(), m.end(), group, k))
        })
        .collect();
    pick_words(s, found, Patterned::ALL)
}

/// `find_words` of a text where no English cue stands (`english_cues`), whose set of
/// characters is `chars`: only the spellings beyond ASCII can match, and each that the characters allow is looked for
/// on its own (no spelling overlaps itself, so a search from the end of each place misses
/// none), which is cheaper than the search of all.
fn find_words_without_letters(
    s: &str,
    chars: &CharSet,
    starts: Option<&[usize]>,
) -> Vec<(usize, usize, Group)> {
    let mut found = Vec::new();
    cjk_literals(s, chars, starts, &mut found);
    // Each English numeral form holds a cue (`FY`, `week`/`month`, `H1 `/`H2 `).
    let may_match = Patterned {
        en: false,
        ..may_be_patterned(chars)
    };
    pick_words(s, found, may_match)
}

/// Every place of each literal spelling beyond ASCII that `chars` allows, into `found` as
/// (start, end, group, rank). Given every place where such a spelling may begin
/// (`scan::Marks::starts`), the spellings are compared there instead of searched for.
fn cjk_literals(
    s: &str,
    chars: &CharSet,
    starts: Option<&[usize]>,
    found: &mut Vec<(usize, usize, Group, usize)>,
) {
    let literals = &*LITERALS;
    if let Some(starts) = starts {
        for &at in starts {
            let tail = &s[at..];
            for &j in literals.cjk_by_first.at(s, at) {
                let (k, word, _) = &literals.cjk[j];
                if tail.starts_with(word.as_str()) {
                    found.push((at, at + word.len(), literals.info[*k].0, *k));
                }
            }
        }
        for &j in &literals.cjk_rest {
            let (k, word, set) = &literals.cjk[j];
            if chars.covers_word(set) {
                let group = literals.info[*k].0;
                found.extend(
                    s.match_indices(word.as_str())
                        .map(|(start, _)| (start, start + word.len(), group, *k)),
                );
            }
        }
        return;
    }
    for (k, word, set) in &literals.cjk {
        if !chars.covers_word(set) {
            continue;
        }
        let group = literals.info[*k].0;
        found.extend(
            s.match_indices(word.as_str())
                .map(|(start, _)| (start, start + word.len(), group, *k)),
        );
    }
}

/// `find_words` of a text whose set of characters is `chars`: the spellings beyond ASCII
/// each on its own, the ASCII ones by one search of the stretches of ASCII with a letter
/// (a whole-word test there reads the bytes around the stretch, never ASCII word
/// characters).
fn find_words_by_kind(
    s: &str,
    chars: &CharSet,
    starts: Option<&[usize]>,
) -> Vec<(usize, usize, Group)> {
    let bytes = s.as_bytes();
    let literals = &*LITERALS;
    let mut found = Vec::new();
    cjk_literals(s, chars, starts, &mut found);
    for r in super::scan::ascii_stretches(s) {
        for m in ASCII_LITERALS.find_overlapping_iter(&s[r.clone()]) {
            let k = literals.ascii_ranks[m.pattern().as_usize()];
            let (group, bounded) = literals.info[k];
            let (start, end) = (r.start + m.start(), r.start + m.end());
            let whole = !bounded
                || (start == 0 || !is_ascii_word(bytes[start - 1]))
                    && bytes.get(end).is_none_or(|&b| !is_ascii_word(b));
            if whole {
                found.push((start, end, group, k));
            }
        }
    }
    pick_words(s, found, may_be_patterned(chars))
}

/// Whether `PATTERNED_ZH` and `PATTERNED_EN` may match in a text with the characters
/// `chars`: each Chinese form holds `月` or `季` (`前 8 个月`, `第二季度`) or `年同期`
/// (`较 2019 年同期`); each English one `FY`, or a space and `weeks`/`months` or `H1`/`H2`
/// (in any case but `H`). A sentence without them is not searched.
fn may_be_patterned(chars: &CharSet) -> Patterned {
    Patterned {
        zh: chars.may_contain('月') || chars.may_contain('季') || chars.may_hold("年同期"),
        en: chars.may_hold_ci("fy")
            || chars.may_contain(' ')
                && (chars.may_hold_ci("wek")
                    || chars.may_hold_ci("mnth")
                    || chars.may_contain('H')
                        && (chars.may_contain('1') || chars.may_contain('2'))),
    }
}

/// The words `find_words` gives, from every literal match at every place (`found`);
/// `may_match`: which of the regexes of the numeral forms may match at all
/// (`may_be_patterned`).
fn pick_words(
    s: &str,
    mut found: Vec<(usize, usize, Group, usize)>,
    may_match: Patterned,
) -> Vec<(usize, usize, Group)> {
    found.sort_unstable_by_key(|&(start, _, group, k)| (start, group, k));
    let mut out = Vec::new();
    let mut pos = 0;
    let mut next_literal = 0;
    let mut zh = NextPatterned::new(&PATTERNED_ZH, may_match.zh);
    let mut en = NextPatterned::new(&PATTERNED_EN, may_match.en);
    while pos < s.len() {
        while found.get(next_literal).is_some_and(|f| f.0 < pos) {
            next_literal += 1;
        }
        // The match of one alternation of both: the leftmost, and at one start the earlier
        // group (the groups of the two are told apart by their order).
        let patterned = match (zh.at(s, pos), en.at(s, pos)) {
            (Some(z), Some(e)) => Some(if (e.0, e.2) < (z.0, z.2) { e } else { z }),
            (z, e) => z.or(e),
        };
        let literal = found
            .get(next_literal)
            .map(|&(start, end, group, _)| (start, end, group));
        // A tie at one place goes to the earlier group, and within a group to the numeral
        // form, which the alternation lists first.
        let pick = match (literal, patterned) {
            (Some(l), Some(p)) if (p.0, p.2) <= (l.0, l.2) => p,
            (Some(l), _) => l,
            (None, Some(p)) => p,
            (None, None) => break,
        };
        out.push(pick);
        pos = pick.1.max(pick.0 + 1);
    }
    out
}

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

/// `six weeks to January 4` → (6, false, 1, 4); `three months ended September 30` →
/// (3, true, 9, 30).
fn weeks_to(m: &str) -> Option<(u8, bool, u8, u8)> {
    const WORDS: [&str; 12] = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen",
    ];
    let lower = m.to_ascii_lowercase();
    let mut words = lower.split([' ', '-']).filter(|w| !w.is_empty());
    let first = words.next()?;
    let weeks = match first.parse::<u8>() {
        Ok(n) => n,
        Err(_) => WORDS.iter().position(|w| *w == first)? as u8 + 2,
    };
    let rest: Vec<&str> = words.collect();
    let [unit, .., month, day] = rest.as_slice() else {
        return None;
    };
    let months = unit.starts_with("month");
    let month = MONTHS.iter().position(|p| month.starts_with(p))? as u8 + 1;
    let day: u8 = day.parse().ok()?;
    ((1..=53).contains(&weeks) && (1..=31).contains(&day)).then_some((weeks, months, month, day))
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

/// A word every English alternative of the period words holds (ASCII case folded, as `(?i)` folds
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
    ("per share", Cue::Basis),
    ("per head", Cue::Basis),
    ("per acre", Cue::Basis),
    ("per hectare", Cue::Basis),
    ("per tonne", Cue::Basis),
    ("per person", Cue::Basis),
    ("per household", Cue::Basis),
    ("like", Cue::Basis),
    ("comparable", Cue::Basis),
    ("sequentially", Cue::Basis),
    ("yoy", Cue::Basis),
    ("y/y", Cue::Basis),
    ("current", Cue::Basis),
    ("year", Cue::Period),
    ("fy", Cue::Period),
    ("month", Cue::Period),
    ("week", Cue::Period),
    ("h1 ", Cue::Period),
    ("h2 ", Cue::Period),
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

/// A contiguous NFA: a DFA of the cues took longer to build than the searches of an article
/// take, and searches little faster.
static CUE_SEARCH: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(CUE_WORDS.iter().map(|(w, _)| w))
        .expect("static word list")
});

/// Whether any English cue stands in `s` (`english_cues(s).token`), whose set of
/// characters is `chars`: the two cues beyond ASCII looked for as written, the others
/// (each holds an ASCII letter) in the stretches of ASCII with a letter, by a search that
/// stops at the first.
pub(super) fn english_cue_stands(s: &str, chars: &CharSet) -> bool {
    ['\u{212A}', '\u{17F}']
        .iter()
        .any(|&c| chars.may_contain(c) && s.contains(c))
        || super::scan::ascii_stretches(s).any(|r| CUE_SEARCH.is_match(&s[r]))
}

/// The English cues of `s`: where none stands, no English alternative of the period words matches.
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
#[cfg(test)]
pub(super) fn tokens(text: &str, sentence: Span, cues: Cues) -> Vec<(Span, Token)> {
    let mut out = Vec::new();
    if cues.token {
        words_into(
            text,
            sentence,
            find_words(&text[sentence.range()]),
            &mut out,
        );
    }
    out
}

/// `tokens` of a sentence scanned as `scanned`, added to `out`, given the places where a
/// period word beyond ASCII may begin when the scan found them (`scan::Marks::starts`).
pub(super) fn tokens_into_at(
    text: &str,
    sentence: Span,
    scanned: &Scan,
    starts: Option<&[usize]>,
    out: &mut Vec<(Span, Token)>,
) {
    if !scanned.cues.token {
        return;
    }
    let s = &text[sentence.range()];
    // Every English word holds an English cue: without one, only the words beyond ASCII
    // can stand.
    let words = if scanned.english_words {
        find_words_by_kind(s, &scanned.chars, starts)
    } else {
        find_words_without_letters(s, &scanned.chars, starts)
    };
    words_into(text, sentence, words, out);
}

/// The tokens of the period and basis words `words` of a sentence, added to `out`.
fn words_into(
    text: &str,
    sentence: Span,
    words: Vec<(usize, usize, Group)>,
    out: &mut Vec<(Span, Token)>,
) {
    let s = &text[sentence.range()];
    for (start, end, group) in words {
        let span = Span::new(sentence.start + start, sentence.start + end);
        let m = &s[start..end];
        let after = &s[end..];
        // `年增 8.2%` (Taiwan: year on year) opens a phrase; in `2024 年增长`, `10 月增加`,
        // `三季增长` the 年/月/季 ends a period and the change has no basis word.
        if matches!(m, "年增" | "年減" | "月增" | "月減" | "季增" | "季減")
            && s[..start].chars().next_back().is_some_and(|c| {
                c.is_ascii_digit()
                    || c.is_whitespace()
                    || "０１２３４５６７８９一二三四五六七八九十全今去上本前同个個当當".contains(c)
            })
        {
            continue;
        }
        // `real estate`, `real-time`: a noun, not a basis of prices.
        if group == Group::Real
            && m.eq_ignore_ascii_case("real")
            && [" estate", "-estate", " time", "-time"].iter().any(|w| {
                after
                    .get(..w.len())
                    .is_some_and(|a| a.eq_ignore_ascii_case(w))
            })
        {
            continue;
        }
        let token = if group == Group::Fy {
            // `FY2025`, `FY25`: the fiscal year named by the year it ends in, as
            // `2024-25` is (`sentence.rs`).
            let digits: String = m.chars().filter(char::is_ascii_digit).collect();
            match digits.parse::<i32>() {
                Ok(y) if digits.len() == 2 => Token::Year(2000 + y),
                Ok(y) => Token::Year(y),
                Err(_) => continue,
            }
        } else if group == Group::Yoy {
            Token::Basis(basis::YOY)
        } else if group == Group::Pop {
            Token::Basis(basis::POP)
        } else if group == Group::Nominal {
            Token::Basis(basis::NOMINAL)
        } else if group == Group::Real {
            Token::Basis(basis::REAL)
        } else if group == Group::Two {
            Token::Basis(basis::TWO_YEAR)
        } else if group == Group::Cmp {
            Token::Basis(basis::COMPARABLE)
        } else if group == Group::Avg {
            Token::Basis(basis::AVERAGE)
        } else if group == Group::Base {
            Token::Basis(basis::BASE_YEAR)
        } else if group == Group::Prev {
            Token::Previous
        } else if group == Group::This {
            Token::This
        } else if group == Group::Months {
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
        } else if group == Group::Quarters {
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
        } else if group == Group::SecondHalf {
            Token::Part(Part::SecondHalf)
        } else if group == Group::Full {
            Token::Part(Part::FullYear)
        } else if group == Group::Quarter {
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
        } else if group == Group::ThisMonth {
            Token::Part(Part::ThisMonth)
        } else if group == Group::Half {
            // `H1 2025`, `H2 FY25`: a half named before its year; only `H1` is the half (the
            // year is the extractor's), and only with a year after it (`H2` alone may be
            // hydrogen).
            let span = Span::new(span.start, span.start + 2);
            let part = if m.starts_with("H1") {
                Part::Months(6)
            } else {
                Part::SecondHalf
            };
            out.push((span, Token::Part(part)));
            continue;
        } else if group == Group::Weeks {
            // `the six weeks to January 4`, `the three months ended September 30`: a span
            // of weeks or months named by its last day.
            match weeks_to(m) {
                Some((count, months, month, day)) => Token::Part(Part::Through {
                    count,
                    months,
                    month,
                    day,
                }),
                None => continue,
            }
        } else if group == Group::Month {
            // A day after the month makes it a date, not a period: `7 月 18 日`, `January 31`.
            let rest = after.trim_start();
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            // In English a day has one or two digits (`October 12`, `12 October`); four are
            // the month's year (`October 2025`), and the month is a period.
            let english = m.is_ascii() && m.chars().any(|c| c.is_ascii_alphabetic());
            let day_before = english && {
                let b = s[..start].trim_end_matches(' ');
                let n = b.len() - b.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                (1..=2).contains(&n)
            };
            let day = digits > 0
                && if english {
                    digits <= 2
                } else {
                    m.is_ascii() || {
                        let r = rest[digits..].trim_start();
                        r.starts_with('日') || r.starts_with('号')
                    }
                };
            if day || day_before || after.starts_with('日') {
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
}

/// The one regex the literal automaton and the `PATTERNED_*` regexes replaced, kept to check that they
/// find the same words in the same places.
#[cfg(test)]
mod same_as_one_regex {
    use std::sync::LazyLock;

    use proptest::prelude::*;
    use regex::Regex;

    use super::{Group, find_words};

    static ONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)
        (?P<fy>(?i-u:(?-u:\b)FY\s?'?(?:[0-9]{4}|[0-9]{2})(?-u:\b)))
        |(?P<yoy>同比|比上年同期|比去年同期|较上年同期|较去年同期|比上年|较上年|比去年|较去年|比上届|较上届
            |[与與同和跟](?:上年|去年)(?:同期)?相比|較上年同期|較去年同期|較上年|較去年|比上屆|較上屆|年增|年減
            |(?i-u:year[-\ ]on[-\ ]year|year[-\ ]over[-\ ]year|from\ a\ year\ (?:earlier|ago)
            |from\ (?:the\ )?(?:prior|previous|last)\ (?:fiscal\ )?year|over\ the\ year
            |from\ the\ same\ (?:quarter|period|month)\ (?:of\ |a\ )?(?:last\ )?year|on\ the\ year|(?-u:\b)y/y(?-u:\b)|(?-u:\b)yoy(?-u:\b)))
        |(?P<pop>环比|比上月|较上月|比上季度|较上季度|比一季度|比二季度|比三季度
            |環比|較上月|較上季|月增|月減|季增|季減
            |(?i-u:sequentially|quarter[-\ ]on[-\ ]quarter|month[-\ ]on[-\ ]month
            |from\ the\ (?:first|second|third|previous|prior)\ quarter))
        |(?P<nominal>名义|名目|按现价|按現價|(?i-u:(?-u:\b)nominal(?-u:\b)|current\ prices))
        |(?P<real>实际|實際|扣除价格因素|扣除價格因素|按不变价格|按不變價格|按可比价格|(?i-u:(?-u:\b)real(?-u:\b)|inflation[-\ ]adjusted|constant\ prices))
        |(?P<two>两年平均|兩年平均|(?i-u:two[-\ ]year\ average))
        |(?P<cmp>按可比口径|(?i-u:like[-\ ]for[-\ ]like|comparable))
        |(?P<avg>人均|平均|日均|场均|場均|户均|戶均|生均|校均|亩均|畝均|车均|車均|店均|每亩|每公顷|每人|每户|每戶|每千人|每万人|每萬人|每百户|每吨|每噸|每股|每平方米|单产|單產|亩产|畝產|(?i-u:(?-u:\b)average(?-u:\b)|per\ capita|on\ average|per\ share|per\ head|per\ acre|per\ hectare|per\ tonne|per\ person|per\ household))
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
        |(?P<weeks>(?i-u:(?-u:\b)(?:[0-9]{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)[-\ ](?:weeks?|months?)\ (?:to|ended|ending|through)\ (?:January|February|March|April|May|June|July|August|September|October|November|December)\ [0-9]{1,2}(?-u:\b)))
        |(?P<half>(?-u:\b)H[12]\ (?:20[0-9]{2}|FY\ ?'?[0-9]{2,4})(?-u:\b))
        |(?P<month>(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?
            |(?i-u:(?-u:\b)(?:January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)))
        ",
        )
        .expect("static regex")
    });

    const GROUPS: [(&str, Group); 20] = [
        ("fy", Group::Fy),
        ("yoy", Group::Yoy),
        ("pop", Group::Pop),
        ("nominal", Group::Nominal),
        ("real", Group::Real),
        ("two", Group::Two),
        ("cmp", Group::Cmp),
        ("avg", Group::Avg),
        ("base", Group::Base),
        ("prev", Group::Prev),
        ("this", Group::This),
        ("months", Group::Months),
        ("quarters", Group::Quarters),
        ("second_half", Group::SecondHalf),
        ("full", Group::Full),
        ("quarter", Group::Quarter),
        ("this_month", Group::ThisMonth),
        ("weeks", Group::Weeks),
        ("half", Group::Half),
        ("month", Group::Month),
    ];

    fn one_regex(s: &str) -> Vec<(usize, usize, Group)> {
        ONE.captures_iter(s)
            .map(|caps| {
                let whole = caps.get(0).expect("group 0");
                let group = GROUPS
                    .iter()
                    .find(|(name, _)| caps.name(name).is_some())
                    .map(|&(_, g)| g)
                    .expect("a group");
                (whole.start(), whole.end(), group)
            })
            .collect()
    }

    fn texts(dir: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                texts(&path, out);
            } else if path.extension().is_some_and(|e| e == "md" || e == "txt")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                out.push(text);
            }
        }
    }

    #[test]
    fn every_word_is_cued() {
        // A sentence is searched only when `scan` finds a cue: a word it would miss is never
        // found at all.
        for &(_, words) in super::LITERAL_WORDS {
            for &(word, _) in words {
                let spelled = word.replace('~', " ");
                let cues = super::super::scan::scan(&spelled).cues;
                assert!(cues.token, "`{spelled}` raises no cue");
            }
        }
        for text in [
            "较2019年同期",
            "前8个月",
            "1-8月",
            "前三季度",
            "第二季度",
            "7月份",
        ] {
            assert!(
                super::super::scan::scan(text).cues.token,
                "`{text}` raises no cue"
            );
        }
    }

    #[test]
    fn on_every_fixture_line() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut all = Vec::new();
        texts(&root.join("tests/fixtures"), &mut all);
        texts(&root.join("source"), &mut all);
        assert!(all.len() > 100, "only {} fixture texts", all.len());
        let mut words = 0;
        for text in &all {
            for line in text.lines() {
                let expected = one_regex(line);
                words += expected.len();
                assert_eq!(find_words(line), expected, "in `{line}`");
                let chars = super::super::scan::CharSet::of(line);
                assert_eq!(
                    super::find_words_by_kind(line, &chars, None),
                    expected,
                    "in `{line}`"
                );
                let scanned = super::super::scan::scan(line);
                let marked =
                    super::super::scan::scan_marking::<true>(line, &mut Default::default());
                // Both are sure where they say no English word stands.
                assert!(
                    scanned.english_words || !marked.english_words,
                    "in `{line}`"
                );
                let starts = starts_of(line);
                assert_eq!(
                    super::find_words_by_kind(line, &chars, Some(&starts)),
                    expected,
                    "in `{line}`"
                );
                if !marked.english_words {
                    assert_eq!(
                        super::find_words_without_letters(line, &scanned.chars, None),
                        expected,
                        "in `{line}`"
                    );
                    assert_eq!(
                        super::find_words_without_letters(line, &scanned.chars, Some(&starts)),
                        expected,
                        "in `{line}`"
                    );
                }
            }
        }
        assert!(words > 1000, "only {words} words found");
    }

    const PIECES: &[&str] = &[
        "同比",
        "比上年",
        "同期",
        "较",
        "2019",
        "年",
        "前",
        "8",
        "个",
        "月",
        "1",
        "-",
        "至",
        "三",
        "季度",
        "第",
        "二",
        "份",
        "上半年",
        "全年",
        "当月",
        "十",
        "一",
        " ",
        "from",
        "the",
        "prior",
        "year",
        "Year-on-year",
        "real",
        "ly",
        "average",
        "Q3",
        "first",
        "quarter",
        "months",
        "half",
        "July",
        "weeks",
        "to",
        "13",
        "H1",
        "H2",
        "yoy",
        "y/y",
        "2025",
        "FY",
        "s",
        "on",
        "a",
        "ago",
        "last",
        "fiscal",
        "same",
        "period",
        "of",
        "平均",
        "人均",
        "去年",
        "上",
        "年",
        "环比",
        "名义",
        "实际",
    ];

    /// The places where a word beyond ASCII may begin, as the scan finds them.
    fn starts_of(s: &str) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut marks = super::super::scan::Marks {
            starts: Some(&mut starts),
            ..Default::default()
        };
        super::super::scan::scan_marking::<true>(s, &mut marks);
        starts
    }

    proptest! {
        #[test]
        fn on_random_pieces(tokens in proptest::collection::vec(0usize..200, 0..40)) {
            let mut s = String::new();
            for t in tokens {
                s.push_str(PIECES[t % PIECES.len()]);
                if t >= 100 {
                    s.push(' ');
                }
            }
            prop_assert_eq!(find_words(&s), one_regex(&s));
            let chars = super::super::scan::CharSet::of(&s);
            prop_assert_eq!(super::find_words_by_kind(&s, &chars, None), one_regex(&s));
            // Compared at the places the scan found instead of searched for.
            let starts = starts_of(&s);
            prop_assert_eq!(super::find_words_by_kind(&s, &chars, Some(&starts)), one_regex(&s));
        }

        #[test]
        fn without_letters_on_random_pieces(tokens in proptest::collection::vec(0usize..200, 0..40)) {
            let pieces: Vec<&str> = PIECES
                .iter()
                .copied()
                .filter(|p| !p.bytes().any(|b| b.is_ascii_alphabetic()))
                .chain(["与上年同期相比", "較上年同期", "年增", "人均", "每万人", "上一年", "本赛季", "〇", "𠀀"])
                .collect();
            let mut s = String::new();
            for t in tokens {
                s.push_str(pieces[t % pieces.len()]);
                if t >= 100 {
                    s.push(' ');
                }
            }
            let scanned = super::super::scan::scan(&s);
            prop_assert!(!scanned.letters);
            prop_assert_eq!(super::find_words_without_letters(&s, &scanned.chars, None), one_regex(&s));
            let starts = starts_of(&s);
            prop_assert_eq!(super::find_words_without_letters(&s, &scanned.chars, Some(&starts)), one_regex(&s));
        }

        #[test]
        fn without_english_cues_on_random_pieces(tokens in proptest::collection::vec(0usize..200, 0..40)) {
            // Letters that are no cue, among the words beyond ASCII.
            let pieces: Vec<&str> = PIECES
                .iter()
                .copied()
                .filter(|p| !p.bytes().any(|b| b.is_ascii_alphabetic()))
                .chain(["AI", "GDP", "OpenAI", "Google", "GPT-4", "Q", "FYI", "H", "real", "Year", "per share"])
                .collect();
            let mut s = String::new();
            for t in tokens {
                s.push_str(pieces[t % pieces.len()]);
                if t >= 100 {
                    s.push(' ');
                }
            }
            let marked = super::super::scan::scan_marking::<true>(&s, &mut Default::default());
            let scanned = super::super::scan::scan(&s);
            prop_assert_eq!(marked.cues.token, scanned.cues.token);
            if !marked.english_words {
                prop_assert_eq!(super::find_words_without_letters(&s, &marked.chars, None), one_regex(&s));
                let starts = starts_of(&s);
                prop_assert_eq!(super::find_words_without_letters(&s, &marked.chars, Some(&starts)), one_regex(&s));
            }
        }
    }

    proptest! {
        #[test]
        fn a_cue_stands_where_the_cues_say_so(tokens in proptest::collection::vec(0usize..200, 0..30)) {
            let pieces: Vec<&str> = PIECES
                .iter()
                .copied()
                .chain(["AI", "中国", "\u{212A}", "\u{17F}eason", "Per Share", "per", " share", "H1 ", "Fy", "，", "Q"])
                .collect();
            let s: String = tokens.iter().map(|&t| pieces[t % pieces.len()]).collect();
            let chars = super::super::scan::CharSet::of(&s);
            prop_assert_eq!(super::english_cue_stands(&s, &chars), super::english_cues(&s).token, "`{}`", s);
        }
    }

    #[test]
    fn no_spelling_beyond_ascii_overlaps_itself_or_holds_ascii() {
        for (_, w, _) in &super::LITERALS.cjk {
            assert!(!w.bytes().any(|b| b.is_ascii()), "{w}");
            for k in 1..w.len() {
                if w.is_char_boundary(k) {
                    assert!(!w.ends_with(&w[..k]), "{w}");
                }
            }
        }
    }
}
