//! Numbers and dates as readers of the current language write them.

use super::{lang, Lang};

/// "1.234.567" in German, "1,234,567" in English.
pub fn number(n: usize) -> String {
    let separator = match lang() {
        Lang::De => '.',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A count of tenths with one decimal: 53 → "5,3" in German, "5.3" in
/// English; with `whole_plain`, whole numbers drop the decimal (50 → "5").
pub fn tenths(tenths: i64, whole_plain: bool) -> String {
    if whole_plain && tenths % 10 == 0 {
        return (tenths / 10).to_string();
    }
    let separator = match lang() {
        Lang::De => ',',
        Lang::En => '.',
    };
    format!("{}{separator}{}", tenths / 10, tenths % 10)
}

const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Year, month, day of "2026-12-03" or an ISO timestamp.
fn ymd(iso: &str) -> Option<(&str, usize, &str)> {
    let mut parts = iso.get(..10)?.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let month: usize = m.parse().ok()?;
    let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    (digits(y, 4) && digits(m, 2) && digits(d, 2) && (1..=12).contains(&month)).then_some((y, month, d))
}

/// "2026-12-03" (or a timestamp) → "03.12.2026" / "3 Dec 2026"; anything
/// else is shown as it is.
pub fn date(iso: &str) -> String {
    date_in(lang(), iso)
}

/// `date` in a given language, whatever the UI's (German for CSV files).
pub fn date_in(lang: Lang, iso: &str) -> String {
    let Some((y, m, d)) = ymd(iso) else { return iso.to_owned() };
    match lang {
        Lang::De => format!("{d}.{m:02}.{y}"),
        Lang::En => format!("{} {} {y}", d.trim_start_matches('0'), MONTHS_EN[m - 1]),
    }
}

/// A local date and time: "21.11.2026, 10:40" / "21 Nov 2026, 10:40".
pub fn timestamp(year: u32, month: u32, day: u32, hour: u32, minute: u32) -> String {
    let iso = format!("{year:04}-{month:02}-{day:02}");
    format!("{}, {hour:02}:{minute:02}", date(&iso))
}

#[cfg(test)]
mod tests {
    use super::super::set_lang;
    use super::*;

    #[test]
    fn german_then_english_numbers_and_dates() {
        set_lang(Lang::De);
        assert_eq!(number(1_234_567), "1.234.567");
        assert_eq!(number(999), "999");
        assert_eq!(tenths(53, false), "5,3");
        assert_eq!(tenths(50, false), "5,0");
        assert_eq!(tenths(50, true), "5");
        assert_eq!(date("2026-12-03"), "03.12.2026");
        assert_eq!(date("2026-12-03T10:00:00Z"), "03.12.2026");
        assert_eq!(timestamp(2026, 11, 21, 9, 5), "21.11.2026, 09:05");
        set_lang(Lang::En);
        assert_eq!(number(1_234_567), "1,234,567");
        assert_eq!(tenths(53, true), "5.3");
        assert_eq!(date_in(Lang::De, "2026-12-03"), "03.12.2026");
        assert_eq!(date("2026-12-03"), "3 Dec 2026");
        assert_eq!(timestamp(2026, 11, 21, 9, 5), "21 Nov 2026, 09:05");
        set_lang(Lang::De);
    }

    #[test]
    fn what_is_not_a_date_stays_as_it_is() {
        for text in ["", "bald", "2026-13-01", "26-12-03", "2026-1-03x"] {
            assert_eq!(date(text), text);
        }
    }
}
