//! Embed mode: one question answered inside a documentation page, in one column, with no
//! header or footer, following the host's theme and posting its height to the host.

use leptos::prelude::*;

use crate::core::answer::{answer_in, Answer, Candidate, Question};
use crate::core::catalog::Catalog;
use crate::core::embed::{EmbedMode, EmbedOptions, HostMessage, Theme};
use crate::core::i18n::{self, Lang, Term};
use crate::core::{link, Date, Finding, Severity};
use crate::tr;

/// The default region of an embed that names none.
const DEFAULT_REGION: &str = "cn-hangzhou";

fn theme_class(theme: Theme) -> &'static str {
    match theme {
        Theme::Auto => "eip eip-embed",
        Theme::Light => "eip eip-embed eip-light",
        Theme::Dark => "eip eip-embed eip-dark",
    }
}

/// Verdict word and icon for a severity: never colour alone.
fn verdict(worst: Option<Severity>, lang: Lang) -> (&'static str, &'static str, &'static str) {
    let (word, icon, class) = match worst {
        None => (Term::new("pass", "通过"), "✓", "eip-sev-pass"),
        Some(Severity::Info) => (Term::new("info", "提示"), "ℹ", "eip-sev-info"),
        Some(Severity::Warning) => (Term::new("warning", "警告"), "!", "eip-sev-warning"),
        Some(Severity::Error) => (Term::new("fail", "不通过"), "✗", "eip-sev-error"),
    };
    (word.get(lang), icon, class)
}

/// An embedded planner for `options`, or the reason the parameters are wrong.
#[component]
pub fn Embed(options: Result<EmbedOptions, String>, today: Date) -> impl IntoView {
    let lang = crate::web::lang::initial();
    crate::web::lang::set_document_lang(lang);
    let (theme, set_theme) = signal(options.as_ref().map(|o| o.theme).unwrap_or_default());
    crate::web::embed::listen_to_host(move |message| match message {
        HostMessage::SetTheme(theme) => set_theme.set(theme),
    });
    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(element) = root.get() {
            crate::web::embed::post_height_on_resize(&element);
        }
    });
    let body = match options {
        Ok(options) => view! { <EmbedAnswer options today lang/> }.into_any(),
        Err(message) => view! {
            <p class="eip-embed-error" role="alert">{message}</p>
        }
        .into_any(),
    };
    view! {
        <div class=move || theme_class(theme.get()) node_ref=root id="embed">
            {body}
        </div>
    }
}

#[component]
fn EmbedAnswer(options: EmbedOptions, today: Date, lang: Lang) -> impl IntoView {
    let catalog = Catalog::builtin();
    let region = RwSignal::new(
        options
            .region
            .clone()
            .unwrap_or_else(|| DEFAULT_REGION.to_string()),
    );
    let instance_type = RwSignal::new(options.instance_type.clone());
    let image = RwSignal::new(options.image.clone());
    let family = options.family.clone();
    let platform = options.platform;
    let result = Memo::new(move |_| {
        let (region, instance_type, image) = (region.get(), instance_type.get(), image.get());
        let question = Question {
            region: &region,
            instance_type: instance_type.as_deref(),
            image: image.as_deref(),
            family: family.as_deref(),
            platform,
        };
        answer_in(catalog, &question, today, lang)
    });
    let controls = (options.mode == EmbedMode::Interactive).then(|| {
        view! { <EmbedControls region instance_type image lang/> }
    });
    view! {
        {controls}
        {move || match result.get() {
            Ok(answer) => view! { <AnswerView answer region=region.get() lang/> }.into_any(),
            Err(message) => view! { <p class="eip-embed-error" role="alert">{message}</p> }.into_any(),
        }}
    }
}

#[component]
fn EmbedControls(
    region: RwSignal<String>,
    instance_type: RwSignal<Option<String>>,
    image: RwSignal<Option<String>>,
    lang: Lang,
) -> impl IntoView {
    let catalog = Catalog::builtin();
    let any = tr!(lang, "any", "任意").into_string();
    let none_if_empty = |value: String| (!value.is_empty()).then_some(value);
    view! {
        <div class="eip-embed-controls">
            <label>{tr!(lang, "Region ", "地域 ").into_string()}
                <select id="embed-region" on:change:target=move |ev| region.set(ev.target().value())>
                    {catalog.regions.iter().map(|r| {
                        let id = r.id.clone();
                        let selected = region.get_untracked() == id;
                        view! { <option value=id.clone() selected=selected>{format!("{} ({})", r.name_in(lang), r.id)}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>{tr!(lang, "Instance type ", "实例规格 ").into_string()}
                <select id="embed-type" on:change:target=move |ev| instance_type.set(none_if_empty(ev.target().value()))>
                    <option value="">{any.clone()}</option>
                    {catalog.instance_types.iter().map(|t| {
                        let selected = instance_type.get_untracked().as_deref() == Some(t.id.as_str());
                        view! { <option value=t.id.clone() selected=selected>{t.id.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>{tr!(lang, "Image ", "镜像 ").into_string()}
                <select id="embed-image" on:change:target=move |ev| image.set(none_if_empty(ev.target().value()))>
                    <option value="">{any}</option>
                    {catalog.images.iter().map(|i| {
                        let selected = image.get_untracked().as_deref() == Some(i.id.as_str());
                        view! { <option value=i.id.clone() selected=selected>{i.label().to_string()}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}

#[component]
fn AnswerView(answer: Answer, region: String, lang: Lang) -> impl IntoView {
    match answer {
        Answer::ImagesForType {
            instance_type,
            images,
        } => {
            let fits = images.iter().filter(|c| c.worst.is_none()).count();
            let (id, total) = (&instance_type.id, images.len());
            let title = tr!(
                lang,
                format!("Which images fit {id} in {region}? {fits} of {total} pass."),
                format!("在 {region}，哪些镜像适用于 {id}？{total} 个中 {fits} 个通过。")
            )
            .into_string();
            view! {
                <h2 class="eip-embed-title">{title}</h2>
                <CandidateList candidates=images lang/>
            }
            .into_any()
        }
        Answer::TypesForImage { image, types } => {
            let fits = types.iter().filter(|c| c.worst.is_none()).count();
            let (label, total) = (image.label(), types.len());
            let title = tr!(
                lang,
                format!(
                    "Which instance types can launch {label} in {region}? {fits} of {total} pass."
                ),
                format!("在 {region}，哪些实例规格可以启动 {label}？{total} 个中 {fits} 个通过。")
            )
            .into_string();
            view! {
                <h2 class="eip-embed-title">{title}</h2>
                <CandidateList candidates=types lang/>
            }
            .into_any()
        }
        Answer::Launch { plan, findings } => {
            let launch = &plan.launches[0];
            let (image, itype, at) = (
                launch.image.as_deref().unwrap_or_default(),
                launch.instance_type.as_deref().unwrap_or_default(),
                launch.region.as_deref().unwrap_or_default(),
            );
            let title = tr!(
                lang,
                format!("Can {image} launch on {itype} in {at}?"),
                format!("在 {at}，{image} 能否在 {itype} 上启动？")
            )
            .into_string();
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            let verdict_text = if errors == 0 {
                tr!(
                    lang,
                    "Yes: no rule blocks this launch.",
                    "可以：没有规则阻止此次启动。"
                )
            } else {
                tr!(
                    lang,
                    format!(
                        "No: {} block this launch.",
                        i18n::count_en(errors, "rule", "rules")
                    ),
                    format!("不可以：{errors} 条规则阻止此次启动。")
                )
            }
            .into_string();
            // An embed's plan is one launch: always far inside the link limit.
            let open = link::link(&plan, "./").ok().map(|open| {
                view! {
                    <a class="eip-embed-open" href=open target="_blank" rel="noopener">{tr!(lang, "Open this launch in the planner", "在规划器中打开此次启动").into_string()}</a>
                }
            });
            view! {
                <h2 class="eip-embed-title">{title}</h2>
                <p class="eip-embed-verdict">{verdict_text}</p>
                <ul class="eip-embed-findings">
                    {findings.into_iter().map(|f| view! { <FindingLine finding=f lang/> }).collect_view()}
                </ul>
                {open}
            }
            .into_any()
        }
    }
}

#[component]
fn CandidateList(candidates: Vec<Candidate>, lang: Lang) -> impl IntoView {
    let (fitting, failing): (Vec<Candidate>, Vec<Candidate>) = candidates
        .into_iter()
        .partition(|c| c.worst != Some(Severity::Error));
    let summary = tr!(
        lang,
        format!("{} that do not fit, and why", failing.len()),
        format!("{} 个不适用及其原因", failing.len())
    )
    .into_string();
    view! {
        <ul class="eip-embed-list">
            {fitting.into_iter().map(|c| view! { <CandidateRow candidate=c lang/> }).collect_view()}
        </ul>
        <details class="eip-embed-failing">
            <summary>{summary}</summary>
            <ul class="eip-embed-list">
                {failing.into_iter().map(|c| view! { <CandidateRow candidate=c lang/> }).collect_view()}
            </ul>
        </details>
    }
}

#[component]
fn CandidateRow(candidate: Candidate, lang: Lang) -> impl IntoView {
    let (word, icon, class) = verdict(candidate.worst, lang);
    let reasons = candidate
        .reasons
        .into_iter()
        .map(|(code, message)| view! { <div class="eip-embed-reason">{format!("{code}: {message}")}</div> })
        .collect_view();
    view! {
        <li class=format!("eip-embed-row {class}")>
            <span class="eip-verdict"><span aria-hidden="true">{icon}</span>" "{word}</span>
            " "<code>{candidate.id}</code>" "<span class="eip-muted">{candidate.label}</span>
            {reasons}
        </li>
    }
}

#[component]
fn FindingLine(finding: Finding, lang: Lang) -> impl IntoView {
    let class = match finding.severity {
        Severity::Error => "eip-sev-error",
        Severity::Warning => "eip-sev-warning",
        Severity::Info => "eip-sev-info",
    };
    view! {
        <li class=class>
            <strong>{format!("{}[{}]", finding.severity.as_str(), finding.code)}</strong>": "{finding.message}
            <div>{tr!(lang, "help: ", "帮助：").into_string()}{finding.help}</div>
            <a href=finding.doc target="_blank" rel="noopener">{tr!(lang, "Alibaba Cloud documentation", "阿里云文档").into_string()}</a>
        </li>
    }
}
