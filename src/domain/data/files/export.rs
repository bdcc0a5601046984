//! What goes into an exported file and what it is called: a whole region,
//! selected checklists, one template, or the full backup.

use std::collections::HashSet;

use crate::domain::model::checklist::Template;
use crate::domain::data::format::{encode_file, Content, Header, RegionRef, Scope};
use crate::domain::model::{Id, Region, Workspace};
use crate::domain::data::files::privacy::strip_personal_data;
use crate::domain::rules::text::file_stem;

/// The version written into every file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Choices made in the export dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// Keep contact persons and free notes.
    pub personal_data: bool,
    pub author: String,
    /// ISO timestamp of the export.
    pub now: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub file_name: String,
    pub text: String,
}

/// `netzwerkatlas-<what>-<date>.json`
pub fn file_name(what: &[&str], now: &str) -> String {
    file_name_as(what, now, "json")
}

/// `netzwerkatlas-<what>-<date>.<extension>`, for every file the app saves.
pub fn file_name_as(what: &[&str], now: &str, extension: &str) -> String {
    let date: String = now.chars().take(10).collect();
    let mut parts = vec!["netzwerkatlas".to_owned()];
    parts.extend(what.iter().map(|w| file_stem(w)).filter(|w| !w.is_empty()));
    parts.push(date);
    format!("{}.{extension}", parts.join("-"))
}

fn header(scope: Scope, region: Option<&Region>, options: &ExportOptions) -> Header {
    Header {
        scope,
        app_version: APP_VERSION.to_owned(),
        exported_at: options.now.clone(),
        region: region.map(|r| RegionRef { id: r.id.clone(), name: r.name.clone() }),
        author: options.author.trim().to_owned(),
        personal_data: options.personal_data,
    }
}

/// The user's templates that `region`'s checklists were started from
/// (shipped templates are part of every installation).
fn templates_used(region: &Region, templates: &[Template]) -> Vec<Template> {
    let used: HashSet<&Id> = region.checklists.iter().map(|c| &c.template_id).collect();
    templates.iter().filter(|t| used.contains(&t.id)).cloned().collect()
}

fn prepared(mut region: Region, options: &ExportOptions) -> Region {
    region.imported_from = None;
    if !options.personal_data {
        strip_personal_data(&mut region);
    }
    region
}

/// The full backup: every region with everything, and all own templates.
pub fn export_workspace(workspace: &Workspace, now: &str) -> ExportFile {
    let options = ExportOptions { personal_data: true, author: String::new(), now: now.to_owned() };
    let content = Content { regions: workspace.regions.clone(), templates: workspace.templates.clone() };
    ExportFile {
        file_name: file_name(&["sicherung"], now),
        text: encode_file(&header(Scope::Workspace, None, &options), &content),
    }
}

/// One region with its map, Gremien, checklists and the own templates they use.
pub fn export_region(region: &Region, templates: &[Template], options: &ExportOptions) -> ExportFile {
    let content = Content { regions: vec![prepared(region.clone(), options)], templates: templates_used(region, templates) };
    ExportFile {
        file_name: file_name(&[&region.name], &options.now),
        text: encode_file(&header(Scope::Region, Some(region), options), &content),
    }
}

/// The part of a region a checklist export holds: the chosen checklists and
/// the actors they name (so names resolve in the receiving app), without
/// relations and Gremien.
pub fn checklists_part(region: &Region, checklists: &[Id]) -> Region {
    let chosen: Vec<_> = region.checklists.iter().filter(|c| checklists.contains(&c.id)).cloned().collect();
    let named: HashSet<&Id> = chosen
        .iter()
        .flat_map(|c| c.items())
        .flat_map(|i| i.responsible.iter().chain(i.answers.iter().flat_map(|a| a.actors.iter())))
        .collect();
    let actors = region
        .actors
        .iter()
        .filter(|a| named.contains(&a.id))
        .map(|a| {
            let mut actor = a.clone();
            actor.traeger = actor.traeger.filter(|t| named.contains(t));
            actor
        })
        .collect();
    Region { actors, relations: Vec::new(), groups: Vec::new(), checklists: chosen, ..region.clone() }
}

/// Selected checklists of a region (see `checklists_part`).
pub fn export_checklists(region: &Region, checklists: &[Id], templates: &[Template], options: &ExportOptions) -> ExportFile {
    let part = checklists_part(region, checklists);
    let content = Content { templates: templates_used(&part, templates), regions: vec![prepared(part, options)] };
    let what = match content.regions[0].checklists.as_slice() {
        [only] => vec![region.name.as_str(), only.title.as_str()],
        _ => vec![region.name.as_str(), "checklisten"],
    };
    ExportFile {
        file_name: file_name(&what, &options.now),
        text: encode_file(&header(Scope::Checklists, Some(region), options), &content),
    }
}

/// One template, to be used by other Kommunen.
pub fn export_template(template: &Template, options: &ExportOptions) -> ExportFile {
    let content = Content { regions: Vec::new(), templates: vec![template.clone()] };
    ExportFile {
        file_name: file_name(&["vorlage", &template.name], &options.now),
        text: encode_file(&header(Scope::Template, None, options), &content),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::samples::demo::demo_workspace;
    use crate::domain::data::format::read_file;
    use crate::domain::data::files::privacy::PersonalData;

    fn options(personal_data: bool) -> ExportOptions {
        ExportOptions { personal_data, author: " Anna Schmidt ".into(), now: "2026-11-21T10:00:00.000Z".into() }
    }

    #[test]
    fn region_export_round_trips_field_by_field() {
        let ws = demo_workspace();
        let region = &ws.regions[0];
        let file = export_region(region, &ws.templates, &options(true));
        assert_eq!(file.file_name, "netzwerkatlas-landkreis-lindenau-demo-2026-11-21.json");
        let parsed = read_file(&file.text).unwrap();
        assert_eq!(parsed.header.scope, Scope::Region);
        assert_eq!(parsed.header.author, "Anna Schmidt");
        assert_eq!(parsed.header.region.as_ref().unwrap().name, region.name);
        assert_eq!(&parsed.content.regions[0], region);
    }

    #[test]
    fn without_personal_data_nothing_personal_travels() {
        let ws = demo_workspace();
        let file = export_region(&ws.regions[0], &ws.templates, &options(false));
        let parsed = read_file(&file.text).unwrap();
        assert!(!parsed.header.personal_data);
        assert!(PersonalData::of(&parsed.content.regions[0]).is_empty());
        assert_eq!(parsed.content.regions[0].actors.len(), ws.regions[0].actors.len(), "the map itself stays");
    }

    #[test]
    fn checklist_export_takes_the_named_actors_along() {
        let ws = demo_workspace();
        let region = &ws.regions[0];
        let checklist = &region.checklists[0];
        let file = export_checklists(region, &[checklist.id.clone()], &ws.templates, &options(true));
        assert_eq!(file.file_name, format!("netzwerkatlas-landkreis-lindenau-demo-{}-2026-11-21.json", file_stem(&checklist.title)));
        let parsed = read_file(&file.text).unwrap();
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        let part = &parsed.content.regions[0];
        assert_eq!(part.checklists, vec![checklist.clone()]);
        assert!(part.relations.is_empty() && part.groups.is_empty());
        let named: HashSet<&Id> = checklist.items().flat_map(|i| i.responsible.iter()).collect();
        assert!(!named.is_empty());
        assert_eq!(part.actors.len(), named.len());
    }

    #[test]
    fn template_export_and_backup() {
        let template = crate::domain::model::templates::builtin_templates().remove(0);
        let file = export_template(&template, &options(true));
        assert!(file.file_name.starts_with("netzwerkatlas-vorlage-"));
        let parsed = read_file(&file.text).unwrap();
        assert_eq!(parsed.content.templates, vec![template]);
        let ws = demo_workspace();
        let backup = export_workspace(&ws, "2026-11-21T10:00:00.000Z");
        assert_eq!(backup.file_name, "netzwerkatlas-sicherung-2026-11-21.json");
        assert_eq!(read_file(&backup.text).unwrap().content.regions, ws.regions);
    }
}
