//! Creating a region, and editing its name, kind and Sozialräume.

use leptos::prelude::*;

use crate::app::platform::browser::new_id;
use crate::app::state::{use_state, Panel, View};
use crate::app::widgets::fields::{error_of, focus_first_error, lens, row_count, DraftRestored, ErrorSummary, SelectField, TextField};
use crate::domain::editing::draft::{RegionDraft, SozialraumDraft};
use crate::domain::rules::fields::FieldErrors;
use crate::domain::{Region, RegionKind};

#[component]
pub fn RegionForm(creating: bool) -> impl IntoView {
    let state = use_state();
    let existing = if creating { None } else { state.with_region_untracked(|r| r.clone()) };
    let initial = existing
        .as_ref()
        .map(RegionDraft::from_region)
        .unwrap_or_else(|| RegionDraft { sozialraeume: vec![SozialraumDraft::default()], ..RegionDraft::default() });
    let form = state.form_draft(if creating { "new-region" } else { "region" }, None, || initial);
    let draft = form.value;
    let errors = RwSignal::new(FieldErrors::new());
    let (name, set_name) = lens(draft, |d| &d.name, |d| &mut d.name);
    let (notes, set_notes) = lens(draft, |d| &d.notes, |d| &mut d.notes);
    let rows = row_count(move || draft.with(|d| d.sozialraeume.len()));
    let region_id = existing.as_ref().map(|r| r.id.clone());
    let confirm_delete = RwSignal::new(false);

    let save = {
        let region_id = region_id.clone();
        move || {
            let mut ids = |prefix: &str| new_id(prefix);
            match draft.with_untracked(|d| d.build(&mut ids)) {
                Ok((name, kind, sozialraeume, notes)) => {
                    errors.set(FieldErrors::new());
                    match &region_id {
                        Some(id) => {
                            let id = id.clone();
                            state.edit_workspace(|ws| {
                                if let Some(r) = ws.region_mut(&id) {
                                    r.apply_structure(name, kind, sozialraeume, notes);
                                }
                            });
                            form.finish();
                            state.confirm(t!("region.saved"));
                        }
                        None => {
                            let mut region = Region::new(new_id("region"), name, kind);
                            region.sozialraeume = sozialraeume;
                            region.notes = notes;
                            form.finish();
                            state.edit_workspace(|ws| ws.add_region(region));
                            state.panel.set(Panel::None);
                            state.view.set(View::Actors);
                            state.confirm(t!("region.created"));
                        }
                    }
                }
                Err(found) => {
                    errors.set(found);
                    focus_first_error();
                }
            }
        }
    };
    let has_regions = move || state.workspace.with(|ws| !ws.regions.is_empty());
    let kind_options = Signal::derive(|| RegionKind::ALL.iter().map(|k| (k.key().to_owned(), k.label().to_owned())).collect::<Vec<_>>());
    let actors_in = move |i: usize| {
        let id = draft.with_untracked(|d| d.sozialraeume.get(i).and_then(|s| s.id.clone()))?;
        state.with_region_untracked(|r| r.actors_in_sozialraum(&id)).filter(|n| *n > 0)
    };

    view! {
        <section class="region-form" aria-labelledby="region-form-title">
            <form class="entity-form wide" novalidate on:submit=move |ev| {
                ev.prevent_default();
                save();
            }>
                <h2 id="region-form-title">{move || if creating { t!("app.no_region.create") } else { t!("region.title_edit") }}</h2>
                {creating.then(|| view! {
                    <p class="hint">{live!("region.hint")}</p>
                })}
                <DraftRestored restored=form.restored on_discard=Callback::new(move |_| form.discard()) />
                <ErrorSummary errors=errors />
                <TextField id="region-name" label=live!("region.name") required=true placeholder=live!("region.name_placeholder") value=name on_input=set_name error=error_of(errors, "name") />
                <SelectField
                    id="region-kind"
                    label=live!("region.kind")
                    options=kind_options
                    value=Signal::derive(move || draft.with(|d| d.kind.key()))
                    on_change=Callback::new(move |v: String| draft.update(|d| if let Some(k) = RegionKind::from_key(&v) { d.kind = k }))
                />
                <fieldset class="sozialraeume">
                    <legend>{live!("region.sozialraeume")}</legend>
                    {move || (0..rows.get()).map(|i| {
                        let number = i + 1;
                        let field = move |get: fn(&SozialraumDraft) -> &String, set: fn(&mut SozialraumDraft) -> &mut String| (
                            Signal::derive(move || draft.with(|d| d.sozialraeume.get(i).map(|s| get(s).clone()).unwrap_or_default())),
                            Callback::new(move |v: String| draft.update(|d| if let Some(s) = d.sozialraeume.get_mut(i) { *set(s) = v })));
                        let (sr_name, set_sr_name) = field(|s| &s.name, |s| &mut s.name);
                        let (gemeinden, set_gemeinden) = field(|s| &s.gemeinden, |s| &mut s.gemeinden);
                        let used = actors_in(i);
                        view! {
                            <div class="sozialraum-row" role="group" aria-label=tr!("region.sozialraum", number = number)>
                                <TextField id=format!("sozialraum-{i}-name") label=tr!("region.sozialraum_name", number = number) value=sr_name on_input=set_sr_name error=error_of(errors, format!("sozialraum.{i}.name")) />
                                <TextField id=format!("sozialraum-{i}-gemeinden") label=live!("region.gemeinden") hint=live!("region.comma_separated") value=gemeinden on_input=set_gemeinden />
                                <button type="button" class="small" on:click=move |_| draft.update(|d| if i < d.sozialraeume.len() { d.sozialraeume.remove(i); })>
                                    {move || tr!("region.remove_sozialraum", number = number)}
                                </button>
                                {used.map(|n| view! { <p class="hint">{move || tr!("region.sozialraum_used", n = n)}</p> })}
                            </div>
                        }
                    }).collect_view()}
                    <button type="button" on:click=move |_| draft.update(|d| d.sozialraeume.push(SozialraumDraft::default()))>{live!("region.add_sozialraum")}</button>
                </fieldset>
                <TextField id="region-notes" label=live!("common.notes") rows=3 value=notes on_input=set_notes />
                <div class="actions">
                    <button type="submit" class="primary">{move || if creating { t!("region.create") } else { t!("common.save") }}</button>
                    {creating.then(|| view! {
                        {move || has_regions().then(|| view! {
                            <button type="button" on:click=move |_| {
                                form.finish();
                                state.view.set(View::Actors);
                            }>{live!("common.cancel")}</button>
                        })}
                    })}
                </div>
            </form>
            {region_id.map(|id| view! {
                <section class="danger-zone" aria-labelledby="delete-region-title">
                    <h3 id="delete-region-title">{live!("region.delete_title")}</h3>
                    {move || if confirm_delete.get() { view! {
                        {
                            let id = id.clone();
                            let summary = state
                                .with_region_untracked(|r| tr!("region.delete_question", name = r.name, actors = r.actors.len(), relations = r.relations.len()))
                                .unwrap_or_default();
                            view! {
                                <div class="confirm" role="alertdialog" aria-labelledby="confirm-region-title">
                                    <p id="confirm-region-title">{summary}" "{live!("common.undo_hint")}</p>
                                    <button type="button" class="danger" on:click=move |_| {
                                        let id = id.clone();
                                        state.edit_workspace(|ws| ws.delete_region(&id));
                                        state.view.set(View::Actors);
                                        state.confirm(t!("region.deleted"));
                                    }>{live!("region.delete_final")}</button>
                                    <button type="button" on:click=move |_| confirm_delete.set(false)>{live!("common.cancel")}</button>
                                </div>
                            }
                        }
                    }.into_any() } else { view! {
                            <button type="button" class="danger" on:click=move |_| confirm_delete.set(true)>{live!("region.delete")}</button>
                        }.into_any() }}
                </section>
            })}
        </section>
    }
}
