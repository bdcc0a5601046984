//! Validation rules with messages for the user, and the integrity check that
//! stored data must pass before the app trusts it.

use crate::domain::rules::dates::Partial;
use crate::i18n::Message;

/// Problems found in a form, keyed by field name ("name", "contact.0.email"),
/// in the order they were found; written when shown, so that they follow a
/// switch of language. A short list: a map type would cost the wasm more
/// than a form's handful of fields ever saves.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldErrors(Vec<(String, Message)>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the message of `field`, replacing an earlier one.
    pub fn insert(&mut self, field: String, message: Message) {
        match self.0.iter_mut().find(|(f, _)| *f == field) {
            Some(slot) => slot.1 = message,
            None => self.0.push((field, message)),
        }
    }

    pub fn get(&self, field: &str) -> Option<&Message> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, m)| m)
    }

    pub fn contains_key(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(f, _)| f)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl std::ops::Index<&str> for FieldErrors {
    type Output = Message;

    /// The message of a field that has one (panics otherwise, like a map).
    fn index(&self, field: &str) -> &Message {
        self.get(field).unwrap_or_else(|| panic!("no error for {field}"))
    }
}

/// A plausible e-mail address: one "@", no spaces, a dot in the domain.
pub fn is_valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control() || c == ',' || c == ';')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// Digits, spaces and the usual separators of German phone numbers.
pub fn is_valid_phone(phone: &str) -> bool {
    phone.chars().any(|c| c.is_ascii_digit()) && phone.chars().all(|c| c.is_ascii_digit() || " +-/()".contains(c))
}

/// Normalises a website: adds "https://" to a bare host, and accepts only
/// http and https so that an imported `javascript:` link can never run.
pub fn normalise_website(input: &str) -> Result<String, Message> {
    let url = input.trim();
    if url.is_empty() {
        return Ok(String::new());
    }
    let lower = url.to_ascii_lowercase();
    let url = if lower.starts_with("http://") || lower.starts_with("https://") {
        url.to_owned()
    } else if !url.contains(':') && url.contains('.') && !url.contains(char::is_whitespace) {
        format!("https://{url}")
    } else {
        return Err(Message::new(key!("validate.url_scheme")));
    };
    let host = url.split("://").nth(1).unwrap_or("");
    if host.is_empty() || url.contains(char::is_whitespace) {
        return Err(Message::new(key!("validate.url_incomplete")));
    }
    Ok(url)
}

/// A safe link target for user data: http(s) as is, e-mail and phone with
/// their schemes, anything else none at all.
pub fn safe_href(scheme: LinkKind, value: &str) -> Option<String> {
    let value = value.trim();
    match scheme {
        LinkKind::Web => normalise_website(value).ok().filter(|v| !v.is_empty()),
        LinkKind::Mail => is_valid_email(value).then(|| format!("mailto:{value}")),
        LinkKind::Phone => is_valid_phone(value).then(|| format!("tel:{}", value.replace([' ', '/', '(', ')'], ""))),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    Web,
    Mail,
    Phone,
}

/// A year, month or day as typed ("2019", "09.2019", "01.09.2019", ISO),
/// or empty: when a relation began.
pub fn is_valid_since(since: &str) -> bool {
    since.trim().is_empty() || Partial::parse_input(since).is_some()
}

/// A day that exists, as typed ("17.06.2024", "17 Jun 2024", "2024-06-17").
pub fn is_valid_date(date: &str) -> bool {
    matches!(Partial::parse_input(date), Some(Partial::Day(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for ok in ["a@b.de", "anna.schmidt@lindenau.example", "x+y@sub.domain.org"] {
            assert!(is_valid_email(ok), "{ok} should be valid");
        }
        for bad in ["", "a", "a@", "@b.de", "a@b", "a@@b.de", "a b@c.de", "a@b..de", "a@.de", "a@b.de."] {
            assert!(!is_valid_email(bad), "{bad} should be invalid");
        }
    }

    #[test]
    fn phones() {
        assert!(is_valid_phone("+49 6441 123-45"));
        assert!(is_valid_phone("(06441) 12 34 / 5"));
        assert!(!is_valid_phone("abc"));
        assert!(!is_valid_phone("---"));
    }

    #[test]
    fn websites_keep_only_http_and_https() {
        assert_eq!(normalise_website("www.lebenshilfe.de").unwrap(), "https://www.lebenshilfe.de");
        assert_eq!(normalise_website("http://a.de/x").unwrap(), "http://a.de/x");
        assert_eq!(normalise_website("  ").unwrap(), "");
        assert!(normalise_website("javascript:alert(1)").is_err());
        assert!(normalise_website("data:text/html,hi").is_err());
        assert!(normalise_website("https://").is_err());
        assert!(normalise_website("ftp://a.de").is_err());
    }

    #[test]
    fn safe_links_drop_other_schemes() {
        assert_eq!(safe_href(LinkKind::Web, "javascript:alert(1)"), None);
        assert_eq!(safe_href(LinkKind::Mail, "a@b.de").as_deref(), Some("mailto:a@b.de"));
        assert_eq!(safe_href(LinkKind::Mail, "javascript:x"), None);
        assert_eq!(safe_href(LinkKind::Phone, "+49 (6441) 12/3").as_deref(), Some("tel:+496441123"));
    }

    #[test]
    fn since_accepts_year_month_and_date() {
        for ok in ["", "2019", "2019-09", "2020-02-29", "01.09.2019", "09.2019", "1 Sep 2019"] {
            assert!(is_valid_since(ok), "{ok}");
        }
        for bad in ["19", "2019-13", "2019-9", "2019-02-30", "seit 2019", "2019-01-01-01", "31.02.2019", "13.2019"] {
            assert!(!is_valid_since(bad), "{bad}");
        }
    }
}
