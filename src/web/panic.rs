//! Shows a visible error banner when the app panics, instead of a dead or blank page.

use wasm_bindgen::JsCast;

/// Installs a panic hook that logs to the console and puts an error banner on the page.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_banner(&info.to_string());
    }));
}

fn show_banner(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_id("panic-banner");
    banner.set_class_name("eip-panic");
    banner.set_attribute("role", "alert").ok();
    let title = document.create_element("strong").ok();
    if let Some(title) = &title {
        title.set_text_content(Some("The planner stopped because of an internal error. "));
        banner.append_child(title).ok();
    }
    let text = document.create_element("span").ok();
    if let Some(text) = &text {
        text.set_text_content(Some(&format!(
            "Reload the page to continue: your plan is saved in this browser. Details: {detail} "
        )));
        banner.append_child(text).ok();
    }
    if let Some(link) = last_plan_link(&document) {
        banner.append_child(&link).ok();
    }
    if let Some(body) = document.body() {
        let first = body.first_child();
        body.insert_before(&banner, first.as_ref()).ok();
        if let Ok(banner) = banner.dyn_into::<web_sys::HtmlElement>() {
            banner.focus().ok();
        }
    }
}

/// A link that downloads the last saved plan, so that nothing is lost even if reloading fails.
fn last_plan_link(document: &web_sys::Document) -> Option<web_sys::Element> {
    let text = super::storage::saved_plan_text()?;
    let url = super::download::object_url(&text, "application/json").ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.unchecked_into();
    link.set_id("panic-download");
    link.set_href(&url);
    link.set_download("ecs-image-plan.json");
    link.set_text_content(Some("Download your last saved plan (JSON)"));
    Some(link.into())
}
