use crate::error::AppError;
use leptos::prelude::*;

/// A member taking part casts (or replaces) their ballot while voting is open: the approved
/// projects' ids (`approve[]`, one per ticked box), or points by project id (`points[ID]`) on a
/// cumulative ballot. Empty point fields count as none.
#[server(endpoint = "cast_ballot")]
pub async fn cast_ballot(
    round: i64,
    #[server(default)] approve: Vec<String>,
    #[server(default)] points: std::collections::BTreeMap<String, String>,
) -> Result<(), AppError> {
    use super::ballot_setup::BallotSetup;
    use super::types::Phase;
    use super::{access, ballots, rounds};
    use crate::accounts::authz;
    use crate::context::{db, fail, now};
    use crate::error::Problem;

    let viewer = authz::active_member().await?;
    let db = db()?;
    let (round, pot) = rounds::round_and_pot(&db, round).await?;
    if !access::may_take_part(&viewer, pot.scope()) {
        return Err(fail(AppError::Forbidden));
    }
    let setup: &BallotSetup = round
        .rules
        .ballot
        .as_ref()
        .ok_or_else(|| fail(AppError::invalid("ballot", Problem::NotOpen)))?;
    if round.phase != Phase::Voting || !round.schedule.takes_part(now()) {
        return Err(fail(AppError::invalid("ballot", Problem::NotOpen)));
    }
    let mut connection = db.acquire().await?;
    let accepted = ballots::election_data(&mut connection, round.id)
        .await?
        .projects;
    drop(connection);
    let parsed = match setup.uses_points() {
        true => super::ballot_form::read_points(&points),
        false => super::ballot_form::read_approvals(&approve),
    }
    .map_err(fail)?;
    super::ballot_form::check(setup, &accepted, &parsed).map_err(fail)?;
    let state = crate::context::state()?;
    ballots::cast(&state, &round, viewer.id, &parsed, now()).await
}
