//! Messages about storage: blocked, full, damaged data set aside, and the
//! screen shown instead of the app when the stored data is from a newer version.

use leptos::prelude::*;

use crate::i18n::number;

use crate::app::platform::browser::{format_timestamp, now_iso};
use crate::app::platform::persist::Health;
use crate::app::state::use_state;
use crate::app::widgets::confirm::ConfirmButton;
use crate::domain::data::storage::envelope::DecodeError;
use crate::domain::data::storage::quota::{backup_due, usage_percent, WARN_PERCENT};

/// The urgent message when saving does not work; shown in the sticky top
/// area so that it stays in view wherever the user is on the page.
#[component]
pub fn StorageAlert() -> impl IntoView {
    let state = use_state();
    let p = state.persistence;
    move || {
        let (title, text, retry) = match p.health.get() {
            Health::Ok | Health::Newer(_) => return None,
            Health::Blocked => (t!("storage.blocked.title"), t!("storage.blocked.text").to_owned(), false),
            Health::Full => (t!("storage.full.title"), t!("storage.full.text").to_owned(), true),
            Health::WriteFailed(name) => (t!("storage.failed.title"), tr!("storage.failed.text", name = name), true),
            Health::Conflict => (t!("storage.conflict.title"), t!("storage.conflict.text").to_owned(), false),
            Health::AsideFailed => (t!("storage.aside_failed.title"), t!("storage.aside_failed.text").to_owned(), false),
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
                        }>{live!("storage.download_unreadable")}</button>
                    })}
                    {(!aside_failed).then(|| view! {
                        <button type="button" on:click=move |_| p.download_workspace()>{live!("storage.download_backup")}</button>
                    })}
                    {conflict.then(|| view! {
                        <button type="button" on:click=move |_| p.adopt_stored()>{live!("storage.conflict.adopt")}</button>
                        <button type="button" on:click=move |_| p.keep_mine()>{live!("storage.conflict.keep")}</button>
                    })}
                    {retry.then(|| view! {
                        <button type="button" on:click=move |_| p.retry()>{live!("storage.retry")}</button>
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
        p.damaged.get().map(|damage| {
            view! {
                <div class="banner warning" role="alert" data-testid="damaged-banner">
                    <h2>{live!("storage.damaged.title")}</h2>
                    <p>{damage.message()}</p>
                    <button type="button" on:click=move |_| p.damaged.set(None)>{live!("common.understood")}</button>
                </div>
            }
        })
    };
    let aside = move || {
        let entries = p.aside.get();
        (!entries.is_empty()).then(|| {
            view! {
                <section class="banner info" aria-labelledby="aside-title" data-testid="aside-list">
                    <h2 id="aside-title">{live!("storage.aside.title")}</h2>
                    <p>{live!("storage.aside.text")}</p>
                    <ul>
                        {entries
                            .into_iter()
                            .map(|entry| {
                                let key = entry.key.clone();
                                let discard = entry.key.clone();
                                view! {
                                    <li>
                                        {move || tr!(
                                            "storage.aside.entry",
                                            date = format_timestamp(&entry.found_at),
                                            chars = number(entry.chars),
                                        )}
                                        " "
                                        <button type="button" on:click=move |_| p.download_aside(&key)>{live!("common.download")}</button>
                                        <ConfirmButton
                                            label=live!("storage.aside.discard")
                                            question=live!("storage.aside.question")
                                            confirm_label=live!("storage.aside.confirm")
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
                Some(at) => tr!("backup.reminder.last", date = format_timestamp(&at)),
                None => t!("backup.reminder.never").to_owned() };
            view! {
                <div class="banner info" role="status" data-testid="backup-reminder">
                    <h2>{live!("backup.reminder.title")}</h2>
                    <p>{text}" "{live!("backup.reminder.text")}</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| p.download_workspace()>{live!("backup.reminder.now")}</button>
                        <button type="button" on:click=move |_| reminder_dismissed.set(true)>{live!("backup.reminder.later")}</button>
                    </div>
                </div>
            }
        })
    };
    let filling = move || {
        let percent = usage_percent(p.used.get());
        (percent >= WARN_PERCENT).then(|| {
            view! {
                <div class="banner warning" role="status" data-testid="usage-warning">
                    <h2>{move || tr!("storage.filling.title", percent = percent)}</h2>
                    <p>{live!("storage.filling.text")}</p>
                </div>
            }
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
        Health::Newer(found) => DecodeError::NewerSchema { found }.message(),
        _ => String::new(),
    };
    view! {
        <main id="main" class="error-screen" tabindex="-1">
            <div class="banner warning" role="alert" data-testid="newer-data">
                <h1>{live!("newer.title")}</h1>
                <p>{message}</p>
                <p>{live!("newer.text")}</p>
                <button type="button" class="primary" on:click=move |_| p.download_stored()>{live!("newer.download")}</button>
            </div>
        </main>
    }
}
