//! The image guide from the ECS image overview (core::guide): image types with trust and
//! support, which type fits which need, operating systems, images against snapshots, and how to
//! prepare an image file for import.

use leptos::prelude::*;

use super::builder_guide::BuilderGuide;
use super::state::{focus_by_id, AppState, GuideTopic};
use crate::core::guide::{self, Need};

/// The guide panel, open on one topic.
#[component]
pub fn GuidePanel() -> impl IntoView {
    let state = AppState::get();
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
                <h2 id="guide-h">"Image guide"</h2>
                <button id="close-guide" on:click=move |_| state.guide.set(None)>"Close"</button>
            </div>
            <h3 id="guide-types-h" tabindex="-1">"Image types"</h3>
            <div class="eip-table-scroll">
                <table class="eip-table">
                    <thead><tr><th scope="col">"Type"</th><th scope="col">"Comes from"</th><th scope="col">"Trust"</th><th scope="col">"Support"</th><th scope="col">"Where"</th></tr></thead>
                    <tbody>
                        {guide::IMAGE_TYPES.iter().map(|g| view! {
                            <tr><th scope="row">{g.title}</th><td>{g.origin}</td><td>{g.trust.label()}</td><td>{g.support}</td><td>{g.availability}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>"Which type for which need"</h3>
            <ul>
                {Need::ALL.into_iter().map(|need| {
                    let rec = guide::recommend(need);
                    view! { <li><strong>{rec.label} ": "</strong>{guide::image_type_guide(rec.kind).title} ". " {rec.why}</li> }
                }).collect_view()}
            </ul>
            <h3>"Operating systems"</h3>
            <ul>
                {guide::OS_GUIDES.iter().map(|os| view! {
                    <li><strong>{os.family} ": "</strong>{os.best_for}</li>
                }).collect_view()}
            </ul>
            <h3 id="guide-snapshots-h" tabindex="-1">"Images and snapshots"</h3>
            <p>{guide::SNAPSHOT_LAUNCH_HELP}</p>
            <div class="eip-table-scroll">
                <table class="eip-table">
                    <thead><tr><th scope="col">""</th><th scope="col">"Image"</th><th scope="col">"Snapshot"</th></tr></thead>
                    <tbody>
                        {guide::IMAGES_VS_SNAPSHOTS.iter().map(|c| view! {
                            <tr><th scope="row">{c.aspect}</th><td>{c.image}</td><td>{c.snapshot}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <ul>{guide::IMAGE_SNAPSHOT_LINKS.iter().map(|l| view! { <li>{*l}</li> }).collect_view()}</ul>
            <h3 id="guide-import-h" tabindex="-1">"Importing an image"</h3>
            <ol>
                {guide::IMPORT_STEPS.iter().map(|step| view! {
                    <li><strong>{step.title} ": "</strong>{step.detail}</li>
                }).collect_view()}
            </ol>
            <p>
                <a href=guide::IMPORT_IMAGE_URL target="_blank" rel="noopener noreferrer">"ImportImage on Alibaba Cloud"</a>
                " · "
                <a href=guide::UPLOAD_TO_OSS_URL target="_blank" rel="noopener noreferrer">"Uploading image files to OSS"</a>
            </p>
            <BuilderGuide/>
            <p><a href=guide::IMAGE_OVERVIEW_URL target="_blank" rel="noopener noreferrer">"The ECS image overview on Alibaba Cloud"</a></p>
        </section>
    }
}
