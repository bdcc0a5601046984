//! What a list of another program asks of the user in its preview: the
//! field each column is read into, and what each distinct value of its
//! "Art" and "Rechtskreise" columns stands for. A change hands the list
//! back (`relisted`) with the place to keep the focus on.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::data::lists::actors::List;
use crate::domain::data::lists::choices::{distinct_values, How};
use crate::domain::data::lists::columns::Field;
use crate::domain::model::{ActorKind, Rechtskreis};

/// A list's columns, each with the field it is read into and its first values.
#[component]
pub fn ListColumns(key: usize, list: Arc<List>, relisted: Callback<(usize, List, String)>) -> impl IntoView {
    let rows = list
        .headings()
        .iter()
        .enumerate()
        .map(|(column, heading)| {
            let id = format!("list-{key}-column-{column}");
            let chosen = list.mapping.get(column).copied().unwrap_or(Field::Ignored);
            let samples = list.samples(column, 3).join(" · ");
            let list = list.clone();
            let on_change = move |ev: leptos::ev::Event| {
                let mut list = (*list).clone();
                if let (Some(field), Some(slot)) = (Field::from_key(&event_target_value(&ev)), list.mapping.get_mut(column)) {
                    *slot = field;
                    relisted.run((key, list, format!("column-{column}")));
                }
            };
            view! {
                <tr>
                    <th scope="row"><label for=id.clone()>{heading.clone()}</label></th>
                    <td>
                        <select id=id on:change=on_change>
                            {Field::ALL.into_iter().map(|f| view! { <option value=f.key() selected=f == chosen>{move || f.label()}</option> }).collect_view()}
                        </select>
                    </td>
                    <td class="muted">{(!samples.is_empty()).then(|| move || tr!("list.samples", values = samples.clone()))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="list-columns" open data-testid="list-columns">
            <summary>{live!("list.columns")}</summary>
            <p class="hint">{live!("list.columns_hint")}</p>
            <table class="compact">
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}

/// Each distinct value of the "Art" and "Rechtskreise" columns with what it
/// is taken as: matched, not recognised ("Sonstige", or left out), or as
/// chosen here for every row that holds it.
#[component]
pub fn ListValues(key: usize, list: Arc<List>, relisted: Callback<(usize, List, String)>) -> impl IntoView {
    let values = distinct_values(&list);
    if values.is_empty() {
        return None;
    }
    let rows = values
        .into_iter()
        .enumerate()
        .map(|(index, value)| {
            let id = format!("list-{key}-value-{index}");
            let list = list.clone();
            let (field, text) = (value.field, value.value.clone());
            let on_change = move |ev: leptos::ev::Event| {
                let mut list = (*list).clone();
                list.values.choose(field, &text, &event_target_value(&ev));
                relisted.run((key, list, format!("value-{index}")));
            };
            let meaning = value.meaning;
            let options: Vec<&'static str> = match field {
                Field::Kind => ActorKind::ALL.iter().map(|k| k.key()).collect(),
                _ => std::iter::once("").chain(Rechtskreis::ALL.iter().map(|r| r.key())).collect(),
            };
            let how = match value.how {
                How::Unknown => live!("list.value_unknown"),
                How::Recognised => live!("list.value_recognised"),
                How::Chosen => live!("list.value_chosen"),
            };
            view! {
                <tr class:unknown=value.how == How::Unknown>
                    <td>{move || field.label()}</td>
                    <th scope="row"><label for=id.clone()>{value.value}</label><span class="how">{how}</span></th>
                    <td class="number">{value.rows}</td>
                    <td>
                        <select id=id on:change=on_change>
                            {options.into_iter().map(|option| view! { <option value=option selected=option == meaning>{move || meaning_label(field, option)}</option> }).collect_view()}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    Some(view! {
        <details class="list-values" open data-testid="list-values">
            <summary>{live!("list.values")}</summary>
            <p class="hint">{live!("list.values_hint")}</p>
            <table class="compact">
                <thead>
                    <tr>
                        <th scope="col">{live!("list.value_column")}</th>
                        <th scope="col">{live!("list.value")}</th>
                        <th scope="col">{live!("list.value_rows")}</th>
                        <th scope="col">{live!("list.value_meaning")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    })
}

/// The name of what a value is taken as: a kind, a Rechtskreis, or none.
fn meaning_label(field: Field, meaning: &str) -> &'static str {
    match field {
        Field::Kind => ActorKind::from_key(meaning).map_or("", ActorKind::label),
        _ => Rechtskreis::from_key(meaning).map_or_else(|| t!("list.value_none"), Rechtskreis::label),
    }
}
