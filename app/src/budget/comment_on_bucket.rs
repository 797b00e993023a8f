use crate::error::AppError;
use leptos::prelude::*;

/// A member taking part in the round comments on a bucket (markdown, sanitized).
#[server(endpoint = "comment_on_bucket")]
pub async fn comment_on_bucket(bucket: i64, body: String) -> Result<(), AppError> {
    use super::{access, rounds};
    use crate::accounts::authz;
    use crate::context::{db, fail, now};
    use crate::discussion::message_text;

    let viewer = authz::active_member().await?;
    let db = db()?;
    let (bucket, _, pot) = rounds::bucket_round_pot(&db, bucket).await?;
    if !access::may_take_part(&viewer, pot.scope()) {
        return Err(fail(AppError::Forbidden));
    }
    let body = message_text::validate(&body).map_err(fail)?;
    sqlx::query(
        "INSERT INTO bucket_comments (bucket_id, author_id, body, body_html, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(bucket.id)
    .bind(viewer.id)
    .bind(&body)
    .bind(crate::markdown::render(&body))
    .bind(now())
    .execute(&db)
    .await?;
    Ok(())
}
