//! The browser at the edge: DOM helpers (`browser`), offline support, and
//! storage: `store` (localStorage itself, never panicking where it is
//! blocked), `persist` (saving the workspace), `tabs` (following other
//! tabs), `aside` (unreadable data kept aside), `preferences` (small
//! choices), `session` (this tab's form drafts), `xml` (the browser's XML parser). The rules they follow live
//! in `domain::data::storage`, tested natively.

pub mod aside;
pub mod browser;
pub mod crypto;
pub mod offline;
pub mod persist;
pub mod preferences;
pub mod session;
pub mod store;
pub mod tabs;
pub mod xml;
