//! Short texts the UI shows for plan items, severities and catalog entries.

use leptos::prelude::*;

use super::state::AppState;
use crate::core::i18n::{count, Lang, Term};
use crate::core::item::Item;
use crate::core::model::Plan;
use crate::core::Severity;
use crate::tr;

/// The icon beside a severity word (never colour alone).
pub fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✕",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    }
}

/// The word for a severity in `lang` (the badge, the findings); the `sev-*` classes and the
/// JSON keep the English code.
pub fn severity_word(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => Term::new("error", "错误"),
        Severity::Warning => Term::new("warning", "警告"),
        Severity::Info => Term::new("info", "提示"),
    }
    .get(lang)
}

/// A text field for a person: its value, or "(not set)".
fn shown(value: &Option<String>, lang: Lang) -> &str {
    crate::core::model::given(value).unwrap_or(Term::new("(not set)", "（未填写）").get(lang))
}

/// A plan item named for a person in `lang`: `/launches/0` → `Launch #0: … on ecs.g7.large in
/// cn-hangzhou` (`启动实例 #0：…`).
pub fn item_label(plan: &Plan, key: &str, lang: Lang) -> String {
    let item = Item::of_path(key);
    let title = item.title(lang);
    let s = |value: &Option<String>| shown(value, lang).to_string();
    let detail = match item {
        Item::Launch(n) => plan.launches.get(n).map(|l| {
            tr!(
                lang,
                format!(
                    "{} on {} in {}",
                    s(&l.image),
                    s(&l.instance_type),
                    s(&l.region)
                ),
                format!(
                    "{} 地域以 {} 启动 {}",
                    s(&l.region),
                    s(&l.instance_type),
                    s(&l.image)
                )
            )
            .into_string()
        }),
        Item::Copy(n) => plan.copies.get(n).map(|c| {
            tr!(
                lang,
                format!("{} to {}", s(&c.image), s(&c.to_region)),
                format!("{} 复制到 {}", s(&c.image), s(&c.to_region))
            )
            .into_string()
        }),
        Item::Share(n) => plan.shares.get(n).map(|x| {
            let accounts = count(lang, x.accounts.len(), "account", "accounts", "个账号");
            tr!(
                lang,
                format!("{} in {} with {accounts}", s(&x.image), s(&x.region)),
                format!("{} 地域的 {} 共享给 {accounts}", s(&x.region), s(&x.image))
            )
            .into_string()
        }),
        Item::Export(n) => plan.exports.get(n).map(|e| {
            tr!(
                lang,
                format!("{} to OSS in {}", s(&e.image), s(&e.bucket_region)),
                format!("{} 导出到 {} 的 OSS", s(&e.image), s(&e.bucket_region))
            )
            .into_string()
        }),
        Item::Delete(n) => plan.deletes.get(n).map(|d| {
            let what = d.image.as_deref().or(d.snapshot.as_deref()).unwrap_or("?");
            what.to_string()
        }),
        Item::Create(n) => plan.creates.get(n).map(|c| {
            tr!(
                lang,
                format!("{} from {}", c.image.id, s(&c.source)),
                format!("从 {} 创建 {}", s(&c.source), c.image.id)
            )
            .into_string()
        }),
        Item::Import(n) => plan.imports.get(n).map(|m| m.image.id.clone()),
        Item::Pipeline(n) => plan.pipelines.get(n).map(|x| {
            let more = x.to_regions.len();
            tr!(
                lang,
                format!(
                    "{} in {} and {}",
                    x.image.id,
                    s(&x.region),
                    count(lang, more, "more region", "more regions", "")
                ),
                format!(
                    "{} 地域构建 {}，另分发到 {more} 个地域",
                    s(&x.region),
                    x.image.id
                )
            )
            .into_string()
        }),
        Item::Update(n) => plan.updates.get(n).map(|u| {
            tr!(
                lang,
                format!("{} in {}", s(&u.image), s(&u.region)),
                format!("{} 地域的 {}", s(&u.region), s(&u.image))
            )
            .into_string()
        }),
        Item::Modify(n) => plan.modifies.get(n).map(|m| s(&m.image)),
        Item::Image(n) => {
            return plan.images.get(n).map_or_else(
                || key.to_string(),
                |i| {
                    tr!(
                        lang,
                        format!("Image {}", i.label()),
                        format!("镜像 {}", i.label())
                    )
                    .into_string()
                },
            )
        }
        Item::InstanceType(n) => {
            return plan.instance_types.get(n).map_or_else(
                || key.to_string(),
                |t| {
                    tr!(
                        lang,
                        format!("Instance type {}", t.id),
                        format!("实例规格 {}", t.id)
                    )
                    .into_string()
                },
            )
        }
        Item::Quotas
        | Item::CustomImageUsage
        | Item::Plan
        | Item::Name
        | Item::AsOf
        | Item::AccountId => {
            return if key.is_empty() || item != Item::Plan {
                title
            } else {
                key.to_string()
            };
        }
    };
    match detail {
        Some(detail) => tr!(
            lang,
            format!("{title}: {detail}"),
            format!("{title}：{detail}")
        )
        .into_string(),
        None => key.to_string(),
    }
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
            let lang = state.lang.get();
            let word = severity_word(sev, lang);
            view! {
                <span class=format!("eip-badge sev-{}", sev.as_str())
                    title=tr!(lang, format!("Worst finding: {word}"), format!("最严重的问题：{word}")).into_string()>
                    <span aria-hidden="true">{severity_icon(sev)}</span>
                    " " {word}
                </span>
            }
        })
    }
}
