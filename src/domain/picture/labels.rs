//! Which names the network picture can show without one covering another:
//! labels are taken in order of priority (the actor under the pointer, the
//! keyboard cursor, highlighted ones, then by number of relations), each one
//! only if it overlaps none taken before and no other node. A name tries
//! below its node, then above, right and left, then the same wrapped onto
//! up to three lines (a single long word is cut into pieces, never runs
//! off), so that small networks show every name. Dense maps then show the
//! names of their hubs, and zooming in reveals more.

use crate::domain::hashing::HashMap;

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

/// Where a shown name goes: its lines, the box they fill, and from which
/// side they are aligned to the node (`x` of the box is its centre).
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    pub lines: Vec<String>,
    pub frame: LabelBox,
    pub align: Align,
    /// Placed away from its node: drawn with a thin line to it.
    pub leader: bool,
}

impl PlacedLabel {
    /// The point of the label's box nearest to the node at `(x, y)`: where its leader line ends.
    pub fn nearest_to(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let f = self.frame;
        (x.clamp(f.x - f.width / 2.0, f.x + f.width / 2.0), y.clamp(f.top, f.top + f.height))
    }
}

/// Up to this many actors on screen, names may sit further from their node.
pub const SMALL_NETWORK: usize = 150;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Center,
    /// Text starts at the box's left edge (right of the node).
    Left,
    /// Text ends at the box's right edge (left of the node).
    Right,
}

/// Longer words are cut into pieces of this length; shorter ones stay whole
/// on a line of their own ("Integrationsfachdienst" is read as one word).
const LONGEST_WORD: usize = 24;

/// A name wrapped at spaces and hyphens into lines of about `width`
/// characters; a word longer than `LONGEST_WORD` is cut into pieces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let words = text.split_inclusive([' ', '-']).flat_map(|word| {
        // Cut only the rare long word (this runs for every name in every frame).
        let cut = |word: &str| word.chars().collect::<Vec<_>>().chunks(LONGEST_WORD).map(|c| c.iter().collect()).collect();
        if word.chars().count() <= LONGEST_WORD {
            vec![word.to_owned()]
        } else {
            cut(word)
        }
    });
    for word in words {
        if !line.is_empty() && line.chars().count() + word.trim_end().chars().count() > width {
            lines.push(line.trim_end().to_owned());
            line.clear();
        }
        line.push_str(&word);
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Places the names of nodes at screen points `(x, y, name)`, given in
/// order of priority, within a picture of `size` pixels, clear of the
/// boxes `taken_before` (the sector map's sector names); `node_px` is a
/// node's radius on screen, `measure` the width of a line of text in
/// pixels. `None`: no free place.
pub fn place_labels(
    nodes: &[(f64, f64, &str)],
    taken_before: &[LabelBox],
    size: (f64, f64),
    node_px: f64,
    line_px: f64,
    measure: impl Fn(&str) -> f64,
) -> Vec<Option<PlacedLabel>> {
    // The name of a node on screen is not cut by the picture's edge.
    let fits = |f: &LabelBox| f.x - f.width / 2.0 >= 0.0 && f.x + f.width / 2.0 <= size.0 && f.top >= 0.0 && f.top + f.height <= size.1;
    let gap = node_px + 3.0;
    // Every node is an obstacle to every other node's name.
    let mut discs = Taken::default();
    for (i, &(x, y, _)) in nodes.iter().enumerate() {
        discs.take(LabelBox { x, top: y - node_px, width: 2.0 * node_px, height: 2.0 * node_px }, i);
    }
    let mut taken = Taken::default();
    // Owned by no node (`free` is asked on behalf of `usize::MAX`, which skips its own).
    for b in taken_before {
        taken.take(*b, usize::MAX - 1);
    }
    // A small network names every actor, some a little further out; a large
    // one names what fits near its node (and zooming in reveals more).
    let rings: &[f64] = if nodes.len() <= SMALL_NETWORK { &[0.0, 1.0, 2.0, 4.0, 6.0, 9.0, 13.0, 18.0, 24.0, 32.0] } else { &[0.0, 1.0] };
    nodes
        .iter()
        .enumerate()
        .map(|(i, &(x, y, name))| {
            // One line, then wrapped narrower; last two wide lines, for a name
            // too long for three narrow ones.
            let mut layouts: Vec<(Vec<String>, f64, f64)> = Vec::new();
            for lines in [vec![name.to_owned()], wrap(name, 18), wrap(name, 12), wrap(name, 26)] {
                if lines.len() <= 3 && !layouts.iter().any(|(l, _, _)| l == &lines) {
                    let width = lines.iter().map(|l| measure(l)).fold(0.0, f64::max);
                    let height = lines.len() as f64 * line_px;
                    layouts.push((lines, width, height));
                }
            }
            // Close to the node first, on one line or wrapped; further out only
            // where that is all taken, and then with a line to the node.
            for &steps in rings {
                let gap = gap + steps * line_px;
                for (lines, width, height) in &layouts {
                    let (width, height) = (*width, *height);
                    let candidates = [
                        (LabelBox { x, top: y + gap, width, height }, Align::Center),
                        (LabelBox { x, top: y - gap - height, width, height }, Align::Center),
                        (LabelBox { x: x + gap + width / 2.0, top: y - height / 2.0, width, height }, Align::Left),
                        (LabelBox { x: x - gap - width / 2.0, top: y - height / 2.0, width, height }, Align::Right),
                        // Diagonal: the text starts or ends at the node.
                        (LabelBox { x: x + width / 2.0, top: y + gap, width, height }, Align::Left),
                        (LabelBox { x: x - width / 2.0, top: y + gap, width, height }, Align::Right),
                        (LabelBox { x: x + width / 2.0, top: y - gap - height, width, height }, Align::Left),
                        (LabelBox { x: x - width / 2.0, top: y - gap - height, width, height }, Align::Right),
                    ];
                    let on_screen = x >= 0.0 && y >= 0.0 && x <= size.0 && y <= size.1;
                    let free = candidates
                        .into_iter()
                        .find(|(frame, _)| (!on_screen || fits(frame)) && taken.free(frame, usize::MAX) && discs.free(frame, i));
                    if let Some((frame, align)) = free {
                        taken.take(frame, i);
                        return Some(PlacedLabel { lines: lines.clone(), frame, align, leader: steps >= 2.0 });
                    }
                }
            }
            None
        })
        .collect()
}

/// About how wide a text is in a sans-serif font of `font_px` (average glyph).
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * font_px * 0.6
}

/// Boxes already taken, found through a grid of cells of about one label's
/// height, so that a map of thousands of names stays fast to label.
#[derive(Default)]
struct Taken {
    cells: HashMap<(i64, i64), Vec<usize>>,
    boxes: Vec<(LabelBox, usize)>,
}

impl Taken {
    const CELL: f64 = 40.0;

    fn cells(b: &LabelBox) -> impl Iterator<Item = (i64, i64)> {
        let (x0, x1) = (((b.x - b.width / 2.0) / Self::CELL).floor() as i64, ((b.x + b.width / 2.0) / Self::CELL).floor() as i64);
        let (y0, y1) = ((b.top / Self::CELL).floor() as i64, ((b.top + b.height) / Self::CELL).floor() as i64);
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    /// Whether `b` overlaps no box taken, except those of `owner`.
    fn free(&self, b: &LabelBox, owner: usize) -> bool {
        Self::cells(b).all(|cell| {
            self.cells.get(&cell).is_none_or(|taken| taken.iter().all(|&j| self.boxes[j].1 == owner || !b.overlaps(&self.boxes[j].0)))
        })
    }

    fn take(&mut self, b: LabelBox, owner: usize) {
        let index = self.boxes.len();
        self.boxes.push((b, owner));
        for cell in Self::cells(&b) {
            self.cells.entry(cell).or_default().push(index);
        }
    }
}

/// For each box, in the order given (highest priority first), whether it is
/// shown: it is when it overlaps no box shown before it.
pub fn without_overlap(boxes: &[LabelBox]) -> Vec<bool> {
    let mut taken = Taken::default();
    boxes
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let free = taken.free(b, usize::MAX);
            if free {
                taken.take(*b, i);
            }
            free
        })
        .collect()
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

    #[test]
    fn long_names_wrap_and_a_long_word_is_cut() {
        assert_eq!(wrap("Jobcenter Landkreis Lindenau", 18), vec!["Jobcenter", "Landkreis Lindenau"]);
        assert_eq!(wrap("Integrations-Fachdienst Nord", 14), vec!["Integrations-", "Fachdienst", "Nord"]);
        assert_eq!(wrap("IFD der Stephanus-Werkstatt", 12), vec!["IFD der", "Stephanus-", "Werkstatt"]);
        assert_eq!(
            wrap("Integrationsfachdienst Lindenau gGmbH", 18),
            vec!["Integrationsfachdienst", "Lindenau gGmbH"],
            "a word stays whole"
        );
        let cut = wrap("Kinderundjugendhilfeverbundsgeschäftsstelle", 12);
        assert!(cut.iter().all(|l| l.chars().count() <= LONGEST_WORD), "{cut:?}");
        assert_eq!(cut.concat(), "Kinderundjugendhilfeverbundsgeschäftsstelle");
        assert!(wrap("", 12).is_empty());
    }

    #[test]
    fn a_crowded_name_moves_aside_or_wraps_instead_of_disappearing() {
        let measure = |t: &str| text_width(t, 12.0);
        // Two nodes one above the other: the second name cannot go below its node's neighbour.
        let nodes = [(100.0, 100.0, "Jobcenter Landkreis Lindenau"), (100.0, 130.0, "Agentur für Arbeit Lindenau")];
        let placed = place_labels(&nodes, &[], (1e4, 1e4), 9.0, 14.0, measure);
        assert!(placed.iter().all(Option::is_some), "{placed:?}");
        let frames: Vec<LabelBox> = placed.iter().flatten().map(|p| p.frame).collect();
        assert!(!frames[0].overlaps(&frames[1]));
        // No name covers a node.
        for (frame, (x, y, _)) in frames.iter().zip(nodes.iter().rev()) {
            assert!(!frame.overlaps(&LabelBox { x: *x, top: y - 9.0, width: 18.0, height: 18.0 }));
        }
    }

    /// The demo region's layout fitted into a picture of `width` × `height` pixels, most relations first.
    fn demo_on_screen(width: f64, height: f64) -> Vec<(f64, f64, String)> {
        use crate::domain::samples::demo::demo_workspace;
        let region = demo_workspace().regions.remove(0);
        let index: HashMap<&str, usize> = region.actors.iter().enumerate().map(|(i, a)| (a.id.0.as_str(), i)).collect();
        let edges: Vec<(usize, usize)> =
            region.relations.iter().filter_map(|r| Some((index[r.from.0.as_str()], *index.get(r.to.0.as_str())?))).collect();
        let positions = crate::domain::layout::ForceLayout::new(region.actors.len(), &edges, &vec![None; region.actors.len()]).run();
        // Fitted as the picture fits it.
        let view = crate::domain::picture::viewport::Viewport {
            frame: crate::domain::picture::style::view_box(positions.iter().copied()),
            size: (width, height),
            zoom: crate::domain::picture::viewport::Zoom::HOME,
        };
        let mut nodes: Vec<(usize, f64, f64, String)> = positions
            .iter()
            .zip(&region.actors)
            .map(|(p, a)| {
                let (x, y) = view.screen_point(*p);
                (region.relations.iter().filter(|r| r.touches(&a.id)).count(), x, y, a.name.clone())
            })
            .collect();
        nodes.sort_by_key(|n| std::cmp::Reverse(n.0));
        nodes.into_iter().map(|(_, x, y, name)| (x, y, name)).collect()
    }

    #[test]
    fn every_actor_of_the_demo_region_is_named_and_no_name_covers_another_or_a_node() {
        let measure = |t: &str| text_width(t, 12.0);
        for (width, height) in [(860.0, 630.0), (946.0, 538.0), (1500.0, 704.0)] {
            let owned = demo_on_screen(width, height);
            let nodes: Vec<(f64, f64, &str)> = owned.iter().map(|(x, y, n)| (*x, *y, n.as_str())).collect();
            let placed = place_labels(&nodes, &[], (width, height), 9.0, 14.0, measure);
            let shown: Vec<LabelBox> = placed.iter().flatten().map(|p| p.frame).collect();
            let below_only = without_overlap(
                &nodes.iter().map(|(x, y, n)| LabelBox { x: *x, top: y + 12.0, width: measure(n), height: 14.0 }).collect::<Vec<_>>(),
            );
            let before = below_only.iter().filter(|s| **s).count();
            assert!(shown.len() > before, "{width}×{height}: {} names, below only {before}", shown.len());
            assert_eq!(shown.len(), nodes.len(), "{width}×{height}: a small network names every actor");
            for (i, a) in shown.iter().enumerate() {
                assert!(shown[..i].iter().all(|b| !a.overlaps(b)), "two names overlap");
            }
            for (label, (x, y, _)) in placed.iter().zip(&nodes) {
                for (ox, oy, _) in &nodes {
                    if let (Some(l), false) = (label, (x, y) == (ox, oy)) {
                        assert!(!l.frame.overlaps(&LabelBox { x: *ox, top: oy - 9.0, width: 18.0, height: 18.0 }), "a name covers a node");
                    }
                }
            }
        }
    }

    #[test]
    fn a_large_map_names_only_what_fits_near_its_node() {
        let names: Vec<String> = (0..SMALL_NETWORK + 50).map(|i| format!("Verein {i:03}")).collect();
        // A tight cluster: most names find no room near their node.
        let nodes: Vec<(f64, f64, &str)> =
            names.iter().enumerate().map(|(i, n)| ((i % 15) as f64 * 20.0, (i / 15) as f64 * 20.0, n.as_str())).collect();
        let placed = place_labels(&nodes, &[], (1e4, 1e4), 9.0, 14.0, |t| text_width(t, 12.0));
        assert!(placed.iter().flatten().all(|p| !p.leader), "no far-off names in a large map");
        assert!(placed.iter().any(Option::is_none));
        let small = &nodes[..40];
        let placed = place_labels(small, &[], (1e4, 1e4), 9.0, 14.0, |t| text_width(t, 12.0));
        assert!(placed.iter().all(Option::is_some), "a small cluster names everyone");
        let far = placed.iter().flatten().find(|p| p.leader).expect("some sit further out");
        let (nx, ny) = far.nearest_to((0.0, 0.0));
        assert!(nx >= far.frame.x - far.frame.width / 2.0 && ny >= far.frame.top);
    }

    #[test]
    fn names_keep_clear_of_boxes_taken_before() {
        let nodes = [(100.0, 100.0, "Jobcenter")];
        let free = place_labels(&nodes, &[], (1e3, 1e3), 9.0, 14.0, |t| text_width(t, 12.0));
        let below = free[0].as_ref().unwrap().frame;
        let around = place_labels(&nodes, &[below], (1e3, 1e3), 9.0, 14.0, |t| text_width(t, 12.0));
        let moved = around[0].as_ref().unwrap().frame;
        assert!(!moved.overlaps(&below), "{moved:?} covers {below:?}");
    }
}
