//! The integrity check (what must hold for stored data to be used as it is)
//! and its counterpart, the repairs.
//!
//! Repairs what an imported file may get wrong, so that a colleague's file
//! with a small flaw still opens: duplicate IDs, references to actors that
//! are missing, statuses off their scale, links with unsafe schemes. Every
//! repair is counted and described (a `Message`, written when shown) for the import preview.

use crate::domain::hashing::HashSet;
use crate::i18n::{Key, Message};

use crate::domain::model::checklist::{ItemKind, Template};
use crate::domain::model::{Id, Region, Workspace};
use crate::domain::rules::fields::normalise_website;

/// Gives `id` a new value when it was seen before; returns whether it did.
fn make_unique(id: &mut Id, seen: &mut HashSet<Id>) -> bool {
    if seen.insert(id.clone()) {
        return false;
    }
    let mut n = 2;
    let fresh = loop {
        let candidate = Id(format!("{id}-{n}"));
        if !seen.contains(&candidate) {
            break candidate;
        }
        n += 1;
    };
    seen.insert(fresh.clone());
    *id = fresh;
    true
}

/// Adds the message of `key` (forms by number) for `count`, unless nothing was repaired.
fn note(notes: &mut Vec<Message>, count: usize, key: Key) {
    if count > 0 {
        notes.push(Message::new(key).with("n", count));
    }
}

/// Repairs one region in place and says what was repaired.
pub fn repair_region(region: &mut Region) -> Vec<Message> {
    let mut notes = Vec::new();

    // Sozialräume, actors, relations and groups share one ID space.
    let mut seen = HashSet::default();
    let mut duplicates = 0;
    for id in region.sozialraeume.iter_mut().map(|s| &mut s.id) {
        duplicates += usize::from(make_unique(id, &mut seen));
    }
    for id in region.actors.iter_mut().map(|a| &mut a.id) {
        duplicates += usize::from(make_unique(id, &mut seen));
    }
    for id in region.relations.iter_mut().map(|r| &mut r.id) {
        duplicates += usize::from(make_unique(id, &mut seen));
    }
    for id in region.groups.iter_mut().map(|g| &mut g.id) {
        duplicates += usize::from(make_unique(id, &mut seen));
    }
    let mut checklist_ids = HashSet::default();
    for checklist in &mut region.checklists {
        duplicates += usize::from(make_unique(&mut checklist.id, &mut checklist_ids));
        let mut item_ids = HashSet::default();
        for item in checklist.sections.iter_mut().flat_map(|s| s.items.iter_mut()) {
            duplicates += usize::from(make_unique(&mut item.id, &mut item_ids));
        }
    }
    let mut entry_ids = HashSet::default();
    for entry in &mut region.journal {
        duplicates += usize::from(make_unique(&mut entry.id, &mut entry_ids));
    }
    let mut programme_ids = HashSet::default();
    for programme in &mut region.programmes {
        duplicates += usize::from(make_unique(&mut programme.id, &mut programme_ids));
        let mut baustein_ids = HashSet::default();
        for baustein in &mut programme.bausteine {
            duplicates += usize::from(make_unique(&mut baustein.id, &mut baustein_ids));
        }
    }
    note(&mut notes, duplicates, key!("repair.duplicate_ids"));

    let actors: HashSet<Id> = region.actors.iter().map(|a| a.id.clone()).collect();
    let sozialraeume: HashSet<Id> = region.sozialraeume.iter().map(|s| s.id.clone()).collect();

    // Placements are only layout: those of missing actors or off the map go quietly.
    region.placed.retain(|p| actors.contains(&p.actor) && p.x.is_finite() && p.y.is_finite());
    let before = region.relations.len();
    region.relations.retain(|r| actors.contains(&r.from) && actors.contains(&r.to));
    note(&mut notes, before - region.relations.len(), key!("repair.dangling_relations"));

    let (mut references, mut links) = (0, 0);
    for actor in &mut region.actors {
        if actor.traeger.as_ref().is_some_and(|t| !actors.contains(t) || t == &actor.id) {
            actor.traeger = None;
            references += 1;
        }
        let count = actor.sozialraeume.len();
        actor.sozialraeume.retain(|s| sozialraeume.contains(s));
        references += count - actor.sozialraeume.len();
        match normalise_website(&actor.website) {
            Ok(url) => actor.website = url,
            Err(_) => {
                actor.website.clear();
                links += 1;
            }
        }
    }
    for group in &mut region.groups {
        let count = group.members.len();
        group.members.retain(|m| actors.contains(m));
        references += count - group.members.len();
    }
    let groups: HashSet<Id> = region.groups.iter().map(|g| g.id.clone()).collect();
    let programmes: HashSet<Id> = region.programmes.iter().map(|p| p.id.clone()).collect();
    for entry in &mut region.journal {
        let count = entry.actors.len() + entry.groups.len() + entry.programmes.len();
        entry.actors.retain(|a| actors.contains(a));
        entry.groups.retain(|g| groups.contains(g));
        entry.programmes.retain(|p| programmes.contains(p));
        references += count - entry.actors.len() - entry.groups.len() - entry.programmes.len();
    }
    for baustein in region.programmes.iter_mut().flat_map(|p| &mut p.bausteine) {
        references += baustein.retain_links(|a| actors.contains(a), |s| sozialraeume.contains(s));
    }
    let mut statuses = 0;
    for item in region.checklists.iter_mut().flat_map(|c| c.sections.iter_mut()).flat_map(|s| s.items.iter_mut()) {
        let count = item.responsible.len();
        item.responsible.retain(|a| actors.contains(a));
        references += count - item.responsible.len();
        for answer in &mut item.answers {
            let count = answer.actors.len();
            answer.actors.retain(|a| actors.contains(a));
            references += count - answer.actors.len();
        }
        let fits = match (item.status, item.kind) {
            (None, _) => true,
            (Some(status), ItemKind::Status(scale)) => scale.steps().contains(&status),
            (Some(_), ItemKind::Answers) => false,
        };
        if !fits {
            item.status = None;
            statuses += 1;
        }
    }
    note(&mut notes, references, key!("repair.dangling_references"));
    note(&mut notes, links, key!("repair.links"));
    note(&mut notes, statuses, key!("repair.statuses"));
    notes
}

/// Repairs duplicate section and item IDs of a template.
pub fn repair_template(template: &mut Template) -> Vec<Message> {
    let mut seen = HashSet::default();
    let mut duplicates = 0;
    for section in &mut template.sections {
        duplicates += usize::from(make_unique(&mut section.id, &mut seen));
    }
    for item in template.sections.iter_mut().flat_map(|s| s.items.iter_mut()) {
        duplicates += usize::from(make_unique(&mut item.id, &mut seen));
    }
    let mut notes = Vec::new();
    if duplicates > 0 {
        notes.push(Message::new(key!("repair.template_ids")).with("n", duplicates).with("name", &template.name));
    }
    notes
}

/// Region IDs must be unique within a file; later duplicates get new ones.
pub fn repair_region_ids(regions: &mut [Region]) -> Vec<Message> {
    let mut seen = HashSet::default();
    let duplicates: usize = regions.iter_mut().map(|r| usize::from(make_unique(&mut r.id, &mut seen))).sum();
    let mut notes = Vec::new();
    note(&mut notes, duplicates, key!("repair.duplicate_region_ids"));
    notes
}

/// Everything that must hold for stored data to be used as it is. Returns
/// German descriptions; an empty list means the workspace is sound.
pub fn integrity_problems(workspace: &Workspace) -> Vec<String> {
    let mut problems = Vec::new();
    let mut region_ids = HashSet::default();
    for region in &workspace.regions {
        if !region_ids.insert(&region.id) {
            problems.push(format!("Die Region-ID {} kommt mehrfach vor.", region.id));
        }
        region_problems(region, &mut problems);
    }
    problems
}

fn region_problems(region: &Region, problems: &mut Vec<String>) {
    let name = &region.name;
    let mut ids: HashSet<&Id> = HashSet::default();
    let all_ids = region
        .actors
        .iter()
        .map(|a| &a.id)
        .chain(region.relations.iter().map(|r| &r.id))
        .chain(region.groups.iter().map(|g| &g.id))
        .chain(region.sozialraeume.iter().map(|s| &s.id));
    for id in all_ids {
        if !ids.insert(id) {
            problems.push(format!("{name}: die ID {id} kommt mehrfach vor."));
        }
    }
    let actors: HashSet<&Id> = region.actors.iter().map(|a| &a.id).collect();
    let sozialraeume: HashSet<&Id> = region.sozialraeume.iter().map(|s| &s.id).collect();
    for actor in &region.actors {
        if actor.traeger.as_ref().is_some_and(|t| !actors.contains(t)) {
            problems.push(format!("{name}: der Träger von „{}“ fehlt.", actor.name));
        }
        if actor.sozialraeume.iter().any(|s| !sozialraeume.contains(s)) {
            problems.push(format!("{name}: „{}“ verweist auf einen fehlenden Sozialraum.", actor.name));
        }
    }
    for relation in &region.relations {
        if !actors.contains(&relation.from) || !actors.contains(&relation.to) {
            problems.push(format!("{name}: die Beziehung {} verweist auf einen fehlenden Akteur.", relation.id));
        }
    }
    for group in &region.groups {
        if group.members.iter().any(|m| !actors.contains(m)) {
            problems.push(format!("{name}: das Gremium „{}“ hat ein fehlendes Mitglied.", group.name));
        }
    }
    let groups: HashSet<&Id> = region.groups.iter().map(|g| &g.id).collect();
    let programmes: HashSet<&Id> = region.programmes.iter().map(|p| &p.id).collect();
    for entry in &region.journal {
        if entry.actors.iter().any(|a| !actors.contains(a))
            || entry.groups.iter().any(|g| !groups.contains(g))
            || entry.programmes.iter().any(|p| !programmes.contains(p))
        {
            problems.push(format!(
                "{name}: der Journaleintrag „{}“ verweist auf einen fehlenden Akteur, ein fehlendes Gremium oder Programm.",
                entry.title
            ));
        }
    }
    for programme in &region.programmes {
        let mut links = programme
            .bausteine
            .iter()
            .flat_map(|b| b.actors().filter(|a| !actors.contains(a)).chain(b.sozialraeume.iter().filter(|s| !sozialraeume.contains(s))));
        if links.next().is_some() {
            problems.push(format!("{name}: ein Baustein von „{}“ verweist auf einen fehlenden Akteur oder Sozialraum.", programme.name));
        }
    }
    let mut checklist_ids = HashSet::default();
    for checklist in &region.checklists {
        if !checklist_ids.insert(&checklist.id) {
            problems.push(format!("{name}: die Checkliste {} kommt mehrfach vor.", checklist.id));
        }
        let mut item_ids = HashSet::default();
        for item in checklist.items() {
            if !item_ids.insert(&item.id) {
                problems.push(format!("{name}: „{}“ hat den Punkt {} mehrfach.", checklist.title, item.id));
            }
            let named = item.responsible.iter().chain(item.answers.iter().flat_map(|a| a.actors.iter()));
            if named.into_iter().any(|a| !actors.contains(a)) {
                problems.push(format!("{name}: „{}“ verweist auf einen fehlenden Akteur.", checklist.title));
            }
            let fits = match (item.status, item.kind) {
                (None, _) => true,
                (Some(status), ItemKind::Status(scale)) => scale.steps().contains(&status),
                (Some(_), ItemKind::Answers) => false,
            };
            if !fits {
                problems.push(format!("{name}: „{}“ hat einen Status außerhalb seiner Skala.", checklist.title));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::checklist::Status;
    use crate::domain::model::*;
    use crate::domain::samples::demo::demo_workspace;

    fn broken_region() -> Region {
        let mut region = demo_workspace().regions.remove(0);
        let copy = region.actors[1].clone();
        region.actors.push(copy); // duplicate ID
        region.relations[0].to = Id("gone".into());
        region.actors[2].traeger = Some(Id("gone".into()));
        region.actors[3].website = "javascript:alert(1)".into();
        region.groups[0].members.push(Id("gone".into()));
        region.journal[0].actors.push(Id("gone".into()));
        region.journal[0].groups.push(Id("gone-group".into()));
        region.journal[1].id = region.journal[0].id.clone(); // duplicate ID
        region.journal[1].programmes.push(Id("gone-programme".into()));
        let baustein = &mut region.programmes[0].bausteine[0];
        baustein.traeger = Some(Id("gone".into()));
        baustein.sozialraeume.push(Id("gone-sozialraum".into()));
        region.checklists[0].sections[0].items[0].responsible.push(Id("gone".into()));
        region.checklists[1].sections[0].items[0].status = Some(Status::Umgesetzt); // free-text item
        region
    }

    #[test]
    fn repairs_make_a_broken_region_sound_and_say_what_they_did() {
        let mut region = broken_region();
        let workspace = Workspace { regions: vec![region.clone()], ..Workspace::default() };
        assert!(!integrity_problems(&workspace).is_empty());
        let notes = repair_region(&mut region);
        let workspace = Workspace { regions: vec![region.clone()], ..Workspace::default() };
        assert_eq!(integrity_problems(&workspace), Vec::<String>::new());
        assert_eq!(
            notes.iter().map(Message::text).collect::<Vec<_>>(),
            vec![
                "2 doppelte IDs wurden neu vergeben.",
                "1 Beziehung zu einem fehlenden Akteur wurde entfernt.",
                "8 Verweise auf fehlende Einträge (Akteure, Gremien, Programme oder Sozialräume) wurden entfernt.",
                "1 Webadresse ohne http:// oder https:// wurde entfernt.",
                "1 Status außerhalb der Skala seines Punktes wurde zurückgesetzt.",
            ]
        );
        assert_eq!(region.actors.last().unwrap().id.0, format!("{}-2", region.actors[1].id));
        assert_eq!(region.actors[3].website, "");
    }

    #[test]
    fn a_sound_region_is_left_exactly_as_it_was() {
        let original = demo_workspace().regions.remove(0);
        let mut region = original.clone();
        assert!(repair_region(&mut region).is_empty());
        assert_eq!(region, original);
    }

    #[test]
    fn duplicate_region_and_template_ids() {
        let region = demo_workspace().regions.remove(0);
        let mut regions = vec![region.clone(), region];
        assert_eq!(
            repair_region_ids(&mut regions).iter().map(Message::text).collect::<Vec<_>>(),
            vec!["1 doppelte Region-ID wurde neu vergeben."]
        );
        assert_ne!(regions[0].id, regions[1].id);
        let mut template = crate::domain::model::templates::builtin_templates().remove(0);
        let first = template.sections[0].items[0].clone();
        template.sections[0].items.push(first);
        assert_eq!(repair_template(&mut template).len(), 1);
    }

    #[test]
    fn a_status_on_a_free_text_item_is_damage() {
        // Found by the property test in tests/restore_props.rs.
        let mut ws = crate::domain::samples::demo::demo_workspace();
        assert!(integrity_problems(&ws).is_empty());
        let conference = &mut ws.regions[0].checklists[1];
        conference.sections[0].items[0].status = Some(crate::domain::model::checklist::Status::Umgesetzt);
        assert_eq!(integrity_problems(&ws).len(), 1);
    }

    #[test]
    fn integrity_finds_dangling_references_and_duplicates() {
        let mut region = Region::new(Id("r".into()), "Testkreis", RegionKind::Landkreis);
        region.actors.push(Actor::new(Id("a".into()), "A", ActorKind::Verein));
        region.actors.push(Actor::new(Id("a".into()), "A2", ActorKind::Verein));
        region.relations.push(Relation {
            id: Id("x".into()),
            from: Id("a".into()),
            to: Id("missing".into()),
            kind: RelationKind::Kooperation,
            direction: Direction::Undirected,
            binding: Binding::Informell,
            since: String::new(),
            notes: String::new(),
        });
        let ws = Workspace { regions: vec![region], ..Workspace::default() };
        let problems = integrity_problems(&ws);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("mehrfach"));
        assert!(problems[1].contains("fehlenden Akteur"));
    }
}
