//! The relation list and the form to create or edit a relation.

use leptos::prelude::*;

use crate::domain::rules::dates as date;
use crate::i18n::{live_label, number};

use crate::app::platform::browser::new_id;
use crate::app::state::{use_state, Panel};
use crate::app::widgets::confirm::ConfirmButton;
use crate::app::widgets::fields::{error_of, focus_first_error, lens, DraftRestored, ErrorSummary, SelectField, TextField};
use crate::app::widgets::more_rows::{row_limit, MoreRows};
use crate::domain::editing::draft::RelationDraft;
use crate::domain::editing::query::{actors_by_name, RelationQuery};
use crate::domain::rules::fields::FieldErrors;
use crate::domain::{Binding, Direction, Id, RelationKind};

#[component]
pub fn RelationList() -> impl IntoView {
    let state = use_state();
    let query = RwSignal::new(RelationQuery::default());
    // (id, from, kind text, to, binding, since)
    let rows = Memo::new(move |_| {
        let q = query.get();
        state
            .with_region(|r| {
                q.run(r)
                    .into_iter()
                    .map(|rel| {
                        let kind = match (rel.kind.has_direction(), rel.direction) {
                            (true, Direction::Both) => {
                                tr!("relations.mutual", kind = rel.kind.label())
                            }
                            (true, _) => format!("{} →", rel.kind.label()),
                            (false, _) => rel.kind.label().to_owned(),
                        };
                        (rel.id.clone(), r.actor_name(&rel.from), kind, r.actor_name(&rel.to), rel.binding.label(), date::show(&rel.since))
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let limit = row_limit(move || query.track());
    let matching = Signal::derive(move || rows.with(Vec::len));
    view! {
        <section class="list-view" aria-labelledby="relations-title">
            <div class="list-head">
                <h2 id="relations-title">{live!("tabs.relations")}</h2>
                <button type="button" class="primary" on:click=move |_| state.open(Panel::RelationForm { editing: None, from: None })>
                    {live!("relations.add")}
                </button>
            </div>
            <div class="filters" role="search" aria-label=live!("relations.filter")>
                <div class="field grow">
                    <label for="relation-search">{live!("relations.actor")}</label>
                    <input
                        id="relation-search"
                        type="search"
                        placeholder=live!("relations.search_placeholder")
                        prop:value=move || query.with(|q| q.text.clone())
                        on:input=move |ev| query.update(|q| q.text = event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="relation-filter-kind">{live!("common.kind")}</label>
                    <select id="relation-filter-kind" on:change=move |ev| query.update(|q| q.kind = RelationKind::from_key(&event_target_value(&ev)))>
                        <option value="">{live!("actors.all_kinds")}</option>
                        {RelationKind::ALL.iter().map(|k| view! { <option value=k.key()>{live_label(k, |v| v.label())}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="relation-filter-binding">{live!("relations.binding")}</label>
                    <select id="relation-filter-binding" on:change=move |ev| query.update(|q| q.binding = Binding::from_key(&event_target_value(&ev)))>
                        <option value="">{live!("common.all")}</option>
                        {Binding::ALL.iter().map(|b| view! { <option value=b.key()>{live_label(b, |v| v.label())}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <p class="result-count" aria-live="polite" data-testid="relation-count">{move || tr!("relations.count", n = number(rows.with(|r| r.len())))}</p>
            {move || state.with_region(|r| r.relations.is_empty()).unwrap_or(false).then(|| view! {
                <p class="empty" data-testid="relations-empty">{live!("relations.empty")}</p>
            })}
            <table class="data" data-testid="relation-table">
                <thead>
                    <tr>
                        <th scope="col">{live!("relations.col.from")}</th>
                        <th scope="col">{live!("common.kind")}</th>
                        <th scope="col">{live!("relations.col.to")}</th>
                        <th scope="col">{live!("relations.binding")}</th>
                        <th scope="col" class="secondary">{live!("relations.since")}</th>
                        <th scope="col"><span class="visually-hidden">{live!("common.actions")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    // A page of rows, drawn anew on a change: rows hold no field to keep focus in.
                    {move || rows.with(|all| all.iter().take(limit.get()).cloned().collect::<Vec<_>>()).into_iter().map(|(id, from, kind, to, binding, since)| {
                        let edit_id = id.clone();
                        let label = format!("{from} – {to}");
                        view! {
                            <tr>
                                <td>{from.clone()}</td>
                                <td>{kind}</td>
                                <td>{to.clone()}</td>
                                <td>{binding}</td>
                                <td class="secondary">{since}</td>
                                <td class="row-actions">
                                    <button
                                        type="button"
                                        class="small"
                                        aria-label=tr!("relations.edit_named", label = label)
                                        on:click=move |_| state.open(Panel::RelationForm { editing: Some(edit_id.clone()), from: None })
                                    >{live!("common.edit")}</button>
                                    <ConfirmButton
                                        label=live!("common.delete")
                                        aria_label=tr!("relations.delete_named", label = label)
                                        question=live!("relations.delete_question")
                                        confirm_label=live!("common.confirm_delete")
                                        on_confirm=Callback::new(move |_: ()| {
                                            state.edit_region(|r| r.delete_relation(&id));
                                            state.confirm(t!("relations.deleted"));
                                        })
                                    />
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <MoreRows limit=limit matching=matching rows="[data-testid=relation-table] tbody tr" shown=|shown, total| tr!("relations.shown", shown = shown, total = total) />
        </section>
    }
}

/// Creates a relation (optionally starting at `from`) or edits `editing`.
#[component]
pub fn RelationForm(editing: Option<Id>, from: Option<Id>) -> impl IntoView {
    let state = use_state();
    let existing = editing.as_ref().and_then(|id| state.with_region_untracked(|r| r.relation(id).cloned()).flatten());
    let creating = existing.is_none();
    let initial = existing
        .as_ref()
        .map(RelationDraft::from_relation)
        .unwrap_or_else(|| RelationDraft { from: from.clone(), ..RelationDraft::default() });
    let form = state.form_draft("relation", editing.as_ref(), || initial);
    let draft = form.value;
    let errors = RwSignal::new(FieldErrors::new());
    let relation_id = existing.as_ref().map(|r| r.id.clone()).unwrap_or_else(|| new_id("rel"));
    // Where to go after saving or cancelling: back to the actor it started at.
    let back = from.clone().or_else(|| existing.as_ref().map(|r| r.from.clone()));
    let back_panel = move || back.clone().map(Panel::Actor).unwrap_or(Panel::None);

    let actor_options = Signal::derive(move || {
        let mut options = vec![(String::new(), t!("common.please_choose").to_owned())];
        if let Some(actors) = state.with_region(|r| actors_by_name(r, |_| true)) {
            options.extend(actors.into_iter().map(|(id, name)| (id.0, name)));
        }
        options
    });
    let kind_options = Signal::derive(|| RelationKind::ALL.iter().map(|k| (k.key().to_owned(), k.label().to_owned())).collect::<Vec<_>>());
    let binding_options = Signal::derive(|| Binding::ALL.iter().map(|b| (b.key().to_owned(), b.label().to_owned())).collect::<Vec<_>>());
    let direction_options = Signal::derive(|| {
        [Direction::Forward, Direction::Both].iter().map(|d| (d.key().to_owned(), d.label().to_owned())).collect::<Vec<_>>()
    });
    // A Memo: the direction field is drawn again only when this changes, not at every keystroke.
    let directed = Memo::new(move |_| draft.with(|d| d.kind.has_direction()));
    let actor_value = |pick: fn(&RelationDraft) -> &Option<Id>| {
        Signal::derive(move || draft.with(|d| pick(d).as_ref().map(|a| a.0.clone()).unwrap_or_default()))
    };
    let (since, set_since) = lens(draft, |d| &d.since, |d| &mut d.since);
    let (notes, set_notes) = lens(draft, |d| &d.notes, |d| &mut d.notes);

    let save = {
        let back_panel = back_panel.clone();
        move || {
            let built = state
                .with_region_untracked(|r| draft.with_untracked(|d| d.build(relation_id.clone(), r)))
                .unwrap_or_else(|| Err(FieldErrors::new()));
            match built {
                Ok(relation) => {
                    form.finish();
                    state.edit_region(|r| r.upsert_relation(relation));
                    state.open(back_panel());
                    state.confirm(t!("relations.saved"));
                }
                Err(found) => {
                    errors.set(found);
                    focus_first_error();
                }
            }
        }
    };

    view! {
        <form
            class="entity-form"
            aria-labelledby="relation-form-title"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                save();
            }
        >
            <header class="panel-head">
                <h2 id="relation-form-title" tabindex="-1">{move || if creating { t!("relations.new") } else { t!("relations.edit") }}</h2>
            </header>
            <DraftRestored restored=form.restored on_discard=Callback::new(move |_| form.discard()) />
            <ErrorSummary errors=errors />
            <SelectField
                id="relation-kind"
                label=live!("relations.kind")
                required=true
                options=kind_options
                value=Signal::derive(move || draft.with(|d| d.kind.key()))
                on_change=Callback::new(move |v: String| draft.update(|d| if let Some(k) = RelationKind::from_key(&v) { d.kind = k }))
                error=error_of(errors, "kind")
            />
            <SelectField
                id="relation-from"
                label=live!("relations.from")
                required=true
                options=actor_options
                value=actor_value(|d| &d.from)
                on_change=Callback::new(move |v: String| draft.update(|d| d.from = (!v.is_empty()).then(|| Id(v))))
                error=error_of(errors, "from")
            />
            {move || directed.get().then(|| view! {
                <SelectField
                    id="relation-direction"
                    label=live!("relations.direction")
                    options=direction_options
                    value=Signal::derive(move || draft.with(|d| d.effective_direction().key()))
                    on_change=Callback::new(move |v: String| draft.update(|d| if let Some(x) = Direction::from_key(&v) { d.direction = x }))
                />
            })}
            <SelectField
                id="relation-to"
                label=live!("relations.to")
                required=true
                options=actor_options
                value=actor_value(|d| &d.to)
                on_change=Callback::new(move |v: String| draft.update(|d| d.to = (!v.is_empty()).then(|| Id(v))))
                error=error_of(errors, "to")
            />
            <SelectField
                id="relation-binding"
                label={live!("relations.binding")}
                options=binding_options
                value=Signal::derive(move || draft.with(|d| d.binding.key()))
                on_change=Callback::new(move |v: String| draft.update(|d| if let Some(b) = Binding::from_key(&v) { d.binding = b }))
            />
            <TextField
                id="relation-since"
                label={live!("relations.since")}
                hint=live!("relations.since_hint")
                value=since
                on_input=set_since
                error=error_of(errors, "since")
            />
            <TextField id="relation-notes" label=live!("common.notes") rows=3 value=notes on_input=set_notes />
            <div class="actions sticky">
                <button type="submit" class="primary">{live!("common.save")}</button>
                <button type="button" on:click=move |_| {
                    form.finish();
                    state.open(back_panel());
                }>{live!("common.cancel")}</button>
            </div>
        </form>
    }
}
