use crate::error::AppError;
use leptos::prelude::*;

/// The round's managers approve the payout of a funded bucket. Answers the amount paid.
#[server(endpoint = "pay_out_bucket")]
pub async fn pay_out_bucket(bucket: i64) -> Result<i64, AppError> {
    use super::funding::{self, Act};
    use super::{access, rounds};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};

    let viewer = authz::signed_in().await?;
    let state = state()?;
    let (bucket, round, pot) = rounds::bucket_round_pot(&state.db, bucket).await?;
    if !access::may_manage(&viewer, pot.scope()) {
        return Err(fail(AppError::Forbidden));
    }
    let act = Act {
        actor_id: viewer.id,
        at: now(),
    };
    funding::pay_out(&state, &round, bucket.id, act).await
}
