//! Password-protected files: the envelope around an encrypted Netzwerkatlas
//! file, its checks, and the password hint. The cipher itself (AES-256-GCM
//! with a key from PBKDF2-SHA-256) runs in the browser's WebCrypto
//! (`app::platform::crypto`); there is no crypto code of our own.
//!
//! PBKDF2 derives 512 bits: the first 256 are the AES key, the SHA-256 of the
//! other 256 is kept in the envelope as `check`. It tells a wrong password
//! (check differs) from a changed file (check matches, GCM refuses), and
//! reveals nothing an attacker could not learn by trying to decrypt.

use crate::domain::data::to_json::{self, ToJson};
use serde_json::Value;

use crate::domain::data::format::FileError;
use crate::domain::data::sha256::sha256_hex;
use crate::i18n::Key;

pub const FORMAT: &str = "netzwerkatlas-encrypted";
pub const VERSION: u64 = 1;
pub const CIPHER: &str = "AES-256-GCM";
pub const KDF: &str = "PBKDF2-SHA-256";
/// OWASP's recommendation for PBKDF2-HMAC-SHA-256 (2023).
pub const ITERATIONS: u32 = 600_000;
/// Bounds when reading: a forged file must neither ask for a weak key nor
/// keep the tab busy for minutes.
pub const MIN_ITERATIONS: u32 = 100_000;
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
/// Bits PBKDF2 derives: the AES key, then the check value.
pub const DERIVED_BITS: u32 = 512;
pub const MIN_PASSWORD_CHARS: usize = 8;

/// The file as written: parameters in the clear, the Netzwerkatlas file
/// encrypted in `data`. Field order is the order on disk (format first).
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(ToJson)]
struct Envelope {
    format: String,
    version: u64,
    cipher: String,
    kdf: String,
    iterations: u32,
    salt: String,
    iv: String,
    check: String,
    data: String,
}

/// An encrypted file, read and checked, waiting for its password.
#[derive(Clone, Debug, PartialEq)]
pub struct Encrypted {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    /// Hex SHA-256 of the derived bits after the key.
    pub check: String,
    /// Ciphertext with the GCM tag at its end.
    pub data: Vec<u8>,
}

/// Whether a file's text is an encrypted envelope (looked for in its head,
/// so that a large plain file is not parsed twice).
pub fn is_encrypted(text: &str) -> bool {
    // Cut at a character boundary: a cut inside "ü" must not mean "search it all".
    let end = (0..=text.len().min(200)).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
    text[..end].contains(&format!("\"{FORMAT}\""))
}

/// Reads an envelope; a problem names the field.
pub fn read_encrypted(text: &str) -> Result<Encrypted, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| FileError::NotJson { line: e.line(), column: e.column() })?;
    let Value::Object(envelope) = value else { return Err(FileError::NotOurs) };
    let field = |path: &str| FileError::Shape { path: path.to_owned() };
    let text = |key: &str| envelope.get(key).and_then(Value::as_str).ok_or_else(|| field(key));
    let number = |key: &str| envelope.get(key).and_then(Value::as_u64).ok_or_else(|| field(key));
    let bytes = |key: &str, ok: fn(usize) -> bool| base64_decode(text(key)?).filter(|b| ok(b.len())).ok_or_else(|| field(key));
    if text("format")? != FORMAT {
        return Err(FileError::NotOurs);
    }
    if number("version")? > VERSION {
        return Err(field("version"));
    }
    if text("cipher")? != CIPHER {
        return Err(field("cipher"));
    }
    if text("kdf")? != KDF {
        return Err(field("kdf"));
    }
    let iterations = number("iterations")?;
    if !(MIN_ITERATIONS as u64..=MAX_ITERATIONS as u64).contains(&iterations) {
        return Err(field("iterations"));
    }
    let check = text("check")?;
    if check.len() != 64 {
        return Err(field("check"));
    }
    Ok(Encrypted {
        iterations: iterations as u32,
        salt: bytes("salt", |n| n >= SALT_BYTES)?,
        iv: bytes("iv", |n| n == IV_BYTES)?,
        check: check.to_owned(),
        // The GCM tag alone is 16 bytes.
        data: bytes("data", |n| n > 16)?,
    })
}

/// Writes an envelope.
pub fn write_encrypted(encrypted: &Encrypted) -> String {
    let envelope = Envelope {
        format: FORMAT.into(),
        version: VERSION,
        cipher: CIPHER.into(),
        kdf: KDF.into(),
        iterations: encrypted.iterations,
        salt: base64_encode(&encrypted.salt),
        iv: base64_encode(&encrypted.iv),
        check: encrypted.check.clone(),
        data: base64_encode(&encrypted.data),
    };
    to_json::text(&envelope)
}

/// The derived bits split into the AES key and the check value.
pub fn split_derived(bits: &[u8]) -> (&[u8], String) {
    let (key, rest) = bits.split_at(bits.len().min(32));
    (key, sha256_hex(rest))
}

/// The name of the protected file: "….json" → "…-verschluesselt.json".
pub fn encrypted_file_name(name: &str) -> String {
    match name.strip_suffix(".json") {
        Some(stem) => format!("{stem}-verschluesselt.json"),
        None => format!("{name}-verschluesselt.json"),
    }
}

/// Why a protected file could not be opened. Nothing changes on either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnlockError {
    WrongPassword,
    /// The password was right, but the ciphertext was changed or cut.
    Changed,
}

impl UnlockError {
    pub fn key(self) -> Key {
        match self {
            UnlockError::WrongPassword => key!("encryption.wrong_password"),
            UnlockError::Changed => key!("encryption.changed"),
        }
    }
}

/// The AES key from the derived bits, if the password was the one the
/// file was encrypted with (its check value matches).
pub fn unlock_key<'a>(encrypted: &Encrypted, bits: &'a [u8]) -> Result<&'a [u8], UnlockError> {
    let (key, check) = split_derived(bits);
    if check == encrypted.check {
        Ok(key)
    } else {
        Err(UnlockError::WrongPassword)
    }
}

/// How strong a password looks: a hint while typing, never a guarantee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    TooShort,
    Weak,
    Fair,
    Strong,
}

impl Strength {
    pub fn key(self) -> Key {
        match self {
            Strength::TooShort => key!("encryption.strength.too_short"),
            Strength::Weak => key!("encryption.strength.weak"),
            Strength::Fair => key!("encryption.strength.fair"),
            Strength::Strong => key!("encryption.strength.strong"),
        }
    }
}

/// Length counts most; kinds of characters (small, capital, digit, other) help.
pub fn password_strength(password: &str) -> Strength {
    let length = password.chars().count();
    if length < MIN_PASSWORD_CHARS {
        return Strength::TooShort;
    }
    let kinds = [
        password.chars().any(|c| c.is_lowercase()),
        password.chars().any(|c| c.is_uppercase()),
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ]
    .into_iter()
    .filter(|k| *k)
    .count();
    // Repeating a few characters ("aaaaaaaaaaaa") adds no strength. Counted
    // without sorting: a sort for this one place costs 3 KB of wasm.
    let chars: Vec<char> = password.chars().collect();
    let distinct = chars.iter().enumerate().filter(|(i, c)| !chars[..*i].contains(c)).count();
    match (length, kinds) {
        _ if distinct < 5 => Strength::Weak,
        (16.., _) | (12.., 3..) => Strength::Strong,
        (12.., _) | (_, 3..) => Strength::Fair,
        _ => Strength::Weak,
    }
}

/// What keeps a chosen password from being used, as (field, message key):
/// too short for the password field, a typo for the repeat field.
pub fn password_problem(password: &str, repeated: &str) -> Option<(PasswordField, Key)> {
    if password_strength(password) == Strength::TooShort {
        Some((PasswordField::Password, key!("encryption.too_short")))
    } else if password != repeated {
        Some((PasswordField::Repeat, key!("encryption.mismatch")))
    } else {
        None
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordField {
    Password,
    Repeat,
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Base64 (RFC 4648, with padding). Our own few lines: a crate for this
/// costs more wasm than the whole envelope.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=').as_bytes();
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let value = ALPHABET.iter().position(|a| a == c)? as u32;
            n |= value << (18 - 6 * i);
        }
        out.extend(n.to_be_bytes()[1..chunk.len()].iter().copied());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encrypted() -> Encrypted {
        Encrypted { iterations: ITERATIONS, salt: vec![7; 16], iv: vec![9; 12], check: "ab".repeat(32), data: (0..40).collect() }
    }

    #[test]
    fn base64_follows_rfc_4648() {
        for (plain, encoded) in
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")]
        {
            assert_eq!(base64_encode(plain.as_bytes()), encoded);
            assert_eq!(base64_decode(encoded).unwrap(), plain.as_bytes());
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(base64_decode(&base64_encode(&all)).unwrap(), all);
        assert_eq!(base64_decode("Zm9v!"), None);
        assert_eq!(base64_decode("Zm9vY"), None);
    }

    #[test]
    fn an_envelope_round_trips_and_is_recognised_by_its_head() {
        let text = write_encrypted(&encrypted());
        assert!(text.starts_with(
            r#"{"format":"netzwerkatlas-encrypted","version":1,"cipher":"AES-256-GCM","kdf":"PBKDF2-SHA-256","iterations":600000"#
        ));
        assert!(is_encrypted(&text));
        assert_eq!(read_encrypted(&text).unwrap(), encrypted());
        assert!(!is_encrypted(r#"{"format":"netzwerkatlas","schema":2}"#));
        // A plain file that merely mentions the format far down, with an umlaut where the head is cut.
        let plain = format!(
            r#"{{"format":"netzwerkatlas","region":{{"name":"{}"}},"notes":"{}"}}"#,
            format!("x{}", "ü".repeat(100)),
            "\"netzwerkatlas-encrypted\""
        );
        assert!(!plain.is_char_boundary(200));
        assert!(!is_encrypted(&plain), "only the head is looked at");
    }

    #[test]
    fn a_bad_envelope_names_the_field() {
        let with = |key: &str, value: Value| {
            let mut envelope: Value = serde_json::from_str(&write_encrypted(&encrypted())).unwrap();
            envelope[key] = value;
            read_encrypted(&envelope.to_string())
        };
        let shape = |path: &str| Err(FileError::Shape { path: path.into() });
        assert_eq!(with("iterations", 1000.into()), shape("iterations"), "a forged weak key is refused");
        assert_eq!(with("iterations", 50_000_000.into()), shape("iterations"));
        assert_eq!(with("salt", "AAAA".into()), shape("salt"));
        assert_eq!(with("iv", "kein base64!".into()), shape("iv"));
        assert_eq!(with("cipher", "AES-128-CBC".into()), shape("cipher"));
        assert_eq!(with("version", 2.into()), shape("version"));
        assert_eq!(with("data", "".into()), shape("data"));
        let mut envelope: Value = serde_json::from_str(&write_encrypted(&encrypted())).unwrap();
        envelope.as_object_mut().unwrap().remove("salt");
        assert_eq!(read_encrypted(&envelope.to_string()), shape("salt"));
        assert_eq!(read_encrypted("{\"format\": \"netzwerkatlas-encrypted\",\n"), Err(FileError::NotJson { line: 2, column: 0 }));
    }

    #[test]
    fn the_check_value_tells_a_wrong_password_before_decrypting() {
        let bits: Vec<u8> = (0..64).collect();
        let (key, check) = split_derived(&bits);
        assert_eq!(key, &bits[..32]);
        assert_eq!(check, sha256_hex(&bits[32..]));
        let encrypted = Encrypted { check, ..encrypted() };
        assert_eq!(unlock_key(&encrypted, &bits), Ok(&bits[..32]));
        let other: Vec<u8> = (1..65).collect();
        assert_eq!(unlock_key(&encrypted, &other), Err(UnlockError::WrongPassword));
    }

    #[test]
    fn password_strength_grows_with_length_and_kinds_of_characters() {
        for (password, expected) in [
            ("", Strength::TooShort),
            ("Abc1!xy", Strength::TooShort),
            ("lindenau", Strength::Weak),
            ("aaaaaaaaaaaaaaaaaaaa", Strength::Weak),
            ("lindenau2026", Strength::Fair),
            ("Lindenau26!", Strength::Fair),
            ("Lindenau-2026!", Strength::Strong),
            ("wiese baum haus see", Strength::Strong),
        ] {
            assert_eq!(password_strength(password), expected, "{password}");
        }
    }

    #[test]
    fn a_password_must_be_long_enough_and_typed_the_same_twice() {
        assert_eq!(password_problem("kurz", "kurz"), Some((PasswordField::Password, key!("encryption.too_short"))));
        assert_eq!(password_problem("Lindenau-2026!", "Lindenau-2026"), Some((PasswordField::Repeat, key!("encryption.mismatch"))));
        assert_eq!(password_problem("Lindenau-2026!", "Lindenau-2026!"), None);
        assert_eq!(password_problem("lindenau", "lindenau"), None, "weak is a hint, not a refusal");
    }

    #[test]
    fn protected_files_say_so_in_their_name() {
        assert_eq!(encrypted_file_name("netzwerkatlas-lindenau-2026-12-03.json"), "netzwerkatlas-lindenau-2026-12-03-verschluesselt.json");
    }
}
