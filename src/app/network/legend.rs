//! What the picture means, and the same relations as a table: the
//! accessible alternative to the picture.

use leptos::prelude::*;

use crate::app::state::{use_state, Panel};
use crate::domain::picture::marks::Marks;
use crate::domain::picture::style::{line_style, relation_color, shape_path, Family};
use crate::domain::{Binding, RelationKind};
use crate::i18n::{count, live_label};

/// The visible relations as a table: the accessible alternative to the picture.
#[component]
pub fn RelationTable(edges: Memo<Vec<crate::domain::Relation>>) -> impl IntoView {
    let state = use_state();
    view! {
        <table class="data">
            <thead><tr><th scope="col">{live!("network.col.from")}</th><th scope="col">{live!("network.col.relation")}</th><th scope="col">{live!("network.col.to")}</th><th scope="col">{live!("relations.binding")}</th></tr></thead>
            <tbody>
                {move || {
                    let list = edges.get();
                    state.with_region(|r| list.iter().map(|rel| {
                        let id = rel.id.clone();
                        view! {
                            <tr>
                                <td>{r.actor_name(&rel.from)}</td>
                                <td><button type="button" class="link" on:click=move |_| state.open(Panel::RelationForm { editing: Some(id.clone()), from: None })>{rel.kind.phrase(rel.direction, true)}</button></td>
                                <td>{r.actor_name(&rel.to)}</td>
                                <td>{live_label(rel.binding, |v| v.label())}</td>
                            </tr>
                        }
                    }).collect_view())
                }}
            </tbody>
        </table>
    }
}

/// Every colour, shape and line of the picture explained.
#[component]
pub fn Legend() -> impl IntoView {
    view! {
        <section class="legend" aria-labelledby="legend-title" data-testid="legend">
            <h3 id="legend-title">{live!("network.legend")}</h3>
            <ul class="legend-list">
                {Family::ALL.into_iter().map(|f| view! {
                    <li>
                        <svg class="swatch-svg" viewBox="-10 -10 20 20" aria-hidden="true"><path d=shape_path(f.shape(), 7.0) fill=f.color()></path></svg>
                        {live_label(f, |v| v.label())}
                    </li>
                }).collect_view()}
            </ul>
            <ul class="legend-list">
                {RelationKind::ALL.iter().map(|k| view! {
                    <li>
                        <svg class="swatch-svg wide" viewBox="0 -5 30 10" aria-hidden="true"><line x1="0" y1="0" x2="30" y2="0" stroke=relation_color(*k) stroke-width="3"></line></svg>
                        {live_label(k, |v| v.label())}
                    </li>
                }).collect_view()}
            </ul>
            <ul class="legend-list">
                {Binding::ALL.iter().map(|b| {
                    let (width, dash) = line_style(*b);
                    view! {
                        <li>
                            <svg class="swatch-svg wide" viewBox="0 -5 30 10" aria-hidden="true"><line x1="0" y1="0" x2="30" y2="0" stroke="#37474f" stroke-width=width stroke-dasharray=(!dash.is_empty()).then_some(dash)></line></svg>
                            {live_label(b, |v| v.label())}
                        </li>
                    }
                }).collect_view()}
                <li>
                    <svg class="swatch-svg wide" viewBox="0 -5 30 10" aria-hidden="true"><line x1="0" y1="0" x2="26" y2="0" stroke="#37474f" stroke-width="1.5" marker-end="url(#arrow)"></line></svg>
                    {live!("network.arrow")}
                </li>
            </ul>
        </section>
    }
}

/// The marks of what changed since a Stichtag, with how many of each;
/// `in_sectors`: the sector map places only what is there today.
#[component]
pub fn ChangeLegend(marks: Memo<Option<Marks>>, in_sectors: Signal<bool>) -> impl IntoView {
    let both = |actors: usize, relations: usize| {
        format!("{}, {}", count(crate::key!("count.actors"), actors), count(crate::key!("count.relations"), relations))
    };
    move || {
        marks.with(|m| {
            m.as_ref().map(|m| {
                let new = both(m.new_actors.len(), m.new_relations.len());
                let gone = both(m.gone_actors.len(), m.gone_relations.len());
                view! {
                    <ul class="legend-list" data-testid="change-legend">
                        <li>
                            <span class="mark-swatch new" aria-hidden="true"></span>
                            {tr!("network.new_since", n = new)}
                        </li>
                        <li>
                            <span class="mark-swatch gone" aria-hidden="true"></span>
                            {move || if in_sectors.get() { tr!("network.gone_not_in_sectors", n = gone) } else { tr!("network.gone_since", n = gone) }}
                        </li>
                    </ul>
                }
            })
        })
    }
}
