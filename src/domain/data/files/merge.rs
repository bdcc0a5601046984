//! Merging a region from a file into one of the user's regions. The same
//! actor (same ID, or a very similar name) is matched; where the two differ,
//! the plan lists each field side by side and the user picks which value to
//! keep. Nothing changes without a choice: by default the user's own values stay.

use crate::domain::hashing::{HashMap, HashSet};

use crate::domain::model::checklist::{status_label, Checklist};
use crate::domain::model::{Actor, Group, Id, Placement, Region, Relation};
use crate::domain::rules::integrity::repair_region;
use crate::domain::rules::names::{name_key, similar_keys};
use crate::domain::rules::text::fold;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchReason {
    SameId,
    SimilarName,
}

/// One field whose values differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDiff {
    pub key: &'static str,
    pub label: &'static str,
    pub ours: String,
    pub theirs: String,
}

/// A record of the file matched to one of the user's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matched {
    pub ours: Id,
    pub theirs: Id,
    pub name_ours: String,
    pub name_theirs: String,
    pub reason: MatchReason,
    pub diffs: Vec<FieldDiff>,
    /// What differs inside (for checklists: item by item, old → new), in the UI's language.
    pub details: Vec<String>,
    /// The file's state was changed later than the own one (checklists).
    pub theirs_newer: bool,
}

/// What merging would do, shown before anything changes.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MergePlan {
    pub actors: Vec<Matched>,
    pub new_actors: Vec<String>,
    pub relations: Vec<Matched>,
    pub new_relations: usize,
    pub groups: Vec<Matched>,
    pub new_groups: Vec<String>,
    /// Checklists with the same ID whose content differs (one "field": the whole checklist).
    pub checklists: Vec<Matched>,
    pub new_checklists: Vec<String>,
    pub new_sozialraeume: Vec<String>,
}

impl MergePlan {
    /// The sentences of the preview.
    pub fn summary(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let same = |v: &[Matched]| v.iter().filter(|m| m.diffs.is_empty()).count();
        let differ = |v: &[Matched]| v.iter().filter(|m| !m.diffs.is_empty()).count();
        lines.push(tr!("merge.actors", new = self.new_actors.len(), same = same(&self.actors), differ = differ(&self.actors)));
        lines.push(tr!("merge.relations", new = self.new_relations, same = same(&self.relations), differ = differ(&self.relations)));
        if !self.new_groups.is_empty() || !self.groups.is_empty() {
            lines.push(tr!("merge.groups", new = self.new_groups.len(), same = self.groups.len()));
        }
        if !self.new_checklists.is_empty() || !self.checklists.is_empty() {
            lines.push(tr!("merge.checklists", new = self.new_checklists.len(), differ = self.checklists.len()));
        }
        let newer = self.checklists.iter().filter(|m| m.theirs_newer).count();
        if newer > 0 {
            lines.push(tr!("merge.checklists_newer", n = newer));
        }
        if !self.new_sozialraeume.is_empty() {
            lines.push(tr!("merge.sozialraeume", names = self.new_sozialraeume.join(", ")));
        }
        lines
    }

    /// For a file shared without personal data: its empty contact persons
    /// and notes are gaps, not different values, and ask for no decision.
    pub fn without_personal_gaps(self) -> MergePlan {
        let personal = [ActorField::Contacts.key(), ActorField::Notes.key(), RelationField::Notes.key(), GroupField::Notes.key()];
        self.without_empty(|key| personal.contains(&key))
    }

    /// For a list of another program: what it leaves empty it does not
    /// know, and asks for no decision.
    pub fn without_gaps(self) -> MergePlan {
        self.without_empty(|_| true)
    }

    /// The plan without the differences where the file's value of a field
    /// that `gap` names is empty.
    fn without_empty(mut self, gap: impl Fn(&'static str) -> bool) -> MergePlan {
        for matched in self.actors.iter_mut().chain(&mut self.relations).chain(&mut self.groups) {
            matched.diffs.retain(|d| !(gap(d.key) && d.theirs.is_empty()));
        }
        self
    }

    /// What is chosen before the user chooses: the own values, except for a
    /// checklist the file holds in a newer state (a colleague's updated
    /// file), where keeping the old state would leave stale figures.
    pub fn default_choices(&self) -> MergeChoices {
        let take_theirs = self.checklists.iter().filter(|m| m.theirs_newer).map(|m| (m.ours.clone(), CHECKLIST_KEY)).collect();
        MergeChoices { take_theirs, ..MergeChoices::default() }
    }

    /// Every match whose values differ, where the user has something to decide.
    pub fn decisions(&self) -> impl Iterator<Item = &Matched> {
        self.actors.iter().chain(&self.relations).chain(&self.groups).chain(&self.checklists).filter(|m| !m.diffs.is_empty())
    }
}

/// The user's choices. By default the own values stay.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct MergeChoices {
    /// (own record id, field key) where the file's value is taken.
    pub take_theirs: HashSet<(Id, &'static str)>,
    /// Name matches the user rejected: the file's actor is added as another actor.
    pub separate: HashSet<Id>,
}

/// Declares the fields of one kind of record that a merge compares, with
/// their stable key (used in choices and by the UI) and their label.
macro_rules! merge_fields {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $key:literal, $label:expr),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum $name { $($variant),+ }

        impl $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];

            fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// In the UI's language.
            fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }
    };
}

merge_fields! {
    /// An actor's fields a merge offers to take from a file.
    ActorField {
        Name => "name", t!("common.name"),
        Kind => "kind", t!("region.kind"),
        Traeger => "traeger", t!("actor.traeger"),
        Rechtskreise => "rechtskreise", t!("actors.rechtskreise"),
        Sozialraeume => "sozialraeume", t!("region.sozialraeume"),
        TargetGroups => "target_groups", t!("actor.target_groups"),
        Offers => "offers", t!("actor.offers"),
        Website => "website", t!("actor.website"),
        Contacts => "contacts", t!("actor.contacts"),
        Tags => "tags", t!("actor.tags"),
        Notes => "notes", t!("common.notes"),
    }
}

merge_fields! {
    /// A relation's fields a merge offers to take (its ends and kind identify it).
    RelationField {
        Direction => "direction", t!("relations.direction"),
        Binding => "binding", t!("relations.binding"),
        Since => "since", t!("relations.since"),
        Notes => "notes", t!("common.notes"),
    }
}

merge_fields! {
    /// A Gremium's fields a merge offers to take (members and meetings add up).
    GroupField {
        Name => "name", t!("common.name"),
        Kind => "kind", t!("region.kind"),
        Notes => "notes", t!("common.notes"),
    }
}

// Each `read` destructures the whole record without `..`: a field added to
// `Actor`, `Relation` or `Group` does not compile until it is decided here,
// either merged (a variant above) or named as never merged.

impl ActorField {
    /// How the field reads, with references as names (of `region`).
    fn read(self, region: &Region, actor: &Actor) -> String {
        let Actor { id: _, name, kind, traeger, rechtskreise, sozialraeume, target_groups, offers, website, contacts, tags, notes } = actor;
        match self {
            ActorField::Name => name.clone(),
            ActorField::Kind => kind.label().to_owned(),
            ActorField::Traeger => traeger.as_ref().map(|t| region.actor_name(t)).unwrap_or_default(),
            ActorField::Rechtskreise => rechtskreise.iter().map(|r| r.short()).collect::<Vec<_>>().join(", "),
            ActorField::Sozialraeume => {
                sozialraeume.iter().filter_map(|s| region.sozialraum(s)).map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ")
            }
            ActorField::TargetGroups => target_groups.join(", "),
            ActorField::Offers => offers.join(", "),
            ActorField::Website => website.clone(),
            ActorField::Contacts => contacts
                .iter()
                .map(|c| {
                    [c.name.as_str(), &c.role, &c.email, &c.phone].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")
                })
                .collect::<Vec<_>>()
                .join("; "),
            ActorField::Tags => tags.join(", "),
            ActorField::Notes => notes.clone(),
        }
    }

    /// Copies the field; references in `from` already point at the own region.
    fn copy(self, to: &mut Actor, from: &Actor) {
        match self {
            ActorField::Name => to.name = from.name.clone(),
            ActorField::Kind => to.kind = from.kind,
            ActorField::Traeger => to.traeger = from.traeger.clone(),
            ActorField::Rechtskreise => to.rechtskreise = from.rechtskreise.clone(),
            ActorField::Sozialraeume => to.sozialraeume = from.sozialraeume.clone(),
            ActorField::TargetGroups => to.target_groups = from.target_groups.clone(),
            ActorField::Offers => to.offers = from.offers.clone(),
            ActorField::Website => to.website = from.website.clone(),
            ActorField::Contacts => to.contacts = from.contacts.clone(),
            ActorField::Tags => to.tags = from.tags.clone(),
            ActorField::Notes => to.notes = from.notes.clone(),
        }
    }
}

impl RelationField {
    fn read(self, relation: &Relation) -> String {
        // id, ends and kind identify a relation: they are matched, not merged.
        let Relation { id: _, from: _, to: _, kind: _, direction, binding, since, notes } = relation;
        match self {
            RelationField::Direction => direction.label().to_owned(),
            RelationField::Binding => binding.label().to_owned(),
            RelationField::Since => since.clone(),
            RelationField::Notes => notes.clone(),
        }
    }

    fn copy(self, to: &mut Relation, from: &Relation) {
        match self {
            RelationField::Direction => to.direction = from.direction,
            RelationField::Binding => to.binding = from.binding,
            RelationField::Since => to.since = from.since.clone(),
            RelationField::Notes => to.notes = from.notes.clone(),
        }
    }
}

impl GroupField {
    fn read(self, group: &Group) -> String {
        // Members and meetings add up in `apply_merge` instead of being chosen.
        let Group { id: _, name, kind, members: _, meetings: _, notes } = group;
        match self {
            GroupField::Name => name.clone(),
            GroupField::Kind => kind.label().to_owned(),
            GroupField::Notes => notes.clone(),
        }
    }

    fn copy(self, to: &mut Group, from: &Group) {
        match self {
            GroupField::Name => to.name = from.name.clone(),
            GroupField::Kind => to.kind = from.kind,
            GroupField::Notes => to.notes = from.notes.clone(),
        }
    }
}

/// The key of the one decision a checklist asks: whose state applies.
pub const CHECKLIST_KEY: &str = "checklist";

/// When anything in the checklist last changed (ISO, comparable as text).
fn last_change(checklist: &Checklist) -> &str {
    checklist.items().map(|i| i.changed_at.as_str()).max().unwrap_or("")
}

/// Item by item, what the file's checklist holds otherwise: "Kooperation mit
/// der ABH: Nein → Bereits umgesetzt".
fn item_changes(ours: &Checklist, theirs: &Checklist) -> Vec<String> {
    let mut lines = Vec::new();
    for their in theirs.items() {
        match ours.items().find(|o| o.id == their.id) {
            None => lines.push(tr!("merge.item_added", item = their.text)),
            Some(own) if own.status != their.status => {
                lines.push(tr!("merge.item_status", item = their.text, from = status_label(own.status), to = status_label(their.status)))
            }
            Some(own) if own != their => lines.push(tr!("merge.item_other", item = their.text)),
            Some(_) => {}
        }
    }
    for own in ours.items().filter(|o| theirs.items().all(|t| t.id != o.id)) {
        lines.push(tr!("merge.item_removed", item = own.text));
    }
    lines
}

fn checklist_state(checklist: &Checklist) -> String {
    let answered = checklist.items().filter(|i| i.status.is_some() || !i.answers.is_empty()).count();
    let changed = last_change(checklist);
    let mut text = tr!("merge.answered", answered = answered, total = checklist.items().count());
    if !changed.is_empty() {
        text.push_str(", ");
        text.push_str(&tr!("merge.changed", date = crate::domain::rules::dates::show(changed)));
    }
    text
}

fn diffs<F: Copy>(
    fields: &[F],
    key: fn(F) -> &'static str,
    label: fn(F) -> &'static str,
    read: impl Fn(F) -> (String, String),
) -> Vec<FieldDiff> {
    fields
        .iter()
        .filter_map(|&field| {
            let (ours, theirs) = read(field);
            (ours != theirs).then(|| FieldDiff { key: key(field), label: label(field), ours, theirs })
        })
        .collect()
}

/// The file's region with every reference pointing at the own region's
/// records where they were matched (`separate` name matches excepted).
struct Mapped {
    region: Region,
    matches: Vec<(Id, Id, MatchReason)>,
    new_sozialraeume: Vec<String>,
}

fn map_onto(ours: &Region, theirs: &Region, separate: &HashSet<Id>) -> Mapped {
    // Sozialräume: same ID or same name.
    let mut sozialraum_map: HashMap<Id, Id> = HashMap::default();
    let mut new_sozialraeume = Vec::new();
    for s in &theirs.sozialraeume {
        match ours.sozialraeume.iter().find(|o| o.id == s.id || fold(&o.name) == fold(&s.name)) {
            Some(o) => {
                sozialraum_map.insert(s.id.clone(), o.id.clone());
            }
            None => new_sozialraeume.push(s.name.clone()),
        }
    }
    // Actors: same ID first, then a similar name among those not yet matched.
    let mut actor_map: HashMap<Id, Id> = HashMap::default();
    let mut matches = Vec::new();
    let mut taken: HashSet<&Id> = HashSet::default();
    let own_ids: HashSet<&Id> = ours.actors.iter().map(|a| &a.id).collect();
    for actor in &theirs.actors {
        if own_ids.contains(&actor.id) {
            actor_map.insert(actor.id.clone(), actor.id.clone());
            taken.insert(&actor.id);
            matches.push((actor.id.clone(), actor.id.clone(), MatchReason::SameId));
        }
    }
    let by_key: HashMap<String, Vec<&Actor>> = ours.actors.iter().fold(HashMap::default(), |mut map, a| {
        map.entry(name_key(&a.name)).or_default().push(a);
        map
    });
    let same_id: HashSet<Id> = actor_map.keys().cloned().collect();
    // Each own name's key made once, not once per actor of the file (5,000 × 5,000).
    let own_keys: Vec<(&Actor, String)> = ours.actors.iter().map(|a| (a, name_key(&a.name))).collect();
    for actor in theirs.actors.iter().filter(|a| !same_id.contains(&a.id)) {
        let key = name_key(&actor.name);
        let exact = by_key.get(&key).and_then(|found| found.iter().find(|o| !taken.contains(&o.id)).copied());
        let found = exact.or_else(|| own_keys.iter().find(|(o, own)| !taken.contains(&o.id) && similar_keys(own, &key)).map(|(o, _)| *o));
        if let Some(own) = found {
            taken.insert(&own.id);
            matches.push((own.id.clone(), actor.id.clone(), MatchReason::SimilarName));
            if !separate.contains(&actor.id) {
                actor_map.insert(actor.id.clone(), own.id.clone());
            }
        }
    }
    let actor = |id: &Id| actor_map.get(id).cloned().unwrap_or_else(|| id.clone());
    let mut region = theirs.clone();
    region.sozialraeume.retain(|s| !sozialraum_map.contains_key(&s.id));
    for a in &mut region.actors {
        a.traeger = a.traeger.as_ref().map(&actor);
        for s in &mut a.sozialraeume {
            if let Some(o) = sozialraum_map.get(s) {
                *s = o.clone();
            }
        }
    }
    for r in &mut region.relations {
        r.from = actor(&r.from);
        r.to = actor(&r.to);
    }
    for g in &mut region.groups {
        g.members = g.members.iter().map(&actor).collect();
    }
    for item in region.checklists.iter_mut().flat_map(|c| c.sections.iter_mut()).flat_map(|s| s.items.iter_mut()) {
        item.responsible = item.responsible.iter().map(&actor).collect();
        for answer in &mut item.answers {
            answer.actors = answer.actors.iter().map(&actor).collect();
        }
    }
    // The own Sozialräume are needed to read mapped references by name.
    region.sozialraeume.extend(ours.sozialraeume.iter().cloned());
    Mapped { region, matches, new_sozialraeume }
}

/// The own relations by the lesser of their ends, each chained to the next
/// with that end, so that each of the file's relations is found among the
/// few of one actor, not by a search of all of them.
struct Relations<'a> {
    region: &'a Region,
    first: HashMap<&'a Id, usize>,
    next: Vec<usize>,
}

impl<'a> Relations<'a> {
    fn of(region: &'a Region) -> Relations<'a> {
        let (mut first, mut next) = (HashMap::default(), vec![usize::MAX; region.relations.len()]);
        // Backwards, so that each chain runs in the region's order.
        for (i, r) in region.relations.iter().enumerate().rev() {
            if let Some(later) = first.insert(std::cmp::min(&r.from, &r.to), i) {
                next[i] = later;
            }
        }
        Relations { region, first, next }
    }

    /// The own relation a file's relation is: between the same actors, the
    /// one with its ID, else the first of its kind.
    fn find(&self, theirs: &Relation) -> Option<&'a Relation> {
        let mut at = self.first.get(std::cmp::min(&theirs.from, &theirs.to)).copied().unwrap_or(usize::MAX);
        let mut between = Vec::new();
        while let Some(own) = self.region.relations.get(at) {
            if own.links(&theirs.from, &theirs.to) {
                between.push(own);
            }
            at = self.next[at];
        }
        between.iter().find(|o| o.id == theirs.id).or_else(|| between.iter().find(|o| o.kind == theirs.kind)).copied()
    }
}

fn find_group<'a>(ours: &'a Region, theirs: &Group) -> Option<&'a Group> {
    ours.group(&theirs.id).or_else(|| ours.groups.iter().find(|o| fold(&o.name) == fold(&theirs.name)))
}

/// What merging `theirs` into `ours` would do.
pub fn plan_merge(ours: &Region, theirs: &Region) -> MergePlan {
    let mut mapped = map_onto(ours, theirs, &HashSet::default());
    // References of the file now point at own actors; to read them by name,
    // the own actors join the file's region (for display only).
    let known: HashSet<Id> = mapped.region.actors.iter().map(|a| a.id.clone()).collect();
    mapped.region.actors.extend(ours.actors.iter().filter(|a| !known.contains(&a.id)).cloned());
    let mut plan = MergePlan { new_sozialraeume: mapped.new_sozialraeume, ..MergePlan::default() };
    // Actors by ID, found once each rather than searched for each match.
    let own_actors: HashMap<&Id, &Actor> = ours.actors.iter().map(|a| (&a.id, a)).collect();
    let their_actors: HashMap<&Id, &Actor> = mapped.region.actors.iter().map(|a| (&a.id, a)).collect();
    for (own_id, their_id, reason) in &mapped.matches {
        let (own, their) = (own_actors[own_id], their_actors[their_id]);
        plan.actors.push(Matched {
            ours: own_id.clone(),
            theirs: their_id.clone(),
            name_ours: own.name.clone(),
            name_theirs: their.name.clone(),
            reason: *reason,
            diffs: diffs(ActorField::ALL, ActorField::key, ActorField::label, |f| (f.read(ours, own), f.read(&mapped.region, their))),
            details: Vec::new(),
            theirs_newer: false,
        });
    }
    let matched: HashSet<&Id> = mapped.matches.iter().map(|m| &m.1).collect();
    plan.new_actors = theirs.actors.iter().filter(|a| !matched.contains(&a.id)).map(|a| a.name.clone()).collect();
    let own_relations = Relations::of(ours);
    // Names by ID: the region's own `actor_name` searches all actors each time.
    let name =
        |actors: &HashMap<&Id, &Actor>, id: &Id| actors.get(id).map_or_else(|| t!("model.unknown_actor").to_owned(), |a| a.name.clone());
    for relation in &mapped.region.relations {
        match own_relations.find(relation) {
            Some(own) => plan.relations.push(Matched {
                ours: own.id.clone(),
                theirs: relation.id.clone(),
                name_ours: format!("{} – {} – {}", name(&own_actors, &own.from), own.kind.label(), name(&own_actors, &own.to)),
                name_theirs: format!(
                    "{} – {} – {}",
                    name(&their_actors, &relation.from),
                    relation.kind.label(),
                    name(&their_actors, &relation.to)
                ),
                reason: if own.id == relation.id { MatchReason::SameId } else { MatchReason::SimilarName },
                diffs: diffs(RelationField::ALL, RelationField::key, RelationField::label, |f| (f.read(own), f.read(relation))),
                details: Vec::new(),
                theirs_newer: false,
            }),
            None => plan.new_relations += 1,
        }
    }
    for group in &mapped.region.groups {
        match find_group(ours, group) {
            Some(own) => plan.groups.push(Matched {
                ours: own.id.clone(),
                theirs: group.id.clone(),
                name_ours: own.name.clone(),
                name_theirs: group.name.clone(),
                reason: if own.id == group.id { MatchReason::SameId } else { MatchReason::SimilarName },
                diffs: diffs(GroupField::ALL, GroupField::key, GroupField::label, |f| (f.read(own), f.read(group))),
                details: Vec::new(),
                theirs_newer: false,
            }),
            None => plan.new_groups.push(group.name.clone()),
        }
    }
    for checklist in &mapped.region.checklists {
        match ours.checklist(&checklist.id) {
            Some(own) if own == checklist => {}
            Some(own) => plan.checklists.push(Matched {
                ours: own.id.clone(),
                theirs: checklist.id.clone(),
                name_ours: own.title.clone(),
                name_theirs: checklist.title.clone(),
                reason: MatchReason::SameId,
                diffs: vec![FieldDiff {
                    key: CHECKLIST_KEY,
                    label: t!("merge.checklist_state"),
                    ours: checklist_state(own),
                    theirs: checklist_state(checklist),
                }],
                details: item_changes(own, checklist),
                theirs_newer: last_change(checklist) > last_change(own),
            }),
            None => plan.new_checklists.push(checklist.title.clone()),
        }
    }
    plan
}

/// Merges `theirs` into a copy of `ours` as the user chose.
pub fn apply_merge(ours: &Region, theirs: &Region, choices: &MergeChoices) -> Region {
    let mapped = map_onto(ours, theirs, &choices.separate);
    let take = |id: &Id, key: &'static str| choices.take_theirs.contains(&(id.clone(), key));
    let mut result = ours.clone();
    let own_sozialraeume: HashSet<Id> = ours.sozialraeume.iter().map(|s| s.id.clone()).collect();
    result.sozialraeume.extend(mapped.region.sozialraeume.iter().filter(|s| !own_sozialraeume.contains(&s.id)).cloned());
    let matched: HashMap<&Id, &Id> =
        mapped.matches.iter().filter(|m| !choices.separate.contains(&m.1)).map(|(own, their, _)| (their, own)).collect();
    let at: HashMap<Id, usize> = result.actors.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
    for actor in &mapped.region.actors {
        match matched.get(&actor.id) {
            Some(own_id) => {
                if let Some(own) = at.get(*own_id).map(|i| &mut result.actors[*i]) {
                    for field in ActorField::ALL.iter().filter(|f| take(own_id, f.key())) {
                        field.copy(own, actor);
                    }
                }
            }
            None => result.actors.push(actor.clone()),
        }
    }
    // Places in the picture from the file, where the own map has none.
    let actors: HashSet<Id> = result.actors.iter().map(|a| a.id.clone()).collect();
    let mut placed: HashSet<Id> = result.placed.iter().map(|p| p.actor.clone()).collect();
    for place in &mapped.region.placed {
        let actor = matched.get(&place.actor).map_or_else(|| place.actor.clone(), |own| (*own).clone());
        if actors.contains(&actor) && placed.insert(actor.clone()) {
            result.placed.push(Placement { actor, ..place.clone() });
        }
    }
    let own_relations = Relations::of(ours);
    let at: HashMap<Id, usize> = result.relations.iter().enumerate().map(|(i, r)| (r.id.clone(), i)).collect();
    for relation in &mapped.region.relations {
        match own_relations.find(relation).map(|o| o.id.clone()) {
            Some(own_id) => {
                if let Some(own) = at.get(&own_id).map(|i| &mut result.relations[*i]) {
                    for field in RelationField::ALL.iter().filter(|f| take(&own_id, f.key())) {
                        field.copy(own, relation);
                    }
                }
            }
            None => result.relations.push(relation.clone()),
        }
    }
    for group in &mapped.region.groups {
        match find_group(ours, group).map(|o| o.id.clone()) {
            Some(own_id) => {
                if let Some(own) = result.groups.iter_mut().find(|g| g.id == own_id) {
                    for field in GroupField::ALL.iter().filter(|f| take(&own_id, f.key())) {
                        field.copy(own, group);
                    }
                    // Members and meetings add up; the preview lists the group.
                    for member in &group.members {
                        if !own.members.contains(member) {
                            own.members.push(member.clone());
                        }
                    }
                    for meeting in &group.meetings {
                        if !own.meetings.contains(meeting) {
                            own.meetings.push(meeting.clone());
                        }
                    }
                }
            }
            None => result.groups.push(group.clone()),
        }
    }
    for checklist in &mapped.region.checklists {
        match result.checklists.iter_mut().find(|c| c.id == checklist.id) {
            Some(own) if take(&checklist.id, CHECKLIST_KEY) => *own = checklist.clone(),
            Some(_) => {}
            None => result.checklists.push(checklist.clone()),
        }
    }
    // A safety net: any ID the file shares by chance with another record is renamed.
    repair_region(&mut result);
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::*;
    use crate::domain::rules::integrity::integrity_problems;
    use crate::domain::samples::demo::demo_workspace;

    fn demo() -> Region {
        demo_workspace().regions.remove(0)
    }

    fn sound(region: &Region) -> bool {
        integrity_problems(&Workspace { regions: vec![region.clone()], ..Workspace::default() }).is_empty()
    }

    #[test]
    fn merging_a_region_into_itself_changes_nothing() {
        let region = demo();
        let plan = plan_merge(&region, &region);
        assert!(plan.new_actors.is_empty() && plan.new_relations == 0 && plan.decisions().next().is_none(), "{plan:?}");
        assert_eq!(apply_merge(&region, &region, &MergeChoices::default()), region);
    }

    #[test]
    fn differing_fields_are_shown_and_only_chosen_ones_are_taken() {
        let ours = demo();
        let mut theirs = ours.clone();
        theirs.actors[0].website = "https://neu.example".into();
        theirs.actors[0].tags = vec!["neu".into()];
        let (id, old_tags) = (ours.actors[0].id.clone(), ours.actors[0].tags.clone());
        let plan = plan_merge(&ours, &theirs);
        let decision: Vec<_> = plan.decisions().collect();
        assert_eq!(decision.len(), 1);
        assert_eq!(decision[0].diffs.iter().map(|d| d.key).collect::<Vec<_>>(), ["website", "tags"]);
        assert_eq!(decision[0].diffs[0].theirs, "https://neu.example");

        let kept = apply_merge(&ours, &theirs, &MergeChoices::default());
        assert_eq!(kept, ours, "by default nothing of ours is overwritten");
        let choices = MergeChoices { take_theirs: HashSet::from_iter([(id.clone(), "website")]), ..MergeChoices::default() };
        let merged = apply_merge(&ours, &theirs, &choices);
        let actor = merged.actor(&id).unwrap();
        assert_eq!((actor.website.as_str(), &actor.tags), ("https://neu.example", &old_tags));
    }

    #[test]
    fn a_colleagues_actor_with_a_similar_name_is_matched_and_references_follow() {
        let ours = demo();
        let mut theirs = Region::new(Id("kollegin".into()), "Nachbarkreis", RegionKind::Landkreis);
        let twin_name = format!("{} e.V.", ours.actors[0].name.to_uppercase());
        theirs.actors.push(Actor::new(Id("x-1".into()), twin_name, ours.actors[0].kind));
        theirs.actors.push(Actor::new(Id("x-2".into()), "Ganz neuer Verein Lindenau", ActorKind::Verein));
        theirs.relations.push(Relation {
            id: Id("x-rel".into()),
            from: Id("x-2".into()),
            to: Id("x-1".into()),
            kind: RelationKind::Kooperation,
            direction: Direction::Undirected,
            binding: Binding::Informell,
            since: String::new(),
            notes: String::new(),
        });
        let plan = plan_merge(&ours, &theirs);
        assert_eq!(plan.actors.len(), 1);
        assert_eq!(plan.actors[0].reason, MatchReason::SimilarName);
        assert_eq!(plan.actors[0].ours, ours.actors[0].id);
        assert_eq!(plan.new_actors, ["Ganz neuer Verein Lindenau"]);
        assert_eq!(plan.new_relations, 1);

        let merged = apply_merge(&ours, &theirs, &MergeChoices::default());
        assert!(sound(&merged));
        assert_eq!(merged.actors.len(), ours.actors.len() + 1);
        let new_relation = merged.relation(&Id("x-rel".into())).unwrap();
        assert_eq!(new_relation.to, ours.actors[0].id, "the relation now points at our actor");
        assert_eq!(merged.actor(&ours.actors[0].id).unwrap().name, ours.actors[0].name, "our name stays unless chosen");

        let apart = MergeChoices { separate: HashSet::from_iter([Id("x-1".into())]), ..MergeChoices::default() };
        let merged = apply_merge(&ours, &theirs, &apart);
        assert!(sound(&merged));
        assert_eq!(merged.actors.len(), ours.actors.len() + 2, "rejected match: both actors kept");
    }

    #[test]
    fn references_to_a_renamed_twin_are_not_reported_as_differences() {
        let ours = demo();
        let mut theirs = ours.clone();
        let (old, new) = (ours.actors[0].id.clone(), Id("kollegin-1".into()));
        theirs.actors[0].id = new.clone();
        theirs.actors[0].name.push_str(" e.V.");
        let rename = |id: &mut Id| {
            if *id == old {
                *id = new.clone();
            }
        };
        theirs.actors.iter_mut().filter_map(|a| a.traeger.as_mut()).for_each(rename);
        theirs.relations.iter_mut().for_each(|r| {
            rename(&mut r.from);
            rename(&mut r.to);
        });
        theirs.groups.iter_mut().flat_map(|g| g.members.iter_mut()).for_each(rename);
        for item in theirs.checklists.iter_mut().flat_map(|c| c.sections.iter_mut()).flat_map(|s| s.items.iter_mut()) {
            item.responsible.iter_mut().for_each(rename);
            item.answers.iter_mut().flat_map(|a| a.actors.iter_mut()).for_each(rename);
        }
        let plan = plan_merge(&ours, &theirs);
        let decisions: Vec<_> = plan.decisions().collect();
        assert_eq!(decisions.len(), 1, "{decisions:?}");
        assert_eq!(decisions[0].diffs.iter().map(|d| d.key).collect::<Vec<_>>(), ["name"]);
        assert_eq!(apply_merge(&ours, &theirs, &MergeChoices::default()), ours);
    }

    #[test]
    fn a_file_without_personal_data_asks_nothing_about_its_gaps() {
        let ours = demo();
        let mut theirs = ours.clone();
        crate::domain::data::files::privacy::strip_personal_data(&mut theirs);
        assert!(plan_merge(&ours, &theirs).decisions().count() > 0);
        assert_eq!(plan_merge(&ours, &theirs).without_personal_gaps().decisions().count(), 0);
        assert_eq!(apply_merge(&ours, &theirs, &MergeChoices::default()), ours, "own contacts stay");
    }

    #[test]
    fn checklists_with_another_state_are_a_decision() {
        let ours = demo();
        let mut theirs = ours.clone();
        let item = theirs.checklists[0].items().find(|i| i.status.is_none()).unwrap().id.clone();
        assert!(theirs.checklists[0].set_status(&item, Some(crate::domain::model::checklist::Status::InPlanung), "2026-11-20T08:00:00Z"));
        let plan = plan_merge(&ours, &theirs);
        assert_eq!(plan.checklists.len(), 1);
        assert!(plan.checklists[0].diffs[0].theirs.contains("zuletzt geändert 20.11.2026"));
        let id = ours.checklists[0].id.clone();
        let merged =
            apply_merge(&ours, &theirs, &MergeChoices { take_theirs: HashSet::from_iter([(id, "checklist")]), ..Default::default() });
        assert_eq!(merged.checklists[0], theirs.checklists[0]);
    }

    #[test]
    fn an_updated_file_shows_which_items_moved_and_takes_the_newer_state_by_default() {
        // A Land office imported a Kommune's file; the Kommune changes one
        // status and sends the file again.
        use crate::domain::model::checklist::Status;
        let ours = demo();
        let mut theirs = ours.clone();
        let item = ours.checklists[0].items().find(|i| i.status == Some(Status::Umgesetzt)).unwrap().clone();
        assert!(theirs.checklists[0].set_status(&item.id, Some(Status::Nein), "2099-01-02T08:00:00Z"));
        let plan = plan_merge(&ours, &theirs);
        let matched = &plan.checklists[0];
        assert!(matched.theirs_newer);
        assert_eq!(matched.details, vec![format!("{}: Bereits umgesetzt → Nein", item.text)]);
        assert!(plan.summary().iter().any(|l| l.contains("in der Datei neuer")), "{:?}", plan.summary());
        let merged = apply_merge(&ours, &theirs, &plan.default_choices());
        assert_eq!(merged.checklists[0], theirs.checklists[0], "the default takes the newer state");

        // The other way round (the own state is newer), the default keeps it.
        let plan = plan_merge(&theirs, &ours);
        assert!(!plan.checklists[0].theirs_newer);
        assert_eq!(apply_merge(&theirs, &ours, &plan.default_choices()), theirs);
        // Nothing differs: nothing to decide, nothing taken.
        assert!(plan_merge(&ours, &ours).default_choices().take_theirs.is_empty());
    }

    #[test]
    fn copying_every_field_leaves_nothing_to_decide() {
        // `read` and `copy` agree on every field, and keys are unique.
        let region = demo();
        let (a, b) = (&region.actors[0], &region.actors[1]);
        let mut copied = a.clone();
        for field in ActorField::ALL {
            field.copy(&mut copied, b);
        }
        assert!(ActorField::ALL.iter().all(|f| f.read(&region, &copied) == f.read(&region, b)));
        assert_ne!(copied.id, b.id, "identity is never merged");
        let (r, s) = (&region.relations[0], &region.relations[1]);
        let mut relation = r.clone();
        RelationField::ALL.iter().for_each(|f| f.copy(&mut relation, s));
        assert!(RelationField::ALL.iter().all(|f| f.read(&relation) == f.read(s)));
        let (g, h) = (&region.groups[0], &region.groups[1]);
        let mut group = g.clone();
        GroupField::ALL.iter().for_each(|f| f.copy(&mut group, h));
        assert!(GroupField::ALL.iter().all(|f| f.read(&group) == f.read(h)));
        let keys: HashSet<&str> = ActorField::ALL.iter().map(|f| f.key()).collect();
        assert_eq!(keys.len(), ActorField::ALL.len());
    }
}
