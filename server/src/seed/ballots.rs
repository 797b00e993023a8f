//! The demo network's participatory budgets: one open for voting in the home city (the demo
//! accounts have not voted yet, so they can), and one already counted in the second city, whose
//! published result and what-if can be explored. Ballots go through the same operations members
//! use; the preferences behind them are drawn so that a popular majority and smaller groups
//! disagree, which is where the Method of Equal Shares differs from a plain count.
use app::budget::ballot_setup::{BallotKind, BallotSetup};
use app::budget::ballots;
use app::budget::funding::Act;
use app::budget::queries::{self, Pot};
use app::budget::rounds::{self, NewRound};
use app::budget::schedule::RoundSchedule;
use app::budget::types::{Phase, RoundMode, RoundRules};
use app::context::ServerState;
use app::error::AppError;
use budget_rules::Rule;
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};

const DAY: i64 = 86_400;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

struct DemoProject {
    title: &'static str,
    description: &'static str,
    euros: i64,
    /// How likely a voter is to back it, in percent, before their own leaning.
    appeal: u32,
    /// Projects of the same group draw the same voters.
    group: u8,
}

const HOME_PROJECTS: &[DemoProject] = &[
    DemoProject { title: "Shaded benches on the canal", description: "Twelve benches under new trees along the canal, built by a local carpentry cooperative.", euros: 4_000, appeal: 60, group: 0 },
    DemoProject { title: "Repair café every Saturday", description: "Tools, a room and coffee for volunteers who fix what neighbours bring.", euros: 1_500, appeal: 45, group: 0 },
    DemoProject { title: "Community fridge", description: "A fridge in the market hall where shops and neighbours leave food instead of throwing it away.", euros: 900, appeal: 35, group: 1 },
    DemoProject { title: "Bike workshop for teenagers", description: "Weekly sessions where teenagers learn to repair and build bikes, then keep one.", euros: 2_500, appeal: 30, group: 1 },
    DemoProject { title: "Sign-language café evenings", description: "Monthly evenings with interpreters, so deaf and hearing neighbours meet.", euros: 1_200, appeal: 15, group: 2 },
    DemoProject { title: "Rooftop garden on the library", description: "Raised beds, water tanks and a shed on the library's flat roof.", euros: 5_500, appeal: 40, group: 0 },
    DemoProject { title: "Open data on rents", description: "A small team maps rents across the city from tenants' own declarations.", euros: 3_000, appeal: 20, group: 2 },
];

const COUNTED_PROJECTS: &[DemoProject] = &[
    DemoProject {
        title: "Coworking seats for newcomers",
        description: "A year of free desks for people new to the city who are looking for work.",
        euros: 3_500,
        appeal: 55,
        group: 0,
    },
    DemoProject {
        title: "Festival of the commons",
        description: "A weekend of workshops, talks and music in the park.",
        euros: 4_500,
        appeal: 50,
        group: 0,
    },
    DemoProject {
        title: "Tool library",
        description:
            "Lend drills, ladders and sewing machines instead of everyone buying their own.",
        euros: 1_800,
        appeal: 35,
        group: 1,
    },
    DemoProject {
        title: "Translation circle",
        description: "Volunteers translate the network's guides into the languages spoken here.",
        euros: 800,
        appeal: 20,
        group: 2,
    },
    DemoProject {
        title: "Solar panels on the community house",
        description: "Panels and a battery, so the house runs its events on its own power.",
        euros: 6_000,
        appeal: 30,
        group: 1,
    },
    DemoProject {
        title: "Childcare at every meetup",
        description: "A childminder at monthly meetups, so parents can take part.",
        euros: 1_400,
        appeal: 25,
        group: 2,
    },
];

/// Seeds both rounds; the home pot is the demo connector's, `other` a second city's.
pub async fn insert(
    state: &ServerState,
    home: &Pot,
    home_connector: i64,
    other: Option<&Pot>,
    seed: u64,
    now: i64,
) -> Result<(), AppError> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0xba1107);
    let voting = DemoRound {
        pot: home,
        connector: home_connector,
        title: "Neighbourhood budget 2027",
        description: "Choose **up to three** projects for the neighbourhood. 10,000 € goes to the projects the Method of Equal Shares selects: every voter gets an equal share of the budget to spend on what they approved.",
        projects: HOME_PROJECTS,
        setup: BallotSetup {
            budget_cents: 1_000_000,
            kind: BallotKind::Approval {
                min_projects: None,
                max_projects: Some(3),
                max_total_cost_cents: None,
            },
            rule: Rule::MesAdd1Greedy,
            counts_public: false,
        },
        schedule: RoundSchedule {
            review_at: Some(now - 21 * DAY),
            voting_at: Some(now - 7 * DAY),
            closes_at: Some(now + 21 * DAY),
            ..RoundSchedule::default()
        },
    };
    let round = voting.open(state, now).await?;
    cast_ballots(state, &voting, &round, &mut rng, now).await?;
    let Some(other) = other else { return Ok(()) };
    let Some(connector) = connector_of(state, other).await? else {
        return Ok(());
    };
    let counted = DemoRound {
        pot: other,
        connector,
        title: "Spring participatory budget",
        description: "Spread **10 points** over the projects you want, at most 5 on one. The 12,000 € went to the projects the Method of Equal Shares selected.",
        projects: COUNTED_PROJECTS,
        setup: BallotSetup {
            budget_cents: 1_200_000,
            kind: BallotKind::Cumulative {
                max_per_project: Some(5),
                max_total: 10,
            },
            rule: Rule::MesAdd1Greedy,
            counts_public: true,
        },
        schedule: RoundSchedule {
            review_at: Some(now - 35 * DAY),
            voting_at: Some(now - 30 * DAY),
            closes_at: Some(now - 14 * DAY),
            ..RoundSchedule::default()
        },
    };
    let round = counted.open(state, now - 30 * 86_400).await?;
    cast_ballots(state, &counted, &round, &mut rng, now - 20 * 86_400).await?;
    let act = Act {
        actor_id: connector,
        at: now - 14 * 86_400,
    };
    ballots::tally(state, &round, &counted.setup, act).await?;
    Ok(())
}

struct DemoRound<'a> {
    pot: &'a Pot,
    connector: i64,
    title: &'a str,
    description: &'a str,
    projects: &'a [DemoProject],
    setup: BallotSetup,
    schedule: RoundSchedule,
}

impl DemoRound<'_> {
    /// Creates the round with its projects accepted, and opens voting (which sets the budget
    /// aside from the pot). Answers the round as it now stands.
    async fn open(&self, state: &ServerState, at: i64) -> Result<queries::Round, AppError> {
        let db = &state.db;
        let rules = RoundRules {
            cap_per_bucket_cents: None,
            ballot: Some(self.setup.clone()),
        };
        let new = NewRound {
            pot: self.pot,
            mode: RoundMode::Ballot,
            title: self.title,
            description: self.description,
            schedule: self.schedule,
            rules: &rules,
        };
        let id = rounds::create_round(db, new, self.connector, at).await?;
        for project in self.projects {
            sqlx::query(
                "INSERT INTO ballot_projects (round_id, title, description, description_html, \
                 cost_cents, status, proposed_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, 'accepted', $6, $7)",
            )
            .bind(id)
            .bind(project.title)
            .bind(project.description)
            .bind(app::markdown::render(project.description))
            .bind(project.euros * 100)
            .bind(self.connector)
            .bind(at)
            .execute(db)
            .await?;
        }
        let round = round(db, id).await?;
        rounds::set_phase(db, &round, Phase::Review, self.connector, at).await?;
        let round = self::round(db, id).await?;
        let act = Act {
            actor_id: self.connector,
            at,
        };
        ballots::open_voting(state, &round, &self.setup, act).await?;
        self::round(db, id).await
    }
}

async fn round(db: &sqlx::AnyPool, id: i64) -> Result<queries::Round, AppError> {
    queries::round(db, id).await?.ok_or(AppError::NotFound)
}

/// About a third of the pot's members vote, the demo accounts excepted. Each leans to one group
/// of projects and backs the projects it likes most, within the round's ballot.
async fn cast_ballots(
    state: &ServerState,
    demo: &DemoRound<'_>,
    round: &queries::Round,
    rng: &mut ChaCha8Rng,
    at: i64,
) -> Result<(), AppError> {
    let projects: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM ballot_projects WHERE round_id = $1 ORDER BY id")
            .bind(round.id)
            .fetch_all(&state.db)
            .await?;
    let demo_accounts: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM users WHERE email IN ($1, $2, $3)")
            .bind(DEMO_ADMIN_EMAIL)
            .bind(DEMO_CONNECTOR_EMAIL)
            .bind(DEMO_MEMBER_EMAIL)
            .fetch_all(&state.db)
            .await?;
    let members = rounds::eligible_members(&state.db, demo.pot).await?;
    for member in members {
        if demo_accounts.iter().any(|(id,)| *id == member) || !rng.random_ratio(1, 3) {
            continue;
        }
        let leaning = rng.random_range(0..3u8);
        let mut liked: Vec<(i64, u32)> = demo
            .projects
            .iter()
            .zip(&projects)
            .map(|(project, (id,))| {
                let boost = if project.group == leaning { 40 } else { 0 };
                (*id, rng.random_range(0..100) + boost + project.appeal)
            })
            .collect();
        liked.sort_by_key(|(_, liking)| std::cmp::Reverse(*liking));
        let choices = ballot_choices(&demo.setup.kind, &liked, rng);
        ballots::cast(state, round, member, &choices, at).await?;
    }
    Ok(())
}

/// The member's favourites in order, as a ballot the round accepts.
fn ballot_choices(
    kind: &BallotKind,
    liked: &[(i64, u32)],
    rng: &mut ChaCha8Rng,
) -> Vec<(i64, i64)> {
    match kind {
        BallotKind::Approval { max_projects, .. } => {
            let most = max_projects.unwrap_or(liked.len()).min(liked.len()).max(1);
            let count = rng.random_range(1..=most);
            liked.iter().take(count).map(|(id, _)| (*id, 1)).collect()
        }
        BallotKind::Cumulative {
            max_per_project,
            max_total,
        } => {
            let per_project = max_per_project.unwrap_or(*max_total);
            let mut left = *max_total;
            let mut choices = Vec::new();
            for (id, _) in liked {
                if left == 0 {
                    break;
                }
                let points = rng.random_range(1..=per_project.min(left));
                choices.push((*id, points));
                left -= points;
            }
            choices
        }
    }
}

async fn connector_of(state: &ServerState, pot: &Pot) -> Result<Option<i64>, AppError> {
    let Some(city) = pot.city_id else {
        return Ok(None);
    };
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT user_id FROM connectors WHERE city_id = $1 ORDER BY user_id LIMIT 1",
    )
    .bind(city)
    .fetch_optional(&state.db)
    .await?;
    Ok(row.map(|(id,)| id))
}
