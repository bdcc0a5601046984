//! Labelled form controls with their error messages, shared by all forms.
//! Each control has a visible label, `aria-invalid` and `aria-describedby`
//! pointing at its message, so screen readers announce what is wrong.

use leptos::prelude::*;

use crate::domain::rules::fields::FieldErrors;

/// A read/write view on one text field of a draft.
pub fn lens<D: Send + Sync + 'static>(
    draft: RwSignal<D>,
    get: fn(&D) -> &String,
    set: fn(&mut D) -> &mut String,
) -> (Signal<String>, Callback<String>) {
    (Signal::derive(move || draft.with(|d| get(d).clone())), Callback::new(move |value: String| draft.update(|d| *set(d) = value)))
}

/// The message for `field` in `errors`, as a signal.
pub fn error_of(errors: RwSignal<FieldErrors>, field: impl Into<String>) -> Signal<Option<String>> {
    let field = field.into();
    Signal::derive(move || errors.with(|e| e.get(&field).map(|m| m.text())))
}

#[component]
pub fn TextField(
    /// The element id; also the base of the message's id.
    #[prop(into)]
    id: String,
    #[prop(into)] label: TextProp,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into, optional)] error: MaybeProp<String>,
    #[prop(optional)] required: bool,
    /// "text" (default), "email", "tel", "url", "date", "search", "password".
    #[prop(into, optional)]
    kind: Option<String>,
    #[prop(into, optional)] hint: Option<TextProp>,
    /// A textarea with this many rows instead of a one-line input.
    #[prop(optional)]
    rows: Option<u32>,
    #[prop(into, optional)] placeholder: Option<TextProp>,
    /// The browser's autofill hint, e.g. "new-password".
    #[prop(into, optional)]
    autocomplete: Option<String>,
) -> impl IntoView {
    let message_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = {
        let message_id = message_id.clone();
        let hint_id = hint_id.clone();
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(message_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.get().is_some().then_some("true");
    let control = match rows {
        Some(rows) => view! {
            <textarea
                id=id.clone()
                rows=rows
                placeholder={let placeholder = placeholder.clone()
                ; move || placeholder.as_ref().map(TextProp::get)}
                aria-invalid=invalid
                aria-describedby=described.clone()
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any(),
        None => view! {
            <input
                id=id.clone()
                type=kind.unwrap_or_else(|| "text".into())
                autocomplete=autocomplete
                required=required
                placeholder={let placeholder = placeholder.clone()
                ; move || placeholder.as_ref().map(TextProp::get)}
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        }
        .into_any(),
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>
                {move || label.get()}
                {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
            </label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{move || hint.get()}</p> })}
            {control}
            <FieldError id=message_id error=error />
        </div>
    }
}

/// The message under a field; present in the DOM only when there is one.
#[component]
pub fn FieldError(#[prop(into)] id: String, #[prop(into)] error: MaybeProp<String>) -> impl IntoView {
    move || error.get().map(|message| view! { <p class="error" id=id.clone()>{message}</p> })
}

/// A labelled select. `options` are (value, label) pairs; `""` means none.
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] label: TextProp,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(into, optional)] error: MaybeProp<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let message_id = format!("{id}-error");
    let described = {
        let message_id = message_id.clone();
        move || error.get().map(|_| message_id.clone())
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>
                {move || label.get()}
                {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
            </label>
            <select
                id=id.clone()
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(key, text)| {
                            let this = key.clone();
                            view! { <option value=key selected=move || value.with(|v| v == &this)>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <FieldError id=message_id error=error />
        </div>
    }
}

/// A group of checkboxes with a legend, for picking several of a list.
#[component]
pub fn CheckboxGroup(
    #[prop(into)] id: String,
    #[prop(into)] legend: TextProp,
    /// (value, label) pairs.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(into)] checked: Signal<Vec<String>>,
    /// Called with (value, now checked).
    on_toggle: Callback<(String, bool)>,
) -> impl IntoView {
    let fieldset_id = id.clone();
    view! {
        <fieldset class="checkboxes" id=fieldset_id>
            <legend>{move || legend.get()}</legend>
            // Only the options rebuild the list; ticking a box updates it in
            // place so that keyboard focus stays on it.
            {move || {
                options
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, (key, text))| {
                        let box_id = format!("{id}-{i}");
                        let label_for = box_id.clone();
                        let this = key.clone();
                        let is_checked = move || checked.with(|c| c.contains(&this));
                        view! {
                            <label class="checkbox" for=label_for>
                                <input
                                    type="checkbox"
                                    id=box_id
                                    value=key.clone()
                                    prop:checked=is_checked
                                    on:change=move |ev| on_toggle.run((key.clone(), event_target_checked(&ev)))
                                />
                                {text}
                            </label>
                        }
                    })
                    .collect_view()
            }}
        </fieldset>
    }
}

/// Toggles `item` in `list` (used by checkbox groups).
pub fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T, on: bool) {
    let present = list.contains(&item);
    if on && !present {
        list.push(item);
    } else if !on && present {
        list.retain(|x| x != &item);
    }
}

/// Moves keyboard focus to the first field with a message, so keyboard and
/// screen-reader users land where the problem is.
pub fn focus_first_error() {
    crate::app::platform::browser::focus_later("[aria-invalid='true']");
}

/// Said above a form whose unsaved input came back after a reload or Back,
/// with the way to start afresh.
#[component]
pub fn DraftRestored(restored: RwSignal<bool>, on_discard: Callback<()>) -> impl IntoView {
    move || {
        restored.get().then(|| {
            view! {
                <p class="hint draft-restored" role="status" data-testid="draft-restored">
                    {crate::t!("form.draft_restored")}" "
                    <button type="button" class="small" on:click=move |_| on_discard.run(())>{crate::t!("form.draft_discard")}</button>
                </p>
            }
        })
    }
}

/// The summary shown above a form that did not pass validation.
#[component]
pub fn ErrorSummary(errors: RwSignal<FieldErrors>) -> impl IntoView {
    move || {
        let count = errors.with(|e| e.len());
        (count > 0).then(|| {
            let text = tr!("form.check_fields", n = count);
            view! { <p class="form-summary" role="alert">{text}</p> }
        })
    }
}

/// How many rows a form has, as a memo: the rows redraw only when their
/// number changes, not on each keystroke in them. One memo type for every
/// form (each memo type costs wasm), the count behind `dyn`.
pub fn row_count(count: impl Fn() -> usize + Send + Sync + 'static) -> Memo<usize> {
    let count: Box<dyn Fn() -> usize + Send + Sync> = Box::new(count);
    Memo::new(move |_| count())
}
