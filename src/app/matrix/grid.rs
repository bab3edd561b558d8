//! The matrix as a grid: images down, instance types across, one verdict per cell with the
//! rule codes that decide it. Roving tabindex, arrow keys, Enter to use a cell; a row or
//! column heading opens the list for that image or type.

use leptos::prelude::*;
use web_sys::KeyboardEvent;

use super::{verdict_icon, verdict_word, Question};
use crate::app::state::{focus_by_id, AppState};
use crate::core::i18n::{Lang, Term};
use crate::core::matrix::{Matrix, Verdict};
use crate::tr;

/// Most rows and columns the grid draws; the count line says when filters hide more.
pub const MAX_ROWS: usize = 30;
/// See [`MAX_ROWS`].
pub const MAX_COLS: usize = 24;

/// One cell as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct GridCell {
    /// Pass, warn or fail.
    pub verdict: Verdict,
    /// The codes of the broken rules.
    pub codes: Vec<&'static str>,
    /// Every broken rule as `code: message`, or that none is.
    pub reasons: String,
}

/// The grid as drawn: labels and cells, plus how many images and types the filters let through.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    /// Row labels: image ID, and the planned copy that brings it to the region.
    pub images: Vec<(String, Option<usize>)>,
    /// Column labels: type IDs.
    pub types: Vec<String>,
    /// Cells, row by row.
    pub cells: Vec<GridCell>,
    /// Images the filters let through.
    pub total_images: usize,
    /// Types the filters let through.
    pub total_types: usize,
}

impl Grid {
    /// The first [`MAX_ROWS`] x [`MAX_COLS`] of a matrix, its reasons in `lang`.
    pub fn of(m: &Matrix, lang: Lang) -> Grid {
        let rows = m.rows.len().min(MAX_ROWS);
        let cols = m.types.len().min(MAX_COLS);
        let mut cells = Vec::with_capacity(rows * cols);
        for r in 0..rows {
            for c in 0..cols {
                let issues = m.issues_in(r, c, lang);
                let reasons = if issues.is_empty() {
                    Term::new("No rule broken.", "没有违反任何规则。")
                        .get(lang)
                        .to_string()
                } else {
                    issues
                        .iter()
                        .map(|(code, msg)| format!("{code}: {msg}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                cells.push(GridCell {
                    verdict: Verdict::of(m.cell(r, c)),
                    codes: issues.iter().map(|(code, _)| *code).collect(),
                    reasons,
                });
            }
        }
        Grid {
            images: m.rows[..rows]
                .iter()
                .map(|row| (row.image.id.clone(), row.via_copy))
                .collect(),
            types: m.types[..cols].iter().map(|t| t.id.clone()).collect(),
            cells,
            total_images: m.rows.len(),
            total_types: m.types.len(),
        }
    }
}

/// The grid table.
#[component]
pub fn GridTable(
    grid: Memo<Grid>,
    region: RwSignal<String>,
    question: RwSignal<Question>,
    reason: RwSignal<String>,
    use_pair: Callback<(String, String)>,
) -> impl IntoView {
    let state = AppState::get();
    let active = RwSignal::new((0usize, 0usize));
    let describe = move |r: usize, c: usize| {
        let lang = state.lang.get_untracked();
        grid.with(|g| {
            let n = g.types.len();
            g.cells.get(r * n + c).map(|cell| {
                let (image, itype, region) = (&g.images[r].0, &g.types[c], region.get_untracked());
                let word = verdict_word(cell.verdict, lang);
                tr!(
                    lang,
                    format!("{image} on {itype} in {region}: {word}. {}", cell.reasons),
                    format!(
                        "{region} 地域以 {itype} 运行 {image}：{word}。{}",
                        cell.reasons
                    )
                )
                .into_string()
            })
        })
    };
    let use_cell = move |r: usize, c: usize| {
        let picked = grid.with_untracked(|g| (g.images.get(r).cloned(), g.types.get(c).cloned()));
        if let (Some((image, _)), Some(instance_type)) = picked {
            use_pair.run((image, instance_type));
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
            active.set((r, c));
            focus_by_id(&format!("cell-{r}-{c}"));
        }
    };
    view! {
        <div class="eip-matrix-scroll">
            <table class="eip-matrix" role="grid" aria-labelledby="matrix-h" on:keydown=on_key>
                {move || grid.with(|g| {
                    let lang = state.lang.get();
                    let n = g.types.len();
                    let last = (g.images.len().saturating_sub(1), n.saturating_sub(1));
                    view! {
                        <thead><tr>
                            <th scope="col">{Term::new("Image \\ type", "镜像 \\ 实例规格").get(lang)}</th>
                            {g.types.iter().map(|t| {
                                let id = t.clone();
                                view! {
                                    <th scope="col">
                                        <button class="eip-link" title=tr!(lang, format!("Which images run on {t}?"), format!("哪些镜像可在 {t} 上运行？")).into_string()
                                            on:click=move |_| question.set(Question::ImagesFor(id.clone()))>
                                            <code>{t.trim_start_matches("ecs.").to_string()}</code>
                                        </button>
                                    </th>
                                }
                            }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {g.images.iter().enumerate().map(|(r, (image, via_copy))| {
                                let id = image.clone();
                                view! {
                                    <tr>
                                        <th scope="row">
                                            <button class="eip-link" title=tr!(lang, format!("Which types can run {image}?"), format!("哪些实例规格可以运行 {image}？")).into_string()
                                                on:click=move |_| question.set(Question::TypesFor(id.clone()))>
                                                <code>{image.clone()}</code>
                                            </button>
                                            {via_copy.map(|n| view! { <span class="eip-muted">{tr!(lang, format!(" via copy #{n}"), format!("（来自复制镜像 #{n}）")).into_string()}</span> })}
                                        </th>
                                        {(0..n).map(|c| {
                                            let cell = &g.cells[r * n + c];
                                            let word = cell.verdict.as_str();
                                            let shown = verdict_word(cell.verdict, lang);
                                            let why = cell.codes.join(", ");
                                            view! {
                                                <td id=format!("cell-{r}-{c}") role="gridcell"
                                                    class=format!("eip-cell is-{word}")
                                                    tabindex=move || {
                                                        let (ar, ac) = active.get();
                                                        if (r, c) == (ar.min(last.0), ac.min(last.1)) { "0" } else { "-1" }
                                                    }
                                                    title=cell.reasons.clone()
                                                    on:focus=move |_| {
                                                        active.set((r, c));
                                                        if let Some(line) = describe(r, c) { reason.set(line) }
                                                    }
                                                    on:click=move |_| use_cell(r, c)
                                                >
                                                    <span aria-hidden="true">{verdict_icon(cell.verdict)}</span> " " {shown}
                                                    {(!why.is_empty()).then(|| view! { <span class="eip-cell-why">{why}</span> })}
                                                </td>
                                            }
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    }
                })}
            </table>
        </div>
    }
}
