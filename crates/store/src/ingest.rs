//! Writing one analysed article and its facts.
//!
//! Order inside the article's transaction: identity checks (URL, content hash), the article
//! row and its full-text entry, its near-duplicate cluster, its entities (tied to corpus
//! entities), then quotes, claims and events with entity ids translated to corpus ids.

use crate::dedup::{self, BANDS};
use crate::normalise::{fold, squash};
use crate::resolve::{self, canonical};
use crate::{Error, Result};
use newsgraph_record::{Category, Record};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;

/// One analysed article: its record (spans in code points) and the text they index.
#[derive(Debug, Clone)]
pub struct Input {
    pub record: Record,
    pub text: String,
}

impl Input {
    /// The input for a record whose text travels with it (`record.text`), or `text` given.
    pub fn new(record: Record, text: String) -> Input {
        Input { record, text }
    }
}

/// What happened to one input.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Stored as a new article.
    Added(Added),
    /// Already stored (same URL or same content): nothing changed.
    Duplicate { existing: i64, by: &'static str },
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Added {
    pub id: i64,
    /// The first stored article of its near-duplicate cluster (itself when unique).
    pub cluster: i64,
    /// Estimated similarity to that article, when it is a near-duplicate.
    pub similarity: Option<f64>,
}

pub(crate) fn ingest_one(conn: &mut Connection, input: &Input) -> Result<Outcome> {
    let tx = conn.transaction()?;
    let fts = FtsBacklog::start(&tx)?;
    let out = ingest_in(&tx, input)?;
    fts.index(&tx)?;
    tx.commit()?;
    Ok(out)
}

/// Full-text entries are written once per transaction, by one statement per index.
///
/// FTS5 flushes its in-memory term hash to a new on-disk segment at every statement
/// savepoint, and SQLite opens one for each row-level insert into a virtual table and for
/// most writes inside a transaction. Indexing each article and quote as it is stored made
/// one tiny segment per row, and merging those cost more than the rest of the ingest.
/// Indexing every row of the transaction with one `INSERT … SELECT` at its end builds one
/// segment per transaction; atomicity is unchanged (the rows and their index entries
/// commit or roll back together).
pub(crate) struct FtsBacklog {
    article: i64,
    quote: i64,
}

impl FtsBacklog {
    /// Notes the last article and quote stored before this transaction's writes.
    pub(crate) fn start(conn: &Connection) -> Result<FtsBacklog> {
        let max = |table: &str| -> Result<i64> { Ok(conn.query_row(&format!("SELECT coalesce(max(id), 0) FROM {table}"), [], |r| r.get(0))?) };
        Ok(FtsBacklog { article: max("article")?, quote: max("quote")? })
    }

    /// Indexes every article and quote stored since [`FtsBacklog::start`]: rows are only
    /// ever appended (ids grow) and this connection is the only writer inside its transaction.
    pub(crate) fn index(self, conn: &Connection) -> Result<()> {
        conn.prepare_cached("INSERT INTO article_fts(rowid, title, text) SELECT id, coalesce(title, ''), text FROM article WHERE id > ?1 ORDER BY id")?
            .execute([self.article])?;
        conn.prepare_cached("INSERT INTO quote_fts(rowid, text) SELECT id, text FROM quote WHERE id > ?1 ORDER BY id")?.execute([self.quote])?;
        Ok(())
    }
}

/// Writes one article inside the caller's transaction; its full-text entries are written
/// by the caller's [`FtsBacklog`] before it commits.
pub(crate) fn ingest_in(conn: &Connection, input: &Input) -> Result<Outcome> {
    let r = &input.record;
    let text = input.text.as_str();
    let hash = dedup::content_hash(text);
    let url = r.url.as_deref().map(str::trim).filter(|u| !u.is_empty());

    if let Some(u) = url
        && let Some(id) = conn.prepare_cached("SELECT id FROM article WHERE url = ?1")?.query_row([u], |r| r.get(0)).optional()?
    {
        return Ok(Outcome::Duplicate { existing: id, by: "url" });
    }
    if let Some(id) = conn.prepare_cached("SELECT id FROM article WHERE content_hash = ?1")?.query_row([&hash], |r| r.get(0)).optional()? {
        return Ok(Outcome::Duplicate { existing: id, by: "content" });
    }

    // The stored record leaves out the text (kept once, in its own column).
    let mut stored = r.clone();
    stored.text = None;
    let record_json = serde_json::to_string(&stored).map_err(|e| Error::Invalid(format!("record does not serialise: {e}")))?;
    let date = r.date.as_deref().map(str::trim).filter(|d| !d.is_empty());

    conn.prepare_cached(
        "INSERT INTO article(ext_id, url, content_hash, title, outlet, date, date_source, lang, text, text_in_record, record, cluster, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
    )?
    .execute(params![
        r.id,
        url,
        hash,
        r.title,
        r.outlet,
        date,
        serde_json::to_value(r.date_source).ok().and_then(|v| v.as_str().map(str::to_string)),
        r.lang,
        text,
        r.text.is_some(),
        record_json,
    ])?;
    let id = conn.last_insert_rowid();

    let (cluster, similarity) = link_near_duplicates(conn, id, text)?;
    conn.prepare_cached("UPDATE article SET cluster = ?2, similarity = ?3 WHERE id = ?1")?.execute(params![id, cluster, similarity])?;

    let ents = store_entities(conn, id, date, r)?;
    let chars = CharIndex::new(text);
    store_quotes(conn, id, date, r, &ents)?;
    store_claims(conn, id, cluster, date, r, &ents, &chars, text)?;
    store_events(conn, id, r, &ents)?;
    Ok(Outcome::Added(Added { id, cluster, similarity }))
}

/// Near-duplicate candidates whose signatures are compared, at most, per article.
const MAX_VERIFIED: usize = 24;

/// Finds the most similar stored article through the LSH bands; joins its cluster when the
/// estimated similarity reaches [`dedup::NEAR_DUP`]. Records this article's bands either way.
fn link_near_duplicates(conn: &Connection, id: i64, text: &str) -> Result<(i64, Option<f64>)> {
    let Some(sig) = dedup::signature(text) else {
        return Ok((id, None));
    };
    let bands = dedup::bands(&sig);
    let mut hits: HashMap<i64, u32> = HashMap::new();
    {
        // A popular bucket (boilerplate, a story with many versions) is capped.
        let mut stmt = conn.prepare_cached("SELECT article_id FROM lsh WHERE band = ?1 AND bucket = ?2 LIMIT 50")?;
        for (b, bucket) in bands.iter().enumerate() {
            for a in stmt.query_map(params![b as i64, bucket], |r| r.get::<_, i64>(0))? {
                *hits.entry(a?).or_default() += 1;
            }
        }
    }
    // Copies share many bands; only the candidates sharing the most are verified, which
    // bounds the work per article however crowded the buckets are.
    let mut candidates: Vec<(u32, i64)> = hits.into_iter().map(|(a, n)| (n, a)).collect();
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    candidates.truncate(MAX_VERIFIED);
    let candidates: Vec<i64> = candidates.into_iter().map(|(_, a)| a).collect();
    let mut best: Option<(f64, i64)> = None;
    {
        let mut stmt = conn.prepare_cached("SELECT m.sig, a.cluster FROM minhash m JOIN article a ON a.id = m.article_id WHERE m.article_id = ?1")?;
        for c in candidates {
            let row: Option<(Vec<u8>, i64)> = stmt.query_row([c], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
            if let Some((bytes, cluster)) = row
                && let Some(other) = dedup::from_bytes(&bytes)
            {
                let s = dedup::similarity(&sig, &other);
                if s >= dedup::NEAR_DUP && best.is_none_or(|(bs, bc)| s > bs || (s == bs && cluster < bc)) {
                    best = Some((s, cluster));
                }
            }
        }
    }
    conn.prepare_cached("INSERT INTO minhash(article_id, sig) VALUES (?1, ?2)")?.execute(params![id, dedup::to_bytes(&sig)])?;
    let mut ins = conn.prepare_cached("INSERT OR IGNORE INTO lsh(band, bucket, article_id) VALUES (?1, ?2, ?3)")?;
    for (b, bucket) in bands.iter().enumerate().take(BANDS) {
        ins.execute(params![b as i64, bucket, id])?;
    }
    Ok(match best {
        Some((s, cluster)) => (cluster, Some(s)),
        None => (id, None),
    })
}

/// The article's local entity ids mapped to corpus entity ids and display names.
struct Ents {
    map: HashMap<String, (i64, String)>,
}

impl Ents {
    fn id(&self, local: Option<&str>) -> Option<i64> {
        local.and_then(|l| self.map.get(l)).map(|(id, _)| *id)
    }
    fn name(&self, local: Option<&str>) -> Option<&str> {
        local.and_then(|l| self.map.get(l)).map(|(_, n)| n.as_str())
    }
}

fn store_entities(conn: &Connection, article: i64, date: Option<&str>, r: &Record) -> Result<Ents> {
    let mut map = HashMap::new();
    let mut ins = conn.prepare_cached(
        "INSERT OR IGNORE INTO article_entity(article_id, local_id, entity_id, name, type, aliases, titles, mentions, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let mut seen = conn.prepare_cached(
        "UPDATE entity SET first_seen = CASE WHEN first_seen IS NULL OR ?2 < first_seen THEN ?2 ELSE first_seen END,
                           last_seen = CASE WHEN last_seen IS NULL OR ?2 > last_seen THEN ?2 ELSE last_seen END
         WHERE id = ?1 AND ?2 IS NOT NULL",
    )?;
    let mut name = conn.prepare_cached(
        "INSERT INTO entity_name(entity_id, name, count) VALUES (?1, ?2, 1)
         ON CONFLICT(entity_id, name) DO UPDATE SET count = count + 1",
    )?;
    let mut title = conn.prepare_cached(
        "INSERT INTO entity_title(entity_id, title_key, title, first, last, count) VALUES (?1, ?2, ?3, ?4, ?4, 1)
         ON CONFLICT(entity_id, title_key) DO UPDATE SET count = count + 1,
           first = CASE WHEN excluded.first IS NOT NULL AND (first IS NULL OR excluded.first < first) THEN excluded.first ELSE first END,
           last = CASE WHEN excluded.last IS NOT NULL AND (last IS NULL OR excluded.last > last) THEN excluded.last ELSE last END",
    )?;
    for e in &r.entities {
        if e.name.trim().is_empty() || map.contains_key(&e.id) {
            continue;
        }
        let (cid, reason) = resolve::resolve(conn, e)?;
        ins.execute(params![
            article,
            e.id,
            cid,
            e.name,
            e.kind.as_str(),
            serde_json::to_string(&e.aliases).unwrap_or_else(|_| "[]".into()),
            serde_json::to_string(&e.titles).unwrap_or_else(|_| "[]".into()),
            e.mentions.len() as i64,
            reason.as_str(),
        ])?;
        seen.execute(params![cid, date])?;
        name.execute(params![cid, e.name])?;
        for t in &e.titles {
            let key = fold(t);
            if !key.is_empty() {
                title.execute(params![cid, key, t, date])?;
            }
        }
        map.insert(e.id.clone(), (cid, e.name.clone()));
    }
    Ok(Ents { map })
}

fn store_quotes(conn: &Connection, article: i64, date: Option<&str>, r: &Record, ents: &Ents) -> Result<()> {
    let mut ins = conn.prepare_cached(
        "INSERT INTO quote(article_id, kind, text, span_start, span_end, speaker_entity, speaker_name, speaker_text, cue, confidence, quote_key, date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for q in &r.quotes {
        let speaker = ents.id(q.speaker.as_deref());
        let speaker_name = q.speaker_name.clone().or_else(|| ents.name(q.speaker.as_deref()).map(str::to_string));
        // Repeats of a quote across outlets share a key: its words, whoever is credited.
        let key = dedup::key_hash(&[&fold(&q.text)]);
        let kind = serde_json::to_value(q.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        ins.execute(params![article, kind, q.text, q.span[0] as i64, q.span[1] as i64, speaker, speaker_name, q.speaker_text, q.cue, q.confidence, key, date])?;
    }
    Ok(())
}

pub(crate) fn category_str(c: Category) -> &'static str {
    match c {
        Category::Killed => "killed",
        Category::Injured => "injured",
        Category::Displaced => "displaced",
        Category::Trapped => "trapped",
        Category::Evacuated => "evacuated",
        Category::Arrested => "arrested",
        Category::Missing => "missing",
        Category::Affected => "affected",
        Category::Other => "other",
    }
}

fn num(v: Option<f64>) -> String {
    v.map(|v| format!("{v}")).unwrap_or_default()
}

#[allow(clippy::too_many_arguments)]
fn store_claims(conn: &Connection, article: i64, cluster: i64, date: Option<&str>, r: &Record, ents: &Ents, chars: &CharIndex, text: &str) -> Result<()> {
    let mut upsert = conn.prepare_cached(
        "INSERT INTO claim(claim_key, category, location_entity, location_text, value, value_max, approx, unit, what,
                           claimant_entity, claimant_text, first_date, last_date, mentions)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, 0)
         ON CONFLICT(claim_key) DO UPDATE SET
           first_date = CASE WHEN excluded.first_date IS NOT NULL AND (first_date IS NULL OR excluded.first_date < first_date) THEN excluded.first_date ELSE first_date END,
           last_date = CASE WHEN excluded.last_date IS NOT NULL AND (last_date IS NULL OR excluded.last_date > last_date) THEN excluded.last_date ELSE last_date END
         RETURNING id",
    )?;
    let mut mention = conn.prepare_cached(
        "INSERT OR IGNORE INTO claim_mention(claim_id, article_id, cluster, date, text, span_start, span_end, evidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut count = conn.prepare_cached("UPDATE claim SET mentions = mentions + 1 WHERE id = ?1")?;
    for q in &r.quantities {
        let category = category_str(q.category);
        let location = ents.id(q.location.as_deref()).map(|id| canonical(conn, id)).transpose()?;
        let location_text = ents.name(q.location.as_deref()).map(str::to_string).or_else(|| q.location.clone());
        let claimant = ents.id(q.source.as_deref()).map(|id| canonical(conn, id)).transpose()?;
        let claimant_text = ents.name(q.source.as_deref()).map(str::to_string).or_else(|| q.source_text.clone());
        let approx = serde_json::to_value(q.approx).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        // A claim is what is asserted, not where: the same category, place, figure, hedge
        // and claimant written in ten articles is one claim with ten mentions.
        let loc_part = location.map(|l| format!("#{l}")).unwrap_or_else(|| fold(location_text.as_deref().unwrap_or("")));
        let who_part = claimant.map(|c| format!("#{c}")).unwrap_or_else(|| fold(claimant_text.as_deref().unwrap_or("")));
        let what_part = if q.category == Category::Other { fold(q.what.as_deref().unwrap_or("")) } else { String::new() };
        let key = dedup::key_hash(&[category, &loc_part, &num(q.value), &num(q.value_max), &approx, q.unit.as_deref().unwrap_or(""), &what_part, &who_part]);
        let claim_id: i64 = upsert
            .query_row(params![key, category, location, location_text, q.value, q.value_max, approx, q.unit, q.what, claimant, claimant_text, date], |row| {
                row.get(0)
            })?;
        let evidence = chars.sentence_around(text, q.span);
        if mention.execute(params![claim_id, article, cluster, date, q.text, q.span[0] as i64, q.span[1] as i64, evidence])? > 0 {
            count.execute([claim_id])?;
        }
    }
    Ok(())
}

fn store_events(conn: &Connection, article: i64, r: &Record, ents: &Ents) -> Result<()> {
    let mut ins = conn.prepare_cached(
        "INSERT INTO event(article_id, type, cameo, text, span_start, span_end, source_entity, target_entity, source_text,
                           target_text, location_entity, date, status, claimant_entity, claimant_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    for e in &r.events {
        let status = serde_json::to_value(e.status).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        // Whose account the event is, resolved as a claim's claimant is (canonical corpus
        // entity); the record carries only the local id, so its text is the entity's name.
        let claimant = ents.id(e.claimant.as_deref()).map(|id| canonical(conn, id)).transpose()?;
        let claimant_text = ents.name(e.claimant.as_deref()).map(str::to_string);
        ins.execute(params![
            article,
            e.kind,
            e.cameo,
            e.text,
            e.span[0] as i64,
            e.span[1] as i64,
            ents.id(e.source.as_deref()),
            ents.id(e.target.as_deref()),
            e.source_text.clone().or_else(|| ents.name(e.source.as_deref()).map(str::to_string)),
            e.target_text.clone().or_else(|| ents.name(e.target.as_deref()).map(str::to_string)),
            ents.id(e.location.as_deref()),
            e.date.clone().or_else(|| r.date.clone()),
            status,
            claimant,
            claimant_text,
        ])?;
    }
    Ok(())
}

/// Code point → byte offsets of a text, for cutting evidence out of code-point spans.
pub(crate) struct CharIndex {
    bytes: Vec<usize>,
}

impl CharIndex {
    pub(crate) fn new(text: &str) -> CharIndex {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { bytes }
    }

    /// The byte offset of code point `c`, clamped to the text.
    pub(crate) fn byte(&self, c: usize) -> usize {
        self.bytes[c.min(self.bytes.len() - 1)]
    }

    /// The sentence (roughly: between sentence ends or line breaks, at most ~300 bytes
    /// either side) around a code-point span: the evidence a reader checks a claim against.
    pub(crate) fn sentence_around(&self, text: &str, span: [usize; 2]) -> String {
        let (s, e) = (self.byte(span[0]), self.byte(span[1].max(span[0])));
        let before = &text[..s];
        let mut start = s.saturating_sub(300);
        while !text.is_char_boundary(start) {
            start += 1;
        }
        if let Some(p) = before[start..].rfind(['\n', '.', '!', '?']) {
            start += p + 1;
        }
        let mut end = (e + 300).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let after = &text[e..end.max(e)];
        let mut stop = end.max(e);
        for (i, c) in after.char_indices() {
            if c == '\n' {
                stop = e + i;
                break;
            }
            if matches!(c, '.' | '!' | '?') {
                let next = after[i + c.len_utf8()..].chars().next();
                if next.is_none_or(|n| n.is_whitespace() || n == '"' || n == '\u{201d}') {
                    stop = e + i + c.len_utf8();
                    break;
                }
            }
        }
        // A sentence that follows a closing quote or bracket starts after it.
        squash(text[start..stop].trim_start_matches(['"', '\u{201d}', '\'', '\u{2019}', ')', ']', ' ', '\n']))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_the_sentence_around_a_span_in_code_points() {
        let text = "Første linje. The UN said 1,119 civilians were killed in Ukraine. Next one.";
        let idx = CharIndex::new(text);
        let start = text.chars().take_while(|_| true).collect::<String>().find("1,119").unwrap();
        // Convert the byte offset to code points.
        let cp = text[..start].chars().count();
        let ev = idx.sentence_around(text, [cp, cp + 5]);
        assert_eq!(ev, "The UN said 1,119 civilians were killed in Ukraine.");
        // Out-of-range spans are clamped, never a panic.
        assert_eq!(idx.sentence_around(text, [1000, 2000]), "");
        assert!(!idx.sentence_around("", [0, 0]).contains('x'));
    }
}
