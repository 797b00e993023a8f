//! Reading pots, rounds and buckets. Written once for SQLite and PostgreSQL.
use super::access::PotScope;
use super::ledger;
use super::money::Account;
use super::schedule::RoundSchedule;
use super::types::{BucketStatus, BucketView, Phase, RoundMode, RoundRules, RoundSummary};
use crate::error::AppError;
use sqlx::{Any, AnyPool, Executor, FromRow};
use std::collections::HashMap;

#[derive(Clone, Debug, FromRow)]
pub struct Pot {
    pub id: i64,
    pub city_id: Option<i64>,
    pub name: String,
    pub version: i64,
}

impl Pot {
    pub fn scope(&self) -> PotScope {
        PotScope {
            city_id: self.city_id,
        }
    }
}

const POT_COLUMNS: &str = "id, city_id, name, version";

pub async fn pot<'e, E>(executor: E, id: i64) -> Result<Option<Pot>, AppError>
where
    E: Executor<'e, Database = Any>,
{
    Ok(
        sqlx::query_as(&format!("SELECT {POT_COLUMNS} FROM pots WHERE id = $1"))
            .bind(id)
            .fetch_optional(executor)
            .await?,
    )
}

/// The network's pot first, then the cities' by name.
pub async fn pots(db: &AnyPool) -> Result<Vec<Pot>, AppError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {POT_COLUMNS} FROM pots ORDER BY city_id IS NOT NULL, name"
    ))
    .fetch_all(db)
    .await?)
}

/// Every pot's balance, by pot id.
pub async fn pot_balances(db: &AnyPool) -> Result<HashMap<i64, i64>, AppError> {
    Ok(ledger::balances_with_prefix(db, "pot:")
        .await?
        .into_iter()
        .filter_map(|(key, cents)| match Account::parse(&key) {
            Some(Account::Pot(id)) => Some((id, cents)),
            _ => None,
        })
        .collect())
}

#[derive(Clone, Debug)]
pub struct Round {
    pub id: i64,
    pub pot_id: i64,
    pub mode: RoundMode,
    pub title: String,
    pub description_html: String,
    pub phase: Phase,
    pub schedule: RoundSchedule,
    pub rules: RoundRules,
}

#[derive(FromRow)]
struct RoundRow {
    id: i64,
    pot_id: i64,
    mode: String,
    title: String,
    description_html: String,
    phase: String,
    #[sqlx(flatten)]
    schedule: RoundSchedule,
    rules: String,
}

impl TryFrom<RoundRow> for Round {
    type Error = AppError;

    fn try_from(row: RoundRow) -> Result<Round, AppError> {
        let corrupt = || {
            tracing::error!(round = row.id, "a stored round does not parse");
            AppError::Internal
        };
        Ok(Round {
            id: row.id,
            pot_id: row.pot_id,
            mode: RoundMode::parse(&row.mode).ok_or_else(corrupt)?,
            phase: Phase::parse(&row.phase).ok_or_else(corrupt)?,
            rules: serde_json::from_str(&row.rules).map_err(|_| corrupt())?,
            title: row.title,
            description_html: row.description_html,
            schedule: row.schedule,
        })
    }
}

/// The columns of a round's `RoundSchedule`.
const SCHEDULE_COLUMNS: &str = "r.opens_at, r.review_at, r.voting_at, r.closes_at";
const ROUND_COLUMNS: &str = "r.id, r.pot_id, r.mode, r.title, r.description_html, r.phase, r.rules";

pub async fn round<'e, E>(executor: E, id: i64) -> Result<Option<Round>, AppError>
where
    E: Executor<'e, Database = Any>,
{
    let row: Option<RoundRow> = sqlx::query_as(&format!(
        "SELECT {ROUND_COLUMNS}, {SCHEDULE_COLUMNS} FROM budget_rounds r WHERE r.id = $1"
    ))
    .bind(id)
    .fetch_optional(executor)
    .await?;
    row.map(Round::try_from).transpose()
}

#[derive(FromRow)]
struct SummaryRow {
    id: i64,
    pot_id: i64,
    pot_name: String,
    mode: String,
    title: String,
    phase: String,
    #[sqlx(flatten)]
    schedule: RoundSchedule,
}

pub async fn round_summaries(db: &AnyPool) -> Result<Vec<RoundSummary>, AppError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "SELECT r.id, r.pot_id, p.name AS pot_name, r.mode, r.title, r.phase, {SCHEDULE_COLUMNS} \
         FROM budget_rounds r JOIN pots p ON p.id = r.pot_id ORDER BY r.id DESC"
    ))
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(RoundSummary {
                id: row.id,
                pot_id: row.pot_id,
                pot_name: row.pot_name,
                mode: RoundMode::parse(&row.mode)?,
                title: row.title,
                phase: Phase::parse(&row.phase)?,
                schedule: row.schedule,
            })
        })
        .collect())
}

pub fn summary(round: &Round, pot: &Pot) -> RoundSummary {
    RoundSummary {
        id: round.id,
        pot_id: pot.id,
        pot_name: pot.name.clone(),
        mode: round.mode,
        title: round.title.clone(),
        phase: round.phase,
        schedule: round.schedule,
    }
}

#[derive(Clone, Debug)]
pub struct Bucket {
    pub id: i64,
    pub round_id: i64,
    pub title: String,
    pub min_cents: i64,
    pub max_cents: i64,
    pub status: BucketStatus,
    pub created_by: Option<i64>,
}

type BucketMetaRow = (i64, i64, String, i64, i64, String, Option<i64>);

pub async fn bucket<'e, E>(executor: E, id: i64) -> Result<Option<Bucket>, AppError>
where
    E: Executor<'e, Database = Any>,
{
    let row: Option<BucketMetaRow> = sqlx::query_as(
        "SELECT id, round_id, title, min_cents, max_cents, status, created_by \
         FROM buckets WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(executor)
    .await?;
    row.map(
        |(id, round_id, title, min_cents, max_cents, status, created_by)| {
            Ok(Bucket {
                id,
                round_id,
                title,
                min_cents,
                max_cents,
                status: BucketStatus::parse(&status).ok_or(AppError::Internal)?,
                created_by,
            })
        },
    )
    .transpose()
}

type BucketRow = (i64, String, String, i64, i64, String, Option<String>);

/// The round's buckets, newest first, with what each received, from how many people, and what
/// the viewer gave.
pub async fn buckets_of_round(
    db: &AnyPool,
    round_id: i64,
    viewer_id: Option<i64>,
) -> Result<Vec<BucketView>, AppError> {
    let rows: Vec<BucketRow> = sqlx::query_as(
        "SELECT b.id, b.title, b.description_html, b.min_cents, b.max_cents, b.status, u.name \
         FROM buckets b LEFT JOIN users u ON u.id = b.created_by \
         WHERE b.round_id = $1 ORDER BY b.id DESC",
    )
    .bind(round_id)
    .fetch_all(db)
    .await?;
    let received = bucket_balances(db, round_id).await?;
    let contributors = contributor_counts(db, round_id).await?;
    let mine = match viewer_id {
        Some(viewer) => given_by(db, round_id, viewer).await?,
        None => HashMap::new(),
    };
    Ok(rows
        .into_iter()
        .filter_map(
            |(id, title, description_html, min_cents, max_cents, status, created_by)| {
                Some(BucketView {
                    id,
                    round_id,
                    title,
                    description_html,
                    min_cents,
                    max_cents,
                    received_cents: received.get(&id).copied().unwrap_or(0),
                    status: BucketStatus::parse(&status)?,
                    contributors: contributors.get(&id).copied().unwrap_or(0),
                    created_by,
                    mine_cents: mine.get(&id).copied().unwrap_or(0),
                })
            },
        )
        .collect())
}

/// What each bucket of the round holds, or held before its payout: contributions less refunds.
async fn bucket_balances(db: &AnyPool, round_id: i64) -> Result<HashMap<i64, i64>, AppError> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT bucket_id, CAST(SUM(CASE WHEN kind = 'contribution' THEN amount_cents \
         WHEN kind = 'refund' THEN -amount_cents ELSE 0 END) AS BIGINT) \
         FROM ledger WHERE round_id = $1 AND bucket_id IS NOT NULL GROUP BY bucket_id",
    )
    .bind(round_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().collect())
}

async fn contributor_counts(db: &AnyPool, round_id: i64) -> Result<HashMap<i64, i64>, AppError> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT bucket_id, COUNT(DISTINCT member_id) FROM ledger \
         WHERE round_id = $1 AND kind = 'contribution' GROUP BY bucket_id",
    )
    .bind(round_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().collect())
}

/// What one member gave each bucket of the round, refunds deducted.
pub async fn given_by(
    db: &AnyPool,
    round_id: i64,
    member_id: i64,
) -> Result<HashMap<i64, i64>, AppError> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT bucket_id, CAST(SUM(CASE WHEN kind = 'contribution' THEN amount_cents \
         WHEN kind = 'refund' THEN -amount_cents ELSE 0 END) AS BIGINT) \
         FROM ledger WHERE round_id = $1 AND member_id = $2 AND bucket_id IS NOT NULL \
         GROUP BY bucket_id",
    )
    .bind(round_id)
    .bind(member_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().collect())
}
