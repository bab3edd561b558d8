//! The page frame: header, phone tabs, the three planner columns, wide panels, footer.

use leptos::prelude::*;

use super::findings::{counts, Findings};
use super::guide::GuidePanel;
use super::io::{ExportPanel, ImportAction, ImportPanel};
use super::matrix::MatrixPanel;
use super::output::Output;
use super::persist::{self, LoadNotice, SaveNotices};
use super::plan::PlanEditor;
use super::state::{AppState, Tab};
use crate::core::catalog::Catalog;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let startup = persist::startup();
    let state = AppState::provide(startup.plan);
    let notice = RwSignal::new(startup.notice);
    let autosave = persist::autosave(state.plan);
    undo_redo_keys(state);
    let open_linked = Callback::new(move |plan| state.replace(plan));
    let on_import = Callback::new(move |action| match action {
        ImportAction::Open(plan) => {
            let name = plan.name.clone().unwrap_or_else(|| "untitled".into());
            state.replace(*plan);
            format!("Opened the plan \"{name}\". Undo brings back the previous one.")
        }
        ImportAction::Merge(imported) => {
            let mut summary = String::new();
            state.edit(|plan| summary = imported.merge_into(plan));
            match state.refused.get_untracked() {
                Some(refused) => refused,
                None => summary,
            }
        }
    });
    let (can_undo, can_redo) = (
        move || !state.can_undo_redo.get().0,
        move || !state.can_undo_redo.get().1,
    );
    let catalog_as_of = Catalog::builtin().as_of_text();
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
                    <button id="undo" title="Undo (Ctrl+Z)" disabled=can_undo on:click=move |_| state.undo()>"Undo"</button>
                    <button id="redo" title="Redo (Ctrl+Shift+Z)" disabled=can_redo on:click=move |_| state.redo()>"Redo"</button>
                    <button id="open-matrix" aria-expanded=move || state.matrix_open.get().to_string()
                        on:click=move |_| state.matrix_open.update(|o| *o = !*o)>"Compatibility matrix"</button>
                    <button id="open-guide" on:click=move |_| state.guide.set(Some(super::state::GuideTopic::ImageTypes))>"Image guide"</button>
                </div>
            </header>
            <LoadNotice notice open_linked/>
            <SaveNotices autosave open_plan=open_linked/>
            {move || state.refused.get().map(|why| view! {
                <div id="edit-refused" class="eip-notice eip-notice-error" role="alert">
                    <span>{why}</span>
                    " "<button on:click=move |_| state.refused.set(None)>"Dismiss"</button>
                </div>
            })}
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
                    <ExportPanel plan=state.plan report=state.report.into()/>
                    <ImportPanel on_import/>
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
                " · "
                // What the catalog holds and how sure it is: a page generated from it.
                <a id="catalog-link" href="catalog.html">
                    "catalog as of " <span id="catalog-as-of">{catalog_as_of}</span>
                </a>
            </footer>
        </div>
    }
}

/// Ctrl+Z undoes and Ctrl+Shift+Z or Ctrl+Y redoes plan changes, except while typing in a
/// field, where the browser's own text undo applies.
fn undo_redo_keys(state: AppState) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        if crate::web::dom::focus_in_field() {
            return;
        }
        match (ev.key().as_str(), ev.shift_key()) {
            ("z" | "Z", false) => {
                ev.prevent_default();
                state.undo();
            }
            ("z" | "Z", true) | ("y" | "Y", false) => {
                ev.prevent_default();
                state.redo();
            }
            _ => {}
        }
    });
    std::mem::forget(handle);
}
