//! Small text helpers shared by search, sorting and forms.

/// Lower-cases and folds German umlauts so that "forder" finds
/// "Tagesförderstätte" and sorting puts "Ärztekammer" beside "Arbeit".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(lower) {
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

/// The lower-case letter of the scripts names in a German Kreis are written
/// in: Latin (with the letters of Turkish, Polish, Czech …), Greek and
/// Cyrillic; anything else as it is. `char::to_lowercase` would link all of
/// Unicode's case table (about 6 KB of the size guard) for scripts without
/// case or never met here.
pub fn lower(c: char) -> char {
    let code = c as u32;
    let shifted = match code {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde | 0x391..=0x3a1 | 0x3a3..=0x3ab | 0x410..=0x42f => code + 32,
        0x400..=0x40f => code + 80,
        0x386 => 0x3ac,
        0x388..=0x38a => code + 37,
        0x38c => 0x3cc,
        0x38e..=0x38f => code + 63,
        0x130 => 'i' as u32,
        0x178 => 0xff,
        // Latin Extended-A pairs its letters upper, lower; where the pairs start on an odd code differs.
        0x100..=0x137 | 0x14a..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17e if code % 2 == 1 => code + 1,
        _ => code,
    };
    char::from_u32(shifted).unwrap_or(c)
}

/// The words of a text, folded, with everything but letters and digits
/// taken as a space: "Ansprechpartner/in 2" → "ansprechpartner in 2".
pub fn folded_words(text: &str) -> String {
    let folded: String = fold(text).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
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
    fn lower_agrees_with_unicode_for_the_scripts_it_knows() {
        let blocks = [0x20..0x250u32, 0x370..0x400, 0x400..0x460];
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            let mut unicode = c.to_lowercase();
            let expected = if unicode.len() == 1 { unicode.next().unwrap() } else { c };
            let expected = if c == 'İ' { 'i' } else { expected };
            // Latin Extended-B and the rare Greek letters are left as they are.
            if (0x180..0x250).contains(&(c as u32)) || (0x370..0x386).contains(&(c as u32)) || (0x3cf..0x400).contains(&(c as u32)) {
                continue;
            }
            assert_eq!(lower(c), expected, "{c} U+{:04X}", c as u32);
        }
        assert_eq!(fold("ŁÓDŹ İSTANBUL ŞİŞLİ ΑΘΉΝΑ МОСКВА Ärztekammer"), "łodź istanbul şişli αθήνα москва arztekammer");
    }

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
