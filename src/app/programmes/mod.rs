//! Förderprogramme and Projekte with their Bausteine: the cards that show
//! them, and a form for each.

pub mod form;
pub mod list;
