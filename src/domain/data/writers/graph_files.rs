//! The map as GraphML and GEXF, the formats Gephi, yEd and Cytoscape open.

use crate::domain::model::{Direction, Region};
use crate::domain::rules::text::xml_escape;

/// Attributes written for every actor (node) and relation (edge).
const NODE_KEYS: [(&str, &str); 4] = [("name", "Name"), ("kind", "Art"), ("rechtskreise", "Rechtskreise"), ("sozialraeume", "Sozialräume")];
const EDGE_KEYS: [(&str, &str); 3] = [("kind", "Art"), ("binding", "Verbindlichkeit"), ("since", "Seit")];

fn node_values(region: &Region, index: usize) -> [String; 4] {
    let actor = &region.actors[index];
    [
        actor.name.clone(),
        actor.kind.label().to_owned(),
        actor.rechtskreise.iter().map(|r| r.short()).collect::<Vec<_>>().join(", "),
        actor.sozialraeume.iter().filter_map(|s| region.sozialraum(s)).map(|s| s.name.as_str()).collect::<Vec<_>>().join(", "),
    ]
}

/// Where the user placed an actor, if they did: written for Gephi and read back on import.
fn placed(region: &Region, index: usize) -> Option<(f64, f64)> {
    let id = &region.actors[index].id;
    region.placed.iter().find(|p| &p.actor == id).map(|p| (p.x, p.y))
}

fn edge_values(region: &Region, index: usize) -> [String; 3] {
    let relation = &region.relations[index];
    [relation.kind.label().to_owned(), relation.binding.label().to_owned(), relation.since.clone()]
}

/// GraphML: undirected by default, referrals and other one-way relations directed.
pub fn graphml(region: &Region) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    for (key, label) in NODE_KEYS {
        out.push_str(&format!("  <key id=\"n_{key}\" for=\"node\" attr.name=\"{label}\" attr.type=\"string\"/>\n"));
    }
    for (key, label) in EDGE_KEYS {
        out.push_str(&format!("  <key id=\"e_{key}\" for=\"edge\" attr.name=\"{label}\" attr.type=\"string\"/>\n"));
    }
    for axis in ["x", "y"] {
        out.push_str(&format!("  <key id=\"n_{axis}\" for=\"node\" attr.name=\"{axis}\" attr.type=\"double\"/>\n"));
    }
    out.push_str(&format!("  <graph id=\"{}\" edgedefault=\"undirected\">\n", xml_escape(&region.id.0)));
    for (i, actor) in region.actors.iter().enumerate() {
        out.push_str(&format!("    <node id=\"{}\">\n", xml_escape(&actor.id.0)));
        for ((key, _), value) in NODE_KEYS.iter().zip(node_values(region, i)) {
            out.push_str(&format!("      <data key=\"n_{key}\">{}</data>\n", xml_escape(&value)));
        }
        if let Some((x, y)) = placed(region, i) {
            out.push_str(&format!("      <data key=\"n_x\">{x}</data>\n      <data key=\"n_y\">{y}</data>\n"));
        }
        out.push_str("    </node>\n");
    }
    for (i, relation) in region.relations.iter().enumerate() {
        let directed = relation.kind.has_direction() && relation.direction == Direction::Forward;
        out.push_str(&format!(
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\" directed=\"{directed}\">\n",
            xml_escape(&relation.id.0),
            xml_escape(&relation.from.0),
            xml_escape(&relation.to.0)
        ));
        for ((key, _), value) in EDGE_KEYS.iter().zip(edge_values(region, i)) {
            out.push_str(&format!("      <data key=\"e_{key}\">{}</data>\n", xml_escape(&value)));
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// GEXF 1.3 with the same attributes; the edge weight grows with how binding a relation is.
pub fn gexf(region: &Region) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n");
    out.push_str(&format!("  <meta><creator>Netzwerkatlas</creator><description>{}</description></meta>\n", xml_escape(&region.name)));
    out.push_str("  <graph defaultedgetype=\"undirected\" mode=\"static\">\n    <attributes class=\"node\">\n");
    for (i, (_, label)) in NODE_KEYS.iter().enumerate().skip(1) {
        out.push_str(&format!("      <attribute id=\"{i}\" title=\"{label}\" type=\"string\"/>\n"));
    }
    out.push_str("    </attributes>\n    <attributes class=\"edge\">\n");
    for (i, (_, label)) in EDGE_KEYS.iter().enumerate() {
        out.push_str(&format!("      <attribute id=\"{i}\" title=\"{label}\" type=\"string\"/>\n"));
    }
    out.push_str("    </attributes>\n    <nodes>\n");
    for (i, actor) in region.actors.iter().enumerate() {
        let values = node_values(region, i);
        out.push_str(&format!("      <node id=\"{}\" label=\"{}\"><attvalues>", xml_escape(&actor.id.0), xml_escape(&values[0])));
        for (a, value) in values.iter().enumerate().skip(1) {
            out.push_str(&format!("<attvalue for=\"{a}\" value=\"{}\"/>", xml_escape(value)));
        }
        out.push_str("</attvalues>");
        if let Some((x, y)) = placed(region, i) {
            out.push_str(&format!("<viz:position x=\"{x}\" y=\"{y}\" z=\"0\"/>"));
        }
        out.push_str("</node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (i, relation) in region.relations.iter().enumerate() {
        let directed = relation.kind.has_direction() && relation.direction == Direction::Forward;
        let weight = 1 + relation.binding as usize;
        out.push_str(&format!(
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" type=\"{}\" weight=\"{weight}\"><attvalues>",
            xml_escape(&relation.id.0),
            xml_escape(&relation.from.0),
            xml_escape(&relation.to.0),
            if directed { "directed" } else { "undirected" }
        ));
        for (a, value) in edge_values(region, i).iter().enumerate() {
            out.push_str(&format!("<attvalue for=\"{a}\" value=\"{}\"/>", xml_escape(value)));
        }
        out.push_str("</attvalues></edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::samples::demo::demo_workspace;

    #[test]
    fn escaping_keeps_markup_out() {
        assert_eq!(xml_escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&apos;");
        assert_eq!(xml_escape("a\u{1}b\nc"), "ab\nc");
    }

    #[test]
    fn both_formats_hold_every_actor_and_relation() {
        let mut region = demo_workspace().regions.remove(0);
        region.actors[0].name = "A & B <GmbH>".into();
        for text in [graphml(&region), gexf(&region)] {
            assert_eq!(text.matches("<node ").count(), region.actors.len());
            assert_eq!(text.matches("<edge ").count(), region.relations.len());
            assert!(text.contains("A &amp; B &lt;GmbH&gt;"));
            assert!(!text.contains("<GmbH>"));
        }
        assert!(graphml(&region).contains("directed=\"true\""), "referrals are directed");
        region.place(&region.actors[1].id.clone(), 120.5, -40.0);
        assert!(gexf(&region).contains("<viz:position x=\"120.5\" y=\"-40\" z=\"0\"/>"), "a placed actor keeps its place in Gephi");
        assert!(graphml(&region).contains("<data key=\"n_x\">120.5</data>"));
        assert_eq!(gexf(&region).matches("<viz:position").count(), 1, "only placed actors have a place");
    }
}
