//! Installable and offline: registers the service worker written by
//! `scripts/post-build.mjs`, says when a new version is ready (it starts
//! with the next visit, never mid-edit), and asks the browser to keep the
//! data (persistent storage) once the user has saved real work.

use leptos::prelude::*;

use crate::app::effect::effect;

use leptos::task::spawn_local;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::app::state::AppState;

#[derive(Clone, Copy)]
pub struct Offline {
    /// A new version is installed and will be used from the next start.
    pub update_ready: RwSignal<bool>,
    /// Whether the browser keeps this origin's data even when disk runs low;
    /// `None` while unknown or where the browser cannot say.
    pub persisted: RwSignal<Option<bool>>,
}

pub fn install(state: AppState) -> Offline {
    let offline = Offline { update_ready: RwSignal::new(false), persisted: RwSignal::new(None) };
    register_service_worker(offline);
    spawn_local(async move {
        offline.persisted.set(storage_call("persisted").await);
    });
    // Ask for persistence after the first save that holds the user's own work.
    let asked = StoredValue::new(false);
    effect(move || {
        let saved = state.persistence.last_saved.get().is_some();
        if saved && state.can_undo.get_untracked() && !asked.get_value() && offline.persisted.get_untracked() != Some(true) {
            asked.set_value(true);
            spawn_local(async move {
                if let Some(granted) = storage_call("persist").await {
                    offline.persisted.set(Some(granted));
                }
            });
        }
    });
    offline
}

/// Calls `navigator.storage.persist()` or `.persisted()`.
async fn storage_call(method: &str) -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = match method {
        "persist" => storage.persist().ok()?,
        _ => storage.persisted().ok()?,
    };
    JsFuture::from(promise).await.ok()?.as_bool()
}

fn register_service_worker(offline: Offline) {
    let Some(window) = web_sys::window() else { return };
    let protocol = window.location().protocol().unwrap_or_default();
    let supported = js_sys::Reflect::has(&window.navigator(), &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !supported || !(protocol == "http:" || protocol == "https:") {
        return;
    }
    let container = window.navigator().service_worker();
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else { return };
        // Where service workers are blocked the promise may give nothing.
        if !registration.is_object() {
            return;
        }
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        let has_controller = move || web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some());
        if registration.waiting().is_some() && has_controller() {
            offline.update_ready.set(true);
        }
        let watched = registration.clone();
        let on_update = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = watched.installing() else { return };
            let tracked = worker.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if tracked.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                    offline.update_ready.set(true);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget();
    });
}

/// The update notice and the word on persistent storage.
#[component]
pub fn OfflineStatus(offline: Offline) -> impl IntoView {
    view! {
        {move || offline.update_ready.get().then(|| view! {
            <div class="banner info" role="status" data-testid="update-ready">
                <p>{live!("offline.update_ready")}</p>
                <button type="button" on:click=move |_| offline.update_ready.set(false)>{live!("common.understood")}</button>
            </div>
        })}
    }
}

/// One line for the footer: is the data kept safe by the browser?
pub fn persistence_text(persisted: Option<bool>) -> Option<&'static str> {
    match persisted {
        Some(true) => Some(t!("offline.persisted")),
        Some(false) => Some(t!("offline.not_persisted")),
        None => None,
    }
}
