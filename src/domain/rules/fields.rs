//! Validation rules with messages for the user, and the integrity check that
//! stored data must pass before the app trusts it.

use crate::i18n::t;
use std::collections::{BTreeMap, HashSet};

use crate::domain::model::checklist::ItemKind;
use crate::domain::model::{Id, Region, Workspace};

/// Problems found in a form, keyed by field name ("name", "contact.0.email").
pub type FieldErrors = BTreeMap<String, String>;

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
    phone.chars().any(|c| c.is_ascii_digit())
        && phone.chars().all(|c| c.is_ascii_digit() || " +-/()".contains(c))
}

/// Normalises a website: adds "https://" to a bare host, and accepts only
/// http and https so that an imported `javascript:` link can never run.
pub fn normalise_website(input: &str) -> Result<String, String> {
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
        return Err(t("validate.url_scheme").into());
    };
    let host = url.split("://").nth(1).unwrap_or("");
    if host.is_empty() || url.contains(char::is_whitespace) {
        return Err(t("validate.url_incomplete").into());
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

/// "2019", "2019-09" or "2019-09-01" (or empty): when a relation began.
pub fn is_valid_since(since: &str) -> bool {
    let since = since.trim();
    if since.is_empty() {
        return true;
    }
    let parts: Vec<&str> = since.split('-').collect();
    let number = |s: &str, len: usize| s.len() == len && s.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] => number(y, 4),
        [y, m] => number(y, 4) && number(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, d] => is_valid_date(&format!("{y}-{m}-{d}")),
        _ => false,
    }
}

/// An ISO calendar date, "2024-06-17", that exists.
pub fn is_valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Everything that must hold for stored data to be used as it is. Returns
/// German descriptions; an empty list means the workspace is sound.
pub fn integrity_problems(workspace: &Workspace) -> Vec<String> {
    let mut problems = Vec::new();
    let mut region_ids = HashSet::new();
    for region in &workspace.regions {
        if !region_ids.insert(&region.id) {
            problems.push(format!("Die Region-ID {} kommt mehrfach vor.", region.id));
        }
        region_problems(region, &mut problems);
    }
    problems
}

fn region_problems(region: &Region, problems: &mut Vec<String>) {
    let name = &region.name;
    let mut ids: HashSet<&Id> = HashSet::new();
    let all_ids = region
        .actors
        .iter()
        .map(|a| &a.id)
        .chain(region.relations.iter().map(|r| &r.id))
        .chain(region.groups.iter().map(|g| &g.id))
        .chain(region.sozialraeume.iter().map(|s| &s.id));
    for id in all_ids {
        if !ids.insert(id) {
            problems.push(format!("{name}: die ID {id} kommt mehrfach vor."));
        }
    }
    let actors: HashSet<&Id> = region.actors.iter().map(|a| &a.id).collect();
    let sozialraeume: HashSet<&Id> = region.sozialraeume.iter().map(|s| &s.id).collect();
    for actor in &region.actors {
        if actor.traeger.as_ref().is_some_and(|t| !actors.contains(t)) {
            problems.push(format!("{name}: der Träger von „{}“ fehlt.", actor.name));
        }
        if actor.sozialraeume.iter().any(|s| !sozialraeume.contains(s)) {
            problems.push(format!("{name}: „{}“ verweist auf einen fehlenden Sozialraum.", actor.name));
        }
    }
    for relation in &region.relations {
        if !actors.contains(&relation.from) || !actors.contains(&relation.to) {
            problems.push(format!("{name}: die Beziehung {} verweist auf einen fehlenden Akteur.", relation.id));
        }
    }
    for group in &region.groups {
        if group.members.iter().any(|m| !actors.contains(m)) {
            problems.push(format!("{name}: das Gremium „{}“ hat ein fehlendes Mitglied.", group.name));
        }
    }
    let mut checklist_ids = HashSet::new();
    for checklist in &region.checklists {
        if !checklist_ids.insert(&checklist.id) {
            problems.push(format!("{name}: die Checkliste {} kommt mehrfach vor.", checklist.id));
        }
        let mut item_ids = HashSet::new();
        for item in checklist.items() {
            if !item_ids.insert(&item.id) {
                problems.push(format!("{name}: „{}“ hat den Punkt {} mehrfach.", checklist.title, item.id));
            }
            let named = item.responsible.iter().chain(item.answers.iter().flat_map(|a| a.actors.iter()));
            if named.into_iter().any(|a| !actors.contains(a)) {
                problems.push(format!("{name}: „{}“ verweist auf einen fehlenden Akteur.", checklist.title));
            }
            let fits = match (item.status, item.kind) {
                (None, _) => true,
                (Some(status), ItemKind::Status(scale)) => scale.steps().contains(&status),
                (Some(_), ItemKind::Answers) => false,
            };
            if !fits {
                problems.push(format!("{name}: „{}“ hat einen Status außerhalb seiner Skala.", checklist.title));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::*;

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
        for ok in ["", "2019", "2019-09", "2020-02-29"] {
            assert!(is_valid_since(ok), "{ok}");
        }
        for bad in ["19", "2019-13", "2019-9", "2019-02-30", "seit 2019", "2019-01-01-01"] {
            assert!(!is_valid_since(bad), "{bad}");
        }
    }

    #[test]
    fn a_status_on_a_free_text_item_is_damage() {
        // Found by the property test in tests/restore_props.rs.
        let mut ws = crate::domain::samples::demo::demo_workspace();
        assert!(integrity_problems(&ws).is_empty());
        let conference = &mut ws.regions[0].checklists[1];
        conference.sections[0].items[0].status = Some(crate::domain::model::checklist::Status::Umgesetzt);
        assert_eq!(integrity_problems(&ws).len(), 1);
    }

    #[test]
    fn integrity_finds_dangling_references_and_duplicates() {
        let mut region = Region::new(Id("r".into()), "Testkreis", RegionKind::Landkreis);
        region.actors.push(Actor::new(Id("a".into()), "A", ActorKind::Verein));
        region.actors.push(Actor::new(Id("a".into()), "A2", ActorKind::Verein));
        region.relations.push(Relation {
            id: Id("x".into()),
            from: Id("a".into()),
            to: Id("missing".into()),
            kind: RelationKind::Kooperation,
            direction: Direction::Undirected,
            binding: Binding::Informell,
            since: String::new(),
            notes: String::new(),
        });
        let ws = Workspace { regions: vec![region], ..Workspace::default() };
        let problems = integrity_problems(&ws);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("mehrfach"));
        assert!(problems[1].contains("fehlenden Akteur"));
    }
}
