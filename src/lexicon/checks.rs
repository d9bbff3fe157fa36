//! The word tables of the checks that read the text between mentions: connectives, fillers,
//! words of change and comparison. Hedge words are the extractor's (`hedge_words`), so that
//! what loosens a number and what a check skips over are one list.

use std::sync::LazyLock;

use crate::extract::{HEDGE_BEFORE, Hedge};

/// Which way a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    pub fn sign(self) -> f64 {
        match self {
            Direction::Up => 1.0,
            Direction::Down => -1.0,
        }
    }
}

/// A word of change: its direction, and whether it is a verb (`增加`, `rose`) rather than a
/// noun for the rate (`增幅`, `growth`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub direction: Direction,
    pub verb: bool,
}

const UP: Change = Change {
    direction: Direction::Up,
    verb: true,
};
const DOWN: Change = Change {
    direction: Direction::Down,
    verb: true,
};
const UP_NOUN: Change = Change {
    direction: Direction::Up,
    verb: false,
};
const DOWN_NOUN: Change = Change {
    direction: Direction::Down,
    verb: false,
};

/// Words that name a change and its direction, right before its figure (`下降 20%`,
/// `增幅达 19%`, `fell 21%`). Matched as the longest one that ends the text.
pub const CHANGE_WORDS: &[(&str, Change)] = &[
    ("climbed", UP),
    ("decline", DOWN),
    ("declined", DOWN),
    ("decrease", DOWN),
    ("decreased", DOWN),
    ("down", DOWN),
    ("drop", DOWN),
    ("dropped", DOWN),
    ("fall", DOWN),
    ("fallen", DOWN),
    ("fell", DOWN),
    ("gain", UP),
    ("gained", UP),
    ("grew", UP),
    ("grown", UP),
    ("growth", UP_NOUN),
    ("increase", UP),
    ("increased", UP),
    ("jump", UP),
    ("jumped", UP),
    ("plunged", DOWN),
    ("reduction", DOWN_NOUN),
    ("rise", UP),
    ("risen", UP),
    ("rose", UP),
    ("shrank", DOWN),
    ("slipped", DOWN),
    ("surged", UP),
    ("up", UP),
    ("上升", UP),
    ("上涨", UP),
    ("下滑", DOWN),
    ("下跌", DOWN),
    ("下降", DOWN),
    ("减小", DOWN),
    ("减少", DOWN),
    ("升幅", UP_NOUN),
    ("回落", DOWN),
    ("增加", UP),
    ("增幅", UP_NOUN),
    ("增速", UP_NOUN),
    ("增长", UP),
    ("增长率", UP_NOUN),
    ("扩大", UP),
    ("提升", UP),
    ("提高", UP),
    ("攀升", UP),
    ("涨幅", UP_NOUN),
    ("缩减", DOWN),
    ("缩小", DOWN),
    ("萎缩", DOWN),
    ("跌幅", DOWN_NOUN),
    ("降低", DOWN),
    ("降幅", DOWN_NOUN),
];

/// Words of change of the in-sentence relation checks besides `CHANGE_WORDS`: output and
/// income that rise or fall in one word (`比上年的 A 增产 1.6%`, `減收`), the traditional
/// spellings (`成長`, `減少`, `個百分點`'s verbs), Taiwan's and Hong Kong's `成长` and `衰退`,
/// and the rates that carry their base in one character (`年增`, `季減`: on the year, on the
/// quarter). Kept apart from `CHANGE_WORDS`, which the consistency checks' keys also read.
pub const MORE_CHANGE_WORDS: &[(&str, Change)] = &[
    ("advanced", UP),
    ("contracted", DOWN),
    ("decreases", DOWN),
    ("dipped", DOWN),
    ("eased", DOWN),
    ("expanded", UP),
    ("increases", UP),
    ("narrowed", DOWN),
    ("plummeted", DOWN),
    ("rallied", UP),
    ("retreated", DOWN),
    ("sank", DOWN),
    ("slid", DOWN),
    ("slumped", DOWN),
    ("soared", UP),
    ("tumbled", DOWN),
    ("widened", UP),
    ("上漲", UP),
    ("减产", DOWN),
    ("减幅", DOWN_NOUN),
    ("减收", DOWN),
    ("回升", UP),
    ("增产", UP),
    ("增收", UP),
    ("增產", UP),
    ("增長", UP),
    ("增長率", UP_NOUN),
    ("季减", DOWN),
    ("季增", UP),
    ("季減", DOWN),
    ("年减", DOWN),
    ("年增", UP),
    ("年增率", UP_NOUN),
    ("年減", DOWN),
    ("成長", UP),
    ("成長率", UP_NOUN),
    ("成长", UP),
    ("成长率", UP_NOUN),
    ("擴大", UP),
    ("收窄", DOWN),
    ("月减", DOWN),
    ("月增", UP),
    ("月減", DOWN),
    ("減小", DOWN),
    ("減少", DOWN),
    ("減幅", DOWN_NOUN),
    ("減收", DOWN),
    ("減產", DOWN),
    ("漲幅", UP_NOUN),
    ("縮小", DOWN),
    ("縮減", DOWN),
    ("衰退", DOWN),
];

/// How a comparative before `N 倍` reads (`multiple_wording`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparative {
    /// `高出`, `多出`: an excess, ambiguous with or without `比`.
    Excess,
    /// `高`, `多`, `大`…: a bare comparative, only ambiguous after `比 X`.
    Plain,
}

/// Comparatives that may stand right before a multiple (`比去年高出 3 倍`).
pub const COMPARATIVES: &[(&str, Comparative)] = &[
    ("多", Comparative::Plain),
    ("多出", Comparative::Excess),
    ("大", Comparative::Plain),
    ("快", Comparative::Plain),
    ("贵", Comparative::Plain),
    ("高", Comparative::Plain),
    ("高出", Comparative::Excess),
];

/// Words between a change word and its figure besides hedges: `下降了`, `增幅达`, `fell by`,
/// `a decline of`.
pub const FILLERS: &[&str] = &[
    "by",
    "of",
    "为",
    "了",
    "幅度",
    "幅度为",
    "為",
    "約為",
    "约为",
    "达",
    "达到",
    "達",
    "達到",
];

/// Openings of a clause that carry the previous clause's subject on (`，这是…`, `, which
/// is…`), besides loosening hedges (`，大约是…`). A clause that names a new subject
/// (`，中国是…`) opens with none of them.
pub const CONNECTIVES: &[&str] = &[
    "and",
    "making it",
    "or",
    "that",
    "which",
    "也",
    "仅",
    "其",
    "则",
    "即",
    "只",
    "更",
    "此",
    "该数字",
    "还",
    "这",
    "这一数字",
    "这一数额",
];

/// Words that may open a continuing clause once the connectives are stripped: a relation
/// word, or a predicate with no subject of its own (`，同比增长 38%，是…`).
pub const RELATION_STARTS: &[&str] = &[
    "a decline",
    "a drop",
    "a rise",
    "accounting for",
    "an increase",
    "are",
    "down",
    "is",
    "up",
    "was",
    "were",
    "上升",
    "下降",
    "为",
    "位居",
    "低于",
    "减少",
    "占",
    "同比",
    "增加",
    "增长",
    "居",
    "是",
    "比",
    "环比",
    "相当于",
    "超过",
    "较",
    "达",
    "高于",
];

/// The comparison prepositions `比` and `较` (`較` in traditional script), each with the characters that may not stand
/// right before it and right after it for it to be one (`比例`, `相比`, `较为`, `较高`).
pub const COMPARISON_MARKERS: &[(char, &str, &str)] = &[
    ('比', "反好对排无正比相类计评", "为例值分如对率赛较重"),
    ('较', "对无比相计", "为低例多大好如小少快慢率短较重长高"),
    ('較', "對无比無相計", "低例多大好如小少快慢為率短較重長高"),
];

/// Whether the `比` or `较` at byte `at` of `text` is the comparison preposition, not part of
/// a word that contains it.
pub fn is_comparison_marker(text: &str, at: usize) -> bool {
    let Some(c) = text[at..].chars().next() else {
        return false;
    };
    let Some(&(_, not_before, not_after)) = COMPARISON_MARKERS.iter().find(|m| m.0 == c) else {
        return false;
    };
    let prev = text[..at].chars().next_back();
    let next = text[at + c.len_utf8()..].chars().next();
    !prev.is_some_and(|p| not_before.contains(p)) && !next.is_some_and(|n| not_after.contains(n))
}

/// Every hedge word written before a number, from the extractor's table, longest first.
pub static HEDGE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = HEDGE_BEFORE.iter().map(|e| e.0).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
});

/// The hedge words that loosen a number without bounding it (`约`, `nearly`): they may open a
/// clause that carries the subject on, where a bound (`超过`) is a relation of its own.
pub static LOOSENING_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = HEDGE_BEFORE
        .iter()
        .filter(|e| matches!(e.1, Hedge::Approximately | Hedge::Nearly))
        .map(|e| e.0)
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
});
