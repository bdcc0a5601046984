//! "Mit Passwort schützen" when saving a Netzwerkatlas file, and the
//! password asked for when importing one. The password lives only in these
//! fields: never stored, never in a draft.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::platform::browser::focus_later;
use crate::app::platform::crypto::{decrypt, encrypt};
use crate::app::state::AppState;
use crate::app::widgets::fields::TextField;
use crate::domain::data::encryption::{encrypted_file_name, password_problem, password_strength, Encrypted, PasswordField};
use crate::domain::data::files::export::ExportFile;
use crate::i18n::{t, Key};

/// The choice to protect a file and its password, as the export panel holds it.
#[derive(Clone, Copy)]
pub struct Protection {
    pub on: RwSignal<bool>,
    password: RwSignal<String>,
    repeated: RwSignal<String>,
    problem: RwSignal<Option<(PasswordField, Key)>>,
    pub busy: RwSignal<bool>,
}

impl Protection {
    pub fn new() -> Self {
        Protection {
            on: RwSignal::new(false),
            password: RwSignal::new(String::new()),
            repeated: RwSignal::new(String::new()),
            problem: RwSignal::new(None),
            busy: RwSignal::new(false),
        }
    }

    /// Saves the file, encrypted if chosen. A password that cannot be used
    /// is named at its field and nothing is saved.
    pub fn save(self, state: AppState, file: ExportFile, failed: impl Fn() + 'static) {
        if !self.on.get_untracked() {
            state.save_file(&file.file_name, file.mime, &file.text);
            return;
        }
        let password = self.password.get_untracked();
        let problem = password_problem(&password, &self.repeated.get_untracked());
        self.problem.set(problem);
        if let Some((field, _)) = problem {
            focus_later(if field == PasswordField::Password { "#export-password" } else { "#export-password-repeat" });
            return;
        }
        self.busy.set(true);
        spawn_local(async move {
            match encrypt(&file.text, &password).await {
                Ok(text) => state.save_file(&encrypted_file_name(&file.file_name), file.mime, &text),
                Err(_) => failed(),
            }
            self.busy.set(false);
        });
    }
}

#[component]
pub fn ProtectFields(protection: Protection) -> impl IntoView {
    let Protection { on, password, repeated, problem, .. } = protection;
    let error_at = move |at: PasswordField| move || problem.get().filter(|(field, _)| *field == at).map(|(_, key)| t(key).to_owned());
    let strength = move || t(password_strength(&password.get()).key()).to_owned();
    view! {
        <div class="field checkbox-field">
            <label class="checkbox" for="export-encrypt">
                <input id="export-encrypt" type="checkbox" prop:checked=on on:change=move |ev| on.set(event_target_checked(&ev)) />
                {live!("encryption.protect")}
            </label>
        </div>
        {move || on.get().then(|| view! {
            <div class="protect" data-testid="protect">
                <p class="hint">{live!("encryption.protect_hint")}</p>
                <TextField
                    id="export-password"
                    label=live!("encryption.password")
                    kind="password"
                    autocomplete="new-password"
                    value=password
                    hint=TextProp::from(strength)
                    error=Signal::derive(error_at(PasswordField::Password))
                    on_input=Callback::new(move |v| {
                        password.set(v);
                        problem.set(None);
                    })
                />
                <TextField
                    id="export-password-repeat"
                    label=live!("encryption.repeat")
                    kind="password"
                    autocomplete="new-password"
                    value=repeated
                    error=Signal::derive(error_at(PasswordField::Repeat))
                    on_input=Callback::new(move |v| {
                        repeated.set(v);
                        problem.set(None);
                    })
                />
            </div>
        })}
    }
}

/// Asks for the password of a protected file; `opened` gets the file's text.
#[component]
pub fn UnlockForm(key: usize, encrypted: std::sync::Arc<Encrypted>, opened: Callback<String>) -> impl IntoView {
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Key>);
    let busy = RwSignal::new(false);
    let id = format!("unlock-{key}");
    let focus = format!("#{id}");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (encrypted, focus) = (encrypted.clone(), focus.clone());
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match decrypt(&encrypted, &password.get_untracked()).await {
                // The file's preview replaces this form (and its signals).
                Ok(text) => opened.run(text),
                Err(why) => {
                    busy.set(false);
                    error.set(Some(why.key()));
                    focus_later(focus);
                }
            }
        });
    };
    view! {
        <form class="unlock" on:submit=submit data-testid="unlock">
            <p>{live!("encryption.locked")}</p>
            <TextField
                id=id
                label=live!("encryption.password")
                kind="password"
                autocomplete="off"
                value=password
                error=Signal::derive(move || error.get().map(|key| t(key).to_owned()))
                on_input=Callback::new(move |v| password.set(v))
            />
            <button type="submit" disabled=busy>
                {move || t(if busy.get() { key!("encryption.opening") } else { key!("encryption.open") })}
            </button>
        </form>
    }
}
