//! The saved plan in localStorage: autosave, restore on load, the saves of other tabs, and the
//! last good plan that the panic banner offers as a download.
//!
//! This talks to `web_sys::Storage` directly rather than through gloo-storage: gloo's `raw()`
//! throws when storage is denied (a sandboxed or third-party frame, the embed case), and the
//! planner must keep working there, only without autosave.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::{parse_plan, Plan, PlanError};

/// localStorage key of the autosaved plan (plan document v1 JSON).
pub const PLAN_KEY: &str = "ecs-image-planner.plan.v1";

/// Where an unreadable saved plan is kept aside, so that a new autosave does not destroy it.
pub const UNREADABLE_KEY: &str = "ecs-image-planner.plan.v1.unreadable";

/// Why the plan could not be saved.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// The browser gives the page no storage at all (blocked by the user's settings, a
    /// sandboxed frame, or a private window that allows none).
    Unavailable,
    /// The storage of this site is full (`QuotaExceededError`).
    Full,
    /// The browser refused for another reason, in its own words.
    Refused(String),
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved plan: `None` when nothing is saved (or storage is unavailable), `Some(Err)` when
/// what is saved no longer parses.
pub fn load_plan() -> Option<Result<Plan, PlanError>> {
    let text = saved_plan_text()?;
    Some(parse_plan(&text))
}

/// The saved plan's raw JSON text, for the panic banner's download.
pub fn saved_plan_text() -> Option<String> {
    storage()?.get_item(PLAN_KEY).ok().flatten()
}

/// Saves the plan, or says why the browser refused.
pub fn save_plan(plan: &Plan) -> Result<(), SaveError> {
    let storage = storage().ok_or(SaveError::Unavailable)?;
    let text = serde_json::to_string(plan).map_err(|err| SaveError::Refused(err.to_string()))?;
    storage.set_item(PLAN_KEY, &text).map_err(save_error)
}

/// Classifies what `setItem` threw: browsers name a full storage `QuotaExceededError` (legacy
/// code 22; Firefox once used `NS_ERROR_DOM_QUOTA_REACHED`).
fn save_error(thrown: JsValue) -> SaveError {
    match thrown.dyn_ref::<web_sys::DomException>() {
        Some(err)
            if err.name() == "QuotaExceededError"
                || err.name() == "NS_ERROR_DOM_QUOTA_REACHED"
                || err.code() == 22 =>
        {
            SaveError::Full
        }
        Some(err) => SaveError::Refused(format!("{}: {}", err.name(), err.message())),
        None => SaveError::Refused(
            thrown
                .as_string()
                .unwrap_or_else(|| "an unknown error".into()),
        ),
    }
}

/// Copies an unreadable saved plan to [`UNREADABLE_KEY`]; false when it could not be kept
/// (storage full, disabled or denied), so the page never claims a copy it does not have.
pub fn set_aside_unreadable() -> bool {
    match (storage(), saved_plan_text()) {
        (Some(storage), Some(text)) => storage.set_item(UNREADABLE_KEY, &text).is_ok(),
        _ => false,
    }
}

/// sessionStorage key of a linked plan whose "which plan?" question is not answered yet.
const PENDING_LINK_KEY: &str = "ecs-image-planner.pending-link.v1";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Keeps a linked plan's fragment for this tab until the user decides, so a reload before the
/// answer does not drop it.
pub fn save_pending_link(fragment: &str) {
    if let Some(session) = session() {
        session.set_item(PENDING_LINK_KEY, fragment).ok();
    }
}

/// The fragment kept by [`save_pending_link`] in this tab, if any.
pub fn pending_link() -> Option<String> {
    session()?.get_item(PENDING_LINK_KEY).ok().flatten()
}

/// Forgets the pending linked plan: the user decided.
pub fn clear_pending_link() {
    if let Some(session) = session() {
        session.remove_item(PENDING_LINK_KEY).ok();
    }
}

/// Calls `on_saved` with the saved plan's new text whenever another tab or window of this site
/// saves one. Browsers fire the `storage` event only in the other documents of the origin,
/// never in the one that saved, so this page's own autosave does not call it.
pub fn on_saved_elsewhere(on_saved: impl Fn(String) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            if event.key().as_deref() == Some(PLAN_KEY) {
                if let Some(text) = event.new_value() {
                    on_saved(text);
                }
            }
        });
    window
        .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref())
        .ok();
    // The page listens for as long as it is open.
    listener.forget();
}
