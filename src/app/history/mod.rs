//! The network over time: Stichtage, what changed between them, and the
//! report on a period.

pub mod report;
pub mod view;
