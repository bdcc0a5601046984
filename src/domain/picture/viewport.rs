//! Where the network picture appears on screen: its frame (the area the
//! layout covers) fitted into the screen area, then panned and zoomed; and
//! what lies under the pointer. Pure maths, so the canvas that draws, the
//! pointer that clicks and the keyboard that pans all agree.

use crate::domain::layout::Point;
use crate::domain::picture::style::NODE_RADIUS;

/// Pan and zoom: picture point p lies at frame point `shift + scale * p`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Zoom {
    pub scale: f64,
    pub shift: Point,
}

/// Picture points to screen pixels, for a screen area of `size` pixels (see
/// [`Viewport::projection`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    k: f64,
    x: f64,
    y: f64,
    size: (f64, f64),
}

impl Projection {
    #[inline]
    pub fn screen_point(&self, p: Point) -> Point {
        (self.x + self.k * p.0, self.y + self.k * p.1)
    }

    /// Whether picture point p is on screen, or within `margin` pixels of it.
    #[inline]
    pub fn shows(&self, p: Point, margin: f64) -> bool {
        let (x, y) = self.screen_point(p);
        x >= -margin && y >= -margin && x <= self.size.0 + margin && y <= self.size.1 + margin
    }
}

/// How far one can zoom out and in.
pub const ZOOM_RANGE: (f64, f64) = (0.2, 8.0);

impl Zoom {
    /// Everything in view, unzoomed.
    pub const HOME: Zoom = Zoom { scale: 1.0, shift: (0.0, 0.0) };

    /// Zoomed by `factor` (kept within [`ZOOM_RANGE`]) so the frame point
    /// `around` stays where it is: the point under the mouse wheel.
    pub fn zoomed(self, factor: f64, around: Point) -> Zoom {
        let scale = (self.scale * factor).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        let k = scale / self.scale;
        Zoom { scale, shift: (around.0 - k * (around.0 - self.shift.0), around.1 - k * (around.1 - self.shift.1)) }
    }

    /// Moved by `by` frame units.
    pub fn panned(self, by: Point) -> Zoom {
        Zoom { scale: self.scale, shift: (self.shift.0 + by.0, self.shift.1 + by.1) }
    }
}

/// The picture on a screen area of `size` pixels: the frame `(x, y, width,
/// height)` fitted in and centred (as SVG's `xMidYMid meet`), then zoomed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub frame: (f64, f64, f64, f64),
    pub size: (f64, f64),
    pub zoom: Zoom,
}

impl Viewport {
    /// Pixels per frame unit, and where the frame's corner lies on screen.
    fn fit(&self) -> (f64, Point) {
        let (_, _, w, h) = self.frame;
        let (width, height) = self.size;
        let fit = (width / w.max(1e-9)).min(height / h.max(1e-9));
        (fit, ((width - fit * w) / 2.0, (height - fit * h) / 2.0))
    }

    /// The picture-to-screen mapping `(k, x, y)`: picture point p lands on
    /// screen pixel `(x + k·p.0, y + k·p.1)`.
    pub fn mapping(&self) -> (f64, f64, f64) {
        let (fit, offset) = self.fit();
        let (x, y, _, _) = self.frame;
        let Zoom { scale, shift } = self.zoom;
        (fit * scale, offset.0 + fit * (shift.0 - x), offset.1 + fit * (shift.1 - y))
    }

    pub fn screen_point(&self, p: Point) -> Point {
        self.projection().screen_point(p)
    }

    /// The mapping worked out once, for many points: a frame maps thousands.
    pub fn projection(&self) -> Projection {
        let (k, x, y) = self.mapping();
        Projection { k, x, y, size: self.size }
    }

    pub fn picture_point(&self, screen: Point) -> Point {
        let (k, x, y) = self.mapping();
        ((screen.0 - x) / k, (screen.1 - y) / k)
    }

    /// A screen pixel in frame units (before pan and zoom): what the wheel zooms around.
    pub fn frame_point(&self, screen: Point) -> Point {
        let (fit, offset) = self.fit();
        let (x, y, _, _) = self.frame;
        ((screen.0 - offset.0) / fit + x, (screen.1 - offset.1) / fit + y)
    }

    /// Picture units per screen pixel: hit tolerances stay the same on screen at any zoom.
    pub fn units_per_pixel(&self) -> f64 {
        1.0 / self.mapping().0
    }

    /// The radius of a node in picture units. Nodes grow with the picture up
    /// to their full size; zoomed in further they keep it on screen, so
    /// zooming into a dense map pulls them apart instead of enlarging them.
    pub fn node_radius(&self) -> f64 {
        NODE_RADIUS * self.units_per_pixel().min(1.0)
    }

    /// The zoom after dragging the picture by `(dx, dy)` screen pixels.
    pub fn dragged(&self, pixels: Point) -> Zoom {
        let (fit, _) = self.fit();
        self.zoom.panned((pixels.0 / fit, pixels.1 / fit))
    }

    /// Whether picture point p is on screen, or within `margin` pixels of it.
    pub fn shows(&self, p: Point, margin: f64) -> bool {
        self.projection().shows(p, margin)
    }

    /// The part of the picture on screen, widened by `margin` pixels:
    /// `(min, max)` corners in picture units.
    pub fn visible_area(&self, margin: f64) -> (Point, Point) {
        let (a, b) = (self.picture_point((-margin, -margin)), self.picture_point((self.size.0 + margin, self.size.1 + margin)));
        ((a.0.min(b.0), a.1.min(b.1)), (a.0.max(b.0), a.1.max(b.1)))
    }

    /// The zoom after two fingers moved from `before` to `after` (screen
    /// pixels): the picture grows with the distance between them, and the
    /// point between them follows them (pinch zoom and two-finger pan at once).
    pub fn pinched(&self, before: (Point, Point), after: (Point, Point)) -> Zoom {
        let distance = |(a, b): (Point, Point)| ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt().max(1.0);
        let middle = |(a, b): (Point, Point)| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        let (from, to) = (middle(before), middle(after));
        let zoomed = Viewport { zoom: self.zoom.zoomed(distance(after) / distance(before), self.frame_point(from)), ..*self };
        zoomed.dragged((to.0 - from.0, to.1 - from.1))
    }

    /// The zoom that brings picture point p to the middle of the screen.
    pub fn centred_on(&self, p: Point) -> Zoom {
        let (x, y) = self.screen_point(p);
        self.dragged((self.size.0 / 2.0 - x, self.size.1 / 2.0 - y))
    }
}

/// The node nearest to `point` within `tolerance`: what a click or the
/// mouse pointer is on.
pub fn node_at(point: Point, nodes: impl IntoIterator<Item = (usize, Point)>, tolerance: f64) -> Option<usize> {
    let mut best = None;
    let mut best_distance = tolerance * tolerance;
    for (index, p) in nodes {
        let d = (p.0 - point.0).powi(2) + (p.1 - point.1).powi(2);
        if d <= best_distance {
            best_distance = d;
            best = Some(index);
        }
    }
    best
}

/// The part of the segment a–b inside the rectangle `area` (Liang–Barsky),
/// or None if it misses it. Lines are clipped before drawing: a canvas dashes
/// a line along its whole length, on screen or not, and that dominated the
/// time to draw a zoomed-in map.
pub fn clip_segment(a: Point, b: Point, area: (Point, Point)) -> Option<(Point, Point)> {
    let ((min_x, min_y), (max_x, max_y)) = area;
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [(-dx, a.0 - min_x), (dx, max_x - a.0), (-dy, a.1 - min_y), (dy, max_y - a.1)] {
        if p == 0.0 {
            if q < 0.0 {
                return None; // Parallel to this edge and outside it.
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return None;
            }
        }
    }
    Some(((a.0 + t0 * dx, a.1 + t0 * dy), (a.0 + t1 * dx, a.1 + t1 * dy)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_fingers_zoom_with_their_distance_and_carry_the_point_between_them() {
        let view = Viewport { frame: (-100.0, -50.0, 200.0, 100.0), size: (800.0, 400.0), zoom: Zoom::HOME };
        let before = ((300.0, 200.0), (400.0, 200.0));
        // Spread to twice the distance and moved 50 px right, 20 px down.
        let after = ((300.0, 220.0), (500.0, 220.0));
        let under = view.picture_point((350.0, 200.0));
        let pinched = Viewport { zoom: view.pinched(before, after), ..view };
        assert!((pinched.zoom.scale - 2.0).abs() < 1e-12);
        let now = pinched.screen_point(under);
        assert!((now.0 - 400.0).abs() < 1e-9 && (now.1 - 220.0).abs() < 1e-9, "{now:?}");
        // Fingers moving together without spreading only pan.
        let panned = view.pinched(before, ((310.0, 190.0), (410.0, 190.0)));
        assert_eq!(panned.scale, 1.0);
        assert_eq!(Viewport { zoom: panned, ..view }.screen_point(under), (360.0, 190.0));
        // Zoom stays within its range however far the fingers spread.
        assert_eq!(view.pinched(before, ((0.0, 0.0), (10_000.0, 0.0))).scale, ZOOM_RANGE.1);
    }

    fn close(a: Point, b: Point) -> bool {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
    }

    /// A 600 × 600 frame on a 1200 × 600 screen: fitted by height, centred.
    fn wide() -> Viewport {
        Viewport { frame: (-300.0, -300.0, 600.0, 600.0), size: (1200.0, 600.0), zoom: Zoom::HOME }
    }

    #[test]
    fn the_frame_is_fitted_and_centred() {
        let v = wide();
        assert!(close(v.screen_point((0.0, 0.0)), (600.0, 300.0)));
        assert!(close(v.screen_point((-300.0, -300.0)), (300.0, 0.0)));
        assert!(close(v.screen_point((300.0, 300.0)), (900.0, 600.0)));
        assert_eq!(v.units_per_pixel(), 1.0);
    }

    #[test]
    fn screen_and_picture_points_convert_both_ways_at_any_zoom() {
        let mut v = wide();
        v.zoom = Zoom { scale: 2.5, shift: (40.0, -70.0) };
        for p in [(0.0, 0.0), (123.0, -45.5), (-300.0, 300.0)] {
            assert!(close(v.picture_point(v.screen_point(p)), p));
        }
        assert!((v.units_per_pixel() - 0.4).abs() < 1e-12);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_wheel_in_place() {
        let v = wide();
        let screen = (800.0, 150.0);
        let under = v.picture_point(screen);
        let zoomed = Viewport { zoom: v.zoom.zoomed(1.15, v.frame_point(screen)), ..v };
        assert!(close(zoomed.screen_point(under), screen));
        assert!((zoomed.zoom.scale - 1.15).abs() < 1e-12);
    }

    #[test]
    fn zoom_stays_within_its_range() {
        let mut z = Zoom::HOME;
        for _ in 0..100 {
            z = z.zoomed(1.5, (0.0, 0.0));
        }
        assert_eq!(z.scale, ZOOM_RANGE.1);
        for _ in 0..100 {
            z = z.zoomed(0.5, (10.0, 10.0));
        }
        assert_eq!(z.scale, ZOOM_RANGE.0);
    }

    #[test]
    fn dragging_moves_the_picture_with_the_pointer() {
        let mut v = wide();
        v.zoom = Zoom { scale: 3.0, shift: (0.0, 0.0) };
        let p = (10.0, 20.0);
        let before = v.screen_point(p);
        let after = Viewport { zoom: v.dragged((35.0, -12.0)), ..v }.screen_point(p);
        assert!(close(after, (before.0 + 35.0, before.1 - 12.0)));
    }

    #[test]
    fn centring_brings_a_point_to_the_middle_and_shows_it() {
        let mut v = wide();
        v.zoom = Zoom { scale: 4.0, shift: (0.0, 0.0) };
        let far = (280.0, -290.0);
        assert!(!v.shows(far, 0.0));
        let centred = Viewport { zoom: v.centred_on(far), ..v };
        assert!(close(centred.screen_point(far), (600.0, 300.0)));
        assert!(centred.shows(far, 0.0));
    }

    #[test]
    fn nodes_grow_with_the_picture_only_up_to_their_full_size() {
        let mut v = wide();
        let on_screen = |v: &Viewport| v.node_radius() / v.units_per_pixel();
        v.zoom = Zoom { scale: 0.5, shift: (0.0, 0.0) };
        assert!((on_screen(&v) - NODE_RADIUS * 0.5).abs() < 1e-9, "zoomed out: smaller");
        v.zoom = Zoom { scale: 4.0, shift: (0.0, 0.0) };
        assert!((on_screen(&v) - NODE_RADIUS).abs() < 1e-9, "zoomed in: full size, no larger");
    }

    #[test]
    fn the_visible_area_is_the_screen_in_picture_units() {
        let mut v = wide();
        assert_eq!(v.visible_area(0.0), ((-600.0, -300.0), (600.0, 300.0)));
        v.zoom = Zoom { scale: 2.0, shift: (0.0, 0.0) };
        assert_eq!(v.visible_area(10.0), ((-305.0, -155.0), (305.0, 155.0)));
    }

    #[test]
    fn segments_are_clipped_to_the_area() {
        let area = ((0.0, 0.0), (10.0, 10.0));
        // Inside: unchanged.
        assert_eq!(clip_segment((1.0, 1.0), (9.0, 5.0), area), Some(((1.0, 1.0), (9.0, 5.0))));
        // Crossing: cut at both edges.
        assert_eq!(clip_segment((-10.0, 5.0), (20.0, 5.0), area), Some(((0.0, 5.0), (10.0, 5.0))));
        // One end inside.
        assert_eq!(clip_segment((5.0, 5.0), (5.0, 30.0), area), Some(((5.0, 5.0), (5.0, 10.0))));
        // Diagonal through a corner region, and one that misses it.
        assert_eq!(clip_segment((-5.0, 5.0), (5.0, -5.0), area), Some(((0.0, 0.0), (0.0, 0.0))));
        assert_eq!(clip_segment((-5.0, 4.0), (4.0, -5.0), area), None);
        // Outside on one side, parallel to an edge.
        assert_eq!(clip_segment((-5.0, -1.0), (20.0, -1.0), area), None);
        assert_eq!(clip_segment((12.0, 0.0), (12.0, 10.0), area), None);
    }

    #[test]
    fn node_at_picks_the_nearest_within_tolerance() {
        let nodes = [(0, (0.0, 0.0)), (1, (10.0, 0.0)), (2, (100.0, 100.0))];
        assert_eq!(node_at((6.0, 0.0), nodes, 9.0), Some(1));
        assert_eq!(node_at((4.0, 1.0), nodes, 9.0), Some(0));
        assert_eq!(node_at((50.0, 50.0), nodes, 9.0), None);
        assert_eq!(node_at((0.0, 0.0), [], 9.0), None);
    }
}
