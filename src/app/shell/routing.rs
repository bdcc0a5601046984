//! Keeps the address (`#/…`, see `crate::route`) and the page title in step
//! with where the user is: each move within the app is a history entry, so
//! the browser's Back and Forward move within it, and a reload or a
//! bookmark opens the same region, view, actor or checklist.

use leptos::prelude::*;

use crate::app::effect::effect;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use crate::app::state::{AppState, Panel, View};
use crate::domain::Id;
use crate::route::Route;

/// Opens the place the address names, then follows every move.
pub fn install(state: AppState) {
    if let Some(route) = current_address().as_deref().and_then(Route::parse) {
        apply(state, &route);
    }
    // The first write replaces the entry the page was opened with; a
    // change that comes from the address itself (Back) writes nothing.
    let replace_next = StoredValue::new(true);
    effect(move || {
        let fragment = route_of(state).fragment();
        set_title(state);
        if current_address().as_deref() == Some(fragment.as_str()) {
            replace_next.set_value(false);
            return;
        }
        let Some(history) = window().history().ok() else { return };
        let _ = if replace_next.get_value() {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&fragment))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&fragment))
        };
        replace_next.set_value(false);
    });
    let on_popstate = Closure::<dyn Fn()>::new(move || {
        if let Some(route) = current_address().as_deref().and_then(Route::parse) {
            // The address is already where the user went: the effect must
            // not add an entry for a place the route cannot show (a deleted actor).
            replace_next.set_value(true);
            apply(state, &route);
        }
    });
    let _ = window().add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    // Lives as long as the page.
    on_popstate.forget();
}

fn current_address() -> Option<String> {
    window().location().hash().ok()
}

/// Where the user is now.
fn route_of(state: AppState) -> Route {
    let view = state.view.get();
    let region = state.workspace.with(|ws| ws.active_id()).map(|id| id.0);
    // Editing an actor stays at the actor's address.
    let actor = match state.panel.get() {
        Panel::Actor(id) | Panel::ActorForm(Some(id)) => Some(id.0),
        _ => None,
    };
    let checklist = state.open_checklist.get().map(|id| id.0);
    Route { view, region, actor, checklist }
}

/// Goes where `route` says, as far as the workspace still holds it: a
/// region, actor or checklist that no longer exists is left out.
fn apply(state: AppState, route: &Route) {
    if let Some(region) = route.region.as_ref().map(|id| Id(id.clone())) {
        let exists = state.workspace.with_untracked(|ws| ws.region(&region).is_some());
        let active = state.workspace.with_untracked(|ws| ws.active_id());
        if exists && active.as_ref() != Some(&region) {
            state.switch_region(region);
        }
    }
    state.view.set(route.view);
    let actor =
        route.actor.as_ref().map(|id| Id(id.clone())).filter(|id| state.with_region_untracked(|r| r.actor(id).is_some()).unwrap_or(false));
    match (actor, state.panel.get_untracked()) {
        (Some(id), Panel::ActorForm(Some(editing))) if editing == id => {}
        (Some(id), _) => state.panel.set(Panel::Actor(id)),
        // Back from an actor closes its details or form; other forms stay open.
        (None, Panel::Actor(_) | Panel::ActorForm(Some(_))) => state.panel.set(Panel::None),
        (None, _) => {}
    }
    let checklist = route
        .checklist
        .as_ref()
        .map(|id| Id(id.clone()))
        .filter(|id| state.with_region_untracked(|r| r.checklist(id).is_some()).unwrap_or(false));
    state.open_checklist.set(checklist);
}

/// "Lotsenstelle Übergang – Akteure – Landkreis Lindenau – Netzwerkatlas":
/// what is open first, so that tabs and the history list tell places apart.
fn set_title(state: AppState) {
    let view = state.view.get();
    let area = match view {
        View::Actors => t!("tabs.actors"),
        View::Relations => t!("tabs.relations"),
        View::Network => t!("tabs.network"),
        View::Groups => t!("tabs.groups"),
        View::Programmes => t!("tabs.programmes"),
        View::History => t!("tabs.history"),
        View::Region => t!("tabs.region"),
        View::Checklists => t!("tabs.checklists"),
        View::Print => t!("checklist.print"),
        View::NewRegion => t!("header.new_region"),
        View::Templates => t!("templates.title"),
        View::Data => t!("header.backup"),
        View::Exchange => t!("header.exchange"),
        View::Analysis => t!("header.analysis"),
        View::Accessibility => t!("legal.accessibility"),
        View::Privacy => t!("legal.privacy"),
        View::Imprint => t!("legal.imprint"),
    };
    let panel = state.panel.get();
    let open_checklist = state.open_checklist.get();
    let (region, open) = state
        .with_region(|r| {
            let open = match (&panel, open_checklist) {
                (Panel::Actor(id), _) if !view.is_global() => r.actor(id).map(|a| a.name.clone()),
                (_, Some(id)) if matches!(view, View::Checklists | View::Print) => r.checklist(&id).map(|c| c.title.clone()),
                _ => None,
            };
            (Some(r.name.clone()), open)
        })
        .unwrap_or((None, None));
    let region = region.filter(|_| !view.is_global());
    let title: Vec<String> = [open, Some(area.to_string()), region, Some("Netzwerkatlas".to_string())].into_iter().flatten().collect();
    document().set_title(&title.join(" – "));
}
