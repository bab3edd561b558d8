//! The Leptos user interface (wasm32 only).

/// Mounts the app on the page.
pub fn start() {}
