//! localStorage at its lowest level, shared by `persist` (saving),
//! `tabs` (following other tabs), `aside` and `preferences`: whether it may
//! be touched at all, reads and writes that never panic where it is blocked,
//! and the revision mark other tabs watch.

use gloo_storage::{LocalStorage, Storage};

use crate::app::platform::browser::error_name;
use crate::domain::data::storage::slots::KeyValue;

/// "<new>/<parent>": a random id written after every save, with the id of
/// the save it replaced. A tab compares it with the one its data is based
/// on, so that it never writes over another tab's newer save, and notices
/// when another tab wrote over its own (localStorage reaches other tabs a
/// moment late, so both can write at nearly the same time).
pub const REVISION_KEY: &str = "netzwerkatlas.revision";

pub(super) fn local_storage_available() -> bool {
    // gloo's `LocalStorage::raw()` panics where storage is blocked: ask first.
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// localStorage as the domain's key-value store; reads nothing and refuses
/// every write where the browser blocks storage.
pub struct BrowserStore;

impl KeyValue for BrowserStore {
    fn get(&self, key: &str) -> Option<String> {
        read_key(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        if !local_storage_available() {
            return Err("SecurityError".into());
        }
        LocalStorage::raw().set_item(key, value).map_err(|e| error_name(&e))
    }
}

pub(super) fn read_key(key: &str) -> Option<String> {
    if !local_storage_available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Length as JavaScript and the storage quota count it.
pub(super) fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

pub(super) fn stored_revision() -> Option<String> {
    read_key(REVISION_KEY)
}

/// The revision's own id, without the parent it followed ("id/parent").
pub(super) fn revision_id(revision: &str) -> &str {
    revision.split('/').next().unwrap_or("")
}
