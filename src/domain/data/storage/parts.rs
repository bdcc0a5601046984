//! The workspace as the browser stores it: cut into parts, each kept under a
//! name taken from a hash of its text, and a small manifest that lists them.
//! A save re-encodes only the parts an edit changed, and storage needs to
//! receive only parts it does not hold yet, so the cost of a save follows the
//! size of the edit, not the size of the region. Parts the two stored states
//! share are stored once.
//!
//! Lists are cut where an item's id says so (content-defined chunking): an
//! added or deleted actor changes the part it lies in, not every part after.

use crate::domain::hashing::{fnv1a, HashMap, HashSet};
use std::sync::Arc;

use crate::domain::data::to_json::{self, ToJson};
use serde_json::Value;

use crate::domain::data::decode::deserialize;
use crate::domain::data::sha256::sha256_hex;
use crate::domain::data::storage::envelope::{DecodeError, Decoded, Manifest, ManifestEnvelope, RegionParts, FORMAT, SCHEMA_VERSION};
use crate::domain::data::storage::pack::{pack, unpack};
use crate::domain::model::checklist::Checklist;
use crate::domain::model::stichtag::{self, Written};
use crate::domain::model::{Actor, Region, Relation, Workspace};
use crate::domain::rules::integrity::integrity_problems;

/// A part ready to be stored: its name and its text (shared, not copied).
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub name: Arc<str>,
    pub text: Arc<str>,
}

/// The result of encoding a workspace.
pub struct Encoded {
    /// The envelope with the manifest, for the slot key.
    pub manifest: String,
    /// Every part the manifest names, each once, in order.
    pub parts: Vec<Part>,
    /// How many of them had to be encoded anew (the rest came from the cache).
    pub encoded: usize,
}

// Average items per part: an actor with contacts is about 1 KB of JSON, a
// relation 0.1 KB, a checklist of 40 items some 5 KB. A part never holds more
// than `MAX_FACTOR` times the average, so no run of ids makes one huge.
const ACTORS_PER_PART: u64 = 32;
const RELATIONS_PER_PART: u64 = 128;
const CHECKLISTS_PER_PART: u64 = 4;
const MAX_FACTOR: u64 = 4;

/// Cuts `items` after every item whose id hashes to a multiple of `average`.
fn cut<'a, T>(items: &'a [T], id: impl Fn(&T) -> &str, average: u64) -> Vec<&'a [T]> {
    let max = (average * MAX_FACTOR) as usize;
    let mut parts = Vec::new();
    let mut start = 0;
    for (index, item) in items.iter().enumerate() {
        if fnv1a(id(item).as_bytes()) % average == 0 || index + 1 - start >= max {
            parts.push(&items[start..=index]);
            start = index + 1;
        }
    }
    if start < items.len() {
        parts.push(&items[start..]);
    }
    parts
}

/// The name of a part: 128 bits of the SHA-256 of its text (as stored, packed).
fn name_of(text: &str) -> Arc<str> {
    sha256_hex(text.as_bytes())[..32].into()
}

/// Whether `name` can be a part name (and so a safe piece of a storage key).
pub fn is_part_name(name: &str) -> bool {
    name.len() == 32 && name.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A piece of the workspace as last encoded.
#[derive(Clone, Debug, PartialEq)]
enum Content {
    Workspace(Workspace),
    Region(Region),
    Actors(Vec<Actor>),
    Relations(Vec<Relation>),
    Checklists(Vec<Checklist>),
    /// As written: compared as text, which a save writes anyway.
    Stichtage(String),
}

/// Where a piece sits: its kind, its region and its first item. A piece
/// found here is reused only when its content is equal, too.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Place {
    Workspace,
    Region(String),
    Actors(String, String),
    Relations(String, String),
    Checklists(String, String),
    Stichtage(String),
}

/// The lists kept in parts of their own, cut by `cut`.
trait Listed: Clone + PartialEq + ToJson {
    /// Average items per part.
    const AVERAGE: u64;
    fn id(&self) -> &str;
    fn place(region: &str, first: &str) -> Place;
    fn content(items: Vec<Self>) -> Content;
    fn items(content: &Content) -> Option<&[Self]>;
}

macro_rules! listed {
    ($type:ty, $variant:ident, $average:expr) => {
        impl Listed for $type {
            const AVERAGE: u64 = $average;
            fn id(&self) -> &str {
                &self.id.0
            }
            fn place(region: &str, first: &str) -> Place {
                Place::$variant(region.to_owned(), first.to_owned())
            }
            fn content(items: Vec<Self>) -> Content {
                Content::$variant(items)
            }
            fn items(content: &Content) -> Option<&[Self]> {
                match content {
                    Content::$variant(items) => Some(items),
                    _ => None,
                }
            }
        }
    };
}

listed!(Actor, Actors, ACTORS_PER_PART);
listed!(Relation, Relations, RELATIONS_PER_PART);
listed!(Checklist, Checklists, CHECKLISTS_PER_PART);

/// Remembers the pieces last encoded or loaded with their parts, so that an
/// unchanged piece is compared, not encoded and hashed again.
#[derive(Default)]
pub struct PartCache {
    pieces: HashMap<Place, (Content, Part)>,
}

impl std::fmt::Debug for PartCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PartCache").field("pieces", &self.pieces.len()).finish()
    }
}

impl PartCache {
    /// Encodes `workspace` into parts and a manifest, re-encoding only
    /// pieces that differ from the cached ones.
    pub fn encode(&mut self, workspace: &Workspace, saved_at: &str) -> Encoded {
        let mut encoder = Encoder { cached: std::mem::take(&mut self.pieces), ..Encoder::default() };
        // Heads are built afresh each time (they are small) and compared.
        let head = workspace_head(workspace);
        let mut manifest = Manifest {
            workspace: encoder.take(
                Place::Workspace,
                |cached| matches!(cached, Content::Workspace(c) if *c == head),
                || (Content::Workspace(head.clone()), to_json(&head)),
            ),
            regions: Vec::new(),
        };
        for region in &workspace.regions {
            let id = &region.id.0;
            let head = region_head(region);
            manifest.regions.push(RegionParts {
                region: encoder.take(
                    Place::Region(id.clone()),
                    |cached| matches!(cached, Content::Region(c) if *c == head),
                    || (Content::Region(head.clone()), to_json(&head)),
                ),
                actors: encoder.list(id, &region.actors),
                relations: encoder.list(id, &region.relations),
                checklists: encoder.list(id, &region.checklists),
                stichtage: (!region.stichtage.is_empty()).then(|| {
                    let written = stichtage_json(region);
                    encoder.take(
                        Place::Stichtage(id.clone()),
                        |cached| matches!(cached, Content::Stichtage(c) if *c == written),
                        || (Content::Stichtage(written.clone()), written.clone()),
                    )
                }),
            });
        }
        self.pieces = encoder.next;
        let envelope = ManifestEnvelope { format: FORMAT, schema: SCHEMA_VERSION, saved_at, parts: &manifest };
        Encoded { manifest: to_json(&envelope), parts: encoder.parts, encoded: encoder.encoded }
    }
}

/// One run of `PartCache::encode`.
#[derive(Default)]
struct Encoder {
    cached: HashMap<Place, (Content, Part)>,
    next: HashMap<Place, (Content, Part)>,
    parts: Vec<Part>,
    listed: HashSet<String>,
    encoded: usize,
}

impl Encoder {
    /// The part for the piece at `place`: the cached one if its content is
    /// the same, else encoded anew. Returns its name.
    fn take(&mut self, place: Place, same: impl Fn(&Content) -> bool, encode: impl FnOnce() -> (Content, String)) -> String {
        let (content, part) = match self.cached.remove(&place) {
            Some((content, part)) if same(&content) => (content, part),
            _ => {
                self.encoded += 1;
                let (content, json) = encode();
                let text = pack(&json);
                (content, Part { name: name_of(&text), text: text.into() })
            }
        };
        let name = part.name.to_string();
        if self.listed.insert(name.clone()) {
            self.parts.push(part.clone());
        }
        self.next.insert(place, (content, part));
        name
    }

    /// The parts of a list, in order.
    fn list<T: Listed>(&mut self, region: &str, items: &[T]) -> Vec<String> {
        cut(items, T::id, T::AVERAGE)
            .into_iter()
            .map(|chunk| {
                self.take(
                    T::place(region, chunk[0].id()),
                    |cached| T::items(cached) == Some(chunk),
                    || (T::content(chunk.to_vec()), to_json(&chunk)),
                )
            })
            .collect()
    }
}

/// A region's Stichtage as a save writes them: against the region now, so
/// that the newest costs only what changed since.
fn stichtage_json(region: &Region) -> String {
    to_json(&stichtag::write(&region.stichtage, Some(region)))
}

/// What a region's Stichtage take in storage, in characters (as the
/// browser counts them), for "Speicher & Sicherung".
pub fn stichtage_chars(region: &Region) -> usize {
    if region.stichtage.is_empty() {
        return 0;
    }
    pack(&stichtage_json(region)).encode_utf16().count()
}

fn to_json(value: &dyn ToJson) -> String {
    to_json::text(value)
}

/// The workspace without its regions. Destructured field by field, so that a
/// new field cannot be left out of storage unnoticed: it does not compile.
fn workspace_head(workspace: &Workspace) -> Workspace {
    let Workspace { regions: _, active, templates } = workspace;
    Workspace { regions: Vec::new(), active: active.clone(), templates: templates.clone() }
}

/// A region without the lists that are stored in parts of their own.
fn region_head(region: &Region) -> Region {
    let Region {
        id,
        name,
        kind,
        sozialraeume,
        actors: _,
        relations: _,
        groups,
        checklists: _,
        notes,
        imported_from,
        placed,
        stichtage: _,
        reports,
        journal,
        programmes,
    } = region;
    Region {
        id: id.clone(),
        name: name.clone(),
        kind: *kind,
        sozialraeume: sozialraeume.clone(),
        actors: Vec::new(),
        relations: Vec::new(),
        groups: groups.clone(),
        checklists: Vec::new(),
        notes: notes.clone(),
        imported_from: imported_from.clone(),
        placed: placed.clone(),
        stichtage: Vec::new(),
        reports: reports.clone(),
        journal: journal.clone(),
        programmes: programmes.clone(),
    }
}

/// Puts the workspace back together from its parts; `get` reads a part's
/// text by name. Also returns a cache that knows every part read, so that
/// the first save after loading re-encodes only what changed.
///
/// The parts are joined into one JSON value and read like data stored
/// whole, by the one deserialiser the app has for a workspace: reading each
/// kind of part on its own would add a copy of the model's deserialisers to
/// the wasm (measured: ~20 KB gzip).
pub fn assemble(manifest: &Manifest, saved_at: &str, get: impl Fn(&str) -> Option<String>) -> Result<(Decoded, PartCache), DecodeError> {
    let read = |name: &str| -> Result<(Part, Value), DecodeError> {
        if !is_part_name(name) {
            return Err(DecodeError::Damaged(format!("Ungültiger Teilname „{name}“.")));
        }
        let text = get(name).ok_or_else(|| DecodeError::Damaged(format!("Teil {name} fehlt.")))?;
        let json = unpack(&text).ok_or_else(|| DecodeError::Damaged(format!("Teil {name} lässt sich nicht entpacken.")))?;
        let value = serde_json::from_str(&json).map_err(|e| DecodeError::Damaged(format!("Teil {name}: {e}")))?;
        Ok((Part { name: name.into(), text: text.into() }, value))
    };
    let object = |name: &str, value: Value| match value {
        Value::Object(map) => Ok(map),
        _ => Err(DecodeError::Damaged(format!("Teil {name} ist kein Objekt."))),
    };

    let (workspace_part, value) = read(&manifest.workspace)?;
    let mut workspace_value = object(&manifest.workspace, value)?;
    // Per region: its head's part, and each list's parts with their lengths.
    let mut layout = Vec::new();
    let mut regions = Vec::new();
    for entry in &manifest.regions {
        let (region_part, value) = read(&entry.region)?;
        let mut region_value = object(&entry.region, value)?;
        let mut lists: [Vec<(Part, usize)>; 3] = Default::default();
        for ((field, names), list) in
            [("actors", &entry.actors), ("relations", &entry.relations), ("checklists", &entry.checklists)].into_iter().zip(&mut lists)
        {
            let mut items = Vec::new();
            for name in names {
                let (part, value) = read(name)?;
                match value {
                    Value::Array(chunk) if !chunk.is_empty() => {
                        list.push((part, chunk.len()));
                        items.extend(chunk);
                    }
                    _ => return Err(DecodeError::Damaged(format!("Teil {name} ist leer oder keine Liste."))),
                }
            }
            region_value.insert(field.to_owned(), Value::Array(items));
        }
        // Read once the region is: they are kept as changes against it.
        let stichtage = entry.stichtage.as_deref().map(read).transpose()?;
        layout.push((region_part, lists, stichtage));
        regions.push(Value::Object(region_value));
    }
    workspace_value.insert("regions".to_owned(), Value::Array(regions));
    let mut workspace: Workspace = deserialize(&Value::Object(workspace_value)).map_err(|e| DecodeError::Damaged(e.to_string()))?;
    let mut stichtage_parts = Vec::new();
    for (region, (_, _, stichtage)) in workspace.regions.iter_mut().zip(&mut layout) {
        let Some((part, value)) = stichtage.take() else { continue };
        let damaged = |reason: String| DecodeError::Damaged(format!("Stichtage von „{}“: {reason}", region.name));
        let written: Vec<Written> = deserialize(&value).map_err(|e| damaged(e.to_string()))?;
        region.stichtage = stichtag::read(written, Some(region))
            .map_err(|u| damaged(format!("Stichtag {} ({}) ist unvollständig.", u.position, u.name)))?;
        stichtage_parts
            .push((region.id.0.clone(), (Content::Stichtage(unpack(&part.text).map(|t| t.into_owned()).unwrap_or_default()), part)));
    }
    let problems = integrity_problems(&workspace);
    if !problems.is_empty() {
        return Err(DecodeError::Damaged(problems.join(" ")));
    }

    let mut cache = PartCache::default();
    cache.pieces.insert(Place::Workspace, (Content::Workspace(workspace_head(&workspace)), workspace_part));
    for (id, piece) in stichtage_parts {
        cache.pieces.insert(Place::Stichtage(id), piece);
    }
    for (region, (region_part, [actors, relations, checklists], _)) in workspace.regions.iter().zip(layout) {
        cache.pieces.insert(Place::Region(region.id.0.clone()), (Content::Region(region_head(region)), region_part));
        cache.note_list(&region.id.0, &region.actors, actors);
        cache.note_list(&region.id.0, &region.relations, relations);
        cache.note_list(&region.id.0, &region.checklists, checklists);
    }
    Ok((Decoded { workspace, saved_at: saved_at.to_owned() }, cache))
}

impl PartCache {
    /// Notes the pieces of a list just read: its parts in order, with the
    /// number of items each held.
    fn note_list<T: Listed>(&mut self, region: &str, items: &[T], parts: Vec<(Part, usize)>) {
        let mut start = 0;
        for (part, len) in parts {
            let chunk = &items[start..start + len];
            start += len;
            self.pieces.insert(T::place(region, chunk[0].id()), (T::content(chunk.to_vec()), part));
        }
    }
}

/// Stored data that could not be read, as one file: the manifest's text and
/// the text of each part it names (null where a part is missing), so support
/// can see exactly what was stored.
pub fn unreadable_bundle(manifest_text: &str, manifest: &Manifest, get: impl Fn(&str) -> Option<String>) -> String {
    #[cfg_attr(test, derive(serde::Serialize))]
    #[derive(ToJson)]
    struct Bundle<'a> {
        format: &'a str,
        manifest: &'a str,
        parts: Vec<PartText<'a>>,
    }
    #[cfg_attr(test, derive(serde::Serialize))]
    #[derive(ToJson)]
    struct PartText<'a> {
        name: &'a str,
        text: Option<String>,
    }
    // Packed parts as their text where they unpack, so the bundle can be read.
    let text = |name: &str| get(name).map(|stored| unpack(&stored).map_or(stored.clone(), |json| json.into_owned()));
    let parts = manifest.names().map(|name| PartText { name, text: if is_part_name(name) { text(name) } else { None } }).collect();
    to_json(&Bundle { format: "netzwerkatlas-unreadable", manifest: manifest_text, parts })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::storage::envelope::{decode, Stored};
    use crate::domain::samples::demo::demo_workspace;
    use crate::domain::samples::generate::generated_region;

    /// Parts as storage would hold them.
    fn stored(encoded: &Encoded) -> HashMap<String, String> {
        encoded.parts.iter().map(|p| (p.name.to_string(), p.text.to_string())).collect()
    }

    fn manifest_of(text: &str) -> (Manifest, String) {
        match decode(text).unwrap() {
            Stored::Parts { manifest, saved_at } => (manifest, saved_at),
            Stored::Whole(_) => panic!("expected parts"),
        }
    }

    fn demo_in_parts() -> (Encoded, Manifest, HashMap<String, String>) {
        let encoded = PartCache::default().encode(&demo_workspace(), "");
        let (manifest, _) = manifest_of(&encoded.manifest);
        let parts = stored(&encoded);
        (encoded, manifest, parts)
    }

    fn big() -> Workspace {
        let mut ws = demo_workspace();
        ws.regions.push(generated_region(2_000, 7));
        ws
    }

    #[test]
    fn round_trip_is_exact() {
        for ws in [Workspace::default(), demo_workspace(), big()] {
            let encoded = PartCache::default().encode(&ws, "2026-11-21T10:00:00Z");
            let parts = stored(&encoded);
            let (manifest, saved_at) = manifest_of(&encoded.manifest);
            assert_eq!(saved_at, "2026-11-21T10:00:00Z");
            let (decoded, _) = assemble(&manifest, &saved_at, |n| parts.get(n).cloned()).unwrap();
            assert_eq!(decoded.workspace, ws);
        }
    }

    #[test]
    fn parts_are_packed_to_a_fraction_and_those_stored_before_packing_still_load() {
        let ws = big();
        let encoded = PartCache::default().encode(&ws, "");
        let parts = stored(&encoded);
        let (manifest, _) = manifest_of(&encoded.manifest);
        // Storage counts characters (UTF-16 units; every packed one is a single unit).
        let packed: usize = parts.values().map(|t| t.chars().count()).sum();
        let plain: HashMap<String, String> = parts.iter().map(|(n, t)| (n.clone(), unpack(t).unwrap().into_owned())).collect();
        let json: usize = plain.values().map(|t| t.encode_utf16().count()).sum();
        assert!(packed * 4 < json, "{packed} characters packed, {json} as JSON");
        // Parts as versions before packing stored them: plain JSON, under the same names.
        let (decoded, _) = assemble(&manifest, "", |n| plain.get(n).cloned()).unwrap();
        assert_eq!(decoded.workspace, ws);
        // A packed part that is damaged is named, as a damaged JSON part is.
        let actors = manifest.regions[0].actors[0].clone();
        let damaged = assemble(&manifest, "", |n| parts.get(n).map(|t| if n == actors { format!("{t}\u{7fff}") } else { t.clone() }));
        assert!(matches!(damaged, Err(DecodeError::Damaged(m)) if m.contains("entpacken")));
    }

    #[test]
    fn parts_stay_small_and_are_named_by_their_content() {
        let ws = big();
        let encoded = PartCache::default().encode(&ws, "");
        assert!(encoded.parts.len() > 100, "{} parts", encoded.parts.len());
        let biggest = encoded.parts.iter().map(|p| p.text.len()).max().unwrap();
        assert!(biggest < 300_000, "largest part {biggest} bytes");
        for part in &encoded.parts {
            assert!(is_part_name(&part.name));
            assert_eq!(part.name, name_of(&part.text));
        }
        // The same content encodes to the same parts, whatever the time of saving.
        let again = PartCache::default().encode(&ws, "2030-01-01T00:00:00Z");
        assert_eq!(again.parts, encoded.parts);
    }

    #[test]
    fn an_edit_re_encodes_only_the_part_it_changed() {
        let mut ws = big();
        let mut cache = PartCache::default();
        let first = cache.encode(&ws, "1");
        assert_eq!(first.encoded, first.parts.len(), "the first save encodes everything");
        assert_eq!(cache.encode(&ws, "2").encoded, 0, "nothing changed, nothing encoded");

        let big_region = ws.regions.len() - 1;
        ws.regions[big_region].actors[1000].notes = "Neue Notiz".into();
        let edited = cache.encode(&ws, "3");
        assert_eq!(edited.encoded, 1);
        let before: Vec<_> = first.parts.iter().map(|p| p.name.clone()).collect();
        let new: Vec<_> = edited.parts.iter().filter(|p| !before.contains(&p.name)).collect();
        assert_eq!(new.len(), 1, "one part to write");
        assert!(unpack(&new[0].text).unwrap().contains("Neue Notiz"));
    }

    #[test]
    fn adding_or_deleting_an_actor_leaves_the_other_parts_alone() {
        let mut ws = big();
        let region = ws.regions.len() - 1;
        let mut cache = PartCache::default();
        let first = cache.encode(&ws, "");
        let removed = ws.regions[region].actors.remove(10);
        let relations_before = ws.regions[region].relations.len();
        ws.regions[region].relations.retain(|r| !r.touches(&removed.id));
        let relations_removed = relations_before - ws.regions[region].relations.len();
        let names: Vec<_> = first.parts.iter().map(|p| p.name.clone()).collect();
        let after = cache.encode(&ws, "");
        let changed = after.parts.iter().filter(|p| !names.contains(&p.name)).count();
        // The actor's own part, plus at most one part per relation that went with it.
        assert!(changed <= 1 + relations_removed, "{changed} parts changed for {relations_removed} relations");
        assert!(changed * 10 < after.parts.len());

        let mut added = removed.clone();
        added.id.0 = "neu-1".into();
        ws.regions[region].actors.insert(500, added);
        let before: Vec<_> = cache.encode(&ws, "").parts.iter().map(|p| p.name.clone()).collect();
        ws.regions[region].actors[500].name = "Umbenannt".into();
        let after = cache.encode(&ws, "");
        assert_eq!(after.encoded, 1);
        assert_eq!(after.parts.iter().filter(|p| !before.contains(&p.name)).count(), 1);
    }

    #[test]
    fn a_loaded_workspace_primes_the_cache() {
        let ws = big();
        let encoded = PartCache::default().encode(&ws, "");
        let parts = stored(&encoded);
        let (manifest, _) = manifest_of(&encoded.manifest);
        let (decoded, mut cache) = assemble(&manifest, "", |n| parts.get(n).cloned()).unwrap();
        let again = cache.encode(&decoded.workspace, "");
        assert_eq!(again.encoded, 0);
        assert_eq!(again.parts, encoded.parts);
    }

    #[test]
    fn missing_damaged_or_inconsistent_parts_are_damage() {
        let (_, manifest, parts) = demo_in_parts();
        let actors = manifest.regions[0].actors[0].clone();

        let missing = assemble(&manifest, "", |n| if n == actors { None } else { parts.get(n).cloned() });
        assert!(matches!(missing, Err(DecodeError::Damaged(ref d)) if d.contains("fehlt")));

        let broken = assemble(&manifest, "", |n| parts.get(n).map(|t| if n == actors { t[..t.len() / 2].to_owned() } else { t.clone() }));
        assert!(matches!(broken, Err(DecodeError::Damaged(_))));

        let empty = assemble(&manifest, "", |n| if n == actors { Some("[]".into()) } else { parts.get(n).cloned() });
        assert!(matches!(empty, Err(DecodeError::Damaged(ref d)) if d.contains("leer")));

        // A part holding other actors than those the relations name.
        let stranger = r#"[{"id":"fremd","name":"Fremd","kind":"verein"}]"#;
        let other = assemble(&manifest, "", |n| if n == actors { Some(stranger.into()) } else { parts.get(n).cloned() });
        assert!(matches!(other, Err(DecodeError::Damaged(ref d)) if d.contains("fehlenden Akteur")), "{:?}", other.err());

        let mut hostile = manifest.clone();
        hostile.regions[0].actors[0] = "../../etwas-anderes".into();
        assert!(matches!(assemble(&hostile, "", |n| parts.get(n).cloned()), Err(DecodeError::Damaged(ref d)) if d.contains("Ungültiger")));
    }

    #[test]
    fn the_unreadable_bundle_holds_what_was_stored() {
        let (encoded, manifest, parts) = demo_in_parts();
        let gone = manifest.regions[0].relations[0].clone();
        let bundle: serde_json::Value =
            serde_json::from_str(&unreadable_bundle(
                &encoded.manifest,
                &manifest,
                |n| if n == gone { None } else { parts.get(n).cloned() },
            ))
            .unwrap();
        assert_eq!(bundle["manifest"], encoded.manifest.as_str());
        let text_of = |name: &str| bundle["parts"].as_array().unwrap().iter().find(|p| p["name"] == name).unwrap()["text"].clone();
        assert_eq!(text_of(&gone), Value::Null);
        // Each part as its text (stored packed), so that it can be read.
        assert!(parts[&manifest.workspace].starts_with('\u{1}'));
        assert_eq!(text_of(&manifest.workspace), unpack(&parts[&manifest.workspace]).unwrap().as_ref());
        // A part that does not unpack is kept as it was stored.
        let damaged = unreadable_bundle(&encoded.manifest, &manifest, |n| parts.get(n).map(|t| format!("{t}\u{7fff}")));
        let damaged: serde_json::Value = serde_json::from_str(&damaged).unwrap();
        assert_eq!(damaged["parts"][0]["text"].as_str().unwrap(), format!("{}\u{7fff}", parts[&manifest.workspace]));
        assert_eq!(bundle["parts"].as_array().unwrap().len(), manifest.names().count());
    }

    #[test]
    fn cutting_is_stable_and_bounded() {
        let ids: Vec<String> = (0..5_000).map(|i| format!("akteur-{i}")).collect();
        let parts = cut(&ids, |s| s, 32);
        assert_eq!(parts.iter().map(|p| p.len()).sum::<usize>(), ids.len());
        assert!(parts.iter().all(|p| p.len() <= 128));
        let average = ids.len() / parts.len();
        assert!((16..=64).contains(&average), "average {average}");
        // Removing an item moves no boundary but the one it lay in.
        let mut fewer = ids.clone();
        fewer.remove(2_500);
        let after = cut(&fewer, |s| s, 32);
        let differing = parts.iter().filter(|p| !after.contains(p)).count();
        assert!(differing <= 2, "{differing} parts differ");
    }
}
