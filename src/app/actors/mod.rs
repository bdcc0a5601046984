//! The actor list, an actor's detail page and the actor form.

pub mod detail;
pub mod form;
pub mod list;
