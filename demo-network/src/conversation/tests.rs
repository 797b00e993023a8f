//! Properties of whole generated conversations.

use super::*;
use crate::generate;
use std::collections::{HashMap, HashSet};

/// A fixed seeding time: Friday 22 May 2026, 14:40 UTC.
const NOW: i64 = 1_779_460_800;
const DAY: i64 = 86_400;

const MEDIUM: DemoParams = DemoParams {
    members: 600,
    cities: 5,
    seed: 31,
};
/// The server tests' network.
const SMALL: DemoParams = DemoParams {
    members: 60,
    cities: 3,
    seed: 7,
};

fn conversation(params: &DemoParams) -> (DemoNetwork, Vec<DemoChannel>) {
    let network = generate(params);
    let channels = generate_conversation(params, &network, NOW);
    (network, channels)
}

fn message_count(channels: &[DemoChannel]) -> usize {
    channels.iter().map(|c| c.messages.len()).sum()
}

/// Every invariant the server's seed and the live system rely on.
fn assert_well_formed(network: &DemoNetwork, channels: &[DemoChannel]) {
    let slugs: Vec<&str> = channels.iter().map(|c| c.slug.as_str()).collect();
    let mut expected: Vec<&str> = network.cities.iter().map(|c| c.slug.as_str()).collect();
    expected.extend(DEMO_TOPICS.iter().map(|t| t.slug));
    assert_eq!(slugs, expected);
    for channel in channels {
        let messages = &channel.messages;
        for (i, m) in messages.iter().enumerate() {
            let author = &network.people[m.author];
            assert!(m.created_at <= NOW && m.created_at > NOW - HISTORY_DAYS * DAY);
            assert!(
                m.created_at >= NOW - i64::from(author.joined_days_ago) * DAY,
                "{} wrote before joining",
                author.email
            );
            if let Some(previous) = i.checked_sub(1).map(|p| &messages[p]) {
                assert!(
                    previous.created_at < m.created_at,
                    "{}: not in order",
                    channel.slug
                );
            }
            if let Some(parent) = m.parent {
                assert!(parent < i, "{}: a reply before its thread", channel.slug);
                assert_eq!(messages[parent].parent, None, "threads are one level deep");
            }
            assert!(!m.body.trim().is_empty());
            assert!(m.body.chars().count() <= 10_000);
            assert!(!m.body.contains(['{', '}']), "{}", m.body);
            for &mentioned in &m.mentions {
                assert_ne!(mentioned, m.author);
                let name = &network.people[mentioned].name;
                assert!(m.body.contains(&format!("@**{name}**")), "{}", m.body);
            }
            let mut pairs = HashSet::new();
            for r in &m.reactions {
                assert_ne!(r.person, m.author);
                assert!(pairs.insert((r.person, r.emoji)), "duplicate reaction");
                assert!(r.created_at >= m.created_at && r.created_at <= NOW);
            }
        }
    }
}

#[test]
fn same_inputs_same_conversation_and_another_seed_another_one() {
    let (network, a) = conversation(&MEDIUM);
    assert_eq!(a, generate_conversation(&MEDIUM, &network, NOW));
    let other = DemoParams { seed: 32, ..MEDIUM };
    let (_, b) = conversation(&other);
    assert_ne!(a[0].messages, b[0].messages);
    assert_well_formed(&network, &a);
}

#[test]
fn the_small_test_network_gets_a_few_hundred_well_formed_messages() {
    let (network, channels) = conversation(&SMALL);
    let total = message_count(&channels);
    assert!((600..=800).contains(&total), "{total}");
    assert!(
        channels.iter().all(|c| !c.messages.is_empty()),
        "every channel talks"
    );
    assert_well_formed(&network, &channels);
}

#[test]
fn empty_networks_have_empty_channels() {
    for (members, cities) in [(0, 0), (0, 3), (2, 1), (5, 0)] {
        let params = DemoParams {
            members,
            cities,
            seed: 1,
        };
        let (network, channels) = conversation(&params);
        assert_eq!(channels.len(), network.cities.len() + DEMO_TOPICS.len());
        assert_well_formed(&network, &channels);
    }
}

fn share(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

/// Languages per channel: (slug, share of each language code).
fn languages(channels: &[DemoChannel]) -> HashMap<&str, HashMap<&str, f64>> {
    channels
        .iter()
        .map(|c| {
            let mut counts: HashMap<&str, usize> = HashMap::new();
            for m in &c.messages {
                *counts.entry(m.language).or_default() += 1;
            }
            let shares = counts
                .into_iter()
                .map(|(lang, n)| (lang, share(n, c.messages.len())))
                .collect();
            (c.slug.as_str(), shares)
        })
        .collect()
}

#[test]
fn the_default_network_talks_at_scale_in_its_cities_languages() {
    let (network, channels) = conversation(&DemoParams::default());
    assert_well_formed(&network, &channels);
    let total = message_count(&channels);
    assert!((95_000..=105_000).contains(&total), "{total}");
    let per_member = share(total, network.people.len());
    assert!((12.0..=13.0).contains(&per_member), "{per_member}");

    let all: Vec<&DemoMessage> = channels.iter().flat_map(|c| &c.messages).collect();
    let replies = all.iter().filter(|m| m.parent.is_some()).count();
    let reacted = all.iter().filter(|m| !m.reactions.is_empty()).count();
    let mentioning = all.iter().filter(|m| !m.mentions.is_empty()).count();
    assert!(
        (0.14..=0.21).contains(&share(replies, total)),
        "{replies} replies"
    );
    assert!(
        (0.15..=0.30).contains(&share(reacted, total)),
        "{reacted} with reactions"
    );
    assert!(
        (0.01..=0.06).contains(&share(mentioning, total)),
        "{mentioning} mentioning"
    );
    let mut thread_sizes: HashMap<(usize, usize), usize> = HashMap::new();
    for (c, channel) in channels.iter().enumerate() {
        for m in &channel.messages {
            if let Some(parent) = m.parent {
                *thread_sizes.entry((c, parent)).or_default() += 1;
            }
        }
    }
    assert!(thread_sizes.values().any(|&n| n >= 20), "some long threads");
    let markdown = ["**", "](https://", "\n- ", "`"];
    for mark in markdown {
        assert!(all.iter().any(|m| m.body.contains(mark)), "{mark}");
    }

    let size = |slug: &str| {
        channels
            .iter()
            .find(|c| c.slug == slug)
            .map_or(0, |c| c.messages.len())
    };
    assert!(
        size("paris") > 4 * size("quebec"),
        "bigger cities are busier"
    );
    assert!(size("general") > size("random"));

    let langs = languages(&channels);
    let expected = [
        ("paris", "fr"),
        ("montreal", "fr"),
        ("berlin", "de"),
        ("madrid", "es"),
        ("buenos-aires", "es"),
        ("lisbon", "pt"),
        ("sao-paulo", "pt"),
        ("rome", "it"),
        ("london", "en"),
        ("amsterdam", "en"),
        ("general", "en"),
    ];
    for (slug, lang) in expected {
        let shares = &langs[slug];
        let main = shares.get(lang).copied().unwrap_or(0.0);
        assert!(main > 0.5, "{slug} is mostly {lang}: {shares:?}");
        assert!(shares.len() >= 2, "{slug} mixes languages: {shares:?}");
        if lang != "en" {
            assert!(
                shares.get("en").copied().unwrap_or(0.0) > 0.05,
                "{slug}: {shares:?}"
            );
        }
    }
    assert!(langs["general"].len() >= 5, "topics hear every language");
}

#[test]
fn reply_threads_stay_in_their_language_mostly() {
    let (_, channels) = conversation(&MEDIUM);
    let mut same = 0;
    let mut replies = 0;
    for channel in &channels {
        for m in &channel.messages {
            if let Some(parent) = m.parent {
                replies += 1;
                same += usize::from(channel.messages[parent].language == m.language);
            }
        }
    }
    assert!(share(same, replies) > 0.75, "{same} of {replies}");
}
