//! Training: a structured averaged perceptron (Collins 2002) over CoNLL-2003 files.
//!
//! The CoNLL text is rebuilt exactly as the evaluation feeds it to the engine (tokens joined
//! by one space, sentences by a newline) and re-tokenised by the engine's own tokenizer, so
//! the model learns on the tokens it will see at run time; gold chunks are carried over by
//! byte offsets. Within a document, sentences are decoded in run-time order (body, then
//! capitals) and the history features come from the model's own predictions, as at run time.

use crate::features::{DocFeatures, History};
use crate::model::{self, Decoder, L, Model, Scorer, Scores, TYPES};
use newsgraph_text::{Document, Span};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub struct Config {
    pub train: Vec<PathBuf>,
    pub dev: Option<PathBuf>,
    pub output: PathBuf,
    pub epochs: usize,
    /// log2 of the number of rows in the hashed weight table.
    pub bits: u32,
    pub seed: u64,
    /// Independent runs (seeds `seed`, `seed + 1`, …) whose averaged weights are averaged
    /// again into the shipped model: a cheap ensemble that evens out the luck of one
    /// shuffle order. With more than one run every run keeps its last epoch.
    pub runs: usize,
}

/// One training or evaluation document.
pub struct Sample {
    pub doc: Document,
    /// BILOU label per document token.
    pub gold: Vec<u8>,
    df: DocFeatures,
}

/// Reads a CoNLL-2003 file (IOB1 or IOB2 tags in the last column) into documents.
pub fn read_conll(path: &Path) -> Result<Vec<(Document, Vec<u8>)>, String> {
    read_conll_with(path, false)
}

/// [`read_conll`], optionally rewriting the ALL-CAPS lines of every other document in
/// Title Case: CoNLL's headlines are all capitals, news headlines are often title case,
/// and the tagger must learn that both say nothing about names.
pub fn read_conll_with(path: &Path, title_case: bool) -> Result<Vec<(Document, Vec<u8>)>, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs = Vec::new();
    let mut sents: Vec<Vec<(String, String)>> = Vec::new();
    let mut cur: Vec<(String, String)> = Vec::new();
    let flush_doc = |sents: &mut Vec<Vec<(String, String)>>, docs: &mut Vec<(Document, Vec<u8>)>| {
        if !sents.is_empty() {
            if title_case && docs.len() % 2 == 1 {
                for s in sents.iter_mut() {
                    title_case_if_caps(s);
                }
            }
            docs.push(build_doc(sents));
            sents.clear();
        }
    };
    for line in src.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            if !cur.is_empty() {
                sents.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            if !cur.is_empty() {
                sents.push(std::mem::take(&mut cur));
            }
            flush_doc(&mut sents, &mut docs);
            continue;
        }
        let tag = cols.last().copied().unwrap_or("O");
        cur.push((cols[0].to_string(), tag.to_string()));
    }
    if !cur.is_empty() {
        sents.push(cur);
    }
    flush_doc(&mut sents, &mut docs);
    Ok(docs)
}

/// Rewrites an ALL-CAPS sentence in Title Case (short function words in lower case).
fn title_case_if_caps(s: &mut [(String, String)]) {
    let letters = |w: &str| w.chars().any(char::is_alphabetic);
    let words = s.iter().filter(|(w, _)| letters(w)).count();
    if words < 2 || s.iter().any(|(w, _)| w.chars().any(char::is_lowercase)) {
        return;
    }
    const SMALL: [&str; 12] = ["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"];
    for (k, (w, _)) in s.iter_mut().enumerate() {
        if !letters(w) {
            continue;
        }
        let lower = w.to_lowercase();
        *w = if k > 0 && SMALL.contains(&lower.as_str()) {
            lower
        } else {
            let mut cs = lower.chars();
            cs.next().map_or(String::new(), |c| c.to_uppercase().chain(cs).collect())
        };
    }
}

fn type_index(t: &str) -> Option<usize> {
    TYPES.iter().position(|&x| x == t)
}

/// Rebuilds one document's text and carries its gold chunks onto the engine's tokens.
fn build_doc(sents: &[Vec<(String, String)>]) -> (Document, Vec<u8>) {
    let mut text = String::new();
    // Gold chunks as byte spans with a type.
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        if si > 0 {
            text.push('\n');
        }
        let mut open: Option<(usize, usize, usize)> = None; // (start byte, end byte, type)
        let mut prev_type: Option<usize> = None;
        for (k, (w, tag)) in s.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(w);
            let end = text.len();
            let (prefix, ty) = match tag.split_once('-') {
                Some((p, t)) => (p, type_index(t)),
                None => ("O", None),
            };
            match ty {
                None => {
                    if let Some(o) = open.take() {
                        spans.push(o);
                    }
                }
                Some(t) => {
                    let begins = prefix == "B" || prev_type != Some(t);
                    if begins {
                        if let Some(o) = open.take() {
                            spans.push(o);
                        }
                        open = Some((start, end, t));
                    } else if let Some(o) = open.as_mut() {
                        o.1 = end;
                    }
                }
            }
            prev_type = ty;
        }
        if let Some(o) = open.take() {
            spans.push(o);
        }
    }
    let doc = Document::new(text);
    let mut sent_of = vec![0usize; doc.tokens.len()];
    for (si, s) in doc.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            sent_of[i] = si;
        }
    }
    let mut chunks = Vec::new();
    for (s, e, t) in spans {
        let mut i = doc.token_at_or_after(s);
        while i < doc.tokens.len() && doc.tokens[i].span.end <= e {
            let first = i;
            while i + 1 < doc.tokens.len() && doc.tokens[i + 1].span.end <= e && sent_of[i + 1] == sent_of[first] {
                i += 1;
            }
            chunks.push((first, i + 1, t));
            i += 1;
        }
    }
    let gold = model::encode(doc.tokens.len(), &chunks);
    (doc, gold)
}

/// The perceptron's weights while training, with the sums for averaging.
struct Trainer {
    bits: u32,
    w: Vec<f32>,
    acc: Vec<f64>,
    start: Scores,
    start_acc: [f64; L],
    trans: [Scores; L],
    trans_acc: [[f64; L]; L],
    /// Updates so far (the averaging clock).
    c: f64,
}

impl Scorer for Trainer {
    fn bits(&self) -> u32 {
        self.bits
    }
    fn emit(&self, feats: &[u32], extra: &[u32], out: &mut Scores) {
        *out = [0.0; L];
        for &f in feats.iter().chain(extra) {
            let row = &self.w[f as usize * L..f as usize * L + L];
            for (o, &w) in out.iter_mut().zip(row) {
                *o += w;
            }
        }
    }
    fn start(&self) -> &Scores {
        &self.start
    }
    fn trans(&self) -> &[Scores; L] {
        &self.trans
    }
}

impl Trainer {
    fn new(bits: u32) -> Self {
        let n = (1usize << bits) * L;
        Trainer { bits, w: vec![0.0; n], acc: vec![0.0; n], start: [0.0; L], start_acc: [0.0; L], trans: [[0.0; L]; L], trans_acc: [[0.0; L]; L], c: 1.0 }
    }

    fn bump(&mut self, feats: &[u32], label: u8, d: f32) {
        for &f in feats {
            let k = f as usize * L + label as usize;
            self.w[k] += d;
            self.acc[k] += self.c * d as f64;
        }
    }

    /// The averaged weights, quantised as they ship.
    fn averaged(&self) -> Model {
        let (w, start, trans) = self.averaged_f32();
        Model::from_f32(self.bits, &w, start, trans)
    }

    /// The averaged weights in floating point.
    fn averaged_f32(&self) -> (Vec<f32>, Scores, [Scores; L]) {
        let c = self.c;
        let w: Vec<f32> = self.w.iter().zip(&self.acc).map(|(&w, &a)| (w as f64 - a / c) as f32).collect();
        let start: Scores = std::array::from_fn(|b| (self.start[b] as f64 - self.start_acc[b] / c) as f32);
        let trans: [Scores; L] = std::array::from_fn(|a| std::array::from_fn(|b| (self.trans[a][b] as f64 - self.trans_acc[a][b] / c) as f32));
        (w, start, trans)
    }

    /// One perceptron step on one sentence.
    fn learn(&mut self, s: &Sample, dec: &mut Decoder, hist: &mut History, range: std::ops::Range<usize>, remember: bool) -> bool {
        dec.decode(self, &s.df, hist, range.clone());
        let gold = &s.gold[range.clone()];
        let pred = dec.labels.clone();
        let wrong = pred != gold;
        if wrong {
            for k in 0..pred.len() {
                let (g, p) = (gold[k], pred[k]);
                if g != p {
                    let i = range.start + k;
                    let (x, n) = dec.extra[k];
                    self.bump(s.df.of(i), g, 1.0);
                    self.bump(&x[..n], g, 1.0);
                    self.bump(s.df.of(i), p, -1.0);
                    self.bump(&x[..n], p, -1.0);
                }
                let (gp, pp) = if k == 0 { (None, None) } else { (Some(gold[k - 1]), Some(pred[k - 1])) };
                if (gp, g) != (pp, p) {
                    match gp {
                        None => {
                            self.start[g as usize] += 1.0;
                            self.start_acc[g as usize] += self.c;
                        }
                        Some(a) => {
                            self.trans[a as usize][g as usize] += 1.0;
                            self.trans_acc[a as usize][g as usize] += self.c;
                        }
                    }
                    match pp {
                        None => {
                            self.start[p as usize] -= 1.0;
                            self.start_acc[p as usize] -= self.c;
                        }
                        Some(a) => {
                            self.trans[a as usize][p as usize] -= 1.0;
                            self.trans_acc[a as usize][p as usize] -= self.c;
                        }
                    }
                }
            }
        }
        if remember {
            model::record_history(hist, &s.df, range.start, &pred);
        }
        self.c += 1.0;
        wrong
    }
}

/// Precision, recall and F1 of entity chunks, overall and per CoNLL type.
#[derive(Debug, Default, Clone)]
pub struct Eval {
    pub tp: [usize; 4],
    pub pred: [usize; 4],
    pub gold: [usize; 4],
}

impl Eval {
    fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
        let p = if pred == 0 { 0.0 } else { tp as f64 / pred as f64 };
        let r = if gold == 0 { 0.0 } else { tp as f64 / gold as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }
    /// Overall F1 over the types in `types`.
    pub fn f1(&self, types: &[usize]) -> f64 {
        let s = |a: &[usize; 4]| types.iter().map(|&t| a[t]).sum::<usize>();
        Self::prf(s(&self.tp), s(&self.pred), s(&self.gold)).2
    }
    pub fn summary(&self) -> String {
        let mut out = format!("F1 {:.2} (no MISC {:.2});", 100.0 * self.f1(&[0, 1, 2, 3]), 100.0 * self.f1(&[0, 1, 2]));
        for (t, name) in TYPES.iter().enumerate() {
            let (p, r, f) = Self::prf(self.tp[t], self.pred[t], self.gold[t]);
            out += &format!(" {name} P {:.1} R {:.1} F {:.1};", 100.0 * p, 100.0 * r, 100.0 * f);
        }
        out
    }
}

/// Scores a model on samples: exact chunk matches on the engine's tokens.
pub fn evaluate(s: &dyn Scorer, data: &[Sample]) -> Eval {
    let mut ev = Eval::default();
    for x in data {
        let pred: Vec<(usize, usize, usize)> = crate::chunks_with(s, &x.doc).into_iter().map(|c| (c.tokens.start, c.tokens.end, c.ty)).collect();
        let gold = model::chunks(&x.gold);
        for &(_, _, t) in &pred {
            ev.pred[t] += 1;
        }
        for g in &gold {
            ev.gold[g.2] += 1;
            if pred.contains(g) {
                ev.tp[g.2] += 1;
            }
        }
    }
    ev
}

fn load(paths: &[PathBuf], bits: u32, title_case: bool) -> Result<Vec<Sample>, String> {
    let mut out = Vec::new();
    for p in paths {
        for (doc, gold) in read_conll_with(p, title_case)? {
            let mut df = DocFeatures::new();
            df.compute(&doc, bits);
            out.push(Sample { doc, gold, df });
        }
    }
    Ok(out)
}

/// What a training run did.
pub struct Report {
    pub best_epoch: usize,
    pub dev: Option<Eval>,
    pub seconds: f64,
    pub model_bytes: usize,
}

/// Trains a model and writes it to `cfg.output`; `log` receives progress lines.
pub fn run(cfg: &Config, log: &mut dyn FnMut(&str)) -> Result<Report, String> {
    let t0 = Instant::now();
    let bits = cfg.bits.clamp(12, 24);
    let train = load(&cfg.train, bits, true)?;
    let dev = match &cfg.dev {
        Some(p) => load(std::slice::from_ref(p), bits, false)?,
        None => Vec::new(),
    };
    let ntok: usize = train.iter().map(|s| s.doc.tokens.len()).sum();
    log(&format!("{} training documents ({ntok} tokens), {} dev documents; features read in {:.1}s", train.len(), dev.len(), t0.elapsed().as_secs_f64()));
    let runs = cfg.runs.max(1);
    let mut sum: Option<(Vec<f32>, Scores, [Scores; L])> = None;
    let mut kept = None;
    for run in 0..runs {
        let mut tr = Trainer::new(bits);
        let best = train_one(&mut tr, &train, &dev, cfg.epochs.max(1), cfg.seed.wrapping_add(run as u64), runs == 1, &t0, log);
        if runs == 1 {
            kept = Some(best);
            break;
        }
        let (w, start, trans) = tr.averaged_f32();
        match sum.as_mut() {
            None => sum = Some((w, start, trans)),
            Some(s) => {
                s.0.iter_mut().zip(&w).for_each(|(a, b)| *a += b);
                s.1.iter_mut().zip(&start).for_each(|(a, b)| *a += b);
                s.2.iter_mut().flatten().zip(trans.iter().flatten()).for_each(|(a, b)| *a += b);
            }
        }
        log(&format!("run {} of {runs} done; {:.0}s", run + 1, t0.elapsed().as_secs_f64()));
    }
    let (best_epoch, m, ev) = match (kept, sum) {
        (Some(Some(b)), _) => (b.1, b.2, b.3),
        (_, Some((mut w, mut start, mut trans))) => {
            let k = 1.0 / runs as f32;
            w.iter_mut().for_each(|x| *x *= k);
            start.iter_mut().for_each(|x| *x *= k);
            trans.iter_mut().flatten().for_each(|x| *x *= k);
            let m = Model::from_f32(bits, &w, start, trans);
            let ev = (!dev.is_empty()).then(|| evaluate(&m, &dev));
            if let Some(e) = &ev {
                log(&format!("ensemble of {runs} runs: dev {}", e.summary()));
            }
            (cfg.epochs.max(1), m, ev)
        }
        _ => return Err("no epoch ran".into()),
    };
    let bytes = m.to_bytes();
    let tmp = cfg.output.with_extension("tmp");
    std::fs::write(&tmp, &bytes).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, &cfg.output).map_err(|e| format!("{}: {e}", cfg.output.display()))?;
    log(&format!("kept epoch {best_epoch}; wrote {} ({} bytes, 2^{bits} rows x {L} labels)", cfg.output.display(), bytes.len()));
    Ok(Report { best_epoch, dev: ev, seconds: t0.elapsed().as_secs_f64(), model_bytes: bytes.len() })
}

/// One training run; returns the best epoch on `dev` (the last one when `dev` is empty or
/// `keep_best` is false) with its model and dev scores. `tr` is left at the last epoch.
#[allow(clippy::too_many_arguments)]
fn train_one(
    tr: &mut Trainer,
    train: &[Sample],
    dev: &[Sample],
    epochs: usize,
    seed: u64,
    keep_best: bool,
    t0: &Instant,
    log: &mut dyn FnMut(&str),
) -> Option<(f64, usize, Model, Option<Eval>)> {
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = seed.max(1);
    let mut best: Option<(f64, usize, Model, Option<Eval>)> = None;
    let mut dec = Decoder::default();
    let mut hist = History::default();
    for epoch in 1..=epochs {
        // Fisher-Yates with xorshift: a fresh document order each epoch.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut errors = 0;
        let mut sentences = 0;
        for &d in &order {
            let s = &train[d];
            hist.clear();
            for si in model::decode_order(&s.df) {
                let r = s.doc.sentences[si].tokens.clone();
                errors += tr.learn(s, &mut dec, &mut hist, r, !s.df.caps_sentence[si]) as usize;
                sentences += 1;
            }
        }
        // Scoring every epoch on dev costs a decode of it; skip it when nothing is chosen.
        if !keep_best && epoch < epochs {
            log(&format!("epoch {epoch}: {errors}/{sentences} sentences wrong; {:.0}s", t0.elapsed().as_secs_f64()));
            continue;
        }
        let m = tr.averaged();
        let (score, ev) = if dev.is_empty() {
            (epoch as f64, None)
        } else {
            let ev = evaluate(&m, dev);
            (ev.f1(&[0, 1, 2, 3]), Some(ev))
        };
        log(&format!(
            "epoch {epoch}: {errors}/{sentences} sentences wrong; dev {}; {:.0}s",
            ev.as_ref().map_or("-".into(), Eval::summary),
            t0.elapsed().as_secs_f64()
        ));
        if !keep_best || best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, epoch, m, ev));
        }
    }
    best
}

/// Byte span of a token range (for tools that print chunks).
pub fn span_of(doc: &Document, tokens: std::ops::Range<usize>) -> Span {
    Span::new(doc.tokens[tokens.start].span.start, doc.tokens[tokens.end - 1].span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_cases_capital_lines_only() {
        let mut s: Vec<(String, String)> =
            ["SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN", "OF", "THE", "CUP", "."].iter().map(|w| (w.to_string(), "O".to_string())).collect();
        title_case_if_caps(&mut s);
        let words: Vec<&str> = s.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, vec!["Soccer", "-", "Japan", "Get", "Lucky", "Win", "of", "the", "Cup", "."]);
        let mut t = vec![("Japan".to_string(), "I-LOC".to_string()), ("won".to_string(), "O".to_string())];
        title_case_if_caps(&mut t);
        assert_eq!(t[0].0, "Japan");
        assert_eq!(t[1].0, "won");
    }

    #[test]
    fn conll_chunks_map_onto_engine_tokens() {
        let sents = vec![
            vec![
                ("U.S.".into(), "I-LOC".into()),
                ("envoy".into(), "O".into()),
                ("Richard".into(), "I-PER".into()),
                ("Holbrooke".into(), "I-PER".into()),
                ("'s".into(), "O".into()),
            ],
            vec![("Fiat".into(), "I-ORG".into()), ("Spa".into(), "I-ORG".into()), ("Ford".into(), "B-ORG".into())],
        ];
        let (doc, gold) = build_doc(&sents);
        let words: Vec<&str> = model::chunks(&gold).iter().map(|&(s, e, _)| &doc.text[span_of(&doc, s..e).start..span_of(&doc, s..e).end]).collect();
        assert_eq!(words, vec!["U.S.", "Richard Holbrooke", "Fiat Spa", "Ford"]);
        assert_eq!(model::chunks(&gold).iter().map(|c| c.2).collect::<Vec<_>>(), vec![2, 0, 1, 1]);
    }
}
