//! The output column: the ordered API calls the plan implies, and the quota gauges.

use leptos::prelude::*;

use super::keyed::stable_keys;
use super::quotas::Gauges;
use super::state::AppState;
use crate::core::i18n::Lang;
use crate::core::param::Param;
use crate::core::Operation;
use crate::tr;

fn operation(op: &Operation, lang: Lang) -> impl IntoView {
    let params = op
        .params
        .iter()
        .map(|(name, value)| {
            let typed = !matches!(value, Param::Text(_) | Param::Number(_) | Param::Bool(_));
            // API parameter names and literal values are the same in every language (CONTRACT
            // §4.8); what an earlier call returns and what you supply are described in yours.
            let literal = !typed;
            let value = value.text_in(lang);
            view! { <dt translate="no">{name.to_string()}</dt><dd class:eip-typed=typed translate=literal.then_some("no")><bdi>{value}</bdi></dd> }
        })
        .collect_view();
    view! {
        <li class="eip-op" data-api=op.api>
            <div><code class="eip-api">{op.api}</code> " " <span class="eip-muted">{op.id.clone()}</span></div>
            <dl class="eip-params">{params}</dl>
        </li>
    }
}

/// API calls on the page at first, and how many more "Show more" adds.
const OPS_SHOWN: usize = 50;

/// The output column.
#[component]
pub fn Output() -> impl IntoView {
    let state = AppState::get();
    // The first calls only: a plan at the limits makes thousands.
    let shown = RwSignal::new(OPS_SHOWN);
    let operations = stable_keys(move || {
        state.report.with(|r| {
            r.operations
                .iter()
                .take(shown.get())
                .map(|op| (op.id.clone(), (op.clone(), state.lang.get())))
                .collect()
        })
    });
    // Calls not shown: a memo, so that the button is rendered again only when the count changes.
    let hidden = Memo::new(move |_| {
        state
            .report
            .with(|r| r.operations.len())
            .saturating_sub(shown.get())
    });
    view! {
        <section class="eip-section" aria-labelledby="ops-h">
            <h3 id="ops-h">{state.t("API calls, in order", "API 调用（按顺序）")}</h3>
            <p class="eip-muted">{state.t("What running this plan means on Alibaba Cloud; ", "执行此计划会在阿里云上进行的调用；")}
                <code>{state.t("‹ImageId of copy-0›", "‹copy-0 返回的 ImageId›")}</code> {state.t(" is a value an earlier call returns, ", " 是前面某个调用返回的值，")}
                <code>{state.t("‹you supply: …›", "‹需由您提供：…›")}</code> {state.t(" one you give when you run the export.", " 是运行导出时由您提供的值。")}</p>
            <ol id="operations" class="eip-ops">
                {move || state.report.with(|r| r.operations.is_empty()).then(|| view! {
                    <li class="eip-muted">{state.t("No API call yet.", "尚无 API 调用。")}</li>
                })}
                <For each=move || operations.get() key=|(key, _, _)| *key let:((_, _, (op, lang)))>
                    {operation(&op, lang)}
                </For>
            </ol>
            {move || {
                let hidden = hidden.get();
                (hidden > 0).then(|| view! {
                    <button class="eip-link eip-more" data-section="operations"
                        on:click=move |_| shown.update(|n| *n += OPS_SHOWN)>
                        {tr!(
                            state.lang.get(),
                            format!("Show {} more calls ({hidden} not shown)", hidden.min(OPS_SHOWN)),
                            format!("再显示 {} 个调用（还有 {hidden} 个未显示）", hidden.min(OPS_SHOWN))
                        ).into_string()}
                    </button>
                })
            }}
        </section>
        <Gauges/>
    }
}
