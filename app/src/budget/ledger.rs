//! The ledger: money moves only through here, as append-only rows, inside the transaction of the
//! change that moves it. Every balance is derived from these rows.
use super::money::{Account, MAX_CENTS};
use crate::error::{AppError, Problem};
use sqlx::{Any, Transaction};

pub type Tx<'c> = Transaction<'c, Any>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MovementKind {
    /// Money entering the network.
    Deposit,
    /// From one pot to another (the split between the network and the cities).
    Transfer,
    /// From a pot to a member's balance in a funding round.
    Allocation,
    /// From a member's balance back to the pot.
    Withdrawal,
    /// From a member's balance to a bucket.
    Contribution,
    /// From a cancelled bucket back to its contributor.
    Refund,
    /// From a bucket (or a ballot round's budget) out of the network, to the project.
    Payout,
    /// From a pot to a ballot round's budget.
    Reserve,
    /// What a ballot round did not spend, back to its pot.
    Release,
}

impl MovementKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MovementKind::Deposit => "deposit",
            MovementKind::Transfer => "transfer",
            MovementKind::Allocation => "allocation",
            MovementKind::Withdrawal => "withdrawal",
            MovementKind::Contribution => "contribution",
            MovementKind::Refund => "refund",
            MovementKind::Payout => "payout",
            MovementKind::Reserve => "reserve",
            MovementKind::Release => "release",
        }
    }
}

/// One movement about to be written.
#[derive(Clone, Copy, Debug)]
pub struct Movement {
    pub kind: MovementKind,
    pub amount_cents: i64,
    pub from: Account,
    pub to: Account,
    pub pot_id: i64,
    pub round_id: Option<i64>,
    pub bucket_id: Option<i64>,
    /// A ballot round's winner, for its payout.
    pub project_id: Option<i64>,
    pub member_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub at: i64,
}

/// The first statement of every transaction that moves a pot's money. Bumping the version takes
/// the pot's row lock on PostgreSQL and the write lock on SQLite, so the balances read next are
/// the latest and no other movement of this pot can interleave. Answers the new version.
pub async fn lock_pot(tx: &mut Tx<'_>, pot_id: i64) -> Result<i64, AppError> {
    let row: Option<(i64,)> =
        sqlx::query_as("UPDATE pots SET version = version + 1 WHERE id = $1 RETURNING version")
            .bind(pot_id)
            .fetch_optional(&mut **tx)
            .await?;
    row.map(|(version,)| version).ok_or(AppError::NotFound)
}

/// What the account received minus what it gave.
pub async fn balance<'e, E>(executor: E, account: Account) -> Result<i64, AppError>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    let (net,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(CASE WHEN credit = $1 THEN amount_cents ELSE -amount_cents END), 0) \
         AS BIGINT) FROM ledger WHERE credit = $1 OR debit = $1",
    )
    .bind(account.key())
    .fetch_one(executor)
    .await?;
    Ok(net)
}

/// The balance of every account whose key starts with `prefix` (`pot:`, `bucket:`), by key.
pub async fn balances_with_prefix<'e, E>(
    executor: E,
    prefix: &str,
) -> Result<Vec<(String, i64)>, AppError>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT account, CAST(SUM(delta) AS BIGINT) FROM ( \
           SELECT credit AS account, amount_cents AS delta FROM ledger WHERE credit LIKE $1 \
           UNION ALL \
           SELECT debit AS account, -amount_cents AS delta FROM ledger WHERE debit LIKE $1 \
         ) AS moves GROUP BY account",
    )
    .bind(format!("{prefix}%"))
    .fetch_all(executor)
    .await?;
    Ok(rows)
}

/// Writes a movement after checking that the account it leaves holds enough. Callers hold the
/// pot's lock (see [`lock_pot`]), so the check and the write see the same balance.
pub async fn record(tx: &mut Tx<'_>, movement: Movement) -> Result<(), AppError> {
    if movement.amount_cents <= 0 || movement.amount_cents > MAX_CENTS {
        return Err(AppError::invalid("amount", Problem::BadAmount));
    }
    if !movement.from.may_go_negative() {
        let available = balance(&mut **tx, movement.from).await?;
        if available < movement.amount_cents {
            return Err(AppError::invalid(
                "amount",
                Problem::NotEnoughMoney {
                    available_cents: available.max(0),
                },
            ));
        }
    }
    insert(tx, &[movement]).await
}

/// Writes movements whose source the caller has already checked as a whole (an allocation to
/// thousands of members checks the pot once), in multi-row statements.
pub async fn record_checked(tx: &mut Tx<'_>, movements: &[Movement]) -> Result<(), AppError> {
    if movements
        .iter()
        .any(|movement| movement.amount_cents <= 0 || movement.amount_cents > MAX_CENTS)
    {
        return Err(AppError::invalid("amount", Problem::BadAmount));
    }
    for chunk in movements.chunks(ROWS_PER_INSERT) {
        insert(tx, chunk).await?;
    }
    Ok(())
}

/// Eleven values per row: well under SQLite's limit of bound parameters per statement.
const ROWS_PER_INSERT: usize = 80;
const COLUMNS: usize = 11;

async fn insert(tx: &mut Tx<'_>, movements: &[Movement]) -> Result<(), AppError> {
    if movements.is_empty() {
        return Ok(());
    }
    let rows: Vec<String> = (0..movements.len())
        .map(|row| {
            let first = row * COLUMNS + 1;
            let places: Vec<String> = (first..first + COLUMNS).map(|n| format!("${n}")).collect();
            format!("({})", places.join(", "))
        })
        .collect();
    let sql = format!(
        "INSERT INTO ledger (kind, amount_cents, debit, credit, pot_id, round_id, bucket_id, \
         project_id, member_id, actor_id, created_at) VALUES {}",
        rows.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for movement in movements {
        query = query
            .bind(movement.kind.as_str())
            .bind(movement.amount_cents)
            .bind(movement.from.key())
            .bind(movement.to.key())
            .bind(movement.pot_id)
            .bind(movement.round_id)
            .bind(movement.bucket_id)
            .bind(movement.project_id)
            .bind(movement.member_id)
            .bind(movement.actor_id)
            .bind(movement.at);
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

/// Positive balances of the members of a funding round, by member id.
pub async fn member_balances(tx: &mut Tx<'_>, round_id: i64) -> Result<Vec<(i64, i64)>, AppError> {
    member_balances_in(&mut **tx, round_id).await
}

pub async fn member_balances_in<'e, E>(
    executor: E,
    round_id: i64,
) -> Result<Vec<(i64, i64)>, AppError>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    let prefix = format!("member:{round_id}:");
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT member_id, \
         CAST(SUM(CASE WHEN credit LIKE $1 THEN amount_cents ELSE -amount_cents END) AS BIGINT) \
         FROM ledger WHERE round_id = $2 AND member_id IS NOT NULL \
         AND (credit LIKE $1 OR debit LIKE $1) GROUP BY member_id",
    )
    .bind(format!("{prefix}%"))
    .bind(round_id)
    .fetch_all(executor)
    .await?;
    Ok(rows.into_iter().filter(|(_, cents)| *cents > 0).collect())
}
