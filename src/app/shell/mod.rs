//! The frame around every view: header with tabs and shortcuts, the language
//! choice, the banners about stored data, and the address of each place.

pub mod banner;
pub mod demo_notice;
pub mod header;
pub mod language;
pub mod routing;
pub mod toast;
pub mod welcome;
