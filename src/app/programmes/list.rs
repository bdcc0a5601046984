//! The region's programmes as cards: facts, goal, target group and the
//! Bausteine with Träger, partners and Sozialräume.

use leptos::prelude::*;

use crate::app::state::{use_state, Panel, View};
use crate::domain::analysis::report::{baustein_facts, programme_facts};
use crate::domain::Id;

#[component]
pub fn ProgrammeList() -> impl IntoView {
    let state = use_state();
    // (id, name, facts, goal, target group, [(Baustein id, name, facts)])
    let programmes = Memo::new(move |_| {
        state
            .with_region(|r| {
                r.programmes
                    .iter()
                    .map(|p| {
                        let bausteine: Vec<(Id, String, String)> =
                            p.bausteine.iter().map(|b| (b.id.clone(), b.name.clone(), baustein_facts(r, b))).collect();
                        (p.id.clone(), p.name.clone(), programme_facts(p), p.goal.clone(), p.target_group.clone(), bausteine)
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <section class="list-view" aria-labelledby="programmes-title">
            <div class="list-head">
                <h2 id="programmes-title">{live!("programmes.title")}</h2>
                <button type="button" class="primary" on:click=move |_| state.open(Panel::ProgrammeForm(None))>{live!("programmes.add")}</button>
            </div>
            <p class="hint">{live!("programmes.hint")}</p>
            <p class="empty" hidden=move || programmes.with(|p| !p.is_empty())>{live!("programmes.empty")}</p>
            <ul class="cards wide" data-testid="programme-list">
                // Re-rendered whole on a change: a handful of cards, and no field inside to keep focus in.
                {move || programmes.get().into_iter().map(|(id, name, facts, goal, target, bausteine)| {
                    let (edit, add, show) = (id.clone(), id.clone(), id.clone());
                    let count = bausteine.len();
                    view! {
                        <li class="card programme">
                            <h3>{name}</h3>
                            <p class="muted">{facts}</p>
                            {(!goal.is_empty()).then(|| view! { <p>{move || tr!("programme.goal_is", text = goal)}</p> })}
                            {(!target.is_empty()).then(|| view! { <p>{move || tr!("programme.target_group_is", text = target)}</p> })}
                            <h4>{move || tr!("programmes.bausteine", n = count)}</h4>
                            <ul class="bausteine">
                                {bausteine.into_iter().map(|(baustein, name, facts)| {
                                    let programme = id.clone();
                                    view! {
                                        <li>
                                            // The name opens the Baustein to edit or delete it.
                                            <button type="button" class="link" on:click=move |_| state.open(Panel::BausteinForm(programme.clone(), Some(baustein.clone())))>{name}</button>
                                            <span class="muted">" "{facts}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            <div class="actions">
                                <button type="button" class="small" on:click=move |_| state.open(Panel::BausteinForm(add.clone(), None))>{live!("programmes.add_baustein")}</button>
                                <button type="button" class="small" on:click=move |_| state.open(Panel::ProgrammeForm(Some(edit.clone())))>{live!("common.edit")}</button>
                                // The map and the picture show the programme's actors, with the filter still there to lift.
                                <button type="button" class="small" on:click=move |_| {
                                    state.actor_query.update(|q| q.programme = Some(show.clone()));
                                    state.view.set(View::Network);
                                }>{live!("history.show_in_picture")}</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
