//! Numbers as readers of the current language write them; the separators
//! are texts of the catalogue, so a new language brings its own.

/// "1.234.567" in German, "1,234,567" in English.
pub fn number(n: usize) -> String {
    let separator = crate::t!("format.thousands_separator");
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

/// A count of tenths with one decimal: 53 → "5,3" in German, "5.3" in
/// English; with `whole_plain`, whole numbers drop the decimal (50 → "5").
pub fn tenths(tenths: i64, whole_plain: bool) -> String {
    if whole_plain && tenths % 10 == 0 {
        return (tenths / 10).to_string();
    }
    format!("{}{}{}", tenths / 10, crate::t!("format.decimal_separator"), tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::super::{set_lang, Lang};
    use super::*;

    #[test]
    fn german_then_english_numbers() {
        set_lang(Lang::GERMAN);
        assert_eq!(number(1_234_567), "1.234.567");
        assert_eq!(number(999), "999");
        assert_eq!(tenths(53, false), "5,3");
        assert_eq!(tenths(50, false), "5,0");
        assert_eq!(tenths(50, true), "5");
        set_lang(Lang::parse("en").unwrap());
        assert_eq!(number(1_234_567), "1,234,567");
        assert_eq!(tenths(53, true), "5.3");
        set_lang(Lang::GERMAN);
    }
}
