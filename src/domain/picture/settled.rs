//! The last settled force layouts, kept in this browser so that reopening the
//! picture, or the app, shows the finished map at once instead of laying it
//! out again. A layout is found by a fingerprint of what it was computed
//! from (the actors shown, their relations, the nodes a user placed), so any
//! change to those lays out anew. Kept as text: a line per layout, the
//! fingerprint and then each node's x and y in tenths of a unit, as whole
//! numbers (reading them back needs no float parser in the wasm).

use crate::domain::hashing::Fnv1a;
use crate::domain::layout::Point;
use crate::domain::Id;

/// How many layouts are kept: the last few pictures (filters, regions) a user switched between.
pub const KEPT: usize = 4;

/// A settled layout: the fingerprint of its input, the positions in node order.
pub type Settled = (u64, Vec<Point>);

/// FNV-1a over the actors in picture order, the relations as index pairs and
/// the placed nodes' positions.
pub fn fingerprint(ids: &[Id], pairs: &[(usize, usize)], fixed: &[Option<Point>]) -> u64 {
    let mut hash = Fnv1a::default();
    for id in ids {
        hash.eat(id.0.as_bytes());
        hash.eat(&[0]);
    }
    for &(a, b) in pairs {
        hash.eat(&(a as u64).to_le_bytes());
        hash.eat(&(b as u64).to_le_bytes());
    }
    for (i, p) in fixed.iter().enumerate() {
        if let Some((x, y)) = p {
            hash.eat(&(i as u64).to_le_bytes());
            hash.eat(&x.to_bits().to_le_bytes());
            hash.eat(&y.to_bits().to_le_bytes());
        }
    }
    hash.value()
}

/// The layouts kept as text (see the module comment).
pub fn encode(layouts: &[Settled]) -> String {
    let mut text = String::new();
    for (key, points) in layouts {
        text.push_str(&format!("{key:x}"));
        for (x, y) in points {
            text.push_str(&format!(" {} {}", (x * 10.0).round() as i64, (y * 10.0).round() as i64));
        }
        text.push('\n');
    }
    text
}

/// The layouts back from [`encode`]d text; a line that does not read is left out.
pub fn decode(text: &str) -> Vec<Settled> {
    text.lines()
        .filter_map(|line| {
            let mut words = line.split(' ');
            let key = u64::from_str_radix(words.next()?, 16).ok()?;
            let numbers: Vec<f64> = words.map(|w| w.parse::<i64>().map(|n| n as f64 / 10.0)).collect::<Result<_, _>>().ok()?;
            (numbers.len() % 2 == 0).then(|| (key, numbers.chunks_exact(2).map(|p| (p[0], p[1])).collect()))
        })
        .collect()
}

/// The positions kept for `key`, if there are as many as the picture has nodes.
pub fn find(layouts: &[Settled], key: u64, nodes: usize) -> Option<&[Point]> {
    layouts.iter().find(|(k, points)| *k == key && points.len() == nodes).map(|(_, points)| points.as_slice())
}

/// `layouts` with `key`'s positions first, the oldest beyond [`KEPT`] dropped.
pub fn remember(mut layouts: Vec<Settled>, key: u64, points: &[Point]) -> Vec<Settled> {
    layouts.retain(|(k, _)| *k != key);
    layouts.insert(0, (key, points.to_vec()));
    layouts.truncate(KEPT);
    layouts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(names: &[&str]) -> Vec<Id> {
        names.iter().map(|n| Id((*n).into())).collect()
    }

    #[test]
    fn the_fingerprint_changes_with_actors_relations_and_placed_nodes() {
        let base = fingerprint(&ids(&["a", "b", "c"]), &[(0, 1)], &[None, None, None]);
        assert_eq!(base, fingerprint(&ids(&["a", "b", "c"]), &[(0, 1)], &[None, None, None]));
        assert_ne!(base, fingerprint(&ids(&["a", "b", "d"]), &[(0, 1)], &[None, None, None]));
        assert_ne!(base, fingerprint(&ids(&["ab", "", "c"]), &[(0, 1)], &[None, None, None]));
        assert_ne!(base, fingerprint(&ids(&["a", "b", "c"]), &[(0, 2)], &[None, None, None]));
        assert_ne!(base, fingerprint(&ids(&["a", "b", "c"]), &[(0, 1)], &[None, Some((1.0, 2.0)), None]));
    }

    #[test]
    fn layouts_survive_their_text_to_a_tenth_and_the_newest_few_are_kept() {
        let points = vec![(12.34, -0.04), (-1234.56, 7.0)];
        let text = encode(&[(0xabc, points.clone()), (7, Vec::new())]);
        assert_eq!(text, "abc 123 0 -12346 70\n7\n");
        let back = decode(&text);
        assert_eq!(back, vec![(0xabc, vec![(12.3, 0.0), (-1234.6, 7.0)]), (7, Vec::new())]);
        assert_eq!(find(&back, 0xabc, 2), Some([(12.3, 0.0), (-1234.6, 7.0)].as_slice()));
        assert_eq!(find(&back, 0xabc, 3), None, "a layout for another number of nodes is not used");
        assert_eq!(find(&back, 0xdef, 2), None);
        let mut kept = Vec::new();
        for key in 0..6u64 {
            kept = remember(kept, key, &[(key as f64, 0.0)]);
        }
        assert_eq!(kept.iter().map(|(k, _)| *k).collect::<Vec<_>>(), vec![5, 4, 3, 2]);
        assert_eq!(remember(kept, 3, &[]).iter().map(|(k, _)| *k).collect::<Vec<_>>(), vec![3, 5, 4, 2]);
    }

    #[test]
    fn text_that_does_not_read_costs_only_its_line() {
        assert_eq!(decode("zz 1 2\nab 1\n10 1 2 x\n\nff 5 -5\n"), vec![(0xff, vec![(0.5, -0.5)])]);
        assert_eq!(decode(""), Vec::new());
    }
}
