use crate::error::AppError;
use leptos::prelude::*;

/// Managers take every member's unspent balance in the round back to the pot. Answers the total.
#[server(endpoint = "withdraw_unspent")]
pub async fn withdraw_unspent(round: i64) -> Result<i64, AppError> {
    use super::funding::{self, Act};
    use super::rounds;
    use crate::accounts::authz;
    use crate::context::{now, state};

    let viewer = authz::signed_in().await?;
    let state = state()?;
    let (round, _) = rounds::managed_round(&state.db, &viewer, round).await?;
    let act = Act {
        actor_id: viewer.id,
        at: now(),
    };
    funding::withdraw_unspent(&state, &round, act).await
}
