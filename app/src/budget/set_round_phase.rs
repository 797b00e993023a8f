use crate::error::AppError;
use leptos::prelude::*;

/// Managers move a round to another phase of its mode (a tallied ballot round stays tallied).
#[server(endpoint = "set_round_phase")]
pub async fn set_round_phase(round: i64, phase: String) -> Result<(), AppError> {
    use super::rounds;
    use super::types::Phase;
    use crate::accounts::authz;
    use crate::context::{db, fail, now};
    use crate::error::Problem;

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let (round, _) = rounds::managed_round(&db, &viewer, round).await?;
    let phase = Phase::parse(&phase)
        .filter(|phase| round.mode.phases().contains(phase))
        .ok_or_else(|| fail(AppError::invalid("phase", Problem::Required)))?;
    if round.phase == Phase::Tallied || phase == Phase::Tallied {
        // Tallying is its own action, and a published result is final.
        return Err(fail(AppError::invalid("phase", Problem::NotOpen)));
    }
    if phase == round.phase {
        return Ok(());
    }
    rounds::set_phase(&db, &round, phase, viewer.id, now()).await
}
