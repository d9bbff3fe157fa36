//! Joins raw mentions across words: raw mentions in, raw mentions out.
//!
//! - ranges: `5%–10%`, `5-10%`, `16 岁至 74 岁`, `5 to 10` become one mention;
//! - detached hedges: `大约是…(78 亿美元)的 8.7 倍` gives 大约 to `8.7 倍`;
//! - the interval of each mention from its precision and hedge (docs/numbers.md).

use super::lexicon::{
    HEDGE_DETACHED, PREDICATE_VERBS, clause_end_len, ends_with_word, has_clause_end, skip_space,
};
use super::mention::{Hedge, Kind, Mention};
use super::scan::Raw;
use crate::eval::Interval;
use crate::source::Span;

/// Merges `a–b` pairs into ranges: the first of the pair becomes the range and the second
/// is marked weak, so that it is dropped with the other weak mentions (no copying of the
/// list).
pub(crate) fn ranges(text: &str, raws: &mut [Raw]) {
    slash_lists(text, raws);
    carried_units(text, raws);
    hundredths_of_seconds(text, raws);
    let mut r = 0;
    while r + 1 < raws.len() {
        if let Some(merged) = range(text, &raws[r], &raws[r + 1]) {
            raws[r] = merged;
            raws[r + 1].weak = true;
            r += 2;
        } else {
            r += 1;
        }
    }
}

/// `分别为 32.5/40.1 亿元`, `3.2/4.5 million units`: figures listed with slashes share the
/// scale word and unit written after the last, as a list of two years' figures does. A bare
/// number takes them only from a scaled figure right after its slash, so `2/3` (a fraction,
/// read whole) and `24/7` are untouched. Right to left, so that a longer list passes them on.
fn slash_lists(text: &str, raws: &mut [Raw]) {
    for r in (0..raws.len().saturating_sub(1)).rev() {
        let (head, tail) = raws.split_at_mut(r + 1);
        let (a, b) = (&mut head[r], &tail[0]);
        let between = text.get(a.span.end..b.span.start);
        let slash = matches!(between, Some("/" | "／"));
        let sep = between.map(str::trim);
        // `分别为1855万、4730万和8309万修正总吨`: a Chinese list whose figures carry the same
        // scale word shares the unit written after the last.
        let listed = matches!(sep, Some("、" | "和" | "及" | "与" | "與" | "以及" | "或"));
        if listed
            && a.kind == Kind::Number
            && a.unit.is_none()
            && a.reason.is_none()
            && a.style.factor > 1.0
            && a.style.factor == b.style.factor
            && matches!(b.kind, Kind::Money | Kind::Count | Kind::Quantity)
            && b.reason.is_none()
        {
            a.kind = b.kind;
            a.unit = b.unit.clone();
            continue;
        }
        let joined = a.span.end <= b.span.start && slash;
        let bare = a.kind == Kind::Number
            && a.unit.is_none()
            && a.hedge.is_none()
            && a.reason.is_none()
            && !a.by_nature
            && a.style.factor == 1.0;
        let scaled = matches!(b.kind, Kind::Money | Kind::Count | Kind::Quantity)
            && b.style.factor > 1.0
            && b.reason.is_none();
        // `120/80 mmHg`: two readings in one unit of measure.
        let measured = b.kind == Kind::Quantity
            && b.style.factor == 1.0
            && b.reason.is_none()
            && a.style.decimals == 0
            && b.style.decimals == 0
            && !matches!(b.unit.as_deref(), Some("%" | "pp"));
        if joined && bare && measured {
            a.kind = b.kind;
            a.unit = b.unit.clone();
            continue;
        }
        if joined && bare && scaled {
            // Through the written digits, as the grammar scales (`10.2` × 1e8 is exactly
            // 1,020,000,000, not 1,019,999,999.99…).
            let digits = 10f64.powi(i32::from(a.style.decimals));
            a.value = (a.value * digits).round() * b.style.factor / digits;
            a.half *= b.style.factor;
            a.kind = b.kind;
            a.unit = b.unit.clone();
            a.style.factor = b.style.factor;
        }
    }
}

/// Words before a bare figure that make it the total of what the figure before counted.
const TOTAL_OF: &[&str] = &[
    "a total of",
    "the total to",
    "its total to",
    "their total to",
    "the total at",
    "a combined",
    "a cumulative",
];

/// A bare figure with a scale word and nothing after it takes the unit of the scaled figure
/// before it in the same paragraph (`about 2.6 billion bushels of corn; Illinois comes next
/// at 2.4 billion`): the unit goes without saying. Only from the nearest quantity, so a
/// figure of another kind between (`8,000 jobs … came to 2.2 million`) stops it, unless
/// the figure is compared with (`compared with roughly 2.2 million`), which reaches back
/// past figures without a scale word.
fn carried_units(text: &str, raws: &mut [Raw]) {
    for i in 1..raws.len() {
        let cur = &raws[i];
        let bare = cur.kind == Kind::Number
            && cur.unit.is_none()
            && cur.reason.is_none()
            && !cur.weak
            && !cur.by_nature;
        if !bare {
            continue;
        }
        let head = text[..cur.span.start].trim_end();
        // `added another 301,000 subscribers, for a total of 5.8 million`: a total counts what
        // the figure just before it counted, scaled or not.
        let total = TOTAL_OF
            .iter()
            .any(|w| ends_with_word(head, head.len(), w).is_some());
        if total
            && let Some(prev) = raws[..i].last()
            && prev.reason.is_none()
            && matches!(prev.kind, Kind::Count | Kind::Quantity)
            && prev.unit.is_some()
            && text
                .get(prev.span.end..cur.span.start)
                .is_some_and(|gap| gap.len() <= 60 && !gap.contains(['.', ';', '\n']))
        {
            let (kind, unit) = (prev.kind, prev.unit.clone());
            raws[i].kind = kind;
            raws[i].unit = unit;
            continue;
        }
        // (`万` scales as `million` does: `比去年增加26万人，连续第八年超过千万`.)
        // (A round figure written with its scale word alone, `超过千万`, is read whole.)
        let round = cur.style.numeral == super::mention::Numeral::Chinese && cur.value >= 1e4;
        if cur.style.factor < 1e4 && !round {
            continue;
        }
        let compared = ["compared with", "compared to", "versus", "vs", "vs."]
            .iter()
            .any(|w| ends_with_word(head, head.len(), w).is_some());
        let mut from = None;
        for j in (0..i).rev() {
            let prev = &raws[j];
            let gap = text.get(prev.span.end..cur.span.start).unwrap_or("\n\n");
            if gap.len() > 300 || gap.contains("\n\n") {
                break;
            }
            if prev.reason.is_some() || !prev.kind.is_quantity() {
                continue;
            }
            let counted = matches!(prev.kind, Kind::Count | Kind::Quantity) && prev.unit.is_some();
            if prev.style.factor >= 1e4 {
                if counted {
                    from = Some(j);
                }
                break;
            }
            if !compared {
                break;
            }
        }
        if let Some(j) = from {
            let (kind, unit) = (raws[j].kind, raws[j].unit.clone());
            raws[i].kind = kind;
            raws[i].unit = unit;
        }
    }
}

/// `46秒40`, `9秒83`: a race time, seconds and then two digits of hundredths; one mention
/// (46.40 s, to the hundredth).
fn hundredths_of_seconds(text: &str, raws: &mut [Raw]) {
    for r in 0..raws.len().saturating_sub(1) {
        let (head, tail) = raws.split_at_mut(r + 1);
        let (a, b) = (&mut head[r], &mut tail[0]);
        let seconds = a.kind == Kind::Quantity
            && a.unit.as_deref() == Some("s")
            && a.hedge.is_none()
            && a.style.decimals == 0
            && a.style.factor == 1.0
            && text[..a.span.end.min(text.len())].ends_with('秒');
        let digits = b.kind == Kind::Number
            && b.span.start == a.span.end
            && b.reason.is_none()
            && text
                .get(b.span.range())
                .is_some_and(|t| t.len() == 2 && t.bytes().all(|c| c.is_ascii_digit()));
        if seconds && digits {
            a.value += b.value / 100.0;
            a.half = 0.005;
            a.style.decimals = 2;
            a.span.end = b.span.end;
            a.number.end = b.number.end;
            b.weak = true;
        }
    }
}

/// Whether `a-b` between `start` and `end` stands in a list of scores joined by commas
/// (`beat her 6-3, 4-6, 7-5`): a falling score of small whole numbers (a tally, never a
/// range) is next to it. Brackets of age rise (`18-24, 25-34`) and stay ranges.
fn in_score_list(text: &str, start: usize, end: usize) -> bool {
    // Two whole numbers of one or two digits joined by a hyphen.
    let pair = |t: &str| -> Option<(u32, u32)> {
        let (a, b) = t.split_once('-')?;
        let ok = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
        if !(ok(a) && ok(b)) {
            return None;
        }
        Some((a.parse().ok()?, b.parse().ok()?))
    };
    let score = |t: &str| pair(t).is_some();
    let falling = |t: &str| pair(t).is_some_and(|(a, b)| a >= b);
    let before = text[..start].trim_end_matches(' ');
    let prev = before.strip_suffix(',').map(|h| {
        let h = h.trim_end_matches(' ');
        // The tail of ASCII digits and hyphens: its start is a char boundary even after `，`.
        &h[h.len()
            - h.bytes()
                .rev()
                .take_while(|b| b.is_ascii_digit() || *b == b'-')
                .count()..]
    });
    let after = text[end..].trim_start_matches(' ');
    let next = after.strip_prefix(',').map(|t| {
        let t = t.trim_start_matches(' ');
        &t[..t
            .find(|c: char| !(c.is_ascii_digit() || c == '-'))
            .unwrap_or(t.len())]
    });
    score(text.get(start..end).unwrap_or(""))
        && (prev.is_some_and(falling) || next.is_some_and(falling))
}

fn range(text: &str, a: &Raw, b: &Raw) -> Option<Raw> {
    let plain = |r: &Raw| r.kind.is_quantity() && r.hedge.is_none() && !r.by_nature;
    // `约 5%-10%`: a hedge before the first end widens the whole range.
    let hedged = matches!(a.hedge, Some(Hedge::Approximately | Hedge::Nearly))
        && a.hedge_span.is_some_and(|h| h.end <= a.number.start);
    let a_ok = a.kind.is_quantity() && !a.by_nature && (a.hedge.is_none() || hedged);
    if !a_ok || !plain(b) || a.span.end > b.span.start {
        return None;
    }
    let between = text.get(a.span.end..b.span.start)?;
    let connector = between.trim();
    let before = text[..a.span.start].trim_end();
    let ok = match connector {
        // (`6-3, 4-6, 7-5`: set scores in a list, each a score like its neighbours.)
        "-" => between.len() == 1 && !in_score_list(text, a.span.start, b.span.end),
        // `18-to-34-year-olds`: a range written as one compound.
        "-to-" => true,
        "–" | "—" | "~" | "～" | "至" | "到" | "to" => true,
        // `between $68.1bn and $69.1bn`.
        "and" => ends_with_word(before, before.len(), "between").is_some(),
        // `北风3、4级`: two neighbouring whole numbers, a range as `三四级` is.
        "、" => {
            a.kind == Kind::Number
                && a.style.decimals == 0
                && a.style.factor == 1.0
                && b.style.decimals == 0
                && b.value == a.value + 1.0
                && matches!(b.kind, Kind::Quantity | Kind::Count)
        }
        _ => false,
    };
    if !ok {
        return None;
    }
    // `from 5% to 10%`, `从 5% 到 10%` state a change, not a range; so do `up 1,204,517 to
    // 9,870,332` and `trimmed by £455m to £9.7bn` (a change, then the level it led to).
    let ranging = ranging_from(before);
    // (`cut its guidance to 290–310 kt from 300–330 kt`: a dash joins a range whatever
    // comes before it.)
    let dash = matches!(connector, "-" | "–" | "—");
    if !ranging
        && !dash
        && (before.ends_with("from") || before.ends_with("From") || before.ends_with('从'))
    {
        return None;
    }
    // `from a year-earlier $312 million to $1.85 billion`: `from` a few words back, with
    // no clause punctuation or other figure between.
    if connector == "to" && !ranging && from_in_phrase(before) {
        return None;
    }
    // `fell by an estimated 5,000 to 30.3 million`: a change word up to three words back.
    if connector == "to" && change_in_phrase(before) {
        return None;
    }
    // `$1.2-1.5bn`, `£3-4bn`: the currency on the first end, the scale word on the second.
    // `A$1,900–2,100/oz`: the currency on the first end of a dash, no scale word.
    let money_first = a.kind == Kind::Money
        && a.style.factor == 1.0
        && b.kind == Kind::Number
        && (b.style.factor > 1.0 || (b.style.factor == 1.0 && connector != "and"))
        && connector != "to";
    let (low, low_half) = if money_first {
        (a.value * b.style.factor, a.half * b.style.factor)
    } else if a.kind == b.kind && a.unit == b.unit {
        (a.value, a.half)
    } else if a.kind == Kind::Number && a.style.factor == 1.0 {
        (a.value * b.style.factor, a.half * b.style.factor)
    } else if a.kind == Kind::Number
        && a.style.factor > 1.0
        && matches!(b.kind, Kind::Money | Kind::Count | Kind::Quantity)
        && !matches!(b.unit.as_deref(), Some("%" | "pp"))
    {
        // `545億至565億美元`: the scale word on both ends, the currency on the second only;
        // the first is scaled already.
        (a.value, a.half)
    } else {
        return None;
    };
    // `a 3-2 vote`, `a 5-4 ruling`, `a 50-50 split`: a tally or a score, not a range, which
    // rises from its first end to its second.
    if low >= b.value {
        return None;
    }
    let lo = low - low_half;
    let hi = b.value + b.half;
    if lo.partial_cmp(&hi) == Some(std::cmp::Ordering::Greater) || lo.is_nan() || hi.is_nan() {
        return None;
    }
    let mut style = b.style;
    style.factor = 0.0;
    let (kind, unit) = if money_first {
        (a.kind, a.unit.clone())
    } else {
        (b.kind, b.unit.clone())
    };
    Some(Raw {
        span: Span::new(a.span.start, b.span.end),
        number: Span::new(a.number.start, b.number.end),
        kind,
        value: (low + b.value) / 2.0,
        half: 0.0,
        base: Some((lo, hi)),
        by_nature: false,
        unit,
        hedge: if hedged { a.hedge } else { Some(Hedge::Range) },
        hedge_span: if hedged { a.hedge_span } else { None },
        style,
        indefinite: false,
        weak: false,
        reason: None,
    })
}

/// Whether `before` ends with `from` after a verb of spread (`ranged from`, `varies from`):
/// `from a to b` is then a range, not a change from a to b.
fn ranging_from(before: &str) -> bool {
    let Some(head) = before.strip_suffix("from") else {
        return false;
    };
    let verb = head
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    RANGE_VERBS.contains(&verb)
}

/// Verbs of spread before `from a to b`.
const RANGE_VERBS: &[&str] = &[
    "range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying", "span", "spans",
    "spanned", "spanning", "run", "runs", "ran", "running", "priced", "pricing",
];

/// Whether one of the last three words of `before` (plain words of the same clause) is a
/// word of change (`rose`, `by`, `up`).
fn change_in_phrase(before: &str) -> bool {
    for (n, w) in before.rsplit(' ').filter(|w| !w.is_empty()).enumerate() {
        if n >= 3 {
            return false;
        }
        let word = w.trim_start_matches(|c: char| !c.is_ascii_alphabetic());
        if CHANGE_WORDS.contains(&word) {
            return true;
        }
        if !w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') {
            return false;
        }
    }
    false
}

/// Whether one of the last three words of `before` (in the same clause) is `from`.
fn from_in_phrase(before: &str) -> bool {
    let mut words = 0;
    for w in before.rsplit(' ') {
        if w.is_empty() {
            continue;
        }
        if w.eq_ignore_ascii_case("from") {
            return true;
        }
        words += 1;
        let plain = w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-');
        if words >= 3 || !plain {
            return false;
        }
    }
    false
}

/// Words before `a to b` that make `a` a change and `b` the level it led to.
pub(crate) const CHANGE_WORDS: &[&str] = &[
    "by",
    "up",
    "down",
    "Up",
    "Down",
    "rose",
    "fell",
    "grew",
    "increased",
    "decreased",
    "dropped",
    "declined",
    "climbed",
    "jumped",
    "gained",
    "lost",
    "cut",
    "raised",
    "lifted",
    "slipped",
    "widened",
    "narrowed",
    "trimmed",
    "added",
    "surged",
    "soared",
    "plunged",
    "tumbled",
    "slumped",
    "slid",
    "sank",
    "rebounded",
    "expanded",
    "shrank",
    "swelled",
    "edged",
    "ticked",
    "boosted",
    "lowered",
    "reduced",
    "risen",
    "fallen",
    "grown",
    "rising",
    "falling",
    "growing",
];

/// The text between two offsets, empty when they cross.
fn between(text: &str, a: usize, b: usize) -> &str {
    text.get(a..b).unwrap_or("")
}

fn eligible(r: &Raw) -> bool {
    r.kind.is_quantity() && r.hedge.is_none() && !r.weak
}

/// Whether a detached `hedge` may go to `r`: an eligible quantity, or a range of figures for
/// an approximate hedge (`年增率約為-0.6%至3.0%` widens both ends).
fn takes(r: &Raw, hedge: Hedge) -> bool {
    eligible(r)
        || (r.hedge == Some(Hedge::Range)
            && r.hedge_span.is_none()
            && !r.by_nature
            && !r.weak
            && matches!(hedge, Hedge::Approximately | Hedge::Nearly))
}

/// Where the clause holding offset `i` starts (at most 300 bytes back).
fn clause_start(text: &str, i: usize, floor: usize) -> usize {
    let mut lo = i.saturating_sub(300).max(floor.min(i));
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let bytes = text.as_bytes();
    (lo..i)
        .rev()
        .find_map(|k| {
            let n = clause_end_len(bytes, k);
            (n > 0 && k + n <= i).then_some(k + n)
        })
        .unwrap_or(lo)
}

/// How far past its own end a detached hedge reaches for its quantity, in bytes. Clauses
/// are shorter than this in prose (`大约是第二高国家中国投资额(78 亿美元)的 8.7 倍` is 62
/// bytes); the bound keeps one hedge's work constant on a line without punctuation, so that
/// attaching hedges is linear in the text (issue 12).
const REACH: usize = 300;

// Work done by `detached`, counted in tests only: mentions and bytes looked at.
#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

#[inline]
fn step(_n: usize) {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + _n as u64));
}

/// Gives each hedge that stands apart from its number to the quantity that completes its
/// predicate, within the clause. `floor` is the end of the last clause group seen (0 at the
/// start of the text); returns it for the next batch of the same text.
///
/// Linear in the text and the mentions: each clause group is scanned once for hedge words,
/// and each hedge looks at most `REACH` bytes ahead.
pub(crate) fn detached(text: &str, raws: &mut [Raw], mut floor: usize) -> usize {
    let mut i = 0;
    // Clause punctuation ended the previous group, so no clause starts before its end.
    while i < raws.len() {
        step(1);
        if !takes(&raws[i], Hedge::Approximately) {
            i += 1;
            continue;
        }
        let cs = clause_start(text, raws[i].span.start, floor);
        // The mentions of this clause: up to the next clause punctuation.
        let mut j = i + 1;
        while j < raws.len() && !has_clause_end(text, raws[j - 1].span.end, raws[j].span.start) {
            step(1 + raws[j].span.start.saturating_sub(raws[j - 1].span.end));
            j += 1;
        }
        let last_start = raws[j - 1].span.start;
        let hedges = hedges_in(text, cs, last_start, &raws[i.saturating_sub(1)..j]);
        for (hedge, span) in hedges.into_iter().rev() {
            assign(text, hedge, span, &mut raws[i..j]);
        }
        floor = raws[j - 1].span.end;
        i = j;
    }
    floor
}

/// Detached hedge words in `text[from..to]` that no mention has taken already. `raws` are in
/// order of start, so one pass over them alongside the text tells which words a mention
/// covers.
fn hedges_in(text: &str, from: usize, to: usize, raws: &[Raw]) -> Vec<(Hedge, Span)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut k = from;
    // Mentions starting before the current word, and the furthest end among them.
    let mut seen = 0;
    let mut reach_end = 0;
    step(to.saturating_sub(from));
    while k < to {
        // Eight ASCII bytes at once: none of them starts a hedge, and English prose is
        // mostly such runs.
        if let Some(run) = bytes.get(k..k + 8).filter(|_| k + 8 <= to)
            && u64::from_le_bytes(run.try_into().unwrap_or([0x80; 8])) & 0x8080_8080_8080_8080 == 0
        {
            k += 8;
            continue;
        }
        // Every detached hedge starts with one of `不大几将接至最约幾將約`: other characters are
        // skipped after a look at their first byte (a whole character at a time), before any
        // search of the table.
        if !starts_detached_hedge(bytes, k) {
            // A whole character at a time: `k` stays on character boundaries (the clause
            // starts on one, and the steps above keep it there), so the continuation bytes of
            // a Chinese character need no look of their own.
            k += match bytes[k] {
                0xE0..=0xEF => 3,
                0xC0..=0xDF => 2,
                0xF0..=0xF7 => 4,
                _ => 1,
            };
            continue;
        }
        let rest = &text[k..to];
        let found = HEDGE_DETACHED.iter().find(|(w, _, _)| rest.starts_with(w));
        let Some(&(w, hedge, needs_verb)) = found else {
            k += 1;
            continue;
        };
        let span = Span::new(k, k + w.len());
        k = span.end;
        while seen < raws.len() && raws[seen].span.start < span.end {
            step(1);
            let r = &raws[seen];
            reach_end = reach_end.max(r.span.end);
            if let Some(h) = r.hedge_span {
                reach_end = reach_end.max(h.end);
            }
            seen += 1;
        }
        // A mention (or its hedge) that overlaps the word has it already.
        if reach_end > span.start {
            continue;
        }
        if needs_verb {
            let v = skip_space(text, span.end);
            let after = &text[v..];
            let after = after.strip_prefix('了').unwrap_or(after);
            if !PREDICATE_VERBS.iter().any(|p| after.starts_with(p))
                && !restricted_about(text, span)
            {
                continue;
            }
            // `最高` bounds what is paid or imposed (`最高補助8萬元`, `最高可获`), not a
            // record reached (`最高达到49.6℃` is the record itself).
            if w == "最高" && !PAYING_VERBS.iter().any(|p| after.starts_with(p)) {
                continue;
            }
        }
        out.push((hedge, span));
    }
    out
}

/// Verbs after `最高` that make it a limit on what is paid or imposed.
pub(crate) const PAYING_VERBS: &[&str] = &[
    "补助", "補助", "补贴", "補貼", "给付", "給付", "赔偿", "賠償", "罚款", "罰款", "奖励", "獎勵",
    "可", "罚", "罰", "判处", "判處", "处以", "處以", "发放", "發放", "贷款", "貸款", "资助",
    "資助", "可获", "可獲", "可领", "可領",
];

/// Whether `约` at `span` follows an adverb that restricts or sums (`僅約歷年同期的兩成三`,
/// `仅约`, `平均约`, `合计约`): then it is the hedge whatever follows, not the `约` of `约束`,
/// `约定`.
fn restricted_about(text: &str, span: Span) -> bool {
    matches!(&text[span.range()], "约" | "約")
        && matches!(
            super::lexicon::char_before(text, span.start),
            Some('僅' | '仅' | '只' | '才' | '均' | '共' | '计' | '計' | '别' | '別')
        )
        && !matches!(
            super::lexicon::char_at(text, span.end),
            Some('束' | '定' | '会' | '會' | '谈' | '談' | '见' | '見' | '请' | '請' | '占' | '佔')
        )
}

/// Whether one of `不大几将接至最约` (or the traditional `幾將約`) starts at byte `k`. Compares the UTF-8 bytes as they
/// stand (the test below checks them against the characters): decoding every Chinese
/// character of every clause cost more than the comparisons.
fn starts_detached_hedge(bytes: &[u8], k: usize) -> bool {
    if !matches!(bytes[k], 0xE4..=0xE8) {
        return false;
    }
    matches!(
        bytes.get(k..k + 3),
        Some(
            [0xE4, 0xB8, 0x8D] // 不
                | [0xE5, 0xA4, 0xA7] // 大
                | [0xE5, 0x87, 0xA0] // 几
                | [0xE5, 0xB0, 0x86] // 将
                | [0xE6, 0x8E, 0xA5] // 接
                | [0xE8, 0x87, 0xB3] // 至
                | [0xE6, 0x9C, 0x80] // 最
                | [0xE7, 0xBA, 0xA6] // 约
                | [0xE5, 0xB9, 0xBE] // 幾
                | [0xE5, 0xB0, 0x87] // 將
                | [0xE7, 0xB4, 0x84] // 約
        )
    )
}

/// The change in parenthesis depth over `text[a..b]`.
fn paren_depth(text: &str, a: usize, b: usize) -> i32 {
    step(b.saturating_sub(a));
    let mut depth = 0i32;
    for c in text.get(a..b).unwrap_or("").chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
    }
    depth
}

fn assign(text: &str, hedge: Hedge, span: Span, clause: &mut [Raw]) {
    // The quantities after the hedge within its reach, with no parenthesis opened between
    // the hedge and them that is still open.
    let first = clause.partition_point(|r| r.span.start < span.end);
    let limit = span.end.saturating_add(REACH);
    let mut candidates: Vec<usize> = Vec::new();
    let mut depth = 0i32;
    let mut at = span.end;
    for (k, r) in clause.iter().enumerate().skip(first) {
        step(1);
        if r.span.start > limit {
            break;
        }
        if r.span.start > at {
            depth += paren_depth(text, at, r.span.start);
            at = r.span.start;
        }
        if takes(r, hedge) && depth <= 0 && !inside_paren(text, r) {
            candidates.push(k);
        }
    }
    // A quantity that modifies a later one through `的` (`一年碳排放量的 16 倍`) is not what
    // the predicate states; the later one is.
    let pick = candidates.iter().enumerate().find_map(|(n, &k)| {
        let next = candidates.get(n + 1);
        let modifier = next.is_some_and(|&m| {
            between(text, clause[k].span.end, clause[m].span.start).contains('的')
        });
        (!modifier).then_some(n)
    });
    let Some(n) = pick else {
        return;
    };
    let mut take = vec![candidates[n]];
    // `分别约为 7800 万美元和 1.91 亿美元`: the hedge covers coordinated quantities too.
    for w in candidates[n..].windows(2) {
        let between = between(text, clause[w[0]].span.end, clause[w[1]].span.start).trim();
        if matches!(
            between,
            "和" | "与" | "及" | "、" | "以及" | "或" | "and" | "or" | ","
        ) {
            take.push(w[1]);
        } else {
            break;
        }
    }
    for k in take {
        clause[k].hedge = Some(hedge);
        clause[k].hedge_span = Some(span);
    }
}

/// A mention written inside parentheses right around it: `(78 亿美元)`.
fn inside_paren(text: &str, r: &Raw) -> bool {
    let before = text[..r.span.start].trim_end();
    let after = text[r.span.end..].trim_start();
    (before.ends_with('(') || before.ends_with('（'))
        && (after.starts_with(')') || after.starts_with('）'))
}

/// The mention with the interval its wording asserts, or `None` for a value that is not a
/// finite number.
pub(crate) fn finish(raw: Raw, r: f64) -> Option<Mention> {
    if !raw.value.is_finite() || !raw.half.is_finite() {
        return None;
    }
    let v = raw.value;
    let base = match raw.base {
        Some((lo, hi)) => Interval::new(lo, hi),
        None => Interval::around(v, raw.half),
    };
    let (stated_low, stated_high) = match raw.base {
        Some((lo, hi)) if raw.hedge != Some(Hedge::Range) => (lo, hi),
        _ => (v, v),
    };
    let interval = if raw.kind.is_quantity() {
        match raw.hedge {
            // A round figure in words (`九倍`) is approximate; one whose wording fixes a
            // span (`二十几倍`) asserts the span.
            None if raw.by_nature && raw.base.is_none() => Interval::point(v).widen(r),
            // A range of round figures (`两三倍`): each end as round as the figure alone.
            Some(Hedge::Range) if raw.by_nature => base.widen(r),
            None | Some(Hedge::Range) => base,
            Some(Hedge::Approximately) => base.widen(r),
            Some(Hedge::Nearly) => base.widen_low(r),
            Some(Hedge::Over | Hedge::AtLeast) => Interval::at_least(stated_low),
            Some(Hedge::Under | Hedge::AtMost) => Interval::at_most(stated_high),
        }
    } else {
        Interval::point(v)
    };
    if !(interval.low <= v && v <= interval.high) {
        return None;
    }
    Some(Mention {
        span: raw.span,
        number: raw.number,
        kind: raw.kind,
        value: v,
        interval,
        unit: raw.unit,
        hedge: raw.hedge,
        hedge_span: raw.hedge_span,
        style: raw.style,
        reason: raw.reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_test_accepts_exactly_the_eight_hedge_starts() {
        let starts = [
            '不', '大', '几', '将', '接', '至', '最', '约', '幾', '將', '約',
        ];
        for c in ('\u{4E00}'..='\u{9FFF}').chain(['，', '。', 'a', ' ']) {
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(starts_detached_hedge(b, 0), starts.contains(&c), "`{c}`");
        }
    }

    /// The steps `detached` takes over the whole extraction of `text`.
    fn steps(text: &str) -> u64 {
        STEPS.with(|s| s.set(0));
        let mentions = crate::extract::extract(text, &crate::extract::ExtractOptions::default());
        assert!(!mentions.is_empty());
        STEPS.with(|s| s.get())
    }

    #[test]
    fn attaching_hedges_is_linear_on_a_line_without_punctuation() {
        // Issue 12: hedges taken by their neighbours, detached hedges that find a quantity,
        // hedges that find none, and parentheses left open.
        for unit in [
            "约 20% 三分之二 ",
            "大约是 5 倍 ",
            "约是约是约是 3 倍 ",
            "大约是(1 个 ",
            "至少 some words 4 人 ",
        ] {
            let one = steps(&unit.repeat(2_000));
            let four = steps(&unit.repeat(8_000));
            let sixteen = steps(&unit.repeat(32_000));
            assert!(one > 2_000, "`{unit}`: {one} steps");
            assert!(
                four <= 5 * one,
                "`{unit}`: {one} → {four} steps for 4× the text"
            );
            assert!(
                sixteen <= 5 * four,
                "`{unit}`: {four} → {sixteen} steps for 4× the text"
            );
        }
    }

    #[test]
    fn the_quick_skip_knows_every_detached_hedge() {
        for (w, _, _) in HEDGE_DETACHED {
            assert!(
                starts_detached_hedge(w.as_bytes(), 0),
                "`{w}` would be skipped by `hedges_in`"
            );
        }
    }
}
