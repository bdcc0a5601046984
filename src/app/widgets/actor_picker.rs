//! Actors of the region to tick, with a filter by name: the members of a
//! Gremium, the actors a journal entry concerns.

use leptos::prelude::*;

use crate::app::state::use_state;
use crate::domain::editing::query::actors_by_name;
use crate::domain::rules::text::fold;
use crate::domain::Id;

/// `id` prefixes the filter's id (`{id}-filter`) and each box's.
#[component]
pub fn ActorPicker(
    #[prop(into)] id: String,
    #[prop(into)] legend: TextProp,
    #[prop(into)] chosen: Signal<Vec<Id>>,
    /// Called with (actor, now ticked).
    on_toggle: Callback<(Id, bool)>,
) -> impl IntoView {
    let state = use_state();
    let filter = RwSignal::new(String::new());
    let actors = Memo::new(move |_| {
        let needle = fold(filter.get().trim());
        state.with_region(|r| actors_by_name(r, |a| fold(&a.name).contains(&needle))).unwrap_or_default()
    });
    let filter_id = format!("{id}-filter");
    view! {
        <fieldset class="checkboxes members">
            <legend>{move || legend.get()}</legend>
            <div class="field">
                <label for=filter_id.clone()>{live!("groups.filter_actors")}</label>
                <input id=filter_id type="search" prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
            </div>
            <div class="scroll-list">
                // Only the filter rebuilds the list; ticking a box updates it in place, keeping focus on it.
                {move || actors.get().into_iter().map(|(actor, name)| {
                    let box_id = format!("{id}-{}", actor.0);
                    let label_for = box_id.clone();
                    let this = actor.clone();
                    view! {
                        <label class="checkbox" for=label_for>
                            <input
                                type="checkbox"
                                id=box_id
                                prop:checked=move || chosen.with(|c| c.contains(&this))
                                on:change=move |ev| on_toggle.run((actor.clone(), event_target_checked(&ev)))
                            />
                            {name}
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}
