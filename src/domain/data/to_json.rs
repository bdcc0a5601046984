//! Writing the model as JSON text: the counterpart of `from_json`, derived
//! from the same `#[serde(...)]` attributes by `#[derive(ToJson)]`
//! (`crates/from-json`). serde's derived serialisers cost about 20 KB of
//! wasm code for what is here one call per field; the text is the same byte
//! for byte (numbers through the same formatters, the same escapes), so
//! checksums, stored data and files do not change. Native tests compare the
//! two on whole workspaces.

use std::fmt::Write as _;

pub use netzwerkatlas_from_json::ToJson;

/// A value that writes itself as compact JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut String);
}

/// `value` as compact JSON text. (`dyn`, as [`field`]: one function in the
/// wasm instead of one per type.)
pub fn text(value: &dyn ToJson) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// One field of an object: a comma unless it is the first, the quoted key
/// and colon (`prefix`), the value.
pub fn field(out: &mut String, first: &mut bool, prefix: &str, value: &dyn ToJson) {
    if !*first {
        out.push(',');
    }
    *first = false;
    out.push_str(prefix);
    value.write_json(out);
}

impl ToJson for str {
    /// Quoted, with the escapes serde_json writes: `\"`, `\\`, the short
    /// forms of control characters and `\u00XX` for the others; all else as is.
    fn write_json(&self, out: &mut String) {
        out.push('"');
        let mut rest = self;
        while let Some(at) = rest.find(|c: char| c < ' ' || c == '"' || c == '\\') {
            out.push_str(&rest[..at]);
            let c = rest[at..].chars().next().unwrap_or_default();
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                _ => {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                }
            }
            rest = &rest[at + 1..];
        }
        out.push_str(rest);
        out.push('"');
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        self.as_str().write_json(out);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
whole_numbers!(u8, u16, u32, u64, usize, i32, i64);

impl ToJson for f64 {
    /// The shortest text that reads back as the same number (serde_json's
    /// formatter); `null` for infinities and NaN, as serde_json writes them.
    fn write_json(&self, out: &mut String) {
        if self.is_finite() {
            out.push_str(zmij::Buffer::new().format_finite(*self));
        } else {
            out.push_str("null");
        }
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        optional(out, self.as_ref().map(|value| value as &dyn ToJson));
    }
}

/// `null` or the value: one function for options of every type.
fn optional(out: &mut String, value: Option<&dyn ToJson>) {
    match value {
        Some(value) => value.write_json(out),
        None => out.push_str("null"),
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        list(out, &mut self.iter().map(|item| item as &dyn ToJson));
    }
}

/// `[a,b,…]`: one loop for lists of every type.
fn list<'a>(out: &mut String, items: &mut dyn Iterator<Item = &'a dyn ToJson>) {
    out.push('[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        item.write_json(out);
    }
    out.push(']');
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl ToJson for serde_json::Value {
    /// As serde_json writes it: object keys in their (sorted) order, numbers
    /// through `Number`'s own formatting, which is serde_json's writer's.
    fn write_json(&self, out: &mut String) {
        use serde_json::Value;
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.write_json(out),
            Value::Number(n) => {
                let _ = write!(out, "{n}");
            }
            Value::String(s) => s.write_json(out),
            Value::Array(items) => items.write_json(out),
            Value::Object(map) => {
                out.push('{');
                for (i, (key, value)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    key.write_json(out);
                    out.push(':');
                    value.write_json(out);
                }
                out.push('}');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_numbers_and_lists_are_written_as_serde_json_writes_them() {
        for s in ["", "plain", "Ä ö ß € 🙂", "quote \" and \\ slash /", "\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}", "end\\"] {
            assert_eq!(text(&s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
        for f in [0.0, -0.0, 1.0, 0.1, -2.5, 1e21, 1e-7, 123456.789, f64::MAX, f64::MIN_POSITIVE, f64::NAN, f64::INFINITY] {
            assert_eq!(text(&f), serde_json::to_string(&f).unwrap(), "{f}");
        }
        assert_eq!(text(&vec![Some(1u32), None]), "[1,null]");
        assert_eq!(text(&(u64::MAX, i64::MIN).0), serde_json::to_string(&u64::MAX).unwrap());
        assert_eq!(text(&i64::MIN), serde_json::to_string(&i64::MIN).unwrap());
        assert_eq!(text(&Vec::<String>::new()), "[]");
        let value =
            serde_json::json!({"z": [1, -2, 3.5, 1e300, -0.0, u64::MAX, i64::MIN], "a": {"": null, "ä\n": [true, false, {}]}, "m": "x\"y"});
        assert_eq!(text(&value), serde_json::to_string(&value).unwrap());
    }

    /// Every type the app writes, on whole workspaces: the demo, generated
    /// regions with a history of Stichtage (written as changes), awkward text
    /// and numbers. serde's derive stays in tests only, for this comparison.
    #[test]
    fn whole_workspaces_are_written_byte_for_byte_as_serde_json_writes_them() {
        use crate::domain::model::stichtag;
        use crate::domain::model::{Id, Placement};
        use crate::domain::samples::{demo::demo_workspace, generate};
        let mut odd = generate::generated_workspace(300, 3);
        let region = &mut odd.regions[0];
        region.name = "Kreis \"Nord\"\t\\ \u{1}\u{7f} – Süd 🙂".into();
        region.notes = "Zeile 1\r\nZeile 2".into();
        for (i, (x, y)) in [(0.1 + 0.2, -0.0), (1e21, 1e-7), (f64::NAN, f64::INFINITY), (-123456.789, 42.0)].into_iter().enumerate() {
            region.placed.push(Placement { actor: Id(format!("a{i}")), x, y });
        }
        let mut history = generate::generated_workspace(50, 4);
        history.regions.push(generate::generated_history(200, 4, 5));
        for workspace in [demo_workspace(), odd, history] {
            assert_eq!(text(&workspace), serde_json::to_string(&workspace).unwrap());
            for region in &workspace.regions {
                let written = stichtag::write(&region.stichtage, None);
                assert_eq!(text(&written), serde_json::to_string(&written).unwrap());
            }
        }
    }
}
