//! Gremien: the list of standing groups with members and meetings, and their form.

pub mod list;
