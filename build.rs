//! Compiles the translators' files (`src/i18n/locales/*.po`) into static
//! text, so that the app reads no file at start and the wasm carries the
//! texts once. A new `<code>.po` file is a new language; no code changes.
//! The wasm carries German only; the other languages are fetched when
//! chosen (`locales/<code>.json`, written by `scripts/post-build.mjs`).
//! Native builds carry them all, for the tests.

#[allow(dead_code)]
#[path = "src/i18n/po.rs"]
mod po;

use std::fmt::Write;
use std::path::Path;

const LOCALES: &str = "src/i18n/locales";

fn main() {
    println!("cargo:rerun-if-changed={LOCALES}");
    let read = |name: &str| {
        let path = Path::new(LOCALES).join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        po::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let template = read("messages.pot");
    let mut names: Vec<String> = std::fs::read_dir(LOCALES)
        .expect("src/i18n/locales")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".po"))
        .collect();
    names.sort();
    let translations: Vec<po::PoFile> = names.iter().map(|name| read(name)).collect();
    let languages: Vec<&po::PoFile> = std::iter::once(&template).chain(&translations).collect();

    let mut keys: Vec<&str> = template.entries.iter().map(|e| e.key.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();

    let mut out = String::new();
    writeln!(out, "/// Each language's code and own name; the first is the source language.").unwrap();
    writeln!(out, "pub static LANGUAGES: [(&str, &str); {}] = [", languages.len()).unwrap();
    for file in &languages {
        writeln!(out, "    ({:?}, {:?}),", file.code, file.name).unwrap();
    }
    // Plain strings, not tables of slices: the wasm carries text, not
    // pointers; `catalogue.rs` splits them once, at first use.
    // The keys are a `const`: `Key::of` looks them up while compiling, so
    // the wasm carries none of them. The fingerprint ties a fetched
    // language (texts in key order) to the keys it was written for.
    writeln!(out, "];\n/// The keys, sorted.\npub const KEYS: [&str; {}] = {:?};", keys.len(), keys).unwrap();
    writeln!(
        out,
        "/// FNV-1a of the keys joined by NUL; `scripts/locales.mjs` writes the same.\npub const FINGERPRINT: u32 = {};",
        fingerprint(&keys.join("\0"))
    )
    .unwrap();
    writeln!(out, "/// Per language, the texts in the order of the keys, separated by NUL; the").unwrap();
    writeln!(out, "/// forms of a text by U+0001; empty where a translation lacks the text.").unwrap();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let embedded = if wasm { 1 } else { languages.len() };
    writeln!(out, "pub static TEXTS: [&str; {embedded}] = [").unwrap();
    for (index, file) in languages.iter().enumerate().take(embedded) {
        let texts: Vec<String> = keys
            .iter()
            .map(|key| {
                let texts = file.entries.iter().find(|e| e.key == *key).map(|e| e.texts(index == 0)).unwrap_or_default();
                let complete = !texts.is_empty() && texts.iter().all(|t| !t.is_empty());
                if complete {
                    texts.join("\u{1}")
                } else {
                    String::new()
                }
            })
            .collect();
        writeln!(out, "    {:?},", texts.join("\0")).unwrap();
    }
    writeln!(out, "];\n/// Which form of a text with forms by number `n` a language uses.").unwrap();
    writeln!(out, "pub fn plural_form(language: usize, n: u64) -> usize {{\n    let (form, forms) = match language {{").unwrap();
    for (index, file) in languages.iter().enumerate() {
        writeln!(out, "        {index} => ({}, {}),", file.plural.to_rust(), file.nplurals).unwrap();
    }
    writeln!(out, "        _ => (0, 1),\n    }};\n    (form as usize).min(forms - 1)\n}}").unwrap();
    writeln!(
        out,
        "/// What `cargo test` refuses: missing, stale or mismatched translations.\n#[cfg(test)]\npub static PROBLEMS: &[&str] = &["
    )
    .unwrap();
    for file in &translations {
        for problem in po::problems(&template, file) {
            writeln!(out, "    {problem:?},").unwrap();
        }
    }
    writeln!(out, "];").unwrap();
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalogue.rs");
    std::fs::write(target, out).unwrap();
}

/// 32-bit FNV-1a: small, and the same in `scripts/locales.mjs`.
fn fingerprint(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| (hash ^ byte as u32).wrapping_mul(0x0100_0193))
}
