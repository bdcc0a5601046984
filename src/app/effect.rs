//! Effects through one type. Each distinct closure given to `Effect::new`
//! gets its own copy of the effect's scheduling code in the wasm; behind a
//! `Box<dyn Fn()>` every effect of the app shares one.

use leptos::prelude::*;

/// Runs `f` now and again whenever a signal it read changes, for as long
/// as the calling component lives (as `Effect::new` does).
pub fn effect(f: impl Fn() + 'static) {
    let f: Box<dyn Fn()> = Box::new(f);
    Effect::new(move |_| f());
}
