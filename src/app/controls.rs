//! Labelled form controls bound to the plan through signals and callbacks.

use leptos::prelude::*;

use super::state::AppState;
use crate::core::rules::reference::VALUE_MISSING;

/// A `<select>` with a label (visible, or for screen readers only when `hidden_label`).
#[component]
pub fn Select(
    /// DOM id of the select.
    #[prop(into)]
    id: String,
    /// The label text.
    #[prop(into)]
    label: String,
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
) -> impl IntoView {
    let missing = missing_at(pointer);
    let error_id = format!("{id}-missing");
    let described_by = error_id.clone();
    view! {
        <label class="eip-field">
            <span class:eip-sr=hidden_label>{label}</span>
            <select id=id
                aria-invalid=move || missing.with(Option::is_some).to_string()
                aria-describedby=move || missing.with(Option::is_some).then(|| described_by.clone())
                on:change:target=move |ev| on_change.run(ev.target().value())>
                {move || {
                    let current = value.get();
                    let mut list = options.get();
                    if !current.is_empty() && !list.iter().any(|(v, _)| *v == current) {
                        list.insert(0, (current.clone(), current.clone()));
                    }
                    if current.is_empty() {
                        list.insert(0, (String::new(), "Choose…".to_string()));
                    }
                    list.into_iter()
                        .map(|(v, text)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
            {move || missing.get().map(|message| view! {
                <span class="eip-field-error" id=error_id.clone()>{message}</span>
            })}
        </label>
    }
}

/// The message of the `value-missing` finding at `pointer`, as the findings change.
fn missing_at(pointer: Option<String>) -> Signal<Option<String>> {
    let state = AppState::get();
    Signal::derive(move || {
        let pointer = pointer.as_deref()?;
        state.report.with(|report| {
            report
                .findings
                .iter()
                .find(|f| f.code == VALUE_MISSING.code && f.path == pointer)
                .map(|f| f.message.clone())
        })
    })
}

/// A text or number `<input>` with a label; changes are committed on `change`.
#[component]
pub fn Input(
    /// DOM id of the input.
    #[prop(into)]
    id: String,
    /// The label text.
    #[prop(into)]
    label: String,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text.
    on_change: Callback<String>,
    /// `text` (default) or `number`.
    #[prop(default = "text")]
    kind: &'static str,
    /// Placeholder text.
    #[prop(optional)]
    placeholder: &'static str,
    /// Show the label to screen readers only.
    #[prop(optional)]
    hidden_label: bool,
    /// Accept only a whole number (or nothing): anything else stays in the field with a
    /// message, and the plan is not changed.
    #[prop(optional)]
    whole: bool,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let error_id = format!("{id}-error");
    let described_by = error_id.clone();
    view! {
        <label class="eip-field">
            <span class:eip-sr=hidden_label>{label}</span>
            <input
                id=id
                type=kind
                min=(kind == "number").then_some("0")
                placeholder=placeholder
                prop:value=value
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=move || error.with(Option::is_some).then(|| described_by.clone())
                on:change:target=move |ev| {
                    let text = ev.target().value();
                    let trimmed = text.trim();
                    if whole && !trimmed.is_empty() && trimmed.parse::<u32>().is_err() {
                        error.set(Some(format!(
                            "\"{trimmed}\" is not a whole number: write digits only, such as 40; the plan keeps its previous value"
                        )));
                        return;
                    }
                    error.set(None);
                    on_change.run(text)
                }
            />
            {move || error.get().map(|message| view! {
                <span class="eip-field-error" id=error_id.clone() role="alert">{message}</span>
            })}
        </label>
    }
}

/// A checkbox with a label.
#[component]
pub fn Check(
    /// DOM id of the checkbox.
    #[prop(into)]
    id: String,
    /// The label text.
    #[prop(into)]
    label: String,
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
            {label}
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
