//! The `ranking` built-in check: the article's facts in, findings out.
//!
//! Three kinds of claims, each against the figures the article gives for the items it ranks:
//! ranks written next to figures (`以 19 球排名第二`, `Taiwan was second with $16.6 billion`),
//! a superlative about an item named in a list (`…东城区收入居各区之首`, `国际业务是增长最快的业务`)
//! and comparisons (`16.2 次，高于申城队的 15.4 次`, `318 terawatt-hours, overtaking hydro, which
//! produced 388`). Its documentation is `docs/ranking.md`.

use std::sync::LazyLock;

use regex::Regex;

use super::sentence::input;
use super::{BuiltinMeta, Context, Explanation, Finding, Origin, Related, Severity};
use crate::analysis::facts::{Fact, Need, Probe, Role, Sentence, Whole};
use crate::extract::{Kind, Mention};
use crate::source::Span;

pub const META: BuiltinMeta = BuiltinMeta {
    id: "ranking",
    doc: include_str!("docs/ranking.md"),
    default_severity: Severity::Warning,
};

const ID: &str = META.id;

/// A rank written after a figure: `以 19 球排名第二`, `，排名第三`, `高居榜首`, `继续领跑`,
/// `，成为议会第一大党` (`成为` and a `第 N 大` noun), `以屏東縣損失 12,380 萬元最為嚴重` (the
/// largest loss).
static RANK_AFTER_ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\s*(?:最多|最高|最大|最快|最为严重|最為嚴重|最严重|最嚴重)|[，,]?\s*(?:[^，。；,;0-9０-９]{0,6}?)(?:(?:排名|位列|位居|名列|高居|居)[^，。；,;0-9０-９]{0,10}?(?:第(?P<n>[一二三四五六七八九十0-9０-９]{1,3})(?:位|名)?|首位|榜首|之首|之冠)|(?:成为|成為)[^，。；,;0-9０-９]{0,10}?第(?P<big>[一二三四五六七八九十])大|领跑|領跑|居首|居冠|(?P<second>居次|次之|紧随其后|緊隨其後)))",
    )
    .expect("static regex")
});

/// A rank written before a figure in English: `Taiwan was second with`, `the top spot with`,
/// `The busiest docking station was Harbour Square with`. Only superlatives that rank the
/// larger figure first: `the cheapest`, `the most affordable` rank the smaller.
static RANK_BEFORE_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?P<w>first|second|third|fourth|fifth|top|topped|led|headed|largest|biggest|leading|busiest|highest|greatest|best-selling|most[-\s](?:visited|watched|popular|played|streamed|viewed|downloaded|used))(?-u:\b)[^,.;]{0,50}?(?-u:\b)with|the\s+(?P<s>highest|largest|biggest|fastest|strongest|steepest)(?-u:\b)[^,.;]{0,30}?(?-u:\b)(?:at|with|of)|(?:led|topped|headed)\s+the\s+(?:league|table|standings|rankings|field|charts?|competition|division)(?-u:\b)[^,.;]{0,40}?(?-u:\b)at)\s*$")
        .expect("static regex")
});

/// A first place claimed in the sentence's opening for its first figure, one clause on:
/// `Copper was the largest contributor to EBITDA for the first time, at $2.04 billion`.
static FIRST_OPENING_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:the\s+)(?:largest|biggest|top|leading|highest|busiest)(?-u:\b)[^.;:]{0,60}?,\s*(?:at|with(?:\s+[a-z-]+){0,2}?(?:\s+of)?|(?-u:\b)[a-z]+ing)\s*$")
        .expect("static regex")
});

/// Words after a figure ranked first that bring in the figures of the other items it is
/// ranked against (`, against $2.31 billion from iron ore`, `, ahead of France with`).
const AGAINST_EN: &[&str] = &[
    "against",
    "ahead of",
    "followed by",
    "trailed by",
    "versus",
    "compared with",
];

/// Words after a first place that make it a record over time, not a rank among items
/// (`the highest half-year output in the company's history`).
const RECORD: &[&str] = &["history", "ever", "record", "since", "历史", "歷史", "新高", "纪录", "紀錄"];

/// Words of a label that name a total of the items, not another item (`全` alone is too
/// short: `味全龍` is a team).
const ITEM_TOTALS: &[&str] = &[
    "合计", "合計", "总计", "總計", "共计", "總數", "总数", "全部", "全国", "全國", "total",
    "overall", "all",
];

/// Whether lower-cased `label` holds one of `words`: an English word as a whole word
/// (`Skyfall Protocol` names no total), any other as written.
fn names_total(label: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        if w.is_ascii() {
            label
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|t| t == *w)
        } else {
            label.contains(w)
        }
    })
}

/// A rank after a figure in English: `, making it the largest market`.
static RANK_AFTER_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:making it|the)\s+(?:the\s+)?(?:largest|biggest|top|leading|most|highest)(?-u:\b)")
        .expect("static regex")
});

/// A rank before a figure in Chinese, in the clause before it: `东盟为第一大贸易伙伴，`.
static RANK_BEFORE_ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第(?P<n>[一二三四五六七八九十0-9０-９]{1,2})大").expect("static regex")
});

/// A superlative that ranks a named item first, with no figure in its clause; `true` when
/// it ranks changes (speeds). English ones are adverbs and adjectives of speed (`cloud grew
/// fastest, up 28.3%`): the noun forms (`the largest party`) are `SUPERLATIVE_EN`'s.
const SUPERLATIVES: &[(&str, bool)] = &[
    ("grew fastest", true),
    ("grew the fastest", true),
    ("rose fastest", true),
    ("rose the fastest", true),
    ("increased fastest", true),
    ("grew the most", true),
    ("grew most", true),
    ("rose the most", true),
    ("rose most", true),
    ("fastest-growing", true),
    ("fastest growing", true),
    ("增长最快", true),
    ("增速最快", true),
    ("增幅最大", true),
    ("增速最高", true),
    ("最快", true),
    ("居首", false),
    ("之首", false),
    // Superlative nouns: `成为议会第一大党`, `居首位`, `最大客源地`.
    ("第一大", false),
    ("首位", false),
    ("最高", false),
    ("最多", false),
    ("最大", false),
];

/// One search for all the superlatives, longest first at a position.
static SUPERLATIVE_SEARCH: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(SUPERLATIVES.iter().map(|(w, _)| w))
        .expect("static word list")
});

/// One search for all the comparison words.
static COMPARATIVE_SEARCH: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(COMPARATIVES.iter().map(|(w, _)| w))
        .expect("static word list")
});

/// Comparison words: `A 高于 B` says A > B; `A 低于 B` says A < B.
const COMPARATIVES: &[(&str, bool)] = &[
    ("高于", true),
    ("多于", true),
    ("大于", true),
    ("超越", true),
    ("overtaking", true),
    ("overtook", true),
    ("outpaced", true),
    ("outpacing", true),
    ("surpassing", true),
    ("surpassed", true),
    ("exceeding", true),
    ("higher than", true),
    ("低于", false),
    ("少于", false),
    ("lower than", false),
];

/// Words of another time in a label: its figure is not one of the items ranked now.
const EARLIER: &[&str] = &[
    "上年", "去年", "上届", "上屆", "上赛季", "上賽季", "last year", "a year earlier",
    "previous", "prior year",
];

/// Words in a label that name a total, never one of the items ranked.
const TOTALS: &[&str] = &[
    "全", "总", "總", "合计", "合計", "共", "整体", "整體", "total", "overall", "all",
];

/// Words a rank regex cannot match without: cheap tests that keep a regex from being
/// compiled and run where it cannot match. English words compare ASCII case-insensitively
/// (the regexes' `(?i)` also folds the Kelvin sign and the long s; no article writes those).
mod cue {
    /// `RANK_AFTER_ZH`: one of its rank words, which it reads no further than six characters
    /// after an opening comma and white space, so only the first eight are looked at (the
    /// text after a figure runs to the next figure or the end of the sentence).
    pub(super) fn zh_after(after: &str) -> bool {
        let t = after.trim_start();
        let t = t.strip_prefix(['，', ',']).unwrap_or(t).trim_start();
        let end = t.char_indices().nth(8).map_or(t.len(), |(i, _)| i);
        let window = &t[..end];
        // One pass over the window's characters; a word is tried only where its first
        // character stands (a `contains` per word costs more in set-up than the window).
        let mut rest = window;
        while let Some(c) = rest.chars().next() {
            if matches!(
                c,
                '排' | '位' | '名' | '居' | '领' | '領' | '最' | '次' | '紧' | '緊' | '成'
            ) && [
                "排名", "位列", "名列", "居", "领跑", "領跑", "最多", "最高", "最大", "最快", "次之",
                "紧随其后", "緊隨其後", "成为", "成為", "最为严重", "最為嚴重", "最严重", "最嚴重",
            ]
            .iter()
            .any(|w| rest.starts_with(w))
            {
                return true;
            }
            rest = &rest[c.len_utf8()..];
        }
        false
    }

    /// `RANK_AFTER_EN`: `, making it` or `the` after optional white space and a comma.
    pub(super) fn en_after(after: &str) -> bool {
        let t = after.trim_start();
        let t = t.strip_prefix(',').unwrap_or(t).trim_start();
        starts_with_ci(t, "making it") || starts_with_ci(t, "the")
    }

    /// Whether `s`, trailing white space aside, ends with the ASCII word `w` in any case
    /// (as a word: the regexes read it after a word boundary).
    pub(super) fn ends_with_ci(s: &str, w: &str) -> bool {
        let s = s.trim_end();
        crate::extract::ends_with_word(s, s.len(), w).is_some()
    }

    fn starts_with_ci(s: &str, w: &str) -> bool {
        s.as_bytes()
            .get(..w.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(w.as_bytes()))
    }
}

fn number(s: &str) -> Option<u8> {
    if let Ok(n) = s.parse::<u8>() {
        return Some(n);
    }
    let mut n = 0u8;
    for c in s.chars() {
        n = match c {
            '一' => n + 1,
            '二' => n + 2,
            '三' => n + 3,
            '四' => n + 4,
            '五' => n + 5,
            '六' => n + 6,
            '七' => n + 7,
            '八' => n + 8,
            '九' => n + 9,
            '十' => n.max(1) * 10,
            _ => return None,
        };
    }
    (n > 0).then_some(n)
}

fn english_rank(w: &str) -> u8 {
    match w.to_ascii_lowercase().as_str() {
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        _ => 1,
    }
}

/// Words one of which every rank regex needs (`RANK_AFTER_ZH`, `RANK_BEFORE_EN`,
/// `RANK_AFTER_EN`, `RANK_BEFORE_ZH`), ASCII case folded; the Kelvin sign and the long s
/// fold into ASCII letters under `(?i)`.
const RANK_WORDS: &[&str] = &[
    "排名", "位列", "名列", "居", "领跑", "領跑", "第", "最", "次之", "紧随其后", "緊隨其後", "with", "the", "making", "\u{212A}",
    "\u{17F}",
];

/// Whether a sentence may hold a rank one of the rank regexes reads: a Chinese rank word
/// (`第…大` with both characters), or the English words each English regex needs together
/// (`first … with`, `the largest`, and `FIRST_OPENING_EN`'s `the largest … at`), or a
/// character `(?i)` folds into an ASCII letter.
fn may_rank(p: &Probe<'_>) -> bool {
    p.may_hold(&[
        "排名", "位列", "名列", "居", "领跑", "領跑", "最多", "最高", "最大", "最快", "次之", "紧随其后",
        "緊隨其後", "最为严重", "最為嚴重", "最严重", "最嚴重",
        "\u{212A}", "\u{17F}",
    ])
        || p.may_hold(&["第"]) && p.may_hold(&["大"])
        || p.may_hold_ci(&["with"])
            && p.may_hold_ci(&[
                "first", "second", "third", "fourth", "fifth", "top", "largest", "biggest",
                "leading", "busiest", "highest", "greatest", "best", "most", "topped", "led",
                "headed",
            ])
        // `led the league in goal-kicking at 81.6%`.
        || p.may_hold_ci(&["led", "topped", "headed"]) && p.may_hold_ci(&["the"])
        || p.may_hold_ci(&["the", "making"])
            && p.may_hold_ci(&[
                "largest",
                "biggest",
                "top",
                "leading",
                "most",
                "highest",
                "fastest",
                "strongest",
                "steepest",
            ])
}

static RANK_CUES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(RANK_WORDS)
        .expect("static word list")
});

/// Ranks stand in a sentence with a rank word; a superlative's list is in its sentence or
/// the one before; a comparison is between two figures of one sentence.
pub(super) fn need(p: &Probe<'_>) -> Need {
    let quantities = p.quantities();
    if SUPERLATIVES.iter().any(|(w, _)| p.may_hold(&[w])) && superlative_may_rank(p)
        || p.text.is_ascii()
            && p.may_hold_ci(&["largest", "biggest", "top", "leading", "most"])
            && SUPERLATIVE_EN.is_match(p.text)
    {
        Need::WithPrevious
    } else if quantities >= 1 && may_rank(p)
        || quantities >= 2 && COMPARATIVES.iter().any(|(w, _)| p.may_hold(&[w]))
    {
        Need::This
    } else {
        Need::Nothing
    }
}

/// The first superlative of a sentence, as `superlatives` reads it: the word, whether it
/// ranks speeds, where it stands, and its clause (all offsets into `body`).
fn superlative(body: &str) -> Option<(bool, usize, usize, usize)> {
    let m = SUPERLATIVE_SEARCH.find(body)?;
    let (_, speed) = SUPERLATIVES[m.pattern().as_usize()];
    let at = m.start();
    // Clause breaks: Chinese punctuation, and English `,` `;` `:` before white space (not
    // the comma inside `12,600`).
    let is_break = |k: usize, c: char, stops: &[char]| {
        stops.contains(&c)
            || ([',', ';', ':', '.'].contains(&c)
                && stops.contains(&full_width(c))
                && body[k + 1..].starts_with(char::is_whitespace))
    };
    let clause_start = body[..at]
        .char_indices()
        .rev()
        .find(|&(k, c)| is_break(k, c, &['，', '；', '：']))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let clause_end = body[at..]
        .char_indices()
        .find(|&(k, c)| is_break(at + k, c, &['，', '；', '。']))
        .map_or(body.len(), |(k, _)| at + k);
    Some((speed, at, clause_start, clause_end))
}

/// Whether fact `k` of a list ranked by speed, right after a change (written, or with its
/// verb left out: the caller says), is a change with its verb left out (`payments rose
/// 22.7%, hardware 9.6% and services 30.4%`, `制造业增长 8.2%，建筑业 9.6%`): a percentage
/// whose label is a short name.
fn elided_change(text: &str, ms: &[Mention], pool: &[&Fact], k: usize) -> bool {
    let f = pool[k];
    if f.role != Role::Level || ms[f.mention].kind != Kind::Percent || k == 0 {
        return false;
    }
    let before = pool[k - 1];
    let label = text[f.label.range()]
        .trim()
        .trim_start_matches([',', '，', '、', ';', '；'])
        .trim();
    let label = label.strip_prefix("and ").unwrap_or(label);
    let short = if label.is_ascii() {
        let words = label.split_whitespace().count();
        (1..=3).contains(&words) && !label.contains(|c: char| c.is_ascii_digit())
    } else {
        (1..=8).contains(&label.chars().count())
    };
    let share = ["占", "佔", "share", "of", "比重"]
        .iter()
        .any(|w| label.split_whitespace().any(|t| t == *w) || (!w.is_ascii() && label.contains(w)));
    short && !share && before.sentence == f.sentence
}

/// The Chinese form of an ASCII clause break.
fn full_width(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '.' => '。',
        c => c,
    }
}

/// The item a superlative names: the words of its clause before it.
fn superlative_item(body: &str, clause_start: usize, at: usize) -> &str {
    body[clause_start..at]
        .trim()
        // A heading's marks (`# 东城区收入居各区之首`).
        .trim_start_matches(['#', ' '])
        .trim_start_matches("其中")
        .trim_start_matches(['，', ' '])
        // `以IC設計成長最快`: `以` brings in the item.
        .trim_start_matches('以')
}

/// Whether `superlatives` may read the sentence's superlative: it names an item and its
/// clause holds no fact. A percentage or an amount of money in the clause is a fact (it
/// cannot stand inside a period word) unless the sentence is too long to have facts.
fn superlative_may_rank(p: &Probe<'_>) -> bool {
    let Some((_, at, clause_start, clause_end)) = superlative(p.text) else {
        return false;
    };
    if superlative_item(p.text, clause_start, at).chars().count() < 2 {
        return false;
    }
    let whole: Vec<&Mention> = p
        .mentions
        .iter()
        .filter(|m| m.kind.is_quantity() && m.span.end <= p.span.end)
        .collect();
    let oversized = p.span.len() > crate::analysis::MAX_SENTENCE_BYTES
        || whole.len() > crate::analysis::MAX_QUANTITIES;
    let (lo, hi) = (p.span.start + clause_start, p.span.start + clause_end);
    oversized
        || !whole.iter().any(|m| {
            matches!(m.kind, Kind::Percent | Kind::Money) && lo <= m.span.start && m.span.start < hi
        })
}

pub(super) fn check(
    ctx: &Context<'_>,
    severity: Severity,
    examined: &mut Vec<Span>,
) -> Vec<Finding> {
    let model = ctx.whole();
    let mut out = Vec::new();
    ranks(ctx, model, severity, examined, &mut out);
    superlatives(ctx, model, severity, examined, &mut out);
    superlatives_en(ctx, model, severity, examined, &mut out);
    comparisons(ctx, model, severity, examined, &mut out);
    // `居全国首位` and `位列第二` in one sentence are one problem read two ways: the
    // same figure beaten by the same figure is reported once.
    let mut seen: Vec<(Span, Vec<Span>)> = Vec::new();
    out.retain(|f| {
        let key = (f.span, f.related.iter().map(|r| r.span).collect::<Vec<_>>());
        let new = !seen.contains(&key);
        if new {
            seen.push(key);
        }
        new
    });
    out
}

/// Whether two figures measure the same thing in the same unit. A bare number takes the
/// word written after it as its unit (`23 球`, `318 terawatt-hours`), so goals are never
/// ranked against points.
fn same(text: &str, a: &Mention, b: &Mention) -> bool {
    if a.kind != b.kind || a.unit != b.unit {
        return false;
    }
    if a.kind != Kind::Number {
        return true;
    }
    let (ua, ub) = (unit_word(text, a), unit_word(text, b));
    !ua.is_empty() && ua == ub
}

/// Whether a bare number with no word of its own after it (`ahead of Grace Lowe with 648
/// and …`, `ahead of Ada Okafor on 436`) stands for a figure of the ranked one's unit (`612
/// goals`, `412 points`): in a list of the
/// items it is ranked against, the unit is said once.
fn elliptic_unit(text: &str, m: &Mention, ranked: &Mention) -> bool {
    // The ranked figure may carry a unit of measure (`412 points`, `1,840 tonnes`) as well
    // as a counted noun.
    if m.kind != Kind::Number
        || m.unit.is_some()
        || !matches!(ranked.kind, Kind::Count | Kind::Number | Kind::Quantity)
    {
        return false;
    }
    let rest = text[m.span.end..].trim_start();
    let word = unit_word(text, m);
    rest.is_empty()
        || rest.starts_with(['.', ',', ';', ')', '，', '。', '；', '、'])
        || ["and", "or", "while", "but"].contains(&word)
}

fn unit_word<'t>(text: &'t str, m: &Mention) -> &'t str {
    let rest = text[m.span.end..].trim_start();
    match rest.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .unwrap_or(rest.len());
            &rest[..end]
        }
        Some(c) if ('\u{4e00}'..='\u{9fff}').contains(&c) => &rest[..c.len_utf8()],
        _ => "",
    }
}

/// Ranks written next to figures, compared within each paragraph.
fn ranks(
    ctx: &Context<'_>,
    model: &Whole,
    severity: Severity,
    examined: &mut Vec<Span>,
    out: &mut Vec<Finding>,
) {
    let text = &ctx.doc.masked;
    let ms = ctx.mentions;
    // (paragraph, rank, fact)
    let mut claims: Vec<(usize, u8, &Fact)> = Vec::new();
    // Each rank regex needs a rank word: most sentences have none. Only a sentence with
    // figures is searched, and the search stops at its first rank word (a search of the
    // whole article for every one cost more than the rest of the check).
    for (si, s) in model.sentences.iter().enumerate() {
        let facts = model.facts_of(si);
        if facts.is_empty() {
            continue;
        }
        if !RANK_CUES.is_match(&text[s.span.range()]) {
            continue;
        }
        // `RANK_BEFORE_ZH` needs a `第` in the clause before a figure: asked once of the
        // sentence, not of each figure's opening.
        let ordinal_zh = text[s.span.range()].contains('第');
        for (k, f) in facts.iter().enumerate() {
            let m = &ms[f.mention];
            let next = facts
                .get(k + 1)
                .map_or(s.span.end, |g| ms[g.mention].span.start);
            let after = &text[m.span.end..next.max(m.span.end)];
            let before = &text[f.label.start..f.label.end.max(f.label.start)];
            // Each regex runs only where the words it needs stand (`cue::*`): a Chinese
            // article never compiles the English ones.
            let rank = if let Some(c) = cue::zh_after(after)
                .then(|| RANK_AFTER_ZH.captures(after))
                .flatten()
            {
                let second = c.name("second").map(|_| 2);
                Some(
                    c.name("n")
                        .or(c.name("big"))
                        .and_then(|n| number(n.as_str()))
                        .or(second)
                        .unwrap_or(1),
                )
            } else if let Some(c) = ["with", "at", "of"]
                .iter()
                .any(|w| cue::ends_with_ci(before, w))
                .then(|| RANK_BEFORE_EN.captures(before))
                .flatten()
            {
                Some(c.name("w").map_or(1, |w| english_rank(w.as_str())))
            } else if cue::en_after(after) && RANK_AFTER_EN.is_match(after)
                || (k == 0 && {
                    let opening = &text[s.span.start..m.span.start];
                    (cue::ends_with_ci(opening, "at")
                        || cue::ends_with_ci(opening, "with")
                        || cue::ends_with_ci(opening, "of")
                        || opening.trim_end().ends_with("ing"))
                        && FIRST_OPENING_EN.is_match(opening)
                })
            {
                Some(1)
            } else if !ordinal_zh {
                None
            } else {
                // `东盟为第一大贸易伙伴，前 11 个月贸易总值 6.33 万亿元`: the clause before.
                let lead = &text[s.span.start..f.clause.start];
                let lead = lead.rsplit(['，', '；', '。']).nth(1).unwrap_or("");
                let first_in_clause = k == 0 || ms[facts[k - 1].mention].span.end < f.clause.start;
                match lead.contains('第').then(|| RANK_BEFORE_ZH.captures(lead)).flatten() {
                    Some(c) if first_in_clause && f.clause.start > s.span.start => number(&c["n"]),
                    _ => None,
                }
            };
            // A figure right after another, nothing but white space between (`30 胜 6 负`,
            // `3 gold 2 silver`), is half of a record: the rank after it ranks the record
            // by a measure the words do not name, so neither half is compared.
            let in_record = k > 0
                && text[ms[facts[k - 1].mention].span.end..m.span.start]
                    .trim()
                    .is_empty();
            // `教育支出 132.6 亿元，占 30.7%，居各项之首`: a rank after an item's share of
            // the whole, right after the item's amount, ranks the item. Its amount, the
            // figure the words name first, is compared; the share is not compared again
            // (the two would be one problem reported twice).
            let k = if k > 0 && share_of_amount(text, ms, &facts[k - 1], f) {
                k - 1
            } else {
                k
            };
            let f = &facts[k];
            if let Some(r) = rank
                && !in_record
                && claims.len() < 4096
            {
                claims.push((s.paragraph, r, f));
                if r == 1 {
                    first_against_list(ctx, model, si, k, severity, examined, out);
                }
            }
        }
    }
    let mut start = 0;
    while start < claims.len() {
        let para = claims[start].0;
        let mut end = start;
        while end < claims.len() && claims[end].0 == para {
            end += 1;
        }
        // A paragraph holds few rank claims; a cap keeps a pathological one linear.
        let group = &claims[start..end.min(start + 32)];
        for (i, &(_, ra, a)) in group.iter().enumerate() {
            for &(_, rb, b) in &group[i + 1..] {
                let (hi, lo) = if ra < rb { (a, b) } else { (b, a) };
                if ra == rb || !same(text, &ms[hi.mention], &ms[lo.mention]) || hi.role != lo.role {
                    continue;
                }
                let (mh, ml) = (&ms[hi.mention], &ms[lo.mention]);
                examined.push(mh.span);
                examined.push(ml.span);
                if mh.interval.high < ml.interval.low {
                    let rank_hi = ra.min(rb);
                    let rank_lo = ra.max(rb);
                    out.push(finding(
                        ctx,
                        severity,
                        mh,
                        ml,
                        format!(
                            "`{}` is ranked {} but `{}`, ranked {}, is larger",
                            ctx.doc.slice(mh.span),
                            ordinal(rank_hi),
                            ctx.doc.slice(ml.span),
                            ordinal(rank_lo)
                        ),
                        "a higher rank",
                    ));
                }
            }
        }
        start = end;
    }
}

/// Words that bring in an item's share right after its amount (`132.6 亿元，占 30.7%`).
const SHARE_AFTER_AMOUNT: &[&str] = &["占", "佔", "约占", "約佔", "占比", "佔比"];

/// Whether `share` is the share of the whole that `amount`, the figure right before it,
/// is: a percentage brought in by `占` with nothing but a comma between, after an amount
/// that is not a percentage.
fn share_of_amount(text: &str, ms: &[Mention], amount: &Fact, share: &Fact) -> bool {
    let (a, b) = (&ms[amount.mention], &ms[share.mention]);
    if b.kind != Kind::Percent || a.kind == Kind::Percent || amount.role != Role::Level {
        return false;
    }
    let gap = text[a.span.end..b.span.start.max(a.span.end)]
        .trim()
        .trim_start_matches(['，', ','])
        .trim_start();
    SHARE_AFTER_AMOUNT
        .iter()
        .any(|w| gap.strip_prefix(w).is_some_and(|r| r.trim().trim_end_matches(['为', '為']).is_empty()))
}

/// A figure ranked first and, later in its sentence, the figures of the other items it is
/// ranked against: brought in by a word of comparison (`against`, `ahead of`) in English,
/// or listed after a `；` in Chinese (`…成长 40.8%，成长幅度高居全联盟之冠；中信兄弟成长 22.9%，…`).
/// Only figures of the same kind, unit, role and period count, and none that names a total
/// or the item's own earlier figure (`up from`): the words make the comparison certain.
fn first_against_list(
    ctx: &Context<'_>,
    model: &Whole,
    si: usize,
    k: usize,
    severity: Severity,
    examined: &mut Vec<Span>,
    out: &mut Vec<Finding>,
) {
    let text = &ctx.doc.masked;
    let ms = ctx.mentions;
    let facts = model.facts_of(si);
    let claimed = &facts[k];
    let cm = &ms[claimed.mention];
    let Some(rest) = facts.get(k + 1..) else {
        return;
    };
    let Some(next) = rest.first() else {
        return;
    };
    let gap = text[cm.span.end..ms[next.mention].span.start].to_ascii_lowercase();
    let english = cm.span.start < text.len() && text[cm.span.range()].is_ascii() && gap.is_ascii();
    // `…the highest output at 1.86 trillion yuan, with Guangdong at 1.92 trillion yuan`: a
    // `with` right after the figure's clause lists the others.
    let with_others = gap.find(',').is_some_and(|k| {
        gap[..k].split_whitespace().count() <= 2 && gap[k + 1..].trim_start().starts_with("with ")
    });
    let opens = if english {
        with_others
            || AGAINST_EN.iter().any(|w| {
                gap.match_indices(w).any(|(at, _)| {
                    !gap[..at].ends_with(|c: char| c.is_ascii_alphanumeric())
                        && !gap[at + w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
                })
            })
    } else {
        // `…居各縣市之冠，其次為嘉義縣 6,015 公斤`: `其次` names the items after the first.
        let list = &text[cm.span.end..ms[rest.last().map_or(next, |l| l).mention].span.start];
        list.contains('；') || list.contains("其次")
    };
    let first_clause = text[cm.span.end..ms[next.mention].span.start].to_ascii_lowercase();
    let record = RECORD.iter().any(|w| {
        if w.is_ascii() {
            first_clause
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|t| t == *w)
        } else {
            first_clause.contains(w)
        }
    });
    if !opens || record {
        return;
    }
    let start = if english {
        cm.span.end
    } else {
        let after = &text[cm.span.end..];
        cm.span.end
            + [after.find('；'), after.find("其次")]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(0)
    };
    for f in rest {
        let m = &ms[f.mention];
        let label = text[f.label.range()].to_ascii_lowercase();
        if m.span.start < start
            || !(same(text, m, cm) || elliptic_unit(text, m, cm))
            || f.role != claimed.role
            // An item brought in with no period words of its own (`ahead of the United
            // States at $9.3 billion`) is of the first one's period.
            || (f.period != claimed.period && f.period.is_stated())
            || f.forecast
            || names_total(&label, ITEM_TOTALS)
            || label.trim_end().ends_with("from")
        {
            continue;
        }
        if beaten_first(ctx, severity, cm, m, None, examined, out) {
            return;
        }
    }
}

fn ordinal(n: u8) -> String {
    match n {
        1 => "first".into(),
        2 => "second".into(),
        3 => "third".into(),
        n => format!("{n}th"),
    }
}

/// Compares a figure ranked first with another of its items; when the other is surely
/// larger, says so and returns true.
fn beaten_first(
    ctx: &Context<'_>,
    severity: Severity,
    first: &Mention,
    other: &Mention,
    item: Option<&str>,
    examined: &mut Vec<Span>,
    out: &mut Vec<Finding>,
) -> bool {
    examined.push(first.span);
    examined.push(other.span);
    // Two whole counts written to the unit (`17 席`, `18 席`) are exact: one more is larger,
    // though their rounding intervals touch.
    let whole_counts = [first, other].iter().all(|m| {
        matches!(m.kind, Kind::Count | Kind::Number)
            && m.value.fract() == 0.0
            && m.interval.high - m.interval.low <= 1.0
    });
    if other.interval.low <= first.interval.high && !(whole_counts && other.value > first.value) {
        return false;
    }
    let named = item.map(|i| format!(" ({i})")).unwrap_or_default();
    out.push(finding(
        ctx,
        severity,
        first,
        other,
        format!(
            "the text ranks `{}`{named} first, but `{}` is larger",
            ctx.doc.slice(first.span),
            ctx.doc.slice(other.span)
        ),
        "first place",
    ));
    true
}

fn finding(
    ctx: &Context<'_>,
    severity: Severity,
    claimed: &Mention,
    beaten_by: &Mention,
    message: String,
    what: &str,
) -> Finding {
    let doc = ctx.doc;
    let mut f = Finding::new(
        ID,
        Origin::Builtin(&META),
        severity,
        claimed.span,
        doc.slice(claimed.span),
        message,
    );
    f.explanation = Some(Explanation {
        inputs: vec![
            input("claimed", doc, claimed),
            input("other", doc, beaten_by),
        ],
        formula: "claimed >= other".into(),
        computed: beaten_by.value,
        computed_interval: beaten_by.interval,
        claimed: claimed.interval,
        tolerance: ctx.options.tolerance,
    });
    f.notes.push(format!(
        "the words give `{}` {what}",
        doc.slice(claimed.span)
    ));
    f.related.push(Related {
        span: beaten_by.span,
        message: format!("`{}` is larger", doc.slice(beaten_by.span)),
    });
    f
}

/// The raw words that name a fact's item: its head fact's label, without a leading topic.
fn item_label<'t>(text: &'t str, model: &Whole, f: &Fact) -> &'t str {
    let head = model
        .facts
        .get(f.head)
        .filter(|h| h.sentence == f.sentence)
        .unwrap_or(f);
    text[head.label.range()].trim()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The sentences a superlative may rank a list in: the list is in the sentence or the one
/// before, so without figures in either there is nothing to rank.
fn with_a_list<'m>(
    text: &'m str,
    model: &'m Whole,
) -> impl Iterator<Item = (usize, &'m Sentence)> + 'm {
    model.sentences.iter().enumerate().filter(move |&(si, s)| {
        let before = si
            .checked_sub(1)
            .map_or(0, |p| model.sentences[p].facts.len());
        !s.facts.is_empty()
            || before > 0
            || (s.facts.is_empty() && next_list(text, model, si).is_some())
    })
}

/// The figures a superlative of sentence `si` ranks: `own` (the sentence's), else those of
/// the sentence before in its paragraph, else, when the sentence has no figure at all, the
/// list that follows it.
fn list_pool<'w>(text: &str, model: &'w Whole, si: usize, own: Vec<&'w Fact>) -> Vec<&'w Fact> {
    if !own.is_empty() {
        return own;
    }
    let s = &model.sentences[si];
    if let Some(prev) = si.checked_sub(1)
        && (model.sentences[prev].paragraph == s.paragraph
            || (model.sentences[prev].paragraph + 1 == s.paragraph
                && refers_back(&text[s.span.range()])))
        && !model.facts_of(prev).is_empty()
    {
        return model.facts_of(prev).iter().collect();
    }
    if model.facts_of(si).is_empty()
        && let Some(next) = next_list(text, model, si)
    {
        return next.iter().collect();
    }
    Vec::new()
}

/// Openings of a sentence that name what the paragraph before told (`The result makes
/// Labour the largest party`, `这一结果使…成为第一大党`): its superlative ranks the last
/// sentence of that paragraph.
const BACK_REFERENCES: &[&str] = &[
    "The result ",
    "The results ",
    "The outcome ",
    "The count ",
    "The tally ",
    "The final tally ",
    "This result ",
    "That result ",
    "This outcome ",
    "That outcome ",
    "The figures ",
    "The totals ",
    "These results ",
    "Those results ",
    "This makes ",
    "That makes ",
    "This leaves ",
    "That leaves ",
    "这一结果",
    "这个结果",
    "此次结果",
    "這一結果",
    "這個結果",
];

/// Bodies that publish the figures of a count (`according to the electoral commission's
/// final declaration`, `据市统计局统计`): a list attributed to one is the article's data, and
/// the article's own superlative is read against it.
const OFFICIAL: &[&str] = &[
    "commission",
    "commission's",
    "office",
    "office's",
    "bureau",
    "bureau's",
    "ministry",
    "ministry's",
    "department",
    "department's",
    "statistics",
    "census",
    "official",
    "final",
    "electoral",
    "council",
    "council's",
    "officer",
    "agency",
    "agency's",
    "authority",
    "authority's",
    "regulator",
    "registrar",
];

const OFFICIAL_ZH: &[&str] = &[
    "统计局", "統計局", "统计处", "統計處", "主计总处", "主計總處", "委员会", "委員會", "选委会",
    "選委會",
];

/// Whether a sentence's attribution names an official source of the figures: `according to`
/// with one of `OFFICIAL` in the six words after it, or `据` with a body of `OFFICIAL_ZH` in the
/// twelve characters after it; never inside quotation marks.
fn official_source(sentence: &str) -> bool {
    if sentence.contains(['"', '“', '”', '「', '」']) {
        return false;
    }
    let lower = sentence.to_ascii_lowercase();
    if let Some(k) = lower.find("according to ") {
        return lower[k + "according to ".len()..]
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .take(6)
            .any(|w| OFFICIAL.contains(&w));
    }
    sentence.match_indices('据').chain(sentence.match_indices('據')).any(|(k, c)| {
        let after: String = sentence[k + c.len()..].chars().take(12).collect();
        OFFICIAL_ZH.iter().any(|w| after.contains(w))
    })
}

fn refers_back(sentence: &str) -> bool {
    let t = sentence.trim_start();
    BACK_REFERENCES.iter().any(|w| t.starts_with(w))
}

/// The sentence after `si` when it may hold the list a superlative of `si` ranks: in the
/// same paragraph (`在各区中，东城区收入最高。东城区收入 58.2 亿元，西城区收入 61.7 亿元。`), or
/// right after a heading (`# 东城区收入居各区之首` over the list), and holding two figures.
fn next_list<'m>(text: &str, model: &'m Whole, si: usize) -> Option<&'m [Fact]> {
    let s = &model.sentences[si];
    let next = model.sentences.get(si + 1)?;
    let heading = text[s.span.range()].trim_start().starts_with('#');
    let facts = model.facts_of(si + 1);
    ((next.paragraph == s.paragraph || heading) && facts.len() >= 2).then_some(facts)
}

/// `…，东城区收入居各区之首`: a superlative about an item named in the sentence's list.
fn superlatives(
    ctx: &Context<'_>,
    model: &Whole,
    severity: Severity,
    examined: &mut Vec<Span>,
    out: &mut Vec<Finding>,
) {
    let text = &ctx.doc.masked;
    let ms = ctx.mentions;
    for (si, s) in with_a_list(text, model) {
        let body = &text[s.span.range()];
        let Some((speed, at, clause_start, clause_end)) = superlative(body) else {
            continue;
        };
        // The superlative's clause holds no figure, and names the item before the word.
        if model.facts_of(si).iter().any(|f| {
            let start = ms[f.mention].span.start - s.span.start;
            clause_start <= start && start < clause_end
        }) {
            continue;
        }
        let item = superlative_item(body, clause_start, at);
        if item.chars().count() < 2 {
            continue;
        }
        // The list: this sentence, or the sentence before in the paragraph.
        let pool = list_pool(text, model, si, model.facts_of(si).iter().collect());
        // One pass: whether the figure before is a change, written or with its verb left
        // out.
        let mut after_change = false;
        let pool: Vec<&Fact> = pool
            .iter()
            .enumerate()
            .filter(|&(k, f)| {
                if !speed {
                    return f.role == Role::Level || f.role == Role::Share;
                }
                let change = matches!(f.role, Role::Change(_))
                    || (after_change && elided_change(text, ms, &pool, k));
                after_change = change;
                change
            })
            .map(|(_, f)| *f)
            .collect();
        let scored: Vec<(usize, &Fact)> = pool
            .iter()
            .map(|f| (common_prefix(item, item_label(text, model, f)), *f))
            .collect();
        let best = scored.iter().map(|(n, _)| *n).max().unwrap_or(0);
        // `以IC設計成長最快，年增28.3%；IC製造年增22.7%…`: the clause right after the
        // superlative opens with a figure with no item words of its own: it is the item's,
        // whatever other label shares the item's first words (`金屬切削` and `金屬成形`). The
        // others then count only when their words name an item.
        let after = figure_after(model, body, s, clause_end, &pool, ms);
        let named = (after.is_none()
            && best >= 2
            && scored.iter().filter(|(n, _)| *n == best).count() == 1)
            .then(|| scored.iter().find(|(n, _)| *n == best).map(|&(_, f)| f))
            .flatten();
        let Some(claimed) = after.or(named) else {
            continue;
        };
        let cm = &ms[claimed.mention];
        // An item's figure after `with` and its measure (`grew fastest, with skier days up
        // 14.2%`) is ranked against the items listed after a semicolon, not against the
        // figures of its own clause (`helped by a 14% rise in arrivals`).
        let with_measure = text[claimed.label.range()].trim_start().starts_with("with ");
        for f in &pool {
            if std::ptr::eq(*f, claimed) {
                continue;
            }
            let m = &ms[f.mention];
            if with_measure
                && (m.span.start < cm.span.end
                    || !text[cm.span.end..m.span.start].contains([';', '；']))
            {
                continue;
            }
            let label = item_label(text, model, f).to_ascii_lowercase();
            // Another period's figure (`上赛季进 52 球`) is not one of the items ranked.
            // `上年华东地区增长 14.3%`: a word of another time before a change, read as its
            // basis by the facts, still names another period's figure.
            let own_label = text[f.label.range()].to_ascii_lowercase();
            if !same(text, m, cm)
                || f.period != claimed.period
                || names_total(&label, TOTALS)
                || (after.is_some() && f.measure.is_empty())
                || EARLIER.iter().any(|w| own_label.contains(w))
            {
                continue;
            }
            if beaten_first(ctx, severity, cm, m, Some(item), examined, out) {
                break;
            }
        }
    }
}

/// The figure that opens the clause right after a superlative's (after a comma, not a
/// `；`, which starts another item) when its label holds no measure words (`，年增28.3%`,
/// `，同比增长 28.3%`, `，为 28.3%`).
fn figure_after<'f>(
    model: &Whole,
    body: &str,
    s: &Sentence,
    clause_end: usize,
    pool: &[&'f Fact],
    ms: &[Mention],
) -> Option<&'f Fact> {
    let comma = body[clause_end..]
        .chars()
        .next()
        .filter(|&c| c == '，' || c == ',')?;
    let opens = s.span.start + clause_end + comma.len_utf8();
    let f = pool
        .iter()
        .find(|f| ms[f.mention].span.start >= opens)
        .copied()?;
    // No measure words of its own: none, or those of a figure before it.
    let borrowed = model
        .facts
        .get(f.head)
        .is_some_and(|h| ms[h.mention].span.start < ms[f.mention].span.start);
    let bare_share = SHARE_NOUNS.contains(&f.measure.as_str());
    // `Lantern Peak grew fastest, with skier days up 14.2%`: `with` and words in lower case
    // name the measure of the item's figure, not another item (`with Owl Creek up 12%`).
    let label = body
        .get(f.label.start.saturating_sub(s.span.start)..f.label.end.saturating_sub(s.span.start))
        .unwrap_or("")
        .trim_start();
    let with_measure = label
        .strip_prefix("with ")
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_lowercase()));
    (f.clause.start == opens && (f.measure.is_empty() || borrowed || bare_share || with_measure))
        .then_some(f)
}

/// Measures that are only the word for a share, naming no item (`居于首位，份额为 46.5%`,
/// `ranked first, with a market share of 31%`): the figure is the ranked item's.
const SHARE_NOUNS: &[&str] = &[
    "份额", "份額", "市场份额", "市場份額", "占比", "佔比", "比重", "市占率", "市佔率",
    "share", "market share",
];

/// An English superlative noun about a named item, with no figure after it in its clause:
/// `making Labour the largest party`, `Labour became the largest party`, `Tane was the
/// league's top scorer`, `Labour won the most seats`.
static SUPERLATIVE_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?-u:\b)(?:making|made|makes|leaving|leaves|left)\s+(?:the\s+)?(?P<a>[A-Z][A-Za-z'-]*(?:\s+[A-Z][A-Za-z'-]*){0,3})\s+(?:as\s+)?the|(?P<b>[A-Z][A-Za-z'-]*(?:\s+[A-Z][A-Za-z'-]*){0,3})\s+(?:became|becomes|become|remained|remains|was|is|stayed|stays|emerged\s+as|finished\s+as|ended\s+as|won|wins)\s+(?:the|[A-Z][A-Za-z-]*'s))\s+(?:[A-Za-z]+'s\s+)?(?:largest|biggest|top|leading|most)(?-u:\b)",
    )
    .expect("static regex")
});

/// The words one of which `SUPERLATIVE_EN` needs, found before the regex is run.
static SUPERLATIVE_EN_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["largest", "biggest", "top", "leading", "most"])
        .expect("static word list")
});

/// Words that lead an English label and name no item (`and the Greens`).
fn item_words(label: &str) -> Vec<String> {
    let mut words: Vec<String> = label
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    while words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "and" | "the" | "while" | "with" | "but"))
    {
        words.remove(0);
    }
    words
}

/// `Labour won 17 seats, the Greens 19 and the Liberals 7, making Labour the largest
/// party.`: the item named first by the words is checked against the figures of the other
/// items of its sentence or, when its own clause starts the sentence, of the sentence before
/// in the paragraph. The item must name exactly one figure's label; the others count when
/// they are of its kind and unit (a bare number with no word of its own takes it), of its
/// period, not a total, not a base (`up from`, `of the 43 seats`) and not a forecast.
fn superlatives_en(
    ctx: &Context<'_>,
    model: &Whole,
    severity: Severity,
    examined: &mut Vec<Span>,
    out: &mut Vec<Finding>,
) {
    let text = &ctx.doc.masked;
    let ms = ctx.mentions;
    let lead = super::sentence::lead_sentence(text, model);
    for (si, s) in with_a_list(text, model) {
        let body = &text[s.span.range()];
        // The regex needs one of its words.
        if !body.is_ascii() || !SUPERLATIVE_EN_WORDS.is_match(body) {
            continue;
        }
        let Some(c) = SUPERLATIVE_EN.captures(body) else {
            continue;
        };
        let whole = c.get(0).expect("group 0");
        let item = c
            .name("a")
            .or_else(|| c.name("b"))
            .map(|m| m.as_str())
            .unwrap_or("");
        let item: Vec<String> = item_words(item);
        if item.is_empty() {
            continue;
        }
        // The superlative's clause holds no figure and is no record over time.
        let at = s.span.start + whole.end();
        // The clause ends at a comma, a semicolon or a conjunction that opens another
        // (`as the largest group but short of the 23 needed for a majority`).
        let rest = &body[whole.end()..];
        let clause_end = [",", ";", " but ", " while ", " although ", " though "]
            .iter()
            .filter_map(|w| rest.find(w))
            .min()
            .map_or(s.span.end, |k| at + k);
        let tail = body[whole.end()..clause_end - s.span.start].to_ascii_lowercase();
        if model
            .facts_of(si)
            .iter()
            .any(|f| {
                f.role != Role::Other
                    && ms[f.mention].span.start >= at
                    && ms[f.mention].span.start < clause_end
            })
            || RECORD.iter().any(|w| {
                tail.split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|t| t == *w)
            })
        {
            continue;
        }
        let start = s.span.start + whole.start();
        let own = model
            .facts_of(si)
            .iter()
            .filter(|f| ms[f.mention].span.end <= start)
            .collect();
        let pool = list_pool(text, model, si, own);
        let names = |f: &Fact| {
            let words = item_words(&text[f.label.range()]);
            words.windows(item.len()).any(|w| w == item.as_slice())
        };
        let mut named = pool.iter().filter(|f| names(f));
        let (Some(&claimed), None) = (named.next(), named.next()) else {
            continue;
        };
        let cm = &ms[claimed.mention];
        if claimed.role != Role::Level
            || claimed.forecast
            || (claimed.attributed
                && Some(claimed.sentence) != lead
                && !official_source(&text[model.sentences[claimed.sentence].span.range()]))
        {
            continue;
        }
        for f in &pool {
            if std::ptr::eq(*f, claimed) {
                continue;
            }
            let m = &ms[f.mention];
            let label = text[f.label.range()].to_ascii_lowercase();
            let label = label.trim_end();
            if !(same(text, m, cm) || elliptic_unit(text, m, cm) || elliptic_unit(text, cm, m))
                || f.role != claimed.role
                || f.period != claimed.period
                || f.forecast
                || names_total(label, ITEM_TOTALS)
                || label.ends_with("from")
                || label.ends_with("of")
                || label.ends_with("of the")
            {
                continue;
            }
            if beaten_first(ctx, severity, cm, m, None, examined, out) {
                break;
            }
        }
    }
}

/// Words for a rate of change: a bare percentage compared under one is a change.
const RATE_WORDS: &[&str] = &["增速", "增幅", "涨幅", "降幅", "增長率", "增长率", "growth rate", "pace"];

/// Where the words of a comparison's first figure begin: its clause, within the sentence.
fn f_start(f: &Fact, ms: &[Mention], sentence: usize) -> usize {
    f.clause.start.max(sentence).min(ms[f.mention].span.start)
}

/// `A 高于 B`, `A, overtaking B, which …`: both figures in one sentence.
fn comparisons(
    ctx: &Context<'_>,
    model: &Whole,
    severity: Severity,
    examined: &mut Vec<Span>,
    out: &mut Vec<Finding>,
) {
    let text = &ctx.doc.masked;
    let ms = ctx.mentions;
    for (si, s) in model.sentences.iter().enumerate() {
        let facts = model.facts_of(si);
        if facts.len() < 2 {
            continue;
        }
        let body = &text[s.span.range()];
        let mut seen = [false; COMPARATIVES.len()];
        for hit in COMPARATIVE_SEARCH.find_iter(body) {
            let p = hit.pattern().as_usize();
            // The first occurrence of each word, as a reader meets it.
            if std::mem::replace(&mut seen[p], true) {
                continue;
            }
            let (word, greater) = COMPARATIVES[p];
            let at = s.span.start + hit.start();
            // A hedge (`超过 30 吉瓦`) is not a comparison.
            if facts.iter().any(|f| {
                ms[f.mention]
                    .hedge_span
                    .is_some_and(|h| h.start <= at && at < h.end)
            }) {
                continue;
            }
            let Some(a) = facts.iter().rev().find(|f| ms[f.mention].span.end <= at) else {
                continue;
            };
            let Some(b) = facts
                .iter()
                .find(|f| ms[f.mention].span.start >= at + word.len())
            else {
                continue;
            };
            let (ma, mb) = (&ms[a.mention], &ms[b.mention]);
            // The two figures stand right around the word: at most one clause break on
            // each side, and nothing but the item's words between.
            let gap_a = &text[ma.span.end..at];
            let gap_b = &text[at + word.len()..mb.span.start];
            // `exports were 2.3% higher than in the first quarter`: a figure written right
            // before an English comparative is the difference, not one of the two compared.
            if word.is_ascii() && gap_a.trim().is_empty() {
                continue;
            }
            let breaks = |g: &str| g.matches(['，', ',', '；', ';']).count();
            // `出口增长 8.2%，增速低于进口的 6.5%`: a bare percentage compared with a change,
            // under a word for the rate of change, is a change too.
            let rate_words = |g: &str| RATE_WORDS.iter().any(|w| g.to_ascii_lowercase().contains(w));
            let roles = a.role == b.role
                || (ma.kind == Kind::Percent
                    && matches!(
                        (a.role, b.role),
                        (Role::Change(_), Role::Level) | (Role::Level, Role::Change(_))
                    )
                    && rate_words(&text[f_start(a, ms, s.span.start)..mb.span.start]));
            if !same(text, ma, mb) || !roles || breaks(gap_a) > 1 || breaks(gap_b) > 1 {
                continue;
            }
            examined.push(ma.span);
            examined.push(mb.span);
            let wrong = if greater {
                ma.interval.high < mb.interval.low
            } else {
                ma.interval.low > mb.interval.high
            };
            if wrong {
                let (sa, sb) = (ctx.doc.slice(ma.span), ctx.doc.slice(mb.span));
                let mut f = finding(
                    ctx,
                    severity,
                    ma,
                    mb,
                    format!(
                        "the text says `{sa}` is {} `{sb}` (`{word}`), but it is not",
                        if greater { "more than" } else { "less than" }
                    ),
                    if greater { "the larger" } else { "the smaller" },
                );
                if let Some(r) = f.related.first_mut() {
                    r.message = format!("`{sb}` compared here");
                }
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::cue;

    /// `cue::zh_after` as it was written first: a search of the window for each word.
    fn zh_after_by_search(after: &str) -> bool {
        let t = after.trim_start();
        let t = t.strip_prefix(['，', ',']).unwrap_or(t).trim_start();
        let end = t.char_indices().nth(8).map_or(t.len(), |(i, _)| i);
        let window = &t[..end];
        [
            "排名", "位列", "名列", "居", "领跑", "領跑", "最多", "最高", "最大", "最快", "次之",
            "紧随其后", "緊隨其後",
        ]
        .iter()
        .any(|w| window.contains(w))
    }

    proptest::proptest! {
        #[test]
        fn zh_after_finds_what_a_search_finds(
            after in "[ ，,排名位列居领跑領最多高大快次之紧随其後隨后第二甲乙]{0,14}"
        ) {
            proptest::prop_assert_eq!(cue::zh_after(&after), zh_after_by_search(&after));
        }
    }

    /// Whether each sentence (`spans`, in order) holds a rank word, as `ranks` first read
    /// it: one search of the whole text, each sentence looked up among its finds.
    fn cued_by_one_search(text: &str, spans: &[(usize, usize)]) -> Vec<bool> {
        let cues: Vec<(usize, usize)> = super::RANK_CUES
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
        spans
            .iter()
            .map(|&(start, end)| {
                let k = cues.partition_point(|&(_, e)| e <= start);
                match cues.get(k) {
                    Some(&(a, b)) if a >= start && b <= end => true,
                    Some(&(a, _)) if a < end => super::RANK_CUES.is_match(&text[start..end]),
                    _ => false,
                }
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn cued_sentences_are_those_one_search_finds(
            text in "[ ,.。0-9a-zA-Z排名位列居领跑第最次之紧随其后甲乙]{0,60}",
            cuts in proptest::collection::vec(0usize..80, 0..8),
        ) {
            // Sentences: the text cut at character boundaries, in order, some of it left out.
            let mut bounds: Vec<usize> = cuts
                .iter()
                .filter_map(|&c| text.char_indices().nth(c).map(|(i, _)| i))
                .collect();
            bounds.push(0);
            bounds.push(text.len());
            bounds.sort_unstable();
            bounds.dedup();
            let spans: Vec<(usize, usize)> = bounds
                .windows(2)
                .enumerate()
                .filter(|(k, _)| k % 3 != 2)
                .map(|(_, w)| (w[0], w[1]))
                .collect();
            let each: Vec<bool> = spans
                .iter()
                .map(|&(a, b)| super::RANK_CUES.is_match(&text[a..b]))
                .collect();
            proptest::prop_assert_eq!(each, cued_by_one_search(&text, &spans));
        }
    }

    #[test]
    fn zh_after_reads_eight_characters() {
        assert!(cue::zh_after("，排名第二"));
        assert!(cue::zh_after(" , 位居全国之首"));
        assert!(!cue::zh_after("，甲乙甲乙甲乙甲排名"));
        assert!(!cue::zh_after("，甲乙甲乙甲乙甲紧随其后"));
        assert!(cue::zh_after("，甲乙甲乙紧随其后"));
    }
}
