//! `betreiber.json`: what the public body that hosts the build says about
//! itself, for the Impressum, the Datenschutzhinweis and the Erklärung zur
//! Barrierefreiheit. The host edits this one file in the built folder,
//! without rebuilding; every field may be missing, and a missing or unusable
//! value is shown as a marked placeholder, never invented.

use serde_json::{Map, Value};

use crate::domain::rules::fields::{is_valid_email, safe_href, LinkKind};

/// The file's name in the built folder.
pub const FILE_NAME: &str = "betreiber.json";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HostDetails {
    /// "Landkreis Lindenau – Jugendamt"
    pub body: Option<String>,
    /// Postal address, lines separated by "\n".
    pub address: Option<String>,
    /// Who represents the body ("vertreten durch den Landrat …").
    pub represented_by: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Where users report barriers (BITV 2.0 feedback mechanism).
    pub feedback_email: Option<String>,
    /// The host's own Impressum page, if it has one.
    pub impressum_url: Option<String>,
    /// Data protection officer, as the host wants to name them.
    pub data_protection_officer: Option<String>,
    /// The enforcement or arbitration body of the Land, and its page.
    pub enforcement_body: Option<String>,
    pub enforcement_url: Option<String>,
    /// When the accessibility statement was last reviewed, ISO date.
    pub statement_date: Option<String>,
}

/// The details, and a line for each value that was left out and why (for
/// the host, shown on the pages under the placeholders).
pub fn read_host(text: &str) -> (HostDetails, Vec<String>) {
    let mut problems = Vec::new();
    let object = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(object)) => object,
        Ok(_) => {
            problems.push(tr!("host.not_object", file = FILE_NAME));
            Map::new()
        }
        Err(e) => {
            problems.push(tr!("host.not_json", file = FILE_NAME, detail = e));
            Map::new()
        }
    };
    let mut text_of = |key: &str| -> Option<String> {
        match object.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => Some(s.trim().to_owned()),
            Some(_) => {
                problems.push(tr!("host.not_text", file = FILE_NAME, key = key));
                None
            }
        }
    };
    let mut details = HostDetails {
        body: text_of("stelle"),
        address: text_of("anschrift"),
        represented_by: text_of("vertreten_durch"),
        email: text_of("email"),
        phone: text_of("telefon"),
        feedback_email: text_of("barrieren_melden_email"),
        impressum_url: text_of("impressum_url"),
        data_protection_officer: text_of("datenschutzbeauftragte"),
        enforcement_body: text_of("schlichtungsstelle"),
        enforcement_url: text_of("schlichtungsstelle_url"),
        statement_date: text_of("erklaerung_stand"),
    };
    for (key, value) in [("email", &mut details.email), ("barrieren_melden_email", &mut details.feedback_email)] {
        if value.as_deref().is_some_and(|v| !is_valid_email(v)) {
            problems.push(tr!("host.not_email", file = FILE_NAME, key = key));
            *value = None;
        }
    }
    for (key, value) in [("impressum_url", &mut details.impressum_url), ("schlichtungsstelle_url", &mut details.enforcement_url)] {
        if let Some(v) = value.take() {
            match safe_href(LinkKind::Web, &v) {
                Some(href) if href.starts_with("https://") || href.starts_with("http://") => *value = Some(href),
                _ => problems.push(tr!("host.not_link", file = FILE_NAME, key = key)),
            }
        }
    }
    if let Some(date) = details.statement_date.take() {
        match crate::domain::rules::dates::Partial::parse_input(&date) {
            Some(crate::domain::rules::dates::Partial::Day(day)) => details.statement_date = Some(day.iso()),
            _ => problems.push(tr!("host.not_date", file = FILE_NAME, key = "erklaerung_stand")),
        }
    }
    (details, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_has_every_key_and_no_invented_details() {
        let shipped = include_str!("../../../public/betreiber.json");
        let (details, problems) = read_host(shipped);
        assert_eq!(details, HostDetails::default(), "the shipped file names nobody");
        assert!(problems.is_empty(), "{problems:?}");
        let keys: Vec<String> = match serde_json::from_str::<Value>(shipped).unwrap() {
            Value::Object(o) => o.keys().filter(|k| !k.starts_with('_')).cloned().collect(),
            _ => unreachable!(),
        };
        assert_eq!(keys.len(), 11, "every field is there for the host to fill in: {keys:?}");
    }

    #[test]
    fn filled_in_details_are_read_and_unusable_ones_left_out_with_a_reason() {
        let text = r#"{
            "stelle": "Landkreis Lindenau – Jugendamt",
            "anschrift": "Am Markt 1\n12345 Lindenau",
            "email": "netzwerk@lindenau.example",
            "barrieren_melden_email": "keine-adresse",
            "impressum_url": "javascript:alert(1)",
            "schlichtungsstelle_url": "www.schlichtung.example/bitv",
            "erklaerung_stand": "01.09.2026",
            "telefon": 5
        }"#;
        let (details, problems) = read_host(text);
        assert_eq!(details.body.as_deref(), Some("Landkreis Lindenau – Jugendamt"));
        assert_eq!(details.email.as_deref(), Some("netzwerk@lindenau.example"));
        assert_eq!(details.enforcement_url.as_deref(), Some("https://www.schlichtung.example/bitv"));
        assert_eq!(details.statement_date.as_deref(), Some("2026-09-01"));
        assert_eq!((details.feedback_email, details.impressum_url, details.phone), (None, None, None));
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("impressum_url")));
    }

    #[test]
    fn a_broken_file_gives_placeholders_and_says_why() {
        let (details, problems) = read_host("{kaputt");
        assert_eq!(details, HostDetails::default());
        assert!(problems[0].contains("kein gültiges JSON"));
    }
}
