//! The network picture as a standalone SVG file: title, picture and legend.

use crate::domain::hashing::HashMap;

use crate::domain::layout::Point;
use crate::domain::model::{Binding, Id, Region, RelationKind};
use crate::domain::picture::sectors::{Ring, Sector};
use crate::domain::picture::style::*;
use crate::domain::rules::text::xml_escape;

/// The picture as a standalone SVG document with title and legend (and, for
/// a sector map, its rings, sector borders and labels).
pub fn svg_document(region: &Region, positions: &HashMap<Id, Point>, title: &str, sectors: Option<(&[Sector], &[Ring])>) -> String {
    let rim = sectors.map(|(_, rings)| rings.last().map(|r| r.radius + 40.0).unwrap_or(0.0)).unwrap_or(0.0);
    let (x, y, w, h) = view_box(positions.values().copied().chain([(-rim, -rim), (rim, rim)].into_iter().filter(|_| rim > 0.0)));
    let legend_width = 300.0;
    let (width, height) = (w + legend_width, h.max(460.0) + 40.0);
    let (top, x, y) = (d1(y - 40.0), d1(x), d1(y));
    let (width, height) = (d1(width), d1(height));
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{x} {top} {width} {height}\" width=\"{}\" height=\"{}\" font-family=\"Arial, sans-serif\">\n",
        Fixed(width.0, 0),
        Fixed(height.0, 0)
    );
    out.push_str(&format!("<title>{}</title>\n", xml_escape(title)));
    out.push_str(&format!("<rect x=\"{x}\" y=\"{top}\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n"));
    out.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" font-size=\"20\" font-weight=\"bold\" fill=\"#1b1f24\">{}</text>\n",
        d1(x.0 + 10.0),
        d1(y.0 - 12.0),
        xml_escape(title)
    ));
    out.push_str(&format!("<defs>{ARROW_MARKER}</defs>\n"));
    if let Some((sectors, rings)) = sectors {
        for ring in rings {
            out.push_str(&format!("<circle r=\"{}\" fill=\"none\" stroke=\"#c9d0d9\"/>\n", d1(ring.radius)));
            out.push_str(&format!(
                "<text x=\"4\" y=\"{}\" font-size=\"10\" fill=\"#4a5361\">{}</text>\n",
                d1(-ring.radius + 14.0),
                xml_escape(&ring.label)
            ));
        }
        for sector in sectors {
            let (a, b) = rim_point(sector.start, rings.last().map(|r| r.radius).unwrap_or(0.0));
            out.push_str(&format!("<line x1=\"0\" y1=\"0\" x2=\"{}\" y2=\"{}\" stroke=\"#c9d0d9\"/>\n", d1(a), d1(b)));
            let (lx, ly, anchor) = sector_label_at(sector, rings.last().map(|r| r.radius).unwrap_or(0.0));
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" font-size=\"13\" font-weight=\"bold\" fill=\"#4a5361\">{}</text>\n",
                d1(lx),
                d1(ly),
                xml_escape(&sector.label)
            ));
        }
    }
    for relation in &region.relations {
        let (Some(&a), Some(&b)) = (positions.get(&relation.from), positions.get(&relation.to)) else { continue };
        let (start, end) = edge_ends(a, b, NODE_RADIUS);
        let (width, dash) = line_style(relation.binding);
        let (forward, back) = arrows(relation);
        out.push_str(&format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{width}\"{}{}{}/>\n",
            d1(start.0),
            d1(start.1),
            d1(end.0),
            d1(end.1),
            relation_color(relation.kind),
            dash_attribute(dash),
            if forward { " marker-end=\"url(#arrow)\"" } else { "" },
            if back { " marker-start=\"url(#arrow)\"" } else { "" },
        ));
    }
    for actor in &region.actors {
        let Some(&(px, py)) = positions.get(&actor.id) else { continue };
        let family = Family::of(actor.kind);
        out.push_str(&format!(
            "<g transform=\"translate({},{})\"><path d=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.5\"/><text y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1b1f24\">{}</text></g>\n",
            d1(px),
            d1(py),
            shape_path(family.shape(), NODE_RADIUS),
            family.color(),
            d1(NODE_RADIUS + 14.0),
            xml_escape(&actor.name)
        ));
    }
    // The legend, to the right of the picture: a heading, then rows of a
    // sample (drawn at `sample_x`) and its label (at `text_x`).
    let (lx, mut ly) = (x.0 + w + 20.0, y.0);
    let (sample_x, line_end, text_x) = (d1(lx + 8.0), d1(lx + 16.0), d1(lx + 22.0));
    let heading = |ly: f64, text: &str| {
        format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"13\" font-weight=\"bold\" fill=\"#1b1f24\">{}</text>\n",
            d1(lx),
            d1(ly),
            xml_escape(text)
        )
    };
    out.push_str(&heading(ly, t!("tabs.actors")));
    for family in Family::ALL {
        ly += 20.0;
        out.push_str(&format!(
            "<g transform=\"translate({sample_x},{})\"><path d=\"{}\" fill=\"{}\"/></g><text x=\"{text_x}\" y=\"{}\" font-size=\"11\" fill=\"#1b1f24\">{}</text>\n",
            d1(ly - 4.0),
            shape_path(family.shape(), 6.0),
            family.color(),
            d1(ly),
            xml_escape(family.label())
        ));
    }
    ly += 30.0;
    out.push_str(&heading(ly, t!("tabs.relations")));
    // A legend line: its stroke (colour, width and dash or arrow) and label.
    let line = |ly: f64, stroke: &str, label: &str| {
        format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{line_end}\" y2=\"{}\" {stroke}/><text x=\"{text_x}\" y=\"{}\" font-size=\"11\" fill=\"#1b1f24\">{}</text>\n",
            d1(lx),
            d1(ly - 4.0),
            d1(ly - 4.0),
            d1(ly),
            xml_escape(label)
        )
    };
    for kind in RelationKind::ALL {
        ly += 18.0;
        out.push_str(&line(ly, &format!("stroke=\"{}\" stroke-width=\"2\"", relation_color(*kind)), kind.label()));
    }
    ly += 30.0;
    out.push_str(&heading(ly, "Verbindlichkeit"));
    for binding in Binding::ALL {
        ly += 18.0;
        let (width, dash) = line_style(*binding);
        out.push_str(&line(ly, &format!("stroke=\"#37474f\" stroke-width=\"{width}\"{}", dash_attribute(dash)), binding.label()));
    }
    ly += 22.0;
    out.push_str(&line(ly, "stroke=\"#37474f\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"", "Richtung (z. B. Weiterleitung an)"));
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::samples::demo::demo_workspace;

    #[test]
    fn the_svg_file_holds_every_node_edge_and_the_legend_and_escapes_names() {
        let mut region = demo_workspace().regions.remove(0);
        region.actors[0].name = "<script>alert(1)</script> & Co".into();
        let positions: HashMap<Id, Point> =
            region.actors.iter().enumerate().map(|(i, a)| (a.id.clone(), crate::domain::layout::spiral(i))).collect();
        let svg = svg_document(&region, &positions, "Landkreis Lindenau", None);
        assert_eq!(svg.matches("<g transform").count(), region.actors.len() + Family::ALL.len());
        assert_eq!(svg.matches("<line ").count(), region.relations.len() + RelationKind::ALL.len() + Binding::ALL.len() + 1);
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("marker-end=\"url(#arrow)\""));
        assert!(svg.contains("Behörden und Verwaltung") && svg.contains("schriftlicher Vertrag"));
    }

    #[test]
    fn a_sector_map_file_has_its_rings_and_sector_labels() {
        let region = demo_workspace().regions.remove(0);
        let map = crate::domain::picture::sectors::sector_map(
            &region,
            |_| true,
            crate::domain::picture::sectors::SectorBy::Rechtskreis,
            &crate::domain::picture::sectors::RingBy::Relations,
        );
        let svg = svg_document(&region, &map.positions, "Sektoren", Some((&map.sectors, &map.rings)));
        assert_eq!(svg.matches("<circle ").count(), map.rings.len());
        for sector in &map.sectors {
            assert!(svg.contains(&format!(">{}</text>", xml_escape(&sector.label))), "{}", sector.label);
        }
    }
}
