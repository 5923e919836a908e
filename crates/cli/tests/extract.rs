//! End-to-end: the `newsgraph extract` binary on real inputs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn records(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

fn schema() -> serde_json::Value {
    serde_json::from_str(include_str!("../../record/tests/record.schema.json")).unwrap()
}

#[test]
fn seed_gives_one_schema_valid_record() {
    let out = bin().args(["extract", "--quiet"]).arg(repo().join("samples/seed.jsonl")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    assert_eq!(r["id"], "seed-000");
    assert_eq!(r["date"], "2022-03-28");
    assert_eq!(r["date_source"], "metadata");
    assert!(jsonschema::is_valid(&schema(), r), "record does not satisfy the schema");
    // Every span lies inside the text, in code points.
    let text: String = serde_json::from_str::<serde_json::Value>(std::fs::read_to_string(repo().join("samples/seed.jsonl")).unwrap().lines().next().unwrap())
        .unwrap()["text"]
        .as_str()
        .unwrap()
        .to_string();
    let n = text.chars().count() as u64;
    let mut spans = Vec::new();
    collect_spans(r, &mut spans);
    for [s, e] in spans {
        assert!(s <= e && e <= n, "span [{s}, {e}) outside text of {n} code points");
    }
}

fn collect_spans(v: &serde_json::Value, out: &mut Vec<[u64; 2]>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                if k.ends_with("span") {
                    if let Some(a) = x.as_array() {
                        out.push([a[0].as_u64().unwrap(), a[1].as_u64().unwrap()]);
                    }
                } else if k == "mentions" {
                    for a in x.as_array().unwrap() {
                        out.push([a[0].as_u64().unwrap(), a[1].as_u64().unwrap()]);
                    }
                } else {
                    collect_spans(x, out);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_spans(x, out)),
        _ => {}
    }
}

#[test]
fn many_articles_keep_input_order_across_threads() {
    let mut input = String::new();
    for i in 0..300 {
        input.push_str(&format!("{{\"id\":\"a{i}\",\"text\":\"Article number {i}. The mayor said on Monday that {i} people were evacuated.\"}}\n"));
    }
    let mut child = bin().args(["extract", "--quiet", "-j", "2", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let ids: Vec<String> = records(&out.stdout).iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
    let want: Vec<String> = (0..300).map(|i| format!("a{i}")).collect();
    assert_eq!(ids, want);
}

#[test]
fn directories_are_walked_and_text_files_named_by_stem() {
    let dir = tempdir("walk");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("b.txt"), "Second article.").unwrap();
    std::fs::write(dir.join("sub/a.txt"), "First article, in a sub-folder.").unwrap();
    std::fs::write(dir.join(".hidden.txt"), "skipped").unwrap();
    let out = bin().args(["extract", "--quiet"]).arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let ids: Vec<String> = records(&out.stdout).iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, vec!["b", "a"]);
    let r = &records(&out.stdout)[0];
    assert_eq!(r["date_source"], "none");
}

#[test]
fn output_file_and_failure_status() {
    let dir = tempdir("out");
    let input = dir.join("in.jsonl");
    std::fs::write(&input, "{\"id\":\"ok\",\"text\":\"Fine.\"}\n{broken\n").unwrap();
    let out_path = dir.join("out.jsonl");
    let out = bin().args(["extract", "--quiet", "-o"]).arg(&out_path).arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a failed article makes the exit status 1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("in.jsonl:2"), "the error names file and line: {stderr}");
    assert_eq!(records(&std::fs::read(&out_path).unwrap()).len(), 1);
}

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("newsgraph-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn every_bundled_sample_extracts_cleanly() {
    let out = bin().args(["extract", "--quiet"]).arg(repo().join("samples")).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.is_empty(), "errors on the bundled samples:\n{stderr}");
    assert_eq!(records(&out.stdout).len(), 121);
}

#[test]
fn blank_articles_get_records_and_repeated_ids_are_reported() {
    let dir = tempdir("dups");
    let input = dir.join("in.jsonl");
    std::fs::write(&input, "{\"id\":\"a\",\"text\":\"\"}\n{\"id\":\"a\",\"text\":\"Second.\"}\n").unwrap();
    let out = bin().args(["extract", "--quiet"]).arg(&input).output().unwrap();
    assert!(out.status.success());
    assert_eq!(records(&out.stdout).len(), 2, "nothing is dropped");
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: the id \"a\" was already used"));
}
