//! Sharing without personal data (DSGVO): contact persons and free notes
//! can be left out of an export, and the user sees beforehand what goes.

use crate::domain::model::Region;

/// What personal data a region holds (and an export without it leaves out).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PersonalData {
    pub contacts: usize,
    pub actors_with_contacts: usize,
    /// Non-empty free notes of the region, actors, relations, Gremien and
    /// checklist items, and the texts of journal entries (their titles stay).
    pub notes: usize,
    /// Free-text answers of checklists: the content of the work, kept in an
    /// export without personal data, but they may name people.
    pub answers: usize,
    /// Reports, kept likewise: written to be handed on, but free text.
    pub reports: usize,
}

impl PersonalData {
    pub fn of(region: &Region) -> PersonalData {
        let filled = |s: &String| usize::from(!s.trim().is_empty());
        let notes = filled(&region.notes)
            + region.actors.iter().map(|a| filled(&a.notes)).sum::<usize>()
            + region.relations.iter().map(|r| filled(&r.notes)).sum::<usize>()
            + region.groups.iter().map(|g| filled(&g.notes)).sum::<usize>()
            + region.checklists.iter().flat_map(|c| c.items()).map(|i| filled(&i.notes)).sum::<usize>()
            + region.journal.iter().map(|e| filled(&e.text)).sum::<usize>();
        PersonalData {
            contacts: region.actors.iter().map(|a| a.contacts.len()).sum(),
            actors_with_contacts: region.actors.iter().filter(|a| !a.contacts.is_empty()).count(),
            notes,
            answers: region
                .checklists
                .iter()
                .flat_map(|c| c.items())
                .flat_map(|i| i.answers.iter())
                .filter(|a| filled(&a.text) == 1)
                .count(),
            reports: region.reports.len(),
        }
    }

    /// Nothing an export without personal data would leave out.
    pub fn is_empty(&self) -> bool {
        self.contacts == 0 && self.notes == 0
    }

    /// What stays in an export without personal data and may still name
    /// people, said before saving.
    pub fn kept(&self) -> Option<String> {
        let mut said = Vec::new();
        if self.answers > 0 {
            said.push(tr!("privacy.answers_kept", n = self.answers));
        }
        if self.reports > 0 {
            said.push(tr!("privacy.reports_kept", n = self.reports));
        }
        (!said.is_empty()).then(|| said.join(" "))
    }

    /// The lines shown before saving: what will be left out.
    pub fn describe(&self) -> Vec<String> {
        let mut lines = Vec::new();
        match (self.contacts, self.actors_with_contacts) {
            (0, _) => {}
            (1, _) => lines.push(t!("privacy.one_contact").to_owned()),
            (n, a) => lines.push(tr!("privacy.contacts", contacts = n, n = a)),
        }
        match self.notes {
            0 => {}
            n => lines.push(tr!("privacy.notes", n = n)),
        }
        lines
    }
}

/// Drops contact persons, free notes and journal texts, from the Stichtage too.
pub fn strip_personal_data(region: &mut Region) {
    for stichtag in &mut region.stichtage {
        strip_personal_data(std::sync::Arc::make_mut(&mut stichtag.state));
    }
    region.notes.clear();
    region.imported_from = None;
    for actor in &mut region.actors {
        actor.contacts.clear();
        actor.notes.clear();
    }
    for relation in &mut region.relations {
        relation.notes.clear();
    }
    for group in &mut region.groups {
        group.notes.clear();
    }
    for entry in &mut region.journal {
        entry.text.clear();
    }
    for item in region.checklists.iter_mut().flat_map(|c| c.sections.iter_mut()).flat_map(|s| s.items.iter_mut()) {
        item.notes.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::samples::demo::demo_workspace;

    #[test]
    fn counts_what_is_left_out_and_then_nothing_is_left() {
        let mut region = demo_workspace().regions.remove(0);
        let found = PersonalData::of(&region);
        assert!(found.contacts > 0 && found.actors_with_contacts > 0 && found.notes > 0, "{found:?}");
        let expected_contacts: usize = region.actors.iter().map(|a| a.contacts.len()).sum();
        assert_eq!(found.contacts, expected_contacts);
        assert!(found.describe()[0].starts_with(&format!("{expected_contacts} Kontaktpersonen bei")));
        let titles: Vec<String> = region.journal.iter().map(|e| e.title.clone()).collect();
        assert!(region.journal.iter().any(|e| !e.text.is_empty()), "the demo's journal has texts");
        strip_personal_data(&mut region);
        assert!(PersonalData::of(&region).is_empty());
        assert!(region.journal.iter().all(|e| e.text.is_empty()), "journal texts are free notes");
        assert_eq!(region.journal.iter().map(|e| e.title.clone()).collect::<Vec<_>>(), titles, "titles stay");
        assert_eq!((PersonalData::of(&region).contacts, PersonalData::of(&region).notes), (0, 0));
        assert!(PersonalData::of(&region).describe().is_empty());
        let text = crate::domain::data::to_json::text(&region);
        assert!(!text.contains('@'), "no e-mail address survives");
        let answers = PersonalData::of(&region).answers;
        assert!(answers > 0, "the demo's Sozialraumkonferenz has free-text answers");
        assert_eq!(
            PersonalData::of(&region).kept(),
            Some(format!("{answers} freie Antworten in Checklisten bleiben in der Datei. Prüfen Sie, ob sie Personen nennen."))
        );
        region.reports.push(crate::domain::model::report::Report {
            id: crate::domain::model::Id("r".into()),
            title: "Bericht".into(),
            from: "2026-07-01".into(),
            to: "2026-09-30".into(),
            drafted_at: String::new(),
            parts: Vec::new(),
        });
        let kept = PersonalData::of(&region).kept().unwrap();
        assert!(kept.ends_with("1 Bericht bleibt in der Datei. Prüfen Sie, ob er Personen nennt."), "{kept}");
    }
}
