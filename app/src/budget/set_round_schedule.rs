use super::schedule::ScheduleInput;
use crate::error::AppError;
use leptos::prelude::*;

/// Managers plan a round's dates (blank ones are cleared). A finished round keeps its dates.
#[server(endpoint = "set_round_schedule")]
pub async fn set_round_schedule(
    round: i64,
    #[server(flatten)] dates: ScheduleInput,
) -> Result<(), AppError> {
    use super::funding::Act;
    use super::rounds;
    use super::schedule;
    use super::types::Phase;
    use crate::accounts::authz;
    use crate::context::{db, fail, now};
    use crate::error::Problem;

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let (round, _) = rounds::managed_round(&db, &viewer, round).await?;
    if matches!(round.phase, Phase::Tallied | Phase::Closed) {
        return Err(fail(AppError::invalid("closes_on", Problem::NotOpen)));
    }
    let now = now();
    let planned = schedule::read(round.mode, &dates, &round.schedule, now).map_err(fail)?;
    let act = Act {
        actor_id: viewer.id,
        at: now,
    };
    rounds::set_schedule(&db, &round, &planned, act).await
}
