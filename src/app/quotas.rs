//! Quotas and current usage (inputs), and the gauges that compare them with the plan.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::controls::Input;
use super::labels::Badge;
use super::state::{item_key, AppState};
use crate::core::catalog::Catalog;
use crate::core::model::{Plan, Quotas};

fn set_quota(plan: &mut Plan, text: &str, field: fn(&mut Quotas) -> &mut Option<u32>) {
    let quotas = plan.quotas.get_or_insert_with(Quotas::default);
    *field(quotas) = text.trim().parse().ok();
    if *quotas == Quotas::default() {
        plan.quotas = None;
    }
}

/// Quota values and the custom images that exist per target region.
#[component]
pub fn QuotaInputs() -> impl IntoView {
    let state = AppState::get();
    let quota = move |f: fn(&Quotas) -> Option<u32>| {
        Signal::derive(move || {
            state.plan.with(|p| {
                p.quotas
                    .as_ref()
                    .and_then(f)
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            })
        })
    };
    view! {
        <section class="eip-section" aria-labelledby="quotas-h">
            <h3 id="quotas-h">"Quotas and current usage " <Badge key="/quotas"/></h3>
            <div class="eip-grid">
                <Input id="quota-images" whole=true label="Custom images per region (q_user-image-count)" kind="number"
                    placeholder="100" value=quota(|q| q.custom_images_per_region)
                    on_change=Callback::new(move |v: String| state.edit_typing("quota-images", |p| set_quota(p, &v, |q| &mut q.custom_images_per_region)))/>
                <Input id="quota-shares" whole=true label="Accounts per shared image (q_user-per-image-shared-user-count)" kind="number"
                    placeholder="50" value=quota(|q| q.share_accounts_per_image)
                    on_change=Callback::new(move |v: String| state.edit_typing("quota-shares", |p| set_quota(p, &v, |q| &mut q.share_accounts_per_image)))/>
            </div>
            <p class="eip-muted">"Custom images that already exist in each target region:"</p>
            <div class="eip-grid">
                {move || state.regions().into_iter().map(|region| {
                    let r = region.clone();
                    let r2 = region.clone();
                    view! {
                        <Input id=format!("usage-{region}") whole=true label=region.clone() kind="number" placeholder="0"
                            value=Signal::derive(move || state.plan.with(|p| p.custom_image_usage.get(&r).map(|n| n.to_string()).unwrap_or_default()))
                            on_change=Callback::new(move |v: String| {
                                let region = r2.clone();
                                state.edit_typing(&format!("usage-{region}"), |p| match v.trim().parse::<u32>() {
                                    Ok(n) if n > 0 => { p.custom_image_usage.insert(region, n); }
                                    _ => { p.custom_image_usage.remove(&region); }
                                })
                            })/>
                    }
                }).collect_view()}
            </div>
        </section>
    }
}

/// One gauge row's numbers.
struct Gauge {
    label: String,
    detail: String,
    used: u32,
    quota: u32,
    /// Messages of the findings that explain an overflow.
    findings: Vec<String>,
}

fn region_gauges(state: AppState, plan: &Plan) -> Vec<Gauge> {
    let quota = plan.custom_images_per_region();
    let mut regions: BTreeSet<String> = state.regions().into_iter().collect();
    regions.extend(plan.copies.iter().map(|c| c.to_region.clone()));
    regions.extend(
        plan.creates
            .iter()
            .filter_map(|c| c.image.regions.as_ref()?.first().cloned()),
    );
    regions
        .into_iter()
        .filter(|r| !r.is_empty())
        .map(|region| {
            let existing = plan.custom_image_usage.get(&region).copied().unwrap_or(0);
            let creates = plan
                .creates
                .iter()
                .filter(|c| {
                    c.image
                        .regions
                        .as_ref()
                        .is_some_and(|r| r.first() == Some(&region))
                })
                .count() as u32;
            let copies = plan.copies.iter().filter(|c| c.to_region == region).count() as u32;
            let findings = state.report.with(|r| {
                r.findings
                    .iter()
                    .filter(|f| {
                        f.code == "custom-image-quota" && f.message.contains(region.as_str())
                    })
                    .map(|f| format!("error[{}]: {}", f.code, f.message))
                    .collect()
            });
            Gauge {
                detail: format!("{existing} existing + {creates} created + {copies} copied"),
                label: region,
                used: existing + creates + copies,
                quota,
                findings,
            }
        })
        .collect()
}

fn share_gauges(state: AppState, plan: &Plan) -> Vec<Gauge> {
    let quota = plan.share_accounts_per_image();
    let catalog = Catalog::builtin();
    let mut images: Vec<&str> = Vec::new();
    for share in &plan.shares {
        if !images.contains(&share.image.as_str()) {
            images.push(&share.image);
        }
    }
    images
        .into_iter()
        .map(|image| {
            let existing: BTreeSet<&str> = plan
                .images
                .iter()
                .find(|i| i.id == image)
                .or_else(|| catalog.image(image))
                .map(|i| i.shared_with.iter().map(String::as_str).collect())
                .unwrap_or_default();
            let indexes: Vec<usize> = plan
                .shares
                .iter()
                .enumerate()
                .filter(|(_, s)| s.image == image)
                .map(|(n, _)| n)
                .collect();
            let new: BTreeSet<&str> = indexes
                .iter()
                .flat_map(|&n| plan.shares[n].accounts.iter().map(String::as_str))
                .filter(|a| !existing.contains(a))
                .collect();
            let findings = state.report.with(|r| {
                r.findings
                    .iter()
                    .filter(|f| {
                        f.code == "share-quota-exceeded"
                            && indexes
                                .iter()
                                .any(|n| item_key(&f.path) == format!("/shares/{n}"))
                    })
                    .map(|f| format!("error[{}]: {}", f.code, f.message))
                    .collect()
            });
            Gauge {
                label: image.to_string(),
                detail: format!(
                    "{} already shared + {} new account(s)",
                    existing.len(),
                    new.len()
                ),
                used: (existing.len() + new.len()) as u32,
                quota,
                findings,
            }
        })
        .collect()
}

fn gauge_view(gauge: Gauge, id: String) -> impl IntoView {
    let over = gauge.used > gauge.quota;
    let status = if over {
        "✕ over quota"
    } else {
        "✓ within quota"
    };
    view! {
        <li class="eip-gauge" class:is-over=over id=id>
            <div class="eip-gauge-head">
                <code>{gauge.label.clone()}</code>
                <span class="eip-gauge-status">{status}</span>
            </div>
            <meter min="0" max=gauge.quota value=gauge.used.min(gauge.quota)
                aria-label=format!("{}: {} of {}", gauge.label, gauge.used, gauge.quota)></meter>
            <p class="eip-gauge-numbers">{format!("{} of {} · {}", gauge.used, gauge.quota, gauge.detail)}</p>
            {gauge.findings.into_iter().map(|f| view! { <p class="eip-gauge-finding">{f}</p> }).collect_view()}
        </li>
    }
}

/// Gauges: custom images per region, and accounts per shared image, against the quotas.
#[component]
pub fn Gauges() -> impl IntoView {
    let state = AppState::get();
    view! {
        <section class="eip-section" aria-labelledby="gauges-h" id="gauges">
            <h3 id="gauges-h">"Quotas"</h3>
            <h4>"Custom images per region"</h4>
            <ul class="eip-gauges" id="region-gauges">
                {move || state.plan.with(|p| region_gauges(state, p)).into_iter().map(|g| {
                    let id = format!("gauge-region-{}", g.label);
                    gauge_view(g, id)
                }).collect_view()}
            </ul>
            <h4>"Accounts per shared image"</h4>
            <ul class="eip-gauges" id="share-gauges">
                {move || {
                    let gauges = state.plan.with(|p| share_gauges(state, p));
                    if gauges.is_empty() {
                        view! { <li class="eip-muted">"No share planned."</li> }.into_any()
                    } else {
                        gauges.into_iter().map(|g| {
                            let id = format!("gauge-share-{}", g.label);
                            gauge_view(g, id)
                        }).collect_view().into_any()
                    }
                }}
            </ul>
        </section>
    }
}
