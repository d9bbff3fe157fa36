//! The `change_across_sentences` built-in check: the article's facts in, findings out.
//!
//! A year-on-year change stated in one sentence (`前 11 个月…进出口总值 39.79 万亿元，同比增长
//! 4.9%`) and the levels it is a change between, stated in other sentences
//! (`去年前 11 个月，…进出口总值为 37.37 万亿元`), tied by their keys: the same measure, the
//! rate's period and the same part of the year before. A change over a whole year
//! (`grew 1.3% in 2023`) is year-on-year by definition. Before indexing, each level gets the
//! measure and period its sentence and paragraph give it: a figure after a link word
//! (`rose to $31.4 billion from $29.8 billion`, `after reaching $100.0 billion in 2022`) is
//! of the measure before it, the old one of a `from` pair is of the same part of the year
//! before, and a sentence with no period words takes the period its paragraph last stated.
//! Levels are indexed by normalised measure and period first, so the check is linear. Its
//! documentation is `docs/change_across_sentences.md`.

use std::collections::{HashMap, HashSet};

use super::sentence::{input, title_subject, without_title_name};
use super::{BuiltinMeta, Context, Explanation, Finding, Origin, Related, Severity};
use crate::analysis::facts::{
    self as whole, Fact, Need, Part, Period, Probe, Role, Whole, Year, basis,
};
use crate::eval::Interval;
use crate::eval::{brief as format_number, brief_interval as format_interval};
use crate::extract::{Kind, Mention};
use crate::source::Span;

pub const META: BuiltinMeta = BuiltinMeta {
    id: "change_across_sentences",
    doc: include_str!("docs/change_across_sentences.md"),
    default_severity: Severity::Warning,
};

const ID: &str = META.id;

/// Words that end a figure's label and make it a figure of the measure named before it in
/// the sentence (`rose 35% to $49.6 billion`, `after reaching $100.0 billion in 2022`).
const LINKS: &[&str] = &[
    "from",
    "to",
    "reaching",
    "hitting",
    "compared with",
    "compared to",
    "against",
    "versus",
];

/// Of those, the words that make the figure the old level of a pair
/// (`rose to $31.4 billion from $29.8 billion`).
const FROM: &[&str] = &["from", "compared with", "compared to", "against", "versus"];

/// Words of a measure that do not change what it measures: the whole of it (`total
/// revenue`) and the company or place the article is about (`公司营业收入`).
const NEUTRAL_EN: &[&str] = &[
    "number", "total", "overall", "worldwide", "global", "company", "company's", "group", "group's",
];
const NEUTRAL_ZH: &[&str] = &[
    "本公司", "该公司", "公司", "集团", "全国", "全省", "全市", "全区", "全县", "本省", "本市",
    "本区", "本县", "该省", "该市", "该区", "该县",
];

/// Bases that a change between two plain levels cannot have.
const OTHER_BASES: u16 = basis::REAL
    | basis::TWO_YEAR
    | basis::COMPARABLE
    | basis::BASE_YEAR
    | basis::POP;

/// Verbs that end the new figure's label in a `由 A 增至 B` pair.
const ZH_TO: &[&str] = &[
    "增至", "增长至", "增长到", "增加至", "增加到", "提高至", "提高到", "提升至", "提升到", "上升至",
    "上升到", "升至", "扩大至", "扩大到", "降至", "下降至", "下降到", "减少至", "减少到", "回落至",
    "回落到", "缩小至", "缩小到",
];

/// Whether a figure opens a pair: `营业收入由 29.8 亿元`, `revenue rose from $29.8 billion`.
fn opens_pair(text: &str, f: &Fact) -> bool {
    f.role == Role::Level
        && (f.measure.ends_with(['由', '从'])
            || ends_with_any(&text[f.label.range()], &["from"]))
}

/// Whether a label closes a pair: only a verb of reaching (`增至`, `to`).
fn closes_pair(label: &str, measure: &str) -> bool {
    let t = label.trim();
    if t.is_ascii() {
        return measure.is_empty() && ends_with_any(t, &["to"]);
    }
    // `增加到 2024 年的 11.08 万人`, `增至今年的`: the new figure's period may stand between
    // the verb and the figure.
    let t = zh_without_period(t);
    measure.chars().count() <= 2 && ZH_TO.iter().any(|w| t.ends_with(w))
}

/// A Chinese label without the period words and `的` that end it (`增加到 2024 年的` →
/// `增加到`): digits, `年`, `月`, `末`, `底`, `度`, `份` and `今`/`本` (this year).
fn zh_without_period(label: &str) -> &str {
    let mut t = label.trim_end();
    loop {
        let before = t.len();
        t = t.trim_end_matches(|c: char| {
            c.is_ascii_digit() || c.is_whitespace() || "的年月末底度份".contains(c)
        });
        for w in ["今", "本"] {
            if let Some(r) = t.strip_suffix(w) {
                t = r;
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

/// A level as its sentence and paragraph read it.
struct Level {
    /// The normalised measure and the owner it names (`brightmart's`), if any.
    measure: String,
    owner: Option<String>,
    period: Period,
    /// The fact whose words named the measure.
    head: usize,
}

/// The measure without neutral words; an English owner (`brightmart's`) apart, with the
/// words before it, which name it too (`northgate health district's hospitals`: the owner
/// `northgate health district`, the measure `hospitals`).
fn normalise(measure: &str) -> (String, Option<String>) {
    if measure.is_ascii() {
        let words: Vec<&str> = measure.split(' ').filter(|w| !w.is_empty()).collect();
        let mut owner = None;
        let mut rest: &[&str] = &words;
        if let Some(k) = words.iter().position(|w| possessive(w).is_some()) {
            let mut name: Vec<&str> = words[..k]
                .iter()
                .copied()
                .filter(|w| !NEUTRAL_EN.contains(w))
                .collect();
            name.push(possessive(words[k]).unwrap_or(words[k]));
            owner = Some(name.join(" "));
            rest = &words[k + 1..];
        }
        let kept: Vec<&str> = rest
            .iter()
            .copied()
            .filter(|w| !NEUTRAL_EN.contains(w) && possessive(w).is_none())
            .collect();
        return (kept.join(" "), owner);
    }
    // `营业收入由 29.8 亿元增至 …`: the pair's opening word is not the measure's.
    let mut m = measure.trim_end_matches(['由', '从']);
    if m.chars().count() < 2 {
        m = measure;
    }
    'again: loop {
        for w in NEUTRAL_ZH {
            if let Some(rest) = m.strip_prefix(w)
                && rest.chars().count() >= 2
            {
                m = rest;
                continue 'again;
            }
        }
        return (m.to_string(), None);
    }
}

/// Past tenses of verbs of handling that a count's noun follows (`the airline carried 17.2
/// million passengers`): with the noun before them they name the measure (`passengers
/// carried`). Regular ones end in `-ed`; these are the others.
const HANDLED_IRREGULAR: &[&str] = &[
    "sold", "flew", "took", "made", "built", "won", "held", "ran", "drew", "saw", "brought",
    "shipped", "bought", "caught", "fed", "grew", "dealt",
];

/// Verbs of reporting after which a count names its measure by its noun alone (`Firms
/// reported 18,240 unfilled vacancies`).
const REPORTED: &[&str] = &["reported", "recorded", "posted", "logged", "counted", "listed"];

/// The measure an English count names with its own noun (`18,240 unfilled vacancies`,
/// `17.2 million passengers`), when its label names none or only a subject and a verb of
/// handling: the noun's words (`unfilled vacancies`), with the verb after them
/// (`passengers carried`), as the measure is written elsewhere (`the number of unfilled
/// vacancies`, `passengers carried in the quarter`).
fn counted(text: &str, f: &Fact, m: &Mention) -> Option<String> {
    if f.role != Role::Level || m.kind != Kind::Count || m.unit.is_none() || !f.measure.is_ascii() {
        return None;
    }
    let noun: Vec<String> = text[m.span.range()]
        .split(|c: char| !c.is_ascii_alphabetic() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .filter(|w| !SCALE_WORDS.contains(&w.as_str()))
        .collect();
    if noun.is_empty() {
        return None;
    }
    let label = text[f.label.range()].to_ascii_lowercase();
    let last = label
        .split(|c: char| !c.is_ascii_alphabetic())
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    let verb = if last.is_empty() || REPORTED.contains(&last) {
        None
    } else if last.len() > 3 && (last.ends_with("ed") || HANDLED_IRREGULAR.contains(&last)) {
        Some(last)
    } else {
        return None;
    };
    let mut out = noun.join(" ");
    if let Some(v) = verb {
        out.push(' ');
        out.push_str(v);
    }
    Some(out)
}

/// Scale words inside a count's text (`17.2 million passengers`).
const SCALE_WORDS: &[&str] = &["thousand", "million", "billion", "trillion", "hundred", "m", "bn", "k"];

/// Whether two levels' figures are of one kind and unit: as written, or a bare number
/// and a count whose noun the number's measure holds (`18.6 million` of `passengers
/// carried` and `17.2 million passengers`; `16,480` after `18,240 unfilled vacancies`).
fn same_unit(a: &Mention, la: &str, b: &Mention, lb: &str) -> bool {
    if a.kind == b.kind && a.unit == b.unit {
        return true;
    }
    let bare_and_count = |x: &Mention, lx: &str, y: &Mention| {
        x.kind == Kind::Number
            && x.unit.is_none()
            && y.kind == Kind::Count
            && y.unit.as_deref().is_some_and(|u| {
                let u = u.to_ascii_lowercase();
                lx.split(' ').any(|w| w == u)
            })
    };
    bare_and_count(a, la, b) || bare_and_count(b, lb, a)
}

/// `brightmart's` → `brightmart`; `farmers'` → `farmer`.
fn possessive(w: &str) -> Option<&str> {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("s'"))
}

/// Whether two owners may be one: either unnamed, the same name, or a one-word name that
/// is the other's last word (`the district's` after `Northgate Health District's`).
fn same_owner(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    let head = |s: &str| s.rsplit(' ').next().unwrap_or(s).to_string();
    a == b || (!a.contains(' ') && a == head(b)) || (!b.contains(' ') && b == head(a))
}

/// Whether `label` ends with one of `words` (ASCII words at a word boundary).
fn ends_with_any(label: &str, words: &[&str]) -> bool {
    // Compared in place, ASCII case folded: most labels end in none of the words, and a
    // lower-cased copy of each was a third of the check's cost.
    let l = label.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    words.iter().any(|w| {
        let Some(cut) = l.len().checked_sub(w.len()) else {
            return false;
        };
        // The words are ASCII, so matching bytes end on a character boundary.
        l.as_bytes()[cut..].eq_ignore_ascii_case(w.as_bytes())
            && l.is_char_boundary(cut)
            && l[..cut]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_ascii_alphanumeric())
    })
}

fn is_level(f: &Fact, m: &Mention) -> bool {
    f.role == Role::Level
        && m.kind.is_quantity()
        && !f.forecast
        && !f.revised
        && !f.respectively
}

/// Each fact's level reading (`None` for facts that are not levels, or changes whose
/// measure a level can borrow).
fn levels(ctx: &Context<'_>, model: &Whole) -> Vec<Option<Level>> {
    let ms = ctx.mentions;
    let text = &ctx.doc.masked;
    let subject = title_subject(text);
    let mut out: Vec<Option<Level>> = Vec::with_capacity(model.facts.len());
    // The period the paragraph last stated, and whether it spoke of a sequential change.
    let mut carried: Option<(usize, Period)> = None;
    let mut sequential: HashSet<usize> = HashSet::new();
    for s in &model.sentences {
        if model.facts[s.facts.clone()]
            .iter()
            .any(|f| f.basis & basis::POP != 0)
        {
            sequential.insert(s.paragraph);
        }
    }
    let lead = lead_period(text, model);
    for s in &model.sentences {
        let facts = &model.facts[s.facts.clone()];
        let dated = facts.iter().any(|f| f.period.is_stated());
        let inherited = match carried {
            Some((p, period)) if p == s.paragraph && !dated => Some(period),
            _ => None,
        };
        let referred = lead.filter(|p| refers_to_part(&text[s.span.range()], p.part));
        for (k, f) in facts.iter().enumerate() {
            let i = s.facts.start + k;
            let m = &ms[f.mention];
            let label = &text[f.label.range()];
            // Only a label with no measure words of its own (`from`, `after reaching`).
            let link = ends_with_any(label, LINKS)
                && (f.measure.is_empty() || LINKS.contains(&f.measure.as_str()));
            // The figure before it in the sentence that names a measure.
            let source = (s.facts.start..i)
                .rev()
                .find(|&j| out[j].as_ref().is_some_and(|l| !l.measure.is_empty()));
            // `…产量为 1126 万吨，上年同月为 1032 万吨`, `, against £61.0 million in 2024-25`:
            // a level whose words are only a period is the figure before's measure at that
            // period, when it is of the same kind and unit.
            // The level is the nearest before it of that kind and unit, and every clause
            // between them holds a figure (`营收 100 亿元，同比增长 10%，上年同期为 90 亿元`): a
            // clause of words alone names another subject (`进口方面，2023 年为 80 亿美元`).
            let by_period = (f.measure.is_empty() && f.role == Role::Level && f.period.is_stated())
                .then(|| {
                    let j = (s.facts.start..i).rev().find(|&j| {
                        let g = &model.facts[j];
                        let gm = &ms[g.mention];
                        g.role == Role::Level
                            && gm.kind == m.kind
                            && gm.unit == m.unit
                            && out[j].as_ref().is_some_and(|l| !l.measure.is_empty())
                    })?;
                    let from = ms[model.facts[j].mention].span.end;
                    let between = &text[from..f.clause.start.max(from)];
                    let mut at = from;
                    let mut held = true;
                    for (k, piece) in between.split(['，', ',', '；', ';']).enumerate() {
                        let (lo, hi) = (at, at + piece.len());
                        at = hi + between[hi - from..].chars().next().map_or(0, char::len_utf8);
                        if k == 0 || piece.trim().is_empty() {
                            continue;
                        }
                        held &= facts.iter().any(|g| {
                            let st = ms[g.mention].span.start;
                            lo <= st && st < hi
                        });
                    }
                    held.then_some(j)
                })
                .flatten();
            let (link, source) = match by_period {
                Some(j) if !link => (true, Some(j)),
                _ => (link, source),
            };
            let (measure, owner, head) = match (link && f.role == Role::Level, source) {
                (true, Some(j)) => {
                    let l = out[j].as_ref().expect("found above");
                    (l.measure.clone(), l.owner.clone(), l.head)
                }
                // A change with no words of its own is read as the level it took them from
                // (`recorded 412,600 emergency department visits in 2024-25, up 6.8%`).
                _ if matches!(f.role, Role::Change(_))
                    && f.head < i
                    && model.facts[f.head].sentence == f.sentence
                    && out[f.head].is_some() =>
                {
                    let l = out[f.head].as_ref().expect("checked");
                    (l.measure.clone(), l.owner.clone(), l.head)
                }
                _ => {
                    let own = without_title_name(&f.measure, subject);
                    let (m, o) = match counted(text, f, m) {
                        // The owner the label names stays (`Rival Brightmart's stores`).
                        Some(counted) => (counted, normalise(own).1),
                        None => normalise(own),
                    };
                    (m, o, f.head)
                }
            };
            let mut period = f.period;
            if !period.is_stated() && f.role == Role::Level && ends_with_any(label, FROM) {
                // `rose to $31.4 billion from $29.8 billion`: the same part of the year
                // before, unless the paragraph speaks of sequential changes.
                let newer = (s.facts.start..i).rev().find(|&j| {
                    let g = &model.facts[j];
                    g.role == Role::Level
                        && ms[g.mention].kind == m.kind
                        && ms[g.mention].unit == m.unit
                });
                if let Some(j) = newer
                    && !sequential.contains(&s.paragraph)
                    && let Some(p) = out[j].as_ref().and_then(|l| l.period.previous())
                {
                    period = p;
                }
            } else if !period.is_stated()
                && let Some(p) = referred.or(inherited)
            {
                period = p;
            }
            // `由上年同期的 29.8 亿元增至 31.4 亿元`, `rose from $29.8 billion to $31.4 billion`:
            // the new figure is of the old one's measure; the old one is a year before it.
            let pair = k > 0
                && f.role == Role::Level
                && closes_pair(label, &f.measure)
                && opens_pair(text, &facts[k - 1])
                && ms[facts[k - 1].mention].kind == m.kind
                && ms[facts[k - 1].mention].unit == m.unit;
            let (mut measure, mut owner, mut head) = (measure, owner, head);
            if pair && let Some(old) = out[i - 1].as_mut() {
                (measure, owner, head) = (old.measure.clone(), old.owner.clone(), old.head);
                if old.period == period && old.period.year == Year::Previous {
                    period.year = Year::Unstated;
                } else if !old.period.is_stated()
                    && !sequential.contains(&s.paragraph)
                    && let Some(p) = period.previous()
                {
                    old.period = p;
                }
            }
            // `2025 年 1—11 月…出口交货值 2,318.6 亿元，上年同期为 2,158.8 亿元`, `2025 年基金支出
            // 同比增长 14.6%。上年基金支出为 26.69 亿元`: a level of the year before (`上年`, `a
            // year earlier`) is the year before the year its sentence last stated, or else
            // the year its paragraph last stated when that is the lead's year (after `2024 年
            // …。` in a report on 2025, `上年` may still be 2024).
            if !pair && f.role == Role::Level && period.year == Year::Previous {
                let stated = (s.facts.start..i)
                    .rev()
                    .find_map(|j| match out[j].as_ref()?.period.year {
                        Year::Abs(y) => Some(y),
                        _ => None,
                    })
                    .or(match carried {
                        Some((p, Period { year: Year::Abs(y), .. }))
                            if p == s.paragraph
                                && lead.is_some_and(|l| l.year == Year::Abs(y)) =>
                        {
                            Some(y)
                        }
                        _ => None,
                    });
                if let Some(y) = stated {
                    period.year = Year::Abs(y - 1);
                }
            }
            let keep = is_level(f, m) || matches!(f.role, Role::Change(_));
            out.push(keep.then_some(Level {
                measure,
                owner,
                period,
                head,
            }));
        }
        // The sentence's first dated figure is its main one (`net income rose to $388
        // million in the third quarter from $301 million a year earlier`).
        if let Some(p) = referred {
            carried = Some((s.paragraph, p));
        } else if let Some(f) = facts.iter().find(|f| f.period.is_stated()) {
            carried = Some((s.paragraph, f.period));
        } else if carried.is_some_and(|(p, _)| p != s.paragraph) {
            carried = None;
        }
    }
    out
}

/// The period the article reports on: the first one its lead (the first sentence that is
/// not a heading and states a period) gives a figure.
fn lead_period(text: &str, model: &Whole) -> Option<Period> {
    model
        .sentences
        .iter()
        .filter(|s| !text[s.span.range()].trim_start().starts_with('#'))
        .find_map(|s| {
            model.facts[s.facts.clone()]
                .iter()
                .find(|f| f.period.is_stated())
                .map(|f| f.period)
        })
}

/// Phrases that refer back to the part of the year the article reports on (`Revenue for
/// the quarter was $4.71 billion`, `in the month`), each with the part it names.
const PART_REFERENCES: &[(&str, bool)] = &[
    ("in the quarter", true),
    ("for the quarter", true),
    ("during the quarter", true),
    ("over the quarter", true),
    ("the quarter's", true),
    ("in the month", false),
    ("for the month", false),
    ("during the month", false),
    ("the month's", false),
];

/// Words right after such a phrase that make it another quarter or month (`in the quarter
/// before`, `the quarter ended June 30`, `in the month to March`).
const PART_OTHER: &[&str] = &[" before", " earlier", " ended", " ending", " to ", " of ", " after", " prior"];

/// Whether a sentence refers back to a quarter (or a month) with no number, as the
/// article's own, and `part` is one.
fn refers_to_part(sentence: &str, part: Part) -> bool {
    let quarter = match part {
        Part::Quarter(_) => true,
        Part::Month(_) => false,
        _ => return false,
    };
    // Most sentences name no quarter or month: they are not copied.
    let noun = if quarter { "quarter" } else { "month" };
    if !sentence.contains(noun) {
        return false;
    }
    let lower = sentence.to_ascii_lowercase();
    PART_REFERENCES.iter().filter(|(_, q)| *q == quarter).any(|(w, _)| {
        lower.match_indices(w).any(|(k, _)| {
            let after = &lower[k + w.len()..];
            lower[..k].chars().next_back().is_none_or(|c| !c.is_ascii_alphanumeric())
                && !after.starts_with(|c: char| c.is_ascii_alphanumeric())
                && !PART_OTHER.iter().any(|o| after.starts_with(o))
        })
    })
}

/// Words after a change that name its base (`rose 5% from the second half`, `up 3% on
/// the previous six months`).
const BASE_AFTER: &[&str] = &[
    "from", "on", "over", "than", "against", "versus", "compared", "since", "relative",
];

/// Whether a change with no basis word is over the first months of a year (`In the first
/// half of 2025, registrations rose 34.2% to 870,500`): such a span is compared with the
/// same months of the year before, as no other span is of its length, unless the words
/// after the figure name another base.
fn cumulative(f: &Fact, period: Period, after: &str) -> bool {
    matches!(period.part, Part::Months(n) if n < 12)
        && f.basis & OTHER_BASES == 0
        && !after
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| BASE_AFTER.iter().any(|b| b.eq_ignore_ascii_case(w)))
}

/// The year before a period's stated year (0 when it states none).
fn prev_year(p: Period) -> i32 {
    match p.year {
        Year::Abs(y) => y - 1,
        _ => 0,
    }
}

/// The area a level's sentence names before its figure.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Scope {
    /// No area named.
    Unnamed,
    /// The whole area of the article (`全市`, `全省`, `nationwide`).
    Whole,
    /// A named place (`桐岭县`, `Harlow County`).
    Place,
}

/// Words of the whole area of an article.
const WHOLE_AREA: &[&str] = &[
    "全国", "全省", "全市", "全区", "全县", "全州", "全港", "全台", "全澳", "nationwide",
    "statewide", "citywide", "countywide",
];

/// Ends of a Chinese place's name, and English words after one (`Harlow County`).
const PLACE_ENDS: &[char] = &['县', '縣', '市', '区', '區', '省', '州', '镇', '鎮', '乡', '鄉', '旗'];
const PLACE_WORDS_EN: &[&str] = &["County", "District", "Province", "Prefecture", "Borough"];

/// Characters that open a word ending in a place's end that is not a name (`全市`, `城区`,
/// `地区`, `社区`, `各县`).
const NOT_NAME: &str = "全本该該各每分从從按其我城地社郊辖轄景园園市县縣区區省州乡鄉镇鎮";

/// The area the words name: the whole (`全市`), a place by its name (`桐岭县`: two to four
/// characters ending in `县`, `市`, `区` …, at the start of a clause, or a capitalised word before
/// `County`), or none. A whole-area word wins, as the article's own area is then meant.
fn area_scope(words: &str) -> Scope {
    if WHOLE_AREA.iter().any(|w| words.contains(w)) {
        return Scope::Whole;
    }
    let place_zh = words
        .split(['，', ',', '；', ';', '：', ':', '。'])
        .any(|clause| {
            let c: Vec<char> = clause.trim().chars().take(5).collect();
            (2..c.len()).any(|k| {
                PLACE_ENDS.contains(&c[k])
                    && k <= 4
                    && !NOT_NAME.contains(c[0])
                    && c[..k].iter().all(|&x| ('\u{4e00}'..='\u{9fff}').contains(&x))
            })
        });
    let words_en: Vec<&str> = words.split_whitespace().collect();
    let place_en = words_en.windows(2).any(|p| {
        p[0].starts_with(|c: char| c.is_ascii_uppercase())
            && PLACE_WORDS_EN.contains(&p[1].trim_end_matches([',', '\'']).trim_end_matches("'s"))
    });
    if place_zh || place_en {
        Scope::Place
    } else {
        Scope::Unnamed
    }
}

/// Whether a fact's words make it a real (volume) figure (`real GDP`, `实际增长`).
fn real(f: &Fact) -> bool {
    f.basis & basis::REAL != 0
}

/// Words that date a sentence's figures a year before the article's own (`A year earlier,
/// in October 2024, exports had totalled …`).
const YEAR_BEFORE_WORDS: &[&str] = &[
    "a year earlier",
    "a year ago",
    "a year before",
    "the year before",
    "last year",
    "the previous year",
    "去年",
    "上年",
];

/// Whether a fact's sentence dates it a year before the article's own by words.
fn dated_year_before(text: &str, model: &Whole, f: &Fact) -> bool {
    let s = &text[model.sentences[f.sentence].span.range()];
    let lower = s.to_ascii_lowercase();
    YEAR_BEFORE_WORDS.iter().any(|w| lower.contains(w))
}

/// Whether a fact's words make it an average (`人均`, `per capita`).
fn average(f: &Fact) -> bool {
    f.basis & basis::AVERAGE != 0
}

/// Whether a change with these words is a change on the same period of the year before.
fn year_on_year(f: &Fact, period: Period) -> bool {
    // A real change (`Year on year, real GDP grew 1.8%`) is one between real levels
    // (`In chain-linked volume terms, real GDP came to €612.4 billion`): the levels found
    // for it must say so too.
    if f.basis & (OTHER_BASES & !basis::REAL) != 0 {
        return false;
    }
    // A change over a whole year is against the year before by definition.
    let annual = matches!(period.year, Year::Abs(_) | Year::Previous)
        && matches!(period.part, Part::Unstated | Part::FullYear);
    f.basis & basis::YOY != 0 || annual
}

/// The check reads facts across sentences and paragraphs (the period a paragraph carries, the article's lead figure): it needs every sentence's.
pub(super) fn need(_: &Probe<'_>) -> Need {
    Need::This
}

pub(super) fn check(
    ctx: &Context<'_>,
    severity: Severity,
    examined: &mut Vec<Span>,
) -> Vec<Finding> {
    let model = ctx.whole();
    let ms = ctx.mentions;
    // Cheap precondition: a change that can be checked here.
    if !model.facts.iter().any(|f| {
        matches!(f.role, Role::Change(_))
            && ms[f.mention].kind == Kind::Percent
            && (year_on_year(f, f.period)
                || matches!(f.period.part, Part::Months(n) if n < 12)
                || !f.period.is_stated())
    }) {
        return Vec::new();
    }
    let read = levels(ctx, model);
    // Levels by (normalised measure, period).
    let mut index: HashMap<(&str, Period), Vec<usize>> = HashMap::new();
    for (i, l) in read.iter().enumerate() {
        let f = &model.facts[i];
        if let Some(l) = l
            && f.role == Role::Level
            && !l.measure.is_empty()
            && l.period.is_stated()
        {
            index.entry((l.measure.as_str(), l.period)).or_default().push(i);
        }
    }
    // The years each measure's levels are stated for, by part of the year: at most a few.
    let mut years: HashMap<(&str, Part), Vec<i32>> = HashMap::new();
    for (measure, period) in index.keys() {
        if let Year::Abs(y) = period.year {
            let list = years.entry((measure, period.part)).or_default();
            if !list.contains(&y) {
                list.push(y);
            }
        }
    }
    // The article's lead figure: an unqualified measure (`Sales grew …`) later in the
    // article is the lead's when the lead's words hold it (`Worldwide sales of …`).
    let lead = read.iter().enumerate().find_map(|(i, l)| {
        let l = l.as_ref()?;
        (model.facts[i].role == Role::Level && !l.measure.is_empty() && l.measure.is_ascii())
            .then_some(i)
    });
    let lead_words: Vec<String> = lead.map_or_else(Vec::new, |i| {
        ctx.doc.masked[model.facts[i].label.range()]
            .to_ascii_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.len() >= 4)
            .map(str::to_string)
            .collect()
    });
    let mut by_lead: HashMap<Period, Vec<usize>> = HashMap::new();
    if let Some(lead) = lead {
        let head = read[lead].as_ref().map_or(lead, |l| l.head);
        for (i, l) in read.iter().enumerate() {
            if let Some(l) = l
                && model.facts[i].role == Role::Level
                && l.head == head
                && l.period.is_stated()
            {
                by_lead.entry(l.period).or_default().push(i);
            }
        }
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (fi, f) in model.facts.iter().enumerate() {
        let Role::Change(sign) = f.role else {
            continue;
        };
        let m = &ms[f.mention];
        let Some(rate) = read[fi].as_ref() else {
            continue;
        };
        // A rate whose sentence states no period is of the period its paragraph last
        // stated, as a level is (`今年前 11 个月，…进出口总值 6,842.6 亿元。其中，出口 4,105.3 亿元，
        // 增长 6.8%`).
        let period = if f.period.is_stated() {
            f.period
        } else {
            rate.period
        };
        if m.kind != Kind::Percent
            || !(year_on_year(f, period)
                || cumulative(f, period, &ctx.doc.masked[m.span.end..f.clause.end.max(m.span.end)]))
        {
            continue;
        }
        // Only the first statement of a change is checked here; a later one that differs
        // is `repeated_figure`'s.
        let key = if f.period.is_stated() {
            whole::key(f, m)
        } else {
            (f.measure.chars().count() >= 2
                && period.is_stated()
                && !f.forecast
                && !f.revised
                && !f.respectively)
                .then(|| {
                    (
                        f.measure.clone(),
                        period,
                        f.basis,
                        Role::Change(1),
                        m.kind,
                        m.unit.as_deref().map(str::to_string),
                    )
                })
        };
        let Some(key) = key else {
            continue;
        };
        if !seen.insert(key) {
            continue;
        }
        let Some(prev) = period.previous() else {
            continue;
        };
        // The rate's words, or those of the figure it took its measure from, say whether it
        // is a change of an average.
        let averaged = average(f) || (f.head != fi && model.facts.get(f.head).is_some_and(average));
        let single = rate.measure.is_ascii() && !rate.measure.contains(' ');
        let from_lead = single && lead_words.contains(&rate.measure);
        let find = |p: Period| -> Option<&Fact> {
            let own = index.get(&(rate.measure.as_str(), p)).into_iter().flatten();
            let led = from_lead
                .then(|| by_lead.get(&p))
                .flatten()
                .into_iter()
                .flatten();
            // A change of an average (`人均可支配收入…增长 5.3%`) is between averages, and
            // any other change between plain levels.
            let mut list = own.chain(led).copied().filter(|&i| {
                let l = read[i].as_ref().expect("indexed levels are read");
                // A level that took its measure from another (`2023 年为 49,020 元`) is an
                // average when that one is.
                let level_averaged =
                    average(&model.facts[i]) || model.facts.get(l.head).is_some_and(average);
                let level_real = real(&model.facts[i]) || model.facts.get(l.head).is_some_and(real);
                same_owner(l.owner.as_deref(), rate.owner.as_deref())
                    && level_averaged == averaged
                    && (!real(f) || level_real)
            });
            let first = &model.facts[list.next()?];
            let a = &ms[first.mention];
            // Several levels that disagree leave the change undecided.
            list.all(|i| {
                let b = &ms[model.facts[i].mention];
                b.kind == a.kind && b.unit == a.unit && b.interval.meets(&a.interval)
            })
            .then_some(first)
        };
        // `In the third quarter, net income rose 18%` with the levels of the third quarters
        // of 2025 and 2024 and of no other year: a period with no year is the article's
        // own, the later of the two.
        let (now, then) = match (find(period), find(prev)) {
            (Some(now), Some(then)) => (now, then),
            // `rose 6.4% in the third quarter of 2025` against `$2.41 billion in the third
            // quarter, against $2.19 billion in the third quarter of 2024`: a level of the
            // rate's part of the year with no year is the article's own, the rate's, when
            // the measure's only stated year for that part is the one before.
            (None, Some(then))
                if matches!(period.year, Year::Abs(_))
                    && period.part != Part::Unstated
                    && years.get(&(rate.measure.as_str(), period.part)).map(Vec::as_slice)
                        == Some(&[prev_year(period)][..]) =>
            {
                let Some(now) = find(Period {
                    year: Year::Unstated,
                    part: period.part,
                }) else {
                    continue;
                };
                (now, then)
            }
            // `Norland's exports rose 7.4% from a year earlier to $38.2 billion in October`
            // against `A year earlier, in October 2024, exports had totalled $36.1 billion`:
            // a rate and a level with no year are the article's own, and the one level of
            // that part of the year with a year, dated by words a year before, is the base.
            (Some(now), None)
                if period.year == Year::Unstated
                    && period.part != Part::Unstated
                    && now.period.year == Year::Unstated =>
            {
                let Some(&[y]) = years.get(&(rate.measure.as_str(), period.part)).map(Vec::as_slice)
                else {
                    continue;
                };
                let Some(then) = find(Period {
                    year: Year::Abs(y),
                    part: period.part,
                }) else {
                    continue;
                };
                if !dated_year_before(&ctx.doc.masked, model, then) {
                    continue;
                }
                (now, then)
            }
            (None, _) if period.year == Year::Unstated && period.part != Part::Unstated => {
                let Some(&[a, b]) = years.get(&(rate.measure.as_str(), period.part)).map(Vec::as_slice)
                else {
                    continue;
                };
                let y = a.max(b);
                if a.min(b) != y - 1 {
                    continue;
                }
                let at = |year: i32| Period {
                    year: Year::Abs(year),
                    part: period.part,
                };
                let (Some(now), Some(then)) = (find(at(y)), find(at(y - 1))) else {
                    continue;
                };
                (now, then)
            }
            _ => continue,
        };
        let (a, b) = (&ms[now.mention], &ms[then.mention]);
        if !same_unit(a, &rate.measure, b, &rate.measure) {
            continue;
        }
        // `全市…乡村旅游收入 138.4 亿元` and `桐岭县…实现乡村旅游收入 29.7 亿元`: one level of the
        // whole area and one of a place the words name are of two subjects.
        let scope = |g: &Fact| {
            let start = model.sentences[g.sentence].span.start;
            area_scope(&ctx.doc.masked[start..ms[g.mention].span.start.max(start)])
        };
        let (sa, sb) = (scope(now), scope(then));
        if sa != Scope::Unnamed && sb != Scope::Unnamed && sa != sb {
            continue;
        }
        // All three in one sentence is `change_in_sentence`'s.
        if now.sentence == f.sentence && then.sentence == f.sentence {
            continue;
        }
        let Some(ratio) = a.interval.checked_div(b.interval) else {
            continue;
        };
        let computed = Interval::new(ratio.low - 1.0, ratio.high - 1.0);
        let stated = if sign < 0 {
            Interval::new(-m.interval.high, -m.interval.low)
        } else {
            m.interval
        };
        examined.extend([m.span, a.span, b.span]);
        if computed.meets(&stated) {
            continue;
        }
        let doc = ctx.doc;
        let (rate, new, old) = (doc.slice(m.span), doc.slice(a.span), doc.slice(b.span));
        let central = a.value / b.value - 1.0;
        let mut finding = Finding::new(
            ID,
            Origin::Builtin(&META),
            severity,
            m.span,
            rate,
            format!(
                "`{rate}` does not match the levels `{new}` and `{old}` of the year before: (B − A) / A = {}%",
                format_number(central * 100.0)
            ),
        );
        finding.explanation = Some(Explanation {
            inputs: vec![
                input("rate", doc, m),
                input("B", doc, a),
                input("A", doc, b),
            ],
            formula: format!("{}rate ~ (B - A) / A", if sign < 0 { "-" } else { "" }),
            computed: central,
            computed_interval: computed,
            claimed: stated,
            tolerance: ctx.options.tolerance,
        });
        finding.notes.push(format!(
            "the levels allow {}, the rate {}",
            format_interval(computed),
            format_interval(stated)
        ));
        finding.related = vec![
            Related {
                span: a.span,
                message: format!("`{new}`: {}, {}", f.measure, period),
            },
            Related {
                span: b.span,
                message: format!("`{old}`: {}, {}", f.measure, prev),
            },
        ];
        out.push(finding);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutral_words_and_owners_are_set_apart() {
        assert_eq!(
            normalise("brightmart's revenue"),
            ("revenue".to_string(), Some("brightmart".to_string()))
        );
        assert_eq!(normalise("total revenue"), ("revenue".to_string(), None));
        assert_eq!(normalise("公司营业收入由"), ("营业收入".to_string(), None));
        // A qualifier that names another measure stays.
        assert_eq!(normalise("sales china"), ("sales china".to_string(), None));
        assert_eq!(normalise("全国"), ("全国".to_string(), None));
    }

    #[test]
    fn pairs_close_only_with_a_verb_of_reaching() {
        assert!(closes_pair("增至", "增至"));
        assert!(closes_pair("增长到", "到"));
        assert!(closes_pair(" to ", ""));
        assert!(!closes_pair("净利润", "净利润"));
        assert!(!closes_pair("total revenue rose to", "total revenue"));
        // The new figure's period between the verb and the figure.
        assert!(closes_pair("增加到 2024 年的", "到"));
        assert!(closes_pair("增至今年的", "增至"));
        assert!(!closes_pair("2024 年的", ""));
    }

    #[test]
    fn link_words_end_a_label_at_a_word_boundary() {
        assert!(ends_with_any("down from ", LINKS));
        assert!(ends_with_any(", after reaching", LINKS));
        assert!(!ends_with_any("towards", &["to"]));
        assert!(!ends_with_any("Toronto", &["to"]));
        assert!(ends_with_any("Down From, ", &["from"]));
        assert!(ends_with_any("市场 compared with", FROM));
        assert!(!ends_with_any("à", &["a"]));
    }
}
