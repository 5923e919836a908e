//! The API's routes and handlers: each handler parses its query string into the store's
//! parameter struct, runs the query on a pooled read-only connection in a blocking thread,
//! and answers JSON. Errors are JSON too: `{"error": "..."}` with a fitting status.

use crate::{App, assets, openapi, web};
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use newsgraph_store::query::{self, ClaimParams, DisagreementParams, EventParams, QuoteParams, SearchParams};
use newsgraph_store::{Error, Store};
use serde::Deserialize;
use std::sync::Arc;
use std::time::Instant;

pub(crate) fn routes(app: Arc<App>) -> Router {
    let max_body = app.config.max_body;
    Router::new()
        .route("/health", get(|| async { Json(serde_json::json!({"status": "ok"})) }))
        .route("/openapi.json", get(|| async { Json(openapi::document()) }))
        .route("/api/stats", get(stats))
        .route("/api/search", get(search))
        .route("/api/quotes", get(quotes))
        .route("/api/claims", get(claims))
        .route("/api/disagreements", get(disagreements))
        .route("/api/events", get(events))
        .route("/api/entities", get(entities))
        .route("/api/entities/{id}", get(entity))
        .route("/api/entities/{id}/merge", post(merge))
        .route("/api/entities/{id}/unmerge", post(unmerge))
        .route("/api/articles/{id}", get(article))
        .route("/api/articles", get(web::articles))
        .route("/api/places", get(web::places))
        .route("/api/extract", post(web::extract).layer(DefaultBodyLimit::max(web::MAX_PASTE)))
        .fallback(assets::serve)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(app)
}

async fn security_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    res
}

pub(crate) fn error(status: StatusCode, msg: impl Into<String>) -> Response {
    (status, Json(serde_json::json!({"error": msg.into()}))).into_response()
}

fn store_error(e: Error) -> Response {
    match e {
        Error::Invalid(m) => error(StatusCode::BAD_REQUEST, m),
        Error::NotFound(m) => error(StatusCode::NOT_FOUND, m),
        Error::Sql(rusqlite_err) if rusqlite_err.to_string().contains("interrupted") => {
            error(StatusCode::SERVICE_UNAVAILABLE, "the query took too long and was stopped")
        }
        other => error(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
    }
}

impl App {
    /// Runs `f` on a pooled read-only connection in a blocking thread, within the time limit,
    /// and answers its result as JSON (serialised in that thread as well).
    pub(crate) async fn read<T, F>(self: &Arc<Self>, f: F) -> Response
    where
        T: serde::Serialize + Send + 'static,
        F: FnOnce(&Store) -> newsgraph_store::Result<T> + Send + 'static,
    {
        let Ok(_permit) = self.permits.acquire().await else {
            return error(StatusCode::SERVICE_UNAVAILABLE, "shutting down");
        };
        let deadline = Instant::now() + self.config.timeout;
        let app = Arc::clone(self);
        let job = tokio::task::spawn_blocking(move || {
            let pooled = app.idle.lock().ok().and_then(|mut v| v.pop());
            let store = match pooled {
                Some(s) => s,
                None => Store::open_read_only(&app.config.db)?,
            };
            store.set_deadline(Some(deadline));
            // Serialised here too, so the async workers only move bytes.
            let out = f(&store).and_then(|v| serde_json::to_vec(&v).map_err(|e| Error::Io(e.into())));
            store.set_deadline(None);
            if let Ok(mut idle) = app.idle.lock()
                && idle.len() < app.config.readers
            {
                idle.push(store);
            }
            out
        });
        // The deadline interrupts the SQL; this bound also covers time spent waiting.
        match tokio::time::timeout(self.config.timeout + std::time::Duration::from_millis(500), job).await {
            Err(_) => error(StatusCode::SERVICE_UNAVAILABLE, "the query took too long and was stopped"),
            Ok(Err(_)) => error(StatusCode::INTERNAL_SERVER_ERROR, "the query failed unexpectedly"),
            Ok(Ok(Err(e))) => store_error(e),
            Ok(Ok(Ok(body))) => ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response(),
        }
    }
}

type Q<T> = Result<Query<T>, QueryRejection>;

// The error is the finished response a handler returns at once; boxing it would only add
// an allocation on a failed request.
#[allow(clippy::result_large_err)]
fn params<T>(q: Q<T>) -> Result<T, Response> {
    q.map(|Query(p)| p).map_err(|e| error(StatusCode::BAD_REQUEST, e.body_text()))
}

async fn stats(State(app): State<Arc<App>>) -> Response {
    app.read(query::stats).await
}

async fn search(State(app): State<Arc<App>>, q: Q<SearchParams>) -> Response {
    match params(q) {
        Ok(p) => app.read(move |s| query::search(s, &p)).await,
        Err(r) => r,
    }
}

async fn quotes(State(app): State<Arc<App>>, q: Q<QuoteParams>) -> Response {
    match params(q) {
        Ok(p) => app.read(move |s| query::quotes(s, &p)).await,
        Err(r) => r,
    }
}

async fn claims(State(app): State<Arc<App>>, q: Q<ClaimParams>) -> Response {
    match params(q) {
        Ok(p) => app.read(move |s| query::timeline(s, &p)).await,
        Err(r) => r,
    }
}

async fn disagreements(State(app): State<Arc<App>>, q: Q<DisagreementParams>) -> Response {
    match params(q) {
        Ok(p) => app.read(move |s| query::disagreements(s, &p)).await,
        Err(r) => r,
    }
}

async fn events(State(app): State<Arc<App>>, q: Q<EventParams>) -> Response {
    match params(q) {
        Ok(p) => app.read(move |s| query::events(s, &p)).await,
        Err(r) => r,
    }
}

#[derive(Deserialize)]
struct EntitySearch {
    /// Without a name, the most cited entities (of `type`, when given) are listed.
    name: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    limit: Option<usize>,
}

async fn entities(State(app): State<Arc<App>>, q: Q<EntitySearch>) -> Response {
    match params(q) {
        Ok(EntitySearch { name: Some(name), limit, .. }) => app.read(move |s| query::find_entities(s, &name, limit)).await,
        Ok(EntitySearch { name: None, kind, limit }) => app.read(move |s| query::browse::top_entities(s, kind.as_deref(), limit)).await,
        Err(r) => r,
    }
}

async fn entity(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    match id.parse::<i64>() {
        Ok(id) => app.read(move |s| query::entity_page(s, id)).await,
        Err(_) => error(StatusCode::BAD_REQUEST, "an entity id is a number"),
    }
}

async fn article(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    match id.parse::<i64>() {
        Ok(id) => app.read(move |s| query::article(s, id)).await,
        Err(_) => error(StatusCode::BAD_REQUEST, "an article id is a number"),
    }
}

/// Checks the bearer token in constant time for equal lengths.
#[allow(clippy::result_large_err)]
fn authorised(app: &App, headers: &HeaderMap) -> Result<(), Response> {
    let Some(token) = app.config.write_token.as_deref().filter(|t| !t.is_empty()) else {
        return Err(error(StatusCode::FORBIDDEN, "this server is read-only (start it with a write token to allow writes)"));
    };
    let given = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    let ok = given.is_some_and(|g| g.len() == token.len() && g.bytes().zip(token.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0);
    if ok { Ok(()) } else { Err(error(StatusCode::UNAUTHORIZED, "a valid write token is required")) }
}

#[derive(Deserialize)]
struct MergeParams {
    into: i64,
    reason: Option<String>,
}

async fn write<T, F>(app: Arc<App>, f: F) -> Response
where
    T: serde::Serialize + Send + 'static,
    F: FnOnce(&mut Store) -> newsgraph_store::Result<T> + Send + 'static,
{
    let job = tokio::task::spawn_blocking(move || {
        let Some(w) = &app.writer else {
            return Err(Error::Invalid("this server is read-only".into()));
        };
        let mut store = w.lock().map_err(|_| Error::Invalid("the writer is unavailable".into()))?;
        f(&mut store)
    });
    match job.await {
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "the write failed unexpectedly"),
        Ok(Err(e)) => store_error(e),
        Ok(Ok(v)) => Json(v).into_response(),
    }
}

async fn merge(State(app): State<Arc<App>>, headers: HeaderMap, Path(id): Path<String>, q: Q<MergeParams>) -> Response {
    if let Err(r) = authorised(&app, &headers) {
        return r;
    }
    let Ok(id) = id.parse::<i64>() else {
        return error(StatusCode::BAD_REQUEST, "an entity id is a number");
    };
    match params(q) {
        Ok(p) => {
            let reason = p.reason.unwrap_or_else(|| "merged over the API".into());
            write(app, move |s| s.merge_entities(id, p.into, &reason)).await
        }
        Err(r) => r,
    }
}

async fn unmerge(State(app): State<Arc<App>>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if let Err(r) = authorised(&app, &headers) {
        return r;
    }
    let Ok(id) = id.parse::<i64>() else {
        return error(StatusCode::BAD_REQUEST, "an entity id is a number");
    };
    write(app, move |s| s.unmerge_entity(id)).await
}
