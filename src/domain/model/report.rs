//! A report on the network for a period (Quartalsbericht, Sachbericht):
//! drafted by the app from what it knows, edited by the coordinator part by
//! part, and kept with the region. Its text has only the structure a
//! coordinator types: paragraphs and "- " lists.

use crate::domain::data::to_json::ToJson;

use crate::domain::data::from_json::FromJson;

use crate::domain::model::Id;
use crate::domain::rules::dates::show;

#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson)]
pub struct Report {
    pub id: Id,
    pub title: String,
    /// The period reported on, ISO dates, both days included.
    pub from: String,
    pub to: String,
    /// When the draft was made (ISO timestamp).
    #[serde(default)]
    pub drafted_at: String,
    #[serde(default)]
    pub parts: Vec<ReportPart>,
}

/// One section of a report: a heading and the text under it.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson)]
pub struct ReportPart {
    pub title: String,
    #[serde(default)]
    pub text: String,
}

/// A piece of a part's text as the writers lay it out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Lines typed together; a single line break stays a line break.
    Paragraph(Vec<String>),
    /// Lines typed with "- " (or "* ", "• ") in front.
    Bullets(Vec<String>),
}

/// The bullet a line starts with, if any: "- ", "* " or "• ".
fn bullet(line: &str) -> Option<&str> {
    ["- ", "* ", "• "].iter().find_map(|mark| line.strip_prefix(mark))
}

/// Splits typed text into paragraphs (parted by empty lines) and lists.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut open = false;
    for line in text.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            open = false;
            continue;
        }
        let trimmed = line.trim_start();
        match (bullet(trimmed), blocks.last_mut()) {
            (Some(item), Some(Block::Bullets(items))) if open => items.push(item.trim().to_owned()),
            (Some(item), _) => blocks.push(Block::Bullets(vec![item.trim().to_owned()])),
            (None, Some(Block::Paragraph(lines))) if open => lines.push(trimmed.to_owned()),
            (None, _) => blocks.push(Block::Paragraph(vec![trimmed.to_owned()])),
        }
        open = true;
    }
    blocks
}

/// What a report shows, in order, on paper and in files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Title(String),
    Heading(String),
    Block(Block),
}

/// The title, a line with the region and the period, then each part's
/// heading and text.
pub fn pieces(report: &Report, region: &str) -> Vec<Piece> {
    let (from, to) = (show(&report.from), show(&report.to));
    let mut pieces = vec![
        Piece::Title(report.title.clone()),
        Piece::Block(Block::Paragraph(vec![tr!("report.file_subtitle", region = region, from = from, to = to)])),
    ];
    for part in &report.parts {
        pieces.push(Piece::Heading(part.title.clone()));
        pieces.extend(blocks(&part.text).into_iter().map(Piece::Block));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_becomes_paragraphs_and_lists() {
        let text = "Erster Satz.\nZweite Zeile.\n\n- eins\n* zwei\n• drei\nNach der Liste.\n\n\n  Eingerückt  \n";
        assert_eq!(
            blocks(text),
            vec![
                Block::Paragraph(vec!["Erster Satz.".into(), "Zweite Zeile.".into()]),
                Block::Bullets(vec!["eins".into(), "zwei".into(), "drei".into()]),
                Block::Paragraph(vec!["Nach der Liste.".into()]),
                Block::Paragraph(vec!["Eingerückt".into()]),
            ]
        );
        assert!(blocks("").is_empty());
        assert!(blocks(" \n\n ").is_empty());
        // A dash without a space is text, not a list ("-3 % Beteiligung").
        assert_eq!(blocks("-3 %"), vec![Block::Paragraph(vec!["-3 %".into()])]);
    }
}
