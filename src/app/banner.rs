//! Messages about storage: blocked, full, damaged data set aside, and the
//! screen shown instead of the app when the stored data is from a newer version.

use leptos::prelude::*;

use super::browser::{format_timestamp, now_iso};
use crate::domain::backup::{backup_due, usage_percent, WARN_PERCENT};
use super::confirm::ConfirmButton;
use super::persist::Health;
use super::state::use_state;

/// The urgent message when saving does not work; shown in the sticky top
/// area so that it stays in view wherever the user is on the page.
#[component]
pub fn StorageAlert() -> impl IntoView {
    let state = use_state();
    let p = state.persistence;
    move || {
        let (title, text, retry) = match p.health.get() {
            Health::Ok | Health::Newer(_) => return None,
            Health::Blocked => (
                "Speichern nicht möglich",
                "Dieser Browser erlaubt Netzwerkatlas keinen lokalen Speicher (z. B. im privaten Modus oder durch \
                 eine Richtlinie). Sie können arbeiten, aber Ihre Änderungen gehen beim Schließen verloren. \
                 Laden Sie eine Sicherung herunter, bevor Sie das Fenster schließen."
                    .to_owned(),
                false,
            ),
            Health::Full => (
                "Der Speicher ist voll",
                "Die letzte Änderung passt nicht mehr in den lokalen Speicher des Browsers und wurde nicht \
                 gespeichert. Der zuletzt gespeicherte Stand ist unverändert erhalten. Laden Sie eine Sicherung \
                 herunter und schaffen Sie Platz (z. B. beiseitegelegte Daten verwerfen)."
                    .to_owned(),
                true,
            ),
            Health::WriteFailed(name) => (
                "Speichern fehlgeschlagen",
                format!(
                    "Der Browser hat das Speichern abgelehnt ({name}). Der zuletzt gespeicherte Stand ist \
                     unverändert erhalten. Laden Sie eine Sicherung herunter."
                ),
                true,
            ),
            Health::Conflict => (
                "In einem anderen Tab geändert",
                "Netzwerkatlas ist in einem weiteren Tab oder Fenster geöffnet, und dort wurde gespeichert, während Sie \
                 hier Änderungen hatten. Damit keine Arbeit verloren geht, speichert dieser Tab erst, wenn Sie \
                 entscheiden. Tipp: Sichern Sie Ihre Fassung vorher als Datei."
                    .to_owned(),
                false,
            ),
            Health::AsideFailed => (
                "Gespeicherte Daten nicht lesbar",
                "Bis Sie die unlesbaren Daten heruntergeladen haben, speichert Netzwerkatlas nichts, damit sie nicht \
                 überschrieben werden."
                    .to_owned(),
                false,
            ),
        };
        let aside_failed = p.health.get() == Health::AsideFailed;
        let conflict = p.health.get() == Health::Conflict;
        Some(view! {
            <div class="banner warning" role="alert" data-testid="storage-banner">
                <h2>{title}</h2>
                <p>{text}</p>
                <div class="actions">
                    {aside_failed.then(|| view! {
                        <button type="button" class="primary" on:click=move |_| {
                            p.download_stored();
                            p.health.set(Health::Ok);
                            p.retry();
                        }>"Unlesbare Daten herunterladen und weiterarbeiten"</button>
                    })}
                    {(!aside_failed).then(|| view! {
                        <button type="button" on:click=move |_| p.download_workspace()>"Sicherung herunterladen"</button>
                    })}
                    {conflict.then(|| view! {
                        <button type="button" on:click=move |_| p.adopt_stored()>"Stand des anderen Tabs laden (meine Änderungen verwerfen)"</button>
                        <button type="button" on:click=move |_| p.keep_mine()>"Meine Fassung speichern (überschreibt den anderen Tab)"</button>
                    })}
                    {retry.then(|| view! {
                        <button type="button" on:click=move |_| p.retry()>"Erneut speichern"</button>
                    })}
                </div>
            </div>
        })
    }
}

/// Damaged data found at start, and the data sets kept aside.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let state = use_state();
    let p = state.persistence;
    let damaged = move || {
        p.damaged.get().map(|message| {
            view! {
                <div class="banner warning" role="alert" data-testid="damaged-banner">
                    <h2>"Gespeicherte Daten waren nicht lesbar"</h2>
                    <p>{message}</p>
                    <button type="button" on:click=move |_| p.damaged.set(None)>"Verstanden"</button>
                </div>
            }
        })
    };
    let aside = move || {
        let entries = p.aside.get();
        (!entries.is_empty()).then(|| {
            view! {
                <section class="banner info" aria-labelledby="aside-title" data-testid="aside-list">
                    <h2 id="aside-title">"Beiseitegelegte Daten"</h2>
                    <p>"Diese Daten konnten nicht gelesen werden. Sie bleiben hier, bis Sie sie verwerfen."</p>
                    <ul>
                        {entries
                            .into_iter()
                            .map(|entry| {
                                let key = entry.key.clone();
                                let discard = entry.key.clone();
                                view! {
                                    <li>
                                        {format!(
                                            "Gefunden am {} ({} Zeichen)",
                                            format_timestamp(&entry.found_at),
                                            entry.chars,
                                        )}
                                        " "
                                        <button type="button" on:click=move |_| p.download_aside(&key)>"Herunterladen"</button>
                                        <ConfirmButton
                                            label="Verwerfen …"
                                            question="Wirklich endgültig löschen?"
                                            confirm_label="Ja, verwerfen"
                                            on_confirm=Callback::new(move |_: ()| p.discard_aside(&discard))
                                        />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    };
    let reminder_dismissed = RwSignal::new(false);
    let reminder = move || {
        let due = backup_due(&now_iso(), p.first_saved.get().as_deref(), p.last_backup.get().as_deref());
        (due && !reminder_dismissed.get()).then(|| {
            let text = match p.last_backup.get() {
                Some(at) => format!("Die letzte Sicherung ist vom {}.", format_timestamp(&at)),
                None => "Sie haben noch nie eine Sicherung heruntergeladen.".to_owned(),
            };
            view! {
                <div class="banner info" role="status" data-testid="backup-reminder">
                    <h2>"Zeit für eine Sicherung"</h2>
                    <p>{text}" Ihre Daten liegen nur in diesem Browser. Eine Sicherungsdatei schützt sie, wenn der Browser zurückgesetzt wird oder der Rechner ausfällt."</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| p.download_workspace()>"Jetzt sichern"</button>
                        <button type="button" on:click=move |_| reminder_dismissed.set(true)>"Später"</button>
                    </div>
                </div>
            }
        })
    };
    let filling = move || {
        let percent = usage_percent(p.used.get());
        (percent >= WARN_PERCENT).then(|| view! {
            <div class="banner warning" role="status" data-testid="usage-warning">
                <h2>{format!("Der Speicher ist zu {percent} % belegt")}</h2>
                <p>"Bald passen keine Änderungen mehr hinein. Laden Sie eine Sicherung herunter und löschen Sie nicht mehr benötigte Regionen oder beiseitegelegte Daten."</p>
            </div>
        })
    };
    view! {
        <div class="banners">
            {damaged}
            {filling}
            {reminder}
            {aside}
        </div>
    }
}

/// Shown instead of the app: the stored data needs a newer Netzwerkatlas.
#[component]
pub fn NewerDataScreen() -> impl IntoView {
    let state = use_state();
    let p = state.persistence;
    let message = move || match p.health.get() {
        Health::Newer(message) => message,
        _ => String::new(),
    };
    view! {
        <main id="main" class="error-screen" tabindex="-1">
            <div class="banner warning" role="alert" data-testid="newer-data">
                <h1>"Neuere Datenversion gefunden"</h1>
                <p>{message}</p>
                <p>"Sie können die gespeicherten Daten als Datei herunterladen, um sie aufzubewahren oder weiterzugeben."</p>
                <button type="button" class="primary" on:click=move |_| p.download_stored()>"Gespeicherte Daten herunterladen"</button>
            </div>
        </main>
    }
}
