//! Cooperation checklists: the list, one checklist, its print view, templates.

pub mod checklist;
pub mod list;
pub mod print;
pub mod templates;
