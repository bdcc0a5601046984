//! The workspace in localStorage: start-up, debounced two-slot saves,
//! quota, backup download. Components never touch storage; with `tabs`
//! (other tabs' saves) and `aside` (data kept aside) this is the only
//! place that writes the workspace's keys.
//!
//! Rules it keeps: a save is debounced and flushed when the tab is hidden or
//! closed; a failed save leaves the last stored state as it was; data that
//! does not decode is moved aside under its own key before anything else is
//! written, and data from a newer version is never written over.
//!
//! The workspace is stored in parts (see `domain::data::storage::parts`): a
//! save writes only the parts storage does not hold yet, then the manifest
//! that lists them. Where the slots lie and how a start reads them back is
//! decided in `domain::data::storage::slots`, tested natively.

use crate::domain::hashing::{HashMap, HashSet};
use std::time::Duration;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use crate::app::effect::effect;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use crate::app::platform::browser::{download_text, error_name, now_iso};
use crate::app::platform::store::{local_storage_available, read_key, revision_id, stored_revision, utf16_len, BrowserStore, REVISION_KEY};
use crate::domain::data::files::export::{export, ExportOptions, Format, Source};
use crate::domain::data::storage::envelope::DecodeError;
use crate::domain::data::storage::parts::{Encoded, PartCache};
use crate::domain::data::storage::quota::fits;
use crate::domain::data::storage::slots::{self, part_key, KeyValue, Opened, Recovery, Slot, CURRENT_KEY, PART_PREFIX};
use crate::domain::samples::demo::workspace_of;
use crate::domain::Workspace;

/// When this browser first saved data, and when the user last downloaded a
/// full backup: together they decide the backup reminder.
const FIRST_SAVED_KEY: &str = "netzwerkatlas.first-saved";
const LAST_BACKUP_KEY: &str = "netzwerkatlas.last-backup";
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// Whether and how the app can keep the user's data.
#[derive(Clone, Debug, PartialEq)]
pub enum Health {
    Ok,
    /// The browser gives no localStorage: the app runs in memory only.
    Blocked,
    /// The last save did not fit; the stored state is the one before it.
    Full,
    /// The last save failed for another reason (the exception's name).
    WriteFailed(String),
    /// Stored data comes from a newer version (its schema): nothing is written.
    Newer(u64),
    /// Unreadable data could not be moved aside: nothing is written over it.
    AsideFailed,
    /// Another tab saved while this one had unsaved changes: nothing is
    /// written until the user decides which version to keep.
    Conflict,
}

impl Health {
    pub(super) fn can_write(&self) -> bool {
        matches!(self, Health::Ok | Health::Full | Health::WriteFailed(_))
    }

    /// Whether edits end up in storage (as far as the last save tells).
    pub fn keeps_data(&self) -> bool {
        matches!(self, Health::Ok)
    }
}

/// Stored data found unreadable at start, and what the app did about it.
/// Kept as data, so the message is written in the language of the moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Damage {
    pub error: DecodeError,
    pub recovery: Recovery,
}

impl Damage {
    /// What the user reads, in the UI's language.
    pub fn message(&self) -> String {
        let (problem, detail) = (self.error.message(), self.error.detail());
        match &self.recovery {
            Recovery::Earlier { saved_at } => tr!(
                "stored.aside_earlier",
                problem = problem,
                saved_at = crate::app::platform::browser::format_timestamp(saved_at),
                detail = detail
            ),
            Recovery::Fresh => tr!("stored.aside_demo", problem = problem, detail = detail),
            Recovery::NotSetAside => tr!("stored.aside_failed", problem = problem, detail = detail),
        }
    }
}

/// What the app starts with.
pub struct Startup {
    pub workspace: Workspace,
    pub health: Health,
    /// Set when the stored data could not be read.
    pub damaged: Option<Damage>,
    /// Whether the workspace still has to be written (first start, repair).
    pub needs_save: bool,
    /// The revision the loaded data carries.
    pub revision: Option<String>,
    /// The parts the loaded data was read from.
    pub cache: PartCache,
    /// Nothing could be read: a first start, which shows the demo (`with_demo`).
    pub fresh: bool,
}

/// A first start shows the demo region, read from the file beside the app
/// (cached for offline use like every file of the build); where it cannot
/// be fetched, the app starts empty and offers to create a region.
pub async fn with_demo(mut startup: Startup) -> Startup {
    if startup.fresh {
        let text = crate::app::platform::browser::fetch_text("public/demo.json").await.unwrap_or_default();
        if let Ok(file) = crate::domain::data::format::read_file(&text) {
            startup.workspace = workspace_of(file.content);
        }
    }
    startup
}

/// Reads the stored workspace, deciding what to do with each kind of failure
/// (the rules are in `slots::open`, tested natively).
pub fn load() -> Startup {
    let revision = stored_revision();
    let fresh = |health, damaged, needs_save| Startup {
        workspace: Workspace::default(),
        health,
        damaged,
        needs_save,
        revision: stored_revision(),
        cache: PartCache::default(),
        fresh: true,
    };
    if !local_storage_available() {
        return fresh(Health::Blocked, None, false);
    }
    match slots::open(&mut BrowserStore, &now_iso()) {
        Opened::Empty => fresh(Health::Ok, None, true),
        Opened::Read { decoded, cache, recovered } => {
            let damaged = recovered.map(|error| Damage { error, recovery: Recovery::Earlier { saved_at: decoded.saved_at.clone() } });
            Startup { workspace: decoded.workspace, health: Health::Ok, damaged, needs_save: false, revision, cache, fresh: false }
        }
        Opened::Newer { found } => Startup {
            workspace: Workspace::default(),
            health: Health::Newer(found),
            damaged: None,
            needs_save: false,
            revision,
            cache: PartCache::default(),
            fresh: false,
        },
        Opened::Unreadable { error, recovery: Recovery::NotSetAside } => {
            fresh(Health::AsideFailed, Some(Damage { error, recovery: Recovery::NotSetAside }), false)
        }
        Opened::Unreadable { error, recovery } => fresh(Health::Ok, Some(Damage { error, recovery }), true),
    }
}

// `Storage.setItem` and `getItem` with the value as a JavaScript string: a
// save converts its text to JavaScript once and compares what it reads back
// there (`===`), and `measure` takes lengths there, instead of copying
// megabytes into Rust.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = localStorage, js_name = setItem)]
    fn set_js(key: &str, value: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = localStorage, js_name = getItem)]
    pub(super) fn get_js(key: &str) -> Result<JsValue, JsValue>;
}

/// The length of a JavaScript string value, counted there (0 for anything else).
pub(super) fn js_len(value: &JsValue) -> usize {
    value.dyn_ref::<js_sys::JsString>().map_or(0, |s| s.length() as usize)
}

/// Data that did not decode and now lies under its own key.
#[derive(Clone, Debug, PartialEq)]
pub struct AsideEntry {
    pub key: String,
    pub found_at: String,
    pub chars: usize,
}

/// The app's handle on storage; `Copy` so that components can hold it.
#[derive(Clone, Copy)]
pub struct Persistence {
    pub health: RwSignal<Health>,
    /// Changes made since the last successful save.
    pub dirty: RwSignal<bool>,
    pub damaged: RwSignal<Option<Damage>>,
    pub aside: RwSignal<Vec<AsideEntry>>,
    pub last_saved: RwSignal<Option<String>>,
    /// Counts how often another tab's data was taken over (the undo history
    /// of this tab no longer applies then).
    pub adopted: RwSignal<u64>,
    /// Characters (UTF-16 units, as the quota counts them) stored by this origin.
    pub used: RwSignal<usize>,
    pub first_saved: RwSignal<Option<String>>,
    pub last_backup: RwSignal<Option<String>>,
    /// Length of every key and value this origin stores (UTF-16 units, as
    /// the quota counts them): what a save replaces and what it frees is
    /// known here, so a save need not read megabytes back out of storage.
    pub(super) lengths: StoredValue<HashMap<String, usize>>,
    /// The parts of the state last saved or loaded.
    pub(super) cache: StoredValue<PartCache>,
    timer: StoredValue<Option<TimeoutHandle>>,
    pub(super) workspace: RwSignal<Workspace>,
    /// The revision this tab's data is based on.
    pub(super) revision: StoredValue<Option<String>>,
    /// Set while taking over another tab's data, which needs no save.
    pub(super) adopting: StoredValue<bool>,
}

impl Persistence {
    /// Starts saving every change of `workspace`, and flushing on hide/close.
    pub fn install(workspace: RwSignal<Workspace>, startup: &mut Startup) -> Persistence {
        let persistence = Persistence {
            health: RwSignal::new(startup.health.clone()),
            dirty: RwSignal::new(false),
            damaged: RwSignal::new(startup.damaged.clone()),
            aside: RwSignal::new(Vec::new()),
            last_saved: RwSignal::new(None),
            adopted: RwSignal::new(0),
            used: RwSignal::new(0),
            first_saved: RwSignal::new(read_key(FIRST_SAVED_KEY)),
            last_backup: RwSignal::new(read_key(LAST_BACKUP_KEY)),
            // Set by `measure` below.
            lengths: StoredValue::new(HashMap::default()),
            cache: StoredValue::new(std::mem::take(&mut startup.cache)),
            timer: StoredValue::new(None),
            workspace,
            revision: StoredValue::new(startup.revision.clone()),
            adopting: StoredValue::new(false),
        };
        persistence.measure();
        persistence.refresh_aside();
        let needs_save = startup.needs_save;
        let first_run = StoredValue::new(true);
        effect(move || {
            workspace.track();
            let first = first_run.get_value();
            first_run.set_value(false);
            if (first && !needs_save) || persistence.adopting.get_value() {
                persistence.adopting.set_value(false);
                return;
            }
            persistence.dirty.set(true);
            persistence.schedule();
        });
        persistence.flush_when_leaving();
        persistence.follow_other_tabs();
        persistence
    }

    fn schedule(self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || self.flush(), SAVE_DELAY).ok();
        self.timer.set_value(handle);
    }

    /// Writes pending changes now. Each save is timed with the User Timing
    /// API as "netzwerkatlas-save" (the benchmark reads it; so can DevTools).
    pub fn flush(self) {
        let performance = web_sys::window().and_then(|w| w.performance()).filter(|_| self.dirty.get_untracked());
        if let Some(p) = &performance {
            let _ = p.mark("netzwerkatlas-save-start");
        }
        self.write();
        if let Some(p) = &performance {
            let _ = p.measure_with_start_mark("netzwerkatlas-save", "netzwerkatlas-save-start");
        }
    }

    fn write(self) {
        if !self.dirty.get_untracked() || !self.health.get_untracked().can_write() {
            return;
        }
        if stored_revision() != self.revision.get_value() {
            // Another tab saved since this tab's data was loaded or saved.
            self.health.set(Health::Conflict);
            return;
        }
        let saved_at = now_iso();
        let encoded = self.workspace.with_untracked(|ws| self.cache.try_update_value(|cache| cache.encode(ws, &saved_at)));
        let Some(encoded) = encoded else { return };
        let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else { return };
        // Parts storage already holds (from the state before, or an undo
        // back to it) are not written again.
        // Each text is handed to JavaScript once: its length there decides
        // whether the save fits, and the same value is written.
        let missing: Vec<(String, JsValue)> = encoded
            .parts
            .iter()
            .map(|part| (part_key(&part.name), part))
            .filter(|(key, _)| !js_sys::Reflect::has(&storage, &JsValue::from_str(key)).unwrap_or(false))
            .map(|(key, part)| (key, JsValue::from_str(&part.text)))
            .collect();
        let manifest = JsValue::from_str(&encoded.manifest);
        let current = Slot::current(&BrowserStore);
        let target = current.other();
        let adding =
            missing.iter().map(|(key, text)| utf16_len(key) + js_len(text)).sum::<usize>() + utf16_len(target.key()) + js_len(&manifest);
        if !fits(self.used.get_untracked(), self.length_of(target.key()), adding) {
            // Known not to fit: say so without touching what is stored.
            self.health.set(Health::Full);
            return;
        }
        // Clear the spare slot (the state before the current one, which this
        // save replaces) to make room, write the missing parts and the
        // manifest there, read each back, then switch: a failure at any step
        // leaves the current slot, the last good state, in use.
        let written = storage
            .remove_item(target.key())
            .map(|()| self.note_length(target.key(), None))
            .and_then(|()| {
                for (key, text) in &missing {
                    self.write_verified(key, text)?;
                }
                self.write_verified(target.key(), &manifest)
            })
            .and_then(|()| storage.set_item(CURRENT_KEY, target.name()));
        match written {
            Ok(()) => {
                let parent = self.revision.get_value().map(|r| revision_id(&r).to_owned()).unwrap_or_default();
                let revision = format!("{:016x}/{parent}", crate::app::platform::browser::random_u64());
                // Should this fail, other tabs see an old revision and merely
                // ask before their next save; the data itself is written.
                let _ = LocalStorage::raw().set_item(REVISION_KEY, &revision);
                self.revision.set_value(Some(revision));
                self.remove_unnamed_parts(&encoded, current);
                if self.first_saved.get_untracked().is_none() {
                    let _ = LocalStorage::raw().set_item(FIRST_SAVED_KEY, &saved_at);
                    self.first_saved.set(Some(saved_at.clone()));
                }
                self.dirty.set(false);
                self.health.set(Health::Ok);
                self.last_saved.set(Some(saved_at));
            }
            Err(error) => {
                let name = error_name(&error);
                // The failed write may have left some keys written: re-read their lengths.
                self.measure();
                let health = if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                    Health::Full
                } else {
                    Health::WriteFailed(name)
                };
                self.health.set(health);
            }
        }
    }

    /// Writes `value` under `key` and reads it back: a browser that stored
    /// something else fails the save with "VerifyError".
    fn write_verified(self, key: &str, value: &JsValue) -> Result<(), JsValue> {
        set_js(key, value)?;
        if get_js(key)? != *value {
            return Err(JsValue::from_str("VerifyError"));
        }
        self.note_length(key, Some(js_len(value)));
        Ok(())
    }

    /// After a save: removes the parts neither the new state nor the one
    /// before it (now in `previous`) names.
    fn remove_unnamed_parts(self, encoded: &Encoded, previous: Slot) {
        let mut named: HashSet<String> = slots::parts_named_in(&BrowserStore, previous).into_iter().collect();
        named.extend(encoded.parts.iter().map(|p| p.name.to_string()));
        let unnamed: Vec<String> = self.lengths.with_value(|lengths| {
            lengths.keys().filter(|key| key.strip_prefix(PART_PREFIX).is_some_and(|name| !named.contains(name))).cloned().collect()
        });
        for key in unnamed {
            LocalStorage::delete(&key);
            self.note_length(&key, None);
        }
    }

    /// Notes the length of a value just written (or removed, `None`), and
    /// with it what the origin uses.
    fn note_length(self, key: &str, value_len: Option<usize>) {
        let used = self.lengths.try_update_value(|lengths| {
            match value_len {
                Some(len) => lengths.insert(key.to_owned(), utf16_len(key) + len),
                None => lengths.remove(key),
            };
            lengths.values().sum::<usize>()
        });
        if let Some(used) = used {
            self.used.set(used);
        }
    }

    /// What `key` and its value take now (0 when absent).
    fn length_of(self, key: &str) -> usize {
        self.lengths.with_value(|lengths| lengths.get(key).copied().unwrap_or(0))
    }

    /// Tries the last failed save again (after the user freed space).
    pub fn retry(self) {
        self.measure();
        self.dirty.set(true);
        self.flush();
    }

    fn flush_when_leaving(self) {
        let Some(window) = web_sys::window() else { return };
        let on_hide = Closure::<dyn Fn()>::new(move || {
            let hidden =
                web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
            if hidden {
                self.flush();
            }
        });
        let on_pagehide = Closure::<dyn Fn()>::new(move || self.flush());
        if let Some(document) = window.document() {
            let _ = document.add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
        }
        let _ = window.add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
        // The listeners live as long as the page.
        on_hide.forget();
        on_pagehide.forget();
    }

    /// Downloads all data as one backup file and remembers when.
    pub fn download_workspace(self) {
        let now = now_iso();
        let file = self.workspace.with_untracked(|ws| {
            export(
                Source::Workspace(ws),
                Format::Netzwerkatlas,
                &ExportOptions { personal_data: true, stichtage: true, author: String::new(), now: now.clone() },
            )
            .expect("a workspace is always written as a Netzwerkatlas file")
        });
        if download_text(&file.file_name, "application/json", &file.text).is_ok() {
            let _ = BrowserStore.set(LAST_BACKUP_KEY, &now);
            self.last_backup.set(Some(now));
        }
    }

    /// Adds up what this origin keeps in localStorage (keys and values),
    /// noting each length on the way (call again after another tab saved,
    /// or space was freed).
    pub fn measure(self) {
        if !local_storage_available() {
            return;
        }
        let storage = LocalStorage::raw();
        let mut lengths = HashMap::default();
        for index in 0..storage.length().unwrap_or(0) {
            if let Some(key) = storage.key(index).ok().flatten() {
                let len = get_js(&key).ok().map_or(0, |v| js_len(&v));
                lengths.insert(key.clone(), utf16_len(&key) + len);
            }
        }
        self.used.set(lengths.values().sum());
        self.lengths.set_value(lengths);
    }
}
