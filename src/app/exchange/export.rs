//! Exporting: the whole region, selected checklists or a template as a
//! Netzwerkatlas file; the map as CSV, GraphML or GEXF. Sharing without
//! personal data shows beforehand what will be left out.

use leptos::prelude::*;

use crate::i18n::t;

use crate::app::checklists::list::{all_templates, templates_memo};
use crate::app::exchange::protect::{ProtectFields, Protection};

use crate::app::platform::browser::now_iso;
use crate::app::platform::preferences::{self, Preference};
use crate::app::state::use_state;
use crate::app::widgets::fields::{toggle, CheckboxGroup, TextField};
use crate::domain::data::files::export::{checklists_part, export, ExportError, ExportOptions, Format, Source};
use crate::domain::data::files::privacy::PersonalData;
use crate::domain::Id;

#[derive(Clone, Copy, PartialEq, Eq)]
enum What {
    Region,
    Checklists,
    Template,
}

/// A checkbox with its label, bound to `checked`.
fn checkbox(id: &'static str, label: impl Fn() -> &'static str + Send + Sync + 'static, checked: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="field checkbox-field">
            <label class="checkbox" for=id>
                <input id=id type="checkbox" prop:checked=checked on:change=move |ev| checked.set(event_target_checked(&ev)) />
                {label}
            </label>
        </div>
    }
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let state = use_state();
    let has_region = move || state.workspace.with(|ws| !ws.regions.is_empty());
    let what = RwSignal::new(if state.workspace.with_untracked(|ws| ws.regions.is_empty()) { What::Template } else { What::Region });
    let chosen_checklists = RwSignal::new(Vec::<String>::new());
    let template = RwSignal::new(String::new());
    let without_personal = RwSignal::new(false);
    let with_stichtage = RwSignal::new(true);
    let has_stichtage = move || what.get() == What::Region && state.with_region(|r| !r.stichtage.is_empty()).unwrap_or(false);
    let author = RwSignal::new(preferences::read(Preference::Author).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let protection = Protection::new();

    let region_name = move || state.with_region(|r| r.name.clone()).unwrap_or_default();
    let checklist_options = Signal::derive(move || {
        state.with_region(|r| r.checklists.iter().map(|c| (c.id.0.clone(), c.title.clone())).collect()).unwrap_or_default()
    });
    let template_options = templates_memo(state);

    // What the chosen export holds, for the list of what is left out (counted
    // when shown: cheap, and a memo of its own would cost more wasm).
    let personal = move || match what.get() {
        What::Template => PersonalData::default(),
        What::Region => state.with_region(PersonalData::of).unwrap_or_default(),
        What::Checklists => {
            let ids: Vec<Id> = chosen_checklists.get().into_iter().map(Id).collect();
            state.with_region(|r| PersonalData::of(&checklists_part(r, &ids))).unwrap_or_default()
        }
    };

    let options = move || ExportOptions {
        personal_data: !without_personal.get_untracked(),
        stichtage: with_stichtage.get_untracked(),
        author: author.get_untracked(),
        now: now_iso(),
    };
    let save = move |_| {
        error.set(None);
        preferences::remember(Preference::Author, &author.get_untracked());
        let ids: Vec<Id> = chosen_checklists.get_untracked().into_iter().map(Id).collect();
        let file = state.workspace.with_untracked(|ws| {
            let templates = all_templates(&ws.templates);
            let source = match (what.get_untracked(), ws.active_region()) {
                (What::Region, Some(region)) => Source::Region { region, templates: &ws.templates },
                (What::Checklists, Some(region)) => Source::Checklists { region, ids: &ids, templates: &ws.templates },
                (What::Template, _) => match templates.iter().find(|t| t.id.0 == template.get_untracked()) {
                    Some(template) => Source::Template(template),
                    None => return Err(ExportError::NoChecklist),
                },
                _ => return Err(ExportError::Unsupported),
            };
            export(source, Format::Netzwerkatlas, &options())
        });
        match file {
            Ok(file) => protection.save(state, file, move || error.set(Some(t!("encryption.failed").into()))),
            Err(_) => error.set(Some(match what.get_untracked() {
                What::Checklists => t!("export.choose_checklist").into(),
                _ => t!("export.choose_template").into(),
            })),
        }
    };
    // The map for spreadsheets and network tools, with the same privacy choice.
    let map_file = move |format: Format| {
        move |_| {
            let file = state.workspace.with_untracked(|ws| {
                ws.active_region().map(|region| export(Source::Region { region, templates: &ws.templates }, format, &options()))
            });
            if let Some(Ok(file)) = file {
                state.save_file(&file.file_name, file.mime, &file.text);
            }
        }
    };

    let radio = move |value: What, label: TextProp| {
        view! {
            <label class="radio">
                <input type="radio" name="export-what" prop:checked=move || what.get() == value on:change=move |_| what.set(value) />
                {move || label.get()}
            </label>
        }
    };

    view! {
        <section aria-labelledby="export-title" class="exchange-export">
            <h3 id="export-title">{live!("export.title")}</h3>
            <p class="hint">{live!("export.hint")}</p>
            <fieldset>
                <legend>{live!("export.what")}</legend>
                {move || (has_region()).then(|| view! {
                    {radio(What::Region, TextProp::from(move || tr!("export.whole_region", name = region_name())))}
                    {radio(What::Checklists, live!("export.some_checklists").into())}
                })}
                {radio(What::Template, live!("export.one_template").into())}
            </fieldset>
            {move || (what.get() == What::Checklists).then(|| view! {
                <CheckboxGroup
                    id="export-checklists"
                    legend=live!("tabs.checklists")
                    options=checklist_options
                    checked=chosen_checklists
                    on_toggle=Callback::new(move |(key, on): (String, bool)| chosen_checklists.update(|c| toggle(c, key, on)))
                />
            })}
            {move || (what.get() == What::Template).then(|| view! {
                <div class="field">
                    <label for="export-template">{live!("checklists.template")}</label>
                    <select id="export-template" on:change=move |ev| template.set(event_target_value(&ev))>
                        <option value="" selected=move || template.get().is_empty()>{live!("common.please_choose")}</option>
                        {move || template_options.get().into_iter().map(|t| {
                            let id = t.id.0.clone();
                            let selected = move || template.get() == id;
                            view! { <option value=t.id.0.clone() selected=selected>{move || tr!("export.template_option", name = t.name, version = t.version)}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
            {move || (has_stichtage()).then(|| view! {
                {checkbox("export-stichtage", live!("export.with_stichtage"), with_stichtage)}
            })}
            {move || (what.get() != What::Template).then(|| view! {
                {checkbox("export-without-personal", live!("export.without_personal"), without_personal)}
                <div class="privacy-note" data-testid="privacy-note" aria-live="polite">
                    {move || without_personal.get().then(|| personal().kept()).flatten().map(|kept| view! {
                        <p class="warning-text" data-testid="privacy-kept">{kept}</p>
                    })}
                    {move || {
                        let lines = personal().describe();
                        match (without_personal.get(), lines.is_empty()) {
                            (_, true) => view! { <p class="muted">{live!("export.no_personal")}</p> }.into_any(),
                            (true, false) => view! {
                                <p>{live!("export.left_out")}</p>
                                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                            }.into_any(),
                            (false, false) => view! {
                                <p>{live!("export.has_personal")}</p>
                                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                                <p class="hint">{live!("export.share_hint")}</p>
                            }.into_any() }
                    }}
                </div>
            })}
            <ProtectFields protection=protection />
            <TextField
                id="export-author"
                label=live!("export.author")
                value=author
                on_input=Callback::new(move |v| author.set(v))
            />
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <button type="button" class="primary" disabled=protection.busy on:click=save>
                {move || t(if protection.busy.get() { key!("encryption.sealing") } else { key!("export.save") })}
            </button>

            {move || (has_region()).then(|| view! {
                <h4>{live!("export.map_title")}</h4>
                <p class="hint">{live!("export.map_hint")}</p>
                <div class="button-row">
                    <button type="button" on:click=map_file(Format::ActorsCsv)>{live!("export.actors_csv")}</button>
                    <button type="button" on:click=map_file(Format::RelationsCsv)>{live!("export.relations_csv")}</button>
                    <button type="button" on:click=map_file(Format::GraphMl)>"GraphML"</button>
                    <button type="button" on:click=map_file(Format::Gexf)>"GEXF"</button>
                </div>
            })}
        </section>
    }
}
