//! A year of conversation in the demo network's channels: one channel per city, mostly in the
//! city's language, and a few network-wide topics, mostly in English. Threads, reactions and
//! mentions included, so that history, search and unread counts meet realistic volumes.
//!
//! Pure like the rest of the crate: the same parameters, network and `now` give the same
//! conversation. `now` only anchors the timeline (weekdays and local daytime depend on the real
//! calendar); it is the seeding time, not read from a clock here.

mod backlog;
mod cast;
mod channel;
mod compose;
mod phrases;
mod subjects;
#[cfg(test)]
mod tests;
mod timeline;
mod writing;

use crate::{apportion, cities, DemoNetwork, DemoParams, DEMO_MEMBER_EMAIL};

pub use backlog::unread_backlog;

/// A network-wide channel, open to every member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoTopic {
    pub slug: &'static str,
    pub name: &'static str,
    pub description: &'static str,
}

/// The network-wide channels, in the order their conversations come after the cities'.
pub const DEMO_TOPICS: [DemoTopic; 5] = [
    DemoTopic {
        slug: "general",
        name: "General",
        description: "Network-wide news and questions",
    },
    DemoTopic {
        slug: "commons",
        name: "Commons & open source",
        description: "Shared resources, open tools and licences",
    },
    DemoTopic {
        slug: "events",
        name: "Events",
        description: "Festivals, meetups and gatherings across the network",
    },
    DemoTopic {
        slug: "funding",
        name: "Funding & budgets",
        description: "Grants, pots and how we spend together",
    },
    DemoTopic {
        slug: "random",
        name: "Random",
        description: "Everything else",
    },
];

/// How much of the topic channels' share each topic gets, in [`DEMO_TOPICS`] order: `general`
/// is where everybody is, `random` is quiet.
const TOPIC_WEIGHTS: [u64; 5] = [10, 6, 5, 5, 4];
/// Messages per ten members over the year: 12.5 each, 100,000 for the default network.
const MESSAGES_PER_TEN_MEMBERS: usize = 125;
/// Share of all messages, in percent, written in the topic channels rather than the cities'.
const TOPIC_SHARE_PERCENT: usize = 30;
/// How far back the conversation goes.
pub const HISTORY_DAYS: i64 = 365;

/// One reaction: who reacted, with what, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoReaction {
    /// Index into [`DemoNetwork::people`].
    pub person: usize,
    pub emoji: &'static str,
    /// Unix seconds, after the message and not after `now`.
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoMessage {
    /// Index into [`DemoNetwork::people`]. They had joined by then: at most `joined_days_ago`
    /// days before `now`. Newcomers introduce themselves within days and write nothing else
    /// before that.
    pub author: usize,
    /// Unix seconds within the [`HISTORY_DAYS`] before `now`, strictly increasing in a channel.
    pub created_at: i64,
    /// Index into the same channel's messages of the thread's first message, which is always
    /// an earlier top-level message.
    pub parent: Option<usize>,
    /// Markdown (bold, lists, links, code), a few hundred characters at most, never empty.
    pub body: String,
    /// ISO 639-1 code of the language the body is written in.
    pub language: &'static str,
    /// Indices into [`DemoNetwork::people`] of the members the body mentions as
    /// `@**Full Name**`, never the author.
    pub mentions: Vec<usize>,
    /// Distinct (person, emoji) pairs, oldest first.
    pub reactions: Vec<DemoReaction>,
}

/// The history of one channel, oldest message first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoChannel {
    /// The city's slug for a city channel, the topic's for a topic.
    pub slug: String,
    pub messages: Vec<DemoMessage>,
}

/// Where a channel's conversation happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Venue {
    /// Index into [`DemoNetwork::cities`].
    City(usize),
    /// Index into [`DEMO_TOPICS`].
    Topic(usize),
}

/// Generates the conversation of `network`, which must be `generate(params)`: every city's
/// channel in the network's city order, then the topics in [`DEMO_TOPICS`] order. The number
/// of messages grows with the number of members (about 12.5 each); bigger cities talk more.
pub fn generate_conversation(
    params: &DemoParams,
    network: &DemoNetwork,
    now: i64,
) -> Vec<DemoChannel> {
    let specs = cities::first(network.cities.len());
    let cast = cast::Cast::new(params.seed, network, &specs);
    let total = network.people.len() * MESSAGES_PER_TEN_MEMBERS / 10;
    let topic_total = total * TOPIC_SHARE_PERCENT / 100;
    let city_sizes: Vec<u64> = cast.city_sizes().iter().map(|&n| n as u64).collect();
    let city_quotas = apportion(total - topic_total, &city_sizes);
    let topic_quotas = apportion(topic_total, &TOPIC_WEIGHTS);
    let world = channel::World {
        people: &network.people,
        specs: &specs,
        cast: &cast,
        now,
        seed: params.seed,
        demo_member: network
            .people
            .iter()
            .position(|p| p.email == DEMO_MEMBER_EMAIL),
    };
    let cities = network.cities.iter().zip(city_quotas).enumerate();
    let city_channels = cities.map(|(index, (city, quota))| DemoChannel {
        slug: city.slug.clone(),
        messages: channel::generate(&world, Venue::City(index), quota),
    });
    let topics = DEMO_TOPICS.iter().zip(topic_quotas).enumerate();
    let topic_channels = topics.map(|(index, (topic, quota))| DemoChannel {
        slug: topic.slug.to_owned(),
        messages: channel::generate(&world, Venue::Topic(index), quota),
    });
    city_channels.chain(topic_channels).collect()
}
