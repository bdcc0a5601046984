//! Typed data from JSON values, for files and storage alike.

use serde::Deserialize;
use serde_json::Value;

/// Decodes typed data from a JSON value and reports the fields it ignored.
/// Stored data and files both decode through here, with the one callback
/// type, so the (large) deserialisation code exists once in the wasm.
pub fn deserialize_reporting<'de, T: Deserialize<'de>>(
    value: &'de Value,
    ignored: &mut dyn FnMut(serde_ignored::Path),
) -> Result<T, serde_json::Error> {
    serde_ignored::deserialize(value, ignored)
}
