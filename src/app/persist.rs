//! Where the plan comes from when the page opens (a share link, the autosave, or the first-visit
//! example) and where it goes after every change (the autosave). The URL fragment is read once
//! and then cleared, so plan data does not linger in the address bar or the browser history.
//!
//! Nothing is lost silently: a save the browser refuses (storage full, blocked, a private
//! window) shows a notice that offers the plan as a file, and a save made by another tab of the
//! planner shows a notice that offers to load it here or to keep this tab's plan.

use leptos::prelude::*;

use crate::core::i18n::Lang;
use crate::core::link::{self, LinkError};
use crate::core::{parse_plan, Plan, PlanError};
use crate::tr;
use crate::web::storage::SaveError;
use crate::web::{download, location, storage};

/// Something about the opening of the page that the user must see or decide.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The link in the URL did not open (why); the saved plan was left as it was.
    BadLink(LinkError),
    /// The link holds a plan that differs from the saved one: the user picks which to keep.
    Conflict(Box<Plan>),
    /// The saved plan could not be read: why, whether a copy was kept aside, and its text, to
    /// download or repair.
    BadSaved {
        /// Why it could not be read.
        error: PlanError,
        /// Whether a copy was kept aside under [`storage::UNREADABLE_KEY`]; if not, the
        /// autosave waits for the user.
        set_aside: bool,
        /// The saved text as it was.
        raw: String,
    },
}

/// What the user reads about a saved plan that could not be read, in `lang`.
fn bad_saved_message(error: &PlanError, set_aside: bool, lang: Lang) -> String {
    let (err, key) = (error.text(lang), storage::UNREADABLE_KEY);
    if set_aside {
        tr!(
            lang,
            format!(
                "The plan saved in this browser could not be read ({err}); it was kept aside \
                 under \"{key}\" and the example plan is shown instead. Download it, or repair \
                 it here."
            ),
            format!(
                "无法读取此浏览器中保存的计划（{err}）；它已另存在“{key}”下，现在显示的是示例计划。\
                 您可以下载它，或在这里修复它。"
            )
        )
    } else {
        tr!(
            lang,
            format!(
                "The plan saved in this browser could not be read ({err}), and the browser \
                 refused to keep a copy aside (its storage is full or denied). The example \
                 plan is shown, and nothing is saved until you download the old plan, repair \
                 it here, or dismiss this."
            ),
            format!(
                "无法读取此浏览器中保存的计划（{err}），浏览器也拒绝另存一份副本（存储空间已满或被禁止）。\
                 现在显示的是示例计划；在您下载旧计划、在这里修复它或关闭此提示之前，不会保存任何内容。"
            )
        )
    }
    .into_string()
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
        Some(Err(error)) => {
            let raw = storage::saved_plan_text().unwrap_or_default();
            let set_aside = storage::set_aside_unreadable();
            if !set_aside {
                HOLD_AUTOSAVE.with(|hold| hold.set(true));
            }
            (
                None,
                Some(Notice::BadSaved {
                    error,
                    set_aside,
                    raw,
                }),
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
        Err(err) => fallback(Some(Notice::BadLink(err))),
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

/// What the user reads when a save failed, in `lang`.
fn failure_message(error: &SaveError, lang: Lang) -> String {
    let keep = tr!(
        lang,
        "Your plan is still here in this tab: download it to keep it.",
        "您的计划仍在此标签页中：请下载以保留它。"
    );
    match error {
        SaveError::Full => tr!(
            lang,
            format!(
                "Your latest changes are not saved in this browser: its storage for this site is \
                 full. {keep} The next change is saved once there is room (clearing this site's other \
                 stored data makes some)."
            ),
            format!(
                "您最近的修改没有保存在此浏览器中：它为本网站提供的存储空间已满。{keep}\
                 有空间后，下一次修改就会保存（清除本网站的其他存储数据可以腾出空间）。"
            )
        ),
        SaveError::Unavailable => tr!(
            lang,
            format!(
                "This browser lets the page save nothing (storage is blocked by its settings, or \
                 this is a private window that allows none), so your changes are not saved. {keep}"
            ),
            format!(
                "此浏览器不允许页面保存任何内容（存储被其设置禁止，或这是不允许存储的无痕窗口），\
                 因此您的修改没有保存。{keep}"
            )
        ),
        SaveError::Refused(why) => tr!(
            lang,
            format!(
                "The browser refused to save your latest changes ({why}). {keep} Saving is tried \
                 again after every change."
            ),
            format!("浏览器拒绝保存您最近的修改（{why}）。{keep}每次修改后都会再次尝试保存。")
        ),
    }
    .into_string()
}

/// The autosave's notices: a save that failed, with the plan offered as a file; and a plan
/// another tab saved, with the choice to load it here (one undo away) or keep this tab's, which
/// is then saved over it.
#[component]
pub fn SaveNotices(autosave: Autosave, open_plan: Callback<Plan>) -> impl IntoView {
    let state = super::state::AppState::get();
    let t = move |en, zh| state.t(en, zh);
    let download_status = RwSignal::new(String::new());
    let download_plan = move |_| {
        let lang = state.lang.get_untracked();
        let text = autosave
            .plan
            .with_untracked(|plan| serde_json::to_string_pretty(plan).unwrap_or_default());
        let status =
            match download::download("ecs-image-plan.json", "application/json", &text, lang) {
                Ok(()) => tr!(
                    lang,
                    "Downloaded ecs-image-plan.json: open it again with Import.",
                    "已下载 ecs-image-plan.json：可以通过“导入”再次打开它。"
                )
                .into_string(),
                Err(err) => err,
            };
        download_status.set(status);
    };
    let failure = move || {
        autosave.failure.get().map(|error| {
            view! {
                <div id="save-notice" class="eip-notice eip-notice-error" role="alert">
                    <span>{move || failure_message(&error, state.lang.get())}</span>
                    " "<button id="save-download" on:click=download_plan>{t("Download the plan", "下载计划")}</button>
                    " "<span id="save-download-status" role="status">{move || download_status.get()}</span>
                </div>
            }
        })
    };
    let elsewhere = move || {
        autosave.elsewhere.get().map(|other| {
            let name = other.name.clone();
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
                        {t("Another tab or window of the planner saved a different plan (", "规划器的另一个标签页或窗口保存了不同的计划（")}
                        <bdi>{plan_name(state, name)}</bdi>
                        {t("). Load it here, or keep the plan of this tab and save it over that one?", "）。要在这里加载它，还是保留此标签页的计划并覆盖保存？")}
                    </span>
                    " "<button id="load-other" on:click=load>{t("Load the other tab's plan", "加载另一个标签页的计划")}</button>
                    " "<button id="keep-mine" on:click=keep>{t("Keep this tab's plan", "保留此标签页的计划")}</button>
                </div>
            }
        })
    };
    view! { {failure} {elsewhere} }
}

/// A plan's name, or "untitled" in the page's language.
fn plan_name(state: super::state::AppState, name: Option<String>) -> impl Fn() -> String {
    move || match &name {
        Some(name) => name.clone(),
        None => tr!(state.lang.get(), "untitled", "未命名").into_string(),
    }
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
    let state = super::state::AppState::get();
    let t = move |en, zh| state.t(en, zh);
    move || {
        notice.get().map(|current| {
            let dismiss = move |_| {
                storage::clear_pending_link();
                notice.set(None);
            };
            match current {
                Notice::BadSaved {
                    error,
                    set_aside,
                    raw,
                } => {
                    let message =
                        Signal::derive(move || bad_saved_message(&error, set_aside, state.lang.get()));
                    view! { <BadSavedNotice message raw notice open_linked/> }.into_any()
                }
                Notice::BadLink(err) => {
                    let message = move || {
                        let lang = state.lang.get();
                        let why = err.text(lang);
                        tr!(
                            lang,
                            format!("This link could not be opened: {why}. Your saved plan was not changed."),
                            format!("无法打开此链接：{why}。您保存的计划没有改变。")
                        )
                        .into_string()
                    };
                    view! {
                        <div id="load-notice" class="eip-notice eip-notice-error" role="alert">
                            <span>{message}</span>
                            " "<button id="dismiss-notice" on:click=dismiss>{t("Dismiss", "关闭")}</button>
                        </div>
                    }
                    .into_any()
                }
                Notice::Conflict(linked) => {
                    let name = linked.name.clone();
                    let name = move || match &name {
                        Some(name) => name.clone(),
                        None => tr!(state.lang.get(), "an untitled plan", "一个未命名的计划").into_string(),
                    };
                    let open = move |_| {
                        storage::clear_pending_link();
                        open_linked.run((*linked).clone());
                        notice.set(None);
                    };
                    view! {
                        <div id="load-notice" class="eip-notice" role="alertdialog" aria-labelledby="load-notice-text">
                            <span id="load-notice-text">
                                {t("The link you opened holds ", "您打开的链接包含")} <bdi>{name}</bdi>
                                {t(
                                    ", which differs from the plan saved in this browser. Which one do you want to work on?",
                                    "，它与此浏览器中保存的计划不同。您要使用哪一个？",
                                )}
                            </span>
                            " "<button id="open-linked" on:click=open>{t("Open the linked plan", "打开链接中的计划")}</button>
                            " "<button id="keep-saved" on:click=dismiss>{t("Keep my saved plan", "保留我保存的计划")}</button>
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
    message: Signal<String>,
    raw: String,
    notice: RwSignal<Option<Notice>>,
    open_linked: Callback<Plan>,
) -> impl IntoView {
    let text = RwSignal::new(raw);
    let error = RwSignal::new(String::new());
    let state = super::state::AppState::get();
    let t = move |en, zh| state.t(en, zh);
    let download = move |_| {
        let lang = state.lang.get_untracked();
        let result = text.with_untracked(|t| {
            crate::web::download::download(UNREADABLE_FILE, "application/json", t, lang)
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
        Err(err) => {
            let lang = state.lang.get_untracked();
            let why = err.text(lang);
            error.set(
                tr!(
                    lang,
                    format!("Still not a valid plan: {why}."),
                    format!("仍然不是有效的计划：{why}。")
                )
                .into_string(),
            )
        }
    };
    let dismiss = move |_| {
        state.plan.with_untracked(release_autosave);
        notice.set(None);
    };
    view! {
        <div id="load-notice" class="eip-notice eip-notice-error" role="alert">
            <span>{message}</span>
            " "<button id="download-unreadable" on:click=download>{t("Download it", "下载")}</button>
            " "<button id="dismiss-notice" on:click=dismiss>{t("Dismiss", "关闭")}</button>
            <details class="eip-repair">
                <summary>{t("Repair it", "修复")}</summary>
                <label for="repair-text">{t("The saved plan's text; fix the place the error names, then open it:", "保存的计划文本；请修正错误指出的位置，然后打开：")}</label>
                <textarea id="repair-text" rows="6" prop:value=move || text.get()
                    on:input:target=move |ev| text.set(ev.target().value())></textarea>
                <button id="repair-open" on:click=open>{t("Open the repaired plan", "打开修复后的计划")}</button>
                <p id="repair-error" class="eip-error-text" role="alert">{move || error.get()}</p>
            </details>
        </div>
    }
}

/// The file name of an unreadable saved plan's download.
const UNREADABLE_FILE: &str = "ecs-plan-unreadable.json";
