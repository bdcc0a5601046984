//! Small choices remembered in this browser: the UI language, who exports,
//! whether to keep the demo. Preferences, not data: where storage is
//! blocked they are simply not remembered, and the app works on.

use crate::app::platform::store::BrowserStore;
use crate::domain::data::storage::slots::KeyValue;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preference {
    /// "de", "en"; absent until the user chooses.
    Language,
    /// The name written into exported files (optional).
    Author,
    /// "true" once the user chose to keep the demo region beside her own.
    KeepDemo,
    /// "true" once the welcome beside the demo was dismissed.
    WelcomeSeen,
    /// The column mappings chosen for lists, by the lists' shape.
    ListMappings,
    /// What values of lists' "Art" and "Rechtskreise" columns were chosen to mean.
    ListValues,
    /// The network picture's last settled layouts (`domain::picture::settled`).
    SettledLayouts,
}

impl Preference {
    fn key(self) -> &'static str {
        match self {
            Preference::Language => "netzwerkatlas.language",
            Preference::Author => "netzwerkatlas.author",
            Preference::KeepDemo => "netzwerkatlas.keep_demo",
            Preference::WelcomeSeen => "netzwerkatlas.welcome_seen",
            Preference::ListMappings => "netzwerkatlas.list_mappings",
            Preference::ListValues => "netzwerkatlas.list_values",
            Preference::SettledLayouts => "netzwerkatlas.settled_layouts",
        }
    }
}

pub fn read(preference: Preference) -> Option<String> {
    let text = BrowserStore.get(preference.key())?;
    // Earlier versions stored some values as JSON strings.
    Some(serde_json::from_str::<String>(&text).unwrap_or(text))
}

pub fn remember(preference: Preference, value: &str) {
    let _ = BrowserStore.set(preference.key(), value);
}
