//! Long computations (the layout, betweenness) a slice per animation frame,
//! where no worker can take them (`worker.rs`).

use leptos::prelude::*;

/// Runs `slice` once per animation frame until it reports done, or until
/// `generation` moves on from `run` (the view was closed or a newer run
/// began), so long computations leave the page responsive.
pub fn in_frames(generation: StoredValue<u64>, run: u64, mut slice: impl FnMut() -> bool + 'static) {
    request_animation_frame(move || {
        if generation.try_get_value() != Some(run) {
            return;
        }
        if !slice() {
            in_frames(generation, run, slice);
        }
    });
}
