//! The one path every file the app writes takes: `export(source, format,
//! options)`. The privacy filter runs here, once, before any writer sees the
//! data, so a new format cannot leak contact persons by forgetting it. A new
//! format is a writer in `data::writers` and one arm in `write`.
//!
//! File names say what a file holds and whether it carries personal data:
//! `netzwerkatlas-<region>[-<what>][-ohne-personendaten]-<date>.<ext>`.

use crate::domain::hashing::{HashMap, HashSet};

use crate::domain::analysis::aggregate::Aggregate;
use crate::domain::data::files::privacy::strip_personal_data;
use crate::domain::data::format::{encode_file, Content, Header, RegionRef, Scope};
use crate::domain::data::writers::{csv, graph_files, svg};
use crate::domain::layout::Point;
use crate::domain::model::checklist::Template;
use crate::domain::model::{Id, Region, Workspace};
use crate::domain::picture::sectors::{Ring, Sector};
use crate::domain::rules::text::file_stem;

/// The version written into every file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What the file name says of an export without personal data.
pub const WITHOUT_PERSONAL_DATA: &str = "ohne-personendaten";

/// Choices made in the export dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// Keep contact persons and free notes.
    pub personal_data: bool,
    /// Keep the regions' Stichtage (their earlier states).
    pub stichtage: bool,
    pub author: String,
    /// ISO timestamp of the export.
    pub now: String,
}

/// What is exported.
#[derive(Clone, Copy)]
pub enum Source<'a> {
    /// Everything: all regions and the user's templates (the backup).
    Workspace(&'a Workspace),
    /// One region with its map, Gremien, checklists and the own templates they use.
    Region { region: &'a Region, templates: &'a [Template] },
    /// Chosen checklists of a region with the actors they name.
    Checklists { region: &'a Region, ids: &'a [Id], templates: &'a [Template] },
    /// One template.
    Template(&'a Template),
    /// What the network picture shows: the region cut to the visible actors
    /// and relations, where they are, and the sector map if one is drawn.
    Picture { region: &'a Region, positions: &'a HashMap<Id, Point>, title: &'a str, sectors: Option<(&'a [Sector], &'a [Ring])> },
    /// An evaluation across Kommunen (counts only, no personal data).
    Aggregate { aggregate: &'a Aggregate, template_name: &'a str },
}

/// How it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The Netzwerkatlas file (JSON envelope with checksum).
    Netzwerkatlas,
    ActorsCsv,
    RelationsCsv,
    /// One checklist (the single id of `Source::Checklists`) as CSV.
    ChecklistCsv,
    /// The aggregate table as CSV.
    AggregateCsv,
    GraphMl,
    Gexf,
    Svg,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Netzwerkatlas => "json",
            Format::ActorsCsv | Format::RelationsCsv | Format::ChecklistCsv | Format::AggregateCsv => "csv",
            Format::GraphMl => "graphml",
            Format::Gexf => "gexf",
            Format::Svg => "svg",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Netzwerkatlas => "application/json",
            Format::ActorsCsv | Format::RelationsCsv | Format::ChecklistCsv | Format::AggregateCsv => "text/csv;charset=utf-8",
            Format::GraphMl => "application/graphml+xml",
            Format::Gexf => "application/gexf+xml",
            Format::Svg => "image/svg+xml",
        }
    }
}

/// Why nothing was written: a combination the UI does not offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// This source cannot be written in this format.
    Unsupported,
    /// A checklist export without a checklist chosen (or a CSV of several).
    NoChecklist,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub file_name: String,
    pub mime: &'static str,
    pub text: String,
}

/// `netzwerkatlas-<what>-<date>.<extension>`.
fn file_name(what: &[&str], now: &str, extension: &str) -> String {
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

/// The part of a region a checklist export holds: the chosen checklists and
/// the actors they name (so names resolve in the receiving app), without
/// relations, Gremien, reports, journal or programmes.
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
    Region {
        actors,
        relations: Vec::new(),
        groups: Vec::new(),
        checklists: chosen,
        reports: Vec::new(),
        journal: Vec::new(),
        programmes: Vec::new(),
        ..region.clone()
    }
}

/// The privacy filter: the only place personal data is dropped, for every
/// format; Stichtage go too when not asked for.
fn filtered(mut region: Region, options: &ExportOptions) -> Region {
    region.imported_from = None;
    if !options.stichtage {
        region.stichtage.clear();
    }
    if !options.personal_data {
        strip_personal_data(&mut region);
    }
    region
}

/// Writes `source` as `format`.
pub fn export(source: Source, format: Format, options: &ExportOptions) -> Result<ExportFile, ExportError> {
    let privacy_mark = (!options.personal_data).then_some(WITHOUT_PERSONAL_DATA);
    let named = |what: &[&str]| {
        let mut parts = what.to_vec();
        parts.extend(privacy_mark);
        file_name(&parts, &options.now, format.extension())
    };
    let file = |file_name: String, text: String| Ok(ExportFile { file_name, mime: format.mime(), text });
    match (source, format) {
        (Source::Workspace(workspace), Format::Netzwerkatlas) => {
            let regions = workspace.regions.iter().map(|r| filtered(r.clone(), options)).collect();
            let content = Content { regions, templates: workspace.templates.clone() };
            file(named(&["sicherung"]), encode_file(&header(Scope::Workspace, None, options), &content))
        }
        (Source::Region { region, templates }, format) => {
            let filtered = filtered(region.clone(), options);
            let text = match format {
                Format::Netzwerkatlas => {
                    let content = Content { regions: vec![filtered], templates: templates_used(region, templates) };
                    encode_file(&header(Scope::Region, Some(region), options), &content)
                }
                Format::ActorsCsv => csv::actors_csv(&filtered),
                Format::RelationsCsv => csv::relations_csv(&filtered),
                Format::GraphMl => graph_files::graphml(&filtered),
                Format::Gexf => graph_files::gexf(&filtered),
                _ => return Err(ExportError::Unsupported),
            };
            let what = match format {
                Format::ActorsCsv => Some("akteure"),
                Format::RelationsCsv => Some("beziehungen"),
                Format::GraphMl | Format::Gexf => Some("karte"),
                _ => None,
            };
            file(named(&[&[region.name.as_str()][..], what.as_slice()].concat()), text)
        }
        (Source::Checklists { region, ids, templates }, Format::Netzwerkatlas) => {
            let part = checklists_part(region, ids);
            if part.checklists.is_empty() {
                return Err(ExportError::NoChecklist);
            }
            let what = match part.checklists.as_slice() {
                [only] => vec![region.name.clone(), only.title.clone()],
                _ => vec![region.name.clone(), "checklisten".into()],
            };
            let content = Content { templates: templates_used(&part, templates), regions: vec![filtered(part, options)] };
            let what: Vec<&str> = what.iter().map(String::as_str).collect();
            file(named(&what), encode_file(&header(Scope::Checklists, Some(region), options), &content))
        }
        (Source::Checklists { region, ids, .. }, Format::ChecklistCsv) => {
            let [id] = ids else { return Err(ExportError::NoChecklist) };
            let region = filtered(region.clone(), options);
            let checklist = region.checklist(id).ok_or(ExportError::NoChecklist)?;
            file(named(&[&region.name, &checklist.title]), csv::checklist_csv(checklist, &region))
        }
        (Source::Template(template), Format::Netzwerkatlas) => {
            let content = Content { regions: Vec::new(), templates: vec![template.clone()] };
            // A template holds no personal data: its name says nothing of privacy.
            let name = file_name(&["vorlage", &template.name], &options.now, format.extension());
            file(name, encode_file(&header(Scope::Template, None, options), &content))
        }
        (Source::Picture { region, positions, title, sectors }, Format::Svg) => {
            let region = filtered(region.clone(), options);
            file(named(&[&region.name, "netzwerkbild"]), svg::svg_document(&region, positions, title, sectors))
        }
        (Source::Aggregate { aggregate, template_name }, Format::AggregateCsv) => {
            // Counts and region names only: nothing personal to mark.
            let name = file_name(&["auswertung", template_name], &options.now, format.extension());
            file(name, csv::aggregate_csv(aggregate))
        }
        _ => Err(ExportError::Unsupported),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::analysis::aggregate::{aggregate, sources};
    use crate::domain::data::files::privacy::PersonalData;
    use crate::domain::data::format::read_file;
    use crate::domain::hashing::HashSet;
    use crate::domain::samples::demo::demo_workspace;

    fn options(personal_data: bool) -> ExportOptions {
        ExportOptions { personal_data, stichtage: true, author: " Anna Schmidt ".into(), now: "2026-11-21T10:00:00.000Z".into() }
    }

    fn region_file(ws: &Workspace, personal_data: bool) -> ExportFile {
        export(Source::Region { region: &ws.regions[0], templates: &ws.templates }, Format::Netzwerkatlas, &options(personal_data)).unwrap()
    }

    #[test]
    fn region_export_round_trips_field_by_field() {
        let ws = demo_workspace();
        let region = &ws.regions[0];
        let file = region_file(&ws, true);
        assert_eq!(file.file_name, "netzwerkatlas-landkreis-lindenau-demo-2026-11-21.json");
        let parsed = read_file(&file.text).unwrap();
        assert_eq!(parsed.header.scope, Scope::Region);
        assert_eq!(parsed.header.author, "Anna Schmidt");
        assert_eq!(parsed.header.region.as_ref().unwrap().name, region.name);
        assert_eq!(&parsed.content.regions[0], region);
    }

    #[test]
    fn without_personal_data_nothing_personal_travels_and_the_name_says_so() {
        let ws = demo_workspace();
        let file = region_file(&ws, false);
        assert_eq!(file.file_name, "netzwerkatlas-landkreis-lindenau-demo-ohne-personendaten-2026-11-21.json");
        let parsed = read_file(&file.text).unwrap();
        assert!(!parsed.header.personal_data);
        assert!(PersonalData::of(&parsed.content.regions[0]).is_empty());
        assert_eq!(parsed.content.regions[0].actors.len(), ws.regions[0].actors.len(), "the map itself stays");
    }

    /// Every piece of personal data in the demo region: contact names,
    /// e-mail addresses, phone numbers, functions and every free note.
    fn personal_texts(region: &Region) -> Vec<String> {
        let mut texts: Vec<String> = Vec::new();
        for actor in &region.actors {
            for contact in &actor.contacts {
                texts.extend([contact.name.clone(), contact.email.clone(), contact.phone.clone()]);
            }
            texts.push(actor.notes.clone());
        }
        texts.extend(region.relations.iter().map(|r| r.notes.clone()));
        texts.extend(region.groups.iter().map(|g| g.notes.clone()));
        texts.extend(region.checklists.iter().flat_map(|c| c.items()).map(|i| i.notes.clone()));
        texts.push(region.notes.clone());
        texts.retain(|t| t.trim().chars().count() >= 5);
        texts.sort();
        texts.dedup();
        texts
    }

    #[test]
    fn no_format_carries_personal_data_when_told_not_to() {
        let ws = demo_workspace();
        let region = &ws.regions[0];
        let personal = personal_texts(region);
        assert!(personal.len() > 20, "the demo region has contacts and notes to leak: {}", personal.len());
        let positions: HashMap<Id, Point> = region.actors.iter().enumerate().map(|(i, a)| (a.id.clone(), (i as f64, 0.0))).collect();
        let all_checklists: Vec<Id> = region.checklists.iter().map(|c| c.id.clone()).collect();
        let first = [region.checklists[0].id.clone()];
        let region_source = Source::Region { region, templates: &ws.templates };
        let exports = [
            (Source::Workspace(&ws), Format::Netzwerkatlas),
            (region_source, Format::Netzwerkatlas),
            (region_source, Format::ActorsCsv),
            (region_source, Format::RelationsCsv),
            (region_source, Format::GraphMl),
            (region_source, Format::Gexf),
            (Source::Checklists { region, ids: &all_checklists, templates: &ws.templates }, Format::Netzwerkatlas),
            (Source::Checklists { region, ids: &first, templates: &ws.templates }, Format::ChecklistCsv),
            (Source::Picture { region, positions: &positions, title: "Bild", sectors: None }, Format::Svg),
        ];
        for (source, format) in exports {
            let with = export(source, format, &options(true)).unwrap();
            let without = export(source, format, &options(false)).unwrap();
            let leaked: Vec<&String> = personal.iter().filter(|p| without.text.contains(p.as_str())).collect();
            assert!(leaked.is_empty(), "{format:?} leaks {leaked:?}");
            assert!(without.file_name.contains(WITHOUT_PERSONAL_DATA), "{}", without.file_name);
            assert!(!with.file_name.contains(WITHOUT_PERSONAL_DATA), "{}", with.file_name);
            assert_eq!(without.file_name.rsplit('.').next(), Some(format.extension()));
            if matches!(format, Format::Netzwerkatlas | Format::ActorsCsv) {
                assert!(personal.iter().any(|p| with.text.contains(p.as_str())), "{format:?}: the full export keeps personal data");
            }
        }
    }

    #[test]
    fn file_names_name_the_region_and_what_is_in_the_file() {
        let ws = demo_workspace();
        let region = &ws.regions[0];
        let checklist = &region.checklists[0];
        let ids = [checklist.id.clone()];
        let name = |source, format| export(source, format, &options(true)).unwrap().file_name;
        let region_source = Source::Region { region, templates: &ws.templates };
        assert_eq!(name(region_source, Format::ActorsCsv), "netzwerkatlas-landkreis-lindenau-demo-akteure-2026-11-21.csv");
        assert_eq!(name(region_source, Format::Gexf), "netzwerkatlas-landkreis-lindenau-demo-karte-2026-11-21.gexf");
        let csv = name(Source::Checklists { region, ids: &ids, templates: &[] }, Format::ChecklistCsv);
        assert_eq!(csv, format!("netzwerkatlas-landkreis-lindenau-demo-{}-2026-11-21.csv", file_stem(&checklist.title)));
        let chosen = sources(&ws, &checklist.template_id, &HashSet::from_iter([region.id.clone()]));
        let table = aggregate(&chosen);
        let csv = export(Source::Aggregate { aggregate: &table, template_name: "Lokale Planung" }, Format::AggregateCsv, &options(false))
            .unwrap();
        assert_eq!(csv.file_name, "netzwerkatlas-auswertung-lokale-planung-2026-11-21.csv");
    }

    #[test]
    fn combinations_the_ui_does_not_offer_are_refused() {
        let ws = demo_workspace();
        let template = &crate::domain::model::templates::builtin_templates()[0];
        assert_eq!(export(Source::Template(template), Format::ActorsCsv, &options(true)), Err(ExportError::Unsupported));
        assert_eq!(export(Source::Workspace(&ws), Format::Svg, &options(true)), Err(ExportError::Unsupported));
        let region = &ws.regions[0];
        let none: [Id; 0] = [];
        assert_eq!(
            export(Source::Checklists { region, ids: &none, templates: &[] }, Format::Netzwerkatlas, &options(true)),
            Err(ExportError::NoChecklist)
        );
    }

    #[test]
    fn checklist_export_takes_the_named_actors_along() {
        let ws = demo_workspace();
        let region = &ws.regions[0];
        let checklist = &region.checklists[0];
        let ids = [checklist.id.clone()];
        let file =
            export(Source::Checklists { region, ids: &ids, templates: &ws.templates }, Format::Netzwerkatlas, &options(true)).unwrap();
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
        let file = export(Source::Template(&template), Format::Netzwerkatlas, &options(true)).unwrap();
        assert!(file.file_name.starts_with("netzwerkatlas-vorlage-"));
        let parsed = read_file(&file.text).unwrap();
        assert_eq!(parsed.content.templates, vec![template]);
        let ws = demo_workspace();
        let backup = export(Source::Workspace(&ws), Format::Netzwerkatlas, &options(true)).unwrap();
        assert_eq!(backup.file_name, "netzwerkatlas-sicherung-2026-11-21.json");
        assert_eq!(read_file(&backup.text).unwrap().content.regions, ws.regions);
    }
}
