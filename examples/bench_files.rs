//! Writes generated region files for the browser benchmarks and tests:
//! `target/bench-files/region-<actors>.json` for 200, 2,000 and 5,000 actors,
//! and `region-history-2000.json`: 2,000 actors with eight quarterly
//! Stichtage, about 2 % changed between each.

use netzwerkatlas::domain::data::files::export::{export, ExportOptions, Format, Source};
use netzwerkatlas::domain::samples::generate::{generated_history, generated_workspace};

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-files");
    std::fs::create_dir_all(&dir).expect("target/ is writable");
    let options = ExportOptions { personal_data: true, stichtage: true, author: "Benchmark".into(), now: "2026-11-21T10:00:00Z".into() };
    for actors in [200, 2_000, 5_000] {
        let ws = generated_workspace(actors, 1);
        let file = export(Source::Region { region: &ws.regions[0], templates: &ws.templates }, Format::Netzwerkatlas, &options).unwrap();
        let path = dir.join(format!("region-{actors}.json"));
        std::fs::write(&path, file.text).expect("target/ is writable");
        println!("{}", path.display());
    }
    let ws = generated_workspace(2_000, 2);
    let history = generated_history(2_000, 8, 2);
    let file = export(Source::Region { region: &history, templates: &ws.templates }, Format::Netzwerkatlas, &options).unwrap();
    let path = dir.join("region-history-2000.json");
    std::fs::write(&path, file.text).expect("target/ is writable");
    println!("{}", path.display());
}
