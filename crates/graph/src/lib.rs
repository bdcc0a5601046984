//! The number-crunching half of the network picture, on plain index graphs:
//! the force layout, betweenness centrality, and the measures of a layout's quality.
//!
//! A crate of its own so the release build can optimise it for speed
//! (`opt-level = 3`) while the rest of the app is optimised for size: these
//! loops run 3–7× slower at `opt-level = "z"`, and they are small.

pub mod centrality;
pub mod layout;
pub mod quality;
pub mod trig;
