#[cfg(target_arch = "wasm32")]
fn main() {
    netzwerkatlas::app::start();
}

/// The app runs in the browser only; natively, `cargo test` checks the domain.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Netzwerkatlas läuft im Browser: siehe README.md (bash scripts/serve.sh).");
}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
