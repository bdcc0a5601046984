//! The form of a programme's details, and the form of one Baustein.

use leptos::prelude::*;

use crate::app::platform::browser::new_id;
use crate::app::state::{use_state, Panel};
use crate::app::widgets::actor_picker::ActorPicker;
use crate::app::widgets::confirm::ConfirmButton;
use crate::app::widgets::fields::{
    error_of, focus_first_error, lens, toggle, CheckboxGroup, DraftRestored, ErrorSummary, SelectField, TextField,
};
use crate::domain::editing::query::actors_by_name;
use crate::domain::rules::fields::FieldErrors;
use crate::domain::{Baustein, Id, Programme};

/// Save, cancel and (for a record that exists) delete, at the foot of both forms.
fn form_actions(finish: impl Fn() + Copy + Send + Sync + 'static, delete: Option<(String, Callback<()>)>) -> impl IntoView {
    let state = use_state();
    view! {
        <div class="actions sticky">
            <button type="submit" class="primary">{live!("common.save")}</button>
            <button type="button" on:click=move |_| {
                finish();
                state.open(Panel::None);
            }>{live!("common.cancel")}</button>
            {delete.map(|(question, on_confirm)| view! {
                <ConfirmButton label=live!("common.delete_ellipsis") question=question confirm_label=live!("common.confirm_delete") on_confirm=on_confirm />
            })}
        </div>
    }
}

#[component]
pub fn ProgrammeForm(id: Option<Id>) -> impl IntoView {
    let state = use_state();
    let existing = id.as_ref().and_then(|id| state.with_region_untracked(|r| r.programme(id).cloned()).flatten());
    let creating = existing.is_none();
    let form = state.form_draft("programme", id.as_ref(), || {
        existing.as_ref().map(Programme::as_draft).unwrap_or_else(|| Programme::draft(new_id("programme")))
    });
    let draft = form.value;
    let errors = RwSignal::new(FieldErrors::new());
    let (name, set_name) = lens(draft, |d| &d.name, |d| &mut d.name);
    let (funder, set_funder) = lens(draft, |d| &d.funder, |d| &mut d.funder);
    let (start, set_start) = lens(draft, |d| &d.start, |d| &mut d.start);
    let (end, set_end) = lens(draft, |d| &d.end, |d| &mut d.end);
    let (goal, set_goal) = lens(draft, |d| &d.goal, |d| &mut d.goal);
    let (target, set_target) = lens(draft, |d| &d.target_group, |d| &mut d.target_group);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.with_untracked(Programme::from_draft) {
            Ok(programme) => {
                form.finish();
                state.edit_region(|r| r.upsert_programme(programme));
                state.open(Panel::None);
                state.confirm(t!("programmes.saved"));
            }
            Err(found) => {
                errors.set(found);
                focus_first_error();
            }
        }
    };
    let delete = id.map(|id| {
        let question = tr!("programmes.delete_question", name = existing.map(|p| p.name).unwrap_or_default());
        let confirm = Callback::new(move |_: ()| {
            form.finish();
            state.edit_region(|r| r.delete_programme(&id));
            state.open(Panel::None);
            state.confirm(t!("programmes.deleted"));
        });
        (question, confirm)
    });
    view! {
        <form class="entity-form" aria-labelledby="programme-form-title" novalidate on:submit=on_submit>
            <header class="panel-head">
                <h2 id="programme-form-title" tabindex="-1">{move || if creating { t!("programmes.new") } else { t!("programmes.edit") }}</h2>
            </header>
            <DraftRestored restored=form.restored on_discard=Callback::new(move |_| form.discard()) />
            <ErrorSummary errors=errors />
            <TextField id="programme-name" label=live!("common.name") required=true value=name on_input=set_name error=error_of(errors, "name") />
            <TextField id="programme-funder" label=live!("programmes.funder") value=funder on_input=set_funder />
            <TextField id="programme-start" label=live!("programmes.start") hint=live!("groups.meeting_date_hint") value=start on_input=set_start error=error_of(errors, "start") />
            <TextField id="programme-end" label=live!("programmes.end") hint=live!("groups.meeting_date_hint") value=end on_input=set_end error=error_of(errors, "end") />
            <TextField id="programme-goal" label=live!("programmes.goal") rows=2 value=goal on_input=set_goal />
            <TextField id="programme-target" label=live!("programmes.target_group") value=target on_input=set_target />
            {form_actions(move || form.finish(), delete)}
        </form>
    }
}

#[component]
pub fn BausteinForm(programme: Id, id: Option<Id>) -> impl IntoView {
    let state = use_state();
    let existing = state
        .with_region_untracked(|r| r.programme(&programme).and_then(|p| p.bausteine.iter().find(|b| Some(&b.id) == id.as_ref())).cloned())
        .flatten();
    let programme_name = state.with_region_untracked(|r| r.programme(&programme).map(|p| p.name.clone())).flatten().unwrap_or_default();
    let creating = existing.is_none();
    // A new Baustein's draft is kept under its programme, an existing one under itself.
    let form = state.form_draft("baustein", id.as_ref().or(Some(&programme)), || {
        existing.clone().unwrap_or_else(|| Baustein::draft(new_id("baustein")))
    });
    let draft = form.value;
    let errors = RwSignal::new(FieldErrors::new());
    let (name, set_name) = lens(draft, |d| &d.name, |d| &mut d.name);
    let on_submit = {
        let programme = programme.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let built =
                state.with_region_untracked(|r| draft.with_untracked(|d| d.from_draft(r))).unwrap_or_else(|| Err(FieldErrors::new()));
            match built {
                Ok(baustein) => {
                    form.finish();
                    state.edit_region(|r| r.upsert_baustein(&programme, baustein));
                    state.open(Panel::None);
                    state.confirm(t!("programmes.baustein_saved"));
                }
                Err(found) => {
                    errors.set(found);
                    focus_first_error();
                }
            }
        }
    };
    let traeger_options = Signal::derive(move || {
        let actors = state.with_region(|r| actors_by_name(r, |_| true)).unwrap_or_default();
        std::iter::once((String::new(), t!("common.none").to_owned()))
            .chain(actors.into_iter().map(|(id, name)| (id.0, name)))
            .collect::<Vec<_>>()
    });
    let sozialraum_options = Signal::derive(move || {
        state.with_region(|r| r.sozialraeume.iter().map(|s| (s.id.0.clone(), s.name.clone())).collect::<Vec<_>>()).unwrap_or_default()
    });
    let delete = id.map(|id| {
        let question = tr!("programmes.delete_baustein_question", name = existing.map(|b| b.name).unwrap_or_default());
        let confirm = Callback::new(move |_: ()| {
            form.finish();
            state.edit_region(|r| r.delete_baustein(&programme, &id));
            state.open(Panel::None);
            state.confirm(t!("programmes.baustein_deleted"));
        });
        (question, confirm)
    });
    view! {
        <form class="entity-form" aria-labelledby="baustein-form-title" novalidate on:submit=on_submit>
            <header class="panel-head">
                <h2 id="baustein-form-title" tabindex="-1">{move || if creating { t!("programmes.new_baustein") } else { t!("programmes.edit_baustein") }}</h2>
                <p class="muted">{programme_name}</p>
            </header>
            <DraftRestored restored=form.restored on_discard=Callback::new(move |_| form.discard()) />
            <ErrorSummary errors=errors />
            <TextField id="baustein-name" label=live!("common.name") required=true value=name on_input=set_name error=error_of(errors, "name") />
            <SelectField
                id="baustein-traeger"
                label=live!("programmes.traeger")
                options=traeger_options
                value=Signal::derive(move || draft.with(|d| d.traeger.as_ref().map(|t| t.0.clone()).unwrap_or_default()))
                on_change=Callback::new(move |v: String| draft.update(|d| d.traeger = (!v.is_empty()).then(|| Id(v))))
            />
            <ActorPicker
                id="baustein-partner"
                legend=move || tr!("programmes.partners", n = draft.with(|d| d.partners.len()))
                chosen=Signal::derive(move || draft.with(|d| d.partners.clone()))
                on_toggle=Callback::new(move |(actor, on)| draft.update(|d| toggle(&mut d.partners, actor, on)))
            />
            {move || sozialraum_options.with(|s| !s.is_empty()).then(|| view! {
                <CheckboxGroup
                    id="baustein-sozialraum"
                    legend=live!("programmes.sozialraeume")
                    options=sozialraum_options
                    checked=Signal::derive(move || draft.with(|d| d.sozialraeume.iter().map(|s| s.0.clone()).collect::<Vec<_>>()))
                    on_toggle=Callback::new(move |(s, on): (String, bool)| draft.update(|d| toggle(&mut d.sozialraeume, Id(s), on)))
                />
            })}
            {form_actions(move || form.finish(), delete)}
        </form>
    }
}
