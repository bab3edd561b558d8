//! Plans in and out of the page: the share link, exports (download or copy), and imports (a plan
//! JSON file, or pasted DescribeImages / DescribeInstanceTypes output).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::lazy::ExportLoad;
use super::state::AppState;
use crate::core::catalog::Catalog;
use crate::core::export::Format;
use crate::core::i18n::{Lang, Term};
use crate::core::import::{self, Imported};
use crate::core::{link, parse_plan, Plan, Report};
use crate::tr;
use crate::web::{download, file, location};

/// The file name of the plan itself, for sharing a plan too large for a link.
const PLAN_FILE: &str = "ecs-plan.json";

/// "Copy link", and the exports as downloads and as copies, rendered by `render` (loaded on the
/// first use, see `app::lazy`). `status` is announced politely.
#[component]
pub fn ExportPanel(
    plan: Signal<Plan>,
    report: Signal<Report>,
    render: fn(Format, Plan, Report, Lang) -> ExportLoad,
) -> impl IntoView {
    let state = AppState::get();
    let t = move |en, zh| state.t(en, zh);
    let lang = move || state.lang.get_untracked();
    let status = RwSignal::new(String::new());
    let manual_copy = RwSignal::new(None::<String>);
    let copy = move |what: Term, text: String| {
        let lang = lang();
        spawn_local(async move {
            match download::copy_to_clipboard(&text, lang).await {
                Ok(()) => {
                    manual_copy.set(None);
                    status.set(
                        tr!(
                            lang,
                            format!("Copied {} to the clipboard.", what.en),
                            format!("已将{}复制到剪贴板。", what.zh)
                        )
                        .into_string(),
                    );
                }
                Err(err) => {
                    status.set(
                        tr!(
                            lang,
                            format!("Could not copy {}: {err}.", what.en),
                            format!("无法复制{}：{err}。", what.zh)
                        )
                        .into_string(),
                    );
                    manual_copy.set(Some(text));
                }
            }
        });
    };
    // The link is made when asked for, not on every edit: a plan at the limits takes tens of
    // milliseconds to compress. A plan no link can carry is offered as a file instead.
    let no_link = RwSignal::new(false);
    let copy_link = move |_| match plan.with(|p| link::link(p, &location::base_url())) {
        Ok(url) => {
            no_link.set(false);
            copy(Term::new("the share link", "分享链接"), url);
        }
        Err(err) => {
            no_link.set(true);
            let lang = lang();
            let why = err.text(lang);
            status.set(
                tr!(
                    lang,
                    format!("No link was made: {why}."),
                    format!("未生成链接：{why}。")
                )
                .into_string(),
            );
        }
    };
    let download_plan = move |_| {
        let lang = lang();
        let text = plan.with(|p| serde_json::to_string_pretty(p).unwrap_or_default());
        match download::download(PLAN_FILE, "application/json", &text, lang) {
            Ok(()) => status.set(
                tr!(
                    lang,
                    format!("Downloaded {PLAN_FILE}: open it with \"Open a plan JSON file\"."),
                    format!("已下载 {PLAN_FILE}：可以通过“打开计划 JSON 文件”打开它。")
                )
                .into_string(),
            ),
            Err(err) => status.set(err),
        }
    };
    let buttons = Format::ALL
        .into_iter()
        .map(|kind| {
            let save = move |_| {
                let lang = lang();
                let (p, r) = (plan.get_untracked(), report.get_untracked());
                spawn_local(async move {
                    let Some(text) = render(kind, p, r, lang).await else {
                        return status.set(unavailable(kind, lang));
                    };
                    let (name, mime) = kind.file();
                    match download::download(name, mime, &text, lang) {
                        Ok(()) => status.set(
                            tr!(lang, format!("Downloaded {name}."), format!("已下载 {name}。"))
                                .into_string(),
                        ),
                        Err(err) => status.set(err),
                    }
                });
            };
            let copy_text = move |_| {
                let lang = lang();
                let (p, r) = (plan.get_untracked(), report.get_untracked());
                spawn_local(async move {
                    match render(kind, p, r, lang).await {
                        Some(text) => {
                            copy(kind.title(), text)
                        }
                        None => status.set(unavailable(kind, lang)),
                    }
                });
            };
            view! {
                <li>
                    <span class="eip-export-title">{move || kind.title().get(state.lang.get())}</span>
                    <button id=format!("download-{}", kind.id()) on:click=save>{t("Download", "下载")}</button>
                    <button id=format!("copy-{}", kind.id()) on:click=copy_text>{t("Copy", "复制")}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="eip-io" aria-labelledby="share-h">
            <h3 id="share-h">{t("Share and export", "分享与导出")}</h3>
            <p class="eip-share-line">
                <button id="copy-link" on:click=copy_link>{t("Copy link", "复制链接")}</button>
                <span class="eip-muted">{t(" The plan travels in the link, never to a server.", " 计划保存在链接中，不会发送到任何服务器。")}</span>
                {move || no_link.get().then(|| view! {
                    " "<button id="download-plan" on:click=download_plan>{t("Download the plan file", "下载计划文件")}</button>
                })}
            </p>
            <ul class="eip-export-list">{buttons}</ul>
            <p id="io-status" class="eip-status" role="status" aria-live="polite">{move || status.get()}</p>
            {move || manual_copy.get().map(|text| view! {
                <label class="eip-manual-copy">{t("Copy this text by hand:", "请手动复制以下文本：")}
                    <textarea readonly rows="4">{text}</textarea>
                </label>
            })}
        </section>
    }
}

/// The status when an export's renderer could not be fetched (offline before the service
/// worker had it): nothing changed, and pressing the button again tries again.
fn unavailable(kind: Format, lang: Lang) -> String {
    tr!(
        lang,
        format!(
            "Could not load the {} export: the connection failed. Your plan is not affected; press the button again to retry.",
            kind.title().en
        ),
        format!(
            "无法加载{}导出：网络连接失败。您的计划不受影响；再次点击按钮即可重试。",
            kind.title().zh
        )
    )
    .into_string()
}

/// What an import did to the plan.
#[derive(Clone)]
pub enum ImportAction {
    /// Replace the whole plan with an opened plan file.
    Open(Box<Plan>),
    /// Add imported images or instance types to the plan.
    Merge(Imported),
}

/// Opening a plan JSON file (picker or drag and drop) and pasting DescribeImages or
/// DescribeInstanceTypes output. Nothing is changed unless the input is valid.
#[component]
pub fn ImportPanel(on_import: Callback<ImportAction, String>) -> impl IntoView {
    let state = AppState::get();
    let t = move |en, zh| state.t(en, zh);
    let lang = move || state.lang.get_untracked();
    let status = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let pasted = RwSignal::new(String::new());
    let region = RwSignal::new("cn-hangzhou".to_string());
    let dragging = RwSignal::new(false);

    let open_text = move |name: String, text: String| match parse_plan(&text) {
        Ok(plan) => {
            error.set(String::new());
            status.set(on_import.run(ImportAction::Open(Box::new(plan))));
        }
        Err(err) => {
            let lang = lang();
            let why = err.text(lang);
            status.set(String::new());
            error.set(
                tr!(
                    lang,
                    format!(
                        "{name} is not a valid plan: {why}. Your current plan was not changed."
                    ),
                    format!("{name} 不是有效的计划：{why}。您当前的计划没有改变。")
                )
                .into_string(),
            );
        }
    };
    let read_file = move |file: web_sys::File| {
        let (name, size) = file::describe(&file);
        let max = crate::core::parse::MAX_PLAN_BYTES;
        if size > max as f64 {
            error.set(
                tr!(
                    lang(),
                    format!("{name} is {size} bytes; plan files are limited to {max} bytes (1 MiB). Your current plan was not changed."),
                    format!("{name} 有 {size} 字节；计划文件最多 {max} 字节（1 MiB）。您当前的计划没有改变。")
                )
                .into_string(),
            );
            return;
        }
        spawn_local(async move {
            match file::read_text(file).await {
                Ok(text) => open_text(name, text),
                Err(err) => error.set(
                    tr!(
                        lang(),
                        format!("{name} could not be read: {err}"),
                        format!("无法读取 {name}：浏览器拒绝读取此文件")
                    )
                    .into_string(),
                ),
            }
        });
    };
    let on_pick = move |ev: web_sys::Event| {
        if let Some(picked) = file::picked(&ev) {
            read_file(picked);
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(dropped) = file::dropped(&ev) {
            read_file(dropped);
        }
    };
    let import_pasted = move |_| {
        let text = pasted.get_untracked();
        match import::detect_and_import(&text, &region.get_untracked()) {
            Ok(imported) => {
                error.set(String::new());
                status.set(on_import.run(ImportAction::Merge(imported)));
            }
            Err(err) => {
                let lang = lang();
                let why = err.text(lang);
                status.set(String::new());
                error.set(
                    tr!(
                        lang,
                        format!("The pasted output could not be imported: {why}. Nothing was added; your text is still in the box."),
                        format!("无法导入粘贴的输出：{why}。未添加任何内容；您的文本仍在输入框中。")
                    )
                    .into_string(),
                );
            }
        }
    };
    view! {
        <section class="eip-io" aria-labelledby="import-h">
            <h3 id="import-h">{t("Import", "导入")}</h3>
            <div
                class=move || if dragging.get() { "eip-drop eip-drop-active" } else { "eip-drop" }
                on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label for="plan-file">{t("Open a plan JSON file (or drop it here): ", "打开计划 JSON 文件（或拖放到这里）：")}</label>
                <input id="plan-file" type="file" accept=".json,application/json" on:change=on_pick/>
            </div>
            <label for="describe-output">
                {t("Or paste the JSON output of ", "或者粘贴 ")}<code>"aliyun ecs DescribeImages"</code>{t(", ", "、")}
                <code>"aliyun ecs DescribeInstanceTypes"</code>{t(" or ", " 或 ")}
                <code>"aliyun ecs DescribeImageSupportInstanceTypes"</code>{t(" (the types an image is pinned to)", "（镜像限定的实例规格）")}
                {t(
                    " to check your own account's images and types (no credentials needed here):",
                    " 的 JSON 输出，以检查您自己账号的镜像和实例规格（此处无需任何凭证）：",
                )}
            </label>
            <textarea
                id="describe-output"
                rows="4"
                prop:value=move || pasted.get()
                on:input:target=move |ev| pasted.set(ev.target().value())
            ></textarea>
            <div class="eip-import-row">
                <label for="describe-region">{t("Region of DescribeImages ", "DescribeImages 的地域 ")}</label>
                <select id="describe-region" on:change:target=move |ev| region.set(ev.target().value())>
                    {Catalog::builtin().regions.iter().map(|r| view! {
                        <option value=r.id.clone() selected=r.id == "cn-hangzhou">{r.id.clone()}</option>
                    }).collect_view()}
                </select>
                <button id="import-describe" on:click=import_pasted>{t("Add to plan", "添加到计划")}</button>
            </div>
            <p id="import-status" class="eip-status" role="status" aria-live="polite">{move || status.get()}</p>
            <p id="import-error" class="eip-error-text" role="alert">{move || error.get()}</p>
        </section>
    }
}
