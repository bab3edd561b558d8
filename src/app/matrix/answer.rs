//! One question at a time: "which instance types can run this image here?" or "which images run
//! on this type here?". Every candidate is listed, grouped pass / warn / fail, with the reason
//! written out, and the answer can be taken to a documentation page as an embed.

use leptos::prelude::*;

use super::{verdict_icon, Question};
use crate::app::controls::{Check, Select};
use crate::app::state::AppState;
use crate::core::catalog::Catalog;
use crate::core::embed;
use crate::core::matrix::{Matrix, Verdict};
use crate::web::location;

/// One candidate in the answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Image or type ID.
    pub id: String,
    /// What to show beside it (vCPUs and memory, the image name, the copy it comes from).
    pub detail: String,
    /// `code: message` of every broken rule.
    pub reasons: Vec<String>,
}

/// The answer: candidates by verdict, best first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    /// The groups (pass, warn, fail), each possibly empty.
    pub groups: Vec<(Verdict, Vec<Line>)>,
}

impl Listing {
    /// The answer for the one image row of `m` (every column a type), or for its one type
    /// column (every row an image).
    pub fn of(m: &Matrix, question: &Question) -> Listing {
        let order = match question {
            Question::TypesFor(_) if !m.rows.is_empty() => m.row_by_verdict(0),
            Question::ImagesFor(_) if !m.types.is_empty() => m.column_by_verdict(0),
            _ => Vec::new(),
        };
        let mut groups: Vec<(Verdict, Vec<Line>)> =
            Verdict::ALL.iter().map(|v| (*v, Vec::new())).collect();
        for (verdict, at) in order {
            let (r, c) = match question {
                Question::TypesFor(_) => (0, at),
                _ => (at, 0),
            };
            let line = match question {
                Question::TypesFor(_) => {
                    let t = m.types[c];
                    let arch = match t.arch {
                        crate::core::model::CpuArch::X86_64 => "x86_64",
                        crate::core::model::CpuArch::Arm64 => "arm64",
                    };
                    Line {
                        id: t.id.clone(),
                        detail: match (t.vcpus, t.memory_gib) {
                            (Some(vcpus), Some(memory)) => {
                                format!("{vcpus} vCPU, {memory} GiB, {arch}")
                            }
                            _ => format!("size not given, {arch}"),
                        },
                        reasons: Vec::new(),
                    }
                }
                _ => {
                    let row = &m.rows[r];
                    let mut detail = row.image.label().to_string();
                    if let Some(n) = row.via_copy {
                        detail.push_str(&format!(", the plan's copy #{n} in {}", m.region));
                    }
                    Line {
                        id: row.image.id.clone(),
                        detail,
                        reasons: Vec::new(),
                    }
                }
            };
            let reasons = m
                .issues(r, c)
                .into_iter()
                .map(|(code, msg)| format!("{code}: {msg}"))
                .collect();
            let slot = groups.iter_mut().find(|(v, _)| *v == verdict);
            if let Some((_, lines)) = slot {
                lines.push(Line { reasons, ..line });
            }
        }
        Listing { groups }
    }
}

fn heading(verdict: Verdict, n: usize) -> String {
    let what = match verdict {
        Verdict::Pass => "pass",
        Verdict::Warn => "pass with a warning",
        Verdict::Fail => "fail",
    };
    format!("{} {n} {what}", verdict_icon(verdict))
}

/// The answer view with its subject picker (image or type), a pass-only switch, and the
/// embed snippet for the same question.
#[component]
pub fn AnswerView(
    question: RwSignal<Question>,
    region: RwSignal<String>,
    listing: Memo<Listing>,
    image_choices: Signal<Vec<(String, String)>>,
    type_choices: Signal<Vec<(String, String)>>,
    use_pair: Callback<(String, String)>,
    /// Whether the embed snippet is open.
    snippet_open: RwSignal<bool>,
) -> impl IntoView {
    let state = AppState::get();
    let passing_only = RwSignal::new(false);
    let subject = Signal::derive(move || match question.get() {
        Question::TypesFor(id) | Question::ImagesFor(id) => id,
        Question::Grid => String::new(),
    });
    let picker = move || match question.get() {
        Question::ImagesFor(_) => view! {
            <Select id="answer-type" label="Instance type" options=type_choices value=subject
                on_change=Callback::new(move |v: String| question.set(Question::ImagesFor(v)))/>
        }
        .into_any(),
        _ => view! {
            <Select id="answer-image" label="Image" options=image_choices value=subject
                on_change=Callback::new(move |v: String| question.set(Question::TypesFor(v)))/>
        }
        .into_any(),
    };
    let snippet = move || {
        let region = region.get();
        let in_catalog = match question.get() {
            Question::TypesFor(id) => Catalog::builtin()
                .image(&id)
                .map(|_| embed::snippet(&location::base_url(), &region, Some(&id), None)),
            Question::ImagesFor(id) => Catalog::builtin()
                .instance_type(&id)
                .map(|_| embed::snippet(&location::base_url(), &region, None, Some(&id))),
            Question::Grid => None,
        };
        in_catalog.ok_or_else(|| {
            crate::tr!(
                state.lang.get(),
                "The embed answers about the catalog's images and types; this one is your plan's own, so a documentation page could not show it.",
                "嵌入只回答目录中的镜像和实例规格；这一项是您计划中自己的，文档页面无法显示它。"
            )
            .into_string()
        })
    };
    view! {
        <div class="eip-row">
            {picker}
            <Check id="answer-passing-only" label="Only what passes" checked=passing_only
                on_change=Callback::new(move |on: bool| passing_only.set(on))/>
        </div>
        <div id="matrix-answer" aria-live="polite">
            {move || listing.with(|l| l.groups.iter()
                .filter(|(verdict, _)| !passing_only.get() || *verdict == Verdict::Pass)
                .map(|(verdict, lines)| {
                    let word = verdict.as_str();
                    view! {
                        <section class=format!("eip-answer-group is-{word}") data-verdict=word>
                            <h3>{heading(*verdict, lines.len())}</h3>
                            <ul class="eip-answer-list">
                                {lines.iter().map(|line| {
                                    let picked = line.id.clone();
                                    view! {
                                        <li class=format!("eip-answer is-{word}") data-id=line.id.clone()>
                                            <div class="eip-answer-head">
                                                <code>{line.id.clone()}</code>
                                                " "
                                                <span class="eip-muted">{line.detail.clone()}</span>
                                                <button class="eip-link" on:click=move |_| {
                                                    let pair = match question.get_untracked() {
                                                        Question::TypesFor(image) => (image, picked.clone()),
                                                        Question::ImagesFor(itype) => (picked.clone(), itype),
                                                        Question::Grid => return,
                                                    };
                                                    use_pair.run(pair);
                                                }>"Use in launch #0"</button>
                                            </div>
                                            {line.reasons.iter().map(|r| view! { <p class="eip-answer-why">{r.clone()}</p> }).collect_view()}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    }
                }).collect_view())}
        </div>
        <details class="eip-form" id="embed-snippet" prop:open=snippet_open
            on:toggle:target=move |ev| snippet_open.set(ev.target().open())>
            <summary>{state.t("Put this answer in a documentation page", "将此回答放入文档页面")}</summary>
            {move || match snippet() {
                Ok(html) => view! {
                    <p class="eip-muted">{state.t("Paste this where the answer should show; it stays current with the catalog.", "将以下代码粘贴到要显示回答的位置；它会随目录数据保持最新。")}</p>
                    <textarea id="embed-snippet-text" readonly rows="3" prop:value=html></textarea>
                }.into_any(),
                Err(why) => view! { <p class="eip-muted">{why}</p> }.into_any(),
            }}
        </details>
    }
}
