//! Two tabs on the same data: another tab's save arrives as a `storage`
//! event. A clean successor of this tab's state is taken over; unsaved
//! edits here, or a save that did not build on this tab's, stop writing
//! until the user decides (see `Health::Conflict`).

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use super::persist::{Health, Persistence};
use super::store::{revision_id, stored_revision, BrowserStore, REVISION_KEY};
use crate::domain::data::storage::slots;

fn revision_parent(revision: &str) -> &str {
    revision.split('/').nth(1).unwrap_or("")
}

impl Persistence {
    /// Another tab's save arrives as a `storage` event: without unsaved
    /// changes here, take it over; with them, stop and let the user choose.
    pub(super) fn follow_other_tabs(self) {
        let Some(window) = web_sys::window() else { return };
        let on_storage = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            if !ev.key().is_none_or(|k| k == REVISION_KEY) || !self.health.get_untracked().can_write() {
                return;
            }
            let mine = self.revision.get_value();
            let current = stored_revision();
            if current == mine {
                return; // What is stored is this tab's data.
            }
            // A clean successor of this tab's state can be taken over; a save
            // that did not build on it, or unsaved edits here, need a decision.
            let successor = current.as_deref().map(revision_parent) == Some(mine.as_deref().map(revision_id).unwrap_or(""));
            if successor && !self.dirty.get_untracked() {
                self.adopt_stored();
            } else {
                self.health.set(Health::Conflict);
            }
        });
        let _ = window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        on_storage.forget();
    }

    /// Replaces this tab's data with what is stored (the other tab's save).
    pub fn adopt_stored(self) {
        let Some((decoded, cache)) = slots::read_current(&BrowserStore) else { return };
        self.cache.set_value(cache);
        let mut incoming = decoded.workspace;
        let active = self.workspace.with_untracked(|ws| ws.active.clone());
        if active.as_ref().is_some_and(|id| incoming.region(id).is_some()) {
            incoming.active = active;
        }
        self.adopting.set_value(true);
        self.workspace.set(incoming);
        self.revision.set_value(stored_revision());
        // The other tab wrote the slots: re-read what they hold.
        self.measure();
        self.dirty.set(false);
        self.health.set(Health::Ok);
        self.adopted.update(|n| *n += 1);
    }

    /// Resolves a conflict in favour of this tab: its data is written over
    /// the other tab's save.
    pub fn keep_mine(self) {
        self.revision.set_value(stored_revision());
        self.health.set(Health::Ok);
        self.retry();
    }
}
