//! Embed mode's conversation with the host page: the frame posts its height, and follows the
//! host's theme when the host sends the one documented message.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::embed::{HostMessage, HEIGHT_MESSAGE};

/// Posts `{type: "ecs-image-planner:height", height}` to the parent whenever `element` resizes.
/// The height is the only thing ever posted: never plan data.
pub fn post_height_on_resize(element: &web_sys::Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let post = move |height: f64| {
        let message = js_sys::Object::new();
        js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into()).ok();
        js_sys::Reflect::set(&message, &"height".into(), &height.ceil().into()).ok();
        // The height is not secret, and the host's origin is not known to the frame.
        parent.post_message(&message, "*").ok();
    };
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            post(entry.target().get_bounding_client_rect().height());
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(element);
        // The observer and its callback live as long as the page.
        std::mem::forget(observer);
    }
    callback.forget();
}

/// Calls `on_message` for each message from the parent frame in the documented shape; every
/// other message (other senders, other shapes) is ignored.
pub fn listen_to_host(on_message: impl Fn(HostMessage) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let parent = window.parent().ok().flatten();
    let callback =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let from_parent = match (&parent, event.source()) {
                (Some(parent), Some(source)) => js_sys::Object::is(parent, &source),
                _ => false,
            };
            if !from_parent {
                return;
            }
            let Ok(text) = js_sys::JSON::stringify(&event.data()) else {
                return;
            };
            let text = String::from(text);
            if text.len() > 1024 {
                return;
            }
            if let Some(message) = serde_json::from_str(&text)
                .ok()
                .and_then(|value| HostMessage::parse(&value))
            {
                on_message(message);
            }
        });
    window
        .add_event_listener_with_callback("message", callback.as_ref().unchecked_ref())
        .ok();
    callback.forget();
}
