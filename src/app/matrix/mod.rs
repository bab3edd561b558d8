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
        state.plan.with(|p| {
            filters.images.with(|fi| {
                filters.types.with(|ft| {
                    with_plan_matrix(p, Catalog::builtin(), &region, (fi, ft), as_of(), Grid::of)
                })
            })
        })
    });
    let listing = Memo::new(move |_| {
        let region = region.get();
        let question = question.get();
        state.plan.with(|p| match &question {
            Question::Grid => Listing::default(),
            Question::TypesFor(image) => filters.types.with(|ft| {
                let only = ImageFilter::only(image);
                with_plan_matrix(p, Catalog::builtin(), &region, (&only, ft), as_of(), |m| {
                    Listing::of(m, &question)
                })
            }),
            Question::ImagesFor(itype) => filters.images.with(|fi| {
                let only = TypeFilter::only(itype);
                with_plan_matrix(p, Catalog::builtin(), &region, (fi, &only), as_of(), |m| {
                    Listing::of(m, &question)
                })
            }),
        })
    });
    let use_pair = Callback::new(move |(image, instance_type): (String, String)| {
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
    let region_options: Vec<(String, String)> = Catalog::builtin()
        .regions
        .iter()
        .map(|r| (r.id.clone(), format!("{} · {}", r.id, r.name)))
        .collect();
    // The subject a one-question view starts from: launch #0's image or type.
    let first_launch = move |pick: fn(&Launch) -> Option<String>| {
        state
            .plan
            .with_untracked(|p| p.launches.first().and_then(pick))
            .unwrap_or_default()
    };
    let mode = move |id: &'static str,
                     label: &'static str,
                     is: fn(&Question) -> bool,
                     to: fn(String, String) -> Question| {
        view! {
            <label class="eip-check">
                <input type="radio" name="matrix-mode" id=id
                    prop:checked=move || question.with(is)
                    on:change=move |_| question.set(to(first_launch(|l| l.image.clone()), first_launch(|l| l.instance_type.clone())))/>
                {label}
            </label>
        }
    };
    // Only a switch between the grid and a list redraws the panel (not a new subject).
    let is_grid = Memo::new(move |_| question.with(|q| *q == Question::Grid));
    // What the reason line says until a cell or answer is used.
    Effect::new(move |_| {
        reason.set(String::from(if is_grid.get() {
            "Move through the cells with the arrow keys; Enter uses the image and type in launch #0. A row or column heading lists every answer for that image or type."
        } else {
            "Every answer to one question, best first, each with its reasons; \"Use in launch #0\" puts it in the plan."
        }));
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
                <h2 id="matrix-h" tabindex="-1">"Compatibility: images × instance types"</h2>
                <button id="close-matrix" on:click=move |_| state.matrix_open.set(false)>"Close"</button>
            </div>
            <p class="eip-muted">"Verdicts for the region as your plan leaves it: an image the plan copies there counts as there."</p>
            <div class="eip-row">
                <Select id="matrix-region" label="Region" value=region
                    options=region_options
                    on_change=Callback::new(move |v: String| region.set(v))/>
                <fieldset class="eip-modes">
                    <legend>"Show"</legend>
                    {mode("matrix-mode-grid", "Every image × type", |q| *q == Question::Grid, |_, _| Question::Grid)}
                    {mode("matrix-mode-image", "Which types run one image", |q| matches!(q, Question::TypesFor(_)), |image, _| Question::TypesFor(image))}
                    {mode("matrix-mode-type", "Which images run on one type", |q| matches!(q, Question::ImagesFor(_)), |_, itype| Question::ImagesFor(itype))}
                </fieldset>
            </div>
            <FilterForm filters os_names families question/>
            {move || match is_grid.get() {
                true => view! {
                    <p class="eip-muted" id="matrix-count">{move || grid.with(|g| {
                        let mut line = format!("{} image(s) × {} type(s)", g.total_images, g.total_types);
                        if g.total_images > g.images.len() || g.total_types > g.types.len() {
                            line.push_str(&format!("; showing the first {} × {}: narrow the filters, or pick one image or type to see every answer", g.images.len(), g.types.len()));
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
