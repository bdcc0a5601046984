//! Cooperation checklists: templates with sections and items, checklists
//! started from them, a status per item on a fixed scale with its history,
//! and the progress figures shown at a glance.

use crate::domain::data::to_json::ToJson;

use crate::domain::data::from_json::{self, FromJson, ReadError};

use crate::domain::model::Id;
use crate::domain::order;
use crate::domain::rules::dates::seconds;

/// Answers an item can take. The planning scale comes from the seed
/// "Checkliste zur lokalen Planung"; the factor scale from the Modellregionen.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, ToJson, FromJson)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Nein,
    NichtGeplantSinnvoll,
    InPlanung,
    Umgesetzt,
    Hemmt,
    Neutral,
    Foerdert,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Nein => t!("status.nein"),
            Status::NichtGeplantSinnvoll => t!("status.sinnvoll"),
            Status::InPlanung => t!("status.planung"),
            Status::Umgesetzt => t!("status.umgesetzt"),
            Status::Hemmt => t!("status.hemmt"),
            Status::Neutral => t!("status.neutral"),
            Status::Foerdert => t!("status.foerdert"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Status::Nein => "nein",
            Status::NichtGeplantSinnvoll => "nicht_geplant_sinnvoll",
            Status::InPlanung => "in_planung",
            Status::Umgesetzt => "umgesetzt",
            Status::Hemmt => t!("status.hemmt"),
            Status::Neutral => t!("status.neutral"),
            Status::Foerdert => "foerdert",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        ALL_STATUSES.into_iter().find(|s| s.key() == key)
    }
}

const ALL_STATUSES: [Status; 7] =
    [Status::Nein, Status::NichtGeplantSinnvoll, Status::InPlanung, Status::Umgesetzt, Status::Hemmt, Status::Neutral, Status::Foerdert];

/// The label of a status, or of "no answer yet".
pub fn status_label(status: Option<Status>) -> &'static str {
    status.map(Status::label).unwrap_or_else(|| t!("status.open"))
}

/// The scale an item is answered on.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ToJson, FromJson, Default)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// Nein / Noch nicht geplant, wäre aber sinnvoll / In Planung / Bereits umgesetzt.
    #[default]
    Planning,
    /// hemmt / neutral / fördert.
    Factor,
}

impl Scale {
    pub const ALL: [Scale; 2] = [Scale::Planning, Scale::Factor];

    pub fn steps(self) -> &'static [Status] {
        match self {
            Scale::Planning => &[Status::Nein, Status::NichtGeplantSinnvoll, Status::InPlanung, Status::Umgesetzt],
            Scale::Factor => &[Status::Hemmt, Status::Neutral, Status::Foerdert],
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Scale::Planning => t!("scale.planning"),
            Scale::Factor => t!("scale.factor"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Scale::Planning => "planning",
            Scale::Factor => "factor",
        }
    }

    pub fn from_key(key: &str) -> Option<Scale> {
        Scale::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// How an item is answered: a status on a scale, or free-text answers that
/// can each name actors (the Sozialraumkonferenz questions).
#[cfg_attr(test, derive(serde::Serialize))]
#[cfg_attr(test, serde(tag = "type", content = "scale", rename_all = "snake_case"))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Status(Scale),
    Answers,
}

/// Read by hand: the derive reads unit variants only, this one is tagged
/// (`{"type": "status", "scale": "factor"}`, `{"type": "answers"}`).
impl FromJson for ItemKind {
    fn from_json(value: &serde_json::Value) -> Result<Self, ReadError> {
        let object = from_json::object(value)?;
        match from_json::field::<String>(object, "type")?.as_str() {
            "status" => Ok(ItemKind::Status(from_json::field(object, "scale")?)),
            "answers" => Ok(ItemKind::Answers),
            other => Err(ReadError::unknown(other)),
        }
    }
}

/// Written by hand too: `{"type":"status","scale":"factor"}`, `{"type":"answers"}`.
impl ToJson for ItemKind {
    fn write_json(&self, out: &mut String) {
        match self {
            ItemKind::Status(scale) => {
                out.push_str("{\"type\":\"status\",\"scale\":");
                scale.write_json(out);
                out.push('}');
            }
            ItemKind::Answers => out.push_str("{\"type\":\"answers\"}"),
        }
    }
}

impl Default for ItemKind {
    fn default() -> Self {
        ItemKind::Status(Scale::Planning)
    }
}

#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson)]
pub struct TemplateItem {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub help: String,
    #[serde(default)]
    pub kind: ItemKind,
}

#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson)]
pub struct TemplateSection {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub items: Vec<TemplateItem>,
}

/// A checklist template: shipped with the app, or written by the user.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson)]
pub struct Template {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Raised on every saved change, so checklists know which wording they used.
    pub version: u32,
    #[serde(default)]
    pub sections: Vec<TemplateSection>,
}

impl Template {
    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|s| s.items.len()).sum()
    }

    /// A user's editable copy, with a new id and version 1.
    pub fn copy_as(&self, id: Id, name: String) -> Template {
        Template { id, name, version: 1, ..self.clone() }
    }
}

/// One change of an item's status, kept so a coordinator can see what moved.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson)]
pub struct StatusChange {
    /// ISO timestamp.
    pub at: String,
    pub from: Option<Status>,
    pub to: Option<Status>,
}

/// An answer to a free-text item, naming the actors it concerns.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson, Default)]
pub struct Answer {
    pub text: String,
    #[serde(default)]
    pub actors: Vec<Id>,
}

/// How many status changes an item keeps.
pub const HISTORY_LIMIT: usize = 20;
/// Status changes of one item this close together fold into one history entry.
pub const FOLD_SECONDS: i64 = 60;

#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson)]
pub struct ChecklistItem {
    /// The template item's id: the same across all checklists of a template.
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub help: String,
    #[serde(default)]
    pub kind: ItemKind,
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub responsible: Vec<Id>,
    /// ISO date, "" when none.
    #[serde(default)]
    pub due: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub answers: Vec<Answer>,
    #[serde(default)]
    pub history: Vec<StatusChange>,
    /// When anything of this item last changed (ISO timestamp), "" if never.
    #[serde(default)]
    pub changed_at: String,
}

impl ChecklistItem {
    fn from_template(item: &TemplateItem) -> ChecklistItem {
        ChecklistItem {
            id: item.id.clone(),
            text: item.text.clone(),
            help: item.help.clone(),
            kind: item.kind,
            status: None,
            responsible: Vec::new(),
            due: String::new(),
            notes: String::new(),
            answers: Vec::new(),
            history: Vec::new(),
            changed_at: String::new(),
        }
    }

    /// Whether the item is done: implemented, or a factor that was assessed,
    /// or a question that has an answer.
    pub fn is_done(&self) -> bool {
        match self.kind {
            ItemKind::Status(Scale::Planning) => self.status == Some(Status::Umgesetzt),
            ItemKind::Status(Scale::Factor) => self.status.is_some(),
            ItemKind::Answers => !self.answers.is_empty(),
        }
    }

    /// Past its due date (`today` as "2026-11-21") and not done.
    pub fn is_overdue(&self, today: &str) -> bool {
        !self.due.is_empty() && self.due.as_str() < today && !self.is_done()
    }
}

#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson)]
pub struct ChecklistSection {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub items: Vec<ChecklistItem>,
}

/// A checklist of one region, started from a template whose wording it keeps.
#[cfg_attr(test, derive(serde::Serialize))]
#[derive(Clone, Debug, PartialEq, Eq, ToJson, FromJson)]
pub struct Checklist {
    pub id: Id,
    pub title: String,
    pub template_id: Id,
    pub template_name: String,
    pub template_version: u32,
    /// ISO timestamp.
    pub created_at: String,
    #[serde(default)]
    pub sections: Vec<ChecklistSection>,
}

impl Checklist {
    pub fn from_template(id: Id, title: String, template: &Template, now: &str) -> Checklist {
        Checklist {
            id,
            title,
            template_id: template.id.clone(),
            template_name: template.name.clone(),
            template_version: template.version,
            created_at: now.to_owned(),
            sections: template
                .sections
                .iter()
                .map(|s| ChecklistSection {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    items: s.items.iter().map(ChecklistItem::from_template).collect(),
                })
                .collect(),
        }
    }

    pub fn items(&self) -> impl Iterator<Item = &ChecklistItem> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    pub fn item_mut(&mut self, item: &Id) -> Option<&mut ChecklistItem> {
        self.sections.iter_mut().flat_map(|s| s.items.iter_mut()).find(|i| &i.id == item)
    }

    /// Sets a status and records the change; setting the same status is no change.
    pub fn set_status(&mut self, item: &Id, status: Option<Status>, now: &str) -> bool {
        let Some(entry) = self.item_mut(item) else { return false };
        if entry.status == status {
            return false;
        }
        let fits = match (status, entry.kind) {
            (_, ItemKind::Answers) => false,
            (None, ItemKind::Status(_)) => true,
            (Some(s), ItemKind::Status(scale)) => scale.steps().contains(&s),
        };
        if !fits {
            return false;
        }
        // Steps through the scale in quick succession (arrow keys through
        // the radios, a click corrected) are one change in the history.
        let settling = entry.history.last().is_some_and(
            |last| matches!((seconds(&last.at), seconds(now)), (Some(then), Some(at)) if (0..=FOLD_SECONDS).contains(&(at - then))),
        );
        match entry.history.last_mut() {
            Some(last) if settling => {
                last.to = status;
                last.at = now.to_owned();
                if last.from == last.to {
                    entry.history.pop();
                }
            }
            _ => entry.history.push(StatusChange { at: now.to_owned(), from: entry.status, to: status }),
        }
        if entry.history.len() > HISTORY_LIMIT {
            entry.history.remove(0);
        }
        entry.status = status;
        entry.changed_at = now.to_owned();
        true
    }

    /// Changes anything else of an item and stamps the time.
    pub fn update_item(&mut self, item: &Id, now: &str, change: impl FnOnce(&mut ChecklistItem)) {
        if let Some(entry) = self.item_mut(item) {
            change(entry);
            entry.changed_at = now.to_owned();
        }
    }

    pub fn progress(&self) -> Progress {
        Progress::of(self.items())
    }

    /// Removes an actor from every item (when it is deleted from the map).
    pub fn forget_actor(&mut self, actor: &Id) {
        for item in self.sections.iter_mut().flat_map(|s| s.items.iter_mut()) {
            item.responsible.retain(|a| a != actor);
            for answer in &mut item.answers {
                answer.actors.retain(|a| a != actor);
            }
        }
    }
}

/// Whole percents of `counts` that add up to 100 (or 0 for no counts): each
/// gets its share rounded down, then the points left go to the largest
/// remainders (ties: the larger count, then the earlier key).
pub fn whole_percents<K: Copy>(counts: &[(K, usize)]) -> Vec<(K, u32)> {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return counts.iter().map(|(k, _)| (*k, 0)).collect();
    }
    let mut shares: Vec<(K, u32)> = counts.iter().map(|(k, n)| (*k, (n * 100 / total) as u32)).collect();
    let handed: u32 = shares.iter().map(|(_, p)| p).sum();
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order::sort_by_key(&mut order, |&i| (std::cmp::Reverse(counts[i].1 * 100 % total), std::cmp::Reverse(counts[i].1), i));
    for &i in order.iter().take((100 - handed) as usize) {
        shares[i].1 += 1;
    }
    shares
}

/// How many status items stand at each step; free-text items do not count.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Progress {
    /// How many items stand at each status, in status order (unanswered
    /// first), each status once: a sorted list rather than a map, for less
    /// wasm (no B-tree code for it).
    pub counts: Vec<(Option<Status>, usize)>,
    pub total: usize,
}

impl Progress {
    pub fn of<'a>(items: impl IntoIterator<Item = &'a ChecklistItem>) -> Progress {
        let mut progress = Progress::default();
        for item in items {
            if matches!(item.kind, ItemKind::Status(_)) {
                match progress.counts.binary_search_by(|(s, _)| s.cmp(&item.status)) {
                    Ok(at) => progress.counts[at].1 += 1,
                    Err(at) => progress.counts.insert(at, (item.status, 1)),
                }
                progress.total += 1;
            }
        }
        progress
    }

    pub fn count(&self, status: Option<Status>) -> usize {
        self.counts.iter().find(|(s, _)| *s == status).map_or(0, |(_, n)| *n)
    }

    /// Whole percent of the total ("57 %"), rounded so that the shares of
    /// one bar add up to 100: largest remainder (Hare), so three equal parts
    /// read 34/33/33, not 33/33/33.
    pub fn percent(&self, status: Option<Status>) -> u32 {
        whole_percents(&self.counts).into_iter().find(|(s, _)| *s == status).map_or(0, |(_, p)| p)
    }

    /// Each segment with its text, "4 Bereits umgesetzt (57 %)", as bars,
    /// legends and the print view write it.
    pub fn described(&self) -> Vec<(Option<Status>, String)> {
        self.segments()
            .into_iter()
            .map(|(s, n)| (s, tr!("progress.segment", n = n, status = status_label(s), percent = self.percent(s))))
            .collect()
    }

    /// The same counts without the unanswered: shares of those who answered
    /// the item, as evaluations publish them (n then differs from item to item).
    pub fn answered_only(&self) -> Progress {
        let mut counts = self.counts.clone();
        counts.retain(|(s, _)| s.is_some());
        Progress { total: self.total - self.count(None), counts }
    }

    /// The segments to draw, in scale order, unanswered last; empty ones left out.
    pub fn segments(&self) -> Vec<(Option<Status>, usize)> {
        ALL_STATUSES.iter().map(|s| Some(*s)).chain([None]).map(|s| (s, self.count(s))).filter(|(_, n)| *n > 0).collect()
    }
}

/// Which items a checklist view shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ItemFilter {
    /// `Some(None)` selects unanswered items.
    pub status: Option<Option<Status>>,
    pub responsible: Option<Id>,
    pub overdue_only: bool,
    pub without_responsible: bool,
}

impl ItemFilter {
    pub fn is_active(&self) -> bool {
        self.status.is_some() || self.responsible.is_some() || self.overdue_only || self.without_responsible
    }

    pub fn matches(&self, item: &ChecklistItem, today: &str) -> bool {
        self.status.is_none_or(|s| item.status == s && matches!(item.kind, ItemKind::Status(_)))
            && self.responsible.as_ref().is_none_or(|a| item.responsible.contains(a))
            && (!self.overdue_only || item.is_overdue(today))
            && (!self.without_responsible || item.responsible.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::templates::builtin_templates;

    fn planning() -> Checklist {
        let template = builtin_templates().into_iter().find(|t| t.id.0 == "tpl-lokale-planung").unwrap();
        Checklist::from_template(Id("c".into()), "Planung 2026".into(), &template, "2026-01-01T00:00:00Z")
    }

    fn first_ids(c: &Checklist, n: usize) -> Vec<Id> {
        c.items().take(n).map(|i| i.id.clone()).collect()
    }

    #[test]
    fn a_new_checklist_copies_the_template() {
        let c = planning();
        let template = builtin_templates().into_iter().find(|t| t.id.0 == "tpl-lokale-planung").unwrap();
        assert_eq!(c.template_version, template.version);
        assert_eq!(c.items().count(), template.item_count());
        assert!(c.items().all(|i| i.status.is_none() && i.history.is_empty()));
    }

    #[test]
    fn status_changes_are_kept_with_time_and_previous_value() {
        let mut c = planning();
        let id = first_ids(&c, 1).remove(0);
        assert!(c.set_status(&id, Some(Status::InPlanung), "2026-02-01T10:00:00Z"));
        assert!(!c.set_status(&id, Some(Status::InPlanung), "2026-02-02T10:00:00Z"), "same status is no change");
        assert!(c.set_status(&id, Some(Status::Umgesetzt), "2026-03-01T10:00:00Z"));
        assert!(!c.set_status(&id, Some(Status::Foerdert), "2026-03-02T10:00:00Z"), "not on this item's scale");
        let item = c.items().next().unwrap();
        assert_eq!(item.status, Some(Status::Umgesetzt));
        assert_eq!(
            item.history,
            vec![
                StatusChange { at: "2026-02-01T10:00:00Z".into(), from: None, to: Some(Status::InPlanung) },
                StatusChange { at: "2026-03-01T10:00:00Z".into(), from: Some(Status::InPlanung), to: Some(Status::Umgesetzt) },
            ]
        );
        assert_eq!(item.changed_at, "2026-03-01T10:00:00Z");
    }

    #[test]
    fn quick_steps_through_the_scale_fold_into_one_history_entry() {
        let mut c = planning();
        let id = first_ids(&c, 1).remove(0);
        // Arrow keys through the radios: four steps within seconds.
        for (second, status) in [(0, Status::Nein), (1, Status::NichtGeplantSinnvoll), (2, Status::InPlanung), (3, Status::Umgesetzt)] {
            assert!(c.set_status(&id, Some(status), &format!("2026-12-02T10:00:0{second}.000Z")));
        }
        let history = |c: &Checklist| c.items().next().unwrap().history.clone();
        assert_eq!(history(&c), vec![StatusChange { at: "2026-12-02T10:00:03.000Z".into(), from: None, to: Some(Status::Umgesetzt) }]);
        // Back to where it started within the minute: no change is left.
        assert!(c.set_status(&id, None, "2026-12-02T10:00:30.000Z"));
        assert!(history(&c).is_empty());
        // A change after more than a minute is a change of its own.
        c.set_status(&id, Some(Status::InPlanung), "2026-12-02T10:05:00.000Z");
        c.set_status(&id, Some(Status::Umgesetzt), "2026-12-02T10:06:01.000Z");
        assert_eq!(history(&c).len(), 2);
    }

    #[test]
    fn history_is_bounded() {
        let mut c = planning();
        let id = first_ids(&c, 1).remove(0);
        for i in 0..30 {
            let status = if i % 2 == 0 { Status::Nein } else { Status::InPlanung };
            c.set_status(&id, Some(status), &format!("t{i:02}"));
        }
        let item = c.items().next().unwrap();
        assert_eq!(item.history.len(), HISTORY_LIMIT);
        assert_eq!(item.history.last().unwrap().at, "t29");
    }

    #[test]
    fn progress_counts_and_rounds_like_the_seed() {
        let mut c = planning();
        let ids = first_ids(&c, 7);
        for (id, status) in ids.iter().zip([
            Status::Umgesetzt,
            Status::Umgesetzt,
            Status::Umgesetzt,
            Status::Umgesetzt,
            Status::InPlanung,
            Status::Nein,
            Status::NichtGeplantSinnvoll,
        ]) {
            c.set_status(id, Some(status), "t");
        }
        let p = Progress::of(c.items().take(7));
        assert_eq!(p.total, 7);
        assert_eq!(p.count(Some(Status::Umgesetzt)), 4);
        assert_eq!(p.percent(Some(Status::Umgesetzt)), 57, "4 of 7 = 57 %");
        assert_eq!(p.percent(Some(Status::InPlanung)), 14);
        assert_eq!(
            p.segments(),
            vec![
                (Some(Status::Nein), 1),
                (Some(Status::NichtGeplantSinnvoll), 1),
                (Some(Status::InPlanung), 1),
                (Some(Status::Umgesetzt), 4)
            ]
        );
        assert_eq!(p.described()[3], (Some(Status::Umgesetzt), "4 Bereits umgesetzt (57 %)".to_owned()));
        let all = c.progress();
        assert_eq!(all.count(None), all.total - 7);
        assert_eq!(Progress::default().percent(None), 0);
    }

    #[test]
    fn shares_of_a_bar_add_up_to_100() {
        let cases: [(&[usize], &[u32]); 6] = [
            (&[1, 1, 1], &[34, 33, 33]),
            (&[2, 1], &[67, 33]),
            (&[1, 1, 1, 1, 1, 1, 1], &[15, 15, 14, 14, 14, 14, 14]),
            (&[4, 2, 1], &[57, 29, 14]),
            (&[5], &[100]),
            (&[0, 3], &[0, 100]),
        ];
        for (counts, expected) in cases {
            let keyed: Vec<(usize, usize)> = counts.iter().copied().enumerate().collect();
            let shares: Vec<u32> = whole_percents(&keyed).into_iter().map(|(_, p)| p).collect();
            assert_eq!(shares, expected, "{counts:?}");
            assert_eq!(shares.iter().sum::<u32>(), 100);
        }
        assert_eq!(whole_percents::<u8>(&[]), vec![]);
    }

    #[test]
    fn answers_items_do_not_count_as_status() {
        let template = builtin_templates().into_iter().find(|t| t.id.0 == "tpl-sozialraumkonferenz").unwrap();
        let mut c = Checklist::from_template(Id("c".into()), "SRK".into(), &template, "t");
        assert_eq!(c.progress().total, 0);
        let id = first_ids(&c, 1).remove(0);
        assert!(!c.set_status(&id, Some(Status::Umgesetzt), "t"), "free-text items take no status");
        c.update_item(&id, "t2", |i| i.answers.push(Answer { text: "Vereinsvielfalt".into(), actors: vec![Id("a".into())] }));
        assert!(c.items().next().unwrap().is_done());
        c.forget_actor(&Id("a".into()));
        assert!(c.items().next().unwrap().answers[0].actors.is_empty());
    }

    #[test]
    fn overdue_and_filters() {
        let mut c = planning();
        let ids = first_ids(&c, 3);
        c.update_item(&ids[0], "t", |i| {
            i.due = "2026-01-15".into();
            i.responsible = vec![Id("jc".into())];
        });
        c.update_item(&ids[1], "t", |i| i.due = "2026-12-01".into());
        c.update_item(&ids[2], "t", |i| i.due = "2026-01-10".into());
        c.set_status(&ids[2], Some(Status::Umgesetzt), "t");
        let today = "2026-02-01";
        let overdue: Vec<_> = c.items().filter(|i| i.is_overdue(today)).map(|i| i.id.clone()).collect();
        assert_eq!(overdue, vec![ids[0].clone()], "done items are never overdue");

        let by_actor = ItemFilter { responsible: Some(Id("jc".into())), ..ItemFilter::default() };
        assert_eq!(c.items().filter(|i| by_actor.matches(i, today)).count(), 1);
        let done = ItemFilter { status: Some(Some(Status::Umgesetzt)), ..ItemFilter::default() };
        assert_eq!(c.items().filter(|i| done.matches(i, today)).count(), 1);
        let open = ItemFilter { status: Some(None), ..ItemFilter::default() };
        assert_eq!(c.items().filter(|i| open.matches(i, today)).count(), c.items().count() - 1);
        let nobody = ItemFilter { without_responsible: true, ..ItemFilter::default() };
        assert_eq!(c.items().filter(|i| nobody.matches(i, today)).count(), c.items().count() - 1);
        assert!(!ItemFilter::default().is_active());
    }

    #[test]
    fn status_keys_round_trip() {
        for s in ALL_STATUSES {
            assert_eq!(Status::from_key(s.key()), Some(s));
            assert_eq!(crate::domain::data::to_json::text(&s), format!("\"{}\"", s.key()));
        }
    }
}
