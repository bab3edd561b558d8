//! Short texts the UI shows for plan items, severities and catalog entries.

use leptos::prelude::*;

use super::state::AppState;
use crate::core::model::Plan;
use crate::core::Severity;

/// The icon beside a severity word (never colour alone).
pub fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✕",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    }
}

/// A text field for a person: its value, or "(not set)".
fn shown(value: &Option<String>) -> &str {
    crate::core::model::given(value).unwrap_or("(not set)")
}

/// A plan item named for a person: `/launches/0` → `Launch #0: ecs.g7.large, … in cn-hangzhou`.
pub fn item_label(plan: &Plan, key: &str) -> String {
    let mut parts = key.trim_start_matches('/').splitn(2, '/');
    let list = parts.next().unwrap_or("");
    let n: Option<usize> = parts.next().and_then(|n| n.parse().ok());
    let text = match (list, n) {
        ("launches", Some(n)) => plan.launches.get(n).map(|l| {
            format!(
                "Launch #{n}: {} on {} in {}",
                shown(&l.image),
                shown(&l.instance_type),
                shown(&l.region)
            )
        }),
        ("copies", Some(n)) => plan
            .copies
            .get(n)
            .map(|c| format!("Copy #{n}: {} to {}", shown(&c.image), shown(&c.to_region))),
        ("shares", Some(n)) => plan.shares.get(n).map(|s| {
            format!(
                "Share #{n}: {} in {} with {} account(s)",
                shown(&s.image),
                shown(&s.region),
                s.accounts.len()
            )
        }),
        ("exports", Some(n)) => plan.exports.get(n).map(|e| {
            format!(
                "Export #{n}: {} to OSS in {}",
                shown(&e.image),
                shown(&e.bucket_region)
            )
        }),
        ("deletes", Some(n)) => plan.deletes.get(n).map(|d| {
            let what = d.image.as_deref().or(d.snapshot.as_deref()).unwrap_or("?");
            format!("Delete #{n}: {what}")
        }),
        ("creates", Some(n)) => plan
            .creates
            .get(n)
            .map(|c| format!("Create #{n}: {} from {}", c.image.id, shown(&c.source))),
        ("pipelines", Some(n)) => plan.pipelines.get(n).map(|x| {
            format!(
                "Pipeline #{n}: {} in {} and {} more region(s)",
                x.image.id,
                shown(&x.region),
                x.to_regions.len()
            )
        }),
        ("updates", Some(n)) => plan
            .updates
            .get(n)
            .map(|u| format!("Update #{n}: {} in {}", shown(&u.image), shown(&u.region))),
        ("images", Some(n)) => plan.images.get(n).map(|i| format!("Image {}", i.label())),
        ("instance_types", Some(n)) => plan
            .instance_types
            .get(n)
            .map(|t| format!("Instance type {}", t.id)),
        ("quotas", _) => Some("Quotas".to_string()),
        ("custom_image_usage", _) => Some("Custom images in use".to_string()),
        _ => None,
    };
    text.unwrap_or_else(|| {
        if key.is_empty() {
            "The plan".to_string()
        } else {
            key.to_string()
        }
    })
}

/// The badge with the worst severity of a plan item's findings (empty when it has none).
#[component]
pub fn Badge(
    /// The item's key (`/launches/0`).
    #[prop(into)]
    key: String,
) -> impl IntoView {
    let state = AppState::get();
    // Only this item's severity: a change elsewhere in the plan does not touch the badge.
    let worst = Memo::new(move |_| state.worst.with(|w| w.get(&key).copied()));
    move || {
        worst.get().map(|sev| {
            let word = sev.as_str();
            view! {
                <span class=format!("eip-badge sev-{word}") title=format!("Worst finding: {word}")>
                    <span aria-hidden="true">{severity_icon(sev)}</span>
                    " " {word}
                </span>
            }
        })
    }
}
