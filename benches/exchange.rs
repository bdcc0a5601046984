//! Export and import of region files, and storing the workspace in parts,
//! timed natively on generated regions (`cargo bench --bench exchange`). Prints a table and writes it as JSON to
//! `target/bench-exchange.json`. Figures, not a pass/fail test.

use std::time::Instant;

use netzwerkatlas::domain::data::files::export::{export, ExportOptions, Format, Source};
use netzwerkatlas::domain::data::files::import::{apply, merge_plan, ImportAction};
use netzwerkatlas::domain::data::files::merge::MergeChoices;
use netzwerkatlas::domain::data::format::read_file;
use netzwerkatlas::domain::data::storage::envelope::{decode, Stored};
use netzwerkatlas::domain::data::storage::parts::{assemble, PartCache};
use netzwerkatlas::domain::samples::generate::generated_workspace;
use netzwerkatlas::domain::{Provenance, Workspace};

/// The median of `runs` timings of `f`, in milliseconds.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let options = ExportOptions { personal_data: true, stichtage: true, author: String::new(), now: "2026-11-21T10:00:00Z".into() };
    let mut rows = Vec::new();
    println!(
        "{:>8} {:>10} {:>10} {:>10} {:>10} {:>10} {:>12} {:>14} {:>10}",
        "actors", "file MB", "export ms", "read ms", "import ms", "merge ms", "store ms", "store edit ms", "load ms"
    );
    // 200, 2,000 and 5,000 actors as in the issue, and the size that gives a 5 MB file.
    let size_of = |actors: usize| {
        export(Source::Region { region: &generated_workspace(actors, 1).regions[0], templates: &[] }, Format::Netzwerkatlas, &options)
            .unwrap()
            .text
            .len()
    };
    let mut five_mb = 5 * 1024 * 1024 / (size_of(1_000) / 1_000);
    while size_of(five_mb) < 5 * 1024 * 1024 {
        five_mb += five_mb / 20;
    }
    for actors in [200, 2_000, five_mb, 5_000] {
        let ws = generated_workspace(actors, 1);
        let region = &ws.regions[0];
        let export_ms = median_ms(5, || {
            std::hint::black_box(
                export(Source::Region { region: region, templates: &ws.templates }, Format::Netzwerkatlas, &options).unwrap(),
            );
        });
        let text = export(Source::Region { region: region, templates: &ws.templates }, Format::Netzwerkatlas, &options).unwrap().text;
        let read_ms = median_ms(5, || {
            std::hint::black_box(read_file(&text).unwrap());
        });
        let import_ms = median_ms(5, || {
            let parsed = read_file(&text).unwrap();
            let mut target = Workspace::default();
            apply(&mut target, &parsed, &ImportAction::AsNewRegion, &MergeChoices::default(), Provenance::default());
            std::hint::black_box(target);
        });
        // A colleague's file of the same region: every actor and relation meets its own.
        let merge_ms = median_ms(3, || {
            let parsed = read_file(&text).unwrap();
            let action = ImportAction::MergeInto(region.id.clone());
            std::hint::black_box(merge_plan(&ws, &parsed, &action));
            let mut target = ws.clone();
            apply(&mut target, &parsed, &action, &MergeChoices::default(), Provenance::default());
            std::hint::black_box(target);
        });
        let (store_ms, store_edit_ms, load_ms) = storing(&ws);
        let mb = text.len() as f64 / 1_048_576.0;
        println!(
            "{actors:>8} {mb:>10.2} {export_ms:>10.1} {read_ms:>10.1} {import_ms:>10.1} {merge_ms:>10.1} {store_ms:>12.1} {store_edit_ms:>14.2} {load_ms:>10.1}"
        );
        rows.push(format!(
            "{{\"actors\":{actors},\"file_bytes\":{},\"export_ms\":{export_ms:.2},\"read_ms\":{read_ms:.2},\"import_ms\":{import_ms:.2},\"merge_ms\":{merge_ms:.2},\
             \"store_ms\":{store_ms:.2},\"store_edit_ms\":{store_edit_ms:.3},\"load_ms\":{load_ms:.2}}}",
            text.len()
        ));
    }
    let json = format!("[{}]\n", rows.join(","));
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let _ = std::fs::create_dir_all(&dir);
    std::fs::write(dir.join("bench-exchange.json"), json).expect("target/ is writable");
    println!(
        "import = read (size and depth checks, parse, checksum, migrate, repair) + adding the region; \
         merge = reading the region's own file again and merging it into the region (plan and apply; all matched); \
         store = encoding the workspace into parts for localStorage, the first time; store edit = the same after \
         one actor's notes changed (only its part is encoded); load = putting it together from its parts; \
         written to target/bench-exchange.json"
    );
}

/// Encoding the workspace into parts with an empty cache, again after one
/// actor was edited, and assembling it from its parts: medians in ms.
fn storing(ws: &Workspace) -> (f64, f64, f64) {
    let store_ms = median_ms(5, || {
        std::hint::black_box(PartCache::default().encode(ws, ""));
    });
    let mut cache = PartCache::default();
    let encoded = cache.encode(ws, "");
    let mut edited = ws.clone();
    let mut round = 0;
    let store_edit_ms = median_ms(21, || {
        round += 1;
        edited.regions[0].actors[0].notes = format!("Notiz {round}");
        std::hint::black_box(cache.encode(&edited, ""));
    });
    let Ok(Stored::Parts { manifest, saved_at }) = decode(&encoded.manifest) else { panic!("a manifest") };
    let texts: std::collections::HashMap<String, String> = encoded.parts.iter().map(|p| (p.name.to_string(), p.text.to_string())).collect();
    let load_ms = median_ms(5, || {
        std::hint::black_box(assemble(&manifest, &saved_at, |name| texts.get(name).cloned()).unwrap());
    });
    (store_ms, store_edit_ms, load_ms)
}
