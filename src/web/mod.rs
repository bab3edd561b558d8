//! Thin adapters over browser APIs (wasm32 only): the only code that touches `window`.

pub mod panic;
