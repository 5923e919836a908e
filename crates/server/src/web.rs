//! What the web page needs beyond the query API: browsing lists (latest articles, places for
//! the map), extraction of a pasted text without storing it, and the page's own files,
//! compiled into the binary so `newsgraph serve` works offline from any directory.

use crate::App;
use crate::api::error;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use newsgraph_store::query::browse;
use serde::Deserialize;
use std::sync::Arc;

#[derive(Deserialize)]
pub(crate) struct ListParams {
    limit: Option<usize>,
    #[serde(default)]
    offset: usize,
}

/// `GET /api/articles`: the latest articles, one per near-duplicate cluster.
pub(crate) async fn articles(State(app): State<Arc<App>>, q: Result<Query<ListParams>, axum::extract::rejection::QueryRejection>) -> Response {
    match q {
        Ok(Query(p)) => app.read(move |s| browse::list_articles(s, p.limit, p.offset).map(|a| serde_json::json!({ "articles": a }))).await,
        Err(e) => error(StatusCode::BAD_REQUEST, e.body_text()),
    }
}

/// `GET /api/places`: geocoded places, most mentioned first.
pub(crate) async fn places(State(app): State<Arc<App>>, q: Result<Query<ListParams>, axum::extract::rejection::QueryRejection>) -> Response {
    match q {
        Ok(Query(p)) => app.read(move |s| browse::places(s, p.limit)).await,
        Err(e) => error(StatusCode::BAD_REQUEST, e.body_text()),
    }
}

/// The body of `POST /api/extract`.
#[derive(Deserialize)]
pub(crate) struct ExtractBody {
    text: Option<String>,
    html: Option<String>,
    date: Option<String>,
    title: Option<String>,
}

/// Largest pasted article, in bytes (an HTML page with its markup).
pub(crate) const MAX_PASTE: usize = 4 << 20;

/// `POST /api/extract`: analyses a pasted text or HTML page and answers `{record, text}`
/// without storing anything. Runs on a blocking thread; analysis is CPU work.
pub(crate) async fn extract(body: Result<Json<ExtractBody>, axum::extract::rejection::JsonRejection>) -> Response {
    let Ok(Json(b)) = body else {
        return error(StatusCode::BAD_REQUEST, "send JSON: {\"text\": \"...\"} or {\"html\": \"...\"}, with optional \"date\" and \"title\"");
    };
    let body = match (b.text, b.html) {
        (Some(t), _) if !t.trim().is_empty() => newsgraph::ingest::Body::Text(t),
        (_, Some(h)) if !h.trim().is_empty() => newsgraph::ingest::Body::Html(h),
        _ => return error(StatusCode::BAD_REQUEST, "nothing to analyse: \"text\" and \"html\" are both empty"),
    };
    let date = match b.date.as_deref().filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => match newsgraph::ingest::normalise_date(d) {
            Some(d) => Some(d),
            None => return error(StatusCode::BAD_REQUEST, format!("\"date\" {d:?} is not a date (use YYYY-MM-DD)")),
        },
    };
    let meta = newsgraph::ingest::Meta { date, title: b.title.filter(|t| !t.is_empty()), ..Default::default() };
    let raw = newsgraph::ingest::RawArticle { id: "pasted".into(), body, meta, location: newsgraph::ingest::Location::file("<pasted>") };
    let job = tokio::task::spawn_blocking(move || {
        let article = raw.prepare().map_err(|e| e.reason)?;
        let text = article.text.clone();
        newsgraph::batch::analyse_guarded(article).map(|record| (record, text))
    });
    match job.await {
        Ok(Ok((record, text))) => Json(serde_json::json!({ "record": record, "text": text })).into_response(),
        Ok(Err(reason)) => error(StatusCode::UNPROCESSABLE_ENTITY, reason),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "the analysis failed"),
    }
}

/// The web page's files, compiled in (from `web/` at the repository's root).
const EMBEDDED: &[(&str, &[u8], &str)] = &[
    ("index.html", include_bytes!("../../../web/index.html"), "text/html; charset=utf-8"),
    ("app.js", include_bytes!("../../../web/app.js"), "text/javascript; charset=utf-8"),
    ("style.css", include_bytes!("../../../web/style.css"), "text/css; charset=utf-8"),
    ("vendor/world.json", include_bytes!("../../../web/vendor/world.json"), "application/json"),
];

/// The compiled-in file for a URL path (`/` is the page itself), if there is one.
pub(crate) fn embedded(url_path: &str) -> Option<Response> {
    let rel = url_path.trim_start_matches('/');
    let rel = if rel.is_empty() { "index.html" } else { rel };
    let (_, bytes, ctype) = EMBEDDED.iter().find(|(p, _, _)| *p == rel)?;
    let mut res = bytes.into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Some(res)
}
