//! The network picture's maths: styles and shapes, the viewport with all
//! hit-testing, the sector map, label placement, the marks of what
//! changed since a Stichtag, the last settled layouts kept. Components only draw what
//! these decide.

pub mod labels;
pub mod marks;
pub mod sectors;
pub mod settled;
pub mod style;
pub mod viewport;
