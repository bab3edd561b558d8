//! The page's language: `?lang=` first, then the reader's remembered choice, then the
//! browser's (`navigator.languages`), else English. Only the switch remembers a choice; links
//! never carry the language, so a shared plan opens in its reader's language.

use crate::core::i18n::Lang;

/// The `localStorage` key of the language the reader picked.
const LANG_KEY: &str = "ecs-image-planner.lang";

/// The language to open the page in.
pub fn initial() -> Lang {
    query().or_else(saved).or_else(browser).unwrap_or_default()
}

/// `?lang=zh-CN|en` of the page address, when it names a language the planner speaks.
fn query() -> Option<Lang> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("lang")?.parse().ok()
}

fn saved() -> Option<Lang> {
    let storage = web_sys::window()?.local_storage().ok().flatten()?;
    storage.get_item(LANG_KEY).ok().flatten()?.parse().ok()
}

/// The first language of `navigator.languages` the planner speaks.
fn browser() -> Option<Lang> {
    let navigator = web_sys::window()?.navigator();
    let tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .chain(navigator.language())
        .collect();
    Lang::negotiate(tags.iter().map(String::as_str))
}

/// Remembers the reader's choice (best effort: a browser without storage forgets it).
pub fn remember(lang: Lang) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        storage.set_item(LANG_KEY, lang.as_str()).ok();
    }
}

/// Sets `<html lang>`, so that screen readers and fonts follow the language.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        root.set_attribute("lang", lang.as_str()).ok();
    }
}
