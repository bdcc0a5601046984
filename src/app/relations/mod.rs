//! Relations between actors: the list and the relation form.

pub mod list;
