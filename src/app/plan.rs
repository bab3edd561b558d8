//! The plan column: target regions, launches, images, copies, shares, exports, deletes, quotas.

use leptos::prelude::*;

use super::builder::{Pipelines, Updates};
use super::controls::{Input, Select, SharedList};
use super::images::ImagesSection;
use super::items::{Copies, Deletes, Exports, Shares};
use super::keyed::stable_keys;
use super::labels::item_label;
use super::labels::Badge;
use super::lifecycle::{Imports, LaunchFamily, Modifies};
use super::quotas::QuotaInputs;
use super::state::{first_visit_plan, focus_by_id, item_dom_id, region_users, AppState};
use crate::core::catalog::Catalog;
use crate::core::i18n::{self, Term};
use crate::core::item::Item;
use crate::core::model::{given, optional, Launch, Plan, SystemDisk};

/// Choice lists shared by the plan's rows.
#[derive(Clone, Copy)]
pub struct Choices {
    /// Every region ID with its name in the page's language.
    pub regions: Signal<Vec<(String, String)>>,
    /// Instance types: catalog plus the plan's own.
    pub types: Memo<Vec<(String, String)>>,
    /// Images a launch can name: catalog, the plan's own, and images the plan creates.
    pub images: Memo<Vec<(String, String)>>,
    /// The account's own images (custom and shared ones in the plan, and created ones).
    pub own_images: Memo<Vec<(String, String)>>,
    /// Image families a launch can name, after "none".
    pub families: Memo<Vec<(String, String)>>,
}

/// Every catalog region as `(id, "id · name")`, named in the page's language and built again
/// only when the language changes.
pub fn region_options(state: AppState) -> Signal<Vec<(String, String)>> {
    Memo::new(move |_| {
        let lang = state.lang.get();
        Catalog::builtin()
            .regions
            .iter()
            .map(|r| (r.id.clone(), r.label_in(lang)))
            .collect::<Vec<_>>()
    })
    .into()
}

impl Choices {
    fn new(state: AppState) -> Choices {
        let regions = region_options(state);
        // The plan's own types, so that the list is built again only when they change, not on
        // every edit.
        let own_types = Memo::new(move |_| state.plan.with(|p| p.instance_types.clone()));
        let types = Memo::new(move |_| {
            own_types.with(|own| {
                let mut list: Vec<(String, String)> = Vec::new();
                for t in own.iter().chain(&Catalog::builtin().instance_types) {
                    if !list.iter().any(|(id, _)| *id == t.id) {
                        let arch = if t.arch == crate::core::model::CpuArch::Arm64 {
                            "arm64"
                        } else {
                            "x86"
                        };
                        list.push((
                            t.id.clone(),
                            format!("{} · {}, {arch}", t.id, t.size_label()),
                        ));
                    }
                }
                list
            })
        });
        let own_images = Memo::new(move |_| {
            state.plan.with(|p| {
                p.images
                    .iter()
                    .chain(p.creates.iter().map(|c| &c.image))
                    .chain(p.imports.iter().map(|m| &m.image))
                    .chain(p.pipelines.iter().map(|x| &x.image))
                    .map(|i| (i.id.clone(), format!("{} · {}", i.id, i.label())))
                    .collect::<Vec<_>>()
            })
        });
        let images = Memo::new(move |_| {
            let mut list = own_images.get();
            for image in &Catalog::builtin().images {
                if !list.iter().any(|(id, _)| *id == image.id) {
                    list.push((
                        image.id.clone(),
                        format!("{} · {}", image.id, image.label()),
                    ));
                }
            }
            list
        });
        Choices {
            regions,
            types,
            images,
            own_images,
            families: super::lifecycle::families(state),
        }
    }
}

/// The plan column.
#[component]
pub fn PlanEditor() -> impl IntoView {
    let state = AppState::get();
    let choices = Choices::new(state);
    let example = first_visit_plan();
    // A memo, so that the lead is rendered again only when it changes, not on every edit.
    let lead = Memo::new(move |_| {
        state.plan.with(|p| {
            if *p == example {
                Lead::Example
            } else if is_empty(p) {
                Lead::Empty
            } else {
                Lead::Own
            }
        })
    });
    view! {
        <p class="eip-lead" id="plan-lead">
            {move || match lead.get() {
                Lead::Example => view! {
                    {state.t(
                        "This is an example plan. Change a launch below, or add your own: the findings update as you type. ",
                        "这是一个示例计划。修改下面的启动实例，或添加您自己的项目：检查结果会随输入即时更新。",
                    )}
                    <button id="clear-plan" class="eip-link" on:click=move |_| state.replace(Plan { version: 1, ..Plan::default() })>
                        {state.t("Start from an empty plan", "从空计划开始")}
                    </button>
                }.into_any(),
                Lead::Empty => view! {
                    {state.t(
                        "Your plan is empty. Add a launch below (region, instance type, image), or a copy or share: the findings check it as you type. ",
                        "您的计划是空的。在下面添加启动实例（地域、实例规格、镜像），或复制镜像、共享镜像：检查结果会随输入即时更新。",
                    )}
                    <button id="show-example" class="eip-link" on:click=move |_| state.replace(first_visit_plan())>
                        {state.t("Show the example plan", "显示示例计划")}
                    </button>
                }.into_any(),
                Lead::Own => view! {
                    {state.t(
                        "Your plan: the findings check it as you type, and every change can be undone. ",
                        "您的计划：检查结果随输入即时更新，每次修改都可以撤销。",
                    )}
                    <button id="clear-plan" class="eip-link" on:click=move |_| state.replace(Plan { version: 1, ..Plan::default() })>
                        {state.t("Start from an empty plan", "从空计划开始")}
                    </button>
                }.into_any(),
            }}
            " · "
            <button id="embed-answer" class="eip-link" on:click=move |_| state.open_embed_answer()>
                {state.t("Put an answer in your documentation", "将答案嵌入您的文档")}
            </button>
        </p>
        <SharedList id="choices-types" options=choices.types/>
        <SharedList id="choices-images" options=choices.images/>
        <SharedList id="choices-own-images" options=choices.own_images/>
        <Regions choices/>
        <Launches choices/>
        <ImagesSection/>
        <Imports choices/>
        <Pipelines choices/>
        <Updates choices/>
        <Copies choices/>
        <Modifies choices/>
        <Shares choices/>
        <Exports choices/>
        <Deletes/>
        <QuotaInputs/>
    }
}

/// What the lead text says about the plan shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lead {
    /// The first visit's example, unchanged.
    Example,
    /// No item at all.
    Empty,
    /// The user's own plan (or an edited example, or a colleague's link).
    Own,
}

/// Whether the plan holds no item (a name, date or account ID alone is no plan yet).
fn is_empty(plan: &Plan) -> bool {
    *plan
        == Plan {
            version: plan.version,
            name: plan.name.clone(),
            as_of: plan.as_of,
            account_id: plan.account_id.clone(),
            ..Plan::default()
        }
}

pub(super) fn text(
    value: impl Fn(&Plan) -> Option<String> + Send + Sync + 'static,
) -> Signal<String> {
    let state = AppState::get();
    Signal::derive(move || state.plan.with(|p| value(p).unwrap_or_default()))
}

/// Rows a section of the plan shows at first, and how many more each "Show more" adds: the
/// page's cost follows what is on screen, not the size of the plan.
pub(super) const ROWS_SHOWN: usize = 50;

/// How many of a section's `len` rows are on the page (the first [`ROWS_SHOWN`], more on
/// request, always the row a finding was clicked for, and a row just added after them all),
/// and the "Show more" button with the count of rows not shown.
pub(super) fn fold(
    section: &'static str,
    len: Memo<usize>,
) -> (
    Memo<usize>,
    impl Fn() -> Option<AnyView> + Send + Sync + 'static,
) {
    let state = AppState::get();
    let limit = RwSignal::new(ROWS_SHOWN);
    let prefix = format!("/{section}/");
    Effect::new(move |_| {
        let wanted = state.focus.with(|key| {
            key.as_deref()
                .and_then(|key| key.strip_prefix(prefix.as_str()))
                .and_then(|rest| rest.split('/').next())
                .and_then(|index| index.parse::<usize>().ok())
        });
        if let Some(index) = wanted.filter(|&i| i >= limit.get_untracked()) {
            limit.set(index + 1);
        }
    });
    Effect::new(move |before: Option<usize>| {
        let now = len.get();
        if before.is_some_and(|before| now == before + 1 && before <= limit.get_untracked()) {
            limit.set(now.max(ROWS_SHOWN));
        }
        now
    });
    let shown = Memo::new(move |_| len.get().min(limit.get()));
    let more = move || {
        let hidden = len.get().saturating_sub(shown.get());
        (hidden > 0).then(|| {
            view! {
                <button class="eip-link eip-more" data-section=section
                    on:click=move |_| limit.update(|l| *l += ROWS_SHOWN)>
                    {crate::tr!(
                        state.lang.get(),
                        format!("Show {} more ({hidden} not shown)", hidden.min(ROWS_SHOWN)),
                        format!("再显示 {} 项（还有 {hidden} 项未显示）", hidden.min(ROWS_SHOWN))
                    ).into_string()}
                </button>
            }
            .into_any()
        })
    };
    (shown, more)
}

pub(super) fn count(len: fn(&Plan) -> usize) -> Memo<usize> {
    let state = AppState::get();
    Memo::new(move |_| state.plan.with(len))
}

pub(super) fn row_class(key: String) -> impl Fn() -> String + Send + Sync + 'static {
    let state = AppState::get();
    move || {
        let focused = state.focus.with(|f| f.as_deref() == Some(key.as_str()));
        if focused {
            "eip-item is-focused".into()
        } else {
            "eip-item".into()
        }
    }
}

#[component]
fn Regions(choices: Choices) -> impl IntoView {
    let state = AppState::get();
    let pick = RwSignal::new(String::new());
    // Why the last region could not be removed: the region and the items that use it.
    let blocked = RwSignal::new(None::<(String, Vec<String>)>);
    // Each region with how many plan items use it; a chip is rebuilt only when that changes.
    let chips = stable_keys(move || {
        let regions = state.regions();
        state.plan.with(|p| {
            regions
                .into_iter()
                .map(|region| {
                    let users = region_users(p, &region).len();
                    (region, users)
                })
                .collect()
        })
    });
    view! {
        <section class="eip-section" aria-labelledby="regions-h">
            <h3 id="regions-h">{state.t("Target regions", "目标地域")}</h3>
            <ul class="eip-chips" id="target-regions">
                <For each=move || chips.get() key=|(key, _, _)| *key let:((_, region, users))>{{
                    let r = region.clone();
                    let remove = {
                        let region = region.clone();
                        move || crate::tr!(state.lang.get(), format!("Remove target region {region}"), format!("移除目标地域 {region}")).into_string()
                    };
                    let title = {
                        let (region, remove) = (region.clone(), remove.clone());
                        move || if users > 0 {
                            crate::tr!(
                                state.lang.get(),
                                format!("{region} is used by {}; change them to remove it", i18n::count_en(users, "plan item", "plan items")),
                                format!("{region} 正被 {users} 个计划项目使用；修改这些项目后才能移除")
                            ).into_string()
                        } else {
                            remove()
                        }
                    };
                    view! {
                        <li class="eip-chip" class:is-used={users > 0}>
                            <code>{region.clone()}</code>
                            <button
                                class="eip-icon-button"
                                id=format!("remove-region-{region}")
                                aria-label=remove
                                aria-describedby=(users > 0).then_some("region-blocked")
                                title=title
                                on:click=move |_| match state.remove_region(&r) {
                                    Ok(()) => {
                                        blocked.set(None);
                                        focus_by_id("add-region");
                                    }
                                    Err(users) => blocked.set(Some((r.clone(), users))),
                                }
                            >"×"</button>
                        </li>
                    }
                }}</For>
            </ul>
            <p id="region-blocked" class="eip-note" role="status" aria-live="polite">
                {move || blocked.get().map(|(region, users)| {
                    let lang = state.lang.get();
                    let labels = state.plan.with_untracked(|p| users.iter().map(|key| (key.clone(), item_label(p, key, lang))).collect::<Vec<_>>());
                    view! {
                        {crate::tr!(lang, format!("{region} stays a target region while the plan uses it: "), format!("计划仍在使用 {region}，因此它仍是目标地域：")).into_string()}
                        {labels.into_iter().enumerate().map(|(n, (key, label))| view! {
                            {(n > 0).then_some(Term::new("; ", "；").get(lang))}
                            <button class="eip-link" on:click=move |_| state.focus_item(&key)>{label}</button>
                        }).collect_view()}
                        {Term::new(". Change or remove those first.", "。请先修改或删除这些项目。").get(lang)}
                    }
                })}
            </p>
            <div class="eip-row">
                <Select id="add-region" label=state.t("Add a target region", "添加目标地域") options=choices.regions value=pick
                    on_change=Callback::new(move |v: String| pick.set(v))/>
                <button id="add-region-button" on:click=move |_| {
                    let region = pick.get();
                    if !region.is_empty() {
                        blocked.set(None);
                        state.add_region(region);
                    }
                }>{state.t("Add region", "添加地域")}</button>
            </div>
        </section>
    }
}

#[component]
fn Launches(choices: Choices) -> impl IntoView {
    let state = AppState::get();
    let len = count(|p| p.launches.len());
    let (shown, more) = fold("launches", len);
    let add = move |_| {
        let region = state
            .regions()
            .into_iter()
            .next()
            .unwrap_or_else(|| "cn-hangzhou".into());
        state.edit(|p| {
            p.launches.push(Launch {
                region: Some(region),
                instance_type: Some("ecs.g7.large".into()),
                image: Some("aliyun_3_x64_20G_alibase_20240819.vhd".into()),
                ..Launch::default()
            })
        });
    };
    view! {
        <section class="eip-section" aria-labelledby="launches-h">
            <h3 id="launches-h">{state.t("Launches ", "启动实例 ")} <span class="eip-muted">"(RunInstances)"</span></h3>
            <Show when=move || len.get() == 0>
                <p class="eip-muted">{state.t(
                    "No launch yet: add one, or press a cell of the compatibility matrix.",
                    "尚无启动实例：请添加一个，或点击兼容性矩阵中的单元格。",
                )}</p>
            </Show>
            <For each=move || 0..shown.get() key=|i| *i let:i>
                <LaunchRow i choices/>
            </For>
            {more}
            <button id="add-launch" on:click=add>{state.t("Add launch", "添加启动实例")}</button>
        </section>
    }
}

#[component]
fn LaunchRow(i: usize, choices: Choices) -> impl IntoView {
    let state = AppState::get();
    let key = format!("/launches/{i}");
    // The row's launch: an edit elsewhere in the plan leaves it equal, so none of the row's
    // fields runs again.
    let launch = Memo::new(move |_| state.plan.with(|p| p.launches.get(i).cloned()));
    let field = move |f: fn(&Launch) -> String| {
        Signal::derive(move || launch.with(|l| l.as_ref().map(f).unwrap_or_default()))
    };
    let set = move |f: fn(&mut Launch, String)| {
        Callback::new(move |v: String| {
            state.edit(|p| {
                if let Some(l) = p.launches.get_mut(i) {
                    f(l, v)
                }
            })
        })
    };
    // Text and number fields: every key edits the plan, one undo step per field.
    let typed = move |name: &'static str, f: fn(&mut Launch, String)| {
        let id = format!("launch-{i}-{name}");
        Callback::new(move |v: String| {
            state.edit_typing(&id, |p| {
                if let Some(l) = p.launches.get_mut(i) {
                    f(l, v)
                }
            })
        })
    };
    // An image ID no image of the plan or the catalog has: offer to describe it.
    let at = format!("/launches/{i}/image");
    let unknown = Memo::new(move |_| state.has_finding(&at, "image-not-found"));
    let unknown_image = Memo::new(move |_| {
        unknown
            .get()
            .then(|| {
                launch.with(|l| {
                    let l = l.as_ref()?;
                    Some((
                        given(&l.image)?.to_string(),
                        given(&l.region).unwrap_or_default().to_string(),
                    ))
                })
            })
            .flatten()
    });
    view! {
        <div class=row_class(key.clone()) id=item_dom_id(&key) tabindex="-1">
            <div class="eip-item-head">
                <strong>{move || Item::Launch(i).title(state.lang.get())}</strong>
                <Badge key=key.clone()/>
                <button class="eip-icon-button" aria-label=move || remove_label(state, Item::Launch(i))
                    on:click=move |_| state.remove_item("launches", i, "add-launch", |p| if i < p.launches.len() { p.launches.remove(i); })>"×"</button>
            </div>
            <div class="eip-grid">
                <Select id=format!("launch-{i}-region") pointer=format!("/launches/{i}/region") label=state.t("Region", "地域") options=choices.regions
                    value=field(|l| l.region.clone().unwrap_or_default()) on_change=set(|l, v| l.region = optional(v))/>
                <Select id=format!("launch-{i}-type") pointer=format!("/launches/{i}/instance_type") label=state.t("Instance type", "实例规格") options=choices.types list="choices-types"
                    value=field(|l| l.instance_type.clone().unwrap_or_default()) on_change=set(|l, v| l.instance_type = optional(v))/>
                <Select id=format!("launch-{i}-image") pointer=format!("/launches/{i}/image") label=state.t("Image", "镜像") options=choices.images list="choices-images"
                    value=field(|l| l.image.clone().unwrap_or_default()) on_change=set(|l, v| { l.image = optional(v); if l.image.is_some() { l.image_family = None } })/>
                <Input id=format!("launch-{i}-image-id") label=state.t("…or any image ID", "…或任意镜像 ID") placeholder="m-…, s-…"
                    value=field(|l| l.image.clone().unwrap_or_default()) on_change=typed("image-id", |l, v| { l.image = optional(v.trim().to_string()); if l.image.is_some() { l.image_family = None } })/>
                <LaunchFamily i launch choices/>
                <Input id=format!("launch-{i}-amount") whole=true label=state.t("Instances", "实例数量") kind="number" placeholder="1"
                    value=field(|l| l.amount.map(|n| n.to_string()).unwrap_or_default())
                    on_change=typed("amount", |l, v| l.amount = v.trim().parse().ok())/>
                <Input id=format!("launch-{i}-disk") whole=true label=state.t("System disk (GiB)", "系统盘（GiB）") kind="number" placeholder=state.t("default", "默认")
                    value=field(|l| l.system_disk.as_ref().and_then(|d| d.size_gib).map(|s| s.to_string()).unwrap_or_default())
                    on_change=typed("disk", |l, v| {
                        let size = v.trim().parse().ok();
                        match (&mut l.system_disk, size) {
                            (Some(disk), _) => disk.size_gib = size,
                            (None, Some(_)) => l.system_disk = Some(SystemDisk { size_gib: size, ..SystemDisk::default() }),
                            (None, None) => {}
                        }
                    })/>
            </div>
            {move || unknown_image.get().map(|(image, region)| {
                let (shown, named) = (image.clone(), image.clone());
                view! {
                <p class="eip-note" id=format!("launch-{i}-unknown-image")>
                    {move || crate::tr!(
                        state.lang.get(),
                        format!("The planner does not know {shown} yet. If it is your own image, describe it (architecture, boot mode, NVMe driver) and the launch is checked against it. "),
                        format!("规划器尚不了解 {shown}。如果这是您自己的镜像，请描述它（架构、引导模式、NVMe 驱动），启动实例将据此检查。")
                    ).into_string()}
                    <button class="eip-link" id=format!("launch-{i}-describe-image")
                        on:click=move |_| state.describe_image(image.clone(), region.clone())>
                        {move || crate::tr!(state.lang.get(), format!("Describe {named}"), format!("描述镜像 {named}")).into_string()}
                    </button>
                </p>
            }})}
        </div>
    }
}

/// The remove button's label of a row: "Remove launch #3" ("从计划中移除启动实例 #3").
pub(super) fn remove_label(state: AppState, item: Item) -> String {
    let lang = state.lang.get();
    let title = item.title(lang);
    let mut chars = title.chars();
    let lowered: String = chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default();
    crate::tr!(
        lang,
        format!("Remove {lowered}"),
        format!("从计划中移除{title}")
    )
    .into_string()
}
