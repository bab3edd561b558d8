//! Panels the first screen does not show, compiled into their own wasm chunks (Leptos
//! `#[lazy]`, split out of the planner's wasm at build time by `scripts/wasm-split.mjs`), and
//! fetched the first time they open.

use leptos::prelude::*;

/// The compatibility matrix panel, from its chunk.
#[lazy]
fn matrix_panel() -> AnyView {
    view! { <super::matrix::MatrixPanel/> }.into_any()
}

/// The compatibility matrix panel: a loading state while its chunk arrives.
#[component]
pub fn LazyMatrixPanel() -> impl IntoView {
    view! {
        <Suspense fallback=|| view! { <section class="eip-panel" aria-busy="true"><p>"Loading the matrix…"</p></section> }>
            {Suspend::new(async { matrix_panel().await })}
        </Suspense>
    }
}
