//! Restores a file's content that does not fully fit this version, the way
//! Excalidraw's `restore` does: keep what is valid, repair what can be
//! repaired, drop only the value (not the record, not the file) that cannot,
//! and say each time where and what.
//!
//! Works on the JSON before it is read into the model, record by record: a
//! record that does not read is probed field by field against a minimal valid
//! record of its kind, so that each bad field is found on its own. An unknown
//! value with a sensible stand-in (an actor kind → "Sonstige", a relation
//! kind → "Kooperation") is replaced; a bad element of a list (one unknown
//! Rechtskreis) is dropped from the list; any other bad optional field is
//! dropped; a record whose required field is bad is dropped as a whole.

use serde_json::{Map, Value};

use crate::domain::data::decode::deserialize;
use crate::domain::data::from_json::FromJson;
use crate::domain::model::checklist::{Checklist, ChecklistItem, ChecklistSection, Template, TemplateItem, TemplateSection};
use crate::domain::model::{Actor, Baustein, Contact, Group, JournalEntry, Placement, Programme, Region, Relation, Sozialraum};
use crate::i18n::{Key, Message};

/// (id, name) of a region's actors, to name relations by their ends.
type Names = Vec<(String, String)>;

/// One kind of record: how to check it, its smallest valid form, which of
/// its lists hold records of their own kind, and stand-ins for unknown values.
struct Kind {
    /// The catalogue key of the record's name in a message ("Akteur").
    label: Key,
    /// The field that names a record for the user ("name", "title"; "from":
    /// a relation, named by the actors at its ends).
    named_by: &'static str,
    reads: fn(&Value) -> bool,
    /// As JSON text: parsed by the reader already in the wasm, not built by code.
    minimal: &'static str,
    /// (field, kind of its elements): lists restored element by element.
    lists: &'static [(&'static str, &'static Kind)],
    /// (field, stand-in value, catalogue key of the stand-in's label).
    stand_ins: &'static [(&'static str, &'static str, Key)],
}

fn reads<T: FromJson>(value: &Value) -> bool {
    deserialize::<T>(value).is_ok()
}

static CONTACT: Kind = Kind {
    label: key!("restore.record.contact"),
    named_by: "name",
    reads: reads::<Contact>,
    minimal: r#"{"name": "x"}"#,
    lists: &[],
    stand_ins: &[],
};
static ACTOR: Kind = Kind {
    label: key!("restore.record.actor"),
    named_by: "name",
    reads: reads::<Actor>,
    minimal: r#"{"id": "x", "name": "x", "kind": "sonstige"}"#,
    lists: &[("contacts", &CONTACT)],
    stand_ins: &[("kind", "sonstige", key!("actor_kind.sonstige"))],
};
static RELATION: Kind = Kind {
    label: key!("restore.record.relation"),
    named_by: "from",
    reads: reads::<Relation>,
    minimal: r#"{"id": "x", "from": "a", "to": "b", "kind": "kooperation", "binding": "informell"}"#,
    lists: &[],
    stand_ins: &[("kind", "kooperation", key!("relation_kind.kooperation")), ("binding", "informell", key!("binding.informell"))],
};
static GROUP: Kind = Kind {
    label: key!("restore.record.group"),
    named_by: "name",
    reads: reads::<Group>,
    minimal: r#"{"id": "x", "name": "x", "kind": "gremium"}"#,
    lists: &[],
    stand_ins: &[("kind", "gremium", key!("group_kind.gremium"))],
};
static JOURNAL_ENTRY: Kind = Kind {
    label: key!("restore.record.journal_entry"),
    named_by: "title",
    reads: reads::<JournalEntry>,
    minimal: r#"{"id": "x", "date": "", "kind": "sonstiges", "title": "x"}"#,
    lists: &[],
    stand_ins: &[("kind", "sonstiges", key!("entry_kind.sonstiges"))],
};
static BAUSTEIN: Kind = Kind {
    label: key!("restore.record.baustein"),
    named_by: "name",
    reads: reads::<Baustein>,
    minimal: r#"{"id": "x", "name": "x"}"#,
    lists: &[],
    stand_ins: &[],
};
static PROGRAMME: Kind = Kind {
    label: key!("restore.record.programme"),
    named_by: "name",
    reads: reads::<Programme>,
    minimal: r#"{"id": "x", "name": "x"}"#,
    lists: &[("bausteine", &BAUSTEIN)],
    stand_ins: &[],
};
static SOZIALRAUM: Kind = Kind {
    label: key!("restore.record.sozialraum"),
    named_by: "name",
    reads: reads::<Sozialraum>,
    minimal: r#"{"id": "x", "name": "x"}"#,
    lists: &[],
    stand_ins: &[],
};
static PLACEMENT: Kind = Kind {
    label: key!("restore.record.placement"),
    named_by: "actor",
    reads: reads::<Placement>,
    minimal: r#"{"actor": "x", "x": 0.0, "y": 0.0}"#,
    lists: &[],
    stand_ins: &[],
};
static ITEM: Kind = Kind {
    label: key!("restore.record.item"),
    named_by: "text",
    reads: reads::<ChecklistItem>,
    minimal: r#"{"id": "x", "text": "x"}"#,
    lists: &[],
    stand_ins: &[],
};
static SECTION: Kind = Kind {
    label: key!("restore.record.section"),
    named_by: "title",
    reads: reads::<ChecklistSection>,
    minimal: r#"{"id": "x", "title": "x"}"#,
    lists: &[("items", &ITEM)],
    stand_ins: &[],
};
static CHECKLIST: Kind = Kind {
    label: key!("restore.record.checklist"),
    named_by: "title",
    reads: reads::<Checklist>,
    minimal: r#"{"id": "x", "title": "x", "template_id": "x", "template_name": "x", "template_version": 1, "created_at": ""}"#,
    lists: &[("sections", &SECTION)],
    stand_ins: &[],
};
static REGION: Kind = Kind {
    label: key!("restore.record.region"),
    named_by: "name",
    reads: reads::<Region>,
    minimal: r#"{"id": "x", "name": "x"}"#,
    lists: &[
        ("sozialraeume", &SOZIALRAUM),
        ("actors", &ACTOR),
        ("relations", &RELATION),
        ("groups", &GROUP),
        ("checklists", &CHECKLIST),
        ("placed", &PLACEMENT),
        ("journal", &JOURNAL_ENTRY),
        ("programmes", &PROGRAMME),
    ],
    stand_ins: &[("kind", "sonstige", key!("region_kind.sonstige"))],
};
static TEMPLATE_ITEM: Kind = Kind {
    label: key!("restore.record.item"),
    named_by: "text",
    reads: reads::<TemplateItem>,
    minimal: r#"{"id": "x", "text": "x"}"#,
    lists: &[],
    stand_ins: &[],
};
static TEMPLATE_SECTION: Kind = Kind {
    label: key!("restore.record.section"),
    named_by: "title",
    reads: reads::<TemplateSection>,
    minimal: r#"{"id": "x", "title": "x"}"#,
    lists: &[("items", &TEMPLATE_ITEM)],
    stand_ins: &[],
};
static TEMPLATE: Kind = Kind {
    label: key!("restore.record.template"),
    named_by: "name",
    reads: reads::<Template>,
    minimal: r#"{"id": "x", "name": "x", "version": 1}"#,
    lists: &[("sections", &TEMPLATE_SECTION)],
    stand_ins: &[],
};

/// Restores the content of a file (`{"regions": […], "templates": […]}`)
/// in place and lists every repair with its place. Content that is not an
/// object, or lists that are not lists, cannot be restored: the error names
/// the JSON path.
pub fn restore_content(content: &mut Value) -> Result<Vec<Message>, String> {
    let Value::Object(fields) = content else { return Err("content".into()) };
    let mut repairs = Vec::new();
    for (field, kind) in [("regions", &REGION), ("templates", &TEMPLATE)] {
        match fields.get_mut(field) {
            None => {}
            // Nothing there: nothing lost, but said all the same.
            Some(Value::Null) => {
                fields.remove(field);
                repairs.push(
                    Message::new(key!("restore.dropped"))
                        .with_message("place", Message::new(key!("restore.in_file")))
                        .with_message("field", field_label(field))
                        .with("value", "null"),
                );
            }
            Some(Value::Array(records)) => restore_list(records, kind, None, &Vec::new(), &mut repairs),
            Some(_) => return Err(format!("content.{field}")),
        }
    }
    Ok(repairs)
}

/// Restores each record of a list; drops those that cannot be restored.
/// `actors`: the names of the actors beside the list, by id, to name relations.
fn restore_list(records: &mut Vec<Value>, kind: &Kind, within: Option<&Message>, actors: &Names, repairs: &mut Vec<Message>) {
    let mut index = 0;
    records.retain_mut(|record| {
        index += 1;
        // The place is named only for a record that needs restoring.
        if (kind.reads)(record) {
            return true;
        }
        let place = place(kind, record, index, within, actors);
        let kept = restore_record(record, kind, &place, repairs);
        if !kept {
            repairs.push(Message::new(key!("restore.record_dropped")).with_message("place", place).with("value", shown(record)));
        }
        kept
    });
}

/// Restores one record in place; `false` when it cannot be kept.
fn restore_record(record: &mut Value, kind: &Kind, place: &Message, repairs: &mut Vec<Message>) -> bool {
    if (kind.reads)(record) {
        return true;
    }
    let Value::Object(fields) = record else { return false };
    // Lists of records of their own kind first, so that one bad item does
    // not make its whole section look bad.
    for (field, element) in kind.lists {
        // Only relations are named by the (already restored) actors at their ends.
        let actors = if element.named_by == "from" { actor_names(fields) } else { Vec::new() };
        if let Some(Value::Array(list)) = fields.get_mut(*field) {
            restore_list(list, element, Some(place), &actors, repairs);
        }
    }
    let minimal: Value = serde_json::from_str(kind.minimal).unwrap_or_default();
    let required: Vec<String> = minimal.as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default();
    let names: Vec<String> = fields.keys().cloned().collect();
    for name in names {
        let value = fields[&name].clone();
        if field_reads(kind, &minimal, &name, &value) {
            continue;
        }
        let label = field_label(&name);
        if let Some((_, stand_in, stand_in_label)) = kind.stand_ins.iter().find(|(field, ..)| *field == name) {
            fields.insert(name.clone(), Value::from(*stand_in));
            repairs.push(
                Message::new(key!("restore.replaced"))
                    .with_message("place", place.clone())
                    .with_message("field", label)
                    .with("value", shown(&value))
                    .with_message("stand_in", Message::new(*stand_in_label)),
            );
        } else if let Value::Array(elements) = &value {
            // A list of plain values: keep the elements that read on their own.
            let (good, bad): (Vec<&Value>, Vec<&Value>) =
                elements.iter().partition(|e| field_reads(kind, &minimal, &name, &Value::Array(vec![(*e).clone()])));
            let good: Vec<Value> = good.into_iter().cloned().collect();
            for element in bad {
                repairs.push(
                    Message::new(key!("restore.element_dropped"))
                        .with_message("place", place.clone())
                        .with_message("field", field_label(&name))
                        .with("value", shown(element)),
                );
            }
            fields.insert(name.clone(), Value::Array(good));
        } else if required.contains(&name) {
            return false;
        } else {
            fields.remove(&name);
            repairs.push(
                Message::new(key!("restore.dropped"))
                    .with_message("place", place.clone())
                    .with_message("field", label)
                    .with("value", shown(&value)),
            );
        }
    }
    // Whatever is still wrong is not one field's fault (a required field missing).
    (kind.reads)(record)
}

/// Whether `field` with `value` reads in an otherwise minimal record.
fn field_reads(kind: &Kind, minimal: &Value, field: &str, value: &Value) -> bool {
    let mut probe: Map<String, Value> = minimal.as_object().cloned().unwrap_or_default();
    probe.insert(field.to_owned(), value.clone());
    (kind.reads)(&Value::Object(probe))
}

/// The names of a region's actors by id (empty for any other record).
fn actor_names(fields: &Map<String, Value>) -> Names {
    let Some(Value::Array(actors)) = fields.get("actors") else { return Vec::new() };
    actors.iter().filter_map(|a| Some((a.get("id")?.as_str()?.to_owned(), a.get("name")?.as_str()?.to_owned()))).collect()
}

/// "Akteur „EUTB Lindenau“ in Region „Kreis Ost“": where a repair was made.
fn place(kind: &Kind, record: &Value, index: usize, within: Option<&Message>, actors: &Names) -> Message {
    let text = |field: &str| record.get(field).and_then(Value::as_str).filter(|t| !t.trim().is_empty());
    let end = |field: &str| text(field).map(|id| actors.iter().find(|(known, _)| known == id).map_or(id, |(_, name)| name.as_str()));
    let name = match kind.named_by {
        "from" => end("from").zip(end("to")).map(|(from, to)| format!("{from} – {to}")),
        field => text(field).map(str::to_owned),
    };
    let name = name.unwrap_or_else(|| format!("#{index}"));
    let here = Message::new(key!("restore.place")).with_message("record", Message::new(kind.label)).with("name", name);
    match within {
        Some(outer) => Message::new(key!("restore.place_within")).with_message("place", here).with_message("within", outer.clone()),
        None => here,
    }
}

/// The field's name as the forms call it, or the key as it stands in the file.
fn field_label(field: &str) -> Message {
    let key = match field {
        "kind" => key!("common.kind"),
        "rechtskreise" => key!("actors.rechtskreise"),
        "binding" => key!("relations.binding"),
        "status" => key!("restore.field.status"),
        _ => return Message::new(key!("restore.field.raw")).with("field", field),
    };
    Message::new(key)
}

/// A value as found in the file, short enough for a list of repairs.
fn shown(value: &Value) -> String {
    let text = match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    match text.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_minimal_record_reads() {
        for kind in [
            &CONTACT,
            &ACTOR,
            &RELATION,
            &GROUP,
            &JOURNAL_ENTRY,
            &PROGRAMME,
            &BAUSTEIN,
            &SOZIALRAUM,
            &PLACEMENT,
            &ITEM,
            &SECTION,
            &CHECKLIST,
            &REGION,
            &TEMPLATE_ITEM,
            &TEMPLATE_SECTION,
            &TEMPLATE,
        ] {
            let minimal: Value = serde_json::from_str(kind.minimal).unwrap();
            assert!((kind.reads)(&minimal), "{}", kind.minimal);
        }
    }
    use crate::i18n::{set_lang, Lang};

    fn region(actors: Value, relations: Value) -> Value {
        json!({"regions": [{"id": "r", "name": "Kreis Ost", "actors": actors, "relations": relations}]})
    }

    fn texts(repairs: &[Message]) -> Vec<String> {
        set_lang(Lang::GERMAN);
        repairs.iter().map(Message::text).collect()
    }

    #[test]
    fn unknown_values_are_replaced_or_dropped_and_named_with_their_place() {
        let mut content = region(
            json!([
                {"id": "a", "name": "EUTB Lindenau", "kind": "hexenhaus", "rechtskreise": ["sgb_ii", "sgb99", "sgb_ix"]},
                {"id": "b", "name": "Tafel", "kind": "verein", "website": 42},
            ]),
            json!([
                {"id": "r1", "from": "a", "to": "b", "kind": "freundschaft", "binding": "vertrag"},
            ]),
        );
        let repairs = restore_content(&mut content).unwrap();
        assert_eq!(
            texts(&repairs),
            vec![
                "Akteur „EUTB Lindenau“ in Region „Kreis Ost“: Art: „hexenhaus“ ist unbekannt – übernommen als „Sonstige“.",
                "Akteur „EUTB Lindenau“ in Region „Kreis Ost“: Rechtskreise: „sgb99“ ist unbekannt und wurde weggelassen.",
                "Akteur „Tafel“ in Region „Kreis Ost“: Feld „website“: „42“ passt nicht und wurde weggelassen.",
                "Beziehung „EUTB Lindenau – Tafel“ in Region „Kreis Ost“: Art: „freundschaft“ ist unbekannt – übernommen als „Kooperation“.",
            ]
        );
        let restored: crate::domain::data::format::Content = crate::domain::data::decode::deserialize(&content).unwrap();
        let actors = &restored.regions[0].actors;
        assert_eq!(actors[0].kind, crate::domain::ActorKind::Sonstige);
        assert_eq!(actors[0].rechtskreise.len(), 2);
        assert_eq!(actors[1].website, "");
        assert_eq!(restored.regions[0].relations[0].kind, crate::domain::RelationKind::Kooperation);
    }

    #[test]
    fn a_bad_status_costs_the_status_not_the_checklist() {
        let mut content = json!({"regions": [{"id": "r", "name": "Kreis Ost", "checklists": [{
            "id": "c", "title": "Planung", "template_id": "t", "template_name": "T", "template_version": 1, "created_at": "",
            "sections": [{"id": "s", "title": "Steuerung", "items": [
                {"id": "i1", "text": "Treffen regelmäßig", "status": "vielleicht"},
                {"id": "i2", "text": "Koordination", "status": "umgesetzt"},
            ]}],
        }]}]});
        let repairs = restore_content(&mut content).unwrap();
        assert_eq!(
            texts(&repairs),
            vec!["Punkt „Treffen regelmäßig“ in Abschnitt „Steuerung“ in Checkliste „Planung“ in Region „Kreis Ost“: Status: „vielleicht“ passt nicht und wurde weggelassen."]
        );
        let restored: crate::domain::data::format::Content = crate::domain::data::decode::deserialize(&content).unwrap();
        let items = &restored.regions[0].checklists[0].sections[0].items;
        assert_eq!((items[0].status, items.len()), (None, 2));
    }

    #[test]
    fn a_bad_journal_entry_costs_its_bad_value_or_itself_not_the_journal() {
        let mut content = json!({"regions": [{"id": "r", "name": "Kreis Ost", "journal": [
            {"id": "e1", "date": "2026-10-14", "kind": "kaffeeklatsch", "title": "Netzwerktreffen"},
            {"id": "e2", "date": "2026-10-20", "kind": "personal"},
            {"id": "e3", "date": "2026-11-02", "kind": "vereinbarung", "title": "Vertrag", "actors": ["a", 7]},
        ]}]});
        let repairs = restore_content(&mut content).unwrap();
        let said = texts(&repairs);
        assert_eq!(said.len(), 3, "{said:?}");
        assert_eq!(
            said[0],
            "Journaleintrag „Netzwerktreffen“ in Region „Kreis Ost“: Art: „kaffeeklatsch“ ist unbekannt – übernommen als „Sonstiges“."
        );
        assert!(
            said[1].starts_with("Journaleintrag „#2“ in Region „Kreis Ost“ ließ sich nicht lesen und wurde weggelassen"),
            "no title: {said:?}"
        );
        assert!(said[2].contains("„Vertrag“") && said[2].contains("7"), "{said:?}");
        let restored: crate::domain::data::format::Content = crate::domain::data::decode::deserialize(&content).unwrap();
        let journal = &restored.regions[0].journal;
        assert_eq!(journal.iter().map(|e| e.id.0.as_str()).collect::<Vec<_>>(), ["e1", "e3"]);
        assert_eq!(journal[0].kind, crate::domain::EntryKind::Sonstiges);
        assert_eq!(journal[1].actors, [crate::domain::Id("a".into())]);
    }

    #[test]
    fn a_bad_baustein_costs_itself_not_its_programme() {
        let mut content = json!({"regions": [{"id": "r", "name": "Kreis Ost", "programmes": [
            {"id": "p1", "name": "JUGEND STÄRKEN", "start": "2022-01-01", "bausteine": [
                {"id": "b1", "name": "Clearing", "traeger": "a"},
                {"id": "b2", "partners": ["a"]},
                {"id": "b3", "name": "Mikroprojekte", "partners": ["a", false]},
            ]},
            {"id": "p2", "funder": "ESF"},
        ]}]});
        let said = texts(&restore_content(&mut content).unwrap());
        assert_eq!(said.len(), 3, "{said:?}");
        assert!(said[0].starts_with("Baustein „#2“ in Programm „JUGEND STÄRKEN“ in Region „Kreis Ost“ ließ sich nicht lesen"), "{said:?}");
        assert!(said[1].contains("„Mikroprojekte“") && said[1].contains("false"), "{said:?}");
        assert!(said[2].starts_with("Programm „#2“ in Region „Kreis Ost“ ließ sich nicht lesen"), "{said:?}");
        let restored: crate::domain::data::format::Content = crate::domain::data::decode::deserialize(&content).unwrap();
        let programmes = &restored.regions[0].programmes;
        assert_eq!(programmes.len(), 1);
        assert_eq!(programmes[0].bausteine.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(), ["Clearing", "Mikroprojekte"]);
        assert_eq!(programmes[0].bausteine[1].partners, [crate::domain::Id("a".into())]);
    }

    #[test]
    fn a_record_without_what_it_needs_is_dropped_and_the_rest_kept() {
        let mut content = region(json!([{"id": "a", "kind": "verein"}, {"id": "b", "name": "Tafel", "kind": "verein"}]), json!([]));
        let repairs = restore_content(&mut content).unwrap();
        assert_eq!(
            texts(&repairs),
            vec!["Akteur „#1“ in Region „Kreis Ost“ ließ sich nicht lesen und wurde weggelassen: {\"id\":\"a\",\"kind\":\"verein\"}"]
        );
        assert_eq!(content["regions"][0]["actors"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn a_sound_file_is_left_as_it_is_and_a_broken_shape_names_its_path() {
        let mut content = region(json!([{"id": "b", "name": "Tafel", "kind": "verein"}]), json!([]));
        let before = content.clone();
        assert!(restore_content(&mut content).unwrap().is_empty());
        assert_eq!(content, before);
        assert_eq!(restore_content(&mut json!({"regions": 5})), Err("content.regions".into()));
        assert_eq!(restore_content(&mut json!([])), Err("content".into()));
    }
}
