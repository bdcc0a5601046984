//! Stable sorting through one shared instance of the standard sort. Each
//! `sort_by` on a new element type or closure copies the standard library's
//! sort (driftsort with its quicksort and small-sort, 2–4 KB of wasm each);
//! here only a list of positions is sorted, with the comparison behind a
//! `dyn`, and the items are moved into that order afterwards. Likewise a
//! few keys are grouped in a list of pairs (`entry`) rather than a B-tree
//! map, whose node code the wasm would carry per key and value type.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = positions_in_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` stably by the key `key` gives, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by their own order, like `slice::sort`.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The value for `key` in a list of (key, value) pairs, added with `new()`
/// at the end when missing: a map for a handful of keys, in the order they
/// came (sort afterwards where an order by key is wanted).
pub fn entry<K: PartialEq, V>(pairs: &mut Vec<(K, V)>, key: K, new: impl FnOnce() -> V) -> &mut V {
    let at = match pairs.iter().position(|(k, _)| *k == key) {
        Some(at) => at,
        None => {
            pairs.push((key, new()));
            pairs.len() - 1
        }
    };
    &mut pairs[at].1
}

/// The one instance of the standard sort: positions `0..len` in the order `compare` gives.
#[inline(never)]
fn positions_in_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_sort_and_keeps_equal_items_in_order() {
        let mut seed = 7u64;
        for len in [0, 1, 2, 3, 20, 257] {
            let mut items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            sort_by_key(&mut items, |p| p.0);
            assert_eq!(items, expected, "{len} items");
        }
        let mut words = vec!["b".to_string(), "a".into(), "c".into()];
        sort(&mut words);
        assert_eq!(words, ["a", "b", "c"]);
        sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["c", "b", "a"]);
    }

    #[test]
    fn entry_groups_by_key_in_the_order_keys_came() {
        let mut groups: Vec<(&str, Vec<u32>)> = Vec::new();
        for (key, n) in [("b", 1), ("a", 2), ("b", 3)] {
            entry(&mut groups, key, Vec::new).push(n);
        }
        assert_eq!(groups, vec![("b", vec![1, 3]), ("a", vec![2])]);
    }
}
