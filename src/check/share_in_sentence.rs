//! The `share_in_sentence` built-in check: mentions and masked text in, findings out.
//!
//! Finds a share stated next to its part and its whole in one sentence (`在 2,400 人中，有
//! 1,536 人（64%）`, `Of the 1,250 firms surveyed, 415 firms (33.2%)`, `312 of the 480
//! respondents (65%)`, `其中民间投资 2,930 亿元，占 56.0%`, `约三成（912 家）`, `a quarter of
//! the 1,600 employees polled (392)`) and checks it against part / whole. Its documentation
//! is `docs/share_in_sentence.md`.

use std::sync::LazyLock;

use regex::Regex;

use super::frames;
use super::sentence::{
    clause_breaks, divide, format_interval, format_number, has_clause_break, input, same_measure,
};
use super::{BuiltinMeta, Context, Explanation, Finding, Origin, Severity};
use crate::extract::{Kind, Mention};
use crate::source::Span;

pub const META: BuiltinMeta = BuiltinMeta {
    id: "share_in_sentence",
    doc: include_str!("docs/share_in_sentence.md"),
    default_severity: Severity::Error,
};

const ID: &str = META.id;

/// After a whole: whether the words make it one (`2,400 人中`, `3,000 家企业里`): `中`, `里`,
/// `当中` or `之中` within the next ten characters, before any clause break or digit.
fn marks_whole(after: &str) -> bool {
    for (k, c) in after.chars().enumerate() {
        if k > 10 || c.is_ascii_digit() || "，,。；;：:".contains(c) {
            return false;
        }
        if c == '中' || c == '里' {
            return true;
        }
    }
    false
}

/// Before a whole: `Of the`, `of`.
static EN_WHOLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^a-z])(?:of|among|amongst)\s+(?:the\s+|all\s+|their\s+|its\s+|his\s+|her\s+|our\s+)?(?:(?:the\s+)?[a-z]+['’]s\s+)?$").expect("static regex")
});

/// Between a part and its share: `（`, ` (`, ` or `, or the rest of the part's clause and
/// `，占` / `，占比` / `，占研发经费的` / `, or`. Written by hand: a regex with counted
/// Unicode classes costs more to build than the check costs to run.
fn part_then_share(gap: &str) -> bool {
    let g = gap.trim();
    // `287 — about 22% —`: a share between dashes is in apposition to its part, as in
    // brackets.
    if matches!(g, "(" | "（" | "or" | "—" | "–" | "--" | "——") {
        return true;
    }
    // `6,217 came back valid (94.8%)`: a short predicate of the part, then its share in
    // brackets.
    if let Some(words) = g.strip_suffix('(') {
        let words = words.trim_end();
        return !words.is_empty()
            && words.split(' ').count() <= 4
            && words.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ');
    }
    let Some(at) = g.rfind([',', '，']) else {
        return false;
    };
    let head = &g[..at];
    let sep = g[at..].chars().next().map_or(1, char::len_utf8);
    let tail = g[at + sep..].trim();
    let plain = |t: &str, most: usize| {
        t.chars().count() <= most
            && !t
                .chars()
                .any(|c| c.is_ascii_digit() || "，,。；;：:()（）".contains(c))
    };
    if !plain(head, 24) {
        return false;
    }
    // `won 80 of them between them, roughly a quarter`: a share in apposition to a part
    // counted out of the whole before it.
    if tail.is_empty() {
        return of_them(head);
    }
    // A loosening hedge may stand before the verb: `约占 20%`.
    let tail = ["大约", "大約", "约", "約"]
        .iter()
        .find_map(|w| tail.strip_prefix(w))
        .unwrap_or(tail);
    // `，得票率 40.05%`, `，比重为 9%`: the noun of a share names it as plainly as `占`.
    let Some(rest) = ["佔比", "佔", "占比", "占", "得票率", "比重", "or", "或"]
        .iter()
        .find_map(|w| tail.strip_prefix(w))
    else {
        return false;
    };
    let rest = rest.trim();
    let rest = ["达到", "達到", "为", "為", "达", "達"]
        .iter()
        .find_map(|w| rest.strip_suffix(w))
        .unwrap_or(rest)
        .trim();
    rest.is_empty() || (rest.ends_with('的') && plain(rest, 12))
}

/// Between a share and its part in brackets: `约三成（912 家）`.
static SHARE_THEN_PART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[（(]\s*$").expect("static regex"));

/// A part, a whole and the share that should be part / whole.
struct Share<'m> {
    share: &'m Mention,
    part: &'m Mention,
    whole: &'m Mention,
}

pub fn check(ctx: &Context<'_>, severity: Severity, examined: &mut Vec<Span>) -> Vec<Finding> {
    let masked = &ctx.doc.masked;
    let mut findings = Vec::new();
    // A share is a percent or a fraction with at least one other figure, asked of the
    // analysis' summary of each sentence and before its dates (never a share) are set aside.
    for s in ctx
        .analysis()
        .checked_sentences_holding(&[Kind::Percent, Kind::Fraction])
    {
        if s.quantities.len() < 2 {
            continue;
        }
        let (index, sentence, qs) = (s.index, s.span, s.quantities);
        let qs = &*super::sentence::without_dates(&ctx.doc.masked, qs);
        // A share needs its part and its whole: three figures, or two in a list item whose
        // whole ends the line opening the list.
        let item_share = qs.len() == 2 && matches!(qs[1].kind, Kind::Percent | Kind::Fraction);
        if qs.len() < 3 && !item_share {
            continue;
        }
        let mut quotes = None;
        for k in 0..qs.len() {
            if !matches!(qs[k].kind, Kind::Percent | Kind::Fraction) {
                continue;
            }
            let Some(s) = share(masked, sentence, qs, k)
                .or_else(|| share_of_list_lead(ctx, index, sentence, qs, k))
            else {
                continue;
            };
            let quotes = quotes.get_or_insert_with(|| frames::quotations(masked, sentence));
            if frames::quoted(quotes, qs[k].span.start) {
                continue;
            }
            ctx.count_relation();
            examined.extend([s.share.span, s.part.span, s.whole.span]);
            findings.extend(judge(ctx, &s, severity));
        }
    }
    findings
}

/// Words that end the line opening a list whose items are parts of the figure before them:
/// `出口總值 6,407.5 億美元，其中：`, `revenue was $10 billion, including:`.
const LIST_LEADS: &[&str] = &[
    "其中：",
    "其中:",
    "其中包括：",
    "包括：",
    "including:",
    "of which:",
    "among them:",
];

/// Whether the line `span` starts on is a Markdown list item (`- `, `* `, `+ `, `• `).
fn list_item(masked: &str, span: Span) -> bool {
    let line = masked[..span.start].rfind('\n').map_or(0, |p| p + 1);
    let head = masked[line..span.end].trim_start();
    ["- ", "* ", "+ ", "• "].iter().any(|m| head.starts_with(m))
}

/// `出口總值 6,407.5 億美元，其中：` then `- 對美國出口 1,982.7 億美元，占 30.9%`: the share of
/// a list item whose first figure is its part, of the whole that ends the line opening the
/// list (the item's own sentence names no whole). The items between are siblings.
fn share_of_list_lead<'m>(
    ctx: &Context<'m>,
    index: usize,
    sentence: Span,
    qs: &[&'m Mention],
    k: usize,
) -> Option<Share<'m>> {
    let masked = &ctx.doc.masked;
    if k != 1 {
        return None;
    }
    let (part, s) = (qs[0], qs[1]);
    // `占 30.9%`, `(37.5%)`, never `占全省的 3.1%`: a share that names its own whole is of
    // that whole, not of the list's.
    let gap = &masked[part.span.end..s.span.start];
    if !is_part_kind(part)
        || gap.contains(['的', '之'])
        || gap.contains(" of ")
        || !part_then_share(gap)
        || !list_item(masked, sentence)
    {
        return None;
    }
    let analysis = ctx.analysis();
    for j in (0..index).rev() {
        let lead = analysis.sentence(j);
        if list_item(masked, lead.span) {
            continue;
        }
        let text = masked[lead.span.range()].trim_end();
        let whole = *lead.quantities.last()?;
        let after = masked[whole.span.end..lead.span.end].trim();
        let opens = LIST_LEADS.iter().any(|w| {
            text.ends_with(w)
                && after
                    .strip_suffix(w)
                    .is_some_and(|rest| matches!(rest.trim(), "" | "，" | ","))
        });
        return (opens && fits(part, whole)).then_some(Share {
            share: s,
            part,
            whole,
        });
    }
    None
}

fn is_part_kind(m: &Mention) -> bool {
    matches!(
        m.kind,
        Kind::Count | Kind::Money | Kind::Quantity | Kind::Number
    )
}

/// Whether `part` can be a part of `whole`: the same measure, or a bare number counted by
/// the whole's noun (`312 of the 480 respondents`).
fn fits(part: &Mention, whole: &Mention) -> bool {
    same_measure(part, whole)
        || (part.kind == Kind::Number && whole.kind == Kind::Count)
        || same_person_counter(part, whole)
}

/// Counters of people, which a sentence may change between its whole and its part
/// (`2,036 名受访者中，有 1,142 人`): they count one thing.
const PERSON_COUNTERS: &[&str] = &["人", "名", "位"];

fn same_person_counter(a: &Mention, b: &Mention) -> bool {
    let person = |m: &Mention| {
        m.kind == Kind::Count
            && m.unit
                .as_deref()
                .is_some_and(|u| PERSON_COUNTERS.contains(&u))
    };
    person(a) && person(b)
}

/// The part and whole of the share `qs[k]`, if the words make them certain.
fn share<'m>(masked: &str, sentence: Span, qs: &[&'m Mention], k: usize) -> Option<Share<'m>> {
    let s = qs[k];
    let gap = |x: &Mention, y: &Mention| &masked[x.span.end..y.span.start];
    // `a quarter of the 1,600 employees polled (392)`.
    if let (Some(&w), Some(&p)) = (qs.get(k + 1), qs.get(k + 2))
        && EN_WHOLE_BEFORE.is_match(gap(s, w))
        && (fits(p, w) || (p.kind == Kind::Number && w.kind == Kind::Number))
        && is_part_kind(p)
        && !has_clause_break(gap(w, p))
        && gap(w, p).trim_end().ends_with(['(', '（'])
    {
        return Some(Share {
            share: s,
            part: p,
            whole: w,
        });
    }
    // `5 of the 650 seats, less than 1% of them`: the share after a comma, its whole named
    // back by `of them`.
    if let (Some(pi), Some(wi)) = (k.checked_sub(2), k.checked_sub(1))
        && matches!(gap(qs[wi], s).trim(), "," | "，")
        && of_them(&masked[s.span.end..])
        && EN_WHOLE_BEFORE.is_match(gap(qs[pi], qs[wi]))
        && fits(qs[pi], qs[wi])
        && is_part_kind(qs[pi])
    {
        return Some(Share {
            share: s,
            part: qs[pi],
            whole: qs[wi],
        });
    }
    // `约三成（912 家）`: the part in brackets after the share.
    let (part_at, part) = if let Some(&p) = qs.get(k + 1)
        && SHARE_THEN_PART.is_match(gap(s, p))
        && is_part_kind(p)
    {
        (k + 1, p)
    } else {
        let at = k.checked_sub(1)?;
        let p = qs[at];
        if !is_part_kind(p) || !part_then_share(gap(p, s)) {
            return None;
        }
        (at, p)
    };
    // `312 of the 480 respondents (65%)`: the figure before is the part, this one the whole.
    if part_at + 1 == k
        && let Some(at) = part_at.checked_sub(1)
        && EN_WHOLE_BEFORE.is_match(gap(qs[at], part))
        && fits(qs[at], part)
        && gap(part, s).trim_start().starts_with(['(', '（'])
    {
        return Some(Share {
            share: s,
            part: qs[at],
            whole: part,
        });
    }
    // `540, or 45%, of the 1,200 respondents`: the whole right after the share.
    if part_at + 1 == k
        && let Some(&w) = qs.get(k + 1)
        && matches!(
            gap(s, w).trim(),
            ", of the" | ", of all" | ", of all the" | "of the" | "of all"
        )
        && gap(part, s).trim() == ", or"
        && fits(part, w)
    {
        return Some(Share {
            share: s,
            part,
            whole: w,
        });
    }
    let whole = whole_before(masked, sentence, qs, part, part_at.min(k))?;
    // After a predicate (`3,318 were returned`), a figure of the whole's measure between the
    // whole and the part may be the part's own whole: `2,950 were valid (88.9%)` of those
    // returned.
    let predicate = part_at < k && gap(part, s).trim().len() > 1 && gap(part, s).trim().ends_with('(');
    if predicate
        && qs
            .iter()
            .any(|q| q.span.start > whole.span.end && q.span.end < part.span.start && fits(q, whole))
    {
        return None;
    }
    fits(part, whole).then_some(Share {
        share: s,
        part,
        whole,
    })
}

/// The whole that the figures from `qs[until]` on are parts of: a figure marked as a whole
/// (`2,400 人中`, `Of the 1,250 firms`), or the figure right before a `其中` / `of which`
/// clause, looked for back from `until` within the sentence.
/// Whether `text` opens with `of them` (`of those`, `of these`): the figure before it is a
/// part of the whole named earlier in the sentence.
fn of_them(text: &str) -> bool {
    let t = text.trim_start();
    ["of them", "of those", "of these"].iter().any(|w| {
        t.strip_prefix(w)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphabetic()))
    })
}

fn whole_before<'m>(
    masked: &str,
    sentence: Span,
    qs: &[&'m Mention],
    part: &Mention,
    until: usize,
) -> Option<&'m Mention> {
    // `126 medals, 40 of them gold`: the nearest figure the part fits is its whole.
    let counted_out = of_them(&masked[part.span.end..]);
    for j in (0..until).rev() {
        let w = qs[j];
        if counted_out && fits(part, w) {
            return Some(w);
        }
        let before = &masked[sentence.start..w.span.start];
        let floor = j.checked_sub(1).map_or(sentence.start, |p| qs[p].span.end);
        let after = &masked[w.span.end..qs[j + 1].span.start];
        let marked = marks_whole(after)
            || (EN_WHOLE_BEFORE.is_match(&masked[floor..w.span.start]) && before.len() < 40);
        let of_which = {
            let rest = &masked[w.span.end..part.span.start];
            clause_breaks(rest).next().is_some_and(|b| {
                let clause = rest[b..].trim_start();
                clause.starts_with("其中") || clause.starts_with("of which")
            })
        };
        if (marked || of_which) && fits(part, w) {
            return Some(w);
        }
    }
    None
}

fn judge(ctx: &Context<'_>, s: &Share<'_>, severity: Severity) -> Option<Finding> {
    let q = divide(s.part.interval, s.whole.interval)?;
    if q.meets(&s.share.interval) {
        return None;
    }
    let value = s.part.value / s.whole.value;
    if !value.is_finite() {
        return None;
    }
    let doc = ctx.doc;
    let n_text = doc.slice(s.share.span);
    let message = format!(
        "`{n_text}` does not match `{}` of `{}`: {}% (the figures allow {})",
        doc.slice(s.part.span),
        doc.slice(s.whole.span),
        format_number(value * 100.0),
        format_interval(q),
    );
    let mut finding = Finding::new(ID, Origin::Builtin(&META), severity, s.share.span, n_text, message);
    finding.explanation = Some(Explanation {
        inputs: vec![
            input("part", doc, s.part),
            input("whole", doc, s.whole),
            input("share", doc, s.share),
        ],
        formula: "share ~ part / whole".into(),
        computed: value,
        computed_interval: q,
        claimed: s.share.interval,
        tolerance: ctx.options.tolerance,
    });
    finding.notes.push(
        "the part, the whole or the share may be the wrong figure, so no rewrite is offered".into(),
    );
    Some(finding)
}

#[cfg(test)]
mod tests {
    use super::super::sentence::testing::{run, spec};
    use super::*;

    #[test]
    fn parts_counted_out_and_list_items() {
        assert!(of_them(" of them gold ("));
        assert!(!of_them(" of themselves"));
        assert!(part_then_share(" of them between them, "));
        assert!(part_then_share("，得票率 "));
        assert!(part_then_share("，比重为 "));
        let text = "总额 10 亿元，其中：\n- 甲 3 亿元，占 30%\n";
        let item = text.find("甲").expect("item");
        assert!(list_item(text, Span::new(item, text.len())));
        assert!(!list_item(text, Span::new(0, 10)));
    }


    #[test]
    fn a_share_after_a_predicate_of_the_part() {
        let s = "Of the 4,200 ballots mailed out, 3,318 came back valid (79.0%).";
        let specs = |p: f64| {
            [
                spec("4,200 ballots", Kind::Count, 4200.0, 0.5, "ballots"),
                spec("3,318", Kind::Number, 3318.0, 0.5, ""),
                spec("79.0%", Kind::Percent, p, 0.0005, "%"),
            ]
        };
        assert!(run(check, s, &specs(0.79)).is_empty());
        assert_eq!(run(check, s, &specs(0.709)).len(), 1);
        // A figure of the whole's measure between the whole and the part may be the part's
        // own whole: nothing is certain.
        let s = "Of the 4,200 ballots mailed out, 3,318 were returned; 2,950 were valid (88.9%).";
        let specs = [
            spec("4,200 ballots", Kind::Count, 4200.0, 0.5, "ballots"),
            spec("3,318", Kind::Number, 3318.0, 0.5, ""),
            spec("2,950", Kind::Number, 2950.0, 0.5, ""),
            spec("88.9%", Kind::Percent, 0.889, 0.0005, "%"),
        ];
        assert!(run(check, s, &specs).is_empty());
    }

    #[test]
    fn part_in_brackets_after_a_marked_whole() {
        let s = "在接受调查的 2,400 人中，有 1,536 人（64%）表示愿意。";
        let specs = |p: f64| {
            [
                spec("2,400 人", Kind::Count, 2400.0, 0.5, "人"),
                spec("1,536 人", Kind::Count, 1536.0, 0.5, "人"),
                spec("64%", Kind::Percent, p, 0.005, "%"),
            ]
        };
        assert!(run(check, s, &specs(0.64)).is_empty());
        let f = run(check, s, &specs(0.46));
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("64%"), "{}", f[0].message);
    }

    #[test]
    fn words_between_part_and_share() {
        assert!(part_then_share("（"));
        assert!(part_then_share("，占 "));
        assert!(part_then_share("个县实现全覆盖，占比 "));
        assert!(part_then_share("，占研发经费的 "));
        assert!(part_then_share("人表示会增加消费，约占 "));
        assert!(part_then_share("，佔 "));
        assert!(part_then_share(" came back valid ("));
        assert!(!part_then_share(" came back in 2023 ("));
        assert!(!part_then_share(" were carried over from the old plan ("));
        assert!(part_then_share(", or "));
        assert!(!part_then_share("，有效回收率为 "));
        assert!(!part_then_share("，一般贸易进出口占进出口总额的 "));
        assert!(marks_whole("人中，有 "));
        assert!(marks_whole("企业里，约"));
        assert!(!marks_whole("，其中民间投资 "));
    }

    #[test]
    fn a_share_without_its_part_is_silent() {
        let s = "全市 1,200 家企业中有 300 家开展出口业务，出口企业中 45% 为外资企业。";
        let specs = [
            spec("1,200 家", Kind::Count, 1200.0, 50.0, "家"),
            spec("300 家", Kind::Count, 300.0, 50.0, "家"),
            spec("45%", Kind::Percent, 0.45, 0.005, "%"),
        ];
        assert!(run(check, s, &specs).is_empty());
    }
}
