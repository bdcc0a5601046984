//! Every version step of every envelope the app reads, as one ordered list
//! (in the manner of tldraw's `migrate.ts`): a step names the envelope, the
//! version it reads and what it does; running them fails with a named reason
//! that the caller turns into a message for the user.
//!
//! Both version 1s are the same thing, the backup of Netzwerkatlas 0.1
//! (`{format: "netzwerkatlas-workspace", schema: 1, saved_at, data}`): a file
//! of that shape becomes a file envelope, stored data of that shape keeps its
//! workspace under `whole` until the next save writes it in parts.

use serde_json::{Map, Value};

/// Which envelope a step belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Envelope {
    /// Files that travel between Kommunen (`data::format`).
    File,
    /// The app's own data in the browser (`data::storage::envelope`).
    Storage,
}

/// One step: reads version `from` of `envelope`, returns version `from + 1`.
pub struct Migration {
    pub envelope: Envelope,
    pub from: u64,
    pub name: &'static str,
    pub up: fn(Map<String, Value>) -> Result<Map<String, Value>, String>,
}

/// The steps, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    Migration { envelope: Envelope::File, from: 1, name: "0.1 backup to file envelope", up: backup_to_file },
    Migration { envelope: Envelope::Storage, from: 1, name: "0.1 backup to stored whole", up: backup_to_stored_whole },
    // Version 3 adds Stichtage (regions may hold `stichtage`; stored data may
    // name a part for them). What version 2 wrote has none and reads as is;
    // the step exists so that a version-2 app refuses what may hold them,
    // rather than dropping them on its next save.
    Migration { envelope: Envelope::File, from: 2, name: "2 to 3: Stichtage", up: unchanged },
    Migration { envelope: Envelope::Storage, from: 2, name: "2 to 3: Stichtage", up: unchanged },
    // Version 4 adds reports (regions may hold `reports`), for the same reason.
    Migration { envelope: Envelope::File, from: 3, name: "3 to 4: reports", up: unchanged },
    Migration { envelope: Envelope::Storage, from: 3, name: "3 to 4: reports", up: unchanged },
    // Version 5 adds the Tätigkeitsjournal (regions may hold `journal`).
    Migration { envelope: Envelope::File, from: 4, name: "4 to 5: journal", up: unchanged },
    Migration { envelope: Envelope::Storage, from: 4, name: "4 to 5: journal", up: unchanged },
    // Version 6 adds programmes with their Bausteine, and journal entries may name programmes.
    Migration { envelope: Envelope::File, from: 5, name: "5 to 6: programmes", up: unchanged },
    Migration { envelope: Envelope::Storage, from: 5, name: "5 to 6: programmes", up: unchanged },
];

/// Why an envelope could not be brought up to date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MigrationError {
    /// Written by a newer version of the app.
    TooNew { found: u64 },
    /// No step reads this version (older than anything the app ever wrote).
    Unknown { found: u64 },
    /// A step ran and could not read what it found.
    Failed { step: &'static str, reason: String },
}

/// Brings `value` from version `from` to `to`, one step at a time.
pub fn migrate(envelope: Envelope, mut value: Map<String, Value>, from: u64, to: u64) -> Result<Map<String, Value>, MigrationError> {
    if from > to {
        return Err(MigrationError::TooNew { found: from });
    }
    for version in from..to {
        let step =
            MIGRATIONS.iter().find(|m| m.envelope == envelope && m.from == version).ok_or(MigrationError::Unknown { found: version })?;
        value = (step.up)(value).map_err(|reason| MigrationError::Failed { step: step.name, reason })?;
    }
    Ok(value)
}

/// The workspace of a 0.1 backup, without the active region (a file does not
/// carry which region was open).
fn backup_data(old: &Map<String, Value>) -> Result<Map<String, Value>, String> {
    match old.get("data") {
        Some(Value::Object(data)) => Ok(data.clone()),
        _ => Err("Die Daten (data) fehlen.".into()),
    }
}

fn backup_to_file(old: Map<String, Value>) -> Result<Map<String, Value>, String> {
    let mut data = backup_data(&old)?;
    data.remove("active");
    let mut envelope = Map::new();
    envelope.insert("scope".into(), Value::from("workspace"));
    envelope.insert("app_version".into(), Value::from("0.1"));
    envelope.insert("exported_at".into(), old.get("saved_at").cloned().unwrap_or_else(|| Value::from("")));
    envelope.insert("region".into(), Value::Null);
    envelope.insert("personal_data".into(), Value::Bool(true));
    envelope.insert("content".into(), Value::Object(data));
    Ok(envelope)
}

fn unchanged(envelope: Map<String, Value>) -> Result<Map<String, Value>, String> {
    Ok(envelope)
}

fn backup_to_stored_whole(mut old: Map<String, Value>) -> Result<Map<String, Value>, String> {
    let data = backup_data(&old)?;
    old.remove("data");
    old.insert("whole".into(), Value::Object(data));
    Ok(old)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => unreachable!(),
        }
    }

    #[test]
    fn each_envelope_has_one_step_per_version_and_no_gaps() {
        for envelope in [Envelope::File, Envelope::Storage] {
            let mut froms: Vec<u64> = MIGRATIONS.iter().filter(|m| m.envelope == envelope).map(|m| m.from).collect();
            froms.sort();
            let expected: Vec<u64> = (1..=froms.len() as u64).collect();
            assert_eq!(froms, expected, "{envelope:?}");
        }
    }

    #[test]
    fn failures_are_named() {
        let old = object(json!({"format": "netzwerkatlas-workspace", "schema": 1}));
        assert_eq!(migrate(Envelope::File, old.clone(), 3, 2), Err(MigrationError::TooNew { found: 3 }));
        assert_eq!(migrate(Envelope::File, old.clone(), 0, 2), Err(MigrationError::Unknown { found: 0 }));
        let Err(MigrationError::Failed { step, reason }) = migrate(Envelope::File, old, 1, 2) else { panic!() };
        assert_eq!(step, "0.1 backup to file envelope");
        assert!(reason.contains("data"), "{reason}");
    }

    #[test]
    fn the_same_backup_becomes_a_file_or_a_stored_whole() {
        let old = object(
            json!({"format": "netzwerkatlas-workspace", "schema": 1, "saved_at": "2026-01-02", "data": {"regions": [], "active": "r1"}}),
        );
        let file = migrate(Envelope::File, old.clone(), 1, 2).unwrap();
        assert_eq!(file["content"], json!({"regions": []}));
        assert_eq!(file["exported_at"], json!("2026-01-02"));
        let stored = migrate(Envelope::Storage, old, 1, 2).unwrap();
        assert_eq!(stored["whole"], json!({"regions": [], "active": "r1"}), "storage keeps the active region");
        assert!(!stored.contains_key("data"));
    }

    #[test]
    fn the_current_version_passes_unchanged() {
        let current = object(json!({"schema": 6, "x": 1}));
        assert_eq!(migrate(Envelope::Storage, current.clone(), 6, 6).unwrap(), current);
    }

    #[test]
    fn versions_2_to_5_read_as_version_6() {
        use crate::domain::data::format::{read_file, FILE_SCHEMA};
        use crate::domain::samples::demo::demo_file;
        // The demo as version 2 wrote it: the same content, schema 2.
        let mut file: Value = serde_json::from_str(&demo_file()).unwrap();
        file["schema"] = json!(2);
        let read = read_file(&file.to_string()).unwrap();
        assert_eq!(FILE_SCHEMA, 6);
        assert!(read.content.regions.iter().all(|r| r.stichtage.is_empty() && r.reports.is_empty()));
        for version in [3, 4, 5] {
            file["schema"] = json!(version);
            assert_eq!(read_file(&file.to_string()).unwrap().content, read.content);
        }
        assert_eq!(
            read.content.regions[0].actors.len(),
            serde_json::from_str::<Value>(&demo_file()).unwrap()["content"]["regions"][0]["actors"].as_array().unwrap().len()
        );
        let stored =
            object(json!({"format": "netzwerkatlas-workspace", "schema": 2, "saved_at": "x", "parts": {"workspace": "a", "regions": []}}));
        assert_eq!(migrate(Envelope::Storage, stored.clone(), 2, 6).unwrap(), stored);
    }
}
