//! "Das Netzwerk lesen": the answers beside the picture, read once the
//! picture has settled. Betweenness takes seconds for thousands of actors,
//! so it follows in a worker (or, where none starts, a slice per frame)
//! while the other answers already show.

use std::time::Duration;

use leptos::prelude::*;

use crate::app::effect::effect;

use super::frames::in_frames;
use crate::app::network::worker;
use crate::app::state::AppState;
use crate::domain::analysis::findings::{read_network_with, with_brokers, Finding, Item};
use crate::domain::analysis::metrics::{by_actor, neighbour_lists};
use crate::domain::{Id, Region};
use netzwerkatlas_graph::centrality::to_flat;
use wasm_bindgen::JsValue;

/// The answers, and the betweenness job's state (for the benchmark's figures).
#[derive(Clone, Copy)]
pub struct Reading {
    pub findings: Memo<Vec<Finding>>,
    pub centrality: RwSignal<Option<Vec<f64>>>,
    /// Time from the start of betweenness until it was done.
    pub metrics_ms: RwSignal<f64>,
}

impl Reading {
    /// `picture_settled`: whether the picture's layout is done. Betweenness
    /// waits for it: on a laptop's two cores, layout, betweenness and drawing
    /// at once take each about twice as long, and the picture is what one
    /// looks at first (measured: 2,000 actors settle in 0.7 s beside
    /// betweenness, in 0.3 s without).
    pub fn start(state: AppState, picture_settled: Memo<bool>) -> Reading {
        let metrics_ms = RwSignal::new(0.0f64);
        // Placing a node changes the region but not its network: read it only when
        // anything else changes, only what the answers read, and only once the
        // picture is on screen and settled (opening the tab should not wait for the
        // answers, nor the layout share the two cores with them). Betweenness follows.
        let opened = RwSignal::new(false);
        // The findings are read a task after the network (and betweenness started):
        // together they kept the main thread over 50 ms at 5,000 actors.
        let read = RwSignal::new(false);
        let network = Memo::new(move |_| opened.get().then(|| state.with_region(network_of)).flatten());
        let centrality = RwSignal::new(None::<Vec<f64>>);
        let centrality_generation = StoredValue::new(0u64);
        let centrality_job = StoredValue::new_local(None::<worker::OffThread>);
        let centrality_waiting = StoredValue::new_local(None::<Box<dyn FnOnce()>>);
        let start_waiting = move || {
            if let Some(start) = centrality_waiting.try_update_value(Option::take).flatten() {
                start();
            }
        };
        effect(move || {
            let lists = network.with(|n| n.as_ref().map(neighbour_lists));
            let run = centrality_generation.get_value() + 1;
            centrality_generation.set_value(run);
            centrality_job.set_value(None);
            centrality.set(None);
            metrics_ms.set(0.0);
            let Some(lists) = lists else { return };
            let start = move || {
                let started = js_sys::Date::now();
                let done = move |values: Vec<f64>| {
                    if centrality_generation.try_get_value() == Some(run) {
                        metrics_ms.set(js_sys::Date::now() - started);
                        centrality.set(Some(values));
                    }
                };
                let (offsets, targets) = to_flat(&lists);
                let job = [
                    ("kind", JsValue::from_str("betweenness")),
                    ("offsets", js_sys::Uint32Array::from(offsets.as_slice()).into()),
                    ("targets", js_sys::Uint32Array::from(targets.as_slice()).into()),
                ];
                let on_reply = move |reply: JsValue| done(worker::numbers(&reply, "values"));
                let in_frames = move || betweenness_in_frames(centrality_generation, run, lists, done);
                centrality_job.set_value(worker::start_or(&job, on_reply, in_frames));
            };
            centrality_waiting.set_value(Some(Box::new(start)));
            if picture_settled.get_untracked() {
                start_waiting();
            }
        });
        // The answers wait for the picture's first settled frame, betweenness
        // for every new layout to settle.
        effect(move || {
            if picture_settled.get() {
                start_waiting();
                if !opened.get_untracked() {
                    request_animation_frame(move || {
                        set_timeout(
                            move || {
                                opened.try_set(true);
                                set_timeout(
                                    move || {
                                        read.try_set(true);
                                    },
                                    Duration::ZERO,
                                );
                            },
                            Duration::ZERO,
                        )
                    });
                }
            }
        });
        on_cleanup(move || {
            centrality_generation.set_value(u64::MAX);
            centrality_job.try_set_value(None);
        });
        // Read once; betweenness, when it arrives, changes only the brokers' answer.
        let without_brokers = Memo::new(move |_| {
            network.with(|region| region.as_ref().filter(|_| read.get()).map(|region| read_network_with(region, None)).unwrap_or_default())
        });
        let findings = Memo::new(move |_| {
            let findings = without_brokers.get();
            network.with(|region| {
                let Some(region) = region.as_ref() else { return findings };
                centrality.with(|values| match values {
                    Some(values) if values.len() == region.actors.len() => with_brokers(findings, region, &by_actor(region, values)),
                    _ => findings,
                })
            })
        });
        Reading { findings, centrality, metrics_ms }
    }
}

/// What the answers read of a region: its actors and relations, not the
/// places of nodes, the journal or the Stichtage (cloned on every change).
fn network_of(region: &Region) -> Region {
    Region {
        id: region.id.clone(),
        name: region.name.clone(),
        kind: region.kind,
        sozialraeume: region.sozialraeume.clone(),
        actors: region.actors.clone(),
        relations: region.relations.clone(),
        ..Region::default()
    }
}

/// Betweenness on the main thread, a slice per frame: where no worker runs.
fn betweenness_in_frames(generation: StoredValue<u64>, run: u64, lists: Vec<Vec<usize>>, done: impl Fn(Vec<f64>) + 'static) {
    let mut job = worker::BetweennessJob::of(lists);
    in_frames(generation, run, move || {
        let finished = job.advance_for(6.0);
        if finished {
            done(job.result());
        }
        finished
    });
}

/// Each question with its answer and the actors it names.
#[component]
pub fn Findings(findings: Memo<Vec<Finding>>, highlight: RwSignal<Vec<Id>>) -> impl IntoView {
    view! {
        <div data-testid="findings">
            {move || findings.get().into_iter().map(|f| view! {
                <section class="finding">
                    <h4>{f.question}</h4>
                    <p>{f.summary}</p>
                    <FindingItems items=f.items highlight=highlight />
                </section>
            }).collect_view()}
        </div>
    }
}

/// How many answers of a finding show before "Alle zeigen".
const FIRST_ITEMS: usize = 25;

/// The answers of a finding as buttons that highlight their actors.
#[component]
fn FindingItems(items: Vec<Item>, highlight: RwSignal<Vec<Id>>) -> impl IntoView {
    let all = RwSignal::new(false);
    let total = items.len();
    let items = StoredValue::new(items);
    view! {
        <ul>
            {move || {
                let shown = if all.get() { total } else { total.min(FIRST_ITEMS) };
                items.with_value(|items| items[..shown].iter().map(|item| {
                    let actors = item.actors.clone();
                    let pressed = {
                        let actors = actors.clone();
                        move || (highlight.get() == actors && !actors.is_empty()).to_string()
                    };
                    view! {
                        <li><button type="button" class="link" aria-pressed=pressed on:click=move |_| {
                            let same = highlight.get_untracked() == actors;
                            highlight.set(if same { Vec::new() } else { actors.clone() });
                        }>{item.text.clone()}</button></li>
                    }
                }).collect_view())
            }}
        </ul>
        {(total > FIRST_ITEMS).then(|| view! {
            <button type="button" class="link" on:click=move |_| all.update(|a| *a = !*a)>
                {move || if all.get() { t!("network.show_less").to_owned() } else { tr!("network.show_all", total = total) }}
            </button>
        })}
    }
}
