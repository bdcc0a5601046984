//! What importing a file does to the workspace: its regions are added as
//! regions of their own (the usual case, a colleague's map read beside the
//! own), or one region is merged into an existing one; templates are added.
//! `describe` says beforehand what will happen.

use crate::domain::data::files::merge::{apply_merge, plan_merge, MergeChoices, MergePlan};
use crate::domain::data::format::{ParsedFile, Scope};
use crate::domain::model::checklist::Template;
use crate::domain::model::templates::is_builtin;
use crate::domain::model::{Id, Provenance, Region, Workspace};

/// What the user chose for one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportAction {
    /// Add the file's regions as regions of their own.
    AsNewRegion,
    /// Merge the file's (single) region into this region.
    MergeInto(Id),
    /// Leave the file out.
    Skip,
}

/// The sensible default: merge when the region is already here (the same
/// file, or a newer state of it), otherwise add it beside the own regions.
pub fn default_action(workspace: &Workspace, file: &ParsedFile) -> ImportAction {
    // A file changed after its export is imported only when the user chooses to.
    if file.modified {
        return ImportAction::Skip;
    }
    match file.content.regions.as_slice() {
        [only] if file.header.scope != Scope::Workspace && workspace.region(&only.id).is_some() => ImportAction::MergeInto(only.id.clone()),
        _ => ImportAction::AsNewRegion,
    }
}

/// What merging would do, for the preview; `None` unless the action merges.
/// A file shared without personal data asks nothing about its gaps.
pub fn merge_plan(workspace: &Workspace, file: &ParsedFile, action: &ImportAction) -> Option<MergePlan> {
    let ImportAction::MergeInto(target) = action else { return None };
    let plan = plan_merge(workspace.region(target)?, file.content.regions.first()?);
    Some(if file.from_list {
        plan.without_gaps()
    } else if file.header.personal_data {
        plan
    } else {
        plan.without_personal_gaps()
    })
}

/// The choices made before the user makes any (see `MergePlan::default_choices`).
pub fn default_choices(workspace: &Workspace, file: &ParsedFile, action: &ImportAction) -> MergeChoices {
    merge_plan(workspace, file, action).map(|p| p.default_choices()).unwrap_or_default()
}

/// Whether merging is possible: one region in the file.
pub fn can_merge(file: &ParsedFile) -> bool {
    file.content.regions.len() == 1
}

fn unused_region_id(workspace: &Workspace, wanted: &Id) -> Id {
    if workspace.region(wanted).is_none() {
        return wanted.clone();
    }
    (2..).map(|n| Id(format!("{wanted}-import-{n}"))).find(|id| workspace.region(id).is_none()).expect("unbounded")
}

fn unused_region_name(workspace: &Workspace, wanted: &str) -> String {
    let taken = |name: &str| workspace.regions.iter().any(|r| r.name == name);
    if !taken(wanted) {
        return wanted.to_owned();
    }
    (2..).map(|n| format!("{wanted} (Import {n})")).find(|name| !taken(name)).expect("unbounded")
}

/// The sentences of the preview: what the chosen action will do.
pub fn describe(workspace: &Workspace, file: &ParsedFile, action: &ImportAction) -> Vec<String> {
    let mut lines = Vec::new();
    match action {
        ImportAction::Skip => lines.push(t!("import.plan.skip").to_owned()),
        ImportAction::AsNewRegion => {
            for region in &file.content.regions {
                let name = unused_region_name(workspace, &region.name);
                if name == region.name {
                    lines.push(tr!("import.plan.new", name = name));
                } else {
                    lines.push(tr!("import.plan.renamed", existing = region.name, name = name));
                }
            }
        }
        ImportAction::MergeInto(target) => {
            let name = workspace.region(target).map(|r| r.name.as_str()).unwrap_or("?");
            lines.push(tr!("import.plan.merge", name = name));
        }
    }
    if *action != ImportAction::Skip {
        lines.extend(template_plan(workspace, &file.content.templates).into_iter().map(|(_, line)| line));
    }
    lines
}

/// For each template of a file: whether it will be added, and why (not).
fn template_plan(workspace: &Workspace, templates: &[Template]) -> Vec<(bool, String)> {
    templates
        .iter()
        .map(|t| {
            if is_builtin(&t.id) {
                return (false, tr!("import.plan.builtin", name = t.name));
            }
            match workspace.templates.iter().find(|o| o.id == t.id) {
                None => (true, tr!("import.plan.template_new", name = t.name, version = t.version)),
                Some(own) if own == t => (false, tr!("import.plan.template_same", name = t.name)),
                Some(own) if t.version > own.version => {
                    (true, tr!("import.plan.template_update", name = t.name, from = own.version, to = t.version))
                }
                Some(own) => (false, tr!("import.plan.template_older", name = t.name, ours = own.version, theirs = t.version)),
            }
        })
        .collect()
}

fn add_templates(workspace: &mut Workspace, templates: &[Template]) {
    let plan = template_plan(workspace, templates);
    for (template, (take, _)) in templates.iter().zip(plan) {
        if take {
            workspace.templates.retain(|o| o.id != template.id);
            workspace.templates.push(template.clone());
        }
    }
}

/// Applies one file. Returns the region to show afterwards, if any.
pub fn apply(
    workspace: &mut Workspace,
    file: &ParsedFile,
    action: &ImportAction,
    choices: &MergeChoices,
    provenance: Provenance,
) -> Option<Id> {
    let mut shown = None;
    match action {
        ImportAction::Skip => return None,
        ImportAction::AsNewRegion => {
            for region in &file.content.regions {
                let mut region: Region = region.clone();
                region.id = unused_region_id(workspace, &region.id);
                region.name = unused_region_name(workspace, &region.name);
                region.imported_from = Some(provenance.clone());
                shown = Some(region.id.clone());
                workspace.regions.push(region);
            }
        }
        ImportAction::MergeInto(target) => {
            if let (Some(theirs), Some(index)) = (file.content.regions.first(), workspace.regions.iter().position(|r| &r.id == target)) {
                workspace.regions[index] = apply_merge(&workspace.regions[index], theirs, choices);
                shown = Some(target.clone());
            }
        }
    }
    add_templates(workspace, &file.content.templates);
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::files::export::{export, ExportOptions, Format, Source};
    use crate::domain::data::format::read_file;
    use crate::domain::rules::integrity::integrity_problems;
    use crate::domain::samples::demo::demo_workspace;

    fn options() -> ExportOptions {
        ExportOptions { personal_data: true, stichtage: true, author: String::new(), now: "2026-11-21T10:00:00.000Z".into() }
    }

    fn provenance() -> Provenance {
        Provenance { file_name: "datei.json".into(), imported_at: "2026-11-21T11:00:00.000Z".into(), ..Provenance::default() }
    }

    #[test]
    fn export_wipe_import_gives_back_the_same_region() {
        let ws = demo_workspace();
        let file = read_file(
            &export(Source::Region { region: &ws.regions[0], templates: &ws.templates }, Format::Netzwerkatlas, &options()).unwrap().text,
        )
        .unwrap();
        let mut empty = Workspace::default();
        assert_eq!(default_action(&empty, &file), ImportAction::AsNewRegion);
        let shown = apply(&mut empty, &file, &ImportAction::AsNewRegion, &MergeChoices::default(), provenance());
        assert_eq!(shown, Some(ws.regions[0].id.clone()));
        let mut imported = empty.regions[0].clone();
        assert_eq!(imported.imported_from.take(), Some(provenance()));
        assert_eq!(imported, ws.regions[0]);
    }

    #[test]
    fn a_file_changed_after_its_export_is_skipped_unless_the_user_chooses() {
        let ws = demo_workspace();
        let text =
            export(Source::Region { region: &ws.regions[0], templates: &ws.templates }, Format::Netzwerkatlas, &options()).unwrap().text;
        let file = read_file(&text.replacen("Jobcenter", "JobCenter", 1)).unwrap();
        assert!(file.modified);
        assert_eq!(default_action(&Workspace::default(), &file), ImportAction::Skip);
    }

    #[test]
    fn the_same_file_twice_defaults_to_merge_or_is_added_beside() {
        let mut ws = demo_workspace();
        let file = read_file(
            &export(Source::Region { region: &ws.regions[0], templates: &ws.templates }, Format::Netzwerkatlas, &options()).unwrap().text,
        )
        .unwrap();
        let own = ws.regions[0].id.clone();
        assert_eq!(default_action(&ws, &file), ImportAction::MergeInto(own.clone()));
        assert_eq!(
            describe(&ws, &file, &ImportAction::AsNewRegion)[0],
            format!("Eine Region „{0}“ gibt es schon; die Datei wird als „{0} (Import 2)“ daneben hinzugefügt.", ws.regions[0].name)
        );
        let before = ws.clone();
        apply(&mut ws, &file, &ImportAction::MergeInto(own), &MergeChoices::default(), provenance());
        assert_eq!(ws, before, "merging the same state changes nothing");
        apply(&mut ws, &file, &ImportAction::AsNewRegion, &MergeChoices::default(), provenance());
        assert_eq!(ws.regions.len(), 2);
        assert_ne!(ws.regions[0].id, ws.regions[1].id);
        assert!(integrity_problems(&ws).is_empty());
    }

    #[test]
    fn templates_are_added_updated_or_left() {
        let mut ws = Workspace::default();
        let mut template =
            crate::domain::model::templates::builtin_templates().remove(0).copy_as(Id("template-user-1".into()), "Eigene".into());
        let file = |t: &Template| read_file(&export(Source::Template(t), Format::Netzwerkatlas, &options()).unwrap().text).unwrap();
        assert_eq!(describe(&ws, &file(&template), &ImportAction::AsNewRegion), ["Die Vorlage „Eigene“ (Version 1) kommt hinzu."]);
        apply(&mut ws, &file(&template), &ImportAction::AsNewRegion, &MergeChoices::default(), provenance());
        assert_eq!(ws.templates, vec![template.clone()]);
        template.version = 2;
        template.name = "Eigene, überarbeitet".into();
        apply(&mut ws, &file(&template), &ImportAction::AsNewRegion, &MergeChoices::default(), provenance());
        assert_eq!(ws.templates, vec![template.clone()]);
        let mut older = template.clone();
        older.version = 1;
        assert!(describe(&ws, &file(&older), &ImportAction::AsNewRegion)[0].contains("nicht übernommen"));
        apply(&mut ws, &file(&older), &ImportAction::AsNewRegion, &MergeChoices::default(), provenance());
        assert_eq!(ws.templates, vec![template]);
        let builtin = crate::domain::model::templates::builtin_templates().remove(0);
        apply(&mut ws, &file(&builtin), &ImportAction::AsNewRegion, &MergeChoices::default(), provenance());
        assert_eq!(ws.templates.len(), 1, "shipped templates are not copied in");
    }
}
