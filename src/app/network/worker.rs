//! The picture's long computations off the main thread. The force layout and
//! betweenness run in a Web Worker (`picture-worker.js`, written into the
//! build by `scripts/post-build.mjs` from `worker.js` beside this file) that
//! instantiates this same wasm module, sent over from here, so nothing is
//! downloaded or compiled twice. The worker calls the two exports below; the
//! main thread only draws what comes back. Where no worker starts (or it
//! fails), the caller runs the same jobs in frames (`frames.rs`): one copy
//! of each computation in the wasm, wherever it runs.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use netzwerkatlas_graph::centrality::{from_flat, Betweenness};

use crate::domain::layout::{ForceLayout, Point};

/// The worker script in the build, beside index.html.
const SCRIPT: &str = "./picture-worker.js";

/// A force layout, run a time slice at a time so that the positions can be
/// drawn while it settles.
#[wasm_bindgen]
pub struct LayoutJob {
    force: ForceLayout,
}

#[wasm_bindgen]
impl LayoutJob {
    /// `edges`: node index pairs, flat; `placed`: x and y per node, NaN
    /// where the layout may move it.
    #[wasm_bindgen(constructor)]
    pub fn new(nodes: usize, edges: &[u32], placed: &[f64]) -> LayoutJob {
        let pairs: Vec<(usize, usize)> = edges.chunks_exact(2).map(|p| (p[0] as usize, p[1] as usize)).collect();
        let fixed: Vec<Option<Point>> = placed.chunks_exact(2).map(|p| (!p[0].is_nan()).then_some((p[0], p[1]))).collect();
        LayoutJob::of(ForceLayout::new(nodes, &pairs, &fixed))
    }

    /// Steps for about `ms` milliseconds; whether the layout is done.
    pub fn advance_for(&mut self, ms: f64) -> bool {
        for_about(ms, || self.force.advance(2))
    }

    /// x and y of every node, flat.
    pub fn positions(&self) -> Vec<f64> {
        self.force.positions().iter().flat_map(|&(x, y)| [x, y]).collect()
    }

    pub fn percent(&self) -> u32 {
        self.force.percent()
    }
}

impl LayoutJob {
    /// The job for a layout already set up (on the main thread, where no worker runs).
    pub fn of(force: ForceLayout) -> LayoutJob {
        LayoutJob { force }
    }

    pub fn points(&self) -> &[Point] {
        self.force.positions()
    }
}

/// Betweenness, run a time slice at a time (the worker runs it in one).
#[wasm_bindgen]
pub struct BetweennessJob {
    run: Betweenness,
}

#[wasm_bindgen]
impl BetweennessJob {
    /// The graph as neighbour lists, flat: the neighbours of node `i` are
    /// `targets[offsets[i]..offsets[i + 1]]`.
    #[wasm_bindgen(constructor)]
    pub fn new(offsets: &[u32], targets: &[u32]) -> BetweennessJob {
        BetweennessJob::of(from_flat(offsets, targets))
    }

    /// Source nodes for about `ms` milliseconds; whether all are done.
    pub fn advance_for(&mut self, ms: f64) -> bool {
        for_about(ms, || self.run.advance(4))
    }

    /// Every node's betweenness, once done.
    pub fn result(&self) -> Vec<f64> {
        self.run.result()
    }
}

impl BetweennessJob {
    pub fn of(lists: Vec<Vec<usize>>) -> BetweennessJob {
        BetweennessJob { run: Betweenness::new(lists) }
    }
}

/// Runs `slice` until it reports done or about `ms` milliseconds have passed; whether done.
fn for_about(ms: f64, mut slice: impl FnMut() -> bool) -> bool {
    let start = js_sys::Date::now();
    loop {
        let done = slice();
        if done || js_sys::Date::now() - start >= ms {
            return done;
        }
    }
}

/// A computation running in a worker of its own; dropping it ends the worker.
pub struct OffThread {
    worker: web_sys::Worker,
    _reply: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _failed: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for OffThread {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Starts `job` in a worker (see [`start`]); where no worker starts, or it
/// fails, runs `on_main_thread` instead, once.
pub fn start_or(
    job: &[(&str, JsValue)],
    mut on_reply: impl FnMut(JsValue) + 'static,
    on_main_thread: impl FnOnce() + 'static,
) -> Option<OffThread> {
    let fallback = std::rc::Rc::new(std::cell::Cell::new(Some(on_main_thread)));
    let failed = fallback.clone();
    let started = start(job, move |reply| match reply {
        Some(reply) => on_reply(reply),
        None => failed.take().into_iter().for_each(|run| run()),
    });
    if started.is_none() {
        fallback.take().into_iter().for_each(|run| run());
    }
    started
}

thread_local! {
    /// A worker started ahead of need, its wasm instantiated, waiting for a job.
    static SPARE: std::cell::RefCell<Option<web_sys::Worker>> = const { std::cell::RefCell::new(None) };
}

/// Starts the next job's worker ahead of need. A worker's start needs the
/// main thread several times (the script, the glue, the wasm), so one
/// started when the picture opens waits behind drawing it: about 150 ms at
/// 2,000 actors, a third of the time to a settled picture.
pub fn prepare() {
    SPARE.with(|spare| {
        if spare.borrow().is_none() {
            *spare.borrow_mut() = new_worker();
        }
    })
}

/// A new worker, sent this page's compiled module to instantiate; it waits
/// for a job. One that fails before it gets one is no longer the spare.
fn new_worker() -> Option<web_sys::Worker> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(SCRIPT, &options).ok()?;
    let failed = Closure::<dyn FnMut(web_sys::Event)>::new(|_: web_sys::Event| {
        SPARE.with(|spare| spare.borrow_mut().take());
    })
    .into_js_value();
    worker.set_onerror(Some(failed.unchecked_ref()));
    let message = Object::new();
    let _ = Reflect::set(&message, &"module".into(), &wasm_bindgen::module());
    worker.post_message(&message).ok()?;
    Some(worker)
}

/// Starts `job` (an object with `kind` and the arrays the worker's export
/// takes) in the spare worker, or a new one. `on_reply` gets each reply, or
/// `None` once if the worker cannot run; `None` is returned when no worker
/// can be started.
fn start(job: &[(&str, JsValue)], on_reply: impl FnMut(Option<JsValue>) + 'static) -> Option<OffThread> {
    let worker = SPARE.with(|spare| spare.borrow_mut().take()).or_else(new_worker)?;
    let on_reply = std::rc::Rc::new(std::cell::RefCell::new(on_reply));
    let replied = on_reply.clone();
    let reply = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        // The next job's worker starts once this one is done.
        if field(&ev.data(), "done").is_truthy() {
            prepare();
        }
        (replied.borrow_mut())(Some(ev.data()))
    });
    let failed = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| (on_reply.borrow_mut())(None));
    worker.set_onmessage(Some(reply.as_ref().unchecked_ref()));
    worker.set_onerror(Some(failed.as_ref().unchecked_ref()));
    let message = Object::new();
    let transfer = Array::new();
    for (key, value) in job {
        let _ = Reflect::set(&message, &(*key).into(), value);
        if let Some(array) = value.dyn_ref::<js_sys::Float64Array>() {
            transfer.push(&array.buffer());
        } else if let Some(array) = value.dyn_ref::<js_sys::Uint32Array>() {
            transfer.push(&array.buffer());
        }
    }
    worker.post_message_with_transfer(&message, &transfer).ok()?;
    Some(OffThread { worker, _reply: reply, _failed: failed })
}

/// A field of a reply.
pub fn field(reply: &JsValue, key: &str) -> JsValue {
    Reflect::get(reply, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A reply's numbers (`positions`, `values`).
pub fn numbers(reply: &JsValue, key: &str) -> Vec<f64> {
    field(reply, key).dyn_into::<js_sys::Float64Array>().map(|a| a.to_vec()).unwrap_or_default()
}
