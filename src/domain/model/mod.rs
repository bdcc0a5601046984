//! Plain data with its invariants: what a coordinator keeps. Serialised as
//! JSON for files and storage; no behaviour beyond what the data itself knows.

pub mod checklist;
pub mod delta;
mod entities;
pub mod programme;
pub mod report;
pub mod stichtag;
pub mod templates;

pub use entities::*;
pub use programme::{Baustein, Programme};
