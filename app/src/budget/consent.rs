//! Budget steps that wait for the network's word. Formal decisions are taken by lazy consent, so
//! the admins may ask that a round's rules, or any payout above a threshold, be agreed by a
//! passed lazy-consent decision of the pot's scope before they take effect. The settings are rows
//! of `network_settings`; the decision cited is kept with the round or the bucket.
use super::access::PotScope;
use super::audit::{self, Change};
use super::funding::Act;
use super::queries::{Pot, Round};
use super::types::{ConsentRules, DecisionChoices, Phase, RulesConsent};
use crate::context::fail;
use crate::decisions::queries as decisions;
use crate::decisions::types::{DecisionRef, Scope};
use crate::error::{AppError, Problem};
use serde_json::json;
use sqlx::AnyPool;

const RULES_NEED_DECISION: &str = "budget_rules_need_decision";
const PAYOUT_DECISION_ABOVE: &str = "budget_payout_decision_above_cents";

pub async fn rules(db: &AnyPool) -> Result<ConsentRules, AppError> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT name, value FROM network_settings WHERE name IN ($1, $2)")
            .bind(RULES_NEED_DECISION)
            .bind(PAYOUT_DECISION_ABOVE)
            .fetch_all(db)
            .await?;
    let value = |name: &str| {
        rows.iter()
            .find(|(row, _)| row == name)
            .map(|(_, value)| value.as_str())
    };
    Ok(ConsentRules {
        rules_need_decision: value(RULES_NEED_DECISION) == Some("true"),
        payout_decision_above_cents: value(PAYOUT_DECISION_ABOVE).and_then(|v| v.parse().ok()),
    })
}

pub async fn save(db: &AnyPool, rules: ConsentRules) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let settings = [
        (
            RULES_NEED_DECISION,
            Some(rules.rules_need_decision.to_string()),
        ),
        (
            PAYOUT_DECISION_ABOVE,
            rules
                .payout_decision_above_cents
                .map(|cents| cents.to_string()),
        ),
    ];
    for (name, value) in settings {
        sqlx::query("DELETE FROM network_settings WHERE name = $1")
            .bind(name)
            .execute(&mut *tx)
            .await?;
        if let Some(value) = value {
            sqlx::query("INSERT INTO network_settings (name, value) VALUES ($1, $2)")
                .bind(name)
                .bind(value)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Whether paying out `held_cents` needs a decision under these rules.
pub fn payout_needs_decision(rules: ConsentRules, held_cents: i64) -> bool {
    rules
        .payout_decision_above_cents
        .is_some_and(|threshold| held_cents > threshold)
}

/// The decision a form names: its id, or nothing when the field is empty or not a number.
pub fn named(field: Option<&str>) -> Option<i64> {
    field.and_then(|text| text.trim().parse().ok())
}

/// The decision a manager cites, when it is a passed lazy-consent decision of the pot's scope.
pub async fn cited(
    db: &AnyPool,
    decision: Option<i64>,
    pot: PotScope,
) -> Result<DecisionRef, AppError> {
    let refused = || fail(AppError::invalid("decision", Problem::NeedsDecision));
    let Some(id) = decision else {
        return Err(refused());
    };
    decisions::passed_lazy_consent(db, id, Scope::from_city(pot.city_id))
        .await?
        .ok_or_else(refused)
}

/// What a manager may cite for the pot, for the form that asks.
pub async fn choices(db: &AnyPool, pot: &Pot) -> Result<DecisionChoices, AppError> {
    let scope = match pot.city_id {
        None => crate::decisions::scope::NETWORK.to_string(),
        Some(city) => {
            let (slug,): (String,) = sqlx::query_as("SELECT slug FROM cities WHERE id = $1")
                .bind(city)
                .fetch_one(db)
                .await?;
            slug
        }
    };
    Ok(DecisionChoices {
        decisions: decisions::passed_lazy_consents(db, Scope::from_city(pot.city_id)).await?,
        scope,
    })
}

/// Keeps the decision with the round, in its audit trail too, before the round opens.
pub async fn cite_for_rules(
    db: &AnyPool,
    round: &Round,
    decision: &DecisionRef,
    act: Act,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE budget_rounds SET rules_decision_id = $2 WHERE id = $1")
        .bind(round.id)
        .bind(decision.id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        Change::in_round(round, act, "rules_agreed", audit::round_subject(round)).values(
            json!({ "decision": null }),
            json!({ "decision": decision.id, "title": decision.title }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// How the round's rules were agreed, and what its managers may cite while it still needs it.
pub async fn for_round(
    db: &AnyPool,
    round: &Round,
    pot: &Pot,
    may_manage: bool,
) -> Result<RulesConsent, AppError> {
    let agreed_in = rules_decision(db, round.id).await?;
    let needs = match may_manage
        && round.phase != Phase::Tallied
        && agreed_in.is_none()
        && rules(db).await?.rules_need_decision
    {
        true => Some(choices(db, pot).await?),
        false => None,
    };
    Ok(RulesConsent { agreed_in, needs })
}

pub async fn rules_decision(db: &AnyPool, round_id: i64) -> Result<Option<DecisionRef>, AppError> {
    cited_by(db, "budget_rounds", "rules_decision_id", round_id).await
}

pub async fn payout_decision(
    db: &AnyPool,
    bucket_id: i64,
) -> Result<Option<DecisionRef>, AppError> {
    cited_by(db, "buckets", "payout_decision_id", bucket_id).await
}

async fn cited_by(
    db: &AnyPool,
    table: &str,
    column: &str,
    id: i64,
) -> Result<Option<DecisionRef>, AppError> {
    let row: Option<(i64, String)> = sqlx::query_as(&format!(
        "SELECT p.id, p.title FROM {table} t JOIN proposals p ON p.id = t.{column} WHERE t.id = $1"
    ))
    .bind(id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(id, title)| DecisionRef { id, title }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_payouts_above_the_threshold_need_a_decision() {
        let rules = ConsentRules {
            rules_need_decision: false,
            payout_decision_above_cents: Some(300_000),
        };
        assert!(!payout_needs_decision(rules, 300_000));
        assert!(payout_needs_decision(rules, 300_001));
        assert!(!payout_needs_decision(ConsentRules::default(), i64::MAX));
    }
}
