use super::types::Notification;
use crate::error::AppError;
use leptos::prelude::*;

/// The viewer's latest mentions, replies (and, for moderators, reports), newest first.
#[server(endpoint = "list_notifications")]
pub async fn list_notifications() -> Result<Vec<Notification>, AppError> {
    use super::queries;
    use crate::accounts::authz;
    use crate::context::db;

    let viewer = authz::signed_in().await?;
    let db = db()?;
    let rows: Vec<(i64, String, i64, String, Option<i64>)> = sqlx::query_as(
        "SELECT n.id, n.kind, n.message_id, c.name, n.read_at FROM notifications n \
         JOIN messages m ON m.id = n.message_id JOIN channels c ON c.id = m.channel_id \
         WHERE n.user_id = $1 ORDER BY n.id DESC LIMIT 50",
    )
    .bind(viewer.id)
    .fetch_all(&db)
    .await?;
    let ids: Vec<i64> = rows.iter().map(|row| row.2).collect();
    let messages = queries::messages(&db, &ids).await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, kind, message_id, channel_name, read_at)| {
            let message = messages
                .iter()
                .find(|message| message.id == message_id)?
                .clone();
            Some(Notification {
                id,
                kind,
                channel_name,
                message,
                unread: read_at.is_none(),
            })
        })
        .collect())
}
