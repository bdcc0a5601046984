//! Files in and out: the export and import panels of "Austausch", and
//! password protection for the files between them, graph files
//! (GraphML, GEXF) and Excel workbooks read with the browser's XML parser
//! and inflater, and the choices a list of another program asks for (its
//! columns and values).

pub mod export;
pub mod graph_read;
pub mod import;
pub mod list_choices;
pub mod protect;
pub mod view;
pub mod workbook_read;
