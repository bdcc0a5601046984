//! The sector map known from social network maps (VennMaker, easyNWK):
//! the circle is cut into sectors (by Rechtskreis, actor kind or
//! Sozialraum), and rings say how close an actor is – by how binding its
//! relation to a focal actor is, or by its number of relations.

use std::collections::HashMap;
use std::f64::consts::TAU;

use crate::domain::layout::Point;
use crate::domain::model::{Binding, Id, Region};
use crate::domain::picture::style::rim_point;

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
            let mut strongest: HashMap<Id, Binding> = HashMap::new();
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

/// Lays out the actors of `region` for which `visible` holds.
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
    let count = groups.len().max(1) as f64;
    let (ring_of, ring_labels) = rings(region, ring);
    let mut map = SectorMap {
        sectors: Vec::new(),
        rings: ring_labels.into_iter().enumerate().map(|(i, label)| Ring { label, radius: RING_STEP * (i + 1) as f64 }).collect(),
        positions: HashMap::new(),
        sector_of: HashMap::new(),
    };
    if let Some(focus) = &focus {
        map.positions.insert(focus.clone(), (0.0, 0.0));
    }
    for (s, (label, members)) in groups.into_iter().enumerate() {
        let (start, end) = (TAU * s as f64 / count, TAU * (s + 1) as f64 / count);
        // Per ring, spread the sector's actors along the ring's arc, away from the borders.
        let mut by_ring: Vec<(usize, Vec<&Id>)> = Vec::new();
        for id in members {
            crate::domain::order::entry(&mut by_ring, ring_of.get(id).copied().unwrap_or(4), Vec::new).push(id);
            map.sector_of.insert(id.clone(), s);
        }
        crate::domain::order::sort_by(&mut by_ring, |x, y| x.0.cmp(&y.0));
        for (r, ids) in by_ring {
            let inner = RING_STEP * r as f64 + RING_STEP * 0.25;
            let outer = RING_STEP * (r + 1) as f64 - RING_STEP * 0.25;
            // Crowded rings use several rows.
            let width = (end - start) * inner;
            let per_row = ((width / 28.0).floor() as usize).max(1);
            let rows = ids.len().div_ceil(per_row);
            for (i, id) in ids.iter().enumerate() {
                let (row, col) = (i / per_row, i % per_row);
                let in_row = if row + 1 == rows { ids.len() - row * per_row } else { per_row };
                let radius = if rows == 1 { (inner + outer) / 2.0 } else { inner + (outer - inner) * row as f64 / (rows - 1) as f64 };
                let t = (col as f64 + 0.5) / in_row as f64;
                let angle = start + (end - start) * (0.08 + 0.84 * t);
                map.positions.insert((*id).clone(), rim_point(angle, radius));
            }
        }
        map.sectors.push(Sector { label, start, end });
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

    #[test]
    fn no_two_actors_share_a_point() {
        let region = crate::domain::samples::generate::generated_region(400, 2);
        let map = sector_map(&region, |_| true, SectorBy::Rechtskreis, &RingBy::Relations);
        let points: Vec<Point> = map.positions.values().copied().collect();
        for i in 0..points.len() {
            for j in 0..i {
                let d = ((points[i].0 - points[j].0).powi(2) + (points[i].1 - points[j].1).powi(2)).sqrt();
                assert!(d > 1.0, "{:?} {:?}", points[i], points[j]);
            }
        }
    }
}
