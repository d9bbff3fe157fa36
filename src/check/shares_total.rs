//! The `shares_total` built-in check: the article's facts in, findings out.
//!
//! Finds shares of one whole listed together (`分别占 34.2%、41.5% 和 31.8%`, `占 31.5%，…占
//! 27.8%`, `38% said …, 27% …`, a sentence that goes on with `Another 33%`) and checks that
//! they do not add up to more than 100% beyond rounding, and to 100% when the words say they
//! are the whole (a share for the rest: `其余`, `其他`, `others`). Its documentation is
//! `docs/shares_total.md`.

use super::sentence::{input, related};
use crate::eval::{brief as format_number, brief_interval as format_interval};
use super::{BuiltinMeta, Context, Explanation, Finding, Origin, Severity};
use crate::analysis::facts::{self as whole, Fact, Need, Probe, Role, Whole};
use crate::eval::Interval;
use crate::extract::{Hedge, Kind};
use crate::source::Span;

pub const META: BuiltinMeta = BuiltinMeta {
    id: "shares_total",
    doc: include_str!("docs/shares_total.md"),
    default_severity: Severity::Warning,
};

const ID: &str = META.id;

/// Words between two shares that end a list: a comparison, a superlative, another group.
const BREAKS: &[&str] = &[
    "比", "较", "高于", "低于", "最高", "最低", "其中", "中", "提高", "下降", "增长", "compared",
    "against", "versus", "than", "highest", "lowest", "most", "least", "from", "among", "up",
    "down",
    // A rate of another base than the whole: turnout, participation, growth.
    "turnout", "participation", "growth", "投票率", "参选率", "参与率", "参保率", "增速",
    // Another round or time: its shares are of another whole.
    "上届", "上一届", "上年", "去年", "previous", "last", "prior", "earlier",
    // Another place (`李四在北区得票率 61%`): a share of that place's whole.
    "在",
    // One share at two times (`比重由 64.7% 升至 66.2%`): the verb that takes a figure to
    // its new value joins a change, never two parts of a whole. (A bare change word does
    // not: survey answers are named by them, `会增加`, `会减少`.)
    "降至", "升至", "增至", "减至", "減至", "降到", "升到", "增到", "落至", "高至", "跌至",
    "涨至", "漲至", "大至", "小至", "滑至",
];

/// Labels of a share that stands for the rest: with one, the shares are the whole.
const REST: &[&str] = &[
    "其他",
    "其余",
    "其它",
    "others",
    "other",
    "the rest",
    "remaining",
];

/// Openings of a sentence that go on with the shares of the sentence before.
const CONTINUE: &[&str] = &["Another", "另有", "还有"];

/// Whether sentence `si` opens with `Another`, `另有`, `还有` right before its first figure
/// (`Another 31% expected …`, `另有 16.8% 表示…`); `Another question found 47% …` goes on with
/// no list.
fn continues(ctx: &Context<'_>, model: &Whole, si: usize) -> bool {
    let s = &model.sentences[si];
    let Some(first) = model.facts_of(si).first() else {
        return false;
    };
    let head = &ctx.doc.masked[s.span.start..ctx.mentions[first.mention].span.start];
    CONTINUE.iter().any(|w| {
        head.strip_prefix(w).is_some_and(|rest| {
            let rest = rest.trim().to_ascii_lowercase();
            ["", "some", "about", "nearly", "almost", "around", "约", "近", "有"].contains(&rest.as_str())
        })
    })
}

/// Verbs right after a bare percentage that make it a share of the people counted, the
/// percentage being the subject (`46% expected prices to fall`, `12% were unsure`).
const RESPONDENT_VERBS: &[&str] = &[
    "said", "say", "says", "expected", "expect", "expects", "were", "was", "are", "is",
    "planned", "plan", "plans", "wanted", "want", "wants", "preferred", "prefer", "chose",
    "picked", "named", "backed", "supported", "support", "opposed", "oppose", "agreed",
    "agree", "disagreed", "disagree", "favoured", "favored", "favour", "favor", "rated",
    "reported", "thought", "think", "believed", "believe", "felt", "feel", "intended",
    "intend", "gave", "cited", "answered", "replied", "had", "have", "did", "do", "would",
];

/// The people a survey counts, after `N% 的`.
const PEOPLE_ZH: &[&str] = &[
    "受访", "被访", "被调查", "调查对象", "居民", "家庭", "网民", "消费者", "用户", "市民",
    "村民", "选民", "学生", "毕业生", "员工", "职工", "企业", "游客", "患者", "农户", "投票者",
];

/// Verbs of answering right after a percentage in Chinese (`31% 认为基本持平`).
const ANSWER_VERBS_ZH: &[&str] = &[
    "认为", "表示", "预计", "选择", "支持", "反对", "希望", "计划", "愿意", "赞成", "满意",
    "不满意", "打算", "倾向",
];

/// Words for the rest right before a share's figure (`made up the remaining 16.4%`).
const REST_BEFORE: &[&str] = &["remaining", "the rest", "其余", "其他", "其它", "剩余"];

/// Verbs that take a share of the whole named in the sentence before, when they stand with
/// a bare percentage (`The Progressives took 39.5%, the Greens 13.6%`).
const TAKE: &[&str] = &[
    "took", "won", "got", "received", "captured", "secured", "garnered", "drew", "polled",
    "claimed", "获得", "赢得", "拿下", "得到",
];

/// Words before the first such figure that name another whole (`In the capital, Kessler
/// took 58%`): the figures are not the rest of the list before.
const SCOPE: &[&str] = &[
    "in", "among", "at", "across", "within", "outside", "for", "of", "在", "中", "其中", "分",
];

/// The check reads facts across sentences and paragraphs (a list continued in the next sentence or in the Markdown items after it): it needs every sentence's.
pub(super) fn need(_: &Probe<'_>) -> Need {
    Need::This
}

pub(super) fn check(
    ctx: &Context<'_>,
    severity: Severity,
    examined: &mut Vec<Span>,
) -> Vec<Finding> {
    let model = ctx.whole();
    let mut out = Vec::new();
    let mut carried: Option<(usize, Vec<usize>)> = None;
    for si in 0..model.sentences.len() {
        let start = model.sentences[si].facts.start;
        let groups = groups(ctx, model, si);
        let body = &ctx.doc.masked[model.sentences[si].span.range()];
        let mut groups = groups;
        // `Another 33% said …` goes on with the last list of the sentence before, and so
        // does a sentence whose first share is the rest (`Visitors from other countries made
        // up the remaining 16.4%`).
        let mut joined = false;
        let rest_first = groups.first().is_some_and(|g| {
            g.first()
                .is_some_and(|&i| i == start && closes(label(ctx, &model.facts[i])))
        });
        if (continues(ctx, model, si) || rest_first)
            && let Some((prev, mut list)) = carried.take()
            && prev + 1 == si
            && model.sentences[prev].paragraph == model.sentences[si].paragraph
            && let Some(first) = groups.first_mut()
            && first.first().is_some_and(|&i| i == start)
            && same_named_whole(ctx, model, list[0], start)
        {
            list.append(first);
            *first = list;
            joined = true;
        }
        // `The Progressives took 39.5%, the Greens 13.6% and others 7.9%.` right after `The
        // Liberals won 41.8% of the popular vote`: bare figures taken by others, of the
        // whole the sentence before named.
        if groups.is_empty()
            && let Some((prev, list)) = carried.as_ref()
            && *prev + 1 == si
            && model.sentences[*prev].paragraph == model.sentences[si].paragraph
            && let Some(more) = elliptic(ctx, model, si, false)
        {
            let mut list = list.clone();
            list.extend(more);
            groups = vec![list];
        }
        // `By share of the valid vote, Nair took 42.9%, Hollis 33.1% …`: the opening names
        // the whole, and the figures are taken by one name each.
        // (`elliptic` first: it turns most sentences away at their first figure, which
        // costs less than searching every opening for the words of a whole.)
        if groups.is_empty()
            && let Some(first) = model.facts_of(si).first()
            && let Some(list) = elliptic(ctx, model, si, true)
            && contains_any(
                &ctx.doc.masked[model.sentences[si].span.start..ctx.mentions[first.mention].span.start],
                WHOLE,
            )
        {
            groups = vec![list];
        }
        // `各技术路线占新增装机的比重：` or `The other parties took:` and a Markdown list, one
        // share per item.
        if groups.is_empty()
            && body.trim_end().ends_with([':', '：'])
            && !several_answers(body)
            && let Some(items) = list_items(ctx, model, si)
        {
            let opening: Vec<String> = words_of(body.trim_end().trim_end_matches([':', '：']));
            if contains_any(body, WHOLE) || is_breakdown(body) {
                groups = vec![items];
            } else if opening.last().is_some_and(|w| takes(w))
                && !opening.iter().any(scoped)
                && let Some((prev, list)) = carried.as_ref()
                && *prev + 1 == si
                && model.sentences[*prev].paragraph == model.sentences[si].paragraph
            {
                let mut list = list.clone();
                list.extend(items);
                groups = vec![list];
            }
        }
        carried = groups.last().cloned().map(|g| (si, g));
        // A question that allows several answers, said in the sentence or in the one just
        // before it in the paragraph (`本题可多选。`, `Shoppers could name more than one
        // reason: …`): its answer shares may add up to anything.
        let several =
            |k: usize| several_answers(&ctx.doc.masked[model.sentences[k].span.range()]);
        if groups.iter().any(|g| g.len() >= 2)
            && (several(si)
                || (si > 0
                && model.sentences[si - 1].paragraph == model.sentences[si].paragraph
                && several(si - 1)))
        {
            continue;
        }
        for (gi, g) in groups.into_iter().enumerate() {
            if g.len() >= 2
                && (!answer(ctx, &model.facts[g[0]])
                    || (joined && gi == 0)
                    || one_question(ctx, model, &g))
                && let Some(f) = judge(ctx, model, &g, severity, examined)
            {
                out.push(f);
            }
        }
    }
    out
}

fn is_percent(ctx: &Context<'_>, f: &Fact) -> bool {
    ctx.mentions[f.mention].kind == Kind::Percent
}

/// Whether a percentage read as a level is the subject of a verb of answering (`46%
/// expected prices to fall`, `12% were unsure`, `31% 认为…`): a share of the people asked. A
/// percentage with a change verb, a basis, a period or a hedge of its own is not.
fn answers(ctx: &Context<'_>, f: &Fact) -> bool {
    f.role == Role::Level && answer(ctx, f)
}

/// Whether a percentage is a share only as the subject of a verb of answering (`38%
/// said …`, `46% expected …`): no word of share before it (`占`, `made up`) and no whole
/// after it (`of respondents`).
fn answer(ctx: &Context<'_>, f: &Fact) -> bool {
    let m = &ctx.mentions[f.mention];
    let text = &ctx.doc.masked;
    // `Some 71% of adults said they …`: the people asked named after the figure, then the
    // verb of answering; a hedge on the figure does not change whose answer it is.
    if matches!(f.role, Role::Level | Role::Share)
        && f.basis == 0
        && !f.period.is_stated()
        && !contains_any(label(ctx, f), SHARE_LABELS)
        && people_answering(&text[m.span.end..])
    {
        return true;
    }
    if !matches!(f.role, Role::Level | Role::Share)
        || f.basis != 0
        || f.period.is_stated()
        || m.hedge.is_some()
        || contains_any(label(ctx, f), SHARE_LABELS)
    {
        return false;
    }
    let after = text[m.span.end..after_end(text, m.span.end)].trim_start();
    if !after.is_ascii() {
        // `46% 的受访者预计…`, `31% 认为…`.
        let people = after
            .strip_prefix('的')
            .is_some_and(|r| PEOPLE_ZH.iter().any(|w| r.trim_start().starts_with(w)));
        return people || ANSWER_VERBS_ZH.iter().any(|w| after.starts_with(w));
    }
    let next = after
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    RESPONDENT_VERBS.contains(&next.as_str())
}

/// Whether the words after a percentage are `of`, the people (at most three words) and a
/// verb of answering: `of adults said`, `of those asked expected`.
fn people_answering(after: &str) -> bool {
    let Some(rest) = after.trim_start().strip_prefix("of ") else {
        return false;
    };
    // Whole words only, up to the clause's end: `down` is not `do`.
    let clause = rest.split([',', ';', '.', '，', '。', '；']).next().unwrap_or("");
    clause
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(4)
        .skip(1)
        .any(|w| RESPONDENT_VERBS.contains(&w.to_ascii_lowercase().as_str()))
}

/// Words of a share before its figure: with one, a percentage is a share by its words.
const SHARE_LABELS: &[&str] = &[
    "占", "比重", "比例", "份额", "share", "accounted for", "account for", "accounting for",
    "made up", "make up", "making up",
];

/// Pairs of answers to one question: with both in a list, its answers are one whole. Only
/// stances: `成本增加` and `收入减少`, or `a rise in costs` and `a fall in sales`, may answer
/// two questions.
const OPPOSITES: &[(&str, &str)] = &[
    ("supported", "opposed"),
    ("support", "oppose"),
    ("backed", "opposed"),
    ("agreed", "disagreed"),
    ("agree", "disagree"),
    ("favoured", "opposed"),
    ("favored", "opposed"),
    ("for", "against"),
    ("yes", "no"),
    ("支持", "反对"),
    ("赞成", "反对"),
    ("支持", "反對"),
    ("贊成", "反對"),
];

/// Whether a list opened by a percentage of answers (`46% expected …`, `42% 的受访者表示…`),
/// not by a word of share, gives the answers to one question: one of them is the rest
/// (`the remaining 12%`, `其余`), or two of them are opposite answers (`supported` and
/// `opposed`). Answers to different questions (`42% 的受访者表示成本降低了，59% 的受访者表示收入增加了`)
/// are not one whole.
fn one_question(ctx: &Context<'_>, model: &Whole, group: &[usize]) -> bool {
    let text = &ctx.doc.masked;
    // `另有 23.6% 的企业表示…`, `another 12% …`: a further group of the same people.
    if group.iter().any(|&i| {
        let l = label(ctx, &model.facts[i]);
        rests(l) || contains_any(l, &["另有", "another"])
    }) {
        return true;
    }
    let first = &ctx.mentions[model.facts[group[0]].mention];
    let last = &model.facts[group[group.len() - 1]];
    let end = last.clause.end.max(ctx.mentions[last.mention].span.end);
    let words = text[first.span.start..end].to_ascii_lowercase();
    let has = |w: &str| {
        if w.is_ascii() && !w.contains([' ', '\'']) {
            words.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| t == w)
        } else {
            words.contains(w)
        }
    };
    OPPOSITES.iter().any(|(a, b)| has(a) && has(b))
        || UNDECIDED.iter().any(|w| has(w))
        || elided_answers(ctx, model, group)
}

/// Whether every answer after the first leaves out the verb of answering and is joined to
/// the one before by a comma or `and` alone (`58% said they shopped online weekly, 31%
/// monthly and 17% less often`): the first one's verb asks one question of all of them.
fn elided_answers(ctx: &Context<'_>, model: &Whole, group: &[usize]) -> bool {
    let text = &ctx.doc.masked;
    group[1..].iter().all(|&i| {
        let f = &model.facts[i];
        let m = &ctx.mentions[f.mention];
        // The words of the share before may trail into the label (`31% monthly and`).
        let l = label(ctx, f).trim();
        let joined = l.is_empty()
            || l.ends_with([',', '，', '、'])
            || ["and", "or"].iter().any(|w| {
                l.strip_suffix(w)
                    .is_some_and(|r| r.is_empty() || r.ends_with(' '))
            })
            || l.ends_with('和')
            || l.ends_with('及');
        let after = text[m.span.end..after_end(text, m.span.end)].trim_start();
        let next = after
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        // `31% in the south`, `31% among renters`: a share of another group; `31% on
        // energy`, `64% wages to rise`: the first one's verb with another object, so
        // another question.
        let words: Vec<String> = after
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .take(3)
            .map(str::to_ascii_lowercase)
            .collect();
        // A verb of its own a word or two on (`64% wages had not kept pace`): a clause of
        // its own, another question.
        let another = words.iter().any(|w| {
            [
                "of", "in", "among", "at", "for", "across", "within", "from", "on", "to", "about",
                "with", "by", "would", "will", "has", "could", "should",
            ]
            .contains(&w.as_str())
        }) || words
            .iter()
            .skip(1)
            .any(|w| RESPONDENT_VERBS.contains(&w.as_str()));
        let verb = RESPONDENT_VERBS.contains(&next.as_str())
            || another
            || after.starts_with('的')
            || ANSWER_VERBS_ZH.iter().any(|w| after.starts_with(w));
        joined && !verb
    })
}

/// Answers that only a full set of answers to one question holds: the undecided.
const UNDECIDED: &[&str] = &[
    "undecided", "unsure", "not sure", "don't know", "did not know", "no opinion", "no view",
    "尚未决定", "没有决定", "不确定", "说不清", "不清楚", "没想好", "未决定", "尚未決定", "不確定",
];

/// Where the words right after a figure end: a little past it, on a character boundary.
fn after_end(text: &str, from: usize) -> usize {
    let mut end = (from + 24).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Whether two shares (fact indices) name no different wholes after their figures.
fn same_named_whole(ctx: &Context<'_>, model: &Whole, a: usize, b: usize) -> bool {
    let named = |i: usize| whole_after(ctx, &ctx.mentions[model.facts[i].mention]);
    match (named(a), named(b)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// The whole an English share names right after its figure: `56% of men` → `men`
/// (`the`, `all` passed over).
fn whole_after(ctx: &Context<'_>, m: &crate::extract::Mention) -> Option<String> {
    let text = &ctx.doc.masked;
    let after = text[m.span.end..after_end(text, m.span.end)].trim_start();
    let mut words = after
        .strip_prefix("of ")?
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty());
    let mut w = words.next()?;
    while matches!(w, "the" | "all" | "those" | "these") {
        w = words.next()?;
    }
    Some(w.to_ascii_lowercase())
}

/// Whether a share's words end with a word for the rest right before its figure (`the
/// remaining 16.4%`, `其余品种占 7.3%`) or open with one: the share closes the list before it.
fn rests(label: &str) -> bool {
    let t = label
        .trim_end()
        .trim_end_matches(['占', '为'])
        .trim_end()
        .to_ascii_lowercase();
    is_rest(label) || REST_BEFORE.iter().any(|w| t.ends_with(w))
}

/// Whether a share that opens a sentence closes the list of the sentence before: the word
/// for the rest stands right before its figure (`made up the remaining 16.4%`, `其余 8.1%`), or
/// opens a short label (`其余地区占`, `Others accounted for`). A longer label that opens with
/// such a word names a group of its own (`其他省份来的流动人口占 12.1%`).
fn closes(label: &str) -> bool {
    let t = label
        .trim_end()
        .trim_end_matches(['占', '为', '為', '佔'])
        .trim_end()
        .to_ascii_lowercase();
    if REST_BEFORE.iter().any(|w| t.ends_with(w)) {
        return true;
    }
    let t = t.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '，' | '、' | '；' | ';' | '-' | '*')
    });
    let t = t.strip_prefix("另有").unwrap_or(t);
    if ["others ", "the rest ", "all others "]
        .iter()
        .any(|w| t.starts_with(w))
    {
        return true;
    }
    ["其余", "其他", "其它", "其餘"].iter().any(|w| {
        t.strip_prefix(w).is_some_and(|rest| {
            let head = rest.split(['占', '为', '為', '佔']).next().unwrap_or(rest);
            head.chars().count() <= 4
        })
    })
}

fn label<'a>(ctx: &'a Context<'_>, f: &Fact) -> &'a str {
    &ctx.doc.masked[f.label.range()]
}

fn breaks(label: &str) -> bool {
    // The English words as whole words, ASCII case aside: one pass over the label's words
    // (a split of a lower-cased copy for each word cost more than the rest of `groups`).
    // (Each Chinese character splits off an empty word: only an empty entry would match it.)
    let empty = BREAKS.iter().any(|w| w.is_empty());
    let english = label.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| {
        if t.is_empty() {
            return empty;
        }
        BREAKS.iter().any(|w| {
            t.len() == w.len()
                && w.is_ascii()
                && t.bytes().zip(w.bytes()).all(|(a, b)| a.to_ascii_lowercase() == b)
        })
    });
    if english {
        return true;
    }
    BREAKS.iter().any(|w| {
        if w.is_ascii() {
            // Read above.
            false
        } else if *w == "比" || *w == "較" || *w == "较" {
            // `比上年` compares; `比重`, `比例`, `占比` name a share.
            label.match_indices(w).any(|(k, _)| {
                let next = label[k + w.len()..].chars().next();
                let prev = label[..k].chars().next_back();
                !matches!(next, Some('重' | '例' | '率')) && !matches!(prev, Some('占' | '佔'))
            })
        } else if *w == "中" {
            // `马拉松中女性占` (among) ends a list; `中国`, `中部` name places.
            label.match_indices('中').any(|(k, _)| {
                !label[k + '中'.len_utf8()..].starts_with(|c: char| NOT_AMONG.contains(c))
                    && !label[..k].ends_with(|c: char| NOT_AMONG_AFTER.contains(c))
            })
        } else {
            label.contains(w)
        }
    })
}

/// Characters after `中` that make it the first of a word (`中国`, `中部`, `中小企业`), not
/// `among`.
const NOT_AMONG: &str = "国國部心学學小等型央医醫高信華华东東西南北文资資外";

/// Characters before `中` that make it the last of a word (`华中地区`, `集中`, `居中`), not
/// `among`.
const NOT_AMONG_AFTER: &str = "华華集居适適";

/// The lists of shares in one sentence, as fact indices.
fn groups(ctx: &Context<'_>, model: &Whole, si: usize) -> Vec<Vec<usize>> {
    let range = model.sentences[si].facts.clone();
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut open: Option<Vec<usize>> = None;
    let mut respectively = false;
    // The unit of the amounts the open list's shares follow (`稅課收入 1,012.4 億元，占
    // 71.0%；補助收入 297.5 億元，占 20.9%`), when its first share followed one.
    let mut paired: Option<(Kind, Option<&str>)> = None;
    // The end of the last figure read as words of the open list's last answer.
    let mut inner_end: Option<usize> = None;
    for i in range.clone() {
        let f = &model.facts[i];
        let l = label(ctx, f);
        // An amount whose share follows it, as the open list's first share followed its
        // own, is the next part's amount: it does not end the list.
        if open.is_some()
            && let Some(unit) = paired
            && range.contains(&(i + 1))
            && amount_of(ctx, f) == Some(unit)
            && owns_share(ctx, &model.facts[i + 1])
        {
            continue;
        }
        // `…，占 15.9%；16—59 岁人口 2,787.4 万人，占 61.8%`: a figure in the clause of the
        // next part's amount, before it, names that part (an age band, `60 岁及以上`).
        if open.is_some()
            && let Some(unit) = paired
            && !is_percent(ctx, f)
            && range.contains(&(i + 2))
            && amount_of(ctx, &model.facts[i + 1]) == Some(unit)
            && owns_share(ctx, &model.facts[i + 2])
            && !ctx.doc.masked[ctx.mentions[f.mention].span.end
                ..ctx.mentions[model.facts[i + 1].mention].span.start]
                .contains([',', ';', '，', '；', '。'])
        {
            continue;
        }
        // `33% said less than six hours, 41% between six and seven hours`: a figure in
        // the words of an answer, in the clause of the share before it, is what the answer
        // says, not an item: it does not end the list of answers.
        if let Some(g) = open.as_ref()
            && !is_percent(ctx, f)
            && answer(ctx, &model.facts[g[0]])
        {
            let last = &ctx.mentions[model.facts[g[g.len() - 1]].mention];
            let from = inner_end.unwrap_or(last.span.end).max(last.span.end);
            let start = ctx.mentions[f.mention].span.start;
            if from <= start
                && !ctx.doc.masked[from..start].contains([',', ';', '，', '；', '。'])
            {
                inner_end = Some(ctx.mentions[f.mention].span.end);
                continue;
            }
        }
        let member = match open.as_ref() {
            _ if !is_percent(ctx, f) => false,
            None => false,
            Some(g) => {
                let first = &model.facts[g[0]];
                let last = &ctx.mentions[model.facts[g[g.len() - 1]].mention];
                let from = inner_end.unwrap_or(last.span.end).max(last.span.end);
                // Everything between the share before (or the words of its answer) and
                // this one.
                let gap = &ctx.doc.masked[from..ctx.mentions[f.mention].span.start.max(from)];
                let elliptic = if respectively {
                    whole::is_connector(l) || is_rest(l)
                } else {
                    matches!(f.role, Role::Share | Role::Level) && !breaks(gap)
                };
                // Only a share that names its own whole sends us back to the first one's
                // clause, and never past the sentence's start.
                let same_whole = named_whole(gap).is_none_or(|this| {
                    let before = ctx.mentions[model.facts[g[0]].mention].span.start;
                    let sentence = model.sentences[si].span.start;
                    let head = &ctx.doc.masked[sentence..before];
                    let clause = head
                        .rfind(['，', '。', '；', ',', ';'])
                        .map_or(head, |p| &head[p..]);
                    named_whole(clause).is_none_or(|first| first == this)
                });
                // `56% of men and 62% of women`: each names its own whole after it.
                let of_same = same_named_whole(ctx, model, g[0], i);
                // A share with no period words of its own is of the first one's period
                // (`Coal generated 41.2% of the state's electricity in 2024, gas 22.7%`).
                let period = f.period == first.period || !f.period.is_stated();
                // `…; of those offered one, 88.4% accepted it`: a share of another base,
                // named at the head of its own clause.
                let same_base = base_named(gap, false).is_none_or(|this| {
                    let before = ctx.mentions[model.facts[g[0]].mention].span.start;
                    let head = &ctx.doc.masked[model.sentences[si].span.start..before];
                    base_named(head, true).is_some_and(|first| first == this)
                });
                elliptic
                    && same_whole
                    && of_same
                    && period
                    && same_base
                    && !own_rate(l)
                    && !compared_with(gap)
                    && (respectively || !restated(ctx, f, gap))
                    && !is_mark(ctx, f)
            }
        };
        inner_end = None;
        if member {
            if let Some(g) = open.as_mut() {
                g.push(i);
            }
            continue;
        }
        if let Some(g) = open.take() {
            out.push(g);
        }
        // A share about expectations (`收入预期`) is still a share of the answers.
        let after_amount = i > model.sentences[si].facts.start
            && owns_share(ctx, f)
            && amount_of(ctx, &model.facts[i - 1]).is_some();
        if is_percent(ctx, f)
            && (f.role == Role::Share || answers(ctx, f) || after_amount)
            && !own_rate(l)
            && !is_mark(ctx, f)
        {
            respectively = f.respectively;
            open = Some(vec![i]);
            paired = (i > model.sentences[si].facts.start && owns_share(ctx, f))
                .then(|| amount_of(ctx, &model.facts[i - 1]))
                .flatten();
        }
    }
    if let Some(g) = open {
        out.push(g);
    }
    // A list about a question that allows several answers may add up to anything.
    out.retain(|g| !g.iter().any(|&i| model.facts[i].multiple_answers));
    out
}

/// Prepositions that, at the head of a clause and before a comma, name the base of the
/// share after them: `of those offered one, 88.4% accepted it`, `among the over-75s, 40.2%`.
const BASE_OPENERS: &[&str] = &["of ", "among ", "amongst "];

/// The base a clause names at its head before the share's figure (`; of those offered one,`
/// → `those offered one`), lower-cased: the words after the last clause mark (or, with
/// `at_start`, the text's start when there is none) open with `of`/`among` and end with a
/// comma right before the figure. A share after such a clause is of that base, not of the
/// one the share before it was of (`Of those who tried, 71.9% were offered one; of those
/// offered one, 88.4% accepted it`: a share of a share's people, not a second part).
fn base_named(words: &str, at_start: bool) -> Option<String> {
    let t = words.trim_end().strip_suffix([',', '，'])?.to_ascii_lowercase();
    let clause = match t.rfind([';', ':', ',', '—', '；', '：', '，']) {
        Some(k) => &t[k..],
        None if at_start => t.as_str(),
        None => return None,
    };
    let clause = clause
        .trim_start_matches([';', ':', ',', '—', '；', '：', '，'])
        .trim_start();
    BASE_OPENERS
        .iter()
        .find_map(|w| clause.strip_prefix(w))
        .map(|base| base.trim().to_string())
        .filter(|base| !base.is_empty())
}

/// Words of comparison that, with a determiner right before a figure (`still below the
/// 63.2% recorded before the pandemic`, `above the 70% ceiling`), make the figure a mark
/// the share before is compared with: another time's value or a limit, never another part.
/// (`高于`, `低于` are in `BREAKS`.)
const COMPARED: &[&str] = &[
    "below", "above", "beneath", "beyond", "under", "over", "exceeding", "surpassing",
    "topping", "within",
];

/// Determiners between a word of comparison and the figure it compares with.
const MARK_DETERMINERS: &[&str] = &["the", "its", "their", "this", "that", "a"];

/// Whether the words before a figure end with a word of comparison and a determiner
/// (`COMPARED`, `MARK_DETERMINERS`): `but still below the 63.2%`. Without the determiner the
/// word may name a group (`aged 65 and above 20%`) or be the figure's hedge.
fn compared_with(gap: &str) -> bool {
    let words: Vec<&str> = gap
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let [.., cmp, det] = words.as_slice() else {
        return false;
    };
    MARK_DETERMINERS.iter().any(|d| det.eq_ignore_ascii_case(d))
        && COMPARED.iter().any(|c| cmp.eq_ignore_ascii_case(c))
}

/// Nouns of a limit or goal right after a figure (`the 70% ceiling`, `a 60% target`, `60%
/// 的警戒线`): the figure is a mark set by a rule or a plan, not a share of anything.
const LIMITS: &[&str] = &[
    "ceiling", "ceilings", "cap", "limit", "limits", "threshold", "target", "targets",
    "benchmark", "floor", "mark", "上限", "下限", "红线", "紅線", "警戒线", "警戒線", "目标",
    "目標", "门槛", "門檻", "控制线", "控制線",
];

/// Whether a figure is named as a limit or goal by the noun right after it (`LIMITS`).
fn is_mark(ctx: &Context<'_>, f: &Fact) -> bool {
    let m = &ctx.mentions[f.mention];
    let text = &ctx.doc.masked;
    let after = text[m.span.end..after_end(text, m.span.end)].trim_start();
    if !after.is_ascii() {
        let after = after.strip_prefix('的').unwrap_or(after).trim_start();
        return LIMITS.iter().any(|w| !w.is_ascii() && after.starts_with(w));
    }
    let next = after
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    LIMITS.iter().any(|w| w.eq_ignore_ascii_case(next))
}

/// Adverbs that may stand alone before a share that restates the one before it (`，首次超过
/// 六成`, `, already above half`).
const RESTATE_ADVERBS: &[&str] = &[
    "历史上首次", "首次", "首度", "第一次", "已经", "已經", "已然", "已", "再次", "再度",
    "仍然", "依然", "仍", "继续", "繼續", "也", "又", "还", "還", "即", "均", "already",
    "still", "again", "now", "thus", "so", "or", "well", "comfortably", "just",
];

/// Verbs of passing or reaching a mark (`突破六成`, `topping 60%`).
const CROSSING: &[&str] = &[
    "超过", "超過", "超出", "突破", "跌破", "站上", "迈过", "邁過", "逼近", "接近", "达到",
    "達到", "高于", "高於", "低于", "低於", "topping", "passing", "exceeding", "surpassing",
    "crossing", "breaking", "reaching", "above", "below", "over", "under",
];

/// Whether a share names no part of its own and only sets the share before against a mark:
/// its words after the clause mark are adverbs (`RESTATE_ADVERBS`) and at most one verb of
/// passing (`CROSSING`), and either that verb or a one-sided hedge (`超过六成`, `over half`)
/// stands with the figure (`占营业收入的 61.1%，首次超过六成`: the same share above 60%, not a
/// second part). A share with a subject of its own (`，仿制药超过三成`) is a part.
fn restated(ctx: &Context<'_>, f: &Fact, gap: &str) -> bool {
    let bound = matches!(
        ctx.mentions[f.mention].hedge,
        Some(Hedge::Over | Hedge::AtLeast | Hedge::Under | Hedge::AtMost)
    );
    // The share's own clause: a clause mark must stand before it (`61.1% 超过` is read by
    // other rules), and the words of the share before (`of all sales,`) are passed over.
    let marks = [',', '，', ';', '；', '、', '—'];
    let Some(k) = gap.rfind(marks) else {
        return false;
    };
    let mut t = gap[k..]
        .trim_start_matches(|c: char| c.is_whitespace() || marks.contains(&c))
        .trim()
        .to_ascii_lowercase();
    let mut crossing = false;
    loop {
        let before = t.len();
        for w in RESTATE_ADVERBS.iter().chain(if crossing { &[][..] } else { CROSSING }) {
            if let Some(rest) = t.strip_prefix(w) {
                // English words whole: `so` is not the head of `some`.
                if w.is_ascii() && rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                    continue;
                }
                crossing |= CROSSING.contains(w);
                t = rest.trim_start().to_string();
                break;
            }
        }
        if t.len() == before {
            break;
        }
    }
    // Nothing of its own after the figure either (`超过三成的企业表示…`, `over a third
    // opposed it` name a group and what it did).
    let m = &ctx.mentions[f.mention];
    let text = &ctx.doc.masked;
    let rest = &text[m.span.end..];
    let tail = rest[..rest
        .find(['，', '。', '；', '！', '？', ',', ';', '!', '?', '\n'])
        .unwrap_or(rest.len())]
        .trim()
        .trim_end_matches('.')
        .trim()
        .to_ascii_lowercase();
    t.is_empty() && (bound || crossing) && RESTATE_TAILS.contains(&tail.as_str())
}

/// What may follow a restating share's figure before its clause ends (`首次超过六成大关`,
/// `topping 60% for the first time`).
const RESTATE_TAILS: &[&str] = &[
    "", "大关", "大關", "关口", "關口", "的关口", "的水平", "水平", "for the first time", "mark",
    "the mark", "level",
];

/// An amount with a measure of its own, as `(kind, unit)`: `1,012.4 億元` after `稅課收入`.
fn amount_of<'c>(ctx: &'c Context<'_>, f: &Fact) -> Option<(Kind, Option<&'c str>)> {
    let m = &ctx.mentions[f.mention];
    (f.role == Role::Level
        && !matches!(m.kind, Kind::Percent | Kind::Points)
        && m.kind.is_quantity()
        && !f.measure.is_empty()
        && f.basis & whole::basis::AVERAGE == 0
        && !changed_by(label(ctx, f)))
        .then_some((m.kind, m.unit.as_deref()))
}

/// Whether an amount's words make it the size of a change (`rose $120 million, or 4.2%`,
/// `增加 20 亿元，增长 4.2%`): the percentage after it is the change's, not a share.
fn changed_by(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| {
            matches!(
                w,
                "grew" | "rose" | "fell" | "increased" | "decreased" | "declined" | "dropped"
                    | "jumped" | "climbed" | "up" | "down" | "by" | "gained" | "lost"
            )
        })
        || ["增加", "减少", "增长", "下降", "增長", "減少"]
            .iter()
            .any(|w| label.contains(w))
}

/// Whether a share's words are only the word of sharing right after the amount before it
/// (`，占 71.0%`, `，占比 65.5%`, `，占营业总收入的 72.6%`): the share of that amount.
fn owns_share(ctx: &Context<'_>, f: &Fact) -> bool {
    if !matches!(f.role, Role::Share | Role::Level) || !is_percent(ctx, f) {
        return false;
    }
    let l = label(ctx, f)
        .trim_start_matches(|c: char| c.is_whitespace() || ",，".contains(c))
        .trim_end();
    if l.is_ascii() {
        // `$250.5 million, or 31.6%`, `, accounting for 31.6% of the total`: a share of the
        // amount before it, naming no whole of its own after it but the total.
        if !EN_SHARE_OPENERS.iter().any(|w| l.eq_ignore_ascii_case(w)) {
            return false;
        }
        let m = &ctx.mentions[f.mention];
        let text = &ctx.doc.masked;
        let after = text[m.span.end..after_end(text, m.span.end)]
            .trim_start()
            .to_ascii_lowercase();
        let whole_of_all = after.is_empty()
            || after.starts_with([',', ';', '.', ')'])
            || ["of the total", "of total", "of the whole", "of all "]
                .iter()
                .any(|w| after.starts_with(w));
        return whole_of_all;
    }
    if f.role != Role::Share {
        return false;
    }
    let l = l.strip_prefix("约").unwrap_or(l);
    ["占", "佔"].iter().any(|w| {
        l.strip_prefix(w).is_some_and(|rest| {
            matches!(rest, "" | "比" | "比为" | "比為" | "比达" | "比達") || named_whole(l).is_some()
        })
    })
}

/// English words of a share right after an amount (`$250.5 million, or 31.6%`).
const EN_SHARE_OPENERS: &[&str] = &[
    "or",
    "or about",
    "or some",
    "or nearly",
    "or roughly",
    "accounting for",
    "making up",
    "representing",
    "equal to",
];

/// The whole a share names for itself before its figure: `占全部人身险公司的 62.4%` names
/// `全部人身险公司`. Two shares that each name their whole, and name different ones, are
/// shares of different wholes however alike their words are.
fn named_whole(before: &str) -> Option<&str> {
    let at = before.rfind('占')? + '占'.len_utf8();
    let rest = &before[at..];
    let end = rest.find('的')?;
    let named = rest[..end].trim();
    (!named.is_empty() && named.chars().count() <= 24).then_some(named)
}

/// Words of a list's opening that say its items are shares of one whole.
const WHOLE: &[&str] = &[
    "占", "比重", "份额", "构成", "share of", "shares of", "percent of", "proportion",
    "vote share", "by share",
];

/// Whether a list's opening breaks one whole down (`New car registrations by power source:`,
/// `按动力类型分：`) and names no change (a list of growth rates by region is not shares).
fn is_breakdown(opening: &str) -> bool {
    let lower = opening.to_ascii_lowercase();
    let by = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w == "by")
        || opening.contains('按');
    let changes = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| CHANGE_VERBS.contains(&w));
    by && !breaks(opening)
        && !changes
        && !contains_any(opening, &["增速", "增幅", "变化", "增长", "下降"])
}

/// English words of a change: a list after them gives rates, not shares.
const CHANGE_VERBS: &[&str] = &[
    "grew", "grow", "growth", "rose", "rise", "fell", "fall", "increase", "increased",
    "decline", "declined", "change", "changed", "rate", "rates",
];

/// Words after a count that name the options or categories of a whole: `问卷设四个选项`,
/// `four options`.
const CATEGORIES: &[&str] = &[
    "选项", "类", "种", "options", "categories", "choices", "answers", "groups",
];

/// Whether the sentence, before the first share, counts the categories of the whole and the
/// shares are that many (`问卷设四个选项：…占 34.6%，…占 47.2%，…占 10.5%，…占 3.9%`): every
/// category named, so the list is the whole.
fn names_every_category(ctx: &Context<'_>, model: &Whole, group: &[usize]) -> bool {
    let first = &model.facts[group[0]];
    let text = &ctx.doc.masked;
    model.facts[model.sentences[first.sentence].facts.start..group[0]]
        .iter()
        .any(|f| {
            let m = &ctx.mentions[f.mention];
            let after = text[m.span.end..].trim_start().to_ascii_lowercase();
            m.kind == Kind::Count
                && m.value == group.len() as f64
                && CATEGORIES.iter().any(|w| after.starts_with(w))
        })
}

/// Words of a list's opening that say it answers a question with several answers.
const MULTIPLE: &[&str] = &[
    "多选", "多選", "複選", "more than one", "multiple answers", "all that apply",
    // `最多可选三项`, `限选两项`: a cap on the answers, so more than one is allowed.
    "最多可选", "最多选", "至多可选", "至多选", "限选", "最多可選", "最多選", "限選",
];

/// Verbs of choosing answers, in the form that follows `could`, `can`, `may` or `to`.
const CHOOSE: &[&str] = &[
    "name", "choose", "pick", "select", "cite", "mention", "tick", "nominate", "list", "rank",
];

/// Words that may stand between a verb of choosing and the count of answers it allows
/// (`name up to three`, `pick as many as five`, `choose their top two`).
const CHOOSE_FILLER: &[&str] = &[
    "up", "to", "as", "many", "at", "most", "no", "more", "than", "their", "his", "her",
    "top", "the",
];

/// Counts of two or more in words.
const SEVERAL: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
];

/// Whether a sentence says its question allows several answers: a word of `MULTIPLE`, or an
/// allowance to choose a count of two or more (`Voters could name up to three issues`,
/// `were asked to pick two priorities`, `may select as many as five`). Each answer's share
/// is then of all the people asked, and the shares may add up to anything.
fn several_answers(sentence: &str) -> bool {
    if contains_any(sentence, MULTIPLE) {
        return true;
    }
    let lower = sentence.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).enumerate().any(|(k, pair)| {
        matches!(pair[0], "could" | "can" | "may" | "might" | "to")
            && CHOOSE.contains(&pair[1])
            && words[k + 2..]
                .iter()
                .take(5)
                .find(|w| !CHOOSE_FILLER.contains(w))
                .is_some_and(|w| {
                    SEVERAL.contains(w) || w.parse::<u32>().is_ok_and(|n| n >= 2)
                })
    })
}

/// Verbs that, right before `比例`, name a rate of each subject's own base rather than a
/// share of one whole: `职工医保住院费用支付比例为 80%，居民医保为 70%` gives what each scheme
/// pays of its own members' bills, and two such rates are not parts of anything.
const OWN_BASE: &[&str] = &[
    "支付", "报销", "報銷", "赔付", "賠付", "补偿", "補償", "补贴", "補貼", "补助", "補助",
    "缴存", "繳存", "缴费", "繳費", "缴纳", "繳納", "自付", "负担", "負擔", "达标", "達標",
    "合格", "完成", "覆盖", "覆蓋", "回收", "利用", "使用", "执行", "執行", "到位", "结算",
    "結算", "兑付", "兌付", "偿还", "償還",
];

/// Whether a share's words name a rate of its own base (`OWN_BASE` then `比例`), with no
/// word of sharing (`占`) that would name one whole.
fn own_rate(label: &str) -> bool {
    !label.contains(['占', '佔'])
        && label.match_indices("比例").any(|(k, _)| {
            OWN_BASE.iter().any(|w| label[..k].trim_end().ends_with(w))
        })
}

fn contains_any(s: &str, words: &[&str]) -> bool {
    let lower = s.to_ascii_lowercase();
    words.iter().any(|w| lower.contains(w))
}

fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、'))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

fn takes(w: &str) -> bool {
    TAKE.iter()
        .any(|t| w == *t || (!t.is_ascii() && w.ends_with(t)))
}

fn scoped(w: &String) -> bool {
    SCOPE
        .iter()
        .any(|s| w == s || (!s.is_ascii() && w.contains(s)))
}

/// The items of the Markdown list right after sentence `si`, when each is one sentence
/// holding exactly one percentage, a share or a bare level of no basis.
fn list_items(ctx: &Context<'_>, model: &Whole, si: usize) -> Option<Vec<usize>> {
    let text = &ctx.doc.masked;
    let mut paragraph = model.sentences[si].paragraph;
    let mut out = Vec::new();
    for sj in si + 1..model.sentences.len() {
        let t = &model.sentences[sj];
        if t.paragraph == paragraph && !out.is_empty() {
            // An item of several sentences is not read.
            return None;
        }
        if t.paragraph != paragraph + 1 || !whole::is_list_item(&text[t.span.range()]) {
            break;
        }
        paragraph = t.paragraph;
        let mut percents = t.facts.clone().filter(|&i| is_percent(ctx, &model.facts[i]));
        let (Some(i), None) = (percents.next(), percents.next()) else {
            return None;
        };
        let f = &model.facts[i];
        if !matches!(f.role, Role::Share | Role::Level) || f.basis != 0 || f.forecast {
            return None;
        }
        out.push(i);
    }
    (out.len() >= 2).then_some(out)
}

/// The figures of a sentence that only goes on with shares: every figure a bare
/// percentage of no basis or period of its own, the first after a verb of taking
/// (`took`, `获得`), each of the others after a name alone (`the Greens`), and nothing after
/// the last one.
fn elliptic(
    ctx: &Context<'_>,
    model: &Whole,
    si: usize,
    whole_named: bool,
) -> Option<Vec<usize>> {
    let s = &model.sentences[si];
    let facts = model.facts_of(si);
    if facts.len() < 2 {
        return None;
    }
    let text = &ctx.doc.masked;
    for (k, f) in facts.iter().enumerate() {
        let m = &ctx.mentions[f.mention];
        if m.kind != Kind::Percent
            || f.role != Role::Level
            || f.basis != 0
            || f.period.is_stated()
            || f.multiple_answers
            || m.hedge.is_some()
        {
            return None;
        }
        let l = label(ctx, f);
        if breaks(l) || l.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let words: Vec<String> = words_of(l);
        // The words before the first figure, in every clause.
        let opening: Vec<String> = words_of(&text[s.span.start..m.span.start]);
        // The opening may name another group (`In the capital,`), unless it names the
        // whole itself (`By share of the valid vote,`).
        if k == 0
            && (!words.last().is_some_and(|w| takes(w))
                || (!whole_named && opening.iter().any(scoped)))
        {
            return None;
        }
        // Only the first names a verb; the others are names alone.
        if k > 0 && words.iter().any(|w| takes(w) || w == "was" || w == "were" || w == "is") {
            return None;
        }
    }
    let last = &ctx.mentions[facts[facts.len() - 1].mention];
    let tail = &text[last.span.end..s.span.end];
    if !tail
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | '。' | '!' | '！'))
    {
        return None;
    }
    Some(s.facts.clone().collect())
}

/// Whether a share's label opens with a word for the rest (`其他技术路线占`, `，其余`,
/// `and others`). Inside a phrase the word narrows it instead (`到东部其他省份就业的占`:
/// the other eastern provinces, not the rest of the whole).
fn is_rest(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    let mut t = lower.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '，' | '、' | '；' | ';' | '-' | '*')
    });
    for w in ["and ", "or ", "with ", "while ", "和", "及", "而", "另有"] {
        if let Some(rest) = t.strip_prefix(w) {
            t = rest.trim_start();
        }
    }
    let t = t.strip_prefix("the ").unwrap_or(t);
    REST.iter().any(|w| t.starts_with(w))
}

/// Attributes of the members of one group that cut across each other: shares of one group
/// by different attributes (`女性占 60.9%；党员占 56.1%；大专及以上学历占 74.6%`) overlap.
const DIMENSIONS: &[&[&str]] = &[
    &["女", "男", "妇女", "women", "men", "female", "male"],
    &["岁", "以下", "以上", "aged", "under", "over", "younger", "older"],
    &["党员", "少数民族", "minority", "members of the party"],
    &["学历", "大专", "本科", "研究生", "degree", "graduates", "graduate", "college"],
    &["连任", "新任", "首次", "incumbent", "incumbents", "first-time"],
    // Where one lives: town or country (`女生占 53.8%；农村考生占 58.2%`), and whether from
    // here or elsewhere.
    &["农村", "農村", "城镇", "城鎮", "城市", "乡村", "鄉村", "rural", "urban"],
    &["本省", "外省", "省外", "本市", "外市", "本地", "外地", "外来", "外來", "out-of-state", "in-state"],
];

/// The words of each share of a group: from the share (or figure) before it in the
/// sentence, or the sentence's start, to its figure (`；中共党员287名，占`).
fn share_words(ctx: &Context<'_>, model: &Whole, group: &[usize]) -> Vec<String> {
    let text = &ctx.doc.masked;
    group
        .iter()
        .map(|&i| {
            let f = &model.facts[i];
            let s = &model.sentences[f.sentence];
            let from = (s.facts.start..i)
                .rev()
                .find(|&j| is_percent(ctx, &model.facts[j]))
                .map_or(s.span.start, |j| ctx.mentions[model.facts[j].mention].span.end);
            let to = ctx.mentions[f.mention].span.start.max(from);
            // The first share's words begin at its own part of the sentence: a group named
            // before `其中` or a semicolon (`全省 60 岁以上人口…，其中男性占`) is the whole's.
            let mut words = &text[from..to];
            for cut in ["其中", "；", ";", "：", ":"] {
                if let Some(k) = words.rfind(cut) {
                    words = &words[k + cut.len()..];
                }
            }
            words.to_ascii_lowercase()
        })
        .collect()
}

/// Whether a share's words name a ranked group of the top N (`排名前五的企业`, `前 10 家`,
/// `the top five firms`), with N as written; months and quarters (`前三季度`, `前 10 个月`)
/// are periods, not ranks.
pub(super) fn top_n(words: &str) -> Option<String> {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十百两".contains(c);
    for (k, _) in words.match_indices('前') {
        let rest = words[k + '前'.len_utf8()..].trim_start();
        let n: String = rest.chars().take_while(|&c| numeral(c)).collect();
        let after = rest[n.len()..].trim_start();
        if !n.is_empty() && after.starts_with(['名', '位', '家', '强', '強', '大', '的']) {
            return Some(n);
        }
    }
    let w: Vec<&str> = words
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    w.windows(2)
        .find(|p| {
            p[0] == "top"
                && (p[1].chars().all(|c| c.is_ascii_digit())
                    || ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty"]
                        .contains(&p[1]))
        })
        .map(|p| p[1].to_string())
}

/// Whether the shares of a group are of groups that overlap, so not parts of one whole:
/// ranked groups of different sizes (`前五` and `前十`, `top five` and `top ten`: the larger
/// holds the smaller), or members of one group named by different attributes that cut
/// across each other (sex, age, party, schooling).
fn overlapping(ctx: &Context<'_>, model: &Whole, group: &[usize]) -> bool {
    let words = share_words(ctx, model, group);
    let tops: Vec<String> = words.iter().filter_map(|w| top_n(w)).collect();
    if tops.iter().any(|t| *t != tops[0]) {
        return true;
    }
    let holds = |t: &str, w: &str| {
        if w.is_ascii() && !w.contains(' ') {
            t.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .any(|x| x == w)
        } else {
            t.contains(w)
        }
    };
    let dims: Vec<Vec<usize>> = words
        .iter()
        .map(|t| {
            (0..DIMENSIONS.len())
                .filter(|&d| DIMENSIONS[d].iter().any(|w| holds(t, w)))
                .collect()
        })
        .collect();
    dims.iter()
        .filter(|d| !d.is_empty())
        .any(|d| dims.iter().any(|e| !e.is_empty() && e != d))
}

fn judge(
    ctx: &Context<'_>,
    model: &Whole,
    group: &[usize],
    severity: Severity,
    examined: &mut Vec<Span>,
) -> Option<Finding> {
    let doc = ctx.doc;
    let ms: Vec<_> = group
        .iter()
        .map(|&i| &ctx.mentions[model.facts[i].mention])
        .collect();
    if overlapping(ctx, model, group) {
        return None;
    }
    examined.extend(ms.iter().map(|m| m.span));
    let sum = whole::sum(ms.iter().copied());
    let whole_list = group.iter().any(|&i| is_rest(label(ctx, &model.facts[i])))
        || names_every_category(ctx, model, group);
    let over = sum.low > 1.0;
    // A share for the rest closes the whole list only when the group holds every share
    // listed before it: a list broken by an amount (`丙产品收入 20.2 亿元，占 10.1%；其他产品占
    // 3.7%`) may leave earlier shares in another group.
    let first_fact = &model.facts[group[0]];
    let all_listed = !(model.sentences[first_fact.sentence].facts.start..group[0]).any(|i| {
        let f = &model.facts[i];
        is_percent(ctx, f) && (f.role == Role::Share || answers(ctx, f))
    });
    let short = whole_list && all_listed && sum.high < 1.0;
    if !over && !short {
        return None;
    }
    let first = ms[0];
    let found = doc.slice(first.span);
    let listed = ms
        .iter()
        .map(|m| format!("`{}`", doc.slice(m.span)))
        .collect::<Vec<_>>()
        .join(" + ");
    // A share hedged with no upper bound (`超过六成`) leaves the sum open: say its floor.
    let total = if sum.high.is_finite() {
        format_number(100.0 * (sum.low + sum.high) / 2.0)
    } else {
        format!("at least {}", format_number(100.0 * sum.low))
    };
    let message = if over {
        format!("the shares {listed} of one whole add up to {total}%, more than 100%")
    } else {
        format!(
            "the shares {listed} add up to {total}%, not 100%, though one of them stands for the rest"
        )
    };
    let mut f = Finding::new(ID, Origin::Builtin(&META), severity, first.span, found, message);
    f.explanation = Some(Explanation {
        inputs: ms
            .iter()
            .enumerate()
            .map(|(k, m)| input(&format!("share{}", k + 1), doc, m))
            .collect(),
        formula: format!(
            "{} {} 100%",
            (1..=ms.len())
                .map(|k| format!("share{k}"))
                .collect::<Vec<_>>()
                .join(" + "),
            if over { "<=" } else { "~" }
        ),
        computed: (sum.low + sum.high) / 2.0,
        computed_interval: sum,
        claimed: if over {
            Interval::new(0.0, 1.0)
        } else {
            Interval::point(1.0)
        },
        tolerance: ctx.options.tolerance,
    });
    f.notes
        .push(format!("the shares allow {}", format_interval(sum)));
    f.related = related(doc, &ms[1..], "share");
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CheckOptions;
    use crate::extract::{ExtractOptions, extract};
    use crate::source::Document;

    /// `breaks` as it was written first: a split of a lower-cased copy for each English
    /// word.
    fn breaks_by_lowering(label: &str) -> bool {
        let lower = label.to_ascii_lowercase();
        BREAKS.iter().any(|w| {
            if w.is_ascii() {
                lower
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|t| t == *w)
            } else if *w == "比" || *w == "較" || *w == "较" {
                label.match_indices(w).any(|(k, _)| {
                    let next = label[k + w.len()..].chars().next();
                    let prev = label[..k].chars().next_back();
                    !matches!(next, Some('重' | '例' | '率')) && !matches!(prev, Some('占' | '佔'))
                })
            } else if *w == "中" {
                label.match_indices('中').any(|(k, _)| {
                    !label[k + '中'.len_utf8()..].starts_with(|c: char| NOT_AMONG.contains(c))
                        && !label[..k].ends_with(|c: char| NOT_AMONG_AFTER.contains(c))
                })
            } else {
                label.contains(w)
            }
        })
    }

    proptest::proptest! {
        #[test]
        fn breaks_reads_what_lowering_read(
            label in "[ ,.%0-9a-zA-Z占比重例率中国华上年去增长降至在的，、；]{0,30}",
            word in "(than|Than|UP|up|down|Most|from|growth|last|prior|among|upper|fromm)",
            cut in 0usize..30,
        ) {
            proptest::prop_assert_eq!(breaks(&label), breaks_by_lowering(&label));
            // An English word of the table put in the label, whole or inside another word.
            let at = label.char_indices().nth(cut).map_or(label.len(), |(i, _)| i);
            let with = format!("{}{}{}", &label[..at], word, &label[at..]);
            proptest::prop_assert_eq!(breaks(&with), breaks_by_lowering(&with));
        }
    }

    /// The findings of `shares_total` over `text`, as the texts they cover.
    fn run(text: &str) -> Vec<String> {
        let doc = Document::from_text(std::path::Path::new("t.md"), text);
        let mentions = extract(&doc.masked, &ExtractOptions::default());
        let options = CheckOptions::default();
        let ctx = Context::new(&doc, &mentions, &options);
        let mut examined = Vec::new();
        check(&ctx, Severity::Warning, &mut examined)
            .into_iter()
            .map(|f| doc.slice(f.span).to_string())
            .collect()
    }

    #[test]
    fn an_allowance_to_choose_several_answers_adds_nothing_up() {
        // Wave 8: the answers to a question that allows two or three each are shares of all
        // the people asked.
        let several = "Shoppers could pick up to two reasons for buying local: 61% chose freshness, 48% price and 30% supporting farmers.";
        assert!(run(several).is_empty());
        let asked = "Members were asked to name their top three concerns. 52% named pay, 47% workload and 41% job security.";
        assert!(run(asked).is_empty());
        let zh = "本次调查每位受访者最多可选两项，选择价格实惠的占 62.4%，选择品质可靠的占 55.1%，选择售后服务的占 31.7%。";
        assert!(run(zh).is_empty());
        // One answer each: the shares are of one whole.
        let one = "Shoppers were asked for their main reason for buying local: 61% chose freshness, 48% price and 30% supporting farmers.";
        assert_eq!(run(one), vec!["61%".to_string()]);
        // `up to` with no verb of choosing allows nothing.
        let rise = "Prices could rise by up to three points: 61% said they would cut back, 48% would not and 30% were unsure.";
        assert_eq!(run(rise), vec!["61%".to_string()]);
    }

    #[test]
    fn a_rate_of_each_subject_s_own_base_is_not_a_share_of_one_whole() {
        // Wave 8: what each scheme pays of its own members' bills.
        let paid = "城镇职工门诊费用报销比例为 75.0%，城乡居民为 60.0%。";
        assert!(run(paid).is_empty());
        let met = "一类水体监测断面达标比例为 88.5%，二类为 71.2%。";
        assert!(run(met).is_empty());
        // A share of one whole (the insured) named by `比例` alone still adds up.
        let whole = "全市参保人员中，城镇职工比例为 45.0%，城乡居民为 60.0%。";
        assert_eq!(run(whole), vec!["45.0%".to_string()]);
    }

    #[test]
    fn shares_by_sex_and_by_residence_cut_across_each_other() {
        // Wave 9: one group's members by two attributes (sex, town or country) overlap.
        let zh = "本届毕业生中，男生占 51.2%；农村生源占 62.5%。";
        assert!(run(zh).is_empty());
        let origin = "今年入学新生中，女生占 56.4%；外省生源占 47.9%。";
        assert!(run(origin).is_empty());
        // Shares of one attribute still add up.
        let one = "本届毕业生中，城镇生源占 62.5%；农村生源占 48.3%。";
        assert_eq!(run(one), vec!["62.5%".to_string()]);
    }

    #[test]
    fn a_clause_that_names_another_base_opens_another_whole() {
        // Wave 9: `of those granted one,` names the people of the share before as the base.
        let nested = "Of those who applied for a permit, 64.5% were granted one; of those granted one, 82.0% used it.";
        assert!(run(nested).is_empty());
        let among = "Of the firms surveyed, 58.0% had hired in the year; of the firms that hired, 71.5% found it hard.";
        assert!(run(among).is_empty());
        // With no base of its own, the next answers are of the first one's people.
        let one = "Of those who applied for a permit, 64.5% were granted one, 42.0% were refused and 3.5% were undecided.";
        assert_eq!(run(one), vec!["64.5%".to_string()]);
        assert_eq!(
            base_named("; of those granted one, ", false).as_deref(),
            Some("those granted one")
        );
        assert_eq!(base_named(" were granted one ", false), None);
        assert_eq!(
            base_named("Of those who applied, ", true).as_deref(),
            Some("those who applied")
        );
    }

    #[test]
    fn a_figure_compared_with_or_named_as_a_limit_is_no_part() {
        // Wave 9: another time's value or a limit the share is set against.
        let before = "Home ownership stood at 57.6% in the latest survey, still below the 64.9% seen in the census.";
        assert!(run(before).is_empty());
        let above = "Renewables made up 58.1% of the power supplied, well above the 50% promised in the plan.";
        assert!(run(above).is_empty());
        let limit = "Net borrowing came to 71.3% of output, with a 75% limit written into the budget law.";
        assert!(run(limit).is_empty());
        let zh = "该市债务余额占地区生产总值的 61.2%，距 80% 的警戒线尚有空间。";
        assert!(run(zh).is_empty());
        // Two parts of the power supplied still add up.
        let parts = "Renewables made up 58.1% of the power supplied, and gas 50.0%.";
        assert_eq!(run(parts), vec!["58.1%".to_string()]);
        assert!(compared_with(" in the survey, still below the "));
        assert!(!compared_with(", those aged 65 and above "));
    }

    #[test]
    fn a_share_restated_against_a_mark_is_one_share() {
        // Wave 9: `，首次超过六成` sets the share before against 60%; it is no second part.
        let zh = "服务业增加值占地区生产总值的 57.3%，首次突破五成。";
        assert!(run(zh).is_empty());
        let hedged = "出口收入占销售总额的 52.6%，已超过一半。";
        assert!(run(hedged).is_empty());
        let en = "Online orders made up 54.2% of all sales, topping 50% for the first time.";
        assert!(run(en).is_empty());
        // A share with a subject of its own is a part, and its open hedge leaves a floor.
        let part = "服务业增加值占地区生产总值的 57.3%，工业超过五成。";
        assert_eq!(run(part), vec!["57.3%".to_string()]);
        let answers = "In the poll, 62% backed the plan, over 45% opposed it.";
        assert_eq!(run(answers), vec!["62%".to_string()]);
    }

    #[test]
    fn several_answers_words() {
        assert!(several_answers("Voters could name up to three issues:"));
        assert!(several_answers("Respondents were asked to choose as many as 4 options."));
        assert!(several_answers("受访者最多可选三项"));
        assert!(!several_answers("Voters could name one issue:"));
        assert!(!several_answers("58% chose two or more"));
        assert!(own_rate("住院费用基金支付比例为"));
        assert!(!own_rate("职工医保占参保人员的比例为"));
        assert!(!own_rate("城镇职工比例为"));
    }

    #[test]
    fn the_rest_is_named_at_the_head_of_a_label() {
        assert!(is_rest("，其他技术路线占"));
        assert!(is_rest(" and others "));
        assert!(is_rest("，其余"));
        assert!(!is_rest("到东部其他省份就业的占"));
        assert!(is_rest("the other parties took"));
        assert!(!is_rest("another party took"));
    }

    #[test]
    fn verbs_of_taking_and_scoping_words() {
        assert!(takes("took"));
        assert!(takes("乙党获得"));
        assert!(!takes("was"));
        assert!(scoped(&"in".to_string()));
        assert!(scoped(&"在全省".to_string()));
        assert!(!scoped(&"kessler".to_string()));
    }
}
