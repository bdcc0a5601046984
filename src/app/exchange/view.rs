//! "Austausch": files for colleagues and tools, and files from them.

use leptos::prelude::*;

use crate::app::exchange::export::ExportPanel;
use crate::app::exchange::import::ImportPanel;

#[component]
pub fn ExchangeView() -> impl IntoView {
    view! {
        <section class="exchange-view content" aria-labelledby="exchange-title">
            <h2 id="exchange-title">{live!("exchange.title")}</h2>
            <div class="exchange-columns">
                <ImportPanel />
                <ExportPanel />
            </div>
        </section>
    }
}
