//! Files evaluated without importing them: a Land office reads 500 checklist
//! files, aggregates them in memory and keeps nothing in its storage. Each
//! file is read as an import would read it; what cannot be counted is listed
//! with its reason instead.

use crate::domain::data::encryption::is_encrypted;
use crate::domain::data::format::read_file;
use crate::domain::model::{Provenance, Region, Workspace};
use crate::i18n::Message;

/// A file that was counted.
#[derive(Clone, Debug, PartialEq)]
pub struct CountedFile {
    pub name: String,
    /// ISO timestamp of the export.
    pub exported_at: String,
    pub checklists: usize,
}

/// The regions of many files, held in memory only.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileSet {
    regions: Vec<Region>,
    pub counted: Vec<CountedFile>,
    /// (file name, why it was not counted).
    pub skipped: Vec<(String, Message)>,
}

impl FileSet {
    /// Reads one file into the set. A region that is already in the set (the
    /// same Kommune sent twice) counts once: the later export wins.
    pub fn add(&mut self, name: &str, text: &str) {
        if is_encrypted(text) {
            return self.skip(name, Message::new(key!("evaluate.encrypted")));
        }
        let file = match read_file(text) {
            Ok(file) => file,
            Err(error) => return self.skip(name, error.message()),
        };
        let checklists: usize = file.content.regions.iter().map(|r| r.checklists.len()).sum();
        if checklists == 0 {
            return self.skip(name, Message::new(key!("evaluate.no_checklists")));
        }
        let exported_at = file.header.exported_at.clone();
        for mut region in file.content.regions {
            region.imported_from = Some(Provenance {
                file_name: name.to_owned(),
                exported_at: exported_at.clone(),
                author: file.header.author.clone(),
                imported_at: String::new(),
            });
            match self.regions.iter().position(|r| r.id == region.id) {
                Some(at) => {
                    let older = self.regions[at].imported_from.clone().unwrap_or_default();
                    let (kept, replaced) = if older.exported_at > exported_at {
                        (older.file_name, name.to_owned())
                    } else {
                        (name.to_owned(), older.file_name)
                    };
                    let reason = Message::new(key!("evaluate.older_copy")).with("region", &region.name).with("file", &kept);
                    if kept == name {
                        self.regions[at] = region;
                    }
                    self.skipped.push((replaced, reason));
                }
                None => self.regions.push(region),
            }
        }
        self.counted.push(CountedFile { name: name.to_owned(), exported_at, checklists });
        // A file all of whose regions came again, newer, no longer counts.
        let regions = &self.regions;
        self.counted.retain(|f| regions.iter().any(|r| r.imported_from.as_ref().is_some_and(|p| p.file_name == f.name)));
    }

    /// A file that could not even be read as text, or was too large to try.
    pub fn skip(&mut self, name: &str, reason: Message) {
        self.skipped.push((name.to_owned(), reason));
    }

    /// The set as a workspace for the aggregate (never stored).
    pub fn workspace(&self) -> Workspace {
        Workspace { regions: self.regions.clone(), ..Workspace::default() }
    }

    pub fn is_empty(&self) -> bool {
        self.counted.is_empty() && self.skipped.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::files::export::{export, ExportOptions, Format, Source};
    use crate::domain::samples::demo::demo_workspace;

    fn checklist_file(region_id: &str, name: &str, exported_at: &str) -> String {
        let mut ws = demo_workspace();
        let mut region = ws.regions.remove(0);
        region.id = crate::domain::Id(region_id.into());
        region.name = name.into();
        let ids: Vec<_> = region.checklists.iter().map(|c| c.id.clone()).collect();
        let options = ExportOptions { personal_data: true, stichtage: true, author: String::new(), now: exported_at.into() };
        export(Source::Checklists { region: &region, ids: &ids, templates: &[] }, Format::Netzwerkatlas, &options).unwrap().text
    }

    #[test]
    fn files_are_counted_or_skipped_with_their_reason_and_a_kommune_counts_once() {
        let mut set = FileSet::default();
        set.add("a.json", &checklist_file("kommune-a", "Kommune A", "2026-03-01T10:00:00Z"));
        set.add("b.json", &checklist_file("kommune-b", "Kommune B", "2026-03-01T10:00:00Z"));
        // Kommune A again, exported later: it replaces the first.
        set.add("a-neu.json", &checklist_file("kommune-a", "Kommune A", "2026-04-01T10:00:00Z"));
        // And an older copy of B arriving last does not replace the newer one.
        set.add("b-alt.json", &checklist_file("kommune-b", "Kommune B", "2026-01-01T10:00:00Z"));
        set.add("kaputt.json", "{ nicht json");
        set.add("geheim.json", r#"{"format":"netzwerkatlas-encrypted","version":1}"#);

        let ws = set.workspace();
        assert_eq!(ws.regions.len(), 2);
        let a = ws.regions.iter().find(|r| r.id.0 == "kommune-a").unwrap();
        assert_eq!(a.imported_from.as_ref().unwrap().file_name, "a-neu.json");
        let b = ws.regions.iter().find(|r| r.id.0 == "kommune-b").unwrap();
        assert_eq!(b.imported_from.as_ref().unwrap().file_name, "b.json");
        let counted: Vec<&str> = set.counted.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(counted, ["b.json", "a-neu.json"]);
        let skipped: Vec<(String, String)> = set.skipped.iter().map(|(n, m)| (n.clone(), m.text())).collect();
        assert_eq!(skipped[0], ("a.json".into(), "Neuere Fassung von „Kommune A“ in a-neu.json gezählt.".into()));
        assert_eq!(skipped[1], ("b-alt.json".into(), "Neuere Fassung von „Kommune B“ in b.json gezählt.".into()));
        assert_eq!(skipped[2].0, "kaputt.json");
        assert!(skipped[2].1.contains("Zeile 1"), "{}", skipped[2].1);
        assert_eq!(skipped[3].0, "geheim.json");
        assert!(skipped[3].1.contains("Passwort"), "{}", skipped[3].1);
    }

    #[test]
    fn a_file_without_checklists_is_skipped() {
        let ws = demo_workspace();
        let options = ExportOptions { personal_data: true, stichtage: true, author: String::new(), now: "2026-03-01T10:00:00Z".into() };
        let mut region = ws.regions[0].clone();
        region.checklists.clear();
        let text = export(Source::Region { region: &region, templates: &[] }, Format::Netzwerkatlas, &options).unwrap().text;
        let mut set = FileSet::default();
        set.add("karte.json", &text);
        assert!(set.counted.is_empty());
        assert_eq!(set.skipped[0].1.text(), "Die Datei enthält keine Checkliste.");
    }
}
