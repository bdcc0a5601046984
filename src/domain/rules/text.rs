//! Small text helpers shared by search, sorting and forms.

/// Lower-cases and folds German umlauts so that "forder" finds
/// "Tagesförderstätte" and sorting puts "Ärztekammer" beside "Arbeit".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' | 'à' | 'á' | 'â' => out.push('a'),
            'ö' | 'ò' | 'ó' | 'ô' => out.push('o'),
            'ü' | 'ù' | 'ú' | 'û' => out.push('u'),
            'é' | 'è' | 'ê' => out.push('e'),
            'ß' => out.push_str("ss"),
            other => out.push(other),
        }
    }
    out
}

/// One entry per non-empty line, trimmed.
pub fn split_lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// One entry per comma-separated part, trimmed.
pub fn split_commas(text: &str) -> Vec<String> {
    text.split(',').map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// A file-name-safe form of a title: "Lokale Planung 2026" → "lokale-planung-2026".
pub fn file_stem(title: &str) -> String {
    let folded = fold(title);
    let stem: String = folded.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    stem.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-")
}

/// Escapes text for XML content and attribute values; drops characters
/// XML 1.0 does not allow at all.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes everything but unreserved characters (RFC 3986), so
/// that any id, also one from an imported file, survives the address.
pub fn percent_encode(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The reverse of `percent_encode`; `None` for a broken escape or bytes that are not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_handles_umlauts_and_case() {
        assert_eq!(fold("Tagesförderstätte ÜBER Straße"), "tagesforderstatte uber strasse");
    }

    #[test]
    fn file_stems_are_plain_ascii() {
        assert_eq!(file_stem("Landkreis Lindenau – Sozialraum Süd!"), "landkreis-lindenau-sozialraum-sud");
        assert_eq!(file_stem("../../etc"), "etc");
    }

    #[test]
    fn splitting_drops_blanks() {
        assert_eq!(split_lines(" a \n\n b\r\n"), vec!["a", "b"]);
        assert_eq!(split_commas("x, ,y,"), vec!["x", "y"]);
    }
}
