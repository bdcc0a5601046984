//! What the undo history keeps: 100 edits (an actor renamed each time) of a
//! 2,000-actor region, with 10 other regions of 2,000 actors held beside it
//! (`cargo bench --bench undo`). Heap bytes are counted by the allocator, so
//! the figure is what stays allocated, as in the wasm's linear memory.
//! Prints the old way (a copy of all regions and templates per edit) and
//! the recorded changes side by side, and the time an edit's bookkeeping takes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use netzwerkatlas::domain::editing::changes::Change;
use netzwerkatlas::domain::editing::history::History;
use netzwerkatlas::domain::samples::generate::generated_region;
use netzwerkatlas::domain::{Id, Workspace};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const EDITS: usize = 100;
const TARGET_MB: f64 = 30.0;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_048_576.0
}

fn workspace() -> Workspace {
    let mut regions: Vec<_> = (0..11u64).map(|seed| generated_region(2_000, seed + 1)).collect();
    for (i, region) in regions.iter_mut().enumerate() {
        region.id = Id(format!("region-{i}"));
    }
    Workspace { regions, ..Workspace::default() }
}

fn rename(ws: &mut Workspace, edit: usize) {
    ws.regions[0].actors[edit * 7 % 2_000].name.push('·');
}

fn main() {
    // The old way: every edit keeps a copy of all regions and templates.
    let mut ws = workspace();
    let base = LIVE.load(Ordering::Relaxed);
    let mut snapshots = History::new(EDITS);
    let mut old_times = Vec::new();
    for edit in 0..EDITS {
        let start = Instant::now();
        snapshots.record((ws.regions.clone(), ws.templates.clone()));
        rename(&mut ws, edit);
        old_times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    old_times.sort_by(f64::total_cmp);
    let snapshot_bytes = LIVE.load(Ordering::Relaxed) - base;
    drop(snapshots);
    drop(ws);

    // Recorded changes, as the app keeps them now (`AppState::edit_region`).
    let mut ws = workspace();
    let base = LIVE.load(Ordering::Relaxed);
    let mut history = History::new(EDITS);
    let mut times = Vec::new();
    for edit in 0..EDITS {
        let start = Instant::now();
        let region = &mut ws.regions[0];
        let before = region.clone();
        region.actors[edit * 7 % 2_000].name.push('·');
        history.record(Change::in_region(&before, region));
        drop(before);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let change_bytes = LIVE.load(Ordering::Relaxed) - base;
    // Undo all and check the result, so the figure is of a working history.
    let renamed = ws.regions[0].actors[0].name.clone();
    while history.undo(|c| c.apply(&mut ws)) {}
    assert!(renamed.ends_with('·') && !ws.regions[0].actors[0].name.ends_with('·'), "undo restored the names");

    println!("undo history after {EDITS} edits of a 2,000-actor region, 10 other regions of 2,000 actors held:");
    println!("  copy of the workspace per edit: {:>8.1} MB", mb(snapshot_bytes));
    println!(
        "  recorded changes:               {:>8.3} MB  ({:.0}x less; target <= {TARGET_MB} MB: {})",
        mb(change_bytes),
        snapshot_bytes as f64 / change_bytes.max(1) as f64,
        if mb(change_bytes) <= TARGET_MB { "met" } else { "NOT met" }
    );
    times.sort_by(f64::total_cmp);
    println!(
        "  an edit's bookkeeping, median: {:.1} ms (copy of the region, compare) vs {:.1} ms (copy of the workspace)",
        times[EDITS / 2],
        old_times[EDITS / 2]
    );
}
