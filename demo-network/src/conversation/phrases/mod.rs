//! The sentences messages are built from, one phrasebook per language.
//!
//! Placeholders, filled by `compose`: `{city}` (a city's name in the phrasebook's language),
//! `{skill}` and `{skill2}` (two of the writer's skills), `{event}` (an event's title), `{day}`,
//! `{time}`, `{place}` (a place with its preposition: "at the fablab"), `{url}` (an
//! example.org-style address), `{first}` (the first name of whoever the reply answers) and
//! `{mention}` (someone's `@**Full Name**`). A placeholder is never grammatically tied to a word
//! around it (no article before `{event}`, no gendered agreement with a name), so every
//! combination reads right.

mod de;
mod en;
mod es;
mod fr;
mod it;
mod pt;

use crate::bios::BioLang;

type Lines = &'static [&'static str];

pub(super) struct Phrasebook {
    /// Greetings that open a message and end with their own punctuation.
    pub hello: Lines,
    /// A newcomer presents themself (`{city}`, `{skill}`).
    pub intro: Lines,
    /// What the newcomer hopes for (`{skill2}`).
    pub intro_more: Lines,
    /// Someone from elsewhere comes to `{city}`.
    pub visit: Lines,
    /// Event titles, capitalised, without article.
    pub event_names: Lines,
    /// An event announcement (`{event}`, `{day}`, `{time}`, `{place}`, `{city}`).
    pub event_lines: Lines,
    pub event_details: Lines,
    /// Introduces a bulleted programme.
    pub agenda_intro: Lines,
    pub agenda_items: Lines,
    pub questions: Lines,
    /// A sentence of context after a question.
    pub question_context: Lines,
    pub commons: Lines,
    pub funding: Lines,
    pub skill_offers: Lines,
    pub skill_requests: Lines,
    pub news: Lines,
    pub random: Lines,
    /// A last sentence for a top-level message.
    pub closers: Lines,
    /// A sentence that mentions `{mention}`.
    pub mention_lines: Lines,
    /// A sentence that gives `{url}`.
    pub link_lines: Lines,
    /// Replies to a newcomer (`{first}`, `{city}`).
    pub welcomes: Lines,
    pub answers: Lines,
    pub attend: Lines,
    pub offers: Lines,
    pub support: Lines,
    pub follow_ups: Lines,
    pub thanks: Lines,
    /// Light replies in small talk.
    pub banter: Lines,
    /// Monday first, as written mid-sentence.
    pub days: [&'static str; 7],
    pub times: Lines,
    /// Places with their preposition, as written mid-sentence.
    pub places: Lines,
}

pub(super) fn book(lang: BioLang) -> &'static Phrasebook {
    match lang {
        BioLang::En => &en::BOOK,
        BioLang::Fr => &fr::BOOK,
        BioLang::Es => &es::BOOK,
        BioLang::Pt => &pt::BOOK,
        BioLang::It => &it::BOOK,
        BioLang::De => &de::BOOK,
    }
}

/// Hosts of the addresses messages link to: reserved example domains only.
pub(super) const URL_HOSTS: Lines = &[
    "example.org",
    "example.net",
    "pad.example.org",
    "wiki.example.org",
    "docs.example.com",
    "cloud.example.net",
];

/// Paths of those addresses.
pub(super) const URL_PATHS: Lines = &[
    "commons-breakfast",
    "repair-cafe",
    "toolkit",
    "coop-guide",
    "pot/report",
    "events/summer-gathering",
    "call-for-projects",
    "minutes",
    "p/weekly-call",
    "s/meeting-notes",
    "shared-kitchen",
    "members-map",
    "seed-library",
    "governance/charter",
    "skills-exchange",
    "micro-grants",
    "tool-library/catalogue",
    "podcast/episode",
];

#[cfg(test)]
mod tests {
    use super::*;

    const LANGS: [BioLang; 6] = [
        BioLang::En,
        BioLang::Fr,
        BioLang::Es,
        BioLang::Pt,
        BioLang::It,
        BioLang::De,
    ];
    const PLACEHOLDERS: [&str; 10] = [
        "{city}",
        "{skill}",
        "{skill2}",
        "{event}",
        "{day}",
        "{time}",
        "{place}",
        "{url}",
        "{first}",
        "{mention}",
    ];

    fn all_lines(b: &Phrasebook) -> Vec<&'static str> {
        let lists = [
            b.hello,
            b.intro,
            b.intro_more,
            b.visit,
            b.event_names,
            b.event_lines,
            b.event_details,
            b.agenda_intro,
            b.agenda_items,
            b.questions,
            b.question_context,
            b.commons,
            b.funding,
            b.skill_offers,
            b.skill_requests,
            b.news,
            b.random,
            b.closers,
            b.mention_lines,
            b.link_lines,
            b.welcomes,
            b.answers,
            b.attend,
            b.offers,
            b.support,
            b.follow_ups,
            b.thanks,
            b.banter,
            b.times,
            b.places,
        ];
        let mut lines: Vec<&'static str> = lists.iter().flat_map(|l| l.iter().copied()).collect();
        lines.extend(b.days);
        lines
    }

    #[test]
    fn every_phrasebook_is_full_and_uses_known_placeholders() {
        for lang in LANGS {
            let b = book(lang);
            assert!(b.hello.len() >= 5 && b.questions.len() >= 8 && b.news.len() >= 8);
            assert!(b.places.len() >= 6 && b.times.len() >= 6 && b.event_names.len() >= 10);
            for line in all_lines(b) {
                assert!(!line.trim().is_empty(), "{lang:?}");
                let mut rest = line.to_owned();
                for placeholder in PLACEHOLDERS {
                    rest = rest.replace(placeholder, "");
                }
                assert!(
                    !rest.contains(['{', '}', '<', '>']) || line.contains("<{url}>"),
                    "{line}"
                );
            }
            assert!(b.mention_lines.iter().all(|l| l.contains("{mention}")));
            assert!(b.link_lines.iter().all(|l| l.contains("{url}")));
            assert!(b.event_lines.iter().all(|l| l.contains("{event}")));
        }
    }

    #[test]
    fn phrasebooks_are_really_in_different_languages() {
        for (i, a) in LANGS.iter().enumerate() {
            for b in &LANGS[i + 1..] {
                assert_ne!(book(*a).questions[0], book(*b).questions[0]);
                assert_ne!(book(*a).days, book(*b).days);
            }
        }
    }
}
