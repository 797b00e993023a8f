//! A planned channel put into words, in time order: bodies in each message's language,
//! mentions of real members, reactions from the channel's readers.

use rand::Rng;

use super::cast::{had_joined, Cast};
use super::channel::{chance, Draft, World};
use super::compose::{self, Slots};
use super::{timeline, DemoMessage, DemoReaction, Venue};
use crate::bios::BioLang;
use crate::skills::SKILLS;
use crate::DemoPerson;

/// Top-level messages that mention someone, and replies that do, in percent.
const MENTIONING_PERCENT: (u32, u32) = (2, 7);

fn first_name(person: &DemoPerson) -> &str {
    person
        .name
        .split_whitespace()
        .next()
        .unwrap_or(&person.name)
}

/// Two of the writer's skills as their language says them.
fn skill_labels<R: Rng>(
    rng: &mut R,
    cast: &Cast,
    person: usize,
    lang: BioLang,
) -> [&'static str; 2] {
    let own = cast.skills(person);
    let label = |i: usize| SKILLS.get(i).map_or("", |s| s.labels[lang.index()]);
    match own.len() {
        0 => [label(0), label(2)],
        1 => [label(own[0]), label(0)],
        len => {
            let a = rng.random_range(0..len);
            let b = (a + rng.random_range(1..len)) % len;
            [label(own[a]), label(own[b])]
        }
    }
}

/// Someone to mention: the thread's first author when answering them, else a member of the
/// city (now and then the demo member, when the city is theirs).
fn mention_target<R: Rng>(
    rng: &mut R,
    world: &World<'_>,
    draft: &Draft,
    root_author: Option<usize>,
) -> Option<usize> {
    let person = match root_author {
        Some(root) if root != draft.author => Some(root),
        _ => match world.demo_member {
            Some(demo) if world.people[demo].city == draft.city && chance(rng, 15) => Some(demo),
            _ => world
                .cast
                .reader(rng, world.people, draft.city, draft.at, world.now),
        },
    };
    person.filter(|&p| p != draft.author && had_joined(&world.people[p], draft.at, world.now))
}

fn reactions<R: Rng>(
    rng: &mut R,
    world: &World<'_>,
    venue: Venue,
    draft: &Draft,
    at: i64,
) -> Vec<DemoReaction> {
    let (percent, emoji, crowd) = match draft.thread {
        None => (
            draft.subject.reaction_percent(),
            draft.subject.emoji(),
            draft.subject.is_announcement(),
        ),
        Some((_, response)) => (10, response.emoji(), false),
    };
    if emoji.is_empty() || !chance(rng, percent) {
        return Vec::new();
    }
    let mut count = 1;
    while count < 25 && chance(rng, if crowd { 72 } else { 50 }) {
        count += 1;
    }
    let mut given: Vec<DemoReaction> = Vec::with_capacity(count);
    for _ in 0..count * 2 {
        if given.len() >= count {
            break;
        }
        let city = match venue {
            Venue::City(city) => Some(city),
            Venue::Topic(_) => world.cast.any_city(rng),
        };
        let reader = city.and_then(|c| world.cast.reader(rng, world.people, c, at, world.now));
        let Some(person) = reader.filter(|&p| p != draft.author) else {
            continue;
        };
        // The message's usual emoji comes first; the others add colour.
        let emoji = if chance(rng, 60) {
            emoji[0]
        } else {
            emoji[rng.random_range(0..emoji.len())]
        };
        if !given.iter().any(|r| r.person == person && r.emoji == emoji) {
            let created_at = timeline::reaction(rng, at, world.now);
            given.push(DemoReaction {
                person,
                emoji,
                created_at,
            });
        }
    }
    given.sort_by_key(|r| r.created_at);
    given
}

/// Orders the drafts in time, writes them and numbers the threads. Replies always come after
/// their first message, which is top-level: `thread` indices are into `tops`, the first part of
/// `all`.
pub(super) fn write<R: Rng>(
    rng: &mut R,
    world: &World<'_>,
    venue: Venue,
    tops: Vec<Draft>,
    replies: Vec<Draft>,
) -> Vec<DemoMessage> {
    let all: Vec<Draft> = tops.into_iter().chain(replies).collect();
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| (all[i].at, i));
    let mut position = vec![0usize; all.len()];
    for (pos, &i) in order.iter().enumerate() {
        position[i] = pos;
    }
    let mut messages: Vec<DemoMessage> = Vec::with_capacity(all.len());
    let mut last_at = i64::MIN;
    for &i in &order {
        let draft = &all[i];
        // Strictly increasing, so that time order and sequence order are the same thing.
        let at = draft.at.max(last_at.saturating_add(1));
        last_at = at;
        let root = draft.thread.map(|(root, _)| &all[root]);
        let root_author = root.map(|r| r.author);
        let mention = if chance(
            rng,
            if root.is_some() {
                MENTIONING_PERCENT.1
            } else {
                MENTIONING_PERCENT.0
            },
        ) {
            mention_target(rng, world, draft, root_author)
        } else {
            None
        };
        let lang = draft.language;
        let [skill, skill2] = skill_labels(rng, world.cast, draft.author, lang);
        let addressee = &world.people[root_author.unwrap_or(draft.author)];
        let slots = Slots {
            city: world.specs[draft.city].name_in(lang),
            skill,
            skill2,
            first: first_name(addressee),
            mention: mention.map(|p| world.people[p].name.as_str()),
        };
        let body = match draft.thread {
            None => compose::opening(rng, draft.subject, lang, &slots),
            Some((_, response)) => compose::reply(rng, response, lang, &slots),
        };
        messages.push(DemoMessage {
            author: draft.author,
            created_at: at,
            parent: draft.thread.map(|(root, _)| position[root]),
            body,
            language: lang.code(),
            mentions: mention.into_iter().collect(),
            reactions: reactions(rng, world, venue, draft, at),
        });
    }
    messages
}
