//! Long computations (the layout, betweenness) a slice per animation frame.

use leptos::prelude::*;

/// Runs `work` a slice per animation frame until it reports done, or until
/// `generation` moves on from `run` (the view was closed or a newer run
/// began), so long computations leave the page responsive. `work` is given a
/// check whether the frame's `budget_ms` has time left; the main-thread time
/// each frame's slice takes is added to `spent`.
pub fn in_frames(
    generation: StoredValue<u64>,
    run: u64,
    budget_ms: f64,
    spent: RwSignal<f64>,
    mut work: impl FnMut(&dyn Fn() -> bool) -> bool + 'static,
) {
    request_animation_frame(move || {
        if generation.try_get_value() != Some(run) {
            return;
        }
        let started = js_sys::Date::now();
        let done = work(&|| js_sys::Date::now() - started < budget_ms);
        spent.update(|ms| *ms += js_sys::Date::now() - started);
        if !done {
            in_frames(generation, run, budget_ms, spent, work);
        }
    });
}
