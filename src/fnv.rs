//! FNV-1a (64-bit): a tiny hash that is the same in every process and
//! build, unlike std's seeded hasher. Used where a hash is stored or sent:
//! the catalog's fingerprint, the learned screen's feature keys (its
//! committed weights depend on them) and the feedback buttons' link tags.

/// The hash of no bytes; start here and [`extend`].
pub const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0100_0000_01b3;

/// Continue hash `h` over `bytes`.
#[inline]
pub fn extend(mut h: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(PRIME);
    }
    h
}

/// The hash of `bytes`.
pub fn hash(bytes: &[u8]) -> u64 {
    extend(OFFSET, bytes.iter().copied())
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_values() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(super::hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(super::hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(super::hash(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
