//! Files in and out: the export and import panels of "Austausch", and
//! password protection for the files between them, and graph files
//! (GraphML, GEXF) read by the browser's XML parser.

pub mod export;
pub mod graph_read;
pub mod import;
pub mod protect;
pub mod view;
