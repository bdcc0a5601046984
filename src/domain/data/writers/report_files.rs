//! A report as files to edit further: Word (`.docx`, which LibreOffice
//! opens as well) and Markdown. All three lay out the same pieces: the title, a line with
//! the region and the period, and each part's heading and text.

use crate::domain::data::writers::zip::stored_zip;
use crate::domain::model::report::{pieces, Block, Piece, Report};
use crate::domain::rules::text::xml_escape;

/// Markdown: "# Title", "## Part", paragraphs with hard line breaks, "- " lists.
pub fn markdown(report: &Report, region: &str) -> String {
    let mut out = String::new();
    for piece in pieces(report, region) {
        match piece {
            Piece::Title(text) => out.push_str(&format!("# {text}\n\n")),
            Piece::Heading(text) => out.push_str(&format!("## {text}\n\n")),
            Piece::Block(Block::Paragraph(lines)) => out.push_str(&format!("{}\n\n", lines.join("  \n"))),
            Piece::Block(Block::Bullets(items)) => {
                out.extend(items.iter().map(|item| format!("- {item}\n")));
                out.push('\n');
            }
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

const XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_RELATIONSHIP: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A Word paragraph of the given style, its lines parted by line breaks.
fn word_paragraph(style: Option<&str>, lines: &[String], bullet: bool) -> String {
    let mut properties = String::new();
    if let Some(style) = style {
        properties.push_str(&format!(r#"<w:pStyle w:val="{style}"/>"#));
    }
    if bullet {
        properties.push_str(r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"#);
    }
    let runs: Vec<String> = lines.iter().map(|l| format!(r#"<w:t xml:space="preserve">{}</w:t>"#, xml_escape(l))).collect();
    let properties = if properties.is_empty() { properties } else { format!("<w:pPr>{properties}</w:pPr>") };
    format!("<w:p>{properties}<w:r>{}</w:r></w:p>", runs.join("<w:br/>"))
}

/// A Word document (Office Open XML), A4, in German, with real headings and lists.
pub fn docx(report: &Report, region: &str) -> Vec<u8> {
    let mut body = String::new();
    for piece in pieces(report, region) {
        body.push_str(&match piece {
            Piece::Title(text) => word_paragraph(Some("Title"), &[text], false),
            Piece::Heading(text) => word_paragraph(Some("Heading1"), &[text], false),
            Piece::Block(Block::Paragraph(lines)) => word_paragraph(None, &lines, false),
            Piece::Block(Block::Bullets(items)) => {
                items.iter().map(|item| word_paragraph(Some("ListParagraph"), std::slice::from_ref(item), true)).collect()
            }
        });
    }
    // A4 with margins of 2.5 cm (in twentieths of a point).
    let document = format!(
        r#"{XML}<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1134" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    let types = format!(
        r#"{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"#
    );
    let package = format!(
        r#"{XML}<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" Type="{OFFICE_RELATIONSHIP}/officeDocument" Target="word/document.xml"/></Relationships>"#
    );
    let document_relations = format!(
        r#"{XML}<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" Type="{OFFICE_RELATIONSHIP}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="{OFFICE_RELATIONSHIP}/numbering" Target="numbering.xml"/></Relationships>"#
    );
    let styles = format!(
        r#"{XML}<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:lang w:val="de-DE"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/></w:pPr></w:style></w:styles>"#
    );
    let numbering = format!(
        r#"{XML}<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    stored_zip(&[
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", package.as_bytes()),
        ("word/_rels/document.xml.rels", document_relations.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::lists::xlsx::zip_parts;
    use crate::domain::model::report::ReportPart;
    use crate::domain::model::Id;

    fn report() -> Report {
        Report {
            id: Id("r".into()),
            title: "Bericht 3. Quartal 2026".into(),
            from: "2026-07-01".into(),
            to: "2026-09-30".into(),
            drafted_at: String::new(),
            parts: vec![
                ReportPart {
                    title: "Überblick".into(),
                    text: "Zeitraum: a & b <c>.\nZweite Zeile.\n- Akteure: 12\n- Beziehungen: 30".into(),
                },
                ReportPart { title: "Ausblick".into(), text: String::new() },
            ],
        }
    }

    /// The text of one part of a stored zip.
    fn part(zip: &[u8], name: &str) -> String {
        let parts = zip_parts(zip).unwrap();
        let found = parts.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("{name} missing"));
        String::from_utf8(zip[found.data.clone()].to_vec()).unwrap()
    }

    #[test]
    fn markdown_has_headings_breaks_and_lists() {
        assert_eq!(
            markdown(&report(), "Kreis Lindenau"),
            "# Bericht 3. Quartal 2026\n\nKreis Lindenau, Zeitraum 01.07.2026 bis 30.09.2026\n\n## Überblick\n\nZeitraum: a & b <c>.  \nZweite Zeile.\n\n- Akteure: 12\n- Beziehungen: 30\n\n## Ausblick\n"
        );
    }

    #[test]
    fn the_word_file_holds_the_text_as_headings_paragraphs_and_list_items() {
        let zip = docx(&report(), "Kreis Lindenau");
        let names: Vec<String> = zip_parts(&zip).unwrap().into_iter().map(|p| p.name).collect();
        assert_eq!(
            names,
            [
                "[Content_Types].xml",
                "_rels/.rels",
                "word/_rels/document.xml.rels",
                "word/document.xml",
                "word/styles.xml",
                "word/numbering.xml"
            ]
        );
        let document = part(&zip, "word/document.xml");
        assert!(
            document.contains(r#"<w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">Bericht 3. Quartal 2026</w:t>"#),
            "{document}"
        );
        assert!(document.contains(r#"<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Überblick</w:t>"#));
        assert!(
            document.contains("Zeitraum: a &amp; b &lt;c&gt;.</w:t><w:br/><w:t xml:space=\"preserve\">Zweite Zeile."),
            "escaped, with its line break"
        );
        assert_eq!(document.matches(r#"<w:numId w:val="1"/>"#).count(), 2, "two list items");
        assert!(document.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");
        assert!(part(&zip, "word/styles.xml").contains(r#"<w:lang w:val="de-DE"/>"#));
    }
}
