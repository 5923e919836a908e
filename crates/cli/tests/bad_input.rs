//! Bad input, end to end through the real binary: every case gives one clear stderr line
//! naming the file (and line or record) and the reason, the good articles beside it still
//! come out, the exit status is 1, and nothing panics.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const GOOD: &str = "{\"id\":\"good\",\"text\":\"The mayor said on Monday that the bridge would reopen in May.\"}\n";

/// A fresh folder for one test's files.
fn dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad_input").join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(path: &Path, bytes: &[u8]) -> PathBuf {
    std::fs::write(path, bytes).unwrap();
    path.to_path_buf()
}

fn extract(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph")).arg("extract").arg("--quiet").args(args).output().expect("the binary runs")
}

/// The ids of the records written, in order.
fn ids(out: &Output) -> Vec<String> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("each output line is JSON")["id"].as_str().unwrap().to_string())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts a failed run: exit status 1, no panic, and exactly the error lines that start
/// with each of `expected` (file and place) and contain its reason.
fn assert_failed(out: &Output, expected: &[(&str, &str)]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "exit status; stderr:\n{err}");
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "a panic:\n{err}");
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(lines.len(), expected.len(), "error lines:\n{err}");
    for (line, (place, reason)) in lines.iter().zip(expected) {
        let rest = line.strip_prefix("error: ").unwrap();
        assert!(rest.starts_with(place), "{line:?} should name {place:?}");
        assert!(rest.contains(reason), "{line:?} should say {reason:?}");
    }
}

#[test]
fn empty_files() {
    let d = dir("empty");
    let empty = write(&d.join("empty.jsonl"), b"");
    let empty_html = write(&d.join("blank.html"), b"");
    let good = write(&d.join("good.jsonl"), GOOD.as_bytes());
    let out = extract(&[&empty, &good, &empty_html]);
    assert_failed(&out, &[(&format!("{}: ", empty.display()), "the file is empty"), (&format!("{}: ", empty_html.display()), "the file is empty")]);
    assert_eq!(ids(&out), ["good"]);
}

#[test]
fn invalid_utf8_in_json_lines() {
    let d = dir("utf8");
    let mut data = GOOD.as_bytes().to_vec();
    data.extend_from_slice(b"{\"id\":\"bad\",\"text\":\"caf\xe9 \xff\xfe\"}\n");
    data.extend_from_slice(GOOD.replace("good", "good2").as_bytes());
    let f = write(&d.join("mixed.jsonl"), &data);
    let out = extract(&[&f]);
    assert_failed(&out, &[(&format!("{}:2: ", f.display()), "invalid UTF-8")]);
    assert_eq!(ids(&out), ["good", "good2"]);
}

#[test]
fn invalid_utf8_text_file_is_read_as_windows_1252() {
    let d = dir("latin1");
    let f = write(&d.join("story.txt"), b"The caf\xe9 reopened on Monday, the owner said.");
    let out = extract(&[&f]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ids(&out), ["story"]);
}

#[test]
fn truncated_gzip() {
    let d = dir("gzip");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..2000 {
        gz.write_all(GOOD.replace("\"good\"", &format!("\"a{i}\"")).as_bytes()).unwrap();
    }
    let bytes = gz.finish().unwrap();
    let cut = write(&d.join("cut.jsonl.gz"), &bytes[..bytes.len() / 2]);
    let good = write(&d.join("good.jsonl"), GOOD.as_bytes());
    let out = extract(&[&cut, &good]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].starts_with(&format!("error: {}:", cut.display())) && lines[0].contains("gzip stream is truncated"), "{err}");
    let got = ids(&out);
    // The articles before the cut come out, in order, then the next file's.
    assert!(got.len() > 100 && got[0] == "a0" && got.last().unwrap() == "good", "{} records", got.len());
}

#[test]
fn nul_bytes_and_binary_junk() {
    let d = dir("nul");
    let nul_text = write(&d.join("nul.txt"), b"The minister\0 resigned on Friday after the vote, aides said.");
    let junk: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let junk = write(&d.join("junk.bin"), &junk);
    let mut data = GOOD.as_bytes().to_vec();
    data.extend_from_slice(b"{\"id\":\"n\",\"text\":\"a\\u0000b and more words here\"}\n\0\0\0\0\n");
    let lines = write(&d.join("nul.jsonl"), &data);
    let out = extract(&[&nul_text, &junk, &lines]);
    assert_failed(&out, &[(&format!("{}: ", junk.display()), "binary data"), (&format!("{}:3: ", lines.display()), "not a valid JSON")]);
    assert_eq!(ids(&out), ["nul", "good", "n"]);
}

#[test]
fn a_200_mb_single_line() {
    let d = dir("huge");
    let path = d.join("huge.jsonl");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        f.write_all(b"{\"id\":\"huge\",\"text\":\"").unwrap();
        let chunk = "word ".repeat(200_000); // 1 MB
        for _ in 0..200 {
            f.write_all(chunk.as_bytes()).unwrap();
        }
        f.write_all(b"\"}\n").unwrap();
        f.write_all(GOOD.as_bytes()).unwrap();
    }
    let out = extract(&[&path]);
    let _ = std::fs::remove_file(&path);
    assert_failed(&out, &[(&format!("{}:1: ", path.display()), "longer than the limit")]);
    assert_eq!(ids(&out), ["good"]);
}

#[test]
fn html_nested_100000_levels() {
    let d = dir("deep");
    let n = 100_000;
    let page = format!(
        "<html><head><title>Deep</title></head><body>{}<p>The deep page still has its sentence.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let deep = write(&d.join("deep.html"), page.as_bytes());
    let unclosed = write(&d.join("unclosed.html"), format!("<html><body>{}Unclosed words.", "<span><b><i>".repeat(n)).as_bytes());
    let out = extract(&[&deep, &unclosed]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ids(&out), ["deep", "unclosed"]);
    let first: serde_json::Value = serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert_eq!(first["text"], "The deep page still has its sentence.");
}

fn warc_record(uri: &str, page: &str, claimed: Option<usize>) -> String {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2023-04-05T06:07:08Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        claimed.unwrap_or(http.len())
    )
}

#[test]
fn warc_with_lying_content_length() {
    let d = dir("warc");
    let page = "<html><body><article><p>The council voted on Tuesday to close the bridge for repairs, officials said.</p></article></body></html>";
    // Too short: the record after it is found again.
    let short = [warc_record("https://e.example/1", page, Some(40)), warc_record("https://e.example/2", page, None)].concat();
    let short = write(&d.join("short.warc"), short.as_bytes());
    // Too long: the record runs past the end of the file.
    let long = [warc_record("https://e.example/3", page, None), warc_record("https://e.example/4", page, Some(1 << 20))].concat();
    let long = write(&d.join("long.warc"), long.as_bytes());
    let out = extract(&[&short, &long]);
    assert_failed(
        &out,
        &[
            (&format!("{} (record 1): ", short.display()), "bad HTTP headers"),
            (&format!("{} (record 2): ", short.display()), "expected a WARC record header after record 1"),
            (&format!("{} (record 2): ", long.display()), "Content-Length says 1048576 bytes"),
        ],
    );
    assert_eq!(ids(&out), ["https://e.example/2", "https://e.example/3"]);
}

#[test]
fn missing_path_and_all_good_exit_zero() {
    let d = dir("status");
    let good = write(&d.join("good.jsonl"), GOOD.as_bytes());
    let out = extract(&[&good]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("error: "), "{}", stderr(&out));
    let missing = d.join("missing.jsonl");
    let out = extract(&[&missing, &good]);
    assert_failed(&out, &[(&format!("{}: ", missing.display()), "cannot read")]);
    assert_eq!(ids(&out), ["good"]);
}

#[test]
fn unreadable_metadata_dates_are_reported_and_the_article_kept() {
    let d = dir("dates");
    let f = write(
        &d.join("dates.jsonl"),
        b"{\"id\":\"far\",\"text\":\"Talks began on Monday.\",\"date\":\"3022-01-01\"}\n{\"id\":\"junk\",\"text\":\"Talks began.\",\"date\":\"soon\"}\n{\"id\":\"ok\",\"text\":\"Talks began.\",\"date\":\"2022-03-28\"}\n",
    );
    let out = extract(&[&f]);
    assert!(out.status.success(), "a bad date is not a failed article");
    assert_eq!(ids(&out), ["far", "junk", "ok"]);
    let err = stderr(&out);
    let warnings: Vec<&str> = err.lines().filter(|l| l.starts_with("warning:")).collect();
    assert_eq!(warnings.len(), 2, "{err}");
    assert!(warnings[0].contains("dates.jsonl:1") && warnings[0].contains("3022-01-01"), "{err}");
    assert!(warnings[1].contains("dates.jsonl:2") && warnings[1].contains("\"soon\""), "{err}");
}
