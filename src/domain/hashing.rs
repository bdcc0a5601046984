//! The hash maps and sets of the app, all with rustc's FxHash (the hasher
//! Leptos already brings). std's default SipHash resists keys crafted to
//! collide, which matters for a server and not for a region on one's own
//! laptop; in the browser it cost about a third of opening the network
//! picture of 5,000 actors (every lookup by actor id hashes a string).
//! Iteration order is fixed but meaningless: what is shown is sorted (`order`).

pub type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub type HashSet<T> = rustc_hash::FxHashSet<T>;

/// FNV-1a (64 bits), fed piece by piece: a hash that never changes, for
/// what is kept in storage and compared in a later session (a kept layout's
/// fingerprint, where a region's list is cut into parts). FxHash makes no
/// such promise across versions.
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    pub fn eat(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    pub fn value(&self) -> u64 {
        self.0
    }
}

/// The FNV-1a hash of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = Fnv1a::default();
    hash.eat(bytes);
    hash.value()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_gives_the_published_values_fed_whole_or_in_pieces() {
        // The reference values of FNV-1a 64 (draft-eastlake-fnv).
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
        let mut pieces = Fnv1a::default();
        pieces.eat(b"foo");
        pieces.eat(b"");
        pieces.eat(b"bar");
        assert_eq!(pieces.value(), fnv1a(b"foobar"));
    }

    #[test]
    fn ids_that_differ_in_one_letter_are_told_apart() {
        let ids: Vec<String> = (0..10_000).map(|i| format!("akteur-{i:05}")).collect();
        let set: HashSet<&str> = ids.iter().map(String::as_str).collect();
        assert_eq!(set.len(), ids.len());
        let map: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
        assert!(ids.iter().enumerate().all(|(i, id)| map.get(id.as_str()) == Some(&i)));
        assert_eq!(map.get("akteur-10000"), None);
    }
}
