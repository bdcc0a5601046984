//! Netzwerkatlas: actor maps and cooperation checklists for German municipal
//! networks, running entirely in the browser.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod app;
