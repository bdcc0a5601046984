//! The data a coordinator keeps: regions with their Sozialräume, actors,
//! relations between actors and Gremien. Plain data, serialised as JSON.

use serde::{Deserialize, Serialize};

use super::checklist::{Checklist, Template};

/// A stable identifier, unique across regions so that maps from different
/// Kommunen can later be merged without clashes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
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
        self.active
            .as_ref()
            .and_then(|id| self.region(id))
            .or_else(|| self.regions.first())
    }

    pub fn active_id(&self) -> Option<Id> {
        self.active_region().map(|r| r.id.clone())
    }
}

/// A Kommune or Kreis with its actors and their relations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
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
}

/// An actor the user dragged to a place in the network picture.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    pub actor: Id,
    pub x: f64,
    pub y: f64,
}

/// Where an imported region came from: shown beside it and in aggregates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Sozialraum {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub gemeinden: Vec<String>,
}

macro_rules! labelled_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident as $key:literal => $label:expr),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $key)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The German name shown in the UI.
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
        Landkreis as "landkreis" => "Landkreis",
        KreisfreieStadt as "kreisfreie_stadt" => "Kreisfreie Stadt",
        Stadt as "stadt" => "Stadt",
        Gemeinde as "gemeinde" => "Gemeinde",
        Sonstige as "sonstige" => "Sonstige Region",
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
        Traeger as "traeger" => "Träger / Wohlfahrtsverband",
        Wfbm as "wfbm" => "Werkstatt für behinderte Menschen (WfbM)",
        Tagesfoerderstaette as "tagesfoerderstaette" => "Tagesförderstätte",
        Ifd as "ifd" => "Integrationsfachdienst (IFD)",
        Jobcenter as "jobcenter" => "Jobcenter",
        Arbeitsagentur as "arbeitsagentur" => "Agentur für Arbeit",
        Jugendamt as "jugendamt" => "Jugendamt",
        Sozialamt as "sozialamt" => "Sozialamt / Eingliederungshilfe",
        Auslaenderbehoerde as "auslaenderbehoerde" => "Ausländerbehörde (ABH)",
        Kostentraeger as "kostentraeger" => "Kostenträger",
        Verwaltung as "verwaltung" => "Kommunalverwaltung / Koordinierung",
        Schule as "schule" => "Schule",
        Berufsschule as "berufsschule" => "Berufsschule / Berufskolleg",
        Kita as "kita" => "Kita",
        Vhs as "vhs" => "Volkshochschule (VHS)",
        Beratungsstelle as "beratungsstelle" => "Beratungsstelle",
        Eutb as "eutb" => "EUTB (Teilhabeberatung)",
        Migrationsdienst as "migrationsdienst" => "Migrationsdienst (JMD, MBE)",
        Verein as "verein" => "Verein / Initiative",
        Kirche as "kirche" => "Kirche / Religionsgemeinschaft",
        Arbeitgeber as "arbeitgeber" => "Arbeitgeber / Unternehmen",
        Kammer as "kammer" => "Kammer (IHK, HWK)",
        Dachverband as "dachverband" => "Dachverband / LAG",
        Sonstige as "sonstige" => "Sonstige",
    }
}

labelled_enum! {
    /// The legal domain (Rechtskreis) an actor works in.
    Rechtskreis {
        SgbII as "sgb_ii" => "SGB II (Grundsicherung)",
        SgbIII as "sgb_iii" => "SGB III (Arbeitsförderung)",
        SgbVIII as "sgb_viii" => "SGB VIII (Kinder- und Jugendhilfe)",
        SgbIX as "sgb_ix" => "SGB IX (Rehabilitation und Teilhabe)",
        SgbXII as "sgb_xii" => "SGB XII (Sozialhilfe)",
        AufenthG as "aufenthg" => "AufenthG / AsylbLG",
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
        Kooperation as "kooperation" => "Kooperation",
        Vereinbarung as "vereinbarung" => "Schriftliche Kooperationsvereinbarung",
        Weiterleitung as "weiterleitung" => "Weiterleitung / Zuweisung",
        Finanzierung as "finanzierung" => "Finanzierung",
        Traegerschaft as "traegerschaft" => "Trägerschaft",
        Mitgliedschaft as "mitgliedschaft" => "Mitgliedschaft",
    }
}

impl RelationKind {
    /// Whether "from" and "to" mean something for this kind: a referral goes
    /// from one actor to another, a cooperation is mutual.
    pub fn has_direction(self) -> bool {
        matches!(
            self,
            RelationKind::Weiterleitung
                | RelationKind::Finanzierung
                | RelationKind::Traegerschaft
                | RelationKind::Mitgliedschaft
        )
    }

    /// How the direction reads in a sentence, "A → verb → B".
    pub fn verb(self) -> &'static str {
        match self {
            RelationKind::Kooperation => "kooperiert mit",
            RelationKind::Vereinbarung => "hat eine Vereinbarung mit",
            RelationKind::Weiterleitung => "leitet weiter an",
            RelationKind::Finanzierung => "finanziert",
            RelationKind::Traegerschaft => "ist Träger von",
            RelationKind::Mitgliedschaft => "ist Mitglied in",
        }
    }

    /// The same relation read from its target, "B → verb → A".
    pub fn verb_incoming(self) -> &'static str {
        match self {
            RelationKind::Kooperation => "kooperiert mit",
            RelationKind::Vereinbarung => "hat eine Vereinbarung mit",
            RelationKind::Weiterleitung => "erhält Weiterleitungen von",
            RelationKind::Finanzierung => "wird finanziert von",
            RelationKind::Traegerschaft => "hat als Träger",
            RelationKind::Mitgliedschaft => "hat als Mitglied",
        }
    }

    /// How the relation reads from `outgoing`'s side (or the other's).
    pub fn phrase(self, direction: Direction, outgoing: bool) -> String {
        match (self.has_direction(), direction, outgoing) {
            (true, Direction::Both, _) => format!("{} wechselseitig mit", self.label()),
            (true, _, false) => self.verb_incoming().to_owned(),
            _ => self.verb().to_owned(),
        }
    }
}

labelled_enum! {
    /// Whether a directed relation runs one way or both ways.
    Direction {
        Undirected as "undirected" => "ungerichtet",
        Forward as "forward" => "von → an",
        Both as "both" => "wechselseitig",
    }
}

labelled_enum! {
    /// How binding a relation is, from loosest to firmest.
    Binding {
        Informell as "informell" => "informell",
        Regelmaessig as "regelmaessig" => "regelmäßig",
        Vereinbart as "vereinbart" => "vereinbart",
        Vertrag as "vertrag" => "schriftlicher Vertrag",
    }
}

labelled_enum! {
    /// What kind of standing group a Gremium is.
    GroupKind {
        Steuerungsgruppe as "steuerungsgruppe" => "Steuerungsgruppe (z. B. BKG)",
        Arbeitskreis as "arbeitskreis" => "Arbeitskreis",
        Netzwerk as "netzwerk" => "Netzwerk",
        Gremium as "gremium" => "Gremium",
        Konferenz as "konferenz" => "Konferenz (z. B. Sozialraumkonferenz)",
    }
}

/// An organisation, or a unit of one, in the network.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: Id,
    pub name: String,
    pub kind: ActorKind,
    /// The parent organisation (Träger), itself an actor of the region.
    #[serde(default)]
    pub traeger: Option<Id>,
    #[serde(default)]
    pub rechtskreise: Vec<Rechtskreis>,
    /// Ids of the Sozialräume this actor serves.
    #[serde(default)]
    pub sozialraeume: Vec<Id>,
    #[serde(default)]
    pub target_groups: Vec<String>,
    #[serde(default)]
    pub offers: Vec<String>,
    #[serde(default)]
    pub website: String,
    /// Personal data under the GDPR: kept apart so it can be left out when sharing.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
}

/// A relation between two actors of one region.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub id: Id,
    pub from: Id,
    pub to: Id,
    pub kind: RelationKind,
    #[serde(default = "default_direction")]
    pub direction: Direction,
    pub binding: Binding,
    /// Free-form start: "2019", "2019-09" or "2019-09-01".
    #[serde(default)]
    pub since: String,
    #[serde(default)]
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

/// A standing group of actors that meets: a BKG, an Arbeitskreis, a network.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Meeting {
    /// ISO date, "2024-06-17".
    pub date: String,
    #[serde(default)]
    pub topic: String,
}

impl Region {
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

    pub fn checklist(&self, id: &Id) -> Option<&Checklist> {
        self.checklists.iter().find(|c| &c.id == id)
    }

    pub fn checklist_mut(&mut self, id: &Id) -> Option<&mut Checklist> {
        self.checklists.iter_mut().find(|c| &c.id == id)
    }

    pub fn sozialraum(&self, id: &Id) -> Option<&Sozialraum> {
        self.sozialraeume.iter().find(|s| &s.id == id)
    }

    /// The name of an actor, or a placeholder for a reference that went missing.
    pub fn actor_name(&self, id: &Id) -> String {
        self.actor(id).map(|a| a.name.clone()).unwrap_or_else(|| "(unbekannter Akteur)".into())
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
    fn relations_read_from_both_ends() {
        let k = RelationKind::Finanzierung;
        assert_eq!(k.phrase(Direction::Forward, true), "finanziert");
        assert_eq!(k.phrase(Direction::Forward, false), "wird finanziert von");
        assert_eq!(k.phrase(Direction::Both, false), "Finanzierung wechselseitig mit");
        assert_eq!(RelationKind::Kooperation.phrase(Direction::Undirected, false), "kooperiert mit");
    }

    #[test]
    fn enum_keys_round_trip_and_match_the_file_format() {
        fn check<T: Copy + PartialEq + std::fmt::Debug + Serialize>(all: &[T], key: fn(T) -> &'static str, from: fn(&str) -> Option<T>) {
            for value in all {
                assert_eq!(from(key(*value)), Some(*value));
                assert_eq!(serde_json::to_value(value).unwrap(), serde_json::Value::String(key(*value).into()));
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
