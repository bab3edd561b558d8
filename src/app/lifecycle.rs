//! Plan rows for imports (ImportImage) and attribute changes (ModifyImageAttribute), and the
//! image-family picker of a launch (RunInstances ImageFamily).

use leptos::prelude::*;

use super::controls::{static_options, Check, Input, Select};
use super::items::{defaults, row_head};
use super::plan::{count, row_class, text, Choices};
use super::state::{item_dom_id, AppState, GuideTopic};
use crate::core::catalog::Catalog;
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
    let formats = Signal::stored(static_options(&[
        ("", "detect"),
        ("RAW", "RAW"),
        ("VHD", "VHD"),
        ("QCOW2", "QCOW2"),
        ("VMDK", "VMDK (preview)"),
    ]));
    let distributions = Signal::stored(
        std::iter::once((String::new(), "Others Linux (default)".to_string()))
            .chain(PLATFORMS.iter().map(|p| (p.to_string(), p.to_string())))
            .collect::<Vec<_>>(),
    );
    let arches = Signal::stored(static_options(&[
        ("x86_64", "x86_64"),
        ("arm64", "arm64"),
        ("i386", "i386"),
    ]));
    let boot_modes = Signal::stored(static_options(&[("BIOS", "BIOS"), ("UEFI", "UEFI")]));
    let licenses = Signal::stored(static_options(&[
        ("", "none (Linux)"),
        ("Aliyun", "Aliyun (licence billed)"),
        ("BYOL", "BYOL (your own)"),
    ]));
    view! {
        <section class="eip-section" aria-labelledby="imports-h">
            <h3 id="imports-h">"Imports " <span class="eip-muted">"(ImportImage, from an image file in OSS)"</span></h3>
            <p class="eip-muted">
                "ECS reads the file with the RAM role AliyunECSImageImportDefaultRole, and the image needs virtio drivers and cloud-init. "
                <button id="open-import-guide" class="eip-link" on:click=move |_| state.guide.set(Some(GuideTopic::Importing))>{state.t("How to prepare an image for import", "如何准备要导入的镜像")}</button>
            </p>
            <For each=move || 0..len.get() key=|i| *i let:i>
                {
                    let key = format!("/imports/{i}");
                    let set = move |f: fn(&mut Import, String)| Callback::new(move |v: String| state.edit(|p| if let Some(m) = p.imports.get_mut(i) { f(m, v) }));
                    let field = move |f: fn(&Import) -> Option<String>| text(move |p| p.imports.get(i).and_then(f));
                    view! {
                        <div class=row_class(key.clone()) id=item_dom_id(&key) tabindex="-1">
                            {row_head(format!("Import #{i}"), key.clone(), ("imports", i, "add-import"), move |p| if i < p.imports.len() { p.imports.remove(i); })}
                            <div class="eip-grid">
                                <Input id=format!("import-{i}-id") label="Refer to it as" placeholder="imported-0"
                                    value=field(|m| Some(m.image.id.clone())) on_change=set(|m, v| m.image.id = v.trim().to_string())/>
                                <Input id=format!("import-{i}-name") label="Image name" placeholder="optional"
                                    value=field(|m| m.image.name.clone()) on_change=set(|m, v| m.image.name = non_empty(v))/>
                                <Select id=format!("import-{i}-region") label="Import region" options=choices.regions
                                    value=field(|m| m.image.regions.as_ref().and_then(|r| r.first().cloned()))
                                    on_change=set(|m, v| m.image.regions = non_empty(v).map(|r| vec![r]))/>
                                <Input id=format!("import-{i}-bucket") label="OSS bucket" placeholder="my-images"
                                    value=field(|m| m.oss_bucket.clone()) on_change=set(|m, v| m.oss_bucket = non_empty(v))/>
                                <Input id=format!("import-{i}-object") label="OSS object" placeholder="ubuntu-24.04.qcow2"
                                    value=field(|m| m.oss_object.clone()) on_change=set(|m, v| m.oss_object = non_empty(v))/>
                                <Select id=format!("import-{i}-oss-region") label="Bucket region" options=choices.regions
                                    value=field(|m| m.oss_region.clone()) on_change=set(|m, v| m.oss_region = non_empty(v))/>
                                <Select id=format!("import-{i}-format") label="Format" options=formats
                                    value=field(|m| m.format.clone()) on_change=set(|m, v| m.format = non_empty(v))/>
                                <Select id=format!("import-{i}-distribution") label="Distribution" options=distributions
                                    value=field(|m| m.distribution.clone())
                                    on_change=set(|m, v| {
                                        m.image.platform = if is_windows_distribution(&v) { Platform::Windows } else { Platform::Linux };
                                        m.distribution = non_empty(v);
                                    })/>
                                <Select id=format!("import-{i}-arch") label="Architecture" options=arches
                                    value=field(|m| Some(word(&m.image.arch))) on_change=set(|m, v| m.image.arch = parse(&v).unwrap_or(ImageArch::X86_64))/>
                                <Select id=format!("import-{i}-boot") label="Boot mode" options=boot_modes
                                    value=field(|m| Some(word(&m.image.boot_mode))) on_change=set(|m, v| m.image.boot_mode = parse(&v).unwrap_or(ImageBootMode::Bios))/>
                                <Select id=format!("import-{i}-license") label="Licence (Windows)" options=licenses
                                    value=field(|m| m.license_type.map(|l| l.as_str().to_string()))
                                    on_change=set(|m, v| m.license_type = parse::<LicenseType>(&v))/>
                                <Input id=format!("import-{i}-file") label="File size (GiB)" kind="number" placeholder="from OSS"
                                    value=field(|m| m.file_size_gib.map(|s| s.to_string()))
                                    on_change=set(|m, v| m.file_size_gib = v.trim().parse().ok())/>
                                <Input id=format!("import-{i}-disk") whole=true label="System disk (GiB)" kind="number" placeholder="1-2048"
                                    value=field(|m| m.system_disk_gib.map(|s| s.to_string()))
                                    on_change=set(|m, v| m.system_disk_gib = v.trim().parse().ok())/>
                                <Input id=format!("import-{i}-family") label="Image family" placeholder="optional"
                                    value=field(|m| m.image.family.clone()) on_change=set(|m, v| m.image.family = non_empty(v))/>
                                <Check id=format!("import-{i}-nvme") label="NVMe driver installed"
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
            }>"Add import"</button>
        </section>
    }
}

/// Planned ModifyImageAttribute calls.
#[component]
pub fn Modifies(choices: Choices) -> impl IntoView {
    let state = AppState::get();
    let len = count(|p| p.modifies.len());
    let regions = Signal::derive(move || {
        std::iter::once((String::new(), "the image's own region".to_string()))
            .chain(choices.regions.get())
            .collect::<Vec<_>>()
    });
    let keep = |pairs: &[(&str, &str)]| {
        Signal::stored(
            std::iter::once((String::new(), "unchanged".to_string()))
                .chain(static_options(pairs))
                .collect::<Vec<_>>(),
        )
    };
    let boot_modes = keep(&[
        ("BIOS", "BIOS"),
        ("UEFI", "UEFI"),
        ("UEFI-Preferred", "UEFI-Preferred"),
    ]);
    let nvme = keep(&[("supported", "supported"), ("unsupported", "unsupported")]);
    let statuses = keep(&[("Available", "Available"), ("Deprecated", "Deprecated")]);
    view! {
        <section class="eip-section" aria-labelledby="modifies-h">
            <h3 id="modifies-h">"Attribute changes " <span class="eip-muted">"(ModifyImageAttribute)"</span></h3>
            <For each=move || 0..len.get() key=|i| *i let:i>
                {
                    let key = format!("/modifies/{i}");
                    let set = move |f: fn(&mut Modify, String)| Callback::new(move |v: String| state.edit(|p| if let Some(m) = p.modifies.get_mut(i) { f(m, v) }));
                    let field = move |f: fn(&Modify) -> Option<String>| text(move |p| p.modifies.get(i).and_then(f));
                    view! {
                        <div class=row_class(key.clone()) id=item_dom_id(&key) tabindex="-1">
                            {row_head(format!("Change #{i}"), key.clone(), ("modifies", i, "add-modify"), move |p| if i < p.modifies.len() { p.modifies.remove(i); })}
                            <div class="eip-grid">
                                <Select id=format!("modify-{i}-image") label="Image" options=choices.own_images
                                    value=field(|m| m.image.clone()) on_change=set(|m, v| m.image = non_empty(v))/>
                                <Select id=format!("modify-{i}-region") label="In region" options=regions
                                    value=field(|m| m.region.clone()) on_change=set(|m, v| m.region = non_empty(v))/>
                                <Input id=format!("modify-{i}-name") label="New name" placeholder="unchanged"
                                    value=field(|m| m.name.clone()) on_change=set(|m, v| m.name = non_empty(v))/>
                                <Input id=format!("modify-{i}-description") label="Description" placeholder="unchanged"
                                    value=field(|m| m.description.clone()) on_change=set(|m, v| m.description = non_empty(v))/>
                                <Select id=format!("modify-{i}-boot") label="Boot mode" options=boot_modes
                                    value=field(|m| m.boot_mode.as_ref().map(word)) on_change=set(|m, v| m.boot_mode = parse(&v))/>
                                <Select id=format!("modify-{i}-nvme") label="NVMe" options=nvme
                                    value=field(|m| m.nvme.as_ref().map(word)) on_change=set(|m, v| m.nvme = parse::<NvmeSupport>(&v))/>
                                <Input id=format!("modify-{i}-family") label="Image family" placeholder="unchanged"
                                    value=field(|m| m.family.clone()) on_change=set(|m, v| m.family = non_empty(v))/>
                                <Select id=format!("modify-{i}-status") label="Status" options=statuses
                                    value=field(|m| m.status.as_ref().map(word)) on_change=set(|m, v| m.status = parse::<ImageStatus>(&v))/>
                            </div>
                        </div>
                    }
                }
            </For>
            <button id="add-modify" on:click=move |_| {
                let (image, _) = defaults(state, choices);
                state.edit(|p| p.modifies.push(Modify { image: non_empty(image), ..Modify::default() }));
            }>"Add attribute change"</button>
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
            std::iter::once((String::new(), "none: launch the image above".to_string()))
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
        <Select id=format!("launch-{i}-family") label="…or the newest of family" options=choices.families
            value=Signal::derive(move || launch.with(|l| l.as_ref().and_then(|l| l.image_family.clone()).unwrap_or_default()))
            on_change=Callback::new(move |v: String| state.edit(|p| if let Some(l) = p.launches.get_mut(i) {
                l.image_family = non_empty(v);
                if l.image_family.is_some() {
                    l.image = None;
                }
            }))/>
    }
}
