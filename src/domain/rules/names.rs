//! Names of organisations compared as people mean them: the merge of an
//! imported file and the actor form's warning about a near-duplicate use
//! the same rule.

use crate::domain::rules::text::folded_words;

/// Legal forms and fillers that do not tell two organisations apart.
const NAME_NOISE: [&str; 8] = ["e", "v", "ev", "gmbh", "ggmbh", "mbh", "ag", "ug"];

/// A comparable form of an organisation's name: "Lebenshilfe Lindenau e.V." → "lebenshilfe lindenau".
pub fn name_key(name: &str) -> String {
    folded_words(name).split(' ').filter(|w| !NAME_NOISE.contains(w)).collect::<Vec<_>>().join(" ")
}

/// Whether `a` becomes `b` by at most `k` edits (insert, delete, replace a
/// character). Only the band of `k` around the diagonal is computed, and it
/// stops once every cell exceeds `k`: most names are far apart.
fn within_edits(a: &str, b: &str, k: usize) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    let over = k + 1;
    let mut row: Vec<usize> = (0..=b.len()).map(|j| j.min(over)).collect();
    for i in 1..=a.len() {
        let (from, to) = (i.saturating_sub(k).max(1), (i + k).min(b.len()));
        let mut diagonal = row[from - 1];
        row[from - 1] = if from == 1 { i.min(over) } else { over };
        let mut best = row[from - 1];
        for j in from..=to {
            let above = row[j];
            row[j] = (diagonal + usize::from(a[i - 1] != b[j - 1])).min(row[j - 1] + 1).min(above + 1).min(over);
            diagonal = above;
            best = best.min(row[j]);
        }
        // The cell right of the band is outside it for the next row.
        if to < b.len() {
            row[to + 1] = over;
        }
        if best > k {
            return false;
        }
    }
    row[b.len()] <= k
}

/// Whether two names very likely mean the same organisation: equal apart
/// from case, umlauts, punctuation and legal form, or one typo per ten letters.
pub fn similar_names(a: &str, b: &str) -> bool {
    similar_keys(&name_key(a), &name_key(b))
}

/// `similar_names` of two names' keys (`name_key`), for comparing many names
/// with many without making their keys each time.
pub fn similar_keys(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (length_a, length_b) = (a.chars().count(), b.chars().count());
    let shorter = length_a.min(length_b);
    let allowed = (shorter / 10).max(1);
    shorter >= 8 && length_a.abs_diff(length_b) <= allowed && within_edits(a, b, allowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole table, as the reference for the banded one.
    fn edit_distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut diagonal = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let above = row[j + 1];
                row[j + 1] = (diagonal + usize::from(ca != *cb)).min(row[j] + 1).min(above + 1);
                diagonal = above;
            }
        }
        row[b.len()]
    }

    #[test]
    fn the_banded_edit_count_agrees_with_the_whole_table() {
        // Every pair of short words over a small alphabet (so that they are often close), each k.
        let words: Vec<String> = (0..3000u32)
            .map(|n| {
                let length = (n % 7) as usize;
                (0..length).map(|i| ['a', 'b', 'ä', 'c'][((n / 7) as usize >> (2 * i)) % 4]).collect()
            })
            .collect();
        let mut checked = 0;
        for a in words.iter().step_by(13) {
            for b in words.iter().step_by(17) {
                for k in 0..4 {
                    assert_eq!(within_edits(a, b, k), edit_distance(a, b) <= k, "{a:?} {b:?} {k}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000);
        assert!(within_edits("integrationsfachdienst lindenau", "integrationsfachdienst lindeanu", 2));
        assert!(!within_edits("integrationsfachdienst lindenau", "integrationsfachdienst lindeanu", 1));
    }

    #[test]
    fn names_match_despite_case_legal_form_and_a_typo() {
        assert!(similar_names("Lebenshilfe Lindenau e.V.", "lebenshilfe lindenau"));
        assert!(similar_names("Jobcenter Lindenau", "Jobcenter Lindenaü"));
        assert!(
            similar_names("Integrationsfachdienst Lindenau", "Integrationsfachdienst Lindeanu"),
            "a swap is two edits, allowed at 30 letters"
        );
        assert!(!similar_names("Jobcenter Lindenau", "Jobcenter Erlenbach"));
        assert!(!similar_names("VHS", "VdK"), "short names must match exactly");
        assert!(similar_names("Jobcenter Werra-Meissner", "Jobcenter Werra-Meißner"), "ß and ss");
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
