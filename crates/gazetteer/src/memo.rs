//! What was computed for a string, remembered up to a bound: the memos that lookups keep per
//! thread, since reports name the same few hundred places over and over.

use std::cell::RefCell;

use compact_str::CompactString;
use rustc_hash::FxHashMap;

pub(crate) struct Memo<V> {
    /// Keys as small strings: most (a mention, with a country and a governorate) are short
    /// enough to be kept in the table's own slot, so that a lookup compares the key found
    /// there without following a pointer to another cache miss.
    remembered: FxHashMap<CompactString, V>,
    /// How many keys it holds before it starts afresh.
    limit: usize,
}

impl<V: Clone> Memo<V> {
    pub(crate) fn new(limit: usize) -> Memo<V> {
        Memo { remembered: FxHashMap::default(), limit }
    }

    /// The value remembered for `key`, else `compute`'s, remembered. `compute` runs with the
    /// memo released, so it may use other memos.
    pub(crate) fn get_or_compute(memo: &RefCell<Memo<V>>, key: &str, compute: impl FnOnce() -> V) -> V {
        if let Some(value) = memo.borrow().remembered.get(key) {
            return value.clone();
        }
        let value = compute();
        let mut memo = memo.borrow_mut();
        if memo.remembered.len() >= memo.limit {
            memo.remembered.clear();
        }
        memo.remembered.insert(CompactString::from(key), value.clone());
        value
    }

    /// What `read` makes of the value remembered for `key` (else of `compute`'s, remembered),
    /// read where the memo keeps it rather than from a copy. `read` runs with the memo
    /// borrowed: it must not use this memo.
    pub(crate) fn read_or_compute<R>(
        memo: &RefCell<Memo<V>>,
        key: &str,
        compute: impl FnOnce() -> V,
        read: impl FnOnce(&V) -> R,
    ) -> R {
        if let Some(value) = memo.borrow().remembered.get(key) {
            return read(value);
        }
        let value = compute();
        let result = read(&value);
        let mut memo = memo.borrow_mut();
        if memo.remembered.len() >= memo.limit {
            memo.remembered.clear();
        }
        memo.remembered.insert(CompactString::from(key), value);
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_and_starts_afresh_when_full() {
        let memo = RefCell::new(Memo::new(2));
        let calls = std::cell::Cell::new(0);
        let compute = |v: u32| {
            calls.set(calls.get() + 1);
            v
        };
        assert_eq!(Memo::get_or_compute(&memo, "a", || compute(1)), 1);
        assert_eq!(Memo::get_or_compute(&memo, "a", || compute(9)), 1, "remembered");
        assert_eq!(Memo::get_or_compute(&memo, "b", || compute(2)), 2);
        assert_eq!(calls.get(), 2);
        // Full: the third key clears the others.
        assert_eq!(Memo::get_or_compute(&memo, "c", || compute(3)), 3);
        assert_eq!(Memo::get_or_compute(&memo, "a", || compute(4)), 4, "computed again");
        assert_eq!(calls.get(), 4);
    }
}
