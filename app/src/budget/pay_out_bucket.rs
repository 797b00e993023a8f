use crate::error::AppError;
use leptos::prelude::*;

/// The round's managers approve the payout of a funded bucket, citing the passed lazy-consent
/// `decision` that agreed it when the amount is above the admins' threshold. Answers the amount
/// paid.
#[server(endpoint = "pay_out_bucket")]
pub async fn pay_out_bucket(bucket: i64, decision: Option<String>) -> Result<i64, AppError> {
    use super::funding::Act;
    use super::payout::{self, PayoutConsent};
    use super::{access, consent, rounds};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};

    let viewer = authz::signed_in().await?;
    let state = state()?;
    let (bucket, round, pot) = rounds::bucket_round_pot(&state.db, bucket).await?;
    if !access::may_manage(&viewer, pot.scope()) {
        return Err(fail(AppError::Forbidden));
    }
    // A decision named must be a valid one, needed or not; whether one is needed is decided
    // under the pot's lock, on the amount paid.
    let decision = match consent::named(decision.as_deref()) {
        Some(id) => Some(consent::cited(&state.db, Some(id), pot.scope()).await?),
        None => None,
    };
    let consent = PayoutConsent {
        rules: consent::rules(&state.db).await?,
        decision,
    };
    let act = Act {
        actor_id: viewer.id,
        at: now(),
    };
    payout::pay_out(&state, &round, bucket.id, &consent, act).await
}
