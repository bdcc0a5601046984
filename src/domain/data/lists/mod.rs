//! Lists of organisations from other programs (Excel, the Jugendamt's
//! "Trägerliste", the app's own actor CSV) brought into a region:
//! - `table`: CSV text into rows (separator, quotes, line breaks found);
//! - `xlsx`: an Excel workbook's zip parts, and its first sheet's cells as rows;
//! - `columns`: the header row and the field of each column;
//! - `values`: free text in "Art" and "Rechtskreis" matched to the app's kinds;
//! - `choices`: each distinct such value, the user's choice for it, remembered;
//! - `actors`: the rows as actors, merged through the import's preview;
//! - `relations`: a list of relations, its ends matched to actors;
//! - `graph`: a GraphML or GEXF file as a list of nodes with one of edges.

pub mod actors;
pub mod choices;
pub mod columns;
pub mod graph;
pub mod relations;
pub mod table;
pub mod values;
pub mod xlsx;
