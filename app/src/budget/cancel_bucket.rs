use crate::error::AppError;
use leptos::prelude::*;

/// Its co-creators or the round's managers cancel a bucket not yet paid out: every contribution
/// returns to its contributor. Answers the total refunded.
#[server(endpoint = "cancel_bucket")]
pub async fn cancel_bucket(bucket: i64) -> Result<i64, AppError> {
    use super::funding::{self, Act};
    use super::{access, rounds};
    use crate::accounts::authz;
    use crate::context::{fail, now, state};

    let viewer = authz::active_member().await?;
    let state = state()?;
    let (bucket, round, pot) = rounds::bucket_round_pot(&state.db, bucket).await?;
    let may = access::may_manage(&viewer, pot.scope())
        || rounds::is_cocreator(&state.db, bucket.id, viewer.id).await?;
    if !may {
        return Err(fail(AppError::Forbidden));
    }
    let act = Act {
        actor_id: viewer.id,
        at: now(),
    };
    funding::cancel(&state, &round, bucket.id, act).await
}
