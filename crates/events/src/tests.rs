//! End-to-end tests of `recognise` with hand-built entity and time layers.

use super::*;
use newsgraph_record::{EntityType, QuoteKind, TimeType};

/// An entity whose mentions are every occurrence of each given surface form.
fn entity(text: &str, id: &str, kind: EntityType, name: &str, forms: &[&str]) -> Entity {
    let mut mentions = Vec::new();
    for f in forms {
        for (i, _) in text.match_indices(f) {
            mentions.push([i, i + f.len()]);
        }
    }
    mentions.sort();
    Entity {
        id: id.to_string(),
        kind,
        name: name.to_string(),
        aliases: forms.iter().filter(|f| **f != name).map(|f| f.to_string()).collect(),
        titles: Vec::new(),
        mentions,
        geo: None,
    }
}

fn time(text: &str, at: &str, kind: TimeType, value: &str) -> Time {
    let i = text.find(at).expect("time text present");
    Time { text: at.to_string(), span: [i, i + at.len()], kind, value: Some(value.to_string()), modifier: None }
}

fn run(text: &str, entities: &[Entity], times: &[Time], date: Option<&str>) -> Vec<Event> {
    let doc = Document::new(text);
    recognise(&doc, entities, &[], times, date)
}

#[test]
fn compound_subject_of_talks_is_both_sides_planned_and_dated() {
    let text = "Ukraine and Russia are preparing for peace talks, which are due to take place in Turkey from Tuesday.";
    let ents = [
        entity(text, "e1", EntityType::GPE, "Ukraine", &["Ukraine"]),
        entity(text, "e2", EntityType::GPE, "Russia", &["Russia"]),
        entity(text, "e3", EntityType::GPE, "Turkey", &["Turkey"]),
    ];
    let times = [time(text, "Tuesday", TimeType::DATE, "2022-03-29")];
    let ev = run(text, &ents, &times, Some("2022-03-28"));
    assert_eq!(ev.len(), 1, "{ev:?}");
    let e = &ev[0];
    assert_eq!((e.kind.as_str(), e.cameo.as_deref()), ("CONSULT", Some("046")));
    assert_eq!((e.source.as_deref(), e.target.as_deref()), (Some("e1"), Some("e2")));
    assert_eq!(e.status, EventStatus::Planned);
    assert_eq!(e.date.as_deref(), Some("2022-03-29"));
    assert_eq!(e.location.as_deref(), Some("e3"));
}

#[test]
fn metonymy_resolves_to_the_state_entity() {
    let text = "Russia wants the region. Moscow is demanding that Kiev cede it to separatists.";
    let ents = [
        entity(text, "e1", EntityType::GPE, "Russia", &["Russia"]),
        entity(text, "e2", EntityType::GPE, "Moscow", &["Moscow"]),
        entity(text, "e3", EntityType::GPE, "Kiev", &["Kiev"]),
    ];
    let ev = run(text, &ents, &[], Some("2022-03-28"));
    let req = ev.iter().find(|e| e.kind == "REQUEST").expect("a REQUEST");
    // Moscow stands for Russia, which the article names; Kiev's state is not named, so the
    // target stays the city entity and its words.
    assert_eq!(req.source.as_deref(), Some("e1"));
    assert_eq!(req.source_text.as_deref(), Some("Moscow"));
    assert_eq!(req.target.as_deref(), Some("e3"));
    // "cede" is the content of the demand, not an event of its own.
    assert!(ev.iter().all(|e| e.kind != "CONCEDE"), "{ev:?}");
}

#[test]
fn actor_words_survive_without_entities() {
    let ev = run("Ukraine accused Russian Foreign Minister Sergei Lavrov of ignoring its calls.", &[], &[], None);
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].kind, "ACCUSE");
    assert_eq!(ev[0].source, None);
    assert_eq!(ev[0].source_text.as_deref(), Some("Ukraine"));
    assert_eq!(ev[0].target_text.as_deref(), Some("Russian Foreign Minister Sergei Lavrov"));
}

#[test]
fn person_mentions_carry_the_person_id() {
    let text = "Ukraine accused Russian Foreign Minister Sergei Lavrov of ignoring its calls.";
    let ents = [
        entity(text, "e1", EntityType::GPE, "Ukraine", &["Ukraine"]),
        entity(text, "e2", EntityType::NORP, "Russian", &["Russian"]),
        entity(text, "e3", EntityType::PERSON, "Sergei Lavrov", &["Sergei Lavrov"]),
    ];
    let ev = run(text, &ents, &[], None);
    assert_eq!(ev[0].target.as_deref(), Some("e3"));
}

#[test]
fn negation_and_passive() {
    let text = "Russian forces have not agreed to a ceasefire with Ukraine. Crimea, annexed by the Russians in 2014, is disputed.";
    let ents = [
        entity(text, "e1", EntityType::GPE, "Russia", &["Russia"]),
        entity(text, "e2", EntityType::GPE, "Ukraine", &["Ukraine"]),
        entity(text, "e3", EntityType::GPE, "Crimea", &["Crimea"]),
    ];
    let times = [time(text, "2014", TimeType::DATE, "2014")];
    let ev = run(text, &ents, &times, Some("2022-03-28"));
    let agree = ev.iter().find(|e| e.kind == "AGREE").expect("AGREE");
    assert_eq!(agree.status, EventStatus::Negated);
    assert_eq!(agree.target.as_deref(), Some("e2"));
    let annex = ev.iter().find(|e| e.cameo.as_deref() == Some("192")).expect("annexation");
    // Passive: the Russians did it to Crimea; the event is background, dated 2014.
    assert_eq!(annex.source.as_deref(), Some("e1"));
    assert_eq!(annex.target.as_deref(), Some("e3"));
    assert_eq!(annex.date.as_deref(), Some("2014"));
    assert_eq!(annex.status, EventStatus::Reported);
}

#[test]
fn hypothetical_and_pronoun_subjects() {
    let ev = run("If Iran attacks Israel, the region will burn.", &[], &[], None);
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].status, EventStatus::Hypothetical);
    // An unresolved pronoun is the subject: no actor is guessed from further back.
    let ev = run("Germany is angry because they criticised Poland.", &[], &[], None);
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn mentions_of_one_event_merge() {
    let ev = run("Israel attacked Gaza on Monday. Israel attacked Gaza again, officials said.", &[], &[], None);
    assert_eq!(ev.len(), 1);
}

#[test]
fn odd_input_never_panics() {
    for t in ["", "Russia's", "’s", "and", "The Kremlin's", "Talks between", "ÉÉÉ attacked İİİ’s", "by", "X, annexed by"] {
        let _ = run(t, &[], &[], Some("2020-01-01"));
    }
    let long = "Russia attacked Ukraine. ".repeat(2000);
    assert_eq!(run(&long, &[], &[], None).len(), 1);
}

#[test]
fn first_person_in_a_quote_is_the_speaker() {
    let text = "“We have met with the mayor’s office in New York,” Clinton said.";
    let ents = [entity(text, "e1", EntityType::PERSON, "Hillary Clinton", &["Clinton"]), entity(text, "e2", EntityType::GPE, "New York", &["New York"])];
    let start = text.find("We").unwrap();
    let end = text.find(",”").unwrap();
    let q = Quote {
        kind: QuoteKind::Direct,
        text: text[start..end].to_string(),
        span: [start, end],
        speaker: Some("e1".into()),
        speaker_text: Some("Clinton".into()),
        speaker_name: Some("Hillary Clinton".into()),
        speaker_span: None,
        cue: Some("said".into()),
        cue_span: None,
        confidence: None,
    };
    let doc = Document::new(text);
    let ev = recognise(&doc, &ents, &[q], &[], Some("2016-09-17"));
    let consult = ev.iter().find(|e| e.kind == "CONSULT").expect("CONSULT");
    assert_eq!(consult.source.as_deref(), Some("e1"));
    // Without the quote layer nobody is named.
    assert!(recognise(&doc, &ents, &[], &[], None).is_empty());
}

#[test]
fn events_in_reported_speech_keep_their_claimant() {
    let text = "Russia attacked Ukraine, Zelensky said. Later Russia attacked Poland.";
    let ents = [
        entity(text, "e1", EntityType::GPE, "Russia", &["Russia"]),
        entity(text, "e2", EntityType::GPE, "Ukraine", &["Ukraine"]),
        entity(text, "e3", EntityType::PERSON, "Volodymyr Zelensky", &["Zelensky"]),
        entity(text, "e4", EntityType::GPE, "Poland", &["Poland"]),
    ];
    let end = text.find(',').unwrap();
    let q = Quote {
        kind: QuoteKind::Indirect,
        text: text[..end].to_string(),
        span: [0, end],
        speaker: Some("e3".into()),
        speaker_text: Some("Zelensky".into()),
        speaker_name: Some("Volodymyr Zelensky".into()),
        speaker_span: None,
        cue: Some("said".into()),
        cue_span: None,
        confidence: None,
    };
    let doc = Document::new(text);
    let ev = recognise(&doc, &ents, &[q], &[], Some("2022-03-01"));
    let on = |t: &str| ev.iter().find(|e| e.target.as_deref() == Some(t)).unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(on("e2").claimant.as_deref(), Some("e3"));
    // Outside the quotation the article itself reports the event.
    assert_eq!(on("e4").claimant, None);
}

#[test]
fn reported_obligation_is_a_demand() {
    let ev = run("Russia said on Tuesday that Sudan must return a helicopter captured last week.", &[], &[], None);
    let req: Vec<_> = ev.iter().filter(|e| e.kind == "REQUEST").collect();
    assert_eq!(req.len(), 1, "{ev:?}");
    assert_eq!(req[0].source_text.as_deref(), Some("Russia"));
    assert_eq!(req[0].target_text.as_deref(), Some("Sudan"));
    // The demanded return is not reported as an event of its own.
    assert!(ev.iter().all(|e| e.kind != "RETREAT"), "{ev:?}");
}

#[test]
fn pronoun_after_a_speech_verb_is_the_speaker() {
    let ev = run("Syria says it is ready to withdraw its troops from Lebanon.", &[], &[], None);
    assert!(ev.iter().any(|e| e.source_text.as_deref() == Some("Syria") && e.target_text.as_deref() == Some("Lebanon")), "{ev:?}");
}

#[test]
fn author_of_a_rejected_call_is_the_target() {
    let ev = run("Berlin rejected recent calls by Belarus's rulers for immediate economic aid.", &[], &[], None);
    let rej = ev.iter().find(|e| e.kind == "REJECT").expect("REJECT");
    assert_eq!(rej.source_text.as_deref(), Some("Berlin"));
    assert!(rej.target_text.as_deref().is_some_and(|t| t.starts_with("Belarus")), "{ev:?}");
}

#[test]
fn adverbial_protest_takes_the_clause_subject() {
    let ev = run("Seven opposition parties organized a strike that shut down Khatmandu in protest of the arrest of activists.", &[], &[], None);
    assert!(ev.iter().all(|e| e.source_text.as_deref() != Some("Khatmandu")), "{ev:?}");
}

#[test]
fn coordinated_verbs_share_the_subject() {
    let ev = run("Trump has criticized free-trade deals such as NAFTA and called for new tariffs on China.", &[], &[], None);
    let req = ev.iter().find(|e| e.kind == "REQUEST").expect("REQUEST");
    assert_eq!(req.source_text.as_deref(), Some("Trump"));
}

#[test]
fn examples_and_calls() {
    let ev = run("Trump has sharply criticized long-standing free-trade deals such as the North American Free Trade Agreement.", &[], &[], None);
    assert!(ev.iter().any(|e| e.kind == "ACCUSE" && e.target_text.as_deref() == Some("North American Free Trade Agreement")), "{ev:?}");
    let ev = run("President Barack Obama sounded a call for the United States to accept more Muslim refugees.", &[], &[], None);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!((ev[0].kind.as_str(), ev[0].target_text.as_deref()), ("REQUEST", Some("United States")));
}

#[test]
fn one_span_yields_one_event_named_by_the_noun() {
    let ev = run("Officials were holding talks with Deutsche Boerse.", &[], &[], None);
    let spans: Vec<_> = ev.iter().map(|e| e.span).collect();
    let mut unique = spans.clone();
    unique.dedup();
    assert_eq!(spans, unique, "{ev:?}");
    assert!(ev.iter().any(|e| e.kind == "CONSULT"), "{ev:?}");
}

#[test]
fn an_attack_without_a_perpetrator_is_coded_against_the_place() {
    let text = "Twenty-nine people were injured tonight in a densely packed Chelsea neighborhood by an explosion.";
    let ents = [entity(text, "e1", EntityType::GPE, "Chelsea", &["Chelsea"])];
    let ev = run(text, &ents, &[], Some("2016-09-17"));
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].kind, "ASSAULT");
    assert_eq!((ev[0].source.as_deref(), ev[0].source_text.as_deref()), (None, Some("explosion")));
    assert_eq!(ev[0].target.as_deref(), Some("e1"));
    // A place far from the attack words in another clause is not the target.
    let text = "Following reports of the explosion, the candidate said at an event in Colorado Springs that he knew nothing.";
    let ents = [entity(text, "e1", EntityType::GPE, "Colorado Springs", &["Colorado Springs"])];
    assert!(run(text, &ents, &[], None).is_empty());
}

#[test]
fn money_directed_to_someone_is_aid_and_a_plan_keeps_its_act() {
    // Donors are political actors in political coverage (here: its words of the campaign).
    let text = "Steyer announced plans this week to give an additional $15 million to For Our Future. \
                The super PAC backs Democratic candidates in the Senate election campaign against Republican senators.";
    let ents = [entity(text, "e1", EntityType::PERSON, "Tom Steyer", &["Steyer"]), entity(text, "e2", EntityType::ORG, "For Our Future", &["For Our Future"])];
    let ev = run(text, &ents, &[], Some("2016-09-22"));
    let aid = ev.iter().find(|e| e.kind == "AID").unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!((aid.source.as_deref(), aid.target.as_deref()), (Some("e1"), Some("e2")));
    assert_eq!(aid.status, EventStatus::Planned);
}

#[test]
fn a_common_noun_refers_back_to_the_one_organisation_it_fits() {
    let text = "The U.S. Court of Appeals for the Sixth Circuit sat. A federal appeals court ruled against Ohio.";
    let ents = [
        entity(text, "e1", EntityType::ORG, "U.S. Court of Appeals for the Sixth Circuit", &["U.S. Court of Appeals for the Sixth Circuit"]),
        entity(text, "e2", EntityType::GPE, "Ohio", &["Ohio"]),
        entity(text, "e3", EntityType::ORG, "Supreme Court", &[]),
    ];
    let ev = run(text, &ents, &[], None);
    let e = ev.iter().find(|e| e.kind == "ACCUSE").unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!((e.source.as_deref(), e.target.as_deref()), (Some("e1"), Some("e2")));
}

#[test]
fn an_actors_own_commitment_is_agreement_and_its_refusal_rejection() {
    let ev = run("Syria says it is willing to withdraw its troops from Lebanon.", &[], &[], None);
    assert!(ev.iter().any(|e| e.kind == "AGREE" && e.status == EventStatus::Reported), "{ev:?}");
    let ev = run("Syria says it will not accept any more refugees from Iraq.", &[], &[], None);
    assert!(ev.iter().any(|e| e.kind == "REJECT"), "{ev:?}");
    // The reporter's own future is the act itself, planned.
    let ev = run(
        "The Ricketts family will donate $1 million to Future45. The super PAC backs the Republican candidate in the presidential election campaign against Democratic senators.",
        &[],
        &[],
        None,
    );
    assert!(ev.iter().any(|e| e.kind == "AID" && e.status == EventStatus::Planned), "{ev:?}");
}

#[test]
fn a_hostile_act_under_a_condition_is_a_threat() {
    let ev = run("Nigeria said it will withdraw its peacekeeping force from Chad unless the president holds elections.", &[], &[], None);
    assert!(ev.iter().any(|e| e.kind == "THREATEN"), "{ev:?}");
}

/// An entity with titles, as the entity layer gives a person named with a title.
fn titled(mut e: Entity, titles: &[&str]) -> Entity {
    e.titles = titles.iter().map(|t| t.to_string()).collect();
    e
}

#[test]
fn firms_in_their_market_are_no_political_actors() {
    let text = "The deal will see Sandoz overtake Teva as the biggest maker of generics. Yukos accused Gazprom of taking part in the auction.";
    let ents = [
        entity(text, "e1", EntityType::ORG, "Sandoz", &["Sandoz"]),
        entity(text, "e2", EntityType::ORG, "Teva", &["Teva"]),
        entity(text, "e3", EntityType::ORG, "Yukos", &["Yukos"]),
        entity(text, "e4", EntityType::ORG, "Gazprom", &["Gazprom"]),
    ];
    assert!(run(text, &ents, &[], None).is_empty());
}

#[test]
fn a_government_or_titled_person_makes_an_event_political() {
    let text = "The Russian government accused Yukos of tax evasion.";
    let ents = [entity(text, "e1", EntityType::ORG, "Yukos", &["Yukos"])];
    let ev = run(text, &ents, &[], None);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].kind, "ACCUSE");

    let text = "Mr Smith accused Mr Jones of lying.";
    let plain = [entity(text, "e1", EntityType::PERSON, "Smith", &["Smith"]), entity(text, "e2", EntityType::PERSON, "Jones", &["Jones"])];
    assert!(run(text, &plain, &[], None).is_empty(), "private people");
    let with_title = [titled(plain[0].clone(), &["Home Secretary"]), plain[1].clone()];
    assert_eq!(run(text, &with_title, &[], None).len(), 1, "a minister is a political actor");
}

#[test]
fn sport_and_market_figures_of_speech_are_not_events() {
    // A record broken, a share boosted, a price war: figures of speech whatever the actors.
    let text = "Ireland broke the world record in Dublin. Britain and France are in a price war.";
    let ents = [
        entity(text, "e1", EntityType::GPE, "Ireland", &["Ireland"]),
        entity(text, "e2", EntityType::GPE, "Dublin", &["Dublin"]),
        entity(text, "e3", EntityType::GPE, "Britain", &["Britain"]),
        entity(text, "e4", EntityType::GPE, "France", &["France"]),
    ];
    assert!(run(text, &ents, &[], None).is_empty());
}

#[test]
fn in_sports_coverage_places_are_teams() {
    let text = "England attacked Wales from the start of the match. The striker scored a goal and the coach praised the squad. \
                The club said the league season and the cup were over for the players.";
    let ents = [entity(text, "e1", EntityType::GPE, "England", &["England"]), entity(text, "e2", EntityType::GPE, "Wales", &["Wales"])];
    assert!(run(text, &ents, &[], None).is_empty());
    // The same sentence without the sports context is an attack between states.
    let text = "England attacked Wales.";
    let ents = [entity(text, "e1", EntityType::GPE, "England", &["England"]), entity(text, "e2", EntityType::GPE, "Wales", &["Wales"])];
    assert_eq!(run(text, &ents, &[], None).len(), 1);
}

#[test]
fn a_place_before_a_firm_is_its_modifier() {
    let text = "Euronext combines the Paris and Amsterdam stock exchanges.";
    let ents = [
        entity(text, "e1", EntityType::ORG, "Euronext", &["Euronext"]),
        entity(text, "e2", EntityType::GPE, "Paris", &["Paris"]),
        entity(text, "e3", EntityType::GPE, "Amsterdam", &["Amsterdam"]),
    ];
    assert!(run(text, &ents, &[], None).is_empty(), "{:?}", run(text, &ents, &[], None));
}

#[test]
fn an_attack_on_plans_is_criticism() {
    let text = "Tony Blair attacked Conservative spending plans.";
    let ents = [titled(entity(text, "e1", EntityType::PERSON, "Tony Blair", &["Tony Blair"]), &["Prime Minister"])];
    let ev = run(text, &ents, &[], None);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!((ev[0].kind.as_str(), ev[0].cameo.as_deref()), ("ACCUSE", Some("111")));
}

#[test]
fn an_attack_on_a_party_is_criticism() {
    let text = "The Tory spokesman launched an attack on Labour.";
    let ents = [entity(text, "e1", EntityType::ORG, "Labour", &["Labour"])];
    let ev = run(text, &ents, &[], None);
    assert!(ev.iter().all(|e| e.kind != "ASSAULT") && ev.iter().any(|e| e.cameo.as_deref() == Some("111")), "{ev:?}");
}

#[test]
fn vague_verbs_of_giving_and_helping_are_no_cooperation() {
    let text = "Russia provided the figures to France. Russia helped the authorities in France to arrest suspects.";
    let ents = [entity(text, "e1", EntityType::GPE, "Russia", &["Russia"]), entity(text, "e2", EntityType::GPE, "France", &["France"])];
    let ev = run(text, &ents, &[], None);
    assert!(ev.iter().all(|e| !matches!(e.kind.as_str(), "COOPERATE" | "AID")), "{ev:?}");
    // What is given still codes through the patterns: arms sent are military aid.
    let text = "Russia provided weapons to Syria.";
    let ents = [entity(text, "e1", EntityType::GPE, "Russia", &["Russia"]), entity(text, "e2", EntityType::GPE, "Syria", &["Syria"])];
    let ev = run(text, &ents, &[], None);
    assert!(ev.iter().any(|e| e.kind == "AID" && e.cameo.as_deref() == Some("072")), "{ev:?}");
}

#[test]
fn questions_are_no_requests() {
    for text in ["France asked whether Germany would pay.", "France asked Germany whether it would pay.", "France asked Germany about the payments."] {
        let ents = [entity(text, "e1", EntityType::GPE, "France", &["France"]), entity(text, "e2", EntityType::GPE, "Germany", &["Germany"])];
        let ev = run(text, &ents, &[], None);
        assert!(ev.iter().all(|e| e.kind != "REQUEST"), "{text}: {ev:?}");
    }
    let text = "France asked Germany to pay.";
    let ents = [entity(text, "e1", EntityType::GPE, "France", &["France"]), entity(text, "e2", EntityType::GPE, "Germany", &["Germany"])];
    let ev = run(text, &ents, &[], None);
    assert!(ev.iter().any(|e| e.kind == "REQUEST" && e.source.as_deref() == Some("e1") && e.target.as_deref() == Some("e2")), "{ev:?}");
}

#[test]
fn what_a_demand_asks_for_is_not_its_target() {
    let ents = |text: &str| [entity(text, "e1", EntityType::GPE, "Britain", &["Britain"]), entity(text, "e2", EntityType::GPE, "Iraq", &["Iraq"])];
    // The content after "for", or inside the infinitive, is not who is asked (events are
    // dyadic: with no addressee named, no request is coded).
    for text in ["Britain called for Iraq elections.", "Britain urged the finance ministers to cancel Iraq's debt."] {
        let ev = run(text, &ents(text), &[], None);
        assert!(ev.iter().filter(|e| e.kind == "REQUEST").all(|e| e.target.as_deref() != Some("e2")), "{text}: {ev:?}");
    }
    // The subject of the act asked for is the one asked.
    for text in ["Britain called for Iraq to hold elections.", "Britain urged Iraq to hold elections."] {
        let ev = run(text, &ents(text), &[], None);
        assert!(ev.iter().any(|e| e.kind == "REQUEST" && e.target.as_deref() == Some("e2")), "{text}: {ev:?}");
    }
}
