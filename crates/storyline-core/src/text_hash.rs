//! Hash maps keyed by what a file says, seeded so that a hostile file cannot be written to make
//! its keys collide.
//!
//! The standard library seeds each map's hashing with random keys where the system gives random
//! data; on `wasm32-unknown-unknown` it has none and takes two memory addresses instead, the same
//! on every load of a build. Anyone could then work out, once, story ids or category ids that all
//! fall in one bucket, and every check of such a file would take quadratic time. So the maps that
//! hold the data's text mix a seed from the host into every hash ([`seed_text_hashing`]: the
//! browser shell gives one from the page's random numbers); natively, the standard library's
//! keys are random already.

use std::collections::hash_map::RandomState;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, DefaultHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// The host's seed, mixed into maps created after it is given.
static SEED: AtomicU64 = AtomicU64::new(0);

/// Gives the seed that maps created from now on mix into their hashing: random data from the
/// host, where the standard library has none (the browser shell calls it before reading a file).
pub fn seed_text_hashing(seed: u64) {
    SEED.store(seed, Ordering::Relaxed);
}

/// Whether a host gave a seed.
pub fn text_hashing_is_seeded() -> bool {
    SEED.load(Ordering::Relaxed) != 0
}

/// The standard library's hashing, with the host's seed hashed first: kept from the map's
/// creation, so a seed given later never changes where a map's keys are.
#[derive(Clone, Debug)]
pub struct SeededState {
    keys: RandomState,
    seed: u64,
}

impl Default for SeededState {
    fn default() -> SeededState {
        SeededState {
            keys: RandomState::new(),
            seed: SEED.load(Ordering::Relaxed),
        }
    }
}

impl BuildHasher for SeededState {
    type Hasher = DefaultHasher;

    fn build_hasher(&self) -> DefaultHasher {
        let mut hasher = self.keys.build_hasher();
        hasher.write_u64(self.seed);
        hasher
    }
}

/// A map keyed by text from a file.
pub type TextMap<K, V> = HashMap<K, V, SeededState>;
/// A set of text from a file.
pub type TextSet<K> = HashSet<K, SeededState>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_changes_every_hash_and_a_map_keeps_the_seed_it_was_made_with() {
        // The same keys, as on a platform without random data: only the seed differs.
        let keys = RandomState::new();
        let state = |seed| SeededState {
            keys: keys.clone(),
            seed,
        };
        let differing = (0..64)
            .filter(|id| {
                let key = format!("event-{id}");
                state(1).hash_one(&key) != state(2).hash_one(&key)
            })
            .count();
        assert_eq!(differing, 64);

        let mut map: TextMap<String, usize> = TextMap::default();
        map.insert("nato-accession".into(), 1);
        seed_text_hashing(0x5eed);
        assert!(text_hashing_is_seeded());
        assert_eq!(map.get("nato-accession"), Some(&1));
        let later: TextSet<&str> = ["nato-accession"].into_iter().collect();
        assert!(later.contains("nato-accession"));
    }
}
