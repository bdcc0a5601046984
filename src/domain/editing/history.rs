//! Undo and redo as a bounded stack of snapshots.
//!
//! Snapshots are simple and always correct: an edit can touch many records
//! at once (deleting an actor removes its relations), and a snapshot restores
//! all of them. A region of 2,000 actors clones in about a millisecond.

#[derive(Clone, Debug)]
pub struct History<T> {
    past: Vec<T>,
    future: Vec<T>,
    limit: usize,
}

impl<T> History<T> {
    pub fn new(limit: usize) -> History<T> {
        History { past: Vec::new(), future: Vec::new(), limit: limit.max(1) }
    }

    /// Records the state before an edit. A new edit discards what could be redone.
    pub fn record(&mut self, before: T) {
        self.past.push(before);
        if self.past.len() > self.limit {
            self.past.remove(0);
        }
        self.future.clear();
    }

    /// Returns the state to go back to, keeping `current` for redo.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.past.pop()?;
        self.future.push(current);
        Some(previous)
    }

    /// Returns the state to go forward to, keeping `current` for undo.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.future.pop()?;
        self.past.push(current);
        Some(next)
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_then_redo_walks_back_and_forth() {
        let mut h = History::new(10);
        h.record(1);
        h.record(2);
        let mut state = 3;
        state = h.undo(state).unwrap();
        assert_eq!(state, 2);
        state = h.undo(state).unwrap();
        assert_eq!(state, 1);
        assert!(h.undo(state).is_none());
        state = h.redo(state).unwrap();
        assert_eq!(state, 2);
        state = h.redo(state).unwrap();
        assert_eq!(state, 3);
        assert!(h.redo(state).is_none());
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut h = History::new(10);
        h.record(1);
        let state = h.undo(2).unwrap();
        assert!(h.can_redo());
        h.record(state);
        assert!(!h.can_redo());
    }

    #[test]
    fn oldest_snapshots_fall_off_at_the_limit() {
        let mut h = History::new(2);
        h.record(1);
        h.record(2);
        h.record(3);
        assert_eq!(h.undo(4), Some(3));
        assert_eq!(h.undo(3), Some(2));
        assert_eq!(h.undo(2), None);
    }
}
