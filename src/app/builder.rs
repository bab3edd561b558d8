//! Plan rows for Image Builder pipelines and OOS image updates (CONTRACT §4.5-4.6): a pipeline
//! form (base image or family, build instance, regions to distribute to, accounts, build
//! content with a live size counter) and an update form. What they make is counted by the
//! core's ledger, which the quota gauges read.

use leptos::prelude::*;

use super::controls::{bind_account_list, bind_text, options_in, Input, Select};
use super::labels::Badge;
use super::plan::{count, remove_label, row_class, text, Choices};
use super::state::{item_dom_id, AppState, GuideTopic};
use crate::core::accounts::AccountList;
use crate::core::catalog::Catalog;
use crate::core::i18n;
use crate::core::item::Item;
use crate::core::model::{optional, Image, Pipeline, Plan, Update};
use crate::core::pipeline::{described_from_base, ContentSize};
use crate::core::rules::pipeline::MAX_PIPELINE_LIST;

/// The row heading: title, badge, remove button.
fn head(item: Item, key: String, remove: fn(&mut Plan, usize), i: usize) -> impl IntoView {
    let state = AppState::get();
    view! {
        <div class="eip-item-head">
            <strong>{move || item.title(state.lang.get())}</strong>
            <Badge key=key/>
            <button class="eip-icon-button" aria-label=move || remove_label(state, item)
                on:click=move |_| state.edit(|p| remove(p, i))>"×"</button>
        </div>
    }
}

/// Planned Image Builder pipelines.
#[component]
pub fn Pipelines(choices: Choices) -> impl IntoView {
    let state = AppState::get();
    let len = count(|p| p.pipelines.len());
    let add = move |_| {
        let region = state
            .regions()
            .into_iter()
            .next()
            .unwrap_or_else(|| "cn-hangzhou".into());
        state.edit(|p| {
            let n = p.pipelines.len();
            let id = format!("built-image-{n}");
            p.pipelines.push(Pipeline {
                region: Some(region),
                image: Image {
                    id: id.clone(),
                    name: Some(id),
                    ..Image::default()
                },
                ..Pipeline::default()
            })
        });
    };
    view! {
        <section class="eip-section" aria-labelledby="pipelines-h">
            <h3 id="pipelines-h">{state.t("Image Builder pipelines ", "镜像构建流水线 ")}
                <span class="eip-muted">{state.t("(build once, distribute to regions and accounts)", "（构建一次，分发到多个地域和账号）")}</span>
                " "
                <button class="eip-link" id="pipelines-guide"
                    on:click=move |_| state.guide.set(Some(GuideTopic::ImageBuilder))>{super::guide::topic_label(state, GuideTopic::ImageBuilder)}</button>
            </h3>
            <For each=move || 0..len.get() key=|i| *i let:i>
                <PipelineRow i choices/>
            </For>
            <button id="add-pipeline" on:click=add>{state.t("Add pipeline", "添加镜像构建流水线")}</button>
        </section>
    }
}

/// Where a pipeline's base comes from (BaseImageType).
#[derive(Clone, Copy, PartialEq)]
enum BaseKind {
    Image,
    Family,
}

#[component]
fn PipelineRow(i: usize, choices: Choices) -> impl IntoView {
    let state = AppState::get();
    let key = format!("/pipelines/{i}");
    let set = move |f: fn(&mut Pipeline, String)| {
        Callback::new(move |v: String| {
            state.edit(|p| {
                if let Some(x) = p.pipelines.get_mut(i) {
                    f(x, v)
                }
            })
        })
    };
    let field =
        move |f: fn(&Pipeline) -> Option<String>| text(move |p| p.pipelines.get(i).and_then(f));
    let kind = Memo::new(move |_| {
        state.plan.with(|p| match p.pipelines.get(i) {
            Some(x) if x.base_family.is_some() && x.base_image.is_none() => BaseKind::Family,
            _ => BaseKind::Image,
        })
    });
    let set_kind = Callback::new(move |v: String| {
        state.edit(|p| {
            if let Some(x) = p.pipelines.get_mut(i) {
                if v == "IMAGE_FAMILY" {
                    x.base_family = x.base_family.take().or(Some(String::new()));
                    x.base_image = None;
                } else {
                    x.base_image = x.base_image.take().or(Some(String::new()));
                    x.base_family = None;
                }
            }
        })
    });
    let set_base = Callback::new(move |v: String| {
        state.edit(|p| {
            let base = p
                .images
                .iter()
                .find(|image| image.id == v)
                .or_else(|| Catalog::builtin().image(&v))
                .cloned();
            if let Some(x) = p.pipelines.get_mut(i) {
                if let Some(base) = base {
                    x.image = described_from_base(&x.image, &base);
                }
                x.base_image = optional(v);
            }
        })
    });
    let to_regions = Memo::new(move |_| {
        state.plan.with(|p| {
            p.pipelines
                .get(i)
                .map(|x| x.to_regions.clone())
                .unwrap_or_default()
        })
    });
    let accounts = Memo::new(move |_| {
        state.plan.with(|p| {
            p.pipelines
                .get(i)
                .map(|x| x.share_accounts.clone())
                .unwrap_or_default()
        })
    });
    let accounts_node = NodeRef::<leptos::html::Textarea>::new();
    bind_account_list(accounts_node, accounts);
    let content = Memo::new(move |_| {
        state.plan.with(|p| {
            p.pipelines
                .get(i)
                .and_then(|x| x.build_content.clone())
                .unwrap_or_default()
        })
    });
    let content_node = NodeRef::<leptos::html::Textarea>::new();
    bind_text(
        move || content_node.get(),
        content.into(),
        |typed, shown| typed == shown,
    );
    // The counter follows every key: the plan changes as the field is typed into.
    let size = Memo::new(move |_| content.with(|c| ContentSize::of(c)));
    let pick = RwSignal::new(String::new());
    let content_id = format!("pipeline-{i}-content");
    let accounts_id = format!("pipeline-{i}-accounts");
    let counter_id = format!("pipeline-{i}-content-size");
    let counter_ref = counter_id.clone();
    view! {
        <div class=row_class(key.clone()) id=item_dom_id(&key) tabindex="-1">
            {head(Item::Pipeline(i), key.clone(), |p, i| if i < p.pipelines.len() { p.pipelines.remove(i); }, i)}
            <div class="eip-grid">
                <Input id=format!("pipeline-{i}-name") label=state.t("Template name (Name)", "模板名称（Name）") placeholder=state.t("optional", "可选")
                    value=field(|x| x.name.clone()) on_change=set(|x, v| x.name = optional(v.trim().to_string()))/>
                <Select id=format!("pipeline-{i}-region") pointer=format!("/pipelines/{i}/region") label=state.t("Build region", "构建地域") options=choices.regions
                    value=field(|x| x.region.clone()) on_change=set(|x, v| x.region = optional(v))/>
                <Select id=format!("pipeline-{i}-base-type") label=state.t("Build from (BaseImageType)", "构建基础（BaseImageType）")
                    options=options_in(&[("IMAGE", "An image (IMAGE)", "镜像（IMAGE）"), ("IMAGE_FAMILY", "An image family (IMAGE_FAMILY)", "镜像族系（IMAGE_FAMILY）")])
                    value=Signal::derive(move || if kind.get() == BaseKind::Family { "IMAGE_FAMILY".to_string() } else { "IMAGE".to_string() })
                    on_change=set_kind/>
                <Show when=move || kind.get() == BaseKind::Image fallback=move || view! {
                    <Input id=format!("pipeline-{i}-base-family") label=state.t("Base image family", "基础镜像族系") placeholder="acs:alibaba_cloud_linux_3_2104_lts_x64"
                        value=field(|x| x.base_family.clone()) on_change=set(|x, v| x.base_family = Some(v.trim().to_string()))/>
                }>
                    <Select id=format!("pipeline-{i}-base") pointer=format!("/pipelines/{i}/base_image") label=state.t("Base image", "基础镜像") options=choices.images
                        value=field(|x| x.base_image.clone()) on_change=set_base/>
                </Show>
                <Select id=format!("pipeline-{i}-type") label=state.t("Build instance type (billed pay-as-you-go while it builds)", "构建实例规格（构建期间按量付费）") options=choices.types
                    value=field(|x| x.instance_type.clone()) on_change=set(|x, v| x.instance_type = optional(v))/>
                <Input id=format!("pipeline-{i}-disk") whole=true label=state.t("Build system disk (GiB, 20-500)", "构建系统盘（GiB，20-500）") kind="number" placeholder="40"
                    value=field(|x| x.system_disk_gib.map(|s| s.to_string()))
                    on_change=set(|x, v| x.system_disk_gib = v.trim().parse().ok())/>
                <Input id=format!("pipeline-{i}-image-id") label=state.t("ID the plan uses for the built image", "计划中构建出的镜像所用的 ID") placeholder="web-golden"
                    value=field(|x| Some(x.image.id.clone())) on_change=set(|x, v| x.image.id = v.trim().to_string())/>
                <Input id=format!("pipeline-{i}-image-name") label=state.t("Image name prefix (ImageOptions.ImageName)", "镜像名称前缀（ImageOptions.ImageName）") placeholder=state.t("optional, 2-64 characters", "可选，2-64 个字符")
                    value=field(|x| x.image.name.clone()) on_change=set(|x, v| x.image.name = optional(v.trim().to_string()))/>
            </div>
            <div class="eip-field">
                <span id=format!("pipeline-{i}-regions-label")>
                    {state.t("Distribute to regions (ToRegionId) · ", "分发到地域（ToRegionId）· ")}
                    <span class="eip-count">{move || crate::tr!(
                        state.lang.get(),
                        format!("{} of {MAX_PIPELINE_LIST}", to_regions.with(Vec::len)),
                        format!("{} / {MAX_PIPELINE_LIST}", to_regions.with(Vec::len))
                    ).into_string()}</span>
                </span>
                <ul class="eip-chips" id=format!("pipeline-{i}-regions")>
                    {move || to_regions.get().into_iter().enumerate().map(|(m, region)| view! {
                        <li class="eip-chip">
                            <code>{region.clone()}</code>
                            <button class="eip-icon-button" aria-label={
                                let region = region.clone();
                                move || crate::tr!(
                                    state.lang.get(),
                                    format!("Stop distributing pipeline #{i} to {region}"),
                                    format!("停止将镜像构建流水线 #{i} 分发到 {region}")
                                ).into_string()
                            }
                                on:click=move |_| state.edit(|p| if let Some(x) = p.pipelines.get_mut(i) { if m < x.to_regions.len() { x.to_regions.remove(m); } })>"×"</button>
                        </li>
                    }).collect_view()}
                </ul>
                <div class="eip-row">
                    <Select id=format!("pipeline-{i}-add-region") label=state.t("Add a region to distribute to", "添加分发地域") options=choices.regions value=pick
                        on_change=Callback::new(move |v: String| pick.set(v))/>
                    <button id=format!("pipeline-{i}-add-region-button") on:click=move |_| {
                        let region = pick.get_untracked();
                        if region.is_empty() {
                            return;
                        }
                        state.edit(|p| if let Some(x) = p.pipelines.get_mut(i) {
                            if !x.to_regions.contains(&region) { x.to_regions.push(region) }
                        });
                    }>{state.t("Distribute there", "分发到该地域")}</button>
                </div>
            </div>
            <label class="eip-field">
                <span>{state.t("Share with accounts (AddAccount; commas, spaces or new lines) · ", "共享给账号（AddAccount；以逗号、空格或换行分隔）· ")}
                    <span class="eip-count">{move || {
                        let n = accounts.with(Vec::len);
                        crate::tr!(
                            state.lang.get(),
                            format!("{n} of {}", i18n::count_en(MAX_PIPELINE_LIST, "account", "accounts")),
                            format!("{n} / {MAX_PIPELINE_LIST} 个账号")
                        ).into_string()
                    }}</span>
                </span>
                <textarea id=accounts_id.clone() rows="2" node_ref=accounts_node
                    on:input:target=move |ev| {
                        let list = AccountList::parse(&ev.target().value());
                        state.edit_typing(&accounts_id, |p| if let Some(x) = p.pipelines.get_mut(i) { x.share_accounts = list.accounts });
                    }
                ></textarea>
            </label>
            <label class="eip-field">
                <span>{state.t("Build content (BuildContent: RUN, COPY, ENV, … at most 16 KB)", "构建内容（BuildContent：RUN、COPY、ENV 等，最多 16 KB）")}</span>
                <textarea id=content_id.clone() rows="5" spellcheck="false" aria-describedby=counter_ref node_ref=content_node
                    on:input:target=move |ev| {
                        let content = ev.target().value();
                        state.edit_typing(&content_id, |p| if let Some(x) = p.pipelines.get_mut(i) { x.build_content = optional(content) });
                    }
                ></textarea>
                <span id=counter_id class="eip-count" class:is-over=move || !size.get().fits() aria-live="polite">
                    {move || {
                        let (size, lang) = (size.get(), state.lang.get());
                        if size.fits() {
                            size.label(lang)
                        } else {
                            crate::tr!(lang, format!("{} · over the limit", size.label(lang)), format!("{} · 超出上限", size.label(lang))).into_string()
                        }
                    }}
                </span>
            </label>
        </div>
    }
}

/// Planned image updates (OOS template ACS-ECS-UpdateImage).
#[component]
pub fn Updates(choices: Choices) -> impl IntoView {
    let state = AppState::get();
    let len = count(|p| p.updates.len());
    let add = move |_| {
        let image = choices
            .own_images
            .with_untracked(|l| l.first().map(|(id, _)| id.clone()));
        state.edit(|p| {
            p.updates.push(Update {
                image: image.and_then(optional),
                instance_type: Some("ecs.g7.large".into()),
                ..Update::default()
            })
        });
    };
    view! {
        <section class="eip-section" aria-labelledby="updates-h">
            <h3 id="updates-h">{state.t("Image updates ", "镜像更新 ")}
                <span class="eip-muted">{state.t("(OOS template ACS-ECS-UpdateImage: run commands, make a new image)", "（OOS 模板 ACS-ECS-UpdateImage：运行命令，生成新镜像）")}</span>
            </h3>
            <For each=move || 0..len.get() key=|i| *i let:i>
                {
                    let key = format!("/updates/{i}");
                    let set = move |f: fn(&mut Update, String)| Callback::new(move |v: String| state.edit(|p| if let Some(u) = p.updates.get_mut(i) { f(u, v) }));
                    let field = move |f: fn(&Update) -> Option<String>| text(move |p| p.updates.get(i).and_then(f));
                    view! {
                        <div class=row_class(key.clone()) id=item_dom_id(&key) tabindex="-1">
                            {head(Item::Update(i), key.clone(), |p, i| if i < p.updates.len() { p.updates.remove(i); }, i)}
                            <div class="eip-grid">
                                <Select id=format!("update-{i}-image") pointer=format!("/updates/{i}/image") label=state.t("Your custom image (sourceImageId)", "您的自定义镜像（sourceImageId）") options=choices.own_images
                                    value=field(|u| u.image.clone()) on_change=set(|u, v| u.image = optional(v))/>
                                <Select id=format!("update-{i}-region") pointer=format!("/updates/{i}/region") label=state.t("Region (default: the image's)", "地域（默认：镜像所在地域）") options=choices.regions
                                    value=field(|u| u.region.clone()) on_change=set(|u, v| u.region = optional(v))/>
                                <Input id=format!("update-{i}-name") label=state.t("New image name (targetImageName)", "新镜像名称（targetImageName）") placeholder=state.t("optional", "可选")
                                    value=field(|u| u.name.clone()) on_change=set(|u, v| u.name = optional(v.trim().to_string()))/>
                                <Select id=format!("update-{i}-type") pointer=format!("/updates/{i}/instance_type") label=state.t("Temporary instance type (instanceType)", "临时实例规格（instanceType）") options=choices.types
                                    value=field(|u| u.instance_type.clone()) on_change=set(|u, v| u.instance_type = optional(v))/>
                            </div>
                            <label class="eip-field">
                                <span>{state.t("Commands (commandContent, run by Cloud Assistant)", "命令（commandContent，由云助手运行）")}</span>
                                <UpdateCommands i/>
                            </label>
                        </div>
                    }
                }
            </For>
            <button id="add-update" on:click=add>{state.t("Add update", "添加镜像更新")}</button>
        </section>
    }
}

/// An update's commands, committed as they are typed.
#[component]
fn UpdateCommands(i: usize) -> impl IntoView {
    let state = AppState::get();
    let id = format!("update-{i}-commands");
    let node = NodeRef::<leptos::html::Textarea>::new();
    bind_text(
        move || node.get(),
        Signal::derive(move || {
            state.plan.with(|p| {
                p.updates
                    .get(i)
                    .and_then(|u| u.commands.clone())
                    .unwrap_or_default()
            })
        }),
        |typed, shown| typed == shown,
    );
    let group = id.clone();
    view! {
        <textarea id=id rows="3" spellcheck="false" node_ref=node
            on:input:target=move |ev| {
                let commands = ev.target().value();
                state.edit_typing(&group, |p| if let Some(u) = p.updates.get_mut(i) { u.commands = optional(commands) });
            }
        ></textarea>
    }
}
