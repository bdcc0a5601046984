//! Export and import of region files, timed natively on generated regions
//! (`cargo bench --bench exchange`). Prints a table and writes it as JSON to
//! `target/bench-exchange.json`. Figures, not a pass/fail test.

use std::time::Instant;

use netzwerkatlas::domain::exchange::read_file;
use netzwerkatlas::domain::export::{export_region, ExportOptions};
use netzwerkatlas::domain::generate::generated_workspace;
use netzwerkatlas::domain::import::{apply, ImportAction};
use netzwerkatlas::domain::merge::MergeChoices;
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
    let options = ExportOptions { personal_data: true, author: String::new(), now: "2026-11-21T10:00:00Z".into() };
    let mut rows = Vec::new();
    println!("{:>8} {:>12} {:>12} {:>12} {:>12}", "actors", "file MB", "export ms", "read ms", "import ms");
    // 200, 2,000 and 5,000 actors as in the issue, and the size that gives a 5 MB file.
    let size_of = |actors: usize| export_region(&generated_workspace(actors, 1).regions[0], &[], &options).text.len();
    let mut five_mb = 5 * 1024 * 1024 / (size_of(1_000) / 1_000);
    while size_of(five_mb) < 5 * 1024 * 1024 {
        five_mb += five_mb / 20;
    }
    for actors in [200, 2_000, five_mb, 5_000] {
        let ws = generated_workspace(actors, 1);
        let region = &ws.regions[0];
        let export_ms = median_ms(5, || {
            std::hint::black_box(export_region(region, &ws.templates, &options));
        });
        let text = export_region(region, &ws.templates, &options).text;
        let read_ms = median_ms(5, || {
            std::hint::black_box(read_file(&text).unwrap());
        });
        let import_ms = median_ms(5, || {
            let parsed = read_file(&text).unwrap();
            let mut target = Workspace::default();
            apply(&mut target, &parsed, &ImportAction::AsNewRegion, &MergeChoices::default(), Provenance::default());
            std::hint::black_box(target);
        });
        let mb = text.len() as f64 / 1_048_576.0;
        println!("{actors:>8} {mb:>12.2} {export_ms:>12.1} {read_ms:>12.1} {import_ms:>12.1}");
        rows.push(format!(
            "{{\"actors\":{actors},\"file_bytes\":{},\"export_ms\":{export_ms:.2},\"read_ms\":{read_ms:.2},\"import_ms\":{import_ms:.2}}}",
            text.len()
        ));
    }
    let json = format!("[{}]\n", rows.join(","));
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let _ = std::fs::create_dir_all(&dir);
    std::fs::write(dir.join("bench-exchange.json"), json).expect("target/ is writable");
    println!("import = read (size and depth checks, parse, checksum, migrate, repair) + adding the region; written to target/bench-exchange.json");
}
