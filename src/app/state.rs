//! The app's state: the plan (the only thing persisted or shared), the report derived from it,
//! and UI-only signals (tab, focused item, open panels, filters) kept out of the plan.

use std::collections::{BTreeMap, HashMap};

use leptos::prelude::*;

use crate::core::catalog::Catalog;
use crate::core::history::History;
use crate::core::i18n::{Lang, Term};
use crate::core::item::Item;
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

/// Everything components share, provided by context. The plan is read through
/// [`AppState::plan`] and changed only through [`AppState::edit`], [`AppState::edit_typing`] and
/// [`AppState::replace`], so that every change can be undone.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The plan being edited (read only: change it with [`AppState::edit`]).
    pub plan: Signal<Plan>,
    /// The plan's storage, private so that no change bypasses the history.
    doc: RwSignal<Plan>,
    /// The engine's verdict on the plan, recomputed on every change.
    pub report: Memo<Report>,
    /// The worst severity per plan item (`/launches/0`), for the badges.
    pub worst: Memo<BTreeMap<String, Severity>>,
    /// The findings at each JSON pointer, as `(code, message)`: a field looks up its own in
    /// one step instead of every field scanning every finding on every edit.
    at_path: Memo<HashMap<String, Vec<(&'static str, String)>>>,
    /// Today's date, for lifecycle rules when the plan has no `as_of`.
    pub today: Date,
    /// The page's language: findings, labels and texts follow it; the plan does not.
    pub lang: RwSignal<Lang>,
    /// The plan item a finding was last clicked for.
    pub focus: RwSignal<Option<String>>,
    /// The tab shown on narrow screens.
    pub tab: RwSignal<Tab>,
    /// Whether the compatibility matrix panel is open.
    pub matrix_open: RwSignal<bool>,
    /// Whether the matrix opens on one question with its embed snippet shown.
    pub matrix_embed: RwSignal<bool>,
    /// The guide section open in the guide panel (`None`: closed).
    pub guide: RwSignal<Option<GuideTopic>>,
    /// Regions the user picked as targets that the plan does not use (yet): UI state, since
    /// the regions the plan uses are derived from the plan.
    extra_regions: RwSignal<Vec<String>>,
    /// The target regions: those the plan uses, then [`AppState::extra_regions`]; it changes
    /// only when that list does, not on every edit.
    targets: Memo<Vec<String>>,
    /// Earlier and undone plans.
    history: StoredValue<History<Plan>>,
    /// Whether undo and redo have something to do (for the buttons).
    pub can_undo_redo: RwSignal<(bool, bool)>,
    /// Why the last edit was not made (it would break a plan limit the loader enforces).
    pub refused: RwSignal<Option<String>>,
    /// What the last one-click fix did, announced politely.
    pub fix_status: RwSignal<String>,
    /// An image the user asked to describe (from an unknown ID): the image form opens on it.
    pub describe: RwSignal<Option<ImageToDescribe>>,
}

/// An image ID the plan names but nothing describes, and the region it was named in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageToDescribe {
    /// The image ID.
    pub id: String,
    /// The region of the launch that names it.
    pub region: String,
}

/// A section of the guide (the core's [`crate::core::guide::Topic`]).
pub use crate::core::guide::Topic as GuideTopic;

impl AppState {
    /// Creates the state around `plan` and provides it as context.
    pub fn provide(plan: Plan) -> AppState {
        let today = super::today();
        let doc = RwSignal::new(plan);
        let plan: Signal<Plan> = doc.into();
        let lang = RwSignal::new(crate::web::lang::initial());
        crate::web::lang::set_document_lang(lang.get_untracked());
        let report = Memo::new(move |_| {
            let lang = lang.get();
            plan.with(|p| planner::check_in(p, Catalog::builtin(), today, lang))
        });
        let worst = Memo::new(move |_| {
            report.with(|r| {
                let mut worst = BTreeMap::new();
                for finding in &r.findings {
                    let key = Item::of_path(&finding.path).to_string();
                    let entry = worst.entry(key).or_insert(finding.severity);
                    *entry = (*entry).min(finding.severity);
                }
                worst
            })
        });
        let extra_regions = RwSignal::new(Vec::<String>::new());
        let targets = Memo::new(move |_| {
            let mut regions = plan.with(plan_regions);
            extra_regions.with(|extra| {
                for region in extra {
                    if !regions.contains(region) {
                        regions.push(region.clone());
                    }
                }
            });
            regions
        });
        let at_path = Memo::new(move |_| {
            report.with(|r| {
                let mut at: HashMap<String, Vec<(&'static str, String)>> = HashMap::new();
                for f in &r.findings {
                    at.entry(f.path.clone())
                        .or_default()
                        .push((f.code, f.message.clone()));
                }
                at
            })
        });
        let state = AppState {
            plan,
            doc,
            report,
            worst,
            at_path,
            today,
            lang,
            focus: RwSignal::new(None),
            tab: RwSignal::new(Tab::Plan),
            matrix_open: RwSignal::new(false),
            matrix_embed: RwSignal::new(false),
            guide: RwSignal::new(None),
            extra_regions,
            targets,
            history: StoredValue::new(History::default()),
            can_undo_redo: RwSignal::new((false, false)),
            refused: RwSignal::new(None),
            fix_status: RwSignal::new(String::new()),
            describe: RwSignal::new(None),
        };
        provide_context(state);
        state
    }

    /// A text of the page in both languages that follows the language switch.
    pub fn t(
        &self,
        en: &'static str,
        zh: &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let (lang, term) = (self.lang, Term::new(en, zh));
        move || term.get(lang.get())
    }

    /// Switches the page's language and remembers the choice; the plan, its history and the
    /// share link stay as they are.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        crate::web::lang::remember(lang);
        crate::web::lang::set_document_lang(lang);
    }

    /// The message of the finding of rule `code` at exactly `path` (`/launches/0/image`).
    pub fn finding_at(&self, path: &str, code: &str) -> Option<String> {
        self.at_path.with(|at| {
            at.get(path)?
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, message)| message.clone())
        })
    }

    /// Whether a finding of rule `code` is at exactly `path`.
    pub fn has_finding(&self, path: &str, code: &str) -> bool {
        self.at_path.with(|at| {
            at.get(path)
                .is_some_and(|list| list.iter().any(|(c, _)| *c == code))
        })
    }

    /// The state provided by [`AppState::provide`].
    pub fn get() -> AppState {
        expect_context::<AppState>()
    }

    /// Changes the plan; the report follows, and the change can be undone. A change that would
    /// make a plan the loader refuses (over a limit of `core::validate`) is not made, and
    /// [`AppState::refused`] says why, naming the limit: the page never holds, saves or shares
    /// a plan it could not open again.
    pub fn edit(&self, f: impl FnOnce(&mut Plan)) {
        let Some((before, after)) = self.checked(f) else {
            return;
        };
        self.doc.set(after);
        self.history
            .update_value(|h| self.doc.with_untracked(|after| h.record(before, after)));
        self.sync_undo_redo();
    }

    /// Changes the plan as a field is typed into (`field`: its DOM id): the findings follow
    /// every key, and the typing of one field is one undo step. Limits as for
    /// [`AppState::edit`].
    pub fn edit_typing(&self, field: &str, f: impl FnOnce(&mut Plan)) {
        let Some((before, after)) = self.checked(f) else {
            return;
        };
        self.doc.set(after);
        self.history.update_value(|h| {
            self.doc
                .with_untracked(|after| h.record_in(field, before, after))
        });
        self.sync_undo_redo();
    }

    /// The plan before and after `f`, when the result is within every plan limit; else `None`,
    /// with [`AppState::refused`] saying which limit.
    fn checked(&self, f: impl FnOnce(&mut Plan)) -> Option<(Plan, Plan)> {
        let before = self.doc.get_untracked();
        let mut after = before.clone();
        f(&mut after);
        if let Err(err) = crate::core::validate::check_storable(&after) {
            let lang = self.lang.get_untracked();
            let why = err.text(lang);
            self.refused.set(Some(
                crate::tr!(
                    lang,
                    format!("That change was not made: {why}. The plan is as it was before."),
                    format!("未做此修改：{why}。计划保持原样。")
                )
                .into_string(),
            ));
            return None;
        }
        if self.refused.with_untracked(Option::is_some) {
            self.refused.set(None);
        }
        Some((before, after))
    }

    /// Swaps in a whole new plan (an import, a link); it can be undone.
    pub fn replace(&self, plan: Plan) {
        self.edit(|p| *p = plan);
    }

    /// Steps back to the plan before the last change.
    pub fn undo(&self) {
        let current = self.doc.get_untracked();
        if let Some(previous) = self.history.try_update_value(|h| h.undo(current)).flatten() {
            self.doc.set(previous);
        }
        self.sync_undo_redo();
    }

    /// Steps forward again after [`AppState::undo`].
    pub fn redo(&self) {
        let current = self.doc.get_untracked();
        if let Some(next) = self.history.try_update_value(|h| h.redo(current)).flatten() {
            self.doc.set(next);
        }
        self.sync_undo_redo();
    }

    fn sync_undo_redo(&self) {
        let flags = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo_redo.set(flags);
    }

    /// The target regions: every region the plan uses, in first-seen order, then the ones the
    /// user picked that the plan does not use yet.
    pub fn regions(&self) -> Vec<String> {
        self.targets.get()
    }

    /// Adds a target region (UI state: the plan changes only when an item uses it).
    pub fn add_region(&self, region: String) {
        self.extra_regions.update(|extra| {
            if !extra.contains(&region) {
                extra.push(region)
            }
        });
    }

    /// Removes a target region, unless the plan uses it: then the plan items that use it, for
    /// the user to change first.
    pub fn remove_region(&self, region: &str) -> Result<(), Vec<String>> {
        let users = self.plan.with_untracked(|p| region_users(p, region));
        if !users.is_empty() {
            return Err(users);
        }
        self.extra_regions
            .update(|extra| extra.retain(|r| r != region));
        Ok(())
    }

    /// Removes item `i` of a plan list (`"launches"`) and moves keyboard focus to the item that
    /// takes its place, else the one before it, else the list's add button (`add_id`).
    pub fn remove_item(
        &self,
        list: &'static str,
        i: usize,
        add_id: &'static str,
        remove: impl FnOnce(&mut Plan),
    ) {
        self.edit(remove);
        let left = self.plan.with_untracked(|p| list_len(p, list));
        let target = match left {
            0 => add_id.to_string(),
            n => item_dom_id(&format!("/{list}/{}", i.min(n - 1))),
        };
        request_animation_frame(move || focus_by_id(&target));
    }

    /// Opens the matrix on the question of launch #0's image, with the snippet that embeds
    /// its answer in a documentation page.
    pub fn open_embed_answer(&self) {
        self.matrix_embed.set(true);
        self.matrix_open.set(true);
    }

    /// Opens the image form on an image ID the plan names but nothing describes.
    pub fn describe_image(&self, id: String, region: String) {
        self.tab.set(Tab::Plan);
        self.describe.set(Some(ImageToDescribe { id, region }));
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
    crate::web::dom::focus_by_id(id);
}

/// The first visit's plan.
pub fn first_visit_plan() -> Plan {
    serde_json::from_str(FIRST_VISIT).expect("examples/first-visit.json is a valid plan")
}

/// Regions a plan names in launches, copies, shares, exports, pipelines, updates and usage, in
/// first-seen order.
pub fn plan_regions(plan: &Plan) -> Vec<String> {
    let mut regions: Vec<String> = Vec::new();
    let named = plan
        .launches
        .iter()
        .map(|l| &l.region)
        .chain(plan.copies.iter().map(|c| &c.to_region))
        .chain(plan.shares.iter().map(|s| &s.region))
        .chain(plan.exports.iter().map(|e| &e.bucket_region))
        .chain(plan.pipelines.iter().map(|x| &x.region))
        .chain(plan.updates.iter().map(|u| &u.region))
        .filter_map(given)
        .chain(
            plan.pipelines
                .iter()
                .flat_map(|x| x.to_regions.iter().map(String::as_str)),
        )
        .chain(plan.custom_image_usage.keys().map(String::as_str));
    for region in named {
        if !region.is_empty() && !regions.iter().any(|r| r == region) {
            regions.push(region.to_string());
        }
    }
    regions
}

/// The number of items in the plan list called `list` (`"launches"`).
pub fn list_len(plan: &Plan, list: &str) -> usize {
    match list {
        "launches" => plan.launches.len(),
        "images" => plan.images.len(),
        "creates" => plan.creates.len(),
        "imports" => plan.imports.len(),
        "copies" => plan.copies.len(),
        "modifies" => plan.modifies.len(),
        "shares" => plan.shares.len(),
        "exports" => plan.exports.len(),
        "deletes" => plan.deletes.len(),
        "instance_types" => plan.instance_types.len(),
        _ => 0,
    }
}

/// The plan items that name `region` (`/launches/0`), in plan order.
pub fn region_users(plan: &Plan, region: &str) -> Vec<String> {
    let mut users = Vec::new();
    let mut add = |list: &str, named: Vec<&str>| {
        for (n, r) in named.into_iter().enumerate() {
            if r == region {
                users.push(format!("/{list}/{n}"));
            }
        }
    };
    add(
        "launches",
        plan.launches
            .iter()
            .map(|l| l.region.as_deref().unwrap_or(""))
            .collect(),
    );
    add(
        "copies",
        plan.copies
            .iter()
            .map(|c| c.to_region.as_deref().unwrap_or(""))
            .collect(),
    );
    add(
        "shares",
        plan.shares
            .iter()
            .map(|s| s.region.as_deref().unwrap_or(""))
            .collect(),
    );
    add(
        "exports",
        plan.exports
            .iter()
            .map(|e| e.bucket_region.as_deref().unwrap_or(""))
            .collect(),
    );
    if plan.custom_image_usage.contains_key(region) {
        users.push("/custom_image_usage".to_string());
    }
    users
}

/// The DOM id of a plan item's row: `/launches/0` → `item-launches-0`.
pub fn item_dom_id(key: &str) -> String {
    format!("item{}", key.replace('/', "-"))
}
