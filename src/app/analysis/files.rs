//! "Dateien auswerten, ohne sie zu importieren": a Land office chooses 500
//! checklist files (or a folder), sees the aggregate, and nothing enters its
//! storage. A second set of files, e.g. last year's, adds the change per item.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::app::analysis::aggregate::AggregateChecklists;
use crate::app::platform::browser::file_text;
use crate::domain::analysis::file_set::FileSet;
use crate::domain::data::format::MAX_FILE_BYTES;
use crate::domain::model::Workspace;
use crate::i18n::{live, Key};

/// Reads the chosen files into a fresh set, one after the other, so that the
/// page stays responsive and the progress can be shown.
fn read_files(
    list: web_sys::FileList,
    target: RwSignal<FileSet>,
    workspace: RwSignal<Workspace>,
    progress: RwSignal<Option<(usize, usize)>>,
) {
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).filter(|f| f.name().ends_with(".json")).collect();
    let total = files.len();
    progress.set(Some((0, total)));
    spawn_local(async move {
        let mut set = FileSet::default();
        for (done, file) in files.iter().enumerate() {
            match file_text(file, MAX_FILE_BYTES).await {
                Ok(text) => set.add(&file.name(), &text),
                Err(why) => set.skip(&file.name(), why),
            }
            progress.set(Some((done + 1, total)));
        }
        workspace.set(set.workspace());
        target.set(set);
        progress.set(None);
    });
}

/// A file (or folder) choice with the progress and what was not counted.
#[component]
fn FilePicker(id: &'static str, label: Key, set: RwSignal<FileSet>, workspace: RwSignal<Workspace>) -> impl IntoView {
    let progress = RwSignal::new(None::<(usize, usize)>);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
        if let Some(list) = input.files() {
            read_files(list, set, workspace, progress);
        }
        input.set_value("");
    };
    let folder_id = format!("{id}-folder");
    view! {
        <div class="field file-picker">
            <label for=id>{live(label)}</label>
            <input id=id type="file" multiple accept=".json,application/json" on:change=on_change />
            <label for=folder_id.clone()>{live!("evaluate.choose_folder")}</label>
            // Where the browser allows choosing a folder; its .json files are read.
            <input id=folder_id type="file" prop:webkitdirectory=true on:change=on_change />
        </div>
        <p role="status" class="progress-line" data-testid=format!("{id}-status")>
            {move || match progress.get() {
                Some((done, of)) => tr!("files.reading", done = done, of = of),
                None => set.with(|s| if s.is_empty() { String::new() } else {
                    tr!("evaluate.summary", read = s.counted.len() + s.skipped.len(), counted = s.counted.len(), skipped = s.skipped.len())
                }),
            }}
        </p>
        {move || set.with(|s| (!s.skipped.is_empty()).then(|| view! {
            <div class="repairs" data-testid=format!("{id}-skipped")>
                <p>{live!("evaluate.skipped")}</p>
                <ul>{s.skipped.iter().map(|(name, why)| {
                    let (name, why) = (name.clone(), why.clone());
                    view! { <li>{move || format!("{name}: {}", why.text())}</li> }
                }).collect_view()}</ul>
            </div>
        }))}
    }
}

#[component]
pub fn FileEvaluation() -> impl IntoView {
    // The files as read (for what was counted and skipped) and their regions (for the aggregate).
    let (set, workspace) = (RwSignal::new(FileSet::default()), RwSignal::new(Workspace::default()));
    let (earlier, earlier_workspace) = (RwSignal::new(FileSet::default()), RwSignal::new(Workspace::default()));
    view! {
        <section class="file-evaluation" aria-labelledby="evaluate-title">
            <h3 id="evaluate-title">{live!("evaluate.title")}</h3>
            <p class="hint">{live!("evaluate.hint")}</p>
            <FilePicker id="evaluate-files" label=key!("evaluate.choose_files") set=set workspace=workspace />
            {move || set.with(|s| !s.counted.is_empty()).then(|| view! {
                <AggregateChecklists source=workspace prefix="evaluate" nested=true earlier=earlier_workspace />
                <h4>{live!("evaluate.earlier_title")}</h4>
                <p class="hint">{live!("evaluate.earlier_hint")}</p>
                <FilePicker id="evaluate-earlier" label=key!("evaluate.choose_earlier") set=earlier workspace=earlier_workspace />
                <button type="button" on:click=move |_| {
                    for (set, workspace) in [(set, workspace), (earlier, earlier_workspace)] {
                        set.set(FileSet::default());
                        workspace.set(Workspace::default());
                    }
                }>{live!("evaluate.clear")}</button>
            })}
        </section>
    }
}
