//! Stichtage: the region as it was on a date, kept read-only ("Bericht Q4
//! 2025"). In memory each holds its whole state (shared, so that copies of
//! the region for undo cost nothing); written, only the newest is whole
//! (or, in the browser's storage, none) and each other one is what turns
//! the state after it back into its own: eight quarters with a few changes
//! each cost a few changes each, not eight regions.

use std::sync::Arc;

use crate::domain::data::to_json::ToJson;

use crate::domain::data::from_json::FromJson;

use crate::domain::model::delta::RegionChange;
use crate::domain::model::{Id, Region};

/// The region on a date.
#[derive(Clone, Debug)]
pub struct Stichtag {
    pub id: Id,
    pub name: String,
    /// The day it stands for, ISO ("2025-12-31").
    pub date: String,
    /// When it was taken, ISO timestamp.
    pub taken_at: String,
    /// The region as it was, without Stichtage of its own.
    pub state: Arc<Region>,
}

impl PartialEq for Stichtag {
    fn eq(&self, other: &Stichtag) -> bool {
        self.id == other.id
            && self.name == other.name
            && self.date == other.date
            && self.taken_at == other.taken_at
            && (Arc::ptr_eq(&self.state, &other.state) || self.state == other.state)
    }
}

impl Stichtag {
    /// `region` as it is now, under `name` for `date`.
    pub fn of(region: &Region, id: Id, name: String, date: String, taken_at: String) -> Stichtag {
        Stichtag { id, name, date, taken_at, state: Arc::new(Stichtag::state_of(region)) }
    }

    /// What a Stichtag keeps of `region`: not what was reported on it, nor
    /// the journal (dated anyway).
    pub fn state_of(region: &Region) -> Region {
        Region { stichtage: Vec::new(), reports: Vec::new(), journal: Vec::new(), ..region.clone() }
    }
}

/// Oldest first: by date, then by when taken.
pub fn sort_by_date(stichtage: &mut Vec<Stichtag>) {
    crate::domain::order::sort_by(stichtage, |a, b| a.date.cmp(&b.date).then_with(|| a.taken_at.cmp(&b.taken_at)));
}

/// A Stichtag as written: its state whole, or as the change from the next.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, ToJson, FromJson)]
pub struct Written {
    pub id: Id,
    pub name: String,
    pub date: String,
    #[serde(default)]
    pub taken_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<Region>,
    /// What turns the state of the next newer Stichtag (or of the base
    /// given, for the newest) into this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<RegionChange>,
}

/// Writes `stichtage` (oldest first) as a chain ending in `base` (the
/// region now, in storage), or in the newest one whole (in files).
pub fn write(stichtage: &[Stichtag], base: Option<&Region>) -> Vec<Written> {
    let mut written = Vec::with_capacity(stichtage.len());
    for (i, s) in stichtage.iter().enumerate() {
        let next = stichtage.get(i + 1).map(|n| &*n.state).or(base);
        let (state, changes) = match next {
            Some(next) => (None, Some(RegionChange::between(&s.state, next))),
            None => (Some((*s.state).clone()), None),
        };
        written.push(Written {
            id: s.id.clone(),
            name: s.name.clone(),
            date: s.date.clone(),
            taken_at: s.taken_at.clone(),
            state,
            changes,
        });
    }
    written
}

/// Why a written chain could not be read: the place (1-based, oldest first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub position: usize,
    pub name: String,
}

/// Reads a chain `write` wrote, against the same `base`.
pub fn read(written: Vec<Written>, base: Option<&Region>) -> Result<Vec<Stichtag>, Unreadable> {
    let mut states: Vec<Stichtag> = Vec::with_capacity(written.len());
    let count = written.len();
    for (back, w) in written.into_iter().rev().enumerate() {
        let unreadable = Unreadable { position: count - back, name: w.name.clone() };
        let next: Option<&Region> = states.last().map(|n| &*n.state).or(base);
        let state = match (w.state, w.changes, next) {
            (Some(state), _, _) => state,
            (None, Some(changes), Some(next)) => {
                let mut state = Region { stichtage: Vec::new(), ..next.clone() };
                changes.apply(&mut state);
                state
            }
            _ => return Err(unreadable),
        };
        states.push(Stichtag { id: w.id, name: w.name, date: w.date, taken_at: w.taken_at, state: Arc::new(state) });
    }
    states.reverse();
    Ok(states)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::files::privacy::strip_personal_data;
    use crate::domain::data::storage::parts::{assemble, PartCache};
    use crate::domain::model::Workspace;
    use crate::domain::samples::generate::generated_history;

    fn json_len<T: ToJson>(value: &T) -> usize {
        crate::domain::data::to_json::text(value).len()
    }

    fn file_of(region: &Region) -> String {
        use crate::domain::data::format::{encode_file, Content, Header, Scope};
        let header = Header {
            scope: Scope::Region,
            app_version: "test".into(),
            exported_at: "2026-12-03T10:00:00Z".into(),
            region: None,
            author: String::new(),
            personal_data: true,
        };
        encode_file(&header, &Content { regions: vec![region.clone()], templates: Vec::new() })
    }

    #[test]
    fn in_files_the_newest_is_whole_and_the_others_are_changes_and_all_read_back_exactly() {
        let region = generated_history(200, 4, 1);
        let written = write(&region.stichtage, None);
        assert!(written[3].state.is_some() && written[3].changes.is_none());
        assert!(written[..3].iter().all(|w| w.state.is_none() && w.changes.is_some()));
        let read = crate::domain::data::format::read_file(&file_of(&region)).unwrap();
        assert!(read.notes.is_empty() && !read.modified, "{:?}", read.notes);
        assert_eq!(read.content.regions[0], region);
        assert_eq!(read.content.regions[0].stichtage[0].state.actors.len(), 200, "the oldest as it was");
        assert_ne!(read.content.regions[0].stichtage[0].state, read.content.regions[0].stichtage[1].state);
    }

    #[test]
    fn eight_quarters_in_storage_cost_a_fraction_of_the_region() {
        let region = generated_history(2_000, 8, 2);
        let without = Region { stichtage: Vec::new(), ..region.clone() };
        let chain = write(&region.stichtage, Some(&region));
        let share = json_len(&chain) as f64 / json_len(&without) as f64;
        assert!(share <= 0.25, "eight Stichtage take {:.1} % of the region", share * 100.0);
        assert_eq!(read(chain, Some(&region)).unwrap(), region.stichtage);
    }

    #[test]
    fn stored_in_parts_they_come_back_and_an_edit_of_the_region_keeps_them() {
        let mut workspace = Workspace { regions: vec![generated_history(300, 3, 3)], ..Workspace::default() };
        let mut cache = PartCache::default();
        let encoded = cache.encode(&workspace, "2026-12-03T10:00:00Z");
        let parts: crate::domain::hashing::HashMap<String, String> =
            encoded.parts.iter().map(|p| (p.name.to_string(), p.text.to_string())).collect();
        let manifest = match crate::domain::data::storage::envelope::decode(&encoded.manifest).unwrap() {
            crate::domain::data::storage::envelope::Stored::Parts { manifest, .. } => manifest,
            _ => panic!("parts expected"),
        };
        let part = manifest.regions[0].stichtage.clone().expect("a part for the Stichtage");
        assert_eq!(
            crate::domain::data::storage::parts::stichtage_chars(&workspace.regions[0]),
            parts[&part].encode_utf16().count(),
            "what „Speicher & Sicherung“ shows is what is stored"
        );
        let (decoded, _) = assemble(&manifest, "", |n| parts.get(n).cloned()).unwrap();
        assert_eq!(decoded.workspace, workspace);

        // An edit re-encodes the Stichtage part (its newest is kept against the
        // region), and they still read back as they were.
        workspace.regions[0].actors[0].name = "Geändert".into();
        let encoded = cache.encode(&workspace, "2026-12-03T10:01:00Z");
        let mut all = parts.clone();
        all.extend(encoded.parts.iter().map(|p| (p.name.to_string(), p.text.to_string())));
        let manifest = match crate::domain::data::storage::envelope::decode(&encoded.manifest).unwrap() {
            crate::domain::data::storage::envelope::Stored::Parts { manifest, .. } => manifest,
            _ => panic!("parts expected"),
        };
        let (decoded, _) = assemble(&manifest, "", |n| all.get(n).cloned()).unwrap();
        assert_eq!(decoded.workspace.regions[0].stichtage, workspace.regions[0].stichtage);
        assert_ne!(decoded.workspace.regions[0].stichtage[2].state.actors[0].name, "Geändert");
    }

    #[test]
    fn a_chain_missing_its_base_names_the_stichtag() {
        let region = generated_history(50, 2, 4);
        let chain = write(&region.stichtage, Some(&region));
        assert_eq!(read(chain.clone(), None), Err(Unreadable { position: 2, name: "Bericht Q2 2025".into() }));
        // In a file, Stichtage that do not read cost themselves, not the region.
        let mut file: serde_json::Value = serde_json::from_str(&file_of(&region)).unwrap();
        file["content"]["regions"][0]["stichtage"][1]["state"] = serde_json::Value::Null;
        let read = crate::domain::data::format::read_file(&file.to_string()).unwrap();
        assert!(read.content.regions[0].stichtage.is_empty());
        assert_eq!(read.content.regions[0].actors, region.actors);
        let notes: Vec<String> = read.notes.iter().map(|n| n.text()).collect();
        assert!(notes.iter().any(|n| n.contains("Stichtage der Region") && n.contains("weggelassen")), "{notes:?}");
    }

    #[test]
    fn without_personal_data_the_stichtage_lose_theirs_too() {
        let mut region = generated_history(40, 2, 5);
        assert!(region.stichtage[0].state.actors.iter().any(|a| !a.contacts.is_empty()));
        strip_personal_data(&mut region);
        for s in &region.stichtage {
            assert!(s.state.actors.iter().all(|a| a.contacts.is_empty() && a.notes.is_empty()), "{}", s.name);
        }
    }
}
