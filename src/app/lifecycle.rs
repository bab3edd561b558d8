//! Plan rows for imports (ImportImage) and attribute changes (ModifyImageAttribute), and the
//! image-family picker of a launch (RunInstances ImageFamily).

use leptos::prelude::*;

use super::controls::{options_in, static_options, Check, Input, Select};
use super::items::{defaults, row_head};
use super::plan::{count, row_class, text, Choices};
use super::state::{item_dom_id, AppState, GuideTopic};
use crate::core::catalog::Catalog;
use crate::core::item::Item;
use crate::core::lifecycle::import::{is_windows_distribution, PLATFORMS};
use crate::core::model::{
    Image, ImageArch, ImageBootMode, ImageStatus, Import, LicenseType, Modify, NvmeSupport,
    Platform,
};

/// `Some(trimmed)` for text with something in it.
fn non_empty(v: String) -> Option<String> {
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// A serde name (`"UEFI"`) as the enum it names, for select values.
fn parse<T: serde::de::DeserializeOwned>(value: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(value.to_string())).ok()
}

/// An enum as its serde name, for select values.
fn word<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A new import's image ID: `imported-N`, not taken by another image of the plan.
fn fresh_import_id(plan: &crate::core::Plan) -> String {
    (plan.imports.len()..)
        .map(|n| format!("imported-{n}"))
        .find(|id| {
            !plan.images.iter().any(|i| i.id == *id)
                && !plan.imports.iter().any(|i| i.image.id == *id)
                && !plan.creates.iter().any(|c| c.image.id == *id)
        })
        .unwrap_or_default()
}

/// Planned ImportImage calls.
#[component]
pub fn Imports(choices: Choices) -> impl IntoView {
    let state = AppState::get();
    let len = count(|p| p.imports.len());
    let formats = options_in(&[
        ("", "detect", "自动检测"),
        ("RAW", "RAW", "RAW"),
        ("VHD", "VHD", "VHD"),
        ("QCOW2", "QCOW2", "QCOW2"),
        ("VMDK", "VMDK (preview)", "VMDK（公测）"),
    ]);
    let distributions = Signal::derive(move || {
        let others = state.t("Others Linux (default)", "Others Linux（默认）")();
        std::iter::once((String::new(), others.to_string()))
            .chain(PLATFORMS.iter().map(|p| (p.to_string(), p.to_string())))
            .collect::<Vec<_>>()
    });
    let arches = Signal::stored(static_options(&[
        ("x86_64", "x86_64"),
        ("arm64", "arm64"),
        ("i386", "i386"),
    ]));
    let boot_modes = Signal::stored(static_options(&[("BIOS", "BIOS"), ("UEFI", "UEFI")]));
    let licenses = options_in(&[
        ("", "none (Linux)", "无（Linux）"),
        ("Aliyun", "Aliyun (licence billed)", "Aliyun（许可证计费）"),
        ("BYOL", "BYOL (your own)", "BYOL（自带许可证）"),
    ]);
    view! {
        <section class="eip-section" aria-labelledby="imports-h">
            <h3 id="imports-h">{state.t("Imports ", "导入镜像 ")} <span class="eip-muted">{state.t("(ImportImage, from an image file in OSS)", "（ImportImage，从 OSS 中的镜像文件导入）")}</span></h3>
            <p class="eip-muted">
                {state.t(
                    "ECS reads the file with the RAM role AliyunECSImageImportDefaultRole, and the image needs virtio drivers and cloud-init. ",
                    "ECS 通过 RAM 角色 AliyunECSImageImportDefaultRole 读取镜像文件，镜像中需要安装 virtio 驱动和 cloud-init。",
                )}
                <button id="open-import-guide" class="eip-link" on:click=move |_| state.guide.set(Some(GuideTopic::Importing))>{state.t("How to prepare an image for import", "如何准备要导入的镜像")}</button>
            </p>
            <For each=move || 0..len.get() key=|i| *i let:i>
                {
                    let key = format!("/imports/{i}");
                    let set = move |f: fn(&mut Import, String)| Callback::new(move |v: String| state.edit(|p| if let Some(m) = p.imports.get_mut(i) { f(m, v) }));
                    let field = move |f: fn(&Import) -> Option<String>| text(move |p| p.imports.get(i).and_then(f));
                    view! {
                        <div class=row_class(key.clone()) id=item_dom_id(&key) tabindex="-1">
                            {row_head(Item::Import(i), key.clone(), ("imports", i, "add-import"), move |p| if i < p.imports.len() { p.imports.remove(i); })}
                            <div class="eip-grid">
                                <Input id=format!("import-{i}-id") label=state.t("Refer to it as", "在计划中的引用名") placeholder="imported-0"
                                    value=field(|m| Some(m.image.id.clone())) on_change=set(|m, v| m.image.id = v.trim().to_string())/>
                                <Input id=format!("import-{i}-name") label=state.t("Image name", "镜像名称") placeholder=state.t("optional", "可选")
                                    value=field(|m| m.image.name.clone()) on_change=set(|m, v| m.image.name = non_empty(v))/>
                                <Select id=format!("import-{i}-region") label=state.t("Import region", "导入地域") options=choices.regions
                                    value=field(|m| m.image.regions.as_ref().and_then(|r| r.first().cloned()))
                                    on_change=set(|m, v| m.image.regions = non_empty(v).map(|r| vec![r]))/>
                                <Input id=format!("import-{i}-bucket") label=state.t("OSS bucket", "OSS Bucket") placeholder="my-images"
                                    value=field(|m| m.oss_bucket.clone()) on_change=set(|m, v| m.oss_bucket = non_empty(v))/>
                                <Input id=format!("import-{i}-object") label=state.t("OSS object", "OSS 对象") placeholder="ubuntu-24.04.qcow2"
                                    value=field(|m| m.oss_object.clone()) on_change=set(|m, v| m.oss_object = non_empty(v))/>
                                <Select id=format!("import-{i}-oss-region") label=state.t("Bucket region", "Bucket 所在地域") options=choices.regions
                                    value=field(|m| m.oss_region.clone()) on_change=set(|m, v| m.oss_region = non_empty(v))/>
                                <Select id=format!("import-{i}-format") label=state.t("Format", "格式") options=formats
                                    value=field(|m| m.format.clone()) on_change=set(|m, v| m.format = non_empty(v))/>
                                <Select id=format!("import-{i}-distribution") label=state.t("Distribution", "发行版") options=distributions
                                    value=field(|m| m.distribution.clone())
                                    on_change=set(|m, v| {
                                        m.image.platform = if is_windows_distribution(&v) { Platform::Windows } else { Platform::Linux };
                                        m.distribution = non_empty(v);
                                    })/>
                                <Select id=format!("import-{i}-arch") label=state.t("Architecture", "架构") options=arches
                                    value=field(|m| Some(word(&m.image.arch))) on_change=set(|m, v| m.image.arch = parse(&v).unwrap_or(ImageArch::X86_64))/>
                                <Select id=format!("import-{i}-boot") label=state.t("Boot mode", "引导模式") options=boot_modes
                                    value=field(|m| Some(word(&m.image.boot_mode))) on_change=set(|m, v| m.image.boot_mode = parse(&v).unwrap_or(ImageBootMode::Bios))/>
                                <Select id=format!("import-{i}-license") label=state.t("Licence (Windows)", "许可证（Windows）") options=licenses
                                    value=field(|m| m.license_type.map(|l| l.as_str().to_string()))
                                    on_change=set(|m, v| m.license_type = parse::<LicenseType>(&v))/>
                                <Input id=format!("import-{i}-file") label=state.t("File size (GiB)", "文件大小（GiB）") kind="number" placeholder=state.t("from OSS", "取自 OSS")
                                    value=field(|m| m.file_size_gib.map(|s| s.to_string()))
                                    on_change=set(|m, v| m.file_size_gib = v.trim().parse().ok())/>
                                <Input id=format!("import-{i}-disk") whole=true label=state.t("System disk (GiB)", "系统盘（GiB）") kind="number" placeholder="1-2048"
                                    value=field(|m| m.system_disk_gib.map(|s| s.to_string()))
                                    on_change=set(|m, v| m.system_disk_gib = v.trim().parse().ok())/>
                                <Input id=format!("import-{i}-family") label=state.t("Image family", "镜像族系") placeholder=state.t("optional", "可选")
                                    value=field(|m| m.image.family.clone()) on_change=set(|m, v| m.image.family = non_empty(v))/>
                                <Check id=format!("import-{i}-nvme") label=state.t("NVMe driver installed", "已安装 NVMe 驱动")
                                    checked=Signal::derive(move || state.plan.with(|p| p.imports.get(i).is_some_and(|m| m.image.nvme == NvmeSupport::Supported)))
                                    on_change=Callback::new(move |on: bool| state.edit(|p| if let Some(m) = p.imports.get_mut(i) {
                                        m.image.nvme = if on { NvmeSupport::Supported } else { NvmeSupport::Unsupported };
                                    }))/>
                            </div>
                        </div>
                    }
                }
            </For>
            <button id="add-import" on:click=move |_| {
                let (_, region) = defaults(state, choices);
                state.edit(|p| {
                    let id = fresh_import_id(p);
                    p.imports.push(Import {
                        image: Image { id, regions: Some(vec![region.clone()]), ..Image::default() },
                        oss_region: Some(region),
                        format: Some("QCOW2".into()),
                        ..Import::default()
                    });
                });
            }>{state.t("Add import", "添加导入镜像")}</button>
        </section>
    }
}

/// Planned ModifyImageAttribute calls.
#[component]
pub fn Modifies(choices: Choices) -> impl IntoView {
    let state = AppState::get();
    let len = count(|p| p.modifies.len());
    let regions = Signal::derive(move || {
        let own = state.t("the image's own region", "镜像自身所在地域")();
        std::iter::once((String::new(), own.to_string()))
            .chain(choices.regions.get())
            .collect::<Vec<_>>()
    });
    let boot_modes = options_in(&[
        ("", "unchanged", "不修改"),
        ("BIOS", "BIOS", "BIOS"),
        ("UEFI", "UEFI", "UEFI"),
        ("UEFI-Preferred", "UEFI-Preferred", "UEFI-Preferred"),
    ]);
    let nvme = options_in(&[
        ("", "unchanged", "不修改"),
        ("supported", "supported", "支持（supported）"),
        ("unsupported", "unsupported", "不支持（unsupported）"),
    ]);
    let statuses = options_in(&[
        ("", "unchanged", "不修改"),
        ("Available", "Available", "可用（Available）"),
        ("Deprecated", "Deprecated", "已弃用（Deprecated）"),
    ]);
    view! {
        <section class="eip-section" aria-labelledby="modifies-h">
            <h3 id="modifies-h">{state.t("Attribute changes ", "修改镜像属性 ")} <span class="eip-muted">"(ModifyImageAttribute)"</span></h3>
            <For each=move || 0..len.get() key=|i| *i let:i>
                {
                    let key = format!("/modifies/{i}");
                    let set = move |f: fn(&mut Modify, String)| Callback::new(move |v: String| state.edit(|p| if let Some(m) = p.modifies.get_mut(i) { f(m, v) }));
                    let field = move |f: fn(&Modify) -> Option<String>| text(move |p| p.modifies.get(i).and_then(f));
                    view! {
                        <div class=row_class(key.clone()) id=item_dom_id(&key) tabindex="-1">
                            {row_head(Item::Modify(i), key.clone(), ("modifies", i, "add-modify"), move |p| if i < p.modifies.len() { p.modifies.remove(i); })}
                            <div class="eip-grid">
                                <Select id=format!("modify-{i}-image") label=state.t("Image", "镜像") options=choices.own_images
                                    value=field(|m| m.image.clone()) on_change=set(|m, v| m.image = non_empty(v))/>
                                <Select id=format!("modify-{i}-region") label=state.t("In region", "所在地域") options=regions
                                    value=field(|m| m.region.clone()) on_change=set(|m, v| m.region = non_empty(v))/>
                                <Input id=format!("modify-{i}-name") label=state.t("New name", "新名称") placeholder=state.t("unchanged", "不修改")
                                    value=field(|m| m.name.clone()) on_change=set(|m, v| m.name = non_empty(v))/>
                                <Input id=format!("modify-{i}-description") label=state.t("Description", "描述") placeholder=state.t("unchanged", "不修改")
                                    value=field(|m| m.description.clone()) on_change=set(|m, v| m.description = non_empty(v))/>
                                <Select id=format!("modify-{i}-boot") label=state.t("Boot mode", "引导模式") options=boot_modes
                                    value=field(|m| m.boot_mode.as_ref().map(word)) on_change=set(|m, v| m.boot_mode = parse(&v))/>
                                <Select id=format!("modify-{i}-nvme") label="NVMe" options=nvme
                                    value=field(|m| m.nvme.as_ref().map(word)) on_change=set(|m, v| m.nvme = parse::<NvmeSupport>(&v))/>
                                <Input id=format!("modify-{i}-family") label=state.t("Image family", "镜像族系") placeholder=state.t("unchanged", "不修改")
                                    value=field(|m| m.family.clone()) on_change=set(|m, v| m.family = non_empty(v))/>
                                <Select id=format!("modify-{i}-status") label=state.t("Status", "状态") options=statuses
                                    value=field(|m| m.status.as_ref().map(word)) on_change=set(|m, v| m.status = parse::<ImageStatus>(&v))/>
                            </div>
                        </div>
                    }
                }
            </For>
            <button id="add-modify" on:click=move |_| {
                let (image, _) = defaults(state, choices);
                state.edit(|p| p.modifies.push(Modify { image: non_empty(image), ..Modify::default() }));
            }>{state.t("Add attribute change", "添加镜像属性修改")}</button>
        </section>
    }
}

/// Every image family a launch can name: families of the catalog's and the plan's images, of
/// what the plan creates and imports, and those its modifies set, each once, sorted.
pub(super) fn families(state: AppState) -> Memo<Vec<(String, String)>> {
    Memo::new(move |_| {
        state.plan.with(|p| {
            let mut names: std::collections::BTreeSet<String> = Catalog::builtin()
                .images
                .iter()
                .chain(&p.images)
                .chain(p.creates.iter().map(|c| &c.image))
                .chain(p.imports.iter().map(|m| &m.image))
                .filter_map(|i| i.family.clone())
                .collect();
            names.extend(p.modifies.iter().filter_map(|m| m.family.clone()));
            let none = state.t("none: launch the image above", "不使用：启动上面选择的镜像")();
            std::iter::once((String::new(), none.to_string()))
                .chain(names.into_iter().map(|f| (f.clone(), f)))
                .collect()
        })
    })
}

/// The family picker of launch `i`: RunInstances `ImageFamily`, the newest Available image of
/// the family in the launch region. Picking a family clears the launch's image ID.
#[component]
pub fn LaunchFamily(
    i: usize,
    /// The launch as the plan holds it.
    launch: Memo<Option<crate::core::model::Launch>>,
    choices: super::plan::Choices,
) -> impl IntoView {
    let state = AppState::get();
    view! {
        <Select id=format!("launch-{i}-family") label=state.t("…or the newest of family", "…或镜像族系中的最新镜像") options=choices.families
            value=Signal::derive(move || launch.with(|l| l.as_ref().and_then(|l| l.image_family.clone()).unwrap_or_default()))
            on_change=Callback::new(move |v: String| state.edit(|p| if let Some(l) = p.launches.get_mut(i) {
                l.image_family = non_empty(v);
                if l.image_family.is_some() {
                    l.image = None;
                }
            }))/>
    }
}
