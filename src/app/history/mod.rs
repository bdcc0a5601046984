//! The network over time: Stichtage and what changed between them.

pub mod view;
