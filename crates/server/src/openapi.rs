//! The OpenAPI 3.1 document served at `/openapi.json`: every endpoint, its parameters and
//! what it answers, so clients (and schemathesis-style checkers) need no other description.

use serde_json::{Value, json};

fn param(name: &str, description: &str, kind: &str) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": description, "schema": {"type": kind}})
}

fn required(name: &str, description: &str, kind: &str) -> Value {
    json!({"name": name, "in": "query", "required": true, "description": description, "schema": {"type": kind}})
}

fn path_id(what: &str) -> Value {
    json!({"name": "id", "in": "path", "required": true, "description": format!("The {what} id."), "schema": {"type": "integer"}})
}

fn dates() -> [Value; 2] {
    [param("from", "Earliest date, ISO 8601 (YYYY-MM-DD; a month or year prefix works).", "string"), param("to", "Latest date, inclusive, ISO 8601.", "string")]
}

fn limit() -> Value {
    json!({"name": "limit", "in": "query", "required": false, "description": "Most results (default 50, at most 1000).",
           "schema": {"type": "integer", "minimum": 1, "maximum": 1000}})
}

fn get(summary: &str, description: &str, params: Vec<Value>) -> Value {
    json!({"get": {
        "summary": summary,
        "description": description,
        "parameters": params,
        "responses": {
            "200": {"description": "The result, as JSON.", "content": {"application/json": {"schema": {"type": "object"}}}},
            "400": {"$ref": "#/components/responses/Error"},
            "404": {"$ref": "#/components/responses/Error"},
            "503": {"$ref": "#/components/responses/Error"}
        }
    }})
}

fn post(summary: &str, description: &str, params: Vec<Value>) -> Value {
    json!({"post": {
        "summary": summary,
        "description": description,
        "security": [{"bearer": []}],
        "parameters": params,
        "responses": {
            "200": {"description": "What changed.", "content": {"application/json": {"schema": {"type": "object"}}}},
            "400": {"$ref": "#/components/responses/Error"},
            "401": {"$ref": "#/components/responses/Error"},
            "403": {"$ref": "#/components/responses/Error"},
            "404": {"$ref": "#/components/responses/Error"}
        }
    }})
}

/// A corpus entity as results name it (nullable where a fact may lack it).
fn entity_ref() -> Value {
    json!({"type": ["object", "null"], "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "type": {"type": "string"}}, "required": ["id", "name", "type"]})
}

/// The events answer, spelled out so clients know where an event's claimant is.
fn events_schema() -> Value {
    let text = json!({"type": ["string", "null"]});
    let entities = json!({"type": "array", "items": entity_ref()});
    json!({
        "type": "object",
        "properties": {
            "actors": entities,
            "places": entities,
            "claimants": {"type": "array", "items": entity_ref(), "description": "The entities a claimant filter matched (absent without one)."},
            "events": {"type": "array", "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "type": {"type": "string"},
                    "cameo": text,
                    "text": text,
                    "source": entity_ref(),
                    "target": entity_ref(),
                    "source_text": text,
                    "target_text": text,
                    "place": entity_ref(),
                    "date": text,
                    "status": {"type": "string"},
                    "claimant": {"description": "The speaker of the quotation the event was reported in; null when the article reports it itself.", "type": ["object", "null"],
                                 "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "type": {"type": "string"}}},
                    "claimant_text": text,
                    "article": {"type": "object"},
                    "span": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2}
                },
                "required": ["id", "type", "status", "claimant", "article", "span"]
            }}
        },
        "required": ["actors", "places", "events"]
    })
}

pub fn document() -> Value {
    let [from, to] = dates();
    let who = |n: &str, d: &str| param(n, &format!("{d}: a name (\"Zelensky\") or a corpus entity id."), "string");
    let mut paths = serde_json::Map::new();
    paths.insert("/health".into(), get("Liveness", "Answers {\"status\": \"ok\"}.", vec![]));
    paths.insert(
        "/api/stats".into(),
        get("Corpus statistics", "Articles, near-duplicate clusters, entities, quotes, claims, events, and the store's size in bytes.", vec![]),
    );
    paths.insert(
        "/api/search".into(),
        get(
            "Full-text search",
            "Articles whose title or text contain every word (OR between two words allows either), best first, one per near-duplicate cluster unless all_copies is set.",
            vec![
                required("q", "The words to find.", "string"),
                from.clone(),
                to.clone(),
                limit(),
                param("all_copies", "Show every copy of a syndicated story.", "boolean"),
            ],
        ),
    );
    paths.insert(
        "/api/quotes".into(),
        get(
            "Quotes by speaker and topic",
            "Quotes, latest first; the same words carried by several articles are one result with its mention count.",
            vec![who("speaker", "The speaker"), param("topic", "Words the quote must contain.", "string"), from.clone(), to.clone(), limit()],
        ),
    );
    let claim_params = || {
        vec![
            param("category", "killed, injured, displaced, trapped, evacuated, arrested, missing, affected or other.", "string"),
            param("place", "The place: a name or a corpus entity id.", "string"),
            param("claimant", "Who made the claim: a name or a corpus entity id.", "string"),
            param("from", "Earliest mention date, ISO 8601.", "string"),
            param("to", "Latest mention date, inclusive.", "string"),
            limit(),
        ]
    };
    paths.insert(
        "/api/claims".into(),
        get(
            "Claim timeline",
            "Every claim (figure) matching the filters, oldest first, with value, hedge, claimant, and each mention's date, article and evidence sentence. A figure repeated by many articles is one claim with many mentions; independent_reports counts distinct near-duplicate clusters.",
            claim_params(),
        ),
    );
    let mut dp = claim_params();
    dp.push(json!({"name": "window_days", "in": "query", "required": false, "description": "Compare claims at most this many days apart (default 7).", "schema": {"type": "integer", "minimum": 0}}));
    paths.insert(
        "/api/disagreements".into(),
        get(
            "Disagreements",
            "Pairs of claims on the same category and place, within the window, from different claimants, whose figures cannot both be true (hedges taken into account: 'at least 100' and '150' agree).",
            dp,
        ),
    );
    let mut events = get(
        "Events",
        "Events (PLOVER types) by actor (source or target), type, place, status, claimant and date, oldest first. An event reported inside a quotation carries its claimant: the speaker by whose account it is told (claimant: the corpus entity, claimant_text: the name); the article's own reports have none.",
        vec![
            who("actor", "An actor"),
            param("type", "PLOVER event type, e.g. CONSULT.", "string"),
            who("place", "The place"),
            param("status", "reported, planned, negated or hypothetical.", "string"),
            who("claimant", "By whose account (the speaker of the quotation the event was reported in)"),
            from,
            to,
            limit(),
        ],
    );
    events["get"]["responses"]["200"]["content"]["application/json"]["schema"] = events_schema();
    paths.insert("/api/events".into(), events);
    paths.insert(
        "/api/entities".into(),
        get("Find entities", "Corpus entities a name stands for, most cited first.", vec![required("name", "A name.", "string"), limit()]),
    );
    paths.insert(
        "/api/entities/{id}".into(),
        get(
            "An entity's page",
            "Names used, titles over time, what they said, what others said naming them, figures they gave, events, and who appears alongside them. Merged entities are read as one.",
            vec![path_id("entity")],
        ),
    );
    paths.insert(
        "/api/entities/{id}/merge".into(),
        post(
            "Merge entities (write)",
            "Merges this entity's group into another's. Reversible with unmerge. Needs the server's write token.",
            vec![path_id("entity"), required("into", "The entity to merge into.", "integer"), param("reason", "Why, for the log.", "string")],
        ),
    );
    paths.insert(
        "/api/entities/{id}/unmerge".into(),
        post("Unmerge an entity (write)", "Undoes the merge of this entity. Needs the server's write token.", vec![path_id("entity")]),
    );
    paths.insert(
        "/api/articles/{id}".into(),
        get(
            "An article",
            "The stored article: its record, text, local entities tied to corpus entities, and its near-duplicate copies.",
            vec![path_id("article")],
        ),
    );
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "newsgraph corpus API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Queries over a newsgraph corpus store: what articles claim, with evidence. Read-only unless the server has a write token."
        },
        "paths": paths,
        "components": {
            "responses": {
                "Error": {
                    "description": "What went wrong.",
                    "content": {"application/json": {"schema": {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}}}
                }
            },
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_take_a_claimant_filter_and_answer_each_events_claimant() {
        let doc = document();
        let get = &doc["paths"]["/api/events"]["get"];
        let names: Vec<&str> = get["parameters"].as_array().unwrap().iter().filter_map(|p| p["name"].as_str()).collect();
        assert!(names.contains(&"claimant") && names.contains(&"actor"), "{names:?}");
        let item = &get["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["events"]["items"];
        assert_eq!(item["properties"]["claimant"]["properties"]["name"]["type"], "string");
        assert!(item["required"].as_array().unwrap().iter().any(|r| r == "claimant"));
        // Every other endpoint keeps the generic answer.
        assert_eq!(doc["paths"]["/api/quotes"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["type"], "object");
    }
}
