//! The versioned envelope around everything the app stores in the browser:
//! `{format, schema, saved_at, …}`. Decoding tells apart "not ours",
//! "too new" and "damaged", because each needs a different answer: damaged
//! data is kept aside, newer data is left alone, neither is ever overwritten.
//!
//! Schema 2 (this version) holds a manifest of parts (see `parts`); schema 1
//! held the whole workspace under `data`, and is still read (`data::migrate`).

use serde_json::Value;

use crate::domain::data::to_json::ToJson;

use crate::domain::data::from_json::FromJson;

use crate::domain::data::decode::deserialize;
use crate::domain::data::migrate::{migrate, Envelope, MigrationError};
use crate::domain::model::Workspace;
use crate::domain::rules::integrity::integrity_problems;

pub const FORMAT: &str = "netzwerkatlas-workspace";
/// The schema this build writes. Raise it with a step in `data::migrate`.
pub const SCHEMA_VERSION: u64 = 6;
/// The schema that held the whole workspace in one value.
#[cfg(test)]
const WHOLE_SCHEMA: u64 = 1;

/// The workspace in one value, as versions before storage in parts kept it
/// (and as 0.1 backup files hold it); tests build old data with it.
#[cfg(test)]
pub fn encode_whole(workspace: &Workspace, saved_at: &str) -> String {
    serde_json::json!({ "format": FORMAT, "schema": WHOLE_SCHEMA, "saved_at": saved_at, "data": workspace }).to_string()
}

/// Which parts make up the workspace, in order.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, Default, PartialEq, ToJson, FromJson)]
pub struct Manifest {
    /// The workspace without its regions.
    pub workspace: String,
    pub regions: Vec<RegionParts>,
}

/// One region: its head (everything but the long lists) and the parts of each list.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, Default, PartialEq, ToJson, FromJson)]
pub struct RegionParts {
    pub region: String,
    pub actors: Vec<String>,
    pub relations: Vec<String>,
    pub checklists: Vec<String>,
    /// The Stichtage, as changes against the region (schema 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stichtage: Option<String>,
}

impl Manifest {
    /// Every part name, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.workspace.as_str()).chain(self.regions.iter().flat_map(|r| {
            std::iter::once(r.region.as_str())
                .chain(r.actors.iter().map(String::as_str))
                .chain(r.relations.iter().map(String::as_str))
                .chain(r.checklists.iter().map(String::as_str))
                .chain(r.stichtage.as_deref())
        }))
    }
}

/// What is written under the slot key: the envelope around the manifest.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(ToJson)]
pub struct ManifestEnvelope<'a> {
    pub format: &'a str,
    pub schema: u64,
    pub saved_at: &'a str,
    pub parts: &'a Manifest,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    NotJson(String),
    NotOurs,
    NewerSchema { found: u64 },
    Damaged(String),
}

impl DecodeError {
    /// What the user reads, in the UI's language.
    pub fn message(&self) -> String {
        match self {
            DecodeError::NotJson(_) | DecodeError::NotOurs => t!("stored.damaged").into(),
            DecodeError::NewerSchema { found } => tr!("stored.newer", found = found, known = SCHEMA_VERSION),
            DecodeError::Damaged(_) => t!("stored.inconsistent").into(),
        }
    }

    /// Technical detail for the curious and for support.
    pub fn detail(&self) -> String {
        match self {
            DecodeError::NotJson(e) | DecodeError::Damaged(e) => e.clone(),
            DecodeError::NotOurs => "Kein Netzwerkatlas-Format.".into(),
            DecodeError::NewerSchema { found } => format!("schema {found} > {SCHEMA_VERSION}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub workspace: Workspace,
    pub saved_at: String,
}

/// What a slot holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// The whole workspace (schema 1).
    Whole(Decoded),
    /// A manifest; the parts it names are read with `parts::assemble`.
    Parts { manifest: Manifest, saved_at: String },
}

pub fn decode(text: &str) -> Result<Stored, DecodeError> {
    let value: Value = serde_json::from_str(text).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let Value::Object(envelope) = value else { return Err(DecodeError::NotOurs) };
    if envelope.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(DecodeError::NotOurs);
    }
    let schema = envelope.get("schema").and_then(Value::as_u64).ok_or_else(|| DecodeError::Damaged("Die Formatversion fehlt.".into()))?;
    let saved_at = envelope.get("saved_at").and_then(Value::as_str).unwrap_or_default().to_owned();
    let mut envelope = migrate(Envelope::Storage, envelope, schema, SCHEMA_VERSION).map_err(|e| match e {
        MigrationError::TooNew { found } => DecodeError::NewerSchema { found },
        MigrationError::Unknown { found } => DecodeError::Damaged(format!("Unbekannte Formatversion {found}.")),
        MigrationError::Failed { reason, .. } => DecodeError::Damaged(reason),
    })?;
    if let Some(parts) = envelope.remove("parts") {
        let manifest = deserialize(&parts).map_err(|e| DecodeError::Damaged(format!("Teile: {e}")))?;
        return Ok(Stored::Parts { manifest, saved_at });
    }
    // Data of schema 1, migrated: the whole workspace in one value. Fields
    // this version does not know are dropped, as serde does by default.
    let whole = envelope.remove("whole").ok_or_else(|| DecodeError::Damaged("Die Liste der Teile fehlt.".into()))?;
    let workspace: Workspace = deserialize(&whole).map_err(|e| DecodeError::Damaged(e.to_string()))?;
    let problems = integrity_problems(&workspace);
    if !problems.is_empty() {
        return Err(DecodeError::Damaged(problems.join(" ")));
    }
    Ok(Stored::Whole(Decoded { workspace, saved_at }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::samples::demo::demo_workspace;

    fn whole(text: &str) -> Decoded {
        match decode(text).unwrap() {
            Stored::Whole(decoded) => decoded,
            other => panic!("expected the whole workspace, got {other:?}"),
        }
    }

    #[test]
    fn data_stored_whole_by_earlier_versions_is_read() {
        let ws = demo_workspace();
        let decoded = whole(&encode_whole(&ws, "2026-11-21T10:00:00Z"));
        assert_eq!(decoded.workspace, ws);
        assert_eq!(decoded.saved_at, "2026-11-21T10:00:00Z");
    }

    #[test]
    fn a_manifest_is_read_as_parts() {
        let text = r#"{"format":"netzwerkatlas-workspace","schema":2,"saved_at":"x","parts":{"workspace":"a","regions":[]}}"#;
        let Stored::Parts { manifest, saved_at } = decode(text).unwrap() else { panic!() };
        assert_eq!((manifest.workspace.as_str(), saved_at.as_str()), ("a", "x"));
        let no_parts = r#"{"format":"netzwerkatlas-workspace","schema":2,"data":{}}"#;
        assert!(matches!(decode(no_parts), Err(DecodeError::Damaged(_))));
    }

    #[test]
    fn tells_apart_the_ways_data_can_be_wrong() {
        let cases: &[(&str, fn(&DecodeError) -> bool)] = &[
            ("{not json", |e| matches!(e, DecodeError::NotJson(_))),
            ("[1,2]", |e| matches!(e, DecodeError::NotOurs)),
            (r#"{"format":"other","schema":1,"data":{}}"#, |e| matches!(e, DecodeError::NotOurs)),
            (r#"{"format":"netzwerkatlas-workspace","schema":7,"parts":{}}"#, |e| matches!(e, DecodeError::NewerSchema { found: 7 })),
            (r#"{"format":"netzwerkatlas-workspace","data":{}}"#, |e| matches!(e, DecodeError::Damaged(_))),
            (r#"{"format":"netzwerkatlas-workspace","schema":1}"#, |e| matches!(e, DecodeError::Damaged(_))),
            (r#"{"format":"netzwerkatlas-workspace","schema":1,"data":{"regions":5}}"#, |e| matches!(e, DecodeError::Damaged(_))),
            (r#"{"format":"netzwerkatlas-workspace","schema":0,"data":{"regions":[]}}"#, |e| matches!(e, DecodeError::Damaged(_))),
        ];
        for (text, expected) in cases {
            let error = decode(text).unwrap_err();
            assert!(expected(&error), "{text}: {error:?}");
            // A sentence from the catalogue; a missing key would show as the bare key.
            assert!(error.message().contains(' '), "{:?} reads {:?}", error, error.message());
        }
    }

    #[test]
    fn newer_schema_message_names_both_versions() {
        let message = DecodeError::NewerSchema { found: 7 }.message();
        assert!(message.contains("neueren Version") && message.contains('7') && message.contains('6'));
    }

    #[test]
    fn dangling_references_count_as_damage() {
        let mut ws = demo_workspace();
        let gone = ws.regions[0].actors.remove(0).id;
        assert!(ws.regions[0].relations.iter().any(|r| r.touches(&gone)));
        let error = decode(&encode_whole(&ws, "")).unwrap_err();
        assert!(matches!(error, DecodeError::Damaged(ref d) if d.contains("fehlenden Akteur")), "{error:?}");
    }

    #[test]
    fn empty_workspace_is_fine() {
        let ws = Workspace::default();
        assert_eq!(whole(&encode_whole(&ws, "")).workspace, ws);
    }
}
