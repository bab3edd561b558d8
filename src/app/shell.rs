//! The page frame: header, the three planner columns, footer.

use leptos::prelude::*;

use crate::core::catalog::Catalog;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let catalog_as_of = Catalog::builtin()
        .as_of
        .map(|d| d.to_string())
        .unwrap_or_default();
    let (started, set_started) = signal(false);
    view! {
        <div class="eip">
            <header class="eip-header">
                <h1>"ECS Image Planner"</h1>
                <p class="eip-tagline">
                    "Check an Alibaba Cloud ECS image against a region and an instance type before anything runs."
                </p>
            </header>
            <main class="eip-columns">
                <section class="eip-col" aria-labelledby="plan-h">
                    <h2 id="plan-h">"Plan"</h2>
                    <Show
                        when=move || started.get()
                        fallback=move || view! {
                            <p>"Start with an empty plan."</p>
                            <button id="start" on:click=move |_| set_started.set(true)>"Start planning"</button>
                        }
                    >
                        <p id="plan-empty">"Your plan is empty."</p>
                    </Show>
                </section>
                <section class="eip-col" aria-labelledby="findings-h">
                    <h2 id="findings-h">"Findings"</h2>
                </section>
                <section class="eip-col" aria-labelledby="output-h">
                    <h2 id="output-h">"Output"</h2>
                </section>
            </main>
            <footer class="eip-footer">
                <span id="app-version">{concat!("v", env!("CARGO_PKG_VERSION"))}</span>
                " · catalog as of "
                <span id="catalog-as-of">{catalog_as_of}</span>
            </footer>
        </div>
    }
}
