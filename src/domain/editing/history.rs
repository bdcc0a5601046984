//! Undo and redo as a bounded stack of changes. What a change is stays open
//! (`editing::changes::Change` in the app: the records an edit touched, as
//! they were); applying one returns the change that goes back again.

#[derive(Clone, Debug)]
pub struct History<C> {
    past: Vec<C>,
    future: Vec<C>,
    limit: usize,
}

impl<C> History<C> {
    pub fn new(limit: usize) -> History<C> {
        History { past: Vec::new(), future: Vec::new(), limit: limit.max(1) }
    }

    /// Records what undoes an edit. A new edit discards what could be redone.
    pub fn record(&mut self, undo: C) {
        self.past.push(undo);
        if self.past.len() > self.limit {
            self.past.remove(0);
        }
        self.future.clear();
    }

    /// Undoes the latest edit: `apply` carries out the change and returns
    /// the one that redoes it. False when there is nothing to undo.
    pub fn undo(&mut self, apply: impl FnOnce(C) -> C) -> bool {
        let Some(change) = self.past.pop() else { return false };
        self.future.push(apply(change));
        true
    }

    /// Redoes the latest undone edit, as `undo` does the other way.
    pub fn redo(&mut self, apply: impl FnOnce(C) -> C) -> bool {
        let Some(change) = self.future.pop() else { return false };
        self.past.push(apply(change));
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    pub fn clear(&mut self) {
        self.past.clear();
        self.future.clear();
    }

    /// Every change held, for measuring what the history costs.
    pub fn held(&self) -> impl Iterator<Item = &C> {
        self.past.iter().chain(&self.future)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With whole states as changes: applying one swaps it with the current state.
    fn swap(state: &mut i32) -> impl FnMut(i32) -> i32 + '_ {
        move |other| std::mem::replace(state, other)
    }

    #[test]
    fn undo_then_redo_walks_back_and_forth() {
        let mut h = History::new(10);
        h.record(1);
        h.record(2);
        let mut state = 3;
        assert!(h.undo(swap(&mut state)));
        assert_eq!(state, 2);
        assert!(h.undo(swap(&mut state)));
        assert_eq!(state, 1);
        assert!(!h.undo(swap(&mut state)));
        assert!(h.redo(swap(&mut state)));
        assert_eq!(state, 2);
        assert!(h.redo(swap(&mut state)));
        assert_eq!(state, 3);
        assert!(!h.redo(swap(&mut state)));
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut h = History::new(10);
        h.record(1);
        let mut state = 2;
        h.undo(swap(&mut state));
        assert!(h.can_redo());
        h.record(state);
        assert!(!h.can_redo());
    }

    #[test]
    fn oldest_changes_fall_off_at_the_limit() {
        let mut h = History::new(2);
        h.record(1);
        h.record(2);
        h.record(3);
        let mut state = 4;
        assert!(h.undo(swap(&mut state)));
        assert_eq!(state, 3);
        assert!(h.undo(swap(&mut state)));
        assert_eq!(state, 2);
        assert!(!h.undo(swap(&mut state)));
    }
}
