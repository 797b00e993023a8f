//! One channel's year, planned: top-level messages (newcomers' introductions first), then
//! threads growing under the messages that invite answers. `writing` puts it into words.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::cast::{Cast, SETTLING_DAYS};
use super::subjects::{Response, Subject};
use super::{timeline, writing, DemoMessage, Venue};
use crate::bios::BioLang;
use crate::cities::CitySpec;
use crate::DemoPerson;

/// First ChaCha8 stream of the channels, one stream each, so that a channel's conversation does
/// not depend on the others'; the streams below are the people's and the activity levels'.
const CHANNEL_STREAMS: u64 = 1 << 32;
/// Stream offset of the topics, past any possible city index.
const TOPIC_STREAMS: u64 = 1 << 20;
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;
/// Share of a city's recent arrivals who introduce themselves, in percent.
const INTRODUCING_PERCENT: u32 = 30;

pub(super) struct World<'a> {
    pub people: &'a [DemoPerson],
    pub specs: &'a [&'static CitySpec],
    pub cast: &'a Cast,
    pub now: i64,
    pub seed: u64,
    /// The demo member, mentioned now and then so that their mention badges can be shown.
    pub demo_member: Option<usize>,
}

/// A message before its text is written.
pub(super) struct Draft {
    pub at: i64,
    pub author: usize,
    pub subject: Subject,
    /// The city the message talks about (for `{city}`).
    pub city: usize,
    /// For a reply: the index of its thread's first message among the top-level drafts.
    pub thread: Option<(usize, Response)>,
    pub language: BioLang,
}

pub(super) fn chance<R: Rng>(rng: &mut R, percent: u32) -> bool {
    rng.random_range(0..100) < percent
}

/// The channel's messages, oldest first, about `quota` of them (fewer when its city is too
/// small or too new to say that much).
pub(super) fn generate(world: &World<'_>, venue: Venue, quota: usize) -> Vec<DemoMessage> {
    let mut rng = ChaCha8Rng::seed_from_u64(world.seed);
    let stream = match venue {
        Venue::City(city) => city as u64,
        Venue::Topic(topic) => TOPIC_STREAMS + topic as u64,
    };
    rng.set_stream(CHANNEL_STREAMS + stream);
    let replies_wanted = quota * rng.random_range(15..=20) / 100;
    let mut tops = top_level(&mut rng, world, venue, quota - replies_wanted);
    tops.sort_by_key(|draft| draft.at);
    let replies = threads(&mut rng, world, venue, &tops, replies_wanted);
    writing::write(&mut rng, world, venue, tops, replies)
}

fn speaks(person: &DemoPerson, lang: BioLang) -> bool {
    lang == BioLang::En || person.languages.iter().any(|l| l == lang.code())
}

/// The language someone writes in here: a city's channel mostly in the city's language, by
/// those who speak it, otherwise in English; topics mostly in English, now and then in the
/// writer's own language.
fn language<R: Rng>(rng: &mut R, world: &World<'_>, venue: Venue, person: usize) -> BioLang {
    let who = &world.people[person];
    let main = who.languages.first().and_then(|l| BioLang::from_code(l));
    match venue {
        Venue::City(city) => {
            let spec = world.specs[city];
            match spec.langs.first().and_then(|l| BioLang::from_code(l)) {
                Some(local) if local != BioLang::En && speaks(who, local) => {
                    // Where English is a local language too (Montréal), it is used more.
                    let percent = if spec.langs.contains(&"en") { 60 } else { 85 };
                    if chance(rng, percent) {
                        local
                    } else {
                        BioLang::En
                    }
                }
                _ => match main {
                    Some(own) if chance(rng, 5) => own,
                    _ => BioLang::En,
                },
            }
        }
        Venue::Topic(_) => match main {
            Some(own) if chance(rng, 25) => own,
            _ => BioLang::En,
        },
    }
}

/// A city other than `home`, for a visit; `None` when the network has a single city.
fn elsewhere<R: Rng>(rng: &mut R, cast: &Cast, home: usize) -> Option<usize> {
    (0..8)
        .filter_map(|_| cast.any_city(rng))
        .find(|&city| city != home)
}

fn top_level<R: Rng>(rng: &mut R, world: &World<'_>, venue: Venue, count: usize) -> Vec<Draft> {
    let (people, cast, now) = (world.people, world.cast, world.now);
    let mut drafts: Vec<Draft> = Vec::with_capacity(count);
    if let Venue::City(city) = venue {
        for newcomer in cast.newcomers(people, city) {
            if drafts.len() >= count / 5 {
                break;
            }
            if !chance(rng, INTRODUCING_PERCENT) {
                continue;
            }
            // Soon after joining, before they write anything else; never before: joins are
            // dated at most `joined_days_ago` days before now.
            let joined = now - i64::from(people[newcomer].joined_days_ago) * DAY;
            let settling = rng.random_range(HOUR..(SETTLING_DAYS - 1) * DAY);
            let at = (joined + settling).min(now - HOUR);
            let language = language(rng, world, venue, newcomer);
            drafts.push(Draft {
                at,
                author: newcomer,
                subject: Subject::Intro,
                city,
                thread: None,
                language,
            });
        }
    }
    for _ in 0..count * 3 {
        if drafts.len() >= count {
            break;
        }
        let mut subject = Subject::draw(rng, venue);
        let Some(home) = (match venue {
            Venue::City(city) => Some(city),
            Venue::Topic(_) => cast.any_city(rng),
        }) else {
            break;
        };
        let mut about = home;
        let mut writer_city = home;
        if subject == Subject::Visit {
            match (venue, elsewhere(rng, cast, home)) {
                (Venue::City(_), Some(other)) => writer_city = other,
                (Venue::Topic(_), Some(other)) => about = other,
                (_, None) => subject = Subject::Question,
            }
        }
        let at = timeline::moment(rng, now, timeline::utc_offset(world.specs[home]));
        let Some(author) = cast.author(rng, people, writer_city, at, now) else {
            continue;
        };
        let language = language(rng, world, venue, author);
        drafts.push(Draft {
            at,
            author,
            subject,
            city: about,
            thread: None,
            language,
        });
    }
    drafts
}

/// Replies in a thread: mostly one or two, sometimes a real discussion.
fn thread_length<R: Rng>(rng: &mut R) -> usize {
    match rng.random_range(0..100u32) {
        0..=44 => 1,
        45..=69 => 2,
        70..=84 => rng.random_range(3..=4),
        85..=94 => rng.random_range(5..=9),
        95..=98 => rng.random_range(10..=20),
        _ => rng.random_range(21..=45),
    }
}

/// Who answers in a thread: its first author now and then once others have spoken, a
/// connector often for a newcomer, otherwise someone of the channel's city (or anyone's, in a
/// topic).
fn replier<R: Rng>(
    rng: &mut R,
    world: &World<'_>,
    venue: Venue,
    root: &Draft,
    previous: usize,
    at: i64,
) -> Option<usize> {
    let (people, cast, now) = (world.people, world.cast, world.now);
    if previous != root.author && chance(rng, 30) {
        return Some(root.author);
    }
    let city = match venue {
        Venue::City(city) => city,
        Venue::Topic(_) => cast.any_city(rng)?,
    };
    if root.subject == Subject::Intro && chance(rng, 40) {
        if let Some(connector) = cast.connector(rng, people, city, at, now) {
            return Some(connector);
        }
    }
    let first = cast.author(rng, people, city, at, now)?;
    if first == root.author || first == previous {
        return cast.author(rng, people, city, at, now);
    }
    Some(first)
}

fn threads<R: Rng>(
    rng: &mut R,
    world: &World<'_>,
    venue: Venue,
    tops: &[Draft],
    wanted: usize,
) -> Vec<Draft> {
    let mut replies: Vec<Draft> = Vec::with_capacity(wanted);
    let mut started = vec![false; tops.len()];
    let most_appealing = 12;
    for _ in 0..wanted * 20 + 100 {
        if replies.len() >= wanted || tops.is_empty() {
            break;
        }
        let index = rng.random_range(0..tops.len());
        let root = &tops[index];
        // Messages of the last hour have not been answered yet.
        if started[index]
            || root.at > world.now - HOUR
            || rng.random_range(0..most_appealing) >= root.subject.appeal()
        {
            continue;
        }
        started[index] = true;
        let length = thread_length(rng).min(wanted - replies.len());
        let mut previous = root.author;
        for at in timeline::replies(rng, root.at, length, world.now) {
            let Some(author) = replier(rng, world, venue, root, previous, at) else {
                continue;
            };
            let response = root.subject.response(rng, author == root.author);
            let language = if speaks(&world.people[author], root.language) && chance(rng, 90) {
                root.language
            } else {
                language(rng, world, venue, author)
            };
            replies.push(Draft {
                at,
                author,
                subject: root.subject,
                city: root.city,
                thread: Some((index, response)),
                language,
            });
            previous = author;
        }
    }
    replies
}
