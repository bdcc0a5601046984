//! XML read by the browser's own parser (`DOMParser`), not a Rust XML
//! crate: for graph files (GraphML, GEXF) and Excel workbooks.

use web_sys::{Document, Element, HtmlCollection};

pub fn elements(collection: HtmlCollection) -> Vec<Element> {
    (0..collection.length()).filter_map(|i| collection.item(i)).collect()
}

/// Every element named `name` below `parent`.
pub fn children(parent: &Element, name: &str) -> Vec<Element> {
    elements(parent.get_elements_by_tag_name(name))
}

pub fn attribute(element: &Element, name: &str) -> String {
    element.get_attribute(name).unwrap_or_default()
}

/// Why a text is not XML: where the parser stopped (line, column), if it says.
pub enum NotXml {
    At(String, String),
    Somewhere,
}

/// The text parsed as XML, or where it is broken.
pub fn parse_xml(text: &str) -> Result<Document, NotXml> {
    let parser = web_sys::DomParser::new().map_err(|_| NotXml::Somewhere)?;
    let document = parser.parse_from_string(text, web_sys::SupportedType::ApplicationXml).map_err(|_| NotXml::Somewhere)?;
    if let Some(error) = elements(document.get_elements_by_tag_name("parsererror")).first() {
        let report = error.text_content().unwrap_or_default();
        return Err(error_place(&report).map_or(NotXml::Somewhere, |(line, column)| NotXml::At(line, column)));
    }
    Ok(document)
}

/// "error on line 3 at column 5: …" as the browser's parser reports it → (3, 5).
fn error_place(report: &str) -> Option<(String, String)> {
    let after = |word: &str| {
        report.split(word).nth(1).map(|rest| rest.chars().take_while(char::is_ascii_digit).collect::<String>()).filter(|n| !n.is_empty())
    };
    Some((after("line ")?, after("column ")?))
}
