use crate::error::AppError;
use leptos::prelude::*;

/// A bucket's co-creators (or the round's managers) open a draft for funding.
#[server(endpoint = "open_bucket")]
pub async fn open_bucket(bucket: i64) -> Result<(), AppError> {
    use super::types::BucketStatus;
    use super::{access, rounds};
    use crate::accounts::authz;
    use crate::context::{db, fail};
    use crate::error::Problem;

    let viewer = authz::active_member().await?;
    let db = db()?;
    let (bucket, _, pot) = rounds::bucket_round_pot(&db, bucket).await?;
    let may = access::may_manage(&viewer, pot.scope())
        || rounds::is_cocreator(&db, bucket.id, viewer.id).await?;
    if !may {
        return Err(fail(AppError::Forbidden));
    }
    let done = sqlx::query("UPDATE buckets SET status = 'open' WHERE id = $1 AND status = 'draft'")
        .bind(bucket.id)
        .execute(&db)
        .await?;
    if done.rows_affected() == 0 && bucket.status != BucketStatus::Open {
        return Err(fail(AppError::invalid("bucket", Problem::NotOpen)));
    }
    Ok(())
}
