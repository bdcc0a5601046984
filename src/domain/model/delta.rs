//! How one state of a region differs from another, as the records of the
//! earlier state where they differ: what undo keeps of an edit, and what a
//! Stichtag keeps against the state after it. `between(was, now)` is what
//! turns `now` back into `was`; applying it returns the way forward again.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::domain::model::checklist::Checklist;
use crate::domain::model::stichtag::Stichtag;
use crate::domain::model::{Actor, Group, Id, Region, Relation};
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
impl Keyed for Stichtag {
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
/// that were not there, where records that were not there go back, and the
/// whole order only when the records both had were in another order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(bound(serialize = "T: Serialize", deserialize = "T: Deserialize<'de>"))]
pub struct ListChange<T> {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) records: Vec<T>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) absent: Vec<Id>,
    /// Positions of the records the list lacks, in the order of `records`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) at: Vec<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) order: Option<Vec<Id>>,
}

impl<T> Default for ListChange<T> {
    fn default() -> Self {
        ListChange { records: Vec::new(), absent: Vec::new(), at: Vec::new(), order: None }
    }
}

impl<T: Keyed> ListChange<T> {
    pub(crate) fn is_empty(&self) -> bool {
        self.records.is_empty() && self.absent.is_empty() && self.order.is_none()
    }

    /// What turns `now` back into `was`.
    pub(crate) fn between(was: &[T], now: &[T]) -> ListChange<T> {
        let current: HashMap<&Id, &T> = now.iter().map(|r| (r.key(), r)).collect();
        let earlier: HashSet<&Id> = was.iter().map(Keyed::key).collect();
        let records = was.iter().filter(|r| current.get(r.key()).is_none_or(|n| *n != *r)).cloned().collect();
        let absent = now.iter().map(Keyed::key).filter(|id| !earlier.contains(id)).cloned().collect();
        // Records in both lists in the same order: the others go back by position.
        let kept_was = was.iter().map(Keyed::key).filter(|id| current.contains_key(id));
        let kept_now = now.iter().map(Keyed::key).filter(|id| earlier.contains(id));
        if kept_was.eq(kept_now) {
            let at = was.iter().enumerate().filter(|(_, r)| !current.contains_key(r.key())).map(|(i, _)| i).collect();
            ListChange { records, absent, at, order: None }
        } else {
            ListChange { records, absent, at: Vec::new(), order: Some(was.iter().map(|r| r.key().clone()).collect()) }
        }
    }

    /// Carries the change out on `list`; returns the change that undoes it.
    pub(crate) fn apply(self, list: &mut Vec<T>) -> ListChange<T> {
        let mut undo = ListChange::default();
        if self.order.is_some() {
            undo.order = Some(list.iter().map(|r| r.key().clone()).collect());
        }
        let absent: HashSet<Id> = self.absent.into_iter().collect();
        let mut index = 0;
        list.retain(|r| {
            let keep = !absent.contains(r.key());
            if !keep {
                undo.records.push(r.clone());
                undo.at.push(index);
            }
            index += 1;
            keep
        });
        let at: HashMap<Id, usize> = list.iter().enumerate().map(|(i, r)| (r.key().clone(), i)).collect();
        let mut positions = self.at.into_iter();
        let mut inserts = Vec::new();
        for record in self.records {
            match at.get(record.key()) {
                Some(&i) => undo.records.push(std::mem::replace(&mut list[i], record)),
                None => {
                    undo.absent.push(record.key().clone());
                    inserts.push((positions.next().unwrap_or(usize::MAX), record));
                }
            }
        }
        // Ascending, so each lands where it was: those before it are in place.
        order::sort_by_key(&mut inserts, |(position, _)| *position);
        for (position, record) in inserts {
            list.insert(position.min(list.len()), record);
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
    // Every field named, so that a new one is placed here or in a list.
    let Region {
        id,
        name,
        kind,
        sozialraeume,
        notes,
        imported_from,
        placed,
        actors: _,
        relations: _,
        groups: _,
        checklists: _,
        stichtage: _,
    } = region;
    Region {
        id: id.clone(),
        name: name.clone(),
        kind: *kind,
        sozialraeume: sozialraeume.clone(),
        notes: notes.clone(),
        imported_from: imported_from.clone(),
        placed: placed.clone(),
        ..Region::default()
    }
}

/// How one region differed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionChange {
    pub(crate) id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) head: Option<Region>,
    #[serde(default, skip_serializing_if = "ListChange::is_empty")]
    pub(crate) actors: ListChange<Actor>,
    #[serde(default, skip_serializing_if = "ListChange::is_empty")]
    pub(crate) relations: ListChange<Relation>,
    #[serde(default, skip_serializing_if = "ListChange::is_empty")]
    pub(crate) groups: ListChange<Group>,
    #[serde(default, skip_serializing_if = "ListChange::is_empty")]
    pub(crate) checklists: ListChange<Checklist>,
    /// Only undo holds these: a Stichtag's own state has no Stichtage.
    #[serde(skip)]
    pub(crate) stichtage: ListChange<Stichtag>,
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
            stichtage: ListChange::between(&was.stichtage, &now.stichtage),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.head.is_none()
            && self.actors.is_empty()
            && self.relations.is_empty()
            && self.groups.is_empty()
            && self.checklists.is_empty()
            && self.stichtage.is_empty()
    }

    pub(crate) fn apply(self, region: &mut Region) -> RegionChange {
        let head = self.head.map(|was| {
            let lists = (
                std::mem::take(&mut region.actors),
                std::mem::take(&mut region.relations),
                std::mem::take(&mut region.groups),
                std::mem::take(&mut region.checklists),
                std::mem::take(&mut region.stichtage),
            );
            let now = std::mem::replace(region, was);
            (region.actors, region.relations, region.groups, region.checklists, region.stichtage) = lists;
            now
        });
        RegionChange {
            id: self.id,
            head,
            actors: self.actors.apply(&mut region.actors),
            relations: self.relations.apply(&mut region.relations),
            groups: self.groups.apply(&mut region.groups),
            checklists: self.checklists.apply(&mut region.checklists),
            stichtage: self.stichtage.apply(&mut region.stichtage),
        }
    }
}
