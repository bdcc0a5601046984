//! A deterministic generator of test regions for benchmarks and tests:
//! n actors with five relations each, contact persons on every other actor,
//! and ten checklists of 40 items. The same seed always gives the same region.

use crate::domain::model::checklist::{Checklist, ItemKind, Scale, Status, Template, TemplateItem, TemplateSection};
use crate::domain::model::stichtag::Stichtag;
use crate::domain::model::*;

/// xorshift64*: tiny, fast and good enough to vary test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.below(from.len())]
    }
}

const PLACES: [&str; 8] = ["Lindenau", "Erlenbach", "Birkhain", "Ahornfeld", "Eschwege-Nord", "Buchholz", "Tannstadt", "Weidenau"];
const WORDS: [&str; 10] =
    ["Beratung", "Jugendhilfe", "Teilhabe", "Integration", "Ausbildung", "Familie", "Arbeit", "Bildung", "Wohnen", "Sprache"];
const FIRST: [&str; 8] = ["Anna", "Ole", "Fatma", "Jonas", "Mira", "Lukas", "Sevgi", "Paul"];
const LAST: [&str; 8] = ["Schmidt", "Berg", "Yılmaz", "Keller", "Wagner", "Nowak", "Hoffmann", "Demir"];

/// A 40-item planning template in four sections.
pub fn generated_template() -> Template {
    Template {
        id: Id("template-generated".into()),
        name: "Generierte Vorlage".into(),
        description: "Für Benchmarks und Tests.".into(),
        version: 1,
        sections: (0..4)
            .map(|s| TemplateSection {
                id: Id(format!("gen-s{s}")),
                title: format!("Abschnitt {}", s + 1),
                items: (0..10)
                    .map(|i| TemplateItem {
                        id: Id(format!("gen-s{s}-i{i}")),
                        text: format!("Punkt {}.{}: {} und {} abgestimmt", s + 1, i + 1, WORDS[i], WORDS[(i + s) % 10]),
                        help: "Hinweis zum Punkt.".into(),
                        kind: ItemKind::Status(Scale::Planning),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A region of `actors` actors, `5 × actors` relations and 10 checklists.
pub fn generated_region(actors: usize, seed: u64) -> Region {
    let mut rng = Rng::new(seed);
    let place = PLACES[(seed as usize) % PLACES.len()];
    let mut region = Region::new(Id(format!("gen-region-{seed}-{actors}")), format!("Testkreis {place} ({actors})"), RegionKind::Landkreis);
    region.sozialraeume = (0..6)
        .map(|s| Sozialraum {
            id: Id(format!("gen-sr-{s}")),
            name: format!("Sozialraum {}", s + 1),
            gemeinden: vec![format!("{place}-{s}")],
        })
        .collect();
    for i in 0..actors {
        let kind = rng.pick(ActorKind::ALL);
        let mut actor = Actor::new(Id(format!("gen-a{i}")), format!("{} {} {}", kind.label(), rng.pick(&WORDS), i), kind);
        actor.rechtskreise = vec![rng.pick(Rechtskreis::ALL)];
        actor.sozialraeume = vec![Id(format!("gen-sr-{}", rng.below(6)))];
        actor.target_groups = vec!["Jugendliche".into(), rng.pick(&WORDS).into()];
        actor.offers = vec![format!("{} vor Ort", rng.pick(&WORDS))];
        actor.website = format!("https://www.akteur-{i}.example");
        if i > 0 && rng.below(4) == 0 {
            actor.traeger = Some(Id(format!("gen-a{}", rng.below(i))));
        }
        if i % 2 == 0 {
            let (first, last) = (rng.pick(&FIRST), rng.pick(&LAST));
            actor.contacts = vec![Contact {
                name: format!("{first} {last}"),
                role: "Koordination".into(),
                email: format!("{}.{}@akteur-{i}.example", first.to_lowercase(), last.to_lowercase()),
                phone: format!("+49 6441 {:04}", rng.below(10_000)),
            }];
        }
        region.actors.push(actor);
    }
    if actors > 1 {
        for i in 0..actors * 5 {
            let from = i / 5;
            let mut to = rng.below(actors);
            if to == from {
                to = (to + 1) % actors;
            }
            let kind = rng.pick(RelationKind::ALL);
            region.relations.push(Relation {
                id: Id(format!("gen-r{i}")),
                from: Id(format!("gen-a{from}")),
                to: Id(format!("gen-a{to}")),
                kind,
                direction: if kind.has_direction() { Direction::Forward } else { Direction::Undirected },
                binding: rng.pick(Binding::ALL),
                since: format!("{}", 2010 + rng.below(16)),
                notes: String::new(),
            });
        }
    }
    let template = generated_template();
    for c in 0..10 {
        let mut checklist =
            Checklist::from_template(Id(format!("gen-c{c}")), format!("Checkliste {}", c + 1), &template, "2026-01-01T00:00:00.000Z");
        let ids: Vec<Id> = checklist.items().map(|i| i.id.clone()).collect();
        for id in ids {
            let status = [None, Some(Status::Nein), Some(Status::NichtGeplantSinnvoll), Some(Status::InPlanung), Some(Status::Umgesetzt)]
                [rng.below(5)];
            checklist.set_status(&id, status, "2026-06-01T00:00:00.000Z");
            if actors > 0 {
                let who = Id(format!("gen-a{}", rng.below(actors)));
                checklist.update_item(&id, "2026-06-01T00:00:00.000Z", |item| item.responsible = vec![who]);
            }
        }
        region.checklists.push(checklist);
    }
    region
}

/// A workspace with one generated region and the template its checklists use.
pub fn generated_workspace(actors: usize, seed: u64) -> Workspace {
    let region = generated_region(actors, seed);
    Workspace { active: Some(region.id.clone()), regions: vec![region], templates: vec![generated_template()] }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::integrity::integrity_problems;

    #[test]
    fn generated_regions_are_sound_sized_and_repeatable() {
        let ws = generated_workspace(200, 7);
        assert!(integrity_problems(&ws).is_empty(), "{:?}", integrity_problems(&ws));
        let region = &ws.regions[0];
        assert_eq!((region.actors.len(), region.relations.len(), region.checklists.len()), (200, 1000, 10));
        assert_eq!(region.checklists[0].items().count(), 40);
        assert_eq!(region.actors.iter().filter(|a| !a.contacts.is_empty()).count(), 100);
        assert_eq!(generated_workspace(200, 7), ws);
        assert_ne!(generated_workspace(200, 8).regions[0].relations, region.relations);
    }
}

/// A generated region of `actors` actors with `quarters` Stichtage, one at
/// the end of each quarter of 2025 onwards, each after changes to about 2 %
/// of the actors and relations (renamed, added, removed, binding raised).
pub fn generated_history(actors: usize, quarters: usize, seed: u64) -> Region {
    let mut region = generated_region(actors, seed);
    let mut rng = Rng::new(seed ^ 0x5eed);
    let step = (actors / 50).max(1);
    for q in 0..quarters {
        let date = format!("{}-{}", 2025 + q / 4, ["03-31", "06-30", "09-30", "12-31"][q % 4]);
        region.stichtage.push(Stichtag::of(
            &region,
            Id(format!("gen-s{q}")),
            format!("Bericht Q{} {}", q % 4 + 1, 2025 + q / 4),
            date.clone(),
            format!("{date}T16:00:00.000Z"),
        ));
        for k in 0..step {
            let n = region.actors.len();
            region.actors[rng.below(n)].name.push_str(" (neu benannt)");
            let n = region.relations.len();
            let relation = &mut region.relations[rng.below(n)];
            relation.binding = Binding::ALL[(relation.binding as usize + 1).min(Binding::ALL.len() - 1)];
            if k % 4 == 0 {
                let kind = rng.pick(ActorKind::ALL);
                region.actors.push(Actor::new(Id(format!("gen-q{q}-a{k}")), format!("{} Neu {q}-{k}", kind.label()), kind));
                let gone = region.relations.len() - 1 - rng.below(region.relations.len().min(50));
                region.relations.remove(gone);
            }
        }
    }
    region
}
