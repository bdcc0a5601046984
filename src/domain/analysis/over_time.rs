//! What changed in a region between two states (two Stichtage, or a
//! Stichtag and today): actors, relations, Gremien and checklist items, each
//! matched by id, so that a renamed actor is a changed actor, not one gone
//! and one new. Plain data; `summary` says it in plain words.

use crate::domain::hashing::{HashMap, HashSet};

use crate::domain::model::checklist::{status_label, ChecklistItem, Status};
use crate::domain::model::delta::RegionChange;
use crate::domain::model::stichtag::Stichtag;
use crate::domain::model::{Actor, Binding, Group, Id, Meeting, Region, Relation, RelationKind};
use crate::domain::order;
use crate::domain::rules::dates::Day;
use crate::domain::rules::text::fold;

/// Whether a record came, went or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum How {
    Added,
    Removed,
    Changed,
}

/// A field of an actor, as the change list names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorField {
    Name,
    Kind,
    Traeger,
    Rechtskreise,
    Sozialraeume,
    Contacts,
    TargetGroups,
    Offers,
    Website,
    Tags,
    Notes,
}

impl ActorField {
    pub fn label(self) -> &'static str {
        match self {
            ActorField::Name => t!("common.name"),
            ActorField::Kind => t!("common.kind"),
            ActorField::Traeger => t!("actor.traeger"),
            ActorField::Rechtskreise => t!("actors.rechtskreise"),
            ActorField::Sozialraeume => t!("region.sozialraeume"),
            ActorField::Contacts => t!("actor.contacts"),
            ActorField::TargetGroups => t!("actor.target_groups"),
            ActorField::Offers => t!("actor.offers"),
            ActorField::Website => t!("actor.website"),
            ActorField::Tags => t!("actor.tags"),
            ActorField::Notes => t!("common.notes"),
        }
    }

    /// The fields in which `was` and `now` differ.
    fn between(was: &Actor, now: &Actor) -> Vec<ActorField> {
        let checks = [
            (ActorField::Name, was.name != now.name),
            (ActorField::Kind, was.kind != now.kind),
            (ActorField::Traeger, was.traeger != now.traeger),
            (ActorField::Rechtskreise, was.rechtskreise != now.rechtskreise),
            (ActorField::Sozialraeume, was.sozialraeume != now.sozialraeume),
            (ActorField::Contacts, was.contacts != now.contacts),
            (ActorField::TargetGroups, was.target_groups != now.target_groups),
            (ActorField::Offers, was.offers != now.offers),
            (ActorField::Website, was.website != now.website),
            (ActorField::Tags, was.tags != now.tags),
            (ActorField::Notes, was.notes != now.notes),
        ];
        checks.into_iter().filter(|(_, differs)| *differs).map(|(field, _)| field).collect()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActorChange {
    pub id: Id,
    /// The name now, or as it was for an actor that went.
    pub name: String,
    /// The name before, where it changed.
    pub was_name: Option<String>,
    pub how: How,
    pub fields: Vec<ActorField>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RelationChange {
    pub id: Id,
    pub from: String,
    pub to: String,
    pub how: How,
    pub kind: RelationKind,
    /// The kind before, where it changed.
    pub was_kind: Option<RelationKind>,
    pub binding: Binding,
    /// How binding it was before, where that changed.
    pub was_binding: Option<Binding>,
}

impl RelationChange {
    /// Firmer (`Greater`) or looser (`Less`) than before.
    pub fn binding_moved(&self) -> Option<std::cmp::Ordering> {
        self.was_binding.map(|was| self.binding.cmp(&was))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupChange {
    pub id: Id,
    pub name: String,
    pub how: How,
    /// Names of actors that joined or left (of a Gremium that stayed).
    pub joined: Vec<String>,
    pub left: Vec<String>,
    /// Meetings in the later state that the earlier one did not have.
    pub meetings: Vec<Meeting>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ItemChange {
    pub checklist: String,
    pub item: String,
    pub was: Option<Status>,
    pub now: Option<Status>,
    /// Overdue on the later date, not on the earlier one.
    pub became_overdue: bool,
    /// ISO due date, if any.
    pub due: String,
}

/// Everything that changed, grouped by kind of record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    pub actors: Vec<ActorChange>,
    pub relations: Vec<RelationChange>,
    pub groups: Vec<GroupChange>,
    pub items: Vec<ItemChange>,
}

/// Records of one kind matched by id: those that went, came and stayed.
pub fn matched<'a, T>(was: &'a [T], now: &'a [T], id: impl Fn(&T) -> &Id) -> Vec<(Option<&'a T>, Option<&'a T>)> {
    let (was_ids, now_ids): (Vec<&Id>, Vec<&Id>) = (was.iter().map(&id).collect(), now.iter().map(&id).collect());
    matched_positions(&was_ids, &now_ids).into_iter().map(|(w, n)| (w.map(|i| &was[i]), n.map(|i| &now[i]))).collect()
}

/// `matched` on ids: compiled once, not for each kind of record.
fn matched_positions(was: &[&Id], now: &[&Id]) -> Vec<(Option<usize>, Option<usize>)> {
    let later: HashMap<&Id, usize> = now.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let earlier: HashSet<&Id> = was.iter().copied().collect();
    (0..was.len())
        .map(|i| (Some(i), later.get(was[i]).copied()))
        .chain((0..now.len()).filter(|&i| !earlier.contains(now[i])).map(|i| (None, Some(i))))
        .collect()
}

fn how<T>(was: Option<&T>, now: Option<&T>) -> How {
    match (was, now) {
        (None, _) => How::Added,
        (_, None) => How::Removed,
        _ => How::Changed,
    }
}

impl Changes {
    /// What changed from `was` (on `was_date`) to `now` (on `now_date`);
    /// the dates (ISO) decide which checklist items became overdue.
    pub fn between(was: &Region, was_date: &str, now: &Region, now_date: &str) -> Changes {
        // Later names win: `now` comes second.
        let actors_of_both: Vec<&Actor> = was.actors.iter().chain(&now.actors).collect();
        let index: HashMap<&Id, usize> = actors_of_both.iter().enumerate().map(|(i, a)| (&a.id, i)).collect();
        let name = |id: &Id| index.get(id).map_or_else(|| "?".to_owned(), |&i| actors_of_both[i].name.clone());

        let mut actors: Vec<ActorChange> = matched(&was.actors, &now.actors, |a| &a.id)
            .into_iter()
            .filter_map(|(w, n)| {
                let fields = match (w, n) {
                    (Some(w), Some(n)) => ActorField::between(w, n),
                    _ => Vec::new(),
                };
                let how = how(w, n);
                if how == How::Changed && fields.is_empty() {
                    return None;
                }
                let actor = n.or(w)?;
                let was_name = w.zip(n).filter(|(w, n)| w.name != n.name).map(|(w, _)| w.name.clone());
                Some(ActorChange { id: actor.id.clone(), name: actor.name.clone(), was_name, how, fields })
            })
            .collect();
        order::sort_by(&mut actors, |a, b| a.how.cmp(&b.how).then_with(|| fold(&a.name).cmp(&fold(&b.name))));

        let mut relations: Vec<RelationChange> = matched(&was.relations, &now.relations, |r| &r.id)
            .into_iter()
            .filter_map(|(w, n): (Option<&Relation>, Option<&Relation>)| {
                if let (Some(w), Some(n)) = (w, n) {
                    if w == n {
                        return None;
                    }
                }
                let relation = n.or(w)?;
                let was = w.filter(|_| n.is_some());
                Some(RelationChange {
                    id: relation.id.clone(),
                    from: name(&relation.from),
                    to: name(&relation.to),
                    how: how(w, n),
                    kind: relation.kind,
                    was_kind: was.map(|w| w.kind).filter(|k| *k != relation.kind),
                    binding: relation.binding,
                    was_binding: was.map(|w| w.binding).filter(|b| *b != relation.binding),
                })
            })
            .collect();
        order::sort_by(&mut relations, |a, b| a.how.cmp(&b.how).then_with(|| fold(&a.from).cmp(&fold(&b.from))));

        let groups = matched(&was.groups, &now.groups, |g| &g.id)
            .into_iter()
            .filter_map(|(w, n): (Option<&Group>, Option<&Group>)| {
                let group = n.or(w)?;
                let before: HashSet<&Id> = w.map(|g| g.members.iter().collect()).unwrap_or_default();
                let after: HashSet<&Id> = n.map(|g| g.members.iter().collect()).unwrap_or_default();
                let both = w.is_some() && n.is_some();
                let joined = if both { group.members.iter().filter(|m| !before.contains(m)).map(&name).collect() } else { Vec::new() };
                let left = match w {
                    Some(w) if both => w.members.iter().filter(|m| !after.contains(m)).map(&name).collect(),
                    _ => Vec::new(),
                };
                // A Gremium meets a few times a year: a plain search will do.
                let held: &[Meeting] = w.map_or(&[], |w| &w.meetings);
                let meetings: Vec<Meeting> =
                    n.map(|n| n.meetings.iter().filter(|m| !held.contains(m)).cloned().collect()).unwrap_or_default();
                let change = GroupChange { id: group.id.clone(), name: group.name.clone(), how: how(w, n), joined, left, meetings };
                let nothing = both && change.joined.is_empty() && change.left.is_empty() && change.meetings.is_empty();
                (!nothing).then_some(change)
            })
            .collect();

        let mut items = Vec::new();
        for (earlier, checklist) in matched(&was.checklists, &now.checklists, |c| &c.id) {
            let Some(checklist) = checklist else { continue };
            let earlier: Vec<&ChecklistItem> = earlier.map(|c| c.items().collect()).unwrap_or_default();
            let later: Vec<&ChecklistItem> = checklist.items().collect();
            for (before, item) in matched(&earlier, &later, |i| &i.id) {
                let (Some(item), before) = (item, before) else { continue };
                let was_status = before.and_then(|b| b.status);
                let moved = before.is_some() && was_status != item.status;
                let became_overdue = item.is_overdue(now_date) && !before.is_some_and(|b| b.is_overdue(was_date));
                if moved || became_overdue {
                    items.push(ItemChange {
                        checklist: checklist.title.clone(),
                        item: item.text.clone(),
                        was: was_status,
                        now: item.status,
                        became_overdue,
                        due: item.due.clone(),
                    });
                }
            }
        }
        Changes { actors, relations, groups, items }
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty() && self.relations.is_empty() && self.groups.is_empty() && self.items.is_empty()
    }

    /// The changes in a few plain lines: "Neu: 3 Akteure, 5 Beziehungen".
    pub fn summary(&self) -> Vec<String> {
        let actors = |how: How| self.actors.iter().filter(|a| a.how == how).count();
        let relations = |how: How| self.relations.iter().filter(|r| r.how == how).count();
        // A Gremium that stayed is told by its joins, departures and meetings below.
        let groups = |how: How| if how == How::Changed { 0 } else { self.groups.iter().filter(|g| g.how == how).count() };
        let listed = |parts: Vec<String>| parts.join(", ");
        let counted = |counts: &[(crate::i18n::Key, usize)]| -> Vec<String> {
            counts.iter().filter(|(_, n)| *n > 0).map(|(key, n)| crate::i18n::count(*key, *n)).collect()
        };
        let mut lines = Vec::new();
        for (how, key) in [
            (How::Added, key!("history.summary.added")),
            (How::Removed, key!("history.summary.removed")),
            (How::Changed, key!("history.summary.changed")),
        ] {
            let parts = counted(&[
                (key!("count.actors"), actors(how)),
                (key!("count.relations"), relations(how)),
                (key!("count.groups"), groups(how)),
            ]);
            if !parts.is_empty() {
                lines.push(crate::i18n::fill_key(key, &[("list", &listed(parts))]));
            }
        }
        let moved = |ordering| self.relations.iter().filter(|r| r.binding_moved() == Some(ordering)).count();
        for (ordering, key) in
            [(std::cmp::Ordering::Greater, key!("history.summary.firmer")), (std::cmp::Ordering::Less, key!("history.summary.looser"))]
        {
            if moved(ordering) > 0 {
                lines.push(crate::i18n::fill_key(key, &[("list", &crate::i18n::count(key!("count.relations"), moved(ordering)))]));
            }
        }
        let sum = |f: fn(&GroupChange) -> usize| self.groups.iter().map(f).sum::<usize>();
        let group_parts = counted(&[
            (key!("count.joined"), sum(|g| g.joined.len())),
            (key!("count.left"), sum(|g| g.left.len())),
            (key!("count.meetings"), sum(|g| g.meetings.len())),
        ]);
        if !group_parts.is_empty() {
            lines.push(tr!("history.summary.groups", list = listed(group_parts)));
        }
        let item_parts = counted(&[
            (key!("count.status_moved"), self.items.iter().filter(|i| i.was != i.now).count()),
            (key!("count.became_overdue"), self.items.iter().filter(|i| i.became_overdue).count()),
        ]);
        if !item_parts.is_empty() {
            lines.push(tr!("history.summary.items", list = listed(item_parts)));
        }
        if lines.is_empty() {
            lines.push(t!("history.summary.none").to_owned());
        }
        lines
    }
}

/// One group of the change list: its heading and its lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub title: &'static str,
    pub lines: Vec<Line>,
}

/// One changed record in plain words, with how it changed (none for items).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub how: Option<How>,
    pub text: String,
}

impl How {
    pub fn label(self) -> &'static str {
        match self {
            How::Added => t!("history.how.added"),
            How::Removed => t!("history.how.removed"),
            How::Changed => t!("history.how.changed"),
        }
    }
}

impl Changes {
    /// Each changed record as a line, grouped by kind; empty groups left out.
    pub fn sections(&self) -> Vec<Section> {
        let show = crate::domain::rules::dates::show;
        let actors = self.actors.iter().map(|a| {
            let mut details: Vec<String> = Vec::new();
            if a.how == How::Changed {
                details.push(a.fields.iter().map(|f| f.label()).collect::<Vec<_>>().join(", "));
            }
            details.extend(a.was_name.as_ref().map(|w| tr!("history.renamed_from", name = w)));
            Line { how: Some(a.how), text: with_details(a.name.clone(), &details, " (", ")") }
        });
        let relations = self.relations.iter().map(|r| {
            let mut details = Vec::new();
            details.extend(r.was_kind.map(|was| format!("{} → {}", was.label(), r.kind.label())));
            details.extend(r.was_binding.map(|was| format!("{} → {}", was.label(), r.binding.label())));
            Line { how: Some(r.how), text: with_details(format!("{} – {}: {}", r.from, r.to, r.kind.label()), &details, " (", ")") }
        });
        let groups = self.groups.iter().map(|g| {
            let mut details = Vec::new();
            if !g.joined.is_empty() {
                details.push(tr!("history.joined", names = g.joined.join(", ")));
            }
            if !g.left.is_empty() {
                details.push(tr!("history.left", names = g.left.join(", ")));
            }
            details.extend(g.meetings.iter().map(|m| tr!("history.met", date = show(&m.date), topic = m.topic).trim_end().to_owned()));
            Line { how: Some(g.how), text: with_details(g.name.clone(), &details, ": ", "") }
        });
        let items = self.items.iter().map(|i| {
            let mut details = Vec::new();
            if i.was != i.now {
                details.push(format!("{} → {}", status_label(i.was), status_label(i.now)));
            }
            if i.became_overdue {
                details.push(tr!("history.overdue_since", date = show(&i.due)));
            }
            Line { how: None, text: with_details(format!("{}: {}", i.checklist, i.item), &details, " – ", "") }
        });
        [
            (t!("tabs.actors"), actors.collect::<Vec<_>>()),
            (t!("tabs.relations"), relations.collect()),
            (t!("tabs.groups"), groups.collect()),
            (t!("tabs.checklists"), items.collect()),
        ]
        .into_iter()
        .filter(|(_, lines)| !lines.is_empty())
        .map(|(title, lines)| Section { title, lines })
        .collect()
    }
}

/// "name (a; b)": the details joined, between `open` and `close`; the name alone without any.
fn with_details(name: String, details: &[String], open: &str, close: &str) -> String {
    let details: Vec<&str> = details.iter().map(String::as_str).filter(|d| !d.is_empty()).collect();
    if details.is_empty() {
        name
    } else {
        format!("{name}{open}{}{close}", details.join("; "))
    }
}

/// A Stichtag the app proposes: at the end of a quarter, for the region as
/// it stands then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// "Bericht Q3 2026".
    pub name: String,
    /// The quarter's last day, ISO.
    pub date: String,
}

/// The quarter that ended last before `today` (ISO), when the region has no
/// Stichtag on or after its last day and changed since its newest one.
pub fn suggestion(region: &Region, today: &str) -> Option<Suggestion> {
    let day = Day::parse_iso(today.get(..10)?)?;
    let (year, quarter) = match (day.month - 1) / 3 {
        0 => (day.year - 1, 4),
        q => (day.year, q),
    };
    let end = Day::new(year, quarter * 3, crate::domain::rules::dates::days_in_month(year, quarter * 3))?.iso();
    let newest = region.stichtage.last();
    if newest.is_some_and(|s| s.date >= end || RegionChange::between(&s.state, &Stichtag::state_of(region)).is_empty()) {
        return None;
    }
    Some(Suggestion { name: tr!("history.quarter_name", quarter = quarter, year = year), date: end })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::checklist::Status;
    use crate::domain::model::ActorKind;
    use crate::domain::samples::demo::demo_region as demo;

    fn after(edit: impl FnOnce(&mut Region)) -> (Region, Region) {
        let was = demo();
        let mut now = was.clone();
        edit(&mut now);
        (was, now)
    }

    fn changes(edit: impl FnOnce(&mut Region)) -> Changes {
        let (was, now) = after(edit);
        Changes::between(&was, "2026-09-30", &now, "2026-12-31")
    }

    #[test]
    fn nothing_changed_reports_nothing() {
        let region = demo();
        let c = Changes::between(&region, "2026-12-31", &region, "2026-12-31");
        assert!(c.is_empty(), "{c:?}");
        assert_eq!(c.summary(), ["Keine Änderungen."]);
    }

    #[test]
    fn each_kind_of_change_is_found() {
        struct Case {
            what: &'static str,
            edit: fn(&mut Region),
            check: fn(&Changes) -> bool,
            line: &'static str,
        }
        let cases = [
            Case {
                what: "actor added",
                edit: |r| r.actors.push(Actor::new(Id("neu".into()), "Neue Beratung", ActorKind::Beratungsstelle)),
                check: |c| matches!(&c.actors[..], [a] if a.how == How::Added && a.name == "Neue Beratung"),
                line: "Neu: 1 Akteur",
            },
            Case {
                what: "actor removed with its relations",
                edit: |r| {
                    let id = r.actors[0].id.clone();
                    r.actors.remove(0);
                    r.relations.retain(|x| !x.touches(&id));
                    for g in &mut r.groups {
                        g.members.retain(|m| *m != id);
                    }
                },
                check: |c| c.actors.len() == 1 && c.actors[0].how == How::Removed && c.relations.iter().all(|r| r.how == How::Removed),
                line: "Nicht mehr dabei: 1 Akteur",
            },
            Case {
                what: "actor renamed is changed, not removed and added",
                edit: |r| r.actors[0].name = "Umbenannt".into(),
                check: |c| matches!(&c.actors[..], [a] if a.how == How::Changed && a.fields == [ActorField::Name] && a.name == "Umbenannt" && a.was_name.is_some()),
                line: "Geändert: 1 Akteur",
            },
            Case {
                what: "Träger and contacts",
                edit: |r| {
                    r.actors[1].traeger = Some(r.actors[0].id.clone());
                    r.actors[1].contacts.clear();
                    r.actors[1].contacts.push(crate::domain::model::Contact { name: "Neu".into(), ..Default::default() });
                },
                check: |c| {
                    c.actors.len() == 1
                        && c.actors[0].fields.contains(&ActorField::Traeger)
                        && c.actors[0].fields.contains(&ActorField::Contacts)
                },
                line: "Geändert: 1 Akteur",
            },
            Case {
                what: "relation firmer",
                edit: |r| {
                    let rel = r.relations.iter_mut().find(|x| x.binding == Binding::Informell).unwrap();
                    rel.binding = Binding::Vertrag;
                },
                check: |c| matches!(&c.relations[..], [x] if x.was_binding == Some(Binding::Informell) && x.binding_moved() == Some(std::cmp::Ordering::Greater)),
                line: "Verbindlicher geworden: 1 Beziehung",
            },
            Case {
                what: "relation looser",
                edit: |r| {
                    let rel = r.relations.iter_mut().find(|x| x.binding == Binding::Vertrag).unwrap();
                    rel.binding = Binding::Informell;
                },
                check: |c| c.relations[0].binding_moved() == Some(std::cmp::Ordering::Less),
                line: "Weniger verbindlich geworden: 1 Beziehung",
            },
            Case {
                what: "relation kind",
                edit: |r| {
                    let rel = r.relations.iter_mut().find(|x| x.kind == RelationKind::Kooperation).unwrap();
                    rel.kind = RelationKind::Vereinbarung;
                },
                check: |c| c.relations[0].was_kind == Some(RelationKind::Kooperation) && c.relations[0].kind == RelationKind::Vereinbarung,
                line: "Geändert: 1 Beziehung",
            },
            Case {
                what: "Gremium joined, left and met",
                edit: |r| {
                    let outsider = r.actors.iter().find(|a| !r.groups[0].members.contains(&a.id)).unwrap().id.clone();
                    let g = &mut r.groups[0];
                    g.members.remove(0);
                    g.members.push(outsider);
                    g.meetings.push(Meeting { date: "2026-11-12".into(), topic: "Jahresplanung".into() });
                },
                check: |c| matches!(&c.groups[..], [g] if g.joined.len() == 1 && g.left.len() == 1 && g.meetings.len() == 1),
                line: "Gremien: 1 Beitritt, 1 Austritt, 1 Sitzung",
            },
            Case {
                what: "checklist item status moved",
                edit: |r| {
                    let item = r.checklists[0].sections[0].items.iter_mut().find(|i| i.status != Some(Status::Umgesetzt)).unwrap();
                    item.status = Some(Status::Umgesetzt);
                },
                check: |c| matches!(&c.items[..], [i] if i.now == Some(Status::Umgesetzt) && !i.became_overdue),
                line: "Checklisten: 1 Punkt mit neuem Status",
            },
            Case {
                what: "checklist item became overdue",
                edit: |r| {
                    let item = r.checklists[0].sections[0].items.iter_mut().find(|i| i.status != Some(Status::Umgesetzt)).unwrap();
                    item.due = "2026-11-15".into();
                },
                check: |c| matches!(&c.items[..], [i] if i.became_overdue && i.due == "2026-11-15"),
                line: "Checklisten: 1 Punkt überfällig geworden",
            },
        ];
        for case in cases {
            let c = changes(case.edit);
            assert!((case.check)(&c), "{}: {c:#?}", case.what);
            assert!(c.summary().iter().any(|l| l.starts_with(case.line)), "{}: {:?}", case.what, c.summary());
        }
    }

    #[test]
    fn an_item_overdue_on_both_dates_is_not_news() {
        let (mut was, _) = after(|_| {});
        let item = was.checklists[0].sections[0].items.iter_mut().find(|i| i.status != Some(Status::Umgesetzt)).unwrap();
        item.due = "2026-01-15".into();
        let c = Changes::between(&was, "2026-09-30", &was, "2026-12-31");
        assert!(c.is_empty(), "{c:#?}");
    }

    #[test]
    fn a_stichtag_is_proposed_for_the_quarter_that_ended_if_the_region_changed() {
        let mut region = demo();
        let first = suggestion(&region, "2026-01-05").unwrap();
        assert_eq!(first, Suggestion { name: "Bericht Q4 2025".into(), date: "2025-12-31".into() });
        region.take_stichtag(Id("s1".into()), first.name, first.date, "2026-01-05T09:00:00Z".into());
        assert_eq!(suggestion(&region, "2026-03-20"), None, "the quarter's Stichtag exists");
        assert_eq!(suggestion(&region, "2026-04-02"), None, "nothing changed since");
        region.actors[0].name = "Umbenannt".into();
        assert_eq!(suggestion(&region, "2026-04-02").map(|s| s.date), Some("2026-03-31".into()));
        assert_eq!(suggestion(&region, "2026-08-15").map(|s| s.name), Some("Bericht Q2 2026".into()));
    }

    #[test]
    fn the_change_list_says_each_change_in_words() {
        let c = changes(|r| {
            r.actors[0].name = "Umbenannt".into();
            let rel = r.relations.iter_mut().find(|x| x.binding == Binding::Informell).unwrap();
            rel.binding = Binding::Vertrag;
            r.groups[0].meetings.push(Meeting { date: "2026-11-12".into(), topic: "Jahresplanung".into() });
        });
        let sections = c.sections();
        let titles: Vec<&str> = sections.iter().map(|s| s.title).collect();
        assert_eq!(titles, ["Akteure", "Beziehungen", "Gremien"]);
        assert!(sections[0].lines[0].text.starts_with("Umbenannt (Name; vorher „"), "{:?}", sections[0].lines);
        assert!(sections[1].lines[0].text.ends_with("(informell → schriftlicher Vertrag)"), "{:?}", sections[1].lines);
        assert!(sections[2].lines[0].text.ends_with(": Sitzung am 12.11.2026 Jahresplanung"), "{:?}", sections[2].lines);
    }
}
