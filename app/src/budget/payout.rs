//! Paying a funded bucket out: what it holds leaves the network for the project, and the bucket
//! is completed. Above the admins' threshold, only citing a passed lazy-consent decision.
use super::audit::{self, Change};
use super::consent;
use super::funding::{current_bucket, finish, movement, Act};
use super::ledger::{self, lock_pot, Movement, MovementKind};
use super::money::Account;
use super::queries::Round;
use super::types::{BucketStatus, ConsentRules};
use crate::context::{fail, ServerState};
use crate::decisions::types::DecisionRef;
use crate::error::{AppError, Problem};
use serde_json::json;

/// What the payout must respect: the consent rules, and the decision the manager cited, if any.
#[derive(Clone, Debug, Default)]
pub struct PayoutConsent {
    pub rules: ConsentRules,
    pub decision: Option<DecisionRef>,
}

/// Answers the amount paid.
pub async fn pay_out(
    state: &ServerState,
    round: &Round,
    bucket_id: i64,
    consent: &PayoutConsent,
    act: Act,
) -> Result<i64, AppError> {
    let mut tx = state.db.begin().await?;
    let version = lock_pot(&mut tx, round.pot_id).await?;
    let bucket = current_bucket(&mut tx, round, bucket_id).await?;
    if bucket.status != BucketStatus::Funded {
        return Err(fail(AppError::invalid("bucket", Problem::NotFunded)));
    }
    // Read under the pot's lock: the amount the threshold applies to is the one paid.
    let held = ledger::balance(&mut *tx, Account::Bucket(bucket.id)).await?;
    if consent::payout_needs_decision(consent.rules, held) && consent.decision.is_none() {
        return Err(fail(AppError::invalid("decision", Problem::NeedsDecision)));
    }
    let decision = consent.decision.as_ref().map(|decision| decision.id);
    ledger::record(
        &mut tx,
        Movement {
            bucket_id: Some(bucket.id),
            actor_id: Some(act.actor_id),
            at: act.at,
            ..movement(
                round,
                MovementKind::Payout,
                held,
                Account::Bucket(bucket.id),
                Account::Outside,
            )
        },
    )
    .await
    .map_err(fail)?;
    sqlx::query(
        "UPDATE buckets SET status = 'completed', paid_at = $2, paid_by = $3, \
         payout_decision_id = $4 WHERE id = $1",
    )
    .bind(bucket.id)
    .bind(act.at)
    .bind(act.actor_id)
    .bind(decision)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Change::in_round(
            round,
            act,
            "payout",
            format!("bucket {} \"{}\"", bucket.id, bucket.title),
        )
        .values(
            json!({ "status": "funded", "held_cents": held }),
            json!({ "status": "completed", "paid_cents": held, "decision": decision }),
        ),
    )
    .await?;
    finish(state, tx, round.pot_id, version).await?;
    Ok(held)
}
