//! Which column of a list holds what: the header row found (also below a
//! title row), and each heading matched to a field of an actor by the
//! words German lists use ("Einrichtung", "Ansprechpartner/in", "Tel.").

use crate::domain::data::lists::table::Table;
use crate::domain::rules::text::folded_words;

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
    /// The record's ID, as Netzwerkatlas writes it: a second import matches by it.
    Id,
    /// A relation list's ends (names or IDs); its "Art" is the relation's kind.
    From,
    To,
    Direction,
    Binding,
    Since,
    Ignored,
}

impl Field {
    /// Every field a column can be given, in the order the mapping offers them.
    pub const ALL: [Field; 22] = [
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
        Field::From,
        Field::To,
        Field::Direction,
        Field::Binding,
        Field::Since,
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
            Field::From => "from",
            Field::To => "to",
            Field::Direction => "direction",
            Field::Binding => "binding",
            Field::Since => "since",
            Field::Ignored => "ignored",
        }
    }

    /// The name the column mapping shows.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => t!("list.field.name"),
            Field::Kind => t!("list.field.kind"),
            Field::Traeger => t!("list.field.traeger"),
            Field::Rechtskreise => t!("list.field.rechtskreise"),
            Field::Sozialraeume => t!("list.field.sozialraeume"),
            Field::TargetGroups => t!("list.field.target_groups"),
            Field::Offers => t!("list.field.offers"),
            Field::Website => t!("list.field.website"),
            Field::Tags => t!("list.field.tags"),
            Field::Notes => t!("list.field.notes"),
            Field::ContactLines => t!("list.field.contact_lines"),
            Field::ContactName => t!("list.field.contact_name"),
            Field::ContactRole => t!("list.field.contact_role"),
            Field::ContactEmail => t!("list.field.contact_email"),
            Field::ContactPhone => t!("list.field.contact_phone"),
            Field::Id => t!("list.field.id"),
            Field::From => t!("list.field.from"),
            Field::To => t!("list.field.to"),
            Field::Direction => t!("list.field.direction"),
            Field::Binding => t!("list.field.binding"),
            Field::Since => t!("list.field.since"),
            Field::Ignored => t!("list.field.ignored"),
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
    ("von", Field::From),
    ("quelle", Field::From),
    ("source", Field::From),
    ("from", Field::From),
    ("nach", Field::To),
    ("an", Field::To),
    ("zu", Field::To),
    ("ziel", Field::To),
    ("target", Field::To),
    ("to", Field::To),
    ("beziehung", Field::Kind),
    ("beziehungsart", Field::Kind),
    ("art der beziehung", Field::Kind),
    ("richtung", Field::Direction),
    ("direction", Field::Direction),
    ("verbindlichkeit", Field::Binding),
    ("binding", Field::Binding),
    ("seit", Field::Since),
    ("since", Field::Since),
    ("beginn", Field::Since),
];

/// A heading folded for matching: "Ansprechpartner/in 2" → "ansprechpartner in".
fn folded_heading(heading: &str) -> String {
    let folded = folded_words(heading);
    let mut words: Vec<&str> = folded.split(' ').collect();
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

/// Whether the fields make a list of relations (both ends named) rather than of actors.
pub fn is_relation_list(fields: &[Field]) -> bool {
    fields.contains(&Field::From) && fields.contains(&Field::To)
}

/// The header row: of the first rows, the one with a name column (or both
/// ends of a relation) and the most headings recognised. `None` when no
/// row has them.
pub fn find_header(table: &Table) -> Option<usize> {
    table
        .rows
        .iter()
        .take(HEADER_SEARCH)
        .enumerate()
        .filter(|(_, row)| {
            let fields: Vec<Field> = row.cells.iter().filter_map(|c| recognise(c)).collect();
            fields.contains(&Field::Name) || is_relation_list(&fields)
        })
        .max_by_key(|(i, row)| (row.cells.iter().filter(|c| recognise(c).is_some()).count(), usize::MAX - i))
        .map(|(i, _)| i)
}

/// The field of each column, as recognised; unknown headings are ignored
/// until the user gives them a field. Only the first name column is the
/// name, and of the kind columns only the last (Netzwerkatlas's relation
/// list writes the sentence, "Beziehung", before the kind, "Art").
pub fn auto_mapping(headings: &[String]) -> Vec<Field> {
    let mut fields: Vec<Field> = headings.iter().map(|h| recognise(h).unwrap_or(Field::Ignored)).collect();
    for single in [Field::Name, Field::Kind] {
        let keep = if single == Field::Name { fields.iter().position(|f| *f == single) } else { fields.iter().rposition(|f| *f == single) };
        for (i, field) in fields.iter_mut().enumerate() {
            if *field == single && Some(i) != keep {
                *field = Field::Ignored;
            }
        }
    }
    fields
}

/// How many list shapes a browser remembers the mapping of.
const REMEMBERED_SHAPES: usize = 20;

/// A list's shape: its headings, folded, so that next quarter's file of
/// the same program is known again.
fn shape(headings: &[String]) -> String {
    headings.iter().map(|h| folded_heading(h)).collect::<Vec<_>>().join("|")
}

/// The mapping the user last chose for lists of this shape, from the
/// remembered text (one shape per line: shape, tab, field keys).
pub fn remembered_mapping(remembered: &str, headings: &[String]) -> Option<Vec<Field>> {
    let shape = shape(headings);
    let line = remembered.lines().find_map(|l| l.split_once('\t').filter(|(s, _)| *s == shape))?;
    let fields: Vec<Field> = line.1.split(',').map(Field::from_key).collect::<Option<_>>()?;
    (fields.len() == headings.len()).then_some(fields)
}

/// The remembered text with this shape's mapping first, the oldest shapes
/// beyond the limit forgotten.
pub fn remember_mapping(remembered: &str, headings: &[String], mapping: &[Field]) -> String {
    let shape = shape(headings);
    let keys: Vec<&str> = mapping.iter().map(|f| f.key()).collect();
    let first = format!("{shape}\t{}", keys.join(","));
    let others = remembered.lines().filter(|l| l.split_once('\t').is_some_and(|(s, _)| s != shape));
    std::iter::once(first.as_str()).chain(others).take(REMEMBERED_SHAPES).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::lists::table::read_table;
    use crate::domain::data::writers::csv::{ACTORS_HEADER, RELATIONS_HEADER};

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
        let relations: Vec<String> = RELATIONS_HEADER.map(String::from).to_vec();
        assert_eq!(
            auto_mapping(&relations),
            vec![
                Field::From,
                Field::Ignored,
                Field::To,
                Field::Kind,
                Field::Direction,
                Field::Binding,
                Field::Since,
                Field::Notes,
                Field::Id
            ]
        );
        assert!(is_relation_list(&auto_mapping(&relations)));
    }

    #[test]
    fn a_mapping_chosen_once_is_found_again_for_the_next_file_of_the_same_shape() {
        let headings: Vec<String> = ["Einrichtung", "Öffnungszeiten", "Bemerkung"].map(String::from).to_vec();
        let chosen = vec![Field::Name, Field::Notes, Field::Tags];
        let text = remember_mapping("", &headings, &chosen);
        let next_quarter: Vec<String> = ["EINRICHTUNG", "Öffnungszeiten ", "Bemerkung"].map(String::from).to_vec();
        assert_eq!(remembered_mapping(&text, &next_quarter), Some(chosen.clone()));
        let other: Vec<String> = ["Einrichtung", "Bemerkung"].map(String::from).to_vec();
        assert_eq!(remembered_mapping(&text, &other), None);
        // Changing it again replaces it; many shapes keep only the latest.
        let text = remember_mapping(&text, &headings, &[Field::Name, Field::Ignored, Field::Notes]);
        assert_eq!(remembered_mapping(&text, &headings), Some(vec![Field::Name, Field::Ignored, Field::Notes]));
        let mut many = text;
        for i in 0..30 {
            many = remember_mapping(&many, &[format!("Spalte {i}x")], &[Field::Name]);
        }
        assert_eq!(many.lines().count(), REMEMBERED_SHAPES);
        assert_eq!(remembered_mapping(&many, &headings), None, "the oldest shape is forgotten");
        assert_eq!(remembered_mapping("kaputt\tname,unbekannt", &["kaputt".into(), "x".into()]), None);
    }

    #[test]
    fn keys_round_trip() {
        for field in Field::ALL {
            assert_eq!(Field::from_key(field.key()), Some(field));
        }
    }
}
