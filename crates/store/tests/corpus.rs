//! The store end to end on hand-made records: what a corpus must get right whatever the
//! recognisers find (repeats counted once, copies linked, people resolved, merges undone).

use newsgraph_record::*;
use newsgraph_store::query::{self, ClaimParams, DisagreementParams, EventParams, QuoteParams, SearchParams};
use newsgraph_store::{ExportKind, Input, Outcome, Store};

const WIRE: &str = "Russian and Ukrainian negotiators will meet in Istanbul on Tuesday for the first face-to-face \
talks in more than two weeks, officials said. Ukrainian President Volodymyr Zelensky said: \"We are looking for peace, \
really, without delay.\" The UN said 1,119 civilians had been killed in Ukraine since the invasion began, and \
fighting continued around the capital Kyiv and the besieged port city of Mariupol, where tens of thousands remain \
trapped without water, heat or power according to the city's mayor.";

fn cp(text: &str, needle: &str) -> [usize; 2] {
    let b = text.find(needle).expect(needle);
    let s = text[..b].chars().count();
    [s, s + needle.chars().count()]
}

fn ent(id: &str, kind: EntityType, name: &str, aliases: &[&str], titles: &[&str]) -> Entity {
    Entity {
        id: id.into(),
        kind,
        name: name.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        titles: titles.iter().map(|s| s.to_string()).collect(),
        mentions: vec![[0, 1]],
        geo: None,
    }
}

/// A record of `text` as the engine would write it, with one quote, one claim, one event.
fn record(id: &str, url: &str, date: &str, text: &str, zelensky: &str, deaths: f64, source: &str) -> Input {
    let quote = "We are looking for peace, really, without delay.";
    let figure = "1,119 civilians";
    let mut r = Record {
        id: id.into(),
        url: Some(url.into()),
        title: Some("Talks in Istanbul".into()),
        outlet: Some(url.split('/').nth(2).unwrap_or("").into()),
        date: Some(date.into()),
        date_source: DateSource::Metadata,
        lang: Some("en".into()),
        ..Default::default()
    };
    r.entities = vec![
        ent("e1", EntityType::PERSON, zelensky, &["Zelensky"], &["Ukrainian President"]),
        ent("e2", EntityType::ORG, source, &[], &[]),
        ent("e3", EntityType::GPE, "Ukraine", &[], &[]),
        ent("e4", EntityType::GPE, "Istanbul", &[], &[]),
    ];
    if let Some(_) = text.find(quote) {
        r.quotes.push(Quote {
            kind: QuoteKind::Direct,
            text: quote.into(),
            span: cp(text, quote),
            speaker: Some("e1".into()),
            speaker_text: Some(zelensky.into()),
            speaker_name: Some(zelensky.into()),
            speaker_span: None,
            cue: Some("said".into()),
            cue_span: None,
            confidence: Some(0.9),
        });
    }
    if let Some(_) = text.find(figure) {
        r.quantities.push(Quantity {
            value: Some(deaths),
            value_max: None,
            approx: Approx::Exact,
            text: figure.into(),
            span: cp(text, figure),
            what: Some("civilians".into()),
            unit: None,
            category: Category::Killed,
            location: Some("e3".into()),
            source: Some("e2".into()),
            source_text: Some(source.into()),
            date: None,
        });
    }
    r.events.push(Event {
        kind: "CONSULT".into(),
        cameo: Some("040".into()),
        text: Some("negotiators will meet".into()),
        span: [0, 10],
        source: Some("e1".into()),
        target: None,
        source_text: None,
        target_text: Some("Russian negotiators".into()),
        location: Some("e4".into()),
        date: Some(date.into()),
        status: EventStatus::Planned,
        claimant: None,
    });
    Input::new(r, text.into())
}

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("corpus.db")).unwrap();
    (dir, store)
}

fn added(o: &Outcome) -> i64 {
    match o {
        Outcome::Added(a) => a.id,
        other => panic!("expected added, got {other:?}"),
    }
}

#[test]
fn reingest_changes_nothing_and_copies_are_linked_not_merged() {
    let (_d, mut s) = open();
    let a = record("a", "https://wire.example/a", "2022-03-28", WIRE, "Volodymyr Zelensky", 1119.0, "UN");
    let first = s.ingest(&[a.clone()]).unwrap();
    let a_id = added(&first[0]);
    let before = query::stats(&s).unwrap();

    // Same URL, then same content under another URL: nothing changes.
    assert!(matches!(s.ingest(&[a.clone()]).unwrap()[0], Outcome::Duplicate { by: "url", .. }));
    let mut moved = a.clone();
    moved.record.url = Some("https://mirror.example/a".into());
    moved.text = WIRE.replace(". ", ".  ");
    assert!(matches!(s.ingest(&[moved]).unwrap()[0], Outcome::Duplicate { by: "content", .. }));
    let after = query::stats(&s).unwrap();
    assert_eq!((before.articles, before.claim_mentions, before.quotes), (after.articles, after.claim_mentions, after.quotes));

    // A syndicated copy, lightly edited, by nine other outlets: linked to the first.
    let mut copies = Vec::new();
    for i in 0..9 {
        let text = format!("ISTANBUL (Outlet {i}) - {}", WIRE.replace("officials said", "Turkish officials said"));
        copies.push(record(&format!("c{i}"), &format!("https://outlet{i}.example/x"), "2022-03-28", &text, "Zelenskyy", 1119.0, "UN"));
    }
    for o in s.ingest_batch(&copies).unwrap() {
        match o {
            Outcome::Added(x) => assert_eq!(x.cluster, a_id, "similarity {:?}", x.similarity),
            other => panic!("{other:?}"),
        }
    }
    let st = query::stats(&s).unwrap();
    assert_eq!((st.articles, st.clusters, st.near_duplicates), (10, 1, 9));

    // The claim is one claim with ten mentions, from one independent report.
    let tl = query::timeline(&s, &ClaimParams { category: Some("killed".into()), place: Some("Ukraine".into()), ..Default::default() }).unwrap();
    assert_eq!(tl.claims.len(), 1);
    assert_eq!(tl.claims[0].mentions.len(), 10);
    assert_eq!(tl.claims[0].independent_reports, 1);
    assert_eq!(
        tl.claims[0].mentions[0].evidence,
        "The UN said 1,119 civilians had been killed in Ukraine since the invasion began, and fighting continued around the capital Kyiv and the besieged port city of Mariupol, where tens of thousands remain trapped without water, heat or power according to the city's mayor."
    );

    // Search shows one hit per cluster unless every copy is asked for.
    let hits = query::search(&s, &SearchParams { q: "Mariupol".into(), ..Default::default() }).unwrap();
    assert_eq!(hits.len(), 1);
    assert!(hits[0].snippet.contains("[Mariupol]"));
    let all = query::search(&s, &SearchParams { q: "Mariupol".into(), all_copies: true, ..Default::default() }).unwrap();
    assert_eq!(all.len(), 10);

    // The quote repeated ten times is one quote with ten mentions, under one speaker.
    let q = query::quotes(&s, &QuoteParams { speaker: Some("Zelenskiy".into()), topic: Some("peace".into()), ..Default::default() }).unwrap();
    assert_eq!(q.speakers.len(), 1);
    assert_eq!(q.quotes.len(), 1);
    assert_eq!(q.quotes[0].mentions, 10);
}

#[test]
fn disagreements_need_different_values_and_claimants_within_the_window() {
    let (_d, mut s) = open();
    let other = |id: &str, date: &str, v: f64, src: &str| {
        let text = format!("{id} {src} reported on the war. The UN said 1,119 civilians had been killed in Ukraine, by its count.");
        record(id, &format!("https://{id}.example/"), date, &text, "Volodymyr Zelensky", v, src)
    };
    s.ingest(&[
        other("a", "2022-03-20", 1119.0, "UN"),
        other("b", "2022-03-22", 1119.0, "UN"),
        other("c", "2022-03-23", 3000.0, "Ukrainian government"),
        other("d", "2022-05-30", 5000.0, "Russian ministry"),
    ])
    .unwrap();
    let d = query::disagreements(&s, &DisagreementParams { category: Some("killed".into()), window_days: Some(7), ..Default::default() }).unwrap();
    assert_eq!(d.disagreements.len(), 1, "{:#?}", d.disagreements);
    let x = &d.disagreements[0];
    let mut vals = [x.a.value.unwrap(), x.b.value.unwrap()];
    vals.sort_by(f64::total_cmp);
    assert_eq!(vals, [1119.0, 3000.0]);
    assert_eq!(x.days_apart, Some(1));
    // A wider window brings in the May figure too.
    let wide = query::disagreements(&s, &DisagreementParams { category: Some("killed".into()), window_days: Some(90), ..Default::default() }).unwrap();
    assert_eq!(wide.disagreements.len(), 3);
}

#[test]
fn entities_resolve_across_articles_and_merges_are_reversible() {
    let (_d, mut s) = open();
    let t1 = "Volodymyr Zelensky spoke in Kyiv on Monday about the talks with Russia and the war.";
    let t2 = "President Zelenskyy addressed the parliament in a video link on Tuesday evening from Kyiv.";
    let t3 = "Ukraine's leader, Vladimir Zelensky, a former comedian, said the country would fight on.";
    s.ingest(&[
        record("1", "https://x.example/1", "2022-03-01", t1, "Volodymyr Zelensky", 1.0, "UN"),
        record("2", "https://x.example/2", "2022-03-02", t2, "Zelenskyy", 1.0, "UN"),
        record("3", "https://x.example/3", "2022-03-05", t3, "Vladimir Zelensky", 1.0, "UN"),
    ])
    .unwrap();
    let found = query::find_entities(&s, "Volodymyr Zelensky", None).unwrap();
    assert_eq!(found.len(), 1);
    let z = found[0].entity.id;
    assert_eq!(found[0].articles, 2, "Volodymyr and the bare surname; Vladimir is a different first name");
    let vlad = query::find_entities(&s, "Vladimir Zelensky", None).unwrap()[0].entity.id;
    assert_ne!(vlad, z);

    // A person decides they are one: merge, and the page sees all three articles.
    s.merge_entities(vlad, z, "transliteration of one name").unwrap();
    let page = query::entity_page(&s, vlad).unwrap();
    assert_eq!(page.entity.id, z);
    assert_eq!(page.articles, 3);
    assert_eq!(page.titles[0].title, "Ukrainian President");
    assert_eq!(page.said.len(), 0);
    assert_eq!(page.events.len(), 3);
    // Who appears alongside: each of the group's three articles names the UN, Ukraine and
    // Istanbul once; the group's own members are not listed.
    let related: Vec<(&str, i64)> = page.related.iter().map(|c| (c.entity.name.as_str(), c.articles)).collect();
    assert_eq!(related.len(), 3, "{related:?}");
    assert!(related.iter().all(|(n, a)| *a == 3 && ["UN", "Ukraine", "Istanbul"].contains(n)), "{related:?}");
    // And undo it: exactly as before.
    s.unmerge_entity(vlad).unwrap();
    assert_eq!(query::entity_page(&s, z).unwrap().articles, 2);
    assert_eq!(query::entity_page(&s, vlad).unwrap().articles, 1);
    assert!(s.unmerge_entity(vlad).is_err());

    // A bare surname stands for every entity that has it; a full name for one.
    let ev = query::events(&s, &EventParams { actor: Some("Zelensky".into()), kind: Some("consult".into()), ..Default::default() }).unwrap();
    assert_eq!((ev.actors.len(), ev.events.len()), (2, 3));
    let ev = query::events(&s, &EventParams { actor: Some("Volodymyr Zelensky".into()), ..Default::default() }).unwrap();
    assert_eq!((ev.actors.len(), ev.events.len()), (1, 2));
    assert_eq!(ev.events[0].place.as_ref().unwrap().name, "Istanbul");
}

#[test]
fn exports_write_every_article() {
    let (_d, mut s) = open();
    s.ingest(&[record("a", "https://wire.example/a", "2022-03-28", WIRE, "Volodymyr Zelensky", 1119.0, "UN")]).unwrap();
    let mut out = Vec::new();
    assert_eq!(newsgraph_store::export(&s, ExportKind::Jsonl, None, None, &mut out).unwrap(), 1);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["id"], "a");
    assert_eq!(v["corpus"]["cluster"], 1);
    let rec: Record = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(rec.quotes.len(), 1);

    let mut gkg = Vec::new();
    newsgraph_store::export(&s, ExportKind::Gkg, None, None, &mut gkg).unwrap();
    let line = String::from_utf8(gkg).unwrap();
    let cols: Vec<&str> = line.trim_end_matches('\n').split('\t').collect();
    assert_eq!(cols.len(), 27);
    assert_eq!(cols[1], "20220328000000");
    assert!(cols[5].starts_with("KILL#1119#civilians#"), "{}", cols[5]);
    assert!(cols[11].contains("Volodymyr Zelensky"));
    assert!(cols[22].contains("|said|We are looking for peace  really  without delay."), "{}", cols[22]);
    // Nothing outside the date range.
    let mut none = Vec::new();
    assert_eq!(newsgraph_store::export(&s, ExportKind::Gkg, Some("2023-01-01"), None, &mut none).unwrap(), 0);
}

/// `record` with its event reported inside Zelensky's quotation: his account, not the article's.
fn claimed(id: &str, url: &str, date: &str) -> Input {
    // Another outlet's version (a near-duplicate, so stored and linked, not skipped).
    let text = format!("{WIRE} Talks are due to resume next week.");
    let mut i = record(id, url, date, &text, "Volodymyr Zelensky", 1119.0, "UN");
    i.record.events[0].claimant = Some("e1".into());
    i
}

#[test]
fn events_carry_their_claimant_and_can_be_asked_for_by_it() {
    let (_d, mut s) = open();
    let plain = record("a", "https://wire.example/a", "2022-03-28", WIRE, "Volodymyr Zelensky", 1119.0, "UN");
    s.ingest(&[plain, claimed("b", "https://other.example/b", "2022-03-29")]).unwrap();

    let all = query::events(&s, &EventParams::default()).unwrap();
    assert_eq!(all.events.len(), 2);
    assert!(all.events[0].claimant.is_none() && all.events[0].claimant_text.is_none());
    let by = all.events[1].claimant.as_ref().expect("the quoted event has a claimant");
    assert_eq!((by.name.as_str(), by.kind.as_str()), ("Volodymyr Zelensky", "PERSON"));
    assert_eq!(all.events[1].claimant_text.as_deref(), Some("Volodymyr Zelensky"));

    // By name or by corpus id: only the event told in his words.
    let named = query::events(&s, &EventParams { claimant: Some("Zelensky".into()), ..Default::default() }).unwrap();
    assert_eq!((named.claimants.len(), named.events.len()), (1, 1));
    assert_eq!(named.events[0].article.ext_id, "b");
    let by_id = query::events(&s, &EventParams { claimant: Some(by.id.to_string()), ..Default::default() }).unwrap();
    assert_eq!(by_id.events.len(), 1);
    // Nobody else's account; and the filter combines with the others.
    assert_eq!(query::events(&s, &EventParams { claimant: Some("UN".into()), ..Default::default() }).unwrap().events.len(), 0);
    let both = EventParams { claimant: Some("Zelensky".into()), actor: Some("Zelensky".into()), kind: Some("CONSULT".into()), ..Default::default() };
    assert_eq!(query::events(&s, &both).unwrap().events.len(), 1);
    let none = EventParams { claimant: Some("Zelensky".into()), kind: Some("ACCUSE".into()), ..Default::default() };
    assert_eq!(query::events(&s, &none).unwrap().events.len(), 0);
}

/// Turns a store written by this build back into layout 2 (events without a claimant), as a
/// file written before layout 3 looks.
fn downgrade_to_layout_2(path: &std::path::Path) {
    let c = rusqlite::Connection::open(path).unwrap();
    c.execute_batch(
        "DROP INDEX event_claimant;
         ALTER TABLE event DROP COLUMN claimant_text;
         ALTER TABLE event DROP COLUMN claimant_entity;
         PRAGMA user_version = 2;",
    )
    .unwrap();
}

fn event_columns(path: &std::path::Path) -> Vec<String> {
    let c = rusqlite::Connection::open(path).unwrap();
    let mut st = c.prepare("SELECT name FROM pragma_table_info('event')").unwrap();
    st.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
}

#[test]
fn a_layout_2_store_is_read_as_it_is_and_migrated_when_opened_for_writing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut s = Store::open(&path).unwrap();
        s.ingest(&[record("a", "https://wire.example/a", "2022-03-28", WIRE, "Volodymyr Zelensky", 1119.0, "UN")]).unwrap();
    }
    downgrade_to_layout_2(&path);
    assert!(!event_columns(&path).iter().any(|c| c.starts_with("claimant")));

    // Read-only (the server, queries): it opens and answers; no claimants, none to match.
    {
        let r = Store::open_read_only(&path).unwrap();
        assert_eq!(r.layout(), 2);
        let ev = query::events(&r, &EventParams::default()).unwrap();
        assert_eq!(ev.events.len(), 1);
        assert!(ev.events[0].claimant.is_none());
        assert_eq!(query::events(&r, &EventParams { claimant: Some("Zelensky".into()), ..Default::default() }).unwrap().events.len(), 0);
        assert_eq!(query::entity_page(&r, ev.events[0].source.as_ref().unwrap().id).unwrap().events.len(), 1);
    }

    // Opened for writing: migrated in place, old rows kept with no claimant.
    {
        let mut s = Store::open(&path).unwrap();
        assert_eq!(s.layout(), 3);
        let cols = event_columns(&path);
        assert!(cols.contains(&"claimant_entity".to_string()) && cols.contains(&"claimant_text".to_string()), "{cols:?}");
        let ev = query::events(&s, &EventParams::default()).unwrap();
        assert_eq!(ev.events.len(), 1);
        assert!(ev.events[0].claimant.is_none());
        // It keeps working: re-ingest is still idempotent, new events keep their claimant.
        let again = record("a", "https://wire.example/a", "2022-03-28", WIRE, "Volodymyr Zelensky", 1119.0, "UN");
        assert!(matches!(s.ingest(&[again]).unwrap()[0], Outcome::Duplicate { by: "url", .. }));
        s.ingest(&[claimed("b", "https://other.example/b", "2022-03-29")]).unwrap();
        let named = query::events(&s, &EventParams { claimant: Some("Zelensky".into()), ..Default::default() }).unwrap();
        assert_eq!(named.events.len(), 1);
        assert_eq!(named.events[0].article.ext_id, "b");
    }
    // Opening again (either way) finds layout 3 and changes nothing.
    assert_eq!(Store::open(&path).unwrap().layout(), 3);
    let r = Store::open_read_only(&path).unwrap();
    assert_eq!(r.layout(), 3);
    assert_eq!(query::events(&r, &EventParams::default()).unwrap().events.len(), 2);
    let c = rusqlite::Connection::open(&path).unwrap();
    let indexed: i64 = c.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'event_claimant'", [], |r| r.get(0)).unwrap();
    assert_eq!(indexed, 1);
}

#[test]
fn a_layout_older_than_2_or_newer_than_this_build_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (v, msg) in [(1, "older"), (99, "newer")] {
        let path = dir.path().join(format!("v{v}.db"));
        drop(Store::open(&path).unwrap());
        rusqlite::Connection::open(&path).unwrap().execute_batch(&format!("PRAGMA user_version = {v}")).unwrap();
        let e = Store::open(&path).err().expect("refused").to_string();
        assert!(e.contains(msg), "{e}");
        assert!(Store::open_read_only(&path).is_err());
    }
}
