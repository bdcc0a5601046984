//! The actor list: search as you type, filters, sort.

use leptos::prelude::*;

use crate::app::widgets::more_rows::{row_limit, MoreRows};

use crate::i18n::{live_label, number};

use crate::app::state::{use_state, Panel};
use crate::app::widgets::fields::SelectField;
use crate::domain::editing::query::{ActorQuery, ActorRow, ActorRows, ActorSort};
use crate::domain::{ActorKind, Id, Rechtskreis};

#[component]
pub fn ActorList() -> impl IntoView {
    let state = use_state();
    let query = state.actor_query;
    // Rows are prepared when the region or the sort order changes; a
    // keystroke only selects among them (positions), and only the shown rows
    // are copied out.
    let sort = Memo::new(move |_| query.with(|q| q.sort));
    let prepared = Memo::new(move |_| {
        let sort = sort.get();
        state.with_region(|r| ActorRows::new(r, sort)).unwrap_or_default()
    });
    let selection = Memo::new(move |_| query.with(|q| prepared.with(|rows| state.with_region(|r| rows.select(q, r)))).unwrap_or_default());
    // A new search or filter starts again with the first rows.
    let limit = row_limit(move || query.track());
    let matching = move || selection.with(Vec::len);
    let any_match = Memo::new(move |_| matching() != 0);
    let shown_rows = move || {
        let limit = limit.get();
        selection.with(|s| prepared.with(|rows| s.iter().take(limit).map(|&i| rows.row(i).clone()).collect::<Vec<_>>()))
    };
    let total = move || state.with_region(|r| r.actors.len()).unwrap_or(0);
    let selected = move || match state.panel.get() {
        Panel::Actor(id) | Panel::ActorForm(Some(id)) => Some(id),
        _ => None,
    };

    view! {
        <section class="list-view" aria-labelledby="actors-title">
            <div class="list-head">
                <h2 id="actors-title">{live!("tabs.actors")}</h2>
                <button type="button" class="primary" on:click=move |_| state.open(Panel::ActorForm(None))>
                    {live!("actors.add")}
                </button>
            </div>
            <ActorFilters>
                <div class="field">
                    <label for="actor-sort">{live!("actors.sort")}</label>
                    <select id="actor-sort" on:change=move |ev| query.update(|q| q.sort = ActorSort::from_key(&event_target_value(&ev)))>
                        {ActorSort::ALL
                            .into_iter()
                            .map(|s| view! { <option value=s.key() selected=move || query.with(|q| q.sort == s)>{live_label(s, |v| v.label())}</option> })
                            .collect_view()}
                    </select>
                </div>
            </ActorFilters>
            <p class="result-count" aria-live="polite" data-testid="actor-count">
                {move || {
                    let shown = matching();
                    if query.with(ActorQuery::is_filtered) {
                        tr!("actors.count_filtered", shown = number(shown), total = number(total()))
                    } else {
                        tr!("actors.count", n = number(shown))
                    }
                }}
                {move || query.with(ActorQuery::is_filtered).then(|| view! {
                    " "
                    <button type="button" class="link" on:click=move |_| query.update(|q| {
                        *q = ActorQuery { sort: q.sort, ..ActorQuery::default() }
                    })>{live!("actors.reset_filters")}</button>
                })}
            </p>
            {move || if any_match.get() { view! {
                <table class="data actor-table" data-testid="actor-table">
                    <thead>
                        <tr>
                            <th scope="col">{live!("common.name")}</th>
                            <th scope="col">{live!("common.kind")}</th>
                            <th scope="col" class="secondary">{live!("region.sozialraeume")}</th>
                            <th scope="col" class="secondary">{live!("actors.rechtskreise")}</th>
                            <th scope="col" class="num">{live!("tabs.relations")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        // Re-rendered whole on a change (at most a page of rows): a keyed
                        // list costs 2 KB of wasm, and rows hold no field to keep focus in.
                        {move || shown_rows().into_iter().map(|row: ActorRow| {
                            let id = row.id.clone();
                            let is_selected = {
                                let id = id.clone();
                                move || selected().as_ref() == Some(&id)
                            };
                            // One reactive attribute per row: the row's highlight follows
                            // `aria-current` in the stylesheet.
                            view! {
                                <tr>
                                    <td>
                                        <button
                                            type="button"
                                            class="link row-open"
                                            aria-current=move || is_selected().then_some("true")
                                            on:click=move |_| state.open(Panel::Actor(id.clone()))
                                        >{row.name.clone()}</button>
                                    </td>
                                    <td>{live_label(row.kind, |v| v.label())}</td>
                                    <td class="secondary">{row.sozialraeume.clone()}</td>
                                    <td class="secondary">{row.rechtskreise.clone()}</td>
                                    <td class="num">{row.relations}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <MoreRows limit=limit matching=Signal::derive(matching) rows="[data-testid=actor-table] tbody tr" shown=|shown, total| tr!("actors.shown", shown = shown, total = total) />
            }.into_any() } else { view! {
                    <p class="empty">
                        {move || if total() == 0 {
                            t!("actors.empty")
                        } else {
                            t!("actors.no_match")
                        }}
                    </p>
                }.into_any() }}
        </section>
    }
}

/// Search and filters of the actor list; the network picture shows the same
/// selection. `children` adds controls of the caller (the list's sort order).
#[component]
pub fn ActorFilters(children: Children) -> impl IntoView {
    let state = use_state();
    let query = state.actor_query;
    let sozialraeume = move || {
        state.with_region(|r| r.sozialraeume.iter().map(|s| (s.id.clone(), s.name.clone())).collect::<Vec<_>>()).unwrap_or_default()
    };
    // Choices: all programmes, then each of the region's.
    let programmes = Signal::derive(move || {
        let all = (String::new(), t!("actors.all_programmes").to_owned());
        let each = state.with_region(|r| r.programmes.iter().map(|p| (p.id.0.clone(), p.name.clone())).collect::<Vec<_>>());
        std::iter::once(all).chain(each.unwrap_or_default()).collect::<Vec<_>>()
    });
    view! {
        <div class="filters" role="search" aria-label=live!("actors.search_label")>
                <div class="field grow">
                <label for="actor-search">{live!("actors.search")}</label>
                <input
                    id="actor-search"
                    type="search"
                    placeholder=live!("actors.search_placeholder")
                    autocomplete="off"
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input=move |ev| query.update(|q| q.text = event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="filter-kind">{live!("common.kind")}</label>
                <select id="filter-kind" on:change=move |ev| query.update(|q| q.kind = ActorKind::from_key(&event_target_value(&ev)))>
                    <option value="" selected=move || query.with(|q| q.kind.is_none())>{live!("actors.all_kinds")}</option>
                    {ActorKind::ALL
                        .iter()
                        .map(|k| {
                            let k = *k;
                            view! { <option value=k.key() selected=move || query.with(|q| q.kind == Some(k))>{live_label(k, |v| v.label())}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-rechtskreis">{live!("actors.rechtskreis")}</label>
                <select
                    id="filter-rechtskreis"
                    on:change=move |ev| query.update(|q| q.rechtskreis = Rechtskreis::from_key(&event_target_value(&ev)))
                >
                    <option value="" selected=move || query.with(|q| q.rechtskreis.is_none())>{live!("actors.all_rechtskreise")}</option>
                    {Rechtskreis::ALL
                        .iter()
                        .map(|r| {
                            let r = *r;
                            view! { <option value=r.key() selected=move || query.with(|q| q.rechtskreis == Some(r))>{live_label(r, |v| v.label())}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-sozialraum">{live!("actors.sozialraum")}</label>
                <select
                    id="filter-sozialraum"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        query.update(|q| q.sozialraum = (!value.is_empty()).then(|| Id(value)));
                    }
                >
                    <option value="" selected=move || query.with(|q| q.sozialraum.is_none())>{live!("actors.all_sozialraeume")}</option>
                    {move || {
                        sozialraeume()
                            .into_iter()
                            .map(|(id, name)| {
                                let is = id.clone();
                                view! { <option value=id.0 selected=move || query.with(|q| q.sozialraum.as_ref() == Some(&is))>{name}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            // Only once the region has programmes.
            {move || (programmes.with(Vec::len) > 1).then(|| view! {
                <SelectField
                    id="filter-programme"
                    label=live!("actors.programme")
                    options=programmes
                    value=Signal::derive(move || query.with(|q| q.programme.as_ref().map(|p| p.0.clone()).unwrap_or_default()))
                    on_change=Callback::new(move |v: String| query.update(|q| q.programme = (!v.is_empty()).then_some(Id(v))))
                />
            })}
            {children()}
        </div>
    }
}
