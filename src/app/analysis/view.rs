//! "Auswertung": two regions side by side, and many checklists of one
//! template counted item by item.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::rules::dates::show as date;
use crate::i18n::{live, t};
use crate::tr;

use crate::app::checklists::list::ProgressBar;

use crate::app::platform::browser::today;
use crate::app::state::use_state;
use crate::domain::analysis::aggregate::{aggregate, left_out_by_default, sources, templates_in_use};
use crate::domain::analysis::compare::compare;
use crate::domain::data::files::export::{export, ExportOptions, Format, Source};
use crate::domain::model::checklist::ItemKind;
use crate::domain::Id;

#[component]
pub fn AnalysisView() -> impl IntoView {
    view! {
        <section class="analysis-view content" aria-labelledby="analysis-title">
            <h2 id="analysis-title">{live("header.analysis")}</h2>
            <CompareRegions />
            <AggregateChecklists />
        </section>
    }
}

/// A region picker for the comparison.
fn region_select(id: &'static str, label: &'static str, value: RwSignal<String>) -> impl IntoView {
    let state = use_state();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                {move || state.workspace.with(|ws| ws.regions.iter().map(|r| {
                    let selected = value.get() == r.id.0;
                    view! { <option value=r.id.0.clone() selected=selected>{r.name.clone()}</option> }
                }).collect_view())}
            </select>
        </div>
    }
}

#[component]
fn CompareRegions() -> impl IntoView {
    let state = use_state();
    // Own regions first: the demo is compared only when there is nothing else.
    let order = state.workspace.with_untracked(|ws| {
        let mut ids: Vec<(bool, String)> = ws.regions.iter().map(|r| (r.is_demo(), r.id.0.clone())).collect();
        ids.sort_by_key(|(demo, _)| *demo);
        ids.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
    });
    let first = order.first().cloned().unwrap_or_default();
    let second = order.get(1).cloned().unwrap_or_default();
    let a = RwSignal::new(first);
    let b = RwSignal::new(second);
    let sections = Memo::new(move |_| {
        state.workspace.with(|ws| match (ws.region(&Id(a.get())), ws.region(&Id(b.get()))) {
            (Some(x), Some(y)) => Some((x.name.clone(), y.name.clone(), compare(x, y))),
            _ => None,
        })
    });
    view! {
        <section aria-labelledby="compare-title">
            <h3 id="compare-title">{live("analysis.compare_title")}</h3>
            <Show
                when=move || state.workspace.with(|ws| ws.regions.len() >= 2)
                fallback=|| view! { <p class="muted">{live("analysis.compare_needs_two")}</p> }
            >
                <div class="compare-pickers">
                    {region_select("compare-a", t("analysis.region_a"), a)}
                    {region_select("compare-b", t("analysis.region_b"), b)}
                </div>
                {move || sections.get().map(|(name_a, name_b, sections)| view! {
                    <div data-testid="comparison">
                        {sections.into_iter().map(|section| view! {
                            <table class="compare-table">
                                <caption>{section.title}</caption>
                                <thead><tr>
                                    <th scope="col">{live("analysis.feature")}</th>
                                    <th scope="col">{name_a.clone()}</th>
                                    <th scope="col">{name_b.clone()}</th>
                                </tr></thead>
                                <tbody>
                                    {section.rows.into_iter().map(|row| {
                                        let differs = row.a != row.b;
                                        view! { <tr class:differs=differs><th scope="row">{row.label}</th><td>{row.a}</td><td>{row.b}</td></tr> }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }).collect_view()}
                    </div>
                })}
            </Show>
        </section>
    }
}

#[component]
fn AggregateChecklists() -> impl IntoView {
    let state = use_state();
    let templates = Memo::new(move |_| state.workspace.with(templates_in_use));
    let template = RwSignal::new(templates.get_untracked().first().map(|t| t.0 .0.clone()).unwrap_or_default());
    // Regions left out; all others count. The demo starts left out.
    let excluded = RwSignal::new(state.workspace.with_untracked(left_out_by_default));
    // Shares of those that answered an item, as evaluations publish them; all checklists on request.
    let of_all = RwSignal::new(false);
    let demo_left_out = move || {
        state
            .workspace
            .with(|ws| ws.regions.iter().filter(|r| r.is_demo() && excluded.with(|e| e.contains(&r.id))).map(|r| r.name.clone()).next())
    };
    let regions_with = Memo::new(move |_| {
        let template = Id(template.get());
        state.workspace.with(|ws| {
            ws.regions
                .iter()
                .filter(|r| r.checklists.iter().any(|c| c.template_id == template))
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let result = Memo::new(move |_| {
        let chosen: BTreeSet<Id> =
            regions_with.get().into_iter().map(|(id, _)| id).filter(|id| !excluded.with(|e| e.contains(id))).collect();
        state.workspace.with(|ws| aggregate(&sources(ws, &Id(template.get()), &chosen)))
    });
    let export = move |_| {
        let name = templates.get_untracked().into_iter().find(|t| t.0 .0 == template.get_untracked()).map(|t| t.1).unwrap_or_default();
        let table = result.get_untracked();
        let options = ExportOptions { personal_data: false, author: String::new(), now: today() };
        if let Ok(file) = export(Source::Aggregate { aggregate: &table, template_name: &name }, Format::AggregateCsv, &options) {
            state.save_file(&file.file_name, file.mime, &file.text);
        }
    };
    view! {
        <section aria-labelledby="aggregate-title">
            <h3 id="aggregate-title">{live("analysis.aggregate_title")}</h3>
            <p class="hint">{live("analysis.aggregate_hint")}</p>
            <Show when=move || !templates.get().is_empty() fallback=|| view! { <p class="muted">{live("analysis.no_checklists")}</p> }>
                <div class="field">
                    <label for="aggregate-template">{live("checklists.template")}</label>
                    <select id="aggregate-template" on:change=move |ev| {
                        template.set(event_target_value(&ev));
                        excluded.set(state.workspace.with_untracked(left_out_by_default));
                    }>
                        {move || templates.get().into_iter().map(|(id, name, n)| {
                            let selected = template.get() == id.0;
                            view! { <option value=id.0 selected=selected>{move || tr!("analysis.template_option", name = name, n = n)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {move || demo_left_out().map(|name| view! {
                    <p class="hint" data-testid="demo-left-out">{move || tr!("analysis.demo_left_out", name = name)}</p>
                })}
                <fieldset class="checkboxes region-filter">
                    <legend>{live("analysis.regions")}</legend>
                    <div class="button-row">
                        <button type="button" on:click=move |_| excluded.set(BTreeSet::new())>{live("common.all")}</button>
                        <button type="button" on:click=move |_| excluded.set(regions_with.get_untracked().into_iter().map(|(id, _)| id).collect())>{live("analysis.none")}</button>
                    </div>
                    {move || regions_with.get().into_iter().enumerate().map(|(i, (id, name))| {
                        let box_id = format!("aggregate-region-{i}");
                        let label_for = box_id.clone();
                        let this = id.clone();
                        view! {
                            <label class="checkbox" for=label_for>
                                <input type="checkbox" id=box_id prop:checked=move || !excluded.with(|e| e.contains(&this))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        excluded.update(|e| { if on { e.remove(&id); } else { e.insert(id.clone()); } });
                                    } />
                                {name}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <label class="checkbox" for="aggregate-all">
                    <input type="checkbox" id="aggregate-all" prop:checked=move || of_all.get() on:change=move |ev| of_all.set(event_target_checked(&ev)) />
                    {live("analysis.all_checklists")}
                </label>
                {move || {
                    let result = result.get();
                    let of_all = of_all.get();
                    let n = result.included.len();
                    view! {
                        <p data-testid="aggregate-count">{move || tr!("analysis.included_n", n = n)}</p>
                        {(!result.mismatches.is_empty()).then(|| view! {
                            <div class="repairs" data-testid="aggregate-mismatches">
                                <p>{live("analysis.mismatches")}</p>
                                <ul>{result.mismatches.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
                            </div>
                        })}
                        <table class="aggregate-table" data-testid="aggregate-table">
                            <caption>{live("analysis.table_caption")}</caption>
                            <thead><tr><th scope="col">{live("print.col.item")}</th><th scope="col">"n"</th><th scope="col">{live("analysis.shares")}</th></tr></thead>
                            <tbody>
                                {result.rows.iter().map(|row| {
                                    let unanswered = row.progress.count(None);
                                    let (n, figures) = match row.kind {
                                        ItemKind::Answers => (row.n, view! { <p>{let (answered, n) = (row.answered, row.n); move || tr!("analysis.answered", answered = answered, n = n)}</p> }.into_any()),
                                        ItemKind::Status(_) => {
                                            let progress = if of_all { row.progress.clone() } else { row.progress.answered_only() };
                                            let unanswered = (!of_all && unanswered > 0).then_some(unanswered);
                                            (progress.total, view! {
                                                <ProgressBar progress=progress label=row.text.clone() />
                                                {unanswered.map(|n| view! { <p class="muted" data-testid="unanswered">{move || tr!("analysis.unanswered", n = n)}</p> })}
                                            }.into_any())
                                        }
                                    };
                                    view! {
                                        <tr>
                                            <th scope="row"><span class="muted">{row.section.clone()}</span><br />{row.text.clone()}</th>
                                            <td>{n}</td>
                                            <td>{figures}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        <p class="hint">{if of_all { live("analysis.n_all") } else { live("analysis.n_answered") }}</p>
                        <details>
                            <summary>{move || tr!("analysis.included_list", n = n)}</summary>
                            <table class="included-table">
                                <thead><tr><th scope="col">{live("header.region")}</th><th scope="col">{live("analysis.checklist")}</th><th scope="col">{live("analysis.version")}</th><th scope="col">{live("analysis.file")}</th><th scope="col">{live("analysis.as_of")}</th></tr></thead>
                                <tbody>
                                    {result.included.iter().map(|i| view! {
                                        <tr><td>{i.region.clone()}</td><td>{i.checklist.clone()}</td><td>{i.template_version}</td><td>{i.file.clone()}</td><td>{date(&i.date)}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </details>
                    }
                }}
                <button type="button" on:click=export>{live("analysis.save_csv")}</button>
            </Show>
        </section>
    }
}
