//! Where the plan comes from when the page opens (a share link, the autosave, or the first-visit
//! example) and where it goes after every change (the autosave). The URL fragment is read once
//! and then cleared, so plan data does not linger in the address bar or the browser history.
//!
//! Nothing is lost silently: a save the browser refuses (storage full, blocked, a private
//! window) shows a notice that offers the plan as a file, and a save made by another tab of the
//! planner shows a notice that offers to load it here or to keep this tab's plan.

use leptos::prelude::*;

use crate::core::link::{self, LinkError};
use crate::core::{parse_plan, Plan};
use crate::web::storage::SaveError;
use crate::web::{download, location, storage};

/// Something about the opening of the page that the user must see or decide.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The link in the URL did not open; the saved plan was left as it was.
    BadLink(String),
    /// The link holds a plan that differs from the saved one: the user picks which to keep.
    Conflict(Box<Plan>),
    /// The saved plan could not be read: what happened, and its text, to download or repair.
    BadSaved {
        /// What happened, and whether a copy was kept aside.
        message: String,
        /// The saved text as it was.
        raw: String,
    },
}

thread_local! {
    /// Set when an unreadable saved plan could not be kept aside: the autosave then waits until
    /// the user has downloaded, repaired or dismissed it, so it is not overwritten unseen.
    static HOLD_AUTOSAVE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The plan to start with, and what to tell the user about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Startup {
    /// The plan the page opens with.
    pub plan: Plan,
    /// A notice to show, if any.
    pub notice: Option<Notice>,
    /// Nothing was saved and no link was opened: the example plan is shown.
    pub first_visit: bool,
}

/// Decides the opening plan from the URL fragment and the saved plan.
pub fn startup() -> Startup {
    let mut fragment = location::fragment();
    if matches!(link::decode(&fragment), Err(LinkError::NoPlan)) {
        // A linked plan still waiting for the "which plan?" answer when the page reloaded.
        if let Some(pending) = storage::pending_link() {
            fragment = pending;
        }
    }
    let (saved, saved_notice) = match storage::load_plan() {
        None => (None, None),
        Some(Ok(plan)) => (Some(plan), None),
        Some(Err(err)) => {
            let raw = storage::saved_plan_text().unwrap_or_default();
            let message = if storage::set_aside_unreadable() {
                format!(
                    "The plan saved in this browser could not be read ({err}); it was kept aside \
                     under \"{}\" and the example plan is shown instead. Download it, or repair \
                     it here.",
                    storage::UNREADABLE_KEY
                )
            } else {
                HOLD_AUTOSAVE.with(|hold| hold.set(true));
                format!(
                    "The plan saved in this browser could not be read ({err}), and the browser \
                     refused to keep a copy aside (its storage is full or denied). The example \
                     plan is shown, and nothing is saved until you download the old plan, repair \
                     it here, or dismiss this."
                )
            };
            (None, Some(Notice::BadSaved { message, raw }))
        }
    };
    let example = super::state::first_visit_plan;
    let fallback = |notice: Option<Notice>| {
        let first_visit = saved.is_none();
        Startup {
            plan: saved.clone().unwrap_or_else(example),
            notice: notice.or(saved_notice.clone()),
            first_visit,
        }
    };
    match link::decode(&fragment) {
        Err(LinkError::NoPlan) => fallback(None),
        Err(err) => fallback(Some(Notice::BadLink(format!(
            "This link could not be opened: {err}. Your saved plan was not changed."
        )))),
        Ok(linked) => {
            location::replace_fragment("");
            match &saved {
                Some(saved_plan) if *saved_plan != linked => {
                    storage::save_pending_link(&link::encode(&linked));
                    Startup {
                        plan: saved_plan.clone(),
                        notice: Some(Notice::Conflict(Box::new(linked))),
                        first_visit: false,
                    }
                }
                _ => {
                    storage::clear_pending_link();
                    Startup {
                        plan: linked,
                        notice: saved_notice,
                        first_visit: false,
                    }
                }
            }
        }
    }
}

/// How long the autosave waits for edits to pause.
const SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(200);

/// The autosave's state, for [`SaveNotices`].
#[derive(Clone, Copy)]
pub struct Autosave {
    /// The plan being saved.
    plan: Signal<Plan>,
    /// Why the last save failed; `None` once a save succeeds.
    failure: RwSignal<Option<SaveError>>,
    /// A plan another tab saved since, which differs from this tab's.
    elsewhere: RwSignal<Option<Plan>>,
}

impl Autosave {
    /// Saves the plan now and records the outcome.
    fn save(&self) {
        self.record(self.plan.with_untracked(storage::save_plan));
    }

    /// Records a save's outcome; an unchanged outcome leaves the notice as it is.
    fn record(&self, result: Result<(), SaveError>) {
        let failure = result.err();
        if self.failure.with_untracked(|current| *current != failure) {
            self.failure.set(failure);
        }
    }
}

/// Saves the plan after every change (not while an unreadable saved plan awaits the user), and
/// listens for the saves of other tabs.
pub fn autosave(plan: Signal<Plan>) -> Autosave {
    let autosave = Autosave {
        plan,
        failure: RwSignal::new(None),
        elsewhere: RwSignal::new(None),
    };
    // The first save is at once; later ones wait until edits pause for SAVE_DELAY, so typing
    // in a large plan is not slowed by a save per keystroke. Leaving or reloading the page
    // saves at once, with what is typed in the focused field.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // The plan as last saved by this tab, so leaving the page saves only a change.
    let last_saved = StoredValue::new(None::<Plan>);
    let save_now = move || {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if !HOLD_AUTOSAVE.with(std::cell::Cell::get) {
            autosave.save();
            last_saved.set_value(Some(plan.get_untracked()));
        }
    };
    Effect::new(move |first: Option<()>| {
        plan.track();
        if first.is_none() {
            save_now();
            return;
        }
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        pending.set_value(set_timeout_with_handle(save_now, SAVE_DELAY).ok());
    });
    let flush = window_event_listener(leptos::ev::pagehide, move |_| {
        // Text typed into a field that still has focus is committed first (blurring fires its
        // change), so a reload never loses what was typed.
        if let Some(active) = document().active_element() {
            if let Ok(active) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(active) {
                active.blur().ok();
            }
        }
        let changed =
            plan.with_untracked(|p| last_saved.with_value(|saved| saved.as_ref() != Some(p)));
        if changed {
            save_now();
        }
    });
    // The listener lives as long as the page.
    std::mem::forget(flush);
    storage::on_saved_elsewhere(move |text| {
        // A plan this version cannot read (saved by a newer planner) cannot be offered.
        let other = parse_plan(&text).ok();
        let same = other
            .as_ref()
            .is_some_and(|other| plan.with_untracked(|p| p == other));
        autosave.elsewhere.set(if same { None } else { other });
    });
    autosave
}

/// What the user reads when a save failed.
fn failure_message(error: &SaveError) -> String {
    let keep = "Your plan is still here in this tab: download it to keep it.";
    match error {
        SaveError::Full => format!(
            "Your latest changes are not saved in this browser: its storage for this site is \
             full. {keep} The next change is saved once there is room (clearing this site's other \
             stored data makes some)."
        ),
        SaveError::Unavailable => format!(
            "This browser lets the page save nothing (storage is blocked by its settings, or \
             this is a private window that allows none), so your changes are not saved. {keep}"
        ),
        SaveError::Refused(why) => format!(
            "The browser refused to save your latest changes ({why}). {keep} Saving is tried \
             again after every change."
        ),
    }
}

/// The autosave's notices: a save that failed, with the plan offered as a file; and a plan
/// another tab saved, with the choice to load it here (one undo away) or keep this tab's, which
/// is then saved over it.
#[component]
pub fn SaveNotices(autosave: Autosave, open_plan: Callback<Plan>) -> impl IntoView {
    let download_status = RwSignal::new(String::new());
    let download_plan = move |_| {
        let text = autosave
            .plan
            .with_untracked(|plan| serde_json::to_string_pretty(plan).unwrap_or_default());
        let status = match download::download("ecs-image-plan.json", "application/json", &text) {
            Ok(()) => "Downloaded ecs-image-plan.json: open it again with Import.".to_string(),
            Err(err) => err,
        };
        download_status.set(status);
    };
    let failure = move || {
        autosave.failure.get().map(|error| {
            view! {
                <div id="save-notice" class="eip-notice eip-notice-error" role="alert">
                    <span>{failure_message(&error)}</span>
                    " "<button id="save-download" on:click=download_plan>"Download the plan"</button>
                    " "<span id="save-download-status" role="status">{move || download_status.get()}</span>
                </div>
            }
        })
    };
    let elsewhere = move || {
        autosave.elsewhere.get().map(|other| {
            let name = other
                .name
                .clone()
                .unwrap_or_else(|| "untitled".to_string());
            let load = move |_| {
                open_plan.run(other.clone());
                autosave.elsewhere.set(None);
            };
            let keep = move |_| {
                autosave.save();
                autosave.elsewhere.set(None);
            };
            view! {
                <div id="tab-notice" class="eip-notice" role="alertdialog" aria-labelledby="tab-notice-text">
                    <span id="tab-notice-text">
                        "Another tab or window of the planner saved a different plan (" <bdi>{name}</bdi>
                        "). Load it here, or keep the plan of this tab and save it over that one?"
                    </span>
                    " "<button id="load-other" on:click=load>"Load the other tab's plan"</button>
                    " "<button id="keep-mine" on:click=keep>"Keep this tab's plan"</button>
                </div>
            }
        })
    };
    view! { {failure} {elsewhere} }
}

/// Lets the autosave run again, and saves the plan now.
fn release_autosave(plan: &Plan) {
    if HOLD_AUTOSAVE.with(|hold| hold.replace(false)) {
        // A failure shows at the next change, through the autosave's own notice.
        storage::save_plan(plan).ok();
    }
}

/// Shows the opening notice: a link that did not open, an unreadable saved plan, or the choice
/// between a linked plan and the saved one. `open_linked` replaces the plan (one undo away).
#[component]
pub fn LoadNotice(notice: RwSignal<Option<Notice>>, open_linked: Callback<Plan>) -> impl IntoView {
    move || {
        notice.get().map(|current| {
            let dismiss = move |_| {
                storage::clear_pending_link();
                notice.set(None);
            };
            match current {
                Notice::BadSaved { message, raw } => {
                    view! { <BadSavedNotice message raw notice open_linked/> }.into_any()
                }
                Notice::BadLink(message) => view! {
                    <div id="load-notice" class="eip-notice eip-notice-error" role="alert">
                        <span>{message}</span>
                        " "<button id="dismiss-notice" on:click=dismiss>"Dismiss"</button>
                    </div>
                }
                .into_any(),
                Notice::Conflict(linked) => {
                    let name = linked.name.clone().unwrap_or_else(|| "an untitled plan".into());
                    let open = move |_| {
                        storage::clear_pending_link();
                        open_linked.run((*linked).clone());
                        notice.set(None);
                    };
                    view! {
                        <div id="load-notice" class="eip-notice" role="alertdialog" aria-labelledby="load-notice-text">
                            <span id="load-notice-text">
                                "The link you opened holds " <bdi>{name}</bdi>
                                ", which differs from the plan saved in this browser. Which one do you want to work on?"
                            </span>
                            " "<button id="open-linked" on:click=open>"Open the linked plan"</button>
                            " "<button id="keep-saved" on:click=dismiss>"Keep my saved plan"</button>
                        </div>
                    }
                    .into_any()
                }
            }
        })
    }
}

/// The notice for a saved plan that could not be read: download its text, or repair it in place
/// (the error names the place) and open it.
#[component]
fn BadSavedNotice(
    message: String,
    raw: String,
    notice: RwSignal<Option<Notice>>,
    open_linked: Callback<Plan>,
) -> impl IntoView {
    let text = RwSignal::new(raw);
    let error = RwSignal::new(String::new());
    let state = super::state::AppState::get();
    let download = move |_| {
        let result = text.with_untracked(|t| {
            crate::web::download::download(UNREADABLE_FILE, "application/json", t)
        });
        match result {
            Ok(()) => state.plan.with_untracked(release_autosave),
            Err(err) => error.set(err),
        }
    };
    let open = move |_| match text.with_untracked(|t| crate::core::parse_plan(t)) {
        Ok(plan) => {
            HOLD_AUTOSAVE.with(|hold| hold.set(false));
            open_linked.run(plan);
            notice.set(None);
        }
        Err(err) => error.set(format!("Still not a valid plan: {err}.")),
    };
    let dismiss = move |_| {
        state.plan.with_untracked(release_autosave);
        notice.set(None);
    };
    view! {
        <div id="load-notice" class="eip-notice eip-notice-error" role="alert">
            <span>{message}</span>
            " "<button id="download-unreadable" on:click=download>"Download it"</button>
            " "<button id="dismiss-notice" on:click=dismiss>"Dismiss"</button>
            <details class="eip-repair">
                <summary>"Repair it"</summary>
                <label for="repair-text">"The saved plan's text; fix the place the error names, then open it:"</label>
                <textarea id="repair-text" rows="6" prop:value=move || text.get()
                    on:input:target=move |ev| text.set(ev.target().value())></textarea>
                <button id="repair-open" on:click=open>"Open the repaired plan"</button>
                <p id="repair-error" class="eip-error-text" role="alert">{move || error.get()}</p>
            </details>
        </div>
    }
}

/// The file name of an unreadable saved plan's download.
const UNREADABLE_FILE: &str = "ecs-plan-unreadable.json";
