//! The sector map known from social network maps (VennMaker, easyNWK):
//! the circle is cut into sectors (by Rechtskreis, actor kind or
//! Sozialraum), and rings say how close an actor is – by how binding its
//! relation to a focal actor is, or by its number of relations.

use crate::domain::hashing::HashMap;
use std::f64::consts::TAU;

use crate::domain::layout::Point;
use crate::domain::model::{Binding, Id, Region};
use crate::domain::picture::labels::SMALL_NETWORK;
use crate::domain::picture::style::{rim_point, NODE_RADIUS};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SectorBy {
    #[default]
    Rechtskreis,
    Kind,
    Sozialraum,
}

impl SectorBy {
    pub const ALL: [SectorBy; 3] = [SectorBy::Rechtskreis, SectorBy::Kind, SectorBy::Sozialraum];
    pub fn key(self) -> &'static str {
        match self {
            SectorBy::Rechtskreis => "rechtskreis",
            SectorBy::Kind => "kind",
            SectorBy::Sozialraum => "sozialraum",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            SectorBy::Rechtskreis => t!("actors.rechtskreis"),
            SectorBy::Kind => t!("sectors.kind"),
            SectorBy::Sozialraum => t!("actors.sozialraum"),
        }
    }
    pub fn from_key(key: &str) -> SectorBy {
        SectorBy::ALL.into_iter().find(|s| s.key() == key).unwrap_or_default()
    }
}

/// What the rings measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RingBy {
    /// How binding the relation to this actor is (it sits in the middle).
    Binding(Id),
    /// Number of relations: the most connected inside.
    Relations,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sector {
    pub label: String,
    /// Angles in radians, clockwise from 12 o'clock.
    pub start: f64,
    pub end: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ring {
    pub label: String,
    pub radius: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SectorMap {
    pub sectors: Vec<Sector>,
    pub rings: Vec<Ring>,
    pub positions: HashMap<Id, Point>,
    /// The sector index of each actor.
    pub sector_of: HashMap<Id, usize>,
}

/// Radius of the innermost ring; each further ring adds this much.
pub const RING_STEP: f64 = 120.0;

/// An actor's sector. One with several Rechtskreise or Sozialräume belongs
/// to none of them more than to the others: it sits in a sector of its own
/// ("mehrere …"), and one that serves every Sozialraum in "kreisweit".
fn sector_label(region: &Region, actor: &crate::domain::model::Actor, by: SectorBy) -> String {
    match by {
        SectorBy::Rechtskreis => match actor.rechtskreise.as_slice() {
            [] => t!("sectors.no_rechtskreis").into(),
            [only] => only.short().to_owned(),
            _ => t!("sectors.several_rechtskreise").into(),
        },
        SectorBy::Kind => actor.kind.label().to_owned(),
        SectorBy::Sozialraum => {
            let known: Vec<_> = actor.sozialraeume.iter().filter_map(|s| region.sozialraum(s)).collect();
            match known.as_slice() {
                [] => t!("sectors.no_sozialraum").into(),
                [only] => only.name.clone(),
                several if several.len() == region.sozialraeume.len() => t!("sectors.all_sozialraeume").into(),
                _ => t!("sectors.several_sozialraeume").into(),
            }
        }
    }
}

/// How actors with several values are placed, for the legend.
pub fn sector_rule(by: SectorBy) -> Option<&'static str> {
    match by {
        SectorBy::Rechtskreis => Some(t!("sectors.rule_rechtskreise")),
        SectorBy::Kind => None,
        SectorBy::Sozialraum => Some(t!("sectors.rule_sozialraeume")),
    }
}

/// Ring index (0 = innermost) and the labels of all rings.
fn rings(region: &Region, ring: &RingBy) -> (HashMap<Id, usize>, Vec<String>) {
    match ring {
        RingBy::Binding(focus) => {
            let mut strongest: HashMap<Id, Binding> = HashMap::default();
            for r in region.relations.iter().filter(|r| r.touches(focus)) {
                let other = r.other_end(focus).clone();
                let entry = strongest.entry(other).or_insert(r.binding);
                *entry = (*entry).max(r.binding);
            }
            let labels = [
                Binding::Vertrag.label(),
                Binding::Vereinbart.label(),
                Binding::Regelmaessig.label(),
                Binding::Informell.label(),
                t!("sectors.no_relation"),
            ];
            let index = region
                .actors
                .iter()
                .filter(|a| &a.id != focus)
                .map(|a| {
                    let ring = match strongest.get(&a.id) {
                        Some(Binding::Vertrag) => 0,
                        Some(Binding::Vereinbart) => 1,
                        Some(Binding::Regelmaessig) => 2,
                        Some(Binding::Informell) => 3,
                        None => 4,
                    };
                    (a.id.clone(), ring)
                })
                .collect();
            (index, labels.iter().map(|l| (*l).to_owned()).collect())
        }
        RingBy::Relations => {
            let degrees = crate::domain::analysis::metrics::degrees(region);
            let labels = [
                t!("sectors.degree_10"),
                t!("sectors.degree_5"),
                t!("sectors.degree_2"),
                t!("sectors.degree_1"),
                t!("sectors.no_relation"),
            ];
            let index = region
                .actors
                .iter()
                .map(|a| {
                    let ring = match degrees.get(&a.id).copied().unwrap_or(0) {
                        10.. => 0,
                        5..=9 => 1,
                        2..=4 => 2,
                        1 => 3,
                        _ => 4,
                    };
                    (a.id.clone(), ring)
                })
                .collect();
            (index, labels.iter().map(|l| (*l).to_owned()).collect())
        }
    }
}

/// The closest two actors' centres come on the sector map: a node's size
/// and a gap, so nodes never touch and names have room between them.
pub const SPACING: f64 = 2.0 * NODE_RADIUS + 10.0;

/// The part of a sector kept free along each border (at least half a
/// spacing), so that neighbouring sectors' actors do not meet there.
fn border(angle: f64, radius: f64) -> f64 {
    (angle * 0.08).max(SPACING / 2.0 / radius)
}

/// How many actors fit side by side on an arc of `angle` at `radius`.
fn fits_on_arc(angle: f64, radius: f64) -> usize {
    let usable = angle - 2.0 * border(angle, radius);
    if usable <= 0.0 {
        0
    } else {
        // At least one: a single actor sits in the sector's middle.
        ((usable * radius / SPACING).floor() as usize).max(1)
    }
}

/// The radii of the rows that hold `count` actors in a sector of `angle`,
/// from `first` outwards one spacing apart, and how many go on each: shared
/// in proportion to what each row holds, so the outer rows of a crowded
/// ring fill as much as the inner ones.
fn rows(count: usize, angle: f64, first: f64) -> Vec<(f64, usize)> {
    let mut rows: Vec<(f64, usize)> = Vec::new();
    let mut room = 0;
    while room < count {
        let radius = first + SPACING * rows.len() as f64;
        let fits = fits_on_arc(angle, radius);
        rows.push((radius, fits));
        room += fits;
    }
    let mut placed = 0;
    for row in rows.iter_mut() {
        let share = count * row.1 / room.max(1);
        placed += share;
        *row = (row.0, share);
    }
    // What rounding left over goes to the outer rows with room to spare.
    for (radius, share) in rows.iter_mut().rev() {
        if placed < count && *share < fits_on_arc(angle, *radius) {
            *share += 1;
            placed += 1;
        }
    }
    rows
}

/// Lays out the actors of `region` for which `visible` holds. A sector's
/// angle grows with its number of actors (a sector of few still gets a
/// fair part of the circle), and a ring grows as wide as its most crowded
/// sector needs: the actors spread over the whole map instead of crowding
/// its middle, no two closer than [`SPACING`].
pub fn sector_map(region: &Region, visible: impl Fn(&Id) -> bool, by: SectorBy, ring: &RingBy) -> SectorMap {
    let actors: Vec<_> = region.actors.iter().filter(|a| visible(&a.id)).collect();
    let focus = match ring {
        RingBy::Binding(id) if visible(id) => Some(id.clone()),
        _ => None,
    };
    // Sectors in order of first appearance of their label, sorted by label for stability.
    // Lists, not maps: a few sectors and rings, and no B-tree code in the wasm for them.
    let mut groups: Vec<(String, Vec<&Id>)> = Vec::new();
    for actor in actors.iter().filter(|a| Some(&a.id) != focus.as_ref()) {
        crate::domain::order::entry(&mut groups, sector_label(region, actor, by), Vec::new).push(&actor.id);
    }
    crate::domain::order::sort_by(&mut groups, |x, y| x.0.cmp(&y.0));
    let (ring_of, ring_labels) = rings(region, ring);
    let ring_count = ring_labels.len();
    // Each sector's actors by ring.
    let cells: Vec<Vec<Vec<&Id>>> = groups
        .iter()
        .map(|(_, members)| {
            let mut by_ring = vec![Vec::new(); ring_count];
            for id in members {
                by_ring[ring_of.get(*id).copied().unwrap_or(ring_count - 1).min(ring_count - 1)].push(*id);
            }
            by_ring
        })
        .collect();
    // Angles: in proportion to the actors, but at least half an equal share.
    let total = groups.iter().map(|(_, m)| m.len()).sum::<usize>() as f64;
    let floor = total / groups.len().max(1) as f64 / 2.0;
    let weights: Vec<f64> = groups.iter().map(|(_, m)| (m.len() as f64).max(floor).max(1.0)).collect();
    let weight_sum: f64 = weights.iter().sum();
    let mut start = 0.0;
    let mut map = SectorMap { sectors: Vec::new(), rings: Vec::new(), positions: HashMap::default(), sector_of: HashMap::default() };
    for ((label, members), weight) in groups.iter().zip(&weights) {
        let end = start + TAU * weight / weight_sum;
        map.sectors.push(Sector { label: label.clone(), start, end });
        for id in members {
            map.sector_of.insert((*id).clone(), map.sectors.len() - 1);
        }
        start = end;
    }
    if let Some(focus) = &focus {
        map.positions.insert(focus.clone(), (0.0, 0.0));
    }
    // A small map's rings keep a fixed depth, with room for every name; a
    // large one's are as deep as their rows, so that nearly empty rings (few
    // actors without relations) do not leave the rim bare.
    let least_depth = if actors.len() <= SMALL_NETWORK { RING_STEP } else { 2.0 * SPACING };
    let mut inner = 0.0;
    for (r, label) in ring_labels.into_iter().enumerate() {
        // The innermost ring keeps a spacing's distance from the focus in the middle.
        let first = if r == 0 { SPACING } else { inner + SPACING / 2.0 };
        let layouts: Vec<Vec<(f64, usize)>> =
            map.sectors.iter().zip(&cells).map(|(sector, cell)| rows(cell[r].len(), sector.end - sector.start, first)).collect();
        let deepest = layouts.iter().map(Vec::len).max().unwrap_or(0);
        let outer = (inner + least_depth).max(first + SPACING * deepest as f64 - SPACING / 2.0);
        // Rows spread over the ring's whole width; a single row in its middle.
        let last = outer - SPACING / 2.0;
        for ((sector, cell), layout) in map.sectors.iter().zip(&cells).zip(layouts) {
            let angle = sector.end - sector.start;
            let count = layout.len();
            let mut members = cell[r].iter();
            for (j, (_, share)) in layout.into_iter().enumerate() {
                let radius = match count {
                    1 => (first + outer) / 2.0,
                    _ => first + (last - first) * j as f64 / (count - 1) as f64,
                };
                let margin = border(angle, radius);
                let slot = (angle - 2.0 * margin) / share.max(1) as f64;
                for (c, id) in members.by_ref().take(share).enumerate() {
                    map.positions.insert((*id).clone(), rim_point(sector.start + margin + slot * (c as f64 + 0.5), radius));
                }
            }
        }
        map.rings.push(Ring { label, radius: outer });
        inner = outer;
    }
    map
}

/// The angle of a point, clockwise from 12 o'clock, in [0, 2π).
pub fn angle_of(point: Point) -> f64 {
    point.0.atan2(-point.1).rem_euclid(TAU)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::samples::demo::demo_workspace;

    #[test]
    fn every_actor_sits_inside_its_sector() {
        let region = demo_workspace().regions.remove(0);
        for by in SectorBy::ALL {
            for ring in [RingBy::Relations, RingBy::Binding(region.actors[0].id.clone())] {
                let map = sector_map(&region, |_| true, by, &ring);
                assert_eq!(map.positions.len(), region.actors.len());
                for actor in &region.actors {
                    let Some(&s) = map.sector_of.get(&actor.id) else {
                        assert_eq!(map.positions[&actor.id], (0.0, 0.0), "only the focus has no sector");
                        continue;
                    };
                    let sector = &map.sectors[s];
                    assert_eq!(sector.label, sector_label(&region, actor, by));
                    let angle = angle_of(map.positions[&actor.id]);
                    assert!(angle > sector.start && angle < sector.end, "{} ({by:?}) at {angle} outside {sector:?}", actor.name);
                }
            }
        }
    }

    #[test]
    fn an_actor_in_several_sozialraeume_is_not_counted_in_the_first() {
        crate::i18n::set_lang(crate::i18n::Lang::GERMAN);
        let mut region = demo_workspace().regions.remove(0);
        let all: Vec<Id> = region.sozialraeume.iter().map(|s| s.id.clone()).collect();
        assert!(all.len() >= 3);
        region.actors[0].sozialraeume = all.clone();
        region.actors[1].sozialraeume = all[..2].to_vec();
        region.actors[2].sozialraeume = vec![all[1].clone()];
        region.actors[3].rechtskreise = vec![crate::domain::model::Rechtskreis::SgbII, crate::domain::model::Rechtskreis::SgbIII];
        assert_eq!(sector_label(&region, &region.actors[0], SectorBy::Sozialraum), "kreisweit (alle Sozialräume)");
        assert_eq!(sector_label(&region, &region.actors[1], SectorBy::Sozialraum), "mehrere Sozialräume");
        assert_eq!(sector_label(&region, &region.actors[2], SectorBy::Sozialraum), region.sozialraeume[1].name);
        assert_eq!(sector_label(&region, &region.actors[3], SectorBy::Rechtskreis), "mehrere Rechtskreise");
        assert!(sector_rule(SectorBy::Sozialraum).unwrap().contains("mehrere Sozialräume"));
    }

    #[test]
    fn rings_follow_how_binding_the_relation_to_the_focus_is() {
        let region = demo_workspace().regions.remove(0);
        let focus = region.relations.iter().find(|r| r.binding == Binding::Vertrag).unwrap();
        let (center, partner) = (focus.from.clone(), focus.to.clone());
        let map = sector_map(&region, |_| true, SectorBy::Kind, &RingBy::Binding(center.clone()));
        let distance = |p: Point| (p.0 * p.0 + p.1 * p.1).sqrt();
        assert_eq!(map.positions[&center], (0.0, 0.0));
        assert!(distance(map.positions[&partner]) < RING_STEP, "a written contract sits in the innermost ring");
        let stranger = region.actors.iter().find(|a| a.id != center && !region.relations.iter().any(|r| r.links(&a.id, &center))).unwrap();
        assert!(distance(map.positions[&stranger.id]) > RING_STEP * 4.0);
    }

    /// The closest two points of a map and how far its actors reach from the middle.
    fn closest_and_reach(map: &SectorMap) -> (f64, f64) {
        let points: Vec<Point> = map.positions.values().copied().collect();
        let mut closest = f64::INFINITY;
        for i in 0..points.len() {
            for j in 0..i {
                closest = closest.min(((points[i].0 - points[j].0).powi(2) + (points[i].1 - points[j].1).powi(2)).sqrt());
            }
        }
        (closest, points.iter().map(|p| (p.0 * p.0 + p.1 * p.1).sqrt()).fold(0.0, f64::max))
    }

    #[test]
    fn no_two_actors_come_closer_than_a_node_and_a_gap_also_in_crowded_maps() {
        for (actors, by) in
            [(400, SectorBy::Rechtskreis), (2000, SectorBy::Kind), (2000, SectorBy::Sozialraum), (43, SectorBy::Rechtskreis)]
        {
            let region = crate::domain::samples::generate::generated_region(actors, 2);
            for ring in [RingBy::Relations, RingBy::Binding(region.actors[0].id.clone())] {
                let map = sector_map(&region, |_| true, by, &ring);
                assert_eq!(map.positions.len(), actors);
                let (closest, reach) = closest_and_reach(&map);
                assert!(closest >= SPACING - 1e-6, "{actors} by {by:?}, {ring:?}: two actors {closest} apart");
                assert!(reach < map.rings.last().unwrap().radius, "every actor inside the outer ring");
            }
        }
    }

    #[test]
    fn a_crowded_map_uses_its_area_rather_than_its_middle() {
        let region = crate::domain::samples::generate::generated_region(2000, 2);
        let map = sector_map(&region, |_| true, SectorBy::Kind, &RingBy::Relations);
        let rim = map.rings.last().unwrap().radius;
        // The actors cover the disc about evenly: the outer half of the radius
        // (three quarters of the area) holds at least half of them.
        let outer = map.positions.values().filter(|p| (p.0 * p.0 + p.1 * p.1).sqrt() > rim / 2.0).count();
        assert!(outer * 2 >= map.positions.len(), "{outer} of {} in the outer half", map.positions.len());
        // Each ring is as deep as its rows need, at least two spacings, and they grow outwards.
        assert!(map.rings.windows(2).all(|w| w[1].radius - w[0].radius >= 2.0 * SPACING - 1e-9));
        // A small map keeps rings of one step, with room for every name.
        let small = sector_map(&demo_workspace().regions.remove(0), |_| true, SectorBy::Kind, &RingBy::Relations);
        assert!(small.rings.windows(2).all(|w| w[1].radius - w[0].radius >= RING_STEP - 1e-9));
        // A sector with more actors gets a wider angle.
        let count = |s: usize| map.sector_of.values().filter(|&&x| x == s).count();
        let (most, least) = (0..map.sectors.len())
            .fold((0, 0), |(m, l), s| (if count(s) > count(m) { s } else { m }, if count(s) < count(l) { s } else { l }));
        let width = |s: usize| map.sectors[s].end - map.sectors[s].start;
        assert!(width(most) > width(least), "{} actors in {:.2} rad, {} in {:.2}", count(most), width(most), count(least), width(least));
        assert!((map.sectors.last().unwrap().end - TAU).abs() < 1e-9 && map.sectors[0].start == 0.0);
    }
}
