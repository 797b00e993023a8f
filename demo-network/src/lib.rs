//! The demo network Edges is seeded with: real cities, an international community of people
//! and a year of their conversation, generated deterministically from a seed.
//!
//! Pure: no I/O, no clock, no global state. The same [`DemoParams`] always give the same
//! [`DemoNetwork`] on every platform, because the generator is ChaCha8 seeded with
//! `seed_from_u64`, whose output is specified bit for bit (unlike `StdRng`, which may change
//! between `rand` releases).

mod bios;
mod cities;
mod conversation;
mod decisions;
mod fold;
mod names;
mod people;
mod skills;
#[cfg(test)]
mod tests;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::cities::CitySpec;
use crate::people::Slot;

pub use crate::conversation::{
    generate_conversation, unread_backlog, DemoChannel, DemoMessage, DemoReaction, DemoTopic,
    DEMO_TOPICS, HISTORY_DAYS,
};
pub use crate::decisions::{generate_decisions, DemoProposal, DemoStance};

/// The demo administrator (a plain [`DemoRole::Member`]: the server makes them admin).
pub const DEMO_ADMIN_EMAIL: &str = "admin@edges.demo";
/// A connector of the first city.
pub const DEMO_CONNECTOR_EMAIL: &str = "connector@edges.demo";
/// A member of the first city, always visible on the map.
pub const DEMO_MEMBER_EMAIL: &str = "member@edges.demo";
/// The password of the three demo accounts.
pub const DEMO_PASSWORD: &str = "edges-demo-2026";

/// Connectors per city, when there are enough members for them.
pub const CONNECTORS_PER_CITY: usize = 3;
/// Size of the built-in city table: asking for more cities gives this many.
pub const MAX_CITIES: usize = cities::TABLE_LEN;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DemoParams {
    /// Total number of people, connectors and the three demo accounts included.
    pub members: usize,
    /// Number of cities, taken in order from the built-in table and capped at [`MAX_CITIES`].
    /// The first 20 are the default network (Paris … Santiago).
    pub cities: usize,
    pub seed: u64,
}

impl Default for DemoParams {
    /// The network of the product brief: 8,000 members in 20 cities.
    fn default() -> Self {
        Self {
            members: 8000,
            cities: 20,
            seed: 2026,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Continent {
    Europe,
    NorthAmerica,
    SouthAmerica,
    Africa,
    Asia,
    Oceania,
}

impl Continent {
    /// Stable identifier, suitable for storage and URLs.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Europe => "europe",
            Self::NorthAmerica => "north-america",
            Self::SouthAmerica => "south-america",
            Self::Africa => "africa",
            Self::Asia => "asia",
            Self::Oceania => "oceania",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoCity {
    /// ASCII lowercase with dashes ("sao-paulo"), unique in the network.
    pub slug: String,
    /// Display name with its real spelling ("São Paulo").
    pub name: String,
    /// ISO 3166-1 alpha-2, e.g. "FR".
    pub country: String,
    pub continent: Continent,
    /// City-centre coordinates in degrees.
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DemoRole {
    Member,
    Connector,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoPerson {
    pub name: String,
    /// Unique, lowercase ASCII: `firstname.lastname.<index>@edges.demo`, or a demo address.
    pub email: String,
    /// Index into [`DemoNetwork::cities`].
    pub city: usize,
    /// One to three sentences of simple markdown, in the person's likely language.
    pub bio: String,
    /// Two to five distinct lowercase tags ("facilitation", "open-source").
    pub skills: Vec<String>,
    /// One to three ISO 639-1 codes, main language first.
    pub languages: Vec<String>,
    pub map_visible: bool,
    pub role: DemoRole,
    /// 0..=3650.
    pub joined_days_ago: u32,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct DemoNetwork {
    pub cities: Vec<DemoCity>,
    pub people: Vec<DemoPerson>,
}

/// The three fixed accounts, in the order they take at the head of `people`.
const DEMO_ACCOUNTS: [(&str, DemoRole); 3] = [
    (DEMO_ADMIN_EMAIL, DemoRole::Member),
    (DEMO_CONNECTOR_EMAIL, DemoRole::Connector),
    (DEMO_MEMBER_EMAIL, DemoRole::Member),
];

/// How many people of each kind each city gets, besides the demo accounts (all in city 0).
#[derive(Debug, PartialEq, Eq)]
struct Plan {
    demo: usize,
    connectors: Vec<usize>,
    members: Vec<usize>,
}

/// Splits `total` over `weights` by largest remainder, in integers so that the result does not
/// depend on floating-point rounding. Ties go to the earlier city.
fn apportion(total: usize, weights: &[u64]) -> Vec<usize> {
    let sum: u128 = weights.iter().map(|&w| u128::from(w)).sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let total_wide = total as u128;
    let mut shares: Vec<usize> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(u128, usize)> = Vec::with_capacity(weights.len());
    for (i, &w) in weights.iter().enumerate() {
        let exact = total_wide * u128::from(w);
        // Each share is at most `total`, so it fits in usize.
        shares.push(usize::try_from(exact / sum).unwrap_or(total));
        remainders.push((exact % sum, i));
    }
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let given: usize = shares.iter().sum();
    for &(_, i) in remainders.iter().take(total.saturating_sub(given)) {
        shares[i] += 1;
    }
    shares
}

/// Decides city sizes. The demo accounts come first; then connectors, handed out one per city
/// per round so that when members are scarce every city gets one before any gets a second;
/// then everybody else, spread by each city's weight with a seeded ±15 % jitter, so that sizes
/// vary between seeds while Paris and Barcelona stay large and Québec small.
fn plan<R: Rng>(rng: &mut R, specs: &[&CitySpec], total: usize) -> Plan {
    let demo = total.min(DEMO_ACCOUNTS.len());
    let mut left = total - demo;
    let mut connectors = vec![0usize; specs.len()];
    // The demo connector is already one of the first city's connectors.
    let demo_connectors = usize::from(demo >= 2);
    for round in 0..CONNECTORS_PER_CITY {
        for (c, count) in connectors.iter_mut().enumerate() {
            let already = *count + if c == 0 { demo_connectors } else { 0 };
            if already <= round && left > 0 {
                *count += 1;
                left -= 1;
            }
        }
    }
    let weights: Vec<u64> = specs
        .iter()
        .map(|s| u64::from(s.weight) * rng.random_range(850..=1150u64))
        .collect();
    let members = apportion(left, &weights);
    Plan {
        demo,
        connectors,
        members,
    }
}

/// Generates the demo network.
///
/// `params.cities` is capped at [`MAX_CITIES`]; zero cities give an empty network. There are
/// always exactly `params.members` people (fewer than three cities' worth of connectors is
/// fine: connectors are then spread one per city first). People are grouped by city: the three
/// demo accounts first, in city 0, then each city's connectors followed by its members.
pub fn generate(params: &DemoParams) -> DemoNetwork {
    let specs = cities::first(params.cities);
    let Some(&home) = specs.first() else {
        return DemoNetwork::default();
    };
    let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
    let plan = plan(&mut rng, &specs, params.members);
    let mut people = Vec::with_capacity(params.members);
    for &(email, role) in DEMO_ACCOUNTS.iter().take(plan.demo) {
        let slot = Slot {
            index: people.len(),
            city: 0,
            spec: home,
            role,
            fixed_email: Some(email),
            newcomer: false,
            force_visible: email == DEMO_MEMBER_EMAIL,
        };
        people.push(people::make_person(&mut rng, &slot));
    }
    let sizes = plan.connectors.iter().zip(&plan.members);
    for (city, (&spec, (&connectors, &members))) in specs.iter().zip(sizes).enumerate() {
        let roles = std::iter::repeat_n(DemoRole::Connector, connectors)
            .chain(std::iter::repeat_n(DemoRole::Member, members));
        for (k, role) in roles.enumerate() {
            let slot = Slot {
                index: people.len(),
                city,
                spec,
                role,
                fixed_email: None,
                // The first member of each city arrived recently, so every city has someone
                // to welcome whatever the seed.
                newcomer: k == connectors,
                force_visible: false,
            };
            people.push(people::make_person(&mut rng, &slot));
        }
    }
    DemoNetwork {
        cities: specs.iter().map(|s| s.to_city()).collect(),
        people,
    }
}
