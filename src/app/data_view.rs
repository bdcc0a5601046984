//! "Speicher & Sicherung": how full the browser's storage is, whether the
//! browser keeps it, a one-click full backup, and restoring one.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::browser::format_timestamp;
use super::state::{use_state, Panel, View};
use crate::domain::backup::{read_backup, usage_percent, BackupPreview, QUOTA_CHARS, WARN_PERCENT};

/// "1.234.567" – German thousands separators.
pub fn german_number(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[component]
pub fn DataView() -> impl IntoView {
    let state = use_state();
    let p = state.persistence;
    let preview = RwSignal::new(None::<BackupPreview>);
    let error = RwSignal::new(None::<String>);
    let percent = move || usage_percent(p.used.get());

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        preview.set(None);
        error.set(None);
        spawn_local(async move {
            match JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()) {
                Some(text) => match read_backup(&text) {
                    Ok(found) => preview.set(Some(found)),
                    Err(message) => error.set(Some(message)),
                },
                None => error.set(Some("Die Datei konnte nicht gelesen werden.".into())),
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
        state.announce("Sicherung wiederhergestellt");
    };

    view! {
        <section class="data-view content" aria-labelledby="data-title">
            <h2 id="data-title">"Speicher & Sicherung"</h2>
            <section aria-labelledby="usage-title">
                <h3 id="usage-title">"Belegung des Browserspeichers"</h3>
                <div class="usage-bar" role="img" aria-label=move || format!("{} % belegt", percent())>
                    <span class="usage-fill" class:warn={move || percent() >= WARN_PERCENT} style:width=move || format!("{}%", percent())></span>
                </div>
                <p data-testid="usage">{move || format!(
                    "{} % belegt: {} von {} Zeichen, die der Browser dieser App gibt.",
                    percent(),
                    german_number(p.used.get()),
                    german_number(QUOTA_CHARS),
                )}</p>
            </section>
            <section aria-labelledby="backup-title">
                <h3 id="backup-title">"Sicherung"</h3>
                <p data-testid="last-backup">{move || match p.last_backup.get() {
                    Some(at) => format!("Letzte vollständige Sicherung: {}.", format_timestamp(&at)),
                    None => "Von diesen Daten wurde noch keine Sicherung heruntergeladen.".to_owned(),
                }}</p>
                <p class="hint">"Eine Sicherung enthält alle Regionen, Checklisten und eigenen Vorlagen – auch Kontaktpersonen. Bewahren Sie sie geschützt auf."</p>
                <button type="button" class="primary" on:click=move |_| p.download_workspace()>"Vollständige Sicherung herunterladen"</button>
            </section>
            <section aria-labelledby="restore-title">
                <h3 id="restore-title">"Sicherung wiederherstellen"</h3>
                <div class="field">
                    <label for="restore-file">"Sicherungsdatei (.json) wählen"</label>
                    <input id="restore-file" type="file" accept=".json,application/json" on:change=on_file />
                </div>
                {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="restore-error">{e}</p> })}
                {move || preview.get().map(|found| view! {
                    <div class="confirm" role="alertdialog" aria-labelledby="restore-question" data-testid="restore-preview">
                        <p id="restore-question">{format!(
                            "Sicherung vom {}: {} Regionen, {} Akteure, {} Beziehungen, {} Checklisten. Alle jetzigen Daten durch diese Sicherung ersetzen? Sie können das mit „Rückgängig“ zurücknehmen.",
                            format_timestamp(&found.saved_at), found.regions, found.actors, found.relations, found.checklists,
                        )}</p>
                        <button type="button" class="danger" on:click=restore>"Ersetzen"</button>
                        <button type="button" on:click=move |_| preview.set(None)>"Abbrechen"</button>
                    </div>
                })}
            </section>
        </section>
    }
}
