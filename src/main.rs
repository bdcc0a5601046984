#[cfg(target_arch = "wasm32")]
fn main() {
    netzwerkatlas::app::start();
}

/// The app runs in the browser only; natively, `cargo test` checks the domain.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Netzwerkatlas läuft im Browser: siehe README.md (bash scripts/serve.sh).");
}
