//! Files in and out: export, import with its plan, merging a file into a
//! region, the privacy filter, backups.

pub mod backup;
pub mod export;
pub mod import;
pub mod merge;
pub mod privacy;
