//! The pure domain of Netzwerkatlas: data model, editing rules, validation,
//! search, undo history, the storage envelope and the demo region.
//!
//! Nothing in here touches the browser: no Leptos, no web-sys. Everything is
//! tested natively with `cargo test`; the UI in `crate::app` is a thin layer.

pub mod backup;
pub mod checklist;
pub mod csv;
pub mod demo;
pub mod draft;
pub mod edit;
pub mod envelope;
pub mod history;
pub mod model;
pub mod query;
pub mod templates;
pub mod text;
pub mod validate;

pub use model::*;
