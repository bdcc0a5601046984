//! Betweenness centrality: who holds a network together.

use std::collections::VecDeque;

/// Betweenness centrality (Brandes) of an undirected graph given as sorted,
/// duplicate-free neighbour lists: on how many shortest paths between two
/// other nodes a node lies, each pair counted once.
pub fn betweenness(neighbours: Vec<Vec<usize>>) -> Vec<f64> {
    let mut run = Betweenness::new(neighbours);
    run.advance(usize::MAX);
    run.result()
}

/// Neighbour lists as two flat arrays, to hand them to a worker: the
/// neighbours of node `i` are `targets[offsets[i]..offsets[i + 1]]`.
pub fn to_flat(lists: &[Vec<usize>]) -> (Vec<u32>, Vec<u32>) {
    let mut offsets = Vec::with_capacity(lists.len() + 1);
    let mut targets = Vec::new();
    offsets.push(0);
    for list in lists {
        targets.extend(list.iter().map(|&t| t as u32));
        offsets.push(targets.len() as u32);
    }
    (offsets, targets)
}

/// The neighbour lists back from [`to_flat`]'s arrays.
pub fn from_flat(offsets: &[u32], targets: &[u32]) -> Vec<Vec<usize>> {
    offsets.windows(2).map(|w| targets[w[0] as usize..w[1] as usize].iter().map(|&t| t as usize).collect()).collect()
}

/// Betweenness computed a few source nodes at a time, so a browser can
/// spread a large network (seconds of work) over animation frames.
pub struct Betweenness {
    neighbours: Vec<Vec<usize>>,
    next_source: usize,
    centrality: Vec<f64>,
    stack: Vec<usize>,
    predecessors: Vec<Vec<usize>>,
    paths: Vec<f64>,
    distance: Vec<i64>,
    dependency: Vec<f64>,
    queue: VecDeque<usize>,
}

impl Betweenness {
    pub fn new(neighbours: Vec<Vec<usize>>) -> Betweenness {
        let n = neighbours.len();
        Betweenness {
            neighbours,
            next_source: 0,
            centrality: vec![0.0; n],
            stack: Vec::with_capacity(n),
            predecessors: vec![Vec::new(); n],
            paths: vec![0.0; n],
            distance: vec![-1; n],
            dependency: vec![0.0; n],
            queue: VecDeque::new(),
        }
    }

    pub fn is_done(&self) -> bool {
        self.next_source >= self.neighbours.len()
    }

    /// Share of the work done, 0–100.
    pub fn percent(&self) -> u32 {
        (self.next_source * 100 / self.neighbours.len().max(1)) as u32
    }

    /// Processes up to `sources` more source nodes; returns whether all are done.
    pub fn advance(&mut self, sources: usize) -> bool {
        for _ in 0..sources {
            if self.is_done() {
                break;
            }
            self.from_source(self.next_source);
            self.next_source += 1;
        }
        self.is_done()
    }

    /// The centrality of every node (complete once `is_done`).
    pub fn result(&self) -> Vec<f64> {
        // Each undirected pair was counted from both ends.
        self.centrality.iter().map(|c| c / 2.0).collect()
    }

    /// One breadth-first search from `source` and the dependencies it adds.
    fn from_source(&mut self, source: usize) {
        let n = self.neighbours.len();
        self.stack.clear();
        for v in 0..n {
            self.predecessors[v].clear();
            self.paths[v] = 0.0;
            self.distance[v] = -1;
            self.dependency[v] = 0.0;
        }
        self.paths[source] = 1.0;
        self.distance[source] = 0;
        self.queue.push_back(source);
        while let Some(v) = self.queue.pop_front() {
            self.stack.push(v);
            for &w in &self.neighbours[v] {
                if self.distance[w] < 0 {
                    self.distance[w] = self.distance[v] + 1;
                    self.queue.push_back(w);
                }
                if self.distance[w] == self.distance[v] + 1 {
                    self.paths[w] += self.paths[v];
                    self.predecessors[w].push(v);
                }
            }
        }
        while let Some(w) = self.stack.pop() {
            for &v in &self.predecessors[w] {
                self.dependency[v] += self.paths[v] / self.paths[w] * (1.0 + self.dependency[w]);
            }
            if w != source {
                self.centrality[w] += self.dependency[w];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbour_lists_survive_the_flat_arrays_a_worker_gets() {
        let lists = vec![vec![1, 2], vec![], vec![0], vec![0, 1, 2]];
        let (offsets, targets) = to_flat(&lists);
        assert_eq!((offsets.as_slice(), targets.as_slice()), ([0, 2, 2, 3, 6].as_slice(), [1, 2, 0, 0, 1, 2].as_slice()));
        assert_eq!(from_flat(&offsets, &targets), lists);
        assert_eq!(from_flat(&[0], &[]), Vec::<Vec<usize>>::new());
    }

    fn undirected(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
        let mut lists = vec![Vec::new(); n];
        for &(a, b) in edges {
            lists[a].push(b);
            lists[b].push(a);
        }
        lists
    }

    #[test]
    fn path_of_four_by_hand() {
        // 0 - 1 - 2 - 3: node 1 lies on 0–2 and 0–3, node 2 on 0–3 and 1–3.
        assert_eq!(betweenness(undirected(4, &[(0, 1), (1, 2), (2, 3)])), vec![0.0, 2.0, 2.0, 0.0]);
    }

    #[test]
    fn two_shortest_paths_share_the_credit() {
        // A square 0-1-3-2-0: 0–3 goes via 1 or via 2, half each; likewise 1–2.
        assert_eq!(betweenness(undirected(4, &[(0, 1), (1, 3), (3, 2), (2, 0)])), vec![0.5; 4]);
    }

    #[test]
    fn in_slices_gives_the_same_as_in_one_go() {
        let edges: Vec<(usize, usize)> = (0..40).map(|i| (i, (i * 7 + 3) % 40)).chain((0..39).map(|i| (i, i + 1))).collect();
        let mut lists = undirected(40, &edges);
        for list in &mut lists {
            list.sort_unstable();
            list.dedup();
        }
        for (v, list) in lists.iter_mut().enumerate() {
            list.retain(|&w| w != v);
        }
        let whole = betweenness(lists.clone());
        let mut run = Betweenness::new(lists);
        let mut slices = 0;
        while !run.advance(3) {
            slices += 1;
            assert!(run.percent() < 100);
        }
        assert_eq!(slices, 40usize.div_ceil(3) - 1);
        assert_eq!(run.percent(), 100);
        assert_eq!(run.result(), whole);
    }

    #[test]
    fn empty_and_isolated() {
        assert!(betweenness(Vec::new()).is_empty());
        assert_eq!(betweenness(undirected(3, &[])), vec![0.0; 3]);
    }
}
