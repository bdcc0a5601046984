//! Property test: generated and mutated storage files and shared files never
//! make restoring panic, and what is accepted holds every invariant the app
//! relies on (no dangling reference, no duplicate id, no status off its
//! scale). The invariants are checked here independently of
//! `integrity_problems`. A shared file with unknown values, wrong types or
//! missing fields is restored rather than refused, each repair reported.

use std::collections::HashSet;

use netzwerkatlas::domain::data::format::{checksum, read_file, FileError, FILE_SCHEMA};
use netzwerkatlas::domain::data::storage::envelope::{decode, Stored};
use netzwerkatlas::domain::data::storage::parts::{assemble, PartCache};
use netzwerkatlas::domain::model::checklist::{ItemKind, Scale, Status};
use netzwerkatlas::domain::Workspace;
use proptest::prelude::*;
use serde_json::{json, Value};

/// Small id pools make duplicates and dangling references likely.
fn id(prefix: &'static str) -> impl Strategy<Value = String> {
    (0..6u8).prop_map(move |n| format!("{prefix}{n}"))
}

/// Mostly a valid key (all but the last of `keys`), sometimes the invalid last one.
fn one_of_keys(keys: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        12 => proptest::sample::select(&keys[..keys.len() - 1]).prop_map(str::to_owned),
        1 => Just(keys[keys.len() - 1].to_owned()),
    ]
}

const ACTOR_KINDS: &[&str] = &["verein", "jobcenter", "wfbm", "ifd", "schule", "bogus"];
const RELATION_KINDS: &[&str] = &["kooperation", "weiterleitung", "finanzierung", "traegerschaft", "unbekannt"];
const DIRECTIONS: &[&str] = &["undirected", "forward", "both", "sideways"];
const BINDINGS: &[&str] = &["informell", "regelmaessig", "vereinbart", "vertrag", "eisern"];
const STATUSES: &[&str] = &["nein", "nicht_geplant_sinnvoll", "in_planung", "umgesetzt", "hemmt", "neutral", "foerdert", "vielleicht"];

fn actor() -> impl Strategy<Value = Value> {
    (id("a"), "[A-Za-zäöü ]{0,12}", one_of_keys(ACTOR_KINDS), proptest::option::of(id("a")), proptest::collection::vec(id("s"), 0..3))
        .prop_map(|(id, name, kind, traeger, sozialraeume)| {
            json!({ "id": id, "name": name, "kind": kind, "traeger": traeger, "sozialraeume": sozialraeume })
        })
}

fn relation() -> impl Strategy<Value = Value> {
    (id("r"), id("a"), id("a"), one_of_keys(RELATION_KINDS), one_of_keys(DIRECTIONS), one_of_keys(BINDINGS)).prop_map(
        |(id, from, to, kind, direction, binding)| {
            json!({ "id": id, "from": from, "to": to, "kind": kind, "direction": direction, "binding": binding })
        },
    )
}

fn item() -> impl Strategy<Value = Value> {
    (id("i"), proptest::option::of(one_of_keys(STATUSES)), 0..3u8, proptest::collection::vec(id("a"), 0..3)).prop_map(
        |(id, status, kind, responsible)| {
            let kind = match kind {
                0 => json!({ "type": "status", "scale": "planning" }),
                1 => json!({ "type": "status", "scale": "factor" }),
                _ => json!({ "type": "answers" }),
            };
            json!({ "id": id, "text": "Punkt", "kind": kind, "status": status, "responsible": responsible,
                    "answers": [{ "text": "x", "actors": responsible }] })
        },
    )
}

fn region() -> impl Strategy<Value = Value> {
    (
        id("g"),
        proptest::collection::vec(id("s"), 0..3),
        proptest::collection::vec(actor(), 0..6),
        proptest::collection::vec(relation(), 0..6),
        proptest::collection::vec(id("a"), 0..4),
        proptest::collection::vec(item(), 0..4),
    )
        .prop_flat_map(|parts| (Just(parts), prop_oneof![6 => Just(false), 1 => Just(true)]))
        .prop_map(|((id, sozialraeume, mut actors, mut relations, members, mut items), chaos)| {
            if !chaos {
                // A consistent region: unique ids, references to what exists.
                let n = actors.len();
                for (i, a) in actors.iter_mut().enumerate() {
                    a["id"] = json!(format!("a{i}"));
                    if a["traeger"].as_str().is_some_and(|t| t[1..].parse::<usize>().unwrap_or(99) >= i) {
                        a["traeger"] = Value::Null;
                    }
                    a["sozialraeume"] = json!([]);
                }
                relations.retain(|_| n > 0);
                for (i, r) in relations.iter_mut().enumerate() {
                    r["id"] = json!(format!("r{i}"));
                    let pick = |v: &Value| json!(format!("a{}", v.as_str().unwrap_or("a0")[1..].parse::<usize>().unwrap_or(0) % n.max(1)));
                    r["from"] = pick(&r["from"]);
                    r["to"] = pick(&r["to"]);
                }
                for (i, item) in items.iter_mut().enumerate() {
                    item["id"] = json!(format!("i{i}"));
                    item["responsible"] = json!([]);
                    item["answers"] = json!([]);
                    let kind = item["kind"].clone();
                    if kind["type"] == "answers" {
                        item["status"] = Value::Null;
                    } else if kind["scale"] == "factor" {
                        item["status"] = json!("neutral");
                    }
                }
            }
            let members: Vec<Value> = if chaos { members.into_iter().map(Value::from).collect() } else { vec![] };
            let sozialraeume: Vec<Value> = sozialraeume.iter().map(|s| json!({ "id": s, "name": s })).collect();
            json!({
                "id": id, "name": "Region", "sozialraeume": sozialraeume, "actors": actors, "relations": relations,
                "groups": [{ "id": "grp", "name": "AK", "kind": "arbeitskreis", "members": members }],
                "checklists": [{ "id": "c", "title": "C", "template_id": "t", "template_name": "T", "template_version": 1,
                                 "created_at": "", "sections": [{ "id": "sec", "title": "S", "items": items }] }],
            })
        })
}

/// A file, then damage to it: drop, retype or replace a value somewhere,
/// or cut and flip the text itself.
fn file() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(region(), 0..3),
        prop_oneof![12 => Just(json!(1)), 1 => Just(json!(0)), 1 => Just(json!(2)), 1 => Just(json!("1")), 1 => Just(Value::Null)],
        prop_oneof![3 => Just(vec![]), 1 => proptest::collection::vec((any::<u32>(), 0..4u8), 1..3)],
        proptest::option::weighted(0.15, (any::<u32>(), any::<u8>())),
    )
        .prop_map(|(regions, schema, edits, byte_edit)| {
            let mut envelope =
                json!({ "format": "netzwerkatlas-workspace", "schema": schema, "saved_at": "", "data": { "regions": regions } });
            for (at, op) in edits {
                mutate(&mut envelope, at, op);
            }
            let mut text = envelope.to_string();
            if let Some((at, byte)) = byte_edit {
                let mut bytes = text.into_bytes();
                if !bytes.is_empty() {
                    let i = at as usize % bytes.len();
                    if byte % 2 == 0 {
                        bytes.truncate(i);
                    } else {
                        bytes[i] = byte;
                    }
                }
                text = String::from_utf8_lossy(&bytes).into_owned();
            }
            text
        })
}

/// Walks to the `at`-th node (depth first) and applies `op` there.
fn mutate(value: &mut Value, at: u32, op: u8) {
    let mut count = 0u32;
    fn walk(v: &mut Value, target: u32, count: &mut u32, op: u8) -> bool {
        if *count == target {
            *v = match op {
                0 => Value::Null,
                1 => json!("?"),
                2 => json!([]),
                _ => json!({ "unexpected": 1 }),
            };
            return true;
        }
        *count += 1;
        match v {
            Value::Array(items) => items.iter_mut().any(|x| walk(x, target, count, op)),
            Value::Object(map) => map.values_mut().any(|x| walk(x, target, count, op)),
            _ => false,
        }
    }
    let nodes = count_nodes(value).max(1);
    walk(value, at % nodes, &mut count, op);
}

fn count_nodes(v: &Value) -> u32 {
    1 + match v {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// The invariants, checked the long way round.
fn assert_sound(ws: &Workspace) {
    let mut region_ids = HashSet::new();
    for r in &ws.regions {
        assert!(region_ids.insert(&r.id), "duplicate region id");
        let actors: HashSet<_> = r.actors.iter().map(|a| &a.id).collect();
        assert_eq!(actors.len(), r.actors.len(), "duplicate actor id");
        let relations: HashSet<_> = r.relations.iter().map(|x| &x.id).collect();
        assert_eq!(relations.len(), r.relations.len(), "duplicate relation id");
        assert!(relations.iter().all(|id| !actors.contains(id)), "an id used twice");
        for rel in &r.relations {
            assert!(actors.contains(&rel.from) && actors.contains(&rel.to), "dangling relation");
        }
        for a in &r.actors {
            assert!(a.traeger.as_ref().is_none_or(|t| actors.contains(t)), "dangling Träger");
            assert!(a.sozialraeume.iter().all(|s| r.sozialraeume.iter().any(|x| &x.id == s)), "dangling Sozialraum");
        }
        for g in &r.groups {
            assert!(g.members.iter().all(|m| actors.contains(m)), "dangling member");
        }
        for c in &r.checklists {
            for i in c.items() {
                assert!(i.responsible.iter().all(|a| actors.contains(a)), "dangling responsible actor");
                match (i.kind, i.status) {
                    (_, None) => {}
                    (ItemKind::Status(scale), Some(s)) => assert!(scale.steps().contains(&s), "status off its scale"),
                    (ItemKind::Answers, Some(_)) => panic!("status on a free-text item"),
                }
            }
        }
    }
}

/// `cases` runs unless `PROPTEST_CASES` says otherwise; failures are not kept on disk.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(100_000))]

    #[test]
    fn restoring_never_panics_and_accepts_only_sound_data(text in file()) {
        match decode(&text) {
            Ok(Stored::Whole(decoded)) => assert_sound(&decoded.workspace),
            Ok(Stored::Parts { .. }) => panic!("a file without parts read as parts"),
            Err(_) => {}
        }
    }
}

proptest! {
    #![proptest_config(config(10_000))]

    /// The same data stored in parts, one part then damaged, swapped for
    /// another or lost: reading never panics and accepts only sound data.
    #[test]
    fn reading_damaged_parts_never_panics_and_accepts_only_sound_data(
        text in file(), which in any::<u32>(), damage in 0..4u8, at in any::<u32>()
    ) {
        let Ok(Stored::Whole(decoded)) = decode(&text) else { return Ok(()) };
        let encoded = PartCache::default().encode(&decoded.workspace, "");
        let Ok(Stored::Parts { manifest, saved_at }) = decode(&encoded.manifest) else { panic!("a manifest") };
        let target = &encoded.parts[which as usize % encoded.parts.len()];
        let other = &encoded.parts[at as usize % encoded.parts.len()];
        let read = |name: &str| {
            let part = encoded.parts.iter().find(|p| &*p.name == name)?;
            if part.name != target.name {
                return Some(part.text.to_string());
            }
            let text = &part.text;
            match damage {
                0 => None,
                1 => Some(text[..text.floor_char_boundary(at as usize % text.len())].to_owned()),
                2 => Some(other.text.to_string()),
                _ => Some(text.replacen("\"id\"", "\"x\"", 1)),
            }
        };
        if let Ok((decoded, _)) = assemble(&manifest, &saved_at, read) {
            assert_sound(&decoded.workspace);
        }
    }
}

/// A shared file of generated regions, with a checksum, then damaged inside
/// its content: a value dropped, retyped or replaced somewhere.
fn shared_file() -> impl Strategy<Value = (String, bool)> {
    (proptest::collection::vec(region(), 1..3), proptest::collection::vec((any::<u32>(), 0..4u8), 0..3)).prop_map(|(regions, edits)| {
        let mut content = json!({ "regions": regions, "templates": [] });
        let sum = checksum(&content);
        for (at, op) in &edits {
            mutate(&mut content, *at, *op);
        }
        let file = json!({ "format": "netzwerkatlas", "schema": FILE_SCHEMA, "scope": "workspace", "app_version": "0.2.0",
                           "exported_at": "", "region": null, "checksum": sum, "content": content });
        (file.to_string(), !edits.is_empty())
    })
}

proptest! {
    #![proptest_config(config(5_000))]

    /// Reading a shared file never panics; what it accepts is sound; what
    /// it had to restore it says; it refuses only a content it cannot read
    /// at all, and then names the place.
    #[test]
    fn shared_files_are_restored_value_by_value_and_every_repair_is_listed((text, damaged) in shared_file()) {
        let content: Value = serde_json::from_str::<Value>(&text).unwrap()["content"].clone();
        let reads_as_is = netzwerkatlas::domain::data::decode::deserialize::<netzwerkatlas::domain::data::format::Content>(&content).is_ok();
        match read_file(&text) {
            Ok(parsed) => {
                let workspace = Workspace { regions: parsed.content.regions, ..Workspace::default() };
                assert_sound(&workspace);
                if !reads_as_is {
                    prop_assert!(!parsed.notes.is_empty(), "restored without a word");
                }
                prop_assert!(damaged || !parsed.modified);
            }
            Err(FileError::Shape { path }) => prop_assert!(path.starts_with("content"), "{path}"),
            Err(FileError::Empty) => {}
            Err(other) => prop_assert!(false, "refused instead of restored: {other:?}"),
        }
    }
}

#[test]
fn shared_files_with_damage_are_mostly_restored() {
    // The generator must produce content that needs restoring, and most of
    // it must be restored rather than refused.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut restored, mut refused) = (0, 0);
    for _ in 0..2_000 {
        let (text, _) = shared_file().new_tree(&mut runner).unwrap().current();
        let content: Value = serde_json::from_str::<Value>(&text).unwrap()["content"].clone();
        if netzwerkatlas::domain::data::decode::deserialize::<netzwerkatlas::domain::data::format::Content>(&content).is_ok() {
            continue;
        }
        match read_file(&text) {
            Ok(_) => restored += 1,
            Err(_) => refused += 1,
        }
    }
    assert!(restored > 200, "{restored} restored, {refused} refused");
    assert!(restored > 5 * refused, "{restored} restored, {refused} refused");
}

#[test]
fn the_generator_produces_accepted_and_refused_files() {
    // Guards against a generator that only makes garbage (or only valid
    // files): both outcomes must occur often.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut accepted, mut refused) = (0, 0);
    for _ in 0..2_000 {
        let text = file().new_tree(&mut runner).unwrap().current();
        match decode(&text) {
            Ok(Stored::Whole(_)) => accepted += 1,
            Ok(Stored::Parts { .. }) => panic!("a file without parts read as parts"),
            Err(_) => refused += 1,
        }
    }
    assert!(accepted > 100, "{accepted} accepted");
    assert!(refused > 100, "{refused} refused");
    let _ = (Scale::Planning, Status::Nein);
}
