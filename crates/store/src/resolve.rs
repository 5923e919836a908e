//! Cross-article entities: each article's local entity (`e3`, "Volodymyr Zelensky") is tied
//! to one corpus entity, so "Zelensky", "Zelenskyy" and "Volodymyr Zelensky" in three
//! articles are one person in queries.
//!
//! Matching is by lookup keys, never by scanning:
//! - people: the full name (`P|volodimir zelensk`, every word in its transliteration-tolerant
//!   form) and the surname (`P~zelensk`). A full name matches the same full name; failing
//!   that, a surname matches an entity whose known first names agree (or which has none), and
//!   a bare surname only when one candidate clearly dominates (two Johnsons of equal standing
//!   stay apart rather than merge wrongly);
//! - places, organisations, groups, facilities: the GeoNames id when the article has one
//!   (`G|703448`), then the name and each alias within a type family (`L|kyiv`, `O|un`).
//!
//! Article entities are tied to the corpus entity they matched; merges between corpus
//! entities only set `merged_into`, so every merge can be undone exactly (see `merge.rs`).

use crate::normalise::{loose, name_key, person_words};
use newsgraph_record::{Entity, EntityType};
use rusqlite::{Connection, OptionalExtension, params};

/// How an article entity was tied to a corpus entity (kept in `article_entity.reason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    New,
    Geo,
    FullName,
    Surname,
    Name,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::New => "new",
            Reason::Geo => "geonames id",
            Reason::FullName => "same full name",
            Reason::Surname => "same surname, first names agree",
            Reason::Name => "same name or alias",
        }
    }
}

/// A bare surname is tied to the most-cited candidate only when it has at least this many
/// times the articles of the next one.
const DOMINANCE: i64 = 3;

/// The lookup keys of one article entity.
struct Keys {
    /// Keys that identify on their own (full names, GeoNames id, org/place names).
    strong: Vec<String>,
    /// The surname key of a person.
    surname: Option<String>,
    /// Loose first names of a person, for agreement checks.
    first_names: Vec<String>,
}

fn family(kind: EntityType) -> &'static str {
    match kind {
        EntityType::PERSON => "P",
        EntityType::GPE | EntityType::LOC => "L",
        EntityType::ORG => "O",
        EntityType::NORP => "N",
        EntityType::FAC => "F",
    }
}

fn person_full_key(words: &[String]) -> Option<String> {
    (words.len() >= 2).then(|| format!("P|{}", words.iter().map(|w| loose(w)).collect::<Vec<_>>().join(" ")))
}

fn keys(e: &Entity) -> Keys {
    let mut strong = Vec::new();
    let mut surname = None;
    let mut first_names = Vec::new();
    if e.kind == EntityType::PERSON {
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            let words = person_words(n);
            if let Some(k) = person_full_key(&words) {
                first_names.push(loose(&words[0]));
                strong.push(k);
            }
            if surname.is_none()
                && let Some(last) = words.last()
            {
                surname = Some(format!("P~{}", loose(last)));
            }
        }
    } else {
        if let Some(id) = e.geo.as_ref().and_then(|g| g.geonames_id) {
            strong.push(format!("G|{id}"));
        }
        let f = family(e.kind);
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            let k = name_key(n);
            if !k.is_empty() {
                strong.push(format!("{f}|{k}"));
            }
        }
    }
    strong.sort();
    strong.dedup();
    first_names.sort();
    first_names.dedup();
    Keys { strong, surname, first_names }
}

/// Follows `merged_into` to the entity that stands for the whole merged group.
pub fn canonical(conn: &Connection, mut id: i64) -> rusqlite::Result<i64> {
    let mut stmt = conn.prepare_cached("SELECT merged_into FROM entity WHERE id = ?1")?;
    for _ in 0..64 {
        match stmt.query_row([id], |r| r.get::<_, Option<i64>>(0)).optional()? {
            Some(Some(next)) => id = next,
            _ => break,
        }
    }
    Ok(id)
}

/// Articles citing the entity's merged group (its standing, for ambiguity decisions).
fn standing(conn: &Connection, id: i64) -> rusqlite::Result<i64> {
    conn.prepare_cached("SELECT articles FROM entity WHERE id = ?1")?.query_row([id], |r| r.get(0))
}

/// Canonical entities holding `key` among entities of the right type family.
fn lookup(conn: &Connection, key: &str) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached("SELECT entity_id FROM entity_key WHERE key = ?1 LIMIT 32")?;
    let ids: Vec<i64> = stmt.query_map([key], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let c = canonical(conn, id)?;
        if !out.contains(&c) {
            out.push(c);
        }
    }
    Ok(out)
}

/// The loose first names known for an entity's merged group.
fn known_first_names(conn: &Connection, id: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "WITH RECURSIVE grp(id) AS (SELECT ?1 UNION SELECT e.id FROM entity e JOIN grp ON e.merged_into = grp.id)
         SELECT key FROM entity_key WHERE entity_id IN (SELECT id FROM grp) AND key >= 'P|' AND key < 'P}'",
    )?;
    let keys: Vec<String> = stmt.query_map([id], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(keys.iter().filter_map(|k| k[2..].split(' ').next().map(str::to_string)).collect())
}

fn first_names_agree(ours: &[String], theirs: &[String]) -> bool {
    if ours.is_empty() || theirs.is_empty() {
        return true;
    }
    ours.iter().any(|a| theirs.iter().any(|b| a == b || (a.len() == 1 && b.starts_with(a.as_str())) || (b.len() == 1 && a.starts_with(b.as_str()))))
}

/// Picks the most-cited candidate, or none when the choice is not clear.
fn dominant(conn: &Connection, candidates: &[i64]) -> rusqlite::Result<Option<i64>> {
    let mut scored = Vec::with_capacity(candidates.len());
    for &c in candidates {
        scored.push((standing(conn, c)?, c));
    }
    scored.sort_by(|a, b| b.cmp(a));
    Ok(match scored.as_slice() {
        [] => None,
        [(_, only)] => Some(*only),
        [(a, best), (b, _), ..] => (*a >= DOMINANCE * (*b).max(1)).then_some(*best),
    })
}

/// Ties an article entity to a corpus entity, creating one if nothing matches, records its
/// keys, and counts the article. Returns the corpus entity id and why it was chosen.
pub fn resolve(conn: &Connection, e: &Entity) -> rusqlite::Result<(i64, Reason)> {
    let k = keys(e);
    let mut found: Option<(i64, Reason)> = None;

    // Strong keys: the first that matches wins; among several candidates, the most cited.
    for key in &k.strong {
        let cands = lookup(conn, key)?;
        if !cands.is_empty() {
            let pick = dominant(conn, &cands)?.unwrap_or(cands[0]);
            let reason = if key.starts_with("G|") {
                Reason::Geo
            } else if key.starts_with("P|") {
                Reason::FullName
            } else {
                Reason::Name
            };
            found = Some((pick, reason));
            break;
        }
    }
    if found.is_none()
        && let Some(sk) = &k.surname
    {
        // Candidates whose first names agree; those that know a first name come first,
        // so "B. Johnson" goes to "Boris Johnson" rather than to a bare "Johnson".
        let (mut named, mut bare) = (Vec::new(), Vec::new());
        for c in lookup(conn, sk)? {
            let theirs = known_first_names(conn, c)?;
            if first_names_agree(&k.first_names, &theirs) {
                if theirs.is_empty() { bare.push(c) } else { named.push(c) }
            }
        }
        let pick = if k.first_names.is_empty() {
            named.extend(bare);
            dominant(conn, &named)?
        } else {
            match dominant(conn, &named)? {
                Some(p) => Some(p),
                None if named.is_empty() => dominant(conn, &bare)?,
                None => None,
            }
        };
        if let Some(p) = pick {
            found = Some((p, Reason::Surname));
        }
    }

    let (id, reason) = match found {
        Some(f) => f,
        None => {
            let geo = e.geo.as_ref();
            conn.prepare_cached("INSERT INTO entity(type, name, geonames_id, lat, lon, country_code, articles) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)")?
                    .execute(params![
                        e.kind.as_str(),
                        e.name,
                        geo.and_then(|g| g.geonames_id),
                        geo.map(|g| g.lat),
                        geo.map(|g| g.lon),
                        geo.map(|g| g.country_code.as_str()),
                    ])?;
            (conn.last_insert_rowid(), Reason::New)
        }
    };

    let mut add_key = conn.prepare_cached("INSERT OR IGNORE INTO entity_key(key, entity_id) VALUES (?1, ?2)")?;
    for key in k.strong.iter().chain(&k.surname) {
        add_key.execute(params![key, id])?;
    }
    conn.prepare_cached("UPDATE entity SET articles = articles + 1 WHERE id = ?1")?.execute([id])?;
    // A fuller name than the one on file becomes the display name ("Zelensky" → "Volodymyr Zelensky").
    conn.prepare_cached("UPDATE entity SET name = ?2 WHERE id = ?1 AND length(name) < length(?2) AND type = ?3")?.execute(params![
        id,
        e.name,
        e.kind.as_str()
    ])?;
    if let Some(g) = &e.geo {
        conn.prepare_cached(
            "UPDATE entity SET geonames_id = coalesce(geonames_id, ?2), lat = coalesce(lat, ?3), lon = coalesce(lon, ?4),
             country_code = coalesce(country_code, ?5) WHERE id = ?1",
        )?
        .execute(params![id, g.geonames_id, g.lat, g.lon, g.country_code])?;
    }
    Ok((id, reason))
}

/// Corpus entities (canonical) whose names match `name`, most cited first. Used by queries
/// that take a person or place by name.
pub fn find_by_name(conn: &Connection, name: &str) -> rusqlite::Result<Vec<i64>> {
    let words = person_words(name);
    let mut keys = Vec::new();
    if let Some(k) = person_full_key(&words) {
        keys.push(k);
    }
    let nk = name_key(name);
    for f in ["L", "O", "N", "F"] {
        keys.push(format!("{f}|{nk}"));
    }
    if words.len() == 1 {
        keys.push(format!("P~{}", loose(&words[0])));
    }
    let mut out: Vec<i64> = Vec::new();
    for k in &keys {
        for c in lookup(conn, k)? {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    let mut scored = Vec::with_capacity(out.len());
    for c in out {
        scored.push((standing(conn, c)?, c));
    }
    scored.sort_by(|a, b| b.cmp(a));
    Ok(scored.into_iter().map(|(_, c)| c).collect())
}

/// Every entity id in the merged group of `id` (itself and all merged into it, transitively).
pub fn group(conn: &Connection, id: i64) -> rusqlite::Result<Vec<i64>> {
    let root = canonical(conn, id)?;
    let mut stmt =
        conn.prepare_cached("WITH RECURSIVE grp(id) AS (SELECT ?1 UNION SELECT e.id FROM entity e JOIN grp ON e.merged_into = grp.id) SELECT id FROM grp")?;
    stmt.query_map([root], |r| r.get(0))?.collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema;

    fn db() -> Connection {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch(schema::DDL).unwrap();
        c
    }

    fn person(name: &str, aliases: &[&str]) -> Entity {
        Entity {
            id: "e1".into(),
            kind: EntityType::PERSON,
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            titles: vec![],
            mentions: vec![],
            geo: None,
        }
    }

    #[test]
    fn spelling_variants_of_one_person_resolve_together() {
        let c = db();
        let (a, r) = resolve(&c, &person("Volodymyr Zelensky", &["Zelensky"])).unwrap();
        assert_eq!(r, Reason::New);
        let (b, r) = resolve(&c, &person("Volodymyr Zelenskyy", &[])).unwrap();
        assert_eq!((b, r), (a, Reason::FullName));
        let (d, r) = resolve(&c, &person("Zelenskiy", &[])).unwrap();
        assert_eq!((d, r), (a, Reason::Surname));
        let (x, _) = resolve(&c, &person("Mr Zelensky", &[])).unwrap();
        assert_eq!(x, a);
    }

    #[test]
    fn different_first_names_stay_apart_and_bare_surnames_need_a_clear_winner() {
        let c = db();
        let (boris, _) = resolve(&c, &person("Boris Johnson", &[])).unwrap();
        let (lyndon, r) = resolve(&c, &person("Lyndon Johnson", &[])).unwrap();
        assert_eq!(r, Reason::New);
        assert_ne!(boris, lyndon);
        // Equal standing: a bare "Johnson" is not given to either.
        let (j, r) = resolve(&c, &person("Johnson", &[])).unwrap();
        assert_eq!(r, Reason::New);
        assert!(j != boris && j != lyndon);
        // An initial agrees with the full first name.
        let (b2, _) = resolve(&c, &person("B. Johnson", &[])).unwrap();
        assert_eq!(b2, boris);
    }

    #[test]
    fn places_match_by_geonames_id_then_name() {
        let c = db();
        let mut kyiv = Entity { kind: EntityType::GPE, ..person("Kyiv", &[]) };
        kyiv.geo = Some(newsgraph_record::Geo { lat: 50.45, lon: 30.52, country_code: "UA".into(), geonames_id: Some(703448) });
        let (a, _) = resolve(&c, &kyiv).unwrap();
        let mut kiev = Entity { kind: EntityType::GPE, ..person("Kiev", &[]) };
        kiev.geo = kyiv.geo.clone();
        assert_eq!(resolve(&c, &kiev).unwrap(), (a, Reason::Geo));
        let org = Entity { kind: EntityType::ORG, ..person("Kyiv", &[]) };
        assert_ne!(resolve(&c, &org).unwrap().0, a, "an organisation is not a place of the same name");
        let un = Entity { kind: EntityType::ORG, ..person("The United Nations", &["UN"]) };
        let (u, _) = resolve(&c, &un).unwrap();
        let un2 = Entity { kind: EntityType::ORG, ..person("UN", &[]) };
        assert_eq!(resolve(&c, &un2).unwrap(), (u, Reason::Name));
        assert_eq!(find_by_name(&c, "united nations").unwrap(), vec![u]);
    }
}
