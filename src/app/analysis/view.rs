//! "Auswertung": two regions side by side, many checklists of one template
//! counted item by item (`aggregate`), and files counted without importing
//! them (`files`).

use leptos::prelude::*;

use crate::app::analysis::aggregate::AggregateChecklists;
use crate::app::analysis::files::FileEvaluation;
use crate::app::state::use_state;
use crate::domain::analysis::compare::compare;
use crate::domain::order;
use crate::domain::Id;

#[component]
pub fn AnalysisView() -> impl IntoView {
    let state = use_state();
    view! {
        <section class="analysis-view content" aria-labelledby="analysis-title">
            <h2 id="analysis-title">{live!("header.analysis")}</h2>
            <CompareRegions />
            <AggregateChecklists source=state.workspace prefix="aggregate" />
            <FileEvaluation />
        </section>
    }
}

/// A region picker for the comparison.
fn region_select(id: &'static str, label: &'static str, value: RwSignal<String>) -> impl IntoView {
    let state = use_state();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                {move || state.workspace.with(|ws| ws.regions.iter().map(|r| {
                    let selected = value.get() == r.id.0;
                    view! { <option value=r.id.0.clone() selected=selected>{r.name.clone()}</option> }
                }).collect_view())}
            </select>
        </div>
    }
}

#[component]
fn CompareRegions() -> impl IntoView {
    let state = use_state();
    // Own regions first: the demo is compared only when there is nothing else.
    let order = state.workspace.with_untracked(|ws| {
        let mut ids: Vec<(bool, String)> = ws.regions.iter().map(|r| (r.is_demo(), r.id.0.clone())).collect();
        order::sort_by_key(&mut ids, |(demo, _)| *demo);
        ids.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
    });
    let first = order.first().cloned().unwrap_or_default();
    let second = order.get(1).cloned().unwrap_or_default();
    let a = RwSignal::new(first);
    let b = RwSignal::new(second);
    let two_regions = Memo::new(move |_| state.workspace.with(|ws| ws.regions.len() >= 2));
    let sections = Memo::new(move |_| {
        state.workspace.with(|ws| match (ws.region(&Id(a.get())), ws.region(&Id(b.get()))) {
            (Some(x), Some(y)) => Some((x.name.clone(), y.name.clone(), compare(x, y))),
            _ => None,
        })
    });
    view! {
        <section aria-labelledby="compare-title">
            <h3 id="compare-title">{live!("analysis.compare_title")}</h3>
            {move || if two_regions.get() { view! {
                <div class="compare-pickers">
                    {region_select("compare-a", t!("analysis.region_a"), a)}
                    {region_select("compare-b", t!("analysis.region_b"), b)}
                </div>
                {move || sections.get().map(|(name_a, name_b, sections)| view! {
                    <div data-testid="comparison">
                        {sections.into_iter().map(|section| view! {
                            <table class="compare-table">
                                <caption>{section.title}</caption>
                                <thead><tr>
                                    <th scope="col">{live!("analysis.feature")}</th>
                                    <th scope="col">{name_a.clone()}</th>
                                    <th scope="col">{name_b.clone()}</th>
                                </tr></thead>
                                <tbody>
                                    {section.rows.into_iter().map(|row| {
                                        let differs = row.a != row.b;
                                        view! { <tr class:differs=differs><th scope="row">{row.label}</th><td>{row.a}</td><td>{row.b}</td></tr> }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }).collect_view()}
                    </div>
                })}
            }.into_any() } else { view! { <p class="muted">{live!("analysis.compare_needs_two")}</p> }.into_any() }}
        </section>
    }
}
