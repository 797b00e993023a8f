//! Given names and surnames by language region.
//!
//! Each city points at the pool its people mostly come from; everybody else in a city is drawn
//! from another pool (see `people.rs`), so every city looks like a real international community.
//! The ten regions of the default network hold at least 40 given names and 40 surnames each; the
//! smaller pools in `names/world.rs` serve the cities added beyond the default twenty.

// The data modules are laid out by hand: rustfmt would put one name per line.
#[rustfmt::skip]
mod regions;
#[rustfmt::skip]
mod world;

pub(crate) use regions::*;
pub(crate) use world::*;

/// The names of one language region.
#[derive(Debug)]
pub(crate) struct NamePool {
    pub female: &'static [&'static str],
    pub male: &'static [&'static str],
    pub last: &'static [&'static str],
    /// Feminine forms of `last`, index for index, for languages whose surnames inflect
    /// (Polish, Czech, Greek). Empty when surnames are the same for everybody.
    pub last_female: &'static [&'static str],
    /// First languages (ISO 639-1) of people from this region, used when they live abroad.
    pub langs: &'static [&'static str],
    /// Iberian and Latin American people often carry two surnames.
    pub double_surname: bool,
    /// Relative chance that someone living in another city comes from this region: the regions
    /// of the network's own cities move around more than the rest of the world.
    pub abroad_weight: u32,
}

/// Every pool, in a fixed order (the order matters: it makes the foreign draw reproducible).
pub(crate) static ALL: &[&NamePool] = &[
    &FRENCH,
    &SPANISH,
    &LUSOPHONE,
    &ITALIAN,
    &GERMAN,
    &DUTCH,
    &ENGLISH,
    &DANISH,
    &QUEBECOIS,
    &LATAM,
    &ARABIC,
    &TURKISH,
    &POLISH,
    &CZECH,
    &BALKAN,
    &UKRAINIAN,
    &GREEK,
    &WEST_AFRICAN,
    &FRANCOPHONE_AFRICAN,
    &EAST_AFRICAN,
    &SOUTHERN_AFRICAN,
    &INDIAN,
    &CHINESE,
    &JAPANESE,
    &KOREAN,
    &VIETNAMESE,
    &THAI,
    &MALAY_INDONESIAN,
    &FILIPINO,
];

/// The ten regions of the default network, which must be rich enough for thousands of people.
#[cfg(test)]
pub(crate) static MAIN: &[&NamePool] = &[
    &FRENCH, &SPANISH, &LUSOPHONE, &ITALIAN, &GERMAN, &DUTCH, &ENGLISH, &DANISH, &QUEBECOIS, &LATAM,
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn main_regions_have_forty_names_of_each_kind() {
        for pool in MAIN {
            let first = pool.female.len() + pool.male.len();
            let key = pool.last.first().copied().unwrap_or_default();
            assert!(first >= 40, "{key}: {first} given names");
            assert!(pool.last.len() >= 40, "{key}: {} surnames", pool.last.len());
        }
    }

    #[test]
    fn pools_are_well_formed() {
        let distinct: HashSet<*const NamePool> = ALL.iter().map(|p| *p as *const _).collect();
        assert_eq!(distinct.len(), ALL.len(), "a pool is listed twice");
        for pool in ALL {
            let key = pool.last.first().copied().unwrap_or_default();
            assert!(!pool.female.is_empty() && !pool.male.is_empty() && !pool.last.is_empty());
            assert!(pool.last_female.is_empty() || pool.last_female.len() == pool.last.len());
            assert!(!pool.langs.is_empty() && pool.abroad_weight > 0);
            for list in [pool.female, pool.male, pool.last, pool.last_female] {
                let unique: HashSet<_> = list.iter().collect();
                assert_eq!(unique.len(), list.len(), "{key}: duplicate name");
            }
        }
    }

    #[test]
    fn every_name_folds_to_ascii_without_losing_letters() {
        for pool in ALL {
            for list in [pool.female, pool.male, pool.last, pool.last_female] {
                for name in list.iter() {
                    for ch in name.chars().flat_map(char::to_lowercase) {
                        let known = ch.is_ascii_alphanumeric()
                            || matches!(ch, ' ' | '\'' | '-')
                            || crate::fold::fold_char(ch).is_some();
                        assert!(known, "{name}: no ascii form for {ch:?}");
                    }
                }
            }
        }
    }
}
