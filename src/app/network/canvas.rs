//! Draws the network picture on two canvases: the relations on one, the
//! actors with their halos and names on one above it. Thousands of SVG elements made building, laying out and
//! zooming a large map slow (seconds for 2,000 actors); on a canvas a full
//! redraw takes milliseconds and the DOM stays small. What the picture means
//! stays reachable without it: one keyboard cursor over the nodes, the
//! relation table and the reading panel are DOM elements.

use crate::domain::hashing::{HashMap, HashSet};
use std::fmt::Write as _;

use wasm_bindgen::{JsCast, JsValue};

use crate::domain::layout::Point;
use crate::domain::order;
use crate::domain::picture::labels::{place_labels, text_width, Align, LabelBox};
use crate::domain::picture::marks::Marks;
use crate::domain::picture::style::{arrows, d1, edge_ends, line_style, relation_color, Family, Outline, Shape, NODE_RADIUS};
use crate::domain::picture::viewport::{clip_segment, Viewport};
use crate::domain::{ActorKind, Id, Relation};

/// One actor as the picture shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: Id,
    pub name: String,
    pub kind: ActorKind,
    pub degree: usize,
}

/// Everything one frame of the picture shows.
pub struct Scene<'a> {
    pub nodes: &'a [Node],
    pub edges: &'a [Relation],
    pub positions: &'a HashMap<Id, Point>,
    pub highlight: &'a HashSet<Id>,
    /// The node under the mouse: its name is shown first (its tooltip says more).
    pub hovered: Option<&'a Id>,
    /// The node under the keyboard cursor: its name is shown.
    pub active: Option<&'a Id>,
    /// What changed since a Stichtag, if the picture shows that: new actors
    /// and relations are marked; those gone are drawn faint (`ghosts`,
    /// `ghost_edges`: the ones the filters let through).
    pub marks: Option<&'a Marks>,
    pub ghosts: &'a [Node],
    pub ghost_edges: &'a [Relation],
    /// The layout is still moving the nodes: names only for the nodes under
    /// the mouse and the keyboard cursor, and relations only where they are
    /// few. Placing every name and drawing thousands of lines in every frame
    /// kept the main thread busy and slowed the layout beside it.
    pub moving: bool,
    /// Screen boxes names keep clear of: the sector map's sector names.
    pub avoid: &'a [LabelBox],
}

const LABEL_PX: f64 = 12.0;
const LABEL_FONT: &str = "12px system-ui, sans-serif";
const INK: &str = "#1d2733";
/// Names of actors gone since a Stichtag (5.4:1 on white).
const FAINT_INK: &str = "#5f6b78";
/// The mark of what is new since a Stichtag (the legend's `.mark-swatch.new` has it too).
const NEW_MARK: &str = "#2e7d32";
/// How much of a gone actor or relation shows.
const FAINT: f64 = 0.3;

/// More relations on screen than this are drawn as plain thin lines in their
/// colour: without a GPU, wide and dashed lines by the thousand take half a
/// second to draw (measured in Chromium's software canvas); thin solid ones
/// a twentieth of that. Zoomed in, fewer lines are on screen and all styles show.
pub const DENSE_LINES: usize = 1500;

/// More actors than this on screen are many: see `sketch` in [`draw`].
const DENSE_NODES: usize = 1500;

/// The canvas's size in device pixels for a picture of `size` CSS pixels.
fn pixel_size(size: (f64, f64), ratio: f64) -> (u32, u32) {
    ((size.0 * ratio).round() as u32, (size.1 * ratio).round() as u32)
}

fn device_ratio() -> f64 {
    web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0)
}

/// Whether the canvas is already sized for a picture of `size` CSS pixels.
pub fn sized_for(canvas: &web_sys::HtmlCanvasElement, size: (f64, f64)) -> bool {
    pixel_size(size, device_ratio()) == (canvas.width(), canvas.height())
}

/// At most this many nodes on screen, the most important first, are tried
/// for a name: of 2,000 on a 1366×768 screen about 40 find room, of 5,000
/// about as many, and trying every one cost a fifth of a frame's drawing.
/// Zoomed in, fewer nodes are on screen and each is tried.
const NAME_CANDIDATES: usize = 200;

/// At most this many thin relations are drawn in one frame when a frame may
/// leave some for the next ones (see [`Later`]): with their rasterizing,
/// about 15 ms on a laptop without a GPU, so that the frame a map settles in,
/// which draws its actors and names besides, stays under 50 ms.
pub const LINES_PER_FRAME: usize = 3000;

/// A wide or dashed line costs as much to rasterize as this many thin ones
/// (measured in Chromium's software canvas: 12 to 30 times).
const STYLED_LINE_COST: usize = 16;

/// One screen line of a relation: from, to, and whether an arrow head sits at its end, at its start.
type Line = (Point, Point, bool, bool);

/// Relations of one look (colour, width, dash).
struct Group {
    color: &'static str,
    width: f64,
    dash: Vec<f64>,
    lines: Vec<Line>,
}

impl Group {
    /// Strokes the lines and fills their arrow heads (`arrow`: a head's scale).
    fn stroke(&self, context: &web_sys::CanvasRenderingContext2d, arrow: f64) {
        let segments: Vec<(Point, Point)> = self.lines.iter().map(|(from, to, ..)| (*from, *to)).collect();
        stroke_lines(context, &segments, self.color, self.width, &self.dash);
        let heads = self.lines.iter().flat_map(|(start, end, forward, back)| {
            [forward.then(|| arrow_head(*start, *end, arrow)), back.then(|| arrow_head(*end, *start, arrow))]
                .into_iter()
                .flatten()
                .flatten()
        });
        if let Some(heads) = path_of(heads) {
            context.set_fill_style_str("#37474f");
            context.fill_with_path_2d(&heads);
        }
    }

    /// The lines beyond what `room` (in thin lines) allows now, as a group of
    /// the same look; `room` is reduced by the lines kept.
    fn split_off(&mut self, room: &mut usize) -> Group {
        let cost = if self.width <= 1.0 && self.dash.is_empty() { 1 } else { STYLED_LINE_COST };
        let keep = (*room / cost).min(self.lines.len());
        *room -= keep * cost;
        Group { color: self.color, width: self.width, dash: self.dash.clone(), lines: self.lines.split_off(keep) }
    }
}

/// Relations a frame left for the next ones ([`draw_later`]): a settled map
/// of 25,000 lines took about 85 ms in one frame (half of it Chromium
/// rasterizing them), kept the page from responding meanwhile and
/// made the frame late.
pub struct Later {
    groups: Vec<Group>,
    arrow: f64,
    /// How many relations are drawn so far (for tests: `data-lines`).
    pub drawn: usize,
}

impl Later {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Strokes relations still to draw, as many as `room` (in thin lines)
    /// allows; returns whether none are left.
    fn draw(&mut self, context: &web_sys::CanvasRenderingContext2d, mut room: usize) -> bool {
        while let Some(mut group) = self.groups.pop() {
            let rest = group.split_off(&mut room);
            if !rest.lines.is_empty() {
                self.groups.push(rest);
            }
            // No room left for a line of this look: the next frame goes on.
            if group.lines.is_empty() {
                break;
            }
            self.drawn += group.lines.len();
            group.stroke(context, self.arrow);
        }
        self.is_empty()
    }
}

/// Draws up to [`LINES_PER_FRAME`] of the relations left for later on the
/// relations' canvas (below the actors'). Returns whether none are left.
pub fn draw_later(lines_canvas: &web_sys::HtmlCanvasElement, later: &mut Later) -> bool {
    let Some(context) = context_of(lines_canvas) else { return true };
    later.draw(&context, LINES_PER_FRAME)
}

fn context_of(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
}

/// Sizes a canvas to its element (in device pixels), clears it and sets it
/// to draw in screen pixels (CSS pixels, scaled to the device).
fn cleared(canvas: &web_sys::HtmlCanvasElement, view: Viewport) -> Option<web_sys::CanvasRenderingContext2d> {
    let ratio = device_ratio();
    let (pixel_width, pixel_height) = pixel_size(view.size, ratio);
    if (pixel_width, pixel_height) != (canvas.width(), canvas.height()) {
        canvas.set_width(pixel_width);
        canvas.set_height(pixel_height);
    }
    let context = context_of(canvas)?;
    let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    context.clear_rect(0.0, 0.0, pixel_width as f64, pixel_height as f64);
    let _ = context.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    Some(context)
}

/// Redraws the scene: the actors and their names on `canvas`, and the
/// relations on `lines_canvas` below it, as many as `room` (in thin lines,
/// less one per actor drawn) allows; the others are returned, to be drawn
/// in the next frames with [`draw_later`].
/// Also returns whether the relations were simplified (see [`DENSE_LINES`]).
/// Two canvases, so that relations drawn later stay below the actors.
pub fn draw<'a>(
    canvas: &web_sys::HtmlCanvasElement,
    lines_canvas: &web_sys::HtmlCanvasElement,
    scene: &Scene<'a>,
    view: Viewport,
    room: usize,
) -> (bool, Later) {
    let (Some(context), Some(lines_context)) = (cleared(canvas, view), cleared(lines_canvas, view)) else {
        return (false, Later { groups: Vec::new(), arrow: 1.0, drawn: 0 });
    };
    let projection = view.projection();
    let on_screen_px = |p: Point| projection.screen_point(p);
    let segment = |r: &Relation| Some((on_screen_px(*scene.positions.get(&r.from)?), on_screen_px(*scene.positions.get(&r.to)?)));
    // Since a Stichtag: gone relations faint and dashed, new ones on a green band.
    if let Some(marks) = scene.marks {
        lines_context.set_global_alpha(FAINT);
        stroke_lines(&lines_context, &scene.ghost_edges.iter().filter_map(segment).collect::<Vec<_>>(), FAINT_INK, 2.0, &[6.0, 4.0]);
        lines_context.set_global_alpha(0.35);
        let new: Vec<_> = scene.edges.iter().filter(|r| marks.is_new_relation(&r.id)).filter_map(segment).collect();
        stroke_lines(&lines_context, &new, NEW_MARK, 9.0, &[]);
        lines_context.set_global_alpha(1.0);
    }
    // Only what is on screen (a node's label may reach a little beyond it), at its screen point.
    let shown = |nodes: &'a [Node]| -> Vec<(&'a Node, Point)> {
        nodes
            .iter()
            .filter_map(|n| Some((n, *scene.positions.get(&n.id)?)))
            .filter(|(_, p)| projection.shows(*p, 120.0))
            .map(|(n, p)| (n, on_screen_px(p)))
            .collect()
    };
    let (on_screen, ghosts) = (shown(scene.nodes), shown(scene.ghosts));
    // An actor costs about as much to draw as a thin line: the frame a map
    // of 5,000 settles in leaves its relations to the next frames.
    let (simplified, later) = draw_edges(&lines_context, scene, view, room.saturating_sub(on_screen.len() + ghosts.len()));
    let radius_px = view.node_radius() * view.mapping().0;

    // A halo around highlighted nodes, and a ring around new ones.
    let rings = |list: &mut dyn Iterator<Item = Point>, extra: f64| {
        let (mut path, outline) = (String::new(), Outline::new(Shape::Circle, radius_px + extra * radius_px / NODE_RADIUS));
        for p in list {
            outline.push(&mut path, p);
        }
        web_sys::Path2d::new_with_path_string(&path).ok()
    };
    let _ = context.set_line_dash(&js_sys::Array::new());
    if let Some(halos) = rings(&mut on_screen.iter().filter(|(n, _)| scene.highlight.contains(&n.id)).map(|(_, p)| *p), 6.0) {
        context.set_fill_style_str("#ffd54f");
        context.set_stroke_style_str("#8a6d00");
        context.set_line_width(2.0 * radius_px / NODE_RADIUS);
        context.fill_with_path_2d(&halos);
        context.stroke_with_path(&halos);
    }

    // Nodes by family: all of one family in one path, one fill colour each.
    // While many move, each is a plain square in its family's colour: 5,000
    // shapes with their white rims took a frame 40 ms and more to read and
    // rasterize, squares about a third of it (measured). Their shapes come as the layout settles.
    // Many on screen have no white rim, which doubled their rasterizing; zoomed in, they have.
    let dense = on_screen.len() > DENSE_NODES;
    let sketch = scene.moving && dense;
    context.set_stroke_style_str("#ffffff");
    context.set_line_width(1.5 * radius_px / NODE_RADIUS);
    for family in Family::ALL {
        context.set_fill_style_str(family.color());
        for (alpha, list) in [(FAINT, &ghosts), (1.0, &on_screen)] {
            let of_family = list.iter().filter(|(n, _)| Family::of(n.kind) == family);
            context.set_global_alpha(alpha);
            if sketch {
                let side = 1.6 * radius_px;
                of_family.for_each(|(_, (x, y))| context.fill_rect(x - side / 2.0, y - side / 2.0, side, side));
                continue;
            }
            let (mut path, outline) = (String::new(), Outline::new(family.shape(), radius_px));
            of_family.for_each(|(_, p)| outline.push(&mut path, *p));
            let Some(shapes) = (!path.is_empty()).then(|| web_sys::Path2d::new_with_path_string(&path).ok()).flatten() else { continue };
            context.fill_with_path_2d(&shapes);
            if !dense {
                context.stroke_with_path(&shapes);
            }
        }
    }
    context.set_global_alpha(1.0);
    if let Some(marks) = scene.marks {
        if let Some(new) = rings(&mut on_screen.iter().filter(|(n, _)| marks.is_new_actor(&n.id)).map(|(_, p)| *p), 5.0) {
            context.set_stroke_style_str(NEW_MARK);
            context.set_line_width(3.0 * radius_px / NODE_RADIUS);
            context.stroke_with_path(&new);
        }
    }

    // Names under the nodes, in screen pixels (the same size at any zoom),
    // as many as fit without covering each other, the most important first.
    let rank = |n: &Node| {
        let first = if scene.hovered == Some(&n.id) {
            0
        } else if scene.active == Some(&n.id) {
            1
        } else if scene.highlight.contains(&n.id) {
            2
        } else {
            3
        };
        (first, std::cmp::Reverse(n.degree))
    };
    // Gone actors' names last, and faint.
    let mut named: Vec<(&Node, Point, bool)> =
        on_screen.iter().map(|(n, p)| (*n, *p, false)).chain(ghosts.iter().map(|(n, p)| (*n, *p, true))).collect();
    named.retain(|(n, ..)| !scene.moving || scene.hovered == Some(&n.id) || scene.active == Some(&n.id));
    order::sort_by_key(&mut named, |(n, _, faint)| (*faint, rank(n)));
    named.truncate(NAME_CANDIDATES);
    context.set_font(LABEL_FONT);
    context.set_text_baseline("top");
    context.set_line_width(3.0);
    context.set_line_join("round");
    let nodes: Vec<(f64, f64, &str)> = named.iter().map(|(n, (x, y), _)| (*x, *y, n.name.as_str())).collect();
    // Measured where names can matter one by one; a dense map takes the estimate (measuring thousands costs frames).
    let exact = nodes.len() <= 300;
    let measure = |text: &str| exact.then(|| measured(&context, text)).flatten().unwrap_or_else(|| text_width(text, LABEL_PX));
    let placed = place_labels(&nodes, scene.avoid, view.size, radius_px, LABEL_PX + 2.0, measure);
    // Names placed away from their node get a thin line to it, drawn first.
    context.set_stroke_style_str("#8a96a3");
    context.set_line_width(1.0);
    for (label, (x, y, _)) in placed.iter().zip(&nodes) {
        if let Some(label) = label.as_ref().filter(|l| l.leader) {
            let (tx, ty) = label.nearest_to((*x, *y));
            // From the node's rim, not across the node.
            let (dx, dy) = (tx - x, ty - y);
            let length = (dx * dx + dy * dy).sqrt().max(1e-9);
            let rim = radius_px + 1.0;
            context.begin_path();
            context.move_to(x + dx / length * rim, y + dy / length * rim);
            context.line_to(tx, ty);
            context.stroke();
        }
    }
    context.set_line_width(3.0);
    let mut named_count = 0;
    for (label, (.., faint)) in placed.iter().zip(&named) {
        let Some(label) = label else { continue };
        named_count += 1;
        let frame = label.frame;
        let (x, align) = match label.align {
            Align::Center => (frame.x, "center"),
            Align::Left => (frame.x - frame.width / 2.0, "left"),
            Align::Right => (frame.x + frame.width / 2.0, "right"),
        };
        context.set_text_align(align);
        for (i, line) in label.lines.iter().enumerate() {
            let top = frame.top + i as f64 * (LABEL_PX + 2.0);
            context.set_stroke_style_str("#ffffff");
            let _ = context.stroke_text(line, x, top);
            context.set_fill_style_str(if *faint { FAINT_INK } else { INK });
            let _ = context.fill_text(line, x, top);
        }
    }
    // For tests and for the curious: how many names the picture shows, and in which shapes its actors.
    let _ = canvas.set_attribute("data-named", &named_count.to_string());
    let _ = canvas.set_attribute("data-shapes", if sketch { "squares" } else { "families" });
    (simplified, later)
}

thread_local! {
    /// The widths of single characters in [`LABEL_FONT`] as the canvas
    /// measured them, in 1/64 pixels. A name's width is the sum of its
    /// characters' (kerning, ignored, changes it by a pixel or two): the
    /// frame a map settles in tried 200 names, and measuring each took a
    /// fifth of its drawing; the characters are measured once, a few dozen.
    /// (A map of whole numbers, as the storage's: one of floats cost 0.8 KB of wasm.)
    static WIDTHS: std::cell::RefCell<HashMap<String, usize>> = std::cell::RefCell::default();
}

/// The width of `text` in [`LABEL_FONT`] (the font `context` is set to).
fn measured(context: &web_sys::CanvasRenderingContext2d, text: &str) -> Option<f64> {
    WIDTHS.with(|widths| {
        let mut total = 0;
        for (at, c) in text.char_indices() {
            let glyph = &text[at..at + c.len_utf8()];
            let known = widths.borrow().get(glyph).copied();
            total += match known {
                Some(width) => width,
                None => {
                    let width = (context.measure_text(glyph).ok()?.width() * 64.0).ceil() as usize;
                    widths.borrow_mut().insert(glyph.to_owned(), width);
                    width
                }
            };
        }
        Some(total as f64 / 64.0)
    })
}

/// Plain lines in one colour, width and dash (in screen pixels).
fn stroke_lines(context: &web_sys::CanvasRenderingContext2d, lines: &[(Point, Point)], color: &str, width: f64, dash: &[f64]) {
    context.set_stroke_style_str(color);
    context.set_line_width(width);
    let _ = context.set_line_dash(&dash.iter().map(|d| JsValue::from_f64(*d)).collect::<js_sys::Array>());
    for batch in lines.chunks(LINES_PER_STROKE) {
        if let Some(path) = path_of(batch.iter().map(|(from, to)| [*from, *to])) {
            context.stroke_with_path(&path);
        }
    }
}

/// One canvas path of polylines (closed when first and last point are equal),
/// built as SVG path text: one call into the browser instead of one per point.
/// Each polyline is an array: no allocation per line in every frame.
fn path_of<const N: usize>(lines: impl Iterator<Item = [Point; N]>) -> Option<web_sys::Path2d> {
    let mut text = String::new();
    for points in lines {
        for (i, p) in points.iter().enumerate() {
            let _ = write!(text, "{}{},{}", if i == 0 { 'M' } else { 'L' }, d1(p.0), d1(p.1));
        }
    }
    web_sys::Path2d::new_with_path_string(&text).ok()
}

/// How many lines go into one stroke: one path of thousands of crossing wide
/// lines is far slower to stroke than many small ones.
const LINES_PER_STROKE: usize = 32;

/// Relations on screen, batched by look (colour, width, dash) so each style
/// is set once, at most `lines_now` of them; returns the rest, and whether
/// they were simplified to thin solid lines.
fn draw_edges(context: &web_sys::CanvasRenderingContext2d, scene: &Scene, view: Viewport, lines_now: usize) -> (bool, Later) {
    let (area, radius, projection) = (view.visible_area(20.0), view.node_radius(), view.projection());
    // An arrow head's size in screen pixels.
    let arrow = radius / NODE_RADIUS * view.mapping().0;
    let mut later = Later { groups: Vec::new(), arrow, drawn: 0 };
    let mut lines = Vec::new();
    for r in scene.edges {
        let (Some(a), Some(b)) = (scene.positions.get(&r.from), scene.positions.get(&r.to)) else { continue };
        let (start, end) = edge_ends(*a, *b, radius);
        let Some((from, to)) = clip_segment(start, end, area) else { continue };
        let (forward, back) = arrows(r);
        // An arrow head only where the line really ends, not at the screen's edge.
        lines.push((r, projection.screen_point(from), projection.screen_point(to), forward && to == end, back && from == start));
    }
    let simplified = lines.len() > DENSE_LINES;
    // So many lines while the layout still moves them are a tangle, and the
    // longest part of each frame: they appear once the layout is done.
    if simplified && scene.moving {
        return (true, later);
    }
    let mut groups: HashMap<(&'static str, u32, &'static str), Vec<Line>> = HashMap::default();
    for (r, from, to, forward, back) in lines {
        let (width, dash) = if simplified { (1.0, "") } else { line_style(r.binding) };
        groups.entry((relation_color(r.kind), (width * 10.0) as u32, dash)).or_default().push((from, to, forward, back));
    }
    for ((color, width_tenths, dash), lines) in groups {
        // Whole numbers (see `line_style`): parsing them as floats would link a 10 KB table.
        let dash: Vec<f64> = dash.split_whitespace().filter_map(|p| p.parse::<u16>().ok()).map(f64::from).collect();
        later.groups.push(Group { color, width: width_tenths as f64 / 10.0, dash, lines });
    }
    later.draw(context, lines_now);
    (simplified, later)
}

/// A triangle at `to`, pointing away from `from`, `scale` times its full
/// size (closed: it ends where it starts). None for a line too short.
fn arrow_head(from: Point, to: Point, scale: f64) -> Option<[Point; 4]> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = (dx * dx + dy * dy).sqrt();
    if length < 1.0 {
        return None;
    }
    let (ux, uy) = (dx / length, dy / length);
    let (size, half) = (9.0 * scale, 4.5 * scale);
    let base = (to.0 - ux * size, to.1 - uy * size);
    Some([to, (base.0 - uy * half, base.1 + ux * half), (base.0 + uy * half, base.1 - ux * half), to])
}
