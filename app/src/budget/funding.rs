//! Collaborative funding: allocating to members, funding buckets, cancelling with refunds,
//! paying out, withdrawing what was not spent. Each operation is one transaction that first
//! locks the pot, checks what it must against the ledger, and writes the movements.
use super::audit::{self, Change};
use super::ledger::{self, lock_pot, Movement, MovementKind, Tx};
use super::live::{self, PotChange};
use super::money::Account;
use super::queries::{self, Bucket, Round};
use super::types::{BucketStatus, Phase};
use crate::context::{fail, ServerState};
use crate::error::{AppError, Problem};
use serde_json::json;

/// Who acts, and when.
#[derive(Clone, Copy, Debug)]
pub struct Act {
    pub actor_id: i64,
    pub at: i64,
}

/// A movement of the round, by nobody in particular yet: callers say who and when.
pub(super) fn movement(
    round: &Round,
    kind: MovementKind,
    amount: i64,
    from: Account,
    to: Account,
) -> Movement {
    Movement {
        kind,
        amount_cents: amount,
        from,
        to,
        pot_id: round.pot_id,
        round_id: Some(round.id),
        bucket_id: None,
        project_id: None,
        member_id: None,
        actor_id: None,
        at: 0,
    }
}

/// Gives each (member, amount) a balance in the round, from the pot: all or nothing.
pub async fn allocate(
    state: &ServerState,
    round: &Round,
    grants: &[(i64, i64)],
    act: Act,
) -> Result<i64, AppError> {
    let total: i64 = grants
        .iter()
        .try_fold(0i64, |sum, (_, cents)| sum.checked_add(*cents))
        .ok_or_else(|| fail(AppError::invalid("amount", Problem::AmountTooLarge)))?;
    let mut tx = state.db.begin().await?;
    let version = lock_pot(&mut tx, round.pot_id).await?;
    let pot_account = Account::Pot(round.pot_id);
    let available = ledger::balance(&mut *tx, pot_account).await?;
    if available < total {
        return Err(fail(AppError::invalid(
            "amount",
            Problem::NotEnoughMoney {
                available_cents: available.max(0),
            },
        )));
    }
    let movements: Vec<Movement> = grants
        .iter()
        .map(|&(member, cents)| Movement {
            member_id: Some(member),
            actor_id: Some(act.actor_id),
            at: act.at,
            ..movement(
                round,
                MovementKind::Allocation,
                cents,
                pot_account,
                Account::Member {
                    round: round.id,
                    user: member,
                },
            )
        })
        .collect();
    ledger::record_checked(&mut tx, &movements).await?;
    audit::record(
        &mut tx,
        Change::in_round(round, act, "allocate", format!("{} members", grants.len())).values(
            json!({ "pot_balance_cents": available }),
            json!({ "pot_balance_cents": available - total, "allocated_cents": total }),
        ),
    )
    .await?;
    finish(state, tx, round.pot_id, version).await?;
    Ok(total)
}

/// Takes every member's unspent balance in the round back to the pot.
pub async fn withdraw_unspent(
    state: &ServerState,
    round: &Round,
    act: Act,
) -> Result<i64, AppError> {
    let mut tx = state.db.begin().await?;
    let version = lock_pot(&mut tx, round.pot_id).await?;
    let balances = ledger::member_balances(&mut tx, round.id).await?;
    let total: i64 = balances.iter().map(|(_, cents)| cents).sum();
    let movements: Vec<Movement> = balances
        .iter()
        .map(|&(member, cents)| Movement {
            member_id: Some(member),
            actor_id: Some(act.actor_id),
            at: act.at,
            ..movement(
                round,
                MovementKind::Withdrawal,
                cents,
                Account::Member {
                    round: round.id,
                    user: member,
                },
                Account::Pot(round.pot_id),
            )
        })
        .collect();
    ledger::record_checked(&mut tx, &movements).await?;
    audit::record(
        &mut tx,
        Change::in_round(
            round,
            act,
            "withdraw",
            format!("{} members", balances.len()),
        )
        .values(
            json!({ "unspent_cents": total }),
            json!({ "unspent_cents": 0 }),
        ),
    )
    .await?;
    finish(state, tx, round.pot_id, version).await?;
    Ok(total)
}

/// A member gives `amount` of their balance to a bucket open for funding.
pub async fn contribute(
    state: &ServerState,
    round: &Round,
    bucket_id: i64,
    amount: i64,
    act: Act,
) -> Result<(), AppError> {
    let member = act.actor_id;
    let mut tx = state.db.begin().await?;
    let version = lock_pot(&mut tx, round.pot_id).await?;
    let bucket = current_bucket(&mut tx, round, bucket_id).await?;
    let current = queries::round(&mut *tx, round.id)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    if current.phase != Phase::Open
        || !current.schedule.takes_part(act.at)
        || !bucket.status.takes_money()
    {
        return Err(fail(AppError::invalid("amount", Problem::NotOpen)));
    }
    let received = ledger::balance(&mut *tx, Account::Bucket(bucket.id)).await?;
    let room = bucket.max_cents - received;
    if amount > room {
        return Err(fail(AppError::invalid(
            "amount",
            Problem::OverMaximum {
                room_cents: room.max(0),
            },
        )));
    }
    if let Some(cap) = current.rules.cap_per_bucket_cents {
        let given = given_in_tx(&mut tx, round.id, bucket.id, member).await?;
        if given + amount > cap {
            return Err(fail(AppError::invalid(
                "amount",
                Problem::OverCap {
                    room_cents: (cap - given).max(0),
                },
            )));
        }
    }
    let from = Account::Member {
        round: round.id,
        user: member,
    };
    ledger::record(
        &mut tx,
        Movement {
            bucket_id: Some(bucket.id),
            member_id: Some(member),
            actor_id: Some(member),
            at: act.at,
            ..movement(
                round,
                MovementKind::Contribution,
                amount,
                from,
                Account::Bucket(bucket.id),
            )
        },
    )
    .await
    .map_err(fail)?;
    if bucket.status == BucketStatus::Open && received + amount >= bucket.min_cents {
        sqlx::query("UPDATE buckets SET status = 'funded', funded_at = $2 WHERE id = $1")
            .bind(bucket.id)
            .bind(act.at)
            .execute(&mut *tx)
            .await?;
        tell_bucket_funded(&mut tx, bucket.id, act.at).await?;
    }
    finish(state, tx, round.pot_id, version).await
}

/// Cancels a bucket that has not been paid out: every contribution goes back to its giver.
pub async fn cancel(
    state: &ServerState,
    round: &Round,
    bucket_id: i64,
    act: Act,
) -> Result<i64, AppError> {
    let mut tx = state.db.begin().await?;
    let version = lock_pot(&mut tx, round.pot_id).await?;
    let bucket = current_bucket(&mut tx, round, bucket_id).await?;
    if matches!(
        bucket.status,
        BucketStatus::Completed | BucketStatus::Cancelled
    ) {
        return Err(fail(AppError::invalid("bucket", Problem::NotOpen)));
    }
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT member_id, CAST(SUM(CASE WHEN kind = 'contribution' THEN amount_cents \
         ELSE -amount_cents END) AS BIGINT) FROM ledger \
         WHERE bucket_id = $1 AND kind IN ('contribution', 'refund') GROUP BY member_id",
    )
    .bind(bucket.id)
    .fetch_all(&mut *tx)
    .await?;
    let refunds: Vec<Movement> = rows
        .iter()
        .filter(|(_, cents)| *cents > 0)
        .map(|&(member, cents)| Movement {
            bucket_id: Some(bucket.id),
            member_id: Some(member),
            actor_id: Some(act.actor_id),
            at: act.at,
            ..movement(
                round,
                MovementKind::Refund,
                cents,
                Account::Bucket(bucket.id),
                Account::Member {
                    round: round.id,
                    user: member,
                },
            )
        })
        .collect();
    let total: i64 = refunds.iter().map(|refund| refund.amount_cents).sum();
    ledger::record_checked(&mut tx, &refunds).await?;
    set_status(&mut tx, bucket.id, BucketStatus::Cancelled).await?;
    audit::record(
        &mut tx,
        Change::in_round(
            round,
            act,
            "cancel",
            format!("bucket {} \"{}\"", bucket.id, bucket.title),
        )
        .values(
            json!({ "status": bucket.status.as_str(), "received_cents": total }),
            json!({ "status": "cancelled", "refunded_cents": total }),
        ),
    )
    .await?;
    finish(state, tx, round.pot_id, version).await?;
    Ok(total)
}

/// The bucket as it is now (under the pot's lock), when it belongs to this round.
pub(super) async fn current_bucket(
    tx: &mut Tx<'_>,
    round: &Round,
    bucket_id: i64,
) -> Result<Bucket, AppError> {
    queries::bucket(&mut **tx, bucket_id)
        .await?
        .filter(|bucket| bucket.round_id == round.id)
        .ok_or_else(|| fail(AppError::NotFound))
}

async fn given_in_tx(
    tx: &mut Tx<'_>,
    round_id: i64,
    bucket_id: i64,
    member_id: i64,
) -> Result<i64, AppError> {
    let (given,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(CASE WHEN kind = 'contribution' THEN amount_cents \
         WHEN kind = 'refund' THEN -amount_cents ELSE 0 END), 0) AS BIGINT) \
         FROM ledger WHERE round_id = $1 AND bucket_id = $2 AND member_id = $3",
    )
    .bind(round_id)
    .bind(bucket_id)
    .bind(member_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(given)
}

pub async fn set_status(
    tx: &mut Tx<'_>,
    bucket_id: i64,
    status: BucketStatus,
) -> Result<(), AppError> {
    sqlx::query("UPDATE buckets SET status = $2 WHERE id = $1")
        .bind(bucket_id)
        .bind(status.as_str())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Commits and tells live pages of the pot to refresh.
pub async fn finish(
    state: &ServerState,
    tx: Tx<'_>,
    pot_id: i64,
    version: i64,
) -> Result<(), AppError> {
    finish_pots(state, tx, &[(pot_id, version)]).await
}

/// The same for a change that moved the money of several pots: (pot, new version) each.
pub async fn finish_pots(
    state: &ServerState,
    mut tx: Tx<'_>,
    versions: &[(i64, i64)],
) -> Result<(), AppError> {
    let changes: Vec<PotChange> = versions
        .iter()
        .map(|&(pot_id, version)| PotChange { pot_id, version })
        .collect();
    for change in &changes {
        live::notify_in_transaction(&mut tx, state.dialect, *change).await?;
    }
    tx.commit().await?;
    for change in changes {
        live::committed(state, change);
    }
    Ok(())
}

/// Everyone who made the bucket happen hears that it is funded: who started it, its co-creators
/// and everyone who gave to it, once each.
async fn tell_bucket_funded(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    bucket_id: i64,
    at: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO bucket_notices (user_id, bucket_id, kind, created_at) \
         SELECT people.user_id, $1, 'funded', $2 FROM ( \
           SELECT created_by AS user_id FROM buckets WHERE id = $1 AND created_by IS NOT NULL \
           UNION SELECT user_id FROM bucket_cocreators WHERE bucket_id = $1 \
           UNION SELECT member_id FROM ledger WHERE bucket_id = $1 AND kind = 'contribution' \
             AND member_id IS NOT NULL \
         ) people",
    )
    .bind(bucket_id)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
