//! One generated person: name, email, languages, skills, bio, visibility and join date.

use rand::Rng;

use crate::bios::{self, BioLang};
use crate::cities::CitySpec;
use crate::fold::email_part;
use crate::names::{self, NamePool};
use crate::skills::{self, SKILLS};
use crate::{DemoPerson, DemoRole};

/// Share of a city's people whose names come from its own region; the rest moved there.
const LOCAL_SHARE: f64 = 0.8;
/// Share of people who appear on the member map (the brief's "about 60 %").
const MAP_VISIBLE_SHARE: f64 = 0.6;
/// Languages people often pick up as a third one.
const EXTRA_LANGS: &[&str] = &["en", "fr", "es", "de", "it", "pt"];

/// Where a person goes and what is fixed about them before anything is drawn.
pub(crate) struct Slot<'a> {
    /// Position in `DemoNetwork::people`; makes generated emails unique.
    pub index: usize,
    pub city: usize,
    pub spec: &'a CitySpec,
    pub role: DemoRole,
    /// The demo accounts keep their well-known address.
    pub fixed_email: Option<&'static str>,
    /// Joined in the last 30 days, so that every city has someone to welcome.
    pub newcomer: bool,
    /// The demo member must be on the map so that the map can be demonstrated with it.
    pub force_visible: bool,
}

fn chance<R: Rng>(rng: &mut R, p: f64) -> bool {
    rng.random::<f64>() < p
}

fn pick<R: Rng>(rng: &mut R, items: &'static [&'static str]) -> Option<&'static str> {
    match items.len() {
        0 => None,
        len => Some(items[rng.random_range(0..len)]),
    }
}

/// Someone from another region: the regions of the default network come up more often than
/// the rest of the world, as in a network that grew out of Europe and the Americas.
fn foreign_pool<R: Rng>(rng: &mut R, local: &NamePool) -> &'static NamePool {
    let others = || {
        names::ALL
            .iter()
            .copied()
            .filter(|p| !std::ptr::eq(*p, local))
    };
    let total: u32 = others().map(|p| p.abroad_weight).sum();
    if total == 0 {
        return names::ALL.first().copied().unwrap_or(&names::ENGLISH);
    }
    let mut ticket = rng.random_range(0..total);
    for pool in others() {
        if ticket < pool.abroad_weight {
            return pool;
        }
        ticket -= pool.abroad_weight;
    }
    &names::ENGLISH
}

fn full_name<R: Rng>(rng: &mut R, pool: &NamePool) -> (&'static str, String) {
    let female = chance(rng, 0.5);
    let first = pick(rng, if female { pool.female } else { pool.male }).unwrap_or("Alex");
    let surname = |rng: &mut R| {
        let i = rng.random_range(0..pool.last.len().max(1));
        let forms = if female && !pool.last_female.is_empty() {
            pool.last_female
        } else {
            pool.last
        };
        forms.get(i).copied().unwrap_or("Martin")
    };
    let mut last = surname(rng).to_owned();
    if pool.double_surname && chance(rng, 0.25) {
        let second = surname(rng);
        if second != last {
            last = format!("{last} {second}");
        }
    }
    (first, last)
}

fn push_lang(langs: &mut Vec<&'static str>, lang: &'static str) {
    if langs.len() < 3 && !langs.contains(&lang) {
        langs.push(lang);
    }
}

/// One to three ISO 639-1 codes, the first being the person's main language: locals speak
/// their city's language(s), people from elsewhere their own plus, often, the city's; English
/// is common, and some speak a third language.
fn languages<R: Rng>(rng: &mut R, spec: &CitySpec, origin: Option<&NamePool>) -> Vec<String> {
    let mut langs: Vec<&'static str> = Vec::with_capacity(3);
    match origin {
        None => {
            for (i, &lang) in spec.langs.iter().enumerate() {
                if i == 0 || chance(rng, 0.5) {
                    push_lang(&mut langs, lang);
                }
            }
            if chance(rng, 0.7) {
                push_lang(&mut langs, "en");
            }
        }
        Some(pool) => {
            if let Some(own) = pick(rng, pool.langs) {
                push_lang(&mut langs, own);
            }
            if let (Some(&city_lang), true) = (spec.langs.first(), chance(rng, 0.75)) {
                push_lang(&mut langs, city_lang);
            }
            if chance(rng, 0.6) {
                push_lang(&mut langs, "en");
            }
        }
    }
    if chance(rng, 0.2) {
        if let Some(extra) = pick(rng, EXTRA_LANGS) {
            push_lang(&mut langs, extra);
        }
    }
    if langs.is_empty() {
        langs.push("en");
    }
    langs.into_iter().map(str::to_owned).collect()
}

/// People mostly write in their main language when a template set exists for it, otherwise
/// in English, the network's common language.
fn bio_lang<R: Rng>(rng: &mut R, langs: &[String]) -> BioLang {
    let main = langs.first().and_then(|l| BioLang::from_code(l));
    match main {
        Some(lang) if chance(rng, 0.7) => lang,
        _ if langs.iter().any(|l| l == "en") => BioLang::En,
        _ => langs
            .iter()
            .find_map(|l| BioLang::from_code(l))
            .unwrap_or(BioLang::En),
    }
}

/// Days since joining, at most ten years. Connectors have been around for a while; members
/// are spread over the network's life with a steady trickle of recent arrivals.
fn joined_days_ago<R: Rng>(rng: &mut R, role: DemoRole, newcomer: bool) -> u32 {
    if newcomer {
        return rng.random_range(0..=30);
    }
    match role {
        DemoRole::Connector => rng.random_range(180..=3650),
        DemoRole::Member => match rng.random_range(0..100u32) {
            0..=9 => rng.random_range(0..=30),
            10..=34 => rng.random_range(31..=365),
            _ => rng.random_range(366..=3650),
        },
    }
}

pub(crate) fn make_person<R: Rng>(rng: &mut R, slot: &Slot<'_>) -> DemoPerson {
    let origin = if chance(rng, LOCAL_SHARE) {
        None
    } else {
        Some(foreign_pool(rng, slot.spec.names))
    };
    let (first, last) = full_name(rng, origin.unwrap_or(slot.spec.names));
    let email = match slot.fixed_email {
        Some(email) => email.to_owned(),
        None => format!(
            "{}.{}.{}@edges.demo",
            email_part(first),
            email_part(&last),
            slot.index
        ),
    };
    let languages = languages(rng, slot.spec, origin);
    let skill_count = rng.random_range(2..=5);
    let skill_ids = skills::pick(rng, skill_count);
    let lang = bio_lang(rng, &languages);
    let label = |n: usize| {
        skill_ids
            .get(n)
            .and_then(|&i| SKILLS.get(i))
            .map_or("", |s| s.labels[lang.index()])
    };
    let connector = slot.role == DemoRole::Connector;
    let bio = bios::compose(
        rng,
        lang,
        slot.spec.name_in(lang),
        (label(0), label(1)),
        connector,
    );
    let skills = skill_ids
        .iter()
        .filter_map(|&i| SKILLS.get(i))
        .map(|s| s.tag.to_owned())
        .collect();
    let map_visible = chance(rng, MAP_VISIBLE_SHARE) || slot.force_visible;
    DemoPerson {
        name: format!("{first} {last}"),
        email,
        city: slot.city,
        bio,
        skills,
        languages,
        map_visible,
        role: slot.role,
        joined_days_ago: joined_days_ago(rng, slot.role, slot.newcomer),
    }
}
