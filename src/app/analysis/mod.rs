//! Evaluation across regions: the comparison (`view`), checklist aggregates
//! (`aggregate`), and files counted without importing them (`files`).

pub mod aggregate;
pub mod files;
pub mod view;
