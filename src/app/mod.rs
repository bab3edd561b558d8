//! The Leptos user interface (wasm32 only). Components read state and call [`crate::core`];
//! no rule logic lives here.

mod builder;
mod builder_guide;
mod controls;
mod embed;
mod findings;
mod guide;
mod images;
mod io;
mod items;
mod keyed;
mod labels;
pub mod lazy;
mod lifecycle;
mod matrix;
mod output;
mod persist;
mod plan;
mod quotas;
mod shell;
pub mod state;

pub use lazy::OnDemand;
pub use shell::App;

use crate::core::Date;

/// Today's date from the browser clock, for lifecycle rules.
pub fn today() -> Date {
    Date::from_days_since_epoch((crate::web::dom::now_ms() / 86_400_000.0).floor() as i64)
}

/// Mounts the app on the page: the embed view when the URL asks for it (`?embed=1`), else the
/// full planner, which gets what its first screen does not need from `on_demand`.
pub fn start(on_demand: OnDemand) {
    crate::web::panic::install_hook();
    crash_test_if_asked();
    match crate::web::location::embed_options() {
        Ok(None) => leptos::mount::mount_to_body(move || leptos::view! { <App on_demand/> }),
        options => {
            let options = options.map(|o| o.unwrap_or_default());
            leptos::mount::mount_to_body(move || {
                leptos::view! { <embed::Embed options=options.clone() today=today()/> }
            })
        }
    }
    remove_shell();
}

/// Retires the page's static app shell (`#eip-shell` in index.html and embed.html, painted
/// before the wasm arrived) once the app has rendered, in the same task, so that no frame shows
/// both and none shows neither: `data-replaced` takes it out of the layout, the view and the
/// accessibility tree at once (style/main.css), and it leaves the DOM a second later. Removing
/// it at once would make Chrome drop the shell's painted header as the largest contentful paint
/// and count the app's identical header instead, as if nothing had shown before the wasm ran.
fn remove_shell() {
    if let Some(shell) = leptos::prelude::document().get_element_by_id("eip-shell") {
        shell.set_attribute("data-replaced", "").ok();
        leptos::prelude::set_timeout(move || shell.remove(), std::time::Duration::from_secs(1));
    }
}

/// Mounts only the embedded planner: the entry point of `embed.html`, whose wasm leaves out the
/// full planner (plan editor, matrix, guide, share/export/import), so documentation pages load
/// far less.
pub fn start_embed() {
    crate::web::panic::install_hook();
    let options = crate::web::location::embed_options_always();
    leptos::mount::mount_to_body(move || {
        leptos::view! { <embed::Embed options=options.clone() today=today()/> }
    });
    remove_shell();
}

/// `?crash-test=1` panics on purpose, after the saved plan is in place, and `?crash-test=oom`
/// runs out of memory (an abort, which traps without a panic), so that the error banner and its
/// "download your last saved plan" link can be tested in a real browser for both.
fn crash_test_if_asked() {
    if crate::web::dom::has_query_flag("crash-test=1") {
        panic!("crash test requested by the URL (?crash-test=1)");
    }
    if crate::web::dom::has_query_flag("crash-test=oom") {
        // 256 MiB at a time (untouched, so nothing is really committed) until a wasm32 memory,
        // at most 4 GiB, cannot grow: the failed allocation aborts, which traps.
        let mut held: Vec<Vec<u8>> = Vec::new();
        loop {
            held.push(Vec::with_capacity(256 << 20));
            std::hint::black_box(&held);
        }
    }
}
