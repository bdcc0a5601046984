//! The catalogue of UI texts, compiled by `build.rs` from the translators'
//! files in `locales/` (gettext: `messages.pot` German, `<code>.po` each
//! other language) into static text, split once at first use. In the wasm
//! only German is compiled in; another language is installed when fetched.

mod compiled {
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

pub use compiled::LANGUAGES;

use std::sync::OnceLock;

/// Per language, the texts installed at run time (in the order of the keys).
static INSTALLED: [OnceLock<Vec<&'static str>>; LANGUAGES.len()] = [const { OnceLock::new() }; LANGUAGES.len()];

/// The compiled strings split into keys and, per language, texts.
struct Table {
    keys: Vec<&'static str>,
    texts: Vec<Vec<&'static str>>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table {
        keys: compiled::KEYS.split('\0').collect(),
        texts: compiled::TEXTS.iter().map(|texts| texts.split('\0').collect()).collect(),
    })
}
/// The text of `key` in language number `language` (its forms by number
/// separated, see `form`), and the language it is in: the source language
/// where a translation lacks the text.
pub fn entry(key: &str, language: usize) -> Option<(&'static str, usize)> {
    let table = table();
    let index = table.keys.binary_search(&key).ok()?;
    let text = match table.texts.get(language).or_else(|| INSTALLED.get(language)?.get()) {
        Some(texts) => texts[index],
        None => "",
    };
    Some(if text.is_empty() { (table.texts[0][index], 0) } else { (text, language) })
}

/// Whether a language's texts are at hand (compiled in, or installed).
pub fn is_loaded(language: usize) -> bool {
    table().texts.get(language).is_some() || INSTALLED.get(language).is_some_and(|t| t.get().is_some())
}

/// Installs a language's texts as fetched: (key, forms separated by U+0001)
/// for each text it has. Unknown keys are passed over; a missing text falls
/// back to German. The texts live as long as the app.
pub fn install(language: usize, texts: impl IntoIterator<Item = (String, String)>) {
    let Some(slot) = INSTALLED.get(language) else { return };
    let table = table();
    let mut installed = vec![""; table.keys.len()];
    for (key, text) in texts {
        if let Ok(index) = table.keys.binary_search(&key.as_str()) {
            installed[index] = Box::leak(text.into_boxed_str());
        }
    }
    let _ = slot.set(installed);
}

/// Form number `index` of an entry; the last one where it has fewer.
pub fn form(entry: &'static str, index: usize) -> &'static str {
    // The last form is looked for only when asked past the end: `t` (form 0) runs on every drawn text.
    entry.split('\u{1}').nth(index).unwrap_or_else(|| entry.split('\u{1}').last().unwrap_or(entry))
}

/// How many forms an entry has (1 for a text without forms by number).
pub fn form_count(entry: &str) -> usize {
    entry.split('\u{1}').count()
}

/// The form a language uses for the number `n`.
pub fn plural_form(language: usize, n: u64) -> usize {
    compiled::plural_form(language, n)
}

#[cfg(test)]
mod tests {
    use super::super::po;
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    #[test]
    fn every_language_has_every_text_with_the_same_placeholders() {
        assert_eq!(compiled::PROBLEMS, &[] as &[&str]);
    }

    #[test]
    fn a_language_installed_from_its_file_reads_as_the_compiled_one() {
        // What `scripts/post-build.mjs` writes for the wasm: each complete text, forms joined by U+0001.
        let english =
            po::parse(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n/locales/en.po")).unwrap()).unwrap();
        let english_index = LANGUAGES.iter().position(|(code, _)| *code == "en").unwrap();
        let texts = english.entries.iter().map(|e| (e.key.clone(), e.texts(false))).filter(|(_, t)| t.iter().all(|t| !t.is_empty()));
        let mut pairs: Vec<(String, String)> = texts.map(|(key, texts)| (key, texts.join("\u{1}"))).collect();
        pairs.push(("no.such.key".into(), "ignored".into()));
        // Installed into the slot of a language that is not compiled in, here German's English twin.
        install(english_index, pairs);
        let table = table();
        for key in &table.keys {
            let installed = INSTALLED[english_index].get().unwrap()[table.keys.binary_search(key).unwrap()];
            assert_eq!(installed, table.texts[english_index][table.keys.binary_search(key).unwrap()], "{key}");
        }
        assert!(is_loaded(english_index) && is_loaded(0));
    }

    #[test]
    fn the_first_language_is_german_and_english_follows() {
        assert_eq!(LANGUAGES[0], ("de", "Deutsch"));
        assert!(LANGUAGES.contains(&("en", "English")));
    }

    const TEMPLATE: &str = "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\"X-Language-Name: Deutsch\\n\"\n\n\
        msgctxt \"a\"\nmsgid \"Eins\"\nmsgstr \"\"\n\n\
        msgctxt \"b\"\nmsgid \"{n} Akteur\"\nmsgid_plural \"{n} Akteure\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n\n\
        msgctxt \"c\"\nmsgid \"Hallo {name}\"\nmsgstr \"\"\n\n\
        msgctxt \"d\"\nmsgid \"Neu\"\nmsgstr \"\"\n";

    #[test]
    fn problems_name_missing_stale_and_mismatched_translations() {
        let template = po::parse(TEMPLATE).unwrap();
        // Polish has three forms; "a" is missing, "c" loses its placeholder,
        // "d" was translated from an older German text, "z" is left over.
        let polish = po::parse(
            "msgid \"\"\nmsgstr \"\"\n\"Language: pl\\n\"\n\"X-Language-Name: Polski\\n\"\n\
             \"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n\"\n\
             msgctxt \"b\"\nmsgid \"{n} Akteur\"\nmsgid_plural \"{n} Akteure\"\nmsgstr[0] \"{n} aktor\"\nmsgstr[1] \"{n} aktorzy\"\n\
             msgctxt \"c\"\nmsgid \"Hallo {name}\"\nmsgstr \"Cześć\"\n\
             msgctxt \"d\"\nmsgid \"Alt\"\nmsgstr \"Nowy\"\n\
             msgctxt \"z\"\nmsgid \"Z\"\nmsgstr \"Z\"\n",
        )
        .unwrap();
        assert_eq!(
            po::problems(&template, &polish),
            vec![
                "pl: a: missing",
                "pl: b: 2 forms, expected 3",
                "pl: c: placeholders differ: {\"name\"} / {}",
                "pl: d: translated from an older German text",
                "pl: z: not in the template (line 17)",
            ]
        );
        assert!(po::parse("msgctxt \"a\"\nmsgstr \"x\"\n").unwrap_err().contains("line 2"));
        assert!(po::parse("msgctxt \"a\"\nmsgid \"x\nmsgstr \"\"\n").unwrap_err().contains("line 2"));
    }

    #[test]
    fn plural_rules_follow_the_language_file() {
        let rule = |text: &str| po::Plural::parse(text).unwrap();
        let germanic = rule("(n != 1)");
        assert_eq!([0, 1, 2, 21].map(|n| germanic.eval(n)), [1, 0, 1, 1]);
        let polish = rule("(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)");
        assert_eq!([1, 2, 5, 12, 22, 25, 112].map(|n| polish.eval(n)), [0, 1, 2, 2, 1, 2, 2]);
        let arabic = rule("n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5");
        assert_eq!([0, 1, 2, 3, 11, 100].map(|n| arabic.eval(n)), [0, 1, 2, 3, 4, 5]);
        assert_eq!(rule("0").eval(7), 0);
        assert!(po::Plural::parse("n ? 1").is_err());
        assert!(po::Plural::parse("n $ 2").is_err());
        // The compiled rules agree with the evaluated ones.
        for n in [0, 1, 2, 5, 21, 100] {
            assert_eq!(plural_form(0, n) as u64, germanic.eval(n));
        }
    }

    #[test]
    fn a_missing_translation_falls_back_to_german() {
        let (german, _) = entry("app.skip_link", 0).unwrap();
        assert_eq!(entry("app.skip_link", 99), Some((german, 0)));
        assert_eq!(entry("no.such.key", 0), None);
        let (counted, _) = entry("count.actors", 0).unwrap();
        assert_eq!(
            (form_count(counted), form(counted, 0), form(counted, 1), form(counted, 7)),
            (2, "{n} Akteur", "{n} Akteure", "{n} Akteure")
        );
    }

    /// Every Rust file under `src/` outside these tests: (path, code).
    fn sources() -> Vec<(String, String)> {
        fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                let file = path.display().to_string();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") && !is_test_source(&file) {
                    out.push((file, std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
        let mut files = Vec::new();
        walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
        files
    }

    /// Every key the code asks for, from `t("…")`, `live("…")`, `text_in(…, "…")`,
    /// `count("…", …)` and `tr!("…", …)`: (key, file).
    fn keys_in_code() -> BTreeSet<(String, String)> {
        let mut keys = BTreeSet::new();
        for (file, code) in sources() {
            for marker in ["t(", "tr!(", "live(", "count(", "text_in("] {
                for (at, _) in code.match_indices(marker) {
                    // `t(` only as a name of its own, not the end of `split(`.
                    let before = code[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let mut rest = code[at + marker.len()..].trim_start();
                    if marker == "text_in(" {
                        // The key follows the language.
                        let Some((_, after)) = rest.split_once(',') else { continue };
                        rest = after.trim_start();
                    }
                    // The key may follow on the next line (`tr!(` with many values).
                    let Some(rest) = rest.strip_prefix('"') else { continue };
                    let key = &rest[..rest.find('"').unwrap()];
                    keys.insert((key.to_owned(), file.clone()));
                }
            }
        }
        keys
    }

    fn is_test_source(file: &str) -> bool {
        file.ends_with("i18n/mod.rs") || file.ends_with("catalogue.rs") || file.ends_with("po.rs")
    }

    #[test]
    fn every_key_the_code_uses_is_in_the_catalogue() {
        let missing: Vec<_> = keys_in_code().into_iter().filter(|(key, _)| entry(key, 0).is_none()).collect();
        assert_eq!(missing, Vec::<(String, String)>::new(), "keys used in code but missing from messages.pot");
    }

    #[test]
    fn every_catalogue_entry_is_used() {
        // Keys also travel as plain literals, e.g. in tables of labels.
        let code: String = sources().into_iter().map(|(_, code)| code).collect();
        let unused: Vec<_> = compiled::KEYS.split('\0').filter(|k| !code.contains(&format!("\"{k}\""))).collect();
        assert_eq!(unused, Vec::<&str>::new(), "entries in messages.pot that no code uses");
    }
}
