//! The `repeated_figure` built-in check: the article's facts in, findings out.
//!
//! Groups the facts of the whole article by key (measure, period, basis, role, kind and
//! unit; see `whole.rs`) and reports a later statement whose interval does not meet the
//! first statement of the same key. Linear: one pass with a map from key to first statement.
//! Its documentation is `docs/repeated_figure.md`.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::sentence::{input, lead_sentence, title_subject, without_title_name};
use crate::eval::{brief_interval as format_interval};
use super::{BuiltinMeta, Context, Explanation, Finding, Origin, Related, Severity};
use crate::analysis::facts::{self as whole, Need, Probe, Role};
use crate::source::Span;

pub const META: BuiltinMeta = BuiltinMeta {
    id: "repeated_figure",
    doc: include_str!("docs/repeated_figure.md"),
    default_severity: Severity::Warning,
};

const ID: &str = META.id;

/// A fact with a key states a period: a sentence that states none gives this check nothing.
pub(super) fn need(p: &Probe<'_>) -> Need {
    if p.may_state_period() {
        Need::This
    } else {
        Need::Nothing
    }
}

/// Words at the head of a measure that name the article's own company (`the company's net
/// profit`, `公司营业收入`): the measure is the same without them. A named owner
/// (`brightmart's`) stays.
const SUBJECT_HEADS: &[&str] = &[
    "company's ", "group's ", "firm's ", "company ", "group ",
    // `The Harwood State Employees' Retirement Fund earned a net investment return` (the
    // name's last word is left by the fact model), `the bank's net profit`.
    "fund's ", "fund ", "bank's ", "本公司", "该公司", "公司",
    "本集团", "集团",
    // `该行不良贷款率` in an article about one bank; traditional forms beside them.
    "该行", "本行", "該行", "該公司", "該集團", "集團", "该集团", "該集团",
];

fn without_the_subject(measure: &str) -> &str {
    SUBJECT_HEADS
        .iter()
        .find_map(|w| measure.strip_prefix(w))
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(measure)
}

pub(super) fn check(
    ctx: &Context<'_>,
    severity: Severity,
    examined: &mut Vec<Span>,
) -> Vec<Finding> {
    let model = ctx.whole();
    let title = title_subject(&ctx.doc.masked);
    let lead = lead_sentence(&ctx.doc.masked, model);
    let names = title_names(&ctx.doc.masked);
    let rows = row_items(&ctx.doc.masked, model);
    let mut first = HashMap::new();
    let mut out = Vec::new();
    // The year the lead's first dated figure states: the year the article reports on. A
    // lead that states no figure of a period (`市住建局 11 月 12 日发布数据。`) leaves it to
    // the first figure of its paragraph that does (`2025 年 1 至 10 月，…`), when that one
    // names its year (`全年实现营业收入…` names none, and a later `2024 年…` is not the lead's).
    let lead_year = lead.and_then(|k| {
        let own = model.facts[model.sentences[k].facts.clone()]
            .iter()
            .find_map(|f| match f.period.year {
                whole::Year::Abs(y) => Some(y),
                _ => None,
            });
        if own.is_some() || !model.facts_of(k).is_empty() {
            return own;
        }
        let paragraph = model.sentences[k].paragraph;
        let first = model.sentences[k..]
            .iter()
            .take_while(|s| s.paragraph == paragraph)
            .find_map(|s| model.facts[s.facts.clone()].iter().find(|f| f.period.is_stated()))?;
        match first.period.year {
            whole::Year::Abs(y) => Some(y),
            _ => None,
        }
    });
    // The paragraph of the facts read so far, and whether a year was stated in it.
    let mut dated_paragraph: (usize, bool) = (usize::MAX, false);
    for (i, f) in model.facts.iter().enumerate() {
        let paragraph = model.sentences[f.sentence].paragraph;
        if dated_paragraph.0 != paragraph {
            dated_paragraph = (paragraph, false);
        }
        // A year other than the lead's, stated before in the paragraph, dates what follows.
        let dated_before = dated_paragraph.1;
        dated_paragraph.1 |= match f.period.year {
            whole::Year::Abs(y) => Some(y) != lead_year,
            whole::Year::Previous => true,
            whole::Year::Unstated => false,
        };
        let m = &ctx.mentions[f.mention];
        let Some(key) = whole::key(f, m) else {
            continue;
        };
        // `last season's 58` and `last season's 7` on two rows of a list: a measure that ends
        // in a possessive names no figure (the row's label does), so two such figures are
        // not one.
        if !names_a_measure(&key.0) {
            continue;
        }
        // A share names its whole (`占我国外贸总值的 15.8%`); what it is a share of names the
        // subject, and two shares of one whole are the same figure only for one subject.
        let subject = if f.role == Role::Share {
            match share_subject(ctx, model, i) {
                Some(s) => s,
                None => continue,
            }
        } else {
            String::new()
        };
        if another_owner(&ctx.doc.masked, model, f) {
            continue;
        }
        let mut key = key;
        key.2 |= implied_basis(&ctx.doc.masked, model, f);
        // `累計前三季，…稅後純益較去年同期成長 24.1%` under a lead about `2025 年前三季`: a part of
        // the year with no year, in a paragraph that states none, is of the lead's year.
        if key.1.year == whole::Year::Unstated
            && key.1.part != whole::Part::Unstated
            && !dated_before
            && !ctx.doc.masked[model.sentences[f.sentence].span.range()]
                .trim_start()
                .starts_with('#')
            && let Some(y) = lead_year
        {
            key.1.year = whole::Year::Abs(y);
        }
        // A year with no part of it named is the whole year (`2025 年，…净利润同比增长 6.7%`
        // and `全年…净利润…同比增长 6.1%`).
        if key.1.part == whole::Part::Unstated && key.1.year != whole::Year::Unstated {
            key.1.part = whole::Part::FullYear;
        }
        let kept = without_title_name(without_the_subject(&key.0), title).len();
        if kept < key.0.len() {
            key.0.drain(..key.0.len() - kept);
        }
        if key.0.is_ascii() {
            let label = &ctx.doc.masked[f.label.range()];
            if let Some(rest) = referred_back(&key.0, label) {
                key.0 = rest.to_string();
            }
            if let Some(m) = without_title_names(&key.0, label, &names) {
                key.0 = m;
            }
        }
        let key = (key, subject);
        let (j, mut slot) = match first.entry(key) {
            Entry::Vacant(e) => {
                e.insert(i);
                continue;
            }
            Entry::Occupied(e) => (*e.get(), e),
        };
        let g = &model.facts[j];
        // A headline that the body repeats is stated by the body: a later figure that
        // differs is set against the body's statement.
        let heading = |h: &whole::Fact| {
            ctx.doc.masked[model.sentences[h.sentence].span.range()]
                .trim_start()
                .starts_with('#')
        };
        if heading(g)
            && !heading(f)
            && whole::signed(g, &ctx.mentions[g.mention]).meets(&whole::signed(f, m))
        {
            *slot.get_mut() = i;
            continue;
        }
        // Two figures of one measure in one sentence are a list or a comparison, not a
        // statement made twice.
        if g.sentence == f.sentence {
            continue;
        }
        // Each sentence names a different item of the article's table (`泽瑞替尼…全年销售收入
        // 38.6 亿元。康妥单抗…全年销售收入 21.9 亿元。`): the measure is each item's.
        if items_apart(&ctx.doc.masked, &rows, model, ctx.mentions, g, f) {
            continue;
        }
        // `全省设区市…人均公园绿地面积平均为 14.9 平方米` against the city's own `全市…人均公园绿地
        // 面积 15.2 平方米`: the whole a sentence names before a figure is its subject, and two
        // figures of different wholes are two figures.
        if let (Some(a), Some(b)) = (
            scope(&ctx.doc.masked, model, ctx.mentions, g),
            scope(&ctx.doc.masked, model, ctx.mentions, f),
        ) && a != b
        {
            continue;
        }
        // `前 10 月新制勞退基金收益數 1,912 億元，收益率 4.25%` after `收益數為 2,876 億元，收益率
        // 4.12%`: a rate in the clause right after a level is that level's subject's, and a
        // level whose measure is the other's with a name before it is a part's.
        if of_a_part(ctx, model, title, j, i) {
            continue;
        }
        let a = &ctx.mentions[g.mention];
        examined.push(a.span);
        examined.push(m.span);
        let (was, now) = (whole::signed(g, a), whole::signed(f, m));
        if was.meets(&now) {
            continue;
        }
        let doc = ctx.doc;
        let (old, new) = (doc.slice(a.span), doc.slice(m.span));
        let line = doc.lines.line_of(a.span.start) + 1;
        let someones = |h: &whole::Fact| {
            (h.attributed || attributed_after(&ctx.doc.masked, model, ctx.mentions, h))
                && Some(h.sentence) != lead
        };
        let severity = if someones(f) || someones(g) {
            Severity::Info
        } else {
            severity
        };
        let what = describe(f);
        let mut finding = Finding::new(
            ID,
            Origin::Builtin(&META),
            severity,
            m.span,
            new,
            format!(
                "`{new}` differs from `{old}` stated for the same figure ({what}) on line {line}"
            ),
        );
        finding.explanation = Some(Explanation {
            inputs: vec![input("first", doc, a), input("again", doc, m)],
            formula: "again ~ first".into(),
            computed: a.value,
            computed_interval: was,
            claimed: now,
            tolerance: ctx.options.tolerance,
        });
        if severity == Severity::Info {
            finding.notes.push(
                "one of the two is attributed to someone; if both are right, say whose figure each is"
                    .into(),
            );
        }
        finding.notes.push(format!(
            "the two intervals {} and {} do not meet",
            format_interval(was),
            format_interval(now)
        ));
        finding.related.push(Related {
            span: a.span,
            message: format!("`{old}` stated here"),
        });
        out.push(finding);
    }
    out
}

/// The measure of the level that figure `i` hangs on: the figure before it in its sentence
/// when only a comma stands between that figure and `i`'s own words (`收益數 2,876 億元，收益率
/// 4.12%`), its article's own subject left out.
fn anchor<'m>(
    ctx: &Context<'_>,
    model: &'m whole::Whole,
    title: Option<&str>,
    i: usize,
) -> Option<&'m str> {
    let f = &model.facts[i];
    let p = &model.facts[i.checked_sub(1)?];
    if p.sentence != f.sentence || p.role != Role::Level || f.head != i {
        return None;
    }
    let end = ctx.mentions[p.mention].span.end;
    let gap = ctx.doc.masked.get(end..f.label.start)?;
    if !gap.chars().all(|c| c.is_whitespace() || ",，".contains(c)) {
        return None;
    }
    Some(without_title_name(without_the_subject(&p.measure), title))
}

/// Whether the rates `j` and `i` hang on levels of which one's measure is the other's with a
/// name before it (`新制勞退基金收益數` and `收益數`): a part's rate and the whole's.
fn of_a_part(
    ctx: &Context<'_>,
    model: &whole::Whole,
    title: Option<&str>,
    j: usize,
    i: usize,
) -> bool {
    let (Some(a), Some(b)) = (anchor(ctx, model, title, j), anchor(ctx, model, title, i)) else {
        return false;
    };
    let part = |long: &str, short: &str| {
        !short.is_empty() && long.len() > short.len() && long.ends_with(short)
    };
    part(a, b) || part(b, a)
}

/// Owners that name another party than the one the article is about.
const NOT_THE_SUBJECT: &[&str] = &[
    "rival", "rivals", "competitor", "competitors", "parent", "partner", "partners", "peer",
    "peers", "subsidiary", "regulator", "government", "client", "customer", "customers",
    "supplier", "suppliers", "union", "country", "nation", "industry", "sector", "market",
    "economy", "world", "region",
];

/// Whether a measure names a figure: a measure that ends in a possessive with no noun after
/// it (`'s` of `last season's 58`, `against 's` of `against last year's 32`) leaves the figure
/// itself as the head, named by a row's label or the sentence's subject, not by the measure.
pub(super) fn names_a_measure(measure: &str) -> bool {
    let m = measure.trim();
    !(m.ends_with("'s") || m.ends_with("’s")) && m.chars().any(char::is_alphanumeric)
}

/// An English measure without a possessive that refers back to the article's subject by a
/// common noun (`The bank's net interest margin`, `the airline's load factor`): written in
/// lower case after `the`, it names no one new. A name (`Brightmart's`) or another party
/// (`the rival's`) stays.
fn referred_back<'m>(measure: &'m str, label: &str) -> Option<&'m str> {
    let (owner, rest) = measure.split_once("'s ")?;
    if owner.contains(' ')
        || NOT_THE_SUBJECT.contains(&owner)
        || rest.split(' ').filter(|w| !w.is_empty()).count() < 1
    {
        return None;
    }
    let written = format!("the {owner}'s ");
    let lower = label.to_ascii_lowercase();
    let at = lower.find(&written)?;
    // In lower case as written (`The bank's`, `the bank's`), not `the Bank's`.
    let noun = &label[at + 4..at + 4 + owner.len()];
    noun.chars().all(|c| c.is_ascii_lowercase()).then_some(rest)
}

/// The capitalised words of the article's first line past its first word (`Marland` in
/// `# Marland retail sales beat forecasts`): the names of what the article is about.
fn title_names(text: &str) -> Vec<&str> {
    let title = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if !title.is_ascii() {
        return Vec::new();
    }
    let words: Vec<&str> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // A title in title case capitalises every word: it names nothing by its case.
    let lower = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
        .count();
    if lower * 2 < words.len() {
        return Vec::new();
    }
    words
        .into_iter()
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()) && w.len() >= 3)
        .collect()
}

/// An English measure without the words its label writes as a name that the title names
/// too (`Retail sales in Marland` under `Marland retail sales …` is `retail sales`): the
/// place or company the whole article is about. `None` when no such word stands in it, or
/// nothing would be left.
fn without_title_names(measure: &str, label: &str, names: &[&str]) -> Option<String> {
    if names.is_empty() {
        return None;
    }
    // Each word of the measure as the label first writes it: a name when capitalised past
    // the label's first word (which a sentence capitalises) and named by the title.
    // `The consumer confidence index compiled by the Westland Consumer Council` writes
    // `consumer` first in lower case: the council's name is another thing.
    // A possessive of such a name (`Caldera's net profit`) is the name.
    let is_name = |w: &str| {
        let w = w.strip_suffix("'s").unwrap_or(w);
        label
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|l| !l.is_empty())
            .enumerate()
            .find(|(_, l)| l.eq_ignore_ascii_case(w))
            .is_some_and(|(k, l)| k > 0 && names.contains(&l))
    };
    if !measure.split(' ').any(is_name) {
        return None;
    }
    let kept: Vec<&str> = measure.split(' ').filter(|w| !is_name(w)).collect();
    (!kept.is_empty() && kept.len() < measure.split(' ').count()).then(|| kept.join(" "))
}

/// Whether an English measure is owned through `its`/`their` by a name its sentence gives
/// and the article's title does not (`Rival Brightmart said its sales rose 2.3%` in an
/// article about Fairmart): another owner's figure, whatever its words.
fn another_owner(text: &str, model: &whole::Whole, f: &whole::Fact) -> bool {
    let label = &text[f.label.range()];
    let Some(k) = label.rfind("its ").or_else(|| label.rfind("their ")) else {
        return false;
    };
    if !label.is_ascii() {
        return false;
    }
    // The sentence up to the possessive: where the owner is named.
    let s = &model.sentences[f.sentence];
    let from = s.span.start.min(f.label.start);
    let before = &text[from..f.label.start + k];
    let before = &before[before.len().saturating_sub(600)..];
    let title = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let title_words: Vec<&str> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // Capitalised words of the sentence before the label, the first word of the sentence
    // and common openers aside.
    let names = before
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        .filter(|w| !["The", "A", "An", "In", "On", "For", "Its", "Their", "Rival", "Chief"].contains(w));
    let mut named = false;
    for w in names {
        named = true;
        if title_words.contains(&w) {
            return false;
        }
    }
    named && !title_words.is_empty()
}

/// The basis a change's words imply without saying it: a change over a whole year is on the
/// year before (`2024 年…名义增长 3.5%`); a Chinese change with no basis word is year on year
/// (`一季度全省 GDP 增长 5.8%`: a change on the quarter before is always written `环比`); and a
/// change of an average level (`人均可支配收入 52,310 元，比上年名义增长 5.3%`) is of an average.
fn implied_basis(text: &str, model: &whole::Whole, f: &whole::Fact) -> u16 {
    use whole::{Part, Year, basis};
    let Role::Change(_) = f.role else {
        return 0;
    };
    let mut bits = 0;
    let annual = matches!(f.period.year, Year::Abs(_) | Year::Previous)
        && matches!(f.period.part, Part::Unstated | Part::FullYear);
    let others = basis::POP | basis::TWO_YEAR | basis::BASE_YEAR;
    // `较年初增长 6.8%`, `compared with March`: a base of its own that no basis word names.
    let label = text[f.label.range()].to_ascii_lowercase();
    let own_base = ["比", "较", "較", "相比", "对比", "than", "compared", "from", "since", "versus", "against"]
        .iter()
        .any(|w| label.contains(w));
    if f.basis & others == 0
        && !own_base
        && (annual || (!f.measure.is_ascii() && f.basis & basis::YOY == 0))
    {
        bits |= basis::YOY;
    }
    if model
        .facts
        .get(f.head)
        .is_some_and(|h| h.sentence == f.sentence && h.basis & basis::AVERAGE != 0)
    {
        bits |= basis::AVERAGE;
    }
    bits
}


/// Words of a closing clause that make the sentence before it someone's statement
/// (`…, chief executive Lara Quinn told analysts.`, `…, the minister said.`).
const SAID: &[&str] = &["said", "says", "told", "according to", "表示", "介绍", "介紹"];

/// Whether the last clause of `h`'s sentence, after its last figure, says whose statement
/// the sentence is: the attribution words stand after the figure, where the facts do not
/// look.
fn attributed_after(
    text: &str,
    model: &whole::Whole,
    ms: &[crate::extract::Mention],
    h: &whole::Fact,
) -> bool {
    let s = &model.sentences[h.sentence];
    let last = model
        .facts_of(h.sentence)
        .last()
        .map_or(s.span.start, |g| ms[g.mention].span.end);
    let tail = &text[last.max(s.span.start)..s.span.end];
    let Some(k) = tail.rfind([',', '，']) else {
        return false;
    };
    let clause = tail[k..].to_ascii_lowercase();
    SAID.iter().any(|w| {
        if w.is_ascii() {
            clause
                .split(|c: char| !c.is_ascii_alphanumeric())
                .collect::<Vec<_>>()
                .windows(w.split(' ').count())
                .any(|ws| ws.join(" ") == *w)
        } else {
            clause.contains(w)
        }
    })
}

/// The key in words, for the message: `全市地区生产总值, first 6 months, year_on_year change`.
fn describe(f: &whole::Fact) -> String {
    let mut parts = vec![f.measure.clone(), f.period.to_string()];
    let basis = whole::basis::names(f.basis).join(" ");
    let role = match f.role {
        Role::Change(_) => "change",
        Role::Share => "share",
        _ => "",
    };
    let tail = format!("{basis} {role}").trim().to_string();
    if !tail.is_empty() {
        parts.push(tail);
    }
    parts.join(", ")
}

/// Words that open a share's label when the subject stands before it in the sentence
/// (`民营企业进出口 20.13 万亿元，占我国外贸总值的 55.9%`, `, accounting for 31%`).
const SHARE_OPENINGS: &[&str] = &[
    "占", "约占", "accounting for", "accounted for", "making up", "or ", "equal to",
];

/// The subject of share `i`: empty when its own label names it (`第三产业增加值占 GDP 比重`),
/// else the measure of the latest level before it in its sentence; `None` when there is
/// none, and the share is not compared.
fn share_subject(ctx: &Context<'_>, model: &whole::Whole, i: usize) -> Option<String> {
    let f = &model.facts[i];
    let label = ctx.doc.masked[f.label.range()]
        .trim_start_matches(|c: char| c.is_whitespace() || ",，、；;".contains(c))
        .to_ascii_lowercase();
    if !SHARE_OPENINGS.iter().any(|w| label.starts_with(w)) {
        return Some(String::new());
    }
    let first = model.sentences[f.sentence].facts.start;
    model.facts[first..i]
        .iter()
        .rev()
        .find(|g| g.role == Role::Level && !g.measure.is_empty())
        .map(|g| g.measure.clone())
}

/// Labels of the tables' rows (first cells of two characters or more, not a figure and not
/// a total), lower-cased: the items the article lists.
fn row_items(text: &str, model: &whole::Whole) -> Vec<String> {
    let mut rows = Vec::new();
    for t in &model.tables {
        for r in &t.rows {
            let Some(first) = r.first() else { continue };
            let l = text[first.span.range()].trim().trim_matches('*').trim();
            let lower = l.to_lowercase();
            if l.chars().count() >= 2
                && first.mention.is_none()
                && !TOTAL_ROWS.iter().any(|w| lower.contains(w))
                && rows.len() < 256
            {
                rows.push(lower);
            }
        }
    }
    rows
}

/// First cells of a totals row, and of a row of everything else: not an item of their own.
const TOTAL_ROWS: &[&str] = &[
    "合计", "总计", "合計", "總計", "其他", "其它", "total", "other", "all ",
];

/// The table rows a sentence names before `upto`, as a whole word in English.
fn rows_named(text: &str, rows: &[String], span: Span, upto: usize) -> Vec<usize> {
    let lower = text[span.start..upto.clamp(span.start, span.end)].to_lowercase();
    (0..rows.len())
        .filter(|&k| {
            lower.match_indices(rows[k].as_str()).any(|(at, r)| {
                !r.is_ascii()
                    || (!lower[..at].ends_with(|c: char| c.is_ascii_alphanumeric())
                        && !lower[at + r.len()..].starts_with(|c: char| c.is_ascii_alphanumeric()))
            })
        })
        .collect()
}

/// Whether the sentences of `g` and `f` each name, before the figure, a row of the article's
/// tables and no row the other names: two items of a list, each with its own figure.
/// Words that name the whole a figure covers: a country, province, city, county or the world.
const SCOPES: &[&str] = &[
    "全国", "全省", "全市", "全区", "全县", "全州", "全港", "全澳", "全台", "全球", "全世界",
    "nationwide", "statewide", "countrywide", "citywide", "worldwide", "province-wide",
];

/// The last of `SCOPES` that the figure's sentence names before the figure, if any.
fn scope(text: &str, model: &whole::Whole, mentions: &[crate::extract::Mention], f: &whole::Fact) -> Option<&'static str> {
    let start = model.sentences[f.sentence].span.start;
    let before = text.get(start..mentions[f.mention].span.start)?;
    SCOPES
        .iter()
        .filter_map(|w| before.rfind(w).map(|at| (at, *w)))
        .max_by_key(|&(at, _)| at)
        .map(|(_, w)| w)
}

fn items_apart(
    text: &str,
    rows: &[String],
    model: &whole::Whole,
    ms: &[crate::extract::Mention],
    g: &whole::Fact,
    f: &whole::Fact,
) -> bool {
    if rows.is_empty() {
        return false;
    }
    let a = rows_named(text, rows, model.sentences[g.sentence].span, ms[g.mention].span.start);
    let b = rows_named(text, rows, model.sentences[f.sentence].span, ms[f.mention].span.start);
    !a.is_empty() && !b.is_empty() && !a.iter().any(|k| b.contains(k))
}
