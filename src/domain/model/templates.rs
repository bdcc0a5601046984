//! The checklist templates shipped with the app, written from the seed
//! documents, and the rules for templates users write themselves.

use crate::domain::data::from_json::FromJson;
use crate::domain::data::to_json::ToJson;
use crate::domain::editing::draft::IdSource;
use crate::domain::model::checklist::{ItemKind, Scale, Template, TemplateItem, TemplateSection};
use crate::domain::model::Id;
use crate::domain::rules::fields::FieldErrors;
use crate::i18n::Message;

/// Ids of shipped templates start with this; users' copies get other ids.
pub const BUILTIN_PREFIX: &str = "tpl-";

type Item = (&'static str, &'static str);

fn section(template: &str, number: usize, title: &str, kind: ItemKind, items: &[Item]) -> TemplateSection {
    TemplateSection {
        id: Id(format!("{template}-{number}")),
        title: title.to_owned(),
        items: items
            .iter()
            .enumerate()
            .map(|(i, (text, help))| TemplateItem {
                id: Id(format!("{template}-{number}-{}", i + 1)),
                text: (*text).to_owned(),
                help: (*help).to_owned(),
                kind,
            })
            .collect(),
    }
}

const PLAN: ItemKind = ItemKind::Status(Scale::Planning);

fn lokale_planung() -> Template {
    let t = "lp";
    Template {
        id: Id("tpl-lokale-planung".into()),
        name: "Lokale Planung".into(),
        description: "Checkliste zur lokalen Planung eines Bündnisses: Steuerung, Kooperation mit der ABH, \
                      Bekanntmachung des Teilhabemanagements, Gesamtkonzept, Qualität und Bedarfe der Zielgruppe."
            .into(),
        version: 1,
        sections: vec![
            section(t, 1, "Steuerung und Kooperation im Bündnis", PLAN, &[
                ("Die Bündniskoordinierungsgruppe (BKG) trifft sich regelmäßig.", ""),
                ("Die Kooperation mit der Ausländerbehörde (ABH) für die Maßnahmezuweisung ist aufgebaut.", "Wechselseitige Wertschätzung ist wichtig."),
                ("Vereinbarungen mit der ABH zur Ermessensduldung sind getroffen.", ""),
                (
                    "Kooperationsvereinbarungen zur nachhaltigen Verankerung der lokalen Kooperation sind abgeschlossen.",
                    "Ziele: Rollen und Verantwortlichkeiten klären, Bausteine in ein Gesamtkonzept einbinden, bewährte Prozesse und Strukturen absichern.",
                ),
            ]),
            section(t, 2, "Teilhabemanagement (THM) im Netzwerk", PLAN, &[
                ("Das THM ist bei potenziellen Kooperationspartnern bekannt gemacht.", "Zum Beispiel durch bündnisweite Verteilung von Flyern."),
                ("ABH, Sozialämter, Berufskollegs, VHS, JMD, Sozialarbeit und Flüchtlingsorganisationen sind über das THM informiert.", ""),
                ("Vereinbarungen zur Weiterleitung an das THM sind getroffen, wenn bei anderen Institutionen THM-Bedarf deutlich wird.", ""),
                ("Digitale Wege zur Zielgruppe sind etabliert.", "Zum Beispiel Messenger und Videoformate, die bei jungen Leuten gängig sind."),
            ]),
            section(t, 3, "Gesamtkonzept und Qualität", PLAN, &[
                ("Ein Gesamtkonzept mit inhaltlich verknüpften Maßnahmen liegt vor.", "Aufeinander aufbauende Bausteine, Fallkonferenzen, Verbindung durch Coaching oder THM."),
                ("Maßnahmen zur Qualitätssicherung sind eingeführt.", "Zum Beispiel Arbeitsgruppen der Träger, Kooperationsvereinbarungen."),
                ("Angebots- und Bedarfsanalysen werden durchgeführt und mit dem Bündnis rückgekoppelt.", "Liegen sie allein beim THM, droht Überlastung."),
            ]),
            section(t, 4, "Bedarfe und Lebenswelt der Zielgruppe", PLAN, &[
                ("Die Bedarfe der Zielgruppe werden qualitativ erfasst.", ""),
                ("Es gibt Konzepte zur Lebensweltorientierung.", "Zum Beispiel Kooperation mit Vereinen und Ehrenamt, Koch-, Fahrrad-, Näh- oder PC-Kurse."),
                ("Es gibt Konzepte oder Maßnahmen zur Stärkung der Partizipation der Zielgruppe.", ""),
                ("Das Bündnis beteiligt sich an Veranstaltungen zum Empowerment junger Geflüchteter.", ""),
            ]),
        ] }
}

fn netzwerk_aufbauen() -> Template {
    let t = "nw";
    Template {
        id: Id("tpl-netzwerk-aufbauen".into()),
        name: "Netzwerk aufbauen".into(),
        description: "Die fünf Schritte eines trägerübergreifenden Netzwerks (nach dem Hamburger Netzwerk der \
                      Tagesförderstätten, NAHT) und das Verhältnis von Wettbewerb und Kooperation."
            .into(),
        version: 1,
        sections: vec![
            section(t, 1, "Schritt 1: Stärken erkennen", PLAN, &[
                ("Die Stärken und Fähigkeiten der Klientinnen und Klienten sind beschrieben.", ""),
                ("Wünsche und Ansprüche an Lebensqualität sind erfragt.", ""),
                ("Es ist geklärt, wie die Klientinnen und Klienten lernen und welches Potenzial im Einzelnen und in der Gruppe liegt.", ""),
            ]),
            section(t, 2, "Schritt 2: Gemeinsames Konzept", PLAN, &[
                ("Ein gemeinsames Rahmenkonzept aller Träger liegt vor.", "Einheitlich, verbindlich, realistisch, anspruchsvoll, personenzentriert, für alle ohne Ausnahme."),
                ("Das Konzept ist in allen Einrichtungen verbindlich eingeführt.", ""),
                ("Mitarbeitende, Angehörige und Lehrkräfte sind einbezogen und überzeugt.", ""),
                ("Gemeinsame Mindeststandards gelten bei allen Trägern.", ""),
            ]),
            section(t, 3, "Schritt 3: Erfolge feiern – Unterstützung holen", PLAN, &[
                ("Erfolge und Stärken werden wahrgenommen und weitererzählt.", ""),
                ("Verantwortliche (Geschäftsführung, Leitungen) sind begeistert und ins Boot geholt.", ""),
                ("Eine organisatorische Einheit für das Netzwerk ist geschaffen.", ""),
            ]),
            section(t, 4, "Schritt 4: Öffentlichkeit herstellen", PLAN, &[
                ("Das Netzwerk berichtet in der Öffentlichkeit und in Dachverbänden von Konzepten und Praxis.", ""),
                ("Eine gemeinsame Fachtagung oder Veranstaltungsreihe ist organisiert.", ""),
                ("Gemeinsame Materialien (Flyer, Plakate) liegen vor.", ""),
            ]),
            section(t, 5, "Schritt 5: Gemeinsame Aktivitäten", PLAN, &[
                ("Ein regelmäßiger Austausch mit stabiler personeller Besetzung findet statt.", ""),
                ("Ein gemeinsamer Marktplatz findet jährlich statt.", ""),
                ("Verhandlungen mit dem Kostenträger werden gemeinsam vorbereitet und geführt.", ""),
            ]),
            section(t, 6, "Wettbewerb und Kooperation", PLAN, &[
                ("Gute Angebote der Mitbewerber werden wertgeschätzt.", ""),
                ("Ein Rahmenkonzept ist mit den Dachverbänden entwickelt.", ""),
                ("Das Gespräch mit dem Kostenträger wird aktiv gesucht.", ""),
            ]),
        ] }
}

fn sozialraumkonferenz() -> Template {
    Template {
        id: Id("tpl-sozialraumkonferenz".into()),
        name: "Sozialraumkonferenz".into(),
        description: "Die vier Leitfragen einer Sozialraumkonferenz. Zu jeder Frage werden Antworten gesammelt; \
                      jede Antwort kann die Akteure nennen, die sie betrifft."
            .into(),
        version: 1,
        sections: vec![section("srk", 1, "Vier Leitfragen", ItemKind::Answers, &[
            ("Schätze: Was sind die Stärken des Sozialraums?", "Zum Beispiel Vereinsvielfalt, schulische Vielfalt, ein gutes Netzwerk der Kinder- und Jugendhilfe, generationsübergreifende Angebote."),
            ("Bedarfe: Was wird künftig gebraucht, wo sind Versorgungslücken?", "Zum Beispiel offene Freizeitangebote, begleitetes Wohnen für Familien, therapeutische Angebote."),
            ("Gelingende Zusammenarbeit: Welche Beispiele gibt es?", "Zum Beispiel gemeinsame Anlaufstellen für Familien."),
            ("Vernetzung: Was braucht es, damit sie gut funktioniert?", "Zum Beispiel Verlässlichkeit, Neugierde, Augenhöhe, ein gemeinsames Ziel."),
        ])] }
}

fn modellregion() -> Template {
    Template {
        id: Id("tpl-modellregion-faktoren".into()),
        name: "Modellregion-Faktoren".into(),
        description: "Faktoren, die zum Zustandekommen von Budgets für Arbeit beitragen oder es verhindern, \
                      wie sie in zwei Modellregionen verglichen wurden."
            .into(),
        version: 1,
        sections: vec![section(
            "mr",
            1,
            "Strukturen der Region",
            ItemKind::Status(Scale::Factor),
            &[
                ("Trägerlandschaft", "Wie viele Werkstattträger gibt es, wie vielfältig sind sie?"),
                ("Anzahl der IFDs und ihre Trägerschaft", "Private Träger oder beim Werkstattträger angesiedelt?"),
                ("Vernetzung der beteiligten Akteure", ""),
                ("Wirtschaftliche Situation und in Frage kommende Unternehmen", ""),
            ],
        )],
    }
}

/// The templates every installation has, in the order they are offered.
pub fn builtin_templates() -> Vec<Template> {
    vec![lokale_planung(), netzwerk_aufbauen(), sozialraumkonferenz(), modellregion()]
}

pub fn is_builtin(id: &Id) -> bool {
    id.0.starts_with(BUILTIN_PREFIX)
}

#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Default, ToJson, FromJson)]
#[serde(default)]
pub struct ItemDraft {
    pub id: Option<Id>,
    pub text: String,
    pub help: String,
    pub kind: ItemKind,
}

#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Default, ToJson, FromJson)]
#[serde(default)]
pub struct SectionDraft {
    pub id: Option<Id>,
    pub title: String,
    pub items: Vec<ItemDraft>,
}

/// The template editor's content.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Default, ToJson, FromJson)]
#[serde(default)]
pub struct TemplateDraft {
    pub name: String,
    pub description: String,
    pub sections: Vec<SectionDraft>,
}

impl TemplateDraft {
    pub fn from_template(template: &Template) -> TemplateDraft {
        TemplateDraft {
            name: template.name.clone(),
            description: template.description.clone(),
            sections: template
                .sections
                .iter()
                .map(|s| SectionDraft {
                    id: Some(s.id.clone()),
                    title: s.title.clone(),
                    items: s
                        .items
                        .iter()
                        .map(|i| ItemDraft { id: Some(i.id.clone()), text: i.text.clone(), help: i.help.clone(), kind: i.kind })
                        .collect(),
                })
                .collect(),
        }
    }

    /// Builds the template `id`; `previous` is the saved version it replaces.
    pub fn build(&self, id: Id, previous: Option<&Template>, ids: &mut impl IdSource) -> Result<Template, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.name.trim().is_empty() {
            errors.insert("name".into(), Message::new(key!("templates.error.name")));
        }
        let mut sections = Vec::new();
        for (s, draft) in self.sections.iter().enumerate() {
            let items: Vec<TemplateItem> = draft
                .items
                .iter()
                .filter(|i| !i.text.trim().is_empty())
                .map(|i| TemplateItem {
                    id: i.id.clone().unwrap_or_else(|| ids.next_id("item")),
                    text: i.text.trim().to_owned(),
                    help: i.help.trim().to_owned(),
                    kind: i.kind,
                })
                .collect();
            if draft.title.trim().is_empty() && items.is_empty() {
                continue;
            }
            if draft.title.trim().is_empty() {
                errors.insert(format!("section.{s}.title"), Message::new(key!("templates.error.section_title")));
            }
            if items.is_empty() {
                errors.insert(format!("section.{s}.title"), Message::new(key!("templates.error.section_empty")));
            }
            sections.push(TemplateSection {
                id: draft.id.clone().unwrap_or_else(|| ids.next_id("section")),
                title: draft.title.trim().to_owned(),
                items,
            });
        }
        if sections.is_empty() && !errors.keys().any(|k| k.starts_with("section.")) {
            errors.insert("sections".into(), Message::new(key!("templates.error.no_sections")));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let template = Template {
            id,
            name: self.name.trim().to_owned(),
            description: self.description.trim().to_owned(),
            version: previous.map(|p| p.version).unwrap_or(0) + 1,
            sections,
        };
        // Saving unchanged content keeps the version.
        match previous {
            Some(p) if Template { version: p.version, ..template.clone() } == *p => Ok(p.clone()),
            _ => Ok(template),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::hashing::HashSet;

    #[test]
    fn builtin_templates_are_well_formed() {
        let templates = builtin_templates();
        assert_eq!(templates.len(), 4);
        let mut ids = HashSet::default();
        for t in &templates {
            assert!(is_builtin(&t.id));
            assert!(t.item_count() >= 4, "{} has {} items", t.name, t.item_count());
            for s in &t.sections {
                assert!(ids.insert(s.id.clone()), "duplicate {}", s.id);
                for i in &s.items {
                    assert!(ids.insert(i.id.clone()), "duplicate {}", i.id);
                    assert!(!i.text.is_empty());
                }
            }
        }
        let names: Vec<_> = templates.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Lokale Planung", "Netzwerk aufbauen", "Sozialraumkonferenz", "Modellregion-Faktoren"]);
        // The five NAHT steps and the four conference questions are all there.
        assert_eq!(templates[1].sections.iter().filter(|s| s.title.starts_with("Schritt")).count(), 5);
        assert_eq!(templates[2].item_count(), 4);
        assert!(templates[2].sections[0].items.iter().all(|i| i.kind == ItemKind::Answers));
        assert!(templates[3].sections[0].items.iter().all(|i| i.kind == ItemKind::Status(Scale::Factor)));
    }

    fn counter() -> impl FnMut(&str) -> Id {
        let mut n = 0;
        move |p: &str| {
            n += 1;
            Id(format!("{p}-{n}"))
        }
    }

    #[test]
    fn a_copy_keeps_item_ids_and_starts_at_version_one() {
        let original = lokale_planung();
        let copy = original.copy_as(Id("mine".into()), "Unsere Planung".into());
        assert_eq!(copy.version, 1);
        assert_eq!(copy.sections[0].items[0].id, original.sections[0].items[0].id, "same items compare across copies");
    }

    #[test]
    fn editing_raises_the_version_only_when_something_changed() {
        let mut ids = counter();
        let saved = lokale_planung().copy_as(Id("mine".into()), "Unsere Planung".into());
        let draft = TemplateDraft::from_template(&saved);
        assert_eq!(draft.build(Id("mine".into()), Some(&saved), &mut ids).unwrap(), saved);
        let mut changed = draft.clone();
        changed.sections[0].items.push(ItemDraft { text: "Neuer Punkt".into(), ..ItemDraft::default() });
        let next = changed.build(Id("mine".into()), Some(&saved), &mut ids).unwrap();
        assert_eq!(next.version, 2);
        assert_eq!(next.sections[0].items.last().unwrap().id, Id("item-1".into()));
    }

    #[test]
    fn template_rules() {
        let mut ids = counter();
        let empty = TemplateDraft::default().build(Id("t".into()), None, &mut ids).unwrap_err();
        assert!(empty.contains_key("name") && empty.contains_key("sections"));
        let draft = TemplateDraft {
            name: "X".into(),
            sections: vec![
                SectionDraft { title: "Ohne Punkte".into(), ..SectionDraft::default() },
                SectionDraft { items: vec![ItemDraft { text: "Punkt".into(), ..ItemDraft::default() }], ..SectionDraft::default() },
                SectionDraft::default(),
            ],
            ..TemplateDraft::default()
        };
        let errors = draft.build(Id("t".into()), None, &mut ids).unwrap_err();
        assert!(errors["section.0.title"].text().contains("mindestens einen Punkt"));
        assert!(errors["section.1.title"].text().contains("Titel"));
        assert!(!errors.contains_key("section.2.title"), "a blank section is ignored");
    }
}
