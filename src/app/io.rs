//! Plans in and out of the page: the share link, exports (download or copy), and imports (a plan
//! JSON file, or pasted DescribeImages / DescribeInstanceTypes output).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::catalog::Catalog;
use crate::core::export::Format;
use crate::core::import::{self, ImportError, Imported};
use crate::core::{link, parse_plan, Plan, Report};
use crate::web::{download, file, location};

/// The file name of the plan itself, for sharing a plan too large for a link.
const PLAN_FILE: &str = "ecs-plan.json";

/// "Copy link", and the exports as downloads and as copies. `status` is announced politely.
#[component]
pub fn ExportPanel(plan: Signal<Plan>, report: Signal<Report>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let manual_copy = RwSignal::new(None::<String>);
    let copy = move |what: &'static str, text: String| {
        spawn_local(async move {
            match download::copy_to_clipboard(&text).await {
                Ok(()) => {
                    manual_copy.set(None);
                    status.set(format!("Copied {what} to the clipboard."));
                }
                Err(err) => {
                    status.set(format!("Could not copy {what}: {err}."));
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
            copy("the share link", url);
        }
        Err(err) => {
            no_link.set(true);
            status.set(format!("No link was made: {err}."));
        }
    };
    let download_plan = move |_| {
        let text = plan.with(|p| serde_json::to_string_pretty(p).unwrap_or_default());
        match download::download(PLAN_FILE, "application/json", &text) {
            Ok(()) => status.set(format!(
                "Downloaded {PLAN_FILE}: open it with \"Open a plan JSON file\"."
            )),
            Err(err) => status.set(err),
        }
    };
    let buttons = Format::ALL
        .into_iter()
        .map(|kind| {
            let save = move |_| {
                let text = plan.with(|p| report.with(|r| kind.render(p, r)));
                let (name, mime) = kind.file();
                match download::download(name, mime, &text) {
                    Ok(()) => status.set(format!("Downloaded {name}.")),
                    Err(err) => status.set(err),
                }
            };
            let copy_text = move |_| {
                let text = plan.with(|p| report.with(|r| kind.render(p, r)));
                copy(kind.title(), text);
            };
            view! {
                <li>
                    <span class="eip-export-title">{kind.title()}</span>
                    <button id=format!("download-{}", kind.id()) on:click=save>"Download"</button>
                    <button id=format!("copy-{}", kind.id()) on:click=copy_text>"Copy"</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="eip-io" aria-labelledby="share-h">
            <h3 id="share-h">"Share and export"</h3>
            <p class="eip-share-line">
                <button id="copy-link" on:click=copy_link>"Copy link"</button>
                <span class="eip-muted">" The plan travels in the link, never to a server."</span>
                {move || no_link.get().then(|| view! {
                    " "<button id="download-plan" on:click=download_plan>"Download the plan file"</button>
                })}
            </p>
            <ul class="eip-export-list">{buttons}</ul>
            <p id="io-status" class="eip-status" role="status" aria-live="polite">{move || status.get()}</p>
            {move || manual_copy.get().map(|text| view! {
                <label class="eip-manual-copy">"Copy this text by hand:"
                    <textarea readonly rows="4">{text}</textarea>
                </label>
            })}
        </section>
    }
}

/// What an import did to the plan.
#[derive(Clone)]
pub enum ImportAction {
    /// Replace the whole plan with an opened plan file.
    Open(Box<Plan>),
    /// Add imported images or instance types to the plan.
    Merge(Imported),
}

fn describe_import_error(source: &str, err: &ImportError) -> String {
    format!("{source} could not be imported: {err}")
}

/// Opening a plan JSON file (picker or drag and drop) and pasting DescribeImages or
/// DescribeInstanceTypes output. Nothing is changed unless the input is valid.
#[component]
pub fn ImportPanel(on_import: Callback<ImportAction, String>) -> impl IntoView {
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
            status.set(String::new());
            error.set(format!(
                "{name} is not a valid plan: {err}. Your current plan was not changed."
            ));
        }
    };
    let read_file = move |file: web_sys::File| {
        let (name, size) = file::describe(&file);
        if size > crate::core::parse::MAX_PLAN_BYTES as f64 {
            error.set(format!(
                "{name} is {size} bytes; plan files are limited to {} bytes (1 MiB). Your current plan was not changed.",
                crate::core::parse::MAX_PLAN_BYTES
            ));
            return;
        }
        spawn_local(async move {
            match file::read_text(file).await {
                Ok(text) => open_text(name, text),
                Err(err) => error.set(format!("{name} could not be read: {err}")),
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
                status.set(String::new());
                error.set(format!(
                    "{}. Nothing was added; your text is still in the box.",
                    describe_import_error("The pasted output", &err)
                ));
            }
        }
    };
    view! {
        <section class="eip-io" aria-labelledby="import-h">
            <h3 id="import-h">"Import"</h3>
            <div
                class=move || if dragging.get() { "eip-drop eip-drop-active" } else { "eip-drop" }
                on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label for="plan-file">"Open a plan JSON file (or drop it here): "</label>
                <input id="plan-file" type="file" accept=".json,application/json" on:change=on_pick/>
            </div>
            <label for="describe-output">
                "Or paste the JSON output of "<code>"aliyun ecs DescribeImages"</code>", "
                <code>"aliyun ecs DescribeInstanceTypes"</code>" or "
                <code>"aliyun ecs DescribeImageSupportInstanceTypes"</code>" (the types an image is pinned to)"
                " to check your own account's images and types (no credentials needed here):"
            </label>
            <textarea
                id="describe-output"
                rows="4"
                prop:value=move || pasted.get()
                on:input:target=move |ev| pasted.set(ev.target().value())
            ></textarea>
            <div class="eip-import-row">
                <label for="describe-region">"Region of DescribeImages "</label>
                <select id="describe-region" on:change:target=move |ev| region.set(ev.target().value())>
                    {Catalog::builtin().regions.iter().map(|r| view! {
                        <option value=r.id.clone() selected=r.id == "cn-hangzhou">{r.id.clone()}</option>
                    }).collect_view()}
                </select>
                <button id="import-describe" on:click=import_pasted>"Add to plan"</button>
            </div>
            <p id="import-status" class="eip-status" role="status" aria-live="polite">{move || status.get()}</p>
            <p id="import-error" class="eip-error-text" role="alert">{move || error.get()}</p>
        </section>
    }
}
