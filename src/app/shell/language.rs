//! The UI language: chosen in the header, remembered in this browser, at
//! first the browser's own preference. A switch redraws only the texts:
//! every view that looked a text up tracks the language (`i18n::on_lookup`),
//! so forms, previews, zoom and open panels stay as they are.

use std::cell::OnceCell;

use leptos::prelude::*;

use wasm_bindgen::JsCast;

use crate::app::platform::browser::fetch_text;
use crate::app::platform::preferences::{self, Preference};
use crate::app::state::use_state;
use crate::i18n::{self, Lang};

thread_local! {
    /// Notified on a switch; every lookup of a text tracks it.
    static SWITCHED: OnceCell<ArcTrigger> = const { OnceCell::new() };
}

fn switched() -> ArcTrigger {
    SWITCHED.with(|cell| cell.get_or_init(ArcTrigger::new).clone())
}

/// The remembered choice, else the first language of the browser's
/// preferences that the UI speaks.
pub fn initial() -> Lang {
    if let Some(lang) = preferences::read(Preference::Language).as_deref().and_then(Lang::parse) {
        return lang;
    }
    let preferred: Vec<String> =
        web_sys::window().map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect()).unwrap_or_default();
    Lang::from_preferences(&preferred)
}

/// Fetches a language's texts unless they are at hand (German always is):
/// `locales/<code>.json`, written at build time from `<code>.po` and cached
/// for offline use with the app's other files. `false` when that failed;
/// every text then stays German, as it does for a file written for other
/// keys (one cached from an older version of the app).
pub async fn load(lang: Lang) -> bool {
    if i18n::is_loaded(lang) {
        return true;
    }
    let Some(text) = fetch_text(&format!("locales/{}.json", lang.code())).await else { return false };
    // `{"keys": fingerprint, "texts": [text per key, in the keys' order]}`.
    let Ok(object) = js_sys::JSON::parse(&text) else { return false };
    let field = |name: &str| js_sys::Reflect::get(&object, &name.into()).unwrap_or_default();
    let Some(fingerprint) = field("keys").as_f64() else { return false };
    let texts = field("texts");
    if !js_sys::Array::is_array(&texts) {
        return false;
    }
    let texts: js_sys::Array = texts.unchecked_into();
    let texts = texts.iter().map(|text| text.as_string().unwrap_or_default()).collect();
    i18n::install(lang, fingerprint as u32, texts)
}

/// Makes `lang` the language of every text from now on, and of the page,
/// so that screen readers pronounce it correctly; what shows a text is
/// drawn again.
pub fn apply(lang: Lang) {
    i18n::on_lookup(|| switched().track());
    i18n::set_lang(lang);
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
    switched().notify();
}

/// A choice between the languages, each named in itself.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let state = use_state();
    let choose = move |ev| {
        if let Some(lang) = Lang::parse(&event_target_value(&ev)) {
            preferences::remember(Preference::Language, lang.code());
            // A notice, and what screen readers were told of it, was written in
            // the language before (and has been read out already).
            state.notice.set(None);
            state.announcement.set(String::new());
            leptos::task::spawn_local(async move {
                load(lang).await;
                apply(lang);
                state.language.set(lang);
            });
        }
    };
    view! {
        <div class="language-switch">
            <label for="language-select">{live!("language.label")}</label>
            <select id="language-select" on:change=choose>
                {Lang::all()
                    .map(|lang| {
                        view! { <option value=lang.code() lang=lang.code() selected=lang == state.language.get_untracked()>{lang.own_name()}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
