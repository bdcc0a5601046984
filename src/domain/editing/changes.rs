//! What an edit changed, kept for undo in proportion to the edit: the records
//! it touched as they were, not a copy of everything. Renaming one actor of a
//! 2,000-actor region keeps one actor; deleting an actor keeps it and its
//! relations. Applying a change returns the change that goes back again.

use crate::domain::data::to_json::ToJson;
use crate::domain::hashing::HashMap;

use crate::domain::model::checklist::Template;
use crate::domain::model::delta::{ListChange, RegionChange};
use crate::domain::model::{Id, Region, Workspace};

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
        // Where they stood in the whole list: their positions, or its order.
        let mut whole = came_or_went;
        let full = ListChange::<Region>::between(&was.regions, &now.regions).ids;
        (whole.ids.at, whole.ids.order) = (full.at, full.order);
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
        fn json(value: &dyn ToJson) -> usize {
            crate::domain::data::to_json::text(value).len()
        }
        let lists = |c: &RegionChange| {
            json(&c.head)
                + json(&c.actors.records)
                + json(&c.relations.records)
                + json(&c.groups.records)
                + json(&c.checklists.records)
                + json(&c.actors.ids.order)
                + json(&c.relations.ids.order)
        };
        self.regions.iter().map(lists).sum::<usize>()
            + self.whole.as_ref().map_or(0, |w| json(&w.records) + json(&w.ids.order))
            + self.templates.as_ref().map_or(0, |t| json(t))
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
        let mut ws = demo_workspace();
        // Three regions, so that one can go from the middle.
        for n in 2..4 {
            let mut region = ws.regions[0].clone();
            region.id = Id(format!("extra-{n}"));
            ws.regions.push(region);
        }
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
            ("delete the regions", Box::new(|ws| ws.regions.clear())),
            ("delete the middle region", Box::new(|ws| _ = ws.regions.remove(1))),
            (
                "delete actors in the middle and add one at the end",
                Box::new(|ws| {
                    let region = &mut ws.regions[0];
                    region.actors.remove(7);
                    region.actors.remove(3);
                    let mut actor = region.actors[0].clone();
                    actor.id = Id("am-ende".into());
                    region.actors.push(actor);
                }),
            ),
            (
                "take a Stichtag",
                Box::new(|ws| ws.regions[0].take_stichtag(Id("s".into()), "Q4".into(), "2026-12-31".into(), "2026-12-31T10:00:00Z".into())),
            ),
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
        let region_bytes = crate::domain::data::to_json::text(&ws.regions[0]).len();
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
