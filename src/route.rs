//! Where the user is, as the `#/…` fragment of the address: each view,
//! region, actor and checklist has its own address, so that Back and
//! Forward move within the app, a reload returns to the same place and a
//! link to an actor can be bookmarked. A fragment works on every static
//! host without server rules.
//!
//! Plain data, no browser: `app::shell::routing` reads and writes the
//! address with it.

use crate::domain::rules::text::{percent_decode as decode, percent_encode as encode};

/// The main areas of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Actors,
    Relations,
    /// The network picture of the region.
    Network,
    Groups,
    /// Förderprogramme and Projekte with their Bausteine.
    Programmes,
    /// Stichtage and what changed between them.
    History,
    Region,
    NewRegion,
    /// The region's checklists, or the one that is open.
    Checklists,
    /// The print document of the open checklist.
    Print,
    Templates,
    /// Storage use, persistence, backup and restore.
    Data,
    /// Export and import of files.
    Exchange,
    /// Comparing regions and aggregating checklists.
    Analysis,
    /// Erklärung zur Barrierefreiheit, Datenschutzhinweis, Impressum.
    Accessibility,
    Privacy,
    Imprint,
}

impl View {
    /// Areas across all regions: their address names no region.
    pub fn is_global(self) -> bool {
        matches!(
            self,
            View::NewRegion
                | View::Templates
                | View::Data
                | View::Exchange
                | View::Analysis
                | View::Accessibility
                | View::Privacy
                | View::Imprint
        )
    }

    /// The word in the address (German, like the UI's default language).
    fn slug(self) -> &'static str {
        match self {
            View::Actors => "akteure",
            View::Relations => "beziehungen",
            View::Network => "netzwerk",
            View::Groups => "gremien",
            View::Programmes => "programme",
            View::History => "verlauf",
            View::Region => "stammdaten",
            View::NewRegion => "neue-region",
            View::Checklists => "checklisten",
            View::Print => "druck",
            View::Templates => "vorlagen",
            View::Data => "speicher",
            View::Exchange => "austausch",
            View::Analysis => "auswertung",
            View::Accessibility => "barrierefreiheit",
            View::Privacy => "datenschutz",
            View::Imprint => "impressum",
        }
    }

    const ALL: [View; 17] = [
        View::Actors,
        View::Relations,
        View::Network,
        View::Groups,
        View::Programmes,
        View::History,
        View::Region,
        View::NewRegion,
        View::Checklists,
        View::Print,
        View::Templates,
        View::Data,
        View::Exchange,
        View::Analysis,
        View::Accessibility,
        View::Privacy,
        View::Imprint,
    ];

    fn from_slug(slug: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == slug)
    }

    /// Whether the id after the view names an actor (shown beside the list)
    /// or a checklist.
    fn carries(self) -> Carried {
        match self {
            View::Actors | View::Relations | View::Network | View::Groups => Carried::Actor,
            View::Checklists | View::Print => Carried::Checklist,
            _ => Carried::Nothing,
        }
    }
}

enum Carried {
    Actor,
    Checklist,
    Nothing,
}

/// A place in the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub view: View,
    /// The region shown; `None` for global areas and before a region exists.
    pub region: Option<String>,
    /// The actor whose details are open beside the list.
    pub actor: Option<String>,
    /// The open checklist.
    pub checklist: Option<String>,
}

impl Route {
    pub fn new(view: View, region: Option<String>) -> Route {
        Route { view, region, actor: None, checklist: None }
    }

    /// The fragment, with its `#`: `#/region/<id>/akteure/<actor>`,
    /// `#/region/<id>/checklisten/<checklist>`, `#/auswertung`.
    pub fn fragment(&self) -> String {
        let mut out = String::from("#");
        if let (false, Some(region)) = (self.view.is_global(), &self.region) {
            out.push_str("/region/");
            out.push_str(&encode(region));
        }
        out.push('/');
        out.push_str(self.view.slug());
        let carried = match self.view.carries() {
            Carried::Actor => self.actor.as_ref(),
            Carried::Checklist => self.checklist.as_ref(),
            Carried::Nothing => None,
        };
        if let Some(id) = carried {
            out.push('/');
            out.push_str(&encode(id));
        }
        out
    }

    /// Reads a fragment (with or without `#`); `None` for anything that is
    /// not an address of this app, which then opens where it would anyway.
    pub fn parse(fragment: &str) -> Option<Route> {
        let path = fragment.strip_prefix('#').unwrap_or(fragment).strip_prefix('/')?;
        let mut segments = path.split('/');
        let mut first = segments.next()?;
        let mut region = None;
        if first == "region" {
            region = Some(decode(segments.next().filter(|s| !s.is_empty())?)?);
            first = segments.next()?;
        }
        let view = View::from_slug(first)?;
        if view.is_global() == region.is_some() {
            return None;
        }
        let id = match segments.next() {
            Some(id) if !id.is_empty() => Some(decode(id)?),
            _ => None,
        };
        if segments.next().is_some() {
            return None;
        }
        let mut route = Route::new(view, region);
        match (view.carries(), id) {
            (_, None) => {}
            (Carried::Actor, id) => route.actor = id,
            (Carried::Checklist, id) => route.checklist = id,
            (Carried::Nothing, Some(_)) => return None,
        }
        Some(route)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(view: View) -> Route {
        Route::new(view, Some("reg-lindenau".into()))
    }

    #[test]
    fn every_view_round_trips() {
        for view in View::ALL {
            let route = if view.is_global() { Route::new(view, None) } else { region(view) };
            assert_eq!(Route::parse(&route.fragment()), Some(route.clone()), "{}", route.fragment());
        }
    }

    #[test]
    fn an_actor_and_a_checklist_have_their_own_address() {
        let actor = Route { actor: Some("act-7".into()), ..region(View::Actors) };
        assert_eq!(actor.fragment(), "#/region/reg-lindenau/akteure/act-7");
        let checklist = Route { checklist: Some("chk-1".into()), ..region(View::Checklists) };
        assert_eq!(checklist.fragment(), "#/region/reg-lindenau/checklisten/chk-1");
        assert_eq!(Route::parse("#/region/reg-lindenau/checklisten/chk-1"), Some(checklist));
        // What a view does not show is not part of its address.
        let analysis = Route { actor: Some("act-7".into()), ..Route::new(View::Analysis, Some("reg-lindenau".into())) };
        assert_eq!(analysis.fragment(), "#/auswertung");
    }

    #[test]
    fn ids_from_imported_files_survive_the_address() {
        let route = Route { actor: Some("Jugendamt/Süd #2".into()), ..Route::new(View::Network, Some("Kreis Ü".into())) };
        let fragment = route.fragment();
        assert!(fragment.is_ascii() && !fragment[1..].contains('#') && fragment.matches('/').count() == 4, "{fragment}");
        assert_eq!(Route::parse(&fragment), Some(route));
    }

    #[test]
    fn foreign_or_broken_addresses_are_not_routes() {
        for fragment in [
            "",
            "#",
            "#main",
            "#/",
            "#/unbekannt",
            "#/region/x",
            "#/region//akteure",
            "#/akteure",
            "#/region/x/auswertung",
            "#/auswertung/zu-viel",
            "#/region/x/akteure/a/b",
            "#/region/%ZZ/akteure",
            "#/region/%FF/akteure",
        ] {
            assert_eq!(Route::parse(fragment), None, "{fragment}");
        }
    }
}
