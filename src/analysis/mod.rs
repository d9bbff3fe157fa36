//! The analysis stage: a document's masked text and its mentions in, one `Analysis` out,
//! built once per document and queried by every check (and by hover in an editor and the
//! rule drafter).
//!
//! It owns the structure that sits between the numbers and the checks:
//! - the sentences that hold a mention (of any kind: no check is hidden from a sentence by
//!   what it starts from), each with its mentions (`split.rs`);
//! - the clause of each mention (the text between clause breaks around it);
//! - the units: paragraphs, headings, list items, quotes and table rows, and the Markdown
//!   tables with their rows, cells and header (`units.rs`);
//! - the period that dates each mention (`2023年三季度`, `1-8月`, `Q3`, `上年`), the words
//!   that govern it (subject, measure, basis), and its normalised key (`key.rs`);
//! - the facts the whole-article consistency checks compare: each prose quantity with its
//!   exact measure words, period, basis, role (level, change, share) and the flags that keep
//!   it out of comparisons (attributed, forecast, revised), and the fact key they are grouped
//!   by (`facts.rs`).
//!
//! Sentences are split eagerly (one pass over the text); units, clauses and keys are worked
//! out on first use, each in one pass, so a check that does not ask for them pays nothing.
//! Mentions are addressed by their index in the slice the analysis was built from. Imports
//! `source`, `extract` and the shared `lexicon`, never a later stage.

pub mod facts;
mod key;
mod period;
pub(crate) mod split;
mod units;

use std::cell::OnceCell;
use std::ops::Range;

use crate::extract::{Kind, Mention};
use crate::source::Span;

pub use key::{BasisSet, Governing, MentionKey};
pub use period::{Dated, Period, YearRef};
pub use split::{clause_breaks, has_clause_break, last_clause_break};
pub use units::{Row, Table, Unit, UnitKind};

/// Longer "sentences" are lists, tables or text without punctuation: the sentence checks
/// skip them (and the coverage says so).
pub const MAX_SENTENCE_BYTES: usize = 8 * 1024;

/// A sentence with more quantities than this is a table in disguise: the checks skip it.
pub const MAX_QUANTITIES: usize = 64;

/// One sentence of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Trimmed of surrounding white space.
    pub span: Span,
    /// Indices of the mentions that start inside it, quantities or not.
    pub mentions: Range<usize>,
    /// Range in `Analysis`' list of quantities: those wholly inside the sentence.
    quantities: Range<usize>,
    /// The kinds of those quantities, bit `kind as u32` each: what a check asks before it
    /// reads the sentence.
    kinds: u32,
}

impl Sentence {
    /// Whether the sentence checks skip it as too long or too full of figures.
    pub fn is_oversized(&self) -> bool {
        self.span.len() > MAX_SENTENCE_BYTES || self.quantities.len() > MAX_QUANTITIES
    }
}

/// A sentence with the quantities inside it, as the checks read it.
#[derive(Debug, Clone)]
pub struct SentenceView<'s, 'a> {
    /// Index in `Analysis::sentences`.
    pub index: usize,
    pub span: Span,
    /// The quantity mentions wholly inside the sentence, in order.
    pub quantities: &'s [&'a Mention],
    /// Indices of every mention that starts in the sentence.
    pub mentions: Range<usize>,
}

/// A kind's bit in a sentence's summary (every kind fits in 32 bits).
fn kind_bit(kind: Kind) -> u32 {
    1 << kind as u32
}

const _: () = assert!(Kind::ALL.len() <= 32);

/// Places the mentions from `next` on that start in `span` into a new sentence and returns
/// the index of the first mention after it. A sequential walk, not a binary search:
/// sentences come in order, and the walk reads each mention once, in memory order.
fn place<'a>(
    mentions: &'a [Mention],
    span: Span,
    next: usize,
    sentences: &mut Vec<Sentence>,
    quantities: &mut Vec<&'a Mention>,
) -> usize {
    let mut lo = next;
    while mentions.get(lo).is_some_and(|m| m.span.start < span.start) {
        lo += 1;
    }
    let mut hi = lo;
    while mentions.get(hi).is_some_and(|m| m.span.start < span.end) {
        hi += 1;
    }
    let first = quantities.len();
    let mut kinds = 0;
    quantities.extend(
        mentions[lo..hi]
            .iter()
            .filter(|m| m.kind.is_quantity() && span.contains(m.span))
            .inspect(|m| kinds |= kind_bit(m.kind)),
    );
    sentences.push(Sentence {
        span,
        mentions: lo..hi,
        quantities: first..quantities.len(),
        kinds,
    });
    hi
}

/// Everything the checks query about one document; see the module doc.
pub struct Analysis<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    sentences: Vec<Sentence>,
    quantities: Vec<&'a Mention>,
    units: OnceCell<(Vec<Unit>, Vec<Table>)>,
    clauses: OnceCell<Vec<Span>>,
    words: OnceCell<Vec<Governing>>,
    facts: OnceCell<facts::Whole>,
}

impl<'a> Analysis<'a> {
    fn of_sentences(
        text: &'a str,
        mentions: &'a [Mention],
        sentences: Vec<Sentence>,
        quantities: Vec<&'a Mention>,
    ) -> Analysis<'a> {
        Analysis {
            text,
            mentions,
            sentences,
            quantities,
            units: OnceCell::new(),
            clauses: OnceCell::new(),
            words: OnceCell::new(),
            facts: OnceCell::new(),
        }
    }

    /// Splits `text` (a document's masked text) into sentences and places `mentions` (sorted
    /// by position, as the extractor gives them) in them; one pass over both.
    pub fn new(text: &'a str, mentions: &'a [Mention]) -> Analysis<'a> {
        let mut sentences = Vec::new();
        let mut quantities = Vec::new();
        let mut next = 0;
        // Only the pieces that hold a mention are read (`Pieces::holding`): most prose
        // sentences hold no number, and their ends are passed over unread.
        let mut pieces = split::Pieces::new(text);
        while let Some(m) = mentions.get(next) {
            let Some((start, end)) = pieces.holding(m.span.start) else {
                break;
            };
            if m.span.start >= end {
                continue;
            }
            let Some(span) = split::trimmed(text, start, end) else {
                continue;
            };
            next = place(mentions, span, next, &mut sentences, &mut quantities);
        }
        Analysis::of_sentences(text, mentions, sentences, quantities)
    }

    /// `new` as it was, reading every piece in order: the reference the tests compare it
    /// with.
    #[cfg(test)]
    pub(crate) fn new_reading_every_piece(text: &'a str, mentions: &'a [Mention]) -> Analysis<'a> {
        let mut sentences = Vec::new();
        let mut quantities = Vec::new();
        let mut next = 0;
        for (start, end) in split::pieces(text) {
            if next >= mentions.len() {
                break;
            }
            // Most prose sentences hold no number: skip them before trimming.
            if mentions[next].span.start >= end {
                continue;
            }
            let Some(span) = split::trimmed(text, start, end) else {
                continue;
            };
            next = place(mentions, span, next, &mut sentences, &mut quantities);
        }
        Analysis::of_sentences(text, mentions, sentences, quantities)
    }

    /// The text the analysis was built on (a document's masked text).
    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn mentions(&self) -> &'a [Mention] {
        self.mentions
    }

    /// Every sentence of the document that holds a mention, in order (a sentence without a
    /// number gives a number check nothing to read).
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Sentence `index` with its quantities.
    pub fn sentence(&self, index: usize) -> SentenceView<'_, 'a> {
        let s = &self.sentences[index];
        SentenceView {
            index,
            span: s.span,
            quantities: &self.quantities[s.quantities.clone()],
            mentions: s.mentions.clone(),
        }
    }

    /// The sentences that hold a quantity and that the sentence checks read (not oversized),
    /// each with its quantities.
    pub fn checked_sentences(&self) -> impl Iterator<Item = SentenceView<'_, 'a>> + '_ {
        (0..self.sentences.len())
            .filter(|&i| {
                let s = &self.sentences[i];
                !s.quantities.is_empty() && !s.is_oversized()
            })
            .map(|i| self.sentence(i))
    }

    /// The sentences of `checked_sentences` that hold a quantity of one of `kinds`: one test
    /// of a summary made when the sentence was split, so that a check passes over the
    /// sentences that cannot hold what it reads without a view of each.
    pub fn checked_sentences_holding(
        &self,
        kinds: &[Kind],
    ) -> impl Iterator<Item = SentenceView<'_, 'a>> + '_ {
        let mask = kinds.iter().fold(0, |m, &k| m | kind_bit(k));
        self.sentences
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.kinds & mask != 0 && !s.is_oversized())
            .map(|(i, _)| self.sentence(i))
    }

    /// How many sentences hold a quantity but are skipped as oversized.
    pub fn skipped_sentences(&self) -> usize {
        self.sentences
            .iter()
            .filter(|s| !s.quantities.is_empty() && s.is_oversized())
            .count()
    }

    /// The index of the sentence in which mention `i` starts.
    pub fn sentence_of(&self, i: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.mentions.end <= i);
        self.sentences
            .get(k)
            .filter(|s| s.mentions.contains(&i))
            .map(|_| k)
    }

    /// The clause of mention `i`: from the clause break before it (or its sentence's start)
    /// to the one after it (or its sentence's end). In a table row, cells are clauses too.
    pub fn clause_of(&self, i: usize) -> Span {
        self.clauses.get_or_init(|| self.find_clauses())[i]
    }

    /// Units and tables, worked out on first use.
    fn blocks(&self) -> &(Vec<Unit>, Vec<Table>) {
        self.units.get_or_init(|| units::units(self.text))
    }

    /// Every unit of the document (paragraph, heading, list item, quote, table row).
    pub fn units(&self) -> &[Unit] {
        &self.blocks().0
    }

    /// Every Markdown table of the document.
    pub fn tables(&self) -> &[Table] {
        &self.blocks().1
    }

    /// The index of the unit that holds byte `offset`.
    pub fn unit_at(&self, offset: usize) -> Option<usize> {
        let units = self.units();
        let k = units.partition_point(|u| u.span.end <= offset);
        units.get(k).filter(|u| u.span.start <= offset).map(|_| k)
    }

    /// The unit (list item, table row, paragraph…) that holds mention `i`.
    pub fn unit_of(&self, i: usize) -> Option<usize> {
        self.unit_at(self.mentions[i].span.start)
    }

    /// For a mention in a table cell: the table, the row and the column.
    pub fn cell_of(&self, i: usize) -> Option<(&Table, &Row, usize)> {
        let unit = &self.units()[self.unit_of(i)?];
        let (t, r) = unit.row?;
        let table = &self.tables()[t];
        let row = &table.rows[r];
        let column = row.column_at(self.mentions[i].span.start)?;
        Some((table, row, column))
    }

    fn words(&self) -> &[Governing] {
        self.words.get_or_init(|| key::govern(self))
    }

    /// The words that govern mention `i`: its period, subject, measure and basis.
    pub fn governing(&self, i: usize) -> &Governing {
        &self.words()[i]
    }

    /// The year or period that dates mention `i`, with where it is written.
    pub fn period_of(&self, i: usize) -> Option<&Dated> {
        self.governing(i).period.as_ref()
    }

    /// The whole-article model of the consistency checks: paragraphs, sentences that do not
    /// end at `；`, tables, and one fact per prose quantity with its exact measure words,
    /// period, basis, role and the flags that keep a figure out of comparisons
    /// (`facts.rs`). Built on first use.
    pub fn facts(&self) -> &facts::Whole {
        self.facts
            .get_or_init(|| facts::Whole::build(self.text, self.mentions))
    }

    /// The normalised key `{subject, measure, period, basis}` of mention `i`.
    pub fn key_of(&self, i: usize) -> &MentionKey {
        &self.governing(i).key
    }

    fn find_clauses(&self) -> Vec<Span> {
        let mut out: Vec<Span> = self.mentions.iter().map(|m| m.span).collect();
        let in_row = |start: usize| {
            self.unit_at(start)
                .is_some_and(|u| self.units()[u].kind == UnitKind::TableRow)
        };
        for s in &self.sentences {
            if s.mentions.is_empty() {
                continue;
            }
            let body = &self.text[s.span.range()];
            let cells = in_row(s.span.start);
            let mut breaks: Vec<usize> = clause_breaks(body).map(|b| s.span.start + b).collect();
            if cells {
                breaks.extend(body.match_indices('|').map(|(b, _)| s.span.start + b + 1));
                breaks.sort_unstable();
            }
            for i in s.mentions.clone() {
                let m = &self.mentions[i];
                let k = breaks.partition_point(|&b| b <= m.span.start);
                let start = k.checked_sub(1).map_or(s.span.start, |p| breaks[p]);
                let end = breaks
                    .get(breaks[k..].partition_point(|&b| b < m.span.end) + k)
                    .map_or(s.span.end, |&b| {
                        // End before the break itself.
                        b - self.text[..b].chars().next_back().map_or(0, char::len_utf8)
                    });
                out[i] = Span::new(start, end.max(start));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
