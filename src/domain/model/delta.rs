//! How one state of a region differs from another, as the records of the
//! earlier state where they differ: what undo keeps of an edit, and what a
//! Stichtag keeps against the state after it. `between(was, now)` is what
//! turns `now` back into `was`; applying it returns the way forward again.

use crate::domain::hashing::{HashMap, HashSet};

use crate::domain::data::to_json::ToJson;

use crate::domain::data::from_json::FromJson;

use crate::domain::model::checklist::Checklist;
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
impl Keyed for Region {
    fn key(&self) -> &Id {
        &self.id
    }
}

/// How a list looked where it differs: the records as they were, the ids
/// that were not there, where records that were not there go back, and the
/// whole order only when the records both had were in another order.
#[derive(Clone, Debug, PartialEq)]
pub struct ListChange<T> {
    pub(crate) records: Vec<T>,
    pub(crate) ids: Positions,
}

/// The ids and places of a list change, apart from its records (written
/// once for all kinds of record, see `Written`).
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, Default, PartialEq, ToJson, FromJson)]
pub struct Positions {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) absent: Vec<Id>,
    /// Positions of the records the list lacks, in the order of `records`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) at: Vec<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) order: Option<Vec<Id>>,
}

impl Positions {
    fn is_empty(&self) -> bool {
        self.absent.is_empty() && self.order.is_none()
    }
}

impl<T> Default for ListChange<T> {
    fn default() -> Self {
        ListChange { records: Vec::new(), ids: Positions::default() }
    }
}

impl<T: Keyed> ListChange<T> {
    pub(crate) fn is_empty(&self) -> bool {
        self.records.is_empty() && self.ids.is_empty()
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
        ListChange { records, ids: Positions { absent: plan.absent, at: plan.at, order: plan.order } }
    }

    /// Carries the change out on `list`; returns the change that undoes it.
    pub(crate) fn apply(self, list: &mut Vec<T>) -> ListChange<T> {
        let plan = {
            let ids: Vec<&Id> = list.iter().map(Keyed::key).collect();
            let records: Vec<&Id> = self.records.iter().map(Keyed::key).collect();
            plan_apply(&ids, &self.ids.absent, &records, &self.ids.at, self.ids.order.as_deref())
        };
        // Only moves here: where each record goes was planned on ids.
        let mut old: Vec<Option<T>> = list.drain(..).map(Some).collect();
        let mut records: Vec<Option<T>> = self.records.into_iter().map(Some).collect();
        list.extend(plan.sequence.iter().filter_map(|source| match *source {
            Source::Old(i) => old[i].take(),
            Source::Record(j) => records[j].take(),
        }));
        ListChange {
            records: plan.undo_old.iter().filter_map(|&i| old[i].take()).collect(),
            ids: Positions { absent: plan.undo_absent, at: plan.undo_at, order: plan.order_before },
        }
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

/// Where an item of the changed list comes from: the list before, or the change.
#[derive(Clone, Copy)]
enum Source {
    Old(usize),
    Record(usize),
}

struct ApplyPlan {
    /// The list after the change, item by item.
    sequence: Vec<Source>,
    /// The items before that the undo keeps: those taken out (in order), then those replaced.
    undo_old: Vec<usize>,
    undo_absent: Vec<Id>,
    undo_at: Vec<usize>,
    order_before: Option<Vec<Id>>,
}

fn plan_apply(list: &[&Id], absent: &[Id], records: &[&Id], at: &[usize], order: Option<&[Id]>) -> ApplyPlan {
    let absent: HashSet<&Id> = absent.iter().collect();
    let (removed, remaining): (Vec<usize>, Vec<usize>) = (0..list.len()).partition(|&i| absent.contains(list[i]));
    let position: HashMap<&Id, usize> = remaining.iter().enumerate().map(|(p, &i)| (list[i], p)).collect();
    let mut sequence: Vec<Source> = remaining.iter().map(|&i| Source::Old(i)).collect();
    let mut undo_old = removed.clone();
    let mut undo_absent = Vec::new();
    let mut inserts = Vec::new();
    let mut positions = at.iter().copied();
    for (j, id) in records.iter().enumerate() {
        match position.get(id) {
            Some(&p) => {
                undo_old.push(remaining[p]);
                sequence[p] = Source::Record(j);
            }
            None => {
                undo_absent.push((*id).clone());
                inserts.push((positions.next().unwrap_or(usize::MAX), j));
            }
        }
    }
    // Ascending, so each lands where it was: those before it are in place.
    order::sort(&mut inserts);
    for (p, j) in inserts {
        sequence.insert(p.min(sequence.len()), Source::Record(j));
    }
    if let Some(order) = order {
        let rank: HashMap<&Id, usize> = order.iter().enumerate().map(|(i, id)| (id, i)).collect();
        let id_of = |source: &Source| match *source {
            Source::Old(i) => list[i],
            Source::Record(j) => records[j],
        };
        order::sort_by_key(&mut sequence, |source| rank.get(id_of(source)).copied().unwrap_or(usize::MAX));
    }
    ApplyPlan {
        sequence,
        undo_old,
        undo_absent,
        undo_at: removed,
        order_before: order.map(|_| list.iter().map(|id| (*id).clone()).collect()),
    }
}

/// A region without its long lists: name, kind, Sozialräume, placements…
fn head(region: &Region) -> Region {
    // Every field named, so that a new one is placed here or in a list.
    // The Stichtage ride along: few, and shared, not copied.
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
        stichtage,
        reports,
        journal,
        programmes,
    } = region;
    Region {
        id: id.clone(),
        name: name.clone(),
        kind: *kind,
        sozialraeume: sozialraeume.clone(),
        notes: notes.clone(),
        imported_from: imported_from.clone(),
        placed: placed.clone(),
        stichtage: stichtage.clone(),
        reports: reports.clone(),
        journal: journal.clone(),
        programmes: programmes.clone(),
        ..Region::default()
    }
}

/// How one region differed.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, ToJson, FromJson)]
#[serde(from = "Written", into = "Written")]
pub struct RegionChange {
    pub(crate) id: Id,
    pub(crate) head: Option<Region>,
    pub(crate) actors: ListChange<Actor>,
    pub(crate) relations: ListChange<Relation>,
    pub(crate) groups: ListChange<Group>,
    pub(crate) checklists: ListChange<Checklist>,
}

/// A region change as written: the records of each list as lists of the
/// model's own kinds, their ids and places apart. (A generic list change
/// written as it is would add a reader and a writer per kind of record.)
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, ToJson, FromJson)]
struct Written {
    id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    head: Option<Region>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    actors: Vec<Actor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    relations: Vec<Relation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    groups: Vec<Group>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    checklists: Vec<Checklist>,
    /// The ids and places of the four lists, in the order above.
    #[serde(default)]
    positions: [Positions; 4],
}

impl From<RegionChange> for Written {
    fn from(c: RegionChange) -> Written {
        Written {
            id: c.id,
            head: c.head,
            actors: c.actors.records,
            relations: c.relations.records,
            groups: c.groups.records,
            checklists: c.checklists.records,
            positions: [c.actors.ids, c.relations.ids, c.groups.ids, c.checklists.ids],
        }
    }
}

impl From<Written> for RegionChange {
    fn from(w: Written) -> RegionChange {
        let [actors, relations, groups, checklists] = w.positions;
        RegionChange {
            id: w.id,
            head: w.head,
            actors: ListChange { records: w.actors, ids: actors },
            relations: ListChange { records: w.relations, ids: relations },
            groups: ListChange { records: w.groups, ids: groups },
            checklists: ListChange { records: w.checklists, ids: checklists },
        }
    }
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

    pub(crate) fn apply(self, region: &mut Region) -> RegionChange {
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
