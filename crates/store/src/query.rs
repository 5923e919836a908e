//! The questions a corpus answers. Each query takes a plain parameter struct (filled from
//! CLI flags or HTTP query strings alike), runs parameterised SQL only, and returns
//! serialisable results with their evidence: article, date, span and the text itself.
//!
//! People and places are given by name or by corpus entity id; a name is looked up with the
//! same keys ingest uses (`resolve::find_by_name`), and every matched entity is read as its
//! whole merged group. Results say which entities a name matched, so a caller can narrow.

use crate::resolve::{self, canonical};
use crate::{Error, Result, Store};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Largest `limit` any query accepts.
pub const MAX_LIMIT: usize = 1000;
const DEFAULT_LIMIT: usize = 50;

fn limit(l: Option<usize>) -> usize {
    l.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
}

/// A corpus entity as results name it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EntityRef {
    pub id: i64,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
}

/// The article a fact was found in.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleRef {
    pub id: i64,
    pub ext_id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// The first article of its near-duplicate cluster.
    pub cluster: i64,
}

const ARTICLE_COLS: &str = "a.id, a.ext_id, a.title, a.outlet, a.date, a.url, a.cluster";

fn article_ref(r: &Row, at: usize) -> rusqlite::Result<ArticleRef> {
    Ok(ArticleRef {
        id: r.get(at)?,
        ext_id: r.get(at + 1)?,
        title: r.get(at + 2)?,
        outlet: r.get(at + 3)?,
        date: r.get(at + 4)?,
        url: r.get(at + 5)?,
        cluster: r.get(at + 6)?,
    })
}

/// Builds a WHERE clause and its parameters; only values travel as parameters.
#[derive(Default)]
struct Filter {
    clauses: Vec<String>,
    params: Vec<Value>,
}

impl Filter {
    fn add(&mut self, clause: &str, values: impl IntoIterator<Item = Value>) {
        // Each bare `?` becomes the numbered placeholder of the next value.
        let mut values = values.into_iter();
        let mut c = String::with_capacity(clause.len() + 8);
        for (i, piece) in clause.split('?').enumerate() {
            if i > 0
                && let Some(v) = values.next()
            {
                self.params.push(v);
                c.push_str(&format!("?{}", self.params.len()));
            }
            c.push_str(piece);
        }
        self.clauses.push(c);
    }
    fn date_range(&mut self, col: &str, from: &Option<String>, to: &Option<String>) {
        if let Some(f) = from {
            self.add(&format!("{col} >= ?"), [Value::Text(f.clone())]);
        }
        if let Some(t) = to {
            // Inclusive of the whole day (or month) named: "2022-03-28T10:00" <= "2022-03-28~".
            self.add(&format!("{col} <= ?"), [Value::Text(format!("{t}~"))]);
        }
    }
    fn sql(&self) -> String {
        if self.clauses.is_empty() { String::new() } else { format!("WHERE {}", self.clauses.join(" AND ")) }
    }
    fn push(&mut self, v: Value) -> String {
        self.params.push(v);
        format!("?{}", self.params.len())
    }
}

/// Turns user words into a safe FTS5 query: each word a quoted term (so punctuation and
/// FTS syntax in the input cannot cause errors), all required. `OR` between words is kept.
pub fn fts_query(q: &str) -> Option<String> {
    let mut parts = Vec::new();
    for w in q.split_whitespace() {
        if w == "OR" {
            if !parts.is_empty() {
                parts.push("OR".to_string());
            }
            continue;
        }
        let w: String = w.chars().filter(|c| *c != '"').collect();
        if w.chars().any(char::is_alphanumeric) {
            parts.push(format!("\"{w}\""));
        }
    }
    while parts.last().is_some_and(|p| p == "OR") {
        parts.pop();
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Entities a name or id stands for, each expanded to its merged group.
#[derive(Clone)]
struct Matched {
    entities: Vec<EntityRef>,
    ids: Vec<i64>,
}

impl Matched {
    /// `col` restricted to the matched ids. One id is an equality, which lets SQLite walk
    /// an index in order (and stop at the limit); several are a set.
    fn clause(&self, col: &str) -> (String, Value) {
        match self.ids.as_slice() {
            [one] => (format!("{col} = ?"), Value::Integer(*one)),
            ids => (format!("{col} IN (SELECT value FROM json_each(?))"), Value::Text(serde_json::to_string(ids).unwrap_or_else(|_| "[]".into()))),
        }
    }
}

fn entity_ref(conn: &Connection, id: i64) -> Result<EntityRef> {
    conn.prepare_cached("SELECT id, name, type FROM entity WHERE id = ?1")?
        .query_row([id], |r| Ok(EntityRef { id: r.get(0)?, name: r.get(1)?, kind: r.get(2)? }))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("entity {id}")))
}

fn match_entities(conn: &Connection, who: &str) -> Result<Matched> {
    let who = who.trim();
    let roots = match who.parse::<i64>() {
        Ok(id) => vec![canonical(conn, id)?],
        Err(_) => resolve::find_by_name(conn, who)?,
    };
    let mut entities = Vec::new();
    let mut ids = Vec::new();
    for r in roots.into_iter().take(16) {
        if let Ok(e) = entity_ref(conn, r) {
            entities.push(e);
            ids.extend(resolve::group(conn, r)?);
        }
    }
    Ok(Matched { entities, ids })
}

fn canonical_ref(conn: &Connection, id: Option<i64>, cache: &mut HashMap<i64, EntityRef>) -> Result<Option<EntityRef>> {
    let Some(id) = id else { return Ok(None) };
    if let Some(e) = cache.get(&id) {
        return Ok(Some(e.clone()));
    }
    let e = entity_ref(conn, canonical(conn, id)?)?;
    cache.insert(id, e.clone());
    Ok(Some(e))
}

// ---------------------------------------------------------------------------------------
// Statistics

#[derive(Debug, Serialize)]
pub struct Stats {
    pub articles: i64,
    pub clusters: i64,
    pub near_duplicates: i64,
    pub entities: i64,
    pub quotes: i64,
    pub claims: i64,
    pub claim_mentions: i64,
    pub events: i64,
    pub bytes: i64,
}

pub fn stats(store: &Store) -> Result<Stats> {
    let c = store.conn();
    let one = |sql: &str| -> Result<i64> { Ok(c.query_row(sql, [], |r| r.get(0))?) };
    let pages = one("PRAGMA page_count")?;
    let page_size = one("PRAGMA page_size")?;
    let articles = one("SELECT count(*) FROM article")?;
    let clusters = one("SELECT count(*) FROM article WHERE cluster = id")?;
    Ok(Stats {
        articles,
        clusters,
        near_duplicates: articles - clusters,
        entities: one("SELECT count(*) FROM entity WHERE merged_into IS NULL")?,
        quotes: one("SELECT count(*) FROM quote")?,
        claims: one("SELECT count(*) FROM claim")?,
        claim_mentions: one("SELECT count(*) FROM claim_mention")?,
        events: one("SELECT count(*) FROM event")?,
        bytes: pages * page_size,
    })
}

// ---------------------------------------------------------------------------------------
// Full-text search

#[derive(Debug, Default, Clone, Deserialize)]
pub struct SearchParams {
    /// Words to find (all required; `OR` between two words allows either).
    pub q: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: Option<usize>,
    /// Show every copy of a syndicated story instead of one per near-duplicate cluster.
    #[serde(default)]
    pub all_copies: bool,
}

#[derive(Debug, Serialize)]
pub struct SearchHit {
    pub article: ArticleRef,
    /// The best passage, matches in [brackets].
    pub snippet: String,
    /// BM25 rank (lower is better).
    pub rank: f64,
}

/// How many of the most recent full-text matches are ranked (see [`search`]).
pub const RANK_WINDOW: i64 = 1000;

/// Full-text search, best first. Without a date range, the most recent [`RANK_WINDOW`]
/// matches are ranked, which keeps a common word fast on millions of articles.
pub fn search(store: &Store, p: &SearchParams) -> Result<Vec<SearchHit>> {
    let Some(q) = fts_query(&p.q) else {
        return Err(Error::Invalid("the search needs at least one word".into()));
    };
    let mut f = Filter::default();
    f.add("article_fts MATCH ?", [Value::Text(q.clone())]);
    if p.from.is_none() && p.to.is_none() {
        // BM25 must score every match before it can sort; on a common word in a large
        // corpus that is most of the corpus. Ranking is bounded to the most recently
        // stored RANK_WINDOW matches (walked in rowid order, which FTS5 does cheaply).
        f.add(
            "article_fts.rowid >= coalesce((SELECT min(rowid) FROM (SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid DESC LIMIT ?)), 0)",
            [Value::Text(q), Value::Integer(RANK_WINDOW)],
        );
    }
    let dated = p.from.is_some() || p.to.is_some();
    f.date_range("a.date", &p.from, &p.to);
    if !p.all_copies {
        // "First of its cluster", answered by the (cluster, id) index: `a.cluster` itself is
        // stored after the article's text and record, so reading it from the row follows
        // the row's overflow pages, and for a thousand candidates on a store larger than
        // memory that was most of a search's time.
        f.clauses.push("EXISTS (SELECT 1 FROM article h INDEXED BY article_cluster WHERE h.cluster = article_fts.rowid AND h.id = article_fts.rowid)".into());
    }
    let lim = f.push(Value::Integer(limit(p.limit) as i64));
    // Rank first, over the full-text index alone (the article row only for its date, which
    // is on the row's first page); join the articles of the hits shown, then cut their
    // passages: snippet() for those hits only.
    let join = if dated { "JOIN article a ON a.id = article_fts.rowid" } else { "" };
    let sql = format!(
        "SELECT {ARTICLE_COLS}, r.rank
         FROM (SELECT article_fts.rowid AS id, bm25(article_fts, 4.0, 1.0) AS rank FROM article_fts {join} {} ORDER BY rank LIMIT {lim}) r
         JOIN article a ON a.id = r.id ORDER BY r.rank",
        f.sql()
    );
    let conn = store.conn();
    let mut stmt = conn.prepare_cached(&sql)?;
    let ranked: Vec<(ArticleRef, f64)> =
        stmt.query_map(params_from_iter(f.params.iter()), |r| Ok((article_ref(r, 0)?, r.get(7)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut snip = conn.prepare_cached("SELECT snippet(article_fts, 1, '[', ']', '…', 16) FROM article_fts WHERE article_fts MATCH ?1 AND rowid = ?2")?;
    let q = match &f.params[0] {
        Value::Text(t) => t.clone(),
        _ => String::new(),
    };
    let mut out = Vec::with_capacity(ranked.len());
    for (article, rank) in ranked {
        let snippet: String = snip.query_row(rusqlite::params![q, article.id], |r| r.get(0)).optional()?.unwrap_or_default();
        out.push(SearchHit { article, snippet, rank });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Quotes

#[derive(Debug, Default, Clone, Deserialize)]
pub struct QuoteParams {
    /// Speaker: a name or a corpus entity id.
    pub speaker: Option<String>,
    /// Words the quote must contain.
    pub topic: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct QuoteHit {
    pub id: i64,
    pub kind: String,
    pub text: String,
    pub speaker: Option<EntityRef>,
    pub speaker_name: Option<String>,
    pub speaker_text: Option<String>,
    pub cue: Option<String>,
    pub confidence: Option<f64>,
    pub article: ArticleRef,
    pub span: [i64; 2],
    /// How many stored quotes have these words (repeats across outlets count here once).
    pub mentions: usize,
    /// The other articles carrying the same words.
    pub also_in: Vec<i64>,
}

#[derive(Debug, Serialize)]
pub struct QuoteResult {
    pub speakers: Vec<EntityRef>,
    pub quotes: Vec<QuoteHit>,
}

pub fn quotes(store: &Store, p: &QuoteParams) -> Result<QuoteResult> {
    let conn = store.conn();
    let mut f = Filter::default();
    let mut speakers = Vec::new();
    let mut speaker_ids: Vec<i64> = Vec::new();
    if let Some(s) = p.speaker.as_deref().filter(|s| !s.trim().is_empty()) {
        let m = match_entities(conn, s)?;
        speaker_ids = m.ids.clone();
        speakers = m.entities;
        if speaker_ids.is_empty() {
            return Ok(QuoteResult { speakers, quotes: Vec::new() });
        }
    }
    if let Some(t) = p.topic.as_deref() {
        let q = fts_query(t).ok_or_else(|| Error::Invalid("the topic needs at least one word".into()))?;
        if p.speaker.is_some() {
            // The speaker narrows first; each of their quotes is then checked by rowid.
            f.add("EXISTS (SELECT 1 FROM quote_fts WHERE quote_fts.rowid = q.id AND quote_fts MATCH ?)", [Value::Text(q)]);
        } else {
            // A topic alone: the most recent RANK_WINDOW matching quotes.
            f.add("q.id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ? ORDER BY rowid DESC LIMIT ?)", [Value::Text(q), Value::Integer(RANK_WINDOW)]);
        }
    }
    f.date_range("q.date", &p.from, &p.to);
    let want = limit(p.limit);
    // One ordered walk of the (speaker, date) index per speaker, merged: the cost follows
    // the limit, not how often the speakers were quoted.
    let mut rows: Vec<RawQuote> = Vec::new();
    if speaker_ids.is_empty() {
        rows = quote_rows(conn, f, want * 4)?;
    } else {
        for id in &speaker_ids {
            let mut g = Filter { clauses: f.clauses.clone(), params: f.params.clone() };
            g.add("q.speaker_entity = ?", [Value::Integer(*id)]);
            rows.extend(quote_rows(conn, g, want * 4)?);
        }
        rows.sort_by(|x, y| (&y.date, y.id).cmp(&(&x.date, x.id)));
        rows.truncate(want * 4);
    }
    let mut cache = HashMap::new();
    let mut by_key: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut out: Vec<QuoteHit> = Vec::new();
    for RawQuote { id, kind, text, span: [s, e], speaker: spk, speaker_name: spk_name, speaker_text: spk_text, cue, confidence: conf, key, article, .. } in rows
    {
        if let Some(&i) = by_key.get(&key) {
            out[i].mentions += 1;
            out[i].also_in.push(article.id);
            continue;
        }
        if out.len() >= want {
            continue;
        }
        by_key.insert(key, out.len());
        out.push(QuoteHit {
            id,
            kind,
            text,
            speaker: canonical_ref(conn, spk, &mut cache)?,
            speaker_name: spk_name,
            speaker_text: spk_text,
            cue,
            confidence: conf,
            article,
            span: [s, e],
            mentions: 1,
            also_in: Vec::new(),
        });
    }
    Ok(QuoteResult { speakers, quotes: out })
}

struct RawQuote {
    id: i64,
    kind: String,
    text: String,
    span: [i64; 2],
    speaker: Option<i64>,
    speaker_name: Option<String>,
    speaker_text: Option<String>,
    cue: Option<String>,
    confidence: Option<f64>,
    key: Vec<u8>,
    date: Option<String>,
    article: ArticleRef,
}

/// Quotes matching the filters (on `q` only), latest first. The rows are chosen before
/// their articles are joined: an article's cluster is stored after its text, so joining
/// every candidate of a sort (a topic's 1,000) read each article's overflow pages.
fn quote_rows(conn: &Connection, mut f: Filter, max: usize) -> Result<Vec<RawQuote>> {
    let lim = f.push(Value::Integer(max as i64));
    let sql = format!(
        "SELECT q.id, q.kind, q.text, q.span_start, q.span_end, q.speaker_entity, q.speaker_name, q.speaker_text, q.cue,
                q.confidence, q.quote_key, q.date, {ARTICLE_COLS}
         FROM (SELECT * FROM quote q {} ORDER BY q.date DESC, q.id DESC LIMIT {lim}) q
         JOIN article a ON a.id = q.article_id ORDER BY q.date DESC, q.id DESC",
        f.sql()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(f.params.iter()), |r| {
        Ok(RawQuote {
            id: r.get(0)?,
            kind: r.get(1)?,
            text: r.get(2)?,
            span: [r.get(3)?, r.get(4)?],
            speaker: r.get(5)?,
            speaker_name: r.get(6)?,
            speaker_text: r.get(7)?,
            cue: r.get(8)?,
            confidence: r.get(9)?,
            key: r.get(10)?,
            date: r.get(11)?,
            article: article_ref(r, 12)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ---------------------------------------------------------------------------------------
// Claims: timeline and disagreements

#[derive(Debug, Default, Clone, Deserialize)]
pub struct ClaimParams {
    /// killed, injured, displaced, trapped, evacuated, arrested, missing, affected, other.
    pub category: Option<String>,
    /// The place: a name or a corpus entity id.
    pub place: Option<String>,
    /// Who made the claim: a name or a corpus entity id.
    pub claimant: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    pub article: ArticleRef,
    pub date: Option<String>,
    pub text: String,
    pub span: [i64; 2],
    /// The sentence the figure was read from.
    pub evidence: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    pub id: i64,
    pub category: String,
    pub value: Option<f64>,
    pub value_max: Option<f64>,
    /// The hedge: exact, about, at_least, at_most, more_than, less_than, nearly, range.
    pub approx: String,
    pub unit: Option<String>,
    pub what: Option<String>,
    pub place: Option<EntityRef>,
    pub place_text: Option<String>,
    pub claimant: Option<EntityRef>,
    pub claimant_text: Option<String>,
    /// Dates of its first and last mention (in the whole corpus).
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Mentions within the query's dates, oldest first (at most [`MENTIONS_SHOWN`]).
    pub mentions: Vec<Mention>,
    /// How many articles carry the claim within the query's dates.
    pub mention_count: i64,
    /// Distinct near-duplicate clusters among those: independent reports.
    pub independent_reports: i64,
}

/// Mentions listed per claim; `mention_count` gives the full number.
pub const MENTIONS_SHOWN: i64 = 20;

#[derive(Debug, Serialize)]
pub struct Timeline {
    pub places: Vec<EntityRef>,
    pub claimants: Vec<EntityRef>,
    pub claims: Vec<Claim>,
}

/// Claim-level filters. Dates select claims whose mentions span meets the range.
fn claim_filter(conn: &Connection, p: &ClaimParams) -> Result<(Filter, Vec<EntityRef>, Vec<EntityRef>)> {
    let mut f = Filter::default();
    if let Some(c) = p.category.as_deref().filter(|c| !c.is_empty()) {
        f.add("c.category = ?", [Value::Text(c.to_lowercase())]);
    }
    let mut places = Vec::new();
    if let Some(pl) = p.place.as_deref().filter(|s| !s.trim().is_empty()) {
        let m = match_entities(conn, pl)?;
        // A place known as an entity is matched by id alone (an ordered index walk); the
        // words are the fallback for places no article tied to an entity.
        if m.ids.is_empty() {
            f.add("c.location_text = ? COLLATE NOCASE", [Value::Text(pl.trim().to_string())]);
        } else {
            let (c, v) = m.clause("c.location_entity");
            f.add(&c, [v]);
        }
        places = m.entities;
    }
    let mut claimants = Vec::new();
    if let Some(cl) = p.claimant.as_deref().filter(|s| !s.trim().is_empty()) {
        let m = match_entities(conn, cl)?;
        if m.ids.is_empty() {
            f.add("c.claimant_text = ? COLLATE NOCASE", [Value::Text(cl.trim().to_string())]);
        } else {
            let (c, v) = m.clause("c.claimant_entity");
            f.add(&c, [v]);
        }
        claimants = m.entities;
    }
    if let Some(from) = &p.from {
        f.add("c.last_date >= ?", [Value::Text(from.clone())]);
    }
    if let Some(to) = &p.to {
        f.add("c.first_date <= ?", [Value::Text(format!("{to}~"))]);
    }
    Ok((f, places, claimants))
}

/// Claims matching the filters, oldest first, without their mentions.
fn select_claims(conn: &Connection, mut f: Filter, max: usize) -> Result<Vec<Claim>> {
    let lim = f.push(Value::Integer(max as i64));
    let sql = format!(
        "SELECT c.id, c.category, c.value, c.value_max, c.approx, c.unit, c.what, c.location_entity, c.location_text,
                c.claimant_entity, c.claimant_text, c.first_date, c.last_date, c.mentions
         FROM claim c {} ORDER BY c.first_date, c.id LIMIT {lim}",
        f.sql()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(f.params.iter()))?;
    let mut cache = HashMap::new();
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let loc: Option<i64> = r.get(7)?;
        let who: Option<i64> = r.get(9)?;
        out.push(Claim {
            id: r.get(0)?,
            category: r.get(1)?,
            value: r.get(2)?,
            value_max: r.get(3)?,
            approx: r.get(4)?,
            unit: r.get(5)?,
            what: r.get(6)?,
            place: canonical_ref(conn, loc, &mut cache)?,
            place_text: r.get(8)?,
            claimant: canonical_ref(conn, who, &mut cache)?,
            claimant_text: r.get(10)?,
            first_date: r.get(11)?,
            last_date: r.get(12)?,
            mentions: Vec::new(),
            mention_count: r.get(13)?,
            independent_reports: 0,
        });
    }
    Ok(out)
}

/// Fills a claim's mentions (within the dates), their count and independent reports.
fn fill_mentions(conn: &Connection, c: &mut Claim, from: &Option<String>, to: &Option<String>) -> Result<()> {
    let to = to.as_ref().map(|t| format!("{t}~"));
    let mut stmt = conn.prepare_cached(
        // The article's cluster is read from the mention (written from the article at
        // ingest, never changed): on the article row it sits after the text and record, and
        // reading it there followed the row's overflow pages for every mention shown.
        "SELECT m.date, m.text, m.span_start, m.span_end, m.evidence, a.id, a.ext_id, a.title, a.outlet, a.date, a.url, m.cluster
         FROM claim_mention m JOIN article a ON a.id = m.article_id
         WHERE m.claim_id = ?1 AND (?2 IS NULL OR m.date >= ?2) AND (?3 IS NULL OR m.date <= ?3)
         ORDER BY m.date, m.article_id LIMIT ?4",
    )?;
    c.mentions = stmt
        .query_map(rusqlite::params![c.id, from, to, MENTIONS_SHOWN], |r| {
            Ok(Mention { date: r.get(0)?, text: r.get(1)?, span: [r.get(2)?, r.get(3)?], evidence: r.get(4)?, article: article_ref(r, 5)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let (n, clusters) = conn
        .prepare_cached(
            "SELECT count(*), count(DISTINCT m.cluster) FROM claim_mention m
             WHERE m.claim_id = ?1 AND (?2 IS NULL OR m.date >= ?2) AND (?3 IS NULL OR m.date <= ?3)",
        )?
        .query_row(rusqlite::params![c.id, from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
    c.mention_count = n;
    c.independent_reports = clusters;
    Ok(())
}

/// Every claim matching the filters, with value, hedge, claimant, date, article and
/// evidence, oldest first. A figure repeated across articles is one claim with many mentions.
pub fn timeline(store: &Store, p: &ClaimParams) -> Result<Timeline> {
    let conn = store.conn();
    let (f, places, claimants) = claim_filter(conn, p)?;
    let mut claims = select_claims(conn, f, limit(p.limit))?;
    for c in &mut claims {
        fill_mentions(conn, c, &p.from, &p.to)?;
    }
    Ok(Timeline { places, claimants, claims })
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct DisagreementParams {
    pub category: Option<String>,
    pub place: Option<String>,
    pub claimant: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: Option<usize>,
    /// Claims at most this many days apart are compared (default 7).
    pub window_days: Option<i64>,
}

impl DisagreementParams {
    fn claims(&self) -> ClaimParams {
        ClaimParams {
            category: self.category.clone(),
            place: self.place.clone(),
            claimant: self.claimant.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            limit: self.limit,
        }
    }
}

/// Claims on one category and place, within the window, whose figures cannot both be true
/// and which come from different claimants.
#[derive(Debug, Serialize)]
pub struct Disagreement {
    pub category: String,
    pub place: Option<EntityRef>,
    pub place_text: Option<String>,
    pub a: Claim,
    pub b: Claim,
    /// Days between the nearest mentions of the two (0 when their spans overlap).
    pub days_apart: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct Disagreements {
    pub places: Vec<EntityRef>,
    pub disagreements: Vec<Disagreement>,
    /// True when more claims matched than were compared (narrow the filters).
    pub truncated: bool,
}

/// Claims compared at most, per query.
pub const MAX_COMPARED: usize = 2000;

/// The interval of values a claim allows: "at least 100" is [100, ∞), "about 100" is
/// [90, 110], a range its two ends. Two claims disagree when their intervals do not meet.
fn interval(c: &Claim) -> Option<(f64, f64)> {
    let v = c.value?;
    Some(match c.approx.as_str() {
        "at_least" | "more_than" => (v, f64::INFINITY),
        "at_most" | "less_than" => (f64::NEG_INFINITY, v),
        "about" => (v * 0.9, v * 1.1),
        "nearly" => (v * 0.9, v),
        "range" => (v, c.value_max.unwrap_or(v)),
        _ => (v, v),
    })
}

fn claimant_key(c: &Claim) -> Option<String> {
    match (&c.claimant, &c.claimant_text) {
        (Some(e), _) => Some(format!("#{}", e.id)),
        (None, Some(t)) if !t.trim().is_empty() => Some(crate::normalise::fold(t)),
        _ => None,
    }
}

/// Days since 1970-01-01 of an ISO date's `YYYY-MM-DD` prefix.
pub fn day_number(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Pairs compared at most, per query (bounds the time of a query over undated claims).
const MAX_PAIRS: usize = 2_000_000;

/// A claim ready for comparison: its value interval, claimant, counted words, day span.
struct Prepared<'a> {
    claim: &'a Claim,
    iv: (f64, f64),
    who: String,
    what: Vec<String>,
    days: Option<(i64, i64)>,
}

impl<'a> Prepared<'a> {
    fn new(c: &'a Claim) -> Option<Prepared<'a>> {
        let d = |x: &Option<String>| x.as_deref().and_then(day_number);
        let days = match (d(&c.first_date), d(&c.last_date)) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        };
        let what =
            crate::normalise::fold(c.what.as_deref().unwrap_or("")).split(' ').filter(|w| w.len() > 2).map(|w| w.trim_end_matches('s').to_string()).collect();
        Some(Prepared { claim: c, iv: interval(c)?, who: claimant_key(c)?, what, days })
    }

    /// Whether two claims count the same thing: "civilian deaths" and "civilians" do,
    /// "soldiers" and "civilians" do not; a claim that does not say what it counts
    /// matches any.
    fn same_thing(&self, other: &Prepared) -> bool {
        self.what.is_empty() || other.what.is_empty() || self.what.iter().any(|w| other.what.contains(w))
    }
}

pub fn disagreements(store: &Store, p: &DisagreementParams) -> Result<Disagreements> {
    let conn = store.conn();
    let window = p.window_days.unwrap_or(7).clamp(0, 3660);
    let cp = p.claims();
    let (f, places, _) = claim_filter(conn, &cp)?;
    let claims = select_claims(conn, f, MAX_COMPARED + 1)?;
    let truncated = claims.len() > MAX_COMPARED;
    // Group by category and place (the canonical entity, else the place's words).
    let mut groups: BTreeMap<(String, String), Vec<&Claim>> = BTreeMap::new();
    for c in claims.iter().take(MAX_COMPARED) {
        let place = match (&c.place, &c.place_text) {
            (Some(e), _) => format!("#{}", e.id),
            (None, Some(t)) => crate::normalise::fold(t),
            (None, None) => continue,
        };
        groups.entry((c.category.clone(), place)).or_default().push(c);
    }
    let want = limit(p.limit);
    let mut out = Vec::new();
    let mut budget = MAX_PAIRS;
    'groups: for ((category, _), cs) in groups {
        // Everything a comparison needs, computed once per claim; dated claims in date
        // order so the scan stops at the end of the window.
        let mut prep: Vec<Prepared> = cs.iter().filter_map(|c| Prepared::new(c)).collect();
        prep.sort_by_key(|p| (p.days.map(|d| d.0), p.claim.id));
        for i in 0..prep.len() {
            for j in i + 1..prep.len() {
                if budget == 0 {
                    break 'groups;
                }
                budget -= 1;
                let (a, b) = (&prep[i], &prep[j]);
                let days = match (a.days, b.days) {
                    (Some(x), Some(y)) => {
                        if y.0 > x.1 + window {
                            break; // every later claim starts later still
                        }
                        Some((y.0 - x.1).max(x.0 - y.1).max(0))
                    }
                    _ => None,
                };
                if a.who == b.who || a.claim.unit != b.claim.unit || !a.same_thing(b) || (a.iv.1 >= b.iv.0 && b.iv.1 >= a.iv.0) {
                    continue;
                }
                let (mut x, mut y) = (a.claim.clone(), b.claim.clone());
                fill_mentions(conn, &mut x, &cp.from, &cp.to)?;
                fill_mentions(conn, &mut y, &cp.from, &cp.to)?;
                out.push(Disagreement { category: category.clone(), place: x.place.clone(), place_text: x.place_text.clone(), a: x, b: y, days_apart: days });
                if out.len() >= want {
                    break 'groups;
                }
            }
        }
    }
    Ok(Disagreements { places, disagreements: out, truncated })
}

// ---------------------------------------------------------------------------------------
// Events

#[derive(Debug, Default, Clone, Deserialize)]
pub struct EventParams {
    /// An actor (source or target): a name or a corpus entity id.
    pub actor: Option<String>,
    /// PLOVER type (AGREE, CONSULT, …).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub place: Option<String>,
    pub status: Option<String>,
    /// Whose account: the speaker of the quotation the events were reported in (a name or
    /// a corpus entity id).
    pub claimant: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct EventHit {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: String,
    pub cameo: Option<String>,
    pub text: Option<String>,
    pub source: Option<EntityRef>,
    pub target: Option<EntityRef>,
    pub source_text: Option<String>,
    pub target_text: Option<String>,
    pub place: Option<EntityRef>,
    pub date: Option<String>,
    pub status: String,
    /// The speaker of the quotation the event was reported in: the event is their claim,
    /// not the article's own report. None for the article's own reports (and for events
    /// stored before layout 3).
    pub claimant: Option<EntityRef>,
    pub claimant_text: Option<String>,
    pub article: ArticleRef,
    pub span: [i64; 2],
}

#[derive(Debug, Serialize)]
pub struct Events {
    pub actors: Vec<EntityRef>,
    pub places: Vec<EntityRef>,
    /// The entities a `claimant` filter matched (empty without one).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claimants: Vec<EntityRef>,
    pub events: Vec<EventHit>,
}

pub fn events(store: &Store, p: &EventParams) -> Result<Events> {
    let conn = store.conn();
    let mut base = Filter::default();
    let mut places = Vec::new();
    if let Some(pl) = p.place.as_deref().filter(|s| !s.trim().is_empty()) {
        let m = match_entities(conn, pl)?;
        let (c, v) = m.clause("ev.location_entity");
        base.add(&c, [v]);
        places = m.entities;
    }
    if let Some(t) = p.kind.as_deref().filter(|s| !s.is_empty()) {
        base.add("ev.type = ?", [Value::Text(t.to_uppercase())]);
    }
    if let Some(s) = p.status.as_deref().filter(|s| !s.is_empty()) {
        base.add("ev.status = ?", [Value::Text(s.to_lowercase())]);
    }
    let mut claimants = Vec::new();
    if let Some(c) = p.claimant.as_deref().filter(|s| !s.trim().is_empty()) {
        let m = match_entities(conn, c)?;
        if store.events_have_claimant() {
            let (c, v) = m.clause("ev.claimant_entity");
            base.add(&c, [v]);
        } else {
            // An unmigrated store (read-only, layout 2) knows no claimant: nothing matches.
            base.add("0", []);
        }
        claimants = m.entities;
    }
    base.date_range("ev.date", &p.from, &p.to);
    let with_claimant = store.events_have_claimant();
    let want = limit(p.limit);
    let mut actors = Vec::new();
    let mut out = match p.actor.as_deref().filter(|s| !s.trim().is_empty()) {
        None => event_rows(conn, base, want, with_claimant)?,
        Some(a) => {
            // An actor is a source or a target. One ordered, limited walk of each side's
            // index, merged, costs the same for an actor in ten events or in a million.
            let m = match_entities(conn, a)?;
            actors = m.entities.clone();
            let mut both = Vec::new();
            for id in &m.ids {
                for col in ["ev.source_entity", "ev.target_entity"] {
                    let mut f = Filter { clauses: base.clauses.clone(), params: base.params.clone() };
                    f.add(&format!("{col} = ?"), [Value::Integer(*id)]);
                    both.extend(event_rows(conn, f, want, with_claimant)?);
                }
            }
            both.sort_by(|x, y| (&x.date, x.id).cmp(&(&y.date, y.id)));
            both.dedup_by_key(|e| e.id);
            both
        }
    };
    out.truncate(want);
    Ok(Events { actors, places, claimants, events: out })
}

/// Events matching the filters (on `ev` only), oldest first; chosen before their articles
/// are joined, as in [`quote_rows`]. `with_claimant` is false only on a store of layout 2
/// opened read-only, whose events have no claimant columns yet.
fn event_rows(conn: &Connection, mut f: Filter, want: usize, with_claimant: bool) -> Result<Vec<EventHit>> {
    let lim = f.push(Value::Integer(want as i64));
    let claimant_cols = if with_claimant { "ev.claimant_entity, ev.claimant_text" } else { "NULL, NULL" };
    let sql = format!(
        "SELECT ev.id, ev.type, ev.cameo, ev.text, ev.source_entity, ev.target_entity, ev.source_text, ev.target_text,
                ev.location_entity, ev.date, ev.status, ev.span_start, ev.span_end, {claimant_cols}, {ARTICLE_COLS}
         FROM (SELECT * FROM event ev {} ORDER BY ev.date, ev.id LIMIT {lim}) ev
         JOIN article a ON a.id = ev.article_id ORDER BY ev.date, ev.id",
        f.sql()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(f.params.iter()))?;
    let mut cache = HashMap::new();
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(EventHit {
            id: r.get(0)?,
            kind: r.get(1)?,
            cameo: r.get(2)?,
            text: r.get(3)?,
            source: canonical_ref(conn, r.get(4)?, &mut cache)?,
            target: canonical_ref(conn, r.get(5)?, &mut cache)?,
            source_text: r.get(6)?,
            target_text: r.get(7)?,
            place: canonical_ref(conn, r.get(8)?, &mut cache)?,
            date: r.get(9)?,
            status: r.get(10)?,
            span: [r.get(11)?, r.get(12)?],
            claimant: canonical_ref(conn, r.get(13)?, &mut cache)?,
            claimant_text: r.get(14)?,
            article: article_ref(r, 15)?,
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Entities

#[derive(Debug, Serialize)]
pub struct EntityHit {
    #[serde(flatten)]
    pub entity: EntityRef,
    pub articles: i64,
}

/// Corpus entities a name stands for, most cited first.
pub fn find_entities(store: &Store, name: &str, lim: Option<usize>) -> Result<Vec<EntityHit>> {
    let conn = store.conn();
    let mut out = Vec::new();
    for id in match_entities(conn, name)?.entities.into_iter().map(|e| e.id).take(limit(lim)) {
        out.push(EntityHit { entity: entity_ref(conn, id)?, articles: entity_articles(conn, id)? });
    }
    Ok(out)
}

/// Articles citing an entity's merged group (kept at ingest and on merges).
fn entity_articles(conn: &Connection, id: i64) -> Result<i64> {
    Ok(conn.prepare_cached("SELECT articles FROM entity WHERE id = ?1")?.query_row([canonical(conn, id)?], |r| r.get(0))?)
}

#[derive(Debug, Serialize)]
pub struct NameCount {
    pub name: String,
    pub count: i64,
}

#[derive(Debug, Serialize)]
pub struct TitleSpan {
    pub title: String,
    pub first: Option<String>,
    pub last: Option<String>,
    pub articles: i64,
}

#[derive(Debug, Serialize)]
pub struct Cooccurrence {
    pub entity: EntityRef,
    pub articles: i64,
}

#[derive(Debug, Serialize)]
pub struct MergedMember {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct EntityPage {
    pub entity: EntityRef,
    pub geonames_id: Option<i64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country_code: Option<String>,
    /// Entities merged into this one (each can be unmerged).
    pub merged: Vec<MergedMember>,
    pub articles: i64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// The names articles used, most frequent first.
    pub names: Vec<NameCount>,
    /// Titles over time ("Ukrainian President", 2019-05-20 … 2022-03-28).
    pub titles: Vec<TitleSpan>,
    /// What they said (latest first).
    pub said: Vec<QuoteHit>,
    /// What others said that names them.
    pub said_about: Vec<QuoteHit>,
    /// Figures they gave.
    pub claims: Vec<Claim>,
    pub events: Vec<EventHit>,
    /// Who appears alongside them, in their latest 500 articles.
    pub related: Vec<Cooccurrence>,
}

/// Articles whose co-occurring entities make an entity page's "related" list.
const RELATED_WINDOW: usize = 500;

/// Entities named in the latest [`RELATED_WINDOW`] articles of a merged group (outside the
/// group), with how many of those articles name each, most first (at most 40).
///
/// The latest articles are taken from each member's own index walk (newest first, stopping
/// at the window), so a hub named in 300,000 articles costs the same as one named in 600;
/// selecting them with one `IN (group)` query sorted every article of the hub first.
fn cooccurring(conn: &Connection, group: &[i64]) -> Result<Vec<(i64, i64)>> {
    let mut latest: Vec<i64> = Vec::new();
    {
        let mut stmt = conn.prepare_cached("SELECT article_id FROM article_entity WHERE entity_id = ?1 ORDER BY article_id DESC LIMIT ?2")?;
        for id in group {
            for a in stmt.query_map(rusqlite::params![id, RELATED_WINDOW as i64], |r| r.get::<_, i64>(0))? {
                latest.push(a?);
            }
        }
    }
    latest.sort_unstable_by(|a, b| b.cmp(a));
    latest.dedup();
    latest.truncate(RELATED_WINDOW);
    let mut counts: HashMap<i64, i64> = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT entity_id FROM article_entity WHERE article_id = ?1")?;
    let mut seen: Vec<i64> = Vec::new();
    for a in latest {
        seen.clear();
        for e in stmt.query_map([a], |r| r.get::<_, i64>(0))? {
            let e = e?;
            // Two local entities of one article tied to one corpus entity count once.
            if !group.contains(&e) && !seen.contains(&e) {
                seen.push(e);
                *counts.entry(e).or_default() += 1;
            }
        }
    }
    let mut rows: Vec<(i64, i64)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    rows.truncate(40);
    Ok(rows)
}

pub fn entity_page(store: &Store, id: i64) -> Result<EntityPage> {
    let conn = store.conn();
    let root = canonical(conn, id)?;
    let entity = entity_ref(conn, root)?;
    let ids = resolve::group(conn, root)?;
    let gj = serde_json::to_string(&ids).unwrap_or_default();
    let (geonames_id, lat, lon, country_code) =
        conn.query_row("SELECT geonames_id, lat, lon, country_code FROM entity WHERE id = ?1", [root], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    let merged = {
        let mut stmt = conn.prepare_cached("SELECT id, name FROM entity WHERE id IN (SELECT value FROM json_each(?1)) AND id != ?2")?;
        stmt.query_map(rusqlite::params![gj, root], |r| Ok(MergedMember { id: r.get(0)?, name: r.get(1)? }))?.collect::<rusqlite::Result<Vec<_>>>()?
    };
    // Aggregates kept at ingest: the cost does not grow with the entity's article count.
    let (articles, first_seen, last_seen) = conn.query_row(
        "SELECT (SELECT articles FROM entity WHERE id = ?2), min(first_seen), max(last_seen) FROM entity
         WHERE id IN (SELECT value FROM json_each(?1))",
        rusqlite::params![gj, root],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let names = {
        let mut stmt = conn.prepare_cached(
            "SELECT name, sum(count) AS n FROM entity_name WHERE entity_id IN (SELECT value FROM json_each(?1))
             GROUP BY name ORDER BY n DESC, name LIMIT 20",
        )?;
        stmt.query_map([&gj], |r| Ok(NameCount { name: r.get(0)?, count: r.get(1)? }))?.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let titles = {
        let mut stmt = conn.prepare_cached(
            "SELECT max(title), min(first), max(last), sum(count) FROM entity_title
             WHERE entity_id IN (SELECT value FROM json_each(?1))
             GROUP BY title_key ORDER BY min(first) IS NULL, min(first), sum(count) DESC, title_key LIMIT 50",
        )?;
        stmt.query_map([&gj], |r| Ok(TitleSpan { title: r.get(0)?, first: r.get(1)?, last: r.get(2)?, articles: r.get(3)? }))?
            .collect::<rusqlite::Result<Vec<_>>>()?
    };
    let said = quotes(store, &QuoteParams { speaker: Some(root.to_string()), limit: Some(20), ..Default::default() })?.quotes;
    // Quotes by others whose words name them (any of their three commonest names).
    let topic = names.iter().take(3).map(|n| format!("\"{}\"", n.name.replace('"', ""))).collect::<Vec<_>>().join(" OR ");
    let said_about = if topic.is_empty() {
        Vec::new()
    } else {
        let mut stmt = conn.prepare_cached(&format!(
            // The 20 quotes are chosen before their articles are joined: joining first read
            // an article row for each of the 500 candidates.
            "SELECT q.id, q.kind, q.text, q.span_start, q.span_end, q.speaker_entity, q.speaker_name, q.speaker_text, q.cue,
                    q.confidence, {ARTICLE_COLS}
             FROM (SELECT * FROM quote
                   WHERE id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?1 ORDER BY rowid DESC LIMIT 500)
                     AND (speaker_entity IS NULL OR speaker_entity NOT IN (SELECT value FROM json_each(?2)))
                   ORDER BY date DESC, id DESC LIMIT 20) q
             JOIN article a ON a.id = q.article_id
             ORDER BY q.date DESC, q.id DESC"
        ))?;
        let mut cache = HashMap::new();
        let rows: Vec<(QuoteHit, Option<i64>)> = stmt
            .query_map(rusqlite::params![topic, gj], |r| {
                Ok((
                    QuoteHit {
                        id: r.get(0)?,
                        kind: r.get(1)?,
                        text: r.get(2)?,
                        span: [r.get(3)?, r.get(4)?],
                        speaker: None,
                        speaker_name: r.get(6)?,
                        speaker_text: r.get(7)?,
                        cue: r.get(8)?,
                        confidence: r.get(9)?,
                        article: article_ref(r, 10)?,
                        mentions: 1,
                        also_in: Vec::new(),
                    },
                    r.get(5)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (mut q, spk) in rows {
            q.speaker = canonical_ref(conn, spk, &mut cache)?;
            out.push(q);
        }
        out
    };
    let claims = {
        // One ordered walk of the (claimant, date) index per member, merged: a set of ids
        // would make SQLite sort every claim a hub ever made to keep the first 20.
        let mut c = Vec::new();
        for member in &ids {
            let mut f = Filter::default();
            f.add("c.claimant_entity = ?", [Value::Integer(*member)]);
            c.extend(select_claims(conn, f, 20)?);
        }
        // SQLite's order: undated (NULL) first, then by date and id.
        c.sort_by(|x, y| (&x.first_date, x.id).cmp(&(&y.first_date, y.id)));
        c.truncate(20);
        for claim in &mut c {
            fill_mentions(conn, claim, &None, &None)?;
        }
        c
    };
    let events = events(store, &EventParams { actor: Some(root.to_string()), limit: Some(20), ..Default::default() })?.events;
    let related = {
        let rows = cooccurring(conn, &ids)?;
        // Merge counts of entities that belong to one group.
        let mut by_root: Vec<(i64, i64)> = Vec::new();
        for (e, n) in rows {
            let r = canonical(conn, e)?;
            match by_root.iter_mut().find(|(id, _)| *id == r) {
                Some(slot) => slot.1 += n,
                None => by_root.push((r, n)),
            }
        }
        by_root.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut out = Vec::new();
        for (r, n) in by_root.into_iter().take(10) {
            out.push(Cooccurrence { entity: entity_ref(conn, r)?, articles: n });
        }
        out
    };
    Ok(EntityPage {
        entity,
        geonames_id,
        lat,
        lon,
        country_code,
        merged,
        articles,
        first_seen,
        last_seen,
        names,
        titles,
        said,
        said_about,
        claims,
        events,
        related,
    })
}

// ---------------------------------------------------------------------------------------
// Articles

#[derive(Debug, Serialize)]
pub struct ArticlePage {
    pub article: ArticleRef,
    pub similarity: Option<f64>,
    /// Other members of its near-duplicate cluster.
    pub copies: Vec<ArticleRef>,
    /// Its local entities tied to corpus entities.
    pub entities: BTreeMap<String, EntityRef>,
    pub text: String,
    pub record: serde_json::Value,
}

pub fn article(store: &Store, id: i64) -> Result<ArticlePage> {
    let conn = store.conn();
    let (article, similarity, text, record): (ArticleRef, Option<f64>, String, String) = conn
        .query_row(&format!("SELECT {ARTICLE_COLS}, a.similarity, a.text, a.record FROM article a WHERE a.id = ?1"), [id], |r| {
            Ok((article_ref(r, 0)?, r.get(7)?, r.get(8)?, r.get(9)?))
        })
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("article {id}")))?;
    let copies = {
        let mut stmt = conn.prepare_cached(&format!("SELECT {ARTICLE_COLS} FROM article a WHERE a.cluster = ?1 AND a.id != ?2 ORDER BY a.id LIMIT 100"))?;
        stmt.query_map([article.cluster, id], |r| article_ref(r, 0))?.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let mut entities = BTreeMap::new();
    {
        let mut stmt = conn.prepare_cached("SELECT local_id, entity_id FROM article_entity WHERE article_id = ?1")?;
        let rows: Vec<(String, i64)> = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        let mut cache = HashMap::new();
        for (local, e) in rows {
            if let Some(e) = canonical_ref(conn, Some(e), &mut cache)? {
                entities.insert(local, e);
            }
        }
    }
    let record = serde_json::from_str(&record).unwrap_or(serde_json::Value::Null);
    Ok(ArticlePage { article, similarity, copies, entities, text, record })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_queries_are_quoted_and_never_empty() {
        assert_eq!(fts_query("Zelensky Crimea").as_deref(), Some("\"Zelensky\" \"Crimea\""));
        assert_eq!(fts_query("a OR b OR").as_deref(), Some("\"a\" OR \"b\""));
        assert_eq!(fts_query("\"); DROP TABLE article; --").as_deref(), Some("\"DROP\" \"TABLE\" \"article;\""));
        assert_eq!(fts_query("  -- \" "), None);
    }

    #[test]
    fn day_numbers_count_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2022-03-28").unwrap() - day_number("2022-02-24").unwrap(), 32);
        assert_eq!(day_number("2022-13-01"), None);
        assert_eq!(day_number("20"), None);
    }

    #[test]
    fn hedged_figures_that_can_both_be_true_do_not_disagree() {
        let mk = |v: f64, approx: &str| Claim {
            id: 0,
            category: "killed".into(),
            value: Some(v),
            value_max: None,
            approx: approx.into(),
            unit: None,
            what: None,
            place: None,
            place_text: None,
            claimant: None,
            claimant_text: None,
            first_date: None,
            last_date: None,
            mentions: vec![],
            mention_count: 0,
            independent_reports: 0,
        };
        let meets = |a: &Claim, b: &Claim| {
            let (x, y) = (interval(a).unwrap(), interval(b).unwrap());
            x.1 >= y.0 && y.1 >= x.0
        };
        assert!(meets(&mk(100.0, "at_least"), &mk(150.0, "exact")));
        assert!(!meets(&mk(100.0, "exact"), &mk(150.0, "exact")));
        assert!(meets(&mk(100.0, "about"), &mk(105.0, "exact")));
        assert!(!meets(&mk(100.0, "at_most"), &mk(150.0, "more_than")));

        // Different counted things are not compared; unstated ones match anything.
        let with = |what: &str| Claim { what: Some(what.into()), claimant_text: Some("x".into()), ..mk(1.0, "exact") };
        let (deaths, civilians, soldiers) = (with("civilian deaths"), with("civilians"), with("soldiers"));
        let p = |c| Prepared::new(c).unwrap();
        assert!(p(&deaths).same_thing(&p(&civilians)));
        assert!(!p(&soldiers).same_thing(&p(&civilians)));
        assert!(p(&soldiers).same_thing(&p(&Claim { claimant_text: Some("y".into()), ..mk(2.0, "exact") })));
    }
}

/// Browsing queries for the web page (latest articles, top entities, places for the map).
pub mod browse;
