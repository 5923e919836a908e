//! Scale run and query benchmark for the corpus store.
//!
//! ```sh
//! # 1. A base store of real analysed articles (any corpus):
//! newsgraph ingest --db base.db corpus.jsonl.gz
//! # 2. Grow a store to N articles made from them, then time every query kind:
//! cargo run --release -p newsgraph-store --example scale -- --base base.db --db big.db --n 1000000
//! # or time the queries of an existing store only:
//! cargo run --release -p newsgraph-store --example scale -- --db base.db --bench-only
//! # (--runs N per query kind, --only WORDS to time the kinds whose name contains them)
//! ```
//!
//! How the articles are made (deterministic, seeded by their number): article `i` starts
//! from base article `i mod B` with its record as the engine wrote it. The first pass over
//! the base copies each article as is. After that, one article in ten is a syndicated copy
//! (2% of its words replaced), the rest are new stories (40% of words replaced, so few
//! 5-word shingles survive and MinHash sees a different text). Words are only replaced by
//! words of the same length outside every span of the record, so all evidence spans stay
//! exact. Each article gets its own URL, one of 60 outlets and a date spread over
//! 2004–2006; half of the new stories scale their figures (so claims differ and disagree).
//! Entities keep their names, so corpus entities grow into hubs as in real news.

use newsgraph_record::Record;
use newsgraph_store::query::{self, ClaimParams, DisagreementParams, EventParams, QuoteParams, SearchParams};
use newsgraph_store::{Input, Outcome, Store};
use std::time::Instant;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

fn flag(name: &str) -> bool {
    std::env::args().any(|a| a == name)
}

/// Every code-point span of a record, to keep perturbation away from evidence.
fn spans(r: &Record) -> Vec<[usize; 2]> {
    let mut out = Vec::new();
    for e in &r.entities {
        out.extend(e.mentions.iter().copied());
    }
    for q in &r.quotes {
        out.push(q.span);
        out.extend(q.speaker_span);
        out.extend(q.cue_span);
    }
    out.extend(r.quantities.iter().map(|q| q.span));
    out.extend(r.times.iter().map(|t| t.span));
    out.extend(r.events.iter().map(|e| e.span));
    out.sort();
    out
}

/// Replaces a share of the words outside `protected` with same-length words from `pool`.
fn perturb(text: &str, protected: &[[usize; 2]], share: f64, pool: &[Vec<String>], rng: &mut Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = chars.clone();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_alphabetic() {
            i += 1;
        }
        let len = i - start;
        let inside = protected.iter().any(|s| s[0] < i && start < s[1]);
        if inside || len >= pool.len() || pool[len].is_empty() || !rng.chance(share) {
            continue;
        }
        let w = &pool[len][rng.below(pool[len].len())];
        for (k, c) in w.chars().enumerate() {
            out[start + k] = c;
        }
    }
    out.into_iter().collect()
}

fn load_base(path: &str) -> Vec<Input> {
    let base = Store::open_read_only(path).expect("the base store opens");
    let mut stmt = base.conn().prepare("SELECT record, text FROM article ORDER BY id").unwrap();
    stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
        .filter_map(|r| r.ok())
        .filter_map(|(rec, text)| serde_json::from_str::<Record>(&rec).ok().map(|r| Input::new(r, text)))
        .collect()
}

fn word_pool(base: &[Input]) -> Vec<Vec<String>> {
    let mut pool: Vec<Vec<String>> = vec![Vec::new(); 16];
    let mut seen = std::collections::HashSet::new();
    for b in base.iter().take(500) {
        for w in b.text.split(|c: char| !c.is_alphabetic()) {
            let n = w.chars().count();
            if n > 0 && n < pool.len() && w.chars().all(|c| c.is_ascii_lowercase()) && seen.insert(w.to_string()) {
                pool[n].push(w.to_string());
            }
        }
    }
    pool
}

fn make(i: usize, base: &[Input], pool: &[Vec<String>]) -> Input {
    let b = &base[i % base.len()];
    let mut rng = Rng(i as u64 ^ 0x5eed);
    let mut rec = b.record.clone();
    let first_pass = i < base.len();
    let copy = !first_pass && rng.chance(0.1);
    let text = if first_pass { b.text.clone() } else { perturb(&b.text, &spans(&b.record), if copy { 0.02 } else { 0.4 }, pool, &mut rng) };
    if !first_pass {
        rec.id = format!("{}~{i}", rec.id);
        let day = rng.below(3 * 365);
        let (y, d) = (2004 + day / 365, day % 365);
        rec.date = Some(format!("{y}-{:02}-{:02}", d / 31 % 12 + 1, d % 28 + 1));
        if !copy && rng.chance(0.5) {
            let f = [0.5, 0.8, 1.25, 2.0][rng.below(4)];
            for q in &mut rec.quantities {
                q.value = q.value.map(|v| (v * f).round());
            }
        }
    }
    rec.outlet = Some(format!("outlet{}", rng.below(60)));
    rec.url = Some(format!("https://outlet{}.example/{i}", rng.below(60)));
    Input::new(rec, text)
}

fn grow(db: &str, base_path: &str, n: usize) {
    let base = load_base(base_path);
    assert!(!base.is_empty(), "the base store has no articles");
    let pool = word_pool(&base);
    let mut store = Store::open(db).expect("the store opens");
    // Bulk-generator settings only (the `ingest` command keeps the store's own): no fsync
    // (a crash of this run means starting it again), and a page cache large enough for the
    // randomly-updated indexes (hash, LSH, keys) of a million articles. `--batch` articles
    // go in one transaction, as `newsgraph ingest --batch` does.
    // `--store-defaults` keeps the store's own settings (fsync at checkpoints, 64 MB cache),
    // to measure what `newsgraph ingest` itself sustains.
    if !flag("--store-defaults") {
        let cache_mb: i64 = arg("--cache-mb").and_then(|c| c.parse().ok()).unwrap_or(2048);
        store.conn().execute_batch(&format!("PRAGMA synchronous = OFF; PRAGMA cache_size = -{};", cache_mb * 1024)).unwrap();
    }
    let already = query::stats(&store).unwrap().articles as usize;
    println!("base: {} articles; store has {already}; growing to {n}", base.len());
    let start = Instant::now();
    let mut last = Instant::now();
    let (mut added, mut near) = (0usize, 0usize);
    let batch: usize = arg("--batch").and_then(|b| b.parse().ok()).unwrap_or(2000);
    let mut i = already;
    while i < n {
        let items: Vec<Input> = (i..(i + batch).min(n)).map(|k| make(k, &base, &pool)).collect();
        for o in store.ingest_batch(&items).unwrap() {
            if let Outcome::Added(a) = o {
                added += 1;
                near += (a.cluster != a.id) as usize;
            }
        }
        i += items.len();
        if last.elapsed().as_secs() >= 30 || i == n {
            let secs = start.elapsed().as_secs_f64();
            let size = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0);
            println!(
                "{i} articles: {added} added ({near} near-duplicates) in {secs:.0} s, {:.0} articles/s, store {:.2} GB ({:.0} bytes/article)",
                added as f64 / secs,
                size as f64 / 1e9,
                size as f64 / i as f64
            );
            last = Instant::now();
        }
    }
    let t = Instant::now();
    store.optimise().unwrap();
    println!("optimise: {:.1} s", t.elapsed().as_secs_f64());
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn bench(db: &str, runs: usize) {
    let store = Store::open_read_only(db).expect("the store opens");
    let stats = query::stats(&store).unwrap();
    println!("store: {} articles, {} bytes ({:.0} bytes/article)", stats.articles, stats.bytes, stats.bytes as f64 / stats.articles.max(1) as f64);
    let c = store.conn();
    let names = |sql: &str| -> Vec<String> { c.prepare(sql).unwrap().query_map([], |r| r.get(0)).unwrap().filter_map(|r| r.ok()).collect() };
    let people = names("SELECT name FROM entity WHERE merged_into IS NULL AND type = 'PERSON' ORDER BY articles DESC LIMIT 200");
    let places = names("SELECT name FROM entity WHERE merged_into IS NULL AND type IN ('GPE','LOC') ORDER BY articles DESC LIMIT 100");
    let ids: Vec<String> = names("SELECT CAST(id AS TEXT) FROM entity WHERE merged_into IS NULL ORDER BY articles DESC LIMIT 300");
    let titles = names("SELECT title FROM article WHERE title IS NOT NULL ORDER BY id LIMIT 2000");
    let words: Vec<String> = titles
        .iter()
        .flat_map(|t| t.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .filter(|w| w.chars().count() > 4 && w.chars().all(char::is_alphabetic))
        .collect();
    let cats = ["killed", "injured", "arrested", "affected", "other"];
    let topics = ["government", "market", "said", "election", "police", "growth", "film", "game"];
    let pick = |v: &[String], r: &mut Rng| -> Option<String> { (!v.is_empty()).then(|| v[r.below(v.len())].clone()) };

    type Run<'a> = Box<dyn Fn(&mut Rng) -> usize + 'a>;
    let kinds: Vec<(&str, Run)> = vec![
        (
            "search",
            Box::new(|r: &mut Rng| {
                query::search(&store, &SearchParams { q: pick(&words, r).unwrap_or_else(|| "government".into()), limit: Some(20), ..Default::default() })
                    .map(|h| h.len())
                    .unwrap_or(0)
            }),
        ),
        (
            "quotes by speaker",
            Box::new(|r: &mut Rng| {
                query::quotes(&store, &QuoteParams { speaker: pick(&people, r), limit: Some(20), ..Default::default() }).map(|q| q.quotes.len()).unwrap_or(0)
            }),
        ),
        (
            "quotes by topic",
            Box::new(|r: &mut Rng| {
                query::quotes(&store, &QuoteParams { topic: Some(topics[r.below(topics.len())].into()), limit: Some(20), ..Default::default() })
                    .map(|q| q.quotes.len())
                    .unwrap_or(0)
            }),
        ),
        (
            "claim timeline",
            Box::new(|r: &mut Rng| {
                query::timeline(
                    &store,
                    &ClaimParams {
                        category: Some(cats[r.below(cats.len())].into()),
                        place: pick(&places, r),
                        from: Some("2004-01".into()),
                        to: Some("2005-06".into()),
                        limit: Some(50),
                        ..Default::default()
                    },
                )
                .map(|t| t.claims.len())
                .unwrap_or(0)
            }),
        ),
        (
            "disagreements",
            Box::new(|r: &mut Rng| {
                query::disagreements(
                    &store,
                    &DisagreementParams {
                        category: Some(cats[r.below(cats.len())].into()),
                        place: pick(&places, r),
                        window_days: Some(7),
                        limit: Some(50),
                        ..Default::default()
                    },
                )
                .map(|d| d.disagreements.len())
                .unwrap_or(0)
            }),
        ),
        (
            "events by actor",
            Box::new(|r: &mut Rng| {
                query::events(&store, &EventParams { actor: pick(&people, r), limit: Some(50), ..Default::default() }).map(|e| e.events.len()).unwrap_or(0)
            }),
        ),
        (
            "entity page",
            Box::new(|r: &mut Rng| pick(&ids, r).and_then(|id| query::entity_page(&store, id.parse().ok()?).ok()).map(|p| p.said.len() + 1).unwrap_or(0)),
        ),
        (
            "entity page (hub)",
            Box::new(|r: &mut Rng| {
                // The ten most cited entities: the worst case of an entity page.
                let hubs = &ids[..ids.len().min(10)];
                pick(hubs, r).and_then(|id| query::entity_page(&store, id.parse().ok()?).ok()).map(|p| p.said.len() + 1).unwrap_or(0)
            }),
        ),
        ("find entity", Box::new(|r: &mut Rng| query::find_entities(&store, &pick(&people, r).unwrap_or_default(), Some(10)).map(|e| e.len()).unwrap_or(0))),
    ];
    println!("{:<20} {:>6} {:>9} {:>9} {:>9} {:>10}", "query", "runs", "p50 ms", "p99 ms", "max ms", "avg rows");
    let only = arg("--only");
    for (name, run) in kinds.iter().filter(|(n, _)| only.as_deref().is_none_or(|o| n.contains(o))) {
        let mut rng = Rng(7);
        let mut times = Vec::with_capacity(runs);
        let mut rows = 0usize;
        for _ in 0..runs {
            let t = Instant::now();
            rows += run(&mut rng);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{name:<20} {runs:>6} {:>9.2} {:>9.2} {:>9.2} {:>10.1}",
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            times.last().copied().unwrap_or(f64::NAN),
            rows as f64 / runs as f64
        );
    }
}

fn main() {
    let db = arg("--db").expect("--db FILE is required");
    let runs = arg("--runs").and_then(|r| r.parse().ok()).unwrap_or(300);
    if !flag("--bench-only") {
        let base = arg("--base").expect("--base FILE (a store of analysed articles) is required");
        let n = arg("--n").and_then(|n| n.parse().ok()).unwrap_or(1_000_000);
        grow(&db, &base, n);
    }
    bench(&db, runs);
}
