//! Bytes for other programs: CSV for German Excel, GraphML and GEXF for
//! network tools, reports for Word (and LibreOffice). Writers see only data the export has already filtered.

pub mod csv;
pub mod graph_files;
pub mod report_files;
pub mod svg;
pub mod zip;
