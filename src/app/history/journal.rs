//! The Tätigkeitsjournal: dated entries of what the network did, each
//! linked to the actors, Gremien and programmes it concerns; listed in the Verlauf,
//! newest first, and on the page of each actor it concerns.

use leptos::prelude::*;

use crate::app::platform::browser::{new_id, today};
use crate::app::state::{use_state, Panel};
use crate::app::widgets::actor_picker::ActorPicker;
use crate::app::widgets::confirm::ConfirmButton;
use crate::app::widgets::fields::{
    error_of, focus_first_error, lens, toggle, CheckboxGroup, DraftRestored, ErrorSummary, SelectField, TextField,
};
use crate::domain::analysis::report::entry_names;
use crate::domain::rules::dates as date;
use crate::domain::rules::fields::FieldErrors;
use crate::domain::{EntryKind, Id, JournalEntry};
use crate::i18n::live_label;

/// The journal of today's region (also while a Stichtag is viewed), newest first.
#[component]
pub fn JournalArea() -> impl IntoView {
    let state = use_state();
    // (id, date, kind, title, text, whom it concerns)
    let entries = Memo::new(move |_| {
        state
            .with_live_region(|r| {
                r.journal
                    .iter()
                    .rev()
                    .map(|e| (e.id.clone(), e.date.clone(), e.kind, e.title.clone(), e.text.clone(), entry_names(r, e)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <section class="journal" aria-labelledby="journal-title">
            <div class="list-head">
                <h3 id="journal-title">{live!("journal.title")}</h3>
                <button type="button" class="primary" on:click=move |_| state.open(Panel::JournalForm(None))>{live!("journal.add")}</button>
            </div>
            <p class="hint">{live!("journal.hint")}</p>
            <p class="empty" hidden=move || entries.with(|e| !e.is_empty())>{live!("journal.empty")}</p>
            <ul class="journal-list" data-testid="journal-list">
                // Re-rendered whole on a change: entries hold no field to keep focus in.
                {move || entries.get().into_iter().map(|(id, day, kind, title, text, names)| {
                    view! {
                        <li class="journal-entry">
                            <p class="muted"><time datetime=day.clone()>{date::show(&day)}</time>" · "{live_label(kind, |k| k.label())}</p>
                            // The title opens the entry to edit or delete it.
                            <h4><button type="button" class="link" on:click=move |_| state.open(Panel::JournalForm(Some(id.clone())))>{title}</button></h4>
                            {(!text.is_empty()).then(|| view! { <p class="entry-text">{text}</p> })}
                            {(!names.is_empty()).then(|| { let names = names.join(", "); view! { <p>{move || tr!("journal.concerns", names = names)}</p> } })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub fn JournalForm(id: Option<Id>) -> impl IntoView {
    let state = use_state();
    let existing = id.as_ref().and_then(|id| state.with_region_untracked(|r| r.journal.iter().find(|e| &e.id == id).cloned()).flatten());
    let creating = existing.is_none();
    let form = state.form_draft("journal", id.as_ref(), || {
        existing.as_ref().map(JournalEntry::as_draft).unwrap_or_else(|| JournalEntry::draft_on(new_id("entry"), &today()))
    });
    let draft = form.value;
    let errors = RwSignal::new(FieldErrors::new());
    let (day, set_day) = lens(draft, |d| &d.date, |d| &mut d.date);
    let (title, set_title) = lens(draft, |d| &d.title, |d| &mut d.title);
    let (text, set_text) = lens(draft, |d| &d.text, |d| &mut d.text);
    let save = move || {
        let built = state.with_region_untracked(|r| draft.with_untracked(|d| d.from_draft(r))).unwrap_or_else(|| Err(FieldErrors::new()));
        match built {
            Ok(entry) => {
                form.finish();
                state.edit_region(|r| r.upsert_journal(entry));
                state.open(Panel::None);
                state.confirm(t!("journal.saved"));
            }
            Err(found) => {
                errors.set(found);
                focus_first_error();
            }
        }
    };
    let kind_options = Signal::derive(|| EntryKind::ALL.iter().map(|k| (k.key().to_owned(), k.label().to_owned())).collect::<Vec<_>>());
    let group_options = Signal::derive(move || {
        state.with_region(|r| r.groups.iter().map(|g| (g.id.0.clone(), g.name.clone())).collect::<Vec<_>>()).unwrap_or_default()
    });
    let programme_options = Signal::derive(move || {
        state.with_region(|r| r.programmes.iter().map(|p| (p.id.0.clone(), p.name.clone())).collect::<Vec<_>>()).unwrap_or_default()
    });
    view! {
        <form class="entity-form" aria-labelledby="journal-form-title" novalidate on:submit=move |ev| {
            ev.prevent_default();
            save();
        }>
            <header class="panel-head">
                <h2 id="journal-form-title" tabindex="-1">{move || if creating { t!("journal.new") } else { t!("journal.edit") }}</h2>
            </header>
            <DraftRestored restored=form.restored on_discard=Callback::new(move |_| form.discard()) />
            <ErrorSummary errors=errors />
            <TextField id="entry-date" label=live!("journal.date") hint=live!("groups.meeting_date_hint") required=true value=day on_input=set_day error=error_of(errors, "date") />
            <SelectField
                id="entry-kind"
                label=live!("common.kind")
                options=kind_options
                value=Signal::derive(move || draft.with(|d| d.kind.key()))
                on_change=Callback::new(move |v: String| draft.update(|d| if let Some(k) = EntryKind::from_key(&v) { d.kind = k }))
            />
            <TextField id="entry-title" label=live!("journal.entry_title") required=true value=title on_input=set_title error=error_of(errors, "title") />
            <TextField id="entry-text" label=live!("journal.text") rows=4 value=text on_input=set_text />
            <ActorPicker
                id="entry-actor"
                legend=move || tr!("journal.actors", n = draft.with(|d| d.actors.len()))
                chosen=Signal::derive(move || draft.with(|d| d.actors.clone()))
                on_toggle=Callback::new(move |(actor, on)| draft.update(|d| toggle(&mut d.actors, actor, on)))
            />
            {move || (group_options.with(|g| !g.is_empty())).then(|| view! {
                <CheckboxGroup
                    id="entry-group"
                    legend=live!("journal.groups")
                    options=group_options
                    checked=Signal::derive(move || draft.with(|d| d.groups.iter().map(|g| g.0.clone()).collect::<Vec<_>>()))
                    on_toggle=Callback::new(move |(group, on): (String, bool)| draft.update(|d| toggle(&mut d.groups, Id(group), on)))
                />
            })}
            {move || (programme_options.with(|p| !p.is_empty())).then(|| view! {
                <CheckboxGroup
                    id="entry-programme"
                    legend=live!("journal.programmes")
                    options=programme_options
                    checked=Signal::derive(move || draft.with(|d| d.programmes.iter().map(|p| p.0.clone()).collect::<Vec<_>>()))
                    on_toggle=Callback::new(move |(p, on): (String, bool)| draft.update(|d| toggle(&mut d.programmes, Id(p), on)))
                />
            })}
            <div class="actions sticky">
                <button type="submit" class="primary">{live!("common.save")}</button>
                <button type="button" on:click=move |_| {
                    form.finish();
                    state.open(Panel::None);
                }>{live!("common.cancel")}</button>
                {id.map(|id| {
                    let title = existing.map(|e| e.title).unwrap_or_default();
                    view! {
                        <ConfirmButton
                            label=live!("common.delete_ellipsis")
                            question=tr!("journal.delete_question", title = title)
                            confirm_label=live!("common.confirm_delete")
                            on_confirm=Callback::new(move |_: ()| {
                                form.finish();
                                state.edit_region(|r| r.delete_journal(&id));
                                state.open(Panel::None);
                                state.confirm(t!("journal.deleted"));
                            })
                        />
                    }
                })}
            </div>
        </form>
    }
}
