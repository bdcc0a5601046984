//! Form drafts: what a form holds while the user types (plain strings), and
//! the rules that turn a draft into a valid record or into messages
//! next to the fields.

use crate::domain::data::from_json::FromJson;
use crate::domain::data::to_json::ToJson;
use crate::domain::model::*;
use crate::domain::order;
use crate::domain::rules::dates::{input_to_iso, show};
use crate::domain::rules::fields::{is_valid_date, is_valid_email, is_valid_phone, is_valid_since, normalise_website, FieldErrors};
use crate::domain::rules::text::{percent_decode as decode, percent_encode as encode};
use crate::domain::rules::text::{split_commas, split_lines};
use crate::i18n::Message;

/// Where an open form's unsaved input is kept for this browser tab, so that
/// a reload, Back or a language switch does not throw it away: one slot per
/// form, region and record (`entity` is `None` for a new one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSlot {
    pub form: String,
    pub region: Option<String>,
    pub entity: Option<String>,
}

/// Every slot's key starts so; then form, region and record, each
/// percent-encoded as in the address (so any id survives), "-" for none.
pub const DRAFT_PREFIX: &str = "netzwerkatlas.draft.";
/// Names the slot written last: the form a reload opens again.
pub const LAST_DRAFT_KEY: &str = "netzwerkatlas.draft-last";

impl DraftSlot {
    pub fn key(&self) -> String {
        let part = |value: Option<&str>| value.map_or_else(|| "-".to_owned(), |v| format!("~{}", encode(v)));
        format!("{DRAFT_PREFIX}{}/{}/{}", encode(&self.form), part(self.region.as_deref()), part(self.entity.as_deref()))
    }

    pub fn parse(key: &str) -> Option<DraftSlot> {
        let part = |text: &str| match text {
            "-" => Some(None),
            text => Some(Some(decode(text.strip_prefix('~')?)?)),
        };
        let mut parts = key.strip_prefix(DRAFT_PREFIX)?.split('/');
        let slot = DraftSlot { form: decode(parts.next()?)?, region: part(parts.next()?)?, entity: part(parts.next()?)? };
        parts.next().is_none().then_some(slot)
    }
}

/// Source of fresh ids; the browser passes one backed by `crypto.getRandomValues`.
pub trait IdSource {
    fn next_id(&mut self, prefix: &str) -> Id;
}

impl<F: FnMut(&str) -> Id> IdSource for F {
    fn next_id(&mut self, prefix: &str) -> Id {
        self(prefix)
    }
}

#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Default, ToJson, FromJson)]
#[serde(default)]
pub struct ActorDraft {
    pub name: String,
    pub kind: Option<ActorKind>,
    pub traeger: Option<Id>,
    pub rechtskreise: Vec<Rechtskreis>,
    pub sozialraeume: Vec<Id>,
    /// One per line.
    pub target_groups: String,
    /// One per line.
    pub offers: String,
    pub website: String,
    pub contacts: Vec<Contact>,
    /// Comma-separated.
    pub tags: String,
    pub notes: String,
}

impl ActorDraft {
    pub fn from_actor(actor: &Actor) -> ActorDraft {
        ActorDraft {
            name: actor.name.clone(),
            kind: Some(actor.kind),
            traeger: actor.traeger.clone(),
            rechtskreise: actor.rechtskreise.clone(),
            sozialraeume: actor.sozialraeume.clone(),
            target_groups: actor.target_groups.join("\n"),
            offers: actor.offers.join("\n"),
            website: actor.website.clone(),
            contacts: actor.contacts.clone(),
            tags: actor.tags.join(", "),
            notes: actor.notes.clone(),
        }
    }

    /// Builds the actor with id `id` (new or edited) for `region`.
    pub fn build(&self, id: Id, region: &Region) -> Result<Actor, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.insert("name".into(), Message::new(key!("form.name_required")));
        }
        if self.kind.is_none() {
            errors.insert("kind".into(), Message::new(key!("form.kind_required")));
        }
        let website = normalise_website(&self.website).unwrap_or_else(|message| {
            errors.insert("website".into(), message);
            String::new()
        });
        if let Some(traeger) = &self.traeger {
            if traeger == &id {
                errors.insert("traeger".into(), Message::new(key!("form.traeger_self")));
            } else if region.actor(traeger).is_none() {
                errors.insert("traeger".into(), Message::new(key!("form.traeger_gone")));
            } else if traeger_chain_reaches(region, traeger, &id) {
                errors.insert("traeger".into(), Message::new(key!("form.traeger_cycle")));
            }
        }
        let mut contacts = Vec::new();
        for (i, contact) in self.contacts.iter().enumerate() {
            let contact = Contact {
                name: contact.name.trim().to_owned(),
                role: contact.role.trim().to_owned(),
                email: contact.email.trim().to_owned(),
                phone: contact.phone.trim().to_owned(),
            };
            if contact == Contact::default() {
                continue;
            }
            if contact.name.is_empty() {
                errors.insert(format!("contact.{i}.name"), Message::new(key!("form.contact_name")));
            }
            if !contact.email.is_empty() && !is_valid_email(&contact.email) {
                errors.insert(format!("contact.{i}.email"), Message::new(key!("form.email")));
            }
            if !contact.phone.is_empty() && !is_valid_phone(&contact.phone) {
                errors.insert(format!("contact.{i}.phone"), Message::new(key!("form.phone")));
            }
            contacts.push(contact);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut rechtskreise = self.rechtskreise.clone();
        order::sort(&mut rechtskreise);
        rechtskreise.dedup();
        let sozialraeume = region.sozialraeume.iter().filter(|s| self.sozialraeume.contains(&s.id)).map(|s| s.id.clone()).collect();
        Ok(Actor {
            id,
            name: name.to_owned(),
            kind: self.kind.unwrap_or(ActorKind::Sonstige),
            traeger: self.traeger.clone(),
            rechtskreise,
            sozialraeume,
            target_groups: split_lines(&self.target_groups),
            offers: split_lines(&self.offers),
            website,
            contacts,
            tags: split_commas(&self.tags),
            notes: self.notes.trim().to_owned(),
        })
    }
}

/// Whether following Träger links upwards from `start` arrives at `target`.
fn traeger_chain_reaches(region: &Region, start: &Id, target: &Id) -> bool {
    let mut current = Some(start.clone());
    let mut steps = 0;
    while let Some(id) = current {
        if &id == target {
            return true;
        }
        steps += 1;
        if steps > region.actors.len() {
            return true;
        }
        current = region.actor(&id).and_then(|a| a.traeger.clone());
    }
    false
}

#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, ToJson, FromJson)]
pub struct RelationDraft {
    pub from: Option<Id>,
    pub to: Option<Id>,
    pub kind: RelationKind,
    pub direction: Direction,
    pub binding: Binding,
    pub since: String,
    pub notes: String,
}

impl Default for RelationDraft {
    fn default() -> Self {
        RelationDraft {
            from: None,
            to: None,
            kind: RelationKind::Kooperation,
            direction: Direction::Forward,
            binding: Binding::Regelmaessig,
            since: String::new(),
            notes: String::new(),
        }
    }
}

impl RelationDraft {
    pub fn from_relation(relation: &Relation) -> RelationDraft {
        RelationDraft {
            from: Some(relation.from.clone()),
            to: Some(relation.to.clone()),
            kind: relation.kind,
            direction: relation.direction,
            binding: relation.binding,
            since: show(&relation.since),
            notes: relation.notes.clone(),
        }
    }

    /// The direction that will be stored: none for mutual kinds, and a
    /// direction for kinds that need one.
    pub fn effective_direction(&self) -> Direction {
        self.kind.stored_direction(self.direction)
    }

    pub fn build(&self, id: Id, region: &Region) -> Result<Relation, FieldErrors> {
        let mut errors = FieldErrors::new();
        let from = self.from.clone().filter(|a| region.actor(a).is_some());
        let to = self.to.clone().filter(|a| region.actor(a).is_some());
        if from.is_none() {
            errors.insert("from".into(), Message::new(key!("form.from_required")));
        }
        if to.is_none() {
            errors.insert("to".into(), Message::new(key!("form.to_required")));
        }
        if let (Some(from), Some(to)) = (&from, &to) {
            if from == to {
                errors.insert("to".into(), Message::new(key!("form.two_actors")));
            } else if region.relations.iter().any(|r| r.id != id && r.kind == self.kind && r.links(from, to)) {
                errors.insert("kind".into(), Message::new(key!("form.relation_exists")).with("kind", self.kind.label()));
            }
        }
        if !is_valid_since(&self.since) {
            errors.insert("since".into(), Message::new(key!("form.since")));
        }
        match (from, to) {
            (Some(from), Some(to)) if errors.is_empty() => Ok(Relation {
                id,
                from,
                to,
                kind: self.kind,
                direction: self.effective_direction(),
                binding: self.binding,
                since: input_to_iso(&self.since),
                notes: self.notes.trim().to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

/// A journal entry's form holds the entry itself, its date as typed
/// ("14.10.2026"): the record's own serde keeps the draft over a reload.
impl JournalEntry {
    /// A new entry on `today` (ISO).
    pub fn draft_on(id: Id, today: &str) -> JournalEntry {
        JournalEntry {
            id,
            date: show(today),
            kind: EntryKind::Netzwerktreffen,
            title: String::new(),
            text: String::new(),
            actors: Vec::new(),
            groups: Vec::new(),
            programmes: Vec::new(),
        }
    }

    /// This entry as its form starts.
    pub fn as_draft(&self) -> JournalEntry {
        JournalEntry { date: show(&self.date), ..self.clone() }
    }

    /// The entry a draft makes, or the messages for its fields.
    pub fn from_draft(&self, region: &Region) -> Result<JournalEntry, FieldErrors> {
        let mut errors = FieldErrors::new();
        if !is_valid_date(self.date.trim()) {
            errors.insert("date".into(), Message::new(key!("form.meeting_date")));
        }
        if self.title.trim().is_empty() {
            errors.insert("title".into(), Message::new(key!("form.entry_title")));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // The region's order; links to actors or Gremien gone meanwhile are dropped.
        let actors = region.actors.iter().filter(|a| self.actors.contains(&a.id)).map(|a| a.id.clone()).collect();
        let groups = region.groups.iter().filter(|g| self.groups.contains(&g.id)).map(|g| g.id.clone()).collect();
        let programmes = region.programmes.iter().filter(|p| self.programmes.contains(&p.id)).map(|p| p.id.clone()).collect();
        Ok(JournalEntry {
            id: self.id.clone(),
            date: input_to_iso(self.date.trim()),
            kind: self.kind,
            title: self.title.trim().to_owned(),
            text: self.text.trim().to_owned(),
            actors,
            groups,
            programmes,
        })
    }
}

/// A programme's form holds the programme's details, its Laufzeit as typed
/// ("01.01.2015"); its Bausteine have a form of their own.
impl Programme {
    pub fn draft(id: Id) -> Programme {
        Programme {
            id,
            name: String::new(),
            funder: String::new(),
            start: String::new(),
            end: String::new(),
            goal: String::new(),
            target_group: String::new(),
            bausteine: Vec::new(),
        }
    }

    pub fn as_draft(&self) -> Programme {
        Programme { start: show(&self.start), end: show(&self.end), bausteine: Vec::new(), ..self.clone() }
    }

    /// The programme's details a draft makes, or the messages for its fields.
    pub fn from_draft(&self) -> Result<Programme, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.name.trim().is_empty() {
            errors.insert("name".into(), Message::new(key!("form.name_required")));
        }
        let (start, end) = (self.start.trim(), self.end.trim());
        for (field, value) in [("start", start), ("end", end)] {
            if !value.is_empty() && !is_valid_date(value) {
                errors.insert(field.into(), Message::new(key!("form.meeting_date")));
            }
        }
        let (start, end) = (input_to_iso(start), input_to_iso(end));
        if !errors.contains_key("start") && !errors.contains_key("end") && !start.is_empty() && !end.is_empty() && end < start {
            errors.insert("end".into(), Message::new(key!("form.end_before_start")));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let text = |s: &String| s.trim().to_owned();
        Ok(Programme {
            id: self.id.clone(),
            name: text(&self.name),
            funder: text(&self.funder),
            start,
            end,
            goal: text(&self.goal),
            target_group: text(&self.target_group),
            bausteine: Vec::new(),
        })
    }
}

/// A Baustein's form holds the Baustein itself.
impl Baustein {
    pub fn draft(id: Id) -> Baustein {
        Baustein { id, name: String::new(), traeger: None, partners: Vec::new(), sozialraeume: Vec::new() }
    }

    /// The Baustein a draft makes (links in the region's order, those gone
    /// meanwhile dropped), or the message for its name.
    pub fn from_draft(&self, region: &Region) -> Result<Baustein, FieldErrors> {
        if self.name.trim().is_empty() {
            let mut errors = FieldErrors::new();
            errors.insert("name".into(), Message::new(key!("form.name_required")));
            return Err(errors);
        }
        let traeger = self.traeger.clone().filter(|t| region.actor(t).is_some());
        let partners = region
            .actors
            .iter()
            .filter(|a| self.partners.contains(&a.id) && Some(&a.id) != traeger.as_ref())
            .map(|a| a.id.clone())
            .collect();
        let sozialraeume = region.sozialraeume.iter().filter(|s| self.sozialraeume.contains(&s.id)).map(|s| s.id.clone()).collect();
        Ok(Baustein { id: self.id.clone(), name: self.name.trim().to_owned(), traeger, partners, sozialraeume })
    }
}

#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, ToJson, FromJson)]
pub struct GroupDraft {
    pub name: String,
    pub kind: GroupKind,
    pub members: Vec<Id>,
    pub meetings: Vec<Meeting>,
    pub notes: String,
}

impl Default for GroupDraft {
    fn default() -> Self {
        GroupDraft { name: String::new(), kind: GroupKind::Arbeitskreis, members: Vec::new(), meetings: Vec::new(), notes: String::new() }
    }
}

impl GroupDraft {
    pub fn from_group(group: &Group) -> GroupDraft {
        GroupDraft {
            name: group.name.clone(),
            kind: group.kind,
            members: group.members.clone(),
            meetings: group.meetings.iter().map(|m| Meeting { date: show(&m.date), topic: m.topic.clone() }).collect(),
            notes: group.notes.clone(),
        }
    }

    pub fn build(&self, id: Id, region: &Region) -> Result<Group, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.name.trim().is_empty() {
            errors.insert("name".into(), Message::new(key!("form.group_name")));
        }
        let mut meetings = Vec::new();
        for (i, meeting) in self.meetings.iter().enumerate() {
            let date = meeting.date.trim();
            let topic = meeting.topic.trim();
            if date.is_empty() && topic.is_empty() {
                continue;
            }
            if !is_valid_date(date) {
                errors.insert(format!("meeting.{i}.date"), Message::new(key!("form.meeting_date")));
            }
            meetings.push(Meeting { date: input_to_iso(date), topic: topic.to_owned() });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        order::sort_by(&mut meetings, |a, b| a.date.cmp(&b.date));
        // Keep the region's order of actors, drop unknown or repeated members.
        let members = region.actors.iter().filter(|a| self.members.contains(&a.id)).map(|a| a.id.clone()).collect();
        Ok(Group { id, name: self.name.trim().to_owned(), kind: self.kind, members, meetings, notes: self.notes.trim().to_owned() })
    }
}

/// One Sozialraum row of the region form. `id` is empty for a new one.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Default, ToJson, FromJson)]
#[serde(default)]
pub struct SozialraumDraft {
    pub id: Option<Id>,
    pub name: String,
    /// Comma-separated Städte and Gemeinden.
    pub gemeinden: String,
}

#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Default, ToJson, FromJson)]
#[serde(default)]
pub struct RegionDraft {
    pub name: String,
    pub kind: RegionKind,
    pub sozialraeume: Vec<SozialraumDraft>,
    pub notes: String,
}

impl RegionDraft {
    pub fn from_region(region: &Region) -> RegionDraft {
        RegionDraft {
            name: region.name.clone(),
            kind: region.kind,
            sozialraeume: region
                .sozialraeume
                .iter()
                .map(|s| SozialraumDraft { id: Some(s.id.clone()), name: s.name.clone(), gemeinden: s.gemeinden.join(", ") })
                .collect(),
            notes: region.notes.clone(),
        }
    }

    /// The region's name, kind and Sozialräume; actors and relations are
    /// kept by the caller (see `Region::apply_structure`).
    pub fn build(&self, ids: &mut impl IdSource) -> Result<(String, RegionKind, Vec<Sozialraum>, String), FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.name.trim().is_empty() {
            errors.insert("name".into(), Message::new(key!("form.region_name")));
        }
        let mut seen = Vec::new();
        let mut sozialraeume = Vec::new();
        for (i, row) in self.sozialraeume.iter().enumerate() {
            let name = row.name.trim();
            if name.is_empty() && row.gemeinden.trim().is_empty() {
                continue;
            }
            if name.is_empty() {
                errors.insert(format!("sozialraum.{i}.name"), Message::new(key!("form.sozialraum_name")));
                continue;
            }
            let folded = crate::domain::rules::text::fold(name);
            if seen.contains(&folded) {
                errors.insert(format!("sozialraum.{i}.name"), Message::new(key!("form.sozialraum_twice")));
                continue;
            }
            seen.push(folded);
            sozialraeume.push(Sozialraum {
                id: row.id.clone().unwrap_or_else(|| ids.next_id("sr")),
                name: name.to_owned(),
                gemeinden: split_commas(&row.gemeinden),
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok((self.name.trim().to_owned(), self.kind, sozialraeume, self.notes.trim().to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region() -> Region {
        let mut r = Region::new(Id("r".into()), "Testkreis", RegionKind::Landkreis);
        r.sozialraeume.push(Sozialraum { id: Id("s1".into()), name: "Nord".into(), gemeinden: vec![] });
        r.actors.push(Actor::new(Id("a".into()), "Lebenshilfe", ActorKind::Traeger));
        r.actors.push(Actor::new(Id("b".into()), "Werkstatt", ActorKind::Wfbm));
        r.relations.push(Relation {
            id: Id("rel".into()),
            from: Id("a".into()),
            to: Id("b".into()),
            kind: RelationKind::Traegerschaft,
            direction: Direction::Forward,
            binding: Binding::Vertrag,
            since: String::new(),
            notes: String::new(),
        });
        r
    }

    fn actor_draft(name: &str) -> ActorDraft {
        ActorDraft { name: name.into(), kind: Some(ActorKind::Verein), ..ActorDraft::default() }
    }

    #[test]
    fn actor_needs_a_name_and_a_kind() {
        let errors = ActorDraft::default().build(Id("n".into()), &region()).unwrap_err();
        assert_eq!(errors["name"].text(), "Bitte einen Namen eingeben.");
        assert!(errors.contains_key("kind"));
        let errors = actor_draft("   ").build(Id("n".into()), &region()).unwrap_err();
        assert!(errors.contains_key("name"));
    }

    #[test]
    fn actor_fields_are_trimmed_and_split() {
        let mut d = actor_draft("  TSV Erlenbach ");
        d.target_groups = "Jugendliche\n\n Geflüchtete ".into();
        d.tags = "Sport, Ehrenamt,".into();
        d.website = "www.tsv.example".into();
        d.sozialraeume = vec![Id("s1".into()), Id("gone".into())];
        d.rechtskreise = vec![Rechtskreis::SgbVIII, Rechtskreis::SgbII, Rechtskreis::SgbVIII];
        let a = d.build(Id("n".into()), &region()).unwrap();
        assert_eq!(a.name, "TSV Erlenbach");
        assert_eq!(a.target_groups, vec!["Jugendliche", "Geflüchtete"]);
        assert_eq!(a.tags, vec!["Sport", "Ehrenamt"]);
        assert_eq!(a.website, "https://www.tsv.example");
        assert_eq!(a.sozialraeume, vec![Id("s1".into())]);
        assert_eq!(a.rechtskreise, vec![Rechtskreis::SgbII, Rechtskreis::SgbVIII]);
    }

    #[test]
    fn actor_contacts_are_checked_and_blank_rows_dropped() {
        let mut d = actor_draft("X");
        d.contacts = vec![
            Contact { name: "Anna".into(), email: "anna(at)x.de".into(), ..Contact::default() },
            Contact::default(),
            Contact { email: "b@x.de".into(), phone: "abc".into(), ..Contact::default() },
        ];
        let errors = d.build(Id("n".into()), &region()).unwrap_err();
        assert!(errors["contact.0.email"].text().contains("gültige E-Mail"));
        assert!(errors.contains_key("contact.2.name"));
        assert!(errors.contains_key("contact.2.phone"));
        d.contacts = vec![Contact { name: "Anna".into(), email: "anna@x.de".into(), ..Contact::default() }, Contact::default()];
        assert_eq!(d.build(Id("n".into()), &region()).unwrap().contacts.len(), 1);
    }

    #[test]
    fn actor_website_rejects_script_links() {
        let mut d = actor_draft("X");
        d.website = "javascript:alert(1)".into();
        assert!(d.build(Id("n".into()), &region()).unwrap_err().contains_key("website"));
    }

    #[test]
    fn traeger_cannot_be_self_or_a_cycle() {
        let mut r = region();
        r.actors[1].traeger = Some(Id("a".into()));
        let mut d = ActorDraft::from_actor(&r.actors[0]);
        d.traeger = Some(Id("a".into()));
        assert!(d.build(Id("a".into()), &r).unwrap_err()["traeger"].text().contains("eigener"));
        d.traeger = Some(Id("b".into()));
        assert!(d.build(Id("a".into()), &r).unwrap_err()["traeger"].text().contains("Kreis"));
        d.traeger = Some(Id("missing".into()));
        assert!(d.build(Id("a".into()), &r).is_err());
    }

    #[test]
    fn relation_rules() {
        let r = region();
        let mut d = RelationDraft { from: Some(Id("a".into())), to: Some(Id("a".into())), ..RelationDraft::default() };
        assert!(d.build(Id("n".into()), &r).unwrap_err()["to"].text().contains("zwei verschiedene"));
        d.to = None;
        assert!(d.build(Id("n".into()), &r).unwrap_err().contains_key("to"));
        // Same kind, other order: a duplicate.
        d = RelationDraft {
            from: Some(Id("b".into())),
            to: Some(Id("a".into())),
            kind: RelationKind::Traegerschaft,
            ..RelationDraft::default()
        };
        assert!(d.build(Id("n".into()), &r).unwrap_err()["kind"].text().contains("schon eine Beziehung"));
        // Editing the existing relation itself is not a duplicate.
        assert!(d.build(Id("rel".into()), &r).is_ok());
        // Another kind between the same pair is fine.
        d.kind = RelationKind::Kooperation;
        let rel = d.build(Id("n".into()), &r).unwrap();
        assert_eq!(rel.direction, Direction::Undirected, "cooperation has no direction");
        d.kind = RelationKind::Weiterleitung;
        d.direction = Direction::Undirected;
        assert_eq!(d.build(Id("n".into()), &r).unwrap().direction, Direction::Forward);
        d.since = "letztes Jahr".into();
        assert!(d.build(Id("n".into()), &r).unwrap_err().contains_key("since"));
        // Typed as Germans write it, kept as ISO, shown again as typed.
        d.since = "01.09.2019".into();
        let rel = d.build(Id("n".into()), &r).unwrap();
        assert_eq!(rel.since, "2019-09-01");
        crate::i18n::set_lang(crate::i18n::Lang::GERMAN);
        assert_eq!(RelationDraft::from_relation(&rel).since, "01.09.2019");
    }

    #[test]
    fn group_keeps_known_members_and_sorted_meetings() {
        let r = region();
        let d = GroupDraft {
            name: "AK Übergang".into(),
            members: vec![Id("b".into()), Id("zzz".into()), Id("a".into())],
            meetings: vec![
                Meeting { date: "01.03.2025".into(), topic: "B".into() },
                Meeting::default(),
                Meeting { date: "2024-11-01".into(), topic: "A".into() },
            ],
            ..GroupDraft::default()
        };
        let g = d.build(Id("g".into()), &r).unwrap();
        assert_eq!(g.members, vec![Id("a".into()), Id("b".into())]);
        assert_eq!(g.meetings[0].topic, "A");
        assert_eq!(g.meetings[1].date, "2025-03-01", "German input is kept as ISO and sorts");
        assert_eq!(g.meetings.len(), 2);
        let bad = GroupDraft { meetings: vec![Meeting { date: "morgen".into(), topic: "x".into() }], ..d };
        assert!(bad.build(Id("g".into()), &r).unwrap_err().contains_key("meeting.0.date"));
    }

    #[test]
    fn journal_entry_needs_a_date_and_a_title_and_keeps_only_known_links() {
        let mut r = region();
        r.groups.push(Group {
            id: Id("gr".into()),
            name: "AK".into(),
            kind: GroupKind::Arbeitskreis,
            members: Vec::new(),
            meetings: Vec::new(),
            notes: String::new(),
        });
        let new = JournalEntry::draft_on(Id("e".into()), "2026-12-04");
        let empty = JournalEntry { date: "31.02.2026".into(), ..new.clone() };
        let errors = empty.from_draft(&r).unwrap_err();
        assert!(errors.contains_key("date") && errors.contains_key("title"), "{errors:?}");
        assert_eq!(new.date, "04.12.2026");
        let d = JournalEntry {
            title: "  Kooperationsvertrag unterzeichnet ".into(),
            date: "14.10.2026".into(),
            kind: EntryKind::Vereinbarung,
            actors: vec![Id("b".into()), Id("gone".into()), Id("a".into())],
            groups: vec![Id("gr".into()), Id("gone".into())],
            ..new
        };
        let entry = d.from_draft(&r).unwrap();
        assert_eq!(
            (entry.date.as_str(), entry.title.as_str(), entry.kind),
            ("2026-10-14", "Kooperationsvertrag unterzeichnet", EntryKind::Vereinbarung)
        );
        assert_eq!(entry.actors, vec![Id("a".into()), Id("b".into())]);
        assert_eq!(entry.groups, vec![Id("gr".into())]);
        assert_eq!(entry.as_draft().from_draft(&r).unwrap(), entry, "the form gives back what it was given");
    }

    #[test]
    fn region_draft_keeps_ids_and_rejects_duplicates() {
        let mut counter = 0;
        let mut ids = |p: &str| {
            counter += 1;
            Id(format!("{p}-{counter}"))
        };
        let mut d = RegionDraft::from_region(&region());
        d.sozialraeume.push(SozialraumDraft { id: None, name: "Süd".into(), gemeinden: "A, B".into() });
        let (_, _, s, _) = d.build(&mut ids).unwrap();
        assert_eq!(s[0].id, Id("s1".into()));
        assert_eq!(s[1].id, Id("sr-1".into()));
        assert_eq!(s[1].gemeinden, vec!["A", "B"]);
        d.sozialraeume.push(SozialraumDraft { id: None, name: "süd".into(), gemeinden: String::new() });
        assert!(d.build(&mut ids).unwrap_err().contains_key("sozialraum.2.name"));
        d.name = String::new();
        assert!(d.build(&mut ids).unwrap_err().contains_key("name"));
    }

    #[test]
    fn a_draft_slot_names_form_region_and_record_and_reads_back() {
        let slot = DraftSlot { form: "actor".into(), region: Some("reg|1".into()), entity: Some("a\"b".into()) };
        assert!(slot.key().starts_with(DRAFT_PREFIX));
        assert_eq!(DraftSlot::parse(&slot.key()), Some(slot.clone()));
        let new = DraftSlot { entity: None, ..slot.clone() };
        assert_ne!(new.key(), slot.key(), "a new record and an edited one keep apart");
        assert_eq!(DraftSlot::parse("netzwerkatlas.workspace"), None);
        assert_eq!(DraftSlot::parse(&format!("{DRAFT_PREFIX}kaputt")), None);
        let empty = DraftSlot { form: "actor".into(), region: Some(String::new()), entity: None };
        assert_eq!(DraftSlot::parse(&empty.key()), Some(empty), "an empty id is not no id");
    }

    #[test]
    fn every_draft_survives_being_written_as_text() {
        let actor =
            ActorDraft { name: "Tafel".into(), kind: Some(ActorKind::Verein), contacts: vec![Contact::default()], ..ActorDraft::default() };
        let text = crate::domain::data::to_json::text(&actor);
        assert_eq!(crate::domain::data::from_json::from_text::<ActorDraft>(&text).unwrap(), actor);
        let group = GroupDraft { meetings: vec![Meeting { date: "03.12.2026".into(), topic: "Auftakt".into() }], ..GroupDraft::default() };
        assert_eq!(crate::domain::data::from_json::from_text::<GroupDraft>(&crate::domain::data::to_json::text(&group)).unwrap(), group);
        let relation = RelationDraft { since: "05.2024".into(), ..RelationDraft::default() };
        assert_eq!(
            crate::domain::data::from_json::from_text::<RelationDraft>(&crate::domain::data::to_json::text(&relation)).unwrap(),
            relation
        );
    }
}
