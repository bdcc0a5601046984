//! The browser UI: a thin Leptos layer over `crate::domain`. `state` holds the
//! one root state; `shell` the frame, `widgets` the shared form pieces,
//! `platform` the browser edge (storage, offline); one folder per feature.

mod actors;
mod analysis;
mod checklists;
mod effect;
mod exchange;
mod groups;
mod history;
mod legal;
mod network;
mod platform;
mod programmes;
mod region;
mod relations;
mod shell;
mod state;
mod storage;
mod widgets;

use leptos::prelude::*;

use shell::banner::{NewerDataScreen, StorageAlert, StorageNotices};
use shell::header::{Header, Tabs};
use state::{AppState, Panel, View};

/// Entry point called from `main`.
pub fn start() {
    console_error_panic_hook::set_once();
    // The picture's worker runs this same module for its exports only (`network::worker`).
    if web_sys::window().is_none() {
        return;
    }
    // A language other than German is fetched first, so the page never shows German before it.
    // (Leptos' own executor starts with the mount, hence wasm-bindgen's here.)
    wasm_bindgen_futures::spawn_local(async {
        shell::language::load(shell::language::initial()).await;
        let startup = platform::persist::with_demo(platform::persist::load()).await;
        leptos::mount::mount_to_body(move || view! { <App startup=startup /> });
        // The network picture's first layout then starts without waiting for a worker.
        network::worker::prepare();
    });
}

#[component]
fn App(mut startup: platform::persist::Startup) -> impl IntoView {
    let workspace = RwSignal::new(startup.workspace.clone());
    let persistence = platform::persist::Persistence::install(workspace, &mut startup);
    let state = AppState::new(workspace, persistence, shell::language::initial());
    provide_context(state);
    shell::header::install_shortcuts(state);
    shell::header::keep_focus_below_header();
    shell::routing::install(state);
    state.reopen_draft();
    let offline = platform::offline::install(state);

    let newer = Memo::new(move |_| matches!(persistence.health.get(), platform::persist::Health::Newer(_)));
    shell::language::apply(state.language.get_untracked());
    view! {
        // Focuses the content without touching the address, which names the place (`shell::routing`).
        <a class="skip-link" href="#main" on:click=|ev: web_sys::MouseEvent| {
            ev.prevent_default();
            platform::browser::focus_later("#main");
        }>{live!("app.skip_link")}</a>
        // From deep in a long list, the areas are one Shift+Tab from the top.
        <a class="skip-link" href="#tabs" on:click=|ev: web_sys::MouseEvent| {
            ev.prevent_default();
            platform::browser::focus_later("nav.tabs button[aria-pressed='true'], nav.tabs button");
        }>{live!("app.skip_tabs")}</a>
        {move || if !newer.get() { view! {
            <div class="top">
                <Header />
                <StorageAlert />
            </div>
            <StorageNotices />
            <div class="banners"><platform::offline::OfflineStatus offline=offline /><shell::demo_notice::DemoNotice /><shell::welcome::Welcome /><history::view::StichtagBanner /></div>
            <Tabs />
            <main id="main" tabindex="-1">
                <MainView />
            </main>
        }.into_any() } else { view! { <NewerDataScreen /> }.into_any() }}
        <footer class="footer">
            <p>{live!("app.footer_local")}</p>
            <nav class="legal-links" aria-label=live!("legal.nav")>
                {[(View::Accessibility, live!("legal.accessibility")), (View::Privacy, live!("legal.privacy")), (View::Imprint, live!("legal.imprint"))].into_iter().map(|(view, label)| view! {
                    <button type="button" class="link" on:click=move |_| {
                        state.panel.set(Panel::None);
                        state.view.set(view);
                        platform::browser::focus_later("#main h2");
                    }>{label}</button>
                }).collect_view()}
            </nav>
            {move || platform::offline::persistence_text(offline.persisted.get()).map(|t| view! { <p data-testid="persistence">{t}</p> })}
        </footer>
        <shell::toast::Toast />
        <div class="visually-hidden" role="status" aria-live="polite">
            {move || state.announcement.get()}
        </div>
    }
}
#[component]
fn MainView() -> impl IntoView {
    let state = state::use_state();
    // One memo for what decides the layout, so that an edit does not rebuild
    // the whole view (and reset its filters); a change of area or region does.
    let shape = Memo::new(move |_| {
        let view = state.view.get();
        // Areas across all regions stay mounted while regions come and go (an import).
        if matches!(
            view,
            View::NewRegion | View::Data | View::Exchange | View::Analysis | View::Accessibility | View::Privacy | View::Imprint
        ) {
            return (view, false, None, None);
        }
        let (has_region, active) = state.workspace.with(|ws| (!ws.regions.is_empty(), ws.active_id()));
        let checklist = state.open_checklist.get().filter(|id| state.with_region(|r| r.checklist(id).is_some()).unwrap_or(false));
        (view, has_region, active, checklist)
    });
    move || {
        let (view, has_region, _, checklist) = shape.get();
        if view == View::NewRegion {
            return view! { <region::form::RegionForm creating=true /> }.into_any();
        }
        match view {
            View::Data => return view! { <storage::view::DataView /> }.into_any(),
            View::Exchange => return view! { <exchange::view::ExchangeView /> }.into_any(),
            View::Analysis => return view! { <analysis::view::AnalysisView /> }.into_any(),
            View::Accessibility | View::Privacy | View::Imprint => return view! { <legal::pages::LegalPage page=view /> }.into_any(),
            _ => {}
        }
        if !has_region {
            return view! { <NoRegion /> }.into_any();
        }
        let content = match view {
            View::Actors => view! { <actors::list::ActorList /> }.into_any(),
            View::Relations => view! { <relations::list::RelationList /> }.into_any(),
            View::Network => view! { <network::view::NetworkView /> }.into_any(),
            View::Groups => view! { <groups::list::GroupList /> }.into_any(),
            View::History => view! { <history::view::HistoryView /> }.into_any(),
            View::Programmes => view! { <programmes::list::ProgrammeList /> }.into_any(),
            View::Region
            | View::NewRegion
            | View::Data
            | View::Exchange
            | View::Analysis
            | View::Accessibility
            | View::Privacy
            | View::Imprint => view! { <region::form::RegionForm creating=false /> }.into_any(),
            View::Checklists => match checklist {
                Some(id) => view! { <checklists::checklist::ChecklistView id=id /> }.into_any(),
                None => view! { <checklists::list::ChecklistList /> }.into_any(),
            },
            View::Templates => view! { <checklists::templates::TemplateManager /> }.into_any(),
            View::Print => match checklist {
                Some(id) => return view! { <checklists::print::PrintView id=id /> }.into_any(),
                None => view! { <checklists::list::ChecklistList /> }.into_any(),
            },
        };
        view! {
            <div class="workspace" class:with-panel=move || state.panel.get() != Panel::None>
                <div class="content">{content}</div>
                <SidePanel />
            </div>
        }
        .into_any()
    }
}

/// The detail or form beside a list.
#[component]
fn SidePanel() -> impl IntoView {
    let state = state::use_state();
    // Keyboard and screen-reader users land in the panel that just opened,
    // instead of having to tab past the whole list.
    // Not on the first run: the panel survives a change of view and must not
    // pull focus away from where that change put it.
    Effect::new(move |previous: Option<Panel>| {
        let panel = state.panel.get();
        if previous.is_some() && panel != Panel::None {
            // A form: its first field, so that typing right away lands there.
            let target = if panel.is_form() { "aside.panel form :is(input, select, textarea)" } else { "aside.panel h2" };
            platform::browser::focus_later(target);
        }
        panel
    });
    move || {
        let panel = state.panel.get();
        let body = match panel {
            Panel::None => return None,
            Panel::Actor(id) => view! { <actors::detail::ActorDetail id=id /> }.into_any(),
            Panel::ActorForm(id) => view! { <actors::form::ActorForm id=id /> }.into_any(),
            Panel::RelationForm { editing, from } => view! { <relations::list::RelationForm editing=editing from=from /> }.into_any(),
            Panel::GroupForm(id) => view! { <groups::list::GroupForm id=id /> }.into_any(),
            Panel::JournalForm(id) => view! { <history::journal::JournalForm id=id /> }.into_any(),
            Panel::ProgrammeForm(id) => view! { <programmes::form::ProgrammeForm id=id /> }.into_any(),
            Panel::BausteinForm(programme, id) => view! { <programmes::form::BausteinForm programme=programme id=id /> }.into_any(),
        };
        Some(view! { <aside class="panel" aria-label={live!("app.panel_label")}>{body}</aside> })
    }
}

#[component]
fn NoRegion() -> impl IntoView {
    let state = state::use_state();
    view! {
        <section class="empty-state">
            <h2>{live!("app.no_region.title")}</h2>
            <p>{live!("app.no_region.text")}</p>
            <button class="primary" on:click=move |_| state.view.set(View::NewRegion)>{live!("app.no_region.create")}</button>
            <p>{live!("app.no_region.or_file")}</p>
            <button on:click=move |_| state.view.set(View::Exchange)>{live!("app.no_region.import")}</button>
        </section>
    }
}
