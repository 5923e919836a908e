//! The ratchet: runs the seed article and the dev articles through the engine, scores them
//! with the shared scorer, and fails when any section's end-to-end F1 falls below the floor
//! recorded in `ratchet.json` (the figure last reported); and a public sample (MEANTIME's
//! Wikinews articles, scored for time expressions by the shared TempEval-3 scorer).
//!
//! Needs `../shared` beside the repository and `python3` (both present in CI). Outside CI a
//! missing `../shared` skips the test with a message; in CI it is a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("tools/score.py").exists() {
        Some(p)
    } else if std::env::var_os("CI").is_some() {
        panic!("../shared is missing: the ratchet cannot run");
    } else {
        eprintln!("ratchet skipped: ../shared not found");
        None
    }
}

fn score(shared: &Path, set: &str) -> serde_json::Value {
    let gold = shared.join("eval").join(set);
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph")).args(["extract", "--quiet"]).arg(gold.join("articles.jsonl")).output().unwrap();
    assert!(out.status.success(), "extract failed on {set}: {}", String::from_utf8_lossy(&out.stderr));
    let pred = std::env::temp_dir().join(format!("newsgraph-ratchet-{}-{set}.jsonl", std::process::id()));
    std::fs::write(&pred, &out.stdout).unwrap();
    let s = Command::new("python3").arg(shared.join("tools/score.py")).arg("--json").arg(&gold).arg(&pred).output().expect("python3 is needed for the ratchet");
    assert!(s.status.success(), "score.py failed: {}", String::from_utf8_lossy(&s.stderr));
    let _ = std::fs::remove_file(&pred);
    serde_json::from_slice(&s.stdout).expect("score.py --json prints JSON")
}

#[test]
fn scores_do_not_fall_below_the_last_reported_figures() {
    let Some(shared) = shared() else { return };
    let floors: serde_json::Value = serde_json::from_str(include_str!("ratchet.json")).unwrap();
    let mut failures = Vec::new();
    for set in ["seed", "dev"] {
        let got = score(&shared, set);
        for (section, floor) in floors[set].as_object().unwrap() {
            let f1 = got["sections"][section]["e2e_f1"].as_f64().unwrap_or_else(|| panic!("no {section} in the scores of {set}"));
            let floor = floor.as_f64().unwrap();
            eprintln!("ratchet {set:4} {section:16} e2e F1 {f1:.3} (floor {floor:.3})");
            if f1 + 1e-9 < floor {
                failures.push(format!("{set} {section}: {f1:.3} < {floor:.3}"));
            }
        }
    }
    // A public sample: MEANTIME's 120 Wikinews articles, time expressions.
    let json = std::env::temp_dir().join(format!("newsgraph-ratchet-{}-meantime.json", std::process::id()));
    let run = Command::new("python3")
        .arg(shared.join("tools/timex_eval.py"))
        .args(["run", "--bin", env!("CARGO_BIN_EXE_newsgraph")])
        .arg(shared.join("data/time/meantime_en/meantime_en_timex.jsonl"))
        .arg("--json")
        .arg(&json)
        .output()
        .expect("python3 is needed for the ratchet");
    assert!(run.status.success(), "timex_eval.py failed: {}", String::from_utf8_lossy(&run.stderr));
    let got: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let _ = std::fs::remove_file(&json);
    for (name, key) in [("meantime_timex_relaxed_F1", "relaxed_F1"), ("meantime_timex_value_F1", "value_F1")] {
        let f = got[key].as_f64().unwrap_or_else(|| panic!("timex_eval.py gave no {key}"));
        let floor = floors["public"][name].as_f64().unwrap();
        eprintln!("ratchet public {name} {f:.3} (floor {floor:.3})");
        if f + 1e-9 < floor {
            failures.push(format!("public {name}: {f:.3} < {floor:.3}"));
        }
    }
    assert!(failures.is_empty(), "scores fell below the ratchet: {failures:?}");
}
