//! The picture as the user sees it, saved as SVG or PNG, or printed: all
//! through the one export path (`domain::data::files::export`).

use crate::domain::hashing::{HashMap, HashSet};

use leptos::prelude::*;

use crate::app::platform::browser::{download_svg_as_png, object_url, today};
use crate::app::state::AppState;
use crate::domain::data::files::export::{export, ExportFile, ExportOptions, Format, Source};
use crate::domain::layout::Point;
use crate::domain::picture::sectors::{Ring, Sector};
use crate::domain::{Id, Region, Relation};

/// What the picture shows right now.
#[derive(Clone, Copy)]
pub struct PictureExport {
    pub visible: Memo<HashSet<Id>>,
    pub edges: Memo<Vec<Relation>>,
    pub positions: RwSignal<HashMap<Id, Point>>,
    pub backdrop: RwSignal<Option<(Vec<Sector>, Vec<Ring>)>>,
}

impl PictureExport {
    fn svg(self, state: AppState) -> Option<ExportFile> {
        let shown = self.visible.get_untracked();
        state
            .with_region_untracked(|r| {
                // Just what the picture shows.
                let region = Region {
                    actors: r.actors.iter().filter(|a| shown.contains(&a.id)).cloned().collect(),
                    relations: self.edges.get_untracked(),
                    ..r.clone()
                };
                let backdrop = self.backdrop.get_untracked();
                let sectors = backdrop.as_ref().map(|(s, r)| (s.as_slice(), r.as_slice()));
                let title = tr!("network.svg_title", name = r.name);
                let source = Source::Picture { region: &region, positions: &self.positions.get_untracked(), title: &title, sectors };
                // The picture shows names only; it is saved as the user sees it.
                let options = ExportOptions { personal_data: true, stichtage: true, author: String::new(), now: today() };
                export(source, Format::Svg, &options).ok()
            })
            .flatten()
    }

    pub fn save_svg(self, state: AppState) {
        let Some(file) = self.svg(state) else { return };
        state.save_file(&file.file_name, file.mime, &file.text);
    }

    pub fn save_png(self, state: AppState) {
        let Some(file) = self.svg(state) else { return };
        let png_name = format!("{}.png", file.file_name.trim_end_matches(".svg"));
        download_svg_as_png(&file.text, &png_name);
    }

    /// Printing uses the standalone SVG (title, picture, legend) as an image
    /// in `image`, so the page looks like the exported file whatever the
    /// screen size was.
    pub fn print(self, state: AppState, image: RwSignal<Option<String>>) {
        let Some(file) = self.svg(state) else { return };
        let Ok(url) = object_url(&file.text, file.mime) else { return };
        if let Some(old) = image.get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        image.set(Some(url));
        request_animation_frame(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        });
    }
}
