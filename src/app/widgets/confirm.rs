//! A destructive button that asks once, in place, before it acts. Its
//! texts are `TextProp`s, so that they follow a switch of language.

use leptos::prelude::*;

#[component]
pub fn ConfirmButton(
    /// The asking button's text, e.g. "Löschen …".
    #[prop(into)]
    label: TextProp,
    /// A fuller accessible name where the label alone is ambiguous in a list.
    #[prop(into, optional)]
    aria_label: Option<TextProp>,
    /// The question shown once the user asked, e.g. "Gremium löschen?".
    #[prop(into)]
    question: TextProp,
    /// The confirming button's text, e.g. "Ja, löschen".
    #[prop(into)]
    confirm_label: TextProp,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    view! {
        {move || if asking.get() { view! {
            <span class="confirm-inline" role="group" aria-label=live!("confirm.group")>
                {let question = question.clone(); move || question.get()}" "
                <button type="button" class="small danger" on:click=move |_| {
                    asking.set(false);
                    on_confirm.run(());
                }>{let confirm_label = confirm_label.clone(); move || confirm_label.get()}</button>
                <button type="button" class="small" on:click=move |_| asking.set(false)>{live!("common.cancel")}</button>
            </span>
        }.into_any() } else { view! {
                <button type="button" class="small danger" aria-label={let aria_label = aria_label.clone() ; move || aria_label.as_ref().map(TextProp::get)} on:click=move |_| asking.set(true)>
                    {let label = label.clone(); move || label.get()}
                </button>
            }.into_any() }}
    }
}
