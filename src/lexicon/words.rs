//! Finding the words of a table in text: leftmost-longest, Latin words only at word
//! boundaries, ASCII without regard to case. Linear in the text (Aho-Corasick).

use aho_corasick::{AhoCorasick, MatchKind};

use crate::source::Span;

/// A compiled table: finds its words in text and gives each hit's entry.
pub struct Matcher<T: 'static> {
    automaton: AhoCorasick,
    table: Vec<(&'static str, T)>,
}

impl<T: Copy + 'static> Matcher<T> {
    pub fn new(table: &'static [(&'static str, T)]) -> Matcher<T> {
        Matcher::from_words(table.iter().copied())
    }

    /// A matcher over words gathered from several tables.
    pub fn from_words(words: impl IntoIterator<Item = (&'static str, T)>) -> Matcher<T> {
        let table: Vec<(&'static str, T)> = words.into_iter().collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(table.iter().map(|e| e.0))
            .expect("static word table");
        Matcher { automaton, table }
    }

    /// Every hit in `text[span]`, in order, as (span in `text`, word, value). A Latin word
    /// must not touch a Latin letter or digit on either side (`real` is not in `really`).
    pub fn find<'t>(
        &'t self,
        text: &'t str,
        span: Span,
    ) -> impl Iterator<Item = (Span, &'static str, T)> + 't {
        let hay = &text[span.range()];
        self.automaton.find_iter(hay).filter_map(move |m| {
            let (word, value) = self.table[m.pattern().as_usize()];
            let bytes = hay.as_bytes();
            let latin = |b: u8| b.is_ascii_alphanumeric();
            if word.as_bytes().first().is_some_and(|&b| latin(b))
                && m.start() > 0
                && latin(bytes[m.start() - 1])
            {
                return None;
            }
            if word.as_bytes().last().is_some_and(|&b| latin(b))
                && bytes.get(m.end()).is_some_and(|&b| latin(b))
            {
                return None;
            }
            Some((
                Span::new(span.start + m.start(), span.start + m.end()),
                word,
                value,
            ))
        })
    }
}
