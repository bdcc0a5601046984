//! Typed data from JSON values, for files and storage alike, and the fields
//! a value holds that this version does not know.

use crate::domain::data::to_json::{self, ToJson};
use serde_json::Value;

use crate::domain::data::from_json::{FromJson, ReadError};

/// Decodes typed data from a JSON value. Stored data, files and form drafts
/// all decode through here.
pub fn deserialize<T: FromJson>(value: &Value) -> Result<T, ReadError> {
    T::from_json(value)
}

/// Typed data as a JSON value. Through text rather than `to_value`: the wasm
/// then holds one serialiser for the model (the one saving to localStorage uses).
pub fn to_json_value(data: &dyn ToJson) -> Value {
    serde_json::from_str(&to_json::text(data)).expect("just written")
}

/// The fields `read` has that `kept` (the data decoded from `read`, written
/// back) lacks: what this version does not know and so dropped. Counted by
/// path with array positions left out: "regions[].actors[].farbe". An
/// empty value that was left out on writing back is not unknown. Sorted by
/// path (a sorted list rather than a map: no B-tree code in the wasm).
pub fn dropped_fields(read: &Value, kept: &Value) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    walk(read, kept, &mut String::new(), &mut found);
    found
}

fn walk(read: &Value, kept: &Value, path: &mut String, found: &mut Vec<(String, usize)>) {
    let at = path.len();
    match (read, kept) {
        (Value::Object(read), Value::Object(kept)) => {
            for (key, value) in read {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                match kept.get(key) {
                    Some(kept) => walk(value, kept, path, found),
                    None if is_empty(value) => {}
                    None => match found.binary_search_by(|(p, _)| p.as_str().cmp(path.as_str())) {
                        Ok(at) => found[at].1 += 1,
                        Err(at) => found.insert(at, (path.clone(), 1)),
                    },
                }
                path.truncate(at);
            }
        }
        (Value::Array(read), Value::Array(kept)) => {
            path.push_str("[]");
            for (read, kept) in read.iter().zip(kept) {
                walk(read, kept, path, found);
            }
            path.truncate(at);
        }
        _ => {}
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_missing_from_the_written_back_value_are_counted_by_path() {
        let read = json!({"regions": [
            {"name": "A", "farbe": "rot", "actors": [{"id": "a", "x": 1}, {"id": "b", "x": 2, "note": ""}]},
            {"name": "B", "actors": [], "tags": []}
        ]});
        let kept = json!({"regions": [{"name": "A", "actors": [{"id": "a"}, {"id": "b"}]}, {"name": "B", "actors": []}]});
        let found = dropped_fields(&read, &kept);
        let expected = vec![("regions[].actors[].x".to_owned(), 2), ("regions[].farbe".to_owned(), 1)];
        assert_eq!(found, expected, "empty values left out on writing back are not unknown");
        assert!(dropped_fields(&kept, &kept).is_empty());
    }
}
