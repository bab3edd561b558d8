//! Shows a visible error banner when the app panics, instead of a dead or blank page.

use wasm_bindgen::JsCast;

use crate::core::i18n::Lang;
use crate::tr;

/// Installs a panic hook that logs to the console and puts an error banner on the page.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_banner(&info.to_string());
    }));
}

/// The banner, in the language the page opens in (`?lang=`, the remembered choice, the
/// browser's): a crash at start comes before the app has set any.
fn show_banner(detail: &str) {
    let lang = super::lang::initial();
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
        title.set_text_content(Some(
            tr!(
                lang,
                "The planner stopped because of an internal error. ",
                "规划器因内部错误而停止。"
            )
            .as_str(),
        ));
        banner.append_child(title).ok();
    }
    let text = document.create_element("span").ok();
    if let Some(text) = &text {
        text.set_text_content(Some(
            tr!(
                lang,
                format!(
                    "Reload the page to continue: your plan is saved in this browser. Details: {detail} "
                ),
                format!("请重新加载页面以继续：您的计划已保存在此浏览器中。详细信息：{detail} ")
            )
            .as_str(),
        ));
        banner.append_child(text).ok();
    }
    if let Some(link) = last_plan_link(&document, lang) {
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
fn last_plan_link(document: &web_sys::Document, lang: Lang) -> Option<web_sys::Element> {
    let text = super::storage::saved_plan_text()?;
    let url = super::download::object_url(&text, "application/json").ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.unchecked_into();
    link.set_id("panic-download");
    link.set_href(&url);
    link.set_download("ecs-image-plan.json");
    link.set_text_content(Some(
        tr!(
            lang,
            "Download your last saved plan (JSON)",
            "下载您最后保存的计划（JSON）"
        )
        .as_str(),
    ));
    Some(link.into())
}
