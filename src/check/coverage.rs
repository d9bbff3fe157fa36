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

/// The status of every mention of a document, indexed like its mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    pub statuses: Vec<MentionStatus>,
    /// Sentences with figures that the sentence checks skipped as too long or too full of
    /// figures (`analysis::MAX_SENTENCE_BYTES`, `MAX_QUANTITIES`).
    pub sentences_skipped: usize,
}

impl Coverage {
    pub(super) fn new(mentions: &[Mention]) -> Coverage {
        Coverage {
            statuses: mentions
                .iter()
                .map(|m| {
                    if m.kind.is_quantity() {
                        MentionStatus::Unchecked
                    } else {
                        MentionStatus::NotQuantity
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

    /// Quantity mentions some check examined.
    pub fn checked(&self) -> usize {
        self.statuses.iter().filter(|s| s.is_checked()).count()
    }
}
