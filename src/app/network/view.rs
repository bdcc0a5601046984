//! The network picture: a force-directed map or a sector map of the
//! region's actors and relations, with the list's filters, a focus view,
//! pan and zoom (mouse, touchpad, keyboard), placing nodes by drag or
//! keyboard, a legend, the reading panel, a table as the accessible
//! alternative, and export as SVG, PNG and print.
//!
//! The reading panel (`reading`), legend and table (`legend`) and export
//! (`export`) live beside it.
//!
//! Relations and actors are drawn on two canvases (`canvas`); the SVG
//! above it holds the sector map's rings and labels and the keyboard
//! cursor, and takes the pointer. Where things are on screen comes from
//! `domain::viewport`, so drawing, clicking and keys agree.

use crate::domain::hashing::{HashMap, HashSet};

use leptos::prelude::*;

use crate::app::effect::effect;

use crate::i18n::count;
use wasm_bindgen::JsCast;

use crate::app::network::canvas::{draw, draw_later, sized_for, Node, Scene, LINES_PER_FRAME};
use crate::app::network::choices::{ChoiceControls, Mode, PictureChoices};
use crate::app::network::export::PictureExport;
use crate::app::network::frames::in_frames;
use crate::app::network::legend::{ChangeLegend, Legend, RelationTable};
use crate::app::network::reading::{Findings, Reading};
use crate::app::network::worker;
use crate::app::platform::preferences::{self, Preference};
use crate::app::state::{use_state, Panel};
use crate::domain::analysis::metrics::{degrees, neighbourhood};
use crate::domain::editing::query::{actors_by_name, next_by_prefix};
use crate::domain::layout::{ForceLayout, Point};
use crate::domain::picture::labels::LabelBox;
use crate::domain::picture::marks::Marks;
use crate::domain::picture::sectors::{sector_map, Ring, RingBy, Sector};
use crate::domain::picture::settled;
use crate::domain::picture::style::{d1, edge_at, rim_point, sector_label_at, sector_label_box, view_box, Fixed, NODE_RADIUS};
use crate::domain::picture::viewport::{node_at, Viewport, Zoom};
use crate::domain::{ActorKind, Id};
use wasm_bindgen::JsValue;

/// Up to this many actors the picture moves with every layout frame; larger
/// maps are redrawn a few times a second while the layout runs.
const LIVE_LIMIT: usize = 600;
const LARGE_MAP_REDRAW_MS: f64 = 400.0;

/// Up to this many actors, the picture reads them in the task that builds it.
const READ_AT_ONCE: usize = 1000;

/// The sector map's sector names, in screen pixels.
const SECTOR_LABEL_PX: f64 = 14.0;

/// A pointer within this many screen pixels of a node or line hits it.
const HIT_PIXELS: f64 = 6.0;

/// Type-ahead: letters typed within this pause form one search.
const TYPE_AHEAD_MS: f64 = 1000.0;

/// The layout on the main thread, a slice per frame: where no worker runs.
fn layout_in_frames(generation: StoredValue<u64>, run: u64, force: ForceLayout, show: impl Fn(&[Point], u32, bool) + 'static) {
    let mut job = worker::LayoutJob::of(force);
    in_frames(generation, run, move || {
        let done = job.advance_for(12.0);
        show(job.points(), job.percent(), done);
        done
    });
}

/// What a pointer is doing on the picture.
#[derive(Clone, PartialEq)]
enum Gesture {
    None,
    Pan {
        last: Point,
        moved: bool,
    },
    Press {
        actor: Id,
        start: Point,
        moved: bool,
    },
    /// Two fingers on a touch screen: zoom and pan until one lifts.
    Pinch,
}

/// The element that takes the pointer and defines the picture's screen area.
fn surface() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.query_selector(".network-svg").ok()?
}

/// The pointer's position within the picture's screen area `surface`.
fn local_point(surface: &web_sys::Element, ev: &web_sys::MouseEvent) -> Point {
    let rect = surface.get_bounding_client_rect();
    (ev.client_x() as f64 - rect.left(), ev.client_y() as f64 - rect.top())
}

/// The unit step of an arrow key, (x, y) with y downwards.
fn arrow_delta(key: &str) -> Option<Point> {
    match key {
        "ArrowLeft" => Some((-1.0, 0.0)),
        "ArrowRight" => Some((1.0, 0.0)),
        "ArrowUp" => Some((0.0, -1.0)),
        "ArrowDown" => Some((0.0, 1.0)),
        _ => None,
    }
}

/// Each actor's point, from the layout's points in the order of `ids`.
fn by_id(ids: &[Id], points: &[Point]) -> HashMap<Id, Point> {
    ids.iter().cloned().zip(points.iter().copied()).collect()
}

fn svg_number(v: f64) -> String {
    d1(v).to_string()
}

#[component]
pub fn NetworkView() -> impl IntoView {
    let state = use_state();
    let query = state.actor_query;
    let choices = PictureChoices::new();
    let PictureChoices { mode, sector_by, ring_focus, focus, depth } = choices;
    let highlight = RwSignal::new(Vec::<Id>::new());
    let zoom = RwSignal::new(Zoom::HOME);
    let positions = RwSignal::new(HashMap::<Id, Point>::default());
    let frame = RwSignal::new((-300.0, -300.0, 600.0, 600.0));
    // Not done until the layout effect says so: the answers wait for it (a large map's
    // actors are read a task later, see `built`).
    let progress = RwSignal::new(0u32);
    // Whether the layout is done: what the drawing and the answers wait for, not each percent.
    let layout_done = Memo::new(move |_| progress.get() == 100);
    let relayout = RwSignal::new(0u32);
    let relayout_seen = StoredValue::new(0u32);
    let table_open = RwSignal::new(false);
    // The keyboard cursor's node and the node under the mouse.
    let active = RwSignal::new(None::<Id>);
    let hovered = RwSignal::new(None::<Id>);
    let typed = StoredValue::new((String::new(), 0.0f64));
    // The rings and sectors of the sector map (None for the force map).
    let backdrop = RwSignal::new(None::<(Vec<Sector>, Vec<Ring>)>);
    let gesture = StoredValue::new(Gesture::None);
    // The pointers down on the picture, by id, with their screen points: two make a pinch.
    let pointers = StoredValue::new(Vec::<(i32, Point)>::new());
    let release = move |id: i32| pointers.update_value(|p| p.retain(|(down, _)| *down != id));
    let pinch = move || pointers.with_value(|p| (p.len() == 2).then(|| (p[0].1, p[1].1)));
    let generation = StoredValue::new(0u64);
    // The worker computing the layout, if one does.
    let layout_job = StoredValue::new_local(None::<worker::OffThread>);
    // Time from the start of the layout until it was done, for the benchmark.
    let layout_ms = RwSignal::new(0.0f64);

    // The actors shown: the list's filters, then the focus neighbourhood;
    // by name, the order the keyboard cursor walks.
    // A large map's actors are read a task after the view is built: building the view
    // and reading 2,000 actors took the main thread about 50 ms in one task, 5,000 over 60.
    // A small one is read at once: the frame rendered between the two tasks delays the
    // first picture by 20 to 40 ms (2,000 actors from a kept layout: about 70 ms instead of 45).
    // The side panel (legend, answers) is built a task after that, for the same reason:
    // with it, building the view took about 40 ms, on a slow machine over 50. The answers
    // come once the layout settles in any case.
    let side_built = RwSignal::new(false);
    let build_side = move || {
        set_timeout(
            move || {
                side_built.try_set(true);
            },
            std::time::Duration::ZERO,
        )
    };
    let built = RwSignal::new(state.with_region_untracked(|r| r.actors.len() <= READ_AT_ONCE).unwrap_or(true));
    if built.get_untracked() {
        build_side();
    } else {
        set_timeout(
            move || {
                built.try_set(true);
                build_side();
            },
            std::time::Duration::ZERO,
        );
    }
    let nodes = Memo::new(move |_| {
        if !built.get() {
            return Vec::new();
        }
        let q = query.get();
        let focus = focus.get();
        let depth = depth.get();
        state
            .with_region(|r| {
                let near = focus.as_ref().map(|f| neighbourhood(r, f, depth));
                let degrees = degrees(r);
                let kinds: HashMap<&Id, ActorKind> = r.actors.iter().map(|a| (&a.id, a.kind)).collect();
                let matches = q.matcher(r);
                actors_by_name(r, |a| match &near {
                    Some(near) => near.contains(&a.id),
                    None => matches(a),
                })
                .into_iter()
                .filter_map(|(id, name)| {
                    let kind = *kinds.get(&id)?;
                    let degree = degrees.get(&id).copied().unwrap_or(0);
                    Some(Node { id, name, kind, degree })
                })
                .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let visible_set = Memo::new(move |_| nodes.with(|ns| ns.iter().map(|n| n.id.clone()).collect::<HashSet<_>>()));
    let edges = Memo::new(move |_| {
        let shown = visible_set.get();
        state
            .with_region(|r| {
                r.relations.iter().filter(|rel| shown.contains(&rel.from) && shown.contains(&rel.to)).cloned().collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    // What changed since the chosen Stichtag; those gone take part in the
    // layout (faint, where they would be) unless a focus view is shown.
    let marks = Memo::new(move |_| {
        let since = state.picture_since.get()?;
        let was = state.with_live_region(|r| r.stichtag(&since).map(|s| s.state.clone())).flatten()?;
        state.with_region(|now| Marks::between(&was, now))
    });
    let ghosts = Memo::new(move |_| {
        let q = query.get();
        state
            .with_region(|r| {
                let matches = q.matcher(r);
                marks.with(|m| match (m, focus.get()) {
                    (Some(m), None) => m
                        .gone_actors
                        .iter()
                        .filter(|a| matches(a))
                        .map(|a| Node { id: a.id.clone(), name: a.name.clone(), kind: a.kind, degree: 0 })
                        .collect(),
                    _ => Vec::new(),
                })
            })
            .unwrap_or_default()
    });
    let ghost_edges = Memo::new(move |_| {
        let mut shown = visible_set.get();
        ghosts.with(|g| shown.extend(g.iter().map(|n| n.id.clone())));
        marks.with(|m| {
            m.iter()
                .flat_map(|m| &m.gone_relations)
                .filter(|r| shown.contains(&r.from) && shown.contains(&r.to))
                .cloned()
                .collect::<Vec<_>>()
        })
    });

    effect(move || {
        if !built.get() {
            return;
        }
        let ids: Vec<Id> = nodes.with(|ns| ghosts.with(|gs| ns.iter().chain(gs).map(|n| n.id.clone()).collect()));
        let links: Vec<_> = edges.get().into_iter().chain(ghost_edges.get()).collect();
        let mode = mode.get();
        let sector_by = sector_by.get();
        let ring = ring_focus.get().map(RingBy::Binding).unwrap_or(RingBy::Relations);
        relayout.track();
        let run = generation.get_value() + 1;
        generation.set_value(run);
        // A layout still running for the picture before ends with its worker.
        layout_job.set_value(None);
        zoom.set(Zoom::HOME);
        match mode {
            Mode::Sectors => {
                let shown: HashSet<Id> = ids.iter().cloned().collect();
                let Some(map) = state.with_region_untracked(|r| sector_map(r, |id| shown.contains(id), sector_by, &ring)) else { return };
                let rim = map.rings.last().map(|r| r.radius + 110.0).unwrap_or(100.0);
                frame.set((-rim, -rim, 2.0 * rim, 2.0 * rim));
                positions.set(map.positions);
                backdrop.set(Some((map.sectors, map.rings)));
                progress.set(100);
            }
            Mode::Force => {
                backdrop.set(None);
                let index: HashMap<&Id, usize> = ids.iter().enumerate().map(|(i, id)| (id, i)).collect();
                let pairs: Vec<(usize, usize)> = links.iter().filter_map(|e| Some((*index.get(&e.from)?, *index.get(&e.to)?))).collect();
                let placed: HashMap<Id, Point> =
                    state.with_region_untracked(|r| r.placed.iter().map(|p| (p.actor.clone(), (p.x, p.y))).collect()).unwrap_or_default();
                let fixed: Vec<Option<Point>> = ids.iter().map(|id| placed.get(id).copied()).collect();
                // The layout kept from the last time this picture settled, unless "Neu anordnen" asks for a new one.
                let key = settled::fingerprint(&ids, &pairs, &fixed);
                let kept = || preferences::read(Preference::SettledLayouts).map(|text| settled::decode(&text)).unwrap_or_default();
                let asked = relayout.get_untracked();
                let again = relayout_seen.get_value() != asked;
                relayout_seen.set_value(asked);
                if let Some(points) = (!again).then(kept).as_deref().and_then(|kept| settled::find(kept, key, ids.len())) {
                    frame.set(view_box(points.iter().copied()));
                    positions.set(by_id(&ids, &points));
                    progress.set(100);
                    layout_ms.set(0.0);
                    return;
                }
                // The layout's start is set up where it runs (in the worker, which sends it
                // at once): on the main thread it took 15 ms at 5,000 actors, and twice.
                progress.set(0);
                layout_ms.set(0.0);
                let started = js_sys::Date::now();
                // The first positions (the start) are always shown.
                let last_shown = std::cell::Cell::new(f64::NEG_INFINITY);
                let nodes_count = ids.len();
                let ids = std::rc::Rc::new(ids);
                // What the layout has so far, from the worker or from frames: small maps move
                // with every step, large ones are redrawn a few times a second.
                let show = move |points: &[Point], percent: u32, done: bool| {
                    if generation.try_get_value() != Some(run) {
                        return;
                    }
                    let now = js_sys::Date::now();
                    if last_shown.get() == f64::NEG_INFINITY && !done {
                        // The start already spans the area the layout settles in, roughly.
                        frame.set(view_box(points.iter().map(|(x, y)| (x * 1.6, y * 1.6))));
                    }
                    if done || ids.len() <= LIVE_LIMIT || now - last_shown.get() > LARGE_MAP_REDRAW_MS {
                        positions.set(by_id(&ids, points));
                        last_shown.set(now);
                    }
                    progress.set(percent);
                    if done {
                        frame.set(view_box(points.iter().copied()));
                        layout_ms.set(js_sys::Date::now() - started);
                        preferences::remember(Preference::SettledLayouts, &settled::encode(&settled::remember(kept(), key, points)));
                    }
                };
                let edges: Vec<u32> = pairs.iter().flat_map(|&(a, b)| [a as u32, b as u32]).collect();
                let placed: Vec<f64> = fixed.iter().flat_map(|p| p.map_or([f64::NAN; 2], |(x, y)| [x, y])).collect();
                let job = [
                    ("kind", JsValue::from_str("layout")),
                    ("nodes", JsValue::from(nodes_count as u32)),
                    ("edges", js_sys::Uint32Array::from(edges.as_slice()).into()),
                    ("placed", js_sys::Float64Array::from(placed.as_slice()).into()),
                ];
                let on_reply = {
                    let show = show.clone();
                    move |reply: JsValue| {
                        let flat = worker::numbers(&reply, "positions");
                        let points: Vec<Point> = flat.chunks_exact(2).map(|p| (p[0], p[1])).collect();
                        let percent = worker::field(&reply, "percent").as_f64().unwrap_or(0.0) as u32;
                        show(&points, percent, worker::field(&reply, "done").is_truthy());
                    }
                };
                let on_main_thread = move || layout_in_frames(generation, run, ForceLayout::new(nodes_count, &pairs, &fixed), show);
                layout_job.set_value(worker::start_or(&job, on_reply, on_main_thread));
            }
        }
    });
    on_cleanup(move || {
        generation.set_value(u64::MAX);
        layout_job.try_set_value(None);
    });

    // Where the picture is on screen now, and where a pointer event is on it.
    let viewport_of = move |element: &web_sys::Element| Viewport {
        frame: frame.get_untracked(),
        size: (element.client_width().max(1) as f64, element.client_height().max(1) as f64),
        zoom: zoom.get_untracked(),
    };
    let viewport = move || surface().map(|element| viewport_of(&element));
    let at_pointer = move |ev: &web_sys::MouseEvent| surface().map(|element| (viewport_of(&element), local_point(&element, ev)));

    // One redraw per animation frame, whatever changed how often in between.
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    // The relations' canvas, below the actors' (see `canvas::draw`).
    let lines_canvas = NodeRef::<leptos::html::Canvas>::new();
    let simplified = RwSignal::new(false);
    let paint_pending = StoredValue::new(false);
    // Each full redraw's number: relations left for later frames are drawn only while it is the last.
    let drawing = StoredValue::new(0u64);
    // Whether every relation has been drawn since the layout was last done.
    let complete = StoredValue::new(false);
    let paint = move || {
        let (Some(element), Some(lines_element), Some(view)) = (canvas.get_untracked(), lines_canvas.get_untracked(), viewport()) else {
            return;
        };
        let hovered = hovered.get_untracked();
        let active = active.get_untracked();
        nodes.with_untracked(|nodes| {
            edges.with_untracked(|edges| {
                positions.with_untracked(|positions| {
                    highlight.with_untracked(|highlight| {
                        let highlight: HashSet<Id> = highlight.iter().cloned().collect();
                        // The sector names (SVG, above the canvas) as the names' obstacles.
                        let avoid: Vec<LabelBox> = backdrop.with_untracked(|b| {
                            b.iter()
                                .flat_map(|(sectors, rings)| {
                                    let outer = rings.last().map_or(0.0, |r| r.radius);
                                    sectors.iter().map(move |s| sector_label_box(s, outer, SECTOR_LABEL_PX, |p| view.screen_point(p)))
                                })
                                .collect()
                        });
                        let highlight = &highlight;
                        // Borrowed, not cloned: this runs in every frame of the layout.
                        marks.with_untracked(|marks| {
                            ghosts.with_untracked(|ghosts| {
                                ghost_edges.with_untracked(|ghost_edges| {
                                    let scene = Scene {
                                        nodes,
                                        edges,
                                        positions,
                                        highlight,
                                        hovered: hovered.as_ref(),
                                        active: active.as_ref(),
                                        marks: marks.as_ref(),
                                        ghosts,
                                        ghost_edges,
                                        moving: !layout_done.get_untracked(),
                                        avoid: &avoid,
                                    };
                                    // Once the layout is done, the first frame draws part of a dense map's
                                    // relations and the next frames the rest; later frames (a hover, a zoom) all.
                                    let room = if scene.moving || complete.get_value() { usize::MAX } else { LINES_PER_FRAME };
                                    let (thin, mut later) = draw(&element, &lines_element, &scene, view, room);
                                    if simplified.get_untracked() != thin {
                                        simplified.set(thin);
                                    }
                                    let run = drawing.get_value() + 1;
                                    drawing.set_value(run);
                                    complete.set_value(!scene.moving && later.is_empty());
                                    let _ = element.set_attribute("data-lines", &later.drawn.to_string());
                                    if !later.is_empty() {
                                        let element = element.clone();
                                        in_frames(drawing, run, move || {
                                            let done = draw_later(&lines_element, &mut later);
                                            let _ = element.set_attribute("data-lines", &later.drawn.to_string());
                                            complete.set_value(done);
                                            done
                                        });
                                    }
                                    // What is drawn, for tests and assistive checks.
                                    let _ = element.set_attribute(
                                        "data-nodes",
                                        &nodes.iter().filter(|n| positions.contains_key(&n.id)).count().to_string(),
                                    );
                                    let _ = element.set_attribute("data-drawn", &edges.len().to_string());
                                    let _ = element.set_attribute(
                                        "data-highlighted",
                                        &nodes.iter().filter(|n| highlight.contains(&n.id)).count().to_string(),
                                    );
                                    let new = marks.as_ref().map_or(0, |m| nodes.iter().filter(|n| m.is_new_actor(&n.id)).count());
                                    let _ = element.set_attribute("data-new", &new.to_string());
                                    let _ = element.set_attribute(
                                        "data-gone",
                                        &ghosts.iter().filter(|n| positions.contains_key(&n.id)).count().to_string(),
                                    );
                                })
                            })
                        })
                    })
                })
            })
        });
    };
    // Redraw when the picture's box changes size: window, side panel, print
    // (not for the notice every observer gets once the canvas is first drawn).
    let resized = RwSignal::new(0u32);
    effect(move || {
        let Some(element) = canvas.get() else { return };
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            if !canvas.get_untracked().zip(viewport()).is_some_and(|(canvas, view)| sized_for(&canvas, view.size)) {
                resized.try_update(|n| *n += 1);
            }
        });
        let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else { return };
        observer.observe(&element);
        let kept = StoredValue::new_local((observer, callback));
        on_cleanup(move || {
            kept.try_with_value(|(observer, _)| observer.disconnect());
        });
    });
    effect(move || {
        (frame.track(), zoom.track(), positions.track(), edges.track(), nodes.track(), highlight.track(), marks.track());
        (hovered.track(), active.track(), resized.track(), layout_done.track());
        if paint_pending.get_value() {
            return;
        }
        paint_pending.set_value(true);
        request_animation_frame(move || {
            if paint_pending.try_set_value(false).is_some() {
                return; // The view was closed meanwhile.
            }
            paint();
        });
    });

    // Picture units per screen pixel: the sector map's labels keep their size on screen.
    let unit = Memo::new(move |_| {
        (frame.track(), zoom.track(), resized.track());
        viewport().map(|v| v.units_per_pixel()).unwrap_or(1.0)
    });

    let place = move |actor: &Id, point: Point| {
        let actor = actor.clone();
        state.edit_region(|r| r.place(&actor, point.0, point.1));
    };
    let move_node = move |actor: &Id, point: Point| {
        positions.update(|p| {
            p.insert(actor.clone(), point);
        })
    };
    // The node under a screen point, if any.
    let node_under = move |view: &Viewport, screen: Point| {
        let point = view.picture_point(screen);
        let tolerance = (view.node_radius() * 1.2).max(HIT_PIXELS * view.units_per_pixel());
        nodes.with_untracked(|ns| {
            positions.with_untracked(|p| {
                node_at(point, ns.iter().enumerate().filter_map(|(i, n)| Some((i, *p.get(&n.id)?))), tolerance).map(|i| ns[i].id.clone())
            })
        })
    };

    // Pointer: drag a node (force map), pan the background, a click opens details.
    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        let Some((view, screen)) = at_pointer(&ev) else { return };
        release(ev.pointer_id());
        pointers.update_value(|p| p.push((ev.pointer_id(), screen)));
        if pointers.with_value(Vec::len) == 2 {
            gesture.set_value(Gesture::Pinch);
            return;
        }
        gesture.set_value(match node_under(&view, screen) {
            Some(actor) => Gesture::Press { actor, start: screen, moved: false },
            None => Gesture::Pan { last: screen, moved: false },
        });
        if let Some(svg) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = svg.set_pointer_capture(ev.pointer_id());
        }
    };
    let on_pointer_move = move |ev: web_sys::PointerEvent| {
        let Some((view, screen)) = at_pointer(&ev) else { return };
        let before = pinch();
        pointers.update_value(|p| p.iter_mut().filter(|(id, _)| *id == ev.pointer_id()).for_each(|(_, at)| *at = screen));
        match gesture.get_value() {
            Gesture::Pinch => {
                if let (Some(before), Some(after)) = (before, pinch()) {
                    zoom.set(view.pinched(before, after));
                }
            }
            Gesture::Press { actor, start, moved } => {
                let far = (screen.0 - start.0).abs() + (screen.1 - start.1).abs() > 3.0;
                if mode.get_untracked() == Mode::Force && (moved || far) {
                    gesture.set_value(Gesture::Press { actor: actor.clone(), start, moved: true });
                    move_node(&actor, view.picture_point(screen));
                }
            }
            Gesture::Pan { last, moved } => {
                if !moved && (screen.0 - last.0).abs() + (screen.1 - last.1).abs() < 3.0 {
                    return;
                }
                zoom.set(view.dragged((screen.0 - last.0, screen.1 - last.1)));
                gesture.set_value(Gesture::Pan { last: screen, moved: true });
            }
            Gesture::None => {
                let over = node_under(&view, screen);
                if hovered.get_untracked() != over {
                    hovered.set(over);
                }
            }
        }
    };
    let on_pointer_up = move |ev: web_sys::PointerEvent| {
        release(ev.pointer_id());
        let Some((view, screen)) = at_pointer(&ev) else { return };
        match gesture.get_value() {
            // The finger still down pans on, without a jump.
            Gesture::Pinch => {
                let rest = pointers.with_value(|p| p.first().map(|(_, at)| *at));
                gesture.set_value(rest.map_or(Gesture::None, |last| Gesture::Pan { last, moved: true }));
                return;
            }
            Gesture::Press { actor, moved: true, .. } => {
                place(&actor, view.picture_point(screen));
                state.announce(t!("network.placed"));
            }
            Gesture::Press { actor, moved: false, .. } => state.open(Panel::Actor(actor)),
            // A click on the background: the relation under the pointer, if any.
            Gesture::Pan { moved: false, .. } => {
                let point = view.picture_point(screen);
                let hit = edges.with_untracked(|list| {
                    positions.with_untracked(|p| {
                        let segments = list.iter().enumerate().filter_map(|(i, e)| Some((i, *p.get(&e.from)?, *p.get(&e.to)?)));
                        edge_at(point, segments, HIT_PIXELS * view.units_per_pixel()).map(|i| list[i].id.clone())
                    })
                });
                if let Some(id) = hit {
                    state.open(Panel::RelationForm { editing: Some(id), from: None });
                }
            }
            _ => {}
        }
        gesture.set_value(Gesture::None);
    };
    // Zoom around a screen point of the picture, or its middle.
    let zoom_around = move |view: Viewport, factor: f64, screen: Option<Point>| {
        let screen = screen.unwrap_or((view.size.0 / 2.0, view.size.1 / 2.0));
        zoom.set(view.zoom.zoomed(factor, view.frame_point(screen)));
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let Some((view, screen)) = at_pointer(&ev) else { return };
        zoom_around(view, if ev.delta_y() < 0.0 { 1.15 } else { 1.0 / 1.15 }, Some(screen));
    };
    let on_map_key = move |ev: web_sys::KeyboardEvent| {
        let Some(view) = viewport() else { return };
        match ev.key().as_str() {
            "+" | "=" => zoom_around(view, 1.25, None),
            "-" => zoom_around(view, 0.8, None),
            "0" => zoom.set(Zoom::HOME),
            key => match arrow_delta(key) {
                // The arrow moves the view, so the picture moves the other way.
                Some((dx, dy)) => zoom.set(view.dragged((-dx * view.size.0 / 20.0, -dy * view.size.1 / 20.0))),
                None => return,
            },
        }
        ev.prevent_default();
    };

    // The keyboard cursor: one focusable element that walks the nodes.
    let cursor = Memo::new(move |_| {
        let chosen = active.get();
        nodes.with(|ns| ns.iter().find(|n| Some(&n.id) == chosen.as_ref()).or_else(|| ns.first()).cloned())
    });
    let go_to = move |id: Id| {
        let Some(node) = nodes.with_untracked(|ns| ns.iter().find(|n| n.id == id).cloned()) else { return };
        // Bring it into view if it is off screen.
        if let (Some(view), Some(p)) = (viewport(), positions.with_untracked(|p| p.get(&id).copied())) {
            if !view.shows(p, -2.0 * NODE_RADIUS) {
                zoom.set(view.centred_on(p));
            }
        }
        active.set(Some(id));
        state.announce(&tr!("network.announce_node", name = node.name, kind = node.kind.label(), n = node.degree));
    };
    let on_cursor_key = move |ev: web_sys::KeyboardEvent| {
        let Some(current) = cursor.get_untracked() else { return };
        let key = ev.key();
        let now = js_sys::Date::now();
        let (buffer, last) = typed.get_value();
        let typing = !buffer.is_empty() && now - last < TYPE_AHEAD_MS;
        let is_letter = key.chars().count() == 1
            && !ev.ctrl_key()
            && !ev.alt_key()
            && !ev.meta_key()
            && (typing || key.chars().all(char::is_alphabetic));
        if !is_letter {
            typed.set_value((String::new(), 0.0));
        }
        let mut handled = true;
        if key == "Enter" || (key == " " && !typing) {
            state.open(Panel::Actor(current.id.clone()));
        } else if let Some(delta) = arrow_delta(&key) {
            if ev.shift_key() {
                if mode.get_untracked() == Mode::Force {
                    let Some(at) = positions.with_untracked(|p| p.get(&current.id).copied()) else { return };
                    let point = (at.0 + delta.0 * 20.0, at.1 + delta.1 * 20.0);
                    move_node(&current.id, point);
                    place(&current.id, point);
                }
            } else {
                let next = nodes.with_untracked(|ns| {
                    let i = ns.iter().position(|n| n.id == current.id)?;
                    let j = if delta.0 + delta.1 > 0.0 { (i + 1) % ns.len() } else { (i + ns.len() - 1) % ns.len() };
                    Some(ns[j].id.clone())
                });
                if let Some(next) = next {
                    go_to(next);
                }
            }
        } else if key == "Home" || key == "End" {
            let end = nodes.with_untracked(|ns| if key == "Home" { ns.first() } else { ns.last() }.map(|n| n.id.clone()));
            if let Some(id) = end {
                go_to(id);
            }
        } else if is_letter {
            // Type-ahead: the next actor whose name starts with what was typed.
            let buffer = if typing { buffer + &key } else { key };
            let found = nodes.with_untracked(|ns| {
                let names: Vec<String> = ns.iter().map(|n| n.name.clone()).collect();
                let i = ns.iter().position(|n| n.id == current.id).unwrap_or(0);
                next_by_prefix(&names, i, &buffer, typing).map(|j| ns[j].id.clone())
            });
            typed.set_value((buffer, now));
            if let Some(id) = found {
                go_to(id);
            }
        } else {
            handled = false;
        }
        if handled {
            ev.prevent_default();
            ev.stop_propagation();
        }
    };

    let rearrange = move |_| {
        state.edit_region(|r| r.placed.clear());
        relayout.update(|n| *n += 1);
        state.announce(t!("network.rearranged"));
    };
    let title = move || state.with_region_untracked(|r| r.name.clone()).unwrap_or_default();
    let picture = PictureExport { visible: visible_set, edges, positions, backdrop };
    let save_svg = move |_| picture.save_svg(state);
    let save_png = move |_| picture.save_png(state);
    let print_image = RwSignal::new(None::<String>);
    let print = move |_| picture.print(state, print_image);
    let reading = Reading::start(state, layout_done);
    // Hover: name, kind and number of relations above the node.
    let tooltip = move || {
        let id = hovered.get()?;
        let node = nodes.with(|ns| ns.iter().find(|n| n.id == id).cloned())?;
        let at = positions.with(|p| p.get(&id).copied())?;
        (frame.track(), zoom.track());
        let view = viewport()?;
        let (x, y) = view.screen_point(at);
        let above = y - view.node_radius() / view.units_per_pixel() - 6.0;
        Some((tr!("network.tooltip", name = node.name, kind = node.kind.label(), n = node.degree), x, above))
    };
    let cursor_transform = move || {
        let id = cursor.get()?.id;
        positions.with(|p| p.get(&id).map(|(x, y)| format!("translate({} {})", svg_number(*x), svg_number(*y))))
    };

    // Opened beside its controls (a wide screen), the picture is sized to fill the screen below
    // the header: bring it there, so the whole picture shows without scrolling.
    request_animation_frame(|| {
        let find = |selector: &str| document().query_selector(selector).ok().flatten();
        let (Some(section), Some(controls), Some(picture)) = (find(".network-view"), find(".network-controls"), find(".network-canvas"))
        else {
            return;
        };
        if controls.get_bounding_client_rect().left() > picture.get_bounding_client_rect().left() {
            crate::app::shell::header::scroll_below_header(&section);
        }
    });
    view! {
        <section class="network-view" aria-labelledby="network-title">
            <div class="list-head">
                <h2 id="network-title">{live!("tabs.network")}</h2>
                <div class="button-row no-print">
                    <button type="button" on:click=rearrange disabled=move || mode.get() == Mode::Sectors>{live!("network.rearrange")}</button>
                    <button type="button" on:click=save_svg>{live!("network.save_svg")}</button>
                    <button type="button" on:click=save_png>{live!("network.save_png")}</button>
                    <button type="button" on:click=print>{live!("print.print")}</button>
                </div>
            </div>
            <p class="result-count" aria-live="polite" data-testid="network-count">
                {move || tr!("network.count", actors = count(key!("count.actors"), nodes.with(Vec::len)), relations = count(key!("count.relations"), edges.with(Vec::len)))}
                {move || (progress.get() < 100).then(|| format!(" · {}", tr!("network.arranging", percent = progress.get())))}
            </p>
            {move || print_image.get().map(|url| view! {
                <img class="print-only network-print" src=url alt=tr!("network.print_alt", name = title()) />
            })}
            {move || state.with_region(|r| r.actors.is_empty()).unwrap_or(false).then(|| view! {
                <div class="empty" data-testid="network-empty">
                    <p>{live!("network.empty")}</p>
                    <button type="button" on:click=move |_| state.view.set(crate::route::View::Actors)>{live!("network.empty_go")}</button>
                </div>
            })}
            {move || (simplified.get()).then(|| view! {
                <p class="hint no-print" data-testid="lines-simplified">
                    {live!("network.lines_simplified")}
                </p>
            })}
            <p id="network-keys" class="visually-hidden">
                {live!("network.keys")}
            </p>
            // Wide screens: the controls in a column beside the picture, so the picture fills the
            // screen; narrow ones: above it. In reading order, the controls come first.
            <div class="network-layout">
                <div class="network-controls no-print">
                    <ChoiceControls choices=choices />
                </div>
                <div
                    class="network-canvas"
                    tabindex="0"
                    role="group"
                    aria-label=live!("network.canvas_label")
                    on:keydown=on_map_key
                >
                    <svg
                        class="network-svg"
                        class:over-node=move || hovered.get().is_some()
                        data-testid="network-svg"
                        viewBox=move || { let (x, y, w, h) = frame.get(); format!("{} {} {} {}", svg_number(x), svg_number(y), svg_number(w), svg_number(h)) }
                        on:pointerdown=on_pointer_down
                        on:pointermove=on_pointer_move
                        on:pointerup=on_pointer_up
                        on:pointercancel=move |ev: web_sys::PointerEvent| {
                            release(ev.pointer_id());
                            gesture.set_value(Gesture::None);
                        }
                        on:pointerleave=move |_| hovered.set(None)
                        on:wheel=on_wheel
                    >
                        <g class="network-zoom" transform=move || { let z = zoom.get(); format!("translate({} {}) scale({})", svg_number(z.shift.0), svg_number(z.shift.1), z.scale) }>
                            {move || backdrop.get().map(|(sectors, rings)| {
                                let outer = rings.last().map(|r| r.radius).unwrap_or(0.0);
                                view! {
                                    <g class="sector-backdrop" aria-hidden="true">
                                        {rings.iter().map(|r| view! {
                                            <circle r=r.radius></circle>
                                            <text class="ring-label" x="4" y=svg_number(-r.radius + 14.0) style:font-size=move || format!("{}px", Fixed(11.0 * unit.get(), 2))>{r.label.clone()}</text>
                                        }).collect_view()}
                                        {sectors.iter().map(|s| {
                                            let (x, y) = rim_point(s.start, outer);
                                            let (lx, ly, anchor) = sector_label_at(s, outer);
                                            view! {
                                                <line x1="0" y1="0" x2=svg_number(x) y2=svg_number(y)></line>
                                                <text class="sector-label" x=svg_number(lx) y=svg_number(ly) text-anchor=anchor style:font-size=move || format!("{}px", Fixed(SECTOR_LABEL_PX * unit.get(), 2))>{s.label.clone()}</text>
                                            }
                                        }).collect_view()}
                                    </g>
                                }
                            })}
                            // One element for all nodes: the keyboard walks it from node to node.
                            <g
                                class="node-cursor"
                                tabindex="0"
                                role="button"
                                style:display=move || if cursor.with(Option::is_none) { "none" } else { "inline" }
                                data-id=move || cursor.with(|c| c.as_ref().map(|n| n.id.0.clone()))
                                aria-label=move || cursor.with(|c| c.as_ref().map(|n| tr!("network.cursor_label", name = n.name, kind = n.kind.label(), n = n.degree)))
                                aria-describedby="network-keys"
                                transform=cursor_transform
                                on:keydown=on_cursor_key
                                on:focus=move |_| if active.get_untracked().is_none() {
                                    if let Some(n) = cursor.get_untracked() {
                                        active.set(Some(n.id));
                                    }
                                }
                            >
                                <circle class="halo" r=move || svg_number((NODE_RADIUS + 6.0) * unit.get().min(1.0))></circle>
                            </g>
                        </g>
                    </svg>
                    {move || tooltip().map(|(text, x, y)| view! {
                        <div class="picture-tooltip" role="tooltip" style:left=format!("{}px", Fixed(x, 0)) style:top=format!("{}px", Fixed(y, 0))>{text}</div>
                    })}
                    <canvas class="picture-canvas" node_ref=lines_canvas aria-hidden="true"></canvas>
                    <canvas
                        class="picture-canvas"
                        node_ref=canvas
                        aria-hidden="true"
                        data-testid="picture-canvas"
                        data-layout-ms=move || layout_done.get().then(|| layout_ms.get().round().to_string())
                        data-metrics-ms=move || reading.centrality.with(Option::is_some).then(|| reading.metrics_ms.get().round().to_string())
                    ></canvas>
                </div>
                <aside class="network-side no-print" aria-label=live!("network.read_label")>
                    {move || side_built.get().then(|| view! {
                        <Legend />
                        <ChangeLegend marks=marks in_sectors=Signal::derive(move || mode.get() == Mode::Sectors) />
                        <h3>{live!("network.read_title")}</h3>
                        <p class="hint">{live!("network.read_hint")}</p>
                        <Findings findings=reading.findings highlight=highlight />
                    })}
                </aside>
            </div>
            <div class="no-print">
                <button type="button" aria-expanded=move || table_open.get().to_string() on:click=move |_| table_open.update(|o| *o = !*o)>
                    {move || tr!("network.table_toggle", n = edges.with(|e| e.len()))}
                </button>
                // Built only when asked for: a large map has thousands of rows.
                {move || (table_open.get()).then(|| view! {
                    <RelationTable edges=edges />
                })}
            </div>
        </section>
    }
}
