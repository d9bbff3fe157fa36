//! The word tables that say what a figure is (attributed, forecast, revised, a change, a
//! share) and the normalising of a label into a measure: text in, flags, roles and measure
//! strings out.

use super::Role;
use super::scan::{ByFirstLow, CharSet, Scan, WordSet};
use super::tokens::Token;
use crate::extract::{Kind, Mention};
use crate::lexicon::strip_words;
use crate::source::Span;

/// Words that say a figure is someone's statement, not the article's own.
pub(super) const ATTRIBUTION: &[&str] = &[
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
    // Traditional characters.
    "介紹",
    "據悉",
    "據統計",
    "據了解",
    "據介紹",
    "according to",
    " said",
    " says",
    " told",
    "quoted",
];

pub(super) const FORECAST: &[&str] = &[
    "预计",
    "预期",
    "预测",
    "预估",
    "預估",
    "有望",
    "目标",
    "计划",
    "力争",
    "預計",
    "預期",
    "預測",
    "計畫",
    "力爭",
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

pub(super) const REVISED: &[&str] = &[
    "修订",
    "修正",
    "调整为",
    "上修",
    "下修",
    "更正",
    "修訂",
    "調整為",
    "revised",
    "restated",
    "revision",
    "restatement",
];

pub(super) const MULTIPLE_ANSWERS: &[&str] = &[
    "可多选",
    "多选",
    "多项选择",
    "可複選",
    "複選",
    "more than one answer",
    "more than one option",
    "multiple answers",
    "several answers",
    "select all",
];

/// What a sentence's flag words say: where the first attribution word ends, the first
/// expectation word, whether it speaks of a revision or of several answers, and where its
/// forecast words stand. One Aho-Corasick pass over the sentence, ASCII case folded.
#[cfg_attr(test, derive(Debug, PartialEq))]
pub(super) struct Flags {
    pub attribution: Option<usize>,
    pub expectation: Option<usize>,
    pub revised: bool,
    pub multiple_answers: bool,
    /// Each forecast word as `(start, end, written in lower case as listed)`.
    forecast: Vec<(usize, usize, bool)>,
}

impl Flags {
    /// Whether `s[lo..hi]` holds a forecast word: in a piece of pure ASCII in any case,
    /// else as written in `FORECAST` (lower case), as a plain substring search would.
    pub fn forecast_in(&self, s: &str, lo: usize, hi: usize) -> bool {
        let mut inside = self
            .forecast
            .iter()
            .filter(|&&(a, b, _)| a >= lo && b <= hi && !names_a_group(s, b, hi))
            .peekable();
        if inside.peek().is_none() {
            return false;
        }
        let ascii = s.get(lo..hi).is_some_and(str::is_ascii);
        inside.any(|&(_, _, exact)| ascii || exact)
    }
}

/// Words after `计划…的` that make the plan the mark of a group counted now, not a forecast
/// of the figure (`计划省外游的有 421 户`, `计划出行的家庭比例`).
const PLANNERS: &[&str] = &[
    "有",
    "占",
    "家庭",
    "居民",
    "人",
    "户",
    "受访",
    "企业",
    "学生",
    "毕业生",
    "游客",
    "比例",
    "比重",
    "样本",
    "佔",
    "戶",
    "受訪",
    "企業",
    "學生",
    "畢業生",
    "遊客",
    "樣本",
];

/// Whether the forecast word ending at `end` is `计划` in a relative clause that names the
/// group a figure counts: a verb after it, then `的` and a word of `PLANNERS`, before `hi`.
fn names_a_group(s: &str, end: usize, hi: usize) -> bool {
    if !s
        .get(..end)
        .is_some_and(|t| t.ends_with("计划") || t.ends_with("計劃"))
    {
        return false;
    }
    let Some(rest) = s.get(end..hi) else {
        return false;
    };
    rest.find('的').is_some_and(|k| {
        k > 0
            && !rest[..k].contains(['，', '。', '；'])
            && PLANNERS
                .iter()
                .any(|w| rest[k + '的'.len_utf8()..].starts_with(w))
    })
}

const EXPECTATION: &[&str] = &[
    "预计", "预期", "預計", "預期", "expected", "expects", "forecast",
];

#[cfg(test)]
static FLAG_WORDS: std::sync::LazyLock<(aho_corasick::AhoCorasick, Vec<u8>)> =
    std::sync::LazyLock::new(|| {
        let lists: [(&[&str], u8); 5] = [
            (ATTRIBUTION, 0),
            (EXPECTATION, 1),
            (REVISED, 2),
            (MULTIPLE_ANSWERS, 3),
            (FORECAST, 4),
        ];
        let mut words = Vec::new();
        let mut kinds = Vec::new();
        for (list, kind) in lists {
            for w in list {
                words.push(*w);
                kinds.push(kind);
            }
        }
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&words)
            .expect("static word list");
        (ac, kinds)
    });

/// The ASCII flag words (each holds a letter), with their kinds (as in `FLAG_WORDS`). A
/// contiguous NFA: a DFA of them took longer to build than the searches of an article take.
static FLAG_WORDS_ASCII_SEARCH: std::sync::LazyLock<(aho_corasick::AhoCorasick, Vec<u8>)> =
    std::sync::LazyLock::new(|| {
        let lists: [(&[&str], u8); 5] = [
            (ATTRIBUTION, 0),
            (EXPECTATION, 1),
            (REVISED, 2),
            (MULTIPLE_ANSWERS, 3),
            (FORECAST, 4),
        ];
        let (words, kinds): (Vec<&str>, Vec<u8>) = lists
            .into_iter()
            .flat_map(|(list, kind)| list.iter().map(move |w| (*w, kind)))
            .filter(|(w, _)| w.is_ascii())
            .unzip();
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&words)
            .expect("static word list");
        (ac, kinds)
    });

/// The flag words that are not ASCII, each with its set of characters and its kind (as in
/// `FLAG_WORDS`): without letters in a sentence, only they can stand in it.
static FLAG_WORDS_CJK: std::sync::LazyLock<Vec<(&'static str, WordSet, u8)>> =
    std::sync::LazyLock::new(|| {
        let lists: [(&[&str], u8); 5] = [
            (ATTRIBUTION, 0),
            (EXPECTATION, 1),
            (REVISED, 2),
            (MULTIPLE_ANSWERS, 3),
            (FORECAST, 4),
        ];
        lists
            .into_iter()
            .flat_map(|(list, kind)| list.iter().map(move |w| (*w, kind)))
            .filter(|(w, _)| !w.is_ascii())
            .map(|(w, kind)| (w, WordSet::of(w), kind))
            .collect()
    });

/// The ASCII flag words' characters, as bits by code (`CharSet::ascii_bits`): a word
/// beyond ASCII has none of its own, so a set holds an ASCII word in some case exactly when
/// its `CharSet::ascii_folded` holds these bits.
static FLAG_WORDS_ASCII: std::sync::LazyLock<Vec<u128>> = std::sync::LazyLock::new(|| {
    [
        ATTRIBUTION,
        EXPECTATION,
        REVISED,
        MULTIPLE_ANSWERS,
        FORECAST,
    ]
    .concat()
    .into_iter()
    .filter(|w| w.is_ascii())
    .map(|w| CharSet::of(w).ascii_bits())
    .collect()
});

/// `FLAG_WORDS_CJK` that begin with a character beyond ASCII, by that character
/// (`ByFirstLow`): the words looked for at one place (`cjk_flags_at`). The others (none
/// yet) are looked for as `cjk_flags` does.
type FlagsByFirst = (
    ByFirstLow<(&'static str, u8)>,
    Vec<(&'static str, WordSet, u8)>,
);
static FLAG_WORDS_BY_FIRST: std::sync::LazyLock<FlagsByFirst> = std::sync::LazyLock::new(|| {
    let mut by_first = Vec::new();
    let mut rest = Vec::new();
    for &(w, set, kind) in FLAG_WORDS_CJK.iter() {
        match w.chars().next() {
            Some(c) if !c.is_ascii() => by_first.push((c, (w, kind))),
            _ => rest.push((w, set, kind)),
        }
    }
    (ByFirstLow::new(by_first), rest)
});

/// The first characters of the flag words beyond ASCII (`scan::Marks::starts`).
pub(super) fn flag_word_firsts() -> impl Iterator<Item = char> {
    FLAG_WORDS_BY_FIRST.0.firsts().iter().copied()
}

/// The flag words of sentence `s`, scanned as `scanned`; offsets are relative to `s`.
#[cfg(test)]
pub(super) fn flags(s: &str, scanned: &Scan) -> Flags {
    flags_at(s, scanned, None)
}

/// `flags`, given the places where a flag word beyond ASCII may begin (`scan::Marks::starts`)
/// when the scan found them: the words are then looked up there, not searched for.
pub(super) fn flags_at(s: &str, scanned: &Scan, starts: Option<&[usize]>) -> Flags {
    let f = Flags {
        attribution: None,
        expectation: None,
        revised: false,
        multiple_answers: false,
        forecast: Vec::new(),
    };
    // Most sentences hold no flag word: their characters say so without a search, or a
    // search for the few words they may hold does. Every ASCII flag word holds a letter,
    // and all its characters stand in a sentence that holds it, in some case.
    let ascii = scanned.letters && {
        let folded = scanned.chars.ascii_folded();
        FLAG_WORDS_ASCII.iter().any(|&bits| bits & !folded == 0)
    };
    if ascii {
        // The ASCII words in the stretches of ASCII with a letter (every such word holds
        // one), the others each on its own.
        let mut f = match starts {
            Some(starts) => cjk_flags_at(s, scanned, starts, f),
            None => cjk_flags(s, scanned, f),
        };
        let (ac, kinds) = &*FLAG_WORDS_ASCII_SEARCH;
        for r in super::scan::ascii_stretches(s) {
            for m in ac.find_overlapping_iter(&s[r.clone()]) {
                let (start, end) = (r.start + m.start(), r.start + m.end());
                flag(&mut f, s, kinds[m.pattern().as_usize()], start, end);
            }
        }
        f.forecast.sort_unstable();
        f
    } else {
        // Only the words beyond ASCII can stand: each that the characters allow is looked
        // for on its own, which is cheaper than the search of all.
        match starts {
            Some(starts) => cjk_flags_at(s, scanned, starts, f),
            None => cjk_flags(s, scanned, f),
        }
    }
}

/// `cjk_flags`, given every place where a flag word beyond ASCII may begin: the words that
/// begin with the character there are compared there. Every place of every word is found
/// (as the search of all finds them).
fn cjk_flags_at(s: &str, scanned: &Scan, starts: &[usize], mut f: Flags) -> Flags {
    let (by_first, rest) = &*FLAG_WORDS_BY_FIRST;
    for &at in starts {
        let tail = &s[at..];
        for &(w, kind) in by_first.at(s, at) {
            if tail.starts_with(w) {
                flag(&mut f, s, kind, at, at + w.len());
            }
        }
    }
    for (w, set, kind) in rest {
        if scanned.chars.covers_word(set) {
            for (start, _) in s.match_indices(w) {
                flag(&mut f, s, *kind, start, start + w.len());
            }
        }
    }
    f.forecast.sort_unstable();
    f
}

/// The flag words of `s`, a text where no ASCII flag word can stand: every place of each word beyond
/// ASCII that its set of characters allows, as the search of all words finds them (no such
/// word overlaps itself, so a search from the end of each place misses none).
fn cjk_flags(s: &str, scanned: &Scan, mut f: Flags) -> Flags {
    for (w, set, kind) in FLAG_WORDS_CJK.iter() {
        if !scanned.chars.covers_word(set) {
            continue;
        }
        for (start, _) in s.match_indices(w) {
            flag(&mut f, s, *kind, start, start + w.len());
        }
    }
    f.forecast.sort_unstable();
    f
}

/// A flag word of kind `kind` (as in `FLAG_WORDS`) at `s[start..end]`, added to `f`.
fn flag(f: &mut Flags, s: &str, kind: u8, start: usize, end: usize) {
    match kind {
        0 => f.attribution = Some(f.attribution.map_or(end, |a| a.min(end))),
        1 => f.expectation = Some(f.expectation.map_or(end, |a| a.min(end))),
        2 => f.revised = true,
        3 => f.multiple_answers = true,
        _ => {
            // The listed words are lower case: an exact match is one in lower case.
            let exact = !s[start..end].bytes().any(|b| b.is_ascii_uppercase());
            f.forecast.push((start, end, exact));
        }
    }
}

/// The flag words of `s`, by one search of all of them, added to `f`: what `flags` finds
/// in its several ways, kept as the reference.
#[cfg(test)]
fn search_flags(s: &str, mut f: Flags) -> Flags {
    let (ac, kinds) = &*FLAG_WORDS;
    for m in ac.find_overlapping_iter(s) {
        flag(&mut f, s, kinds[m.pattern().as_usize()], m.start(), m.end());
    }
    // In order of place, as `cjk_flags` gives them (only their set is read).
    f.forecast.sort_unstable();
    f
}

/// Change verbs right before a percentage, with their sign. Longest first where one ends
/// another.
const CHANGE_WORDS: &[(&str, i8)] = &[
    ("增长率", 1),
    ("增長率", 1),
    ("成長率", 1),
    ("漲幅", 1),
    ("增長", 1),
    ("成長", 1),
    ("上漲", 1),
    ("擴大", 1),
    ("年增", 1),
    // `月增 3.2%、年增 8.7%`: Taiwan's month-on-month and quarter-on-quarter changes.
    ("月增", 1),
    ("季增", 1),
    ("月減", -1),
    ("季減", -1),
    ("減少", -1),
    ("衰退", -1),
    ("縮小", -1),
    ("年減", -1),
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
    // The present tense of a report (`income rises 2.4% year on year in 2025-26`) and the
    // verbs of a headline (`surged`, `slumped`).
    ("rises", 1),
    ("grows", 1),
    ("increases", 1),
    ("climbs", 1),
    ("jumps", 1),
    ("gains", 1),
    ("surged", 1),
    ("surges", 1),
    ("soared", 1),
    ("soars", 1),
    ("advanced", 1),
    ("expanded", 1),
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
    ("falls", -1),
    ("drops", -1),
    ("declines", -1),
    ("decreases", -1),
    ("slips", -1),
    ("shrinks", -1),
    ("slid", -1),
    ("slides", -1),
    ("plunged", -1),
    ("plunges", -1),
    ("tumbled", -1),
    ("tumbles", -1),
    ("slumped", -1),
    ("slumps", -1),
    ("dipped", -1),
    ("dips", -1),
    ("contracted", -1),
    ("contracts", -1),
];

/// Words between a change verb and its figure.
const CHANGE_FILLERS: &[&str] = &[
    "约为", "达到", "为", "达", "了", "约", "近", "超过", "逾", "分别", "仅", "只", "by", "of",
    "about", "around", "nearly", "almost", "roughly", "some", "a", "only", "just",
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

/// `CHANGE_WORDS` by their last byte, each list in the table's order: only the words that
/// may end a text are tried, and the first of them that does wins, as in a walk of the
/// whole table.
static CHANGE_BY_LAST: std::sync::LazyLock<Vec<Vec<(&'static str, i8)>>> =
    std::sync::LazyLock::new(|| {
        let mut by_last = vec![Vec::new(); 256];
        for &(w, sign) in CHANGE_WORDS {
            if let Some(&b) = w.as_bytes().last() {
                by_last[usize::from(b)].push((w, sign));
            }
        }
        by_last
    });

/// The sign of the change verb that ends `label`, if one does.
/// Verbs that `up` after them makes a verb of a share (`made up`, `makes up`), not a rise.
const MAKE_UP: &[&str] = &["made", "make", "makes", "making"];

fn change_sign(label: &str) -> Option<i8> {
    let s = strip_words(label, CHANGE_FILLERS);
    let s = strip_words(s, HEDGE_WORDS);
    let &last = s.as_bytes().last()?;
    for &(w, sign) in &CHANGE_BY_LAST[usize::from(last)] {
        if let Some(rest) = s.strip_suffix(w) {
            let latin = w.is_ascii();
            if latin && rest.chars().last().is_some_and(|c| c.is_ascii_alphabetic()) {
                continue;
            }
            // `Royal Gala made up 34.2% of the crop`: `up` of a verb of a share, not a rise.
            if w == "up"
                && rest
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .is_some_and(|v| MAKE_UP.iter().any(|m| v.eq_ignore_ascii_case(m)))
            {
                return None;
            }
            return Some(sign);
        }
    }
    None
}

/// Words right after a Chinese percentage that name the whole it is a share of.
const SHARE_AFTER_ZH: &[&str] = &[
    "的选票",
    "的選票",
    "的有效选票",
    "的有效選票",
    "的市场份额",
    "的市場份額",
    "的份额",
    "的份額",
];

pub(super) const SHARE_WORDS: &[&str] = &[
    // `得票率`: a candidate's share of the vote.
    "得票率",
    "占",
    "佔",
    "比重",
    "占比",
    "佔比",
    "份额",
    "份額",
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
    // `增长率为 32.5%`: the rate's noun, before `增长` so that no `率` is left.
    "增长率",
    "增長率",
    "成長率",
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
    // `截至 2025 年末全省…参保人数`: the words that date a stock, not words of its measure
    // (the period words name the date).
    "截至",
    "截止到",
    "截止",
    // `上年同期`, `去年同期`, `上年同月`: a period, named by the period words.
    "同期",
    "同月",
    "同季度",
    "同季",
    // `2024 年末`, `上年末`, `上年底`: the end of the year the year words name.
    "末",
    "底",
    // `，而上年同期为 84.5 万辆`: a contrast, not a word of the measure; `去年 9 月則為
    // 11,504 億元`, `上年则为`: the same contrast after the period.
    "而",
    "則",
    "则",
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
    // Traditional characters.
    "實現",
    "達到",
    "合計",
    "總計",
    "共計",
    "累計",
    "分別",
    "另外",
    "同時",
    "增長",
    "成長",
    "減少",
    "上漲",
    "錄得",
    "約為",
    "超過",
    "繼續",
    "計算",
    "為",
    "達",
    "約",
    "與",
    "從",
    "佔",
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

/// The words of `ZH_KEEP` and of `ZH_NOISE` by first character (sorted by it), each list in
/// the table's order: only the words that begin with a character are compared at it, and
/// the first of them that matches wins, as in a walk of the whole table.
type ByFirst = Vec<(char, Vec<&'static str>)>;
static FIRST_CHARS: std::sync::LazyLock<(ByFirst, ByFirst)> = std::sync::LazyLock::new(|| {
    let by_first = |words: &[&'static str]| {
        let mut v: ByFirst = Vec::new();
        for w in words {
            let Some(c) = w.chars().next() else { continue };
            match v.iter_mut().find(|(f, _)| *f == c) {
                Some((_, list)) => list.push(w),
                None => v.push((c, vec![w])),
            }
        }
        v.sort_by_key(|&(c, _)| c);
        v
    };
    (by_first(ZH_KEEP), by_first(ZH_NOISE))
});

/// The first characters of `ZH_KEEP` and `ZH_NOISE` as a 4096-bit set of their low 12
/// bits: a character outside it begins no listed word, and is not looked up.
static FIRST_FILTER: std::sync::LazyLock<[u64; 64]> = std::sync::LazyLock::new(|| {
    let mut set = [0u64; 64];
    for w in ZH_KEEP.iter().chain(ZH_NOISE) {
        if let Some(c) = w.chars().next() {
            let low = (c as u32 & 0xFFF) as usize;
            set[low / 64] |= 1 << (low % 64);
        }
    }
    set
});

/// The words of `table` that begin with `c`.
fn starting_with(table: &ByFirst, c: char) -> &[&'static str] {
    table
        .binary_search_by_key(&c, |&(f, _)| f)
        .map_or(&[], |k| &table[k].1)
}

/// Terms that hold a noise word but name a measure: `增加值` is value added.
/// `份额` (a share) holds `份`, a noise word of `月份`.
const ZH_KEEP: &[&str] = &["增加值", "增长点", "比重", "份额", "份額"];

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
    "only",
    "just",
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
    // `Annual inflation slowed to 3.1%`, `services inflation eased to 4.6%`: verbs of a
    // rate's pace, after the measure.
    "slowed",
    "eased",
    "accelerated",
    "quickened",
    "cooled",
    "moderated",
    "softened",
    "rebounded",
    "recovered",
    "ticked",
    "picked",
    "steadied",
    "slows",
    "eases",
    "accelerates",
    "quickens",
    "cools",
    "moderates",
    "softens",
    "rebounds",
    // `Attendance reached a record 14.2 million`: a record is how high, not what.
    "record",
    // `revenue rose from $29.8 billion`: the measure is before it.
    "from",
    // `with return on equity reaching 11.8%`, `the list shrank 8.7%`: participles and the
    // irregular past of the verbs above, after the measure.
    "reaching",
    "standing",
    // `Operating profit during the quarter rose`: a preposition of time, like `in`.
    "during",
    "totalling",
    "totaling",
    "amounting",
    "shrank",
    "shrunk",
    // The present tense and the verbs of `CHANGE_WORDS`: the measure is before them.
    "rises",
    "grows",
    "increases",
    "climbs",
    "jumps",
    "gains",
    "surged",
    "soared",
    "advanced",
    "expanded",
    "falls",
    "drops",
    "declines",
    "decreases",
    "slips",
    "shrinks",
    "slid",
    "plunged",
    "tumbled",
    "slumped",
    "dipped",
    "contracted",
    "declined",
    "decreased",
    "dropped",
    "increased",
    // `is budgeted at`, `was estimated at`, `was valued at`: how the figure was reached,
    // not what it measures.
    "budgeted",
    "valued",
    "put",
    "set",
];

/// Participles before `by` that open an aside naming who makes a figure (`the index
/// compiled by the council`, `a survey conducted by`).
const MADE_BY: &[&str] = &[
    "compiled",
    "published",
    "released",
    "calculated",
    "conducted",
    "produced",
    "issued",
    "run",
    "measured",
    "tracked",
    "kept",
    "collected",
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
#[cfg(test)]
pub(super) fn measure(
    text: &str,
    label: Span,
    tokens: &[(Span, Token)],
    mentions_inside: &[Span],
) -> String {
    measure_in(text, label, tokens, mentions_inside, true)
}

/// The characters that begin the words after which a Chinese measure starts (`表示`,
/// `认为`, `称`): a sentence without any of them has no such word in any label.
pub(super) const CUT_CHARS: [char; 9] = ['表', '指', '介', '认', '显', '称', '認', '顯', '稱'];

/// `measure`, told whether the sentence may hold one of `CUT_CHARS` (from its set of
/// characters): without one, the words before a measure need not be looked for.
pub(super) fn measure_in(
    text: &str,
    label: Span,
    tokens: &[(Span, Token)],
    mentions_inside: &[Span],
    may_cut: bool,
) -> String {
    let inside = |sp: &Span| sp.start >= label.start && sp.end <= label.end;
    // The label with period, basis words and non-quantity figures (years) blanked; most
    // labels hold none, and are read where they stand.
    let s: std::borrow::Cow<'_, str> =
        if tokens.iter().any(|(sp, _)| inside(sp)) || mentions_inside.iter().any(inside) {
            let mut s = String::with_capacity(label.len());
            let mut at = label.start;
            let mut cuts: Vec<Span> = tokens
                .iter()
                .map(|(sp, _)| *sp)
                .chain(mentions_inside.iter().copied())
                .filter(inside)
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
            s.into()
        } else {
            text[label.range()].into()
        };
    if s.is_ascii() {
        return english_measure(&s);
    }
    chinese_measure(&s, may_cut)
}

/// The English words of a measure: at most four named words before the skipped words that
/// end the label, stopping at a stop word or a number.
fn english_measure(s: &str) -> String {
    // No word at all (`, `, ` `, `$`): most short labels between a break and a figure.
    if !s
        .bytes()
        .any(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'\'')
    {
        return String::new();
    }
    let lower = s.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let mut k = words.len();
    while k > 0 && is_en_skip(words[k - 1]) {
        k -= 1;
    }
    let mut end = k;
    // Four words of the measure at most; a skipped word inside the label (`income for
    // 2025-26 is budgeted at`) does not count.
    let mut named = 0;
    let mut aside_skipped = false;
    loop {
        while k > 0 && named < 4 {
            let w = words[k - 1];
            if EN_STOP.contains(&w) || w.chars().all(|c| c.is_ascii_digit()) {
                break;
            }
            named += usize::from(!is_en_skip(w));
            k -= 1;
        }
        // `The consumer confidence index compiled by the Westland Consumer Council fell
        // to`: the words after `compiled by` name who makes the figure; the measure is
        // before them.
        let mut j = k;
        if j > 0 && words[j - 1] == "the" {
            j -= 1;
        }
        if aside_skipped || j < 3 || words[j - 1] != "by" || !MADE_BY.contains(&words[j - 2]) {
            break;
        }
        aside_skipped = true;
        named = 0;
        k = j - 2;
        end = k;
    }
    // The named words in order; a plural and its singular are one measure (`starts`,
    // `sales` stay as written), a word repeated next to itself is one.
    let mut out = String::new();
    let mut last: Option<&str> = None;
    for &w in &words[k..end] {
        if is_en_skip(w) || last == Some(w) {
            continue;
        }
        if last.is_some() {
            out.push(' ');
        }
        out.push_str(w);
        last = Some(w);
    }
    out
}

/// `EN_SKIP` by word length: a word is compared only with the skipped words of its length.
static EN_SKIP_BY_LEN: std::sync::LazyLock<Vec<Vec<&'static str>>> =
    std::sync::LazyLock::new(|| {
        let longest = EN_SKIP.iter().map(|w| w.len()).max().unwrap_or(0);
        let mut by_len = vec![Vec::new(); longest + 1];
        for w in EN_SKIP {
            by_len[w.len()].push(*w);
        }
        by_len
    });

fn is_en_skip(w: &str) -> bool {
    EN_SKIP_BY_LEN
        .get(w.len())
        .is_some_and(|list| list.contains(&w))
}

/// The Chinese measure: the text after the last attribution word, without noise words,
/// spaces, digits and punctuation. `may_cut`: whether an attribution word may stand in `s`.
fn chinese_measure(s: &str, may_cut: bool) -> String {
    // None of these words overlaps another, so cutting after the last of each in turn is
    // cutting after the one that ends last: one pass finds it.
    let mut cut = 0;
    if may_cut {
        for (i, c) in s.char_indices() {
            if matches!(
                c,
                '表' | '指' | '介' | '认' | '显' | '称' | '認' | '顯' | '稱'
            ) {
                let rest = &s[i..];
                if let Some(w) = [
                    "表示", "指出", "介绍", "认为", "显示", "称", "介紹", "認為", "顯示", "稱",
                ]
                .into_iter()
                .find(|w| rest.starts_with(w))
                {
                    cut = cut.max(i + w.len());
                }
            }
        }
    }
    let t: &str = &s[cut..];
    let bytes = t.as_bytes();
    let mut out = String::with_capacity(t.len());
    let (keep_first, noise_first) = &*FIRST_CHARS;
    let filter = &*FIRST_FILTER;
    // Ideographs that begin no listed word are kept as they are: a run of them is copied
    // at once, from `run` to the character at hand.
    let mut run = 0;
    let mut i = 0;
    'outer: while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // No listed word begins with an ASCII character.
            out.push_str(&t[run..i]);
            if b.is_ascii_alphabetic() {
                out.push(char::from(b.to_ascii_lowercase()));
            }
            i += 1;
            run = i;
            continue;
        }
        let (code, width) = super::scan::decode(bytes, i);
        let low = (code & 0xFFF) as usize;
        let listed = filter[low / 64] & (1 << (low % 64)) != 0;
        if !listed && (0x4e00..=0x9fff).contains(&code) {
            i += width;
            continue;
        }
        out.push_str(&t[run..i]);
        let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
        let (keep, noise) = if listed {
            (starting_with(keep_first, c), starting_with(noise_first, c))
        } else {
            (&[][..], &[][..])
        };
        let rest = &t[i..];
        if keep.is_empty() && noise.is_empty() && ('\u{4e00}'..='\u{9fff}').contains(&c) {
            out.push(c);
            i += width;
            run = i;
            continue;
        }
        for w in keep {
            if rest.starts_with(w) {
                out.push_str(w);
                i += w.len();
                run = i;
                continue 'outer;
            }
        }
        for w in noise {
            if rest.starts_with(w) {
                i += w.len();
                run = i;
                continue 'outer;
            }
        }
        if c.is_alphabetic() {
            out.extend(c.to_lowercase());
        }
        i += width;
        run = i;
    }
    out.push_str(&t[run..]);
    // `全市参加无偿献血人次比上年增长 6.7%` under `全市参加无偿献血 13.62 万人次`: the noun of
    // the count's unit names no other measure.
    if out.ends_with('次') {
        for w in COUNT_NOUNS_ZH {
            if let Some(r) = out.strip_suffix(w)
                && r.chars().count() >= 2
            {
                out.truncate(r.len());
                break;
            }
        }
    }
    // `合併營收為新台幣 186.4 億元`: the currency named before the figure is its unit. Every
    // currency ends in one of a few characters.
    if out.ends_with(['币', '幣', '元', '圓']) {
        for w in CURRENCIES_ZH {
            if let Some(r) = out.strip_suffix(w)
                && r.chars().count() >= 2
            {
                out.truncate(r.len());
                break;
            }
        }
    }
    out
}

/// Nouns at the end of a Chinese measure that name what its unit counts (`人次`).
const COUNT_NOUNS_ZH: &[&str] = &["万人次", "萬人次", "人次"];

/// Currencies written before a Chinese figure (`为人民币 186.4 亿元`): not words of the
/// measure. Each ends in 币, 幣, 元 or 圓 (`chinese_measure` looks for them only there).
const CURRENCIES_ZH: &[&str] = &[
    "新台幣",
    "新台币",
    "人民币",
    "人民幣",
    "港币",
    "港幣",
    "美元",
    "欧元",
    "歐元",
    "日元",
    "日圓",
];

/// Whether a label only joins a figure to the one before (`、`, `和`, `and`).
pub fn is_connector(label: &str) -> bool {
    let t = label
        .trim()
        .trim_matches(|c: char| matches!(c, '、' | ',' | '，'));
    matches!(t, "" | "和" | "及" | "与" | "以及" | "and" | "or" | "、")
}

/// Where the figure's words begin: its hedge, when the hedge stands before it.
pub(super) fn hedge_start(m: &Mention) -> usize {
    match m.hedge_span {
        Some(h) if h.start < m.span.start => h.start,
        _ => m.span.start,
    }
}

/// Nouns of a rate of change: `增速为 5.1%` is a change, where `上升为 12%` is a level.
const RATE_NOUNS: &[&str] = &[
    "增速",
    "增幅",
    "涨幅",
    "降幅",
    "跌幅",
    "增长率",
    "增長率",
    "成長率",
    "漲幅",
];

/// English nouns of a change right after a percentage (`a 5.1% rise in revenue`), with
/// their sign.
const CHANGE_NOUNS_AFTER: &[(&str, i8)] = &[
    ("rise", 1),
    ("increase", 1),
    ("gain", 1),
    ("jump", 1),
    ("growth", 1),
    ("climb", 1),
    ("decline", -1),
    ("drop", -1),
    ("fall", -1),
    ("decrease", -1),
    ("dip", -1),
    ("slide", -1),
];

/// Words naming the same period of the year before as a comparison's base.
const YEAR_BEFORE: &[&str] = &[
    "a year earlier",
    "a year ago",
    "a year before",
    "the year before",
    "last year",
    "the previous year",
    "the prior year",
    "a year previously",
    "the same month",
    "the same period",
    "the same quarter",
    "the same time",
    "the same week",
    "the same months",
    // `volumes were 5.2% higher year on year`: the basis word names the year before too.
    "year on year",
    "year-on-year",
    "on the year",
];

/// English comparatives right after a percentage (`3.1% higher than a year earlier`,
/// `2.2% above the same period of 2024`): the figure is a change, with their sign. Not
/// `more` or `less`, which name answers (`24% less often`, `31% more likely`).
const COMPARATIVES_AFTER: &[(&str, i8)] =
    &[("higher", 1), ("above", 1), ("lower", -1), ("below", -1)];

pub(super) fn role(m: &Mention, label: &str, after: &str, english: bool) -> Role {
    match m.kind {
        Kind::Percent | Kind::Points => {}
        Kind::Multiple | Kind::Fraction => return Role::Other,
        _ => return Role::Level,
    }
    let trimmed = strip_words(label, HEDGE_WORDS);
    // `上升为 12%` is a level reached; `增速为 5.1%` is a rate of change.
    let rate_is = trimmed
        .strip_suffix("为")
        .or_else(|| trimmed.strip_suffix("為"))
        .is_some_and(|r| RATE_NOUNS.iter().any(|w| r.trim_end().ends_with(w)));
    let ends_with_to = trimmed.ends_with("至")
        || trimmed.ends_with("到")
        || trimmed
            .as_bytes()
            .last_chunk::<3>()
            .is_some_and(|end| end.eq_ignore_ascii_case(b" to"))
        || (trimmed.ends_with("为") && !rate_is);
    if !ends_with_to && let Some(sign) = change_sign(label) {
        return Role::Change(sign);
    }
    // Read in any ASCII case.
    let after = after.trim_start();
    let starts_ci = |w: &str| {
        after
            .as_bytes()
            .get(..w.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(w.as_bytes()))
    };
    // `a 5.1% rise in revenue`, `a 3% fall`: the change is named after the figure.
    if english && m.kind == Kind::Percent {
        let next = after
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        if let Some(&(_, sign)) = CHANGE_NOUNS_AFTER
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(next))
        {
            return Role::Change(sign);
        }
        // `sales were 3.1% higher than a year earlier`, `3.1% up on the previous year`: the
        // figure is the change on the year before. Only with the year before named as the
        // base: `0.8% higher than in October` names a base whose period words the facts
        // would read as the figure's own, and `31% up, 45% down` may be answers.
        let sign = COMPARATIVES_AFTER
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(next))
            .map(|&(_, s)| s)
            .or(if next.eq_ignore_ascii_case("up") {
                Some(1)
            } else if next.eq_ignore_ascii_case("down") {
                Some(-1)
            } else {
                None
            });
        if let Some(sign) = sign {
            let lower_after = after.to_ascii_lowercase();
            let mut end = lower_after.len().min(64);
            while !lower_after.is_char_boundary(end) {
                end -= 1;
            }
            if YEAR_BEFORE.iter().any(|w| lower_after[..end].contains(w)) {
                return Role::Change(sign);
            }
        }
    }
    if m.kind == Kind::Points {
        return Role::Other;
    }
    let share_after = if english {
        starts_ci("of ") || starts_ci("said") || starts_ci("say ")
    } else {
        // `获得 52.3% 的选票`, `占据 31% 的市场份额`: the whole is named after the figure
        // (no ASCII letter in these words).
        SHARE_AFTER_ZH.iter().any(|w| after.starts_with(w))
    };
    if share_after || holds_share_word(label) {
        return Role::Share;
    }
    Role::Level
}

/// The first bytes of `SHARE_WORDS`, as a set.
static SHARE_FIRST: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| {
    let mut first = [false; 256];
    for w in SHARE_WORDS {
        first[usize::from(w.as_bytes()[0])] = true;
    }
    first
});

/// Whether `label` holds one of `SHARE_WORDS` as written: one pass over its bytes, the
/// words compared only where one of their first bytes stands.
fn holds_share_word(label: &str) -> bool {
    let first = &*SHARE_FIRST;
    let bytes = label.as_bytes();
    (0..bytes.len()).any(|i| {
        first[usize::from(bytes[i])]
            && SHARE_WORDS
                .iter()
                .any(|w| bytes[i..].starts_with(w.as_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `measure` as it was before it read unblanked labels in place and built the English
    /// measure without its lists of words: the reference the tests compare with.
    fn measure_reference(
        text: &str,
        label: Span,
        tokens: &[(Span, Token)],
        mentions_inside: &[Span],
    ) -> String {
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
            // Four words of the measure at most; a skipped word inside the label (`income for
            // 2025-26 is budgeted at`) does not count.
            let mut named = 0;
            let mut aside_skipped = false;
            loop {
                while k > 0 && named < 4 {
                    let w = words[k - 1];
                    if EN_STOP.contains(&w) || w.chars().all(|c| c.is_ascii_digit()) {
                        break;
                    }
                    picked.push(w);
                    named += usize::from(!EN_SKIP.contains(&w));
                    k -= 1;
                }
                // `The consumer confidence index compiled by the Westland Consumer Council fell
                // to`: the words after `compiled by` name who makes the figure; the measure is
                // before them.
                let mut j = k;
                if j > 0 && words[j - 1] == "the" {
                    j -= 1;
                }
                if aside_skipped
                    || j < 3
                    || words[j - 1] != "by"
                    || !MADE_BY.contains(&words[j - 2])
                {
                    break;
                }
                aside_skipped = true;
                picked.clear();
                named = 0;
                k = j - 2;
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
        // None of these words overlaps another, so cutting after the last of each in turn is
        // cutting after the one that ends last: one pass finds it.
        let mut cut = 0;
        for (i, c) in s.char_indices() {
            if matches!(
                c,
                '表' | '指' | '介' | '认' | '显' | '称' | '認' | '顯' | '稱'
            ) {
                let rest = &s[i..];
                if let Some(w) = [
                    "表示", "指出", "介绍", "认为", "显示", "称", "介紹", "認為", "顯示", "稱",
                ]
                .into_iter()
                .find(|w| rest.starts_with(w))
                {
                    cut = cut.max(i + w.len());
                }
            }
        }
        let t: &str = &s[cut..];
        let mut out = String::with_capacity(t.len());
        let mut rest = t;
        let (keep_first, noise_first) = &*FIRST_CHARS;
        'outer: while let Some(c) = rest.chars().next() {
            let (keep, noise) = (starting_with(keep_first, c), starting_with(noise_first, c));
            // A CJK ideograph that begins no listed word is kept as it is (its own lower case).
            if keep.is_empty() && noise.is_empty() && ('\u{4e00}'..='\u{9fff}').contains(&c) {
                out.push(c);
                rest = &rest[c.len_utf8()..];
                continue;
            }
            for w in keep {
                if rest.starts_with(w) {
                    out.push_str(w);
                    rest = &rest[w.len()..];
                    continue 'outer;
                }
            }
            for w in noise {
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
        for w in COUNT_NOUNS_ZH {
            if let Some(r) = out.strip_suffix(w)
                && r.chars().count() >= 2
            {
                out.truncate(r.len());
                break;
            }
        }
        // `合併營收為新台幣 186.4 億元`: the currency named before the figure is its unit.
        for w in CURRENCIES_ZH {
            if let Some(r) = out.strip_suffix(w)
                && r.chars().count() >= 2
            {
                out.truncate(r.len());
                break;
            }
        }
        out
    }

    const PIECES: &[&str] = &[
        "认为",
        "稱",
        "顯示",
        "İ",
        "𠀀",
        "Σ",
        "〇",
        "compiled",
        "by",
        "Compiled",
        "BY",
        "council",
        "人民币",
        "美元",
        "新台幣",
        "份额",
        "份",
        "月份",
        "营业收入",
        "表示",
        "指出",
        "称",
        "实现",
        "增长",
        "增加值",
        "比重",
        "的",
        "年",
        "2024",
        " ",
        "，",
        "净利润",
        "全市",
        "Ａ",
        "é",
        "net",
        "sales",
        "were",
        "of",
        "the",
        "and",
        "revenue",
        "rose",
        "to",
        "in",
        "2025",
        "-",
        "'",
        "fiscal",
        "is",
        "budgeted",
        "at",
        "sales",
        "starts",
        "said",
        "for",
        "quarter",
        "Net",
        "SALES",
        "12",
        "$",
        "a",
        "record",
    ];

    fn same_measure(text: &str, label: (usize, usize), cuts: &[(usize, usize)]) {
        let boundary = |k: usize| {
            let mut k = k.min(text.len());
            while !text.is_char_boundary(k) {
                k -= 1;
            }
            k
        };
        let (a, b) = (boundary(label.0), boundary(label.1));
        let label = Span::new(a.min(b), a.max(b));
        let spans: Vec<Span> = cuts
            .iter()
            .map(|&(x, y)| {
                let (x, y) = (boundary(x), boundary(y));
                Span::new(x.min(y), x.max(y))
            })
            .collect();
        let (toks, years) = spans.split_at(spans.len() / 2);
        let mut toks: Vec<(Span, Token)> = toks.iter().map(|&sp| (sp, Token::Basis(0))).collect();
        toks.sort_by_key(|(sp, _)| sp.start);
        let expected = measure_reference(text, label, &toks, years);
        assert_eq!(
            measure(text, label, &toks, years),
            expected,
            "`{text}` {label:?} {spans:?}"
        );
        // Told, from the text's set of characters, whether an attribution word may stand.
        let chars = CharSet::of(text);
        let may_cut = CUT_CHARS.iter().any(|&c| chars.may_contain(c));
        assert_eq!(
            measure_in(text, label, &toks, years, may_cut),
            expected,
            "`{text}` {label:?} {spans:?}"
        );
    }

    proptest::proptest! {
        #[test]
        fn the_measure_agrees_with_the_reference(
            picks in proptest::collection::vec(0usize..100, 0..24),
            label in (0usize..120, 0usize..120),
            cuts in proptest::collection::vec((0usize..120, 0usize..120), 0..4),
        ) {
            let text: String = picks.iter().map(|&k| PIECES[k % PIECES.len()]).collect();
            same_measure(&text, label, &cuts);
            same_measure(&text, (0, text.len()), &[]);
        }
    }

    #[test]
    fn the_flags_looked_up_at_their_places_agree_with_the_search_on_fixture_lines() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut stack = vec![root];
        let mut flagged = 0;
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&p) else {
                    continue;
                };
                for line in text.lines() {
                    let scanned = super::super::scan::scan(line);
                    let expected = search_flags(line, no_flags());
                    flagged += usize::from(expected != no_flags());
                    assert_eq!(flags(line, &scanned), expected, "in `{line}`");
                    let starts = starts_of(line);
                    assert_eq!(
                        flags_at(line, &scanned, Some(&starts)),
                        expected,
                        "in `{line}`"
                    );
                }
            }
        }
        assert!(flagged > 100, "only {flagged} lines with flag words");
    }

    #[test]
    fn the_measure_agrees_with_the_reference_on_fixture_lines() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut stack = vec![root];
        let mut seen = 0;
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&p) else {
                    continue;
                };
                for line in text.lines().filter(|l| !l.is_empty()).take(200) {
                    // Each clause of the line as a label, with and without a year cut out.
                    let mut at = 0;
                    for clause in line.split_inclusive(['，', ',', '。', '.']) {
                        let end = at + clause.len();
                        same_measure(line, (at, end), &[]);
                        same_measure(line, (at, end), &[(at, at + 4), (at + 6, at + 9)]);
                        at = end;
                        seen += 1;
                    }
                }
            }
        }
        assert!(seen > 1000, "only {seen} labels");
    }

    /// `role` as it was, reading a lower-case copy of the words after the figure.
    fn role_reference(m: &Mention, label: &str, after: &str, english: bool) -> Role {
        match m.kind {
            Kind::Percent | Kind::Points => {}
            Kind::Multiple | Kind::Fraction => return Role::Other,
            _ => return Role::Level,
        }
        let trimmed = strip_words(label, HEDGE_WORDS);
        // `上升为 12%` is a level reached; `增速为 5.1%` is a rate of change.
        let rate_is = trimmed
            .strip_suffix("为")
            .or_else(|| trimmed.strip_suffix("為"))
            .is_some_and(|r| RATE_NOUNS.iter().any(|w| r.trim_end().ends_with(w)));
        let ends_with_to = trimmed.ends_with("至")
            || trimmed.ends_with("到")
            || trimmed.to_ascii_lowercase().ends_with(" to")
            || (trimmed.ends_with("为") && !rate_is);
        if !ends_with_to && let Some(sign) = change_sign_reference(label) {
            return Role::Change(sign);
        }
        let lower_after = after.trim_start().to_ascii_lowercase();
        // `a 5.1% rise in revenue`, `a 3% fall`: the change is named after the figure.
        if english && m.kind == Kind::Percent {
            let next = lower_after
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            if let Some(&(_, sign)) = CHANGE_NOUNS_AFTER.iter().find(|(w, _)| *w == next) {
                return Role::Change(sign);
            }
            // `sales were 3.1% higher than a year earlier`, `3.1% up on the previous year`: the
            // figure is the change on the year before. Only with the year before named as the
            // base: `0.8% higher than in October` names a base whose period words the facts
            // would read as the figure's own, and `31% up, 45% down` may be answers.
            let sign = COMPARATIVES_AFTER
                .iter()
                .find(|(w, _)| *w == next)
                .map(|&(_, s)| s)
                .or(match next {
                    "up" => Some(1),
                    "down" => Some(-1),
                    _ => None,
                });
            if let Some(sign) = sign {
                let mut end = lower_after.len().min(64);
                while !lower_after.is_char_boundary(end) {
                    end -= 1;
                }
                if YEAR_BEFORE.iter().any(|w| lower_after[..end].contains(w)) {
                    return Role::Change(sign);
                }
            }
        }
        if m.kind == Kind::Points {
            return Role::Other;
        }
        let share_after = if english {
            lower_after.starts_with("of ")
                || lower_after.starts_with("said")
                || lower_after.starts_with("say ")
        } else {
            // `获得 52.3% 的选票`, `占据 31% 的市场份额`: the whole is named after the figure.
            SHARE_AFTER_ZH.iter().any(|w| lower_after.starts_with(w))
        };
        if share_after || SHARE_WORDS.iter().any(|w| label.contains(w)) {
            return Role::Share;
        }
        Role::Level
    }

    /// `change_sign` as it was, walking the whole table.
    fn change_sign_reference(label: &str) -> Option<i8> {
        let s = strip_words(label, CHANGE_FILLERS);
        let s = strip_words(s, HEDGE_WORDS);
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

    const ROLE_PIECES: &[&str] = &[
        "higher",
        "Higher",
        "below",
        " than ",
        "a year earlier",
        "A Year Earlier",
        "up",
        "Up",
        "DOWN",
        " on ",
        "the same period",
        "月增",
        "季減",
        "年增",
        "增长",
        "下降",
        "为",
        "為",
        "至",
        "到",
        " to",
        " To",
        "增速",
        "增长率",
        "约",
        "约为",
        "达",
        "了",
        "占",
        "比重",
        "revenue",
        " rose",
        " Rose",
        " fell",
        " up",
        "by",
        " about",
        "nearly",
        "setup",
        " ",
        "，",
        "的选票",
        "的市场份额",
        "of ",
        "Of ",
        "said",
        "SAID",
        "say ",
        "rise",
        "Rise",
        "falls",
        "decline",
        "increase",
        "增加值",
        "gain",
        "ed",
        "s",
        "a",
        "份额",
        "share",
    ];

    proptest::proptest! {
        #[test]
        fn the_role_agrees_with_the_reference(
            label in proptest::collection::vec(0usize..100, 0..6),
            after in proptest::collection::vec(0usize..100, 0..4),
            english: bool,
            points: bool,
        ) {
            let pick = |v: &[usize]| -> String {
                v.iter().map(|&k| ROLE_PIECES[k % ROLE_PIECES.len()]).collect()
            };
            let (label, after) = (pick(&label), pick(&after));
            let text = "增长 5%，3 个百分点";
            let ms = crate::extract::extract(text, &crate::extract::ExtractOptions::default());
            let kind = if points { Kind::Points } else { Kind::Percent };
            let m = ms.iter().find(|m| m.kind == kind).expect("a mention of the kind");
            proptest::prop_assert_eq!(
                role(m, &label, &after, english),
                role_reference(m, &label, &after, english),
                "`{}` | `{}`", label, after
            );
            proptest::prop_assert_eq!(change_sign(&label), change_sign_reference(&label));
        }
    }

    proptest::proptest! {
        #[test]
        fn the_share_word_pass_agrees_with_contains(
            picks in proptest::collection::vec(0usize..100, 0..12),
            any in "\\PC{0,12}",
        ) {
            let mut label: String = picks.iter().map(|&k| ROLE_PIECES[k % ROLE_PIECES.len()]).collect();
            label.push_str(&any);
            label.push_str("得票率占比made upaccount");
            for k in 0..=label.len() {
                if let Some(l) = label.get(k..) {
                    proptest::prop_assert_eq!(
                        holds_share_word(l),
                        SHARE_WORDS.iter().any(|w| l.contains(w)),
                        "`{}`", l
                    );
                }
            }
        }
    }

    fn no_flags() -> Flags {
        Flags {
            attribution: None,
            expectation: None,
            revised: false,
            multiple_answers: false,
            forecast: Vec::new(),
        }
    }

    const FLAG_PIECES: &[&str] = &[
        "表示",
        "表",
        "示",
        "预计",
        "预",
        "计",
        "修订",
        "可多选",
        "多",
        "选",
        "据悉",
        "说，",
        "说",
        "，",
        " said",
        " Said",
        "SAID",
        "s",
        "a",
        "i",
        "d",
        " ",
        "Will ",
        "will",
        "expected",
        "Revised",
        "GDP",
        "增长",
        "5%",
        "according to",
        "ACCORDING",
        "to",
        "计划",
        "目标",
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

    proptest::proptest! {
        #[test]
        fn the_flag_filter_never_hides_a_flag_word(
            picks in proptest::collection::vec(0usize..100, 0..16),
        ) {
            let s: String = picks.iter().map(|&k| FLAG_PIECES[k % FLAG_PIECES.len()]).collect();
            let scanned = super::super::scan::scan(&s);
            proptest::prop_assert_eq!(flags(&s, &scanned), search_flags(&s, no_flags()));
            // Looked up at the places the scan found instead of searched for.
            let starts = starts_of(&s);
            proptest::prop_assert_eq!(flags_at(&s, &scanned, Some(&starts)), search_flags(&s, no_flags()));
        }

        #[test]
        fn the_flags_without_letters_agree_with_the_search(
            picks in proptest::collection::vec(0usize..100, 0..24),
        ) {
            let pieces: Vec<&str> = FLAG_PIECES
                .iter()
                .copied()
                .filter(|p| !p.bytes().any(|b| b.is_ascii_alphabetic()))
                .chain(["计划出行的家庭", "预计预计", "據統計", "表示，", "目标", "多项选择"])
                .collect();
            let s: String = picks.iter().map(|&k| pieces[k % pieces.len()]).collect();
            let scanned = super::super::scan::scan(&s);
            proptest::prop_assert_eq!(flags(&s, &scanned), search_flags(&s, no_flags()));
            // Looked up at the places the scan found instead of searched for.
            let starts = starts_of(&s);
            proptest::prop_assert_eq!(flags_at(&s, &scanned, Some(&starts)), search_flags(&s, no_flags()));
        }
    }

    #[test]
    fn no_flag_word_beyond_ascii_holds_an_ascii_letter() {
        // Those words are looked for as written (`str::contains`) before the search, which
        // folds ASCII case.
        for (w, _, _) in FLAG_WORDS_CJK.iter() {
            assert!(!w.bytes().any(|b| b.is_ascii_alphabetic()), "{w}");
        }
    }

    #[test]
    fn every_currency_ends_in_a_currency_character() {
        for w in CURRENCIES_ZH {
            assert!(w.ends_with(['币', '幣', '元', '圓']), "{w}");
        }
    }

    #[test]
    fn no_flag_word_beyond_ascii_overlaps_itself() {
        // `cjk_flags` finds each word's places one after another, never two that overlap.
        for (w, _, _) in FLAG_WORDS_CJK.iter() {
            for k in 1..w.len() {
                if w.is_char_boundary(k) {
                    assert!(!w.ends_with(&w[..k]), "{w}");
                }
            }
        }
    }
}
