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
    /// The saved plan could not be read (kept aside under another key).
    BadSaved(String),
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
    let fragment = location::fragment();
    let (saved, saved_notice) = match storage::load_plan() {
        None => (None, None),
        Some(Ok(plan)) => (Some(plan), None),
        Some(Err(err)) => {
            storage::set_aside_unreadable();
            (
                None,
                Some(Notice::BadSaved(format!(
                    "The plan saved in this browser could not be read ({err}); it was kept aside \
                     under \"{}\" and the example plan is shown instead.",
                    storage::UNREADABLE_KEY
                ))),
            )
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
                Some(saved_plan) if *saved_plan != linked => Startup {
                    plan: saved_plan.clone(),
                    notice: Some(Notice::Conflict(Box::new(linked))),
                    first_visit: false,
                },
                _ => Startup {
                    plan: linked,
                    notice: saved_notice,
                    first_visit: false,
                },
            }
        }
    }
}

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

/// Saves the plan after every change, and listens for the saves of other tabs.
pub fn autosave(plan: Signal<Plan>) -> Autosave {
    let autosave = Autosave {
        plan,
        failure: RwSignal::new(None),
        elsewhere: RwSignal::new(None),
    };
    Effect::new(move |_| autosave.record(plan.with(storage::save_plan)));
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
                .map_or_else(|| "an untitled plan".to_string(), |n| format!("\"{n}\""));
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
                        {format!("Another tab or window of the planner saved a different plan ({name}). \
                                  Load it here, or keep the plan of this tab and save it over that one?")}
                    </span>
                    " "<button id="load-other" on:click=load>"Load the other tab's plan"</button>
                    " "<button id="keep-mine" on:click=keep>"Keep this tab's plan"</button>
                </div>
            }
        })
    };
    view! { {failure} {elsewhere} }
}

/// Shows the opening notice: a link that did not open, an unreadable saved plan, or the choice
/// between a linked plan and the saved one. `open_linked` replaces the plan (one undo away).
#[component]
pub fn LoadNotice(notice: RwSignal<Option<Notice>>, open_linked: Callback<Plan>) -> impl IntoView {
    move || {
        notice.get().map(|current| {
            let dismiss = move |_| notice.set(None);
            match current {
                Notice::BadLink(message) | Notice::BadSaved(message) => view! {
                    <div id="load-notice" class="eip-notice eip-notice-error" role="alert">
                        <span>{message}</span>
                        " "<button id="dismiss-notice" on:click=dismiss>"Dismiss"</button>
                    </div>
                }
                .into_any(),
                Notice::Conflict(linked) => {
                    let name = linked.name.clone().unwrap_or_else(|| "an untitled plan".into());
                    let open = move |_| {
                        open_linked.run((*linked).clone());
                        notice.set(None);
                    };
                    view! {
                        <div id="load-notice" class="eip-notice" role="alertdialog" aria-labelledby="load-notice-text">
                            <span id="load-notice-text">
                                {format!("The link you opened holds {name}, which differs from the plan saved in this browser. Which one do you want to work on?")}
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
