//! The compatibility panel: filters over the catalog's images and instance types, and the
//! matrix of verdicts for one region (roving tabindex, arrow keys, Enter to use a cell).

use leptos::prelude::*;
use web_sys::KeyboardEvent;

use super::controls::{static_options, Check, Input, Select};
use super::images::enum_text;
use super::state::{focus_by_id, AppState, GuideTopic};
use crate::core::catalog::Catalog;
use crate::core::matrix::matrix;
use crate::core::model::{Image, InstanceType, Launch};
use crate::core::{Date, Severity};

const MAX_ROWS: usize = 30;
const MAX_COLS: usize = 24;

/// Filter settings (UI state, not part of the plan).
#[derive(Clone, Copy)]
struct Filters {
    kind: RwSignal<String>,
    os: RwSignal<String>,
    platform: RwSignal<String>,
    image_arch: RwSignal<String>,
    boot: RwSignal<String>,
    image_nvme: RwSignal<String>,
    fee: RwSignal<String>,
    eol: RwSignal<String>,
    image_search: RwSignal<String>,
    type_arch: RwSignal<String>,
    vcpus: RwSignal<String>,
    memory: RwSignal<String>,
    type_nvme: RwSignal<String>,
    family: RwSignal<String>,
    offered: RwSignal<bool>,
    type_search: RwSignal<String>,
}

impl Filters {
    fn new() -> Filters {
        let s = || RwSignal::new(String::new());
        Filters {
            kind: s(),
            os: s(),
            platform: s(),
            image_arch: s(),
            boot: s(),
            image_nvme: s(),
            fee: s(),
            eol: s(),
            image_search: s(),
            type_arch: s(),
            vcpus: s(),
            memory: s(),
            type_nvme: s(),
            family: s(),
            offered: RwSignal::new(true),
            type_search: s(),
        }
    }

    fn image(&self, image: &Image, today: Date) -> bool {
        let is =
            |filter: RwSignal<String>, value: String| filter.with(|f| f.is_empty() || *f == value);
        let search = self.image_search.get().to_lowercase();
        is(self.kind, enum_text(&image.kind))
            && is(self.os, image.os.clone().unwrap_or_default())
            && is(self.platform, enum_text(&image.platform))
            && is(self.image_arch, enum_text(&image.arch))
            && is(self.boot, enum_text(&image.boot_mode))
            && is(self.image_nvme, enum_text(&image.nvme))
            && is(
                self.fee,
                if image.license_fee {
                    "yes".into()
                } else {
                    "no".into()
                },
            )
            && is(
                self.eol,
                if image.eol.is_some_and(|d| d <= today) {
                    "eol".into()
                } else {
                    "supported".into()
                },
            )
            && (search.is_empty()
                || image.id.to_lowercase().contains(&search)
                || image.label().to_lowercase().contains(&search)
                || image
                    .os
                    .as_deref()
                    .is_some_and(|o| o.to_lowercase().contains(&search)))
    }

    fn instance_type(&self, t: &InstanceType, region: &str) -> bool {
        let is =
            |filter: RwSignal<String>, value: &str| filter.with(|f| f.is_empty() || f == value);
        let at_least = |filter: RwSignal<String>, value: f64| {
            filter.with(|f| f.trim().parse::<f64>().map_or(true, |min| value >= min))
        };
        let search = self.type_search.get().to_lowercase();
        is(self.type_arch, &enum_text(&t.arch))
            && is(self.type_nvme, &enum_text(&t.nvme))
            && is(self.family, t.family())
            && at_least(self.vcpus, f64::from(t.vcpus.unwrap_or_default()))
            && at_least(self.memory, t.memory_gib.unwrap_or_default())
            && (!self.offered.get() || t.offered_in(region))
            && (search.is_empty() || t.id.contains(&search))
    }
}

/// The matrix as rendered: labels, verdicts and reasons.
#[derive(Clone, PartialEq)]
struct Grid {
    images: Vec<String>,
    types: Vec<String>,
    cells: Vec<(Option<Severity>, String)>,
    total_images: usize,
    total_types: usize,
}

fn verdict(worst: Option<Severity>) -> (&'static str, &'static str, &'static str) {
    match worst {
        Some(Severity::Error) => ("✕", "fail", "is-fail"),
        Some(Severity::Warning) => ("▲", "warn", "is-warn"),
        _ => ("✓", "pass", "is-pass"),
    }
}

/// The compatibility panel.
#[component]
pub fn MatrixPanel() -> impl IntoView {
    let state = AppState::get();
    let filters = Filters::new();
    let region = RwSignal::new(
        state
            .regions()
            .into_iter()
            .next()
            .unwrap_or_else(|| "cn-hangzhou".into()),
    );
    let active = RwSignal::new((0usize, 0usize));
    let reason = RwSignal::new(String::from(
        "Move through the cells with the arrow keys; Enter uses the image and type in launch #0.",
    ));
    let images = Memo::new(move |_| {
        state.plan.with(|p| {
            let mut list: Vec<Image> = p
                .images
                .iter()
                .chain(p.creates.iter().map(|c| &c.image))
                .cloned()
                .collect();
            for image in &Catalog::builtin().images {
                if !list.iter().any(|i| i.id == image.id) {
                    list.push(image.clone());
                }
            }
            list
        })
    });
    let types = Memo::new(move |_| {
        state.plan.with(|p| {
            let mut list: Vec<InstanceType> = p.instance_types.clone();
            for t in &Catalog::builtin().instance_types {
                if !list.iter().any(|x| x.id == t.id) {
                    list.push(t.clone());
                }
            }
            list
        })
    });
    let grid = Memo::new(move |_| {
        let region = region.get();
        let as_of = state.plan.with(|p| p.as_of).unwrap_or(state.today);
        // The catalog the plan sees: the plan's own images and types carry no catalog facts.
        let catalog = state.plan.with(|p| Catalog::builtin().with_plan(p));
        images.with(|all_images| {
            types.with(|all_types| {
                let rows: Vec<&Image> = all_images
                    .iter()
                    .filter(|i| filters.image(i, as_of))
                    .collect();
                let cols: Vec<&InstanceType> = all_types
                    .iter()
                    .filter(|t| filters.instance_type(t, &region))
                    .collect();
                let (total_images, total_types) = (rows.len(), cols.len());
                let rows = &rows[..rows.len().min(MAX_ROWS)];
                let cols = &cols[..cols.len().min(MAX_COLS)];
                let m = matrix(&catalog, &region, rows, cols, as_of);
                let mut cells = Vec::with_capacity(rows.len() * cols.len());
                for r in 0..rows.len() {
                    for c in 0..cols.len() {
                        let issues = m.issues(r, c);
                        let text = if issues.is_empty() {
                            "No rule broken.".to_string()
                        } else {
                            issues
                                .iter()
                                .map(|(code, msg)| format!("{code}: {msg}"))
                                .collect::<Vec<_>>()
                                .join(" ")
                        };
                        cells.push((m.cell(r, c).worst, text));
                    }
                }
                Grid {
                    images: rows.iter().map(|i| i.id.clone()).collect(),
                    types: cols.iter().map(|t| t.id.clone()).collect(),
                    cells,
                    total_images,
                    total_types,
                }
            })
        })
    });
    let os_options = Memo::new(move |_| {
        let mut list: Vec<String> =
            images.with(|l| l.iter().filter_map(|i| i.os.clone()).collect());
        list.sort();
        list.dedup();
        let mut options = vec![(String::new(), "any".to_string())];
        options.extend(list.into_iter().map(|o| (o.clone(), o)));
        options
    });
    let families = Memo::new(move |_| {
        let mut list: Vec<String> =
            types.with(|l| l.iter().map(|t| t.family().to_string()).collect());
        list.sort();
        list.dedup();
        let mut options = vec![(String::new(), "any".to_string())];
        options.extend(list.into_iter().map(|f| (f.clone(), f)));
        options
    });
    let describe = move |r: usize, c: usize| {
        grid.with(|g| {
            let n = g.types.len();
            g.cells.get(r * n + c).map(|(worst, text)| {
                let (_, word, _) = verdict(*worst);
                format!(
                    "{} on {} in {}: {word}. {text}",
                    g.images[r],
                    g.types[c],
                    region.get_untracked()
                )
            })
        })
    };
    let focus_cell = move |r: usize, c: usize| {
        active.set((r, c));
        focus_by_id(&format!("cell-{r}-{c}"));
    };
    let use_cell = move |r: usize, c: usize| {
        let picked = grid.with_untracked(|g| (g.images.get(r).cloned(), g.types.get(c).cloned()));
        if let (Some(image), Some(instance_type)) = picked {
            let region = region.get_untracked();
            reason.set(format!(
                "Launch #0 now launches {image} on {instance_type} in {region}."
            ));
            state.edit(|p| match p.launches.first_mut() {
                Some(launch) => {
                    launch.image = Some(image);
                    launch.instance_type = Some(instance_type);
                    launch.region = Some(region);
                }
                None => p.launches.push(Launch {
                    region: Some(region),
                    image: Some(image),
                    instance_type: Some(instance_type),
                    ..Launch::default()
                }),
            });
        }
    };
    let on_key = move |ev: KeyboardEvent| {
        let (rows, cols) = grid.with_untracked(|g| (g.images.len(), g.types.len()));
        if rows == 0 || cols == 0 {
            return;
        }
        let (r, c) = active.get_untracked();
        let (r, c) = (r.min(rows - 1), c.min(cols - 1));
        let next = match ev.key().as_str() {
            "ArrowRight" => Some((r, (c + 1).min(cols - 1))),
            "ArrowLeft" => Some((r, c.saturating_sub(1))),
            "ArrowDown" => Some(((r + 1).min(rows - 1), c)),
            "ArrowUp" => Some((r.saturating_sub(1), c)),
            "Home" => Some((r, 0)),
            "End" => Some((r, cols - 1)),
            "Enter" | " " => {
                ev.prevent_default();
                use_cell(r, c);
                None
            }
            _ => None,
        };
        if let Some((r, c)) = next {
            ev.prevent_default();
            focus_cell(r, c);
        }
    };
    let select = |label: &'static str,
                  id: &'static str,
                  signal: RwSignal<String>,
                  options: Vec<(String, String)>| {
        view! { <Select id label value=signal on_change=Callback::new(move |v: String| signal.set(v)) options/> }
    };
    let any = |pairs: &[(&str, &str)]| {
        let mut list = static_options(&[("", "any")]);
        list.extend(static_options(pairs));
        list
    };
    let region_options: Vec<(String, String)> = Catalog::builtin()
        .regions
        .iter()
        .map(|r| (r.id.clone(), format!("{} · {}", r.id, r.name)))
        .collect();
    // Opening the panel moves focus to it (it sits below the columns on a phone).
    request_animation_frame(|| focus_by_id("matrix-h"));
    let on_panel_key = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            state.matrix_open.set(false);
            focus_by_id("open-matrix");
        }
    };
    view! {
        <section id="matrix-panel" class="eip-matrix-panel" aria-labelledby="matrix-h" on:keydown=on_panel_key>
            <div class="eip-item-head">
                <h2 id="matrix-h" tabindex="-1">"Compatibility: images × instance types"</h2>
                <button id="close-matrix" on:click=move |_| state.matrix_open.set(false)>"Close"</button>
            </div>
            <div class="eip-filters">
                <fieldset>
                    <legend>"Images"</legend>
                    <div class="eip-grid">
                        <div class="eip-with-help">
                            {select("Image type", "filter-image-type", filters.kind, any(&[("public", "Public"), ("custom", "Custom"), ("shared", "Shared"), ("marketplace", "Marketplace"), ("community", "Community")]))}
                            <button class="eip-help-button" aria-label="About image types" title="About image types"
                                on:click=move |_| state.guide.set(Some(GuideTopic::ImageTypes))>"?"</button>
                        </div>
                        <Select id="filter-os" label="OS" value=filters.os options=os_options on_change=Callback::new(move |v: String| filters.os.set(v))/>
                        {select("Platform", "filter-platform", filters.platform, any(&[("linux", "Linux"), ("windows", "Windows")]))}
                        {select("Architecture", "filter-image-arch", filters.image_arch, any(&[("x86_64", "x86_64"), ("arm64", "arm64"), ("i386", "i386")]))}
                        {select("Boot mode", "filter-boot", filters.boot, any(&[("BIOS", "BIOS"), ("UEFI", "UEFI"), ("UEFI-Preferred", "UEFI-Preferred")]))}
                        {select("NVMe driver", "filter-image-nvme", filters.image_nvme, any(&[("supported", "yes"), ("unsupported", "no")]))}
                        {select("Licence fee", "filter-fee", filters.fee, any(&[("yes", "yes"), ("no", "no")]))}
                        {select("End of life", "filter-eol", filters.eol, any(&[("supported", "not yet"), ("eol", "reached")]))}
                        <Input id="filter-image-search" label="Search images" placeholder="ubuntu, m-bp1…" value=filters.image_search
                            on_change=Callback::new(move |v: String| filters.image_search.set(v))/>
                    </div>
                </fieldset>
                <fieldset>
                    <legend>"Instance types"</legend>
                    <div class="eip-grid">
                        {select("Architecture", "filter-type-arch", filters.type_arch, any(&[("x86_64", "x86_64"), ("arm64", "arm64")]))}
                        <Input id="filter-vcpus" label="vCPUs at least" kind="number" value=filters.vcpus on_change=Callback::new(move |v: String| filters.vcpus.set(v))/>
                        <Input id="filter-memory" label="Memory (GiB) at least" kind="number" value=filters.memory on_change=Callback::new(move |v: String| filters.memory.set(v))/>
                        {select("NVMe", "filter-type-nvme", filters.type_nvme, any(&[("required", "required"), ("unsupported", "not used")]))}
                        <Select id="filter-family" label="Family" value=filters.family options=families on_change=Callback::new(move |v: String| filters.family.set(v))/>
                        <Input id="filter-type-search" label="Search types" placeholder="g8y" value=filters.type_search
                            on_change=Callback::new(move |v: String| filters.type_search.set(v))/>
                        <Check id="filter-offered" label="Offered in the region only" checked=filters.offered
                            on_change=Callback::new(move |on: bool| filters.offered.set(on))/>
                    </div>
                </fieldset>
            </div>
            <div class="eip-row">
                <Select id="matrix-region" label="Region" value=region
                    options=region_options
                    on_change=Callback::new(move |v: String| region.set(v))/>
                <p class="eip-muted" id="matrix-count">{move || grid.with(|g| {
                    let mut line = format!("{} image(s) × {} type(s)", g.total_images, g.total_types);
                    if g.total_images > g.images.len() || g.total_types > g.types.len() {
                        line.push_str(&format!("; showing the first {} × {}: narrow the filters to see the rest", g.images.len(), g.types.len()));
                    }
                    line
                })}</p>
            </div>
            <p id="matrix-reason" class="eip-reason" aria-live="polite">{reason}</p>
            <div class="eip-matrix-scroll">
                <table class="eip-matrix" role="grid" aria-labelledby="matrix-h" on:keydown=on_key>
                    {move || grid.with(|g| {
                        let n = g.types.len();
                        let last = (g.images.len().saturating_sub(1), n.saturating_sub(1));
                        view! {
                            <thead><tr>
                                <th scope="col">"Image \\ type"</th>
                                {g.types.iter().map(|t| view! { <th scope="col"><code>{t.trim_start_matches("ecs.").to_string()}</code></th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {g.images.iter().enumerate().map(|(r, image)| view! {
                                    <tr>
                                        <th scope="row"><code>{image.clone()}</code></th>
                                        {(0..n).map(|c| {
                                            let (worst, text) = &g.cells[r * n + c];
                                            let (icon, word, class) = verdict(*worst);
                                            view! {
                                                <td id=format!("cell-{r}-{c}") role="gridcell"
                                                    class=format!("eip-cell {class}")
                                                    tabindex=move || {
                                                        let (ar, ac) = active.get();
                                                        if (r, c) == (ar.min(last.0), ac.min(last.1)) { "0" } else { "-1" }
                                                    }
                                                    title=text.clone()
                                                    on:focus=move |_| {
                                                        active.set((r, c));
                                                        if let Some(line) = describe(r, c) { reason.set(line) }
                                                    }
                                                    on:click=move |_| use_cell(r, c)
                                                >
                                                    <span aria-hidden="true">{icon}</span> " " {word}
                                                </td>
                                            }
                                        }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        }
                    })}
                </table>
            </div>
        </section>
    }
}
