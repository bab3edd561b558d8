//! The findings column: a live summary, then every finding grouped by plan item, each read like
//! a compiler diagnostic (`error[code]: message`, `help:` with a fix button, doc link).

use leptos::prelude::*;

use super::labels::{item_label, severity_icon};
use super::state::{focus_by_id, AppState, GuideTopic};
use crate::core::catalog::Evidence;
use crate::core::fix::Fix;
use crate::core::item::Item;
use crate::core::model::given;
use crate::core::rules;
use crate::core::visible::without_bidi_controls;
use crate::core::{planner, Finding, Report, Severity};
use crate::tr;

/// Error and warning counts of the current report.
pub fn counts(state: AppState) -> (usize, usize) {
    state.report.with(|r| {
        let count = |s| r.findings.iter().filter(|f| f.severity == s).count();
        (count(Severity::Error), count(Severity::Warning))
    })
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
            {move || state.report.with(|r| groups(state, r, shown))}
        </div>
    }
}

/// Findings grouped by plan item ([`Report::by_item`]), findings by severity within a group.
fn groups(state: AppState, report: &Report, shown: RwSignal<usize>) -> AnyView {
    let lang = state.lang.get_untracked();
    if report.findings.is_empty() {
        let text = tr!(
            lang,
            "No findings: nothing in this plan breaks a rule.",
            "没有发现问题：此计划没有违反任何规则。"
        );
        return view! { <p class="eip-muted">{text.into_string()}</p> }.into_any();
    }
    let items = report.by_item();
    let limit = shown.get_untracked();
    let hidden = items.len().saturating_sub(limit);
    let more = (hidden > 0).then(|| {
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
    });
    let list = items
        .into_iter()
        .take(limit)
        .map(|(item, mut members)| {
            members.sort_by_key(|f| f.severity);
            let key = item.to_string();
            let label = state.plan.with_untracked(|p| item_label(p, &key));
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
                        {members.into_iter().map(|f| finding(state, f)).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view();
    view! { {list} {more} }.into_any()
}

/// Items with findings on the page at first, and how many more "Show more" adds: a plan at the
/// limits can have a thousand.
const GROUPS_SHOWN: usize = 50;

/// One finding, rustc style.
fn finding(state: AppState, f: &Finding) -> impl IntoView {
    let lang = state.lang.get_untracked();
    let sev = f.severity.as_str();
    let key = Item::of_path(&f.path).to_string();
    let fix = f.fix.clone();
    let guide = guide_topic(f.code, lang);
    // An image nothing describes: offer to describe it (the launch's region is where it is).
    let describe = match (f.code, Item::of_path(&f.path)) {
        ("image-not-found", Item::Launch(n)) => state.plan.with_untracked(|p| {
            let launch = p.launches.get(n)?;
            Some((
                given(&launch.image)?.to_string(),
                given(&launch.region).unwrap_or_default().to_string(),
            ))
        }),
        _ => None,
    };
    view! {
        <li class=format!("eip-finding sev-{sev}") data-code=f.code>
            <button class="eip-finding-head" on:click=move |_| state.focus_item(&key)>
                <span class="eip-sev">{severity_icon(f.severity)} " " {sev} "[" <code>{f.code}</code> "]"</span>
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
            {evidence(&f.evidence)}
        </li>
    }
}

/// The catalog facts a finding rests on, shown on demand: each with its source (a link where
/// there is one), the date seen, and whether a source confirms it.
fn evidence(facts: &[Evidence]) -> Option<impl IntoView> {
    if facts.is_empty() {
        return None;
    }
    let summary = match facts.len() {
        1 => "Why: 1 catalog fact".to_string(),
        n => format!("Why: {n} catalog facts"),
    };
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
            let unconfirmed = (!e.confirmed).then_some(view! { " " <strong>"(unconfirmed)"</strong> });
            view! {
                <li>{format!("{}: ", e.fact)} {source} {format!(", seen {}", e.seen)} {unconfirmed}</li>
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
fn guide_topic(code: &str, lang: crate::core::i18n::Lang) -> Option<(GuideTopic, &'static str)> {
    let topic = rules::rule(code)?.topic?;
    Some((topic, topic.label(lang)))
}
