//! One sort for the reader: each distinct `sort` call compiles to its own copy of std's sort
//! (2–4 KB of the reader's wasm each), so the core orders positions through this one.

use std::cmp::Ordering;

/// Positions `0..count` in the order `compare` gives them; positions that compare equal keep
/// their order (what a stable sort gives), so callers need not break ties themselves. The
/// comparison is called through a reference to `dyn Fn` on purpose: every caller then shares
/// one compiled sort.
pub fn positions_by(count: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..count).collect();
    // Positions already in order (a scene's events come in time order) cost one pass.
    if (1..count).any(|at| compare(at - 1, at) == Ordering::Greater) {
        sort_by(&mut order, &|a, b| compare(a, b).then(a.cmp(&b)));
    }
    order
}

/// Sorts `values` by `compare`; the order among equal values is not kept.
pub fn sort_by(values: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    values.sort_unstable_by(|&a, &b| compare(a, b));
}

/// `values` in the order `compare` gives them (equal ones keep their order), each moved once.
pub fn sorted<T>(values: Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) -> Vec<T> {
    let order = positions_by(values.len(), &|a, b| compare(&values[a], &values[b]));
    let mut taken: Vec<Option<T>> = values.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&position| taken[position].take())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_positions_by_the_comparison_keeping_ties_in_position_order() {
        let keys = [3, 1, 2, 1, 3, 0];
        let order = positions_by(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(order, [5, 1, 3, 2, 0, 4]);
        let reversed = positions_by(keys.len(), &|a, b| keys[b].cmp(&keys[a]));
        assert_eq!(reversed, [0, 4, 2, 1, 3, 5]);
        assert!(positions_by(0, &|a, b| keys[a].cmp(&keys[b])).is_empty());
    }

    #[test]
    fn sorts_values_and_moves_them_in_order() {
        let mut values = vec![4, 0, 3, 3, 9, 1];
        sort_by(&mut values, &|a, b| a.cmp(&b));
        assert_eq!(values, [0, 1, 3, 3, 4, 9]);
        // Already in order (ties included): kept as it is.
        let pairs = vec![(1, 'a'), (1, 'b'), (2, 'c'), (2, 'a')];
        let same = sorted(pairs.clone(), &|a: &(i32, char), b: &(i32, char)| {
            a.0.cmp(&b.0)
        });
        assert_eq!(same, pairs);
        let words = vec!["pear", "fig", "apple", "kiwi", "plum"];
        let by_length = sorted(words, &|a: &&str, b: &&str| a.len().cmp(&b.len()));
        assert_eq!(by_length, ["fig", "pear", "kiwi", "plum", "apple"]);
    }
}
