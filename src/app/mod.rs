//! The Leptos user interface (wasm32 only). Components read state and call [`crate::core`];
//! no rule logic lives here.

mod controls;
mod findings;
mod guide;
mod images;
mod items;
mod labels;
mod matrix;
mod output;
mod plan;
mod quotas;
mod shell;
pub mod state;

pub use shell::App;

/// Mounts the app on the page.
pub fn start() {
    crate::web::panic::install_hook();
    leptos::mount::mount_to_body(App);
}
