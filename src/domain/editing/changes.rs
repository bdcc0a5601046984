//! What an edit changed, kept for undo in proportion to the edit: the records
//! it touched as they were, not a copy of everything. Renaming one actor of a
//! 2,000-actor region keeps one actor; deleting an actor keeps it and its
//! relations. Applying a change returns the change that goes back again.

use std::collections::{HashMap, HashSet};

use crate::domain::model::checklist::{Checklist, Template};
use crate::domain::model::{Actor, Group, Id, Region, Relation, Workspace};
use crate::domain::order;

/// A record kept by its id.
pub trait Keyed: Clone + PartialEq {
    fn key(&self) -> &Id;
}

impl Keyed for Actor {
    fn key(&self) -> &Id {
        &self.id
    }
}
impl Keyed for Relation {
    fn key(&self) -> &Id {
        &self.id
    }
}
impl Keyed for Group {
    fn key(&self) -> &Id {
        &self.id
    }
}
impl Keyed for Checklist {
    fn key(&self) -> &Id {
        &self.id
    }
}
impl Keyed for Region {
    fn key(&self) -> &Id {
        &self.id
    }
}

/// How a list looked where it differs: the records as they were, the ids
/// that were not there, and the order when the ids or their order changed.
#[derive(Clone, Debug, PartialEq)]
pub struct ListChange<T> {
    records: Vec<T>,
    absent: Vec<Id>,
    order: Option<Vec<Id>>,
}

impl<T: Keyed> ListChange<T> {
    fn is_empty(&self) -> bool {
        self.records.is_empty() && self.absent.is_empty() && self.order.is_none()
    }

    /// What turns `now` back into `was`.
    fn between(was: &[T], now: &[T]) -> ListChange<T> {
        let current: HashMap<&Id, &T> = now.iter().map(|r| (r.key(), r)).collect();
        let earlier: HashSet<&Id> = was.iter().map(Keyed::key).collect();
        let records = was.iter().filter(|r| current.get(r.key()).is_none_or(|n| *n != *r)).cloned().collect();
        let absent = now.iter().map(Keyed::key).filter(|id| !earlier.contains(id)).cloned().collect();
        let same_order = was.len() == now.len() && was.iter().zip(now).all(|(a, b)| a.key() == b.key());
        let order = (!same_order).then(|| was.iter().map(|r| r.key().clone()).collect());
        ListChange { records, absent, order }
    }

    /// Carries the change out on `list`; returns the change that undoes it.
    fn apply(self, list: &mut Vec<T>) -> ListChange<T> {
        let mut undo = ListChange { records: Vec::new(), absent: Vec::new(), order: None };
        if self.order.is_some() {
            undo.order = Some(list.iter().map(|r| r.key().clone()).collect());
        }
        let absent: HashSet<Id> = self.absent.into_iter().collect();
        list.retain(|r| {
            let keep = !absent.contains(r.key());
            if !keep {
                undo.records.push(r.clone());
            }
            keep
        });
        let mut at: HashMap<Id, usize> = list.iter().enumerate().map(|(i, r)| (r.key().clone(), i)).collect();
        for record in self.records {
            match at.get(record.key()) {
                Some(&i) => undo.records.push(std::mem::replace(&mut list[i], record)),
                None => {
                    undo.absent.push(record.key().clone());
                    at.insert(record.key().clone(), list.len());
                    list.push(record);
                }
            }
        }
        if let Some(order) = self.order {
            let rank: HashMap<&Id, usize> = order.iter().enumerate().map(|(i, id)| (id, i)).collect();
            order::sort_by_key(list, |r| rank.get(r.key()).copied().unwrap_or(usize::MAX));
        }
        undo
    }
}

/// A region without its long lists: name, kind, Sozialräume, placements…
fn head(region: &Region) -> Region {
    Region { actors: Vec::new(), relations: Vec::new(), groups: Vec::new(), checklists: Vec::new(), ..region.clone() }
}

/// How one region differed.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionChange {
    id: Id,
    head: Option<Region>,
    actors: ListChange<Actor>,
    relations: ListChange<Relation>,
    groups: ListChange<Group>,
    checklists: ListChange<Checklist>,
}

impl RegionChange {
    /// What turns `now` back into `was` (the same region).
    pub fn between(was: &Region, now: &Region) -> RegionChange {
        let was_head = head(was);
        RegionChange {
            id: was.id.clone(),
            head: (was_head != head(now)).then_some(was_head),
            actors: ListChange::between(&was.actors, &now.actors),
            relations: ListChange::between(&was.relations, &now.relations),
            groups: ListChange::between(&was.groups, &now.groups),
            checklists: ListChange::between(&was.checklists, &now.checklists),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.head.is_none() && self.actors.is_empty() && self.relations.is_empty() && self.groups.is_empty() && self.checklists.is_empty()
    }

    fn apply(self, region: &mut Region) -> RegionChange {
        let head = self.head.map(|was| {
            let lists = (
                std::mem::take(&mut region.actors),
                std::mem::take(&mut region.relations),
                std::mem::take(&mut region.groups),
                std::mem::take(&mut region.checklists),
            );
            let now = std::mem::replace(region, was);
            (region.actors, region.relations, region.groups, region.checklists) = lists;
            now
        });
        RegionChange {
            id: self.id,
            head,
            actors: self.actors.apply(&mut region.actors),
            relations: self.relations.apply(&mut region.relations),
            groups: self.groups.apply(&mut region.groups),
            checklists: self.checklists.apply(&mut region.checklists),
        }
    }
}

/// What an edit of the workspace changed: the regions that differ, whole
/// regions that came or went, and the templates if they changed.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Change {
    regions: Vec<RegionChange>,
    /// Regions as they were where they were removed, and ids of added ones.
    whole: Option<ListChange<Region>>,
    templates: Option<Vec<Template>>,
}

impl Change {
    /// What turns `now` back into `was`: one region edited in place.
    pub fn in_region(was: &Region, now: &Region) -> Change {
        let change = RegionChange::between(was, now);
        Change { regions: if change.is_empty() { Vec::new() } else { vec![change] }, ..Change::default() }
    }

    /// What turns `now` back into `was`, for edits across the workspace
    /// (imports, restoring a backup, deleting a region, templates).
    pub fn between(was: &Workspace, now: &Workspace) -> Change {
        let current: HashMap<&Id, &Region> = now.regions.iter().map(|r| (&r.id, r)).collect();
        let regions =
            was.regions.iter().filter_map(|w| current.get(&w.id).map(|n| RegionChange::between(w, n))).filter(|c| !c.is_empty()).collect();
        // Regions that came or went are kept whole; the rest by what changed.
        let came_or_went = ListChange::between(
            &was.regions.iter().filter(|w| !current.contains_key(&w.id)).cloned().collect::<Vec<_>>(),
            &now.regions.iter().filter(|n| !was.regions.iter().any(|w| w.id == n.id)).cloned().collect::<Vec<_>>(),
        );
        let order = ListChange::<Region>::between(&was.regions, &now.regions).order;
        let whole = ListChange { order, ..came_or_went };
        Change {
            regions,
            whole: (!whole.is_empty()).then_some(whole),
            templates: (was.templates != now.templates).then(|| was.templates.clone()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.regions.is_empty() && self.whole.is_none() && self.templates.is_none()
    }

    /// Carries the change out; returns the change that undoes it.
    pub fn apply(self, workspace: &mut Workspace) -> Change {
        let mut undo = Change::default();
        for change in self.regions {
            if let Some(region) = workspace.regions.iter_mut().find(|r| r.id == change.id) {
                undo.regions.push(change.apply(region));
            }
        }
        undo.whole = self.whole.map(|whole| whole.apply(&mut workspace.regions));
        undo.templates = self.templates.map(|t| std::mem::replace(&mut workspace.templates, t));
        undo
    }

    /// Bytes of records this change keeps (JSON length, a stable measure for
    /// benchmarks: the heap holds about as much).
    pub fn kept_bytes(&self) -> usize {
        fn json<T: serde::Serialize>(value: &T) -> usize {
            serde_json::to_string(value).map(|s| s.len()).unwrap_or(0)
        }
        let lists = |c: &RegionChange| {
            json(&c.head)
                + json(&c.actors.records)
                + json(&c.relations.records)
                + json(&c.groups.records)
                + json(&c.checklists.records)
                + json(&c.actors.order)
                + json(&c.relations.order)
        };
        self.regions.iter().map(lists).sum::<usize>()
            + self.whole.as_ref().map_or(0, |w| json(&w.records) + json(&w.order))
            + self.templates.as_ref().map_or(0, json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::checklist::Status;
    use crate::domain::samples::demo::demo_workspace;
    use crate::domain::samples::generate::generated_workspace;

    /// Edits `ws` with `f`, checks that undo gives back the state before and
    /// redo the state after, and returns the change kept.
    fn round_trip(ws: &Workspace, f: impl FnOnce(&mut Workspace)) -> Change {
        let mut now = ws.clone();
        f(&mut now);
        let after = now.clone();
        let change = Change::between(ws, &now);
        let redo = change.clone().apply(&mut now);
        assert_eq!(now.regions, ws.regions, "undo restores the regions");
        assert_eq!(now.templates, ws.templates, "undo restores the templates");
        let undo = redo.apply(&mut now);
        assert_eq!(now.regions, after.regions, "redo restores the edit");
        assert_eq!(now.templates, after.templates);
        undo.apply(&mut now);
        assert_eq!(now.regions, ws.regions, "and undo again");
        change
    }

    #[test]
    fn each_kind_of_edit_undoes_and_redoes_exactly() {
        let ws = demo_workspace();
        let edits: Vec<(&str, Box<dyn Fn(&mut Workspace)>)> = vec![
            ("rename an actor", Box::new(|ws| ws.regions[0].actors[3].name = "Neu".into())),
            (
                "delete an actor with its relations",
                Box::new(|ws| {
                    let id = ws.regions[0].actors[0].id.clone();
                    ws.regions[0].delete_actor(&id);
                }),
            ),
            (
                "add an actor",
                Box::new(|ws| {
                    let mut actor = ws.regions[0].actors[0].clone();
                    actor.id = Id("neu".into());
                    ws.regions[0].actors.insert(5, actor);
                }),
            ),
            ("reorder relations", Box::new(|ws| ws.regions[0].relations.reverse())),
            (
                "set a checklist status",
                Box::new(|ws| {
                    let item = ws.regions[0].checklists[0].items().next().unwrap().id.clone();
                    ws.regions[0].checklists[0].set_status(&item, Some(Status::Nein), "2026-12-02T10:00:00Z");
                }),
            ),
            ("rename the region", Box::new(|ws| ws.regions[0].name = "Anders".into())),
            (
                "add a region",
                Box::new(|ws| {
                    let mut region = ws.regions[0].clone();
                    region.id = Id("r2".into());
                    ws.regions.insert(0, region);
                }),
            ),
            ("delete the region", Box::new(|ws| ws.regions.clear())),
            ("change templates", Box::new(|ws| ws.templates.push(crate::domain::model::templates::builtin_templates().remove(0)))),
        ];
        for (name, f) in edits {
            let change = round_trip(&ws, f);
            assert!(!change.is_empty(), "{name}");
        }
        assert!(round_trip(&ws, |_| {}).is_empty(), "nothing changed, nothing kept");
    }

    #[test]
    fn what_is_kept_follows_the_edit_not_the_region() {
        let ws = generated_workspace(2_000, 1);
        let region_bytes = serde_json::to_string(&ws.regions[0]).unwrap().len();
        let rename = round_trip(&ws, |ws| ws.regions[0].actors[1_000].name.push_str(" (neu)"));
        assert!(rename.kept_bytes() < 5_000, "one actor: {} bytes", rename.kept_bytes());
        let was = ws.regions[0].clone();
        let deleted = was.actors[10].id.clone();
        let mut now = was.clone();
        now.delete_actor(&deleted);
        let change = Change::in_region(&was, &now);
        assert!(change.kept_bytes() < region_bytes / 10, "{} of {region_bytes}", change.kept_bytes());
        let mut back = Workspace { regions: vec![now], ..Workspace::default() };
        change.apply(&mut back);
        assert_eq!(back.regions[0], was);
    }
}
