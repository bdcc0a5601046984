// The peer's picture as Gephi Lite draws it: a graphology graph rendered by
// sigma.js 3 (WebGL) with its default settings. Bundled by
// tests/bench/peer-browser.mjs with esbuild; not part of the app.
// window.peerPicture({ positions, edges }) resolves with the time from
// building the graph to the first frame drawn, the main-thread tasks over
// 50 ms meanwhile, and the frame intervals while zooming one step per frame.
import Graph from 'graphology';
import Sigma from 'sigma';

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

window.peerPicture = async ({ positions, edges }) => {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  const started = performance.now();
  const graph = new Graph({ type: 'undirected', multi: false });
  for (let i = 0; i < positions.length / 2; i++) {
    graph.addNode(i, { x: positions[2 * i], y: positions[2 * i + 1], size: 4, label: `Akteur ${i + 1}`, color: '#1f5fa8' });
  }
  for (let i = 0; i < edges.length; i += 2) if (edges[i] !== edges[i + 1]) graph.mergeEdge(edges[i], edges[i + 1]);
  const renderer = new Sigma(graph, document.getElementById('picture'));
  await frame();
  const firstPicture = performance.now() - started;
  // Let the first tasks be reported before zooming.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const camera = renderer.getCamera();
  const frames = [];
  for (let i = 0; i < 30; i++) {
    camera.setState({ ratio: i < 15 ? 0.9 ** (i + 1) : 0.9 ** (29 - i) });
    frames.push(await frame());
  }
  observer.disconnect();
  renderer.kill();
  return { firstPicture, longTasks, zoomFrames: frames.slice(1).map((t, i) => t - frames[i]) };
};
