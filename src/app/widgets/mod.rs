//! Form pieces shared by every feature: fields, selects, confirm buttons.

pub mod confirm;
pub mod fields;
