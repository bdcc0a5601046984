//! WebCrypto at the edge: AES-256-GCM with a key from PBKDF2-SHA-256 for
//! password-protected files. The envelope and its checks are domain code
//! (`domain::data::encryption`); here only the browser's cipher is called.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use crate::domain::data::encryption::{
    split_derived, unlock_key, write_encrypted, Encrypted, UnlockError, DERIVED_BITS, ITERATIONS, IV_BYTES, SALT_BYTES,
};

fn crypto() -> Result<web_sys::Crypto, JsValue> {
    web_sys::window().ok_or(JsValue::NULL)?.crypto()
}

fn subtle() -> Result<SubtleCrypto, JsValue> {
    Ok(crypto()?.subtle())
}

/// A WebCrypto algorithm dictionary, built as a plain object.
fn params(pairs: &[(&str, &JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

fn random_bytes(n: usize) -> Result<Vec<u8>, JsValue> {
    let mut bytes = vec![0; n];
    crypto()?.get_random_values_with_u8_array(&mut bytes)?;
    Ok(bytes)
}

async fn import_raw(bytes: &[u8], algorithm: &str, usage: &str) -> Result<CryptoKey, JsValue> {
    let promise = subtle()?.import_key_with_str("raw", &Uint8Array::from(bytes), algorithm, false, &Array::of1(&usage.into()))?;
    Ok(JsFuture::from(promise).await?.unchecked_into())
}

async fn derive_bits(password: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>, JsValue> {
    let base = import_raw(password.as_bytes(), "PBKDF2", "deriveBits").await?;
    let algorithm = params(&[
        ("name", &"PBKDF2".into()),
        ("hash", &"SHA-256".into()),
        ("salt", &Uint8Array::from(salt).into()),
        ("iterations", &iterations.into()),
    ]);
    let bits = JsFuture::from(subtle()?.derive_bits_with_object(&algorithm, &base, DERIVED_BITS)?).await?;
    Ok(Uint8Array::new(&bits).to_vec())
}

fn aes_gcm(iv: &[u8]) -> Object {
    params(&[("name", &"AES-GCM".into()), ("iv", &Uint8Array::from(iv).into())])
}

/// The file's text encrypted with the password, as an envelope to save.
pub async fn encrypt(plain: &str, password: &str) -> Result<String, JsValue> {
    let (salt, iv) = (random_bytes(SALT_BYTES)?, random_bytes(IV_BYTES)?);
    let bits = derive_bits(password, &salt, ITERATIONS).await?;
    let (key, check) = split_derived(&bits);
    let key = import_raw(key, "AES-GCM", "encrypt").await?;
    let data = JsFuture::from(subtle()?.encrypt_with_object_and_u8_array(&aes_gcm(&iv), &key, plain.as_bytes())?).await?;
    Ok(write_encrypted(&Encrypted { iterations: ITERATIONS, salt, iv, check, data: Uint8Array::new(&data).to_vec() }))
}

/// The file's text, if the password is right and the file unchanged.
pub async fn decrypt(encrypted: &Encrypted, password: &str) -> Result<String, UnlockError> {
    let bits = derive_bits(password, &encrypted.salt, encrypted.iterations).await.map_err(|_| UnlockError::Changed)?;
    let key = unlock_key(encrypted, &bits)?;
    let opened = async {
        let key = import_raw(key, "AES-GCM", "decrypt").await?;
        JsFuture::from(subtle()?.decrypt_with_object_and_u8_array(&aes_gcm(&encrypted.iv), &key, &encrypted.data)?).await
    };
    // The GCM tag fails on any changed byte.
    let plain = opened.await.map_err(|_| UnlockError::Changed)?;
    String::from_utf8(Uint8Array::new(&plain).to_vec()).map_err(|_| UnlockError::Changed)
}
