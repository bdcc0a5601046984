//! The browser at the edge: DOM helpers, offline support, and persistence
//! (`persist` is the only module that touches localStorage; `preferences`
//! keeps small choices through it).

pub mod browser;
pub mod offline;
pub mod persist;
pub mod preferences;
pub mod session;
