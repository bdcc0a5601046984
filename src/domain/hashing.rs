//! The hash maps and sets of the app, all with rustc's FxHash (the hasher
//! Leptos already brings). std's default SipHash resists keys crafted to
//! collide, which matters for a server and not for a region on one's own
//! laptop; in the browser it cost about a third of opening the network
//! picture of 5,000 actors (every lookup by actor id hashes a string).
//! Iteration order is fixed but meaningless: what is shown is sorted (`order`).

pub type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub type HashSet<T> = rustc_hash::FxHashSet<T>;

#[cfg(test)]
mod tests {
    use super::*;

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
