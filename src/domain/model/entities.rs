//! The data a coordinator keeps: regions with their Sozialräume, actors,
//! relations between actors and Gremien. Plain data, serialised as JSON.

use crate::domain::data::to_json::ToJson;

use crate::domain::data::from_json::FromJson;

use crate::domain::model::checklist::{Checklist, Template};
use crate::domain::model::programme::Programme;
use crate::domain::model::report::Report;
use crate::domain::model::stichtag::Stichtag;

/// A stable identifier, unique across regions so that maps from different
/// Kommunen can later be merged without clashes.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, ToJson, FromJson, Default)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    /// Builds an id from a prefix and 64 random bits supplied by the caller
    /// (the browser layer reads them from `crypto.getRandomValues`).
    pub fn from_random(prefix: &str, random: u64) -> Id {
        Id(format!("{prefix}-{random:016x}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Everything the user holds in this browser.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, ToJson, FromJson, Default)]
pub struct Workspace {
    pub regions: Vec<Region>,
    /// The region shown; kept so that a reload returns to it.
    #[serde(default)]
    pub active: Option<Id>,
    /// Checklist templates the user wrote or copied; shipped ones live in code.
    #[serde(default)]
    pub templates: Vec<Template>,
}

impl Workspace {
    pub fn region(&self, id: &Id) -> Option<&Region> {
        self.regions.iter().find(|r| &r.id == id)
    }

    pub fn region_mut(&mut self, id: &Id) -> Option<&mut Region> {
        self.regions.iter_mut().find(|r| &r.id == id)
    }

    /// The active region, falling back to the first one when the stored
    /// choice no longer exists (e.g. after undoing the region's creation).
    pub fn active_region(&self) -> Option<&Region> {
        self.active.as_ref().and_then(|id| self.region(id)).or_else(|| self.regions.first())
    }

    pub fn active_id(&self) -> Option<Id> {
        self.active_region().map(|r| r.id.clone())
    }
}

/// A Kommune or Kreis with its actors and their relations.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, ToJson, FromJson, Default)]
pub struct Region {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub kind: RegionKind,
    #[serde(default)]
    pub sozialraeume: Vec<Sozialraum>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub checklists: Vec<Checklist>,
    #[serde(default)]
    pub notes: String,
    /// Set when the region was imported from a file as a region of its own.
    #[serde(default)]
    pub imported_from: Option<Provenance>,
    /// Where the user placed actors in the network picture.
    #[serde(default)]
    pub placed: Vec<Placement>,
    /// The region on earlier dates, oldest first. Written apart, as a chain
    /// of changes (`stichtag::write`), by the file format and by storage.
    #[serde(skip)]
    pub stichtage: Vec<Stichtag>,
    /// Reports on periods (Quartalsberichte), in the order drafted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<Report>,
    /// The Tätigkeitsjournal, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub journal: Vec<JournalEntry>,
    /// Förderprogramme and Projekte with their Bausteine.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<Programme>,
}

/// An actor the user dragged to a place in the network picture.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, ToJson, FromJson)]
pub struct Placement {
    pub actor: Id,
    pub x: f64,
    pub y: f64,
}

/// Where an imported region came from: shown beside it and in aggregates.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson, Default)]
pub struct Provenance {
    pub file_name: String,
    /// ISO timestamp the file was exported at.
    #[serde(default)]
    pub exported_at: String,
    #[serde(default)]
    pub author: String,
    /// ISO timestamp of the import.
    pub imported_at: String,
}

/// A planning district inside a Kreis, made of Städte and Gemeinden.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson, Default)]
pub struct Sozialraum {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub gemeinden: Vec<String>,
}

macro_rules! labelled_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident as $key:literal => $label:expr),+ $(,)? }) => {
        $(#[$meta])*
        #[cfg_attr(test, derive(serde::Serialize))]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, ToJson, FromJson)]
        pub enum $name { $(#[serde(rename = $key)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name shown in the UI, in its language.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The stable key used in files and in form values.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            pub fn from_key(key: &str) -> Option<$name> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

labelled_enum! {
    /// What kind of territory a region is.
    RegionKind {
        Landkreis as "landkreis" => t!("region_kind.landkreis"),
        KreisfreieStadt as "kreisfreie_stadt" => t!("region_kind.kreisfreie_stadt"),
        Stadt as "stadt" => t!("region_kind.stadt"),
        Gemeinde as "gemeinde" => t!("region_kind.gemeinde"),
        Sonstige as "sonstige" => t!("region_kind.sonstige"),
    }
}

impl Default for RegionKind {
    fn default() -> Self {
        RegionKind::Landkreis
    }
}

labelled_enum! {
    /// What kind of organisation an actor is.
    ActorKind {
        Traeger as "traeger" => t!("actor_kind.traeger"),
        Wfbm as "wfbm" => t!("actor_kind.wfbm"),
        Tagesfoerderstaette as "tagesfoerderstaette" => t!("actor_kind.tagesfoerderstaette"),
        Ifd as "ifd" => t!("actor_kind.ifd"),
        Jobcenter as "jobcenter" => t!("actor_kind.jobcenter"),
        Arbeitsagentur as "arbeitsagentur" => t!("actor_kind.arbeitsagentur"),
        Jugendamt as "jugendamt" => t!("actor_kind.jugendamt"),
        Sozialamt as "sozialamt" => t!("actor_kind.sozialamt"),
        Auslaenderbehoerde as "auslaenderbehoerde" => t!("actor_kind.auslaenderbehoerde"),
        Kostentraeger as "kostentraeger" => t!("actor_kind.kostentraeger"),
        Verwaltung as "verwaltung" => t!("actor_kind.verwaltung"),
        Schule as "schule" => t!("actor_kind.schule"),
        Berufsschule as "berufsschule" => t!("actor_kind.berufsschule"),
        Kita as "kita" => t!("actor_kind.kita"),
        Vhs as "vhs" => t!("actor_kind.vhs"),
        Beratungsstelle as "beratungsstelle" => t!("actor_kind.beratungsstelle"),
        Eutb as "eutb" => t!("actor_kind.eutb"),
        Migrationsdienst as "migrationsdienst" => t!("actor_kind.migrationsdienst"),
        Verein as "verein" => t!("actor_kind.verein"),
        Kirche as "kirche" => t!("actor_kind.kirche"),
        Arbeitgeber as "arbeitgeber" => t!("actor_kind.arbeitgeber"),
        Kammer as "kammer" => t!("actor_kind.kammer"),
        Dachverband as "dachverband" => t!("actor_kind.dachverband"),
        Sonstige as "sonstige" => t!("actor_kind.sonstige"),
    }
}

labelled_enum! {
    /// The legal domain (Rechtskreis) an actor works in.
    Rechtskreis {
        SgbII as "sgb_ii" => t!("rechtskreis.sgb_ii"),
        SgbIII as "sgb_iii" => t!("rechtskreis.sgb_iii"),
        SgbVIII as "sgb_viii" => t!("rechtskreis.sgb_viii"),
        SgbIX as "sgb_ix" => t!("rechtskreis.sgb_ix"),
        SgbXII as "sgb_xii" => t!("rechtskreis.sgb_xii"),
        AufenthG as "aufenthg" => t!("rechtskreis.aufenthg"),
    }
}

impl Rechtskreis {
    /// The short form used in lists ("SGB II").
    pub fn short(self) -> &'static str {
        let label = self.label();
        label.split(" (").next().unwrap_or(label)
    }
}

labelled_enum! {
    /// What connects two actors.
    RelationKind {
        Kooperation as "kooperation" => t!("relation_kind.kooperation"),
        Vereinbarung as "vereinbarung" => t!("relation_kind.vereinbarung"),
        Weiterleitung as "weiterleitung" => t!("relation_kind.weiterleitung"),
        Finanzierung as "finanzierung" => t!("relation_kind.finanzierung"),
        Traegerschaft as "traegerschaft" => t!("relation_kind.traegerschaft"),
        Mitgliedschaft as "mitgliedschaft" => t!("relation_kind.mitgliedschaft"),
    }
}

impl RelationKind {
    /// Whether "from" and "to" mean something for this kind: a referral goes
    /// from one actor to another, a cooperation is mutual.
    pub fn has_direction(self) -> bool {
        matches!(
            self,
            RelationKind::Weiterleitung | RelationKind::Finanzierung | RelationKind::Traegerschaft | RelationKind::Mitgliedschaft
        )
    }

    /// The direction a relation of this kind keeps: none for mutual kinds,
    /// one way at least for kinds that need a direction.
    pub fn stored_direction(self, direction: Direction) -> Direction {
        match (self.has_direction(), direction) {
            (false, _) => Direction::Undirected,
            (true, Direction::Undirected) => Direction::Forward,
            (true, d) => d,
        }
    }

    /// How the direction reads in a sentence, "A → verb → B".
    pub fn verb(self) -> &'static str {
        match self {
            RelationKind::Kooperation => t!("relation.verb.cooperates"),
            RelationKind::Vereinbarung => t!("relation.verb.agreement"),
            RelationKind::Weiterleitung => t!("relation.verb.refers"),
            RelationKind::Finanzierung => t!("relation.verb.funds"),
            RelationKind::Traegerschaft => t!("relation.verb.provides"),
            RelationKind::Mitgliedschaft => t!("relation.verb.member"),
        }
    }

    /// The same relation read from its target, "B → verb → A".
    pub fn verb_incoming(self) -> &'static str {
        match self {
            RelationKind::Kooperation => t!("relation.verb.cooperates"),
            RelationKind::Vereinbarung => t!("relation.verb.agreement"),
            RelationKind::Weiterleitung => t!("relation.verb.referred_by"),
            RelationKind::Finanzierung => t!("relation.verb.funded_by"),
            RelationKind::Traegerschaft => t!("relation.verb.provided_by"),
            RelationKind::Mitgliedschaft => t!("relation.verb.has_member"),
        }
    }

    /// How the relation reads from `outgoing`'s side (or the other's).
    pub fn phrase(self, direction: Direction, outgoing: bool) -> String {
        match (self.has_direction(), direction, outgoing) {
            (true, Direction::Both, _) => tr!("relation.mutual_with", kind = self.label()),
            (true, _, false) => self.verb_incoming().to_owned(),
            _ => self.verb().to_owned(),
        }
    }
}

labelled_enum! {
    /// Whether a directed relation runs one way or both ways.
    Direction {
        Undirected as "undirected" => t!("direction.undirected"),
        Forward as "forward" => t!("direction.forward"),
        Both as "both" => t!("direction.both"),
    }
}

labelled_enum! {
    /// How binding a relation is, from loosest to firmest.
    Binding {
        Informell as "informell" => t!("binding.informell"),
        Regelmaessig as "regelmaessig" => t!("binding.regelmaessig"),
        Vereinbart as "vereinbart" => t!("binding.vereinbart"),
        Vertrag as "vertrag" => t!("binding.vertrag"),
    }
}

labelled_enum! {
    /// What kind of standing group a Gremium is.
    GroupKind {
        Steuerungsgruppe as "steuerungsgruppe" => t!("group_kind.steuerungsgruppe"),
        Arbeitskreis as "arbeitskreis" => t!("group_kind.arbeitskreis"),
        Netzwerk as "netzwerk" => t!("group_kind.netzwerk"),
        Gremium as "gremium" => t!("group_kind.gremium"),
        Konferenz as "konferenz" => t!("group_kind.konferenz"),
    }
}

/// An organisation, or a unit of one, in the network.
///
/// Empty optional fields (here, in `Relation` and in `Contact`) are left out
/// when written and read back as empty: with 10,000 relations, empty notes
/// alone would take 4 % of the browser's storage.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, ToJson, FromJson)]
pub struct Actor {
    pub id: Id,
    pub name: String,
    pub kind: ActorKind,
    /// The parent organisation (Träger), itself an actor of the region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traeger: Option<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rechtskreise: Vec<Rechtskreis>,
    /// Ids of the Sozialräume this actor serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sozialraeume: Vec<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_groups: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub website: String,
    /// Personal data under the GDPR: kept apart so it can be left out when sharing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Actor {
    pub fn new(id: Id, name: impl Into<String>, kind: ActorKind) -> Actor {
        Actor {
            id,
            name: name.into(),
            kind,
            traeger: None,
            rechtskreise: Vec::new(),
            sozialraeume: Vec::new(),
            target_groups: Vec::new(),
            offers: Vec::new(),
            website: String::new(),
            contacts: Vec::new(),
            tags: Vec::new(),
            notes: String::new(),
        }
    }
}

#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson, Default)]
pub struct Contact {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
}

/// A relation between two actors of one region.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson)]
pub struct Relation {
    pub id: Id,
    pub from: Id,
    pub to: Id,
    pub kind: RelationKind,
    #[serde(default = "default_direction")]
    pub direction: Direction,
    pub binding: Binding,
    /// Free-form start: "2019", "2019-09" or "2019-09-01".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub since: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

fn default_direction() -> Direction {
    Direction::Undirected
}

impl Relation {
    pub fn touches(&self, actor: &Id) -> bool {
        &self.from == actor || &self.to == actor
    }

    /// The actor at the other end, seen from `actor`.
    pub fn other_end(&self, actor: &Id) -> &Id {
        if &self.from == actor {
            &self.to
        } else {
            &self.from
        }
    }

    /// Whether this relation links the same two actors as `a`–`b`, in either order.
    pub fn links(&self, a: &Id, b: &Id) -> bool {
        (&self.from == a && &self.to == b) || (&self.from == b && &self.to == a)
    }
}

/// One entry of the Tätigkeitsjournal: a Netzwerktreffen held, an agreement
/// signed, a Stützpunktmanager gone into retirement; linked to the actors
/// and Gremien and programmes it concerns.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson)]
pub struct JournalEntry {
    pub id: Id,
    /// ISO date, "2026-10-14".
    pub date: String,
    pub kind: EntryKind,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<Id>,
}

labelled_enum! {
    /// What kind of work a journal entry records.
    EntryKind {
        Netzwerktreffen as "netzwerktreffen" => t!("entry_kind.netzwerktreffen"),
        Veranstaltung as "veranstaltung" => t!("entry_kind.veranstaltung"),
        Vereinbarung as "vereinbarung" => t!("entry_kind.vereinbarung"),
        Oeffentlichkeitsarbeit as "oeffentlichkeitsarbeit" => t!("entry_kind.oeffentlichkeitsarbeit"),
        Personal as "personal" => t!("entry_kind.personal"),
        Sonstiges as "sonstiges" => t!("entry_kind.sonstiges"),
    }
}

/// A standing group of actors that meets: a BKG, an Arbeitskreis, a network.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson)]
pub struct Group {
    pub id: Id,
    pub name: String,
    pub kind: GroupKind,
    #[serde(default)]
    pub members: Vec<Id>,
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    #[serde(default)]
    pub notes: String,
}

#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, ToJson, FromJson, Default)]
pub struct Meeting {
    /// ISO date, "2024-06-17".
    pub date: String,
    #[serde(default)]
    pub topic: String,
}

/// The id of the shipped demo region, an invented Kreis.
pub const DEMO_REGION_ID: &str = "demo-lindenau";

impl Region {
    /// Whether this is the invented demo region (or a copy of it imported
    /// from a colleague's file): it never counts in evaluations by default.
    pub fn is_demo(&self) -> bool {
        self.id.0 == DEMO_REGION_ID || self.id.0.starts_with(&format!("{DEMO_REGION_ID}-import-"))
    }

    pub fn new(id: Id, name: impl Into<String>, kind: RegionKind) -> Region {
        Region { id, name: name.into(), kind, ..Region::default() }
    }

    pub fn actor(&self, id: &Id) -> Option<&Actor> {
        self.actors.iter().find(|a| &a.id == id)
    }

    pub fn relation(&self, id: &Id) -> Option<&Relation> {
        self.relations.iter().find(|r| &r.id == id)
    }

    pub fn group(&self, id: &Id) -> Option<&Group> {
        self.groups.iter().find(|g| &g.id == id)
    }

    pub fn programme(&self, id: &Id) -> Option<&Programme> {
        self.programmes.iter().find(|p| &p.id == id)
    }

    pub fn checklist(&self, id: &Id) -> Option<&Checklist> {
        self.checklists.iter().find(|c| &c.id == id)
    }

    pub fn stichtag(&self, id: &Id) -> Option<&Stichtag> {
        self.stichtage.iter().find(|s| &s.id == id)
    }

    pub fn checklist_mut(&mut self, id: &Id) -> Option<&mut Checklist> {
        self.checklists.iter_mut().find(|c| &c.id == id)
    }

    pub fn sozialraum(&self, id: &Id) -> Option<&Sozialraum> {
        self.sozialraeume.iter().find(|s| &s.id == id)
    }

    /// The name of an actor, or a placeholder for a reference that went missing.
    pub fn actor_name(&self, id: &Id) -> String {
        self.actor(id).map(|a| a.name.clone()).unwrap_or_else(|| t!("model.unknown_actor").into())
    }

    /// Names of several actors, comma-separated, as lists and exports show them.
    pub fn actor_names(&self, ids: &[Id]) -> String {
        ids.iter().map(|id| self.actor_name(id)).collect::<Vec<_>>().join(", ")
    }

    pub fn relations_of<'a>(&'a self, actor: &'a Id) -> impl Iterator<Item = &'a Relation> + 'a {
        self.relations.iter().filter(move |r| r.touches(actor))
    }

    pub fn relation_count(&self, actor: &Id) -> usize {
        self.relations_of(actor).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fields_are_left_out_and_read_back_as_empty() {
        let bare = Actor::new(Id("a".into()), "Jobcenter", ActorKind::Jobcenter);
        let text = crate::domain::data::to_json::text(&bare);
        assert_eq!(text, r#"{"id":"a","name":"Jobcenter","kind":"jobcenter"}"#);
        assert_eq!(crate::domain::data::from_json::from_text::<Actor>(&text).unwrap(), bare);
        let mut full = bare.clone();
        full.notes = "Ansprechpartner wechselt".into();
        full.contacts.push(Contact { name: "Erika Muster".into(), ..Contact::default() });
        let text = crate::domain::data::to_json::text(&full);
        assert!(
            text.contains(r#""notes":"Ansprechpartner wechselt""#) && text.contains(r#""contacts":[{"name":"Erika Muster"}]"#),
            "{text}"
        );
        assert_eq!(crate::domain::data::from_json::from_text::<Actor>(&text).unwrap(), full);
    }

    #[test]
    fn relations_read_from_both_ends() {
        let k = RelationKind::Finanzierung;
        assert_eq!(k.phrase(Direction::Forward, true), "finanziert");
        assert_eq!(k.phrase(Direction::Forward, false), "wird finanziert von");
        assert_eq!(k.phrase(Direction::Both, false), "Finanzierung wechselseitig mit");
        assert_eq!(RelationKind::Kooperation.phrase(Direction::Undirected, false), "kooperiert mit");
    }

    #[test]
    fn enum_keys_round_trip_and_match_the_file_format() {
        fn check<T: Copy + PartialEq + std::fmt::Debug + ToJson>(all: &[T], key: fn(T) -> &'static str, from: fn(&str) -> Option<T>) {
            for value in all {
                assert_eq!(from(key(*value)), Some(*value));
                assert_eq!(crate::domain::data::to_json::text(value), format!("\"{}\"", key(*value)));
            }
        }
        check(ActorKind::ALL, ActorKind::key, ActorKind::from_key);
        check(RegionKind::ALL, RegionKind::key, RegionKind::from_key);
        check(Rechtskreis::ALL, Rechtskreis::key, Rechtskreis::from_key);
        check(RelationKind::ALL, RelationKind::key, RelationKind::from_key);
        check(Direction::ALL, Direction::key, Direction::from_key);
        check(Binding::ALL, Binding::key, Binding::from_key);
        check(GroupKind::ALL, GroupKind::key, GroupKind::from_key);
        assert_eq!(Rechtskreis::SgbVIII.key(), "sgb_viii");
        assert_eq!(Rechtskreis::SgbVIII.short(), "SGB VIII");
        assert_eq!(ActorKind::from_key("nonsense"), None);
        assert_eq!(ActorKind::from_key(""), None);
    }
}
