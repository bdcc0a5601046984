//! The translators' files, gettext `.po`: read at build time by `build.rs`
//! (which compiles them into static tables) and checked by `cargo test`.
//! Plain std, no crate: `build.rs` includes this file by path.
//!
//! `locales/messages.pot` holds the German texts (the source language) with
//! translator comments; each `locales/<code>.po` one more language. The key
//! the code asks for is the entry's `msgctxt`.

use std::collections::{BTreeMap, BTreeSet};

/// One language's file.
#[derive(Debug)]
pub struct PoFile {
    /// `Language:` from the header, e.g. "en".
    pub code: String,
    /// `X-Language-Name:`, the language's own name for the switch ("English").
    pub name: String,
    pub nplurals: usize,
    pub plural: Plural,
    pub entries: Vec<PoEntry>,
}

#[derive(Debug)]
pub struct PoEntry {
    pub key: String,
    /// `msgid`, and `msgid_plural` where the text has forms by number.
    pub source: Vec<String>,
    /// `msgstr`, or `msgstr[0]`, `msgstr[1]` …; empty where untranslated.
    pub forms: Vec<String>,
    pub line: usize,
}

impl PoEntry {
    /// The texts in this file's language: the translation, or in the
    /// template the source itself.
    pub fn texts(&self, is_template: bool) -> &[String] {
        if is_template {
            &self.source
        } else {
            &self.forms
        }
    }
}

/// Reads a `.po`/`.pot` file; a syntax error names its line.
pub fn parse(text: &str) -> Result<PoFile, String> {
    let mut entries: Vec<PoEntry> = Vec::new();
    let mut header = String::new();
    // The field a continuation line ("…") adds to.
    #[derive(Clone, Copy)]
    enum Field {
        Ctxt,
        Id,
        IdPlural,
        Str(usize),
        None,
    }
    let mut field = Field::None;
    let mut current: Option<PoEntry> = None;
    let mut finish = |entry: Option<PoEntry>, header: &mut String| -> Result<(), String> {
        let Some(entry) = entry else { return Ok(()) };
        if entry.key.is_empty() {
            if entry.source.first().is_some_and(|s| s.is_empty()) {
                *header = entry.forms.first().cloned().unwrap_or_default();
                return Ok(());
            }
            return Err(format!("line {}: an entry without msgctxt (the key the app asks for)", entry.line));
        }
        entries.push(entry);
        Ok(())
    };
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('"') {
            let value = unquote(line).ok_or_else(|| format!("line {number}: a broken string"))?;
            let entry = current.as_mut().ok_or_else(|| format!("line {number}: a string outside an entry"))?;
            match field {
                Field::Ctxt => entry.key.push_str(&value),
                Field::Id => entry.source[0].push_str(&value),
                Field::IdPlural => entry.source[1].push_str(&value),
                Field::Str(i) => entry.forms[i].push_str(&value),
                Field::None => return Err(format!("line {number}: a string outside an entry")),
            }
            continue;
        }
        let (keyword, rest) =
            line.split_once(char::is_whitespace).ok_or_else(|| format!("line {number}: expected a keyword and a string"))?;
        let value = unquote(rest.trim()).ok_or_else(|| format!("line {number}: a broken string"))?;
        match keyword {
            // `msgctxt` starts an entry; so does `msgid` when no `msgctxt` came first (the header).
            "msgctxt" => {
                finish(current.take(), &mut header)?;
                current = Some(PoEntry { key: value, source: Vec::new(), forms: Vec::new(), line: number });
                field = Field::Ctxt;
            }
            "msgid" => {
                if current.as_ref().is_none_or(|e| !e.source.is_empty()) {
                    finish(current.take(), &mut header)?;
                    current = Some(PoEntry { key: String::new(), source: Vec::new(), forms: Vec::new(), line: number });
                }
                current.as_mut().unwrap().source.push(value);
                field = Field::Id;
            }
            "msgid_plural" => {
                let entry =
                    current.as_mut().filter(|e| e.source.len() == 1).ok_or_else(|| format!("line {number}: msgid_plural without msgid"))?;
                entry.source.push(value);
                field = Field::IdPlural;
            }
            _ => {
                let index = match keyword {
                    "msgstr" => 0,
                    _ => keyword
                        .strip_prefix("msgstr[")
                        .and_then(|r| r.strip_suffix(']'))
                        .and_then(|n| n.parse().ok())
                        .ok_or_else(|| format!("line {number}: unknown keyword {keyword}"))?,
                };
                let entry =
                    current.as_mut().filter(|e| !e.source.is_empty()).ok_or_else(|| format!("line {number}: msgstr without msgid"))?;
                if entry.forms.len() != index {
                    return Err(format!("line {number}: {keyword} out of order"));
                }
                entry.forms.push(value);
                field = Field::Str(index);
            }
        }
    }
    finish(current.take(), &mut header)?;
    let header_field =
        |name: &str| header.lines().find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix(':')).map(|v| v.trim().to_owned()));
    let code = header_field("Language").filter(|c| !c.is_empty()).ok_or("the header has no Language")?;
    let name =
        header_field("X-Language-Name").filter(|c| !c.is_empty()).ok_or("the header has no X-Language-Name (the language's own name)")?;
    let plural_forms = header_field("Plural-Forms").ok_or("the header has no Plural-Forms")?;
    let part = |name: &str| {
        plural_forms
            .split(';')
            .find_map(|p| p.trim().strip_prefix(name).and_then(|r| r.trim_start().strip_prefix('=')).map(|v| v.trim().to_owned()))
    };
    let nplurals = part("nplurals").and_then(|n| n.parse().ok()).filter(|n| *n >= 1).ok_or("Plural-Forms has no nplurals")?;
    let plural = Plural::parse(&part("plural").ok_or("Plural-Forms has no plural")?)?;
    Ok(PoFile { code, name, nplurals, plural, entries })
}

/// A C string literal of a `.po` file, escapes resolved.
fn unquote(text: &str) -> Option<String> {
    let inner = text.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '"' {
            return None;
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            'n' => '\n',
            't' => '\t',
            '"' => '"',
            '\\' => '\\',
            _ => return None,
        });
    }
    Some(out)
}

/// The `{name}` placeholders of a text.
pub fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(name, _)| name)).collect()
}

/// Everything wrong with a translation against the template: keys missing,
/// untranslated or left over, translations of an older German text,
/// placeholders that differ, the wrong number of plural forms.
pub fn problems(template: &PoFile, translation: &PoFile) -> Vec<String> {
    let code = &translation.code;
    let mut found = Vec::new();
    let mut seen = BTreeSet::new();
    for entry in &template.entries {
        if !seen.insert(entry.key.as_str()) {
            found.push(format!("{}: {} listed twice", template.code, entry.key));
        }
        if entry.key.contains(char::is_whitespace) || entry.source.iter().any(String::is_empty) {
            found.push(format!("{}: {}: a key has no spaces and a text is never empty", template.code, entry.key));
        }
    }
    let translated: BTreeMap<&str, &PoEntry> = translation.entries.iter().map(|e| (e.key.as_str(), e)).collect();
    for entry in &template.entries {
        let key = &entry.key;
        let Some(theirs) = translated.get(key.as_str()) else {
            found.push(format!("{code}: {key}: missing"));
            continue;
        };
        if theirs.source != entry.source {
            found.push(format!("{code}: {key}: translated from an older German text"));
        }
        let wanted = if entry.source.len() > 1 { translation.nplurals } else { 1 };
        if theirs.forms.len() != wanted {
            found.push(format!("{code}: {key}: {} forms, expected {wanted}", theirs.forms.len()));
        }
        if theirs.forms.iter().any(String::is_empty) || theirs.forms.is_empty() {
            found.push(format!("{code}: {key}: not translated"));
            continue;
        }
        let source: BTreeSet<&str> = entry.source.iter().flat_map(|s| placeholders(s)).collect();
        let used: BTreeSet<&str> = theirs.forms.iter().flat_map(|s| placeholders(s)).collect();
        if source != used {
            found.push(format!("{code}: {key}: placeholders differ: {source:?} / {used:?}"));
        }
    }
    let known: BTreeSet<&str> = template.entries.iter().map(|e| e.key.as_str()).collect();
    for entry in &translation.entries {
        if !known.contains(entry.key.as_str()) {
            found.push(format!("{code}: {}: not in the template (line {})", entry.key, entry.line));
        }
    }
    found
}

/// A gettext plural expression over `n` (C syntax: `n%10==1 && n%100!=11 ? 0 : 1`).
#[derive(Debug)]
pub enum Plural {
    N,
    Number(u64),
    Not(Box<Plural>),
    Binary(&'static str, Box<Plural>, Box<Plural>),
    Choice(Box<Plural>, Box<Plural>, Box<Plural>),
}

const LEVELS: [&[&str]; 6] = [&["||"], &["&&"], &["==", "!="], &["<=", ">=", "<", ">"], &["+", "-"], &["*", "/", "%"]];

impl Plural {
    pub fn parse(text: &str) -> Result<Plural, String> {
        let tokens = tokens(text)?;
        let mut at = 0;
        let expr = choice(&tokens, &mut at)?;
        if at != tokens.len() {
            return Err(format!("Plural-Forms: unexpected {:?}", tokens[at]));
        }
        Ok(expr)
    }

    /// The form's index for `n`.
    pub fn eval(&self, n: u64) -> u64 {
        match self {
            Plural::N => n,
            Plural::Number(v) => *v,
            Plural::Not(e) => u64::from(e.eval(n) == 0),
            Plural::Choice(c, a, b) => {
                if c.eval(n) != 0 {
                    a.eval(n)
                } else {
                    b.eval(n)
                }
            }
            Plural::Binary(op, a, b) => {
                let (a, b) = (a.eval(n), b.eval(n));
                match *op {
                    "||" => u64::from(a != 0 || b != 0),
                    "&&" => u64::from(a != 0 && b != 0),
                    "==" => u64::from(a == b),
                    "!=" => u64::from(a != b),
                    "<=" => u64::from(a <= b),
                    ">=" => u64::from(a >= b),
                    "<" => u64::from(a < b),
                    ">" => u64::from(a > b),
                    "+" => a.wrapping_add(b),
                    "-" => a.wrapping_sub(b),
                    "*" => a.wrapping_mul(b),
                    "/" => a.checked_div(b).unwrap_or(0),
                    _ => a.checked_rem(b).unwrap_or(0),
                }
            }
        }
    }

    /// The same expression as Rust over `n: u64`, for the generated code.
    pub fn to_rust(&self) -> String {
        match self {
            Plural::N => "n".into(),
            Plural::Number(v) => format!("{v}u64"),
            Plural::Not(e) => format!("u64::from({} == 0)", e.to_rust()),
            Plural::Choice(c, a, b) => format!("(if {} != 0 {{ {} }} else {{ {} }})", c.to_rust(), a.to_rust(), b.to_rust()),
            Plural::Binary(op, a, b) => {
                let (a, b) = (a.to_rust(), b.to_rust());
                match *op {
                    "||" | "&&" => format!("u64::from(({a} != 0) {op} ({b} != 0))"),
                    "==" | "!=" | "<=" | ">=" | "<" | ">" => format!("u64::from({a} {op} {b})"),
                    "+" => format!("{a}.wrapping_add({b})"),
                    "-" => format!("{a}.wrapping_sub({b})"),
                    "*" => format!("{a}.wrapping_mul({b})"),
                    "/" => format!("{a}.checked_div({b}).unwrap_or(0)"),
                    _ => format!("{a}.checked_rem({b}).unwrap_or(0)"),
                }
            }
        }
    }
}

fn tokens(text: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else {
            let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
            if ["||", "&&", "==", "!=", "<=", ">="].contains(&two.as_str()) {
                out.push(two);
                i += 2;
            } else if "n?:()!<>+-*/%".contains(c) {
                out.push(c.to_string());
                i += 1;
            } else {
                return Err(format!("Plural-Forms: unexpected {c:?}"));
            }
        }
    }
    Ok(out)
}

fn choice(tokens: &[String], at: &mut usize) -> Result<Plural, String> {
    let condition = binary(tokens, at, 0)?;
    if tokens.get(*at).map(String::as_str) != Some("?") {
        return Ok(condition);
    }
    *at += 1;
    let yes = choice(tokens, at)?;
    if tokens.get(*at).map(String::as_str) != Some(":") {
        return Err("Plural-Forms: `?` without `:`".into());
    }
    *at += 1;
    let no = choice(tokens, at)?;
    Ok(Plural::Choice(Box::new(condition), Box::new(yes), Box::new(no)))
}

fn binary(tokens: &[String], at: &mut usize, level: usize) -> Result<Plural, String> {
    if level == LEVELS.len() {
        return unary(tokens, at);
    }
    let mut left = binary(tokens, at, level + 1)?;
    while let Some(op) = tokens.get(*at).and_then(|t| LEVELS[level].iter().find(|op| *op == t)) {
        *at += 1;
        let right = binary(tokens, at, level + 1)?;
        left = Plural::Binary(op, Box::new(left), Box::new(right));
    }
    Ok(left)
}

fn unary(tokens: &[String], at: &mut usize) -> Result<Plural, String> {
    let token = tokens.get(*at).ok_or("Plural-Forms: the expression ends too early")?;
    *at += 1;
    match token.as_str() {
        "n" => Ok(Plural::N),
        "!" => Ok(Plural::Not(Box::new(unary(tokens, at)?))),
        "(" => {
            let inner = choice(tokens, at)?;
            if tokens.get(*at).map(String::as_str) != Some(")") {
                return Err("Plural-Forms: `(` without `)`".into());
            }
            *at += 1;
            Ok(inner)
        }
        number => number.parse().map(Plural::Number).map_err(|_| format!("Plural-Forms: unexpected {number:?}")),
    }
}
