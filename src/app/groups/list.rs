//! Gremien and Netzwerke: a list, and a form with members and meetings.

use leptos::prelude::*;

use crate::domain::rules::dates as date;

use crate::app::platform::browser::new_id;
use crate::app::state::{use_state, Panel};
use crate::app::widgets::actor_picker::ActorPicker;
use crate::app::widgets::confirm::ConfirmButton;
use crate::app::widgets::fields::{
    error_of, focus_first_error, lens, row_count, toggle, DraftRestored, ErrorSummary, SelectField, TextField,
};
use crate::domain::editing::draft::GroupDraft;
use crate::domain::order;
use crate::domain::rules::fields::FieldErrors;
use crate::domain::rules::text::fold;
use crate::domain::{GroupKind, Id, Meeting};

#[component]
pub fn GroupList() -> impl IntoView {
    let state = use_state();
    // (id, name, kind, member names, last meeting)
    let groups = Memo::new(move |_| {
        state
            .with_region(|r| {
                r.groups
                    .iter()
                    .map(|g| {
                        let mut members: Vec<String> = g.members.iter().map(|m| r.actor_name(m)).collect();
                        order::sort_by_key(&mut members, |n| fold(n));
                        let last = g.meetings.last().map(|m| format!("{} {}", date::show(&m.date), m.topic));
                        (g.id.clone(), g.name.clone(), g.kind.label(), members, last)
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <section class="list-view" aria-labelledby="groups-title">
            <div class="list-head">
                <h2 id="groups-title">{live!("groups.title")}</h2>
                <button type="button" class="primary" on:click=move |_| state.open(Panel::GroupForm(None))>{live!("groups.add")}</button>
            </div>
            <p class="empty" hidden=move || groups.with(|g| !g.is_empty())>{live!("groups.empty")}</p>
            <ul class="cards" data-testid="group-list">
                // Re-rendered whole on a change: a handful of cards, and no field inside to keep focus in.
                {move || groups.get().into_iter().map(|(id, name, kind, members, last)| {
                    let edit_id = id.clone();
                    let title = name.clone();
                    view! {
                        <li class="card">
                            <h3>{name}</h3>
                            <p class="kind-badge">{kind}</p>
                            <p>{let (n, names) = (members.len(), members.join(", ")); move || tr!("groups.members_n", n = n, names = names)}</p>
                            {last.map(|l| view! { <p class="muted">{live!("groups.last_meeting")}" "{l}</p> })}
                            <div class="actions">
                                <button type="button" class="small" on:click=move |_| state.open(Panel::GroupForm(Some(edit_id.clone())))>{live!("common.edit")}</button>
                                <ConfirmButton
                                    label=live!("common.delete_ellipsis")
                                    question=tr!("groups.delete_question", name = title)
                                    confirm_label=live!("common.confirm_delete")
                                    on_confirm=Callback::new(move |_: ()| {
                                        state.edit_region(|r| r.delete_group(&id));
                                        state.open(Panel::None);
                                        state.confirm(t!("groups.deleted"));
                                    })
                                />
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub fn GroupForm(id: Option<Id>) -> impl IntoView {
    let state = use_state();
    let existing = id.as_ref().and_then(|id| state.with_region_untracked(|r| r.group(id).cloned()).flatten());
    let creating = existing.is_none();
    let form = state.form_draft("group", id.as_ref(), || existing.as_ref().map(GroupDraft::from_group).unwrap_or_default());
    let draft = form.value;
    let errors = RwSignal::new(FieldErrors::new());
    let group_id = existing.as_ref().map(|g| g.id.clone()).unwrap_or_else(|| new_id("group"));
    let (name, set_name) = lens(draft, |d| &d.name, |d| &mut d.name);
    let (notes, set_notes) = lens(draft, |d| &d.notes, |d| &mut d.notes);
    let member_count = move || draft.with(|d| d.members.len());
    let meeting_count = row_count(move || draft.with(|d| d.meetings.len()));

    let save = move || {
        let built = state
            .with_region_untracked(|r| draft.with_untracked(|d| d.build(group_id.clone(), r)))
            .unwrap_or_else(|| Err(FieldErrors::new()));
        match built {
            Ok(group) => {
                form.finish();
                state.edit_region(|r| r.upsert_group(group));
                state.open(Panel::None);
                state.confirm(t!("groups.saved"));
            }
            Err(found) => {
                errors.set(found);
                focus_first_error();
            }
        }
    };
    let kind_options = Signal::derive(|| GroupKind::ALL.iter().map(|k| (k.key().to_owned(), k.label().to_owned())).collect::<Vec<_>>());
    view! {
        <form class="entity-form" aria-labelledby="group-form-title" novalidate on:submit=move |ev| {
            ev.prevent_default();
            save();
        }>
            <header class="panel-head">
                <h2 id="group-form-title" tabindex="-1">{move || if creating { t!("groups.new") } else { t!("groups.edit") }}</h2>
            </header>
            <DraftRestored restored=form.restored on_discard=Callback::new(move |_| form.discard()) />
            <ErrorSummary errors=errors />
            <TextField id="group-name" label=live!("common.name") required=true value=name on_input=set_name error=error_of(errors, "name") />
            <SelectField
                id="group-kind"
                label=live!("region.kind")
                options=kind_options
                value=Signal::derive(move || draft.with(|d| d.kind.key()))
                on_change=Callback::new(move |v: String| draft.update(|d| if let Some(k) = GroupKind::from_key(&v) { d.kind = k }))
            />
            <ActorPicker
                id="group-member"
                legend=move || tr!("groups.members_selected", n = member_count())
                chosen=Signal::derive(move || draft.with(|d| d.members.clone()))
                on_toggle=Callback::new(move |(actor, on)| draft.update(|d| toggle(&mut d.members, actor, on)))
            />
            <fieldset class="meetings">
                <legend>{live!("groups.meetings")}</legend>
                {move || (0..meeting_count.get()).map(|i| {
                    let date = Signal::derive(move || draft.with(|d| d.meetings.get(i).map(|m| m.date.clone()).unwrap_or_default()));
                    let topic = Signal::derive(move || draft.with(|d| d.meetings.get(i).map(|m| m.topic.clone()).unwrap_or_default()));
                    let number = i + 1;
                    view! {
                        <div class="meeting-row" role="group" aria-label=tr!("groups.meeting_n", number = number)>
                            <TextField
                                id=format!("meeting-{i}-date")
                                label=tr!("groups.meeting_date", number = number)
                                hint=live!("groups.meeting_date_hint")
                                value=date
                                on_input=Callback::new(move |v: String| draft.update(|d| if let Some(m) = d.meetings.get_mut(i) { m.date = v }))
                                error=error_of(errors, format!("meeting.{i}.date"))
                            />
                            <TextField
                                id=format!("meeting-{i}-topic")
                                label=live!("groups.topic")
                                value=topic
                                on_input=Callback::new(move |v: String| draft.update(|d| if let Some(m) = d.meetings.get_mut(i) { m.topic = v }))
                            />
                            <button type="button" class="small" on:click=move |_| draft.update(|d| if i < d.meetings.len() { d.meetings.remove(i); })>
                                {move || tr!("groups.meeting_remove", number = number)}
                            </button>
                        </div>
                    }
                }).collect_view()}
                <button type="button" on:click=move |_| draft.update(|d| d.meetings.push(Meeting::default()))>{live!("groups.meeting_add")}</button>
            </fieldset>
            <TextField id="group-notes" label=live!("common.notes") rows=3 value=notes on_input=set_notes />
            <div class="actions sticky">
                <button type="submit" class="primary">{live!("common.save")}</button>
                <button type="button" on:click=move |_| {
                    form.finish();
                    state.open(Panel::None);
                }>{live!("common.cancel")}</button>
            </div>
        </form>
    }
}
