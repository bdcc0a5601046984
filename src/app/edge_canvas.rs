//! The relations of the network picture, drawn on a canvas behind the SVG
//! nodes: tens of thousands of lines redraw in a few milliseconds there,
//! where as SVG elements they would stall pan, zoom and layout.

use std::collections::HashMap;

use wasm_bindgen::{JsCast, JsValue};

use crate::domain::layout::Point;
use crate::domain::picture::{arrows, edge_ends, line_style, relation_color};
use crate::domain::Relation;

/// The picture's mapping to the canvas: the SVG's view box fitted into the
/// element (as `preserveAspectRatio="xMidYMid meet"` does), then pan and zoom.
#[derive(Clone, Copy, PartialEq)]
pub struct Transform {
    pub frame: (f64, f64, f64, f64),
    pub scale: f64,
    pub shift: Point,
}

/// Redraws every edge; styles are batched so each is set once per frame.
pub fn draw(canvas: &web_sys::HtmlCanvasElement, edges: &[Relation], positions: &HashMap<crate::domain::Id, Point>, t: Transform) {
    let ratio = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0);
    let (width, height) = (canvas.client_width().max(1) as f64, canvas.client_height().max(1) as f64);
    let (pixel_width, pixel_height) = ((width * ratio).round() as u32, (height * ratio).round() as u32);
    if canvas.width() != pixel_width || canvas.height() != pixel_height {
        canvas.set_width(pixel_width);
        canvas.set_height(pixel_height);
    }
    let Some(context) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()) else {
        return;
    };
    let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    context.clear_rect(0.0, 0.0, pixel_width as f64, pixel_height as f64);
    let (x, y, w, h) = t.frame;
    let fit = (width / w).min(height / h);
    let (offset_x, offset_y) = ((width - fit * w) / 2.0, (height - fit * h) / 2.0);
    let k = fit * t.scale * ratio;
    let _ = context.set_transform(k, 0.0, 0.0, k, ratio * (fit * (t.shift.0 - x) + offset_x), ratio * (fit * (t.shift.1 - y) + offset_y));

    // Group by look: colour, width, dash.
    let mut groups: HashMap<(&'static str, u32, &'static str), Vec<(Point, Point, bool, bool)>> = HashMap::new();
    for r in edges {
        let (Some(a), Some(b)) = (positions.get(&r.from), positions.get(&r.to)) else { continue };
        let (start, end) = edge_ends(*a, *b);
        let (line_width, dash) = line_style(r.binding);
        let (forward, back) = arrows(r);
        groups.entry((relation_color(r.kind), (line_width * 10.0) as u32, dash)).or_default().push((start, end, forward, back));
    }
    for ((color, width_tenths, dash), lines) in groups {
        context.set_stroke_style_str(color);
        context.set_fill_style_str("#37474f");
        context.set_line_width(width_tenths as f64 / 10.0);
        let pattern = js_sys::Array::new();
        for part in dash.split_whitespace().filter_map(|p| p.parse::<f64>().ok()) {
            pattern.push(&JsValue::from_f64(part));
        }
        let _ = context.set_line_dash(&pattern);
        context.begin_path();
        for (start, end, _, _) in &lines {
            context.move_to(start.0, start.1);
            context.line_to(end.0, end.1);
        }
        context.stroke();
        // Arrow heads, solid.
        context.begin_path();
        for (start, end, forward, back) in &lines {
            if *forward {
                arrow_head(&context, *start, *end);
            }
            if *back {
                arrow_head(&context, *end, *start);
            }
        }
        context.fill();
    }
}

/// A filled triangle at `to`, pointing away from `from`.
fn arrow_head(context: &web_sys::CanvasRenderingContext2d, from: Point, to: Point) {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = (dx * dx + dy * dy).sqrt();
    if length < 1.0 {
        return;
    }
    let (ux, uy) = (dx / length, dy / length);
    let (size, half) = (9.0, 4.5);
    let base = (to.0 - ux * size, to.1 - uy * size);
    context.move_to(to.0, to.1);
    context.line_to(base.0 - uy * half, base.1 + ux * half);
    context.line_to(base.0 + uy * half, base.1 - ux * half);
    context.close_path();
}
