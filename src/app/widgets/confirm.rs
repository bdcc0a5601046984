//! A destructive button that asks once, in place, before it acts.

use leptos::prelude::*;

use crate::i18n::t;

#[component]
pub fn ConfirmButton(
    /// The asking button's text, e.g. "Löschen …".
    #[prop(into)]
    label: String,
    /// A fuller accessible name where the label alone is ambiguous in a list.
    #[prop(into, optional)]
    aria_label: Option<String>,
    /// The question shown once the user asked, e.g. "Gremium löschen?".
    #[prop(into)]
    question: String,
    /// The confirming button's text, e.g. "Ja, löschen".
    #[prop(into)]
    confirm_label: String,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button type="button" class="small danger" aria-label=aria_label.clone() on:click=move |_| asking.set(true)>
                    {label.clone()}
                </button>
            }
        >
            <span class="confirm-inline" role="group" aria-label=t("confirm.group")>
                {question.clone()}" "
                <button type="button" class="small danger" on:click=move |_| {
                    asking.set(false);
                    on_confirm.run(());
                }>{confirm_label.clone()}</button>
                <button type="button" class="small" on:click=move |_| asking.set(false)>{t("common.cancel")}</button>
            </span>
        </Show>
    }
}
