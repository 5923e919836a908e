//! The entity layer's data tables (`lexicons/entities/`), parsed once on first use.
//!
//! Every table is keyed by a *phrase key*: the words of a name joined by single spaces, with
//! typographic apostrophes made straight ("People’s" → "People's"). Case is kept, because in
//! news text capitalisation is most of the evidence that a word is a name.

use newsgraph_record::EntityType;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A place of the gazetteer (GeoNames) or of the curated region table.
#[derive(Debug, Clone)]
pub struct Place {
    pub geonames_id: Option<i64>,
    pub kind: PlaceKind,
    pub cc: &'static str,
    pub admin1: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub name: &'static str,
    /// GPE for countries, regions with a government and cities; LOC for the rest.
    pub etype: EntityType,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Admin1,
    City,
    /// From `regions.tsv`: areas without their own GeoNames row here (Donbas, seas, continents).
    Region,
}

/// How an alias names a place: its own name, or an alternative spelling.
#[derive(Debug, Clone, Copy)]
pub struct PlaceRef {
    pub place: u32,
    pub primary: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// A title word: the gender it implies and whether it names a role or only qualifies one.
#[derive(Debug, Clone, Copy)]
pub struct TitleWord {
    pub gender: Gender,
    pub head: bool,
}

pub struct Lexicon {
    pub places: Vec<Place>,
    pub place_alias: HashMap<String, Vec<PlaceRef>>,
    /// Demonym ("Ukrainian", "Ukrainians") → country code.
    pub demonyms: HashMap<String, &'static str>,
    /// Non-national groups ("Muslims", "Republican") → group key.
    pub norp: HashMap<String, &'static str>,
    /// Organisation alias → (group index, type); aliases of one group are one organisation.
    pub orgs: HashMap<String, (u32, EntityType)>,
    pub first_names: HashMap<&'static str, Gender>,
    pub surnames: std::collections::HashSet<&'static str>,
    /// Lower-case title word or phrase (up to three words) → its properties.
    pub titles: HashMap<&'static str, TitleWord>,
    /// Longest title phrase, in words.
    pub title_max_words: usize,
    /// First words of the title phrases: a quick test before building phrases.
    pub title_first_words: std::collections::HashSet<&'static str>,
}

pub static LEX: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// Makes a phrase key: straight apostrophes, single spaces.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(if matches!(c, '’' | '‘' | 'ʼ') { '\'' } else { c });
    }
    out
}

fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut lex = Lexicon {
            places: Vec::new(),
            place_alias: HashMap::new(),
            demonyms: HashMap::new(),
            norp: HashMap::new(),
            orgs: HashMap::new(),
            first_names: HashMap::new(),
            surnames: Default::default(),
            titles: HashMap::new(),
            title_max_words: 1,
            title_first_words: Default::default(),
        };
        lex.load_places();
        lex.load_people();
        lex
    }

    fn add_alias(&mut self, alias: &str, place: u32, primary: bool) {
        let k = key(alias);
        if k.is_empty() {
            return;
        }
        let v = self.place_alias.entry(k).or_default();
        match v.iter_mut().find(|r| r.place == place) {
            Some(r) => r.primary |= primary,
            None => v.push(PlaceRef { place, primary }),
        }
    }

    fn load_places(&mut self) {
        let mut by_id: HashMap<i64, u32> = HashMap::new();
        for r in rows(include_str!("../../../lexicons/entities/places.tsv")) {
            if r.len() < 9 {
                continue;
            }
            let kind = match r[1] {
                "C" => PlaceKind::Country,
                "A" => PlaceKind::Admin1,
                _ => PlaceKind::City,
            };
            let id = r[0].parse::<i64>().ok();
            let idx = self.places.len() as u32;
            self.places.push(Place {
                geonames_id: id,
                kind,
                cc: r[2],
                admin1: r[3],
                lat: r[4].parse().unwrap_or(0.0),
                lon: r[5].parse().unwrap_or(0.0),
                population: r[6].parse().unwrap_or(0),
                name: r[7],
                etype: EntityType::GPE,
            });
            if let Some(id) = id {
                by_id.insert(id, idx);
            }
            self.add_alias(r[7], idx, true);
            for a in r[8].split('|').filter(|a| !a.is_empty()) {
                self.add_alias(a, idx, false);
            }
        }
        for r in rows(include_str!("../../../lexicons/entities/regions.tsv")) {
            if r.len() < 6 {
                continue;
            }
            let idx = self.places.len() as u32;
            let mut names = r[5].split('|');
            let name = names.next().unwrap_or("");
            let gid = r[2].parse::<i64>().ok().filter(|&g| g > 0);
            self.places.push(Place {
                geonames_id: gid,
                kind: PlaceKind::Region,
                cc: if r[1] == "-" { "" } else { r[1] },
                admin1: "",
                lat: r[3].parse().unwrap_or(0.0),
                lon: r[4].parse().unwrap_or(0.0),
                population: 0,
                name,
                etype: if r[0] == "GPE" { EntityType::GPE } else { EntityType::LOC },
            });
            self.add_alias(name, idx, true);
            for a in names {
                self.add_alias(a, idx, true);
            }
        }
        for r in rows(include_str!("../../../lexicons/entities/place_aliases.tsv")) {
            if let (Some(a), Some(Ok(id))) = (r.first(), r.get(1).map(|s| s.parse::<i64>()))
                && let Some(&idx) = by_id.get(&id)
            {
                self.add_alias(a, idx, true);
            }
        }
        // A demonym names the most populous of the countries that use it ("American" is also
        // the Northern Mariana Islands').
        let country_pop: HashMap<&str, u64> = self.places.iter().filter(|p| p.kind == PlaceKind::Country).map(|p| (p.cc, p.population)).collect();
        for r in rows(include_str!("../../../lexicons/entities/demonyms.tsv")) {
            if r.len() < 2 {
                continue;
            }
            let (d, cc) = (r[0], r[1]);
            let pop = country_pop.get(cc).copied().unwrap_or(0);
            for form in [d.to_string(), plural(d)] {
                let better = match self.demonyms.get(&form) {
                    Some(old) => pop > country_pop.get(old).copied().unwrap_or(0),
                    None => true,
                };
                if better {
                    self.demonyms.insert(form, cc);
                }
            }
        }
        for r in rows(include_str!("../../../lexicons/entities/norp.tsv")) {
            if r.len() < 2 {
                continue;
            }
            for form in r[0].split('|') {
                self.norp.insert(key(form), r[1]);
            }
        }
        for (gi, r) in rows(include_str!("../../../lexicons/entities/orgs.tsv")).enumerate() {
            let t = match r.get(1).copied() {
                Some("FAC") => EntityType::FAC,
                _ => EntityType::ORG,
            };
            for form in r[0].split('|') {
                self.orgs.insert(key(form), (gi as u32, t));
            }
        }
    }

    fn load_people(&mut self) {
        for r in rows(include_str!("../../../lexicons/entities/first_names.tsv")).chain(rows(include_str!("../../../lexicons/entities/first_names_extra.tsv")))
        {
            if r.len() < 2 {
                continue;
            }
            self.first_names.insert(r[0], gender(r[1]));
        }
        for r in rows(include_str!("../../../lexicons/entities/surnames.txt")) {
            self.surnames.insert(r[0]);
        }
        for r in rows(include_str!("../../../lexicons/entities/titles.tsv")) {
            if r.len() < 3 {
                continue;
            }
            self.title_max_words = self.title_max_words.max(r[0].split(' ').count());
            self.title_first_words.insert(r[0].split(' ').next().unwrap_or(""));
            self.titles.insert(r[0], TitleWord { gender: gender(r[1]), head: r[2] == "head" });
        }
    }

    /// The places a written form may name.
    pub fn places_for(&self, phrase_key: &str) -> &[PlaceRef] {
        self.place_alias.get(phrase_key).map_or(&[], Vec::as_slice)
    }
}

fn gender(s: &str) -> Gender {
    match s {
        "M" => Gender::Male,
        "F" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// English plural of a demonym: "Ukrainian" → "Ukrainians"; "-ese"/"-ish"/"-ch" forms stay.
fn plural(d: &str) -> String {
    if d.ends_with("ese") || d.ends_with("ish") || d.ends_with("ch") || d.ends_with('s') || d.ends_with('i') && d.len() < 4 {
        d.to_string()
    } else {
        format!("{d}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_and_answer() {
        let l = &*LEX;
        assert!(l.places.len() > 30_000);
        let kyiv = l.places_for("Kiev");
        assert!(kyiv.iter().any(|r| l.places[r.place as usize].geonames_id == Some(703448)));
        assert!(l.places_for("Donbass").iter().any(|r| l.places[r.place as usize].kind == PlaceKind::Region));
        assert_eq!(l.demonyms.get("Ukrainians"), Some(&"UA"));
        assert_eq!(l.demonyms.get("American"), Some(&"US"));
        assert_eq!(l.first_names.get("Volodymyr"), Some(&Gender::Male));
        assert_eq!(l.first_names.get("Hillary"), Some(&Gender::Female));
        assert!(l.titles.get("mayor").is_some_and(|t| t.head));
        assert!(l.titles.get("deputy").is_some_and(|t| !t.head));
        assert!(l.orgs.get("U.N.").is_some() && l.orgs.get("U.N.").map(|o| o.0) == l.orgs.get("United Nations").map(|o| o.0));
    }

    #[test]
    fn keys_straighten_apostrophes() {
        assert_eq!(key("Luhansk  People’s Republic"), "Luhansk People's Republic");
    }
}
