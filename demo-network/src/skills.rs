//! Skill and interest tags, drawn by weight so that some are common and some rare.

// Laid out by hand: rustfmt would spread every row over eight lines.
#[rustfmt::skip]
mod table;

pub(crate) use table::SKILLS;

// `pick` keeps one bit per skill in a u128.
const _: () = assert!(
    SKILLS.len() <= 128,
    "the skill pool outgrew the u128 bitmask"
);

use rand::Rng;

/// One free tag a member can put on their profile.
#[derive(Debug)]
pub(crate) struct Skill {
    /// The tag as stored: lowercase ASCII words joined by dashes.
    pub tag: &'static str,
    /// Relative frequency in the network.
    pub weight: u32,
    /// How a bio says it, in `BioLang` order (en, fr, es, pt, it, de).
    pub labels: [&'static str; 6],
}

/// Draws `count` distinct skills (indices into [`SKILLS`]) by weight, without replacement, so a
/// person never lists the same tag twice.
pub(crate) fn pick<R: Rng>(rng: &mut R, count: usize) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::with_capacity(count);
    // One bit per skill already chosen: cheaper than searching `chosen` for every candidate.
    let mut taken: u128 = 0;
    let mut remaining: u32 = SKILLS.iter().map(|s| s.weight).sum();
    while chosen.len() < count && remaining > 0 {
        let mut ticket = rng.random_range(0..remaining);
        for (i, skill) in SKILLS.iter().enumerate() {
            if taken & (1 << i) != 0 {
                continue;
            }
            if ticket < skill.weight {
                taken |= 1 << i;
                chosen.push(i);
                remaining -= skill.weight;
                break;
            }
            ticket -= skill.weight;
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;
    use std::collections::HashSet;

    #[test]
    fn pool_is_large_varied_and_well_formed() {
        assert!(SKILLS.len() >= 60, "only {} skills", SKILLS.len());
        let tags: HashSet<_> = SKILLS.iter().map(|s| s.tag).collect();
        assert_eq!(tags.len(), SKILLS.len(), "duplicate tag");
        for s in SKILLS {
            assert!(
                s.tag.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "tag {:?} is not lowercase-with-dashes",
                s.tag
            );
            assert!((1..=10).contains(&s.weight));
            assert!(s
                .labels
                .iter()
                .all(|l| !l.is_empty() && !l.contains(['*', '<', '_'])));
        }
        let max = SKILLS.iter().map(|s| s.weight).max().unwrap_or(0);
        let min = SKILLS.iter().map(|s| s.weight).min().unwrap_or(0);
        assert!(max >= 5 * min, "weights must make some tags rare");
    }

    #[test]
    fn picks_distinct_skills() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for count in 0..=8 {
            let picked = pick(&mut rng, count);
            assert_eq!(picked.len(), count);
            assert_eq!(picked.iter().collect::<HashSet<_>>().len(), count);
        }
        // Asking for more than exist returns them all rather than looping forever.
        assert_eq!(pick(&mut rng, SKILLS.len() + 5).len(), SKILLS.len());
    }
}
