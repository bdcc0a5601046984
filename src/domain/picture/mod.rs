//! The network picture's maths: styles and shapes, the viewport with all
//! hit-testing, the sector map, label placement. Components only draw what
//! these decide.

pub mod labels;
pub mod sectors;
pub mod style;
pub mod viewport;
