//! The words that govern each mention: its period, the head of its clause (subject and
//! measure) and its basis words, and from them the normalised key `{subject, measure,
//! period, basis}` by which mentions of the same thing are found across an article.
//!
//! Built for every mention in one pass over the sentences that hold mentions. The head is
//! the text before the mention in its clause, from the clause's start (or the previous
//! quantity in the clause) to the first predicate word (`为`, `增长`, `rose`, `was`), with
//! periods, basis words and other numbers taken out. A clause whose head is empty
//! (`，同比增长 38%`) carries on the head of the sentence's previous mention. In a table row,
//! the measure and period come from the column's header cell and the subject from the row's
//! first cell. Normalised: lower case, no spaces between CJK characters, measure words
//! mapped to one canonical form (`营业收入` → `营收`), particles and possessives trimmed.

use std::sync::LazyLock;

use super::period::{Dated, Period, periods};
use super::{Analysis, UnitKind};
use crate::extract::{Kind, Mention};
use crate::lexicon::{BASES, Basis, CHANGE_WORDS, COPULAS, MEASURES, Matcher};
use crate::source::Span;

/// A set of basis words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BasisSet(u8);

impl BasisSet {
    pub fn insert(&mut self, b: Basis) {
        self.0 |= 1 << b as u8;
    }

    pub fn contains(self, b: Basis) -> bool {
        self.0 & (1 << b as u8) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Basis> {
        Basis::ALL.into_iter().filter(move |&b| self.contains(b))
    }
}

/// What a mention measures, for whom, when and how: two mentions with equal complete keys
/// state the same figure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct MentionKey {
    /// Who or what the figure is about (`钢材`, `china`), normalised.
    pub subject: Option<String>,
    /// What is measured, canonical measure words joined by `/` (`营收`, `gdp/增速`).
    pub measure: Option<String>,
    pub period: Option<Period>,
    pub basis: BasisSet,
}

impl MentionKey {
    /// Whether two mentions may be compared as the same figure: both name a measure, and
    /// every part is either equal in both or missing from both (a part given in one and
    /// missing in the other leaves the match uncertain, so it is not made).
    pub fn comparable(&self, other: &MentionKey) -> bool {
        self.measure.is_some() && self == other
    }
}

/// The words that govern one mention.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Governing {
    /// The period that dates the mention, where it is written.
    pub period: Option<Dated>,
    /// The head words (subject and measure) as found, in this clause or, carried on, an
    /// earlier one of the sentence; for a table cell, the column's header cell.
    pub head: Option<Span>,
    /// The basis words that qualify the mention, where they are written.
    pub basis_words: Vec<Span>,
    pub key: MentionKey,
}

static BASIS: LazyLock<Matcher<Basis>> = LazyLock::new(|| Matcher::new(BASES));
static MEASURE: LazyLock<Matcher<&'static str>> = LazyLock::new(|| Matcher::new(MEASURES));
/// Where a clause's head ends: a copula or a change verb.
static PREDICATE: LazyLock<Matcher<()>> = LazyLock::new(|| {
    Matcher::from_words(
        COPULAS
            .iter()
            .map(|&w| (w, ()))
            .chain(CHANGE_WORDS.iter().filter(|e| e.1.verb).map(|e| (e.0, ()))),
    )
});

/// Whether a mention is a rate, which a growth basis (`同比`) may qualify.
fn is_rate(m: &Mention) -> bool {
    matches!(m.kind, Kind::Percent | Kind::Points | Kind::Multiple)
}

pub(crate) fn govern(a: &Analysis<'_>) -> Vec<Governing> {
    let text = a.text;
    let mentions = a.mentions;
    let mut out = vec![Governing::default(); mentions.len()];
    for s in &a.sentences {
        if s.mentions.is_empty() {
            continue;
        }
        let here = &mentions[s.mentions.clone()];
        let dated = periods(text, s.span, here);
        let bases: Vec<(Span, Basis)> = BASIS
            .find(text, s.span)
            .filter(|&(at, w, _)| !excluded_basis(text, at, w))
            .map(|(at, _, b)| (at, b))
            .collect();
        let row = a
            .unit_at(s.span.start)
            .filter(|&u| a.units()[u].kind == UnitKind::TableRow);
        // The head carried on from the sentence's previous mention.
        let mut carried: Option<(Span, Option<String>, Option<String>)> = None;
        for i in s.mentions.clone() {
            let m = &mentions[i];
            if !m.kind.is_quantity() {
                continue;
            }
            let clause = a.clause_of(i);
            let g = &mut out[i];
            g.period = period_for(text, m, clause, &dated);
            // Basis words before the mention in its clause, and English ones right after it.
            let next_q = mentions[i + 1..s.mentions.end]
                .iter()
                .find(|q| q.kind.is_quantity())
                .map_or(clause.end, |q| q.span.start.min(clause.end));
            for &(at, b) in &bases {
                let before = at.start >= clause.start && at.end <= m.span.start;
                let after =
                    at.start >= m.span.end && at.end <= next_q && text[at.range()].is_ascii();
                if (before || after) && (is_rate(m) || !b.rates_only()) {
                    g.key.basis.insert(b);
                    g.basis_words.push(at);
                }
            }
            // The head: from the clause start or the previous quantity in the clause.
            let prev_end = mentions[s.mentions.start..i]
                .iter()
                .rev()
                .find(|q| q.kind.is_quantity())
                .map_or(0, |q| q.span.end);
            let start = clause.start.max(prev_end).min(m.span.start);
            let head = Span::new(start, m.span.start);
            let cut = PREDICATE
                .find(text, head)
                .map(|(at, _, ())| at.start)
                .next()
                .unwrap_or(head.end);
            let head = Span::new(head.start, cut);
            let mut gaps: Vec<Span> = dated.iter().map(|d| d.span).collect();
            gaps.extend(bases.iter().map(|b| b.0));
            gaps.extend(here.iter().map(|q| q.span));
            let words = normalise(text, head, &gaps);
            let (subject, measure) = split_head(&words);
            if subject.is_some() || measure.is_some() {
                carried = Some((head, subject, measure));
            }
            if let Some((head, subject, measure)) = &carried {
                g.head = Some(*head);
                g.key.subject = subject.clone();
                g.key.measure = measure.clone();
            }
            if row.is_some() {
                table_key(a, i, g);
            }
            g.key.period = g.period.map(|d| d.period);
        }
    }
    out
}

/// `实际上` (in fact) is no basis, nor is `real estate`.
fn excluded_basis(text: &str, at: Span, word: &str) -> bool {
    let rest = &text[at.end..];
    (word == "实际" && rest.starts_with('上'))
        || (word == "real" && rest.trim_start().to_ascii_lowercase().starts_with("estate"))
}

/// The period of `m`: one in its clause before it (the nearest), else one right after it in
/// the clause, else the nearest earlier one in the sentence. A period after a comparison
/// word (`较上年`) dates only the figure it stands right next to.
fn period_for(text: &str, m: &Mention, clause: Span, dated: &[Dated]) -> Option<Dated> {
    let adjacent_before = |d: &Dated| {
        let gap = text[d.span.end..m.span.start].trim();
        gap.is_empty() || gap == "的" || gap == "为" || gap.eq_ignore_ascii_case("of")
    };
    let adjacent_after = |d: &Dated| text[m.span.end..d.span.start].trim().is_empty();
    let usable_before = |d: &&Dated| d.span.end <= m.span.start && (!d.base || adjacent_before(d));
    if let Some(d) = dated
        .iter()
        .rev()
        .filter(usable_before)
        .find(|d| d.span.start >= clause.start)
    {
        return Some(*d);
    }
    if let Some(d) = dated
        .iter()
        .filter(|d| d.span.start >= m.span.end && d.span.end <= clause.end)
        .find(|d| !d.base || adjacent_after(d))
    {
        return Some(*d);
    }
    dated.iter().rev().find(usable_before).copied()
}

/// For a mention in a table cell: measure and period from the column's header cell, the
/// subject from the row's first cell.
fn table_key(a: &Analysis<'_>, i: usize, g: &mut Governing) {
    let Some((table, row, column)) = a.cell_of(i) else {
        return;
    };
    let text = a.text;
    if let Some(header) = table.header_cell(column)
        && table.header_row().is_some_and(|h| h.span != row.span)
    {
        let first = a.mentions.partition_point(|q| q.span.start < header.start);
        let last = a.mentions.partition_point(|q| q.span.start < header.end);
        let inside = &a.mentions[first..last];
        let dated = periods(text, header, inside);
        let mut gaps: Vec<Span> = dated.iter().map(|d| d.span).collect();
        gaps.extend(inside.iter().map(|q| q.span));
        let words = normalise(text, header, &gaps);
        let (subject, measure) = split_head(&words);
        let measure = measure.or(subject);
        if measure.is_some() {
            g.key.measure = measure;
            g.head = Some(header);
        }
        if let Some(d) = dated.first() {
            g.period = Some(*d);
        }
    }
    if column > 0
        && let Some(&first) = row.cells.first()
    {
        let words = normalise(text, first, &[]);
        if !words.is_empty() {
            g.key.subject = Some(words);
        }
    }
}

/// Leading words that join a clause to the one before and name nothing.
const LEADING: &[&str] = &[
    "其中",
    "以及",
    "而",
    "但",
    "和",
    "及",
    "与",
    "and ",
    "but ",
    "while ",
    "with ",
    "the ",
    "its ",
    "of which ",
    "including ",
];

/// Trailing particles and prepositions between the head and the predicate.
const TRAILING: &[&str] = &["的", " in", " for", " on", " of", " the", "'s", "’s"];

/// `text[head]` without the `gaps`, in lower case, without punctuation, with white space
/// kept only between Latin words, and without joining words at either end.
fn normalise(text: &str, head: Span, gaps: &[Span]) -> String {
    let mut kept = String::new();
    let mut pos = head.start;
    let mut gaps: Vec<Span> = gaps.iter().filter(|g| g.overlaps(head)).copied().collect();
    gaps.sort_by_key(|g| g.start);
    for g in gaps {
        if g.start > pos {
            kept.push_str(&text[pos..g.start]);
            kept.push(' ');
        }
        pos = pos.max(g.end);
    }
    if pos < head.end {
        kept.push_str(&text[pos..head.end]);
    }
    let mut out = String::with_capacity(kept.len());
    let mut space = false;
    for c in kept.chars() {
        if c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '/' {
            if space && !out.is_empty() && c.is_ascii() && out.ends_with(|p: char| p.is_ascii()) {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    trim_joiners(&out).to_string()
}

/// `s` without joining words at its start and particles at its end, repeatedly.
fn trim_joiners(mut s: &str) -> &str {
    loop {
        let before = s;
        for w in LEADING {
            if let Some(rest) = s.strip_prefix(w) {
                s = rest.trim_start();
            }
        }
        for w in TRAILING {
            if let Some(rest) = s.strip_suffix(w) {
                s = rest.trim_end();
            }
        }
        s = s.trim_matches(|c: char| c == '-' || c == '/' || c == '\'' || c.is_whitespace());
        if s == before {
            return s;
        }
    }
}

/// A normalised head split into subject (before the first measure word) and measure (the
/// canonical measure words); with no measure word, the whole head is the subject.
fn split_head(words: &str) -> (Option<String>, Option<String>) {
    if words.is_empty() {
        return (None, None);
    }
    let hits: Vec<(Span, &str)> = MEASURE
        .find(words, Span::new(0, words.len()))
        .map(|(at, _, canonical)| (at, canonical))
        .collect();
    let Some(first) = hits.first() else {
        return (Some(words.to_string()), None);
    };
    let mut measure = String::new();
    for (_, canonical) in &hits {
        if !measure.split('/').any(|m| m == *canonical) {
            if !measure.is_empty() {
                measure.push('/');
            }
            measure.push_str(canonical);
        }
    }
    let subject = trim_joiners(&words[..first.0.start]);
    let subject = (!subject.is_empty()).then(|| subject.to_string());
    (subject, Some(measure))
}
