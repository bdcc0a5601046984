//! Many checklists of one template counted item by item: for the own
//! regions, and (the same view) for files evaluated without importing them,
//! then optionally beside an earlier set with the change per item.

use crate::domain::hashing::HashSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::rules::dates::show as date;

use crate::app::checklists::list::ProgressBar;
use crate::app::platform::browser::{now_iso, today};
use crate::app::state::use_state;
use crate::domain::analysis::aggregate::{aggregate, changes, left_out_by_default, sources, templates_in_use};
use crate::domain::data::files::export::{export, ExportOptions, Format, Source};
use crate::domain::model::checklist::{status_label, ItemKind};
use crate::domain::model::Workspace;
use crate::domain::Id;

/// `prefix` names this instance's elements (two can be on the page);
/// `nested` leaves out the heading where the surrounding section has one;
/// `earlier`, when it holds files, adds the change per item since then.
#[component]
pub fn AggregateChecklists(
    // Concrete signals rather than `Signal`: each `Signal::with` call site
    // costs code for all its kinds of source (measured: several KB).
    source: RwSignal<Workspace>,
    prefix: &'static str,
    #[prop(optional)] nested: bool,
    #[prop(optional)] earlier: Option<RwSignal<Workspace>>,
) -> impl IntoView {
    let state = use_state();
    let id = move |what: &str| format!("{prefix}-{what}");
    let templates = Memo::new(move |_| source.with(templates_in_use));
    let has_templates = Memo::new(move |_| templates.with(|t| !t.is_empty()));
    let template = RwSignal::new(templates.get_untracked().first().map(|t| t.0 .0.clone()).unwrap_or_default());
    // Regions left out; all others count. The demo starts left out.
    let excluded = RwSignal::new(source.with_untracked(left_out_by_default));
    // Shares of those that answered an item, as evaluations publish them; all checklists on request.
    let of_all = RwSignal::new(false);
    let demo_left_out = move || {
        source.with(|ws| ws.regions.iter().filter(|r| r.is_demo() && excluded.with(|e| e.contains(&r.id))).map(|r| r.name.clone()).next())
    };
    let regions_with = Memo::new(move |_| {
        let template = Id(template.get());
        source.with(|ws| {
            ws.regions
                .iter()
                .filter(|r| r.checklists.iter().any(|c| c.template_id == template))
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let result = Memo::new(move |_| {
        let chosen: HashSet<Id> =
            regions_with.get().into_iter().map(|(id, _)| id).filter(|id| !excluded.with(|e| e.contains(id))).collect();
        source.with(|ws| aggregate(&sources(ws, &Id(template.get()), &chosen)))
    });
    // The change per item since the earlier files, all of them counted
    // (a plain function, read where the table is drawn: no memo of its own).
    let since = move || {
        let template = Id(template.get_untracked());
        let before = earlier?.with(|earlier| {
            let all: HashSet<Id> = earlier.regions.iter().map(|r| r.id.clone()).collect();
            aggregate(&sources(earlier, &template, &all))
        });
        (!before.included.is_empty()).then(|| (before.included.len(), result.with(|now| changes(&before, now))))
    };
    let template_name = move || templates.get().into_iter().find(|t| t.0 .0 == template.get()).map(|t| t.1).unwrap_or_default();
    // Printing shows this evaluation alone (see the print rules in
    // style/main.css). Marked on the element itself: a signal would reach
    // the DOM only after `print()` has taken its picture.
    let print = move |ev: leptos::ev::MouseEvent| {
        let button = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let section = button.and_then(|b| b.closest("section.aggregate").ok().flatten());
        if let (Some(window), Some(section)) = (web_sys::window(), section) {
            let _ = section.set_attribute("data-printing", "");
            let _ = window.print();
            let _ = section.remove_attribute("data-printing");
        }
    };
    let export = move |_| {
        let name = template_name();
        let table = result.get_untracked();
        let options = ExportOptions { personal_data: false, stichtage: true, author: String::new(), now: today() };
        if let Ok(file) = export(Source::Aggregate { aggregate: &table, template_name: &name }, Format::AggregateCsv, &options) {
            state.save_file(&file.file_name, file.mime, &file.text);
        }
    };
    view! {
        <section class="aggregate" aria-labelledby=id("title")>
            {(!nested).then(|| view! {
                <h3 id=id("title")>{live!("analysis.aggregate_title")}</h3>
                <p class="hint">{live!("analysis.aggregate_hint")}</p>
            })}
            {move || if has_templates.get() { view! {
                <p class="print-only" data-testid=id("print-title")>
                    {move || tr!("analysis.print_title", template = template_name(), date = date(&now_iso()), n = result.with(|r| r.included.len()))}
                </p>
                <div class="field">
                    <label for=id("template")>{live!("checklists.template")}</label>
                    <select id=id("template") on:change=move |ev| {
                        template.set(event_target_value(&ev));
                        excluded.set(source.with_untracked(left_out_by_default));
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
                    <legend>{live!("analysis.regions")}</legend>
                    <div class="button-row">
                        <button type="button" on:click=move |_| excluded.set(HashSet::default())>{live!("common.all")}</button>
                        <button type="button" on:click=move |_| excluded.set(regions_with.get_untracked().into_iter().map(|(id, _)| id).collect())>{live!("analysis.none")}</button>
                    </div>
                    {move || regions_with.get().into_iter().enumerate().map(|(i, (id, name))| {
                        let box_id = format!("{prefix}-region-{i}");
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
                <label class="checkbox" for=id("all")>
                    <input type="checkbox" id=id("all") prop:checked=move || of_all.get() on:change=move |ev| of_all.set(event_target_checked(&ev)) />
                    {live!("analysis.all_checklists")}
                </label>
                {move || {
                    let result = result.get();
                    let of_all = of_all.get();
                    let n = result.included.len();
                    let since = since();
                    let before_n = since.as_ref().map(|(n, _)| *n);
                    view! {
                        <p data-testid=id("count")>{move || tr!("analysis.included_n", n = n)}</p>
                        {(!result.mismatches.is_empty()).then(|| view! {
                            <div class="repairs" data-testid=id("mismatches")>
                                <p>{live!("analysis.mismatches")}</p>
                                <ul>{result.mismatches.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
                            </div>
                        })}
                        <table class="aggregate-table" data-testid=id("table")>
                            <caption>{live!("analysis.table_caption")}</caption>
                            <thead><tr>
                                <th scope="col">{live!("print.col.item")}</th><th scope="col">"n"</th><th scope="col">{live!("analysis.shares")}</th>
                                {before_n.map(|n| view! { <th scope="col">{move || tr!("analysis.change_since", n = n)}</th> })}
                            </tr></thead>
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
                                    let change = since.as_ref().map(|(_, changes)| {
                                        let lines = changes.iter().find(|(id, _)| id == &row.id).map(|(_, l)| l.clone()).unwrap_or_default();
                                        view! { <td data-testid="change">{if lines.is_empty() { view! { <span class="muted">"–"</span> }.into_any() } else {
                                            view! { <ul class="changes">{lines.into_iter().map(|c| view! {
                                                <li>{move || tr!("analysis.change", status = status_label(Some(c.status)), before = c.before, after = c.after, points = signed(c.points()))}</li>
                                            }).collect_view()}</ul> }.into_any()
                                        }}</td> }
                                    });
                                    view! {
                                        <tr>
                                            <th scope="row"><span class="muted">{row.section.clone()}</span><br />{row.text.clone()}</th>
                                            <td>{n}</td>
                                            <td>{figures}</td>
                                            {change}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        <p class="hint">{if of_all { live!("analysis.n_all") } else { live!("analysis.n_answered") }}</p>
                        <details>
                            <summary>{move || tr!("analysis.included_list", n = n)}</summary>
                            <table class="included-table">
                                <thead><tr><th scope="col">{live!("header.region")}</th><th scope="col">{live!("analysis.checklist")}</th><th scope="col">{live!("analysis.version")}</th><th scope="col">{live!("analysis.file")}</th><th scope="col">{live!("analysis.as_of")}</th></tr></thead>
                                <tbody>
                                    {result.included.iter().map(|i| view! {
                                        <tr><td>{i.region.clone()}</td><td>{i.checklist.clone()}</td><td>{i.template_version}</td><td>{i.file.clone()}</td><td>{date(&i.date)}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </details>
                    }
                }}
                <div class="button-row">
                    <button type="button" on:click=export>{live!("analysis.save_csv")}</button>
                    <button type="button" on:click=print>{live!("analysis.print")}</button>
                </div>
            }.into_any() } else { view! { <p class="muted">{live!("analysis.no_checklists")}</p> }.into_any() }}
        </section>
    }
}

/// "+25", "−50", "0": percentage points with their sign (a real minus sign).
fn signed(points: i64) -> String {
    match points {
        p if p > 0 => format!("+{p}"),
        p if p < 0 => format!("−{}", -p),
        _ => "0".into(),
    }
}
