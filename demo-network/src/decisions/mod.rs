//! The demo network's decisions: a past with outcomes in several cities and at network level, and
//! a few open proposals of each kind. Deterministic for a given seed; times are offsets from the
//! moment of seeding, so the caller places them.
mod subjects;

use crate::{DemoNetwork, DemoParams, DemoRole};
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use subjects::{Subject, Text, ADVICE, DAY_TO_DAY, FORMAL, POLLS};

const DAY: i64 = 86_400;
/// The three demo accounts lead `people`: they take no stance, so they see the open proposals as
/// someone who has not decided yet.
const DEMO_ACCOUNTS: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoProposal {
    /// Index into the network's cities; `None` for the whole network.
    pub city: Option<usize>,
    /// `lazy_consent`, `three_connector`, `sense_check` or `poll`.
    pub kind: &'static str,
    /// `open` or the outcome.
    pub status: &'static str,
    pub title: String,
    pub body: String,
    pub statement: String,
    /// Index into the network's people.
    pub author: usize,
    /// How long before now it was opened, in seconds.
    pub opened_ago: i64,
    /// Seconds from opening to the closing time.
    pub open_for: i64,
    /// Seconds from opening to its outcome, when it came before the closing time.
    pub decided_after: Option<i64>,
    /// Seconds from the outcome to the review date.
    pub review_after: Option<i64>,
    pub options: Vec<String>,
    pub stances: Vec<DemoStance>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoStance {
    pub person: usize,
    /// `agree`, `abstain`, `object`, `block` or `choice`.
    pub stance: &'static str,
    pub reason: String,
    /// Index into the proposal's options, for a vote.
    pub option: Option<usize>,
    /// Seconds after opening.
    pub after: i64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Formal,
    DayToDay,
    Advice,
    Poll,
}

/// Who can take part where: everyone but the demo accounts, and the connectors.
struct Scope {
    city: Option<usize>,
    people: Vec<usize>,
    connectors: Vec<usize>,
}

fn scopes(network: &DemoNetwork) -> Vec<Scope> {
    let in_city = |city: Option<usize>, connectors_only: bool| -> Vec<usize> {
        (DEMO_ACCOUNTS..network.people.len())
            .filter(|&i| city.is_none_or(|city| network.people[i].city == city))
            .filter(|&i| !connectors_only || network.people[i].role == DemoRole::Connector)
            .collect()
    };
    std::iter::once(None)
        .chain((0..network.cities.len()).map(Some))
        .map(|city| Scope {
            city,
            people: in_city(city, false),
            connectors: in_city(city, true),
        })
        .filter(|scope| !scope.people.is_empty())
        .collect()
}

pub fn generate_decisions(params: &DemoParams, network: &DemoNetwork) -> Vec<DemoProposal> {
    let mut rng = ChaCha8Rng::seed_from_u64(params.seed ^ 0xdec1_5105);
    let mut proposals = Vec::new();
    for (position, scope) in scopes(network).iter().enumerate() {
        let past = match scope.city {
            None => 6,
            Some(city) if city < 6 => 3,
            Some(_) => 1,
        };
        const CYCLE: [Kind; 6] = [
            Kind::Formal,
            Kind::DayToDay,
            Kind::Advice,
            Kind::Formal,
            Kind::Poll,
            Kind::Formal,
        ];
        for n in 0..past {
            let kind = CYCLE[(n + position) % CYCLE.len()];
            proposals.push(past_proposal(&mut rng, network, scope, kind));
        }
        let open: &[Kind] = match scope.city {
            None | Some(0) => &[Kind::Formal, Kind::DayToDay, Kind::Advice, Kind::Poll],
            Some(city) if city < 4 => &[Kind::Formal],
            Some(_) => &[],
        };
        for &kind in open {
            proposals.push(open_proposal(&mut rng, network, scope, kind));
        }
    }
    proposals
}

fn subject(rng: &mut ChaCha8Rng, kind: Kind) -> (&'static Subject, Vec<String>) {
    match kind {
        Kind::Formal => (pick(rng, &FORMAL), Vec::new()),
        Kind::DayToDay => (pick(rng, &DAY_TO_DAY), Vec::new()),
        Kind::Advice => (pick(rng, &ADVICE), Vec::new()),
        Kind::Poll => {
            let (subject, options) = pick(rng, &POLLS);
            (
                subject,
                options.iter().map(|option| option.to_string()).collect(),
            )
        }
    }
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Formal => "lazy_consent",
        Kind::DayToDay => "three_connector",
        Kind::Advice => "sense_check",
        Kind::Poll => "poll",
    }
}

/// The text in the author's language: French for French speakers, English otherwise.
fn text<'a>(network: &DemoNetwork, author: usize, subject: &'a Subject) -> &'a Text {
    let french = network.people[author]
        .languages
        .first()
        .is_some_and(|lang| lang == "fr");
    if french {
        &subject.fr
    } else {
        &subject.en
    }
}

fn window(kind: Kind) -> i64 {
    if kind == Kind::Formal {
        7 * DAY
    } else {
        3 * DAY
    }
}

/// Stances by a few of the scope's people (connectors where the rule asks for them), spread over
/// `span` seconds from opening.
fn stances(
    rng: &mut ChaCha8Rng,
    scope: &Scope,
    kind: Kind,
    options: usize,
    span: i64,
) -> Vec<DemoStance> {
    let mut people = if kind == Kind::DayToDay {
        scope.connectors.clone()
    } else {
        scope.people.clone()
    };
    people.shuffle(rng);
    let count = match kind {
        Kind::DayToDay => people.len().min(3),
        _ => people.len().min(rng.random_range(3..=10)),
    };
    people
        .into_iter()
        .take(count)
        .map(|person| {
            let (stance, option) = match kind {
                Kind::Poll => ("choice", Some(rng.random_range(0..options.max(1)))),
                Kind::DayToDay => ("agree", None),
                _ => (
                    *["agree", "agree", "agree", "abstain"]
                        .choose(rng)
                        .unwrap_or(&"agree"),
                    None,
                ),
            };
            DemoStance {
                person,
                stance,
                reason: String::new(),
                option,
                after: rng.random_range(600..span.max(601)),
            }
        })
        .collect()
}

fn past_proposal(
    rng: &mut ChaCha8Rng,
    network: &DemoNetwork,
    scope: &Scope,
    kind: Kind,
) -> DemoProposal {
    let (subject, options) = subject(rng, kind);
    let author = *scope.people.choose(rng).unwrap_or(&DEMO_ACCOUNTS);
    let text = text(network, author, subject);
    let open_for = window(kind);
    let mut stances = stances(rng, scope, kind, options.len(), open_for);
    let roll = rng.random_range(0..100);
    let (status, statement) = match kind {
        Kind::Formal if roll < 15 && !scope.connectors.is_empty() => {
            let blocker = *scope.connectors.choose(rng).unwrap_or(&author);
            stances.retain(|stance| stance.person != blocker);
            stances.push(DemoStance {
                person: blocker,
                stance: "block",
                reason: text.concern.to_string(),
                option: None,
                after: open_for / 2,
            });
            ("blocked", String::new())
        }
        Kind::Formal if roll < 30 => ("withdrawn", text.concern.to_string()),
        Kind::Formal => {
            if let Some(first) = stances.first_mut().filter(|_| roll % 3 == 0) {
                first.stance = "object";
                first.reason = text.concern.to_string();
            }
            ("passed", text.statement.to_string())
        }
        Kind::DayToDay if stances.len() < 3 || roll < 25 => {
            stances.truncate(1);
            ("lapsed", String::new())
        }
        Kind::DayToDay => ("passed", text.statement.to_string()),
        Kind::Advice | Kind::Poll => ("closed", text.statement.to_string()),
    };
    // Three agreeing connectors pass it at the third agreement; a withdrawal comes mid-way.
    let decided_after = match (kind, status) {
        (Kind::DayToDay, "passed") => stances.iter().map(|stance| stance.after).max(),
        (_, "withdrawn") => Some(open_for / 2),
        _ => None,
    };
    if let Some(end) = decided_after {
        stances.retain(|stance| stance.after <= end);
    }
    stances.sort_by_key(|stance| stance.after);
    DemoProposal {
        city: scope.city,
        kind: kind_name(kind),
        status,
        title: text.title.to_string(),
        body: text.body.to_string(),
        statement,
        author,
        opened_ago: rng.random_range(12..=360) * DAY + rng.random_range(0..DAY),
        open_for,
        decided_after,
        review_after: (status == "passed" && roll % 2 == 0).then_some(180 * DAY),
        options,
        stances,
    }
}

fn open_proposal(
    rng: &mut ChaCha8Rng,
    network: &DemoNetwork,
    scope: &Scope,
    kind: Kind,
) -> DemoProposal {
    let (subject, options) = subject(rng, kind);
    let author = *scope.people.choose(rng).unwrap_or(&DEMO_ACCOUNTS);
    let text = text(network, author, subject);
    let opened_ago = rng.random_range(1..=3) * DAY + rng.random_range(0..DAY);
    let open_for = opened_ago + rng.random_range(2..=6) * DAY + rng.random_range(0..DAY);
    let mut stances = stances(rng, scope, kind, options.len(), opened_ago);
    if kind == Kind::DayToDay {
        // Still open: fewer than three connectors have agreed.
        stances.truncate(stances.len().min(2));
    }
    if kind == Kind::Formal && scope.city == Some(0) {
        // A standing block in the first city, waiting to be answered.
        if let Some(&blocker) = scope
            .connectors
            .iter()
            .find(|&&connector| connector != author)
        {
            stances.retain(|stance| stance.person != blocker);
            stances.push(DemoStance {
                person: blocker,
                stance: "block",
                reason: text.concern.to_string(),
                option: None,
                after: opened_ago / 2,
            });
        }
    }
    stances.sort_by_key(|stance| stance.after);
    DemoProposal {
        city: scope.city,
        kind: kind_name(kind),
        status: "open",
        title: text.title.to_string(),
        body: text.body.to_string(),
        statement: String::new(),
        author,
        opened_ago,
        open_for,
        decided_after: None,
        review_after: None,
        options,
        stances,
    }
}

#[cfg(test)]
mod tests;
