//! Blocks of an article (paragraphs, headings, list items, Markdown tables), the sentences of a
//! block and the clause around a figure: masked text in, spans out.

use super::{Cell, Table};
use crate::extract::Mention;
use crate::source::Span;

/// Moves `cursor` past the mentions that start before `offset`; returns the new cursor.
pub(super) fn advance(mentions: &[Mention], cursor: &mut usize, offset: usize) -> usize {
    while mentions.get(*cursor).is_some_and(|m| m.span.start < offset) {
        *cursor += 1;
    }
    *cursor
}

pub(super) enum Block {
    /// The spans of the table's lines, trimmed.
    Table(Vec<Span>),
    Prose {
        span: Span,
        paragraph: usize,
    },
}

/// Paragraphs, headings, list items and tables, in order. A paragraph ends at a blank line;
/// a heading, a list item, a quote or a table line starts a new block. Lines are found by a
/// SIMD byte search (`std`'s `split_inclusive` took most of the time here).
pub(super) fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut prose: Option<Span> = None;
    let mut table: Vec<Span> = Vec::new();
    let flush_prose = |prose: &mut Option<Span>, out: &mut Vec<Block>, paragraph: &mut usize| {
        if let Some(span) = prose.take() {
            out.push(Block::Prose {
                span,
                paragraph: *paragraph,
            });
            *paragraph += 1;
        }
    };
    // Each line's start and end (past its line feed), as `split_inclusive('\n')` gives them.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes())
        .map(|i| i + 1)
        .chain((!text.is_empty() && !text.ends_with('\n')).then_some(text.len()));
    let mut at = 0;
    for end in ends {
        let start = at;
        let line = &text[start..end];
        at = end;
        let body = line.trim_end_matches(['\n', '\r']);
        let from_lead = body.trim_start();
        let trimmed = from_lead.trim_end();
        let lead = body.len() - from_lead.len();
        let span = Span::new(start + lead, start + lead + trimmed.len());
        if trimmed.starts_with('|') {
            flush_prose(&mut prose, &mut out, &mut paragraph);
            table.push(span);
            continue;
        }
        if !table.is_empty() {
            out.push(Block::Table(std::mem::take(&mut table)));
        }
        if trimmed.is_empty() {
            flush_prose(&mut prose, &mut out, &mut paragraph);
            continue;
        }
        if starts_block(trimmed) {
            flush_prose(&mut prose, &mut out, &mut paragraph);
        }
        prose = Some(match prose {
            Some(p) => p.cover(span),
            None => span,
        });
    }
    flush_prose(&mut prose, &mut out, &mut paragraph);
    if !table.is_empty() {
        out.push(Block::Table(table));
    }
    out
}

/// Whether a sentence opens a Markdown list item (`- `, `* `, `+ `, `• `, `1. `, `1) `): the
/// checks read a list introduced by `主要包括：` or `shares were:` as one list of figures.
pub fn is_list_item(sentence: &str) -> bool {
    let t = sentence.trim_start();
    if let Some(rest) = t.strip_prefix(['-', '*', '+', '•']) {
        return rest.starts_with(' ');
    }
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < t.len() && (rest.starts_with(". ") || rest.starts_with(") "))
}

fn starts_block(line: &str) -> bool {
    match line.chars().next() {
        Some('#' | '>' | '-' | '*' | '+' | '•') => true,
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

/// The sentences of one block, into `out` (cleared first): they end at 。！？!? and at `.` before white space and a
/// capital or the end. `；` and `;` do not end a sentence here: a list of parts often runs
/// across them.
pub(super) fn sentence_spans(text: &str, block: Span, out: &mut Vec<Span>) {
    let s = &text[block.range()];
    out.clear();
    let mut start = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut leads = crate::analysis::split::StopLeads::new(bytes);
    while let Some(at) = leads.next_from(i) {
        i = at;
        // `；` comes back too, and is no stop here (below).
        let Some(c) = crate::analysis::split::stop_at(bytes, i) else {
            i += 3;
            continue;
        };
        let end = i + c.len_utf8();
        let stop = match c {
            '。' | '！' | '？' | '!' | '?' => true,
            '.' => {
                let rest = &s[end..];
                let next = rest.trim_start();
                (rest.is_empty() || rest.starts_with(char::is_whitespace))
                    && !next.starts_with(|c: char| c.is_ascii_lowercase())
                    && !(i > 0 && bytes[i - 1].is_ascii_uppercase() && i + 1 < s.len() && {
                        // `U.S. invested`: a single capital before the stop.
                        i < 2 || !bytes[i - 2].is_ascii_alphabetic()
                    })
            }
            _ => false,
        };
        if stop {
            push_trimmed(out, block.start, &s[start..end], start);
            start = end;
        }
        i = end;
    }
    if start < s.len() {
        push_trimmed(out, block.start, &s[start..], start);
    }
}

fn push_trimmed(out: &mut Vec<Span>, base: usize, piece: &str, at: usize) {
    let lead = piece.len() - piece.trim_start().len();
    let t = piece.trim();
    if !t.is_empty() {
        let s = base + at + lead;
        out.push(Span::new(s, s + t.len()));
    }
}

/// A Markdown table from its lines: the first is the header, a `|---|` line is skipped.
pub(super) fn table(text: &str, lines: &[Span], mentions: &[Mention], cursor: &mut usize) -> Table {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for &line in lines {
        let row = &text[line.range()];
        if row
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
        {
            continue;
        }
        let mut cells = Vec::new();
        let mut at = line.start;
        for (k, piece) in row.split('|').enumerate() {
            let start = at;
            at += piece.len() + 1;
            if k == 0 && piece.trim().is_empty() {
                continue;
            }
            let lead = piece.len() - piece.trim_start().len();
            let t = piece.trim();
            if t.is_empty() && at > line.end {
                continue;
            }
            let span = Span::new(start + lead, start + lead + t.len());
            let lo = advance(mentions, cursor, span.start);
            let hi = advance(mentions, cursor, span.end);
            let quantities: Vec<usize> = (lo..hi)
                .filter(|&i| mentions[i].kind.is_quantity())
                .collect();
            cells.push(Cell {
                span,
                mention: (quantities.len() == 1).then(|| quantities[0]),
            });
        }
        advance(mentions, cursor, line.end);
        rows.push(cells);
    }
    let header = if rows.is_empty() {
        Vec::new()
    } else {
        rows.remove(0)
    };
    Table { header, rows }
}

/// Characters that end a clause: the figure's governing words never reach across them.
#[inline]
pub fn is_clause_break(text: &str, i: usize, c: char) -> bool {
    match c {
        '，' | '；' | '：' | ';' | ':' | '、' | '（' | '）' | '(' | ')' => true,
        ',' => {
            let b = text.as_bytes();
            let before = i > 0 && b[i - 1].is_ascii_digit();
            let after = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            !(before && after)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `blocks` as it was, reading the lines with `split_inclusive`: the reference.
    fn blocks_reference(text: &str) -> Vec<Block> {
        let mut out = Vec::new();
        let mut paragraph = 0;
        let mut prose: Option<Span> = None;
        let mut table: Vec<Span> = Vec::new();
        let mut at = 0;
        let flush_prose =
            |prose: &mut Option<Span>, out: &mut Vec<Block>, paragraph: &mut usize| {
                if let Some(span) = prose.take() {
                    out.push(Block::Prose {
                        span,
                        paragraph: *paragraph,
                    });
                    *paragraph += 1;
                }
            };
        for line in text.split_inclusive('\n') {
            let start = at;
            at += line.len();
            let body = line.trim_end_matches(['\n', '\r']);
            let trimmed = body.trim();
            let lead = body.len() - body.trim_start().len();
            let span = Span::new(start + lead, start + lead + trimmed.len());
            if trimmed.starts_with('|') {
                flush_prose(&mut prose, &mut out, &mut paragraph);
                table.push(span);
                continue;
            }
            if !table.is_empty() {
                out.push(Block::Table(std::mem::take(&mut table)));
            }
            if trimmed.is_empty() {
                flush_prose(&mut prose, &mut out, &mut paragraph);
                continue;
            }
            if starts_block(trimmed) {
                flush_prose(&mut prose, &mut out, &mut paragraph);
            }
            prose = Some(match prose {
                Some(p) => p.cover(span),
                None => span,
            });
        }
        flush_prose(&mut prose, &mut out, &mut paragraph);
        if !table.is_empty() {
            out.push(Block::Table(table));
        }
        out
    }

    fn shape(blocks: &[Block]) -> Vec<(bool, Vec<Span>, usize)> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Table(lines) => (true, lines.clone(), 0),
                Block::Prose { span, paragraph } => (false, vec![*span], *paragraph),
            })
            .collect()
    }

    const PIECES: &[&str] = &[
        "\n",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\u{3000}",
        "| a | 1 |",
        "|---|",
        "# ",
        "- ",
        "* ",
        "1. ",
        "2) ",
        "> ",
        "全市",
        "增长 5%。",
        "Net sales rose.",
        "12",
        "\t",
        "•",
        "+",
    ];

    proptest::proptest! {
        #[test]
        fn the_blocks_agree_with_the_reference(
            picks in proptest::collection::vec(0usize..100, 0..40),
        ) {
            let text: String = picks.iter().map(|&k| PIECES[k % PIECES.len()]).collect();
            proptest::prop_assert_eq!(shape(&blocks(&text)), shape(&blocks_reference(&text)));
        }

        #[test]
        fn the_blocks_agree_on_any_text(text in "[\\PC\n\r|#]{0,60}") {
            proptest::prop_assert_eq!(shape(&blocks(&text)), shape(&blocks_reference(&text)));
        }
    }
}
