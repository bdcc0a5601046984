//! The pure domain of Netzwerkatlas: data model, editing rules, validation,
//! search, undo history, the storage envelope and the demo region.
//!
//! Nothing in here touches the browser: no Leptos, no web-sys. Everything is
//! tested natively with `cargo test`; the UI in `crate::app` is a thin layer.
//! Texts meant for the user (labels, messages, notes) come from the
//! catalogue in `crate::i18n`, in the language the UI has set.

pub mod aggregate;
pub mod backup;
pub mod checklist;
pub mod compare;
pub mod csv;
pub mod demo;
pub mod draft;
pub mod edit;
pub mod envelope;
pub mod exchange;
pub mod export;
pub mod generate;
pub mod graph_files;
pub mod history;
pub mod import;
pub mod labels;
pub mod merge;
pub mod metrics;
pub mod model;
pub mod picture;
pub mod privacy;
pub mod query;
pub mod reading;
pub mod parts;
pub mod repair;
pub mod sectors;
pub mod sha256;
pub mod templates;
pub mod text;
pub mod validate;
pub mod viewport;

pub use model::*;
/// The force layout lives in its own crate, optimised for speed.
pub use netzwerkatlas_graph::layout;
