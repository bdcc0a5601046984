//! The layout of a small graph as a file, `tests/layout-small.json`: the
//! browser test runs the same graph through the picture's worker (the wasm
//! build) and expects these positions to the bit. This test keeps the file
//! equal to the native result; `UPDATE_FIXTURE=1 cargo test -p
//! netzwerkatlas-graph` rewrites it after an intended change of the layout.

use netzwerkatlas_graph::layout::ForceLayout;

fn graph() -> (usize, Vec<(usize, usize)>, Vec<Option<(f64, f64)>>) {
    let mut edges = Vec::new();
    // Two groups of six, each fully linked, joined by a chain of four, and two loners.
    for group in [0, 6] {
        for a in group..group + 6 {
            for b in a + 1..group + 6 {
                edges.push((a, b));
            }
        }
    }
    edges.extend([(5, 12), (12, 13), (13, 14), (14, 15), (15, 6)]);
    let mut placed = vec![None; 18];
    placed[13] = Some((150.0, -90.0));
    (18, edges, placed)
}

fn fixture() -> String {
    let (nodes, edges, placed) = graph();
    let positions = ForceLayout::new(nodes, &edges, &placed).run();
    let edges: Vec<String> = edges.iter().map(|(a, b)| format!("{a}, {b}")).collect();
    // x and y per node, NaN (null in JSON) where the layout may move it.
    let placed: Vec<String> = placed.iter().map(|p| p.map_or("null, null".to_owned(), |(x, y)| format!("{x}, {y}"))).collect();
    // Rust writes the shortest decimal that reads back as the same number, as JSON readers do.
    let positions: Vec<String> = positions.iter().map(|(x, y)| format!("{x}, {y}")).collect();
    format!(
        "{{\n  \"nodes\": {nodes},\n  \"edges\": [{}],\n  \"placed\": [{}],\n  \"positions\": [{}]\n}}\n",
        edges.join(", "),
        placed.join(", "),
        positions.join(", ")
    )
}

#[test]
fn the_fixture_holds_the_native_layout() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/layout-small.json");
    if std::env::var_os("UPDATE_FIXTURE").is_some() {
        std::fs::write(path, fixture()).unwrap();
    }
    let stored = std::fs::read_to_string(path).expect("tests/layout-small.json: run with UPDATE_FIXTURE=1 once");
    assert_eq!(stored, fixture(), "the layout changed: UPDATE_FIXTURE=1 cargo test -p netzwerkatlas-graph");
}
