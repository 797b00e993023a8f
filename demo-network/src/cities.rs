//! The built-in table of real cities the demo network is drawn from.
//!
//! The first twenty are the default network of the product brief, in its order. The rest, at
//! least 200 in all, continue over every continent so that larger demo networks stay real.

// The data modules are laid out one city per line: rustfmt would spread each over eleven.
#[rustfmt::skip]
mod americas;
#[rustfmt::skip]
mod brief;
#[rustfmt::skip]
mod europe;
#[rustfmt::skip]
mod exonyms;
#[rustfmt::skip]
mod world;

use crate::bios::BioLang;
use crate::names::NamePool;
use crate::{Continent, DemoCity};

/// One row of the table.
#[derive(Debug)]
pub(crate) struct CitySpec {
    /// ASCII lowercase with dashes, unique over the whole table.
    pub slug: &'static str,
    pub name: &'static str,
    /// ISO 3166-1 alpha-2.
    pub country: &'static str,
    pub continent: Continent,
    /// City-centre coordinates, in degrees.
    pub lat: f64,
    pub lon: f64,
    /// Where most of its people's names come from.
    pub names: &'static NamePool,
    /// Languages spoken there (ISO 639-1), most common first.
    pub langs: &'static [&'static str],
    /// Relative size of its community: how many members it gets compared with other cities.
    pub weight: u32,
}

// A positional constructor keeps each table row on one readable line; a struct literal per row
// would triple the tables' length.
#[allow(clippy::too_many_arguments)]
pub(crate) const fn c(
    slug: &'static str,
    name: &'static str,
    country: &'static str,
    continent: Continent,
    lat: f64,
    lon: f64,
    names: &'static NamePool,
    langs: &'static [&'static str],
    weight: u32,
) -> CitySpec {
    CitySpec {
        slug,
        name,
        country,
        continent,
        lat,
        lon,
        names,
        langs,
        weight,
    }
}

impl CitySpec {
    /// The city's name as a bio in `lang` writes it ("Lisboa" in Portuguese).
    pub(crate) fn name_in(&self, lang: BioLang) -> &'static str {
        exonyms::exonym(self.slug, lang).unwrap_or(self.name)
    }

    pub(crate) fn to_city(&self) -> DemoCity {
        DemoCity {
            slug: self.slug.to_owned(),
            name: self.name.to_owned(),
            country: self.country.to_owned(),
            continent: self.continent,
            lat: self.lat,
            lon: self.lon,
        }
    }
}

/// The cities beyond the default twenty, one list per continent.
static EXTRA: [&[CitySpec]; 6] = [
    europe::CITIES,
    americas::NORTH,
    americas::SOUTH,
    world::AFRICA,
    world::ASIA,
    world::OCEANIA,
];

/// Number of cities in the built-in table.
pub(crate) const TABLE_LEN: usize = brief::CITIES.len()
    + EXTRA[0].len()
    + EXTRA[1].len()
    + EXTRA[2].len()
    + EXTRA[3].len()
    + EXTRA[4].len()
    + EXTRA[5].len();

/// The whole table in the order networks take it: the default twenty, then the other cities
/// dealt round-robin between continents, largest communities first within each, so that any
/// larger network spreads over the world instead of filling up Europe first.
fn table() -> Vec<&'static CitySpec> {
    let mut order: Vec<&'static CitySpec> = Vec::with_capacity(TABLE_LEN);
    order.extend(brief::CITIES.iter());
    let by_size: Vec<Vec<&'static CitySpec>> = EXTRA
        .iter()
        .map(|list| {
            let mut sorted: Vec<&'static CitySpec> = list.iter().collect();
            // Stable, so equal weights keep the table's order and the result is reproducible.
            sorted.sort_by_key(|city| std::cmp::Reverse(city.weight));
            sorted
        })
        .collect();
    let longest = by_size.iter().map(Vec::len).max().unwrap_or(0);
    for k in 0..longest {
        order.extend(by_size.iter().filter_map(|list| list.get(k).copied()));
    }
    order
}

/// The first `n` cities of the table (all of them when `n` is larger).
pub(crate) fn first(n: usize) -> Vec<&'static CitySpec> {
    let mut cities = table();
    cities.truncate(n);
    cities
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn table_is_large_and_well_formed() {
        let all = first(usize::MAX);
        assert_eq!(all.len(), TABLE_LEN);
        let mut slugs = HashSet::new();
        for city in &all {
            assert!(slugs.insert(city.slug), "duplicate slug {}", city.slug);
            assert!(!city.slug.starts_with('-') && !city.slug.ends_with('-'));
            assert!(
                city.slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                city.slug
            );
            assert!(
                city.country.len() == 2 && city.country.bytes().all(|b| b.is_ascii_uppercase())
            );
            assert!((-90.0..=90.0).contains(&city.lat) && (-180.0..=180.0).contains(&city.lon));
            assert!(!city.langs.is_empty() && city.weight > 0);
            let lang_ok = |l: &&str| l.len() == 2 && l.bytes().all(|b| b.is_ascii_lowercase());
            assert!(city.langs.iter().all(lang_ok), "{}", city.slug);
        }
    }

    #[test]
    fn exonyms_name_real_table_cities() {
        let translated: Vec<&CitySpec> = first(usize::MAX)
            .into_iter()
            .filter(|c| exonyms::exonym(c.slug, BioLang::En).is_some())
            .collect();
        // One per arm of the exonym table: a misspelt slug would never match a city.
        assert_eq!(translated.len(), 30);
        for city in translated {
            assert_eq!(
                city.name_in(BioLang::En),
                city.name,
                "English column is the table's name"
            );
        }
        let lisbon = first(6).into_iter().find(|c| c.slug == "lisbon");
        assert_eq!(lisbon.map(|c| c.name_in(BioLang::Pt)), Some("Lisboa"));
    }

    #[test]
    fn coordinates_agree_with_continents() {
        // A coarse box per continent catches swapped signs and lat/lon mix-ups.
        for city in first(usize::MAX) {
            let (lat, lon) = (city.lat, city.lon);
            let ok = match city.continent {
                Continent::Europe => (35.0..71.0).contains(&lat) && (-25.0..45.0).contains(&lon),
                Continent::NorthAmerica => {
                    (7.0..72.0).contains(&lat) && (-170.0..-52.0).contains(&lon)
                }
                Continent::SouthAmerica => {
                    (-56.0..13.0).contains(&lat) && (-82.0..-34.0).contains(&lon)
                }
                Continent::Africa => (-35.0..38.0).contains(&lat) && (-26.0..52.0).contains(&lon),
                Continent::Asia => (-11.0..56.0).contains(&lat) && (26.0..146.0).contains(&lon),
                Continent::Oceania => (-48.0..0.0).contains(&lat) && (110.0..180.0).contains(&lon),
            };
            assert!(
                ok,
                "{} ({lat}, {lon}) is not in {:?}",
                city.slug, city.continent
            );
        }
    }
}
