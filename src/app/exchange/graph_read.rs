//! GraphML and GEXF read by the browser's own XML parser (`DOMParser`,
//! `platform::xml`): what it finds becomes a `GraphDoc`, which the domain
//! turns into lists of actors and relations.

use web_sys::Element;

use crate::app::platform::xml::{attribute, children, elements, parse_xml, NotXml};
use crate::domain::data::lists::graph::{GraphDoc, GraphItem};
use crate::i18n::Message;

fn number(text: &str) -> Option<f64> {
    let value = js_sys::Number::parse_float(text);
    value.is_finite().then_some(value)
}

/// Reads a GraphML or GEXF file; a file that is neither says so and where.
pub fn read_graph(text: &str) -> Result<GraphDoc, Message> {
    let document = parse_xml(text).map_err(|e| match e {
        NotXml::At(line, column) => Message::new(key!("graph.not_xml_at")).with("line", line).with("column", column),
        NotXml::Somewhere => Message::new(key!("graph.not_xml")),
    })?;
    let root = document.document_element().ok_or_else(|| Message::new(key!("graph.unknown")))?;
    let doc = match root.local_name().as_str() {
        "graphml" => graphml(&root),
        "gexf" => gexf(&root),
        _ => return Err(Message::new(key!("graph.unknown"))),
    };
    if doc.nodes.is_empty() {
        return Err(Message::new(key!("graph.no_nodes")));
    }
    Ok(doc)
}

/// An edge: its ends, whether it points one way, and what `item` read of it.
fn edge(element: &Element, item: GraphItem, directed: bool) -> GraphItem {
    GraphItem { source: attribute(element, "source"), target: attribute(element, "target"), directed, ..item }
}

/// GraphML: `<key>` names the attributes; `<data key>` holds them. yEd keeps
/// a node's label in its graphics, read as the label.
fn graphml(root: &Element) -> GraphDoc {
    let keys: Vec<(String, String, bool)> = children(root, "key")
        .iter()
        .map(|k| (attribute(k, "id"), attribute(k, "attr.name"), attribute(k, "yfiles.type") == "nodegraphics"))
        .collect();
    let directed_default = children(root, "graph").first().is_some_and(|g| attribute(g, "edgedefault") == "directed");
    let read = |element: &Element| {
        let mut item = GraphItem { id: attribute(element, "id"), ..GraphItem::default() };
        let (mut x, mut y) = (None, None);
        for data in children(element, "data") {
            let Some((_, title, graphics)) = keys.iter().find(|(id, _, _)| *id == attribute(&data, "key")) else { continue };
            let value = data.text_content().unwrap_or_default().trim().to_owned();
            match title.as_str() {
                _ if *graphics => item.label = value,
                "x" => x = number(&value),
                "y" => y = number(&value),
                "" => {}
                "label" | "Label" => item.label = value,
                _ => item.attributes.push((title.clone(), value)),
            }
        }
        item.position = x.zip(y);
        item
    };
    GraphDoc {
        nodes: children(root, "node").iter().map(read).collect(),
        edges: children(root, "edge")
            .iter()
            .map(|e| edge(e, read(e), e.get_attribute("directed").map_or(directed_default, |d| d == "true")))
            .collect(),
    }
}

/// GEXF: `<attributes class>` names the attributes; `<attvalue for value>`
/// holds them; `viz:position` places a node.
fn gexf(root: &Element) -> GraphDoc {
    let titles = |class: &str| -> Vec<(String, String)> {
        children(root, "attributes")
            .iter()
            .filter(|a| attribute(a, "class") == class)
            .flat_map(|a| children(a, "attribute"))
            .map(|a| (attribute(&a, "id"), attribute(&a, "title")))
            .collect()
    };
    let (node_titles, edge_titles) = (titles("node"), titles("edge"));
    let directed_default = children(root, "graph").first().is_some_and(|g| attribute(g, "defaultedgetype") == "directed");
    let read = |element: &Element, titles: &[(String, String)]| GraphItem {
        id: attribute(element, "id"),
        label: attribute(element, "label"),
        attributes: children(element, "attvalue")
            .iter()
            .filter_map(|v| {
                let title =
                    titles.iter().find(|(id, _)| *id == attribute(v, "for")).map_or_else(|| attribute(v, "for"), |(_, t)| t.clone());
                (!title.is_empty()).then(|| (title, attribute(v, "value")))
            })
            .collect(),
        ..GraphItem::default()
    };
    let position = |node: &Element| {
        let place = elements(node.get_elements_by_tag_name_ns(Some("*"), "position").ok()?).into_iter().next()?;
        number(&attribute(&place, "x")).zip(number(&attribute(&place, "y")))
    };
    GraphDoc {
        nodes: children(root, "node").iter().map(|n| GraphItem { position: position(n), ..read(n, &node_titles) }).collect(),
        edges: children(root, "edge")
            .iter()
            .map(|e| edge(e, read(e, &edge_titles), e.get_attribute("type").map_or(directed_default, |t| t == "directed")))
            .collect(),
    }
}

/// A graph file by its name.
pub fn is_graph(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.ends_with(".graphml") || name.ends_with(".gexf")
}
