//! The `parts_total` built-in check: the article's facts in, findings out.
//!
//! Finds a total and the parts the words give for it (`全年收入 21.7 万亿元，其中税收收入 18.1 万亿
//! 元、非税收入 3.6 万亿元`, `revenue was $6.45 billion, of which …`, `Of that total, …`) and
//! checks the sum of the parts against the total with interval arithmetic. Its documentation
//! is `docs/parts_total.md`.

use super::sentence::{input, related};
use crate::eval::{brief as format_number, brief_interval as format_interval};
use super::{BuiltinMeta, Context, Explanation, Finding, Origin, Severity};
use crate::analysis::facts::{self as whole, Fact, Need, Probe, Role, Whole, Year, basis};
use crate::extract::{Hedge, Kind, Mention};
use crate::source::Span;

pub const META: BuiltinMeta = BuiltinMeta {
    id: "parts_total",
    doc: include_str!("docs/parts_total.md"),
    default_severity: Severity::Error,
};

const ID: &str = META.id;

/// Words that introduce the parts of the figure before them; `true` when the list they
/// introduce may be partial.
const MARKERS: &[(&str, bool)] = &[
    ("其中", false),
    ("主要包括", true),
    ("包括", true),
    ("of which", false),
    ("Of that total", false),
    ("of that total", false),
    ("Of the total", false),
    ("Of these", false),
    ("Of this total", false),
    ("Of that amount", false),
    ("Of this amount", false),
    ("including", true),
    // `Operating expenses of $3.12 billion included staff costs of $1.86 billion, …`: a
    // verb of including, which may leave parts out.
    ("included", true),
    ("includes", true),
    ("among them", true),
    ("Among them", true),
    // `Revenue of $X comprised $a from …, $b from …`: the list that follows is the whole.
    ("comprised", false),
    ("comprising", false),
    ("consisting of", false),
    ("made up of", false),
    ("consisted of", false),
    ("consists of", false),
    ("broken down into", false),
    ("split between", false),
    ("divided between", false),
];

/// One search for all the markers.
static MARKER_SEARCH: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(MARKERS.iter().map(|(w, _)| w))
            .expect("static word list")
    });

/// English markers that say the list after them is the whole: its counts may each name
/// their own kind of the total's things (`The 3,184 dwellings were made up of 1,742
/// stand-alone houses, 906 townhouses and flats, …`).
const WHOLE_OF_KINDS: &[&str] = &[
    "comprised",
    "comprising",
    "consisting of",
    "consisted of",
    "consists of",
    "made up of",
    "broken down into",
];

/// Markers that name the total as one already stated (`Of that total,`): at the head of a
/// paragraph they refer to the last sentence of the paragraph before.
const BACK_REFERENCES: &[&str] = &[
    "Of that total",
    "Of the total",
    "Of these",
    "Of this total",
    "Of that amount",
    "Of this amount",
];

/// Words that say a list is partial wherever they stand in it.
const PARTIAL: &[&str] = &["等", "主要", "such as", "among others", "among them"];

/// Labels of a part that stands for the rest: with one, the list is the whole.
const REST: &[&str] = &[
    "其他",
    "其余",
    "其它",
    "other",
    "others",
    "the rest",
    "remaining",
];

/// Words of a difference between two figures (`贸易顺差`, `net`, `deficit`): it is not a part
/// of the total, and a list of parts ends before it.
const DIFFERENCE: &[&str] = &[
    "顺差", "逆差", "差额", "净", "net", "surplus", "deficit", "balance",
];

/// Whether lower-cased `text` holds `w`: an ASCII word as a whole word, any other as written.
fn holds_word(text: &str, w: &str) -> bool {
    if w.is_ascii() {
        text.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|t| t == w)
    } else {
        text.contains(w)
    }
}

fn is_difference(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    DIFFERENCE.iter().any(|w| holds_word(&lower, w))
}

/// Words that open a figure's words and set it beside the whole rather than inside it
/// (`全市门诊 214 家，其中数字化门诊 203 家；另有产科接种室 38 家`, `Besides, 40 clinics …`):
/// the list of parts ends before it. (`另有其他…` names the rest, a part.)
const BESIDES: &[&str] = &[
    "另有", "另外", "此外", "除此之外", "除此以外", "besides", "in addition", "additionally",
    "separately",
];

/// Whether a figure's label opens with a word of `BESIDES` (punctuation and `and` aside).
fn outside(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    let mut t = lower.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；' | '-' | '*')
    });
    t = t.strip_prefix("and ").unwrap_or(t).trim_start();
    BESIDES.iter().any(|w| {
        t.strip_prefix(w).is_some_and(|rest| {
            (!w.is_ascii() || !rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
                && !REST.iter().any(|r| rest.trim_start().starts_with(r))
        })
    })
}

/// Words of a decrease in a part's own words (`短期贷款减少 96 亿元`, `fell by $40 million`):
/// the parts are changes of a balance, signed, not levels that add up.
const DECREASE: &[&str] = &[
    "减少", "減少", "下降", "下跌", "回落", "净减", "少增", "多减", "decreased", "decrease", "fell",
    "declined", "dropped", "shrank", "contracted", "lost", "outflow", "outflows",
];

/// Whether a figure's words say it is a decrease.
fn decrease(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    DECREASE.iter().any(|w| holds_word(&lower, w))
}

/// Whether a part's label ends a list of parts: a difference after the parts it is the
/// difference of. The first part is one only when it names a difference by itself
/// (`surplus`, `顺差`): `net interest income` or `净利息收入` first in the list is the first
/// of the parts, as nothing stands before it to be netted. `first` is the first part's
/// label once there is one: when it names `net`/`净` itself, the parts are kinds of a net
/// figure (`经纪业务手续费净收入 55.4 亿元、…、利息净收入 24.1 亿元`), and a later `net` part is
/// one more of them, not their difference.
fn ends_parts(label: &str, first: Option<&str>) -> bool {
    if outside(label) {
        return true;
    }
    if let Some(f) = first
        && names(f, REVENUE)
        && !names(f, PROFIT)
        && names(label, PROFIT)
    {
        return true;
    }
    let net_parts = first.is_some_and(|f| {
        f.contains('净')
            || f.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|t| t.eq_ignore_ascii_case("net"))
    });
    if first.is_some() && !net_parts {
        return is_difference(label);
    }
    let lower = label.to_ascii_lowercase();
    DIFFERENCE
        .iter()
        .filter(|w| !matches!(**w, "net" | "净"))
        .any(|w| holds_word(&lower, w))
}

/// Words of revenue (`营业收入`, `revenue`): the parts of a total of them are kinds of
/// revenue.
const REVENUE: &[&str] = &["收入", "营收", "營收", "revenue", "revenues", "sales", "turnover"];

/// Words of profit (`净利润`, `net profit`): what is left of revenue once costs are paid, so
/// never a part of it. After parts of revenue (`其中利息净收入 468.3 亿元，非利息净收入 144.5 亿元；
/// 归属于母公司股东的净利润 …`) a figure of profit ends the list.
const PROFIT: &[&str] = &[
    "利润", "净利", "淨利", "盈利", "profit", "profits", "earnings", "net income",
];

/// Whether lower-cased `label` holds a word of `words` (ASCII ones as whole words).
fn names(label: &str, words: &[&str]) -> bool {
    let lower = label.to_ascii_lowercase();
    words.iter().any(|w| {
        if w.contains(' ') {
            find_word(&lower, w).is_some()
        } else {
            holds_word(&lower, w)
        }
    })
}

/// Whether the words between two parts open a breakdown frame after a `；` or at their
/// head (see `opens_frame`).
fn frame_between(gap: &str) -> bool {
    gap.split([';', '；']).any(opens_frame)
}

/// Whether a part's label opens with a breakdown frame (`；按类型分，一般债券`, `; by type,
/// general bonds`): a second split of the same total begins (`按用途分，新增债券 …，再融资
/// 债券 …；按类型分，一般债券 …，专项债券 …`), each adding up to the whole by itself, so the
/// list before it ends there.
pub(super) fn opens_frame(label: &str) -> bool {
    let t = label.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；' | '-' | '*')
    });
    let t = t.strip_prefix("and ").unwrap_or(t);
    if let Some(k) = t.find('，') {
        let frame = &t[..k];
        let zh = frame.chars().count() <= 10
            && ((frame.starts_with('分') || frame.starts_with('从') || frame.starts_with('從'))
                && frame.ends_with('看')
                || frame.starts_with('按') && (frame.ends_with('分') || frame.ends_with("划分")));
        if zh {
            return true;
        }
    }
    t.find(',').is_some_and(|k| {
        let frame = t[..k].to_ascii_lowercase();
        let words: Vec<&str> = frame.split_whitespace().collect();
        matches!(words.as_slice(), ["by", _] | ["by", _, _] | ["broken", "down", "by", ..])
    })
}

/// Words that end the label of a figure given for comparison (`up from $2.0 billion`,
/// `compared with $3.61 billion`): the part's earlier value, not another part.
const COMPARED: &[&str] = &["from", "against", "versus", "than", "compared with", "compared to"];

/// Words of another time in a part's label (`上年同期为 91.5 亿元`).
const EARLIER: &[&str] = &["上年", "去年", "同期", "上屆", "上届"];

/// Whether a figure after a part is that part's value at another time or a base it is
/// compared with, not a part of its own: its label ends with a word of comparison or names
/// another time, or its period differs from the first part's.
fn another_time(text: &str, f: &Fact, first: Option<&Fact>) -> bool {
    let label = text[f.label.range()].trim_end().to_ascii_lowercase();
    let label = label.trim_end_matches([',', '，', ' ', '为', '為', '是']);
    COMPARED.iter().any(|w| {
        label
            .strip_suffix(w)
            .is_some_and(|r| r.is_empty() || r.ends_with(|c: char| !c.is_ascii_alphanumeric()))
    }) || EARLIER.iter().any(|w| label.contains(w))
        || first.is_some_and(|g| {
            (f.period.is_stated() && g.period.is_stated() && f.period != g.period)
                || (f.period.year == Year::Previous && g.period.year != Year::Previous)
        })
}

/// Pairs of labels that split a whole in two: with both, the list is the whole.
const COMPLEMENTS: &[(&str, &str)] = &[
    ("非税", "税收"),
    ("城镇", "乡村"),
    ("城镇", "农村"),
    ("出口", "进口"),
    ("男", "女"),
    ("women", "men"),
    ("female", "male"),
    ("home", "away"),
    ("home", "visiting"),
];

/// Words of a dimension that cuts across others: parts that mix them overlap
/// (`工人代表 118 名；妇女代表 67 名；连任代表 84 名`).
const DIMENSIONS: &[&[&str]] = &[
    &["女", "男", "妇女", "women", "men", "female", "male"],
    &["岁", "以下", "以上", "aged", "under", "over"],
    &["连任", "新任", "首次", "incumbent", "new"],
    &["少数民族", "党员", "minority"],
];

/// The check reads facts across sentences and paragraphs (a total named by its words in another sentence, lists over Markdown items): it needs every sentence's.
pub(super) fn need(_: &Probe<'_>) -> Need {
    Need::This
}

pub(super) fn check(
    ctx: &Context<'_>,
    severity: Severity,
    examined: &mut Vec<Span>,
) -> Vec<Finding> {
    let model = ctx.whole();
    let text = &ctx.doc.masked;
    let mut out = Vec::new();
    for (si, s) in model.sentences.iter().enumerate() {
        let body = &text[s.span.range()];
        // `主要包括：` before a Markdown list: the parts are the items' figures.
        let introduces_list = body.trim_end().ends_with(['：', ':']);
        // Otherwise the parts are figures of this sentence: a sentence with fewer has none.
        if s.facts.len() < 2 && !introduces_list {
            continue;
        }
        if s.facts.len() >= 2
            && let Some(g) = of_the_figure(ctx, model, si)
                .or_else(|| of_the(ctx, model, si))
                .or_else(|| of_them(ctx, model, si))
        {
            if let Some(f) = judge(ctx, &g, false, severity, examined) {
                out.push(f);
            }
            continue;
        }
        // The first marker in the sentence, found with one search.
        let first = MARKER_SEARCH.find_iter(body).find(|m| {
            let (marker, _) = MARKERS[m.pattern().as_usize()];
            find_word(&body[m.start()..], marker) == Some(0)
                && (!marker.is_ascii()
                    || !body[..m.start()].ends_with(|c: char| c.is_ascii_alphanumeric()))
        });
        if let Some(hit) = first {
            let (marker, partial_marker) = MARKERS[hit.pattern().as_usize()];
            let at = s.span.start + hit.start();
            let found = group(ctx, model, si, at, at + marker.len())
                .or_else(|| introduces_list.then(|| list_group(ctx, model, si, at)).flatten());
            let Some(group) = found else {
                continue;
            };
            let partial = partial_marker || {
                let list = &text[at..group.end];
                PARTIAL.iter().any(|w| list.contains(w))
            };
            // A total found by its words in another sentence is an inferred match.
            let severity = if group.by_words {
                severity.min(Severity::Warning)
            } else {
                severity
            };
            if let Some(f) = judge(ctx, &group, partial, severity, examined) {
                out.push(f);
            }
        } else if let Some(g) = colon_group(ctx, model, si)
            .or_else(|| frame_group(ctx, model, si))
            .or_else(|| total_after(ctx, model, si))
        {
            let partial = PARTIAL.iter().any(|w| text[s.span.range()].contains(w));
            let severity = if g.by_words {
                severity.min(Severity::Warning)
            } else {
                severity
            };
            if let Some(f) = judge(ctx, &g, partial, severity, examined) {
                out.push(f);
            }
        }
    }
    out
}

/// `The fund held $84.6 billion in assets: $36.1 billion in equities, $21.4 billion in
/// bonds …`: a colon right after a figure's clause (at most four words after the figure, no
/// other figure between) opens the list of its parts, the figures after it of its kind and
/// unit to the sentence's end.
fn colon_group<'w>(ctx: &Context<'_>, model: &'w Whole, si: usize) -> Option<Group<'w>> {
    let text = &ctx.doc.masked;
    let ms = ctx.mentions;
    let s = &model.sentences[si];
    let facts = model.facts_of(si);
    // The first colon after a figure: the figure right before it is the total.
    let body = &text[s.span.range()];
    let first = ms[facts.first()?.mention].span.end - s.span.start;
    let colon = s.span.start + first + body[first..].find([':', '：'])?;
    let k = facts
        .iter()
        .rposition(|f| ms[f.mention].span.end <= colon)?;
    let gap = &text[ms[facts[k].mention].span.end..colon];
    let words = if gap.is_ascii() {
        gap.split_whitespace().count()
    } else {
        gap.chars().count() / 2
    };
    if words > 4 || gap.contains([',', '，', ';', '；']) {
        return None;
    }
    let total = &facts[k];
    let tm = &ms[total.mention];
    if !is_additive(ms, total) || total.revised {
        return None;
    }
    listed_parts(ctx, model, total, &facts[k + 1..], s.span.end, |m| {
        fits_total(ctx, m, tm)
    })
}

/// The group of `total` and the parts `facts` list for it: those that `fits`, of their own
/// time, up to a difference (`净…`); none when a part is not additive or fewer than two
/// remain, or the parts mix dimensions.
fn listed_parts<'w>(
    ctx: &Context<'_>,
    model: &'w Whole,
    total: &'w Fact,
    facts: &'w [Fact],
    end: usize,
    fits: impl Fn(&Mention) -> bool,
) -> Option<Group<'w>> {
    let parts = parts_in(ctx, facts, fits)?;
    listed(ctx, model, total, parts, end)
}

/// The parts `facts` list, in order: those that `fits`, of their own time (against the
/// first), up to a difference (`净…`); `None` when one of them is not additive.
fn parts_in<'w>(
    ctx: &Context<'_>,
    facts: &'w [Fact],
    fits: impl Fn(&Mention) -> bool,
) -> Option<Vec<&'w Fact>> {
    let (text, ms) = (&ctx.doc.masked, ctx.mentions);
    let mut parts: Vec<&Fact> = Vec::new();
    for f in facts {
        let m = &ms[f.mention];
        if !fits(m) || another_time(text, f, parts.first().copied()) {
            continue;
        }
        if ends_parts(
            &text[f.label.range()],
            parts.first().map(|p| &text[p.label.range()]),
        )
            || (!parts.is_empty() && nested(text, m))
            || parts
                .last()
                .is_some_and(|p| frame_between(&text[ms[p.mention].span.end..m.span.start.max(ms[p.mention].span.end)]))
        {
            break;
        }
        if !is_additive(ms, f) {
            return None;
        }
        parts.push(f);
        if closes_list(&text[f.label.range()]) {
            break;
        }
    }
    Some(parts)
}

/// The group of a total and the parts read for it after its figure: at least two, and not
/// of two dimensions that cut across each other.
fn listed<'w>(
    ctx: &Context<'_>,
    model: &'w Whole,
    total: &'w Fact,
    parts: Vec<&'w Fact>,
    end: usize,
) -> Option<Group<'w>> {
    if parts.len() < 2 || mixes_dimensions(ctx, model, &parts) {
        return None;
    }
    Some(Group {
        total,
        parts,
        end,
        by_words: false,
    })
}

/// Whether a figure may be a part of `total`: of its kind and unit, or a bare number in
/// digits when the total counts something (`612 at home and 454 away` of `1,046 goals`).
fn fits_total(ctx: &Context<'_>, m: &Mention, total: &Mention) -> bool {
    (m.kind == total.kind && m.unit == total.unit)
        || (m.kind == Kind::Number
            && m.unit.is_none()
            && matches!(total.kind, Kind::Count | Kind::Number)
            && ctx.doc.slice(m.span).chars().any(|c| c.is_ascii_digit()))
}

/// Words of a total written after its parts (`金牌 40 枚、银牌 27 枚、铜牌 24 枚，合计 91 枚`,
/// `…, for a total of 91`). `累计` is not one: it sums over time, not over the parts named.
const TOTAL_AFTER: &[&str] = &[
    "合计", "合計", "共计", "共計", "总计", "總計", "总数", "總數", "总共", "總共", "一共",
    "a total of", "in total", "altogether", "in all",
];

/// `中国代表团获得金牌 40 枚、银牌 27 枚、铜牌 24 枚，奖牌总数为 88 枚`: the last figure of a
/// sentence, named a total by its words (`TOTAL_AFTER` in its label, or `in total` right
/// after it), is the total of the figures of its kind and unit before it in the sentence,
/// when they are at least two and all of its period.
fn total_after<'w>(ctx: &Context<'_>, model: &'w Whole, si: usize) -> Option<Group<'w>> {
    let text = &ctx.doc.masked;
    let ms = ctx.mentions;
    let s = &model.sentences[si];
    let facts = model.facts_of(si);
    let (total, before) = facts.split_last()?;
    let tm = &ms[total.mention];
    // The total word opens the label (`，合计 91 枚`, `, for a total of 91`), perhaps after a
    // word for the items named (`两者合计`): after a name (`欧洲及其他地区合计 26.3 亿美元`) it
    // is that group's figure, one more part.
    // The words are compared ASCII case aside (they are written in lower case), with no
    // lower-cased copy of the label and the clause: this runs for most sentences.
    let label = &text[total.label.range()];
    let mut opening = label.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；')
    });
    for w in ["and ", "for ", "两者", "三者", "四者", "以上", "上述", "这些", "這些", "各项", "各項"] {
        opening = strip_prefix_ci(opening, w).unwrap_or(opening);
    }
    let after = text[tm.span.end..total.clause.end.max(tm.span.end)].trim_start();
    let named = TOTAL_AFTER.iter().any(|w| {
        strip_prefix_ci(opening, w).is_some()
            || (w.is_ascii()
                && strip_prefix_ci(after, w).is_some()
                && !after[w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric()))
    });
    if !named || !is_additive(ms, total) || total.revised {
        return None;
    }
    let mut parts: Vec<&Fact> = Vec::new();
    for f in before {
        let m = &ms[f.mention];
        if !fits_total(ctx, m, tm) {
            continue;
        }
        if another_time(text, f, parts.first().copied())
            || (f.period.is_stated() && total.period.is_stated() && f.period != total.period)
            || is_difference(&text[f.label.range()])
            || !is_additive(ms, f)
        {
            return None;
        }
        parts.push(f);
    }
    listed(ctx, model, total, parts, s.span.end)
}

/// `s` without the opening `w`, ASCII case aside, as the lower-cased `s` would strip the
/// lower-case `w` (a `w` with an upper-case ASCII letter never opens it).
fn strip_prefix_ci<'s>(s: &'s str, w: &str) -> Option<&'s str> {
    let head = s.get(..w.len())?;
    (head.eq_ignore_ascii_case(w) && !w.bytes().any(|b| b.is_ascii_uppercase()))
        .then(|| &s[w.len()..])
}

/// `全年粮食总产量 652.4 万吨。分品种看，稻谷产量 312.6 万吨，小麦产量 198.4 万吨…`: a
/// sentence that opens with a breakdown frame (`分…看，`, `从…看，`, `按…分，`) lists the parts
/// of a total in the sentence before it in its paragraph. The total is the one figure there
/// of the parts' kind and unit (a base of a change aside), and every part's measure shares a
/// word with it (`产量`, `投资`): the match is read from words, so it is a warning.
fn frame_group<'w>(ctx: &Context<'_>, model: &'w Whole, si: usize) -> Option<Group<'w>> {
    let text = &ctx.doc.masked;
    let ms = ctx.mentions;
    let s = &model.sentences[si];
    let body = &text[s.span.range()];
    let comma = body.find('，')?;
    let frame = &body[..comma];
    let framed = frame.chars().count() <= 10
        && ((frame.starts_with('分') || frame.starts_with('从') || frame.starts_with('從'))
            && frame.ends_with('看')
            || frame.starts_with('按') && frame.ends_with('分'));
    let prev = si.checked_sub(1)?;
    if !framed {
        return None;
    }
    let facts = model.facts_of(si);
    let first = facts.iter().find(|f| is_additive(ms, f))?;
    let fm = &ms[first.mention];
    let parts = parts_in(ctx, facts, |m| m.kind == fm.kind && m.unit == fm.unit)?;
    let mut candidates = model.facts_of(prev).iter().filter(|f| {
        let m = &ms[f.mention];
        m.kind == fm.kind && m.unit == fm.unit && !another_time(text, f, None)
    });
    let one = match (candidates.next(), candidates.next()) {
        (Some(total), None) if model.sentences[prev].paragraph == s.paragraph => Some(total),
        _ => None,
    };
    let total = one.or_else(|| total_by_tail(ctx, model, si, &parts, first))?;
    if parts.len() < 2
        || !is_additive(ms, total)
        || total.revised
        || total.period != first.period && first.period.is_stated()
        || !parts.iter().all(|p| shares_word(&total.measure, &p.measure))
        || mixes_dimensions(ctx, model, &parts)
    {
        return None;
    }
    Some(Group {
        total,
        parts,
        end: s.span.end,
        by_words: true,
    })
}

/// Words at the head of a measure that make it the whole of the parts a breakdown names by
/// level or place (`全省一般公共预算收入` over `省级…` and `市县级…`).
const WHOLE_HEADS: &[&str] = &[
    "全国", "全省", "全市", "全区", "全县", "全州", "全部", "總", "总", "全國", "全區", "全縣",
];

/// `分级次看，1—10 月，省级一般公共预算收入 412.5 亿元；市县级一般公共预算收入 2,469.8 亿元` with
/// the total stated earlier (`1—10 月，全省一般公共预算收入 2,846.3 亿元`): the parts' measures
/// end with one measure (four characters or more) after words of their own, and the total
/// is the earlier figure of the parts' kind, unit and stated period whose measure is that
/// measure, bare or after a word of the whole (`全省`). Figures that match and disagree
/// leave it open.
fn total_by_tail<'w>(
    ctx: &Context<'_>,
    model: &'w Whole,
    si: usize,
    parts: &[&Fact],
    first: &Fact,
) -> Option<&'w Fact> {
    let ms = ctx.mentions;
    let text = &ctx.doc.masked;
    if !first.period.is_stated() || first.measure.is_ascii() {
        return None;
    }
    // The longest common ending of the parts' measures, in characters.
    let mut tail: &str = &first.measure;
    for p in parts {
        let common = tail
            .chars()
            .rev()
            .zip(p.measure.chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum::<usize>();
        tail = &tail[tail.len() - common..];
    }
    if tail.chars().count() < 4 || parts.iter().any(|p| p.measure.len() == tail.len()) {
        return None;
    }
    let fm = &ms[first.mention];
    let s = &model.sentences[si];
    let lo = s.facts.start.saturating_sub(LOOK_BACK);
    let mut found: Option<&Fact> = None;
    for f in &model.facts[lo..s.facts.start] {
        let m = &ms[f.mention];
        // The measure, bare or after a word of the whole, ends the parts' common ending
        // (`省级…` and `市县级…` share `级一般公共预算收入`).
        let ends_tail = |r: &str| r.chars().count() >= 4 && tail.ends_with(r);
        let named = ends_tail(&f.measure)
            || WHOLE_HEADS
                .iter()
                .any(|w| f.measure.strip_prefix(w).is_some_and(ends_tail));
        if !named
            || m.kind != fm.kind
            || m.unit != fm.unit
            || f.period != first.period
            || f.role != Role::Level
            || f.forecast
            || another_time(text, f, None)
        {
            continue;
        }
        if let Some(g) = found
            && !ms[g.mention].interval.meets(&m.interval)
        {
            return None;
        }
        found = Some(f);
    }
    found
}

/// `marker` in `s` as a word (ASCII markers at word boundaries).
fn find_word(s: &str, marker: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = find_from(&s[from..], marker) {
        let at = from + k;
        let ok = !marker.is_ascii()
            || (!s[..at].ends_with(|c: char| c.is_ascii_alphanumeric())
                && !s[at + marker.len()..].starts_with(|c: char| c.is_ascii_alphanumeric()));
        if ok {
            return Some(at);
        }
        from = at + marker.len();
    }
    None
}

/// The first place of `needle` in `hay`, as `str::find` gives it: a scan for the needle's
/// first byte, each place compared. `str::find` sets up a searcher on every call, which
/// costs more than the sentence it searches (the marker is mostly found at once).
fn find_from(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    if needle.len() > hay.len() {
        return None;
    }
    let starts = &hay[..=hay.len() - needle.len()];
    let mut from = 0;
    while let Some(k) = memchr::memchr(first, &starts[from..]) {
        let at = from + k;
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

struct Group<'w> {
    total: &'w Fact,
    /// Whether the total was found by its words in another sentence (`total_by_words`).
    by_words: bool,
    parts: Vec<&'w Fact>,
    /// Where the list of parts ends.
    end: usize,
}

/// The total before the marker at `at` and the parts after it, when the words make them
/// certain.
fn group<'w>(
    ctx: &Context<'_>,
    model: &'w Whole,
    si: usize,
    at: usize,
    after_marker: usize,
) -> Option<Group<'w>> {
    let ms = ctx.mentions;
    let facts = model.facts_of(si);
    let additive = |f: &Fact| {
        f.role == Role::Level
            && f.basis & basis::AVERAGE == 0
            && !matches!(ms[f.mention].kind, Kind::Percent | Kind::Points)
    };
    // The parts: figures after the marker of the kind and unit of the first, up to the
    // sentence end or another marker.
    let text = &ctx.doc.masked;
    let s = &model.sentences[si];
    let mut end = s.span.end;
    for &(marker, _) in MARKERS {
        if let Some(k) = text[after_marker..s.span.end].find(marker) {
            end = end.min(after_marker + k);
        }
    }
    let after: Vec<&Fact> = facts
        .iter()
        .filter(|f| ms[f.mention].span.start >= after_marker && ms[f.mention].span.end <= end)
        .collect();
    let first = after.iter().find(|f| additive(f))?;
    // After a marker of the whole, counts of different nouns are kinds of the total's
    // things; a count followed by `of` and a figure (`four groups of five teams`) is a
    // product, not a list of kinds, so the list is left alone.
    let kinds = WHOLE_OF_KINDS.contains(&&text[at..after_marker]);
    let same = |a: &Mention, b: &Mention| {
        a.kind == b.kind && (a.unit == b.unit || (kinds && a.kind == Kind::Count))
    };
    let fm = &ms[first.mention];
    let mut parts = Vec::new();
    for f in after {
        let m = &ms[f.mention];
        if !same(m, fm) || another_time(text, f, parts.first().copied()) {
            continue;
        }
        if kinds && text[m.span.end..end].trim_start().starts_with("of ") {
            return None;
        }
        if ends_parts(
            &text[f.label.range()],
            parts.first().map(|p| &text[p.label.range()]),
        )
            || (!parts.is_empty() && nested(text, m))
            || parts
                .last()
                .is_some_and(|p| frame_between(&text[ms[p.mention].span.end..m.span.start.max(ms[p.mention].span.end)]))
        {
            break;
        }
        if !additive(f) || f.forecast {
            return None;
        }
        parts.push(f);
        if closes_list(&text[f.label.range()]) {
            break;
        }
    }
    if parts.len() < 2 {
        return None;
    }
    // The total: the nearest figure of that kind and unit before the marker, in the
    // sentence or, when the sentence opens with the marker, in the sentence before it in
    // the same paragraph.
    let before_marker = text[s.span.start..at].trim_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_punctuation() || "，。；：".contains(c)
    });
    let mut crossed = false;
    let pool: &[Fact] = if before_marker.is_empty() {
        let prev = si.checked_sub(1)?;
        // `Of that total,` opening a paragraph refers back to the last sentence of the one
        // before, as the words say; `其中` and `including` do not reach so far.
        let refers_back = BACK_REFERENCES.contains(&&text[at..after_marker])
            && model.sentences[prev].paragraph + 1 == s.paragraph;
        if model.sentences[prev].paragraph != s.paragraph && !refers_back {
            return None;
        }
        if model.sentences[prev].paragraph != s.paragraph {
            // The whole paragraph before, which must state one figure the parts may split.
            let mut first = prev;
            while first > 0 && model.sentences[first - 1].paragraph == model.sentences[prev].paragraph {
                first -= 1;
            }
            crossed = true;
            &model.facts[model.sentences[first].facts.start..model.sentences[prev].facts.end]
        } else {
            model.facts_of(prev)
        }
    } else {
        facts
    };
    // A figure given as the base of a change (`up from $79.2 billion a year earlier`,
    // `上年同期为 91.5 亿元`) is the total's earlier value, not a total of these parts.
    let candidates: Vec<&Fact> = pool
        .iter()
        .filter(|f| {
            // A figure's text may run past the marker (`$3.12 billion included staff`):
            // it stands before it when it begins before it.
            ms[f.mention].span.start < at
                && same(&ms[f.mention], fm)
                && !another_time(text, f, None)
        })
        .collect();
    // `Of that total,` across a paragraph names the paragraph's one total: with two
    // (`£286.4 million` this year, `£275.1 million` in 2023-24) which is meant is open.
    if crossed && candidates.len() != 1 {
        return None;
    }
    if candidates.is_empty() && !before_marker.is_empty() {
        let total = total_by_words(ctx, model, si, at, fm)?;
        if mixes_dimensions(ctx, model, &parts) {
            return None;
        }
        return Some(Group {
            total,
            parts,
            end,
            by_words: true,
        });
    }
    let total = *candidates
        .iter()
        .rev()
        .find(|f| f.basis & basis::AVERAGE == 0)?;
    if !additive(total) || total.forecast || total.revised {
        return None;
    }
    tied(ctx, model, candidates.len(), total, parts, end, false)
}

/// The group of a total and its parts, unless the words leave it open. With several
/// candidates for the total, the parts' words must name the total's (`利润总额 … 其中，国有
/// 控股企业利润`), else which figure the parts split is a guess; parts of mixed dimensions
/// are not one list.
fn tied<'w>(
    ctx: &Context<'_>,
    model: &Whole,
    candidates: usize,
    total: &'w Fact,
    parts: Vec<&'w Fact>,
    end: usize,
    by_words: bool,
) -> Option<Group<'w>> {
    if candidates > 1 && !shares_word(&total.measure, &parts[0].measure) {
        return None;
    }
    if mixes_dimensions(ctx, model, &parts) {
        return None;
    }
    Some(Group {
        total,
        parts,
        end,
        by_words,
    })
}

/// A level that parts may add up to: not an average, a percentage or a forecast.
fn is_additive(ms: &[Mention], f: &Fact) -> bool {
    f.role == Role::Level
        && f.basis & basis::AVERAGE == 0
        && !f.forecast
        && !matches!(ms[f.mention].kind, Kind::Percent | Kind::Points)
}

/// `分地区看，新增装机规模较大的省份主要包括：` and a Markdown list right after it, one part per
/// item: each item a sentence of its own holding exactly one figure of the first item's kind
/// and unit. The total is the figure before the marker in the sentence or, when there is
/// none, the one its words name (`total_by_words`).
fn list_group<'w>(
    ctx: &Context<'_>,
    model: &'w Whole,
    si: usize,
    at: usize,
) -> Option<Group<'w>> {
    let text = &ctx.doc.masked;
    let ms = ctx.mentions;
    let same = |a: &Mention, b: &Mention| a.kind == b.kind && a.unit == b.unit;
    let mut parts: Vec<&Fact> = Vec::new();
    let mut unit: Option<&Mention> = None;
    let mut paragraph = model.sentences[si].paragraph;
    let mut end = model.sentences[si].span.end;
    for sj in si + 1..model.sentences.len() {
        let t = &model.sentences[sj];
        if t.paragraph != paragraph + 1 || !whole::is_list_item(&text[t.span.range()]) {
            break;
        }
        paragraph = t.paragraph;
        let facts = model.facts_of(sj);
        let fm = *unit.get_or_insert(&ms[facts.iter().find(|f| is_additive(ms, f))?.mention]);
        let mut of_unit = facts.iter().filter(|f| same(&ms[f.mention], fm));
        let (Some(part), None) = (of_unit.next(), of_unit.next()) else {
            return None;
        };
        if !is_additive(ms, part) || is_difference(&text[t.span.start..ms[part.mention].span.start]) {
            return None;
        }
        parts.push(part);
        end = t.span.end;
    }
    // An item of several sentences is not read.
    if model
        .sentences
        .get(parts.last()?.sentence + 1)
        .is_some_and(|t| t.paragraph == paragraph)
        || parts.len() < 2
    {
        return None;
    }
    let fm = unit?;
    let candidates: Vec<&Fact> = model
        .facts_of(si)
        .iter()
        .filter(|f| ms[f.mention].span.end <= at && same(&ms[f.mention], fm))
        .collect();
    let by_words = candidates.is_empty();
    let total = match candidates.as_slice() {
        [] => total_by_words(ctx, model, si, at, fm)?,
        [.., last] if is_additive(ms, last) && !last.revised => *last,
        _ => return None,
    };
    tied(ctx, model, candidates.len(), total, parts, end, by_words)
}

/// Words that tell a stock from a flow (`累计装机` against `新增装机`): a total and the words
/// that name its parts must agree on them.
const QUALIFIERS: &[&str] = &["累计", "新增", "存量", "增量", "cumulative", "new"];

/// How far back a total named by words is looked for, in facts.
const LOOK_BACK: usize = 200;

/// `分地区看，新增装机规模较大的省份主要包括内蒙古 3.2 吉瓦、…等` with the total in an earlier
/// sentence (`上半年全国新型储能新增装机规模 13.7 吉瓦`): the words before the marker in its
/// clause name the total's measure. The total is the earlier figure of the parts' kind and
/// unit whose measure ends with the longest run of those words (four characters or two
/// English words at the least); figures that match as well and disagree leave it open.
fn total_by_words<'w>(
    ctx: &Context<'_>,
    model: &'w Whole,
    si: usize,
    at: usize,
    fm: &Mention,
) -> Option<&'w Fact> {
    let text = &ctx.doc.masked;
    let ms = ctx.mentions;
    let s = &model.sentences[si];
    let before = &text[s.span.start..at];
    let words = before
        .rfind(['，', ',', '；', ';', '：', ':'])
        .map_or(before, |k| &before[k..])
        .to_ascii_lowercase();
    let has_word = |w: &str| {
        if w.is_ascii() {
            words
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|t| t == w)
        } else {
            words.contains(w)
        }
    };
    // The parts' own period, when their sentence states one.
    let stated = model
        .facts_of(si)
        .iter()
        .map(|f| f.period)
        .find(|p| p.is_stated());
    let matched = |f: &Fact| -> usize {
        if f.measure.is_ascii() {
            let w: Vec<&str> = f.measure.split(' ').collect();
            let n = (0..w.len())
                .rev()
                .take_while(|&k| has_word(w[k]))
                .count();
            // One word is enough when it is the whole measure and the parts' sentence
            // states the total's period (`Third-quarter sales were split between …`).
            let whole_at_period = n == w.len() && stated == Some(f.period);
            if n >= 2 || (n == 1 && whole_at_period) {
                n * 2
            } else {
                0
            }
        } else {
            let c: Vec<char> = f.measure.chars().collect();
            let n = (1..=c.len())
                .take_while(|&n| words.contains(&c[c.len() - n..].iter().collect::<String>()))
                .last()
                .unwrap_or(0);
            if n >= 4 || (n >= 2 && n == c.len() && stated == Some(f.period)) {
                n
            } else {
                0
            }
        }
    };
    // The lead's source is the article's (`lead_sentence`).
    let lead = super::sentence::lead_sentence(text, model);
    let mut best: Vec<&Fact> = Vec::new();
    let mut best_len = 0;
    for f in model.facts[..s.facts.start].iter().rev().take(LOOK_BACK) {
        let m = &ms[f.mention];
        if m.kind != fm.kind
            || m.unit != fm.unit
            || f.role != Role::Level
            || f.basis & basis::AVERAGE != 0
            || f.forecast
            || f.revised
            || (f.attributed && Some(f.sentence) != lead)
        {
            continue;
        }
        let n = matched(f);
        if n == 0 || n < best_len {
            continue;
        }
        if n > best_len {
            best.clear();
            best_len = n;
        }
        best.push(f);
    }
    let total = *best.first()?;
    let tm = &ms[total.mention];
    if !best
        .iter()
        .all(|f| ms[f.mention].interval.meets(&tm.interval))
        || stated.is_some_and(|p| p != total.period)
    {
        return None;
    }
    let label = text[total.label.range()].to_ascii_lowercase();
    let qualified = |t: &str, w: &str| {
        if w.is_ascii() {
            t.split(|c: char| !c.is_ascii_alphanumeric()).any(|x| x == w)
        } else {
            t.contains(w)
        }
    };
    if QUALIFIERS
        .iter()
        .any(|w| qualified(&label, w) != qualified(&words, w))
    {
        return None;
    }
    Some(total)
}

/// `Of the finishers, 10,320 were men and 7,210 were women.`: the total is the latest
/// figure before, of the parts' kind and unit, whose clause holds a word of the same stem
/// (`17,460 of them finished`).
fn of_the<'w>(ctx: &Context<'_>, model: &'w Whole, si: usize) -> Option<Group<'w>> {
    let text = &ctx.doc.masked;
    let s = &model.sentences[si];
    let body = &text[s.span.range()];
    let rest = body.strip_prefix("Of the ")?;
    let word: &str = rest.split([',', ' ']).next()?;
    if matches!(word, "total" | "rest" | "remainder") || word.len() < 4 {
        return None;
    }
    let root = stem(word);
    let ms = ctx.mentions;
    let facts = model.facts_of(si);
    let first = facts.first()?;
    let fm = &ms[first.mention];
    // Counts of different nouns after `Of the finishers,` (`10,320 were men and 7,210 were
    // women`) are kinds of the finishers, as bare numbers there would be.
    let kinds = fm.kind == Kind::Count;
    let parts: Vec<&Fact> = facts
        .iter()
        .filter(|f| {
            let m = &ms[f.mention];
            m.kind == fm.kind && (m.unit == fm.unit || kinds)
        })
        .collect();
    // Percentages after `Of the renters,` are shares of that group, not parts of a
    // percentage stated for it before: each is of another whole.
    if parts.len() < 2
        || matches!(fm.kind, Kind::Percent | Kind::Points)
        || parts
            .iter()
            .any(|f| f.role != Role::Level || f.basis & basis::AVERAGE != 0)
    {
        return None;
    }
    let before = &model.facts[..s.facts.start];
    // Bare numbers after `Of the goals,` count goals: a count whose unit is that word.
    let bare = fm.kind == Kind::Number && fm.unit.is_none();
    let total = before.iter().rev().take(200).find(|f| {
        let m = &ms[f.mention];
        let unit_named = (bare || kinds)
            && m.kind == Kind::Count
            && m.unit.as_deref().is_some_and(|u| stem(u) == root);
        // Kinds of the finishers add up to a bare number whose clause names them
        // (`17,460 of them finished`).
        let bare_total = kinds && m.kind == Kind::Number && m.unit.is_none();
        (unit_named || bare_total || (m.kind == fm.kind && m.unit == fm.unit))
            && text[f.clause.range()]
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| w.len() >= 4 && stem(w) == root)
    })?;
    if total.role != Role::Level
        || total.forecast
        || total.revised
        || mixes_dimensions(ctx, model, &parts)
    {
        return None;
    }
    Some(Group {
        total,
        parts,
        end: s.span.end,
        by_words: false,
    })
}

/// Openings that name the total as the figure right after them (`Of the £412.6 million,`).
const OF_FIGURE: &[&str] = &["of", "of the", "of this", "of that", "of its", "of their", "在"];

/// `Of the £412.6 million, adult social care will receive £148.3 million, children's
/// services £97.4 million …`, `在 412.6 亿元中，…`: a sentence that opens with its total
/// (an opening of `OF_FIGURE`, the figure, at most three words, a comma) splits it into the
/// figures after it of its kind and unit. The words tie the parts to the total whatever
/// their tense, so a plan's parts (`will receive`) count.
fn of_the_figure<'w>(ctx: &Context<'_>, model: &'w Whole, si: usize) -> Option<Group<'w>> {
    let text = &ctx.doc.masked;
    let ms = ctx.mentions;
    let s = &model.sentences[si];
    let facts = model.facts_of(si);
    let total = facts.first()?;
    let tm = &ms[total.mention];
    // Compared ASCII case aside, with no lower-cased copy of every sentence's opening
    // (the openings are written in lower case).
    let opening = text[s.span.start..tm.span.start].trim();
    if !OF_FIGURE.iter().any(|w| opening.eq_ignore_ascii_case(w)) {
        return None;
    }
    // The total's own words after it, up to the first comma: short, and `中` in Chinese.
    let rest = &text[tm.span.end..facts.get(1).map_or(s.span.end, |f| ms[f.mention].span.start)];
    let k = rest.find([',', '，'])?;
    let tail = rest[..k].trim();
    let short = if opening == "在" {
        tail.ends_with('中') && tail.chars().count() <= 12
    } else {
        tail.is_ascii() && tail.split_whitespace().count() <= 3
    };
    if !short || total.role != Role::Level || total.revised || total.basis & basis::AVERAGE != 0 {
        return None;
    }
    let mut parts: Vec<&Fact> = Vec::new();
    for f in &facts[1..] {
        let m = &ms[f.mention];
        // `Of the 412,860 pupils, 236,540 were in primary schools, …`: bare numbers in
        // digits count what the total counts.
        if !fits_total(ctx, m, tm) || another_time(text, f, parts.first().copied()) {
            continue;
        }
        let label = &text[f.label.range()];
        if is_difference(label) || outside(label) || (!parts.is_empty() && nested(text, m)) {
            break;
        }
        if f.role != Role::Level || f.basis & basis::AVERAGE != 0 {
            return None;
        }
        parts.push(f);
        if closes_list(&text[f.label.range()]) {
            break;
        }
    }
    listed(ctx, model, total, parts, s.span.end)
}

/// Words right after a part that make it a part of the figure before it (`1,767 goals,
/// 866 of them in the first half`).
const OF_THEM: &[&str] = &["of them", "of these", "of those", "of it", "of that"];

/// Openings of a sentence whose figures are parts of the last figure of the sentence before
/// (`Of those, 866 came in the first seven rounds and 911 in the last seven.`).
const OF_THOSE: &[&str] = &["Of those,", "Of these,", "Of them,", "Of that,", "Of this,"];

/// Whether the words right after a figure are `of them`, `of it`, … (`OF_THEM`).
fn of_them_after(after: &str) -> bool {
    let after = after.trim_start();
    OF_THEM.iter().any(|w| {
        after.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w))
            && !after[w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
    })
}

/// `Of the 4,200 ballots mailed out, 3,318 were returned; 2,950 of those were valid`: a
/// figure after the first part with `of those`, `of them`, `of which` right after it is a
/// part of the part before it, not of the whole: the list ends before it.
fn nested(text: &str, m: &Mention) -> bool {
    let after = &text[m.span.end..];
    of_them_after(after) || {
        let a = after.trim_start();
        a.get(..8).is_some_and(|h| h.eq_ignore_ascii_case("of which"))
            && !a[8..].starts_with(|c: char| c.is_ascii_alphanumeric())
    }
}

/// `The Hawks scored 1,767 goals over the season, 866 of them in the first seven rounds and
/// 911 in the last seven.`: the figure right before the first part is the total; the parts
/// are that part and the figures after it in the sentence of its kind and unit, or bare
/// numbers in digits, which take the total's unit as the first part does.
fn of_them<'w>(ctx: &Context<'_>, model: &'w Whole, si: usize) -> Option<Group<'w>> {
    let text = &ctx.doc.masked;
    let ms = ctx.mentions;
    let s = &model.sentences[si];
    let facts = model.facts_of(si);
    let opening = OF_THOSE
        .iter()
        .any(|w| text[s.span.range()].starts_with(w));
    // `Cloud subscriptions brought in $3.15 billion of it, …` right after the total's
    // sentence: the first figure of the sentence is the first part.
    let first_of_them = facts
        .first()
        .is_some_and(|f| of_them_after(&text[ms[f.mention].span.end..s.span.end]));
    let (total, k) = if opening || first_of_them {
        // The total is the last figure of the sentence before, in the same paragraph.
        let prev = si.checked_sub(1)?;
        if model.sentences[prev].paragraph != s.paragraph {
            return None;
        }
        (model.facts_of(prev).last()?, 0)
    } else {
        let k = (1..facts.len())
            .find(|&k| of_them_after(&text[ms[facts[k].mention].span.end..s.span.end]))?;
        let total = &facts[k - 1];
        // Nothing but the total's own words between it and the first part: one clause on.
        let gap = &text[ms[total.mention].span.end..ms[facts[k].mention].span.start];
        if gap.matches([',', ';', '，', '；']).count() > 1 {
            return None;
        }
        (total, k)
    };
    let tm = &ms[total.mention];
    if !is_additive(ms, total) || total.revised {
        return None;
    }
    let digits = |m: &Mention| ctx.doc.slice(m.span).chars().any(|c| c.is_ascii_digit());
    let fits = |m: &Mention| {
        (m.kind == tm.kind && m.unit == tm.unit)
            || (m.kind == Kind::Number
                && m.unit.is_none()
                && digits(m)
                && matches!(tm.kind, Kind::Count | Kind::Number))
    };
    listed_parts(ctx, model, total, &facts[k..], s.span.end, fits)
}

/// An English word without its common endings: `finishers`, `finished` → `finish`.
fn stem(w: &str) -> String {
    let w = w.to_ascii_lowercase();
    for end in ["ers", "er", "ed", "ing", "es", "s"] {
        if let Some(s) = w.strip_suffix(end)
            && s.len() >= 3
        {
            return s.to_string();
        }
    }
    w
}

/// Whether two measures share two consecutive characters (a Chinese word) or an English word.
fn shares_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a
            .split(' ')
            .any(|w| w.len() > 2 && b.split(' ').any(|v| v == w));
    }
    let a: Vec<char> = a.chars().collect();
    a.windows(2)
        .any(|w| b.contains(&w.iter().collect::<String>()))
}

/// Whether some parts are named by a cross-cutting dimension and others are not. A part's
/// words are its label and the words after it up to the next part (`10,320 were men`).
fn mixes_dimensions(ctx: &Context<'_>, model: &Whole, parts: &[&Fact]) -> bool {
    let text = &ctx.doc.masked;
    let words = |k: usize| -> String {
        let f = parts[k];
        // The last part's words end with its clause: what follows (`，合计占 85% 以上`) is
        // about the list, not about that part.
        let end = parts.get(k + 1).map_or_else(
            || f.clause.end.min(model.sentences[f.sentence].span.end),
            |g| ctx.mentions[g.mention].span.start,
        );
        without_names(&text[f.label.start..end.max(f.label.start)]).to_ascii_lowercase()
    };
    let texts: Vec<String> = (0..parts.len()).map(words).collect();
    DIMENSIONS.iter().any(|dim| {
        let has = |label: &String| dim.iter().any(|w| holds_word(label, w));
        let n = texts.iter().filter(|t| has(t)).count();
        n > 0 && n < texts.len()
    })
}

/// English words with the names taken out: a run of two or more capitalised words is a
/// name (`New South Wales`, `New York`), and its words (`New`) are not dimension words.
fn without_names(s: &str) -> String {
    let words: Vec<&str> = s.split(' ').collect();
    let capital = |w: &str| w.starts_with(|c: char| c.is_ascii_uppercase());
    let mut out = String::with_capacity(s.len());
    for (k, w) in words.iter().enumerate() {
        let in_run = capital(w)
            && (words.get(k + 1).is_some_and(|n| capital(n))
                || k.checked_sub(1).is_some_and(|p| capital(words[p])));
        if !in_run {
            out.push_str(w);
        }
        out.push(' ');
    }
    out
}

/// Whether a part's label opens with a word for the rest (`其他收入`, `, and other revenue`).
/// Inside a phrase the word names one more category (`loyalty and other revenue`), not the
/// rest of the whole.
fn opens_with_rest(label: &str) -> bool {
    let mut t = label.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '，' | '、' | '；' | ';' | '-' | '*')
    });
    for w in ["and ", "or ", "with ", "while ", "和", "及", "而", "另有"] {
        if let Some(rest) = t.strip_prefix(w) {
            t = rest.trim_start();
        }
    }
    let t = t.strip_prefix("the ").unwrap_or(t);
    REST.iter().any(|w| {
        t.starts_with(w)
            && (!w.is_ascii() || !t[w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric()))
    })
}

/// Whether a part closes its list: its label opens with a word for the rest (`其他收入 0.16
/// 亿元`, `and other revenue of $1.2 million`). The rest is what is left of the total once
/// the parts before it are named, so a figure after it in the sentence (`全年业务收入 31.86 亿元，
/// 其中存款利息…，其他收入 0.16 亿元；业务支出 15.47 亿元`) is outside the list, whatever its
/// kind and unit.
fn closes_list(label: &str) -> bool {
    opens_with_rest(&label.to_ascii_lowercase())
}

/// Whether the parts' labels say they are the whole: a part for the rest, or both halves of
/// a pair.
fn is_whole(text: &str, ms: &[Mention], parts: &[&Fact]) -> bool {
    let labels: Vec<String> = parts
        .iter()
        .map(|f| text[f.label.range()].to_ascii_lowercase())
        .collect();
    // `6,480 in special schools and the remaining 1,230`: a label that runs on from the
    // part before holds that part's words first; its own begin at the `and` that joins
    // them (the first: `and loyalty and other revenue` names one more category).
    let own = |k: usize| -> &str {
        let l = &labels[k];
        let runs_on = k > 0 && l.is_ascii() && parts[k].label.start == ms[parts[k - 1].mention].span.end;
        match l.find(" and ").filter(|_| runs_on) {
            Some(at) => &l[at + 1..],
            None => l,
        }
    };
    let rest = (0..labels.len()).any(|k| opens_with_rest(own(k)));
    // In English a part's words may follow it (`612 were scored by home teams and 424 by
    // visiting teams`): the words from each part to the next, the last to its clause's end.
    let english = parts.iter().all(|f| text[f.clause.range()].is_ascii());
    let afters: Vec<String> = (0..parts.len())
        .map(|k| {
            let from = ms[parts[k].mention].span.end;
            let to = parts
                .get(k + 1)
                .map_or(parts[k].clause.end, |g| ms[g.mention].span.start);
            text[from..to.max(from)].to_ascii_lowercase()
        })
        .collect();
    rest || is_pair(&labels, parts.len()) || (english && is_pair(&afters, parts.len()))
}

/// Whether two parts' words name both halves of a pair (`税收` and `非税`, `home` and `away`).
fn is_pair(labels: &[String], n: usize) -> bool {
    n == 2
        && COMPLEMENTS.iter().any(|(a, b)| {
            let has = |l: &String, w: &str| {
                if w.is_ascii() {
                    l.split(|c: char| !c.is_ascii_alphanumeric())
                        .any(|t| t == w)
                } else {
                    l.contains(w)
                }
            };
            (has(&labels[0], a) && has(&labels[1], b) && !has(&labels[1], a))
                || (has(&labels[1], a) && has(&labels[0], b) && !has(&labels[0], a))
        })
}

fn judge(
    ctx: &Context<'_>,
    g: &Group<'_>,
    partial: bool,
    severity: Severity,
    examined: &mut Vec<Span>,
) -> Option<Finding> {
    let ms = ctx.mentions;
    let doc = ctx.doc;
    let total = &ms[g.total.mention];
    let parts: Vec<&Mention> = g.parts.iter().map(|f| &ms[f.mention]).collect();
    // A range written with both ends (`0—17周岁`, `14—17周岁`) names a band, such as an age
    // group, not an amount: bands are never added up.
    if std::iter::once(total)
        .chain(parts.iter().copied())
        .any(|m| m.hedge == Some(Hedge::Range))
    {
        return None;
    }
    // `住户贷款增加 842 亿元，其中短期贷款减少 96 亿元，中长期贷款增加 938 亿元`: a part stated as a
    // decrease beside others that are not makes the figures signed changes of a balance;
    // their magnitudes do not add up to the total's.
    let falls: Vec<bool> = std::iter::once(g.total)
        .chain(g.parts.iter().copied())
        .map(|f| decrease(&doc.masked[f.label.range()]))
        .collect();
    if falls.iter().any(|&d| d) && !falls.iter().all(|&d| d) {
        return None;
    }
    examined.push(total.span);
    examined.extend(parts.iter().map(|m| m.span));
    let sum = whole::sum(parts.iter().copied());
    let over = sum.low > total.interval.high;
    let whole_list = !partial && is_whole(&doc.masked, ms, &g.parts);
    let under = whole_list && sum.high < total.interval.low;
    if !over && !under {
        return None;
    }
    let found = doc.slice(total.span);
    let terms = parts
        .iter()
        .map(|m| format!("`{}`", doc.slice(m.span)))
        .collect::<Vec<_>>()
        .join(" + ");
    let added = format_number((sum.low + sum.high) / 2.0);
    let message = if over {
        format!("the parts {terms} add up to {added}, more than the total `{found}`")
    } else {
        format!(
            "the parts {terms} add up to {added}, less than the total `{found}`, and the list is the whole"
        )
    };
    let mut f = Finding::new(ID, Origin::Builtin(&META), severity, total.span, found, message);
    let mut inputs = vec![input("total", doc, total)];
    inputs.extend(
        parts
            .iter()
            .enumerate()
            .map(|(k, m)| input(&format!("part{}", k + 1), doc, m)),
    );
    let formula = format!(
        "total {} {}",
        if over { ">=" } else { "~" },
        (1..=parts.len())
            .map(|k| format!("part{k}"))
            .collect::<Vec<_>>()
            .join(" + ")
    );
    f.explanation = Some(Explanation {
        inputs,
        formula,
        computed: (sum.low + sum.high) / 2.0,
        computed_interval: sum,
        claimed: total.interval,
        tolerance: ctx.options.tolerance,
    });
    f.notes.push(format!(
        "the parts allow {}, the total {}",
        format_interval(sum),
        format_interval(total.interval)
    ));
    f.related = related(doc, &parts, "part");
    Some(f)
}

#[cfg(test)]
mod tests {
    use crate::check::{CheckOptions, Context};
    use crate::extract::{ExtractOptions, extract};
    use crate::source::Document;

    proptest::proptest! {
        #[test]
        fn strip_prefix_ci_strips_what_lowering_strips(
            s in "[ ,a-zA-Z合计共两者in totalAND，]{0,12}",
            w in "[a-zA-Z合计 ]{0,4}",
        ) {
            let lower = s.to_ascii_lowercase();
            let by_lowering = lower.strip_prefix(w.as_str()).map(str::len);
            proptest::prop_assert_eq!(super::strip_prefix_ci(&s, &w).map(str::len), by_lowering);
            for t in super::TOTAL_AFTER {
                let by_lowering = lower.strip_prefix(t).map(str::len);
                proptest::prop_assert_eq!(super::strip_prefix_ci(&s, t).map(str::len), by_lowering);
            }
        }

        #[test]
        fn find_from_finds_what_str_find_finds(
            hay in "[ ,.0-9a-zA-Z其中包括主要of which，。]{0,40}",
            needle in "[a-z 其中包括]{0,4}",
        ) {
            proptest::prop_assert_eq!(super::find_from(&hay, &needle), hay.find(needle.as_str()));
            for (marker, _) in super::MARKERS {
                proptest::prop_assert_eq!(super::find_from(&hay, marker), hay.find(marker));
            }
        }
    }

    /// The findings of `parts_total` over `text`, as (severity, the total's text).
    fn run(text: &str) -> Vec<(String, String)> {
        let doc = Document::from_text(std::path::Path::new("t.md"), text);
        let mentions = extract(&doc.masked, &ExtractOptions::default());
        let options = CheckOptions::default();
        let ctx = Context::new(&doc, &mentions, &options);
        let mut examined = Vec::new();
        super::check(&ctx, super::META.default_severity, &mut examined)
            .into_iter()
            .map(|f| (f.severity.as_str().to_string(), doc.slice(f.span).to_string()))
            .collect()
    }

    #[test]
    fn a_total_named_by_words_in_another_sentence_is_a_warning() {
        let t = "上半年全国新型储能新增装机规模 13.7 吉瓦。\n\n分地区看，新增装机规模较大的省份主要包括内蒙古 5.2 吉瓦、新疆 4.9 吉瓦、江苏 4.4 吉瓦等。";
        assert_eq!(run(t), vec![("warning".into(), "13.7 吉瓦".into())]);
    }

    #[test]
    fn a_part_for_the_rest_closes_its_list() {
        // Wave 8: the figures after the rest are outside the list.
        let zh = "全年营业收入 48.20 亿元，其中主营业务收入 45.30 亿元，投资收益 2.10 亿元，其他收入 0.80 亿元；营业成本 39.60 亿元，利润总额 8.60 亿元。";
        assert!(run(zh).is_empty());
        let en = "Revenue was $64.0 million, of which tuition brought in $51.2 million, grants $9.6 million and other sources $3.2 million; expenses came to $58.5 million.";
        assert!(run(en).is_empty());
        // The parts up to the rest must still add up.
        let over = "全年营业收入 48.20 亿元，其中主营业务收入 46.30 亿元，投资收益 2.10 亿元，其他收入 0.80 亿元；营业成本 39.60 亿元。";
        assert_eq!(run(over), vec![("error".into(), "48.20 亿元".into())]);
        assert!(super::closes_list("，其他收入"));
        assert!(super::closes_list(" and other sources"));
        assert!(!super::closes_list("，委托贷款利息"));
    }

    #[test]
    fn a_partial_list_within_its_total_is_silent() {
        let t = "上半年全国新型储能新增装机规模 13.7 吉瓦。\n\n分地区看，新增装机规模较大的省份主要包括内蒙古 3.2 吉瓦、新疆 2.9 吉瓦等。";
        assert!(run(t).is_empty());
    }
}
