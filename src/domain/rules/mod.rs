//! Rules the data must follow: field checks for forms and imports, the one
//! date parser, text folding, names compared, and the integrity check with
//! its repairs.

pub mod dates;
pub mod fields;
pub mod integrity;
pub mod names;
pub mod text;
