//! The `multiple_wording` built-in check: mentions and masked text in, findings out.
//!
//! Finds `倍` multiples introduced by a verb that makes them ambiguous (`比…高出 N 倍`,
//! `增加了 N 倍`: strictly N+1 times) or meaningless (`减少 N 倍`), and proposes the wording
//! that keeps the author's number. Its documentation is `docs/multiple_wording.md`.

use std::sync::LazyLock;

use super::sentence::{last_clause_break, strip_hedges, strip_suffix};
use super::{Applicability, BuiltinMeta, Context, Edit, Finding, Fix, Origin, Severity};
use crate::eval::brief;
use crate::extract::{Kind, Mention};
use crate::lexicon::{CHANGE_WORDS, COMPARATIVES, Comparative, Direction, is_comparison_marker};
use crate::source::Span;

pub const META: BuiltinMeta = BuiltinMeta {
    id: "multiple_wording",
    doc: include_str!("docs/multiple_wording.md"),
    default_severity: Severity::Warning,
};

const ID: &str = META.id;

/// How the verb before `N 倍` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verb {
    /// `高出`, `多出`: an excess, ambiguous with or without `比`.
    Excess,
    /// `高`, `多`, `大`…: a bare comparative, only ambiguous after `比 X`.
    Comparative,
    /// `增加了`, `提高`…: growth; `增加到` is the unambiguous form.
    Growth,
    /// `减少`, `下降`…: a decline by N times, which means nothing.
    Decline,
}

/// Judges wording, not values, so it adds nothing to `examined`.
pub fn check(ctx: &Context<'_>, severity: Severity, _examined: &mut Vec<Span>) -> Vec<Finding> {
    let masked = &ctx.doc.masked;
    let mut findings = Vec::new();
    for sentence in ctx.analysis().checked_sentences_holding(&[Kind::Multiple]) {
        let start = sentence.span.start;
        for m in sentence
            .quantities
            .iter()
            .copied()
            .filter(|m| m.kind == Kind::Multiple && masked[m.span.range()].contains('倍'))
        {
            let before = &masked[start..m.span.start];
            let clause_start = start + last_clause_break(before).unwrap_or(0);
            if let Some(f) = judge(ctx, m, clause_start, severity) {
                findings.push(f);
            }
        }
    }
    findings
}

/// The verb that ends `lead` (hedges aside, with its `了`), where it starts, and how it
/// reads: a Chinese change verb (`增加了`, `减少`) or a comparative (`高出`, `多`). The
/// longest word wins, so that `提高` is not read as `高`.
fn verb_before(lead: &str) -> Option<(usize, &str, Verb)> {
    let core = strip_hedges(lead);
    let stem = core.strip_suffix('了').unwrap_or(core);
    let &last = stem.as_bytes().last()?;
    let (word, verb) = VERBS[usize::from(last)]
        .iter()
        .copied()
        .filter(|(w, _)| strip_suffix(stem, w).is_some())
        .max_by_key(|(w, _)| w.len())?;
    let start = stem.len() - word.len();
    Some((start, &core[start..], verb))
}

/// The Chinese change verbs and the comparatives, each with how it reads, bucketed by their
/// last byte: a clause is compared with the few words that can end it, not the whole list.
static VERBS: LazyLock<Vec<Vec<(&'static str, Verb)>>> = LazyLock::new(|| {
    let changes = CHANGE_WORDS
        .iter()
        .filter(|(w, c)| c.verb && !w.is_ascii())
        .map(|&(w, c)| {
            let verb = match c.direction {
                Direction::Up => Verb::Growth,
                Direction::Down => Verb::Decline,
            };
            (w, verb)
        });
    let comparatives = COMPARATIVES.iter().map(|&(w, c)| {
        let verb = match c {
            Comparative::Excess => Verb::Excess,
            Comparative::Plain => Verb::Comparative,
        };
        (w, verb)
    });
    let mut buckets = vec![Vec::new(); 256];
    for (w, verb) in changes.chain(comparatives) {
        if let Some(&b) = w.as_bytes().last() {
            buckets[usize::from(b)].push((w, verb));
        }
    }
    buckets
});

/// The last `比` or `较` of `text` used as the comparison preposition, not inside a word
/// such as `比例`, `相比` or `较为`.
fn comparison_marker(text: &str) -> Option<usize> {
    text.char_indices()
        .rev()
        .find(|&(at, c)| matches!(c, '比' | '较') && is_comparison_marker(text, at))
        .map(|(at, _)| at)
}

fn judge(
    ctx: &Context<'_>,
    m: &Mention,
    clause_start: usize,
    severity: Severity,
) -> Option<Finding> {
    let masked = &ctx.doc.masked;
    let text = &ctx.doc.text;
    let lead = &masked[clause_start..m.span.start];
    let (verb_at, verb, kind) = verb_before(lead)?;
    let verb_start = clause_start + verb_at;
    let verb_end = verb_start + verb.len();
    let n = m.value;
    // `比 X 高出`: the marker must come before the verb with something compared in between.
    let marker = comparison_marker(&masked[clause_start..verb_start])
        .map(|at| clause_start + at)
        .filter(|&at| !masked[at + '比'.len_utf8()..verb_start].trim().is_empty());
    let phrase = &text[verb_start..m.span.end];
    let n_text = &text[m.number.range()];
    match kind {
        Verb::Decline => {
            if n < 1.0 {
                return None;
            }
            let span = Span::new(verb_start, m.span.end);
            let stem = verb.trim_end_matches('了');
            let (suggestion, message) = if n == 1.0 {
                let suggestion = format!("{stem}一半");
                let message = format!(
                    "`{phrase}` is unclear: falling by the whole amount leaves nothing; if it \
                     halved, write `{suggestion}`"
                );
                (suggestion, message)
            } else {
                let percent = (1.0 - 1.0 / n) * 100.0;
                let n_shown = brief(n);
                let suggestion = format!(
                    "{stem}到原来的 1/{n_shown}（即{stem} {}%）",
                    percent.round()
                );
                let message = format!(
                    "`{phrase}` means nothing: a quantity cannot fall by {n_shown} times \
                     itself; if it fell to 1/{n_shown} of what it was, write `{suggestion}`"
                );
                (suggestion, message)
            };
            let mut f = Finding::new(ID, Origin::Builtin(&META), severity, span, phrase, message);
            f.suggestion = Some(suggestion.clone());
            f.notes.push(
                "a decline is a percentage or a fraction: `下降 67%`, `减少到原来的 1/3`; \
                 the rewrite guesses what was meant, so it is not applied by --fix"
                    .into(),
            );
            f.fix = Some(Fix::new(
                Edit {
                    span,
                    replacement: suggestion,
                },
                Applicability::DisplayOnly,
            ));
            Some(f)
        }
        Verb::Excess | Verb::Comparative | Verb::Growth => {
            if n < 2.0 || (kind == Verb::Comparative && marker.is_none()) {
                return None;
            }
            let tail = &text[verb_end..m.span.end];
            let strict = brief(n + 1.0);
            // Another multiple between `比` and the verb (`比增加了 8.7 倍高出 8.7 倍`) means
            // the comparison is not a plain `比 X` (`比五年前` is): rewriting it could swallow
            // another finding.
            let marker = marker.filter(|&at| {
                let first = ctx.mentions.partition_point(|q| q.span.start < at);
                ctx.mentions[first..]
                    .iter()
                    .take_while(|q| q.span.start < verb_start)
                    .all(|q| q.kind != Kind::Multiple)
            });
            let (span, replacement) = match marker {
                Some(at) => {
                    let compared = text[at + '比'.len_utf8()..verb_start].trim_end();
                    let de = if compared.ends_with('的') { "" } else { "的" };
                    (
                        Span::new(at, m.span.end),
                        Some(format!("是{compared}{de}{tail}")),
                    )
                }
                None if kind == Verb::Growth => (
                    Span::new(verb_start, m.span.end),
                    Some(format!("{}到{tail}", verb.trim_end_matches('了'))),
                ),
                None => (Span::new(verb_start, m.span.end), None),
            };
            let n_shown = brief(n);
            let better = match &replacement {
                Some(_) if marker.is_some() => format!("`是…的{tail}`"),
                Some(r) => format!("`{r}`"),
                None => format!("`是原来的 {n_text} 倍`"),
            };
            let phrase_span = Span::new(verb_start, m.span.end);
            let mut f = Finding::new(
                ID,
                Origin::Builtin(&META),
                severity,
                phrase_span,
                phrase,
                format!(
                    "`{phrase}` is ambiguous: strictly {strict} times the base, usually meant \
                     as {n_shown} times; write {better} for {n_shown} times, or say {strict} \
                     times if that is meant",
                ),
            );
            f.notes.push(
                "GB/T 15835 and Chinese style guides: `增加了 N 倍` and `比…高出 N 倍` count \
                 the increase (N+1 times in all); `增加到 N 倍` and `是…的 N 倍` give the result"
                    .into(),
            );
            if let Some(r) = replacement {
                // The suggestion replaces the finding's own text; a rewrite that starts at
                // `比` reaches outside it and lives only in the edit.
                if span == phrase_span {
                    f.suggestion = Some(r.clone());
                }
                // The rewrite assumes the common reading (N times, not N+1): it may change
                // what the text says, so only `--unsafe-fixes` applies it.
                f.fix = Some(Fix::new(
                    Edit {
                        span,
                        replacement: r,
                    },
                    Applicability::Unsafe,
                ));
            }
            Some(f)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::sentence::testing::{run, spec};
    use super::*;

    fn multiple<'a>(text: &'a str, value: f64) -> super::super::sentence::testing::Spec<'a> {
        spec(text, Kind::Multiple, value, 0.5, "x")
    }

    #[test]
    fn growth_by_n_times_is_rewritten_to_growth_to_n_times() {
        let s = "企业对人工智能相关投资增加了十三倍。";
        let f = run(check, s, &[multiple("十三倍", 13.0)]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].found, "增加了十三倍");
        let edit = f[0].edit().expect("unambiguous rewrite");
        assert_eq!(edit.replacement, "增加到十三倍");
        assert!(f[0].message.contains("14 times"), "{}", f[0].message);
    }

    #[test]
    fn higher_than_with_bi_becomes_shi_de() {
        let s = "这比一位旅客的排放量高出近 291 倍，大约是别人的 16 倍。";
        let f = run(
            check,
            s,
            &[multiple("近 291 倍", 291.0), multiple("16 倍", 16.0)],
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].found, "高出近 291 倍");
        assert_eq!(f[0].suggestion, None, "the rewrite reaches back to 比");
        assert_eq!(
            f[0].edit().map(|e| e.replacement.as_str()),
            Some("是一位旅客的排放量的近 291 倍")
        );
    }

    #[test]
    fn a_figure_between_bi_and_the_verb_gets_no_rewrite() {
        // Found by the property test: the rewrite from 比 would overlap the first finding.
        let s = "比增加了8.7 倍高出8.7 倍";
        let f = run(
            check,
            s,
            &[
                multiple("8.7 倍", 8.7),
                super::super::sentence::testing::Spec {
                    nth: 1,
                    ..multiple("8.7 倍", 8.7)
                },
            ],
        );
        let edits: Vec<_> = f.iter().filter_map(|f| f.edit()).collect();
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(edits.len(), 1, "only `增加了` is rewritten: {edits:#?}");
        assert_eq!(edits[0].replacement, "增加到8.7 倍");
    }

    #[test]
    fn doubled_and_correct_forms_are_left_alone() {
        for (s, number, n) in [
            ("几乎增加了一倍。", "一倍", 1.0),
            ("比去年高出一倍。", "一倍", 1.0),
            ("增加到十三倍。", "十三倍", 13.0),
            ("是去年的 3 倍。", "3 倍", 3.0),
            ("许多年后是 3 倍。", "3 倍", 3.0),
            ("较为明显地增长为原来的 3 倍。", "3 倍", 3.0),
        ] {
            assert!(run(check, s, &[multiple(number, n)]).is_empty(), "{s}");
        }
    }

    #[test]
    fn bare_comparative_needs_bi() {
        assert!(run(check, "成本多 3 倍。", &[multiple("3 倍", 3.0)]).is_empty());
        let f = run(check, "成本比去年多 3 倍。", &[multiple("3 倍", 3.0)]);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].edit().map(|e| e.replacement.as_str()),
            Some("是去年的 3 倍")
        );
    }

    #[test]
    fn decline_by_times_is_flagged_without_an_edit() {
        let f = run(check, "成本减少了 3 倍。", &[multiple("3 倍", 3.0)]);
        assert_eq!(f.len(), 1);
        assert!(f[0].edit().is_none());
        assert_eq!(
            f[0].fix.as_ref().map(|x| x.applicability),
            Some(Applicability::DisplayOnly)
        );
        assert_eq!(
            f[0].suggestion.as_deref(),
            Some("减少到原来的 1/3（即减少 67%）")
        );
    }

    #[test]
    fn comparison_marker_skips_words_containing_bi() {
        assert_eq!(comparison_marker("这一比例"), None);
        assert_eq!(comparison_marker("与去年相比"), None);
        assert_eq!(comparison_marker("比例比去年"), Some("比例".len()));
    }
}
