//! A counter: the smallest useful Leptos 0.8 CSR app, the benchmark's baseline.

use leptos::prelude::*;

/// A button that counts its clicks.
#[component]
fn Counter() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <button id="count" on:click=move |_| count.update(|n| *n += 1)>
            "Clicked " {count} " times"
        </button>
    }
}

fn main() {
    leptos::mount::mount_to_body(Counter);
}
