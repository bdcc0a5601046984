//! Reading typed data out of JSON values: the one reader behind files,
//! storage and form drafts. Types derive it with `#[derive(FromJson)]`
//! (`crates/from-json`), which follows the `#[serde(...)]` attributes they
//! carry for writing, so that reading and writing keep one description.
//!
//! It reads as serde's derived deserialisers did: unknown fields are
//! ignored, a missing `Option` is `None`, a missing field with a default
//! takes it, `null` is only an `Option`'s `None`, a number must fit its type.
//! It is much smaller in the wasm (see README, size): one call per field
//! instead of a visitor per type, and no serde deserialiser per visitor.

use std::fmt;

use serde_json::{Map, Value};

pub use netzwerkatlas_from_json::FromJson;

/// A type read from a JSON value.
pub trait FromJson: Sized {
    fn from_json(value: &Value) -> Result<Self, ReadError>;
}

/// Why a value could not be read, and where: `actors[3].kind`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    path: String,
    problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Problem {
    Missing,
    Expected(&'static str),
    Unknown(String),
    Length(usize),
}

impl ReadError {
    fn new(problem: Problem) -> ReadError {
        ReadError { path: String::new(), problem }
    }

    /// A text that names none of the values a field may hold.
    pub fn unknown(text: &str) -> ReadError {
        ReadError::new(Problem::Unknown(text.to_owned()))
    }

    fn expected(what: &'static str) -> ReadError {
        ReadError::new(Problem::Expected(what))
    }

    /// The same error, as found inside the field `key`.
    fn within(mut self, key: &str) -> ReadError {
        self.path = if self.path.is_empty() {
            key.to_owned()
        } else if self.path.starts_with('[') {
            format!("{key}{}", self.path)
        } else {
            format!("{key}.{}", self.path)
        };
        self
    }

    fn at(mut self, index: usize) -> ReadError {
        self.path = if self.path.is_empty() || self.path.starts_with('[') {
            format!("[{index}]{}", self.path)
        } else {
            format!("[{index}].{}", self.path)
        };
        self
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        match &self.problem {
            Problem::Missing => f.write_str("fehlt"),
            Problem::Expected(what) => write!(f, "erwartet {what}"),
            Problem::Unknown(text) => write!(f, "unbekannter Wert „{text}“"),
            Problem::Length(n) => write!(f, "erwartet eine Liste mit {n} Einträgen"),
        }
    }
}

impl std::error::Error for ReadError {}

/// The value as an object (what a struct is read from).
pub fn object(value: &Value) -> Result<&Map<String, Value>, ReadError> {
    value.as_object().ok_or(ReadError::expected("ein Objekt"))
}

/// The value as text (what a unit variant is read from).
pub fn text(value: &Value) -> Result<&str, ReadError> {
    value.as_str().ok_or(ReadError::expected("Text"))
}

/// A field that must be there.
pub fn field<T: FromJson>(object: &Map<String, Value>, key: &str) -> Result<T, ReadError> {
    match object.get(key) {
        Some(value) => T::from_json(value).map_err(|e| e.within(key)),
        None => Err(ReadError::new(Problem::Missing).within(key)),
    }
}

/// A field that takes `default()` when it is not there.
pub fn field_or<T: FromJson>(object: &Map<String, Value>, key: &str, default: impl FnOnce() -> T) -> Result<T, ReadError> {
    match object.get(key) {
        Some(value) => T::from_json(value).map_err(|e| e.within(key)),
        None => Ok(default()),
    }
}

impl FromJson for String {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        text(value).map(str::to_owned)
    }
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        value.as_bool().ok_or(ReadError::expected("wahr oder falsch"))
    }
}

impl FromJson for f64 {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        value.as_f64().ok_or(ReadError::expected("eine Zahl"))
    }
}

/// Whole numbers that must fit their type, as serde reads them.
macro_rules! whole_number {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(value: &Value) -> Result<Self, ReadError> {
                value.as_u64().and_then(|n| <$t>::try_from(n).ok()).ok_or(ReadError::expected("eine ganze Zahl ab 0"))
            }
        }
    )*};
}
whole_number!(u32, u64, usize);

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        match value {
            Value::Null => Ok(None),
            value => T::from_json(value).map(Some),
        }
    }
}

/// The elements of a list, each read on its own.
pub fn elements(value: &Value) -> Result<&Vec<Value>, ReadError> {
    value.as_array().ok_or(ReadError::expected("eine Liste"))
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        elements(value)?.iter().enumerate().map(|(i, element)| T::from_json(element).map_err(|e| e.at(i))).collect()
    }
}

impl<T: FromJson, const N: usize> FromJson for [T; N] {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let read = Vec::<T>::from_json(value)?;
        read.try_into().map_err(|_| ReadError::new(Problem::Length(N)))
    }
}

impl FromJson for Value {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        Ok(value.clone())
    }
}

/// Text read as JSON and then as `T` (the tests' shorthand).
#[cfg(test)]
pub fn from_text<T: FromJson>(text: &str) -> Result<T, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    T::from_json(&value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, PartialEq, Default, FromJson)]
    struct Sample {
        name: String,
        #[serde(default)]
        tags: Vec<String>,
        maybe: Option<u32>,
        #[serde(rename = "on")]
        switched: bool,
        #[serde(default = "seven")]
        count: usize,
        #[serde(skip)]
        cache: Vec<u32>,
        kind: Kind,
    }

    fn seven() -> usize {
        7
    }

    #[derive(Debug, PartialEq, Default, FromJson)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        #[default]
        PlainOne,
        #[serde(rename = "zwei")]
        Two,
    }

    #[derive(Debug, PartialEq, Default, FromJson)]
    #[serde(default)]
    struct Draft {
        name: String,
        count: usize,
    }

    impl Draft {
        fn started() -> Draft {
            Draft { name: "neu".into(), count: 3 }
        }
    }

    #[derive(Debug, PartialEq, FromJson)]
    #[serde(default)]
    struct StartedDraft {
        name: String,
        count: usize,
    }

    impl Default for StartedDraft {
        fn default() -> Self {
            let Draft { name, count } = Draft::started();
            StartedDraft { name, count }
        }
    }

    fn read<T: FromJson>(value: Value) -> Result<T, String> {
        T::from_json(&value).map_err(|e| e.to_string())
    }

    #[test]
    fn fields_read_with_their_defaults_renames_and_skips() {
        let sample: Sample = read(json!({"name": "A", "on": true, "kind": "plain_one", "cache": [1], "extra": 1})).unwrap();
        assert_eq!(sample, Sample { name: "A".into(), switched: true, count: 7, ..Sample::default() });
        let sample: Sample = read(json!({"name": "B", "tags": ["x"], "maybe": 4, "on": false, "count": 2, "kind": "zwei"})).unwrap();
        assert_eq!((sample.tags, sample.maybe, sample.count, sample.kind), (vec!["x".to_owned()], Some(4), 2, Kind::Two));
        assert_eq!(read::<Sample>(json!({"name": "C", "maybe": null, "on": true, "kind": "zwei"})).unwrap().maybe, None);
    }

    #[test]
    fn a_container_default_fills_what_is_missing_from_the_types_own_default() {
        assert_eq!(read::<StartedDraft>(json!({"count": 1})).unwrap(), StartedDraft { name: "neu".into(), count: 1 });
        assert_eq!(read::<Draft>(json!({})).unwrap(), Draft::default());
    }

    #[test]
    fn errors_name_the_path_and_what_was_wrong() {
        assert_eq!(read::<Sample>(json!({"on": true, "kind": "zwei"})).unwrap_err(), "name: fehlt");
        assert_eq!(read::<Sample>(json!({"name": "A", "on": true, "kind": "drei"})).unwrap_err(), "kind: unbekannter Wert „drei“");
        assert_eq!(read::<Vec<Sample>>(json!([{"name": 1, "on": true, "kind": "zwei"}])).unwrap_err(), "[0].name: erwartet Text");
        assert_eq!(
            read::<Sample>(json!({"name": "A", "tags": null, "on": true, "kind": "zwei"})).unwrap_err(),
            "tags: erwartet eine Liste"
        );
        assert_eq!(read::<Vec<Vec<u32>>>(json!([[1], [2, -1]])).unwrap_err(), "[1][1]: erwartet eine ganze Zahl ab 0");
        assert!(read::<u32>(json!(5_000_000_000u64)).is_err());
        assert!(read::<u32>(json!(1.5)).is_err());
        assert_eq!(read::<f64>(json!(2)).unwrap(), 2.0);
        assert_eq!(read::<[u32; 2]>(json!([1])).unwrap_err(), "erwartet eine Liste mit 2 Einträgen");
        assert_eq!(read::<Sample>(json!([])).unwrap_err(), "erwartet ein Objekt");
    }
}
