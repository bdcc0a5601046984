//! Changing the data: edits as plain functions, form drafts, the undo history,
//! and the queries (search, filters, sort orders) lists and pickers share.

pub mod changes;
pub mod draft;
pub mod edit;
pub mod history;
pub mod query;
