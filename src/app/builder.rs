//! Plan rows for Image Builder pipelines and OOS image updates (CONTRACT §4.5-4.6): a pipeline
//! form (base image or family, build instance, regions to distribute to, accounts, build
//! content with a live size counter) and an update form. What they make is counted by the
//! core's ledger, which the quota gauges read.

use leptos::prelude::*;

use super::controls::{bind_text, static_options, Input, Select};
use super::labels::Badge;
use super::plan::{count, row_class, text, Choices};
use super::state::{item_dom_id, AppState, GuideTopic};
use crate::core::accounts::AccountList;
use crate::core::catalog::Catalog;
use crate::core::model::{optional, Image, Pipeline, Plan, Update};
use crate::core::pipeline::{described_from_base, ContentSize};
use crate::core::rules::pipeline::MAX_PIPELINE_LIST;

/// The row heading: title, badge, remove button.
fn head(title: String, key: String, remove: fn(&mut Plan, usize), i: usize) -> impl IntoView {
    let state = AppState::get();
    view! {
        <div class="eip-item-head">
            <strong>{title.clone()}</strong>
            <Badge key=key/>
            <button class="eip-icon-button" aria-label=format!("Remove {title}")
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
            <h3 id="pipelines-h">"Image Builder pipelines "
                <span class="eip-muted">"(build once, distribute to regions and accounts)"</span>
                " "
                <button class="eip-link" id="pipelines-guide"
                    on:click=move |_| state.guide.set(Some(GuideTopic::ImageBuilder))>{super::guide::topic_label(state, GuideTopic::ImageBuilder)}</button>
            </h3>
            <For each=move || 0..len.get() key=|i| *i let:i>
                <PipelineRow i choices/>
            </For>
            <button id="add-pipeline" on:click=add>"Add pipeline"</button>
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
    bind_text(
        move || accounts_node.get(),
        Signal::derive(move || accounts.with(|a| AccountList::text(a))),
        |typed, shown| AccountList::text(&AccountList::parse(typed).accounts) == shown,
    );
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
            {head(format!("Pipeline #{i}"), key.clone(), |p, i| if i < p.pipelines.len() { p.pipelines.remove(i); }, i)}
            <div class="eip-grid">
                <Input id=format!("pipeline-{i}-name") label="Template name (Name)" placeholder="optional"
                    value=field(|x| x.name.clone()) on_change=set(|x, v| x.name = optional(v.trim().to_string()))/>
                <Select id=format!("pipeline-{i}-region") pointer=format!("/pipelines/{i}/region") label="Build region" options=choices.regions
                    value=field(|x| x.region.clone()) on_change=set(|x, v| x.region = optional(v))/>
                <Select id=format!("pipeline-{i}-base-type") label="Build from (BaseImageType)"
                    options=Signal::stored(static_options(&[("IMAGE", "An image (IMAGE)"), ("IMAGE_FAMILY", "An image family (IMAGE_FAMILY)")]))
                    value=Signal::derive(move || if kind.get() == BaseKind::Family { "IMAGE_FAMILY".to_string() } else { "IMAGE".to_string() })
                    on_change=set_kind/>
                <Show when=move || kind.get() == BaseKind::Image fallback=move || view! {
                    <Input id=format!("pipeline-{i}-base-family") label="Base image family" placeholder="acs:alibaba_cloud_linux_3_2104_lts_x64"
                        value=field(|x| x.base_family.clone()) on_change=set(|x, v| x.base_family = Some(v.trim().to_string()))/>
                }>
                    <Select id=format!("pipeline-{i}-base") pointer=format!("/pipelines/{i}/base_image") label="Base image" options=choices.images
                        value=field(|x| x.base_image.clone()) on_change=set_base/>
                </Show>
                <Select id=format!("pipeline-{i}-type") label="Build instance type (billed pay-as-you-go while it builds)" options=choices.types
                    value=field(|x| x.instance_type.clone()) on_change=set(|x, v| x.instance_type = optional(v))/>
                <Input id=format!("pipeline-{i}-disk") whole=true label="Build system disk (GiB, 20-500)" kind="number" placeholder="40"
                    value=field(|x| x.system_disk_gib.map(|s| s.to_string()))
                    on_change=set(|x, v| x.system_disk_gib = v.trim().parse().ok())/>
                <Input id=format!("pipeline-{i}-image-id") label="ID the plan uses for the built image" placeholder="web-golden"
                    value=field(|x| Some(x.image.id.clone())) on_change=set(|x, v| x.image.id = v.trim().to_string())/>
                <Input id=format!("pipeline-{i}-image-name") label="Image name prefix (ImageOptions.ImageName)" placeholder="optional, 2-64 characters"
                    value=field(|x| x.image.name.clone()) on_change=set(|x, v| x.image.name = optional(v.trim().to_string()))/>
            </div>
            <div class="eip-field">
                <span id=format!("pipeline-{i}-regions-label")>
                    "Distribute to regions (ToRegionId) · "
                    <span class="eip-count">{move || format!("{} of {MAX_PIPELINE_LIST}", to_regions.with(Vec::len))}</span>
                </span>
                <ul class="eip-chips" id=format!("pipeline-{i}-regions")>
                    {move || to_regions.get().into_iter().enumerate().map(|(m, region)| view! {
                        <li class="eip-chip">
                            <code>{region.clone()}</code>
                            <button class="eip-icon-button" aria-label=format!("Stop distributing pipeline #{i} to {region}")
                                on:click=move |_| state.edit(|p| if let Some(x) = p.pipelines.get_mut(i) { if m < x.to_regions.len() { x.to_regions.remove(m); } })>"×"</button>
                        </li>
                    }).collect_view()}
                </ul>
                <div class="eip-row">
                    <Select id=format!("pipeline-{i}-add-region") label="Add a region to distribute to" options=choices.regions value=pick
                        on_change=Callback::new(move |v: String| pick.set(v))/>
                    <button id=format!("pipeline-{i}-add-region-button") on:click=move |_| {
                        let region = pick.get_untracked();
                        if region.is_empty() {
                            return;
                        }
                        state.edit(|p| if let Some(x) = p.pipelines.get_mut(i) {
                            if !x.to_regions.contains(&region) { x.to_regions.push(region) }
                        });
                    }>"Distribute there"</button>
                </div>
            </div>
            <label class="eip-field">
                <span>"Share with accounts (AddAccount; commas, spaces or new lines) · "
                    <span class="eip-count">{move || format!("{} of {MAX_PIPELINE_LIST} account(s)", accounts.with(Vec::len))}</span>
                </span>
                <textarea id=accounts_id.clone() rows="2" node_ref=accounts_node
                    on:input:target=move |ev| {
                        let list = AccountList::parse(&ev.target().value());
                        state.edit_typing(&accounts_id, |p| if let Some(x) = p.pipelines.get_mut(i) { x.share_accounts = list.accounts });
                    }
                ></textarea>
            </label>
            <label class="eip-field">
                <span>"Build content (BuildContent: RUN, COPY, ENV, … at most 16 KB)"</span>
                <textarea id=content_id.clone() rows="5" spellcheck="false" aria-describedby=counter_ref node_ref=content_node
                    on:input:target=move |ev| {
                        let content = ev.target().value();
                        state.edit_typing(&content_id, |p| if let Some(x) = p.pipelines.get_mut(i) { x.build_content = optional(content) });
                    }
                ></textarea>
                <span id=counter_id class="eip-count" class:is-over=move || !size.get().fits() aria-live="polite">
                    {move || {
                        let size = size.get();
                        if size.fits() { size.label() } else { format!("{} · over the limit", size.label()) }
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
            <h3 id="updates-h">"Image updates "
                <span class="eip-muted">"(OOS template ACS-ECS-UpdateImage: run commands, make a new image)"</span>
            </h3>
            <For each=move || 0..len.get() key=|i| *i let:i>
                {
                    let key = format!("/updates/{i}");
                    let set = move |f: fn(&mut Update, String)| Callback::new(move |v: String| state.edit(|p| if let Some(u) = p.updates.get_mut(i) { f(u, v) }));
                    let field = move |f: fn(&Update) -> Option<String>| text(move |p| p.updates.get(i).and_then(f));
                    view! {
                        <div class=row_class(key.clone()) id=item_dom_id(&key) tabindex="-1">
                            {head(format!("Update #{i}"), key.clone(), |p, i| if i < p.updates.len() { p.updates.remove(i); }, i)}
                            <div class="eip-grid">
                                <Select id=format!("update-{i}-image") pointer=format!("/updates/{i}/image") label="Your custom image (sourceImageId)" options=choices.own_images
                                    value=field(|u| u.image.clone()) on_change=set(|u, v| u.image = optional(v))/>
                                <Select id=format!("update-{i}-region") pointer=format!("/updates/{i}/region") label="Region (default: the image's)" options=choices.regions
                                    value=field(|u| u.region.clone()) on_change=set(|u, v| u.region = optional(v))/>
                                <Input id=format!("update-{i}-name") label="New image name (targetImageName)" placeholder="optional"
                                    value=field(|u| u.name.clone()) on_change=set(|u, v| u.name = optional(v.trim().to_string()))/>
                                <Select id=format!("update-{i}-type") pointer=format!("/updates/{i}/instance_type") label="Temporary instance type (instanceType)" options=choices.types
                                    value=field(|u| u.instance_type.clone()) on_change=set(|u, v| u.instance_type = optional(v))/>
                            </div>
                            <label class="eip-field">
                                <span>"Commands (commandContent, run by Cloud Assistant)"</span>
                                <UpdateCommands i/>
                            </label>
                        </div>
                    }
                }
            </For>
            <button id="add-update" on:click=add>"Add update"</button>
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
