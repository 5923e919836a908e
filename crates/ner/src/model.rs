//! The tagger's model: a hashed table of per-label weights, a label-transition matrix, and
//! Viterbi decoding over BILOU labels with the invalid transitions ruled out.
//!
//! File format (`models/ner.bin`): the magic `NGNER`, a format byte, then a deflate stream
//! of: feature version (u32), bits (u32), label count (u32), weight scale (f32), start and
//! transition weights (f32), and the weight table as i16 (row = bucket, column = label),
//! all little-endian.

use crate::features::{DocFeatures, History};
use std::io::{Read, Write};

/// Entity types as CoNLL-2003 has them.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// O, then B, I, L, U for each type.
pub const L: usize = 1 + 4 * TYPES.len();
/// Changes whenever the features change, so an old model is never read with new features.
pub const FEATURE_VERSION: u32 = 6;
const MAGIC: &[u8; 6] = b"NGNER\x01";

pub const O: u8 = 0;
#[inline]
pub fn label(ty: usize, part: usize) -> u8 {
    (1 + ty * 4 + part) as u8
}
/// The type of a label (None for O) and its part: 0 B, 1 I, 2 L, 3 U.
#[inline]
pub fn split(l: u8) -> Option<(usize, usize)> {
    if l == 0 { None } else { Some(((l as usize - 1) / 4, (l as usize - 1) % 4)) }
}

/// Whether label `b` may follow label `a` in BILOU.
pub fn allowed(a: u8, b: u8) -> bool {
    let inside_a = matches!(split(a), Some((_, 0 | 1)));
    match (split(a), split(b)) {
        (Some((ta, 0 | 1)), Some((tb, 1 | 2))) => ta == tb,
        (_, Some((_, 1 | 2))) => false,
        _ => !inside_a,
    }
}
pub fn allowed_start(b: u8) -> bool {
    !matches!(split(b), Some((_, 1 | 2)))
}
pub fn allowed_end(a: u8) -> bool {
    !matches!(split(a), Some((_, 0 | 1)))
}

/// Per-label emission scores of one token.
pub type Scores = [f32; L];

/// Anything that can score a token's features: the shipped quantised model, or the
/// trainer's floating-point weights.
pub trait Scorer {
    fn bits(&self) -> u32;
    fn emit(&self, feats: &[u32], extra: &[u32], out: &mut Scores);
    fn start(&self) -> &Scores;
    fn trans(&self) -> &[Scores; L];
}

/// The shipped model, with i16 weights.
pub struct Model {
    bits: u32,
    scale: f32,
    start: Scores,
    trans: [Scores; L],
    weights: Vec<i16>,
}

impl Scorer for Model {
    fn bits(&self) -> u32 {
        self.bits
    }
    #[inline]
    fn emit(&self, feats: &[u32], extra: &[u32], out: &mut Scores) {
        let mut acc = [0i32; L];
        for &f in feats.iter().chain(extra) {
            let row = &self.weights[f as usize * L..f as usize * L + L];
            for (a, &w) in acc.iter_mut().zip(row) {
                *a += w as i32;
            }
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o = a as f32 * self.scale;
        }
    }
    fn start(&self) -> &Scores {
        &self.start
    }
    fn trans(&self) -> &[Scores; L] {
        &self.trans
    }
}

impl Model {
    /// Quantises floating-point weights into a model.
    pub fn from_f32(bits: u32, weights: &[f32], start: Scores, trans: [Scores; L]) -> Model {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
        let scale = max / 32767.0;
        let weights = weights.iter().map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16).collect();
        Model { bits, scale, start, trans, weights }
    }

    pub fn size_in_memory(&self) -> usize {
        self.weights.len() * 2
    }

    pub fn bits_(&self) -> u32 {
        self.bits
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::with_capacity(self.weights.len() * 2 + 4096);
        for v in [FEATURE_VERSION, self.bits, L as u32] {
            raw.extend_from_slice(&v.to_le_bytes());
        }
        raw.extend_from_slice(&self.scale.to_le_bytes());
        for v in self.start.iter().chain(self.trans.iter().flatten()) {
            raw.extend_from_slice(&v.to_le_bytes());
        }
        for w in &self.weights {
            raw.extend_from_slice(&w.to_le_bytes());
        }
        let mut out = MAGIC.to_vec();
        let mut enc = flate2::write::DeflateEncoder::new(&mut out, flate2::Compression::best());
        let _ = enc.write_all(&raw);
        let _ = enc.finish();
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let body = bytes.strip_prefix(MAGIC.as_slice()).ok_or("not a newsgraph NER model")?;
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(body).read_to_end(&mut raw).map_err(|e| format!("corrupt model: {e}"))?;
        let mut pos = 0;
        let mut word = || -> Result<[u8; 4], String> {
            let b = raw.get(pos..pos + 4).ok_or("truncated model")?;
            pos += 4;
            Ok([b[0], b[1], b[2], b[3]])
        };
        let version = u32::from_le_bytes(word()?);
        if version != FEATURE_VERSION {
            return Err(format!("model has feature version {version}, this build expects {FEATURE_VERSION}: retrain it"));
        }
        let bits = u32::from_le_bytes(word()?);
        let labels = u32::from_le_bytes(word()?) as usize;
        if labels != L || !(8..=26).contains(&bits) {
            return Err("model has an unexpected shape".into());
        }
        let scale = f32::from_le_bytes(word()?);
        let mut start = [0f32; L];
        for s in start.iter_mut() {
            *s = f32::from_le_bytes(word()?);
        }
        let mut trans = [[0f32; L]; L];
        for s in trans.iter_mut().flatten() {
            *s = f32::from_le_bytes(word()?);
        }
        let rest = &raw[pos..];
        let n = (1usize << bits) * L;
        if rest.len() != n * 2 {
            return Err("model weight table has the wrong size".into());
        }
        let weights = rest.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect();
        Ok(Model { bits, scale, start, trans, weights })
    }
}

/// Viterbi over one sentence's emissions; writes the best valid label sequence to `out`.
pub fn viterbi(s: &dyn Scorer, em: &[Scores], back: &mut Vec<[u8; L]>, out: &mut Vec<u8>) {
    out.clear();
    let n = em.len();
    if n == 0 {
        return;
    }
    back.clear();
    back.resize(n, [0; L]);
    let trans = s.trans();
    let mut cur = [f32::NEG_INFINITY; L];
    for b in 0..L {
        if allowed_start(b as u8) {
            cur[b] = s.start()[b] + em[0][b];
        }
    }
    for t in 1..n {
        let mut next = [f32::NEG_INFINITY; L];
        for b in 0..L {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for a in 0..L {
                if cur[a] == f32::NEG_INFINITY || !ALLOWED[a][b] {
                    continue;
                }
                let v = cur[a] + trans[a][b];
                if v > best {
                    best = v;
                    arg = a as u8;
                }
            }
            next[b] = best + em[t][b];
            back[t][b] = arg;
        }
        cur = next;
    }
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0u8;
    for (b, &v) in cur.iter().enumerate() {
        if allowed_end(b as u8) && v > best {
            best = v;
            arg = b as u8;
        }
    }
    out.resize(n, 0);
    out[n - 1] = arg;
    for t in (1..n).rev() {
        out[t - 1] = back[t][out[t] as usize];
    }
}

static ALLOWED: std::sync::LazyLock<[[bool; L]; L]> = std::sync::LazyLock::new(|| {
    let mut m = [[false; L]; L];
    for (a, row) in m.iter_mut().enumerate() {
        for (b, v) in row.iter_mut().enumerate() {
            *v = allowed(a as u8, b as u8);
        }
    }
    m
});

/// The order in which a document's sentences are decoded: the body first, then sentences
/// in capitals (headlines, datelines), which then see the types their words got in the body.
pub fn decode_order(df: &DocFeatures) -> Vec<usize> {
    let mut order: Vec<usize> = (0..df.caps_sentence.len()).filter(|&s| !df.caps_sentence[s]).collect();
    order.extend((0..df.caps_sentence.len()).filter(|&s| df.caps_sentence[s]));
    order
}

/// Scratch space for decoding one sentence.
#[derive(Default)]
pub struct Decoder {
    pub em: Vec<Scores>,
    pub extra: Vec<([u32; 2], usize)>,
    pub labels: Vec<u8>,
    back: Vec<[u8; L]>,
}

impl Decoder {
    /// Decodes the tokens `range` of a document whose static features are `df`, given the
    /// history so far. Leaves emissions, history features and labels in `self`.
    pub fn decode(&mut self, s: &dyn Scorer, df: &DocFeatures, hist: &History, range: std::ops::Range<usize>) {
        self.em.clear();
        self.extra.clear();
        for i in range {
            let mut x = [0u32; 2];
            let k = hist.features(df.keys[i], s.bits(), &mut x);
            let mut e = [0f32; L];
            s.emit(df.of(i), &x[..k], &mut e);
            self.em.push(e);
            self.extra.push((x, k));
        }
        viterbi(s, &self.em, &mut self.back, &mut self.labels);
    }
}

/// Adds a decoded sentence's labels to the document history.
pub fn record_history(hist: &mut History, df: &DocFeatures, start: usize, labels: &[u8]) {
    for (k, &l) in labels.iter().enumerate() {
        let i = start + k;
        if df.capitalised[i] {
            hist.add(df.keys[i], split(l).map_or(0, |(t, _)| t + 1));
        }
    }
}

/// Takes a sentence's labels back out of the history (before it is decoded again).
pub fn forget_history(hist: &mut History, df: &DocFeatures, start: usize, labels: &[u8]) {
    for (k, &l) in labels.iter().enumerate() {
        let i = start + k;
        if df.capitalised[i] {
            hist.remove(df.keys[i], split(l).map_or(0, |(t, _)| t + 1));
        }
    }
}

/// Entity chunks `(first token, end token, type)` of a valid BILOU sequence; tolerant of
/// invalid sequences (a stray I or L starts a chunk).
pub fn chunks(labels: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        match split(l) {
            None => open = None,
            Some((t, 3)) => {
                out.push((i, i + 1, t));
                open = None;
            }
            Some((t, 0)) => open = Some((i, t)),
            Some((t, part)) => {
                let s = match open {
                    Some((s, ot)) if ot == t => s,
                    _ => i,
                };
                if part == 2 {
                    out.push((s, i + 1, t));
                    open = None;
                } else {
                    open = Some((s, t));
                }
            }
        }
    }
    out
}

/// BILOU labels for `n` tokens from chunks.
pub fn encode(n: usize, chunks: &[(usize, usize, usize)]) -> Vec<u8> {
    let mut out = vec![O; n];
    for &(s, e, t) in chunks {
        if e <= s || e > n {
            continue;
        }
        if e - s == 1 {
            out[s] = label(t, 3);
        } else {
            out[s] = label(t, 0);
            for l in &mut out[s + 1..e - 1] {
                *l = label(t, 1);
            }
            out[e - 1] = label(t, 2);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_rules() {
        let b_per = label(0, 0);
        let i_per = label(0, 1);
        let l_per = label(0, 2);
        let u_org = label(1, 3);
        assert!(allowed(O, b_per) && allowed(b_per, l_per) && allowed(b_per, i_per) && allowed(l_per, u_org));
        assert!(!allowed(O, i_per) && !allowed(b_per, O) && !allowed(b_per, label(1, 2)));
        assert!(allowed_start(u_org) && !allowed_start(l_per) && !allowed_end(b_per));
    }

    #[test]
    fn chunks_roundtrip() {
        let c = vec![(0, 2, 0), (3, 4, 2), (4, 7, 1)];
        let l = encode(8, &c);
        assert_eq!(chunks(&l), c);
    }

    #[test]
    fn model_roundtrip_and_viterbi() {
        let bits = 8;
        let mut w = vec![0f32; (1 << bits) * L];
        // Feature 5 votes U-LOC strongly.
        w[5 * L + label(2, 3) as usize] = 3.0;
        let m = Model::from_f32(bits, &w, [0.0; L], [[0.0; L]; L]);
        let m2 = Model::from_bytes(&m.to_bytes()).unwrap();
        let mut e = [0f32; L];
        m2.emit(&[5], &[], &mut e);
        assert!((e[label(2, 3) as usize] - 3.0).abs() < 1e-3);
        let mut out = Vec::new();
        viterbi(&m2, &[[0.0; L], e], &mut Vec::new(), &mut out);
        assert_eq!(out, vec![O, label(2, 3)]);
        assert!(Model::from_bytes(b"junk").is_err());
        assert!(Model::from_bytes(b"NGNER\x01junk").is_err());
    }
}
