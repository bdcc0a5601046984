//! What the network picture marks when it shows the changes since a
//! Stichtag: actors and relations that are new since, and those that went,
//! which the picture still draws, faint, where they would be.

use crate::domain::hashing::HashSet;

use crate::domain::analysis::over_time::matched;
use crate::domain::model::{Actor, Id, Region, Relation};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    /// Actors in `now` that `was` did not have.
    pub new_actors: HashSet<Id>,
    /// Relations in `now` that `was` did not have.
    pub new_relations: HashSet<Id>,
    /// Actors of `was` that `now` no longer has.
    pub gone_actors: Vec<Actor>,
    /// Relations of `was` that `now` no longer has.
    pub gone_relations: Vec<Relation>,
}

impl Marks {
    /// From `was` (a Stichtag's state) to `now`, matched by id: a renamed
    /// actor is the same actor, neither new nor gone.
    pub fn between(was: &Region, now: &Region) -> Marks {
        // Actors and relations are matched apart: a Gephi file may number both from 1.
        let mut marks = Marks::default();
        for pair in matched(&was.actors, &now.actors, |a| &a.id) {
            match pair {
                (None, Some(came)) => drop(marks.new_actors.insert(came.id.clone())),
                (Some(went), None) => marks.gone_actors.push(went.clone()),
                _ => {}
            }
        }
        for pair in matched(&was.relations, &now.relations, |r| &r.id) {
            match pair {
                (None, Some(came)) => drop(marks.new_relations.insert(came.id.clone())),
                (Some(went), None) => marks.gone_relations.push(went.clone()),
                _ => {}
            }
        }
        marks
    }

    pub fn is_new_actor(&self, id: &Id) -> bool {
        self.new_actors.contains(id)
    }

    pub fn is_new_relation(&self, id: &Id) -> bool {
        self.new_relations.contains(id)
    }

    pub fn is_empty(&self) -> bool {
        self.new_actors.is_empty() && self.new_relations.is_empty() && self.gone_actors.is_empty() && self.gone_relations.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::ActorKind;
    use crate::domain::samples::demo::demo_region as demo;

    #[test]
    fn the_same_state_marks_nothing() {
        let region = demo();
        assert!(Marks::between(&region, &region).is_empty());
    }

    #[test]
    fn new_and_gone_actors_and_relations_are_marked_and_a_renamed_actor_is_not() {
        let was = demo();
        let mut now = was.clone();
        let gone = now.actors[0].id.clone();
        let gone_relations: Vec<Id> = now.relations.iter().filter(|r| r.touches(&gone)).map(|r| r.id.clone()).collect();
        assert!(!gone_relations.is_empty(), "the demo's first actor has relations");
        now.delete_actor(&gone);
        now.actors[0].name = "Umbenannt".into();
        now.actors.push(Actor::new(Id("neu".into()), "Neue Beratung", ActorKind::Beratungsstelle));
        let mut firmer = now.relations[0].clone();
        firmer.binding = crate::domain::model::Binding::Vertrag;
        now.upsert_relation(firmer);
        let mut added = now.relations[0].clone();
        added.id = Id("neue-beziehung".into());
        now.relations.push(added);

        let marks = Marks::between(&was, &now);
        assert_eq!(marks.new_actors, HashSet::from_iter([Id("neu".into())]));
        assert_eq!(marks.new_relations, HashSet::from_iter([Id("neue-beziehung".into())]));
        assert!(marks.is_new_actor(&Id("neu".into())) && !marks.is_new_actor(&now.actors[0].id));
        assert!(marks.is_new_relation(&Id("neue-beziehung".into())));
        assert_eq!(marks.gone_actors.iter().map(|a| a.id.clone()).collect::<Vec<_>>(), [gone]);
        assert_eq!(marks.gone_relations.iter().map(|r| r.id.clone()).collect::<Vec<_>>(), gone_relations);
    }

    #[test]
    fn an_actor_and_a_relation_with_the_same_id_are_told_apart() {
        let mut was = demo();
        was.relations.truncate(1);
        let mut now = was.clone();
        // The relation's id, now also an actor's: the actor is new, the relation is not.
        now.actors.push(Actor::new(was.relations[0].id.clone(), "Gleiche Nummer", ActorKind::Sonstige));
        let marks = Marks::between(&was, &now);
        assert_eq!(marks.new_actors.len(), 1);
        assert!(marks.new_relations.is_empty() && marks.gone_relations.is_empty());
    }
}
