//! Entities: people, organisations and places, one entry per referent with all its mentions.
//!
//! The layer runs in five steps, each a module:
//! 1. [`mentions`]: names from the statistical tagger (`newsgraph-ner`) merged with rules that
//!    need no model (gazetteer and organisation tables, "(UN)" definitions, "... Ministry",
//!    people introduced by a first name or a title), so the layer works while the tagger is weak;
//! 2. [`cluster`]: one cluster per referent (surname chains, acronyms, resolved places);
//! 3. [`titles`]: titles and roles written around each person's name;
//! 4. [`coref`]: he/she/his/her and "the mayor" resolved to people;
//! 5. [`geo`]: a GeoNames point for every place, chosen with the article's other places.
//!
//! Data: `lexicons/entities/` (GeoNames CC-BY 4.0, mledoze/countries ODbL-1.0, US Census 1990
//! names, public domain; the rest hand-written).

pub mod cluster;
pub mod coref;
pub mod geo;
pub mod lexicon;
pub mod mentions;
pub mod titles;
pub mod words;

use lexicon::{Gender, LEX};
use newsgraph_record::{Entity, EntityType};
use newsgraph_text::{Document, Span};

/// Finds the article's entities. Mention spans are byte offsets; ids are `e1`, `e2`, … in
/// order of first mention.
pub fn recognise(doc: &Document) -> Vec<Entity> {
    let tagged = newsgraph_ner::tag_all(doc);
    let mut ms = mentions::find_outside(doc, &tagged.names, &tagged.other);
    cluster::spot_repeats(doc, &mut ms);
    let mut ctx = geo::Context::default();
    for m in &ms {
        match m.kind {
            EntityType::GPE | EntityType::LOC => ctx.learn(&m.key),
            EntityType::NORP => {
                if let Some(cc) = LEX.demonyms.get(&m.key) {
                    ctx.learn_country(cc);
                }
            }
            _ => {}
        }
    }
    let clusters = cluster::cluster(doc, &ms, &ctx);

    // People: titles, gender, then pronouns and nominals.
    let person_ids: Vec<usize> = (0..clusters.len()).filter(|&c| clusters[c].kind == EntityType::PERSON).collect();
    let mut titles: Vec<Vec<String>> = vec![Vec::new(); clusters.len()];
    let mut people = Vec::with_capacity(person_ids.len());
    let mut unnamed = titles::unnamed_titles(doc);
    for &c in &person_ids {
        let mut heads = Vec::new();
        // Gender, most reliable first: a form of address before the name, the first name,
        // then the titles (an apposition read wrongly gives "his mother, Daniel ...").
        let mut gender = Gender::Unknown;
        let mut address = Gender::Unknown;
        for &k in &clusters[c].mentions {
            for t in titles::titles_of(doc, &ms[k]) {
                if let Some(g) = LEX.titles.get(t.head.as_str()).map(|t| t.gender).filter(|g| *g != Gender::Unknown) {
                    gender = g;
                }
                if !heads.contains(&t.head) {
                    heads.push(t.head.clone());
                }
                if !titles[c].iter().any(|x| x.eq_ignore_ascii_case(&t.text)) {
                    titles[c].push(t.text);
                }
            }
            let prev = ms[k].tokens.start.checked_sub(1).map(|p| doc.slice(doc.tokens[p].span).to_lowercase());
            if let Some(g) = prev.and_then(|p| LEX.titles.get(p.as_str()).map(|t| t.gender)).filter(|g| *g != Gender::Unknown) {
                address = g;
            }
        }
        if titles[c].is_empty() {
            // "A spokesman for the ministry ruled out ... . “...,” said Oleg Nikolenko."
            let first = ms[clusters[c].mentions[0]].span.start;
            let fs = doc.sentence_at(first).unwrap_or(0);
            if let Some(i) = unnamed.iter().position(|(s, t)| (*s == fs && t.span.end < first) || *s + 1 == fs) {
                let (_, t) = unnamed.remove(i);
                if let Some(g) = LEX.titles.get(t.head.as_str()).map(|t| t.gender).filter(|g| *g != Gender::Unknown) {
                    gender = g;
                }
                heads.push(t.head);
                titles[c].push(t.text);
            }
        }
        let by_name = name_gender(&ms, &clusters[c].mentions);
        if address != Gender::Unknown {
            gender = address;
        } else if by_name != Gender::Unknown {
            gender = by_name;
        }
        let names = clusters[c].mentions.iter().map(|&k| ms[k].span).collect();
        let lower = titles[c].iter().map(|t| t.to_lowercase()).collect();
        people.push(coref::Person { gender, heads, titles: lower, names });
    }
    let extra = coref::resolve(doc, &mut people);
    let mut person_of = vec![None; clusters.len()];
    for (p, &c) in person_ids.iter().enumerate() {
        person_of[c] = Some(p);
    }

    let mut out: Vec<(usize, Entity)> = Vec::with_capacity(clusters.len());
    for (c, cl) in clusters.iter().enumerate() {
        let mut spans: Vec<Span> = cl.mentions.iter().map(|&k| ms[k].span).collect();
        if let Some(p) = person_of[c] {
            spans.extend(extra[p].iter().copied());
        }
        spans.sort_unstable();
        spans.dedup();
        let (name, aliases) = names(doc, &ms, cl);
        let geo = match cl.kind {
            EntityType::GPE | EntityType::LOC | EntityType::FAC => cl.place.and_then(geo::geo_of),
            _ => None,
        };
        let first = spans.first().map_or(usize::MAX, |s| s.start);
        out.push((
            first,
            Entity {
                id: String::new(),
                kind: cl.kind,
                name,
                aliases,
                titles: std::mem::take(&mut titles[c]),
                mentions: spans.iter().map(|s| [s.start, s.end]).collect(),
                geo,
            },
        ));
    }
    out.sort_by_key(|(first, _)| *first);
    out.into_iter()
        .enumerate()
        .map(|(i, (_, mut e))| {
            e.id = format!("e{}", i + 1);
            e
        })
        .collect()
}

/// The gender a person's first name gives, from the fullest name; a person only ever named
/// by one word that is a first name ("Rebecca", in an interview) takes that name's gender.
fn name_gender(ms: &[mentions::Mention], ks: &[usize]) -> Gender {
    let mut single = None;
    for &k in ks {
        let parts: Vec<&str> = ms[k].key.split(' ').filter(|w| !words::is_initial(w)).collect();
        if parts.len() >= 2 {
            if let Some(&g) = LEX.first_names.get(parts[0]) {
                return g;
            }
            single = Some(Gender::Unknown);
        } else if single.is_none() {
            single = parts.first().and_then(|w| LEX.first_names.get(w).copied());
        }
    }
    single.unwrap_or(Gender::Unknown)
}

/// The fullest written form and the other forms of a cluster's names, as written.
fn names(doc: &Document, ms: &[mentions::Mention], cl: &cluster::Cluster) -> (String, Vec<String>) {
    let mut forms: Vec<String> = Vec::new();
    for &k in &cl.mentions {
        let s = doc.slice(ms[k].span).to_string();
        let s = s.strip_prefix("the ").map(str::to_string).unwrap_or(s);
        if !forms.contains(&s) {
            forms.push(s);
        }
    }
    let words_of = |s: &str| s.split_whitespace().count();
    let best = forms.iter().enumerate().max_by_key(|(i, s)| (!words::is_acronym(s), words_of(s), s.len(), std::cmp::Reverse(*i))).map_or(0, |(i, _)| i);
    let name = forms.get(best).cloned().unwrap_or_default();
    let aliases = forms.into_iter().enumerate().filter(|(i, _)| *i != best).map(|(_, s)| s).collect();
    (name, aliases)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Document, Vec<Entity>) {
        let doc = Document::new(text);
        let e = recognise(&doc);
        (doc, e)
    }

    #[test]
    fn one_entity_per_referent_with_titles_pronouns_and_geo() {
        let (doc, es) = run("Ukrainian President Volodymyr Zelensky spoke in Kyiv. Zelensky said he would meet Russia’s leaders in Kiev. \
             The UN said the United Nations would help.");
        let z = es.iter().find(|e| e.name == "Volodymyr Zelensky").expect("Zelensky");
        assert_eq!(z.kind, EntityType::PERSON);
        assert_eq!(z.titles, ["Ukrainian President"]);
        assert!(z.aliases.contains(&"Zelensky".to_string()));
        let he = doc.text.find(" he ").unwrap() + 1;
        assert!(z.mentions.contains(&[he, he + 2]), "{:?}", z.mentions);
        let kyiv: Vec<_> = es.iter().filter(|e| e.name == "Kyiv" || e.name == "Kiev").collect();
        assert_eq!(kyiv.len(), 1);
        assert_eq!(kyiv[0].geo.as_ref().and_then(|g| g.geonames_id), Some(703448));
        let ru = es.iter().find(|e| e.name == "Russia").expect("Russia");
        let r = doc.text.find("Russia’s").unwrap();
        assert!(ru.mentions.contains(&[r, r + "Russia".len()]));
        let un: Vec<_> = es.iter().filter(|e| e.kind == EntityType::ORG).collect();
        assert_eq!(un.len(), 1, "{un:?}");
        assert_eq!(un[0].name, "United Nations");
        assert_eq!(es[0].id, "e1");
    }

    #[test]
    fn a_town_that_speaks_is_not_a_place() {
        let kind = |text: &str, name: &str| run(text).1.into_iter().find(|e| e.name == name).map(|e| (e.kind, e.geo.is_some()));
        assert_eq!(kind("Obama said \"yes.\"", "Obama").map(|k| k.1), Some(false));
        assert_ne!(kind("Obama said \"yes.\"", "Obama").map(|k| k.0), Some(EntityType::GPE));
        assert_eq!(kind("Nokia said its sales rose.", "Nokia"), Some((EntityType::ORG, false)));
        assert_eq!(kind("Bono said he would sing.", "Bono"), Some((EntityType::PERSON, false)));
        assert_eq!(kind("“We will,” said Nokia. Bono recently said he would sing.", "Nokia"), Some((EntityType::ORG, false)));
        assert_eq!(kind("“We will,” said Nokia. Bono recently said he would sing.", "Bono"), Some((EntityType::PERSON, false)));
        let (_, es) = run("U2 frontman Bono sang. Bono said he would sing again.");
        assert!(es.iter().filter(|e| e.name == "Bono").all(|e| e.kind == EntityType::PERSON), "{es:?}");
        // Countries speak through their governments; a town shown as a place stays one.
        assert_eq!(kind("Japan said no.", "Japan"), Some((EntityType::GPE, true)));
        assert_eq!(kind("Fishermen in Obama were hit. Obama said it would rebuild.", "Obama").map(|k| k.0), Some(EntityType::GPE));
    }

    #[test]
    fn names_after_a_form_of_address_are_people() {
        // British style writes "Mr", "Mrs", "Dr" without a full stop.
        let (_, es) = run("Mr Brown's International Finance Facility would help poor countries, said Mr Hopkins. \
             Dr Delta and Mrs Lincoln agreed, while Ms Chelsea and Mr. Orlando did not.");
        for name in ["Brown", "Hopkins", "Delta", "Lincoln", "Chelsea", "Orlando"] {
            let e = es.iter().find(|e| e.name == name || e.aliases.iter().any(|a| a == name)).unwrap_or_else(|| panic!("{name}: {es:?}"));
            assert_eq!(e.kind, EntityType::PERSON, "{name}: {e:?}");
        }
        assert!(es.iter().all(|e| !words::is_address(&e.name)), "{es:?}");
    }

    #[test]
    fn a_lone_first_name_gives_gender() {
        let (doc, es) = run("I met Rebecca on Monday. He has been right about the girls.");
        let r = es.iter().find(|e| e.name == "Rebecca").expect("Rebecca");
        let he = doc.text.find("He").unwrap();
        assert!(!r.mentions.contains(&[he, he + 2]), "{r:?}");
    }

    #[test]
    fn same_surname_different_people() {
        let (_, es) = run("Ahmed Mohamed was arrested. His father, Hassan Mohamed, said Mohamed was proud. Ahmed Mohamed smiled.");
        let people: Vec<_> = es.iter().filter(|e| e.kind == EntityType::PERSON).collect();
        assert_eq!(people.len(), 2, "{people:?}");
    }

    #[test]
    fn never_panics_on_scrambled_text() {
        // A fixed pseudo-random mix of names, punctuation, apostrophes, combining marks and
        // other scripts: every slice must stay on char boundaries.
        let parts =
            ["Kyiv", "’s", " (UN) ", "Mr.", " he ", "É\u{301}", "ß", "🙂", ", the mayor, ", "A.", "Ministry", "of", "“", "\n", "Zelensky", "and", "U.S."];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200 {
            let mut s = String::new();
            for _ in 0..40 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.push_str(parts[(x % parts.len() as u64) as usize]);
                if x % 3 == 0 {
                    s.push(' ');
                }
            }
            let (doc, es) = run(&s);
            for e in es {
                for [a, b] in e.mentions {
                    assert!(doc.text.is_char_boundary(a) && doc.text.is_char_boundary(b) && a < b);
                }
            }
        }
    }

    #[test]
    fn empty_and_odd_text() {
        for t in ["", " ", "’", "He said.", "(UN) (UN)", "ÅÅÅ ÅÅÅ, ÅÅ."] {
            let _ = run(t);
        }
        let long = "Vladimir Putin met him. ".repeat(2000);
        let (_, es) = run(&long);
        assert_eq!(es.len(), 1);
    }
}
