//! Message bodies: sentences from the phrasebooks, placeholders filled, joined into short
//! paragraphs with a little markdown (bold titles, lists, links, code).

use rand::Rng;

use super::phrases::{book, Phrasebook, URL_HOSTS, URL_PATHS};
use super::subjects::{Response, Subject};
use crate::bios::BioLang;

/// What the placeholders of one message stand for, besides what is drawn while filling them.
pub(super) struct Slots<'a> {
    /// The city the message is about, named in the message's language.
    pub city: &'a str,
    pub skill: &'a str,
    pub skill2: &'a str,
    /// First name of whoever a reply answers (or of the writer).
    pub first: &'a str,
    /// Full name of a member the message mentions.
    pub mention: Option<&'a str>,
}

fn chance<R: Rng>(rng: &mut R, percent: u32) -> bool {
    rng.random_range(0..100) < percent
}

fn pick<R: Rng>(rng: &mut R, lines: &[&'static str]) -> &'static str {
    match lines.len() {
        0 => "",
        len => lines[rng.random_range(0..len)],
    }
}

fn url<R: Rng>(rng: &mut R) -> String {
    let host = pick(rng, URL_HOSTS);
    let path = pick(rng, URL_PATHS);
    if chance(rng, 40) {
        format!("https://{host}/{path}-{}", rng.random_range(2..100))
    } else {
        format!("https://{host}/{path}")
    }
}

/// `template` with every placeholder replaced; unknown `{…}` are kept as written.
fn fill<R: Rng>(rng: &mut R, template: &str, book: &Phrasebook, slots: &Slots<'_>) -> String {
    let mut out = String::with_capacity(template.len() + 40);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        match &after[..end] {
            "city" => out.push_str(slots.city),
            "skill" => out.push_str(slots.skill),
            "skill2" => out.push_str(slots.skill2),
            "first" => out.push_str(slots.first),
            "mention" => {
                out.push_str("@**");
                out.push_str(slots.mention.unwrap_or(slots.first));
                out.push_str("**");
            }
            "event" => out.push_str(pick(rng, book.event_names)),
            "day" => out.push_str(pick(rng, &book.days)),
            "time" => out.push_str(pick(rng, book.times)),
            "place" => out.push_str(pick(rng, book.places)),
            "url" => out.push_str(&url(rng)),
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Paragraphs of a message being written.
struct Text<'b, 's> {
    book: &'b Phrasebook,
    slots: &'b Slots<'s>,
    paragraphs: Vec<String>,
}

impl Text<'_, '_> {
    /// Adds a sentence to the last paragraph, or starts one after a list.
    fn say<R: Rng>(&mut self, rng: &mut R, lines: &[&'static str]) {
        let template = pick(rng, lines);
        let sentence = fill(rng, template, self.book, self.slots);
        match self.paragraphs.last_mut() {
            Some(last) if !last.contains('\n') => {
                last.push(' ');
                last.push_str(&sentence);
            }
            _ => self.paragraphs.push(sentence),
        }
    }

    /// Starts a new paragraph with a sentence.
    fn start<R: Rng>(&mut self, rng: &mut R, lines: &[&'static str]) {
        let template = pick(rng, lines);
        let sentence = fill(rng, template, self.book, self.slots);
        self.paragraphs.push(sentence);
    }

    /// A programme: a heading line and three or four items, bulleted or numbered.
    fn agenda<R: Rng>(&mut self, rng: &mut R) {
        let items = self.book.agenda_items;
        let mut block = pick(rng, self.book.agenda_intro).to_owned();
        let count = rng.random_range(3..=4).min(items.len());
        let first = rng.random_range(0..items.len().max(1));
        let numbered = chance(rng, 30);
        for k in 0..count {
            let item = items[(first + k) % items.len()];
            let marker = if numbered {
                format!("{}.", k + 1)
            } else {
                "-".to_owned()
            };
            block.push_str(&format!("\n{marker} {item}"));
        }
        self.paragraphs.push(block);
    }

    fn finish(self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// The body of a top-level message about `subject`.
pub(super) fn opening<R: Rng>(
    rng: &mut R,
    subject: Subject,
    lang: BioLang,
    slots: &Slots<'_>,
) -> String {
    let b = book(lang);
    let mut text = Text {
        book: b,
        slots,
        paragraphs: Vec::new(),
    };
    let (hello, closer) = match subject {
        Subject::Intro => (85, 20),
        Subject::Question | Subject::Visit => (35, 40),
        Subject::Event | Subject::SkillOffer | Subject::SkillRequest => (25, 30),
        Subject::Commons | Subject::Funding | Subject::News => (15, 20),
        Subject::Random => (5, 10),
    };
    if chance(rng, hello) {
        text.say(rng, b.hello);
    }
    match subject {
        Subject::Intro => {
            text.say(rng, b.intro);
            if chance(rng, 70) {
                text.say(rng, b.intro_more);
            }
        }
        Subject::Visit => text.say(rng, b.visit),
        Subject::Event => {
            text.say(rng, b.event_lines);
            if chance(rng, 60) {
                text.say(rng, b.event_details);
            }
            if chance(rng, 20) {
                text.agenda(rng);
            }
            if chance(rng, 45) {
                text.start(rng, b.link_lines);
            }
        }
        Subject::Question => {
            text.say(rng, b.questions);
            if chance(rng, 50) {
                text.say(rng, b.question_context);
            }
        }
        Subject::Commons => text.say(rng, b.commons),
        Subject::Funding => text.say(rng, b.funding),
        Subject::SkillOffer => text.say(rng, b.skill_offers),
        Subject::SkillRequest => {
            text.say(rng, b.skill_requests);
            if chance(rng, 40) {
                text.say(rng, b.question_context);
            }
        }
        Subject::News => text.say(rng, b.news),
        Subject::Random => text.say(rng, b.random),
    }
    if chance(rng, closer) {
        text.say(rng, b.closers);
    }
    if slots.mention.is_some() {
        text.say(rng, b.mention_lines);
    }
    text.finish()
}

/// The body of a reply that does `response`.
pub(super) fn reply<R: Rng>(
    rng: &mut R,
    response: Response,
    lang: BioLang,
    slots: &Slots<'_>,
) -> String {
    let b = book(lang);
    let mut text = Text {
        book: b,
        slots,
        paragraphs: Vec::new(),
    };
    let lines = match response {
        Response::Welcome => b.welcomes,
        Response::Answer => b.answers,
        Response::Attend => b.attend,
        Response::Offer => b.offers,
        Response::Support => b.support,
        Response::FollowUp => b.follow_ups,
        Response::Thanks => b.thanks,
        Response::Banter => b.banter,
    };
    text.say(rng, lines);
    if response == Response::Answer && chance(rng, 15) {
        text.say(rng, b.link_lines);
    }
    if slots.mention.is_some() {
        text.say(rng, b.mention_lines);
    }
    text.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    const SLOTS: Slots<'static> = Slots {
        city: "Lyon",
        skill: "design",
        skill2: "commons",
        first: "Ana",
        mention: Some("Ana Lima"),
    };

    #[test]
    fn placeholders_are_filled_and_mentions_written_for_the_app() {
        let mut rng = ChaCha8Rng::seed_from_u64(6);
        let b = book(BioLang::En);
        let filled = fill(
            &mut rng,
            "{city} {skill} {first} {mention} <{url}>",
            b,
            &SLOTS,
        );
        assert!(
            filled.starts_with("Lyon design Ana @**Ana Lima** <https://"),
            "{filled}"
        );
        assert!(!filled.contains('{'));
        assert_eq!(fill(&mut rng, "{unknown} {", b, &SLOTS), "{unknown} {");
    }

    #[test]
    fn lists_start_their_own_paragraph_and_nothing_is_left_unfilled() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for _ in 0..300 {
            let body = opening(&mut rng, Subject::Event, BioLang::Fr, &SLOTS);
            assert!(!body.contains(['{', '}']), "{body}");
            assert!(body.contains("**"), "{body}");
            for paragraph in body.split("\n\n") {
                let lines: Vec<&str> = paragraph.lines().collect();
                assert!(lines
                    .iter()
                    .skip(1)
                    .all(|l| l.starts_with(['-', '1', '2', '3', '4'])));
            }
            let answer = reply(&mut rng, Response::Answer, BioLang::De, &SLOTS);
            assert!(answer.contains("@**Ana Lima**"), "{answer}");
        }
    }
}
