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

/// Whether two names very likely mean the same organisation: equal apart
/// from case, umlauts, punctuation and legal form, or one typo per ten letters.
pub fn similar_names(a: &str, b: &str) -> bool {
    let (a, b) = (name_key(a), name_key(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let shorter = a.chars().count().min(b.chars().count());
    let allowed = (shorter / 10).max(1);
    shorter >= 8 && a.chars().count().abs_diff(b.chars().count()) <= allowed && edit_distance(&a, &b) <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;

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
