//! Files in and out: the export and import panels of "Austausch", and
//! password protection for the files between them.

pub mod export;
pub mod import;
pub mod protect;
pub mod view;
