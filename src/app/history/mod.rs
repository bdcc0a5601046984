//! The network over time: Stichtage, what changed between them, the
//! Tätigkeitsjournal, and the report on a period.

pub mod journal;
pub mod report;
pub mod view;
