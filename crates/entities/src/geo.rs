//! Geocoding: which place a written name means in this article.
//!
//! Population alone would send "Columbus" to Ohio's Columbus even in a Georgia story, so
//! each candidate is scored by its kind and size *and* by the article's other places: the
//! countries and first-level regions it names unambiguously, and "City, Region" patterns
//! right where the name is written.

use crate::lexicon::{LEX, Place, PlaceKind};
use newsgraph_record::Geo;
use std::collections::{HashMap, HashSet};

/// The places an article names without doubt: countries, and the regions of "X, Region".
#[derive(Debug, Default)]
pub struct Context {
    pub countries: HashSet<&'static str>,
    pub regions: HashSet<(&'static str, &'static str)>,
    /// The names that taught each country or region (lower case; "" for a demonym), so a
    /// small town never vouches for itself ("Dax" teaches France only through Dax).
    sources: HashMap<(&'static str, &'static str), HashSet<String>>,
}

impl Context {
    /// Adds what an unambiguous name tells: a country's code, a region's (code, admin1).
    pub fn learn(&mut self, key: &str) {
        let refs = LEX.places_for(key);
        let source = key.to_lowercase();
        // A name all of whose places lie in one country ("Blackpool") tells the country.
        if let Some(first) = refs.first() {
            let cc = LEX.places[first.place as usize].cc;
            if !cc.is_empty() && refs.iter().all(|r| LEX.places[r.place as usize].cc == cc) {
                self.add_country(cc, &source);
            }
        }
        let strong: Vec<&Place> = refs.iter().map(|r| &LEX.places[r.place as usize]).filter(|p| p.kind != PlaceKind::City).collect();
        if let [p] = strong.as_slice() {
            match p.kind {
                PlaceKind::Country => self.add_country(p.cc, &source),
                PlaceKind::Admin1 => {
                    self.add_country(p.cc, &source);
                    self.regions.insert((p.cc, p.admin1));
                    self.sources.entry((p.cc, p.admin1)).or_default().insert(source.clone());
                }
                _ => {}
            }
        }
    }

    fn add_country(&mut self, cc: &'static str, source: &str) {
        self.countries.insert(cc);
        self.sources.entry((cc, "")).or_default().insert(source.to_string());
    }

    /// A demonym ("Ukrainian") is weaker evidence, but evidence of the country.
    pub fn learn_country(&mut self, cc: &'static str) {
        self.add_country(cc, "");
    }

    /// Whether a name other than `key` taught the country `cc` (with `admin1` "") or the region.
    fn taught_by_other(&self, cc: &'static str, admin1: &'static str, key: &str) -> bool {
        self.sources.get(&(cc, admin1)).is_some_and(|s| s.iter().any(|k| !k.eq_ignore_ascii_case(key)))
    }
}

/// The qualifier passed when the name is followed by "region", "oblast", "province" or "state".
pub const REGION: &str = "\u{0}region";

/// The best place for a written form, given the article's context and, when the text says
/// "Name, Qualifier", the qualifier's key.
pub fn resolve(key: &str, ctx: &Context, qualifier: Option<&str>) -> Option<u32> {
    let refs = LEX.places_for(key);
    let qual: Vec<&Place> =
        qualifier.map(|q| LEX.places_for(q).iter().map(|r| &LEX.places[r.place as usize]).filter(|p| p.kind != PlaceKind::City).collect()).unwrap_or_default();
    let mut best: Option<(f64, u32)> = None;
    for r in refs {
        let p = &LEX.places[r.place as usize];
        let mut s = match p.kind {
            PlaceKind::Country => 10.0,
            PlaceKind::Region => 9.0,
            PlaceKind::Admin1 => 6.5,
            PlaceKind::City => ((p.population + 1) as f64).log10(),
        };
        s += if r.primary { 1.0 } else { -0.5 };
        if p.kind != PlaceKind::Country && ctx.countries.contains(p.cc) {
            s += 2.5;
        }
        if p.kind == PlaceKind::City && ctx.regions.contains(&(p.cc, p.admin1)) {
            s += 2.0;
        }
        if qual.iter().any(|q| q.cc == p.cc && (q.kind == PlaceKind::Country || q.admin1 == p.admin1)) {
            s += 5.0;
        }
        // A region named after its city ("Kiev", "Donetsk", "Luhansk") is the city unless the
        // text says "region"; the region word itself arrives as the qualifier "region".
        let region_word = qualifier == Some(REGION);
        let namesake = refs.iter().any(|o| {
            let q = &LEX.places[o.place as usize];
            q.cc == p.cc && q.kind != p.kind && matches!(q.kind, PlaceKind::City | PlaceKind::Admin1)
        });
        if namesake && (p.kind == PlaceKind::City) != region_word {
            s += 2.0;
        }
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, r.place));
        }
    }
    let (_, i) = best?;
    supported(&LEX.places[i as usize], key, ctx, &qual).then_some(i)
}

/// Whether the article supports a place enough to put it on a map. A country, region or
/// city of 100,000 people stands alone; a smaller town, or a first-level region written
/// without its accents ("Falcon" for Venezuela's Falcón: the Ford car), needs its country
/// or region named in the article or beside it ("Dax" in a markets story is the German
/// index, not the French spa town).
fn supported(p: &Place, key: &str, ctx: &Context, qual: &[&Place]) -> bool {
    let stands_alone = match p.kind {
        PlaceKind::City => p.population >= 100_000,
        PlaceKind::Admin1 => p.name.is_ascii() || !key.is_ascii(),
        _ => true,
    };
    stands_alone || ctx.taught_by_other(p.cc, "", key) || ctx.taught_by_other(p.cc, p.admin1, key) || qual.iter().any(|q| q.cc == p.cc)
}

/// The record's `geo` for a place.
pub fn geo_of(place: u32) -> Option<Geo> {
    let p = LEX.places.get(place as usize)?;
    if p.lat == 0.0 && p.lon == 0.0 {
        return None;
    }
    Some(Geo { lat: p.lat, lon: p.lon, country_code: p.cc.to_string(), geonames_id: p.geonames_id })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(key: &str, ctx: &Context, q: Option<&str>) -> Option<i64> {
        resolve(key, ctx, q).and_then(|i| LEX.places[i as usize].geonames_id)
    }

    #[test]
    fn context_decides_between_namesakes() {
        let mut ctx = Context::default();
        assert_eq!(id("Kiev", &ctx, None), Some(703448));
        assert_eq!(id("Ukraine", &ctx, None), Some(690791));
        ctx.learn("Ohio");
        assert_eq!(id("Columbus", &ctx, None), Some(4509177));
        let mut ga = Context::default();
        ga.learn("Georgia");
        assert_eq!(id("Columbus", &Context::default(), Some("Ga.")), Some(4188985));
        assert_eq!(id("Everett", &Context::default(), Some("Wash.")), Some(5793933));
        assert_eq!(id("Crimea", &ctx, None), Some(703883));
    }

    #[test]
    fn a_town_of_one_country_sets_the_country() {
        let mut ctx = Context::default();
        ctx.learn("Blackpool");
        assert_eq!(id("Manchester", &ctx, None), Some(2643123));
    }

    #[test]
    fn a_small_town_needs_the_article_to_name_its_country() {
        let mut ctx = Context::default();
        ctx.learn("Dax");
        assert_eq!(id("Dax", &ctx, None), None, "Dax alone does not vouch for itself");
        ctx.learn("France");
        assert_eq!(id("Dax", &ctx, None), Some(3021670));
        assert_eq!(id("Magna", &Context::default(), Some("Utah")), Some(5777793));
        assert_eq!(id("Falcon", &Context::default(), None), None, "Falcón written without its accent");
        assert_eq!(id("Falcón", &Context::default(), None), Some(3640873));
    }

    #[test]
    fn regions_without_ids_still_get_a_point() {
        let i = resolve("Donbass", &Context::default(), None).expect("Donbass is a curated region");
        let g = geo_of(i).expect("coordinates");
        assert_eq!(g.country_code, "UA");
        assert_eq!(g.geonames_id, None);
    }
}
