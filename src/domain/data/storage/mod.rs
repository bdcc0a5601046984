//! The app's own persistence in the browser's storage: the versioned envelope,
//! the workspace in content-named parts (packed: compressed, 15 bits to a
//! character), the quota and the backup reminder.
//! Knows nothing of files: it never imports from `data::format`.

pub mod envelope;
pub mod pack;
pub mod parts;
pub mod quota;
pub mod slots;
