//! Creating and editing an actor.

use leptos::prelude::*;

use crate::app::platform::browser::new_id;
use crate::app::state::{use_state, Panel};
use crate::app::widgets::fields::{
    error_of, focus_first_error, lens, row_count, toggle, CheckboxGroup, DraftRestored, ErrorSummary, SelectField, TextField,
};
use crate::domain::editing::draft::ActorDraft;
use crate::domain::editing::query::{actors_by_name, similar_actors};
use crate::domain::rules::fields::FieldErrors;
use crate::domain::{ActorKind, Contact, Id, Rechtskreis};

#[component]
pub fn ActorForm(id: Option<Id>) -> impl IntoView {
    let state = use_state();
    let existing = id.as_ref().and_then(|id| state.with_region_untracked(|r| r.actor(id).cloned()).flatten());
    let creating = existing.is_none();
    let form = state.form_draft("actor", id.as_ref(), || existing.as_ref().map(ActorDraft::from_actor).unwrap_or_default());
    let draft = form.value;
    let errors = RwSignal::new(FieldErrors::new());
    let actor_id = existing.as_ref().map(|a| a.id.clone()).unwrap_or_else(|| new_id("actor"));

    let save = {
        let actor_id = actor_id.clone();
        move || {
            let built = state
                .with_region_untracked(|r| draft.with_untracked(|d| d.build(actor_id.clone(), r)))
                .unwrap_or_else(|| Err(FieldErrors::new()));
            match built {
                Ok(actor) => {
                    let name = actor.name.clone();
                    form.finish();
                    state.edit_region(|r| r.upsert_actor(actor));
                    state.open(Panel::Actor(actor_id.clone()));
                    state.confirm(&tr!("common.saved_named", name = name));
                }
                Err(found) => {
                    errors.set(found);
                    focus_first_error();
                }
            }
        }
    };
    let cancel = {
        let back = existing.as_ref().map(|a| Panel::Actor(a.id.clone())).unwrap_or(Panel::None);
        move |_| {
            form.finish();
            state.open(back.clone())
        }
    };

    let (name, set_name) = lens(draft, |d| &d.name, |d| &mut d.name);
    let (website, set_website) = lens(draft, |d| &d.website, |d| &mut d.website);
    let (target_groups, set_target_groups) = lens(draft, |d| &d.target_groups, |d| &mut d.target_groups);
    let (offers, set_offers) = lens(draft, |d| &d.offers, |d| &mut d.offers);
    let (tags, set_tags) = lens(draft, |d| &d.tags, |d| &mut d.tags);
    let (notes, set_notes) = lens(draft, |d| &d.notes, |d| &mut d.notes);

    let kind_options = Signal::derive(|| {
        std::iter::once((String::new(), t!("common.please_choose").to_owned()))
            .chain(ActorKind::ALL.iter().map(|k| (k.key().to_owned(), k.label().to_owned())))
            .collect::<Vec<_>>()
    });
    let traeger_options = {
        let actor_id = actor_id.clone();
        Signal::derive(move || {
            let mut options = vec![(String::new(), t!("common.none").to_owned())];
            if let Some(actors) = state.with_region(|r| actors_by_name(r, |a| a.id != actor_id)) {
                options.extend(actors.into_iter().map(|(id, name)| (id.0, name)));
            }
            options
        })
    };
    let sozialraum_options = Signal::derive(move || {
        state.with_region(|r| r.sozialraeume.iter().map(|s| (s.id.0.clone(), s.name.clone())).collect::<Vec<_>>()).unwrap_or_default()
    });
    let has_sozialraeume = Memo::new(move |_| sozialraum_options.with(|o| !o.is_empty()));
    let rechtskreis_options =
        Signal::derive(|| Rechtskreis::ALL.iter().map(|r| (r.key().to_owned(), r.label().to_owned())).collect::<Vec<_>>());

    // Checked as the name is typed: "Jobcenter Werra-Meissner" beside "Jobcenter Werra-Meißner".
    let similar = {
        let actor_id = actor_id.clone();
        Memo::new(move |_| {
            let typed = draft.with(|d| d.name.clone());
            state.with_region(|r| similar_actors(r, &typed, &actor_id)).unwrap_or_default()
        })
    };

    let existing_name = existing.as_ref().map(|a| a.name.clone()).unwrap_or_default();
    let title = move || {
        if creating {
            t!("actor_form.new").to_owned()
        } else {
            tr!("actor_form.edit", name = existing_name)
        }
    };
    view! {
        <form
            class="entity-form"
            aria-labelledby="actor-form-title"
            novalidate
            on:submit={
                let save = save.clone();
                move |ev| {
                    ev.prevent_default();
                    save();
                }
            }
        >
            <header class="panel-head">
                <h2 id="actor-form-title" tabindex="-1">{title}</h2>
            </header>
            <DraftRestored restored=form.restored on_discard=Callback::new(move |_| form.discard()) />
            <ErrorSummary errors=errors />
            <TextField id="actor-name" label=live!("common.name") required=true value=name on_input=set_name error=error_of(errors, "name") />
            {move || {
                let found = similar.get();
                (!found.is_empty()).then(|| view! {
                    <div class="similar-warning" role="status" data-testid="similar-actor">
                        <p>{live!("actor_form.similar")}</p>
                        <ul>
                            {found.into_iter().map(|(id, name)| view! {
                                <li>
                                    <button type="button" class="link" on:click=move |_| state.open(Panel::Actor(id.clone()))>
                                        {move || tr!("actor_form.similar_open", name = name)}
                                    </button>
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            <SelectField
                id="actor-kind"
                label=live!("region.kind")
                required=true
                options=kind_options
                value=Signal::derive(move || draft.with(|d| d.kind.map(|k| k.key()).unwrap_or_default()))
                on_change=Callback::new(move |v: String| draft.update(|d| d.kind = ActorKind::from_key(&v)))
                error=error_of(errors, "kind")
            />
            <SelectField
                id="actor-traeger"
                label=live!("actor.traeger_long")
                options=traeger_options
                value=Signal::derive(move || draft.with(|d| d.traeger.as_ref().map(|t| t.0.clone()).unwrap_or_default()))
                on_change=Callback::new(move |v: String| draft.update(|d| d.traeger = (!v.is_empty()).then(|| Id(v))))
                error=error_of(errors, "traeger")
            />
            <CheckboxGroup
                id="actor-rechtskreise"
                legend=live!("actors.rechtskreise")
                options=rechtskreis_options
                checked=Signal::derive(move || draft.with(|d| d.rechtskreise.iter().map(|r| r.key().to_owned()).collect()))
                on_toggle=Callback::new(move |(key, on): (String, bool)| {
                    if let Some(r) = Rechtskreis::from_key(&key) {
                        draft.update(|d| toggle(&mut d.rechtskreise, r, on));
                    }
                })
            />
            {move || has_sozialraeume.get().then(|| view! {
                <CheckboxGroup
                    id="actor-sozialraeume"
                    legend=live!("region.sozialraeume")
                    options=sozialraum_options
                    checked=Signal::derive(move || draft.with(|d| d.sozialraeume.iter().map(|s| s.0.clone()).collect()))
                    on_toggle=Callback::new(move |(key, on): (String, bool)| draft.update(|d| toggle(&mut d.sozialraeume, Id(key), on)))
                />
            })}
            <TextField id="actor-target-groups" label=live!("actor.target_groups") hint=live!("common.one_per_line") rows=3 value=target_groups on_input=set_target_groups />
            <TextField id="actor-offers" label=live!("actor.offers") hint=live!("common.one_per_line_n") rows=3 value=offers on_input=set_offers />
            <TextField
                id="actor-website"
                label=live!("actor.website")
                kind="url"
                placeholder=live!("actor.website_placeholder")
                value=website
                on_input=set_website
                error=error_of(errors, "website")
            />
            <ContactsEditor draft=draft errors=errors />
            <TextField id="actor-tags" label=live!("actor.tags") hint=live!("region.comma_separated") value=tags on_input=set_tags />
            <TextField id="actor-notes" label=live!("common.notes") rows=4 value=notes on_input=set_notes />
            <div class="actions sticky">
                <button type="submit" class="primary">{live!("common.save")}</button>
                <button type="button" on:click=cancel>{live!("common.cancel")}</button>
            </div>
        </form>
    }
}

/// The list of contact persons, with add and remove.
#[component]
fn ContactsEditor(draft: RwSignal<ActorDraft>, errors: RwSignal<FieldErrors>) -> impl IntoView {
    // A memo, so that typing in a contact does not rebuild the rows.
    let count = row_count(move || draft.with(|d| d.contacts.len()));
    view! {
        <fieldset class="contacts-editor">
            <legend>{live!("actor.contacts")}</legend>
            <p class="hint">{live!("actor.contacts_hint")}</p>
            {move || {
                (0..count.get())
                    .map(|i| {
                        let field = move |get: fn(&Contact) -> &String, set: fn(&mut Contact) -> &mut String| {
                            (
                                Signal::derive(move || draft.with(|d| d.contacts.get(i).map(|c| get(c).clone()).unwrap_or_default())),
                                Callback::new(move |v: String| draft.update(|d| {
                                    if let Some(c) = d.contacts.get_mut(i) {
                                        *set(c) = v;
                                    }
                                })),
                            )
                        };
                        let (name, set_name) = field(|c| &c.name, |c| &mut c.name);
                        let (role, set_role) = field(|c| &c.role, |c| &mut c.role);
                        let (email, set_email) = field(|c| &c.email, |c| &mut c.email);
                        let (phone, set_phone) = field(|c| &c.phone, |c| &mut c.phone);
                        let number = i + 1;
                        view! {
                            <div class="contact-row" role="group" aria-label=tr!("actor.contact_n", number = number)>
                                <TextField id=format!("contact-{i}-name") label=tr!("actor.contact_name", number = number) value=name on_input=set_name error=error_of(errors, format!("contact.{i}.name")) />
                                <TextField id=format!("contact-{i}-role") label=live!("actor.contact_role") value=role on_input=set_role />
                                <TextField id=format!("contact-{i}-email") label=live!("actor.contact_email") kind="email" value=email on_input=set_email error=error_of(errors, format!("contact.{i}.email")) />
                                <TextField id=format!("contact-{i}-phone") label=live!("actor.contact_phone") kind="tel" value=phone on_input=set_phone error=error_of(errors, format!("contact.{i}.phone")) />
                                <button
                                    type="button"
                                    class="small"
                                    on:click=move |_| draft.update(|d| {
                                        if i < d.contacts.len() {
                                            d.contacts.remove(i);
                                        }
                                    })
                                >{move || tr!("actor.contact_remove", number = number)}</button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <button type="button" on:click=move |_| draft.update(|d| d.contacts.push(Contact::default()))>{live!("actor.contact_add")}</button>
        </fieldset>
    }
}
