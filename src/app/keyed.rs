//! Lists that re-render only the entries an edit changed.
//!
//! A list rendered from a closure (`move || report.with(|r| ... .collect_view())`) is rebuilt
//! entry by entry on every change: each element's attributes and texts are written again, so
//! one edit of a 200-launch plan rewrote every finding and API call on the page. Here each
//! entry gets a render key that stays the same while the entry is equal to what it was, so
//! that `<For>` keeps the DOM of unchanged entries and builds only the changed ones.

use std::collections::HashMap;
use std::hash::Hash;

use leptos::prelude::*;

/// An entry of a [`stable_keys`] list: its render key, its identity and its content.
pub type Keyed<K, T> = (u64, K, T);

/// The entries `entries` lists, each `(identity, content)`, with a render key for `<For>` that
/// stays the same while the entry of that identity has the same content; a new or changed
/// entry gets a key never used before. Identities should be unique in a list; a repeated one
/// gets a fresh key each time, so it is still rendered correctly, only not reused.
pub fn stable_keys<K, T>(
    entries: impl Fn() -> Vec<(K, T)> + Send + Sync + 'static,
) -> Memo<Vec<Keyed<K, T>>>
where
    K: Eq + Hash + Clone + Send + Sync + 'static,
    T: PartialEq + Clone + Send + Sync + 'static,
{
    let next = StoredValue::new(0_u64);
    Memo::new(move |previous: Option<&Vec<Keyed<K, T>>>| {
        let before: HashMap<&K, (u64, &T)> = previous
            .map(|list| {
                list.iter()
                    .map(|(key, id, item)| (id, (*key, item)))
                    .collect()
            })
            .unwrap_or_default();
        let mut used = std::collections::HashSet::new();
        entries()
            .into_iter()
            .map(|(id, item)| {
                let kept = before
                    .get(&id)
                    .filter(|(key, old)| **old == item && !used.contains(key))
                    .map(|(key, _)| *key);
                let key = kept.unwrap_or_else(|| {
                    next.update_value(|n| *n += 1);
                    next.get_value()
                });
                used.insert(key);
                (key, id, item)
            })
            .collect()
    })
}
