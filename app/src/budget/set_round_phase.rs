use crate::error::AppError;
use leptos::prelude::*;

/// Managers move a round to another phase of its mode (a tallied ballot round stays tallied).
/// When the admins ask for it, a round moves past its draft only citing the passed lazy-consent
/// `decision` of the pot's scope that agreed its rules.
#[server(endpoint = "set_round_phase")]
pub async fn set_round_phase(
    round: i64,
    phase: String,
    decision: Option<String>,
) -> Result<(), AppError> {
    use super::funding::Act;
    use super::types::Phase;
    use super::{ballots, consent, rounds};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};
    use crate::error::Problem;

    let viewer = authz::signed_in().await?;
    let state = state()?;
    let (round, pot) = rounds::managed_round(&state.db, &viewer, round).await?;
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
    let act = Act {
        actor_id: viewer.id,
        at: now(),
    };
    // Rules are in effect in every phase but the draft, so any move past it asks: a round
    // imported straight into review, or one opened before the admins asked, too.
    if phase != Phase::Draft
        && consent::rules(&state.db).await?.rules_need_decision
        && consent::rules_decision(&state.db, round.id)
            .await?
            .is_none()
    {
        let cited =
            consent::cited(&state.db, consent::named(decision.as_deref()), pot.scope()).await?;
        consent::cite_for_rules(&state.db, &round, &cited, act).await?;
    }
    // Opening and leaving voting move the round's budget between the pot and the round.
    match (&round.rules.ballot, round.phase, phase) {
        (Some(setup), _, Phase::Voting) => ballots::open_voting(&state, &round, setup, act).await,
        (Some(_), Phase::Voting, earlier) => {
            ballots::close_voting_early(&state, &round, earlier, act).await
        }
        _ => rounds::set_phase(&state.db, &round, phase, viewer.id, act.at).await,
    }
}
