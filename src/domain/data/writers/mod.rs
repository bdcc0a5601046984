//! Bytes for other programs: CSV for German Excel, GraphML and GEXF for
//! network tools. Writers see only data the export has already filtered.

pub mod csv;
pub mod graph_files;
pub mod svg;
