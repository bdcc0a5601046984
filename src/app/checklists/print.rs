//! A clean A4 document of one checklist for the next meeting: region, date,
//! status per item, responsible actors, due dates and notes.

use leptos::prelude::*;

use crate::domain::rules::dates::show as date;

use crate::app::checklists::list::status_label;

use crate::app::platform::browser::now_iso;
use crate::app::state::{use_state, AppState, View};
use crate::domain::data::writers::csv::answer_line;
use crate::domain::model::checklist::ItemKind;
use crate::domain::Id;

#[component]
pub fn PrintView(id: Id) -> impl IntoView {
    let state = use_state();
    // A document, not a form: drawn again as a whole in a new language.
    move || print_view(state, &id)
}

fn print_view(state: AppState, id: &Id) -> AnyView {
    let content = state
        .with_region_untracked(|r| {
            let c = r.checklist(id)?;
            let sections = c
                .sections
                .iter()
                .enumerate()
                .map(|(n, s)| {
                    let rows = s
                        .items
                        .iter()
                        .enumerate()
                        .map(|(k, i)| {
                            let status = match i.kind {
                                ItemKind::Status(_) => status_label(i.status).to_owned(),
                                ItemKind::Answers => String::new(),
                            };
                            let responsible = r.actor_names(&i.responsible);
                            let answers = i.answers.iter().map(|a| answer_line(r, a)).collect::<Vec<_>>();
                            (format!("{}.{}", n + 1, k + 1), i.text.clone(), status, responsible, date(&i.due), i.notes.clone(), answers)
                        })
                        .collect::<Vec<_>>();
                    (format!("{}. {}", n + 1, s.title), rows)
                })
                .collect::<Vec<_>>();
            Some((r.name.clone(), c.title.clone(), c.template_name.clone(), c.template_version, c.progress(), sections))
        })
        .flatten();
    let Some((region, title, template, version, progress, sections)) = content else {
        return view! { <p class="empty">{live!("print.gone")}</p> }.into_any();
    };
    let summary = progress.described().into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(" · ");
    let stand = date(&now_iso());
    view! {
        <article class="print-view" aria-labelledby="print-title" data-testid="print-view">
            <div class="print-actions">
                <button type="button" class="primary" on:click=move |_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                }>{live!("print.print")}</button>
                <button type="button" on:click=move |_| state.view.set(View::Checklists)>{live!("print.back")}</button>
            </div>
            <header>
                <p class="print-region">{region}</p>
                <h2 id="print-title">{title}</h2>
                <p>{move || tr!("print.stand", template = template, version = version, stand = stand)}</p>
                <p class="print-summary">{summary}</p>
            </header>
            {sections.into_iter().map(|(heading, rows)| view! {
                <section>
                    <h3>{heading}</h3>
                    <table class="print-table">
                        <thead>
                            <tr>
                                <th scope="col">{live!("print.col.number")}</th>
                                <th scope="col">{live!("print.col.item")}</th>
                                <th scope="col">{live!("print.col.status")}</th>
                                <th scope="col">{live!("print.col.responsible")}</th>
                                <th scope="col">{live!("print.col.due")}</th>
                                <th scope="col">{live!("print.col.notes")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|(number, text, status, responsible, due, notes, answers)| view! {
                                <tr>
                                    <td>{number}</td>
                                    <td>
                                        {text}
                                        {(!answers.is_empty()).then(|| view! {
                                            <ul class="print-answers">{answers.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
                                        })}
                                    </td>
                                    <td>{status}</td>
                                    <td>{responsible}</td>
                                    <td>{due}</td>
                                    <td>{notes}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
            }).collect_view()}
        </article>
    }
    .into_any()
}
