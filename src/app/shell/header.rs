//! The top bar (region switch, undo/redo, save state) and the area tabs.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::platform::persist::Health;
use crate::app::state::{use_state, AppState, Panel, View};
use crate::domain::Id;
use crate::i18n::number;

#[component]
pub fn Header() -> impl IntoView {
    let state = use_state();
    let regions = move || {
        state.workspace.with(|ws| {
            let active = ws.active_id();
            ws.regions.iter().map(|r| (r.id.clone(), r.name.clone(), Some(&r.id) == active.as_ref())).collect::<Vec<_>>()
        })
    };
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◎"</span>
                <span class="name">"Netzwerkatlas"</span>
            </div>
            <div class="region-switch">
                <label for="region-select">{live!("header.region")}</label>
                <select
                    id="region-select"
                    on:change=move |ev| state.switch_region(Id(event_target_value(&ev)))
                    disabled=move || regions().is_empty()
                >
                    {move || {
                        regions()
                            .into_iter()
                            .map(|(id, name, selected)| view! { <option value=id.0 selected=selected>{name}</option> })
                            .collect_view()
                    }}
                </select>
                <button type="button" on:click=move |_| {
                    state.panel.set(Panel::None);
                    state.view.set(View::NewRegion);
                }>{live!("header.new_region")}</button>
            </div>
            <nav class="workspace-nav" aria-label=live!("header.all_regions")>
                {area(state, View::Exchange, live!("header.exchange"), live!("header.exchange_title"))}
                {area(state, View::Analysis, live!("header.analysis"), live!("header.analysis_title"))}
                {area(state, View::Data, live!("header.backup"), live!("header.backup_title"))}
            </nav>
            <div class="history" role="group" aria-label=live!("header.history")>
                <button
                    type="button"
                    title=live!("header.undo_title")
                    aria-keyshortcuts="Control+Z"
                    disabled=move || !state.can_undo.get()
                    on:click=move |_| state.undo()
                >{live!("header.undo")}</button>
                <button
                    type="button"
                    title=live!("header.redo_title")
                    aria-keyshortcuts="Control+Y"
                    disabled=move || !state.can_redo.get()
                    on:click=move |_| state.redo()
                >{live!("header.redo")}</button>
            </div>
            <SaveState />
            <crate::app::shell::language::LanguageSwitch />
        </header>
    }
}

/// A button for an area that spans all regions; its name starts with
/// (or contains) the visible word, so speech input finds it.
fn area(
    state: AppState,
    view: View,
    label: impl Fn() -> &'static str + Copy + Send + Sync + 'static,
    title: impl Fn() -> &'static str + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <button type="button" title=title aria-label=title aria-pressed=move || (state.view.get() == view).to_string() on:click=move |_| {
            state.panel.set(Panel::None);
            state.view.set(view);
        }>{label}</button>
    }
}

/// A short word on whether the data is safe in this browser.
#[component]
fn SaveState() -> impl IntoView {
    let state = use_state();
    let p = state.persistence;
    let text = move || match p.health.get() {
        Health::Blocked => ("warn", t!("save.memory_only").to_owned()),
        Health::Full | Health::WriteFailed(_) | Health::AsideFailed | Health::Conflict => ("warn", t!("save.not_saved").to_owned()),
        Health::Newer(_) => ("warn", t!("save.read_only").to_owned()),
        Health::Ok if p.dirty.get() => ("busy", t!("save.saving").to_owned()),
        Health::Ok => ("ok", t!("save.saved").to_owned()),
    };
    view! {
        <p class=move || format!("save-state {}", text().0) data-testid="save-state">
            {move || text().1}
        </p>
    }
}

#[component]
pub fn Tabs() -> impl IntoView {
    let state = use_state();
    let counts = move || state.with_region(|r| (r.actors.len(), r.relations.len(), r.groups.len(), r.checklists.len())).unwrap_or_default();
    let tab = move |view: View, label: fn() -> &'static str, count: Option<fn((usize, usize, usize, usize)) -> usize>| {
        view! {
            <button
                type="button"
                class="tab"
                aria-pressed=move || {
                    let current = state.view.get();
                    (current == view || (view == View::Checklists && matches!(current, View::Print | View::Templates))).to_string()
                }
                on:click=move |_| {
                    state.panel.set(Panel::None);
                    if view == View::Checklists {
                        state.open_checklist.set(None);
                    }
                    state.view.set(view);
                }
            >
                {label}
                {count.map(|c| view! { <span class="count">{move || number(c(counts()))}</span> })}
            </button>
        }
    };
    // A Memo: the tabs are drawn again only when the first region comes or the last goes.
    let has_region = Memo::new(move |_| state.workspace.with(|ws| !ws.regions.is_empty()));
    view! {
        {move || has_region.get().then(|| view! {
            <nav class="tabs" aria-label=live!("tabs.label")>
                <h1 class="region-title">{move || state.with_region(|r| r.name.clone())}</h1>
                <div class="tab-row">
                    {tab(View::Actors, || t!("tabs.actors"), Some(|c| c.0))}
                    {tab(View::Relations, || t!("tabs.relations"), Some(|c| c.1))}
                    {tab(View::Network, || t!("tabs.network"), None)}
                    {tab(View::Groups, || t!("tabs.groups"), Some(|c| c.2))}
                    {tab(View::Checklists, || t!("tabs.checklists"), Some(|c| c.3))}
                    {tab(View::Programmes, || t!("tabs.programmes"), None)}
                    {tab(View::History, || t!("tabs.history"), None)}
                    {tab(View::Region, || t!("tabs.region"), None)}
                </div>
            </nav>
        })}
    }
}

/// Room left between the sticky header and what is brought up below it.
const BELOW_HEADER_GAP: f64 = 8.0;

/// Where the sticky header ends on screen (0 without one).
pub fn header_bottom() -> f64 {
    document().query_selector(".top").ok().flatten().map_or(0.0, |top| top.get_bounding_client_rect().bottom())
}

/// Scrolls `element` up to just below the sticky header, if it is not already there.
pub fn scroll_below_header(element: &web_sys::Element) {
    let offset = element.get_bounding_client_rect().top() - header_bottom() - BELOW_HEADER_GAP;
    if offset.abs() >= 1.0 {
        window().scroll_by_with_x_and_y(0.0, offset);
    }
}

/// The sticky header must never hide what has the focus (WCAG 2.4.11): a
/// field reached with Shift+Tab while the page is scrolled can sit behind
/// it, and the browser sees it as visible. Its height changes with the
/// storage alert, so it is measured at each focus.
pub fn keep_focus_below_header() {
    let handle = window_event_listener(leptos::ev::focusin, move |ev| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Some(top) = document().query_selector(".top").ok().flatten() else { return };
        // What is in the header itself is where it belongs. Focus a pointer gave (a click on the
        // picture) stays put too: scrolling then would move what is under the pointer mid-click.
        if top.contains(Some(&target)) || !target.matches(":focus-visible").unwrap_or(true) {
            return;
        }
        if target.get_bounding_client_rect().top() < header_bottom() + BELOW_HEADER_GAP {
            scroll_below_header(&target);
        }
    });
    // Lives as long as the page.
    std::mem::forget(handle);
}

/// Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) outside text fields, where the
/// browser's own text undo stays in charge.
pub fn install_shortcuts(state: AppState) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        let in_text_field = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()).is_some_and(|el| match el
            .tag_name()
            .as_str()
        {
            "TEXTAREA" => true,
            // Radios and checkboxes have no text to undo; the app's undo applies there.
            "INPUT" => !matches!(el.get_attribute("type").as_deref(), Some("radio" | "checkbox" | "button" | "submit")),
            _ => el.has_attribute("contenteditable"),
        });
        if in_text_field {
            return;
        }
        match (ev.key().to_ascii_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => {
                ev.prevent_default();
                state.undo();
            }
            ("z", true) | ("y", _) => {
                ev.prevent_default();
                state.redo();
            }
            _ => {}
        }
    });
    // The shortcuts live as long as the page.
    std::mem::forget(handle);
}
