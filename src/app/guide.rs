//! The image guide from the ECS image overview (core::guide): image types with trust and
//! support, which type fits which need, operating systems, images against snapshots, and how to
//! prepare an image file for import. Every text follows the page's language.

use leptos::prelude::*;

use super::builder_guide::BuilderGuide;
use super::state::{focus_by_id, AppState, GuideTopic};
use crate::core::guide::{self, Need};
use crate::core::i18n::Term;

/// A term of the guide as a closure that follows the page's language.
pub fn term(state: AppState, term: Term) -> impl Fn() -> &'static str + Copy + Send + Sync {
    move || term.get(state.lang.get())
}

/// The link text of a guide topic ("About image types"), following the page's language: for
/// the buttons that open the guide on a topic.
pub fn topic_label(state: AppState, topic: GuideTopic) -> impl Fn() -> &'static str + Copy {
    term(state, topic.term())
}

/// A link to one of the guide's documentation pages, in the reader's language where
/// help.aliyun.com has it.
fn doc_link(state: AppState, url: &'static str, text: Term) -> impl IntoView {
    view! {
        <a href=move || guide::doc(url, state.lang.get()) target="_blank" rel="noopener noreferrer">{term(state, text)}</a>
    }
}

/// The guide panel, open on one topic.
#[component]
pub fn GuidePanel() -> impl IntoView {
    let state = AppState::get();
    let t = |en, zh| state.t(en, zh);
    let lang = move || state.lang.get();
    Effect::new(move |_| {
        if let Some(topic) = state.guide.get() {
            let id = match topic {
                GuideTopic::ImageTypes => "guide-types-h",
                GuideTopic::Snapshots => "guide-snapshots-h",
                GuideTopic::Importing => "guide-import-h",
                GuideTopic::ImageBuilder => "guide-builder-h",
            };
            request_animation_frame(move || focus_by_id(id));
        }
    });
    view! {
        <section id="guide" class="eip-guide" aria-labelledby="guide-h" on:keydown=move |ev: web_sys::KeyboardEvent| {
            if ev.key() == "Escape" {
                state.guide.set(None);
                focus_by_id("open-guide");
            }
        }>
            <div class="eip-item-head">
                <h2 id="guide-h">{t("Image guide", "镜像指南")}</h2>
                <button id="close-guide" on:click=move |_| state.guide.set(None)>{t("Close", "关闭")}</button>
            </div>
            <h3 id="guide-types-h" tabindex="-1">{t("Image types", "镜像类型")}</h3>
            <div class="eip-table-scroll">
                <table class="eip-table">
                    <thead><tr>
                        <th scope="col">{t("Type", "类型")}</th>
                        <th scope="col">{t("Comes from", "来源")}</th>
                        <th scope="col">{t("Trust", "可信度")}</th>
                        <th scope="col">{t("Support", "技术支持")}</th>
                        <th scope="col">{t("Where", "可用地域")}</th>
                    </tr></thead>
                    <tbody>
                        {guide::IMAGE_TYPES.iter().map(|g| view! {
                            <tr>
                                <th scope="row">{term(state, g.title)}</th>
                                <td>{term(state, g.origin)}</td>
                                <td>{move || g.trust.label(lang())}</td>
                                <td>{term(state, g.support)}</td>
                                <td>{term(state, g.availability)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>{t("Which type for which need", "按需求选择镜像类型")}</h3>
            <ul>
                {Need::ALL.into_iter().map(|need| {
                    let rec = guide::recommend(need);
                    let title = guide::image_type_guide(rec.kind).title;
                    let colon = t(": ", "：");
                    let stop = t(". ", "。");
                    view! { <li><strong>{term(state, rec.label)} {colon}</strong>{term(state, title)} {stop} {term(state, rec.why)}</li> }
                }).collect_view()}
            </ul>
            <h3>{t("Operating systems", "操作系统")}</h3>
            <ul>
                {guide::OS_GUIDES.iter().map(|os| view! {
                    <li><strong>{os.family} {t(": ", "：")}</strong>{term(state, os.best_for)}</li>
                }).collect_view()}
            </ul>
            <h3 id="guide-snapshots-h" tabindex="-1">{t("Images and snapshots", "镜像与快照")}</h3>
            <p>{term(state, guide::SNAPSHOT_LAUNCH_HELP)}</p>
            <div class="eip-table-scroll">
                <table class="eip-table">
                    <thead><tr><th scope="col">""</th><th scope="col">{t("Image", "镜像")}</th><th scope="col">{t("Snapshot", "快照")}</th></tr></thead>
                    <tbody>
                        {guide::IMAGES_VS_SNAPSHOTS.iter().map(|c| view! {
                            <tr><th scope="row">{term(state, c.aspect)}</th><td>{term(state, c.image)}</td><td>{term(state, c.snapshot)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <ul>{guide::IMAGE_SNAPSHOT_LINKS.iter().map(|l| view! { <li>{term(state, *l)}</li> }).collect_view()}</ul>
            <h3 id="guide-import-h" tabindex="-1">{t("Importing an image", "导入镜像")}</h3>
            <ol>
                {guide::IMPORT_STEPS.iter().map(|step| view! {
                    <li><strong>{term(state, step.title)} {t(": ", "：")}</strong>{term(state, step.detail)}</li>
                }).collect_view()}
            </ol>
            <p>
                {doc_link(state, guide::IMPORT_IMAGE_URL, Term::new("ImportImage on Alibaba Cloud", "阿里云文档：ImportImage"))}
                " · "
                {doc_link(state, guide::UPLOAD_TO_OSS_URL, Term::new("Uploading image files to OSS", "上传镜像文件到 OSS（英文）"))}
            </p>
            <BuilderGuide/>
            <p>{doc_link(state, guide::IMAGE_OVERVIEW_URL, Term::new("The ECS image overview on Alibaba Cloud", "阿里云文档：镜像概述"))}</p>
        </section>
    }
}
