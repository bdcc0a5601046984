//! The one place dates are read and written. Data keeps ISO dates
//! ("2019-09-01", or as coarse as the user knew: "2019-09", "2019"); people
//! type and read them as their language writes them: "01.09.2019",
//! "09.2019" in German, "1 Sep 2019" in English.

use crate::i18n::{lang, text_in, Lang};

const MONTHS_FULL_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// A calendar day that exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// A date as precise as it was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Partial {
    Year(i32),
    Month(i32, u32),
    Day(Day),
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

fn digits(text: &str, min: usize, max: usize) -> Option<u32> {
    (min..=max).contains(&text.len()).then_some(())?;
    text.bytes().all(|b| b.is_ascii_digit()).then(|| text.parse().ok())?
}

impl Day {
    /// The day, if it exists (no 31 April, no 29 February 2026).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        ((1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month)).then_some(Day { year, month, day })
    }

    /// Exactly "2024-06-17".
    pub fn parse_iso(text: &str) -> Option<Day> {
        let mut parts = text.trim().split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        Day::new(digits(y, 4, 4)? as i32, digits(m, 2, 2)?, digits(d, 2, 2)?)
    }

    /// The day of an ISO date or timestamp ("2026-11-21T10:00:00Z").
    pub fn from_timestamp(text: &str) -> Option<Day> {
        Day::parse_iso(text.get(..10)?)
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    pub fn day_number(self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

/// Seconds since 1970 of an ISO timestamp ("2026-11-21T10:00:05.123Z", UTC).
pub fn seconds(iso: &str) -> Option<i64> {
    let day = Day::from_timestamp(iso)?;
    let time = iso.get(11..19)?;
    let mut parts = time.split(':').map(|p| digits(p, 2, 2));
    let (h, m, s) = (parts.next()??, parts.next()??, parts.next()??);
    (h < 24 && m < 60 && s < 61).then(|| day.day_number() * 86_400 + i64::from(h * 3_600 + m * 60 + s))
}

impl Partial {
    /// "2019", "2019-09" or "2019-09-01".
    pub fn parse_iso(text: &str) -> Option<Partial> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        match parts.as_slice() {
            [y] => Some(Partial::Year(digits(y, 4, 4)? as i32)),
            [y, m] => {
                let month = digits(m, 2, 2)?;
                (1..=12).contains(&month).then_some(Partial::Month(digits(y, 4, 4)? as i32, month))
            }
            [_, _, _] => Day::parse_iso(text).map(Partial::Day),
            _ => None,
        }
    }

    /// What a person types: ISO as above, German "01.09.2019",
    /// "1.9.2019", "09.2019", "9.2019", "2019", or English as `show_in`
    /// writes it, "1 Sep 2019", "Sep 2019".
    pub fn parse_input(text: &str) -> Option<Partial> {
        let text = text.trim();
        if text.contains(' ') {
            return Partial::parse_english(text);
        }
        if !text.contains('.') {
            return Partial::parse_iso(text);
        }
        let parts: Vec<&str> = text.split('.').collect();
        match parts.as_slice() {
            [m, y] => {
                let month = digits(m, 1, 2)?;
                (1..=12).contains(&month).then_some(Partial::Month(digits(y, 4, 4)? as i32, month))
            }
            [d, m, y] => Day::new(digits(y, 4, 4)? as i32, digits(m, 1, 2)?, digits(d, 1, 2)?).map(Partial::Day),
            _ => None,
        }
    }

    fn parse_english(text: &str) -> Option<Partial> {
        // "Sep", "Sept", "September"; at least three letters.
        let month = |name: &str| {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            let at = MONTHS_FULL_EN.iter().position(|m| name.len() >= 3 && m.to_ascii_lowercase().starts_with(&name))?;
            Some(at as u32 + 1)
        };
        let parts: Vec<&str> = text.split_whitespace().collect();
        match parts.as_slice() {
            [m, y] => Some(Partial::Month(digits(y, 4, 4)? as i32, month(m)?)),
            [d, m, y] => Day::new(digits(y, 4, 4)? as i32, month(m)?, digits(d, 1, 2)?).map(Partial::Day),
            _ => None,
        }
    }

    pub fn iso(self) -> String {
        match self {
            Partial::Year(y) => format!("{y:04}"),
            Partial::Month(y, m) => format!("{y:04}-{m:02}"),
            Partial::Day(day) => day.iso(),
        }
    }

    /// As `lang` writes it: "01.09.2019" / "1 Sep 2019", "09.2019" / "Sep 2019"
    /// (the patterns are texts of the catalogue, so each language has its own).
    pub fn show_in(self, lang: Lang) -> String {
        match self {
            Partial::Year(y) => format!("{y}"),
            Partial::Month(y, m) => by_pattern(lang, text_in(lang, key!("format.date_month")), y, m, 1),
            Partial::Day(d) => by_pattern(lang, text_in(lang, key!("format.date_day")), d.year, d.month, d.day),
        }
    }
}

/// A date pattern filled: YYYY year, MMM short month name, MM/DD with two
/// digits, M/D without; every other character as it is.
fn by_pattern(lang: Lang, pattern: &str, year: i32, month: u32, day: u32) -> String {
    let mut out = String::with_capacity(pattern.len() + 4);
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        let run = rest.len() - rest.trim_start_matches(c).len();
        let (token, after) = rest.split_at(if matches!(c, 'Y' | 'M' | 'D') { run.min(4) } else { c.len_utf8() });
        match token {
            "YYYY" => out.push_str(&year.to_string()),
            "MMM" => {
                out.push_str(text_in(lang, key!("format.months_short")).split_whitespace().nth(month as usize - 1).unwrap_or_default())
            }
            "MM" => out.push_str(&format!("{month:02}")),
            "M" => out.push_str(&month.to_string()),
            "DD" => out.push_str(&format!("{day:02}")),
            "D" => out.push_str(&day.to_string()),
            other => out.push_str(other),
        }
        rest = after;
    }
    out
}

/// Typed input → the ISO form data keeps; empty stays empty, anything
/// unreadable is returned unchanged so the form check can name it.
pub fn input_to_iso(text: &str) -> String {
    match Partial::parse_input(text) {
        Some(date) => date.iso(),
        None => text.trim().to_owned(),
    }
}

/// A day as typed (German, English or ISO) → its ISO form; empty → empty;
/// `None` for anything that is not one existing day.
pub fn day_input_to_iso(text: &str) -> Option<String> {
    match Partial::parse_input(text) {
        _ if text.trim().is_empty() => Some(String::new()),
        Some(Partial::Day(day)) => Some(day.iso()),
        _ => None,
    }
}

/// An ISO date, month, year or timestamp in the UI's language; anything else
/// is shown as it is.
pub fn show(iso: &str) -> String {
    show_in(lang(), iso)
}

/// `show` in a given language, whatever the UI's (German for CSV files).
pub fn show_in(lang: Lang, iso: &str) -> String {
    let date = Day::from_timestamp(iso).map(Partial::Day).or_else(|| Partial::parse_iso(iso));
    date.map_or_else(|| iso.to_owned(), |d| d.show_in(lang))
}

/// A local date and time: "21.11.2026, 10:40" / "21 Nov 2026, 10:40".
pub fn timestamp(year: u32, month: u32, day: u32, hour: u32, minute: u32) -> String {
    let iso = format!("{year:04}-{month:02}-{day:02}");
    format!("{}, {hour:02}:{minute:02}", show(&iso))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::set_lang;

    #[test]
    fn only_days_that_exist() {
        for ok in ["2024-02-29", "2026-12-31", "2026-01-01"] {
            assert!(Day::parse_iso(ok).is_some(), "{ok}");
        }
        for bad in ["2026-02-29", "2026-02-31", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-01", "26-01-01", "2026-01-01x", ""] {
            assert!(Day::parse_iso(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn day_numbers() {
        let n = |s| Day::from_timestamp(s).map(Day::day_number);
        assert_eq!(n("1970-01-01"), Some(0));
        assert_eq!(n("2026-11-21T10:00:00Z"), Some(20_778));
        assert_eq!(n("2024-03-01").unwrap() - n("2024-02-28").unwrap(), 2, "leap year");
        assert_eq!(n("kaputt"), None);
        assert_eq!(n("2026-13-01"), None);
        assert_eq!(n("2026-02-31"), None, "no 31 February");
    }

    #[test]
    fn seconds_of_timestamps() {
        assert_eq!(seconds("1970-01-01T00:01:05Z"), Some(65));
        assert_eq!(seconds("2026-12-02T00:00:10.000Z").unwrap() - seconds("2026-12-01T23:59:50.000Z").unwrap(), 20, "across midnight");
        assert_eq!(seconds("2026-12-02"), None);
        assert_eq!(seconds("2026-12-02T25:00:00Z"), None);
    }

    #[test]
    fn german_and_iso_input() {
        let cases = [
            ("01.09.2019", Some("2019-09-01")),
            ("1.9.2019", Some("2019-09-01")),
            ("09.2019", Some("2019-09")),
            ("9.2019", Some("2019-09")),
            ("2019", Some("2019")),
            ("2019-09", Some("2019-09")),
            ("2019-09-01", Some("2019-09-01")),
            (" 31.12.2026 ", Some("2026-12-31")),
            ("31.02.2026", None),
            ("13.2019", None),
            ("1.9.19", None),
            ("2019-13", None),
            ("gestern", None),
            ("1 Sep 2019", Some("2019-09-01")),
            ("Sep 2019", Some("2019-09")),
            ("3 december 2026", Some("2026-12-03")),
            ("30 Feb 2026", None),
            ("1 Sepx 2019", None),
            ("1 Se 2019", None),
        ];
        for (text, iso) in cases {
            assert_eq!(Partial::parse_input(text).map(Partial::iso).as_deref(), iso, "{text}");
        }
        assert_eq!(input_to_iso("01.09.2019"), "2019-09-01");
        assert_eq!(input_to_iso(" "), "");
        assert_eq!(input_to_iso("bald"), "bald");
        assert_eq!(day_input_to_iso("31.01.2020").as_deref(), Some("2020-01-31"));
        assert_eq!(day_input_to_iso(" ").as_deref(), Some(""));
        assert_eq!(day_input_to_iso("01.2020"), None, "a month is not a day");
        assert_eq!(day_input_to_iso("30.02.2020"), None);
        // What `show` writes reads back, in each language.
        for iso in ["2019", "2019-09", "2019-09-01", "2026-12-31"] {
            let date = Partial::parse_iso(iso).unwrap();
            for lang in Lang::all() {
                assert_eq!(Partial::parse_input(&date.show_in(lang)), Some(date), "{iso} in {lang:?}");
            }
        }
    }

    #[test]
    fn shown_in_each_language() {
        set_lang(Lang::GERMAN);
        assert_eq!(show("2026-12-03"), "03.12.2026");
        assert_eq!(show("2026-12-03T10:00:00Z"), "03.12.2026");
        assert_eq!(show("2021-03"), "03.2021");
        assert_eq!(show("2021"), "2021");
        assert_eq!(timestamp(2026, 11, 21, 9, 5), "21.11.2026, 09:05");
        set_lang(Lang::parse("en").unwrap());
        assert_eq!(show("2026-12-03"), "3 Dec 2026");
        assert_eq!(show("2021-03"), "Mar 2021");
        assert_eq!(show_in(Lang::GERMAN, "2026-12-03"), "03.12.2026");
        assert_eq!(timestamp(2026, 11, 21, 9, 5), "21 Nov 2026, 09:05");
        set_lang(Lang::GERMAN);
    }

    #[test]
    fn what_is_not_a_date_stays_as_it_is() {
        for text in ["", "bald", "2026-13-01", "26-12-03", "2026-1-03x", "2026-02-31"] {
            assert_eq!(show(text), text);
        }
    }
}
