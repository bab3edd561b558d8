//! The images part of the plan: the use-case helper, the account's own custom and shared
//! images, and a form to add one.

use leptos::prelude::*;

use super::controls::{options_in, static_options, Input, Select};
use super::guide::{term, topic_label};
use super::labels::Badge;
use super::plan::{count, fold, remove_label, row_class};
use super::state::{focus_by_id, item_dom_id, AppState, GuideTopic};
use crate::core::accounts::AccountList;
use crate::core::guide::{self, Need};
use crate::core::i18n::{count_en, join, Lang, Term};
use crate::core::item::Item;
use crate::core::model::{Image, ImageType, NvmeSupport};
use crate::tr;

/// The use-case helper: which image type fits what the instance should start with.
#[component]
pub fn UseCaseHelper() -> impl IntoView {
    let state = AppState::get();
    let need = RwSignal::new(None::<Need>);
    view! {
        <fieldset class="eip-usecase">
            <legend>{state.t("What should the instance start with?", "实例启动时需要包含什么？")}</legend>
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
            <h3 id="images-h">{state.t("Images ", "镜像 ")}
                <button class="eip-help-button" aria-label=topic_label(state, GuideTopic::ImageTypes) title=topic_label(state, GuideTopic::ImageTypes)
                    on:click=move |_| state.guide.set(Some(GuideTopic::ImageTypes))>"?"</button>
            </h3>
            <UseCaseHelper/>
            <h4>{state.t("Your custom and shared images", "您的自定义镜像和共享镜像")}</h4>
            <Show when=move || len.get() == 0>
                <p class="eip-muted">{state.t(
                    "None yet. Public, Marketplace and community images come from the catalog; add your own below.",
                    "尚无。公共镜像、镜像市场镜像和社区镜像来自目录；请在下面添加您自己的镜像。",
                )}</p>
            </Show>
            <ul class="eip-list">
                <For each=move || 0..shown.get() key=|i| *i let:i>
                    {
                        let key = format!("/images/{i}");
                        let summary = move || {
                            let lang = state.lang.get();
                            state.plan.with(|p| p.images.get(i).map(|img| image_summary(img, lang)).unwrap_or_default())
                        };
                        view! {
                            <li class=row_class(key.clone()) id=item_dom_id(&key) tabindex="-1">
                                <div class="eip-item-head">
                                    <span class="eip-mono">{summary}</span>
                                    <Badge key=key.clone()/>
                                    <button class="eip-link" id=format!("edit-image-{i}")
                                        aria-expanded=move || (editing.get() == Some(i)).to_string()
                                        on:click=move |_| editing.update(|e| *e = if *e == Some(i) { None } else { Some(i) })>
                                        {state.t("Edit", "编辑")}
                                    </button>
                                    <button class="eip-icon-button" aria-label=move || remove_label(state, Item::Image(i))
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
fn image_summary(img: &Image, lang: Lang) -> String {
    let regions = img
        .regions
        .as_ref()
        .map(|r| join(lang, r))
        .unwrap_or_else(|| Term::new("all regions", "所有地域").get(lang).into());
    let nvme = match img.nvme {
        NvmeSupport::Supported => Term::new("NVMe driver", "有 NVMe 驱动"),
        NvmeSupport::Unsupported => Term::new("no NVMe driver", "无 NVMe 驱动"),
    }
    .get(lang);
    let kind = match img.kind {
        ImageType::Public => Term::new("public", "公共镜像"),
        ImageType::Custom => Term::new("custom", "自定义镜像"),
        ImageType::Shared => Term::new("shared", "共享镜像"),
        ImageType::Marketplace => Term::new("marketplace", "镜像市场"),
        ImageType::Community => Term::new("community", "社区镜像"),
    }
    .get(lang);
    let mut line = format!(
        "{} · {kind} · {} · {} · {} · {nvme} · {regions}",
        img.id,
        img.os
            .clone()
            .unwrap_or_else(|| Term::new("OS not given", "未填写操作系统").get(lang).into()),
        img.arch.as_str(),
        img.boot_mode.as_str(),
    );
    if !img.shared_with.is_empty() {
        let n = img.shared_with.len();
        line.push_str(
            &tr!(
                lang,
                format!(" · shared with {}", count_en(n, "account", "accounts")),
                format!(" · 已共享给 {n} 个账号")
            )
            .into_string(),
        );
    }
    line
}

/// The first choice of a question the form asks and never guesses.
const NOT_ANSWERED: (&str, &str) = ("Not answered yet…", "尚未回答…");

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
            <summary id="add-image-summary">{state.t("Add a custom or shared image", "添加自定义镜像或共享镜像")}</summary>
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
    fn missing(&self, prefix: &str) -> Option<(String, Term)> {
        let questions = [
            (self.id, "id", Term::new("Give the image its ID (m-…).", "请填写镜像 ID（m-…）。")),
            (self.region, "region", Term::new("Pick the region the image is in.", "请选择镜像所在的地域。")),
            (self.arch, "arch", Term::new(
                "Which architecture is the image built for? DescribeImages shows it as Architecture.",
                "镜像是为哪种架构构建的？DescribeImages 返回的 Architecture 即是。",
            )),
            (self.boot, "boot", Term::new(
                "Which boot mode does the image use? DescribeImages shows it as BootMode.",
                "镜像使用哪种引导模式？DescribeImages 返回的 BootMode 即是。",
            )),
            (self.nvme, "nvme", Term::new(
                "Does the image hold the NVMe driver? DescribeImages shows it as Features.NvmeSupport; images made from 7th-generation and newer instances usually do.",
                "镜像是否包含 NVMe 驱动？DescribeImages 返回的 Features.NvmeSupport 即是；由第七代及更新实例创建的镜像通常包含。",
            )),
        ];
        questions
            .into_iter()
            .find(|(signal, _, _)| signal.with_untracked(|v| v.trim().is_empty()))
            .map(|(_, field, text)| (format!("{prefix}-{field}"), text))
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
    let error = RwSignal::new(None::<Term>);
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
            error.set(Some(question));
            focus_by_id(&field);
            return;
        }
        error.set(None);
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

    view! {
        <div class="eip-grid">
            <Input id=id("id") label=state.t("Image ID", "镜像 ID") placeholder="m-bp1…" value=draft.id on_change=setter(draft.id)/>
            <Input id=id("name") label=state.t("Name", "名称") placeholder=state.t("optional", "可选") value=draft.name on_change=setter(draft.name)/>
            <Select id=id("type") label=state.t("Type", "类型") value=draft.kind on_change=setter(draft.kind)
                options=options_in(&[("custom", "Custom (yours)", "自定义镜像（您自己的）"), ("shared", "Shared with you", "共享镜像（他人共享给您）")])/>
            <Select id=id("region") label=state.t("Region", "地域") value=draft.region on_change=setter(draft.region) options=regions/>
            <Input id=id("os") label=state.t("OS", "操作系统") placeholder="Ubuntu 24.04" value=draft.os on_change=setter(draft.os)/>
            <Select id=id("platform") label=state.t("Platform", "平台") value=draft.platform on_change=setter(draft.platform)
                options=static_options(&[("linux", "Linux"), ("windows", "Windows")])/>
            <Select id=id("arch") label=state.t("Architecture", "架构") value=draft.arch on_change=setter(draft.arch)
                options=options_in(&[("", NOT_ANSWERED.0, NOT_ANSWERED.1), ("x86_64", "x86_64", "x86_64"), ("arm64", "arm64", "arm64"), ("i386", "i386 (32-bit)", "i386（32 位）")])/>
            <Select id=id("boot") label=state.t("Boot mode", "引导模式") value=draft.boot on_change=setter(draft.boot)
                options=options_in(&[("", NOT_ANSWERED.0, NOT_ANSWERED.1), ("BIOS", "BIOS", "BIOS"), ("UEFI", "UEFI", "UEFI"), ("UEFI-Preferred", "UEFI-Preferred", "UEFI-Preferred")])/>
            <Select id=id("nvme") label=state.t("NVMe driver", "NVMe 驱动") value=draft.nvme on_change=setter(draft.nvme)
                options=options_in(&[("", NOT_ANSWERED.0, NOT_ANSWERED.1), ("supported", "Yes, it has the NVMe driver", "是，包含 NVMe 驱动"), ("unsupported", "No NVMe driver", "否，不含 NVMe 驱动")])/>
            <Input id=id("size") whole=true label=state.t("Size (GiB)", "大小（GiB）") kind="number" placeholder="40" value=draft.size on_change=setter(draft.size)/>
            <Input id=id("shared-with") label=state.t("Already shared with (account IDs)", "已共享给（账号 ID）") placeholder=state.t("none", "无")
                value=draft.shared_with on_change=setter(draft.shared_with)/>
        </div>
        <p class="eip-muted">{state.t("Not sure? ", "不确定？")}<code>"aliyun ecs DescribeImages --ImageId m-…"</code>{state.t(
            " shows each of these; you can also paste its output under Import.",
            " 会显示以上每一项；您也可以在“导入”中粘贴它的输出。",
        )}</p>
        <p class="eip-error-text" role="alert" id=id("error")>{move || error.get().map(|t| t.get(state.lang.get()))}</p>
        <button id=if editing.is_some() { id("save") } else { "add-image".to_string() } on:click=save>
            {if editing.is_some() { state.t("Save image", "保存镜像") } else { state.t("Add image", "添加镜像") }}
        </button>
    }
}
