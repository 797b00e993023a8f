use crate::error::AppError;
use leptos::prelude::*;

/// Managers give every member taking part in the round the same amount from the pot (run again
/// to top up). Answers the total allocated.
#[server(endpoint = "allocate_equally")]
pub async fn allocate_equally(round: i64, amount: String) -> Result<i64, AppError> {
    use super::funding::{self, Act};
    use super::types::{Phase, RoundMode};
    use super::{rounds, validation};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};
    use crate::error::Problem;

    let viewer = authz::signed_in().await?;
    let state = state()?;
    let (round, pot) = rounds::managed_round(&state.db, &viewer, round).await?;
    if round.mode != RoundMode::Funding || round.phase == Phase::Closed {
        return Err(fail(AppError::invalid("amount", Problem::NotOpen)));
    }
    let cents = validation::amount("amount", &amount).map_err(fail)?;
    let members = rounds::eligible_members(&state.db, &pot).await?;
    let grants: Vec<(i64, i64)> = members.into_iter().map(|member| (member, cents)).collect();
    let act = Act {
        actor_id: viewer.id,
        at: now(),
    };
    funding::allocate(&state, &round, &grants, act).await
}
