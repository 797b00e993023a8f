use crate::error::AppError;
use leptos::prelude::*;

/// A member gives part of their balance to a bucket open for funding.
#[server(endpoint = "fund_bucket")]
pub async fn fund_bucket(bucket: i64, amount: String) -> Result<(), AppError> {
    use super::funding::{self, Act};
    use super::{access, rounds, validation};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};

    let viewer = authz::active_member().await?;
    let state = state()?;
    let (bucket, round, pot) = rounds::bucket_round_pot(&state.db, bucket).await?;
    if !access::may_take_part(&viewer, pot.scope()) {
        return Err(fail(AppError::Forbidden));
    }
    let cents = validation::amount("amount", &amount).map_err(fail)?;
    let act = Act {
        actor_id: viewer.id,
        at: now(),
    };
    funding::contribute(&state, &round, bucket.id, cents, act).await
}
