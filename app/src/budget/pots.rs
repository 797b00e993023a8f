//! The network's money between its pots: deposits into a pot and moves from one to another,
//! admins only, audited.
use super::audit::{self, Change};
use super::funding::finish_pots;
use super::ledger::{self, lock_pot, Movement, MovementKind};
use super::money::Account;
use crate::context::{fail, ServerState};
use crate::error::{AppError, Problem};
use serde_json::json;

pub async fn move_money(
    state: &ServerState,
    from_pot: Option<i64>,
    to_pot: i64,
    cents: i64,
    actor_id: i64,
    at: i64,
) -> Result<(), AppError> {
    if from_pot == Some(to_pot) {
        return Err(fail(AppError::invalid("to_pot", Problem::Taken)));
    }
    let mut tx = state.db.begin().await?;
    // Both pots locked, always in the same order, so two opposite moves cannot deadlock.
    let mut locked = vec![to_pot];
    locked.extend(from_pot);
    locked.sort_unstable();
    let mut versions = Vec::new();
    for pot in &locked {
        // Locking is the first statement: on SQLite a read before it would pin an older
        // snapshot that the write lock then refuses.
        let version = lock_pot(&mut tx, *pot).await.map_err(fail)?;
        versions.push((*pot, version));
    }
    let (from, kind) = match from_pot {
        Some(pot) => (Account::Pot(pot), MovementKind::Transfer),
        None => (Account::Outside, MovementKind::Deposit),
    };
    let before_to = ledger::balance(&mut *tx, Account::Pot(to_pot)).await?;
    ledger::record(
        &mut tx,
        Movement {
            kind,
            amount_cents: cents,
            from,
            to: Account::Pot(to_pot),
            pot_id: to_pot,
            round_id: None,
            bucket_id: None,
            project_id: None,
            member_id: None,
            actor_id: Some(actor_id),
            at,
        },
    )
    .await
    .map_err(fail)?;
    for pot in locked {
        audit::record(
            &mut tx,
            Change {
                pot_id: pot,
                round_id: None,
                actor_id,
                action: kind.as_str(),
                subject: match from_pot {
                    Some(source) => format!("pot {source} to pot {to_pot}"),
                    None => format!("into pot {to_pot}"),
                },
                before: Some(json!({ "to_pot_balance_cents": before_to })),
                after: Some(
                    json!({ "to_pot_balance_cents": before_to + cents, "moved_cents": cents }),
                ),
                at,
            },
        )
        .await?;
    }
    finish_pots(state, tx, &versions).await
}

/// Gives the network and every city a pot, once: run after migrating and after cities are added.
/// (`WHERE TRUE` lets SQLite tell the upsert clause from a join.)
pub async fn ensure_pots(db: &mut sqlx::AnyConnection, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO pots (scope, city_id, name, created_at) VALUES ('network', NULL, 'Network', $1) \
         ON CONFLICT (scope) DO NOTHING",
    )
    .bind(now)
    .execute(&mut *db)
    .await?;
    sqlx::query(
        "INSERT INTO pots (scope, city_id, name, created_at) \
         SELECT 'city:' || CAST(id AS TEXT), id, name, $1 FROM cities WHERE TRUE \
         ON CONFLICT (scope) DO NOTHING",
    )
    .bind(now)
    .execute(&mut *db)
    .await?;
    Ok(())
}
