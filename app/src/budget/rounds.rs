//! Rounds and buckets outside of money: loading them with their pot, creating them, moving
//! phases. Each change a connector or admin makes is audited in its transaction.
use super::access;
use super::audit::{self, Change};
use super::funding::Act;
use super::ledger::Tx;
use super::queries::{self, Bucket, Pot, Round};
use super::schedule::RoundSchedule;
use super::types::{BudgetLine, Phase, RoundMode, RoundRules};
use crate::accounts::types::Viewer;
use crate::context::fail;
use crate::error::AppError;
use serde_json::json;
use sqlx::AnyPool;

pub async fn round_and_pot(db: &AnyPool, round_id: i64) -> Result<(Round, Pot), AppError> {
    let round = queries::round(db, round_id)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    let pot = queries::pot(db, round.pot_id)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    Ok((round, pot))
}

pub async fn bucket_round_pot(
    db: &AnyPool,
    bucket_id: i64,
) -> Result<(Bucket, Round, Pot), AppError> {
    let bucket = queries::bucket(db, bucket_id)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    let (round, pot) = round_and_pot(db, bucket.round_id).await?;
    Ok((bucket, round, pot))
}

/// The round, when the viewer manages its pot.
pub async fn managed_round(
    db: &AnyPool,
    viewer: &Viewer,
    round_id: i64,
) -> Result<(Round, Pot), AppError> {
    let (round, pot) = round_and_pot(db, round_id).await?;
    if !access::may_manage(viewer, pot.scope()) {
        return Err(fail(AppError::Forbidden));
    }
    Ok((round, pot))
}

/// Active members who take part in the pot's rounds: the city's, or everyone's.
pub async fn eligible_members(db: &AnyPool, pot: &Pot) -> Result<Vec<i64>, AppError> {
    let rows: Vec<(i64,)> = match pot.city_id {
        Some(city) => {
            sqlx::query_as(
                "SELECT id FROM users WHERE is_alumni = FALSE AND city_id = $1 ORDER BY id",
            )
            .bind(city)
            .fetch_all(db)
            .await?
        }
        None => {
            sqlx::query_as("SELECT id FROM users WHERE is_alumni = FALSE ORDER BY id")
                .fetch_all(db)
                .await?
        }
    };
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

pub struct NewRound<'a> {
    pub pot: &'a Pot,
    pub mode: RoundMode,
    pub title: &'a str,
    pub description: &'a str,
    pub schedule: RoundSchedule,
    pub rules: &'a RoundRules,
}

pub async fn create_round(
    db: &AnyPool,
    round: NewRound<'_>,
    actor_id: i64,
    now: i64,
) -> Result<i64, AppError> {
    let rules = serde_json::to_string(round.rules).map_err(|_| AppError::Internal)?;
    let phase = round.mode.phases()[0];
    let mut tx = db.begin().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO budget_rounds (pot_id, mode, title, description, description_html, phase, \
         opens_at, review_at, voting_at, closes_at, rules, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(round.pot.id)
    .bind(round.mode.as_str())
    .bind(round.title)
    .bind(round.description)
    .bind(crate::markdown::render(round.description))
    .bind(phase.as_str())
    .bind(round.schedule.opens_at)
    .bind(round.schedule.review_at)
    .bind(round.schedule.voting_at)
    .bind(round.schedule.closes_at)
    .bind(&rules)
    .bind(actor_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Change {
            pot_id: round.pot.id,
            round_id: Some(id),
            actor_id,
            action: "create_round",
            subject: format!("round {id} \"{}\"", round.title),
            before: None,
            after: Some(json!({ "mode": round.mode.as_str(), "phase": phase.as_str(), "rules": round.rules })),
            at: now,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Sets a round's planned dates, audited with the dates before and after.
pub async fn set_schedule(
    db: &AnyPool,
    round: &Round,
    schedule: &RoundSchedule,
    act: Act,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "UPDATE budget_rounds SET opens_at = $2, review_at = $3, voting_at = $4, closes_at = $5 \
         WHERE id = $1",
    )
    .bind(round.id)
    .bind(schedule.opens_at)
    .bind(schedule.review_at)
    .bind(schedule.voting_at)
    .bind(schedule.closes_at)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Change::in_round(round, act, "schedule", audit::round_subject(round))
            .values(json!(round.schedule), json!(schedule)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Moves a round to another phase of its mode. The change is audited; a tallied round stays so.
pub async fn set_phase(
    db: &AnyPool,
    round: &Round,
    phase: Phase,
    actor_id: i64,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let done = sqlx::query("UPDATE budget_rounds SET phase = $2 WHERE id = $1 AND phase = $3")
        .bind(round.id)
        .bind(phase.as_str())
        .bind(round.phase.as_str())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        // Someone moved it meanwhile: say so rather than overwrite their change.
        return Err(fail(AppError::Conflict));
    }
    audit::record(
        &mut tx,
        Change::in_round(
            round,
            Act { actor_id, at: now },
            "phase",
            audit::round_subject(round),
        )
        .values(
            json!({ "phase": round.phase.as_str() }),
            json!({ "phase": phase.as_str() }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub struct NewBucket<'a> {
    pub round_id: i64,
    pub title: &'a str,
    pub description: &'a str,
    pub min_cents: i64,
    pub max_cents: i64,
    pub lines: &'a [BudgetLine],
}

pub async fn create_bucket(
    db: &AnyPool,
    bucket: NewBucket<'_>,
    creator_id: i64,
    now: i64,
) -> Result<i64, AppError> {
    let mut tx = db.begin().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO buckets (round_id, title, description, description_html, min_cents, \
         max_cents, status, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8) RETURNING id",
    )
    .bind(bucket.round_id)
    .bind(bucket.title)
    .bind(bucket.description)
    .bind(crate::markdown::render(bucket.description))
    .bind(bucket.min_cents)
    .bind(bucket.max_cents)
    .bind(creator_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    insert_lines(&mut tx, id, bucket.lines).await?;
    sqlx::query("INSERT INTO bucket_cocreators (bucket_id, user_id) VALUES ($1, $2)")
        .bind(id)
        .bind(creator_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(id)
}

async fn insert_lines(
    tx: &mut Tx<'_>,
    bucket_id: i64,
    lines: &[BudgetLine],
) -> Result<(), AppError> {
    for line in lines {
        sqlx::query(
            "INSERT INTO bucket_lines (bucket_id, label, amount_cents) VALUES ($1, $2, $3)",
        )
        .bind(bucket_id)
        .bind(&line.label)
        .bind(line.amount_cents)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Whether the member is one of the bucket's co-creators (its author among them).
pub async fn is_cocreator(db: &AnyPool, bucket_id: i64, user_id: i64) -> Result<bool, AppError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT user_id FROM bucket_cocreators WHERE bucket_id = $1 AND user_id = $2",
    )
    .bind(bucket_id)
    .bind(user_id)
    .fetch_optional(db)
    .await?;
    Ok(row.is_some())
}
