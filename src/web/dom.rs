//! The document and the clock as the planner's views use them: focus, the focused element,
//! performance marks, today's time and query flags.

use wasm_bindgen::JsCast;

/// Moves keyboard focus to the element with this id (the browser scrolls it into view).
/// Returns whether such an element was there to take it.
pub fn focus_by_id(id: &str) -> bool {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match element {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}

/// Whether `element` has keyboard focus.
pub fn has_focus(element: &web_sys::Element) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|active| &active == element)
}

/// Whether keyboard focus is in a text field, select or text area (where the browser's own
/// keys, such as its text undo, apply).
pub fn focus_in_field() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Sets a `performance.mark` (benchmarks and tests read them).
pub fn performance_mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        performance.mark(name).ok();
    }
}

/// Milliseconds since the Unix epoch, from the browser clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Whether the page's query string holds `flag` (`crash-test=1`) as one of its parts.
pub fn has_query_flag(flag: &str) -> bool {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    search.split(['?', '&']).any(|part| part == flag)
}
