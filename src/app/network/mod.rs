//! The network picture: the view with its controls, and the canvas it paints on.

pub mod canvas;
pub mod view;
