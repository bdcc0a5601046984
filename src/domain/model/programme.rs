//! Förderprogramme and Projekte of a region ("JUGEND STÄRKEN im Quartier")
//! with their Bausteine (Case Management, Clearing, Mikroprojekte), each
//! carried by a Träger with partners from the map, in some Sozialräume.

use crate::domain::hashing::HashSet;

use crate::domain::data::to_json::ToJson;

use crate::domain::data::from_json::FromJson;

use crate::domain::model::Id;

#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson)]
pub struct Programme {
    pub id: Id,
    pub name: String,
    /// Fördergeber: the Land, the ESF, a foundation.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub funder: String,
    /// The Laufzeit, ISO dates; empty where open.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub start: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub end: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub goal: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target_group: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bausteine: Vec<Baustein>,
}

/// One part of a programme, carried by a Träger with partners.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson)]
pub struct Baustein {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traeger: Option<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<Id>,
    /// The Sozialräume or Quartiere where it runs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sozialraeume: Vec<Id>,
}

impl Baustein {
    /// Its Träger, then its partners.
    pub fn actors(&self) -> impl Iterator<Item = &Id> {
        self.traeger.iter().chain(&self.partners)
    }

    /// Forgets actors and Sozialräume `keep` does not know; returns how many.
    pub fn retain_links(&mut self, keep_actor: impl Fn(&Id) -> bool, keep_sozialraum: impl Fn(&Id) -> bool) -> usize {
        let before = self.partners.len() + self.sozialraeume.len() + usize::from(self.traeger.is_some());
        self.traeger = self.traeger.take().filter(|t| keep_actor(t));
        self.partners.retain(|p| keep_actor(p));
        self.sozialraeume.retain(|s| keep_sozialraum(s));
        before - (self.partners.len() + self.sozialraeume.len() + usize::from(self.traeger.is_some()))
    }
}

impl Programme {
    /// The actors taking part: the Träger and partners of its Bausteine.
    pub fn actors(&self) -> HashSet<&Id> {
        self.bausteine.iter().flat_map(Baustein::actors).collect()
    }

    /// Whether its Laufzeit overlaps `from`..=`to` (ISO dates).
    pub fn runs_during(&self, from: &str, to: &str) -> bool {
        (self.start.is_empty() || self.start.as_str() <= to) && (self.end.is_empty() || self.end.as_str() >= from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> Id {
        Id(s.into())
    }

    fn baustein(traeger: Option<&str>, partners: &[&str]) -> Baustein {
        Baustein {
            id: id("b"),
            name: "Clearing".into(),
            traeger: traeger.map(id),
            partners: partners.iter().map(|p| id(p)).collect(),
            sozialraeume: vec![id("nord"), id("sued")],
        }
    }

    #[test]
    fn a_programme_gathers_the_traeger_and_partners_of_its_bausteine() {
        let p = Programme {
            id: id("p"),
            name: "JUGEND STÄRKEN im Quartier".into(),
            funder: String::new(),
            start: "2015-01-01".into(),
            end: "2018-12-31".into(),
            goal: String::new(),
            target_group: String::new(),
            bausteine: vec![baustein(Some("a"), &["b", "c"]), baustein(None, &["a", "d"])],
        };
        let mut actors: Vec<&str> = p.actors().into_iter().map(|a| a.0.as_str()).collect();
        actors.sort();
        assert_eq!(actors, ["a", "b", "c", "d"]);
        assert!(p.runs_during("2018-10-01", "2018-12-31") && p.runs_during("2014-10-01", "2015-01-01"));
        assert!(!p.runs_during("2019-01-01", "2019-03-31") && !p.runs_during("2014-10-01", "2014-12-31"));
        let open = Programme { start: String::new(), end: String::new(), ..p };
        assert!(open.runs_during("1999-01-01", "1999-03-31"));
    }

    #[test]
    fn links_to_what_is_gone_are_dropped_and_counted() {
        let mut b = baustein(Some("gone"), &["a", "gone"]);
        let removed = b.retain_links(|a| a.0 == "a", |s| s.0 == "nord");
        assert_eq!(removed, 3);
        assert_eq!((b.traeger, b.partners, b.sozialraeume), (None, vec![id("a")], vec![id("nord")]));
    }
}
