//! How good a layout is, by the measures graph drawing uses to compare
//! layouts (and the benchmark prints beside ForceAtlas2's): how even the
//! relations' lengths are, how many nodes nearly cover each other when the
//! picture is fitted to a screen, and how often relations cross.

use crate::layout::Point;

/// The coefficient of variation of the edge lengths (standard deviation /
/// mean): 0 when every relation is equally long.
pub fn edge_length_variation(positions: &[Point], edges: &[(usize, usize)]) -> f64 {
    let lengths: Vec<f64> = edges.iter().filter(|(a, b)| a != b).map(|&(a, b)| distance(positions[a], positions[b])).collect();
    if lengths.is_empty() {
        return 0.0;
    }
    let mean = lengths.iter().sum::<f64>() / lengths.len() as f64;
    let variance = lengths.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / lengths.len() as f64;
    if mean > 0.0 {
        variance.sqrt() / mean
    } else {
        0.0
    }
}

/// How many nodes lie closer than `gap` pixels to another node when the
/// picture is fitted into a square of `side` pixels.
pub fn near_overlaps(positions: &[Point], side: f64, gap: f64) -> usize {
    let (min, max) = bounds(positions);
    let span = (max.0 - min.0).max(max.1 - min.1).max(1e-9);
    let scaled: Vec<Point> = positions.iter().map(|p| ((p.0 - min.0) / span * side, (p.1 - min.1) / span * side)).collect();
    // A grid of `gap`-sized cells: only neighbouring cells can hold a node that close.
    let mut cells: rustc_hash::FxHashMap<(i64, i64), Vec<usize>> = rustc_hash::FxHashMap::default();
    for (i, p) in scaled.iter().enumerate() {
        cells.entry(((p.0 / gap).floor() as i64, (p.1 / gap).floor() as i64)).or_default().push(i);
    }
    (0..scaled.len())
        .filter(|&i| {
            let p = scaled[i];
            let (cx, cy) = ((p.0 / gap).floor() as i64, (p.1 / gap).floor() as i64);
            (-1..=1)
                .flat_map(|dx| (-1..=1).map(move |dy| (cx + dx, cy + dy)))
                .filter_map(|c| cells.get(&c))
                .flatten()
                .any(|&j| j != i && distance(p, scaled[j]) < gap)
        })
        .count()
}

/// Crossings per relation: pairs of relations without a shared node whose
/// lines cross, divided by the number of relations. With more than `limit`
/// relations, counted over an even sample of `limit` of them (each against all).
pub fn crossings_per_edge(positions: &[Point], edges: &[(usize, usize)], limit: usize) -> f64 {
    let edges: Vec<(usize, usize)> = edges.iter().copied().filter(|(a, b)| a != b).collect();
    if edges.is_empty() {
        return 0.0;
    }
    let every = edges.len().div_ceil(limit.max(1));
    let sample: Vec<usize> = (0..edges.len()).step_by(every).collect();
    let mut crossings = 0usize;
    for &i in &sample {
        let (a, b) = edges[i];
        for (j, &(c, d)) in edges.iter().enumerate() {
            if j != i && a != c && a != d && b != c && b != d && cross(positions[a], positions[b], positions[c], positions[d]) {
                crossings += 1;
            }
        }
    }
    // Each crossing involves two relations: per relation, half of what each sampled one has.
    crossings as f64 / sample.len() as f64 / 2.0
}

fn distance(a: Point, b: Point) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

fn bounds(positions: &[Point]) -> (Point, Point) {
    positions.iter().fold(((f64::MAX, f64::MAX), (f64::MIN, f64::MIN)), |(min, max), p| {
        ((min.0.min(p.0), min.1.min(p.1)), (max.0.max(p.0), max.1.max(p.1)))
    })
}

/// Whether the segments ab and cd cross (touching ends do not count).
fn cross(a: Point, b: Point, c: Point, d: Point) -> bool {
    let side = |p: Point, q: Point, r: Point| (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0);
    let (d1, d2, d3, d4) = (side(c, d, a), side(c, d, b), side(a, b, c), side(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn even_edges_vary_by_nothing_and_uneven_ones_by_their_spread() {
        let square = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)];
        assert_eq!(edge_length_variation(&square, &[(0, 1), (1, 2), (2, 3), (3, 0)]), 0.0);
        // Lengths 1 and 3: mean 2, deviation 1.
        let line = [(0.0, 0.0), (1.0, 0.0), (4.0, 0.0)];
        assert!((edge_length_variation(&line, &[(0, 1), (1, 2)]) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn nodes_nearly_on_each_other_are_counted_once_each() {
        // Fitted to 100 px: the first two are 1 px apart, the third far away.
        let points = [(0.0, 0.0), (1.0, 0.0), (100.0, 100.0)];
        assert_eq!(near_overlaps(&points, 100.0, 2.0), 2);
        assert_eq!(near_overlaps(&points, 100.0, 0.5), 0);
    }

    #[test]
    fn crossing_relations_are_counted_per_relation() {
        // An X (one crossing of two relations) and a relation apart.
        let points = [(0.0, 0.0), (2.0, 2.0), (0.0, 2.0), (2.0, 0.0), (5.0, 0.0), (6.0, 0.0)];
        let edges = [(0, 1), (2, 3), (4, 5)];
        assert!((crossings_per_edge(&points, &edges, 100) - 1.0 / 3.0).abs() < 1e-12);
        // Relations sharing a node do not cross there.
        assert_eq!(crossings_per_edge(&points, &[(0, 1), (0, 2)], 100), 0.0);
    }
}
