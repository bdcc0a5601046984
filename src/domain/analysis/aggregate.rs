//! Many checklists made from the same template, counted item by item: per
//! item n and the share per status, as the Land office reports them
//! ("47 Checklisten; 57 % Kooperation mit der ABH umgesetzt, 21 % in
//! Planung"). Items are matched by their ID, so checklists of other template
//! versions count where their items agree; where they do not, it is reported.

use crate::domain::hashing::HashSet;

use crate::domain::model::checklist::{Checklist, ItemKind, Progress, Scale, Status};
use crate::domain::model::{Id, Region, Workspace};
use crate::domain::order;

/// One checklist taken into the count, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Included {
    pub region: String,
    pub checklist: String,
    pub template_version: u32,
    /// The file it was imported from, "" for the own regions.
    pub file: String,
    /// When it was last changed (ISO), or when it was exported/created.
    pub date: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemRow {
    pub id: Id,
    pub section: String,
    pub text: String,
    pub kind: ItemKind,
    /// Checklists that hold this item.
    pub n: usize,
    /// Status items: how many stand at each step (unanswered included).
    pub progress: Progress,
    /// Free-text items: in how many checklists it has an answer.
    pub answered: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Aggregate {
    pub rows: Vec<ItemRow>,
    pub included: Vec<Included>,
    /// Items that do not match across template versions, as sentences for the user.
    pub mismatches: Vec<String>,
}

/// The templates checklists in the workspace were started from:
/// (template id, name, number of checklists), most used first.
pub fn templates_in_use(workspace: &Workspace) -> Vec<(Id, String, usize)> {
    let mut found: Vec<(Id, (String, usize))> = Vec::new();
    for checklist in workspace.regions.iter().flat_map(|r| r.checklists.iter()) {
        order::entry(&mut found, checklist.template_id.clone(), || (checklist.template_name.clone(), 0)).1 += 1;
    }
    let mut list: Vec<_> = found.into_iter().map(|(id, (name, n))| (id, name, n)).collect();
    order::sort_by(&mut list, |x, y| y.2.cmp(&x.2).then_with(|| x.1.cmp(&y.1)).then_with(|| x.0.cmp(&y.0)));
    list
}

/// Regions an evaluation leaves out until the user takes them in: the demo
/// region, whose invented figures would otherwise mix with real ones.
pub fn left_out_by_default(workspace: &Workspace) -> HashSet<Id> {
    workspace.regions.iter().filter(|r| r.is_demo()).map(|r| r.id.clone()).collect()
}

/// The checklists of `template` in the chosen regions.
pub fn sources<'a>(workspace: &'a Workspace, template: &Id, regions: &HashSet<Id>) -> Vec<(&'a Region, &'a Checklist)> {
    workspace
        .regions
        .iter()
        .filter(|r| regions.contains(&r.id))
        .flat_map(|r| r.checklists.iter().filter(|c| &c.template_id == template).map(move |c| (r, c)))
        .collect()
}

/// Template versions, ascending and each once: "1, 3".
fn versions(mut list: Vec<u32>) -> String {
    order::sort(&mut list);
    list.dedup();
    list.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
}

pub fn aggregate(sources: &[(&Region, &Checklist)]) -> Aggregate {
    let mut result = Aggregate::default();
    // The newest template version gives the order; items only older versions have follow.
    let mut ordered: Vec<&Checklist> = sources.iter().map(|(_, c)| *c).collect();
    order::sort_by(&mut ordered, |x, y| y.template_version.cmp(&x.template_version));
    let mut seen = HashSet::default();
    for checklist in &ordered {
        for section in &checklist.sections {
            for item in &section.items {
                if seen.insert(item.id.clone()) {
                    result.rows.push(ItemRow {
                        id: item.id.clone(),
                        section: section.title.clone(),
                        text: item.text.clone(),
                        kind: item.kind,
                        n: 0,
                        progress: Progress::default(),
                        answered: 0,
                    });
                }
            }
        }
    }
    for row in &mut result.rows {
        let mut missing = Vec::new();
        let mut missing_count = 0;
        let mut other_wording = Vec::new();
        let mut other_kind = Vec::new();
        let mut present = Vec::new();
        for (_, checklist) in sources {
            match checklist.items().find(|i| i.id == row.id) {
                None => {
                    missing.push(checklist.template_version);
                    missing_count += 1;
                }
                Some(item) if item.kind != row.kind => {
                    other_kind.push(checklist.template_version);
                }
                Some(item) => {
                    if item.text != row.text {
                        other_wording.push(checklist.template_version);
                    }
                    present.push(item);
                }
            }
        }
        row.n = present.len();
        row.progress = Progress::of(present.iter().copied());
        row.answered = present.iter().filter(|i| !i.answers.is_empty()).count();
        if !missing.is_empty() {
            result.mismatches.push(tr!("aggregate.missing", item = row.text, n = missing_count, versions = versions(missing)));
        }
        if !other_wording.is_empty() {
            result.mismatches.push(tr!("aggregate.wording", item = row.text, versions = versions(other_wording)));
        }
        if !other_kind.is_empty() {
            result.mismatches.push(tr!("aggregate.kind", item = row.text, versions = versions(other_kind)));
        }
    }
    for (region, checklist) in sources {
        let changed = checklist.items().map(|i| i.changed_at.as_str()).max().filter(|d| !d.is_empty());
        let provenance = region.imported_from.as_ref();
        result.included.push(Included {
            region: region.name.clone(),
            checklist: checklist.title.clone(),
            template_version: checklist.template_version,
            file: provenance.map(|p| p.file_name.clone()).unwrap_or_default(),
            date: changed
                .map(str::to_owned)
                .or_else(|| provenance.map(|p| p.exported_at.clone()))
                .unwrap_or_else(|| checklist.created_at.clone()),
        });
    }
    result
}

/// One status of an item at an earlier and a later count: shares of those
/// that answered, in whole percent, and the change in percentage points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShareChange {
    pub status: Status,
    pub before: u32,
    pub after: u32,
}

impl ShareChange {
    pub fn points(&self) -> i64 {
        self.after as i64 - self.before as i64
    }
}

/// Per status item of `later` that `earlier` has too (matched by ID, the
/// same template), how each step's share changed. Steps at 0 % in both are
/// left out. A list in the order of `later`'s rows (looked up by ID).
pub fn changes(earlier: &Aggregate, later: &Aggregate) -> Vec<(Id, Vec<ShareChange>)> {
    let mut result = Vec::new();
    for row in &later.rows {
        let ItemKind::Status(scale) = row.kind else { continue };
        let Some(before) = earlier.rows.iter().find(|r| r.id == row.id && r.kind == row.kind) else { continue };
        let (before, after) = (before.progress.answered_only(), row.progress.answered_only());
        let list: Vec<ShareChange> = scale
            .steps()
            .iter()
            .map(|s| ShareChange { status: *s, before: before.percent(Some(*s)), after: after.percent(Some(*s)) })
            .filter(|c| c.before > 0 || c.after > 0)
            .collect();
        result.push((row.id.clone(), list));
    }
    result
}

/// The statuses a row is reported on: the steps of its scale, then unanswered.
pub fn columns(scale: Scale) -> Vec<Option<Status>> {
    scale.steps().iter().map(|s| Some(*s)).chain([None]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// By hand: 2019, item lp-1-2 in two Kommunen: 1 umgesetzt, 1 nein (50 / 50 %);
    /// 2020 in four: 3 umgesetzt, 1 in Planung (75 / 25 %), one more left open.
    /// Umgesetzt +25 points, Nein -50, In Planung +25.
    #[test]
    fn the_change_per_item_is_in_percentage_points_of_those_that_answered() {
        let ws = crate::domain::samples::demo::demo_workspace();
        let region = &ws.regions[0];
        let base = region.checklists.iter().find(|c| c.title == "Lokale Planung 2026").unwrap();
        let with = |statuses: &[Option<Status>]| -> Vec<Checklist> {
            statuses
                .iter()
                .map(|status| {
                    let mut c = base.clone();
                    c.sections.iter_mut().flat_map(|s| s.items.iter_mut()).filter(|i| i.id.0 == "lp-1-2").for_each(|i| i.status = *status);
                    c
                })
                .collect()
        };
        let before = with(&[Some(Status::Umgesetzt), Some(Status::Nein)]);
        let after = with(&[Some(Status::Umgesetzt), Some(Status::Umgesetzt), Some(Status::Umgesetzt), Some(Status::InPlanung), None]);
        let count = |list: &[Checklist]| aggregate(&list.iter().map(|c| (region, c)).collect::<Vec<_>>());
        let changes = changes(&count(&before), &count(&after));
        let item = &changes.iter().find(|(id, _)| id.0 == "lp-1-2").expect("the item is compared").1;
        let found: Vec<(Status, u32, u32, i64)> = item.iter().map(|c| (c.status, c.before, c.after, c.points())).collect();
        assert_eq!(
            found,
            [(Status::Nein, 50, 0, -50), (Status::InPlanung, 0, 25, 25), (Status::Umgesetzt, 50, 75, 25)],
            "steps at 0 % in both years are left out"
        );
    }

    /// Four Kommunen, two items; the second item left open by one of them.
    /// By hand: item 1, n = 4: 3 umgesetzt (75 %), 1 nein (25 %); item 2,
    /// n = 3 of 4: 2 in Planung (67 %), 1 umgesetzt (33 %), 1 not answered
    /// beside (of all four: 50 / 25 / 25 %).
    #[test]
    fn shares_are_of_those_that_answered_and_n_differs_per_item() {
        let ws = crate::domain::samples::demo::demo_workspace();
        let region = &ws.regions[0];
        let base = region.checklists.iter().find(|c| c.title == "Lokale Planung 2026").unwrap();
        let answers = [
            (Some(Status::Umgesetzt), Some(Status::InPlanung)),
            (Some(Status::Umgesetzt), Some(Status::InPlanung)),
            (Some(Status::Umgesetzt), None),
            (Some(Status::Nein), Some(Status::Umgesetzt)),
        ];
        let checklists: Vec<Checklist> = answers
            .iter()
            .map(|(first, second)| {
                let mut c = base.clone();
                for item in c.sections.iter_mut().flat_map(|s| s.items.iter_mut()) {
                    match item.id.0.as_str() {
                        "lp-1-1" => item.status = *first,
                        "lp-1-2" => item.status = *second,
                        _ => {}
                    }
                }
                c
            })
            .collect();
        let sources: Vec<(&Region, &Checklist)> = checklists.iter().map(|c| (region, c)).collect();
        let table = aggregate(&sources);
        let row = |id: &str| table.rows.iter().find(|r| r.id.0 == id).unwrap();
        let shares = |p: &Progress| [Status::Nein, Status::InPlanung, Status::Umgesetzt].map(|s| p.percent(Some(s)));

        let first = row("lp-1-1").progress.answered_only();
        assert_eq!((row("lp-1-1").n, first.total, shares(&first)), (4, 4, [25, 0, 75]));
        let second = row("lp-1-2").progress.answered_only();
        assert_eq!((row("lp-1-2").n, second.total, shares(&second)), (4, 3, [0, 67, 33]));
        assert_eq!(row("lp-1-2").progress.count(None), 1, "the unanswered stand beside");
        assert_eq!(second.percent(None), 0, "and not inside the shares");
        assert_eq!(shares(&row("lp-1-2").progress), [0, 50, 25], "of all four, for those who want them");

        let csv = crate::domain::data::writers::csv::aggregate_csv(&table);
        let line = csv.lines().find(|l| l.contains(&row("lp-1-2").text)).unwrap();
        // n all; n answered; Nein, nicht geplant, in Planung, umgesetzt (count, % answered, % all); unanswered (count, % all).
        assert!(line.contains(";4;3;0;0;0;0;0;0;2;67;50;1;33;25;1;25;"), "{line}");
    }

    #[test]
    fn the_demo_region_is_left_out_by_default() {
        let mut ws = crate::domain::samples::demo::demo_workspace();
        let mut own = ws.regions[0].clone();
        own.id = Id("r-own".into());
        ws.regions.push(own);
        let mut imported_demo = ws.regions[0].clone();
        imported_demo.id = Id(format!("{}-import-2", crate::domain::model::DEMO_REGION_ID));
        ws.regions.push(imported_demo);
        let left_out = left_out_by_default(&ws);
        assert_eq!(left_out.len(), 2, "the demo and an imported copy of it");
        assert!(!left_out.contains(&Id("r-own".into())));
    }
}
