//! The `table_consistency` built-in check: the article's tables and facts in, findings out.
//!
//! For each Markdown table: a totals row (`合计`, `Total`) against the sum of each column of
//! amounts; a column of shares against the amounts they are shares of and against 100%; a
//! totals column (`奖牌总数`, `Total`) against the sum of the row; and each prose figure that
//! names exactly one row (`乙品牌以 1,250 万台…`) against that row's cell of the same kind
//! and scale. Its documentation is `docs/table_consistency.md`.

use super::sentence::{input, related};
use crate::eval::{brief as format_number, brief_interval as format_interval};
use super::{BuiltinMeta, Context, Explanation, Finding, Origin, Related, Severity};
use crate::analysis::facts::{Cell, Need, Part, Probe, Role, Table, Whole, Year};
use crate::eval::Interval;
use crate::extract::{Kind, Mention};
use crate::source::Span;

pub const META: BuiltinMeta = BuiltinMeta {
    id: "table_consistency",
    doc: include_str!("docs/table_consistency.md"),
    default_severity: Severity::Error,
};

const ID: &str = META.id;

/// First cells of a totals row; headers of a totals column.
const TOTALS: &[&str] = &[
    "合计", "总计", "总额", "总数", "全部", "合計", "總計", "總額", "總數", "total", "all", "sum",
];

/// Headers of columns that are not amounts: rates, changes, averages.
const RATES: &[&str] = &[
    "增长", "增速", "同比", "环比", "变化", "变动", "率", "平均", "人均", "均价", "增長", "成長",
    "年增", "年減", "變化", "變動", "均價", "growth",
    "change", "rate", "average", "per ", "margin", "yoy", "%",
];

/// Headers of share columns.
const SHARES: &[&str] = &[
    "占", "比重", "份额", "占比", "佔", "份額", "佔比", "share", "proportion",
];

/// Headers of columns of changes: a figure quoted from one is a change in the prose, and a
/// change in the prose is quoted from one of them only.
const GROWTH: &[&str] = &[
    "增长", "增速", "同比", "环比", "变化", "变动", "增减", "增長", "成長", "年增", "年減", "變化",
    "變動", "增減", "growth", "change", "yoy", "chg",
];

/// Words before a prose figure that make it a change (`rises 5.3%`, `grew fastest, at
/// 10.5%`, `同比下降 2.3%`), whatever role the fact model read.
const CHANGE_WORDS: &[&str] = &[
    "增长", "增加", "下降", "减少", "提高", "上升", "回落", "增速", "同比", "环比", "降低",
    "上涨", "下跌", "rise", "rises", "rose", "risen", "grew", "grow", "grows", "growth",
    "increase", "increased", "increases", "fell", "fall", "falls", "decline", "declined",
    "declines", "cut", "gain", "gained", "jumped", "climbed", "dropped", "up", "down",
    // A count gained or lost (`Transport shed 6,200 jobs`, `led the gains`).
    "gains", "shed", "sheds", "lost", "lose", "loses", "losses",
];

/// Words of a sentence about another time than the table's: an earlier round, year or
/// election (`上届`, `previous`), told from then (`当时`).
const OTHER_TIME: &[&str] = &[
    "上届", "上一届", "上年", "去年", "上期", "当时", "此前", "上屆", "上一屆", "當時", "previous", "previously",
    "prior", "earlier",
];

/// Words after `last` that make it another time (`last year`, `the last election`, `their
/// last 20 games`): `the last home-ice place`, `in last place` name a rank, not a time.
const LAST_TIMES: &[&str] = &[
    "year", "years", "season", "seasons", "election", "elections", "time", "month", "months",
    "week", "weeks", "quarter", "quarters", "round", "poll", "census", "survey", "term",
    "decade", "summer", "winter", "spring", "autumn", "fall", "vote", "count", "half",
    "game", "games", "match", "matches", "day", "days", "night", "campaign", "contest",
    "weekend", "edition", "tournament", "championship", "financial", "fiscal", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
];

/// Whether `last` in `s` speaks of another time: before a word of time or a number, or
/// ending the sentence (`than at the last`).
fn last_of_another_time(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(k, w)| {
        *w == "last"
            && words.get(k + 1).is_none_or(|next| {
                LAST_TIMES.contains(next) || next.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(*next, "two" | "three" | "four" | "five" | "six" | "ten" | "few" | "several")
            })
    })
}

/// Words of a sentence that gives another source's figures than the table's: a poll, a
/// forecast, an estimate, a report quoted.
const OTHER_SOURCE: &[&str] = &[
    "民调", "民意调查", "预测", "预计", "预期", "估计", "民調", "民意調查", "預測", "預計", "預期",
    "估計", "poll", "polls", "polled", "forecast",
    "projected", "projection", "estimate", "estimated", "according",
];

/// Scale words in a header: `出货量(万台)`, `Amount ($m)`.
const SCALES: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("萬億", 1e12),
    ("亿", 1e8),
    ("億", 1e8),
    ("千万", 1e7),
    ("千萬", 1e7),
    ("百万", 1e6),
    ("百萬", 1e6),
    ("万", 1e4),
    ("萬", 1e4),
    ("千", 1e3),
    ("$bn", 1e9),
    ("bn", 1e9),
    ("billion", 1e9),
    ("$m", 1e6),
    ("(m)", 1e6),
    ("million", 1e6),
    ("thousand", 1e3),
    ("'000", 1e3),
];

/// A prose figure may quote any table row: with a table, every sentence.
pub(super) fn need(p: &Probe<'_>) -> Need {
    if p.tables { Need::This } else { Need::Nothing }
}

pub(super) fn check(
    ctx: &Context<'_>,
    severity: Severity,
    examined: &mut Vec<Span>,
) -> Vec<Finding> {
    let model = ctx.whole();
    let mut out = Vec::new();
    for t in &model.tables {
        totals(ctx, t, severity, examined, &mut out);
    }
    if !model.tables.is_empty() {
        quotes(ctx, model, severity, examined, &mut out);
    }
    out
}

fn text<'a>(ctx: &'a Context<'_>, c: &Cell) -> &'a str {
    &ctx.doc.masked[c.span.range()]
}

/// Whether `s` holds one of `words`: an all-letter ASCII word as a whole word in any case
/// (one pass over the words of `s`), any other as written.
fn has_word(s: &str, words: &[&str]) -> bool {
    let lower = s.to_ascii_lowercase();
    let letters = |w: &str| w.chars().all(|c| c.is_ascii_alphabetic());
    words.iter().any(|w| !letters(w) && lower.contains(w))
        || lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|t| !t.is_empty() && words.iter().any(|w| letters(w) && t == *w))
}

/// A header without the unit written after it in brackets (`全年合計（億元）`, `Total ($m)`):
/// the unit says how the column is counted, not what it is.
fn without_unit(h: &str) -> &str {
    let t = h.trim();
    match t.strip_suffix(['）', ')']) {
        Some(inner) => match inner.rfind(['（', '(']) {
            Some(k) if !inner[..k].trim().is_empty() => inner[..k].trim_end(),
            _ => t,
        },
        None => t,
    }
}

fn is_total_label(s: &str) -> bool {
    let t = s.trim().trim_matches('*').trim().to_ascii_lowercase();
    // `合计`, `Total revenue`, and a total of some rows (`前五合计`, `Top five total`).
    // `Team total`, `Grand total`: one word for the whole before `total` (not a number of
    // top rows, `Top 5 total`).
    let named_whole = t.strip_suffix(" total").is_some_and(|w| {
        !w.is_empty() && w.chars().all(|c| c.is_ascii_alphabetic()) && !matches!(w, "top" | "sub")
    });
    named_whole
        || TOTALS.iter().any(|w| {
            let at_edge = t.starts_with(w)
                || (t.ends_with(w) && !w.is_ascii())
                || t.ends_with(&format!(" {w}"));
            t == *w || (at_edge && t.chars().count() <= 6)
        })
}

fn mention<'a>(ctx: &'a Context<'_>, c: &Cell) -> Option<&'a Mention> {
    c.mention.map(|i| &ctx.mentions[i])
}

/// A column's role from its header and cells.
#[derive(Clone, Copy, PartialEq)]
enum Column {
    Amount,
    Share,
    Other,
}

fn column(ctx: &Context<'_>, t: &Table, k: usize) -> Column {
    let header = t.header.get(k).map_or("", |c| text(ctx, c));
    let cells: Vec<Option<&Mention>> = t
        .rows
        .iter()
        .map(|r| r.get(k).and_then(|c| mention(ctx, c)))
        .collect();
    let filled = cells.iter().flatten().count();
    if filled * 2 < t.rows.len() || filled < 2 {
        return Column::Other;
    }
    let percent = cells.iter().flatten().all(|m| m.kind == Kind::Percent);
    if (percent || percent_in_header(header, &cells)) && has_word(header, SHARES) {
        return Column::Share;
    }
    if percent || has_word(header, RATES) {
        return Column::Other;
    }
    let additive = cells.iter().flatten().all(|m| {
        matches!(
            m.kind,
            Kind::Money | Kind::Count | Kind::Quantity | Kind::Number
        )
    });
    if additive {
        Column::Amount
    } else {
        Column::Other
    }
}

/// Whether a column's cells are percentages written as bare numbers, the `%` said once in
/// the header's brackets (`Share of team runs (%)`, `占比(%)`, `比重（%）`).
fn percent_in_header(header: &str, cells: &[Option<&Mention>]) -> bool {
    let unit = header.rfind(['(', '（']).map_or("", |k| &header[k..]);
    let unit = unit.trim_matches(|c: char| "()（） ".contains(c));
    matches!(unit, "%" | "％")
        && cells.iter().flatten().all(|m| m.kind == Kind::Number && m.unit.is_none())
}

/// The column of amounts a share column is a share of: when the share's header names what
/// it shares (`營收占比(%)`, `Share of team runs (%)`), the amount column whose header holds
/// those words (`營業收入(億元)`: `營`, `收` in order; `Runs`); when none does (`Share of
/// budget` names the whole), the only amount column, and none when there are several. A
/// bare `占比(%)` or `Share (%)` shares the first amount column.
fn share_whole(
    ctx: &Context<'_>,
    t: &Table,
    columns: &[Column],
    k: usize,
    first: Option<usize>,
) -> Option<usize> {
    let header = |c: usize| {
        t.header
            .get(c)
            .map_or(String::new(), |h| without_unit(text(ctx, h)).to_lowercase())
    };
    let mut name = header(k);
    // Longer share words first (`占比` before `占`).
    let mut shares: Vec<&str> = SHARES.to_vec();
    shares.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for w in shares {
        name = name.replace(w, " ");
    }
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "of" | "the" | "in" | "percent"))
        .collect();
    if words.is_empty() {
        return first;
    }
    // English: one word of the share's name in the amount's header (`team runs`, `Runs`);
    // Chinese: every character of each word in order.
    let holds = |amount: &str| {
        let english = words.iter().any(|w| w.is_ascii());
        let matched = |w: &&str| {
            if w.is_ascii() {
                let stem = w.trim_end_matches('s');
                stem.len() >= 3
                    && amount
                        .split(|c: char| !c.is_ascii_alphanumeric())
                        .any(|a| a.trim_end_matches('s') == stem)
            } else {
                // Each character in order: `營收` in `營業收入`.
                let mut rest = amount;
                w.chars().all(|c| match rest.find(c) {
                    Some(at) => {
                        rest = &rest[at + c.len_utf8()..];
                        true
                    }
                    None => false,
                })
            }
        };
        if english {
            words.iter().any(matched)
        } else {
            words.iter().all(matched)
        }
    };
    let amounts: Vec<usize> = (0..columns.len())
        .filter(|&c| columns[c] == Column::Amount)
        .collect();
    let found: Vec<usize> = amounts.iter().copied().filter(|&c| holds(&header(c))).collect();
    match (found.as_slice(), amounts.as_slice()) {
        ([c], _) => Some(*c),
        // `Share of budget` names the whole, not a column: with one column of amounts, it.
        ([], [c]) => Some(*c),
        _ => None,
    }
}

/// What the cells of a share column are multiplied by to be fractions of the whole: a
/// hundredth when they are bare numbers under a `(%)` header, else one.
fn share_scale(cells: &[&Mention]) -> f64 {
    if cells.iter().all(|m| m.kind == Kind::Number) {
        0.01
    } else {
        1.0
    }
}

fn totals(
    ctx: &Context<'_>,
    t: &Table,
    severity: Severity,
    examined: &mut Vec<Span>,
    out: &mut Vec<Finding>,
) {
    let width = t.header.len();
    let columns: Vec<Column> = (0..width).map(|k| column(ctx, t, k)).collect();
    let total_row = t
        .rows
        .iter()
        .position(|r| r.first().is_some_and(|c| is_total_label(text(ctx, c))));
    if let Some(tr) = total_row {
        let body: Vec<&Vec<Cell>> = t
            .rows
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != tr)
            .map(|(_, r)| r)
            .collect();
        let first_amount = columns.iter().position(|&c| c == Column::Amount);
        for (k, &col) in columns.iter().enumerate() {
            let amount = if col == Column::Share {
                share_whole(ctx, t, &columns, k, first_amount)
            } else {
                first_amount
            };
            let Some(total) = t.rows[tr].get(k).and_then(|c| mention(ctx, c)) else {
                continue;
            };
            let parts: Option<Vec<&Mention>> = body
                .iter()
                .map(|r| r.get(k).and_then(|c| mention(ctx, c)))
                .collect();
            let Some(parts) = parts else {
                continue;
            };
            match col {
                Column::Amount => sum_check(ctx, total, &parts, "column", severity, examined, out),
                Column::Share => {
                    // Each share against its amount over the total amount; the column's sum
                    // only when no row could be checked that way.
                    let mut row_findings = 0;
                    // A totals cell that its own column does not add up to is reported once,
                    // there: the shares are not judged against it.
                    let whole_adds_up = |a: usize, whole: &Mention| {
                        let cells: Option<Vec<&Mention>> = body
                            .iter()
                            .map(|r| r.get(a).and_then(|c| mention(ctx, c)))
                            .collect();
                        cells.is_none_or(|cells| {
                            crate::analysis::facts::sum(cells.iter().copied())
                                .meets(&whole.interval)
                        })
                    };
                    let scale = share_scale(&parts);
                    if let Some(a) = amount
                        && (total.interval.low * scale..=total.interval.high * scale)
                            .contains(&1.0)
                        && let Some(whole) = t.rows[tr].get(a).and_then(|c| mention(ctx, c))
                        && whole_adds_up(a, whole)
                    {
                        for r in &body {
                            let (Some(share), Some(part)) = (
                                r.get(k).and_then(|c| mention(ctx, c)),
                                r.get(a).and_then(|c| mention(ctx, c)),
                            ) else {
                                continue;
                            };
                            let Some(q) = part.interval.checked_div(whole.interval) else {
                                continue;
                            };
                            examined.extend([share.span, part.span, whole.span]);
                            let stated = Interval::new(
                                share.interval.low * scale,
                                share.interval.high * scale,
                            );
                            if !q.meets(&stated) {
                                row_findings += 1;
                                out.push(share_finding(
                                    ctx, share, part, whole, q, stated, severity,
                                ));
                            }
                        }
                    }
                    if row_findings == 0 {
                        sum_check(ctx, total, &parts, "share column", severity, examined, out);
                    }
                }
                Column::Other => {}
            }
        }
    }
    if total_row.is_none() {
        for (k, &col) in columns.iter().enumerate() {
            if col == Column::Share {
                shares_over(ctx, t, k, severity, examined, out);
            }
        }
    }
    // A totals column: the sum of the row's other amounts.
    let year_total = year_total_column(ctx, t, &columns);
    if let Some(tc) = t
        .header
        .iter()
        .position(|c| {
            let h = without_unit(text(ctx, c));
            is_total_label(h)
                || ["总数", "合计", "總數", "合計"].iter().any(|w| h.ends_with(w))
                || h.to_ascii_lowercase().starts_with("total")
        })
        .or(year_total)
        && columns.get(tc) == Some(&Column::Amount)
    {
        let others: Vec<usize> = (1..width)
            .filter(|&k| k != tc && columns[k] == Column::Amount)
            .collect();
        if others.len() >= 2 {
            for r in &t.rows {
                let Some(total) = r.get(tc).and_then(|c| mention(ctx, c)) else {
                    continue;
                };
                let parts: Option<Vec<&Mention>> = others
                    .iter()
                    .map(|&k| r.get(k).and_then(|c| mention(ctx, c)))
                    .collect();
                if let Some(parts) = parts {
                    sum_check(ctx, total, &parts, "row", severity, examined, out);
                }
            }
        }
    }
}

/// Headers of a column for a whole year (`Year`, `Full year`, `全年`).
const WHOLE_YEAR: &[&str] = &[
    "year", "full year", "full-year", "annual", "whole year", "全年", "年度", "全年合计",
    "全年合計", "全年度",
];

/// Which part of a year a column's header names: `Q3`, `3Q`, `第三季度`, `第 3 季`, `三季度`
/// as `(4, 3)`; `H1`, `上半年` as `(2, 1)`.
fn part_of_year(header: &str) -> Option<(u8, u8)> {
    let h: String = without_unit(header)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let digit = |c: char| -> Option<u8> {
        match c {
            '1' | '一' => Some(1),
            '2' | '二' => Some(2),
            '3' | '三' => Some(3),
            '4' | '四' => Some(4),
            _ => None,
        }
    };
    let one = |s: &str| -> Option<u8> {
        let mut cs = s.chars();
        let c = cs.next()?;
        cs.next().is_none().then(|| digit(c)).flatten()
    };
    if let Some(n) = h.strip_prefix('q').and_then(one) {
        return Some((4, n));
    }
    if let Some(n) = h.strip_suffix('q').and_then(one) {
        return Some((4, n));
    }
    if let Some(n) = h.strip_prefix('h').and_then(one).filter(|&n| n <= 2) {
        return Some((2, n));
    }
    match h.as_str() {
        "上半年" => return Some((2, 1)),
        "下半年" => return Some((2, 2)),
        _ => {}
    }
    let q = h.strip_prefix('第').unwrap_or(&h);
    let q = ["季度", "季"].iter().find_map(|w| q.strip_suffix(w))?;
    one(q).map(|n| (4, n))
}

/// A column for the whole year after columns for each of its quarters or halves (`Q1`–`Q4`
/// and `Year`): a totals column, each row's whole-year amount the sum of its parts. Only
/// when every other amount column names a part of the year, and every part is there once.
fn year_total_column(ctx: &Context<'_>, t: &Table, columns: &[Column]) -> Option<usize> {
    let tc = t.header.iter().position(|c| {
        let h = without_unit(text(ctx, c)).trim().to_ascii_lowercase();
        WHOLE_YEAR.contains(&h.as_str())
    })?;
    let mut parts: Vec<(u8, u8)> = Vec::new();
    for (k, c) in t.header.iter().enumerate() {
        if k == tc || columns.get(k) != Some(&Column::Amount) {
            continue;
        }
        let p = part_of_year(text(ctx, c))?;
        if parts.contains(&p) {
            return None;
        }
        parts.push(p);
    }
    let (of, _) = *parts.first()?;
    (parts.len() == usize::from(of) && parts.iter().all(|&(n, _)| n == of)).then_some(tc)
}

/// Headers of a share column whose shares are of the whole the rows split (`Share (%)`,
/// `Market share`, `占比`): not `Share of households with broadband`, a rate within each row.
const WHOLE_SHARES: &[&str] = &[
    "share",
    "market share",
    "vote share",
    "share of total",
    "share of the total",
    "share of the vote",
    "share of votes",
    "% of total",
    "占比",
    "比重",
    "份额",
    "市场份额",
    "佔比",
    "份額",
    "市場份額",
    "得票率",
    "占总量比重",
];

/// A share column with no totals row: its shares of the one whole the rows split may not
/// add up to more than 100% beyond rounding. Only when the header names that whole by a
/// share word alone (`WHOLE_SHARES`), every row holds a share and no row is a total.
fn shares_over(
    ctx: &Context<'_>,
    t: &Table,
    k: usize,
    severity: Severity,
    examined: &mut Vec<Span>,
    out: &mut Vec<Finding>,
) {
    let header = t.header.get(k).map_or("", |h| text(ctx, h));
    let name = without_unit(header).trim().to_lowercase();
    if !WHOLE_SHARES.contains(&name.as_str()) || t.rows.len() < 2 {
        return;
    }
    // Rows named by a year or a part of one (`2024`, `Q3`, `一季度`) are one item at several
    // times, each share of its own whole.
    let by_time = t.rows.iter().any(|r| {
        r.first().is_none_or(|c| {
            let l = text(ctx, c);
            c.mention.is_some()
                || l.chars().any(|ch| ch.is_ascii_digit() || "季月年度".contains(ch))
                || part_of_year(l).is_some()
        })
    });
    if by_time {
        return;
    }
    let parts: Option<Vec<&Mention>> = t
        .rows
        .iter()
        .map(|r| r.get(k).and_then(|c| mention(ctx, c)))
        .collect();
    let Some(parts) = parts else {
        return;
    };
    let scale = share_scale(&parts);
    if parts
        .iter()
        .any(|p| !matches!(p.kind, Kind::Percent | Kind::Number) || p.unit.is_some() && p.kind != Kind::Percent)
    {
        return;
    }
    examined.extend(parts.iter().map(|p| p.span));
    let sum = crate::analysis::facts::sum(parts.iter().copied());
    let sum = Interval::new(sum.low * scale, sum.high * scale);
    if sum.low <= 1.0 {
        return;
    }
    let doc = ctx.doc;
    let first = parts[0];
    let found = doc.slice(first.span);
    let mid = (sum.low + sum.high) / 2.0;
    let mut f = Finding::new(
        ID,
        Origin::Builtin(&META),
        severity,
        first.span,
        found,
        format!(
            "the share column `{}` adds up to {}%, more than 100%",
            header.trim(),
            format_number(mid * 100.0)
        ),
    );
    f.explanation = Some(Explanation {
        inputs: parts
            .iter()
            .enumerate()
            .map(|(k, m)| input(&format!("cell{}", k + 1), doc, m))
            .collect(),
        formula: format!("{} <= 100%", cells_sum(parts.len())),
        computed: mid,
        computed_interval: sum,
        claimed: Interval::new(0.0, 1.0),
        tolerance: ctx.options.tolerance,
    });
    f.notes
        .push(format!("the cells allow {}", format_interval(sum)));
    f.related = related(doc, &parts[1..], "cell");
    out.push(f);
}

fn sum_check(
    ctx: &Context<'_>,
    total: &Mention,
    parts: &[&Mention],
    what: &str,
    severity: Severity,
    examined: &mut Vec<Span>,
    out: &mut Vec<Finding>,
) {
    if parts.len() < 2
        || parts
            .iter()
            .any(|p| p.kind != total.kind || p.unit != total.unit)
    {
        return;
    }
    // A totals row that lies between the smallest and the largest of its cells is their
    // average or a rate of the whole (`Total` RevPAR, 合計 occupancy), not their sum.
    let (low, high) = parts.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), p| {
        (l.min(p.value), h.max(p.value))
    });
    if low >= 0.0 && (low..=high).contains(&total.value) {
        return;
    }
    examined.push(total.span);
    examined.extend(parts.iter().map(|p| p.span));
    let sum = crate::analysis::facts::sum(parts.iter().copied());
    if sum.meets(&total.interval) {
        return;
    }
    let doc = ctx.doc;
    let found = doc.slice(total.span);
    let mid = (sum.low + sum.high) / 2.0;
    let shown = if total.kind == Kind::Percent {
        format!("{}%", format_number(mid * 100.0))
    } else {
        format_number(mid)
    };
    let mut f = Finding::new(
        ID,
        Origin::Builtin(&META),
        severity,
        total.span,
        found,
        format!("the {what} adds up to {shown}, not `{found}`"),
    );
    let mut inputs = vec![input("total", doc, total)];
    inputs.extend(
        parts
            .iter()
            .enumerate()
            .map(|(k, m)| input(&format!("cell{}", k + 1), doc, m)),
    );
    f.explanation = Some(Explanation {
        inputs,
        formula: format!("total ~ {}", cells_sum(parts.len())),
        computed: mid,
        computed_interval: sum,
        claimed: total.interval,
        tolerance: ctx.options.tolerance,
    });
    f.notes
        .push(format!("the cells allow {}", format_interval(sum)));
    f.related = related(doc, parts, "cell");
    out.push(f);
}

fn share_finding(
    ctx: &Context<'_>,
    share: &Mention,
    part: &Mention,
    whole: &Mention,
    q: Interval,
    stated: Interval,
    severity: Severity,
) -> Finding {
    let doc = ctx.doc;
    let (s, p, w) = (
        doc.slice(share.span),
        doc.slice(part.span),
        doc.slice(whole.span),
    );
    // The figures as written, not the middle of the quotient's interval: `2,000` allows
    // [1,500, 2,500], whose middle would print 96 / 2,000 as 5.13%.
    let mid = if whole.value != 0.0 {
        part.value / whole.value
    } else {
        (q.low + q.high) / 2.0
    };
    let mut f = Finding::new(
        ID,
        Origin::Builtin(&META),
        severity,
        share.span,
        s,
        format!(
            "`{s}` is not `{p}` of the total `{w}`, which is {}%",
            format_number(mid * 100.0)
        ),
    );
    f.explanation = Some(Explanation {
        inputs: vec![
            input("share", doc, share),
            input("amount", doc, part),
            input("total", doc, whole),
        ],
        formula: "share ~ amount / total".into(),
        computed: mid,
        computed_interval: q,
        claimed: stated,
        tolerance: ctx.options.tolerance,
    });
    f.related = vec![
        Related {
            span: part.span,
            message: format!("amount `{p}`"),
        },
        Related {
            span: whole.span,
            message: format!("total `{w}`"),
        },
    ];
    f
}

/// The scale a header gives its column's numbers: `出货量(万台)` → 1e4.
fn header_scale(header: &str) -> f64 {
    let lower = header.to_ascii_lowercase();
    let inside = lower.find(['(', '（']).map_or("", |k| &lower[k..]);
    SCALES
        .iter()
        .find(|(w, _)| inside.contains(w))
        .map_or(1.0, |&(_, s)| s)
}

/// English nouns of a change after a figure (`a 16% jump in revenue`).
const CHANGE_NOUNS: &[&str] = &[
    "rise", "increase", "gain", "jump", "growth", "climb", "decline", "drop", "fall",
    "decrease", "dip", "slide",
];

/// Prose figures that name one row of a table: the row's cell of the same kind must agree.
fn quotes(
    ctx: &Context<'_>,
    model: &Whole,
    severity: Severity,
    examined: &mut Vec<Span>,
    out: &mut Vec<Finding>,
) {
    let text = &ctx.doc.masked;
    // The year the article's lead (its first sentence with figures that is not a heading)
    // gives its first dated figure.
    let lead_year = model
        .sentences
        .iter()
        .find(|s| !s.facts.is_empty() && !text[s.span.range()].trim_start().starts_with('#'))
        .and_then(|s| {
            model.facts[s.facts.clone()].iter().find_map(|f| match f.period.year {
                Year::Abs(y) => Some(y),
                _ => None,
            })
        });
    // (row label, table, row)
    let mut labels: Vec<(String, usize, usize)> = Vec::new();
    for (ti, t) in model.tables.iter().enumerate() {
        for (ri, r) in t.rows.iter().enumerate() {
            let Some(first) = r.first() else { continue };
            let l = text[first.span.range()].trim().trim_matches('*').trim();
            if l.chars().count() >= 2 && !is_total_label(l) && first.mention.is_none() {
                labels.push((l.to_lowercase(), ti, ri));
            }
        }
    }
    if labels.is_empty() || labels.len() > 256 {
        return;
    }
    let named = |s: &str| -> Vec<usize> {
        let lower = s.to_lowercase();
        (0..labels.len())
            .filter(|&k| {
                let l = &labels[k].0;
                match lower.find(l.as_str()) {
                    None => false,
                    Some(at) if l.is_ascii() => {
                        let before = lower[..at].chars().last();
                        let after = lower[at + l.len()..].chars().next();
                        // `Central Station` is not the row `Central`: a capitalised word
                        // right after the label makes it part of a longer name (read in
                        // `s` where lower-casing kept the offsets).
                        let longer_name = lower.len() == s.len()
                            && s.get(at + l.len()..)
                                .and_then(|rest| rest.strip_prefix(' '))
                                .is_some_and(|rest| {
                                    rest.starts_with(|c: char| c.is_ascii_uppercase())
                                });
                        !before.is_some_and(|c| c.is_ascii_alphanumeric())
                            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
                            && !longer_name
                    }
                    Some(_) => true,
                }
            })
            .collect()
    };
    // The last sentence read, and whether it speaks of another time or source.
    let mut elsewhere: Option<(usize, bool)> = None;
    for (fi, f) in model.facts.iter().enumerate() {
        let m = &ctx.mentions[f.mention];
        // `finished third on 91 points`: points of a standings table, read as points of a
        // percentage by the numbers, are quoted from a `Points` column only (`fits`).
        let standings = m.kind == Kind::Points
            && ctx.doc.slice(m.span).starts_with(|c: char| c.is_ascii_digit())
            && !ctx.doc.slice(m.span).contains('.');
        if !(f.role == Role::Level
            || (m.kind == Kind::Percent && f.role != Role::Other)
            || standings)
            || f.forecast
        {
            continue;
        }
        // The row named in the figure's own clause, else in the clause before it.
        let own = &text[f.clause.start..m.span.start];
        let mut hits = named(own);
        let mut words = own;
        let in_own = !hits.is_empty();
        if !in_own {
            let s = &model.sentences[f.sentence];
            // The clause of the sentence that ends at `end`: the rows it names, and where it
            // starts.
            let clause_before = |end: usize| {
                let before = &text[s.span.start..end];
                let prev = before
                    .trim_end_matches(['，', ',', '；', ' '])
                    .rfind(['，', ',', '；', '：'])
                    .map_or(before, |k| &before[k..]);
                (named(prev), prev.as_ptr() as usize - text.as_ptr() as usize)
            };
            let mut from;
            (hits, from) = clause_before(f.clause.start);
            let prev = &text[from..f.clause.start];
            // `Taxation, the largest source of revenue, rose 4.8%`: an aside opened by `the`
            // (no figure, at most eight words) stands between the row and its verb; the row
            // is named in the clause before it.
            let aside = prev.trim_start_matches([',', ' ']);
            if hits.is_empty()
                && aside.is_ascii()
                && aside.to_ascii_lowercase().starts_with("the ")
                && !aside.contains(|c: char| c.is_ascii_digit())
                && aside.split_whitespace().count() <= 8
                && from > s.span.start
            {
                (hits, from) = clause_before(from);
            }
            // `维沙利昔上市第二年，全年销售收入 11.8 亿元，同比增长 17.2%`: a change of the level
            // in the clause before, which names no row itself, is of the row that level is
            // named by, one clause further back (as the level is).
            if hits.is_empty()
                && matches!(f.role, Role::Change(_))
                && f.head < fi
                && model.facts.get(f.head).is_some_and(|h| {
                    h.sentence == f.sentence && ctx.mentions[h.mention].span.start >= from
                })
                && from > s.span.start
            {
                (hits, from) = clause_before(from);
            }
            words = &text[from..m.span.start];
        }
        let [k] = hits[..] else {
            continue;
        };
        // A sentence about another time or another source quotes no cell of this table
        // (read once per sentence: facts come in sentence order).
        let sentence = &text[model.sentences[f.sentence].span.range()];
        let other = match elsewhere {
            Some((si, other)) if si == f.sentence => other,
            _ => {
                let other = has_word(sentence, OTHER_TIME)
                    || last_of_another_time(sentence)
                    || has_word(sentence, OTHER_SOURCE);
                elsewhere = Some((f.sentence, other));
                other
            }
        };
        // `fell to $1.42 billion from $1.59 billion a year earlier`: the words of another
        // time after the base a figure is compared with date that base, not the figure.
        // Only for an amount of money, whose unit ties it to a column.
        let other = other && {
            let s = &model.sentences[f.sentence];
            let base = model.facts[fi + 1..s.facts.end.max(fi + 1)].first().filter(|g| {
                let l = text[g.label.range()].trim_end().to_ascii_lowercase();
                ["from", "against", "compared with", "versus", "than"]
                    .iter()
                    .any(|w| l.strip_suffix(w).is_some_and(|r| r.is_empty() || r.ends_with(' ')))
            });
            match base {
                Some(g) if m.kind == Kind::Money && ctx.mentions[g.mention].kind == Kind::Money => {
                    let upto = &text[s.span.start..ctx.mentions[g.mention].span.start];
                    has_word(upto, OTHER_TIME)
                        || last_of_another_time(upto)
                        || has_word(sentence, OTHER_SOURCE)
                }
                _ => true,
            }
        };
        if other {
            continue;
        }
        // `cloud unit powers a 16% jump in revenue`: a change named after the figure with
        // its measure after it (`in revenue`) is that measure's, not the row's named before.
        let tail: Vec<String> = text[m.span.end..f.clause.end.max(m.span.end)]
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .take(2)
            .map(str::to_ascii_lowercase)
            .collect();
        if let [noun, of] = tail.as_slice()
            && CHANGE_NOUNS.contains(&noun.as_str())
            && (of == "in" || of == "of")
        {
            continue;
        }
        // `Solar output climbed 35.5% to 4.4 TWh`: the amount a change reached is a level.
        let reached = f.role == Role::Level
            && !matches!(m.kind, Kind::Percent | Kind::Points)
            && {
                let l = text[f.label.range()].trim_end();
                l.ends_with('至')
                    || l.ends_with('到')
                    || l.to_ascii_lowercase()
                        .strip_suffix("to")
                        .is_some_and(|r| r.is_empty() || r.ends_with(' '))
            };
        let change =
            matches!(f.role, Role::Change(_)) || (!reached && has_word(words, CHANGE_WORDS));
        let (_, ti, ri) = labels[k];
        let t = &model.tables[ti];
        if subject_elsewhere(text, t, sentence, words, &labels[k].0) {
            continue;
        }
        // The row named as what is left out (`扣除能源价格后的核心指数`, `excluding
        // energy`): the figure is of the rest.
        if excluded(words, &labels[k].0) {
            continue;
        }
        // The row named in a clause of its own as the scope the figure's item lies in
        // (`Within manufacturing, pharmaceuticals grew 9.8%`, `制造业内部，医药制造业增长
        // 9.8%`): the figure is of an item inside the row, not the row's own.
        if !in_own && scope(words, &labels[k].0) {
            continue;
        }
        // The row named in the clause before, and the figure's own clause naming a measure
        // of its own that no header or caption names (`东区中，新城街道增长 9.0%`, `Beverages
        // grew 6.1%, with bottled water up 11.5%`): the figure is that other item's.
        // A change whose level stands before it in the sentence (`收购均价为每公斤 6.12 元，同比
        // 下降 3.5%`) is of that level's measure: the same test, on the measure it shares.
        // The row's own name in the measure (`关税1893亿元，同比下降4.1%`) is no measure.
        let level_before = f.head < fi
            && model.facts.get(f.head).is_some_and(|h| h.sentence == f.sentence)
            && {
                let rest = f.measure.to_lowercase().replace(labels[k].0.as_str(), "");
                !rest.trim().is_empty() && !measure_in_table(text, t, &rest)
            };
        if !in_own
            && (f.head == fi || level_before)
            && !f.measure.is_empty()
            && !measure_in_table(text, t, &f.measure)
        {
            continue;
        }
        // The row named as the whole a share is of (`三县合计占全省播种面积的 17.5%`): the
        // figure is the share of other items in it, not the row's own.
        if whole_of_share(words, &labels[k].0) {
            continue;
        }
        // A word that narrows the row's name right before it (`discounted online sales`,
        // `Scottish Labour`): the figure is of a part of the row.
        if in_own && qualified(text, t, own, &labels[k].0) {
            continue;
        }
        // A row with a column of levels and a column of changes in the same unit
        // (`Employment (thousands)`, `Change on month (thousands)`): a figure not made a
        // change by its words quotes a level only when they tie it to the level column (its
        // header's word, or `to` after a change: `rose 8.4% to 1.2 million`); else it may be
        // either (`followed by mining with 3,500`).
        if !change
            && !standings
            && matches!(m.kind, Kind::Money | Kind::Count | Kind::Quantity | Kind::Number)
            && !reached
            && amount_change_column(ctx, t)
            && !names_level_column(text, t, words)
        {
            continue;
        }
        // A year the sentence names that the table (its header, or the line that opens it)
        // does not is another period's figure.
        // Only the years before the figure and in its clause date it: a later clause's
        // year is another figure's (`住用率61.3%則仍低於疫情前2019年同期的70.5%`).
        let dating = &text[model.sentences[f.sentence].span.start..f.clause.end];
        if !years(dating).iter().all(|y| table_years(text, t).contains(y)) {
            continue;
        }
        // A figure of the first months of a year (`In the first ten months of 2025, …
        // 21.8%`) is not a cell of a table of one month or quarter (`Oct 2025`).
        // A table that names no period at all is of the article's period.
        if matches!(f.period.part, Part::Months(_))
            && table_names_part(text, t)
            && !table_is_cumulative(text, t)
        {
            continue;
        }
        let digits = ctx.doc.slice(m.span).chars().any(|c| c.is_ascii_digit());
        // Points of a percentage are held as hundredths; standings points are counted.
        let stated = if standings {
            Interval::new(m.interval.low * 100.0, m.interval.high * 100.0)
        } else {
            m.interval
        };
        let row = &t.rows[ri];
        let caption_unit = caption_unit(text, t);
        // The column a header word right before the figure names (`RevPAR was down 6.8%`
        // against columns `Revenue change (%)` and `RevPAR ($)`): the last such word wins.
        let named_column = last_header_word(text, t, words);
        let candidates: Vec<(&Mention, Interval)> = row
            .iter()
            .enumerate()
            .skip(1)
            .filter_map(|(c, cell)| {
                let cm = mention(ctx, cell)?;
                let own_header = t.header.get(c).map_or("", |h| text_of(text, h));
                // `2024 年主要景区接待游客（万人次）：` over the table: the caption's unit is
                // every column's that names none of its own.
                let with_caption;
                let header = match caption_unit {
                    Some(u) if !own_header.contains(['(', '（']) => {
                        with_caption = format!("{own_header}{u}");
                        with_caption.as_str()
                    }
                    _ => own_header,
                };
                let scale = header_scale(header);
                // The prose's measure word agrees with the column's: a change is quoted
                // from a column of changes, a level or share from any other.
                if change != has_word(header, GROWTH) {
                    return None;
                }
                // A column whose header names a measure of its own is quoted only when that
                // word is the nearest before the figure; a bare `Change (%)` is the change
                // of whatever the sentence names.
                if named_column.as_ref().is_some_and(|cols| !cols.contains(&c))
                    && key_words(header).next().is_some()
                    && !unit_names_header(m, header)
                {
                    return None;
                }
                if !words_fit_header(own, words, header, &t.header, text) {
                    return None;
                }
                let fits = if m.kind == Kind::Percent {
                    cm.kind == Kind::Percent
                } else if standings {
                    cm.kind == Kind::Number
                        && digits
                        && has_word(without_unit(header), &["points", "pts"])
                } else {
                    // A bare number takes the header's scale and unit: the prose figure
                    // must be written in digits (`五位` is a word, not a quote) and carry
                    // the unit the header names.
                    cm.kind == Kind::Number
                        && matches!(m.kind, Kind::Money | Kind::Count | Kind::Quantity)
                        && digits
                        && header_unit_agrees(header, m)
                        || (cm.kind == m.kind && cm.unit == m.unit)
                };
                let scale = if cm.kind == Kind::Number { scale } else { 1.0 };
                fits.then(|| {
                    (
                        cm,
                        Interval::new(cm.interval.low * scale, cm.interval.high * scale),
                    )
                })
            })
            .collect();
        if candidates.is_empty() {
            continue;
        }
        examined.push(m.span);
        // A change quotes its column as a size with a direction word (`同比下降 1.5%` for
        // a cell of `-1.5`, `fell 2%` for `-2.0`): compared without sign, as the word
        // and the sign may each carry the direction.
        let unsigned = |i: &Interval| {
            let (a, b) = (i.low.abs(), i.high.abs());
            if i.low <= 0.0 && i.high >= 0.0 {
                Interval::new(0.0, a.max(b))
            } else {
                Interval::new(a.min(b), a.max(b))
            }
        };
        if candidates.iter().any(|(_, i)| {
            i.meets(&stated) || change && unsigned(i).meets(&unsigned(&stated))
        }) {
            continue;
        }
        // Several columns fit: the one whose header names the figure's unit (`18 seats`
        // against `Seats` and `Votes`) is the one quoted.
        let by_unit: Vec<(&Mention, Interval)> = match m.unit.as_deref() {
            Some(u) if candidates.len() > 1 && u.chars().count() >= 3 => {
                let stem = u.to_lowercase();
                let stem = stem.trim_end_matches('s');
                candidates
                    .iter()
                    .filter(|(cm, _)| {
                        row.iter().enumerate().skip(1).any(|(c, cell)| {
                            cell.mention.is_some_and(|i| std::ptr::eq(&ctx.mentions[i], *cm))
                                && t.header.get(c).is_some_and(|h| {
                                    text_of(text, h)
                                        .to_lowercase()
                                        .split(|ch: char| !ch.is_alphanumeric())
                                        .any(|w| w.trim_end_matches('s') == stem)
                                })
                        })
                    })
                    .copied()
                    .collect()
            }
            _ => Vec::new(),
        };
        // Or the one whose Chinese header is written nearest before the figure in its own
        // clause (`一般觀光旅館家數較少，上半年營業收入41.9億元` against `家數`, `客房數` and
        // `營業收入(億元)`; not `其中客房收入128.4億元` after `…營業收入281.5億元`).
        let by_header: Vec<(&Mention, Interval)> = if candidates.len() > 1 && by_unit.len() != 1 {
            let at = |cm: &Mention| {
                row.iter().enumerate().skip(1).find_map(|(c, cell)| {
                    let this = cell.mention.is_some_and(|i| std::ptr::eq(&ctx.mentions[i], cm));
                    let name = without_unit(text_of(text, t.header.get(c)?));
                    (this && !name.is_ascii() && name.chars().count() >= 2)
                        .then(|| own.rfind(name).map(|k| k + name.len()))
                        .flatten()
                })
            };
            let nearest = candidates.iter().filter_map(|(cm, _)| at(cm)).max();
            candidates
                .iter()
                .filter(|(cm, _)| nearest.is_some() && at(cm) == nearest)
                .copied()
                .collect()
        } else {
            Vec::new()
        };
        // Or the one whose header names the figure's year (`4.4 TWh in 2025` against
        // `2024 (TWh)` and `2025 (TWh)`).
        // A figure whose sentence names no year is of the year the article's lead states
        // (`Downstream earnings fell to $1.42 billion` under a lead about the third quarter
        // of 2025, against `Q3 2025 ($bn)` and `Q3 2024 ($bn)`).
        // Only for an amount of money under headers that name its currency: the unit ties
        // the figure to those columns (`41,200 tonnes` is not a cell of `2025 (m)`).
        let year = match f.period.year {
            Year::Unstated
                if m.kind == Kind::Money
                    && years(&text[model.sentences[f.sentence].span.range()]).is_empty() =>
            {
                lead_year.map_or(Year::Unstated, Year::Abs)
            }
            y => y,
        };
        let by_lead = year != f.period.year;
        let by_year: Vec<(&Mention, Interval)> = match year {
            Year::Abs(y) if candidates.len() > 1 => candidates
                .iter()
                .filter(|(cm, _)| {
                    row.iter().enumerate().skip(1).any(|(c, cell)| {
                        cell.mention.is_some_and(|i| std::ptr::eq(&ctx.mentions[i], *cm))
                            && t.header.get(c).is_some_and(|h| {
                                let header = text_of(text, h);
                                let ys = years(header);
                                ys.len() == 1
                                    && i32::from(ys[0]) == y
                                    && (!by_lead
                                        || header.contains(['$', '£', '€', '¥', '元']))
                            })
                    })
                })
                .copied()
                .collect(),
            _ => Vec::new(),
        };
        let chosen = if by_year.len() == 1 {
            &by_year
        } else if by_unit.len() == 1 {
            &by_unit
        } else if by_header.len() == 1 {
            &by_header
        } else {
            &candidates
        };
        let [(cell, scaled)] = chosen[..] else {
            continue;
        };
        let doc = ctx.doc;
        let (said, shown) = (doc.slice(m.span), doc.slice(cell.span));
        let mut finding = Finding::new(
            ID,
            Origin::Builtin(&META),
            severity,
            m.span,
            said,
            format!(
                "`{said}` differs from the table's `{shown}` for `{}`",
                labels[k].0
            ),
        );
        finding.explanation = Some(Explanation {
            inputs: vec![input("text", doc, m), input("cell", doc, cell)],
            formula: "text ~ cell".into(),
            computed: (scaled.low + scaled.high) / 2.0,
            computed_interval: scaled,
            claimed: stated,
            tolerance: ctx.options.tolerance,
        });
        finding.related.push(Related {
            span: cell.span,
            message: format!("the table gives `{shown}`"),
        });
        examined.push(cell.span);
        out.push(finding);
    }
}

/// Words right before a row's name that make the row the whole a share is of (`占全省`).
const SHARE_OF: &[&str] = &["占", "佔", "占到", "佔到", "约占", "約佔"];

/// Whether the row `label` (lower case) is named in `words` right after a word of a share
/// (`三县合计占全省播种面积的`): the row is the whole, the figure another item's share of it.
fn whole_of_share(words: &str, label: &str) -> bool {
    let lower = words.to_lowercase();
    lower.match_indices(label).any(|(at, _)| {
        let before = lower[..at].trim_end();
        SHARE_OF.iter().any(|w| before.ends_with(w))
    })
}

/// Whether the unit a figure carries (`56 points`, three letters or more, a plural as its
/// singular) is a word of `header` (`Points`): the figure's own unit names that column,
/// whatever header word stands earlier in the sentence (`Kestrel Bay won … with 19 wins and
/// 56 points` against `Won` and `Points`).
fn unit_names_header(m: &Mention, header: &str) -> bool {
    let Some(u) = m.unit.as_deref().filter(|u| u.chars().count() >= 3) else {
        return false;
    };
    let stem = u.to_lowercase();
    let stem = stem.trim_end_matches('s');
    header
        .to_lowercase()
        .split(|ch: char| !ch.is_alphanumeric())
        .any(|w| !w.is_empty() && w.trim_end_matches('s') == stem)
}

/// Words that leave out what follows them (`扣除能源`, `excluding energy`, `other than`).
const EXCLUDING: &[&str] = &[
    "扣除", "剔除", "除去", "除了", "除", "不含", "不包括", "不计", "不計", "excluding",
    "except", "ex", "other than", "apart from", "aside from", "besides", "outside", "without",
    "barring",
];

/// Whether the row label (lower case) stands in `words` right after a word that leaves it
/// out (`the`, `for`, `of` between them allowed in English).
fn excluded(words: &str, label: &str) -> bool {
    let lower = words.to_lowercase();
    let Some(at) = lower.rfind(label) else {
        return false;
    };
    let mut before = lower[..at].trim_end();
    for w in ["the", "for", "of"] {
        if let Some(r) = before.strip_suffix(w)
            && (r.is_empty() || r.ends_with(' '))
        {
            before = r.trim_end();
        }
    }
    EXCLUDING.iter().any(|w| {
        before.strip_suffix(w).is_some_and(|r| {
            !w.is_ascii() || r.is_empty() || !r.ends_with(|c: char| c.is_ascii_alphanumeric())
        })
    })
}

/// Words right before a row's name that make it the scope of an item inside it
/// (`within manufacturing`).
const WITHIN: &[&str] = &["within", "inside", "among", "amongst"];

/// Words right after a row's name that make it the scope of an item inside it
/// (`制造业内部`, `三大门类之中`).
const INSIDE: &[&str] = &["内部", "內部", "之中", "当中", "當中", "之内", "之內"];

/// Whether the row label (lower case) stands in `words` as a scope: right after a word of
/// `WITHIN` (`the` between them allowed) or right before a word of `INSIDE`.
fn scope(words: &str, label: &str) -> bool {
    let lower = words.to_lowercase();
    let Some(at) = lower.rfind(label) else {
        return false;
    };
    let mut before = lower[..at].trim_end();
    if let Some(r) = before.strip_suffix("the")
        && (r.is_empty() || r.ends_with(' '))
    {
        before = r.trim_end();
    }
    let after = lower[at + label.len()..].trim_start();
    WITHIN.iter().any(|w| {
        before
            .strip_suffix(w)
            .is_some_and(|r| r.is_empty() || !r.ends_with(|c: char| c.is_ascii_alphanumeric()))
    }) || INSIDE.iter().any(|w| after.starts_with(w))
}

/// Whether a measure read from the figure's own words names the table: an English word of
/// it (three letters or more, a plural as its singular) is a word of the header row or the
/// caption, or a Chinese header name (its unit and words of change left out) or the
/// caption holds it or is held by it, character by character in order (`营收` in
/// `营业收入`).
fn measure_in_table(text: &str, t: &Table, measure: &str) -> bool {
    let (header, caption) = table_heading(text, t);
    let table_words = format!("{header} {caption}").to_lowercase();
    let stem = |w: &str| w.trim_end_matches('s').to_string();
    let english: Vec<String> = table_words
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 3)
        .map(stem)
        .collect();
    let by_word = measure
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 3)
        .any(|w| english.contains(&stem(w)));
    if by_word {
        return true;
    }
    let in_order = |small: &str, big: &str| {
        let mut rest = big;
        small.chars().count() >= 2
            && small.chars().all(|c| match rest.find(c) {
                Some(at) => {
                    rest = &rest[at + c.len_utf8()..];
                    true
                }
                None => false,
            })
    };
    let zh: String = measure.chars().filter(|c| !c.is_ascii()).collect();
    if zh.is_empty() {
        return false;
    }
    let names = t
        .header
        .iter()
        .skip(1)
        .map(|h| {
            let n = without_unit(text_of(text, h));
            GROWTH.iter().fold(n.to_string(), |n, g| n.replace(g, ""))
        })
        .chain(std::iter::once(caption.to_string()));
    names
        .map(|n| n.chars().filter(|c| !c.is_ascii()).collect::<String>())
        .any(|n| in_order(&zh, &n) || in_order(&n, &zh))
}

/// Words that may stand right before a row's name in English without narrowing it: words
/// of grammar, and of the whole (`total`, `overall`).
const UNQUALIFIED: &[&str] = &[
    "the", "a", "an", "its", "their", "our", "his", "her", "total", "overall", "all", "at",
    "in", "of", "for", "from", "by", "and", "or", "while", "with", "but", "whereas", "as",
    "on", "to", "across", "among", "both", "each", "whose", "which", "where", "than",
    "that", "this", "these", "those", "led", "followed", "said", "saw", "was", "were", "is",
    "are", "combined", "only", "also", "though", "although", "then", "when", "after",
    "before", "since", "so", "into", "over", "under", "between", "like", "including",
];

/// Whether the English row label in `own` (the figure's clause up to it) has a word right
/// before it that narrows it (`discounted online`, `Scottish Labour`): a word not of
/// grammar, not a number and not a word of the table's header or caption.
fn qualified(text: &str, t: &Table, own: &str, label: &str) -> bool {
    if !label.is_ascii() {
        return false;
    }
    let lower = own.to_ascii_lowercase();
    let Some(at) = lower.rfind(label) else {
        return false;
    };
    let before = &lower[..at];
    // The label's own word, not a longer one ending in it.
    if before.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        return false;
    }
    // The word before it, or joined to it by a hyphen (`non-food`).
    let rest = before.strip_suffix('-').unwrap_or(before.trim_end_matches(' '));
    let Some(word) = rest
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '\''))
        .next()
        .filter(|w| !w.is_empty())
    else {
        return false;
    };
    if UNQUALIFIED.contains(&word) || word.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let (header, caption) = table_heading(text, t);
    let table_words = format!("{header} {caption}").to_ascii_lowercase();
    !table_words
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w == word)
}

/// Whether the table has a column of changes counted in the same units as its levels: a
/// change header (`Change on month (thousands)`, `增减(万人)`) over amounts, not percentages.
fn amount_change_column(ctx: &Context<'_>, t: &Table) -> bool {
    (1..t.header.len()).any(|k| {
        let header = text(ctx, &t.header[k]);
        let cells: Vec<&Mention> = t
            .rows
            .iter()
            .filter_map(|r| r.get(k).and_then(|c| mention(ctx, c)))
            .collect();
        has_word(header, GROWTH)
            && !header.contains(['%', '％'])
            && cells.len() >= 2
            && cells.iter().all(|m| {
                matches!(m.kind, Kind::Number | Kind::Money | Kind::Count | Kind::Quantity)
            })
    })
}

/// Whether `words` name a column of levels (a header without words of change): one of its
/// English key words as a whole word, or its Chinese name.
fn names_level_column(text: &str, t: &Table, words: &str) -> bool {
    let lower = words.to_lowercase();
    t.header.iter().skip(1).any(|h| {
        let header = text_of(text, h);
        if has_word(header, GROWTH) {
            return false;
        }
        let name = without_unit(header);
        let zh: String = name.chars().filter(|c| !c.is_ascii()).collect();
        (zh.chars().count() >= 2 && lower.contains(&zh))
            || key_words(&header.to_ascii_lowercase()).any(|w| has_word(&lower, &[w]))
    })
}

/// Bases of a change, each a group of words for one base: a figure whose words name one
/// base quotes no column whose header names another (`环比增长 14.2%` is no cell of `同比增长（%）`).
const BASES: &[&[&str]] = &[
    &["同比", "年增", "年減", "year-on-year", "year on year", "yoy"],
    &["环比", "環比", "季增", "季減", "月增", "月減", "quarter-on-quarter", "month-on-month"],
];

/// Whether the words before a prose figure (`own`: its clause; `words`: from the clause that
/// names the row) may name the column `header`, among the table's `headers`:
/// - no other base of change (`BASES`);
/// - a rate named right before the figure (`毛利率回升至 28.4%`) is one the header names;
/// - a Chinese header that names a measure of its own (`游客增长（%）`: 游客) is quoted only
///   when the words name that measure, or name no other column's (`旅游收入 40.8 亿元，同比增长
///   9.2%` is revenue's growth, not visitors').
fn words_fit_header(own: &str, words: &str, header: &str, headers: &[Cell], text: &str) -> bool {
    let lower = words.to_lowercase();
    let head = header.to_lowercase();
    let base_of = |s: &str| BASES.iter().position(|b| b.iter().any(|w| s.contains(w)));
    if let (Some(a), Some(b)) = (base_of(&lower), base_of(&head))
        && a != b
    {
        return false;
    }
    if let Some(rate) = rate_before(own)
        && !header.contains(rate)
    {
        return false;
    }
    let measure = |h: &str| -> Option<String> {
        let name = without_unit(h);
        let m = GROWTH.iter().fold(name.to_string(), |n, g| n.replace(g, ""));
        let m = m.trim().to_string();
        (!m.is_ascii() && m.chars().count() >= 2).then_some(m)
    };
    match measure(header) {
        Some(own_measure) if has_word(header, GROWTH) && !words.contains(&own_measure) => {
            !headers.iter().any(|h| {
                let other = text_of(text, h);
                !has_word(other, GROWTH) && measure(other).is_some_and(|m| words.contains(&m))
            })
        }
        _ => true,
    }
}

/// The Chinese rate word that ends right before a figure's verb (`毛利率回升至`: `毛利率`), the
/// two or three characters ending in 率 nearest the end of `own`.
fn rate_before(own: &str) -> Option<&str> {
    let at = own.rfind('率')?;
    let end = at + '率'.len_utf8();
    let start = own[..at]
        .char_indices()
        .rev()
        .take(2)
        .take_while(|(_, c)| !c.is_ascii() && !"，。；：、（）".contains(*c))
        .last()
        .map(|(k, _)| k)?;
    Some(&own[start..end])
}

/// The columns whose header holds the last header word in `words` (English words of three
/// letters or more, other than words of change, total or unit), or `None` when `words`
/// holds none. One word may head several columns (`Revenue ($m)`, `Revenue change (%)`).
fn last_header_word(text: &str, t: &Table, words: &str) -> Option<Vec<usize>> {
    let lower = words.to_ascii_lowercase();
    let mut best: Option<(usize, Vec<usize>)> = None;
    for (c, h) in t.header.iter().enumerate().skip(1) {
        let header = text_of(text, h).to_ascii_lowercase();
        for w in key_words(&header) {
            let at = lower
                .match_indices(w)
                .filter(|&(i, _)| {
                    let before = lower[..i].chars().next_back();
                    let after = lower[i + w.len()..].chars().next();
                    !before.is_some_and(|ch| ch.is_ascii_alphanumeric())
                        && !after.is_some_and(|ch| ch.is_ascii_alphanumeric())
                })
                .map(|(i, _)| i)
                .last();
            if let Some(at) = at {
                match &mut best {
                    Some((b, cols)) if *b == at => {
                        if !cols.contains(&c) {
                            cols.push(c);
                        }
                    }
                    Some((b, _)) if *b > at => {}
                    _ => best = Some((at, vec![c])),
                }
            }
        }
    }
    best.map(|(_, cols)| cols)
}

/// The words of a column header that name its measure: English words of three letters or
/// more, other than words of change, total, share or unit (lower case).
fn key_words(header: &str) -> impl Iterator<Item = &str> {
    header
        .split(|ch: char| !ch.is_ascii_alphabetic())
        .filter(|w| {
            w.len() >= 3
                && !GROWTH.iter().any(|g| w.eq_ignore_ascii_case(g))
                && !["total", "share", "per", "cent", "percent", "and", "the"]
                    .iter()
                    .any(|g| w.eq_ignore_ascii_case(g))
        })
}

fn text_of<'a>(text: &'a str, c: &Cell) -> &'a str {
    &text[c.span.range()]
}

/// The years (1900–2099) written in `s` as four digits not inside a longer number.
fn years(s: &str) -> Vec<u16> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut k = 0;
    while k < b.len() {
        if !b[k].is_ascii_digit() {
            k += 1;
            continue;
        }
        let start = k;
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        let inside = (start > 0 && matches!(b[start - 1], b',' | b'.'))
            || (k < b.len() && matches!(b[k], b',' | b'.') && b.get(k + 1).is_some_and(u8::is_ascii_digit));
        if k - start == 4
            && !inside
            && let Ok(y) = s[start..k].parse::<u16>()
            && (1900..2100).contains(&y)
        {
            out.push(y);
        }
    }
    out
}

/// The years a table is about: those of its header and of the line right before it.
fn table_years(text: &str, t: &Table) -> Vec<u16> {
    let (header, caption) = table_heading(text, t);
    years(header).into_iter().chain(years(caption)).collect()
}

/// Words that may open an English sentence without being its subject's name.
const OPENERS: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "for", "of", "by", "with", "from", "this", "that",
    "these", "those", "its", "their", "our", "overall", "total", "all", "both", "each",
    "every", "some", "most", "across", "among", "after", "before", "during", "while", "as",
    "but", "and", "over", "under", "last", "next", "first", "according", "sales", "revenue",
];

/// Whether the row label stands only as a modifier after a preposition (`the fastest growth
/// in residential installations, 31%`) in a sentence whose subject is a name the table does
/// not hold (`Scotland recorded …`): the figure is that name's, not the row's.
fn subject_elsewhere(text: &str, t: &Table, sentence: &str, words: &str, label: &str) -> bool {
    if !label.is_ascii() {
        return false;
    }
    let lower = words.to_ascii_lowercase();
    let Some(at) = lower.rfind(label) else {
        return false;
    };
    let before = lower[..at].trim_end();
    if !["in", "of", "among", "for"]
        .iter()
        .any(|p| before.strip_suffix(p).is_some_and(|r| r.ends_with(' ')))
    {
        return false;
    }
    let first = sentence
        .trim_start()
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    if !first.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let name = first.to_ascii_lowercase();
    let (header, caption) = table_heading(text, t);
    let table_words = format!("{header} {caption}").to_ascii_lowercase();
    !OPENERS.contains(&name.as_str())
        && !table_words.contains(&name)
        && !t.rows.iter().any(|r| {
            r.first()
                .is_some_and(|c| text_of(text, c).to_ascii_lowercase().contains(&name))
        })
}

/// The table's header row and its caption (the line before, when it opens the table with a
/// colon or is a heading).
fn table_heading<'a>(text: &'a str, t: &Table) -> (&'a str, &'a str) {
    let Some(first) = t.header.first() else {
        return ("", "");
    };
    let row_start = text[..first.span.start].rfind('\n').map_or(0, |k| k + 1);
    let row_end = text[first.span.start..]
        .find('\n')
        .map_or(text.len(), |k| first.span.start + k);
    // The line before is the table's caption when it opens it (`…如下：`) or is a heading.
    let before = text[..row_start].trim_end();
    let line = before.rfind('\n').map_or(before, |k| &before[k + 1..]);
    let caption = if line.ends_with([':', '：']) || line.starts_with('#') {
        line
    } else {
        ""
    };
    (&text[row_start..row_end], caption)
}

/// The unit a table's caption gives in brackets at its end (`…接待游客（万人次）：`,
/// `Guest nights by region, 2025 (thousands):`), brackets included.
fn caption_unit<'a>(text: &'a str, t: &Table) -> Option<&'a str> {
    let (_, caption) = table_heading(text, t);
    let c = caption.trim_end().trim_end_matches([':', '：']).trim_end();
    let open = c.rfind(['(', '（'])?;
    (c.ends_with([')', '）']) && c.len() - open <= 24).then(|| &c[open..])
}

/// Words of a span of months from the start of a period (`first ten months`, `1—10 月`,
/// `前三季度`, `上半年`, `H1`, `year to date`, `累计`).
const CUMULATIVE: &[&str] = &[
    "first", "months", "half", "h1", "ytd", "year to date", "year-to-date", "cumulative", "前",
    "个月", "個月", "半年", "累计", "累計", "至", "—", "－", "-",
];

/// Words of a part of a year (a month, a quarter, a week).
const PARTS: &[&str] = &[
    "月", "季", "週", "周", "quarter", "quarterly", "month", "monthly", "week", "weekly", "q1",
    "q2", "q3", "q4", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august",
    "september", "october", "november", "december",
];

/// Whether the table's header or caption names a part of a year: without one, the table is
/// of the period its article speaks of.
fn table_names_part(text: &str, t: &Table) -> bool {
    let (header, caption) = table_heading(text, t);
    let words = format!("{header} {caption}").to_lowercase();
    PARTS.iter().any(|w| {
        if w.is_ascii() {
            words
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|t| t == *w || t.strip_suffix('s') == Some(w))
        } else {
            words.contains(w)
        }
    })
}

/// Whether the table's header or caption names a span of months from the start of a period.
fn table_is_cumulative(text: &str, t: &Table) -> bool {
    let (header, caption) = table_heading(text, t);
    let words = format!("{header} {caption}").to_lowercase();
    CUMULATIVE.iter().any(|w| words.contains(w))
}

/// Whether a prose figure carries the unit a column header names (`零售(万辆)`: `辆`;
/// `Budget ($m)`: money). A header naming none agrees with any count or amount.
fn header_unit_agrees(header: &str, m: &Mention) -> bool {
    let lower = header.to_lowercase();
    let Some(k) = lower.find(['(', '（']) else {
        return true;
    };
    let inside = lower[k..].trim_matches(|c: char| "()（） ".contains(c));
    // `平均住用率(%)`: a column of percentages quotes only a percentage.
    if matches!(inside, "%" | "％") {
        return m.kind == Kind::Percent;
    }
    if ["$", "元", "€", "£", "¥", "usd", "eur"]
        .iter()
        .any(|w| inside.contains(w))
    {
        return m.kind == Kind::Money;
    }
    let mut unit = inside.to_string();
    for (w, _) in SCALES {
        unit = unit.replace(w, "");
    }
    let unit = unit.trim();
    if unit.is_empty() || !unit.chars().all(|c| !c.is_ascii()) {
        return true;
    }
    m.unit
        .as_deref()
        .is_some_and(|u| !u.is_empty() && (u.contains(unit) || unit.contains(u)))
}

/// `cell1 + cell2 + …`: the sum of `n` cells, named as the explanation's inputs are.
fn cells_sum(n: usize) -> String {
    (1..=n)
        .map(|k| format!("cell{k}"))
        .collect::<Vec<_>>()
        .join(" + ")
}
