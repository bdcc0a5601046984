//! The visible side of `AppState::confirm`: a short notice at the foot of
//! the window ("Akteur gespeichert", with "Rückgängig" after an edit). It is
//! not a live region itself: the hidden status region beside it speaks the
//! same text once.

use std::time::Duration;

use leptos::prelude::*;

use crate::app::effect::effect;

use crate::app::state::{use_state, NoticeAction};

/// Long enough to read it and reach its button, short enough not to cover
/// the next thing; a notice with the focus or the pointer in it stays.
const SHOWN_FOR: Duration = Duration::from_secs(8);

#[component]
pub fn Toast() -> impl IntoView {
    let state = use_state();
    let held = RwSignal::new(false);
    // Each new notice, and each release of a held one, starts a countdown; an
    // older countdown finds a newer seq (or the notice held again) and does nothing.
    effect(move || {
        let Some(seq) = state.notice.with(|n| n.as_ref().map(|n| n.seq)) else { return };
        if held.get() {
            return;
        }
        set_timeout(
            move || {
                if !held.get_untracked() && state.notice.with_untracked(|n| n.as_ref().is_some_and(|n| n.seq == seq)) {
                    state.notice.set(None);
                }
            },
            SHOWN_FOR,
        );
    });
    // A save that fails after the notice appeared: it must not go on saying "gespeichert".
    effect(move || {
        if !state.persistence.health.get().keeps_data() && state.notice.with_untracked(|n| n.as_ref().is_some_and(|n| n.of_edit)) {
            state.notice.update(|n| {
                if let Some(n) = n {
                    n.text = t!("state.not_stored").to_owned();
                    n.action = None;
                }
            });
            state.announce(t!("state.not_stored"));
        }
    });
    move || {
        let notice = state.notice.get()?;
        let button = notice.action.map(|action| {
            let (label, run): (&str, fn(&crate::app::state::AppState)) = match action {
                NoticeAction::Undo => (t!("toast.undo"), |s| s.undo()),
                NoticeAction::Redo => (t!("toast.redo"), |s| s.redo()),
            };
            view! { <button type="button" class="small" on:click=move |_| run(&state)>{label}</button> }
        });
        Some(view! {
            <div
                class="toast"
                role="group"
                aria-label=live!("toast.label")
                data-testid="toast"
                on:mouseenter=move |_| held.set(true)
                on:mouseleave=move |_| held.set(false)
                on:focusin=move |_| held.set(true)
                on:focusout=move |_| held.set(false)
            >
                <span>{notice.text}</span>
                {button}
                <button type="button" class="small link" aria-label=live!("toast.close") on:click=move |_| state.notice.set(None)>"×"</button>
            </div>
        })
    }
}
