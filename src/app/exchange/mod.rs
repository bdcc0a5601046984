//! Files in and out: the export and import panels of "Austausch".

pub mod export;
pub mod import;
pub mod view;
