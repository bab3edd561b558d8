//! Where the plan comes from when the page opens (a share link, the autosave, or the first-visit
//! example) and where it goes after every change (the autosave). The URL fragment is read once
//! and then cleared, so plan data does not linger in the address bar or the browser history.

use leptos::prelude::*;

use crate::core::link::{self, LinkError};
use crate::core::Plan;
use crate::web::{location, storage};

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

/// Saves the plan after every change.
pub fn autosave(plan: Signal<Plan>) {
    Effect::new(move |_| {
        plan.with(storage::save_plan);
    });
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
