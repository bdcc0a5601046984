//! "Verlauf": keep the region as it is on a date (a Stichtag), list the
//! Stichtage, and see what changed between two of them or since one.

use leptos::prelude::*;

use crate::app::history::journal::JournalArea;
use crate::app::history::report::ReportArea;
use crate::app::platform::browser::{focus_later, new_id, now_iso, today};
use crate::app::state::{use_state, Panel, View};
use crate::app::widgets::confirm::ConfirmButton;
use crate::app::widgets::fields::{SelectField, TextField};
use crate::domain::analysis::over_time::{suggestion, Changes, How};
use crate::domain::rules::dates::{self as date, day_input_to_iso};

/// The choice "today" in the comparison's selects.
const TODAY: &str = "heute";

#[component]
pub fn HistoryView() -> impl IntoView {
    let state = use_state();
    let proposed = move || state.with_live_region(|r| suggestion(r, &today())).flatten();
    let name = RwSignal::new(String::new());
    let day = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // The form starts with the proposal (or today), and again after each Stichtag taken.
    let fill = move || {
        let (n, d) = untrack(proposed).map(|s| (s.name, date::show(&s.date))).unwrap_or_else(|| (String::new(), date::show(&today())));
        name.set(n);
        day.set(d);
    };
    fill();
    let take = move || {
        let Some(iso) = day_input_to_iso(&day.get_untracked()).filter(|d| !d.is_empty()) else {
            error.set(Some(t!("form.meeting_date").to_owned()));
            focus_later("#stichtag-date");
            return;
        };
        error.set(None);
        let typed = name.get_untracked().trim().to_owned();
        let title = if typed.is_empty() { tr!("history.default_name", date = date::show(&iso)) } else { typed };
        state.edit_region(|r| r.take_stichtag(new_id("stichtag"), title.clone(), iso, now_iso()));
        state.confirm(&tr!("history.taken", name = title));
        fill();
    };

    // Newest first: (id, name, date, actors, relations).
    let rows = move || {
        state
            .with_live_region(|r| {
                r.stichtage
                    .iter()
                    .rev()
                    .map(|s| (s.id.clone(), s.name.clone(), s.date.clone(), s.state.actors.len(), s.state.relations.len()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(TODAY.to_owned());
    let choices = Signal::derive(move || {
        let mut list: Vec<(String, String)> =
            rows().into_iter().map(|(id, name, day, ..)| (id.0, format!("{name} ({})", date::show(&day)))).collect();
        list.push((TODAY.to_owned(), t!("history.today").to_owned()));
        list
    });
    // The comparison: from the chosen Stichtag (the newest if none is) to the other.
    let compared = move || {
        let (from, to) = (from.get(), to.get());
        state
            .with_live_region(|r| {
                let pick = |id: &str| match id {
                    TODAY => Some((r, today())),
                    "" => r.stichtage.last().map(|s| (&*s.state, s.date.clone())),
                    id => r.stichtage.iter().find(|s| s.id.0 == id).map(|s| (&*s.state, s.date.clone())),
                };
                let ((was, was_date), (now, now_date)) = (pick(&from)?, pick(&to)?);
                Some(Changes::between(was, &was_date, now, &now_date))
            })
            .flatten()
    };

    view! {
        <section class="over-time" aria-labelledby="history-title">
            <div class="list-head">
                <h2 id="history-title" tabindex="-1">{live!("history.title")}</h2>
            </div>
            <form class="stichtag-form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                take();
            }>
                <TextField id="stichtag-name" label=live!("history.name") value=name on_input=Callback::new(move |v| name.set(v)) />
                <TextField
                    id="stichtag-date"
                    label=live!("history.date")
                    hint=live!("groups.meeting_date_hint")
                    value=day
                    on_input=Callback::new(move |v| day.set(v))
                    error=error
                />
                <button type="submit" class="primary">{live!("history.take")}</button>
            </form>

            <h3>{live!("history.list")}</h3>
            <p class="empty" hidden=move || state.with_live_region(|r| !r.stichtage.is_empty()).unwrap_or(true)>{live!("history.empty")}</p>
            {move || state.with_live_region(|r| !r.stichtage.is_empty()).unwrap_or(false).then(|| view! {
                <table class="data" data-testid="stichtag-list">
                    <thead><tr>
                        <th scope="col">{live!("history.name")}</th>
                        <th scope="col">{live!("history.date")}</th>
                        <th scope="col" class="num">{live!("tabs.actors")}</th>
                        <th scope="col" class="num">{live!("tabs.relations")}</th>
                        <th scope="col"><span class="visually-hidden">{live!("common.actions")}</span></th>
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().map(|(id, name, day, actors, relations)| {
                            let compare_id = id.0.clone();
                            let (view_id, name_for_view) = (id.clone(), name.clone());
                            let question = tr!("history.delete_question", name = name.clone());
                            let label = name.clone();
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td>{date::show(&day)}</td>
                                    <td class="num">{crate::i18n::number(actors)}</td>
                                    <td class="num">{crate::i18n::number(relations)}</td>
                                    <td class="actions">
                                        <button type="button" class="small" aria-label=tr!("history.view_named", name = name_for_view)
                                            on:click=move |_| {
                                                state.panel.set(Panel::None);
                                                state.viewing.set(Some(view_id.clone()));
                                                state.view.set(View::Actors);
                                                focus_later("#stichtag-banner");
                                            }
                                        >{live!("history.view")}</button>
                                        <button type="button" class="small"
                                            on:click=move |_| {
                                                from.set(compare_id.clone());
                                                to.set(TODAY.to_owned());
                                                focus_later("#history-changes-title");
                                            }
                                        >{live!("history.compare")}</button>
                                        <ConfirmButton
                                            label=live!("common.delete_ellipsis")
                                            aria_label=tr!("history.delete_named", name = label)
                                            question=question
                                            confirm_label=live!("common.confirm_delete")
                                            on_confirm=Callback::new(move |_: ()| {
                                                state.edit_region(|r| r.delete_stichtag(&id));
                                                state.confirm(t!("history.deleted"));
                                            })
                                        />
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>

                <h3 id="history-changes-title" tabindex="-1">{live!("history.changes")}</h3>
                <div class="compare-pick">
                    <SelectField id="history-from" label=live!("history.from") options=choices
                        value=Signal::derive(move || { let f = from.get(); if f.is_empty() { state.with_live_region(|r| r.stichtage.last().map(|s| s.id.0.clone())).flatten().unwrap_or_default() } else { f } })
                        on_change=Callback::new(move |v| from.set(v)) />
                    <SelectField id="history-to" label=live!("history.to") options=choices value=to on_change=Callback::new(move |v| to.set(v)) />
                </div>
                {move || compared().map(|c| change_list(&c))}
                // The same changes marked in the picture: from a Stichtag to today.
                {move || {
                    let since = state.with_live_region(|r| r.stichtage.iter().rev().find(|s| from.get().is_empty() || s.id.0 == from.get()).map(|s| s.id.clone())).flatten();
                    since.filter(|_| to.get() == TODAY).map(|since| view! {
                        <button type="button" on:click=move |_| {
                            state.picture_since.set(Some(since.clone()));
                            state.view.set(View::Network);
                        }>{live!("history.show_in_picture")}</button>
                    })
                }}
            })}
            <JournalArea />
            <ReportArea />
        </section>
    }
}

/// The changes: a short summary, then each record by kind of change.
fn change_list(changes: &Changes) -> impl IntoView {
    let summary = changes.summary().into_iter().map(|l| view! { <li>{l}</li> }).collect_view();
    let sections = changes
        .sections()
        .into_iter()
        .map(|section| {
            let lines = section
                .lines
                .into_iter()
                .map(|line| {
                    let class = match line.how {
                        Some(How::Added) => "change added",
                        Some(How::Removed) => "change removed",
                        _ => "change",
                    };
                    let text = match line.how {
                        Some(how) => format!("{} {}", how.label(), line.text),
                        None => line.text,
                    };
                    view! { <li class=class>{text}</li> }
                })
                .collect_view();
            view! { <h4>{section.title}</h4><ul class="change-list">{lines}</ul> }
        })
        .collect_view();
    view! {
        <div class="changes" data-testid="history-changes">
            <ul class="change-summary">{summary}</ul>
            {sections}
        </div>
    }
}

/// Shown above every area while a Stichtag is viewed: which day the areas
/// show, that nothing can be changed, and the way back to today.
#[component]
pub fn StichtagBanner() -> impl IntoView {
    let state = use_state();
    move || {
        state.viewed().map(|(name, day)| {
            view! {
                <div class="banner warning stichtag-banner" id="stichtag-banner" tabindex="-1" role="region" aria-label=live!("history.banner_label") data-testid="stichtag-banner">
                    <p>{tr!("history.viewing", name = name, date = date::show(&day))}</p>
                    <button type="button" class="primary" on:click=move |_| {
                        state.viewing.set(None);
                        state.view.set(View::History);
                        focus_later("#history-title");
                    }>{live!("history.back_to_today")}</button>
                </div>
            }
        })
    }
}
