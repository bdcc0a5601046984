//! A report's pieces written as plain DOM: text set as text (never parsed
//! as markup), with far less code than a Leptos view for each kind of piece.

use crate::domain::model::report::{Block, Piece};

/// Replaces what `target` holds with the pieces: h2, h3, p and ul.
pub fn write_pieces(target: &web_sys::Element, pieces: &[Piece]) {
    target.set_text_content(None);
    let Some(document) = target.owner_document() else { return };
    let add = |parent: &web_sys::Element, tag: &str, text: Option<&str>| {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(text);
        parent.append_child(&element).ok()?;
        Some(element)
    };
    for piece in pieces {
        match piece {
            Piece::Title(text) => drop(add(target, "h2", Some(text))),
            Piece::Heading(text) => drop(add(target, "h3", Some(text))),
            Piece::Block(Block::Paragraph(lines)) => drop(add(target, "p", Some(&lines.join("\n")))),
            Piece::Block(Block::Bullets(items)) => {
                if let Some(list) = add(target, "ul", None) {
                    for item in items {
                        add(&list, "li", Some(item));
                    }
                }
            }
        }
    }
}
