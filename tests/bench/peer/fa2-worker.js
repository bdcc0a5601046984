// The peer's layout and betweenness as Gephi Lite runs them: graphology,
// ForceAtlas2 in a web worker with the inferred ("auto") settings and
// Barnes–Hut, graphology-metrics' betweenness. Bundled by
// tests/bench/peer-browser.mjs with esbuild; not part of the app.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';

self.onmessage = ({ data }) => {
  const { nodes, edges, iterations } = data;
  const started = performance.now();
  const graph = new Graph({ type: 'undirected', multi: false });
  // Start positions: a seeded random square, as a graph without positions gets them.
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < nodes; i++) graph.addNode(i, { x: random() * 1000, y: random() * 1000 });
  for (let i = 0; i < edges.length; i += 2) if (edges[i] !== edges[i + 1]) graph.mergeEdge(edges[i], edges[i + 1]);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: true };
  forceAtlas2.assign(graph, { iterations, settings });
  const layoutMs = performance.now() - started;
  const positions = new Float64Array(nodes * 2);
  graph.forEachNode((n, a) => { positions[2 * n] = a.x; positions[2 * n + 1] = a.y; });
  const betweenStart = performance.now();
  const values = betweennessCentrality(graph, { normalized: false });
  const betweennessMs = performance.now() - betweenStart;
  const centrality = new Float64Array(nodes);
  for (let i = 0; i < nodes; i++) centrality[i] = values[i] ?? values[String(i)] ?? 0;
  self.postMessage({ positions, centrality, layoutMs, betweennessMs }, [positions.buffer, centrality.buffer]);
};
