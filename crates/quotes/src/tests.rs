//! Behaviour of the whole quote grammar on small news-like texts.

use super::*;

fn run(t: &str) -> (Document, Vec<Quote>) {
    let doc = Document::new(t);
    let q = recognise(&doc, &[]);
    (doc, q)
}

fn find<'a>(qs: &'a [Quote], text: &str) -> &'a Quote {
    qs.iter().find(|q| q.text.contains(text)).unwrap_or_else(|| panic!("no quote with {text:?} in {qs:#?}"))
}

#[test]
fn quote_then_said_name() {
    let (_, q) = run("“All false referendums are null and void,” said Oleg Nikolenko.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(q[0].text, "All false referendums are null and void");
    assert_eq!(q[0].speaker_text.as_deref(), Some("Oleg Nikolenko"));
    assert_eq!(q[0].cue.as_deref(), Some("said"));
}

#[test]
fn quote_then_apposition_said() {
    let (_, q) = run("“I don’t think there will be any progress,” the adviser to the Ukrainian Interior Ministry, Vadim Denisenko, said on Monday.");
    let d = find(&q, "progress");
    assert_eq!(d.speaker_text.as_deref(), Some("the adviser to the Ukrainian Interior Ministry, Vadim Denisenko"));
    assert_eq!(d.speaker_name.as_deref(), Some("Vadim Denisenko"));
}

#[test]
fn speaker_colon_quote_and_pronoun_fallback() {
    let t = "Ukrainian President Volodymyr Zelensky spoke on Sunday.\n\nLater she said: “We are ready for that.”";
    let (_, q) = run(t);
    let d = find(&q, "ready");
    assert_eq!(d.kind, QuoteKind::Direct);
    assert_eq!(d.speaker_text.as_deref(), Some("she"));
    assert_eq!(d.speaker_name.as_deref(), Some("Volodymyr Zelensky"));
}

#[test]
fn split_quote_and_continuation() {
    let t = "“The situation is difficult,” Boichenko said, “and getting worse.” “We need to evacuate.”";
    let (_, q) = run(t);
    assert_eq!(q.iter().filter(|q| q.kind == QuoteKind::Direct).count(), 3);
    for x in &q {
        assert_eq!(x.speaker_text.as_deref(), Some("Boichenko"), "{x:?}");
    }
}

#[test]
fn reported_speech_shapes() {
    let t = "A senior Turkish official said talks in Istanbul would start on Monday, but the Kremlin later said talks should start by Tuesday. Lavrov claimed that stopping the fighting was not on the agenda. There is no breakthrough, officials said. According to the UN, the real number is higher. The mayor told reporters the city was calm.";
    let (_, q) = run(t);
    let a = find(&q, "talks in Istanbul");
    assert_eq!(a.kind, QuoteKind::Indirect);
    assert_eq!(a.text, "talks in Istanbul would start on Monday");
    assert_eq!(a.speaker_text.as_deref(), Some("A senior Turkish official"));
    assert_eq!(find(&q, "by Tuesday").speaker_text.as_deref(), Some("the Kremlin"));
    let c = find(&q, "stopping");
    assert_eq!(c.text, "that stopping the fighting was not on the agenda");
    assert_eq!(c.speaker_text.as_deref(), Some("Lavrov"));
    assert_eq!(find(&q, "no breakthrough").speaker_text.as_deref(), Some("officials"));
    let u = find(&q, "real number");
    assert_eq!(u.speaker_text.as_deref(), Some("the UN"));
    assert_eq!(u.cue.as_deref().map(str::to_lowercase).as_deref(), Some("according to"));
    assert_eq!(find(&q, "city was calm").text, "the city was calm");
}

#[test]
fn partial_quote_inside_reported_speech() {
    let t = "US Secretary of State Antony Blinken said Biden meant that Putin could not be “authorized to war” against Ukraine.";
    let (_, q) = run(t);
    let p = q.iter().find(|q| q.kind == QuoteKind::Partial).expect("partial");
    assert_eq!(p.text, "authorized to war");
    assert_eq!(p.speaker_name.as_deref(), Some("Antony Blinken"));
    assert!(q.iter().any(|q| q.kind == QuoteKind::Indirect && q.text.starts_with("Biden meant")));
}

#[test]
fn verbs_needing_that_skip_noun_objects() {
    let (_, q) = run("The UN has confirmed 1,119 civilian deaths.");
    assert!(q.is_empty(), "{q:?}");
    let (_, q) = run("The UN has confirmed 1,119 deaths, but says the real number is likely to be higher.");
    assert_eq!(find(&q, "real number").speaker_text.as_deref(), Some("The UN"));
}

#[test]
fn scare_quotes_without_speaker_are_dropped() {
    let (_, q) = run("The so-called “peace plan” was published on Monday.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn odd_inputs_do_not_panic() {
    for t in ["", "“", "”", "\"", "said", "“said”", "He said", "\u{301}“é”, said É.", "“a\n\n“b\n\n“c", "according to", ", said ."] {
        let _ = run(t);
    }
}

#[test]
fn inverted_attribution_with_apposition_and_continuation() {
    let t = "The answers are \"not meeting the demand,\" says Paul Rieckhoff, founder and CEO of a veterans group. \"We often compare it to the early days.\"";
    let (_, q) = run(t);
    let r = q.iter().find(|q| q.kind == QuoteKind::Indirect).expect("indirect");
    assert!(r.text.starts_with("The answers are"), "{r:?}");
    assert_eq!(r.speaker_text.as_deref(), Some("Paul Rieckhoff, founder and CEO of a veterans group"));
    let p = q.iter().find(|q| q.kind == QuoteKind::Partial).expect("partial");
    assert_eq!(p.text, "not meeting the demand");
    assert_eq!(p.speaker_text, r.speaker_text);
    let d = find(&q, "We often compare");
    assert_eq!(d.kind, QuoteKind::Direct);
    assert!(d.speaker_text.as_deref().is_some_and(|s| s.starts_with("Paul Rieckhoff")), "{d:?}");
}

#[test]
fn parenthetical_phrase_between_subject_and_verb() {
    let (_, q) = run("Democratic nominee Hillary Clinton, at a later press gaggle, said, “I’ve been briefed about the bombings.”");
    let d = find(&q, "briefed");
    assert_eq!(d.kind, QuoteKind::Direct);
    assert_eq!(d.speaker_name.as_deref(), Some("Hillary Clinton"));
}

#[test]
fn modifier_entities_are_not_speakers() {
    use newsgraph_record::EntityType;
    let t = "Ukrainian officials said there is no breakthrough.";
    let doc = Document::new(t);
    let norp = Entity { id: "e1".into(), kind: EntityType::NORP, name: "Ukrainian".into(), aliases: vec![], titles: vec![], mentions: vec![[0, 9]], geo: None };
    let q = recognise(&doc, &[norp]);
    assert_eq!(q[0].speaker_text.as_deref(), Some("Ukrainian officials"));
    assert_eq!(q[0].speaker, None);
}

#[test]
fn entity_layer_names_pronoun_speakers() {
    use newsgraph_record::EntityType;
    let t = "Jane Roe arrived. “We are ready,” he said.";
    let doc = Document::new(t);
    let he = t.find("he said").unwrap();
    let e = Entity {
        id: "e1".into(),
        kind: EntityType::PERSON,
        name: "Jane Roe".into(),
        aliases: vec![],
        titles: vec![],
        mentions: vec![[0, 8], [he, he + 2]],
        geo: None,
    };
    let q = recognise(&doc, &[e]);
    assert_eq!(q[0].speaker.as_deref(), Some("e1"));
    assert_eq!(q[0].speaker_name.as_deref(), Some("Jane Roe"));
    assert_eq!(q[0].speaker_text.as_deref(), Some("he"));
}

#[test]
fn passives_and_infinitives_report_nobody() {
    let (_, q) = run("A second device was also found in Chelsea and that location is a crime scene.");
    assert!(q.is_empty(), "{q:?}");
    let (_, q) = run("The mayor said it was too early to tell whether the explosion was caused by a bomb.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].text.starts_with("it was too early"));
    let (_, q) = run("An analysis of super PACs since Jan. 1, 2015, shows Democratic groups outpacing Republicans.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn dash_signature_and_long_appositions() {
    let (_, q) = run("“He represents our greatest shame.” ― Sonya Herridge\n\nNext paragraph.");
    assert_eq!(q[0].speaker_text.as_deref(), Some("Sonya Herridge"));
    assert_eq!(q[0].cue.as_deref(), Some("―"));
    let (_, q) = run("“It will happen,” said James Acton, a physicist who is co-director of the Nuclear Policy Program. “People disagree.”");
    assert_eq!(q[0].speaker_text.as_deref(), Some("James Acton, a physicist who is co-director of the Nuclear Policy Program"));
    let (_, q) = run("“It is a waste of time,” said Del. Stacey Plaskett of the Virgin Islands.");
    assert_eq!(q[0].speaker_text.as_deref(), Some("Del. Stacey Plaskett of the Virgin Islands"));
}

#[test]
fn it_takes_the_nearest_organisation() {
    use newsgraph_record::EntityType;
    let t = "Although the IMF did not single out the proposals, it warned that growth would slow.";
    let doc = Document::new(t);
    let s = t.find("IMF").unwrap();
    let e = Entity {
        id: "e1".into(),
        kind: EntityType::ORG,
        name: "International Monetary Fund".into(),
        aliases: vec![],
        titles: vec![],
        mentions: vec![[s, s + 3]],
        geo: None,
    };
    let q = recognise(&doc, &[e]);
    let r = find(&q, "growth would slow");
    assert_eq!(r.speaker_text.as_deref(), Some("it"));
    assert_eq!(r.speaker.as_deref(), Some("e1"));
}

#[test]
fn more_inversions_and_adverbials() {
    let (_, q) = run("Six million jobs depend on exports to Mexico, one slide says.");
    assert_eq!(find(&q, "Six million").speaker_text.as_deref(), Some("one slide"));
    let (_, q) = run("Debates are not likely to alter the campaign, noted NBC’s Dante Chinni.");
    assert_eq!(find(&q, "Debates").speaker_text.as_deref(), Some("NBC’s Dante Chinni"));
    let (_, q) = run("Clinton says at a campaign stop in Toledo, Ohio, that it means Trump never paid.");
    assert_eq!(find(&q, "it means").text, "that it means Trump never paid");
    let (_, q) = run("Using the tax ''is a misguided approach,'' said Mr. Burman.");
    assert!(q.iter().any(|q| q.kind == QuoteKind::Indirect && q.speaker_text.as_deref() == Some("Mr. Burman")), "{q:?}");
    let (_, q) = run("The middle fifth paid 8.9 percent, the agency said in a June report, and the bottom fifth paid 0.8 percent.");
    assert_eq!(find(&q, "middle fifth").speaker_text.as_deref(), Some("the agency"));
}

#[test]
fn speaker_descriptions_run_to_their_end() {
    let (_, q) = run("“That is Mexico’s vulnerability,” said Luis Rubio, who heads the Center of Research in Mexico City.");
    assert_eq!(q[0].speaker_text.as_deref(), Some("Luis Rubio, who heads the Center of Research in Mexico City"));
    let (_, q) = run("“It works,” said Victor Cha, a Korea scholar at the Center for Strategic Studies, on Monday.");
    assert_eq!(q[0].speaker_text.as_deref(), Some("Victor Cha, a Korea scholar at the Center for Strategic Studies"));
    let (_, q) = run("Sen. David Perdue (R-Ga.) said the bill would pass.");
    assert_eq!(q[0].speaker_text.as_deref(), Some("Sen. David Perdue (R-Ga.)"));
    let (_, q) = run("But Megan Hester, senior associate at the institute, said parents want neighborhood schools.");
    assert_eq!(q[0].speaker_text.as_deref(), Some("Megan Hester, senior associate at the institute"));
}

#[test]
fn long_and_pathological_texts_do_not_panic() {
    let mut t = String::new();
    for i in 0..2000 {
        t.push_str(match i % 7 {
            0 => "“Open, ",
            1 => "he said, ",
            2 => "'' doubled ",
            3 => "\"straight\" ",
            4 => "according to, ",
            5 => "said that\n\n",
            _ => "” stray. ",
        });
    }
    let (doc, q) = run(&t);
    for x in &q {
        assert!(x.span[0] <= x.span[1] && x.span[1] <= doc.text.len());
        assert!(doc.text.is_char_boundary(x.span[0]) && doc.text.is_char_boundary(x.span[1]));
    }
}

#[test]
fn headlines_and_progressives() {
    let (_, q) = run("Obama Says African-American Museum Will Tell of Suffering and Delight.\n\nBody text here.");
    assert_eq!(find(&q, "Museum").speaker_text.as_deref(), Some("Obama"));
    let (_, q) = run("The White House is saying that the revelations show the need for reform.");
    assert_eq!(find(&q, "revelations").speaker_text.as_deref(), Some("The White House"));
    // A capitalised "Says" in an ordinary sentence is not a verb.
    let (_, q) = run("The store Says Hello opened in Ohio on Monday.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn directives_introduce_quotes_but_report_nothing() {
    let (_, q) = run("Moscow is demanding that Kiev cede territory.");
    assert!(q.is_empty(), "{q:?}");
    let (_, q) = run("“Leave now,” he urged.");
    assert_eq!(q[0].cue.as_deref(), Some("urged"));
}

#[test]
fn documents_speak_for_their_authors() {
    use newsgraph_record::EntityType;
    let t = "The policy helps Republicans, according to a recent Reuters survey of voter lists. The study found that voters were removed.";
    let doc = Document::new(t);
    let s = t.find("Reuters").unwrap();
    let e = Entity { id: "e1".into(), kind: EntityType::ORG, name: "Reuters".into(), aliases: vec![], titles: vec![], mentions: vec![[s, s + 7]], geo: None };
    let q = recognise(&doc, &[e]);
    assert_eq!(find(&q, "policy helps").speaker.as_deref(), Some("e1"));
    let r = find(&q, "voters were removed");
    assert_eq!(r.speaker_text.as_deref(), Some("The study"));
    assert_eq!(r.speaker.as_deref(), Some("e1"));
}

#[test]
fn a_quoted_clause_is_one_quote_not_two() {
    // The whole complement is quoted: one direct quote, without marks or "on Monday".
    let (_, q) = run("The mayor said “the city is safe” on Monday.");
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!((q[0].kind, q[0].text.as_str()), (QuoteKind::Direct, "the city is safe"));
    assert_eq!((q[0].speaker_text.as_deref(), q[0].cue.as_deref()), (Some("The mayor"), Some("said")));
    let (_, q) = run("Smith said \"we will win the election\" in a statement.");
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!((q[0].kind, q[0].text.as_str(), q[0].speaker_text.as_deref()), (QuoteKind::Direct, "we will win the election", Some("Smith")));
    // Words of the report's own outside the marks: a report holding a partial quote.
    let (_, q) = run("After US President Joe Biden said in a speech in Poland that Putin “cannot remain in power”, officials spent Sunday explaining.");
    assert_eq!(q.iter().map(|x| x.kind).collect::<Vec<_>>(), vec![QuoteKind::Indirect, QuoteKind::Partial], "{q:#?}");
    assert!(q.iter().all(|x| x.speaker_name.as_deref() == Some("Joe Biden")), "{q:#?}");
    let (_, q) = run("He said that if “the final ruling requires us to act, we will appeal.”");
    assert_eq!(q.iter().map(|x| x.kind).collect::<Vec<_>>(), vec![QuoteKind::Indirect, QuoteKind::Partial], "{q:#?}");
    // "that" is the report's own: both stay, the report ending at the closing mark.
    let (_, q) = run("The commission said that “there were issues with the audio” on Monday.");
    assert_eq!(
        q.iter().map(|x| (x.kind, x.text.as_str())).collect::<Vec<_>>(),
        vec![(QuoteKind::Indirect, "that “there were issues with the audio”"), (QuoteKind::Partial, "there were issues with the audio")],
        "{q:#?}"
    );
    // Other phrases after the quotation belong to the reported clause.
    let (_, q) = run("Donald Trump says he has “big plans” for the final month of the campaign.");
    assert!(q.iter().any(|x| x.kind == QuoteKind::Indirect && x.text == "he has “big plans” for the final month of the campaign"), "{q:#?}");
    // With the verb after the content, words after the quotation are the speaker's.
    let (_, q) = run("“The only way Wall Street will change is jail time” for bankers, she said.");
    assert!(q.iter().any(|x| x.kind == QuoteKind::Indirect && x.text.ends_with("for bankers")), "{q:#?}");
    // A quotation with its speaker's name is no report.
    let (_, q) = run(
        "“It’s an invasion of the state domain,” Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA, said at an event.",
    );
    assert!(q.iter().all(|x| x.kind != QuoteKind::Indirect), "{q:#?}");
}

#[test]
fn plural_nouns_are_not_speech_verbs() {
    let (_, q) = run("Gulf states said the oil price would rise. Several Arab states said they would help.");
    let speakers: Vec<_> = q.iter().map(|x| x.speaker_text.as_deref()).collect();
    assert_eq!(speakers, vec![Some("Gulf states"), Some("Several Arab states")], "{q:#?}");
    // Neither a relative clause nor a noun phrase after "states" is reported speech.
    let (_, q) = run("The Gulf states that have cut output agreed. Baltic states and Poland agreed. The reports were wrong.");
    assert!(q.is_empty(), "{q:#?}");
    // The verb stays a verb.
    let (_, q) = run("The minister states that the plan failed. Smith states that the talks will resume. He claims the vote was rigged.");
    assert_eq!(q.len(), 3, "{q:#?}");
    assert_eq!(q[1].speaker_text.as_deref(), Some("Smith"));
    // Names before a verb that is also a noun keep the verb, and verbs only stay verbs.
    let (_, q) = run(
        "The USADA claims that 10 athletes were banned. Research shows that 36% of users never send one. The powers, which Chavez argues are needed, grew.",
    );
    assert_eq!(q.len(), 3, "{q:#?}");
    let (_, q) = run("Clinton tweets that she will win. Growth slowed in May, The Wall Street Journal reports.");
    assert_eq!(q.iter().map(|x| x.speaker_text.as_deref()).collect::<Vec<_>>(), vec![Some("Clinton"), Some("The Wall Street Journal")], "{q:#?}");
    let (_, q) = run("Campaign-finance reports show the group raised $5 million, the paper reports.");
    assert!(q.iter().all(|x| x.speaker_text.as_deref() != Some("Campaign-finance")), "{q:#?}");
}

/// The report index answers as the scans it replaced did, on every query.
#[test]
fn report_index_equals_a_full_scan() {
    let spans = [(0, 50), (5, 9), (10, 20), (12, 14), (30, 31), (40, 90), (60, 61), (60, 75), (60, 75), (95, 95)];
    let reported: Vec<Item> = spans
        .iter()
        .enumerate()
        .map(|(i, &(s, e))| Item {
            kind: QuoteKind::Indirect,
            content: Span::new(s, e),
            outer: Span::new(s, e),
            who: if i % 3 == 1 { Who::None } else { Who::Span(0, 1) },
            cue: None,
            confidence: 0.5,
            para: 0,
        })
        .collect();
    let ix = ReportIndex::new(&reported);
    for s in 0..100 {
        let want = reported.iter().filter(|r| r.content.end <= s && r.who != Who::None).enumerate().max_by_key(|(_, r)| r.content.start).map(|(i, _)| i);
        let want =
            want.map(|k| reported.iter().enumerate().filter(|(_, r)| r.content.end <= s && r.who != Who::None).nth(k).map(|(i, _)| i).unwrap_or(usize::MAX));
        assert_eq!(ix.latest_ending_by(s), want, "latest ending by {s}");
        for e in s..100 {
            let span = Span::new(s, e);
            let want = reported.iter().position(|r| r.content.contains(span) || r.content.overlaps(span));
            assert_eq!(ix.overlapping(span), want, "overlapping {s}..{e}");
        }
    }
}

#[test]
fn articles_make_nouns_and_new_subjects_end_reports() {
    // "the state" is a noun, not the verb "state": it is the speaker.
    let (_, q) = run("They cite the election in Florida, when the state incorrectly stated that 12,000 voters were ex-cons.");
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].speaker_text.as_deref(), Some("the state"));
    // "Some said" keeps its verb: "some" stands as a subject.
    let (_, q) = run("Some said the plan would fail.");
    assert_eq!(q.len(), 1, "{q:#?}");
    // ", and the downgrade is casting …" is the writer's clause, not the IMF's.
    let (_, q) = run("The IMF announced Tuesday that it is lowering its forecast this year, and the downgrade is casting a shadow on the outlook.");
    assert_eq!(q[0].text, "that it is lowering its forecast this year", "{q:#?}");
}

#[test]
fn noun_and_preposition_cues() {
    // A noun taking a "that"-clause, its possessor the speaker.
    let (_, q) = run("Democrats dismissed Trump’s claim that the election would be rigged against him.");
    let c = find(&q, "that the election would be rigged");
    assert_eq!(c.cue.as_deref(), Some("claim"));
    assert_eq!(c.speaker_text.as_deref(), Some("Trump’s"));
    // A relative "that" is not a content clause.
    let (_, q) = run("The claim that he made was false.");
    assert!(q.is_empty(), "{q:?}");
    // "in X's view": the rest of the clause.
    let (_, q) = run("In Smith’s view, the tax plan would hurt small firms.");
    let v = find(&q, "the tax plan would hurt small firms");
    assert_eq!(v.speaker_text.as_deref(), Some("Smith’s"));
    // A poll named in an opening adverbial speaks for the clause, unless a speech verb does.
    let (_, q) = run("In this poll, Trump rose 1 percentage point since Monday’s debate.");
    assert_eq!(find(&q, "Trump rose 1 percentage point").speaker_text.as_deref(), Some("this poll"));
    let (_, q) = run("In the poll, Smith said the economy was the first concern of voters.");
    assert!(q.iter().all(|q| q.cue.as_deref() == Some("said")) && !q.is_empty(), "{q:?}");
    // "according to" a source that is not a name.
    let (_, q) = run("About 9.9 million single mothers live in the United States, according to federal statistics.");
    assert_eq!(find(&q, "About 9.9 million").speaker_text.as_deref(), Some("federal statistics"));
}

#[test]
fn documents_report_findings_as_clauses() {
    let (_, q) = run("One study found Trump would actually raise taxes on 8 million Americans.");
    assert_eq!(find(&q, "Trump would actually raise").cue.as_deref(), Some("found"));
    // A noun phrase is a finding, not reported content.
    let (_, q) = run("Polls show a close contest in the state.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn commitments_and_short_objects() {
    let (_, q) = run("He also vowed to form a joint federal task force to crack down on hackers.");
    assert_eq!(find(&q, "to form a joint federal task force").cue.as_deref(), Some("vowed"));
    let (_, q) = run("Donald Trump is warning voters that a Hillary Clinton victory would bring back the scandals.");
    assert!(find(&q, "that a Hillary Clinton victory").text.starts_with("that"));
    // A longer object may hold a relative "that": no report.
    let (_, q) = run("The company announced a new deal that the union rejected on Monday.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn indirect_questions() {
    let (_, q) = run("Lawmakers also asked whether the deals required the recipients to cooperate.");
    assert_eq!(find(&q, "whether the deals required").cue.as_deref(), Some("asked"));
    let (_, q) = run("Ham explained why he backs Trump over Hillary Clinton.");
    assert!(find(&q, "why he backs Trump").text.starts_with("why"));
}

#[test]
fn a_dateline_is_no_speaker() {
    let (_, q) = run("BRUSSELS — European leaders met on Friday amid growing concerns that they are too dependent on the United States.");
    assert_eq!(find(&q, "that they are too dependent").speaker_text.as_deref(), Some("European leaders"));
}
