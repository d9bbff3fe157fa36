//! Blocks of a document: masked text in, its units (paragraphs, headings, list items, quotes,
//! table rows) and its Markdown tables out, in one pass over the lines.
//!
//! A unit is what a reader takes as one piece: a paragraph runs over its soft-wrapped lines;
//! a list item is a unit of its own (with the lines that continue it) even without `。`; a
//! table row is a unit of its own, and its cells are split at unescaped `|`.

use super::split::{LineKind, block_of_line};
use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Paragraph,
    Heading,
    ListItem,
    Quote,
    TableRow,
}

/// One block of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub kind: UnitKind,
    /// From the first to the last non-blank byte of its lines.
    pub span: Span,
    /// For a table row: the table's index in `Analysis::tables` and the row's index in it.
    pub row: Option<(usize, usize)>,
}

/// A Markdown table: consecutive lines that open with `|`.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub span: Span,
    /// The rows in order, the delimiter row (`|---|---|`) left out.
    pub rows: Vec<Row>,
    /// Index in `rows` of the header row: the row right above the delimiter row.
    pub header: Option<usize>,
}

impl Table {
    /// The header row, if the table has one.
    pub fn header_row(&self) -> Option<&Row> {
        self.rows.get(self.header?)
    }

    /// The header cell above column `column`, if any.
    pub fn header_cell(&self, column: usize) -> Option<Span> {
        self.header_row()?.cells.get(column).copied()
    }
}

/// A table row and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub span: Span,
    /// Each cell's text without the pipes and surrounding space (empty cells are empty spans).
    pub cells: Vec<Span>,
    /// Index of the row's unit in `Analysis::units`.
    pub unit: usize,
}

impl Row {
    /// The index of the cell that holds byte `offset`, if any.
    pub fn column_at(&self, offset: usize) -> Option<usize> {
        self.cells
            .iter()
            .position(|c| c.start <= offset && offset < c.end.max(c.start + 1))
    }
}

/// The units and tables of `text`.
pub(crate) fn units(text: &str) -> (Vec<Unit>, Vec<Table>) {
    let mut units: Vec<Unit> = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    // The unit still open (one that the next text line would continue), and whether the
    // previous line was a table row.
    let mut open: Option<usize> = None;
    let mut in_table = false;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let line_start = start;
        start += line.len();
        let kind = block_of_line(line);
        let Some(span) = super::split::trimmed(text, line_start, line_start + line.len()) else {
            open = None;
            in_table = false;
            continue;
        };
        if kind != LineKind::TableRow {
            in_table = false;
        }
        match kind {
            LineKind::Blank => {
                open = None;
            }
            LineKind::Text | LineKind::Quote if open.is_some() => {
                let u = open.expect("checked");
                if kind == LineKind::Text || units[u].kind == UnitKind::Quote {
                    units[u].span = units[u].span.cover(span);
                } else {
                    units.push(Unit {
                        kind: UnitKind::Quote,
                        span,
                        row: None,
                    });
                    open = Some(units.len() - 1);
                }
            }
            LineKind::Text | LineKind::Quote | LineKind::ListItem => {
                let kind = match kind {
                    LineKind::Text => UnitKind::Paragraph,
                    LineKind::Quote => UnitKind::Quote,
                    _ => UnitKind::ListItem,
                };
                units.push(Unit {
                    kind,
                    span,
                    row: None,
                });
                open = Some(units.len() - 1);
            }
            LineKind::Heading => {
                units.push(Unit {
                    kind: UnitKind::Heading,
                    span,
                    row: None,
                });
                open = None;
            }
            LineKind::TableRow => {
                open = None;
                if !in_table {
                    tables.push(Table {
                        span,
                        rows: Vec::new(),
                        header: None,
                    });
                    in_table = true;
                }
                let t = tables.len() - 1;
                let table = &mut tables[t];
                table.span = table.span.cover(span);
                let cells = cells(text, span);
                if is_delimiter(text, &cells) {
                    if table.rows.len() == 1 && table.header.is_none() {
                        table.header = Some(0);
                    }
                    continue;
                }
                units.push(Unit {
                    kind: UnitKind::TableRow,
                    span,
                    row: Some((t, table.rows.len())),
                });
                table.rows.push(Row {
                    span,
                    cells,
                    unit: units.len() - 1,
                });
            }
        }
    }
    (units, tables)
}

/// The cells of the row at `row` (which opens with `|`): the text between unescaped pipes.
fn cells(text: &str, row: Span) -> Vec<Span> {
    let line = &text[row.range()];
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut cell_start = None;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'|' && (i == 0 || bytes[i - 1] != b'\\') {
            if let Some(s) = cell_start {
                out.push(trim_span(text, row.start + s, row.start + i));
            }
            cell_start = Some(i + 1);
        }
    }
    // A row without a closing pipe still has its last cell.
    if let Some(s) = cell_start
        && !line[s..].trim().is_empty()
    {
        out.push(trim_span(text, row.start + s, row.end));
    }
    out
}

fn trim_span(text: &str, start: usize, end: usize) -> Span {
    super::split::trimmed(text, start, end).unwrap_or(Span::new(start, start))
}

/// Whether every cell is `---`, `:--`, `--:` or `:-:`.
fn is_delimiter(text: &str, cells: &[Span]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|c| {
            let s = text[c.range()]
                .trim_start_matches(':')
                .trim_end_matches(':');
            !s.is_empty() && s.bytes().all(|b| b == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_list_items_and_headings() {
        let text = "# 标题\n\n第一段，\n续行。\n- 甲 1 吨\n  续\n- 乙 2 吨\n\n> 引文\n> 续\n";
        let (units, tables) = units(text);
        let got: Vec<(UnitKind, &str)> = units
            .iter()
            .map(|u| (u.kind, &text[u.span.range()]))
            .collect();
        assert_eq!(
            got,
            [
                (UnitKind::Heading, "# 标题"),
                (UnitKind::Paragraph, "第一段，\n续行。"),
                (UnitKind::ListItem, "- 甲 1 吨\n  续"),
                (UnitKind::ListItem, "- 乙 2 吨"),
                (UnitKind::Quote, "> 引文\n> 续"),
            ]
        );
        assert!(tables.is_empty());
    }

    #[test]
    fn tables_have_rows_cells_and_a_header() {
        let text = "前文\n\n| 地区 | 营收 | 占比 |\n|---|:--:|--:|\n| 华东 | 12 亿元 | 35% |\n| 华南 | a\\|b |\n\n后文";
        let (units, tables) = units(text);
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.header, Some(0));
        let cells: Vec<Vec<&str>> = t
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| &text[c.range()]).collect())
            .collect();
        assert_eq!(cells[0], ["地区", "营收", "占比"]);
        assert_eq!(cells[1], ["华东", "12 亿元", "35%"]);
        assert_eq!(cells[2], ["华南", "a\\|b"]);
        let row = &t.rows[1];
        assert_eq!(units[row.unit].kind, UnitKind::TableRow);
        assert_eq!(units[row.unit].row, Some((0, 1)));
        let at = text.find("35%").unwrap();
        assert_eq!(row.column_at(at), Some(2));
        assert_eq!(text[t.header_cell(2).unwrap().range()].to_string(), "占比");
        assert_eq!(units.last().map(|u| u.kind), Some(UnitKind::Paragraph));
    }
}
