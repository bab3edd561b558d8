//! What the first screen does not need: the compatibility matrix and the image guide (panels
//! that open on a click) and the exports' renderer (run when a Download or Copy button is
//! pressed), loaded the first time they are used. The planner's binary (`src/main.rs`) makes
//! each one a wasm split point (`wasm_split`, what Leptos's `#[lazy]` expands to), so that its code goes
//! into a wasm chunk of its own (`scripts/wasm-split.mjs`). The split points live in that
//! binary, not in this library: a split point is a wasm export, which would keep the panel in
//! every binary that links the library, the embed's too.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use super::state::{focus_by_id, AppState};
use crate::core::export::Format;
use crate::core::i18n::Lang;
use crate::core::{Plan, Report};

/// A panel's view once its chunk is in; `None` when the chunk could not be fetched.
pub type PanelLoad = Pin<Box<dyn Future<Output = Option<AnyView>>>>;

/// An export's text once the renderer's chunk is in; `None` when it could not be fetched.
pub type ExportLoad = Pin<Box<dyn Future<Output = Option<String>>>>;

/// How the planner gets what the first screen does not need.
#[derive(Clone, Copy)]
pub struct OnDemand {
    /// The compatibility matrix ([`matrix`] behind a split point).
    pub matrix: fn() -> PanelLoad,
    /// The image guide ([`guide`] behind a split point).
    pub guide: fn() -> PanelLoad,
    /// An export of the checked plan ([`render_export`] behind a split point).
    pub export: fn(Format, Plan, Report, Lang) -> ExportLoad,
}

/// An export of the checked plan, as the planner's split point renders it.
pub fn render_export(format: Format, plan: &Plan, report: &Report, lang: Lang) -> String {
    format.render_in(plan, report, lang)
}

/// The compatibility matrix panel, as the planner's split point builds it.
pub fn matrix() -> AnyView {
    view! { <super::matrix::MatrixPanel/> }.into_any()
}

/// The image guide panel, as the planner's split point builds it.
pub fn guide() -> AnyView {
    view! { <super::guide::GuidePanel/> }.into_any()
}

/// What a lazily loaded panel is called and how it closes, for its loading and failed states.
#[derive(Clone, Copy)]
pub struct PanelFrame {
    /// The id prefix of the states' elements (`{id}-loading`, `{id}-load-failed`).
    pub id: &'static str,
    /// The panel's CSS class, so that the states take the panel's place in the layout.
    pub class: &'static str,
    /// The panel's heading, English and Chinese.
    pub title: (&'static str, &'static str),
    /// The panel's name within a sentence, English and Chinese.
    pub name: (&'static str, &'static str),
    /// Closes the panel.
    pub close: fn(AppState),
    /// The button that opened it, which gets the focus back when it closes.
    pub opener: &'static str,
}

/// A panel from its chunk: a loading state while the chunk arrives (at once once it is in),
/// and, when it cannot be fetched (offline before the service worker has it), a message with
/// a "Try again" button. Nothing in the plan depends on it, so nothing typed is lost.
#[component]
pub fn LazyPanel(load: fn() -> PanelLoad, frame: PanelFrame) -> impl IntoView {
    let state = AppState::get();
    let t = move |en, zh| state.t(en, zh);
    let attempt = RwSignal::new(0u32);
    let (name_en, name_zh) = frame.name;
    let dismiss = move || {
        (frame.close)(state);
        focus_by_id(frame.opener);
    };
    let close = move |_| dismiss();
    // Escape closes it while it loads or failed, as it closes the panel itself.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            dismiss();
        }
    };
    let failed = move || {
        view! {
            <section id=format!("{}-load-failed", frame.id) class=frame.class role="alert" on:keydown=on_key>
                <div class="eip-item-head">
                    <h2>{t(frame.title.0, frame.title.1)}</h2>
                    <button on:click=close>{t("Close", "关闭")}</button>
                </div>
                <p>{move || crate::tr!(
                    state.lang.get(),
                    format!("The {name_en} could not be loaded: the connection failed. Your plan is not affected."),
                    format!("无法加载{name_zh}：网络连接失败。您的计划不受影响。")
                ).into_string()}</p>
                <button id=format!("{}-retry", frame.id) on:click=move |_| attempt.update(|n| *n += 1)>
                    {t("Try again", "重试")}
                </button>
            </section>
        }
        .into_any()
    };
    let loading = move || {
        view! {
            <section id=format!("{}-loading", frame.id) class=frame.class aria-busy="true" on:keydown=on_key>
                <div class="eip-item-head">
                    <h2>{t(frame.title.0, frame.title.1)}</h2>
                    <button on:click=close>{t("Close", "关闭")}</button>
                </div>
                <p class="eip-muted" role="status">{move || crate::tr!(
                    state.lang.get(),
                    format!("Loading the {name_en}…"),
                    format!("正在加载{name_zh}…")
                ).into_string()}</p>
            </section>
        }
    };
    view! {
        <Suspense fallback=loading>
            {move || {
                attempt.track();
                // Single-threaded wasm: the chunk's future never leaves this thread.
                Suspend::new(SendWrapper::new(async move {
                    load().await.unwrap_or_else(failed)
                }))
            }}
        </Suspense>
    }
}
