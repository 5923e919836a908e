//! End to end: `newsgraph ingest` into a real SQLite store — idempotence, a `kill -9` in
//! the middle of an ingest, and readers querying while it writes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed_text() -> String {
    let line = std::fs::read_to_string(repo().join("samples/seed.jsonl")).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    v["text"].as_str().unwrap().to_string()
}

/// `n` distinct articles made from the seed: its sentences rotated and renumbered, so every
/// article has its own content hash; every third carries a URL. Deterministic.
fn write_corpus(path: &Path, n: usize) {
    let text = seed_text();
    let sentences: Vec<&str> = text.split_inclusive(". ").collect();
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let k = i % sentences.len();
        let body: String = sentences[k..].iter().chain(&sentences[..k]).copied().collect();
        let body = format!("Dispatch {i}: {} civilians were reported trapped in Mariupol on day {}.\n{body}", 1000 + i * 7, i % 28 + 1);
        let mut rec = serde_json::json!({
            "id": format!("gen-{i}"),
            "date": format!("2022-03-{:02}", i % 28 + 1),
            "title": format!("Dispatch {i}"),
            "text": body,
        });
        if i % 3 == 0 {
            rec["url"] = format!("https://example.org/{i}").into();
        }
        writeln!(f, "{rec}").unwrap();
    }
}

fn ingest(db: &Path, inputs: &[&Path]) -> serde_json::Value {
    let out = bin().arg("ingest").arg("--db").arg(db).args(inputs).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("ingest prints a JSON summary")
}

fn stats(db: &Path) -> serde_json::Value {
    let out = bin().args(["query", "--db"]).arg(db).arg("stats").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_object_mut().unwrap().remove("bytes");
    v
}

#[test]
fn ingesting_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, corpus) = (dir.path().join("c.db"), dir.path().join("c.jsonl"));
    write_corpus(&corpus, 40);
    let seed = repo().join("samples/seed.jsonl");
    let first = ingest(&db, &[&corpus, &seed]);
    assert_eq!(first["added"], 41);
    let before = stats(&db);
    assert_eq!(before["articles"], 41);

    let again = ingest(&db, &[&seed, &corpus]);
    assert_eq!(again["added"], 0);
    assert_eq!(again["already_stored"], 41);
    assert_eq!(stats(&db), before);

    // The same article under a new id and with different line breaks is the same content.
    let moved = dir.path().join("moved.jsonl");
    let text = seed_text().replace('\n', "\n\n");
    std::fs::write(&moved, serde_json::json!({"id": "copy", "text": text}).to_string() + "\n").unwrap();
    assert_eq!(ingest(&db, &[&moved])["added"], 0);
    assert_eq!(stats(&db), before);
}

#[test]
fn kill_9_during_ingest_then_ingest_again_loses_and_doubles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, corpus, fresh) = (dir.path().join("k.db"), dir.path().join("k.jsonl"), dir.path().join("fresh.db"));
    write_corpus(&corpus, 300);

    // Small transactions so several commit before the kill.
    let mut child = bin().arg("ingest").arg("--batch").arg("5").arg("--db").arg(&db).arg(&corpus).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let started = Instant::now();
    let mut seen_during = 0i64;
    let killed_mid_way = loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success());
            break false;
        }
        // A concurrent reader: querying while the writer runs must work.
        if db.exists() {
            let out = bin().args(["query", "--db"]).arg(&db).arg("stats").output().unwrap();
            if out.status.success() {
                let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                seen_during = v["articles"].as_i64().unwrap_or(0);
                if seen_during >= 20 {
                    child.kill().unwrap(); // SIGKILL on Unix
                    child.wait().unwrap();
                    break true;
                }
            }
        }
        assert!(started.elapsed() < Duration::from_secs(300), "ingest made no progress");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(killed_mid_way, "the ingest finished before it could be killed; make the corpus larger");
    let after_kill = stats(&db)["articles"].as_i64().unwrap();
    assert!(after_kill >= seen_during && after_kill < 300, "{after_kill} articles after the kill");

    // Resume, and compare with a clean run: the same counts of everything.
    let resumed = ingest(&db, &[&corpus]);
    assert_eq!(resumed["already_stored"].as_i64().unwrap(), after_kill);
    ingest(&fresh, &[&corpus]);
    assert_eq!(stats(&db), stats(&fresh));
    assert_eq!(stats(&db)["articles"], 300);
    // The database is intact.
    let out = bin().args(["query", "--db"]).arg(&db).args(["search", "Mariupol", "--limit", "3"]).output().unwrap();
    assert!(out.status.success());
}
