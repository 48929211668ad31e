//! A small stable sort for the short lists the widget orders at run time (five similar kommuner,
//! a chart's labels, the ~430 kommuner of the chooser once per page).
//!
//! Why not the standard library's: every `sort_by`/`sort_unstable`/`collect::<BTreeSet<_>>` is
//! compiled anew for each element type and comparison, driftsort and ipnsort with their small-sort
//! networks, 2–4 KB of wasm each; a dozen of them made up 40 KB of the widget's code. Insertion
//! sort is a few hundred bytes per use and, on lists this short, as fast as anyone needs.

use crate::gather::Gather;
/// Sorts `v` stably so that no element is `less` than one before it.
pub fn sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Sorts by a key, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a) < key(b));
}

/// Sorts by a key made once per element (for keys that cost something to make), stably.
pub fn sort_by_cached_key<T, K: Ord>(v: Vec<T>, mut key: impl FnMut(&T) -> K) -> Vec<T> {
    let mut keyed: Vec<(K, T)> = v.into_iter().map(|x| (key(&x), x)).gather();
    sort_by(&mut keyed, |a, b| a.0 < b.0);
    keyed.into_iter().map(|(_, x)| x).gather()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e'), (2, 'f')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'f'), (3, 'a'), (3, 'c')]);
        let mut w: Vec<u16> = vec![];
        sort_by(&mut w, |a, b| a < b);
        assert!(w.is_empty());
        let mut x = vec![5u16, 4, 3, 2, 1, 0];
        sort_by(&mut x, |a, b| a > b);
        assert_eq!(x, [5, 4, 3, 2, 1, 0]);
        sort_by(&mut x, |a, b| a < b);
        assert_eq!(x, [0, 1, 2, 3, 4, 5]);
        let words = sort_by_cached_key(vec!["Ål", "b", "A", "a"], |w| w.to_lowercase());
        assert_eq!(words, ["A", "a", "b", "Ål"]);
    }
}
