//! Thin adapters over browser APIs (wasm32 only): the only code that touches `window`.

pub mod dom;
pub mod download;
pub mod embed;
pub mod file;
pub mod location;
pub mod panic;
pub mod storage;
