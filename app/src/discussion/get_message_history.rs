use super::types::EarlierVersion;
use crate::error::AppError;
use leptos::prelude::*;

/// The earlier versions of an edited message, oldest first.
#[server(endpoint = "get_message_history")]
pub async fn get_message_history(message: i64) -> Result<Vec<EarlierVersion>, AppError> {
    use super::access;
    use crate::accounts::authz;
    use crate::context::db;

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let (meta, _, _) = access::readable_message(&db, &viewer, message).await?;
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
