//! The UI language: chosen in the header, remembered in this browser, at
//! first the browser's own preference.

use leptos::prelude::*;

use crate::app::platform::preferences::{self, Preference};
use crate::app::state::use_state;
use crate::i18n::{self, t, Lang};

/// The remembered choice, else the first language of the browser's
/// preferences that the UI speaks.
pub fn initial() -> Lang {
    if let Some(lang) = preferences::read(Preference::Language).as_deref().and_then(Lang::parse) {
        return lang;
    }
    let preferred: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    Lang::from_preferences(&preferred)
}

/// Makes `lang` the language of every text from now on, and of the page,
/// so that screen readers pronounce it correctly.
pub fn apply(lang: Lang) {
    i18n::set_lang(lang);
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// A choice between the languages, each named in itself.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let state = use_state();
    let choose = move |ev| {
        if let Some(lang) = Lang::parse(&event_target_value(&ev)) {
            preferences::remember(Preference::Language, lang.code());
            state.switch_language(lang);
            // The rebuilt page starts at the top: keep the user at the switch.
            crate::app::platform::browser::focus_later("#language-select");
        }
    };
    view! {
        <div class="language-switch">
            <label for="language-select">{t("language.label")}</label>
            <select id="language-select" on:change=choose>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! { <option value=lang.code() lang=lang.code() selected=lang == state.language.get_untracked()>{lang.own_name()}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
