//! Netzwerkatlas: actor maps and cooperation checklists for German municipal
//! networks, running entirely in the browser.

// First, so that its macros (`t!`, `live!`, `key!`, `tr!`) reach every module.
#[macro_use]
pub mod i18n;
pub mod domain;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod app;
