//! The root state, provided once through context. Edits go through
//! `edit_workspace`/`edit_region` so that each one lands in the undo history.

use leptos::prelude::*;

use crate::app::effect::effect;

use crate::app::platform::persist::Persistence;
use crate::app::platform::session;
use crate::domain::data::decode::deserialize;
use crate::domain::data::from_json::FromJson;
use crate::domain::data::to_json::ToJson;
use crate::domain::editing::changes::Change;
use crate::domain::editing::draft::{DraftSlot, LAST_DRAFT_KEY};
use crate::domain::editing::history::History;
use crate::domain::editing::query::ActorQuery;
use crate::domain::{Id, Region, Workspace};
use crate::i18n::Lang;

/// How many edits can be undone.
const UNDO_LIMIT: usize = 100;

pub use crate::route::View;

/// What the side panel shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Panel {
    None,
    Actor(Id),
    /// `None` creates a new actor.
    ActorForm(Option<Id>),
    /// Edits a relation, or creates one starting at an actor.
    RelationForm {
        editing: Option<Id>,
        from: Option<Id>,
    },
    GroupForm(Option<Id>),
    JournalForm(Option<Id>),
    ProgrammeForm(Option<Id>),
    /// A programme's Baustein; `None` adds one.
    BausteinForm(Id, Option<Id>),
}

impl Panel {
    /// A form, as opposed to a record's details.
    pub fn is_form(&self) -> bool {
        !matches!(self, Panel::None | Panel::Actor(_))
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    /// What undo restores: regions and the user's templates (not which region
    /// is shown), kept as the records each edit touched.
    history: StoredValue<History<Change>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    pub view: RwSignal<View>,
    pub panel: RwSignal<Panel>,
    pub actor_query: RwSignal<ActorQuery>,
    /// The checklist shown in the checklist area, if one is open.
    pub open_checklist: RwSignal<Option<Id>>,
    /// A short confirmation read out by screen readers ("Akteur gespeichert").
    pub announcement: RwSignal<String>,
    /// The same confirmation, shown for a moment (see `shell::toast`).
    pub notice: RwSignal<Option<Notice>>,
    pub persistence: Persistence,
    /// The UI language; a change redraws every text (`shell::language`).
    pub language: RwSignal<Lang>,
    /// The Stichtag shown instead of today, read-only, if one is (not kept
    /// over a reload: the app always starts with today).
    pub viewing: RwSignal<Option<Id>>,
    /// The Stichtag whose changes since the network picture marks, if any
    /// (set there or from the Verlauf's comparison).
    pub picture_since: RwSignal<Option<Id>>,
}

/// A visible confirmation of what just happened.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    /// What the notice's button does, if it has one.
    pub action: Option<NoticeAction>,
    /// Tells two equal notices in a row apart (each is shown afresh).
    pub seq: u64,
    /// Confirms an edit: while storage does not keep edits, it says so
    /// instead (a downloaded file's notice stays as it is).
    pub of_edit: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    Undo,
    Redo,
}

/// Writes a form's draft to its slot at every change, or empties the slot
/// when the form is back where it started. One effect for every kind of
/// form: a generic one would exist once per form in the wasm.
fn keep_in_session(key: StoredValue<String>, snapshot: Box<dyn Fn() -> Option<String> + Send + Sync>) {
    effect(move || {
        let key = key.get_value();
        match snapshot() {
            Some(text) => {
                session::set(&key, &text);
                session::set(LAST_DRAFT_KEY, &key);
            }
            None => forget_slot(&key),
        }
    });
}

fn forget_slot(key: &str) {
    session::remove(key);
    if session::get(LAST_DRAFT_KEY).as_deref() == Some(key) {
        session::remove(LAST_DRAFT_KEY);
    }
}

/// An open form's input (`value`), kept in a slot of this tab until the form
/// is saved or cancelled (`finish`).
pub struct FormDraft<T: Send + Sync + 'static> {
    pub value: RwSignal<T>,
    /// The form shows its input came back from before (with "Verwerfen").
    pub restored: RwSignal<bool>,
    key: StoredValue<String>,
    initial: StoredValue<T>,
}

impl<T: Send + Sync + 'static> Clone for FormDraft<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for FormDraft<T> {}

impl<T: Clone + Send + Sync + 'static> FormDraft<T> {
    /// Saved or cancelled: nothing to offer back.
    pub fn finish(self) {
        self.forget();
        self.restored.set(false);
    }

    /// Back to what the form started with.
    pub fn discard(self) {
        self.value.set(self.initial.get_value());
        self.finish();
    }

    fn forget(self) {
        forget_slot(&self.key.get_value());
    }
}

impl AppState {
    /// The root state, in the UI language chosen at start (`shell::language::initial`).
    pub fn new(workspace: RwSignal<Workspace>, persistence: Persistence, language: Lang) -> AppState {
        let state = AppState {
            workspace,
            history: StoredValue::new(History::new(UNDO_LIMIT)),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            view: RwSignal::new(View::Actors),
            panel: RwSignal::new(Panel::None),
            actor_query: RwSignal::new(ActorQuery::default()),
            open_checklist: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            notice: RwSignal::new(None),
            persistence,
            language: RwSignal::new(language),
            viewing: RwSignal::new(None),
            picture_since: RwSignal::new(None),
        };
        // Data taken over from another tab: this tab's undo steps would
        // undo the other tab's work, so they are dropped.
        Effect::new(move |previous: Option<u64>| {
            let adopted = persistence.adopted.get();
            if previous.is_some_and(|p| p != adopted) {
                state.history.update_value(|h| h.clear());
                state.sync_history_flags();
                state.confirm(t!("state.adopted"));
            }
            adopted
        });
        state
    }

    /// The draft of a form for `entity` (`None`: a new record) in the
    /// active region: what it held when the tab was reloaded or the form
    /// left by Back or another area, else `initial()`. Kept in
    /// this tab's sessionStorage while it differs from `initial()`.
    pub fn form_draft<T>(self, form: &'static str, entity: Option<&Id>, initial: impl FnOnce() -> T) -> FormDraft<T>
    where
        T: Clone + PartialEq + ToJson + FromJson + Send + Sync + 'static,
    {
        let (key, kept) = self.kept_draft(form, entity);
        let initial = initial();
        let kept = kept.and_then(|value| deserialize::<T>(&value).ok()).filter(|kept| kept != &initial);
        let restored = RwSignal::new(kept.is_some());
        let value = RwSignal::new(kept.unwrap_or_else(|| initial.clone()));
        let draft = FormDraft { value, restored, key: StoredValue::new(key), initial: StoredValue::new(initial) };
        // The draft as text while it differs from the start (read inside the
        // effect below, so that it tracks `value`).
        let snapshot = move || {
            let unchanged = value.with(|v| draft.initial.with_value(|initial| v == initial));
            if unchanged {
                None
            } else {
                value.with(|v| Some(crate::domain::data::to_json::text(v)))
            }
        };
        keep_in_session(draft.key, Box::new(snapshot));
        draft
    }

    /// The slot key of a form's draft and what the slot holds, as JSON; not
    /// generic, so that it is in the wasm once and not once per kind of form.
    fn kept_draft(self, form: &'static str, entity: Option<&Id>) -> (String, Option<serde_json::Value>) {
        let slot = DraftSlot {
            form: form.to_owned(),
            region: self.workspace.with_untracked(|ws| ws.active_id()).map(|id| id.0),
            entity: entity.map(|id| id.0.clone()),
        };
        let key = slot.key();
        let kept = session::get(&key).and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok());
        (key, kept)
    }

    /// After a reload: opens the side-panel form that was left with unsaved
    /// input, so that it can offer the input back.
    pub fn reopen_draft(self) {
        let Some(slot) = session::get(LAST_DRAFT_KEY).as_deref().and_then(DraftSlot::parse) else { return };
        if session::get(&slot.key()).is_none() || slot.region != self.workspace.with_untracked(|ws| ws.active_id()).map(|id| id.0) {
            return;
        }
        let entity = slot.entity.map(Id);
        let exists =
            |f: &dyn Fn(&Region, &Id) -> bool| entity.as_ref().is_none_or(|id| self.with_region_untracked(|r| f(r, id)).unwrap_or(false));
        let panel = match slot.form.as_str() {
            "actor" if exists(&|r, id| r.actor(id).is_some()) => Panel::ActorForm(entity),
            "relation" if exists(&|r, id| r.relation(id).is_some()) => Panel::RelationForm { editing: entity, from: None },
            "group" if exists(&|r, id| r.group(id).is_some()) => Panel::GroupForm(entity),
            "journal" if exists(&|r, id| r.journal.iter().any(|e| &e.id == id)) => Panel::JournalForm(entity),
            "programme" if exists(&|r, id| r.programme(id).is_some()) => Panel::ProgrammeForm(entity),
            // Kept under the Baustein, or under its programme while new.
            "baustein" => {
                let entity = entity.clone().unwrap_or_default();
                let found = self.with_region_untracked(|r| {
                    r.programmes.iter().find_map(|p| match p.bausteine.iter().any(|b| b.id == entity) {
                        true => Some(Panel::BausteinForm(p.id.clone(), Some(entity.clone()))),
                        false => (p.id == entity).then(|| Panel::BausteinForm(p.id.clone(), None)),
                    })
                });
                match found.flatten() {
                    Some(panel) => panel,
                    None => return,
                }
            }
            _ => return,
        };
        self.panel.set(panel);
    }

    /// Reads the active region as the areas show it (tracked): today, or
    /// the Stichtag being viewed; `None` when there is no region.
    pub fn with_region<T>(&self, f: impl FnOnce(&Region) -> T) -> Option<T> {
        self.workspace.with(|ws| self.shown(ws, true).map(f))
    }

    pub fn with_region_untracked<T>(&self, f: impl FnOnce(&Region) -> T) -> Option<T> {
        self.workspace.with_untracked(|ws| self.shown(ws, false).map(f))
    }

    /// What the areas show of the active region: the Stichtag being viewed,
    /// or the region itself (also when that Stichtag is gone). Not inlined:
    /// `with_region` is instantiated at every one of its many callers.
    #[inline(never)]
    fn shown<'a>(&self, ws: &'a Workspace, tracked: bool) -> Option<&'a Region> {
        let region = ws.active_region()?;
        let pick = |viewing: &Option<Id>| viewing.as_ref().and_then(|id| region.stichtag(id)).map_or(region, |s| &*s.state);
        Some(if tracked { self.viewing.with(pick) } else { self.viewing.with_untracked(pick) })
    }

    /// Reads the active region as it is today, also while a Stichtag is
    /// viewed (the Verlauf lists and compares the real Stichtage).
    pub fn with_live_region<T>(&self, f: impl FnOnce(&Region) -> T) -> Option<T> {
        self.workspace.with(|ws| ws.active_region().map(f))
    }

    /// The Stichtag being viewed, as (name, ISO date), tracked.
    pub fn viewed(&self) -> Option<(String, String)> {
        let id = self.viewing.get()?;
        self.with_live_region(|r| r.stichtag(&id).map(|s| (s.name.clone(), s.date.clone()))).flatten()
    }

    /// While a Stichtag is viewed nothing changes: says so, redraws what an
    /// attempt may have changed on screen (a select, a checkbox) and is true.
    fn refused_while_viewing(&self) -> bool {
        let viewing = untrack(|| self.viewed().is_some());
        if viewing {
            self.show_notice(t!("history.read_only"), None, true);
            self.viewing.notify();
        }
        viewing
    }

    /// Applies an edit to the whole workspace as one undoable step.
    pub fn edit_workspace(&self, f: impl FnOnce(&mut Workspace)) {
        let mut f = Some(f);
        self.edit_workspace_with(&mut |ws| f.take().map_or((), |f| f(ws)));
    }

    /// The body of `edit_workspace`, once in the wasm instead of once per caller.
    fn edit_workspace_with(&self, f: &mut dyn FnMut(&mut Workspace)) {
        if self.refused_while_viewing() {
            return;
        }
        let mut change = Change::default();
        self.workspace.update(|ws| {
            let before = ws.clone();
            f(ws);
            change = Change::between(&before, ws);
        });
        self.record(change);
    }

    /// Applies an edit to the active region as one undoable step; only that
    /// region is compared, and only what the edit touched is kept.
    pub fn edit_region(&self, f: impl FnOnce(&mut Region)) {
        let mut f = Some(f);
        self.edit_region_with(&mut |r| f.take().map_or((), |f| f(r)));
    }

    /// The body of `edit_region`, once in the wasm instead of once per caller.
    fn edit_region_with(&self, f: &mut dyn FnMut(&mut Region)) {
        if self.refused_while_viewing() {
            return;
        }
        let Some(id) = self.workspace.with_untracked(|ws| ws.active_id()) else { return };
        let mut change = Change::default();
        self.workspace.update(|ws| {
            if let Some(region) = ws.region_mut(&id) {
                let before = region.clone();
                f(region);
                change = Change::in_region(&before, region);
            }
        });
        self.record(change);
    }

    fn record(&self, change: Change) {
        // An edit that changed nothing is no step to undo.
        if !change.is_empty() {
            self.history.update_value(|h| h.record(change));
        }
        self.sync_history_flags();
    }

    /// Carries out an undo or redo change on the workspace; returns the inverse.
    fn apply(&self, change: Change) -> Change {
        let mut inverse = Change::default();
        // Untracked inside the history's lock; subscribers hear of it below.
        self.workspace.update_untracked(|ws| inverse = change.apply(ws));
        inverse
    }

    pub fn undo(&self) {
        if self.refused_while_viewing() {
            return;
        }
        if self.history.try_update_value(|h| h.undo(|c| self.apply(c))).unwrap_or(false) {
            self.workspace.notify();
            self.show_notice(t!("state.undone"), Some(NoticeAction::Redo), true);
        }
        self.sync_history_flags();
    }

    pub fn redo(&self) {
        if self.refused_while_viewing() {
            return;
        }
        if self.history.try_update_value(|h| h.redo(|c| self.apply(c))).unwrap_or(false) {
            self.workspace.notify();
            self.show_notice(t!("state.redone"), Some(NoticeAction::Undo), true);
        }
        self.sync_history_flags();
    }

    fn sync_history_flags(&self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
    }

    /// Shows another region; a view choice, not an edit.
    pub fn switch_region(&self, id: Id) {
        self.viewing.set(None);
        self.picture_since.set(None);
        self.workspace.update(|ws| ws.active = Some(id));
        self.panel.set(Panel::None);
        self.actor_query.set(ActorQuery::default());
        self.open_checklist.set(None);
        if matches!(self.view.get_untracked(), View::NewRegion | View::Print) {
            self.view.set(View::Actors);
        }
    }

    /// Tells screen readers only: for what the user sees happen anyway
    /// (the network cursor, a status badge).
    pub fn announce(&self, text: &str) {
        self.announcement.set(text.to_owned());
    }

    /// Confirms what the user did, aloud and visibly, offering to undo it
    /// where it was an edit.
    pub fn confirm(&self, text: &str) {
        let action = self.can_undo.get_untracked().then_some(NoticeAction::Undo);
        self.show_notice(text, action, true);
    }

    fn show_notice(&self, text: &str, action: Option<NoticeAction>, of_edit: bool) {
        // An edit that storage could not keep, or that a viewed Stichtag
        // refused, must not be called saved.
        let refused = of_edit && untrack(|| self.viewed().is_some());
        let (text, action) = if refused {
            (t!("history.read_only"), None)
        } else if of_edit && !self.persistence.health.get_untracked().keeps_data() {
            (t!("state.not_stored"), action)
        } else {
            (text, action)
        };
        self.announce(text);
        let seq = self.notice.with_untracked(|n| n.as_ref().map_or(0, |n| n.seq + 1));
        self.notice.set(Some(Notice { text: text.to_owned(), action, seq, of_edit }));
    }

    /// Offers a file for download and tells screen readers it was saved.
    pub fn save_file(&self, name: &str, mime: &str, text: &str) {
        self.saved(name, crate::app::platform::browser::download_text(name, mime, text));
    }

    /// Offers bytes (a Word file) as `save_file` offers text.
    pub fn save_bytes(&self, name: &str, mime: &str, bytes: &[u8]) {
        self.saved(name, crate::app::platform::browser::download_bytes(name, mime, bytes));
    }

    fn saved(&self, name: &str, offered: Result<(), wasm_bindgen::JsValue>) {
        if offered.is_ok() {
            self.show_notice(&tr!("state.file_saved", name = name), None, false);
        }
    }

    pub fn open(&self, panel: Panel) {
        // No form opens on a Stichtag: its input could not be saved.
        if panel.is_form() && self.refused_while_viewing() {
            return;
        }
        self.panel.set(panel);
    }

    /// Edits one checklist of the active region as an undoable step.
    pub fn edit_checklist(&self, id: &Id, f: impl FnOnce(&mut crate::domain::model::checklist::Checklist)) {
        self.edit_region(|r| {
            if let Some(c) = r.checklist_mut(id) {
                f(c);
            }
        });
    }

    /// Shows a checklist, optionally scrolled to one of its items.
    pub fn show_checklist(&self, id: Id, item: Option<Id>) {
        self.open_checklist.set(Some(id));
        self.view.set(View::Checklists);
        let Some(item) = item else {
            // Keyboard and screen-reader users start at the checklist's title.
            crate::app::platform::browser::focus_later("#checklist-title");
            return;
        };
        {
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&format!("item-{}", item.0)) {
                    el.scroll_into_view();
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        let _ = el.focus();
                    }
                }
            });
        }
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
