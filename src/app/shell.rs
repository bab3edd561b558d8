//! The page frame: header, phone tabs, the three planner columns, wide panels, footer.

use leptos::prelude::*;

use super::findings::{counts, Findings};
use super::guide::GuidePanel;
use super::matrix::MatrixPanel;
use super::output::Output;
use super::plan::PlanEditor;
use super::state::{first_visit_plan, AppState, Tab};
use crate::core::catalog::Catalog;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide(first_visit_plan());
    let catalog_as_of = Catalog::builtin()
        .as_of
        .map(|d| d.to_string())
        .unwrap_or_default();
    let tab_button = move |tab: Tab, id: &'static str, label: &'static str| {
        view! {
            <button role="tab" id=id aria-controls=format!("{id}-panel")
                aria-selected=move || (state.tab.get() == tab).to_string()
                class:is-active=move || state.tab.get() == tab
                on:click=move |_| state.tab.set(tab)
            >
                {label}
                {(tab == Tab::Findings).then(|| view! {
                    " " <span class="eip-tab-counts" id="tab-counts">{move || {
                        let (e, w) = counts(state);
                        format!("✕ {e} · ▲ {w}")
                    }}</span>
                })}
            </button>
        }
    };
    let col_class = move |tab: Tab| {
        move || {
            if state.tab.get() == tab {
                "eip-col is-active"
            } else {
                "eip-col"
            }
        }
    };
    view! {
        <div class="eip">
            <header class="eip-header">
                <div>
                    <h1>"ECS Image Planner"</h1>
                    <p class="eip-tagline">
                        "Check an Alibaba Cloud ECS image against a region and an instance type before anything runs."
                    </p>
                </div>
                <div class="eip-header-actions">
                    <span class="eip-counts" id="counts" aria-label="Errors and warnings">{move || {
                        let (e, w) = counts(state);
                        format!("✕ {e} error(s) · ▲ {w} warning(s)")
                    }}</span>
                    <button id="open-matrix" aria-expanded=move || state.matrix_open.get().to_string()
                        on:click=move |_| state.matrix_open.update(|o| *o = !*o)>"Compatibility matrix"</button>
                    <button id="open-guide" on:click=move |_| state.guide.set(Some(super::state::GuideTopic::ImageTypes))>"Image guide"</button>
                </div>
            </header>
            <nav class="eip-tabs" role="tablist" aria-label="Planner sections">
                {tab_button(Tab::Plan, "tab-plan", "Plan")}
                {tab_button(Tab::Findings, "tab-findings", "Findings")}
                {tab_button(Tab::Output, "tab-output", "Output")}
            </nav>
            <main class="eip-columns">
                <section class=col_class(Tab::Plan) id="tab-plan-panel" aria-labelledby="plan-h">
                    <h2 id="plan-h">"Plan"</h2>
                    <PlanEditor/>
                </section>
                <section class=col_class(Tab::Findings) id="tab-findings-panel" aria-labelledby="findings-h">
                    <h2 id="findings-h">"Findings"</h2>
                    <Findings/>
                </section>
                <section class=col_class(Tab::Output) id="tab-output-panel" aria-labelledby="output-h">
                    <h2 id="output-h">"Output"</h2>
                    <Output/>
                </section>
                <Show when=move || state.matrix_open.get()>
                    <MatrixPanel/>
                </Show>
                <Show when=move || state.guide.get().is_some()>
                    <GuidePanel/>
                </Show>
            </main>
            <footer class="eip-footer">
                <span id="app-version">{concat!("v", env!("CARGO_PKG_VERSION"))}</span>
                " · catalog as of "
                <span id="catalog-as-of">{catalog_as_of}</span>
            </footer>
        </div>
    }
}
