//! Free text in a list's "Art" and "Rechtskreis" columns matched to the
//! app's kinds: "JC" and "Jobcenter Kreis X" are a Jobcenter, "SGB 2" is
//! SGB II. What matches nothing is said, never silently dropped.

use crate::domain::model::{ActorKind, Binding, Direction, Rechtskreis, RelationKind};
use crate::domain::rules::text::folded_words;

/// Words that name a kind, folded; the first whose word starts a word of
/// the value wins, so the more special ones come first ("berufsschule"
/// before "schule").
const KIND_WORDS: &[(&str, ActorKind)] = &[
    ("jobcenter", ActorKind::Jobcenter),
    ("jc", ActorKind::Jobcenter),
    ("agentur fur arbeit", ActorKind::Arbeitsagentur),
    ("agentur f arbeit", ActorKind::Arbeitsagentur),
    ("arbeitsagentur", ActorKind::Arbeitsagentur),
    ("bundesagentur", ActorKind::Arbeitsagentur),
    ("afa", ActorKind::Arbeitsagentur),
    ("jugendamt", ActorKind::Jugendamt),
    ("sozialamt", ActorKind::Sozialamt),
    ("auslanderbehorde", ActorKind::Auslaenderbehoerde),
    ("abh", ActorKind::Auslaenderbehoerde),
    ("werkstatt", ActorKind::Wfbm),
    ("wfbm", ActorKind::Wfbm),
    ("tagesforderstatte", ActorKind::Tagesfoerderstaette),
    ("integrationsfachdienst", ActorKind::Ifd),
    ("ifd", ActorKind::Ifd),
    ("eutb", ActorKind::Eutb),
    ("teilhabeberatung", ActorKind::Eutb),
    ("kostentrager", ActorKind::Kostentraeger),
    ("rentenversicherung", ActorKind::Kostentraeger),
    ("krankenkasse", ActorKind::Kostentraeger),
    ("berufsschule", ActorKind::Berufsschule),
    ("berufskolleg", ActorKind::Berufsschule),
    ("berufsbildende", ActorKind::Berufsschule),
    ("volkshochschule", ActorKind::Vhs),
    ("vhs", ActorKind::Vhs),
    ("schule", ActorKind::Schule),
    ("gymnasium", ActorKind::Schule),
    ("kita", ActorKind::Kita),
    ("kindertagesstatte", ActorKind::Kita),
    ("kindergarten", ActorKind::Kita),
    ("migrationsdienst", ActorKind::Migrationsdienst),
    ("migrationsberatung", ActorKind::Migrationsdienst),
    ("jugendmigrationsdienst", ActorKind::Migrationsdienst),
    ("jmd", ActorKind::Migrationsdienst),
    ("mbe", ActorKind::Migrationsdienst),
    ("beratung", ActorKind::Beratungsstelle),
    ("verein", ActorKind::Verein),
    ("kirche", ActorKind::Kirche),
    ("kirchengemeinde", ActorKind::Kirche),
    ("diakonie", ActorKind::Traeger),
    ("caritas", ActorKind::Traeger),
    ("wohlfahrtsverband", ActorKind::Traeger),
    ("trager", ActorKind::Traeger),
    ("bildungstrager", ActorKind::Traeger),
    ("arbeitgeber", ActorKind::Arbeitgeber),
    ("unternehmen", ActorKind::Arbeitgeber),
    ("betrieb", ActorKind::Arbeitgeber),
    ("firma", ActorKind::Arbeitgeber),
    ("kammer", ActorKind::Kammer),
    ("ihk", ActorKind::Kammer),
    ("hwk", ActorKind::Kammer),
    ("handwerkskammer", ActorKind::Kammer),
    ("dachverband", ActorKind::Dachverband),
    ("verwaltung", ActorKind::Verwaltung),
    ("kreisverwaltung", ActorKind::Verwaltung),
    ("landratsamt", ActorKind::Verwaltung),
    ("rathaus", ActorKind::Verwaltung),
    ("stadtverwaltung", ActorKind::Verwaltung),
    ("sonstige", ActorKind::Sonstige),
];

/// The kind a value of an "Art" column names: its label, its key, the
/// abbreviation in its label ("WfbM"), or a word lists use for it.
pub fn match_kind(value: &str) -> Option<ActorKind> {
    KindNames::new().find(value)
}

/// The kinds' names folded once, to match the many values of a list.
pub struct KindNames(Vec<(ActorKind, [String; 3])>);

impl KindNames {
    pub fn new() -> KindNames {
        KindNames(
            ActorKind::ALL
                .iter()
                .map(|kind| {
                    let short = kind.label().split_once(" (").map(|(_, a)| folded_words(a.trim_end_matches(')'))).unwrap_or_default();
                    (*kind, [folded_words(kind.label()), folded_words(kind.key()), short])
                })
                .collect(),
        )
    }

    /// See `match_kind`.
    pub fn find(&self, value: &str) -> Option<ActorKind> {
        let value = folded_words(value);
        if value.is_empty() {
            return None;
        }
        let by_label = self.0.iter().find(|(_, names)| names.iter().any(|name| !name.is_empty() && *name == value)).map(|(kind, _)| *kind);
        by_label.or_else(|| KIND_WORDS.iter().find(|(word, _)| names_word(&value, word)).map(|(_, kind)| *kind))
    }
}

/// Whether a folded value holds a word for a kind: as itself, at its start,
/// at the start of one of its words, or ending a long compound
/// ("Jugendberufshilfe-Verein", "Stadtteilschule").
fn names_word(value: &str, word: &str) -> bool {
    value.match_indices(word).any(|(at, _)| {
        let starts = at == 0 || value.as_bytes()[at - 1] == b' ';
        let ends = value[at + word.len()..].is_empty() || value[at + word.len()..].starts_with(' ');
        (at == 0 && ends) || (at > 0 && starts) || (word.len() >= 5 && ends)
    })
}

/// The first of `all` whose label or key the value is, or whose word (in
/// `words`, folded) the value holds.
fn match_labelled<T: Copy>(
    value: &str,
    all: &[T],
    label: fn(T) -> &'static str,
    key: fn(T) -> &'static str,
    words_of: &[(&str, T)],
) -> Option<T> {
    let value = folded_words(value);
    if value.is_empty() {
        return None;
    }
    all.iter()
        .copied()
        .find(|x| folded_words(label(*x)) == value || folded_words(key(*x)) == value)
        .or_else(|| words_of.iter().find(|(word, _)| value.split(' ').any(|w| w.starts_with(word))).map(|(_, x)| *x))
}

/// A relation's kind from its label, or from the sentence the app's own
/// relation list writes ("leitet weiter an", "ist Träger von").
pub fn match_relation_kind(value: &str) -> Option<RelationKind> {
    use RelationKind as K;
    let stems = [
        ("kooper", K::Kooperation),
        ("zusammen", K::Kooperation),
        ("vereinbarung", K::Vereinbarung),
        ("weiter", K::Weiterleitung),
        ("zuweis", K::Weiterleitung),
        ("verweis", K::Weiterleitung),
        ("finanz", K::Finanzierung),
        ("forder", K::Finanzierung),
        ("trager", K::Traegerschaft),
        ("mitglied", K::Mitgliedschaft),
    ];
    match_labelled(value, RelationKind::ALL, RelationKind::label, RelationKind::key, &stems)
}

pub fn match_direction(value: &str) -> Option<Direction> {
    let stems = [
        ("ungerichtet", Direction::Undirected),
        ("wechsel", Direction::Both),
        ("beid", Direction::Both),
        ("gerichtet", Direction::Forward),
    ];
    match value.trim() {
        "→" | "->" => Some(Direction::Forward),
        "↔" | "<->" => Some(Direction::Both),
        _ => match_labelled(value, Direction::ALL, Direction::label, Direction::key, &stems),
    }
}

pub fn match_binding(value: &str) -> Option<Binding> {
    let stems = [
        ("informell", Binding::Informell),
        ("regelmass", Binding::Regelmaessig),
        ("vereinbart", Binding::Vereinbart),
        ("absprache", Binding::Vereinbart),
        ("vertrag", Binding::Vertrag),
        ("schriftlich", Binding::Vertrag),
    ];
    match_labelled(value, Binding::ALL, Binding::label, Binding::key, &stems)
}

/// A Rechtskreise cell's parts: "SGB II, SGB III / AufenthG" gives three,
/// "SGB II (Grundsicherung)" one, as the app's own list writes it.
pub fn rechtskreis_parts(cell: &str) -> Vec<String> {
    let parts = cell.split([',', ';', '\n']).flat_map(|part| match match_rechtskreis(part) {
        Some(_) => vec![part.trim().to_owned()],
        None => split_list(part),
    });
    parts.filter(|p| !p.is_empty()).collect()
}

/// The Rechtskreis one part of a cell names.
pub fn match_rechtskreis(part: &str) -> Option<Rechtskreis> {
    // "SGB II (Grundsicherung …)" → "sgbii"; Arabic numbers as Roman.
    let short = part.split(" (").next().unwrap_or(part);
    let compact: String = folded_words(short).chars().filter(|c| *c != ' ').collect();
    let compact = compact.strip_prefix("sgb").map(|n| format!("sgb{}", roman(n))).unwrap_or(compact);
    Rechtskreis::ALL
        .iter()
        .copied()
        .find(|r| {
            let own: String = folded_words(r.short()).chars().filter(|c| *c != ' ').collect();
            own == compact || r.key().replace('_', "") == compact
        })
        .or_else(|| matches!(compact.as_str(), "aufenthaltsgesetz" | "asylblg").then_some(Rechtskreis::AufenthG))
}

fn roman(number: &str) -> &str {
    match number {
        "2" => "ii",
        "3" => "iii",
        "8" => "viii",
        "9" => "ix",
        "12" => "xii",
        other => other,
    }
}

/// The entries of a list cell: separated by commas, semicolons, slashes or
/// line breaks, trimmed, empty ones left out.
pub fn split_list(cell: &str) -> Vec<String> {
    cell.split([',', ';', '/', '\n']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::lists::choices::ValueChoices;

    #[test]
    fn kinds_are_matched_from_what_lists_write() {
        for (value, kind) in [
            ("Jobcenter", ActorKind::Jobcenter),
            ("JC", ActorKind::Jobcenter),
            ("Jobcenter Landkreis Lindenau", ActorKind::Jobcenter),
            ("Agentur f. Arbeit", ActorKind::Arbeitsagentur),
            ("Agentur für Arbeit", ActorKind::Arbeitsagentur),
            ("Werkstatt für behinderte Menschen (WfbM)", ActorKind::Wfbm),
            ("WfbM", ActorKind::Wfbm),
            ("wfbm", ActorKind::Wfbm),
            ("IFD", ActorKind::Ifd),
            ("Berufsschule", ActorKind::Berufsschule),
            ("Grundschule", ActorKind::Schule),
            ("Stadtteilschule", ActorKind::Schule),
            ("Volkshochschule", ActorKind::Vhs),
            ("Kindertagesstätte", ActorKind::Kita),
            ("Migrationsberatung für Erwachsene", ActorKind::Migrationsdienst),
            ("Sportverein", ActorKind::Verein),
            ("Träger / Wohlfahrtsverband", ActorKind::Traeger),
            ("IHK", ActorKind::Kammer),
            ("kostentraeger", ActorKind::Kostentraeger),
        ] {
            assert_eq!(match_kind(value), Some(kind), "{value}");
        }
        for value in ["", "Bäckerei-Innung?", "xyz"] {
            assert_eq!(match_kind(value), None, "{value}");
        }
    }

    #[test]
    fn relation_values_are_matched_from_labels_keys_and_the_apps_own_sentences() {
        for kind in RelationKind::ALL {
            assert_eq!(match_relation_kind(kind.label()), Some(*kind));
            assert_eq!(match_relation_kind(kind.key()), Some(*kind));
            for direction in Direction::ALL {
                assert_eq!(match_relation_kind(&kind.phrase(*direction, true)), Some(*kind), "{}", kind.phrase(*direction, true));
            }
        }
        for binding in Binding::ALL {
            assert_eq!(match_binding(binding.label()), Some(*binding));
        }
        for direction in Direction::ALL {
            assert_eq!(match_direction(direction.label()), Some(*direction));
        }
        assert_eq!(match_binding("Regelmäßiger Austausch"), Some(Binding::Regelmaessig));
        assert_eq!(match_binding("schriftl. Vertrag"), Some(Binding::Vertrag));
        assert_eq!(match_relation_kind("Zuweisung"), Some(RelationKind::Weiterleitung));
        assert_eq!(match_relation_kind("Freundschaft"), None);
        assert_eq!(match_direction("->"), Some(Direction::Forward));
    }

    #[test]
    fn rechtskreise_are_matched_and_the_rest_is_named() {
        let (found, unknown) = ValueChoices::default().rechtskreise("SGB II, SGB 3 / sgb viii\nAufenthG; SGB XIV");
        assert_eq!(found, vec![Rechtskreis::SgbII, Rechtskreis::SgbIII, Rechtskreis::SgbVIII, Rechtskreis::AufenthG]);
        assert_eq!(unknown, vec!["SGB XIV".to_owned()]);
        let (found, _) = ValueChoices::default().rechtskreise(Rechtskreis::SgbIX.label());
        assert_eq!(found, vec![Rechtskreis::SgbIX], "the long label too");
        let all: Vec<&str> = Rechtskreis::ALL.iter().map(|r| r.short()).collect();
        assert_eq!(
            ValueChoices::default().rechtskreise(&all.join(", ")),
            (Rechtskreis::ALL.to_vec(), Vec::new()),
            "as the app's own list writes them"
        );
        assert_eq!(ValueChoices::default().rechtskreise(""), (Vec::new(), Vec::new()));
    }
}
