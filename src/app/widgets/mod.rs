//! Pieces shared by every feature: fields, selects, an actor picker (several, ticked) and an actor search (one, typed), confirm buttons, long lists a page at a time, and
//! documents written as plain DOM.

pub mod actor_picker;
pub mod actor_search;
pub mod confirm;
pub mod document;
pub mod fields;
pub mod more_rows;
