//! Sharing between Kommunen end to end, natively: fifty checklist files from
//! fifty Kommunen are exported, read and imported in one go, and the
//! aggregate matches figures computed by hand.

use netzwerkatlas::domain::hashing::HashSet;

use netzwerkatlas::domain::analysis::aggregate::{aggregate, sources};
use netzwerkatlas::domain::data::files::export::{export, ExportOptions, Format, Source};
use netzwerkatlas::domain::data::files::import::{apply, ImportAction};
use netzwerkatlas::domain::data::files::merge::MergeChoices;
use netzwerkatlas::domain::data::format::read_file;
use netzwerkatlas::domain::data::writers::csv::aggregate_csv;
use netzwerkatlas::domain::model::checklist::{Checklist, Status};
use netzwerkatlas::domain::model::templates::builtin_templates;
use netzwerkatlas::domain::rules::integrity::integrity_problems;
use netzwerkatlas::domain::samples::demo::demo_workspace;
use netzwerkatlas::domain::samples::generate::generated_workspace;
use netzwerkatlas::domain::*;

const ABH: &str = "lp-1-2"; // "Die Kooperation mit der Ausländerbehörde (ABH) … ist aufgebaut."

/// The status of the ABH item in Kommune `i`: by i % 10, six "umgesetzt",
/// two "in Planung", one "nein", one unanswered.
fn abh_status(i: usize) -> Option<Status> {
    match i % 10 {
        0..=5 => Some(Status::Umgesetzt),
        6 | 7 => Some(Status::InPlanung),
        8 => Some(Status::Nein),
        _ => None,
    }
}

/// The checklist file of Kommune `i`; Kommunen 47–49 used version 1 of the
/// template, which lacked its last item.
fn kommune_file(i: usize) -> (String, String) {
    let template = builtin_templates().into_iter().find(|t| t.id.0 == "tpl-lokale-planung").unwrap();
    let mut region = Region::new(Id(format!("kommune-{i}")), format!("Kommune {i:02}"), RegionKind::Gemeinde);
    region.actors.push(Actor::new(Id(format!("abh-{i}")), "Ausländerbehörde", ActorKind::Auslaenderbehoerde));
    let mut checklist = Checklist::from_template(Id(format!("cl-{i}")), "Lokale Planung".into(), &template, "2026-03-01T00:00:00Z");
    if i >= 47 {
        checklist.template_version = 1;
        checklist.sections.last_mut().unwrap().items.pop();
    } else {
        checklist.template_version = 2;
    }
    checklist.set_status(&Id(ABH.into()), abh_status(i), &format!("2026-{:02}-10T09:00:00Z", 1 + i % 9));
    checklist.update_item(&Id(ABH.into()), "2026-10-01T09:00:00Z", |item| item.responsible = vec![Id(format!("abh-{i}"))]);
    region.checklists.push(checklist);
    let options =
        ExportOptions { personal_data: false, stichtage: true, author: format!("Koordination {i}"), now: "2026-11-01T12:00:00Z".into() };
    let file =
        export(Source::Checklists { region: &region, ids: &[Id(format!("cl-{i}"))], templates: &[] }, Format::Netzwerkatlas, &options)
            .unwrap();
    (file.file_name, file.text)
}

#[test]
fn fifty_checklist_files_import_in_one_go_and_aggregate_as_computed_by_hand() {
    let mut workspace = demo_workspace(); // the Land office's own data stays as it is
    let own = workspace.regions.clone();
    for i in 0..50 {
        let (name, text) = kommune_file(i);
        let file = read_file(&text).unwrap_or_else(|e| panic!("{name}: {}", e.message()));
        assert!(file.notes.is_empty(), "{name}: {:?}", file.notes);
        let provenance = Provenance {
            file_name: name,
            exported_at: file.header.exported_at.clone(),
            author: file.header.author.clone(),
            imported_at: "2026-11-21T10:00:00Z".into(),
        };
        apply(&mut workspace, &file, &ImportAction::AsNewRegion, &MergeChoices::default(), provenance);
    }
    assert_eq!(workspace.regions.len(), 51);
    assert_eq!(&workspace.regions[..1], &own[..]);
    assert!(integrity_problems(&workspace).is_empty());

    // Only the fifty Kommunen (the demo region has a Lokale Planung too).
    let chosen: HashSet<Id> = workspace.regions[1..].iter().map(|r| r.id.clone()).collect();
    let found = sources(&workspace, &Id("tpl-lokale-planung".into()), &chosen);
    assert_eq!(found.len(), 50);
    let result = aggregate(&found);

    let abh = result.rows.iter().find(|r| r.id.0 == ABH).unwrap();
    // By hand: 50 Kommunen; i % 10 in 0..=5 → 30 umgesetzt, 6..=7 → 10 in Planung, 8 → 5 nein, 9 → 5 offen.
    assert_eq!(abh.n, 50);
    assert_eq!(abh.progress.count(Some(Status::Umgesetzt)), 30);
    assert_eq!(abh.progress.percent(Some(Status::Umgesetzt)), 60);
    assert_eq!(abh.progress.count(Some(Status::InPlanung)), 10);
    assert_eq!(abh.progress.percent(Some(Status::InPlanung)), 20);
    assert_eq!(abh.progress.count(Some(Status::Nein)), 5);
    assert_eq!(abh.progress.count(None), 5);
    assert_eq!(abh.progress.percent(None), 10);

    let last = result.rows.last().unwrap();
    assert_eq!(last.n, 47, "three Kommunen used a version without the last item");
    assert_eq!(result.mismatches, vec![format!("„{}“ fehlt in 3 Checklisten (Vorlagen-Version 1) und zählt dort nicht mit.", last.text)]);
    assert_eq!(result.included.len(), 50);
    assert_eq!(result.included[0].file, "netzwerkatlas-kommune-00-lokale-planung-ohne-personendaten-2026-11-01.json");
    assert_eq!(result.included[0].date, "2026-10-01T09:00:00Z", "the last change of the checklist");

    let csv = aggregate_csv(&result);
    let line = csv.split("\r\n").find(|l| l.contains("Ausländerbehörde (ABH)")).unwrap();
    // n of all, n answered; per status the count, % of those that answered, % of all; the unanswered.
    assert!(line.contains(";50;45;5;11;10;0;0;0;10;22;20;30;67;60;5;10;"), "{line}");
}

#[test]
fn export_wipe_import_is_exact_for_a_large_region_with_contacts() {
    let ws = generated_workspace(2_000, 3);
    let options = ExportOptions { personal_data: true, stichtage: true, author: String::new(), now: "2026-11-21T10:00:00Z".into() };
    let file = export(Source::Region { region: &ws.regions[0], templates: &ws.templates }, Format::Netzwerkatlas, &options).unwrap();
    let mut fresh = Workspace::default();
    let parsed = read_file(&file.text).unwrap();
    apply(&mut fresh, &parsed, &ImportAction::AsNewRegion, &MergeChoices::default(), Provenance::default());
    let mut imported = fresh.regions.remove(0);
    imported.imported_from = None;
    let original = &ws.regions[0];
    assert_eq!(imported.actors.len(), original.actors.len());
    for (a, b) in imported.actors.iter().zip(&original.actors) {
        assert_eq!(a, b, "actor {}", b.id);
    }
    for (a, b) in imported.relations.iter().zip(&original.relations) {
        assert_eq!(a, b, "relation {}", b.id);
    }
    for (a, b) in imported.checklists.iter().zip(&original.checklists) {
        assert_eq!(a, b, "checklist {}", b.id);
    }
    assert_eq!(&imported, original);
    assert_eq!(fresh.templates, ws.templates);
}
