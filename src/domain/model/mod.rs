//! Plain data with its invariants: what a coordinator keeps. Serialised as
//! JSON for files and storage; no behaviour beyond what the data itself knows.

pub mod checklist;
mod entities;
pub mod templates;

pub use entities::*;
