//! When to remind the user of a backup, how full the browser's storage is,
//! and what a backup file holds before it is restored.

use crate::i18n::t;
use crate::tr;
use crate::domain::data::format::{read_file, FileError, Scope};
use crate::domain::model::Workspace;

/// Characters of localStorage a browser gives one origin (Chromium, Firefox).
pub const QUOTA_CHARS: usize = 5_242_880;
/// From this share on the app warns that storage is filling up.
pub const WARN_PERCENT: u32 = 80;
/// Remind of a backup when the last one is older than this.
pub const BACKUP_INTERVAL_DAYS: i64 = 30;
/// …but not in the first days of using the app.
pub const GRACE_DAYS: i64 = 7;

/// Whole percent of the quota, rounded up so that "100 %" means full.
pub fn usage_percent(chars: usize) -> u32 {
    (chars.saturating_mul(100).div_ceil(QUOTA_CHARS)).min(100) as u32
}

/// Whether replacing `old` characters by `new` ones keeps `used` within quota.
pub fn fits(used: usize, old: usize, new: usize) -> bool {
    used.saturating_sub(old).saturating_add(new) <= QUOTA_CHARS
}

/// Days since 1970-01-01 of an ISO date or timestamp ("2026-11-21…").
pub fn day_number(iso: &str) -> Option<i64> {
    let date = iso.get(..10)?;
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Whether to remind of a backup: the app has been in use for a while and
/// the last backup is old or missing.
pub fn backup_due(now: &str, first_saved: Option<&str>, last_backup: Option<&str>) -> bool {
    let (Some(now), Some(first)) = (day_number(now), first_saved.and_then(day_number)) else { return false };
    if now - first < GRACE_DAYS {
        return false;
    }
    match last_backup.and_then(day_number) {
        None => true,
        Some(last) => now - last > BACKUP_INTERVAL_DAYS,
    }
}

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
    pub notes: Vec<String>,
}

/// Reads a backup file (of this version, or of 0.1); the error is a message for the user.
pub fn read_backup(text: &str) -> Result<BackupPreview, String> {
    if text.chars().count() > QUOTA_CHARS {
        return Err(tr!("backup.too_large", max = crate::i18n::number(QUOTA_CHARS)));
    }
    let file = read_file(text).map_err(|e| match e {
        FileError::NotJson(_) | FileError::NotOurs => {
            t("backup.not_backup").to_owned()
        }
        other => other.message(),
    })?;
    if file.header.scope != Scope::Workspace {
        return Err(tr!("backup.is_export", scope = file.header.scope.label()));
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
    use crate::domain::samples::demo::demo_workspace;
    use crate::domain::data::storage::envelope::encode_whole;
    use crate::domain::data::files::export::{export_region, export_workspace, ExportOptions};

    #[test]
    fn usage_and_fit() {
        assert_eq!(usage_percent(0), 0);
        assert_eq!(usage_percent(1), 1, "anything stored shows");
        assert_eq!(usage_percent(QUOTA_CHARS / 2), 50);
        assert_eq!(usage_percent(QUOTA_CHARS * 2), 100);
        assert!(fits(QUOTA_CHARS - 10, 100, 110));
        assert!(!fits(QUOTA_CHARS - 10, 100, 111));
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2026-11-21T10:00:00Z"), Some(20_778));
        assert_eq!(day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(), 2, "leap year");
        assert_eq!(day_number("kaputt"), None);
        assert_eq!(day_number("2026-13-01"), None);
    }

    #[test]
    fn reminder_after_the_grace_period_and_every_month() {
        let now = "2026-11-21T10:00:00Z";
        assert!(!backup_due(now, Some("2026-11-18"), None), "new users are not nagged");
        assert!(backup_due(now, Some("2026-10-01"), None), "never backed up");
        assert!(!backup_due(now, Some("2026-01-01"), Some("2026-11-01")), "recent backup");
        assert!(backup_due(now, Some("2026-01-01"), Some("2026-10-01")), "old backup");
        assert!(!backup_due(now, None, None), "nothing saved yet");
    }

    #[test]
    fn backups_are_read_with_clear_messages() {
        let ws = demo_workspace();
        let preview = read_backup(&export_workspace(&ws, "2026-11-01T08:00:00Z").text).unwrap();
        assert_eq!((preview.regions, preview.actors, preview.relations, preview.checklists), (1, 43, 83, 2));
        assert_eq!(preview.saved_at, "2026-11-01T08:00:00Z");
        assert_eq!(preview.workspace.regions, ws.regions);
        let old = read_backup(&encode_whole(&ws, "2026-10-01T08:00:00Z")).unwrap();
        assert_eq!(old.workspace.regions, ws.regions, "backups of 0.1 still restore");
        let options = ExportOptions { personal_data: true, author: String::new(), now: String::new() };
        let region_file = export_region(&ws.regions[0], &[], &options).text;
        assert!(read_backup(&region_file).unwrap_err().contains("unter „Austausch“ importieren"));
        assert!(read_backup("Hallo").unwrap_err().contains("keine Netzwerkatlas-Sicherung"));
        let newer = r#"{"format":"netzwerkatlas-workspace","schema":5,"data":{}}"#;
        assert!(read_backup(newer).unwrap_err().contains("neueren Version"));
        assert!(read_backup(&"x".repeat(QUOTA_CHARS + 1)).unwrap_err().contains("zu groß"));
    }
}
