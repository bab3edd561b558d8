//! Embed mode's conversation with the host page: the frame posts its height, and follows the
//! host's theme when the host sends the one documented message.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

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
            if let Some(message) = host_message(&event.data()) {
                on_message(message);
            }
        });
    window
        .add_event_listener_with_callback("message", callback.as_ref().unchecked_ref())
        .ok();
    callback.forget();
}

/// The longest text a field of a host message can usefully hold, in UTF-16 units.
const MAX_FIELD_UNITS: u32 = 64;

/// The documented host message in `data`, read field by field: any other value (`undefined`,
/// `null`, a string of any size, an array, an object of another shape) is `None`, and nothing
/// longer than [`MAX_FIELD_UNITS`] is copied into wasm memory. Posted data is a structured
/// clone (no proxies or getters), so reading its fields cannot run host code.
fn host_message(data: &JsValue) -> Option<HostMessage> {
    if !data.is_object() || js_sys::Array::is_array(data) {
        return None;
    }
    let object: &js_sys::Object = data.unchecked_ref();
    if js_sys::Object::keys(object).length() != 2 {
        return None;
    }
    let field = |name: &str| -> Option<String> {
        let value = js_sys::Reflect::get(object, &JsValue::from_str(name)).ok()?;
        let text = value.dyn_ref::<js_sys::JsString>()?;
        (text.length() <= MAX_FIELD_UNITS).then(|| String::from(text))
    };
    let message = serde_json::json!({"type": field("type")?, "theme": field("theme")?});
    HostMessage::parse(&message)
}
