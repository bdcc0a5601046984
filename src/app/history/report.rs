//! The report on a period: pick the period, let the app draft it, edit its
//! parts, print it, save it for Word (LibreOffice opens it too) or as Markdown.

use leptos::prelude::*;

use crate::app::effect::effect;

use crate::app::platform::browser::{focus_later, new_id, now_iso, today};
use crate::app::state::{use_state, AppState};
use crate::app::widgets::confirm::ConfirmButton;
use crate::app::widgets::document::write_pieces;
use crate::app::widgets::fields::SelectField;
use crate::domain::analysis::report::{draft, periods, states};
use crate::domain::data::writers::report_files::{docx, markdown};
use crate::domain::model::report::{pieces, Report};
use crate::domain::rules::dates::show;
use crate::domain::rules::text::file_stem;
use crate::domain::Id;

/// The open report, read from the region (None once deleted).
fn with_report<T>(state: AppState, id: &Id, f: impl FnOnce(&Report, &str) -> T) -> Option<T> {
    state.with_live_region(|r| r.reports.iter().find(|p| &p.id == id).map(|p| f(p, &r.name))).flatten()
}

#[component]
pub fn ReportArea() -> impl IntoView {
    let state = use_state();
    let day = today();
    let offered = periods(&day);
    let options = Signal::derive({
        let offered = offered.clone();
        move || offered.iter().enumerate().map(|(at, p)| (at.to_string(), p.label.clone())).collect()
    });
    let chosen = RwSignal::new("0".to_owned());
    let open = RwSignal::new(None::<Id>);
    let make = move |_| {
        let Some(period) = chosen.get_untracked().parse::<usize>().ok().and_then(|at| offered.get(at)) else { return };
        let id = new_id("bericht");
        let title = tr!("report.title", period = period.label);
        state.edit_region(|r| {
            let (start, end) = states(r, &period.from, &period.to, &day);
            let report = draft(id.clone(), title.clone(), &period.from, &period.to, start.as_ref(), &end, r, &now_iso());
            r.reports.push(report);
        });
        state.confirm(&tr!("report.drafted", title = title));
        open.set(Some(id));
        focus_later("#report-title");
    };
    // The reports of today's region, also while a Stichtag is viewed (as
    // `with_report` reads them).
    let listed = move || {
        state
            .with_live_region(|r| {
                r.reports.iter().rev().map(|p| (p.id.clone(), p.title.clone(), p.from.clone(), p.to.clone())).collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };

    view! {
        <section class="report-area" aria-labelledby="report-heading">
            <h3 id="report-heading">{live!("report.heading")}</h3>
            <div class="compare-pick">
                <SelectField id="report-period" label=live!("report.period_label") options=options value=chosen
                    on_change=Callback::new(move |v| chosen.set(v)) />
                <button type="button" class="primary" on:click=make>{live!("report.draft")}</button>
            </div>
            <ul class="report-list" data-testid="report-list">
                {move || listed().into_iter().map(|(id, title, from, to)| {
                    let label = title.clone();
                    let opened = id.clone();
                    view! {
                        <li>
                            <span>{format!("{title} ({} – {})", show(&from), show(&to))}</span>
                            <button type="button" class="small" on:click=move |_| {
                                open.set(Some(opened.clone()));
                                focus_later("#report-title");
                            }>{live!("report.open")}</button>
                            <ConfirmButton
                                label=live!("common.delete_ellipsis")
                                aria_label=tr!("report.delete_named", title = label.clone())
                                question=tr!("report.delete_question", title = label)
                                confirm_label=live!("common.confirm_delete")
                                on_confirm=Callback::new(move |_: ()| {
                                    state.edit_region(|r| r.delete_report(&id));
                                    state.confirm(t!("report.deleted"));
                                })
                            />
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || open.get().filter(|id| with_report(state, id, |_, _| ()).is_some()).map(|id| editor(state, id))}
        </section>
    }
}

/// The open report: its title and parts to edit (kept when a field is
/// left), the files to save, and the page the browser prints.
fn editor(state: AppState, id: Id) -> impl IntoView {
    let titles = with_report(state, &id, |p, _| p.parts.iter().map(|part| part.title.clone()).collect::<Vec<_>>()).unwrap_or_default();
    let text = {
        let id = id.clone();
        move |part: Option<usize>| {
            with_report(state, &id, |p, _| match part {
                None => p.title.clone(),
                Some(at) => p.parts.get(at).map(|part| part.text.clone()).unwrap_or_default(),
            })
            .unwrap_or_default()
        }
    };
    let write = {
        let id = id.clone();
        move |part: Option<usize>, value: String| state.edit_region(|r| r.write_report(&id, part, value))
    };
    let save = {
        let id = id.clone();
        move |extension: &'static str| {
            let id = id.clone();
            move |_| {
                let Some((name, bytes)) = with_report(state, &id, |p, region| {
                    let bytes = match extension {
                        "docx" => docx(p, region),
                        _ => markdown(p, region).into_bytes(),
                    };
                    (format!("{}.{extension}", file_stem(&p.title)), bytes)
                }) else {
                    return;
                };
                let mime = match extension {
                    "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    _ => "text/markdown;charset=utf-8",
                };
                state.save_bytes(&name, mime, &bytes);
            }
        }
    };
    let parts = titles
        .into_iter()
        .enumerate()
        .map(|(at, title)| {
            let field = format!("report-part-{at}");
            let (text, write) = (text.clone(), write.clone());
            view! {
                <div class="field">
                    // The report is the user's document, in the language it was drafted in.
                    <label for=field.clone() translate="no">{title}</label>
                    <textarea id=field rows="8" prop:value=move || text(Some(at))
                        on:change=move |ev| write(Some(at), event_target_value(&ev))></textarea>
                </div>
            }
        })
        .collect_view();

    let title_write = write.clone();
    // The page the browser prints while the report is open, kept current.
    let article = NodeRef::<leptos::html::Article>::new();
    effect(move || {
        if let Some(target) = article.get() {
            with_report(state, &id, |p, region| write_pieces(&target, &pieces(p, region)));
        }
    });
    view! {
        <div class="report-editor" data-testid="report-editor">
            <div class="field">
                <label for="report-title">{live!("report.title_label")}</label>
                <input id="report-title" type="text" prop:value=move || text(None)
                    on:change=move |ev| title_write(None, event_target_value(&ev)) />
            </div>
            <p class="hint">{live!("report.edit_hint")}</p>
            {parts}
            <div class="button-row">
                <button type="button" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{live!("print.print")}</button>
                <button type="button" on:click=save("docx")>{live!("report.save_docx")}</button>
                <button type="button" on:click=save("md")>{live!("report.save_md")}</button>
            </div>
            <article class="report-print" data-testid="report-print" translate="no" node_ref=article></article>
        </div>
    }
}
