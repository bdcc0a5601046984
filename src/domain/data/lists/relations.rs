//! A list of relations ("Von; Nach; Art; Verbindlichkeit; seit") turned
//! into relations of a region: each end matched to an actor by ID or name,
//! an end the region does not know added as a new actor and named.

use crate::domain::hashing::{HashMap, HashSet};

use crate::domain::data::format::ParsedFile;
use crate::domain::data::lists::actors::{add_line, left_out, plain_id, region_file, unmatched_notes, Ids, List, Unmatched};
use crate::domain::data::lists::columns::Field;
use crate::domain::data::lists::values::{match_binding, match_direction, match_kind, match_relation_kind};
use crate::domain::model::{Actor, ActorKind, Binding, Direction, Id, Region, Relation, RelationKind};
use crate::domain::rules::dates::Partial;
use crate::domain::rules::names::{name_key, similar_names};
use crate::i18n::{Key, Message};

/// The actor an end names: an ID of the region, the same name, a very
/// similar one, or an actor the list adds.
struct Ends<'a> {
    target: &'a Region,
    by_key: HashMap<String, Id>,
    added: Vec<Actor>,
    ids: Ids,
}

impl Ends<'_> {
    fn resolve(&mut self, value: &str) -> (Id, bool) {
        if let Some(actor) = plain_id(value).and_then(|id| self.target.actor(&id)) {
            return (actor.id.clone(), false);
        }
        let key = name_key(value);
        if let Some(id) = self.by_key.get(&key) {
            return (id.clone(), false);
        }
        if let Some(actor) = self.target.actors.iter().find(|a| similar_names(&a.name, value)) {
            return (actor.id.clone(), false);
        }
        let id = self.ids.fresh("liste", value);
        self.added.push(Actor::new(id.clone(), value, match_kind(value).unwrap_or(ActorKind::Sonstige)));
        self.by_key.insert(key, id.clone());
        (id, true)
    }
}

pub fn relations_file(list: &List, target: &Region) -> Result<ParsedFile, Message> {
    let column = |field: Field| list.mapping.iter().position(|f| *f == field);
    let (Some(from_column), Some(to_column)) = (column(Field::From), column(Field::To)) else {
        return Err(Message::new(key!("list.no_name_column")));
    };
    let mut ends = Ends {
        target,
        by_key: target.actors.iter().map(|a| (name_key(&a.name), a.id.clone())).collect(),
        added: Vec::new(),
        ids: Ids(target.actors.iter().map(|a| a.id.0.clone()).chain(target.relations.iter().map(|r| r.id.0.clone())).collect()),
    };
    let (mut notes, mut relations, mut new_actors, mut seen) = (Vec::new(), Vec::<Relation>::new(), Unmatched::new(), HashSet::default());
    let mut added_as: HashMap<String, String> = HashMap::default();
    for row in list.records() {
        let cell = |column: usize| row.cells.get(column).map(|c| c.trim()).unwrap_or("");
        let (from_name, to_name) = (cell(from_column), cell(to_column));
        if from_name.is_empty() || to_name.is_empty() {
            notes.push(Message::new(key!("list.row_no_ends")).with("line", row.line));
            continue;
        }
        let (from, from_new) = ends.resolve(from_name);
        let (to, to_new) = ends.resolve(to_name);
        // The lines that name an added actor, under its name as first written.
        for (name, new) in [(from_name, from_new), (to_name, to_new)] {
            let key = name_key(name);
            if new {
                added_as.insert(key.clone(), name.to_owned());
            }
            let Some(written) = added_as.get(&key) else { continue };
            new_actors.push((written.clone(), row.line));
        }
        if from == to {
            notes.push(Message::new(key!("list.row_self")).with("line", row.line).with("name", from_name));
            continue;
        }
        let given = column(Field::Id).and_then(|c| plain_id(cell(c))).filter(|id| target.relations.iter().any(|r| &r.id == id));
        let id = given.unwrap_or_else(|| ends.ids.fresh("liste-beziehung", &format!("{from_name} {to_name}")));
        let mut relation = Relation {
            id,
            from,
            to,
            kind: RelationKind::Kooperation,
            direction: Direction::Undirected,
            binding: Binding::Informell,
            since: String::new(),
            notes: String::new(),
        };
        for (column, field) in list.mapping.iter().enumerate() {
            let value = cell(column);
            if value.is_empty() {
                continue;
            }
            let left_out = |why: Key| left_out(row.line, list.heading(column), value, Message::new(why));
            match field {
                Field::Kind => match match_relation_kind(value) {
                    Some(kind) => relation.kind = kind,
                    None => notes.push(left_out(key!("list.not_a_relation_kind"))),
                },
                Field::Direction => match match_direction(value) {
                    Some(direction) => relation.direction = direction,
                    None => notes.push(left_out(key!("list.not_a_direction"))),
                },
                Field::Binding => match match_binding(value) {
                    Some(binding) => relation.binding = binding,
                    None => notes.push(left_out(key!("list.not_a_binding"))),
                },
                Field::Since => match Partial::parse_input(value) {
                    Some(date) => relation.since = date.iso(),
                    None => notes.push(left_out(key!("list.not_a_date"))),
                },
                Field::Notes => add_line(&mut relation.notes, value),
                _ => {}
            }
        }
        relation.direction = relation.kind.stored_direction(relation.direction);
        let twin = (relation.from.clone(), relation.to.clone(), relation.kind);
        if !seen.insert(twin) {
            notes.push(Message::new(key!("list.row_relation_twice")).with("line", row.line));
            continue;
        }
        relations.push(relation);
    }
    notes.extend(unmatched_notes(key!("list.new_actor"), "name", new_actors));
    if relations.is_empty() {
        return Err(Message::new(key!("list.no_relations")));
    }
    Ok(region_file(target, Region { actors: ends.added, relations, ..Region::default() }, notes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::files::import::{apply, default_action, merge_plan};
    use crate::domain::data::lists::actors::{list_to_file, read_list};
    use crate::domain::data::writers::csv::relations_csv;
    use crate::domain::model::{Provenance, Workspace};
    use crate::domain::samples::demo::demo_workspace;

    fn region() -> Region {
        demo_workspace().regions.remove(0)
    }

    #[test]
    fn a_relation_list_names_its_ends_by_name_and_adds_what_the_region_lacks() {
        let target = region();
        let text = "Von;Nach;Art;Verbindlichkeit;seit\r\n\
            Jobcenter Landkreis Lindenau;Volkshochschule Landkreis Lindenau;Zuweisung;schriftlicher Vertrag;09.2019\r\n\
            Jobcenter Landkreis Lindenau;Sportverein Moosdorf;Kooperation;regelmäßig;2021\r\n\
            Sportverein Moosdorf;Volkshochschule Landkreis Lindenau;Freundschaft;;irgendwann\r\n\
            ;Volkshochschule Landkreis Lindenau;Kooperation;;\r\n\
            Sportverein Moosdorf;Sportverein Moosdorf;Kooperation;;\r\n";
        let file = list_to_file(&read_list(text).unwrap(), &target).unwrap();
        let read = &file.content.regions[0];
        let jobcenter = target.actors.iter().find(|a| a.name == "Jobcenter Landkreis Lindenau").unwrap();
        let vhs = target.actors.iter().find(|a| a.name == "Volkshochschule Landkreis Lindenau").unwrap();
        assert_eq!(
            read.actors.iter().map(|a| (a.name.as_str(), a.kind)).collect::<Vec<_>>(),
            vec![("Sportverein Moosdorf", ActorKind::Verein)]
        );
        let first = &read.relations[0];
        assert_eq!(
            (&first.from, &first.to, first.kind, first.direction, first.binding, first.since.as_str()),
            (&jobcenter.id, &vhs.id, RelationKind::Weiterleitung, Direction::Forward, Binding::Vertrag, "2019-09")
        );
        assert_eq!(read.relations[1].binding, Binding::Regelmaessig);
        assert_eq!(read.relations[2].kind, RelationKind::Kooperation, "an unknown kind costs the value, not the relation");
        assert_eq!(read.relations.len(), 3);
        let texts: Vec<String> = file.notes.iter().map(|n| n.text()).collect();
        assert_eq!(
            texts,
            vec![
                "Zeile 4, Spalte „Art“: „Freundschaft“ ausgelassen. Das ist keine Art von Beziehung, die Netzwerkatlas kennt; als „Kooperation“ übernommen.",
                "Zeile 4, Spalte „seit“: „irgendwann“ ausgelassen. Das ist kein Datum (z. B. 2019, 09.2019 oder 01.09.2019).",
                "Zeile 5: ohne beide Enden, nicht übernommen.",
                "Zeile 6: „Sportverein Moosdorf“ ist mit sich selbst verbunden, nicht übernommen.",
                "Akteur „Sportverein Moosdorf“ (Zeilen 3, 4, 6) ist noch nicht in der Region: als neuer Akteur angelegt.",
            ]
        );
    }

    #[test]
    fn the_apps_own_relation_list_reads_back_and_asks_nothing() {
        let target = region();
        let file = list_to_file(&read_list(&relations_csv(&target)).unwrap(), &target).unwrap();
        assert!(file.notes.is_empty(), "{:?}", file.notes.iter().map(|n| n.text()).collect::<Vec<_>>());
        let read = &file.content.regions[0];
        assert!(read.actors.is_empty());
        assert_eq!(read.relations, target.relations);
        let mut workspace = Workspace { regions: vec![target.clone()], ..Workspace::default() };
        let action = default_action(&workspace, &file);
        let plan = merge_plan(&workspace, &file, &action).unwrap();
        assert_eq!((plan.new_relations, plan.decisions().count()), (0, 0));
        let provenance =
            Provenance { file_name: "b.csv".into(), exported_at: String::new(), author: String::new(), imported_at: String::new() };
        apply(&mut workspace, &file, &action, &plan.default_choices(), provenance);
        assert_eq!(workspace.regions[0].relations, target.relations, "the same list again changes nothing");
    }
}
