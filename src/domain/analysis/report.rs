//! The draft of a report on a period (Quartalsbericht, Sachbericht), from
//! what the app knows: the network's figures at the start and the end, what
//! changed, the meetings held, the checklists' progress and what is planned
//! next. The draft is text the coordinator goes on to edit.

use crate::domain::analysis::metrics::{is_written, isolated, percent_text};
use crate::domain::analysis::over_time::Changes;
use crate::domain::model::checklist::{ItemKind, Status};
use crate::domain::model::report::{Report, ReportPart};
use crate::domain::model::{Baustein, Id, JournalEntry, Programme, Region};
use crate::domain::order;
use crate::domain::rules::dates::{days_in_month, show, Day};

/// A period a report can cover, both days included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// "3. Quartal 2026".
    pub label: String,
    pub from: String,
    pub to: String,
}

fn period(label: String, year: i32, first_month: u32, last_month: u32) -> Period {
    let day = |month, day| Day { year, month, day }.iso();
    Period { label, from: day(first_month, 1), to: day(last_month, days_in_month(year, last_month)) }
}

/// The periods offered on `today` (ISO): the last quarter first (the one a
/// quarterly report is due for), then this one and the two before, the
/// last and this half-year, the last and this year.
pub fn periods(today: &str) -> Vec<Period> {
    let Some(day) = Day::from_timestamp(today) else { return Vec::new() };
    // Quarters counted from year 0, so that stepping back crosses years.
    let now = day.year * 4 + (day.month as i32 - 1) / 3;
    let quarter = |q: i32| {
        let (year, n) = (q.div_euclid(4), q.rem_euclid(4) as u32 + 1);
        period(tr!("report.quarter", n = n, year = year), year, n * 3 - 2, n * 3)
    };
    let half = |h: i32| {
        let (year, n) = (h.div_euclid(2), h.rem_euclid(2) as u32 + 1);
        period(tr!("report.half", n = n, year = year), year, n * 6 - 5, n * 6)
    };
    let year = |year: i32| period(tr!("report.year", year = year), year, 1, 12);
    let halves = day.year * 2 + (day.month as i32 - 1) / 6;
    vec![
        quarter(now - 1),
        quarter(now),
        quarter(now - 2),
        quarter(now - 3),
        half(halves - 1),
        half(halves),
        year(day.year - 1),
        year(day.year),
    ]
}

/// The region on a date: a Stichtag's state, or the region today.
#[derive(Clone, Copy, Debug)]
pub struct State<'a> {
    pub region: &'a Region,
    /// ISO date.
    pub date: &'a str,
    /// The Stichtag's name; None for today.
    pub stichtag: Option<&'a str>,
}

impl<'a> State<'a> {
    pub fn today(region: &'a Region, today: &'a str) -> State<'a> {
        State { region, date: today, stichtag: None }
    }

    /// "der Stichtag „Bericht Q2 2026“ (30.06.2026)" or "der Stand heute (…)".
    fn described(&self) -> String {
        match self.stichtag {
            Some(name) => tr!("report.state_stichtag", name = name, date = show(self.date)),
            None => tr!("report.state_today", date = show(self.date)),
        }
    }
}

/// The two states a period compares. The end: the region today when the
/// period reaches today, else the newest Stichtag within it, else the region
/// today. The start: the newest Stichtag before its first day, else the
/// oldest within it that is older than the end (None without either).
pub fn states<'a>(region: &'a Region, from: &str, to: &str, today: &'a str) -> (Option<State<'a>>, State<'a>) {
    let of = |s: &'a crate::domain::model::stichtag::Stichtag| State { region: &s.state, date: &s.date, stichtag: Some(&s.name) };
    let within = |s: &&crate::domain::model::stichtag::Stichtag| s.date.as_str() >= from && s.date.as_str() <= to;
    let end = (to < today).then(|| region.stichtage.iter().rev().find(within)).flatten();
    let start = region
        .stichtage
        .iter()
        .rev()
        .find(|s| s.date.as_str() < from)
        .or_else(|| region.stichtage.iter().filter(within).find(|s| end.is_none_or(|e| s.date < e.date)))
        .map(of);
    (start, end.map_or(State::today(region, today), of))
}

/// A figure at the end, with its value at the start where there is one.
fn figure(label: &str, now: String, was: Option<String>) -> String {
    match was {
        Some(was) if was != now => tr!("report.figure_with_start", label = label, now = now, was = was),
        _ => format!("{label}: {now}"),
    }
}

/// The network's key figures of a region.
fn key_figures(region: &Region) -> [String; 4] {
    let relations = region.relations.len();
    let written = region.relations.iter().filter(|r| is_written(r.kind, r.binding)).count();
    let share = if relations == 0 { 0.0 } else { written as f64 / relations as f64 };
    [
        crate::i18n::number(region.actors.len()),
        crate::i18n::number(relations),
        percent_text(share),
        crate::i18n::number(isolated(region).len()),
    ]
}

fn overview(from: &str, to: &str, start: Option<&State>, end: &State) -> String {
    let mut text = tr!("report.period", from = show(from), to = show(to));
    text.push(' ');
    text.push_str(&match start {
        Some(start) => tr!("report.compared", was = start.described(), now = end.described()),
        None => tr!("report.no_start", now = end.described()),
    });
    text.push('\n');
    let labels = [t!("tabs.actors"), t!("tabs.relations"), t!("report.written_share"), t!("report.isolated")];
    let was = start.map(|s| key_figures(s.region));
    for (at, (label, now)) in labels.into_iter().zip(key_figures(end.region)).enumerate() {
        text.push_str("\n- ");
        text.push_str(&figure(label, now, was.as_ref().map(|w| w[at].clone())));
    }
    text
}

fn changes(start: Option<&State>, end: &State) -> String {
    let Some(start) = start else { return t!("report.no_changes_known").to_owned() };
    let changes = Changes::between(start.region, start.date, end.region, end.date);
    let mut text = changes.summary().join("\n");
    for section in changes.sections() {
        text.push_str("\n\n");
        text.push_str(section.title);
        text.push(':');
        for line in section.lines {
            text.push_str("\n- ");
            if let Some(how) = line.how {
                text.push_str(how.label());
                text.push(' ');
            }
            text.push_str(&line.text);
        }
    }
    text
}

/// The Gremien's meetings within the period, by date.
fn meetings(region: &Region, from: &str, to: &str) -> String {
    let mut held: Vec<(&str, String)> = region
        .groups
        .iter()
        .flat_map(|g| g.meetings.iter().map(move |m| (g, m)))
        .filter(|(_, m)| m.date.as_str() >= from && m.date.as_str() <= to)
        .map(|(g, m)| (m.date.as_str(), format!("{}: {}", g.name, tr!("history.met", date = show(&m.date), topic = m.topic).trim_end())))
        .collect();
    order::sort_by(&mut held, |a, b| a.0.cmp(b.0));
    if held.is_empty() {
        return t!("report.no_meetings").to_owned();
    }
    held.into_iter().map(|(_, line)| format!("- {line}")).collect::<Vec<_>>().join("\n")
}

/// The Tätigkeitsjournal's entries within the period, with whom they concern.
fn journal(region: &Region, from: &str, to: &str) -> String {
    let lines: Vec<String> = region
        .journal
        .iter()
        .filter(|e| e.date.as_str() >= from && e.date.as_str() <= to)
        .map(|e| {
            let mut line = format!("- {} {}: {}", show(&e.date), e.kind.label(), e.title);
            let text = e.text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() {
                line.push_str(&format!(". {text}"));
            }
            let concerned = entry_names(region, e);
            if !concerned.is_empty() {
                line.push_str(&format!(" ({})", concerned.join(", ")));
            }
            line
        })
        .collect();
    if lines.is_empty() {
        return t!("report.no_entries").to_owned();
    }
    lines.join("\n")
}

/// The names of the actors, Gremien and programmes a journal entry concerns.
pub fn entry_names(region: &Region, entry: &JournalEntry) -> Vec<String> {
    let groups = entry.groups.iter().filter_map(|g| region.group(g)).map(|g| g.name.clone());
    let programmes = entry.programmes.iter().filter_map(|p| region.programme(p)).map(|p| p.name.clone());
    entry.actors.iter().map(|a| region.actor_name(a)).chain(groups).chain(programmes).collect()
}

/// A programme's Fördergeber and Laufzeit in a line ("Fördergeber: ESF;
/// Laufzeit: 01.01.2022 bis 31.12.2026"), empty when it has neither.
pub fn programme_facts(programme: &Programme) -> String {
    let runs = match (programme.start.as_str(), programme.end.as_str()) {
        ("", "") => String::new(),
        (from, "") => tr!("programme.runs_from", date = show(from)),
        ("", to) => tr!("programme.runs_until", date = show(to)),
        (from, to) => tr!("programme.runs", from = show(from), to = show(to)),
    };
    let funder = (!programme.funder.is_empty()).then(|| tr!("programme.funded_by", name = programme.funder));
    funder.into_iter().chain((!runs.is_empty()).then_some(runs)).collect::<Vec<_>>().join("; ")
}

/// What is known of a Baustein in a line: "Träger: JBA; Partner: Agentur
/// für Arbeit; Sozialräume: Mitte, Nord" (empty when nothing is).
pub fn baustein_facts(region: &Region, baustein: &Baustein) -> String {
    let mut facts = Vec::new();
    if let Some(traeger) = &baustein.traeger {
        facts.push(tr!("programme.traeger", name = region.actor_name(traeger)));
    }
    if !baustein.partners.is_empty() {
        facts.push(tr!("programme.partners", names = region.actor_names(&baustein.partners)));
    }
    let places: Vec<&str> = baustein.sozialraeume.iter().filter_map(|s| region.sozialraum(s)).map(|s| s.name.as_str()).collect();
    if !places.is_empty() {
        facts.push(tr!("programme.where", names = places.join(", ")));
    }
    facts.join("; ")
}

/// The programmes running in the period, each with its facts, goal and
/// target group, and its Bausteine as a list.
fn programmes(region: &Region, from: &str, to: &str) -> String {
    let texts: Vec<String> = region
        .programmes
        .iter()
        .filter(|p| p.runs_during(from, to))
        .map(|p| {
            let facts = programme_facts(p);
            let mut lines = vec![if facts.is_empty() { p.name.clone() } else { format!("{} ({facts})", p.name) }];
            if !p.goal.is_empty() {
                lines.push(tr!("programme.goal_is", text = p.goal));
            }
            if !p.target_group.is_empty() {
                lines.push(tr!("programme.target_group_is", text = p.target_group));
            }
            for b in &p.bausteine {
                let facts = baustein_facts(region, b);
                lines.push(if facts.is_empty() { format!("- {}", b.name) } else { format!("- {}: {facts}", b.name) });
            }
            lines.join("\n")
        })
        .collect();
    if texts.is_empty() {
        return t!("report.no_programmes").to_owned();
    }
    texts.join("\n\n")
}

/// Done and all status items of a checklist's items.
fn done(items: &mut dyn Iterator<Item = &crate::domain::model::checklist::ChecklistItem>) -> (usize, usize) {
    items.filter(|i| matches!(i.kind, ItemKind::Status(_))).fold((0, 0), |(done, all), i| (done + usize::from(i.is_done()), all + 1))
}

fn checklists(start: Option<&State>, end: &State) -> String {
    let lines: Vec<String> = end
        .region
        .checklists
        .iter()
        .map(|c| {
            let (n, total) = done(&mut c.items());
            let was = start.and_then(|s| s.region.checklists.iter().find(|w| w.id == c.id)).map(|w| done(&mut w.items()).0);
            let now = tr!("report.done", n = n, total = total);
            match was {
                Some(was) if was != n => format!("- {}: {now} ({})", c.title, tr!("report.done_at_start", n = was)),
                _ => format!("- {}: {now}", c.title),
            }
        })
        .collect();
    if lines.is_empty() {
        return t!("report.no_checklists").to_owned();
    }
    lines.join("\n")
}

/// The Maßnahmenplan: items "In Planung", by due date (those without last).
fn plan(region: &Region) -> String {
    let mut planned: Vec<(&str, String)> = region
        .checklists
        .iter()
        .flat_map(|c| c.items().map(move |i| (c, i)))
        .filter(|(_, i)| i.status == Some(Status::InPlanung))
        .map(|(c, i)| {
            let mut line = format!("- {} ({})", i.text, c.title);
            if !i.responsible.is_empty() {
                line.push_str(&format!("; {}", tr!("report.responsible", names = region.actor_names(&i.responsible))));
            }
            if !i.due.is_empty() {
                line.push_str(&format!("; {}", tr!("report.due", date = show(&i.due))));
            }
            (i.due.as_str(), line)
        })
        .collect();
    order::sort_by(&mut planned, |a, b| (a.0.is_empty(), a.0).cmp(&(b.0.is_empty(), b.0)));
    if planned.is_empty() {
        return t!("report.nothing_planned").to_owned();
    }
    planned.into_iter().map(|(_, line)| line).collect::<Vec<_>>().join("\n")
}

/// Drafts the report on `from`..=`to` (ISO) comparing `start` with `end`;
/// the journal is `today`'s (Stichtage keep none: it is dated anyway).
pub fn draft(id: Id, title: String, from: &str, to: &str, start: Option<&State>, end: &State, today: &Region, now: &str) -> Report {
    let part = |title: &str, text: String| ReportPart { title: title.to_owned(), text };
    Report {
        id,
        title,
        from: from.to_owned(),
        to: to.to_owned(),
        drafted_at: now.to_owned(),
        parts: vec![
            part(t!("report.part.overview"), overview(from, to, start, end)),
            part(t!("report.part.changes"), changes(start, end)),
            part(t!("report.part.meetings"), meetings(end.region, from, to)),
            part(t!("report.part.journal"), journal(today, from, to)),
            part(t!("report.part.programmes"), programmes(end.region, from, to)),
            part(t!("report.part.checklists"), checklists(start, end)),
            part(t!("report.part.plan"), plan(end.region)),
            part(t!("report.part.outlook"), String::new()),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::checklist::Status;
    use crate::domain::model::report::{blocks, Block};
    use crate::domain::model::Meeting;
    use crate::domain::samples::demo::demo_workspace;

    fn demo() -> Region {
        demo_workspace().regions.remove(0)
    }

    #[test]
    fn periods_step_back_across_years() {
        let found: Vec<(String, String, String)> = periods("2026-02-10").into_iter().map(|p| (p.label, p.from, p.to)).collect();
        let expected = [
            ("4. Quartal 2025", "2025-10-01", "2025-12-31"),
            ("1. Quartal 2026", "2026-01-01", "2026-03-31"),
            ("3. Quartal 2025", "2025-07-01", "2025-09-30"),
            ("2. Quartal 2025", "2025-04-01", "2025-06-30"),
            ("2. Halbjahr 2025", "2025-07-01", "2025-12-31"),
            ("1. Halbjahr 2026", "2026-01-01", "2026-06-30"),
            ("Jahr 2025", "2025-01-01", "2025-12-31"),
            ("Jahr 2026", "2026-01-01", "2026-12-31"),
        ];
        assert_eq!(found, expected.map(|(l, f, t)| (l.to_owned(), f.to_owned(), t.to_owned())));
        assert!(periods("kein Datum").is_empty());
    }

    /// The demo region with two Stichtage (end of Q2 and end of Q3 2026).
    fn with_history() -> Region {
        let mut region = demo();
        region.take_stichtag(Id("q2".into()), "Bericht Q2 2026".into(), "2026-06-30".into(), "2026-06-30T10:00:00Z".into());
        region.actors[0].name = "Umbenannt".into();
        region.take_stichtag(Id("q3".into()), "Bericht Q3 2026".into(), "2026-09-30".into(), "2026-09-30T10:00:00Z".into());
        region
    }

    #[test]
    fn a_period_compares_the_stichtag_before_it_with_the_one_that_closes_it() {
        let region = with_history();
        let (start, end) = states(&region, "2026-07-01", "2026-09-30", "2026-11-20");
        assert_eq!(start.map(|s| s.stichtag), Some(Some("Bericht Q2 2026")));
        assert_eq!(end.stichtag, Some("Bericht Q3 2026"));
        // A period that reaches today ends with the region as it is.
        let (start, end) = states(&region, "2026-10-01", "2026-12-31", "2026-11-20");
        assert_eq!((start.map(|s| s.date), end.stichtag, end.date), (Some("2026-09-30"), None, "2026-11-20"));
        // Before any Stichtag: the oldest inside the period starts it.
        let (start, _) = states(&region, "2026-06-01", "2026-12-31", "2026-11-20");
        assert_eq!(start.map(|s| s.date), Some("2026-06-30"));
        // Only the Stichtag that closes the period: it is the end, with no start
        // (not compared with today, which lies outside the period).
        let mut closing = demo();
        closing.take_stichtag(Id("q3".into()), "Bericht Q3 2026".into(), "2026-09-30".into(), "2026-09-30T10:00:00Z".into());
        let (start, end) = states(&closing, "2026-07-01", "2026-09-30", "2026-11-20");
        assert!(start.is_none());
        assert_eq!((end.stichtag, end.date), (Some("Bericht Q3 2026"), "2026-09-30"));
        // No Stichtag at all: nothing to compare with.
        let plain = demo();
        let (start, end) = states(&plain, "2026-07-01", "2026-09-30", "2026-11-20");
        assert!(start.is_none());
        assert!(end.stichtag.is_none());
    }

    #[test]
    fn the_draft_tells_the_changes_figures_meetings_progress_and_plan() {
        let mut region = with_history();
        region.groups[0].meetings.push(Meeting { date: "2026-08-12".into(), topic: "Übergänge planen".into() });
        region.groups[0].meetings.push(Meeting { date: "2026-10-02".into(), topic: "Außerhalb".into() });
        let item = region.checklists[0].sections[0].items[0].id.clone();
        let responsible = region.actors[1].id.clone();
        region.checklists[0].set_status(&item, Some(Status::InPlanung), "2026-09-01T10:00:00Z");
        region.checklists[0].update_item(&item, "2026-09-01T10:00:00Z", |i| {
            i.responsible = vec![responsible.clone()];
            i.due = "2026-12-31".into();
        });
        let (start, _) = states(&region, "2026-07-01", "2026-09-30", "2026-11-20");
        // Up to today's region, which has the meeting and the plan.
        let today = State::today(&region, "2026-11-20");
        let report =
            draft(Id("r1".into()), "Bericht".into(), "2026-07-01", "2026-09-30", start.as_ref(), &today, &region, "2026-11-20T09:00:00Z");
        let titles: Vec<&str> = report.parts.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Überblick",
                "Veränderungen im Netzwerk",
                "Gremien und Sitzungen",
                "Tätigkeiten",
                "Programme und Bausteine",
                "Stand der Checklisten",
                "Maßnahmenplan",
                "Ausblick und Bemerkungen"
            ]
        );
        let text = |at: usize| report.parts[at].text.as_str();
        assert!(text(0).starts_with("Zeitraum: 01.07.2026 bis 30.09.2026."), "{}", text(0));
        assert!(text(0).contains("„Bericht Q2 2026“ (30.06.2026)"), "{}", text(0));
        assert!(text(0).contains(&format!("- Akteure: {}", region.actors.len())), "{}", text(0));
        assert!(text(1).contains("Geändert: 1 Akteur"), "{}", text(1));
        assert!(text(1).contains("\n\nAkteure:\n- Geändert: Umbenannt (Name;"), "{}", text(1));
        assert!(text(2).contains("Übergänge planen") && !text(2).contains("Außerhalb"), "{}", text(2));
        // The demo's journal: one entry in the period, with whom it concerns; none outside it.
        assert_eq!(text(3), "- 30.09.2026 Personal: Teamleitung U25 im Jobcenter neu besetzt (Jobcenter Landkreis Lindenau)");
        // The demo's programme runs 2022 to 2026, with its four Bausteine as a list.
        assert!(text(4).starts_with("JUGEND STÄRKEN im Quartier (Fördergeber: Bundesministerium"), "{}", text(4));
        assert!(text(4).contains("; Laufzeit: 01.01.2022 bis 31.12.2026)\nZiel: Junge Menschen"), "{}", text(4));
        assert!(
            matches!(blocks(text(4)).as_slice(), [Block::Paragraph(head), Block::Bullets(bausteine)]
                if head.len() == 3 && bausteine.len() == 4
                && bausteine[2] == "Clearing: Träger: Jugendberufsagentur Lindenau; Partner: Agentur für Arbeit Lindenau, Berufliche Schulen Lindenau; Sozialräume: Mitte, Nord"),
            "{}",
            text(4)
        );
        assert!(text(5).contains(&region.checklists[0].title), "{}", text(5));
        let planned = text(6);
        assert!(planned.contains(&region.checklists[0].sections[0].items[0].text), "{planned}");
        assert!(
            planned.contains(&format!("verantwortlich: {}", region.actors[1].name)) && planned.contains("fällig bis 31.12.2026"),
            "{planned}"
        );
        assert!(text(7).is_empty(), "the outlook is the coordinator's to write");
        // Every part reads as paragraphs and lists.
        assert!(matches!(blocks(text(2)).as_slice(), [Block::Bullets(lines)] if lines.len() == 1));
    }

    #[test]
    fn without_changes_or_a_start_the_draft_says_so() {
        let region = demo();
        let today = State::today(&region, "2026-11-20");
        let report = draft(Id("r".into()), "B".into(), "2026-07-01", "2026-09-30", None, &today, &region, "");
        assert!(report.parts[0].text.contains("keinen Stichtag"), "{}", report.parts[0].text);
        assert!(report.parts[1].text.contains("keinen Stichtag"), "{}", report.parts[1].text);
        let same = State { region: &region, date: "2026-11-20", stichtag: Some("Q2") };
        let report = draft(Id("r".into()), "B".into(), "2026-07-01", "2026-09-30", Some(&same), &today, &region, "");
        assert_eq!(report.parts[1].text, "Keine Änderungen.");
        assert!(!report.parts[0].text.contains("zu Beginn"), "equal figures are told once: {}", report.parts[0].text);
        let later = draft(Id("r".into()), "B".into(), "2027-01-01", "2027-03-31", Some(&same), &today, &region, "");
        assert_eq!(later.parts[4].text, "Im Zeitraum lief kein Programm.", "the demo's programme ended 2026");
    }
}
