//! "Speicher & Sicherung": how full the browser's storage is, whether the
//! browser keeps it, a one-click full backup, and restoring one.

use leptos::prelude::*;

use crate::i18n::{count, number, Message};
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::app::platform::browser::{file_text, format_timestamp};
use crate::app::state::{use_state, Panel, View};
use crate::domain::analysis::metrics::percent_text;
use crate::domain::data::files::backup::{read_backup, BackupPreview};
use crate::domain::data::storage::parts::stichtage_chars;
use crate::domain::data::storage::quota::{usage_percent, QUOTA_CHARS, WARN_PERCENT};

#[component]
pub fn DataView() -> impl IntoView {
    let state = use_state();
    let p = state.persistence;
    let preview = RwSignal::new(None::<BackupPreview>);
    let error = RwSignal::new(None::<Message>);
    let percent = move || usage_percent(p.used.get());

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        preview.set(None);
        error.set(None);
        spawn_local(async move {
            // `read_backup` names the limit that matters here: the browser's storage.
            match file_text(&file, usize::MAX).await.and_then(|text| read_backup(&text)) {
                Ok(found) => preview.set(Some(found)),
                Err(message) => error.set(Some(message)),
            }
        });
    };
    let restore = move |_| {
        let Some(found) = preview.get_untracked() else { return };
        state.edit_workspace(|ws| {
            ws.regions = found.workspace.regions;
            ws.templates = found.workspace.templates;
            ws.active = found.workspace.active;
        });
        state.open_checklist.set(None);
        state.panel.set(Panel::None);
        state.actor_query.set(Default::default());
        preview.set(None);
        state.view.set(View::Actors);
        state.confirm(t!("data.restored"));
    };

    view! {
        <section class="data-view content" aria-labelledby="data-title">
            <h2 id="data-title">{live!("header.backup_title")}</h2>
            <section aria-labelledby="usage-title">
                <h3 id="usage-title">{live!("data.usage_title")}</h3>
                <div class="usage-bar" role="img" aria-label=move || tr!("data.usage_bar", percent = percent())>
                    <span class="usage-fill" class:warn={move || percent() >= WARN_PERCENT} style:width=move || format!("{}%", percent())></span>
                </div>
                <p data-testid="usage">{move || tr!(
                    "data.usage",
                    percent = percent(),
                    used = number(p.used.get()),
                    quota = number(QUOTA_CHARS),
                )}</p>
                {move || {
                    let chars: usize = state.workspace.with(|ws| ws.regions.iter().map(stichtage_chars).sum());
                    (chars > 0).then(|| view! { <p data-testid="stichtage-usage">{tr!(
                        "data.stichtage_usage",
                        chars = number(chars),
                        percent = percent_text(chars as f64 / QUOTA_CHARS as f64),
                    )}</p> })
                }}
            </section>
            <section aria-labelledby="backup-title">
                <h3 id="backup-title">{live!("header.backup")}</h3>
                <p data-testid="last-backup">{move || match p.last_backup.get() {
                    Some(at) => tr!("data.last_backup", date = format_timestamp(&at)),
                    None => t!("data.no_backup").to_owned() }}</p>
                <p class="hint">{live!("data.backup_hint")}</p>
                <button type="button" class="primary" on:click=move |_| p.download_workspace()>{live!("data.download_backup")}</button>
            </section>
            <section aria-labelledby="restore-title">
                <h3 id="restore-title">{live!("data.restore_title")}</h3>
                <div class="field">
                    <label for="restore-file">{live!("data.choose_file")}</label>
                    <input id="restore-file" type="file" accept=".json,application/json" on:change=on_file />
                </div>
                {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="restore-error">{move || e.text()}</p> })}
                {move || preview.get().map(|found| view! {
                    <div class="confirm" role="alertdialog" aria-labelledby="restore-question" data-testid="restore-preview">
                        <p id="restore-question">{move || tr!(
                            "data.restore_question",
                            date = format_timestamp(&found.saved_at),
                            regions = count(key!("count.regions"), found.regions),
                            actors = count(key!("count.actors"), found.actors),
                            relations = count(key!("count.relations"), found.relations),
                            checklists = count(key!("count.checklists"), found.checklists),
                        )}</p>
                        <button type="button" class="danger" on:click=restore>{live!("data.replace")}</button>
                        <button type="button" on:click=move |_| preview.set(None)>{live!("common.cancel")}</button>
                    </div>
                })}
            </section>
        </section>
    }
}
