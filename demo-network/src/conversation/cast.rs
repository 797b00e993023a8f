//! Who speaks: every member gets a steady level of activity (a few write a lot, most rarely),
//! and is picked to write or react only once they have joined.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::cities::CitySpec;
use crate::skills::SKILLS;
use crate::{DemoNetwork, DemoPerson, DemoRole};

/// Stream of the seed's ChaCha8 generator that activity levels are drawn from; stream 0 makes
/// the people, so these draws leave the people unchanged.
const ACTIVITY_STREAM: u64 = 1;
/// Tries at finding someone who had joined before a message, before settling for the city's
/// longest-standing member.
const PICK_TRIES: usize = 12;
const DAY: i64 = 86_400;
/// Newcomers introduce themselves within their first days; only then do they write anything
/// else.
pub(super) const SETTLING_DAYS: i64 = 3;

/// The members of one city, with the cumulative activity used to draw authors.
struct CityCast {
    members: Vec<usize>,
    /// `cumulative[k]` is the summed activity of `members[..=k]`.
    cumulative: Vec<u64>,
    connectors: Vec<usize>,
    /// The member who joined first: the fallback author for the oldest messages.
    oldest: Option<usize>,
}

pub(super) struct Cast {
    cities: Vec<CityCast>,
    /// `cumulative[c]` is the number of people in cities `..=c`: topic channels hear from cities
    /// in proportion to their size.
    city_cumulative: Vec<u64>,
    /// Each person's skills, as indices into [`SKILLS`].
    skills: Vec<Vec<usize>>,
}

/// Heavy-tailed activity, as in any community: most people post now and then, a few post a lot.
/// Connectors, who run their city's channel, are among the busiest.
fn activity<R: Rng>(rng: &mut R, person: &DemoPerson) -> u64 {
    let base = match rng.random_range(0..100u32) {
        0..=54 => 1,
        55..=84 => 4,
        85..=96 => 12,
        _ => 40,
    };
    match person.role {
        DemoRole::Connector => base * 3 + 10,
        DemoRole::Member => base,
    }
}

fn cumulate(weights: impl Iterator<Item = u64>) -> Vec<u64> {
    weights
        .scan(0u64, |sum, w| {
            *sum += w;
            Some(*sum)
        })
        .collect()
}

/// Index of the slot a ticket in `0..total` falls into.
fn slot(cumulative: &[u64], ticket: u64) -> usize {
    cumulative.partition_point(|&sum| sum <= ticket)
}

impl Cast {
    pub(super) fn new(seed: u64, network: &DemoNetwork, specs: &[&CitySpec]) -> Cast {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(ACTIVITY_STREAM);
        let weights: Vec<u64> = network
            .people
            .iter()
            .map(|p| activity(&mut rng, p))
            .collect();
        let mut cities: Vec<CityCast> = (0..specs.len())
            .map(|_| CityCast {
                members: Vec::new(),
                cumulative: Vec::new(),
                connectors: Vec::new(),
                oldest: None,
            })
            .collect();
        for (index, person) in network.people.iter().enumerate() {
            let Some(city) = cities.get_mut(person.city) else {
                continue;
            };
            city.members.push(index);
            if person.role == DemoRole::Connector {
                city.connectors.push(index);
            }
            let older =
                |other: usize| network.people[other].joined_days_ago >= person.joined_days_ago;
            if !city.oldest.is_some_and(older) {
                city.oldest = Some(index);
            }
        }
        for city in &mut cities {
            city.cumulative = cumulate(city.members.iter().map(|&i| weights[i]));
        }
        let skills = network.people.iter().map(skill_indices).collect();
        Cast {
            city_cumulative: cumulate(cities.iter().map(|c| c.members.len() as u64)),
            cities,
            skills,
        }
    }

    pub(super) fn city_sizes(&self) -> Vec<usize> {
        self.cities.iter().map(|c| c.members.len()).collect()
    }

    /// A city drawn in proportion to its number of members.
    pub(super) fn any_city<R: Rng>(&self, rng: &mut R) -> Option<usize> {
        let total = self.city_cumulative.last().copied().unwrap_or(0);
        (total > 0).then(|| slot(&self.city_cumulative, rng.random_range(0..total)))
    }

    /// Someone of `city` who had settled in by `at`, drawn by activity.
    pub(super) fn author<R: Rng>(
        &self,
        rng: &mut R,
        people: &[DemoPerson],
        city: usize,
        at: i64,
        now: i64,
    ) -> Option<usize> {
        let cast = self.cities.get(city)?;
        let total = cast.cumulative.last().copied().unwrap_or(0);
        if total == 0 {
            return None;
        }
        for _ in 0..PICK_TRIES {
            let member = cast.members[slot(&cast.cumulative, rng.random_range(0..total))];
            if settled(&people[member], at, now) {
                return Some(member);
            }
        }
        cast.oldest.filter(|&p| settled(&people[p], at, now))
    }

    /// Someone of `city` who had joined by `at`, any of them equally likely: reading and
    /// reacting is not reserved to the people who write.
    pub(super) fn reader<R: Rng>(
        &self,
        rng: &mut R,
        people: &[DemoPerson],
        city: usize,
        at: i64,
        now: i64,
    ) -> Option<usize> {
        let members = &self.cities.get(city)?.members;
        if members.is_empty() {
            return None;
        }
        (0..PICK_TRIES)
            .map(|_| members[rng.random_range(0..members.len())])
            .find(|&p| had_joined(&people[p], at, now))
    }

    /// One of the city's connectors who had joined by `at`.
    pub(super) fn connector<R: Rng>(
        &self,
        rng: &mut R,
        people: &[DemoPerson],
        city: usize,
        at: i64,
        now: i64,
    ) -> Option<usize> {
        let connectors = &self.cities.get(city)?.connectors;
        if connectors.is_empty() {
            return None;
        }
        let pick = connectors[rng.random_range(0..connectors.len())];
        had_joined(&people[pick], at, now).then_some(pick)
    }

    /// The members of `city` who joined within the history, with when they joined.
    pub(super) fn newcomers(&self, people: &[DemoPerson], city: usize) -> Vec<usize> {
        let Some(cast) = self.cities.get(city) else {
            return Vec::new();
        };
        let recent = |&&p: &&usize| {
            let days = i64::from(people[p].joined_days_ago);
            (1..super::HISTORY_DAYS).contains(&days)
        };
        cast.members.iter().filter(recent).copied().collect()
    }

    pub(super) fn skills(&self, person: usize) -> &[usize] {
        self.skills.get(person).map_or(&[], Vec::as_slice)
    }
}

/// Whether `person` had joined by `at`, that is `joined_days_ago` days before `now` (the server
/// dates each join within the day before that, never after).
pub(super) fn had_joined(person: &DemoPerson, at: i64, now: i64) -> bool {
    now - at < i64::from(person.joined_days_ago) * DAY
}

/// Whether `person` had been around for [`SETTLING_DAYS`] by `at`.
fn settled(person: &DemoPerson, at: i64, now: i64) -> bool {
    now - at + SETTLING_DAYS * DAY < i64::from(person.joined_days_ago) * DAY
}

fn skill_indices(person: &DemoPerson) -> Vec<usize> {
    person
        .skills
        .iter()
        .filter_map(|tag| SKILLS.iter().position(|s| s.tag == tag))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_follow_cumulative_weights() {
        let cumulative = cumulate([3u64, 0, 2].into_iter());
        assert_eq!(cumulative, vec![3, 3, 5]);
        let slots: Vec<usize> = (0..5).map(|t| slot(&cumulative, t)).collect();
        assert_eq!(slots, vec![0, 0, 0, 2, 2]);
    }
}
