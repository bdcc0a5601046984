//! Which names the network picture can show without one covering another:
//! labels are taken in order of priority (the actor under the pointer, the
//! keyboard cursor, highlighted ones, then by number of relations), each one
//! only if it overlaps none taken before. Dense maps then show the names of
//! their hubs, and zooming in reveals more.

use std::collections::HashMap;

/// A label's box on screen, in pixels: centred on `x`, text from `top` down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelBox {
    pub x: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl LabelBox {
    fn overlaps(&self, other: &LabelBox) -> bool {
        (self.x - other.x).abs() * 2.0 < self.width + other.width
            && self.top < other.top + other.height
            && other.top < self.top + self.height
    }
}

/// About how wide a text is in a sans-serif font of `font_px` (average glyph).
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * font_px * 0.56
}

/// For each box, in the order given (highest priority first), whether it is
/// shown: it is when it overlaps no box shown before it.
pub fn without_overlap(boxes: &[LabelBox]) -> Vec<bool> {
    // A grid of cells of about one label's height finds the neighbours to check.
    const CELL: f64 = 40.0;
    let cells = |b: &LabelBox| {
        let (x0, x1) = (((b.x - b.width / 2.0) / CELL).floor() as i64, ((b.x + b.width / 2.0) / CELL).floor() as i64);
        let (y0, y1) = ((b.top / CELL).floor() as i64, ((b.top + b.height) / CELL).floor() as i64);
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    };
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    let mut shown = vec![false; boxes.len()];
    for (i, b) in boxes.iter().enumerate() {
        let free = cells(b).all(|cell| grid.get(&cell).is_none_or(|taken| taken.iter().all(|&j| !b.overlaps(&boxes[j]))));
        if free {
            shown[i] = true;
            for cell in cells(b) {
                grid.entry(cell).or_default().push(i);
            }
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x: f64, top: f64, width: f64) -> LabelBox {
        LabelBox { x, top, width, height: 14.0 }
    }

    #[test]
    fn a_label_that_would_cover_an_earlier_one_is_left_out() {
        let boxes = [at(100.0, 100.0, 80.0), at(130.0, 105.0, 80.0), at(300.0, 100.0, 80.0)];
        assert_eq!(without_overlap(&boxes), vec![true, false, true]);
    }

    #[test]
    fn priority_decides_who_keeps_the_place() {
        let boxes = [at(130.0, 105.0, 80.0), at(100.0, 100.0, 80.0)];
        assert_eq!(without_overlap(&boxes), vec![true, false]);
    }

    #[test]
    fn labels_side_by_side_or_stacked_without_touching_both_show() {
        let boxes = [at(100.0, 100.0, 80.0), at(181.0, 100.0, 80.0), at(100.0, 115.0, 80.0), at(-500.0, -500.0, 10.0)];
        assert_eq!(without_overlap(&boxes), vec![true; 4]);
    }

    #[test]
    fn a_long_label_spanning_many_cells_still_blocks_a_short_one_inside_it() {
        let boxes = [at(0.0, 0.0, 600.0), at(250.0, 5.0, 10.0)];
        assert_eq!(without_overlap(&boxes), vec![true, false]);
        assert!(without_overlap(&[]).is_empty());
    }

    #[test]
    fn text_width_grows_with_the_text() {
        assert!(text_width("Jobcenter", 12.0) > text_width("IFD", 12.0));
        assert_eq!(text_width("", 12.0), 0.0);
    }
}
