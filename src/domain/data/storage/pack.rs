//! Parts packed for localStorage, which counts characters: the text is
//! compressed (LZ77: a repeat of earlier text becomes its distance and
//! length) and the bytes are written 15 bits to a character, where JSON
//! text spends one character on 7 bits. Every character written is below
//! U+8000, so none is half of a surrogate pair and each survives every
//! browser's storage. Text stored before packing (JSON) reads as it is.

/// What a packed text starts with; JSON text never does.
const MARK: char = '\u{1}';
/// Shorter repeats are cheaper as they are.
const MIN_MATCH: usize = 4;
const MAX_MATCH: usize = 258;
/// How many earlier places with the same next four bytes are tried.
const TRIES: usize = 24;
const HASH_BITS: u32 = 14;

fn push_number(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_number(bytes: &[u8], at: &mut usize) -> Option<usize> {
    let mut n = 0usize;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        n |= ((byte & 0x7f) as usize) << shift;
        if byte < 0x80 {
            return Some(n);
        }
    }
    None
}

fn hash(bytes: &[u8]) -> usize {
    (u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]).wrapping_mul(0x9e37_79b1) >> (32 - HASH_BITS)) as usize
}

/// The bytes as tokens: a run of literal bytes (its length, twice, plus 0,
/// then the bytes) or a repeat (its length past `MIN_MATCH`, twice, plus 1,
/// then how far back it starts).
fn compress(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let mut head = vec![usize::MAX; 1 << HASH_BITS];
    let mut previous = vec![usize::MAX; bytes.len()];
    let (mut at, mut literals) = (0, 0);
    let flush = |out: &mut Vec<u8>, from: usize, to: usize| {
        if to > from {
            push_number(out, (to - from) << 1);
            out.extend_from_slice(&bytes[from..to]);
        }
    };
    while at + MIN_MATCH <= bytes.len() {
        let key = hash(&bytes[at..]);
        let (mut best_length, mut best_distance, mut candidate, mut tries) = (0, 0, head[key], TRIES);
        while candidate != usize::MAX && tries > 0 {
            let limit = MAX_MATCH.min(bytes.len() - at);
            let length = (0..limit).take_while(|&i| bytes[candidate + i] == bytes[at + i]).count();
            if length > best_length {
                (best_length, best_distance) = (length, at - candidate);
            }
            candidate = previous[candidate];
            tries -= 1;
        }
        previous[at] = head[key];
        head[key] = at;
        if best_length >= MIN_MATCH {
            flush(&mut out, literals, at);
            push_number(&mut out, ((best_length - MIN_MATCH) << 1) | 1);
            push_number(&mut out, best_distance);
            // The places inside the repeat are remembered for later repeats.
            for inside in at + 1..(at + best_length).min(bytes.len() - MIN_MATCH + 1) {
                let key = hash(&bytes[inside..]);
                previous[inside] = head[key];
                head[key] = inside;
            }
            at += best_length;
            literals = at;
        } else {
            at += 1;
        }
    }
    flush(&mut out, literals, bytes.len());
    out
}

fn decompress(tokens: &[u8], length: usize) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(length);
    let mut at = 0;
    while out.len() < length {
        let token = read_number(tokens, &mut at)?;
        if token & 1 == 0 {
            let run = tokens.get(at..at + (token >> 1))?;
            out.extend_from_slice(run);
            at += run.len();
        } else {
            let (count, distance) = ((token >> 1) + MIN_MATCH, read_number(tokens, &mut at)?);
            let start = out.len().checked_sub(distance).filter(|_| distance > 0)?;
            // A repeat may overlap what it writes ("abababab"): byte by byte.
            for i in 0..count {
                out.push(out[start + i]);
            }
        }
    }
    // The last character may carry a byte of padding, all zero.
    let rest = &tokens[at.min(tokens.len())..];
    (out.len() == length && rest.len() <= 1 && rest.iter().all(|b| *b == 0)).then_some(out)
}

/// The character of a 15-bit unit: below U+8000, never a surrogate.
fn unit(bits: u32) -> char {
    char::from_u32(bits & 0x7fff).unwrap_or_default()
}

/// The text packed for storage: the mark, its length in bytes and the
/// compressed bytes, each character carrying 15 bits.
pub fn pack(text: &str) -> String {
    let tokens = compress(text.as_bytes());
    let mut packed = String::with_capacity(tokens.len() * 8 / 15 + 4);
    packed.push(MARK);
    for n in [text.len() >> 15, text.len() & 0x7fff] {
        packed.push(unit(n as u32));
    }
    let (mut bits, mut count) = (0u32, 0);
    for byte in tokens {
        bits = (bits << 8) | u32::from(byte);
        count += 8;
        if count >= 15 {
            count -= 15;
            packed.push(unit(bits >> count));
        }
    }
    if count > 0 {
        packed.push(unit(bits << (15 - count)));
    }
    packed
}

/// A stored text as it was before packing; text that was never packed as
/// it is. `None` for a packed text that is damaged.
pub fn unpack(stored: &str) -> Option<std::borrow::Cow<'_, str>> {
    let Some(rest) = stored.strip_prefix(MARK) else { return Some(stored.into()) };
    let mut units = rest.chars().map(|c| c as u32);
    let (high, low) = (units.next()?, units.next()?);
    if high > 0x7fff || low > 0x7fff {
        return None;
    }
    let length = ((high as usize) << 15) | low as usize;
    let mut tokens = Vec::with_capacity(rest.len());
    let (mut bits, mut count) = (0u32, 0);
    for unit in units {
        if unit > 0x7fff {
            return None;
        }
        bits = (bits << 15) | unit;
        count += 15;
        while count >= 8 {
            count -= 8;
            tokens.push((bits >> count) as u8);
        }
        bits &= (1 << count) - 1;
    }
    String::from_utf8(decompress(&tokens, length)?).ok().map(Into::into)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_text_unpacks_to_itself() {
        let json =
            r#"[{"id":"a-1","name":"Jobcenter Lindenau","kind":"jobcenter","contacts":[{"name":"Jürgen Weiß"}]},"#.repeat(40) + "{}]";
        for text in ["", "a", "abc", "abcd", "aaaaaaaaaaaaaaaaaaaaaaaa", "abababababababab", "Trägerverein Müßig e.V. ✓ 🙂", json.as_str()]
        {
            let packed = pack(text);
            assert!(packed.chars().all(|c| (c as u32) < 0x8000), "{text}");
            assert_eq!(unpack(&packed).as_deref(), Some(text), "{text}");
        }
        // Repeated JSON packs to a small part of its characters.
        let packed = pack(&json);
        assert!(packed.chars().count() * 10 < json.chars().count(), "{} of {}", packed.chars().count(), json.chars().count());
    }

    #[test]
    fn every_length_and_pseudo_random_text_round_trips() {
        let mut seed = 7u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for length in (0..300).chain([5_000, 40_000, 70_000]) {
            let text: String = (0..length).map(|_| ['a', 'b', '{', '"', 'ä', ' ', '1'][(next() % 7) as usize]).collect();
            assert_eq!(unpack(&pack(&text)).as_deref(), Some(text.as_str()), "{length}");
        }
    }

    #[test]
    fn text_stored_before_packing_reads_as_it_is_and_damage_is_found() {
        assert_eq!(unpack(r#"{"regions":[]}"#).as_deref(), Some(r#"{"regions":[]}"#));
        let packed = pack(&"Beratungsstelle Lindenau, ".repeat(20));
        let mut cut = packed.clone();
        cut.truncate(packed.len() - 3);
        assert_eq!(unpack(&cut), None, "cut short");
        assert_eq!(unpack(&format!("{packed}x")), None, "too long");
        assert_eq!(unpack("\u{1}"), None);
        assert_eq!(unpack("\u{1}\u{9000}\u{0}"), None, "not a 15-bit unit");
        let changed: String = packed.chars().enumerate().map(|(i, c)| if i == 5 { '\u{7fff}' } else { c }).collect();
        assert_ne!(unpack(&changed).as_deref(), Some("Beratungsstelle Lindenau, ".repeat(20).as_str()));
    }
}
