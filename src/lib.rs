//! Netzwerkatlas: actor maps and cooperation checklists for German municipal
//! networks, running entirely in the browser.

pub mod domain;
pub mod i18n;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod app;
