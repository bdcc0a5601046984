//! What a backup file holds, read before it replaces the current data.

use crate::domain::data::format::{read_file, FileError, Scope};
use crate::domain::data::storage::quota::QUOTA_CHARS;
use crate::domain::model::Workspace;
use crate::i18n::Message;

/// What a backup file holds, shown before it replaces the current data.
#[derive(Clone, Debug, PartialEq)]
pub struct BackupPreview {
    pub workspace: Workspace,
    pub saved_at: String,
    pub regions: usize,
    pub actors: usize,
    pub relations: usize,
    pub checklists: usize,
    /// What was repaired while reading, in the UI's language.
    pub notes: Vec<Message>,
}

/// Reads a backup file (of this version, or of 0.1); the error is a message for the user.
pub fn read_backup(text: &str) -> Result<BackupPreview, Message> {
    if text.chars().count() > QUOTA_CHARS {
        return Err(Message::new(key!("backup.too_large")).with("max", crate::i18n::number(QUOTA_CHARS)));
    }
    let file = read_file(text).map_err(|e| match e {
        FileError::NotJson { .. } | FileError::NotOurs => Message::new(key!("backup.not_backup")),
        other => other.message(),
    })?;
    if file.header.scope != Scope::Workspace {
        return Err(Message::new(key!("backup.is_export")).with("scope", file.header.scope.label()));
    }
    let content = file.content;
    Ok(BackupPreview {
        saved_at: file.header.exported_at,
        regions: content.regions.len(),
        actors: content.regions.iter().map(|r| r.actors.len()).sum(),
        relations: content.regions.iter().map(|r| r.relations.len()).sum(),
        checklists: content.regions.iter().map(|r| r.checklists.len()).sum(),
        notes: file.notes,
        workspace: Workspace { regions: content.regions, templates: content.templates, active: None },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::files::export::{export, ExportOptions, Format, Source};
    use crate::domain::data::storage::envelope::encode_whole;
    use crate::domain::samples::demo::demo_workspace;

    #[test]
    fn backups_are_read_with_clear_messages() {
        let ws = demo_workspace();
        let preview = read_backup(
            &export(
                Source::Workspace(&ws),
                Format::Netzwerkatlas,
                &ExportOptions { personal_data: true, stichtage: true, author: String::new(), now: "2026-11-01T08:00:00Z".to_string() },
            )
            .unwrap()
            .text,
        )
        .unwrap();
        assert_eq!((preview.regions, preview.actors, preview.relations, preview.checklists), (1, 43, 83, 2));
        assert_eq!(preview.saved_at, "2026-11-01T08:00:00Z");
        assert_eq!(preview.workspace.regions, ws.regions);
        let old = read_backup(&encode_whole(&ws, "2026-10-01T08:00:00Z")).unwrap();
        assert_eq!(old.workspace.regions, ws.regions, "backups of 0.1 still restore");
        let options = ExportOptions { personal_data: true, stichtage: true, author: String::new(), now: String::new() };
        let region_file = export(Source::Region { region: &ws.regions[0], templates: &[] }, Format::Netzwerkatlas, &options).unwrap().text;
        assert!(read_backup(&region_file).unwrap_err().text().contains("unter „Austausch“ importieren"));
        assert!(read_backup("Hallo").unwrap_err().text().contains("keine Netzwerkatlas-Sicherung"));
        let newer = r#"{"format":"netzwerkatlas-workspace","schema":5,"data":{}}"#;
        assert!(read_backup(newer).unwrap_err().text().contains("neueren Version"));
        assert!(read_backup(&"x".repeat(QUOTA_CHARS + 1)).unwrap_err().text().contains("zu groß"));
    }
}
