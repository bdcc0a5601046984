//! Checklist templates: the shipped ones (copy to adapt), the user's own
//! (edit, copy, delete), and the editor for sections and items.

use leptos::prelude::*;

use crate::app::checklists::list::templates_memo;

use crate::app::platform::browser::new_id;
use crate::app::state::{use_state, View};
use crate::app::widgets::confirm::ConfirmButton;
use crate::app::widgets::fields::{error_of, focus_first_error, DraftRestored, ErrorSummary, TextField};
use crate::domain::model::checklist::{ItemKind, Scale, Template};
use crate::domain::model::templates::{is_builtin, ItemDraft, SectionDraft, TemplateDraft};
use crate::domain::rules::fields::FieldErrors;
use crate::domain::Id;

#[component]
pub fn TemplateManager() -> impl IntoView {
    let state = use_state();
    let templates = templates_memo(state);
    // The template being edited: (id, saved version if any).
    let editing = RwSignal::new(None::<(Id, Option<Template>)>);
    let copy = move |t: &Template| {
        let copy = t.copy_as(new_id("template"), tr!("templates.copy_name", name = t.name));
        editing.set(Some((copy.id.clone(), None)));
        state.edit_workspace(|ws| ws.templates.push(copy.clone()));
        editing.set(Some((copy.id.clone(), Some(copy))));
    };
    view! {
        <section class="templates" aria-labelledby="templates-title">
            <button type="button" class="link back" on:click=move |_| state.view.set(View::Checklists)>{live!("templates.back")}</button>
            <div class="list-head">
                <h2 id="templates-title">{live!("templates.title")}</h2>
                <button type="button" class="primary" on:click=move |_| editing.set(Some((new_id("template"), None)))>{live!("templates.new")}</button>
            </div>
            <p class="hint">{live!("templates.hint")}</p>
            {move || editing.get().map(|(id, saved)| view! {
                <TemplateEditor id=id saved=saved on_close=Callback::new(move |_: ()| editing.set(None)) />
            })}
            <ul class="cards wide" data-testid="template-list">
                {move || templates.get().into_iter().map(move |template: Template| {
                    let builtin = is_builtin(&template.id);
                    let for_copy = template.clone();
                    let for_edit = template.clone();
                    let delete_id = template.id.clone();
                    view! {
                        <li class="card">
                            <h3>{template.name.clone()}</h3>
                            <p class="muted">{let (sections, items, version) = (template.sections.len(), template.item_count(), template.version); move || tr!("templates.summary", origin = if builtin { t!("templates.builtin") } else { t!("templates.own") }, sections = sections, items = items, version = version)}</p>
                            <p>{template.description.clone()}</p>
                            <div class="actions">
                                <button type="button" class="small" on:click=move |_| copy(&for_copy)>{let name = template.name.clone(); move || tr!("templates.copy", name = name)}</button>
                                {(!builtin).then(|| view! {
                                    <button type="button" class="small" on:click=move |_| editing.set(Some((for_edit.id.clone(), Some(for_edit.clone()))))>{live!("common.edit")}</button>
                                    <ConfirmButton
                                        label=live!("common.delete_ellipsis")
                                        question=live!("templates.delete_question")
                                        confirm_label=live!("common.confirm_delete")
                                        on_confirm=Callback::new(move |_: ()| {
                                            let id = delete_id.clone();
                                            state.edit_workspace(|ws| ws.templates.retain(|t| t.id != id));
                                            state.confirm(t!("templates.deleted"));
                                        })
                                    />
                                })}
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn TemplateEditor(id: Id, saved: Option<Template>, on_close: Callback<()>) -> impl IntoView {
    let state = use_state();
    // A new template gets a fresh id each time: its draft is kept as "new", so it can come back.
    let form = state.form_draft("template", saved.as_ref().map(|t| &t.id), || {
        saved.as_ref().map(TemplateDraft::from_template).unwrap_or_else(|| TemplateDraft {
            sections: vec![SectionDraft { items: vec![ItemDraft::default()], ..SectionDraft::default() }],
            ..TemplateDraft::default()
        })
    });
    let draft = form.value;
    let errors = RwSignal::new(FieldErrors::new());
    let shape = Memo::new(move |_| draft.with(|d| d.sections.iter().map(|s| s.items.len()).collect::<Vec<_>>()));
    let save = move || {
        let mut ids = |prefix: &str| new_id(prefix);
        match draft.with_untracked(|d| d.build(id.clone(), saved.as_ref(), &mut ids)) {
            Ok(template) => {
                state.edit_workspace(|ws| match ws.templates.iter_mut().find(|t| t.id == template.id) {
                    Some(existing) => *existing = template,
                    None => ws.templates.push(template),
                });
                form.finish();
                on_close.run(());
                state.confirm(t!("templates.saved"));
            }
            Err(found) => {
                errors.set(found);
                focus_first_error();
            }
        }
    };
    let text = |get: fn(&TemplateDraft) -> &String, set: fn(&mut TemplateDraft) -> &mut String| {
        (Signal::derive(move || draft.with(|d| get(d).clone())), Callback::new(move |v: String| draft.update(|d| *set(d) = v)))
    };
    let (name, set_name) = text(|d| &d.name, |d| &mut d.name);
    let (description, set_description) = text(|d| &d.description, |d| &mut d.description);
    view! {
        <form class="entity-form wide template-editor" aria-labelledby="template-editor-title" novalidate on:submit=move |ev| {
            ev.prevent_default();
            save();
        }>
            <h3 id="template-editor-title" tabindex="-1">{live!("templates.edit")}</h3>
            <DraftRestored restored=form.restored on_discard=Callback::new(move |_| form.discard()) />
            <ErrorSummary errors=errors />
            <TextField id="template-name" label=live!("templates.name") required=true value=name on_input=set_name error=error_of(errors, "name") />
            <TextField id="template-description" label=live!("templates.description") rows=2 value=description on_input=set_description />
            {move || errors.with(|e| e.get("sections").map(|m| m.text())).map(|e| view! { <p class="error">{e}</p> })}
            {move || shape.get().into_iter().enumerate().map(|(s, item_count)| {
                let number = s + 1;
                let title = Signal::derive(move || draft.with(|d| d.sections.get(s).map(|x| x.title.clone()).unwrap_or_default()));
                let set_title = Callback::new(move |v: String| draft.update(|d| if let Some(x) = d.sections.get_mut(s) { x.title = v }));
                view! {
                    <fieldset class="template-section">
                        <legend>{move || tr!("templates.section_n", number = number)}</legend>
                        <TextField id=format!("section-{s}-title") label=tr!("templates.section_title", number = number) value=title on_input=set_title error=error_of(errors, format!("section.{s}.title")) />
                        <ol class="template-items">
                            {(0..item_count).map(|i| {
                                let item_number = format!("{number}.{}", i + 1);
                                let get = move |f: fn(&ItemDraft) -> String| Signal::derive(move || draft.with(|d| d.sections.get(s).and_then(|x| x.items.get(i)).map(f).unwrap_or_default()));
                                let set = move |f: fn(&mut ItemDraft, String)| Callback::new(move |v: String| draft.update(|d| {
                                    if let Some(item) = d.sections.get_mut(s).and_then(|x| x.items.get_mut(i)) {
                                        f(item, v);
                                    }
                                }));
                                let kind_id = format!("item-{s}-{i}-kind");
                                let current_kind = get(|x| kind_key(x.kind));
                                view! {
                                    <li class="template-item">
                                        <TextField id=format!("item-{s}-{i}-text") label=tr!("templates.item_n", number = item_number) value=get(|x| x.text.clone()) on_input=set(|x, v| x.text = v) />
                                        <TextField id=format!("item-{s}-{i}-help") label=live!("templates.help") value=get(|x| x.help.clone()) on_input=set(|x, v| x.help = v) />
                                        <div class="field">
                                            <label for=kind_id.clone()>{live!("templates.answer_kind")}</label>
                                            <select id=kind_id on:change=move |ev| {
                                                let value = event_target_value(&ev);
                                                draft.update(|d| if let Some(item) = d.sections.get_mut(s).and_then(|x| x.items.get_mut(i)) {
                                                    item.kind = kind_from_key(&value);
                                                });
                                            }>
                                                {kinds().into_iter().map(|(key, label)| {
                                                    view! { <option value=key selected=move || current_kind.get() == key>{label}</option> }
                                                }).collect_view()}
                                            </select>
                                        </div>
                                        <button type="button" class="small" on:click=move |_| draft.update(|d| if let Some(x) = d.sections.get_mut(s) {
                                            if i < x.items.len() { x.items.remove(i); }
                                        })>{move || tr!("templates.item_remove", number = item_number)}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        <div class="actions">
                            <button type="button" class="small" on:click=move |_| draft.update(|d| if let Some(x) = d.sections.get_mut(s) {
                                x.items.push(ItemDraft::default());
                            })>{move || tr!("templates.item_add", number = number)}</button>
                            <button type="button" class="small" on:click=move |_| draft.update(|d| if s < d.sections.len() { d.sections.remove(s); })>
                                {move || tr!("templates.section_remove", number = number)}
                            </button>
                        </div>
                    </fieldset>
                }
            }).collect_view()}
            <button type="button" on:click=move |_| draft.update(|d| d.sections.push(SectionDraft { items: vec![ItemDraft::default()], ..SectionDraft::default() }))>{live!("templates.section_add")}</button>
            <div class="actions">
                <button type="submit" class="primary">{live!("templates.save")}</button>
                <button type="button" on:click=move |_| {
                    form.finish();
                    on_close.run(());
                }>{live!("common.cancel")}</button>
            </div>
        </form>
    }
}

/// (key, label) of every kind of item: the scales, then free answers.
fn kinds() -> Vec<(&'static str, &'static str)> {
    Scale::ALL.iter().map(|s| (s.key(), s.label())).chain([("answers", t!("templates.kind.answers"))]).collect()
}

fn kind_key(kind: ItemKind) -> String {
    match kind {
        ItemKind::Status(scale) => scale.key().to_owned(),
        ItemKind::Answers => "answers".to_owned(),
    }
}

fn kind_from_key(key: &str) -> ItemKind {
    match key {
        "answers" => ItemKind::Answers,
        other => ItemKind::Status(Scale::from_key(other).unwrap_or_default()),
    }
}
