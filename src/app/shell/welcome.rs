//! A first word for someone who opens the app and sees the demo region:
//! what it is, how to start her own region, and that nothing leaves the
//! browser. Dismissed once, it stays away in this browser.

use leptos::prelude::*;

use crate::app::platform::preferences::{self, Preference};
use crate::app::state::{use_state, View};

#[component]
pub fn Welcome() -> impl IntoView {
    let state = use_state();
    let dismissed = RwSignal::new(preferences::read(Preference::WelcomeSeen).as_deref() == Some("true"));
    // Only while the demo is all there is: once she has a region of her own, `DemoNotice` speaks.
    let only_demo = move || state.workspace.with(|ws| !ws.regions.is_empty() && ws.regions.iter().all(|r| r.is_demo()));
    let dismiss = move || {
        preferences::remember(Preference::WelcomeSeen, "true");
        dismissed.set(true);
    };
    move || {
        // Not over the form for a new region: she is doing what it suggests.
        (only_demo() && !dismissed.get() && state.view.get() != View::NewRegion).then(|| {
            view! {
                <section class="banner info welcome" aria-labelledby="welcome-title" data-testid="welcome">
                    <h2 id="welcome-title">{live!("welcome.title")}</h2>
                    <p>{live!("welcome.demo")}</p>
                    <p>{live!("welcome.local")}</p>
                    <div class="button-row">
                        <button type="button" class="primary" on:click=move |_| {
                            dismiss();
                            state.view.set(View::NewRegion);
                        }>{live!("welcome.own_region")}</button>
                        <button type="button" on:click=move |_| dismiss()>{live!("welcome.look_around")}</button>
                    </div>
                </section>
            }
        })
    }
}
