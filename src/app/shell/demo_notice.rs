//! Once the user has a region of her own, the app offers to remove the demo
//! region (an undoable step), or to keep it and not ask again.

use leptos::prelude::*;

use crate::app::platform::preferences::{self, Preference};
use crate::app::state::use_state;
use crate::domain::Id;

#[component]
pub fn DemoNotice() -> impl IntoView {
    let state = use_state();
    let kept = RwSignal::new(preferences::read(Preference::KeepDemo).as_deref() == Some("true"));
    // The demo, while an own region sits beside it.
    let demo = move || {
        state.workspace.with(|ws| {
            let own = ws.regions.iter().any(|r| !r.is_demo());
            ws.regions.iter().find(|r| r.is_demo()).filter(|_| own).map(|r| (r.id.clone(), r.name.clone()))
        })
    };
    move || {
        let (id, name) = demo().filter(|_| !kept.get())?;
        let remove = move |_| {
            let id: Id = id.clone();
            state.edit_workspace(|ws| ws.delete_region(&id));
            state.confirm(t!("demo.removed"));
        };
        let keep = move |_| {
            preferences::remember(Preference::KeepDemo, "true");
            kept.set(true);
        };
        Some(view! {
            <div class="banner info" role="region" aria-label=live!("demo.remove") data-testid="demo-notice">
                <p>{move || tr!("demo.offer_remove", name = name)}</p>
                <div class="button-row">
                    <button type="button" on:click=remove>{live!("demo.remove")}</button>
                    <button type="button" on:click=keep>{live!("demo.keep")}</button>
                </div>
            </div>
        })
    }
}
