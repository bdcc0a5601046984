//! Pieces shared by every feature: fields, selects, confirm buttons, and
//! documents written as plain DOM.

pub mod confirm;
pub mod document;
pub mod fields;
