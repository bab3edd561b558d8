//! The app's state: the plan (the only thing persisted or shared), the report derived from it,
//! and UI-only signals (tab, focused item, open panels, filters) kept out of the plan.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::core::history::History;
use crate::core::model::given;
use crate::core::{planner, Date, Plan, Report, Severity};

/// The plan a first visit starts from: small, launchable, and showing each part of the page.
pub const FIRST_VISIT: &str = include_str!("../../examples/first-visit.json");

/// The tab shown on narrow screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// The plan editor.
    Plan,
    /// The findings.
    Findings,
    /// Operations and quotas.
    Output,
}

/// Everything components share, provided by context. Plan mutations go through
/// [`AppState::edit`] and [`AppState::replace`] only.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The plan being edited.
    pub plan: RwSignal<Plan>,
    /// The engine's verdict on the plan, recomputed on every change.
    pub report: Memo<Report>,
    /// The worst severity per plan item (`/launches/0`), for the badges.
    pub worst: Memo<BTreeMap<String, Severity>>,
    /// Today's date, for lifecycle rules when the plan has no `as_of`.
    pub today: Date,
    /// The plan item a finding was last clicked for.
    pub focus: RwSignal<Option<String>>,
    /// The tab shown on narrow screens.
    pub tab: RwSignal<Tab>,
    /// Whether the compatibility matrix panel is open.
    pub matrix_open: RwSignal<bool>,
    /// The guide section open in the guide panel (`None`: closed).
    pub guide: RwSignal<Option<GuideTopic>>,
    /// Regions the user targets, beyond those the plan already uses.
    pub targets: RwSignal<Vec<String>>,
    /// Earlier and undone plans.
    history: StoredValue<History<Plan>>,
    /// Whether undo and redo have something to do (for the buttons).
    pub can_undo_redo: RwSignal<(bool, bool)>,
}

/// A section of the guide (the core's [`crate::core::guide::Topic`]).
pub use crate::core::guide::Topic as GuideTopic;

impl AppState {
    /// Creates the state around `plan` and provides it as context.
    pub fn provide(plan: Plan) -> AppState {
        let today = super::today();
        let plan = RwSignal::new(plan);
        let report = Memo::new(move |_| plan.with(|p| planner::check_builtin(p, today)));
        let worst = Memo::new(move |_| {
            report.with(|r| {
                let mut worst = BTreeMap::new();
                for finding in &r.findings {
                    let key = item_key(&finding.path).to_string();
                    let entry = worst.entry(key).or_insert(finding.severity);
                    *entry = (*entry).min(finding.severity);
                }
                worst
            })
        });
        let targets = plan.with_untracked(plan_regions);
        let state = AppState {
            plan,
            report,
            worst,
            today,
            focus: RwSignal::new(None),
            tab: RwSignal::new(Tab::Plan),
            matrix_open: RwSignal::new(false),
            guide: RwSignal::new(None),
            targets: RwSignal::new(targets),
            history: StoredValue::new(History::default()),
            can_undo_redo: RwSignal::new((false, false)),
        };
        provide_context(state);
        state
    }

    /// The state provided by [`AppState::provide`].
    pub fn get() -> AppState {
        expect_context::<AppState>()
    }

    /// Changes the plan in place; the report follows, and the change can be undone.
    pub fn edit(&self, f: impl FnOnce(&mut Plan)) {
        let before = self.plan.get_untracked();
        self.plan.update(f);
        self.record(before);
    }

    /// Swaps in a whole new plan (an import, a link); it can be undone.
    pub fn replace(&self, plan: Plan) {
        let before = self.plan.get_untracked();
        self.show(plan);
        self.record(before);
    }

    /// Steps back to the plan before the last change.
    pub fn undo(&self) {
        let current = self.plan.get_untracked();
        if let Some(previous) = self.history.try_update_value(|h| h.undo(current)).flatten() {
            self.show(previous);
        }
        self.sync_undo_redo();
    }

    /// Steps forward again after [`AppState::undo`].
    pub fn redo(&self) {
        let current = self.plan.get_untracked();
        if let Some(next) = self.history.try_update_value(|h| h.redo(current)).flatten() {
            self.show(next);
        }
        self.sync_undo_redo();
    }

    fn show(&self, plan: Plan) {
        self.targets.set(plan_regions(&plan));
        self.plan.set(plan);
    }

    fn record(&self, before: Plan) {
        let plan = self.plan;
        self.history
            .update_value(|h| plan.with_untracked(|after| h.record(before, after)));
        self.sync_undo_redo();
    }

    fn sync_undo_redo(&self) {
        let flags = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo_redo.set(flags);
    }

    /// The target regions: the user's picks plus every region the plan uses, in first-seen order.
    pub fn regions(&self) -> Vec<String> {
        let mut regions = self.targets.get();
        for region in self.plan.with(plan_regions) {
            if !regions.contains(&region) {
                regions.push(region);
            }
        }
        regions
    }

    /// Shows a plan item: switches to the plan tab and moves keyboard focus to the item's row.
    pub fn focus_item(&self, key: &str) {
        self.focus.set(Some(key.to_string()));
        self.tab.set(Tab::Plan);
        let id = item_dom_id(key);
        request_animation_frame(move || focus_by_id(&id));
    }
}

/// Moves keyboard focus to the element with this id (the browser scrolls it into view).
pub fn focus_by_id(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            element.focus().ok();
        }
    }
}

/// The first visit's plan.
pub fn first_visit_plan() -> Plan {
    serde_json::from_str(FIRST_VISIT).expect("examples/first-visit.json is a valid plan")
}

/// Regions a plan names in launches, copies, shares, exports and usage, in first-seen order.
pub fn plan_regions(plan: &Plan) -> Vec<String> {
    let mut regions: Vec<String> = Vec::new();
    let named = plan
        .launches
        .iter()
        .map(|l| &l.region)
        .chain(plan.copies.iter().map(|c| &c.to_region))
        .chain(plan.shares.iter().map(|s| &s.region))
        .chain(plan.exports.iter().map(|e| &e.bucket_region))
        .filter_map(given)
        .chain(plan.custom_image_usage.keys().map(String::as_str));
    for region in named {
        if !region.is_empty() && !regions.iter().any(|r| r == region) {
            regions.push(region.to_string());
        }
    }
    regions
}

/// The plan item a JSON pointer is about: `/launches/0/image` → `/launches/0`, `/quotas/x` →
/// `/quotas`.
pub fn item_key(path: &str) -> &str {
    let mut ends = path.match_indices('/').map(|(at, _)| at).skip(1);
    let first_end = ends.next().unwrap_or(path.len());
    let second_end = ends.next().unwrap_or(path.len());
    let second = path.get(first_end + 1..second_end).unwrap_or("");
    if !second.is_empty() && second.bytes().all(|b| b.is_ascii_digit()) {
        &path[..second_end]
    } else {
        &path[..first_end]
    }
}

/// The DOM id of a plan item's row: `/launches/0` → `item-launches-0`.
pub fn item_dom_id(key: &str) -> String {
    format!("item{}", key.replace('/', "-"))
}
