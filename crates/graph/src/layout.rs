//! The force-directed layout of the network picture: Fruchterman–Reingold,
//! with repulsion approximated by a Barnes–Hut quadtree (far-away groups of
//! nodes act as one), so a step costs O(n log n) even in dense networks.
//! It runs in steps, so the browser can spread it over animation frames or
//! stream it from a worker; nodes the user placed stay where they are.
//! It cools down over [`STEPS`] steps, then on, more slowly, until it has
//! settled: until no node moves more than [`SETTLED_MOVE`] in a step.
//!
//! Large networks are laid out coarse to fine (as in Walshaw's multilevel
//! force-directed placement): neighbours are merged pairwise, level by
//! level, into a network of about [`COARSEST`] nodes; that one is laid out
//! fully, and each finer level starts from it, its nodes beside their
//! merged node, and needs only a short, cool refinement. The global shape
//! comes from the small network, where it is cheap; the fine levels only
//! untangle locally. That takes a third of the steps on the full network and
//! crosses fewer relations.

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

/// Networks larger than this are laid out coarse to fine.
pub const COARSEN_ABOVE: usize = 300;
/// Merging stops at about this many nodes.
pub const COARSEST: usize = 100;
/// Steps on each finer level.
const REFINE_STEPS: usize = 40;
/// The start temperature of a finer level, in relation lengths: the
/// coarse layout already has the shape, a finer level only sorts out locally.
const REFINE_HEAT: f64 = 2.0;

pub type Point = (f64, f64);

/// One merge: each node of the finer network and the node of the coarser
/// network it went into, and the coarser network's size and relations.
struct Merge {
    into: Vec<usize>,
    nodes: usize,
    edges: Vec<(usize, usize)>,
}

pub struct ForceLayout {
    positions: Vec<Point>,
    fixed: Vec<bool>,
    edges: Vec<(usize, usize)>,
    /// Steps taken on all levels.
    step: usize,
    /// The merges from the full network down; those still ahead to refine
    /// are popped from the end, the coarsest first.
    merges: Vec<Merge>,
    /// The relations of the full network, while a coarser one is laid out.
    full_edges: Vec<(usize, usize)>,
    /// Steps taken on the current level, and how many cool it down.
    level_step: usize,
    cooling_steps: usize,
    /// The full network's positions while a coarser level is laid out:
    /// each node where its merged node is, so the picture shows the work.
    shown: Vec<Point>,
    /// Each node's repulsion weight (its relations and one), and the mean
    /// weight squared, which keeps the picture's size as without weights.
    weights: Vec<f64>,
    mean_weight2: f64,
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

fn insert(tree: &mut Vec<Quad>, positions: &[Point], weights: &[f64], mut q: usize, i: usize) {
    let p = positions[i];
    let w = weights[i];
    for depth in 0.. {
        tree[q].mass += w;
        tree[q].sum_x += p.0 * w;
        tree[q].sum_y += p.1 * w;
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
        let wo = weights[other];
        tree[c].mass = wo;
        tree[c].sum_x = o.0 * wo;
        tree[c].sum_y = o.1 * wo;
        tree[c].body = Some(other);
        q = first + tree[q].child_of(p);
    }
}

/// Start positions on a sunflower spiral: spread evenly, never two on one point.
/// How much larger the picture of `larger` nodes is than that of `smaller`:
/// repulsion against gravity spreads n nodes over a radius of about √n.
fn growth(larger: usize, smaller: usize) -> f64 {
    (larger as f64 / smaller.max(1) as f64).sqrt()
}

/// The golden angle: successive points turned by it never line up.
const GOLDEN_ANGLE: f64 = 2.399_963_229_728_653;

pub fn spiral(index: usize) -> Point {
    let radius = EDGE_LENGTH * 0.6 * ((index as f64) + 0.5).sqrt();
    let angle = index as f64 * GOLDEN_ANGLE;
    let (sin, cos) = crate::trig::sin_cos(angle);
    (radius * cos, radius * sin)
}

impl ForceLayout {
    /// `placed[i]` holds the position of a node the user placed (it stays fixed).
    pub fn new(nodes: usize, edges: &[(usize, usize)], placed: &[Option<Point>]) -> ForceLayout {
        let positions: Vec<Point> = (0..nodes).map(|i| placed.get(i).copied().flatten().unwrap_or_else(|| spiral(i))).collect();
        let fixed: Vec<bool> = (0..nodes).map(|i| placed.get(i).is_some_and(Option::is_some)).collect();
        let edges: Vec<(usize, usize)> = edges.iter().copied().filter(|(a, b)| a != b && *a < nodes && *b < nodes).collect();
        // Placed nodes keep their place on every level only in the full network: no merging then.
        let merges = if nodes > COARSEN_ABOVE && !fixed.contains(&true) { merges(nodes, &edges) } else { Vec::new() };
        let mut layout = ForceLayout {
            positions,
            fixed,
            edges,
            step: 0,
            merges,
            full_edges: Vec::new(),
            level_step: 0,
            cooling_steps: STEPS,
            shown: Vec::new(),
            weights: Vec::new(),
            mean_weight2: 1.0,
            start_temperature: 0.0,
            last_move: f64::INFINITY,
            displacement: Vec::new(),
            tree: Vec::new(),
        };
        if let Some(coarsest) = layout.merges.last() {
            layout.full_edges = std::mem::take(&mut layout.edges);
            layout.edges = coarsest.edges.clone();
            layout.positions = (0..coarsest.nodes).map(spiral).collect();
            layout.fixed = vec![false; coarsest.nodes];
            layout.show();
        }
        layout.start_level(STEPS, EDGE_LENGTH * (layout.positions.len() as f64).sqrt().clamp(1.0, 10.0));
        layout
    }

    fn start_level(&mut self, cooling_steps: usize, temperature: f64) {
        self.level_step = 0;
        self.cooling_steps = cooling_steps;
        self.start_temperature = temperature;
        self.last_move = f64::INFINITY;
        self.displacement = vec![(0.0, 0.0); self.positions.len()];
        // Repulsion grows with a node's relations (as in ForceAtlas2): hubs
        // push each other apart with their neighbours around them.
        let mut weights = vec![1.0f64; self.positions.len()];
        for &(a, b) in &self.edges {
            weights[a] += 1.0;
            weights[b] += 1.0;
        }
        let mean = weights.iter().sum::<f64>() / weights.len().max(1) as f64;
        self.mean_weight2 = mean * mean;
        self.weights = weights;
    }

    /// The full network's positions from the current level's (each node at
    /// its merged node, the level's picture grown to the full network's size);
    /// none once the full network itself is laid out.
    fn show(&mut self) {
        let (Some(full), Some(last)) = (self.merges.first(), self.merges.last()) else {
            self.shown = Vec::new();
            return;
        };
        let scale = growth(full.into.len(), last.nodes);
        let mut points: Vec<Point> = self.positions.iter().map(|p| (p.0 * scale, p.1 * scale)).collect();
        for merge in self.merges.iter().rev() {
            points = merge.into.iter().map(|&c| points[c]).collect();
        }
        self.shown = points;
    }

    /// The next finer level: its nodes start beside the node they were merged into.
    fn refine(&mut self) {
        let Some(merge) = self.merges.pop() else { return };
        let scale = growth(merge.into.len(), merge.nodes);
        self.positions = merge
            .into
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let (x, y) = self.positions[c];
                let (sin, cos) = crate::trig::sin_cos(i as f64 * GOLDEN_ANGLE);
                (x * scale + cos * EDGE_LENGTH * 0.3, y * scale + sin * EDGE_LENGTH * 0.3)
            })
            .collect();
        self.fixed = vec![false; self.positions.len()];
        self.edges = match self.merges.last() {
            Some(next) => next.edges.clone(),
            None => std::mem::take(&mut self.full_edges),
        };
        self.start_level(REFINE_STEPS, EDGE_LENGTH * REFINE_HEAT);
    }

    /// Whether the layout has settled (or reached [`MAX_STEPS`]).
    pub fn is_done(&self) -> bool {
        self.merges.is_empty() && (self.last_move < SETTLED_MOVE || self.level_step >= MAX_STEPS)
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
            (self.step * 90 / self.planned_steps()).min(99) as u32
        }
    }

    /// Steps of all cooling phases: the whole plan but the settling.
    fn planned_steps(&self) -> usize {
        let refining = self.merges.len() * REFINE_STEPS;
        self.step - self.level_step + self.cooling_steps + refining
    }

    /// Where the full network's nodes are now.
    pub fn positions(&self) -> &[Point] {
        if self.merges.is_empty() {
            &self.positions
        } else {
            &self.shown
        }
    }

    /// Runs up to `count` steps; returns whether the layout is finished.
    pub fn advance(&mut self, count: usize) -> bool {
        for _ in 0..count {
            if self.is_done() {
                break;
            }
            self.one_step();
            // A coarser level ends when it has cooled (or settled early).
            if !self.merges.is_empty() && (self.level_step >= self.cooling_steps || self.last_move < SETTLED_MOVE) {
                self.refine();
            }
        }
        self.show();
        if self.is_done() {
            separate(&mut self.positions, &self.fixed);
        }
        self.is_done()
    }

    /// The whole layout at once (tests, benchmarks).
    pub fn run(mut self) -> Vec<Point> {
        while !self.advance(MAX_STEPS) {}
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
            insert(&mut self.tree, &self.positions, &self.weights, 0, i);
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
                        let f = quad.mass * self.weights[i] * k * k / d2 / self.mean_weight2;
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
            // Between linear (ForceAtlas2) and quadratic (Fruchterman–Reingold):
            // fewer crossings than the one, more even relation lengths than the other.
            let f = (d / k).sqrt().sqrt();
            self.displacement[a].0 -= dx * f;
            self.displacement[a].1 -= dy * f;
            self.displacement[b].0 += dx * f;
            self.displacement[b].1 += dy * f;
        }
        // Gravity keeps separate groups and lone actors in view.
        let cooled = self.level_step.saturating_sub(self.cooling_steps) as i32;
        let temperature =
            self.start_temperature * (1.0 - self.level_step as f64 / self.cooling_steps as f64).max(0.02) * AFTER_COOLING.powi(cooled);
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
        self.level_step += 1;
    }
}

/// Merges the network level by level until about [`COARSEST`] nodes are
/// left or merging no longer shrinks it: each node with a neighbour not yet
/// merged (the one with the fewest relations, so hubs do not swallow each
/// other), and then each lone leaf into its only neighbour's node, so stars
/// shrink too.
fn merges(nodes: usize, edges: &[(usize, usize)]) -> Vec<Merge> {
    let mut levels: Vec<Merge> = Vec::new();
    let (mut count, mut current) = (nodes, edges.to_vec());
    while count > COARSEST {
        let mut neighbours = vec![Vec::new(); count];
        for &(a, b) in &current {
            neighbours[a].push(b);
            neighbours[b].push(a);
        }
        const NONE: usize = usize::MAX;
        let mut into = vec![NONE; count];
        let mut next = 0;
        for u in 0..count {
            if into[u] != NONE {
                continue;
            }
            let partner = neighbours[u].iter().copied().filter(|&v| v != u && into[v] == NONE).min_by_key(|&v| (neighbours[v].len(), v));
            if let Some(v) = partner {
                into[v] = next;
            }
            if neighbours[u].len() > 1 || partner.is_some() {
                into[u] = next;
                next += 1;
            }
        }
        for u in 0..count {
            if into[u] == NONE {
                into[u] = match neighbours[u].first() {
                    Some(&v) if into[v] != NONE => into[v],
                    _ => {
                        next += 1;
                        next - 1
                    }
                };
            }
        }
        // Too little shrinking: the levels would cost more than they save.
        if next * 10 > count * 8 {
            break;
        }
        // The coarser relations, each pair once: grouped by their smaller end,
        // repeats spotted by marking the other ends seen (no sort: it would
        // add a sort's code to the wasm for this alone).
        let mut by_first = vec![Vec::new(); next];
        for &(a, b) in &current {
            let (a, b) = (into[a].min(into[b]), into[a].max(into[b]));
            if a != b {
                by_first[a].push(b);
            }
        }
        let mut seen = vec![NONE; next];
        let mut coarse = Vec::new();
        for (a, others) in by_first.into_iter().enumerate() {
            for b in others {
                if seen[b] != a {
                    seen[b] = a;
                    coarse.push((a, b));
                }
            }
        }
        levels.push(Merge { into, nodes: next, edges: coarse.clone() });
        (count, current) = (next, coarse);
    }
    levels
}

/// Moves apart nodes that ended up (almost) on the same point.
pub fn separate(positions: &mut [Point], fixed: &[bool]) {
    let mut seen: rustc_hash::FxHashMap<(i64, i64), usize> = rustc_hash::FxHashMap::default();
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

    /// Groups of `size` nodes, each a ring with a few chords, joined in a chain by one relation each.
    fn clusters(groups: usize, size: usize) -> Vec<(usize, usize)> {
        let mut edges = Vec::new();
        for g in 0..groups {
            let base = g * size;
            for i in 0..size {
                edges.push((base + i, base + (i + 1) % size));
                edges.push((base + i, base + (i * 7 + 3) % size));
            }
            if g > 0 {
                edges.push((base - 1, base));
            }
        }
        edges
    }

    #[test]
    fn a_large_network_is_laid_out_coarse_to_fine_and_keeps_its_groups_apart() {
        let (groups, size) = (4, 150);
        let edges = clusters(groups, size);
        let mut layout = ForceLayout::new(groups * size, &edges, &[]);
        assert!(layout.merges.len() >= 2, "{} levels", layout.merges.len());
        assert!(layout.merges.last().unwrap().nodes <= COARSEST * 2);
        // The first picture already spans about the area the full network settles in.
        let extent = |p: &[Point]| p.iter().map(|q| q.0.abs().max(q.1.abs())).fold(0.0, f64::max);
        let start = extent(layout.positions());
        let settled = extent(&ForceLayout::new(groups * size, &edges, &[]).run());
        assert!(start > settled / 3.0 && start < settled * 3.0, "start {start:.0}, settled {settled:.0}");
        // While a coarse level runs, the picture still shows every node, and progress only grows.
        let mut last_percent = 0;
        while !layout.advance(25) {
            assert_eq!(layout.positions().len(), groups * size);
            assert!(layout.positions().iter().all(|p| p.0.is_finite() && p.1.is_finite()));
            assert!(layout.percent() >= last_percent && layout.percent() < 100);
            last_percent = layout.percent();
        }
        assert!(layout.steps() < MAX_STEPS + STEPS, "{} steps", layout.steps());
        let p = layout.positions().to_vec();
        assert_eq!(p, ForceLayout::new(groups * size, &edges, &[]).run(), "same result as in one go");
        // Each group's nodes are closer to their own centre than to any other group's.
        let centre = |g: usize| {
            let (sx, sy) = p[g * size..(g + 1) * size].iter().fold((0.0, 0.0), |a, q| (a.0 + q.0, a.1 + q.1));
            (sx / size as f64, sy / size as f64)
        };
        let centres: Vec<Point> = (0..groups).map(centre).collect();
        for (i, q) in p.iter().enumerate() {
            let own = distance(*q, centres[i / size]);
            let others = (0..groups).filter(|g| *g != i / size).map(|g| distance(*q, centres[g])).fold(f64::INFINITY, f64::min);
            assert!(own < others, "node {i}: {own:.0} from its group, {others:.0} from another");
        }
        for i in 0..p.len() {
            for j in 0..i {
                assert!(distance(p[i], p[j]) >= MIN_GAP * 0.99, "{i} and {j} overlap");
            }
        }
    }

    #[test]
    fn merging_halves_paths_and_folds_stars_into_their_hub() {
        // A path of 400 and a star of 200 leaves.
        let mut edges: Vec<(usize, usize)> = (0..399).map(|i| (i, i + 1)).collect();
        edges.extend((401..601).map(|leaf| (400, leaf)));
        let levels = merges(601, &edges);
        let first = &levels[0];
        assert_eq!(first.into.len(), 601);
        // The path pairs up; the star becomes one node.
        assert!(first.nodes <= 200 + 2, "{} nodes", first.nodes);
        assert!((401..601).all(|leaf| first.into[leaf] == first.into[400]));
        assert!(first.edges.iter().all(|(a, b)| a < b && *b < first.nodes));
        assert!(levels.last().unwrap().nodes <= COARSEST);
        // With placed nodes, no merging: they must stay where they were put.
        let placed: Vec<Option<Point>> = (0..601).map(|i| (i == 5).then_some((1.0, 2.0))).collect();
        assert!(ForceLayout::new(601, &edges, &placed).merges.is_empty());
    }
}
