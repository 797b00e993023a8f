use crate::error::AppError;
use leptos::prelude::*;

/// A bucket's co-creators invite another member taking part in the round, by email.
#[server(endpoint = "add_cocreator")]
pub async fn add_cocreator(bucket: i64, email: String) -> Result<(), AppError> {
    use super::{access, rounds};
    use crate::accounts::{authz, queries, validation};
    use crate::context::{db, fail};
    use crate::error::Problem;

    let viewer = authz::active_member().await?;
    let db = db()?;
    let (bucket, _, pot) = rounds::bucket_round_pot(&db, bucket).await?;
    if !rounds::is_cocreator(&db, bucket.id, viewer.id).await? {
        return Err(fail(AppError::Forbidden));
    }
    let email = validation::email(&email).map_err(fail)?;
    let invited = match queries::user_id_by_email(&db, &email).await? {
        Some(id) => queries::viewer(&db, id).await?,
        None => None,
    }
    .filter(|person| access::may_take_part(person, pot.scope()))
    .ok_or_else(|| fail(AppError::invalid("email", Problem::NoSuchMember)))?;
    sqlx::query(
        "INSERT INTO bucket_cocreators (bucket_id, user_id) VALUES ($1, $2) \
         ON CONFLICT (bucket_id, user_id) DO NOTHING",
    )
    .bind(bucket.id)
    .bind(invited.id)
    .execute(&db)
    .await?;
    Ok(())
}
