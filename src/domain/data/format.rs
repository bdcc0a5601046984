//! The file format in which regions, checklists and templates travel between
//! Kommunen (and full backups are downloaded): a JSON envelope with format
//! name, schema version, app version, export time, exporting region, author
//! and a SHA-256 checksum of the content. Documented field by field in the
//! README; `public/netzwerkatlas.schema.json` is its JSON Schema.
//!
//! Reading a file is careful: size and nesting depth are checked before
//! parsing, older schema versions are migrated, a newer one is refused, the
//! checksum must match, and what the file gets wrong is repaired and listed.

use crate::i18n::{count, Message};

use crate::domain::data::to_json::{self, ToJson};

use crate::domain::data::from_json::FromJson;
use serde_json::Value;

use crate::domain::data::decode::{deserialize, dropped_fields, to_json_value};
use crate::domain::data::migrate::{self, migrate, MigrationError};
use crate::domain::data::restore::restore_content;
use crate::domain::data::sha256::sha256_hex;

use crate::domain::model::checklist::Template;
use crate::domain::model::stichtag;
use crate::domain::model::{Id, Region};
use crate::domain::rules::integrity::{repair_region, repair_region_ids, repair_template};

pub const FILE_FORMAT: &str = "netzwerkatlas";
/// The schema this build writes. Version 1 was the backup file of
/// Netzwerkatlas 0.1 (`"format": "netzwerkatlas-workspace"`).
pub const FILE_SCHEMA: u64 = 6;
const LEGACY_BACKUP_FORMAT: &str = "netzwerkatlas-workspace";
/// Files larger than this are not read.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// The format nests about a dozen levels; anything far deeper is hostile.
pub const MAX_DEPTH: usize = 32;

/// What a file holds.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ToJson, FromJson)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// A full backup: all regions and the user's templates.
    Workspace,
    /// One region: map, Gremien, checklists and the templates they use.
    Region,
    /// Selected checklists of one region, with the actors they name.
    Checklists,
    /// One checklist template.
    Template,
}

impl Scope {
    pub fn label(self) -> &'static str {
        match self {
            Scope::Workspace => t!("scope.workspace"),
            Scope::Region => t!("header.region"),
            Scope::Checklists => t!("tabs.checklists"),
            Scope::Template => t!("scope.template"),
        }
    }
}

/// The exporting region, named in the envelope so a file says where it came from.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson, Default)]
pub struct RegionRef {
    pub id: Id,
    pub name: String,
}

/// The data of a file.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, ToJson, FromJson, Default)]
pub struct Content {
    #[serde(default)]
    pub regions: Vec<Region>,
    #[serde(default)]
    pub templates: Vec<Template>,
}

/// Everything in the envelope except the content.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson)]
pub struct Header {
    pub scope: Scope,
    pub app_version: String,
    /// ISO timestamp.
    pub exported_at: String,
    pub region: Option<RegionRef>,
    /// Optional name of whoever exported the file.
    #[serde(default)]
    pub author: String,
    /// Whether contact persons and free notes are included.
    #[serde(default = "yes")]
    pub personal_data: bool,
}

fn yes() -> bool {
    true
}

/// The file as serde wrote it (the header flattened into the envelope):
/// the test compares [`encode_file`]'s text with it.
#[cfg(test)]
#[derive(serde::Serialize)]
struct Envelope<'a> {
    format: &'a str,
    schema: u64,
    #[serde(flatten)]
    header: &'a Header,
    checksum: String,
    content: Value,
}

/// The checksum of a content value: SHA-256 of its JSON with object keys
/// sorted and no whitespace (`JSON.stringify` of a key-sorted copy).
pub fn checksum(content: &Value) -> String {
    let canonical = to_json::text(content);
    format!("sha256:{}", sha256_hex(canonical.as_bytes()))
}

/// Writes a file.
pub fn encode_file(header: &Header, content: &Content) -> String {
    let mut value = to_json_value(content);
    // Each region's Stichtage, the newest whole and the others as changes.
    if let Some(Value::Array(regions)) = value.get_mut("regions") {
        for (value, region) in regions.iter_mut().zip(&content.regions) {
            if let (Value::Object(value), false) = (value, region.stichtage.is_empty()) {
                value.insert("stichtage".into(), to_json_value(&stichtag::write(&region.stichtage, None)));
            }
        }
    }
    let mut file = String::from("{\"format\":");
    FILE_FORMAT.write_json(&mut file);
    file.push_str(",\"schema\":");
    FILE_SCHEMA.write_json(&mut file);
    // The header's fields sit in the envelope itself, not in an object of their own.
    let header = to_json::text(header);
    file.push(',');
    file.push_str(&header[1..header.len() - 1]);
    file.push_str(",\"checksum\":");
    checksum(&value).write_json(&mut file);
    file.push_str(",\"content\":");
    value.write_json(&mut file);
    file.push('}');
    file
}

/// Why a file cannot be read. Nothing changes when one of these occurs.
#[derive(Clone, Debug, PartialEq)]
pub enum FileError {
    TooLarge {
        bytes: usize,
    },
    TooDeep,
    /// Not JSON; where the reading stopped.
    NotJson {
        line: usize,
        column: usize,
    },
    NotOurs,
    Newer {
        found: u64,
    },
    /// Content of a shape nothing can be restored from, at this JSON path.
    Shape {
        path: String,
    },
    Damaged(String),
    Empty,
}

/// "10 MB", "5,3 MB": sizes as users read them.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    format!("{} MB", crate::i18n::tenths(tenths as i64, true))
}

impl FileError {
    /// What the user reads, written when shown.
    pub fn message(&self) -> Message {
        match self {
            FileError::TooLarge { bytes } => {
                Message::new(key!("file.too_large")).with("size", megabytes(*bytes)).with("max", megabytes(MAX_FILE_BYTES))
            }
            FileError::TooDeep => Message::new(key!("file.too_deep")).with("max", MAX_DEPTH),
            FileError::NotJson { line, column } => Message::new(key!("file.not_json_at")).with("line", line).with("column", column),
            FileError::NotOurs => Message::new(key!("file.not_ours")),
            FileError::Newer { found } => Message::new(key!("file.newer")).with("found", found).with("known", FILE_SCHEMA),
            FileError::Shape { path } => Message::new(key!("file.damaged_at")).with("path", path),
            FileError::Damaged(_) => Message::new(key!("file.damaged")),
            FileError::Empty => Message::new(key!("file.empty")),
        }
    }

    /// Technical detail for support.
    pub fn detail(&self) -> String {
        match self {
            FileError::Damaged(e) => e.clone(),
            _ => String::new(),
        }
    }
}

/// A file that was read, migrated and repaired.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedFile {
    pub schema: u64,
    pub header: Header,
    pub content: Content,
    /// What was repaired or is worth knowing, written when shown.
    pub notes: Vec<Message>,
    /// The checksum does not match: changed after the export (by hand, or
    /// on the way). Read and checked all the same; imported only by choice.
    pub modified: bool,
    /// Read from a list of another program: it names only some fields, so
    /// an empty one is a gap, not a different value.
    pub from_list: bool,
}

impl ParsedFile {
    pub fn actor_count(&self) -> usize {
        self.content.regions.iter().map(|r| r.actors.len()).sum()
    }
    pub fn relation_count(&self) -> usize {
        self.content.regions.iter().map(|r| r.relations.len()).sum()
    }
    pub fn checklist_count(&self) -> usize {
        self.content.regions.iter().map(|r| r.checklists.len()).sum()
    }
    pub fn group_count(&self) -> usize {
        self.content.regions.iter().map(|r| r.groups.len()).sum()
    }

    /// "Region Landkreis Lindenau: 43 Akteure, 83 Beziehungen, 4 Gremien, 2 Checklisten"
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if !self.content.regions.is_empty() {
            parts.push(tr!(
                "file.summary",
                actors = count(key!("count.actors"), self.actor_count()),
                relations = count(key!("count.relations"), self.relation_count()),
                groups = count(key!("count.groups"), self.group_count()),
                checklists = count(key!("count.checklists"), self.checklist_count())
            ));
            if self.content.regions.len() > 1 {
                parts.insert(0, tr!("file.summary_regions", n = self.content.regions.len()));
            }
        }
        if !self.content.templates.is_empty() {
            parts.push(tr!("file.summary_templates", n = self.content.templates.len()));
        }
        parts.join(", ")
    }
}

/// The deepest nesting of arrays and objects, found without parsing, so that
/// a hostile file cannot make the parser recurse.
pub fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Reads a file: checks, migrates, verifies, decodes and repairs.
pub fn read_file(text: &str) -> Result<ParsedFile, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: text.len() });
    }
    if nesting_depth(text) > MAX_DEPTH {
        return Err(FileError::TooDeep);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| FileError::NotJson { line: e.line(), column: e.column() })?;
    let Value::Object(envelope) = value else { return Err(FileError::NotOurs) };
    let schema = match envelope.get("format").and_then(Value::as_str) {
        Some(FILE_FORMAT) => {
            envelope.get("schema").and_then(Value::as_u64).ok_or_else(|| FileError::Damaged("Die Formatversion (schema) fehlt.".into()))?
        }
        Some(LEGACY_BACKUP_FORMAT) => match envelope.get("schema").and_then(Value::as_u64) {
            Some(found) if found > 1 => return Err(FileError::Newer { found }),
            _ => 1,
        },
        _ => return Err(FileError::NotOurs),
    };
    if schema > FILE_SCHEMA {
        return Err(FileError::Newer { found: schema });
    }
    let mut notes = Vec::new();
    let mut envelope = migrate(migrate::Envelope::File, envelope, schema, FILE_SCHEMA).map_err(|e| match e {
        MigrationError::TooNew { found } => FileError::Newer { found },
        MigrationError::Unknown { found } => FileError::Damaged(format!("Unbekannte Formatversion {found}.")),
        MigrationError::Failed { reason, .. } => FileError::Damaged(reason),
    })?;
    let mut content_value = envelope.remove("content").ok_or_else(|| FileError::Shape { path: "content".into() })?;
    let checked = checksum(&content_value);
    // Read apart once the regions are: they are changes against each other.
    let stichtage: Vec<Option<Value>> = match content_value.get_mut("regions") {
        Some(Value::Array(regions)) => regions.iter_mut().map(|r| r.as_object_mut().and_then(|r| r.remove("stichtage"))).collect(),
        _ => Vec::new(),
    };
    // A changed file is read all the same; the preview warns and the user decides.
    let modified = match envelope.get("checksum").and_then(Value::as_str) {
        Some(expected) => expected != checked,
        None if schema >= 2 => {
            notes.push(Message::new(key!("file.no_checksum")));
            false
        }
        None => false,
    };
    let header: Header = deserialize(&Value::Object(envelope)).map_err(|e| FileError::Damaged(format!("Kopfdaten: {e}")))?;
    let mut content = match deserialize::<Content>(&content_value) {
        Ok(content) => content,
        // What this version does not know costs that value, not the file.
        Err(_) => {
            notes.extend(restore_content(&mut content_value).map_err(|path| FileError::Shape { path })?);
            deserialize::<Content>(&content_value).map_err(|e| FileError::Damaged(e.to_string()))?
        }
    };
    if content.regions.is_empty() && content.templates.is_empty() {
        return Err(FileError::Empty);
    }
    let unknown = dropped_fields(&content_value, &to_json_value(&content));
    if !unknown.is_empty() {
        let list: Vec<String> = unknown.iter().map(|(path, n)| if *n > 1 { format!("{path} ({n}×)") } else { path.clone() }).collect();
        notes.push(Message::new(key!("file.unknown_fields")).with("fields", list.join(", ")));
    }
    for (region, written) in content.regions.iter_mut().zip(stichtage) {
        let Some(written) = written else { continue };
        match deserialize::<Vec<stichtag::Written>>(&written).map_err(|_| None).and_then(|w| stichtag::read(w, None).map_err(Some)) {
            Ok(read) => region.stichtage = read,
            // Unreadable Stichtage cost themselves, not the region.
            Err(_) => notes.push(Message::new(key!("file.stichtage_dropped")).with("region", &region.name)),
        }
    }
    notes.extend(repair_region_ids(&mut content.regions));
    let several = content.regions.len() > 1;
    for region in &mut content.regions {
        let repaired = repair_region(region);
        notes.extend(repaired.into_iter().map(|n| {
            if several {
                Message::new(key!("repair.in_region")).with("region", &region.name).with_message("repair", n)
            } else {
                n
            }
        }));
    }
    for template in &mut content.templates {
        notes.extend(repair_template(template));
    }
    Ok(ParsedFile { schema, header, content, notes, modified, from_list: false })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::samples::demo::demo_workspace;

    fn header(scope: Scope) -> Header {
        Header {
            scope,
            app_version: "0.2.0".into(),
            exported_at: "2026-11-21T10:00:00.000Z".into(),
            region: Some(RegionRef { id: Id("demo-region".into()), name: "Landkreis Lindenau".into() }),
            author: "Anna Schmidt".into(),
            personal_data: true,
        }
    }

    fn demo_content() -> Content {
        let ws = demo_workspace();
        Content { regions: ws.regions, templates: ws.templates }
    }

    #[test]
    fn a_file_is_written_byte_for_byte_as_before_with_the_header_in_the_envelope() {
        for (scope, author) in [(Scope::Region, "Anna \"A.\" Schmidt"), (Scope::Checklists, "")] {
            let (mut header, content) = (header(scope), demo_content());
            header.author = author.into();
            let written = encode_file(&header, &content);
            let value = to_json_value(&content);
            let mut content_value = value.clone();
            if let Some(Value::Array(regions)) = content_value.get_mut("regions") {
                for (value, region) in regions.iter_mut().zip(&content.regions) {
                    if let (Value::Object(value), false) = (value, region.stichtage.is_empty()) {
                        value.insert("stichtage".into(), to_json_value(&stichtag::write(&region.stichtage, None)));
                    }
                }
            }
            let before = Envelope {
                format: FILE_FORMAT,
                schema: FILE_SCHEMA,
                header: &header,
                checksum: checksum(&content_value),
                content: content_value,
            };
            assert_eq!(written, serde_json::to_string(&before).unwrap());
        }
    }

    /// Re-encodes a file after `change`, with a fresh checksum, as a
    /// careless or hostile tool could.
    fn tampered(change: impl FnOnce(&mut Value)) -> String {
        let mut file: Value = serde_json::from_str(&encode_file(&header(Scope::Region), &demo_content())).unwrap();
        change(&mut file);
        let sum = checksum(&file["content"]);
        file["checksum"] = Value::from(sum);
        file.to_string()
    }

    #[test]
    fn round_trip_is_exact() {
        let content = demo_content();
        let parsed = read_file(&encode_file(&header(Scope::Region), &content)).unwrap();
        assert_eq!(parsed.content, content);
        assert_eq!(parsed.header, header(Scope::Region));
        assert_eq!(parsed.schema, FILE_SCHEMA);
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        assert_eq!(parsed.summary(), "43 Akteure, 83 Beziehungen, 4 Gremien, 2 Checklisten");
    }

    #[test]
    fn the_summary_counts_in_the_singular_too() {
        let mut content = demo_content();
        let region = &mut content.regions[0];
        region.actors.truncate(1);
        region.relations.clear();
        region.groups.truncate(1);
        region.groups[0].members.clear();
        region.checklists.truncate(1);
        let parsed = read_file(&encode_file(&header(Scope::Region), &content)).unwrap();
        assert!(parsed.summary().starts_with("1 Akteur, 0 Beziehungen, 1 Gremium, 1 Checkliste"), "{}", parsed.summary());
    }

    #[test]
    fn the_envelope_names_everything_the_readme_documents() {
        let file: Value = serde_json::from_str(&encode_file(&header(Scope::Checklists), &demo_content())).unwrap();
        let keys: Vec<&str> = file.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["app_version", "author", "checksum", "content", "exported_at", "format", "personal_data", "region", "schema", "scope"]
        );
        assert_eq!(file["format"], "netzwerkatlas");
        assert_eq!(file["scope"], "checklists");
        assert!(file["checksum"].as_str().unwrap().starts_with("sha256:"));
    }

    #[test]
    fn a_changed_byte_breaks_the_checksum_and_the_file_is_read_as_changed() {
        let text = encode_file(&header(Scope::Region), &demo_content());
        assert!(!read_file(&text).unwrap().modified);
        let edited = text.replacen("Lindenau", "Lindenow", 2);
        let parsed = read_file(&edited).unwrap();
        assert!(parsed.modified);
        assert_ne!(parsed.content, demo_content(), "read as it now is");
    }

    #[test]
    fn unknown_values_are_restored_and_listed_not_refused() {
        crate::i18n::set_lang(crate::i18n::Lang::GERMAN);
        let text = tampered(|f| {
            f["content"]["regions"][0]["actors"][0]["kind"] = Value::from("hexe");
            f["content"]["regions"][0]["relations"] = Value::from(5);
        });
        let parsed = read_file(&text).unwrap();
        let notes: Vec<String> = parsed.notes.iter().map(Message::text).collect();
        let first = &demo_content().regions[0];
        assert_eq!(
            notes,
            vec![
                format!(
                    "Akteur „{}“ in Region „{}“: Art: „hexe“ ist unbekannt – übernommen als „Sonstige“.",
                    first.actors[0].name, first.name
                ),
                format!("Region „{}“: Feld „relations“: „5“ passt nicht und wurde weggelassen.", first.name),
            ]
        );
        let region = &parsed.content.regions[0];
        assert_eq!((region.actors.len(), region.relations.len()), (first.actors.len(), 0));
        assert_eq!(region.actors[0].kind, crate::domain::ActorKind::Sonstige);
        let error = read_file("{\n  \"format\": \"netzwerkatlas\",\n  oops\n}").unwrap_err();
        assert_eq!(error, FileError::NotJson { line: 3, column: 3 });
        assert!(error.message().text().ends_with("Zeile 3, Spalte 3."), "{}", error.message());
    }

    #[test]
    fn bad_files_are_told_apart() {
        let big = format!("\"{}\"", "x".repeat(MAX_FILE_BYTES));
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let cases: Vec<(String, fn(&FileError) -> bool)> = vec![
            (big, |e| matches!(e, FileError::TooLarge { .. })),
            (deep, |e| matches!(e, FileError::TooDeep)),
            ("Hallo".into(), |e| matches!(e, FileError::NotJson { .. })),
            ("[1]".into(), |e| matches!(e, FileError::NotOurs)),
            (r#"{"format":"gephi"}"#.into(), |e| matches!(e, FileError::NotOurs)),
            (r#"{"format":"netzwerkatlas","schema":9,"content":{}}"#.into(), |e| matches!(e, FileError::Newer { found: 9 })),
            (r#"{"format":"netzwerkatlas-workspace","schema":4,"data":{}}"#.into(), |e| matches!(e, FileError::Newer { found: 4 })),
            (r#"{"format":"netzwerkatlas","content":{}}"#.into(), |e| matches!(e, FileError::Damaged(_))),
            (
                tampered(|f| f["content"]["regions"] = Value::from(5)),
                |e| matches!(e, FileError::Shape { path } if path == "content.regions"),
            ),
            (tampered(|f| f["content"] = serde_json::json!({"regions": [], "templates": []})), |e| matches!(e, FileError::Empty)),
        ];
        for (text, expected) in &cases {
            let error = read_file(text).unwrap_err();
            assert!(expected(&error), "{}: {error:?}", &text[..text.len().min(80)]);
            // A sentence from the catalogue; a missing key would show as the bare key.
            assert!(error.message().text().contains(' '), "{:?} reads {:?}", error, error.message());
        }
    }

    #[test]
    fn messages_name_the_limit_and_the_version_needed() {
        assert!(FileError::TooLarge { bytes: 12 * 1024 * 1024 }.message().text().contains("bis 10 MB"));
        assert!(FileError::TooLarge { bytes: 12 * 1024 * 1024 }.message().text().contains("(12 MB)"));
        let newer = FileError::Newer { found: 7 }.message().text();
        assert!(newer.contains("Datenformat 7") && newer.contains("bis 6"), "{newer}");
        assert_eq!(megabytes(5_557_452), "5,3 MB");
    }

    #[test]
    fn depth_ignores_brackets_in_strings() {
        assert_eq!(nesting_depth(r#"{"a":"[[[[{{{{\"[[["}"#), 1);
        assert_eq!(nesting_depth(r#"[[{"a":[1]}]]"#), 4);
        let deepest_real = encode_file(&header(Scope::Region), &demo_content());
        assert!(nesting_depth(&deepest_real) < MAX_DEPTH / 2);
    }

    #[test]
    fn schema_1_backups_of_version_0_1_are_migrated() {
        let ws = demo_workspace();
        let old = crate::domain::data::storage::envelope::encode_whole(&ws, "2026-10-01T08:00:00.000Z");
        let parsed = read_file(&old).unwrap();
        assert_eq!(parsed.schema, 1);
        assert_eq!(parsed.header.scope, Scope::Workspace);
        assert_eq!(parsed.header.exported_at, "2026-10-01T08:00:00.000Z");
        assert_eq!(parsed.content.regions, ws.regions);
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        let fixture = include_str!("../../../tests/fixtures/backup-schema-1.json");
        let parsed = read_file(fixture).unwrap();
        assert_eq!(parsed.content.regions[0].name, "Kreisstadt Beispielhausen");
        assert_eq!(parsed.content.regions[0].actors.len(), 2);
    }

    #[test]
    fn unknown_fields_are_reported_and_dropped() {
        let text = tampered(|f| {
            f["content"]["regions"][0]["actors"][0]["farbe"] = Value::from("rot");
            f["content"]["regions"][0]["actors"][1]["farbe"] = Value::from("blau");
            f["content"]["regions"][0]["bundesland"] = Value::from("Hessen");
        });
        let parsed = read_file(&text).unwrap();
        assert_eq!(
            parsed.notes.iter().map(Message::text).collect::<Vec<_>>(),
            ["Unbekannte Felder wurden nicht übernommen: regions[].actors[].farbe (2×), regions[].bundesland."]
        );
        assert_eq!(parsed.content, demo_content());
    }

    #[test]
    fn repairs_are_listed_and_the_result_is_sound() {
        let text = tampered(|f| {
            f["content"]["regions"][0]["relations"][0]["to"] = Value::from("nicht-da");
            f["content"]["regions"][0]["actors"][0]["website"] = Value::from("javascript:alert(1)");
        });
        let parsed = read_file(&text).unwrap();
        assert_eq!(parsed.notes.len(), 2, "{:?}", parsed.notes);
        let ws = crate::domain::Workspace { regions: parsed.content.regions, ..Default::default() };
        assert!(crate::domain::rules::integrity::integrity_problems(&ws).is_empty());
    }

    #[test]
    fn missing_checksum_is_noted_not_refused() {
        let mut file: Value = serde_json::from_str(&encode_file(&header(Scope::Region), &demo_content())).unwrap();
        file.as_object_mut().unwrap().remove("checksum");
        let parsed = read_file(&file.to_string()).unwrap();
        assert_eq!(
            parsed.notes.iter().map(Message::text).collect::<Vec<_>>(),
            ["Die Datei hat keine Prüfsumme; ob sie unverändert ist, lässt sich nicht prüfen."]
        );
    }

    #[test]
    fn the_json_schema_in_public_lists_every_key_the_code_knows() {
        use crate::domain::model::checklist::Scale;
        use crate::domain::model::*;
        let schema: Value = serde_json::from_str(include_str!("../../../public/netzwerkatlas.schema.json")).unwrap();
        let listed = |name: &str| -> Vec<String> {
            let list = schema["$defs"][name]["enum"].as_array().unwrap_or_else(|| panic!("{name} has no enum"));
            list.iter().map(|v| v.as_str().unwrap().to_owned()).collect()
        };
        fn keys<T: Copy>(all: &[T], key: fn(T) -> &'static str) -> Vec<String> {
            all.iter().map(|v| key(*v).to_owned()).collect()
        }
        assert_eq!(listed("RegionKind"), keys(RegionKind::ALL, RegionKind::key));
        assert_eq!(listed("ActorKind"), keys(ActorKind::ALL, ActorKind::key));
        assert_eq!(listed("Rechtskreis"), keys(Rechtskreis::ALL, Rechtskreis::key));
        assert_eq!(listed("RelationKind"), keys(RelationKind::ALL, RelationKind::key));
        assert_eq!(listed("Direction"), keys(Direction::ALL, Direction::key));
        assert_eq!(listed("Binding"), keys(Binding::ALL, Binding::key));
        assert_eq!(listed("GroupKind"), keys(GroupKind::ALL, GroupKind::key));
        assert_eq!(listed("Scale"), keys(&Scale::ALL, Scale::key));
        let statuses: Vec<_> = Scale::ALL.iter().flat_map(|s| s.steps()).copied().collect();
        assert_eq!(listed("Status"), keys(&statuses, crate::domain::model::checklist::Status::key));
        let scopes = [Scope::Workspace, Scope::Region, Scope::Checklists, Scope::Template];
        let scope_keys: Vec<String> = scopes.iter().map(|s| to_json::text(s).trim_matches('"').to_owned()).collect();
        assert_eq!(listed("Scope"), scope_keys);
        assert_eq!(schema["properties"]["schema"]["const"], FILE_SCHEMA);
        assert_eq!(schema["properties"]["format"]["const"], FILE_FORMAT);
        // Every field the envelope is written with is described.
        let file: Value = serde_json::from_str(&encode_file(&header(Scope::Region), &demo_content())).unwrap();
        for key in file.as_object().unwrap().keys() {
            assert!(schema["properties"].get(key).is_some(), "{key} is missing in the schema");
        }
    }
}
