//! CSV that opens correctly in German Excel: UTF-8 with byte-order mark,
//! semicolons, CRLF line ends, German dates.

use crate::domain::analysis::aggregate::{columns, Aggregate};
use crate::domain::model::checklist::{status_label, Answer, Checklist, ItemKind, Scale, Status};
use crate::domain::model::{Actor, Region};

/// Quotes a field when it holds a separator, a quote or a line break, and
/// defuses a leading =, +, - or @ so that Excel never runs it as a formula.
pub fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) { format!("'{value}") } else { value.to_owned() };
    if value.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// Joins rows into a CSV document with BOM and CRLF.
pub fn document(rows: &[Vec<String>]) -> String {
    let mut out = String::from('\u{feff}');
    for row in rows {
        out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out
}

/// "2026-12-03" or an ISO timestamp → "03.12.2026"; anything else unchanged.
pub fn german_date(iso: &str) -> String {
    crate::domain::rules::dates::show_in(crate::i18n::Lang::GERMAN, iso)
}

/// An answer with the actors it names: "Vereinsvielfalt (TSV Erlenbach)".
pub fn answer_line(region: &Region, answer: &Answer) -> String {
    if answer.actors.is_empty() {
        answer.text.clone()
    } else {
        format!("{} ({})", answer.text, region.actor_names(&answer.actors))
    }
}

pub const CHECKLIST_HEADER: [&str; 9] =
    ["Abschnitt", "Nr.", "Punkt", "Status", "Verantwortlich", "Fällig", "Notizen", "Antworten", "Zuletzt geändert"];

/// One row per item of the checklist.
pub fn checklist_csv(checklist: &Checklist, region: &Region) -> String {
    let mut rows = vec![CHECKLIST_HEADER.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>()];
    for (s, section) in checklist.sections.iter().enumerate() {
        for (i, item) in section.items.iter().enumerate() {
            let status = match item.kind {
                ItemKind::Answers => String::new(),
                ItemKind::Status(_) => status_label(item.status).to_owned(),
            };
            let responsible = region.actor_names(&item.responsible);
            let answers = item.answers.iter().map(|a| answer_line(region, a)).collect::<Vec<_>>().join("\n");
            rows.push(vec![
                section.title.clone(),
                format!("{}.{}", s + 1, i + 1),
                item.text.clone(),
                status,
                responsible,
                german_date(&item.due),
                item.notes.clone(),
                answers,
                german_date(&item.changed_at),
            ]);
        }
    }
    document(&rows)
}

fn owned(header: &[&str]) -> Vec<String> {
    header.iter().map(|h| (*h).to_owned()).collect()
}

fn contact_line(actor: &Actor) -> String {
    actor
        .contacts
        .iter()
        .map(|c| {
            let details: Vec<&str> = [c.role.as_str(), c.email.as_str(), c.phone.as_str()].into_iter().filter(|d| !d.is_empty()).collect();
            if details.is_empty() {
                c.name.clone()
            } else {
                format!("{} ({})", c.name, details.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The columns of the actor list; the list import reads them back unaided.
pub const ACTORS_HEADER: [&str; 13] = [
    "Name",
    "Art",
    "Träger",
    "Rechtskreise",
    "Sozialräume",
    "Zielgruppen",
    "Angebote",
    "Website",
    "Kontaktpersonen",
    "Schlagworte",
    "Beziehungen",
    "Notizen",
    "ID",
];

/// The actors of a region, one row each.
pub fn actors_csv(region: &Region) -> String {
    let mut rows = vec![owned(&ACTORS_HEADER)];
    for actor in &region.actors {
        rows.push(vec![
            actor.name.clone(),
            actor.kind.label().to_owned(),
            actor.traeger.as_ref().map(|t| region.actor_name(t)).unwrap_or_default(),
            actor.rechtskreise.iter().map(|r| r.short()).collect::<Vec<_>>().join(", "),
            actor.sozialraeume.iter().filter_map(|s| region.sozialraum(s)).map(|s| s.name.as_str()).collect::<Vec<_>>().join(", "),
            actor.target_groups.join(", "),
            actor.offers.join(", "),
            actor.website.clone(),
            contact_line(actor),
            actor.tags.join(", "),
            region.relation_count(&actor.id).to_string(),
            actor.notes.clone(),
            actor.id.0.clone(),
        ]);
    }
    document(&rows)
}

/// The columns of the relation list; the list import reads them back unaided.
pub const RELATIONS_HEADER: [&str; 9] = ["Von", "Beziehung", "An", "Art", "Richtung", "Verbindlichkeit", "Seit", "Notizen", "ID"];

/// The relations of a region, one row each, read "Von – Beziehung – An".
pub fn relations_csv(region: &Region) -> String {
    let mut rows = vec![owned(&RELATIONS_HEADER)];
    for relation in &region.relations {
        rows.push(vec![
            region.actor_name(&relation.from),
            relation.kind.phrase(relation.direction, true),
            region.actor_name(&relation.to),
            relation.kind.label().to_owned(),
            relation.direction.label().to_owned(),
            relation.binding.label().to_owned(),
            relation.since.clone(),
            relation.notes.clone(),
            relation.id.0.clone(),
        ]);
    }
    document(&rows)
}

/// The table as CSV for German Excel: per item n (all checklists and those
/// that answered it), then per status the count, its share of those that
/// answered (as evaluations publish it) and of all; then the unanswered.
pub fn aggregate_csv(aggregate: &Aggregate) -> String {
    let scales: Vec<Scale> = Scale::ALL.into_iter().filter(|s| aggregate.rows.iter().any(|r| r.kind == ItemKind::Status(*s))).collect();
    let mut statuses: Vec<Status> = Vec::new();
    for scale in &scales {
        for status in columns(*scale).into_iter().flatten() {
            if !statuses.contains(&status) {
                statuses.push(status);
            }
        }
    }
    let mut header = vec!["Abschnitt".to_owned(), "Punkt".into(), "n (alle)".into(), "n (beantwortet)".into()];
    for status in &statuses {
        let label = status_label(Some(*status));
        header.extend([format!("{label} (Anzahl)"), format!("{label} (% der Beantworteten)"), format!("{label} (% aller)")]);
    }
    let unanswered = status_label(None);
    header.extend([format!("{unanswered} (Anzahl)"), format!("{unanswered} (% aller)"), "Mit Antwort (Freitext)".into()]);
    let mut rows = vec![header];
    for row in &aggregate.rows {
        let mut line = vec![row.section.clone(), row.text.clone(), row.n.to_string()];
        match row.kind {
            ItemKind::Status(_) => {
                let answered = row.progress.answered_only();
                line.push(answered.total.to_string());
                for status in &statuses {
                    let status = Some(*status);
                    line.extend(
                        [row.progress.count(status), answered.percent(status) as usize, row.progress.percent(status) as usize]
                            .map(|n| n.to_string()),
                    );
                }
                line.extend([row.progress.count(None), row.progress.percent(None) as usize].map(|n| n.to_string()));
                line.push(String::new());
            }
            ItemKind::Answers => {
                line.push(row.answered.to_string());
                line.extend(std::iter::repeat_n(String::new(), statuses.len() * 3 + 2));
                line.push(row.answered.to_string());
            }
        }
        rows.push(line);
    }
    rows.push(Vec::new());
    rows.push(vec!["Einbezogene Checklisten".into()]);
    rows.push(vec!["Region".into(), "Checkliste".into(), "Vorlagen-Version".into(), "Datei".into(), "Stand".into()]);
    for included in &aggregate.included {
        rows.push(vec![
            included.region.clone(),
            included.checklist.clone(),
            included.template_version.to_string(),
            included.file.clone(),
            german_date(&included.date),
        ]);
    }
    document(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_tables_have_a_row_per_record() {
        let region = crate::domain::samples::demo::demo_workspace().regions.remove(0);
        let actors = actors_csv(&region);
        assert_eq!(actors.matches("\r\n").count(), region.actors.len() + 1);
        assert!(actors.starts_with("\u{feff}Name;Art;Träger;"));
        let relations = relations_csv(&region);
        let first = &region.relations[0];
        let line = relations.split("\r\n").nth(1).unwrap();
        assert!(line.starts_with(&format!("{};", region.actor_name(&first.from))), "{line}");
        assert!(line.ends_with(&first.id.0));
    }

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("a"), "a");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("sagt \"ja\""), "\"sagt \"\"ja\"\"\"");
        assert_eq!(field("zwei\nZeilen"), "\"zwei\nZeilen\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-5"), "'-5");
    }

    #[test]
    fn document_has_bom_semicolons_and_crlf() {
        let doc = document(&[vec!["Ä".into(), "b".into()], vec!["c".into(), String::new()]]);
        assert_eq!(doc, "\u{feff}Ä;b\r\nc;\r\n");
        assert_eq!(&doc.as_bytes()[..3], &[0xEF, 0xBB, 0xBF]);
    }

    #[test]
    fn german_dates() {
        assert_eq!(german_date("2026-12-03"), "03.12.2026");
        assert_eq!(german_date("2026-11-21T10:40:00.000Z"), "21.11.2026");
        assert_eq!(german_date(""), "");
    }
}
