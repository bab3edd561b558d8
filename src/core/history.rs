//! Undo and redo of whole-plan edits: a bounded stack of earlier states on each side.

/// How many earlier states [`History`] keeps by default.
pub const DEFAULT_DEPTH: usize = 100;

/// Earlier and undone states of a value, bounded to `depth` each.
#[derive(Clone, Debug)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
    depth: usize,
    /// The group of the last recorded edit, while edits of one group keep coming.
    group: Option<String>,
}

impl<T: PartialEq> Default for History<T> {
    fn default() -> Self {
        History::new(DEFAULT_DEPTH)
    }
}

impl<T: PartialEq> History<T> {
    /// An empty history that keeps at most `depth` states on each side (at least one).
    pub fn new(depth: usize) -> History<T> {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            depth: depth.max(1),
            group: None,
        }
    }

    /// Records `before`, the state an edit is about to leave; clears what could be redone.
    /// An edit that changed nothing (`before == after`) is not recorded.
    pub fn record(&mut self, before: T, after: &T) {
        self.group = None;
        self.push(before, after);
    }

    /// Records an edit of a group (one text field typed into, key by key): consecutive edits
    /// of the same group make one undo step, which goes back to the state before the first.
    pub fn record_in(&mut self, group: &str, before: T, after: &T) {
        if self.group.as_deref() == Some(group) && !self.undo.is_empty() {
            if before != *after {
                self.redo.clear();
            }
            return;
        }
        if before != *after {
            self.group = Some(group.to_string());
        }
        self.push(before, after);
    }

    fn push(&mut self, before: T, after: &T) {
        if before == *after {
            return;
        }
        if self.undo.len() == self.depth {
            self.undo.remove(0);
        }
        self.undo.push(before);
        self.redo.clear();
    }

    /// Steps back: takes `current`, returns the state before it, or `None` when there is none.
    pub fn undo(&mut self, current: T) -> Option<T> {
        self.group = None;
        let previous = self.undo.pop()?;
        self.redo.push(current);
        Some(previous)
    }

    /// Steps forward again after [`History::undo`].
    pub fn redo(&mut self, current: T) -> Option<T> {
        self.group = None;
        let next = self.redo.pop()?;
        self.undo.push(current);
        Some(next)
    }

    /// Whether [`History::undo`] has something to return.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether [`History::redo`] has something to return.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies edits to a value the way the app does, through a history.
    fn edit(history: &mut History<i32>, value: &mut i32, to: i32) {
        let before = *value;
        *value = to;
        history.record(before, value);
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth() {
        let mut history = History::new(10);
        let mut value = 0;
        edit(&mut history, &mut value, 1);
        edit(&mut history, &mut value, 2);
        value = history.undo(value).unwrap();
        assert_eq!(value, 1);
        value = history.undo(value).unwrap();
        assert_eq!(value, 0);
        assert!(history.undo(value).is_none());
        value = history.redo(value).unwrap();
        assert_eq!(value, 1);
        value = history.redo(value).unwrap();
        assert_eq!(value, 2);
        assert!(!history.can_redo());
    }

    #[test]
    fn a_new_edit_drops_what_could_be_redone() {
        let mut history = History::new(10);
        let mut value = 0;
        edit(&mut history, &mut value, 1);
        value = history.undo(value).unwrap();
        edit(&mut history, &mut value, 5);
        assert!(!history.can_redo());
        assert_eq!(history.undo(value), Some(0));
    }

    #[test]
    fn unchanged_edits_are_not_recorded_and_depth_is_bounded() {
        let mut history = History::new(3);
        let mut value = 0;
        edit(&mut history, &mut value, 0);
        assert!(!history.can_undo());
        for to in 1..=10 {
            edit(&mut history, &mut value, to);
        }
        let mut steps = 0;
        while let Some(previous) = history.undo(value) {
            value = previous;
            steps += 1;
        }
        assert_eq!((steps, value), (3, 7));
    }

    #[test]
    fn edits_of_one_group_undo_as_one_step() {
        let mut history = History::new(10);
        let mut value = 0;
        edit(&mut history, &mut value, 1);
        for to in [12, 123, 1234] {
            let before = value;
            value = to;
            history.record_in("amount", before, &value);
        }
        let before = value;
        value = 7;
        history.record_in("disk", before, &value);
        value = history.undo(value).unwrap();
        assert_eq!(value, 1234);
        value = history.undo(value).unwrap();
        assert_eq!(value, 1, "the typing of one field is one step");
        value = history.redo(value).unwrap();
        let before = value;
        value = 12345;
        history.record_in("amount", before, &value);
        assert_eq!(history.undo(value), Some(1234), "an undo ends the group");
    }
}
