//! The output column: the ordered API calls the plan implies, and the quota gauges.

use leptos::prelude::*;

use super::quotas::Gauges;
use super::state::AppState;
use crate::core::Operation;

fn operation(op: &Operation) -> impl IntoView {
    let params = op
        .params
        .iter()
        .map(|(name, value)| {
            let value = match value {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            view! { <dt>{name.clone()}</dt><dd>{value}</dd> }
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
                <code>"${copy-0.ImageId}"</code> " is a value an earlier call returns."</p>
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
