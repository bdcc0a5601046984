//! Data the app could not read: kept aside under its own key before
//! anything else is written (see `slots::open`), listed, downloadable as it
//! was, and removable by the user.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use super::browser::{download_text, today};
use super::persist::{get_js, js_len, local_storage_available, read_key, BrowserStore, Persistence};
use crate::domain::data::storage::slots::{self, ASIDE_PREFIX};

/// Data that did not decode and now lies under its own key.
#[derive(Clone, Debug, PartialEq)]
pub struct AsideEntry {
    pub key: String,
    pub found_at: String,
    pub chars: usize,
}

impl Persistence {
    /// Re-reads which unreadable data sets are kept aside.
    pub fn refresh_aside(self) {
        if !local_storage_available() {
            return;
        }
        let storage = LocalStorage::raw();
        let mut entries = Vec::new();
        for index in 0..storage.length().unwrap_or(0) {
            let Some(key) = storage.key(index).ok().flatten() else { continue };
            if let Some(found_at) = key.strip_prefix(ASIDE_PREFIX) {
                // Counted in JavaScript, as the quota and `measure` count, without copying the text.
                let chars = get_js(&key).ok().map_or(0, |v| js_len(&v));
                entries.push(AsideEntry { found_at: found_at.to_owned(), key, chars });
            }
        }
        entries.sort_by(|a, b| a.key.cmp(&b.key));
        self.aside.set(entries);
    }

    /// Downloads a set-aside data set exactly as it was stored.
    pub fn download_aside(self, key: &str) {
        if let Some(text) = read_key(key) {
            let stamp: String = key.trim_start_matches(ASIDE_PREFIX).chars().take(10).collect();
            let _ = download_text(&format!("netzwerkatlas-unlesbare-daten-{stamp}.json"), "application/json", &text);
        }
    }

    pub fn discard_aside(self, key: &str) {
        LocalStorage::delete(key);
        self.refresh_aside();
        self.measure();
    }

    /// Downloads what is stored, as it is (used when the app cannot read it:
    /// newer version, or it could not be set aside): the slot's text, or
    /// with parts the manifest and every part it names in one file.
    pub fn download_stored(self) {
        let Some(file) = slots::stored_as_is(&BrowserStore) else { return };
        let _ = download_text(&format!("netzwerkatlas-gespeicherte-daten-{}.json", today()), "application/json", &file);
    }
}
