//! Coverage: which mentions some check examined, tracked once, per mention.
//!
//! Claims mark the mentions their placeholders bound; built-ins the mentions whose values
//! they compared (whether or not they found a problem). The first check to examine a
//! mention names it (rule files run first). The summary's "N of M numbers checked" is
//! counted from here, and a per-mention listing (`--coverage`, the HTML report) reads it.

use super::Builtin;
use crate::extract::Mention;
use crate::source::Span;

/// What examined one mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentionStatus {
    /// Not a quantity (a year, a date, an ordinal, a reference, a name): never checked.
    NotQuantity,
    /// A quantity that cannot be a claim and is not counted against coverage: a duration
    /// (`两年`, `三个月`), a count of one (`至少一项`), a count that numbers a list.
    NotAClaim(&'static str),
    /// A quantity no check examined.
    Unchecked,
    /// A quantity bound by a placeholder of this claim (its id).
    Claim(String),
    /// A quantity this built-in check compared.
    Builtin(Builtin),
}

impl MentionStatus {
    pub fn is_checked(&self) -> bool {
        matches!(self, MentionStatus::Claim(_) | MentionStatus::Builtin(_))
    }
}

/// Units that make a quantity a duration.
pub const DURATIONS: &[&str] = &["year", "month", "week", "day", "h", "min", "s", "decade"];

/// Why a quantity mention cannot be a claim, if it cannot: a duration (`两年`, `三个月`), a
/// count of one (`至少一项`, `一次`: the article's "a", not a figure) or a count followed
/// by a colon (`以下三点：`, a list's length). `masked` is the text the mention was read from.
pub fn not_a_claim(m: &Mention, masked: &str) -> Option<&'static str> {
    use crate::extract::Kind;
    match m.kind {
        Kind::Quantity if m.unit.as_deref().is_some_and(|u| DURATIONS.contains(&u)) => {
            Some("duration")
        }
        Kind::Count if m.value <= 1.0 => Some("count of one"),
        Kind::Count
            if masked
                .get(m.span.end..)
                .unwrap_or("")
                .chars()
                .take(6)
                .take_while(|c| !matches!(c, '。' | '.' | '\n'))
                .any(|c| c == ':' || c == '：') =>
        {
            Some("list count")
        }
        _ => None,
    }
}

/// The status of every mention of a document, indexed like its mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    pub statuses: Vec<MentionStatus>,
    /// Sentences with figures that the sentence checks skipped as too long or too full of
    /// figures (`analysis::MAX_SENTENCE_BYTES`, `MAX_QUANTITIES`).
    pub sentences_skipped: usize,
}

impl Coverage {
    pub(super) fn new(mentions: &[Mention], masked: &str) -> Coverage {
        Coverage {
            statuses: mentions
                .iter()
                .map(|m| {
                    if !m.kind.is_quantity() {
                        MentionStatus::NotQuantity
                    } else if let Some(why) = not_a_claim(m, masked) {
                        MentionStatus::NotAClaim(why)
                    } else {
                        MentionStatus::Unchecked
                    }
                })
                .collect(),
            sentences_skipped: 0,
        }
    }

    /// Marks mention `i` as examined by `by`, unless a check already did.
    pub(super) fn mark(&mut self, i: usize, by: impl FnOnce() -> MentionStatus) {
        if let Some(s @ MentionStatus::Unchecked) = self.statuses.get_mut(i) {
            *s = by();
        }
    }

    /// Marks the mentions that start at `spans` as examined by `builtin`.
    pub(super) fn mark_spans(&mut self, mentions: &[Mention], spans: &[Span], builtin: Builtin) {
        for span in spans {
            // Mentions are sorted by position and never share a start.
            if let Ok(i) = mentions.binary_search_by_key(&span.start, |m| m.span.start) {
                self.mark(i, || MentionStatus::Builtin(builtin));
            }
        }
    }

    /// Quantity mentions that count: those that could be claims.
    pub fn counted(&self) -> usize {
        self.statuses
            .iter()
            .filter(|s| !matches!(s, MentionStatus::NotQuantity | MentionStatus::NotAClaim(_)))
            .count()
    }

    /// Quantity mentions some check examined.
    pub fn checked(&self) -> usize {
        self.statuses.iter().filter(|s| s.is_checked()).count()
    }
}
