use super::types::RoundResults;
use crate::error::AppError;
use leptos::prelude::*;

/// A tallied round's published result, with the anonymous ballots the what-if recounts.
#[server(endpoint = "get_round_results")]
pub async fn get_round_results(round: i64) -> Result<RoundResults, AppError> {
    use super::tally_view::TallyView;
    use super::{access, ballots, queries, rounds};
    use crate::accounts::authz;
    use crate::context::{db, fail};

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let (round, pot) = rounds::round_and_pot(&db, round).await?;
    let setup = round
        .rules
        .ballot
        .clone()
        .ok_or_else(|| fail(AppError::NotFound))?;
    let stored: Option<(String,)> =
        sqlx::query_as("SELECT outcome FROM round_results WHERE round_id = $1")
            .bind(round.id)
            .fetch_optional(&db)
            .await?;
    let (stored,) = stored.ok_or_else(|| fail(AppError::NotFound))?;
    let tally: TallyView = serde_json::from_str(&stored).map_err(|_| {
        tracing::error!(round = round.id, "a stored result does not parse");
        AppError::Internal
    })?;
    let mut connection = db.acquire().await?;
    let election = ballots::election_data(&mut connection, round.id).await?;
    Ok(RoundResults {
        round: queries::summary(&round, &pot),
        setup,
        tally,
        election,
        may_manage: access::may_manage(&viewer, pot.scope()),
    })
}
