//! The matrix filters: typed values of [`ImageFilter`] and [`TypeFilter`], each field a control.

use leptos::prelude::*;

use super::Question;
use crate::app::controls::{Check, Input, Select};
use crate::app::state::{AppState, GuideTopic};
use crate::core::catalog::Catalog;
use crate::core::matrix::{ImageFilter, TypeFilter};
use crate::core::model::{
    CpuArch, ImageArch, ImageBootMode, ImageType, NvmeRequirement, NvmeSupport, Platform,
};

/// The filters of the matrix panel (UI state, not part of the plan).
#[derive(Clone, Copy)]
pub struct Filters {
    /// Which images show.
    pub images: RwSignal<ImageFilter>,
    /// Which instance types show.
    pub types: RwSignal<TypeFilter>,
}

impl Filters {
    /// No image filter; types offered in the region only.
    pub fn new() -> Filters {
        Filters {
            images: RwSignal::new(ImageFilter::default()),
            types: RwSignal::new(TypeFilter {
                offered_only: true,
                ..TypeFilter::default()
            }),
        }
    }
}

/// How a control reads and writes one field of a filter.
type Field<F, T> = (fn(&F) -> Option<T>, fn(&mut F, Option<T>));

/// A select over typed values: "any" (`None`) or one of `choices`.
fn choice<F, T>(
    id: &'static str,
    label: &'static str,
    filter: RwSignal<F>,
    (get, set): Field<F, T>,
    choices: &'static [(T, &'static str)],
) -> impl IntoView
where
    F: Send + Sync + 'static,
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let mut options = vec![(String::new(), "any".to_string())];
    options.extend(
        choices
            .iter()
            .enumerate()
            .map(|(n, (_, text))| (n.to_string(), text.to_string())),
    );
    let value = Signal::derive(move || {
        filter
            .with(get)
            .and_then(|v| choices.iter().position(|(c, _)| *c == v))
            .map(|n| n.to_string())
            .unwrap_or_default()
    });
    let on_change = Callback::new(move |v: String| {
        let picked = v
            .parse::<usize>()
            .ok()
            .and_then(|n| choices.get(n))
            .map(|(c, _)| *c);
        filter.update(|f| set(f, picked));
    });
    view! { <Select id label options=Signal::stored(options) value on_change/> }
}

/// A select over text values the data brings (OS names, families): "any" or one of them.
fn text_choice<F: Send + Sync + 'static>(
    id: &'static str,
    label: &'static str,
    filter: RwSignal<F>,
    (get, set): Field<F, String>,
    values: Signal<Vec<String>>,
) -> impl IntoView {
    let options = Signal::derive(move || {
        let mut options = vec![(String::new(), "any".to_string())];
        options.extend(values.get().into_iter().map(|v| (v.clone(), v)));
        options
    });
    let value = Signal::derive(move || filter.with(get).unwrap_or_default());
    let on_change = Callback::new(move |v: String| {
        filter.update(|f| set(f, Some(v).filter(|v| !v.is_empty())))
    });
    view! { <Select id label options value on_change/> }
}

const IMAGE_TYPES: &[(ImageType, &str)] = &[
    (ImageType::Public, "Public"),
    (ImageType::Custom, "Custom"),
    (ImageType::Shared, "Shared"),
    (ImageType::Marketplace, "Marketplace"),
    (ImageType::Community, "Community"),
];
const PLATFORMS: &[(Platform, &str)] =
    &[(Platform::Linux, "Linux"), (Platform::Windows, "Windows")];
const IMAGE_ARCHS: &[(ImageArch, &str)] = &[
    (ImageArch::X86_64, "x86_64"),
    (ImageArch::Arm64, "arm64"),
    (ImageArch::I386, "i386"),
];
const BOOT_MODES: &[(ImageBootMode, &str)] = &[
    (ImageBootMode::Bios, "BIOS"),
    (ImageBootMode::Uefi, "UEFI"),
    (ImageBootMode::UefiPreferred, "UEFI-Preferred"),
];
const NVME_DRIVERS: &[(NvmeSupport, &str)] = &[
    (NvmeSupport::Supported, "yes"),
    (NvmeSupport::Unsupported, "no"),
];
const YES_NO: &[(bool, &str)] = &[(true, "yes"), (false, "no")];
const EOL: &[(bool, &str)] = &[(false, "not yet"), (true, "reached")];
const CPU_ARCHS: &[(CpuArch, &str)] = &[(CpuArch::X86_64, "x86_64"), (CpuArch::Arm64, "arm64")];
const NVME_NEEDS: &[(NvmeRequirement, &str)] = &[
    (NvmeRequirement::Required, "required"),
    (NvmeRequirement::Unsupported, "not used"),
];

/// The filter form. `os_names` and `families` are the values the data offers.
#[component]
pub fn FilterForm(
    filters: Filters,
    os_names: Signal<Vec<String>>,
    families: Signal<Vec<String>>,
    /// The panel's question: a one-image answer needs no image filters, and the reverse.
    question: RwSignal<Question>,
) -> impl IntoView {
    let state = AppState::get();
    let (images, types) = (filters.images, filters.types);
    let one_image = move || matches!(question.get(), Question::TypesFor(_));
    let one_type = move || matches!(question.get(), Question::ImagesFor(_));
    view! {
        <div class="eip-filters">
            <fieldset hidden=one_image>
                <legend>"Images"</legend>
                <div class="eip-grid">
                    <div class="eip-with-help">
                        {choice("filter-image-type", "Image type", images, (|f| f.kind, |f, v| f.kind = v), IMAGE_TYPES)}
                        <button class="eip-help-button" aria-label=super::super::guide::topic_label(state, GuideTopic::ImageTypes) title=super::super::guide::topic_label(state, GuideTopic::ImageTypes)
                            on:click=move |_| state.guide.set(Some(GuideTopic::ImageTypes))>"?"</button>
                    </div>
                    {text_choice("filter-os", "OS", images, (|f| f.os.clone(), |f, v| f.os = v), os_names)}
                    {choice("filter-platform", "Platform", images, (|f| f.platform, |f, v| f.platform = v), PLATFORMS)}
                    {choice("filter-image-arch", "Architecture", images, (|f| f.arch, |f, v| f.arch = v), IMAGE_ARCHS)}
                    {choice("filter-boot", "Boot mode", images, (|f| f.boot_mode, |f, v| f.boot_mode = v), BOOT_MODES)}
                    {choice("filter-image-nvme", "NVMe driver", images, (|f| f.nvme, |f, v| f.nvme = v), NVME_DRIVERS)}
                    {choice("filter-fee", "Licence fee", images, (|f| f.license_fee, |f, v| f.license_fee = v), YES_NO)}
                    {choice("filter-eol", "End of life", images, (|f| f.eol_reached, |f, v| f.eol_reached = v), EOL)}
                    <Input id="filter-image-search" label="Search images" placeholder="ubuntu, m-bp1…"
                        value=Signal::derive(move || images.with(|f| f.search.clone()))
                        on_change=Callback::new(move |v: String| images.update(|f| f.search = v))/>
                </div>
            </fieldset>
            <fieldset hidden=one_type>
                <legend>"Instance types"</legend>
                <div class="eip-grid">
                    {choice("filter-type-arch", "Architecture", types, (|f| f.arch, |f, v| f.arch = v), CPU_ARCHS)}
                    <Input id="filter-vcpus" label="vCPUs at least" kind="number" whole=true
                        value=Signal::derive(move || types.with(|f| f.min_vcpus.map(|n| n.to_string()).unwrap_or_default()))
                        on_change=Callback::new(move |v: String| types.update(|f| f.min_vcpus = v.trim().parse().ok()))/>
                    <Input id="filter-memory" label="Memory (GiB) at least" kind="number"
                        value=Signal::derive(move || types.with(|f| f.min_memory_gib.map(|n| n.to_string()).unwrap_or_default()))
                        on_change=Callback::new(move |v: String| types.update(|f| f.min_memory_gib = v.trim().parse().ok()))/>
                    {choice("filter-type-nvme", "NVMe", types, (|f| f.nvme, |f, v| f.nvme = v), NVME_NEEDS)}
                    {text_choice("filter-family", "Family", types, (|f| f.family.clone(), |f, v| f.family = v), families)}
                    <Input id="filter-type-search" label="Search types" placeholder="g8y"
                        value=Signal::derive(move || types.with(|f| f.search.clone()))
                        on_change=Callback::new(move |v: String| types.update(|f| f.search = v))/>
                    <Check id="filter-offered" label="Offered in the region only"
                        checked=Signal::derive(move || types.with(|f| f.offered_only))
                        on_change=Callback::new(move |on: bool| types.update(|f| f.offered_only = on))/>
                </div>
            </fieldset>
        </div>
    }
}

/// The OS names and type families the plan's images and types offer, sorted, each once.
pub fn offered_values(state: AppState) -> (Signal<Vec<String>>, Signal<Vec<String>>) {
    let os_names = Memo::new(move |_| {
        state.plan.with(|p| {
            let catalog = Catalog::builtin().with_plan(p);
            let mut list: Vec<String> =
                catalog.images.iter().filter_map(|i| i.os.clone()).collect();
            list.extend(p.creates.iter().filter_map(|c| c.image.os.clone()));
            list.sort();
            list.dedup();
            list
        })
    });
    let families = Memo::new(move |_| {
        state.plan.with(|p| {
            let catalog = Catalog::builtin().with_plan(p);
            let mut list: Vec<String> = catalog
                .instance_types
                .iter()
                .map(|t| t.family().to_string())
                .collect();
            list.sort();
            list.dedup();
            list
        })
    });
    (os_names.into(), families.into())
}
