//! The output column: the ordered API calls the plan implies, and the quota gauges.

use leptos::prelude::*;

use super::quotas::Gauges;
use super::state::AppState;
use crate::core::param::Param;
use crate::core::Operation;

fn operation(op: &Operation) -> impl IntoView {
    let params = op
        .params
        .iter()
        .map(|(name, value)| {
            let typed = !matches!(value, Param::Text(_) | Param::Number(_) | Param::Bool(_));
            let value = value.to_string();
            view! { <dt>{name.to_string()}</dt><dd class:eip-typed=typed><bdi>{value}</bdi></dd> }
        })
        .collect_view();
    view! {
        <li class="eip-op" data-api=op.api>
            <div><code class="eip-api">{op.api}</code> " " <span class="eip-muted">{op.id.clone()}</span></div>
            <dl class="eip-params">{params}</dl>
        </li>
    }
}

/// The output column.
#[component]
pub fn Output() -> impl IntoView {
    let state = AppState::get();
    view! {
        <section class="eip-section" aria-labelledby="ops-h">
            <h3 id="ops-h">"API calls, in order"</h3>
            <p class="eip-muted">"What running this plan means on Alibaba Cloud; "
                <code>"‹ImageId of copy-0›"</code> " is a value an earlier call returns, "
                <code>"‹you supply: …›"</code> " one you give when you run the export."</p>
            <ol id="operations" class="eip-ops">
                {move || state.report.with(|r| {
                    if r.operations.is_empty() {
                        view! { <li class="eip-muted">"No API call yet."</li> }.into_any()
                    } else {
                        r.operations.iter().map(operation).collect_view().into_any()
                    }
                })}
            </ol>
        </section>
        <Gauges/>
    }
}
