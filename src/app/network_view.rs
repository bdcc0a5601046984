//! The network picture: a force-directed map or a sector map of the
//! region's actors and relations, with the list's filters, a focus view,
//! pan and zoom (mouse, touchpad, keyboard), placing nodes by drag or
//! keyboard, a legend, the reading panel, a table as the accessible
//! alternative, and export as SVG, PNG and print.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::actors::ActorFilters;
use super::browser::{download_text, today};
use super::edge_canvas::{draw, Transform};
use super::state::{use_state, Panel};
use crate::domain::layout::{ForceLayout, Point};
use crate::domain::metrics::{degrees, neighbourhood};
use crate::domain::picture::{edge_at, line_style, relation_color, rim_point, sector_label_at, shape_path, svg_document, view_box, Family, NODE_RADIUS};
use crate::domain::query::actors_by_name;
use crate::domain::reading::read_network;
use crate::domain::sectors::{sector_map, Ring, RingBy, Sector, SectorBy};
use crate::domain::text::file_stem;
use crate::domain::{Binding, Id, RelationKind};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Force,
    Sectors,
}

/// Up to this many actors the picture moves with every layout frame.
const LIVE_LIMIT: usize = 400;

/// Above this many visible actors, names show only when zoomed in, on hover and on focus.
const LABEL_LIMIT: usize = 60;

/// Pan and zoom of the picture: picture point p is drawn at `shift + scale * p`.
#[derive(Clone, Copy, PartialEq)]
struct View {
    scale: f64,
    shift: Point,
}

const HOME: View = View { scale: 1.0, shift: (0.0, 0.0) };

/// What a pointer is doing on the picture.
#[derive(Clone, PartialEq)]
enum Gesture {
    None,
    Pan { last: Point, moved: bool },
    Drag { actor: Id, start: Point, moved: bool },
}

/// The point under the pointer in the coordinates of the zoomed group.
fn picture_point(ev: &web_sys::PointerEvent) -> Option<Point> {
    let document = web_sys::window()?.document()?;
    let group: web_sys::SvgGraphicsElement = document.query_selector(".network-zoom").ok()??.dyn_into().ok()?;
    let m = group.get_screen_ctm()?.inverse().ok()?;
    let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
    Some((m.a() as f64 * x + m.c() as f64 * y + m.e() as f64, m.b() as f64 * x + m.d() as f64 * y + m.f() as f64))
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

fn svg_number(v: f64) -> String {
    format!("{:.1}", v)
}

#[component]
pub fn NetworkView() -> impl IntoView {
    let state = use_state();
    let query = state.actor_query;
    let mode = RwSignal::new(Mode::Force);
    let sector_by = RwSignal::new(SectorBy::Rechtskreis);
    let ring_focus = RwSignal::new(None::<Id>);
    let focus = RwSignal::new(None::<Id>);
    let depth = RwSignal::new(1usize);
    let highlight = RwSignal::new(Vec::<Id>::new());
    let view_state = RwSignal::new(HOME);
    let positions = RwSignal::new(HashMap::<Id, Point>::new());
    let frame = RwSignal::new((-300.0, -300.0, 600.0, 600.0));
    let progress = RwSignal::new(100u32);
    let relayout = RwSignal::new(0u32);
    let table_open = RwSignal::new(false);
    // The rings and sectors of the sector map (None for the force map).
    let backdrop = RwSignal::new(None::<(Vec<Sector>, Vec<Ring>)>);
    let gesture = StoredValue::new(Gesture::None);
    let layout = StoredValue::new(None::<(Vec<Id>, ForceLayout)>);
    let generation = StoredValue::new(0u64);

    // The actors shown: the list's filters, then the focus neighbourhood.
    let visible = Memo::new(move |_| {
        let q = query.get();
        let focus = focus.get();
        let depth = depth.get();
        state
            .with_region(|r| {
                let near = focus.as_ref().map(|f| neighbourhood(r, f, depth));
                r.actors
                    .iter()
                    .filter(|a| match &near {
                        Some(near) => near.contains(&a.id),
                        None => q.matches(a),
                    })
                    .map(|a| a.id.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let visible_set = Memo::new(move |_| visible.get().into_iter().collect::<HashSet<_>>());
    let edges = Memo::new(move |_| {
        let shown = visible_set.get();
        state
            .with_region(|r| {
                r.relations
                    .iter()
                    .filter(|rel| shown.contains(&rel.from) && shown.contains(&rel.to))
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });

    // Runs the force layout a few milliseconds per animation frame.
    fn animate(
        layout: StoredValue<Option<(Vec<Id>, ForceLayout)>>,
        generation: StoredValue<u64>,
        run: u64,
        positions: RwSignal<HashMap<Id, Point>>,
        progress: RwSignal<u32>,
        frame: RwSignal<(f64, f64, f64, f64)>,
    ) {
        request_animation_frame(move || {
            if generation.get_value() != run {
                return;
            }
            let started = js_sys::Date::now();
            let mut done = false;
            layout.update_value(|l| {
                if let Some((ids, layout)) = l {
                    while !done && js_sys::Date::now() - started < 12.0 {
                        done = layout.advance(2);
                    }
                    // Large maps are drawn once settled (the progress shows meanwhile):
                    // redrawing thousands of nodes each frame costs more than the layout.
                    if done || ids.len() <= LIVE_LIMIT {
                        positions.set(ids.iter().cloned().zip(layout.positions().iter().copied()).collect());
                    }
                    progress.set(layout.percent());
                }
            });
            if done {
                frame.set(view_box(positions.get_untracked().into_values()));
                progress.set(100);
            } else {
                animate(layout, generation, run, positions, progress, frame);
            }
        });
    }

    Effect::new(move |_| {
        let ids = visible.get();
        let links = edges.get();
        let mode = mode.get();
        let sector_by = sector_by.get();
        let ring = ring_focus.get().map(RingBy::Binding).unwrap_or(RingBy::Relations);
        relayout.track();
        let run = generation.get_value() + 1;
        generation.set_value(run);
        view_state.set(HOME);
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
                let pairs: Vec<(usize, usize)> =
                    links.iter().filter_map(|e| Some((*index.get(&e.from)?, *index.get(&e.to)?))).collect();
                let placed: HashMap<Id, Point> = state
                    .with_region_untracked(|r| r.placed.iter().map(|p| (p.actor.clone(), (p.x, p.y))).collect())
                    .unwrap_or_default();
                let fixed: Vec<Option<Point>> = ids.iter().map(|id| placed.get(id).copied()).collect();
                let force = ForceLayout::new(ids.len(), &pairs, &fixed);
                // The spiral start already spans the area the layout settles in, roughly.
                frame.set(view_box(force.positions().iter().map(|(x, y)| (x * 1.6, y * 1.6))));
                layout.set_value(Some((ids, force)));
                progress.set(0);
                animate(layout, generation, run, positions, progress, frame);
            }
        }
    });
    on_cleanup(move || generation.set_value(u64::MAX));

    // The relations on the canvas follow positions, pan, zoom and the window size.
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let resized = RwSignal::new(0u32);
    let resize = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || resize.remove());
    Effect::new(move |_| {
        resized.track();
        let transform = Transform { frame: frame.get(), scale: view_state.get().scale, shift: view_state.get().shift };
        let Some(element) = canvas.get() else { return };
        edges.with(|list| positions.with(|p| draw(&element, list, p, transform)));
        let _ = element.set_attribute("data-drawn", &edges.with(|e| e.len()).to_string());
    });

    let place = move |actor: &Id, point: Point| {
        let actor = actor.clone();
        state.edit_region(|r| r.place(&actor, point.0, point.1));
    };
    let move_node = move |actor: &Id, point: Point| positions.update(|p| {
        p.insert(actor.clone(), point);
    });

    // Pointer: drag a node (force map), pan the background, click opens details.
    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        let Some(point) = picture_point(&ev) else { return };
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let node = target.as_ref().and_then(|t| t.closest(".node").ok().flatten()).and_then(|n| n.get_attribute("data-id"));
        gesture.set_value(match node {
            Some(id) if mode.get_untracked() == Mode::Force => Gesture::Drag { actor: Id(id), start: point, moved: false },
            Some(_) => Gesture::None,
            None => Gesture::Pan { last: (ev.client_x() as f64, ev.client_y() as f64), moved: false },
        });
        if let Some(svg) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = svg.set_pointer_capture(ev.pointer_id());
        }
    };
    let on_pointer_move = move |ev: web_sys::PointerEvent| match gesture.get_value() {
        Gesture::Drag { actor, start, moved } => {
            let Some(point) = picture_point(&ev) else { return };
            let far = (point.0 - start.0).abs() + (point.1 - start.1).abs() > 3.0;
            if moved || far {
                gesture.set_value(Gesture::Drag { actor: actor.clone(), start, moved: true });
                move_node(&actor, point);
            }
        }
        Gesture::Pan { last, moved } => {
            let now = (ev.client_x() as f64, ev.client_y() as f64);
            if !moved && (now.0 - last.0).abs() + (now.1 - last.1).abs() < 3.0 {
                return;
            }
            // Screen pixels to picture units: the SVG scales its view box to its width.
            let ratio = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector(".network-svg").ok().flatten())
                .map(|svg| frame.get_untracked().2 / (svg.client_width().max(1) as f64))
                .unwrap_or(1.0);
            view_state.update(|v| v.shift = (v.shift.0 + (now.0 - last.0) * ratio, v.shift.1 + (now.1 - last.1) * ratio));
            gesture.set_value(Gesture::Pan { last: now, moved: true });
        }
        Gesture::None => {}
    };
    let on_pointer_up = move |ev: web_sys::PointerEvent| {
        match gesture.get_value() {
            Gesture::Drag { actor, moved: true, .. } => {
                if let Some(point) = picture_point(&ev) {
                    place(&actor, point);
                    state.announce("Akteur platziert");
                }
            }
            Gesture::Drag { actor, moved: false, .. } => state.open(Panel::Actor(actor)),
            // A click on the background: the relation under the pointer, if any.
            Gesture::Pan { moved: false, .. } => {
                let Some(point) = picture_point(&ev) else { return };
                let hit = edges.with_untracked(|list| {
                    positions.with_untracked(|p| {
                        let segments = list.iter().enumerate().filter_map(|(i, e)| {
                            let (a, b) = (p.get(&e.from)?, p.get(&e.to)?);
                            Some((i, *a, *b))
                        });
                        edge_at(point, segments, 6.0 / view_state.get_untracked().scale).map(|i| list[i].id.clone())
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
    let zoom_by = move |factor: f64, around: Point| {
        view_state.update(|v| {
            let scale = (v.scale * factor).clamp(0.2, 8.0);
            let k = scale / v.scale;
            v.shift = (around.0 - k * (around.0 - v.shift.0), around.1 - k * (around.1 - v.shift.1));
            v.scale = scale;
        });
    };
    let centre = move || {
        let (x, y, w, h) = frame.get_untracked();
        (x + w / 2.0, y + h / 2.0)
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let factor = if ev.delta_y() < 0.0 { 1.15 } else { 1.0 / 1.15 };
        // Zoom around the pointer: its point in view-box units.
        let svg: Option<web_sys::SvgGraphicsElement> = ev.current_target().and_then(|t| t.dyn_into().ok());
        let around = svg
            .and_then(|svg| svg.get_screen_ctm())
            .and_then(|m| m.inverse().ok())
            .map(|m| {
                let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
                (m.a() as f64 * x + m.c() as f64 * y + m.e() as f64, m.b() as f64 * x + m.d() as f64 * y + m.f() as f64)
            })
            .unwrap_or_else(centre);
        zoom_by(factor, around);
    };
    let on_map_key = move |ev: web_sys::KeyboardEvent| {
        let step = frame.get_untracked().2 / 20.0;
        match ev.key().as_str() {
            "+" | "=" => zoom_by(1.25, centre()),
            "-" => zoom_by(0.8, centre()),
            "0" => view_state.set(HOME),
            key => match arrow_delta(key) {
                // The arrow moves the view, so the picture moves the other way.
                Some((dx, dy)) => view_state.update(|v| v.shift = (v.shift.0 - dx * step, v.shift.1 - dy * step)),
                None => return,
            },
        }
        ev.prevent_default();
    };
    // On a node: Enter opens it, arrows go to the next node, Shift+arrows move it.
    let on_node_key = move |ev: web_sys::KeyboardEvent, actor: Id| {
        let key = ev.key();
        if key == "Enter" || key == " " {
            ev.prevent_default();
            ev.stop_propagation();
            state.open(Panel::Actor(actor));
            return;
        }
        let Some(delta) = arrow_delta(&key) else { return };
        ev.prevent_default();
        ev.stop_propagation();
        if ev.shift_key() && mode.get_untracked() == Mode::Force {
            let Some(at) = positions.with_untracked(|p| p.get(&actor).copied()) else { return };
            let point = (at.0 + delta.0 * 20.0, at.1 + delta.1 * 20.0);
            move_node(&actor, point);
            place(&actor, point);
            return;
        }
        let order = visible.get_untracked();
        let Some(i) = order.iter().position(|id| id == &actor) else { return };
        let next = if delta.0 + delta.1 > 0.0 { (i + 1) % order.len() } else { (i + order.len() - 1) % order.len() };
        let selector = format!(".node[data-index=\"{next}\"]");
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
        {
            let _ = el.focus();
        }
    };

    let rearrange = move |_| {
        state.edit_region(|r| r.placed.clear());
        relayout.update(|n| *n += 1);
        state.announce("Netzwerkbild neu angeordnet");
    };
    let title = move || state.with_region_untracked(|r| r.name.clone()).unwrap_or_default();
    let export_svg = move || {
        let shown = visible_set.get_untracked();
        state.with_region_untracked(|r| {
            // Just what the picture shows.
            let region = crate::domain::Region {
                actors: r.actors.iter().filter(|a| shown.contains(&a.id)).cloned().collect(),
                relations: edges.get_untracked(),
                ..r.clone()
            };
            let backdrop = backdrop.get_untracked();
            let sectors = backdrop.as_ref().map(|(s, r)| (s.as_slice(), r.as_slice()));
            svg_document(&region, &positions.get_untracked(), &format!("Netzwerkbild {}", r.name), sectors)
        })
    };
    let save_svg = move |_| {
        let Some(svg) = export_svg() else { return };
        let name = format!("netzwerkatlas-{}-netzwerkbild-{}.svg", file_stem(&title()), today());
        if download_text(&name, "image/svg+xml", &svg).is_ok() {
            state.announce(&format!("Datei {name} gespeichert"));
        }
    };
    let save_png = move |_| {
        let Some(svg) = export_svg() else { return };
        let name = format!("netzwerkatlas-{}-netzwerkbild-{}.png", file_stem(&title()), today());
        super::browser::download_svg_as_png(&svg, &name);
    };
    // Printing uses the standalone SVG (title, picture, legend) as an image,
    // so the page looks like the exported file whatever the screen size was.
    let print_image = RwSignal::new(None::<String>);
    let print = move |_| {
        let Some(svg) = export_svg() else { return };
        let Ok(url) = super::browser::object_url(&svg, "image/svg+xml") else { return };
        if let Some(old) = print_image.get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        print_image.set(Some(url));
        request_animation_frame(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        });
    };

    let labels_hidden = move || visible.with(|v| v.len()) > LABEL_LIMIT && view_state.get().scale < 1.6;
    let actor_choices = Memo::new(move |_| state.with_region(|r| actors_by_name(r, |_| true)).unwrap_or_default());
    let findings = Memo::new(move |_| state.with_region(read_network).unwrap_or_default());
    let is_highlighted = move |id: &Id| highlight.with(|h| h.contains(id));

    let nodes = move || {
        let shown = visible.get();
        state
            .with_region(|r| {
                let actors: HashMap<&Id, &crate::domain::Actor> = r.actors.iter().map(|a| (&a.id, a)).collect();
                let degrees = degrees(r);
                shown
                    .iter()
                    .enumerate()
                    .filter_map(|(index, id)| {
                        let actor = actors.get(id)?;
                        Some((index, id.clone(), actor.name.clone(), actor.kind, degrees.get(id).copied().unwrap_or(0)))
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };

    view! {
        <section class="network-view" aria-labelledby="network-title">
            <div class="list-head">
                <h2 id="network-title">"Netzwerkbild"</h2>
                <div class="button-row no-print">
                    <button type="button" on:click=rearrange disabled=move || mode.get() == Mode::Sectors>"Neu anordnen"</button>
                    <button type="button" on:click=save_svg>"SVG speichern"</button>
                    <button type="button" on:click=save_png>"PNG speichern"</button>
                    <button type="button" on:click=print>"Drucken"</button>
                </div>
            </div>
            <div class="no-print">
                <ActorFilters>
                    <div class="field">
                        <label for="network-mode">"Darstellung"</label>
                        <select id="network-mode" on:change=move |ev| mode.set(if event_target_value(&ev) == "sectors" { Mode::Sectors } else { Mode::Force })>
                            <option value="force" selected=move || mode.get() == Mode::Force>"Kräftebild"</option>
                            <option value="sectors" selected=move || mode.get() == Mode::Sectors>"Sektorenkarte"</option>
                        </select>
                    </div>
                </ActorFilters>
                <div class="filters">
                    <div class="field">
                        <label for="network-focus">"Fokus auf Akteur"</label>
                        <select id="network-focus" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            focus.set((!v.is_empty()).then(|| Id(v)));
                        }>
                            <option value="" selected=move || focus.get().is_none()>"– ganzes Netzwerk –"</option>
                            // Static `selected`: only this select changes the focus (thousands of options).
                            {move || actor_choices.get().into_iter().map(|(id, name)| {
                                let selected = focus.get_untracked().as_ref() == Some(&id);
                                view! { <option value=id.0 selected=selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <fieldset class="inline" disabled=move || focus.get().is_none()>
                        <legend>"Nachbarn bis"</legend>
                        <label class="radio"><input type="radio" name="network-depth" prop:checked=move || depth.get() == 1 on:change=move |_| depth.set(1) />"Stufe 1"</label>
                        <label class="radio"><input type="radio" name="network-depth" prop:checked=move || depth.get() == 2 on:change=move |_| depth.set(2) />"Stufe 2"</label>
                    </fieldset>
                    <Show when=move || mode.get() == Mode::Sectors>
                        <div class="field">
                            <label for="network-sectors">"Sektoren nach"</label>
                            <select id="network-sectors" on:change=move |ev| sector_by.set(SectorBy::from_key(&event_target_value(&ev)))>
                                {SectorBy::ALL.into_iter().map(|s| view! { <option value=s.key() selected=move || sector_by.get() == s>{s.label()}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="network-rings">"Ringe nach"</label>
                            <select id="network-rings" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                ring_focus.set((!v.is_empty()).then(|| Id(v)));
                            }>
                                <option value="" selected=move || ring_focus.get().is_none()>"Anzahl Beziehungen"</option>
                                {move || actor_choices.get().into_iter().map(|(id, name)| {
                                    let selected = ring_focus.get_untracked().as_ref() == Some(&id);
                                    view! { <option value=id.0 selected=selected>{format!("Verbindlichkeit zu {name}")}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    </Show>
                </div>
            </div>
            <p class="result-count" aria-live="polite" data-testid="network-count">
                {move || format!("{} Akteure, {} Beziehungen im Bild", visible.with(|v| v.len()), edges.with(|e| e.len()))}
                {move || (progress.get() < 100).then(|| format!(" · wird angeordnet: {} %", progress.get()))}
            </p>
            {move || print_image.get().map(|url| view! {
                <img class="print-only network-print" src=url alt=format!("Netzwerkbild {} mit Legende", title()) />
            })}
            <div class="network-layout">
                <div
                    class="network-canvas"
                    tabindex="0"
                    role="group"
                    aria-label="Kartenausschnitt: Pfeiltasten verschieben, Plus und Minus zoomen, 0 zeigt alles. Mit Tab zu den Akteuren; dort Pfeiltasten zum nächsten Akteur, Umschalt+Pfeiltasten verschieben ihn, Eingabe öffnet ihn."
                    on:keydown=on_map_key
                >
                    <canvas class="edge-canvas" node_ref=canvas aria-hidden="true" data-testid="edge-canvas"></canvas>
                    <svg
                        class="network-svg"
                        class:labels-hidden=labels_hidden
                        data-testid="network-svg"
                        viewBox=move || { let (x, y, w, h) = frame.get(); format!("{} {} {} {}", svg_number(x), svg_number(y), svg_number(w), svg_number(h)) }
                        on:pointerdown=on_pointer_down
                        on:pointermove=on_pointer_move
                        on:pointerup=on_pointer_up
                        on:wheel=on_wheel
                    >
                        <defs>
                            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
                                <path d="M0,0L10,5L0,10Z" fill="#37474f"></path>
                            </marker>
                        </defs>
                        <g class="network-zoom" transform=move || { let v = view_state.get(); format!("translate({} {}) scale({})", svg_number(v.shift.0), svg_number(v.shift.1), v.scale) }>
                            {move || backdrop.get().map(|(sectors, rings)| {
                                let outer = rings.last().map(|r| r.radius).unwrap_or(0.0);
                                view! {
                                    <g class="sector-backdrop" aria-hidden="true">
                                        {rings.iter().map(|r| view! {
                                            <circle r=r.radius></circle>
                                            <text class="ring-label" x="4" y=svg_number(-r.radius + 14.0)>{r.label.clone()}</text>
                                        }).collect_view()}
                                        {sectors.iter().map(|s| {
                                            let (x, y) = rim_point(s.start, outer);
                                            let (lx, ly, anchor) = sector_label_at(s, outer);
                                            view! {
                                                <line x1="0" y1="0" x2=svg_number(x) y2=svg_number(y)></line>
                                                <text class="sector-label" x=svg_number(lx) y=svg_number(ly) text-anchor=anchor>{s.label.clone()}</text>
                                            }
                                        }).collect_view()}
                                    </g>
                                }
                            })}
                            <For each=nodes key=|n| (n.0, n.1.clone()) let:node>
                                {
                                    let (index, id, name, kind, degree) = node;
                                    let family = Family::of(kind);
                                    let key_id = id.clone();
                                    let at_id = id.clone();
                                    let lit = id.clone();
                                    let transform = move || positions.with(|p| p.get(&at_id).map(|(x, y)| format!("translate({} {})", svg_number(*x), svg_number(*y))));
                                    let label = format!("{name}, {}, {degree} Beziehungen", kind.label());
                                    view! {
                                        <g
                                            class="node"
                                            class:highlight=move || is_highlighted(&lit)
                                            data-id=id.0.clone()
                                            data-index=index
                                            tabindex="0"
                                            role="button"
                                            aria-label=label
                                            transform=transform
                                            on:keydown=move |ev| on_node_key(ev, key_id.clone())
                                        >
                                            <title>{format!("{name} – {}", kind.label())}</title>
                                            <circle class="halo" r=NODE_RADIUS + 6.0></circle>
                                            <path d=shape_path(family.shape(), NODE_RADIUS) fill=family.color() stroke="#ffffff" stroke-width="1.5"></path>
                                            <text y=NODE_RADIUS + 14.0 text-anchor="middle">{name}</text>
                                        </g>
                                    }
                                }
                            </For>
                        </g>
                    </svg>
                </div>
                <aside class="network-side no-print" aria-label="Netzwerk lesen">
                    <Legend />
                    <h3>"Das Netzwerk lesen"</h3>
                    <p class="hint">"Ein Klick auf eine Antwort hebt die Akteure im Bild hervor."</p>
                    <div data-testid="findings">
                        {move || findings.get().into_iter().map(|f| view! {
                            <section class="finding">
                                <h4>{f.question}</h4>
                                <p>{f.summary}</p>
                                <FindingItems items=f.items highlight=highlight />
                            </section>
                        }).collect_view()}
                    </div>
                </aside>
            </div>
            <div class="no-print">
                <button type="button" aria-expanded=move || table_open.get().to_string() on:click=move |_| table_open.update(|o| *o = !*o)>
                    {move || format!("Beziehungen im Bild als Tabelle ({})", edges.with(|e| e.len()))}
                </button>
                // Built only when asked for: a large map has thousands of rows.
                <Show when=move || table_open.get()>
                    <RelationTable edges=edges />
                </Show>
            </div>
        </section>
    }
}

/// How many answers of a finding show before "Alle zeigen".
const FIRST_ITEMS: usize = 25;

/// The answers of a finding as buttons that highlight their actors.
#[component]
fn FindingItems(items: Vec<crate::domain::reading::Item>, highlight: RwSignal<Vec<Id>>) -> impl IntoView {
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
                {move || if all.get() { "Weniger zeigen".to_owned() } else { format!("Alle {total} zeigen") }}
            </button>
        })}
    }
}

/// The visible relations as a table: the accessible alternative to the picture.
#[component]
fn RelationTable(edges: Memo<Vec<crate::domain::Relation>>) -> impl IntoView {
    let state = use_state();
    view! {
        <table class="data">
            <thead><tr><th scope="col">"Von"</th><th scope="col">"Beziehung"</th><th scope="col">"An"</th><th scope="col">"Verbindlichkeit"</th></tr></thead>
            <tbody>
                {move || {
                    let list = edges.get();
                    state.with_region(|r| list.iter().map(|rel| {
                        let id = rel.id.clone();
                        view! {
                            <tr>
                                <td>{r.actor_name(&rel.from)}</td>
                                <td><button type="button" class="link" on:click=move |_| state.open(Panel::RelationForm { editing: Some(id.clone()), from: None })>{rel.kind.phrase(rel.direction, true)}</button></td>
                                <td>{r.actor_name(&rel.to)}</td>
                                <td>{rel.binding.label()}</td>
                            </tr>
                        }
                    }).collect_view())
                }}
            </tbody>
        </table>
    }
}

/// Every colour, shape and line of the picture explained.
#[component]
fn Legend() -> impl IntoView {
    view! {
        <section class="legend" aria-labelledby="legend-title" data-testid="legend">
            <h3 id="legend-title">"Legende"</h3>
            <ul class="legend-list">
                {Family::ALL.into_iter().map(|f| view! {
                    <li>
                        <svg class="swatch-svg" viewBox="-10 -10 20 20" aria-hidden="true"><path d=shape_path(f.shape(), 7.0) fill=f.color()></path></svg>
                        {f.label()}
                    </li>
                }).collect_view()}
            </ul>
            <ul class="legend-list">
                {RelationKind::ALL.iter().map(|k| view! {
                    <li>
                        <svg class="swatch-svg wide" viewBox="0 -5 30 10" aria-hidden="true"><line x1="0" y1="0" x2="30" y2="0" stroke=relation_color(*k) stroke-width="3"></line></svg>
                        {k.label()}
                    </li>
                }).collect_view()}
            </ul>
            <ul class="legend-list">
                {Binding::ALL.iter().map(|b| {
                    let (width, dash) = line_style(*b);
                    view! {
                        <li>
                            <svg class="swatch-svg wide" viewBox="0 -5 30 10" aria-hidden="true"><line x1="0" y1="0" x2="30" y2="0" stroke="#37474f" stroke-width=width stroke-dasharray=(!dash.is_empty()).then_some(dash)></line></svg>
                            {b.label()}
                        </li>
                    }
                }).collect_view()}
                <li>
                    <svg class="swatch-svg wide" viewBox="0 -5 30 10" aria-hidden="true"><line x1="0" y1="0" x2="26" y2="0" stroke="#37474f" stroke-width="1.5" marker-end="url(#arrow)"></line></svg>
                    "Pfeil: Richtung (z. B. Weiterleitung an)"
                </li>
            </ul>
        </section>
    }
}
