//! Reading a network: metrics, plain-language findings, the comparison of
//! regions, and checklist aggregates across many Kommunen.

pub mod aggregate;
pub mod compare;
pub mod file_set;
pub mod findings;
pub mod metrics;
