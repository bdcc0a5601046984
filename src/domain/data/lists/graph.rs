//! A graph file (GraphML or GEXF, as Gephi, yEd, Cytoscape and the app
//! itself write them) read as two lists: the nodes with their attributes as
//! columns, and the edges between them. The browser's XML parser reads the
//! file; this turns what it found into lists the import already knows.

use crate::domain::hashing::HashMap;

use crate::domain::data::lists::actors::List;
use crate::domain::data::lists::choices::ValueChoices;
use crate::domain::data::lists::columns::auto_mapping;
use crate::domain::data::lists::table::{Row, Table};
use crate::domain::model::Direction;

/// A node or an edge with its attributes, by their titles.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct GraphItem {
    pub id: String,
    /// A node's label; empty for edges.
    pub label: String,
    /// An edge's ends (node IDs); empty for nodes.
    pub source: String,
    pub target: String,
    pub directed: bool,
    pub attributes: Vec<(String, String)>,
    /// Where the file placed a node.
    pub position: Option<(f64, f64)>,
}

/// What the XML parser found in a graph file.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct GraphDoc {
    pub nodes: Vec<GraphItem>,
    pub edges: Vec<GraphItem>,
}

/// The headings of a list: the fixed ones, then every attribute title in
/// the order first met.
fn headings(fixed: &[&str], items: &[GraphItem]) -> Vec<String> {
    let mut headings: Vec<String> = fixed.iter().map(|h| (*h).to_owned()).collect();
    for (title, _) in items.iter().flat_map(|i| &i.attributes) {
        if !headings.iter().any(|h| h.eq_ignore_ascii_case(title)) {
            headings.push(title.clone());
        }
    }
    headings
}

fn row(line: usize, headings: &[String], fixed: Vec<String>, item: &GraphItem) -> Row {
    let mut cells = fixed;
    cells.extend(
        headings[cells.len()..].iter().map(|h| item.attributes.iter().find(|(t, _)| t == h).map(|(_, v)| v.clone()).unwrap_or_default()),
    );
    Row { line, cells }
}

/// The nodes as a list of actors, with the edges as its list of relations.
/// An edge names its ends by the nodes' labels, so that they meet the
/// actors the nodes become, whatever IDs the other program gave them.
pub fn graph_to_list(doc: &GraphDoc) -> List {
    let node_headings = headings(&["ID", "Name"], &doc.nodes);
    let mut nodes = Table { rows: vec![Row { line: 0, cells: node_headings.clone() }] };
    for (i, node) in doc.nodes.iter().enumerate() {
        // A node without a label is named by its attribute "Name", else its ID.
        let named = node.attributes.iter().find(|(t, _)| t.eq_ignore_ascii_case("name")).map(|(_, v)| v.as_str()).filter(|v| !v.is_empty());
        let name = if node.label.is_empty() { named.unwrap_or(&node.id).to_owned() } else { node.label.clone() };
        nodes.rows.push(row(i + 1, &node_headings, vec![node.id.clone(), name], node));
    }
    // Each node's name by its ID, looked up once per edge end rather than searched.
    // (Reversed, so that of two nodes with one ID the first names it, as a search would.)
    let names: HashMap<&str, &str> = nodes.rows.iter().skip(1).rev().map(|r| (r.cells[0].as_str(), r.cells[1].as_str())).collect();
    let label = |id: &str| names.get(id).copied().unwrap_or(id).to_owned();
    let edge_headings = headings(&["ID", "Von", "An", "Richtung"], &doc.edges);
    let mut edges = Table { rows: vec![Row { line: 0, cells: edge_headings.clone() }] };
    for (i, edge) in doc.edges.iter().enumerate() {
        let direction = if edge.directed { Direction::Forward } else { Direction::Undirected };
        let fixed = vec![edge.id.clone(), label(&edge.source), label(&edge.target), direction.key().to_owned()];
        edges.rows.push(row(i + 1, &edge_headings, fixed, edge));
    }
    List {
        table: nodes,
        header: 0,
        mapping: auto_mapping(&node_headings),
        positions: doc.nodes.iter().map(|n| n.position).collect(),
        relations: Some(Box::new(List {
            table: edges,
            header: 0,
            mapping: auto_mapping(&edge_headings),
            positions: Vec::new(),
            relations: None,
            values: ValueChoices::default(),
        })),
        values: ValueChoices::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::files::import::{apply, default_action, merge_plan};
    use crate::domain::data::lists::actors::list_to_file;
    use crate::domain::model::{Provenance, Region, Workspace};
    use crate::domain::samples::demo::demo_workspace;

    /// What the browser's XML reader hands over for the app's own GEXF of `region`.
    fn as_read(region: &Region) -> GraphDoc {
        let text = |i: usize| {
            let a = &region.actors[i];
            vec![
                ("Art".to_owned(), a.kind.label().to_owned()),
                ("Rechtskreise".to_owned(), a.rechtskreise.iter().map(|r| r.short()).collect::<Vec<_>>().join(", ")),
                (
                    "Sozialräume".to_owned(),
                    a.sozialraeume.iter().filter_map(|s| region.sozialraum(s)).map(|s| s.name.clone()).collect::<Vec<_>>().join(", "),
                ),
            ]
        };
        GraphDoc {
            nodes: (0..region.actors.len())
                .map(|i| GraphItem {
                    id: region.actors[i].id.0.clone(),
                    label: region.actors[i].name.clone(),
                    attributes: text(i),
                    position: region.placed.iter().find(|p| p.actor == region.actors[i].id).map(|p| (p.x, p.y)),
                    ..GraphItem::default()
                })
                .collect(),
            edges: region
                .relations
                .iter()
                .map(|r| GraphItem {
                    id: r.id.0.clone(),
                    source: r.from.0.clone(),
                    target: r.to.0.clone(),
                    directed: r.kind.has_direction() && r.direction == Direction::Forward,
                    attributes: vec![
                        ("Art".into(), r.kind.label().into()),
                        ("Verbindlichkeit".into(), r.binding.label().into()),
                        ("Seit".into(), r.since.clone()),
                    ],
                    ..GraphItem::default()
                })
                .collect(),
        }
    }

    #[test]
    fn the_apps_own_graph_file_into_an_empty_region_keeps_actors_relations_kinds_and_places() {
        let mut demo = demo_workspace().regions.remove(0);
        demo.place(&demo.actors[3].id.clone(), 10.5, 20.0);
        let empty = Region { id: crate::domain::model::Id("leer".into()), name: "Leer".into(), ..Region::default() };
        let file = list_to_file(&graph_to_list(&as_read(&demo)), &empty).unwrap();
        let read = &file.content.regions[0];
        assert_eq!(read.actors.len(), demo.actors.len());
        for (back, own) in read.actors.iter().zip(&demo.actors) {
            assert_eq!((&back.name, back.kind, &back.rechtskreise), (&own.name, own.kind, &own.rechtskreise));
            let names = |r: &Region, a: &crate::domain::model::Actor| {
                a.sozialraeume.iter().filter_map(|s| r.sozialraum(s)).map(|s| s.name.clone()).collect::<Vec<_>>()
            };
            assert_eq!(names(read, back), names(&demo, own), "{}", own.name);
        }
        assert_eq!(read.relations.len(), demo.relations.len());
        let name = |r: &Region, id| r.actor_name(id);
        for (back, own) in read.relations.iter().zip(&demo.relations) {
            assert_eq!((name(read, &back.from), name(read, &back.to)), (name(&demo, &own.from), name(&demo, &own.to)));
            assert_eq!((back.kind, back.binding, &back.since, back.direction), (own.kind, own.binding, &own.since, own.direction));
        }
        let placed = read.placed.iter().map(|p| (name(read, &p.actor), p.x, p.y)).collect::<Vec<_>>();
        assert_eq!(placed, vec![(demo.actors[3].name.clone(), 10.5, 20.0)]);
        // Merged into the empty region, the place comes along.
        let mut workspace = Workspace { regions: vec![empty.clone()], ..Workspace::default() };
        let action = default_action(&workspace, &file);
        let provenance =
            Provenance { file_name: "g.gexf".into(), exported_at: String::new(), author: String::new(), imported_at: String::new() };
        let choices = merge_plan(&workspace, &file, &action).unwrap().default_choices();
        apply(&mut workspace, &file, &action, &choices, provenance);
        let merged = &workspace.regions[0];
        assert_eq!((merged.actors.len(), merged.relations.len()), (demo.actors.len(), demo.relations.len()));
        let placed = merged.placed.iter().map(|p| (name(merged, &p.actor), p.x, p.y)).collect::<Vec<_>>();
        assert_eq!(placed, vec![(demo.actors[3].name.clone(), 10.5, 20.0)]);
    }

    #[test]
    fn the_same_graph_file_into_its_own_region_asks_nothing_and_changes_nothing() {
        let demo = demo_workspace().regions.remove(0);
        let file = list_to_file(&graph_to_list(&as_read(&demo)), &demo).unwrap();
        assert!(file.notes.is_empty(), "{:?}", file.notes.iter().map(|n| n.text()).collect::<Vec<_>>());
        let mut workspace = Workspace { regions: vec![demo.clone()], ..Workspace::default() };
        let action = default_action(&workspace, &file);
        let plan = merge_plan(&workspace, &file, &action).unwrap();
        assert_eq!((plan.new_actors.len(), plan.new_relations, plan.decisions().count()), (0, 0, 0));
        let provenance =
            Provenance { file_name: "g.gexf".into(), exported_at: String::new(), author: String::new(), imported_at: String::new() };
        apply(&mut workspace, &file, &action, &plan.default_choices(), provenance);
        assert_eq!(workspace.regions[0].actors, demo.actors);
        assert_eq!(workspace.regions[0].relations, demo.relations);
    }

    #[test]
    fn nodes_without_labels_are_named_by_their_name_attribute_or_id() {
        let doc = GraphDoc {
            nodes: vec![
                GraphItem { id: "n0".into(), attributes: vec![("name".into(), "Jugendamt Lindenau".into())], ..GraphItem::default() },
                GraphItem { id: "n1".into(), ..GraphItem::default() },
            ],
            edges: vec![GraphItem { id: "e0".into(), source: "n0".into(), target: "n1".into(), ..GraphItem::default() }],
        };
        let file = list_to_file(&graph_to_list(&doc), &Region::default()).unwrap();
        let read = &file.content.regions[0];
        assert_eq!(
            read.actors.iter().map(|a| (a.name.as_str(), a.kind)).collect::<Vec<_>>(),
            vec![("Jugendamt Lindenau", crate::domain::model::ActorKind::Jugendamt), ("n1", crate::domain::model::ActorKind::Sonstige)]
        );
        assert_eq!(read.relations.len(), 1);
        assert_eq!((read.relations[0].from.clone(), read.relations[0].to.clone()), (read.actors[0].id.clone(), read.actors[1].id.clone()));
    }
}
