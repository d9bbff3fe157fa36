//! Ratios whose base is named rather than written next to them: a sentence's quantities and
//! the previous sentence's in, the frame of `ratio_in_sentence` out.
//!
//! `美国为 672 亿美元，是中国的 8.7 倍` names China; China's figure is the one figure whose
//! clause names it, earlier in the sentence or in the sentence before
//! (`中国为 77.6 亿美元。美国…是中国的 8.7 倍`). A named subject (`甲省是乙省的 4 倍`) is
//! found the same way. A name that matches no figure, or more than one, gives no frame.

use std::sync::LazyLock;

use regex::Regex;

use super::Context;
use super::ratio_in_sentence::Frame;
use super::sentence::{last_clause_break, same_measure, strip_continuations, strip_hedges};
use crate::extract::{Kind, Mention};
use crate::source::Span;

/// Names that refer back to the subject's own earlier value, not to another figure.
const NOT_NAMES: &[&str] = &[
    "原来",
    "上年",
    "去年",
    "同期",
    "上年同期",
    "去年同期",
    "前一年",
    "之前",
    "此前",
    "过去",
    "当时",
    "上月",
    "上季度",
];

/// After an English multiple: the connector and the name of the base, to the clause end.
static EN_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:as\s+(?:much|many|large|big|high)\s+as|that\s+of)\s+(?:the\s+)?(?P<name>(?:[A-Z][A-Za-z0-9_’'-]*\s?){1,3}?)(?:['’]s)?\s*(?:[.;,!?]|$)",
    )
    .expect("static regex")
});

/// `A 是 NAME 的 N 倍` (or `的 N%`), with NAME's figure elsewhere.
pub(super) fn zh_named<'m>(
    ctx: &Context<'m>,
    sentence: Span,
    qs: &[&'m Mention],
    i: usize,
) -> Option<Frame<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let before_n = &masked[sentence.start..n.span.start];
    // Cheap test first: the words right before N, hedges aside, must end in `的`. No
    // hedge holds `的` (a test says so), so stripping them from the end stops at it; the
    // test looks at the last few words only, not back through the sentence.
    if !strip_hedges(before_n).ends_with('的') {
        return None;
    }
    let clause_start = sentence.start + last_clause_break(before_n).unwrap_or(0);
    let lead = strip_hedges(&masked[clause_start..n.span.start]);
    let lead = lead.strip_suffix('的')?;
    let (rel_at, rel_len) = relation(lead)?;
    let name = lead[rel_at + rel_len..].trim();
    // A hedge may stand before the relation word: `计算业务收入约为网络业务的 5.2 倍`.
    let subject = strip_hedges(strip_continuations(&lead[..rel_at])).trim();
    if !is_name(name) || qs[..i].iter().any(|q| q.span.start >= clause_start) {
        return None;
    }
    let b = named_figure(ctx, sentence, qs, name, clause_start, None)?;
    if n.kind == Kind::Multiple && b.kind == Kind::Multiple {
        return None;
    }
    let a = if subject.is_empty() {
        None
    } else {
        Some(named_figure(
            ctx,
            sentence,
            qs,
            subject,
            clause_start,
            Some(b),
        )?)
    };
    if a.is_some_and(|a| std::ptr::eq(a, b)) || different_years(ctx, b, sentence, n) {
        return None;
    }
    Some(Frame {
        n,
        b,
        a_before: clause_start + rel_at,
        either: false,
        a,
        strict: false,
        fixable: false,
    })
}

/// `A is N times as much as NAME`, with NAME's figure elsewhere.
pub(super) fn en_named<'m>(
    ctx: &Context<'m>,
    sentence: Span,
    qs: &[&'m Mention],
    i: usize,
) -> Option<Frame<'m>> {
    let masked = &ctx.doc.masked;
    let n = qs[i];
    let after_end = qs.get(i + 1).map_or(sentence.end, |q| q.span.start);
    let after = &masked[n.span.end..after_end];
    let opening = after.trim_start();
    let name = if opening.starts_with("as ") || opening.starts_with("that of") {
        EN_NAMED.captures(after)?.name("name")?.as_str().trim()
    } else {
        // `were about 1.3 times imports.`: the base named by a bare noun that ends the
        // clause.
        bare_name(after)?
    };
    let before = strip_hedges(&masked[sentence.start..n.span.start]);
    if !before.ends_with([',', '('])
        && ![" is", " was", " are", " were"]
            .iter()
            .any(|w| before.ends_with(w))
    {
        return None;
    }
    let b = named_figure(ctx, sentence, qs, name, n.span.start, None)?;
    if different_years(ctx, b, sentence, n) {
        return None;
    }
    Some(Frame::before_n(n, b))
}

/// Words after `N times` that say how it compares rather than name a base (`times higher`,
/// `times as much`), or that open a phrase of time (`times in 2023`).
const NOT_BARE_NAMES: &[&str] = &[
    "a", "above", "an", "as", "bigger", "faster", "fewer", "greater", "higher", "in", "larger",
    "less", "lower", "more", "over", "since", "smaller", "than", "that", "the", "this", "what",
];

/// `N times imports.`: one or two lower-case words up to the clause end, none of them a
/// comparative or a word of time.
fn bare_name(after: &str) -> Option<&str> {
    let text = after.strip_prefix(' ')?;
    let end = text.find(['.', ',', ';', '!', '?']).unwrap_or(text.len());
    let name = &text[..end];
    let words: Vec<&str> = name.split(' ').collect();
    let plain = |w: &&str| {
        !w.is_empty()
            && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && !NOT_BARE_NAMES.contains(w)
            && !w.ends_with("ly")
    };
    (words.len() <= 2 && words.iter().all(plain)).then_some(name)
}

/// The last `是`, `为` or `相当于` of `lead` and its length. Read back from the end one
/// character at a time, trying the words whose first byte is there: the first found is the
/// last (no word opens another), without a substring search per word over the whole lead.
fn relation(lead: &str) -> Option<(usize, usize)> {
    const WORDS: [&str; 5] = ["相當於", "相当于", "是", "為", "为"];
    let bytes = lead.as_bytes();
    let found = lead.char_indices().rev().find_map(|(at, _)| {
        WORDS
            .iter()
            .find(|w| w.as_bytes()[0] == bytes[at] && lead[at..].starts_with(**w))
            .map(|w| (at, w.len()))
    })?;
    relation_after(lead, found)
}

/// `relation` as it was, one substring search per word: the reference the tests compare it
/// with.
#[cfg(test)]
fn relation_by_search(lead: &str) -> Option<(usize, usize)> {
    let found = ["相當於", "相当于", "是", "為", "为"]
        .iter()
        .filter_map(|w| lead.rfind(w).map(|at| (at, w.len())))
        .max_by_key(|&(at, _)| at)?;
    relation_after(lead, found)
}

/// The relation word `found` of `lead`, unless the character before it makes it part of
/// another word (`但是`, `因为`).
fn relation_after(lead: &str, found: (usize, usize)) -> Option<(usize, usize)> {
    let prev = lead[..found.0].chars().last();
    if matches!(
        prev,
        Some('但' | '因' | '作' | '认' | '或' | '还' | '就' | '可')
    ) {
        return None;
    }
    Some(found)
}

fn is_name(name: &str) -> bool {
    let chars = name.chars().count();
    (1..=10).contains(&chars)
        && !name
            .chars()
            .any(|c| c.is_ascii_digit() || "，,、（）()".contains(c))
        && !NOT_NAMES.contains(&name)
        && !name.ends_with('年')
}

/// The one quantity whose clause names `name`, before `until` in this sentence or in the
/// sentence before; of the measure of `like` when given. `None` when none or several do.
fn named_figure<'m>(
    ctx: &Context<'m>,
    sentence: Span,
    qs: &[&'m Mention],
    name: &str,
    until: usize,
    like: Option<&Mention>,
) -> Option<&'m Mention> {
    let masked = &ctx.doc.masked;
    let previous = previous_sentence(ctx, sentence.start);
    let mut found: Option<&'m Mention> = None;
    let here = qs.iter().copied().filter(|q| q.span.end <= until);
    let there = previous
        .iter()
        .flat_map(|(_, ms)| ms.iter())
        .filter(|m| m.kind.is_quantity());
    for (m, floor) in there
        .map(|m| (m, previous.map_or(0, |(s, _)| s.start)))
        .chain(here.map(|m| (m, sentence.start)))
    {
        if like.is_some_and(|l| !same_measure(l, m)) || m.kind == Kind::Multiple {
            continue;
        }
        let before = &masked[floor..m.span.start];
        let clause = &before[last_clause_break(before).unwrap_or(0)..];
        if names(clause, name) {
            if found.is_some() {
                return None;
            }
            found = Some(m);
        }
    }
    found
}

/// Whether `clause` names `name`: as written, or for an English name, in any case at a word
/// start (`Imports totalled` names `imports`).
fn names(clause: &str, name: &str) -> bool {
    if !name.is_ascii() || name.is_empty() {
        return clause.contains(name);
    }
    let (c, n) = (clause.as_bytes(), name.as_bytes());
    (0..c.len().saturating_sub(n.len() - 1)).any(|at| {
        c[at..at + n.len()].eq_ignore_ascii_case(n)
            && (at == 0 || !c[at - 1].is_ascii_alphanumeric())
            && c.get(at + n.len())
                .is_none_or(|b| !b.is_ascii_alphanumeric())
    })
}

/// The sentence before the one starting at `start`, and its mentions.
fn previous_sentence<'m>(ctx: &Context<'m>, start: usize) -> Option<(Span, &'m [Mention])> {
    let masked = &ctx.doc.masked;
    let text = masked[..start].trim_end();
    let text = text
        .strip_suffix(['。', '！', '？', '!', '?', '.'])
        .unwrap_or(text);
    if text.is_empty() || text.ends_with(['\n', '；', ';']) {
        return None;
    }
    let floor = text.len().saturating_sub(1024);
    let mut from = floor;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..];
    let zh = window
        .rfind(['。', '！', '？', '\n', '；', ';'])
        .map(|at| at + window[at..].chars().next().map_or(1, char::len_utf8));
    let en = window.rfind(". ").map(|at| at + 1);
    let begin = from + zh.max(en).unwrap_or(0);
    if zh.is_none() && en.is_none() && floor > 0 {
        return None;
    }
    let span = Span::new(begin, text.len());
    let mentions = ctx.mentions;
    let lo = mentions.partition_point(|m| m.span.start < span.start);
    let hi = mentions.partition_point(|m| m.span.start < span.end);
    Some((span, &mentions[lo..hi]))
}

/// Whether the base's clause and the text up to the ratio name different years
/// (`中国 2022 年投资…，2023 年美国投资…，是中国的 8.7 倍`): the ratio compares periods the
/// words do not line up.
fn different_years(ctx: &Context<'_>, b: &Mention, sentence: Span, n: &Mention) -> bool {
    let masked = &ctx.doc.masked;
    let b_clause_start = {
        let floor = b.span.start.saturating_sub(200);
        let mut from = floor;
        while !masked.is_char_boundary(from) {
            from += 1;
        }
        let before = &masked[from..b.span.start];
        from + last_clause_break(before).unwrap_or(0)
    };
    let of_b = years(&masked[b_clause_start..b.span.end]);
    let rest_from = b.span.end.max(sentence.start);
    let of_rest = years(&masked[rest_from..n.span.start]);
    !of_b.is_empty() && of_rest.iter().any(|y| !of_b.contains(y))
}

fn years(s: &str) -> Vec<&str> {
    YEAR.find_iter(s).map(|m| m.as_str()).collect()
}

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:19|20)[0-9][0-9]").expect("static regex"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_hedge_holds_de() {
        // `zh_named` strips hedges only after the last `的`.
        for w in crate::lexicon::HEDGE_WORDS.iter() {
            assert!(!w.contains('的'), "hedge `{w}`");
        }
    }

    #[test]
    fn names_are_short_and_not_periods() {
        assert!(is_name("中国"));
        assert!(is_name("Germany"));
        assert!(!is_name("原来"));
        assert!(!is_name("2022 年"));
        assert!(!is_name("上年"));
    }

    #[test]
    fn relation_words_skip_lookalikes() {
        assert_eq!(relation("美国是中国"), Some(("美国".len(), "是".len())));
        assert_eq!(relation("但是中国"), None);
        assert_eq!(relation("相当于中国"), Some((0, "相当于".len())));
        assert_eq!(relation("出超約為上年"), Some(("出超約".len(), "為".len())));
    }

    proptest::proptest! {
        /// Reading back character by character finds the relation word the searches found,
        /// on Chinese and English words, digits and punctuation.
        #[test]
        fn relation_is_that_of_the_searches(
            lead in "([0-9]{1,3}|相当于|相當於|但是|因为|[ ，,。的相当于當於是为為但因作认还就可中国美上年约 isthe]){0,40}"
        ) {
            proptest::prop_assert_eq!(relation(&lead), relation_by_search(&lead));
        }
    }

    #[test]
    fn bare_english_names_end_the_clause() {
        assert_eq!(bare_name(" imports."), Some("imports"));
        assert_eq!(bare_name(" farm output, and"), Some("farm output"));
        assert_eq!(bare_name(" higher."), None);
        assert_eq!(bare_name(" as much as China's"), None);
        assert_eq!(bare_name(" the size of the old plant."), None);
        assert!(names("Imports totalled", "imports"));
        assert!(!names("Reimports totalled", "imports"));
    }
}
