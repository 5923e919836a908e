//! `newsgraph query`: the store's questions from the command line, as JSON or a table.

use clap::{Args as ClapArgs, Subcommand, ValueEnum};
use newsgraph_store::Store;
use newsgraph_store::query::{self, ClaimParams, DisagreementParams, EventParams, QuoteParams, SearchParams};
use serde_json::Value;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(ClapArgs)]
pub struct Args {
    /// The store file.
    #[arg(long, value_name = "FILE", default_value = "newsgraph.db", global = true)]
    db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json, global = true)]
    format: Format,
    /// Print the query's time on standard error.
    #[arg(long, global = true)]
    timing: bool,
    #[command(subcommand)]
    what: What,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Table,
}

#[derive(ClapArgs)]
struct Range {
    /// Earliest date (ISO 8601; a month or year prefix works).
    #[arg(long)]
    from: Option<String>,
    /// Latest date, inclusive.
    #[arg(long)]
    to: Option<String>,
    /// Most results (at most 1000).
    #[arg(long)]
    limit: Option<usize>,
}

#[derive(ClapArgs)]
struct ClaimFilter {
    /// killed, injured, displaced, trapped, evacuated, arrested, missing, affected, other.
    #[arg(long)]
    category: Option<String>,
    /// The place: a name or a corpus entity id.
    #[arg(long)]
    place: Option<String>,
    /// Who made the claim: a name or a corpus entity id.
    #[arg(long)]
    claimant: Option<String>,
    #[command(flatten)]
    range: Range,
}

#[derive(Subcommand)]
enum What {
    /// Counts of articles, clusters, entities, quotes, claims, events; store size.
    Stats,
    /// Full-text search over article titles and text.
    Search {
        /// Words to find (all required; OR between two words allows either).
        #[arg(required = true)]
        words: Vec<String>,
        /// Every copy of a syndicated story, not one per near-duplicate cluster.
        #[arg(long)]
        all_copies: bool,
        #[command(flatten)]
        range: Range,
    },
    /// Quotes by speaker and topic.
    Quotes {
        /// The speaker: a name or a corpus entity id.
        #[arg(long)]
        speaker: Option<String>,
        /// Words the quote must contain.
        #[arg(long)]
        topic: Option<String>,
        #[command(flatten)]
        range: Range,
    },
    /// Claim timeline: every figure with value, hedge, claimant, date, article and evidence.
    Claims(ClaimFilter),
    /// Claims on one category and place, within a window, that cannot both be true.
    Disagreements {
        #[command(flatten)]
        filter: ClaimFilter,
        /// Compare claims at most this many days apart.
        #[arg(long, default_value_t = 7)]
        window_days: i64,
    },
    /// Events by actor, type, place, status and date.
    Events {
        /// An actor (source or target): a name or a corpus entity id.
        #[arg(long)]
        actor: Option<String>,
        /// PLOVER type (AGREE, CONSULT, …).
        #[arg(long = "type")]
        kind: Option<String>,
        /// The place: a name or a corpus entity id.
        #[arg(long)]
        place: Option<String>,
        /// reported, planned, negated, hypothetical.
        #[arg(long)]
        status: Option<String>,
        /// By whose account: the speaker of the quotation the event was reported in (a name
        /// or a corpus entity id).
        #[arg(long)]
        claimant: Option<String>,
        #[command(flatten)]
        range: Range,
    },
    /// Corpus entities a name stands for.
    Entities {
        name: String,
        #[arg(long)]
        limit: Option<usize>,
    },
    /// An entity's page: names, titles over time, what they said and what was said about them.
    Entity {
        /// A corpus entity id, or a name (the most cited match is shown).
        who: String,
    },
    /// One stored article with its record and near-duplicate copies.
    Article { id: i64 },
}

pub fn run(args: Args) -> ExitCode {
    let store = match crate::output::open_store(&args.db) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let start = Instant::now();
    let result = answer(&store, args.what);
    let elapsed = start.elapsed();
    match result {
        Ok(v) => {
            if args.timing {
                eprintln!("query time: {:.2} ms", elapsed.as_secs_f64() * 1000.0);
            }
            match args.format {
                Format::Json => println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default()),
                Format::Table => print!("{}", table(&v)),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// A query's result as a JSON value.
macro_rules! json {
    ($e:expr) => {
        $e.map(|v| serde_json::to_value(v).unwrap_or(Value::Null))
    };
}

fn answer(store: &Store, what: What) -> newsgraph_store::Result<Value> {
    match what {
        What::Stats => json!(query::stats(store)),
        What::Search { words, all_copies, range } => {
            json!(query::search(store, &SearchParams { q: words.join(" "), from: range.from, to: range.to, limit: range.limit, all_copies },))
        }
        What::Quotes { speaker, topic, range } => {
            json!(query::quotes(store, &QuoteParams { speaker, topic, from: range.from, to: range.to, limit: range.limit },))
        }
        What::Claims(f) => json!(query::timeline(store, &claim_params(f))),
        What::Disagreements { filter, window_days } => {
            let c = claim_params(filter);
            json!(query::disagreements(
                store,
                &DisagreementParams {
                    category: c.category,
                    place: c.place,
                    claimant: c.claimant,
                    from: c.from,
                    to: c.to,
                    limit: c.limit,
                    window_days: Some(window_days),
                },
            ))
        }
        What::Events { actor, kind, place, status, claimant, range } => {
            json!(query::events(store, &EventParams { actor, kind, place, status, claimant, from: range.from, to: range.to, limit: range.limit },))
        }
        What::Entities { name, limit } => json!(query::find_entities(store, &name, limit)),
        What::Entity { who } => {
            let id = match who.trim().parse::<i64>() {
                Ok(id) => id,
                Err(_) => query::find_entities(store, &who, Some(1))?
                    .first()
                    .map(|e| e.entity.id)
                    .ok_or_else(|| newsgraph_store::Error::NotFound(format!("no entity named {who:?}")))?,
            };
            json!(query::entity_page(store, id))
        }
        What::Article { id } => json!(query::article(store, id)),
    }
}

fn claim_params(f: ClaimFilter) -> ClaimParams {
    ClaimParams { category: f.category, place: f.place, claimant: f.claimant, from: f.range.from, to: f.range.to, limit: f.range.limit }
}

/// `x` when it is a non-empty list of objects.
fn objects(x: &Value) -> Option<&Vec<Value>> {
    x.as_array().filter(|a| a.first().is_some_and(Value::is_object))
}

/// Lists in an answer that only say which entities a name filter matched; the table shows
/// the answer's own items (quotes, claims, events) rather than these.
const MATCHED_LISTS: [&str; 4] = ["speakers", "places", "claimants", "actors"];

/// A plain-text table of a result: its list of items (the first array of objects that is
/// not a list of matched entities, else the first array of objects) with one column per
/// scalar field; nested objects show their name, title or id.
fn table(v: &Value) -> String {
    let items: Option<&Vec<Value>> = match v {
        Value::Array(a) => Some(a),
        Value::Object(o) => {
            o.iter().filter(|(k, _)| !MATCHED_LISTS.contains(&k.as_str())).find_map(|(_, x)| objects(x)).or_else(|| o.values().find_map(objects))
        }
        _ => None,
    };
    let Some(items) = items else {
        // A single object: one "key  value" line per scalar field.
        let mut out = String::new();
        if let Value::Object(o) = v {
            for (k, x) in o {
                if let Some(c) = cell(x) {
                    out.push_str(&format!("{k:<16} {c}\n"));
                }
            }
        }
        return out;
    };
    let mut cols: Vec<String> = Vec::new();
    for it in items {
        if let Value::Object(o) = it {
            for (k, x) in o {
                if cell(x).is_some() && !cols.contains(k) {
                    cols.push(k.clone());
                }
            }
        }
    }
    let rows: Vec<Vec<String>> = items.iter().map(|it| cols.iter().map(|c| it.get(c).and_then(cell).unwrap_or_default()).collect()).collect();
    let widths: Vec<usize> = cols.iter().enumerate().map(|(i, c)| rows.iter().map(|r| r[i].chars().count()).chain([c.len()]).max().unwrap_or(0)).collect();
    let mut out = String::new();
    let line = |cells: &[String]| -> String {
        cells.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect::<Vec<_>>().join("  ").trim_end().to_string() + "\n"
    };
    out.push_str(&line(&cols));
    for r in &rows {
        out.push_str(&line(r));
    }
    out
}

/// One cell: scalars as text (long text cut), objects by their name, title or id, arrays by length.
fn cell(v: &Value) -> Option<String> {
    let s = match v {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.replace(['\n', '\t'], " "),
        Value::Object(o) => {
            let named = ["name", "title", "id"].iter().find_map(|k| o.get(*k).filter(|x| !x.is_null()));
            return named.and_then(cell);
        }
        Value::Array(a) if a.iter().all(|x| !x.is_object() && !x.is_array()) && a.len() <= 4 => a.iter().filter_map(cell).collect::<Vec<_>>().join(","),
        Value::Array(a) => format!("[{}]", a.len()),
    };
    let max = 60;
    Some(if s.chars().count() > max { s.chars().take(max - 1).collect::<String>() + "…" } else { s })
}

#[cfg(test)]
mod tests {
    use super::table;

    #[test]
    fn a_table_shows_the_answer_not_the_entities_a_filter_matched() {
        let v = serde_json::json!({
            "actors": [{"id": 3, "name": "Russia"}],
            "events": [{"type": "CONSULT", "date": "2022-03-29", "source": {"id": 3, "name": "Russia"}}],
        });
        let t = table(&v);
        let mut lines = t.lines();
        assert_eq!(lines.next().map(|h| h.split_whitespace().collect::<Vec<_>>()), Some(vec!["date", "source", "type"]), "{t}");
        assert!(lines.next().is_some_and(|r| r.contains("CONSULT") && r.contains("Russia")), "{t}");
        // With nothing but matched entities, those are shown.
        assert!(table(&serde_json::json!({"actors": [{"id": 3, "name": "Russia"}]})).contains("Russia"));
    }
}
