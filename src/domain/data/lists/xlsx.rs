//! Excel workbooks (`.xlsx`) read without a zip or an XML crate: this
//! module finds the parts in the zip container and turns the first sheet's
//! cells into a table like a CSV file's. Inflating the parts (the
//! browser's `DecompressionStream`) and reading their XML (`DOMParser`)
//! are the browser's.

use std::ops::Range;

use crate::domain::data::lists::table::{push_row, Table, TableError};
use crate::i18n::Message;

/// Why a file is not a workbook the app can read. Nothing changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkbookError {
    /// Not a zip container: damaged, or not an `.xlsx` at all.
    NotAWorkbook,
    /// An OLE file: a workbook with a password, or the old `.xls` format.
    ProtectedOrOld,
    /// A zip without a worksheet.
    NoSheet,
    Table(TableError),
}

impl WorkbookError {
    pub fn message(&self) -> Message {
        match self {
            WorkbookError::NotAWorkbook => Message::new(key!("xlsx.not_a_workbook")),
            WorkbookError::ProtectedOrOld => Message::new(key!("xlsx.protected_or_old")),
            WorkbookError::NoSheet => Message::new(key!("xlsx.no_sheet")),
            WorkbookError::Table(e) => e.message(),
        }
    }
}

/// One file inside the zip: its name and where its bytes are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZipPart {
    pub name: String,
    /// Compressed with deflate (else stored as it is).
    pub deflated: bool,
    pub data: Range<usize>,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?) as usize)
}

fn u32_at(bytes: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize)
}

/// The parts of a zip container, from its central directory.
pub fn zip_parts(bytes: &[u8]) -> Result<Vec<ZipPart>, WorkbookError> {
    if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
        return Err(WorkbookError::ProtectedOrOld);
    }
    read_directory(bytes).ok_or(WorkbookError::NotAWorkbook)
}

fn read_directory(bytes: &[u8]) -> Option<Vec<ZipPart>> {
    // The end record is within the last 22 bytes plus a comment of up to 64 KB.
    let from = bytes.len().saturating_sub(22 + 0xffff);
    let end = (from..bytes.len().saturating_sub(21)).rev().find(|&at| bytes[at..].starts_with(b"PK\x05\x06"))?;
    let (count, size, mut at) = (u16_at(bytes, end + 10)?, u32_at(bytes, end + 12)?, u32_at(bytes, end + 16)?);
    // The directory ends where the end record begins; a file cut or patched does not.
    let directory_end = at.checked_add(size).filter(|e| *e == end)?;
    let mut parts = Vec::with_capacity(count);
    for _ in 0..count {
        if !bytes.get(at..directory_end)?.starts_with(b"PK\x01\x02") {
            return None;
        }
        let (method, size, name_length) = (u16_at(bytes, at + 10)?, u32_at(bytes, at + 20)?, u16_at(bytes, at + 28)?);
        let (extra, comment, local) = (u16_at(bytes, at + 30)?, u16_at(bytes, at + 32)?, u32_at(bytes, at + 42)?);
        let name = String::from_utf8_lossy(bytes.get(at + 46..at + 46 + name_length)?).into_owned();
        // The data follows the local header, whose name and extra field may differ in length.
        if !bytes.get(local..)?.starts_with(b"PK\x03\x04") {
            return None;
        }
        let start = local + 30 + u16_at(bytes, local + 26)? + u16_at(bytes, local + 28)?;
        bytes.get(start..start + size)?;
        if method == 0 || method == 8 {
            parts.push(ZipPart { name, deflated: method == 8, data: start..start + size });
        }
        at += 46 + name_length + extra + comment;
    }
    (at == directory_end).then_some(parts)
}

/// The worksheet to read: the first one, `sheet1.xml` where Excel wrote it.
pub fn first_sheet(parts: &[ZipPart]) -> Result<&ZipPart, WorkbookError> {
    let sheets = || parts.iter().filter(|p| p.name.starts_with("xl/worksheets/") && p.name.ends_with(".xml"));
    sheets().find(|p| p.name == "xl/worksheets/sheet1.xml").or_else(|| sheets().next()).ok_or(WorkbookError::NoSheet)
}

/// A cell as the sheet's XML holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetCell {
    /// "B12"; empty where the file leaves it out (the next column then).
    pub reference: String,
    /// The `t` attribute: "s" shared string, "inlineStr", "str", "b", "e", or "" for a number.
    pub kind: String,
    /// The text of `<v>`.
    pub value: String,
    /// The text of `<is>` (an inline string).
    pub inline: String,
}

/// "B12" → (12, 1): the row as Excel numbers it, the column from 0.
pub fn cell_place(reference: &str) -> Option<(usize, usize)> {
    let letters = reference.chars().take_while(char::is_ascii_alphabetic).count();
    let row = reference[letters..].parse().ok().filter(|r| *r > 0)?;
    let column =
        reference[..letters].bytes().try_fold(0usize, |n, b| Some(n.checked_mul(26)? + (b.to_ascii_uppercase() - b'A') as usize + 1))?;
    (column > 0).then(|| (row, column - 1))
}

/// The text a cell shows: a shared string, an inline one, a formula's
/// result, or the number as written. An error value shows nothing.
fn cell_text(cell: &SheetCell, shared: &[String]) -> String {
    match cell.kind.as_str() {
        "s" => cell.value.trim().parse::<usize>().ok().and_then(|i| shared.get(i)).cloned().unwrap_or_default(),
        "inlineStr" => cell.inline.clone(),
        "e" => String::new(),
        _ => cell.value.clone(),
    }
}

/// The sheet's rows (each a `<row>`'s cells, with its number) as a table:
/// each row with the number Excel shows, empty rows and trailing empty
/// cells left out as in a CSV file.
pub fn sheet_table(rows: Vec<(usize, Vec<SheetCell>)>, shared: &[String]) -> Result<Table, WorkbookError> {
    let mut table = Table::default();
    let mut last_row = 0;
    for (number, cells) in rows {
        let mut line = if number > 0 { number } else { last_row + 1 };
        let mut texts: Vec<String> = Vec::new();
        for cell in cells {
            let column = match cell_place(&cell.reference) {
                Some((row, column)) => {
                    line = row;
                    column
                }
                None => texts.len(),
            };
            if texts.len() <= column {
                texts.resize(column + 1, String::new());
            }
            texts[column] = cell_text(&cell, shared).trim().to_owned();
        }
        last_row = line;
        push_row(&mut table, line, texts).map_err(WorkbookError::Table)?;
    }
    if table.rows.is_empty() {
        return Err(WorkbookError::Table(TableError::Empty));
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORKBOOK: &[u8] = include_bytes!("../../../../tests/fixtures/lists/einrichtungen.xlsx");

    #[test]
    fn the_parts_of_a_workbook_are_found_in_its_zip() {
        let parts = zip_parts(WORKBOOK).unwrap();
        let names: Vec<&str> = parts.iter().map(|p| p.name.as_str()).collect();
        for name in ["[Content_Types].xml", "xl/workbook.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"] {
            assert!(names.contains(&name), "{name} in {names:?}");
        }
        let sheet = first_sheet(&parts).unwrap();
        assert_eq!(sheet.name, "xl/worksheets/sheet1.xml");
        assert!(sheet.deflated);
        // A stored part's bytes are its text.
        let stored = parts.iter().find(|p| !p.deflated).expect("the fixture stores one part uncompressed");
        assert!(std::str::from_utf8(&WORKBOOK[stored.data.clone()]).unwrap().starts_with("<?xml"));
    }

    #[test]
    fn what_is_no_workbook_says_so() {
        assert_eq!(zip_parts(b"Einrichtung;Art\n"), Err(WorkbookError::NotAWorkbook));
        assert_eq!(zip_parts(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), Err(WorkbookError::ProtectedOrOld));
        // Cut short: the directory points past the end.
        assert_eq!(zip_parts(&WORKBOOK[WORKBOOK.len() / 2..]), Err(WorkbookError::NotAWorkbook));
        let mut cut = WORKBOOK[..WORKBOOK.len() - 40].to_vec();
        cut.extend_from_slice(&WORKBOOK[WORKBOOK.len() - 22..]);
        assert_eq!(zip_parts(&cut), Err(WorkbookError::NotAWorkbook));
        assert_eq!(first_sheet(&[]), Err(WorkbookError::NoSheet));
        assert_eq!(sheet_table(vec![(1, vec![])], &[]), Err(WorkbookError::Table(TableError::Empty)));
    }

    #[test]
    fn cell_references_give_row_and_column() {
        assert_eq!(cell_place("A1"), Some((1, 0)));
        assert_eq!(cell_place("B12"), Some((12, 1)));
        assert_eq!(cell_place("Z3"), Some((3, 25)));
        assert_eq!(cell_place("AA3"), Some((3, 26)));
        assert_eq!(cell_place("ab10"), Some((10, 27)));
        for bad in ["", "12", "A", "A0", "A-1", "€1"] {
            assert_eq!(cell_place(bad), None, "{bad}");
        }
    }

    #[test]
    fn cells_become_rows_with_the_numbers_excel_shows() {
        let cell = |reference: &str, kind: &str, value: &str| SheetCell {
            reference: reference.into(),
            kind: kind.into(),
            value: value.into(),
            inline: String::new(),
        };
        let shared = ["Einrichtung".to_owned(), "Art".to_owned(), "Trägerverein Müßig e.V.".to_owned()];
        let rows = vec![
            (1, vec![cell("A1", "s", "0"), cell("C1", "s", "1")]),
            // Row 2 is not in the file; row 3 has a gap, a number, a formula's text, an error.
            (3, vec![cell("A3", "s", "2"), cell("C3", "str", "Verein"), cell("D3", "", "12.5"), cell("E3", "e", "#NV")]),
            (4, vec![SheetCell { reference: "B4".into(), kind: "inlineStr".into(), inline: " Café ".into(), ..SheetCell::default() }]),
            (5, vec![cell("A5", "s", "99"), cell("B5", "", "")]),
            // Without references: the row after the last, its cells in order.
            (0, vec![cell("", "str", "X"), cell("", "str", "Y")]),
        ];
        let table = sheet_table(rows, &shared).unwrap();
        let shown: Vec<(usize, Vec<&str>)> = table.rows.iter().map(|r| (r.line, r.cells.iter().map(String::as_str).collect())).collect();
        assert_eq!(
            shown,
            vec![
                (1, vec!["Einrichtung", "", "Art"]),
                (3, vec!["Trägerverein Müßig e.V.", "", "Verein", "12.5"]),
                (4, vec!["", "Café"]),
                (6, vec!["X", "Y"]),
            ]
        );
    }
}
