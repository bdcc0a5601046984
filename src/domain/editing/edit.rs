//! Edits on a region that keep its references whole: deleting an actor takes
//! its relations, memberships and Träger links with it.

use crate::domain::model::stichtag::{sort_by_date, Stichtag};
use crate::domain::model::*;
use crate::domain::order;

/// What deleting an actor takes with it, shown before the user confirms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct DeleteImpact {
    pub relations: usize,
    pub groups: usize,
    /// Actors that name this one as their Träger.
    pub children: usize,
    /// Checklist items that name this actor (responsible or in an answer).
    pub checklist_items: usize,
}

impl DeleteImpact {
    /// A sentence for the confirmation, e.g.
    /// "3 Beziehungen werden mit gelöscht. Aus 1 Gremium wird der Akteur entfernt."
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        parts.push(match self.relations {
            0 => t!("delete.no_relations").to_owned(),
            n => tr!("delete.relations", n = n),
        });
        if self.groups > 0 {
            parts.push(tr!("delete.groups", n = self.groups));
        }
        if self.children > 0 {
            parts.push(tr!("delete.children", n = self.children));
        }
        if self.checklist_items > 0 {
            parts.push(tr!("delete.checklist_items", n = self.checklist_items));
        }
        parts.join(" ")
    }
}

fn upsert<T>(items: &mut Vec<T>, item: T, same: impl Fn(&T, &T) -> bool) {
    match items.iter_mut().find(|existing| same(existing, &item)) {
        Some(existing) => *existing = item,
        None => items.push(item),
    }
}

impl Region {
    /// Adds the actor, or replaces the one with the same id.
    pub fn upsert_actor(&mut self, actor: Actor) {
        upsert(&mut self.actors, actor, |a, b| a.id == b.id);
    }

    pub fn upsert_relation(&mut self, relation: Relation) {
        upsert(&mut self.relations, relation, |a, b| a.id == b.id);
    }

    pub fn upsert_group(&mut self, group: Group) {
        upsert(&mut self.groups, group, |a, b| a.id == b.id);
    }

    pub fn delete_impact(&self, actor: &Id) -> DeleteImpact {
        DeleteImpact {
            relations: self.relation_count(actor),
            groups: self.groups.iter().filter(|g| g.members.contains(actor)).count(),
            children: self.actors.iter().filter(|a| a.traeger.as_ref() == Some(actor)).count(),
            checklist_items: self
                .checklists
                .iter()
                .flat_map(|c| c.items())
                .filter(|i| i.responsible.contains(actor) || i.answers.iter().any(|a| a.actors.contains(actor)))
                .count(),
        }
    }

    /// Removes the actor and everything that points to it.
    pub fn delete_actor(&mut self, actor: &Id) {
        self.actors.retain(|a| &a.id != actor);
        self.placed.retain(|p| &p.actor != actor);
        self.relations.retain(|r| !r.touches(actor));
        for group in &mut self.groups {
            group.members.retain(|m| m != actor);
        }
        for entry in &mut self.journal {
            entry.actors.retain(|a| a != actor);
        }
        for baustein in self.programmes.iter_mut().flat_map(|p| &mut p.bausteine) {
            baustein.retain_links(|a| a != actor, |_| true);
        }
        for other in &mut self.actors {
            if other.traeger.as_ref() == Some(actor) {
                other.traeger = None;
            }
        }
        for checklist in &mut self.checklists {
            checklist.forget_actor(actor);
        }
    }

    /// Keeps an actor where the user put it in the network picture.
    pub fn place(&mut self, actor: &Id, x: f64, y: f64) {
        self.placed.retain(|p| &p.actor != actor);
        if x.is_finite() && y.is_finite() {
            self.placed.push(Placement { actor: actor.clone(), x, y });
        }
    }

    pub fn delete_checklist(&mut self, checklist: &Id) {
        self.checklists.retain(|c| &c.id != checklist);
    }

    pub fn delete_relation(&mut self, relation: &Id) {
        self.relations.retain(|r| &r.id != relation);
    }

    pub fn delete_group(&mut self, group: &Id) {
        self.groups.retain(|g| &g.id != group);
        for entry in &mut self.journal {
            entry.groups.retain(|g| g != group);
        }
    }

    /// Keeps the region as it is now as a Stichtag, in date order.
    pub fn take_stichtag(&mut self, id: Id, name: String, date: String, taken_at: String) {
        let stichtag = Stichtag::of(self, id, name, date, taken_at);
        self.stichtage.push(stichtag);
        sort_by_date(&mut self.stichtage);
    }

    pub fn delete_stichtag(&mut self, stichtag: &Id) {
        self.stichtage.retain(|s| &s.id != stichtag);
    }

    /// Changes a report's text: `part` None is its title, else the part's text.
    pub fn write_report(&mut self, report: &Id, part: Option<usize>, text: String) {
        let Some(report) = self.reports.iter_mut().find(|r| &r.id == report) else { return };
        match part {
            None => report.title = text,
            Some(at) => {
                if let Some(part) = report.parts.get_mut(at) {
                    part.text = text;
                }
            }
        }
    }

    pub fn delete_report(&mut self, report: &Id) {
        self.reports.retain(|r| &r.id != report);
    }

    /// Adds the journal entry, or replaces the one with its id; the journal stays in date order.
    pub fn upsert_journal(&mut self, entry: JournalEntry) {
        upsert(&mut self.journal, entry, |a, b| a.id == b.id);
        order::sort_by(&mut self.journal, |a, b| a.date.cmp(&b.date));
    }

    pub fn delete_journal(&mut self, entry: &Id) {
        self.journal.retain(|e| &e.id != entry);
    }

    /// Adds the programme, or replaces the details of the one with its id
    /// (its Bausteine are edited one by one and stay).
    pub fn upsert_programme(&mut self, mut programme: Programme) {
        if let Some(old) = self.programme(&programme.id) {
            programme.bausteine = old.bausteine.clone();
        }
        upsert(&mut self.programmes, programme, |a, b| a.id == b.id);
    }

    pub fn delete_programme(&mut self, programme: &Id) {
        self.programmes.retain(|p| &p.id != programme);
        for entry in &mut self.journal {
            entry.programmes.retain(|p| p != programme);
        }
    }

    /// Adds the Baustein to the programme, or replaces the one with its id.
    pub fn upsert_baustein(&mut self, programme: &Id, baustein: Baustein) {
        if let Some(p) = self.programmes.iter_mut().find(|p| &p.id == programme) {
            upsert(&mut p.bausteine, baustein, |a, b| a.id == b.id);
        }
    }

    pub fn delete_baustein(&mut self, programme: &Id, baustein: &Id) {
        if let Some(p) = self.programmes.iter_mut().find(|p| &p.id == programme) {
            p.bausteine.retain(|b| &b.id != baustein);
        }
    }

    /// Replaces name, kind, Sozialräume and notes; actors and Bausteine lose references to
    /// Sozialräume that no longer exist.
    pub fn apply_structure(&mut self, name: String, kind: RegionKind, sozialraeume: Vec<Sozialraum>, notes: String) {
        self.name = name;
        self.kind = kind;
        self.notes = notes;
        self.sozialraeume = sozialraeume;
        let known: Vec<Id> = self.sozialraeume.iter().map(|s| s.id.clone()).collect();
        for actor in &mut self.actors {
            actor.sozialraeume.retain(|s| known.contains(s));
        }
        for baustein in self.programmes.iter_mut().flat_map(|p| &mut p.bausteine) {
            baustein.retain_links(|_| true, |s| known.contains(s));
        }
    }

    /// How many actors serve a Sozialraum; shown before removing it.
    pub fn actors_in_sozialraum(&self, sozialraum: &Id) -> usize {
        self.actors.iter().filter(|a| a.sozialraeume.contains(sozialraum)).count()
    }
}

impl Workspace {
    /// Adds a region and makes it the active one.
    pub fn add_region(&mut self, region: Region) {
        self.active = Some(region.id.clone());
        self.regions.push(region);
    }

    pub fn delete_region(&mut self, region: &Id) {
        self.regions.retain(|r| &r.id != region);
        if self.active.as_ref() == Some(region) {
            self.active = self.regions.first().map(|r| r.id.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> Id {
        Id(s.into())
    }

    fn relation(rid: &str, from: &str, to: &str) -> Relation {
        Relation {
            id: id(rid),
            from: id(from),
            to: id(to),
            kind: RelationKind::Kooperation,
            direction: Direction::Undirected,
            binding: Binding::Informell,
            since: String::new(),
            notes: String::new(),
        }
    }

    fn region() -> Region {
        let mut r = Region::new(id("r"), "Testkreis", RegionKind::Landkreis);
        r.sozialraeume = vec![
            Sozialraum { id: id("nord"), name: "Nord".into(), gemeinden: vec![] },
            Sozialraum { id: id("sued"), name: "Süd".into(), gemeinden: vec![] },
        ];
        for (aid, name) in [("a", "A"), ("b", "B"), ("c", "C")] {
            let mut a = Actor::new(id(aid), name, ActorKind::Verein);
            a.sozialraeume = vec![id("nord"), id("sued")];
            r.actors.push(a);
        }
        r.actors[1].traeger = Some(id("a"));
        r.relations = vec![relation("r1", "a", "b"), relation("r2", "c", "a"), relation("r3", "b", "c")];
        r.groups.push(Group {
            id: id("g"),
            name: "AK".into(),
            kind: GroupKind::Arbeitskreis,
            members: vec![id("a"), id("c")],
            meetings: vec![],
            notes: String::new(),
        });
        r
    }

    #[test]
    fn deleting_an_actor_takes_its_references_with_it() {
        let mut r = region();
        let impact = r.delete_impact(&id("a"));
        assert_eq!(impact, DeleteImpact { relations: 2, groups: 1, children: 1, checklist_items: 0 });
        assert_eq!(
            impact.describe(),
            "2 Beziehungen werden mit gelöscht. Aus 1 Gremium wird der Akteur entfernt. 1 Akteur verliert seine Trägerangabe."
        );
        r.delete_actor(&id("a"));
        assert_eq!(r.actors.len(), 2);
        assert_eq!(r.relations.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["r3"]);
        assert_eq!(r.groups[0].members, vec![id("c")]);
        assert_eq!(r.actor(&id("b")).unwrap().traeger, None);
        assert!(crate::domain::rules::integrity::integrity_problems(&Workspace { regions: vec![r], ..Workspace::default() }).is_empty());
    }

    #[test]
    fn programmes_keep_their_bausteine_when_edited_and_lose_links_to_what_is_deleted() {
        let mut r = region();
        let programme = Programme {
            id: id("p"),
            name: "JUGEND STÄRKEN".into(),
            funder: String::new(),
            start: String::new(),
            end: String::new(),
            goal: String::new(),
            target_group: String::new(),
            bausteine: Vec::new(),
        };
        r.upsert_programme(programme.clone());
        let baustein = Baustein {
            id: id("cm"),
            name: "Case Management".into(),
            traeger: Some(id("a")),
            partners: vec![id("b"), id("c")],
            sozialraeume: vec![id("nord"), id("sued")],
        };
        r.upsert_baustein(&id("p"), baustein.clone());
        r.upsert_baustein(&id("p"), Baustein { id: id("cl"), name: "Clearing".into(), ..baustein });
        r.upsert_programme(Programme { name: "JUGEND STÄRKEN im Quartier".into(), ..programme });
        let p = r.programme(&id("p")).unwrap();
        assert_eq!((p.name.as_str(), p.bausteine.len()), ("JUGEND STÄRKEN im Quartier", 2), "details edited, Bausteine kept");
        r.delete_actor(&id("a"));
        r.apply_structure("Testkreis".into(), RegionKind::Landkreis, vec![r.sozialraeume[0].clone()], String::new());
        let b = &r.programme(&id("p")).unwrap().bausteine[0];
        assert_eq!((b.traeger.clone(), b.partners.clone(), b.sozialraeume.clone()), (None, vec![id("b"), id("c")], vec![id("nord")]));
        r.delete_baustein(&id("p"), &id("cm"));
        assert_eq!(r.programme(&id("p")).unwrap().bausteine.len(), 1);
        r.journal.push(JournalEntry { programmes: vec![id("p")], ..JournalEntry::draft_on(id("e"), "2026-12-04") });
        r.delete_programme(&id("p"));
        assert!(r.programmes.is_empty() && r.journal[0].programmes.is_empty());
    }

    #[test]
    fn the_journal_keeps_date_order_and_loses_links_to_what_is_deleted() {
        let mut r = region();
        let entry = |eid: &str, date: &str| JournalEntry {
            id: id(eid),
            date: date.into(),
            kind: EntryKind::Netzwerktreffen,
            title: eid.into(),
            text: String::new(),
            actors: vec![id("a"), id("b")],
            groups: vec![id("g")],
            programmes: Vec::new(),
        };
        r.upsert_journal(entry("later", "2026-10-20"));
        r.upsert_journal(entry("earlier", "2026-03-12"));
        r.upsert_journal(JournalEntry { title: "edited".into(), ..entry("later", "2026-10-20") });
        assert_eq!(r.journal.iter().map(|e| e.title.as_str()).collect::<Vec<_>>(), ["earlier", "edited"]);
        r.delete_actor(&id("a"));
        r.delete_group(&id("g"));
        assert!(r.journal.iter().all(|e| e.actors == [id("b")] && e.groups.is_empty()));
        r.delete_journal(&id("earlier"));
        assert_eq!(r.journal.len(), 1);
    }

    #[test]
    fn deleting_an_actor_unlinks_it_from_checklists() {
        let mut ws = crate::domain::samples::demo::demo_workspace();
        let r = &mut ws.regions[0];
        let jobcenter = id("demo-jobcenter");
        let impact = r.delete_impact(&jobcenter);
        assert_eq!(impact.checklist_items, 2, "responsible in one item, named in one answer");
        assert!(impact.describe().ends_with("2 Checklisten-Punkte verlieren den Verweis auf ihn."));
        r.delete_actor(&jobcenter);
        assert!(r
            .checklists
            .iter()
            .flat_map(|c| c.items())
            .all(|i| !i.responsible.contains(&jobcenter) && i.answers.iter().all(|a| !a.actors.contains(&jobcenter))));
        assert!(crate::domain::rules::integrity::integrity_problems(&ws).is_empty());
    }

    #[test]
    fn impact_text_for_a_lonely_actor() {
        assert_eq!(DeleteImpact::default().describe(), "Es hängen keine Beziehungen an diesem Akteur.");
        assert_eq!(DeleteImpact { relations: 1, ..DeleteImpact::default() }.describe(), "1 Beziehung wird mit gelöscht.");
    }

    #[test]
    fn upsert_replaces_by_id_or_appends() {
        let mut r = region();
        let mut a = r.actors[0].clone();
        a.name = "A neu".into();
        r.upsert_actor(a);
        assert_eq!(r.actors.len(), 3);
        assert_eq!(r.actors[0].name, "A neu");
        r.upsert_actor(Actor::new(id("d"), "D", ActorKind::Schule));
        assert_eq!(r.actors.len(), 4);
    }

    #[test]
    fn removing_a_sozialraum_clears_actor_references() {
        let mut r = region();
        assert_eq!(r.actors_in_sozialraum(&id("sued")), 3);
        let keep = vec![r.sozialraeume[0].clone()];
        r.apply_structure("Neu".into(), RegionKind::Stadt, keep, String::new());
        assert!(r.actors.iter().all(|a| a.sozialraeume == vec![id("nord")]));
        assert_eq!(r.name, "Neu");
    }

    #[test]
    fn deleting_the_active_region_activates_another() {
        let mut ws = Workspace::default();
        ws.add_region(Region::new(id("r1"), "Eins", RegionKind::Landkreis));
        ws.add_region(Region::new(id("r2"), "Zwei", RegionKind::Stadt));
        assert_eq!(ws.active, Some(id("r2")));
        ws.delete_region(&id("r2"));
        assert_eq!(ws.active, Some(id("r1")));
        assert_eq!(ws.active_region().unwrap().name, "Eins");
    }
}
