//! The store's tables. One SQLite file holds everything; its layout is versioned with
//! `PRAGMA user_version` so a later release can migrate an older file instead of failing.
//!
//! The shape follows what users ask of a corpus:
//! - `article` keeps every copy of a story (syndicated copies included) and links each to
//!   its near-duplicate `cluster`, so nothing is merged away and repeats can be counted once;
//! - `entity` is a corpus entity; `article_entity` ties each article's local entity (`e3`)
//!   to one, so a merge or unmerge is a change of one column (`merged_into`), never of data;
//! - `claim` is a distinct claim (category, place, value, hedge, claimant) and
//!   `claim_mention` every place it was written, so ten outlets give one claim, ten mentions;
//! - `quote` and `event` keep one row per occurrence, with corpus entity ids resolved.

/// The layout version written to `PRAGMA user_version`.
///
/// - 2: the first released layout.
/// - 3: `event.claimant_entity` and `event.claimant_text` (whose account an event inside a
///   quotation is), with `event_claimant`; a layout-2 file gains them by [`MIGRATE_2_TO_3`].
pub const VERSION: i64 = 3;

/// The oldest layout a store can be migrated from (layout 1 predates the first release).
pub const OLDEST_MIGRATABLE: i64 = 2;

/// Layout 2 → 3: an event's claimant. Old rows keep NULL (they were stored before events
/// carried one; re-ingesting the article into a new store fills them). SQLite adds a
/// column that references another table only with a NULL default, which is what we want.
pub const MIGRATE_2_TO_3: &str = "
ALTER TABLE event ADD COLUMN claimant_entity INTEGER REFERENCES entity(id);
ALTER TABLE event ADD COLUMN claimant_text TEXT;
CREATE INDEX IF NOT EXISTS event_claimant ON event(claimant_entity, date);
PRAGMA user_version = 3;
";

/// Connection settings applied on every open: WAL so readers never block the writer (and a
/// `kill -9` loses at most the transaction in flight), and a busy timeout so concurrent
/// processes wait instead of failing.
pub const PRAGMAS: &str = "
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
PRAGMA busy_timeout = 10000;
PRAGMA cache_size = -65536;
PRAGMA temp_store = MEMORY;
";

/// Indexes changed within a layout version: created when missing (and the one they
/// replace dropped) whenever a store is opened for writing, so a file written by an
/// earlier build of the same layout gains them.
pub const ADDED_INDEXES: &str = "
CREATE INDEX IF NOT EXISTS entity_key_entity ON entity_key(entity_id, key);
CREATE INDEX IF NOT EXISTS claim_mention_by_date ON claim_mention(claim_id, date, article_id, cluster);
DROP INDEX IF EXISTS claim_mention_claim_date;
";

pub const DDL: &str = "
CREATE TABLE IF NOT EXISTS meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS article(
  id INTEGER PRIMARY KEY,
  ext_id TEXT NOT NULL,
  url TEXT UNIQUE,
  content_hash BLOB NOT NULL UNIQUE,
  title TEXT,
  outlet TEXT,
  date TEXT,
  date_source TEXT NOT NULL,
  lang TEXT,
  text TEXT NOT NULL,
  text_in_record INTEGER NOT NULL,
  record TEXT NOT NULL,
  cluster INTEGER NOT NULL,
  similarity REAL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS article_date ON article(date);
CREATE INDEX IF NOT EXISTS article_cluster ON article(cluster);
CREATE INDEX IF NOT EXISTS article_ext_id ON article(ext_id);

CREATE TABLE IF NOT EXISTS lsh(
  band INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES article(id),
  PRIMARY KEY(band, bucket, article_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS minhash(
  article_id INTEGER PRIMARY KEY REFERENCES article(id),
  sig BLOB NOT NULL
);

CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
  title, text, content='article', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE IF NOT EXISTS entity(
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  merged_into INTEGER REFERENCES entity(id),
  geonames_id INTEGER,
  lat REAL,
  lon REAL,
  country_code TEXT,
  articles INTEGER NOT NULL DEFAULT 0,
  first_seen TEXT,
  last_seen TEXT
);
CREATE INDEX IF NOT EXISTS entity_merged ON entity(merged_into);

-- Per-entity aggregates kept at ingest, so an entity's page costs the same for a hub
-- cited by 100,000 articles as for a name seen once.
CREATE TABLE IF NOT EXISTS entity_name(
  entity_id INTEGER NOT NULL REFERENCES entity(id),
  name TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY(entity_id, name)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS entity_title(
  entity_id INTEGER NOT NULL REFERENCES entity(id),
  title_key TEXT NOT NULL,
  title TEXT NOT NULL,
  first TEXT,
  last TEXT,
  count INTEGER NOT NULL,
  PRIMARY KEY(entity_id, title_key)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS entity_key(
  key TEXT NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entity(id),
  PRIMARY KEY(key, entity_id)
) WITHOUT ROWID;
-- An entity's own keys (its known first names, when a surname is being resolved); without
-- it that lookup scanned every person key in the corpus, which grew with every article.
CREATE INDEX IF NOT EXISTS entity_key_entity ON entity_key(entity_id, key);

CREATE TABLE IF NOT EXISTS article_entity(
  article_id INTEGER NOT NULL REFERENCES article(id),
  local_id TEXT NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entity(id),
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  aliases TEXT NOT NULL,
  titles TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY(article_id, local_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_entity_entity ON article_entity(entity_id);

CREATE TABLE IF NOT EXISTS merge_log(
  id INTEGER PRIMARY KEY,
  from_id INTEGER NOT NULL REFERENCES entity(id),
  into_id INTEGER NOT NULL REFERENCES entity(id),
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  undone_at TEXT
);

CREATE TABLE IF NOT EXISTS quote(
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article(id),
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  speaker_entity INTEGER REFERENCES entity(id),
  date TEXT,
  speaker_name TEXT,
  speaker_text TEXT,
  cue TEXT,
  confidence REAL,
  quote_key BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS quote_article ON quote(article_id);
CREATE INDEX IF NOT EXISTS quote_speaker ON quote(speaker_entity, date);
CREATE INDEX IF NOT EXISTS quote_date ON quote(date);
CREATE INDEX IF NOT EXISTS quote_key ON quote(quote_key);

CREATE VIRTUAL TABLE IF NOT EXISTS quote_fts USING fts5(
  text, content='quote', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE IF NOT EXISTS claim(
  id INTEGER PRIMARY KEY,
  claim_key BLOB NOT NULL UNIQUE,
  category TEXT NOT NULL,
  location_entity INTEGER REFERENCES entity(id),
  location_text TEXT,
  value REAL,
  value_max REAL,
  approx TEXT NOT NULL,
  unit TEXT,
  what TEXT,
  claimant_entity INTEGER REFERENCES entity(id),
  claimant_text TEXT,
  first_date TEXT,
  last_date TEXT,
  mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS claim_category ON claim(category, first_date);
CREATE INDEX IF NOT EXISTS claim_location ON claim(location_entity, category, first_date);
CREATE INDEX IF NOT EXISTS claim_claimant ON claim(claimant_entity, first_date);

CREATE TABLE IF NOT EXISTS claim_mention(
  claim_id INTEGER NOT NULL REFERENCES claim(id),
  article_id INTEGER NOT NULL REFERENCES article(id),
  -- The article's near-duplicate cluster, kept here so independent reports are counted
  -- from the claim's own rows (which this table stores together) without a join.
  cluster INTEGER NOT NULL,
  date TEXT,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  PRIMARY KEY(claim_id, article_id, span_start)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS claim_mention_article ON claim_mention(article_id);
-- A claim's mentions in date order (as shown); with the cluster, counting a claim's mentions and
-- independent reports in a date range reads this index only, not the mentions' text.
CREATE INDEX IF NOT EXISTS claim_mention_by_date ON claim_mention(claim_id, date, article_id, cluster);

-- An event's claimant is whose account it is: the speaker of the quotation it was reported
-- in (the canonical corpus entity at ingest, as for a claim), and that speaker's name.
CREATE TABLE IF NOT EXISTS event(
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article(id),
  type TEXT NOT NULL,
  cameo TEXT,
  text TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  source_entity INTEGER REFERENCES entity(id),
  target_entity INTEGER REFERENCES entity(id),
  source_text TEXT,
  target_text TEXT,
  location_entity INTEGER REFERENCES entity(id),
  date TEXT,
  status TEXT NOT NULL,
  claimant_entity INTEGER REFERENCES entity(id),
  claimant_text TEXT
);
CREATE INDEX IF NOT EXISTS event_article ON event(article_id);
CREATE INDEX IF NOT EXISTS event_type_date ON event(type, date);
CREATE INDEX IF NOT EXISTS event_source ON event(source_entity, date);
CREATE INDEX IF NOT EXISTS event_target ON event(target_entity, date);
CREATE INDEX IF NOT EXISTS event_location ON event(location_entity, date);
CREATE INDEX IF NOT EXISTS event_claimant ON event(claimant_entity, date);
";
