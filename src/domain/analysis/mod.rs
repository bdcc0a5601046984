//! Reading a network: metrics, plain-language findings, the comparison of
//! regions, checklist aggregates across many Kommunen, and what changed
//! between two Stichtage, and the draft of a report on a period.

pub mod aggregate;
pub mod compare;
pub mod file_set;
pub mod findings;
pub mod metrics;
pub mod over_time;
pub mod report;
