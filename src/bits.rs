//! A set of small integers, one bit each.
//!
//! Per-question sets of dense ids (pages already shown, terms already
//! picked, phrase words a sentence has) are small: clearing a few dozen
//! words costs less than hashing every id into a set that grows.

/// Ids `0..len`, each in or out.
#[derive(Debug, Clone, Default)]
pub struct Bits {
    words: Vec<u64>,
}

impl Bits {
    /// An empty set of ids below `len`.
    pub fn new(len: usize) -> Bits {
        let mut bits = Bits::default();
        bits.reset(len);
        bits
    }

    /// Empty the set and make room for ids below `len`, keeping the
    /// allocation for the next sentence or question.
    pub fn reset(&mut self, len: usize) {
        self.words.clear();
        self.words.resize(len.div_ceil(64), 0);
    }

    /// Is `i` in the set? Ids beyond `len` never are.
    pub fn contains(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Add `i` (below `len`); true when it was not in the set before.
    pub fn insert(&mut self, i: usize) -> bool {
        let (word, bit) = (&mut self.words[i / 64], 1u64 << (i % 64));
        let new = *word & bit == 0;
        *word |= bit;
        new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_once_and_resets() {
        let mut b = Bits::new(130);
        assert!(b.insert(0) && b.insert(129));
        assert!(!b.insert(129));
        assert!(b.contains(0) && b.contains(129) && !b.contains(64));
        assert!(!b.contains(1_000), "beyond the range is never in");
        b.reset(130);
        assert!(!b.contains(0) && b.insert(0));
    }
}
