//! The serde types must produce JSON that `shared/spec/record.schema.json` accepts.
//! The schema is vendored in `tests/record.schema.json` (copied from the spec) so the
//! test runs without `../shared`; a second test checks the copy is current when the spec
//! is beside the repository.

use newsgraph_record::*;

fn schema() -> serde_json::Value {
    serde_json::from_str(include_str!("record.schema.json")).unwrap()
}

pub fn sample() -> Record {
    Record {
        id: "a1".into(),
        date: Some("2022-03-28".into()),
        date_source: DateSource::Metadata,
        lang: Some("en".into()),
        entities: vec![Entity {
            id: "e1".into(),
            kind: EntityType::PERSON,
            name: "Volodymyr Zelensky".into(),
            aliases: vec!["Zelensky".into()],
            titles: vec!["Ukrainian President".into()],
            mentions: vec![[0, 18]],
            geo: None,
        }],
        quotes: vec![Quote {
            kind: QuoteKind::Direct,
            text: "We are ready".into(),
            span: [20, 32],
            speaker: Some("e1".into()),
            speaker_text: Some("he".into()),
            speaker_name: Some("Volodymyr Zelensky".into()),
            speaker_span: Some([35, 37]),
            cue: Some("said".into()),
            cue_span: None,
            confidence: Some(0.9),
        }],
        quantities: vec![Quantity {
            value: Some(1119.0),
            value_max: None,
            approx: Approx::MoreThan,
            text: "1,119 civilian deaths".into(),
            span: [40, 61],
            what: Some("civilian deaths".into()),
            unit: None,
            category: Category::Killed,
            location: None,
            source: None,
            source_text: Some("The UN".into()),
            date: Some("2022-03-28".into()),
        }],
        times: vec![Time { text: "March 10".into(), span: [1, 2], kind: TimeType::DATE, value: Some("2022-03-10".into()), modifier: None }],
        events: vec![Event {
            kind: "CONSULT".into(),
            cameo: Some("040".into()),
            text: Some("talks".into()),
            span: [3, 8],
            source: Some("e1".into()),
            target: None,
            source_text: None,
            target_text: None,
            location: None,
            date: None,
            status: EventStatus::Planned,
            claimant: Some("e1".into()),
        }],
        ..Default::default()
    }
}

#[test]
fn record_validates_against_schema() {
    let schema = schema();
    let v = serde_json::to_value(sample()).unwrap();
    assert!(jsonschema::is_valid(&schema, &v), "{}", v);
    let empty = serde_json::to_value(Record { id: "x".into(), ..Default::default() }).unwrap();
    assert!(jsonschema::is_valid(&schema, &empty));
    // And the validator is not vacuous: a wrong enum fails.
    let mut bad = v.clone();
    bad["quotes"][0]["kind"] = "shouted".into();
    assert!(!jsonschema::is_valid(&schema, &bad));
}

#[test]
fn record_round_trips() {
    let r = sample();
    let s = serde_json::to_string(&r).unwrap();
    let back: Record = serde_json::from_str(&s).unwrap();
    assert_eq!(r, back);
    assert!(s.contains("\"type\":\"PERSON\"") && s.contains("\"mod\":null") && s.contains("\"approx\":\"more_than\""));
}

#[test]
fn vendored_schema_matches_spec() {
    let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/spec/record.schema.json");
    if let Ok(text) = std::fs::read_to_string(&spec) {
        let a: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(a, schema(), "tests/record.schema.json is out of date with shared/spec");
    }
}
