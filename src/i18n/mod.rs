//! The UI's languages: one catalogue of texts (German first, English
//! complete), the language in use, and locale formatting of numbers and dates.
//!
//! Texts are looked up by key: `t("actors.new")`, or with values filled in:
//! `tr!("actors.count", n = 5)`. The language is process-wide state, set once
//! at start and on every switch; the UI then rebuilds itself, so views read
//! plain strings and hold no per-text subscriptions.

mod catalogue;
mod locale;

use std::cell::Cell;
use std::fmt::Display;

use catalogue::Catalogue;
pub use locale::{number, tenths};

/// A language of the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    De,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// The BCP 47 code, as in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language's own name, so that a reader finds it in any UI language.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    /// "de", "de-AT", "EN-gb" … → the language; anything else → `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of the browser's preferred languages that the UI speaks;
    /// German when it speaks none of them (the app is made for German Kommunen).
    pub fn from_preferences<S: AsRef<str>>(preferred: &[S]) -> Lang {
        preferred.iter().find_map(|code| Lang::parse(code.as_ref())).unwrap_or(Lang::De)
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::De) };
}

/// The language texts are looked up in.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Sets the language for every following lookup.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The text for `key` in the current language. A key the catalogue lacks
/// shows as itself (the catalogue test keeps that from ever shipping).
pub fn t(key: &'static str) -> &'static str {
    Catalogue::get().text(key, lang()).unwrap_or(key)
}

/// Fills `{name}` placeholders. A text with two forms, "one|other", picks
/// the first when the argument `n` is 1 and the second otherwise.
pub fn fill(text: &str, args: &[(&str, &dyn Display)]) -> String {
    let text = match text.split_once('|') {
        Some((one, other)) => {
            let n = args.iter().find(|(name, _)| *name == "n").map(|(_, v)| v.to_string());
            if n.as_deref() == Some("1") { one } else { other }
        }
        None => text,
    };
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter().find(|(n, _)| *n == name).map(|(_, v)| (v.to_string(), close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(&value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A number with its noun in the right form, from a "count." entry:
/// `count(t("count.actors"), 1)` is "1 Akteur", with 1,500 "1.500 Akteure".
pub fn count(text: &str, n: usize) -> String {
    fill(text, &[("n", &number(n))])
}

/// `tr!("key", name = value, …)`: the text for `key` with its placeholders filled.
#[macro_export]
macro_rules! tr {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::fill($crate::i18n::t($key), &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_codes_and_browser_preferences() {
        assert_eq!(Lang::parse("de-AT"), Some(Lang::De));
        assert_eq!(Lang::parse("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::from_preferences(&["fr-FR", "en-US", "de"]), Lang::En);
        assert_eq!(Lang::from_preferences(&["de-CH", "en"]), Lang::De);
        assert_eq!(Lang::from_preferences(&["tr", "ar"]), Lang::De);
        assert_eq!(Lang::from_preferences::<&str>(&[]), Lang::De);
    }

    #[test]
    fn counts_pick_the_form_by_number() {
        set_lang(Lang::De);
        assert_eq!(count(t("count.actors"), 1), "1 Akteur");
        assert_eq!(count(t("count.actors"), 0), "0 Akteure");
        assert_eq!(count(t("count.relations"), 1_500), "1.500 Beziehungen");
        set_lang(Lang::En);
        assert_eq!(count(t("count.groups"), 1), "1 committee");
        assert_eq!(count(t("count.checklists"), 2), "2 checklists");
        set_lang(Lang::De);
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        assert_eq!(fill("{a} und {b}", &[("a", &1), ("b", &"zwei")]), "1 und zwei");
        assert_eq!(fill("{x} bleibt, { auch", &[]), "{x} bleibt, { auch");
    }

    #[test]
    fn two_forms_pick_by_n() {
        let text = "ein Akteur|{n} Akteure";
        assert_eq!(fill(text, &[("n", &1)]), "ein Akteur");
        assert_eq!(fill(text, &[("n", &0)]), "0 Akteure");
        assert_eq!(fill(text, &[("n", &12)]), "12 Akteure");
    }

    #[test]
    fn lookups_follow_the_current_language() {
        set_lang(Lang::En);
        let english = t("app.skip_link");
        set_lang(Lang::De);
        assert_eq!(t("app.skip_link"), "Zum Inhalt springen");
        assert_eq!(english, "Skip to content");
        assert_eq!(t("no.such.key"), "no.such.key");
    }
}
