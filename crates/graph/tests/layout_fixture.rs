//! Layouts as files the browser test runs through the picture's worker (the
//! wasm build), expecting these positions to the bit: a small graph with a
//! placed node (`tests/layout-small.json`) and one of 400 nodes, laid out
//! coarse to fine (`tests/layout-levels.json`). This test keeps the files
//! equal to the native result; `UPDATE_FIXTURE=1 cargo test -p
//! netzwerkatlas-graph` rewrites them after an intended change of the layout.

use netzwerkatlas_graph::layout::ForceLayout;

type Graph = (usize, Vec<(usize, usize)>, Vec<Option<(f64, f64)>>);

fn small() -> Graph {
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

/// Four groups of 100, each a ring with chords, joined in a chain: above
/// `COARSEN_ABOVE`, so the layout merges it level by level.
fn levels() -> Graph {
    let mut edges = Vec::new();
    for group in 0..4 {
        let base = group * 100;
        for i in 0..100 {
            edges.push((base + i, base + (i + 1) % 100));
            edges.push((base + i, base + (i * 7 + 3) % 100));
        }
        if group > 0 {
            edges.push((base - 1, base));
        }
    }
    (400, edges, Vec::new())
}

fn fixture((nodes, edges, placed): Graph) -> String {
    let positions = ForceLayout::new(nodes, &edges, &placed).run();
    let edges: Vec<String> = edges.iter().map(|(a, b)| format!("{a}, {b}")).collect();
    // x and y per node, NaN (null in JSON) where the layout may move it.
    let placed: Vec<String> =
        (0..nodes).map(|i| placed.get(i).copied().flatten().map_or("null, null".to_owned(), |(x, y)| format!("{x}, {y}"))).collect();
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
fn the_fixtures_hold_the_native_layouts() {
    assert!(levels().0 > netzwerkatlas_graph::layout::COARSEN_ABOVE);
    for (name, graph) in [("layout-small.json", small()), ("layout-levels.json", levels())] {
        let path = format!("{}/tests/{name}", env!("CARGO_MANIFEST_DIR"));
        let expected = fixture(graph);
        if std::env::var_os("UPDATE_FIXTURE").is_some() {
            std::fs::write(&path, &expected).unwrap();
        }
        let stored = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("tests/{name}: run with UPDATE_FIXTURE=1 once"));
        assert_eq!(stored, expected, "the layout changed: UPDATE_FIXTURE=1 cargo test -p netzwerkatlas-graph");
    }
}
