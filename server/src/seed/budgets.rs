//! The demo network's money: 2,000,000 € brought in and split between the network's pot and the
//! cities' (by their size), a funding round open in the home city with buckets at every stage,
//! and the ballot rounds of `ballots.rs`. Everything goes through the same operations
//! connectors and members use, so the demo ledger balances exactly as a real one.
use app::budget::funding::{self, Act};
use app::budget::queries;
use app::budget::rounds::{self, NewBucket, NewRound};
use app::budget::schedule::RoundSchedule;
use app::budget::types::{BudgetLine, ConsentRules, Phase, RoundMode, RoundRules};
use app::context::{Clock, Dialect, ServerState};
use app::discussion::notices::LiveNotifier;
use app::error::AppError;
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sqlx::AnyPool;

/// The network's budget, in cents, and the part of it the cities share.
const NETWORK_BUDGET_CENTS: i64 = 200_000_000;
const CITIES_SHARE_PERCENT: i64 = 60;
/// What each member of the home city gets to spend in its funding round.
const ALLOCATION_CENTS: i64 = 10_000;
/// The demo's consent rules: payouts above 3,000 € wait for a passed lazy-consent decision.
const CONSENT: ConsentRules = ConsentRules {
    rules_need_decision: false,
    payout_decision_above_cents: Some(300_000),
};

struct DemoBucket {
    title: &'static str,
    description: &'static str,
    min_euros: i64,
    max_euros: i64,
    lines: &'static [(&'static str, i64)],
    /// How far towards its maximum the demo funds it, in percent.
    funded_percent: i64,
    paid_out: bool,
}

const BUCKETS: [DemoBucket; 6] = [
    DemoBucket {
        title: "Repair café at the community centre",
        description: "Monthly **repair café**: tools, spare parts and coffee for volunteers who fix what neighbours bring.",
        min_euros: 1_500,
        max_euros: 2_500,
        lines: &[("Tools and spare parts", 1_200), ("Room rental", 800), ("Coffee and snacks", 500)],
        funded_percent: 100,
        paid_out: true,
    },
    DemoBucket {
        title: "Seed library for urban gardens",
        description: "Shelves, envelopes and a catalogue so members can swap seeds between the city's gardens.",
        min_euros: 600,
        max_euros: 1_000,
        lines: &[("Shelves", 400), ("Envelopes and labels", 200)],
        funded_percent: 75,
        paid_out: false,
    },
    DemoBucket {
        title: "Translation of the commons handbook into Spanish",
        description: "A professional translation, reviewed by members, so the Madrid and Barcelona circles can use it.",
        min_euros: 3_000,
        max_euros: 4_000,
        lines: &[("Translation", 3_200), ("Review and layout", 800)],
        funded_percent: 40,
        paid_out: false,
    },
    DemoBucket {
        title: "Open coworking afternoons",
        description: "Two afternoons a month where anyone can come and work alongside the community.",
        min_euros: 900,
        max_euros: 1_200,
        lines: &[],
        funded_percent: 15,
        paid_out: false,
    },
    DemoBucket {
        title: "Cargo bike for the food cooperative",
        description: "A shared electric cargo bike for deliveries of the neighbourhood food cooperative.",
        min_euros: 4_000,
        max_euros: 5_500,
        lines: &[("Bike", 4_800), ("Insurance, first year", 300), ("Lock and maintenance", 400)],
        funded_percent: 0,
        paid_out: false,
    },
    DemoBucket {
        title: "Podcast on sharing cities",
        description: "Six episodes with people who run commons in their city. Still a draft: help shape it in the comments.",
        min_euros: 1_000,
        max_euros: 1_800,
        lines: &[],
        funded_percent: -1,
        paid_out: false,
    },
];

pub async fn insert(db: &AnyPool, dialect: Dialect, seed: u64, now: i64) -> Result<(), AppError> {
    // The demo is seeded before any server runs: nobody listens to its live notices.
    let (live, _unheard) = LiveNotifier::new();
    let state = ServerState {
        db: db.clone(),
        dialect,
        live,
        clock: Clock::default(),
    };
    app::budget::consent::save(db, CONSENT).await?;
    let admin = user_id(db, DEMO_ADMIN_EMAIL).await?;
    let connector = user_id(db, DEMO_CONNECTOR_EMAIL).await?;
    let pots = queries::pots(db).await?;
    let Some(network) = pots.iter().find(|pot| pot.city_id.is_none()) else {
        return Ok(());
    };
    app::budget::pots::move_money(&state, None, network.id, NETWORK_BUDGET_CENTS, admin, now)
        .await?;
    split_by_size(&state, db, &pots, network.id, admin, now).await?;
    let Some(home) = home_pot(db, connector, &pots).await? else {
        return Ok(());
    };
    funding_round(&state, &home, connector, seed, now).await?;
    let other = pots
        .iter()
        .find(|pot| pot.city_id.is_some() && pot.id != home.id);
    super::ballots::insert(&state, &home, connector, other, seed, now).await
}

async fn user_id(db: &AnyPool, email: &str) -> Result<i64, AppError> {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(db)
        .await?;
    Ok(id)
}

/// Each city's pot gets its share of the cities' part, by its number of members.
async fn split_by_size(
    state: &ServerState,
    db: &AnyPool,
    pots: &[queries::Pot],
    network: i64,
    admin: i64,
    now: i64,
) -> Result<(), AppError> {
    let sizes: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT city_id, COUNT(*) FROM users WHERE is_alumni = FALSE GROUP BY city_id",
    )
    .fetch_all(db)
    .await?;
    let members: i64 = sizes.iter().map(|(_, count)| count).sum();
    let cities_part = NETWORK_BUDGET_CENTS * CITIES_SHARE_PERCENT / 100;
    for pot in pots {
        let Some(city) = pot.city_id else { continue };
        let size = sizes
            .iter()
            .find(|(id, _)| *id == city)
            .map_or(0, |(_, count)| *count);
        // Whole euros, so the demo's figures read cleanly.
        let share = cities_part * size / members.max(1) / 100 * 100;
        if share > 0 {
            app::budget::pots::move_money(state, Some(network), pot.id, share, admin, now).await?;
        }
    }
    Ok(())
}

async fn home_pot(
    db: &AnyPool,
    connector: i64,
    pots: &[queries::Pot],
) -> Result<Option<queries::Pot>, AppError> {
    let (city,): (i64,) = sqlx::query_as("SELECT city_id FROM users WHERE id = $1")
        .bind(connector)
        .fetch_one(db)
        .await?;
    Ok(pots.iter().find(|pot| pot.city_id == Some(city)).cloned())
}

async fn funding_round(
    state: &ServerState,
    pot: &queries::Pot,
    connector: i64,
    seed: u64,
    now: i64,
) -> Result<(), AppError> {
    let db = &state.db;
    let rules = RoundRules {
        cap_per_bucket_cents: Some(5_000),
        ballot: None,
    };
    let round = NewRound {
        pot,
        mode: RoundMode::Funding,
        title: "Winter commons",
        description: "Every member has **100 €** to give to the projects they care about (at most 50 € to one project). Propose yours!",
        schedule: RoundSchedule {
            opens_at: Some(now - 10 * 86_400),
            closes_at: Some(now + 45 * 86_400),
            ..RoundSchedule::default()
        },
        rules: &rules,
    };
    let round_id = rounds::create_round(db, round, connector, now).await?;
    let draft = queries::round(db, round_id)
        .await?
        .ok_or(AppError::NotFound)?;
    rounds::set_phase(db, &draft, Phase::Open, connector, now).await?;
    let round = queries::round(db, round_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let members = rounds::eligible_members(db, pot).await?;
    let grants: Vec<(i64, i64)> = members
        .iter()
        .map(|&member| (member, ALLOCATION_CENTS))
        .collect();
    let act = Act {
        actor_id: connector,
        at: now,
    };
    funding::allocate(state, &round, &grants, act).await?;
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0xb0c4e7);
    for (index, demo) in BUCKETS.iter().enumerate() {
        let creator = members[rng.random_range(0..members.len())];
        let lines: Vec<BudgetLine> = demo
            .lines
            .iter()
            .map(|(label, euros)| BudgetLine {
                label: label.to_string(),
                amount_cents: euros * 100,
            })
            .collect();
        let bucket = NewBucket {
            round_id,
            title: demo.title,
            description: demo.description,
            min_cents: demo.min_euros * 100,
            max_cents: demo.max_euros * 100,
            lines: &lines,
        };
        let at = now - (BUCKETS.len() - index) as i64 * 86_400;
        let bucket_id = rounds::create_bucket(db, bucket, creator, at).await?;
        if demo.funded_percent < 0 {
            continue; // stays a draft
        }
        sqlx::query("UPDATE buckets SET status = 'open' WHERE id = $1")
            .bind(bucket_id)
            .execute(db)
            .await?;
        fund(state, &round, bucket_id, demo, &members, &mut rng, now).await?;
        let funded = queries::bucket(db, bucket_id)
            .await?
            .is_some_and(|bucket| bucket.status == app::budget::types::BucketStatus::Funded);
        // A small demo network may not reach the minimum: then the bucket stays open.
        if demo.paid_out && funded {
            let consent = app::budget::payout::PayoutConsent {
                rules: CONSENT,
                decision: None,
            };
            app::budget::payout::pay_out(state, &round, bucket_id, &consent, act).await?;
        }
    }
    Ok(())
}

/// Gifts from random members, 10 to 50 €, until the bucket reaches its demo level, or until
/// the members' balances (a small demo network has few members) cannot take it further.
async fn fund(
    state: &ServerState,
    round: &queries::Round,
    bucket_id: i64,
    demo: &DemoBucket,
    members: &[i64],
    rng: &mut ChaCha8Rng,
    now: i64,
) -> Result<(), AppError> {
    let target = demo.max_euros * 100 * demo.funded_percent / 100;
    let mut given = 0;
    let mut refused_in_a_row = 0;
    while given < target && refused_in_a_row < 20 {
        let amount = (rng.random_range(1..=5) * 1_000).min(target - given);
        let member = members[rng.random_range(0..members.len())];
        let act = Act {
            actor_id: member,
            at: now,
        };
        // A member who reached the round's cap for this bucket, or spent everything, is
        // simply skipped.
        if funding::contribute(state, round, bucket_id, amount, act)
            .await
            .is_ok()
        {
            given += amount;
            refused_in_a_row = 0;
        } else {
            refused_in_a_row += 1;
        }
    }
    Ok(())
}
