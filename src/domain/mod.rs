//! The pure domain of Netzwerkatlas. Nothing in here touches the browser (no
//! Leptos, no web-sys); everything is tested natively with `cargo test`, and
//! the UI in `crate::app` is a thin layer over it. User-facing texts come
//! from the catalogue in `crate::i18n`, in the language the UI has set.
//!
//! The layers, each folder importing only from the ones above it in this list:
//! - `model`: the plain data a coordinator keeps (regions, actors, relations,
//!   Gremien, checklists, templates);
//! - `rules`: field rules, dates, text helpers, the integrity check and repair;
//! - `editing`: edits, form drafts, undo history, search and sorting;
//! - `analysis`: network metrics, findings, comparison, checklist aggregates;
//! - `picture`: the network picture's maths and styles;
//! - `data`: everything that enters or leaves the app: the file format, the
//!   browser storage, export/import/merge, the writers of CSV, GraphML, GEXF;
//! - `order`: stable sorting through one shared instance of the sort (any layer);
//! - `hashing`: the hash maps and sets, with one fast hasher (any layer);
//! - `samples`: the demo region and generated regions for tests and benchmarks.

pub mod analysis;
pub mod data;
pub mod editing;
pub mod hashing;
pub mod model;
pub mod order;
pub mod picture;
pub mod rules;
pub mod samples;

pub use model::*;
/// The force layout lives in its own crate, optimised for speed.
pub use netzwerkatlas_graph::layout;
