//! Where the workspace lies in a key-value store (the browser's
//! localStorage, or a map in tests) and how a start reads it back.
//!
//! Two slots hold the manifest of the workspace. A save writes the parts it
//! needs and the slot not in use, reads them back, and only then points
//! `CURRENT_KEY` at it, so a failure at any step leaves the last good state
//! current and readable; the other slot keeps the state before, which a
//! start falls back to if the current one is damaged.
//!
//! The store is a trait so that the start-up rules (set unreadable data
//! aside before anything else is written, never write over a newer
//! version, fall back to the earlier slot) are tested natively.

use std::collections::BTreeMap;

use super::envelope::{self, DecodeError, Decoded, Stored};
use super::parts::{assemble, unreadable_bundle, PartCache};

pub const SLOT_A_KEY: &str = "netzwerkatlas.workspace";
pub const SLOT_B_KEY: &str = "netzwerkatlas.workspace.b";
/// Names the slot in use: "a" or "b".
pub const CURRENT_KEY: &str = "netzwerkatlas.current";
/// Each part is stored under this prefix plus its name.
pub const PART_PREFIX: &str = "netzwerkatlas.part.";
/// Unreadable data is kept under this prefix plus the time it was found.
pub const ASIDE_PREFIX: &str = "netzwerkatlas.unreadable.";

/// A store of text under text keys. `get` answers `None` both for a
/// missing key and for a store that cannot be read.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    /// Writes a value; the error names why the store refused it.
    fn set(&mut self, key: &str, value: &str) -> Result<(), String>;
}

/// A store in memory, for tests and for a browser without storage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MemoryStore {
    pub values: BTreeMap<String, String>,
    /// Keys whose writes fail (as a full or locked store would).
    pub refuse: Vec<String>,
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.values.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        if self.refuse.iter().any(|prefix| key.starts_with(prefix.as_str())) {
            return Err("QuotaExceededError".into());
        }
        self.values.insert(key.to_owned(), value.to_owned());
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    A,
    B,
}

impl Slot {
    pub fn key(self) -> &'static str {
        match self {
            Slot::A => SLOT_A_KEY,
            Slot::B => SLOT_B_KEY,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Slot::A => "a",
            Slot::B => "b",
        }
    }

    pub fn other(self) -> Slot {
        match self {
            Slot::A => Slot::B,
            Slot::B => Slot::A,
        }
    }

    /// The slot in use; data from before slots existed is in slot A.
    pub fn current(store: &impl KeyValue) -> Slot {
        if store.get(CURRENT_KEY).as_deref() == Some("b") {
            Slot::B
        } else {
            Slot::A
        }
    }
}

pub fn part_key(name: &str) -> String {
    format!("{PART_PREFIX}{name}")
}

/// What became of data found unreadable at start.
#[derive(Clone, Debug, PartialEq)]
pub enum Recovery {
    /// Set aside; the app continues with the state saved before (at `saved_at`).
    Earlier { saved_at: String },
    /// Set aside; there was no readable earlier state, so the app starts afresh.
    Fresh,
    /// Could not be set aside, so the app must write nothing.
    NotSetAside,
}

/// What a start finds in the store.
#[derive(Debug)]
pub enum Opened {
    /// Nothing stored yet.
    Empty,
    /// Read; `recovered` says so when the current slot was unreadable and
    /// this is the earlier state.
    Read { decoded: Decoded, cache: PartCache, recovered: Option<DecodeError> },
    /// Written by a newer version: left untouched.
    Newer { found: u64 },
    /// Unreadable and no earlier state to fall back to.
    Unreadable { error: DecodeError, recovery: Recovery },
}

/// Reads the workspace; unreadable data is first copied under
/// `ASIDE_PREFIX + now` (and read back to be sure) before the current slot
/// is switched to the earlier state.
pub fn open(store: &mut impl KeyValue, now: &str) -> Opened {
    let current = Slot::current(store);
    let Some(text) = store.get(current.key()) else { return Opened::Empty };
    let error = match read_slot(store, &text) {
        Ok((decoded, cache)) => return Opened::Read { decoded, cache, recovered: None },
        Err(Unreadable { error: DecodeError::NewerSchema { found }, .. }) => return Opened::Newer { found },
        Err(Unreadable { error, kept }) => {
            let aside_key = format!("{ASIDE_PREFIX}{now}");
            let set_aside = store.set(&aside_key, &kept).is_ok() && store.get(&aside_key).as_deref() == Some(kept.as_str());
            if !set_aside {
                return Opened::Unreadable { error, recovery: Recovery::NotSetAside };
            }
            error
        }
    };
    let earlier = store.get(current.other().key()).and_then(|text| read_slot(store, &text).ok());
    match earlier {
        Some((decoded, cache)) => {
            // The state before the last save is intact: continue from it.
            let _ = store.set(CURRENT_KEY, current.other().name());
            Opened::Read { decoded, cache, recovered: Some(error) }
        }
        None => Opened::Unreadable { error, recovery: Recovery::Fresh },
    }
}

/// Stored text that could not be read: why, and what to keep aside (the
/// text itself, or with parts the manifest and every part it names).
struct Unreadable {
    error: DecodeError,
    kept: String,
}

/// Reads a slot's text, and the parts it names.
fn read_slot(store: &impl KeyValue, text: &str) -> Result<(Decoded, PartCache), Unreadable> {
    let read_part = |name: &str| store.get(&part_key(name));
    match envelope::decode(text) {
        Ok(Stored::Whole(decoded)) => Ok((decoded, PartCache::default())),
        Ok(Stored::Parts { manifest, saved_at }) => assemble(&manifest, &saved_at, read_part)
            .map_err(|error| Unreadable { error, kept: unreadable_bundle(text, &manifest, read_part) }),
        Err(error) => Err(Unreadable { error, kept: text.to_owned() }),
    }
}

/// The current slot's workspace, if it reads (after another tab saved).
pub fn read_current(store: &impl KeyValue) -> Option<(Decoded, PartCache)> {
    let text = store.get(Slot::current(store).key())?;
    read_slot(store, &text).ok()
}

/// The part names a slot's manifest lists (none for data stored whole or unreadable).
pub fn parts_named_in(store: &impl KeyValue, slot: Slot) -> Vec<String> {
    match store.get(slot.key()).map(|text| envelope::decode(&text)) {
        Some(Ok(Stored::Parts { manifest, .. })) => manifest.names().map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

/// What is stored in the current slot, as it is, for a download when the
/// app cannot read it: the slot's text, or with parts the manifest and
/// every part it names in one file.
pub fn stored_as_is(store: &impl KeyValue) -> Option<String> {
    let text = store.get(Slot::current(store).key())?;
    Some(match envelope::decode(&text) {
        Ok(Stored::Parts { manifest, .. }) => unreadable_bundle(&text, &manifest, |name| store.get(&part_key(name))),
        _ => text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::storage::envelope::encode_whole;
    use crate::domain::samples::demo::demo_workspace;
    use crate::domain::Workspace;

    const NOW: &str = "2026-12-03T08:00:00Z";

    /// A store holding `workspace` in parts in `slot`, as a save leaves it.
    fn saved(store: &mut MemoryStore, workspace: &Workspace, slot: Slot, saved_at: &str) {
        let encoded = PartCache::default().encode(workspace, saved_at);
        for part in &encoded.parts {
            store.set(&part_key(&part.name), &part.text).unwrap();
        }
        store.set(slot.key(), &encoded.manifest).unwrap();
        store.set(CURRENT_KEY, slot.name()).unwrap();
    }

    fn named(name: &str) -> Workspace {
        let mut workspace = demo_workspace();
        workspace.regions[0].name = name.into();
        workspace
    }

    fn region_name(opened: &Opened) -> &str {
        match opened {
            Opened::Read { decoded, .. } => &decoded.workspace.regions[0].name,
            other => panic!("not read: {other:?}"),
        }
    }

    #[test]
    fn an_empty_store_is_a_first_start() {
        assert!(matches!(open(&mut MemoryStore::default(), NOW), Opened::Empty));
    }

    #[test]
    fn a_saved_workspace_is_read_back_from_the_current_slot() {
        let mut store = MemoryStore::default();
        saved(&mut store, &named("Alt"), Slot::A, "2026-12-01T10:00:00Z");
        saved(&mut store, &named("Neu"), Slot::B, "2026-12-02T10:00:00Z");
        let opened = open(&mut store, NOW);
        assert_eq!(region_name(&opened), "Neu");
        assert!(matches!(opened, Opened::Read { recovered: None, .. }));
        assert_eq!(parts_named_in(&store, Slot::B).len(), parts_named_in(&store, Slot::A).len());
    }

    #[test]
    fn data_stored_whole_by_an_older_version_is_read() {
        let mut store = MemoryStore::default();
        store.set(SLOT_A_KEY, &encode_whole(&named("Ganz"), "2025-01-01T00:00:00Z")).unwrap();
        assert_eq!(region_name(&open(&mut store, NOW)), "Ganz");
    }

    #[test]
    fn a_damaged_slot_is_set_aside_and_the_earlier_state_continues() {
        let mut store = MemoryStore::default();
        saved(&mut store, &named("Vorher"), Slot::A, "2026-12-01T10:00:00Z");
        store.set(SLOT_B_KEY, "{kaputt").unwrap();
        store.set(CURRENT_KEY, "b").unwrap();
        let opened = open(&mut store, NOW);
        assert_eq!(region_name(&opened), "Vorher");
        assert!(matches!(opened, Opened::Read { recovered: Some(DecodeError::NotJson(_)), .. }));
        assert_eq!(store.get(&format!("{ASIDE_PREFIX}{NOW}")).as_deref(), Some("{kaputt"), "kept as it was");
        assert_eq!(store.get(CURRENT_KEY).as_deref(), Some("a"), "the intact slot is current now");
    }

    #[test]
    fn a_missing_part_sets_aside_the_manifest_with_every_part_it_still_has() {
        let mut store = MemoryStore::default();
        saved(&mut store, &named("Teile"), Slot::A, "2026-12-01T10:00:00Z");
        let lost = parts_named_in(&store, Slot::A).pop().unwrap();
        store.values.remove(&part_key(&lost));
        let opened = open(&mut store, NOW);
        assert!(matches!(opened, Opened::Unreadable { error: DecodeError::Damaged(_), recovery: Recovery::Fresh }));
        let kept = store.get(&format!("{ASIDE_PREFIX}{NOW}")).unwrap();
        assert!(kept.contains("Teile"), "the readable parts are in what was set aside");
    }

    #[test]
    fn unreadable_data_that_cannot_be_set_aside_stops_all_writing() {
        let mut store = MemoryStore { refuse: vec![ASIDE_PREFIX.into()], ..MemoryStore::default() };
        store.set(SLOT_A_KEY, "nicht json").unwrap();
        let before = store.clone();
        let opened = open(&mut store, NOW);
        assert!(matches!(opened, Opened::Unreadable { recovery: Recovery::NotSetAside, .. }));
        assert_eq!(store, before, "nothing was changed");
        assert_eq!(stored_as_is(&store).as_deref(), Some("nicht json"), "it can still be downloaded as it is");
    }

    #[test]
    fn data_of_a_newer_version_is_left_untouched() {
        let mut store = MemoryStore::default();
        store.set(SLOT_A_KEY, r#"{"format":"netzwerkatlas-workspace","schema":999,"saved_at":"2030-01-01T00:00:00Z","parts":{}}"#).unwrap();
        let before = store.clone();
        assert!(matches!(open(&mut store, NOW), Opened::Newer { found: 999 }));
        assert_eq!(store, before);
    }
}
