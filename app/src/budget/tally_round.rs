use crate::error::AppError;
use leptos::prelude::*;

/// Managers close voting and count with the round's rule: winners are paid, the rest returns to
/// the pot, and the result is published. Answers the money spent.
#[server(endpoint = "tally_round")]
pub async fn tally_round(round: i64) -> Result<i64, AppError> {
    use super::funding::Act;
    use super::types::Phase;
    use super::{ballots, rounds};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};
    use crate::error::Problem;

    let viewer = authz::signed_in().await?;
    let state = state()?;
    let (round, _) = rounds::managed_round(&state.db, &viewer, round).await?;
    let setup = round
        .rules
        .ballot
        .clone()
        .filter(|_| round.phase == Phase::Voting)
        .ok_or_else(|| fail(AppError::invalid("round", Problem::NotOpen)))?;
    let act = Act {
        actor_id: viewer.id,
        at: now(),
    };
    let view = ballots::tally(&state, &round, &setup, act).await?;
    leptos_axum::redirect(&format!("/budgets/ballots/{}/results", round.id));
    Ok(view.spent_cents)
}
