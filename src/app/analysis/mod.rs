//! Evaluation across regions: checklist aggregates and the comparison.

pub mod view;
