//! The frame around every view: header with tabs and shortcuts, the language
//! choice, and the banners about stored data.

pub mod banner;
pub mod demo_notice;
pub mod header;
pub mod language;
