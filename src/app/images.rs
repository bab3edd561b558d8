//! The images part of the plan: the use-case helper, the account's own custom and shared
//! images, and a form to add one.

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use super::controls::{static_options, Input, Select};
use super::labels::Badge;
use super::plan::{count, fold, row_class};
use super::state::{item_dom_id, AppState, GuideTopic};
use crate::core::guide::{self, Need};
use crate::core::model::{Image, ImageType};

/// Parses a contract enum spelling (`"arm64"`, `"UEFI-Preferred"`) with its serde name.
pub fn parse_enum<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(text.to_string())).ok()
}

/// The contract spelling of an enum value.
pub fn enum_text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The use-case helper: which image type fits what the instance should start with.
#[component]
pub fn UseCaseHelper() -> impl IntoView {
    let state = AppState::get();
    let need = RwSignal::new(None::<Need>);
    view! {
        <fieldset class="eip-usecase">
            <legend>"What should the instance start with?"</legend>
            {Need::ALL.into_iter().enumerate().map(|(n, option)| {
                let rec = guide::recommend(option);
                let id = format!("need-{n}");
                view! {
                    <label class="eip-check">
                        <input type="radio" name="need" id=id
                            prop:checked=move || need.get() == Some(option)
                            on:change=move |_| need.set(Some(option))/>
                        {rec.label}
                    </label>
                }
            }).collect_view()}
            <p id="usecase-answer" aria-live="polite">
                {move || need.get().map(|n| {
                    let rec = guide::recommend(n);
                    let title = guide::image_type_guide(rec.kind).title;
                    view! {
                        <strong>"Use a " {title.to_lowercase()} ". "</strong>
                        {rec.why}
                        " "
                        <button class="eip-link" on:click=move |_| state.guide.set(Some(GuideTopic::ImageTypes))>"Compare image types"</button>
                    }
                })}
            </p>
        </fieldset>
    }
}

/// The images section of the plan column.
#[component]
pub fn ImagesSection() -> impl IntoView {
    let state = AppState::get();
    let len = count(|p| p.images.len());
    let (shown, more) = fold("images", len);
    view! {
        <section class="eip-section" aria-labelledby="images-h">
            <h3 id="images-h">"Images "
                <button class="eip-help-button" aria-label="About image types" title="About image types"
                    on:click=move |_| state.guide.set(Some(GuideTopic::ImageTypes))>"?"</button>
            </h3>
            <UseCaseHelper/>
            <h4>"Your custom and shared images"</h4>
            <Show when=move || len.get() == 0>
                <p class="eip-muted">"None yet. Public, Marketplace and community images come from the catalog; add your own below."</p>
            </Show>
            <ul class="eip-list">
                <For each=move || 0..shown.get() key=|i| *i let:i>
                    {
                        let key = format!("/images/{i}");
                        let summary = move || state.plan.with(|p| p.images.get(i).map(|img| {
                            let regions = img.regions.as_ref().map(|r| r.join(", ")).unwrap_or_else(|| "all regions".into());
                            format!("{} · {} · {} · {} · {}", img.id, enum_text(&img.kind), img.os.clone().unwrap_or_default(), enum_text(&img.arch), regions)
                        }).unwrap_or_default());
                        view! {
                            <li class=row_class(key.clone()) id=item_dom_id(&key) tabindex="-1">
                                <span class="eip-mono">{summary}</span>
                                <Badge key=key.clone()/>
                                <button class="eip-icon-button" aria-label=format!("Remove image #{i}")
                                    on:click=move |_| state.edit(|p| if i < p.images.len() { p.images.remove(i); })>"×"</button>
                            </li>
                        }
                    }
                </For>
            </ul>
            {more}
            <AddImageForm/>
        </section>
    }
}

#[component]
fn AddImageForm() -> impl IntoView {
    let state = AppState::get();
    let id = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new("custom".to_string());
    let os = RwSignal::new(String::new());
    let platform = RwSignal::new("linux".to_string());
    let arch = RwSignal::new("x86_64".to_string());
    let boot = RwSignal::new("BIOS".to_string());
    let nvme = RwSignal::new("unsupported".to_string());
    let size = RwSignal::new(String::new());
    let region = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let regions: Vec<(String, String)> = crate::core::catalog::Catalog::builtin()
        .regions
        .iter()
        .map(|r| (r.id.clone(), r.id.clone()))
        .collect();
    let setter = |s: RwSignal<String>| Callback::new(move |v: String| s.set(v));
    let add = move |_| {
        let image_id = id.get().trim().to_string();
        if image_id.is_empty() || region.get().is_empty() {
            error.set("Give the image an ID (m-…) and the region it is in.".into());
            return;
        }
        let image = Image {
            id: image_id,
            name: Some(name.get()).filter(|n| !n.trim().is_empty()),
            kind: parse_enum(&kind.get()).unwrap_or(ImageType::Custom),
            os: Some(os.get()).filter(|o| !o.trim().is_empty()),
            platform: parse_enum(&platform.get()).unwrap_or_default(),
            arch: parse_enum(&arch.get()).unwrap_or_default(),
            boot_mode: parse_enum(&boot.get()).unwrap_or_default(),
            nvme: parse_enum(&nvme.get()).unwrap_or_default(),
            size_gib: size.get().trim().parse().ok(),
            regions: Some(vec![region.get()]),
            ..Image::default()
        };
        error.set(String::new());
        state.edit(|p| p.images.push(image));
        id.set(String::new());
        name.set(String::new());
    };
    view! {
        <details class="eip-form">
            <summary>"Add a custom or shared image"</summary>
            <div class="eip-grid">
                <Input id="new-image-id" label="Image ID" placeholder="m-bp1…" value=id on_change=setter(id)/>
                <Input id="new-image-name" label="Name" placeholder="optional" value=name on_change=setter(name)/>
                <Select id="new-image-type" label="Type" value=kind on_change=setter(kind)
                    options=static_options(&[("custom", "Custom (yours)"), ("shared", "Shared with you")])/>
                <Select id="new-image-region" label="Region" value=region on_change=setter(region) options=regions/>
                <Input id="new-image-os" label="OS" placeholder="Ubuntu 24.04" value=os on_change=setter(os)/>
                <Select id="new-image-platform" label="Platform" value=platform on_change=setter(platform)
                    options=static_options(&[("linux", "Linux"), ("windows", "Windows")])/>
                <Select id="new-image-arch" label="Architecture" value=arch on_change=setter(arch)
                    options=static_options(&[("x86_64", "x86_64"), ("arm64", "arm64"), ("i386", "i386 (32-bit)")])/>
                <Select id="new-image-boot" label="Boot mode" value=boot on_change=setter(boot)
                    options=static_options(&[("BIOS", "BIOS"), ("UEFI", "UEFI"), ("UEFI-Preferred", "UEFI-Preferred")])/>
                <Select id="new-image-nvme" label="NVMe driver" value=nvme on_change=setter(nvme)
                    options=static_options(&[("unsupported", "No"), ("supported", "Yes")])/>
                <Input id="new-image-size" whole=true label="Size (GiB)" kind="number" placeholder="40" value=size on_change=setter(size)/>
            </div>
            <p class="eip-error-text" role="alert">{error}</p>
            <button id="add-image" on:click=add>"Add image"</button>
        </details>
    }
}
