//! Which column of a list holds what: the header row found (also below a
//! title row), and each heading matched to a field of an actor by the
//! words German lists use ("Einrichtung", "Ansprechpartner/in", "Tel.").

use crate::domain::data::lists::table::Table;
use crate::domain::rules::text::fold;
use crate::i18n::t;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Kind,
    Traeger,
    Rechtskreise,
    Sozialraeume,
    TargetGroups,
    Offers,
    Website,
    Tags,
    Notes,
    /// Netzwerkatlas's own column: one line per person, "Name (Funktion, E-Mail, Telefon)".
    ContactLines,
    ContactName,
    ContactRole,
    ContactEmail,
    ContactPhone,
    /// The actor's ID, as Netzwerkatlas writes it: a second import matches by it.
    Id,
    Ignored,
}

impl Field {
    /// Every field a column can be given, in the order the mapping offers them.
    pub const ALL: [Field; 17] = [
        Field::Name,
        Field::Kind,
        Field::Traeger,
        Field::Rechtskreise,
        Field::Sozialraeume,
        Field::TargetGroups,
        Field::Offers,
        Field::Website,
        Field::Tags,
        Field::Notes,
        Field::ContactLines,
        Field::ContactName,
        Field::ContactRole,
        Field::ContactEmail,
        Field::ContactPhone,
        Field::Id,
        Field::Ignored,
    ];

    /// The stable key used in form values and message catalogues.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Kind => "kind",
            Field::Traeger => "traeger",
            Field::Rechtskreise => "rechtskreise",
            Field::Sozialraeume => "sozialraeume",
            Field::TargetGroups => "target_groups",
            Field::Offers => "offers",
            Field::Website => "website",
            Field::Tags => "tags",
            Field::Notes => "notes",
            Field::ContactLines => "contact_lines",
            Field::ContactName => "contact_name",
            Field::ContactRole => "contact_role",
            Field::ContactEmail => "contact_email",
            Field::ContactPhone => "contact_phone",
            Field::Id => "id",
            Field::Ignored => "ignored",
        }
    }

    /// The name the column mapping shows.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => t("list.field.name"),
            Field::Kind => t("list.field.kind"),
            Field::Traeger => t("list.field.traeger"),
            Field::Rechtskreise => t("list.field.rechtskreise"),
            Field::Sozialraeume => t("list.field.sozialraeume"),
            Field::TargetGroups => t("list.field.target_groups"),
            Field::Offers => t("list.field.offers"),
            Field::Website => t("list.field.website"),
            Field::Tags => t("list.field.tags"),
            Field::Notes => t("list.field.notes"),
            Field::ContactLines => t("list.field.contact_lines"),
            Field::ContactName => t("list.field.contact_name"),
            Field::ContactRole => t("list.field.contact_role"),
            Field::ContactEmail => t("list.field.contact_email"),
            Field::ContactPhone => t("list.field.contact_phone"),
            Field::Id => t("list.field.id"),
            Field::Ignored => t("list.field.ignored"),
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Whether the field belongs to one contact person; several groups of
    /// these columns are several persons.
    pub fn is_contact_part(self) -> bool {
        matches!(self, Field::ContactName | Field::ContactRole | Field::ContactEmail | Field::ContactPhone)
    }
}

/// Headings as lists write them, folded ("ä" → "a", lower case, letters and
/// digits only, one space between words), each with its field. A number
/// after the words ("Ansprechperson 2") is left out before matching.
const HEADINGS: &[(&str, Field)] = &[
    ("name", Field::Name),
    ("einrichtung", Field::Name),
    ("name der einrichtung", Field::Name),
    ("einrichtungsname", Field::Name),
    ("organisation", Field::Name),
    ("organization", Field::Name),
    ("institution", Field::Name),
    ("akteur", Field::Name),
    ("bezeichnung", Field::Name),
    ("dienststelle", Field::Name),
    ("stelle", Field::Name),
    ("art", Field::Kind),
    ("typ", Field::Kind),
    ("type", Field::Kind),
    ("kind", Field::Kind),
    ("kategorie", Field::Kind),
    ("category", Field::Kind),
    ("art der einrichtung", Field::Kind),
    ("einrichtungsart", Field::Kind),
    ("traeger", Field::Traeger),
    ("trager", Field::Traeger),
    ("traegerschaft", Field::Traeger),
    ("traeger der einrichtung", Field::Traeger),
    ("parent", Field::Traeger),
    ("rechtskreis", Field::Rechtskreise),
    ("rechtskreise", Field::Rechtskreise),
    ("rechtsgrundlage", Field::Rechtskreise),
    ("sgb", Field::Rechtskreise),
    ("sozialraum", Field::Sozialraeume),
    ("sozialraume", Field::Sozialraeume),
    ("sozialraeume", Field::Sozialraeume),
    ("stadtteil", Field::Sozialraeume),
    ("quartier", Field::Sozialraeume),
    ("planungsraum", Field::Sozialraeume),
    ("bezirk", Field::Sozialraeume),
    ("gemeinde", Field::Sozialraeume),
    ("ort", Field::Sozialraeume),
    ("district", Field::Sozialraeume),
    ("zielgruppe", Field::TargetGroups),
    ("zielgruppen", Field::TargetGroups),
    ("target group", Field::TargetGroups),
    ("target groups", Field::TargetGroups),
    ("angebot", Field::Offers),
    ("angebote", Field::Offers),
    ("leistungen", Field::Offers),
    ("offers", Field::Offers),
    ("services", Field::Offers),
    ("website", Field::Website),
    ("webseite", Field::Website),
    ("homepage", Field::Website),
    ("internet", Field::Website),
    ("internetseite", Field::Website),
    ("internetadresse", Field::Website),
    ("url", Field::Website),
    ("schlagworte", Field::Tags),
    ("schlagworter", Field::Tags),
    ("schlagwort", Field::Tags),
    ("stichworte", Field::Tags),
    ("tags", Field::Tags),
    ("notizen", Field::Notes),
    ("notiz", Field::Notes),
    ("bemerkung", Field::Notes),
    ("bemerkungen", Field::Notes),
    ("anmerkung", Field::Notes),
    ("anmerkungen", Field::Notes),
    ("kommentar", Field::Notes),
    ("notes", Field::Notes),
    ("kontaktpersonen", Field::ContactLines),
    ("ansprechperson", Field::ContactName),
    ("ansprechpersonen", Field::ContactName),
    ("ansprechpartner", Field::ContactName),
    ("ansprechpartnerin", Field::ContactName),
    ("ansprechpartner in", Field::ContactName),
    ("ansprechpartner innen", Field::ContactName),
    ("kontaktperson", Field::ContactName),
    ("kontakt", Field::ContactName),
    ("contact", Field::ContactName),
    ("contact person", Field::ContactName),
    ("funktion", Field::ContactRole),
    ("position", Field::ContactRole),
    ("rolle", Field::ContactRole),
    ("role", Field::ContactRole),
    ("e mail", Field::ContactEmail),
    ("email", Field::ContactEmail),
    ("e mail adresse", Field::ContactEmail),
    ("mail", Field::ContactEmail),
    ("telefon", Field::ContactPhone),
    ("tel", Field::ContactPhone),
    ("telefonnummer", Field::ContactPhone),
    ("phone", Field::ContactPhone),
    ("fon", Field::ContactPhone),
    ("id", Field::Id),
    ("beziehungen", Field::Ignored),
];

/// A heading folded for matching: "Ansprechpartner/in 2" → "ansprechpartner in".
fn folded_heading(heading: &str) -> String {
    let folded: String = fold(heading).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    while words.last().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit())) {
        words.pop();
    }
    words.join(" ")
}

/// The field a heading names, if it is one lists use.
pub fn recognise(heading: &str) -> Option<Field> {
    let folded = folded_heading(heading);
    HEADINGS.iter().find(|(h, _)| *h == folded).map(|(_, f)| *f)
}

/// The rows searched for the header: titles and empty lines come first in
/// many lists, but not twenty of them.
const HEADER_SEARCH: usize = 20;

/// The header row: of the first rows, the one with a name column and the
/// most headings recognised. `None` when no row names a name column.
pub fn find_header(table: &Table) -> Option<usize> {
    table
        .rows
        .iter()
        .take(HEADER_SEARCH)
        .enumerate()
        .filter(|(_, row)| row.cells.iter().any(|c| recognise(c) == Some(Field::Name)))
        .max_by_key(|(i, row)| (row.cells.iter().filter(|c| recognise(c).is_some()).count(), usize::MAX - i))
        .map(|(i, _)| i)
}

/// The field of each column, as recognised; unknown headings are ignored
/// until the user gives them a field. Only the first name column is the name.
pub fn auto_mapping(headings: &[String]) -> Vec<Field> {
    let mut named = false;
    headings
        .iter()
        .map(|h| match recognise(h).unwrap_or(Field::Ignored) {
            Field::Name if named => Field::Ignored,
            Field::Name => {
                named = true;
                Field::Name
            }
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::lists::table::read_table;
    use crate::domain::data::writers::csv::ACTORS_HEADER;

    #[test]
    fn headings_of_german_lists_are_recognised() {
        for (heading, field) in [
            ("Einrichtung", Field::Name),
            ("Name der Einrichtung", Field::Name),
            ("Organisation", Field::Name),
            ("Träger", Field::Traeger),
            ("TRÄGER", Field::Traeger),
            ("Ansprechpartner/in", Field::ContactName),
            ("Ansprechpartner:innen", Field::ContactName),
            ("Ansprechperson 2", Field::ContactName),
            ("Tel.", Field::ContactPhone),
            ("E-Mail-Adresse", Field::ContactEmail),
            ("E-Mail 2", Field::ContactEmail),
            ("Homepage", Field::Website),
            ("Stadtteil", Field::Sozialraeume),
            ("Sozialräume", Field::Sozialraeume),
            ("Schlagwörter", Field::Tags),
            (" Bemerkung ", Field::Notes),
            ("ID", Field::Id),
        ] {
            assert_eq!(recognise(heading), Some(field), "{heading}");
        }
        assert_eq!(recognise("Öffnungszeiten"), None);
        assert_eq!(recognise(""), None);
    }

    #[test]
    fn the_header_is_found_below_a_title_row() {
        let table = read_table("Trägerliste Jugendamt Stand 03/2025\n\nEinrichtung;Träger;Tel.\nA;B;1\n").unwrap();
        assert_eq!(find_header(&table), Some(1));
        let table = read_table("Name;Art\nA;B\n").unwrap();
        assert_eq!(find_header(&table), Some(0));
        let table = read_table("Betrag;Datum\n1;2\n").unwrap();
        assert_eq!(find_header(&table), None, "no name column: not a list of organisations");
    }

    #[test]
    fn the_export_of_netzwerkatlas_maps_without_help() {
        let headings: Vec<String> = ACTORS_HEADER.map(String::from).to_vec();
        assert_eq!(
            auto_mapping(&headings),
            vec![
                Field::Name,
                Field::Kind,
                Field::Traeger,
                Field::Rechtskreise,
                Field::Sozialraeume,
                Field::TargetGroups,
                Field::Offers,
                Field::Website,
                Field::ContactLines,
                Field::Tags,
                Field::Ignored,
                Field::Notes,
                Field::Id
            ]
        );
        let twice: Vec<String> = ["Name", "Name", "Öffnungszeiten"].map(String::from).to_vec();
        assert_eq!(auto_mapping(&twice), vec![Field::Name, Field::Ignored, Field::Ignored]);
    }

    #[test]
    fn keys_round_trip() {
        for field in Field::ALL {
            assert_eq!(Field::from_key(field.key()), Some(field));
        }
    }
}
