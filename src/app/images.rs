//! The images part of the plan: the use-case helper, the account's own custom and shared
//! images, and a form to add one.

use leptos::prelude::*;

use super::controls::{static_options, Input, Select};
use super::guide::{term, topic_label};
use super::labels::Badge;
use super::plan::{count, fold, row_class};
use super::state::{focus_by_id, item_dom_id, AppState, GuideTopic};
use crate::core::accounts::AccountList;
use crate::core::guide::{self, Need};
use crate::core::model::{Image, ImageType, NvmeSupport};

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
                        {term(state, rec.label)}
                    </label>
                }
            }).collect_view()}
            <p id="usecase-answer" aria-live="polite">
                {move || need.get().map(|n| {
                    let rec = guide::recommend(n);
                    let title = guide::image_type_guide(rec.kind).title;
                    let lang = state.lang.get();
                    view! {
                        <strong>{crate::tr!(lang, format!("Use a {}. ", title.en.to_lowercase()), format!("使用{}。", title.zh)).into_string()}</strong>
                        {rec.why.get(lang)}
                        " "
                        <button class="eip-link" on:click=move |_| state.guide.set(Some(GuideTopic::ImageTypes))>{state.t("Compare image types", "比较镜像类型")}</button>
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
    // The image row being edited in place, if any.
    let editing = RwSignal::new(None::<usize>);
    view! {
        <section class="eip-section" aria-labelledby="images-h">
            <h3 id="images-h">"Images "
                <button class="eip-help-button" aria-label=topic_label(state, GuideTopic::ImageTypes) title=topic_label(state, GuideTopic::ImageTypes)
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
                        let summary = move || state.plan.with(|p| p.images.get(i).map(image_summary).unwrap_or_default());
                        view! {
                            <li class=row_class(key.clone()) id=item_dom_id(&key) tabindex="-1">
                                <div class="eip-item-head">
                                    <span class="eip-mono">{summary}</span>
                                    <Badge key=key.clone()/>
                                    <button class="eip-link" id=format!("edit-image-{i}")
                                        aria-expanded=move || (editing.get() == Some(i)).to_string()
                                        on:click=move |_| editing.update(|e| *e = if *e == Some(i) { None } else { Some(i) })>
                                        "Edit"
                                    </button>
                                    <button class="eip-icon-button" aria-label=format!("Remove image #{i}")
                                        on:click=move |_| {
                                            editing.set(None);
                                            state.remove_item("images", i, "add-image-summary", |p| if i < p.images.len() { p.images.remove(i); });
                                        }>"×"</button>
                                </div>
                                <Show when=move || editing.get() == Some(i)>
                                    <ImageForm editing=Some(i) on_done=Callback::new(move |_| {
                                        editing.set(None);
                                        focus_by_id(&format!("edit-image-{i}"));
                                    })/>
                                </Show>
                            </li>
                        }
                    }
                </For>
            </ul>
            {more}
            <AddImage/>
        </section>
    }
}

/// One line about an image: ID, type, OS, architecture, boot mode, NVMe, regions.
fn image_summary(img: &Image) -> String {
    let regions = img
        .regions
        .as_ref()
        .map(|r| r.join(", "))
        .unwrap_or_else(|| "all regions".into());
    let nvme = match img.nvme {
        NvmeSupport::Supported => "NVMe driver",
        NvmeSupport::Unsupported => "no NVMe driver",
    };
    let mut line = format!(
        "{} · {} · {} · {} · {} · {nvme} · {regions}",
        img.id,
        img.kind.as_str(),
        img.os.clone().unwrap_or_else(|| "OS not given".into()),
        img.arch.as_str(),
        img.boot_mode.as_str(),
    );
    if !img.shared_with.is_empty() {
        line.push_str(&format!(
            " · shared with {} account(s)",
            img.shared_with.len()
        ));
    }
    line
}

/// The "add an image" disclosure, which also opens when the user asks to describe an image
/// ID a launch names.
#[component]
fn AddImage() -> impl IntoView {
    let state = AppState::get();
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        if state.describe.with(Option::is_some) {
            open.set(true);
        }
    });
    view! {
        <details class="eip-form" prop:open=open on:toggle:target=move |ev| open.set(ev.target().open())>
            <summary id="add-image-summary">"Add a custom or shared image"</summary>
            <Show when=move || open.get()>
                <ImageForm editing=None on_done=Callback::new(move |_| {})/>
            </Show>
        </details>
    }
}

/// What the form holds while the user fills it in.
#[derive(Clone, Copy)]
struct Draft {
    id: RwSignal<String>,
    name: RwSignal<String>,
    kind: RwSignal<String>,
    region: RwSignal<String>,
    os: RwSignal<String>,
    platform: RwSignal<String>,
    arch: RwSignal<String>,
    boot: RwSignal<String>,
    nvme: RwSignal<String>,
    size: RwSignal<String>,
    shared_with: RwSignal<String>,
}

impl Draft {
    /// An empty draft: the attributes that decide compatibility start unanswered.
    fn empty() -> Draft {
        let s = |v: &str| RwSignal::new(v.to_string());
        Draft {
            id: s(""),
            name: s(""),
            kind: s("custom"),
            region: s(""),
            os: s(""),
            platform: s("linux"),
            arch: s(""),
            boot: s(""),
            nvme: s(""),
            size: s(""),
            shared_with: s(""),
        }
    }

    /// A draft holding an image's values.
    fn of(image: &Image) -> Draft {
        let draft = Draft::empty();
        draft.id.set(image.id.clone());
        draft.name.set(image.name.clone().unwrap_or_default());
        draft.kind.set(image.kind.as_str().to_string());
        draft.region.set(
            image
                .regions
                .as_ref()
                .and_then(|r| r.first().cloned())
                .unwrap_or_default(),
        );
        draft.os.set(image.os.clone().unwrap_or_default());
        draft.platform.set(image.platform.as_str().to_string());
        draft.arch.set(image.arch.as_str().to_string());
        draft.boot.set(image.boot_mode.as_str().to_string());
        draft.nvme.set(image.nvme.as_str().to_string());
        draft
            .size
            .set(image.size_gib.map(|s| s.to_string()).unwrap_or_default());
        draft.shared_with.set(AccountList::text(&image.shared_with));
        draft
    }

    /// The first unanswered question, as (field id, what to ask).
    fn missing(&self, prefix: &str) -> Option<(String, String)> {
        let questions = [
            (self.id, "id", "Give the image its ID (m-…)."),
            (self.region, "region", "Pick the region the image is in."),
            (self.arch, "arch", "Which architecture is the image built for? DescribeImages shows it as Architecture."),
            (self.boot, "boot", "Which boot mode does the image use? DescribeImages shows it as BootMode."),
            (self.nvme, "nvme", "Does the image hold the NVMe driver? DescribeImages shows it as Features.NvmeSupport; images made from 7th-generation and newer instances usually do."),
        ];
        questions
            .into_iter()
            .find(|(signal, _, _)| signal.with_untracked(|v| v.trim().is_empty()))
            .map(|(_, field, text)| (format!("{prefix}-{field}"), text.to_string()))
    }

    /// The image the draft describes, over `base` (the attributes the form does not show).
    fn image(&self, base: Image) -> Image {
        let region = self.region.get_untracked();
        let regions = match base.regions {
            Some(regions) if regions.len() > 1 && regions.contains(&region) => Some(regions),
            _ => Some(vec![region]),
        };
        Image {
            id: self.id.get_untracked().trim().to_string(),
            name: Some(self.name.get_untracked()).filter(|n| !n.trim().is_empty()),
            kind: self
                .kind
                .get_untracked()
                .parse()
                .ok()
                .unwrap_or(ImageType::Custom),
            os: Some(self.os.get_untracked()).filter(|o| !o.trim().is_empty()),
            platform: self
                .platform
                .get_untracked()
                .parse()
                .ok()
                .unwrap_or_default(),
            arch: self.arch.get_untracked().parse().ok().unwrap_or_default(),
            boot_mode: self.boot.get_untracked().parse().ok().unwrap_or_default(),
            nvme: self.nvme.get_untracked().parse().ok().unwrap_or_default(),
            size_gib: self.size.get_untracked().trim().parse().ok(),
            regions,
            shared_with: AccountList::parse(&self.shared_with.get_untracked()).accounts,
            ..base
        }
    }
}

/// The form that adds an image (`editing: None`) or edits image `i` of the plan in place. The
/// attributes that decide where the image can run (architecture, boot mode, NVMe driver) are
/// asked for, never guessed: a guess of "no NVMe driver" would fail launches on most current
/// instance types, a guess of "yes" could pass a launch that fails.
#[component]
fn ImageForm(editing: Option<usize>, on_done: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let prefix = match editing {
        Some(i) => format!("image-{i}"),
        None => "new-image".to_string(),
    };
    let draft = match editing {
        Some(i) => state
            .plan
            .with_untracked(|p| p.images.get(i).map(Draft::of))
            .unwrap_or_else(Draft::empty),
        None => Draft::empty(),
    };
    let error = RwSignal::new(String::new());
    // Asked to describe an ID a launch names: fill in what is known, ask the rest.
    if editing.is_none() {
        let first_question = prefix.clone();
        Effect::new(move |_| {
            if let Some(request) = state.describe.get() {
                draft.id.set(request.id);
                draft.region.set(request.region);
                state.describe.set(None);
                let focus = draft
                    .missing(&first_question)
                    .map_or_else(|| format!("{first_question}-id"), |(id, _)| id);
                request_animation_frame(move || focus_by_id(&focus));
            }
        });
    }
    let regions: Vec<(String, String)> = crate::core::catalog::Catalog::builtin()
        .regions
        .iter()
        .map(|r| (r.id.clone(), r.id.clone()))
        .collect();
    let setter = |s: RwSignal<String>| Callback::new(move |v: String| s.set(v));
    let save_prefix = prefix.clone();
    let save = move |_| {
        if let Some((field, question)) = draft.missing(&save_prefix) {
            error.set(question);
            focus_by_id(&field);
            return;
        }
        error.set(String::new());
        match editing {
            Some(i) => {
                state.edit(|p| {
                    if let Some(image) = p.images.get_mut(i) {
                        *image = draft.image(image.clone());
                    }
                });
            }
            None => {
                let image = draft.image(Image::default());
                state.edit(|p| match p.images.iter_mut().find(|i| i.id == image.id) {
                    Some(existing) => *existing = image,
                    None => p.images.push(image),
                });
                for field in [
                    draft.id,
                    draft.name,
                    draft.os,
                    draft.size,
                    draft.shared_with,
                ] {
                    field.set(String::new());
                }
                for field in [draft.arch, draft.boot, draft.nvme] {
                    field.set(String::new());
                }
            }
        }
        on_done.run(());
    };
    let id = |field: &str| format!("{prefix}-{field}");
    let unanswered = |pairs: &[(&str, &str)]| {
        let mut list = static_options(&[("", "Not answered yet…")]);
        list.extend(static_options(pairs));
        list
    };
    view! {
        <div class="eip-grid">
            <Input id=id("id") label="Image ID" placeholder="m-bp1…" value=draft.id on_change=setter(draft.id)/>
            <Input id=id("name") label="Name" placeholder="optional" value=draft.name on_change=setter(draft.name)/>
            <Select id=id("type") label="Type" value=draft.kind on_change=setter(draft.kind)
                options=static_options(&[("custom", "Custom (yours)"), ("shared", "Shared with you")])/>
            <Select id=id("region") label="Region" value=draft.region on_change=setter(draft.region) options=regions/>
            <Input id=id("os") label="OS" placeholder="Ubuntu 24.04" value=draft.os on_change=setter(draft.os)/>
            <Select id=id("platform") label="Platform" value=draft.platform on_change=setter(draft.platform)
                options=static_options(&[("linux", "Linux"), ("windows", "Windows")])/>
            <Select id=id("arch") label="Architecture" value=draft.arch on_change=setter(draft.arch)
                options=unanswered(&[("x86_64", "x86_64"), ("arm64", "arm64"), ("i386", "i386 (32-bit)")])/>
            <Select id=id("boot") label="Boot mode" value=draft.boot on_change=setter(draft.boot)
                options=unanswered(&[("BIOS", "BIOS"), ("UEFI", "UEFI"), ("UEFI-Preferred", "UEFI-Preferred")])/>
            <Select id=id("nvme") label="NVMe driver" value=draft.nvme on_change=setter(draft.nvme)
                options=unanswered(&[("supported", "Yes, it has the NVMe driver"), ("unsupported", "No NVMe driver")])/>
            <Input id=id("size") whole=true label="Size (GiB)" kind="number" placeholder="40" value=draft.size on_change=setter(draft.size)/>
            <Input id=id("shared-with") label="Already shared with (account IDs)" placeholder="none"
                value=draft.shared_with on_change=setter(draft.shared_with)/>
        </div>
        <p class="eip-muted">"Not sure? "<code>"aliyun ecs DescribeImages --ImageId m-…"</code>" shows each of these; you can also paste its output under Import."</p>
        <p class="eip-error-text" role="alert" id=id("error")>{error}</p>
        <button id=if editing.is_some() { id("save") } else { "add-image".to_string() } on:click=save>
            {if editing.is_some() { "Save image" } else { "Add image" }}
        </button>
    }
}
