//! Figures about a region's network, for comparisons and for reading the
//! network picture: density, degree, isolated actors, betweenness (who holds
//! the network together), neighbourhoods, written agreements across
//! Rechtskreise and density per Sozialraum.

use crate::domain::hashing::{HashMap, HashSet};

use crate::domain::model::{Binding, Id, Rechtskreis, Region, Relation, RelationKind};
use crate::domain::order;

/// The number of distinct pairs of actors that have at least one relation.
pub fn linked_pairs(region: &Region) -> usize {
    distinct_pairs(region.relations.iter())
}

/// The distinct unordered pairs of different actors these relations link.
fn distinct_pairs<'a>(relations: impl Iterator<Item = &'a Relation>) -> usize {
    let pairs: HashSet<(&Id, &Id)> =
        relations.filter(|r| r.from != r.to).map(|r| if r.from < r.to { (&r.from, &r.to) } else { (&r.to, &r.from) }).collect();
    pairs.len()
}

/// Linked pairs as a share of all possible pairs (0 for fewer than two actors).
pub fn density(region: &Region) -> f64 {
    share_of_pairs(linked_pairs(region), region.actors.len())
}

/// `linked` pairs as a share of all pairs of `n` actors (0 for fewer than two).
fn share_of_pairs(linked: usize, n: usize) -> f64 {
    if n < 2 {
        return 0.0;
    }
    linked as f64 / (n * (n - 1) / 2) as f64
}

/// Actors without any relation.
pub fn isolated(region: &Region) -> Vec<&Id> {
    let linked: HashSet<&Id> = region.relations.iter().flat_map(|r| [&r.from, &r.to]).collect();
    region.actors.iter().map(|a| &a.id).filter(|id| !linked.contains(id)).collect()
}

/// How many relations each actor has (every actor is listed).
pub fn degrees(region: &Region) -> HashMap<&Id, usize> {
    let mut degrees: HashMap<&Id, usize> = region.actors.iter().map(|a| (&a.id, 0)).collect();
    for relation in &region.relations {
        for end in [&relation.from, &relation.to] {
            if let Some(d) = degrees.get_mut(end) {
                *d += 1;
            }
        }
    }
    degrees
}

/// Neighbours by index over distinct pairs, ignoring direction.
fn adjacency(region: &Region) -> (Vec<&Id>, Vec<Vec<usize>>) {
    let ids: Vec<&Id> = region.actors.iter().map(|a| &a.id).collect();
    let index: HashMap<&Id, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut lists: Vec<Vec<usize>> = vec![Vec::new(); ids.len()];
    for relation in &region.relations {
        if let (Some(&a), Some(&b)) = (index.get(&relation.from), index.get(&relation.to)) {
            if a != b {
                lists[a].push(b);
                lists[b].push(a);
            }
        }
    }
    // Several relations between two actors are one pair.
    for list in &mut lists {
        order::sort(list);
        list.dedup();
    }
    (ids, lists)
}

/// Betweenness centrality (Brandes), undirected, each pair of actors counted
/// once: on how many shortest paths between two others an actor lies.
pub fn betweenness(region: &Region) -> HashMap<&Id, f64> {
    let (_, neighbours) = adjacency(region);
    by_actor(region, &netzwerkatlas_graph::centrality::betweenness(neighbours))
}

/// The region's network as neighbour lists of actor indices, in region
/// order: what betweenness is computed on in a worker or in slices; its
/// result maps back to the actors with [`by_actor`].
pub fn neighbour_lists(region: &Region) -> Vec<Vec<usize>> {
    adjacency(region).1
}

/// Per-actor values (in region order) keyed by actor.
pub fn by_actor<'a>(region: &'a Region, values: &[f64]) -> HashMap<&'a Id, f64> {
    region.actors.iter().map(|a| &a.id).zip(values.iter().copied()).collect()
}

/// The actors at most `depth` relations away from `center` (itself included).
pub fn neighbourhood<'a>(region: &'a Region, center: &Id, depth: usize) -> HashSet<&'a Id> {
    let (ids, neighbours) = adjacency(region);
    let Some(start) = ids.iter().position(|id| *id == center) else { return HashSet::default() };
    let mut found = HashSet::from_iter([start]);
    let mut frontier = vec![start];
    for _ in 0..depth {
        let next: Vec<usize> = frontier.iter().flat_map(|&v| neighbours[v].iter().copied()).filter(|w| !found.contains(w)).collect();
        found.extend(next.iter().copied());
        frontier = next;
    }
    found.into_iter().map(|i| ids[i]).collect()
}

/// Whether a relation is a written agreement.
pub fn is_written(kind: RelationKind, binding: Binding) -> bool {
    binding == Binding::Vertrag || kind == RelationKind::Vereinbarung
}

/// Rechtskreise of the region's actors that have no written agreement with
/// an actor outside that Rechtskreis.
pub fn rechtskreise_without_written_agreement(region: &Region) -> Vec<Rechtskreis> {
    let of = |id: &Id| region.actor(id).map(|a| a.rechtskreise.as_slice()).unwrap_or(&[]);
    Rechtskreis::ALL
        .iter()
        .copied()
        .filter(|r| region.actors.iter().any(|a| a.rechtskreise.contains(r)))
        .filter(|r| {
            !region.relations.iter().filter(|rel| is_written(rel.kind, rel.binding)).any(|rel| {
                let (a, b) = (of(&rel.from), of(&rel.to));
                (a.contains(r) && !b.contains(r)) || (b.contains(r) && !a.contains(r))
            })
        })
        .collect()
}

/// Per Sozialraum: its actors, the linked pairs among them, and their density.
pub struct SozialraumDensity {
    pub name: String,
    pub actors: usize,
    pub linked_pairs: usize,
    pub density: f64,
}

pub fn density_per_sozialraum(region: &Region) -> Vec<SozialraumDensity> {
    // One pass over the relations for all Sozialräume: each end looked up once.
    let of: HashMap<&Id, &[Id]> = region.actors.iter().map(|a| (&a.id, a.sozialraeume.as_slice())).collect();
    let mut inside: Vec<Vec<&Relation>> = vec![Vec::new(); region.sozialraeume.len()];
    for relation in &region.relations {
        let (Some(a), Some(b)) = (of.get(&relation.from), of.get(&relation.to)) else { continue };
        for (i, s) in region.sozialraeume.iter().enumerate() {
            if a.contains(&s.id) && b.contains(&s.id) {
                inside[i].push(relation);
            }
        }
    }
    region
        .sozialraeume
        .iter()
        .zip(inside)
        .map(|(s, relations)| {
            let actors = region.actors.iter().filter(|a| a.sozialraeume.contains(&s.id)).count();
            let linked = distinct_pairs(relations.into_iter());
            SozialraumDensity { name: s.name.clone(), actors, linked_pairs: linked, density: share_of_pairs(linked, actors) }
        })
        .collect()
}

/// "12,3 %": a share with one decimal, in the UI's language.
pub fn percent_text(share: f64) -> String {
    let tenths = (share * 1000.0).round() as i64;
    format!("{} %", crate::i18n::tenths(tenths, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::*;

    /// Two triangles 1-2-3 and 5-6-7 joined by the bridge 3–4–5.
    fn bowtie() -> Region {
        let mut region = Region::new(Id("r".into()), "R", RegionKind::Stadt);
        for id in 1..=7 {
            region.actors.push(Actor::new(Id(id.to_string()), format!("A{id}"), ActorKind::Verein));
        }
        for (i, (a, b)) in [(1, 2), (1, 3), (2, 3), (3, 4), (4, 5), (5, 6), (5, 7), (6, 7)].into_iter().enumerate() {
            region.relations.push(relation(&i.to_string(), &a.to_string(), &b.to_string()));
        }
        region
    }

    #[test]
    fn betweenness_matches_the_hand_computed_bowtie() {
        let region = bowtie();
        let c = betweenness(&region);
        let of = |id: &str| c[&Id(id.into())];
        // 4 lies on all 3 × 3 paths between the triangles; 3 on those from {1,2} to {4,5,6,7}.
        assert_eq!((of("4"), of("3"), of("5")), (9.0, 8.0, 8.0));
        assert_eq!((of("1"), of("2"), of("6"), of("7")), (0.0, 0.0, 0.0, 0.0));
    }

    #[test]
    fn betweenness_splits_between_equal_paths() {
        // A square 1-2-3-4-1: 1 and 3 are joined by two paths, via 2 and via 4.
        let mut region = bowtie();
        region.actors.truncate(4);
        region.relations = vec![relation("a", "1", "2"), relation("b", "2", "3"), relation("c", "3", "4"), relation("d", "4", "1")];
        let c = betweenness(&region);
        assert_eq!(c[&Id("2".into())], 0.5);
        assert_eq!(c[&Id("4".into())], 0.5);
    }

    #[test]
    fn neighbourhoods_by_depth() {
        let region = bowtie();
        let names = |set: HashSet<&Id>| {
            let mut v: Vec<String> = set.into_iter().map(|i| i.0.clone()).collect();
            v.sort();
            v
        };
        assert_eq!(names(neighbourhood(&region, &Id("4".into()), 1)), ["3", "4", "5"]);
        assert_eq!(names(neighbourhood(&region, &Id("4".into()), 2)), ["1", "2", "3", "4", "5", "6", "7"]);
        assert!(neighbourhood(&region, &Id("x".into()), 1).is_empty());
    }

    #[test]
    fn rechtskreise_without_written_agreements() {
        let mut region = bowtie();
        region.actors[0].rechtskreise = vec![Rechtskreis::SgbII];
        region.actors[1].rechtskreise = vec![Rechtskreis::SgbVIII];
        region.actors[6].rechtskreise = vec![Rechtskreis::SgbIX];
        assert_eq!(rechtskreise_without_written_agreement(&region), [Rechtskreis::SgbII, Rechtskreis::SgbVIII, Rechtskreis::SgbIX]);
        region.relations[0].binding = Binding::Vertrag; // 1 (SGB II) – 2 (SGB VIII)
        assert_eq!(rechtskreise_without_written_agreement(&region), [Rechtskreis::SgbIX]);
    }

    #[test]
    fn density_inside_each_sozialraum() {
        let mut region = bowtie();
        region.sozialraeume = vec![Sozialraum { id: Id("s".into()), name: "Nord".into(), gemeinden: vec![] }];
        for a in &mut region.actors[..3] {
            a.sozialraeume = vec![Id("s".into())];
        }
        let found = density_per_sozialraum(&region);
        assert_eq!((found[0].actors, found[0].linked_pairs), (3, 3));
        assert_eq!(found[0].density, 1.0);
        assert_eq!(degrees(&region)[&Id("3".into())], 3);
    }

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

    #[test]
    fn betweenness_in_slices_and_through_a_workers_arrays_matches_betweenness() {
        use netzwerkatlas_graph::centrality::{from_flat, to_flat, Betweenness};
        let region = bowtie();
        let mut run = Betweenness::new(neighbour_lists(&region));
        while !run.advance(2) {}
        assert_eq!(by_actor(&region, &run.result()), betweenness(&region));
        let (offsets, targets) = to_flat(&neighbour_lists(&region));
        let in_worker = netzwerkatlas_graph::centrality::betweenness(from_flat(&offsets, &targets));
        assert_eq!(by_actor(&region, &in_worker), betweenness(&region));
    }
}
