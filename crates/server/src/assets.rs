//! Static files (the web page) under `/`, from the directory given at start. This is the
//! place the front end plugs in: build it into a folder and start the server with it.
//! Only plain relative paths inside that folder are served; anything else is a 404.

use crate::App;
use crate::api::error;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// Largest static file served (a page's assets, not data).
const MAX_FILE: u64 = 32 << 20;

pub(crate) async fn serve(State(app): State<Arc<App>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return error(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD are served here");
    }
    let Some(root) = app.config.static_dir.clone() else {
        // Without a directory, the web page compiled into the binary is served.
        return crate::web::embedded(uri.path())
            .unwrap_or_else(|| error(StatusCode::NOT_FOUND, format!("no such endpoint: {} (the API is under /api; see /openapi.json)", uri.path())));
    };
    let Some(path) = resolve(&root, uri.path()) else {
        return error(StatusCode::NOT_FOUND, "not found");
    };
    let read = tokio::task::spawn_blocking(move || -> std::io::Result<Option<(Vec<u8>, PathBuf)>> {
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(_) => return Ok(None),
        };
        let path = if meta.is_dir() { path.join("index.html") } else { path };
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() && m.len() <= MAX_FILE => Ok(Some((std::fs::read(&path)?, path))),
            _ => Ok(None),
        }
    })
    .await;
    match read {
        Ok(Ok(Some((bytes, path)))) => {
            let mut res = bytes.into_response();
            res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(&path)));
            res
        }
        Ok(Ok(None)) => error(StatusCode::NOT_FOUND, "not found"),
        _ => error(StatusCode::INTERNAL_SERVER_ERROR, "cannot read the file"),
    }
}

/// The file a URL path names inside `root`, or `None` for anything that could leave it
/// (`..`, absolute parts, backslashes, NUL).
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let rel = url_path.trim_start_matches('/');
    if rel.contains(['\\', '\0']) || rel.contains('%') {
        return None;
    }
    let mut out = root.to_path_buf();
    for c in Path::new(rel).components() {
        match c {
            Component::Normal(part) => {
                if part.to_string_lossy().starts_with('.') {
                    return None;
                }
                out.push(part);
            }
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_root() {
        let root = Path::new("/srv/www");
        assert_eq!(resolve(root, "/"), Some(PathBuf::from("/srv/www")));
        assert_eq!(resolve(root, "/app/main.js"), Some(PathBuf::from("/srv/www/app/main.js")));
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(resolve(root, "/a/../../b"), None);
        assert_eq!(resolve(root, "/%2e%2e/x"), None);
        assert_eq!(resolve(root, "/.git/config"), None);
        assert_eq!(resolve(root, "/a\\b"), None);
    }
}
