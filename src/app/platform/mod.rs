//! The browser at the edge: DOM helpers, offline support, and persistence
//! (the only module that touches localStorage).

pub mod browser;
pub mod offline;
pub mod persist;
