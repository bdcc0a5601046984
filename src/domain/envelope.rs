//! The versioned envelope around everything the app stores in the browser:
//! `{format, schema, saved_at, data}`. Decoding tells apart "not ours",
//! "too new" and "damaged", because each needs a different answer: damaged
//! data is kept aside, newer data is left alone, neither is ever overwritten.

use crate::i18n::t;
use crate::tr;
use serde::Serialize;
use serde_json::Value;

use super::exchange::deserialize_reporting;
use super::model::Workspace;
use super::validate::integrity_problems;

pub const FORMAT: &str = "netzwerkatlas-workspace";
/// The schema this build writes. Raise it with a migration in `migrate`.
pub const SCHEMA_VERSION: u64 = 1;

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'a str,
    schema: u64,
    saved_at: &'a str,
    data: &'a Workspace,
}

/// Serialises the workspace; `saved_at` is an ISO timestamp from the caller.
pub fn encode(workspace: &Workspace, saved_at: &str) -> String {
    let envelope = Envelope { format: FORMAT, schema: SCHEMA_VERSION, saved_at, data: workspace };
    serde_json::to_string(&envelope).expect("plain data always serialises")
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
            DecodeError::NotJson(_) | DecodeError::NotOurs => {
                t("stored.damaged").into()
            }
            DecodeError::NewerSchema { found } => tr!("stored.newer", found = found, known = SCHEMA_VERSION),
            DecodeError::Damaged(_) => {
                t("stored.inconsistent").into()
            }
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

pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    let value: Value = serde_json::from_str(text).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let Value::Object(mut envelope) = value else { return Err(DecodeError::NotOurs) };
    if envelope.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(DecodeError::NotOurs);
    }
    let schema = envelope
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| DecodeError::Damaged("Die Formatversion fehlt.".into()))?;
    if schema > SCHEMA_VERSION {
        return Err(DecodeError::NewerSchema { found: schema });
    }
    let saved_at = envelope.get("saved_at").and_then(Value::as_str).unwrap_or_default().to_owned();
    let data = envelope.remove("data").ok_or_else(|| DecodeError::Damaged("Die Daten fehlen.".into()))?;
    let data = migrate(data, schema)?;
    // Fields this version does not know are dropped, as serde does by default.
    let workspace: Workspace =
        deserialize_reporting(&data, &mut |_| {}).map_err(|e| DecodeError::Damaged(e.to_string()))?;
    let problems = integrity_problems(&workspace);
    if !problems.is_empty() {
        return Err(DecodeError::Damaged(problems.join(" ")));
    }
    Ok(Decoded { workspace, saved_at })
}

/// Brings data of an older schema up to `SCHEMA_VERSION`, one step at a time.
fn migrate(data: Value, from: u64) -> Result<Value, DecodeError> {
    match from {
        SCHEMA_VERSION => Ok(data),
        older => Err(DecodeError::Damaged(format!("Unbekannte Formatversion {older}."))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::demo_workspace;

    #[test]
    fn round_trip_is_exact() {
        let ws = demo_workspace();
        let text = encode(&ws, "2026-11-21T10:00:00Z");
        let decoded = decode(&text).unwrap();
        assert_eq!(decoded.workspace, ws);
        assert_eq!(decoded.saved_at, "2026-11-21T10:00:00Z");
    }

    #[test]
    fn tells_apart_the_ways_data_can_be_wrong() {
        let cases: &[(&str, fn(&DecodeError) -> bool)] = &[
            ("{not json", |e| matches!(e, DecodeError::NotJson(_))),
            ("[1,2]", |e| matches!(e, DecodeError::NotOurs)),
            (r#"{"format":"other","schema":1,"data":{}}"#, |e| matches!(e, DecodeError::NotOurs)),
            (r#"{"format":"netzwerkatlas-workspace","schema":7,"data":{}}"#, |e| {
                matches!(e, DecodeError::NewerSchema { found: 7 })
            }),
            (r#"{"format":"netzwerkatlas-workspace","data":{}}"#, |e| matches!(e, DecodeError::Damaged(_))),
            (r#"{"format":"netzwerkatlas-workspace","schema":1}"#, |e| matches!(e, DecodeError::Damaged(_))),
            (r#"{"format":"netzwerkatlas-workspace","schema":1,"data":{"regions":5}}"#, |e| {
                matches!(e, DecodeError::Damaged(_))
            }),
            (r#"{"format":"netzwerkatlas-workspace","schema":0,"data":{"regions":[]}}"#, |e| {
                matches!(e, DecodeError::Damaged(_))
            }),
        ];
        for (text, expected) in cases {
            let error = decode(text).unwrap_err();
            assert!(expected(&error), "{text}: {error:?}");
            assert!(!error.message().is_empty());
        }
    }

    #[test]
    fn newer_schema_message_names_both_versions() {
        let message = DecodeError::NewerSchema { found: 3 }.message();
        assert!(message.contains("neueren Version") && message.contains('3') && message.contains('1'));
    }

    #[test]
    fn dangling_references_count_as_damage() {
        let mut ws = demo_workspace();
        let gone = ws.regions[0].actors.remove(0).id;
        assert!(ws.regions[0].relations.iter().any(|r| r.touches(&gone)));
        let error = decode(&encode(&ws, "")).unwrap_err();
        assert!(matches!(error, DecodeError::Damaged(ref d) if d.contains("fehlenden Akteur")), "{error:?}");
    }

    #[test]
    fn empty_workspace_is_fine() {
        let ws = Workspace::default();
        assert_eq!(decode(&encode(&ws, "")).unwrap().workspace, ws);
    }
}
