//! The audit trail of budgets: every change a connector or admin makes, with who, when, and the
//! values before and after, written in the same transaction as the change. Members read it.
use super::funding::Act;
use super::ledger::Tx;
use super::queries::Round;
use super::types::AuditLine;
use crate::error::AppError;
use sqlx::AnyPool;

pub struct Change<'a> {
    pub pot_id: i64,
    pub round_id: Option<i64>,
    pub actor_id: i64,
    /// What was done: `allocate`, `withdraw`, `phase`, `payout`, …
    pub action: &'a str,
    /// What it was done to, in words: `round 3`, `bucket 12 "Seeds"`.
    pub subject: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub at: i64,
}

impl<'a> Change<'a> {
    /// A change to a round or to something in it, by someone at a time.
    pub fn in_round(round: &Round, act: Act, action: &'a str, subject: String) -> Change<'a> {
        Change {
            pot_id: round.pot_id,
            round_id: Some(round.id),
            actor_id: act.actor_id,
            action,
            subject,
            before: None,
            after: None,
            at: act.at,
        }
    }

    pub fn values(self, before: serde_json::Value, after: serde_json::Value) -> Change<'a> {
        Change {
            before: Some(before),
            after: Some(after),
            ..self
        }
    }
}

/// How the trail names a round.
pub fn round_subject(round: &Round) -> String {
    format!("round {} \"{}\"", round.id, round.title)
}

pub async fn record(tx: &mut Tx<'_>, change: Change<'_>) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO budget_audit (pot_id, round_id, actor_id, action, subject, before_value, \
         after_value, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(change.pot_id)
    .bind(change.round_id)
    .bind(change.actor_id)
    .bind(change.action)
    .bind(change.subject)
    .bind(change.before.map(|value| value.to_string()))
    .bind(change.after.map(|value| value.to_string()))
    .bind(change.at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

type AuditRow = (
    i64,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
    i64,
);

/// The trail of a pot (with its rounds), newest first.
pub async fn of_pot(db: &AnyPool, pot_id: i64, limit: i64) -> Result<Vec<AuditLine>, AppError> {
    let rows: Vec<AuditRow> = sqlx::query_as(
        "SELECT a.id, u.name, a.action, a.subject, a.before_value, a.after_value, a.at \
         FROM budget_audit a LEFT JOIN users u ON u.id = a.actor_id \
         WHERE a.pot_id = $1 ORDER BY a.id DESC LIMIT $2",
    )
    .bind(pot_id)
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, actor, action, subject, before, after, at)| AuditLine {
                id,
                actor,
                action,
                subject,
                before,
                after,
                at,
            },
        )
        .collect())
}
