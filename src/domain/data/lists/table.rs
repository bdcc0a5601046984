//! A CSV file as German offices write it, read into rows of cells:
//! semicolon, comma or tab between cells (whichever the file uses), quoted
//! cells with separators, quotes and line breaks inside, a byte-order mark
//! or none, CRLF or LF. The bytes are decoded before (UTF-8, or Windows-1252
//! as German Excel saves "CSV (Trennzeichen-getrennt)"), by the browser.

use crate::i18n::Message;

/// The most rows a list may have: a Kreis has hundreds of organisations, not a million.
pub const MAX_ROWS: usize = 20_000;

/// Why a text is not a table. Nothing changes when one of these occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    Empty,
    /// A quote opened in this line is never closed.
    OpenQuote {
        line: usize,
    },
    TooManyRows,
}

impl TableError {
    pub fn message(&self) -> Message {
        match self {
            TableError::Empty => Message::new(key!("list.empty")),
            TableError::OpenQuote { line } => Message::new(key!("list.open_quote")).with("line", line),
            TableError::TooManyRows => Message::new(key!("list.too_many_rows")).with("max", MAX_ROWS),
        }
    }
}

/// The rows of a table, each with the line of the file it starts on (a
/// quoted line break makes the two differ), empty rows left out.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Table {
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// The separator the file uses: of semicolon, tab and comma, the one found
/// most often outside quotes in its first lines (German Excel writes semicolons).
pub fn detect_separator(text: &str) -> char {
    let (mut counts, mut quoted, mut lines) = ([0usize; 3], false, 0);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            '\t' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            '\n' if !quoted => {
                lines += 1;
                if lines == 20 {
                    break;
                }
            }
            _ => {}
        }
    }
    // Ties go to the semicolon, then the tab: commas also appear inside German numbers.
    let best = (0..3).rev().max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [';', '\t', ','][best]
}

/// Reads the text into rows. A cell's surrounding quotes are removed and
/// doubled quotes inside become one; a cell Netzwerkatlas defused against
/// Excel formulas ("'=…") gets its text back. Text stays text: a formula
/// such as `=HYPERLINK(…)` arrives as the characters it is.
pub fn read_table(text: &str) -> Result<Table, TableError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(TableError::Empty);
    }
    let separator = detect_separator(text);
    let mut table = Table::default();
    let (mut cells, mut cell, mut quoted, mut was_quoted) = (Vec::new(), String::new(), false, false);
    let (mut line, mut row_line, mut quote_line) = (1, 1, 1);
    let mut chars = text.chars().peekable();
    let finish_cell = |cells: &mut Vec<String>, cell: &mut String, was_quoted: &mut bool| {
        let value = std::mem::take(cell);
        let value = if *was_quoted { value } else { value.trim().to_owned() };
        let value = match value.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_owned(),
            _ => value,
        };
        cells.push(value);
        *was_quoted = false;
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' => {
                    line += 1;
                    cell.push('\n');
                }
                other => cell.push(other),
            }
            continue;
        }
        match c {
            '"' if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
                was_quoted = true;
                quote_line = line;
            }
            c if c == separator => finish_cell(&mut cells, &mut cell, &mut was_quoted),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                finish_cell(&mut cells, &mut cell, &mut was_quoted);
                push_row(&mut table, row_line, std::mem::take(&mut cells))?;
                line += 1;
                row_line = line;
            }
            other => cell.push(other),
        }
    }
    if quoted {
        return Err(TableError::OpenQuote { line: quote_line });
    }
    finish_cell(&mut cells, &mut cell, &mut was_quoted);
    push_row(&mut table, row_line, cells)?;
    if table.rows.is_empty() {
        return Err(TableError::Empty);
    }
    Ok(table)
}

/// Adds a row unless it is empty, its trailing empty cells left out.
pub(super) fn push_row(table: &mut Table, line: usize, mut cells: Vec<String>) -> Result<(), TableError> {
    while cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    if cells.is_empty() {
        return Ok(());
    }
    if table.rows.len() == MAX_ROWS {
        return Err(TableError::TooManyRows);
    }
    table.rows.push(Row { line, cells });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(table: &Table) -> Vec<Vec<&str>> {
        table.rows.iter().map(|r| r.cells.iter().map(String::as_str).collect()).collect()
    }

    #[test]
    fn separators_are_found_as_the_file_uses_them() {
        for (text, separator) in [
            ("Name;Art\nA;B\n", ';'),
            ("Name,Art\nA,B\n", ','),
            ("Name\tArt\nA\tB\n", '\t'),
            // Commas inside German numbers and inside quotes do not count.
            ("Name;Betrag\n\"Müller, Meier\";1,5\nB;2,5\n", ';'),
            ("\"a;b\",c,d\n", ','),
        ] {
            assert_eq!(detect_separator(text), separator, "{text:?}");
        }
    }

    #[test]
    fn quoted_cells_keep_separators_quotes_and_line_breaks() {
        let table =
            read_table("\u{feff}Name;Notizen\r\n\"Verein \"\"Hand in Hand\"\"\";\"erste Zeile\r\nzweite; Zeile\"\r\nB;x\r\n").unwrap();
        assert_eq!(
            cells(&table),
            vec![vec!["Name", "Notizen"], vec!["Verein \"Hand in Hand\"", "erste Zeile\nzweite; Zeile"], vec!["B", "x"]]
        );
        assert_eq!(
            table.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![1, 2, 4],
            "the row after a quoted line break starts on line 4"
        );
    }

    #[test]
    fn empty_rows_and_trailing_empty_cells_are_left_out() {
        let table = read_table("Kreisliste 2025;;\n;;\n\nName;Art;\nA;;\n").unwrap();
        assert_eq!(cells(&table), vec![vec!["Kreisliste 2025"], vec!["Name", "Art"], vec!["A"]]);
        assert_eq!(table.rows[1].line, 4);
    }

    #[test]
    fn formulas_arrive_as_text_and_defused_cells_get_their_text_back() {
        let table = read_table("Name;Website\n'=Summe;\"=HYPERLINK(\"\"https://a.example\"\";\"\"a\"\")\"\n").unwrap();
        assert_eq!(cells(&table)[1], vec!["=Summe", "=HYPERLINK(\"https://a.example\";\"a\")"]);
    }

    #[test]
    fn what_is_not_a_table_is_named() {
        assert_eq!(read_table(""), Err(TableError::Empty));
        assert_eq!(read_table("\u{feff} \r\n;;\r\n"), Err(TableError::Empty));
        assert_eq!(read_table("Name;Notizen\nA;\"offen\nB;x\n"), Err(TableError::OpenQuote { line: 2 }));
        let many = "a\n".repeat(MAX_ROWS + 1);
        assert_eq!(read_table(&many), Err(TableError::TooManyRows));
    }
}
