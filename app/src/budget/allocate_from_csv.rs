use crate::error::AppError;
use leptos::prelude::*;

/// Managers give members individual amounts, pasted as `email,amount` lines. Every line must name
/// a member taking part in the round, or nothing is allocated. Answers the total allocated.
#[server(endpoint = "allocate_from_csv")]
pub async fn allocate_from_csv(round: i64, csv: String) -> Result<i64, AppError> {
    use super::funding::{self, Act};
    use super::types::{Phase, RoundMode};
    use super::{rounds, validation};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};
    use crate::error::Problem;
    use std::collections::HashMap;

    let viewer = authz::signed_in().await?;
    let state = state()?;
    let (round, pot) = rounds::managed_round(&state.db, &viewer, round).await?;
    if round.mode != RoundMode::Funding || round.phase == Phase::Closed {
        return Err(fail(AppError::invalid("csv", Problem::NotOpen)));
    }
    let lines = validation::allocation_csv(&csv).map_err(fail)?;
    let eligible: std::collections::HashSet<i64> = rounds::eligible_members(&state.db, &pot)
        .await?
        .into_iter()
        .collect();
    let mut per_member: HashMap<i64, i64> = HashMap::new();
    for (line, email, cents) in lines {
        let member = crate::accounts::queries::user_id_by_email(&state.db, &email)
            .await?
            .filter(|id| eligible.contains(id))
            .ok_or_else(|| fail(AppError::invalid("csv", Problem::BadLine { line })))?;
        let total = per_member.entry(member).or_insert(0);
        *total = total
            .checked_add(cents)
            .ok_or_else(|| fail(AppError::invalid("csv", Problem::AmountTooLarge)))?;
    }
    let mut grants: Vec<(i64, i64)> = per_member.into_iter().collect();
    grants.sort_unstable();
    let act = Act {
        actor_id: viewer.id,
        at: now(),
    };
    funding::allocate(&state, &round, &grants, act).await
}
