//! Quotas and current usage (inputs), and the gauges that compare them with the plan.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::controls::Input;
use super::keyed::stable_keys;
use super::labels::Badge;
use super::state::AppState;
use crate::core::i18n::{Lang, Term};
use crate::core::item::Item;
use crate::core::ledger::RegionUsage;
use crate::core::model::{Plan, Quotas};
use crate::core::Report;

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
            <h3 id="quotas-h">{state.t("Quotas and current usage ", "配额与当前用量 ")} <Badge key="/quotas"/></h3>
            <div class="eip-grid">
                <Input id="quota-images" whole=true label="Custom images per region (q_user-image-count)" kind="number"
                    placeholder="100" value=quota(|q| q.custom_images_per_region)
                    on_change=Callback::new(move |v: String| state.edit_typing("quota-images", |p| set_quota(p, &v, |q| &mut q.custom_images_per_region)))/>
                <Input id="quota-shares" whole=true label="Accounts per shared image (q_user-per-image-shared-user-count)" kind="number"
                    placeholder="50" value=quota(|q| q.share_accounts_per_image)
                    on_change=Callback::new(move |v: String| state.edit_typing("quota-shares", |p| set_quota(p, &v, |q| &mut q.share_accounts_per_image)))/>
            </div>
            <p class="eip-muted">{state.t("Custom images that already exist in each target region:", "各目标地域中已有的自定义镜像数量：")}</p>
            <div class="eip-grid">
                <For each=move || state.regions() key=|region| region.clone() let:region>{{
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
                }}</For>
            </div>
        </section>
    }
}

/// One gauge row's numbers.
#[derive(Clone, Debug, PartialEq)]
struct Gauge {
    label: String,
    detail: String,
    used: u32,
    quota: u32,
    /// The plan's own additions take it past the quota (the ledger's verdict).
    over: bool,
    /// Messages of the findings that explain an overflow.
    findings: Vec<String>,
}

/// The findings of `code` on the items the gauge counts.
fn findings_on(report: &Report, code: &str, items: &[Item]) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| f.code == code && items.contains(&Item::of_path(&f.path)))
        .map(|f| format!("{}[{}]: {}", f.severity.as_str(), f.code, f.message))
        .collect()
}

/// Custom images per region, as the core's ledger counts them, for every region the plan
/// names.
fn region_gauges(state: AppState, report: &Report) -> Vec<Gauge> {
    let ledger = &report.ledger;
    let empty = RegionUsage::default();
    let mut regions: BTreeSet<String> = state.regions().into_iter().collect();
    regions.extend(ledger.regions.keys().cloned());
    regions
        .into_iter()
        .map(|region| {
            let usage = ledger.regions.get(&region).unwrap_or(&empty);
            Gauge {
                detail: usage.breakdown(),
                used: usage.used(),
                quota: ledger.custom_image_quota,
                over: usage.over(ledger.custom_image_quota),
                findings: findings_on(report, "custom-image-quota", &usage.items),
                label: region,
            }
        })
        .collect()
}

/// Accounts per shared image, as the core's ledger counts them.
fn share_gauges(report: &Report) -> Vec<Gauge> {
    let ledger = &report.ledger;
    ledger
        .shares
        .iter()
        .map(|usage| Gauge {
            label: usage.label.clone(),
            detail: format!(
                "in {}: {} already shared + {} new account(s)",
                usage.region,
                usage.existing.len(),
                usage.new.len()
            ),
            used: usage.used(),
            quota: ledger.share_quota,
            over: usage.over(ledger.share_quota),
            findings: findings_on(report, "share-quota-exceeded", &usage.items),
        })
        .collect()
}

/// A label as part of a DOM id: characters other than letters, digits, `_`, `.` and `-`
/// become `-` (`web in cn-shanghai` → `web-in-cn-shanghai`).
fn id_part(label: &str) -> String {
    label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

fn gauge_view(gauge: Gauge, id: String, lang: Lang) -> impl IntoView {
    let over = gauge.over;
    let status = if over {
        Term::new("✕ over quota", "✕ 超出配额")
    } else if gauge.used > gauge.quota {
        Term::new(
            "▲ already past quota; the plan adds none here",
            "▲ 已超出配额；计划未在此新增",
        )
    } else {
        Term::new("✓ within quota", "✓ 未超出配额")
    }
    .get(lang);
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
    // Each gauge keeps its DOM while its numbers stay the same (most edits change one or none).
    let region_list = stable_keys(move || {
        let lang = state.lang.get();
        state
            .report
            .with(|r| region_gauges(state, r))
            .into_iter()
            .map(|g| (format!("gauge-region-{}", g.label), (g, lang)))
            .collect()
    });
    let share_list = stable_keys(move || {
        let lang = state.lang.get();
        state
            .report
            .with(share_gauges)
            .into_iter()
            .map(|g| (format!("gauge-share-{}", id_part(&g.label)), (g, lang)))
            .collect()
    });
    view! {
        <section class="eip-section" aria-labelledby="gauges-h" id="gauges">
            <h3 id="gauges-h">{state.t("Quotas", "配额")}</h3>
            <h4>{state.t("Custom images per region", "每个地域的自定义镜像")}</h4>
            <ul class="eip-gauges" id="region-gauges">
                <For each=move || region_list.get() key=|(key, _, _)| *key let:((_, id, (gauge, lang)))>
                    {gauge_view(gauge, id, lang)}
                </For>
            </ul>
            <h4>{state.t("Accounts per shared image", "每个共享镜像的账号数")}</h4>
            <ul class="eip-gauges" id="share-gauges">
                {move || share_list.with(Vec::is_empty).then(|| view! {
                    <li class="eip-muted">{state.t("No share planned.", "尚未规划共享镜像。")}</li>
                })}
                <For each=move || share_list.get() key=|(key, _, _)| *key let:((_, id, (gauge, lang)))>
                    {gauge_view(gauge, id, lang)}
                </For>
            </ul>
        </section>
    }
}
