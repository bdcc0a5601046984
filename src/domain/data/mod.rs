//! Everything that enters or leaves the app, and how it is kept:
//! - `format`: the file envelope, reading and checking a file;
//! - `encryption`: the envelope of a password-protected file (the cipher is WebCrypto's);
//! - `restore`: what of a file's content this version does not know, repaired
//!   or left out value by value, each with its place;
//! - `storage`: the browser storage envelope, parts and quota;
//! - `files`: export (the one path every written file takes), import, merge,
//!   the privacy filter, backups;
//! - `writers`: CSV, GraphML and GEXF bytes for other programs;
//! - `lists`: lists of organisations from other programs (CSV) read into a region;
//! - `host`: the hosting body's details the host writes into `betreiber.json`.
//! A new export format is a writer plus one `Format` in `files::export`.

pub mod decode;
pub mod encryption;
pub mod files;
pub mod format;
pub mod from_json;
pub mod host;
pub mod lists;
pub mod migrate;
pub mod restore;
pub mod sha256;
pub mod storage;
pub mod to_json;
pub mod writers;
