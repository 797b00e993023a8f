use super::types::EarlierVersion;
use crate::error::AppError;
use leptos::prelude::*;

/// The earlier versions of an edited message, oldest first.
#[server(endpoint = "get_message_history")]
pub async fn get_message_history(message: i64) -> Result<Vec<EarlierVersion>, AppError> {
    use super::{access, queries};
    use crate::accounts::authz;
    use crate::context::{db, fail};

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let meta = queries::message_meta(&db, message)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    access::readable(&db, &viewer, meta.channel_id).await?;
    if meta.withdrawn {
        return Ok(Vec::new());
    }
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT body, replaced_at FROM message_edits WHERE message_id = $1 ORDER BY id LIMIT 100",
    )
    .bind(meta.id)
    .fetch_all(&db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(body, replaced_at)| EarlierVersion {
            html: crate::markdown::render(&body),
            replaced_at,
        })
        .collect())
}
