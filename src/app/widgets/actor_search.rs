//! One actor, chosen by typing its name: a search field whose suggestions
//! are the names that match what is typed (a `datalist`, so the browser's
//! own list, keys and screen-reader support). A `<select>` of every actor
//! builds thousands of options before anything shows; this builds a few
//! dozen, and only once something is typed.

use leptos::prelude::*;

use crate::app::state::use_state;
use crate::domain::editing::query::actors_by_name;
use crate::domain::rules::text::fold;
use crate::domain::Id;

/// How many matching names are suggested at once.
const SUGGESTED: usize = 30;

/// `chosen` is None while the field is empty; `hint` says what that means.
#[component]
pub fn ActorSearch(
    #[prop(into)] id: String,
    #[prop(into)] label: TextProp,
    #[prop(into)] hint: TextProp,
    chosen: RwSignal<Option<Id>>,
) -> impl IntoView {
    let state = use_state();
    // What the user typed since the last choice; None shows the chosen actor's name.
    let typed = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let suggestions = Memo::new(move |_| {
        let needle = fold(typed.get().unwrap_or_default().trim());
        if needle.is_empty() {
            return Vec::new();
        }
        let mut found = state.with_region(|r| actors_by_name(r, |a| fold(&a.name).contains(&needle))).unwrap_or_default();
        found.truncate(SUGGESTED);
        found
    });
    // The actor of exactly this name (letter case aside), if any.
    let named = move |text: &str| {
        let wanted = fold(text.trim());
        state.with_region_untracked(|r| r.actors.iter().find(|a| fold(&a.name) == wanted).map(|a| a.id.clone())).flatten()
    };
    let shown = move || match typed.get() {
        Some(text) => text,
        None => chosen.get().and_then(|id| state.with_region_untracked(|r| r.actor_name(&id))).unwrap_or_default(),
    };
    let (list_id, hint_id, problem_id) = (format!("{id}-names"), format!("{id}-hint"), format!("{id}-problem"));
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <p class="hint" id=hint_id.clone()>{move || hint.get()}</p>
            <input
                id=id
                type="search"
                autocomplete="off"
                list=list_id.clone()
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=format!("{hint_id} {problem_id}")
                prop:value=shown
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    problem.set(None);
                    if text.trim().is_empty() {
                        chosen.set(None);
                    } else if let Some(actor) = named(&text) {
                        if chosen.get_untracked().as_ref() != Some(&actor) {
                            chosen.set(Some(actor));
                        }
                    }
                    typed.set(Some(text));
                }
                // Enter or leaving the field: a name that is no actor's is said so, and changes nothing.
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    let unknown = !text.trim().is_empty() && named(&text).is_none();
                    problem.set(unknown.then(|| tr!("form.no_such_actor", name = text.trim())));
                }
            />
            <datalist id=list_id>
                {move || suggestions.get().into_iter().map(|(_, name)| view! { <option value=name></option> }).collect_view()}
            </datalist>
            // Always there (empty and hidden by CSS without a message), so the field can point to it.
            <p class="error" id=problem_id>{move || problem.get()}</p>
        </div>
    }
}
