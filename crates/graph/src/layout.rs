//! The force-directed layout of the network picture: Fruchterman–Reingold,
//! with repulsion approximated by a Barnes–Hut quadtree (far-away groups of
//! nodes act as one), so a step costs O(n log n) even in dense networks.
//! It runs in steps, so the browser can spread it over animation frames or
//! stream it from a worker; nodes the user placed stay where they are.
//! It cools down over [`STEPS`] steps, then on, more slowly, until it has
//! settled: until no node moves more than [`SETTLED_MOVE`] in a step.

/// The ideal distance between two related nodes, in picture units.
pub const EDGE_LENGTH: f64 = 60.0;
/// Steps of the first cooling, to 2 % of the start temperature.
pub const STEPS: usize = 250;
/// The layout has settled when no node moves further than this in a step
/// (picture units: 0.5 % of a relation's length, a fraction of a pixel).
pub const SETTLED_MOVE: f64 = EDGE_LENGTH * 0.005;
/// After the first cooling the temperature falls by this factor per step.
const AFTER_COOLING: f64 = 0.95;
/// A layout that has not settled by then stops all the same.
pub const MAX_STEPS: usize = 2 * STEPS;
/// Pull towards the centre: keeps lone actors and separate groups near the
/// rest (repulsion from n nodes balances it at about EDGE_LENGTH·√(n/GRAVITY)).
const GRAVITY: f64 = 0.3;
/// Nodes closer than this count as on the same point.
pub const MIN_GAP: f64 = 4.0;

pub type Point = (f64, f64);

pub struct ForceLayout {
    positions: Vec<Point>,
    fixed: Vec<bool>,
    edges: Vec<(usize, usize)>,
    step: usize,
    /// Largest move per step at the start; cools to zero.
    start_temperature: f64,
    /// The largest move of a node in the last step.
    last_move: f64,
    displacement: Vec<Point>,
    tree: Vec<Quad>,
}

/// A square of the quadtree with the total mass and mass centre of its nodes.
#[derive(Clone, Copy)]
struct Quad {
    x: f64,
    y: f64,
    half: f64,
    mass: f64,
    sum_x: f64,
    sum_y: f64,
    /// The single node in a leaf.
    body: Option<usize>,
    /// Index of the first of four children, if split.
    children: Option<usize>,
}

/// Barnes–Hut accuracy: a square counts as one mass when it looks smaller than this.
const THETA: f64 = 0.9;
/// Deeper squares stop splitting (nodes on nearly the same point share one).
const MAX_DEPTH: usize = 24;

impl Quad {
    fn new(x: f64, y: f64, half: f64) -> Quad {
        Quad { x, y, half, mass: 0.0, sum_x: 0.0, sum_y: 0.0, body: None, children: None }
    }

    fn child_of(&self, p: Point) -> usize {
        usize::from(p.0 >= self.x) + 2 * usize::from(p.1 >= self.y)
    }
}

fn insert(tree: &mut Vec<Quad>, positions: &[Point], mut q: usize, i: usize) {
    let p = positions[i];
    for depth in 0.. {
        tree[q].mass += 1.0;
        tree[q].sum_x += p.0;
        tree[q].sum_y += p.1;
        if let Some(first) = tree[q].children {
            q = first + tree[q].child_of(p);
            continue;
        }
        let Some(other) = tree[q].body else {
            tree[q].body = Some(i);
            return;
        };
        if depth >= MAX_DEPTH {
            return; // Shares the leaf's mass; the separation pass parts them later.
        }
        // Split: the resident node moves one level down, then this one goes on.
        let (x, y, h) = (tree[q].x, tree[q].y, tree[q].half / 2.0);
        let first = tree.len();
        tree.extend([Quad::new(x - h, y - h, h), Quad::new(x + h, y - h, h), Quad::new(x - h, y + h, h), Quad::new(x + h, y + h, h)]);
        tree[q].children = Some(first);
        tree[q].body = None;
        let o = positions[other];
        let c = first + tree[q].child_of(o);
        tree[c].mass = 1.0;
        tree[c].sum_x = o.0;
        tree[c].sum_y = o.1;
        tree[c].body = Some(other);
        q = first + tree[q].child_of(p);
    }
}

/// Start positions on a sunflower spiral: spread evenly, never two on one point.
pub fn spiral(index: usize) -> Point {
    const GOLDEN_ANGLE: f64 = 2.399_963_229_728_653;
    let radius = EDGE_LENGTH * 0.6 * ((index as f64) + 0.5).sqrt();
    let angle = index as f64 * GOLDEN_ANGLE;
    let (sin, cos) = crate::trig::sin_cos(angle);
    (radius * cos, radius * sin)
}

impl ForceLayout {
    /// `placed[i]` holds the position of a node the user placed (it stays fixed).
    pub fn new(nodes: usize, edges: &[(usize, usize)], placed: &[Option<Point>]) -> ForceLayout {
        let positions = (0..nodes).map(|i| placed.get(i).copied().flatten().unwrap_or_else(|| spiral(i))).collect();
        let fixed = (0..nodes).map(|i| placed.get(i).is_some_and(Option::is_some)).collect();
        ForceLayout {
            positions,
            fixed,
            edges: edges.iter().copied().filter(|(a, b)| a != b && *a < nodes && *b < nodes).collect(),
            step: 0,
            start_temperature: EDGE_LENGTH * (nodes as f64).sqrt().clamp(1.0, 10.0),
            last_move: f64::INFINITY,
            displacement: vec![(0.0, 0.0); nodes],
            tree: Vec::new(),
        }
    }

    /// Whether the layout has settled (or reached [`MAX_STEPS`]).
    pub fn is_done(&self) -> bool {
        self.last_move < SETTLED_MOVE || self.step >= MAX_STEPS
    }

    /// Steps taken so far.
    pub fn steps(&self) -> usize {
        self.step
    }

    /// Share of the work done, 0–100 (an estimate: the first cooling counts
    /// as 90 %; 100 only once settled).
    pub fn percent(&self) -> u32 {
        if self.is_done() {
            100
        } else {
            (self.step * 90 / STEPS).min(99) as u32
        }
    }

    pub fn positions(&self) -> &[Point] {
        &self.positions
    }

    /// Runs up to `count` steps; returns whether the layout is finished.
    pub fn advance(&mut self, count: usize) -> bool {
        for _ in 0..count {
            if self.is_done() {
                break;
            }
            self.one_step();
        }
        if self.is_done() {
            separate(&mut self.positions, &self.fixed);
        }
        self.is_done()
    }

    /// The whole layout at once (tests, benchmarks).
    pub fn run(mut self) -> Vec<Point> {
        self.advance(MAX_STEPS);
        self.positions
    }

    fn one_step(&mut self) {
        let k = EDGE_LENGTH;
        let n = self.positions.len();
        if n == 0 {
            self.last_move = 0.0;
            return;
        }
        // The quadtree over all nodes.
        let (mut min, mut max) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
        for p in &self.positions {
            min = (min.0.min(p.0), min.1.min(p.1));
            max = (max.0.max(p.0), max.1.max(p.1));
        }
        let half = ((max.0 - min.0).max(max.1 - min.1) / 2.0).max(1.0) * 1.01;
        self.tree.clear();
        self.tree.push(Quad::new((min.0 + max.0) / 2.0, (min.1 + max.1) / 2.0, half));
        for i in 0..n {
            insert(&mut self.tree, &self.positions, 0, i);
        }
        // Repulsion: near nodes one by one, far squares as one mass.
        let mut stack = Vec::with_capacity(64);
        for i in 0..n {
            let (x, y) = self.positions[i];
            let mut push = (0.0, 0.0);
            stack.clear();
            stack.push(0);
            while let Some(q) = stack.pop() {
                let quad = self.tree[q];
                if quad.mass == 0.0 || quad.body == Some(i) {
                    continue;
                }
                let (cx, cy) = (quad.sum_x / quad.mass, quad.sum_y / quad.mass);
                let (dx, dy) = (x - cx, y - cy);
                let d2 = (dx * dx + dy * dy).max(0.01);
                match quad.children {
                    Some(first) if 4.0 * quad.half * quad.half >= THETA * THETA * d2 => stack.extend(first..first + 4),
                    _ => {
                        let f = quad.mass * k * k / d2;
                        push.0 += dx * f;
                        push.1 += dy * f;
                    }
                }
            }
            self.displacement[i] = push;
        }
        // Attraction along relations.
        for &(a, b) in &self.edges {
            let (dx, dy) = (self.positions[a].0 - self.positions[b].0, self.positions[a].1 - self.positions[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let f = d / k;
            self.displacement[a].0 -= dx * f;
            self.displacement[a].1 -= dy * f;
            self.displacement[b].0 += dx * f;
            self.displacement[b].1 += dy * f;
        }
        // Gravity keeps separate groups and lone actors in view.
        let cooled = self.step.saturating_sub(STEPS) as i32;
        let temperature = self.start_temperature * (1.0 - self.step as f64 / STEPS as f64).max(0.02) * AFTER_COOLING.powi(cooled);
        let mut largest_move: f64 = 0.0;
        for i in 0..n {
            if self.fixed[i] {
                continue;
            }
            let (x, y) = self.positions[i];
            let (mut dx, mut dy) = self.displacement[i];
            dx -= x * GRAVITY;
            dy -= y * GRAVITY;
            let length = (dx * dx + dy * dy).sqrt();
            if length > 0.0 {
                let moved = length.min(temperature);
                self.positions[i] = (x + dx / length * moved, y + dy / length * moved);
                largest_move = largest_move.max(moved);
            }
        }
        self.last_move = largest_move;
        self.step += 1;
    }
}

/// Moves apart nodes that ended up (almost) on the same point.
pub fn separate(positions: &mut [Point], fixed: &[bool]) {
    let mut seen: std::collections::HashMap<(i64, i64), usize> = std::collections::HashMap::new();
    for i in 0..positions.len() {
        let mut attempt = 0;
        loop {
            let (x, y) = positions[i];
            let key = ((x / MIN_GAP).round() as i64, (y / MIN_GAP).round() as i64);
            let clash = (-1..=1).flat_map(|dx| (-1..=1).map(move |dy| (key.0 + dx, key.1 + dy))).filter_map(|k| seen.get(&k)).any(|&j| {
                let (ox, oy) = positions[j];
                (ox - x).powi(2) + (oy - y).powi(2) < MIN_GAP * MIN_GAP
            });
            // A placed node never moves; the others give way.
            if !clash || fixed.get(i).copied().unwrap_or(false) {
                seen.insert(key, i);
                break;
            }
            attempt += 1;
            let step = spiral(attempt);
            positions[i] = (x + step.0 / EDGE_LENGTH * MIN_GAP * 2.0, y + step.1 / EDGE_LENGTH * MIN_GAP * 2.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: Point, b: Point) -> f64 {
        ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
    }

    #[test]
    fn no_two_nodes_share_a_point() {
        // A star, a chain, duplicates and isolated nodes.
        let mut edges: Vec<(usize, usize)> = (1..30).map(|i| (0, i)).collect();
        edges.extend((30..60).map(|i| (i, i + 1)));
        edges.push((5, 5));
        edges.push((1, 2));
        edges.push((1, 2));
        let positions = ForceLayout::new(80, &edges, &[]).run();
        for i in 0..positions.len() {
            assert!(positions[i].0.is_finite() && positions[i].1.is_finite());
            for j in 0..i {
                assert!(distance(positions[i], positions[j]) >= MIN_GAP * 0.99, "{i} and {j} overlap");
            }
        }
    }

    #[test]
    fn related_nodes_end_up_closer_than_unrelated_ones() {
        // Two cliques of five joined by one edge.
        let mut edges = Vec::new();
        for group in [0, 5] {
            for a in group..group + 5 {
                for b in a + 1..group + 5 {
                    edges.push((a, b));
                }
            }
        }
        edges.push((0, 5));
        let p = ForceLayout::new(10, &edges, &[]).run();
        let inside = distance(p[1], p[2]);
        let across = distance(p[1], p[7]);
        assert!(inside < across, "inside {inside:.1} vs across {across:.1}");
    }

    #[test]
    fn placed_nodes_stay_where_they_were_put() {
        let edges = vec![(0, 1), (1, 2)];
        let placed = vec![None, Some((500.0, -300.0)), None];
        let p = ForceLayout::new(3, &edges, &placed).run();
        assert_eq!(p[1], (500.0, -300.0));
        assert!(distance(p[0], p[1]) < distance(p[0], (0.0, 0.0)) + 600.0);
    }

    #[test]
    fn steps_can_be_spread_over_frames() {
        let edges: Vec<(usize, usize)> = (0..99).map(|i| (i, i + 1)).collect();
        let mut layout = ForceLayout::new(100, &edges, &[]);
        let mut frames = 0;
        while !layout.advance(20) {
            frames += 1;
            assert!(layout.percent() < 100);
        }
        assert_eq!(layout.percent(), 100);
        assert_eq!(frames, layout.steps().div_ceil(20) - 1);
        assert_eq!(layout.positions().to_vec(), ForceLayout::new(100, &edges, &[]).run(), "same result as in one go");
    }
}
