//! Long lists show their rows a page at a time: drawing thousands of rows
//! takes seconds, and nobody reads them all. Below the table: how many are
//! shown, and a button for more.

use leptos::prelude::*;

use crate::app::effect::effect;
use crate::i18n::number;

/// Rows shown at first, and added by each "show more".
pub const ROWS_AT_A_TIME: usize = 50;

/// How many rows a list shows: a page, again from the first whenever
/// `restart` changes (a new search or filter).
pub fn row_limit(restart: impl Fn() + 'static) -> RwSignal<usize> {
    let limit = RwSignal::new(ROWS_AT_A_TIME);
    effect(move || {
        restart();
        // Only when it changed: setting it would draw the shown rows again.
        if limit.get_untracked() != ROWS_AT_A_TIME {
            limit.set(ROWS_AT_A_TIME);
        }
    });
    limit
}

/// "50 of 83 … shown" (`shown` writes it from the two numbers) and "Show 33
/// more" below a table whose rows `rows` selects (CSS); the button puts
/// keyboard focus on the first new row's first button.
#[component]
pub fn MoreRows(
    limit: RwSignal<usize>,
    #[prop(into)] matching: Signal<usize>,
    rows: &'static str,
    shown: fn(String, String) -> String,
) -> impl IntoView {
    let hidden = move || matching.get().saturating_sub(limit.get());
    move || {
        (hidden() > 0).then(|| {
            view! {
                <p class="more-rows">
                    {move || shown(number(limit.get().min(matching.get())), number(matching.get()))}
                    " "
                    <button type="button" on:click=move |_| {
                        let first_new = limit.get_untracked();
                        limit.update(|l| *l += ROWS_AT_A_TIME);
                        request_animation_frame(move || focus_row(rows, first_new));
                    }>
                        {move || tr!("actors.show_more", count = hidden().min(ROWS_AT_A_TIME))}
                    </button>
                </p>
            }
        })
    }
}

/// Puts the keyboard focus on the first button of row `index` of `rows`.
fn focus_row(rows: &str, index: usize) {
    let button = web_sys::window()
        .and_then(|w| w.document()?.query_selector_all(rows).ok()?.get(index as u32))
        .and_then(|row| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(row).ok()?.query_selector("button").ok().flatten())
        .and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok());
    if let Some(button) = button {
        let _ = button.focus();
    }
}
