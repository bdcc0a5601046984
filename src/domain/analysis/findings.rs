//! Reading the network in plain words: the questions coordinators ask of a
//! network map (after Net-Map's strategic questions), each answered with the
//! actors it concerns so the picture can highlight them.

use crate::domain::hashing::HashMap;
use crate::i18n::count;

use crate::domain::analysis::metrics::{
    betweenness, degrees, density_per_sozialraum, isolated, percent_text, rechtskreise_without_written_agreement,
};
use crate::domain::model::{Id, Region};
use crate::domain::order;

/// One line of an answer and the actors it names.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub text: String,
    pub actors: Vec<Id>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub question: &'static str,
    pub summary: String,
    pub items: Vec<Item>,
}

/// How many brokers are named.
const BROKERS: usize = 5;

/// Every finding, betweenness included (computed here, in one go).
pub fn read_network(region: &Region) -> Vec<Finding> {
    let centrality = betweenness(region);
    read_network_with(region, Some(&centrality))
}

/// Where the brokers' answer stands among the findings (see [`with_brokers`]).
const BROKERS_AT: usize = 1;

/// Who holds the network together: the actors of highest betweenness
/// (`None` while it is still being computed).
pub fn brokers(region: &Region, centrality: Option<&HashMap<&Id, f64>>) -> Finding {
    let question = t!("reading.brokers.question");
    let Some(centrality) = centrality else {
        return Finding { question, summary: t!("reading.brokers.computing").into(), items: Vec::new() };
    };
    let names: HashMap<&Id, &str> = region.actors.iter().map(|a| (&a.id, a.name.as_str())).collect();
    let name = |id: &Id| names.get(id).map(|n| (*n).to_owned()).unwrap_or_else(|| region.actor_name(id));
    let mut brokers: Vec<(&Id, f64)> = centrality.iter().filter(|(_, c)| **c > 0.0).map(|(id, c)| (*id, *c)).collect();
    // By name where equal, borrowed: a sort compares thousands of times.
    order::sort_by(&mut brokers, |a, b| b.1.total_cmp(&a.1).then_with(|| names.get(a.0).cmp(&names.get(b.0))));
    brokers.truncate(BROKERS);
    Finding {
        question,
        summary: if brokers.is_empty() { t!("reading.brokers.none").into() } else { t!("reading.brokers.some").into() },
        items: brokers
            .iter()
            .map(|(id, c)| Item { text: tr!("reading.brokers.item", name = name(id), n = pairs(*c)), actors: vec![(*id).clone()] })
            .collect(),
    }
}

/// `findings` (as [`read_network_with`] read them) with the brokers'
/// answer from `centrality`: when betweenness arrives, the rest need not
/// be read again (at 5,000 actors that kept the main thread 40 ms).
pub fn with_brokers(mut findings: Vec<Finding>, region: &Region, centrality: &HashMap<&Id, f64>) -> Vec<Finding> {
    if let Some(slot) = findings.get_mut(BROKERS_AT) {
        *slot = brokers(region, Some(centrality));
    }
    findings
}

/// Every finding, with betweenness computed elsewhere (the browser spreads
/// it over frames); `None` while it is still being computed.
pub fn read_network_with(region: &Region, centrality: Option<&HashMap<&Id, f64>>) -> Vec<Finding> {
    let names: HashMap<&Id, &str> = region.actors.iter().map(|a| (&a.id, a.name.as_str())).collect();
    let name = |id: &Id| names.get(id).map(|n| (*n).to_owned()).unwrap_or_else(|| region.actor_name(id));
    let mut findings = Vec::new();

    let alone = isolated(region);
    findings.push(Finding {
        question: t!("reading.isolated.question"),
        summary: match alone.len() {
            0 => t!("reading.isolated.none").into(),
            n => tr!("reading.isolated.some", n = n),
        },
        items: alone.iter().map(|id| Item { text: name(id), actors: vec![(*id).clone()] }).collect(),
    });

    findings.push(brokers(region, centrality));

    let without = rechtskreise_without_written_agreement(region);
    findings.push(Finding {
        question: t!("reading.rechtskreise.question"),
        summary: if without.is_empty() {
            t!("reading.rechtskreise.none").into()
        } else {
            tr!("reading.rechtskreise.some", n = without.len())
        },
        items: without
            .iter()
            .map(|r| Item {
                text: r.label().to_owned(),
                actors: region.actors.iter().filter(|a| a.rechtskreise.contains(r)).map(|a| a.id.clone()).collect(),
            })
            .collect(),
    });

    findings.push(Finding {
        question: t!("reading.density.question"),
        summary: t!("reading.density.summary").into(),
        items: density_per_sozialraum(region)
            .into_iter()
            .zip(&region.sozialraeume)
            .map(|(d, s)| {
                let possible = d.actors * d.actors.saturating_sub(1) / 2;
                Item {
                    text: tr!(
                        "reading.density.item",
                        name = d.name,
                        actors = count(key!("count.actors"), d.actors),
                        linked = d.linked_pairs,
                        possible = possible,
                        percent = percent_text(d.density)
                    ),
                    actors: region.actors.iter().filter(|a| a.sozialraeume.contains(&s.id)).map(|a| a.id.clone()).collect(),
                }
            })
            .collect(),
    });

    let degrees = degrees(region);
    let mut degree: Vec<(&Id, usize, &str)> =
        region.actors.iter().map(|a| (&a.id, degrees.get(&a.id).copied().unwrap_or(0), a.name.as_str())).collect();
    order::sort_by(&mut degree, |a, b| b.1.cmp(&a.1).then_with(|| a.2.cmp(b.2)));
    findings.push(Finding {
        question: t!("reading.degree.question"),
        summary: tr!(
            "reading.degree.summary",
            actors = count(key!("count.actors"), region.actors.len()),
            relations = count(key!("count.relations"), region.relations.len())
        ),
        items: degree.into_iter().map(|(id, n, name)| Item { text: format!("{name}: {n}"), actors: vec![id.clone()] }).collect(),
    });
    findings
}

/// Betweenness as people read it: whole numbers, or one decimal ("2,5").
/// Betweenness read as the number of pairs of others an actor connects
/// (each pair counts with the share of its shortest paths that runs through
/// the actor), rounded, and at least one for anyone listed.
fn pairs(betweenness: f64) -> u64 {
    (betweenness.round() as u64).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::*;
    use crate::domain::samples::demo::demo_workspace;

    #[test]
    fn the_isolated_actor_of_a_test_region_is_named() {
        let mut region = demo_workspace().regions.remove(0);
        region.actors.push(Actor::new(Id("allein".into()), "Einsamer Verein", ActorKind::Verein));
        let findings = read_network(&region);
        let alone = &findings[0];
        assert!(alone.items.iter().any(|i| i.text == "Einsamer Verein" && i.actors == [Id("allein".into())]));
        assert_eq!(findings.len(), 5);
        assert_eq!(findings[1].items.len(), BROKERS);
        assert_eq!(findings[4].items.len(), region.actors.len());
        assert_eq!(findings[3].items.len(), region.sozialraeume.len());
        assert_eq!((pairs(2.4), pairs(0.2), pairs(9.0)), (2, 1, 9));
        crate::i18n::set_lang(crate::i18n::Lang::GERMAN);
        assert!(findings[1].items[0].text.contains(" – verbindet rund "), "{}", findings[1].items[0].text);
        // While betweenness is still being computed, the brokers say so and the rest is there.
        let early = read_network_with(&region, None);
        assert_eq!(early[1].summary, "Wird berechnet …");
        assert!(early[1].items.is_empty());
        assert_eq!(early[0], findings[0]);
        assert_eq!(early[4], findings[4]);
        // When it arrives, only the brokers' answer changes, as if all were read with it.
        let centrality = betweenness(&region);
        assert_eq!(with_brokers(early, &region, &centrality), findings);
    }
}
