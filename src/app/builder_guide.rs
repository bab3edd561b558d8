//! The guide's section on Image Builder and image updates (core::guide::builder).

use leptos::prelude::*;

use crate::core::guide::builder as text;

/// What Image Builder does, what it bills, and when to pick it over create and copy.
#[component]
pub fn BuilderGuide() -> impl IntoView {
    view! {
        <h3 id="guide-builder-h" tabindex="-1">"Image Builder and image updates"</h3>
        <p>{text::WHAT}</p>
        <h4>"What it bills"</h4>
        <ul>{text::BILLING.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ul>
        <h4>"Image Builder or create and copy?"</h4>
        <ul>
            {text::WHEN.iter().map(|(title, why)| view! { <li><strong>{*title} ": "</strong>{*why}</li> }).collect_view()}
        </ul>
        <p>
            <a href=text::IMAGE_PIPELINE_URL target="_blank" rel="noopener noreferrer">"CreateImagePipeline on Alibaba Cloud"</a>
            " · "
            <a href=text::UPDATE_IMAGE_URL target="_blank" rel="noopener noreferrer">"Updating an image with OOS"</a>
        </p>
    }
}
