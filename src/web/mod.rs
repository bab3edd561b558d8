//! Thin adapters over browser APIs (wasm32 only).
