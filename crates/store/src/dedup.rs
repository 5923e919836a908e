//! Telling copies apart from stories: an exact content hash for re-ingested articles, and
//! MinHash over word shingles for near-duplicates (syndicated wire copy, a re-headlined or
//! trimmed version), found through locality-sensitive hashing bands.
//!
//! Why MinHash over 5-word shingles: the share of 5-word runs two texts have in common
//! (their Jaccard similarity) is high for copies of one text, even edited, and near zero for
//! two independent reports of the same event, which share facts but rarely five words in a
//! row. 16 bands of 4 rows make a pair with similarity 0.7 a candidate with probability
//! 0.99 and one with 0.1 with probability 0.0016; candidates are then confirmed on the
//! signature estimate.

use crate::normalise::{fold, squash};
use sha2::{Digest, Sha256};

/// Hash functions in a signature.
pub const HASHES: usize = 64;
/// Rows per LSH band.
pub const ROWS: usize = 4;
/// Bands: `HASHES / ROWS`.
pub const BANDS: usize = HASHES / ROWS;
/// Words per shingle.
const SHINGLE: usize = 5;
/// Estimated Jaccard similarity at or above which two articles are near-duplicates.
pub const NEAR_DUP: f64 = 0.6;

/// The identity of an article's content: SHA-256 of its text with whitespace collapsed, so
/// a copy that differs only in layout is the same article. 16 bytes are kept.
pub fn content_hash(text: &str) -> Vec<u8> {
    let digest = Sha256::digest(squash(text).as_bytes());
    digest[..16].to_vec()
}

/// A short stable key for any text, for grouping repeats (quotes, claims).
pub fn key_hash(parts: &[&str]) -> Vec<u8> {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    h.finalize()[..12].to_vec()
}

/// A MinHash signature: for each of [`HASHES`] hash functions, the least hash of any shingle.
pub type Signature = [u64; HASHES];

/// Computes the signature of a text, or `None` when it has too few words to say anything
/// (fewer than one shingle): such texts are only ever linked by their exact hash.
pub fn signature(text: &str) -> Option<Signature> {
    let folded = fold(text);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() < SHINGLE {
        return None;
    }
    let mut sig = [u64::MAX; HASHES];
    for window in words.windows(SHINGLE) {
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for w in window {
            for b in w.bytes() {
                h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
            }
            h = (h ^ 0xff).wrapping_mul(0x0000_0100_0000_01b3);
        }
        let base = mix(h);
        for (i, slot) in sig.iter_mut().enumerate() {
            // One base hash, re-mixed per function: cheap and independent enough.
            let v = mix(base ^ SEEDS[i]);
            if v < *slot {
                *slot = v;
            }
        }
    }
    Some(sig)
}

/// The estimated Jaccard similarity of two signatures: the share of positions that agree.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

/// The bucket of each band: a hash of its rows, as a signed integer for SQLite.
pub fn bands(sig: &Signature) -> [i64; BANDS] {
    let mut out = [0i64; BANDS];
    for (b, slot) in out.iter_mut().enumerate() {
        let mut h = 0u64;
        for r in 0..ROWS {
            h = mix(h ^ sig[b * ROWS + r]);
        }
        *slot = h as i64;
    }
    out
}

pub fn to_bytes(sig: &Signature) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
    if bytes.len() != HASHES * 8 {
        return None;
    }
    let mut sig = [0u64; HASHES];
    for (i, chunk) in bytes.chunks_exact(8).enumerate() {
        sig[i] = u64::from_le_bytes(chunk.try_into().ok()?);
    }
    Some(sig)
}

/// SplitMix64's finaliser: a fast bijective mix of 64 bits.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Fixed per-function seeds (so signatures stay comparable across releases).
const SEEDS: [u64; HASHES] = {
    let mut s = [0u64; HASHES];
    let mut i = 0;
    let mut x = 0x1234_5678_9abc_def0u64;
    while i < HASHES {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        s[i] = z ^ (z >> 31);
        i += 1;
    }
    s
};

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Russian and Ukrainian negotiators will meet in Istanbul on Tuesday for the first \
        face-to-face talks in more than two weeks, officials said, as fighting continued around the \
        capital Kyiv and the besieged port city of Mariupol, where tens of thousands remain trapped \
        without water, heat or power according to the city's mayor.";

    #[test]
    fn content_hash_ignores_layout_only() {
        assert_eq!(content_hash("a  b\n\nc"), content_hash("a b c"));
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
    }

    #[test]
    fn copies_are_similar_and_other_stories_are_not() {
        let a = signature(STORY).unwrap();
        let edited = STORY.replace("on Tuesday", "on Tuesday morning").replace("officials said", "Turkish officials said");
        let b = signature(&format!("ISTANBUL (Reuters) - {edited}")).unwrap();
        let other = signature(
            "The central bank raised interest rates by half a percentage point on Wednesday, the largest \
             increase in two decades, saying inflation was running well above its target and would stay high.",
        )
        .unwrap();
        assert!(similarity(&a, &b) >= NEAR_DUP, "{}", similarity(&a, &b));
        assert!(similarity(&a, &other) < 0.2);
        let shared = bands(&a).iter().zip(bands(&b)).filter(|(x, y)| **x == *y).count();
        assert!(shared > 0);
    }

    #[test]
    fn short_texts_have_no_signature_and_bytes_round_trip() {
        assert!(signature("too short").is_none());
        let s = signature(STORY).unwrap();
        assert_eq!(from_bytes(&to_bytes(&s)), Some(s));
        assert_eq!(from_bytes(&[1, 2, 3]), None);
    }
}
