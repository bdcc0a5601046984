//! Data the app could not read: kept aside under its own key before
//! anything else is written (see `slots::open`), listed, downloadable as it
//! was, and removable by the user.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use super::browser::{download_text, today};
use super::persist::{AsideEntry, Persistence};
use super::store::{read_key, utf16_len, BrowserStore};
use crate::domain::data::storage::slots::{self, ASIDE_PREFIX};
use crate::domain::order;

impl Persistence {
    /// Lists the unreadable data sets kept aside, from the lengths `measure`
    /// just noted: one pass over storage serves both (call `measure` first).
    pub fn refresh_aside(self) {
        let mut entries: Vec<AsideEntry> = self.lengths.with_value(|lengths| {
            lengths
                .iter()
                .filter_map(|(key, length)| {
                    let found_at = key.strip_prefix(ASIDE_PREFIX)?;
                    Some(AsideEntry { found_at: found_at.to_owned(), key: key.clone(), chars: length - utf16_len(key) })
                })
                .collect()
        });
        order::sort_by(&mut entries, |a, b| a.key.cmp(&b.key));
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
        self.measure();
        self.refresh_aside();
    }

    /// Downloads what is stored, as it is (used when the app cannot read it:
    /// newer version, or it could not be set aside): the slot's text, or
    /// with parts the manifest and every part it names in one file.
    pub fn download_stored(self) {
        let Some(file) = slots::stored_as_is(&BrowserStore) else { return };
        let _ = download_text(&format!("netzwerkatlas-gespeicherte-daten-{}.json", today()), "application/json", &file);
    }
}
