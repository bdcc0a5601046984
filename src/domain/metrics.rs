//! Figures about a region's network used by comparisons (and the network
//! picture): density, degree, isolated actors.

use std::collections::HashSet;

use super::model::{Id, Region};

/// The number of distinct pairs of actors that have at least one relation.
pub fn linked_pairs(region: &Region) -> usize {
    let pairs: HashSet<(&Id, &Id)> = region
        .relations
        .iter()
        .filter(|r| r.from != r.to)
        .map(|r| if r.from < r.to { (&r.from, &r.to) } else { (&r.to, &r.from) })
        .collect();
    pairs.len()
}

/// Linked pairs as a share of all possible pairs (0 for fewer than two actors).
pub fn density(region: &Region) -> f64 {
    let n = region.actors.len();
    if n < 2 {
        return 0.0;
    }
    linked_pairs(region) as f64 / (n * (n - 1) / 2) as f64
}

/// Actors without any relation.
pub fn isolated(region: &Region) -> Vec<&Id> {
    let linked: HashSet<&Id> = region.relations.iter().flat_map(|r| [&r.from, &r.to]).collect();
    region.actors.iter().map(|a| &a.id).filter(|id| !linked.contains(id)).collect()
}

/// "12,3 %": a share with one decimal, German style.
pub fn percent_text(share: f64) -> String {
    let tenths = (share * 1000.0).round() as i64;
    format!("{},{} %", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::*;

    fn relation(id: &str, from: &str, to: &str) -> Relation {
        Relation {
            id: Id(id.into()),
            from: Id(from.into()),
            to: Id(to.into()),
            kind: RelationKind::Kooperation,
            direction: Direction::Undirected,
            binding: Binding::Informell,
            since: String::new(),
            notes: String::new(),
        }
    }

    #[test]
    fn density_counts_each_pair_once() {
        let mut region = Region::new(Id("r".into()), "R", RegionKind::Stadt);
        for id in ["a", "b", "c", "d"] {
            region.actors.push(Actor::new(Id(id.into()), id, ActorKind::Verein));
        }
        region.relations.push(relation("1", "a", "b"));
        region.relations.push(relation("2", "b", "a")); // same pair
        region.relations.push(relation("3", "b", "c"));
        assert_eq!(linked_pairs(&region), 2);
        assert!((density(&region) - 2.0 / 6.0).abs() < 1e-12);
        assert_eq!(percent_text(density(&region)), "33,3 %");
        assert_eq!(isolated(&region), vec![&Id("d".into())]);
    }
}
