//! The guide's section on Image Builder and image updates (core::guide::builder), following the
//! page's language.

use leptos::prelude::*;

use super::guide::term;
use super::state::AppState;
use crate::core::guide::builder as text;

/// What Image Builder does, what it bills, and when to pick it over create and copy.
#[component]
pub fn BuilderGuide() -> impl IntoView {
    let state = AppState::get();
    let t = |en, zh| state.t(en, zh);
    view! {
        <h3 id="guide-builder-h" tabindex="-1">{t("Image Builder and image updates", "镜像构建与镜像更新")}</h3>
        <p>{term(state, text::WHAT)}</p>
        <h4>{t("What it bills", "计费项")}</h4>
        <ul>{text::BILLING.iter().map(|line| view! { <li>{term(state, *line)}</li> }).collect_view()}</ul>
        <h4>{t("Image Builder or create and copy?", "镜像构建，还是创建并复制镜像？")}</h4>
        <ul>
            {text::WHEN.iter().map(|(title, why)| view! {
                <li><strong>{term(state, *title)} {t(": ", "：")}</strong>{term(state, *why)}</li>
            }).collect_view()}
        </ul>
        <p>
            <a href=text::IMAGE_PIPELINE_URL target="_blank" rel="noopener noreferrer">{t("CreateImagePipeline on Alibaba Cloud", "阿里云文档：CreateImagePipeline（英文）")}</a>
            " · "
            <a href=text::UPDATE_IMAGE_URL target="_blank" rel="noopener noreferrer">{t("Updating an image with OOS", "使用 OOS 更新镜像（英文）")}</a>
        </p>
    }
}
