//! The quality of our settled layout against the peer's (ForceAtlas2, 100
//! iterations) on the same graphs, from the layouts that
//! `node tests/bench/peer-browser.mjs` wrote to target/peer/: edge-length
//! variation, nodes within 8 px of another when fitted to 1,000 px, crossings
//! per relation (`crates/graph/src/quality.rs`; lower is better for all three).

use netzwerkatlas_graph::quality::{crossings_per_edge, edge_length_variation, near_overlaps};
use serde_json::Value;

fn numbers(value: &Value) -> Vec<f64> {
    value.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default()
}

fn main() {
    println!("{:>7} {:>28} {:>28} {:>28}", "actors", "edge length variation", "near overlaps (8 px/1000)", "crossings per relation");
    println!("{:>7} {:>28} {:>28} {:>28}", "", "ours / peer", "ours / peer", "ours / peer");
    for actors in [200, 2_000, 5_000] {
        let Ok(text) = std::fs::read_to_string(format!("target/peer/layouts-{actors}.json")) else { continue };
        let file: Value = serde_json::from_str(&text).expect("written by peer-browser.mjs");
        let edges: Vec<(usize, usize)> = numbers(&file["edges"]).chunks_exact(2).map(|p| (p[0] as usize, p[1] as usize)).collect();
        let points = |key: &str| -> Vec<(f64, f64)> { numbers(&file[key]).chunks_exact(2).map(|p| (p[0], p[1])).collect() };
        let (ours, peer) = (points("ours"), points("peer"));
        let cv = (edge_length_variation(&ours, &edges), edge_length_variation(&peer, &edges));
        let near = (near_overlaps(&ours, 1000.0, 8.0), near_overlaps(&peer, 1000.0, 8.0));
        let cross = (crossings_per_edge(&ours, &edges, 1000), crossings_per_edge(&peer, &edges, 1000));
        println!(
            "{actors:>7} {:>28} {:>28} {:>28}",
            format!("{:.3} / {:.3}", cv.0, cv.1),
            format!("{} / {}", near.0, near.1),
            format!("{:.1} / {:.1}", cross.0, cross.1)
        );
    }
}
