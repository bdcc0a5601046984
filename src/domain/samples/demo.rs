//! The demo region a newcomer sees at first start: the fictional Landkreis
//! Lindenau, built on the structures from the seed documents (Sozialräume
//! with their Gemeinden, Träger with WfbM and IFDs, the Rechtskreise, a BKG).
//! Every name, address and person in it is invented.

use crate::domain::model::checklist::{Answer, Checklist, Status};
use crate::domain::model::templates::builtin_templates;
use crate::domain::model::*;
use crate::domain::order;
use ActorKind as K;
use Binding as B;
use Rechtskreis as R;
use RelationKind as RK;

pub use crate::domain::model::DEMO_REGION_ID;

fn id(s: &str) -> Id {
    Id(format!("demo-{s}"))
}

/// (key, name, Gemeinden)
const SOZIALRAEUME: &[(&str, &str, &[&str])] = &[
    ("mitte", "Mitte", &["Stadt Lindenau", "Auwiesen", "Kirchberg am Wald"]),
    ("nord", "Nord", &["Stadt Hohenstein", "Erlenbach", "Moosdorf"]),
    ("ost", "Ost", &["Stadt Bergheim an der Sale", "Talhausen", "Rotenbühl"]),
    ("west", "West", &["Stadt Weidenau", "Fichtental", "Lerchenau"]),
];

/// Sozialraum keys an actor serves; "*" stands for all.
struct DemoActor {
    key: &'static str,
    name: &'static str,
    kind: ActorKind,
    traeger: Option<&'static str>,
    rechtskreise: &'static [Rechtskreis],
    sozialraeume: &'static [&'static str],
    target_groups: &'static [&'static str],
    offers: &'static [&'static str],
    tags: &'static [&'static str],
}

const fn a(
    key: &'static str,
    name: &'static str,
    kind: ActorKind,
    traeger: Option<&'static str>,
    rechtskreise: &'static [Rechtskreis],
    sozialraeume: &'static [&'static str],
) -> DemoActor {
    DemoActor { key, name, kind, traeger, rechtskreise, sozialraeume, target_groups: &[], offers: &[], tags: &[] }
}

const ALL: &[&str] = &["*"];

const ACTORS: &[DemoActor] = &[
    DemoActor {
        target_groups: &["Jugendliche am Übergang Schule–Beruf", "Junge Geflüchtete"],
        offers: &["Koordinierung Übergang Schule–Beruf", "Bündniskoordinierung"],
        tags: &["Koordinierung"],
        ..a("kreis", "Kreisverwaltung Lindenau – Kommunale Koordinierung", K::Verwaltung, None, &[R::SgbVIII], ALL)
    },
    DemoActor {
        offers: &["Hilfen zur Erziehung", "Jugendsozialarbeit nach § 13 SGB VIII"],
        ..a("jugendamt", "Jugendamt Landkreis Lindenau", K::Jugendamt, None, &[R::SgbVIII], ALL)
    },
    DemoActor {
        offers: &["Gesamtplanverfahren", "Budget für Arbeit"],
        ..a("sozialamt", "Fachdienst Eingliederungshilfe", K::Sozialamt, None, &[R::SgbIX, R::SgbXII], ALL)
    },
    DemoActor {
        offers: &["Grundsicherung", "Coaching für junge Erwachsene"],
        ..a("jobcenter", "Jobcenter Landkreis Lindenau", K::Jobcenter, None, &[R::SgbII], ALL)
    },
    DemoActor {
        offers: &["Berufsberatung", "Reha-Beratung"],
        ..a("aa", "Agentur für Arbeit Lindenau", K::Arbeitsagentur, None, &[R::SgbIII], ALL)
    },
    a("abh", "Ausländerbehörde Landkreis Lindenau", K::Auslaenderbehoerde, None, &[R::AufenthG], ALL),
    a("lwv", "Landeswohlfahrtsverband (Kostenträger)", K::Kostentraeger, None, &[R::SgbIX], ALL),
    DemoActor { tags: &["LAG WfbM"], ..a("lebenshilfe", "Lebenshilfe Lindenau e. V.", K::Traeger, None, &[R::SgbIX], &["mitte", "nord"]) },
    DemoActor {
        target_groups: &["Menschen mit Behinderung"],
        offers: &["Berufsbildungsbereich", "Arbeitsbereich", "Außenarbeitsplätze"],
        ..a("wfbm-lindenau", "Lindenauer Werkstätten", K::Wfbm, Some("lebenshilfe"), &[R::SgbIX], &["mitte", "nord"])
    },
    a("diakonie", "Diakonisches Werk Bergheim-Weidenau", K::Traeger, None, &[R::SgbIX, R::SgbXII], &["ost", "west"]),
    DemoActor {
        offers: &["Arbeitsbereich", "Budget für Arbeit: Begleitung"],
        ..a("wfbm-bergheim", "Stephanus-Werkstatt Bergheim", K::Wfbm, Some("diakonie"), &[R::SgbIX], &["ost", "west"])
    },
    a("caritas", "Caritasverband für den Landkreis Lindenau", K::Traeger, None, &[R::SgbVIII, R::SgbIX], ALL),
    a("awo", "AWO Kreisverband Lindenau", K::Traeger, None, &[R::SgbVIII, R::AufenthG], ALL),
    DemoActor {
        target_groups: &["Menschen mit hohem Unterstützungsbedarf"],
        ..a("tafoe-auwald", "Tagesförderstätte Am Auwald", K::Tagesfoerderstaette, Some("lebenshilfe"), &[R::SgbIX], &["mitte"])
    },
    a("tafoe-hohenstein", "Tagesförderstätte Hohenstein", K::Tagesfoerderstaette, Some("caritas"), &[R::SgbIX], &["nord"]),
    DemoActor {
        offers: &["Vermittlung auf den allgemeinen Arbeitsmarkt", "Begleitung Budget für Arbeit"],
        ..a("ifd-lindenau", "Integrationsfachdienst Lindenau gGmbH", K::Ifd, None, &[R::SgbIX], &["mitte", "nord"])
    },
    a("ifd-bergheim", "IFD der Stephanus-Werkstatt", K::Ifd, Some("diakonie"), &[R::SgbIX], &["ost", "west"]),
    a("eutb", "EUTB Lindenau", K::Eutb, Some("caritas"), &[R::SgbIX], ALL),
    DemoActor {
        target_groups: &["Junge Zugewanderte (12–27 Jahre)"],
        ..a("jmd", "Jugendmigrationsdienst Lindenau", K::Migrationsdienst, Some("caritas"), &[R::SgbVIII], &["mitte", "ost"])
    },
    a("mbe", "Migrationsberatung für Erwachsene (AWO)", K::Migrationsdienst, Some("awo"), &[R::AufenthG], ALL),
    DemoActor {
        target_groups: &["Junge Geflüchtete"],
        offers: &["Teilhabemanagement", "Angebots- und Bedarfsanalyse"],
        tags: &["THM"],
        ..a("thm", "Teilhabemanagement (THM) im Kreis", K::Verwaltung, Some("kreis"), &[R::AufenthG, R::SgbVIII], ALL)
    },
    a("bs-lindenau", "Berufliche Schulen Lindenau", K::Berufsschule, None, &[], &["mitte", "nord"]),
    a("gs-hohenstein", "Gesamtschule Hohenstein", K::Schule, None, &[], &["nord"]),
    a("foerderschule", "Förderschule Weidenau", K::Schule, None, &[R::SgbIX], &["west"]),
    a("rs-bergheim", "Realschule Bergheim", K::Schule, None, &[], &["ost"]),
    DemoActor {
        offers: &["Integrationskurse", "Berufsbezogene Sprachkurse"],
        ..a("vhs", "Volkshochschule Landkreis Lindenau", K::Vhs, None, &[R::AufenthG], ALL)
    },
    DemoActor {
        offers: &["Beratung unter einem Dach"],
        ..a("jba", "Jugendberufsagentur Lindenau", K::Beratungsstelle, None, &[R::SgbII, R::SgbIII, R::SgbVIII], ALL)
    },
    a("kompetenzagentur", "Kompetenzagentur Weidenau", K::Beratungsstelle, Some("awo"), &[R::SgbVIII], &["west"]),
    a("tsv", "TSV Erlenbach 1911 e. V.", K::Verein, None, &[], &["nord"]),
    a("fluechtlingshilfe", "Flüchtlingshilfe Bergheim e. V.", K::Verein, None, &[R::AufenthG], &["ost"]),
    a("auslaenderbeirat", "Ausländerbeirat Landkreis Lindenau", K::Verwaltung, None, &[R::AufenthG], ALL),
    a("fbs", "Evangelische Familienbildungsstätte", K::Beratungsstelle, Some("diakonie"), &[R::SgbVIII], &["ost"]),
    a("kita", "Kita Sonnenblume Talhausen", K::Kita, Some("awo"), &[R::SgbVIII], &["ost"]),
    a("ihk", "IHK Lindenau-Bergheim", K::Kammer, None, &[], ALL),
    a("khw", "Kreishandwerkerschaft Lindenau", K::Kammer, None, &[], ALL),
    DemoActor { tags: &["Budget für Arbeit"], ..a("kraemer", "Metallbau Krämer GmbH", K::Arbeitgeber, None, &[], &["mitte"]) },
    a("pflege", "Pflegezentrum Weidenau gGmbH", K::Arbeitgeber, None, &[], &["west"]),
    DemoActor { tags: &["Budget für Arbeit"], ..a("frischkauf", "Frischkauf Markt Hohenstein", K::Arbeitgeber, None, &[], &["nord"]) },
    a("baeckerei", "Bäckerei Sommer", K::Arbeitgeber, None, &[], &["ost"]),
    a("lag", "LAG Werkstätten für behinderte Menschen", K::Dachverband, None, &[R::SgbIX], &[]),
    a("quartier", "Quartiersmanagement Hohenstein-Süd", K::Verwaltung, None, &[], &["nord"]),
    a("kirche", "Ev. Kirchengemeinde Talhausen", K::Kirche, None, &[], &["ost"]),
    a("selbsthilfe", "Selbsthilfegruppe Autismus Lindenau", K::Verein, None, &[R::SgbIX], &["mitte"]),
];

/// (from, to, kind, binding, since)
const RELATIONS: &[(&str, &str, RelationKind, Binding, &str)] = &[
    ("lebenshilfe", "wfbm-lindenau", RK::Traegerschaft, B::Vertrag, "1972"),
    ("lebenshilfe", "tafoe-auwald", RK::Traegerschaft, B::Vertrag, "1995"),
    ("diakonie", "wfbm-bergheim", RK::Traegerschaft, B::Vertrag, "1980"),
    ("diakonie", "ifd-bergheim", RK::Traegerschaft, B::Vertrag, "2005"),
    ("diakonie", "fbs", RK::Traegerschaft, B::Vertrag, "1990"),
    ("caritas", "tafoe-hohenstein", RK::Traegerschaft, B::Vertrag, "2001"),
    ("caritas", "eutb", RK::Traegerschaft, B::Vertrag, "2018"),
    ("caritas", "jmd", RK::Traegerschaft, B::Vertrag, "2010"),
    ("awo", "mbe", RK::Traegerschaft, B::Vertrag, "2012"),
    ("awo", "kompetenzagentur", RK::Traegerschaft, B::Vertrag, "2008"),
    ("awo", "kita", RK::Traegerschaft, B::Vertrag, "1998"),
    ("kreis", "thm", RK::Traegerschaft, B::Vertrag, "2019"),
    ("lwv", "wfbm-lindenau", RK::Finanzierung, B::Vertrag, ""),
    ("lwv", "wfbm-bergheim", RK::Finanzierung, B::Vertrag, ""),
    ("lwv", "tafoe-auwald", RK::Finanzierung, B::Vertrag, ""),
    ("lwv", "tafoe-hohenstein", RK::Finanzierung, B::Vertrag, ""),
    ("sozialamt", "ifd-lindenau", RK::Finanzierung, B::Vertrag, "2020"),
    ("jobcenter", "kompetenzagentur", RK::Finanzierung, B::Vertrag, "2015"),
    ("jugendamt", "kompetenzagentur", RK::Finanzierung, B::Vertrag, "2015"),
    ("kreis", "jba", RK::Finanzierung, B::Vereinbart, "2017"),
    ("jugendamt", "jmd", RK::Finanzierung, B::Vereinbart, "2016"),
    ("jobcenter", "aa", RK::Vereinbarung, B::Vertrag, "2017"),
    ("jobcenter", "jugendamt", RK::Vereinbarung, B::Vertrag, "2017"),
    ("aa", "jugendamt", RK::Vereinbarung, B::Vertrag, "2017"),
    ("jba", "jobcenter", RK::Kooperation, B::Vereinbart, "2017"),
    ("jba", "aa", RK::Kooperation, B::Vereinbart, "2017"),
    ("jba", "jugendamt", RK::Kooperation, B::Vereinbart, "2017"),
    ("thm", "abh", RK::Kooperation, B::Vereinbart, "2020"),
    ("abh", "thm", RK::Weiterleitung, B::Regelmaessig, "2020"),
    ("thm", "jmd", RK::Kooperation, B::Regelmaessig, "2019"),
    ("thm", "vhs", RK::Weiterleitung, B::Regelmaessig, "2019"),
    ("thm", "jobcenter", RK::Weiterleitung, B::Vereinbart, "2020"),
    ("thm", "bs-lindenau", RK::Kooperation, B::Regelmaessig, "2020"),
    ("thm", "mbe", RK::Kooperation, B::Informell, "2021"),
    ("thm", "fluechtlingshilfe", RK::Kooperation, B::Informell, "2021"),
    ("thm", "auslaenderbeirat", RK::Kooperation, B::Informell, "2022"),
    ("kreis", "thm", RK::Kooperation, B::Vereinbart, "2019"),
    ("jmd", "vhs", RK::Weiterleitung, B::Regelmaessig, "2018"),
    ("mbe", "vhs", RK::Weiterleitung, B::Regelmaessig, "2018"),
    ("mbe", "abh", RK::Kooperation, B::Regelmaessig, "2016"),
    ("fluechtlingshilfe", "mbe", RK::Weiterleitung, B::Informell, ""),
    ("vhs", "jobcenter", RK::Kooperation, B::Vereinbart, "2016"),
    ("wfbm-lindenau", "ifd-lindenau", RK::Vereinbarung, B::Vertrag, "2019"),
    ("wfbm-lindenau", "ifd-lindenau", RK::Weiterleitung, B::Vereinbart, "2019"),
    ("wfbm-bergheim", "ifd-bergheim", RK::Weiterleitung, B::Vereinbart, "2006"),
    ("ifd-lindenau", "kraemer", RK::Kooperation, B::Regelmaessig, "2021"),
    ("ifd-lindenau", "frischkauf", RK::Kooperation, B::Regelmaessig, "2022"),
    ("ifd-bergheim", "pflege", RK::Kooperation, B::Informell, "2023"),
    ("ifd-bergheim", "baeckerei", RK::Kooperation, B::Informell, ""),
    ("ifd-lindenau", "aa", RK::Kooperation, B::Vereinbart, "2019"),
    ("ifd-lindenau", "sozialamt", RK::Kooperation, B::Vereinbart, "2020"),
    ("ifd-bergheim", "sozialamt", RK::Kooperation, B::Regelmaessig, "2020"),
    ("sozialamt", "wfbm-lindenau", RK::Kooperation, B::Vereinbart, ""),
    ("sozialamt", "wfbm-bergheim", RK::Kooperation, B::Regelmaessig, ""),
    ("eutb", "sozialamt", RK::Weiterleitung, B::Regelmaessig, "2019"),
    ("eutb", "ifd-lindenau", RK::Weiterleitung, B::Informell, "2020"),
    ("eutb", "tafoe-auwald", RK::Kooperation, B::Informell, ""),
    ("tafoe-auwald", "tafoe-hohenstein", RK::Kooperation, B::Regelmaessig, "2014"),
    ("tafoe-auwald", "wfbm-lindenau", RK::Kooperation, B::Vereinbart, ""),
    ("tafoe-hohenstein", "wfbm-bergheim", RK::Kooperation, B::Informell, ""),
    ("wfbm-lindenau", "lag", RK::Mitgliedschaft, B::Vertrag, "1975"),
    ("wfbm-bergheim", "lag", RK::Mitgliedschaft, B::Vertrag, "1982"),
    ("foerderschule", "aa", RK::Weiterleitung, B::Vereinbart, "2015"),
    ("foerderschule", "ifd-bergheim", RK::Kooperation, B::Regelmaessig, "2018"),
    ("foerderschule", "wfbm-bergheim", RK::Kooperation, B::Regelmaessig, ""),
    ("bs-lindenau", "jba", RK::Kooperation, B::Vereinbart, "2018"),
    ("gs-hohenstein", "jba", RK::Kooperation, B::Regelmaessig, "2018"),
    ("rs-bergheim", "jba", RK::Kooperation, B::Informell, "2019"),
    ("gs-hohenstein", "tsv", RK::Kooperation, B::Informell, ""),
    ("bs-lindenau", "ihk", RK::Kooperation, B::Regelmaessig, ""),
    ("bs-lindenau", "khw", RK::Kooperation, B::Regelmaessig, ""),
    ("ihk", "aa", RK::Kooperation, B::Regelmaessig, ""),
    ("khw", "kraemer", RK::Mitgliedschaft, B::Vertrag, ""),
    ("ihk", "frischkauf", RK::Mitgliedschaft, B::Vertrag, ""),
    ("kompetenzagentur", "jugendamt", RK::Weiterleitung, B::Vereinbart, "2015"),
    ("kompetenzagentur", "pflege", RK::Kooperation, B::Informell, "2022"),
    ("quartier", "gs-hohenstein", RK::Kooperation, B::Informell, "2021"),
    ("quartier", "tsv", RK::Kooperation, B::Informell, "2021"),
    ("quartier", "jugendamt", RK::Kooperation, B::Regelmaessig, "2020"),
    ("fbs", "kita", RK::Kooperation, B::Regelmaessig, "2019"),
    ("fbs", "kirche", RK::Kooperation, B::Informell, ""),
    ("kirche", "fluechtlingshilfe", RK::Kooperation, B::Informell, "2015"),
    ("jugendamt", "kita", RK::Kooperation, B::Vereinbart, ""),
];

/// A Gremium: (key, name, kind, members, meetings)
const GROUPS: &[(&str, &str, GroupKind, &[&str], &[(&str, &str)])] = &[
    (
        "bkg",
        "Bündniskoordinierungsgruppe „Gemeinsam klappt's“",
        GroupKind::Steuerungsgruppe,
        &["kreis", "thm", "jobcenter", "aa", "abh", "jugendamt", "vhs", "jmd", "mbe"],
        &[("2025-09-17", "Stand Durchstarten-Bausteine"), ("2026-03-11", "Kooperationsvereinbarung mit der ABH")],
    ),
    (
        "ak-uebergang",
        "Arbeitskreis Übergang Schule–Beruf",
        GroupKind::Arbeitskreis,
        &["kreis", "jba", "bs-lindenau", "gs-hohenstein", "rs-bergheim", "foerderschule", "ihk", "khw"],
        &[("2026-02-04", "Berufsorientierung Klasse 8")],
    ),
    (
        "netzwerk-bfa",
        "Netzwerk Budget für Arbeit",
        GroupKind::Netzwerk,
        &["sozialamt", "wfbm-lindenau", "wfbm-bergheim", "ifd-lindenau", "ifd-bergheim", "eutb", "aa", "kraemer", "frischkauf"],
        &[],
    ),
    (
        "src-ost",
        "Sozialraumkonferenz Ost",
        GroupKind::Konferenz,
        &["jugendamt", "jobcenter", "fbs", "kita", "kirche", "fluechtlingshilfe", "rs-bergheim", "eutb", "vhs", "auslaenderbeirat"],
        &[("2026-06-17", "Schätze, Bedarfe, gelingende Zusammenarbeit")],
    ),
];

fn contacts(key: &str) -> Vec<Contact> {
    let person = |name: &str, role: &str, email: &str, phone: &str| Contact {
        name: name.into(),
        role: role.into(),
        email: email.into(),
        phone: phone.into(),
    };
    match key {
        "kreis" => vec![person("Miriam Albers", "Koordinatorin Übergang Schule–Beruf", "m.albers@kreis-lindenau.example", "06441 407-210")],
        "thm" => vec![
            person("Yusuf Demir", "Teilhabemanager", "y.demir@kreis-lindenau.example", "06441 407-233"),
            person("Lena Hartmann", "Teilhabemanagerin", "l.hartmann@kreis-lindenau.example", "06441 407-234"),
        ],
        "jobcenter" => vec![person("Thomas Berger", "Teamleitung U25", "thomas.berger@jc-lindenau.example", "06441 9980-12")],
        "ifd-lindenau" => {
            vec![person("Sabine Krüger", "Fachberaterin Budget für Arbeit", "krueger@ifd-lindenau.example", "06441 55 12 30")]
        }
        "wfbm-lindenau" => vec![person("Jörg Neumann", "Werkstattleitung", "neumann@lindenauer-werkstaetten.example", "")],
        "eutb" => vec![person("Aylin Yılmaz", "Beraterin", "eutb@caritas-lindenau.example", "06441 20 30 40")],
        "abh" => vec![person("Petra Vogel", "Sachgebietsleitung", "", "06441 407-310")],
        _ => Vec::new(),
    }
}

fn website(key: &str) -> &'static str {
    match key {
        "kreis" => "https://www.kreis-lindenau.example/koordinierung",
        "lebenshilfe" => "https://www.lebenshilfe-lindenau.example",
        "vhs" => "https://www.vhs-lindenau.example",
        "ifd-lindenau" => "https://ifd-lindenau.example",
        _ => "",
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// The demo Landkreis, the same on every call.
pub fn demo_region() -> Region {
    let mut region = Region::new(Id(DEMO_REGION_ID.into()), "Landkreis Lindenau (Demo)", RegionKind::Landkreis);
    region.notes = "Eine erfundene Beispielregion zum Ausprobieren. Alle Namen und Kontakte sind ausgedacht.".into();
    region.sozialraeume = SOZIALRAEUME
        .iter()
        .map(|(key, name, gemeinden)| Sozialraum { id: id(&format!("sr-{key}")), name: (*name).into(), gemeinden: strings(gemeinden) })
        .collect();
    region.actors = ACTORS
        .iter()
        .map(|d| {
            let sozialraeume = if d.sozialraeume == ALL {
                region.sozialraeume.iter().map(|s| s.id.clone()).collect()
            } else {
                d.sozialraeume.iter().map(|k| id(&format!("sr-{k}"))).collect()
            };
            Actor {
                traeger: d.traeger.map(id),
                rechtskreise: {
                    // Canonical order, as the actor form stores it.
                    let mut r = d.rechtskreise.to_vec();
                    order::sort(&mut r);
                    r
                },
                sozialraeume,
                target_groups: strings(d.target_groups),
                offers: strings(d.offers),
                website: website(d.key).into(),
                contacts: contacts(d.key),
                tags: strings(d.tags),
                ..Actor::new(id(d.key), d.name, d.kind)
            }
        })
        .collect();
    region.relations = RELATIONS
        .iter()
        .enumerate()
        .map(|(i, (from, to, kind, binding, since))| Relation {
            id: id(&format!("rel-{:03}", i + 1)),
            from: id(from),
            to: id(to),
            kind: *kind,
            direction: if kind.has_direction() { Direction::Forward } else { Direction::Undirected },
            binding: *binding,
            since: (*since).into(),
            notes: String::new(),
        })
        .collect();
    region.groups = GROUPS
        .iter()
        .map(|(key, name, kind, members, meetings)| Group {
            id: id(&format!("group-{key}")),
            name: (*name).into(),
            kind: *kind,
            members: members.iter().map(|m| id(m)).collect(),
            meetings: meetings.iter().map(|(date, topic)| Meeting { date: (*date).into(), topic: (*topic).into() }).collect(),
            notes: String::new(),
        })
        .collect();
    region.checklists = demo_checklists();
    region.journal = JOURNAL
        .iter()
        .enumerate()
        .map(|(i, (date, kind, title, text, actors, groups))| JournalEntry {
            id: id(&format!("entry-{}", i + 1)),
            date: (*date).into(),
            kind: *kind,
            title: (*title).into(),
            text: (*text).into(),
            actors: actors.iter().map(|a| id(a)).collect(),
            groups: groups.iter().map(|g| id(&format!("group-{g}"))).collect(),
            programmes: Vec::new(),
        })
        .collect();
    region.programmes = vec![jugend_staerken()];
    region
}

/// A programme with four Bausteine, as in the quarterly report of seed 004.
fn jugend_staerken() -> Programme {
    let ids = |list: &[&str]| list.iter().map(|a| id(a)).collect::<Vec<_>>();
    let baustein = |key: &str, name: &str, traeger: &str, partners: &[&str], sozialraeume: &[&str]| Baustein {
        id: id(&format!("baustein-{key}")),
        name: name.into(),
        traeger: Some(id(traeger)),
        partners: ids(partners),
        sozialraeume: sozialraeume.iter().map(|s| id(&format!("sr-{s}"))).collect(),
    };
    Programme {
        id: id("programme-jsiq"),
        name: "JUGEND STÄRKEN im Quartier".into(),
        funder: "Bundesministerium für Familie, Senioren, Frauen und Jugend und Europäischer Sozialfonds".into(),
        start: "2022-01-01".into(),
        end: "2026-12-31".into(),
        goal: "Junge Menschen mit besonderem Unterstützungsbedarf auf dem Weg in Schule, Ausbildung und Arbeit begleiten.".into(),
        target_group: "Junge Menschen von 12 bis 26 Jahren in Quartieren mit besonderem Entwicklungsbedarf".into(),
        bausteine: vec![
            baustein("case", "Case Management", "kompetenzagentur", &["jobcenter", "jba"], &["west"]),
            baustein("aufsuchend", "Aufsuchende Jugendsozialarbeit", "awo", &["tsv", "quartier"], &["nord"]),
            baustein("clearing", "Clearing", "jba", &["aa", "bs-lindenau"], &["mitte", "nord"]),
            baustein("mikro", "Mikroprojekte", "quartier", &["fluechtlingshilfe", "kirche"], &["nord", "ost"]),
        ],
    }
}

/// The Tätigkeitsjournal: (date, kind, title, text, actors, Gremien).
type EntryRow = (&'static str, EntryKind, &'static str, &'static str, &'static [&'static str], &'static [&'static str]);
const JOURNAL: &[EntryRow] = &[
    (
        "2026-03-12",
        EntryKind::Vereinbarung,
        "Kooperationsvereinbarung Budget für Arbeit unterzeichnet",
        "Fachdienst, IFD und Werkstatt regeln, wie Beschäftigte auf den allgemeinen Arbeitsmarkt wechseln.",
        &["sozialamt", "wfbm-lindenau", "ifd-lindenau"],
        &["netzwerk-bfa"],
    ),
    (
        "2026-06-17",
        EntryKind::Veranstaltung,
        "Sozialraumkonferenz Ost",
        "Rund 40 Teilnehmende; die Ergebnisse stehen in der Checkliste „Sozialraumkonferenz Ost 2026“.",
        &["jugendamt", "fbs"],
        &["src-ost"],
    ),
    ("2026-09-30", EntryKind::Personal, "Teamleitung U25 im Jobcenter neu besetzt", "", &["jobcenter"], &[]),
    (
        "2026-10-20",
        EntryKind::Oeffentlichkeitsarbeit,
        "Flyer zum Teilhabemanagement an Schulen und Beratungsstellen verteilt",
        "",
        &["thm"],
        &[],
    ),
];

/// A planning checklist in progress and a Sozialraumkonferenz with answers.
fn demo_checklists() -> Vec<Checklist> {
    let templates = builtin_templates();
    let at = "2026-09-15T09:00:00.000Z";
    let mut planning = Checklist::from_template(id("checklist-planung"), "Lokale Planung 2026".into(), &templates[0], at);
    // (item, status, responsible, due)
    let plan: &[(&str, Status, &[&str], &str)] = &[
        ("lp-1-1", Status::Umgesetzt, &["kreis"], ""),
        ("lp-1-2", Status::Umgesetzt, &["abh", "thm"], ""),
        ("lp-1-3", Status::NichtGeplantSinnvoll, &["abh"], ""),
        ("lp-1-4", Status::InPlanung, &["kreis", "jobcenter", "aa"], "2026-06-30"),
        ("lp-2-1", Status::Umgesetzt, &["thm"], ""),
        ("lp-2-2", Status::InPlanung, &["thm"], "2026-12-31"),
        ("lp-2-3", Status::Nein, &[], ""),
        ("lp-3-1", Status::InPlanung, &["kreis"], "2027-03-31"),
        ("lp-3-2", Status::NichtGeplantSinnvoll, &[], ""),
        ("lp-4-1", Status::Umgesetzt, &["thm", "jmd"], ""),
    ];
    for (item, status, responsible, due) in plan {
        let item = Id((*item).into());
        planning.set_status(&item, Some(*status), at);
        planning.update_item(&item, at, |i| {
            i.responsible = responsible.iter().map(|r| id(r)).collect();
            i.due = (*due).into();
        });
    }
    let mut conference = Checklist::from_template(id("checklist-srk-ost"), "Sozialraumkonferenz Ost 2026".into(), &templates[2], at);
    let answers: &[(&str, &str, &[&str])] = &[
        ("srk-1-1", "Große Vereinsvielfalt", &["tsv", "fluechtlingshilfe"]),
        ("srk-1-1", "Gutes Netzwerk der Kinder- und Jugendhilfe", &["jugendamt", "fbs"]),
        ("srk-1-2", "Offene Freizeitangebote für Kinder", &[]),
        ("srk-1-3", "Gemeinsame Anlaufstelle für Familien zu finanziellen Leistungen", &["jobcenter", "jugendamt"]),
        ("srk-1-4", "Verlässlichkeit und Augenhöhe", &[]),
    ];
    for (item, text, actors) in answers {
        conference.update_item(&Id((*item).into()), at, |i| {
            i.answers.push(Answer { text: (*text).into(), actors: actors.iter().map(|a| id(a)).collect() })
        });
    }
    vec![planning, conference]
}

/// The workspace of a first start: just the demo region.
pub fn demo_workspace() -> Workspace {
    let region = demo_region();
    Workspace { active: Some(region.id.clone()), regions: vec![region], templates: Vec::new() }
}

/// Where the app finds the demo at a first start: a Netzwerkatlas file
/// beside it, fetched then, rather than code in the wasm every start loads.
pub const DEMO_FILE: &str = "public/demo.json";

/// The demo as that file; `demo_file_is_current` keeps the two the same.
pub fn demo_file() -> String {
    use crate::domain::data::format::{encode_file, Content, Header, Scope};
    let header = Header {
        scope: Scope::Workspace,
        app_version: crate::domain::data::files::export::APP_VERSION.to_owned(),
        exported_at: "2026-01-01T00:00:00.000Z".into(),
        region: None,
        author: String::new(),
        personal_data: true,
    };
    let workspace = demo_workspace();
    encode_file(&header, &Content { regions: workspace.regions, templates: workspace.templates })
}

/// A file read as the workspace of a first start, its first region shown.
pub fn workspace_of(content: crate::domain::data::format::Content) -> Workspace {
    Workspace { active: content.regions.first().map(|r| r.id.clone()), regions: content.regions, templates: content.templates }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `UPDATE_DEMO=1 cargo test demo_file` writes the file after a change to the demo.
    #[test]
    fn demo_file_is_current() {
        let expected = demo_file();
        if std::env::var_os("UPDATE_DEMO").is_some() {
            std::fs::write(DEMO_FILE, &expected).unwrap();
        }
        let found = std::fs::read_to_string(DEMO_FILE).unwrap_or_default();
        assert!(found == expected, "{DEMO_FILE} is not the demo of this version: run `UPDATE_DEMO=1 cargo test demo_file`");
        let read = crate::domain::data::format::read_file(&found).unwrap();
        assert!(read.notes.is_empty() && !read.modified);
        assert_eq!(workspace_of(read.content), demo_workspace(), "the app starts with the demo as the code builds it");
    }
    use crate::domain::editing::draft::{ActorDraft, RelationDraft};
    use crate::domain::rules::integrity::integrity_problems;

    #[test]
    fn demo_is_sound_and_of_the_promised_size() {
        let ws = demo_workspace();
        assert!(integrity_problems(&ws).is_empty(), "{:?}", integrity_problems(&ws));
        let r = &ws.regions[0];
        assert_eq!(r.sozialraeume.len(), 4);
        assert!((40..=45).contains(&r.actors.len()), "{} actors", r.actors.len());
        assert!((80..=90).contains(&r.relations.len()), "{} relations", r.relations.len());
        assert!(r.groups.len() >= 3);
        assert_eq!(r.checklists.len(), 2);
        let progress = r.checklists[0].progress();
        assert_eq!(progress.count(Some(Status::Umgesetzt)), 4);
        assert_eq!(progress.count(None), progress.total - 10);
    }

    #[test]
    fn demo_covers_the_kinds_named_in_the_domain() {
        let r = demo_region();
        for kind in [
            K::Traeger,
            K::Wfbm,
            K::Tagesfoerderstaette,
            K::Ifd,
            K::Jobcenter,
            K::Arbeitsagentur,
            K::Jugendamt,
            K::Auslaenderbehoerde,
            K::Schule,
            K::Vhs,
            K::Verein,
            K::Arbeitgeber,
            K::Eutb,
        ] {
            assert!(r.actors.iter().any(|a| a.kind == kind), "no {kind:?}");
        }
    }

    #[test]
    fn every_demo_record_passes_the_form_rules() {
        let r = demo_region();
        for actor in &r.actors {
            let rebuilt = ActorDraft::from_actor(actor).build(actor.id.clone(), &r).unwrap();
            assert_eq!(&rebuilt, actor);
        }
        for relation in &r.relations {
            let rebuilt = RelationDraft::from_relation(relation).build(relation.id.clone(), &r);
            assert_eq!(rebuilt.as_ref(), Ok(relation), "{relation:?}");
        }
        for entry in &r.journal {
            assert_eq!(entry.as_draft().from_draft(&r).as_ref(), Ok(entry));
        }
        for programme in &r.programmes {
            let details = programme.as_draft().from_draft().unwrap();
            assert_eq!(details, Programme { bausteine: Vec::new(), ..programme.clone() });
            for baustein in &programme.bausteine {
                assert_eq!(baustein.from_draft(&r).as_ref(), Ok(baustein));
            }
        }
    }

    #[test]
    fn demo_has_exactly_one_isolated_actor() {
        let r = demo_region();
        let isolated: Vec<_> = r.actors.iter().filter(|a| r.relation_count(&a.id) == 0).map(|a| a.name.as_str()).collect();
        assert_eq!(isolated, vec!["Selbsthilfegruppe Autismus Lindenau"]);
    }
}
