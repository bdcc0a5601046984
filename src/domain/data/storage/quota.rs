//! How full the browser's storage is, and when to remind the user of a backup.

use crate::domain::rules::dates::Day;

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
fn day_number(iso: &str) -> Option<i64> {
    Day::from_timestamp(iso).map(Day::day_number)
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn reminder_after_the_grace_period_and_every_month() {
        let now = "2026-11-21T10:00:00Z";
        assert!(!backup_due(now, Some("2026-11-18"), None), "new users are not nagged");
        assert!(backup_due(now, Some("2026-10-01"), None), "never backed up");
        assert!(!backup_due(now, Some("2026-01-01"), Some("2026-11-01")), "recent backup");
        assert!(backup_due(now, Some("2026-01-01"), Some("2026-10-01")), "old backup");
        assert!(!backup_due(now, None, None), "nothing saved yet");
    }
}
