//! Two regions side by side, as the Modellregionen study compared them:
//! actors per kind, the IFDs and their Träger, relations per kind and how
//! binding they are, density, and the status of checklists both keep.

use crate::domain::analysis::metrics::{density, isolated, percent_text};
use crate::domain::model::checklist::{status_label, Checklist, ItemKind};
use crate::domain::model::{ActorKind, Binding, Region, RelationKind};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub a: String,
    pub b: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub rows: Vec<Row>,
}

fn row(label: impl Into<String>, a: impl ToString, b: impl ToString) -> Row {
    Row { label: label.into(), a: a.to_string(), b: b.to_string() }
}

fn counted(total: usize, n: usize) -> String {
    if total == 0 {
        n.to_string()
    } else {
        format!("{n} ({})", percent_text(n as f64 / total as f64))
    }
}

fn ifds(region: &Region) -> String {
    let lines: Vec<String> = region
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Ifd)
        .map(|a| match &a.traeger {
            Some(t) => tr!("compare.ifd_with_traeger", name = a.name, traeger = region.actor_name(t)),
            None => tr!("compare.ifd_without", name = a.name),
        })
        .collect();
    if lines.is_empty() {
        "–".into()
    } else {
        lines.join("; ")
    }
}

/// The newest checklist of a template in a region.
fn latest<'a>(region: &'a Region, template: &crate::domain::model::Id) -> Option<&'a Checklist> {
    region.checklists.iter().filter(|c| &c.template_id == template).max_by(|x, y| x.created_at.cmp(&y.created_at))
}

pub fn compare(a: &Region, b: &Region) -> Vec<Section> {
    let mut sections = Vec::new();
    sections.push(Section {
        title: t!("checklist.overview").into(),
        rows: vec![
            row(t!("tabs.actors"), a.actors.len(), b.actors.len()),
            row(t!("tabs.relations"), a.relations.len(), b.relations.len()),
            row(t!("compare.density"), percent_text(density(a)), percent_text(density(b))),
            row(t!("compare.isolated"), isolated(a).len(), isolated(b).len()),
            row(t!("tabs.groups"), a.groups.len(), b.groups.len()),
            row(t!("region.sozialraeume"), a.sozialraeume.len(), b.sozialraeume.len()),
            row(t!("tabs.checklists"), a.checklists.len(), b.checklists.len()),
        ],
    });
    let kinds = |r: &Region, k: ActorKind| r.actors.iter().filter(|x| x.kind == k).count();
    sections.push(Section {
        title: t!("compare.actors_by_kind").into(),
        rows: ActorKind::ALL
            .iter()
            .filter(|k| kinds(a, **k) + kinds(b, **k) > 0)
            .map(|k| row(k.label(), kinds(a, *k), kinds(b, *k)))
            .collect(),
    });
    sections.push(Section {
        title: t!("compare.ifd_title").into(),
        rows: vec![
            row(t!("compare.ifd_count"), kinds(a, ActorKind::Ifd), kinds(b, ActorKind::Ifd)),
            row(t!("compare.ifd_and_traeger"), ifds(a), ifds(b)),
        ],
    });
    let relations = |r: &Region, k: RelationKind| r.relations.iter().filter(|x| x.kind == k).count();
    sections.push(Section {
        title: t!("compare.relations_by_kind").into(),
        rows: RelationKind::ALL
            .iter()
            .filter(|k| relations(a, **k) + relations(b, **k) > 0)
            .map(|k| row(k.label(), counted(a.relations.len(), relations(a, *k)), counted(b.relations.len(), relations(b, *k))))
            .collect(),
    });
    let bindings = |r: &Region, k: Binding| r.relations.iter().filter(|x| x.binding == k).count();
    sections.push(Section {
        title: t!("compare.binding").into(),
        rows: Binding::ALL
            .iter()
            .map(|k| row(k.label(), counted(a.relations.len(), bindings(a, *k)), counted(b.relations.len(), bindings(b, *k))))
            .collect(),
    });
    // Checklists of the same template in both regions, item by item.
    // Each template once, in id order (a list: a handful, and no B-tree code for it).
    let mut shared: Vec<&crate::domain::model::Id> =
        a.checklists.iter().map(|c| &c.template_id).filter(|t| b.checklists.iter().any(|c| &c.template_id == *t)).collect();
    crate::domain::order::sort(&mut shared);
    shared.dedup();
    for template in shared {
        let (Some(x), Some(y)) = (latest(a, template), latest(b, template)) else { continue };
        let mut rows = Vec::new();
        let state = |c: &Checklist, id: &crate::domain::model::Id| -> String {
            match c.items().find(|i| &i.id == id) {
                None => t!("compare.item_missing").into(),
                Some(i) if i.kind == ItemKind::Answers => tr!("compare.answers_n", n = i.answers.len()),
                Some(i) => status_label(i.status).into(),
            }
        };
        let mut seen = crate::domain::hashing::HashSet::default();
        for item in x.items().chain(y.items()) {
            if seen.insert(&item.id) {
                rows.push(row(item.text.clone(), state(x, &item.id), state(y, &item.id)));
            }
        }
        sections.push(Section { title: tr!("compare.checklist_title", name = x.template_name), rows });
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::checklist::Status;
    use crate::domain::samples::demo::demo_workspace;

    #[test]
    fn two_regions_side_by_side() {
        let a = demo_workspace().regions.remove(0);
        let mut b = a.clone();
        b.name = "Nachbarkreis".into();
        b.relations.truncate(10);
        let item = b.checklists[0]
            .items()
            .find(|i| i.status != Some(Status::Umgesetzt) && matches!(i.kind, ItemKind::Status(_)))
            .unwrap()
            .id
            .clone();
        b.checklists[0].set_status(&item, Some(Status::Umgesetzt), "2026-11-21T00:00:00Z");
        let sections = compare(&a, &b);
        let overview = &sections[0].rows;
        assert_eq!(overview[0], row(t!("tabs.actors"), a.actors.len(), a.actors.len()));
        assert_eq!(overview[1], row(t!("tabs.relations"), a.relations.len(), 10));
        let ifd = sections.iter().find(|s| s.title.starts_with("Integrationsfachdienste")).unwrap();
        assert!(ifd.rows[1].a.contains("Träger:"), "{:?}", ifd.rows[1]);
        let binding = sections.iter().find(|s| s.title.starts_with("Verbindlichkeit")).unwrap();
        assert_eq!(binding.rows.len(), Binding::ALL.len());
        let checklist = sections.iter().find(|s| s.title.starts_with("Checkliste")).unwrap();
        let changed = checklist.rows.iter().find(|r| r.a != r.b).unwrap();
        assert_eq!(changed.b, "Bereits umgesetzt");
    }
}
