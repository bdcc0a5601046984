//! How the network picture looks: colour and shape per kind of actor, line
//! style per relation, the legend. The screen and the SVG file
//! (`data::writers::svg`) draw with the same functions, so the file looks
//! like what the user saw.

use std::fmt::{self, Write as _};

use crate::domain::layout::Point;
use crate::domain::model::{ActorKind, Binding, Direction, Relation, RelationKind};
use crate::domain::picture::labels::{text_width, LabelBox};
use crate::domain::picture::sectors::Sector;
use netzwerkatlas_graph::trig::sin_cos;

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
            Family::Verwaltung => t!("family.verwaltung"),
            Family::Traeger => t!("family.traeger"),
            Family::Beratung => t!("family.beratung"),
            Family::Bildung => t!("family.bildung"),
            Family::Zivilgesellschaft => t!("family.zivilgesellschaft"),
            Family::Wirtschaft => t!("family.wirtschaft"),
            Family::Sonstige => t!("actor_kind.sonstige"),
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

/// A number for SVG and CSS with a fixed count of decimals and a dot,
/// written with integer maths: Rust's exact float formatting (`{:.1}`)
/// would add about 2 KB gzip to the wasm for nothing else.
#[derive(Clone, Copy, Debug)]
pub struct Fixed(pub f64, pub u32);

/// One decimal, the precision of every picture coordinate.
pub fn d1(v: f64) -> Fixed {
    Fixed(v, 1)
}

impl fmt::Display for Fixed {
    /// Digit by digit into a buffer, written at once: a large picture's paths
    /// hold tens of thousands of numbers, and formatting each with padding
    /// cost about a tenth of a frame's drawing.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let decimals = self.1;
        let scaled = (self.0 * 10u64.pow(decimals) as f64).round();
        let n = if scaled.is_finite() { scaled as i64 } else { 0 };
        let mut rest = n.unsigned_abs();
        let mut text = [0u8; 40];
        let mut at = text.len();
        let mut push = |byte: u8| {
            at -= 1;
            text[at] = byte;
        };
        for _ in 0..decimals {
            push(b'0' + (rest % 10) as u8);
            rest /= 10;
        }
        if decimals > 0 {
            push(b'.');
        }
        loop {
            push(b'0' + (rest % 10) as u8);
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if n < 0 {
            push(b'-');
        }
        f.write_str(std::str::from_utf8(&text[at..]).unwrap_or_default())
    }
}

/// The node radius in picture units.
pub const NODE_RADIUS: f64 = 9.0;

/// A shape of one radius, outlined once: a picture places it around
/// thousands of centres. Each corner cost a sine and a cosine, and each
/// number written costs time to format and for the browser to read, so all
/// but the first point are relative steps, the same text around every centre.
pub struct Outline {
    /// The first point, from the centre.
    start: Point,
    /// The rest of the outline, in relative path commands.
    rest: String,
}

impl Outline {
    pub fn new(shape: Shape, r: f64) -> Outline {
        // Rounded as written, so the steps between corners add up to a closed shape.
        let round = |v: f64| (v * 10.0).round() / 10.0;
        let (count, scale, turn) = match shape {
            Shape::Circle => {
                let (r, across) = (d1(r), d1(2.0 * round(r)));
                return Outline { start: (-round(r.0), 0.0), rest: format!("a{r},{r} 0 1,0 {across},0a{r},{r} 0 1,0 -{across},0Z") };
            }
            Shape::Square => (4, 1.2, std::f64::consts::FRAC_PI_4),
            Shape::Diamond => (4, 1.3, 0.0),
            Shape::Triangle => (3, 1.35, 0.0),
            Shape::Hexagon => (6, 1.1, 0.0),
            Shape::Pentagon => (5, 1.15, 0.0),
        };
        let corners: Vec<Point> = (0..count)
            .map(|i| rim_point(turn + std::f64::consts::TAU * i as f64 / count as f64, r * scale))
            .map(|(x, y)| (round(x), round(y)))
            .collect();
        let mut rest = String::new();
        for pair in corners.windows(2) {
            let _ = write!(rest, "l{},{}", d1(pair[1].0 - pair[0].0), d1(pair[1].1 - pair[0].1));
        }
        rest.push('Z');
        Outline { start: corners[0], rest }
    }

    /// Appends the path of the shape around `centre` to `out`.
    pub fn push(&self, out: &mut String, (cx, cy): Point) {
        let _ = write!(out, "M{},{}", d1(cx + self.start.0), d1(cy + self.start.1));
        out.push_str(&self.rest);
    }
}

/// An SVG path around (0, 0) for a shape of radius `r`.
pub fn shape_path(shape: Shape, r: f64) -> String {
    let mut path = String::new();
    push_shape_path(&mut path, shape, r, (0.0, 0.0));
    path
}

/// Appends the path of a shape of radius `r` around `centre` to `out`: the
/// canvas draws all nodes of one look as one path, one call instead of thousands.
pub fn push_shape_path(out: &mut String, shape: Shape, r: f64, centre: Point) {
    Outline::new(shape, r).push(out, centre);
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
pub fn dash_attribute(dash: &str) -> String {
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
    let (sin, cos) = sin_cos(angle);
    (radius * sin, -radius * cos)
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

/// The screen box a sector's label covers, drawn `font_px` high (bold) at
/// the screen point `screen` gives for its place: names keep clear of it.
pub fn sector_label_box(sector: &Sector, outer: f64, font_px: f64, screen: impl Fn(Point) -> Point) -> LabelBox {
    let (x, y, anchor) = sector_label_at(sector, outer);
    let (x, y) = screen((x, y));
    // Bold glyphs run about a tenth wider than the average one.
    let width = text_width(&sector.label, font_px) * 1.1;
    let centre = match anchor {
        "start" => x + width / 2.0,
        "end" => x - width / 2.0,
        _ => x,
    };
    // The text's baseline is at y.
    LabelBox { x: centre, top: y - font_px, width, height: font_px * 1.3 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_numbers_round_half_away_from_zero_and_never_print_nan() {
        for (v, places, text) in [
            (1.25, 1, "1.3"),
            (-0.04, 1, "0.0"),
            (-2.46, 1, "-2.5"),
            (9.0, 2, "9.00"),
            (1366.4, 0, "1366"),
            (f64::NAN, 1, "0.0"),
            (0.0449, 2, "0.04"),
            (-1234.5678, 3, "-1234.568"),
            (123456789.04, 1, "123456789.0"),
            (0.5, 0, "1"),
            (-0.5, 0, "-1"),
            (0.07, 1, "0.1"),
        ] {
            assert_eq!(Fixed(v, places).to_string(), text, "{v} with {places} places");
        }
        assert_eq!(shape_path(Shape::Circle, 9.0), "M-9.0,0.0a9.0,9.0 0 1,0 18.0,0a9.0,9.0 0 1,0 -18.0,0Z");
    }

    #[test]
    fn a_sector_name_box_starts_at_its_label_on_the_right_and_ends_there_on_the_left() {
        let right = Sector { label: "SGB II".into(), start: 0.0, end: std::f64::consts::PI };
        let left = Sector { label: "SGB II".into(), start: std::f64::consts::PI, end: std::f64::consts::TAU };
        let identity = |p: Point| p;
        let (x, y, _) = sector_label_at(&right, 100.0);
        let b = sector_label_box(&right, 100.0, 14.0, identity);
        assert!((b.x - b.width / 2.0 - x).abs() < 1e-9 && b.top < y && b.top + b.height > y);
        let (x, _, _) = sector_label_at(&left, 100.0);
        let b = sector_label_box(&left, 100.0, 14.0, identity);
        assert!((b.x + b.width / 2.0 - x).abs() < 1e-9);
    }

    #[test]
    fn shapes_drawn_together_each_sit_around_their_own_centre() {
        let mut path = String::new();
        push_shape_path(&mut path, Shape::Circle, 2.0, (10.0, 20.0));
        push_shape_path(&mut path, Shape::Diamond, 10.0, (-5.0, 0.0));
        assert_eq!(path, "M8.0,20.0a2.0,2.0 0 1,0 4.0,0a2.0,2.0 0 1,0 -4.0,0ZM-5.0,-13.0l13.0,13.0l-13.0,13.0l-13.0,-13.0Z");
    }

    #[test]
    fn every_outline_steps_round_its_corners_back_to_its_start() {
        for (shape, corners, scale) in [
            (Shape::Square, 4, 1.2),
            (Shape::Diamond, 4, 1.3),
            (Shape::Triangle, 3, 1.35),
            (Shape::Hexagon, 6, 1.1),
            (Shape::Pentagon, 5, 1.15),
        ] {
            let path = shape_path(shape, 7.3);
            let numbers = |text: &str| text.split(',').map(|n| n.parse::<f64>().unwrap()).collect::<Vec<_>>();
            let body = path.strip_prefix('M').and_then(|p| p.strip_suffix('Z')).unwrap();
            let mut parts = body.split('l');
            let mut at = numbers(parts.next().unwrap());
            let mut points = vec![(at[0], at[1])];
            for step in parts {
                let step = numbers(step);
                at = vec![at[0] + step[0], at[1] + step[1]];
                points.push((at[0], at[1]));
            }
            assert_eq!(points.len(), corners, "{shape:?}: {path}");
            for (x, y) in points {
                assert!(((x * x + y * y).sqrt() - 7.3 * scale).abs() < 0.15, "{shape:?}: {path}");
            }
        }
    }

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
    fn dash_patterns_are_whole_numbers_as_the_canvas_reads_them() {
        for binding in Binding::ALL {
            let (_, dash) = line_style(*binding);
            assert!(dash.split_whitespace().all(|p| p.parse::<u16>().is_ok()), "{binding:?}: {dash}");
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
