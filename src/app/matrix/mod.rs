//! The compatibility panel: which images run on which instance types in one region, as the
//! plan leaves that region (planned copies count). A grid of every image and type the filters
//! let through, or the whole answer to one question: every type for one image, or every image
//! for one type, grouped pass / warn / fail with the reasons written out.

mod answer;
mod filters;
mod grid;

use leptos::prelude::*;
use web_sys::KeyboardEvent;

use self::answer::{AnswerView, Listing};
use self::filters::{offered_values, FilterForm, Filters};
use self::grid::{Grid, GridTable};
use super::controls::Select;
use super::state::{focus_by_id, AppState};
use crate::core::catalog::Catalog;
use crate::core::i18n::{self, Lang, Term};
use crate::core::matrix::{with_plan_matrix, ImageFilter, TypeFilter, Verdict};
use crate::core::model::Launch;

/// What the panel shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// Every image against every type.
    Grid,
    /// Every instance type for one image.
    TypesFor(String),
    /// Every image for one instance type.
    ImagesFor(String),
}

/// The icon beside a verdict word (never colour alone).
pub fn verdict_icon(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Pass => "✓",
        Verdict::Warn => "▲",
        Verdict::Fail => "✕",
    }
}

/// The word for a verdict in `lang` (the cells, the answer groups); the `is-*` classes and
/// `data-verdict` keep the English code.
pub fn verdict_word(verdict: Verdict, lang: Lang) -> &'static str {
    match verdict {
        Verdict::Pass => Term::new("pass", "通过"),
        Verdict::Warn => Term::new("warn", "警告"),
        Verdict::Fail => Term::new("fail", "不通过"),
    }
    .get(lang)
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
    let question = RwSignal::new(Question::Grid);
    let snippet_open = RwSignal::new(false);
    // Asked to embed an answer: the question of launch #0's image, its snippet shown.
    Effect::new(move |_| {
        if state.matrix_embed.get() {
            state.matrix_embed.set(false);
            let image = state
                .plan
                .with_untracked(|p| p.launches.first().and_then(|l| l.image.clone()))
                .unwrap_or_else(|| "aliyun_3_x64_20G_alibase_20240819.vhd".into());
            question.set(Question::TypesFor(image));
            snippet_open.set(true);
            request_animation_frame(|| {
                focus_by_id("embed-snippet-text");
            });
        }
    });
    let reason = RwSignal::new(String::new());
    let as_of = move || state.plan.with(|p| p.as_of).unwrap_or(state.today);
    let grid = Memo::new(move |_| {
        let region = region.get();
        let lang = state.lang.get();
        state.plan.with(|p| {
            filters.images.with(|fi| {
                filters.types.with(|ft| {
                    with_plan_matrix(p, Catalog::builtin(), &region, (fi, ft), as_of(), |m| {
                        Grid::of(m, lang)
                    })
                })
            })
        })
    });
    let listing = Memo::new(move |_| {
        let region = region.get();
        let lang = state.lang.get();
        let question = question.get();
        state.plan.with(|p| match &question {
            Question::Grid => Listing::default(),
            Question::TypesFor(image) => filters.types.with(|ft| {
                let only = ImageFilter::only(image);
                with_plan_matrix(p, Catalog::builtin(), &region, (&only, ft), as_of(), |m| {
                    Listing::of(m, &question, lang)
                })
            }),
            Question::ImagesFor(itype) => filters.images.with(|fi| {
                let only = TypeFilter::only(itype);
                with_plan_matrix(p, Catalog::builtin(), &region, (fi, &only), as_of(), |m| {
                    Listing::of(m, &question, lang)
                })
            }),
        })
    });
    let use_pair = Callback::new(move |(image, instance_type): (String, String)| {
        let region = region.get_untracked();
        reason.set(
            crate::tr!(
                state.lang.get_untracked(),
                format!("Launch #0 now launches {image} on {instance_type} in {region}."),
                format!("启动实例 #0 现在在 {region} 地域以 {instance_type} 启动 {image}。")
            )
            .into_string(),
        );
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
    });
    let image_choices = Signal::derive(move || {
        state.plan.with(|p| {
            let catalog = Catalog::builtin().with_plan(p);
            crate::core::matrix::plan_images(p, &catalog)
                .into_iter()
                .map(|i| (i.id.clone(), format!("{} · {}", i.id, i.label())))
                .collect::<Vec<_>>()
        })
    });
    let type_choices = Signal::derive(move || {
        state.plan.with(|p| {
            let catalog = Catalog::builtin().with_plan(p);
            crate::core::matrix::plan_types(p, &catalog)
                .into_iter()
                .map(|t| (t.id.clone(), t.id.clone()))
                .collect::<Vec<_>>()
        })
    });
    let (os_names, families) = offered_values(state);
    let region_options = super::plan::region_options(state);
    // The subject a one-question view starts from: launch #0's image or type.
    let first_launch = move |pick: fn(&Launch) -> Option<String>| {
        state
            .plan
            .with_untracked(|p| p.launches.first().and_then(pick))
            .unwrap_or_default()
    };
    let mode = move |id: &'static str,
                     label: Term,
                     is: fn(&Question) -> bool,
                     to: fn(String, String) -> Question| {
        view! {
            <label class="eip-check">
                <input type="radio" name="matrix-mode" id=id
                    prop:checked=move || question.with(is)
                    on:change=move |_| question.set(to(first_launch(|l| l.image.clone()), first_launch(|l| l.instance_type.clone())))/>
                {state.t(label.en, label.zh)}
            </label>
        }
    };
    // Only a switch between the grid and a list redraws the panel (not a new subject).
    let is_grid = Memo::new(move |_| question.with(|q| *q == Question::Grid));
    // What the reason line says until a cell or answer is used.
    Effect::new(move |_| {
        let lang = state.lang.get();
        reason.set(String::from(if is_grid.get() {
            Term::new(
                "Move through the cells with the arrow keys; Enter uses the image and type in launch #0. A row or column heading lists every answer for that image or type.",
                "用方向键在单元格间移动；按 Enter 将该镜像和实例规格用于启动实例 #0。点击行标题或列标题可列出该镜像或实例规格的全部结果。",
            )
        } else {
            Term::new(
                "Every answer to one question, best first, each with its reasons; \"Use in launch #0\" puts it in the plan.",
                "一个问题的全部结果，最佳的在前，每项都附有原因；“用于启动实例 #0”会把它放入计划。",
            )
        }.get(lang)));
    });
    // Opening the panel moves focus to it (it sits below the columns on a phone).
    if !state.matrix_embed.get_untracked() {
        request_animation_frame(|| focus_by_id("matrix-h"));
    }
    let on_panel_key = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            state.matrix_open.set(false);
            focus_by_id("open-matrix");
        }
    };
    view! {
        <section id="matrix-panel" class="eip-matrix-panel" aria-labelledby="matrix-h" on:keydown=on_panel_key>
            <div class="eip-item-head">
                <h2 id="matrix-h" tabindex="-1">{state.t("Compatibility: images × instance types", "兼容性：镜像 × 实例规格")}</h2>
                <button id="close-matrix" on:click=move |_| state.matrix_open.set(false)>{state.t("Close", "关闭")}</button>
            </div>
            <p class="eip-muted">{state.t(
                "Verdicts for the region as your plan leaves it: an image the plan copies there counts as there.",
                "按计划执行后该地域的结果：计划复制到该地域的镜像视为已在该地域。",
            )}</p>
            <div class="eip-row">
                <Select id="matrix-region" label=state.t("Region", "地域") value=region
                    options=region_options
                    on_change=Callback::new(move |v: String| region.set(v))/>
                <fieldset class="eip-modes">
                    <legend>{state.t("Show", "显示")}</legend>
                    {mode("matrix-mode-grid", Term::new("Every image × type", "全部镜像 × 实例规格"), |q| *q == Question::Grid, |_, _| Question::Grid)}
                    {mode("matrix-mode-image", Term::new("Which types run one image", "哪些实例规格可运行某个镜像"), |q| matches!(q, Question::TypesFor(_)), |image, _| Question::TypesFor(image))}
                    {mode("matrix-mode-type", Term::new("Which images run on one type", "哪些镜像可在某个实例规格上运行"), |q| matches!(q, Question::ImagesFor(_)), |_, itype| Question::ImagesFor(itype))}
                </fieldset>
            </div>
            <FilterForm filters os_names families question/>
            {move || match is_grid.get() {
                true => view! {
                    <p class="eip-muted" id="matrix-count">{move || grid.with(|g| {
                        let lang = state.lang.get();
                        let mut line = crate::tr!(
                            lang,
                            format!(
                                "{} × {}",
                                i18n::count_en(g.total_images, "image", "images"),
                                i18n::count_en(g.total_types, "type", "types")
                            ),
                            format!("{} 个镜像 × {} 个实例规格", g.total_images, g.total_types)
                        ).into_string();
                        if g.total_images > g.images.len() || g.total_types > g.types.len() {
                            line.push_str(crate::tr!(
                                lang,
                                format!("; showing the first {} × {}: narrow the filters, or pick one image or type to see every answer", g.images.len(), g.types.len()),
                                format!("；仅显示前 {} × {}：请缩小筛选范围，或选择一个镜像或实例规格查看全部结果", g.images.len(), g.types.len())
                            ).as_str());
                        }
                        line
                    })}</p>
                    <p id="matrix-reason" class="eip-reason" aria-live="polite">{reason}</p>
                    <GridTable grid region question reason use_pair/>
                }.into_any(),
                false => view! {
                    <p id="matrix-reason" class="eip-reason" aria-live="polite">{reason}</p>
                    <AnswerView question region listing image_choices type_choices use_pair snippet_open/>
                }.into_any(),
            }}
        </section>
    }
}
