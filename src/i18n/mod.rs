//! The UI's languages: one catalogue of texts (German the source, every
//! other language a translators' `.po` file in `locales/`), the language in
//! use, and locale formatting of numbers (dates: `domain::rules::dates`).
//!
//! Texts are looked up by key: `t!("actors.new")`, or with values filled in:
//! `tr!("actors.count", n = 5)`; a text with forms by number picks the one
//! the language's plural rule names for `n`. The language is process-wide
//! state; the UI registers `on_lookup` so that every view that looked up a
//! text is redrawn when it changes (`live!("key")` is such a view of one
//! text), and a switch of language rebuilds nothing.
//!
//! A key becomes a `Key`, its place in the catalogue, while compiling
//! (`key!`): a key the catalogue lacks does not build, and the wasm
//! carries places, not keys.

mod catalogue;
mod locale;
// The translators' files' reader: compiled into the tables by `build.rs`,
// here for the tests of its checks.
#[cfg(test)]
#[allow(dead_code)]
mod po;

use std::cell::Cell;
use std::fmt::Display;

pub use locale::{number, tenths};

/// A language of the UI: one of the compiled catalogue's languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lang(u8);

impl Lang {
    /// The source language, whose texts every other one falls back to; also
    /// the language of files made for German Excel.
    pub const GERMAN: Lang = Lang(0);
    /// Every language the catalogue holds, German first.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..catalogue::LANGUAGES.len() as u8).map(Lang)
    }

    /// The BCP 47 code, as in `<html lang>`.
    pub fn code(self) -> &'static str {
        catalogue::LANGUAGES[self.0 as usize].0
    }

    /// The language's own name, so that a reader finds it in any UI language.
    pub fn own_name(self) -> &'static str {
        catalogue::LANGUAGES[self.0 as usize].1
    }

    /// "de", "de-AT", "EN-gb" … → the language; anything else → `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Lang::all().find(|l| l.code() == primary)
    }

    /// The first of the browser's preferred languages that the UI speaks;
    /// German when it speaks none of them (the app is made for German Kommunen).
    pub fn from_preferences<S: AsRef<str>>(preferred: &[S]) -> Lang {
        preferred.iter().find_map(|code| Lang::parse(code.as_ref())).unwrap_or(Lang::GERMAN)
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::GERMAN) };
    static ON_LOOKUP: Cell<fn()> = const { Cell::new(|| {}) };
}

/// Whether a language's texts are at hand; the wasm has German compiled in
/// and fetches the others when chosen (`app::shell::language::load`).
pub fn is_loaded(lang: Lang) -> bool {
    catalogue::is_loaded(lang.0 as usize)
}

/// Installs a language's texts as fetched: in the order of the keys whose
/// fingerprint is given, forms separated by U+0001. `false` (and German
/// stays) when they were written for other keys.
pub fn install(lang: Lang, fingerprint: u32, texts: Vec<String>) -> bool {
    catalogue::install(lang.0 as usize, fingerprint, texts)
}

/// A text of the catalogue: its place among the keys. Made by `key!`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(u16);

impl Key {
    /// The key's place; evaluated while compiling (`key!`), where a key
    /// the catalogue lacks stops the build.
    pub const fn of(key: &str) -> Key {
        match catalogue::index(key) {
            Some(index) => Key(index as u16),
            None => panic!("a key that src/i18n/locales/messages.pot lacks"),
        }
    }

    /// The key as written (native builds: tests, and what they print).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn name(self) -> &'static str {
        catalogue::key_name(self.0 as usize)
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        #[cfg(not(target_arch = "wasm32"))]
        return write!(f, "{:?}", self.name());
        #[cfg(target_arch = "wasm32")]
        write!(f, "Key({})", self.0)
    }
}

/// `key!("actors.new")`: the `Key` of a text, found while compiling.
#[macro_export]
macro_rules! key {
    ($key:literal) => {
        const { $crate::i18n::Key::of($key) }
    };
}

/// `t!("actors.new")`: the text in the current language (`t` of `key!`).
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::t($crate::key!($key))
    };
}

/// `live!("actors.new")`: the text as a view that follows the language.
#[macro_export]
macro_rules! live {
    ($key:literal) => {
        $crate::i18n::live($crate::key!($key))
    };
}

/// The language texts are looked up in.
pub fn lang() -> Lang {
    ON_LOOKUP.with(Cell::get)();
    CURRENT.with(Cell::get)
}

/// Sets the language for every following lookup.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// Called on every lookup of the language: the UI tracks it there, so that
/// what was drawn from a text is drawn again after a switch.
pub fn on_lookup(hook: fn()) {
    ON_LOOKUP.with(|c| c.set(hook));
}

/// The text for `key` in the current language.
pub fn t(key: Key) -> &'static str {
    text_in(lang(), key)
}

/// The text for `key` in a given language, whatever the UI's.
pub fn text_in(lang: Lang, key: Key) -> &'static str {
    catalogue::form(catalogue::entry(key.0 as usize, lang.0 as usize).0, 0)
}

/// `t(key)` as a view: a function that looks the text up each time it is
/// drawn, so that it follows the language. One type for every text, so the
/// wasm holds its drawing code once.
pub fn live(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || t(key)
}

/// A value's label (an enum's `label`) as a view that follows the language,
/// like `live`; one type per kind of value.
pub fn live_label<T: Copy + Send + Sync + 'static>(
    value: T,
    label: fn(T) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || label(value)
}

/// The text for `key` with its `{name}` placeholders filled; a text with
/// forms by number takes the one the language's plural rule names for the
/// argument `n` (its digits: "1.500" counts as 1500).
pub fn fill_key(key: Key, args: &[(&str, &dyn Display)]) -> String {
    let (entry, language) = catalogue::entry(key.0 as usize, lang().0 as usize);
    let text = if catalogue::form_count(entry) == 1 {
        entry
    } else {
        let n = args.iter().find(|(name, _)| *name == "n").map(|(_, v)| v.to_string());
        let n = n.map(|n| n.chars().filter(char::is_ascii_digit).collect::<String>());
        let n: u64 = n.and_then(|n| n.parse().ok()).unwrap_or(0);
        catalogue::form(entry, catalogue::plural_form(language, n))
    };
    fill(text, args)
}
/// Fills `{name}` placeholders; unknown ones are kept as they are.
fn fill(text: &str, args: &[(&str, &dyn Display)]) -> String {
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

/// A message not yet written in any language: the key and its values.
/// Reports kept on screen (what a file's reading repaired) hold these and are
/// written when drawn, so that they follow a switch of language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    key: Key,
    args: Vec<(&'static str, Value)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Value {
    Plain(String),
    /// A message within a message, written in the same language.
    Message(Box<Message>),
}

impl Message {
    pub fn new(key: Key) -> Message {
        Message { key, args: Vec::new() }
    }

    /// The message with `{name}` to be filled with `value` (`n` also picks the form).
    pub fn with(mut self, name: &'static str, value: impl Display) -> Message {
        self.args.push((name, Value::Plain(value.to_string())));
        self
    }

    /// The message with `{name}` to be filled with another message.
    pub fn with_message(mut self, name: &'static str, message: Message) -> Message {
        self.args.push((name, Value::Message(Box::new(message))));
        self
    }

    /// The message in the current language.
    pub fn text(&self) -> String {
        let values: Vec<String> = self
            .args
            .iter()
            .map(|(_, value)| match value {
                Value::Plain(text) => text.clone(),
                Value::Message(message) => message.text(),
            })
            .collect();
        let args: Vec<(&str, &dyn Display)> =
            self.args.iter().zip(&values).map(|((name, _), value)| (*name, value as &dyn Display)).collect();
        fill_key(self.key, &args)
    }
}

impl Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

/// A number with its noun in the right form, from a "count." entry:
/// `count(key!("count.actors"), 1)` is "1 Akteur", with 1,500 "1.500 Akteure".
pub fn count(key: Key, n: usize) -> String {
    fill_key(key, &[("n", &number(n))])
}

/// `tr!("key", name = value, …)`: the text for `key` with its placeholders filled.
#[macro_export]
macro_rules! tr {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::fill_key($crate::key!($key), &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Lang {
        Lang::parse("en").unwrap()
    }

    #[test]
    fn languages_from_codes_and_browser_preferences() {
        assert_eq!(Lang::parse("de-AT"), Some(Lang::GERMAN));
        assert_eq!(Lang::parse("EN_gb"), Some(english()));
        assert_eq!(Lang::parse("xx"), None);
        assert_eq!(Lang::from_preferences(&["xx-XX", "en-US", "de"]), english());
        assert_eq!(Lang::from_preferences(&["de-CH", "en"]), Lang::GERMAN);
        assert_eq!(Lang::from_preferences(&["xx", "yy"]), Lang::GERMAN);
        assert_eq!(Lang::from_preferences::<&str>(&[]), Lang::GERMAN);
        assert_eq!(english().own_name(), "English");
    }

    #[test]
    fn counts_pick_the_form_by_number() {
        set_lang(Lang::GERMAN);
        assert_eq!(count(key!("count.actors"), 1), "1 Akteur");
        assert_eq!(count(key!("count.actors"), 0), "0 Akteure");
        assert_eq!(count(key!("count.relations"), 1_500), "1.500 Beziehungen");
        set_lang(english());
        assert_eq!(count(key!("count.groups"), 1), "1 committee");
        assert_eq!(count(key!("count.checklists"), 2), "2 checklists");
        assert_eq!(count(key!("count.checklists"), 1_001), "1,001 checklists");
        set_lang(Lang::GERMAN);
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        assert_eq!(fill("{a} und {b}", &[("a", &1), ("b", &"zwei")]), "1 und zwei");
        assert_eq!(fill("{x} bleibt, { auch", &[]), "{x} bleibt, { auch");
    }

    #[test]
    fn forms_by_number_in_a_sentence() {
        set_lang(Lang::GERMAN);
        assert_eq!(tr!("form.check_fields", n = 1), "Bitte prüfen Sie das markierte Feld.");
        assert_eq!(tr!("form.check_fields", n = 3), "Bitte prüfen Sie die 3 markierten Felder.");
        set_lang(english());
        assert_eq!(tr!("form.check_fields", n = 3), "Please check the 3 marked fields.");
        set_lang(Lang::GERMAN);
    }

    #[test]
    fn lookups_follow_the_current_language() {
        set_lang(english());
        let english = t!("app.skip_link");
        set_lang(Lang::GERMAN);
        assert_eq!(t!("app.skip_link"), "Zum Inhalt springen");
        assert_eq!(english, "Skip to content");
        assert_eq!(live!("app.skip_link")(), "Zum Inhalt springen");
    }
    #[test]
    fn a_message_is_written_in_the_language_of_the_moment() {
        let message = Message::new(key!("form.check_fields")).with("n", 2);
        set_lang(english());
        assert_eq!(message.text(), "Please check the 2 marked fields.");
        set_lang(Lang::GERMAN);
        assert_eq!(message.text(), "Bitte prüfen Sie die 2 markierten Felder.");
    }
    #[test]
    fn every_lookup_calls_the_hook() {
        thread_local!(static CALLS: Cell<usize> = const { Cell::new(0) });
        on_lookup(|| CALLS.with(|c| c.set(c.get() + 1)));
        t!("app.skip_link");
        let _ = tr!("form.check_fields", n = 2);
        on_lookup(|| {});
        assert_eq!(CALLS.with(Cell::get), 2);
    }
}
