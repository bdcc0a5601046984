//! The catalogue of UI texts, `catalogue.txt`: a key on its own line, then
//! one indented line per language, German first:
//!
//! ```text
//! actors.new
//!     de: Neuer Akteur
//!     en: New actor
//! ```

use std::sync::OnceLock;

use super::Lang;

const SOURCE: &str = include_str!("catalogue.txt");

struct Entry {
    key: &'static str,
    de: &'static str,
    en: &'static str,
}

/// The parsed catalogue, sorted by key.
pub struct Catalogue {
    entries: Vec<Entry>,
}

impl Catalogue {
    /// The catalogue built into the app, parsed on first use.
    pub fn get() -> &'static Catalogue {
        static PARSED: OnceLock<Catalogue> = OnceLock::new();
        PARSED.get_or_init(|| Catalogue::parse(SOURCE))
    }

    fn parse(source: &'static str) -> Catalogue {
        let mut entries: Vec<Entry> = Vec::new();
        for line in source.lines() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if !line.starts_with(char::is_whitespace) {
                entries.push(Entry { key: trimmed, de: "", en: "" });
            } else if let (Some(entry), Some((lang, text))) = (entries.last_mut(), trimmed.split_once(':')) {
                match Lang::parse(lang) {
                    Some(Lang::De) => entry.de = text.trim(),
                    Some(Lang::En) => entry.en = text.trim(),
                    None => {}
                }
            }
        }
        entries.sort_by_key(|e| e.key);
        Catalogue { entries }
    }

    /// The text of `key` in `lang`, German where the other language lacks it.
    pub fn text(&self, key: &str, lang: Lang) -> Option<&'static str> {
        let entry = &self.entries[self.entries.binary_search_by_key(&key, |e| e.key).ok()?];
        let text = match lang {
            Lang::De => entry.de,
            Lang::En => entry.en,
        };
        Some(if text.is_empty() { entry.de } else { text })
    }

    #[cfg(test)]
    fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|e| e.key)
    }
}

/// The `{name}` placeholders of a text, sorted.
#[cfg(test)]
fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Everything wrong with a catalogue text: a key twice, a language missing
/// or empty, a line that is neither, placeholders or two-form texts that
/// differ between the languages.
#[cfg(test)]
fn problems(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut keys: Vec<(&str, Option<&str>, Option<&str>)> = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            if trimmed.contains(char::is_whitespace) {
                found.push(format!("line {}: a key has no spaces: {trimmed:?}", number + 1));
            }
            keys.push((trimmed, None, None));
            continue;
        }
        let Some(entry) = keys.last_mut() else {
            found.push(format!("line {}: text before the first key", number + 1));
            continue;
        };
        match trimmed.split_once(':').map(|(lang, text)| (Lang::parse(lang.trim()), text.trim())) {
            Some((Some(Lang::De), text)) if entry.1.is_none() => entry.1 = Some(text),
            Some((Some(Lang::En), text)) if entry.2.is_none() => entry.2 = Some(text),
            _ => found.push(format!("line {}: expected one `de:` and one `en:` line under {}", number + 1, entry.0)),
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for (key, de, en) in &keys {
        if !seen.insert(*key) {
            found.push(format!("{key}: listed twice"));
        }
        match (de.filter(|t| !t.is_empty()), en.filter(|t| !t.is_empty())) {
            (None, _) => found.push(format!("{key}: German text missing")),
            (_, None) => found.push(format!("{key}: English text missing")),
            (Some(de), Some(en)) => {
                if placeholders(de) != placeholders(en) {
                    found.push(format!("{key}: placeholders differ: {:?} / {:?}", placeholders(de), placeholders(en)));
                }
                if de.contains('|') != en.contains('|') {
                    found.push(format!("{key}: one language has two forms (one|other), the other not"));
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    #[test]
    fn the_catalogue_is_complete_in_both_languages() {
        assert_eq!(problems(SOURCE), Vec::<String>::new());
    }

    #[test]
    fn problems_name_missing_languages_and_mismatched_placeholders() {
        let source = "a\n    de: Eins\nb\n    en: Two\nc\n    de: {n} Akteure\n    en: actors\nd\n    de: ein|{n}\n    en: {n}\na\n    de: x\n    en: y\n";
        assert_eq!(
            problems(source),
            vec![
                "a: English text missing",
                "b: German text missing",
                "c: placeholders differ: [\"n\"] / []",
                "d: one language has two forms (one|other), the other not",
                "a: listed twice",
            ]
        );
    }

    #[test]
    fn english_falls_back_to_german_only_where_it_is_missing() {
        let catalogue = Catalogue::parse("k\n    de: Deutsch\nl\n    de: Nur Deutsch\n    en:\n");
        assert_eq!(catalogue.text("l", Lang::En), Some("Nur Deutsch"));
        assert_eq!(catalogue.text("k", Lang::De), Some("Deutsch"));
        assert_eq!(catalogue.text("m", Lang::De), None);
    }

    /// Every key the code asks for, from `t("…")` and `tr!("…", …)` in `src/`.
    fn keys_in_code() -> BTreeSet<(String, String)> {
        fn walk(dir: &Path, out: &mut BTreeSet<(String, String)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let code = std::fs::read_to_string(&path).unwrap();
                    for marker in ["t(", "tr!("] {
                        for (at, _) in code.match_indices(marker) {
                            // `t(` only as a name of its own, not the end of `split(`.
                            let before = code[..at].chars().next_back();
                            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                                continue;
                            }
                            // The key may follow on the next line (`tr!(` with many values).
                            let Some(rest) = code[at + marker.len()..].trim_start().strip_prefix('"') else { continue };
                            let key = &rest[..rest.find('"').unwrap()];
                            out.insert((key.to_owned(), path.display().to_string()));
                        }
                    }
                }
            }
        }
        let mut keys = BTreeSet::new();
        walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut keys);
        keys
    }

    #[test]
    fn every_key_the_code_uses_is_in_the_catalogue() {
        let catalogue = Catalogue::parse(SOURCE);
        let missing: Vec<_> = keys_in_code()
            .into_iter()
            .filter(|(key, file)| !file.ends_with("i18n/mod.rs") && !file.ends_with("catalogue.rs") && catalogue.text(key, Lang::De).is_none())
            .collect();
        assert_eq!(missing, Vec::<(String, String)>::new(), "keys used in code but missing from catalogue.txt");
    }

    #[test]
    fn every_catalogue_entry_is_used() {
        let used: BTreeSet<String> = keys_in_code().into_iter().map(|(key, _)| key).collect();
        let unused: Vec<_> = Catalogue::parse(SOURCE).keys().filter(|k| !used.contains(*k)).collect();
        assert_eq!(unused, Vec::<&str>::new(), "entries in catalogue.txt that no code uses");
    }
}
