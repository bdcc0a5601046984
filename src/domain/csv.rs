//! CSV that opens correctly in German Excel: UTF-8 with byte-order mark,
//! semicolons, CRLF line ends, German dates.

use super::checklist::{status_label, Answer, Checklist, ItemKind};
use super::model::Region;

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
    let date: String = iso.chars().take(10).collect();
    let parts: Vec<&str> = date.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => format!("{d}.{m}.{y}"),
        _ => iso.to_owned(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
