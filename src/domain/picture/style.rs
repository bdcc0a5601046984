//! How the network picture looks: colour and shape per kind of actor, line
//! style per relation, the legend, and the picture as a standalone SVG file
//! (for export, PNG and print). The screen draws with the same functions, so
//! the file looks like what the user saw.

use crate::i18n::t;
use std::collections::HashMap;

use crate::domain::data::writers::graph_files::xml_escape;
use crate::domain::layout::Point;
use crate::domain::model::{ActorKind, Binding, Direction, Id, Region, Relation, RelationKind};
use crate::domain::picture::sectors::{Ring, Sector};

/// Families of actor kinds, each with a colour and a shape, so the picture
/// never relies on colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    Verwaltung,
    Traeger,
    Beratung,
    Bildung,
    Zivilgesellschaft,
    Wirtschaft,
    Sonstige,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Diamond,
    Triangle,
    Hexagon,
    Pentagon,
}

impl Family {
    pub const ALL: [Family; 7] = [
        Family::Verwaltung,
        Family::Traeger,
        Family::Beratung,
        Family::Bildung,
        Family::Zivilgesellschaft,
        Family::Wirtschaft,
        Family::Sonstige,
    ];

    pub fn of(kind: ActorKind) -> Family {
        use ActorKind::*;
        match kind {
            Jobcenter | Arbeitsagentur | Jugendamt | Sozialamt | Auslaenderbehoerde | Kostentraeger | Verwaltung => Family::Verwaltung,
            Traeger | Wfbm | Tagesfoerderstaette | Dachverband => Family::Traeger,
            Ifd | Beratungsstelle | Eutb | Migrationsdienst => Family::Beratung,
            Schule | Berufsschule | Kita | Vhs => Family::Bildung,
            Verein | Kirche => Family::Zivilgesellschaft,
            Arbeitgeber | Kammer => Family::Wirtschaft,
            Sonstige => Family::Sonstige,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Family::Verwaltung => t("family.verwaltung"),
            Family::Traeger => t("family.traeger"),
            Family::Beratung => t("family.beratung"),
            Family::Bildung => t("family.bildung"),
            Family::Zivilgesellschaft => t("family.zivilgesellschaft"),
            Family::Wirtschaft => t("family.wirtschaft"),
            Family::Sonstige => t("actor_kind.sonstige"),
        }
    }

    /// Fill colours with at least 3:1 contrast to white (WCAG 1.4.11).
    pub fn color(self) -> &'static str {
        match self {
            Family::Verwaltung => "#1f5fa8",
            Family::Traeger => "#2e7d32",
            Family::Beratung => "#6a3d9a",
            Family::Bildung => "#b35900",
            Family::Zivilgesellschaft => "#00796b",
            Family::Wirtschaft => "#6d4c41",
            Family::Sonstige => "#5f6b7a",
        }
    }

    pub fn shape(self) -> Shape {
        match self {
            Family::Verwaltung => Shape::Square,
            Family::Traeger => Shape::Circle,
            Family::Beratung => Shape::Diamond,
            Family::Bildung => Shape::Triangle,
            Family::Zivilgesellschaft => Shape::Hexagon,
            Family::Wirtschaft => Shape::Pentagon,
            Family::Sonstige => Shape::Circle,
        }
    }
}

/// The node radius in picture units.
pub const NODE_RADIUS: f64 = 9.0;

fn polygon(corners: usize, r: f64, turn: f64) -> String {
    let points: Vec<String> = (0..corners)
        .map(|i| {
            let a = turn + std::f64::consts::TAU * i as f64 / corners as f64;
            format!("{:.1},{:.1}", r * a.sin(), -r * a.cos())
        })
        .collect();
    format!("M{}Z", points.join("L"))
}

/// An SVG path around (0, 0) for a shape of radius `r`.
pub fn shape_path(shape: Shape, r: f64) -> String {
    match shape {
        Shape::Circle => format!("M{:.1},0A{r:.1},{r:.1} 0 1,0 {:.1},0A{r:.1},{r:.1} 0 1,0 {:.1},0Z", -r, r, -r),
        Shape::Square => polygon(4, r * 1.2, std::f64::consts::FRAC_PI_4),
        Shape::Diamond => polygon(4, r * 1.3, 0.0),
        Shape::Triangle => polygon(3, r * 1.35, 0.0),
        Shape::Hexagon => polygon(6, r * 1.1, 0.0),
        Shape::Pentagon => polygon(5, r * 1.15, 0.0),
    }
}

pub fn relation_color(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::Kooperation => "#37474f",
        RelationKind::Vereinbarung => "#1f5fa8",
        RelationKind::Weiterleitung => "#b35900",
        RelationKind::Finanzierung => "#2e7d32",
        RelationKind::Traegerschaft => "#6a3d9a",
        RelationKind::Mitgliedschaft => "#00796b",
    }
}

/// Stroke width and dash pattern: dashed informal, dotted regular, solid
/// agreed, thick written contract.
pub fn line_style(binding: Binding) -> (f64, &'static str) {
    match binding {
        Binding::Informell => (1.3, "6 4"),
        Binding::Regelmaessig => (1.6, "2 3"),
        Binding::Vereinbart => (2.0, ""),
        Binding::Vertrag => (4.0, ""),
    }
}

/// ` stroke-dasharray="…"` for a dashed line, nothing for a solid one.
fn dash_attribute(dash: &str) -> String {
    if dash.is_empty() {
        String::new()
    } else {
        format!(" stroke-dasharray=\"{dash}\"")
    }
}

/// Whether the relation is drawn with an arrow (from → to), and on both ends.
pub fn arrows(relation: &Relation) -> (bool, bool) {
    match (relation.kind.has_direction(), relation.direction) {
        (true, Direction::Forward) => (true, false),
        (true, Direction::Both) => (true, true),
        _ => (false, false),
    }
}

/// Where an edge starts and ends: at the rim of nodes of `radius`, so arrows show.
pub fn edge_ends(from: Point, to: Point, radius: f64) -> (Point, Point) {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let d = (dx * dx + dy * dy).sqrt();
    if d < 2.0 * radius {
        return (from, to);
    }
    let (ux, uy) = (dx / d, dy / d);
    let gap = radius * (1.0 + 2.0 / NODE_RADIUS);
    ((from.0 + ux * gap, from.1 + uy * gap), (to.0 - ux * gap, to.1 - uy * gap))
}

/// The segment nearest to `point`, if one passes within `tolerance`:
/// what a click on a line hits.
pub fn edge_at(point: Point, segments: impl IntoIterator<Item = (usize, Point, Point)>, tolerance: f64) -> Option<usize> {
    let mut best = None;
    let mut best_distance = tolerance;
    for (index, a, b) in segments {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let length2 = dx * dx + dy * dy;
        let t = if length2 == 0.0 { 0.0 } else { (((point.0 - a.0) * dx + (point.1 - a.1) * dy) / length2).clamp(0.0, 1.0) };
        let (cx, cy) = (a.0 + t * dx, a.1 + t * dy);
        let distance = ((point.0 - cx).powi(2) + (point.1 - cy).powi(2)).sqrt();
        if distance <= best_distance {
            best_distance = distance;
            best = Some(index);
        }
    }
    best
}

/// The bounding box of the drawn positions with a margin: (x, y, width, height).
pub fn view_box(positions: impl IntoIterator<Item = Point>) -> (f64, f64, f64, f64) {
    let (mut min, mut max) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
    for p in positions {
        min = (min.0.min(p.0), min.1.min(p.1));
        max = (max.0.max(p.0), max.1.max(p.1));
    }
    if min.0 > max.0 {
        return (-100.0, -100.0, 200.0, 200.0);
    }
    let margin = 60.0;
    (min.0 - margin, min.1 - margin, (max.0 - min.0) + 2.0 * margin, (max.1 - min.1) + 2.0 * margin)
}

/// The arrow head at the end of directed relations, the same size on every line.
pub const ARROW_MARKER: &str = "<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10Z\" fill=\"#37474f\"/></marker>";

/// The point at `angle` (clockwise from 12 o'clock) on a circle of `radius`.
pub fn rim_point(angle: f64, radius: f64) -> Point {
    (radius * angle.sin(), -radius * angle.cos())
}

/// Where a sector's label goes: outside the rim, in the middle of its arc.
pub fn sector_label_at(sector: &Sector, outer: f64) -> (f64, f64, &'static str) {
    let middle = (sector.start + sector.end) / 2.0;
    let (x, y) = rim_point(middle, outer + 22.0);
    let anchor = if x > 5.0 {
        "start"
    } else if x < -5.0 {
        "end"
    } else {
        "middle"
    };
    (x, y, anchor)
}

/// The picture as a standalone SVG document with title and legend (and, for
/// a sector map, its rings, sector borders and labels).
pub fn svg_document(region: &Region, positions: &HashMap<Id, Point>, title: &str, sectors: Option<(&[Sector], &[Ring])>) -> String {
    let rim = sectors.map(|(_, rings)| rings.last().map(|r| r.radius + 40.0).unwrap_or(0.0)).unwrap_or(0.0);
    let (x, y, w, h) = view_box(positions.values().copied().chain([(-rim, -rim), (rim, rim)].into_iter().filter(|_| rim > 0.0)));
    let legend_width = 300.0;
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{:.1} {:.1} {:.1} {:.1}\" width=\"{:.0}\" height=\"{:.0}\" font-family=\"Arial, sans-serif\">\n",
        x,
        y - 40.0,
        w + legend_width,
        h.max(460.0) + 40.0,
        w + legend_width,
        h.max(460.0) + 40.0
    );
    out.push_str(&format!("<title>{}</title>\n", xml_escape(title)));
    out.push_str(&format!("<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#ffffff\"/>\n", y - 40.0, w + legend_width, h.max(460.0) + 40.0));
    out.push_str(&format!("<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"20\" font-weight=\"bold\" fill=\"#1b1f24\">{}</text>\n", x + 10.0, y - 12.0, xml_escape(title)));
    out.push_str(&format!("<defs>{ARROW_MARKER}</defs>\n"));
    if let Some((sectors, rings)) = sectors {
        for ring in rings {
            out.push_str(&format!("<circle r=\"{:.1}\" fill=\"none\" stroke=\"#c9d0d9\"/>\n", ring.radius));
            out.push_str(&format!(
                "<text x=\"4\" y=\"{:.1}\" font-size=\"10\" fill=\"#4a5361\">{}</text>\n",
                -ring.radius + 14.0,
                xml_escape(&ring.label)
            ));
        }
        for sector in sectors {
            let (a, b) = rim_point(sector.start, rings.last().map(|r| r.radius).unwrap_or(0.0));
            out.push_str(&format!("<line x1=\"0\" y1=\"0\" x2=\"{a:.1}\" y2=\"{b:.1}\" stroke=\"#c9d0d9\"/>\n"));
            let (lx, ly, anchor) = sector_label_at(sector, rings.last().map(|r| r.radius).unwrap_or(0.0));
            out.push_str(&format!(
                "<text x=\"{lx:.1}\" y=\"{ly:.1}\" text-anchor=\"{anchor}\" font-size=\"13\" font-weight=\"bold\" fill=\"#4a5361\">{}</text>\n",
                xml_escape(&sector.label)
            ));
        }
    }
    for relation in &region.relations {
        let (Some(&a), Some(&b)) = (positions.get(&relation.from), positions.get(&relation.to)) else { continue };
        let (start, end) = edge_ends(a, b, NODE_RADIUS);
        let (width, dash) = line_style(relation.binding);
        let (forward, back) = arrows(relation);
        out.push_str(&format!(
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"{width}\"{}{}{}/>\n",
            start.0,
            start.1,
            end.0,
            end.1,
            relation_color(relation.kind),
            dash_attribute(dash),
            if forward { " marker-end=\"url(#arrow)\"" } else { "" },
            if back { " marker-start=\"url(#arrow)\"" } else { "" },
        ));
    }
    for actor in &region.actors {
        let Some(&(px, py)) = positions.get(&actor.id) else { continue };
        let family = Family::of(actor.kind);
        out.push_str(&format!(
            "<g transform=\"translate({px:.1},{py:.1})\"><path d=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.5\"/><text y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1b1f24\">{}</text></g>\n",
            shape_path(family.shape(), NODE_RADIUS),
            family.color(),
            NODE_RADIUS + 14.0,
            xml_escape(&actor.name)
        ));
    }
    // The legend, to the right of the picture.
    let (lx, mut ly) = (x + w + 20.0, y);
    out.push_str(&format!("<text x=\"{lx:.1}\" y=\"{ly:.1}\" font-size=\"13\" font-weight=\"bold\" fill=\"#1b1f24\">{}</text>\n", xml_escape(t("tabs.actors"))));
    for family in Family::ALL {
        ly += 20.0;
        out.push_str(&format!(
            "<g transform=\"translate({:.1},{:.1})\"><path d=\"{}\" fill=\"{}\"/></g><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#1b1f24\">{}</text>\n",
            lx + 8.0,
            ly - 4.0,
            shape_path(family.shape(), 6.0),
            family.color(),
            lx + 22.0,
            ly,
            xml_escape(family.label())
        ));
    }
    ly += 30.0;
    out.push_str(&format!("<text x=\"{lx:.1}\" y=\"{ly:.1}\" font-size=\"13\" font-weight=\"bold\" fill=\"#1b1f24\">{}</text>\n", xml_escape(t("tabs.relations"))));
    for kind in RelationKind::ALL {
        ly += 18.0;
        out.push_str(&format!(
            "<line x1=\"{lx:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"2\"/><text x=\"{:.1}\" y=\"{ly:.1}\" font-size=\"11\" fill=\"#1b1f24\">{}</text>\n",
            ly - 4.0,
            lx + 16.0,
            ly - 4.0,
            relation_color(*kind),
            lx + 22.0,
            xml_escape(kind.label())
        ));
    }
    ly += 30.0;
    out.push_str(&format!("<text x=\"{lx:.1}\" y=\"{ly:.1}\" font-size=\"13\" font-weight=\"bold\" fill=\"#1b1f24\">Verbindlichkeit</text>\n"));
    for binding in Binding::ALL {
        ly += 18.0;
        let (width, dash) = line_style(*binding);
        out.push_str(&format!(
            "<line x1=\"{lx:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#37474f\" stroke-width=\"{width}\"{}/><text x=\"{:.1}\" y=\"{ly:.1}\" font-size=\"11\" fill=\"#1b1f24\">{}</text>\n",
            ly - 4.0,
            lx + 16.0,
            ly - 4.0,
            dash_attribute(dash),
            lx + 22.0,
            xml_escape(binding.label())
        ));
    }
    ly += 22.0;
    out.push_str(&format!(
        "<line x1=\"{lx:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#37474f\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/><text x=\"{:.1}\" y=\"{ly:.1}\" font-size=\"11\" fill=\"#1b1f24\">Richtung (z. B. Weiterleitung an)</text>\n",
        ly - 4.0,
        lx + 16.0,
        ly - 4.0,
        lx + 22.0
    ));
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::samples::demo::demo_workspace;

    #[test]
    fn every_kind_has_a_family_and_families_differ_in_shape_or_colour() {
        for kind in ActorKind::ALL {
            let family = Family::of(*kind);
            assert!(Family::ALL.contains(&family));
        }
        for (i, a) in Family::ALL.iter().enumerate() {
            for b in &Family::ALL[..i] {
                assert!(a.color() != b.color() || a.shape() != b.shape(), "{a:?} and {b:?} look alike");
            }
        }
    }

    #[test]
    fn the_svg_file_holds_every_node_edge_and_the_legend_and_escapes_names() {
        let mut region = demo_workspace().regions.remove(0);
        region.actors[0].name = "<script>alert(1)</script> & Co".into();
        let positions: HashMap<Id, Point> =
            region.actors.iter().enumerate().map(|(i, a)| (a.id.clone(), crate::domain::layout::spiral(i))).collect();
        let svg = svg_document(&region, &positions, "Landkreis Lindenau", None);
        assert_eq!(svg.matches("<g transform").count(), region.actors.len() + Family::ALL.len());
        assert_eq!(svg.matches("<line ").count(), region.relations.len() + RelationKind::ALL.len() + Binding::ALL.len() + 1);
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("marker-end=\"url(#arrow)\""));
        assert!(svg.contains("Behörden und Verwaltung") && svg.contains("schriftlicher Vertrag"));
    }

    #[test]
    fn a_sector_map_file_has_its_rings_and_sector_labels() {
        let region = demo_workspace().regions.remove(0);
        let map = crate::domain::picture::sectors::sector_map(&region, |_| true, crate::domain::picture::sectors::SectorBy::Rechtskreis, &crate::domain::picture::sectors::RingBy::Relations);
        let svg = svg_document(&region, &map.positions, "Sektoren", Some((&map.sectors, &map.rings)));
        assert_eq!(svg.matches("<circle ").count(), map.rings.len());
        for sector in &map.sectors {
            assert!(svg.contains(&format!(">{}</text>", xml_escape(&sector.label))), "{}", sector.label);
        }
    }

    #[test]
    fn a_click_hits_the_nearest_line_within_reach() {
        let lines = [(0, (0.0, 0.0), (100.0, 0.0)), (1, (0.0, 10.0), (100.0, 10.0))];
        assert_eq!(edge_at((50.0, 3.0), lines, 6.0), Some(0));
        assert_eq!(edge_at((50.0, 7.0), lines, 6.0), Some(1));
        assert_eq!(edge_at((50.0, 30.0), lines, 6.0), None);
        assert_eq!(edge_at((104.0, 0.0), lines, 6.0), Some(0), "past the end, within reach of it");
    }

    #[test]
    fn edges_stop_at_the_rim() {
        let (a, b) = edge_ends((0.0, 0.0), (100.0, 0.0), NODE_RADIUS);
        assert_eq!(a, (NODE_RADIUS + 2.0, 0.0));
        assert_eq!(b, (100.0 - NODE_RADIUS - 2.0, 0.0));
    }
}
