//! What the picture shows: force map or sector map, the list's filters, a
//! focus actor with one or two steps of neighbours, and for the sector map
//! what the sectors and rings mean.

use leptos::prelude::*;

use crate::app::actors::list::ActorFilters;
use crate::app::state::use_state;
use crate::app::widgets::actor_search::ActorSearch;
use crate::app::widgets::fields::SelectField;
use crate::domain::picture::sectors::{sector_rule, SectorBy};
use crate::domain::rules::dates as date;
use crate::domain::Id;
use crate::i18n::live_label;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Force,
    Sectors,
}

#[derive(Clone, Copy)]
pub struct PictureChoices {
    pub mode: RwSignal<Mode>,
    pub sector_by: RwSignal<SectorBy>,
    /// The actor in the middle of the rings (`None`: rings by number of relations).
    pub ring_focus: RwSignal<Option<Id>>,
    /// The actor whose neighbourhood alone is shown.
    pub focus: RwSignal<Option<Id>>,
    /// Steps of neighbours around `focus`: 1 or 2.
    pub depth: RwSignal<usize>,
}

impl PictureChoices {
    pub fn new() -> PictureChoices {
        PictureChoices {
            mode: RwSignal::new(Mode::Force),
            sector_by: RwSignal::new(SectorBy::Rechtskreis),
            ring_focus: RwSignal::new(None),
            focus: RwSignal::new(None),
            depth: RwSignal::new(1),
        }
    }
}

#[component]
pub fn ChoiceControls(choices: PictureChoices) -> impl IntoView {
    let state = use_state();
    let PictureChoices { mode, sector_by, ring_focus, focus, depth } = choices;
    // "–", then the Stichtage, newest first.
    let since_options = Signal::derive(move || {
        let stichtage = state.with_live_region(|r| {
            r.stichtage.iter().rev().map(|s| (s.id.0.clone(), format!("{} ({})", s.name, date::show(&s.date)))).collect::<Vec<_>>()
        });
        std::iter::once((String::new(), t!("network.since_none").to_owned())).chain(stichtage.into_iter().flatten()).collect::<Vec<_>>()
    });
    view! {
    <div class="no-print">
        <ActorFilters>
            <div class="field">
                <label for="network-mode">{live!("network.mode")}</label>
                <select id="network-mode" on:change=move |ev| mode.set(if event_target_value(&ev) == "sectors" { Mode::Sectors } else { Mode::Force })>
                    <option value="force" selected=move || mode.get() == Mode::Force>{live!("network.force")}</option>
                    <option value="sectors" selected=move || mode.get() == Mode::Sectors>{live!("network.sectors")}</option>
                </select>
            </div>
        </ActorFilters>
        <div class="filters">
            <ActorSearch id="network-focus" label=live!("network.focus") hint=live!("network.focus_hint") chosen=focus />
            // Only where there are Stichtage to compare with.
            {move || state.with_live_region(|r| !r.stichtage.is_empty()).unwrap_or(false).then(|| view! {
                <SelectField
                    id="network-since"
                    label=live!("network.since")
                    options=since_options
                    value=Signal::derive(move || state.picture_since.get().map(|id| id.0).unwrap_or_default())
                    on_change=Callback::new(move |v: String| state.picture_since.set((!v.is_empty()).then_some(Id(v))))
                />
            })}
            <fieldset class="inline" disabled=move || focus.get().is_none()>
                <legend>{live!("network.neighbours")}</legend>
                <label class="radio"><input type="radio" name="network-depth" prop:checked=move || depth.get() == 1 on:change=move |_| depth.set(1) />{live!("network.step1")}</label>
                <label class="radio"><input type="radio" name="network-depth" prop:checked=move || depth.get() == 2 on:change=move |_| depth.set(2) />{live!("network.step2")}</label>
            </fieldset>
            {move || (mode.get() == Mode::Sectors).then(|| view! {
                <div class="field">
                    <label for="network-sectors">{live!("network.sectors_by")}</label>
                    <select id="network-sectors" on:change=move |ev| sector_by.set(SectorBy::from_key(&event_target_value(&ev)))>
                        {SectorBy::ALL.into_iter().map(|s| view! { <option value=s.key() selected=move || sector_by.get() == s>{live_label(s, |v| v.label())}</option> }).collect_view()}
                    </select>
                    {move || sector_rule(sector_by.get()).map(|rule| view! { <p class="hint" data-testid="sector-rule">{rule}</p> })}
                </div>
                <ActorSearch id="network-rings" label=live!("network.rings_by") hint=live!("network.rings_hint") chosen=ring_focus />
            })}
        </div>
    </div>
    }
}
