//! The region's checklists: overview cards, starting a new one from a
//! template, and the stacked progress bar shared by all checklist screens.

use leptos::prelude::*;

use crate::app::platform::browser::{format_timestamp, new_id, now_iso, today};
use crate::app::state::{use_state, AppState, View};
use crate::app::widgets::confirm::ConfirmButton;
pub use crate::domain::model::checklist::status_label;
use crate::domain::model::checklist::{Checklist, Progress, Status, Template};
use crate::domain::model::templates::builtin_templates;

/// Shipped templates first, then the user's own.
pub fn all_templates(user: &[Template]) -> Vec<Template> {
    builtin_templates().into_iter().chain(user.iter().cloned()).collect()
}

/// All templates, recomputed when the workspace changes: one memo type
/// for every view that lists them (each memo type costs wasm).
pub fn templates_memo(state: AppState) -> Memo<Vec<Template>> {
    Memo::new(move |_| state.workspace.with(|ws| all_templates(&ws.templates)))
}

pub fn status_class(status: Option<Status>) -> &'static str {
    match status {
        Some(Status::Nein) => "st-nein",
        Some(Status::NichtGeplantSinnvoll) => "st-sinnvoll",
        Some(Status::InPlanung) => "st-planung",
        Some(Status::Umgesetzt) => "st-umgesetzt",
        Some(Status::Hemmt) => "st-hemmt",
        Some(Status::Neutral) => "st-neutral",
        Some(Status::Foerdert) => "st-foerdert",
        None => "st-offen",
    }
}

/// A stacked bar in the status colours, with the numbers written out beside
/// it so that colour is never the only carrier of meaning.
#[component]
pub fn ProgressBar(progress: Progress, #[prop(into)] label: TextProp) -> impl IntoView {
    if progress.total == 0 {
        return view! { <p class="muted">{live!("checklists.no_status_items")}</p> }.into_any();
    }
    let segments = progress.segments();
    let bar = segments
        .iter()
        .map(|(s, n)| {
            // Hundredths of a percent, in integers: no float formatting in the wasm.
            let width = n * 10_000 / progress.total;
            view! { <span class=format!("segment {}", status_class(*s)) style:width=format!("{}.{:02}%", width / 100, width % 100)></span> }
        })
        .collect_view();
    view! {
        <div class="progress" data-testid="progress">
            <div class="bar" role="img" aria-label={let progress = progress.clone(); move || {
                let text = progress.described().into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(" · ");
                format!("{}: {text}", label.get())
            }}>{bar}</div>
            <p class="progress-text" aria-hidden="true">
                {move || progress.described
                    ()
                    .into_iter()
                    .map(|(s, text)| {
                        view! {
                            <span class="legend-item">
                                <span class=format!("swatch {}", status_class(s))></span>
                                {text}
                            </span>
                        }
                    })
                    .collect_view()}
            </p>
        </div>
    }
    .into_any()
}

#[component]
pub fn ChecklistList() -> impl IntoView {
    let state = use_state();
    // (id, title, template, version, created, progress, overdue, without responsible)
    let cards = Memo::new(move |_| {
        let today = today();
        state
            .with_region(|r| {
                r.checklists
                    .iter()
                    .map(|c| {
                        let overdue = c.items().filter(|i| i.is_overdue(&today)).count();
                        let nobody = c.items().filter(|i| i.responsible.is_empty()).count();
                        (
                            c.id.clone(),
                            c.title.clone(),
                            c.template_name.clone(),
                            c.template_version,
                            c.created_at.clone(),
                            c.progress(),
                            overdue,
                            nobody,
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let creating = RwSignal::new(false);
    view! {
        <section class="list-view" aria-labelledby="checklists-title">
            <div class="list-head">
                <h2 id="checklists-title">{live!("tabs.checklists")}</h2>
                <div class="actions inline">
                    <button type="button" on:click=move |_| state.view.set(View::Templates)>{live!("checklists.manage_templates")}</button>
                    <button type="button" class="primary" on:click=move |_| creating.set(true)>{live!("checklists.new_button")}</button>
                </div>
            </div>
            {move || (creating.get()).then(|| view! {
                <NewChecklist on_done=Callback::new(move |_: ()| creating.set(false)) />
            })}
            <p class="empty" hidden=move || cards.with(|c| !c.is_empty())>{live!("checklists.empty")}</p>
            <ul class="cards wide" data-testid="checklist-cards">
                // Re-rendered whole on a change: cards hold no field to keep focus in.
                {move || cards.get().into_iter().map(|(id, title, template, version, created, progress, overdue, nobody)| {
                    let open_id = id.clone();
                    let bar_label = tr!("checklists.progress_of", title = title);
                    view! {
                        <li class="card">
                            <h3>
                                <button type="button" class="link" id=format!("open-{}", id.0) on:click=move |_| state.show_checklist(open_id.clone(), None)>{title.clone()}</button>
                            </h3>
                            <p class="muted">{move || tr!("checklists.origin", template = template, version = version, date = format_timestamp(&created))}</p>
                            <ProgressBar progress=progress label=bar_label />
                            <p>
                                {move || tr!("checklists.overdue", overdue = overdue, nobody = nobody)}
                            </p>
                            <div class="actions">
                                <ConfirmButton
                                    label=live!("common.delete_ellipsis")
                                    question=live!("checklists.delete_question")
                                    confirm_label=live!("common.confirm_delete")
                                    on_confirm=Callback::new(move |_: ()| {
                                        state.edit_region(|r| r.delete_checklist(&id));
                                        state.confirm(t!("checklists.deleted"));
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

/// Picks a template and a title and starts the checklist.
#[component]
fn NewChecklist(on_done: Callback<()>) -> impl IntoView {
    let state = use_state();
    let templates = templates_memo(state);
    let chosen = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let year = today().chars().take(4).collect::<String>();
    let suggest = move |template_id: &str| {
        templates.with_untracked(|ts| ts.iter().find(|t| t.id.0 == template_id).map(|t| format!("{} {year}", t.name)))
    };
    let start = move || {
        let Some(template) = templates.with_untracked(|ts| ts.iter().find(|t| t.id.0 == chosen.get_untracked()).cloned()) else {
            error.set(Some(t!("checklists.choose_template").into()));
            return;
        };
        let name = title.get_untracked().trim().to_owned();
        let name = if name.is_empty() { template.name.clone() } else { name };
        let checklist = Checklist::from_template(new_id("checklist"), name, &template, &now_iso());
        let id = checklist.id.clone();
        state.edit_region(|r| r.checklists.push(checklist));
        on_done.run(());
        state.show_checklist(id, None);
        state.confirm(t!("checklists.created"));
    };
    view! {
        <form class="entity-form new-checklist" aria-labelledby="new-checklist-title" novalidate on:submit=move |ev| {
            ev.prevent_default();
            start();
        }>
            <h3 id="new-checklist-title">{live!("checklists.new")}</h3>
            <fieldset class="template-choice">
                <legend>{live!("checklists.template")}</legend>
                {move || { let suggest = suggest.clone(); templates.get().into_iter().map(move |template: Template| {
                    let suggest = suggest.clone();
                    let radio_id = format!("template-{}", template.id.0);
                    let label_for = radio_id.clone();
                    let value = template.id.0.clone();
                    let is_checked = {
                        let value = value.clone();
                        move || chosen.with(|c| c == &value)
                    };
                    view! {
                        <label class="radio-card" for=label_for>
                            <input
                                type="radio"
                                name="template"
                                id=radio_id
                                value=value.clone()
                                prop:checked=is_checked
                                on:change=move |_| {
                                    let previous = suggest(&chosen.get_untracked());
                                    if title.with_untracked(|t| t.is_empty() || Some(t) == previous.as_ref()) {
                                        title.set(suggest(&value).unwrap_or_default());
                                    }
                                    chosen.set(value.clone());
                                    error.set(None);
                                }
                            />
                            <span>
                                <strong>{template.name.clone()}</strong>
                                " · "{let (items, version) = (template.item_count(), template.version); move || tr!("checklists.template_facts", items = items, version = version)}
                                <br />
                                <span class="muted">{template.description.clone()}</span>
                            </span>
                        </label>
                    }
                }).collect_view() }}
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </fieldset>
            <div class="field">
                <label for="new-checklist-name">{live!("checklists.title")}</label>
                <input id="new-checklist-name" type="text" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
            </div>
            <div class="actions">
                <button type="submit" class="primary">{live!("checklists.create")}</button>
                <button type="button" on:click=move |_| on_done.run(())>{live!("common.cancel")}</button>
            </div>
        </form>
    }
}
