//! The page URL: the share-link fragment and the embed query string.

use crate::core::embed::{EmbedOptions, PARAMETERS};

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The fragment without its `#`, or an empty string.
pub fn fragment() -> String {
    let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// The page URL without its fragment: the base of share links.
pub fn base_url() -> String {
    let href = location().and_then(|l| l.href().ok()).unwrap_or_default();
    match href.find('#') {
        Some(at) => href[..at].to_string(),
        None => href,
    }
}

/// Replaces the fragment without adding a history entry or scrolling.
pub fn replace_fragment(fragment: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let url = if fragment.is_empty() {
            base_url()
        } else {
            format!("{}#{fragment}", base_url())
        };
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            .ok();
    }
}

/// Embed options from the query string: `Ok(None)` when the page is not embedded.
pub fn embed_options() -> Result<Option<EmbedOptions>, String> {
    embed_options_from(false)
}

/// Embed options from the query string of a page that is always embedded (`embed.html`).
pub fn embed_options_always() -> Result<EmbedOptions, String> {
    embed_options_from(true).map(Option::unwrap_or_default)
}

fn embed_options_from(always: bool) -> Result<Option<EmbedOptions>, String> {
    let search = location().and_then(|l| l.search().ok()).unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Ok(None);
    };
    let mut pairs: Vec<(String, String)> = Vec::new();
    if always {
        pairs.push(("embed".to_string(), "1".to_string()));
    }
    for key in PARAMETERS {
        if always && key == "embed" {
            continue;
        }
        if let Some(value) = params.get(key) {
            pairs.push((key.to_string(), value));
        }
    }
    EmbedOptions::from_query(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        super::lang::initial(),
    )
}
