//! Layout and metrics of the network picture, timed natively on generated
//! regions with five relations per actor (`cargo bench --bench network`).
//! Prints a table and writes it to `target/bench-network.json`.

use std::collections::HashMap;
use std::time::Instant;

use netzwerkatlas::domain::analysis::findings::read_network;
use netzwerkatlas::domain::analysis::metrics::betweenness;
use netzwerkatlas::domain::layout::{ForceLayout, Point};
use netzwerkatlas::domain::picture::sectors::{sector_map, RingBy, SectorBy};
use netzwerkatlas::domain::samples::generate::generated_region;
use netzwerkatlas_graph::quality::{crossings_per_edge, edge_length_variation, near_overlaps};

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// Edge-length variation, nodes within 8 px of another when fitted to 1,000 px, crossings per relation.
fn quality(positions: &[Point], edges: &[(usize, usize)]) -> (f64, usize, f64) {
    (edge_length_variation(positions, edges), near_overlaps(positions, 1000.0, 8.0), crossings_per_edge(positions, edges, 1000))
}

fn main() {
    let mut rows = Vec::new();
    let mut qualities = Vec::new();
    println!(
        "{:>7} {:>9} {:>11} {:>13} {:>13} {:>12} {:>12}",
        "actors", "relations", "layout ms", "max step ms", "between. ms", "reading ms", "sectors ms"
    );
    for actors in [200, 2_000, 5_000] {
        let region = generated_region(actors, 1);
        let index: HashMap<_, _> = region.actors.iter().enumerate().map(|(i, a)| (&a.id, i)).collect();
        let edges: Vec<(usize, usize)> = region.relations.iter().map(|r| (index[&r.from], index[&r.to])).collect();
        let start = Instant::now();
        let mut layout = ForceLayout::new(actors, &edges, &[]);
        // As the browser runs it: a few steps per animation frame.
        let mut slowest: f64 = 0.0;
        loop {
            let frame = Instant::now();
            let done = layout.advance(10);
            slowest = slowest.max(ms(frame));
            if done {
                break;
            }
        }
        let layout_ms = ms(start);
        let steps = layout.steps();
        qualities.push((actors, steps, quality(layout.positions(), &edges)));
        let start = Instant::now();
        std::hint::black_box(betweenness(&region));
        let betweenness_ms = ms(start);
        let start = Instant::now();
        std::hint::black_box(read_network(&region));
        let reading_ms = ms(start);
        let start = Instant::now();
        std::hint::black_box(sector_map(&region, |_| true, SectorBy::Rechtskreis, &RingBy::Relations));
        let sectors_ms = ms(start);
        println!(
            "{actors:>7} {:>9} {layout_ms:>11.1} {slowest:>13.1} {betweenness_ms:>13.1} {reading_ms:>12.1} {sectors_ms:>12.1}",
            region.relations.len()
        );
        rows.push(format!(
            "{{\"actors\":{actors},\"relations\":{},\"layout_ms\":{layout_ms:.2},\"layout_steps\":{steps},\"slowest_10_steps_ms\":{slowest:.2},\"betweenness_ms\":{betweenness_ms:.2},\"reading_ms\":{reading_ms:.2},\"sectors_ms\":{sectors_ms:.2}}}",
            region.relations.len()
        ));
    }
    println!("\nlayout quality, settled (steps on all levels, coarse to fine); lower is better");
    println!(
        "{:>7} {:>7} {:>24} {:>26} {:>26}",
        "actors", "steps", "edge length variation", "near overlaps (8 px/1000)", "crossings per relation"
    );
    for (actors, steps, (cv, near, cross)) in &qualities {
        println!("{actors:>7} {steps:>7} {cv:>24.3} {near:>26} {cross:>26.2}");
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let _ = std::fs::create_dir_all(&dir);
    std::fs::write(dir.join("bench-network.json"), format!("[{}]\n", rows.join(","))).expect("target/ is writable");
    println!("reading = all questions of the panel incl. betweenness; written to target/bench-network.json");
}
