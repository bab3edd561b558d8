//! The page frame: header, phone tabs, the three planner columns, wide panels, footer.

use leptos::prelude::*;

use super::findings::{counts, Findings};
use super::io::{ExportPanel, ImportAction, ImportPanel};
use super::lazy::{LazyPanel, OnDemand, PanelFrame};
use super::output::Output;
use super::persist::{self, LoadNotice, SaveNotices};
use super::plan::PlanEditor;
use super::state::{AppState, Tab};
use crate::core::catalog::Catalog;
use crate::core::i18n::{self, Lang};

/// The whole app; `on_demand` loads what the first screen does not need.
#[component]
pub fn App(on_demand: OnDemand) -> impl IntoView {
    let startup = persist::startup();
    let state = AppState::provide(startup.plan);
    let notice = RwSignal::new(startup.notice);
    let autosave = persist::autosave(state.plan);
    undo_redo_keys(state);
    let open_linked = Callback::new(move |plan| state.replace(plan));
    let on_import = Callback::new(move |action| match action {
        ImportAction::Open(plan) => {
            let lang = state.lang.get_untracked();
            let name = plan.name.clone();
            state.replace(*plan);
            match name {
                Some(name) => crate::tr!(
                    lang,
                    format!("Opened the plan \"{name}\". Undo brings back the previous one."),
                    format!("已打开计划“{name}”。撤销可以恢复之前的计划。")
                ),
                None => crate::tr!(
                    lang,
                    "Opened the plan \"untitled\". Undo brings back the previous one.",
                    "已打开未命名的计划。撤销可以恢复之前的计划。"
                ),
            }
            .into_string()
        }
        ImportAction::Merge(imported) => {
            let lang = state.lang.get_untracked();
            let mut summary = String::new();
            state.edit(|plan| summary = imported.merge_into(plan, lang));
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
    let tab_button = move |tab: Tab, id: &'static str, label: (&'static str, &'static str)| {
        let label = state.t(label.0, label.1);
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
    let t = move |en, zh| state.t(en, zh);
    let on_lang = move |ev: leptos::ev::Event| {
        if let Ok(lang) = event_target_value(&ev).parse::<Lang>() {
            state.set_lang(lang);
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
                        {t(
                            "Check an Alibaba Cloud ECS image against a region and an instance type before anything runs.",
                            "在执行任何操作之前，检查阿里云 ECS 镜像与地域、实例规格是否匹配。",
                        )}
                    </p>
                </div>
                <div class="eip-header-actions">
                    <select id="lang" class="eip-lang" aria-label=t("Language", "语言") on:change=on_lang
                        prop:value=move || state.lang.get().as_str()>
                        {Lang::ALL.map(|lang| view! {
                            <option value=lang.as_str() selected=move || state.lang.get() == lang>{lang.name()}</option>
                        })}
                    </select>
                    <span class="eip-counts" id="counts" aria-label=t("Errors and warnings", "错误和警告")>{move || {
                        let (e, w) = counts(state);
                        let lang = state.lang.get();
                        let errors = i18n::count(lang, e, "error", "errors", "个错误");
                        let warnings = i18n::count(lang, w, "warning", "warnings", "个警告");
                        format!("✕ {errors} · ▲ {warnings}")
                    }}</span>
                    <button id="undo" title=t("Undo (Ctrl+Z)", "撤销（Ctrl+Z）") disabled=can_undo on:click=move |_| state.undo()>{t("Undo", "撤销")}</button>
                    <button id="redo" title=t("Redo (Ctrl+Shift+Z)", "重做（Ctrl+Shift+Z）") disabled=can_redo on:click=move |_| state.redo()>{t("Redo", "重做")}</button>
                    <button id="open-matrix" aria-expanded=move || state.matrix_open.get().to_string()
                        on:click=move |_| state.matrix_open.update(|o| *o = !*o)>{t("Compatibility matrix", "兼容性矩阵")}</button>
                    <button id="open-guide" on:click=move |_| state.guide.set(Some(super::state::GuideTopic::ImageTypes))>{t("Image guide", "镜像指南")}</button>
                </div>
            </header>
            <LoadNotice notice open_linked/>
            <SaveNotices autosave open_plan=open_linked/>
            {move || state.refused.get().map(|why| view! {
                <div id="edit-refused" class="eip-notice eip-notice-error" role="alert">
                    <span>{why}</span>
                    " "<button on:click=move |_| state.refused.set(None)>{t("Dismiss", "关闭")}</button>
                </div>
            })}
            <nav class="eip-tabs" role="tablist" aria-label=t("Planner sections", "规划器分区")>
                {tab_button(Tab::Plan, "tab-plan", ("Plan", "计划"))}
                {tab_button(Tab::Findings, "tab-findings", ("Findings", "检查结果"))}
                {tab_button(Tab::Output, "tab-output", ("Output", "输出"))}
            </nav>
            <main class="eip-columns">
                <section class=col_class(Tab::Plan) id="tab-plan-panel" aria-labelledby="plan-h">
                    <h2 id="plan-h">{t("Plan", "计划")}</h2>
                    <PlanEditor/>
                </section>
                <section class=col_class(Tab::Findings) id="tab-findings-panel" aria-labelledby="findings-h">
                    <h2 id="findings-h">{t("Findings", "检查结果")}</h2>
                    <Findings/>
                </section>
                <section class=col_class(Tab::Output) id="tab-output-panel" aria-labelledby="output-h">
                    <h2 id="output-h">{t("Output", "输出")}</h2>
                    <Output/>
                    <ExportPanel plan=state.plan report=state.report.into() render=on_demand.export/>
                    <ImportPanel on_import/>
                </section>
                <Show when=move || state.matrix_open.get()>
                    <LazyPanel load=on_demand.matrix frame=MATRIX/>
                </Show>
                <Show when=move || state.guide.get().is_some()>
                    <LazyPanel load=on_demand.guide frame=GUIDE/>
                </Show>
            </main>
            <footer class="eip-footer">
                <span id="app-version">{concat!("v", env!("CARGO_PKG_VERSION"))}</span>
                " · "
                // What the catalog holds and how sure it is: a page generated from it.
                <a id="catalog-link" href="catalog.html">
                    {t("catalog as of ", "目录数据日期 ")} <span id="catalog-as-of">{catalog_as_of}</span>
                </a>
            </footer>
        </div>
    }
}

/// The compatibility matrix's place while its chunk loads.
const MATRIX: PanelFrame = PanelFrame {
    id: "matrix",
    class: "eip-matrix-panel",
    title: ("Compatibility matrix", "兼容性矩阵"),
    name: ("compatibility matrix", "兼容性矩阵"),
    close: |state| state.matrix_open.set(false),
    opener: "open-matrix",
};

/// The image guide's place while its chunk loads.
const GUIDE: PanelFrame = PanelFrame {
    id: "guide",
    class: "eip-guide",
    title: ("Image guide", "镜像指南"),
    name: ("image guide", "镜像指南"),
    close: |state| state.guide.set(None),
    opener: "open-guide",
};

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
