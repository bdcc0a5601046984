//! A list of organisations turned into the actors of a region, to be merged
//! into the user's region through the same preview as a file: new actors,
//! actors matched by name with their differences side by side, and every
//! row or value that could not be taken, with its line.

use crate::domain::hashing::{HashMap, HashSet};

use crate::domain::data::files::export::APP_VERSION;
use crate::domain::data::format::{Content, Header, ParsedFile, RegionRef, Scope, FILE_SCHEMA};
use crate::domain::data::lists::choices::ValueChoices;
use crate::domain::data::lists::columns::{auto_mapping, find_header, is_relation_list, Field};
use crate::domain::data::lists::relations::relations_file;
use crate::domain::data::lists::table::{read_table, Row, Table, TableError};
use crate::domain::data::lists::values::{split_list, KindNames};
use crate::domain::model::{Actor, ActorKind, Contact, Id, Placement, Rechtskreis, Region, Sozialraum};
use crate::domain::rules::fields::{is_valid_email, is_valid_phone, normalise_website};
use crate::domain::rules::names::name_key;
use crate::domain::rules::text::{file_stem, fold};
use crate::i18n::{Key, Message};

/// A list as read: its rows, the header row and the field of each column.
#[derive(Clone, Debug, PartialEq)]
pub struct List {
    pub table: Table,
    /// Index of the header row in `table.rows`.
    pub header: usize,
    pub mapping: Vec<Field>,
    /// Where a graph file placed each record, if it did.
    pub positions: Vec<Option<(f64, f64)>>,
    /// A graph file's edges, the relations between the records.
    pub relations: Option<Box<List>>,
    /// What the user chose for values of the "Art" and "Rechtskreise" columns.
    pub values: ValueChoices,
}

impl List {
    pub fn headings(&self) -> &[String] {
        &self.table.rows[self.header].cells
    }

    /// A column's heading as the list writes it.
    pub fn heading(&self, column: usize) -> &str {
        self.headings().get(column).map(String::as_str).unwrap_or("")
    }

    /// The rows below the header.
    pub fn records(&self) -> &[Row] {
        &self.table.rows[self.header + 1..]
    }

    /// The first values of a column, for the mapping's preview.
    pub fn samples(&self, column: usize, n: usize) -> Vec<&str> {
        self.records().iter().filter_map(|r| r.cells.get(column)).map(String::as_str).filter(|c| !c.is_empty()).take(n).collect()
    }
}

/// Why a text cannot be read as a list. Nothing changes when one occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListError {
    Table(TableError),
    /// No row of the first ones has a column for the name.
    NoNameColumn,
}

impl ListError {
    pub fn message(&self) -> Message {
        match self {
            ListError::Table(e) => e.message(),
            ListError::NoNameColumn => Message::new(key!("list.no_name_column")),
        }
    }
}

/// Reads a list: its table, the header row and the columns recognised.
pub fn read_list(text: &str) -> Result<List, ListError> {
    list_from_table(read_table(text).map_err(ListError::Table)?)
}

/// A table (a CSV file's, a workbook's sheet) as a list: its header row and
/// the columns recognised.
pub fn list_from_table(table: Table) -> Result<List, ListError> {
    let header = find_header(&table).ok_or(ListError::NoNameColumn)?;
    let mapping = auto_mapping(&table.rows[header].cells);
    Ok(List { table, header, mapping, positions: Vec::new(), relations: None, values: ValueChoices::default() })
}

/// The contact person of each contact column: a field met again starts the
/// next person ("Ansprechperson; Tel.; Ansprechperson 2; Tel. 2").
fn contact_groups(mapping: &[Field]) -> Vec<Option<usize>> {
    let (mut group, mut seen) = (0, HashSet::default());
    mapping
        .iter()
        .map(|field| {
            field.is_contact_part().then(|| {
                if !seen.insert(*field) {
                    group += 1;
                    seen.clear();
                    seen.insert(*field);
                }
                group
            })
        })
        .collect()
}

/// "=HYPERLINK("https://a.example";"A")" → "https://a.example": the link a
/// spreadsheet cell shows, as text.
fn hyperlink_target(cell: &str) -> &str {
    match cell.get(..12) {
        Some(start) if start.eq_ignore_ascii_case("=HYPERLINK(\"") => cell[12..].split('"').next().unwrap_or(cell),
        _ => cell,
    }
}

/// "Anna Schmidt (Teamleitung, a@b.de, 06441 123)" per line, as the app's
/// own actor list writes its contact persons.
fn contact_lines(cell: &str) -> Vec<Contact> {
    cell.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let (name, details) = match line.strip_suffix(')').and_then(|l| l.split_once(" (")) {
                Some((name, details)) => (name, details.split(", ").collect::<Vec<_>>()),
                None => (line, Vec::new()),
            };
            let mut contact = Contact { name: name.trim().to_owned(), ..Contact::default() };
            for detail in details {
                if is_valid_email(detail) {
                    contact.email = detail.to_owned();
                } else if is_valid_phone(detail) {
                    contact.phone = detail.to_owned();
                } else {
                    contact.role = detail.to_owned();
                }
            }
            contact
        })
        .collect()
}

/// An ID a list may carry: the app's own IDs are short and plain.
pub(super) fn plain_id(value: &str) -> Option<Id> {
    let ok = !value.is_empty() && value.len() <= 80 && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then(|| Id(value.to_owned()))
}

/// IDs for the list's new records: readable, and never one already taken.
pub(super) struct Ids(pub(super) HashSet<String>);

impl Ids {
    pub(super) fn fresh(&mut self, prefix: &str, name: &str) -> Id {
        let base = format!("{prefix}-{}", file_stem(name).chars().take(40).collect::<String>());
        let id =
            (1..).map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") }).find(|id| !self.0.contains(id)).expect("unbounded");
        self.0.insert(id.clone());
        Id(id)
    }
}

/// A value of a row that could not be taken, with its place and why.
pub(super) fn left_out(line: usize, column: &str, value: &str, why: Message) -> Message {
    Message::new(key!("list.value_left_out")).with("line", line).with("column", column).with("value", value).with_message("why", why)
}

/// Another line of notes: several note columns, or a note over several cells.
pub(super) fn add_line(notes: &mut String, line: &str) {
    if !notes.is_empty() {
        notes.push('\n');
    }
    notes.push_str(line);
}

/// Values of one kind that matched nothing, each with a line it is on
/// (grouped by value when the notes are written).
pub(super) type Unmatched = Vec<(String, usize)>;

/// One note per value that matched nothing, in the order of the values,
/// naming its lines.
pub(super) fn unmatched_notes(key: Key, placeholder: &'static str, mut unmatched: Unmatched) -> impl Iterator<Item = Message> {
    // Stable: a value's lines stay in the order they came.
    crate::domain::order::sort_by(&mut unmatched, |a, b| a.0.cmp(&b.0));
    let mut grouped: Vec<(String, Vec<usize>)> = Vec::new();
    for (value, line) in unmatched {
        match grouped.last_mut() {
            Some((last, lines)) if *last == value => {
                if lines.last() != Some(&line) {
                    lines.push(line);
                }
            }
            _ => grouped.push((value, vec![line])),
        }
    }
    grouped.into_iter().map(move |(value, rows)| {
        let lines = rows.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
        Message::new(key).with(placeholder, value).with("lines", lines).with("n", rows.len())
    })
}

/// The list as a file holding one region, the user's `target`, to be
/// merged into it through the import's preview: a list of actors, or of
/// relations when both ends have a column. A value that cannot be taken
/// costs that value, a row that cannot costs the row; each is listed with
/// its line.
pub fn list_to_file(list: &List, target: &Region) -> Result<ParsedFile, Message> {
    match &list.relations {
        Some(edges) => graph_file(list, edges, target),
        None if is_relation_list(&list.mapping) => relations_file(list, target),
        None => actors_file(list, target),
    }
}

/// A graph file: its nodes as actors, then its edges between them and the region's.
fn graph_file(nodes: &List, edges: &List, target: &Region) -> Result<ParsedFile, Message> {
    let mut file = actors_file(nodes, target)?;
    if edges.records().is_empty() {
        return Ok(file);
    }
    let mut known = target.clone();
    known.actors.extend(file.content.regions[0].actors.iter().filter(|a| target.actor(&a.id).is_none()).cloned());
    let ParsedFile { content, notes, .. } = relations_file(edges, &known)?;
    let linked = content.regions.into_iter().next().expect("one region");
    let read = &mut file.content.regions[0];
    read.actors.extend(linked.actors);
    read.relations = linked.relations;
    file.notes.extend(notes);
    Ok(file)
}

fn actors_file(list: &List, target: &Region) -> Result<ParsedFile, Message> {
    let Some(name_column) = list.mapping.iter().position(|f| *f == Field::Name) else {
        return Err(Message::new(key!("list.no_name_column")));
    };
    let groups = contact_groups(&list.mapping);
    let own_by_key: HashMap<String, &Actor> = target.actors.iter().map(|a| (name_key(&a.name), a)).collect();
    let mut ids = Ids(target.actors.iter().map(|a| a.id.0.clone()).chain(target.sozialraeume.iter().map(|s| s.id.0.clone())).collect());
    let (mut notes, mut actors, mut sozialraeume): (Vec<Message>, Vec<Actor>, Vec<Sozialraum>) = (Vec::new(), Vec::new(), Vec::new());
    let (mut unknown_kinds, mut unknown_rechtskreise, mut traeger_names) = (Unmatched::new(), Unmatched::new(), Vec::new());
    // Each name read, by its comparable form: its line, and its place among `actors`.
    let mut listed_names: HashMap<String, (usize, usize)> = HashMap::default();
    let mut placed = Vec::new();
    let kinds = KindNames::new();
    let mut rechtskreis_cells: HashMap<&str, (Vec<Rechtskreis>, Vec<String>)> = HashMap::default();
    for (index, row) in list.records().iter().enumerate() {
        let cell = |column: usize| row.cells.get(column).map(|c| c.trim()).unwrap_or("");
        let name = cell(name_column);
        if name.is_empty() {
            notes.push(Message::new(key!("list.row_no_name")).with("line", row.line));
            continue;
        }
        let key = name_key(name);
        if let Some((first, _)) = listed_names.get(&key) {
            notes.push(Message::new(key!("list.row_twice")).with("line", row.line).with("name", name).with("first", first));
            continue;
        }
        listed_names.insert(key.clone(), (row.line, actors.len()));
        let own = own_by_key.get(&key);
        // A given ID counts only where it is the region's: another program's IDs
        // (or another Kommune's) must not meet an actor by chance.
        let given_id =
            list.mapping.iter().position(|f| *f == Field::Id).and_then(|c| plain_id(cell(c))).filter(|id| target.actor(id).is_some());
        let id = given_id.unwrap_or_else(|| own.map(|a| a.id.clone()).unwrap_or_else(|| ids.fresh("liste", name)));
        let mut actor = Actor::new(id, name, ActorKind::Sonstige);
        let mut kind_given = false;
        // Contact groups of the row (column sets "Kontakt 1 …", "Kontakt 2 …"), by group number.
        let mut contacts: Vec<(usize, Contact)> = Vec::new();
        let mut traeger = None;
        for (column, field) in list.mapping.iter().enumerate() {
            let value = cell(column);
            if value.is_empty() {
                continue;
            }
            let place = |why: Message| left_out(row.line, list.heading(column), value, why);
            match field {
                Field::Kind => {
                    kind_given = true;
                    match list.values.kind(value, &kinds) {
                        Some(kind) => actor.kind = kind,
                        None => {
                            actor.kind = ActorKind::Sonstige;
                            unknown_kinds.push((value.to_owned(), row.line));
                        }
                    }
                }
                Field::Traeger => traeger = Some(value.to_owned()),
                Field::Rechtskreise => {
                    // A list repeats few Rechtskreis cells many times: each is matched once.
                    let (found, unknown) = rechtskreis_cells.entry(value).or_insert_with(|| list.values.rechtskreise(value)).clone();
                    for r in found {
                        if !actor.rechtskreise.contains(&r) {
                            actor.rechtskreise.push(r);
                        }
                    }
                    for part in unknown {
                        unknown_rechtskreise.push((part, row.line));
                    }
                }
                Field::Sozialraeume => {
                    for wanted in split_list(value) {
                        let known = target
                            .sozialraeume
                            .iter()
                            .chain(&sozialraeume)
                            .find(|s| fold(&s.name) == fold(&wanted) || s.gemeinden.iter().any(|g| fold(g) == fold(&wanted)));
                        let id = match known {
                            Some(s) => s.id.clone(),
                            None => {
                                let id = ids.fresh("sozialraum", &wanted);
                                sozialraeume.push(Sozialraum { id: id.clone(), name: wanted, gemeinden: Vec::new() });
                                id
                            }
                        };
                        if !actor.sozialraeume.contains(&id) {
                            actor.sozialraeume.push(id);
                        }
                    }
                }
                Field::TargetGroups => actor.target_groups.extend(split_list(value)),
                Field::Offers => actor.offers.extend(split_list(value)),
                Field::Tags => actor.tags.extend(split_list(value)),
                Field::Website => match normalise_website(hyperlink_target(value)) {
                    Ok(url) => actor.website = url,
                    Err(why) => notes.push(place(why)),
                },
                Field::Notes => add_line(&mut actor.notes, value),
                Field::ContactLines => actor.contacts.extend(contact_lines(value)),
                Field::ContactName | Field::ContactRole | Field::ContactEmail | Field::ContactPhone => {
                    let contact = crate::domain::order::entry(&mut contacts, groups[column].unwrap_or(0), Contact::default);
                    match field {
                        Field::ContactName => contact.name = value.to_owned(),
                        Field::ContactRole => contact.role = value.to_owned(),
                        Field::ContactEmail if is_valid_email(value) => contact.email = value.to_owned(),
                        Field::ContactEmail => notes.push(place(Message::new(key!("list.not_an_email")))),
                        _ if is_valid_phone(value) => contact.phone = value.to_owned(),
                        _ => notes.push(place(Message::new(key!("list.not_a_phone")))),
                    }
                }
                Field::Name | Field::Id | Field::Ignored | Field::From | Field::To | Field::Direction | Field::Binding | Field::Since => {}
            }
        }
        if !kind_given {
            // Without a kind in the list, a known actor keeps its own, a new one's
            // name may tell it ("Volkshochschule Lindenau").
            actor.kind = own.map(|a| a.kind).or_else(|| kinds.find(name)).unwrap_or(ActorKind::Sonstige);
        }
        crate::domain::order::sort_by(&mut contacts, |x, y| x.0.cmp(&y.0));
        for (_, mut contact) in contacts {
            if contact.name.is_empty() {
                // A person known only by the address or number is still worth keeping.
                contact.name =
                    [&contact.role, &contact.email, &contact.phone].into_iter().find(|v| !v.is_empty()).cloned().unwrap_or_default();
            }
            if !contact.name.is_empty() {
                actor.contacts.push(contact);
            }
        }
        if let Some(name) = traeger {
            traeger_names.push((actors.len(), name, row.line));
        }
        if let Some(Some((x, y))) = list.positions.get(index) {
            placed.push(Placement { actor: actor.id.clone(), x: *x, y: *y });
        }
        actors.push(actor);
    }
    // Träger: an actor of the list, else one of the region, else a new actor.
    let (mut new_traeger, listed): (Unmatched, usize) = (Vec::new(), actors.len());
    for (index, name, line) in traeger_names {
        let key = name_key(&name);
        let in_list = listed_names.get(&key).map(|(_, i)| *i);
        let id = match (in_list, own_by_key.get(&key)) {
            (Some(i), _) if i == index => continue,
            (Some(i), _) => {
                if i >= listed {
                    new_traeger.push((actors[i].name.clone(), line));
                }
                actors[i].id.clone()
            }
            (None, Some(own)) => own.id.clone(),
            (None, None) => {
                let id = ids.fresh("liste", &name);
                listed_names.insert(key, (line, actors.len()));
                actors.push(Actor::new(id.clone(), name.clone(), ActorKind::Traeger));
                new_traeger.push((name.clone(), line));
                id
            }
        };
        actors[index].traeger = Some(id);
    }
    notes.extend(unmatched_notes(key!("list.unknown_kind"), "value", unknown_kinds));
    notes.extend(unmatched_notes(key!("list.unknown_rechtskreis"), "value", unknown_rechtskreise));
    notes.extend(unmatched_notes(key!("list.new_traeger"), "name", new_traeger));
    if actors.is_empty() {
        return Err(Message::new(key!("list.no_rows")));
    }
    Ok(region_file(target, Region { sozialraeume, actors, placed, ..Region::default() }, notes))
}

/// A file holding `read` as the user's `target` region, to be merged into it.
pub(super) fn region_file(target: &Region, read: Region, notes: Vec<Message>) -> ParsedFile {
    let region = Region { id: target.id.clone(), name: target.name.clone(), kind: target.kind, ..read };
    let header = Header {
        scope: Scope::Region,
        app_version: APP_VERSION.to_owned(),
        exported_at: String::new(),
        region: Some(RegionRef { id: target.id.clone(), name: target.name.clone() }),
        author: String::new(),
        personal_data: true,
    };
    ParsedFile {
        schema: FILE_SCHEMA,
        header,
        content: Content { regions: vec![region], templates: Vec::new() },
        notes,
        modified: false,
        from_list: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::files::import::{apply, default_action, merge_plan, ImportAction};
    use crate::domain::data::writers::csv::actors_csv;
    use crate::domain::model::{Provenance, Rechtskreis, Workspace};
    use crate::domain::samples::demo::demo_workspace;

    /// The fixture holds only Latin-1 letters of Windows-1252 (no €, no „“),
    /// where both encodings agree; the browser decodes with `TextDecoder`.
    fn windows_1252(bytes: &[u8]) -> String {
        assert!(!bytes.iter().any(|b| (0x80..0xa0).contains(b)), "only the Latin-1 part");
        bytes.iter().map(|&b| b as char).collect()
    }

    fn fixture() -> String {
        windows_1252(&std::fs::read("tests/fixtures/lists/traegerliste-windows-1252.csv").unwrap())
    }

    fn region() -> Region {
        demo_workspace().regions.remove(0)
    }

    fn texts(file: &ParsedFile) -> Vec<String> {
        file.notes.iter().map(|n| n.text()).collect()
    }

    #[test]
    fn a_windows_1252_list_below_a_title_arrives_with_umlauts_and_its_problems_named() {
        let list = read_list(&fixture()).unwrap();
        assert_eq!(list.header, 1, "the title row comes first, the empty row is no row");
        assert_eq!(
            list.mapping,
            vec![
                Field::Name,
                Field::Kind,
                Field::Traeger,
                Field::Sozialraeume,
                Field::ContactName,
                Field::ContactPhone,
                Field::ContactEmail,
                Field::Website,
                Field::Notes
            ]
        );
        let target = region();
        let file = list_to_file(&list, &target).unwrap();
        let actors = &file.content.regions[0].actors;
        let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Trägerverein Müßig e.V.",
                "Jobcenter Lindenau",
                "Agentur f. Arbeit Lindenau",
                "Jugendwerkstatt Süd",
                "Café Grenzenlos",
                "Diakonie Lindenau"
            ]
        );
        let muessig = &actors[0];
        assert_eq!(muessig.kind, ActorKind::Verein);
        assert_eq!(muessig.website, "https://www.muessig.example");
        assert_eq!(muessig.notes, "Treffen jeden 1. Montag;\nim Gemeindehaus");
        assert_eq!(
            muessig.contacts,
            vec![Contact {
                name: "Jürgen Weiß".into(),
                role: String::new(),
                email: "j.weiss@muessig.example".into(),
                phone: "06441 12-34".into()
            }]
        );
        let jobcenter = &actors[1];
        assert_eq!(jobcenter.kind, ActorKind::Jobcenter);
        assert_eq!(jobcenter.website, "https://jobcenter-lindenau.example", "the link of =HYPERLINK, as text");
        assert_eq!(actors[2].kind, ActorKind::Arbeitsagentur);
        assert_eq!(actors[2].website, "", "javascript: is never a link");
        assert_eq!(actors[2].contacts[0].email, "", "a bad address costs the address, not the person");
        assert_eq!(actors[3].kind, ActorKind::Sonstige);
        assert_eq!(actors[3].traeger, Some(actors[5].id.clone()), "a Träger named twice is one new actor");
        assert_eq!(actors[4].traeger, actors[3].traeger);
        assert_eq!(actors[5].kind, ActorKind::Traeger);
        // Nord is a Sozialraum of the demo Kreis, Süd is not: a new one, once.
        let new: Vec<&str> = file.content.regions[0].sozialraeume.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(new, vec!["Süd"]);
        let nord = target.sozialraeume.iter().find(|s| s.name == "Nord").unwrap();
        assert_eq!(muessig.sozialraeume, vec![nord.id.clone()]);
        assert_eq!(jobcenter.sozialraeume[0], nord.id);
        assert_eq!(
            texts(&file),
            vec![
                "Zeile 7, Spalte „E-Mail-Adresse“: „oeztuerk@arbeitsagentur“ ausgelassen. Das ist keine gültige E-Mail-Adresse.",
                "Zeile 7, Spalte „Homepage“: „javascript:alert(1)“ ausgelassen. Bitte eine Webadresse mit http:// oder https:// angeben.",
                "Zeile 9: ohne Namen, nicht übernommen.",
                "Art „Begegnungsstätte“ (Zeile 10) ist unbekannt: als „Sonstige“ übernommen.",
                "Art „Jugendberufshilfe“ (Zeile 8) ist unbekannt: als „Sonstige“ übernommen.",
                "Träger „Diakonie Lindenau“ (Zeilen 8, 10) ist noch kein Akteur: als neuer Akteur angelegt.",
            ]
        );
    }

    #[test]
    fn the_list_merges_into_the_region_as_one_step_with_only_real_differences_asked() {
        let mut workspace = Workspace { regions: vec![region()], ..Workspace::default() };
        let target = workspace.regions[0].clone();
        let own = target.actors.iter().find(|a| a.kind == ActorKind::Jobcenter).unwrap().clone();
        // A list that names a known actor with one new value and leaves the rest empty.
        let text = format!("Name;Homepage;Angebote\n{};https://neu.example;\nNeuer Verein;;Sport, Kultur\n", own.name);
        let file = list_to_file(&read_list(&text).unwrap(), &target).unwrap();
        let action = default_action(&workspace, &file);
        assert_eq!(action, ImportAction::MergeInto(target.id.clone()));
        let plan = merge_plan(&workspace, &file, &action).unwrap();
        assert_eq!(plan.new_actors, vec!["Neuer Verein".to_owned()]);
        assert_eq!(plan.actors.len(), 1);
        let keys: Vec<&str> = plan.actors[0].diffs.iter().map(|d| d.key).collect();
        assert_eq!(keys, vec!["website"], "what the list leaves empty is no difference, the kind stays the own");
        let mut choices = plan.default_choices();
        choices.take_theirs.insert((own.id.clone(), "website"));
        let provenance = Provenance {
            file_name: "liste.csv".into(),
            exported_at: String::new(),
            author: String::new(),
            imported_at: "2026-12-03T10:00:00Z".into(),
        };
        apply(&mut workspace, &file, &action, &choices, provenance);
        let region = &workspace.regions[0];
        assert_eq!(region.actors.len(), target.actors.len() + 1);
        let merged = region.actor(&own.id).unwrap();
        assert_eq!(merged.website, "https://neu.example");
        assert_eq!((merged.kind, &merged.contacts), (own.kind, &own.contacts), "the rest of the own actor stays");
        let added = region.actors.iter().find(|a| a.name == "Neuer Verein").unwrap();
        assert_eq!(added.offers, vec!["Sport".to_owned(), "Kultur".to_owned()]);
        assert_eq!(added.kind, ActorKind::Verein, "the kind read from the name when the list has no Art column");
    }

    #[test]
    fn the_apps_own_actor_list_reads_back_without_any_mapping() {
        let target = region();
        let text = actors_csv(&target);
        let list = read_list(&text).unwrap();
        assert!(
            !list.mapping.contains(&Field::Ignored)
                || list.headings()[list.mapping.iter().position(|f| *f == Field::Ignored).unwrap()] == "Beziehungen"
        );
        let file = list_to_file(&list, &target).unwrap();
        assert_eq!(texts(&file), Vec::<String>::new(), "nothing to repair in the app's own list");
        let read = &file.content.regions[0];
        assert!(read.sozialraeume.is_empty(), "every Sozialraum is the region's own");
        assert_eq!(read.actors.len(), target.actors.len());
        for (back, own) in read.actors.iter().zip(&target.actors) {
            assert_eq!(back.id, own.id);
            assert_eq!(
                (back.kind, &back.traeger, &back.rechtskreise, &back.sozialraeume),
                (own.kind, &own.traeger, &own.rechtskreise, &own.sozialraeume),
                "{}",
                own.name
            );
            assert_eq!(
                (&back.target_groups, &back.offers, &back.tags, &back.website, &back.notes),
                (&own.target_groups, &own.offers, &own.tags, &own.website, &own.notes),
                "{}",
                own.name
            );
            assert_eq!(back.contacts, own.contacts, "{}", own.name);
        }
        let workspace = Workspace { regions: vec![target.clone()], ..Workspace::default() };
        let plan = merge_plan(&workspace, &file, &default_action(&workspace, &file)).unwrap();
        assert!(plan.new_actors.is_empty());
        assert_eq!(plan.decisions().count(), 0, "the same list again asks nothing");
    }

    #[test]
    fn several_contact_groups_are_several_persons() {
        let text = "Organisation;Ansprechperson;Tel.;Ansprechperson 2;Tel. 2;E-Mail 2\nVHS;Anna A;0641 1;Bernd B;0641 2;b@vhs.example\n";
        let file = list_to_file(&read_list(text).unwrap(), &Region::default()).unwrap();
        let contacts = &file.content.regions[0].actors[0].contacts;
        assert_eq!(
            contacts.iter().map(|c| (c.name.as_str(), c.phone.as_str(), c.email.as_str())).collect::<Vec<_>>(),
            vec![("Anna A", "0641 1", ""), ("Bernd B", "0641 2", "b@vhs.example")]
        );
    }

    #[test]
    fn rechtskreise_and_rows_named_twice() {
        let text = "Name,Rechtskreis\n\"IFD Lindenau\",\"SGB IX, SGB 3\"\nIFD Lindenau e.V.,SGB XIV\n";
        let file = list_to_file(&read_list(text).unwrap(), &Region::default()).unwrap();
        assert_eq!(file.content.regions[0].actors[0].rechtskreise, vec![Rechtskreis::SgbIX, Rechtskreis::SgbIII]);
        assert_eq!(texts(&file), vec!["Zeile 3: „IFD Lindenau e.V.“ steht schon in Zeile 2 und wird nicht noch einmal übernommen."]);
    }

    #[test]
    fn a_thousand_rows_are_read_and_what_is_no_list_is_refused() {
        let text = std::fs::read_to_string("tests/fixtures/lists/tausend-zeilen.csv").unwrap();
        let file = list_to_file(&read_list(&text).unwrap(), &region()).unwrap();
        assert_eq!(file.actor_count(), 1001, "a thousand rows and the Träger they name");
        assert_eq!(texts(&file), vec!["Träger „Diakonie Lindenau“ (Zeilen 2, 12, 22, 32, 42, 52, 62, 72, 82, 92, 102, 112, 122, 132, 142, 152, 162, 172, 182, 192, 202, 212, 222, 232, 242, 252, 262, 272, 282, 292, 302, 312, 322, 332, 342, 352, 362, 372, 382, 392, 402, 412, 422, 432, 442, 452, 462, 472, 482, 492, 502, 512, 522, 532, 542, 552, 562, 572, 582, 592, 602, 612, 622, 632, 642, 652, 662, 672, 682, 692, 702, 712, 722, 732, 742, 752, 762, 772, 782, 792, 802, 812, 822, 832, 842, 852, 862, 872, 882, 892, 902, 912, 922, 932, 942, 952, 962, 972, 982, 992) ist noch kein Akteur: als neuer Akteur angelegt."]);
        assert_eq!(read_list("Betrag;Datum\n1;2\n"), Err(ListError::NoNameColumn));
        assert_eq!(read_list("   "), Err(ListError::Table(TableError::Empty)));
        assert!(
            matches!(list_to_file(&read_list("Name;Art\n;Verein\n").unwrap(), &region()), Err(m) if m.text() == "Die Liste enthält keine Zeile mit einem Namen.")
        );
    }

    #[test]
    fn a_utf8_list_with_bom_commas_quoted_breaks_and_formulas() {
        let text = std::fs::read_to_string("tests/fixtures/lists/einrichtungen-utf8-bom.csv").unwrap();
        let list = read_list(&text).unwrap();
        assert_eq!(list.header, 0);
        let file = list_to_file(&list, &region()).unwrap();
        let actors = &file.content.regions[0].actors;
        let jmd = &actors[0];
        assert_eq!((jmd.kind, &jmd.rechtskreise), (ActorKind::Migrationsdienst, &vec![Rechtskreis::SgbVIII, Rechtskreis::AufenthG]));
        let persons: Vec<(&str, &str, &str)> = jmd.contacts.iter().map(|c| (c.name.as_str(), c.role.as_str(), c.email.as_str())).collect();
        assert_eq!(persons, vec![("Aylin Kaya", "Beratung", "a.kaya@jmd.example"), ("Piotr Nowak", "", "p.nowak@jmd.example")]);
        assert_eq!(jmd.notes, "Sprechstunde:\nDi und Do");
        assert_eq!(
            (actors[1].website.as_str(), actors[1].notes.as_str()),
            ("https://khs.example", "=SUMME(A1:A3)"),
            "a formula stays text"
        );
        assert_eq!(actors[2].name, "Stadtteilzentrum Süd \"Mitte\"");
        assert_eq!(actors[2].rechtskreise, vec![Rechtskreis::SgbII, Rechtskreis::SgbXII]);
        assert_eq!(actors[2].website, "https://stz-sued.example");
        assert_eq!(
            texts(&file),
            vec![
                "Zeile 5, Spalte „E-Mail“: „joerg@stz“ ausgelassen. Das ist keine gültige E-Mail-Adresse.",
                "Art „Begegnungsstätte“ (Zeile 5) ist unbekannt: als „Sonstige“ übernommen.",
            ]
        );
    }
}
