//! The app's own persistence in the browser's storage: the versioned envelope,
//! the workspace in content-named parts, the quota and the backup reminder.
//! Knows nothing of files: it never imports from `data::format`.

pub mod envelope;
pub mod parts;
pub mod quota;
pub mod slots;
