//! The network picture: the view with its controls and pointer and keyboard
//! handling (`view`), the canvas it paints on, the reading panel, the legend
//! and relation table, export and print, and the long computations in a worker (or, where none
//! starts, sliced over frames).

pub mod canvas;
pub mod choices;
pub mod export;
pub mod frames;
pub mod legend;
pub mod reading;
pub mod view;
pub mod worker;
