//! One checklist: the overview bars, filters, and every item with its status,
//! responsible actors, due date, notes, answers and history.

use leptos::prelude::*;

use crate::domain::rules::dates::{day_input_to_iso, show as date};
use crate::i18n::live_label;

use crate::app::checklists::list::{status_class, status_label, ProgressBar};

use crate::app::platform::browser::{focus_later, format_timestamp, now_iso, today};
use crate::app::state::{use_state, AppState, Panel, View};
use crate::domain::data::files::export::{export, ExportOptions, Format, Source};
use crate::domain::editing::query::actors_by_name;
use crate::domain::model::checklist::{Answer, ChecklistItem, ItemFilter, ItemKind, Progress, Status};
use crate::domain::Id;

#[component]
pub fn ChecklistView(id: Id) -> impl IntoView {
    let back_id = id.clone();
    let state = use_state();
    let filter = RwSignal::new(ItemFilter::default());
    let checklist = {
        let id = id.clone();
        Memo::new(move |_| state.with_region(|r| r.checklist(&id).cloned()).flatten())
    };
    let header = move || checklist.with(|c| c.as_ref().map(|c| (c.title.clone(), c.template_name.clone(), c.template_version)));
    let today = today();
    let summary = {
        let today = today.clone();
        move || {
            checklist.with(|c| {
                c.as_ref().map(|c| {
                    let sections = c.sections.iter().map(|s| (s.title.clone(), Progress::of(&s.items))).collect::<Vec<_>>();
                    let overdue = c.items().filter(|i| i.is_overdue(&today)).count();
                    let nobody = c.items().filter(|i| i.responsible.is_empty()).count();
                    (c.progress(), sections, overdue, nobody)
                })
            })
        }
    };
    let export_id = id.clone();
    let export = move |_| {
        let ids = [export_id.clone()];
        let options = ExportOptions { personal_data: true, stichtage: true, author: String::new(), now: now_iso() };
        let file = state.with_region_untracked(|region| {
            export(Source::Checklists { region, ids: &ids, templates: &[] }, Format::ChecklistCsv, &options)
        });
        if let Some(Ok(file)) = file {
            state.save_file(&file.file_name, file.mime, &file.text);
        }
    };
    let statuses_present = move || {
        checklist.with(|c| {
            let mut scales: Vec<&'static [Status]> = Vec::new();
            for item in c.iter().flat_map(|c| c.items()) {
                if let ItemKind::Status(scale) = item.kind {
                    if !scales.contains(&scale.steps()) {
                        scales.push(scale.steps());
                    }
                }
            }
            scales.concat()
        })
    };
    let responsible_options = move || {
        let named: Vec<Id> = checklist.with(|c| c.iter().flat_map(|c| c.items()).flat_map(|i| i.responsible.clone()).collect());
        state
            .with_region(|r| actors_by_name(r, |a| named.contains(&a.id)))
            .unwrap_or_default()
            .into_iter()
            .map(|(id, name)| (id.0, name))
            .collect::<Vec<_>>()
    };

    view! {
        <section class="checklist-view" aria-labelledby="checklist-title">
            <button type="button" class="link back" on:click=move |_| {
                // Back at the list, the focus lands on the checklist just left.
                focus_later(format!(r#"[id="open-{}"]"#, back_id.0.replace('"', "\\\"")));
                state.open_checklist.set(None);
            }>{live!("checklist.back")}</button>
            <div class="list-head">
                <div>
                    <h2 id="checklist-title" tabindex="-1">{move || header().map(|h| h.0)}</h2>
                    <p class="muted">{move || header().map(|(_, t, v)| tr!("checklist.origin", template = t, version = v))}</p>
                </div>
                <div class="actions inline">
                    <button type="button" on:click=move |_| state.view.set(View::Print)>{live!("checklist.print")}</button>
                    <button type="button" on:click=export>{live!("checklist.csv")}</button>
                </div>
            </div>
            {move || summary().map(|(overall, sections, overdue, nobody)| view! {
                <section class="overview" aria-labelledby="overview-title">
                    <h3 id="overview-title">{live!("checklist.overview")}</h3>
                    <ProgressBar progress=overall label=live!("checklist.overall") />
                    <table class="section-progress">
                        <caption class="visually-hidden">{live!("checklist.per_section")}</caption>
                        <tbody>
                            {sections.into_iter().map(|(title, progress)| {
                                let label = title.clone();
                                view! {
                                    <tr>
                                        <th scope="row">{title}</th>
                                        <td><ProgressBar progress=progress label=label /></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="attention">
                        <button type="button" class="link" on:click=move |_| filter.set(ItemFilter { overdue_only: true, ..ItemFilter::default() })>
                            {move || tr!("checklist.overdue_n", n = overdue)}
                        </button>
                        " · "
                        <button type="button" class="link" on:click=move |_| filter.set(ItemFilter { without_responsible: true, ..ItemFilter::default() })>
                            {move || tr!("checklist.nobody_n", n = nobody)}
                        </button>
                    </p>
                </section>
            })}
            <div class="filters" role="search" aria-label=live!("checklist.filter")>
                <div class="field">
                    <label for="item-filter-status">{live!("print.col.status")}</label>
                    <select id="item-filter-status" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        filter.update(|f| f.status = match value.as_str() {
                            "" => None,
                            "offen" => Some(None),
                            key => Status::from_key(key).map(Some) });
                    }>
                        <option value="" selected=move || filter.with(|f| f.status.is_none())>{live!("common.all")}</option>
                        {move || statuses_present().into_iter().map(|s| view! {
                            <option value=s.key() selected=move || filter.with(|f| f.status == Some(Some(s)))>{live_label(s, |v| v.label())}</option>
                        }).collect_view()}
                        <option value="offen" selected=move || filter.with(|f| f.status == Some(None))>{move || status_label(None)}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="item-filter-actor">{live!("print.col.responsible")}</label>
                    <select id="item-filter-actor" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        filter.update(|f| f.responsible = (!value.is_empty()).then(|| Id(value)));
                    }>
                        <option value="" selected=move || filter.with(|f| f.responsible.is_none())>{live!("common.all")}</option>
                        {move || responsible_options().into_iter().map(|(id, name)| {
                            let this = Id(id.clone());
                            view! { <option value=id selected=move || filter.with(|f| f.responsible.as_ref() == Some(&this))>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <label class="checkbox" for="item-filter-overdue">
                    <input type="checkbox" id="item-filter-overdue" prop:checked=move || filter.with(|f| f.overdue_only)
                        on:change=move |ev| filter.update(|f| f.overdue_only = event_target_checked(&ev)) />
                    {live!("checklist.only_overdue")}
                </label>
                <label class="checkbox" for="item-filter-nobody">
                    <input type="checkbox" id="item-filter-nobody" prop:checked=move || filter.with(|f| f.without_responsible)
                        on:change=move |ev| filter.update(|f| f.without_responsible = event_target_checked(&ev)) />
                    {live!("checklist.without_responsible")}
                </label>
                <button type="button" class="link" hidden=move || !filter.with(ItemFilter::is_active) on:click=move |_| filter.set(ItemFilter::default())>{live!("actors.reset_filters")}</button>
            </div>
            <Sections id=id.clone() filter=filter today=today.clone() />
        </section>
    }
}

/// The sections with the items that pass the filter. Rebuilt only when the
/// set of shown items changes, so typing in a field keeps its focus.
#[component]
fn Sections(id: Id, filter: RwSignal<ItemFilter>, today: String) -> impl IntoView {
    let state = use_state();
    let shown = {
        let id = id.clone();
        Memo::new(move |_| {
            let f = filter.get();
            state
                .with_region(|r| {
                    r.checklist(&id).map(|c| {
                        c.sections
                            .iter()
                            .enumerate()
                            .map(|(n, s)| {
                                let items: Vec<(usize, Id)> = s
                                    .items
                                    .iter()
                                    .enumerate()
                                    .filter(|(_, i)| f.matches(i, &today))
                                    .map(|(k, i)| (k + 1, i.id.clone()))
                                    .collect();
                                (n + 1, s.title.clone(), items)
                            })
                            .filter(|(_, _, items)| !items.is_empty())
                            .collect::<Vec<_>>()
                    })
                })
                .flatten()
                .unwrap_or_default()
        })
    };
    view! {
        <p class="result-count" aria-live="polite" data-testid="item-count">
            {move || tr!("checklist.shown_n", n = shown.with(|s| s.iter().map(|x| x.2.len()).sum::<usize>()))}
        </p>
        // All sections drawn anew when the set of shown items changes (the
        // memo above), never on an edit of an item: focus stays in its field.
        {move || shown.get().into_iter().map(|(number, title, items)| {
            let checklist = id.clone();
            view! {
                <section class="checklist-section" aria-labelledby=format!("section-{number}")>
                    <h3 id=format!("section-{number}")>{format!("{number}. {title}")}</h3>
                    <ol class="items">
                        {items.into_iter().map(|(k, item)| view! {
                            <ItemCard checklist=checklist.clone() item=item number=format!("{number}.{k}") />
                        }).collect_view()}
                    </ol>
                </section>
            }
        }).collect_view()}
    }
}

/// One item; its fields save on change (not on every keystroke), so that
/// each edit is one undo step.
#[component]
fn ItemCard(checklist: Id, item: Id, number: String) -> impl IntoView {
    let state = use_state();
    let data = {
        let (checklist, item) = (checklist.clone(), item.clone());
        Memo::new(move |_| state.with_region(|r| r.checklist(&checklist).and_then(|c| c.items().find(|i| i.id == item).cloned())).flatten())
    };
    let edit = {
        let (checklist, item) = (checklist.clone(), item.clone());
        move |change: Box<dyn FnOnce(&mut ChecklistItem)>| {
            let item = item.clone();
            state.edit_checklist(&checklist, move |c| c.update_item(&item, &now_iso(), change));
        }
    };
    let set_status = {
        let (checklist, item) = (checklist.clone(), item.clone());
        move |status: Option<Status>| {
            let item = item.clone();
            state.edit_checklist(&checklist, move |c| {
                c.set_status(&item, status, &now_iso());
            });
            state.announce(&tr!("checklist.status_announce", status = status_label(status)));
        }
    };
    let dom_id = format!("item-{}", item.0);
    let today = today();
    let due_error = RwSignal::new(false);
    move || {
        let Some(current) = data.get() else { return None };
        let overdue = current.is_overdue(&today);
        let kind = current.kind;
        let head_id = format!("{dom_id}-text");
        let labelled_by = head_id.clone();
        let status_part = match kind {
            ItemKind::Status(scale) => {
                let steps: Vec<Option<Status>> = scale.steps().iter().map(|s| Some(*s)).chain([None]).collect();
                let group_name = format!("{dom_id}-status");
                let set_status = set_status.clone();
                Some(
                    view! {
                        <fieldset class="status-choice">
                            <legend>{live!("print.col.status")}</legend>
                            {steps.into_iter().enumerate().map(|(n, s)| {
                                let radio_id = format!("{group_name}-{n}");
                                let label_for = radio_id.clone();
                                let set_status = set_status.clone();
                                view! {
                                    <label class=format!("status-option {}", status_class(s)) for=label_for>
                                        <input type="radio" name=group_name.clone() id=radio_id prop:checked=current.status == s
                                            on:change=move |_| set_status(s) />
                                        {move || status_label(s)}
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                    }
                    .into_any(),
                )
            }
            ItemKind::Answers => {
                Some(view! { <Answers checklist=checklist.clone() item=item.clone() answers=current.answers.clone() /> }.into_any())
            }
        };
        let due_edit = edit.clone();
        let notes_edit = edit.clone();
        Some(view! {
            <li class="item" class:overdue=overdue id=dom_id.clone() tabindex="-1" aria-labelledby=labelled_by data-testid="checklist-item">
                <div class="item-head">
                    <span class="item-number">{number.clone()}</span>
                    <p class="item-text" id=head_id>{current.text.clone()}</p>
                    {overdue.then(|| view! { <span class="badge overdue">{live!("checklist.overdue")}</span> })}
                    {matches!(kind, ItemKind::Status(_)).then(|| view! {
                        <span class=format!("badge {}", status_class(current.status))>{move || status_label(current.status)}</span>
                    })}
                </div>
                {(!current.help.is_empty()).then(|| view! { <p class="hint">{current.help.clone()}</p> })}
                {status_part}
                <Responsible checklist=checklist.clone() item=item.clone() chosen=current.responsible.clone() />
                <div class="item-fields">
                    <div class="field">
                        <label for=format!("{dom_id}-due")>{live!("checklist.due_on")}</label>
                        // Typed as people write dates (01.09.2026), not in the browser's own date format.
                        <input type="text" inputmode="numeric" autocomplete="off" id=format!("{dom_id}-due")
                            placeholder=live!("checklist.due_placeholder")
                            prop:value=date(&current.due)
                            aria-invalid=move || due_error.get().to_string()
                            aria-describedby=format!("{dom_id}-due-error")
                            on:change=move |ev| match day_input_to_iso(&event_target_value(&ev)) {
                                Some(due) => {
                                    due_error.set(false);
                                    due_edit(Box::new(move |i| i.due = due));
                                }
                                None => due_error.set(true) } />
                        <div id=format!("{dom_id}-due-error") aria-live="polite">
                            {move || due_error.get().then(|| view! { <p class="error">{live!("checklist.due_invalid")}</p> })}
                        </div>
                    </div>
                    <div class="field grow">
                        <label for=format!("{dom_id}-notes")>{live!("common.notes")}</label>
                        <textarea id=format!("{dom_id}-notes") rows="2" prop:value=current.notes.clone()
                            on:change=move |ev| {
                                let value = event_target_value(&ev).trim().to_owned();
                                notes_edit(Box::new(move |i| i.notes = value));
                            }></textarea>
                    </div>
                </div>
                <History item=current.clone() />
            </li>
        })
    }
}

/// The actors responsible for an item: chips that open the actor, and a
/// select to add one.
#[component]
fn Responsible(checklist: Id, item: Id, chosen: Vec<Id>) -> impl IntoView {
    let state = use_state();
    let select_id = format!("item-{}-add-actor", item.0);
    let names: Vec<(Id, String)> =
        state.with_region_untracked(|r| chosen.iter().map(|a| (a.clone(), r.actor_name(a))).collect()).unwrap_or_default();
    let options = state.with_region_untracked(|r| actors_by_name(r, |a| !chosen.contains(&a.id))).unwrap_or_default();
    let change = move |state: AppState, checklist: Id, item: Id, actor: Id, add: bool| {
        state.edit_checklist(&checklist, move |c| {
            c.update_item(&item, &now_iso(), |i| {
                if add && !i.responsible.contains(&actor) {
                    i.responsible.push(actor);
                } else if !add {
                    i.responsible.retain(|a| a != &actor);
                }
            })
        });
    };
    let (add_checklist, add_item) = (checklist.clone(), item.clone());
    view! {
        <div class="responsible">
            <span class="label">{live!("checklist.responsible")}" "</span>
            {if names.is_empty() { Some(view! { <span class="muted">{live!("checklist.nobody")}</span> }) } else { None }}
            <ul class="chips">
                {names.into_iter().map(|(actor, name)| {
                    let open = actor.clone();
                    let (checklist, item) = (checklist.clone(), item.clone());
                    view! {
                        <li class="chip">
                            <button type="button" class="link" title=live!("checklist.open_actor") on:click=move |_| state.open(Panel::Actor(open.clone()))>{name.clone()}</button>
                            <button type="button" class="remove" aria-label=tr!("checklist.remove_responsible", name = name)
                                on:click=move |_| change(state, checklist.clone(), item.clone(), actor.clone(), false)>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <label class="visually-hidden" for=select_id.clone()>{live!("checklist.add_responsible")}</label>
            <select id=select_id class="add-actor" on:change=move |ev| {
                let value = event_target_value(&ev);
                if !value.is_empty() {
                    change(state, add_checklist.clone(), add_item.clone(), Id(value), true);
                }
            }>
                <option value="" selected=true>{live!("checklist.add_actor_ellipsis")}</option>
                {options.into_iter().map(|(id, name)| view! { <option value=id.0>{name}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// Free-text answers of a Sozialraumkonferenz question, each with actors.
#[component]
fn Answers(checklist: Id, item: Id, answers: Vec<Answer>) -> impl IntoView {
    let state = use_state();
    let text = RwSignal::new(String::new());
    let actor = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let input_id = format!("item-{}-answer", item.0);
    let actor_id = format!("item-{}-answer-actor", item.0);
    let actors = state.with_region_untracked(|r| actors_by_name(r, |_| true)).unwrap_or_default();
    let list = answers
        .iter()
        .enumerate()
        .map(|(n, a)| {
            let names: Vec<(Id, String)> =
                state.with_region_untracked(|r| a.actors.iter().map(|x| (x.clone(), r.actor_name(x))).collect()).unwrap_or_default();
            let (checklist, item) = (checklist.clone(), item.clone());
            let (add_checklist, add_item) = (checklist.clone(), item.clone());
            let add_id = format!("item-{}-answer-{n}-actor", item.0);
            let others: Vec<(Id, String)> = actors.iter().filter(|(id, _)| !a.actors.contains(id)).cloned().collect();
            view! {
                <li>
                    {a.text.clone()}
                    {names.into_iter().map(|(id, name)| view! {
                        " "
                        <button type="button" class="chip link" on:click=move |_| state.open(Panel::Actor(id.clone()))>{name}</button>
                    }).collect_view()}
                    " "
                    <label class="visually-hidden" for=add_id.clone()>{move || tr!("checklist.answer_add_actor", n = n + 1)}</label>
                    <select id=add_id class="add-actor" on:change=move |ev| {
                        let actor = Id(event_target_value(&ev));
                        if actor.0.is_empty() {
                            return;
                        }
                        let item = add_item.clone();
                        state.edit_checklist(&add_checklist, move |c| c.update_item(&item, &now_iso(), |i| {
                            if let Some(answer) = i.answers.get_mut(n) {
                                if !answer.actors.contains(&actor) {
                                    answer.actors.push(actor);
                                }
                            }
                        }));
                    }>
                        <option value="" selected=true>{live!("checklist.add_actor_short")}</option>
                        {others.into_iter().map(|(id, name)| view! { <option value=id.0>{name}</option> }).collect_view()}
                    </select>
                    " "
                    <button type="button" class="small" aria-label=tr!("checklist.answer_remove", n = n + 1) on:click=move |_| {
                        let item = item.clone();
                        state.edit_checklist(&checklist, move |c| c.update_item(&item, &now_iso(), |i| {
                            if n < i.answers.len() {
                                i.answers.remove(n);
                            }
                        }));
                    }>{live!("common.remove")}</button>
                </li>
            }
        })
        .collect_view();
    let add = move || {
        let value = text.get_untracked().trim().to_owned();
        if value.is_empty() {
            error.set(Some(t!("checklist.answer_required")));
            return;
        }
        let chosen = actor.get_untracked();
        let answer = Answer { text: value, actors: if chosen.is_empty() { vec![] } else { vec![Id(chosen)] } };
        let item = item.clone();
        state.edit_checklist(&checklist, move |c| c.update_item(&item, &now_iso(), |i| i.answers.push(answer)));
        text.set(String::new());
        actor.set(String::new());
        error.set(None);
    };
    let error_id = format!("{input_id}-error");
    view! {
        <div class="answers">
            <ul class="answer-list">{list}</ul>
            <div class="answer-form">
                <div class="field grow">
                    <label for=input_id.clone()>{live!("checklist.new_answer")}</label>
                    <input id=input_id type="text" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))
                        aria-invalid=move || error.get().map(|_| "true")
                        aria-describedby={ let error_id = error_id.clone(); move || error.get().map(|_| error_id.clone()) }
                        on:keydown={
                            let add = add.clone();
                            move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { ev.prevent_default(); add(); }
                        } />
                    {move || error.get().map(|e| view! { <p class="error" id=error_id.clone()>{e}</p> })}
                </div>
                <div class="field">
                    <label for=actor_id.clone()>{live!("checklist.answer_actor")}</label>
                    <select id=actor_id on:change=move |ev| actor.set(event_target_value(&ev))>
                        <option value="" selected=move || actor.with(|a| a.is_empty())>{live!("common.none")}</option>
                        {actors.clone().into_iter().map(|(id, name)| {
                            let value = id.0.clone();
                            view! { <option value=id.0 selected=move || actor.with(|a| a == &value)>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="button" on:click=move |_| add()>{live!("checklist.add_answer")}</button>
            </div>
        </div>
    }
}

#[component]
fn History(item: ChecklistItem) -> impl IntoView {
    let changed = (!item.changed_at.is_empty()).then(|| tr!("checklist.changed", date = format_timestamp(&item.changed_at)));
    let history = item.history.clone();
    let n_entries = history.len();
    let entries = move || {
        history
            .iter()
            .rev()
            .map(|h| tr!("checklist.history_entry", time = format_timestamp(&h.at), from = status_label(h.from), to = status_label(h.to)))
            .collect::<Vec<_>>()
    };
    view! {
        <div class="item-meta">
            {changed.map(|c| view! { <span class="muted">{c}</span> })}
            {(n_entries > 0).then(|| view! {
                <details class="history">
                    <summary>{move || tr!("checklist.history_n", n = n_entries)}</summary>
                    <ul>{move || entries().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </details>
            })}
            {(!item.due.is_empty()).then(|| view! { <span class="muted">{move || tr!("checklist.due", date = date(&item.due))}</span> })}
        </div>
    }
}
