//! Word clusters from unlabelled text, for the tagger's cluster features.
//!
//! Brown clustering is the classic choice but its cost grows with the square of the number
//! of clusters; this builds the same kind of resource more cheaply. Each frequent word gets
//! a distributional vector (positive PMI with the frequent words just before and just after
//! it), words are grouped by spherical k-means, and the fine clusters' centroids are grouped
//! again into coarser levels, so every word has a coarse-to-fine path like a Brown prefix.

use crate::norm::normalise;
use newsgraph_text::{Document, TokenKind};
use std::collections::HashMap;

pub struct Config {
    /// Cluster counts, coarse to fine (at most [`crate::lexicon::CLUSTER_LEVELS`]).
    pub levels: Vec<usize>,
    /// Words seen fewer times are not clustered.
    pub min_count: usize,
    /// Context words: the most frequent ones.
    pub contexts: usize,
    pub iterations: usize,
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config { levels: vec![64, 256, 1024], min_count: 4, contexts: 1500, iterations: 12, seed: 7 }
    }
}

/// Counts words and neighbours over texts; then [`Counts::cluster`].
#[derive(Default)]
pub struct Counts {
    ids: HashMap<String, u32>,
    words: Vec<String>,
    freq: Vec<u64>,
    /// Sequence of word ids per sentence, with u32::MAX at boundaries.
    stream: Vec<u32>,
}

const BOUNDARY: u32 = u32::MAX;

impl Counts {
    pub fn add_text(&mut self, text: &str) {
        let doc = Document::new(text);
        let mut buf = Vec::new();
        for s in &doc.sentences {
            self.stream.push(BOUNDARY);
            for t in doc.sentence_tokens(s) {
                if t.kind == TokenKind::Punct && !matches!(doc.slice(t.span), "," | "(" | ")" | "\"" | "“" | "”") {
                    continue;
                }
                buf.clear();
                normalise(doc.slice(t.span), &mut buf);
                let w: String = buf.iter().collect();
                let id = match self.ids.get(&w) {
                    Some(&i) => i,
                    None => {
                        let i = self.words.len() as u32;
                        self.ids.insert(w.clone(), i);
                        self.words.push(w);
                        self.freq.push(0);
                        i
                    }
                };
                self.freq[id as usize] += 1;
                self.stream.push(id);
            }
        }
        self.stream.push(BOUNDARY);
    }

    pub fn tokens(&self) -> usize {
        self.stream.iter().filter(|&&x| x != BOUNDARY).count()
    }

    /// Clusters the frequent words; returns the lines of `lexicons/ner/clusters.txt`.
    pub fn cluster(&self, cfg: &Config, log: &mut dyn FnMut(&str)) -> Vec<String> {
        let mut by_freq: Vec<u32> = (0..self.words.len() as u32).collect();
        by_freq.sort_by_key(|&i| std::cmp::Reverse(self.freq[i as usize]));
        // Context dimensions: left and right neighbour among the most frequent words.
        let nctx = cfg.contexts.min(by_freq.len());
        let mut ctx_of = vec![u32::MAX; self.words.len()];
        for (d, &w) in by_freq[..nctx].iter().enumerate() {
            ctx_of[w as usize] = d as u32;
        }
        let targets: Vec<u32> = by_freq.iter().copied().take_while(|&w| self.freq[w as usize] >= cfg.min_count as u64).collect();
        let mut row_of = vec![u32::MAX; self.words.len()];
        for (r, &w) in targets.iter().enumerate() {
            row_of[w as usize] = r as u32;
        }
        let dims = 2 * nctx + 2;
        let mut counts: Vec<HashMap<u32, f32>> = vec![HashMap::new(); targets.len()];
        let mut ctx_total = vec![0f64; dims];
        for k in 0..self.stream.len() {
            let w = self.stream[k];
            if w == BOUNDARY || row_of[w as usize] == u32::MAX {
                continue;
            }
            let r = row_of[w as usize] as usize;
            let left = if k > 0 { self.stream[k - 1] } else { BOUNDARY };
            let right = self.stream.get(k + 1).copied().unwrap_or(BOUNDARY);
            let l = if left == BOUNDARY {
                2 * nctx as u32
            } else if ctx_of[left as usize] != u32::MAX {
                ctx_of[left as usize]
            } else {
                u32::MAX
            }; // a rare neighbour adds no dimension
            let rr = if right == BOUNDARY {
                2 * nctx as u32 + 1
            } else if ctx_of[right as usize] != u32::MAX {
                nctx as u32 + ctx_of[right as usize]
            } else {
                u32::MAX
            }; // a rare neighbour adds no dimension
            for d in [l, rr] {
                if d != u32::MAX {
                    *counts[r].entry(d).or_insert(0.0) += 1.0;
                    ctx_total[d as usize] += 1.0;
                }
            }
        }
        let total: f64 = ctx_total.iter().sum::<f64>().max(1.0);
        // Positive PMI, then unit length.
        let vecs: Vec<Vec<(u32, f32)>> = counts
            .iter()
            .map(|c| {
                let n: f32 = c.values().sum::<f32>().max(1.0);
                let mut v: Vec<(u32, f32)> = c
                    .iter()
                    .filter_map(|(&d, &x)| {
                        let pmi = ((x as f64 * total) / (n as f64 * ctx_total[d as usize])).ln();
                        (pmi > 0.0).then_some((d, pmi as f32))
                    })
                    .collect();
                v.sort_by_key(|e| e.0);
                let norm = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt().max(1e-9);
                for e in &mut v {
                    e.1 /= norm;
                }
                v
            })
            .collect();
        log(&format!("{} words to cluster, {dims} context dimensions", targets.len()));

        let fine = *cfg.levels.last().unwrap_or(&256);
        let (assign, centroids) = kmeans_sparse(&vecs, dims, fine.min(vecs.len().max(1)), cfg.iterations, cfg.seed, log);
        // Coarser levels: cluster the fine centroids; each is put in front of the path.
        let mut paths: Vec<Vec<usize>> = assign.iter().map(|&a| vec![a]).collect();
        for &k in cfg.levels.iter().rev().skip(1) {
            let dense: Vec<Vec<(u32, f32)>> = centroids
                .iter()
                .map(|c| {
                    let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
                    c.iter().enumerate().filter(|e| *e.1 != 0.0).map(|(d, &x)| (d as u32, x / norm)).collect()
                })
                .collect();
            let (up, _) = kmeans_sparse(&dense, dims, k.min(dense.len().max(1)), cfg.iterations, cfg.seed + k as u64, &mut |_| {});
            for p in paths.iter_mut() {
                let fine_id = *p.last().unwrap_or(&0);
                p.insert(0, up[fine_id]);
            }
        }
        targets
            .iter()
            .zip(paths)
            .map(|(&w, p)| format!("{}\t{}", self.words[w as usize], p.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(" ")))
            .collect()
    }
}

/// Spherical k-means over unit-length sparse vectors; returns assignments and dense
/// centroids.
fn kmeans_sparse(vecs: &[Vec<(u32, f32)>], dims: usize, k: usize, iterations: usize, seed: u64, log: &mut dyn FnMut(&str)) -> (Vec<usize>, Vec<Vec<f32>>) {
    let n = vecs.len();
    let k = k.max(1);
    let mut rng = seed.max(1);
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    // Transposed centroids: ct[d * k + c].
    let mut ct = vec![0f32; dims * k];
    for c in 0..k {
        let v = &vecs[(next() % n.max(1) as u64) as usize];
        for &(d, x) in v {
            ct[d as usize * k + c] = x;
        }
    }
    let mut assign = vec![0usize; n];
    let mut sims = vec![0f32; k];
    for it in 0..iterations {
        let mut moved = 0;
        for (i, v) in vecs.iter().enumerate() {
            sims.iter_mut().for_each(|s| *s = 0.0);
            for &(d, x) in v {
                let row = &ct[d as usize * k..d as usize * k + k];
                for (s, &c) in sims.iter_mut().zip(row) {
                    *s += x * c;
                }
            }
            let best = sims.iter().enumerate().fold((0, f32::NEG_INFINITY), |b, (c, &s)| if s > b.1 { (c, s) } else { b }).0;
            if best != assign[i] || it == 0 {
                moved += 1;
            }
            assign[i] = best;
        }
        // New centroids: normalised sums; an empty cluster takes a random word.
        ct.iter_mut().for_each(|x| *x = 0.0);
        let mut size = vec![0usize; k];
        for (i, v) in vecs.iter().enumerate() {
            size[assign[i]] += 1;
            for &(d, x) in v {
                ct[d as usize * k + assign[i]] += x;
            }
        }
        for c in 0..k {
            if size[c] == 0 {
                let v = &vecs[(next() % n.max(1) as u64) as usize];
                for &(d, x) in v {
                    ct[d as usize * k + c] = x;
                }
            }
        }
        let mut norms = vec![0f32; k];
        for d in 0..dims {
            for c in 0..k {
                norms[c] += ct[d * k + c] * ct[d * k + c];
            }
        }
        for d in 0..dims {
            for c in 0..k {
                ct[d * k + c] /= norms[c].sqrt().max(1e-9);
            }
        }
        log(&format!("k-means k={k} iteration {}: {moved} moved", it + 1));
        if moved == 0 {
            break;
        }
    }
    let centroids = (0..k).map(|c| (0..dims).map(|d| ct[d * k + c]).collect()).collect();
    (assign, centroids)
}

/// The `text` of every line of a JSON Lines file (gzip-compressed if it ends in `.gz`).
pub fn read_jsonl_texts(path: &std::path::Path) -> Result<Vec<String>, String> {
    use std::io::{BufRead, BufReader, Read};
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") { Box::new(flate2::read::GzDecoder::new(file)) } else { Box::new(file) };
    let mut out = Vec::new();
    for line in BufReader::new(reader).lines() {
        let line = line.map_err(|e| format!("{}: {e}", path.display()))?;
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&line)
            && let Some(t) = v.get("text").and_then(|t| t.as_str())
        {
            out.push(t.to_string());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_like_contexts_share_a_cluster() {
        let mut c = Counts::default();
        for _ in 0..20 {
            c.add_text("He went to Paris on Monday. He went to London on Monday. She flew to Paris on Friday. She flew to London on Friday.");
            c.add_text("The cat ate the fish. The dog ate the meat. The cat ate the meat. The dog ate the fish.");
        }
        let cfg = Config { levels: vec![2, 4], min_count: 2, contexts: 50, iterations: 10, seed: 3 };
        let lines = c.cluster(&cfg, &mut |_| {});
        let path = |w: &str| lines.iter().find(|l| l.starts_with(&format!("{w}\t"))).map(|l| l.split('\t').nth(1).unwrap().to_string());
        assert_eq!(path("paris"), path("london"));
        assert_eq!(path("cat"), path("dog"));
        assert!(path("paris").is_some_and(|p| p.split(' ').count() == 2));
    }
}
