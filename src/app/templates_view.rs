//! Checklist templates: the shipped ones (copy to adapt), the user's own
//! (edit, copy, delete), and the editor for sections and items.

use leptos::prelude::*;

use super::browser::new_id;
use super::checklists::all_templates;
use super::confirm::ConfirmButton;
use super::fields::{focus_first_error, error_of, ErrorSummary, TextField};
use super::state::{use_state, View};
use crate::domain::checklist::{ItemKind, Scale, Template};
use crate::domain::templates::{is_builtin, ItemDraft, SectionDraft, TemplateDraft};
use crate::domain::validate::FieldErrors;
use crate::domain::Id;

#[component]
pub fn TemplateManager() -> impl IntoView {
    let state = use_state();
    let templates = Memo::new(move |_| state.workspace.with(|ws| all_templates(&ws.templates)));
    // The template being edited: (id, saved version if any).
    let editing = RwSignal::new(None::<(Id, Option<Template>)>);
    let copy = move |t: &Template| {
        let copy = t.copy_as(new_id("template"), format!("{} (Kopie)", t.name));
        editing.set(Some((copy.id.clone(), None)));
        state.edit_workspace(|ws| ws.templates.push(copy.clone()));
        editing.set(Some((copy.id.clone(), Some(copy))));
    };
    view! {
        <section class="templates" aria-labelledby="templates-title">
            <button type="button" class="link back" on:click=move |_| state.view.set(View::Checklists)>"← Zu den Checklisten"</button>
            <div class="list-head">
                <h2 id="templates-title">"Vorlagen für Checklisten"</h2>
                <button type="button" class="primary" on:click=move |_| editing.set(Some((new_id("template"), None)))>"+ Neue Vorlage"</button>
            </div>
            <p class="hint">"Mitgelieferte Vorlagen lassen sich nicht ändern, aber kopieren und anpassen. Jede Checkliste merkt sich, aus welcher Vorlage und Version sie stammt."</p>
            {move || editing.get().map(|(id, saved)| view! {
                <TemplateEditor id=id saved=saved on_close=Callback::new(move |_: ()| editing.set(None)) />
            })}
            <ul class="cards wide" data-testid="template-list">
                <For each=move || templates.get() key=|t| (t.id.clone(), t.version, t.name.clone(), t.description.clone()) children=move |t: Template| {
                    let builtin = is_builtin(&t.id);
                    let for_copy = t.clone();
                    let for_edit = t.clone();
                    let delete_id = t.id.clone();
                    view! {
                        <li class="card">
                            <h3>{t.name.clone()}</h3>
                            <p class="muted">{format!("{} · {} Abschnitte, {} Punkte · Version {}", if builtin { "mitgeliefert" } else { "eigene Vorlage" }, t.sections.len(), t.item_count(), t.version)}</p>
                            <p>{t.description.clone()}</p>
                            <div class="actions">
                                <button type="button" class="small" on:click=move |_| copy(&for_copy)>{format!("„{}“ kopieren und anpassen", t.name)}</button>
                                {(!builtin).then(|| view! {
                                    <button type="button" class="small" on:click=move |_| editing.set(Some((for_edit.id.clone(), Some(for_edit.clone()))))>"Bearbeiten"</button>
                                    <ConfirmButton
                                        label="Löschen …"
                                        question="Vorlage löschen? Bestehende Checklisten behalten ihren Inhalt."
                                        confirm_label="Ja, löschen"
                                        on_confirm=Callback::new(move |_: ()| {
                                            let id = delete_id.clone();
                                            state.edit_workspace(|ws| ws.templates.retain(|t| t.id != id));
                                            state.announce("Vorlage gelöscht");
                                        })
                                    />
                                })}
                            </div>
                        </li>
                    }
                } />
            </ul>
        </section>
    }
}

#[component]
fn TemplateEditor(id: Id, saved: Option<Template>, on_close: Callback<()>) -> impl IntoView {
    let state = use_state();
    let draft = RwSignal::new(saved.as_ref().map(TemplateDraft::from_template).unwrap_or_else(|| TemplateDraft {
        sections: vec![SectionDraft { items: vec![ItemDraft::default()], ..SectionDraft::default() }],
        ..TemplateDraft::default()
    }));
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
                on_close.run(());
                state.announce("Vorlage gespeichert");
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
            <h3 id="template-editor-title" tabindex="-1">"Vorlage bearbeiten"</h3>
            <ErrorSummary errors=errors />
            <TextField id="template-name" label="Name der Vorlage" required=true value=name on_input=set_name error=error_of(errors, "name") />
            <TextField id="template-description" label="Beschreibung" rows=2 value=description on_input=set_description />
            {move || errors.with(|e| e.get("sections").cloned()).map(|e| view! { <p class="error">{e}</p> })}
            {move || shape.get().into_iter().enumerate().map(|(s, item_count)| {
                let number = s + 1;
                let title = Signal::derive(move || draft.with(|d| d.sections.get(s).map(|x| x.title.clone()).unwrap_or_default()));
                let set_title = Callback::new(move |v: String| draft.update(|d| if let Some(x) = d.sections.get_mut(s) { x.title = v }));
                view! {
                    <fieldset class="template-section">
                        <legend>{format!("Abschnitt {number}")}</legend>
                        <TextField id=format!("section-{s}-title") label=format!("Titel (Abschnitt {number})") value=title on_input=set_title error=error_of(errors, format!("section.{s}.title")) />
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
                                        <TextField id=format!("item-{s}-{i}-text") label=format!("Punkt {item_number}") value=get(|x| x.text.clone()) on_input=set(|x, v| x.text = v) />
                                        <TextField id=format!("item-{s}-{i}-help") label="Hilfetext" value=get(|x| x.help.clone()) on_input=set(|x, v| x.help = v) />
                                        <div class="field">
                                            <label for=kind_id.clone()>"Antwortart"</label>
                                            <select id=kind_id on:change=move |ev| {
                                                let value = event_target_value(&ev);
                                                draft.update(|d| if let Some(item) = d.sections.get_mut(s).and_then(|x| x.items.get_mut(i)) {
                                                    item.kind = kind_from_key(&value);
                                                });
                                            }>
                                                {KINDS.iter().map(|(key, label)| {
                                                    let key = *key;
                                                    view! { <option value=key selected=move || current_kind.get() == key>{*label}</option> }
                                                }).collect_view()}
                                            </select>
                                        </div>
                                        <button type="button" class="small" on:click=move |_| draft.update(|d| if let Some(x) = d.sections.get_mut(s) {
                                            if i < x.items.len() { x.items.remove(i); }
                                        })>{format!("Punkt {item_number} entfernen")}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        <div class="actions">
                            <button type="button" class="small" on:click=move |_| draft.update(|d| if let Some(x) = d.sections.get_mut(s) {
                                x.items.push(ItemDraft::default());
                            })>{format!("+ Punkt in Abschnitt {number}")}</button>
                            <button type="button" class="small" on:click=move |_| draft.update(|d| if s < d.sections.len() { d.sections.remove(s); })>
                                {format!("Abschnitt {number} entfernen")}
                            </button>
                        </div>
                    </fieldset>
                }
            }).collect_view()}
            <button type="button" on:click=move |_| draft.update(|d| d.sections.push(SectionDraft { items: vec![ItemDraft::default()], ..SectionDraft::default() }))>"+ Abschnitt"</button>
            <div class="actions">
                <button type="submit" class="primary">"Vorlage speichern"</button>
                <button type="button" on:click=move |_| on_close.run(())>"Abbrechen"</button>
            </div>
        </form>
    }
}

const KINDS: [(&str, &str); 3] = [
    ("planning", "Planungsstand (Nein … Bereits umgesetzt)"),
    ("factor", "Wirkung (hemmt / neutral / fördert)"),
    ("answers", "Freitext-Antworten mit Akteuren"),
];

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
