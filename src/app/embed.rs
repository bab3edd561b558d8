//! Embed mode: one question answered inside a documentation page, in one column, with no
//! header or footer, following the host's theme and posting its height to the host.

use leptos::prelude::*;

use crate::core::answer::{answer, Answer, Candidate, Question};
use crate::core::catalog::Catalog;
use crate::core::embed::{EmbedMode, EmbedOptions, HostMessage, Theme};
use crate::core::{link, Date, Finding, Severity};

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
fn verdict(worst: Option<Severity>) -> (&'static str, &'static str, &'static str) {
    match worst {
        None => ("pass", "✓", "eip-sev-pass"),
        Some(Severity::Info) => ("info", "ℹ", "eip-sev-info"),
        Some(Severity::Warning) => ("warning", "!", "eip-sev-warning"),
        Some(Severity::Error) => ("fail", "✗", "eip-sev-error"),
    }
}

/// An embedded planner for `options`, or the reason the parameters are wrong.
#[component]
pub fn Embed(options: Result<EmbedOptions, String>, today: Date) -> impl IntoView {
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
        Ok(options) => view! { <EmbedAnswer options today/> }.into_any(),
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
fn EmbedAnswer(options: EmbedOptions, today: Date) -> impl IntoView {
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
        answer(catalog, &question, today)
    });
    let controls = (options.mode == EmbedMode::Interactive).then(|| {
        view! { <EmbedControls region instance_type image/> }
    });
    view! {
        {controls}
        {move || match result.get() {
            Ok(answer) => view! { <AnswerView answer region=region.get()/> }.into_any(),
            Err(message) => view! { <p class="eip-embed-error" role="alert">{message}</p> }.into_any(),
        }}
    }
}

#[component]
fn EmbedControls(
    region: RwSignal<String>,
    instance_type: RwSignal<Option<String>>,
    image: RwSignal<Option<String>>,
) -> impl IntoView {
    let catalog = Catalog::builtin();
    let none_if_empty = |value: String| (!value.is_empty()).then_some(value);
    view! {
        <div class="eip-embed-controls">
            <label>"Region "
                <select id="embed-region" on:change:target=move |ev| region.set(ev.target().value())>
                    {catalog.regions.iter().map(|r| {
                        let id = r.id.clone();
                        let selected = region.get_untracked() == id;
                        view! { <option value=id.clone() selected=selected>{format!("{} ({})", r.name, r.id)}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>"Instance type "
                <select id="embed-type" on:change:target=move |ev| instance_type.set(none_if_empty(ev.target().value()))>
                    <option value="">"any"</option>
                    {catalog.instance_types.iter().map(|t| {
                        let selected = instance_type.get_untracked().as_deref() == Some(t.id.as_str());
                        view! { <option value=t.id.clone() selected=selected>{t.id.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>"Image "
                <select id="embed-image" on:change:target=move |ev| image.set(none_if_empty(ev.target().value()))>
                    <option value="">"any"</option>
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
fn AnswerView(answer: Answer, region: String) -> impl IntoView {
    match answer {
        Answer::ImagesForType {
            instance_type,
            images,
        } => {
            let fits = images.iter().filter(|c| c.worst.is_none()).count();
            let title = format!(
                "Which images fit {} in {region}? {fits} of {} pass.",
                instance_type.id,
                images.len()
            );
            view! {
                <h2 class="eip-embed-title">{title}</h2>
                <CandidateList candidates=images/>
            }
            .into_any()
        }
        Answer::TypesForImage { image, types } => {
            let fits = types.iter().filter(|c| c.worst.is_none()).count();
            let title = format!(
                "Which instance types can launch {} in {region}? {fits} of {} pass.",
                image.label(),
                types.len()
            );
            view! {
                <h2 class="eip-embed-title">{title}</h2>
                <CandidateList candidates=types/>
            }
            .into_any()
        }
        Answer::Launch { plan, findings } => {
            let launch = &plan.launches[0];
            let title = format!(
                "Can {} launch on {} in {}?",
                launch.image.as_deref().unwrap_or_default(),
                launch.instance_type.as_deref().unwrap_or_default(),
                launch.region.as_deref().unwrap_or_default()
            );
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            let verdict_text = if errors == 0 {
                "Yes: no rule blocks this launch.".to_string()
            } else {
                format!("No: {errors} rule(s) block this launch.")
            };
            // An embed's plan is one launch: always far inside the link limit.
            let open = link::link(&plan, "./").ok().map(|open| {
                view! {
                    <a class="eip-embed-open" href=open target="_blank" rel="noopener">"Open this launch in the planner"</a>
                }
            });
            view! {
                <h2 class="eip-embed-title">{title}</h2>
                <p class="eip-embed-verdict">{verdict_text}</p>
                <ul class="eip-embed-findings">
                    {findings.into_iter().map(|f| view! { <FindingLine finding=f/> }).collect_view()}
                </ul>
                {open}
            }
            .into_any()
        }
    }
}

#[component]
fn CandidateList(candidates: Vec<Candidate>) -> impl IntoView {
    let (fitting, failing): (Vec<Candidate>, Vec<Candidate>) = candidates
        .into_iter()
        .partition(|c| c.worst != Some(Severity::Error));
    let summary = format!("{} that do not fit, and why", failing.len());
    view! {
        <ul class="eip-embed-list">
            {fitting.into_iter().map(|c| view! { <CandidateRow candidate=c/> }).collect_view()}
        </ul>
        <details class="eip-embed-failing">
            <summary>{summary}</summary>
            <ul class="eip-embed-list">
                {failing.into_iter().map(|c| view! { <CandidateRow candidate=c/> }).collect_view()}
            </ul>
        </details>
    }
}

#[component]
fn CandidateRow(candidate: Candidate) -> impl IntoView {
    let (word, icon, class) = verdict(candidate.worst);
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
fn FindingLine(finding: Finding) -> impl IntoView {
    let class = match finding.severity {
        Severity::Error => "eip-sev-error",
        Severity::Warning => "eip-sev-warning",
        Severity::Info => "eip-sev-info",
    };
    view! {
        <li class=class>
            <strong>{format!("{}[{}]", finding.severity.as_str(), finding.code)}</strong>": "{finding.message}
            <div>"help: "{finding.help}</div>
            <a href=finding.doc target="_blank" rel="noopener">"Alibaba Cloud documentation"</a>
        </li>
    }
}
