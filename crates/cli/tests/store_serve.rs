//! End to end: `newsgraph serve` on 127.0.0.1 (port 0) over a real store, queried by a
//! plain HTTP client from this process; plus the CLI queries and exports on the same store.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A store holding the seed article and a wire copy of it under another URL.
fn store(dir: &Path) -> PathBuf {
    let db = dir.join("s.db");
    let seed = std::fs::read_to_string(repo().join("samples/seed.jsonl")).unwrap();
    let v: serde_json::Value = serde_json::from_str(seed.lines().next().unwrap()).unwrap();
    let text = v["text"].as_str().unwrap();
    let copy = serde_json::json!({"id": "wire-copy", "url": "https://wire.example/1", "date": "2022-03-28",
        "text": format!("ISTANBUL (Wire) - {text}")});
    let extra = dir.join("copy.jsonl");
    std::fs::write(&extra, format!("{copy}\n")).unwrap();
    let out = bin().arg("ingest").arg("--db").arg(&db).arg(repo().join("samples/seed.jsonl")).arg(&extra).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    db
}

struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(db: &Path, extra: &[&str]) -> Server {
    let mut child = bin()
        .arg("serve")
        .arg("--db")
        .arg(db)
        .args(["--listen", "127.0.0.1:0"])
        .args(extra)
        .env_remove("NEWSGRAPH_WRITE_TOKEN")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.split("http://").nth(1).and_then(|r| r.split_whitespace().next()).expect(&line).parse().unwrap();
    Server { child, addr }
}

/// One HTTP/1.1 request; returns the status and the body.
fn http(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: 0\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).to_string();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (status, body.to_string())
}

fn get_json(addr: SocketAddr, path: &str) -> serde_json::Value {
    let (status, body) = http(addr, "GET", path, &[]);
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).unwrap()
}

#[test]
fn the_api_answers_every_query_kind_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let s = serve(&db, &[]);

    let doc = get_json(s.addr, "/openapi.json");
    assert_eq!(doc["openapi"], "3.1.0");
    for p in ["/api/search", "/api/quotes", "/api/claims", "/api/disagreements", "/api/events", "/api/entities/{id}"] {
        assert!(doc["paths"].get(p).is_some(), "{p} is documented");
    }

    let stats = get_json(s.addr, "/api/stats");
    assert_eq!(stats["articles"], 2);
    assert_eq!(stats["near_duplicates"], 1, "the wire copy is linked to the seed");

    let hits = get_json(s.addr, "/api/search?q=Istanbul%20talks");
    assert_eq!(hits.as_array().unwrap().len(), 1, "one hit per cluster");
    let all = get_json(s.addr, "/api/search?q=Istanbul%20talks&all_copies=true");
    assert_eq!(all.as_array().unwrap().len(), 2);
    let id = all[0]["article"]["id"].as_i64().unwrap();
    let art = get_json(s.addr, &format!("/api/articles/{id}"));
    assert_eq!(art["copies"].as_array().unwrap().len(), 1);

    for path in [
        "/api/quotes?topic=talks",
        "/api/claims?category=killed",
        "/api/disagreements?window_days=30",
        "/api/events?type=CONSULT",
        "/api/entities?name=Ukraine",
    ] {
        get_json(s.addr, path);
    }

    // Errors are JSON with a fitting status.
    let (st, body) = http(s.addr, "GET", "/api/search?q=%22%22", &[]);
    assert_eq!(st, 400, "{body}");
    assert!(serde_json::from_str::<serde_json::Value>(&body).unwrap()["error"].is_string());
    assert_eq!(http(s.addr, "GET", "/api/search?q=x&limit=many", &[]).0, 400);
    assert_eq!(http(s.addr, "GET", "/api/entities/999999", &[]).0, 404);
    assert_eq!(http(s.addr, "GET", "/api/entities/abc", &[]).0, 400);
    assert_eq!(http(s.addr, "GET", "/no/such/thing", &[]).0, 404);
    // SQL in a parameter is only ever a value.
    let (st, _) = http(s.addr, "GET", "/api/quotes?speaker=x%27%3B%20DROP%20TABLE%20quote%3B--", &[]);
    assert_eq!(st, 200);
    // Writes are refused: the server has no token.
    assert_eq!(http(s.addr, "POST", "/api/entities/1/merge?into=2", &[]).0, 403);
    assert_eq!(get_json(s.addr, "/api/stats")["articles"], 2);
}

#[test]
fn writes_need_the_token_and_static_files_stay_inside_their_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let www = dir.path().join("www");
    std::fs::create_dir(&www).unwrap();
    std::fs::write(www.join("index.html"), "<h1>newsgraph</h1>").unwrap();
    let s = serve(&db, &["--write-token", "s3cret", "--static-dir", www.to_str().unwrap()]);

    let (st, body) = http(s.addr, "GET", "/", &[]);
    assert_eq!((st, body.as_str()), (200, "<h1>newsgraph</h1>"));
    assert_eq!(http(s.addr, "GET", "/../s.db", &[]).0, 404);
    assert_eq!(http(s.addr, "GET", "/%2e%2e/s.db", &[]).0, 404);

    let ents = get_json(s.addr, "/api/entities?name=Ukraine");
    let ukraine = ents[0]["id"].as_i64().expect("the seed names Ukraine");
    let russia = get_json(s.addr, "/api/entities?name=Russia")[0]["id"].as_i64().expect("the seed names Russia");
    let path = format!("/api/entities/{russia}/merge?into={ukraine}");
    assert_eq!(http(s.addr, "POST", &path, &[]).0, 401);
    assert_eq!(http(s.addr, "POST", &path, &[("Authorization", "Bearer wrong!")]).0, 401);
    let (st, body) = http(s.addr, "POST", &path, &[("Authorization", "Bearer s3cret")]);
    assert_eq!(st, 200, "{body}");
    assert_eq!(get_json(s.addr, &format!("/api/entities/{russia}"))["entity"]["id"], ukraine);
    let (st, _) = http(s.addr, "POST", &format!("/api/entities/{russia}/unmerge"), &[("Authorization", "Bearer s3cret")]);
    assert_eq!(st, 200);
    assert_eq!(get_json(s.addr, &format!("/api/entities/{russia}"))["entity"]["id"], russia);
}

#[test]
fn cli_queries_and_exports_read_the_same_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let out = bin().args(["query", "--format", "table", "--db"]).arg(&db).args(["search", "talks", "--all-copies"]).output().unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert_eq!(table.lines().count(), 3, "a header and two rows:\n{table}");
    assert!(table.lines().next().unwrap().contains("snippet"));

    let out = bin().args(["export", "--format", "gkg", "--db"]).arg(&db).output().unwrap();
    assert!(out.status.success());
    let gkg = String::from_utf8(out.stdout).unwrap();
    assert_eq!(gkg.lines().count(), 2);
    assert!(gkg.lines().all(|l| l.split('\t').count() == 27));

    let out = bin().args(["export", "--db"]).arg(&db).output().unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["corpus"]["cluster"], lines[0]["corpus"]["article"]);

    // A missing store is an error, not a new empty file.
    let missing = dir.path().join("missing.db");
    let out = bin().args(["query", "--db"]).arg(&missing).arg("stats").output().unwrap();
    assert!(!out.status.success());
    assert!(!missing.exists());
}
