//! Feature hashing: every feature is a 64-bit hash of its template and its values,
//! folded into a fixed-size weight table. No feature dictionary is stored, so the model
//! is one table of numbers and the tagger never allocates a feature string.

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mixes one 64-bit value into a running hash (a multiply-xorshift step; quality is ample
/// for bucketing, and it is a few instructions).
#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    let v = (h ^ x).wrapping_mul(K);
    v ^ (v >> 29)
}

/// Hash of a byte string (FNV-1a, finished with [`mix`]).
#[inline]
pub fn bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in b {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    mix(h, b.len() as u64)
}

/// Hash of a feature: its template id and one value.
#[inline]
pub fn feat(template: u32, value: u64) -> u64 {
    mix(mix(0x5151_7cc1_b727_220a, template as u64), value)
}

/// Hash of a feature with two values (conjunctions, context pairs).
#[inline]
pub fn feat2(template: u32, a: u64, b: u64) -> u64 {
    mix(feat(template, a), b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_inputs_distinct_hashes() {
        assert_ne!(bytes(b"paris"), bytes(b"pariss"));
        assert_ne!(feat(1, 7), feat(2, 7));
        assert_ne!(feat2(1, 7, 8), feat2(1, 8, 7));
        assert_eq!(bytes(b"kyiv"), bytes(b"kyiv"));
    }
}
