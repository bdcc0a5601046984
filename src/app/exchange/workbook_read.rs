//! Excel workbooks (`.xlsx`) opened with the browser's own tools: the
//! domain finds the parts in the zip (`lists::xlsx`), `DecompressionStream`
//! inflates them, `DOMParser` reads their XML, and the domain makes the
//! first sheet's cells a table, read on like a CSV file's.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, Element, ReadableStream, Response};

use crate::app::platform::browser::file_bytes;
use crate::app::platform::xml::{attribute, children, parse_xml};
use crate::domain::data::format::MAX_FILE_BYTES;
use crate::domain::data::lists::table::Table;
use crate::domain::data::lists::xlsx::{first_sheet, sheet_table, zip_parts, SheetCell, WorkbookError, ZipPart};
use crate::i18n::Message;

// web-sys has `DecompressionStream` only behind its unstable APIs; this
// binding is all the reader needs.
#[wasm_bindgen]
extern "C" {
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// The stream inflated: it pipes through the decompressor as through any
/// {readable, writable} pair.
fn inflated(stream: &ReadableStream) -> Result<ReadableStream, JsValue> {
    let pipe: js_sys::Function = js_sys::Reflect::get(stream, &"pipeThrough".into())?.dyn_into()?;
    Ok(pipe.call1(stream, &DecompressionStream::new("deflate-raw")?.into())?.unchecked_into())
}

/// An Excel workbook by its name.
pub fn is_workbook(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".xlsx")
}

/// The first sheet of a workbook as a table. A file that is no workbook,
/// or one with a password, says so and changes nothing.
pub async fn read_workbook(file: &web_sys::File) -> Result<Table, Message> {
    let array = file_bytes(file, MAX_FILE_BYTES).await?;
    let bytes = array.to_vec();
    let parts = zip_parts(&bytes).map_err(|e| e.message())?;
    let sheet = first_sheet(&parts).map_err(|e| e.message())?;
    let shared = match parts.iter().find(|p| p.name == "xl/sharedStrings.xml") {
        Some(part) => children(&xml(&part_text(&array, part).await?)?, "si").iter().map(all_text).collect(),
        None => Vec::new(),
    };
    let sheet = xml(&part_text(&array, sheet).await?)?;
    let rows = children(&sheet, "row")
        .iter()
        .map(|row| (attribute(row, "r").parse().unwrap_or(0), children(row, "c").iter().map(cell).collect()))
        .collect();
    sheet_table(rows, &shared).map_err(|e| e.message())
}

fn unreadable() -> Message {
    WorkbookError::NotAWorkbook.message()
}

/// A part's text, inflated where it is compressed.
async fn part_text(bytes: &js_sys::Uint8Array, part: &ZipPart) -> Result<String, Message> {
    let data = bytes.subarray(part.data.start as u32, part.data.end as u32);
    let blob = Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&data)).map_err(|_| unreadable())?;
    let mut stream: ReadableStream = blob.stream();
    if part.deflated {
        stream = inflated(&stream).map_err(|_| unreadable())?;
    }
    let response = Response::new_with_opt_readable_stream(Some(&stream)).map_err(|_| unreadable())?;
    let text = JsFuture::from(response.text().map_err(|_| unreadable())?).await.map_err(|_| unreadable())?;
    text.as_string().ok_or_else(unreadable)
}

fn xml(text: &str) -> Result<Element, Message> {
    parse_xml(text).ok().and_then(|d| d.document_element()).ok_or_else(unreadable)
}

/// The text of every `<t>` within: a string with formatted runs is several.
fn all_text(element: &Element) -> String {
    children(element, "t").iter().filter_map(|t| t.text_content()).collect()
}

fn cell(element: &Element) -> SheetCell {
    let first = |name: &str| children(element, name).first().and_then(|e| e.text_content()).unwrap_or_default();
    let inline = children(element, "is").first().map(all_text).unwrap_or_default();
    SheetCell { reference: attribute(element, "r"), kind: attribute(element, "t"), value: first("v"), inline }
}
