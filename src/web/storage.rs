//! The saved plan in localStorage: autosave, restore on load, and the last good plan that the
//! panic banner offers as a download.
//!
//! This talks to `web_sys::Storage` directly rather than through gloo-storage: gloo's `raw()`
//! throws when storage is denied (a sandboxed or third-party frame, the embed case), and the
//! planner must keep working there, only without autosave.

use crate::core::{parse_plan, Plan, PlanError};

/// localStorage key of the autosaved plan (plan document v1 JSON).
pub const PLAN_KEY: &str = "ecs-image-planner.plan.v1";

/// Where an unreadable saved plan is kept aside, so that a new autosave does not destroy it.
pub const UNREADABLE_KEY: &str = "ecs-image-planner.plan.v1.unreadable";

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

/// Saves the plan; returns false when storage refused (full, disabled or denied).
pub fn save_plan(plan: &Plan) -> bool {
    let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(plan)) else {
        return false;
    };
    storage.set_item(PLAN_KEY, &text).is_ok()
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
