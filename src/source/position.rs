//! Positions for front ends: a byte offset in, a line and a column counted in the unit the
//! reader speaks out, and back. Reports count characters (Unicode scalar values); editors
//! speaking the Language Server Protocol count UTF-16 code units by default; programs that
//! slice the text count bytes. ruff's `PositionEncoding` makes the same three-way choice.
//!
//! Lines and columns here are 0-based, as the LSP has them; `LineIndex::line_col` (1-based,
//! characters) stays what the printers use.

use super::LineIndex;

/// The unit a column is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PositionEncoding {
    /// UTF-8 bytes.
    Utf8,
    /// UTF-16 code units: what editors (the LSP's default, VS Code) use.
    #[default]
    Utf16,
    /// Unicode scalar values (characters): what factlint's reports print.
    Utf32,
}

impl PositionEncoding {
    /// The width of `c` in this unit.
    fn width(self, c: char) -> usize {
        match self {
            PositionEncoding::Utf8 => c.len_utf8(),
            PositionEncoding::Utf16 => c.len_utf16(),
            PositionEncoding::Utf32 => 1,
        }
    }
}

/// A 0-based line and a 0-based column in some `PositionEncoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    /// The position of byte `offset` of `text` (the text this index was built over). An
    /// offset past the end is clamped to it; one inside a character or a line ending counts
    /// up to the last whole character before it.
    pub fn position(&self, text: &str, offset: usize, encoding: PositionEncoding) -> Position {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let content = self.line_span(text, line);
        let end = offset.clamp(content.start, content.end);
        let column = match encoding {
            PositionEncoding::Utf8 => end - content.start,
            PositionEncoding::Utf32 => self.line_col(text, end).1 - 1,
            PositionEncoding::Utf16 => text[content.start..]
                .char_indices()
                .take_while(|(i, _)| content.start + i < end)
                .map(|(_, c)| c.len_utf16())
                .sum(),
        };
        Position { line, column }
    }

    /// The byte offset of `position`, or `None` when its line does not exist. A column past
    /// the end of the line (or inside a character) gives the end of the line (or the start
    /// of that character), as editors expect.
    pub fn offset(
        &self,
        text: &str,
        position: Position,
        encoding: PositionEncoding,
    ) -> Option<usize> {
        self.line_start(position.line)?;
        let content = self.line_span(text, position.line);
        let mut units = 0;
        for (i, c) in text[content.range()].char_indices() {
            let next = units + encoding.width(c);
            if next > position.column {
                return Some(content.start + i);
            }
            units = next;
        }
        Some(content.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_each_encoding() {
        // 训 is 3 bytes, 1 UTF-16 unit; 😀 is 4 bytes, 2 UTF-16 units.
        let text = "ab\n训😀x\r\nz";
        let index = LineIndex::new(text);
        let x = text.find('x').expect("x");
        let at = |enc| index.position(text, x, enc);
        assert_eq!(at(PositionEncoding::Utf8), Position { line: 1, column: 7 });
        assert_eq!(at(PositionEncoding::Utf16), Position { line: 1, column: 3 });
        assert_eq!(at(PositionEncoding::Utf32), Position { line: 1, column: 2 });
        for enc in [
            PositionEncoding::Utf8,
            PositionEncoding::Utf16,
            PositionEncoding::Utf32,
        ] {
            assert_eq!(index.offset(text, at(enc), enc), Some(x), "{enc:?}");
        }
    }

    #[test]
    fn ends_of_lines_and_text() {
        let text = "训练\r\n";
        let index = LineIndex::new(text);
        let end = index.position(text, text.len(), PositionEncoding::Utf16);
        assert_eq!(end, Position { line: 1, column: 0 });
        // Inside the CRLF: the column after the last character.
        let cr = index.position(text, 6, PositionEncoding::Utf16);
        assert_eq!(cr, Position { line: 0, column: 2 });
        let past = Position {
            line: 0,
            column: 99,
        };
        assert_eq!(index.offset(text, past, PositionEncoding::Utf16), Some(6));
        let no_line = Position { line: 5, column: 0 };
        assert_eq!(index.offset(text, no_line, PositionEncoding::Utf8), None);
    }
}
