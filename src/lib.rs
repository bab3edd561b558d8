//! ECS Image Planner: plan which Alibaba Cloud ECS image to launch where, before anything runs.
//!
//! [`core`] is the pure engine (plan model, catalog, rules, planner, link codec), with no web
//! dependency; the command line and the web app both call it. `app` and `web` exist only
//! in the wasm32 build, `cli` only in the native one.

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod web;
