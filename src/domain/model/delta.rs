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
        let (was_ids, now_ids): (Vec<&Id>, Vec<&Id>) = (was.iter().map(Keyed::key).collect(), now.iter().map(Keyed::key).collect());
        let plan = plan_between(&was_ids, &now_ids);
        let records = was
            .iter()
            .zip(&plan.in_now)
            .filter(|(record, found)| found.is_none_or(|i| now[i] != **record))
            .map(|(record, _)| record.clone())
            .collect();
        ListChange { records, absent: plan.absent, at: plan.at, order: plan.order }
    }

    /// Carries the change out on `list`; returns the change that undoes it.
    pub(crate) fn apply(self, list: &mut Vec<T>) -> ListChange<T> {
        let plan = {
            let ids: Vec<&Id> = list.iter().map(Keyed::key).collect();
            let records: Vec<&Id> = self.records.iter().map(Keyed::key).collect();
            plan_apply(&ids, &self.absent, &records, &self.at, self.order.as_deref())
        };
        let mut undo = ListChange { order: plan.order_before, ..ListChange::default() };
        // Out, last first so the positions hold; the undo keeps them first to last.
        let mut removed: Vec<T> = plan.removed.iter().rev().map(|&i| list.remove(i)).collect();
        removed.reverse();
        undo.records = removed;
        undo.at = plan.removed;
        let mut inserts = Vec::new();
        for (record, place) in self.records.into_iter().zip(plan.places) {
            match place {
                Place::Replace(i) => undo.records.push(std::mem::replace(&mut list[i], record)),
                Place::Insert(position) => {
                    undo.absent.push(record.key().clone());
                    inserts.push((position, record));
                }
            }
        }
        // Ascending, so each lands where it was: those before it are in place.
        order::sort_by_key(&mut inserts, |(position, _)| *position);
        for (position, record) in inserts {
            list.insert(position.min(list.len()), record);
        }
        if let Some(order) = self.order {
            let ids: Vec<&Id> = list.iter().map(Keyed::key).collect();
            let ranks = ranks_in(&ids, &order);
            let mut ranked: Vec<(usize, T)> = ranks.into_iter().zip(list.drain(..)).collect();
            order::sort_by_key(&mut ranked, |(rank, _)| *rank);
            list.extend(ranked.into_iter().map(|(_, record)| record));
        }
        undo
    }
}

// The work on ids, apart from the records' type so that it is compiled
// once, not once for each kind of record.

struct BetweenPlan {
    /// For each record of `was`, its position in `now`.
    in_now: Vec<Option<usize>>,
    absent: Vec<Id>,
    at: Vec<usize>,
    order: Option<Vec<Id>>,
}

fn plan_between(was: &[&Id], now: &[&Id]) -> BetweenPlan {
    let current: HashMap<&Id, usize> = now.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let earlier: HashSet<&Id> = was.iter().copied().collect();
    let in_now: Vec<Option<usize>> = was.iter().map(|id| current.get(id).copied()).collect();
    let absent = now.iter().filter(|id| !earlier.contains(*id)).map(|id| (*id).clone()).collect();
    // Records in both lists in the same order: the others go back by position.
    let kept_was = was.iter().filter(|id| current.contains_key(*id));
    let kept_now = now.iter().filter(|id| earlier.contains(*id));
    if kept_was.eq(kept_now) {
        let at = in_now.iter().enumerate().filter(|(_, found)| found.is_none()).map(|(i, _)| i).collect();
        BetweenPlan { in_now, absent, at, order: None }
    } else {
        BetweenPlan { in_now, absent, at: Vec::new(), order: Some(was.iter().map(|id| (*id).clone()).collect()) }
    }
}

enum Place {
    Replace(usize),
    Insert(usize),
}

struct ApplyPlan {
    /// Positions to take out, ascending.
    removed: Vec<usize>,
    /// For each record: the position it replaces (after the removal) or where it goes in.
    places: Vec<Place>,
    order_before: Option<Vec<Id>>,
}

fn plan_apply(list: &[&Id], absent: &[Id], records: &[&Id], at: &[usize], order: Option<&[Id]>) -> ApplyPlan {
    let absent: HashSet<&Id> = absent.iter().collect();
    let removed: Vec<usize> = list.iter().enumerate().filter(|(_, id)| absent.contains(*id)).map(|(i, _)| i).collect();
    let remaining: HashMap<&Id, usize> = list.iter().filter(|id| !absent.contains(*id)).enumerate().map(|(i, id)| (*id, i)).collect();
    let mut positions = at.iter().copied();
    let places = records
        .iter()
        .map(|id| match remaining.get(id) {
            Some(&i) => Place::Replace(i),
            None => Place::Insert(positions.next().unwrap_or(usize::MAX)),
        })
        .collect();
    let order_before = order.map(|_| list.iter().map(|id| (*id).clone()).collect());
    ApplyPlan { removed, places, order_before }
}

/// Each id's place in `order` (unknown ones last).
fn ranks_in(ids: &[&Id], order: &[Id]) -> Vec<usize> {
    let rank: HashMap<&Id, usize> = order.iter().enumerate().map(|(i, id)| (id, i)).collect();
    ids.iter().map(|id| rank.get(id).copied().unwrap_or(usize::MAX)).collect()
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
