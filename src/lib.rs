//! ECS Image Planner: plan which Alibaba Cloud ECS image to launch where, before anything runs.
//!
//! [`core`] is the pure engine (plan model, catalog, rules, planner, link codec), with no web
//! dependency; the command line and the web app both call it. `app` and `web` exist only
//! in the wasm32 build, `cli` only in the native one.

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

/// Builds the built-in catalog from saved API output, and its page: native only (the command
/// line and the tests), so none of it reaches the web app.
#[cfg(not(target_arch = "wasm32"))]
pub mod catalog_build;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod web;
