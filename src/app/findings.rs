//! The findings column: a live summary, then every finding grouped by plan item, each read like
//! a compiler diagnostic (`error[code]: message`, `help:` with a fix button, doc link).

use leptos::prelude::*;

use super::keyed::stable_keys;
use super::labels::{item_label, severity_icon, severity_word};
use super::state::{focus_by_id, AppState, GuideTopic};
use crate::core::catalog::Evidence;
use crate::core::fix::Fix;
use crate::core::i18n::{self, Lang};
use crate::core::item::Item;
use crate::core::model::given;
use crate::core::rules;
use crate::core::visible::without_bidi_controls;
use crate::core::{planner, Finding, Severity};
use crate::tr;

/// Error and warning counts of the current report.
pub fn counts(state: AppState) -> (usize, usize) {
    state
        .report
        .with(|r| (r.count(Severity::Error), r.count(Severity::Warning)))
}

/// The findings column.
#[component]
pub fn Findings() -> impl IntoView {
    let state = AppState::get();
    // Counts re-renders of the list for a new report (a benchmark reads it).
    let revision = Memo::new(move |previous: Option<&u32>| {
        state.report.track();
        previous.map_or(1, |n| n + 1)
    });
    let marked = StoredValue::new(false);
    Effect::new(move |_| {
        revision.track();
        if !marked.get_value() {
            marked.set_value(true);
            crate::web::dom::performance_mark("eip:first-findings");
        }
    });
    let summary = move || {
        state.plan.with(|p| {
            state
                .report
                .with(|r| planner::summary_in(p, r, state.lang.get()))
        })
    };
    let launchable = move || state.report.with(|r| r.ok);
    let shown = RwSignal::new(GROUPS_SHOWN);
    let groups = stable_keys(move || groups(state, shown.get()));
    let more = more_button(state, shown);
    view! {
        <p
            id="findings-summary"
            tabindex="-1"
            class="eip-summary"
            class:is-ok=launchable
            class:is-bad=move || !launchable()
            aria-live="polite"
        >
            <span aria-hidden="true">{move || if launchable() { "✓ " } else { "✕ " }}</span>
            {summary}
        </p>
        <p id="fix-status" class="eip-status" role="status" aria-live="polite">{move || state.fix_status.get()}</p>
        <div id="findings" data-revision=move || revision.get()>
            {move || state.report.with(|r| r.findings.is_empty()).then(|| view! {
                <p class="eip-muted">{tr!(
                    state.lang.get(),
                    "No findings: nothing in this plan breaks a rule.",
                    "没有发现问题：此计划没有违反任何规则。"
                ).into_string()}</p>
            })}
            <For each=move || groups.get() key=|(key, _, _)| *key let:((_, item, group))>
                {group_view(state, item, group)}
            </For>
            {more}
        </div>
    }
}

/// The findings about one plan item, with what their view needs from the plan, so that a group
/// whose findings and label did not change keeps its DOM (see [`stable_keys`]).
#[derive(Clone, Debug, PartialEq)]
struct Group {
    /// The item as the page names it ("Launch #3 · ecs.g7.large").
    label: String,
    /// The findings, by severity, each with the image and region a "Describe" button offers.
    findings: Vec<(Finding, Option<(String, String)>)>,
    /// The language the group is shown in.
    lang: Lang,
}

/// The first `limit` groups of findings ([`crate::core::Report::by_item`]), findings by severity within a
/// group, keyed by item.
fn groups(state: AppState, limit: usize) -> Vec<(String, Group)> {
    let lang = state.lang.get();
    state.plan.with(|plan| {
        state.report.with(|report| {
            report
                .by_item()
                .into_iter()
                .take(limit)
                .map(|(item, mut members)| {
                    members.sort_by_key(|f| f.severity);
                    let key = item.to_string();
                    let label = item_label(plan, &key, lang);
                    let findings = members
                        .into_iter()
                        .map(|f| (f.clone(), describe_offer(plan, f)))
                        .collect();
                    (
                        key,
                        Group {
                            label,
                            findings,
                            lang,
                        },
                    )
                })
                .collect()
        })
    })
}

/// One item's findings.
fn group_view(state: AppState, key: String, group: Group) -> impl IntoView {
    let Group {
        label,
        findings,
        lang,
    } = group;
    let aria = label.clone();
    view! {
        <section class="eip-group" aria-label=aria>
            <h3 class="eip-group-title">
                <button
                    class="eip-link"
                    title=tr!(lang, "Show this item in the plan", "在计划中显示此项").into_string()
                    on:click=move |_| state.focus_item(&key)
                >
                    {label}
                </button>
            </h3>
            <ul class="eip-finding-list">
                {findings.into_iter().map(|(f, describe)| finding(state, lang, &f, describe)).collect_view()}
            </ul>
        </section>
    }
}

/// "Show more" under the groups, with the count of items whose findings are not shown.
fn more_button(state: AppState, shown: RwSignal<usize>) -> impl Fn() -> Option<AnyView> {
    // A memo, so that the button is rendered again only when the count changes.
    let hidden = Memo::new(move |_| {
        let total = state.report.with(|r| r.by_item().len());
        total.saturating_sub(shown.get())
    });
    move || {
        let hidden = hidden.get();
        (hidden > 0).then(|| {
            let lang = state.lang.get();
            view! {
                <button class="eip-link eip-more" data-section="findings"
                    on:click=move |_| shown.update(|n| *n += GROUPS_SHOWN)>
                    {tr!(
                        lang,
                        format!("Show findings of {} more items ({hidden} not shown)", hidden.min(GROUPS_SHOWN)),
                        format!("再显示 {} 个项目的检查结果（还有 {hidden} 个未显示）", hidden.min(GROUPS_SHOWN))
                    ).into_string()}
                </button>
            }
            .into_any()
        })
    }
}

/// The image an `image-not-found` finding of a launch names, and the launch's region: the page
/// offers to describe that image there.
fn describe_offer(plan: &crate::core::Plan, f: &Finding) -> Option<(String, String)> {
    match (f.code, Item::of_path(&f.path)) {
        ("image-not-found", Item::Launch(n)) => {
            let launch = plan.launches.get(n)?;
            Some((
                given(&launch.image)?.to_string(),
                given(&launch.region).unwrap_or_default().to_string(),
            ))
        }
        _ => None,
    }
}

/// Items with findings on the page at first, and how many more "Show more" adds: a plan at the
/// limits can have a thousand.
const GROUPS_SHOWN: usize = 50;

/// One finding, rustc style.
fn finding(
    state: AppState,
    lang: Lang,
    f: &Finding,
    describe: Option<(String, String)>,
) -> impl IntoView {
    let sev = f.severity.as_str();
    let key = Item::of_path(&f.path).to_string();
    let fix = f.fix.clone();
    let guide = guide_topic(f.code, lang);
    view! {
        <li class=format!("eip-finding sev-{sev}") data-code=f.code>
            <button class="eip-finding-head" on:click=move |_| state.focus_item(&key)>
                <span class="eip-sev">{severity_icon(f.severity)} " " {severity_word(f.severity, lang)} "[" <code>{f.code}</code> "]"</span>
                ": "
                <span class="eip-message">{without_bidi_controls(&f.message).into_owned()}</span>
            </button>
            <p class="eip-help">
                <span class="eip-help-label">{tr!(lang, "help: ", "帮助：").into_string()}</span>
                {without_bidi_controls(&f.help).into_owned()}
                {fix.map(|fix| {
                    let label = fix.label_in(lang);
                    view! {
                        <button class="eip-fix" on:click=move |_| apply_fix(state, &fix)>
                            {label}
                        </button>
                    }
                })}
                {describe.map(|(image, region)| view! {
                    " "
                    <button class="eip-fix" on:click=move |_| state.describe_image(image.clone(), region.clone())>
                        {tr!(lang, format!("Describe {image}"), format!("描述镜像 {image}")).into_string()}
                    </button>
                })}
            </p>
            <p class="eip-doc">
                <a href=f.doc target="_blank" rel="noopener noreferrer">{tr!(lang, "Alibaba Cloud docs", "阿里云文档").into_string()}</a>
                {guide.map(|(topic, text)| view! {
                    " · "
                    <button class="eip-link" on:click=move |_| state.guide.set(Some(topic))>{text}</button>
                })}
            </p>
            {evidence(&f.evidence, lang)}
        </li>
    }
}

/// The catalog facts a finding rests on, shown on demand: each with its source (a link where
/// there is one), the date seen, and whether a source confirms it.
fn evidence(facts: &[Evidence], lang: Lang) -> Option<impl IntoView> {
    if facts.is_empty() {
        return None;
    }
    let n = facts.len();
    let summary = tr!(
        lang,
        format!(
            "Why: {}",
            i18n::count_en(n, "catalog fact", "catalog facts")
        ),
        format!("依据：{n} 条目录数据")
    )
    .into_string();
    let items = facts
        .iter()
        .map(|e| {
            let source = match e.url.clone() {
                Some(url) => view! {
                    <a href=url target="_blank" rel="noopener noreferrer">{e.source.clone()}</a>
                }
                .into_any(),
                None => view! { <span>{e.source.clone()}</span> }.into_any(),
            };
            let unconfirmed = (!e.confirmed).then_some(view! {
                " " <strong>{tr!(lang, "(unconfirmed)", "（未经确认）").into_string()}</strong>
            });
            let seen = tr!(lang, format!(", seen {}", e.seen), format!("，查看于 {}", e.seen));
            view! {
                <li>{tr!(lang, format!("{}: ", e.fact), format!("{}：", e.fact)).into_string()} {source} {seen.into_string()} {unconfirmed}</li>
            }
        })
        .collect_view();
    Some(view! {
        <details class="eip-evidence">
            <summary>{summary}</summary>
            <ul>{items}</ul>
        </details>
    })
}

/// Applies a fix, says what changed, and moves focus to the plan item it changed, so a second
/// Enter cannot silently apply the next finding's fix.
fn apply_fix(state: AppState, fix: &Fix) {
    let target = state.plan.with_untracked(|p| fix.target(p));
    state.edit(|plan| fix.apply(plan));
    let label = fix.label_in(state.lang.get_untracked());
    state.fix_status.set(
        tr!(
            state.lang.get_untracked(),
            format!("Done: {label}. Undo (Ctrl+Z) takes it back."),
            format!("已完成：{label}。撤销（Ctrl+Z）可以还原。")
        )
        .into_string(),
    );
    match target {
        Some(key) => state.focus_item(&key),
        None => {
            request_animation_frame(|| focus_by_id("findings-summary"));
        }
    }
}

/// The guide section that explains a rule, as its registry entry names it.
fn guide_topic(code: &str, lang: Lang) -> Option<(GuideTopic, &'static str)> {
    let topic = rules::rule(code)?.topic?;
    Some((topic, topic.label(lang)))
}
