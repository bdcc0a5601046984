//! Importing one or many files. Before anything changes, every file gets a
//! preview: what it holds, what was repaired, and what will be done with it
//! (a region of its own, merged into an existing one with side-by-side
//! choices, or left out). Files that cannot be read say why and change nothing.

use std::sync::Arc;

use leptos::mount::UnmountHandle;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;

use crate::i18n::Message;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::app::effect::effect;
use crate::app::exchange::graph_read::{is_graph, read_graph};
use crate::app::exchange::list_choices::{ListColumns, ListValues};
use crate::app::exchange::protect::UnlockForm;
use crate::app::exchange::workbook_read::{is_workbook, read_workbook};
use crate::app::platform::browser::{file_text, focus_later, format_timestamp, now_iso, table_text};
use crate::app::platform::preferences::{self, Preference};
use crate::app::state::{use_state, AppState, View};
use crate::domain::data::encryption::{is_encrypted, read_encrypted, Encrypted};
use crate::domain::data::files::import::{apply, can_merge, default_action, default_choices, describe, merge_plan, ImportAction};
use crate::domain::data::files::merge::{MatchReason, Matched, MergeChoices, CHECKLIST_KEY};
use crate::domain::data::format::{read_file, ParsedFile, MAX_FILE_BYTES};
use crate::domain::data::lists::actors::{list_from_table, list_to_file, read_list, List};
use crate::domain::data::lists::choices::{remember_values, remembered_values};
use crate::domain::data::lists::columns::{remember_mapping, remembered_mapping};
use crate::domain::data::lists::graph::graph_to_list;
use crate::domain::{Id, Provenance};

#[derive(Clone)]
struct Entry {
    key: usize,
    name: String,
    result: Result<Arc<ParsedFile>, Message>,
    /// A password-protected file waiting for its password.
    locked: Option<Arc<Encrypted>>,
    /// A list of another program, with the field of each column as set.
    list: Option<Arc<List>>,
    action: RwSignal<ImportAction>,
    choices: RwSignal<MergeChoices>,
}

impl Entry {
    /// A file's entry with the actions a user most likely wants preselected.
    fn new(
        state: AppState,
        key: usize,
        name: String,
        result: Result<ParsedFile, Message>,
        locked: Option<Encrypted>,
        list: Option<List>,
    ) -> Entry {
        let result = result.map(Arc::new);
        let (action, choices) = match &result {
            Ok(parsed) => state.workspace.with_untracked(|ws| {
                let action = default_action(ws, parsed);
                let choices = default_choices(ws, parsed, &action);
                (action, choices)
            }),
            Err(_) => (ImportAction::Skip, MergeChoices::default()),
        };
        let (locked, list) = (locked.map(Arc::new), list.map(Arc::new));
        Entry { key, name, result, locked, list, action: RwSignal::new(action), choices: RwSignal::new(choices) }
    }
}

/// Lists are told by their name: what German offices save from Excel.
fn is_list(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".csv", ".tsv", ".txt"].iter().any(|end| name.ends_with(end))
}

/// A list's actors as a file to be merged into the current region.
fn list_file(state: AppState, list: &List) -> Result<ParsedFile, Message> {
    state.with_region_untracked(|region| list_to_file(list, region)).unwrap_or_else(|| Err(Message::new(key!("list.no_region"))))
}

/// A list, workbook or graph file of another program, as a list, with the mapping
/// the user chose for the last one of its shape.
async fn read_list_file(file: &web_sys::File) -> Result<List, Message> {
    let mut list = if is_graph(&file.name()) {
        read_graph(&file_text(file, MAX_FILE_BYTES).await?).map(|doc| graph_to_list(&doc))?
    } else if is_workbook(&file.name()) {
        list_from_table(read_workbook(file).await?).map_err(|e| e.message())?
    } else {
        read_list(&table_text(file, MAX_FILE_BYTES).await?).map_err(|e| e.message())?
    };
    let remembered = preferences::read(Preference::ListMappings).unwrap_or_default();
    if let Some(mapping) = remembered_mapping(&remembered, list.headings()) {
        list.mapping = mapping;
    }
    list.values = remembered_values(&preferences::read(Preference::ListValues).unwrap_or_default());
    Ok(list)
}

/// A file read: its content, or the envelope of a protected file.
async fn read_one(file: &web_sys::File) -> Result<Result<ParsedFile, Encrypted>, Message> {
    let text = file_text(file, MAX_FILE_BYTES).await?;
    if is_encrypted(&text) {
        return read_encrypted(&text).map(Err).map_err(|e| e.message());
    }
    read_file(&text).map(Ok).map_err(|e| e.message())
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = use_state();
    let entries = RwSignal::new(Vec::<Entry>::new());
    // The buttons are drawn again only when the list becomes empty or not.
    let has_entries = Memo::new(move |_| entries.with(|e| !e.is_empty()));
    let next_key = StoredValue::new(0usize);
    let over = RwSignal::new(false);
    let done = RwSignal::new(None::<(String, Option<(Id, String)>)>);

    let take_key = move || {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        key
    };
    // Files read of those chosen, while reading: each preview shows as soon as
    // its file is read, and the page answers between files.
    let progress = RwSignal::new(None::<(usize, usize)>);
    let read = move |list: web_sys::FileList| {
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        done.set(None);
        let chosen = files.len();
        progress.update(|p| *p = Some(p.map_or((0, chosen), |(read, of)| (read, of + chosen))));
        spawn_local(async move {
            for file in files {
                let entry = if is_list(&file.name()) || is_graph(&file.name()) || is_workbook(&file.name()) {
                    match read_list_file(&file).await {
                        Ok(list) => Entry::new(state, take_key(), file.name(), list_file(state, &list), None, Some(list)),
                        Err(message) => Entry::new(state, take_key(), file.name(), Err(message), None, None),
                    }
                } else {
                    match read_one(&file).await {
                        Ok(Ok(parsed)) => Entry::new(state, take_key(), file.name(), Ok(parsed), None, None),
                        Ok(Err(encrypted)) => {
                            Entry::new(state, take_key(), file.name(), Err(Message::new(key!("encryption.locked"))), Some(encrypted), None)
                        }
                        Err(message) => Entry::new(state, take_key(), file.name(), Err(message), None, None),
                    }
                };
                entries.update(|e| e.push(entry));
                progress.update(|p| *p = p.map(|(read, of)| (read + 1, of)).filter(|(read, of)| read < of));
            }
        });
    };
    // A preview made anew takes the old one's place. Its signals are made
    // under the panel, not under the preview it replaces, whose go with it.
    let panel = Owner::current().expect("a component has an owner");
    let renew = move |old: usize, name: String, result: Result<ParsedFile, Message>, list: Option<List>| {
        let entry = panel.with(|| Entry::new(state, take_key(), name, result, None, list));
        let key = entry.key;
        entries.update(|e| {
            if let Some(slot) = e.iter_mut().find(|e| e.key == old) {
                *slot = entry;
            }
        });
        key
    };
    // A protected file, opened: its preview takes the place of the password form.
    let unlocked = {
        let renew = renew.clone();
        Callback::new(move |(key, text): (usize, String)| {
            let Some(name) = entries.with_untracked(|e| e.iter().find(|e| e.key == key).map(|e| e.name.clone())) else { return };
            let key = renew(key, name, read_file(&text).map_err(|e| e.message()), None);
            focus_later(format!("#import-file-{key}"));
        })
    };
    // A list's column given another field, or a value another meaning: the
    // choice is remembered, the preview made anew, and focus stays on the choice.
    let relisted = Callback::new(move |(key, list, focus): (usize, List, String)| {
        let Some(name) = entries.with_untracked(|e| e.iter().find(|e| e.key == key).map(|e| e.name.clone())) else { return };
        let remembered = preferences::read(Preference::ListMappings).unwrap_or_default();
        preferences::remember(Preference::ListMappings, &remember_mapping(&remembered, list.headings(), &list.mapping));
        let remembered = preferences::read(Preference::ListValues).unwrap_or_default();
        preferences::remember(Preference::ListValues, &remember_values(&remembered, &list.values));
        let key = renew(key, name, list_file(state, &list), Some(list));
        focus_later(format!("#list-{key}-{focus}"));
    });
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
        if let Some(list) = input.files() {
            read(list);
        }
        // The same file can be chosen again after a correction.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            read(list);
        }
    };
    let importable = move || entries.with(|e| e.iter().filter(|e| e.result.is_ok() && e.action.get() != ImportAction::Skip).count());
    let import_all = move |_| {
        // What each preview chose, read before the previews go: drawn on after
        // the change, each would plan its merge again.
        let list: Vec<_> = entries.with_untracked(|e| {
            e.iter().map(|e| (e.name.clone(), e.result.clone(), e.action.get_untracked(), e.choices.get_untracked())).collect()
        });
        entries.set(Vec::new());
        let now = now_iso();
        let mut shown = None;
        let mut count = 0;
        state.edit_workspace(|ws| {
            for (name, result, action, choices) in &list {
                let Ok(parsed) = result else { continue };
                if *action == ImportAction::Skip {
                    continue;
                }
                let provenance = Provenance {
                    file_name: name.clone(),
                    exported_at: parsed.header.exported_at.clone(),
                    author: parsed.header.author.clone(),
                    imported_at: now.clone(),
                };
                if let Some(id) = apply(ws, parsed, action, choices, provenance) {
                    shown = Some(id);
                }
                count += 1;
            }
        });
        let message = tr!("import.done", n = count);
        state.confirm(&message);
        let target = shown.and_then(|id| state.workspace.with_untracked(|ws| ws.region(&id).map(|r| (id.clone(), r.name.clone()))));
        done.set(Some((message, target)));
    };

    // Each preview drawn once, into a place of its own: a file read adds one,
    // a preview made anew replaces only its own, and five hundred files do not
    // draw each other again. (A keyed `<For>` does the same; this was the last
    // one in the app, and its diffing code cost 5 KB of wasm.)
    let previews = NodeRef::<leptos::html::Div>::new();
    let panel = Owner::current().expect("a component has an owner");
    let drawn = StoredValue::new_local(Vec::<(usize, web_sys::Element, UnmountHandle<AnyViewState>)>::new());
    effect(move || {
        let Some(list) = previews.get() else { return };
        entries.with(|entries| {
            drawn.update_value(|drawn| {
                // Gone: unmounted as their handle drops, and their place removed.
                drawn.retain(|(key, place, _)| {
                    let keep = entries.iter().any(|e| e.key == *key);
                    if !keep {
                        place.remove();
                    }
                    keep
                });
                // New: each in its place before the next one drawn, from the last.
                let mut next: Option<web_sys::Element> = None;
                for entry in entries.iter().rev() {
                    if let Some((_, place, _)) = drawn.iter().find(|(key, ..)| *key == entry.key) {
                        next = Some(place.clone());
                        continue;
                    }
                    let Some(place) = document().create_element("div").ok() else { continue };
                    let _ = list.insert_before(&place, next.as_ref().map(|n| n.as_ref()));
                    let (key, entry) = (entry.key, entry.clone());
                    // Owned by the panel, not by this effect (whose next run would dispose it).
                    let handle = untrack(|| {
                        panel.with(|| {
                            leptos::mount::mount_to(place.clone().unchecked_into(), move || {
                                view! { <FilePreview entry=entry unlocked=unlocked relisted=relisted /> }.into_any()
                            })
                        })
                    });
                    drawn.push((key, place.clone(), handle));
                    next = Some(place);
                }
            })
        })
    });
    view! {
        <section aria-labelledby="import-title" class="exchange-import">
            <h3 id="import-title">{live!("import.title")}</h3>
            <div
                class="drop-zone"
                class:over=over
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    over.set(true);
                }
                on:dragleave=move |_| over.set(false)
                on:drop=on_drop
            >
                <label for="import-files">{live!("import.choose")}</label>
                <input id="import-files" type="file" multiple accept=".json,application/json,.csv,text/csv,.tsv,.txt,.xlsx,.graphml,.gexf" on:change=on_change />
                <p class="hint">{move || tr!("import.hint", max = crate::domain::data::format::megabytes(MAX_FILE_BYTES))}</p>
            </div>
            <p role="status" class="progress-line" data-testid="import-progress">
                {move || progress.get().map(|(done, of)| tr!("files.reading", done = done, of = of))}
            </p>
            {move || done.get().map(|(message, target)| view! {
                <p class="success" data-testid="import-done">{message}</p>
                {target.map(|(id, name)| view! {
                    <button type="button" on:click=move |_| {
                        state.switch_region(id.clone());
                        state.view.set(View::Actors);
                    }>{move || tr!("import.to_region", name = name)}</button>
                })}
            })}
            <div class="import-files" node_ref=previews></div>
            {move || has_entries.get().then(|| view! {
                <div class="button-row">
                    <button type="button" class="primary" disabled=move || importable() == 0 on:click=import_all>
                        {move || match importable() {
                            0 => t!("import.nothing").to_owned(),
                            n => tr!("import.files_n", n = n) }}
                    </button>
                    <button type="button" on:click=move |_| entries.set(Vec::new())>{live!("common.cancel")}</button>
                </div>
            })}
        </section>
    }
}

#[component]
fn FilePreview(entry: Entry, unlocked: Callback<(usize, String)>, relisted: Callback<(usize, List, String)>) -> impl IntoView {
    let state = use_state();
    let Entry { key, name, result, locked, list, action, choices } = entry;
    let columns = list.clone().map(
        |list| view! { <ListColumns key=key list=list.clone() relisted=relisted /><ListValues key=key list=list relisted=relisted /> },
    );
    let body = match (result, locked) {
        (_, Some(encrypted)) => {
            view! { <UnlockForm key=key encrypted=encrypted opened=Callback::new(move |text| unlocked.run((key, text))) /> }.into_any()
        }
        (Err(message), None) => view! {
            <p class="error" role="alert" data-testid="import-error">{move || message.text()}</p>
            <p class="muted">{live!("import.not_imported")}</p>
        }
        .into_any(),
        (Ok(parsed), None) => {
            let header = &parsed.header;
            // Words joined by spaces: "Region „…“ · exportiert am … von … · Netzwerkatlas 0.2.0".
            let meta = {
                let parsed = parsed.clone();
                move || {
                    let header = &parsed.header;
                    if let Some(list) = &list {
                        let region = header.region.as_ref().map(|r| r.name.clone()).unwrap_or_default();
                        return match &list.relations {
                            Some(edges) => {
                                tr!("list.meta_graph", nodes = list.records().len(), edges = edges.records().len(), region = region)
                            }
                            None => tr!("list.meta", line = list.table.rows[list.header].line, region = region),
                        };
                    }
                    let mut meta = vec![header.scope.label().to_owned()];
                    if let Some(region) = &header.region {
                        meta.push(tr!("import.meta_region", name = region.name));
                    }
                    if !header.exported_at.is_empty() {
                        meta.push(tr!("import.meta_exported", date = format_timestamp(&header.exported_at)));
                    }
                    if !header.author.is_empty() {
                        meta.push(tr!("import.meta_author", author = header.author));
                    }
                    meta.push(format!("· Netzwerkatlas {}", header.app_version));
                    meta.join(" ")
                }
            };
            let notes = parsed.notes.clone();
            let options = {
                let parsed = parsed.clone();
                move || {
                    let mut options = Vec::new();
                    if !parsed.content.regions.is_empty() {
                        options.push((
                            "new".to_owned(),
                            if parsed.content.regions.len() > 1 { t!("import.as_new_regions") } else { t!("import.as_new_region") }
                                .to_owned(),
                        ));
                    } else {
                        options.push(("new".to_owned(), t!("import.add_templates").to_owned()));
                    }
                    if can_merge(&parsed) {
                        state.workspace.with(|ws| {
                            for region in &ws.regions {
                                options.push((format!("merge:{}", region.id), tr!("import.merge_with", name = region.name)));
                            }
                        });
                    }
                    options.push(("skip".to_owned(), t!("import.skip").to_owned()));
                    options
                }
            };
            let current = move || match action.get() {
                ImportAction::AsNewRegion => "new".to_owned(),
                ImportAction::MergeInto(id) => format!("merge:{id}"),
                ImportAction::Skip => "skip".to_owned(),
            };
            let on_action = {
                let parsed = parsed.clone();
                move |ev: leptos::ev::Event| {
                    let value = event_target_value(&ev);
                    let chosen = match value.as_str() {
                        "new" => ImportAction::AsNewRegion,
                        "skip" => ImportAction::Skip,
                        other => ImportAction::MergeInto(Id(other.trim_start_matches("merge:").to_owned())),
                    };
                    choices.set(state.workspace.with_untracked(|ws| default_choices(ws, &parsed, &chosen)));
                    action.set(chosen);
                }
            };
            let plan_lines = {
                let parsed = parsed.clone();
                move || state.workspace.with(|ws| describe(ws, &parsed, &action.get()))
            };
            let merge = {
                let parsed = parsed.clone();
                move || {
                    let plan = state.workspace.with(|ws| merge_plan(ws, &parsed, &action.get()))?;
                    Some(view! { <MergeDecisions key=key plan=plan choices=choices /> })
                }
            };
            let select_id = format!("import-action-{key}");
            view! {
                <p class="file-meta">{meta}</p>
                <p data-testid="import-summary">{let parsed = parsed.clone(); move || parsed.summary()}</p>
                {parsed.modified.then(|| view! { <p class="file-warning" role="note" data-testid="import-modified">{live!("file.modified")}</p> })}
                {(!header.personal_data).then(|| view! { <p class="muted">{live!("import.no_personal")}</p> })}
                {(!notes.is_empty()).then(|| view! {
                    <div class="repairs" data-testid="import-notes">
                        <p>{live!("import.notes")}</p>
                        <ul>{notes.into_iter().map(|n| view! { <li>{move || n.text()}</li> }).collect_view()}</ul>
                    </div>
                })}
                <div class="field">
                    <label for=select_id.clone()>{live!("import.what_to_do")}</label>
                    <select id=select_id on:change=on_action>
                        {move || {
                            let chosen = current();
                            options().into_iter().map(|(value, label)| {
                                let selected = value == chosen;
                                view! { <option value=value selected=selected>{label}</option> }
                            }).collect_view()
                        }}
                    </select>
                </div>
                <ul class="plan" data-testid="import-plan">{move || plan_lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                {merge}
            }
            .into_any()
        }
    };
    view! {
        <article class="import-file" data-testid="import-file" aria-labelledby=format!("import-file-{key}")>
            <h4 id=format!("import-file-{key}") tabindex="-1">{name}</h4>
            {columns}
            {body}
        </article>
    }
}

/// Side by side: for each matched record whose values differ, which to keep.
#[component]
fn MergeDecisions(key: usize, plan: crate::domain::data::files::merge::MergePlan, choices: RwSignal<MergeChoices>) -> impl IntoView {
    let summary = plan.summary();
    let new_actors = plan.new_actors.clone();
    let actor_ids: Vec<Id> = plan.actors.iter().map(|m| m.ours.clone()).collect();
    let decisions: Vec<Matched> = plan.decisions().cloned().collect();
    let count = decisions.len();
    view! {
        <div class="merge" data-testid="merge-plan">
            <ul>{summary.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            {(!new_actors.is_empty()).then(|| view! {
                <details>
                    <summary>{let n = new_actors.len(); move || tr!("import.new_actors", n = n)}</summary>
                    <ul>{new_actors.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </details>
            })}
            {(count > 0).then(|| view! {
                <p>{move || tr!("import.differences", n = count)}</p>
            })}
            {decisions.into_iter().enumerate().map(|(i, m)| {
                let is_actor = actor_ids.contains(&m.ours) && m.diffs.iter().all(|d| d.key != CHECKLIST_KEY);
                view! { <Decision key=key index=i matched=m can_separate=is_actor choices=choices /> }
            }).collect_view()}
        </div>
    }
}

#[component]
fn Decision(key: usize, index: usize, matched: Matched, can_separate: bool, choices: RwSignal<MergeChoices>) -> impl IntoView {
    let Matched { ours, theirs, name_ours, name_theirs, reason, diffs, details, .. } = matched;
    let title = if name_ours == name_theirs { name_ours.clone() } else { format!("{name_ours} ↔ {name_theirs}") };
    let why = match reason {
        MatchReason::SameId => t!("import.same_entry"),
        MatchReason::SimilarName => t!("import.similar_name"),
    };
    let separate = {
        let theirs = theirs.clone();
        move || choices.with(|c| c.separate.contains(&theirs))
    };
    let separate_box = (can_separate && reason == MatchReason::SimilarName).then(|| {
        let theirs = theirs.clone();
        let id = format!("merge-{key}-{index}-separate");
        let label_for = id.clone();
        view! {
            <label class="checkbox" for=label_for>
                <input id=id type="checkbox" prop:checked=separate.clone() on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    choices.update(|c| {
                        if on { c.separate.insert(theirs.clone()); } else { c.separate.remove(&theirs); }
                    });
                } />
                {live!("import.keep_both")}
            </label>
        }
    });
    let rows = diffs
        .into_iter()
        .map(|diff| {
            let group = format!("merge-{key}-{index}-{}", diff.key);
            let field = diff.key;
            let own = ours.clone();
            let taken = move || choices.with(|c| c.take_theirs.contains(&(own.clone(), field)));
            let set = {
                let own = ours.clone();
                move |theirs: bool| {
                    choices.update(|c| {
                        if theirs {
                            c.take_theirs.insert((own.clone(), field));
                        } else {
                            c.take_theirs.remove(&(own.clone(), field));
                        }
                    })
                }
            };
            let set_ours = set.clone();
            let shown = |v: String| if v.is_empty() { t!("import.empty_value").to_owned() } else { v };
            let taken_ours = taken.clone();
            view! {
                <tr>
                    <th scope="row">{diff.label}</th>
                    <td><label class="radio"><input type="radio" name=group.clone() prop:checked=move || !taken_ours() on:change=move |_| set_ours(false) />{shown(diff.ours)}</label></td>
                    <td><label class="radio"><input type="radio" name=group prop:checked=taken on:change=move |_| set(true) />{shown(diff.theirs)}</label></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <fieldset class="merge-pair" data-testid="merge-pair">
            <legend>{format!("{title} ({why})")}</legend>
            {separate_box}
            <table class="merge-table" class:muted=separate>
                <thead><tr><th scope="col">{live!("import.col.detail")}</th><th scope="col">{live!("import.col.ours")}</th><th scope="col">{live!("import.col.theirs")}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {(!details.is_empty()).then(|| view! {
                <div class="merge-details" data-testid="merge-details">
                    <p>{live!("merge.differs_in")}</p>
                    <ul>{details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                </div>
            })}
        </fieldset>
    }
}
