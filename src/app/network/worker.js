// The picture's worker (see worker.rs): scripts/post-build.mjs writes it into
// the build as picture-worker.js, with GLUE replaced by the hashed name of
// the app's JS glue. The page starts it ahead of need with its compiled wasm
// module; a later message brings one job (or both come in one message). It
// runs that job and is ended by the page when a newer one starts, so it needs
// no bookkeeping of its own.
import init, { BetweennessJob, LayoutJob } from './GLUE';

let ready;
self.onmessage = async ({ data }) => {
  // The page's own compiled module: no second download, no second compile.
  if (data.module) ready = init({ module_or_path: data.module });
  await ready;
  if (data.kind === 'layout') {
    const job = new LayoutJob(data.nodes, data.edges, data.placed);
    // The start at once: the page draws it as the first picture.
    const start = job.positions();
    self.postMessage({ positions: start, percent: 0, done: false }, [start.buffer]);
    let done = false;
    while (!done) {
      // About one frame of work, then the positions so far: the page draws them.
      done = job.advance_for(16);
      const positions = job.positions();
      self.postMessage({ positions, percent: job.percent(), done }, [positions.buffer]);
    }
    job.free();
  } else if (data.kind === 'betweenness') {
    const job = new BetweennessJob(data.offsets, data.targets);
    job.advance_for(Infinity);
    const values = job.result();
    job.free();
    self.postMessage({ values, done: true }, [values.buffer]);
  }
};
