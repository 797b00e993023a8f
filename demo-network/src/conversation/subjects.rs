//! What messages are about, how much each kind of message draws replies and reactions, and
//! which kind of reply it gets.

use rand::Rng;

use super::Venue;

/// What a top-level message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Subject {
    /// A newcomer says hello in their city's channel.
    Intro,
    /// Someone from elsewhere is coming to the city.
    Visit,
    Event,
    Question,
    Commons,
    Funding,
    SkillOffer,
    SkillRequest,
    News,
    Random,
}

/// What a reply does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Response {
    Welcome,
    Answer,
    Attend,
    Offer,
    Support,
    FollowUp,
    Thanks,
    Banter,
}

use Response as R;
use Subject as S;

/// City channels: local life, events and practical questions.
const CITY_MIX: &[(Subject, u32)] = &[
    (S::Event, 22),
    (S::Question, 20),
    (S::News, 14),
    (S::Random, 12),
    (S::SkillOffer, 8),
    (S::SkillRequest, 8),
    (S::Commons, 6),
    (S::Funding, 6),
    (S::Visit, 4),
];
/// Topic channels in `DEMO_TOPICS` order: general, commons, events, funding, random.
const TOPIC_MIXES: [&[(Subject, u32)]; 5] = [
    &[
        (S::News, 25),
        (S::Question, 18),
        (S::Event, 12),
        (S::SkillOffer, 10),
        (S::SkillRequest, 8),
        (S::Commons, 8),
        (S::Funding, 8),
        (S::Random, 6),
        (S::Visit, 5),
    ],
    &[
        (S::Commons, 60),
        (S::Question, 25),
        (S::SkillOffer, 8),
        (S::SkillRequest, 7),
    ],
    &[
        (S::Event, 70),
        (S::Question, 10),
        (S::News, 12),
        (S::Visit, 8),
    ],
    &[(S::Funding, 65), (S::Question, 25), (S::News, 10)],
    &[(S::Random, 80), (S::News, 10), (S::Question, 10)],
];

fn draw<T: Copy, G: Rng>(rng: &mut G, mix: &[(T, u32)]) -> Option<T> {
    let total: u32 = mix.iter().map(|(_, w)| w).sum();
    if total == 0 {
        return None;
    }
    let mut ticket = rng.random_range(0..total);
    for &(item, weight) in mix {
        if ticket < weight {
            return Some(item);
        }
        ticket -= weight;
    }
    None
}

impl Subject {
    /// A subject for a new top-level message in `venue`.
    pub(super) fn draw<G: Rng>(rng: &mut G, venue: Venue) -> Subject {
        let mix = match venue {
            Venue::City(_) => CITY_MIX,
            Venue::Topic(topic) => TOPIC_MIXES.get(topic).copied().unwrap_or(CITY_MIX),
        };
        draw(rng, mix).unwrap_or(S::News)
    }

    /// How much more likely than small talk such a message is to start a thread.
    pub(super) fn appeal(self) -> u32 {
        match self {
            S::Intro => 12,
            S::Question | S::SkillRequest => 10,
            S::Visit => 7,
            S::Event | S::Funding => 6,
            S::SkillOffer => 5,
            S::Commons => 4,
            S::News => 3,
            S::Random => 2,
        }
    }

    /// Chance in percent that anyone reacts at all.
    pub(super) fn reaction_percent(self) -> u32 {
        match self {
            S::Intro => 70,
            S::Event | S::News => 35,
            S::Commons | S::Funding | S::SkillOffer => 28,
            S::Random => 25,
            S::Visit => 20,
            S::Question | S::SkillRequest => 12,
        }
    }

    /// Whether a crowd may react: announcements gather many reactions, questions a few.
    pub(super) fn is_announcement(self) -> bool {
        matches!(self, S::Intro | S::Event | S::News | S::Funding)
    }

    pub(super) fn emoji(self) -> &'static [&'static str] {
        match self {
            S::Intro => &["👋", "❤️", "🎉", "🙌"],
            S::Event => &["🎉", "🙌", "👍", "🔥", "👀"],
            S::Question | S::SkillRequest => &["👀", "👍", "🙏"],
            S::Commons | S::SkillOffer => &["🙌", "❤️", "💡", "👍"],
            S::Funding => &["🙏", "👍", "🔥", "👀"],
            S::News => &["❤️", "🎉", "👍", "😂"],
            S::Random | S::Visit => &["😂", "❤️", "👀", "👍"],
        }
    }

    /// What a reply to such a message does; the first author thanks or follows up in their
    /// own thread.
    pub(super) fn response<G: Rng>(self, rng: &mut G, by_first_author: bool) -> Response {
        if by_first_author {
            return R::Thanks;
        }
        let mix: &[(Response, u32)] = match self {
            S::Intro => &[(R::Welcome, 90), (R::Offer, 10)],
            S::Visit => &[(R::Welcome, 40), (R::Offer, 45), (R::Answer, 15)],
            S::Question => &[(R::Answer, 80), (R::Offer, 20)],
            S::Event => &[(R::Attend, 65), (R::FollowUp, 25), (R::Support, 10)],
            S::SkillOffer => &[(R::Attend, 50), (R::FollowUp, 25), (R::Support, 25)],
            S::SkillRequest => &[(R::Offer, 100)],
            S::Commons => &[(R::Support, 85), (R::FollowUp, 15)],
            S::Funding => &[(R::Support, 50), (R::FollowUp, 50)],
            S::News => &[(R::Support, 80), (R::FollowUp, 20)],
            S::Random => &[(R::Banter, 55), (R::Support, 45)],
        };
        draw(rng, mix).unwrap_or(R::Support)
    }
}

impl Response {
    pub(super) fn emoji(self) -> &'static [&'static str] {
        match self {
            R::Welcome | R::Thanks => &["❤️", "🙏", "👋"],
            R::Banter => &["😂", "❤️"],
            R::Answer | R::Offer => &["🙏", "👍", "💡"],
            R::Attend | R::Support | R::FollowUp => &["👍", "🎉", "👀"],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn every_topic_has_its_own_mix_and_draws_from_it() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let funding: Vec<Subject> = (0..200)
            .map(|_| Subject::draw(&mut rng, Venue::Topic(3)))
            .collect();
        assert!(funding.contains(&S::Funding));
        assert!(!funding.contains(&S::Intro) && !funding.contains(&S::Random));
        assert!(TOPIC_MIXES.iter().all(|mix| !mix.is_empty()));
    }
}
