//! "Speicher & Sicherung": storage use, backups and data set aside.

pub mod view;
