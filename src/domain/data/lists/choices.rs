//! The user's word on the values of a list's "Art" and "Rechtskreise"
//! columns: each distinct value with what it stands for (matched, or not
//! recognised), a choice that overrides the match for every row with that
//! value, and the choices remembered for the next list.

use crate::domain::data::lists::actors::List;
use crate::domain::data::lists::columns::{is_relation_list, Field};
use crate::domain::data::lists::values::{match_kind, match_rechtskreis, rechtskreis_parts, KindNames};
use crate::domain::model::{ActorKind, Rechtskreis};

/// What the user chose for values of the "Art" and "Rechtskreise" columns,
/// each by the value as the list writes it (trimmed). A Rechtskreis value
/// chosen as none is left out without a note.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ValueChoices(Vec<ValueChoice>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct ValueChoice {
    field: Field,
    value: String,
    /// The key of the kind or Rechtskreis; "" for none.
    meaning: &'static str,
}

/// How a value came to its meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// Matched to nothing: a kind becomes "Sonstige", a Rechtskreis is left out.
    Unknown,
    Recognised,
    Chosen,
}

/// One distinct value of an "Art" or "Rechtskreise" column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DistinctValue {
    /// `Field::Kind` or `Field::Rechtskreise`.
    pub field: Field,
    pub value: String,
    /// Rows that hold it.
    pub rows: usize,
    /// The key of the kind or Rechtskreis it stands for; "" for none.
    pub meaning: &'static str,
    pub how: How,
}

impl ValueChoices {
    /// The user's choice for a value of a `field` column, if any.
    fn chosen(&self, field: Field, value: &str) -> Option<&'static str> {
        let value = value.trim();
        self.0.iter().find(|c| c.field == field && c.value == value).map(|c| c.meaning)
    }

    /// The kind an "Art" value stands for: the user's choice, else its match.
    pub fn kind(&self, value: &str, kinds: &KindNames) -> Option<ActorKind> {
        self.chosen(Field::Kind, value).and_then(ActorKind::from_key).or_else(|| kinds.find(value))
    }

    /// The Rechtskreise a cell names, and its parts that match none (those
    /// the user left out are in neither).
    pub fn rechtskreise(&self, cell: &str) -> (Vec<Rechtskreis>, Vec<String>) {
        let (mut found, mut unknown) = (Vec::new(), Vec::new());
        for part in rechtskreis_parts(cell) {
            let chosen = self.chosen(Field::Rechtskreise, &part);
            match chosen.map_or_else(|| match_rechtskreis(&part), Rechtskreis::from_key) {
                Some(r) if !found.contains(&r) => found.push(r),
                Some(_) => {}
                None if chosen.is_some() => {}
                None => unknown.push(part),
            }
        }
        (found, unknown)
    }

    /// Makes `value` of a `field` column stand for the kind or Rechtskreis
    /// with key `meaning` ("" for no Rechtskreis). A key that names neither
    /// changes nothing.
    pub fn choose(&mut self, field: Field, value: &str, meaning: &str) {
        let meaning = match field {
            Field::Kind => ActorKind::from_key(meaning).map(ActorKind::key),
            Field::Rechtskreise if meaning.is_empty() => Some(""),
            Field::Rechtskreise => Rechtskreis::from_key(meaning).map(Rechtskreis::key),
            _ => None,
        };
        let Some(meaning) = meaning else { return };
        let value = value.trim();
        self.0.retain(|c| !(c.field == field && c.value == value));
        self.0.push(ValueChoice { field, value: value.to_owned(), meaning });
    }
}

/// Each distinct value of the list's "Art" and "Rechtskreise" columns, the
/// ones the match does not recognise first, then in the order the list has them. A list
/// of relations has none: its "Art" is the relation's.
pub fn distinct_values(list: &List) -> Vec<DistinctValue> {
    if is_relation_list(&list.mapping) {
        return Vec::new();
    }
    let mut values: Vec<DistinctValue> = Vec::new();
    for (column, field) in list.mapping.iter().enumerate() {
        for row in list.records() {
            let cell = row.cells.get(column).map(|c| c.trim()).unwrap_or("");
            let parts = match field {
                Field::Kind if !cell.is_empty() => vec![cell.to_owned()],
                Field::Rechtskreise => rechtskreis_parts(cell),
                _ => continue,
            };
            for part in parts {
                match values.iter_mut().find(|v| v.field == *field && v.value == part) {
                    Some(known) => known.rows += 1,
                    None => {
                        let (meaning, how) = meaning(&list.values, *field, &part);
                        values.push(DistinctValue { field: *field, value: part, rows: 1, meaning, how });
                    }
                }
            }
        }
    }
    // By the match alone, so that a value chosen for keeps its place in the table.
    let (unknown, known): (Vec<_>, Vec<_>) =
        values.into_iter().partition(|v| meaning(&ValueChoices::default(), v.field, &v.value).1 == How::Unknown);
    unknown.into_iter().chain(known).collect()
}

fn meaning(choices: &ValueChoices, field: Field, value: &str) -> (&'static str, How) {
    if let Some(meaning) = choices.chosen(field, value) {
        return (meaning, How::Chosen);
    }
    let matched = match field {
        Field::Kind => match_kind(value).map(ActorKind::key),
        _ => match_rechtskreis(value).map(Rechtskreis::key),
    };
    match matched {
        Some(key) => (key, How::Recognised),
        None if field == Field::Kind => (ActorKind::Sonstige.key(), How::Unknown),
        None => ("", How::Unknown),
    }
}

/// How many values a browser remembers the user's choice for.
const REMEMBERED_VALUES: usize = 500;

/// The choices remembered, from their text: one per line, "kind" or
/// "rechtskreis", the value and the key, separated by tabs. Lines that
/// cannot be read are passed over.
pub fn remembered_values(remembered: &str) -> ValueChoices {
    let mut choices = ValueChoices::default();
    // Oldest first, so that the newest choices come last, as when chosen.
    for line in remembered.lines().collect::<Vec<_>>().into_iter().rev() {
        let mut parts = line.split('\t');
        let (Some(field), Some(value), Some(meaning), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else { continue };
        match field {
            "kind" => choices.choose(Field::Kind, value, meaning),
            "rechtskreis" => choices.choose(Field::Rechtskreise, value, meaning),
            _ => {}
        }
    }
    choices
}

/// The remembered text with the list's choices first, the newest first;
/// the oldest beyond the limit forgotten. A value holding a tab or a line
/// break is not kept.
pub fn remember_values(remembered: &str, choices: &ValueChoices) -> String {
    let line = |c: &ValueChoice| format!("{}\t{}\t{}", if c.field == Field::Kind { "kind" } else { "rechtskreis" }, c.value, c.meaning);
    let fresh: Vec<String> = choices.0.iter().rev().filter(|c| !c.value.contains(['\t', '\n', '\r'])).map(line).collect();
    let head = |line: &str| line.rsplit_once('\t').map(|(head, _)| head.to_owned());
    let replaced = |old: &&str| fresh.iter().any(|f| head(f) == head(old));
    let older = remembered.lines().filter(|old| !replaced(old)).map(str::to_owned);
    fresh.iter().cloned().chain(older).take(REMEMBERED_VALUES).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::lists::actors::{list_to_file, read_list};
    use crate::domain::model::Region;

    const LIST: &str = "Einrichtung;Art;Rechtskreis\n\
        Jobcenter Lindenau;JC;SGB 2\n\
        Haus der Vielfalt;Begegnungsstätte;SGB VIII, Landesrecht\n\
        Treff am Markt;Begegnungsstätte;Landesrecht\n\
        Agentur Lindenau;Agentur f. Arbeit;SGB III\n";

    fn described(values: &[DistinctValue]) -> Vec<(Field, &str, usize, &str, How)> {
        values.iter().map(|v| (v.field, v.value.as_str(), v.rows, v.meaning, v.how)).collect()
    }

    #[test]
    fn each_distinct_value_is_listed_with_its_match_the_unknown_first() {
        let list = read_list(LIST).unwrap();
        assert_eq!(
            described(&distinct_values(&list)),
            vec![
                (Field::Kind, "Begegnungsstätte", 2, "sonstige", How::Unknown),
                (Field::Rechtskreise, "Landesrecht", 2, "", How::Unknown),
                (Field::Kind, "JC", 1, "jobcenter", How::Recognised),
                (Field::Kind, "Agentur f. Arbeit", 1, "arbeitsagentur", How::Recognised),
                (Field::Rechtskreise, "SGB 2", 1, "sgb_ii", How::Recognised),
                (Field::Rechtskreise, "SGB VIII", 1, "sgb_viii", How::Recognised),
                (Field::Rechtskreise, "SGB III", 1, "sgb_iii", How::Recognised),
            ]
        );
        // A list of relations has no values to match here: its "Art" is the relation's.
        assert_eq!(distinct_values(&read_list("Von;Nach;Art\nA;B;Kooperation\n").unwrap()), vec![]);
    }

    #[test]
    fn a_choice_counts_for_every_row_with_the_value_and_ends_its_note() {
        let mut list = read_list(LIST).unwrap();
        let region = Region::default();
        let before = list_to_file(&list, &region).unwrap();
        let notes: Vec<String> = before.notes.iter().map(|n| n.text()).collect();
        assert!(notes.iter().any(|n| n.contains("Begegnungsstätte")), "{notes:?}");
        assert!(notes.iter().any(|n| n.contains("Landesrecht")), "{notes:?}");

        list.values.choose(Field::Kind, "Begegnungsstätte", "verein");
        list.values.choose(Field::Rechtskreise, "Landesrecht", "");
        // A choice overrides a match, too.
        list.values.choose(Field::Rechtskreise, "SGB 2", "sgb_iii");
        list.values.choose(Field::Kind, "JC", "no_such_kind");
        let after = list_to_file(&list, &region).unwrap();
        assert_eq!(after.notes, vec![], "chosen values are not reported as unknown");
        let actors = &after.content.regions[0].actors;
        let actor = |name: &str| actors.iter().find(|a| a.name == name).unwrap();
        assert_eq!(actor("Haus der Vielfalt").kind, ActorKind::Verein);
        assert_eq!(actor("Treff am Markt").kind, ActorKind::Verein);
        assert_eq!(actor("Haus der Vielfalt").rechtskreise, vec![Rechtskreis::SgbVIII]);
        assert_eq!(actor("Treff am Markt").rechtskreise, vec![]);
        assert_eq!(actor("Jobcenter Lindenau").kind, ActorKind::Jobcenter);
        assert_eq!(actor("Jobcenter Lindenau").rechtskreise, vec![Rechtskreis::SgbIII]);
        let values = distinct_values(&list);
        let shown = described(&values).into_iter().filter(|v| v.4 == How::Chosen).collect::<Vec<_>>();
        assert_eq!(
            shown,
            vec![
                (Field::Kind, "Begegnungsstätte", 2, "verein", How::Chosen),
                (Field::Rechtskreise, "Landesrecht", 2, "", How::Chosen),
                (Field::Rechtskreise, "SGB 2", 1, "sgb_iii", How::Chosen),
            ],
        );
        let order = |values: &[DistinctValue]| values.iter().map(|v| (v.field, v.value.clone())).collect::<Vec<_>>();
        assert_eq!(order(&values), order(&distinct_values(&read_list(LIST).unwrap())), "a value chosen for keeps its place");
    }

    #[test]
    fn choices_are_remembered_for_the_next_list() {
        let mut choices = ValueChoices::default();
        choices.choose(Field::Kind, "Begegnungsstätte", "verein");
        choices.choose(Field::Rechtskreise, "Landesrecht", "");
        choices.choose(Field::Kind, "Zwei\tTeile", "verein");
        let text = remember_values("kind\tBegegnungsstätte\tschule\nkind\tAlt\tkita\nkaputt", &choices);
        let back = remembered_values(&text);
        assert_eq!(back.kind("Begegnungsstätte", &KindNames::new()), Some(ActorKind::Verein), "the newer choice replaces the older");
        assert_eq!(back.kind("Alt", &KindNames::new()), Some(ActorKind::Kita), "other values are kept");
        assert_eq!(back.rechtskreise("Landesrecht, SGB 2"), (vec![Rechtskreis::SgbII], vec![]));
        assert!(!text.contains("Zwei"));
        assert_eq!(text.lines().filter(|l| l.contains("Begegnungsstätte")).count(), 1);
        let mut many = text;
        for i in 0..600 {
            let mut one = ValueChoices::default();
            one.choose(Field::Kind, &format!("Art {i}"), "verein");
            many = remember_values(&many, &one);
        }
        assert_eq!(many.lines().count(), REMEMBERED_VALUES);
        assert_eq!(remembered_values(&many).kind("Alt", &KindNames::new()), None, "the oldest are forgotten");
        assert_eq!(remembered_values(&many).kind("Art 599", &KindNames::new()), Some(ActorKind::Verein));
    }
}
