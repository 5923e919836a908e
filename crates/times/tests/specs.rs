//! Public time-expression specs run as tests: Duckling's English corpus and Microsoft
//! Recognizers-Text's English DateTimeModel, both under `shared/data/time` beside the
//! repository (skipped when absent). Each test prints its pass rate and fails if the rate
//! falls below the floor measured when it was wired in, so regressions show.
//!
//! Both specs come from calendar assistants, which resolve a bare "Monday" forward; they
//! run with [`Options::prefer_future`], the specs' own convention. A TIMEX3 period value
//! (`2019-Q2`) counts as equal to the interval Recognizers-Text writes for it.
//!
//!     cargo test --release -p newsgraph-times --test specs -- --nocapture

use std::path::PathBuf;

use newsgraph_text::{Document, OffsetMap};
use newsgraph_times::{Date, Options, recognise_with};
use serde_json::Value;

fn data_dir() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/time");
    p.is_dir().then_some(p)
}

/// (text, code-point span, value) of every expression found in `text`.
fn run(text: &str, reference: Date) -> Vec<(String, [usize; 2], String)> {
    let doc = Document::new(text);
    let map = OffsetMap::new(&doc.text);
    recognise_with(&doc, Some(reference), Options { prefer_future: true })
        .into_iter()
        .map(|t| (t.text, map.span_to_chars(t.span[0], t.span[1]), t.value.unwrap_or_default()))
        .collect()
}

/// The TIMEX3 value Duckling's expected instant and grain stand for.
fn duckling_timex(value: &str, grain: &str) -> Option<String> {
    let date: Date = value.get(..10)?.parse().ok()?;
    Some(match grain {
        "year" => value[..4].to_string(),
        "month" => value[..7].to_string(),
        "day" => value[..10].to_string(),
        "week" => {
            let w = date.iso_week_date();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        "quarter" => format!("{}-Q{}", &value[..4], (date.month() - 1) / 3 + 1),
        "hour" | "minute" => format!("{}T{}", &value[..10], &value[11..16]),
        _ => return None,
    })
}

#[test]
fn duckling_english_corpus() {
    let Some(dir) = data_dir() else {
        eprintln!("shared/data/time not found; skipped");
        return;
    };
    let text = std::fs::read_to_string(dir.join("duckling_en/duckling_en_time.jsonl")).unwrap();
    let (mut n, mut pass, mut neg, mut neg_pass, mut intervals) = (0, 0, 0, 0, 0);
    for line in text.lines() {
        let row: Value = serde_json::from_str(line).unwrap();
        let section = row["section"].as_str().unwrap_or("");
        if row["locale"] != "EN" || !matches!(section, "all" | "default_only" | "negative") {
            continue;
        }
        let input = row["text"].as_str().unwrap();
        let reference: Date = row["reference_time"].as_str().unwrap()[..10].parse().unwrap();
        let found = run(input, reference);
        if section == "negative" {
            neg += 1;
            neg_pass += usize::from(found.is_empty());
            continue;
        }
        let e = &row["expected"];
        if e["type"] != "value" {
            intervals += 1; // TIMEX3 has no interval value to compare
            continue;
        }
        n += 1;
        let Some(want) = duckling_timex(e["value"].as_str().unwrap(), e["grain"].as_str().unwrap()) else {
            continue;
        };
        // One expression spanning the whole input, as Duckling's own test demands.
        let whole = found.len() == 1 && found[0].0.eq_ignore_ascii_case(input.trim());
        if whole && (found[0].2 == want || (want.len() == 16 && found[0].2.starts_with(&want))) {
            pass += 1;
        } else if std::env::var_os("SPEC_SHOW").is_some() {
            println!("FAIL {input:?} want {want} got {found:?}");
        }
    }
    let rate = pass as f64 / n.max(1) as f64;
    println!("duckling EN values: {pass}/{n} passed ({:.1} %); negatives {neg_pass}/{neg}; {intervals} interval rows not scored", 100.0 * rate);
    assert!(rate >= 0.23, "Duckling pass rate fell to {rate:.3}");
    assert!(neg_pass * 10 >= neg * 7, "Duckling negatives: {neg_pass}/{neg}");
}

/// Our value in Recognizers-Text's resolution format ("2016-11-07 08:00:00").
fn rt_value(v: &str) -> String {
    match v.split_once('T') {
        Some((d, t)) if t.len() == 5 && t.as_bytes()[2] == b':' => format!("{d} {t}:00"),
        _ => v.to_string(),
    }
}

/// The [start, end) days a calendar TIMEX3 value covers: `2019-Q2`, `2016-11`, `2016-W45`,
/// `2016`, `2016-H1`. Recognizers-Text writes such periods as "(start,end,duration)".
fn value_range(v: &str) -> Option<(Date, Date)> {
    let y: i16 = v.get(..4)?.parse().ok()?;
    let rest = &v[4..];
    let ym = |y: i16, m: i8| Date::new(y, m, 1).ok();
    let next_month = |y: i16, m: i8| if m == 12 { ym(y + 1, 1) } else { ym(y, m + 1) };
    match rest.as_bytes() {
        [] => Some((ym(y, 1)?, ym(y + 1, 1)?)),
        [b'-', b'Q', q] => {
            let q = (*q - b'0') as i8;
            let start = ym(y, 3 * q - 2)?;
            Some((start, if q == 4 { ym(y + 1, 1)? } else { ym(y, 3 * q + 1)? }))
        }
        [b'-', b'H', h] => {
            let h = (*h - b'0') as i8;
            Some((ym(y, 6 * h - 5)?, if h == 2 { ym(y + 1, 1)? } else { ym(y, 7)? }))
        }
        [b'-', b'W', ..] => {
            let w: i8 = rest[2..].parse().ok()?;
            let start = jiff::civil::ISOWeekDate::new(y, w, jiff::civil::Weekday::Monday).ok()?.date();
            Some((start, start.checked_add(jiff::Span::new().days(7)).ok()?))
        }
        [b'-', _, _] => {
            let m: i8 = rest[1..].parse().ok()?;
            Some((ym(y, m)?, next_month(y, m)?))
        }
        _ => None,
    }
}

/// True when our value `v` names the same thing as a Recognizers-Text timex or value.
fn rt_matches(v: &str, expected: &Value) -> bool {
    let timex = expected["timex"].as_str().unwrap_or("");
    if timex == v || expected["value"].as_str() == Some(rt_value(v).as_str()) {
        return true;
    }
    // "(2019-04-01,2019-07-01,P3M)" against "2019-Q2"
    let inner = timex.trim_start_matches('(').trim_end_matches(')');
    let mut parts = inner.split(',');
    match (parts.next().and_then(|a| a.parse::<Date>().ok()), parts.next().and_then(|b| b.parse::<Date>().ok()), value_range(v)) {
        (Some(a), Some(b), Some((s, e))) => a == s && b == e,
        _ => false,
    }
}

#[test]
fn recognizers_text_datetime_model() {
    let Some(dir) = data_dir() else {
        eprintln!("shared/data/time not found; skipped");
        return;
    };
    let raw = std::fs::read_to_string(dir.join("recognizers_text_en/DateTime/English/DateTimeModel.json")).unwrap();
    let cases: Vec<Value> = serde_json::from_str(raw.trim_start_matches('\u{feff}')).unwrap();
    let (mut n, mut pass, mut neg, mut neg_pass) = (0, 0, 0, 0);
    for case in &cases {
        let input = case["Input"].as_str().unwrap_or("");
        let Some(reference) = case["Context"]["ReferenceDateTime"].as_str().and_then(|r| r.get(..10)?.parse::<Date>().ok()) else {
            continue;
        };
        let found = run(input, reference);
        let results = case["Results"].as_array().cloned().unwrap_or_default();
        if results.is_empty() {
            neg += 1;
            neg_pass += usize::from(found.is_empty());
            continue;
        }
        for r in &results {
            n += 1;
            let (s, e) = (r["Start"].as_u64().unwrap_or(0) as usize, r["End"].as_u64().unwrap_or(0) as usize + 1);
            let values = r["Resolution"]["values"].as_array().cloned().unwrap_or_default();
            let ok = found.iter().any(|(_, span, v)| span[0] < e && s < span[1] && values.iter().any(|x| rt_matches(v, x)));
            pass += usize::from(ok);
            if !ok && std::env::var_os("SPEC_SHOW").is_some() {
                let want: Vec<&str> = values.iter().filter_map(|x| x["timex"].as_str()).collect();
                println!("FAIL {input:?} [{}] want {want:?} got {found:?}", r["Text"].as_str().unwrap_or(""));
            }
        }
    }
    let rate = pass as f64 / n.max(1) as f64;
    println!("recognizers-text DateTimeModel: {pass}/{n} results matched by overlap and TIMEX3/value ({:.1} %); negatives {neg_pass}/{neg}", 100.0 * rate);
    assert!(rate >= 0.30, "Recognizers-Text pass rate fell to {rate:.3}");
}

/// The TIMEX3 duration of a rustling period with a single unit ({"hours": 2} → PT2H).
fn rustling_duration(period: &Value) -> Option<String> {
    let map = period.as_object()?;
    if map.len() != 1 {
        return None;
    }
    let (unit, n) = map.iter().next()?;
    let n = n.as_i64()?;
    Some(match unit.as_str() {
        "years" => format!("P{n}Y"),
        "quarters" => format!("P{n}Q"),
        "months" => format!("P{n}M"),
        "weeks" => format!("P{n}W"),
        "days" => format!("P{n}D"),
        "hours" => format!("PT{n}H"),
        "minutes" => format!("PT{n}M"),
        "seconds" => format!("PT{n}S"),
        _ => return None,
    })
}

/// Snips rustling-ontology's English examples (a Rust port of Duckling's grammar). Its
/// inputs carry prepositions ("for 2 hours"), so a case passes when exactly one expression
/// is found and its value matches; intervals are not scored.
#[test]
fn rustling_english_examples() {
    let Some(dir) = data_dir() else {
        eprintln!("shared/data/time not found; skipped");
        return;
    };
    let text = std::fs::read_to_string(dir.join("rustling_ontology_en/rustling_ontology_en_time.jsonl")).unwrap();
    let (mut n, mut pass, mut intervals) = (0, 0, 0);
    for line in text.lines() {
        let row: Value = serde_json::from_str(line).unwrap();
        let e = &row["expected"];
        let want = if e["dim"] == "duration" {
            rustling_duration(&e["period"])
        } else if e["type"] == "value" {
            duckling_timex(e["value"].as_str().unwrap_or(""), e["grain"].as_str().unwrap_or(""))
        } else {
            intervals += 1;
            continue;
        };
        n += 1;
        let Some(want) = want else { continue };
        let reference: Date = row["reference_time"].as_str().unwrap()[..10].parse().unwrap();
        let found = run(row["text"].as_str().unwrap(), reference);
        if found.len() == 1 && (found[0].2 == want || (want.len() == 16 && found[0].2.starts_with(&want))) {
            pass += 1;
        } else if std::env::var_os("SPEC_SHOW").is_some() {
            println!("FAIL {:?} want {want} got {found:?}", row["text"]);
        }
    }
    let rate = pass as f64 / n.max(1) as f64;
    println!("rustling EN: {pass}/{n} passed ({:.1} %); {intervals} interval rows not scored", 100.0 * rate);
    assert!(rate >= 0.43, "rustling pass rate fell to {rate:.3}");
}
