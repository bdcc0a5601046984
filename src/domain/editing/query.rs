//! Searching, filtering and sorting the actor and relation lists.

use crate::domain::hashing::{HashMap, HashSet};

use crate::domain::model::*;
use crate::domain::order;
use crate::domain::rules::names::similar_names;
use crate::domain::rules::text::fold;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ActorSort {
    #[default]
    Name,
    Kind,
    /// Most relations first.
    Relations,
}

impl ActorSort {
    pub const ALL: [ActorSort; 3] = [ActorSort::Name, ActorSort::Kind, ActorSort::Relations];

    pub fn key(self) -> &'static str {
        match self {
            ActorSort::Name => "name",
            ActorSort::Kind => "kind",
            ActorSort::Relations => "relations",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ActorSort::Name => t!("sort.name"),
            ActorSort::Kind => t!("region.kind"),
            ActorSort::Relations => t!("network.rings_degree"),
        }
    }

    pub fn from_key(key: &str) -> ActorSort {
        ActorSort::ALL.into_iter().find(|s| s.key() == key).unwrap_or_default()
    }
}

/// The list's search field, filters and sort order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ActorQuery {
    pub text: String,
    pub kind: Option<ActorKind>,
    pub rechtskreis: Option<Rechtskreis>,
    pub sozialraum: Option<Id>,
    /// The actors of a programme: the Träger and partners of its Bausteine.
    pub programme: Option<Id>,
    pub sort: ActorSort,
}

/// One row of the actor list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ActorRow {
    pub id: Id,
    pub name: String,
    pub kind: ActorKind,
    pub sozialraeume: String,
    pub rechtskreise: String,
    pub relations: usize,
}

impl ActorQuery {
    pub fn is_filtered(&self) -> bool {
        !self.text.trim().is_empty()
            || self.kind.is_some()
            || self.rechtskreis.is_some()
            || self.sozialraum.is_some()
            || self.programme.is_some()
    }

    /// The actors the programme filter admits (none for a programme gone
    /// meanwhile); `None` without a programme filter.
    fn members<'a>(&self, region: &'a Region) -> Option<HashSet<&'a Id>> {
        self.programme.as_ref().map(|p| region.programme(p).map(Programme::actors).unwrap_or_default())
    }

    /// Whether an actor passes the search and filters. The search text is
    /// folded once here, not once per actor: this runs on every keystroke.
    pub fn matcher<'a>(&'a self, region: &'a Region) -> impl Fn(&Actor) -> bool + 'a {
        let needle = fold(self.text.trim());
        let members = self.members(region);
        move |actor| {
            members.as_ref().is_none_or(|m| m.contains(&actor.id))
                && self.admits(&needle, actor.kind, &actor.rechtskreise, &actor.sozialraeume, || fold(&actor.name))
        }
    }

    /// The one rule of search and filters; `folded_name` is asked for last,
    /// and only when there is search text.
    fn admits<S: AsRef<str>>(
        &self,
        needle: &str,
        kind: ActorKind,
        rechtskreise: &[Rechtskreis],
        sozialraeume: &[Id],
        folded_name: impl FnOnce() -> S,
    ) -> bool {
        self.kind.is_none_or(|k| kind == k)
            && self.rechtskreis.is_none_or(|r| rechtskreise.contains(&r))
            && self.sozialraum.as_ref().is_none_or(|s| sozialraeume.contains(s))
            && (needle.is_empty() || folded_name().as_ref().contains(needle))
    }

    /// The rows to show, filtered and sorted.
    #[cfg(test)]
    pub fn run(&self, region: &Region) -> Vec<ActorRow> {
        let rows = ActorRows::new(region, self.sort);
        rows.select(self, region).into_iter().map(|i| rows.row(i).clone()).collect()
    }
}

/// Every actor of a region as a row of the list, in the sort order, with
/// what filtering needs. Built once per change of the region or the sort
/// order, so that a keystroke in the search only filters: no relation
/// counting, no folding of names, no sorting.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ActorRows {
    rows: Vec<Prepared>,
}

#[derive(Clone, Debug, PartialEq)]
struct Prepared {
    row: ActorRow,
    /// The name folded for search and sort.
    folded: String,
    rechtskreise: Vec<Rechtskreis>,
    sozialraeume: Vec<Id>,
}

impl ActorRows {
    pub fn new(region: &Region, sort: ActorSort) -> ActorRows {
        let mut counts: HashMap<&Id, usize> = HashMap::default();
        for relation in &region.relations {
            *counts.entry(&relation.from).or_default() += 1;
            *counts.entry(&relation.to).or_default() += 1;
        }
        let sozialraum_names: HashMap<&Id, &str> = region.sozialraeume.iter().map(|s| (&s.id, s.name.as_str())).collect();
        let mut rows: Vec<Prepared> = region
            .actors
            .iter()
            .map(|a| Prepared {
                row: ActorRow {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    kind: a.kind,
                    sozialraeume: a.sozialraeume.iter().filter_map(|s| sozialraum_names.get(s).copied()).collect::<Vec<_>>().join(", "),
                    rechtskreise: a.rechtskreise.iter().map(|r| r.short()).collect::<Vec<_>>().join(", "),
                    relations: counts.get(&a.id).copied().unwrap_or(0),
                },
                folded: fold(&a.name),
                rechtskreise: a.rechtskreise.clone(),
                sozialraeume: a.sozialraeume.clone(),
            })
            .collect();
        match sort {
            ActorSort::Name => order::sort_by(&mut rows, |a, b| a.folded.cmp(&b.folded)),
            ActorSort::Kind => {
                let kinds: HashMap<ActorKind, String> = ActorKind::ALL.iter().map(|k| (*k, fold(k.label()))).collect();
                order::sort_by(&mut rows, |a, b| kinds[&a.row.kind].cmp(&kinds[&b.row.kind]).then(a.folded.cmp(&b.folded)))
            }
            ActorSort::Relations => order::sort_by(&mut rows, |a, b| b.row.relations.cmp(&a.row.relations).then(a.folded.cmp(&b.folded))),
        }
        ActorRows { rows }
    }

    /// Positions of the rows that pass the search and filters of `query`
    /// (its sort order is the one the rows were built with), in order.
    pub fn select(&self, query: &ActorQuery, region: &Region) -> Vec<usize> {
        let needle = fold(query.text.trim());
        let members = query.members(region);
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, p)| members.as_ref().is_none_or(|m| m.contains(&p.row.id)))
            .filter(|(_, p)| query.admits(&needle, p.row.kind, &p.rechtskreise, &p.sozialraeume, || p.folded.as_str()))
            .map(|(i, _)| i)
            .collect()
    }

    pub fn row(&self, position: usize) -> &ActorRow {
        &self.rows[position].row
    }
}

/// The region's actors that `keep` accepts, as (id, name) in alphabetical
/// order (umlauts folded): the choices of every actor picker.
pub fn actors_by_name(region: &Region, keep: impl Fn(&Actor) -> bool) -> Vec<(Id, String)> {
    actors_by_name_with(region, &keep)
}

/// The body of `actors_by_name`, once in the wasm instead of once per caller.
fn actors_by_name_with(region: &Region, keep: &dyn Fn(&Actor) -> bool) -> Vec<(Id, String)> {
    let mut actors: Vec<(String, Id, String)> =
        region.actors.iter().filter(|a| keep(a)).map(|a| (fold(&a.name), a.id.clone(), a.name.clone())).collect();
    order::sort(&mut actors);
    actors.into_iter().map(|(_, id, name)| (id, name)).collect()
}

/// Other actors whose name very likely means the same organisation as
/// `name` (the rule the merge of files uses), for the form's warning.
pub fn similar_actors(region: &Region, name: &str, except: &Id) -> Vec<(Id, String)> {
    actors_by_name(region, |a| &a.id != except && similar_names(&a.name, name))
}

/// Type-ahead in a list of names: the first name after `current` (or from
/// `current` itself while the user is still typing one word) that starts
/// with `typed`, ignoring case and umlaut spelling; wraps around.
pub fn next_by_prefix(names: &[String], current: usize, typed: &str, continuing: bool) -> Option<usize> {
    let typed = fold(typed);
    if typed.is_empty() || names.is_empty() {
        return None;
    }
    let start = if continuing { current } else { current + 1 };
    (0..names.len()).map(|i| (start + i) % names.len()).find(|&i| fold(&names[i]).starts_with(&typed))
}

/// The relation list's filters.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RelationQuery {
    /// Matches the name of either actor.
    pub text: String,
    pub kind: Option<RelationKind>,
    pub binding: Option<Binding>,
}

impl RelationQuery {
    /// Relations to show, sorted by the first actor's name, then the second.
    pub fn run<'a>(&self, region: &'a Region) -> Vec<&'a Relation> {
        let names: HashMap<&Id, String> = region.actors.iter().map(|a| (&a.id, fold(&a.name))).collect();
        let name = |id: &Id| names.get(id).cloned().unwrap_or_default();
        let needle = fold(self.text.trim());
        let mut rows: Vec<&Relation> = region
            .relations
            .iter()
            .filter(|r| self.kind.is_none_or(|k| r.kind == k))
            .filter(|r| self.binding.is_none_or(|b| r.binding == b))
            .filter(|r| needle.is_empty() || name(&r.from).contains(&needle) || name(&r.to).contains(&needle))
            .collect();
        order::sort_by(&mut rows, |a, b| name(&a.from).cmp(&name(&b.from)).then(name(&a.to).cmp(&name(&b.to))));
        rows
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn type_ahead_finds_the_next_name_with_the_prefix() {
        let names: Vec<String> = ["Agentur für Arbeit", "Bäckerei Korn", "Beratungsstelle", "Bildungswerk"].map(String::from).to_vec();
        assert_eq!(super::next_by_prefix(&names, 0, "b", false), Some(1));
        assert_eq!(super::next_by_prefix(&names, 1, "b", false), Some(2), "a new letter moves on");
        assert_eq!(super::next_by_prefix(&names, 1, "BÄCK", true), Some(1), "still typing stays on a match");
        assert_eq!(super::next_by_prefix(&names, 1, "bi", true), Some(3));
        assert_eq!(super::next_by_prefix(&names, 3, "a", false), Some(0), "wraps around");
        assert_eq!(super::next_by_prefix(&names, 0, "x", false), None);
        assert_eq!(super::next_by_prefix(&[], 0, "a", false), None);
    }

    use super::*;
    use crate::domain::samples::demo::demo_workspace;

    fn demo() -> Region {
        demo_workspace().regions.remove(0)
    }

    #[test]
    fn search_ignores_case_and_umlauts() {
        let r = demo();
        let q = ActorQuery { text: "TAGESFORDER".into(), ..ActorQuery::default() };
        let rows = q.run(&r);
        assert!(rows.len() >= 2);
        assert!(rows.iter().all(|row| row.name.contains("Tagesförderstätte")));
    }

    #[test]
    fn filters_combine() {
        let r = demo();
        let all = ActorQuery::default().run(&r);
        assert_eq!(all.len(), r.actors.len());
        let q = ActorQuery { kind: Some(ActorKind::Ifd), ..ActorQuery::default() };
        let ifds = q.run(&r);
        assert!(ifds.len() >= 2 && ifds.iter().all(|row| row.kind == ActorKind::Ifd));
        let q = ActorQuery { rechtskreis: Some(Rechtskreis::SgbII), ..ActorQuery::default() };
        assert!(q.run(&r).iter().any(|row| row.name.starts_with("Jobcenter")));
        let nord = r.sozialraeume[1].id.clone();
        let q = ActorQuery { sozialraum: Some(nord.clone()), kind: Some(ActorKind::Arbeitgeber), ..ActorQuery::default() };
        for row in q.run(&r) {
            assert_eq!(row.kind, ActorKind::Arbeitgeber);
            assert!(r.actor(&row.id).unwrap().sozialraeume.contains(&nord));
        }
        // A programme admits the Träger and partners of its Bausteine; one gone admits none.
        let jsiq = &r.programmes[0];
        let q = ActorQuery { programme: Some(jsiq.id.clone()), ..ActorQuery::default() };
        let mut found: Vec<Id> = q.run(&r).into_iter().map(|row| row.id).collect();
        let mut expected: Vec<Id> = jsiq.bausteine.iter().flat_map(|b| b.actors()).cloned().collect();
        found.sort();
        expected.sort();
        expected.dedup();
        assert_eq!((found.len(), found), (10, expected));
        assert!(q.is_filtered());
        assert!(ActorQuery { programme: Some(Id("gone".into())), ..ActorQuery::default() }.run(&r).is_empty());
    }

    #[test]
    fn sorting() {
        let r = demo();
        let by_name = ActorQuery::default().run(&r);
        let folded: Vec<String> = by_name.iter().map(|row| fold(&row.name)).collect();
        let mut sorted = folded.clone();
        sorted.sort();
        assert_eq!(folded, sorted);
        let by_relations = ActorQuery { sort: ActorSort::Relations, ..ActorQuery::default() }.run(&r);
        assert!(by_relations.windows(2).all(|w| w[0].relations >= w[1].relations));
        assert_eq!(by_relations[0].relations, r.relation_count(&by_relations[0].id));
        assert_eq!(ActorSort::from_key("kind"), ActorSort::Kind);
        assert_eq!(ActorSort::from_key("???"), ActorSort::Name);
    }

    #[test]
    fn prepared_rows_filter_like_the_matcher_for_any_query() {
        let r = demo();
        let nord = r.sozialraeume[1].id.clone();
        let jsiq = r.programmes[0].id.clone();
        for sort in ActorSort::ALL {
            let rows = ActorRows::new(&r, sort);
            for text in ["", "  ", "stätte", "STAETTE", "e", "zzz"] {
                for kind in [None, Some(ActorKind::Ifd), Some(ActorKind::Arbeitgeber)] {
                    for (sozialraum, programme) in [(None, None), (Some(nord.clone()), None), (None, Some(jsiq.clone()))] {
                        let q = ActorQuery { text: text.into(), kind, sozialraum, programme, sort, ..ActorQuery::default() };
                        let matcher = q.matcher(&r);
                        let selected: Vec<&Id> = rows.select(&q, &r).into_iter().map(|i| &rows.row(i).id).collect();
                        let mut expected: Vec<&Id> = r.actors.iter().filter(|a| matcher(a)).map(|a| &a.id).collect();
                        expected.sort_by_key(|id| selected.iter().position(|s| s == id));
                        assert_eq!(selected, expected, "{q:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn actor_choices_are_alphabetical_and_filtered() {
        let r = demo();
        let all = actors_by_name(&r, |_| true);
        assert_eq!(all.len(), r.actors.len());
        assert_eq!(all[0].1, "Agentur für Arbeit Lindenau");
        let ifds = actors_by_name(&r, |a| a.kind == ActorKind::Ifd);
        assert_eq!(
            ifds.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
            ["IFD der Stephanus-Werkstatt", "Integrationsfachdienst Lindenau gGmbH"]
        );
    }

    #[test]
    fn relation_filter_matches_either_end() {
        let r = demo();
        let q = RelationQuery { text: "jobcenter".into(), ..RelationQuery::default() };
        let rows = q.run(&r);
        assert!(!rows.is_empty());
        let jc = r.actors.iter().find(|a| a.name.starts_with("Jobcenter")).unwrap();
        assert_eq!(rows.len(), r.relation_count(&jc.id));
        let q = RelationQuery { kind: Some(RelationKind::Weiterleitung), ..RelationQuery::default() };
        assert!(q.run(&r).iter().all(|rel| rel.kind == RelationKind::Weiterleitung));
    }

    #[test]
    fn a_near_duplicate_name_finds_the_actor_it_likely_means() {
        let mut region = crate::domain::samples::demo::demo_workspace().regions.remove(0);
        let jobcenter = region.actors.iter().find(|a| a.name == "Jobcenter Landkreis Lindenau").unwrap().id.clone();
        let found = similar_actors(&region, "jobcenter Landkreis Lindenau ", &Id("neu".into()));
        assert_eq!(found, vec![(jobcenter.clone(), "Jobcenter Landkreis Lindenau".to_owned())]);
        assert!(similar_actors(&region, "Jobcenter Landkreis Lindenau", &jobcenter).is_empty(), "not itself while editing");
        assert!(similar_actors(&region, "Tafel Lindenau", &Id("neu".into())).is_empty());
        region.actors.clear();
        assert!(similar_actors(&region, "Jobcenter Landkreis Lindenau", &Id("neu".into())).is_empty());
    }
}
