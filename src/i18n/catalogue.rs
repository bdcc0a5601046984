//! The catalogue of UI texts, compiled by `build.rs` from the translators'
//! files in `locales/` (gettext: `messages.pot` German, `<code>.po` each
//! other language) into static text, split once at first use. In the wasm
//! only German is compiled in; another language is installed when fetched.

mod compiled {
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

pub use compiled::{FINGERPRINT, LANGUAGES};

use std::sync::OnceLock;

/// Per language, the texts installed at run time (in the order of the keys).
static INSTALLED: [OnceLock<Vec<&'static str>>; LANGUAGES.len()] = [const { OnceLock::new() }; LANGUAGES.len()];

/// Per compiled language, its texts in the order of the keys.
fn texts() -> &'static [Vec<&'static str>] {
    static TEXTS: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    TEXTS.get_or_init(|| compiled::TEXTS.iter().map(|texts| texts.split('\0').collect()).collect())
}

/// The place of `key` among the sorted keys, found while compiling.
pub const fn index(key: &str) -> Option<usize> {
    let (mut low, mut high) = (0, compiled::KEYS.len());
    while low < high {
        let middle = (low + high) / 2;
        match compare(compiled::KEYS[middle].as_bytes(), key.as_bytes()) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return Some(middle),
        }
    }
    None
}

/// Byte-wise order, as `str`'s `Ord` (not callable in a `const fn`).
const fn compare(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return if a[i] < b[i] { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater };
        }
        i += 1;
    }
    if a.len() < b.len() {
        std::cmp::Ordering::Less
    } else if a.len() > b.len() {
        std::cmp::Ordering::Greater
    } else {
        std::cmp::Ordering::Equal
    }
}

/// The key at `index`, for tests and messages in native builds.
#[cfg(not(target_arch = "wasm32"))]
pub fn key_name(index: usize) -> &'static str {
    compiled::KEYS[index]
}

/// The text number `index` in language number `language` (its forms by
/// number separated, see `form`), and the language it is in: the source
/// language where a translation lacks the text.
pub fn entry(index: usize, language: usize) -> (&'static str, usize) {
    let texts = texts();
    let text = match texts.get(language).or_else(|| INSTALLED.get(language)?.get()) {
        Some(texts) => texts[index],
        None => "",
    };
    if text.is_empty() {
        (texts[0][index], 0)
    } else {
        (text, language)
    }
}

/// Whether a language's texts are at hand (compiled in, or installed).
pub fn is_loaded(language: usize) -> bool {
    texts().get(language).is_some() || INSTALLED.get(language).is_some_and(|t| t.get().is_some())
}

/// Installs a language's texts as fetched: forms separated by U+0001, in
/// the order of the keys whose fingerprint is given; empty where the
/// language lacks a text (German then). Texts for other keys (a file
/// older or newer than the app) are refused: `false`. They live as long
/// as the app.
pub fn install(language: usize, fingerprint: u32, texts: Vec<String>) -> bool {
    let Some(slot) = INSTALLED.get(language) else { return false };
    if fingerprint != FINGERPRINT || texts.len() != compiled::KEYS.len() {
        return false;
    }
    let _ = slot.set(texts.into_iter().map(|text| &*Box::leak(text.into_boxed_str())).collect());
    true
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
    use std::path::Path;

    #[test]
    fn every_language_has_every_text_with_the_same_placeholders() {
        assert_eq!(compiled::PROBLEMS, &[] as &[&str]);
    }

    #[test]
    fn a_language_installed_from_its_file_reads_as_the_compiled_one() {
        // What `scripts/post-build.mjs` writes for the wasm: per key in order,
        // the complete text with its forms joined by U+0001, or nothing.
        let english =
            po::parse(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n/locales/en.po")).unwrap()).unwrap();
        let english_index = LANGUAGES.iter().position(|(code, _)| *code == "en").unwrap();
        let texts: Vec<String> = compiled::KEYS
            .iter()
            .map(|key| {
                let texts = english.entries.iter().find(|e| e.key == *key).map(|e| e.texts(false)).unwrap_or_default();
                if texts.iter().all(|t| !t.is_empty()) {
                    texts.join("\u{1}")
                } else {
                    String::new()
                }
            })
            .collect();
        // Texts written for other keys are refused, and leave the slot empty.
        assert!(!install(english_index, FINGERPRINT ^ 1, texts.clone()));
        assert!(!install(english_index, FINGERPRINT, texts[1..].to_vec()));
        assert!(INSTALLED[english_index].get().is_none());
        // Installed into the slot of a language that is not compiled in, here German's English twin.
        assert!(install(english_index, FINGERPRINT, texts));
        for (index, key) in compiled::KEYS.iter().enumerate() {
            assert_eq!(INSTALLED[english_index].get().unwrap()[index], super::texts()[english_index][index], "{key}");
        }
        assert!(is_loaded(english_index) && is_loaded(0));
    }

    #[test]
    fn keys_are_found_in_order_and_the_fingerprint_covers_them() {
        for (place, key) in compiled::KEYS.iter().enumerate() {
            assert_eq!(index(key), Some(place));
        }
        assert_eq!(index("no.such.key"), None);
        assert_eq!(index(""), None);
        assert!(compiled::KEYS.windows(2).all(|pair| pair[0] < pair[1]));
        // FNV-1a of "a": the value `scripts/locales.mjs` must agree with.
        let fnv = |text: &str| text.bytes().fold(0x811c_9dc5_u32, |hash, byte| (hash ^ byte as u32).wrapping_mul(0x0100_0193));
        assert_eq!(fnv("a"), 0xe40c_292c);
        assert_eq!(FINGERPRINT, fnv(&compiled::KEYS.join("\0")));
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
        let skip_link = index("app.skip_link").unwrap();
        let (german, _) = entry(skip_link, 0);
        assert_eq!(entry(skip_link, 99), (german, 0));
        let (counted, _) = entry(index("count.actors").unwrap(), 0);
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

    fn is_test_source(file: &str) -> bool {
        file.ends_with("i18n/mod.rs") || file.ends_with("catalogue.rs") || file.ends_with("po.rs")
    }

    #[test]
    fn every_catalogue_entry_is_used() {
        // Keys also travel as plain literals, e.g. in tables of labels.
        let code: String = sources().into_iter().map(|(_, code)| code).collect();
        // A key the code uses but the catalogue lacks does not build (`Key::of`).
        let unused: Vec<_> = compiled::KEYS.iter().filter(|k| !code.contains(&format!("\"{k}\""))).collect();
        assert_eq!(unused, Vec::<&&str>::new(), "entries in messages.pot that no code uses");
    }
}
