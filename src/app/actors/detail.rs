//! One actor: all its details, its relations and Gremien, and deleting it.

use leptos::prelude::*;

use crate::i18n::live_label;

use crate::app::checklists::list::status_label;
use crate::app::state::{use_state, Panel};
use crate::domain::model::checklist::ItemKind;
use crate::domain::order;
use crate::domain::rules::dates as date;
use crate::domain::rules::fields::{safe_href, LinkKind};
use crate::domain::{Actor, Id, Region};

#[component]
pub fn ActorDetail(id: Id) -> impl IntoView {
    let state = use_state();
    let actor = {
        let id = id.clone();
        Memo::new(move |_| state.with_region(|r| r.actor(&id).cloned()).flatten())
    };
    let confirming = RwSignal::new(false);
    move || {
        let Some(actor) = actor.get() else {
            return view! { <p class="empty">{live!("actor.gone")}</p> }.into_any();
        };
        let id = actor.id.clone();
        let (facts, relations, groups, impact, tasks, journal) = state
            .with_region(|r| {
                (
                    facts(r, &actor),
                    relation_rows(r, &actor.id),
                    group_names(r, &actor.id),
                    r.delete_impact(&actor.id),
                    checklist_items(r, &actor.id),
                    // Newest first: (date, kind, title).
                    r.journal
                        .iter()
                        .rev()
                        .filter(|e| e.actors.contains(&actor.id))
                        .map(|e| (e.date.clone(), e.kind, e.title.clone()))
                        .collect::<Vec<_>>(),
                )
            })
            .unwrap_or_default();
        let edit_id = id.clone();
        let relate_id = id.clone();
        let delete_id = id.clone();
        let name = actor.name.clone();
        view! {
            <article class="detail" aria-labelledby="detail-title">
                <header class="panel-head">
                    <h2 id="detail-title" tabindex="-1">{actor.name.clone()}</h2>
                    <button type="button" class="close" aria-label=live!("actor.close") on:click=move |_| state.open(Panel::None)>"×"</button>
                </header>
                <p class="kind-badge">{live_label(actor.kind, |v| v.label())}</p>
                <dl class="facts">
                    {facts.into_iter().map(|(term, value)| view! { <dt>{term}</dt><dd>{value}</dd> }).collect_view()}
                    {website(&actor)}
                </dl>
                {contacts(&actor)}
                <section aria-labelledby="detail-relations">
                    <h3 id="detail-relations">{let n = relations.len(); move || tr!("actor.relations_n", n = n)}</h3>
                    {if relations.is_empty() {
                        view! { <p class="empty">{live!("actor.no_relations")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="relation-list" data-testid="detail-relations">
                                {relations
                                    .into_iter()
                                    .map(|(rel_id, other_id, text, other)| {
                                        let other_name = other.clone();
                                        view! {
                                            <li>
                                                {text}" "
                                                <button type="button" class="link" on:click=move |_| state.open(Panel::Actor(other_id.clone()))>{other}</button>
                                                " "
                                                <button
                                                    type="button"
                                                    class="small"
                                                    aria-label=tr!("actor.edit_relation", name = other_name)
                                                    on:click=move |_| state.open(Panel::RelationForm { editing: Some(rel_id.clone()), from: None })
                                                >{live!("common.edit")}</button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                        .into_any()
                    }}
                </section>
                {(!groups.is_empty()).then(|| view! {
                    <section aria-labelledby="detail-groups">
                        <h3 id="detail-groups">{live!("tabs.groups")}</h3>
                        <ul>{groups.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
                    </section>
                })}
                {(!tasks.is_empty()).then(|| view! {
                    <section aria-labelledby="detail-tasks">
                        <h3 id="detail-tasks">{let n = tasks.len(); move || tr!("actor.tasks_n", n = n)}</h3>
                        <ul class="relation-list" data-testid="detail-tasks">
                            {tasks.into_iter().map(|(checklist, item, text)| view! {
                                <li>
                                    <button type="button" class="link" on:click=move |_| state.show_checklist(checklist.clone(), Some(item.clone()))>{text}</button>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                })}
                {(!journal.is_empty()).then(|| view! {
                    <section aria-labelledby="detail-journal">
                        <h3 id="detail-journal">{let n = journal.len(); move || tr!("actor.journal_n", n = n)}</h3>
                        <ul data-testid="detail-journal">
                            {journal.into_iter().map(|(day, kind, title)| view! {
                                <li><time datetime=day.clone()>{date::show(&day)}</time>" · "{live_label(kind, |k| k.label())}": "{title}</li>
                            }).collect_view()}
                        </ul>
                    </section>
                })}
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| state.open(Panel::ActorForm(Some(edit_id.clone())))>{live!("common.edit")}</button>
                    <button
                        type="button"
                        on:click=move |_| state.open(Panel::RelationForm { editing: None, from: Some(relate_id.clone()) })
                    >{live!("actor.add_relation")}</button>
                    <button type="button" class="danger" on:click=move |_| confirming.set(true)>{live!("common.delete_ellipsis")}</button>
                </div>
                {move || confirming.get().then(|| {
                        let delete_id = delete_id.clone();
                        let name = name.clone();
                        view! {
                            <div class="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
                                <h3 id="confirm-title">{let name = name.clone(); move || tr!("common.delete_question", name = name)}</h3>
                                <p id="confirm-text">{let impact = impact.clone(); move || impact.describe()}" "{live!("common.undo_delete_hint")}</p>
                                <button
                                    type="button"
                                    class="danger"
                                    on:click={
                                        let delete_id = delete_id.clone();
                                        let name = name.clone();
                                        move |_| {
                                            state.edit_region(|r| r.delete_actor(&delete_id));
                                            state.open(Panel::None);
                                            state.confirm(&tr!("common.deleted_named", name = name));
                                        }
                                    }
                                >{live!("region.delete_final")}</button>
                                <button type="button" on:click=move |_| confirming.set(false)>{live!("common.cancel")}</button>
                            </div>
                        }
                    })}
            </article>
        }
        .into_any()
    }
}

/// (label, text) pairs of the facts that are filled in.
fn facts(region: &Region, actor: &Actor) -> Vec<(&'static str, String)> {
    let list = |items: &[String]| items.join(", ");
    let mut out = Vec::new();
    if let Some(traeger) = &actor.traeger {
        out.push((t!("actor.traeger"), region.actor_name(traeger)));
    }
    let pairs = [
        (t!("actors.rechtskreise"), actor.rechtskreise.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")),
        (
            t!("region.sozialraeume"),
            actor.sozialraeume.iter().filter_map(|s| region.sozialraum(s)).map(|s| s.name.clone()).collect::<Vec<_>>().join(", "),
        ),
        (t!("actor.target_groups"), list(&actor.target_groups)),
        (t!("actor.offers"), list(&actor.offers)),
        (t!("actor.tags"), list(&actor.tags)),
        (t!("common.notes"), actor.notes.clone()),
    ];
    out.extend(pairs.into_iter().filter(|(_, v)| !v.is_empty()));
    out
}

/// The website as a link, only if it is http(s).
fn website(actor: &Actor) -> Option<impl IntoView> {
    let href = safe_href(LinkKind::Web, &actor.website)?;
    let text = actor.website.clone();
    Some(view! {
        <dt>{live!("actor.website")}</dt>
        <dd><a href=href target="_blank" rel="noopener noreferrer">{text}</a></dd>
    })
}

fn contacts(actor: &Actor) -> Option<impl IntoView> {
    if actor.contacts.is_empty() {
        return None;
    }
    let items = actor
        .contacts
        .iter()
        .map(|c| {
            let mail = safe_href(LinkKind::Mail, &c.email).map(|href| {
                let text = c.email.clone();
                view! { <a href=href>{text}</a> }
            });
            let phone = safe_href(LinkKind::Phone, &c.phone).map(|href| {
                let text = c.phone.clone();
                view! { <a href=href>{text}</a> }
            });
            let role = (!c.role.is_empty()).then(|| format!(", {}", c.role));
            view! {
                <li>
                    <strong>{c.name.clone()}</strong>{role}
                    {mail.map(|m| view! { <br />{m} })}
                    {phone.map(|p| view! { <br />{p} })}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section aria-labelledby="detail-contacts">
            <h3 id="detail-contacts">{live!("actor.contacts")}</h3>
            <ul class="contacts">{items}</ul>
        </section>
    })
}

/// (relation id, other actor id, "kooperiert mit" text, other actor name)
fn relation_rows(region: &Region, actor: &Id) -> Vec<(Id, Id, String, String)> {
    let mut rows: Vec<_> = region
        .relations_of(actor)
        .map(|r| {
            let other = r.other_end(actor).clone();
            let outgoing = &r.from == actor;
            let text = format!("{} ({})", r.kind.phrase(r.direction, outgoing), r.binding.label());
            (r.id.clone(), other.clone(), text, region.actor_name(&other))
        })
        .collect();
    order::sort_by(&mut rows, |a, b| a.3.cmp(&b.3));
    rows
}

/// (checklist, item, "Checklist: item (status)") for the items the actor is responsible for.
fn checklist_items(region: &Region, actor: &Id) -> Vec<(Id, Id, String)> {
    region
        .checklists
        .iter()
        .flat_map(|c| {
            c.items().filter(|i| i.responsible.contains(actor)).map(move |i| {
                let status = match i.kind {
                    ItemKind::Status(_) => format!(" ({})", status_label(i.status)),
                    ItemKind::Answers => String::new(),
                };
                (c.id.clone(), i.id.clone(), format!("{}: {}{status}", c.title, i.text))
            })
        })
        .collect()
}

fn group_names(region: &Region, actor: &Id) -> Vec<String> {
    region.groups.iter().filter(|g| g.members.contains(actor)).map(|g| g.name.clone()).collect()
}
