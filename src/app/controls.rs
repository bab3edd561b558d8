//! Labelled form controls bound to the plan through signals and callbacks.

use leptos::prelude::*;

use super::state::AppState;
use crate::core::accounts::AccountList;
use crate::core::i18n::Term;
use crate::core::rules::reference::VALUE_MISSING;

/// Lists longer than this are offered through a shared `<datalist>` instead of a `<select>` of
/// their own: a thousand rows each listing a thousand images would be a million nodes.
pub const LONG_LIST: usize = 100;

/// A `<select>` with a label (visible, or for screen readers only when `hidden_label`).
///
/// The select always shows `value`. An `<option selected>` attribute alone cannot promise that:
/// once a user (or a script) has picked an option, the browser marks the select "dirty" and
/// ignores later changes of `selected` attributes, so after an undo the select would keep
/// showing the user's last pick while the plan holds another value. And `prop:value` alone runs
/// before the options of a new list exist. So the options carry `selected` for the first paint,
/// and an effect, which runs after the options are in the DOM, sets the select's `value`
/// property whenever the value or the option list changes.
///
/// The options render again only when the list or this select's value changes, not on every
/// edit of the plan. When the list is longer than [`LONG_LIST`] and `list` names a
/// [`SharedList`] on the page, the field is a text input offering that shared list instead.
#[component]
pub fn Select(
    /// DOM id of the select.
    #[prop(into)]
    id: String,
    /// The label text: fixed, or following the page's language (`state.t(..)`).
    #[prop(into)]
    label: TextProp,
    /// `(value, text)` per option.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The selected value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new value.
    on_change: Callback<String>,
    /// Show the label to screen readers only.
    #[prop(optional)]
    hidden_label: bool,
    /// The JSON pointer of the plan field the select edits: a `value-missing` finding there is
    /// shown at the field.
    #[prop(optional, into)]
    pointer: Option<String>,
    /// The DOM id of the [`SharedList`] of the same options, for long lists.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView {
    let value = Memo::new(move |_| value.get());
    let long = Memo::new(move |_| list.is_some() && options.with(|o| o.len() > LONG_LIST));
    let node = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        let current = value.get();
        options.track();
        if let Some(select) = node.get() {
            if select.value() != current {
                select.set_value(&current);
            }
        }
    });
    let missing = missing_at(pointer);
    let state = AppState::get();
    let (choose, search) = (
        state.t("Choose…", "请选择…"),
        state.t("type to search", "输入以搜索"),
    );
    let error_id = format!("{id}-missing");
    let described_by = error_id.clone();
    let missing_id = error_id.clone();
    let field = move || {
        let id = id.clone();
        let described_by = described_by.clone();
        let invalid = move || missing.with(Option::is_some).to_string();
        let described = move || missing.with(Option::is_some).then(|| described_by.clone());
        if long.get() {
            return view! {
                <input id=id type="text" list=list autocomplete="off" spellcheck="false"
                    placeholder=search prop:value=value
                    aria-invalid=invalid aria-describedby=described
                    on:change:target=move |ev| on_change.run(ev.target().value().trim().to_string())/>
            }
            .into_any();
        }
        view! {
            <select id=id node_ref=node aria-invalid=invalid aria-describedby=described
                on:change:target=move |ev| on_change.run(ev.target().value())>
                {move || {
                    let current = value.get();
                    let mut list = options.get();
                    if !current.is_empty() && !list.iter().any(|(v, _)| *v == current) {
                        list.insert(0, (current.clone(), current.clone()));
                    }
                    if current.is_empty() && !list.iter().any(|(v, _)| v.is_empty()) {
                        list.insert(0, (String::new(), choose().to_string()));
                    }
                    list.into_iter()
                        .map(|(v, text)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        }
        .into_any()
    };
    view! {
        <label class="eip-field">
            <span class:eip-sr=hidden_label>{move || label.get()}</span>
            {field}
            {move || missing.get().map(|message| view! {
                <span class="eip-field-error" id=missing_id.clone()>{message}</span>
            })}
        </label>
    }
}

/// One `<datalist>` of choices that every long [`Select`] with this `id` offers: built once per
/// change of the list, however many rows use it. Rendered only while the list is long.
#[component]
pub fn SharedList(
    /// DOM id the selects name in `list`.
    id: &'static str,
    /// `(value, text)` per option.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    move || {
        options.with(|o| o.len() > LONG_LIST).then(|| {
            view! {
                <datalist id=id>
                    {options.with(|o| {
                        o.iter()
                            .map(|(v, text)| view! { <option value=v.clone()>{text.clone()}</option> })
                            .collect_view()
                    })}
                </datalist>
            }
        })
    }
}

/// The message of the `value-missing` finding at `pointer`, as the findings change.
fn missing_at(pointer: Option<String>) -> Memo<Option<String>> {
    let state = AppState::get();
    Memo::new(move |_| state.finding_at(pointer.as_deref()?, VALUE_MISSING.code))
}

/// A text or number `<input>` with a label. Every key commits (`on_change` runs on `input`), so
/// the findings follow the typing.
///
/// While the field has focus, a value that only normalises what is typed (the plan trims it,
/// say) is not written back, so the caret never jumps and nothing typed is lost; once focus
/// leaves, the field shows the plan's value.
#[component]
pub fn Input(
    /// DOM id of the input.
    #[prop(into)]
    id: String,
    /// The label text: fixed, or following the page's language (`state.t(..)`).
    #[prop(into)]
    label: TextProp,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text.
    on_change: Callback<String>,
    /// `text` (default) or `number`.
    #[prop(default = "text")]
    kind: &'static str,
    /// Placeholder text: fixed, or following the page's language.
    #[prop(optional, into)]
    placeholder: TextProp,
    /// Show the label to screen readers only.
    #[prop(optional)]
    hidden_label: bool,
    /// Accept only a whole number (or nothing): anything else stays in the field with a
    /// message, and the plan is not changed.
    #[prop(optional)]
    whole: bool,
    /// A hint under the field (what the value means, where to find it).
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
) -> impl IntoView {
    // The text typed that is not a whole number; the message follows the page's language.
    let error = RwSignal::new(None::<String>);
    let lang = AppState::get().lang;
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            if has_hint {
                ids.push(hint_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let node = NodeRef::<leptos::html::Input>::new();
    bind_text(
        move || node.get(),
        value,
        |typed, value| typed.trim() == value.trim(),
    );
    let commit = move |text: String| {
        let trimmed = text.trim();
        if whole && !trimmed.is_empty() && trimmed.parse::<u32>().is_err() {
            error.set(Some(trimmed.to_string()));
            return;
        }
        error.set(None);
        on_change.run(text)
    };
    view! {
        <label class="eip-field">
            <span class:eip-sr=hidden_label>{move || label.get()}</span>
            <input
                id=id
                node_ref=node
                type=kind
                min=(kind == "number").then_some("0")
                placeholder=placeholder
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=described_by
                on:input:target=move |ev| commit(ev.target().value())
                on:blur=move |_| {
                    // Leaving the field shows what the plan holds (a trimmed ID, say).
                    if error.with_untracked(Option::is_none) {
                        if let Some(input) = node.get_untracked() {
                            let shown = value.get_untracked();
                            if input.value() != shown {
                                input.set_value(&shown);
                            }
                        }
                    }
                }
            />
            {move || error.get().map(|typed| view! {
                <span class="eip-field-error" id=error_id.clone() role="alert">{crate::tr!(lang.get(),
                    format!("\"{typed}\" is not a whole number: write digits only, such as 40; the plan keeps its previous value"),
                    format!("“{typed}”不是整数：请只填写数字，例如 40；计划保留原来的值")
                ).into_string()}</span>
            })}
            {hint.map(|hint| view! { <span class="eip-field-hint" id=hint_id>{hint}</span> })}
        </label>
    }
}

/// Keeps a text field (`field`: its node, once mounted) showing `value`, except that while it
/// has focus a value `same` judges equal to what is typed is not written back (no caret jump,
/// nothing typed lost).
pub fn bind_text<F: TextField>(
    field: impl Fn() -> Option<F> + 'static,
    value: Signal<String>,
    same: fn(&str, &str) -> bool,
) {
    Effect::new(move |_| {
        let value = value.get();
        if let Some(field) = field() {
            let typed = field.text();
            if typed == value {
                return;
            }
            if crate::web::dom::has_focus(field.as_ref()) && same(&typed, &value) {
                return;
            }
            field.set_text(&value);
        }
    });
}

/// Keeps a pasted-accounts `<textarea>` showing `accounts` one per line, except that while it
/// has focus what is typed stays as typed whenever it reads as the same accounts (commas,
/// spaces, a trailing newline). The share row and the pipeline row use it.
pub fn bind_account_list(field: NodeRef<leptos::html::Textarea>, accounts: Memo<Vec<String>>) {
    bind_text(
        move || field.get(),
        Signal::derive(move || accounts.with(|a| AccountList::text(a))),
        |typed, shown| AccountList::text(&AccountList::parse(typed).accounts) == shown,
    );
}

/// An element whose text a user edits: `<input>` or `<textarea>`.
pub trait TextField: AsRef<web_sys::Element> {
    /// The text in the field.
    fn text(&self) -> String;
    /// Replaces the text in the field.
    fn set_text(&self, text: &str);
}

impl TextField for web_sys::HtmlInputElement {
    fn text(&self) -> String {
        self.value()
    }
    fn set_text(&self, text: &str) {
        self.set_value(text)
    }
}

impl TextField for web_sys::HtmlTextAreaElement {
    fn text(&self) -> String {
        self.value()
    }
    fn set_text(&self, text: &str) {
        self.set_value(text)
    }
}

/// A checkbox with a label.
#[component]
pub fn Check(
    /// DOM id of the checkbox.
    #[prop(into)]
    id: String,
    /// The label text: fixed, or following the page's language (`state.t(..)`).
    #[prop(into)]
    label: TextProp,
    /// Whether it is checked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the new state.
    on_change: Callback<bool>,
) -> impl IntoView {
    view! {
        <label class="eip-check">
            <input
                id=id
                type="checkbox"
                prop:checked=checked
                on:change:target=move |ev| on_change.run(ev.target().checked())
            />
            {move || label.get()}
        </label>
    }
}

/// Options from static `(value, text)` pairs.
pub fn static_options(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(v, t)| (v.to_string(), t.to_string()))
        .collect()
}

/// Options whose texts follow the page's language: `(value, English, Chinese)` triples.
pub fn options_in(
    options: &'static [(&'static str, &'static str, &'static str)],
) -> Signal<Vec<(String, String)>> {
    let lang = AppState::get().lang;
    Signal::derive(move || {
        let lang = lang.get();
        options
            .iter()
            .map(|&(v, en, zh)| (v.to_string(), Term::new(en, zh).get(lang).to_string()))
            .collect()
    })
}
